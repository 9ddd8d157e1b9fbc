"""Syntax errors in words a policy author can act on.

Two sources: braces are matched before parsing (so an unclosed block is
reported where it opens, not at the end of the file), and Lark's parse errors
are turned into diagnostics that say what was expected, in words, and, where a
labelled bad example fails the same way, how to fix it.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata

from lark import Lark
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken

from tspol.diagnostics import Diagnostic, Span

SYNTAX = "E100"
UNCLOSED = "E101"
UNMATCHED = "E102"
BAD_TEXT = "E103"

# ---- braces --------------------------------------------------------------------------

# Quoted texts first, so that `#` and braces inside them are not seen.
SCAN = re.compile(r'"(?:[^"\\\n]|\\.)*"?|#[^\n]*|[{}｛｝]')
# Braces typed with a Chinese input method count as braces, so that they are
# reported as the characters to retype rather than as a block left open.
BRACES = {"{": "{", "}": "}", "｛": "{", "｝": "}"}


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of an offset."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def brace_problems(text: str, path: str) -> list[Diagnostic]:
    """Unclosed and unmatched braces, each at its root cause.

    Only when the braces do not balance is indentation used to find where:
    a `}` that starts a line closes the open block whose opening line has the
    same indentation; blocks opened inside it that are still open are the ones
    missing their `}`.
    """
    braces = [(BRACES[match.group()], match.start()) for match in SCAN.finditer(text) if match.group() in BRACES]
    if _balanced(brace for brace, _ in braces):
        return []
    lines = text.split("\n")
    stack: list[tuple[int, int]] = []  # (line, column) of each open `{`
    problems = []
    for brace, offset in braces:
        line, column = position(text, offset)
        if brace == "{":
            stack.append((line, column))
        elif not stack:
            problems.append(_unmatched(path, line, column))
        else:
            problems.extend(_unclosed(opened, lines, path) for opened in _closed_by(stack, lines, line, column))
    problems.extend(_unclosed(opened, lines, path) for opened in reversed(stack))
    return problems


def _balanced(braces) -> bool:
    depth = 0
    for brace in braces:
        depth += 1 if brace == "{" else -1
        if depth < 0:
            return False
    return depth == 0


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _closed_by(stack: list[tuple[int, int]], lines: list[str], line: int, column: int) -> list[tuple[int, int]]:
    """Pop the block this `}` closes; return the blocks it proves unclosed."""
    starts_line = not lines[line - 1][: column - 1].strip()
    indent = column - 1
    unclosed = []
    if starts_line and any(_indent(lines[opened - 1]) == indent for opened, _ in stack):
        while _indent(lines[stack[-1][0] - 1]) != indent:
            unclosed.append(stack.pop())
    stack.pop()
    return unclosed


def _unmatched(path: str, line: int, column: int) -> Diagnostic:
    return Diagnostic(UNMATCHED, "this `}` closes no block", span=Span(path, line, column, line, column + 1),
                      help="remove it, or add the `{` it was meant to close")


def _unclosed(opened: tuple[int, int], lines: list[str], path: str) -> Diagnostic:
    line, column = opened
    head = lines[line - 1][: column - 1].strip()
    opening = f"{head} {{" if head else "{"
    return Diagnostic(UNCLOSED, f"this block is never closed: `{opening}` has no matching `}}`",
                      span=Span(path, line, column, line, column + 1),
                      help="add `}` where the block ends")


# ---- Lark's errors in words ------------------------------------------------------------

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
DECLARATIONS = {"POLICY", "REGION", "INPUT", "BASIS", "METRIC", "RULE", "MEASURE", "LEDGER",
                "APPEALS", "HOLD", "CATEGORY", "REASON"}

# Characters the lexer cannot start a token with, and what the author meant.
CHARACTER_HELP = {
    "!=": "`!=` is not a comparison tspol has; write one row for each side",
    "&": "conditions combine with the word `and`",
    "|": "conditions combine with `and` only; write one row for each alternative",
    "(": "tspol has no parentheses: combine comparisons with `and`",
    ")": "tspol has no parentheses: combine comparisons with `and`",
    "'": 'texts go inside double quotes: "..."',
    ";": "a statement ends at the end of its line; remove the `;`",
    "%": "write a percentage without a space, such as `4%`",
    "-": "numbers cannot be negative, and dates are written 2024-07-15",
    "≥": "write `>=`",
    "≤": "write `<=`",
    "，": "write the comma as `,`",
    "：": "write the colon as `:`",
    "％": "write the percent sign as `%`",
    "＜": "write `<`",
    "＞": "write `>`",
    "＝": "write `==`",
    "\u3000": "a full-width space: write an ordinary space",
    "（": "tspol has no parentheses: combine comparisons with `and`",
    "）": "tspol has no parentheses: combine comparisons with `and`",
    "；": "a statement ends at the end of its line; remove the `；`",
    "。": "a statement ends at the end of its line; remove the `。`",
    "“": 'texts go inside straight double quotes: "..."',
    "”": 'texts go inside straight double quotes: "..."',
}

# Labelled bad examples, in the manner of Lark's `match_examples`: an error
# raised in the same parser state (and, best, on the same kind of token) as
# one of these examples gets the example's help. Each example is a whole file.
_ROW = "rule r in US {{ table {{ {} }} }}"
SYNTAX_EXAMPLES = {
    "a row needs `then` between its conditions and its actions": [
        _ROW.format("when LDR >= 4% points 2"),
        _ROW.format("when LDR >= 4% warning"),
        _ROW.format("when LDR >= 4% limit 7d at 10% avg4w"),
        _ROW.format("when LDR >= 4% x"),
        _ROW.format("when LDR >= 4% }"),
    ],
    "separate the actions of a row with commas: `then points 6, limit 7d at 10% avg4w`": [
        _ROW.format("when LDR >= 4% then points 2 limit 7d at 10% avg4w"),
        _ROW.format("when LDR >= 4% then points 2 x"),
        _ROW.format("when LDR >= 4% then warning points 2"),
        _ROW.format("when LDR >= 4% then x points 2"),
        _ROW.format("when LDR >= 4% then limit 7d at 10% avg4w points 2"),
    ],
    "a comparison needs a value on each side, such as `LDR >= 4%`": [
        _ROW.format("when LDR >= then points 2"),
        _ROW.format("when LDR >= and x > 1 then points 2"),
        _ROW.format("when >= 4% then points 2"),
        _ROW.format("when LDR then points 2"),
        _ROW.format("when LDR and x > 1 then points 2"),
    ],
    "compare with `==`, `<`, `<=`, `>` or `>=`": [
        _ROW.format("when LDR = 4% then points 2"),
    ],
    "a row needs at least one action after `then`: points, warning, limit or a measure": [
        _ROW.format("when LDR >= 4% then }"),
        _ROW.format("when LDR >= 4% then points 2, }"),
    ],
    "a condition compares a metric or input with a value, such as `LDR >= 4%`": [
        _ROW.format("when }"),
        _ROW.format("when , x"),
    ],
    "each row of a table starts with `when`: `when LDR >= 4% then warning`": [
        _ROW.format("LDR >= 4% then warning"),
        _ROW.format("4% <= LDR then warning"),
    ],
    "a limit reads `limit 7d at 10% avg4w`: days, `at`, a percentage and a basis": [
        _ROW.format("when LDR >= 4% then limit 7d 10% avg4w"),
        _ROW.format("when LDR >= 4% then limit 7d at 10%"),
        _ROW.format("when LDR >= 4% then limit 7d at 10% }"),
        _ROW.format("when LDR >= 4% then limit at"),
        _ROW.format("when LDR >= 4% then limit 7 d at 10% avg4w"),
    ],
    "write a duration without a space, with its unit: `7d`, `24h` or `30min`": [
        "ledger { points expire after 180 d }",
        "appeals { first within 30 d of penalty }",
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
    "a basis names the input it is taken from: `basis avg4w = avg_daily_orders_4w { round down }`": [
        "basis b { }",
        "basis b = { }",
    ],
    "a reason names its category: `reason late_dispatch_rate in fulfilment { ... }`": [
        "reason r { }",
        "reason r fulfilment { }",
    ],
    'a text names its language, then the text in quotes: `name en "Late dispatch rate"`': [
        'region r { name "x" }',
        'region r { description "x" }',
        "region r { name en x }",
        "region r { name x }",
    ],
    'the version is a quoted text: `version "2025-11-11"`': [
        "policy p { version 1 }",
        "policy p { version x }",
    ],
    "the effective date is written YYYY-MM-DD, such as `effective 2024-07-15`": [
        "policy p { effective 2024 }",
        'policy p { effective "2024-07-15" }',
        "policy p { effective x }",
    ],
    "a threshold lists its measures in a block: `threshold 12 { no_campaigns for 7d }`": [
        "ledger { threshold 12 no_campaigns for 7d }",
    ],
    "a threshold measure lasts `for` a duration or `permanently`: `no_campaigns for 7d`": [
        "ledger { threshold 12 { no_campaigns 7d } }",
        "ledger { threshold 12 { no_campaigns } }",
    ],
}


def syntax_diagnostic(exc: UnexpectedInput, text: str, path: str, lark: Lark, start: str) -> Diagnostic:
    if isinstance(exc, UnexpectedCharacters):
        return _character_diagnostic(exc, text, path)
    token = getattr(exc, "token", None)
    expected = _expected(exc)
    if token is None or token.type == "$END":
        line, column = max(exc.line, 1), max(exc.column, 1)
        return Diagnostic(SYNTAX, "the file ends in the middle of a declaration",
                          span=Span(path, line, column, line, column + 1),
                          help=_expected_text(expected, lark))
    span = Span(path, token.line, token.column, token.end_line, token.end_column)
    found = "a quoted text" if token.type == "STRING" else f"`{token}`"
    written = re.match(r"\S*", text[token.start_pos:]).group()  # the word as written, `when2.5%`
    special = _special_token(str(token), token.type, expected, lark, written)
    if special is not None:
        message, help = special
        return Diagnostic(SYNTAX, message, span=span, help=help)
    after_word = _after_word(text, token, path)
    if after_word is not None:
        return after_word
    early = _line_ends_early(text, token, expected, path, lark)
    if early is not None:
        return early
    message = f"expected {_expected_text(expected, lark)}, but found {found}"
    return Diagnostic(SYNTAX, message, span=span, help=_example_help(exc, lark) if start == "start" else None)


def _line_ends_early(text: str, token, expected: set[str], path: str, lark: Lark) -> Diagnostic | None:
    """A statement cut off at the end of its line (`then points`, `limit 7d`): the
    next line's first word is not what is wrong, the missing value is. Not when a
    `}` could come next, where the next line may well begin a new statement."""
    if "RBRACE" in expected or "$END" in expected:
        return None
    code = SCAN.sub(lambda m: " " * len(m.group()) if m.group().startswith("#") else m.group(),
                    text[:token.start_pos])  # comments blanked
    before = code.rstrip()
    if not before or "\n" not in code[len(before):]:
        return None
    words = before.split()
    last = words[-1]
    line, column = position(text, len(before) - len(last))
    help = ("write it like `points 3`" if last == "points" else
            "write it like `limit 7d at 10% avg4w`" if "limit" in words[-3:] else None)
    return Diagnostic(SYNTAX, f"this line ends too early: after `{last}`, expected {_expected_text(expected, lark)}",
                      span=Span(path, line, column, line, column + len(last)), help=help)


def _expected(exc: UnexpectedInput) -> set[str]:
    # `accepts` is exact; LALR's `expected` can include tokens of merged states.
    return set(getattr(exc, "accepts", None) or getattr(exc, "expected", None) or ())


def _character_diagnostic(exc: UnexpectedCharacters, text: str, path: str) -> Diagnostic:
    line, column, char = exc.line, exc.column, text[exc.pos_in_stream]
    if char == '"':
        end = len(text.split("\n")[line - 1]) + 1
        return Diagnostic(BAD_TEXT, "this text is not closed: a quoted text must end on the same line",
                          span=Span(path, line, column, line, end), help='add the closing `"`')
    if text.startswith("!=", exc.pos_in_stream):
        char = "!="
    shown = repr(char)[1:-1] if not char.isprintable() else char
    return Diagnostic(SYNTAX, f"unexpected character `{shown}`", span=Span(path, line, column, line, column + len(char)),
                      help=CHARACTER_HELP.get(char) or _lookalike_help(char)
                      or "remove it; `#` starts a comment, and texts go inside double quotes")


def _lookalike_help(char: str) -> str | None:
    """For a full-width character typed with an input method (`４`, `｛`), its ASCII form."""
    if not unicodedata.decomposition(char).startswith("<wide>"):
        return None
    plain = unicodedata.normalize("NFKC", char)
    return f"write it as `{plain}`" if plain.isascii() and plain.isprintable() else None


def _special_token(value: str, type_: str, expected: set[str], lark: Lark,
                   written: str = "") -> tuple[str, str] | None:
    """A misspelt keyword, `or`: errors better named than by what was expected."""
    if type_ == "NAME":
        if value == "or" and "AND" in expected:
            return "conditions combine with `and` only", "write one row for each alternative"
        keywords = _expected_keywords(expected, lark)
        glued = [k for k in keywords if _runs_into(value, k)]
        if glued:  # `ofshipped_orders`, `when80`: a keyword run into what follows it
            keyword = max(glued, key=len)
            return (f"`{keyword}` runs into the next word: `{value}`",
                    f"put a space after `{keyword}`: `{keyword} {(written or value)[len(keyword):]}`")
        close = difflib.get_close_matches(value, keywords, n=1, cutoff=0.6)
        if close and close[0] != value:
            return f"unknown keyword `{value}`", f"did you mean `{close[0]}`?"
    return None


def _runs_into(value: str, keyword: str) -> bool:
    """Whether `value` is `keyword` with a number or a word of two letters or more
    run into it (`when80`, `inUS`), not a misspelling of it (`tables`) nor a name
    of its own (`on_metric`)."""
    rest = value[len(keyword):]
    return value.startswith(keyword) and rest[:1] != "_" and (rest[:1].isdigit() or len(rest) >= 2)


ACTIONS = ("points", "warning", "limit")
_WORD_BEFORE = re.compile(r"(,?)\s*([A-Za-z_][A-Za-z0-9_]*)\s*$")


def _after_word(text: str, token, path: str) -> Diagnostic | None:
    """A value after a word read as a measure: a misspelt action (`pionts 3`), or a
    row ending in a comma, so that the next row's `when` was read as a measure."""
    before = _WORD_BEFORE.search(text, 0, token.start_pos)
    if before is None:
        return None
    comma, word = before.groups()
    line, column = position(text, before.start(2))
    if word == "when" and comma and token.type in ("NAME", "NUMBER", "PERCENT", "DURATION"):
        line, column = position(text, before.start(1))
        return Diagnostic(SYNTAX, "a row ends with a comma", span=Span(path, line, column, line, column + 1),
                          help="remove the `,` after the last action of the row")
    if token.type not in ("NUMBER", "PERCENT", "DURATION", "MONEY"):
        return None
    close = difflib.get_close_matches(word, ACTIONS, n=1, cutoff=0.6)
    if not close or close[0] == word:
        return None
    return Diagnostic(SYNTAX, f"unknown action `{word}`", span=Span(path, line, column, line, column + len(word)),
                      help=f"did you mean `{close[0]}`?")


def _example_help(exc: UnexpectedInput, lark: Lark) -> str | None:
    if not isinstance(exc, UnexpectedToken):
        return None
    return _example_index(lark).get((exc.state.position, exc.token.type))


@functools.lru_cache(maxsize=None)
def _example_index(lark: Lark) -> dict[tuple[int, str], str]:
    """(parser state, token type) of each labelled example -> its help.

    Lark's own `match_examples` also compares the depth of the parse stack,
    so an example there only matches errors at the same nesting and list
    position; the state and the token are what say what went wrong.
    """
    index: dict[tuple[int, str], str] = {}
    for help, examples in SYNTAX_EXAMPLES.items():
        for example in examples:
            try:
                lark.parse(example, start="start")
            except UnexpectedToken as exc:
                index.setdefault((exc.state.position, exc.token.type), help)
    return index


@functools.lru_cache(maxsize=None)
def _terminal_literals(lark: Lark) -> dict[str, str]:
    return {t.name: t.pattern.value for t in lark.terminals if t.pattern.type == "str"}


def _expected_keywords(expected: set[str], lark: Lark) -> list[str]:
    literals = _terminal_literals(lark)
    return sorted(literals[name] for name in expected if name in literals and literals[name].isalpha())


def _expected_text(expected: set[str], lark: Lark) -> str:
    literals = _terminal_literals(lark)
    words = []
    if DECLARATIONS <= expected:
        words.append("a declaration (`rule`, `metric`, `input`, `region`, ...)")
        expected = expected - DECLARATIONS
    words += sorted({f"`{literals[name]}`" if name in literals else TERMINAL_WORDS.get(name, name)
                     for name in expected})
    if not words:
        return "something else"
    if len(words) == 1:
        return words[0]
    return ", ".join(words[:-1]) + " or " + words[-1]
