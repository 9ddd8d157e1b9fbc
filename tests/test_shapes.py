"""Shapes of tables the analysis once got wrong, as data (tests/fixtures/shapes/*.case).

Each case is a whole pack and, for every row of its one table, the verdict (`fires`,
with a seller, or `dead`). The analysis must give each verdict: a row called dead
has no seller at all, a row that fires owns an area whose seller the interpreter
confirms. The seller written in the case is confirmed by the interpreter too.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import FIXTURES
from tspol.compiler.analysis import DEAD_ROW, analyze_program
from tspol.runtime.interpreter import evaluate
from tspol.workspace import Workspace

CASES = sorted((FIXTURES / "shapes").glob("*.case"))


def read(path: Path) -> tuple[str, list[tuple[int, str, dict | None]]]:
    text = path.read_text(encoding="utf-8")
    pack = text.split("@@ pack\n", 1)[1].split("@@ rows\n", 1)[0]
    rows = []
    for line in text.split("@@ rows\n", 1)[1].splitlines():
        index, verdict, *seller = line.split(" ", 2)
        rows.append((int(index), verdict, json.loads(seller[0]) if seller else None))
    return pack, rows


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_every_row_gets_its_verdict(path):
    pack, rows = read(path)
    program = Workspace.of({"p.pol": pack}, {"p.pol": "p.pol"}, ".").lowered()
    analysis = analyze_program(program)
    dead = {p.rows[0].index for p in analysis.problems if p.diagnostic.code == DEAD_ROW}
    (table,) = analysis.tables
    region = program.regions[0].name
    for index, verdict, seller in rows:
        assert (index in dead) == (verdict == "dead"), (index, verdict)
        coverage = table.rows[index - 1]
        assert bool(coverage.owns) == (verdict == "fires")
        for given in [seller] * (seller is not None) + [area.seller for area in coverage.owns]:
            fired = [v["row"] for v in evaluate(program, given, region)["violations"]]
            assert index in fired, (given, fired)
