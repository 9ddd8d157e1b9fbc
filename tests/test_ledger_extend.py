"""Measures extended while points keep coming (issue 11): `no_campaigns for 14d
extended by 7d on each new violation`; the incremental timeline against full states
with extensions; examples/ledger_extend/ through `tspol simulate` (snapshots in
tests/__snapshots__/test_ledger_extend.ambr).
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_ledger_timeline import event_logs, plain_timeline

import tspol
from tspol.compiler import irjson
from tspol.diagnostics import TspolError
from tspol.dsl.formatter import format_source
from tspol.runtime.ledger import Ledger

ROOT = Path(__file__).resolve().parents[1]
PACK = ROOT / "examples" / "ledger_extend"


def violation(date: str, id: str, points: int = 1) -> dict:
    return {"date": date, "kind": "violation", "id": id, "rule": "late_dispatch", "points": points}


def restrictions(events, on: str) -> list[tuple[str, str, str]]:
    state = tspol.load(PACK).ledger(events, region="US").state(on)
    return [(r.action, str(r.start), str(r.until)) for r in state.restrictions]


def test_each_new_violation_in_effect_moves_the_end_and_the_first_day_stays():
    events = [violation("2025-03-01", "a", 6), violation("2025-03-05", "b"), violation("2025-03-14", "c")]
    assert restrictions(events, "2025-03-14") == [("no_campaigns", "2025-03-01", "2025-03-29")]


def test_a_violation_on_the_first_day_or_after_the_end_extends_nothing():
    same_day = [violation("2025-03-01", "a", 6), violation("2025-03-01", "b")]
    assert restrictions(same_day, "2025-03-01") == [("no_campaigns", "2025-03-01", "2025-03-15")]
    after = [violation("2025-03-01", "a", 6), violation("2025-03-15", "b")]
    assert restrictions(after, "2025-03-15") == []


def test_fmt_keeps_an_extension_and_the_ir_json_reads_it_back():
    text = (PACK / "policy.pol").read_text(encoding="utf-8")
    assert format_source(text) == text
    program = tspol.load(PACK).program
    assert program.ledger.thresholds[0].extensions == (("no_campaigns", 7),)
    dumped = irjson.dumps(program)
    assert json.loads(dumped)["version"] == 3
    assert irjson.loads(dumped) == program


@pytest.fixture(scope="module")
def bundled():
    return tspol.load(ROOT / "policies")


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(events=event_logs(), extra_days=st.sampled_from([0, 30, 400]), days=st.sampled_from([1, 7, 60]))
def test_the_timeline_is_what_full_states_say_with_extensions(bundled, events, extra_days, days):
    """The bundled ledger with every timed measure extended: the incremental timeline is the plain one."""
    ledger_ir = bundled.program.ledger
    thresholds = tuple(attrs.evolve(t, extensions=tuple((m, days) for m, n in t.measures if n is not None))
                       for t in ledger_ir.thresholds)
    program = attrs.evolve(bundled.program, ledger=attrs.evolve(ledger_ir, thresholds=thresholds))
    try:
        ledger = Ledger(program, events, region="US", evaluate=bundled.evaluate_dict)
    except TspolError:
        return
    on = ledger.last_date + datetime.timedelta(days=extra_days)
    assert ledger.timeline(on) == plain_timeline(ledger, on), json.dumps(events)


@pytest.mark.parametrize("args", [(), ("--format", "json", "--on", "2025-03-25")], ids=["text", "json"])
def test_simulate_the_example_pack(cli, snapshot, monkeypatch, args):
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("TSPOL_CACHE_DIR", "")
    command = ["simulate", "--policy", "examples/ledger_extend", "examples/ledger_extend/events.jsonl", *args]
    result = cli(*command)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert snapshot == "$ tspol " + " ".join(command) + "\n" + result.output
