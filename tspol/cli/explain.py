"""`tspol explain [CODE] [--list] [--format text|markdown]`: what a diagnostic code means.

The text comes from the registry (`tspol.codes`); this command only picks an
entry and prints it, in English or Chinese: the language of `--lang`
(`ctx.meta["tspol.lang"]`), else `TSPOL_LANG`, else the locale.
"""

from __future__ import annotations

import click

from tspol.cli.common import USAGE, CliError
from tspol.cli.help import Command


@click.command("explain", cls=Command)
@click.argument("code", required=False)
@click.option("--list", "listing", is_flag=True, help="List every code with its severity and summary (the default "
                                                      "without a CODE).")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown"]), default="text", show_default=True,
              help="text for people, markdown for documentation.")
def command(code, listing, fmt):
    """Explain a diagnostic code: what it means, why tspol reports it, how to fix it.

    CODE is a code as tspol prints it, such as E502 or W501. Without a CODE (or
    with --list), every code is listed with its severity and summary.
    """
    from tspol import codes

    lang = _language(click.get_current_context())
    if code is not None and listing:
        raise CliError("give a CODE or --list, not both", USAGE)
    if code is None:
        click.echo(codes.list_markdown(lang) if fmt == "markdown" else codes.list_text(lang), nl=False)
        return
    entry = codes.lookup(code)
    if entry is None:
        raise CliError(_unknown(code, codes.suggestions(code)), USAGE)
    click.echo(codes.explain_markdown(entry, lang) if fmt == "markdown" else codes.explain_text(entry, lang), nl=False)


def _language(ctx: click.Context) -> str:
    from tspol.cli.help import LANG_META
    from tspol.i18n import UnknownLanguage, chosen

    try:
        return chosen(ctx.meta.get(LANG_META))
    except UnknownLanguage as exc:
        raise CliError(str(exc), USAGE) from None


def _unknown(code: str, close: list[str]) -> str:
    hint = f"; did you mean {' or '.join(f'`{c}`' for c in close)}?" if close else ""
    return f"unknown code `{code}`{hint} (`tspol explain --list` lists every code)"
