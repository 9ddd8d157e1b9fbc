"""`tspol fmt [PATH...]`: write .pol files in the one canonical layout."""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

import click

from tspol.cli.common import FAILED, USAGE, CliError, PolPath, pack_or_default, render, note, said
from tspol.cli.help import Command
from tspol.messages import os_reason, say


@click.command("fmt", cls=Command)
@click.argument("paths", nargs=-1, type=PolPath(allow_dash=True))
@click.option("--check", "check_only", is_flag=True,
              help="Change nothing; name the files that would change, and exit 1 if any would.")
@click.option("--diff", "show_diff", is_flag=True,
              help="Change nothing; show the changes as a diff, and exit 1 if there are any.")
def command(paths, check_only, show_diff):
    """Format .pol files in place (default: ./policies).

    Comments stay where they are; formatting twice changes nothing. `-` reads
    standard input and writes the result to standard output (with --check or
    --diff, it is checked or diffed as a file is). The bundled
    pack is formatted only with --check or --diff: it is never rewritten.
    """
    from tspol.dsl.sources import bundled_pack_path, default_pack_path, pol_files

    if "-" in paths:
        if paths != ("-",):
            raise CliError(say("fmt.stdin_alone"), USAGE)
        _format_stdin(check_only, show_diff)
        return
    if not paths and not (check_only or show_diff) and default_pack_path() == bundled_pack_path():
        raise CliError(say("fmt.bundled"), USAGE)
    files = [f for p in (paths or (pack_or_default(None),)) for f in pol_files(Path(p))]
    changed, problems, sources, unwritten = [], [], {}, []
    for file in files:
        text, formatted, diagnostics = _format_file(file)
        if diagnostics:
            problems.extend(diagnostics)
            sources[str(file)] = text
        elif formatted != text:
            changed.append(file)
            if not _report_change(file, text, formatted, check_only, show_diff):
                unwritten.append(file)
    click.echo(render(problems, "text", sources), nl=False)
    if not changed and not problems:
        click.echo(said(say("fmt.formatted.one" if len(files) == 1 else "fmt.formatted", count=len(files))), err=True)
    if problems or unwritten or (changed and (check_only or show_diff)):
        raise click.exceptions.Exit(FAILED)


def _format_stdin(check_only: bool, show_diff: bool) -> None:
    """Standard input formatted to standard output; with --check or --diff, as for a file."""
    from tspol.diagnostics import TspolError
    from tspol.dsl.formatter import format_source
    from tspol.dsl.sources import utf8_text

    text = ""
    try:
        text = utf8_text(sys.stdin.buffer.read(), "<stdin>")
        formatted = format_source(text, "<stdin>")
    except TspolError as exc:
        click.echo(render(exc.diagnostics, "text", {"<stdin>": text}), nl=False)
        raise click.exceptions.Exit(FAILED)
    if not (check_only or show_diff):
        click.echo(formatted, nl=False)
    elif formatted != text:
        _report_change(Path("<stdin>"), text, formatted, check_only, show_diff)
        raise click.exceptions.Exit(FAILED)


def _format_file(file: Path) -> tuple[str | None, str | None, tuple]:
    """(text, formatted text, diagnostics): the diagnostics when it cannot be read or parsed."""
    from tspol.diagnostics import TspolError
    from tspol.dsl.formatter import format_source
    from tspol.dsl.sources import read_sources

    text = None
    try:
        text = read_sources(file)[0][str(file)]
        return text, format_source(text, str(file)), ()
    except TspolError as exc:
        return text, None, exc.diagnostics


def _report_change(file: Path, text: str, formatted: str, check_only: bool, show_diff: bool) -> bool:
    """Show, name or write the change; False when the file cannot be written (said on stderr)."""
    display = str(file)
    if show_diff:
        click.echo("".join(difflib.unified_diff(
            _lines(text), _lines(formatted), f"a/{display.lstrip('/')}", f"b/{display.lstrip('/')}")), nl=False)
    if check_only:
        click.echo(said(say("fmt.would_reformat", path=display)))
    if not (check_only or show_diff):
        try:
            file.write_text(formatted, encoding="utf-8")
        except OSError as exc:
            note(say("fmt.cannot_write", path=display, reason=os_reason(exc)))
            return False
        click.echo(said(say("fmt.reformatted", path=display)), err=True)
    return True


def _lines(text: str) -> list[str]:
    """Lines for a diff, each ending with a newline (marked, as git does, where the file has none)."""
    lines = text.split("\n")
    last = lines.pop()
    lines = [line + "\n" for line in lines]
    if last:
        lines.append(last + "\n\\ No newline at end of file\n")
    return lines
