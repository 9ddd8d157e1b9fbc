"""Compile a pack once; keep its module on disk, keyed by the hash of its source.

`compiled_workspace(workspace)` (what `Workspace.compiled()` calls) hashes the
pack's files, which the workspace has read without loading a parser. On a hit it
runs the cached module without loading Lark or the checker; on a miss the
workspace parses, checks, lowers, analyses the tables and generates, and the
module is stored for next time. A pack `tspol check`
rejects is never compiled: the errors of the table analysis (an overlap in an
exclusive table, a dead row) stop the build as syntax errors do, located in
the .pol text; its warnings do not.

Where: `$TSPOL_CACHE_DIR`, else `$XDG_CACHE_HOME/tspol`, else `~/.cache/tspol`.
When that folder cannot be created or written (a read-only home, a sandbox),
the module is kept in memory for the life of the process instead; setting
`TSPOL_CACHE_DIR` to an empty string does the same on purpose.

A cached file's name carries the source hash and a fingerprint of the
compiler itself (a hash of its modules' text), so editing tspol never runs a
module an older tspol generated. The file ends with a seal, the hash of all
before it: a file cut short or changed is rebuilt, never run.

`checked_workspace(workspace)` keeps what `tspol check` found in a pack the same way,
in `check/` under the same folder: the diagnostics of the pack, keyed by its
files (paths as shown and text), the path as given, and a fingerprint of all
of tspol, of Lark and of Python. A hit renders them again without loading
Lark, the checker or the table analysis.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sys
import types
from pathlib import Path

import attrs

from tspol.diagnostics import Diagnostic, Related, Span
from tspol.messages import from_data, to_data

CACHE_ENV = "TSPOL_CACHE_DIR"
PACKAGE = Path(__file__).resolve().parents[1]
COMPILER_PARTS = ("", "compiler", "dsl")  # "": the package's own modules (codes, workspace, ...)

_memory: dict[str, types.ModuleType] = {}


@attrs.frozen
class Compiled:
    """A pack's compiled module and the workspace of the text it came from."""

    module: types.ModuleType
    workspace: object  # tspol.workspace.Workspace
    cache_file: Path | None = None
    source: str | None = None  # the generated source, when generated in this process

    @property
    def source_hash(self) -> str:
        return self.workspace.sources.hash

    def module_source(self) -> str:
        """The source of `module`: as generated, or as read from its cache file (helper
        processes of `tspol eval` run exactly this, never the pack's files again)."""
        if self.source is not None:
            return self.source
        return self.cache_file.read_text(encoding="utf-8")


def cache_dir() -> Path | None:
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "tspol"


def fingerprint(parts: tuple[str, ...] = COMPILER_PARTS) -> str:
    """Changes whenever a module of the compiler or the language changes (or of the
    other folders of the package named in `parts`; "" is the package folder itself).
    It hashes their text, not sizes and times: builds that set every file's time
    alike (Nix, reproducible images) would hide an edit that keeps a file's size."""
    digest = hashlib.sha256()
    for part in parts:
        folder = PACKAGE / part
        for entry in sorted(os.scandir(folder), key=lambda e: e.name):
            if entry.name.endswith((".py", ".lark")):
                digest.update(f"{part}/{entry.name}:{_text_hash(entry)}\n".encode())
    return digest.hexdigest()[:16]


_text_hashes: dict[tuple, str] = {}


def _text_hash(entry: os.DirEntry) -> str:
    """The hash of a file's text, read again only when the file may have changed
    (another inode, size, time or change time: an edit moves its change time, which
    no tool sets back), so that a process compiling many packs reads tspol once."""
    stat = entry.stat()
    state = (entry.path, stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)
    if state not in _text_hashes:
        with open(entry.path, "rb") as file:
            _text_hashes[state] = hashlib.sha256(file.read()).hexdigest()
    return _text_hashes[state]


def package_parts() -> tuple[str, ...]:
    """The package folder and each of its subpackages: all of tspol's code."""
    folders = sorted(e.name for e in os.scandir(PACKAGE) if e.is_dir() and not e.name.startswith(("_", ".")))
    return ("", *folders)


def compiled_workspace(workspace) -> Compiled:
    """The compiled module of a workspace's pack: from memory, from the disk cache, or
    generated now (TspolError with the errors `tspol check` reports when it has any)."""
    digest = workspace.sources.hash
    key = f"{workspace.digest}-{fingerprint()}"
    if key in _memory:
        module, file, source = _memory[key]
        return Compiled(module, workspace, cache_file=file, source=source)
    if workspace.version is not None:  # an earlier version of a pack with amendments: in memory only
        source = workspace.generate("python")
        _memory[key] = (load_source(source, f"<tspol policy {digest[:12]} version {workspace.version}>"), None, source)
        return Compiled(_memory[key][0], workspace, cache_file=None, source=source)
    folder = cache_dir()
    file = folder / f"policy-{digest[:32]}-{key.partition('-')[2]}.py" if folder else None
    module = _load_file(file, digest) if file is not None and file.is_file() else None
    source = None
    if module is None:
        source = workspace.generate("python")
        file = _store(file, _sealed(source)) if file is not None else None
        module = _load_file(file, digest) if file is not None else None
        if module is None:
            module = load_source(source, f"<tspol policy {digest[:12]}>")
    _memory[key] = (module, file, source)
    return Compiled(module, workspace, cache_file=file, source=source)


def load_source(source: str, name: str) -> types.ModuleType:
    """Run generated source as a fresh module, kept out of `sys.modules`."""
    module = types.ModuleType(name)
    module.__file__ = name
    exec(compile(source, name, "exec"), module.__dict__)
    return module


def _module_name(digest: str) -> str:
    return f"tspol_policy_{digest[:16]}"


SEAL = "# tspol cache seal: sha256 "  # the last line of a cache file: the hash of all before it


def _sealed(source: str) -> str:
    return f"{source}{SEAL}{hashlib.sha256(source.encode()).hexdigest()}\n"


def _intact(text: str) -> bool:
    """Whether a cache file's text is whole and unchanged: its seal matches the rest."""
    body, seal, digest = text.rpartition(SEAL)
    return bool(seal) and digest == hashlib.sha256(body.encode()).hexdigest() + "\n"


def _load_file(file: Path, digest: str) -> types.ModuleType | None:
    """The module in a cache file, or None when it is unreadable, cut short, changed,
    or not the one expected."""
    try:
        if not _intact(file.read_text(encoding="utf-8")):
            return None
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
        handle, temporary = tempfile.mkstemp(dir=file.parent, prefix=".tmp-", suffix=file.suffix)
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
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


# ---- what `tspol check` found in a pack

CHECK_FORMAT = 2  # the layout of a stored check; a new layout never reads an old one (2: messages as data)


def checked_workspace(workspace) -> list[Diagnostic]:
    """`workspace.diagnostics()`, stored after a first run and read back on the next
    one while nothing they depend on has changed. Any trouble with the cache (no
    folder, a damaged file) means checking as if there were none."""
    folder = cache_dir()
    if folder is None:
        return workspace.diagnostics()
    sources = workspace.sources
    file = folder / "check" / f"{check_key(workspace.given, sources.relpaths, sources.hash)}.json"
    found = _read_check(file)
    if found is None:
        found = workspace.diagnostics()
        _store(file, json.dumps({"format": CHECK_FORMAT, "diagnostics": [_record(d) for d in found]}))
    return found


def check_key(path: str, relpaths: dict[str, str], source_digest: str) -> str:
    """Everything a check's diagnostics depend on: the pack's files as shown and
    read, the path as given, tspol's code, Lark's and Python's versions."""
    digest = hashlib.sha256()
    for part in (f"check {CHECK_FORMAT}", str(path), json.dumps(sorted(relpaths.items())),
                 source_digest, fingerprint(package_parts()), _lark_stamp(), sys.version):
        digest.update(part.encode() + b"\0")
    return digest.hexdigest()[:40]


def _lark_stamp() -> str:
    """Lark's installed files, without importing Lark (an upgrade changes its messages)."""
    spec = importlib.util.find_spec("lark")
    if spec is None or not spec.origin:
        return "no lark"
    stat = os.stat(spec.origin)
    return f"{spec.origin}:{stat.st_size}:{stat.st_mtime_ns}"


def _read_check(file: Path) -> list[Diagnostic] | None:
    try:
        stored = json.loads(file.read_text(encoding="utf-8"))
        if stored["format"] != CHECK_FORMAT:
            return None
        return [_diagnostic(record) for record in stored["diagnostics"]]
    except Exception:  # absent, unreadable or damaged: checked again, never trusted
        return None


def _record(d: Diagnostic) -> dict:
    """A diagnostic as JSON, its words as their ids and fields (`tspol.messages.to_data`), so
    that a hit says them in any language."""
    return {"code": d.code, "message": to_data(d.message), "severity": d.severity, "span": _span_record(d.span),
            "help": to_data(d.help), "related": [[_span_record(r.span), to_data(r.message)] for r in d.related],
            "path": d.path, "line": d.line, "key": d.key}


def _span_record(span: Span | None) -> list | None:
    return None if span is None else [span.path, span.line, span.column, span.end_line, span.end_column]


def _diagnostic(record: dict) -> Diagnostic:
    def span(fields):
        return None if fields is None else Span(*fields)

    return Diagnostic(record["code"], from_data(record["message"]), record["severity"], span(record["span"]),
                      from_data(record["help"]),
                      tuple(Related(span(s), from_data(message)) for s, message in record["related"]),
                      record["path"], record["line"], record["key"])
