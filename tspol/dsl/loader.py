"""Parse all the `.pol` files of a pack and check them as one pack."""

from __future__ import annotations

from pathlib import Path

from tspol.diagnostics import TspolError
from tspol.dsl import ast
from tspol.dsl.checker import check
from tspol.dsl.pack import Pack
from tspol.dsl.parser import parse
from tspol.dsl.sources import bundled_pack_path, default_pack_path, pol_files, read_sources

__all__ = ["bundled_pack_path", "default_pack_path", "load_pack", "parse_sources", "pol_files", "read_sources"]


def parse_sources(sources: dict[str, str]) -> list[ast.File]:
    """Parse every file, reporting the syntax errors of all files together."""
    files, problems = [], []
    for display, text in sources.items():
        try:
            files.append(parse(text, display))
        except TspolError as exc:
            problems.extend(exc.diagnostics)
    if problems:
        raise TspolError(problems)
    return files


def load_pack(path: str | Path | None = None) -> Pack:
    """Read, parse and check a pack; raise `TspolError` with every problem found."""
    path = Path(path) if path is not None else default_pack_path()
    sources, relpaths = read_sources(path)
    try:
        files = parse_sources(sources)
        return check(files, sources, relpaths, root=str(path))
    except TspolError as exc:
        raise TspolError(exc.diagnostics, sources) from None
