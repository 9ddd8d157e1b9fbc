"""`tspol doc [PATH] -o DIR [--lang en|zh]`: the policy as one self-contained HTML page."""

from __future__ import annotations

from pathlib import Path

import click

from tspol.cli.common import CliError, date_option, fail, in_force, open_pack, said
from tspol.cli.help import Command
from tspol.messages import os_reason, say
from tspol.diagnostics import TspolError
from tspol.docgen import document


@click.command("doc", cls=Command)
@click.argument("path", required=False, type=click.Path(exists=True))
@click.option("-o", "--output", "output", required=True, type=click.Path(file_okay=False),
              help="The folder to write the page to (created if needed).")
@click.option("--lang", type=click.Choice(["en", "zh"]), default="en", show_default=True,
              help="The page's main language; the other is shown beside it.")
@click.option("--on", "on_date", callback=date_option, metavar="DATE",
              help="Document the version of the pack in force on DATE (default: the latest).")
def command(path, output, lang, on_date):
    """Write the policy as one HTML page, with a coverage map of every tier table.

    PATH is a .pol file or a folder of them (default: ./policies, or the
    bundled pack). The page is DIR/<policy>.html (for the bundled pack
    DIR/tiktok_shop_crossborder.html): every rule with its names in English
    and Chinese, its tables with the source line of each row, a picture of the
    sellers each row decides and of those no row does, the standards, the
    thresholds and their measures, and the catalogue of reasons. It needs
    nothing but a browser: no network, no scripts. The same pack always gives
    the same bytes. A pack with errors (those `tspol check` reports) gets no
    page.
    """
    workspace = in_force(open_pack(path), on_date)
    try:
        program = workspace.program()
    except TspolError as exc:
        fail(exc)
    history = workspace.history.versions[:workspace.chosen.number] if workspace.has_history else None
    page = document(program, workspace.analysis(), workspace.sources.relpaths, lang, history)
    target = Path(output) / f"{program.name}.html"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(page.encode("utf-8"))
    except OSError as exc:
        raise CliError(say("tables.cannot_write", path=str(target), reason=os_reason(exc))) from None
    click.echo(said(say("compile.wrote", path=str(workspace.root), file=str(target))), err=True)
