"""Signed scores in the ledger (issue 11): `score starts at 200, at most 200`, `score
regains 5 every 30d`, `deactivate at 0 score`, `threshold below 100 { ... }`; the score
by hand on small logs, the incremental timeline against full states, the checker's
misuse codes, fmt and the IR JSON, `tspol diff`, and examples/ledger_score/ through
`tspol simulate` (snapshots in tests/__snapshots__/test_ledger_score.ambr, read by hand).
"""

from __future__ import annotations

import datetime
import json
import re
import shutil
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tspol
from tspol.compiler import irjson
from tspol.dsl.formatter import format_source
from tspol.runtime.ledger import Ledger, TimelineRow, _date, _differences

ROOT = Path(__file__).resolve().parents[1]
PACK = ROOT / "examples" / "ledger_score"
SECTION = re.compile(r"^### Signed scores\n(.*?)^### ", re.MULTILINE | re.DOTALL)


@pytest.fixture(scope="module")
def policy():
    return tspol.load(PACK)


def violation(date: str, id: str, points: int) -> dict:
    return {"date": date, "kind": "violation", "id": id, "rule": "late_dispatch", "points": points}


def with_score(policy, **changes):
    """The example's program with its score ledger changed (`start`, `cap`, ...; `crossing`)."""
    ledger = policy.program.ledger
    crossing = changes.pop("crossing", ledger.crossing)
    ledger = attrs.evolve(ledger, crossing=crossing, score=attrs.evolve(ledger.score, **changes))
    return attrs.evolve(policy.program, ledger=ledger)


def state(policy, events, on: str, program=None):
    return Ledger(program or policy.program, events, region="US", evaluate=policy.evaluate_dict).state(on)


def test_each_violation_takes_its_points_and_the_score_regains_every_period_up_to_the_cap(policy):
    events = [violation("2025-03-01", "a", 20)]
    assert state(policy, events, "2025-03-01").score == 180
    assert state(policy, events, "2025-03-30").score == 180
    assert state(policy, events, "2025-03-31").score == 185  # 30 days after the violation
    assert state(policy, events, "2025-04-30").score == 190
    assert state(policy, events, "2026-03-01").score == 200  # the cap, and no further
    assert state(policy, events, "2026-03-01").active_points == 20  # a score ledger's points never expire


def test_a_new_violation_restarts_the_period(policy):
    events = [violation("2025-03-01", "a", 20), violation("2025-03-31", "b", 10)]
    assert state(policy, events, "2025-03-31").score == 170  # no regain on the day of a violation
    assert state(policy, events, "2025-04-29").score == 170
    assert state(policy, events, "2025-04-30").score == 175


def test_a_start_below_the_cap_regains_above_it_only_after_a_violation(policy):
    program = with_score(policy, start=150, cap=200)
    assert state(policy, [violation("2025-03-01", "a", 20)], "2025-03-01", program).score == 130
    assert state(policy, [violation("2025-03-01", "a", 20)], "2026-06-01", program).score == 200


def test_thresholds_are_crossed_going_down_and_highest_means_the_lowest(policy):
    events = [violation("2025-03-01", "a", 120)]
    crossed = state(policy, events, "2025-03-01")
    assert (crossed.score, crossed.level) == (80, 100)
    assert [r.action for r in crossed.restrictions] == ["no_listing"]
    both = state(policy, events, "2025-03-01", with_score(policy, crossing="all"))
    assert [r.action for r in both.restrictions] == ["no_listing", "no_campaigns"]  # the lowest first
    assert state(policy, events, "2025-12-01").score == 125  # 9 periods of 30 days: 80 + 45
    back = state(policy, events, "2026-06-01")
    assert back.level == 0 and back.score == 155  # 15 periods: 80 + 75, below no threshold


def test_at_the_floor_the_seller_is_deactivated_and_regains_nothing(policy):
    events = [violation("2025-03-01", "a", 120), violation("2025-03-02", "b", 80)]
    on = state(policy, events, "2025-09-01")
    assert (on.score, on.deactivated, str(on.deactivated_on)) == (0, True, "2025-03-02")


def test_an_accepted_appeal_gives_the_points_back_and_its_regains_follow_the_violation_before(policy):
    events = [violation("2025-03-01", "a", 20), violation("2025-03-20", "b", 40),
              {"date": "2025-03-25", "kind": "appeal", "violation": "b", "outcome": "accepted"}]
    assert state(policy, events, "2025-03-24").score == 140
    assert state(policy, events, "2025-03-25").score == 180
    assert state(policy, events, "2025-03-31").score == 185  # 30 days after a, as if b never was


def test_a_points_ledger_keeps_its_ir_version_and_a_score_ledger_is_version_3():
    bundled = tspol.load(ROOT / "policies")
    assert bundled.program.ledger.score is None
    dumped = irjson.dumps(bundled.program)
    assert '"score"' not in dumped and json.loads(dumped)["version"] == 1  # as before score ledgers
    assert json.loads(irjson.dumps(tspol.load(PACK).program))["version"] == 3


def test_a_points_ledger_state_has_no_score_key():
    bundled = tspol.load(ROOT / "policies")
    events = [{"date": "2025-03-01", "kind": "violation", "id": "a", "rule": "late_dispatch", "points": 5}]
    record = bundled.ledger(events, region="US").state("2025-03-01").to_dict()
    assert "score" not in record
    assert "score" not in bundled.ledger(events, region="US").timeline()[0].to_dict()


def plain_timeline(ledger: Ledger, on) -> tuple[TimelineRow, ...]:
    """The timeline from full states, as tests/test_ledger_timeline.py builds it, with the score."""
    last = ledger._on(on).toordinal()
    rows, previous = [], None
    for day in ledger._days_of_change(last):
        full = ledger.state(_date(day))
        described = tuple(ledger._describe(e) for e in ledger.events if e.date.toordinal() == day)
        changes = described + _differences(previous, full, ledger.program.ledger.score.start)
        if changes:
            rows.append(TimelineRow(full.on, full.active_points, full.level, full.deactivated, changes, full.score))
        previous = full
    return tuple(rows)


@st.composite
def score_logs(draw):
    """Violations and appeals of one seller, in date order."""
    events, scored, day = [], [], 0
    for n in range(draw(st.integers(1, 10))):
        day += draw(st.sampled_from([0, 1, 7, 29, 30, 31, 90]))
        date = str(datetime.date(2025, 1, 1) + datetime.timedelta(days=day))
        if scored and draw(st.integers(0, 3)) == 0:
            events.append({"date": date, "kind": "appeal", "violation": draw(st.sampled_from(scored)),
                           "outcome": draw(st.sampled_from(["accepted", "rejected"]))})
        else:
            events.append(violation(date, f"v{n}", draw(st.sampled_from([0, 5, 20, 40, 60]))))
            scored.append(f"v{n}")
    return events


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(events=score_logs(), extra_days=st.sampled_from([0, 45, 400]), crossing=st.sampled_from(["highest", "all"]),
       regain=st.sampled_from([(5, 30), (40, 7), (None, None)]))
def test_the_timeline_is_what_full_states_say(policy, events, extra_days, crossing, regain):
    program = with_score(policy, crossing=crossing, regain_points=regain[0], regain_days=regain[1])
    ledger = Ledger(program, events, region="US", evaluate=policy.evaluate_dict)
    on = ledger.last_date + datetime.timedelta(days=extra_days)
    assert ledger.timeline(on) == plain_timeline(ledger, on), json.dumps(events)


def test_the_score_by_brute_force_day_by_day(policy):
    """The score of every day against a day-by-day count written from the README's words."""
    events = [violation("2025-01-01", "a", 60), violation("2025-01-31", "b", 5), violation("2025-04-15", "c", 90)]
    ledger = Ledger(policy.program, events, region="US", evaluate=policy.evaluate_dict)
    score, last, deactivated = 200, None, False
    for day in range(datetime.date(2025, 1, 1).toordinal(), datetime.date(2026, 1, 1).toordinal()):
        points = sum(e["points"] for e in events if datetime.date.fromisoformat(e["date"]).toordinal() == day)
        if points:
            score, last = score - points, day
        elif last is not None and (day - last) % 30 == 0 and not deactivated:
            score = min(200, score + 5)
        deactivated = deactivated or score <= 0
        assert ledger.state(_date(day)).score == score, _date(day)


@pytest.mark.parametrize("statement, code", [
    ("score starts at 200, at most 150", "E480"),
    ("score starts at 200\n  points expire after 180d", "E481"),
    ("score starts at 200\n  warn 5 points before each threshold", "E481"),
    ("score starts at 200\n  deactivate at 0 points", "E481"),
    ("points expire after 180d\n  score regains 5 every 30d", "E481"),
    ("score starts at 200\n  threshold 12 {\n  }", "E481"),
    ("score starts at 200\n  threshold below 100 {\n    no_campaigns while at this level\n  }", "E481"),
    ("score starts at 200\n  score regains 5", "E482"),
    ("score starts at 200\n  threshold below 250 {\n  }", "E483"),
    ("score starts at 200\n  deactivate at 200 score", "E483"),
    ("score starts at 200\n  deactivate at 10 score\n  threshold below 10 {\n  }", "E483"),
], ids=lambda v: v if v.startswith("E") else None)
def test_misuse_is_reported_with_its_code(cli, tmp_path, statement, code):
    pol = tmp_path / "p.pol"
    pol.write_text('policy p { version "1" effective 2024-01-01 }\nregion US\nledger {\n  ' + statement + "\n}\n",
                   encoding="utf-8")
    result = cli("check", pol)
    assert result.exit_code == 1
    assert f"error[{code}]" in result.output and "Traceback" not in result.output


def test_fmt_keeps_a_score_ledger_and_the_ir_json_reads_it_back(policy):
    text = (PACK / "policy.pol").read_text(encoding="utf-8")
    assert format_source(text) == text
    score = policy.program.ledger.score
    assert (score.start, score.cap, score.regain_points, score.regain_days, score.deactivate_at) == (200, 200, 5, 30, 0)
    dumped = irjson.dumps(policy.program)
    assert json.loads(dumped)["version"] == 3
    assert irjson.loads(dumped) == policy.program


def test_diff_states_a_changed_start_cap_and_regain(cli, tmp_path):
    new = tmp_path / "new"
    shutil.copytree(PACK, new)
    policy_pol = new / "policy.pol"
    policy_pol.write_text(policy_pol.read_text(encoding="utf-8")
                          .replace("score starts at 200, at most 200", "score starts at 180, at most 220")
                          .replace("score regains 5 every 30d", "score regains 10 every 30d"), encoding="utf-8")
    result = cli("diff", PACK, new)
    assert "Traceback" not in result.output
    for fact in ("score starts at", "180", "score at most", "220", "score regains 10 every 30d"):
        assert fact in result.output, result.output


@pytest.mark.parametrize("args", [(), ("--format", "json", "--on", "2025-08-31"), ("--until", "2025-04-20", "--every",
                                                                                  "10d")], ids=["text", "json", "chart"])
def test_simulate_the_example_pack(cli, snapshot, monkeypatch, args):
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("TSPOL_CACHE_DIR", "")
    command = ["simulate", "--policy", "examples/ledger_score", "examples/ledger_score/events.jsonl", *args]
    result = cli(*command)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert snapshot == "$ tspol " + " ".join(command) + "\n" + result.output


def test_the_readme_section_is_the_example_pack_and_its_timeline(cli, monkeypatch):
    """The README's ledger block is the pack's (comments aside), and its timeline is what simulate prints."""
    section = SECTION.search((ROOT / "README.md").read_text(encoding="utf-8")).group(1)
    ledger, timeline = re.findall(r"^```(?:text)?\n(.*?)^```", section, re.MULTILINE | re.DOTALL)
    text = (PACK / "policy.pol").read_text(encoding="utf-8")
    pack_ledger = text[text.index("ledger {"):text.index("\n}\n", text.index("ledger {")) + 3]
    statements = [line for line in pack_ledger.splitlines() if line.strip() and not line.strip().startswith("#")]
    assert statements == ledger.splitlines()
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("TSPOL_CACHE_DIR", "")
    result = cli("simulate", "--policy", "examples/ledger_score", "examples/ledger_score/events.jsonl")
    assert result.exit_code == 0
    assert timeline in result.output


def test_hover_over_a_score_statement_says_what_it_means():
    from tspol.dsl import ast
    from tspol.dsl.parser import parse
    from tspol.lsp.hover import about_score

    text = (PACK / "policy.pol").read_text(encoding="utf-8")
    ledger = next(d for d in parse(text, "policy.pol").decls if isinstance(d, ast.Ledger))

    def at(words: str, lang: str = "en") -> str | None:
        line = next(n for n, line in enumerate(text.splitlines(), 1) if line.strip().startswith(words))
        return about_score(ledger, line, 5, lang)

    assert at("score starts") == ("**score ledger**: the score starts at 200, at most 200; each violation takes "
                                  "its points from it")
    assert at("score regains") == ("**regain**: 5 back 30d after the latest violation, and every 30d after that "
                                   "while no violation comes, up to the cap")
    assert at("deactivate at") == "**deactivation**: at a score of 0 or less"
    assert at("threshold below 100", "zh") == "**阈值**:分数降到 100 以下时越过"
    assert at("multiple thresholds") is None


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(events=score_logs(), regain=st.sampled_from([(5, 30), (40, 7)]))
def test_every_day_the_score_changes_is_a_row_of_the_timeline(policy, events, regain):
    """Regain days are found as the history is swept: none is missed, after appeals too."""
    program = with_score(policy, regain_points=regain[0], regain_days=regain[1])
    ledger = Ledger(program, events, region="US", evaluate=policy.evaluate_dict)
    last = ledger.last_date.toordinal() + 120
    rows = {row.date.toordinal(): row for row in ledger.timeline(_date(last))}
    previous = program.ledger.score.start
    for day in range(ledger.first_date.toordinal(), last + 1):
        score = ledger.state(_date(day)).score
        if score != previous:
            assert day in rows and rows[day].score == score, (str(_date(day)), json.dumps(events))
        previous = score
