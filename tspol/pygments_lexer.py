"""A Pygments lexer for `.pol` files (the `highlight` extra): `pygmentize -l tspol file.pol`.

Nothing in it is written twice. The tokens are the grammar's terminals, tried in
the order Lark's lexer tries them, and the keywords are the grammar's words. A
word is a keyword where the parser takes that keyword, as tspol's contextual
lexer decides: the tokens are fed to the grammar's LALR parser, so `points` is a
keyword in `then points 3` and a name in `may extend_settlement, points` and
`table points {`. After a syntax error the parser is left behind, and from there
on every keyword is a keyword wherever it stands.
"""

from __future__ import annotations

import functools
import re

import attrs
from lark import Lark, Token
from lark.exceptions import UnexpectedInput
from pygments.lexer import Lexer
from pygments.token import Comment, Error, Keyword, Literal, Name, Number, Operator, Punctuation, String, Whitespace

from tspol.dsl.parser import GRAMMAR
from tspol.dsl.syntax_errors import ESCAPES

# The Pygments type of each terminal that is not a keyword; other literals are punctuation.
TOKEN_TYPES = {
    "WS": Whitespace,
    "COMMENT": Comment.Single,
    "STRING": String.Double,
    "DATE": Literal.Date,
    "PERCENT": Number,
    "DURATION": Number,
    "MONEY": Number,
    "NUMBER": Number,
    "COMPARATOR": Operator,
    "NAME": Name,
    "EQUAL": Operator,
    "SLASH": Operator,
}
_ESCAPE = re.compile(r"(\\.)")


@attrs.frozen
class Language:
    """The tokens, words and parser of the language, as the grammar has them."""

    lark: Lark
    scanner: re.Pattern  # one group per terminal that is not a keyword, named by it
    keywords: dict[str, str]  # word -> its terminal
    declarations: frozenset[str]  # the words a declaration starts with
    types: frozenset[str]  # the words of an input's type

    def token_type(self, terminal: str | None, text: str):
        """The Pygments type of a token; the terminal is None for text no token starts with."""
        if terminal is None:
            return Error
        if self.keywords.get(text) != terminal:
            return TOKEN_TYPES.get(terminal, Punctuation)
        if text in self.declarations:
            return Keyword.Declaration
        if text in self.types:
            return Keyword.Type
        return Keyword


@functools.lru_cache(maxsize=None)
def language() -> Language:
    """The language, read from tspol/dsl/grammar.lark once per process."""
    lark = Lark(GRAMMAR.read_text(encoding="utf-8"), parser="lalr", start="start", maybe_placeholders=False)
    word = re.compile(lark.get_terminal("NAME").pattern.to_regexp())
    keywords = {t.pattern.value: t.name for t in lark.terminals
                if t.pattern.type == "str" and word.fullmatch(t.pattern.value)}
    # A keyword is matched as a NAME and then looked up, as Lark's lexer does.
    tried = sorted((t for t in lark.terminals if t.name not in keywords.values()),
                   key=lambda t: (-t.priority, -t.pattern.max_width, -len(t.pattern.value), t.name))
    declarations = set(lark.parse_interactive(start="start").choices())  # what a file may start with
    types = {rule.expansion[0].name for rule in lark.rules if rule.origin.name == "type_word"}
    return Language(
        lark=lark,
        scanner=re.compile("|".join(f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in tried)),
        keywords=keywords,
        declarations=frozenset(w for w, terminal in keywords.items() if terminal in declarations),
        types=frozenset(w for w, terminal in keywords.items() if terminal in types),
    )


class PolLexer(Lexer):
    """The tspol policy language."""

    name = "tspol"
    aliases = ["tspol", "pol"]
    filenames = ["*.pol"]
    mimetypes = ["text/x-tspol"]

    def get_tokens_unprocessed(self, text):
        words = language()
        for offset, terminal, value in _tokens(words, text):
            if terminal == "STRING":
                yield from _string(offset, value)
            else:
                yield offset, words.token_type(terminal, value), value


def _tokens(words: Language, text: str):
    """(offset, terminal, text) of each token, a word read as the parser takes it."""
    parser = words.lark.parse_interactive(start="start")
    for offset, terminal, value in _scan(words.scanner, text):
        if terminal is not None and terminal not in words.lark.ignore_tokens:
            keyword = words.keywords.get(value) if terminal == "NAME" else None
            if keyword is not None and (parser is None or keyword in parser.choices()):
                terminal = keyword
            if parser is not None:
                try:
                    parser.feed_token(Token(terminal, value))
                except UnexpectedInput:  # from here on, a keyword is a keyword anywhere
                    parser = None
        yield offset, terminal, value


def _scan(scanner: re.Pattern, text: str):
    """(offset, terminal, text) of each token; the terminal is None for a character no token starts with."""
    position = 0
    while position < len(text):
        match = scanner.match(text, position)
        if match is None:
            yield position, None, text[position]
            position += 1
        else:
            yield position, match.lastgroup, match.group()
            position = match.end()


def _string(offset: int, value: str):
    """A quoted text, its escapes apart: those tspol knows, and others as errors."""
    for part in filter(None, _ESCAPE.split(value)):
        if part.startswith("\\"):
            yield offset, String.Escape if part[1:] in ESCAPES else Error, part
        else:
            yield offset, String.Double, part
        offset += len(part)
