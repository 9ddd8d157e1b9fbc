"""Repeats in the ledger (issue 11): `points double for a repeat within 30d` (or `points add N
for a repeat within 30d`): a violation of a rule within the window after an earlier live one of that
rule scores heavier; examples/ledger_repeat/ through `tspol simulate` (snapshots in
tests/__snapshots__/test_ledger_repeat.ambr).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import tspol
from tspol.compiler import irjson
from tspol.dsl.formatter import format_source

ROOT = Path(__file__).resolve().parents[1]
PACK = ROOT / "examples" / "ledger_repeat"


def violation(date: str, id: str, points: int = 2) -> dict:
    return {"date": date, "kind": "violation", "id": id, "rule": "late_dispatch", "points": points}


def pack_with(tmp_path, line: str) -> Path:
    text = (PACK / "policy.pol").read_text(encoding="utf-8").replace("points double for a repeat within 30d", line)
    (tmp_path / "policy.pol").write_text(text, encoding="utf-8")
    return tmp_path


def points_of(policy, events, on: str) -> dict:
    state = policy.ledger(events, region="US").state(on)
    return {v.id: v.points for v in state.violations}


def test_the_window_is_inclusive_and_counts_from_the_latest_earlier_violation():
    policy = tspol.load(PACK)
    events = [violation("2025-01-01", "a"), violation("2025-01-31", "b"), violation("2025-03-02", "c"),
              violation("2025-04-02", "d")]
    # b is 30 days after a (a repeat); c 30 days after b (a repeat); d 31 after c (none)
    assert points_of(policy, events, "2025-04-02") == {"a": 2, "b": 4, "c": 4, "d": 2}


def test_a_repeat_adds_points(tmp_path):
    policy = tspol.load(pack_with(tmp_path, "points add 3 for a repeat within 30d"))
    events = [violation("2025-01-01", "a", 1), violation("2025-01-02", "b", 1)]
    assert points_of(policy, events, "2025-01-02") == {"a": 1, "b": 4}


def test_events_in_any_order_weigh_alike():
    policy = tspol.load(PACK)
    events = [violation("2025-01-10", "b"), violation("2025-01-01", "a")]
    assert points_of(policy, events, "2025-01-10") == {"a": 2, "b": 4}


def test_an_earlier_violation_revoked_by_then_is_no_repeat_and_one_revoked_later_is():
    policy = tspol.load(PACK)
    appeal = {"date": "2025-01-05", "kind": "appeal", "violation": "a", "outcome": "accepted"}
    before = [violation("2025-01-01", "a"), appeal, violation("2025-01-06", "b")]
    assert points_of(policy, before, "2025-01-06") == {"a": 2, "b": 2}
    after = [violation("2025-01-01", "a"), violation("2025-01-03", "b"), appeal]
    state = policy.ledger(after, region="US").state("2025-01-05")
    assert state.active_points == 4 and {v.id: v.points for v in state.violations} == {"a": 2, "b": 4}


def test_without_a_repeat_a_violation_keeps_its_points_and_its_json():
    policy = tspol.load(ROOT / "policies")
    events = [violation("2024-08-01", "a", 3), violation("2024-08-02", "b", 3)]
    record = policy.ledger(events, region="US").state("2024-08-02").to_dict()
    assert [v["points"] for v in record["violations"]] == [3, 3]
    assert all("repeat_of" not in v for v in record["violations"])


@pytest.mark.parametrize("line", ["points double for a repeat within 30d", "points add 2 for a repeat within 7d"])
def test_fmt_keeps_a_repeat_and_the_ir_json_reads_it_back(tmp_path, line):
    path = pack_with(tmp_path, line)
    text = (path / "policy.pol").read_text(encoding="utf-8")
    assert format_source(text) == text
    program = tspol.load(path).program
    assert program.ledger.repeat.text == line
    dumped = irjson.dumps(program)
    assert json.loads(dumped)["version"] == 3
    assert irjson.loads(dumped) == program


@pytest.mark.parametrize("args", [(), ("--format", "json")], ids=["text", "json"])
def test_simulate_the_example_pack(cli, snapshot, monkeypatch, args):
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("TSPOL_CACHE_DIR", "")
    command = ["simulate", "--policy", "examples/ledger_repeat", "examples/ledger_repeat/events.jsonl", *args]
    result = cli(*command)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert snapshot == "$ tspol " + " ".join(command) + "\n" + result.output
