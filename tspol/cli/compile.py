"""`tspol compile [PATH...] -o DIR`: one standalone Python module per policy pack."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from tspol.cli.common import FAILED, pack_or_default
from tspol.diagnostics import TspolError, render_text


def module_file(name: str) -> str:
    """`tiktok_shop_crossborder.py`; a name the standard library uses gets a `policy_` prefix."""
    stem = "".join(c if c.isalnum() or c == "_" else "_" for c in name)
    if stem in sys.stdlib_module_names or not stem.isidentifier():
        stem = f"policy_{stem}"
    return f"{stem}.py"


@click.command("compile")
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("-o", "--output", "output", required=True, type=click.Path(file_okay=False),
              help="The folder to write the modules to (created if needed).")
def command(paths, output):
    """Compile policy packs to Python modules that need only the standard library.

    PATH is a .pol file or a folder of them (default: ./policies, or the
    bundled pack). Each module exposes `evaluate(metrics, region, lang="en")`
    and a `POLICY` header; the same source always gives the same bytes. A
    pack with errors (those `tspol check` reports) is not compiled, and then
    nothing is written.
    """
    from tspol.compiler.cache import program_of
    from tspol.compiler.pygen import generate
    from tspol.dsl.loader import load_pack

    targets = paths or (pack_or_default(None),)
    failed = False
    modules: dict[str, tuple[str, str]] = {}  # file name -> (path, module source)
    for path in targets:  # every pack is compiled before anything is written
        try:
            program = program_of(load_pack(path))
        except TspolError as exc:
            click.echo(render_text(exc.diagnostics, exc.sources), err=True, nl=False)
            failed = True
            continue
        name = module_file(program.name)
        if name in modules:
            click.echo(f"tspol: {path} and {modules[name][0]} are both policy `{program.name}`; "
                       f"compile them into different folders", err=True)
            failed = True
            continue
        modules[name] = (path, generate(program))
    if failed:
        click.echo("tspol: nothing written", err=True)
        raise click.exceptions.Exit(FAILED)
    for name, (path, source) in modules.items():
        target = Path(output) / name
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.encode("utf-8"))
        except OSError as exc:
            click.echo(f"tspol: cannot write {target}: {exc.strerror}", err=True)
            raise click.exceptions.Exit(FAILED) from None
        click.echo(f"{path}: wrote {target}", err=True)
