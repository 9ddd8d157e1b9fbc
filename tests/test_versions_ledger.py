"""Versions in one pack (issue 11): the ledger's own rules follow the version in force.

`examples/versions_ledger/` has two versions: version 1 (2025-01-01) reaches its one
threshold at 8 points (no new campaigns for 7 days, a warning 2 points before) and
allows a first appeal within 30 days; the amendment "2" (2025-06-01) lowers the
threshold to 6 (for 14 days, a warning 1 point before) and the appeal window to 10
days. Its events reach 6 points once under each version.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import tspol
from tspol.runtime.ledger import Ledger

ROOT = Path(__file__).resolve().parents[1]
PACK = ROOT / "examples" / "versions_ledger"
EVENTS = PACK / "events.jsonl"


def _state(cli, on, pack=PACK, events=EVENTS):
    result = cli("simulate", "--policy", pack, events, "--format", "json", "--on", on)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _copy(tmp_path, old="", new="") -> Path:
    copy = tmp_path / "versions_ledger"
    copy.mkdir()
    text = (PACK / "policy.pol").read_text(encoding="utf-8")
    assert old == "" or text.count(old) == 1, old
    (copy / "policy.pol").write_text(text.replace(old, new) if old else text, encoding="utf-8")
    return copy


def test_simulate_ledgers_each_day_by_its_version(cli, snapshot, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = cli("simulate", "--policy", "examples/versions_ledger", "examples/versions_ledger/events.jsonl")
    assert result.exit_code == 0, result.output
    assert result.stdout == snapshot


def test_six_points_under_version_1_is_a_warning_not_a_threshold(cli):
    state = _state(cli, "2025-03-10")
    assert (state["active_points"], state["level"], state["restrictions"]) == (6, 0, [])
    assert state["warnings"] == [{"threshold": 8, "points_to_go": 2}]


def test_six_points_under_version_2_reach_its_threshold_with_its_measure(cli):
    state = _state(cli, "2025-06-10")
    assert (state["active_points"], state["level"], state["warnings"]) == (6, 6, [])
    assert state["restrictions"] == [{"action": "no_campaigns", "from": "2025-06-10", "until": "2025-06-24",
                                      "threshold": 6}]


def test_the_warning_margin_is_the_days_version(cli):
    """3 points on 2025-06-09 are no warning under version 2 (1 before 6)."""
    assert _state(cli, "2025-06-09")["warnings"] == []


def test_an_appeal_is_judged_by_the_version_in_force_on_its_date(cli):
    appeals = _state(cli, "2025-06-25")["appeals"]
    assert [(a["violation"], a["valid"]) for a in appeals] == [("m1", True), ("v2", False)]
    assert "within 10 days" in appeals[1]["reason"]


def test_an_appeal_after_the_amendment_takes_its_window(cli, tmp_path):
    """m1's appeal, 15 days after it, is late once version 2 is in force on its date."""
    copy = _copy(tmp_path, "effective 2025-06-01", "effective 2025-03-20")
    appeals = _state(cli, "2025-06-25", copy)["appeals"]
    assert [(a["violation"], a["valid"]) for a in appeals] == [("m1", False), ("v2", False)]


@pytest.mark.parametrize("shift", [0, 30, 200])
def test_events_all_in_one_version_are_ledgered_as_that_version_alone(shift):
    """The ledger of the pack's versions and the ledger of the one version in force over
    all the events (its program alone) agree on every day, state for state."""
    import datetime

    policy = tspol.load(PACK)
    versions = policy.in_force()
    base = datetime.date(2025, 6, 1).toordinal() + shift
    records = [json.loads(line) for line in EVENTS.read_text(encoding="utf-8").splitlines()]
    first = datetime.date.fromisoformat(records[0]["date"]).toordinal()
    for record in records:
        day = datetime.date.fromisoformat(record["date"]).toordinal() - first + base
        record["date"] = datetime.date.fromordinal(day).isoformat()
    alone = policy.on("2025-06-01")
    both = Ledger(policy.program, records, evaluate=policy.evaluate_dict, versions=versions)
    one = Ledger(alone.program, records, evaluate=alone.evaluate_dict)
    last = datetime.date.fromisoformat(records[-1]["date"]) + datetime.timedelta(days=200)
    assert [s.to_dict() for s in both.states(records[0]["date"], last)] == \
        [s.to_dict() for s in one.states(records[0]["date"], last)]
    assert both.timeline(last) == one.timeline(last)


# ---- `--on DATE` for every command that reads a pack, by the version selection of eval and compile

VERSIONS = ROOT / "examples" / "versions"  # version 1 has order_defects in the UK, version 2 not


@pytest.mark.parametrize("command", [("analyze", "--format", "json"), ("cases",), ("doc", "-o", "{tmp}")])
def test_on_a_day_reads_the_version_in_force(cli, tmp_path, command):
    args = [arg.replace("{tmp}", str(tmp_path)) for arg in command]

    def output(*on):
        result = cli(args[0], VERSIONS, *args[1:], *on)
        assert result.exit_code == 0, result.output
        return result.stdout if args[0] != "doc" else (tmp_path / "versions_example.html").read_text(encoding="utf-8")

    assert "order_defects" in output("--on", "2025-06-16")
    assert "order_defects" not in output("--on", "2025-06-17")
    assert output() == output("--on", "2030-01-01")


def test_the_page_of_an_earlier_version_lists_the_versions_up_to_it(cli, tmp_path):
    assert cli("doc", VERSIONS, "-o", tmp_path, "--on", "2025-03-01").exit_code == 0
    page = (tmp_path / "versions_example.html").read_text(encoding="utf-8")
    assert "2025-01-01" in page and "2025-06-17" not in page


@pytest.mark.parametrize("command", [("analyze",), ("cases",), ("doc", "-o", "out")])
def test_on_a_day_before_the_first_version_is_a_usage_error(cli, command):
    result = cli(command[0], VERSIONS, *command[1:], "--on", "2024-12-31")
    assert result.exit_code == 2
    assert 'before the first version of the pack, "1" (effective 2025-01-01)' in result.output


# ---- a brute-force model: every day by the version in force that day

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from test_ledger import DAY0, appeal, day, violation  # noqa: E402
from tspol.runtime.ledger import InForce  # noqa: E402

SINCE = 120  # version 2 is in force from DAY0 + 120 days


def _second(program):
    """The bundled program amended: other thresholds and measures, margin, deactivation,
    expiry and appeal window (the points scored before keep their expiry)."""
    import attrs

    from tspol.compiler import ir

    ledger = attrs.evolve(program.ledger, expiry_days=60, deactivate_at=30, warning_margin=2, thresholds=(
        ir.ThresholdIR(8, (("no_campaigns", 10),)), ir.ThresholdIR(20, (("no_listing", 5), ("no_affiliate", None)))))
    return attrs.evolve(program, ledger=ledger, appeals=attrs.evolve(program.appeals, first_within_days=5))


def model_state(versions, violations, revoked, on):
    """The state on day `on` one calendar day at a time, each day by the version in force
    on it: a point lives by the expiry of the version it was scored under."""
    def of(today):
        return versions[1] if today >= SINCE else versions[0]

    live = [v for v in violations if not (v[0] in revoked and revoked[v[0]] <= on) and v[1] <= on]
    first = min((v[1] for v in violations), default=on)
    deactivated_on, previous, restrictions, active = None, 0, [], 0
    for today in range(first, on + 1):
        def counts(v):
            ends = v[1] + of(v[1]).ledger.expiry_days
            frozen = deactivated_on is not None and of(deactivated_on).ledger.freeze_when_deactivated \
                and ends > deactivated_on
            return v[1] <= today and (today < ends or frozen)
        active = sum(v[2] for v in live if counts(v))
        rules = of(today).ledger
        reached = [t for t in sorted(rules.thresholds, key=lambda t: t.points) if previous < t.points <= active]
        for threshold in reached[-1:]:
            restrictions += [(m, today, None if n is None else today + n, threshold.points)
                             for m, n in threshold.measures]
        if deactivated_on is None and active > previous and active >= rules.deactivate_at:  # points rising
            deactivated_on = today
        previous = active
    rules = of(on).ledger
    in_effect = sorted(r for r in restrictions if r[1] <= on and (r[2] is None or on < r[2]))
    level = max((t.points for t in rules.thresholds if t.points <= active), default=0)
    warnings = [(t.points, t.points - active) for t in sorted(rules.thresholds, key=lambda t: t.points)
                if t.points - rules.warning_margin <= active < t.points]
    return active, level, deactivated_on is not None, warnings, in_effect


scorings = st.lists(st.tuples(st.integers(0, 300), st.integers(0, 20), st.sampled_from([None, 0, 3, 10, 30]),
                              st.booleans()), min_size=1, max_size=10)


@settings(max_examples=200, deadline=None)
@given(scorings=scorings, on=st.integers(0, 600))
def test_the_ledger_of_two_versions_agrees_with_a_day_by_day_model(program, scorings, on):
    versions = (program, _second(program))
    scorings = sorted(scorings, key=lambda s: s[0])
    events, violations, revoked = [], [], {}
    for index, (scored, points, appeal_after, accepted) in enumerate(scorings):
        events.append((scored, 0, violation(scored, f"v{index}", points)))
        violations.append((f"v{index}", scored, points))
        if appeal_after is not None:
            when = scored + appeal_after
            events.append((when, 1, appeal(when, f"v{index}", "accepted" if accepted else "rejected")))
            window = (versions[1] if when >= SINCE else versions[0]).appeals.first_within_days
            if accepted and appeal_after <= window:
                revoked[f"v{index}"] = when
    events = [e for _, _, e in sorted(events, key=lambda e: (e[0], e[1]))]
    in_force = (InForce(0, versions[0], None), InForce(DAY0.toordinal() + SINCE, versions[1], None))
    ledger = Ledger(versions[1], events, region="US", versions=in_force)
    state = ledger.state(day(on))
    ordinal = DAY0.toordinal()
    got = (state.active_points, state.level, state.deactivated,
           [(w.threshold, w.points_to_go) for w in state.warnings],
           sorted((r.action, r.start.toordinal() - ordinal,
                   None if r.until is None else r.until.toordinal() - ordinal, r.threshold)
                  for r in state.restrictions))
    assert got == model_state(versions, violations, revoked, on)
    rows = ledger.timeline(day(on))  # the timeline's days agree with the states of those days
    for row in rows:
        other = ledger.state(row.date)
        assert (row.active_points, row.level, row.deactivated) == (other.active_points, other.level,
                                                                   other.deactivated)


@pytest.mark.parametrize("held, fails", [(SINCE - 1, False), (SINCE, True)])
def test_a_hold_takes_its_scenario_from_the_version_in_force_on_its_date(program, held, fails):
    """Version 2 of the bundled program has no hold scenarios: a hold dated in it has none."""
    import attrs

    from tspol.diagnostics import TspolError

    second = attrs.evolve(_second(program), holds=())
    events = [violation(SINCE - 10, "v1", 12, "fake_fulfilment"),
              {"date": day(held), "kind": "hold", "id": "h1", "violation": "v1", "days": 90}]
    in_force = (InForce(0, program, None), InForce(DAY0.toordinal() + SINCE, second, None))
    if not fails:
        state = Ledger(second, events, region="US", versions=in_force).state(day(held))
        assert [(h.id, h.status) for h in state.holds] == [("h1", "held")]
        return
    with pytest.raises(TspolError) as raised:
        Ledger(second, events, region="US", versions=in_force)
    assert [(d.code, d.line) for d in raised.value.diagnostics] == [("E713", 2)]
