"""What more of an input does to a seller: which inputs grow together, where each atom
of the meaning changes its truth as they grow, which inputs and formulas a rule's
headroom and recovery are about, and when an order volume limit is tighter (an outcome
is worse with more points, a warning where there was none, or a tighter limit).

The one statement of these, read by the Python headroom (`tspol.runtime.headroom`,
deciding at each point) and by the SQL backend (`tspol.compiler.sqlgen`, the same
points as a closed form in SQL).

A seller with `k` more units of an input has `k` more of it and of every total it is
part of (`chain`). Each atom of the meaning (`tspol.compiler.meaning`) is then a linear
inequality in k (`late_orders + k >= 5`, `(late_orders + k) * 10 >= 1 * (orders_7d + k)`),
so it changes its truth at most once: where its line crosses 0, at

    k = (constant + sum of coefficient * input) / slope          (a `Flip`)

an exact rational of the seller's values. Between two integers on either side of such
a point no atom changes, so neither does the outcome: the points worth deciding are 1,
and floor(root) and floor(root) + 1 of each root, those that are at least 1 and keep
every grown value in its range (`ceilings`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from fractions import Fraction

from tspol.compiler import ir
from tspol.compiler.meaning import Bound, Linear, Meaning, NonZero, Ratio, atoms
from tspol.dsl.domains import DOMAINS, MAGNITUDE
from tspol.records import frozen


@frozen
class Flip:
    """Where an atom changes as k grows: k = (constant + sum of coefficient * input) / slope."""

    constant: Fraction
    terms: tuple[tuple[str, int], ...]  # (input, coefficient)
    slope: int  # never 0

    def at(self, values) -> Fraction | None:
        """The root for a seller's exact values; None when an input of it is not given."""
        total = self.constant
        for name, coefficient in self.terms:
            if values[name] is None:
                return None
            total += coefficient * values[name]
        return total / self.slope


def flip(atom, grows: frozenset[str]) -> Flip | None:
    """Where an atom's inequality, as a line in k, crosses 0 when the inputs `grows` grow
    by k; None when it never changes (none of its inputs grows, or both alike)."""
    if isinstance(atom, (Bound, NonZero)):
        if atom.input not in grows:
            return None
        constant = Fraction(atom.value) if isinstance(atom, Bound) else Fraction(0)
        return Flip(constant, ((atom.input, -1),), 1)  # value + k op v: k op v - value
    if isinstance(atom, Ratio):  # (n + a k) * q op p * (d + b k): k (a q - b p) op p d - q n
        bound = Fraction(atom.value)
        p, q = bound.numerator, bound.denominator
        slope = int(atom.numerator in grows) * q - int(atom.denominator in grows) * p
        if not slope:
            return None
        return Flip(Fraction(0), ((atom.denominator, p), (atom.numerator, -q)), slope)
    if isinstance(atom, Linear):
        return _linear_flip(atom, grows)
    return None


def _linear_flip(atom: Linear, grows: frozenset[str]) -> Flip | None:
    """A sum of metrics over at most one denominator d (the checker's E323), times the least
    common multiple L of its fractions' denominators: sum(W n + W a k) op V (d + b k), where
    W = w L and V = v L, so k (sum(W a) - V b) op V d - sum(W n) (with no d: V - sum(W n))."""
    common = math.lcm(atom.value.denominator, *(weight.denominator for weight, _, _ in atom.terms))
    bound = int(atom.value * common)
    denominator = next((d for _, _, d in atom.terms if d is not None), None)
    slope = sum(int(weight * common) for weight, numerator, _ in atom.terms if numerator in grows)
    slope -= bound * int(denominator in grows) if denominator is not None else 0
    if not slope:
        return None
    terms = [(numerator, -int(weight * common)) for weight, numerator, _ in atom.terms]
    if denominator is None:
        return Flip(Fraction(bound), tuple(terms), slope)
    return Flip(Fraction(0), ((denominator, bound), *terms), slope)




def flips(formulas: Iterable, grows: frozenset[str]) -> tuple[Flip, ...]:
    """The flips of every atom of the formulas that changes as `grows` grow, each once, in order."""
    found: dict[Flip, None] = {}
    for formula in formulas:
        for atom in atoms(formula):
            point = flip(atom, grows)
            if point is not None:
                found.setdefault(point)
    return tuple(found)


def ceilings(program: ir.Program, grows: frozenset[str]) -> tuple[tuple[str, Fraction], ...]:
    """(input, c) for each limit on k: k <= c - input wherever the input is given, so that
    no grown value leaves the numeric range (less than 10**18) or its kind's highest value."""
    found = []
    for name in sorted(grows):
        found.append((name, Fraction(MAGNITUDE - 1)))
        highest = DOMAINS[program.input(name).kind].hi
        if highest is not None:
            found.append((name, Fraction(highest)))
    return tuple(found)


def chain(program: ir.Program, name: str) -> tuple[str, ...]:
    """The input and every total it is part of, nearest first: what grows with it."""
    found = []
    while name is not None:
        found.append(name)
        name = program.input(name).part_of
    return tuple(found)


# ---- headroom: more units of an input where more is worse

def headroom_inputs(program: ir.Program, rule: ir.RuleIR) -> tuple[str, ...]:
    """The inputs a rule's headroom is about, in the pack's order: those its quantities
    need where higher is worse (none for a rule without tables)."""
    if not rule.tables:
        return ()
    needs = {name for q in program.rule_quantities(rule) for name in program.needs(q)}
    return tuple(spec.name for spec in program.inputs if spec.worse == "higher" and spec.name in needs)


def rule_rows(rule: ir.RuleIR) -> tuple[tuple[ir.TableIR, int], ...]:
    """Each row of a rule as (table, position), in order."""
    return tuple((table, position) for table in rule.tables for position in range(len(table.rows)))


def headroom_formulas(meaning: Meaning, rule: ir.RuleIR) -> list:
    """The formulas whose atoms give a rule's headroom points: where each row matches."""
    return [meaning.matches(table, position) for table, position in rule_rows(rule)]


def tighter(limit: ir.LimitIR, other: ir.LimitIR) -> bool:
    """An order volume limit tighter than another: a lower share of the basis, or as
    low and longer."""
    return limit.percent < other.percent or (limit.percent == other.percent and limit.days > other.days)


# ---- recovery: more orders that meet the standard

def recovery_input(program: ir.Program, rule: ir.RuleIR) -> str | None:
    """The input that grows with each good order, for a rule on a rate where higher or
    lower is worse: the rate's total where higher is worse, its part (and so its total)
    where lower is worse; None for another rule."""
    metric = program.metric(rule.metric) if rule.metric else None
    if metric is None or metric.denominator is None or metric.worse not in ("higher", "lower"):
        return None
    return metric.denominator if metric.worse == "higher" else metric.numerator
