"""Parse all the `.pol` files of a pack and check them as one pack."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

import attrs

from tspol.diagnostics import Diagnostic, Span, TspolError, sort_diagnostics
from tspol.dsl import ast
from tspol.dsl.checker import MISSING, OUT_OF_ORDER, UNUSED, check
from tspol.dsl.pack import Pack
from tspol.dsl.parser import parse_partial
from tspol.dsl.sources import bundled_pack_path, default_pack_path, pol_files, read_sources

__all__ = ["bundled_pack_path", "default_pack_path", "load_pack", "load_sources", "model_of", "pol_files",
           "read_sources"]

# What the checker says of a block as a whole: what it lacks (E202, W200), how its
# items stand to each other (E402, a warning margin against the lowest threshold).
# Of a declaration that lost a statement to a syntax error, that is not known.
ABOUT_THE_WHOLE_BLOCK = {MISSING, UNUSED, OUT_OF_ORDER}


def load_pack(path: str | Path | None = None) -> Pack:
    """Read, parse and check a pack; raise `TspolError` with every problem found.

    A syntax error does not hide the other errors: the declarations and
    statements around it, and the other files, are still checked (see
    `check(complete=False)`).
    """
    path = Path(path) if path is not None else default_pack_path()
    sources, relpaths = read_sources(path)
    return load_sources(sources, relpaths, str(path))


def load_sources(sources: dict[str, str], relpaths: dict[str, str], root: str) -> Pack:
    """`load_pack` of texts already read (display path -> text, and -> path inside
    the pack): one of them may be a file's unsaved text, given on standard input."""
    model = model_of([parse_partial(text, display) for display, text in sources.items()], sources, relpaths, root)
    if model["pack"] is None:
        raise TspolError(sort_diagnostics([d for d in model["diagnostics"] if d.is_error]), sources)
    return model["pack"]


def model_of(parsed, sources: Mapping[str, str], relpaths: Mapping[str, str], root: str) -> dict:
    """What the checker makes of parsed files (tspol.workspace.Model's fields): every
    diagnostic; the pack when there is no error; else the partial pack, checked without
    the declarations and table rows in error, and the spans of the rules that lost rows."""
    files = [p.file for p in parsed]
    syntax = [d for p in parsed for d in p.problems]
    damaged = [decl for p in parsed for decl in p.file.decls
               if any(decl.span.line <= n <= decl.span.end_line for n in p.damaged_lines)]
    try:
        pack = check(files, sources, relpaths, root=root, complete=not syntax)
        found = list(pack.warnings) if pack is not None else []  # None: files with nothing left to check
    except TspolError as exc:
        pack, found = None, list(exc.diagnostics)
    found = syntax + [d for d in found if not _about_a_damaged_block(d, damaged)]
    if pack is not None and not syntax:
        return dict(diagnostics=tuple(sort_diagnostics(found)), pack=pack, partial=None, cut_rules=frozenset())
    damaged_rules = {d.span for d in damaged if isinstance(d, ast.Rule)}
    files = [_renumbered(file, damaged_rules, sources.get(file.path, "")) for file in files]
    partial, cut = _partial(files, sources, relpaths, root, damaged_rules)
    return dict(diagnostics=tuple(sort_diagnostics(found)), pack=None, partial=partial, cut_rules=cut)


_ROW_START = re.compile(r"^[ \t]*when\b", re.MULTILINE)


def _renumbered(file: ast.File, rules: set, text: str) -> ast.File:
    """A file whose damaged rules' rows keep the numbers they have as written: a row lost
    to a syntax error still counts (rows are counted by the `when` lines of the table)."""
    if not any(decl.span in rules for decl in file.decls):
        return file
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]

    def offset(line: int, column: int) -> int:
        return starts[line - 1] + column - 1 if line <= len(starts) else len(text)

    def table(item):
        if not isinstance(item, ast.Table):
            return item
        begin = offset(item.span.line, item.span.column)
        rows = tuple(attrs.evolve(row, number=len(_ROW_START.findall(text, begin, offset(row.span.line, 1))) + 1)
                     for row in item.rows)
        return attrs.evolve(item, rows=rows)

    decls = tuple(attrs.evolve(decl, items=tuple(table(i) for i in decl.items)) if decl.span in rules else decl
                  for decl in file.decls)
    return attrs.evolve(file, decls=decls)


PRUNING_ROUNDS = 8  # each round takes out what the one before left in error; a cascade is short


def _partial(files, sources, relpaths, root, cut: set) -> tuple[Pack | None, frozenset]:
    """The pack checked without what is in error: each round takes out the table rows and
    declarations an error lies in, until the rest checks (a round may find new errors: a
    rule naming an input taken out). None when an error lies in nothing that can go."""
    for _ in range(PRUNING_ROUNDS):
        try:
            pack = check(files, sources, relpaths, root=root, complete=True)
            return pack, frozenset(cut) if pack is not None else frozenset()
        except TspolError as exc:
            errors = [d.span for d in exc.diagnostics if d.is_error and d.span is not None]
        files, changed = _without(files, errors, cut)
        if not changed:
            break
    return None, frozenset()


def _without(files, errors: list[Span], cut: set) -> tuple[list, bool]:
    """`files` without the rows and declarations the `errors` lie in (a row when the error
    is inside one, else its whole declaration); adds the rules that lost rows to `cut`."""
    changed, kept_files = False, []
    for file in files:
        decls = []
        for decl in file.decls:
            hits = [span for span in errors if decl.span.encloses(span)]
            if not hits:
                decls.append(decl)
                continue
            changed = True
            if isinstance(decl, ast.Rule):
                rule = _without_rows(decl, hits)
                if rule is not None:
                    cut.add(decl.span)
                    decls.append(rule)
        kept_files.append(attrs.evolve(file, decls=tuple(decls)))
    return kept_files, changed


def _without_rows(rule: ast.Rule, hits: list[Span]) -> ast.Rule | None:
    """The rule without the rows the errors lie in; None when an error lies outside its rows."""
    tables = [item for item in rule.items if isinstance(item, ast.Table)]
    if not all(any(row.span.encloses(span) for table in tables for row in table.rows) for span in hits):
        return None
    def kept(table: ast.Table) -> ast.Table:  # each row keeps its number in the table as written
        rows = tuple(attrs.evolve(row, number=row.number or number) for number, row in enumerate(table.rows, 1)
                     if not any(row.span.encloses(s) for s in hits))
        return attrs.evolve(table, rows=rows)

    return attrs.evolve(rule, items=tuple(kept(item) if isinstance(item, ast.Table) else item for item in rule.items))


def _about_a_damaged_block(diagnostic: Diagnostic, damaged: list) -> bool:
    span = diagnostic.span
    return diagnostic.code in ABOUT_THE_WHOLE_BLOCK and span is not None and any(
        decl.span.path == span.path and decl.span.line <= span.line <= decl.span.end_line for decl in damaged)
