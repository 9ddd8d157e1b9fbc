"""The ledger's Python API, its metrics path with a fake evaluator, and a
differential property test against a day-by-day model written independently.

The scenarios with their expected states are data: tests/fixtures/ledger/ (see
test_ledger_cases.py).
"""

from __future__ import annotations

import ast
import datetime
import json
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tspol.diagnostics import Diagnostic, TspolError
from tspol.runtime.events import AppealEvent, ViolationEvent
from tspol.runtime.ledger import Ledger

DAY0 = datetime.date(2024, 1, 1)


def day(n: int) -> str:
    return (DAY0 + datetime.timedelta(days=n)).isoformat()


def violation(n: int, id: str, points: int, rule: str = "late_dispatch") -> dict:
    return {"date": day(n), "kind": "violation", "id": id, "rule": rule, "points": points}


def appeal(n: int, target: str, outcome: str) -> dict:
    return {"date": day(n), "kind": "appeal", "violation": target, "outcome": outcome}


def metrics(n: int, id: str, values: dict) -> dict:
    return {"date": day(n), "kind": "metrics", "id": id, "metrics": values}


def codes(raised) -> list[tuple]:
    return [(d.line, d.key, d.code) for d in raised.value.diagnostics]


# ---- the Python API -------------------------------------------------------------

def test_policy_ledger_state_to_dict():
    import tspol

    ledger = tspol.load().ledger([violation(0, "v1", 7), violation(9, "v2", 5)], region="US")
    state = ledger.state(day(9))
    assert (state.active_points, state.level) == (12, 12)
    assert [r.action for r in state.restrictions] == ["no_campaigns"]
    record = state.to_dict()
    assert list(record)[:9] == ["on", "region", "active_points", "level", "deactivated", "deactivated_on",
                                "restrictions", "warnings", "violations"]
    assert json.loads(json.dumps(record)) == record


def test_policy_ledger_scores_metrics_with_the_compiled_policy():
    import tspol

    events = [metrics(0, "m1", {"orders_7d": 40, "late_orders": 30, "avg_daily_orders_4w": 120})]
    state = tspol.load().ledger(events, region="US").state()
    assert state.active_points == 7
    assert dict(state.restrictions[0].limit)["daily_cap"] == 12


def test_policy_ledger_knows_the_region_from_the_metrics_events():
    """DESIGN's `policy.ledger(events).state(on)`: a metrics event may name its
    region, as a line of `tspol eval` does, so no region argument is needed."""
    import tspol

    events = [{**metrics(0, "m1", {"orders_7d": 40, "late_orders": 30}), "region": "US"},
              {**metrics(3, "m2", {"orders_7d": 40, "late_orders": 0}), "region": "US"}]
    state = tspol.load().ledger(events).state()
    assert (state.region, state.active_points) == ("US", 7)


def test_a_policy_with_one_region_needs_no_region(program):
    us_only = attrs.evolve(program, regions=program.regions[:1])
    ledger = Ledger(us_only, [metrics(0, "m1", {"points": 5})], evaluate=FakeEvaluator())
    assert (ledger.state().region, ledger.state().active_points) == ("US", 5)


def test_without_a_region_the_error_says_how_to_give_one(program):
    import tspol

    with pytest.raises(TspolError) as raised:
        tspol.load().ledger([metrics(0, "m1", {"orders_7d": 40})])
    (problem,) = raised.value.diagnostics
    assert (problem.line, problem.key, problem.code) == (1, "region", "E714")
    assert "region=" in str(raised.value) and '`"region"` key' in str(raised.value)
    assert problem.help == "the regions of this policy: US, SEA, UK"


def test_the_region_of_a_metrics_event_must_fit_the_ledger(program):
    events = [{**metrics(0, "m1", {}), "region": "US"}, {**metrics(1, "m2", {}), "region": "UK"},
              {**metrics(2, "m3", {}), "region": "EU"}]
    with pytest.raises(TspolError) as raised:
        Ledger(program, events, evaluate=FakeEvaluator())
    assert codes(raised) == [(2, "region", "E720"), (3, "region", "E711")]
    assert "line 1 names US" in raised.value.diagnostics[0].message
    with pytest.raises(TspolError) as raised:
        Ledger(program, events[:1], region="SEA", evaluate=FakeEvaluator())
    assert codes(raised) == [(1, "region", "E720")]
    assert "for region SEA" in raised.value.diagnostics[0].message


def test_state_defaults_to_the_last_event_and_takes_dates(program):
    ledger = Ledger(program, [violation(0, "v1", 7), violation(5, "v2", 1)], region="US")
    assert ledger.state().on == DAY0 + datetime.timedelta(days=5)
    assert ledger.state(DAY0).active_points == 7
    assert ledger.state(day(5)).active_points == 8


@pytest.mark.parametrize("on", ["2024-13-01", "tomorrow", 20240101])
def test_state_on_a_bad_day(program, on):
    ledger = Ledger(program, [violation(0, "v1", 7)], region="US")
    with pytest.raises(TspolError) as raised:
        ledger.state(on)
    assert codes(raised) == [(None, "on", "E703")]


def test_events_from_a_file(program, tmp_path):
    path = tmp_path / "seller.jsonl"
    path.write_text(json.dumps(violation(0, "v1", 7)) + "\nnot json\n", encoding="utf-8")
    with pytest.raises(TspolError) as raised:
        Ledger(program, path, region="US")
    assert [(d.path, d.line, d.code) for d in raised.value.diagnostics] == [(str(path), 2, "E700")]
    path.write_text(json.dumps(violation(0, "v1", 7)) + "\n", encoding="utf-8")
    assert Ledger(program, str(path), region="US").state().active_points == 7


def test_event_objects_are_taken_in_date_order(program):
    """D12: events given out of order are ordered by date, not refused."""
    events = [ViolationEvent(1, DAY0 + datetime.timedelta(days=3), "v1", "late_dispatch", 7),
              ViolationEvent(2, DAY0, "v2", "late_dispatch", 1)]
    ledger = Ledger(program, events, region="US")
    assert [e.line for e in ledger.events] == [2, 1]
    assert (ledger.first_date, ledger.state(DAY0).active_points) == (DAY0, 1)


def test_event_objects_are_checked_in_sequence(program):
    events = [AppealEvent(1, DAY0, "v1", "accepted"),
              ViolationEvent(2, DAY0 + datetime.timedelta(days=1), "v1", "late_dispatch", 7)]
    with pytest.raises(TspolError) as raised:
        Ledger(program, events, region="US")
    assert codes(raised) == [(1, "violation", "E707")]


def test_unknown_region(program):
    with pytest.raises(TspolError) as raised:
        Ledger(program, [], region="EU")
    assert codes(raised) == [(None, "region", "E711")]


def test_without_region_rules_of_any_region_are_known(program):
    assert Ledger(program, [violation(0, "v1", 7)]).state().active_points == 7


def test_a_policy_without_a_ledger(program):
    with pytest.raises(TspolError) as raised:
        Ledger(attrs.evolve(program, ledger=None), [violation(0, "v1", 7)], region="US")
    assert [d.code for d in raised.value.diagnostics] == ["E716"]


def test_a_policy_without_appeals_makes_every_appeal_invalid(program):
    ledger = Ledger(attrs.evolve(program, appeals=None), [violation(0, "v1", 7), appeal(1, "v1", "accepted")],
                    region="US")
    state = ledger.state()
    assert state.active_points == 7
    assert [(a.valid, a.reason) for a in state.appeals] == [(False, "the policy allows no appeals")]


def test_no_events_need_a_day(program):
    ledger = Ledger(program, [], region="US")
    with pytest.raises(TspolError) as raised:
        ledger.state()
    assert codes(raised) == [(None, "on", "E718")]
    assert ledger.state(DAY0).active_points == 0
    assert ledger.timeline(DAY0) == ()


# ---- metrics events, with a fake evaluator ------------------------------------------

class FakeEvaluator:
    """Scores `points` from the metrics as given, and remembers its calls."""

    def __init__(self):
        self.calls = []

    def __call__(self, values, region):
        self.calls.append((dict(values), region))
        points = values.get("points", 0)
        limit = {"days": 3, "percent": 50, "basis": "avg4w"} if values.get("limit") else None
        return {"region": region, "points": points, "warning": False,
                "violations": [{"rule": "late_dispatch", "points": points, "warning": False, "limit": limit}]
                if points or limit else []}


def test_metrics_event_scores_the_decision(program):
    fake = FakeEvaluator()
    events = [metrics(0, "m1", {"points": 5}), metrics(1, "m2", {"points": 0}), metrics(2, "m3", {"points": 7}),
              appeal(3, "m3", "accepted"), metrics(4, "m4", {"points": 0, "limit": True})]
    ledger = Ledger(program, events, region="SEA", evaluate=fake)
    assert fake.calls == [({"points": 5}, "SEA"), ({"points": 0}, "SEA"), ({"points": 7}, "SEA"),
                          ({"points": 0, "limit": True}, "SEA")]
    assert ledger.state(day(2)).active_points == 12
    state = ledger.state(day(4))
    assert state.active_points == 5
    assert [(v.id, v.points, v.status) for v in state.violations] == \
        [("m1", 5, "active"), ("m3", 7, "revoked"), ("m4", 0, "active")]
    assert [(r.action, r.start.isoformat(), r.until.isoformat(), r.violation) for r in state.restrictions] == \
        [("limit", day(4), day(7), "m4")]


def test_metrics_errors_name_the_line_and_key(program, raw_messages):
    def evaluate(values, region):
        raise TspolError(Diagnostic("E604", "a count cannot be negative", key="orders_7d"))

    with pytest.raises(TspolError) as raised:
        Ledger(program, [violation(0, "v1", 1), metrics(1, "m1", {"orders_7d": -1})], region="US",
               evaluate=evaluate)
    assert codes(raised) == [(2, "metrics.orders_7d", "E604")]


def test_a_compiled_modules_metrics_errors_are_mapped(program, tmp_path):
    """`module.evaluate` itself raises the module's own MetricsError (a ValueError
    with .code, .key, .message): bad metrics, with the module's code."""
    from tspol.compiler.pygen import generate

    path = tmp_path / "compiled_policy.py"
    path.write_text(generate(program), encoding="utf-8")
    namespace = {"__name__": "compiled_policy"}
    exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), namespace)
    events = [metrics(0, "m1", {"orders_7d": 4, "late_orders": 5})]
    with pytest.raises(TspolError) as raised:
        Ledger(program, events, region="US", evaluate=namespace["evaluate"])
    assert codes(raised) == [(1, "metrics.late_orders", "E606")]
    with pytest.raises(TspolError) as raised:
        Ledger(program, events, region="US", evaluate=lambda m, r: namespace["evaluate"](m, r),
               metrics_error=namespace["MetricsError"])
    assert codes(raised) == [(1, "metrics.late_orders", "E606")]


@pytest.mark.parametrize("bug", [ValueError("math domain error"), KeyError("points"), ZeroDivisionError()])
def test_a_bug_of_the_evaluator_is_not_called_bad_metrics(program, bug):
    def evaluate(values, region):
        raise bug

    with pytest.raises(type(bug)):
        Ledger(program, [metrics(0, "m1", {})], region="US", evaluate=evaluate)


def test_metrics_events_need_an_evaluator_and_a_region(program):
    with pytest.raises(TspolError) as raised:
        Ledger(program, [metrics(0, "m1", {})], region="US")
    assert codes(raised) == [(1, "metrics", "E714")]
    with pytest.raises(TspolError) as raised:
        Ledger(program, [metrics(0, "m1", {})], evaluate=FakeEvaluator())
    assert codes(raised) == [(1, "region", "E714")]


# ---- many days --------------------------------------------------------------------------

def test_timeline_rows_agree_with_the_state_of_their_day(program):
    events = [violation(0, "v1", 30), violation(10, "v2", 18), appeal(20, "v2", "accepted"),
              violation(40, "v3", 10)]
    ledger = Ledger(program, events, region="US")
    rows = ledger.timeline(day(400))
    assert [r.date for r in rows] == sorted({r.date for r in rows})
    for row in rows:
        state = ledger.state(row.date)
        assert (row.active_points, row.level, row.deactivated) == (state.active_points, state.level,
                                                                  state.deactivated)
        assert row.changes
    assert rows[-1].date <= datetime.date.fromisoformat(day(400))
    changes = {row.date.isoformat(): row.changes for row in rows}
    assert "reactivated" in changes[day(20)]
    assert "v1 expires -30" in changes[day(180)]
    assert changes[day(220)] == ("v3 expires -10",)


def test_states_step_through_days(program):
    ledger = Ledger(program, [violation(0, "v1", 7)], region="US")
    states = list(ledger.states(day(0), day(20), every=10))
    assert [s.on.isoformat() for s in states] == [day(0), day(10), day(20)]
    assert [s.on.isoformat() for s in ledger.states(until=day(1))] == [day(0), day(1)]


# ---- no ledger number in Python -----------------------------------------------------

def test_the_ledger_module_holds_no_policy_number():
    """Every number of the ledger comes from the IR: the module's only integer
    literals are 0 and 1 (and -1 for a previous index)."""
    import tspol.runtime.ledger as module

    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    numbers = {node.value for node in ast.walk(tree)
               if isinstance(node, ast.Constant) and type(node.value) in (int, float)}
    assert numbers <= {0, 1}


# ---- a differential property test ------------------------------------------------------

def model_state(program, violations, revoked, on):
    """The state on day `on`, computed one calendar day at a time from the policy's
    numbers: a second implementation, as plain as possible, to check the ledger."""
    ledger = program.ledger
    thresholds = sorted(program.ledger.thresholds, key=lambda t: t.points)
    live = [v for v in violations if not (v[0] in revoked and revoked[v[0]] <= on) and v[1] <= on]
    first = min((v[1] for v in violations), default=on)
    deactivated_on, previous, restrictions = None, 0, []
    active = 0
    for today in range(first, on + 1):
        def counts(v):
            ends = v[1] + ledger.expiry_days
            frozen = deactivated_on is not None and ledger.freeze_when_deactivated and ends > deactivated_on
            return v[1] <= today and (today < ends or frozen)
        active = sum(v[2] for v in live if counts(v))
        reached = [t for t in thresholds if previous < t.points <= active]
        for threshold in reached[-1:]:
            restrictions += [(m, today, None if n is None else today + n, threshold.points)
                             for m, n in threshold.measures]
        if deactivated_on is None and active >= ledger.deactivate_at:
            deactivated_on = today
        previous = active
    in_effect = sorted(r for r in restrictions if r[1] <= on and (r[2] is None or on < r[2]))
    level = max((t.points for t in thresholds if t.points <= active), default=0)
    warnings = [(t.points, t.points - active) for t in thresholds
                if t.points - ledger.warning_margin <= active < t.points]
    return active, level, deactivated_on is not None, warnings, in_effect


scorings = st.lists(st.tuples(st.integers(0, 400), st.integers(0, 20), st.sampled_from([None, 0, 10, 30]),
                              st.booleans()), min_size=1, max_size=10)


def boundaries(program) -> list[int]:
    """Days after a scoring where something may change: expiry and measure ends, each +-1."""
    lengths = {program.ledger.expiry_days} | {n for t in program.ledger.thresholds for _, n in t.measures if n}
    return sorted({n + delta for n in lengths for delta in (-1, 0, 1)} | {0})


@settings(max_examples=200, deadline=None)
@given(scorings=scorings, data=st.data())
def test_ledger_agrees_with_a_day_by_day_model(program, scorings, data):
    scorings = sorted(scorings, key=lambda s: s[0])
    on = data.draw(st.one_of(
        st.integers(0, 800),
        st.builds(lambda scoring, offset: scoring[0] + offset, st.sampled_from(scorings),
                  st.sampled_from(boundaries(program)))), label="on")
    events, violations, revoked = [], [], {}
    for index, (scored, points, appeal_after, accepted) in enumerate(scorings):
        events.append((scored, 0, violation(scored, f"v{index}", points)))
        violations.append((f"v{index}", scored, points))
        if appeal_after is not None:
            events.append((scored + appeal_after, 1, appeal(scored + appeal_after, f"v{index}",
                                                            "accepted" if accepted else "rejected")))
            if accepted and appeal_after <= program.appeals.first_within_days:
                revoked[f"v{index}"] = scored + appeal_after
    events = [e for _, _, e in sorted(events, key=lambda e: (e[0], e[1]))]
    state = Ledger(program, events, region="US").state(day(on))
    ordinal = DAY0.toordinal()
    got = (state.active_points, state.level, state.deactivated,
           [(w.threshold, w.points_to_go) for w in state.warnings],
           sorted((r.action, r.start.toordinal() - ordinal,
                   None if r.until is None else r.until.toordinal() - ordinal, r.threshold)
                  for r in state.restrictions))
    assert got == model_state(program, violations, revoked, on)


@st.composite
def event_files(draw):
    """Event files that pass the event checks, mixing every kind, with awkward values."""
    events, violations, holds = [], [], []
    today = draw(st.integers(0, 30))
    for index in range(draw(st.integers(1, 12))):
        today += draw(st.integers(0, 40))
        kind = draw(st.sampled_from(["violation", "violation", "appeal", "hold", "closed", "link"]))
        if kind == "appeal" and violations:
            events.append(appeal(today, draw(st.sampled_from(violations)), draw(st.sampled_from(["accepted",
                                                                                                   "rejected"]))))
        elif kind == "hold" and violations:
            events.append({"date": day(today), "kind": "hold", "id": f"h{index}",
                           "violation": draw(st.sampled_from(violations)), "days": draw(st.integers(80, 190))})
            holds.append(f"h{index}")
        elif kind == "closed" and holds:
            events.append({"date": day(today), "kind": "investigation_closed", "hold": holds.pop()})
        elif kind == "link":
            events.append({"date": day(today), "kind": "link", "account": f"a{index}"})
        else:
            rule = draw(st.sampled_from(["late_dispatch", "significantly_not_as_described", "fake_fulfilment",
                                         "fake_or_fraudulent_orders", "no_such_rule"]))
            events.append(violation(today, f"v{index}", draw(st.integers(0, 30)), rule))
            violations.append(f"v{index}")
    return events


@settings(max_examples=150, deadline=None)
@given(events=event_files(), later=st.integers(0, 400))
def test_any_events_give_a_state_or_a_tspol_error(program, events, later):
    try:
        ledger = Ledger(program, events, region="US")
    except TspolError as exc:
        assert exc.diagnostics and all(d.line is not None for d in exc.diagnostics)
        return
    on = ledger.last_date + datetime.timedelta(days=later)
    state = ledger.state(on).to_dict()
    assert json.loads(json.dumps(state)) == state
    assert state["active_points"] >= 0
    for row in ledger.timeline(on):
        assert row.changes
