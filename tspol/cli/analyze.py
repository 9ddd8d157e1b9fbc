"""`tspol analyze [PATH]`: the coverage map of every tier table.

For each table: the region each row owns (where it is the row that fires) and
the regions no row covers, each with a seller in it; then the problems
`tspol check` reports about the tables (overlaps, dead rows, holes, rows that
lower the penalty for a worse metric). Exit 0 without errors, 1 with errors
or a pack that does not load, 2 on usage errors.
"""

from __future__ import annotations

import json

import click

from tspol.cli.common import FAILED, USAGE, CliError, fail, lang_option, open_pack, render, said, summary
from tspol.cli.help import Command
from tspol.diagnostics import TspolError
from tspol.messages import Words, say

UNCOVERED = {"hole": "a hole", "edge": "open to the edge of the range"}


@click.command("analyze", cls=Command)
@click.argument("path", required=False, type=click.Path(exists=True))
@click.option("--rule", help="Only this rule.")
@click.option("--region", help="Only this region.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text for policy authors, json for tools.")
@lang_option
def command(path, rule, region, fmt):
    """Show which sellers each row of each table decides, and which no row does.

    PATH is a .pol file or a folder of them (default: ./policies, or the
    bundled pack).
    """
    workspace = open_pack(path)
    try:
        program = workspace.lowered()
    except TspolError as exc:
        fail(exc)
    _check_choice("region", region, program.region_names)
    _check_choice("rule", rule, sorted({r.name for g in program.regions for r in g.rules}))
    analysis = workspace.analysis(rule=rule, region=region)
    if fmt == "json":
        click.echo(json.dumps(analysis.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(coverage_text(analysis, program), nl=False)
        if analysis.diagnostics:
            click.echo()
            click.echo(render(analysis.diagnostics, "text", workspace.sources.texts), nl=False)
        click.echo(said(say("analyze.done.one" if len(analysis.tables) == 1 else "analyze.done", root=str(workspace.root),
                            tables=len(analysis.tables), summary=summary(list(analysis.diagnostics)))), err=True)
    if any(d.is_error for d in analysis.diagnostics):
        raise click.exceptions.Exit(FAILED)


def _check_choice(what: str, value: str | None, known) -> None:
    if value is not None and value not in known:
        import difflib

        close = difflib.get_close_matches(value, known, n=1)
        raise CliError(say(f"analyze.unknown_{what}" + (".close" if close else ""), value=value,
                           close=close[0] if close else "", known=", ".join(known)), USAGE)


def coverage_text(analysis, program) -> str:
    blocks = []
    for table in analysis.tables:
        lines = [f"{table.title()}, {table.rule.where}"]
        for row in table.rows:
            lines.append(f"  row {row.row.index} ({row.row.where}): {row.row.text}")
            if not row.owns:
                lines.append("    fires for no seller")
            for area in row.owns:
                lines.append(f"    owns {area.where}")
                lines.append(f"      e.g. {area.described}")
        if table.uncovered:
            lines.append("  no row covers:")
        for area in table.uncovered:
            if area.kind == "standard":
                metric = program.metric(table.rule.metric)
                note = f"meets the standard {metric.name} {metric.standard_text}"
            else:
                note = UNCOVERED[area.kind]
            lines.append(f"    {area.where} ({note})")
            lines.append(f"      e.g. {area.described}")
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)
