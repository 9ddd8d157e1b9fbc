"""Shared fixtures: the bundled pack, a scratch copy of it, and a CLI runner."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
PACK = ROOT / "policies"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def pack():
    from tspol.dsl.loader import load_pack

    return load_pack(PACK)


@pytest.fixture(scope="session")
def program(pack):
    from tspol.compiler.lower import lower

    return lower(pack)


@pytest.fixture
def pack_copy(tmp_path) -> Path:
    """A writable copy of the bundled pack, for tests that edit policy text."""
    target = tmp_path / "policies"
    shutil.copytree(PACK, target, ignore=shutil.ignore_patterns("*.jsonl", "examples"))
    return target


@pytest.fixture
def cli(monkeypatch):
    """Run `tspol ...` in-process; returns click's Result."""
    from tspol.cli.main import cli as group

    runner = CliRunner()

    def run(*args, input=None):
        return runner.invoke(group, [str(a) for a in args], input=input, catch_exceptions=False)

    return run
