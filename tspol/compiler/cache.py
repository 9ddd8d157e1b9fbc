"""Compile a pack once; keep its module on disk, keyed by the hash of its source.

`compiled(path)` reads the pack's files and hashes them (`tspol.dsl.sources`,
which imports no parser). On a hit it runs the cached module without loading
Lark or the checker; on a miss it parses, checks, lowers and generates, then
stores the module for next time.

Where: `$TSPOL_CACHE_DIR`, else `$XDG_CACHE_HOME/tspol`, else `~/.cache/tspol`.
When that folder cannot be created or written (a read-only home, a sandbox),
the module is kept in memory for the life of the process instead; setting
`TSPOL_CACHE_DIR` to an empty string does the same on purpose.

A cached file's name carries the source hash and a fingerprint of the
compiler itself (sizes and modification times of its modules), so editing
tspol never runs a module an older tspol generated.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import sys
import types
from pathlib import Path

import attrs

from tspol.diagnostics import TspolError
from tspol.dsl.sources import read_sources, source_hash

CACHE_ENV = "TSPOL_CACHE_DIR"
PACKAGE = Path(__file__).resolve().parents[1]
COMPILER_PARTS = ("compiler", "dsl")

_memory: dict[str, types.ModuleType] = {}


@attrs.frozen
class Compiled:
    """A pack's compiled module, the text it came from, and its IR when it was just built."""

    module: types.ModuleType
    source_hash: str
    sources: dict
    relpaths: dict
    root: str
    program: object = None  # ir.Program when compiled in this process, else None (built on demand)
    cache_file: Path | None = None


def cache_dir() -> Path | None:
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "tspol"


def fingerprint() -> str:
    """Changes whenever a module of the compiler or the language changes."""
    digest = hashlib.sha256()
    for part in COMPILER_PARTS:
        folder = PACKAGE / part
        for entry in sorted(os.scandir(folder), key=lambda e: e.name):
            if entry.name.endswith((".py", ".lark")):
                stat = entry.stat()
                digest.update(f"{part}/{entry.name}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]


def compiled(path: str | Path) -> Compiled:
    """The compiled module of the pack at `path`: from memory, from the disk cache, or built now."""
    path = Path(path)
    sources, relpaths = read_sources(path)
    key = f"{source_hash(sources, relpaths)}-{fingerprint()}"
    digest = key.partition("-")[0]
    found = dict(sources=sources, relpaths=relpaths, root=str(path), source_hash=digest)
    if key in _memory:
        return Compiled(_memory[key], **found)
    folder = cache_dir()
    file = folder / f"policy-{digest[:32]}-{key.partition('-')[2]}.py" if folder else None
    module = _load_file(file, digest) if file is not None and file.is_file() else None
    program = None
    if module is None:
        program = build_program(sources, relpaths, str(path))
        source = generate_source(program)
        file = _store(file, source) if file is not None else None
        module = _load_file(file, digest) if file is not None else None
        if module is None:
            module = load_source(source, f"<tspol policy {digest[:12]}>")
    _memory[key] = module
    return Compiled(module, program=program, cache_file=file, **found)


def build_program(sources: dict, relpaths: dict, root: str):
    """Parse, check and lower pack text already read (this is where Lark is loaded)."""
    from tspol.compiler.lower import lower
    from tspol.dsl.checker import check
    from tspol.dsl.loader import parse_sources

    try:
        return lower(check(parse_sources(sources), sources, relpaths, root=root))
    except TspolError as exc:
        raise TspolError(exc.diagnostics, sources) from None


def generate_source(program) -> str:
    from tspol.compiler.pygen import generate

    return generate(program)


def load_source(source: str, name: str) -> types.ModuleType:
    """Run generated source as a fresh module, kept out of `sys.modules`."""
    module = types.ModuleType(name)
    module.__file__ = name
    exec(compile(source, name, "exec"), module.__dict__)
    return module


def _module_name(digest: str) -> str:
    return f"tspol_policy_{digest[:16]}"


def _load_file(file: Path, digest: str) -> types.ModuleType | None:
    """The module in a cache file, or None when it is unreadable or not the one expected."""
    try:
        spec = importlib.util.spec_from_file_location(_module_name(digest), file)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    except Exception:  # a damaged cache file is rebuilt, never trusted
        return None
    policy = getattr(module, "POLICY", None)
    if not isinstance(policy, dict) or policy.get("source_hash") != digest:
        return None
    return module


def _store(file: Path, source: str) -> Path | None:
    """Write atomically; None when the cache folder cannot be used."""
    import tempfile

    try:
        file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temporary = tempfile.mkstemp(dir=file.parent, prefix=".tmp-", suffix=".py")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(source)
            os.replace(temporary, file)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        return None
    return file


def clear_memory() -> None:
    """Forget the modules this process has loaded (tests use it)."""
    _memory.clear()
    for name in [n for n in sys.modules if n.startswith("tspol_policy_")]:
        del sys.modules[name]
