"""`tspol --help` lists the commands from their summaries, without importing them,
and says exactly what click would say after importing every one."""

from __future__ import annotations

import importlib
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from tspol.cli.main import COMMANDS, SUMMARIES, cli


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_summary_is_the_first_sentence_of_the_command_help(name):
    command = importlib.import_module(COMMANDS[name]).command
    assert SUMMARIES[name] == command.get_short_help_str(limit=10**6)


@pytest.mark.parametrize("width", [30, 50, 60, 80, 120])
def test_the_command_list_is_what_click_writes(width):
    ctx = click.Context(cli, terminal_width=width, max_content_width=width)
    lazy, eager = ctx.make_formatter(), ctx.make_formatter()
    cli.format_commands(ctx, lazy)
    click.Group.format_commands(cli, ctx, eager)
    assert lazy.getvalue() == eager.getvalue()
    assert "check" in lazy.getvalue()


def test_help_imports_no_command():
    """Nothing but the group and its help (`tspol.cli.help`: how every command writes its
    help, in English or Chinese; it imports nothing else)."""
    script = ("import sys\nfrom tspol.cli.main import cli\n"
              "try:\n    cli.main(['--help'], prog_name='tspol')\nexcept SystemExit:\n    pass\n"
              "print(sorted(m for m in sys.modules if m.startswith('tspol.') and m not in "
              "('tspol.cli', 'tspol.cli.main', 'tspol.cli.help', 'tspol.i18n')))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert "Check policy packs" in done.stdout
    assert done.stdout.splitlines()[-1] == "[]"


@pytest.mark.parametrize("typed, hint", [("chek", "did you mean `check`?"), ("evl", "did you mean `eval`?"),
                                         ("explian", "did you mean `explain`?")])
def test_a_mistyped_command_is_a_usage_error_with_a_did_you_mean(typed, hint):
    result = CliRunner().invoke(cli, [typed, "policies"])
    assert result.exit_code == 2
    assert f"No such command `{typed}`; {hint}" in result.output and "Traceback" not in result.output


def test_a_command_like_no_other_gets_no_guess():
    result = CliRunner().invoke(cli, ["frobnicate"])
    assert result.exit_code == 2 and "No such command `frobnicate`." in result.output
    assert "did you mean" not in result.output


def test_options_before_a_command_still_work():
    assert CliRunner().invoke(cli, ["--version"]).exit_code == 0
    assert "Commands:" in CliRunner().invoke(cli, ["--help"]).output
