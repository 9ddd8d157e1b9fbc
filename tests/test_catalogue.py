"""Points from the catalogue (issue 11): a reason states its points, `points 3` or
`points 2 to 4`, and every stage reads them.

The example pack `examples/catalogue` runs through `tspol simulate` (text and JSON,
snapshot-tested); the ledger refuses a violation outside its reason's points (E740)
or, for a rule, other than a row scores (E741), by the events file's line and key;
the IR carries the points as version 3 only when a pack states some; `tspol diff`
reports changed points; `tspol doc` shows them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tspol
from tspol.compiler import irjson, semdiff
from tspol.diagnostics import TspolError

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "catalogue"
EVENTS = EXAMPLE / "events.jsonl"


@pytest.fixture(scope="module")
def example():
    return tspol.load(EXAMPLE)


def violation(rule: str, points: int, id: str = "v1") -> dict:
    return {"date": "2025-03-10", "kind": "violation", "id": id, "rule": rule, "points": points}


def codes_of(policy, events) -> list[tuple[int, str | None, str]]:
    try:
        policy.ledger(events, region="US")
    except TspolError as exc:
        return [(d.line, d.key, d.code) for d in exc.diagnostics]
    return []


def test_the_example_simulates(cli, snapshot):
    text = cli("simulate", "--policy", EXAMPLE, EVENTS)
    state = cli("simulate", "--policy", EXAMPLE, EVENTS, "--format", "json")
    assert (text.exit_code, state.exit_code) == (0, 0), text.output + state.output
    assert snapshot == text.stdout.replace(str(ROOT) + "/", "") + "\n" + state.stdout


def test_events_outside_the_stated_points_are_refused_naming_the_line(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    events = Path("events.jsonl")
    lines = [violation("misleading_listing", 4, "v1"), violation("late_dispatch_rate", 5, "v2"),
             violation("late_dispatch", 1, "v3"), violation("late_dispatch", 3, "v4")]
    events.write_text("".join(json.dumps(e) + "\n" for e in lines), encoding="utf-8")
    result = cli("simulate", "--policy", EXAMPLE, events)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "events.jsonl:1: error[E740]: key `points`: 4 points for reason `misleading_listing`, whose points are 3",
        "events.jsonl:2: error[E740]: key `points`: 5 points for reason `late_dispatch_rate`, whose points are 2 to 4",
        "events.jsonl:3: error[E740]: key `points`: 1 point for reason `late_dispatch_rate`, whose points are 2 to 4",
    ]


@settings(max_examples=30, deadline=None)
@given(points=st.integers(0, 8), rule=st.sampled_from(["late_dispatch", "late_dispatch_rate", "misleading_listing"]))
def test_a_violation_is_refused_exactly_when_outside_what_it_can_score(example, points, rule):
    allowed = {"late_dispatch": {2, 3, 4}, "late_dispatch_rate": {2, 3, 4}, "misleading_listing": {3}}[rule]
    found = codes_of(example, [violation(rule, points)])
    assert (found == []) == (points in allowed), found


def test_the_reasons_carry_their_stated_points(example):
    """(A rule's points within the range that no row scores, E741, is a ledger fixture:
    tests/fixtures/ledger/error_points_outside_reason.case.)"""
    assert [(r.points, r.points_range) for r in example.program.reasons] == [("stated", (2, 4)), ("stated", (3, 3))]


def test_the_ir_is_version_3_only_when_a_reason_states_points(example):
    document = json.loads(irjson.dumps(example.program))
    assert document["version"] == 3
    assert irjson.loads(irjson.dumps(example.program)) == example.program
    assert '"points_range"' not in irjson.dumps(tspol.load().program)


def test_diff_reports_changed_points(example, tmp_path):
    text = (EXAMPLE / "policy.pol").read_text(encoding="utf-8").replace("points 2 to 4\n", "points 2 to 5\n")
    (tmp_path / "policy.pol").write_text(text, encoding="utf-8")
    changes = semdiff.parameter_changes(example.program, tspol.load(tmp_path).program)
    assert [(c.section, c.item, c.before, c.after) for c in changes] == [
        ("reason late_dispatch_rate", "points", "2 to 4", "2 to 5")]


@pytest.mark.parametrize(("lang", "words"), [("en", ["2 to 4 points", "3 points"]), ("zh", ["2 至 4 分", "3 分"])])
def test_doc_shows_the_stated_points(cli, tmp_path, lang, words):
    out = tmp_path / "site"
    result = cli("doc", EXAMPLE, "-o", out, "--lang", lang)
    assert result.exit_code == 0, result.output
    page = "".join(p.read_text(encoding="utf-8") for p in out.glob("*.html"))
    assert all(word in page for word in words)
