"""The compiled module's shortcuts say exactly what the long way says.

`_read` takes a quick path when a dict gives every input as a plain, plainly
valid int or float, and hands anything else to `_read_each`; a tier table
whose rows all lie outside the metric's standard is tested only for a seller
with that finding. Each case here puts one value or one edit where a shortcut
could go wrong, and the interpreter (which has no shortcuts) must agree.
"""

from __future__ import annotations

import ast
import json
import math
from decimal import Decimal
from fractions import Fraction

import pytest

from conftest import edited_pack
from eval_engines import compiled_module, interpreted
from tspol.compiler.lower import lower
from tspol.compiler.pygen import generate
from tspol.dsl.loader import load_pack
from tspol.runtime.metrics import MetricsError

# A seller of the bundled pack giving every input, each valid.
COMPLETE = {
    "orders_7d": 200, "cancelled_orders": 12, "late_orders": 30, "avg_daily_orders_4w": 28.5,
    "orders_30d": 800, "non_cancelled_orders_30d": 790, "negative_reviews_30d": 4,
    "buyer_disputes_30d": 50, "seller_fault_disputes_30d": 3, "seller_fault_return_requests_30d": 40,
    "resolved_return_requests_30d": 39, "defect_returns_30d": 10, "avg_first_response_minutes": 45,
    "buyer_messages": 120, "replied_within_24h": 100, "replied_within_48h": 118,
}
# Values that are valid, valid only the long way (converted or exact), or bad.
VALUES = [0, 7, 10**30, 7.0, 7.5, -0.0, 0.1, -1, -1.5, True, False, None, "7", math.nan, math.inf, -math.inf,
          Decimal("7"), Decimal("7.25"), Decimal("NaN"), Fraction(15, 2), Fraction(14, 2), [7], {"n": 7}]


def outcome(run, metrics, region="US", lang="en"):
    try:
        return json.dumps(run(metrics, region, lang), ensure_ascii=False)
    except MetricsError as exc:
        return ("error", exc.code, exc.key, exc.message)
    except ValueError as exc:
        if hasattr(exc, "code"):
            return ("error", exc.code, exc.key, exc.message)
        raise


@pytest.fixture(scope="module")
def engines(program):
    return compiled_module(program).evaluate, interpreted(program)


def test_the_quick_path_is_taken_for_the_complete_seller(program):
    """Not a test that cannot fail: the quick path must exist and accept this seller."""
    module = compiled_module(program)
    assert module._read(COMPLETE) == tuple(COMPLETE[name] for name in module.INPUTS)
    assert "_read_each" in generate(program)


@pytest.mark.parametrize("name", list(COMPLETE))
def test_every_value_in_every_place_of_a_complete_seller(engines, name):
    compiled, interpreter = engines
    for value in VALUES:
        metrics = dict(COMPLETE, **{name: value})
        assert outcome(compiled, metrics) == outcome(interpreter, metrics), (name, value)


@pytest.mark.parametrize("metrics", [
    dict(COMPLETE, cancelled_orders=201),  # a part above its total
    dict(COMPLETE, orders_7d=11),  # a total below its parts
    dict(COMPLETE, replied_within_48h=121),
    dict(COMPLETE, orders_7d=0, cancelled_orders=0, late_orders=0),  # a zero denominator
    dict(COMPLETE, unknown_input=1),  # one key too many
    {**{k: v for k, v in COMPLETE.items() if k != "late_orders"}, "late_order": 3},  # as many keys, one unknown
    {k: v for k, v in COMPLETE.items() if k != "late_orders"},  # one input not given
])
def test_complete_sellers_with_one_thing_wrong_or_unusual(engines, metrics):
    compiled, interpreter = engines
    assert outcome(compiled, metrics) == outcome(interpreter, metrics)


def test_a_mapping_that_is_not_a_dict_takes_the_long_way(engines):
    from types import MappingProxyType

    compiled, interpreter = engines
    metrics = MappingProxyType(dict(COMPLETE))
    assert outcome(compiled, metrics) == outcome(interpreter, metrics)


def _row_tests(source: str) -> list[str]:
    """The first line of the `if`/`elif` tests that late_dispatch's tier rows in the
    function deciding US (and SEA) are sorted by: where LDR is below 50%."""
    body = source[source.index("def _evaluate_US"):source.index("def _evaluate_UK")]
    lines = body[body.index("# rule late_dispatch"):body.index("# rule defect_return_rate")].splitlines()
    found = []
    for at, line in enumerate(lines):
        if "late_orders * 100 < 50 * orders_7d" in line:
            while not lines[at].lstrip().startswith(("if ", "elif ", "if (", "elif (")):
                at -= 1  # a condition broken over lines: the line it starts on
            found.append(lines[at])
    return found


def test_rows_outside_the_standard_are_tested_under_the_finding(program):
    (line,) = _row_tests(generate(program))
    assert line.startswith(" " * 12 + "elif ")  # inside `else:` and inside the finding's `if`
    ast.parse(generate(program))


def test_a_row_inside_the_standard_is_tested_for_every_seller(tmp_path):
    """A row that reaches into the standard (LDR < 4%) can fire without a finding: the
    table stays outside the finding's `if`, and both engines still agree everywhere."""
    pack = edited_pack(tmp_path, replacements=[(
        "fulfilment.pol",
        "    when 4% <= LDR < 10% then warning\n    when 10% <= LDR < 25% and late_orders >= 5 then points 3",
        "    when 3% <= LDR < 10% then warning\n    when 10% <= LDR < 25% and late_orders >= 5 then points 3",
    )])
    program = lower(load_pack(pack))
    (line,) = _row_tests(generate(program))
    assert line.startswith(" " * 8 + "elif ")
    compiled, interpreter = compiled_module(program).evaluate, interpreted(program)
    for late in range(0, 101):
        metrics = {"orders_7d": 100, "late_orders": late, "avg_daily_orders_4w": 40}
        assert outcome(compiled, metrics) == outcome(interpreter, metrics), late
