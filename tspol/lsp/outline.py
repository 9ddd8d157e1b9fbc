"""A file's outline (its declarations, a rule's tables and rows, a ledger's thresholds)
and the blocks and comment runs an editor can fold."""

from __future__ import annotations

import attrs

from tspol.diagnostics import Span
from tspol.dsl import ast
from tspol.dsl.checker import keyword_span
from tspol.dsl.formatter import block_header, names_text, quantity_text, row_text
from tspol.lsp.index import KINDS


@attrs.frozen
class Entry:
    """One item of an outline: `span` is all of it, `name_span` the part that names it."""

    name: str
    kind: str
    span: Span
    name_span: Span
    detail: str = ""
    children: tuple[Entry, ...] = ()


def outline(file: ast.File) -> list[Entry]:
    return [entry for entry in map(_entry, file.decls) if entry is not None]


def _entry(decl) -> Entry | None:
    if isinstance(decl, ast.Ledger):
        thresholds = tuple(Entry(f"threshold {quantity_text(t.points)}", "threshold", t.span,
                                 keyword_span(t, "threshold"), names_text(m.measure for m in t.measures))
                           for t in decl.items_of(ast.Threshold))
        return Entry("ledger", "ledger", decl.span, keyword_span(decl, "ledger"), children=thresholds)
    if isinstance(decl, ast.Appeals):
        return Entry("appeals", "appeals", decl.span, keyword_span(decl, "appeals"))
    if isinstance(decl, ast.Amendment):  # `amendment "2"`, its declarations under it
        declared = tuple(entry for entry in map(_entry, decl.decls) if entry is not None)
        return Entry(block_header(decl)[0].split(" effective ")[0], "amendment", decl.span,
                     keyword_span(decl, "amendment"), f"effective {decl.effective}", declared)
    kind = KINDS.get(type(decl))
    if kind is None:
        return None
    return Entry(decl.name.value, kind, decl.span, decl.name.span, _detail(decl), _children(decl))


def _children(decl) -> tuple[Entry, ...]:
    """A rule's tables, a level set's levels."""
    if isinstance(decl, ast.Rule):
        return tuple(_table(table, number) for number, table in enumerate(decl.tables, 1))
    if isinstance(decl, ast.LevelSet):
        return tuple(Entry(level.name.value, "level", level.span, level.name.span, level.text("name", "en") or "")
                     for level in decl.levels)
    return ()


def _detail(decl) -> str:
    """What follows the name in the declaration's first line (`: count`, `in US, SEA`),
    or its English name."""
    rest = block_header(decl)[0].split(f" {decl.name.value}", 1)[-1].removeprefix(":").strip()
    return rest or decl.text("name", "en") or ""


def _table(table: ast.Table, number: int) -> Entry:
    rows = tuple(Entry(f"row {row.number or n}", "row", row.span, row.span, row_text(row))
                 for n, row in enumerate(table.rows, 1))
    name = f"table {table.name.value}" if table.name is not None else f"table {number}"
    return Entry(name, "table", table.span, table.name.span if table.name else keyword_span(table, "table"),
                 table.hit_policy, rows)


def folds(file: ast.File, text: str) -> list[tuple[Span, str]]:
    """What an editor can fold: each declaration, table and threshold over several lines
    ("region"), and each run of two or more lines that hold only a comment ("comment")."""
    found = [(span, "region") for span in _blocks(file.decls) if span.end_line > span.line]
    lines = text.split("\n")
    alone = [c for c in file.comments if not lines[c.span.line - 1][:c.span.column - 1].strip()]
    run: list[ast.Comment] = []
    for comment in (*alone, None):
        if comment is not None and run and comment.span.line == run[-1].span.line + 1:
            run.append(comment)
            continue
        if len(run) > 1:
            found.append((Span(run[0].span.path, run[0].span.line, run[0].span.column,
                               run[-1].span.end_line, run[-1].span.end_column), "comment"))
        run = [comment] if comment is not None else []
    return sorted(found, key=lambda fold: (fold[0].line, fold[0].column))


def _blocks(decls):
    for decl in decls:
        yield decl.span
        for item in getattr(decl, "items", ()):
            if isinstance(item, (ast.Table, ast.Threshold)):
                yield item.span
