"""Lark's contextual lexer, made cheap to start.

The grammar needs a contextual lexer: `points` is a keyword in `then points 3`
and a name in `may points` or `table points { ... }`. Lark's contextual lexer
compiles one regular expression per parser state (about ninety here) the first
time each state lexes, which costs more than parsing the whole pack.

`RootFirstLexer` tries the one expression of the root lexer (all terminals)
first, and keeps its token when the parser state accepts it: the state's own
lexer tries a subset of the same terminals in the same order, so it would have
found the same token. A keyword where only a name fits becomes that name, as
the state's lexer would read it. Only otherwise is the state's lexer asked.
Tokens, positions and errors are exactly those of Lark's contextual lexer.
"""

from __future__ import annotations

import re

from lark import Token
from lark.exceptions import UnexpectedCharacters, UnexpectedToken
from lark.lexer import ContextualLexer

NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class RootFirstLexer(ContextualLexer):
    def lex(self, lexer_state, parser_state):
        try:
            while True:
                yield self._next_token(lexer_state, parser_state)
        except EOFError:
            pass
        except UnexpectedCharacters as exc:  # as Lark's ContextualLexer.lex does
            last_token = lexer_state.last_token
            try:
                token = self.root_lexer.next_token(lexer_state, parser_state)
            except UnexpectedCharacters:
                raise exc from None
            raise UnexpectedToken(token, exc.allowed, state=parser_state, token_history=[last_token],
                                  terminals_by_name=self.root_lexer.terminals_by_name) from None

    def _next_token(self, lexer_state, parser_state) -> Token:
        counter = lexer_state.line_ctr
        saved = (counter.char_pos, counter.line, counter.column, counter.line_start_pos, lexer_state.last_token)
        token = self._root_token(lexer_state, parser_state)
        if token is not None:
            accepted = self._accepted(parser_state.position)
            if token.type in accepted:
                return token
            if "NAME" in accepted and NAME.fullmatch(token.value):
                lexer_state.last_token = Token.new_borrow_pos("NAME", token.value, token)
                return lexer_state.last_token
        counter.char_pos, counter.line, counter.column, counter.line_start_pos, lexer_state.last_token = saved
        return self.lexers[parser_state.position].next_token(lexer_state, parser_state)

    def _root_token(self, lexer_state, parser_state) -> Token | None:
        try:
            return self.root_lexer.next_token(lexer_state, parser_state)
        except UnexpectedCharacters:
            return None

    def _accepted(self, state) -> frozenset[str]:
        cache = self.__dict__.setdefault("_accepted_by_state", {})
        if state not in cache:
            cache[state] = frozenset(t.name for t in self.lexers[state].terminals)
        return cache[state]
