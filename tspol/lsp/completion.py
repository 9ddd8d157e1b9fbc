"""What may be written at a place: the keywords the grammar takes there, and the
names of the pack that fit (a metric after `on`, a region after `rule NAME in`, an
input or a metric in a condition, a basis after `limit 7d at 10%`), each with what
it is (`a count`, `a rate`, `a duration in minutes`).

The keywords are the grammar's own: the declaration around the place, up to the
word being typed, is fed to the parser, which says which tokens it would take next.
When that text does not parse (an error before the place), the names of the pack
are offered without keywords.
"""

from __future__ import annotations

import functools
import re

import attrs
from lark.exceptions import UnexpectedInput

from tspol.dsl.parser import BadToken, grammar
from tspol.dsl.syntax_errors import SCAN, braces_of
from tspol.lsp.hover import quantity_words
from tspol.lsp.index import DISCRETIONARY_POINTS, Symbol, level_namespace
from tspol.lsp.snapshot import Snapshot
from tspol.messages import say

_WORD_BEFORE = re.compile(r"[A-Za-z0-9_]*\Z")
_LINE_START = re.compile(r"^[ \t]*([A-Za-z]+)", re.MULTILINE)
QUANTITIES = frozenset({"input", "metric", "param"})
LITERALS = frozenset({"NUMBER", "PERCENT", "DURATION", "MONEY"})
EVERY_NAME = frozenset({"input", "metric", "basis", "param", "measure", "reason", "region", "category", "levels"})
ACTIONS_BEFORE = frozenset({"THEN", "COMMA"})  # `then level `, `points 2, level `
LISTS = {"IN": {"region"}, "MAY": {"measure"}, "THEN": {"measure"}, "FOR": {"reason"}}  # `may a, b, c`


@attrs.frozen
class Completion:
    label: str
    kind: str  # "keyword", or the kind of declaration the name is
    detail: str = ""
    documentation: str = ""


def complete(snapshot: Snapshot, path: str, offset: int, lang: str = "en") -> list[Completion]:
    """What may be written at `offset` of the file at `path`, each said in `lang`."""
    text = snapshot.texts[path]
    if _in_text_or_comment(text, offset):
        return []
    start = offset - len(_WORD_BEFORE.search(text, 0, offset).group())
    parsed = _tokens_and_choices(text, start)
    if parsed is None:
        return _names(snapshot, EVERY_NAME, lang)
    tokens, choices = parsed
    found = [Completion(word, "keyword") for word in sorted(filter(None, map(keywords().get, choices)))]
    if "NAME" in choices:
        level_set = level_set_before(tokens)
        found += _levels(snapshot, level_set) if level_set else _names(snapshot, names_after(tokens), lang)
        if _list_head(tokens) == "MAY":
            found.append(Completion(DISCRETIONARY_POINTS, "keyword", say("completion.discretionary").text(lang)))
    return found


def names_after(tokens: list) -> frozenset:
    """The kinds of declaration whose names fit after these tokens (a declaration's
    own name fits none: it is a new name)."""
    last = tokens[-1].type if tokens else None
    head = tokens[0].type if tokens else None
    if last == "LEVEL" and len(tokens) >= 2 and tokens[-2].type in ACTIONS_BEFORE:  # `then level `
        return frozenset({"levels"})
    if last == "ON":
        return frozenset({"metric"})
    if last in ("OF", "EQUAL", "SLASH"):
        return frozenset({"input"})
    if last in ("WHEN", "AND", "STANDARD", "IF", "COMPARATOR"):
        return QUANTITIES
    if last == "REASON" and head == "RULE":
        return frozenset({"reason"})
    if last in ("MAY", "THEN"):
        return frozenset({"measure"})
    if last == "IN" and len(tokens) >= 3:
        return frozenset({"RULE": {"region"}, "REASON": {"category"}}.get(tokens[-3].type, ()))
    if last == "FOR" and head == "HOLD":
        return frozenset({"reason"})
    if last in LITERALS and len(tokens) >= 2 and tokens[-2].type == "AT":
        return frozenset({"basis"})
    if last == "COMMA":
        return frozenset(LISTS.get(_list_head(tokens), ()))
    if last == "UNTIL" and _in_threshold(tokens):  # issue 11: `no_campaigns until LDR is within standard`
        return frozenset({"metric"})
    if _in_threshold(tokens):
        return frozenset({"measure"})
    return frozenset()


def level_set_before(tokens: list) -> str | None:
    """The set of a row's `level health ` being written, whose levels fit next; else None."""
    if len(tokens) >= 3 and tokens[-1].type == "NAME" and tokens[-2].type == "LEVEL" \
            and tokens[-3].type in ACTIONS_BEFORE:
        return tokens[-1].value
    return None


def _levels(snapshot: Snapshot, level_set: str) -> list[Completion]:
    """The levels of a set, best first."""
    return [Completion(symbol.name, "level", "level", _documentation(symbol))
            for symbol in snapshot.index.symbols_of({"level"}) if symbol.namespace == level_namespace(level_set)]


def _list_head(tokens: list) -> str | None:
    """The word that began the list being written (`may a, b, `), or None."""
    if not tokens or tokens[-1].type not in ("COMMA", *LISTS):
        return None
    return next((token.type for token in reversed(tokens) if token.type in LISTS), None)


def _in_threshold(tokens: list) -> bool:
    """Whether the innermost block open at the end is a ledger's `threshold N { ... }`."""
    depth = 0
    for index in range(len(tokens) - 1, -1, -1):
        kind = tokens[index].type
        depth += {"RBRACE": 1, "LBRACE": -1}.get(kind, 0)
        if depth < 0:
            return index >= 2 and tokens[index - 2].type == "THRESHOLD"
    return False


def _names(snapshot: Snapshot, kinds, lang: str) -> list[Completion]:
    return [Completion(symbol.name, symbol.kind, _detail(snapshot, symbol, lang), _documentation(symbol))
            for symbol in sorted(snapshot.index.symbols_of(kinds), key=lambda s: s.name)]


def _detail(snapshot: Snapshot, symbol: Symbol, lang: str) -> str:
    """`input: a count`, `metric: a rate`, `basis: a percentage of avg_daily_orders_4w`, `region`."""
    if symbol.kind in QUANTITIES:
        words = quantity_words(snapshot, symbol.name, lang)
        return f"{symbol.kind}{':' if lang == 'zh' else ': '}{words}" if words else symbol.kind
    if symbol.kind == "basis":
        return say("completion.basis", source=symbol.decl.source.value).text(lang)
    return symbol.kind


def _documentation(symbol: Symbol) -> str:
    return "\n".join(f"{text.kind} ({text.lang.value}): {text.value}"
                     for text in getattr(symbol.decl, "texts", ()) if text.kind == "name")


# ---- the grammar at a place

def _tokens_and_choices(text: str, offset: int) -> tuple[list, set] | None:
    """The tokens of the declaration around `offset` up to it, and the token types the
    parser takes next; None when that text does not parse."""
    start = _declaration_start(text, offset)
    parser = grammar().parse_interactive(text[start:offset], start="start")
    try:
        tokens = parser.exhaust_lexer()
    except (UnexpectedInput, BadToken):
        return None
    return tokens, parser.accepts()


def _declaration_start(text: str, offset: int) -> int:
    """Where the top-level declaration that `offset` is in starts: the last line before
    it, outside every block, that begins with a declaration's keyword."""
    depth, braces, starts = 0, iter(braces_of(text[:offset])), _declaration_keywords()
    brace = next(braces, None)
    found = 0
    for line in _LINE_START.finditer(text, 0, offset):
        while brace is not None and brace[1] < line.start():
            depth += 1 if brace[0] == "{" else -1
            brace = next(braces, None)
        if depth == 0 and line.group(1) in starts:
            found = line.start()
    return found


def _in_text_or_comment(text: str, offset: int) -> bool:
    line_start = text.rfind("\n", 0, offset) + 1
    return any(match.start() < offset <= match.end() - (match.group().endswith('"') and len(match.group()) > 1)
               for match in SCAN.finditer(text, line_start, offset) if match.group()[0] in '"#')


@functools.lru_cache(maxsize=None)
def keywords() -> dict[str, str]:
    """The grammar's words by their token types (`WHEN` -> `when`)."""
    return {t.name: t.pattern.value for t in grammar().terminals
            if t.pattern.type == "str" and t.pattern.value.isalpha()}


@functools.lru_cache(maxsize=None)
def _declaration_keywords() -> frozenset:
    """The keywords a top-level declaration starts with."""
    return frozenset(map(keywords().get, grammar().parse_interactive("", start="start").accepts())) - {None}
