"""The compiled module and the interpreter agree exactly, everywhere.

The sellers come from the IR, so the test follows the policy: every bound of
every row, standard and `only if` becomes exact-boundary sellers (on it, one
order below, one above), and hypothesis adds thousands of mixed sellers around
them, with inputs absent, zero denominators, exact decimals, binary floats,
fractions, and bad values. Decisions must be byte-identical JSON; bad inputs
must raise the same error (code, key, message) from both.
"""

from __future__ import annotations

import json
import math
import os
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from eval_engines import boundary_sellers, compiled_module, count_bounds, rate_bounds
from packgen import Brute, packs
from tspol.diagnostics import TspolError
from tspol.runtime import decision, interpreter
from tspol.runtime.metrics import MetricsError
from tspol.workspace import Workspace


ENCODE = json.JSONEncoder(ensure_ascii=False).encode


@pytest.fixture(scope="module")
def module(program):
    return compiled_module(program)


def outcome(run, metrics, region, lang):
    """The decision as JSON text, or the error it raised as a tuple."""
    try:
        return json.dumps(run(metrics, region, lang), ensure_ascii=False)
    except MetricsError as exc:
        return ("MetricsError", exc.code, exc.key, exc.message)
    except ValueError as exc:
        if hasattr(exc, "code"):  # the compiled module's MetricsError
            return ("MetricsError", exc.code, exc.key, exc.message)
        return ("ValueError", str(exc))


def assert_agree(program, module, metrics, region, lang="en"):
    """Both engines decide alike, the module's `evaluate_json` writes its decision as
    the JSON encoder does, and its lean `decide` is what the lean projection keeps
    of the interpreter's decision (or each raises the same error)."""
    expected = outcome(lambda m, r, l: interpreter.evaluate(program, m, r, l), metrics, region, lang)
    actual = outcome(module.evaluate, metrics, region, lang)
    assert actual == expected, (metrics, region, lang)
    text = outcome(lambda m, r, l: json.loads(module.evaluate_json(m, r, l)), metrics, region, lang)
    assert text == expected, (metrics, region, lang)
    if not isinstance(expected, tuple):  # the very bytes `tspol eval` writes
        assert module.evaluate_json(metrics, region, lang) == ENCODE(module.evaluate(metrics, region, lang))
    lean = outcome(lambda m, r, l: module.decide(m, r), metrics, region, lang)
    assert lean == outcome(lambda m, r, l: interpreter.decide(program, m, r), metrics, region, lang)
    if not isinstance(expected, tuple):
        assert lean == json.dumps(decision.lean(json.loads(expected)), ensure_ascii=False)
    return expected


def test_engines_agree_on_every_exact_boundary(program, module):
    sellers = list(boundary_sellers(program))
    assert len(sellers) > 300
    caps = (None, 0, 9, 10, 123, Decimal("129.99"), 130.5, Fraction(1000, 3))
    for i, seller in enumerate(sellers):
        cap = caps[i % len(caps)]
        if cap is not None:
            seller = {**seller, "avg_daily_orders_4w": cap}
        for region in program.region_names:
            assert_agree(program, module, seller, region, "zh" if i % 5 == 0 else "en")


def test_decisions_change_at_the_boundaries(program, module):
    """Not a vacuous agreement: the boundary sellers reach every row of every table."""
    reached = set()
    for seller in boundary_sellers(program):
        for region in program.region_names:
            for v in module.evaluate(seller, region)["violations"]:
                reached.add((region, v["rule"], v["table"], v["row"]))
    every_row = {(rule.region, rule.name, t.name, row.index)
                 for region in program.regions for rule in region.rules for t in rule.tables for row in t.rows}
    assert every_row <= reached


# ---- hypothesis: thousands of mixed sellers

def _near(bounds, total):
    """Counts at and around `bound * total` for each bound, kept within [0, total]."""
    points = set()
    for b in bounds:
        x = b * total
        for v in (math.floor(x) - 1, math.floor(x), math.ceil(x), math.ceil(x) + 1):
            if 0 <= v <= total:
                points.add(v)
    return sorted(points) or [0]


def plan(program):
    """What the seller strategy needs, read from the IR once: per shared denominator,
    its boundary scales, and per numerator the rate bounds and count edges near it."""
    rates, counts = rate_bounds(program), count_bounds(program)
    groups: dict[str, list] = {}
    for metric in program.metrics:
        if metric.denominator:
            groups.setdefault(metric.denominator, []).append(metric)
    out = []
    for denominator, metrics in groups.items():
        quotients = sorted({b.denominator for m in metrics for b in rates[m.name]} | {1})
        totals = sorted({q * k for q in quotients for k in range(0, 13)}
                        | {math.lcm(*quotients) * k for k in range(1, 6)}
                        | {e + d for e in counts[denominator] for d in (-1, 0, 1) if e + d >= 0})
        numerators = [(m.numerator, sorted(rates[m.name]), sorted(counts[m.numerator])) for m in metrics]
        out.append((denominator, totals, numerators))
    others = [spec.name for spec in program.inputs if spec.kind != "count"]
    return out, others, [spec.name for spec in program.inputs]


AMOUNTS = st.one_of(
    st.integers(0, 2000),
    st.integers(0, 200000).map(lambda c: Decimal(c).scaleb(-2)),
    st.floats(min_value=0, max_value=2000, allow_nan=False),
    st.tuples(st.integers(0, 20000), st.integers(1, 1000)).map(lambda t: Fraction(*t)),
    st.sampled_from([Decimal("29.99"), Decimal("30"), Decimal("30.01"), 30.0, 30.5, 0]),
)


@st.composite
def sellers(draw, shape):
    groups, others, names = shape
    seller: dict = {}
    for denominator, totals, numerators in groups:
        total = draw(st.integers(0, 400) if draw(st.booleans()) else st.sampled_from(totals))
        if draw(st.integers(0, 9)):
            seller[denominator] = total
        for numerator, bounds, edges in numerators:
            if numerator in seller or not draw(st.integers(0, 9)):
                continue
            choices = _near(bounds, total) + [e + d for e in edges for d in (-1, 0, 1) if 0 <= e + d <= total]
            how = draw(st.integers(0, 2))
            seller[numerator] = draw(st.integers(0, total)) if how == 0 else draw(st.sampled_from(choices))
    for name in others:
        if draw(st.integers(0, 4)):
            seller[name] = draw(AMOUNTS)
    if not draw(st.integers(0, 9)):  # `null` is an input not given
        seller[draw(st.sampled_from(names))] = None
    return seller


BAD_VALUES = [-1, -0.5, 1.5, Decimal("2.5"), True, False, "3", "", [], {}, float("nan"), float("inf"),
              Decimal("NaN"), Decimal("-Infinity"), Fraction(7, 2), 10**30 + 0.5]


@st.composite
def bad_sellers(draw, program, shape):
    seller = dict(draw(sellers(shape)))
    mutation = draw(st.sampled_from(["value", "unknown", "above", "not_object"]))
    if mutation == "value":
        seller[draw(st.sampled_from([i.name for i in program.inputs]))] = draw(st.sampled_from(BAD_VALUES))
    elif mutation == "unknown":
        seller[draw(st.sampled_from(["late_order", "orders", "seller_id", "LDR", "x", 3]))] = 1
    elif mutation == "above":
        part = draw(st.sampled_from([i for i in program.inputs if i.part_of]))
        seller[part.part_of] = draw(st.integers(0, 50))
        seller[part.name] = seller[part.part_of] + draw(st.integers(1, 5))
    else:
        return draw(st.sampled_from([[], "metrics", None, 5, [("orders_7d", 1)]]))
    return seller


REGIONS = st.sampled_from(["US", "SEA", "UK"])
LANGS = st.sampled_from(["en", "zh"])


@pytest.fixture(scope="module")
def shape(program):
    return plan(program)


@settings(max_examples=1200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_engines_agree_on_sellers(program, module, shape, data):
    seller = data.draw(sellers(shape))
    assert_agree(program, module, seller, data.draw(REGIONS), data.draw(LANGS))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_engines_reject_bad_sellers_alike(program, module, shape, data):
    seller = data.draw(bad_sellers(program, shape))
    assert_agree(program, module, seller, data.draw(REGIONS), data.draw(LANGS))


@pytest.mark.parametrize("region, lang", [("EU", "en"), ("us", "en"), (None, "en"), (["US"], "en"),
                                         ("US", "fr"), ("US", None)])
def test_engines_reject_bad_arguments_alike(program, module, region, lang):
    result = assert_agree(program, module, {"orders_7d": 1}, region, lang)
    assert isinstance(result, tuple)


# ---- random packs: the module's tier tables sorted by their metric decide as written

@settings(max_examples=int(os.environ.get("TSPOL_BRUTE_EXAMPLES", 40)), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(drawn=packs())
def test_engines_agree_on_random_packs(drawn):
    """Packs with rows of every shape (open and closed ends, `all` and exclusive tables,
    rows with and without the rule's metric, `only if`): the module fires the rows
    brute force fires, for every small seller, and agrees with the interpreter."""
    text, facts = drawn
    try:
        program = Workspace.of({"p.pol": text}, {"p.pol": "p.pol"}, ".").lowered()
    except TspolError:
        assume(False)
    module, brute = compiled_module(program), Brute(facts)
    for position, seller in enumerate(brute.sellers()):
        given = {name: value for name, value in seller.items() if value is not None}
        fired = [v["row"] for v in module.evaluate(given, "X")["violations"]]
        assert fired == brute.fired(seller), (text, seller)
        assert [v["row"] for v in module.decide(given, "X")["violations"]] == fired
        if position % 11 == 0:
            assert_agree(program, module, given, "X")
