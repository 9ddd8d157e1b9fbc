"""Find a pack's `.pol` files, parse them all, check them as one pack.

A pack is a `.pol` file or a folder of them (searched recursively, in sorted
order). Paths in diagnostics are shown as the user gave them; paths inside the
compiled output are relative to the pack, so output never depends on where the
pack sits.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from tspol.diagnostics import Diagnostic, Span, TspolError
from tspol.dsl import ast
from tspol.dsl.checker import check
from tspol.dsl.pack import Pack
from tspol.dsl.parser import parse

NO_FILES = "E001"
UNREADABLE = "E002"


def bundled_pack_path() -> Path:
    """The pack shipped inside the wheel, or beside the package in a source checkout."""
    spec = importlib.util.find_spec("tspol.policies")
    if spec is not None and spec.submodule_search_locations:
        return Path(list(spec.submodule_search_locations)[0])
    return Path(__file__).resolve().parents[2] / "policies"


def default_pack_path() -> Path:
    """`./policies` when the working folder has one, else the bundled pack."""
    local = Path("policies")
    return local if local.is_dir() else bundled_pack_path()


def pol_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.rglob("*.pol") if p.is_file())
    return [path]


def read_sources(path: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Display path -> text, and display path -> path inside the pack."""
    files = pol_files(path)
    if not files:
        raise TspolError(Diagnostic(NO_FILES, f"no .pol files in {path}", path=str(path),
                                    help="a pack is a .pol file or a folder of them"))
    root = path if path.is_dir() else path.parent
    sources, relpaths = {}, {}
    problems = []
    for file in files:
        display = str(file)
        try:
            sources[display] = file.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            problems.append(Diagnostic(UNREADABLE, f"this file is not UTF-8 text ({exc.reason} at byte {exc.start})",
                                       path=display))
            continue
        except OSError as exc:
            problems.append(Diagnostic(UNREADABLE, f"cannot read this file: {exc.strerror}", path=display))
            continue
        relpaths[display] = file.relative_to(root).as_posix()
    if problems:
        raise TspolError(problems)
    return sources, relpaths


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
