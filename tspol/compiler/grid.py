"""A grid of cells over a rule's quantities, for the semantic diff of two versions.

Both versions' rows (and the standards and `only if`s) cut each quantity into
pieces, with one more piece for "no value"; a cell is one piece per quantity,
and every row either contains a cell or misses it. Whether a seller lies in a
cell is the oracle's question (`tspol.compiler.solver`), so a cell is only ever
reported with a seller the interpreter's semantics confirms.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Mapping, Sequence

from tspol.compiler import ir
from tspol.compiler.analysis import interval_text
from tspol.compiler.boxes import NONE, Axis, Box, Space
from tspol.compiler.portable import _percent_text
from tspol.compiler.witness import Vocabulary, exact
from tspol.dsl.intervals import Interval
from tspol.messages import Message, Words, say

# ---- the grid of one rule (or of two versions of a rule) ------------------------------

Ranges = tuple[tuple[int, int], ...]  # per axis, first..last piece (inclusive)


class Grid:
    def __init__(self, vocabulary: Vocabulary, axes: Sequence[Axis], space: Space):
        self.vocabulary = vocabulary
        self.space = space
        self.axes = list(axes)
        self.index = {a.name: i for i, a in enumerate(self.axes)}
        self.shape = tuple(a.size for a in self.axes)
        self._sellers: dict[tuple, dict | None] = {}

    def cells(self) -> Iterable[tuple[int, ...]]:
        return itertools.product(*(range(n) for n in self.shape))

    def row_masks(self, boxes: Sequence[ir.Box]) -> list[list[int]]:
        """Per axis, per piece: the bit mask of the boxes containing the piece."""
        masks = [[0] * a.size for a in self.axes]
        for bit, box in enumerate(boxes):
            named = dict(box)
            for a, axis in enumerate(self.axes):
                pieces = axis.span(named[axis.name]) if axis.name in named else range(axis.size)
                flag = 1 << bit
                column = masks[a]
                for p in pieces:
                    column[p] |= flag
        return masks

    def cell_masks(self, masks: list[list[int]]) -> dict[tuple[int, ...], int]:
        """The rows containing each cell."""
        out = {}
        for cell in self.cells():
            m = -1
            for a, p in enumerate(cell):
                m &= masks[a][p]
                if not m:
                    break
            out[cell] = m
        return out

    def box_of(self, ranges: Ranges) -> tuple[dict[str, Interval], set[str]]:
        box, undefined = {}, set()
        for axis, (first, last) in zip(self.axes, ranges):
            if first == axis.undefined:
                undefined.add(axis.name)
            else:
                box[axis.name] = axis.interval(first, last)
        return box, undefined

    def seller(self, cell: tuple[int, ...]) -> dict | None:
        if cell not in self._sellers:
            box, undefined = self.box_of(tuple((p, p) for p in cell))
            parts = {**box, **{name: NONE for name in undefined}}
            self._sellers[cell] = self.space.seller(Box(tuple(sorted(parts.items()))))
        return self._sellers[cell]

    def seller_in(self, ranges: Ranges, cells: Iterable[tuple[int, ...]] | None = None) -> dict | None:
        """A seller in the first cell of `ranges` (or of `cells`) that has one."""
        candidates = cells if cells is not None else itertools.product(*(range(f, last + 1) for f, last in ranges))
        for cell in candidates:
            seller = self.seller(cell)
            if seller is not None:
                return seller
        return None

    def text(self, ranges: Ranges) -> str:
        """The sellers of `ranges` in words: `2% < ODR and orders_30d is given`."""
        return self.said(ranges).text("en")

    def said(self, ranges: Ranges) -> Words | Message:
        """The sellers of `ranges` in words of either language."""
        parts = []
        implied = set()  # inputs a metric with a value needs: given, so not worth saying
        for axis, (first, _) in zip(self.axes, ranges):
            q = axis.quantity
            if q.is_metric and first != axis.undefined:
                implied.update([q.numerator, q.denominator, *(n for n, _ in q.only_if)])
        for axis, (first, last) in zip(self.axes, ranges):
            metric = axis.quantity.is_metric
            if first == axis.undefined:
                parts.append(say("analysis.not_evaluated" if metric else "analysis.not_given", name=axis.name))
            elif axis.covers_domain(first, last):
                if axis.undefined is not None and axis.name not in implied:
                    parts.append(say("analysis.evaluated" if metric else "analysis.given", name=axis.name))
            else:
                parts.append(interval_text(axis.quantity, axis.interval(first, last)))
        return Words(parts, "and only") if parts else say("analysis.any_seller")

    def merge(self, cells: Mapping[tuple[int, ...], object]) -> list[tuple[object, Ranges]]:
        """Cells with equal labels as few boxes, greedily, in cell order."""
        taken: set[tuple[int, ...]] = set()
        out = []
        for cell in sorted(cells):
            if cell in taken:
                continue
            label = cells[cell]
            lo, hi = list(cell), list(cell)
            for a, axis in enumerate(self.axes):
                while hi[a] + 1 < axis.size and hi[a] + 1 != axis.undefined and lo[a] != axis.undefined:
                    slab = itertools.product(*(
                        [hi[a] + 1] if b == a else range(lo[b], hi[b] + 1) for b in range(len(self.axes))))
                    if all(c not in taken and cells.get(c, _MISSING) == label for c in slab):
                        hi[a] += 1
                    else:
                        break
            ranges = tuple(zip(lo, hi))
            taken.update(itertools.product(*(range(f, last + 1) for f, last in ranges)))
            out.append((label, ranges))
        return out

    def cells_in(self, ranges: Ranges) -> Iterable[tuple[int, ...]]:
        return itertools.product(*(range(f, last + 1) for f, last in ranges))


_MISSING = object()


def rule_axes(vocabulary: Vocabulary, rules: Iterable[ir.RuleIR], undefined: bool = False,
              extra: Iterable[str] = (), cuts: Mapping[str, Iterable[Interval]] | None = None) -> list[Axis]:
    """The axes of one or more versions of a rule: its metric first, then every
    quantity its rows name, in order; cut by rows, standards, `only if`s and `cuts`."""
    rules = [r for r in rules if r is not None]
    names: list[str] = []
    intervals: dict[str, list[Interval]] = {}

    def add(name: str, interval: Interval | None = None) -> None:
        if name not in intervals:
            names.append(name)
            intervals[name] = []
        if interval is not None:
            intervals[name].append(interval)

    for name in extra:
        add(name)
    for r in rules:
        for table in r.tables:
            for row in table.rows:
                for box in row.boxes:
                    for name, interval in box:
                        add(name, interval)
    for name, more in (cuts or {}).items():
        for interval in more:
            add(name, interval)
    for name in list(names):
        q = vocabulary[name]
        if q.standard is not None:
            add(name, q.standard)
        for input_name, interval in q.only_if:
            if undefined:
                add(input_name, interval)
    metric_first = sorted(names, key=lambda n: 0 if any(n == r.metric for r in rules) else 1)
    return [Axis(vocabulary[n], intervals[n], undefined) for n in metric_first]


def seller_text(seller: Mapping, grid: Grid | None = None) -> str:
    """`{"late_orders": 5, "orders_7d": 20} (LDR 25%)`: the seller and its metrics."""
    text = json.dumps(dict(seller), separators=(", ", ": "))
    if grid is None:
        return text
    values = exact(seller)
    everyone = {name: values.get(name) for name in grid.space.meaning.inputs}
    shown = []
    for axis in grid.axes:
        if axis.quantity.is_metric and axis.quantity.denominator is not None:
            if grid.space.meaning.value(axis.name, everyone) is not None:
                q = axis.quantity
                shown.append(f"{axis.name} {_percent_text(values[q.numerator], values[q.denominator])}")
    return text + (f" ({', '.join(shown)})" if shown else "")
