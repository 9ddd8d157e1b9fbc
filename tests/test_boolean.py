"""`or`, `not`, parentheses, `otherwise` and `first` tables: one meaning, every engine.

The interpreter, the compiled module and the DuckDB query decide alike, to the
byte (`because` texts in English and Chinese included), on

- the example pack `examples/boolean`: every seller of a grid around each bound
  of its rows, standards and `only if`;
- random packs of `tests/packgen.py` whose rows have `or`, `not` and `otherwise`:
  every seller of small counts, which also must fire the rows brute force fires.

And the language's own promises about the new syntax: `not` holds only where its
quantity has a value; a row written with `not` lowers to the same boxes as the
comparisons it stands for; `first` decides as `exclusive` does; the IR's JSON
reads back the same program.
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
from test_differential import assert_agree
from tspol.compiler import irjson
from tspol.diagnostics import TspolError
from tspol.runtime import interpreter
from tspol.workspace import Workspace

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "boolean"


def program_of(text: str):
    try:
        return Workspace.of({"p.pol": text}, {"p.pol": "p.pol"}, ".").lowered()
    except TspolError:
        return None


@pytest.fixture(scope="module")
def example():
    import tspol

    return tspol.load(EXAMPLE)


def example_sellers():
    """Every combination of values around the example pack's bounds (parts at most their totals)."""
    for orders_30d, defective, orders_7d, late in itertools.product(
            (None, 0, 1, 99, 100, 219, 220, 249, 250, 251, 500), (None, 0, 4, 5, 6, 10, 11, 12, 25),
            (None, 0, 10, 25, 49, 50, 51, 100), (None, 0, 1, 4, 5, 6, 10)):
        seller = {"orders_30d": orders_30d, "defective_orders": defective, "orders_7d": orders_7d,
                  "late_orders": late, "avg_daily_orders_30d": 33}
        if defective is not None and orders_30d is not None and defective > orders_30d:
            continue
        if late is not None and orders_7d is not None and late > orders_7d:
            continue
        yield {name: value for name, value in seller.items() if value is not None}


def test_the_example_pack_decides_alike_in_python_and_in_the_module(example):
    module = compiled_module(example.program)
    sellers = list(example_sellers())
    assert len(sellers) > 2000
    for i, seller in enumerate(sellers):
        assert_agree(example.program, module, seller, "US", "zh" if i % 3 == 0 else "en")


def test_the_example_pack_reaches_every_row(example):
    reached = {(v["rule"], v["row"]) for seller in example_sellers()
               for v in interpreter.evaluate(example.program, seller, "US")["violations"]}
    assert reached == {("order_defects", 1), ("order_defects", 2), ("order_defects", 3),
                       ("late_dispatch", 1), ("late_dispatch", 2)}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_example_pack_decides_alike_in_duckdb(example, lang):
    pytest.importorskip("duckdb")
    pytest.importorskip("sqlglot")
    import tspol.duckdb as tspol_duckdb
    from sql_cases import disagreements

    records = [{"seller_id": f"s{i}", "region": "US", **s} for i, s in enumerate(example_sellers())]
    assert disagreements(example, records, tspol_duckdb.decisions(example, records, lang=lang), lang) == []


def test_a_row_of_several_boxes_is_explained_by_the_first_that_holds(example):
    decision = interpreter.evaluate(example.program, {"orders_7d": 60, "late_orders": 6}, "US")
    (violation,) = decision["violations"]
    assert violation["row"] == 2
    # `not (late_orders < 5 and orders_7d < 50)` is `late_orders >= 5 or orders_7d >= 50`: the first holds
    assert "late_orders is 6: at least 5" in violation["because"] and "orders_7d" not in violation["because"]
    decision = interpreter.evaluate(example.program, {"orders_7d": 60, "late_orders": 6}, "US")
    (violation,) = interpreter.evaluate(example.program, {"orders_7d": 90, "late_orders": 9}, "US")["violations"]
    assert "late_orders is 9: at least 5" in violation["because"]
    (violation,) = interpreter.evaluate(example.program, {"orders_30d": 250, "defective_orders": 5},
                                        "US", "zh")["violations"]
    assert violation["row"] == 3 and "本表其他行均不适用" in violation["because"]


# ---- random packs ---------------------------------------------------------------------

class _Unchecked:
    """What the SQL engine reads of a policy, for a pack the analysis may find errors in
    (an overlap, a dead row: the engines must still agree on it)."""

    def __init__(self, program):
        self.program = program
        self.source_hash = program.source_hash
        self.regions = program.region_names


@settings(max_examples=int(os.environ.get("TSPOL_BRUTE_EXAMPLES", 40)), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(drawn=packs())
def test_random_packs_decide_alike_in_every_engine(drawn):
    """The interpreter, the module and the DuckDB query fire the rows brute force fires,
    for every small seller, and say the same bytes about them."""
    pytest.importorskip("duckdb")
    pytest.importorskip("sqlglot")
    import tspol.duckdb as tspol_duckdb
    from sql_cases import disagreements

    text, facts = drawn
    program = program_of(text)
    assume(program is not None)
    policy = _Unchecked(program)
    module, brute = compiled_module(program), Brute(facts)
    records = []
    for position, seller in enumerate(brute.sellers()):
        given = {name: value for name, value in seller.items() if value is not None}
        assert [v["row"] for v in interpreter.evaluate(program, given, "X")["violations"]] == brute.fired(seller), \
            (text, seller)
        if position % 7 == 0:
            assert_agree(program, module, given, "X", "zh" if position % 2 else "en")
        records.append({"seller_id": str(position), "region": "X", **given})
    records = records[::3]
    assert disagreements(policy, records, tspol_duckdb.decisions(policy, records)) == [], text


# ---- the language's promises ------------------------------------------------------------

PACK = """policy p { version "1" effective 2024-01-01 }
region X
input orders: count
input late: count { part of orders higher is worse }
input x: count
metric R = late / orders { higher is worse }
rule r in X {
  on R
  table TABLE {
    ROWS
  }
}
"""


def pack(rows: str, table: str = "") -> str:
    return PACK.replace("TABLE", table).replace("ROWS", rows)


def fired(program, seller) -> list[int]:
    return [v["row"] for v in interpreter.evaluate(program, seller, "X")["violations"]]


def test_not_holds_only_where_its_quantity_has_a_value():
    program = program_of(pack("when not (x >= 5) then points 1\n    otherwise points 2"))
    assert fired(program, {"orders": 10, "late": 1, "x": 3}) == [1]
    assert fired(program, {"orders": 10, "late": 1, "x": 7}) == [2]
    assert fired(program, {"orders": 10, "late": 1}) == [2]  # x not given: `not (x >= 5)` does not hold
    assert fired(program, {"x": 3}) == [1]  # R has no value: `otherwise` does not fire, row 1 does
    assert fired(program, {"x": 7}) == []


def test_a_row_with_not_lowers_to_the_comparisons_it_stands_for():
    negated = program_of(pack("when not (R < 10% or late < 5) then points 1"))
    written = program_of(pack("when R >= 10% and late >= 5 then points 1"))
    (a,), (b,) = (p.regions[0].rules[0].tables[0].rows for p in (negated, written))
    assert a.boxes == b.boxes and a.plain


def test_or_is_a_union_of_boxes_in_the_order_written():
    program = program_of(pack("when R >= 50% or (late >= 10 and R >= 20%) then points 1"))
    (row,) = program.regions[0].rules[0].tables[0].rows
    assert [[name for name, _ in box] for box in row.boxes] == [["R"], ["late", "R"]]
    assert not row.plain
    with pytest.raises(ValueError):
        row.box


def test_first_decides_as_exclusive_does_and_lets_rows_overlap():
    from tspol.compiler.analysis import analyze_program

    rows = "when R >= 50% then points 7\n    when R >= 25% then points 5\n    when R >= 10% then points 3"
    first, exclusive = program_of(pack(rows, "first")), program_of(pack(rows))
    assert analyze_program(first).problems == ()
    assert {p.diagnostic.code for p in analyze_program(exclusive).problems} == {"E501"}
    for late in range(0, 11):
        assert fired(first, {"orders": 10, "late": late}) == fired(exclusive, {"orders": 10, "late": late}) \
            == ([1] if late >= 5 else [2] if late >= 3 else [3] if late >= 1 else [])


def test_the_ir_json_of_a_pack_with_or_reads_back_the_same(example):
    text = irjson.dumps(example.program)
    assert json.loads(text)["version"] == 2
    assert irjson.loads(text) == example.program and irjson.dumps(irjson.loads(text)) == text
