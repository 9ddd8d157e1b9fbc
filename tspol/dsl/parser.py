"""Parse `.pol` text into the syntax tree, with errors a policy author can act on.

`parse(text, path)` returns an `ast.File` or raises `TspolError` with every
syntax error of the file; `parse_partial` also gives, beside the errors, the
tree of everything around them, for the checker to check. The Lark parser is
built once per process (and cached on disk by Lark between runs).

A file without errors is parsed by Lark in one go. A file with errors is read
once more by `_Recovery`, in the manner of a yacc `error` rule: at each error
the parser goes back to the start of the statement in error (the last line
that began where a block could have ended instead), skips to the next line of
the same block that can begin a statement (or to the end of the block), and
goes on. Each bad statement is reported once, at its first error, and the text
skipped is blanked out of a copy of the file, which then parses cleanly into
the tree of the rest. Every step looks only at the lines it skips, so a file
with errors is read in time linear in its size.
"""

from __future__ import annotations

import bisect
import functools
import lark
import re
from copy import copy
from pathlib import Path

import attrs
from lark import Lark, Token, Transformer, v_args
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken
from lark.lexer import LexerThread

from tspol.diagnostics import Diagnostic, Span, TspolError
from tspol.dsl import ast
from tspol.dsl.lexer import RootFirstLexer
from tspol.dsl.syntax_errors import (
    LITERALS, MOST_SYNTAX_ERRORS, SCAN, LineStarts, brace_problems, braces_of, capped, literal_value, more_errors,
    syntax_diagnostic, token_problems, unquote,
)

GRAMMAR = Path(__file__).with_name("grammar.lark")


def _lexer_plugins() -> dict:
    """The quick-starting lexer reads Lark internals of the 1.3 series, where a test
    proves it equal to Lark's own; any other Lark uses its own contextual lexer."""
    series = tuple(int(part) for part in lark.__version__.split(".")[:2])
    return {"ContextualLexer": RootFirstLexer} if series == (1, 3) else {}


class BadToken(Exception):
    """A literal or text that is wrong as written (`token_problems`), met by the lexer."""

    def __init__(self, token: Token):
        super().__init__(str(token))
        self.token = token


class _WholeWords:
    """A postlexer that changes no token. Its `always_accept` makes the lexer of
    every parser state match names too, so that a keyword run into the next word
    (`part ofshipped_orders`, `inUS`, `when80%`) is read as the whole word, and
    reported as out of place, rather than as the keyword and the rest.

    It also stops at a literal or text that is wrong whatever its place (a number
    too large, a control character in a text): `BadToken`, an error of the
    statement it is in, before any of it reaches the tree."""

    always_accept = ("NAME",)
    checked = frozenset(LITERALS) | {"STRING"}

    def process(self, stream):
        for token in stream:
            if token.type in self.checked and token_problems(token, ""):
                raise BadToken(token)
            yield token


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


def grammar() -> Lark:
    """The language's parser (LALR), built once: for tools that ask it which tokens may
    come next (the language server's completion) or what its terminals are."""
    return _lark()


@attrs.frozen
class Parsed:
    """A file as far as it parses: its tree, its syntax errors, and the lines where
    a statement inside a declaration was left out (the declarations there are
    incomplete: what they lack is not known)."""

    file: ast.File
    problems: tuple[Diagnostic, ...]
    damaged_lines: tuple[int, ...] = ()


def parse(text: str, path: str = "<string>") -> ast.File:
    """Parse one `.pol` file; raise `TspolError` with every syntax error of it."""
    tree, problems, _ = _syntax(text, path)
    if problems:
        raise TspolError(problems)
    return _file(tree, text, path)


def parse_partial(text: str, path: str = "<string>") -> Parsed:
    """Parse one `.pol` file with its syntax errors: the tree of everything but the
    statements in error. With unbalanced braces nothing is kept: no block can be
    trusted to end where it should."""
    tree, problems, recovery = _syntax(text, path)
    if not problems:
        return Parsed(_file(tree, text, path), ())
    if recovery is None:
        return Parsed(ast.File(path, (), span=Span(path, 1, 1, text.count("\n") + 1, 1)), tuple(problems))
    blanked = recovery.blanked()
    return Parsed(_file(_lark().parse(blanked, start="start"), blanked, path), tuple(problems),
                  recovery.damaged_lines())


def parse_row(text: str, path: str = "<string>") -> ast.Row:
    """Parse one tier-table row: `when ... then ...`."""
    try:
        tree = _lark().parse(text, start="row")
    except BadToken as exc:
        raise TspolError(token_problems(exc.token, path)) from None
    except UnexpectedInput as exc:
        raise TspolError(syntax_diagnostic(exc, text, path, _lark(), "row")) from None
    return _transform(tree, path)


def _syntax(text: str, path: str):
    """(tree, problems, recovery): the tree when there are no problems; the
    recovery that found them when the braces balance."""
    problems = brace_problems(text, path)
    if problems:
        return None, capped(problems), None
    try:
        return _lark().parse(text, start="start"), [], None
    except (UnexpectedInput, BadToken):
        recovery = _Recovery(text, path)
        return None, recovery.run(), recovery


def _file(tree, text: str, path: str) -> ast.File:
    return ast.File(path, tuple(_transform(tree, path)), _comments(text, path),
                    span=Span(path, 1, 1, text.count("\n") + 1, 1))


# ---- error recovery ------------------------------------------------------------------

_INDENT = re.compile(r"[ \t]*")

class _Blocks:
    """The lines of a file whose braces balance, by block: for each line, the block it
    starts in (the offset of the innermost open `{`, -1 at the top level), its
    indentation and whether code starts it; for each block, where it closes."""

    def __init__(self, text: str):
        self.starts = LineStarts(text).starts
        self.close = {-1: len(text)}  # offset of a `{` -> offset of its `}`
        self.open_of: dict[int, int] = {}  # offset of a `}` -> offset of its `{`
        self.parent: dict[int, int] = {}  # offset of a `{` -> the block it is in
        self.block: list[int] = []
        self.indent: list[int] = []
        self.lines_of: dict[int, list[int]] = {}  # block -> its lines that begin with code
        braces, seen, stack = braces_of(text), 0, []
        for index, start in enumerate(self.starts):
            while seen < len(braces) and braces[seen][1] < start:
                self.brace(*braces[seen], stack)
                seen += 1
            self.block.append(stack[-1] if stack else -1)
            code = _INDENT.match(text, start).end()
            self.indent.append(code - start)
            if code < len(text) and text[code] not in "\n#":
                self.lines_of.setdefault(self.block[-1], []).append(index)
        for brace, offset in braces[seen:]:  # braces of the last line
            self.brace(brace, offset, stack)

    def brace(self, brace: str, offset: int, stack: list[int]) -> None:
        if brace == "{":
            self.parent[offset] = stack[-1] if stack else -1
            stack.append(offset)
        else:
            opened = stack.pop()
            self.close[opened], self.open_of[offset] = offset, opened

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1

    def starts_line(self, offset: int) -> bool:
        """Whether the code of a line starts at `offset`."""
        line = self.line_of(offset)
        return offset == self.starts[line] + self.indent[line]

    def lines_after(self, block: int, line: int):
        """The lines of a block after `line` that begin with code, one by one (not a
        copy of the rest: a resumption reads only the lines it passes)."""
        lines = self.lines_of.get(block, [])
        for index in range(bisect.bisect_right(lines, line), len(lines)):
            yield lines[index]


@attrs.define
class _Checkpoint:
    """The parser's states where the block it is in could also end: before the first
    token of a line, or after a `}`. Going back here drops only whole statements.
    `indent` is that of the statements of the block (of the line, or of the line
    that opened the block just closed)."""

    states: list
    block: int
    line: int
    offset: int
    indent: int


class _Recovery:
    """One reading of a file with syntax errors: every error, and the text to skip."""

    def __init__(self, text: str, path: str):
        self.text, self.path = text, path
        self.blocks = _Blocks(text)
        self.interactive = _lark().parse_interactive("", start="start")
        self.lexer = self.interactive.lexer_thread.lexer
        self.conf = copy(self.interactive.parser_state.parse_conf)
        self.conf.callbacks = {}  # no tree: values are plain lists, and only their number matters
        self.problems: list[Diagnostic] = []
        self.errors = 0
        self.first_not_shown: Span | None = None
        self.seen: set[int] = set()  # offsets of the errors met
        self.misplaced: int | None = None  # the line resumed at by its place, after an error at a line's start
        self.skipped: list[tuple[int, int, int]] = []  # (start, end, block) of the text left out

    # -- the parser and the lexer, anywhere
    def state(self, states: list):
        """A parser in these states (Lark's own ParserState class)."""
        return type(self.interactive.parser_state)(self.conf, None, list(states), [None] * (len(states) - 1))

    def accepts(self, states: list, type_: str) -> bool:
        try:
            self.state(states).feed_token(Token(type_, ""), type_ == "$END")
        except UnexpectedToken:
            return False
        return True

    def lexer_at(self, offset: int):
        """A lexer that reads on from `offset`."""
        state = LexerThread.from_text(self.lexer, self.text).state
        counter, line = state.line_ctr, self.blocks.line_of(offset)
        counter.char_pos, counter.line, counter.line_start_pos = offset, line + 1, self.blocks.starts[line]
        counter.column = offset - counter.line_start_pos + 1
        return state

    def first_token(self, line: int, states: list) -> Token | None:
        """The token a line begins with, as the lexer reads it in these parser states."""
        try:
            return next(iter(self.lexer.lex(self.lexer_at(self.blocks.starts[line]), self.state(states))))
        except (UnexpectedInput, BadToken, StopIteration):
            return None

    # -- the reading
    def run(self) -> list[Diagnostic]:
        start = [self.conf.start_state]
        state, checkpoints = self.state(start), [_Checkpoint(start, -1, 0, 0, 0)]
        offset = floor = 0
        while True:
            before, previous_line, token = state.state_stack, None, None
            try:
                for token in self.lexer.lex(self.lexer_at(offset), state):
                    if token.line != previous_line:
                        self.checkpoint(state, token, checkpoints)
                    previous_line = token.end_line
                    before = list(state.state_stack)  # a failed feed leaves its reductions behind
                    state.feed_token(token)
                    before = state.state_stack
                    if token.type == "RBRACE":
                        self.leave_block(state, token, checkpoints)
                end = Token.new_borrow_pos("$END", "", token) if token else Token("$END", "", 0, 1, 1)
                state.feed_token(end, True)
                return self.diagnostics()
            except (UnexpectedInput, BadToken) as exc:
                at = self.error_offset(exc)
                self.report(exc, at, state)
                state, offset = self.resume(checkpoints, at, list(before), floor)
                floor = offset

    def checkpoint(self, state, token: Token, checkpoints: list[_Checkpoint]) -> None:
        line = token.line - 1
        last = checkpoints[-1]
        if last.line == line and last.states == state.state_stack:
            return  # the line resumed at
        self.add_checkpoint(state, self.blocks.block[line], line, token.start_pos, self.blocks.indent[line],
                            checkpoints)

    def add_checkpoint(self, state, block: int, line: int, offset: int, indent: int,
                       checkpoints: list[_Checkpoint]) -> None:
        if self.accepts(state.state_stack, "$END" if block == -1 else "RBRACE"):
            checkpoints.append(_Checkpoint(list(state.state_stack), block, line, offset, indent))

    def leave_block(self, state, token: Token, checkpoints: list[_Checkpoint]) -> None:
        """A `}` read: the checkpoints inside its block are of no more use, and
        right after it is one of the block around it."""
        opened = self.blocks.open_of.get(token.start_pos, -1)
        while len(checkpoints) > 1 and checkpoints[-1].offset > opened:
            checkpoints.pop()
        if opened != -1:
            self.add_checkpoint(state, self.blocks.parent[opened], token.end_line - 1, token.end_pos,
                                self.blocks.indent[self.blocks.line_of(opened)], checkpoints)

    def resume(self, checkpoints: list[_Checkpoint], at: int, before: list, floor: int):
        """Back to the last checkpoint, on at the next line of its block that can
        begin a statement, else at the end of its block: (parser, offset). Always
        past `floor`, where the last resumption was, so that the reading ends."""
        checkpoint = checkpoints.pop()
        line = self.resume_line(checkpoint, at, before, max(checkpoint.line, self.blocks.line_of(floor)))
        if line is None:
            end = self.blocks.close[checkpoint.block]
        else:
            end = self.blocks.starts[line]
            checkpoints.append(_Checkpoint(checkpoint.states, checkpoint.block, line, end, self.blocks.indent[line]))
        self.skipped.append((checkpoint.offset, end, checkpoint.block))
        return self.state(checkpoint.states), end

    def resume_line(self, checkpoint: _Checkpoint, at: int, before: list, after: int) -> int | None:
        """The first line of the checkpoint's block after line `after` to go on at:
        one whose first token can begin a statement there; or, past the error, one
        indented as the block's statements are that cannot go on with the statement
        in error, which is then an error of its own. Other lines are taken to go on
        with the statement in error (a row over two lines), and are skipped with it."""
        blocks, first_past_error = self.blocks, True
        for line in blocks.lines_after(checkpoint.block, after):
            token = self.first_token(line, checkpoint.states)
            if token is not None and self.accepts(checkpoint.states, token.type):
                return line
            if blocks.starts[line] + blocks.indent[line] < at:
                continue  # a line the statement in error went on over
            if first_past_error:
                first_past_error = False
                following = self.first_token(line, before)
                if following is not None and self.accepts(before, following.type):
                    continue  # the statement in error could go on here
            if blocks.indent[line] == checkpoint.indent:
                if blocks.starts_line(at):
                    self.misplaced = line
                return line  # a statement of the block, by its place
        return None

    def error_offset(self, exc) -> int:
        if isinstance(exc, BadToken):
            return exc.token.start_pos
        if isinstance(exc, UnexpectedCharacters):
            return exc.pos_in_stream
        return len(self.text) if exc.token.type == "$END" else exc.token.start_pos

    def report(self, exc, at: int, state) -> None:
        """Each error once; past MOST_SYNTAX_ERRORS, only counted. Lines one after
        the other that none can begin a statement where they are (the items of a
        block whose header is missing) are one error, at the first of them."""
        misplaced, self.misplaced = self.misplaced, None
        if at in self.seen:
            return
        self.seen.add(at)
        if misplaced == self.blocks.line_of(at) and self.blocks.starts_line(at):
            return
        self.errors += 1
        if self.errors > MOST_SYNTAX_ERRORS:
            if self.first_not_shown is None:
                line = self.blocks.line_of(at)
                column = at - self.blocks.starts[line] + 1
                self.first_not_shown = Span(self.path, line + 1, column, line + 1, column + 1)
            return
        if isinstance(exc, BadToken):
            self.problems.extend(token_problems(exc.token, self.path))
            return
        if isinstance(exc, UnexpectedToken):  # as Lark's parser does, for the exact `accepts`
            exc.interactive_parser = type(self.interactive)(self.interactive.parser, state,
                                                            LexerThread(self.lexer, None))
        self.problems.append(syntax_diagnostic(exc, self.text, self.path, _lark(), "start"))

    def diagnostics(self) -> list[Diagnostic]:
        problems = sorted(self.problems, key=Diagnostic.sort_key)
        if self.errors > MOST_SYNTAX_ERRORS:
            problems.append(more_errors(self.errors - MOST_SYNTAX_ERRORS, self.first_not_shown))
        return problems

    # -- what is left
    def blanked(self) -> str:
        """The text with every part skipped made blank (new lines kept, so positions stay)."""
        pieces, done = [], 0
        for start, end, _ in sorted(self.skipped):
            start = max(start, done)
            if end <= start:
                continue
            pieces += [self.text[done:start], re.sub(r"[^\n]", " ", self.text[start:end])]
            done = end
        return "".join(pieces) + self.text[done:]

    def damaged_lines(self) -> tuple[int, ...]:
        """The lines, 1-based, where a statement inside a block was left out."""
        return tuple(sorted({self.blocks.line_of(start) + 1 for start, _, block in self.skipped if block != -1}))


def _transform(tree, path: str):
    return _ToAst(path).transform(tree)


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
        return ast.Quantity("number", literal_value(str(children[0])), span=self._span(meta))

    def percent(self, meta, children):
        return ast.Quantity("percent", literal_value(str(children[0])), span=self._span(meta))

    def duration(self, meta, children):
        value, unit = _DURATION.match(str(children[0])).groups()
        return ast.Quantity("duration", literal_value(value), unit, span=self._span(meta))

    def money(self, meta, children):
        value, currency = _MONEY.match(str(children[0])).groups()
        return ast.Quantity("money", literal_value(value), currency, span=self._span(meta))

    def text(self, meta, children):
        kind, lang, string = children
        return ast.Text(kind, self._name(lang), unquote(string), span=self._span(meta))

    def text_kind(self, meta, children):
        return str(children[0])

    # -- header
    def policy(self, meta, children):
        return ast.Policy(self._name(children[0]), tuple(children[1:]), span=self._span(meta))

    def version(self, meta, children):
        return ast.Version(unquote(children[0]), span=self._span(meta))

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
        combination = next((c for c in children if isinstance(c, ast.Combination)), None)
        items = tuple(c for c in children if not isinstance(c, (Token, ast.Combination)))
        if combination is not None:
            return ast.Metric(self._name(tokens[0]), combination.terms[0].name, None, items, combination,
                              span=self._span(meta))
        numerator = self._name(tokens[1])
        denominator = self._name(tokens[2]) if len(tokens) > 2 else None
        return ast.Metric(self._name(tokens[0]), numerator, denominator, items, span=self._span(meta))

    # -- arithmetic on metrics (issue 11)
    def sum(self, meta, children):
        return ast.Combination(None, tuple(children), span=self._span(meta))

    def call(self, meta, children):
        function, *arguments = children
        terms = tuple(ast.Term(self._name(a), span=_token_span(a, self.path)) for a in arguments)
        return ast.Combination(self._name(function), terms, span=self._span(meta))

    def weighted(self, meta, children):
        weight, name = children
        literal = ast.Quantity("number", literal_value(str(weight)), span=_token_span(weight, self.path))
        return ast.Term(self._name(name), literal, span=self._span(meta))

    def term_name(self, meta, children):
        return ast.Term(self._name(children[0]), span=self._span(meta))

    def standard(self, meta, children):
        return ast.Standard(_conjunction(children[0]), span=self._span(meta))

    def only_if(self, meta, children):
        return ast.OnlyIf(_conjunction(children[0]), span=self._span(meta))

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
        return ast.Row(_conjunction(children[0]), tuple(children[1:]), span=self._span(meta))

    def otherwise(self, meta, children):
        return ast.Row(None, tuple(children), span=self._span(meta))

    def condition(self, meta, children):
        """`A or B ...`: one alternative is that `Condition` itself; more are an `AnyOf`,
        an `or` in parentheses among them spliced in."""
        if len(children) == 1:
            return children[0]
        alternatives = []
        for alternative in children:
            if len(alternative.items) == 1 and isinstance(alternative.items[0], ast.AnyOf):
                alternatives.extend(alternative.items[0].alternatives)
            else:
                alternatives.append(alternative)
        return ast.AnyOf(tuple(alternatives), span=self._span(meta))

    def alternative(self, meta, children):
        """`A and B ...`: an `and` in parentheses among them spliced in."""
        items = []
        for child in children:
            items.extend(child.items if isinstance(child, ast.Condition) else (child,))
        return ast.Condition(tuple(items), span=self._span(meta))

    def negation(self, meta, children):
        (item,) = children
        if isinstance(item, ast.Condition) and len(item.items) == 1:
            item = item.items[0]  # `not (A)` is `not A`
        return ast.Not(item, span=self._span(meta))

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
        below = children[0] == "below"
        children = children[1:] if below else children
        return ast.Threshold(children[0], tuple(children[1:]), below, span=self._span(meta))

    # -- a more general ledger (issue 11): signed scores
    def below(self, meta, children):
        return "below"

    def score(self, meta, children):
        return ast.Score(children[0], children[1] if len(children) > 1 else None, span=self._span(meta))

    def regain(self, meta, children):
        return ast.Regain(children[0], children[1] if len(children) > 1 else None, span=self._span(meta))

    def score_deactivation(self, meta, children):
        return ast.ScoreDeactivation(children[0], span=self._span(meta))

    def threshold_measure(self, meta, children):
        duration = children[1] if isinstance(children[1], ast.Quantity) else None
        extension = children[2] if len(children) > 2 else None
        lasts = children[1] if isinstance(children[1], (ast.UntilWithin, ast.WhileLevel)) else None
        return ast.ThresholdMeasure(self._name(children[0]), duration, extension, lasts, span=self._span(meta))

    def permanently(self, meta, children):
        return "permanently"

    # -- a more general ledger (issue 11): calendar resets
    def reset(self, meta, children):
        when, period = children
        if isinstance(when, ast.Quantity):
            return ast.Reset(period, when, None, None, span=self._span(meta))
        nth, weekday = when
        return ast.Reset(period, None, nth, weekday, span=self._span(meta))

    def reset_weekday(self, meta, children):
        return tuple(children)

    def reset_day(self, meta, children):
        return children[0]

    def reset_nth(self, meta, children):
        return str(children[0])

    def weekday(self, meta, children):
        return str(children[0])

    def reset_period(self, meta, children):
        return str(children[0])

    # -- a more general ledger (issue 11): measures extended while points keep coming
    def extension(self, meta, children):
        return ast.Extension(children[0], span=self._span(meta))

    # -- a more general ledger (issue 11): until a metric is within its standard, while at the level
    def until_within(self, meta, children):
        return ast.UntilWithin(self._name(children[0]), span=self._span(meta))

    def while_level(self, meta, children):
        return ast.WhileLevel(span=self._span(meta))

    # -- a more general ledger (issue 11): repeats
    def repeat(self, meta, children):
        adds, within = children
        return ast.Repeat(within, adds, span=self._span(meta))

    def repeat_doubles(self, meta, children):
        return None

    def repeat_adds(self, meta, children):
        return children[0]

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

    # -- levels
    def levels(self, meta, children):
        return ast.LevelSet(self._name(children[0]), tuple(children[1:]), span=self._span(meta))

    def level(self, meta, children):
        return ast.Level(self._name(children[0]), tuple(children[1:]), span=self._span(meta))

    def level_default(self, meta, children):
        return ast.LevelDefault(self._name(children[0]), span=self._span(meta))

    def level_action(self, meta, children):
        return ast.LevelAction(self._name(children[0]), self._name(children[1]), span=self._span(meta))

    def reason_points(self, meta, children):
        source = "discretionary" if str(children[1]) == "discretionary" else "rule"
        return ast.ReasonPoints(source, span=self._span(meta))

    # -- versions in one pack (issue 11: versions)
    def amendment(self, meta, children):
        version, effective, *items = children
        return ast.Amendment(unquote(version), str(effective), tuple(items), span=self._span(meta))

    def remove(self, meta, children):
        kind, name, *regions = children
        return ast.Remove(kind, self._name(name), regions[0] if regions else (), span=self._span(meta))

    def removable(self, meta, children):
        return str(children[0])

    def carryover(self, meta, children):
        date, choice = children
        return ast.Carryover(str(date), choice == "keep", span=self._span(meta))

    def carryover_choice(self, meta, children):
        return str(children[0])
    # -- params (issue 11)
    def param(self, meta, children):
        name, type_, *cases = children
        return ast.Param(self._name(name), type_, tuple(cases), span=self._span(meta))

    def param_when(self, meta, children):
        return ast.ParamCase(_conjunction(children[0]), (), children[1], span=self._span(meta))

    def param_in(self, meta, children):
        return ast.ParamCase(None, children[0], children[1], span=self._span(meta))

    def param_otherwise(self, meta, children):
        return ast.ParamCase(None, (), children[0], span=self._span(meta))

    # -- windows chosen by volume (issue 11)
    def window_metric(self, meta, children):
        name, type_, *cases = children
        return ast.WindowMetric(self._name(name), type_, tuple(cases), span=self._span(meta))

    def window_when(self, meta, children):
        return ast.ParamCase(_conjunction(children[0]), (), self._name(children[1]), span=self._span(meta))

    def window_in(self, meta, children):
        return ast.ParamCase(None, children[0], self._name(children[1]), span=self._span(meta))

    def window_otherwise(self, meta, children):
        return ast.ParamCase(None, (), self._name(children[0]), span=self._span(meta))

    # -- issue 11, points from the catalogue
    def reason_range(self, meta, children):
        low, high = (children + [None])[:2]
        return ast.ReasonRange(low, high, span=self._span(meta))

    # -- issue 11, evaluation cadence
    def cadence(self, meta, children):
        return attrs.evolve(children[0], span=self._span(meta))

    def daily(self, meta, children):
        return ast.Cadence("daily")

    def weekly(self, meta, children):
        return ast.Cadence("weekly", weekday=self._name(children[0]))

    def monthly(self, meta, children):
        return ast.Cadence("monthly", day=children[0])


def _conjunction(condition) -> ast.Condition:
    """What a row, a standard or an `only if` holds: a `Condition`, an `or` as its one item."""
    if isinstance(condition, ast.AnyOf):
        return ast.Condition((condition,), span=condition.span)
    return condition


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
