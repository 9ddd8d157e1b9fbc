"""`tspol eval --fields` and `--shape`: a few columns of each decision, for pipelines."""

from __future__ import annotations

import pytest

import tspol
from eval_engines import boundary_sellers
from tspol.runtime.decision import lean
from tspol.runtime.shapes import keep, lean_enough, parse_fields, shape_fields


@pytest.fixture(scope="module")
def policy():
    return tspol.load()


def test_fields_keep_what_is_asked_in_the_decisions_order():
    fields = parse_fields("violations.row, points,violations.rule,warning")
    assert fields == (("points", None), ("warning", None), ("violations", ("rule", "row")))
    assert parse_fields("violations,violations.row") == (("violations", None),)
    assert parse_fields("seller_id,points") == parse_fields("points")  # written with every decision anyway


@pytest.mark.parametrize("text, message", [
    ("point", "no field `point` (did you mean `points`?); the fields are region, points, warning, violations"),
    ("violations.rul", "no field `violations.rul` (did you mean `violations.rule`?); those of violations are "
                       "violations.rule, violations.table"),
    ("points.x", "no field `points.x`; those of points are none: `points` is not a list"),
    ("points,,warning", "an empty field in 'points,,warning'"),
])
def test_a_field_that_is_not_one_says_what_the_fields_are(text, message):
    with pytest.raises(ValueError) as refused:
        parse_fields(text)
    assert str(refused.value).startswith(message)


def test_the_lean_shape_is_what_decide_gives(policy):
    fields = shape_fields("lean")
    assert lean_enough(fields)
    assert not lean_enough(parse_fields("points,violations.because")) and not lean_enough(parse_fields("findings"))
    assert not lean_enough(parse_fields("violations")) and lean_enough(parse_fields("points,violations.row"))
    for seller in list(boundary_sellers(policy.program))[::5]:
        for region in policy.regions:
            full = policy.evaluate_dict(seller, region)
            assert keep(full, fields) == lean(full) == keep(policy.decide(seller, region), fields)
            some = parse_fields("points,violations.rule,violations.row")
            assert keep(full, some) == keep(policy.decide(seller, region), some)


# ---- the command: --fields, --shape, --headroom, --what-if, -v

SELLERS = ('{"seller_id": "a", "orders_7d": 40, "late_orders": 3}\n'
           '{"seller_id": "b", "orders_7d": 60, "late_orders": 30, "avg_daily_orders_4w": 125}\n'
           '{"seller_id": "c", "orders_7d": -1}\n')


@pytest.fixture
def sellers_file(tmp_path):
    path = tmp_path / "sellers.jsonl"
    path.write_text(SELLERS, encoding="utf-8")
    return path


def lines(output: str) -> list:
    import json

    return [json.loads(line) for line in output.splitlines()]


def test_fields_write_a_few_columns_and_errors_as_ever(cli, sellers_file, policy):
    result = cli("eval", "--region", "US", "--format", "json", "--fields", "points,violations.row", sellers_file)
    assert result.exit_code == 1
    a, b, c = lines(result.stdout)
    assert a == {"seller_id": "a", "points": 0, "violations": [{"row": 1}]}
    assert b == {"seller_id": "b", "points": 7, "violations": [{"row": 5}]}
    assert c["error"]["code"] == "E604" and c["line"] == 3


def test_the_lean_shape_in_csv_is_a_column_a_field(cli, sellers_file, tmp_path, policy):
    import csv

    out = tmp_path / "out.csv"
    assert cli("eval", "--region", "US", "--shape", "lean", sellers_file, "-o", out).exit_code == 1
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert list(rows[0]) == ["seller_id", "region", "points", "warning", "violations", "error"]
    assert [row["points"] for row in rows] == ["0", "7", ""] and "E604" in rows[2]["error"]
    assert '"because"' not in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("args, message", [
    (["--fields", "points", "--shape", "lean"], "--fields and --shape each say what to write"),
    (["--fields", "points", "--format", "text"], "--fields writes JSON Lines, CSV or Parquet, not a text report"),
    (["--fields", "pints", "--format", "json"], "no field `pints` (did you mean `points`?)"),
    (["--what-if", "late_orders"], "write INPUT=+N (N more), INPUT=-N (N fewer) or INPUT=N"),
    (["--what-if", "late=+1"], "no input `late`"),
    (["--what-if", "late_orders=+1", "--what-if", "late_orders=2"], "`late_orders` is changed twice"),
    (["--what-if", "late_orders=+1", "--engine", "duckdb"], "--what-if is decided by --engine python"),
    (["--headroom", "--fields", "points", "--format", "json"], "--headroom adds to the whole decision in JSON or text: --fields has no"),
    (["--headroom", "--shape", "lean", "--format", "json", "--engine", "duckdb"], "--headroom adds to the whole decision in JSON or "
                                                              "text: --shape has no place for it"),
    (["--what-if", "late_orders=+1", "-o", "out.csv"], "--what-if adds to the whole decision in JSON or text: "
                                                       "-o out.csv has no place for it"),
])
def test_bad_options_are_usage_errors(cli, sellers_file, args, message):
    result = cli("eval", "--region", "US", *args, sellers_file)
    assert result.exit_code == 2 and message in result.output, result.output


def test_headroom_adds_both_lists(cli, sellers_file, policy):
    result = cli("eval", "--region", "US", "--format", "json", "--headroom", sellers_file)
    a = lines(result.stdout)[0]
    metrics = {"orders_7d": 40, "late_orders": 3}
    wanted = policy.evaluate_dict(metrics, "US", headroom=True)
    assert {k: a[k] for k in ("headroom", "recovery")} == {k: wanted[k] for k in ("headroom", "recovery")}
    text = cli("eval", "--region", "US", "--headroom", sellers_file).stdout
    assert "2 more late_orders (so 2 more orders_7d)" in text and "36 more orders_7d bring it within < 4%" in text


def test_what_if_decides_the_changed_seller_beside(cli, sellers_file, policy):
    result = cli("eval", "--region", "US", "--format", "json", "--what-if", "late_orders=+3", sellers_file)
    a = lines(result.stdout)[0]
    assert a["what_if"]["changes"] == {"late_orders": "+3"}
    assert a["what_if"]["metrics"] == {"orders_7d": 43, "late_orders": 6}
    assert a["what_if"]["decision"] == policy.evaluate_dict({"orders_7d": 43, "late_orders": 6}, "US")
    text = cli("eval", "--region", "US", "--lang", "zh", "--what-if", "late_orders=+3", sellers_file).stdout
    assert "假如 late_orders +3(orders_7d 43,late_orders 6):" in text and "新触发:延迟履约率,第 2 行" in text


def test_what_if_a_seller_cannot_take_is_that_lines_error(cli, tmp_path):
    path = tmp_path / "s.jsonl"
    path.write_text('{"orders_7d": 40}\n{"orders_7d": 40, "late_orders": 3}\n', encoding="utf-8")
    result = cli("eval", "--region", "US", "--format", "json", "--what-if", "late_orders=-5", path)
    first, second = lines(result.stdout)
    assert first["error"]["code"] == second["error"]["code"] == "E615"
    assert "not given" in first["error"]["message"] and "cannot be negative" in second["error"]["message"]


def test_verbose_says_how_many_processes_decide(cli, sellers_file, monkeypatch):
    import os

    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    result = cli("eval", "--region", "US", "-v", sellers_file)
    assert "tspol eval: one process (2 CPUs: helper processes would cost more than they save)" in result.stderr
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(12)), raising=False)
    assert "tspol eval: 4 helper processes past 20,000 lines (12 CPUs)" in cli("eval", "--region", "US", "-v",
                                                                               sellers_file).stderr
    assert "one process (--jobs)" in cli("eval", "--region", "US", "-v", "--jobs", "1", sellers_file).stderr
