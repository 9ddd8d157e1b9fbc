"""Headroom and recovery in SQL: the same lists as the Python engine's, to the value.

`tspol.compiler.sqlgen` with `headroom=True` adds the columns `headroom` and `recovery`,
a closed form over the flip points of the meaning's atoms (`tspol.compiler.growth`);
`tspol.runtime.headroom` finds the same by deciding at each point in Python, and is
itself held to brute force (`tests/test_headroom.py`). Here the two are compared on
DuckDB: every boundary seller of every region, sellers near the edges of the numeric
range, each kind of value growing, and random packs; then the command line, which must
print the same bytes on every engine. Spark runs the same cases in `tests/test_sql_spark.py`.
"""

from __future__ import annotations

import os
import re

import pytest
from hypothesis import HealthCheck, assume, given, settings

pytest.importorskip("duckdb")
pytest.importorskip("sqlglot")

import tspol  # noqa: E402
import tspol.duckdb as tspol_duckdb  # noqa: E402
from packgen import Brute, packs  # noqa: E402
from random_packs import Unchecked, program_of  # noqa: E402
from sql_cases import (BAD_ROWS, HEADROOM_PACK, HEADROOM_RECORDS, HEADROOM_ROWS, KINDS_PACK,  # noqa: E402
                       SqlSnapshot, boundary_records, disagreements, headroom_lines, kinds_records)
from tspol.compiler import sqlgen  # noqa: E402


@pytest.fixture(scope="module")
def policy():
    return tspol.load()


def pack_of(tmp_path_factory, text: str):
    pack = tmp_path_factory.mktemp("pack") / "p.pol"
    pack.write_text(text, encoding="utf-8")
    return tspol.load(pack)


@pytest.fixture(scope="module")
def kinds(tmp_path_factory):
    return pack_of(tmp_path_factory, KINDS_PACK)


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    return pack_of(tmp_path_factory, HEADROOM_PACK)


def decided(policy, records, lang="en"):
    return tspol_duckdb.decisions(policy, records, lang=lang, headroom=True)


def test_every_boundary_seller_of_every_region(policy):
    records = boundary_records(policy.program)
    assert len(records) > 900
    got = decided(policy, records)
    assert disagreements(policy, records, got, headroom=True) == []
    answers = {(h["rule"], h["more"] is None) for d in got for h in d["headroom"]}
    assert len(answers) == 4 and sum(bool(d["recovery"]) for d in got) > 300  # some answers, some none


def test_sellers_at_the_edges_and_bad_rows(policy):
    records = HEADROOM_ROWS + [{"seller_id": f"bad{n}", **r} for n, r in enumerate(BAD_ROWS)]
    got = decided(policy, records, "zh")
    assert disagreements(policy, records, got, "zh", headroom=True) == []
    assert all("headroom" not in d for d in got if "error" in d)


def test_a_small_pack_of_limits_one_tighter_than_the_other(small):
    got = decided(small, HEADROOM_RECORDS)
    assert disagreements(small, HEADROOM_RECORDS, got, headroom=True) == []
    assert {h["then"]["rows"][-1]["row"] for d in got for h in d["headroom"] if h["then"]} == {1, 2}


def test_each_kind_of_value_growing(kinds):
    records = kinds_records()
    got = decided(kinds, records)
    assert disagreements(kinds, records, got, headroom=True) == []
    far = {h["more"] for d in got for h in d["headroom"] if h["more"]}
    assert max(far) > 10**18  # money below 0 grows past 10^18 units, exactly


@settings(max_examples=int(os.environ.get("TSPOL_BRUTE_EXAMPLES", 8)), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(drawn=packs())
def test_random_packs(drawn):
    """Part-of chains, rates with `only if`, `or`, `not`, `otherwise`, exclusive, `first` and `all`."""
    text, facts = drawn
    program = program_of(text)
    assume(program is not None)
    sellers = list(Brute(facts).sellers())[::16]
    records = [{"region": "X", **{k: v for k, v in seller.items() if v is not None}} for seller in sellers]
    policy = Unchecked(program)
    assert disagreements(policy, records, decided(policy, records), headroom=True) == [], text


# ---- the query: the same bytes each time, exact, policy text as data (without headroom it is
# the query reviewed as the snapshots of `test_sql_duckdb` and `test_sql_spark`, byte for byte)

@pytest.fixture(scope="module")
def queries(policy):
    return {dialect: policy.to_sql(dialect, headroom=True) for dialect in ("duckdb", "spark")}


@pytest.mark.parametrize("dialect", ["duckdb", "spark"])
def test_the_headroom_query_is_exact_and_the_same_bytes_each_time(policy, queries, dialect):
    query = queries[dialect]
    assert query == sqlgen.generate(policy.program, dialect, headroom=True)
    assert not re.search(r"DOUBLE|FLOAT|REAL|DECIMAL(?!\(\d+, \d+\))", query)
    assert re.search(r"AS [`\"]?headroom[`\"]?,.*AS [`\"]?recovery[`\"]?,\s+[`\"]?error[`\"]?\s+FROM", query[-5000:],
                     re.S)


def test_the_same_bytes_whatever_the_hash_seed():
    import subprocess
    import sys

    script = ("from tspol.workspace import Workspace; from tspol.compiler import sqlgen; "
              f"program = Workspace.of({{'p.pol': {KINDS_PACK!r}}}, {{'p.pol': 'p.pol'}}, '.').lowered(); "
              "print(sqlgen.generate(program, 'spark', headroom=True))")
    printed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                             env={**os.environ, "PYTHONHASHSEED": "1"}).stdout
    assert printed == sqlgen.generate(program_of(KINDS_PACK), "spark", headroom=True) + "\n"


def test_a_small_packs_headroom_query(small, snapshot):
    """A small pack's query with headroom, reviewed as a diff (the bundled pack's is 650 kB)."""
    assert sqlgen.generate(small.program, "duckdb", headroom=True) == snapshot(extension_class=SqlSnapshot)


def test_hostile_policy_text_stays_data(tmp_path):
    from test_codegen_safety import HOSTILE_TEXTS, SELLERS, hostile_pack

    from tspol.api import Policy
    from tspol.workspace import Workspace

    for number, text in enumerate(HOSTILE_TEXTS[::3]):
        (tmp_path / str(number)).mkdir()
        policy = Policy(Workspace.open(hostile_pack(tmp_path / str(number), text)).compiled())
        records = [{"region": region, **seller} for seller in SELLERS for region in policy.regions]
        assert disagreements(policy, records, decided(policy, records), headroom=True) == []


def test_a_relation_in_a_relation_out(policy):
    import duckdb

    connection = duckdb.connect()
    relation = connection.sql("SELECT 'US' AS region, 40 AS orders_7d, i AS late_orders FROM range(0, 41) t(i)")
    decided = tspol_duckdb.evaluate(policy, relation, connection=connection, headroom=True)
    assert decided.columns[-3:] == ["headroom", "recovery", "error"]
    rows = [dict(zip(decided.columns, row)) for row in decided.fetchall()]
    assert [row["headroom"][0]["more"] for row in rows] == [
        policy.evaluate_dict({"orders_7d": 40, "late_orders": i}, "US", headroom=True)["headroom"][0]["more"]
        for i in range(41)]


# ---- the command line

@pytest.fixture
def sellers_file(tmp_path):
    path = tmp_path / "sellers.jsonl"
    path.write_text(headroom_lines(), encoding="utf-8")
    return path


@pytest.mark.parametrize("options", [["--format", "json"], ["--format", "text"], ["--format", "text", "--lang", "zh"]])
def test_eval_headroom_prints_what_python_prints(cli, sellers_file, options):
    python = cli("eval", "--region", "US", "--headroom", *options, sellers_file)
    assert python.exit_code == 1
    assert python.stdout.count('"recovery"' if "json" in options else "\n") > 20
    duck = cli("eval", "--region", "US", "--headroom", *options, "--engine", "duckdb", sellers_file)
    assert (duck.exit_code, duck.stdout, duck.stderr) == (python.exit_code, python.stdout, python.stderr)


def test_what_if_is_still_pythons_alone(cli, sellers_file):
    result = cli("eval", "--what-if", "late_orders=+1", "--engine", "duckdb", sellers_file)
    assert result.exit_code == 2 and "--what-if is decided by --engine python" in result.output


def test_compile_headroom_writes_the_query_with_its_columns(cli, tmp_path, queries):
    from conftest import PACK

    assert cli("compile", "--target", "duckdb", "--headroom", "-o", tmp_path, PACK).exit_code == 0
    assert (tmp_path / "tiktok_shop_crossborder.duckdb.sql").read_text(encoding="utf-8") == queries["duckdb"]
    refused = cli("compile", "--target", "python", "--headroom", "-o", tmp_path / "py", PACK)
    assert refused.exit_code == 2 and "--headroom is for a SQL target" in refused.output
