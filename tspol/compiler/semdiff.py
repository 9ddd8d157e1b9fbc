"""Semantic diff of two versions of a pack: which sellers does an edit affect?

For every region and rule, both versions' rows cut the rule's quantities into
cells (as in `analysis`), here with one more piece per quantity: "no value"
(an input not given, a rate over 0 orders, a metric whose `only if` fails),
because a row that names fewer quantities fires for sellers the other does
not. In each cell both versions decide the rule exactly as the interpreter
does; cells where the outcome differs are merged into boxes, and each box with
a real seller in it is a `Change` carrying that seller.

An outcome is what a decision says about one rule, minus where it is written
(row numbers, file lines, wording): the quantities not applicable, whether the
metric is outside its standard, the points, warning, limit and measures of
each row that fired, and the discretionary measures that may follow.

A seller's level in a level set is decided over every rule of the region; when a
set's order or default changes, the sellers whose rows give the same levels in both
versions but whose level differs are changes of `levels SET` (`_LevelDiff`).

Everything else that differs (ledger, appeals, holds, thresholds, standards,
measures, the catalogue with its descriptions and examples, every name,
description and example text) is listed as a `ParameterChange`, stated
plainly; every field of the IR is either stated or left out with a reason
(`STATED`, `UNSTATED`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from fractions import Fraction

import attrs

from tspol.compiler import ir
from tspol.compiler.analysis import limit_text
from tspol.compiler.boxes import Space
from tspol.compiler.grid import Grid, rule_axes, seller_text
from tspol.compiler.meaning import Meaning
from tspol.compiler.solver import Oracle
from tspol.compiler.witness import exact
from tspol.dsl.formatter import decimal_text
from tspol.dsl.intervals import Interval
from tspol.messages import Words, say

NEW = "'"  # suffix of a metric whose definition changed: `DFR'` is the new DFR


# ---- outcomes --------------------------------------------------------------------------

@attrs.frozen
class Fired:
    points: int
    warning: bool
    limit: ir.LimitIR | None
    measures: tuple[str, ...]
    levels: tuple[tuple[str, str], ...] = ()  # (level set, level) the row gives (issue 11)

    def sort_key(self) -> tuple:
        limit = (self.limit.days, self.limit.percent, self.limit.basis) if self.limit else ()
        return (self.points, self.warning, limit, self.measures, self.levels)


@attrs.frozen
class Outcome:
    """What a decision says about one rule, for the sellers of one cell."""

    exists: bool = attrs.field(eq=False)  # a rule that says nothing is like no rule
    not_applicable: tuple[str, ...] = ()
    finding: bool = False
    standard: str = attrs.field(default="", eq=False)
    fired: tuple[Fired, ...] = ()
    discretionary: tuple[str, ...] = ()
    rows: tuple[str, ...] = attrs.field(default=(), eq=False)  # where the rows that fired are

    @property
    def points(self) -> int:
        return sum(f.points for f in self.fired)

    @property
    def warning(self) -> bool:
        return any(f.warning for f in self.fired)

    def to_dict(self) -> dict:
        return {
            "exists": self.exists,
            "points": self.points,
            "warning": self.warning,
            "limits": [{"days": f.limit.days, "percent": _percent_json(f.limit.percent), "basis": f.limit.basis}
                       for f in self.fired if f.limit],
            "measures": sorted({m for f in self.fired for m in f.measures}),
            "finding": self.finding,
            "standard": self.standard if self.finding else None,
            "not_applicable": list(self.not_applicable),
            "discretionary": list(self.discretionary),
            "rows": list(self.rows),
            **({"levels": [f"{name} {level}" for name, level in self.levels]} if self.levels else {}),
        }

    @property
    def levels(self) -> tuple[tuple[str, str], ...]:
        """Each (level set, level) the rows that fired give, once each, sorted."""
        return tuple(sorted({pair for f in self.fired for pair in f.levels}))

    def text(self, lang: str = "en") -> str:
        return ("," if lang == "zh" else ", ").join(self.parts(lang))

    def parts(self, lang: str = "en") -> list[str]:
        """The outcome in short phrases, in `lang`: `3 points`, `limit 7d at 10% avg4w`, ..."""
        def said(id, **fields) -> str:
            return say(id, **fields).text(lang)

        if not self.exists:
            return [said("semdiff.no_such_rule")]
        parts = [said("ledger.points.one" if self.points == 1 else "ledger.points", points=self.points)
                 if self.fired else said("semdiff.no_points")]
        if self.warning:
            parts.append(said("semdiff.warning"))
        parts += [limit_text(f.limit) for f in self.fired if f.limit]
        parts += sorted({m for f in self.fired for m in f.measures})
        parts += [said("semdiff.level", set=name, level=level) for name, level in self.levels]
        if self.finding:
            parts.append(said("semdiff.outside", standard=self.standard).rstrip())
        if self.not_applicable:
            parts.append(said("semdiff.not_applicable", names=Words(self.not_applicable, ",")))
        if self.discretionary:
            parts.append(said("semdiff.may", names=Words(self.discretionary, ",")))
        return parts


@attrs.frozen
class LevelOutcome:
    """A seller's level in one level set, over every rule of their region (issue 11):
    the worst level the rows that fired give, else the set's default."""

    level_set: str
    level: str
    default: bool = False  # no row placed the seller: the set's default
    rows: tuple[str, ...] = attrs.field(default=(), eq=False)  # where the rows that give `level` are

    def to_dict(self) -> dict:
        return {"level_set": self.level_set, "level": self.level, "default": self.default, "rows": list(self.rows)}

    def text(self, lang: str = "en") -> str:
        return self.parts(lang)[0]

    def parts(self, lang: str = "en") -> list[str]:
        """`level health green (the default)`, `level health orange`, in `lang`."""
        id = "semdiff.level_default" if self.default else "semdiff.level"
        return [say(id, set=self.level_set, level=self.level).text(lang)]


def _percent_json(percent: Fraction) -> int | str:
    return percent.numerator if percent.denominator == 1 else decimal_text(percent)


@attrs.frozen
class Change:
    """A box of sellers whose decision on one rule differs between the versions."""

    region: str
    rule: str
    where: str
    witness: dict
    before: Outcome
    after: Outcome
    box: Mapping[str, Interval] = attrs.field(eq=False, repr=False)
    undefined: frozenset[str] = attrs.field(eq=False, repr=False)
    meaning: Meaning = attrs.field(eq=False, repr=False)  # of both versions (`merged_program`)
    described: str = attrs.field(default="", eq=False)  # the witness with its rates
    where_said: object = attrs.field(default=None, eq=False, repr=False)  # `where` in either language

    def contains(self, seller: Mapping) -> bool:
        """Whether a seller (input name -> number) lies in this box."""
        values = exact({k: v for k, v in seller.items() if v is not None})
        everyone = {name: values.get(name) for name in self.meaning.inputs}
        for name, interval in self.box.items():
            value = self.meaning.value(name, everyone)
            if value is None or not interval.contains(value):
                return False
        return all(self.meaning.value(name, everyone) is None for name in self.undefined)

    def to_dict(self) -> dict:
        return {"region": self.region, "rule": self.rule, "where": self.where, "witness": self.witness,
                "before": self.before.to_dict(), "after": self.after.to_dict()}


@attrs.frozen
class ParameterChange:
    """Something other than a table that differs, stated plainly."""

    section: str
    item: str
    before: str | None
    after: str | None

    def text(self, lang: str = "en") -> str:
        """`rule late_dispatch in US: points: 3 -> 4`, in `lang` (the sections, items and values as stated)."""
        fields = {"section": self.section, "item": self.item, "before": self.before, "after": self.after}
        if self.before is None:
            id = "semdiff.added_item" if self.item else "semdiff.added"
        elif self.after is None:
            id = "semdiff.removed_item" if self.item else "semdiff.removed"
        else:
            id = "semdiff.changed"
        return say(id, **fields).text(lang)

    def to_dict(self) -> dict:
        return {"section": self.section, "item": self.item, "before": self.before, "after": self.after}


@attrs.frozen
class Diff:
    old: str  # what the versions are called: paths, or a git revision
    new: str
    changes: tuple[Change, ...]
    parameters: tuple[ParameterChange, ...]
    renamed: tuple[tuple[str, str], ...] = ()  # (metric, its name in NEW's terms): defined differently

    @property
    def differ(self) -> bool:
        return bool(self.changes or self.parameters)

    def to_dict(self) -> dict:
        return {"old": self.old, "new": self.new, "differ": self.differ,
                "changes": [c.to_dict() for c in self.changes],
                "parameters": [p.to_dict() for p in self.parameters],
                "renamed": {now: was for was, now in self.renamed}}


# ---- the diff --------------------------------------------------------------------------

def diff_programs(old: ir.Program, new: ir.Program, old_name: str = "old", new_name: str = "new") -> Diff:
    renames = _renamed_metrics(old, new)
    both = merged_program(old, new, renames)
    meaning = Meaning(both)
    space = Space(meaning, Oracle(meaning))
    changes = []
    for region in _union(old.region_names, new.region_names):
        old_rules = _rules(old, region)
        new_rules = _rules(new, region)
        for rule in _union(old_rules, new_rules):
            changes.extend(_RuleDiff(space, region, rule, (old, old_rules.get(rule)),
                                     (new, new_rules.get(rule)), renames).changes())
        changes.extend(_level_changes(space, region, old, new, renames))
    return Diff(old_name, new_name, tuple(changes), tuple(parameter_changes(old, new)),
                tuple(sorted(renames.items())))


def merged_program(old: ir.Program, new: ir.Program, renames: Mapping[str, str]) -> ir.Program:
    """One program with the inputs of both versions (a part-of relation of either
    holds: a seller must suit both) and the metrics of both, a metric defined anew
    under its new name (`renames`), so that one meaning reads both versions' rows."""
    inputs = {i.name: i for i in new.inputs}
    for spec in old.inputs:
        theirs = inputs.get(spec.name)
        if theirs is not None and theirs.part_of and not spec.part_of:
            spec = attrs.evolve(spec, part_of=theirs.part_of)
        inputs[spec.name] = spec
    metrics = {m.name: m for m in old.metrics}
    for metric in new.metrics:
        name = renames.get(metric.name, metric.name)
        metrics.setdefault(name, attrs.evolve(metric, name=name))
    return attrs.evolve(old, inputs=tuple(inputs.values()), metrics=tuple(metrics.values()))


def _union(first: Iterable[str], second: Iterable[str]) -> list[str]:
    out = list(first)
    out += [n for n in second if n not in out]
    return out


def _rules(program: ir.Program, region: str) -> dict[str, ir.RuleIR]:
    if region not in program.region_names:
        return {}
    return {r.name: r for r in program.region(region).rules}


def _renamed_metrics(old: ir.Program, new: ir.Program) -> dict[str, str]:
    """Metrics defined differently in the two versions are two quantities."""
    renames = {}
    for metric in new.metrics:
        before = old.metric(metric.name)
        if before is not None and _definition(before) != _definition(metric):
            renames[metric.name] = metric.name + NEW
    return renames


def _definition(metric: ir.MetricIR) -> tuple:
    return (metric.kind, metric.numerator, metric.denominator, metric.only_if)


def _rename_rule(rule: ir.RuleIR, renames: Mapping[str, str]) -> ir.RuleIR:
    if not renames:
        return rule
    tables = tuple(
        attrs.evolve(t, rows=tuple(
            attrs.evolve(r, boxes=tuple(tuple((renames.get(n, n), i) for n, i in box) for box in r.boxes))
            for r in t.rows))
        for t in rule.tables)
    return attrs.evolve(rule, metric=renames.get(rule.metric, rule.metric), tables=tables)


class _RuleDiff:
    """One rule of one region in both versions, cut into the cells of one grid.

    In each cell a version decides the rule as the interpreter does, with the IR's own
    semantics (`Program.rule_quantities`, `TableIR.fired`, `RuleIR.may_follow`); the
    grid only says which quantities are undefined, which rows match and whether the
    metric is outside its standard, for every seller of the cell at once."""

    def __init__(self, space: Space, region: str, rule: str, old, new, renames):
        self.space = space
        vocabulary = self.vocabulary = space.oracle.vocabulary
        self.region = region
        self.rule = rule
        # (program, its RuleIR or None, its metrics' names on the grid)
        self.versions = [(*old, {}), (*new, renames)]
        rules = [_rename_rule(r, names) for _, r, names in self.versions if r is not None]
        standards: dict[str, list[Interval]] = {}
        for program, r, names in self.versions:
            metric = program.metric(r.metric) if r is not None and r.metric else None
            if metric is not None and metric.standard is not None:
                standards.setdefault(names.get(r.metric, r.metric), []).append(metric.standard)
        self.grid = Grid(vocabulary, rule_axes(vocabulary, rules, undefined=True,
                                               extra=[r.metric for r in rules if r.metric], cuts=standards), space)

    def outcomes(self, index: int) -> dict[tuple, Outcome]:
        program, rule, names = self.versions[index]
        cells = list(self.grid.cells())
        if rule is None:
            return {cell: Outcome(False) for cell in cells}
        grid = self.grid
        axis = {q: grid.index[names.get(q, q)] for q in program.rule_quantities(rule)}
        metric = program.metric(rule.metric) if rule.metric else None
        standard = metric.standard if metric is not None else None
        standard_span = set(grid.axes[axis[rule.metric]].span(standard)) if standard is not None else set()
        fired_rows = _fired_rows(grid, _rename_rule(rule, names))
        out = {}
        for cell in cells:
            missing = tuple(q for q, i in axis.items() if cell[i] == grid.axes[i].undefined)
            finding = (metric is not None and rule.metric not in missing and standard is not None
                       and cell[axis[rule.metric]] not in standard_span)
            rows = fired_rows(cell)
            fired = tuple(sorted((Fired(r.points, r.warning, r.limit, r.measures, r.levels) for r in rows), key=Fired.sort_key))
            out[cell] = Outcome(True, missing, finding, metric.standard_text if finding else "", fired,
                                rule.may_follow(bool(rows), finding), tuple(r.where for r in rows))
        return out

    def changes(self) -> list[Change]:
        before, after = self.outcomes(0), self.outcomes(1)
        labels = {cell: (before[cell], after[cell], before[cell].rows, after[cell].rows)
                  for cell in before if before[cell] != after[cell] and self.grid.seller(cell) is not None}
        return _merged_changes(self.space, self.grid, self.region, self.rule, labels)


def _merged_changes(space: Space, grid: Grid, region: str, rule: str, labels: dict) -> list[Change]:
    """The changes of a rule (or `levels SET`): the grid's cells of one label (before, after,
    and the rows of each) merged into areas, each with a seller in it; an area no seller is
    in is not a change."""
    out = []
    for (was, now, _, _), ranges in grid.merge(labels):
        seller = grid.seller_in(ranges)
        if seller is None:
            continue
        box, undefined = grid.box_of(ranges)
        where = grid.said(ranges)
        out.append(Change(region, rule, where.text("en"), seller, was, now, box, frozenset(undefined),
                          space.meaning, seller_text(seller, grid), where))
    return out


def _fired_rows(grid: Grid, rule: ir.RuleIR) -> Callable[[tuple], list[ir.RowIR]]:
    """The rows of `rule` (its metrics named as on `grid`) that fire for the sellers of a cell.

    A row's condition holds in a cell where one of its boxes does (`meaning.row`); which
    rows fire then is the IR's own reading, `TableIR.fired`."""
    masks = []  # per table: the cells each box contains (a bit per box), and each row's bits
    for table in rule.tables:
        boxes = [box for r in table.rows for box in r.boxes]
        bits, first = {}, 0
        for r in table.rows:
            bits[id(r)] = ((1 << len(r.boxes)) - 1) << first
            first += len(r.boxes)
        masks.append((table, grid.cell_masks(grid.row_masks(boxes)), bits))

    def fired(cell: tuple) -> list[ir.RowIR]:
        return [row for table, table_masks, bits in masks
                for row in table.fired(lambda row, mask=table_masks[cell], bits=bits: mask & bits[id(row)])]
    return fired


def _level_changes(space: Space, region: str, old: ir.Program, new: ir.Program, renames) -> list[Change]:
    """The sellers of `region` whose level a changed level set (its order or its default) changes."""
    if region not in old.region_names or region not in new.region_names:
        return []
    sets = {s.name: s for s in old.levels}
    out = []
    for level_set in new.levels:
        was = sets.get(level_set.name)
        if was is not None and (was.levels, was.default) != (level_set.levels, level_set.default):
            out.extend(_LevelDiff(space, region, (old, was, {}), (new, level_set, renames)).changes())
    return out


class _LevelDiff:
    """One level set in one region, in both versions, on one grid over the quantities of
    every rule of the region that gives one of its levels (issue 11).

    A seller's level is the worst level the rows that fired give (`LevelSetIR.worst`),
    else the default; when the set's order or default changes, so may the level of a
    seller whose rows give the same levels in both versions (a seller no row places, for
    a default; one placed at two levels, for an order): those sellers are the changes.
    A seller whose rows give other levels is a change of the rule that gives them."""

    def __init__(self, space: Space, region: str, old, new):
        self.space = space
        self.region = region
        self.name = new[1].name
        # (program, its LevelSetIR, its metrics' names on the grid)
        self.versions = [old, new]
        rules = [_rename_rule(rule, names) for program, level_set, names in self.versions
                 for rule in _rules(program, region).values() if _gives(rule, level_set.name)]
        vocabulary = space.oracle.vocabulary
        self.grid = Grid(vocabulary, rule_axes(vocabulary, rules, undefined=True,
                                               extra=[r.metric for r in rules if r.metric]), space)

    def given(self, index: int) -> dict[tuple, frozenset[tuple[str, str]]]:
        """Per cell, the levels of the set the version's rows give, with where each row is."""
        program, level_set, names = self.versions[index]
        fired = [_fired_rows(self.grid, _rename_rule(rule, names))
                 for rule in _rules(program, self.region).values() if _gives(rule, level_set.name)]
        return {cell: frozenset((level, row.where) for rows in fired for row in rows(cell)
                                for name, level in row.levels if name == level_set.name)
                for cell in self.grid.cells()}

    def outcome(self, index: int, given: frozenset[tuple[str, str]]) -> LevelOutcome:
        level_set = self.versions[index][1]
        level = level_set.worst(level for level, _ in given)
        rows = tuple(sorted({where for given_level, where in given if given_level == level}))
        return LevelOutcome(self.name, level, not given, rows)

    def changes(self) -> list[Change]:
        before, after = self.given(0), self.given(1)
        labels = {}
        for cell, given in before.items():
            if {level for level, _ in given} != {level for level, _ in after[cell]}:
                continue  # the rows give other levels: a change of the rule that gives them
            was, now = self.outcome(0, given), self.outcome(1, after[cell])
            if was != now and self.grid.seller(cell) is not None:
                labels[cell] = (was, now, was.rows, now.rows)
        return _merged_changes(self.space, self.grid, self.region, f"levels {self.name}", labels)


def _gives(rule: ir.RuleIR, level_set: str) -> bool:
    """Whether a row of the rule gives a level of the set."""
    return any(name == level_set for table in rule.tables for row in table.rows for name, _ in row.levels)


# ---- everything else, stated plainly

# ---- everything else, stated plainly ---------------------------------------------------
#
# Each declaration is a section of facts (item -> text), compared item by item. How each
# field of an IR class is stated is in STATED; a field that is not is in UNSTATED with the
# reason. A field in neither (one added to the IR later) is still stated, by its name and
# value, and a test fails until it is put in one of the two.

Facts = dict[str, str]


def parameter_changes(old: ir.Program, new: ir.Program) -> list[ParameterChange]:
    before, after = _facts(old), _facts(new)
    out = []
    for section in _union(before, after):
        if section not in after:
            out.append(ParameterChange(section, "", "declared", None))
            continue
        if section not in before:
            out.append(ParameterChange(section, "", None, "declared"))
            continue
        for item in _union(before[section], after[section]):
            was, now = before[section].get(item), after[section].get(item)
            if was != now:
                out.append(ParameterChange(section, item, was, now))
    return out


def _facts(program: ir.Program) -> dict[str, Facts]:
    """Each declaration as a section of facts, to compare item by item."""
    facts: dict[str, Facts] = {"policy": stated(program)}
    facts.update((f"input {i.name}", stated(i)) for i in program.inputs)
    facts.update((f"metric {m.name}", stated(m)) for m in program.metrics)
    facts.update((f"basis {b.name}", stated(b)) for b in program.bases)
    for region in program.regions:
        facts[f"region {region.name}"] = stated(region)
        facts.update((f"rule {r.name} in {region.name}", stated(r)) for r in region.rules)
    if program.ledger is not None:
        facts["ledger"] = stated(program.ledger)
    if program.appeals is not None:
        facts["appeals"] = stated(program.appeals)
    facts.update((f"hold {h.name}", stated(h)) for h in program.holds)
    for kind, names, docs in (("measure", program.measures, program.measure_docs),
                              ("category", program.categories, program.category_docs)):
        about = {d.name: stated(d) for d in docs}
        facts.update((f"{kind} {name}", {**_texts(texts, "name"), **about.get(name, {})}) for name, texts in names)
    facts.update((f"reason {r.name}", stated(r)) for r in program.reasons)
    facts.update((f"levels {s.name}", stated(s)) for s in program.levels)
    return facts


def stated(declaration) -> Facts:
    """The facts of one IR object: its fields as STATED says, then any field neither
    stated nor left out on purpose, by its name."""
    cls = type(declaration)
    facts: Facts = {}
    for state in STATED.get(cls, {}).values():
        facts.update(state(declaration))
    claimed = {name for fields in STATED.get(cls, {}) for name in fields} | set(UNSTATED.get(cls, {}))
    for field in attrs.fields(cls):
        if field.eq and field.name not in claimed:
            facts[field.name.replace("_", " ")] = _plain(getattr(declaration, field.name))
    return facts


def _plain(value) -> str:
    if isinstance(value, tuple):
        return ", ".join(_plain(v) for v in value)
    if attrs.has(type(value)):
        return "; ".join(f"{k}: {v}" for k, v in stated(value).items())
    return "" if value is None else str(value)


def _texts(texts: ir.Texts, what: str) -> Facts:
    return {f"{what} {lang}": value for lang in ("en", "zh") if (value := getattr(texts, lang))}


def _examples(examples: ir.Examples) -> Facts:
    """`example en 1`, `example en 2`, `example zh 1`, ...: the examples of each language in order."""
    facts: Facts = {}
    for lang, text in examples:
        count = sum(item.startswith(f"example {lang} ") for item in facts) + 1
        facts[f"example {lang} {count}"] = text
    return facts


def _days(days: int | None) -> str:
    return "permanently" if days is None else f"{days}d"


def _merged(parts: Iterable[Facts]) -> Facts:
    return {item: value for part in parts for item, value in part.items()}


def _outcome_facts(outcome: ir.HoldOutcomeIR) -> Facts:
    item = "on no appeal" if outcome.outcome == "none" else f"on {outcome.outcome} appeal"
    within = f"within {outcome.appeal_within_days}d, " if outcome.appeal_within_days is not None else ""
    if outcome.release_within_days is None:
        return {item: within + "keep until period end"}
    return {item: within + f"release within {outcome.release_within_days}d"}


def _threshold_facts(threshold: ir.ThresholdIR, below: bool = False) -> Facts:
    """`threshold 12: no_campaigns for 7d`; a score ledger's (`below`) is `threshold below 150`, as the pack says."""
    extensions = dict(threshold.extensions)  # issue 11
    return {f"threshold {'below ' if below else ''}{threshold.points}": ", ".join(
        f"{measure} {_threshold_length(threshold, measure, days)}"
        + (f" extended by {extensions[measure]}d on each new violation" if measure in extensions else "")
        for measure, days in threshold.measures)}


def _threshold_length(threshold: ir.ThresholdIR, measure: str, days: int | None) -> str:
    """`for 14d`, `permanently`, `until LDR is within standard`, `while at this level` (issue 11)."""
    metric = dict(threshold.until_within).get(measure)
    if metric is not None:
        return f"until {metric} is within standard"
    if measure in threshold.while_level:
        return "while at this level"
    return "permanently" if days is None else f"for {days}d"


TEXTS = {
    ("names",): lambda d: _texts(d.names, "name"),
    ("descriptions",): lambda d: _texts(d.descriptions, "description"),
    ("examples",): lambda d: _examples(d.examples),
}
LEDGER = {
    ("expiry_days",): lambda l: {"points expire after": _days(l.expiry_days) if l.expiry_days else "never"},
    ("deactivate_at",): lambda l: {"deactivate at": f"{l.deactivate_at} points" if l.deactivate_at else "never"},
    ("freeze_when_deactivated",): lambda l: {
        "points freeze while deactivated": "yes" if l.freeze_when_deactivated else "no"},
    ("warning_margin",): lambda l: {
        "warn before each threshold": f"{l.warning_margin} points" if l.warning_margin else "no"},
    ("crossing",): lambda l: {"multiple thresholds apply": l.crossing},
    ("linked_accounts_share",): lambda l: {
        "linked accounts share enforcement": "yes" if l.linked_accounts_share else "no"},
    ("thresholds",): lambda l: _merged(_threshold_facts(t, below=l.score is not None) for t in l.thresholds),
    ("reset",): lambda l: stated(l.reset) if l.reset else {"points reset on": "never"},  # issue 11
    ("repeat",): lambda l: stated(l.repeat) if l.repeat else {"repeat": "no"},  # issue 11
    ("score",): lambda l: stated(l.score) if l.score else {"score": "no"},  # issue 11: signed scores
}

# IR class -> {fields: what they state}
STATED: dict[type, dict[tuple[str, ...], Callable[[object], Facts]]] = {
    # arithmetic on metrics (issue 11): a term is stated in its metric's definition
    ir.TermIR: {("weight", "quantity"): lambda t: {"term": t.text}},
    ir.Program: {
        ("name",): lambda p: {"name": p.name},
        ("version",): lambda p: {"version": p.version},
        ("effective",): lambda p: {"effective": p.effective},
        ("titles",): lambda p: _texts(p.titles, "name"),
        ("descriptions",): TEXTS[("descriptions",)],
        ("examples",): TEXTS[("examples",)],
    },
    ir.InputIR: {
        ("kind", "unit"): lambda i: {"type": i.kind + (f" in {i.unit}" if i.unit else "")},
        ("part_of",): lambda i: {"part of": i.part_of or ""},
        ("worse",): lambda i: {"worse": i.worse or ""},
        **TEXTS,
    },
    ir.MetricIR: {
        ("numerator", "denominator", "combine"): lambda m: {"definition": m.definition},
        ("terms",): lambda m: {"terms": ", ".join(t.text for t in m.terms)} if m.terms else {},
        ("standard_text",): lambda m: {"standard": m.standard_text},
        ("only_if_text",): lambda m: {"only if": m.only_if_text},
        ("worse",): lambda m: {"worse": m.worse or ""},
        **TEXTS,
    },
    ir.BasisIR: {
        ("input",): lambda b: {"input": b.input},
        ("rounding",): lambda b: {"round": b.rounding},
        **TEXTS,
    },
    ir.RegionIR: TEXTS,
    ir.RuleIR: {
        ("reason",): lambda r: {"reason": r.reason or ""},
        ("metric",): lambda r: {"on": r.metric or ""},
        ("may",): lambda r: {"may": ", ".join(r.may)},
        ("cadence",): lambda r: stated(r.cadence) if r.cadence else {},
        **TEXTS,
    },
    ir.LedgerIR: LEDGER,
    ir.ThresholdIR: {("points", "measures", "extensions", "until_within", "while_level"): _threshold_facts},
    ir.ResetIR: {("period", "day", "nth", "weekday"): lambda r: {"points reset on": r.text}},  # issue 11
    ir.RepeatIR: {("within_days", "adds"): lambda r: {"repeat": r.text}},  # issue 11
    ir.ScoreIR: {  # issue 11: signed scores
        ("start",): lambda s: {"score starts at": str(s.start)},
        ("cap",): lambda s: {"score at most": str(s.cap)},
        ("regain_points", "regain_days"): lambda s: {"score regains": s.regain_text},
        ("deactivate_at",): lambda s: {"deactivate at score": "never" if s.deactivate_at is None
                                       else str(s.deactivate_at)},
    },
    ir.AppealsIR: {
        ("attempts",): lambda a: {"attempts per violation": str(a.attempts)},
        ("first_within_days",): lambda a: {"first within": f"{a.first_within_days}d of penalty"},
        ("next_within_days",): lambda a: {"next within": f"{a.next_within_days}d of rejection"},
    },
    ir.HoldIR: {
        ("reasons",): lambda h: {"for": ", ".join(h.reasons)},
        ("shortest_days", "longest_days"): lambda h: {"period": f"{h.shortest_days}d to {h.longest_days}d"},
        ("ends_at",): lambda h: {"ends at": f"{h.ends_at} of period and investigation"},
        ("outcomes",): lambda h: _merged(stated(o) for o in h.outcomes),
        **TEXTS,
    },
    ir.HoldOutcomeIR: {("outcome", "appeal_within_days", "release_within_days"): _outcome_facts},
    ir.ReasonIR: {
        ("category",): lambda r: {"category": r.category},
        ("points", "points_range"): lambda r: {"points": ir.points_text(r.points_range) if r.points_range
                                               else r.points or ""},
        ("may",): lambda r: {"may": ", ".join(r.may)},
        **TEXTS,
    },
    ir.DocsIR: {("descriptions",): TEXTS[("descriptions",)], ("examples",): TEXTS[("examples",)]},
    ir.CadenceIR: {("period", "day"): lambda c: {"evaluated": c.written()}},  # issue 11, evaluation cadence
    ir.LevelSetIR: {
        ("levels",): lambda s: {"levels, best first": ", ".join(s.levels)},
        ("default",): lambda s: {"default": s.default},
        ("names",): TEXTS[("names",)],
        ("level_names",): lambda s: _merged(_texts(texts, f"level {level} name")
                                            for level, texts in zip(s.levels, s.level_names)),
    },
}

SECTION = "names the section"
UNSTATED: dict[type, dict[str, str]] = {
    ir.TermIR: {"numerator": "follows from the term's quantity", "denominator": "follows from the term's quantity"},
    ir.Program: {
        "source_hash": "changes with any edit of the text, a comment too",
        **dict.fromkeys(("inputs", "metrics", "bases", "regions", "ledger", "appeals", "holds", "measures",
                         "reasons", "categories", "measure_docs", "category_docs", "levels"),
                      "sections of their own"),
    },
    ir.InputIR: {"name": SECTION},
    ir.MetricIR: {"name": SECTION, "kind": "follows from the definition and the inputs",
                  "unit": "follows from the definition and the inputs",
                  "standard": "stated as written (standard_text)", "only_if": "stated as written (only_if_text)"},
    ir.BasisIR: {"name": SECTION},
    ir.RegionIR: {"name": SECTION, "rules": "sections of their own"},
    ir.RuleIR: {"name": SECTION, "region": SECTION, "tables": "compared seller by seller: the changes"},
    ir.HoldIR: {"name": SECTION},
    ir.ReasonIR: {"name": SECTION},
    ir.DocsIR: {"name": SECTION},
    ir.LevelSetIR: {"name": SECTION},
}
