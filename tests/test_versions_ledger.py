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
