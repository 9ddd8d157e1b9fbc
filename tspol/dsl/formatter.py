"""The one canonical layout of `.pol` text.

Two-space indentation, one statement per line, one blank line between
top-level declarations, at most one blank line inside a block where the author
left one. Comments stay where they were: a comment on its own line stays
before the statement that follows it; a comment after code stays at the end of
that statement's line. Formatting formatted text changes nothing.
"""

from __future__ import annotations

from fractions import Fraction

from tspol.dsl import ast

INDENT = "  "


def format_source(text: str, path: str = "<string>") -> str:
    from tspol.dsl.parser import parse  # here: the IR reads decimal_text, and a cached load no parser

    return format_file(parse(text, path), text)


def format_file(file: ast.File, source: str) -> str:
    return _Formatter(file, source).run()


# ---- expressions, shared with explanations ------------------------------------------

def decimal_text(value: Fraction) -> str:
    """An exact decimal: 5/2 -> "2.5", with as many places as it takes, so that the
    text of a literal reads back as the same literal. A value that no decimal writes
    (a rate such as 1/3, in an explanation) is written as a fraction."""
    if value.denominator == 1:
        return str(value.numerator)
    scale = _decimal_places(value.denominator)
    if scale is None:
        return f"{value.numerator}/{value.denominator}"
    digits = str(abs(value.numerator * 10**scale // value.denominator)).rjust(scale + 1, "0")
    sign = "-" if value < 0 else ""
    return f"{sign}{digits[:-scale]}.{digits[-scale:]}"


def _decimal_places(denominator: int) -> int | None:
    """How many decimal places a fraction with this (reduced) denominator takes:
    the larger power of 2 or 5 in it; None if it has another prime factor."""
    twos = (denominator & -denominator).bit_length() - 1
    rest = denominator >> twos
    fives = 0
    while rest % 5 == 0:
        rest //= 5
        fives += 1
    return max(twos, fives) if rest == 1 else None


def extension_text(extension: ast.Extension | None) -> str:
    """` extended by 7d on each new violation` after a measure's length (issue 11), or nothing."""
    return f" extended by {quantity_text(extension.by)} on each new violation" if extension else ""


def lasts_text(lasts: ast.UntilWithin | ast.WhileLevel | None) -> str:
    """How long a measure without `for N` lasts: `permanently`, `until LDR is within standard`
    or `while at this level` (issue 11)."""
    if isinstance(lasts, ast.UntilWithin):
        return f"until {lasts.metric.value} is within standard"
    return "while at this level" if isinstance(lasts, ast.WhileLevel) else "permanently"


def quantity_text(q: ast.Quantity) -> str:
    number = decimal_text(q.value)
    return {
        "number": number,
        "percent": f"{number}%",
        "duration": f"{number}{q.unit}",
        "money": f"{number} {q.unit}",
    }[q.kind]


def operand_text(operand) -> str:
    return operand.value if isinstance(operand, ast.Name) else quantity_text(operand)


def comparison_text(c: ast.Comparison) -> str:
    parts = [operand_text(c.operands[0])]
    for op, operand in zip(c.ops, c.operands[1:]):
        parts += [op, operand_text(operand)]
    return " ".join(parts)


def condition_text(c: ast.Condition) -> str:
    """A condition with parentheses around an `or` inside an `and`, around an `and`
    inside an `or`, and around what `not` applies to: `A or B`, `(A or B) and C`,
    `A or (B and C)`, `not (A and B)`, `not (A)`."""
    if len(c.items) == 1 and isinstance(c.items[0], ast.AnyOf):
        return _alternatives_text(c.items[0])
    return " and ".join(_factor_text(item) for item in c.items)


def _alternatives_text(any_of: ast.AnyOf) -> str:
    """`A or (B and C)`: an alternative of several items in parentheses, so that no
    reader has to know that `and` binds tighter than `or`."""
    return " or ".join(condition_text(a) if len(a.items) == 1 else f"({condition_text(a)})"
                       for a in any_of.alternatives)


def _factor_text(item) -> str:
    """An item as one side of an `and`, or what a `not` applies to."""
    if isinstance(item, ast.Comparison):
        return comparison_text(item)
    if isinstance(item, ast.Not):  # what it applies to always in parentheses: `not (LDR >= 5%)`
        inner = item.item
        if isinstance(inner, ast.Condition):
            inner = condition_text(inner)
        elif isinstance(inner, ast.AnyOf):
            inner = _alternatives_text(inner)
        else:
            inner = _factor_text(inner)
        return f"not ({inner})"
    if isinstance(item, ast.AnyOf):
        return f"({_alternatives_text(item)})"
    return f"({condition_text(item)})"


def action_text(a) -> str:
    if isinstance(a, ast.Points):
        return f"points {quantity_text(a.amount)}"
    if isinstance(a, ast.WarningAction):
        return "warning"
    if isinstance(a, ast.Limit):
        return f"limit {quantity_text(a.days)} at {quantity_text(a.percent)} {a.basis.value}"
    if isinstance(a, ast.LevelAction):
        return f"level {a.set.value} {a.level.value}"
    return a.name.value


def row_text(row: ast.Row) -> str:
    actions = ", ".join(action_text(a) for a in row.actions)
    if row.condition is None:
        return f"otherwise {actions}"
    return f"when {condition_text(row.condition)} then {actions}"


def string_text(value: str) -> str:
    escaped = (value.replace("\\", "\\\\").replace('"', '\\"')
               .replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r"))
    return f'"{escaped}"'


def names_text(names) -> str:
    return ", ".join(n.value for n in names)


# ---- statements ------------------------------------------------------------------------

def statement_text(item) -> str:
    """The one line of a statement that is not a block."""
    return _STATEMENTS[type(item)](item)


_STATEMENTS = {
    ast.Text: lambda t: f"{t.kind} {t.lang.value} {string_text(t.value)}",
    ast.Version: lambda v: f"version {string_text(v.value)}",
    ast.Effective: lambda e: f"effective {e.date}",
    ast.PartOf: lambda p: f"part of {p.whole.value}",
    ast.Direction: lambda d: f"{d.worse} is worse",
    ast.Rounding: lambda r: f"round {r.mode}",
    ast.Standard: lambda s: f"standard {condition_text(s.condition)}",
    ast.OnlyIf: lambda o: f"only if {condition_text(o.condition)}",
    ast.ReasonRef: lambda r: f"reason {r.name.value}",
    ast.OnMetric: lambda o: f"on {o.name.value}",
    ast.May: lambda m: f"may {names_text(m.names)}",
    ast.Row: row_text,
    ast.Expiry: lambda e: f"points expire after {quantity_text(e.after)}",
    ast.Freeze: lambda f: "points freeze while deactivated",
    ast.Deactivation: lambda d: f"deactivate at {quantity_text(d.points)} points",
    ast.WarningMargin: lambda w: f"warn {quantity_text(w.points)} points before each threshold",
    ast.Crossing: lambda c: f"multiple thresholds apply {c.mode}",
    ast.Linked: lambda l: "linked accounts share enforcement",
    ast.Reset: lambda r: "points reset on " + (
        f"day {quantity_text(r.day)}" if r.day is not None else f"the {r.nth} {r.weekday}") + f" of each {r.period}",
    ast.Repeat: lambda r: ("points double" if r.adds is None else f"points add {quantity_text(r.adds)}")
    + f" for a repeat within {quantity_text(r.within)}",
    ast.Score: lambda s: f"score starts at {quantity_text(s.start)}" + (
        f", at most {quantity_text(s.cap)}" if s.cap is not None else ""),
    ast.Regain: lambda r: f"score regains {quantity_text(r.points)}" + (
        f" every {quantity_text(r.every)}" if r.every is not None else ""),
    ast.ScoreDeactivation: lambda d: f"deactivate at {quantity_text(d.score)} score",
    ast.ThresholdMeasure: lambda m: (f"{m.measure.value} for {quantity_text(m.duration)}" + extension_text(m.extension)
                                     if m.duration is not None else f"{m.measure.value} {lasts_text(m.lasts)}"),
    ast.Attempts: lambda a: f"at most {quantity_text(a.count)} per violation",
    ast.FirstWindow: lambda w: f"first within {quantity_text(w.within)} of penalty",
    ast.NextWindow: lambda w: f"next within {quantity_text(w.within)} of rejection",
    ast.HoldFor: lambda h: f"for {names_text(h.reasons)}",
    ast.HoldPeriod: lambda p: f"period {quantity_text(p.shortest)} to {quantity_text(p.longest)}",
    ast.HoldEnd: lambda e: f"ends at {e.mode} of period and investigation",
    ast.HoldOutcome: lambda o: "on " + (
        f"no appeal within {quantity_text(o.appeal_within)}" if o.outcome == "none" else f"{o.outcome} appeal"
    ) + (f" release within {quantity_text(o.release_within)}" if o.action == "release" else " keep until period end"),
    ast.ReasonPoints: lambda p: "points discretionary" if p.source == "discretionary" else "points by rule",
    ast.Remove: lambda r: f"remove {r.kind} {r.name.value}" + (f" in {names_text(r.regions)}" if r.regions else ""),
    ast.Carryover: lambda c: f"points scored before {c.date} " + (
        "keep their expiry" if c.keep else "take the new expiry"),
    ast.ParamCase: lambda c: param_case_text(c),
    ast.ReasonRange: lambda r: f"points {reason_range_text(r)}",
    ast.Cadence: lambda c: f"evaluated {cadence_text(c)}",
    ast.LevelDefault: lambda d: f"default {d.name.value}",
}


def param_case_text(case: ast.ParamCase) -> str:
    """`when orders_30d > 75 then 5%`, `in US, UK then 4%`, `otherwise 6%`."""
    value = case.value.value if isinstance(case.value, ast.Name) else quantity_text(case.value)
    if case.condition is not None:
        return f"when {condition_text(case.condition)} then {value}"
    if case.regions:
        return f"in {names_text(case.regions)} then {value}"
    return f"otherwise {value}"


def reason_range_text(stated: ast.ReasonRange) -> str:
    """A reason's stated points as written: `3`, `2 to 4` (issue 11, points from the catalogue)."""
    return quantity_text(stated.low) + (f" to {quantity_text(stated.high)}" if stated.high is not None else "")


def cadence_text(cadence: ast.Cadence) -> str:
    """`daily`, `weekly on monday`, `monthly on day 20` (issue 11, evaluation cadence)."""
    if cadence.period == "weekly":
        return f"weekly on {cadence.weekday.value}"
    if cadence.period == "monthly":
        return f"monthly on day {quantity_text(cadence.day)}"
    return "daily"


# ---- arithmetic on metrics (issue 11)

def term_text(term: ast.Term) -> str:
    return term.name.value if term.weight is None else f"{quantity_text(term.weight)} * {term.name.value}"


def combination_text(combination: ast.Combination) -> str:
    """`a + 2 * b`, `max(ODR, CR)`."""
    if combination.function is None:
        return " + ".join(term_text(term) for term in combination.terms)
    arguments = ", ".join(term_text(term) for term in combination.terms)
    return f"{combination.function.value}({arguments})"


def _type_text(t: ast.TypeSpec) -> str:
    return t.kind + (f" in {t.unit.value}" if t.unit is not None else "")


def block_header(decl) -> tuple[str, tuple, bool]:
    """A block's first line (without `{`), its children, and whether braces are
    required even when it has no children."""
    if isinstance(decl, ast.Policy):
        return f"policy {decl.name.value}", decl.items, True
    if isinstance(decl, (ast.Region, ast.Measure, ast.Category)):
        keyword = {ast.Region: "region", ast.Measure: "measure", ast.Category: "category"}[type(decl)]
        return f"{keyword} {decl.name.value}", decl.items, False
    if isinstance(decl, ast.Input):
        return f"input {decl.name.value}: {_type_text(decl.type)}", decl.items, False
    if isinstance(decl, ast.Basis):
        return f"basis {decl.name.value} = {decl.source.value}", decl.items, False
    if isinstance(decl, ast.Metric) and decl.combination is not None:
        return f"metric {decl.name.value} = {combination_text(decl.combination)}", decl.items, False
    if isinstance(decl, ast.Metric):
        ratio = f" / {decl.denominator.value}" if decl.denominator is not None else ""
        return f"metric {decl.name.value} = {decl.numerator.value}{ratio}", decl.items, False
    if isinstance(decl, ast.Rule):
        return f"rule {decl.name.value} in {names_text(decl.regions)}", decl.items, True
    if isinstance(decl, ast.Table):
        words = ["table"] + ([decl.name.value] if decl.name else []) + ([decl.hit] if decl.hit else [])
        return " ".join(words), decl.rows, True
    if isinstance(decl, ast.Ledger):
        return "ledger", decl.items, True
    if isinstance(decl, ast.Appeals):
        return "appeals", decl.items, True
    if isinstance(decl, ast.Threshold):
        return f"threshold {'below ' if decl.below else ''}{quantity_text(decl.points)}", decl.measures, True
    if isinstance(decl, ast.Hold):
        return f"hold {decl.name.value}", decl.items, True
    if isinstance(decl, ast.Reason):
        return f"reason {decl.name.value} in {decl.category.value}", decl.items, False
    if isinstance(decl, ast.LevelSet):
        return f"levels {decl.name.value}", decl.items, True
    if isinstance(decl, ast.Level):
        return f"level {decl.name.value}", decl.items, False
    if isinstance(decl, ast.Amendment):
        return f"amendment {string_text(decl.version)} effective {decl.effective}", decl.items, True
    if isinstance(decl, ast.Param):
        return f"param {decl.name.value}: {_type_text(decl.type)}", decl.items, True
    if isinstance(decl, ast.WindowMetric):
        return f"metric {decl.name.value}: {_type_text(decl.type)}", decl.items, True
    return None


# ---- layout with comments --------------------------------------------------------------

class _Formatter:
    """Writes the declarations of a file, and its comments where they were.

    A comment on a line of its own is written before the first element that
    starts after it. A comment at the end of a line stays at the end of the
    line of the last element written on that source line: a statement, the
    header of a block (its `{`), or the `}` that closes one.
    """

    def __init__(self, file: ast.File, source: str):
        self.file = file
        self.source_lines = source.split("\n")  # as the parser counts lines
        self.out: list[str] = []
        self.level = 0
        self.own_line: list[ast.Comment] = []  # in source order, consumed from the front
        line_comments: dict[int, list[str]] = {}
        for comment in file.comments:
            before = self.source_lines[comment.span.line - 1][: comment.span.column - 1]
            if before.strip():
                line_comments.setdefault(comment.span.line, []).append(comment.text)
            else:
                self.own_line.append(comment)
        owners: dict[int, tuple] = {}
        for decl in file.decls:
            _claim_lines(decl, owners)
        self.trailing: dict[tuple, list[str]] = {}
        for line, texts in sorted(line_comments.items()):
            self.trailing.setdefault(owners.get(line, ("end",)), []).extend(texts)
        self.last_line = 0  # the source line of the last thing written
        self.last_kind = "start"

    def run(self) -> str:
        for decl in self.file.decls:
            self.element(decl, top=True)
        self.comments_before(float("inf"), top=True)
        if ("end",) in self.trailing:  # cannot happen in parsed text; kept, not lost
            self.out.extend(self.trailing.pop(("end",)))
        return "\n".join(self.out) + "\n" if self.out else ""

    # -- the emitter
    def writeline(self, text: str) -> None:
        self.out.append(INDENT * self.level + text if text else "")

    def blank_in_source(self, line: int) -> bool:
        return any(not self.source_lines[i].strip() for i in range(self.last_line, line - 1))

    def separate(self, line: int, top: bool, after_decl: bool) -> None:
        first_in_block = self.out and self.out[-1].endswith("{")
        if not self.out or first_in_block:
            return
        if (top and after_decl) or self.blank_in_source(line):
            self.writeline("")

    def comments_before(self, line: float, top: bool = False) -> None:
        while self.own_line and self.own_line[0].span.line < line:
            comment = self.own_line.pop(0)
            after_decl = top and self.out and self.last_kind == "decl"
            self.separate(comment.span.line, top, after_decl)
            self.writeline(comment.text)
            self.last_line = comment.span.line
            self.last_kind = "comment"

    def trailing_text(self, *owners: tuple) -> str:
        found = [text for owner in owners for text in self.trailing.pop(owner, [])]
        return "  " + " ".join(found) if found else ""

    # -- one visit for every element
    def element(self, item, top: bool = False) -> None:
        start, end = item.span.line, item.span.end_line
        header = block_header(item)
        # A statement is written on one line: comments on lines of their own
        # inside it (between its lines) go before it.
        self.comments_before(start if header is not None else end, top)
        self.separate(start, top, after_decl=top and self.last_kind == "decl")
        if header is None:
            self.writeline(statement_text(item) + self.trailing_text(("statement", id(item))))
            self.last_line = end
        else:
            self.block(item, *header)
        self.last_kind = "decl" if top else "item"

    def block(self, item, header: str, children: tuple, braces_required: bool) -> None:
        start, end = item.span.line, item.span.end_line
        opening, closing = ("open", id(item)), ("close", id(item))
        if not children and not braces_required and not self.own_line_inside(start, end):
            self.writeline(header + self.trailing_text(opening, closing))
            self.last_line = end
            return
        self.writeline(header + " {" + self.trailing_text(opening))
        self.last_line = start
        self.level += 1
        for child in children:
            self.element(child)
        self.comments_before(end)
        self.level -= 1
        self.writeline("}" + self.trailing_text(closing))
        self.last_line = end

    def own_line_inside(self, start: int, end: int) -> bool:
        return any(start < c.span.line < end for c in self.own_line)


def _claim_lines(item, owners: dict[int, tuple]) -> None:
    """Mark each source line with the last element written on it, in source order."""
    header = block_header(item)
    start, end = item.span.line, item.span.end_line
    if header is None:
        owners.update(dict.fromkeys(range(start, end + 1), ("statement", id(item))))
        return
    children = header[1]
    first_child = children[0].span.line if children else end
    owners.update(dict.fromkeys(range(start, max(start, first_child - 1) + 1), ("open", id(item))))
    for child in children:
        _claim_lines(child, owners)
    owners[end] = ("close", id(item))
