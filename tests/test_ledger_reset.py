"""Calendar resets of the ledger (issue 11): `points reset on the first monday of each
quarter`, `... on day N of each month`: the calendar arithmetic against a day-by-day
count, the ledger against a rolling expiry, the syntax through fmt and the IR JSON,
and examples/ledger_reset/ through `tspol simulate` (snapshots in
tests/__snapshots__/test_ledger_reset.ambr).
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
from tspol.dsl.formatter import format_source
from tspol.compiler import ir, irjson
from tspol.diagnostics import TspolError
from tspol.runtime import resets
from tspol.runtime.ledger import Ledger

ROOT = Path(__file__).resolve().parents[1]
PACK = ROOT / "examples" / "ledger_reset"
FIRST_MONTHS = {"month": range(1, 13), "quarter": (1, 4, 7, 10), "year": (1,)}


def is_reset_day(reset: ir.ResetIR, date: datetime.date) -> bool:
    """Said the slow way: the date is in a period's first month and is its day N, or its
    nth weekday counted from the month's start (or end, for the last)."""
    if date.month not in FIRST_MONTHS[reset.period]:
        return False
    if reset.day is not None:
        return date.day == reset.day
    if date.weekday() != reset.weekday:
        return False
    if reset.nth == -1:
        return (date + datetime.timedelta(days=7)).month != date.month
    return (date.day - 1) // 7 + 1 == reset.nth


RESETS = [ir.ResetIR(period, None, nth, weekday) for period in FIRST_MONTHS
          for nth in (1, 2, 4, -1) for weekday in (0, 4, 6)]
RESETS += [ir.ResetIR(period, day, None, None) for period in FIRST_MONTHS for day in (1, 15, 28)]


@pytest.mark.parametrize("reset", RESETS, ids=lambda r: r.text.replace(" ", "_"))
def test_the_next_reset_is_the_first_reset_day_after(reset):
    start = datetime.date(2023, 11, 1).toordinal()
    end = datetime.date(2025, 3, 1).toordinal()  # across a leap February and two year ends
    following = None
    for day in range(end + 400, start - 1, -1):  # from the end back, the next reset day is known
        if following is not None and day <= end:
            assert resets.next_reset(reset, day) == following, datetime.date.fromordinal(day)
        if is_reset_day(reset, datetime.date.fromordinal(day)):
            following = day


def test_a_reset_day_is_a_day_of_its_period():
    monday = ir.ResetIR("quarter", None, 1, 0)
    days = [datetime.date(2025, 1, 1).toordinal()]
    for _ in range(4):
        days.append(resets.next_reset(monday, days[-1]))
    assert [datetime.date.fromordinal(d).isoformat() for d in days[1:]] == [
        "2025-01-06", "2025-04-07", "2025-07-07", "2025-10-06"]
    last_friday = ir.ResetIR("month", None, -1, 4)
    assert datetime.date.fromordinal(resets.next_reset(
        last_friday, datetime.date(2024, 2, 1).toordinal())).isoformat() == "2024-02-23"


def test_points_stop_at_the_reset_or_their_life_whichever_is_first():
    rules = tspol.load(PACK).program.ledger
    scored = datetime.date(2025, 2, 10).toordinal()  # D+60 is 11 April, the reset 7 April
    assert datetime.date.fromordinal(resets.expires(rules, scored)).isoformat() == "2025-04-07"
    assert resets.by_reset(rules, scored)
    scored = datetime.date(2025, 4, 20).toordinal()  # D+60 is 19 June, the reset 7 July
    assert datetime.date.fromordinal(resets.expires(rules, scored)).isoformat() == "2025-06-19"
    assert not resets.by_reset(rules, scored)
    reset_day = datetime.date(2025, 4, 7).toordinal()  # scored on a reset day: until the next
    assert resets.expires(attrs.evolve(rules, expiry_days=None), reset_day) == datetime.date(2025, 7, 7).toordinal()


@pytest.mark.parametrize("line", [
    "points reset on the first monday of each quarter",
    "points reset on the last sunday of each month",
    "points reset on day 1 of each year",
])
def test_fmt_keeps_a_reset_and_the_ir_json_reads_it_back(tmp_path, line):
    text = (PACK / "policy.pol").read_text(encoding="utf-8").replace(
        "points reset on the first monday of each quarter", line)
    (tmp_path / "policy.pol").write_text(text, encoding="utf-8")
    assert format_source(text) == text
    program = tspol.load(tmp_path).program
    assert program.ledger.reset.text == line.removeprefix("points reset on ")
    dumped = irjson.dumps(program)
    assert json.loads(dumped)["version"] == 3
    assert irjson.loads(dumped) == program


def test_a_pack_without_a_reset_keeps_its_ir_version():
    assert tspol.load(ROOT / "policies").program.ledger.reset is None
    assert '"ResetIR"' not in irjson.dumps(tspol.load(ROOT / "policies").program)


@pytest.mark.parametrize("args", [(), ("--format", "json"), ("--on", "2025-04-07", "--format", "json"),
                                  ("--until", "2025-07-14", "--every", "7d"), ("--lang", "zh")],
                         ids=["text", "json", "json-on-reset-day", "every-7d", "zh"])
def test_simulate_the_example_pack(cli, snapshot, monkeypatch, args):
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("TSPOL_CACHE_DIR", "")
    command = ["simulate", "--policy", "examples/ledger_reset", "examples/ledger_reset/events.jsonl", *args]
    result = cli(*command)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert snapshot == "$ tspol " + " ".join(command) + "\n" + result.output


# ---- the timeline with resets and repeats, against full states --------------------------

GENERAL = [ir.ResetIR("quarter", None, 1, 0), ir.ResetIR("month", 15, None, None)]


@pytest.fixture(scope="module")
def bundled():
    return tspol.load(ROOT / "policies")


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(events=event_logs(), extra_days=st.sampled_from([0, 30, 400]), reset=st.sampled_from(GENERAL),
       repeat=st.sampled_from([None, ir.RepeatIR(30, None), ir.RepeatIR(3, 5)]))
def test_the_timeline_is_what_full_states_say_with_resets_and_repeats(bundled, events, extra_days, reset, repeat):
    """The bundled ledger (freeze while deactivated, appeals, holds) with a calendar reset
    beside its 180 days, and with repeats: the incremental timeline is the plain one."""
    program = attrs.evolve(bundled.program, ledger=attrs.evolve(bundled.program.ledger, reset=reset, repeat=repeat))
    try:
        ledger = Ledger(program, events, region="US", evaluate=bundled.evaluate_dict)
    except TspolError:
        return
    on = ledger.last_date + datetime.timedelta(days=extra_days)
    assert ledger.timeline(on) == plain_timeline(ledger, on), json.dumps(events)
