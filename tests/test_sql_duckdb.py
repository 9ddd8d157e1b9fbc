"""The SQL backend on DuckDB decides as the interpreter does, to the byte.

The same sellers as the Python engines' differential test (every exact boundary of
every row, standard and `only if`, in every region, and hypothesis sellers around
them), as a table of metrics: decisions equal, `because` texts included, in English
and Chinese. Bad rows get the same error (code, key, message) as the Python engine,
each in its own row, none dropped. Fractions are left out: a SQL table holds whole
numbers, decimals and floats, not Python's Fraction.
"""

from __future__ import annotations


import pytest
from hypothesis import HealthCheck, given, settings

pytest.importorskip("duckdb")
pytest.importorskip("sqlglot")

import tspol  # noqa: E402
import tspol.duckdb as tspol_duckdb  # noqa: E402
from tspol import tables  # noqa: E402
from sql_cases import (BAD_ROWS, BAD_VALUES, LIMIT_PACK, LIMIT_RECORDS, ODD_ROWS, PAST_SQL_RANGE,  # noqa: E402
                       TYPES_PACK, TYPES_RECORDS, boundary_records, disagreements, eval_lines, in_sql_range)
from test_differential import plan, sellers  # noqa: E402
from tspol.runtime.metrics import MetricsError  # noqa: E402


@pytest.fixture(scope="module")
def policy():
    return tspol.load()


def assert_agree(policy, records: list[dict], lang: str = "en") -> None:
    assert disagreements(policy, records, tspol_duckdb.decisions(policy, records, lang=lang), lang) == []


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_exact_boundary_in_every_region(policy, lang):
    records = boundary_records(policy.program)
    assert len(records) > 900
    assert_agree(policy, records, lang)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(data=__import__("hypothesis").strategies.data())
def test_hypothesis_sellers_in_one_query(policy, data):
    shape = plan(policy.program)
    batch = data.draw(__import__("hypothesis").strategies.lists(sellers(shape), min_size=20, max_size=80))
    records = [{"region": policy.regions[i % 3], **s} for i, s in enumerate(batch) if in_sql_range(s)]
    assert_agree(policy, records)


def test_bad_rows_get_the_python_engines_errors_in_place(policy):
    records = [{"seller_id": n, **r} for n, r in enumerate(BAD_ROWS + BAD_VALUES)] + [{"region": "US", "orders_7d": 40}]
    got = tspol_duckdb.decisions(policy, records)
    assert sum("error" in d for d in got) >= len(BAD_ROWS) + len(BAD_VALUES) - 2  # two of them are fine
    assert disagreements(policy, records, got) == []


def test_a_value_past_the_sql_range_is_that_rows_error_not_a_wrong_answer(policy):
    (decision,) = tspol_duckdb.decisions(policy, [PAST_SQL_RANGE])
    assert decision["error"]["code"] == "E608" and "18 decimal places" in decision["error"]["message"]


def test_an_unknown_column_is_refused(policy):
    import duckdb

    with pytest.raises(MetricsError) as refused:
        tspol_duckdb.evaluate(policy, duckdb.sql("SELECT 40 AS orders_7d, 1 AS late_ordres"))
    assert refused.value.code == "E601" and "late_orders" in str(refused.value)


def test_a_relation_in_a_relation_out_in_order(policy):
    import duckdb

    connection = duckdb.connect()
    relation = connection.sql("SELECT 's' || i AS seller_id, 'US' AS region, 40 AS orders_7d, i AS late_orders "
                              "FROM range(0, 41) t(i)")
    decided = tspol_duckdb.evaluate(policy, relation, connection=connection)
    rows = decided.fetchall()
    assert [r[0] for r in rows] == [f"s{i}" for i in range(41)]
    points = [r[decided.columns.index("points")] for r in rows]
    assert points == [policy.evaluate({"orders_7d": 40, "late_orders": i}, "US").points for i in range(41)]


# ---- the query itself: reviewed as a snapshot, the same bytes anywhere, policy text as data

from sql_cases import SqlSnapshot  # noqa: E402
from tspol.compiler import sqlgen  # noqa: E402


class TestDuckDBQuery:
    def test_query_source(self, policy, snapshot):
        assert sqlgen.generate(policy.program, "duckdb") == snapshot(extension_class=SqlSnapshot)


def test_compile_writes_the_same_query_wherever_the_pack_sits(cli, tmp_path, pack_copy):
    from conftest import PACK

    assert cli("compile", "--target", "duckdb", "-o", tmp_path / "a", PACK).exit_code == 0
    assert cli("compile", "--target", "duckdb", "-o", tmp_path / "b", pack_copy).exit_code == 0
    name = "tiktok_shop_crossborder.duckdb.sql"
    first, second = (tmp_path / "a" / name).read_bytes(), (tmp_path / "b" / name).read_bytes()
    assert first == second and str(tmp_path).encode() not in first


def test_hostile_policy_text_stays_data_in_sql(tmp_path):
    from test_codegen_safety import HOSTILE_TEXTS, SELLERS, hostile_pack

    from tspol.api import Policy
    from tspol.workspace import Workspace

    for number, text in enumerate(HOSTILE_TEXTS):
        (tmp_path / str(number)).mkdir()
        policy = Policy(Workspace.open(hostile_pack(tmp_path / str(number), text)).compiled())
        records = [{"region": region, **seller} for seller in SELLERS for region in policy.regions]
        assert_agree(policy, records)


# ---- tspol eval --engine duckdb: the same bytes as --engine python


@pytest.mark.parametrize("options", [["--format", "json"], ["--format", "text", "--lang", "zh"],
                                     ["--format", "json", "--region", "UK"]])
def test_eval_with_duckdb_prints_what_python_prints(cli, tmp_path, options):
    file = tmp_path / "sellers.jsonl"
    file.write_text(eval_lines(), encoding="utf-8")
    python = cli("eval", *options, "--engine", "python", file)
    duck = cli("eval", *options, "--engine", "duckdb", file)
    assert (duck.exit_code, duck.stdout, duck.stderr) == (python.exit_code, python.stdout, python.stderr)
    assert python.exit_code == 1 and python.stdout.count("\n") >= 90


def test_eval_with_duckdb_decides_a_document_as_python_does(cli, tmp_path):
    file = tmp_path / "seller.json"
    file.write_text('{\n  "orders_7d": 40,\n  "late_orders": 12\n}\n', encoding="utf-8")
    python = cli("eval", "--region", "US", "--format", "json", file)
    duck = cli("eval", "--region", "US", "--format", "json", "--engine", "duckdb", file)
    assert (duck.exit_code, duck.stdout) == (python.exit_code, python.stdout) == (0, python.stdout)


# ---- what a cold review of the SQL found


def test_odd_values_and_regions_get_the_python_engines_answer(policy):
    assert_agree(policy, ODD_ROWS)


def test_an_ordinary_limit_percentage_runs_in_sql(tmp_path):
    pack = tmp_path / "p.pol"
    pack.write_text(LIMIT_PACK, encoding="utf-8")
    assert_agree(tspol.load(pack), LIMIT_RECORDS)


def test_each_kind_of_value_against_constants_with_and_without_places(tmp_path):
    pack = tmp_path / "p.pol"
    pack.write_text(TYPES_PACK, encoding="utf-8")
    assert_agree(tspol.load(pack), TYPES_RECORDS)


def test_eval_with_duckdb_answers_a_line_with_a_list_for_region_in_place(cli, tmp_path):
    file = tmp_path / "sellers.jsonl"
    file.write_text('{"region": "US", "orders_7d": 40}\n{"region": ["US"]}\n{"region": 5}\n', encoding="utf-8")
    python = cli("eval", "--format", "json", file)
    duck = cli("eval", "--format", "json", "--engine", "duckdb", file)
    assert (duck.exit_code, duck.stdout) == (python.exit_code, python.stdout) and python.stdout.count("\n") == 3


# ---- integer columns are read as they are: the same answers as from their text

WHOLE_TYPES = ("TINYINT", "INTEGER", "BIGINT", "HUGEINT", "UBIGINT")


@pytest.mark.parametrize("sql_type", WHOLE_TYPES)
def test_integer_columns_decide_as_their_text_does(policy, sql_type):
    """Every boundary seller, and bad whole numbers (negative, 10^18 and up, a part
    above its total) from typed columns: what the Python engine says, row by row."""
    import duckdb

    counts = [spec.name for spec in policy.program.inputs if spec.kind == "count"]
    records = [r for r in boundary_records(policy.program)
               if all(type(r.get(name)) is int for name in counts if name in r)]
    bad = [{"region": "US", "orders_7d": 40, "late_orders": 41}, {"region": "UK", "orders_7d": 10**18},
           {"region": "SEA", "orders_7d": -1, "late_orders": 0}, {"region": "US", "orders_30d": 10**18 - 1}]
    low, high = {"TINYINT": (-2**7, 2**7 - 1), "INTEGER": (-2**31, 2**31 - 1), "BIGINT": (-2**63, 2**63 - 1),
                 "HUGEINT": (-2**127, 2**127 - 1), "UBIGINT": (0, 2**64 - 1)}[sql_type]
    records = [r for r in records + bad if all(low <= r.get(name, 0) <= high for name in counts)]
    connection = duckdb.connect()
    names = sorted({name for r in records for name in r if name in counts})
    others = sorted({name for r in records for name in r} - {*names, "seller_id", "region"})
    columns = ", ".join([*(f'unnest(?::{sql_type}[]) AS "{name}"' for name in names),
                         *(f'unnest(?::VARCHAR[]) AS "{name}"' for name in others)])
    relation = connection.sql(f"SELECT unnest(?::VARCHAR[]) AS seller_id, unnest(?::VARCHAR[]) AS region, {columns}",
                              params=[[r.get("seller_id") for r in records], [r["region"] for r in records],
                                      *([r.get(name) for r in records] for name in names),
                                      *([tables.text(r.get(name)) for r in records] for name in others)])
    assert [str(kind) for kind in relation.types[2:2 + len(names)]] == [sql_type] * len(names)
    decided = tspol_duckdb.evaluate(policy, relation, connection=connection)
    header = decided.columns
    got = tables.record_decisions(policy, records, (dict(zip(header, row)) for row in decided.fetchall()))
    assert len(records) > 200 and disagreements(policy, records, got) == []


def test_only_integer_columns_skip_the_text(policy):
    whole = sqlgen.generate(policy.program, "duckdb", whole_columns=frozenset({"orders_7d"}))
    text = sqlgen.generate(policy.program, "duckdb")
    assert 'CAST("orders_7d" AS TEXT) AS "t_orders_7d"' in text
    assert '"orders_7d" AS "t_orders_7d"' in whole and 'CAST("orders_7d" AS TEXT) AS "t_orders_7d"' not in whole
    assert 'REGEXP_MATCHES("t_orders_7d"' not in whole and 'REGEXP_MATCHES("t_late_orders"' in whole


def test_one_generation_serves_every_table(policy, tmp_path):
    """The query is generated once for a pack and named for each table after; a pack
    whose own text holds the placeholder word still gets the table it names."""
    for table in ("metrics", "tspol_metrics_7f00ab", "My Table", "Metrics"):
        for dialect in ("duckdb", "spark"):
            assert tables.query(policy, dialect, table, "en", None, None) == sqlgen.generate(
                policy.program, dialect, table=table)
    from tspol.api import Policy
    from tspol.workspace import Workspace

    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "p.pol").write_text('policy p { version "1" effective 2024-01-01 }\nregion US\n'
                                'input orders: count\ninput late: count { part of orders }\n'
                                'metric LDR = late / orders { higher is worse standard LDR < 4% '
                                'name en "FROM tspol_metrics_table" }\n'
                                'rule r in US {\n  on LDR\n  table {\n    when 4% <= LDR then points 1\n  }\n}\n',
                                encoding="utf-8")
    hostile = Policy(Workspace.open(pack).compiled())
    assert "FROM tspol_metrics_table" in sqlgen.generate(hostile.program, "duckdb", table="other")
    assert tables.query(hostile, "duckdb", "other", "en", None, None) == sqlgen.generate(
        hostile.program, "duckdb", table="other")


def test_the_queries_kept_are_the_latest_few(policy, monkeypatch):
    """A long-running service asking for many shapes keeps only the latest queries."""
    monkeypatch.setattr(tables, "_queries", {})
    monkeypatch.setattr(tables, "QUERIES_KEPT", 2)
    first = tables.query(policy, "duckdb", "metrics", "en", "US", None)
    tables.query(policy, "duckdb", "metrics", "en", "UK", None)
    tables.query(policy, "duckdb", "metrics", "en", "US", None)  # the US query is the newest again
    tables.query(policy, "duckdb", "metrics", "en", "SEA", None)
    assert [key[3] for key in tables._queries] == ["US", "SEA"]
    assert tables.query(policy, "duckdb", "metrics", "en", "US", None) == first
