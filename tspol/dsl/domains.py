"""What a value may be: the one statement of it that every stage reads.

- a `count` is a whole number, 0 or more;
- a `number` or a `duration` is a decimal, 0 or more;
- `money` is a decimal, negative too (a balance, a refund owed);
- a `rate` given as an input is a decimal from 0 to 1 (0.04 is 4%);
- every value keeps to the numeric contract: less than 10**18 in size (at most
  18 digits before the decimal point) and at most 30 decimal places.

A metric's domain follows from its definition: an alias of one input has that
input's domain; a ratio of two counts is a rate of 0 or more, and at most 1
when its numerator is declared part of its denominator (a part of a part may
exceed the total when the part between them is not given, so only the direct
relation bounds the ratio).

The checker reads this for ranges no value can meet (E400), the metric readers
and the generated modules for what they accept (E604, E605, E608), the witness
search and the analysis for which sellers exist.
"""

from __future__ import annotations

from fractions import Fraction

import attrs

from tspol.dsl.intervals import Interval

DIGITS = 18  # a value must be less than 10**DIGITS in size
MAGNITUDE = 10**DIGITS
PLACES = 30  # and has at most PLACES decimal places

# The codes of a value outside its domain (tspol.codes): negative where it may not be, or out of range.
from tspol.codes import NEGATIVE, VALUE_NOT_WHOLE as NOT_WHOLE, OUT_OF_RANGE


@attrs.frozen
class Domain:
    """The values of one kind, and what a reader says of a value outside them."""

    kind: str
    whole: bool
    lo: Fraction | None  # the lowest value, included; None: no lower bound but the contract's
    hi: Fraction | None  # the highest value, included
    expected: str  # what a value of this kind is, for a value that is no number at all
    below: tuple[str, str] | None = None  # (code, message) for a value below `lo`
    above: tuple[str, str] | None = None  # (code, message) for a value above `hi`

    @property
    def interval(self) -> Interval:
        return Interval(self.lo, self.lo is not None, self.hi, self.hi is not None)

    def contains(self, value: Fraction) -> bool:
        """Whether an exact value is one of this kind (within the numeric contract too)."""
        if not -MAGNITUDE < value < MAGNITUDE or not self.interval.contains(value):
            return False
        if self.whole:
            return Fraction(value).denominator == 1
        return within_places(Fraction(value))


def within_places(value: Fraction) -> bool:
    """Whether a value has at most PLACES decimal places."""
    return (10**PLACES) % value.denominator == 0


_RATE = (OUT_OF_RANGE, "a rate is a number from 0 to 1 (0.04 is 4%)")
DOMAINS = {
    "count": Domain("count", True, Fraction(0), None, "a count (a whole number, 0 or more)",
                    below=(NEGATIVE, "a count cannot be negative")),
    "number": Domain("number", False, Fraction(0), None, "a number (0 or more)",
                     below=(NEGATIVE, "this cannot be negative")),
    "duration": Domain("duration", False, Fraction(0), None, "a number (0 or more)",
                       below=(NEGATIVE, "this cannot be negative")),
    "money": Domain("money", False, None, None, "an amount of money (a number)"),
    "rate": Domain("rate", False, Fraction(0), Fraction(1), "a rate (a number from 0 to 1)", below=_RATE,
                   above=_RATE),
}
NOT_WHOLE_TEXT = "a count is a whole number"

RATIO = Interval.at_least(Fraction(0))  # a ratio of two counts
PART_RATIO = Interval(Fraction(0), True, Fraction(1), True)  # a part over its whole


def ratio_interval(part_of_denominator: bool) -> Interval:
    """The values a ratio of two counts can take."""
    return PART_RATIO if part_of_denominator else RATIO


# ---- arithmetic on metrics (issue 11)

def combined_domain(operation: str, domains: list[tuple[Fraction, Interval]]) -> Interval:
    """The values a sum (weights above 0) or a max/min of quantities can take, given theirs:
    a sum's ends are the weighted sums of the ends; a max or min lies in their hull."""
    if operation == "sum":
        lo, hi = _end_sum([(w, d.lo) for w, d in domains]), _end_sum([(w, d.hi) for w, d in domains])
    else:
        lows, highs = [d.lo for _, d in domains], [d.hi for _, d in domains]
        lo = None if None in lows else min(lows)
        hi = None if None in highs else max(highs)
    return Interval(lo, lo is not None and all(d.lo_closed for _, d in domains),
                    hi, hi is not None and all(d.hi_closed for _, d in domains))


def _end_sum(ends: list[tuple[Fraction, Fraction | None]]) -> Fraction | None:
    if any(end is None for _, end in ends):
        return None
    return sum((weight * end for weight, end in ends), Fraction(0))
