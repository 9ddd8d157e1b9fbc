"""Params (`param NAME: TYPE { when ... then V  in R then V  otherwise V }`): one meaning, every engine.

A comparison with a param lowers, in each region of its rule, to the boxes of the
param's cases there (`tspol.dsl.params`). So the interpreter, the compiled module
and the DuckDB query decide alike, to the byte, on

- the example pack `examples/volume`: every seller of a grid around each volume
  boundary, in every region;
- random packs of `tests/packgen.py` with a param `P` compared with `R`: every
  seller of small counts, which also must fire the rows brute force fires.

And: the checker's diagnostics of params, the analysis of a table whose rows
compare with a param (each group of regions with its own rows, witnesses confirmed
by the interpreter), and the diff of a changed param value.
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
from random_packs import assert_decides_alike, problems_of, program_of
from test_differential import assert_agree
from tspol.compiler import irjson
from tspol.diagnostics import TspolError
from tspol.messages import text
from tspol.runtime import interpreter
from tspol.workspace import Workspace

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "volume"
REGIONS = ("US", "UK", "DE")


@pytest.fixture(scope="module")
def example():
    import tspol

    return tspol.load(EXAMPLE)


def example_sellers():
    """Every combination of values around the example pack's volume and rate boundaries."""
    for orders_30d, defective, orders_7d, late in itertools.product(
            (None, 0, 1, 50, 75, 76, 100, 200), (None, 0, 3, 4, 5, 11, 12, 15, 30),
            (None, 0, 1, 100, 499, 500, 501, 600), (None, 0, 2, 3, 4, 9, 10, 12, 24, 25, 50)):
        seller = {"orders_30d": orders_30d, "defective_orders": defective, "orders_7d": orders_7d,
                  "late_orders": late}
        if defective is not None and orders_30d is not None and defective > orders_30d:
            continue
        if late is not None and orders_7d is not None and late > orders_7d:
            continue
        yield {name: value for name, value in seller.items() if value is not None}


def fired(program, seller, region: str) -> list[tuple[str, int]]:
    return [(v["rule"], v["row"]) for v in interpreter.evaluate(program, seller, region)["violations"]]


# ---- the example pack -------------------------------------------------------------------

def test_the_example_pack_decides_alike_in_python_and_in_the_module(example):
    module = compiled_module(example.program)
    sellers = list(example_sellers())
    assert len(sellers) > 3000
    for i, seller in enumerate(sellers):
        if i % 2 == 0:
            assert_agree(example.program, module, seller, REGIONS[i % 3], "zh" if i % 4 == 0 else "en")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_example_pack_decides_alike_in_duckdb(example, lang):
    pytest.importorskip("duckdb")
    pytest.importorskip("sqlglot")
    import tspol.duckdb as tspol_duckdb
    from sql_cases import disagreements

    records = [{"seller_id": f"s{i}", "region": REGIONS[i % 3], **s} for i, s in enumerate(example_sellers())]
    assert disagreements(example, records, tspol_duckdb.decisions(example, records, lang=lang), lang) == []


def test_the_limit_is_the_first_case_that_holds(example):
    program = example.program
    for region in REGIONS:  # ODR_limit: 5% above 75 orders, else 6%, in every region
        assert fired(program, {"orders_30d": 76, "defective_orders": 4}, region) == [("order_defects", 1)]
        assert fired(program, {"orders_30d": 75, "defective_orders": 4}, region) == []
        assert fired(program, {"orders_30d": 75, "defective_orders": 5}, region) == [("order_defects", 1)]
    # late_limit: 4% in US, 3% in UK, in DE 2% from 500 orders, else 5%
    late = {region: [late for late in range(0, 30) if fired(program, {"orders_7d": 100, "late_orders": late},
                                                             region) == [("late_dispatch", 1)]]
            for region in REGIONS}
    assert late == {"US": list(range(4, 10)), "UK": list(range(3, 10)), "DE": list(range(5, 10))}
    assert fired(program, {"orders_7d": 500, "late_orders": 10}, "DE") == [("late_dispatch", 1)]
    assert fired(program, {"orders_7d": 499, "late_orders": 10}, "DE") == []


def test_a_param_lowers_to_the_boxes_of_its_cases(example):
    rows = {region.name: region.rules[1].tables[0].rows[0] for region in example.program.regions}
    assert len(rows["US"].boxes) == len(rows["UK"].boxes) == 1
    assert [[name for name, _ in box] for box in rows["DE"].boxes] == [["LDR", "orders_7d"], ["LDR", "orders_7d"]]
    text = irjson.dumps(example.program)
    assert irjson.loads(text) == example.program and irjson.dumps(irjson.loads(text)) == text
    assert json.loads(text)["version"] == 2  # rows of several boxes, as with `or`: no new field


def test_because_names_the_case_that_gave_the_value(example):
    (violation,) = interpreter.evaluate(example.program, {"orders_7d": 500, "late_orders": 10}, "DE")["violations"]
    assert violation["because"].startswith(
        "Late dispatch rate (LDR) is 2% (10/500): at least 2% and below 10%; orders_7d is 500: at least 500. Rule")


def test_the_analysis_reports_each_group_of_regions_with_its_own_rows(example):
    from tspol.compiler.analysis import analyze_program

    analysis = analyze_program(example.program)
    assert analysis.problems == ()
    late = [t for t in analysis.tables if t.rule.name == "late_dispatch"]
    assert sorted(t.regions for t in late) == [("DE",), ("UK",), ("US",)]
    defects = [t for t in analysis.tables if t.rule.name == "order_defects"]
    assert [t.regions for t in defects] == [("US", "UK", "DE")]


# ---- random packs ---------------------------------------------------------------------

@settings(max_examples=int(os.environ.get("TSPOL_BRUTE_EXAMPLES", 15)), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(drawn=packs(params=True))
def test_random_packs_with_a_param_decide_alike_in_every_engine(drawn):
    """The interpreter, the module and the DuckDB query fire the rows brute force fires,
    for every small seller, and say the same bytes about them."""
    assert_decides_alike(drawn)


# ---- the checker --------------------------------------------------------------------------

PACK = """policy p { version "1" effective 2024-01-01 }
region US
region UK
input orders: count
input late: count { part of orders higher is worse }
metric R = late / orders { higher is worse }
PARAMS
rule r in US, UK {
  on R
  table {
    ROWS
  }
}
"""
LIMIT = "param limit: rate {\n  when orders > 75 then 5%\n  otherwise 6%\n}"


def pack(rows: str, params: str = LIMIT) -> str:
    return PACK.replace("PARAMS", params).replace("ROWS", rows)


@pytest.mark.parametrize("params, rows, expected", [
    (LIMIT, "when R >= limit then points 1", []),
    ("param limit: rate { in US then 4% }", "when R >= limit then points 1", [("E260", 11)]),
    (LIMIT, "when limit >= 5% then points 1", [("E261", 14)]),
    (LIMIT + "\nparam other: rate { otherwise 3% }", "when limit >= other then points 1", [("E261", 15)]),
    (LIMIT, "when 1% < R < limit then points 1", [("E261", 14)]),
    ("param limit: count { otherwise 4 }", "when R >= limit then points 1", [("E360", 11)]),
    ("param limit: money in USD { otherwise 4 USD }", "when R >= limit then points 1", [("E360", 11)]),
    ("param limit: rate { otherwise 4 }", "when R >= limit then points 1", [("E301", 7)]),
    ("param limit: rate { otherwise 140% }", "when R >= limit then points 1", [("E401", 7)]),
    ("param limit: rate {\n  when orders > 75 then 4%\n  when orders > 100 then 3%\n  otherwise 5%\n}",
     "when R >= limit then points 1", [("E460", 9)]),
    ("param limit: rate {\n  in US, UK then 4%\n  otherwise 5%\n}", "when R >= limit then points 1", [("E460", 9)]),
    ("param limit: rate {\n  in US then 4%\n  in US then 5%\n}", "when R >= limit then points 1", [("E201", 9)]),
    ("param limit: rate { in SEA then 4% }", "when R >= limit then points 1", [("E200", 7)]),
    ("param limit: rate { when orders > 75 then 4% }", "when R >= limit then points 1", [("W260", 7)]),
    ("param limit: rate { when limit > 75% then 4% }", "when R >= limit then points 1", [("E261", 7)]),
    ("param orders: rate { otherwise 4% }", "when R >= 5% then points 1", [("E201", 7)]),
    (LIMIT, "when R >= limt then points 1", [("E200", 14)]),
    (LIMIT, "when R >= limit and orders < 10 and orders > 80 then points 1", [("E400", 14)]),
])
def test_the_checker_says_what_is_wrong_with_a_param(params, rows, expected):
    assert problems_of(pack(rows, params)) == expected


def test_a_param_gap_names_every_region_it_leaves_sellers_without_a_value_in():
    def gaps(params):
        checked = Workspace.of({"p.pol": pack("when R >= limit then points 1", params)}, {"p.pol": "p.pol"}, ".").pack()
        return [text(d.message) for d in checked.warnings]

    assert gaps("param limit: rate { when orders > 75 then 4% }") == [
        "param `limit` has no value in UK and US for sellers with orders <= 75: no case holds for them, "
        "so no comparison with it does"]
    assert gaps("param limit: rate {\n  in US then 4%\n  when orders > 75 then 5%\n}") == [
        "param `limit` has no value in UK for sellers with orders <= 75: no case holds for them, "
        "so no comparison with it does"]
    assert gaps("param limit: rate {\n  when orders > 75 then 5%\n  in US then 4%\n  when orders < 10 then 3%\n}") == [
        "param `limit` has no value in UK for sellers with 10 <= orders <= 75: no case holds for them, "
        "so no comparison with it does"]


def test_a_standard_or_an_only_if_does_not_take_a_param():
    standard = pack("when R >= 10% then points 1").replace("{ higher is worse }", "{ standard R < limit }")
    assert problems_of(standard) == [("E261", 6)]
    only_if = pack("when R >= 10% then points 1").replace("{ higher is worse }", "{ only if late > limit }")
    assert problems_of(only_if) == [("E261", 6)]


def test_a_misspelt_param_gets_did_you_mean():
    with pytest.raises(TspolError) as raised:
        Workspace.of({"p.pol": pack("when R >= limt then points 1")}, {"p.pol": "p.pol"}, ".").pack()
    (diagnostic,) = raised.value.diagnostics
    assert diagnostic.message == "unknown param `limt`" and "did you mean `limit`?" in diagnostic.help


def test_the_formatter_writes_a_param_as_it_reads():
    from tspol.dsl.formatter import format_source

    text = "param limit: rate {\n  when orders > 75 or not (late < 3) then 5%\n  in UK, US then 3%\n  otherwise 6%\n}\n"
    assert format_source(text) == text
    assert format_source("param  x : count {in US then 4 otherwise 5}\n") == \
        "param x: count {\n  in US then 4\n  otherwise 5\n}\n"


# ---- the language's promises ------------------------------------------------------------

def test_a_comparison_with_a_param_holds_only_where_the_param_has_a_value():
    program = program_of(pack("when not (R >= limit) then points 1",
                              "param limit: rate { when orders > 75 then 5% }"))
    assert fired(program, {"orders": 100, "late": 1}, "US") == [("r", 1)]  # 1% < 5%
    assert fired(program, {"orders": 100, "late": 5}, "US") == []
    assert fired(program, {"orders": 50, "late": 1}, "US") == []  # no case holds: no value, `not` too


def test_a_region_case_gives_each_region_its_rows():
    program = program_of(pack("when R >= limit then points 1",
                              "param limit: rate {\n  in US then 4%\n  when orders > 75 then 3%\n  otherwise 6%\n}"))
    us = [late for late in range(20) if fired(program, {"orders": 100, "late": late}, "US")]
    uk = [late for late in range(20) if fired(program, {"orders": 100, "late": late}, "UK")]
    uk_small = [late for late in range(20) if fired(program, {"orders": 50, "late": late}, "UK")]
    assert (us[0], uk[0], uk_small[0]) == (4, 3, 3)  # 3 of 50 is 6%


ANALYSED = [  # (params, rows, code, regions): a problem of the analysis, in one group of regions
    ("param limit: rate { in US then 10%  in UK then 30% }",
     "when R >= limit and R < 50% then points 1\n    when R >= 5% and R < 20% then points 2", "E501", ("US",)),
    ("param limit: rate { in US then 30%  in UK then 20% }",
     "when R >= 50% then points 3\n    when R >= 10% and R < limit then points 1\n"
     "    when R >= 30% and R < 50% then points 2", "W501", ("UK",)),
    ("param limit: rate { when orders >= 100 then 30%  otherwise 20% }",
     "when R >= 50% then points 3\n    when R >= 10% and R < limit then points 1\n"
     "    when R >= 30% and R < 50% then points 2", "W501", ("US", "UK")),
]


@pytest.mark.parametrize("params, rows, code, regions", ANALYSED)
def test_the_analysis_finds_problems_of_rows_with_a_param_with_real_sellers(params, rows, code, regions):
    from tspol.compiler.analysis import analyze_program

    program = program_of(pack(rows, params))
    assert program is not None
    (problem,) = [p for p in analyze_program(program).problems if p.diagnostic.code == code]
    assert problem.rule.region in regions and problem.sellers
    if regions == ("US", "UK"):  # the gap is where the param is 20%: fewer than 100 orders
        assert all(seller["orders"] < 100 for seller in problem.sellers)
    fires_all = program_of(pack(rows, params).replace("  table {", "  table all {"))
    for seller in problem.sellers:
        for region in regions:
            if code == "E501":  # both rows match the seller: an `all` table fires both
                assert len(fired(fires_all, seller, region)) == 2, (seller, region)
            else:  # a gap: no row fires
                assert fired(program, seller, region) == [], (seller, region)


# ---- the semantic diff ------------------------------------------------------------------

EDITS = [  # (old text, new text) in examples/volume/policy.pol
    ("when orders_30d > 75 then 5%", "when orders_30d > 75 then 4.5%"),
    ("when orders_30d > 75 then 5%", "when orders_30d > 100 then 5%"),
    ("in UK then 3%", "in UK then 3.5%"),
    ("  in US then 4%\n", ""),
    ("when orders_7d >= 500 then 2%", "when orders_7d >= 400 then 2%"),
    ("when LDR >= late_limit and LDR < 10%", "when LDR > late_limit and LDR < 10%"),
]


@pytest.mark.parametrize("old, new", EDITS)
def test_the_diff_of_a_changed_param_finds_every_seller_it_changes(old, new, example):
    from test_semdiff import assert_an_edit_is_diffed

    sellers = ((seller, REGIONS[i % 3]) for i, seller in enumerate(example_sellers()))
    assert_an_edit_is_diffed(example.program, (EXAMPLE / "policy.pol").read_text(encoding="utf-8"), old, new,
                             sellers, ("order_defects", "late_dispatch"))


def test_hover_over_a_row_with_a_param_says_what_it_decides_in_each_region():
    from tspol.lsp.hover import about_row
    from tspol.lsp.snapshot import Snapshot

    text = (EXAMPLE / "policy.pol").read_text(encoding="utf-8")
    snapshot = Snapshot(Workspace.of({"policy.pol": text}, {"policy.pol": "policy.pol"}, "."))
    rule = next(r for r in snapshot.pack.rules if r.name.value == "late_dispatch")
    hover = about_row(snapshot, rule.tables[0].rows[0])
    assert "*US*: Sellers whose Late dispatch rate (LDR) is at least 4% and below 10%" in hover
    assert "*UK*: Sellers whose Late dispatch rate (LDR) is at least 3% and below 10%" in hover
    assert "orders\\_7d is at least 500" in hover
