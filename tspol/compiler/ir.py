"""The IR: a checked pack as explicit tables, per region and rule.

A row's condition is a union of boxes (its disjunctive normal form: `or` and
`not` multiplied out), a box a conjunction of one exact interval per named
quantity; most rows are one box. An `otherwise` row's box is the rule's metric,
any value; it matches where no other row of its table does. Then its actions. Everything downstream (the interpreter, the Python generator,
table analysis, semantic diff, the ledger) reads the IR, never the syntax tree.

Quantities are inputs (whole counts, decimals, durations in the input's unit,
money) or metrics: a rate `numerator / denominator` of two count inputs, or an
alias of one input. Rates are exact rationals; a rate whose denominator is 0 is
undefined (D4), and so is a metric whose `only if` condition does not hold.
A row matches only where, for one of its boxes, every quantity the box names is
defined and inside its interval (`tspol.compiler.meaning` says it once for all).
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from fractions import Fraction

import attrs

from tspol.diagnostics import Span
from tspol.dsl.ast import WEEKDAYS
from tspol.dsl.formatter import decimal_text
from tspol.dsl.intervals import Interval
from tspol.records import frozen, since

Box = tuple[tuple[str, Interval], ...]  # (quantity name, interval), in source order
Examples = tuple[tuple[str, str], ...]  # (language, text) of each `example` text, in source order


def box_dict(box: Box) -> dict[str, Interval]:
    return dict(box)


@frozen
class Texts:
    """Bilingual texts of a declaration: {"en": ..., "zh": ...}."""

    en: str | None = None
    zh: str | None = None

    def get(self, lang: str, default: str = "") -> str:
        return getattr(self, lang, None) or self.en or self.zh or default


@frozen
class InputIR:
    name: str
    kind: str  # count, number, rate, duration, money
    unit: str | None  # minutes/hours/days, or a currency
    part_of: str | None  # a count this one can never exceed
    worse: str | None  # "higher", "lower" or None
    names: Texts
    span: Span = attrs.field(eq=False, repr=False)
    descriptions: Texts = Texts()
    examples: Examples = ()


@frozen
class MetricIR:
    name: str
    kind: str  # "rate" for a ratio, else the kind of its input
    numerator: str
    denominator: str | None
    unit: str | None
    worse: str | None
    standard: Interval | None  # where the metric meets its standard
    standard_text: str  # "< 4%"
    only_if: Box  # conditions on inputs for the metric to apply at all
    only_if_text: str
    names: Texts
    span: Span = attrs.field(eq=False, repr=False)
    descriptions: Texts = Texts()
    examples: Examples = ()
    # arithmetic on metrics (issue 11): "sum", "max" or "min" of `terms` (then `numerator` is "")
    combine: str | None = since(3, None)
    terms: tuple[TermIR, ...] = since(3, ())

    @property
    def inputs(self) -> tuple[str, ...]:
        if self.combine is not None:
            names: list[str] = []
            for term in self.terms:
                names += [name for name in term.inputs if name not in names]
            return tuple(names)
        return (self.numerator,) + ((self.denominator,) if self.denominator else ())

    @property
    def definition(self) -> str:
        """What the metric is, as its declaration says: `a / b`, `a`, `a + 2 * b`, `max(a, b)`."""
        if self.combine == "sum":
            return " + ".join(t.text for t in self.terms)
        if self.combine is not None:
            return f"{self.combine}({', '.join(t.text for t in self.terms)})"
        return self.numerator + (f" / {self.denominator}" if self.denominator else "")

    @property
    def denominators(self) -> tuple[str, ...]:
        """The inputs that must not be 0 for the metric to have a value (D4)."""
        if self.combine is None:
            return (self.denominator,) if self.denominator else ()
        found: list[str] = []
        for term in self.terms:
            if term.denominator is not None and term.denominator not in found:
                found.append(term.denominator)
        return tuple(found)


# ---- arithmetic on metrics (issue 11) ---------------------------------------------

@frozen
class TermIR:
    """A term of a combined metric: `weight` times `quantity` (an input or a metric), whose
    value is `numerator` (an input) divided by `denominator` (an input, or None: by 1)."""

    SINCE = 3
    weight: Fraction
    quantity: str
    numerator: str
    denominator: str | None

    @property
    def inputs(self) -> tuple[str, ...]:
        return (self.numerator,) + ((self.denominator,) if self.denominator else ())

    @property
    def text(self) -> str:
        """`claims`, `2 * ODR`, `0.5 * LDR`."""
        if self.weight == 1:
            return self.quantity
        return f"{decimal_text(self.weight)} * {self.quantity}"


@frozen
class BasisIR:
    name: str
    input: str
    rounding: str  # "down" or "up"
    names: Texts
    descriptions: Texts = Texts()
    examples: Examples = ()


@frozen
class LimitIR:
    """An order volume limit: `days` long, daily orders capped at `percent`% of the basis."""

    days: int
    percent: Fraction
    basis: str


@frozen
class RowIR:
    index: int  # 1-based within its table
    boxes: tuple[Box, ...]  # the condition: the union of these boxes, in the order written
    points: int
    warning: bool
    limit: LimitIR | None
    measures: tuple[str, ...]
    text: str  # the row as written, canonically formatted
    span: Span = attrs.field(eq=False, repr=False)
    where: str = attrs.field(eq=False, default="")  # "fulfilment.pol:44"
    otherwise: bool = False  # `otherwise`: matches where its box holds and no other row of its table does
    levels: tuple[tuple[str, str], ...] = since(3, ())  # (level set, level) the row gives, in source order

    @property
    def box(self) -> Box:
        """The box of a row that is one box and not `otherwise` (`plain`)."""
        if not self.plain:
            raise ValueError(f"row {self.index} ({self.where}) is not one box: read `boxes`")
        return self.boxes[0]

    @property
    def plain(self) -> bool:
        """One box, no `or` in it and not `otherwise`: a row as tspol had them before `or`."""
        return len(self.boxes) == 1 and not self.otherwise

    @property
    def quantities(self) -> tuple[str, ...]:
        """Every quantity its boxes name, in order."""
        names: list[str] = []
        for box in self.boxes:
            names += [name for name, _ in box if name not in names]
        return tuple(names)

    def requires(self, quantity: str) -> bool:
        """Whether the row matches only where `quantity` has a value: every box names it."""
        return all(any(name == quantity for name, _ in box) for box in self.boxes)


@frozen
class TableIR:
    name: str | None
    # "exclusive": the first matching row fires, and no two rows may match one seller (E501);
    # "first": the first matching row fires, rows may overlap; "all": every matching row fires
    hit: str
    rows: tuple[RowIR, ...]
    span: Span = attrs.field(eq=False, repr=False)

    @property
    def first_match(self) -> bool:
        """Whether only the first matching row fires (D5): an exclusive or a `first` table."""
        return self.hit != "all"

    def fired(self, holds: Callable[[RowIR], bool]) -> tuple[RowIR, ...]:
        """The rows that fire, given which rows' conditions hold for a seller (`holds`,
        as `meaning.row` says: for an `otherwise` row, that the rule's metric has a
        value): the first matching row of an exclusive or `first` table (D5), every
        matching row of an `all` table; an `otherwise` row matches where its condition
        holds and no other row of its table matches (`meaning.matches`)."""
        if any(row.otherwise for row in self.rows):
            held = [row for row in self.rows if holds(row)]
            matching = iter([row for row in held if not row.otherwise or held == [row]])
        else:
            matching = (row for row in self.rows if holds(row))
        if self.first_match:
            first = next(matching, None)
            return () if first is None else (first,)
        return tuple(matching)


@frozen
class RuleIR:
    name: str
    region: str
    metric: str | None
    reason: str | None
    tables: tuple[TableIR, ...]
    may: tuple[str, ...]  # discretionary measures; "points" for discretionary points
    names: Texts
    span: Span = attrs.field(eq=False, repr=False)
    where: str = attrs.field(eq=False, default="")
    descriptions: Texts = Texts()
    examples: Examples = ()
    cadence: CadenceIR | None = since(3, None)  # issue 11, evaluation cadence

    def may_follow(self, fired: bool, outside: bool) -> tuple[str, ...]:
        """The discretionary measures that may follow a decision: when one of the rule's
        rows fired, or, for a rule without tables, when its metric is outside its standard."""
        return self.may if fired or (not self.tables and outside) else ()

    @property
    def declaration(self) -> tuple:
        """The rule's declaration as its regions share it: the regions of a declaration
        have the same tables, except where a row compares with a param whose cases differ
        by region (tspol.dsl.params); those are analysed and shown apart."""
        return (self.name, self.span, self.tables)


@frozen
class RegionIR:
    name: str
    names: Texts
    rules: tuple[RuleIR, ...]
    descriptions: Texts = Texts()
    examples: Examples = ()


@frozen
class ThresholdIR:
    points: int
    measures: tuple[tuple[str, int | None], ...]  # (measure, days); None days: permanent
    # issue 11: (measure, days) of a measure `extended by N on each new violation` while in effect
    extensions: tuple[tuple[str, int], ...] = since(3, ())
    # issue 11: (measure, metric) of a measure `until METRIC is within standard`, and the measures
    # `while at this level`; their days in `measures` are None (open-ended until they end)
    until_within: tuple[tuple[str, str], ...] = since(3, ())
    while_level: tuple[str, ...] = since(3, ())


@frozen
class LedgerIR:
    expiry_days: int | None
    deactivate_at: int | None
    freeze_when_deactivated: bool
    warning_margin: int | None
    crossing: str  # "highest" or "all"
    linked_accounts_share: bool
    thresholds: tuple[ThresholdIR, ...]
    reset: ResetIR | None = since(3, None)  # a more general ledger (issue 11): calendar resets
    repeat: RepeatIR | None = since(3, None)  # a more general ledger (issue 11): repeats
    # a more general ledger (issue 11): signed scores; its thresholds are `threshold below N`
    score: ScoreIR | None = since(3, None)


# -- a more general ledger (issue 11): calendar resets
@frozen
class ResetIR:
    """`points reset on ...`: the points scored before a reset day stop counting on it.
    The reset days are, in each month, quarter or year (`period`), either day `day` of its
    first month, or its `nth` (1 to 4, or -1: the last) `weekday` (0 Monday .. 6 Sunday)
    of its first month."""

    SINCE = 3
    period: str  # "month", "quarter" or "year"
    day: int | None
    nth: int | None
    weekday: int | None

    @property
    def text(self) -> str:
        """When it resets, as the source says it: `the first monday of each quarter`."""
        when = f"day {self.day}" if self.day is not None else f"the {NTH_WORDS[self.nth]} {WEEKDAYS[self.weekday]}"
        return f"{when} of each {self.period}"


# -- a more general ledger (issue 11): repeats
@frozen
class RepeatIR:
    """`points double for a repeat within N days` (adds None) or `points add M ...`: a
    violation of a rule that scored within `within_days` after another violation of
    that rule (D2: inclusive) scores its points for that rule twice, or M more."""

    SINCE = 3
    within_days: int
    adds: int | None

    @property
    def text(self) -> str:
        weight = "double" if self.adds is None else f"add {self.adds}"
        return f"points {weight} for a repeat within {self.within_days}d"


# -- a more general ledger (issue 11): signed scores
@frozen
class ScoreIR:
    """A score ledger: the balance starts at `start`, each violation's points are taken
    from it, and every `regain_days` days after a violation with no violation since, it
    regains `regain_points` (up to `cap`; not while deactivated). A threshold T of the
    ledger is crossed going down, when the score falls below T; at `deactivate_at` or
    below, the seller is deactivated."""

    SINCE = 3
    start: int
    cap: int
    regain_points: int | None
    regain_days: int | None
    deactivate_at: int | None

    @property
    def text(self) -> str:
        """`score starts at 150, at most 200` as the source says it (the cap when it is not the start)."""
        return f"score starts at {self.start}" + (f", at most {self.cap}" if self.cap != self.start else "")

    @property
    def regain_text(self) -> str:
        return f"score regains {self.regain_points} every {self.regain_days}d" if self.regain_points else "no"


NTH_WORDS = {1: "first", 2: "second", 3: "third", 4: "fourth", -1: "last"}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@frozen
class AppealsIR:
    attempts: int
    first_within_days: int
    next_within_days: int


@frozen
class HoldOutcomeIR:
    """What happens to held funds on an appeal outcome (§7.2)."""

    outcome: str  # "accepted", "rejected", or "none": no appeal within `appeal_within_days`
    appeal_within_days: int | None
    release_within_days: int | None  # None: kept until the hold ends


@frozen
class HoldIR:
    name: str
    reasons: tuple[str, ...]
    shortest_days: int
    longest_days: int
    ends_at: str  # "later" or "earlier" of the period and the investigation
    outcomes: tuple[HoldOutcomeIR, ...]
    names: Texts
    descriptions: Texts = Texts()
    examples: Examples = ()

    def on(self, outcome: str) -> HoldOutcomeIR | None:
        return next((o for o in self.outcomes if o.outcome == outcome), None)

    @property
    def release_within_days(self) -> int | None:
        """Days to release after an accepted appeal (None: the policy keeps the funds)."""
        accepted = self.on("accepted")
        return accepted.release_within_days if accepted else None

    @property
    def keep_on_rejection(self) -> bool:
        rejected = self.on("rejected")
        return rejected is not None and rejected.release_within_days is None

    @property
    def appeal_within_days(self) -> int | None:
        none = self.on("none")
        return none.appeal_within_days if none else None


@frozen
class ReasonIR:
    name: str
    category: str
    points: str | None  # "discretionary", "rule", "stated" (points_range) or None
    may: tuple[str, ...]
    names: Texts
    descriptions: Texts
    examples: Examples = ()
    # issue 11, points from the catalogue: `points 3` is (3, 3), `points 2 to 4` is (2, 4)
    points_range: tuple[int, int] | None = since(3, None)

    def allows(self, points) -> bool:
        """Whether a violation of this reason may score `points`: any, unless it states its points."""
        return self.points_range is None or self.points_range[0] <= points <= self.points_range[1]


@frozen
class DocsIR:
    """What a measure or a category says beyond its name (`Program.measures` and
    `Program.categories` keep the names)."""

    name: str
    descriptions: Texts = Texts()
    examples: Examples = ()


# ---- levels (issue 11) ------------------------------------------------------------------

@frozen
class LevelSetIR:
    """`levels health { ... }`: its levels best first; `default` is the level of a seller
    whom no row that fired gives a level of this set."""

    SINCE = 3

    name: str
    levels: tuple[str, ...]
    default: str
    names: Texts
    level_names: tuple[Texts, ...]  # one for each of `levels`, in the same order

    def rank(self, level: str) -> int:
        """0 for the best level; higher is worse."""
        return self.levels.index(level)

    def worst(self, given) -> str:
        """The worst of the levels given (an iterable of names), else the default."""
        return max(given, key=self.rank, default=self.default)

    def level_texts(self, level: str) -> Texts:
        return self.level_names[self.rank(level)]


@frozen
class Program:
    name: str
    version: str
    effective: str
    source_hash: str
    titles: Texts
    inputs: tuple[InputIR, ...]
    metrics: tuple[MetricIR, ...]
    bases: tuple[BasisIR, ...]
    regions: tuple[RegionIR, ...]
    ledger: LedgerIR | None
    appeals: AppealsIR | None
    holds: tuple[HoldIR, ...]
    measures: tuple[tuple[str, Texts], ...]
    reasons: tuple[ReasonIR, ...]
    categories: tuple[tuple[str, Texts], ...]
    descriptions: Texts = Texts()  # of the policy block
    examples: Examples = ()
    measure_docs: tuple[DocsIR, ...] = ()  # one for each of `measures`, in the same order
    category_docs: tuple[DocsIR, ...] = ()  # one for each of `categories`, in the same order
    levels: tuple[LevelSetIR, ...] = since(3, ())  # level sets, in source order (issue 11)

    def level_set(self, name: str) -> LevelSetIR:
        return next(s for s in self.levels if s.name == name)

    def decided_levels(self, rows) -> dict[str, str] | None:
        """A decision's `levels`: per set, the worst level a fired row gives, else its
        default; None for a pack that declares no levels (its decisions have no `levels`)."""
        if not self.levels:
            return None
        given = [pair for row in rows for pair in row.levels]
        return {s.name: s.worst(level for name, level in given if name == s.name) for s in self.levels}

    def region(self, name: str) -> RegionIR:
        for region in self.regions:
            if region.name == name:
                return region
        raise KeyError(name)

    @property
    def region_names(self) -> tuple[str, ...]:
        return tuple(r.name for r in self.regions)

    def input(self, name: str) -> InputIR:
        return next(i for i in self.inputs if i.name == name)

    def metric(self, name: str) -> MetricIR | None:
        return next((m for m in self.metrics if m.name == name), None)

    def basis(self, name: str) -> BasisIR:
        return next(b for b in self.bases if b.name == name)

    def kind(self, quantity: str) -> str:
        metric = self.metric(quantity)
        return metric.kind if metric else self.input(quantity).kind

    def needs(self, quantity: str) -> tuple[str, ...]:
        """The inputs a quantity needs to be defined: an input itself; a metric's
        numerator, denominator and `only if` inputs, in that order."""
        metric = self.metric(quantity)
        if metric is None:
            return (quantity,)
        names = list(metric.inputs)
        names += [name for name, _ in metric.only_if if name not in names]
        return tuple(names)

    def rule_quantities(self, rule: RuleIR) -> tuple[str, ...]:
        """What a decision reports as not applicable for a rule when undefined: its
        metric, then any quantity its rows name that the metric does not cover."""
        names = [rule.metric] if rule.metric else []
        covered = set(self.needs(rule.metric)) if rule.metric else set()
        for table in rule.tables:
            for row in table.rows:
                for name in row.quantities:
                    if name not in names and name not in covered:
                        names.append(name)
                        covered.update(self.needs(name))
        return tuple(names)


# ---- issue 11, points from the catalogue

def points_text(points_range: tuple[int, int]) -> str:
    """A reason's stated points as written: `3`, `2 to 4`."""
    low, high = points_range
    return str(low) if low == high else f"{low} to {high}"


# ---- issue 11, evaluation cadence

@frozen
class CadenceIR:
    """When a rule is evaluated: "daily"; "weekly" on `day` (0 Monday .. 6 Sunday);
    "monthly" on `day` (1 .. 31; a month shorter than `day` on its last day)."""

    SINCE = 3
    period: str
    day: int | None

    def written(self) -> str:
        """As written after `evaluated`: `daily`, `weekly on monday`, `monthly on day 20`."""
        if self.period == "weekly":
            return f"weekly on {WEEKDAYS[self.day]}"
        if self.period == "monthly":
            return f"monthly on day {self.day}"
        return "daily"

    def evaluates_on(self, date) -> bool:
        if self.period == "weekly":
            return date.weekday() == self.day
        if self.period == "monthly":
            last = calendar.monthrange(date.year, date.month)[1]
            return date.day == min(self.day, last)
        return True
