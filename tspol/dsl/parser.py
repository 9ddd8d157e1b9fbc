"""Parse `.pol` text into the syntax tree, with errors a policy author can act on.

`parse(text, path)` returns an `ast.File` or raises `TspolError`. The Lark
parser is built once per process (and cached on disk by Lark between runs).
"""

from __future__ import annotations

import ast as pyast
import difflib
import functools
import re
from fractions import Fraction
from pathlib import Path

from lark import Lark, Token, Transformer, v_args
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken, VisitError

from tspol.diagnostics import Diagnostic, Span, TspolError
from tspol.dsl import ast

GRAMMAR = Path(__file__).with_name("grammar.lark")

SYNTAX = "E100"
UNCLOSED = "E101"
UNMATCHED = "E102"
BAD_TEXT = "E103"


@functools.lru_cache(maxsize=None)
def _lark() -> Lark:
    return Lark(
        GRAMMAR.read_text(encoding="utf-8"),
        parser="lalr",
        start=["start", "row"],
        propagate_positions=True,
        maybe_placeholders=False,
        cache=True,
    )


def parse(text: str, path: str = "<string>") -> ast.File:
    """Parse one `.pol` file."""
    _check_braces(text, path)
    decls = _transform(_parse_tree(text, path, "start"), path)
    return ast.File(path, tuple(decls), _comments(text, path),
                    span=Span(path, 1, 1, text.count("\n") + 1, 1))


def parse_row(text: str, path: str = "<string>") -> ast.Row:
    """Parse one tier-table row: `when ... then ...`."""
    return _transform(_parse_tree(text, path, "row"), path)


def _parse_tree(text: str, path: str, start: str):
    try:
        return _lark().parse(text, start=start)
    except UnexpectedInput as exc:
        raise TspolError(_syntax_diagnostic(exc, text, path, start)) from None


def _transform(tree, path: str):
    try:
        return _ToAst(path).transform(tree)
    except VisitError as exc:  # a bad literal the lexer let through
        if isinstance(exc.orig_exc, TspolError):
            raise exc.orig_exc from None
        raise


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
_MONEY = re.compile(r"(\d+(?:\.\d+)?) ([A-Z]{3})$")


@v_args(meta=True)
class _ToAst(Transformer):
    def __init__(self, path: str):
        super().__init__(visit_tokens=False)
        self.path = path

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
        return ast.Text(kind, self._name(lang), _unquote(string, self.path), span=self._span(meta))

    def text_kind(self, meta, children):
        return str(children[0])

    # -- header
    def policy(self, meta, children):
        return ast.Policy(self._name(children[0]), tuple(children[1:]), span=self._span(meta))

    def version(self, meta, children):
        return ast.Version(_unquote(children[0], self.path), span=self._span(meta))

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


def _unquote(token: Token, path: str) -> str:
    try:
        return pyast.literal_eval(str(token))
    except (ValueError, SyntaxError):
        raise TspolError(Diagnostic(
            BAD_TEXT, "this text has an escape sequence tspol does not understand",
            span=_token_span(token, path),
            help='inside quotes, write \\" for a quote and \\\\ for a backslash')) from None


# ---- comments and braces ------------------------------------------------------------

# Quoted texts first, so that `#` and braces inside them are not seen.
_SCAN = re.compile(r'"(?:[^"\\\n]|\\.)*"?|#[^\n]*|[{}]')


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _comments(text: str, path: str) -> tuple[ast.Comment, ...]:
    found = []
    for match in _SCAN.finditer(text):
        if match.group().startswith("#"):
            line, column = _position(text, match.start())
            body = match.group().rstrip()
            found.append(ast.Comment(body, span=Span(path, line, column, line, column + len(body))))
    return tuple(found)


def _check_braces(text: str, path: str) -> None:
    """Report unclosed and unmatched braces at their root cause, before parsing.

    A `}` that starts a line closes the open block whose opening line has the
    same indentation; blocks opened inside it that are still open are the ones
    missing their `}`.
    """
    lines = text.splitlines()
    indent = [len(line) - len(line.lstrip(" ")) for line in lines]
    stack: list[tuple[int, int]] = []  # (line, column) of each open `{`
    problems = []
    for match in _SCAN.finditer(text):
        char = match.group()
        if char not in "{}":
            continue
        line, column = _position(text, match.start())
        if char == "{":
            stack.append((line, column))
            continue
        if not stack:
            problems.append(Diagnostic(
                UNMATCHED, "this `}` closes no block", span=Span(path, line, column, line, column + 1),
                help="remove it, or add the `{` it was meant to close"))
            continue
        starts_line = lines[line - 1][: column - 1].strip() == ""
        if starts_line and any(indent[l - 1] == column - 1 for l, _ in stack):
            while indent[stack[-1][0] - 1] != column - 1:
                problems.append(_unclosed(stack.pop(), lines, path))
        stack.pop()
    problems.extend(_unclosed(opened, lines, path) for opened in reversed(stack))
    if problems:
        raise TspolError(problems)


def _unclosed(opened: tuple[int, int], lines: list[str], path: str) -> Diagnostic:
    line, column = opened
    head = lines[line - 1].strip().rstrip("{").strip()
    return Diagnostic(
        UNCLOSED, f"this block is never closed: `{head} {{` has no matching `}}`",
        span=Span(path, line, column, line, column + 1),
        help="add `}` at the end of the block")


# ---- syntax errors in words --------------------------------------------------------

TERMINAL_WORDS = {
    "NAME": "a name",
    "STRING": 'a quoted text such as "..."',
    "NUMBER": "a number",
    "PERCENT": "a percentage such as 4%",
    "DURATION": "a duration such as 7d, 24h or 30min",
    "MONEY": "an amount such as 100 USD",
    "DATE": "a date such as 2024-07-15",
    "COMPARATOR": "a comparison (<, <=, >, >=, ==)",
    "$END": "the end of the file",
}

# Labelled bad examples (Lark's `match_examples`): a parse error that fails in
# the same parser state, on the same kind of token, gets the label's message.
_ROW = "rule r in US {{ table {{ {} }} }}"
SYNTAX_EXAMPLES = {
    "a row needs `then` between its conditions and its actions": [
        _ROW.format("when LDR >= 4% points 2"),
        _ROW.format("when LDR >= 4% warning"),
        _ROW.format("when LDR >= 4% limit 7d at 10% avg4w"),
        _ROW.format("when LDR >= 4% x"),
    ],
    "separate the actions of a row with commas: `then points 6, limit 7d at 10% avg4w`": [
        _ROW.format("when LDR >= 4% then points 2 limit 7d at 10% avg4w"),
        _ROW.format("when LDR >= 4% then warning points 2"),
        _ROW.format("when LDR >= 4% then points 2 warning"),
    ],
    "a comparison needs a value on each side, such as `LDR >= 4%`": [
        _ROW.format("when LDR >= then points 2"),
        _ROW.format("when LDR >= and x > 1 then points 2"),
        _ROW.format("when >= 4% then points 2"),
    ],
    "a row needs at least one action after `then`: points, warning, limit or a measure": [
        _ROW.format("when LDR >= 4% then }"),
        _ROW.format("when LDR >= 4% then when"),
    ],
    "a condition compares a metric or input with a value, such as `LDR >= 4%`": [
        _ROW.format("when then points 2"),
        _ROW.format("when and"),
    ],
    "a limit reads `limit 7d at 10% avg4w`: days, `at`, a percentage and a basis": [
        _ROW.format("when LDR >= 4% then limit 7d 10% avg4w"),
        _ROW.format("when LDR >= 4% then limit 7d at 10%"),
        _ROW.format("when LDR >= 4% then limit 7d at 10% }"),
        _ROW.format("when LDR >= 4% then limit at"),
    ],
    "rows belong inside a `table { ... }` block": [
        "rule r in US { when LDR >= 4% then warning }",
    ],
    "a rule names its regions: `rule late_dispatch in US, SEA { ... }`": [
        "rule r { }",
        "rule r US { }",
    ],
    "an input declares its type: `input late_orders: count`": [
        "input x { }",
        "input x: { }",
        "input x count",
    ],
    "a metric is an input or a ratio of two inputs: `metric LDR = late_orders / orders_7d`": [
        "metric m { }",
        "metric m = { }",
        "metric m = a / { }",
    ],
}


def _syntax_diagnostic(exc: UnexpectedInput, text: str, path: str, start: str) -> Diagnostic:
    line, column = exc.line, exc.column
    if isinstance(exc, UnexpectedCharacters):
        char = text[exc.pos_in_stream]
        if char == '"':
            return Diagnostic(BAD_TEXT, "this text is not closed: a quoted text must end on the same line",
                              span=Span(path, line, column, line, len(text.splitlines()[line - 1]) + 1),
                              help='add the closing `"`')
        return Diagnostic(SYNTAX, f"unexpected character `{char}`",
                          span=Span(path, line, column, line, column + 1),
                          help="remove it; `#` starts a comment, and texts go inside double quotes")
    token = getattr(exc, "token", None)
    # `accepts` is exact; LALR's `expected` can include tokens of merged states.
    expected = set(getattr(exc, "accepts", None) or getattr(exc, "expected", None) or ())
    if token is None or token.type == "$END":
        span = Span(path, line if line > 0 else 1, max(column, 1), line if line > 0 else 1, max(column, 1) + 1)
        return Diagnostic(SYNTAX, "the file ends in the middle of a declaration", span=span,
                          help=_expected_help(expected))
    span = _token_span(token, path)
    shown = f"`{token}`" if token.type != "STRING" else "a quoted text"
    keywords = _expected_keywords(expected)
    if token.type == "NAME":
        close = difflib.get_close_matches(str(token), keywords, n=1, cutoff=0.6)
        if close:
            return Diagnostic(SYNTAX, f"unknown keyword `{token}`", span=span,
                              help=f"did you mean `{close[0]}`?")
        if str(token) == "or" and "AND" in expected:
            return Diagnostic(SYNTAX, "conditions combine with `and` only", span=span,
                              help="write one row for each alternative")
    if str(token) == "!=":
        return Diagnostic(SYNTAX, "`!=` is not a comparison tspol supports", span=span,
                          help="use <, <=, >, >= or ==, or write one row for each side")
    label = _match_example(exc, start)
    return Diagnostic(SYNTAX, f"unexpected {shown}", span=span,
                      help=label or _expected_help(expected))


def _match_example(exc: UnexpectedInput, start: str) -> str | None:
    if not isinstance(exc, UnexpectedToken) or start != "start":
        return None
    try:
        return exc.match_examples(lambda s: _lark().parse(s, start="start"), SYNTAX_EXAMPLES,
                                  use_accepts=True)
    except UnexpectedInput:
        return None


@functools.lru_cache(maxsize=None)
def _terminal_literals() -> dict[str, str]:
    return {t.name: t.pattern.value for t in _lark().terminals if t.pattern.type == "str"}


def _expected_keywords(expected: set[str]) -> list[str]:
    literals = _terminal_literals()
    return sorted(literals[name] for name in expected if name in literals and literals[name].isalpha())


def _expected_help(expected: set[str]) -> str:
    literals = _terminal_literals()
    words = sorted({f"`{literals[name]}`" if name in literals else TERMINAL_WORDS.get(name, name)
                    for name in expected if name not in ("COMMENT", "WS")})
    if not words:
        return "check the syntax near here"
    if len(words) == 1:
        return f"expected {words[0]}"
    return "expected " + ", ".join(words[:-1]) + " or " + words[-1]
