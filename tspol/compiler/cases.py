"""Boundary sellers: for every edge of every row, sellers just below, on and just
above it, to feed snapshot tests and `tspol eval`.

An edge is a bound of one quantity of a row (`10% <=` in `10% <= LDR < 25%`);
the other quantities stay inside the row, so the three sellers differ only on
that edge. A count's edge is probed one below, on it, and one above (`late_orders
>= 5`: 4, 5, 6); a rate's, just below (within 0.1 percentage points), exactly
on it, and just above; a duration, number or amount of money, one unit either
side. The edges of each rule's metric standard and `only if` are probed too.
A probe no real seller can reach (a rate below 0%) is left out, and a seller
already written for the region is written once, under its first name.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from fractions import Fraction

import attrs

from tspol.compiler import ir
from tspol.compiler.analysis import value_text
from tspol.compiler.boxes import Space
from tspol.compiler.meaning import Meaning
from tspol.compiler.solver import Oracle
from tspol.compiler.witness import NONNEGATIVE, Quantity, Vocabulary
from tspol.dsl.intervals import Interval

RATE_STEP = Fraction(1, 1000)  # 0.1 percentage points


@attrs.frozen
class Case:
    seller_id: str
    region: str
    metrics: dict

    def to_dict(self) -> dict:
        return {"seller_id": self.seller_id, "region": self.region, "metrics": self.metrics}


def boundary_cases(program: ir.Program, region: str | None = None) -> list[Case]:
    meaning = Meaning(program)
    space = Space(meaning, Oracle(meaning))
    vocabulary = space.oracle.vocabulary
    cases: list[Case] = []
    for region_ir in program.regions:
        if region is not None and region_ir.name != region:
            continue
        seen: set[tuple] = set()
        for rule in region_ir.rules:
            for label, box, name, edge in _edges(vocabulary, rule):
                for side, near in _probes(vocabulary[name], edge):
                    seller = _seller(space, rule, box, name, near)
                    if seller is None:
                        continue
                    key = tuple(sorted(seller.items()))
                    if key in seen:
                        continue
                    seen.add(key)
                    text = f"{side} {value_text(vocabulary[name], edge)}"
                    cases.append(Case(f"{region_ir.name} {rule.name} {label}: {name} {text}",
                                      region_ir.name, seller))
    return cases


def _edges(vocabulary: Vocabulary, rule: ir.RuleIR) -> Iterator[tuple[str, dict, str, Fraction]]:
    """(label, box, quantity, edge value) for every bound of every row, then the
    rule metric's standard and `only if`."""
    several = len(rule.tables) > 1
    for number, table in enumerate(rule.tables, 1):
        prefix = f"table {table.name or number} " if several else ""
        for row in table.rows:
            if row.otherwise:
                continue  # its edges are the other rows'
            for alternative in row.boxes:
                box = dict(alternative)
                for name, interval in alternative:
                    for edge in _bounds(vocabulary[name], interval):
                        yield f"{prefix}row {row.index}", box, name, edge
    if rule.metric:
        metric = vocabulary[rule.metric]
        if metric.standard is not None:
            for edge in _bounds(metric, metric.standard):
                yield "standard", {}, rule.metric, edge
        given = {n: NONNEGATIVE for n in (metric.numerator, metric.denominator) if n is not None}
        for name, interval in metric.only_if:
            for edge in _bounds(vocabulary[name], interval):
                yield "only if", {k: v for k, v in given.items() if k != name}, name, edge


def _bounds(q: Quantity, interval: Interval) -> list[Fraction]:
    """Where an interval starts and stops: for a count, the first whole number in
    it and the first one after it."""
    if q.whole:
        interval = interval.whole()
        edges = [] if interval.lo is None or interval.lo == 0 else [interval.lo]
        return edges + ([] if interval.hi is None else [interval.hi + 1])
    return [v for v in (interval.lo, interval.hi) if v is not None and v != q.domain.lo]


def _probes(q: Quantity, edge: Fraction) -> list[tuple[str, Interval]]:
    if q.whole:
        return [("one below", Interval.point(edge - 1)), ("on", Interval.point(edge)),
                ("one above", Interval.point(edge + 1))]
    step = RATE_STEP if q.kind == "rate" else Fraction(1)
    return [("just below", Interval(edge - step, True, edge, False)), ("on", Interval.point(edge)),
            ("just above", Interval(edge, False, edge + step, True))]


def _seller(space: Space, rule: ir.RuleIR, box: Mapping[str, Interval], name: str,
            near: Interval) -> dict | None:
    """A seller at the probe with the row's other bounds kept; failing that, one at the
    probe with the rule metric's inputs given (the metric may then not apply)."""
    seller = _in(space, {**box, name: near})
    if seller is not None:
        return seller
    fallback = {name: near}
    if rule.metric:
        metric = space.meaning.metrics[rule.metric]
        for input_name in (metric.numerator, metric.denominator):
            if input_name is not None and input_name != name:
                fallback.setdefault(input_name, NONNEGATIVE)
    return _in(space, fallback)


def _in(space: Space, box: Mapping[str, Interval]) -> dict | None:
    found = space.box(box)
    return None if found is None else space.seller(found)
