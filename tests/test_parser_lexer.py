"""`RootFirstLexer` gives exactly the tokens and errors of Lark's contextual lexer.

Both parsers read the pack and random edits of it; their trees must hold the
same tokens (type, text and position) and their errors must be the same.
"""

from __future__ import annotations

import functools

from hypothesis import given, settings
from hypothesis import strategies as st
from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken

import lark
import pytest

from tspol.dsl.lexer import RootFirstLexer
from tspol.dsl.parser import GRAMMAR, BadToken, _lark, _WholeWords

from conftest import PACK

pytestmark = pytest.mark.skipif(not lark.__version__.startswith("1.3."),
                                reason="the quick lexer is used with Lark 1.3 only")

SOURCES = {path.name: path.read_text(encoding="utf-8") for path in sorted(PACK.glob("*.pol"))}


@functools.lru_cache(maxsize=None)
def lark_contextual() -> Lark:
    return Lark(GRAMMAR.read_text(encoding="utf-8"), parser="lalr", start=["start", "row"],
                propagate_positions=True, maybe_placeholders=False, postlex=_WholeWords())


def outcome(lark: Lark, text: str):
    try:
        return "tree", tokens(lark.parse(text, start="start"))
    except BadToken as exc:  # from the postlexer, the same for both
        return "BadToken", exc.token.type, str(exc.token), exc.token.line, exc.token.column
    except UnexpectedInput as exc:
        token = getattr(exc, "token", None)
        found = (token.type, str(token)) if isinstance(exc, UnexpectedToken) else None
        allowed = sorted(exc.allowed) if isinstance(exc, UnexpectedCharacters) else sorted(exc.accepts or ())
        return type(exc).__name__, exc.line, exc.column, found, allowed


def tokens(tree: Tree) -> list[tuple]:
    return [(t.type, str(t), t.line, t.column, t.end_line, t.end_column)
            for t in tree.scan_values(lambda v: isinstance(v, Token))]


def test_the_parser_uses_the_root_first_lexer():
    assert isinstance(_lark().parser.lexer.lexer, RootFirstLexer)  # inside the postlexer's connector


@pytest.mark.parametrize("text", [
    "input v: count {\n  part oforders_7d\n}\n",
    "rule r inUS {\n}\n",
    "input v: count {\n  higher isworse\n}\n",
    "rule r in US {\n  table {\n    when80% <= LDR then points 2\n  }\n}\n",
])
def test_same_errors_for_a_keyword_run_into_the_next_word(text):
    assert outcome(_lark(), text)[0] == "UnexpectedToken"
    assert outcome(_lark(), text) == outcome(lark_contextual(), text)


def test_same_tokens_on_the_pack():
    for text in SOURCES.values():
        assert outcome(_lark(), text) == outcome(lark_contextual(), text)


WORDS = sorted({w for text in SOURCES.values() for w in text.split()}
               | {"{", "}", ",", "7 d", "1.5", "\"x", "\"a\x00b\"", "\"\\q\"", "1" * 5000 + "%"})


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(sorted(SOURCES)), st.data())
def test_same_tokens_and_errors_on_edited_text(name, data):
    words = SOURCES[name].split(" ")
    for _ in range(data.draw(st.integers(1, 3))):
        i = data.draw(st.integers(0, len(words) - 1))
        words[i] = data.draw(st.sampled_from(WORDS))
    text = " ".join(words)
    assert outcome(_lark(), text) == outcome(lark_contextual(), text)
