"""`tspol fmt [PATH...]`: write .pol files in the one canonical layout."""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

import click

from tspol.cli.common import FAILED, render


@click.command("fmt")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, allow_dash=True))
@click.option("--check", "check_only", is_flag=True,
              help="Change nothing; exit 1 and name the files that would change.")
@click.option("--diff", "show_diff", is_flag=True, help="Change nothing; show the changes as a diff.")
def command(paths, check_only, show_diff):
    """Format .pol files in place (default: ./policies, or the bundled pack).

    Comments stay where they are; formatting twice changes nothing. `-` reads
    standard input and writes the result to standard output.
    """
    from tspol.diagnostics import TspolError
    from tspol.dsl.formatter import format_source
    from tspol.dsl.loader import default_pack_path, pol_files

    if paths == ("-",):
        text = sys.stdin.read()
        try:
            click.echo(format_source(text, "<stdin>"), nl=False)
        except TspolError as exc:
            click.echo(render(exc.diagnostics, "text", {"<stdin>": text}), nl=False)
            raise click.exceptions.Exit(FAILED)
        return

    files = [f for p in (paths or (str(default_pack_path()),)) for f in pol_files(Path(p))]
    changed, problems, sources = [], [], {}
    for file in files:
        display = str(file)
        text = file.read_text(encoding="utf-8")
        try:
            formatted = format_source(text, display)
        except TspolError as exc:
            problems.extend(exc.diagnostics)
            sources[display] = text
            continue
        if formatted == text:
            continue
        changed.append(display)
        if show_diff:
            click.echo("".join(difflib.unified_diff(
                text.splitlines(True), formatted.splitlines(True), f"a/{display}", f"b/{display}")), nl=False)
        elif check_only:
            click.echo(f"would reformat {display}")
        else:
            file.write_text(formatted, encoding="utf-8")
            click.echo(f"reformatted {display}", err=True)
    if problems:
        click.echo(render(problems, "text", sources), nl=False)
    if not changed and not problems:
        click.echo(f"{len(files)} file{'s' * (len(files) != 1)} already formatted", err=True)
    if problems or (changed and (check_only or show_diff)):
        raise click.exceptions.Exit(FAILED)
