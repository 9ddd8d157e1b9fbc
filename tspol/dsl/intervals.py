"""Exact intervals over rationals: what a comparison chain says about one quantity.

`10% <= LDR < 25%` is the interval [1/10, 1/4); `late_orders > 5` over whole
numbers is [6, +inf). The checker uses them for empty ranges; the IR builds
its boxes from them.
"""

from __future__ import annotations

import math
from fractions import Fraction

import attrs

FLIP = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "=="}


@attrs.frozen
class Interval:
    """`lo`/`hi` of None are unbounded; `*_closed` says whether the end is included."""

    lo: Fraction | None = None
    lo_closed: bool = False
    hi: Fraction | None = None
    hi_closed: bool = False

    @classmethod
    def everything(cls) -> Interval:
        return cls()

    @classmethod
    def at_least(cls, value: Fraction) -> Interval:
        return cls(lo=Fraction(value), lo_closed=True)

    @classmethod
    def point(cls, value: Fraction) -> Interval:
        return cls(Fraction(value), True, Fraction(value), True)

    @classmethod
    def compare(cls, op: str, value: Fraction) -> Interval:
        """The values x with `x op value`."""
        value = Fraction(value)
        return {
            "<": cls(hi=value, hi_closed=False),
            "<=": cls(hi=value, hi_closed=True),
            ">": cls(lo=value, lo_closed=False),
            ">=": cls(lo=value, lo_closed=True),
            "==": cls.point(value),
        }[op]

    def intersect(self, other: Interval) -> Interval:
        lo, lo_closed = self.lo, self.lo_closed
        if other.lo is not None and (lo is None or other.lo > lo or (other.lo == lo and not other.lo_closed)):
            lo, lo_closed = other.lo, other.lo_closed
        hi, hi_closed = self.hi, self.hi_closed
        if other.hi is not None and (hi is None or other.hi < hi or (other.hi == hi and not other.hi_closed)):
            hi, hi_closed = other.hi, other.hi_closed
        return Interval(lo, lo_closed, hi, hi_closed)

    def complement(self) -> list[Interval]:
        """The values outside this interval: one interval for each end it has."""
        parts = []
        if self.lo is not None:
            parts.append(Interval(hi=self.lo, hi_closed=not self.lo_closed))
        if self.hi is not None:
            parts.append(Interval(lo=self.hi, lo_closed=not self.hi_closed))
        return parts

    def is_empty(self) -> bool:
        if self.lo is None or self.hi is None:
            return False
        return self.lo > self.hi or (self.lo == self.hi and not (self.lo_closed and self.hi_closed))

    def whole(self) -> Interval:
        """The same set of whole numbers, with closed integer ends."""
        lo = hi = None
        if self.lo is not None:
            lo = Fraction(math.ceil(self.lo) if self.lo_closed else math.floor(self.lo) + 1)
        if self.hi is not None:
            hi = Fraction(math.floor(self.hi) if self.hi_closed else math.ceil(self.hi) - 1)
        return Interval(lo, lo is not None, hi, hi is not None)

    def contains(self, value: Fraction) -> bool:
        if self.lo is not None and (value < self.lo or (value == self.lo and not self.lo_closed)):
            return False
        if self.hi is not None and (value > self.hi or (value == self.hi and not self.hi_closed)):
            return False
        return True

    def is_everything(self) -> bool:
        return self.lo is None and self.hi is None
