"""Test helpers for packs written in a test: a pack's text to its program or its
problems, and the one differential check every construct's random packs go through.

`assert_decides_alike(drawn)` takes a pack drawn by `packgen.packs(...)` and checks
that brute force, the interpreter, the compiled module and the DuckDB query agree on
every small seller: the same rows fire, and the decisions are the same bytes.
"""

from __future__ import annotations

import pytest
from hypothesis import assume

from eval_engines import compiled_module
from packgen import Brute
from tspol.diagnostics import TspolError
from tspol.runtime import interpreter
from tspol.workspace import Workspace


def workspace_of(text: str) -> Workspace:
    return Workspace.of({"p.pol": text}, {"p.pol": "p.pol"}, ".")


def program_of(text: str):
    """The pack's program, or None where `tspol check` finds an error in it."""
    try:
        return workspace_of(text).lowered()
    except TspolError:
        return None


def problems_of(text: str) -> list[tuple[str, int]]:
    """(code, line) of every diagnostic `tspol check` gives the pack, warnings included."""
    try:
        pack = workspace_of(text).pack()
    except TspolError as error:
        return [(d.code, d.span.line) for d in error.diagnostics]
    return [(d.code, d.span.line) for d in pack.warnings]


class Unchecked:
    """What the SQL engine reads of a policy, for a pack the analysis may find errors in."""

    def __init__(self, program):
        self.program = program
        self.source_hash = program.source_hash
        self.regions = program.region_names



def seller_records(facts, every: int) -> list[dict]:
    """Every `every`-th small seller of region X brute force draws, as a table's records
    (`seller_id`, `region`, the inputs given)."""
    return [{"seller_id": str(k), "region": "X", **{n: v for n, v in seller.items() if v is not None}}
            for k, seller in enumerate(Brute(facts).sellers()) if k % every == 0]

def assert_decides_alike(drawn, *, largest: int = 6, sql_every: int = 3) -> None:
    """Brute force, the interpreter and the module fire the same rows for every small
    seller of region X; the module's decisions are the interpreter's to the byte (every
    7th seller, in both languages); so are DuckDB's (every `sql_every`-th seller)."""
    pytest.importorskip("duckdb")
    pytest.importorskip("sqlglot")
    import tspol.duckdb as tspol_duckdb
    from sql_cases import disagreements
    from test_differential import assert_agree

    text, facts = drawn
    program = program_of(text)
    assume(program is not None)
    module, brute = compiled_module(program), Brute(facts, largest=largest)
    records = []
    for position, seller in enumerate(brute.sellers()):
        given = {name: value for name, value in seller.items() if value is not None}
        rows = brute.fired(seller)
        assert [v["row"] for v in interpreter.evaluate(program, given, "X")["violations"]] == rows, (text, seller)
        assert [v["row"] for v in module.evaluate(given, "X")["violations"]] == rows, (text, seller)
        if position % 7 == 0:
            assert_agree(program, module, given, "X", "zh" if position % 2 else "en")
        records.append({"seller_id": str(position), "region": "X", **given})
    records = records[::sql_every]
    policy = Unchecked(program)
    assert disagreements(policy, records, tspol_duckdb.decisions(policy, records)) == [], text
