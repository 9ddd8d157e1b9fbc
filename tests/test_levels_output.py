"""Levels (issue 11) in every output shape, on every engine: `--fields levels` and
`--fields levels.SET`, `--shape lean`, CSV (a column `levels.SET` per set) and Parquet
(a struct column `levels`, a text field per set, in declaration order).

The differential tests decide the example pack's sellers (`examples/levels/sellers.jsonl`)
and random ones (seeded: counts around every bound, some not given, some refused) with
`--engine python` and `--engine duckdb` (and, marked `spark`, `--engine spark`), in JSON
Lines, with fields kept, to CSV and to Parquet, and require the same bytes; the
query's own rows are held against the interpreter's decision cut to the fields (on
random packs with levels too). Then the usage errors of a field that is not one.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings

pytest.importorskip("duckdb")
pytest.importorskip("sqlglot")

import duckdb  # noqa: E402

import tspol  # noqa: E402
import tspol.duckdb as tspol_duckdb  # noqa: E402
from eval_engines import boundary_sellers  # noqa: E402
from packgen import packs  # noqa: E402
from random_packs import Unchecked, program_of, seller_records  # noqa: E402
from test_sql_fields import kept  # noqa: E402
from tspol.compiler import sqlgen  # noqa: E402
from tspol.runtime.shapes import keep, lean_enough, parse_fields, shape_fields  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "levels"
WITHOUT_LEVELS = ROOT / "examples" / "boolean"
SETS = ("health",)
INPUTS = ["orders_60d", "defective_orders", "shipped_30d", "late_shipments"]
# Each is written by every engine alike, to standard output, CSV and Parquet.
FIELDS = ["levels", "levels.health", "seller_id,levels.health", "points,levels,violations.row", "region,warning"]


@pytest.fixture(scope="module")
def example():
    return tspol.load(EXAMPLE)


def random_sellers(count: int = 60, seed: int = 11) -> list[dict]:
    """Sellers of the example pack around its bounds (1%, 2%, 4%, 8%), an input left out
    now and then, and a few the pack refuses (a part above its total, a negative count)."""
    draw = random.Random(seed)
    sellers = []
    for n in range(count):
        orders, shipped = draw.choice((0, 25, 100, 200, 1000)), draw.choice((0, 25, 100, 250))
        seller = {"seller_id": f"r{n}", "region": "US", "orders_60d": orders,
                  "defective_orders": min(orders, draw.choice((0, 1, 2, 3, 4, 8, 9, 10, 40))),
                  "shipped_30d": shipped, "late_shipments": min(shipped, draw.choice((0, 1, 4, 5, 8, 9, 20)))}
        for name in draw.sample(INPUTS, draw.choice((0, 0, 0, 1, 2))):
            del seller[name]
        sellers.append(seller)
    sellers += [{"seller_id": "bad0", "region": "US", "orders_60d": 10, "defective_orders": 11},
                {"seller_id": "bad1", "region": "US", "shipped_30d": -1}]
    return sellers


@pytest.fixture(scope="module")
def sellers_files(tmp_path_factory):
    """The example's sellers, and random ones, as JSON Lines."""
    folder = tmp_path_factory.mktemp("levels")
    mine = folder / "random.jsonl"
    mine.write_text("".join(json.dumps(seller) + "\n" for seller in random_sellers()), encoding="utf-8")
    return [EXAMPLE / "sellers.jsonl", mine]


def parquet_cells(path: Path) -> tuple[list[str], list[str], list[tuple]]:
    relation = duckdb.read_parquet(str(path))
    return relation.columns, [str(kind) for kind in relation.types], relation.fetchall()


def written(cli, engine: str, file: Path, options: tuple, out: Path | None) -> tuple[int, bytes]:
    """The exit code and the bytes `tspol eval --engine ENGINE` writes (to `out`, or stdout)."""
    args = ["eval", "--engine", engine, "--policy", EXAMPLE, "--region", "US", *options, file]
    result = cli(*args, *(("-o", out) if out else ()))
    return result.exit_code, out.read_bytes() if out else result.stdout_bytes


def assert_engines_write_alike(cli, engines, files, tmp_path):
    """Every engine writes the bytes of `--engine python` for each file, fields and format."""
    for file in files:
        for text in (None, *FIELDS, "lean"):
            options = () if text is None else ("--shape", "lean") if text == "lean" else ("--fields", text)
            for suffix in (None, ".csv", ".parquet"):
                outs = [None if suffix is None else tmp_path / f"{engine}{suffix}" for engine in engines]
                got = [written(cli, engine, file, options, out) for engine, out in zip(engines, outs)]
                assert all(one == got[0] for one in got), (file.name, text, suffix)
                assert got[0][0] == (1 if file.name == "random.jsonl" else 0)


def test_the_engines_write_the_levels_alike_in_every_shape(cli, sellers_files, tmp_path):
    assert_engines_write_alike(cli, ("python", "duckdb"), sellers_files, tmp_path)


@pytest.mark.spark
def test_spark_writes_the_levels_as_python_does(spark, cli, sellers_files, tmp_path):
    assert_engines_write_alike(cli, ("python", "spark"), sellers_files, tmp_path)


def test_parquet_to_parquet_in_duckdb_alone_writes_the_levels_as_python(cli, sellers_files, tmp_path):
    """DuckDB writes that file itself: the same columns, types and cells (not its bytes:
    its own row groups), as `tests/test_eval_tables.py` holds the direct path."""
    table = tmp_path / "sellers.parquet"
    duckdb.sql(f"COPY (FROM read_json('{sellers_files[0]}')) TO '{table}' (FORMAT parquet)")
    for options in ((), ("--fields", "levels.health")):
        cells = []
        for engine in ("python", "duckdb"):
            assert written(cli, engine, table, options, tmp_path / f"{engine}.parquet")[0] == 0
            cells.append(parquet_cells(tmp_path / f"{engine}.parquet"))
        assert cells[0] == cells[1] and cells[0][0][-2:] == ["levels", "error"]


def test_csv_has_a_column_per_level_set_before_the_error(cli, sellers_files, tmp_path):
    out = tmp_path / "decisions.csv"
    assert written(cli, "python", sellers_files[1], ("--fields", "points,levels"), out)[0] == 1
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "seller_id,points,levels.health,error"
    assert lines[1].startswith("r0,") and lines[1].split(",")[2] in ("green", "yellow", "orange", "red")
    assert lines[-1].startswith("bad1,,,")  # an error record: no level
    assert written(cli, "python", sellers_files[0], (), out)[0] == 0
    assert out.read_text(encoding="utf-8").splitlines()[0].endswith(",discretionary,levels.health,error")


def test_parquet_has_a_levels_struct_of_the_sets_kept(cli, sellers_files, tmp_path):
    out = tmp_path / "decisions.parquet"
    written(cli, "python", sellers_files[0], (), out)
    columns, types, rows = parquet_cells(out)
    assert columns[-2:] == ["levels", "error"] and types[-2] == "STRUCT(health VARCHAR)"
    assert [row[-2] for row in rows] == [{"health": c} for c in ("green", "yellow", "orange", "red", "green")]
    written(cli, "python", sellers_files[0], ("--fields", "points"), out)
    assert parquet_cells(out)[0] == ["seller_id", "points", "error"]


def test_a_pack_without_levels_writes_no_levels_column(cli, tmp_path):
    sellers = tmp_path / "sellers.jsonl"
    sellers.write_text('{"seller_id": "a", "orders_30d": 100, "defective_orders": 9}\n', encoding="utf-8")
    for engine in ("python", "duckdb"):
        out = tmp_path / f"{engine}.csv"
        assert cli("eval", "--engine", engine, "--policy", WITHOUT_LEVELS, "--region", "US", sellers,
                   "-o", out).exit_code == 0
        assert "levels" not in out.read_text(encoding="utf-8")
        out = tmp_path / f"{engine}.parquet"
        cli("eval", "--engine", engine, "--policy", WITHOUT_LEVELS, "--region", "US", sellers, "-o", out)
        assert "levels" not in parquet_cells(out)[0]


# ---- the query and the shapes, below the command

def test_the_query_keeps_the_levels_the_fields_ask_for(example):
    records = [{"seller_id": str(n), "region": "US", **seller}
               for n, seller in enumerate(boundary_sellers(example.program))] + random_sellers()
    for text in (*FIELDS, "lean"):
        fields = shape_fields("lean", SETS) if text == "lean" else parse_fields(text, SETS)
        got = tspol_duckdb.decisions(example, records, fields=fields)
        wrong = [(r, g) for r, g in zip(records, got) if g != kept(example.program, r, fields)]
        assert wrong == [], text


def test_a_query_without_levels_in_its_fields_computes_none(example):
    assert "level_0" in sqlgen.generate(example.program, fields=parse_fields("levels", SETS))
    assert "level_0" not in sqlgen.generate(example.program, fields=parse_fields("points", SETS))


def test_the_levels_column_is_typed_as_output_types_says(example):
    relation = tspol_duckdb.evaluate(example, duckdb.sql("SELECT 'US' AS region, 200 AS orders_60d"))
    said = duckdb.sql(f'SELECT NULL::{sqlgen.output_types("duckdb", None, SETS)["levels"]}').types[0]
    assert str(relation.types[relation.columns.index("levels")]) == str(said) == "STRUCT(health VARCHAR)"
    assert list(sqlgen.output_types("duckdb", None, SETS))[-2:] == ["levels", "error"]
    assert "levels" not in sqlgen.output_types("duckdb", parse_fields("points", SETS))


def test_levels_fields_parse_in_the_decisions_order():
    assert parse_fields("levels.health,points", SETS) == (("points", None), ("levels", ("health",)))
    assert parse_fields("levels,levels.health", SETS) == (("levels", None),)
    assert parse_fields("levels.b,levels.a", ("a", "b")) == (("levels", ("a", "b")),)  # declaration order
    assert shape_fields("lean", SETS)[-1] == ("levels", None) and shape_fields("lean") == shape_fields("lean", ())


def test_keep_cuts_the_levels_to_the_sets_asked_for():
    decision = {"points": 1, "levels": {"a": "x", "b": "y"}}
    assert keep(decision, parse_fields("levels.b", ("a", "b"))) == {"levels": {"b": "y"}}
    assert keep(decision, parse_fields("levels", ("a", "b"))) == {"levels": {"a": "x", "b": "y"}}
    assert lean_enough(parse_fields("points,levels.b", ("a", "b")))  # the lean decision has its levels whole


def test_the_query_refuses_a_level_set_the_pack_does_not_declare(example):
    with pytest.raises(ValueError, match="no level set 'wealth' to keep; the pack's are health"):
        sqlgen.generate(example.program, fields=(("levels", ("wealth",)),))
    with pytest.raises(ValueError, match="the pack declares no levels"):
        sqlgen.generate(tspol.load(WITHOUT_LEVELS).program, fields=(("levels", None),))


@pytest.mark.parametrize("pack, text, message", [
    (EXAMPLE, "levels.helth", "no field `levels.helth` (did you mean `levels.health`?); those of levels are "
                              "levels.health"),
    (EXAMPLE, "level", "no field `level` (did you mean `levels`?); the fields are region, points, warning, "
                       "violations, findings, not_applicable, discretionary, levels"),
    (WITHOUT_LEVELS, "levels", "no field `levels`; the fields are region, points, warning, violations, "
                               "findings, not_applicable, discretionary\n"),
    (WITHOUT_LEVELS, "levels.health", "no field `levels`; the fields are region"),
])
def test_a_level_field_that_is_not_one_is_a_usage_error(cli, pack, text, message):
    result = cli("eval", "--policy", pack, "--fields", text, EXAMPLE / "sellers.jsonl")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert f"Invalid value for --fields: {message}" in result.output


def test_a_level_field_that_is_not_one_says_so_in_chinese(cli, monkeypatch):
    monkeypatch.setenv("TSPOL_LANG", "zh")
    result = cli("eval", "--policy", EXAMPLE, "--fields", "levels.x", EXAMPLE / "sellers.jsonl")
    assert result.exit_code == 2 and "没有字段 `levels.x`;levels 的字段有 levels.health" in result.output


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drawn=packs(levels=True))
def test_random_packs_keep_their_levels_in_duckdb_as_python_does(drawn):
    text, facts = drawn
    program = program_of(text)
    assume(program is not None)
    policy = Unchecked(program)
    records = seller_records(facts, every=7)
    for fields in (parse_fields("levels.g", ("g",)), parse_fields("points,levels", ("g",))):
        got = tspol_duckdb.decisions(policy, records, fields=fields)
        assert [g for r, g in zip(records, got) if g != kept(program, r, fields)] == [], text


def test_level_sets_named_alike_but_for_case_are_refused_by_the_sql_not_crashed(cli, tmp_path):
    """`levels Health` and `levels health` are two sets to tspol, one field to a SQL struct:
    the SQL engines say so and name the sets; the python engine decides the pack."""
    text = (EXAMPLE / "policy.pol").read_text(encoding="utf-8")
    start = text.index("levels health {")
    block = text[start:text.index("\n}\n", start) + 3]
    pack = tmp_path / "p.pol"
    pack.write_text(text.replace(block, block.replace("levels health", "levels Health") + "\n" + block),
                    encoding="utf-8")
    assert cli("check", pack).exit_code == 0
    result = cli("eval", "--engine", "duckdb", "--policy", pack, EXAMPLE / "sellers.jsonl")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "the level sets `Health` and `health` differ only in case" in result.output
    assert cli("eval", "--policy", pack, EXAMPLE / "sellers.jsonl").exit_code == 0
