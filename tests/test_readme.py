"""The README's example sessions print what the README shows.

A block that starts with `$ tspol ...` is run from the repository's root; the
lines shown under it, up to a line `...`, are the start of what it prints.
"""

from __future__ import annotations

import re
import shlex

import pytest

from conftest import ROOT

SESSION = re.compile(r"^```sh\n\$ (tspol [^\n]*)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def sessions() -> list[tuple[str, str]]:
    found = []
    for command, output in SESSION.findall((ROOT / "README.md").read_text(encoding="utf-8")):
        shown = output.split("\n...\n")[0]
        found.append((command, shown if shown.endswith("\n") else shown + "\n"))
    return found


def test_the_readme_has_sessions():
    assert [command.split()[1] for command, _ in sessions()] == ["eval", "simulate", "eval"]


@pytest.mark.parametrize("command, shown", sessions(), ids=[c for c, _ in sessions()])
def test_a_readme_session_prints_what_it_shows(cli, monkeypatch, command, shown):
    monkeypatch.chdir(ROOT)
    result = cli(*shlex.split(command)[1:])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(shown)
