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

from tspol.cli.common import FAILED, USAGE, CliError, current_lang, date_option, fail, in_force, lang_option, \
    open_pack, render, said, summary
from tspol.cli.help import Command
from tspol.diagnostics import TspolError
from tspol.messages import Words, say



@click.command("analyze", cls=Command)
@click.argument("path", required=False, type=click.Path(exists=True))
@click.option("--rule", help="Only this rule.")
@click.option("--region", help="Only this region.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text for policy authors, json for tools.")
@click.option("--on", "on_date", callback=date_option, metavar="DATE",
              help="Analyse the version of the pack in force on DATE (default: the latest).")
@lang_option
def command(path, rule, region, fmt, on_date):
    """Show which sellers each row of each table decides, and which no row does.

    PATH is a .pol file or a folder of them (default: ./policies, or the
    bundled pack).
    """
    workspace = in_force(open_pack(path), on_date)
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
        click.echo(coverage_text(analysis, program, current_lang()), nl=False)
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


def coverage_text(analysis, program, lang: str = "en") -> str:
    """The coverage map of each table, in `lang`: its rows' own areas and the areas no row covers."""
    def line(indent: int, id: str, **fields) -> str:
        return " " * indent + say(id, **fields).text(lang)

    blocks = []
    for table in analysis.tables:
        lines = [line(0, "analyze.table", title=table.title(lang), where=table.rule.where)]
        for row in table.rows:
            lines.append(line(2, "analyze.row", index=row.row.index, where=row.row.where, text=row.row.text))
            if not row.owns:
                lines.append(line(4, "analyze.fires_for_none"))
            for area in row.owns:
                lines.append(line(4, "analyze.owns", where=area.where))
                lines.append(line(6, "analyze.example", seller=area.described))
        if table.uncovered:
            lines.append(line(2, "analyze.no_row_covers"))
        for area in table.uncovered:
            if area.kind == "standard":
                metric = program.metric(table.rule.metric)
                note = say("analyze.meets", name=metric.name, standard=metric.standard_text)
            else:
                note = say("analyze." + area.kind)
            lines.append(line(4, "analyze.uncovered", where=area.where, note=note))
            lines.append(line(6, "analyze.example", seller=area.described))
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)
