"""Every tier boundary of US, SEA and UK, from the case table tests/cases/boundaries.jsonl.

Each case states the points, the rows that fire, the warning, the metrics outside
their standard and, where a limit fires, its daily cap; both engines must agree on the whole decision, and the decisions
(English and Chinese) are pinned in a snapshot.
"""

from __future__ import annotations

import json

import pytest

from eval_engines import compiled_module, fired, interpreted, read_cases

CASES = read_cases("boundaries.jsonl")


@pytest.fixture(scope="module")
def engines(program):
    return {"interpreter": interpreted(program), "compiled": compiled_module(program).evaluate}


def test_every_tier_row_of_every_region_is_covered(program):
    rows = {f"{rule.region}:{rule.name}{'/' + t.name if t.name else ''}#{row.index}"
            for region in program.regions for rule in region.rules for t in rule.tables for row in t.rows}
    covered = {f"{case['region']}:{row}" for case in CASES for row in case["expect"]["fires"]}
    assert rows - covered == set()


@pytest.mark.parametrize("case", CASES, ids=[f"{c['region']}: {c['name']}" for c in CASES])
@pytest.mark.parametrize("engine", ["interpreter", "compiled"])
def test_boundary_case(engines, engine, case):
    decision = engines[engine](case["metrics"], case["region"])
    expect = case["expect"]
    assert decision["points"] == expect["points"]
    assert fired(decision) == expect["fires"]
    assert [f["metric"] for f in decision["findings"]] == expect["findings"]
    assert decision["warning"] is expect["warning"]
    if "caps" in expect:  # the daily cap of each limit, worked out by hand (D9)
        assert [v["limit"]["daily_cap"] for v in decision["violations"] if v["limit"]] == expect["caps"]
    assert decision["points"] == sum(v["points"] for v in decision["violations"])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_engines_agree_on_every_case(engines, lang):
    for case in CASES:
        expected = json.dumps(engines["interpreter"](case["metrics"], case["region"], lang), ensure_ascii=False)
        actual = json.dumps(engines["compiled"](case["metrics"], case["region"], lang), ensure_ascii=False)
        assert actual == expected, case["name"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_boundary_decisions_snapshot(engines, lang, snapshot):
    """One line per case, so a policy edit shows as the cases whose decision changed."""
    lines = [json.dumps({"case": f"{c['region']}: {c['name']}",
                         "decision": engines["compiled"](c["metrics"], c["region"], lang)}, ensure_ascii=False)
             for c in CASES]
    assert "\n".join(lines) == snapshot
