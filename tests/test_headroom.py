"""Headroom and recovery against brute force: one unit at a time, around every boundary.

`tspol.runtime.headroom` finds the fewest further units from the policy's own
boundaries; here every answer is checked by adding one unit at a time to sellers
on, just below and just above every rate and count bound of every row, in US,
SEA and UK: the answer is worse (or back within), and no smaller number is.
"""

from __future__ import annotations

import pytest

import tspol
from eval_engines import boundary_sellers
from tspol.runtime.headroom import _worse, headroom, outcome, recovery, what_if
from tspol.runtime.metrics import MetricsError

SEARCH = 400  # units tried one at a time where the answer is "no number does"


@pytest.fixture(scope="module")
def policy():
    return tspol.load()


def sellers(program):
    """The boundary sellers with a daily average (so limits have caps), every third."""
    return [dict(seller, avg_daily_orders_4w=40) for seller in list(boundary_sellers(program))[::3]]


def grown(program, seller: dict, name: str, k: int) -> dict:
    """The seller with k more of `name`, and so of every total it is part of."""
    out = dict(seller)
    while name is not None:
        out[name] += k
        name = program.input(name).part_of
    return out


def test_headroom_is_the_fewest_units_that_make_the_outcome_worse(policy):
    program, answers = policy.program, set()
    for seller in sellers(program):
        for region in program.region_names:
            before = policy.evaluate_dict(seller, region)
            for found in headroom(program, seller, region, policy.evaluate_dict):
                rule, name, more = found["rule"], found["input"], found["more"]
                last = more if more is not None else SEARCH
                for k in range(1, last + 1):
                    after = outcome(policy.evaluate_dict(grown(program, seller, name, k), region), rule)
                    if _worse(after, outcome(before, rule)):
                        assert k == more, (seller, region, found)
                        assert after == {k: v for k, v in found["then"].items() if k not in ("metric", "value")}
                        break
                else:
                    assert more is None, (seller, region, found)
                answers.add((region, rule, more is None))
    assert len(answers) >= 12  # every region, several rules, some with and some without an answer


def test_recovery_is_the_fewest_good_orders_back_within_the_standard(policy):
    program, tried = policy.program, 0
    for seller in sellers(program):
        for region in program.region_names:
            for found in recovery(program, seller, region, policy.evaluate_dict):
                metric = program.metric(found["metric"])

                def back(k):
                    findings = policy.evaluate_dict(grown(program, seller, found["input"], k), region)["findings"]
                    return not any(f["rule"] == found["rule"] for f in findings)

                def fires(k, table, row):
                    decision = policy.evaluate_dict(grown(program, seller, found["input"], k), region)
                    return any((v["rule"], v["table"], v["row"]) == (found["rule"], table, row)
                               for v in decision["violations"])

                if metric.standard is not None:
                    more = found["more"]
                    assert more is not None, found  # more good orders always dilute a rate
                    assert back(more) and not any(back(k) for k in range(max(1, more - SEARCH), more))
                for below in found["below"]:
                    more = below["more"]
                    assert not fires(more, below["table"], below["row"]), (seller, region, found)
                    assert all(fires(k, below["table"], below["row"]) for k in range(max(1, more - SEARCH), more))
                tried += 1
    assert tried > 100


def test_the_words_of_the_readme_example(policy):
    seller = {"orders_7d": 40, "late_orders": 3, "avg_daily_orders_4w": 30}
    (late,) = [h for h in headroom(policy.program, seller, "US", policy.evaluate_dict) if h["rule"] == "late_dispatch"]
    assert late == {"rule": "late_dispatch", "input": "late_orders", "with": ["orders_7d"], "more": 2,
                    "then": {"points": 3, "warning": False, "metric": "LDR", "value": "5/42",
                             "rows": [{"table": None, "row": 2, "points": 3, "warning": False, "limit": None}]}}
    (back,) = recovery(policy.program, seller, "US", policy.evaluate_dict)
    assert back == {"rule": "late_dispatch", "metric": "LDR", "input": "orders_7d", "more": 36,
                    "below": [{"table": None, "row": 1, "more": 36}]}


def test_what_if_grows_a_part_with_its_total(policy):
    changed = what_if(policy.program, {"orders_7d": 40, "late_orders": 12}, "US", {"late_orders": ("+", 16)},
                      policy.evaluate_dict)
    assert changed["changes"] == {"late_orders": "+16"}
    assert changed["metrics"] == {"orders_7d": 56, "late_orders": 28}
    assert changed["decision"]["points"] == 6
    exact = what_if(policy.program, {"orders_7d": 40, "late_orders": 12}, "US", {"orders_7d": ("=", 49)},
                    policy.evaluate_dict)
    assert exact["metrics"] == {"orders_7d": 49, "late_orders": 12} and exact["decision"]["points"] == 3
    assert exact["changes"] == {"orders_7d": "49"}


def test_a_change_is_written_exactly():
    from fractions import Fraction

    from tspol.runtime.headroom import change_text

    assert [change_text(c) for c in (("+", Fraction(3)), ("+", Fraction("-0.5")), ("=", Fraction("0.05")),
                                     ("+", Fraction("123456789.123456789123456789")))] == \
        ["+3", "-0.5", "0.05", "+123456789.123456789123456789"]


def test_what_if_refuses_what_cannot_be(policy):
    program = policy.program
    with pytest.raises(MetricsError) as above:
        what_if(program, {"orders_7d": 40, "late_orders": 12}, "US", {"late_orders": ("=", 41)}, policy.evaluate_dict)
    assert above.value.code == "E606"
    with pytest.raises(ValueError, match="no input `late`"):
        what_if(program, {"orders_7d": 40}, "US", {"late": ("+", 1)})
    with pytest.raises(ValueError, match="`late_orders` is not given"):
        what_if(program, {"orders_7d": 40}, "US", {"late_orders": ("+", 1)})


def test_headroom_needs_good_metrics_and_a_region(policy):
    with pytest.raises(MetricsError) as bad:
        headroom(policy.program, {"orders_7d": -1}, "US")
    assert bad.value.code == "E604"
    with pytest.raises(MetricsError) as region:
        recovery(policy.program, {"orders_7d": 1}, "EU")
    assert region.value.code == "E607"
