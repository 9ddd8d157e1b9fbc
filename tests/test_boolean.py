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
from hypothesis import HealthCheck, given, settings

from eval_engines import compiled_module
from packgen import packs
from random_packs import assert_decides_alike, program_of
from test_differential import assert_agree
from tspol.compiler import irjson
from tspol.runtime import interpreter
from tspol.workspace import Workspace

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "boolean"


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


def test_the_example_pack_checks_clean_is_formatted_and_its_examples_pass(cli):
    for command in (("check", "--strict", EXAMPLE), ("fmt", "--check", EXAMPLE), ("test", EXAMPLE)):
        result = cli(*command)
        assert result.exit_code == 0, (command, result.output)
    assert "13 examples: 13 passed, 0 failed" in cli("test", EXAMPLE).output


def test_the_example_packs_module_reads_as_the_bundled_one_does(example):
    """Standard library only, no line over the width, the same bytes each time."""
    from tspol.compiler.lines import WIDTH
    from tspol.compiler.pygen import generate

    source = generate(example.program)
    assert [line for line in source.splitlines() if len(line) > WIDTH] == []
    assert generate(example.program) == source
    assert "# row 3 (policy.pol:82): otherwise warning" in source


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
    def because(seller, lang="en"):
        (violation,) = [v for v in interpreter.evaluate(example.program, seller, "US", lang)["violations"]]
        return violation["row"], violation["because"]

    # row 1 of late_dispatch: `4% <= LDR < 10% or (LDR >= 10% and late_orders < 5 and orders_7d < 50)`
    row, text = because({"orders_7d": 25, "late_orders": 2})
    assert row == 1 and text.startswith("Late dispatch rate (LDR) is 8% (2/25): at least 4% and below 10%. Rule")
    row, text = because({"orders_7d": 10, "late_orders": 1})
    assert row == 1 and "at least 10%; late_orders is 1: at most 4; orders_7d is 10: at most 49. Rule" in text
    # row 2: `not (late_orders < 5 and orders_7d < 50)` is `late_orders >= 5 or orders_7d >= 50`: the first holds
    row, text = because({"orders_7d": 60, "late_orders": 6})
    assert row == 2 and "late_orders is 6: at least 5" in text and "orders_7d is" not in text
    row, text = because({"orders_30d": 250, "defective_orders": 5}, "zh")
    assert row == 3 and "订单缺陷率(ODR) 为 2% (5/250),本表其他行均不适用。" in text


# ---- random packs ---------------------------------------------------------------------

@settings(max_examples=int(os.environ.get("TSPOL_BRUTE_EXAMPLES", 40)), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(drawn=packs())
def test_random_packs_decide_alike_in_every_engine(drawn):
    """The interpreter, the module and the DuckDB query fire the rows brute force fires,
    for every small seller, and say the same bytes about them."""
    assert_decides_alike(drawn)


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


# ---- the semantic diff ------------------------------------------------------------------

EDITS = [  # (old text, new text) in examples/boolean/policy.pol
    ("defective_orders <= 10) then points 4", "defective_orders <= 12) then points 4"),
    ("otherwise warning", "otherwise points 1"),
    ("    otherwise warning\n", ""),
    ("table first {", "table all {"),
    ("when ODR > 2% then points 2", "when ODR > 2% or defective_orders >= 8 then points 2"),
    ("and not (late_orders < 5 and orders_7d < 50)", "and not (late_orders < 5 or orders_7d < 50)"),
]


@pytest.mark.parametrize("old, new", EDITS)
def test_the_diff_of_an_edit_finds_every_seller_it_changes(old, new, tmp_path, example):
    from test_semdiff import assert_an_edit_is_diffed

    sellers = ((seller, "US") for seller in example_sellers())
    assert_an_edit_is_diffed(example.program, (EXAMPLE / "policy.pol").read_text(encoding="utf-8"), old, new,
                             sellers, ("order_defects", "late_dispatch"))


def test_a_row_rewritten_with_not_and_or_changes_no_decision(program):
    """The bundled pack's US/SEA late dispatch rows in another form: the diff finds no seller."""
    from conftest import PACK
    from tspol.compiler.semdiff import diff_programs

    texts = {path.name: path.read_text(encoding="utf-8") for path in PACK.glob("*.pol")}
    texts["fulfilment.pol"] = texts["fulfilment.pol"].replace(
        "    when 10% <= LDR < 25% and late_orders >= 5 then points 3\n",
        "    when not (LDR < 10% or LDR >= 25% or late_orders < 5) then points 3\n").replace(
        "    when 50% <= LDR and 5 <= late_orders < 30 then points 6",
        "    when 50% <= LDR and not (late_orders < 5 or late_orders >= 30) then points 6")
    assert texts["fulfilment.pol"].count("when not (") == 1 and texts["fulfilment.pol"].count("and not (") == 1
    rewritten = Workspace.of(texts, {name: name for name in texts}, ".").lowered()
    assert diff_programs(program, rewritten).changes == ()


def test_the_readme_table_is_valid_and_formatted():
    import re

    from conftest import ROOT
    from tspol.dsl.formatter import format_source

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"^### Conditions with `or` and `not`.*?^```\n(.*?)^```", readme, re.M | re.S).group(1)
    rule = "rule order_defects in US {\n  on ODR\n" + "".join(f"  {line}\n" for line in block.splitlines()) + "}\n"
    assert format_source(rule) == rule
    text = (EXAMPLE / "policy.pol").read_text(encoding="utf-8")
    start = text.index("rule order_defects in US {")
    pack = text[:start] + rule + "\n" + text[text.index("rule late_dispatch"):]
    assert program_of(pack) is not None
