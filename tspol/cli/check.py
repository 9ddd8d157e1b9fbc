"""`tspol check [PATH...]`: prove packs well-formed; exit 0 clean, 1 on errors, 2 on usage."""

from __future__ import annotations

import click

from tspol.cli.common import FAILED, FORMAT_OPTION, POL_PATHS, pack_or_default, packs_of, render, summary
from tspol.diagnostics import Diagnostic, TspolError


@click.command("check")
@click.argument("paths", nargs=-1, type=POL_PATHS)
@FORMAT_OPTION
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
def command(paths, fmt, strict):
    """Check policy packs: syntax, names, types, units, ranges, tables.

    PATH is a folder of .pol files (default: ./policies, or the bundled pack
    when there is none), or a .pol file: a file is checked as part of the pack
    it belongs to. Every problem of the run is reported.
    """
    from tspol.compiler.cache import checked

    targets = packs_of(paths) if paths else [pack_or_default(None)]
    diagnostics, sources = [], {}
    for path in targets:
        found, texts = checked(path, check_pack)  # a pack checked before is not checked again
        diagnostics.extend(found)
        sources.update(texts)
    click.echo(render(diagnostics, fmt, sources), nl=False)
    if fmt == "text":
        click.echo(f"checked {', '.join(targets)}: {summary(diagnostics)}", err=True)
    if any(d.is_error for d in diagnostics) or (strict and diagnostics):
        raise click.exceptions.Exit(FAILED)


def check_pack(path: str) -> tuple[list[Diagnostic], dict[str, str]]:
    """The diagnostics of one pack, and its sources (to show the lines in error)."""
    from tspol.dsl.loader import load_pack

    try:
        pack = load_pack(path)
    except TspolError as exc:
        return list(exc.diagnostics), dict(exc.sources)
    diagnostics = list(pack.warnings)
    # Checks of a well-formed pack go here (for example the analysis of its
    # tier tables): each adds its diagnostics to `diagnostics`.
    from tspol.compiler.analysis import analyze_pack

    diagnostics.extend(analyze_pack(pack))
    return diagnostics, dict(pack.sources)
