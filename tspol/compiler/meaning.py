"""What a pack means, as formulas over a seller's inputs: the one statement of it.

Every engine reads the meaning from here: the interpreter evaluates these
formulas (`holds`), the Python generator prints them, the analysis hands them
to a solver, and so will the SQL backends. None of them restates when a
quantity has a value or when a row matches.

A seller is a value (an exact int or Fraction) or None for each input. The
formulas are built from four atoms, each about given inputs only:

- `Given(x)`: input `x` is given;
- `NonZero(x)`: `x` is given and not 0;
- `Bound(x, op, v)`: `x` is given and `x op v` (`late_orders >= 5`);
- `Ratio(n, d, op, v)`: `n` and `d` are given and `n * v.denominator op
  v.numerator * d`, which is `n / d op v` wherever `d` is above 0 (a ratio
  is only ever compared where its denominator is known not to be 0);

and, for a metric that is a sum (issue 11),

- `Linear(terms, op, v)`: every input of the terms is given, every denominator
  is not 0, and `sum(weight * numerator / denominator) op v`, exactly (a term
  without a denominator is `weight * numerator`);

joined by `And`, `Or` and `Not`. What a quantity is:

- an input has a value when it is given, within its domain (`tspol.dsl.domains`);
- a metric `n / d` has a value when `n` and `d` are given, its `only if`
  holds, and `d` is not 0 (D4); the value is `n / d`, exactly;
- a metric that is an alias of an input has that input's value, when its
  `only if` holds;
- a sum of metrics (`a + b`, `2 * ODR + 3 * LDR`) has a value when every term
  has one (each input given, each denominator not 0: D4) and its own `only if`
  holds; the value is the weighted sum, exactly. A comparison of it is one
  `Linear` atom;
- `max(a, b, ...)` and `min(...)` have a value when every argument has one;
  `max(a, b) >= v` is `a >= v or b >= v`, `max(a, b) < v` is `a < v and b < v`
  (and `min` the other way round), so they need no atom of their own;
- a row's condition is a union of boxes, its disjunctive normal form as the
  lowering writes it (`tspol.dsl.pack.condition_boxes`): `or` joins the boxes
  of its alternatives, `and` intersects them, and `not` is pushed down to the
  comparisons, where it is the complement among the values the quantity has.
  So `not (x >= 5)` is `x < 5`, and holds only where `x` has a value, like
  every comparison: `not` never makes a row fire for a seller whose quantity
  has no value (`LDR >= 10% or not (LDR >= 10%)` is "LDR has a value");
- a box holds when every quantity it names has a value inside the box's
  interval for it, and a row's condition holds when one of its boxes does;
- a row matches when its condition holds; an `otherwise` row, whose one box is
  the rule's metric with any value, matches where that holds and no other row
  of its table matches;
- an exclusive or `first` table fires its first matching row (D5), an `all`
  table every matching row;
- a row that fired is explained by the first of its boxes that holds (its
  `because` text names that box's quantities and bounds).
"""

from __future__ import annotations

import operator
from collections.abc import Iterable, Mapping
from fractions import Fraction

from tspol.compiler import ir
from tspol.compiler.portable import _weighted
from tspol.dsl.domains import DOMAINS, combined_domain, ratio_interval
from tspol.dsl.intervals import Interval
from tspol.records import frozen

OPS = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge, "==": operator.eq}
ABSENT, ONLY_IF, ZERO = "absent", "only_if", "zero_denominator"


# ---- formulas -----------------------------------------------------------------------

@frozen
class Given:
    input: str


@frozen
class NonZero:
    input: str


@frozen
class Bound:
    input: str
    op: str
    value: Fraction


@frozen
class Ratio:
    numerator: str
    denominator: str
    op: str
    value: Fraction


@frozen
class Linear:
    """A sum of metrics compared with a bound (issue 11): `terms` are (weight, numerator,
    denominator or None), over inputs."""

    terms: tuple[tuple[Fraction, str, str | None], ...]
    op: str
    value: Fraction

    @property
    def inputs(self) -> tuple[str, ...]:
        names: list[str] = []
        for _, numerator, denominator in self.terms:
            names += [n for n in (numerator, denominator) if n is not None and n not in names]
        return tuple(names)


@frozen
class And:
    items: tuple


@frozen
class Or:
    items: tuple


@frozen
class Not:
    item: object


Atom = Given | NonZero | Bound | Ratio | Linear
TRUE = And(())
FALSE = Or(())


def conj(*items) -> object:
    """The conjunction of formulas, flattened, each atom once, in order."""
    out: list = []
    for item in items:
        for part in (item.items if isinstance(item, And) else (item,)):
            if part == FALSE:
                return FALSE
            if part not in out:
                out.append(part)
    return out[0] if len(out) == 1 else And(tuple(out))


def disj(*items) -> object:
    out: list = []
    for item in items:
        for part in (item.items if isinstance(item, Or) else (item,)):
            if part == TRUE:
                return TRUE
            if part not in out:
                out.append(part)
    return out[0] if len(out) == 1 else Or(tuple(out))


def neg(item) -> object:
    if item == TRUE:
        return FALSE
    if item == FALSE:
        return TRUE
    return item.item if isinstance(item, Not) else Not(item)


def atoms(formula) -> Iterable:
    """Every atom of a formula, in order."""
    if isinstance(formula, (And, Or)):
        for item in formula.items:
            yield from atoms(item)
    elif isinstance(formula, Not):
        yield from atoms(formula.item)
    else:
        yield formula


def inputs_of(formula) -> set[str]:
    names = set()
    for atom in atoms(formula):
        if isinstance(atom, Linear):
            names.update(atom.inputs)
        else:
            names.update((atom.numerator, atom.denominator) if isinstance(atom, Ratio) else (atom.input,))
    return names


Values = Mapping[str, "int | Fraction | None"]


def holds(formula, values: Values) -> bool:
    """Whether a seller meets a formula; `values` maps every input to its exact value or None."""
    kind = type(formula)
    if kind is And:
        return all(holds(item, values) for item in formula.items)
    if kind is Or:
        return any(holds(item, values) for item in formula.items)
    if kind is Not:
        return not holds(formula.item, values)
    if kind is Given:
        return values[formula.input] is not None
    if kind is NonZero:
        value = values[formula.input]
        return value is not None and value != 0
    if kind is Bound:
        value = values[formula.input]
        return value is not None and OPS[formula.op](value, formula.value)
    if kind is Linear:
        return _linear_holds(formula, values)
    numerator, denominator = values[formula.numerator], values[formula.denominator]
    if numerator is None or denominator is None:
        return False
    bound = formula.value
    return OPS[formula.op](numerator * bound.denominator, bound.numerator * denominator)


def _linear_holds(formula: Linear, values: Values) -> bool:
    terms = []
    for weight, numerator, denominator in formula.terms:
        value = values[numerator]
        below = None if denominator is None else values[denominator]
        if value is None or (denominator is not None and not below):
            return False
        terms.append((weight, value, below))
    return OPS[formula.op](_weighted(terms), formula.value)


# ---- the meaning of a program -------------------------------------------------------

class Meaning:
    """The formulas of one program's quantities, rows and tables."""

    def __init__(self, program: ir.Program):
        self.program = program
        self.inputs = {i.name: i for i in program.inputs}
        self.metrics = {m.name: m for m in program.metrics}
        self._fires: dict[tuple[int, int], tuple[ir.TableIR, object]] = {}

    # -- quantities
    def is_rate(self, quantity: str) -> bool:
        metric = self.metrics.get(quantity)
        return metric is not None and metric.denominator is not None

    def source(self, quantity: str) -> str:
        """The input holding a quantity's value (a rate has two: its numerator is named)."""
        metric = self.metrics.get(quantity)
        return metric.numerator if metric is not None else quantity

    def kind(self, quantity: str) -> str:
        metric = self.metrics.get(quantity)
        return metric.kind if metric is not None else self.inputs[quantity].kind

    def domain(self, quantity: str) -> Interval:
        """The values a quantity can take, when it has one."""
        metric = self.metrics.get(quantity)
        if metric is None:
            return DOMAINS[self.inputs[quantity].kind].interval
        if metric.combine is not None:
            return combined_domain(metric.combine, [(t.weight, self.domain(t.quantity)) for t in metric.terms])
        if metric.denominator is None:
            return self.domain(metric.numerator)
        return ratio_interval(self.inputs[metric.numerator].part_of == metric.denominator)

    def needs(self, quantity: str) -> tuple[str, ...]:
        return self.program.needs(quantity)

    def only_if(self, quantity: str):
        metric = self.metrics.get(quantity)
        if metric is None:
            return TRUE
        return conj(*(self.inside(name, interval) for name, interval in metric.only_if))

    def undefined_causes(self, quantity: str) -> tuple[tuple[str, object], ...]:
        """Why a quantity may have no value, in the order a decision says it: each cause
        with the formula of its happening (given that no cause before it happens)."""
        causes = [(ABSENT, disj(*(neg(Given(name)) for name in self.needs(quantity))))]
        metric = self.metrics.get(quantity)
        if metric is not None:
            if metric.only_if:
                causes.append((ONLY_IF, neg(self.only_if(quantity))))
            bounds = dict(metric.only_if)
            zeros = [name for name in metric.denominators if bounds.get(name, Interval()).contains(0)]
            if zeros:
                causes.append((ZERO, disj(*(neg(NonZero(name)) for name in zeros))))
        return tuple(causes)

    def defined(self, quantity: str):
        """The formula of a quantity having a value."""
        parts = [Given(name) for name in self.needs(quantity)]
        metric = self.metrics.get(quantity)
        if metric is not None:
            parts.append(self.only_if(quantity))
            parts += [NonZero(name) for name in metric.denominators]
        return conj(*parts)

    def inside(self, quantity: str, interval: Interval):
        """The atoms that put a quantity with a value inside an interval."""
        parts = []
        if interval.lo is not None:
            parts.append(self.compare(quantity, ">=" if interval.lo_closed else ">", interval.lo))
        if interval.hi is not None:
            parts.append(self.compare(quantity, "<=" if interval.hi_closed else "<", interval.hi))
        return conj(*parts)

    def compare(self, quantity: str, op: str, value: Fraction):
        metric = self.metrics.get(quantity)
        if metric is not None and metric.combine is not None:
            return self.compare_combined(metric, op, Fraction(value))
        if metric is not None and metric.denominator is not None:
            return Ratio(metric.numerator, metric.denominator, op, Fraction(value))
        return Bound(self.source(quantity), op, Fraction(value))

    def compare_combined(self, metric: ir.MetricIR, op: str, value: Fraction):
        """A sum compared is one `Linear` atom; `max(a, b) > v` is `a > v or b > v`, `max(a, b) < v`
        is `a < v and b < v`, and `min` the other way round (every argument has a value)."""
        if metric.combine == "sum":
            return Linear(tuple((t.weight, t.numerator, t.denominator) for t in metric.terms), op, value)
        if op == "==":
            return conj(self.compare_combined(metric, "<=", value), self.compare_combined(metric, ">=", value))
        each = [self.compare(t.quantity, op, value) for t in metric.terms]
        upward = op in (">", ">=")
        return disj(*each) if upward == (metric.combine == "max") else conj(*each)

    def within(self, quantity: str, interval: Interval):
        """A quantity has a value, inside the interval."""
        return conj(self.defined(quantity), self.inside(quantity, interval))

    def value(self, quantity: str, values: Values) -> Fraction | int | None:
        """A quantity's exact value for a seller, or None when it has none."""
        if not holds(self.defined(quantity), values):
            return None
        metric = self.metrics.get(quantity)
        if metric is not None and metric.combine == "sum":
            return _weighted([(t.weight, values[t.numerator], t.denominator and values[t.denominator])
                              for t in metric.terms])
        if metric is not None and metric.combine is not None:
            pick = max if metric.combine == "max" else min
            return pick(self.value(t.quantity, values) for t in metric.terms)
        if metric is not None and metric.denominator is not None:
            return Fraction(values[metric.numerator], values[metric.denominator])
        return values[self.source(quantity)]

    def cause(self, quantity: str, values: Values) -> str | None:
        """Why a quantity has no value for a seller (the first cause that holds), or None."""
        for cause, formula in self.undefined_causes(quantity):
            if holds(formula, values):
                return cause
        return None

    # -- rows and tables
    def box(self, box: ir.Box):
        """A box: every quantity it names has a value inside its interval."""
        return conj(*(self.within(name, interval) for name, interval in box))

    def row(self, row: ir.RowIR):
        """A row's condition: one of its boxes holds (an `otherwise` row's: the rule's
        metric has a value). Where the row matches is `matches`."""
        return disj(*(self.box(box) for box in row.boxes))

    def matches(self, table: ir.TableIR, position: int):
        """The row at `position` (0-based) matches: its condition holds, and for an
        `otherwise` row, no other row's of its table does."""
        row = table.rows[position]
        if not row.otherwise:
            return self.row(row)
        return conj(self.row(row), *(neg(self.row(other)) for other in table.rows if other is not row))

    def fires(self, table: ir.TableIR, position: int):
        """The row at `position` (0-based) fires: it matches and, in an exclusive or
        `first` table, no row before it does. (Built once per table and row.)"""
        found = self._fires.get((id(table), position))
        if found is None or found[0] is not table:
            mine = self.matches(table, position)
            if table.first_match:
                mine = conj(mine, *(neg(self.matches(table, before)) for before in range(position)))
            found = self._fires[(id(table), position)] = (table, mine)
        return found[1]

    def explained_by(self, row: ir.RowIR, values: Values) -> int:
        """Which box explains a row that fired for a seller: the first of its boxes that holds."""
        return next(k for k, box in enumerate(row.boxes) if holds(self.box(box), values))

    def outside_standard(self, metric: ir.MetricIR):
        """The metric has a value and it is outside its standard (a finding)."""
        if metric.standard is None:
            return FALSE
        return conj(self.defined(metric.name), neg(self.inside(metric.name, metric.standard)))

    # -- which sellers exist
    def valid(self, names: Iterable[str] | None = None):
        """The inputs (all, or `names` and the totals they are part of) within their
        domains, and every part at most its total, wherever given."""
        names = list(self.inputs if names is None else names)
        for name in list(names):
            whole = self.inputs[name].part_of
            while whole is not None and whole not in names:
                names.append(whole)
                whole = self.inputs[whole].part_of
        parts = []
        for name in names:
            spec = self.inputs[name]
            bounds = self.inside(name, DOMAINS[spec.kind].interval)
            if bounds != TRUE:
                parts.append(disj(neg(Given(name)), bounds))
            if spec.part_of is not None:
                parts.append(disj(neg(Given(name)), neg(Given(spec.part_of)),
                                  Ratio(name, spec.part_of, "<=", Fraction(1))))
        return conj(*parts)
