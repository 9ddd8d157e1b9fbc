"""`tspol cases [PATH] [--region X]`: boundary sellers as JSON Lines.

For every edge of every row (and of each metric's standard and `only if`):
a seller just below it, one on it and one just above it, in a fixed order,
each line `{"seller_id", "region", "metrics"}`, so the output feeds
`tspol eval` and snapshot tests as it stands.
"""

from __future__ import annotations

import json

import click

from tspol.cli.common import USAGE, CliError, date_option, fail, in_force, open_pack
from tspol.cli.help import Command
from tspol.messages import say
from tspol.diagnostics import TspolError


@click.command("cases", cls=Command)
@click.argument("path", required=False, type=click.Path(exists=True))
@click.option("--region", help="Only this region.")
@click.option("--on", "on_date", callback=date_option, metavar="DATE",
              help="Write the boundary sellers of the version of the pack in force on DATE (default: the latest).")
def command(path, region, on_date):
    """Write boundary sellers for every tier edge, as JSON Lines.

    PATH is a .pol file or a folder of them (default: ./policies, or the
    bundled pack).
    """
    from tspol.compiler.cases import boundary_cases

    try:
        program = in_force(open_pack(path), on_date).lowered()
    except TspolError as exc:
        fail(exc)
    if region is not None and region not in program.region_names:
        raise CliError(say("eval.unknown_region", region=region, known=", ".join(program.region_names)), USAGE)
    for case in boundary_cases(program, region):
        click.echo(json.dumps(case.to_dict(), ensure_ascii=False))
