"""Lark's contextual lexer, made cheap to start.

The grammar needs a contextual lexer: `points` is a keyword in `then points 3`
and a name in `may points` or `table points { ... }`. Lark's contextual lexer
compiles one regular expression per parser state (about ninety here) the first
time each state lexes, which costs more than parsing the whole pack.

`RootFirstLexer` tries the one expression of the root lexer (all terminals)
first, and keeps its token when the parser state accepts it: the state's own
lexer tries a subset of the same terminals in the same order, so it would have
found the same token. A keyword where only a name fits becomes that name, as
the state's lexer would read it. Only otherwise is the state's lexer asked,
and the lexer of a state is only made then. The root lexer's loop is redone
here with a dictionary for keywords (Lark matches a second expression), for
half its time. Tokens, positions and errors are exactly those of Lark's
contextual lexer (tests/test_parser_lexer.py compares them).
"""

from __future__ import annotations

import re
from copy import copy

from lark import Token
from lark.exceptions import UnexpectedCharacters, UnexpectedToken
from lark.lexer import BasicLexer, ContextualLexer, UnlessCallback

NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class RootFirstLexer(ContextualLexer):
    def __init__(self, conf, states, always_accept=()) -> None:
        # Not ContextualLexer.__init__, which makes the lexers of all states.
        self.conf = conf
        self.root_lexer = BasicLexer(conf)  # checks every terminal once
        extra = set(conf.ignore) | set(always_accept)
        names = set(conf.terminals_by_name)
        self.accepted = {state: frozenset((set(accepts) | extra) & names) for state, accepts in states.items()}
        self.lexers = _StateLexers(self)
        self.expressions = self.root_lexer.scanner._mres  # builds root_lexer.callback too
        self.keywords = {type_: _keywords(callback) for type_, callback in self.root_lexer.callback.items()}

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
        token = self._root_token(lexer_state)
        if token is not None:
            accepted = self.accepted[parser_state.position]
            if token.type in accepted:
                return token
            if "NAME" in accepted and NAME.fullmatch(token.value):
                lexer_state.last_token = Token.new_borrow_pos("NAME", token.value, token)
                return lexer_state.last_token
        counter.char_pos, counter.line, counter.column, counter.line_start_pos, lexer_state.last_token = saved
        return self.lexers[parser_state.position].next_token(lexer_state, parser_state)

    def _root_token(self, lexer_state) -> Token | None:
        """What `root_lexer.next_token` returns, or None where it would fail."""
        text, counter, root = lexer_state.text, lexer_state.line_ctr, self.root_lexer
        while counter.char_pos < text.end:
            for expression in self.expressions:
                match = expression.match(text.text, counter.char_pos, text.end)
                if match:
                    break
            else:
                return None
            value, type_ = match.group(0), match.lastgroup
            if type_ in root.ignore_types:
                counter.feed(value, type_ in root.newline_types)
                continue
            keywords = self.keywords.get(type_)
            token = Token(keywords.get(value, type_) if keywords else type_, value,
                          counter.char_pos, counter.line, counter.column)
            counter.feed(value, type_ in root.newline_types)
            token.end_line, token.end_column, token.end_pos = counter.line, counter.column, counter.char_pos
            lexer_state.last_token = token
            return token
        raise EOFError(self)


def _keywords(callback) -> dict[str, str]:
    """The keywords a terminal such as NAME turns into: text -> terminal."""
    assert isinstance(callback, UnlessCallback), callback  # the grammar has no lexer callbacks of its own
    assert not any(t.pattern.flags for t in callback.scanner.terminals)  # no `"word"i`: a dictionary will do
    return {t.pattern.value: t.name for t in callback.scanner.terminals}


class _StateLexers(dict):
    """The lexer of each parser state, made on first use; one per set of terminals."""

    def __init__(self, owner: RootFirstLexer):
        super().__init__()
        self.owner = owner
        self.by_terminals: dict[frozenset, BasicLexer] = {}

    def __missing__(self, state) -> BasicLexer:
        accepted = self.owner.accepted[state]
        if accepted not in self.by_terminals:
            conf = copy(self.owner.conf)
            conf.terminals = [conf.terminals_by_name[name] for name in sorted(accepted)]
            conf.skip_validation = True
            self.by_terminals[accepted] = BasicLexer(conf)
        self[state] = self.by_terminals[accepted]
        return self[state]
