"""`tspol explain [CODE] [--list] [--format text|markdown]`: what a diagnostic code means.

The text comes from the registry (`tspol.codes`); this command only picks an
entry and prints it, in English or Chinese: the language of `--lang`, else
`TSPOL_LANG`, else the locale (`tspol.cli.common.current_lang`).
"""

from __future__ import annotations

import click

from tspol.cli.common import USAGE, CliError, current_lang, lang_option
from tspol.cli.help import Command
from tspol.messages import say


@click.command("explain", cls=Command)
@click.argument("code", required=False)
@click.option("--list", "listing", is_flag=True, help="List every code with its severity and summary (the default "
                                                      "without a CODE).")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown"]), default="text", show_default=True,
              help="text for people, markdown for documentation.")
@lang_option
def command(code, listing, fmt):
    """Explain a diagnostic code: what it means, why tspol reports it, how to fix it.

    CODE is a code as tspol prints it, such as E502 or W501. Without a CODE (or
    with --list), every code is listed with its severity and summary.
    """
    from tspol import codes

    lang = current_lang()
    if code is not None and listing:
        raise CliError(say("explain.code_or_list"), USAGE)
    if code is None:
        click.echo(codes.list_markdown(lang) if fmt == "markdown" else codes.list_text(lang), nl=False)
        return
    entry = codes.lookup(code)
    if entry is None:
        raise CliError(_unknown(code, codes.suggestions(code)), USAGE)
    click.echo(codes.explain_markdown(entry, lang) if fmt == "markdown" else codes.explain_text(entry, lang), nl=False)


def _unknown(code: str, close: list[str]):
    from tspol.messages import Words

    if close:
        return say("explain.unknown.close", code=code, close=say("did_you_mean", names=Words([f"`{c}`" for c in close],
                                                                                         "or only")))
    return say("explain.unknown", code=code)
