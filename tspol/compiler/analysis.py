"""Exact analysis of tier tables: overlaps, dead rows, holes and monotonicity.

Each row's condition is a box of quantities (`tspol.compiler.boxes`); what a
row owns (where it is the row that fires), what two rows share and what no row
covers are boxes too, computed exactly. A box is reported only with a seller in
it, found by the oracle (`tspol.compiler.solver`), which also proves that a box
has no seller: the answers are right both ways.

- overlap (E501): two rows of an exclusive table both match some seller;
- dead row (E502): the row fires for no seller (in an exclusive table, the
  first matching row fires);
- hole (W501): a seller outside the standard whom no row covers, although
  along one quantity, the others held where they are, rows do cover sellers
  on both sides of it; what runs to the edge of a quantity's range (below the
  standard, or too few orders to count) is deliberate, and so is meeting the
  standard;
- monotonicity (W502): along a quantity marked `higher is worse` (or `lower is
  worse`), a seller on the worse side of a row boundary scoring fewer points or
  a milder order volume limit than the seller just across it (the quantities
  cut into pieces by every bound of the rule; the two sellers in neighbouring
  pieces of that quantity and the same pieces of every other); tables of one
  rule add up;
- inside the standard (W503): a row with points or a limit that fires for a
  seller who meets the rule's standard (a comparison the wrong way round, or an
  upper bound left out);
- undecided (W504): the solver could not answer in its time; said, never guessed.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Mapping
from fractions import Fraction

import attrs

from tspol.compiler import ir
from tspol.compiler.boxes import EVERYONE, NONE, Axis, Box, Space
from tspol.compiler.lower import lower as lower_pack
from tspol.compiler.meaning import Meaning
from tspol.compiler.portable import _percent_text
from tspol.compiler.solver import Oracle, Undecided, json_text
from tspol.compiler.witness import Quantity, Vocabulary, exact
from tspol.diagnostics import ERROR, WARNING, Diagnostic, Related
from tspol.dsl.formatter import decimal_text
from tspol.dsl.intervals import Interval
from tspol.messages import Message, Words, say

from tspol.codes import OVERLAP, DEAD_ROW, HOLE, MONOTONICITY, INSIDE_STANDARD, UNDECIDED

DURATION_SUFFIX = {"minutes": "min", "hours": "h", "days": "d"}


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


@attrs.frozen
class Penalty:
    """What the rows that fire for one seller add up to."""

    points: int
    limits: tuple[ir.LimitIR, ...]
    ranks: tuple[int, ...] = ()  # the worst rank given in each level set, -1 for none (issue 11)

    def milder_than(self, other: Penalty) -> str | None:
        """Why this penalty is lower than `other`, or None."""
        if self.points < other.points:
            return "points"
        if any(mine < theirs for mine, theirs in zip(self.ranks, other.ranks)):
            return "level"
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


def penalty_text(points: int, limits: Iterable[ir.LimitIR], levels: Iterable[Message] = ()) -> Message:
    """`5 points, limit 7d at 10% avg4w` (and `level health red`)."""
    parts = [say("analysis.points.one" if points == 1 else "analysis.points", points=points)]
    parts += [limit_text(x) for x in limits]
    parts += list(levels)
    return say("analysis.penalty", parts=Words(parts, ","))


def level_texts(penalty: Penalty, level_sets: tuple[ir.LevelSetIR, ...]) -> list[Message]:
    """`level health red` for each set a penalty gives a level of."""
    return [say("semdiff.level", set=level_set.name, level=level_set.levels[rank])
            for level_set, rank in zip(level_sets, penalty.ranks) if rank >= 0]


def limit_text(limit: ir.LimitIR) -> str:
    return f"limit {limit.days}d at {decimal_text(limit.percent)}% {limit.basis}"


# ---- the coverage map and the problems ---------------------------------------------------

@attrs.frozen
class Area:
    """A box of sellers, as text, with a seller in it."""

    where: str
    seller: dict | None
    kind: str = ""  # uncovered areas: "hole", "standard" (meets it) or "edge"
    described: str = attrs.field(default="", eq=False)  # the seller with its rates
    box: Box | None = attrs.field(default=None, eq=False, repr=False)  # the sellers, exactly

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

    def title(self, lang: str = "en") -> str:
        """`late_dispatch in US, SEA, table 1 (exclusive)`, in `lang`."""
        return say("analysis.title", rule=self.rule.name, regions=Words(self.regions, ","),
                   table=self.table.name or self.number, hit=self.table.hit).text(lang)

    def to_dict(self) -> dict:
        return {"rule": self.rule.name, "regions": list(self.regions), "table": self.table.name,
                "number": self.number, "hit": self.table.hit, "where": self.rule.where,
                "rows": [r.to_dict() for r in self.rows],
                "uncovered": [a.to_dict() for a in self.uncovered]}


@attrs.frozen
class Problem:
    """A diagnostic and what it is about: its rule, table and rows, and its sellers
    (overlap, hole, inside the standard: one seller in it; monotonicity: the
    worse-off seller, then the better-off one; dead row: none)."""

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
    return list(analyze_program(lower_pack(pack)).diagnostics)


def analyze_program(program: ir.Program, rule: str | None = None, region: str | None = None) -> Analysis:
    meaning = Meaning(program)
    oracle = Oracle(meaning)
    space = Space(meaning, oracle)
    tables, problems = [], []
    for rule_ir, regions in _rule_declarations(program, rule, region):
        result = _RuleAnalysis(space, rule_ir, regions)
        try:
            found_tables, found_problems = result.coverage(), result.problems()
        except Undecided as exc:
            found_tables, found_problems = [], [result.undecided(str(exc))]
        tables.extend(found_tables)
        problems.extend(found_problems)
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
            key = rule_ir.declaration
            if key in seen:
                seen[key][1].append(region_ir.name)
            else:
                seen[key] = (rule_ir, [region_ir.name])
    return [(r, tuple(regions)) for r, regions in seen.values()]


# ---- one rule --------------------------------------------------------------------------

Fired = tuple  # ((table, row), ...): the rows that fire, one per table at most for exclusive tables


class _RuleAnalysis:
    def __init__(self, space: Space, rule: ir.RuleIR, regions: tuple[str, ...]):
        self.space = space
        self.vocabulary: Vocabulary = space.oracle.vocabulary
        self.rule = rule
        self.regions = regions
        self.tables = [t for t in rule.tables if t.rows]
        self.names = self._names()
        # each row's condition as boxes of sellers (a union; none: no seller meets it); an
        # `otherwise` row's, what its box (the metric with a value) leaves of the rows before it
        self.boxes = {id(t): self._row_boxes(t) for t in self.tables}
        self.disjoint = {id(t): [space.disjoint(boxes) for boxes in self.boxes[id(t)]] for t in self.tables}
        self.axes = {name: self.axis(name) for name in self.names}
        self.lead = self.names[0] if self.names else None  # the quantity the slabs cut
        self.slabs = self._slabs()
        self.active = {id(t): self._active(t) for t in self.tables}
        self.owned = {id(t): [self._owned(t, i) for i in range(len(t.rows))] for t in self.tables}
        metric = space.meaning.metrics.get(rule.metric) if rule.metric else None
        self.metric = metric
        self.scope = Box(((metric.name, space.everything(metric.name)),)) if metric else EVERYONE
        self.standard = None  # the box of sellers who meet the rule's standard
        if metric is not None and metric.standard is not None:
            standard = space.norm(metric.name, metric.standard)
            self.standard = Box(((metric.name, standard),)) if standard is not None else None
        self._areas: dict[Box, dict | None] = {}
        self._uncovered: dict[int, tuple] = {}
        self._live: dict[int, set[int]] = {}

    def _names(self) -> list[str]:
        """The quantities of the rule, its metric first, then as its rows name them."""
        names = [self.rule.metric] if self.rule.metric else []
        for table in self.tables:
            for row in table.rows:
                names += [name for name in row.quantities if name not in names]
        return names

    def _row_boxes(self, table: ir.TableIR) -> list[list[Box]]:
        out: list[list[Box]] = []
        for row in table.rows:
            if row.otherwise:  # the last row of its table: every other row is before it
                mine = self.space.box(row.boxes[0])
                out.append([] if mine is None else self.space.subtract_all(mine, [b for r in out for b in r]))
            else:
                out.append(list(dict.fromkeys(b for b in map(self.space.box, row.boxes) if b is not None)))
        return out

    # -- slabs: the pieces of the lead quantity, and the rows that cover each
    #
    # Every computation below is done slab by slab, with only the rows of that slab:
    # a row covers each slab it meets whole (the slabs are cut by every bound of the
    # rows on the lead quantity), so a table of bands costs time in proportion to its rows.

    def _slabs(self) -> list[Box]:
        """The lead quantity's pieces (in order), then its having no value."""
        if self.lead is None:
            return [EVERYONE]
        axis = self.axes[self.lead]
        return [Box(((self.lead, axis.interval(p, p)),)) for p in range(axis.defined)] + [Box(((self.lead, NONE),))]

    def _active(self, table: ir.TableIR) -> list[list[int]]:
        """For each slab, the positions of the table's rows that meet it (in order)."""
        active: list[list[int]] = [[] for _ in self.slabs]
        for position, boxes in enumerate(self.boxes[id(table)]):
            for k in sorted({k for box in boxes for k in self.slabs_of(box)}):
                active[k].append(position)
        return active

    def slabs_of(self, box: Box) -> range | list[int]:
        """The slabs a box meets (each one whole: the slabs are cut by its bounds)."""
        part = box.get(self.lead) if self.lead else None
        if part is None:
            return range(len(self.slabs))
        if part == NONE:
            return [len(self.slabs) - 1]
        return self.axes[self.lead].span(part)

    def in_slab(self, table: ir.TableIR, position: int, slab: int, disjoint: bool = False) -> list[Box]:
        """The boxes of a row that meet a slab."""
        boxes = (self.disjoint if disjoint else self.boxes)[id(table)][position]
        return [box for box in boxes if slab in self.slabs_of(box)]

    def defined_slabs(self) -> range:
        """The slabs where the lead quantity has a value."""
        return range(len(self.slabs) - (1 if self.lead else 0))

    def _owned(self, table: ir.TableIR, position: int) -> list[Box]:
        """Where a row fires: its boxes, less the boxes of the rows before it in an exclusive
        or `first` table."""
        boxes = self.boxes[id(table)]
        mine = self.disjoint[id(table)][position]
        if not mine:
            return []
        if not table.first_match:
            return mine if len(mine) == 1 else self.space.merged(mine)
        pieces = []
        for k, rows in enumerate(self.active[id(table)]):
            if position not in rows:
                continue
            for box in mine:
                part = self.space.intersect(box, self.slabs[k])
                if part is None:
                    continue
                before = [b for j in rows if j < position for b in boxes[j] if self.space.intersect(part, b) is not None]
                pieces.extend(self.space.subtract_all(part, before))
        return self.space.merged(pieces)

    # -- sellers and texts
    def seller(self, box: Box | None) -> dict | None:
        if box is None:
            return None
        if box not in self._areas:
            self._areas[box] = self.space.seller(box)
        return self._areas[box]

    def shared(self, box: Box, pieces: Iterable[Box]) -> list[Box]:
        """What a box shares with each of some pieces."""
        return [met for piece in pieces if (met := self.space.intersect(box, piece)) is not None]

    def first_seller(self, boxes: Iterable[Box]) -> tuple[dict | None, Box | None]:
        for box in boxes:
            seller = self.seller(box)
            if seller is not None:
                return seller, box
        return None, None

    def areas(self, boxes: Iterable[Box], kind: str = "") -> list[Area]:
        out = []
        for box in self.space.merged(list(boxes)):
            seller = self.seller(box)
            if seller is not None:
                out.append(Area(self.text(box), seller, kind, self.described(seller), box))
        return out

    def text(self, box: Box) -> str:
        order = self.names + sorted(n for n in box.names() if n not in self.names)
        implied = set(self.space.meaning.needs(self.rule.metric)) | {self.rule.metric} if self.rule.metric else set()
        for name, part in box.parts:
            if part != NONE and name in self.space.meaning.metrics:
                implied.update(self.space.meaning.needs(name))
        parts = []
        for name in order:
            part = box.get(name)
            q = self.vocabulary[name]
            if part is None:
                continue
            if part == NONE:
                parts.append(say("analysis.not_evaluated" if q.is_metric else "analysis.not_given", name=name))
            elif part == self.space.everything(name):
                if name not in implied:
                    parts.append(say("analysis.evaluated" if q.is_metric else "analysis.given", name=name))
            else:
                parts.append(interval_text(q, part))
        return say("analysis.area", parts=Words(parts, "and only")) if parts else say("analysis.any_seller")

    def described(self, seller: Mapping) -> str:
        """`{"late_orders": 5, "orders_7d": 20} (LDR 25%)`: the seller and its rates."""
        values = exact(seller)
        everyone = {name: values.get(name) for name in self.space.meaning.inputs}
        shown = []
        for name in self.names:
            metric = self.space.meaning.metrics.get(name)
            if metric is not None and metric.denominator is not None:
                if self.space.meaning.value(name, everyone) is not None:
                    shown.append(f"{name} {_percent_text(values[metric.numerator], values[metric.denominator])}")
        return json_text(seller) + (f" ({', '.join(shown)})" if shown else "")

    def where_regions(self) -> Message:
        return say("analysis.where", rule=self.rule.name, regions=Words(self.regions, ","))

    # -- the coverage map
    def coverage(self) -> list[TableCoverage]:
        out = []
        for number, table in enumerate(self.rule.tables, 1):
            if not table.rows:
                continue
            rows = tuple(RowCoverage(row, tuple(self.areas(self.owned[id(table)][i])))
                         for i, row in enumerate(table.rows))
            standard, holes, edges = self.uncovered(table)
            uncovered = [*self.areas(standard, "standard"), *self.areas([h for h, _ in holes], "hole"),
                         *self.areas(edges, "edge")]
            out.append(TableCoverage(self.rule, self.regions, table, number, rows, tuple(uncovered)))
        return out

    def uncovered(self, table: ir.TableIR) -> tuple[list[Box], list[tuple[Box, tuple]], list[Box]]:
        """What no row of the table covers, among sellers whose rule metric has a value:
        (meeting the standard, holes each with the rows below and above it, the rest)."""
        if id(table) in self._uncovered:
            return self._uncovered[id(table)]
        boxes, active = self.boxes[id(table)], self.active[id(table)]
        standard, outside = [], {}
        slabs = self.defined_slabs() if self.metric is not None else range(len(self.slabs))
        for k in slabs:
            scope = self.space.intersect(self.scope, self.slabs[k])
            if scope is None:
                continue
            for piece in self.space.subtract_all(scope, [b for j in active[k] for b in self.in_slab(table, j, k)]):
                meets = self.space.intersect(piece, self.standard) if self.standard is not None else None
                if meets is not None:
                    standard.append(meets)
                rest = self.space.subtract(piece, self.standard) if self.standard is not None else [piece]
                outside.setdefault(k, []).extend(rest)
        holes = self.holes_in(table, outside)
        taken = [h for h, _ in holes]
        edges = [edge for pieces in outside.values() for piece in pieces
                 for edge in self.space.subtract_all(piece, [h for h in taken if self.space.intersect(piece, h)])]
        self._uncovered[id(table)] = (self.space.merged(standard), holes, self.space.merged(edges))
        return self._uncovered[id(table)]

    def holes_in(self, table: ir.TableIR, outside: dict[int, list[Box]]) -> list[tuple[Box, tuple]]:
        """The parts of uncovered pieces with covered sellers on both sides along one
        quantity (the others held), each with the nearest row below and above it."""
        found: list[tuple[Box, tuple]] = []

        def add(box: Box, rows: tuple) -> None:
            for part in self.space.subtract_all(box, [h for h, _ in found if self.space.intersect(box, h)]):
                found.append((part, rows))

        if self.lead is not None:
            below, above = self._covered_rests(table)
            for k, pieces in outside.items():
                for piece in pieces:
                    for low, high in itertools.product(below[k], above[k]):
                        rest = self.space.intersect(low, high)
                        both = self.space.intersect(piece, rest) if rest is not None else None
                        if both is not None:
                            add(both, self._nearest(table, k, both))
        for k, pieces in outside.items():
            pairs = [(table.rows[j], box) for j in self.anchors(table, k) for box in self.in_slab(table, j, k)]
            for name in self.names[1:]:
                sides = self._sides(pairs, name)
                if not sides:
                    continue
                lower, upper = sides
                for piece in pieces:
                    if piece.get(name) == NONE:
                        continue
                    lows = [(row, met) for row, box in lower if (met := self.space.intersect(piece, box)) is not None]
                    highs = [(row, met) for row, box in upper if (met := self.space.intersect(piece, box)) is not None]
                    for (low, low_box), (high, high_box) in itertools.product(lows, highs):
                        both = self.space.intersect(low_box, high_box)
                        if both is not None:
                            add(both, (low, high))
        return found

    def anchors(self, table: ir.TableIR, slab: int) -> list[int]:
        """The rows of a slab a gap can lie beside: those that fire for some seller.
        A row that fires for nobody covers nobody, so nothing lies between it and another."""
        if id(table) not in self._live:
            owned = self.owned[id(table)]
            self._live[id(table)] = {j for j in range(len(table.rows)) if self.first_seller(owned[j])[0] is not None}
        return [j for j in self.active[id(table)][slab] if j in self._live[id(table)]]

    def _covered_rests(self, table: ir.TableIR) -> tuple[list[list[Box]], list[list[Box]]]:
        """For each slab of the lead quantity, the other quantities of sellers some row
        covers in a slab below it (as disjoint boxes), and in a slab above it."""
        slabs = list(self.defined_slabs())
        rests = [[box.without(self.lead) for j in self.anchors(table, k) for box in self.in_slab(table, j, k)]
                 for k in slabs]
        below, above = [[] for _ in self.slabs], [[] for _ in self.slabs]
        for order, out in ((slabs, below), (slabs[::-1], above)):
            union: list[Box] = []
            for k in order:
                out[k] = union
                more = [piece for rest in rests[k] for piece in self.space.subtract_all(rest, union)]
                if more:
                    union = self.space.merged(union + self.space.disjoint(more))
        return below, above

    def _nearest(self, table: ir.TableIR, slab: int, box: Box) -> tuple:
        """The rows nearest a hole along the lead quantity: the first below it and the first
        above it that cover sellers with its other quantities."""
        rest = box.without(self.lead)
        found = []
        for order in (range(slab - 1, -1, -1), range(slab + 1, len(self.defined_slabs()))):
            row = next((table.rows[j] for k in order for j in self.anchors(table, k)
                        if any(self.space.intersect(rest, box.without(self.lead))
                               for box in self.in_slab(table, j, k))), None)
            found.append(row)
        return tuple(found)

    def _sides(self, pairs, name: str):
        """For each row's box bounding `name`: the sellers above its range (the other
        bounds held), nearest first; and those below it."""
        below, above = [], []
        for row, box in pairs:
            part = box.get(name)
            if not isinstance(part, Interval):
                continue
            rest = box.without(name)
            if part.hi is not None:
                beyond = self.space.norm(name, Interval(lo=part.hi, lo_closed=not part.hi_closed))
                if beyond is not None:
                    below.append((part.hi, row, rest.with_part(name, beyond)))
            if part.lo is not None:
                before = self.space.norm(name, Interval(hi=part.lo, hi_closed=not part.lo_closed))
                if before is not None:
                    above.append((part.lo, row, rest.with_part(name, before)))
        if not below or not above:
            return None
        below.sort(key=lambda item: -item[0])
        above.sort(key=lambda item: item[0])
        return [(row, box) for _, row, box in below], [(row, box) for _, row, box in above]

    # -- problems
    def problems(self) -> list[Problem]:
        out: list[Problem] = []
        for table in self.tables:
            dead = self.dead_rows(table)
            if table.hit == "exclusive":  # a row that never fires is that one problem, not an overlap too
                # (a `first` table's rows may overlap: its order decides)
                never = {id(problem.rows[0]) for problem in dead}
                out.extend(p for p in self.overlaps(table) if id(p.rows[1]) not in never)
            out.extend(dead)
            out.extend(self.holes(table))
            out.extend(self.inside_standard(table))
        out.extend(self.monotonicity())
        return out

    def undecided(self, reason: str) -> Problem:
        return Problem(Diagnostic(
            UNDECIDED, say("analysis.undecided", where=self.where_regions(), reason=reason),
            severity=WARNING, span=self.rule.span, help=say("analysis.undecided.help")), self.rule, None, ())

    def overlaps(self, table: ir.TableIR) -> list[Problem]:
        out = []
        boxes = self.boxes[id(table)]
        pairs = sorted({pair for rows in self.active[id(table)] for pair in itertools.combinations(rows, 2)})
        for i, j in pairs:
            seller, shared = self.first_seller(met for a in boxes[i] for b in boxes[j]
                                               if (met := self.space.intersect(a, b)) is not None)
            if seller is None:
                continue
            first, second = table.rows[i], table.rows[j]
            out.append(Problem(Diagnostic(
                OVERLAP,
                say("analysis.overlap", first=first.index, first_where=first.where, second=second.index,
                    second_where=second.where, where=self.where_regions(), area=self.text(shared),
                    seller=self.described(seller)),
                severity=ERROR, span=second.span,
                related=(Related(first.span, say("analysis.overlap.note", row=first.index)),),
                help=say("analysis.overlap.help")),
                self.rule, table, (first, second), (seller,)))
        return out

    def dead_rows(self, table: ir.TableIR) -> list[Problem]:
        out = []
        boxes = self.boxes[id(table)]
        for i, row in enumerate(table.rows):
            if self.first_seller(self.owned[id(table)][i])[0] is not None:
                continue
            if row.otherwise:
                out.append(self.dead_otherwise(table, i))
                continue
            if self.first_seller(boxes[i])[0] is not None:
                winners = [j for j in range(i) if self.first_seller(
                    met for box in boxes[i] for met in self.shared(box, self.owned[id(table)][j]))[0] is not None]
                names = Words([say("analysis.row_at", row=table.rows[w].index, where=table.rows[w].where)
                               for w in winners], ",")
                message = say("analysis.shadowed" if len(winners) > 1 else "analysis.shadowed.one",
                              where=self.where_regions(), rows=names)
                related = tuple(Related(table.rows[w].span, say("analysis.shadowed.note", row=table.rows[w].index))
                                for w in winners)
                help = say("analysis.shadowed.help")
            else:
                message = say("analysis.no_seller", where=self.where_regions())
                related = ()
                help = say("analysis.no_seller.help")
            out.append(Problem(Diagnostic(DEAD_ROW, message, severity=ERROR, span=row.span, related=related,
                                          help=help), self.rule, table, (row,)))
        return out

    def dead_otherwise(self, table: ir.TableIR, position: int) -> Problem:
        """An `otherwise` row that never fires: the other rows match wherever its metric has a value."""
        row = table.rows[position]
        mine = self.space.box(row.boxes[0])
        winners = [j for j in range(position) if mine is not None and self.first_seller(
            met for box in self.boxes[id(table)][j] if (met := self.space.intersect(mine, box)) is not None)[0]
            is not None]
        names = Words([say("analysis.row_at", row=table.rows[w].index, where=table.rows[w].where)
                       for w in winners], ",")
        message = (say("analysis.otherwise_shadowed" if len(winners) > 1 else "analysis.otherwise_shadowed.one",
                       where=self.where_regions(), metric=self.rule.metric, rows=names)
                   if winners else say("analysis.otherwise_no_value", where=self.where_regions(),
                                       metric=self.rule.metric))
        return Problem(Diagnostic(
            DEAD_ROW, message, severity=ERROR, span=row.span,
            related=tuple(Related(table.rows[w].span, say("analysis.otherwise_shadowed.note", row=table.rows[w].index))
                          for w in winners),
            help=say("analysis.otherwise_shadowed.help")), self.rule, table, (row,))

    def holes(self, table: ir.TableIR) -> list[Problem]:
        out = []
        _, holes, _ = self.uncovered(table)
        by_rows: dict[tuple, list[Box]] = {}
        for box, rows in holes:
            by_rows.setdefault(rows, []).append(box)
        for (before, after), boxes in by_rows.items():
            for box in self.space.merged(boxes):
                seller = self.seller(box)
                if seller is None:
                    continue
                anchor = after or before
                related = tuple(Related(r.span, say("analysis.hole.note", row=r.index)) for r in (before, after)
                                if r is not None and r is not anchor)
                out.append(Problem(Diagnostic(
                    HOLE,
                    say("analysis.hole", where=self.where_regions(), area=self.text(box), seller=self.described(seller)),
                    severity=WARNING, span=anchor.span, related=related, help=say("analysis.hole.help")),
                    self.rule, table, (before, after), (seller,)))
        return out

    def inside_standard(self, table: ir.TableIR) -> list[Problem]:
        """The rows that fire for a seller who meets the standard, each with one such seller."""
        if self.standard is None:
            return []
        metric = self.metric
        standard = metric.standard
        if (metric.worse == "higher" and standard.hi is None) or (metric.worse == "lower" and standard.lo is None):
            return []  # the standard points the wrong way itself: that is the one problem (W300)
        out = []
        for i, row in enumerate(table.rows):
            if not (row.points or row.limit):
                continue  # a warning as a seller nears the standard is a policy's choice
            seller, box = self.first_seller(self.space.merged(self.shared(self.standard, self.owned[id(table)][i])))
            if seller is None:
                continue
            out.append(Problem(Diagnostic(
                INSIDE_STANDARD,
                say("analysis.inside_standard", where=self.where_regions(), metric=metric.name,
                    standard=metric.standard_text, area=self.text(box), seller=self.described(seller)),
                severity=WARNING, span=row.span, help=say("analysis.inside_standard.help")),
                self.rule, table, (row,), (seller,)))
        return out

    # -- monotonicity
    def outcomes(self, slab: int) -> list[tuple[Box, Fired]]:
        """The sellers of a slab by the rows that fire for them, over all the rule's tables:
        each row splits the areas it meets, unless a row before it in its exclusive table
        already fires there."""
        regions: list[tuple[Box, Fired]] = [(self.slabs[slab], ())]
        for table in self.tables:
            for position in self.active[id(table)][slab]:
                row, boxes = table.rows[position], self.in_slab(table, position, slab, disjoint=True)
                split = []
                for region, fired in regions:
                    met = [m for box in boxes if (m := self.space.intersect(region, box)) is not None]
                    if not met or (table.first_match and any(t is table for t, _ in fired)):
                        split.append((region, fired))
                        continue
                    split.extend((m, fired + ((table, row),)) for m in met)
                    split.extend((piece, fired) for piece in self.space.subtract_all(region, boxes))
                regions = split
        return [(box, fired) for box, fired in regions if fired]

    def monotonicity(self) -> list[Problem]:
        """Neighbouring pieces along a quantity with a direction: along the lead quantity,
        the areas of one slab and the next; along another, within one slab."""
        outcomes = [self.outcomes(k) for k in range(len(self.slabs))]
        out, reported = [], set()
        for name in self.names:
            direction = self.vocabulary[name].worse
            if direction not in ("higher", "lower"):
                continue
            for lower, upper in self._neighbouring(name, outcomes):
                worse, better = (upper, lower) if direction == "higher" else (lower, upper)
                problem = self._compare(self.axes, name, worse, better, reported)
                if problem is not None:
                    out.append(problem)
        return out

    def _neighbouring(self, name: str, outcomes: list[list[tuple[Box, Fired]]]):
        """Pairs of areas ((box, fired, piece) below, the same above) whose pieces of `name`
        are neighbours."""
        axis = self.axes[name]
        if name == self.lead:
            for k in range(len(self.defined_slabs()) - 1):
                for (low, low_fired), (high, high_fired) in itertools.product(outcomes[k], outcomes[k + 1]):
                    yield (low, low_fired, k), (high, high_fired, k + 1)
            return
        for regions in outcomes:
            ends: dict[int, list] = {}  # the last piece of each area along `name` -> the areas
            for box, fired in regions:
                part = box.get(name)
                if isinstance(part, Interval) and (span := axis.span(part)):
                    ends.setdefault(span[-1], []).append((box, fired))
            for box, fired in regions:
                part = box.get(name)
                if not isinstance(part, Interval) or not (span := axis.span(part)) or span[0] == 0:
                    continue
                for below, below_fired in ends.get(span[0] - 1, ()):
                    yield (below, below_fired, span[0] - 1), (box, fired, span[0])

    def axis(self, name: str) -> Axis:
        """The pieces of a quantity: cut by every bound of the rule's rows and its standard."""
        intervals = [interval for table in self.tables for row in table.rows for box in row.boxes
                     for other, interval in box if other == name]
        intervals += [part for table in self.tables for boxes in self.boxes[id(table)] for box in boxes
                      if isinstance(part := box.get(name), Interval)]
        q = self.vocabulary[name]
        if q.standard is not None:
            intervals.append(q.standard)
        return Axis(q, intervals, undefined=True)

    def _compare(self, axes, name: str, worse, better, reported: set) -> Problem | None:
        (worse_box, worse_fired, worse_piece), (better_box, better_fired, better_piece) = worse, better
        level_sets = self.space.meaning.program.levels
        bad, good = _penalty(worse_fired, level_sets), _penalty(better_fired, level_sets)
        why = bad.milder_than(good)
        if why is None:
            return None
        milder_set = next((s for s, mine, theirs in zip(level_sets, bad.ranks, good.ranks) if mine < theirs), None)
        row, other = _blame(worse_fired, better_fired, why, milder_set)
        if (row.span, name) in reported:
            return None
        sellers = self._neighbours(axes, name, worse_box.with_part(name, axes[name].interval(worse_piece, worse_piece)),
                                   better_box.with_part(name, axes[name].interval(better_piece, better_piece)))
        if sellers is None:
            return None
        worse_seller, better_seller = sellers
        reported.add((row.span, name))
        direction = self.vocabulary[name].worse
        return Problem(Diagnostic(
            MONOTONICITY,
            say(f"analysis.monotonicity.{direction}", name=name, where=self.where_regions(),
                less=penalty_text(bad.points, bad.limits, level_texts(bad, level_sets)), row=other.index,
                row_where=other.where, more=penalty_text(good.points, good.limits, level_texts(good, level_sets)), worse=self.described(worse_seller),
                better=self.described(better_seller)),
            severity=WARNING, span=row.span,
            related=(Related(other.span, say("analysis.monotonicity.note", row=other.index)),),
            help=say(f"analysis.monotonicity.{direction}.help", name=name)),
            self.rule, None, (row, other), (worse_seller, better_seller))

    def _neighbours(self, axes, name: str, worse_slice: Box, better_slice: Box) -> tuple[dict, dict] | None:
        """Two sellers, one in each slice (one piece of `name` each, neighbours), in the same
        piece of every other quantity; or None when there are no such two."""
        rest = self.space.intersect(worse_slice.without(name), better_slice.without(name))
        if rest is None:
            return None
        choices = []
        for other in self.names:
            if other == name:
                continue
            part, other_axis = rest.get(other), axes[other]
            if part == NONE:
                choices.append([(other, NONE)])
            else:
                pieces = [other_axis.interval(p, p) for p in
                          (other_axis.span(part) if part is not None else range(other_axis.defined))]
                choices.append([(other, piece) for piece in pieces] + ([(other, NONE)] if part is None else []))
        for cell in itertools.product(*choices):
            box = Box(tuple(sorted(cell)))
            worse_seller = self.seller(self.space.intersect(worse_slice, box))
            if worse_seller is None:
                continue
            better_seller = self.seller(self.space.intersect(better_slice, box))
            if better_seller is not None:
                return worse_seller, better_seller
        return None


def _penalty(fired: Fired, levels: tuple[ir.LevelSetIR, ...] = ()) -> Penalty:
    return Penalty(sum(row.points for _, row in fired), tuple(row.limit for _, row in fired if row.limit),
                   tuple(_rank(fired, level_set) for level_set in levels))


def _rank(fired: Fired, level_set: ir.LevelSetIR) -> int:
    """The worst rank the rows that fire give in a level set; -1 when they give none."""
    return max((level_set.rank(level) for _, row in fired for name, level in row.levels
                if name == level_set.name), default=-1)


def _blame(bad: Fired, good: Fired, why: str, levels: ir.LevelSetIR | None = None) -> tuple[ir.RowIR, ir.RowIR]:
    """The row of the worse seller that gives less, and the row of the better seller it is
    compared with (the same table's where there is one)."""
    for table, row in bad:
        for other in (r for t, r in good if t is table):
            if why == "points" and row.points < other.points:
                return row, other
            if why == "level" and _rank(((table, row),), levels) < _rank(((table, other),), levels):
                return row, other
            if why == "limit" and Penalty(0, (row.limit,) if row.limit else ()).milder_than(
                    Penalty(0, (other.limit,) if other.limit else ())):
                return row, other
    return bad[0][1], good[0][1]


def seller_text(seller: Mapping) -> str:
    return json.dumps(dict(seller), separators=(", ", ": "))
