"""The SQL backend on Spark decides as the interpreter does, to the byte.

The tier `pytest -q -m spark` (left out of `pytest -q`: it starts a JVM). One local
SparkSession for the module, as `tspol.spark.session()` makes it; each test is a few
queries over many rows, since Spark plans a query in seconds and decides its rows in
milliseconds. The sellers and their expected answers are those of the DuckDB tests
(`tests/sql_cases.py`): every boundary in every region in English and Chinese, bad
rows, odd values, hypothesis sellers; and the same again with ANSI mode off, since the
query must not lean on either mode's handling of casts, overflow or division.

Without pyspark or Java these tests are skipped with the reason; with
TSPOL_REQUIRE_SPARK=1 (as `.ci/run` sets it) they fail instead.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import tspol
from sql_cases import (BAD_ROWS, BAD_VALUES, HEADROOM_ROWS, KINDS_PACK, LIMIT_PACK, LIMIT_RECORDS, ODD_ROWS,
                       PAST_SQL_RANGE, TYPES_PACK, TYPES_RECORDS, boundary_records, disagreements, eval_lines,
                       headroom_lines, in_sql_range, kinds_records)
from test_differential import plan, sellers
from tspol import tables
from tspol.runtime.metrics import MetricsError

spark_tier = pytest.mark.spark


@pytest.fixture(scope="module")
def policy():
    return tspol.load()


def decide(policy, records, lang="en"):
    import tspol.spark

    return tspol.spark.decisions(policy, records, lang=lang)


@spark_tier
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_boundary_bad_row_and_odd_value_in_one_query(spark, policy, lang):
    records = boundary_records(policy.program)
    records += [{"seller_id": f"bad{n}", **r} for n, r in enumerate(BAD_ROWS + BAD_VALUES)] + ODD_ROWS
    assert len(records) > 900
    got = decide(policy, records, lang)
    assert sum("error" in d for d in got) >= len(BAD_ROWS) + len(BAD_VALUES) - 2
    assert disagreements(policy, records, got, lang) == []


@spark_tier
def test_the_answers_do_not_depend_on_ansi_mode(spark, policy):
    assert spark.conf.get("spark.sql.ansi.enabled") == "true"  # Spark 4's default
    records = [{"seller_id": f"bad{n}", **r} for n, r in enumerate(BAD_ROWS + BAD_VALUES)] + ODD_ROWS
    records += boundary_records(policy.program)[::7]
    spark.conf.set("spark.sql.ansi.enabled", "false")
    try:
        assert disagreements(policy, records, decide(policy, records)) == []
    finally:
        spark.conf.set("spark.sql.ansi.enabled", "true")


@spark_tier
# no shrinking: each try is a Spark query of seconds; a failure lists every disagreeing seller
@settings(max_examples=3, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_hypothesis_sellers_batched_into_one_query(spark, policy, data):
    batch = data.draw(st.lists(sellers(plan(policy.program)), min_size=50, max_size=200))
    records = [{"region": policy.regions[i % 3], **s} for i, s in enumerate(batch) if in_sql_range(s)]
    assert disagreements(policy, records, decide(policy, records)) == []


@spark_tier
def test_a_value_past_the_sql_range_is_that_rows_error(spark, policy):
    (decision, good) = decide(policy, [PAST_SQL_RANGE, {"region": "US", "orders_7d": 40}])
    assert decision["error"]["code"] == "E608" and "18 decimal places" in decision["error"]["message"]
    assert good == policy.evaluate_dict({"orders_7d": 40}, "US")


@spark_tier
def test_limits_kinds_of_value_and_hostile_policy_text(spark, tmp_path):
    from test_codegen_safety import HOSTILE_TEXTS, SELLERS, hostile_pack

    from tspol.api import Policy
    from tspol.workspace import Workspace

    (tmp_path / "limit").mkdir()
    (tmp_path / "limit" / "p.pol").write_text(LIMIT_PACK, encoding="utf-8")
    limit = tspol.load(tmp_path / "limit" / "p.pol")
    assert disagreements(limit, LIMIT_RECORDS, decide(limit, LIMIT_RECORDS)) == []
    (tmp_path / "types").mkdir()
    (tmp_path / "types" / "p.pol").write_text(TYPES_PACK, encoding="utf-8")
    types = tspol.load(tmp_path / "types" / "p.pol")
    assert disagreements(types, TYPES_RECORDS, decide(types, TYPES_RECORDS)) == []
    for number, text in enumerate(HOSTILE_TEXTS):
        (tmp_path / str(number)).mkdir()
        policy = Policy(Workspace.open(hostile_pack(tmp_path / str(number), text)).compiled())
        records = [{"region": region, **seller} for seller in SELLERS for region in policy.regions]
        assert disagreements(policy, records, decide(policy, records)) == [], text


@spark_tier
def test_a_dataframe_in_a_dataframe_out_in_order(spark, policy):
    import tspol.spark

    frame = spark.range(0, 41).selectExpr("concat('s', id) AS seller_id", "'US' AS region",
                                          "40 AS orders_7d", "CAST(id AS INT) AS late_orders")
    rows = tspol.spark.evaluate(policy, frame).collect()
    assert [row.seller_id for row in rows] == [f"s{i}" for i in range(41)]
    assert [row.points for row in rows] == [policy.evaluate({"orders_7d": 40, "late_orders": i}, "US").points
                                            for i in range(41)]
    assert all(row.error is None for row in rows)


@spark_tier
def test_integer_columns_decide_as_their_text_does(spark, policy):
    """Boundary sellers and bad whole numbers from BIGINT columns: what Python says."""
    import tspol.spark
    from pyspark.sql.types import LongType, StringType, StructField, StructType

    counts = [spec.name for spec in policy.program.inputs if spec.kind == "count"]
    records = [r for r in boundary_records(policy.program)[::4]
               if all(type(r.get(name)) is int for name in counts if name in r)]
    records += [{"region": "US", "orders_7d": 40, "late_orders": 41}, {"region": "UK", "orders_7d": 10**18},
                {"region": "SEA", "orders_7d": -1, "late_orders": 0}]
    names = sorted({name for r in records for name in r if name in counts})
    others = sorted({name for r in records for name in r} - {*names, "seller_id", "region"})
    schema = StructType([StructField("seller_id", StringType()), StructField("region", StringType()),
                         *(StructField(name, LongType()) for name in names),
                         *(StructField(name, StringType()) for name in others)])
    rows = [(r.get("seller_id"), r["region"], *(r.get(name) for name in names),
             *(tables.text(r.get(name)) for name in others)) for r in records]
    frame = spark.createDataFrame(rows, schema)
    got = tables.record_decisions(policy, records, (row.asDict(recursive=True)
                                                    for row in tspol.spark.evaluate(policy, frame).collect()))
    assert len(records) > 100 and disagreements(policy, records, got) == []


@spark_tier
def test_an_unknown_column_is_refused(spark, policy):
    import tspol.spark

    with pytest.raises(MetricsError) as refused:
        tspol.spark.evaluate(policy, spark.sql("SELECT 40 AS orders_7d, 1 AS late_ordres"))
    assert refused.value.code == "E601" and "late_orders" in str(refused.value)


@spark_tier
@pytest.mark.parametrize("options", [["--format", "json"], ["--format", "text", "--lang", "zh"]])
def test_eval_with_spark_prints_what_python_prints(spark, cli, tmp_path, options):
    file = tmp_path / "sellers.jsonl"
    file.write_text(eval_lines(), encoding="utf-8")
    python = cli("eval", *options, "--engine", "python", file)
    on_spark = cli("eval", *options, "--engine", "spark", file)
    assert (on_spark.exit_code, on_spark.stdout, on_spark.stderr) == (python.exit_code, python.stdout, python.stderr)
    assert python.exit_code == 1 and python.stdout.count("\n") >= 90


@spark_tier
@pytest.mark.parametrize("name", ["sellers.csv", "sellers.parquet", "list.json"])
def test_eval_with_spark_reads_tables_as_python(spark, cli, policy, tmp_path, name):
    """CSV, Parquet and a JSON list through Spark: the same stdout and stderr as python,
    and `-o decisions.parquet` the same file."""
    from test_eval_tables import NUMERIC_BAD_ROWS, csv_text, jsonl, write_parquet

    records = [r for r in boundary_records(policy.program) if in_sql_range(r)][::7]
    records += [{"seller_id": f"bad{i}", **r} for i, r in enumerate(NUMERIC_BAD_ROWS)]
    records = [{k: Decimal(repr(v)) if isinstance(v, float) else v for k, v in r.items()} for r in records]
    file = tmp_path / name
    if name.endswith(".csv"):
        file.write_text(csv_text(policy, records), encoding="utf-8")
    elif name.endswith(".parquet"):
        write_parquet(policy, records, file)
    else:
        file.write_text("[" + ",".join(jsonl(records).splitlines()) + "]", encoding="utf-8")
    python = cli("eval", "--format", "json", "--engine", "python", file)
    on_spark = cli("eval", "--format", "json", "--engine", "spark", file)
    assert (on_spark.exit_code, on_spark.stdout, on_spark.stderr) == (python.exit_code, python.stdout, python.stderr)
    assert python.exit_code == 1 and python.stdout.count('"row": ') >= len(NUMERIC_BAD_ROWS)
    cli("eval", "--engine", "python", file, "-o", tmp_path / "a.parquet")
    cli("eval", "--engine", "spark", file, "-o", tmp_path / "b.parquet")
    import duckdb

    a, b = (duckdb.connect().read_parquet(str(tmp_path / f)).fetchall() for f in ("a.parquet", "b.parquet"))
    assert a == b and len(a) == len(records)


# ---- headroom and recovery: the Python engine's lists, batched into one query a pack

@spark_tier
def test_headroom_of_boundary_sellers_and_edges_in_one_query(spark, policy):
    import tspol.spark

    records = boundary_records(policy.program)[::9] + HEADROOM_ROWS
    records += [{"seller_id": f"bad{n}", **r} for n, r in enumerate(BAD_ROWS)]
    got = tspol.spark.decisions(policy, records, headroom=True)
    assert disagreements(policy, records, got, headroom=True) == []
    assert sum(h["more"] is not None for d in got if "error" not in d for h in d["headroom"]) > 20


@spark_tier
def test_headroom_of_each_kind_of_value_in_ansi_mode_and_not(spark, tmp_path):
    import tspol.spark

    (tmp_path / "p.pol").write_text(KINDS_PACK, encoding="utf-8")
    kinds = tspol.load(tmp_path / "p.pol")
    records = kinds_records(step=5)
    for ansi in ("true", "false"):
        spark.conf.set("spark.sql.ansi.enabled", ansi)
        try:
            got = tspol.spark.decisions(kinds, records, headroom=True)
        finally:
            spark.conf.set("spark.sql.ansi.enabled", "true")
        assert disagreements(kinds, records, got, headroom=True) == [], ansi


@spark_tier
@pytest.mark.parametrize("options", [["--format", "json"], ["--format", "text", "--lang", "zh"]])
def test_eval_headroom_with_spark_prints_what_python_prints(spark, cli, tmp_path, options):
    file = tmp_path / "sellers.jsonl"
    file.write_text(headroom_lines(), encoding="utf-8")
    python = cli("eval", "--headroom", *options, "--engine", "python", file)
    on_spark = cli("eval", "--headroom", *options, "--engine", "spark", file)
    assert (on_spark.exit_code, on_spark.stdout, on_spark.stderr) == (python.exit_code, python.stdout, python.stderr)
    assert python.exit_code == 1 and ("recovery" in python.stdout or "恢复达标" in python.stdout)


# ---- the query itself (needs sqlglot only): reviewed as a snapshot, the same bytes anywhere


def test_query_source(policy, snapshot):
    pytest.importorskip("sqlglot")
    from sql_cases import SqlSnapshot

    from tspol.compiler import sqlgen

    query = sqlgen.generate(policy.program, "spark")
    assert query == snapshot(extension_class=SqlSnapshot)
    # no binary float and no DECIMAL of the engine's default precision, anywhere
    assert not re.search(r"DOUBLE|FLOAT|REAL|DECIMAL(?!\(\d+, \d+\))", query)


def test_compile_target_spark_writes_the_same_query_wherever_the_pack_sits(cli, tmp_path, pack_copy):
    pytest.importorskip("sqlglot")
    from conftest import PACK

    assert cli("compile", "--target", "spark", "-o", tmp_path / "a", PACK).exit_code == 0
    assert cli("compile", "--target", "spark", "-o", tmp_path / "b", pack_copy).exit_code == 0
    name = "tiktok_shop_crossborder.spark.sql"
    first, second = (tmp_path / "a" / name).read_bytes(), (tmp_path / "b" / name).read_bytes()
    assert first == second and str(tmp_path).encode() not in first
