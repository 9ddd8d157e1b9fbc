"""The timeline of `tspol simulate` (text) is built incrementally (`ledger._Tracker`),
in time linear in its days: each day compares only what can have changed. Here it is
held against the plain way, on random ledgers: the full state of every day of change,
compared with the full state of the day before by the same `_differences`.
"""

from __future__ import annotations

import datetime
import json
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tspol.diagnostics import TspolError
from tspol.runtime.ledger import Ledger, TimelineRow, _date, _differences

START = datetime.date(2024, 1, 1)
RULES = ["late_dispatch", "significantly_not_as_described", "duplicate_listing"]


def plain_timeline(ledger: Ledger, on) -> tuple[TimelineRow, ...]:
    """The timeline from full states: quadratic, and plainly right."""
    last = ledger._on(on).toordinal()
    rows, previous = [], None
    for day in ledger._days_of_change(last):
        state = ledger.state(_date(day))
        described = tuple(ledger._describe(e) for e in ledger.events if e.date.toordinal() == day)
        changes = described + _differences(previous, state)
        if changes:
            rows.append(TimelineRow(state.on, state.active_points, state.level, state.deactivated, changes))
        previous = state
    return tuple(rows)


@st.composite
def event_logs(draw):
    """A seller's events in date order: violations and metrics, appeals, holds and their
    investigations, links; ids refer to events above, as the reader requires."""
    events, scored, holds, day = [], [], [], 0
    for n in range(draw(st.integers(1, 14))):
        day += draw(st.sampled_from([0, 0, 1, 3, 20, 60, 170]))
        date = str(START + datetime.timedelta(days=day))
        kinds = ["violation"] * 4 + ["metrics", "appeal", "appeal", "hold", "closed", "link"]
        kind = draw(st.sampled_from(kinds)) if n else "violation"
        if kind == "violation":
            events.append({"date": date, "kind": "violation", "id": f"v{n}", "rule": draw(st.sampled_from(RULES)),
                           "points": draw(st.sampled_from([0, 1, 5, 7, 12, 24, 48]))})
            scored.append(f"v{n}")
        elif kind == "metrics":
            late = draw(st.integers(0, 40))
            events.append({"date": date, "kind": "metrics", "id": f"m{n}",
                           "metrics": {"orders_7d": 40, "late_orders": late, "avg_daily_orders_4w": 100}})
            scored.append(f"m{n}")
        elif kind == "appeal" and scored:
            events.append({"date": date, "kind": "appeal", "violation": draw(st.sampled_from(scored)),
                           "outcome": draw(st.sampled_from(["accepted", "rejected"]))})
        elif kind == "hold" and scored:
            events.append({"date": date, "kind": "hold", "id": f"h{n}", "violation": draw(st.sampled_from(scored)),
                           "days": draw(st.sampled_from([90, 180])), "scenario": "snad"})
            holds.append(f"h{n}")
        elif kind == "closed" and holds:
            events.append({"date": date, "kind": "investigation_closed", "hold": holds.pop(0)})
        elif kind == "link":
            events.append({"date": date, "kind": "link", "account": f"shop-{n}"})
    return events


@pytest.fixture(scope="module")
def policy():
    import tspol

    return tspol.load()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(events=event_logs(), extra_days=st.sampled_from([0, 30, 400]))
def test_the_timeline_is_what_full_states_say(policy, events, extra_days):
    program, evaluate = policy.program, policy.evaluate_dict
    try:
        ledger = Ledger(program, events, region="US", evaluate=evaluate)
    except TspolError:  # a hold of a violation that no hold covers, and such: not what is tested here
        return
    on = ledger.last_date + datetime.timedelta(days=extra_days)
    assert ledger.timeline(on) == plain_timeline(ledger, on), json.dumps(events)


def test_a_long_ledger_takes_linear_time(program):
    """92,000 days of events did not finish in 120 s when every day was compared whole."""
    def seconds(count):
        events = [{"date": str(START + datetime.timedelta(days=i)), "kind": "violation", "id": f"v{i}",
                   "rule": "late_dispatch", "points": i % 4} for i in range(count)]
        ledger = Ledger(program, events, region="US")
        began = time.perf_counter()
        rows = ledger.timeline()
        return time.perf_counter() - began, len(rows)

    small, rows = seconds(1_000)
    large, _ = seconds(8_000)
    assert rows >= 1_000
    assert large < 20 * small + 0.5  # 64 times as long if quadratic, 8 times if linear
