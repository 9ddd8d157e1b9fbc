"""`tspol cases`: boundary sellers for every row edge, in a fixed order.

Each seller is valid, sits on the side of its edge that its name says, and
together they make every row of every table fire; the output feeds
`tspol eval` as it stands, and is pinned in a snapshot.
"""

from __future__ import annotations

import json
import re
from fractions import Fraction

import pytest

from tspol.compiler.cases import RATE_STEP, boundary_cases
from tspol.runtime.interpreter import evaluate

NAME = re.compile(r"^(\S+) (\S+) (.+): (\S+) (one below|on|one above|just below|just above) (\S+)$")


def edge_value(text: str) -> Fraction:
    if text.endswith("%"):
        return Fraction(text[:-1]) / 100
    return Fraction(text.removesuffix("min"))


def value(program, name: str, metrics: dict) -> Fraction | None:
    metric = program.metric(name)
    if metric is None:
        return Fraction(metrics[name])
    if metric.denominator is None:
        return Fraction(str(metrics[metric.numerator]))
    return Fraction(metrics[metric.numerator], metrics[metric.denominator])


@pytest.fixture(scope="module")
def cases(program):
    return boundary_cases(program)


def test_each_seller_is_where_its_name_says(program, cases):
    assert len(cases) > 100
    for case in cases:
        region, rule, _, name, side, edge = NAME.match(case.seller_id).groups()
        assert region == case.region and rule in {r.name for r in program.region(region).rules}
        evaluate(program, case.metrics, case.region)  # a valid seller: no MetricsError
        v, e = value(program, name, case.metrics), edge_value(edge)
        step = RATE_STEP if program.kind(name) == "rate" else 1
        assert {"one below": v == e - 1, "on": v == e, "one above": v == e + 1,
                "just below": e - step <= v < e, "just above": e < v <= e + step}[side], case


def test_every_row_fires_for_some_case(program, cases):
    rows = {(r.region, r.name, row.where) for g in program.regions for r in g.rules for t in r.tables for row in t.rows}
    fired = set()
    for case in cases:
        decision = evaluate(program, case.metrics, case.region)
        fired |= {(case.region, v["rule"], v["where"]) for v in decision["violations"]}
    assert rows - fired == set()


def test_sellers_are_written_once_per_region(cases):
    keys = [(c.region, json.dumps(c.metrics, sort_keys=True)) for c in cases]
    assert len(keys) == len(set(keys))


def test_cases_cli_feeds_eval(cli, tmp_path, snapshot):
    result = cli("cases", "policies")
    assert result.exit_code == 0
    assert cli("cases", "policies").stdout == result.stdout
    assert snapshot == result.stdout
    lines = tmp_path / "cases.jsonl"
    lines.write_text(result.stdout, "utf-8")
    decided = cli("eval", "--policy", "policies", "--format", "json", lines)
    assert decided.exit_code == 0, decided.output
    decisions = [json.loads(line) for line in decided.stdout.splitlines()]
    assert [d["seller_id"] for d in decisions] == [json.loads(line)["seller_id"] for line in result.stdout.splitlines()]


def test_cases_of_one_region(cli):
    result = cli("cases", "policies", "--region", "UK")
    regions = {json.loads(line)["region"] for line in result.stdout.splitlines()}
    assert (result.exit_code, regions) == (0, {"UK"})
    assert cli("cases", "policies", "--region", "XX").exit_code == 2


def test_cases_of_a_broken_pack(cli, tmp_path):
    (tmp_path / "bad.pol").write_text("policy {", "utf-8")
    result = cli("cases", tmp_path / "bad.pol")
    assert result.exit_code == 1 and "bad.pol:1" in result.stderr
