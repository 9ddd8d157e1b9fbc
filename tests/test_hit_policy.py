"""Hit policies in both engines: an exclusive table fires its first matching row,
an `all` table every matching row. The pack's tables are all exclusive, so this
uses an edited copy with an `all` table whose rows overlap."""

from __future__ import annotations

import json

import pytest

from conftest import edited_pack
from eval_engines import boundary_sellers, compiled_module
from tspol.compiler.lower import lower
from tspol.dsl.loader import load_pack
from tspol.runtime import interpreter

OVERLAPPING_LIMITS = ("fulfilment.pol",
                      "  table limits {\n    when 50% <= LDR < 60% then limit 7d at 30% avg4w",
                      "  table limits all {\n    when 50% <= LDR < 70% then limit 7d at 30% avg4w")


@pytest.fixture(scope="module")
def program_with_all_table(tmp_path_factory):
    return lower(load_pack(edited_pack(tmp_path_factory.mktemp("all"), [OVERLAPPING_LIMITS])))


def limit_rows(decision, table="limits"):
    return [v["row"] for v in decision["violations"] if v["table"] == table]


@pytest.mark.parametrize("late, rows", [(9, []), (10, [1]), (11, [1]), (12, [1, 2]), (13, [1, 2]), (14, [2]), (20, [2])])
def test_an_all_table_fires_every_matching_row(program_with_all_table, late, rows):
    module = compiled_module(program_with_all_table)
    metrics = {"orders_7d": 20, "late_orders": late, "avg_daily_orders_4w": 50}
    compiled = module.evaluate(metrics, "UK")
    assert limit_rows(compiled) == rows
    assert compiled == interpreter.evaluate(program_with_all_table, metrics, "UK")


def test_engines_agree_on_every_boundary_with_an_all_table(program_with_all_table):
    module = compiled_module(program_with_all_table)
    for metrics in boundary_sellers(program_with_all_table):
        expected = json.dumps(interpreter.evaluate(program_with_all_table, metrics, "UK"))
        assert json.dumps(module.evaluate(metrics, "UK")) == expected, metrics
