"""Areas of sellers, quantity by quantity: exact sets the analysis computes with.

A `Box` names some quantities; each named quantity either has a value inside
an interval or has no value at all (`NONE`: an input not given, a metric that
cannot be evaluated). A quantity a box does not name is free: any value, or
none. A row's condition is a box; so is what two rows share, and what is left
of a box when others are taken out is a list of disjoint boxes (`Space.subtract`).

Boxes live in quantity space, where every quantity is a coordinate of its own;
whether a seller lies in a box (a rate is a ratio of two counts, a part is at
most its whole) is the oracle's question (`tspol.compiler.solver`), asked with
the box's formula from `tspol.compiler.meaning`.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable, Mapping, Sequence

from tspol.compiler import ir
from tspol.compiler.meaning import Meaning, conj, neg
from tspol.compiler.solver import Oracle
from tspol.compiler.witness import Quantity
from tspol.dsl.intervals import Interval
from tspol.records import frozen

NONE = "none"  # the quantity has no value
Part = Interval | str
Cut = tuple  # (value, side): side 0 is just before the value, 1 just after it
END = (math.inf, 0)


@frozen
class Box:
    parts: tuple[tuple[str, Part], ...]  # sorted by quantity name

    def get(self, name: str) -> Part | None:
        """The part for a quantity: an interval, NONE, or None when the box leaves it free."""
        for quantity, part in self.parts:
            if quantity == name:
                return part
        return None

    def names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.parts)

    def without(self, name: str) -> Box:
        return Box(tuple(p for p in self.parts if p[0] != name))

    def with_part(self, name: str, part: Part | None) -> Box:
        parts = dict(self.parts)
        if part is None:
            parts.pop(name, None)
        else:
            parts[name] = part
        return Box(tuple(sorted(parts.items())))

    def intervals(self) -> dict[str, Interval]:
        return {name: part for name, part in self.parts if part != NONE}

    def nones(self) -> tuple[str, ...]:
        return tuple(name for name, part in self.parts if part == NONE)


EVERYONE = Box(())


class Space:
    """The quantities of one program, with their domains: boxes over them, exactly."""

    def __init__(self, meaning: Meaning, oracle: Oracle):
        self.meaning = meaning
        self.oracle = oracle
        self._whole = {}

    def whole(self, name: str) -> bool:
        if name not in self._whole:
            self._whole[name] = self.meaning.kind(name) == "count"
        return self._whole[name]

    def norm(self, name: str, interval: Interval) -> Interval | None:
        """The interval within the quantity's domain (whole numbers for a count), or None when empty."""
        interval = interval.intersect(self.meaning.domain(name))
        if self.whole(name):
            interval = interval.whole()
        return None if interval.is_empty() else interval

    def everything(self, name: str) -> Interval:
        """Every value the quantity can have."""
        return self.norm(name, Interval.everything())

    def box(self, box: ir.Box | Mapping[str, Interval]) -> Box | None:
        """An IR box (each quantity has a value in its interval), or None when it is empty."""
        parts: dict[str, Part] = {}
        for name, interval in (box.items() if isinstance(box, Mapping) else box):
            current = parts.get(name, Interval.everything())
            normal = self.norm(name, current.intersect(interval))
            if normal is None:
                return None
            parts[name] = normal
        return Box(tuple(sorted(parts.items())))

    # -- set operations
    def meet(self, a: Part | None, b: Part | None) -> Part | None | bool:
        """What two parts of one quantity share: a part, None (free), or False (nothing)."""
        if a is None:
            return b
        if b is None:
            return a
        if a == NONE or b == NONE:
            return a if a == b else False
        return False if a.intersect(b).is_empty() else a.intersect(b)

    def intersect(self, a: Box, b: Box) -> Box | None:
        parts = dict(a.parts)
        for name, part in b.parts:
            met = self.meet(parts.get(name), part)
            if met is False:
                return None
            parts[name] = met
        box = Box(tuple(sorted(parts.items())))
        return box if self.consistent(box) else None

    def consistent(self, box: Box) -> bool:
        """False when the box says a metric has a value while an input it needs has none:
        no seller is in it, whatever the numbers."""
        nones = set(box.nones())
        return not nones or not any(part != NONE and nones.intersection(self.meaning.needs(name))
                                    for name, part in box.parts if name in self.meaning.metrics)

    def outside(self, name: str, a: Part | None, b: Part) -> list[Part]:
        """The parts of `a` (None: free) that are not in `b`."""
        if a == NONE:
            return [] if b == NONE else [NONE]
        if b == NONE:
            return [a if a is not None else self.everything(name)]
        pieces: list[Part] = [NONE] if a is None else []
        within = a if a is not None else self.everything(name)
        for rest in b.complement():
            normal = self.norm(name, within.intersect(rest))
            if normal is not None:
                pieces.append(normal)
        return pieces

    def subtract(self, a: Box, b: Box) -> list[Box]:
        """`a` without `b`, as disjoint boxes."""
        if self.intersect(a, b) is None:
            return [a]
        out = []
        current = a
        for name, part in b.parts:
            mine = current.get(name)
            for piece in self.outside(name, mine, part):
                candidate = current.with_part(name, piece)
                if self.consistent(candidate):
                    out.append(candidate)
            met = self.meet(mine, part)
            current = current.with_part(name, met)
        return out

    def subtract_all(self, a: Box, others: Iterable[Box]) -> list[Box]:
        pieces = [a]
        for other in others:
            pieces = [piece for p in pieces for piece in self.subtract(p, other)]
            if not pieces:
                break
        return pieces

    def disjoint(self, boxes: Iterable[Box]) -> list[Box]:
        """The union of some boxes as disjoint boxes."""
        out: list[Box] = []
        for box in boxes:
            out.extend(self.subtract_all(box, [b for b in out if self.intersect(box, b) is not None]))
        return out

    def merged(self, boxes: Sequence[Box]) -> list[Box]:
        """Disjoint boxes joined where two differ in one quantity only, and their intervals
        of it meet: a pass per quantity over the boxes alike in every other, in order,
        until nothing joins."""
        boxes = list(dict.fromkeys(boxes))
        changed = True
        while changed and len(boxes) > 1:
            changed = False
            for name in sorted({n for box in boxes for n in box.names()}):
                alike: dict[Box, list[Box]] = {}
                for box in boxes:
                    alike.setdefault(box.without(name), []).append(box)
                joined = []
                for group in alike.values():
                    if len(group) == 1:
                        joined.extend(group)
                        continue
                    run = self._join_along(name, group)
                    changed = changed or len(run) < len(group)
                    joined.extend(run)
                boxes = joined
        return boxes

    def _join_along(self, name: str, group: list[Box]) -> list[Box]:
        """Boxes alike but for `name`, joined where their intervals of it meet."""
        fixed = [b for b in group if not isinstance(b.get(name), Interval)]
        ranged = sorted((b for b in group if isinstance(b.get(name), Interval)), key=lambda b: _start(b.get(name)))
        out: list[Box] = []
        for box in ranged:
            if out:
                joined = _union(out[-1].get(name), box.get(name), self.whole(name))
                if joined is not None:
                    out[-1] = out[-1].with_part(name, joined)
                    continue
            out.append(box)
        return fixed + out

    # -- sellers
    def formula(self, box: Box):
        return conj(*(neg(self.meaning.defined(name)) if part == NONE else self.meaning.within(name, part)
                      for name, part in box.parts))

    def seller(self, box: Box) -> dict | None:
        """A seller in the box, or None when there is none."""
        return self.oracle.seller(self.formula(box), box=box.intervals(), undefined=box.nones())


def _start(interval: Interval) -> tuple:
    """Orders intervals by where they start: unbounded first, then by value, closed first."""
    return (0,) if interval.lo is None else (1, interval.lo, not interval.lo_closed)


def _union(a: Interval, b: Interval, whole: bool) -> Interval | None:
    """The union of two intervals when it is one interval, else None."""
    if b.lo is not None and (a.lo is None or b.lo < a.lo or (b.lo == a.lo and b.lo_closed)):
        a, b = b, a  # a starts first
    # a and b meet when b starts inside a or right where a ends
    if a.hi is not None and b.lo is not None:
        gap = b.lo - a.hi
        touching = gap < 0 or (gap == 0 and (a.hi_closed or b.lo_closed)) or (whole and gap == 1 and a.hi_closed
                                                                               and b.lo_closed)
        if not touching:
            return None
    hi, hi_closed = a.hi, a.hi_closed
    if hi is not None and (b.hi is None or b.hi > hi or (b.hi == hi and b.hi_closed)):
        hi, hi_closed = b.hi, b.hi_closed
    return Interval(a.lo, a.lo_closed, hi, hi_closed)


# ---- one quantity cut into pieces -----------------------------------------------------

def _cuts(interval: Interval, whole: bool) -> list[Cut]:
    if whole:
        interval = interval.whole()
        cuts = []
        if interval.lo is not None:
            cuts.append((interval.lo, 0))
        if interval.hi is not None:
            cuts.append((interval.hi + 1, 0))
        return cuts
    cuts = []
    if interval.lo is not None:
        cuts.append((interval.lo, 0 if interval.lo_closed else 1))
    if interval.hi is not None:
        cuts.append((interval.hi, 1 if interval.hi_closed else 0))
    return cuts


class Axis:
    """One quantity cut into pieces; with `undefined`, a last piece stands for
    "no value" (the input is absent, or the metric cannot be evaluated)."""

    def __init__(self, quantity: Quantity, intervals: Iterable[Interval], undefined: bool = False):
        self.quantity = quantity
        self.name = quantity.name
        whole = quantity.whole
        domain = quantity.domain
        self.start = (domain.lo, 0 if domain.lo_closed else 1) if domain.lo is not None else (-math.inf, 0)
        self.end = _cuts(Interval(hi=domain.hi, hi_closed=domain.hi_closed), whole)[0] \
            if domain.hi is not None else END
        inner = {c for i in intervals for c in _cuts(i, whole) if self.start < c < self.end}
        self.cuts = [self.start, *sorted(inner), self.end]
        self.defined = len(self.cuts) - 1
        self.size = self.defined + bool(undefined)
        self.undefined = self.defined if undefined else None

    def span(self, interval: Interval | None) -> range:
        """The pieces inside `interval` (None: every piece with a value)."""
        if interval is None:
            return range(self.defined)
        cuts = _cuts(interval, self.quantity.whole)
        lo = self.start
        hi = self.end
        q = interval.whole() if self.quantity.whole else interval
        if q.lo is not None:
            lo = max(lo, cuts[0])
        if q.hi is not None:
            hi = min(hi, cuts[-1])
        if lo >= hi:
            return range(0)
        return range(bisect.bisect_left(self.cuts, lo), bisect.bisect_left(self.cuts, hi))

    def interval(self, first: int, last: int) -> Interval:
        """The union of pieces first..last (inclusive), all with values."""
        (lo, lo_side), (hi, hi_side) = self.cuts[first], self.cuts[last + 1]
        lo = None if lo == -math.inf else lo
        hi = None if hi == math.inf else hi
        if self.quantity.whole:
            return Interval(lo, lo is not None, None if hi is None else hi - 1, hi is not None)
        return Interval(lo, lo is not None and lo_side == 0, hi, hi is not None and hi_side == 1)

    def covers_domain(self, first: int, last: int) -> bool:
        return first == 0 and last == self.defined - 1
