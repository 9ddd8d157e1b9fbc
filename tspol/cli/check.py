"""`tspol check [PATH...]`: prove packs well-formed; exit 0 clean, 1 on errors, 2 on usage."""

from __future__ import annotations

import sys

import click

from tspol.cli.common import CHECK_FORMAT_OPTION, FAILED, USAGE, CliError, PolPath, lang_option, note, \
    pack_or_default, packs_of, render, said, summary
from tspol.cli.help import Command
from tspol.diagnostics import Diagnostic, TspolError
from tspol.messages import Words, say


@click.command("check", cls=Command)
@click.argument("paths", nargs=-1, type=PolPath(allow_dash=True))
@CHECK_FORMAT_OPTION
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("--stdin-filename", type=click.Path(dir_okay=False),
              help="With `-`: the .pol file whose text is on standard input, checked as part of its pack.")
@lang_option
def command(paths, fmt, strict, stdin_filename):
    """Check policy packs: syntax, names, types, units, ranges, tables.

    PATH is a folder of .pol files (default: ./policies, or the bundled pack
    when there is none), or a .pol file: a file is checked as part of the pack
    it belongs to. Every problem of the run is reported.

    `-` reads one file's text from standard input, as an editor has it before
    it is saved: with --stdin-filename it is checked as that file, in that
    file's pack; without, as a pack of its own named <stdin>.
    """
    examples: list[str] = []
    if "-" in paths:
        if paths != ("-",):
            raise CliError(say("cli.check.stdin_alone"), USAGE)
        diagnostics, sources = check_stdin(stdin_filename)
        targets = ["<stdin>" if stdin_filename is None else stdin_filename]
    else:
        if stdin_filename is not None:
            raise CliError(say("cli.check.stdin_filename_without_dash"), USAGE)
        examples = [p for p in paths if _is_examples_file(p)]
        if examples and fmt != "text":
            raise CliError(say("cli.check.format_for_pol", format=fmt), USAGE)
        paths = tuple(p for p in paths if p not in examples)
        _refuse_other_files(paths)
        if examples and not paths:
            return _check_examples(examples)
        targets = packs_of(paths) if paths else packs_of([pack_or_default(None)])
        diagnostics, sources = [], {}
        for path in targets:
            found, texts = check_pack(path)
            diagnostics.extend(found)
            sources.update(texts)
    click.echo(render(diagnostics, fmt, sources), nl=False)
    if fmt == "text":
        click.echo(said(say("cli.checked", targets=Words(targets, ","), summary=summary(diagnostics))), err=True)
        if paths == ("-",) and stdin_filename is None and any(d.is_error for d in diagnostics):
            note(say("cli.check.stdin_as_pack"))
    if examples:  # the .pol files a hook passes with the examples it changed, then the examples
        _check_examples(examples, failed=any(d.is_error for d in diagnostics) or (strict and bool(diagnostics)))
    if any(d.is_error for d in diagnostics) or (strict and diagnostics):
        raise click.exceptions.Exit(FAILED)


def check_pack(path: str) -> tuple[list[Diagnostic], dict[str, str]]:
    """The diagnostics of one pack (from the check cache when it was checked before),
    and its sources (to show the lines in error)."""
    from tspol.workspace import Workspace

    try:
        workspace = Workspace.open(path)
    except TspolError as exc:
        return list(exc.diagnostics), dict(exc.sources)
    return workspace.checked(), dict(workspace.sources.texts)


def _is_examples_file(path: str) -> bool:
    """A file of example sellers beside a pack: `PACK/examples/*.jsonl` (a folder with .pol
    files around its `examples` folder), as `tspol test` runs them."""
    from pathlib import Path

    from tspol.dsl.sources import pol_files
    from tspol.runtime.examples import EXAMPLES_FOLDER

    path = Path(path)
    if path.suffix != ".jsonl" or path.parent.name != EXAMPLES_FOLDER or path.is_dir():
        return False
    pack = path.parent.parent
    return any(p.parent == pack for p in pol_files(pack) if p.suffix == ".pol")


def _check_examples(examples: list[str], failed: bool = False) -> None:
    """`tspol check PACK/examples/x.jsonl`: run those examples as `tspol test` does (exit 1
    when one fails, or when `failed` already)."""
    from pathlib import Path

    from tspol.cli.test import run_examples

    packs: dict[Path, list[Path]] = {}
    for example in examples:
        packs.setdefault(Path(example).parent.parent, []).append(Path(example))
    for pack, files in packs.items():
        note(say("cli.check.examples", files=Words(map(str, files), ","), pack=str(pack)))
        try:
            run_examples(pack, files)
        except click.exceptions.Exit as exit_:
            failed = failed or exit_.exit_code != 0
    if failed:
        raise click.exceptions.Exit(FAILED)


def _refuse_other_files(paths) -> None:
    """A usage error for a PATH that is a file but not a .pol file (README.md, a JSON file)."""
    from pathlib import Path

    for path in paths:
        if Path(path).is_file() and not path.endswith(".pol"):
            raise CliError(say("cli.check.not_pol_examples" if path.endswith((".jsonl", ".json"))
                               else "cli.check.not_pol", path=path), USAGE)


def check_stdin(filename: str | None) -> tuple[list[Diagnostic], dict[str, str]]:
    """`check_pack` of the pack of `filename`, that file's text read from standard
    input (not cached: the text is nowhere else); without a name, the text alone."""
    from pathlib import Path

    from tspol.dsl.sources import pack_root, read_sources, utf8_text

    if filename is not None:
        _check_stdin_filename(filename)
    name = "<stdin>" if filename is None else filename
    try:
        text = utf8_text(sys.stdin.buffer.read(), name)
        if filename is None:
            return check_sources({name: text}, {name: "stdin.pol"}, name)
        root = pack_root(Path(filename))
        if root != Path(filename):
            note(say("cli.checking_part_of", path=filename, root=str(root)))
        sources, relpaths = read_sources(root, unsaved=(Path(filename), text))
    except TspolError as exc:
        return list(exc.diagnostics), dict(exc.sources)
    buffer = list(sources)[-1]  # read_sources puts it last; its name as given, for an editor to match
    sources[filename], relpaths[filename] = sources.pop(buffer), relpaths.pop(buffer)
    return check_sources(sources, relpaths, str(root))


def _check_stdin_filename(filename: str) -> None:
    """A usage error unless `filename` could be a .pol file: a name ending in .pol,
    in a folder that exists (the file itself need not)."""
    from pathlib import Path

    if not filename.endswith(".pol"):
        raise CliError(say("cli.check.stdin_filename_not_pol", got=repr(filename)), USAGE)
    if not Path(filename).parent.is_dir():
        raise CliError(say("cli.check.stdin_filename_no_folder", path=filename, folder=str(Path(filename).parent)),
                       USAGE)


def check_sources(sources: dict[str, str], relpaths: dict[str, str], root: str):
    """The diagnostics of a pack's texts, and the texts."""
    from tspol.workspace import Workspace

    return Workspace.of(sources, relpaths, root).diagnostics(), dict(sources)
