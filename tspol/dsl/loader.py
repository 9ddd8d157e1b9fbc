"""Parse all the `.pol` files of a pack and check them as one pack."""

from __future__ import annotations

from pathlib import Path

from tspol.diagnostics import Diagnostic, TspolError, sort_diagnostics
from tspol.dsl import ast
from tspol.dsl.checker import MISSING, OUT_OF_ORDER, UNUSED, check
from tspol.dsl.pack import Pack
from tspol.dsl.parser import parse_partial
from tspol.dsl.sources import bundled_pack_path, default_pack_path, pol_files, read_sources

__all__ = ["bundled_pack_path", "default_pack_path", "load_pack", "load_sources", "parse_sources", "pol_files",
           "read_sources"]

# What the checker says of a block as a whole: what it lacks (E202, W200), how its
# items stand to each other (E402, a warning margin against the lowest threshold).
# Of a declaration that lost a statement to a syntax error, that is not known.
ABOUT_THE_WHOLE_BLOCK = {MISSING, UNUSED, OUT_OF_ORDER}


def parse_sources(sources: dict[str, str]) -> list[ast.File]:
    """Parse every file, reporting the syntax errors of all files together."""
    files, problems, _ = _parse_each(sources)
    if problems:
        raise TspolError(problems)
    return files


def _parse_each(sources: dict[str, str]) -> tuple[list[ast.File], list[Diagnostic], list]:
    """Every file as far as it parses, every syntax error, and the declarations that
    lost a statement to one."""
    files, problems, damaged = [], [], []
    for display, text in sources.items():
        parsed = parse_partial(text, display)
        files.append(parsed.file)
        problems.extend(parsed.problems)
        lines = set(parsed.damaged_lines)
        damaged += [decl for decl in parsed.file.decls if any(decl.span.line <= n <= decl.span.end_line for n in lines)]
    return files, problems, damaged


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
    files, problems, damaged = _parse_each(sources)
    try:
        pack = check(files, sources, relpaths, root=root, complete=not problems)
    except TspolError as exc:
        problems.extend(d for d in exc.diagnostics if not _about_a_damaged_block(d, damaged))
    if problems:
        raise TspolError(sort_diagnostics(problems), sources)
    return pack


def _about_a_damaged_block(diagnostic: Diagnostic, damaged: list) -> bool:
    span = diagnostic.span
    return diagnostic.code in ABOUT_THE_WHOLE_BLOCK and span is not None and any(
        decl.span.path == span.path and decl.span.line <= span.line <= decl.span.end_line for decl in damaged)
