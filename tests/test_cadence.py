"""Evaluation cadence (issue 11): a rule says when it is evaluated, `evaluated daily`,
`evaluated weekly on monday` or `evaluated monthly on day 20`.

The example pack `examples/cadence` runs through `tspol simulate` (text, JSON and
`--strict`, snapshot-tested); a metrics event off a rule's days is W740 by line and
key, and listed under the JSON state's `off_cadence`, a key only packs with a cadence
have; the days of each cadence (29-31 the last day of a shorter month); the IR is
version 3 only when a rule states a cadence; `tspol diff` and `tspol doc` show it.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import tspol
from tspol.compiler import ir, irjson, semdiff

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "cadence"
EVENTS = EXAMPLE / "events.jsonl"


@pytest.fixture(scope="module")
def example():
    return tspol.load(EXAMPLE)


def test_the_example_simulates(cli, snapshot):
    text = cli("simulate", "--policy", EXAMPLE, EVENTS)
    state = cli("simulate", "--policy", EXAMPLE, EVENTS, "--format", "json")
    strict = cli("simulate", "--policy", EXAMPLE, EVENTS, "--strict")
    assert (text.exit_code, state.exit_code, strict.exit_code, strict.stdout) == (0, 0, 1, "")
    assert snapshot == "\n".join(r.stderr + r.stdout for r in (text, state, strict)).replace(str(ROOT) + "/", "")


def test_an_event_off_cadence_is_w740_by_line_and_key(example):
    ledger = example.ledger([json.loads(line) for line in EVENTS.read_text(encoding="utf-8").splitlines()], region="US")
    assert [(w.code, w.line, w.key, w.severity) for w in ledger.warnings] == [("W740", 3, "date", "warning")]
    assert ledger.state("2025-03-11").to_dict()["off_cadence"] == []
    assert ledger.state("2025-03-12").to_dict()["off_cadence"] == [
        {"id": "m3", "date": "2025-03-12", "rules": ["late_dispatch"]}]


def test_a_pack_without_cadence_has_no_off_cadence_key():
    events = [{"date": "2024-08-01", "kind": "violation", "id": "v1", "rule": "late_dispatch", "points": 7}]
    assert "off_cadence" not in tspol.load().ledger(events, region="US").state().to_dict()


@given(st.dates(datetime.date(2000, 1, 1), datetime.date(2100, 12, 31)), st.integers(1, 31))
def test_a_monthly_cadence_is_one_day_a_month_its_last_when_shorter(date, day):
    cadence = ir.CadenceIR("monthly", day)
    days = [d for d in range(1, 32) if _valid(date.year, date.month, d)
            and cadence.evaluates_on(datetime.date(date.year, date.month, d))]
    last = max(d for d in range(1, 32) if _valid(date.year, date.month, d))
    assert days == [min(day, last)]


@given(st.dates(datetime.date(2000, 1, 1), datetime.date(2100, 12, 31)), st.integers(0, 6))
def test_a_weekly_cadence_is_its_weekday(date, day):
    assert ir.CadenceIR("weekly", day).evaluates_on(date) == (date.weekday() == day)
    assert ir.CadenceIR("daily", None).evaluates_on(date)


def _valid(year, month, day) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def test_the_ir_is_version_3_only_with_a_cadence(example):
    assert json.loads(irjson.dumps(example.program))["version"] == 3
    assert irjson.loads(irjson.dumps(example.program)) == example.program
    assert '"cadence"' not in irjson.dumps(tspol.load().program)


def test_diff_reports_a_changed_cadence(example, tmp_path):
    text = (EXAMPLE / "policy.pol").read_text(encoding="utf-8").replace("weekly on monday", "weekly on friday")
    (tmp_path / "policy.pol").write_text(text, encoding="utf-8")
    changes = semdiff.parameter_changes(example.program, tspol.load(tmp_path).program)
    assert [(c.section, c.item, c.before, c.after) for c in changes] == [
        ("rule late_dispatch in US", "evaluated", "weekly on monday", "weekly on friday")]


@pytest.mark.parametrize(("lang", "words"), [("en", ["weekly, on Monday", "monthly, on day 20"]),
                                             ("zh", ["每周一", "每月 20 日"])])
def test_doc_shows_the_cadence(cli, tmp_path, lang, words):
    out = tmp_path / "site"
    result = cli("doc", EXAMPLE, "-o", out, "--lang", lang)
    assert result.exit_code == 0, result.output
    page = "".join(p.read_text(encoding="utf-8") for p in out.glob("*.html"))
    assert all(word in page for word in words)
