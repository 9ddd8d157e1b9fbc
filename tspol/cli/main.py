"""The `tspol` command: a thin click group whose commands load on first use.

Each command lives in its own module (`tspol.cli.<name>`) and is imported only
when it runs, so `tspol eval` never pays for the parser it does not need.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys

import click

COMMANDS = {
    "analyze": "tspol.cli.analyze",
    "cases": "tspol.cli.cases",
    "check": "tspol.cli.check",
    "compile": "tspol.cli.compile",
    "diff": "tspol.cli.diff",
    "eval": "tspol.cli.eval",
    "fmt": "tspol.cli.fmt",
    "simulate": "tspol.cli.simulate",
    "test": "tspol.cli.test",
}


def _available(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


class LazyGroup(click.Group):
    def list_commands(self, ctx):
        return sorted(name for name, module in COMMANDS.items() if _available(module))

    def get_command(self, ctx, name):
        module = COMMANDS.get(name)
        if module is None or not _available(module):
            return None
        return importlib.import_module(module).command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="tspol")
def cli():
    """tspol: seller performance policies as code.

    Write policies in .pol files, check them, format them, compile them to
    exact Python, and evaluate sellers against them.
    """


def main() -> None:
    try:
        cli.main(prog_name="tspol")
    except Exception as exc:  # a bug in tspol: one line, not a traceback
        if os.environ.get("TSPOL_DEBUG"):
            raise
        click.echo(f"tspol: internal error: {type(exc).__name__}: {exc}", err=True)
        click.echo("tspol: this is a bug in tspol; run again with TSPOL_DEBUG=1 for details", err=True)
        sys.exit(3)


if __name__ == "__main__":
    main()
