"""Same input, same bytes, whatever PYTHONHASHSEED: the analysis (its areas and the
sellers Z3 finds for them), `tspol check`'s findings and the generated code of every
target, on the bundled pack, each example pack and each analysis case pack.

Each seed runs in a process of its own (the seed is read when Python starts), with
tspol's cache off, so every process computes its answer afresh.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, PACK, ROOT
from test_check_fixtures import build_pack, read_case

SEEDS = ("0", "1", "2", "3")
EXAMPLE_PACKS = sorted(p for p in (ROOT / "examples").iterdir() if (p / "policy.pol").is_file())
PACKS = [PACK, *EXAMPLE_PACKS]
CASE_FILES = sorted((FIXTURES / "analysis").glob("*.case"))
TARGETS = ("python", "ir", "duckdb", "spark")
TSPOL = [sys.executable, "-c", "from tspol.cli.main import main; main()"]


def _tspol(seed: str, *args: str, cwd: Path | None = None) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed, "TSPOL_CACHE_DIR": ""}
    result = subprocess.run([*TSPOL, *args], env=env, cwd=cwd, capture_output=True, check=False)
    assert result.returncode in (0, 1), result.stderr.decode()
    return result.stdout


def _same_for_every_seed(run) -> bytes:
    outputs = {seed: run(seed) for seed in SEEDS}
    assert len(set(outputs.values())) == 1, f"output differs by hash seed: {sorted(outputs)}"
    return outputs[SEEDS[0]]


@pytest.fixture(scope="module")
def case_packs(tmp_path_factory) -> list[Path]:
    """The analysis cases (overlaps, dead rows, gaps, monotonicity: witnesses in every
    finding) as packs, `cases/<case>/policies`."""
    root = tmp_path_factory.mktemp("cases")
    return [build_pack(read_case(case), root / case.stem) for case in CASE_FILES]


def test_the_examples_are_found():
    assert len(EXAMPLE_PACKS) >= 10


@pytest.mark.parametrize("pack", PACKS, ids=[p.name for p in PACKS])
def test_analyze_is_the_same_for_every_seed(pack):
    out = _same_for_every_seed(lambda seed: _tspol(seed, "analyze", str(pack), "--format", "json"))
    assert b'"witness"' in out


def test_analyze_of_the_cases_is_the_same_for_every_seed(case_packs):
    for pack in case_packs:
        _same_for_every_seed(lambda seed: _tspol(seed, "analyze", str(pack), "--format", "json"))


def test_check_is_the_same_for_every_seed(case_packs):
    paths = [str(p) for p in (*PACKS, *case_packs)]
    out = _same_for_every_seed(lambda seed: _tspol(seed, "check", *paths, "--format", "json"))
    assert out.count(b'"code"') >= len(case_packs)  # findings (with their sellers) were compared


def test_a_packs_findings_do_not_depend_on_the_packs_checked_before_it(case_packs):
    """Z3 keeps no state from one pack to the next (each oracle has a context of its own):
    the packs checked in one order and in the other give each pack the same findings."""
    def findings(packs) -> dict[str, list]:
        by_pack: dict[str, list] = {}
        for record in json.loads(_tspol("0", "check", *map(str, packs), "--format", "json")):
            by_pack.setdefault(record["path"].split("/policies/")[0], []).append(record)
        return by_pack

    forwards = findings(case_packs)
    assert len(forwards) >= len(case_packs) - 2  # (a case or two is clean)
    assert findings(case_packs[::-1]) == forwards


@pytest.mark.parametrize("target", TARGETS)
def test_compiled_code_is_the_same_for_every_seed(target, tmp_path):
    def written(seed: str) -> bytes:
        out = tmp_path / seed
        _tspol(seed, "compile", *map(str, PACKS), "-o", str(out), "--target", target)
        files = sorted(out.iterdir())
        assert len(files) == len(PACKS)
        return b"".join(f.name.encode() + b"\n" + f.read_bytes() for f in files)

    _same_for_every_seed(written)
