"""A quick search for a seller in a box of quantities, one that reads well.

Analysis and diff reason about boxes (one exact interval per quantity); a person
and `tspol eval` want a seller: `{"late_orders": 5, "orders_7d": 20}`. This
search tries the simple sellers first (small whole numbers, rates at their
bounds, parts within their wholes) and finds one for most boxes at once. It is
neither complete nor the judge: the oracle (`tspol.compiler.solver`) checks
every seller it offers against the meaning of the pack, and decides exactly,
with a solver, where this search finds nothing.

`Vocabulary` is what the quantities of a program are, independent of the rules:
their kind, unit, domain, direction and definition.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable, Mapping
from fractions import Fraction

import attrs

from tspol.compiler import ir
from tspol.dsl.domains import DOMAINS, combined_domain, ratio_interval
from tspol.dsl.intervals import Interval

NONNEGATIVE = Interval.at_least(Fraction(0))
POSITIVE = Interval(lo=Fraction(0), lo_closed=False)
UNIT = Interval(Fraction(0), True, Fraction(1), True)
SEARCH_LIMIT = 20_000  # numerators or denominators tried before a box is called impossible
BACKTRACK_LIMIT = 2_000  # choices tried across rates that share an input
STEP_LIMIT = 3_000  # steps of all the scans of one search: past it the search gives up (the oracle decides)


class _OutOfSteps(Exception):
    pass


_steps = [0]  # what the search in progress may still spend


def _step() -> None:
    """One step of a scan; a search that has spent STEP_LIMIT stops (deterministically,
    unlike a time limit, so the same pack always gets the same witness)."""
    _steps[0] -= 1
    if _steps[0] < 0:
        raise _OutOfSteps
FLOAT_DIGITS = 15  # significant digits of a decimal that a float holds and prints back exactly
DECIMAL_PLACES = 400  # past this, a decimal is finer than any float: no JSON number says it


@attrs.frozen
class Quantity:
    """An input, or a metric: `numerator / denominator` (a rate) or an alias of one input."""

    name: str
    kind: str  # count, number, rate, duration, money
    unit: str | None
    domain: Interval
    worse: str | None = None  # "higher", "lower" or None
    numerator: str | None = None  # metrics only
    denominator: str | None = None  # rates only
    only_if: ir.Box = ()
    standard: Interval | None = None
    standard_text: str = ""
    part_of: str | None = None  # inputs only
    combine: str | None = None  # a sum, max or min of metrics (issue 11): the oracle's alone

    @property
    def is_metric(self) -> bool:
        return self.numerator is not None

    @property
    def whole(self) -> bool:
        return self.kind == "count"


@attrs.frozen
class Vocabulary:
    quantities: Mapping[str, Quantity]

    @classmethod
    def of(cls, program: ir.Program) -> Vocabulary:
        quantities = {}
        for i in program.inputs:
            quantities[i.name] = Quantity(i.name, i.kind, i.unit, _input_domain(i), i.worse, part_of=i.part_of)
        for m in sorted(program.metrics, key=lambda m: m.combine is not None):  # a sum's terms first
            quantities[m.name] = _metric_quantity(m, quantities)
        return cls(quantities)

    def __getitem__(self, name: str) -> Quantity:
        return self.quantities[name]

    def __contains__(self, name: str) -> bool:
        return name in self.quantities

    def renamed(self, renames: Mapping[str, str]) -> Vocabulary:
        """The same quantities, some under other names (for diffing two versions)."""
        return Vocabulary({renames.get(n, n): attrs.evolve(q, name=renames.get(n, n))
                           for n, q in self.quantities.items()})

    def merged(self, other: Vocabulary) -> Vocabulary:
        """Both vocabularies; a part-of relation of either holds (a seller must suit both)."""
        quantities = dict(other.quantities)
        for name, q in self.quantities.items():
            theirs = quantities.get(name)
            if theirs is not None and not q.is_metric and theirs.part_of and not q.part_of:
                q = attrs.evolve(q, part_of=theirs.part_of)
            quantities[name] = q
        return Vocabulary(quantities)


def _input_domain(i: ir.InputIR) -> Interval:
    return DOMAINS[i.kind].interval


def _metric_quantity(m: ir.MetricIR, inputs: Mapping[str, Quantity]) -> Quantity:
    if m.combine is not None:
        domain = combined_domain(m.combine, [(t.weight, inputs[t.quantity].domain) for t in m.terms])
        return Quantity(m.name, m.kind, m.unit, domain, m.worse, numerator="", only_if=m.only_if,
                        standard=m.standard, standard_text=m.standard_text, combine=m.combine)
    if m.denominator is None:
        domain = inputs[m.numerator].domain
    else:
        domain = ratio_interval(inputs[m.numerator].part_of == m.denominator)
    return Quantity(m.name, m.kind, m.unit, domain, m.worse, numerator=m.numerator,
                    denominator=m.denominator, only_if=m.only_if, standard=m.standard,
                    standard_text=m.standard_text)


# ---- realising a box -------------------------------------------------------------

def seller_for(vocabulary: Vocabulary, box: Mapping[str, Interval], undefined: Iterable[str] = (),
               accept: Callable[[dict], bool] = lambda seller: True) -> dict | None:
    """A seller (input name -> JSON number) meant to have its quantities in `box` and no
    value for each quantity in `undefined`, which `accept` takes; None when the search
    finds none. The search is quick, not complete, and not the judge: the oracle
    (`tspol.compiler.solver`) passes `accept`, which checks a seller against the
    meaning of the pack, and decides exactly where this finds nothing."""
    undefined = tuple(sorted(set(undefined)))
    if any(vocabulary[name].combine is not None for name in (*box, *undefined)):
        return None  # a sum, max or min: the oracle's solver decides (issue 11)
    _steps[0] = STEP_LIMIT
    try:
        return _search(vocabulary, box, undefined, accept)
    except _OutOfSteps:
        return None


def _search(vocabulary, box, undefined, accept) -> dict | None:
    for choice in itertools.product(*(_ways_undefined(vocabulary[q]) for q in undefined)):
        _step()
        problem = _Problem(vocabulary)
        for name, interval in box.items():
            problem.require(name, interval)
        for name, way in zip(undefined, choice):
            problem.apply(name, way)
        values = problem.solve()
        if values is not None:
            seller = {name: _json_number(values[name]) for name in sorted(values)}
            if exact(seller) == values and accept(seller):  # every number reads back as the value solved for
                return seller
    return None


def _ways_undefined(q: Quantity) -> list[tuple]:
    """How a quantity can have no value: an input absent; a metric whose input is
    absent, whose denominator is 0, or whose `only if` does not hold."""
    if not q.is_metric:
        return [("absent", q.name)]
    ways = [("absent", q.numerator)]
    if q.denominator is not None:
        ways += [("absent", q.denominator), ("zero", q.denominator)]
    for name, interval in q.only_if:
        ways.append(("absent", name))
        for outside in interval.complement():
            ways.append(("within", name, outside))
    return ways


class _Problem:
    """Inputs that must be given (each within an interval), inputs that must be
    absent, and rates `numerator / denominator` that must lie in an interval."""

    def __init__(self, vocabulary: Vocabulary):
        self.vocabulary = vocabulary
        self.need: dict[str, Interval] = {}
        self.absent: set[str] = set()
        self.rates: list[tuple[str, str, Interval]] = []

    def within(self, name: str, interval: Interval) -> None:
        q = self.vocabulary[name]
        current = self.need.get(name, q.domain).intersect(interval)
        self.need[name] = current.whole() if q.whole else current

    def require(self, name: str, interval: Interval) -> None:
        q = self.vocabulary[name]
        if not q.is_metric:
            self.within(name, interval)
            return
        for input_name, condition in q.only_if:
            self.within(input_name, condition)
        if q.denominator is None:
            self.within(q.numerator, interval)
            return
        self.within(q.numerator, NONNEGATIVE)
        self.within(q.denominator, POSITIVE)
        self.rates.append((q.numerator, q.denominator, interval.intersect(q.domain)))

    def apply(self, name: str, way: tuple) -> None:
        if way[0] == "absent":
            self.absent.add(way[1])
        elif way[0] == "zero":
            self.within(way[1], Interval.point(Fraction(0)))
        else:
            self.within(way[1], way[2])

    def solve(self) -> dict[str, Fraction] | None:
        if self.absent & set(self.need):
            return None
        if any(_empty(self.need[n], self.vocabulary[n].whole) for n in self.need):
            return None
        fixed = _solve_groups(self.need, list(_by_denominator(self.rates).items()), {}, [BACKTRACK_LIMIT])
        if fixed is None:
            return None
        for name in _parts_first(self.vocabulary, self.need):
            if name not in fixed:
                interval = self.need[name]
                q = self.vocabulary[name]
                if q.part_of in fixed:
                    interval = interval.intersect(Interval(hi=fixed[q.part_of], hi_closed=True))
                for part in self._parts_of(name):
                    if part in fixed:
                        interval = interval.intersect(Interval.at_least(fixed[part]))
                value = _simple_value(interval, q.whole)
                if value is None:
                    return None
                fixed[name] = value
        return fixed

    def _parts_of(self, whole: str) -> list[str]:
        return [n for n in self.need if self.vocabulary[n].part_of == whole]


def _parts_first(vocabulary: Vocabulary, names: Iterable[str]) -> list[str]:
    def depth(name: str) -> int:
        d, seen = 0, {name}
        while (whole := vocabulary[name].part_of) is not None and whole not in seen:
            d, name = d + 1, whole
            seen.add(whole)
        return d

    return sorted(names, key=lambda n: (-depth(n), n))


def _by_denominator(rates):
    groups: dict[str, list[tuple[str, Interval]]] = {}
    for numerator, denominator, interval in rates:
        groups.setdefault(denominator, []).append((numerator, interval))
    return dict(sorted(groups.items()))


def _empty(interval: Interval, whole: bool) -> bool:
    return (interval.whole() if whole else interval).is_empty()


def _solve_groups(need, groups, fixed, budget) -> dict[str, Fraction] | None:
    """Rates grouped by denominator, one group after the other; when a group shares
    an input with the groups before it, try their next choices (within a budget)."""
    if not groups:
        return dict(fixed)
    (denominator, rates), rest = groups[0], groups[1:]
    names = {denominator, *(n for n, _ in rates)}
    narrowed = {n: need[n].intersect(Interval.point(fixed[n])) if n in fixed else need[n] for n in names}
    for found in _rate_choices(narrowed, denominator, rates):
        budget[0] -= 1
        if budget[0] < 0:
            return None
        result = _solve_groups(need, rest, {**fixed, **found}, budget)
        if result is not None:
            return result
        later = {n for d, r in rest for n in (d, *(m for m, _ in r))}
        if not (later & set(found)):
            return None  # the later groups fail whatever this one chooses
    return None


def _rate_choices(need, denominator, rates):
    merged: dict[str, Interval] = {}
    for numerator, rate in rates:  # one numerator over one denominator: one rate, in both intervals
        merged[numerator] = merged[numerator].intersect(rate) if numerator in merged else rate
    if any(rate.is_empty() for rate in merged.values()):
        return
    rates = list(merged.items())
    numerators = set(merged)
    if len(rates) == 1 and denominator not in numerators:
        (numerator, rate), = rates
        for n, d in _one_rate(need[numerator], need[denominator], rate):
            yield {numerator: n, denominator: d}
    else:
        yield from _shared_denominator(need, denominator, rates)


def _one_rate(counts: Interval, totals: Interval, rate: Interval):
    """Numerators n with a denominator d so that n/d lies in `rate`, smallest n
    first; for each n its largest denominator (the rate nearest the lower bound)
    first, then its smallest."""
    counts, totals = counts.whole(), totals.whole()
    if rate.is_empty() or counts.is_empty() or totals.is_empty():
        return
    if rate.contains(Fraction(0)) and counts.contains(Fraction(0)):
        yield Fraction(0), totals.lo
    if rate.hi is not None and rate.hi == 0:
        return
    if rate.lo and rate.lo_closed:  # the lower bound itself, p/q as k*p of k*q, reads best
        p, q = rate.lo.numerator, rate.lo.denominator
        k = max(math.ceil(counts.lo / p), math.ceil(totals.lo / q), 1)
        if (counts.hi is None or k * p <= counts.hi) and (totals.hi is None or k * q <= totals.hi):
            yield Fraction(k * p), Fraction(k * q)
    first = max(counts.lo, Fraction(1))
    last = counts.hi
    if totals.hi is not None and rate.hi is not None:
        cap = math.floor(totals.hi * rate.hi)
        last = cap if last is None else min(last, cap)
    step = 1
    if rate.lo is not None and rate.lo == rate.hi:  # a single rate p/q: n is a multiple of p
        step = rate.lo.numerator
        first = math.ceil(first / step) * step
    n = Fraction(first)
    for _ in range(SEARCH_LIMIT):
        _step()
        if last is not None and n > last:
            return
        d_range = Interval(
            lo=n / rate.hi if rate.hi is not None else None, lo_closed=rate.hi_closed,
            hi=n / rate.lo if rate.lo else None, hi_closed=rate.lo_closed,
        ).intersect(totals).whole()
        if not d_range.is_empty():
            yield n, d_range.hi if d_range.hi is not None else d_range.lo
            if d_range.hi is not None and d_range.hi != d_range.lo:
                yield n, d_range.lo
        n += step


def _shared_denominator(need, denominator, rates):
    """Several rates over one denominator: denominators in order."""
    totals = need[denominator].whole()
    if totals.is_empty():
        return
    d = totals.lo
    for _ in range(min(SEARCH_LIMIT, _enough_denominators(need, rates, d))):
        _step()
        if totals.hi is not None and d > totals.hi:
            return
        spans = {denominator: Interval.point(d)}
        for numerator, rate in rates:  # a numerator over one denominator in several rates
            span = spans.get(numerator, need[numerator]).intersect(_scaled(rate, d))
            spans[numerator] = span
        ok = all(not span.whole().is_empty() for span in spans.values())
        chosen = {name: span.whole().lo for name, span in spans.items()}
        if ok:
            yield chosen
        d += 1


def _enough_denominators(need, rates, first: Fraction) -> int:
    """How many denominators to try from `first`: past the point where every rate's
    interval (of width w) holds a whole numerator for any denominator over 2/w."""
    reach = first
    for numerator, rate in rates:
        counts = need[numerator].whole()
        if rate.hi:
            reach = max(reach, math.ceil((counts.lo or 0) / rate.hi))
    widest = 0
    for _, rate in rates:
        if rate.hi is None or rate.lo is None or rate.hi > rate.lo:
            width = (rate.hi if rate.hi is not None else (rate.lo or 0) + 1) - (rate.lo or 0)
            widest = max(widest, math.ceil(2 / width))
        else:
            widest = max(widest, 50 * rate.lo.denominator)
    return int(reach - first) + widest + 10


def _scaled(rate: Interval, factor: Fraction) -> Interval:
    return Interval(None if rate.lo is None else rate.lo * factor, rate.lo_closed,
                    None if rate.hi is None else rate.hi * factor, rate.hi_closed)


def _simple_value(interval: Interval, whole: bool) -> Fraction | None:
    """The smallest whole number in the interval, else the shortest decimal in it; None
    when that decimal has more than FLOAT_DIGITS significant digits (no JSON number
    that every reader reads as that very value says it) or when there is none."""
    w = interval.whole()
    if not w.is_empty():
        return w.lo if w.lo is not None else (w.hi if w.hi is not None and w.hi < 0 else Fraction(0))
    if whole or interval.is_empty():
        return None
    # No whole number inside: the interval lies between two, 0 <= lo < hi <= lo + 1.
    for places in range(1, DECIMAL_PLACES):
        if interval.lo and places + _magnitude(interval.lo) >= FLOAT_DIGITS:
            return None  # every decimal inside with this many places has too many digits
        scale = 10**places
        scaled = _scaled(interval, Fraction(scale)).whole()
        if not scaled.is_empty():
            value = scaled.lo / scale
            return value if _float_exact(value) else None
    return None


def _magnitude(value: Fraction) -> int:
    """floor(log10(value)) of a positive value: 0 for 5, -1 for 0.5, 2 for 100."""
    guess = len(str(value.numerator)) - len(str(value.denominator))
    return guess if Fraction(10) ** guess <= value else guess - 1


def _float_exact(value: Fraction) -> bool:
    """Whether the float nearest `value` prints as `value` itself."""
    try:
        return Fraction(repr(float(value))) == value
    except OverflowError:
        return False


def _json_number(value: Fraction) -> int | float:
    """A whole number as an int; a decimal of at most FLOAT_DIGITS significant digits
    (what `_simple_value` chooses) as the float that JSON writes as that decimal, digit
    for digit, and that `tspol eval` and `exact` read back as the same value."""
    if value.denominator == 1:
        return int(value)
    return float(value)


def exact(values: Mapping[str, int | float]) -> dict[str, Fraction]:
    """A seller's JSON numbers as exact values (witness floats are short decimals)."""
    return {name: Fraction(str(v)) if isinstance(v, float) else Fraction(v) for name, v in values.items()}
