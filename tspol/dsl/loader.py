"""Parse all the `.pol` files of a pack and check them as one pack."""

from __future__ import annotations

from pathlib import Path

from tspol.diagnostics import TspolError, sort_diagnostics
from tspol.dsl import ast
from tspol.dsl.checker import check
from tspol.dsl.pack import Pack
from tspol.dsl.parser import parse
from tspol.dsl.sources import bundled_pack_path, default_pack_path, pol_files, read_sources

__all__ = ["bundled_pack_path", "default_pack_path", "load_pack", "load_sources", "parse_sources", "pol_files",
           "read_sources"]


def parse_sources(sources: dict[str, str]) -> list[ast.File]:
    """Parse every file, reporting the syntax errors of all files together."""
    files, problems = _parse_each(sources)
    if problems:
        raise TspolError(problems)
    return files


def _parse_each(sources: dict[str, str]) -> tuple[list[ast.File], list]:
    files, problems = [], []
    for display, text in sources.items():
        try:
            files.append(parse(text, display))
        except TspolError as exc:
            problems.extend(exc.diagnostics)
    return files, problems


def load_pack(path: str | Path | None = None) -> Pack:
    """Read, parse and check a pack; raise `TspolError` with every problem found.

    A syntax error in one file does not hide the errors of the others: the
    files that parse are still checked (see `check(complete=False)`).
    """
    path = Path(path) if path is not None else default_pack_path()
    sources, relpaths = read_sources(path)
    return load_sources(sources, relpaths, str(path))


def load_sources(sources: dict[str, str], relpaths: dict[str, str], root: str) -> Pack:
    """`load_pack` of texts already read (display path -> text, and -> path inside
    the pack): one of them may be a file's unsaved text, given on standard input."""
    files, problems = _parse_each(sources)
    try:
        pack = check(files, sources, relpaths, root=root, complete=not problems)
    except TspolError as exc:
        problems.extend(exc.diagnostics)
    if problems:
        raise TspolError(sort_diagnostics(problems), sources)
    return pack
