"""The SQL backend on DuckDB decides as the interpreter does, to the byte.

The same sellers as the Python engines' differential test (every exact boundary of
every row, standard and `only if`, in every region, and hypothesis sellers around
them), as a table of metrics: decisions equal, `because` texts included, in English
and Chinese. Bad rows get the same error (code, key, message) as the Python engine,
each in its own row, none dropped. Fractions are left out: a SQL table holds whole
numbers, decimals and floats, not Python's Fraction.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings

pytest.importorskip("duckdb")
pytest.importorskip("sqlglot")

import tspol  # noqa: E402
import tspol.duckdb as tspol_duckdb  # noqa: E402
from test_differential import boundary_sellers, plan, sellers  # noqa: E402
from tspol.runtime import interpreter  # noqa: E402
from tspol.runtime.metrics import MetricsError  # noqa: E402


@pytest.fixture(scope="module")
def policy():
    return tspol.load()


def expected(program, record: dict, lang: str) -> dict:
    metrics = {k: v for k, v in record.items() if k not in ("seller_id", "region")}
    out = {} if record.get("seller_id") is None else {"seller_id": record["seller_id"]}
    try:
        return out | interpreter.evaluate(program, metrics, record["region"], lang)
    except MetricsError as exc:
        return out | {"error": {"code": exc.code, "key": exc.key, "message": exc.message}}


def assert_agree(policy, records: list[dict], lang: str = "en") -> None:
    got = tspol_duckdb.decisions(policy, records, lang=lang)
    assert len(got) == len(records)
    for record, decision in zip(records, got):
        assert decision == expected(policy.program, record, lang), record


def in_sql_range(seller: dict) -> bool:
    """No Fraction (a SQL table has none) and at most 18 decimal places (the SQL range)."""
    for value in seller.values():
        if isinstance(value, Fraction):
            return False
        if isinstance(value, (float, Decimal)) and Decimal(repr(value) if isinstance(value, float) else value) \
                .normalize().as_tuple().exponent < -18:
            return False
    return True


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_exact_boundary_in_every_region(policy, lang):
    program = policy.program
    caps = (None, 0, 9, 10, 123, Decimal("129.99"), 130.5, 0.1)
    records = []
    for i, seller in enumerate(boundary_sellers(program)):
        if caps[i % len(caps)] is not None:
            seller = {**seller, "avg_daily_orders_4w": caps[i % len(caps)]}
        for region in program.region_names:
            records.append({"seller_id": f"s{i}", "region": region, **seller})
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


BAD_ROWS = [  # each with the error the Python engine gives it, in its own row
    {"region": "US", "orders_7d": -1},
    {"region": "US", "orders_7d": 10, "late_orders": 2.5},
    {"region": "US", "orders_7d": 10, "late_orders": 11},
    {"region": "US", "orders_7d": 10**18},
    {"region": "US", "orders_7d": "12"},
    {"region": "us", "orders_7d": 10},
    {"region": "XX", "orders_7d": 10},
    {"region": "UK", "avg_daily_orders_4w": -0.5},
    {"region": "SEA", "avg_first_response_minutes": Decimal("-3")},
    {"region": "US", "orders_7d": 40, "late_orders": 12, "avg_daily_orders_4w": Decimal("12.000000000000000001")},
    {"region": "US", "orders_7d": Decimal("4E+1"), "late_orders": 12},
]
BAD_VALUES = [{"region": "US", "orders_7d": value} for value in
              (True, False, "", "x" * 30, [1], {"a": 1}, float("nan"), float("inf"), -float("inf"), -0.5)]


def test_bad_rows_get_the_python_engines_errors_in_place(policy):
    records = [{"seller_id": n, **r} for n, r in enumerate(BAD_ROWS + BAD_VALUES)] + [{"region": "US", "orders_7d": 40}]
    got = tspol_duckdb.decisions(policy, records)
    assert sum("error" in d for d in got) >= len(BAD_ROWS) + len(BAD_VALUES) - 2  # two of them are fine
    for record, decision in zip(records, got):
        assert decision == expected(policy.program, record, "en"), record


def test_a_value_past_the_sql_range_is_that_rows_error_not_a_wrong_answer(policy):
    (decision,) = tspol_duckdb.decisions(policy, [{"region": "US", "orders_7d": 40,
                                                   "avg_daily_orders_4w": Decimal("1." + "1" * 19)}])
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

from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode  # noqa: E402

from tspol.compiler import sqlgen  # noqa: E402


class SqlSnapshot(SingleFileSnapshotExtension):
    """The DuckDB query of the bundled pack as a .sql file, so a policy edit reviews as a diff."""

    _write_mode = WriteMode.TEXT
    file_extension = "sql"


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


def eval_lines() -> str:
    import json

    from conftest import PACK

    lines = []
    for file in sorted((PACK / "examples").glob("*.jsonl")):
        for text in file.read_text(encoding="utf-8").splitlines():
            example = json.loads(text)
            lines.append(json.dumps({"seller_id": example["name"], "region": example["region"], **example["metrics"]},
                                    ensure_ascii=False))
    lines += ['{"orders_7d": -1}', '{"region": "us"}', "not json", '{"orders_7d": 40, "late_ordrs": 1}',
              '{"orders_7d": 40, "late_orders": 2.5, "region": "UK", "seller_id": 7}', '[1]',
              '{"seller_id": {"a": 1}}', '{"metrics": {"orders_7d": 40, "late_orders": 20}, "region": "SEA"}']
    return "\n".join(lines) + "\n"


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
    records = [{"region": "US", "orders_7d": 40, "late_orders": 12, "avg_daily_orders_4w": Decimal(text)}
               for text in ("0E-40", "0E-19", "-0.0", "0")]
    records += [{"region": "US", "orders_7d": value} for value in
                ('a"b', "a\nb", "ab\\cdefghijklmnopqrstuvwxyz", Decimal("sNaN"), Decimal("-NaN"), Decimal("-sNaN"))]
    records += [{"region": region, "orders_7d": 40} for region in (5, True, ["US"], {"a": 1})]
    records.append({"region": "US", "orders_7d": 40})  # and the good row beside them is still decided
    assert_agree(policy, records)


def test_an_ordinary_limit_percentage_runs_in_sql(tmp_path):
    pack = tmp_path / "p.pol"
    pack.write_text("""policy p { version "1" effective 2024-01-01 }
region US
input orders: count
input late: count { part of orders }
input base: number
metric R = late / orders
basis avg = base { round up }
rule r in US {
  on R
  table {
    when 10% <= R < 50% then limit 7d at 33.3% avg
    when 50% <= R then limit 7d at 1.01% avg
  }
}
""", encoding="utf-8")
    policy = tspol.load(pack)
    records = [{"region": "US", "orders": 10, "late": late, "base": base}
               for late in (1, 6) for base in (0, 1, 3, Decimal("299.99"), 10**17 + 1, Decimal("0.000000000000000001"))]
    assert_agree(policy, records)


def test_eval_with_duckdb_answers_a_line_with_a_list_for_region_in_place(cli, tmp_path):
    file = tmp_path / "sellers.jsonl"
    file.write_text('{"region": "US", "orders_7d": 40}\n{"region": ["US"]}\n{"region": 5}\n', encoding="utf-8")
    python = cli("eval", "--format", "json", file)
    duck = cli("eval", "--format", "json", "--engine", "duckdb", file)
    assert (duck.exit_code, duck.stdout) == (python.exit_code, python.stdout) and python.stdout.count("\n") == 3
