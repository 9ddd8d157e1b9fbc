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

from tspol.cli.help import Group

COMMANDS = {
    "analyze": "tspol.cli.analyze",
    "cases": "tspol.cli.cases",
    "check": "tspol.cli.check",
    "compile": "tspol.cli.compile",
    "diff": "tspol.cli.diff",
    "doc": "tspol.cli.doc",
    "eval": "tspol.cli.eval",
    "explain": "tspol.cli.explain",
    "fmt": "tspol.cli.fmt",
    "lsp": "tspol.cli.lsp",
    "simulate": "tspol.cli.simulate",
    "test": "tspol.cli.test",
}
# What `tspol --help` says of each command without importing it: the first
# sentence of the command's help (a test keeps the two the same).
SUMMARIES = {
    "analyze": "Show which sellers each row of each table decides, and which no row does.",
    "cases": "Write boundary sellers for every tier edge, as JSON Lines.",
    "check": "Check policy packs: syntax, names, types, units, ranges, tables.",
    "compile": "Compile policy packs to Python modules that need only the standard library.",
    "diff": "Show how two versions of a policy pack decide differently.",
    "doc": "Write the policy as one HTML page, with a coverage map of every tier table.",
    "eval": "Decide sellers: one JSON object in, one decision out; JSON Lines, a JSON list, CSV or Parquet in, "
            "one decision per seller out (FILE, or standard input when FILE is `-`).",
    "explain": "Explain a diagnostic code: what it means, why tspol reports it, how to fix it.",
    "fmt": "Format .pol files in place (default: ./policies).",
    "lsp": "Run the tspol language server over standard input and output.",
    "simulate": "Simulate sellers' points ledgers from EVENTS, a JSON Lines file (- for stdin).",
    "test": "Decide every example seller in PATH/examples/*.jsonl and compare.",
}


def _available(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def short_help(summary: str, limit: int) -> str:
    """A summary cut to `limit` characters at a word, as click cuts a command's help."""
    if len(summary) <= limit:
        return summary
    if limit < len("..."):
        return "..."
    import textwrap

    return textwrap.shorten(summary, limit, placeholder="...", break_on_hyphens=False)


def unknown_command(name: str, commands: list[str]):
    """What to say of a command that does not exist: the closest ones, if any are close."""
    import difflib

    from tspol.messages import Words, say

    close = difflib.get_close_matches(name, commands, n=3, cutoff=0.6) if len(name) <= 100 else []
    if close:
        return say("main.unknown_command.close", name=name,
                   close=say("did_you_mean", names=Words([f"`{c}`" for c in close], "or only")))
    return say("main.unknown_command", name=name)


class LazyGroup(Group):
    """The commands, imported on first use; help in English or Chinese (`tspol.cli.help`)."""

    catalog_key = "tspol"

    def main(self, *args, **kwargs):
        """Each run starts with no language chosen; its command line's `--lang` is read when
        its command is (`speak`), so that `tspol --help` loads nothing more."""
        given = kwargs.get("args", args[0] if args else None)
        self.command_line = list(sys.argv[1:] if given is None else given)
        self.spoken = False
        common = sys.modules.get("tspol.cli.common")  # loaded by an earlier run in this process
        if common is not None:
            common.remember(None)
        return super().main(*args, **kwargs)

    def speak(self) -> None:
        """click's words of a usage error in tspol's language (tspol.cli.clickwords), and the
        command line's `--lang` known before click parses it."""
        if getattr(self, "spoken", True):
            return
        self.spoken = True
        from tspol.cli import clickwords
        from tspol.cli.common import remember  # which gives click tspol's words (clickwords.install)

        remember(clickwords.lang_in(self.command_line))

    def list_commands(self, ctx):
        return sorted(name for name, module in COMMANDS.items() if _available(module))

    def get_command(self, ctx, name):
        module = COMMANDS.get(name)
        if module is None or not _available(module):
            return None
        self.speak()
        return importlib.import_module(module).command

    def resolve_command(self, ctx, args):
        """A command that does not exist is a usage error (exit 2) naming the closest
        commands: `tspol chek` asks "did you mean `check`?"."""
        name = click.utils.make_str(args[0])
        if self.get_command(ctx, name) is None and not ctx.resilient_parsing and not name.startswith("-"):
            self.speak()
            from tspol.cli.common import said

            ctx.fail(said(unknown_command(name, self.list_commands(ctx))))
        return super().resolve_command(ctx, args)

    def format_commands(self, ctx, formatter):
        """The command list of `tspol --help`, as click writes it, from `SUMMARIES`:
        importing every command to ask would double the time `--help` takes."""
        names = self.list_commands(ctx)
        if not names:
            return
        limit = formatter.width - 6 - max(len(name) for name in names)
        with formatter.section("Commands"):
            formatter.write_dl([(name, short_help(SUMMARIES[name], limit)) for name in names])


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
        from tspol.cli.common import note
        from tspol.messages import say

        note(say("main.internal", error=f"{type(exc).__name__}: {exc}"))
        note(say("main.bug"))
        sys.exit(3)


if __name__ == "__main__":
    main()
