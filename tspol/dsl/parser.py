"""Parse `.pol` text into the syntax tree, with errors a policy author can act on.

`parse(text, path)` returns an `ast.File` or raises `TspolError`. The Lark
parser is built once per process (and cached on disk by Lark between runs).
"""

from __future__ import annotations

import functools
import re
from fractions import Fraction
from pathlib import Path

import lark
from lark import Lark, Token, Transformer, v_args
from lark.exceptions import UnexpectedInput

from tspol.diagnostics import Diagnostic, Span, TspolError
from tspol.dsl import ast
from tspol.dsl.lexer import RootFirstLexer
from tspol.dsl.syntax_errors import BAD_TEXT, BRACES, SCAN, brace_problems, syntax_diagnostic

GRAMMAR = Path(__file__).with_name("grammar.lark")


def _lexer_plugins() -> dict:
    """The quick-starting lexer reads Lark internals of the 1.3 series, where a test
    proves it equal to Lark's own; any other Lark uses its own contextual lexer."""
    series = tuple(int(part) for part in lark.__version__.split(".")[:2])
    return {"ContextualLexer": RootFirstLexer} if series == (1, 3) else {}


class _WholeWords:
    """A postlexer that changes no token. Its `always_accept` makes the lexer of
    every parser state match names too, so that a keyword run into the next word
    (`part ofshipped_orders`, `inUS`, `when80%`) is read as the whole word, and
    reported as out of place, rather than as the keyword and the rest."""

    always_accept = ("NAME",)

    def process(self, stream):
        return stream


@functools.lru_cache(maxsize=None)
def _lark() -> Lark:
    return Lark(
        GRAMMAR.read_text(encoding="utf-8"),
        parser="lalr",
        start=["start", "row"],
        propagate_positions=True,
        maybe_placeholders=False,
        postlex=_WholeWords(),
        cache=True,
        _plugins=_lexer_plugins(),
    )


def parse(text: str, path: str = "<string>") -> ast.File:
    """Parse one `.pol` file; every syntax error of it, one per declaration."""
    problems = brace_problems(text, path)
    if problems:
        raise TspolError(problems)
    try:
        tree = _parse_tree(text, path, "start")
    except TspolError as first:
        raise TspolError(_syntax_errors_of_each_declaration(text, path) or first.diagnostics) from None
    decls = _transform(tree, path)
    return ast.File(path, tuple(decls), _comments(text, path),
                    span=Span(path, 1, 1, text.count("\n") + 1, 1))


def parse_row(text: str, path: str = "<string>") -> ast.Row:
    """Parse one tier-table row: `when ... then ...`."""
    return _transform(_parse_tree(text, path, "row"), path)


def _parse_tree(text: str, path: str, start: str):
    try:
        return _lark().parse(text, start=start)
    except UnexpectedInput as exc:
        raise TspolError(syntax_diagnostic(exc, text, path, _lark(), start)) from None


def _syntax_errors_of_each_declaration(text: str, path: str) -> list[Diagnostic]:
    """The first syntax error of every top-level declaration, not only of the file:
    each is parsed alone, the rest of the text blanked so that positions stay."""
    problems = []
    for start, end in _declarations(text):
        alone = re.sub(r"[^\n]", " ", text[:start]) + text[start:end] + re.sub(r"[^\n]", " ", text[end:])
        try:
            _lark().parse(alone, start="start")
        except UnexpectedInput as exc:
            problems.append(syntax_diagnostic(exc, alone, path, _lark(), "start"))
    return problems


def _declarations(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each top-level declaration: from a line that begins, at
    its first column and outside every block, with a word, to the next such line."""
    braces = [(m.start(), BRACES[m.group()]) for m in SCAN.finditer(text) if m.group() in BRACES]
    starts, depth, seen, offset = [], 0, 0, 0
    for line in text.split("\n"):
        while seen < len(braces) and braces[seen][0] < offset:  # the braces before this line
            depth += 1 if braces[seen][1] == "{" else -1
            seen += 1
        if depth == 0 and line[:1].isalpha():
            starts.append(offset)
        offset += len(line) + 1
    return list(zip(starts, starts[1:] + [len(text)]))


def _transform(tree, path: str):
    transformer = _ToAst(path)
    result = transformer.transform(tree)
    if transformer.problems:
        raise TspolError(transformer.problems)
    return result


# ---- spans --------------------------------------------------------------------

def _token_span(token: Token, path: str) -> Span:
    return Span(path, token.line, token.column, token.end_line, token.end_column)


def _meta_span(meta, path: str) -> Span:
    if getattr(meta, "empty", True):
        return ast.NO_SPAN
    return Span(path, meta.line, meta.column, meta.end_line, meta.end_column)


# ---- tree -> AST ---------------------------------------------------------------

UNITS = {"min", "h", "d"}
_DURATION = re.compile(r"(\d+(?:\.\d+)?)(min|h|d)$")
_MONEY = re.compile(r"(\d+(?:\.\d+)?)[ \t]+([A-Z]{3})$")


@v_args(meta=True)
class _ToAst(Transformer):
    def __init__(self, path: str):
        super().__init__(visit_tokens=False)
        self.path = path
        self.problems: list[Diagnostic] = []  # bad escapes in texts, reported together

    def _span(self, meta) -> Span:
        return _meta_span(meta, self.path)

    def _name(self, token: Token) -> ast.Name:
        return ast.Name(str(token), span=_token_span(token, self.path))

    # -- leaves
    def start(self, meta, children):
        return list(children)

    def names(self, meta, children):
        return tuple(self._name(t) for t in children)

    def ref(self, meta, children):
        return self._name(children[0])

    def number(self, meta, children):
        return ast.Quantity("number", Fraction(str(children[0])), span=self._span(meta))

    def percent(self, meta, children):
        return ast.Quantity("percent", Fraction(str(children[0])[:-1]), span=self._span(meta))

    def duration(self, meta, children):
        value, unit = _DURATION.match(str(children[0])).groups()
        return ast.Quantity("duration", Fraction(value), unit, span=self._span(meta))

    def money(self, meta, children):
        value, currency = _MONEY.match(str(children[0])).groups()
        return ast.Quantity("money", Fraction(value), currency, span=self._span(meta))

    def text(self, meta, children):
        kind, lang, string = children
        return ast.Text(kind, self._name(lang), _unquote(string, self.path, self.problems), span=self._span(meta))

    def text_kind(self, meta, children):
        return str(children[0])

    # -- header
    def policy(self, meta, children):
        return ast.Policy(self._name(children[0]), tuple(children[1:]), span=self._span(meta))

    def version(self, meta, children):
        return ast.Version(_unquote(children[0], self.path, self.problems), span=self._span(meta))

    def effective(self, meta, children):
        return ast.Effective(str(children[0]), span=self._span(meta))

    def region(self, meta, children):
        return ast.Region(self._name(children[0]), tuple(children[1:]), span=self._span(meta))

    def measure(self, meta, children):
        return ast.Measure(self._name(children[0]), tuple(children[1:]), span=self._span(meta))

    def category(self, meta, children):
        return ast.Category(self._name(children[0]), tuple(children[1:]), span=self._span(meta))

    # -- inputs, bases, metrics
    def input(self, meta, children):
        name, type_, *items = children
        return ast.Input(self._name(name), type_, tuple(items), span=self._span(meta))

    def type(self, meta, children):
        unit = self._name(children[1]) if len(children) > 1 else None
        return ast.TypeSpec(children[0], unit, span=self._span(meta))

    def type_word(self, meta, children):
        return str(children[0])

    def part_of(self, meta, children):
        return ast.PartOf(self._name(children[0]), span=self._span(meta))

    def direction(self, meta, children):
        return ast.Direction(str(children[0]), span=self._span(meta))

    def basis(self, meta, children):
        name, source, *items = children
        return ast.Basis(self._name(name), self._name(source), tuple(items), span=self._span(meta))

    def rounding(self, meta, children):
        return ast.Rounding(str(children[1]), span=self._span(meta))

    def metric(self, meta, children):
        tokens = [c for c in children if isinstance(c, Token)]
        items = tuple(c for c in children if not isinstance(c, Token))
        numerator = self._name(tokens[1])
        denominator = self._name(tokens[2]) if len(tokens) > 2 else None
        return ast.Metric(self._name(tokens[0]), numerator, denominator, items, span=self._span(meta))

    def standard(self, meta, children):
        return ast.Standard(children[0], span=self._span(meta))

    def only_if(self, meta, children):
        return ast.OnlyIf(children[0], span=self._span(meta))

    # -- rules
    def rule(self, meta, children):
        name, regions, *items = children
        return ast.Rule(self._name(name), regions, tuple(items), span=self._span(meta))

    def reason_ref(self, meta, children):
        return ast.ReasonRef(self._name(children[0]), span=self._span(meta))

    def on_metric(self, meta, children):
        return ast.OnMetric(self._name(children[0]), span=self._span(meta))

    def may(self, meta, children):
        return ast.May(children[0], span=self._span(meta))

    def table(self, meta, children):
        name = hit = None
        rows = []
        for child in children:
            if isinstance(child, Token):
                name = self._name(child)
            elif isinstance(child, str):
                hit = child
            else:
                rows.append(child)
        return ast.Table(name, hit, tuple(rows), span=self._span(meta))

    def hit_policy(self, meta, children):
        return str(children[0])

    def row(self, meta, children):
        return ast.Row(children[0], tuple(children[1:]), span=self._span(meta))

    def condition(self, meta, children):
        return ast.Condition(tuple(children), span=self._span(meta))

    def comparison(self, meta, children):
        operands = tuple(c for c in children if not isinstance(c, Token))
        ops = tuple(str(c) for c in children if isinstance(c, Token))
        return ast.Comparison(operands, ops, span=self._span(meta))

    def points(self, meta, children):
        return ast.Points(children[0], span=self._span(meta))

    def warning(self, meta, children):
        return ast.WarningAction(span=self._span(meta))

    def limit(self, meta, children):
        days, percent, basis = children
        return ast.Limit(days, percent, self._name(basis), span=self._span(meta))

    def measure_action(self, meta, children):
        return ast.MeasureAction(self._name(children[0]), span=self._span(meta))

    # -- ledger
    def ledger(self, meta, children):
        return ast.Ledger(tuple(children), span=self._span(meta))

    def expiry(self, meta, children):
        return ast.Expiry(children[0], span=self._span(meta))

    def freeze(self, meta, children):
        return ast.Freeze(span=self._span(meta))

    def deactivation(self, meta, children):
        return ast.Deactivation(children[0], span=self._span(meta))

    def warning_margin(self, meta, children):
        return ast.WarningMargin(children[0], span=self._span(meta))

    def crossing(self, meta, children):
        return ast.Crossing(str(children[-1]), span=self._span(meta))

    def linked(self, meta, children):
        return ast.Linked(span=self._span(meta))

    def threshold(self, meta, children):
        return ast.Threshold(children[0], tuple(children[1:]), span=self._span(meta))

    def threshold_measure(self, meta, children):
        duration = children[1] if isinstance(children[1], ast.Quantity) else None
        return ast.ThresholdMeasure(self._name(children[0]), duration, span=self._span(meta))

    def permanently(self, meta, children):
        return "permanently"

    def appeals(self, meta, children):
        return ast.Appeals(tuple(children), span=self._span(meta))

    def attempts(self, meta, children):
        return ast.Attempts(children[0], span=self._span(meta))

    def first_window(self, meta, children):
        return ast.FirstWindow(children[0], span=self._span(meta))

    def next_window(self, meta, children):
        return ast.NextWindow(children[0], span=self._span(meta))

    # -- holds
    def hold(self, meta, children):
        return ast.Hold(self._name(children[0]), tuple(children[1:]), span=self._span(meta))

    def hold_for(self, meta, children):
        return ast.HoldFor(children[0], span=self._span(meta))

    def hold_period(self, meta, children):
        return ast.HoldPeriod(children[0], children[1], span=self._span(meta))

    def hold_end(self, meta, children):
        return ast.HoldEnd(str(children[2]), span=self._span(meta))

    def hold_outcome(self, meta, children):
        (outcome, appeal_within), (action, release_within) = children
        return ast.HoldOutcome(outcome, appeal_within, action, release_within, span=self._span(meta))

    def appeal_outcome(self, meta, children):
        return (str(children[0]), None)

    def no_appeal(self, meta, children):
        return ("none", children[0])

    def release(self, meta, children):
        return ("release", children[0])

    def keep(self, meta, children):
        return ("keep", None)

    # -- catalogue
    def reason(self, meta, children):
        name, category, *items = children
        return ast.Reason(self._name(name), self._name(category), tuple(items), span=self._span(meta))

    def reason_points(self, meta, children):
        source = "discretionary" if str(children[1]) == "discretionary" else "rule"
        return ast.ReasonPoints(source, span=self._span(meta))


ESCAPES = {'"': '"', "\\": "\\", "n": "\n", "t": "\t", "r": "\r"}
_ESCAPE = re.compile(r"\\(.)")


def _unquote(token: Token, path: str, problems: list) -> str:
    """The text between the quotes, with `\\"`, `\\\\`, `\\n`, `\\t` and `\\r` read."""
    def escape(match: re.Match) -> str:
        if match.group(1) in ESCAPES:
            return ESCAPES[match.group(1)]
        column = token.column + 1 + match.start()
        problems.append(Diagnostic(
            BAD_TEXT, f"`{match.group()}` is not an escape sequence tspol knows",
            span=Span(path, token.line, column, token.line, column + 2),
            help='inside quotes, write \\" for a quote, \\\\ for a backslash, \\n for a new line and \\t for a tab'))
        return match.group()

    return _ESCAPE.sub(escape, str(token)[1:-1])


# ---- comments ------------------------------------------------------------------------

def _comments(text: str, path: str) -> tuple[ast.Comment, ...]:
    """Every comment with its span; lines are counted once, from one comment to the next."""
    found, line, line_start, counted = [], 1, 0, 0
    for match in SCAN.finditer(text):
        if match.group().startswith("#"):
            start = match.start()
            newlines = text.count("\n", counted, start)
            if newlines:
                line += newlines
                line_start = text.rfind("\n", counted, start) + 1
            counted = start
            column = start - line_start + 1
            body = match.group().rstrip()
            found.append(ast.Comment(body, span=Span(path, line, column, line, column + len(body))))
    return tuple(found)
