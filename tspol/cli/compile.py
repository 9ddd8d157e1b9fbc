"""`tspol compile [PATH...] --target python|ir|duckdb|spark -o DIR`: one file per policy pack."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from tspol.cli.common import FAILED, current_lang, date_option, in_force, note, pack_or_default, packs_of, said
from tspol.cli.help import Command
from tspol.diagnostics import TspolError, render_text
from tspol.messages import os_reason, say
from tspol.workspace import BACKENDS


def module_file(name: str) -> str:
    """`tiktok_shop_crossborder.py`; a name the standard library uses gets a `policy_` prefix."""
    stem = "".join(c if c.isalnum() or c == "_" else "_" for c in name)
    if stem in sys.stdlib_module_names or not stem.isidentifier():
        stem = f"policy_{stem}"
    return f"{stem}.py"


def output_file(name: str, target: str) -> str:
    """`tiktok_shop_crossborder.py`, `tiktok_shop_crossborder.ir.json`: the file of a target."""
    return module_file(name).removesuffix(".py") + "." + BACKENDS[target].suffix


@click.command("compile", cls=Command)
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("-o", "--output", "output", required=True, type=click.Path(file_okay=False),
              help="The folder to write to (created if needed).")
@click.option("--target", type=click.Choice(list(BACKENDS)), default="python", show_default=True,
              help="; ".join(f"{b.name}: {b.summary}" for b in BACKENDS.values()) + ".")
@click.option("--table", default=None, metavar="NAME",
              help="The table a SQL query reads (duckdb, spark; default: metrics).")
@click.option("--lang", type=click.Choice(["en", "zh"]), default=None,
              help="The language of a SQL query's `because` texts (duckdb, spark; default: en).")
@click.option("--headroom", is_flag=True,
              help="The SQL query's columns `headroom` and `recovery` too, as `tspol eval --headroom` "
                   "writes them (duckdb, spark).")
@click.option("--on", "on_date", callback=date_option, metavar="DATE",
              help="Compile the version of the pack in force on DATE (default: the latest).")
def command(paths, output, target, table, lang, headroom, on_date):
    """Compile policy packs to Python modules that need only the standard library.

    PATH is a folder of .pol files or one of them, standing for its pack
    (default: ./policies, or the bundled pack); a folder of several packs
    compiles each. A module exposes `evaluate(metrics, region, lang="en")` and
    a `POLICY` header; `--target ir` writes the IR as JSON instead, and
    `--target duckdb` or `spark` one SQL query over a table of metrics (with
    `--headroom`, its columns `headroom` and `recovery` too). The same
    source always gives the same bytes. A pack with errors (those `tspol check`
    reports) is not compiled, and then nothing is written.
    """
    from tspol.workspace import Workspace

    options = {key: value for key, value in (("table", table), ("lang", lang), ("headroom", headroom or None))
               if value is not None}
    for key in options:
        if key not in BACKENDS[target].options:
            raise click.UsageError(said(say("compile.sql_option", option=f"--{key}", target=target)))
    if table is not None and not table.strip():
        raise click.UsageError(said(say("compile.table_name")))
    targets = packs_of(paths or (pack_or_default(None),), verb="compiling")
    failed = False
    outputs: dict[str, tuple[str, str]] = {}  # file name -> (path, text)
    for path in targets:  # every pack is compiled before anything is written
        try:
            workspace = in_force(Workspace.open(path), on_date)
            text = workspace.generate(target, **options)
            name = output_file(workspace.program().name, target)
        except TspolError as exc:
            click.echo(render_text(exc.diagnostics, exc.sources, current_lang()), err=True, nl=False)
            failed = True
            continue
        if name in outputs:
            note(say("compile.same_policy", path=path, other=outputs[name][0], name=workspace.program().name))
            failed = True
            continue
        outputs[name] = (path, text)
    if failed:
        note(say("compile.nothing_written"))
        raise click.exceptions.Exit(FAILED)
    for name, (path, text) in outputs.items():
        target_file = Path(output) / name
        try:
            target_file.parent.mkdir(parents=True, exist_ok=True)
            target_file.write_bytes(text.encode("utf-8"))
        except OSError as exc:
            note(say("tables.cannot_write", path=str(target_file), reason=os_reason(exc)))
            raise click.exceptions.Exit(FAILED) from None
        click.echo(said(say("compile.wrote", path=path, file=str(target_file))), err=True)
