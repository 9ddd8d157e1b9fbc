"""The analysis against brute force, on generated tables.

Random tables of rows over `LDR` and `late_orders` replace the US late
dispatch table; every seller of a grid (late orders 0-12 of 1-30 orders) is
checked row by row with plain fractions. Whatever the grid shows must be
reported (an overlap it finds, a row it sees firing is never called dead), and
whatever is reported must hold for the seller it names.
"""

from __future__ import annotations

import itertools
from fractions import Fraction

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from tspol.compiler import ir
from tspol.compiler.analysis import DEAD_ROW, HOLE, MONOTONICITY, OVERLAP, analyze_program
from tspol.diagnostics import Span
from tspol.dsl.intervals import Interval

RATES = [Fraction(p, 100) for p in (0, 4, 10, 20, 25, 50, 100)]
GRID = [(late, orders) for orders in range(1, 31) for late in range(0, min(orders, 12) + 1)]


@st.composite
def intervals(draw, values, whole: bool):
    lo, hi = sorted(draw(st.lists(st.sampled_from(values), min_size=2, max_size=2)))
    interval = Interval(
        None if draw(st.booleans()) else lo, draw(st.booleans()),
        None if draw(st.booleans()) else hi, draw(st.booleans()))
    interval = interval.whole() if whole else interval
    if interval.is_empty():
        return Interval.everything()
    return interval


@st.composite
def tables(draw):
    rows = []
    for index in range(1, draw(st.integers(1, 5)) + 1):
        box = [("LDR", draw(intervals(RATES, whole=False)))]
        if draw(st.booleans()):
            box.append(("late_orders", draw(intervals(list(range(0, 9)), whole=True))))
        span = Span("gen.pol", index, 5, index, 40)
        rows.append(ir.RowIR(index=index, boxes=(tuple(box),), points=draw(st.integers(0, 5)), warning=False,
                             limit=None, measures=(), text=f"row {index}", span=span, where=f"gen.pol:{index}"))
    return ir.TableIR(None, draw(st.sampled_from(["exclusive", "all"])), tuple(rows),
                      span=Span("gen.pol", 1, 1, 1, 1))


def with_table(program: ir.Program, table: ir.TableIR) -> ir.Program:
    region = program.region("US")
    rules = tuple(attrs.evolve(r, tables=(table,)) if r.name == "late_dispatch" else r for r in region.rules)
    return attrs.evolve(program, regions=(attrs.evolve(region, rules=rules),))


def matches(row: ir.RowIR, late: int, orders: int) -> bool:
    values = {"LDR": Fraction(late, orders), "late_orders": late}
    return all(interval.contains(Fraction(values[name])) for name, interval in row.box)


def firing(table: ir.TableIR, late: int, orders: int) -> list[ir.RowIR]:
    rows = [r for r in table.rows if matches(r, late, orders)]
    return rows[:1] if table.hit == "exclusive" else rows


def seller_values(seller: dict) -> tuple[int, int]:
    return seller["late_orders"], seller["orders_7d"]


@settings(max_examples=150, deadline=None)
@given(tables())
def test_analysis_agrees_with_brute_force(program, table):
    problems = analyze_program(with_table(program, table), rule="late_dispatch").problems
    by_code: dict[str, list] = {}
    for p in problems:
        by_code.setdefault(p.diagnostic.code, []).append(p)

    overlapping = {(p.rows[0].index, p.rows[1].index) for p in by_code.get(OVERLAP, [])}
    dead = {p.rows[0].index for p in by_code.get(DEAD_ROW, [])}
    for late, orders in GRID:
        matching = [r.index for r in table.rows if matches(r, late, orders)]
        if table.hit == "exclusive":  # a pair whose later row never fires is reported as that row (E502)
            assert {pair for pair in itertools.combinations(matching, 2) if pair[1] not in dead} <= overlapping
        assert not {r.index for r in firing(table, late, orders)} & dead

    assert table.hit == "exclusive" or OVERLAP not in by_code
    for p in by_code.get(OVERLAP, []):
        assert all(matches(row, *seller_values(p.sellers[0])) for row in p.rows)
    for p in by_code.get(HOLE, []):
        late, orders = seller_values(p.sellers[0])
        assert not any(matches(row, late, orders) for row in table.rows)
        assert Fraction(late, orders) >= Fraction(4, 100)  # never a hole where LDR meets its standard
    for p in by_code.get(MONOTONICITY, []):
        worse, better = (sum(r.points for r in firing(table, *seller_values(s))) for s in p.sellers)
        assert worse < better
        assert p.diagnostic.span == p.rows[0].span
