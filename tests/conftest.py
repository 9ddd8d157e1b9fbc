"""Shared fixtures: the bundled pack, a scratch copy of it, and a CLI runner."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

# The suite speaks English whatever the machine's locale (snapshots and README sessions are
# English), and refuses a diagnostic whose words are not of the catalog (tspol.messages);
# both are inherited by the `tspol` processes tests start. Set before tspol is imported.
os.environ["TSPOL_LANG"] = "en"
os.environ["TSPOL_STRICT_MESSAGES"] = "1"

ROOT = Path(__file__).resolve().parents[1]
PACK = ROOT / "policies"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def pytest_configure(config):
    """Compiled modules and check results go to a cache of this run, not the user's; and
    tspol speaks English, whatever the machine's locale (a test of Chinese sets its own
    TSPOL_LANG or locale)."""
    os.environ["TSPOL_CACHE_DIR"] = tempfile.mkdtemp(prefix="tspol-test-cache-")
    os.environ["TSPOL_LANG"] = "en"
    os.environ["LC_ALL"] = os.environ["LANG"] = "C.UTF-8"
    os.environ.pop("LC_MESSAGES", None)


def pytest_unconfigure(config):
    shutil.rmtree(os.environ.get("TSPOL_CACHE_DIR", ""), ignore_errors=True)


@pytest.fixture(scope="session")
def pack():
    from tspol.dsl.loader import load_pack

    return load_pack(PACK)


@pytest.fixture(scope="session")
def program(pack):
    from tspol.compiler.lower import lower

    return lower(pack)


def edited_pack(root: Path, replacements=(), additions=(), removals=()) -> Path:
    """A copy of the bundled pack (without its examples) at `root/policies`, edited:
    each (file, old, new) replacement must match exactly once."""
    target = root / "policies"
    shutil.copytree(PACK, target, ignore=shutil.ignore_patterns("*.jsonl", "examples"))
    for name, old, new in replacements:
        file = target / name
        text = file.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"the text to replace occurs {text.count(old)} times in {name}:\n{old}"
        file.write_text(text.replace(old, new), encoding="utf-8")
    for name, text in additions:
        (target / name).write_text(text, encoding="utf-8")
    for name in removals:
        (target / name).unlink()
    return target


@pytest.fixture
def pack_copy(tmp_path) -> Path:
    """A writable copy of the bundled pack, for tests that edit policy text."""
    target = tmp_path / "policies"
    shutil.copytree(PACK, target, ignore=shutil.ignore_patterns("*.jsonl", "examples"))
    return target


@pytest.fixture
def raw_messages(monkeypatch):
    """For a test that builds diagnostics of its own words, not of the catalog."""
    from tspol import messages

    monkeypatch.setattr(messages, "STRICT", False)


@pytest.fixture
def cli(monkeypatch):
    """Run `tspol ...` in-process; returns click's Result."""
    from tspol.cli.main import cli as group

    runner = CliRunner()

    def run(*args, input=None):
        return runner.invoke(group, [str(a) for a in args], input=input, catch_exceptions=False)

    return run


def _spark_missing() -> str | None:
    """Why the Spark tier cannot run here, or None."""
    try:
        import pandas  # noqa: F401
        import pyarrow  # noqa: F401
        import pyspark  # noqa: F401
        import sqlglot  # noqa: F401
    except ImportError as exc:
        return f"needs {exc.name}: pip install -e '.[dev,spark]'"
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        return "needs Java 17: apt-get install openjdk-17-jre-headless"
    return None


@pytest.fixture(scope="session")
def spark():
    """The one local SparkSession of the Spark tier (`pytest -m spark`), as
    `tspol.spark.session()` makes it; skipped with the reason where Spark cannot run,
    failed instead with TSPOL_REQUIRE_SPARK=1 (as `.ci/run` sets it)."""
    reason = _spark_missing()
    if reason:
        if os.environ.get("TSPOL_REQUIRE_SPARK"):
            pytest.fail(f"TSPOL_REQUIRE_SPARK is set and Spark cannot run: {reason}")
        pytest.skip(reason)
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    import tspol.spark

    session = tspol.spark.session()
    assert session.conf.get("spark.sql.shuffle.partitions") == "1"
    assert session.conf.get("spark.ui.enabled") == "false"
    yield session
    session.stop()
