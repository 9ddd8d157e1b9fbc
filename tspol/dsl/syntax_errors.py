"""Syntax errors in words a policy author can act on.

Three sources: braces are matched before parsing (so an unclosed block is
reported where it opens, not at the end of the file); each literal and text is
checked as it is read (a number out of range, a control character or an
unknown escape in a text); and Lark's parse errors are turned into diagnostics
that say what was expected, in words, and, where a labelled bad example fails
the same way, how to fix it.

Everything here looks only near the place in error (its line, the words just
before it), never at the whole text again, so that reporting many errors of a
large file stays linear; and no message quotes more than a few dozen
characters of the author's text.
"""

from __future__ import annotations

import bisect
import collections
import difflib
import functools
import re
import unicodedata
from fractions import Fraction

from lark import Lark, Token
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken

from tspol.codes import BAD_TEXT, SYNTAX, UNCLOSED, UNMATCHED
from tspol.codes import NUMBER_OUT_OF_RANGE as OUT_OF_RANGE
from tspol.diagnostics import Diagnostic, Span
from tspol.messages import Message, Words, say

# A file reports at most this many syntax errors; the rest are counted in one more.
MOST_SYNTAX_ERRORS = 20


def shorten(text: str, most: int = 40) -> str:
    """The author's text as a message quotes it: at most `most` characters."""
    return text if len(text) <= most else text[: most - 3] + "..."


def more_errors(count: int, span: Span) -> Diagnostic:
    """The one diagnostic that stands for the syntax errors not shown."""
    return Diagnostic(SYNTAX, say("syntax.more.one" if count == 1 else "syntax.more", count=count),
                      span=span, help=say("syntax.more.help"))


def capped(problems: list[Diagnostic]) -> list[Diagnostic]:
    """At most MOST_SYNTAX_ERRORS of a file's syntax errors, in order, and one more that counts the rest."""
    problems = sorted(problems, key=Diagnostic.sort_key)
    if len(problems) <= MOST_SYNTAX_ERRORS:
        return problems
    rest = problems[MOST_SYNTAX_ERRORS:]
    return problems[:MOST_SYNTAX_ERRORS] + [more_errors(len(rest), rest[0].span)]


class LineStarts:
    """Where each line of a text starts: the line and column of any offset, quickly."""

    def __init__(self, text: str):
        self.starts = [0] + [match.end() for match in re.finditer("\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column of an offset."""
        index = bisect.bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1


# ---- braces --------------------------------------------------------------------------

# Quoted texts first, so that `#` and braces inside them are not seen.
SCAN = re.compile(r'"(?:[^"\\\n]|\\.)*"?|#[^\n]*|[{}｛｝]')
# Braces typed with a Chinese input method count as braces, so that they are
# reported as the characters to retype rather than as a block left open.
BRACES = {"{": "{", "}": "}", "｛": "{", "｝": "}"}


def braces_of(text: str) -> list[tuple[str, int]]:
    """Each brace outside texts and comments, `{` or `}`, and its offset."""
    return [(BRACES[match.group()], match.start()) for match in SCAN.finditer(text) if match.group() in BRACES]


def brace_problems(text: str, path: str) -> list[Diagnostic]:
    """Unclosed and unmatched braces, each at its root cause.

    Only when the braces do not balance is indentation used to find where:
    a `}` that starts a line closes the open block whose opening line has the
    same indentation; blocks opened inside it that are still open are the ones
    missing their `}`. A run of braces with the same problem (`{{{{`, `}}}}`) is
    one problem.
    """
    braces = braces_of(text)
    if _balanced(brace for brace, _ in braces):
        return []
    lines, starts = text.split("\n"), LineStarts(text)
    blocks = _OpenBlocks(lines)
    found = []  # (kind, offset)
    for brace, offset in braces:
        line, column = starts.position(offset)
        if brace == "{":
            blocks.open(line, column, offset)
        elif not blocks:
            found.append((UNMATCHED, offset))
        else:
            found.extend((UNCLOSED, opened) for opened in blocks.closed_by(line, column))
    found.extend((UNCLOSED, opened) for opened in blocks.offsets())
    return [_brace_diagnostic(kind, run, text, starts, path) for kind, run in _runs(sorted(found, key=lambda f: f[1]), text)]


def _balanced(braces) -> bool:
    depth = 0
    for brace in braces:
        depth += 1 if brace == "{" else -1
        if depth < 0:
            return False
    return depth == 0


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


class _OpenBlocks:
    """The open `{` of the brace check, with the indentation of the line each opens on."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        self.stack: list[tuple[int, int]] = []  # (indentation of its line, offset) of each open `{`
        self.indents: collections.Counter = collections.Counter()

    def __bool__(self) -> bool:
        return bool(self.stack)

    def open(self, line: int, column: int, offset: int) -> None:
        indent = _indent(self.lines[line - 1])
        self.stack.append((indent, offset))
        self.indents[indent] += 1

    def pop(self) -> int:
        indent, offset = self.stack.pop()
        self.indents[indent] -= 1
        return offset

    def closed_by(self, line: int, column: int) -> list[int]:
        """Pop the block this `}` closes; return the blocks it proves unclosed."""
        starts_line = not self.lines[line - 1][: column - 1].strip()
        indent = column - 1
        unclosed = []
        if starts_line and self.indents[indent]:
            while self.stack[-1][0] != indent:
                unclosed.append(self.pop())
        self.pop()
        return unclosed

    def offsets(self) -> list[int]:
        return [offset for _, offset in self.stack]


def _runs(found: list[tuple[str, int]], text: str) -> list[tuple[str, list[int]]]:
    """Problems of one kind on braces next to each other (only spaces between) as one."""
    runs: list[tuple[str, list[int]]] = []
    for kind, offset in found:
        if runs and runs[-1][0] == kind and not text[runs[-1][1][-1] + 1: offset].strip(" \t"):
            runs[-1][1].append(offset)
        else:
            runs.append((kind, [offset]))
    return runs


def _brace_diagnostic(kind: str, run: list[int], text: str, starts: LineStarts, path: str) -> Diagnostic:
    line, column = starts.position(run[0])
    end_column = column + (run[-1] - run[0]) + 1
    span = Span(path, line, column, line, end_column)
    if kind == UNMATCHED:
        if len(run) == 1:
            return Diagnostic(UNMATCHED, say("syntax.unmatched"), span=span, help=say("syntax.unmatched.help"))
        return Diagnostic(UNMATCHED, say("syntax.unmatched.many", count=len(run)), span=span,
                          help=say("syntax.unmatched.many.help"))
    if len(run) > 1:
        return Diagnostic(UNCLOSED, say("syntax.unclosed.many", count=len(run)),
                          span=span, help=say("syntax.unclosed.many.help"))
    head = text[starts.starts[line - 1]: run[0]].strip()
    opening = f"{shorten(head)} {{" if head else "{"
    return Diagnostic(UNCLOSED, say("syntax.unclosed", opening=opening), span=span, help=say("syntax.unclosed.help"))


# ---- literals and texts, checked as they are read -----------------------------------

LITERALS = ("NUMBER", "PERCENT", "DURATION", "MONEY")
# Every value tspol reads is below 10**18 (the runtime refuses more, E608), so no
# literal needs to be; and 36 places tell apart any two rates of counts below
# 10**18. Both are far below the 4,300 digits past which Python refuses to read a
# number: a literal is checked on its text, before its value is built.
LARGEST = 10**18
MOST_PLACES = 36
_DIGITS = re.compile(r"([0-9]+)(?:\.([0-9]+))?")


def _significant(literal: str) -> tuple[str, str]:
    """The digits of a literal's value: before the point without leading zeros,
    after it without trailing zeros."""
    whole, places = _DIGITS.match(literal).groups()
    return whole.lstrip("0"), (places or "").rstrip("0")


def literal_value(literal: str) -> Fraction:
    """The exact value of a literal's number (`2.50` of `2.50%`), checked by `literal_problems`."""
    whole, places = _significant(literal)
    return Fraction(int(whole + places or "0"), 10 ** len(places))


def literal_problems(token: Token, path: str) -> list[Diagnostic]:
    """A number too large, or with too many places, for any policy."""
    whole, places = _significant(str(token))
    span = Span(path, token.line, token.column, token.end_line, token.end_column)
    shown = shorten(str(token))
    if len(whole) > len(str(LARGEST - 1)):
        return [Diagnostic(OUT_OF_RANGE, say("syntax.too_large", number=shown, digits=len(whole)), span=span,
                           help=say("syntax.too_large.help"))]
    if len(places) > MOST_PLACES:
        return [Diagnostic(OUT_OF_RANGE, say("syntax.too_many_places", number=shown, places=len(places),
                                             most=MOST_PLACES), span=span, help=say("syntax.too_many_places.help"))]
    return []


ESCAPES = {'"': '"', "\\": "\\", "n": "\n", "t": "\t", "r": "\r"}
# Control characters (a tab may be typed as it is), line and paragraph separators
# and lone surrogates: a text holds none of them; a new line or a carriage return
# is written as its escape.
_CONTROL = "\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff"
_TEXT_PROBLEM = re.compile(rf"\\(.)|[{_CONTROL}]", re.DOTALL)
_IS_CONTROL = re.compile(rf"[{_CONTROL}]")


def text_problems(token: Token, path: str) -> list[Diagnostic]:
    """Unknown escapes and control characters in a quoted text, each where it is."""
    problems = []
    for match in _TEXT_PROBLEM.finditer(str(token), 1, len(token) - 1):
        escaped = match.group(1)
        if escaped in ESCAPES:
            continue
        column = token.column + match.start()
        if escaped is None or _IS_CONTROL.match(escaped):
            char = match.group()[-1]
            column += len(match.group()) - 1
            problems.append(Diagnostic(
                BAD_TEXT, say("syntax.control", kind=_kind_of(char), code=f"U+{ord(char):04X}"),
                span=Span(path, token.line, column, token.line, column + 1),
                help=say("syntax.control.cr.help") if char == "\r" else say("syntax.control.help")))
        else:
            problems.append(Diagnostic(
                BAD_TEXT, say("syntax.escape", escape=match.group()),
                span=Span(path, token.line, column, token.line, column + 2), help=say("syntax.escape.help")))
    return problems


def _kind_of(char: str) -> Message:
    return say({"Cs": "syntax.char.surrogate", "Zl": "syntax.char.line_separator",
                "Zp": "syntax.char.paragraph_separator"}.get(unicodedata.category(char), "syntax.char.control"))


def token_problems(token: Token, path: str) -> list[Diagnostic]:
    """What is wrong with a literal or a text as written, whatever its place."""
    if token.type == "STRING":
        return text_problems(token, path)
    if token.type in LITERALS:
        return literal_problems(token, path)
    return []


def unquote(token: Token) -> str:
    """The text between the quotes, with `\\"`, `\\\\`, `\\n`, `\\t` and `\\r` read
    (a text with any other escape never gets here: `text_problems`)."""
    return re.sub(r"\\(.)", lambda match: ESCAPES[match.group(1)], str(token)[1:-1])


# ---- Lark's errors in words ------------------------------------------------------------

# What each kind of token is, in words: `syntax.terminal.NAME` in tspol.messages.
TERMINAL_WORDS = ("NAME", "STRING", "NUMBER", "PERCENT", "DURATION", "MONEY", "DATE", "COMPARATOR", "$END")
DECLARATIONS = {"POLICY", "REGION", "INPUT", "BASIS", "METRIC", "RULE", "MEASURE", "LEDGER",
                "APPEALS", "HOLD", "CATEGORY", "REASON", "LEVELS", "PARAM",
                "AMENDMENT"}  # versions in one pack (issue 11: versions)

# Characters the lexer cannot start a token with, and what the author meant.
CHARACTER_HELP = {
    "!=": say("syntax.char.not_equal"),
    "&": say("syntax.char.ampersand"),
    "|": say("syntax.char.bar"),
    "'": say("syntax.char.single_quote"),
    ";": say("syntax.char.semicolon", char=";"),
    "%": say("syntax.char.percent"),
    "-": say("syntax.char.minus"),
    "≥": say("syntax.write", code=">="),
    "≤": say("syntax.write", code="<="),
    "，": say("syntax.char.comma"),
    "：": say("syntax.char.colon"),
    "％": say("syntax.char.percent_sign"),
    "＜": say("syntax.write", code="<"),
    "＞": say("syntax.write", code=">"),
    "＝": say("syntax.write", code="=="),
    "\u3000": say("syntax.char.ideographic_space"),
    "（": say("syntax.char.parenthesis", char="("),
    "）": say("syntax.char.parenthesis", char=")"),
    "；": say("syntax.char.semicolon", char="；"),
    "。": say("syntax.char.semicolon", char="。"),
    "“": say("syntax.char.curly_quote"),
    "”": say("syntax.char.curly_quote"),
}

# Labelled bad examples, in the manner of Lark's `match_examples`: an error
# raised in the same parser state (and, best, on the same kind of token) as
# one of these examples gets the example's help (`syntax.example.LABEL` in
# tspol.messages). Each example is a whole file.
_ROW = "rule r in US {{ table {{ {} }} }}"
SYNTAX_EXAMPLES = {
    "then": [
        _ROW.format("when LDR >= 4% points 2"),
        _ROW.format("when LDR >= 4% warning"),
        _ROW.format("when LDR >= 4% limit 7d at 10% avg4w"),
        _ROW.format("when LDR >= 4% x"),
        _ROW.format("when LDR >= 4% }"),
    ],
    "commas": [
        _ROW.format("when LDR >= 4% then points 2 limit 7d at 10% avg4w"),
        _ROW.format("when LDR >= 4% then points 2 x"),
        _ROW.format("when LDR >= 4% then warning points 2"),
        _ROW.format("when LDR >= 4% then x points 2"),
        _ROW.format("when LDR >= 4% then limit 7d at 10% avg4w points 2"),
    ],
    "comparison_sides": [
        _ROW.format("when LDR >= then points 2"),
        _ROW.format("when LDR >= and x > 1 then points 2"),
        _ROW.format("when >= 4% then points 2"),
        _ROW.format("when LDR then points 2"),
        _ROW.format("when LDR and x > 1 then points 2"),
    ],
    "comparator": [
        _ROW.format("when LDR = 4% then points 2"),
    ],
    "action_after_then": [
        _ROW.format("when LDR >= 4% then }"),
        _ROW.format("when LDR >= 4% then points 2, }"),
    ],
    "condition": [
        _ROW.format("when }"),
        _ROW.format("when , x"),
    ],
    "when": [
        _ROW.format("LDR >= 4% then warning"),
        _ROW.format("4% <= LDR then warning"),
    ],
    "otherwise_last": [
        _ROW.format("otherwise warning when LDR >= 4% then warning"),
        _ROW.format("otherwise warning otherwise points 1"),
    ],
    "otherwise_plain": [
        _ROW.format("otherwise LDR >= 4% then points 1"),
    ],
    "limit": [
        _ROW.format("when LDR >= 4% then limit 7d 10% avg4w"),
        _ROW.format("when LDR >= 4% then limit 7d at 10%"),
        _ROW.format("when LDR >= 4% then limit 7d at 10% }"),
        _ROW.format("when LDR >= 4% then limit at"),
        _ROW.format("when LDR >= 4% then limit 7 d at 10% avg4w"),
    ],
    "duration": [
        "ledger { points expire after 180 d }",
        "appeals { first within 30 d of penalty }",
    ],
    "rows_in_table": [
        "rule r in US { when LDR >= 4% then warning }",
    ],
    "rule_regions": [
        "rule r { }",
        "rule r US { }",
    ],
    "input_type": [
        "input x { }",
        "input x: { }",
        "input x count",
    ],
    "metric": [
        "metric m { }",
        "metric m = { }",
        "metric m = a / { }",
    ],
    "basis": [
        "basis b { }",
        "basis b = { }",
    ],
    "reason": [
        "reason r { }",
        "reason r fulfilment { }",
    ],
    "text": [
        'region r { name "x" }',
        'region r { description "x" }',
        "region r { name en x }",
        "region r { name x }",
    ],
    "version": [
        "policy p { version 1 }",
        "policy p { version x }",
    ],
    "effective": [
        "policy p { effective 2024 }",
        'policy p { effective "2024-07-15" }',
        "policy p { effective x }",
    ],
    "threshold": [
        "ledger { threshold 12 no_campaigns for 7d }",
    ],
    "threshold_measure": [
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
        return Diagnostic(SYNTAX, say("syntax.file_ends"), span=Span(path, line, column, line, column + 1),
                          help=say("syntax.expected_only", expected=_expected_text(expected, lark)))
    span = Span(path, token.line, token.column, token.end_line, token.end_column)
    found = say("syntax.a_quoted_text") if token.type == "STRING" else f"`{shorten(str(token))}`"
    written = _WRITTEN.match(text, token.start_pos).group()  # the word as written, `when2.5%`
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
    message = say("syntax.expected", expected=_expected_text(expected, lark), found=found)
    return Diagnostic(SYNTAX, message, span=span, help=_example_help(exc, lark) if start == "start" else None)


_WRITTEN = re.compile(r"\S*")


def _line_ends_early(text: str, token, expected: set[str], path: str, lark: Lark) -> Diagnostic | None:
    """A statement cut off at the end of its line (`then points`, `limit 7d`): the
    next line's first word is not what is wrong, the missing value is. Not when a
    `}` could come next, where the next line may well begin a new statement."""
    if "RBRACE" in expected or "$END" in expected:
        return None
    end = _code_end_before(text, token.start_pos)
    if end is None or "\n" not in text[end:token.start_pos]:
        return None
    line_start = text.rfind("\n", 0, end) + 1
    words = text[line_start:end].split()
    last = words[-1]
    column = end - len(last) - line_start + 1
    line = token.line - text.count("\n", end, token.start_pos)
    help = (say("check.write_like", example="points 3") if last == "points" else
            say("check.write_like", example="limit 7d at 10% avg4w") if "limit" in words[-3:] else None)
    return Diagnostic(SYNTAX, say("syntax.line_ends_early", last=shorten(last), expected=_expected_text(expected, lark)),
                      span=Span(path, line, column, line, column + len(last)), help=help)


def _code_end_before(text: str, offset: int) -> int | None:
    """Where the code before `offset` ends, past spaces, blank lines and comments;
    None when there is none. Reads back one line at a time, only as far as it must."""
    end = offset
    while True:
        line_start = text.rfind("\n", 0, end) + 1
        code = _without_comment(text[line_start:end]).rstrip()
        if code:
            return line_start + len(code)
        if line_start == 0:
            return None
        end = line_start - 1


def _without_comment(line: str) -> str:
    comment = next((m for m in SCAN.finditer(line) if m.group().startswith("#")), None)
    return line if comment is None else line[: comment.start()]


def _expected(exc: UnexpectedInput) -> set[str]:
    # `accepts` is exact; LALR's `expected` can include tokens of merged states.
    return set(getattr(exc, "accepts", None) or getattr(exc, "expected", None) or ())


def _character_diagnostic(exc: UnexpectedCharacters, text: str, path: str) -> Diagnostic:
    line, column, char = exc.line, exc.column, text[exc.pos_in_stream]
    if char == '"':
        line_end = text.find("\n", exc.pos_in_stream)
        end = (len(text) if line_end < 0 else line_end) - exc.pos_in_stream + column
        return Diagnostic(BAD_TEXT, say("syntax.text_not_closed"), span=Span(path, line, column, line, end),
                          help=say("syntax.text_not_closed.help"))
    if text.startswith("!=", exc.pos_in_stream):
        char = "!="
    shown = repr(char)[1:-1] if not char.isprintable() else char
    return Diagnostic(SYNTAX, say("syntax.unexpected_character", char=shown),
                      span=Span(path, line, column, line, column + len(char)),
                      help=CHARACTER_HELP.get(char) or _lookalike_help(char) or say("syntax.unexpected_character.help"))


def _lookalike_help(char: str) -> Message | None:
    """For a full-width character typed with an input method (`４`, `｛`), its ASCII form."""
    if not unicodedata.decomposition(char).startswith("<wide>"):
        return None
    plain = unicodedata.normalize("NFKC", char)
    return say("syntax.write_as", code=plain) if plain.isascii() and plain.isprintable() else None


def _special_token(value: str, type_: str, expected: set[str], lark: Lark,
                   written: str = "") -> tuple[Message, Message] | None:
    """A misspelt keyword, `or`: errors better named than by what was expected."""
    if type_ == "NAME":
        if value == "else" and "OTHERWISE" in expected:
            return say("syntax.unknown_keyword", word="else"), say("syntax.else.help")
        keywords = _expected_keywords(expected, lark)
        glued = [k for k in keywords if _runs_into(value, k)]
        if glued:  # `ofshipped_orders`, `when80`: a keyword run into what follows it
            keyword = max(glued, key=len)
            return (say("syntax.runs_into", keyword=keyword, word=shorten(value)),
                    say("syntax.runs_into.help", keyword=keyword, rest=shorten((written or value)[len(keyword):])))
        close = difflib.get_close_matches(value, keywords, n=1, cutoff=0.6) if len(value) <= 40 else []
        if close and close[0] != value:
            return say("syntax.unknown_keyword", word=value), say("did_you_mean", names=Words([f"`{close[0]}`"]))
    return None


def _runs_into(value: str, keyword: str) -> bool:
    """Whether `value` is `keyword` with a number or a word of two letters or more
    run into it (`when80`, `inUS`), not a misspelling of it (`tables`) nor a name
    of its own (`on_metric`)."""
    rest = value[len(keyword):]
    return value.startswith(keyword) and rest[:1] != "_" and (rest[:1].isdigit() or len(rest) >= 2)


ACTIONS = ("points", "warning", "limit")
_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")


def _word_before(text: str, offset: int) -> tuple[int | None, int, str] | None:
    """The word just before `offset` (past spaces and line breaks), where it starts,
    and where the comma right before it is, if there is one: what the pattern
    `(,?)\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*$` finds, read backwards from `offset`."""
    end = offset
    while end > 0 and text[end - 1].isspace():
        end -= 1
    start = end
    while start > 0 and text[start - 1] in _WORD_CHARS:
        start -= 1
    while start < end and text[start].isdigit():
        start += 1
    if start == end:
        return None
    before = start
    while before > 0 and text[before - 1].isspace():
        before -= 1
    comma = before - 1 if before > 0 and text[before - 1] == "," else None
    return comma, start, text[start:end]


def _after_word(text: str, token, path: str) -> Diagnostic | None:
    """A value after a word read as a measure: a misspelt action (`pionts 3`), or a
    row ending in a comma, so that the next row's `when` was read as a measure."""
    before = _word_before(text, token.start_pos)
    if before is None:
        return None
    comma, start, word = before
    if word == "then" and comma is None and _word_before(text, start) is not None \
            and _word_before(text, start)[2] == "otherwise":
        line, column = _position_before(text, token, start)
        return Diagnostic(SYNTAX, say("syntax.otherwise_then"), span=Span(path, line, column, line, column + 4),
                          help=say("syntax.otherwise_then.help"))
    if word == "when" and comma is not None and token.type in ("NAME", "NUMBER", "PERCENT", "DURATION"):
        line, column = _position_before(text, token, comma)
        return Diagnostic(SYNTAX, say("syntax.trailing_comma"), span=Span(path, line, column, line, column + 1),
                          help=say("syntax.trailing_comma.help"))
    if token.type not in ("NUMBER", "PERCENT", "DURATION", "MONEY") or len(word) > 40:
        return None
    close = difflib.get_close_matches(word, ACTIONS, n=1, cutoff=0.6)
    if not close or close[0] == word:
        return None
    line, column = _position_before(text, token, start)
    return Diagnostic(SYNTAX, say("syntax.unknown_action", word=word),
                      span=Span(path, line, column, line, column + len(word)),
                      help=say("did_you_mean", names=Words([f"`{close[0]}`"])))


def _position_before(text: str, token, offset: int) -> tuple[int, int]:
    """Line and column of an offset a little before a token, counted from the token."""
    line = token.line - text.count("\n", offset, token.start_pos)
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _example_help(exc: UnexpectedInput, lark: Lark) -> Message | None:
    if not isinstance(exc, UnexpectedToken):
        return None
    label = _example_index(lark).get((exc.state.position, exc.token.type))
    return None if label is None else say(f"syntax.example.{label}")


@functools.lru_cache(maxsize=None)
def _example_index(lark: Lark) -> dict[tuple[int, str], str]:
    """(parser state, token type) of each labelled example -> its label.

    Lark's own `match_examples` also compares the depth of the parse stack,
    so an example there only matches errors at the same nesting and list
    position; the state and the token are what say what went wrong.
    """
    index: dict[tuple[int, str], str] = {}
    for label, examples in SYNTAX_EXAMPLES.items():
        for example in examples:
            try:
                lark.parse(example, start="start")
            except UnexpectedToken as exc:
                index.setdefault((exc.state.position, exc.token.type), label)
    return index


@functools.lru_cache(maxsize=None)
def _terminal_literals(lark: Lark) -> dict[str, str]:
    return {t.name: t.pattern.value for t in lark.terminals if t.pattern.type == "str"}


def _expected_keywords(expected: set[str], lark: Lark) -> list[str]:
    literals = _terminal_literals(lark)
    return sorted(literals[name] for name in expected if name in literals and literals[name].isalpha())


def _expected_text(expected: set[str], lark: Lark) -> Words:
    """What may come here, in words: `` `and`, `then` or a comparison (<, <=, >, >=, ==) ``,
    in the order of their English words."""
    literals = _terminal_literals(lark)
    words: list = []
    if DECLARATIONS <= expected:
        words.append(say("syntax.a_declaration"))
        expected = expected - DECLARATIONS
    words += sorted({f"`{literals[name]}`" if name in literals
                     else say(f"syntax.terminal.{name}") if name in TERMINAL_WORDS else name
                     for name in expected}, key=str)
    if not words:
        words = [say("syntax.something_else")]
    return Words(words, "or")
