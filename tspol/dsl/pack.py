"""A checked policy pack: the declarations of all its files, resolved by name.

The checker builds a `Pack` only when the files are free of errors, so every
later stage can rely on it: names resolve, types agree, numbers are in range.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction

import attrs

from tspol.diagnostics import Diagnostic, Span
from tspol.dsl import ast
from tspol.dsl.domains import DOMAINS
from tspol.dsl.intervals import FLIP, Interval
from tspol.dsl.sources import source_hash

MINUTES = {"minutes": 1, "hours": 60, "days": 1440}
KIND_WORDS = {
    "count": "a count",
    "number": "a number",
    "rate": "a rate",
    "duration": "a duration",
    "money": "an amount of money",
}


@attrs.frozen(eq=False)
class Quantity:
    """What a name in a condition stands for: an input or a metric, with its type."""

    name: str
    kind: str  # count, number, rate, duration, money
    unit: str | None = None  # minutes/hours/days for durations, a currency for money
    decl: object = None  # ast.Input or ast.Metric
    domain: Interval = attrs.field(default=None)  # the values it can take (tspol.dsl.domains)

    def __attrs_post_init__(self):
        if self.domain is None:
            object.__setattr__(self, "domain", DOMAINS[self.kind].interval)


@attrs.frozen(eq=False)
class Pack:
    root: str
    files: tuple[ast.File, ...]
    sources: Mapping[str, str]  # display path -> text
    relpaths: Mapping[str, str]  # display path -> path inside the pack, posix
    policy: ast.Policy
    regions: Mapping[str, ast.Region]
    inputs: Mapping[str, ast.Input]
    bases: Mapping[str, ast.Basis]
    metrics: Mapping[str, ast.Metric]
    measures: Mapping[str, ast.Measure]
    categories: Mapping[str, ast.Category]
    reasons: Mapping[str, ast.Reason]
    holds: Mapping[str, ast.Hold]
    rules: tuple[ast.Rule, ...]
    ledger: ast.Ledger | None
    appeals: ast.Appeals | None
    quantities: Mapping[str, Quantity]
    warnings: tuple[Diagnostic, ...] = ()
    level_sets: Mapping[str, ast.LevelSet] = attrs.field(factory=dict)  # levels (issue 11)
    params: Mapping[str, ast.Param] = attrs.field(factory=dict)  # issue 11: tspol.dsl.params
    windows: Mapping[str, ast.WindowMetric] = attrs.field(factory=dict)  # issue 11: windows by volume

    @property
    def cased(self) -> Mapping[str, ast.Param | ast.WindowMetric]:
        """Params and windowed metrics: names whose value is the first case that holds."""
        return {**self.params, **self.windows}

    @property
    def name(self) -> str:
        return self.policy.name.value

    @property
    def version(self) -> str:
        version = self.policy.first(ast.Version)
        return version.value if version else ""

    @property
    def effective(self) -> str:
        effective = self.policy.first(ast.Effective)
        return effective.date if effective else ""

    @property
    def source_hash(self) -> str:
        return source_hash(self.sources, self.relpaths)

    def rules_in(self, region: str) -> tuple[ast.Rule, ...]:
        return tuple(r for r in self.rules if any(n.value == region for n in r.regions))

    def where(self, span: Span) -> str:
        """`fulfilment.pol:42`: a place named without the folder the pack sits in."""
        return f"{self.relpaths.get(span.path, span.path)}:{span.line}"

    def rule_metric(self, rule: ast.Rule) -> ast.Metric | None:
        on = rule.first(ast.OnMetric)
        return self.metrics.get(on.name.value) if on else None

    def metric_inputs(self, metric: ast.Metric) -> tuple[str, ...]:
        names = [metric.numerator.value]
        if metric.denominator is not None:
            names.append(metric.denominator.value)
        return tuple(names)

    def value_of(self, quantity: Quantity, literal: ast.Quantity) -> Fraction:
        return literal_value(quantity, literal)

    def bounds(self, comparison: ast.Comparison) -> tuple[Quantity, Interval]:
        return comparison_bounds(comparison, self.quantities)


def literal_value(quantity: Quantity, literal: ast.Quantity) -> Fraction:
    """A literal in the unit of the quantity it is compared with: 4% -> 1/25 for a
    rate, 1h -> 60 for a duration in minutes."""
    if quantity.kind == "rate":
        return literal.ratio
    if quantity.kind == "duration":
        return literal.minutes() / MINUTES[quantity.unit]
    return literal.value


def comparison_bounds(comparison: ast.Comparison, quantities: Mapping[str, Quantity], whole: bool = True
                      ) -> tuple[Quantity, Interval]:
    """What a checked comparison chain says about its one name (over whole
    numbers for a count, unless `whole` is false)."""
    operands, ops = comparison.operands, comparison.ops
    index = next(i for i, o in enumerate(operands) if isinstance(o, ast.Name))
    quantity = quantities[operands[index].value]
    interval = Interval.everything()
    if index > 0:  # `10% <= LDR`: LDR >= 10%
        value = literal_value(quantity, operands[index - 1])
        interval = interval.intersect(Interval.compare(FLIP[ops[index - 1]], value))
    if index < len(ops):  # `LDR < 25%`
        value = literal_value(quantity, operands[index + 1])
        interval = interval.intersect(Interval.compare(ops[index], value))
    if quantity.kind == "count" and whole:
        interval = interval.whole()
    return quantity, interval


def condition_bounds(condition: ast.Condition, quantities: Mapping[str, Quantity]
                     ) -> dict[str, Interval]:
    """A conjunction as one interval per name (the box of a row)."""
    box: dict[str, Interval] = {}
    for comparison in condition.comparisons:
        quantity, interval = comparison_bounds(comparison, quantities)
        box[quantity.name] = box.get(quantity.name, Interval.everything()).intersect(interval)
    return box


MOST_BOXES = 64  # alternatives a row's condition may have once `or` and `not` are multiplied out


class TooManyBoxes(ValueError):
    """A condition whose disjunctive normal form has more than MOST_BOXES boxes."""


def condition_boxes(condition: ast.Condition, quantities: Mapping[str, Quantity]) -> list[dict[str, Interval]]:
    """A condition as a union of boxes, one interval per name in each (its disjunctive
    normal form, in the order written): `or` joins the boxes of its alternatives, `and`
    intersects them, and `not` is pushed down to the comparisons, where it is the
    complement among the values the quantity has (`not (x >= 5)` is `x < 5`: it holds
    only where `x` has a value). A box no value of some quantity meets is left out, and
    so is a box written twice. A plain condition is one box, its `condition_bounds`.
    Raises TooManyBoxes past MOST_BOXES."""
    boxes = []
    for box in _dnf(condition, False, quantities):
        if box not in boxes and not _any_empty(box, quantities):
            boxes.append(box)
    return boxes


def _any_empty(box: dict[str, Interval], quantities) -> bool:
    return any(_empty(quantities[name], interval) for name, interval in box.items())


def _empty(quantity: Quantity, interval: Interval) -> bool:
    interval = interval.intersect(quantity.domain)
    return (interval.whole() if quantity.kind == "count" else interval).is_empty()


def _dnf(item, negated: bool, quantities) -> list[dict[str, Interval]]:
    if isinstance(item, ast.Comparison):
        quantity, interval = comparison_bounds(item, quantities)
        if not negated:
            return [{quantity.name: interval}]
        pieces = interval.complement()
        if quantity.kind == "count":
            pieces = [piece.whole() for piece in pieces]
        return [{quantity.name: piece} for piece in pieces]
    if isinstance(item, ast.Not):
        return _dnf(item.item, not negated, quantities)
    if isinstance(item, ast.AnyOf):
        parts, joined = [_dnf(a, negated, quantities) for a in item.alternatives], not negated
    else:  # a Condition: an `and`
        parts, joined = [_dnf(i, negated, quantities) for i in item.items], negated
    if joined:  # an `or` (or a negated `and`): the boxes of every part
        out = [box for part in parts for box in part]
    else:  # an `and` (or a negated `or`): a box of each part, intersected
        out = [{}]
        for part in parts:
            out = [met for box in out for other in part
                   if not _any_empty(met := _meet(box, other), quantities)]
            if len(out) > MOST_BOXES:
                raise TooManyBoxes(len(out))
    if len(out) > MOST_BOXES:
        raise TooManyBoxes(len(out))
    return out


def _meet(box: dict[str, Interval], other: dict[str, Interval]) -> dict[str, Interval]:
    met = dict(box)
    for name, interval in other.items():
        met[name] = met[name].intersect(interval) if name in met else interval
    return met
