"""Find and read a pack's `.pol` files, and hash them. Imports no parser, so a
cached compiled policy can be found without loading Lark.

A pack is a `.pol` file or a folder of them (searched recursively, in sorted
order). Paths in diagnostics are shown as the user gave them; paths inside
compiled output are relative to the pack, so output never depends on where
the pack sits.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import re
from collections.abc import Mapping
from pathlib import Path

from tspol.diagnostics import Diagnostic, Span, TspolError
from tspol.messages import os_reason, say, utf8_reason

from tspol.codes import NO_FILES, UNREADABLE


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


_POLICY_DECLARATION = re.compile(r"^[ \t]*policy\s+[A-Za-z_]\w*\s*\{", re.MULTILINE)  # over lines too


def pack_root(path: Path) -> Path:
    """The pack a path belongs to. A folder is a pack. A file is checked as part of
    the nearest folder around it (a folder with .pol files directly in it) whose
    files declare the policy. A file with no such folder around it is a pack alone,
    and so is a file in a folder whose files declare more than one policy (a
    policy file beside a pack's folder: which pack it would belong to is unclear)."""
    if path.is_dir():
        return path
    absolute = Path(os.path.abspath(path))  # `..` taken away, symbolic links kept
    folder = absolute.parent
    while any(folder.glob("*.pol")) or folder == absolute.parent:  # its own folder may hold no file yet
        declarations, others = _declarations(folder, absolute)
        if declarations:
            if (declarations == 1 and others) or (declarations > 1 and _declares_here(folder)):
                return folder if path.is_absolute() else Path(os.path.relpath(folder))
            return path
        if folder.parent == folder:
            break
        folder = folder.parent
    return path


def _declarations(folder: Path, path: Path) -> tuple[int, bool]:
    """How many policies the .pol files under `folder` declare (counted up to 2, so
    that a big folder is not read to the end), and whether it holds other files
    than `path`."""
    count, others = 0, False
    for file in folder.rglob("*.pol"):
        if file.is_file():
            others = others or file != path
            try:
                count += len(_POLICY_DECLARATION.findall(file.read_text(encoding="utf-8", errors="replace")))
            except OSError:  # unreadable: reading the pack reports it
                continue
            if count > 1 and others:
                break
    return count, others


def packs_in(path: Path) -> list[Path]:
    """The packs a path holds. A file is one pack, and so is a folder whose files declare
    at most one policy, or whose own files (not its sub-folders') declare more than one:
    that is one pack declaring its policy twice (E201). Another folder whose files declare
    several is split: each sub-folder into its own packs, and each .pol file directly in
    it is a pack alone (as `pack_root` says of such a file)."""
    if not path.is_dir() or _declarations(path, path)[0] <= 1 or _declares_here(path):
        return [path]
    packs = []
    for entry in sorted(path.iterdir()):
        if entry.is_dir() and pol_files(entry):
            packs += packs_in(entry)
        elif entry.suffix == ".pol" and entry in pol_files(path):
            packs.append(entry)
    return packs


def _declares_here(folder: Path) -> bool:
    """Whether the .pol files directly in `folder` declare more than one policy: one
    pack's files with a policy declared twice (E201), not a policy file beside a pack."""
    count = 0
    for file in sorted(folder.glob("*.pol")):
        try:
            if file.is_file():
                count += len(_POLICY_DECLARATION.findall(file.read_text(encoding="utf-8", errors="replace")))
        except OSError:  # unreadable: reading the pack reports it
            continue
    return count > 1


def pol_files(path: Path) -> list[Path]:
    """The .pol files of a pack, and what stands in the way of reading them all, so that
    `read_sources` reports it rather than a pack short of a file: a link to nowhere, a
    `.pol` that is no regular file (a FIFO would never end), a folder that cannot be
    listed. Links to folders are followed, each folder once."""
    if not path.is_dir():
        return [path]
    found, seen = [], set()
    for folder, subfolders, names in os.walk(path, followlinks=True,
                                             onerror=lambda error: found.append(Path(error.filename))):
        here = os.stat(folder)
        if (here.st_dev, here.st_ino) in seen:  # a link back to a folder already listed
            subfolders.clear()
            continue
        seen.add((here.st_dev, here.st_ino))
        found += [Path(folder, name) for name in names if name.endswith(".pol")]
        found += [Path(folder, name) for name in subfolders if name.endswith(".pol")]  # a folder named x.pol
    return sorted(set(found))


Unsaved = Mapping[Path, str] | tuple[Path, str]


def read_sources(path: Path, unsaved: Unsaved | None = None) -> tuple[dict[str, str], dict[str, str]]:
    """Display path -> text, and display path -> path inside the pack.

    `unsaved` maps files to texts (or is one pair (file, text)): a file of the pack
    reads as its text whatever is on disk (an editor's unsaved buffers), a file not
    on disk yet joins the pack, and a file outside the pack is left out. They come
    last, in their order, so that of two clashing definitions (a region defined
    twice) the one being edited is the one reported."""
    unsaved = _unsaved_in(path, unsaved)
    if not path.exists() and not path.is_symlink() and not unsaved:
        raise TspolError(Diagnostic(NO_FILES, say("sources.no_such_path", path=str(path)), path=str(path),
                                    help=say("sources.pack.help")))
    files = pol_files(path)
    if any(file not in files for file in unsaved):
        files = sorted({*files, *unsaved})
    if not files:
        raise TspolError(Diagnostic(NO_FILES, say("sources.no_pol_files", path=str(path)), path=str(path),
                                    help=say("sources.pack.help")))
    root = path if path.is_dir() else path.parent
    sources, relpaths = {}, {}
    problems = []
    for file in files:
        display = str(file)
        try:
            if file in unsaved:
                sources[display] = unsaved[file]
            else:
                sources[display] = utf8_text(_regular_file_bytes(file), display)
        except TspolError as exc:
            problems.extend(exc.diagnostics)
            continue
        except OSError as exc:
            reason = (say("sources.broken_link", target=os.readlink(file))
                      if file.is_symlink() and not file.exists() else os_reason(exc))
            what = "folder" if file.is_dir() else "file"
            problems.append(Diagnostic(UNREADABLE, say(f"sources.cannot_read_{what}", reason=reason), path=display))
            continue
        relpaths[display] = file.relative_to(root).as_posix()
    if problems:
        raise TspolError(problems)
    for file in unsaved:
        sources[str(file)] = sources.pop(str(file))
    return sources, relpaths


def _regular_file_bytes(file: Path) -> bytes:
    """The bytes of a regular file; OSError for anything else (a folder, a FIFO, a
    device), said in words, before it is opened: opening a FIFO waits for a writer."""
    if file.is_dir():
        if not os.access(file, os.R_OK | os.X_OK):
            raise PermissionError(0, say("sources.unlistable_folder"))
        raise IsADirectoryError(0, say("sources.a_folder"))
    if file.exists() and not file.is_file():
        raise OSError(0, say("sources.not_regular"))
    return file.read_bytes()


def _unsaved_in(pack: Path, unsaved: Unsaved | None) -> dict[Path, str]:
    """The unsaved texts of the files of `pack`, each file written as the pack's files are."""
    pairs = [unsaved] if isinstance(unsaved, tuple) else (unsaved or {}).items()
    found = {}
    for file, text in pairs:
        inside = _inside(pack, file)
        if inside is not None:
            found[inside] = text
    return found


def _inside(pack: Path, file: Path) -> Path | None:
    """`file` written as the files of `pack` are (from the pack's path on); None when
    it is not one of them."""
    inside = os.path.relpath(os.path.abspath(file), os.path.abspath(pack))
    if not pack.is_dir():
        return pack if inside == "." else None
    return None if Path(inside).parts[0] == ".." else pack / inside


def utf8_text(raw: bytes, path: str) -> str:
    """The text of a file, without a leading byte-order mark; an error at the line
    and column of the first byte that is not UTF-8."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise TspolError(Diagnostic(UNREADABLE, say("sources.utf16"), span=Span(path, 1, 1, 1, 2),
                                    help=say("sources.save_utf8")))
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = len(raw[raw.rfind(b"\n", 0, exc.start) + 1: exc.start].decode("utf-8", "replace")) + 1
        raise TspolError(Diagnostic(
            UNREADABLE, say("sources.not_utf8", byte=f"0x{raw[exc.start]:02x}", reason=utf8_reason(exc.reason)),
            span=Span(path, line, column, line, column + 1), help=say("sources.save_utf8"))) from None


def source_hash(sources: Mapping[str, str], relpaths: Mapping[str, str]) -> str:
    """sha256 of a pack's files by their paths inside the pack: where the pack
    sits does not change it."""
    digest = hashlib.sha256()
    for display in sorted(sources, key=lambda p: relpaths[p]):
        digest.update(relpaths[display].encode() + b"\0")
        digest.update(sources[display].encode() + b"\0")
    return digest.hexdigest()
