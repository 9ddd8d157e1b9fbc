"""Levels (issue 11): an ordered set of outcomes, best first, with a default; one meaning, every engine.

A seller's level in a set is the worst level any row that fired for them gives,
else the set's default. The interpreter, the compiled module (`evaluate`,
`evaluate_json`, `decide`) and the DuckDB query decide it alike, on

- the example pack `examples/levels`: every seller of a grid around its bounds;
- random packs of `tests/packgen.py` with a level set `g`: every seller of small
  counts, whose level must be the one brute force gives.

And the promises around it: a pack without levels has no `levels` in its decisions
(so existing packs keep their bytes) and writes IR version 1 or 2 as before; one
with levels is IR version 3 and reads back the same program; `tspol fmt` keeps
the syntax; `tspol doc` and the language server say the level.
"""

from __future__ import annotations

import itertools
import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings

from eval_engines import compiled_module
from packgen import Brute, packs
from random_packs import Unchecked, program_of, seller_records
from test_differential import assert_agree
from tspol.compiler import irjson
from tspol.dsl.formatter import format_source
from tspol.runtime import interpreter

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "levels"


@pytest.fixture(scope="module")
def example():
    import tspol

    return tspol.load(EXAMPLE)


def grid():
    """Sellers around every bound of the example: 1%, 2%, 4%, 8% of small and round totals."""
    for defective, late in itertools.product((0, 1, 2, 3, 4, 5, 7, 8, 9, 10), (0, 3, 4, 5, 7, 8, 9, 12)):
        yield {"orders_60d": 200, "defective_orders": defective, "shipped_30d": 100, "late_shipments": late}
    yield {}
    yield {"orders_60d": 0, "defective_orders": 0}
    yield {"shipped_30d": 25, "late_shipments": 2}


def test_the_example_decides_alike_in_the_interpreter_and_the_module(example):
    program, module = example.program, compiled_module(example.program)
    for position, seller in enumerate(grid()):
        assert_agree(program, module, seller, "US", "zh" if position % 2 else "en")


def test_the_level_is_the_worst_any_row_gives_else_the_default(example):
    def level(**metrics):
        return example.evaluate_dict(metrics, "US")["levels"]["health"]

    assert level(orders_60d=200, defective_orders=1, shipped_30d=100, late_shipments=2) == "green"  # default
    assert level(orders_60d=200, defective_orders=3, shipped_30d=100, late_shipments=5) == "yellow"
    assert level(orders_60d=200, defective_orders=3, shipped_30d=100, late_shipments=9) == "orange"
    assert level(orders_60d=200, defective_orders=8, shipped_30d=100, late_shipments=5) == "red"
    assert level() == "green"  # nothing evaluated: no row places the seller


def test_the_decision_object_keeps_the_levels(example):
    decision = example.evaluate({"orders_60d": 200, "defective_orders": 8}, "US")
    assert decision.levels == {"health": "red"}
    assert decision.to_dict()["levels"] == {"health": "red"}


def test_a_pack_without_levels_has_none_in_its_decisions():
    import tspol

    policy = tspol.load(Path(__file__).resolve().parents[1] / "examples" / "boolean")
    assert "levels" not in policy.evaluate_dict({"orders_30d": 100, "defective_orders": 9}, "US")
    assert json.loads(irjson.dumps(policy.program))["version"] == 2


def test_the_ir_of_a_pack_with_levels_is_version_3_and_reads_back(example):
    text = irjson.dumps(example.program)
    assert json.loads(text)["version"] == 3
    assert irjson.loads(text) == example.program


def test_fmt_keeps_the_example_as_written():
    text = (EXAMPLE / "policy.pol").read_text(encoding="utf-8")
    assert format_source(text) == text


def test_the_text_report_says_the_level(cli, tmp_path):
    seller = tmp_path / "seller.json"
    seller.write_text(json.dumps({"orders_60d": 200, "defective_orders": 10}) + "\n", encoding="utf-8")
    result = cli("eval", "--policy", EXAMPLE, "--region", "US", seller)
    assert result.exit_code == 0
    assert "Levels:\n  - Account health: Red (red)" in result.stdout
    result = cli("eval", "--policy", EXAMPLE, "--region", "US", "--lang", "zh", seller)
    assert "等级:\n  - 账户健康:红色 (red)" in result.stdout


def test_the_duckdb_query_decides_the_grid_as_python_does(example):
    pytest.importorskip("duckdb")
    import tspol.duckdb as tspol_duckdb
    from sql_cases import disagreements

    records = [{"seller_id": str(k), "region": "US", **seller} for k, seller in enumerate(grid())]
    assert disagreements(example, records, tspol_duckdb.decisions(example, records)) == []


@settings(max_examples=int(os.environ.get("TSPOL_BRUTE_EXAMPLES", 15)), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(drawn=packs(levels=True))
def test_random_packs_give_the_level_brute_force_gives(drawn):
    """Every small seller's level, in the interpreter and the module, is the worst level
    of the rows brute force fires, else the default; both engines agree to the byte."""
    text, facts = drawn
    program = program_of(text)
    assume(program is not None)
    module, brute = compiled_module(program), Brute(facts)
    for position, seller in enumerate(brute.sellers()):
        given = {name: value for name, value in seller.items() if value is not None}
        assert interpreter.evaluate(program, given, "X")["levels"] == {"g": brute.level(seller)}, (text, seller)
        assert module.decide(given, "X")["levels"] == {"g": brute.level(seller)}, (text, seller)
        if position % 11 == 0:
            assert_agree(program, module, given, "X")


@settings(max_examples=int(os.environ.get("TSPOL_BRUTE_EXAMPLES", 3)), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(drawn=packs(levels=True))
def test_random_packs_with_levels_decide_alike_in_duckdb(drawn):
    pytest.importorskip("duckdb")
    import tspol.duckdb as tspol_duckdb
    from sql_cases import disagreements

    text, facts = drawn
    program = program_of(text)
    assume(program is not None)
    policy = Unchecked(program)
    records = seller_records(facts, every=5)
    assert disagreements(policy, records, tspol_duckdb.decisions(policy, records)) == [], text


def test_the_language_server_hover_says_the_level(example):
    from tspol.compiler.explain import outcome_text

    row = example.program.regions[0].rules[0].tables[0].rows[2]
    assert outcome_text(example.program, row, "en") == "2 points and the level Red (red) of Account health"
    assert outcome_text(example.program, row, "zh") == "2 个违规分,账户健康等级红色(red)"
