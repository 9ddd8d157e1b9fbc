"""The syntax tree of a `.pol` file: frozen attrs classes, tuple children.

Every node keeps its source span; spans never take part in equality, so a
reformatted file parses to an equal tree. Blocks keep their items in source
order (the formatter writes them back in that order); typed views such as
`Rule.tables` select the items of one kind.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Union

import attrs

from tspol import records
from tspol.diagnostics import Span

NO_SPAN = Span("<none>", 0, 0, 0, 0)


def _span():
    return attrs.field(default=NO_SPAN, eq=False, repr=False, kw_only=True)


def node(cls):
    """A frozen AST class (see `tspol.records`) whose last field is its span."""
    cls.__annotations__ = {**cls.__annotations__, "span": "Span"}
    cls.span = _span()
    return records.frozen(cls)


# ---- leaves ------------------------------------------------------------------

@node
class Name:
    value: str

    def __str__(self) -> str:
        return self.value


@node
class Quantity:
    """A literal: `30` (number), `4%` (percent), `7d`/`30min`/`24h` (duration),
    `100 USD` (money). `value` is the number as written, exactly."""

    kind: str
    value: Fraction
    unit: str = ""

    @property
    def is_whole(self) -> bool:
        return self.value.denominator == 1

    @property
    def ratio(self) -> Fraction:
        """A percentage as a ratio: 4% is 1/25."""
        return self.value / 100

    def minutes(self) -> Fraction:
        return self.value * {"min": 1, "h": 60, "d": 1440}[self.unit]

    def days(self) -> Fraction:
        return self.minutes() / 1440


Operand = Union[Name, Quantity]


@node
class Text:
    """`name en "..."`, `description zh "..."`, `example en "..."`."""

    kind: str
    lang: Name
    value: str


# ---- conditions and actions ----------------------------------------------------

@node
class Comparison:
    """A chain: `10% <= LDR < 25%` has three operands and two operators."""

    operands: tuple[Operand, ...]
    ops: tuple[str, ...]


@node
class Not:
    """`not X`: X is a comparison, another `not`, or a group in parentheses: an `or`
    (`AnyOf`), or an `and` of two items or more (`Condition`)."""

    item: object


@node
class AnyOf:
    """`A or B or ...`: two alternatives or more, each a `Condition` (an `or` in an
    alternative is one of these alternatives: `(A or B) or C` is `A or B or C`)."""

    alternatives: tuple


@node
class Condition:
    """`A and B and ...`: one item or more, each a `Comparison`, a `Not` or an `AnyOf`.
    A group in parentheses that is an `and` is one with the items around it
    (`(A and B) and C` is `A and B and C`); a row `when A or B` has one item, an `AnyOf`."""

    items: tuple

    @property
    def is_plain(self) -> bool:
        """Comparisons joined by `and`, the only form a standard or an `only if` takes."""
        return all(isinstance(item, Comparison) for item in self.items)

    @property
    def comparisons(self) -> tuple[Comparison, ...]:
        """The comparisons of a plain condition (`is_plain`)."""
        if not self.is_plain:
            raise ValueError("a condition with `or` or `not` is not a list of comparisons")
        return self.items

    def every_comparison(self):
        """Every comparison of the condition, in the order written, however nested."""
        for item in self.items:
            yield from _comparisons_in(item)


def _comparisons_in(item):
    if isinstance(item, Comparison):
        yield item
    elif isinstance(item, Not):
        yield from _comparisons_in(item.item)
    elif isinstance(item, AnyOf):
        for alternative in item.alternatives:
            yield from alternative.every_comparison()
    else:
        yield from item.every_comparison()


@node
class Points:
    amount: Quantity


@node
class WarningAction:
    pass


@node
class Limit:
    """`limit 7d at 10% avg4w`: an order volume limit for `days` at `percent` of a basis."""

    days: Quantity
    percent: Quantity
    basis: Name


@node
class MeasureAction:
    name: Name


@node
class LevelAction:
    """`level health red`: the row gives the seller level `red` of the set `health`."""

    set: Name
    level: Name


Action = Union[Points, WarningAction, Limit, MeasureAction, LevelAction]


@node
class Row:
    condition: Condition | None  # None: an `otherwise` row
    actions: tuple[Action, ...]
    # its number in its table when rows before it were taken out (a pack's partial model)
    number: int | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)

    @property
    def otherwise(self) -> bool:
        """`otherwise ACTIONS`: the row fires where no other row of its table matches."""
        return self.condition is None


@node
class Table:
    name: Name | None
    hit: str | None  # "exclusive", "first", "all", or None for the default (exclusive)
    rows: tuple[Row, ...]

    @property
    def hit_policy(self) -> str:
        return self.hit or "exclusive"


# ---- block items ----------------------------------------------------------------

@node
class Version:
    value: str


@node
class Effective:
    date: str


@node
class TypeSpec:
    """`count`, `number`, `rate`, `duration in minutes`, `money in USD`."""

    kind: str
    unit: Name | None = None


@node
class PartOf:
    whole: Name


@node
class Direction:
    worse: str  # "higher" or "lower"


@node
class Rounding:
    mode: str  # "down" or "up"


@node
class Standard:
    condition: Condition


@node
class OnlyIf:
    condition: Condition


@node
class ReasonRef:
    name: Name


@node
class OnMetric:
    name: Name


@node
class May:
    names: tuple[Name, ...]


@node
class Expiry:
    after: Quantity


@node
class Freeze:
    pass


@node
class Deactivation:
    points: Quantity


@node
class WarningMargin:
    points: Quantity


@node
class Crossing:
    mode: str  # "highest" or "all"


@node
class Linked:
    pass


@node
class ThresholdMeasure:
    measure: Name
    duration: Quantity | None  # None: permanently
    extension: Extension | None = None  # issue 11: `extended by 7d on each new violation`
    # issue 11: `until LDR is within standard` or `while at this level` (then `duration` is None)
    lasts: UntilWithin | WhileLevel | None = None


@node
class Threshold:
    points: Quantity
    measures: tuple[ThresholdMeasure, ...]
    below: bool = False  # issue 11: `threshold below 100 { ... }` of a score ledger


# -- a more general ledger (issue 11): calendar resets
@node
class Reset:
    """`points reset on the first monday of each quarter` (nth, weekday) or
    `points reset on day 1 of each month` (day)."""

    period: str  # "month", "quarter" or "year"
    day: Quantity | None  # day N of the period's first month
    nth: str | None  # "first" .. "fourth", "last"
    weekday: str | None  # "monday" .. "sunday"


# -- a more general ledger (issue 11): measures extended while points keep coming
@node
class Extension:
    """`extended by 7d on each new violation`, after a measure's `for N`."""

    by: Quantity


# -- a more general ledger (issue 11): measures that last until a metric is within its
# standard, or while at the threshold's level
@node
class UntilWithin:
    """`until LDR is within standard`, instead of a measure's `for N`."""

    metric: Name


@node
class WhileLevel:
    """`while at this level`, instead of a measure's `for N`."""


# -- a more general ledger (issue 11): signed scores
@node
class Score:
    """`score starts at 150, at most 200`: a score ledger's starting balance and its cap
    (None: the start)."""

    start: Quantity
    cap: Quantity | None


@node
class Regain:
    """`score regains 5 every 30d` (`every` None: not said, an error of the checker)."""

    points: Quantity
    every: Quantity | None


@node
class ScoreDeactivation:
    """`deactivate at 0 score`: deactivated when the score falls to it or below."""

    score: Quantity


# -- a more general ledger (issue 11): repeats
@node
class Repeat:
    """`points double for a repeat within 30d` (adds None) or `points add 2 for a repeat within 30d`."""

    within: Quantity
    adds: Quantity | None


@node
class Attempts:
    count: Quantity


@node
class FirstWindow:
    within: Quantity


@node
class NextWindow:
    within: Quantity


@node
class HoldFor:
    reasons: tuple[Name, ...]


@node
class HoldPeriod:
    shortest: Quantity
    longest: Quantity


@node
class HoldEnd:
    mode: str  # "later" or "earlier" of period and investigation


@node
class HoldOutcome:
    """`on accepted appeal release within 1d`, `on no appeal within 30d keep until period end`."""

    outcome: str  # "accepted", "rejected" or "none"
    appeal_within: Quantity | None
    action: str  # "release" or "keep"
    release_within: Quantity | None


@node
class ReasonPoints:
    source: str  # "discretionary" or "rule"


# ---- issue 11, points from the catalogue
@node
class ReasonRange:
    """`points 3` (fixed: `high` is None) or `points 2 to 4` on a reason."""

    low: Quantity
    high: Quantity | None

    @property
    def bounds(self) -> tuple[Quantity, Quantity]:
        return self.low, self.high if self.high is not None else self.low


# ---- issue 11, evaluation cadence
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")  # as date.weekday()


@node
class Cadence:
    """`evaluated daily`, `evaluated weekly on monday`, `evaluated monthly on day 20`."""

    period: str  # "daily", "weekly" or "monthly"
    weekday: Name | None = None
    day: Quantity | None = None


# ---- declarations ------------------------------------------------------------------

class _Block:
    """Typed views over a block's items."""

    def items_of(self, kind):
        return tuple(item for item in self.items if isinstance(item, kind))

    def first(self, kind):
        found = self.items_of(kind)
        return found[0] if found else None

    @property
    def texts(self) -> tuple[Text, ...]:
        return self.items_of(Text)

    def text(self, kind: str, lang: str) -> str | None:
        for t in self.texts:
            if t.kind == kind and t.lang.value == lang:
                return t.value
        return None


@node
class Policy(_Block):
    name: Name
    items: tuple


@node
class Region(_Block):
    name: Name
    items: tuple[Text, ...]


@node
class Measure(_Block):
    name: Name
    items: tuple[Text, ...]


@node
class Category(_Block):
    name: Name
    items: tuple[Text, ...]


@node
class Input(_Block):
    name: Name
    type: TypeSpec
    items: tuple


@node
class Basis(_Block):
    name: Name
    source: Name
    items: tuple


@node
class Metric(_Block):
    """`metric NAME = A / B` or `= A`; with `combination`, `= a + b`, `= max(a, b)`
    (then `numerator` is the first term's name, `denominator` None)."""

    name: Name
    numerator: Name
    denominator: Name | None
    items: tuple
    combination: "Combination | None" = None


@node
class Rule(_Block):
    name: Name
    regions: tuple[Name, ...]
    items: tuple

    @property
    def tables(self) -> tuple[Table, ...]:
        return self.items_of(Table)


@node
class Ledger(_Block):
    items: tuple


@node
class Appeals(_Block):
    items: tuple


@node
class Hold(_Block):
    name: Name
    items: tuple


@node
class Reason(_Block):
    name: Name
    category: Name
    items: tuple


# ---- levels ---------------------------------------------------------------------------

@node
class Level(_Block):
    name: Name
    items: tuple[Text, ...]


@node
class LevelDefault:
    name: Name


@node
class LevelSet(_Block):
    """`levels health { level green ... level red default green }`: levels best first."""

    name: Name
    items: tuple

    @property
    def levels(self) -> tuple[Level, ...]:
        return self.items_of(Level)


# ---- versions in one pack (issue 11: versions) ------------------------------------

@node
class Remove:
    """`remove rule late_dispatch in UK`: a declaration the amendment takes out."""

    kind: str  # the keyword: "rule", "metric", "input", ...
    name: Name
    regions: tuple[Name, ...] = ()


@node
class Carryover:
    """`points scored before 2025-06-17 keep their expiry` (or `take the new expiry`)."""

    date: str
    keep: bool


@node
class Amendment(_Block):
    """`amendment "2" effective 2025-06-17 { ... }`: the pack's next version."""

    version: str
    effective: str
    items: tuple

    @property
    def decls(self) -> tuple:
        return tuple(item for item in self.items if not isinstance(item, (Text, Remove, Carryover)))


# ---- params: values that depend on the seller's volume or region (issue 11) ----------

@node
class ParamCase:
    """A case of a param: `when CONDITION then 5%`, `in US, UK then 4%` (`regions`), or
    `otherwise 6%` (neither)."""

    condition: Condition | None
    regions: tuple[Name, ...]
    value: Quantity

    @property
    def otherwise(self) -> bool:
        return self.condition is None and not self.regions


@node
class Param(_Block):
    """`param NAME: TYPE { CASES }`: the first case that holds gives the value."""

    name: Name
    type: TypeSpec
    items: tuple[ParamCase, ...]

    @property
    def cases(self) -> tuple[ParamCase, ...]:
        return self.items


@node
class WindowMetric(_Block):
    """`metric NAME: TYPE { CASES }`: a metric whose definition is the first case that
    holds: `when transactions_3m >= 400 then ODR_3m`, `in US then ODR_3m`, `otherwise
    ODR_12m`; each case's value (a `Name`) is an input or metric of the type."""

    name: Name
    type: TypeSpec
    items: tuple[ParamCase, ...]

    @property
    def cases(self) -> tuple[ParamCase, ...]:
        return self.items


# ---- arithmetic on metrics (issue 11): sums, weighted sums, max and min -----------

@node
class Term:
    """One term of a sum or argument of a call: `claims`, `2 * ODR` (its weight 2)."""

    name: Name
    weight: Quantity | None = None


@node
class Combination:
    """`a + b + c`, `2 * ODR + 3 * LDR` (`function` None: a sum) or `max(ODR, CR)`."""

    function: Name | None
    terms: tuple[Term, ...]

    @property
    def operation(self) -> str:
        """`sum`, or the function's name as written (`max`, `min`, or one the checker refuses)."""
        return "sum" if self.function is None else self.function.value


Decl = Union[Policy, Region, Measure, Category, Input, Basis, Metric, Rule,
             Ledger, Appeals, Hold, Reason, LevelSet, Param, Amendment]


@node
class Comment:
    text: str  # including the leading `#`


@node
class File:
    path: str = attrs.field(eq=False)
    decls: tuple
    comments: tuple[Comment, ...] = attrs.field(default=(), eq=False)
