"""Edits the editor applies: a name renamed everywhere, a file formatted, and the
quick fixes of diagnostics: a "did you mean" suggestion taken, and the row that a
gap between two rows (W501) lacks, added with the actions of either neighbour.

The gap's row is written only when the analysis gives it as a condition a row can
have (`24% <= LDR < 25% and late_orders >= 5`); its actions are a choice of policy,
so the editor offers both neighbours' and the author picks.

An edit replaces a span of a file (tspol's lines and columns) with a text; a span
that starts where it ends is an insertion.
"""

from __future__ import annotations

import difflib
import functools
import re

import attrs

from tspol.codes import BAD_VALUE, DUPLICATE, HOLE, SYNTAX, UNKNOWN_NAME
from tspol.diagnostics import Diagnostic, Related, Span, TspolError, error
from tspol.messages import say
from tspol.dsl import ast
from tspol.dsl.formatter import action_text, format_source
from tspol.dsl.parser import parse_row
from tspol.lsp.completion import keywords
from tspol.lsp.index import QUANTITY, Occurrence, uses
from tspol.lsp.positions import Positions
from tspol.lsp.snapshot import Snapshot

IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_SUGGESTED = re.compile(r"did you mean ((?:`[^`]+`(?: or )?)+)\?")  # tspol.dsl.checker.suggestion


@attrs.frozen
class Edit:
    span: Span
    text: str


@attrs.frozen
class Fix:
    """A quick fix of one diagnostic."""

    title: str
    edits: tuple[Edit, ...]
    diagnostic: Diagnostic
    preferred: bool = False


# ---- rename

def renamed(snapshot: Snapshot, path: str, line: int, column: int) -> Occurrence | None:
    """The name at a place, when it can be renamed: one the pack declares."""
    occurrence = snapshot.index.at(path, line, column)
    if occurrence is None or not snapshot.index.definitions(occurrence.namespace, occurrence.name):
        return None
    return occurrence


def rename(snapshot: Snapshot, path: str, line: int, column: int, new: str) -> list[Edit]:
    """The edits that rename the name at a place, its declarations and every use, to
    `new`; TspolError when it cannot be: no declared name there, a file of the pack
    with syntax errors (a use inside a statement in error would be missed), `new` not
    a name, a keyword, or the name of another declaration of the same namespace."""
    occurrence = snapshot.index.at(path, line, column)
    if occurrence is None:
        raise error(BAD_VALUE, say("lsp.rename.no_name"), Span(path, line, column, line, column))
    namespace, name, span = occurrence.namespace, occurrence.name, occurrence.span
    if not snapshot.index.definitions(namespace, name):
        raise error(UNKNOWN_NAME, say("lsp.rename.undeclared", name=name), span)
    broken = snapshot.syntax_errors()
    if broken:
        raise error(SYNTAX, say("lsp.rename.syntax", place=broken[0].location(), name=name), span,
                    help=say("lsp.rename.syntax.help"))
    if not IDENTIFIER.match(new):
        raise error(BAD_VALUE, say("lsp.rename.not_a_name", name=new), span, help=say("lsp.rename.not_a_name.help"))
    if new in keywords().values():
        raise error(BAD_VALUE, say("lsp.rename.keyword", name=new), span, help=say("lsp.rename.keyword.help"))
    taken = snapshot.index.definitions(namespace, new) if new != name else []
    if taken:
        what = say("lsp.rename.quantity") if namespace == QUANTITY else say(f"lsp.rename.a.{taken[0].kind}")
        raise TspolError(Diagnostic(DUPLICATE, say("lsp.rename.taken", name=new, what=what), span=span,
                                    related=(Related(taken[0].span, say("lsp.rename.declared_here")),),
                                    help=say("lsp.rename.taken.help")))
    return [Edit(o.span, new) for o in snapshot.index.occurrences_of(namespace, name)]


# ---- formatting

def formatting(text: str, path: str) -> list[Edit] | None:
    """The edits that give a file the layout of `tspol fmt`, whole lines each; None when
    the file has syntax errors (the formatter changes nothing then)."""
    try:
        formatted = format_source(text, path)
    except TspolError:
        return None
    old, new = _lines(text), _lines(formatted)
    return [Edit(Span(path, i1 + 1, 1, i2 + 1, 1), "".join(new[j1:j2]))
            for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
            if op != "equal"]


def _lines(text: str) -> list[str]:
    """The lines of a text as tspol counts them (ended by `\\n` alone), each with its end."""
    parts = text.split("\n")
    return [part + "\n" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


# ---- quick fixes

def fixes(snapshot: Snapshot, span: Span) -> list[Fix]:
    """The quick fixes of the diagnostics that touch a span."""
    found = []
    for diagnostic in snapshot.diagnostics():
        if diagnostic.span is not None and _touches(diagnostic.span, span):
            found += did_you_mean(snapshot, diagnostic) + missing_rows(snapshot, diagnostic)
    return found


def did_you_mean(snapshot: Snapshot, diagnostic: Diagnostic) -> list[Fix]:
    """Each name a diagnostic's help suggests, in place of the name written."""
    match = _SUGGESTED.search(diagnostic.help or "")
    written = _text_at(snapshot, diagnostic.span)
    if match is None or not IDENTIFIER.match(written):
        return []
    names = re.findall(r"`([^`]+)`", match.group(1))
    return [Fix(f"Change `{written}` to `{name}`", (Edit(diagnostic.span, name),), diagnostic, len(names) == 1)
            for name in names if IDENTIFIER.match(name)]


def missing_rows(snapshot: Snapshot, diagnostic: Diagnostic) -> list[Fix]:
    """For a gap between two rows (W501): the row that covers it, with the actions of
    the row before the gap, or of the row after it. None when the analysis words the
    gap in a way that is no row's condition (`LDR is evaluated`)."""
    if diagnostic.code != HOLE or snapshot.analysis is None:
        return []
    problem = next((p for p in snapshot.analysis.problems if p.diagnostic == diagnostic), None)
    condition = _gap_condition(snapshot, problem) if problem is not None else None
    if condition is None:
        return []
    before, after = problem.rows
    indent = re.match(r"[ \t]*", _line_of(snapshot, (after or before).span)).group()
    found = []
    for neighbour in dict.fromkeys(row for row in (before, after) if row is not None):
        written = _ast_row(snapshot, neighbour.span)
        if written is None:
            continue
        row = f"when {condition} then " + ", ".join(action_text(action) for action in written.actions)
        edit = (Edit(_start(after.span), f"{row}\n{indent}") if after is not None  # just before the row after the gap
                else Edit(_end(before.span), f"\n{indent}{row}"))
        found.append(Fix(f"Add the row `{row}` (as row {neighbour.index} decides)", (edit,), diagnostic))
    return found


def _gap_condition(snapshot: Snapshot, problem) -> str | None:
    """The gap of a W501 problem as the condition of a row, from the table's coverage
    (its uncovered area with the problem's seller), if it reads as one."""
    coverage = next((t for t in snapshot.analysis.tables if t.table is problem.table), None)
    area = next((a for a in coverage.uncovered if a.kind == "hole" and a.seller == problem.sellers[0]), None) \
        if coverage is not None and problem.sellers else None
    if area is None:
        return None
    try:
        row = parse_row(f"when {area.where} then warning")
    except TspolError:
        return None
    known = snapshot.pack.quantities
    return area.where if all(name.value in known for _, name in uses(row)) else None


def _ast_row(snapshot: Snapshot, span: Span) -> ast.Row | None:
    decl = snapshot.index.declaration_at(span.path, span.line, span.column)
    rows = (row for table in decl.tables for row in table.rows) if isinstance(decl, ast.Rule) else ()
    return next((row for row in rows if row.span == span), None)


# ---- places

def _touches(span: Span, other: Span) -> bool:
    return span.path == other.path and (span.line, span.column) <= (other.end_line, other.end_column) \
        and (other.line, other.column) <= (span.end_line, span.end_column)


def _start(span: Span) -> Span:
    return Span(span.path, span.line, span.column, span.line, span.column)


def _end(span: Span) -> Span:
    return Span(span.path, span.end_line, span.end_column, span.end_line, span.end_column)


def _line_of(snapshot: Snapshot, span: Span) -> str:
    return snapshot.texts[span.path].split("\n")[span.line - 1]


def _text_at(snapshot: Snapshot, span: Span) -> str:
    positions = _positions(snapshot.texts[span.path])
    return positions.text[positions.offset(span.line, span.column):positions.offset(span.end_line, span.end_column)]


@functools.lru_cache(maxsize=16)
def _positions(text: str) -> Positions:
    return Positions(text)
