"""Tier table analysis: the bundled pack is clean, and edited copies of it
(tests/fixtures/analysis/*.case, the format of tests/fixtures/broken/) get
exactly the expected overlaps, dead rows, holes and monotonicity warnings from
`tspol check`, each with a seller that the interpreter confirms.
"""

from __future__ import annotations

import itertools
import json
from fractions import Fraction

import attrs
import pytest

from conftest import FIXTURES, PACK
from test_check_fixtures import build_pack, read_case, where
from tspol.compiler.analysis import (DEAD_ROW, HOLE, INSIDE_STANDARD, MONOTONICITY, OVERLAP,
                                     analyze_program)
from tspol.compiler.lower import lower
from tspol.dsl.loader import load_pack
from tspol.runtime.interpreter import evaluate

CASE_FILES = sorted((FIXTURES / "analysis").glob("*.case"))


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_pack_has_no_table_problems(program):
    analysis = analyze_program(program)
    assert analysis.problems == ()
    assert len(analysis.tables) == 5  # SFCR and LDR in US/SEA and UK (two tables in UK LDR)


def test_check_runs_the_analysis_by_default(cli, in_tmp):
    build_pack(read_case(FIXTURES / "analysis" / "overlap_ldr_widened.case"), in_tmp)
    result = cli("check", "policies")
    assert result.exit_code == 1
    assert "error[E501]" in result.stdout


@pytest.mark.parametrize("case_file", CASE_FILES, ids=[p.stem for p in CASE_FILES])
def test_analysis_case(case_file, in_tmp, cli, snapshot):
    case = read_case(case_file)
    build_pack(case, in_tmp)
    records = json.loads(cli("check", "policies", "--format", "json").stdout)
    assert [where(r) for r in records] == list(case.expected)
    text = cli("check", "policies")
    assert text.exit_code == (1 if any(r["severity"] == "error" for r in records) else 0)
    assert snapshot == f"{case.description}\n\n$ tspol check policies   (exit {text.exit_code})\n{text.stdout}"


@pytest.mark.parametrize("case_file", CASE_FILES, ids=[p.stem for p in CASE_FILES])
def test_every_problem_holds_for_its_sellers(case_file, tmp_path):
    program = lower(load_pack(build_pack(read_case(case_file), tmp_path)))
    for problem in analyze_program(program).problems:
        CONFIRM[problem.diagnostic.code](program, problem)


def _region_with(program, rule, table, **changes):
    """The program with one table of `rule` changed (in `rule`'s region)."""
    region = program.region(rule.region)
    tables = tuple(attrs.evolve(t, **changes) if t is table else t for t in rule.tables)
    rules = tuple(attrs.evolve(r, tables=tables) if r is rule else r for r in region.rules)
    regions = tuple(attrs.evolve(g, rules=rules) if g is region else g for g in program.regions)
    return attrs.evolve(program, regions=regions)


def _rows_fired(decision, rule) -> set[str]:
    return {v["where"] for v in decision["violations"] if v["rule"] == rule.name}


def _confirm_overlap(program, problem):
    everything = _region_with(program, problem.rule, problem.table, hit="all")
    decision = evaluate(everything, problem.sellers[0], problem.rule.region)
    assert {r.where for r in problem.rows} <= _rows_fired(decision, problem.rule)


def _confirm_hole(program, problem):
    decision = evaluate(program, problem.sellers[0], problem.rule.region)
    assert not _rows_fired(decision, problem.rule) & {r.where for r in problem.table.rows}
    for row in problem.rows:  # the rows beside it are really its neighbours
        assert row in problem.table.rows


def _penalty(decision, rule):
    mine = [v for v in decision["violations"] if v["rule"] == rule.name]
    limits = [Fraction(str(v["limit"]["percent"])) for v in mine if v["limit"]]
    return sum(v["points"] for v in mine), (min(limits) if limits else None)


def _ranks(program, decision, rule) -> list[int]:
    """The worst rank each level set gets from the rows of `rule` that fired (-1: none)."""
    rows = {row.where: row for table in rule.tables for row in table.rows}
    given = [pair for where in _rows_fired(decision, rule) for pair in rows[where].levels]
    return [max((s.rank(level) for name, level in given if name == s.name), default=-1) for s in program.levels]


def _confirm_monotonicity(program, problem):
    decisions = [evaluate(program, s, problem.rule.region) for s in problem.sellers]
    worse, better = (_penalty(d, problem.rule) for d in decisions)
    milder_limit = better[1] is not None and (worse[1] is None or worse[1] > better[1])
    milder_level = any(w < b for w, b in zip(*(_ranks(program, d, problem.rule) for d in decisions)))
    assert worse[0] < better[0] or milder_limit or milder_level


def _dead_row_sellers():
    """Sellers a dead row must not fire for: late orders up to 40 (as many cancelled), and
    late and cancelled orders apart up to 20 (the terms of a sum, max or min apart)."""
    for late, orders in itertools.product(range(0, 41), range(1, 41)):
        if late <= orders:
            yield {"late_orders": late, "orders_7d": orders, "cancelled_orders": late}
    for late, cancelled, orders in itertools.product(range(0, 21), range(0, 21), range(1, 21)):
        if late <= orders and cancelled <= orders and late != cancelled:
            yield {"late_orders": late, "orders_7d": orders, "cancelled_orders": cancelled}


def _confirm_dead(program, problem):
    (row,) = problem.rows
    for seller in _dead_row_sellers():
        decision = evaluate(program, seller, problem.rule.region)
        assert row.where not in _rows_fired(decision, problem.rule)


def _confirm_inside_standard(program, problem):
    (row,) = problem.rows
    decision = evaluate(program, problem.sellers[0], problem.rule.region)
    assert row.where in _rows_fired(decision, problem.rule)
    assert problem.rule.name not in {f["rule"] for f in decision["findings"]}  # meets the standard


CONFIRM = {OVERLAP: _confirm_overlap, HOLE: _confirm_hole, MONOTONICITY: _confirm_monotonicity,
           DEAD_ROW: _confirm_dead, INSIDE_STANDARD: _confirm_inside_standard}


def test_analyze_shows_the_coverage_map(cli, snapshot):
    result = cli("analyze", "policies", "--region", "US")
    assert result.exit_code == 0
    assert snapshot == result.stdout


def test_analyze_json(cli):
    result = cli("analyze", "policies", "--rule", "late_dispatch", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [(t["regions"], t["table"], t["hit"]) for t in data["tables"]] == [
        (["US", "SEA"], None, "exclusive"), (["UK"], "points", "exclusive"), (["UK"], "limits", "exclusive")]
    us = data["tables"][0]
    assert [r["owns"][0]["where"] for r in us["rows"]] == [
        "4% <= LDR < 10%", "10% <= LDR < 25% and late_orders >= 5", "25% <= LDR < 50% and late_orders >= 5",
        "50% <= LDR and 5 <= late_orders < 30", "50% <= LDR and late_orders >= 30"]
    assert [(u["where"], u["kind"]) for u in us["uncovered"]] == [
        ("LDR < 4%", "standard"), ("10% <= LDR and late_orders < 5", "edge")]
    assert data["diagnostics"] == []


def test_every_area_of_the_map_has_a_seller_that_lands_there(program):
    for table in analyze_program(program).tables:
        region = table.regions[0]
        for coverage in table.rows:
            for area in coverage.owns:
                decision = evaluate(program, area.seller, region)
                assert coverage.row.where in _rows_fired(decision, table.rule)
        for area in table.uncovered:
            decision = evaluate(program, area.seller, region)
            assert not _rows_fired(decision, table.rule) & {r.where for r in table.table.rows}


def test_analyze_errors(cli, in_tmp):
    result = cli("analyze", PACK, "--region", "XX")
    assert (result.exit_code, result.stderr) == (2, "tspol: unknown region `XX` (this policy has US, SEA, UK)\n")
    assert cli("analyze", PACK, "--rule", "nope").exit_code == 2
    result = cli("analyze", PACK, "--rule", "late_dispach")
    assert result.exit_code == 2
    assert result.stderr.startswith("tspol: unknown rule `late_dispach`; did you mean `late_dispatch`? (this policy has ")
    build_pack(read_case(FIXTURES / "analysis" / "overlap_ldr_widened.case"), in_tmp)
    result = cli("analyze", "policies", "--region", "US", "--rule", "late_dispatch")
    assert result.exit_code == 1
    assert "owns 30% <= LDR < 50% and late_orders >= 5" in result.stdout
    assert "error[E501]" in result.stdout


def test_analyze_a_pack_with_errors(cli, in_tmp):
    (in_tmp / "bad.pol").write_text("policy x {\n", encoding="utf-8")
    result = cli("analyze", "bad.pol")
    assert result.exit_code == 1
    assert "bad.pol:1" in result.stderr


def test_a_row_that_only_warns_inside_the_standard_is_left_alone(program):
    """W503 is about points and limits for sellers who meet the standard, not an early warning."""
    import attrs

    from tspol.dsl.intervals import Interval

    region = program.region("US")
    rule = next(r for r in region.rules if r.name == "late_dispatch")
    table = rule.tables[0]
    near = attrs.evolve(table.rows[0], index=len(table.rows) + 1, points=0, warning=True, limit=None,
                        boxes=((("LDR", Interval(lo=Fraction(3, 100), lo_closed=True, hi=Fraction(4, 100))),),))
    scoring = attrs.evolve(near, index=len(table.rows) + 2, points=1)
    for row, flagged in ((near, False), (scoring, True)):
        edited = attrs.evolve(rule, tables=(attrs.evolve(table, hit="all", rows=table.rows + (row,)),))
        us = attrs.evolve(region, rules=tuple(edited if r is rule else r for r in region.rules))
        changed = attrs.evolve(program, regions=tuple(us if r is region else r for r in program.regions))
        problems = analyze_program(changed, rule="late_dispatch", region="US").problems
        assert any(p.diagnostic.code == INSIDE_STANDARD for p in problems) is flagged
