"""The README's language example (the block under "## The language") checks on
its own, as printed: a new user copies it into a file and runs `tspol check`,
and it must declare every input, region, measure and reason it names.
"""

from __future__ import annotations

import re

import pytest

from conftest import ROOT

BLOCK = re.compile(r"^## The language\n.*?^```\n(.*?)^```", re.MULTILINE | re.DOTALL)


def language_example() -> str:
    return BLOCK.search((ROOT / "README.md").read_text(encoding="utf-8")).group(1)


def test_the_language_example_checks_clean_on_its_own(cli, tmp_path, monkeypatch):
    (tmp_path / "example.pol").write_text(language_example(), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TSPOL_CACHE_DIR", "")
    result = cli("check", "example.pol")
    assert (result.exit_code, result.stdout) == (0, ""), result.output
