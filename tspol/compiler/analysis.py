"""Exact analysis of tier tables: overlaps, dead rows, holes and monotonicity.

A row is a box: one exact interval per quantity it names. Per rule, every
quantity its rows name is an *axis*; the bounds of all rows (and the metric's
standard) cut each axis, within the quantity's domain, into elementary pieces
(counts are whole numbers >= 0, so `< 5` is `<= 4`; a rate whose numerator is
part of its denominator lies in [0, 1], other rates in [0, inf)). A *cell* is
one piece per axis: every row either contains a cell or misses it entirely, so
a sweep over the cells (with one bit mask of rows per piece) answers every
question exactly. A cell is only reported when a real seller lies in it
(`witness.seller_for`), and every report carries that seller.

- overlap (E501): two rows of an exclusive table contain the same cell;
- dead row (E502): no cell with a seller where the row fires (in an exclusive
  table the first matching row fires);
- hole (W501): an uncovered run of cells along one axis with covered cells on
  both sides; runs that reach the edge of the domain (below the standard, or
  too few orders to count) are deliberate, as are cells meeting the standard;
- monotonicity (W502): along a quantity marked `higher is worse` (or `lower is
  worse`), a cell on the worse side scoring fewer points or a milder order
  volume limit than its covered neighbour; tables of one rule add up;
- inside the standard (W503): a row with points or a limit that fires for a
  seller who meets the rule's standard (a comparison written the wrong way
  round, or an upper bound left out), so a seller who does all the policy asks
  is penalised; a row that only warns there is left alone.
"""

from __future__ import annotations

import bisect
import itertools
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction

import attrs

from tspol.compiler import ir
from tspol.compiler.lower import lower
from tspol.compiler.portable import _percent_text
from tspol.compiler.witness import Quantity, Vocabulary, seller_for, value_of, exact
from tspol.diagnostics import ERROR, WARNING, Diagnostic, Related
from tspol.dsl.formatter import decimal_text
from tspol.dsl.intervals import Interval

OVERLAP = "E501"
DEAD_ROW = "E502"
HOLE = "W501"
MONOTONICITY = "W502"
INSIDE_STANDARD = "W503"

Cut = tuple  # (value, side): side 0 is just before the value, 1 just after it
END = (math.inf, 0)
DURATION_SUFFIX = {"minutes": "min", "hours": "h", "days": "d"}


# ---- axes: a quantity cut into elementary pieces --------------------------------------

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


# ---- the grid of one rule (or of two versions of a rule) ------------------------------

Ranges = tuple[tuple[int, int], ...]  # per axis, first..last piece (inclusive)


class Grid:
    def __init__(self, vocabulary: Vocabulary, axes: Sequence[Axis]):
        self.vocabulary = vocabulary
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
            self._sellers[cell] = seller_for(self.vocabulary, box, undefined)
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
        parts = []
        implied = set()  # inputs a metric with a value needs: given, so not worth saying
        for axis, (first, _) in zip(self.axes, ranges):
            q = axis.quantity
            if q.is_metric and first != axis.undefined:
                implied.update([q.numerator, q.denominator, *(n for n, _ in q.only_if)])
        for axis, (first, last) in zip(self.axes, ranges):
            if first == axis.undefined:
                parts.append(f"{axis.name} {'is not evaluated' if axis.quantity.is_metric else 'is not given'}")
            elif axis.covers_domain(first, last):
                if axis.undefined is not None and axis.name not in implied:
                    parts.append(f"{axis.name} {'is evaluated' if axis.quantity.is_metric else 'is given'}")
            else:
                parts.append(interval_text(axis.quantity, axis.interval(first, last)))
        return " and ".join(parts) or "any seller"

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


# ---- texts -----------------------------------------------------------------------------

def value_text(q: Quantity, value: Fraction) -> str:
    if q.kind == "rate":
        return f"{decimal_text(value * 100)}%"
    if q.kind == "duration":
        return f"{decimal_text(value)}{DURATION_SUFFIX.get(q.unit, '')}"
    if q.kind == "money":
        return f"{decimal_text(value)} {q.unit}"
    return decimal_text(value)


def interval_text(q: Quantity, interval: Interval) -> str:
    """`10% <= LDR < 25%`, `late_orders >= 5` style, leaving out the domain's own ends."""
    if q.whole:
        interval = interval.whole()
    domain = q.domain
    lo = interval.lo is not None and not (interval.lo == domain.lo and interval.lo_closed == domain.lo_closed)
    hi = interval.hi is not None and not (interval.hi == domain.hi and interval.hi_closed == domain.hi_closed)
    if interval.lo is not None and interval.lo == interval.hi:
        return f"{q.name} == {value_text(q, interval.lo)}"
    upper = ""
    if hi:
        if q.whole:
            upper = f" < {value_text(q, interval.hi + 1)}"
        else:
            upper = f" {'<=' if interval.hi_closed else '<'} {value_text(q, interval.hi)}"
    if lo:
        op = "<=" if interval.lo_closed else "<"
        if not upper:
            return f"{q.name} {'>=' if interval.lo_closed else '>'} {value_text(q, interval.lo)}" \
                if q.kind != "rate" else f"{value_text(q, interval.lo)} {op} {q.name}"
        return f"{value_text(q, interval.lo)} {op} {q.name}{upper}"
    return f"{q.name}{upper}" if upper else q.name


def seller_text(seller: Mapping, grid: Grid | None = None) -> str:
    """`{"late_orders": 5, "orders_7d": 20} (LDR 25%)`: the seller and its metrics."""
    text = json.dumps(dict(seller), separators=(", ", ": "))
    if grid is None:
        return text
    values = exact(seller)
    shown = []
    for axis in grid.axes:
        if axis.quantity.is_metric and axis.quantity.denominator is not None:
            if value_of(grid.vocabulary, axis.name, values) is not None:
                q = axis.quantity
                shown.append(f"{axis.name} {_percent_text(values[q.numerator], values[q.denominator])}")
    return text + (f" ({', '.join(shown)})" if shown else "")


# ---- the coverage map ----------------------------------------------------------------

@attrs.frozen
class Area:
    """A box of input space, as text, with a seller in it."""

    where: str
    seller: dict | None
    kind: str = ""  # uncovered areas: "hole", "standard" (meets it) or "edge"
    described: str = attrs.field(default="", eq=False)  # the seller with its rates

    def to_dict(self) -> dict:
        record = {"where": self.where, "witness": self.seller}
        if self.kind:
            record["kind"] = self.kind
        return record


@attrs.frozen
class RowCoverage:
    row: ir.RowIR
    owns: tuple[Area, ...]

    def to_dict(self) -> dict:
        return {"row": self.row.index, "where": self.row.where, "text": self.row.text,
                "owns": [a.to_dict() for a in self.owns], "fires": bool(self.owns)}


@attrs.frozen
class TableCoverage:
    rule: ir.RuleIR
    regions: tuple[str, ...]
    table: ir.TableIR
    number: int  # 1-based within the rule
    rows: tuple[RowCoverage, ...]
    uncovered: tuple[Area, ...]

    def title(self) -> str:
        name = f"table {self.table.name}" if self.table.name else f"table {self.number}"
        return f"{self.rule.name} in {', '.join(self.regions)}, {name} ({self.table.hit})"

    def to_dict(self) -> dict:
        return {"rule": self.rule.name, "regions": list(self.regions), "table": self.table.name,
                "number": self.number, "hit": self.table.hit, "where": self.rule.where,
                "rows": [r.to_dict() for r in self.rows],
                "uncovered": [a.to_dict() for a in self.uncovered]}


@attrs.frozen
class Problem:
    """A diagnostic and what it is about: its rule, table and rows, and its sellers
    (overlap and hole: one seller in it; monotonicity: the worse-off seller, then the
    better-off one; dead row: none)."""

    diagnostic: Diagnostic
    rule: ir.RuleIR
    table: ir.TableIR | None
    rows: tuple[ir.RowIR, ...]
    sellers: tuple[dict, ...] = ()


@attrs.frozen
class Analysis:
    tables: tuple[TableCoverage, ...]
    problems: tuple[Problem, ...]

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        return tuple(p.diagnostic for p in self.problems)

    def to_dict(self) -> dict:
        return {"tables": [t.to_dict() for t in self.tables],
                "diagnostics": [d.to_dict() for d in self.diagnostics]}


def analyze_pack(pack) -> list[Diagnostic]:
    """The diagnostics of a checked pack's tables (what `tspol check` adds)."""
    return list(analyze_program(lower(pack)).diagnostics)


def analyze_program(program: ir.Program, rule: str | None = None, region: str | None = None) -> Analysis:
    vocabulary = Vocabulary.of(program)
    tables, problems = [], []
    for rule_ir, regions in _rule_declarations(program, rule, region):
        result = _RuleAnalysis(vocabulary, rule_ir, regions)
        tables.extend(result.coverage())
        problems.extend(result.problems())
    return Analysis(tuple(tables), tuple(problems))


def _rule_declarations(program: ir.Program, rule: str | None, region: str | None):
    """Each rule declaration once, with the regions it is declared for (US and SEA
    share one declaration, so its problems are reported once)."""
    seen: dict[tuple, tuple[ir.RuleIR, list[str]]] = {}
    for region_ir in program.regions:
        if region is not None and region_ir.name != region:
            continue
        for rule_ir in region_ir.rules:
            if rule is not None and rule_ir.name != rule:
                continue
            key = (rule_ir.name, rule_ir.span)
            if key in seen:
                seen[key][1].append(region_ir.name)
            else:
                seen[key] = (rule_ir, [region_ir.name])
    return [(r, tuple(regions)) for r, regions in seen.values()]


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
                for name, interval in row.box:
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


@attrs.frozen
class Penalty:
    """What the rows that fire in one cell add up to."""

    points: int
    limits: tuple[ir.LimitIR, ...]

    def milder_than(self, other: Penalty) -> str | None:
        """Why this penalty is lower than `other`, or None."""
        if self.points < other.points:
            return "points"
        if other.limits and not self.limits:
            return "limit"
        if self.limits and other.limits:
            mine, theirs = _strictest(self.limits), _strictest(other.limits)
            if mine[1] != theirs[1]:
                return None  # limits on different bases: not comparable
            if mine[0] < theirs[0] or mine[2] > theirs[2]:
                return "limit"
        return None


def _strictest(limits: Iterable[ir.LimitIR]) -> tuple[int, str, Fraction]:
    """(longest days, basis, lowest percent): a lower cap or a longer limit is harsher."""
    limits = list(limits)
    return (max(x.days for x in limits), limits[0].basis, min(x.percent for x in limits))


def penalty_text(points: int, limits: Iterable[ir.LimitIR]) -> str:
    parts = [f"{points} point{'s' * (points != 1)}"]
    parts += [limit_text(x) for x in limits]
    return ", ".join(parts)


def limit_text(limit: ir.LimitIR) -> str:
    return f"limit {limit.days}d at {decimal_text(limit.percent)}% {limit.basis}"


class _RuleAnalysis:
    def __init__(self, vocabulary: Vocabulary, rule: ir.RuleIR, regions: tuple[str, ...]):
        self.vocabulary = vocabulary
        self.rule = rule
        self.regions = regions
        self.grid = Grid(vocabulary, rule_axes(vocabulary, [rule]))
        self.tables = [t for t in rule.tables if t.rows]
        self.masks = {id(t): self.grid.cell_masks(self.grid.row_masks([r.box for r in t.rows]))
                      for t in self.tables}
        self.metric_axis = self.grid.index.get(rule.metric)
        self.standard_pieces = None  # pieces of the metric's axis that meet its standard
        if self.metric_axis is not None:
            axis = self.grid.axes[self.metric_axis]
            if axis.quantity.standard is not None:
                self.standard_pieces = set(axis.span(axis.quantity.standard))
        self._penalties: dict[tuple[int, ...], object] = {}

    # -- who fires where
    def fired(self, table: ir.TableIR, mask: int) -> list[int]:
        """Row positions (0-based) that fire for a cell's mask."""
        if not mask:
            return []
        if table.hit == "exclusive":
            return [(mask & -mask).bit_length() - 1]
        return [i for i in range(len(table.rows)) if mask >> i & 1]

    def owned(self, table: ir.TableIR) -> dict[int, dict[tuple, bool]]:
        owned: dict[int, dict[tuple, bool]] = {i: {} for i in range(len(table.rows))}
        for cell, mask in self.masks[id(table)].items():
            for i in self.fired(table, mask):
                owned[i][cell] = True
        return owned

    # -- the coverage map
    def coverage(self) -> list[TableCoverage]:
        out = []
        for number, table in enumerate(self.rule.tables, 1):
            if not table.rows:
                continue
            owned = self.owned(table)
            rows = []
            for i, row in enumerate(table.rows):
                areas = [Area(self.grid.text(r), s, described=seller_text(s, self.grid))
                         for _, r in self.grid.merge(owned[i]) if (s := self.grid.seller_in(r)) is not None]
                rows.append(RowCoverage(row, tuple(areas)))
            out.append(TableCoverage(self.rule, self.regions, table, number, tuple(rows),
                                     tuple(self.uncovered(table))))
        return out

    def uncovered(self, table: ir.TableIR) -> list[Area]:
        masks = self.masks[id(table)]
        holes = self.hole_cells(table)
        labels = {}
        for cell, mask in masks.items():
            if mask == 0:
                labels[cell] = "hole" if cell in holes else ("standard" if self.meets_standard(cell) else "edge")
        areas = []
        for kind, ranges in self.grid.merge(labels):
            seller = self.grid.seller_in(ranges)
            if seller is not None:
                areas.append(Area(self.grid.text(ranges), seller, kind, seller_text(seller, self.grid)))
        return areas

    def meets_standard(self, cell: tuple[int, ...]) -> bool:
        return self.standard_pieces is not None and cell[self.metric_axis] in self.standard_pieces

    def hole_cells(self, table: ir.TableIR) -> set[tuple[int, ...]]:
        """Uncovered cells in a run, along some axis, with covered cells on both sides."""
        masks = self.masks[id(table)]
        holes: set[tuple[int, ...]] = set()
        for a, axis in enumerate(self.grid.axes):
            others = [range(n) for b, n in enumerate(self.grid.shape) if b != a]
            for rest in itertools.product(*others):
                line = [rest[:a] + (p,) + rest[a:] for p in range(axis.size)]
                start = None
                for p, cell in enumerate(line):
                    if masks[cell] == 0:
                        start = p if start is None else start
                        continue
                    if start is not None and start > 0:  # a run from the domain's start is no hole
                        holes.update(line[start:p])
                    start = None
        return {c for c in holes if not self.meets_standard(c)}

    # -- problems
    def problems(self) -> list[Problem]:
        out: list[Problem] = []
        for table in self.tables:
            dead = self.dead_rows(table)
            if table.hit == "exclusive":  # a row that never fires is that one problem, not an overlap too
                never = {id(problem.rows[0]) for problem in dead}
                out.extend(p for p in self.overlaps(table) if id(p.rows[1]) not in never)
            out.extend(dead)
            out.extend(self.holes(table))
            out.extend(self.inside_standard(table))
        out.extend(self.monotonicity())
        return out

    def where_regions(self) -> str:
        return f"`{self.rule.name}` in {', '.join(self.regions)}"

    def overlaps(self, table: ir.TableIR) -> list[Problem]:
        pairs: dict[tuple[int, int], dict[tuple, bool]] = {}
        for cell, mask in self.masks[id(table)].items():
            if mask & (mask - 1):
                bits = [i for i in range(len(table.rows)) if mask >> i & 1]
                for pair in itertools.combinations(bits, 2):
                    pairs.setdefault(pair, {})[cell] = True
        out = []
        for (i, j), cells in sorted(pairs.items()):
            seller, ranges = self._first_seller(cells)
            if seller is None:
                continue
            first, second = table.rows[i], table.rows[j]
            out.append(Problem(Diagnostic(
                OVERLAP,
                f"rows {first.index} ({first.where}) and {second.index} ({second.where}) of this exclusive "
                f"table of {self.where_regions()} can both fire where {self.grid.text(ranges)}; "
                f"for example the seller {seller_text(seller, self.grid)}",
                severity=ERROR, span=second.span,
                related=(Related(first.span, f"row {first.index} also fires there"),),
                help="make the rows' ranges meet without overlapping (a lower bound `<=` where the "
                     "row before ends with `<`), or mark the table `all` if both should fire"),
                self.rule, table, (first, second), (seller,)))
        return out

    def _first_seller(self, cells: Mapping[tuple, bool]) -> tuple[dict | None, Ranges | None]:
        for _, ranges in self.grid.merge(cells):
            seller = self.grid.seller_in(ranges)
            if seller is not None:
                return seller, ranges
        return None, None

    def dead_rows(self, table: ir.TableIR) -> list[Problem]:
        owned = self.owned(table)
        masks = self.masks[id(table)]
        out = []
        for i, row in enumerate(table.rows):
            if self.grid.seller_in((), cells=sorted(owned[i])) is not None:
                continue
            mine = sorted(c for c, m in masks.items() if m >> i & 1)
            reachable = self.grid.seller_in((), cells=mine) is not None
            if reachable:
                winners = sorted({(masks[c] & -masks[c]).bit_length() - 1 for c in mine})
                names = ", ".join(f"{table.rows[w].index} ({table.rows[w].where})" for w in winners)
                message = (f"this row of {self.where_regions()} can never fire: wherever it matches, "
                           f"row{'s' * (len(winners) > 1)} {names} before it fire{'s' * (len(winners) == 1)} instead")
                related = tuple(Related(table.rows[w].span, f"row {table.rows[w].index} wins here") for w in winners)
                help = "remove the row, or narrow the rows before it"
            else:
                message = f"this row of {self.where_regions()} can never fire: no seller meets its condition"
                related = ()
                help = ("a rate of counts is 0 exactly when its count is 0, and a part is never "
                        "more than its whole; check the bounds")
            out.append(Problem(Diagnostic(DEAD_ROW, message, severity=ERROR, span=row.span, related=related,
                                          help=help), self.rule, table, (row,)))
        return out

    def holes(self, table: ir.TableIR) -> list[Problem]:
        masks = self.masks[id(table)]
        holes = {c: True for c in self.hole_cells(table) if masks[c] == 0}
        out = []
        for _, ranges in self.grid.merge(holes):
            seller = self.grid.seller_in(ranges)
            if seller is None:
                continue
            before, after = self._neighbours(table, ranges)
            anchor = after or before
            related = tuple(Related(r.span, f"row {r.index} is beside it") for r in (before, after)
                            if r is not None and r is not anchor)
            out.append(Problem(Diagnostic(
                HOLE,
                f"no row of this table of {self.where_regions()} covers {self.grid.text(ranges)}, "
                f"between rows that do; for example the seller {seller_text(seller, self.grid)} "
                "gets nothing from this table",
                severity=WARNING, span=(anchor.span if anchor else table.span), related=related,
                help="make the neighbouring rows meet (a row ending `< X` and the next starting `X <=`), "
                     "or cover the gap with a row"),
                self.rule, table, tuple(r for r in (before, after) if r is not None), (seller,)))
        return out

    def inside_standard(self, table: ir.TableIR) -> list[Problem]:
        """The rows that fire for a seller who meets the standard, each with one such seller."""
        if self.standard_pieces is None:
            return []
        metric = self.grid.axes[self.metric_axis].quantity
        standard = metric.standard
        if (metric.worse == "higher" and standard.hi is None) or (metric.worse == "lower" and standard.lo is None):
            return []  # the standard points the wrong way itself: that is the one problem (W300)
        owned = self.owned(table)
        out = []
        for i, row in enumerate(table.rows):
            if not (row.points or row.limit):
                continue  # a warning as a seller nears the standard is a policy's choice
            meeting = {c: True for c in owned[i] if self.meets_standard(c)}
            seller, ranges = self._first_seller(meeting)
            if seller is None:
                continue
            out.append(Problem(Diagnostic(
                INSIDE_STANDARD,
                f"this row of {self.where_regions()} fires for sellers who meet the standard "
                f"{metric.name} {metric.standard_text}, where {self.grid.text(ranges)}; for example the seller "
                f"{seller_text(seller, self.grid)}",
                severity=WARNING, span=row.span,
                help="points and limits are for sellers outside the standard: check which way the row's "
                     "comparisons point, and that it has both its bounds"),
                self.rule, table, (row,), (seller,)))
        return out

    def _neighbours(self, table: ir.TableIR, ranges: Ranges) -> tuple[ir.RowIR | None, ir.RowIR | None]:
        """The rows just before and just after a hole along the first axis that has both."""
        masks = self.masks[id(table)]
        corner = tuple(f for f, _ in ranges)
        for a, (first, last) in enumerate(ranges):
            if first == 0 or last + 1 >= self.grid.axes[a].defined:
                continue
            below = masks.get(corner[:a] + (first - 1,) + corner[a + 1:], 0)
            above = masks.get(corner[:a] + (last + 1,) + corner[a + 1:], 0)
            if below and above:
                rows = table.rows
                return rows[self.fired(table, below)[0]], rows[self.fired(table, above)[0]]
        return None, None

    # -- monotonicity
    def penalty(self, cell: tuple[int, ...]) -> tuple[Penalty, list[tuple[ir.TableIR, ir.RowIR]]] | None:
        if cell not in self._penalties:
            fired = [(t, t.rows[i]) for t in self.tables for i in self.fired(t, self.masks[id(t)][cell])]
            self._penalties[cell] = (Penalty(sum(r.points for _, r in fired), tuple(r.limit for _, r in fired
                                                                                   if r.limit)), fired) \
                if fired else None
        return self._penalties[cell]

    def monotonicity(self) -> list[Problem]:
        out, reported = [], set()
        for a, axis in enumerate(self.grid.axes):
            worse = axis.quantity.worse
            if worse not in ("higher", "lower"):
                continue
            for cell in self.grid.cells():
                p = cell[a]
                if p + 1 >= axis.defined:
                    continue
                neighbour = cell[:a] + (p + 1,) + cell[a + 1:]
                better, worse_cell = (cell, neighbour) if worse == "higher" else (neighbour, cell)
                problem = self._compare(axis, better, worse_cell, reported)
                if problem is not None:
                    out.append(problem)
        return out

    def _compare(self, axis: Axis, better, worse, reported: set) -> Problem | None:
        good, bad = self.penalty(better), self.penalty(worse)
        if good is None or bad is None:
            return None
        why = bad[0].milder_than(good[0])
        if why is None:
            return None
        row, other = self._blame(bad[1], good[1], why)
        if (row.span, axis.name) in reported:
            return None
        worse_seller, better_seller = self.grid.seller(worse), self.grid.seller(better)
        if worse_seller is None or better_seller is None:
            return None
        reported.add((row.span, axis.name))
        direction = axis.quantity.worse
        return Problem(Diagnostic(
            MONOTONICITY,
            f"`{axis.name}` is marked `{direction} is worse`, but in {self.where_regions()} this row "
            f"gives less ({penalty_text(bad[0].points, bad[0].limits)}) for a {direction} `{axis.name}` than "
            f"row {other.index} ({other.where}) gives just {'below' if direction == 'higher' else 'above'} it "
            f"({penalty_text(good[0].points, good[0].limits)}): the seller {seller_text(worse_seller, self.grid)} "
            f"gets less than the seller {seller_text(better_seller, self.grid)}",
            severity=WARNING, span=row.span,
            related=(Related(other.span, f"row {other.index} gives more"),),
            help=f"a {direction} `{axis.name}` should never lower the points or soften the limit; "
                 "check the actions of this row"),
            self.rule, None, (row, other), (worse_seller, better_seller))

    @staticmethod
    def _blame(bad, good, why: str):
        """The row of the worse cell that gives less, and the row of the better cell it is
        compared with (the same table's where there is one)."""
        for table, row in bad:
            theirs = [r for t, r in good if t is table]
            for other in theirs:
                if why == "points" and row.points < other.points:
                    return row, other
                if why == "limit" and Penalty(0, (row.limit,) if row.limit else ()).milder_than(
                        Penalty(0, (other.limit,) if other.limit else ())):
                    return row, other
        return bad[0][1], good[0][1]
