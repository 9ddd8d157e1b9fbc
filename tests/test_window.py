"""Windows chosen by volume (`metric NAME: TYPE { when ... then METRIC  otherwise METRIC }`).

A comparison with a windowed metric lowers, in each region of its rule, to the boxes of
its cases there, as a comparison with a param does (`tspol.dsl.params`): "this case is
the first that holds, and the metric it names compares so". So the interpreter, the
compiled module and the DuckDB query decide alike, to the byte, on

- the example pack `examples/window`: every seller of a grid around each window and
  rate boundary, in every region;
- random packs of `tests/packgen.py` with the windowed metric `W` (R above a volume,
  else S): every seller of small counts, which also must fire the rows brute force fires.

And: the checker's diagnostics, the formatter's round trip, the analysis, the diff of a
changed window, `tspol doc` and hover.
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
from random_packs import Unchecked, assert_decides_alike, problems_of, program_of
from test_differential import assert_agree
from test_params import fired
from tspol.compiler import irjson
from tspol.runtime import interpreter
from tspol.workspace import Workspace

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "window"
REGIONS = ("US", "UK")


@pytest.fixture(scope="module")
def example():
    import tspol

    return tspol.load(EXAMPLE)


def example_sellers():
    """Every combination of values around the example pack's window and rate boundaries."""
    for t3, d3, t12, d12 in itertools.product(
            (None, 0, 1, 100, 399, 400, 401, 800), (None, 0, 3, 4, 7, 8, 16),
            (None, 0, 100, 1600), (None, 0, 1, 2, 15, 16, 31, 32, 40)):
        seller = {"transactions_3m": t3, "defects_3m": d3, "transactions_12m": t12, "defects_12m": d12}
        if d3 is not None and t3 is not None and d3 > t3:
            continue
        if d12 is not None and t12 is not None and d12 > t12:
            continue
        yield {name: value for name, value in seller.items() if value is not None}


# ---- the example pack -------------------------------------------------------------------

def test_the_example_pack_decides_alike_in_python_and_in_the_module(example):
    module = compiled_module(example.program)
    sellers = list(example_sellers())
    assert len(sellers) > 1000
    for i, seller in enumerate(sellers):
        assert_agree(example.program, module, seller, REGIONS[i % 2], "zh" if i % 4 == 0 else "en")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_example_pack_decides_alike_in_duckdb(example, lang):
    pytest.importorskip("duckdb")
    pytest.importorskip("sqlglot")
    import tspol.duckdb as tspol_duckdb
    from sql_cases import disagreements

    records = [{"seller_id": f"s{i}", "region": REGIONS[i % 2], **s} for i, s in enumerate(example_sellers())]
    assert disagreements(example, records, tspol_duckdb.decisions(example, records, lang=lang), lang) == []


def test_the_window_is_the_first_case_that_holds(example):
    program = example.program
    big = {"transactions_3m": 400, "defects_3m": 8, "transactions_12m": 1600, "defects_12m": 0}
    small = {**big, "transactions_3m": 399}
    assert fired(program, big, "US") == [("order_defects", 2)]  # 3 months: 2%
    assert fired(program, small, "US") == []  # 12 months: 0%
    assert fired(program, big, "UK") == []  # the UK judges 12 months
    assert fired(program, {**small, "defects_12m": 16}, "US") == [("order_defects", 1)]  # 1%
    # no value where the chosen window's metric has none, whatever the other says
    assert fired(program, {"transactions_3m": 400, "transactions_12m": 1600, "defects_12m": 40}, "US") == []
    assert fired(program, {"transactions_12m": 1600, "defects_12m": 40}, "US") == []


def test_a_windowed_metric_lowers_to_the_boxes_of_its_cases(example):
    rows = {region.name: region.rules[0].tables[0].rows[1] for region in example.program.regions}
    assert [[name for name, _ in box] for box in rows["UK"].boxes] == [["ODR_12m"]]
    assert [[name for name, _ in box] for box in rows["US"].boxes] == [["ODR_3m", "transactions_3m"],
                                                                        ["ODR_12m", "transactions_3m"]]
    assert {region.rules[0].metric for region in example.program.regions} == {None}
    assert [m.name for m in example.program.metrics] == ["ODR_3m", "ODR_12m"]
    text = irjson.dumps(example.program)
    assert irjson.loads(text) == example.program and irjson.dumps(irjson.loads(text)) == text
    assert json.loads(text)["version"] == 2  # rows of several boxes, as with `or`: no new field


def test_because_names_the_case_that_held_and_its_value(example):
    seller = {"transactions_3m": 399, "defects_3m": 0, "transactions_12m": 1600, "defects_12m": 40}
    (violation,) = interpreter.evaluate(example.program, seller, "US")["violations"]
    assert violation["because"].startswith(
        "Order defect rate over 12 months (ODR_12m) is 2.5% (40/1600): at least 2%; "
        "transactions_3m is 399: at most 399. Rule")


def test_the_analysis_finds_no_problem_and_confirms_its_witnesses(example):
    from tspol.compiler.analysis import analyze_program

    analysis = analyze_program(example.program)
    assert analysis.problems == ()
    assert sorted(t.regions for t in analysis.tables) == [("UK",), ("US",)]


# ---- random packs ---------------------------------------------------------------------

@settings(max_examples=int(os.environ.get("TSPOL_BRUTE_EXAMPLES", 15)), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(drawn=packs(window=True))
def test_random_packs_with_a_window_decide_alike_in_every_engine(drawn):
    """The interpreter, the module and the DuckDB query fire the rows brute force fires,
    for every small seller, and say the same bytes about them."""
    assert_decides_alike(drawn)


# ---- the checker --------------------------------------------------------------------------

PACK = """policy p { version "1" effective 2024-01-01 }
region US
region UK
input orders: count
input late: count { part of orders higher is worse }
input orders_12m: count
input late_12m: count { part of orders_12m higher is worse }
metric R = late / orders { higher is worse }
metric R12 = late_12m / orders_12m { higher is worse }
WINDOW
rule r in US, UK {
  on W
  table {
    ROWS
  }
}
"""
WINDOW = "metric W: rate {\n  when orders >= 400 then R\n  otherwise R12\n}"


def pack(rows: str, window: str = WINDOW) -> str:
    return PACK.replace("WINDOW", window).replace("ROWS", rows)


@pytest.mark.parametrize("window, rows, expected", [
    (WINDOW, "when W >= 1% then points 1", []),
    (WINDOW, "when W >= 1% and W < 2% then warning\n    otherwise points 1", []),
    (WINDOW, "when W >= R then points 1", [("E262", 17)]),
    (WINDOW + "\nparam limit: rate { otherwise 3% }", "when W >= limit then points 1", [("E262", 18)]),
    ("metric W: rate {\n  when orders >= 400 then R\n  otherwise late_12m\n}", "when W >= 1% then points 1",
     [("E324", 12)]),
    ("metric W: count {\n  when orders >= 400 then late\n  otherwise late_12m\n}", "when W >= 5 then points 1", []),
    ("metric W: count {\n  when orders >= 400 then late\n  otherwise late_12m\n}", "when W >= 1% then points 1",
     [("E301", 17)]),
    ("metric W: rate {\n  when orders >= 400 then R\n  when orders >= 500 then R\n  otherwise R12\n}",
     "when W >= 1% then points 1", [("E461", 12)]),
    ("metric W: rate {\n  in US, UK then R\n  otherwise R12\n}", "when W >= 1% then points 1", [("E461", 12)]),
    ("metric W: rate {\n  when orders >= 400 then R\n  otherwise W2\n}\nmetric W2: rate { otherwise R }",
     "when W >= 1% then points 1", [("E262", 12)]),
    ("metric W: rate { in US then R }", "when W >= 1% then points 1", [("E260", 14)]),
    ("metric W: rate { when orders >= 400 then R }", "when W >= 1% then points 1", [("W260", 10)]),
    ("metric W: rate { otherwise R13 }", "when W >= 1% then points 1", [("E200", 10)]),
    ("metric W: rate { in SEA then R }", "when W >= 1% then points 1", [("E200", 10)]),
    ("metric R: rate { otherwise R12 }", "when R >= 1% then points 1", [("E201", 10), ("E200", 12)]),
    ("metric W: rate { when W >= 1% then R  otherwise R12 }", "when W >= 1% then points 1", [("E262", 10)]),
    (WINDOW, "when W >= 1% and orders < 10 and orders > 80 then points 1", [("E400", 17)]),
    (WINDOW + "\nmetric X = W / orders", "when W >= 1% then points 1", [("E262", 14)]),
    (WINDOW + "\nmetric X = W + R", "when W >= 1% then points 1", [("E262", 14)]),
    (WINDOW + "\nbasis b = W { round down }", "when W >= 1% then points 1", [("E262", 14)]),
])
def test_the_checker_says_what_is_wrong_with_a_windowed_metric(window, rows, expected):
    assert problems_of(pack(rows, window)) == expected


def test_a_standard_or_an_only_if_does_not_take_a_windowed_metric():
    base = pack("when W >= 10% then points 1")
    standard = base.replace("metric R12 = late_12m / orders_12m { higher is worse }",
                            "metric R12 = late_12m / orders_12m { standard W < 2% }")
    assert problems_of(standard) == [("E262", 9)]
    only_if = base.replace("metric R12 = late_12m / orders_12m { higher is worse }",
                           "metric R12 = late_12m / orders_12m { only if W > 1% }")
    assert problems_of(only_if) == [("E262", 9)]


def test_the_formatter_writes_a_windowed_metric_as_it_reads():
    from tspol.dsl.formatter import format_source

    text = "metric ODR: rate {\n  in UK then ODR_12m\n  when transactions_3m >= 400 then ODR_3m\n  otherwise ODR_12m\n}\n"
    assert format_source(text) == text
    assert format_source("metric  W : rate {when x >= 4 then R otherwise S}\n") == \
        "metric W: rate {\n  when x >= 4 then R\n  otherwise S\n}\n"
    source = (EXAMPLE / "policy.pol").read_text(encoding="utf-8")
    assert format_source(source) == source


# ---- the diff, the document, hover --------------------------------------------------------

EDITS = [  # (old text, new text) in examples/window/policy.pol
    ("when transactions_3m >= 400 then ODR_3m", "when transactions_3m >= 500 then ODR_3m"),
    ("  in UK then ODR_12m\n", ""),
    ("otherwise ODR_12m", "otherwise ODR_3m"),
]


@pytest.mark.parametrize("old, new", EDITS)
def test_the_diff_of_a_changed_window_finds_every_seller_it_changes(old, new, example):
    from test_semdiff import assert_an_edit_is_diffed

    sellers = ((seller, REGIONS[i % 2]) for i, seller in enumerate(example_sellers()))
    assert_an_edit_is_diffed(example.program, (EXAMPLE / "policy.pol").read_text(encoding="utf-8"), old, new,
                             sellers, ("order_defects",))


def test_the_document_draws_each_window(cli, tmp_path):
    result = cli("doc", EXAMPLE, "-o", tmp_path)
    assert result.exit_code == 0, result.output
    (page,) = tmp_path.glob("*.html")
    text = page.read_text(encoding="utf-8")
    assert "ODR_3m" in text and "ODR_12m" in text


def test_hover_over_a_row_on_a_windowed_metric_says_what_it_decides_in_each_region():
    from tspol.lsp.hover import about_row
    from tspol.lsp.snapshot import Snapshot

    text = (EXAMPLE / "policy.pol").read_text(encoding="utf-8")
    snapshot = Snapshot(Workspace.of({"policy.pol": text}, {"policy.pol": "policy.pol"}, "."))
    rule = snapshot.pack.rules[0]
    hover = about_row(snapshot, rule.tables[0].rows[1])
    assert "*US*: Sellers get 4 points and Account review where any of these hold" in hover
    assert "*UK*: Sellers whose Order defect rate over 12 months (ODR\\_12m) is at least 2% get 4 points" in hover


def test_the_readme_block_is_the_example_pack_formatted():
    import re

    from conftest import ROOT
    from tspol.compiler.semdiff import diff_programs
    from tspol.dsl.formatter import format_source

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"^### Windows chosen by volume.*?^```\n(.*?)^```", readme, re.M | re.S).group(1)
    assert format_source(block) == block
    text = (EXAMPLE / "policy.pol").read_text(encoding="utf-8")
    start, measure, rule = (text.index(s) for s in ("metric ODR: rate {", "measure account_review",
                                                    "rule order_defects"))
    rewritten = program_of(text[:start] + text[measure:rule] + block)
    assert rewritten is not None
    assert diff_programs(program_of(text), rewritten).changes == ()


def test_hover_over_a_windowed_metric_says_its_type_and_the_metrics_it_chooses():
    from tspol.lsp.hover import hover
    from tspol.lsp.snapshot import Snapshot

    text = (EXAMPLE / "policy.pol").read_text(encoding="utf-8")
    snapshot = Snapshot.of_text("policy.pol", text)
    line = text.splitlines().index("metric ODR: rate {") + 1
    said = hover(snapshot, "policy.pol", line, 8)
    assert "**metric** `ODR`: a rate, the first of its cases that holds chooses `ODR_12m`, `ODR_3m`" in said
    assert "- `rule order_defects in US, UK`" in said
    used = hover(snapshot, "policy.pol", text.splitlines().index("metric ODR_3m = defects_3m / transactions_3m {") + 1, 8)
    assert "- `metric ODR: rate`" in used


MIXED = """policy p { version "1" effective 2024-01-01 }
region US
input orders: count
input late: count { part of orders higher is worse }
input cancelled: count { part of orders higher is worse }
metric R = late / orders { higher is worse }
metric Q = late / orders { higher is worse only if orders >= 3 }
metric C = cancelled / orders { higher is worse }
metric M = max(R, C) { higher is worse }
metric D = late + cancelled { higher is worse }
metric W: rate { when orders >= 5 then M  otherwise Q }
metric V: count { when orders >= 4 then D  otherwise late }
rule r in US {
  on W
  table first {
    when W >= 50% then points 3
    when V >= 3 then points 2
    otherwise warning
  }
}
"""


def test_windows_over_a_max_a_sum_and_an_only_if_decide_alike_in_every_engine():
    """The metrics a window chooses may be of any shape: `max`, a sum of counts, a rate
    with an `only if`; an `otherwise` row fires where the window has a value."""
    pytest.importorskip("duckdb")
    pytest.importorskip("sqlglot")
    import tspol.duckdb as tspol_duckdb
    from sql_cases import disagreements

    program = program_of(MIXED)
    assert problems_of(MIXED) == []
    module, records = compiled_module(program), []
    for orders, late, cancelled in itertools.product((None, 0, 1, 2, 3, 4, 5, 6), (None, 0, 1, 2, 3),
                                                     (None, 0, 1, 2, 3)):
        seller = {k: v for k, v in dict(orders=orders, late=late, cancelled=cancelled).items() if v is not None}
        if orders is not None and max(late or 0, cancelled or 0) > orders:
            continue
        assert_agree(program, module, seller, "US", "en")
        records.append({"seller_id": str(len(records)), "region": "US", **seller})
    assert fired(program, {"orders": 5, "late": 0, "cancelled": 3}, "US") == [("r", 1)]  # max: 60%
    assert fired(program, {"orders": 2, "late": 1, "cancelled": 2}, "US") == []  # Q has no value below 3 orders
    assert fired(program, {"orders": 4, "late": 1, "cancelled": 0}, "US") == [("r", 3)]  # Q 25%: otherwise
    assert fired(program, {"orders": 4, "late": 1, "cancelled": 2}, "US") == [("r", 2)]  # D is 3
    policy = Unchecked(program)
    assert disagreements(policy, records, tspol_duckdb.decisions(policy, records)) == []
