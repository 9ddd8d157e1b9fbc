"""`tspol check [PATH...]`: prove packs well-formed; exit 0 clean, 1 on errors."""

from __future__ import annotations

import click

from tspol.cli.common import FAILED, FORMAT_OPTION, render, summary
from tspol.diagnostics import TspolError


@click.command("check")
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@FORMAT_OPTION
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
def command(paths, fmt, strict):
    """Check policy packs: syntax, names, types, units, ranges, tables.

    PATH is a .pol file or a folder of them (default: ./policies, or the
    bundled pack when there is none). Every problem of the run is reported.
    """
    from tspol.dsl.loader import default_pack_path, load_pack

    diagnostics, sources = [], {}
    targets = paths or (str(default_pack_path()),)
    for path in targets:
        try:
            pack = load_pack(path)
            diagnostics.extend(pack.warnings)
            sources.update(pack.sources)
        except TspolError as exc:
            diagnostics.extend(exc.diagnostics)
            sources.update(exc.sources)
    click.echo(render(diagnostics, fmt, sources), nl=False)
    failed = any(d.is_error for d in diagnostics) or (strict and diagnostics)
    if fmt == "text":
        click.echo(f"checked {', '.join(targets)}: {summary(diagnostics)}", err=True)
    if failed:
        raise click.exceptions.Exit(FAILED)
