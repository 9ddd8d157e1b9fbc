"""The SQL backend keeps what `--fields` and `--shape` ask for, computing nothing else.

A query generated with `fields` answers each row as the Python engine's decision cut
to those fields (`tspol.runtime.shapes.keep`), error records as ever; `tspol eval
--engine duckdb` with `--fields` or `--shape lean` writes the bytes (and Parquet
files) `--engine python` writes. Also here: a limit whose basis comes from an
integer column, which the query shares in whole numbers.
"""

from __future__ import annotations

import json

import pytest

pytest.importorskip("duckdb")
pytest.importorskip("sqlglot")

import tspol  # noqa: E402
import tspol.duckdb as tspol_duckdb  # noqa: E402
from sql_cases import BAD_ROWS, LIMIT_PACK, LIMIT_RECORDS, boundary_records, expected  # noqa: E402
from tspol import tables  # noqa: E402
from tspol.compiler import sqlgen  # noqa: E402
from tspol.runtime.shapes import keep, parse_fields, shape_fields  # noqa: E402

FIELDS = [
    "lean",
    "points",
    "region",
    "warning",
    "region,warning",
    "violations,violations.row",
    "violations",
    "violations.because,violations.limit",
    "findings",
    "findings.value,not_applicable.reason",
    "not_applicable,discretionary.measures",
    "points,violations.rule,violations.row,discretionary",
]


def fields_of(text: str):
    return shape_fields(text) if text == "lean" else parse_fields(text)


def kept(program, record: dict, fields, lang: str = "en") -> dict:
    """What the Python engine writes of a record with `fields` kept."""
    decision = expected(program, record, lang)
    if "error" in decision:
        return decision
    seller = {"seller_id": decision.pop("seller_id")} if "seller_id" in decision else {}
    return seller | keep(decision, fields)


@pytest.fixture(scope="module")
def policy():
    return tspol.load()


@pytest.mark.parametrize("text", FIELDS)
def test_kept_fields_are_the_python_decision_cut_to_them(policy, text):
    fields = fields_of(text)
    records = boundary_records(policy.program)[::3] + [{"seller_id": n, **r} for n, r in enumerate(BAD_ROWS)]
    got = tspol_duckdb.decisions(policy, records, fields=fields)
    wrong = [(r, g) for r, g in zip(records, got) if g != kept(policy.program, r, fields)]
    assert len(got) == len(records) and wrong == []


def test_the_item_fields_of_sql_are_those_of_a_decision():
    from tspol.runtime.shapes import KEYS

    assert {name: tuple(items) for name, items in sqlgen.ITEM_FIELDS.items()} == \
        {name: items for name, items in KEYS.items() if items}


@pytest.mark.parametrize("fields, message", [
    ([["points", None]], None),
    ((("seller_id", None),), "no column 'seller_id' to keep"),
    ((("violations", ("rul",)),), "item fields ('rul',) of 'violations': give some of rule, table"),
    ((("violations", ()),), "item fields () of 'violations'"),
    ((("points", ("row",)),), "of 'points': give some of none: it is not a list"),
    ((("points", None), ("points", None)), "a column is named twice"),
    (("points",), "fields are (column, item fields or None) pairs"),
])
def test_fields_from_python_are_checked(policy, fields, message):
    records = [{"region": "US", "orders_7d": 40, "late_orders": 12}]
    if message is None:
        assert tspol_duckdb.decisions(policy, records, fields=fields) == [{"points": 5}]
        return
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        tspol_duckdb.decisions(policy, records, fields=fields)


def test_a_row_without_a_column_it_should_have_is_no_decision():
    with pytest.raises(KeyError):
        tables.decision({"seller_id": None, "error": None})
    with pytest.raises(KeyError):
        tables.decision({"error": None, "points": 1}, parse_fields("points,warning"))
    assert tables.decision({"error": None, "points": 1}, parse_fields("points")) == {"points": 1}


def test_names_that_differ_only_in_case_have_columns_of_their_own(tmp_path):
    """An input `ldr` beside a metric `LDR`: every stage names their columns apart."""
    pack = tmp_path / "p.pol"
    pack.write_text("""policy p { version "1" effective 2024-01-01 }
region US
input orders: count
input ldr: count { part of orders }
metric LDR = ldr / orders
rule late in US {
  on LDR
  table {
    when 10% <= LDR < 50% then points 2
    when 50% <= LDR then points 3
  }
}
""", encoding="utf-8")
    policy = tspol.load(pack)
    records = [{"region": "US", "orders": 10, "ldr": late} for late in (0, 1, 5, 10)]
    for fields in (None, shape_fields("lean")):
        got = tspol_duckdb.decisions(policy, records, fields=fields)
        assert got == [kept(policy.program, r, fields) if fields else expected(policy.program, r, "en")
                       for r in records]


def test_a_lean_query_makes_no_texts(policy):
    lean = sqlgen.generate(policy.program, "duckdb", fields=shape_fields("lean"))
    full = sqlgen.generate(policy.program, "duckdb")
    for stage in ("quotients AS", "shown AS", "'because'", '"findings_', '"not_applicable_'):
        assert stage in full and stage not in lean
    assert sqlgen.output_types("duckdb", shape_fields("lean")).keys() == {
        "seller_id", "region", "points", "warning", "violations", "error"}


def test_a_basis_from_an_integer_column_is_shared_in_whole_numbers(tmp_path):
    """Daily caps of a limit whose basis column holds integers (rounded up, 33.3% and
    1.01%): what the Python engine says, from the integer column as from its text."""
    import duckdb

    pack = tmp_path / "p.pol"
    pack.write_text(LIMIT_PACK, encoding="utf-8")
    policy = tspol.load(pack)
    records = [r for r in LIMIT_RECORDS if type(r["base"]) is int]
    records += [{"region": "US", "orders": 10, "late": late, "base": base} for late in (1, 6)
                for base in (2, 99, 100, 101, 12345)]
    connection = duckdb.connect()
    relation = connection.sql(
        "SELECT unnest(?::VARCHAR[]) AS region, unnest(?::BIGINT[]) AS orders, unnest(?::BIGINT[]) AS late, "
        "unnest(?::BIGINT[]) AS base",
        params=[[r["region"] for r in records], *([r[name] for r in records] for name in ("orders", "late", "base"))])
    decided = tspol_duckdb.evaluate(policy, relation, connection=connection)
    got = tables.record_decisions(policy, records, (dict(zip(decided.columns, row)) for row in decided.fetchall()))
    assert got == [expected(policy.program, r, "en") for r in records]
    caps = [v["limit"]["daily_cap"] for d in got for v in d["violations"]]
    assert caps and all(type(cap) is int for cap in caps)


# ---- the command

SELLERS = [
    {"seller_id": "a", "region": "US", "orders_7d": 40, "late_orders": 3},
    {"seller_id": "b", "region": "UK", "orders_7d": 60, "late_orders": 30, "avg_daily_orders_4w": 125},
    {"seller_id": 7, "region": "SEA", "orders_7d": 60, "cancelled_orders": 40, "avg_daily_orders_4w": 12.5},
    {"seller_id": "c", "region": "US", "orders_7d": -1},
]


@pytest.fixture
def sellers_file(tmp_path):
    path = tmp_path / "sellers.jsonl"
    path.write_text("".join(json.dumps(s) + "\n" for s in SELLERS), encoding="utf-8")
    return path


@pytest.mark.parametrize("option", [["--shape", "lean"], ["--fields", "points,violations.because,findings"]])
def test_eval_on_duckdb_writes_the_bytes_python_writes(cli, sellers_file, option):
    python = cli("eval", "--format", "json", *option, sellers_file)
    duckdb = cli("eval", "--format", "json", "--engine", "duckdb", *option, sellers_file)
    assert python.exit_code == duckdb.exit_code == 1
    assert duckdb.stdout == python.stdout and len(python.stdout.splitlines()) == len(SELLERS)


@pytest.mark.parametrize("option", [["--shape", "lean"], ["--fields", "points,violations.limit,findings"]])
def test_a_parquet_file_of_a_shape_is_the_same_from_every_path(cli, sellers_file, tmp_path, option):
    """Kept fields to Parquet: from JSON Lines on python, from Parquet on python, and
    Parquet to Parquet in DuckDB alone: the same rows, typed by the fields kept."""
    import duckdb

    table = tmp_path / "sellers.parquet"
    duckdb.connect().execute(f"COPY (SELECT * FROM read_json('{sellers_file}', columns = {{seller_id: 'VARCHAR', "
                             "region: 'VARCHAR', orders_7d: 'BIGINT', late_orders: 'BIGINT', cancelled_orders: "
                             f"'BIGINT', avg_daily_orders_4w: 'DOUBLE'}})) TO '{table}' (FORMAT parquet)")
    written = []
    for given, engine in ((sellers_file, "python"), (table, "python"), (table, "duckdb")):
        out = tmp_path / f"{engine}-{given.suffix[1:]}.parquet"
        result = cli("eval", "--engine", engine, *option, given, "-o", out)
        assert result.exit_code == 1, result.output
        relation = duckdb.connect().read_parquet(str(out))
        written.append((relation.columns, [str(t) for t in relation.types], relation.fetchall()))
    assert written[0] == written[1] == written[2]
    columns, types, rows = written[0]
    if option[0] == "--shape":
        assert columns == ["seller_id", "region", "points", "warning", "violations", "error"]
        assert "because" not in types[4] and [row[2] for row in rows] == [0, 8, 7, None]
    else:
        assert columns == ["seller_id", "points", "violations", "findings", "error"]
        assert types[2] == 'STRUCT("limit" STRUCT("days" INTEGER, "percent" VARCHAR, basis VARCHAR, ' \
                           'daily_cap DECIMAL(38,0)))[]'
        assert [row[1] for row in rows] == [0, 8, 7, None] and rows[1][2][1]["limit"]["daily_cap"] == 37


@pytest.mark.spark
def test_kept_fields_on_spark_are_the_python_decision_cut_to_them(spark, policy):
    """Spark, on a smaller sample: the lean shape and fields of every list, one query each."""
    import tspol.spark

    records = boundary_records(policy.program)[::9] + [{"seller_id": n, **r} for n, r in enumerate(BAD_ROWS)]
    for text in ("lean", "findings.value,not_applicable.reason,violations.because"):
        fields = fields_of(text)
        got = tspol.spark.decisions(policy, records, fields=fields, spark=spark)
        wrong = [(r, g) for r, g in zip(records, got) if g != kept(policy.program, r, fields)]
        assert len(got) == len(records) and wrong == [], text
