"""The timeline of `tspol simulate` (text) is built incrementally (`ledger._Tracker`),
in time linear in its days: each day compares only what can have changed. Here it is
held against the plain way, on random ledgers: the full state of every day of change,
compared with the full state of the day before by the same `_differences`.
"""

from __future__ import annotations

import datetime
import json
import sys

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tspol.runtime.ledger as ledger_module
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


# ---- linear work, counted -------------------------------------------------------------

def lines_run(function) -> int:
    """How many lines of tspol/runtime/ledger.py `function()` runs (a comprehension's
    once per item): its work, as no machine's speed or load changes it."""
    module_file = ledger_module.__file__
    count = 0

    def count_lines(frame, event, arg):
        nonlocal count
        count += event == "line"
        return count_lines

    def trace_ledger(frame, event, arg):
        return count_lines if frame.f_code.co_filename == module_file else None

    previous = sys.gettrace()
    sys.settrace(trace_ledger)
    try:
        function()
    finally:
        sys.settrace(previous)
    return count


def on_day(n: int) -> str:
    return str(START + datetime.timedelta(days=n))


def daily_violations(days: int) -> list[dict]:
    return [{"date": on_day(i), "kind": "violation", "id": f"v{i}", "rule": "late_dispatch", "points": i % 4}
            for i in range(days)]


def appealed_violations(days: int) -> list[dict]:
    """A violation a day, each revoked the next day: a new epoch every day."""
    events = []
    for i in range(days):
        events.append({"date": on_day(i), "kind": "violation", "id": f"v{i}", "rule": "late_dispatch", "points": 3})
        events.append({"date": on_day(i + 1), "kind": "appeal", "violation": f"v{i}", "outcome": "accepted"})
    return events


def deactivations(days: int) -> list[dict]:
    """Deactivated one day (48 points), reactivated the next by an accepted appeal, again and again."""
    events = []
    for i in range(0, days, 2):
        events.append({"date": on_day(i), "kind": "violation", "id": f"v{i}", "rule": "late_dispatch", "points": 48})
        events.append({"date": on_day(i + 1), "kind": "appeal", "violation": f"v{i}", "outcome": "accepted"})
    return events


def linked_accounts(days: int) -> list[dict]:
    """Many links, then many days on which no penalty is scored or lost (surplus appeals)."""
    events = [{"date": on_day(0), "kind": "violation", "id": "v0", "rule": "late_dispatch", "points": 1}]
    events += [{"date": on_day(i), "kind": "link", "account": f"shop-{i}"} for i in range(1, days // 2)]
    events += [{"date": on_day(i), "kind": "appeal", "violation": "v0", "outcome": "rejected"}
               for i in range(days // 2, days)]
    return events


@pytest.mark.parametrize("events_of", [daily_violations, appealed_violations, deactivations, linked_accounts])
def test_the_text_report_takes_work_linear_in_the_days(program, events_of):
    """Twice the days, twice the work (not four times) for `tspol simulate --format text`,
    its timeline and its state: counted in lines of the ledger run, never timed.
    Each of these ledgers once took work quadratic in its days: one full history per epoch
    (appealed_violations), every violation compared at each change of deactivation
    (deactivations), every link looked at every day (linked_accounts). Points expire after
    30 days here, so that 400 days are many times the policy's longest period: within
    one, work may grow with the violations that still count."""
    program = attrs.evolve(program, ledger=attrs.evolve(program.ledger, expiry_days=30))

    from tspol.cli.simulate import _report

    def work(days):
        ledger = Ledger(program, events_of(days), region="US")
        report = []
        count = lines_run(lambda: report.append(_report(ledger, None, "e.jsonl")))  # what --format text prints
        assert report[0].count("\n") >= days // 2
        return count

    small, large = work(400), work(800)
    assert large < 2.5 * small, f"{large / small:.2f} times the work for twice the days"
