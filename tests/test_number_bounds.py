"""Values are bounded before they are made exact: no hang, no crash, an error of the key.

A value is less than 10**18 in size and has at most 30 decimal places
(`tspol.compiler.portable`); anything else is E608 "out of range", from the
interpreter, the compiled module, the Python API and `tspol eval` alike. The
values that used to hang (`1e1000000000` built as a billion-digit integer) are
tried in a subprocess with a timeout, so a regression fails instead of hanging.
"""

from __future__ import annotations

import enum
import json
import math
import os
import subprocess
import sys
import textwrap
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tspol
from eval_engines import compiled_module
from tspol.compiler import portable
from tspol.runtime import interpreter, jsonnum
from tspol.runtime.metrics import MetricsError

TIMEOUT = 60  # seconds; each case takes milliseconds when the bounds hold


@pytest.fixture(scope="module")
def module(program):
    return compiled_module(program)


def outcome(run, metrics, region="US", lang="en"):
    """The decision, or the error it raised as (code, key)."""
    try:
        return run(metrics, region, lang)
    except (MetricsError, ValueError) as exc:  # of the interpreter, or of a compiled module
        return (exc.code, exc.key)


def both(program, module, metrics, region="US", lang="en"):
    expected = outcome(lambda m, r, l: interpreter.evaluate(program, m, r, l), metrics, region, lang)
    assert outcome(module.evaluate, metrics, region, lang) == expected, metrics
    return expected


@pytest.mark.parametrize("metrics, key", [
    ({"orders_7d": Decimal("1e5000"), "late_orders": Decimal("1e4999")}, "orders_7d"),
    ({"avg_daily_orders_4w": Decimal("1e5000")}, "avg_daily_orders_4w"),
    ({"orders_7d": 10**5000}, "orders_7d"),
    ({"orders_7d": 10**18}, "orders_7d"),
    ({"orders_7d": -(10**18)}, "orders_7d"),
    ({"avg_daily_orders_4w": Decimal("1" * 5000)}, "avg_daily_orders_4w"),
    ({"avg_daily_orders_4w": Decimal("1e-31")}, "avg_daily_orders_4w"),
    ({"avg_daily_orders_4w": Decimal("0." + "0" * 30 + "1")}, "avg_daily_orders_4w"),
    ({"avg_daily_orders_4w": 1e-40}, "avg_daily_orders_4w"),
    ({"avg_daily_orders_4w": Fraction(1, 10**30 + 1)}, "avg_daily_orders_4w"),
    ({"avg_daily_orders_4w": Fraction(10**18)}, "avg_daily_orders_4w"),
    ({"avg_first_response_minutes": 1e18}, "avg_first_response_minutes"),
    ({"orders_7d": Fraction(10**5000)}, "orders_7d"),  # str() of it is refused: it is shown by its size
    ({"avg_first_response_minutes": Fraction(1, 10**5000)}, "avg_first_response_minutes"),
])
def test_out_of_range_is_an_error_of_its_key(program, module, metrics, key):
    assert both(program, module, metrics) == ("E608", key)
    with pytest.raises(tspol.MetricsError) as caught:
        tspol.load().evaluate(metrics, "US")
    assert (caught.value.code, caught.value.key) == ("E608", key)
    assert "out of range" in caught.value.message
    assert "sys.set_int_max_str_digits" not in caught.value.message


@pytest.mark.parametrize("metrics, same_as", [
    ({"orders_7d": Decimal("40." + "0" * 5000), "late_orders": 12}, {"orders_7d": 40, "late_orders": 12}),
    ({"orders_7d": Decimal("0e1000000"), "late_orders": 0}, {"orders_7d": 0, "late_orders": 0}),
    ({"orders_7d": 40, "late_orders": 12, "avg_daily_orders_4w": Decimal("1e-30")},
     {"orders_7d": 40, "late_orders": 12, "avg_daily_orders_4w": Fraction(1, 10**30)}),
    ({"orders_7d": 40, "late_orders": 12, "avg_daily_orders_4w": Decimal("999999999999999999.999999999999999999")},
     {"orders_7d": 40, "late_orders": 12, "avg_daily_orders_4w": Fraction(10**36 - 1, 10**18)}),
    ({"orders_7d": 9007199254740994.0, "late_orders": 2.0**53}, {"orders_7d": 2**53 + 2, "late_orders": 2**53}),
    ({"orders_7d": 1e16, "late_orders": 1e15}, {"orders_7d": 10**16, "late_orders": 10**15}),
])
def test_in_range_however_written(program, module, metrics, same_as):
    decision = both(program, module, metrics)
    assert isinstance(decision, dict), decision
    assert decision == both(program, module, same_as)


class Orders(enum.IntEnum):
    FORTY = 40


class Float64(float):
    """As numpy.float64 is: a float subclass."""


class Region(str, enum.Enum):
    US = "US"


@pytest.mark.parametrize("metrics", [
    {"orders_7d": Fraction(40), "late_orders": Fraction(24, 2)},
    {"orders_7d": Orders.FORTY, "late_orders": 12},
    {"orders_7d": Float64(40.0), "late_orders": 12, "avg_daily_orders_4w": Float64(30.5)},
])
def test_whole_numbers_of_other_types_decide_as_ints(program, module, metrics):
    plain = {key: int(value) if key != "avg_daily_orders_4w" else float(value) for key, value in metrics.items()}
    decision = both(program, module, metrics)
    assert isinstance(decision, dict), decision
    assert decision == both(program, module, plain)


def test_a_region_may_be_a_str_enum(program, module):
    assert both(program, module, {"orders_7d": 40, "late_orders": 12}, Region.US)["points"] == 5


def test_a_whole_float_count_above_2_to_the_53_is_a_count():
    """`_rational` once returned Fraction(n, 1) for these: "not a whole number"."""
    for value in (2.0**53 + 2, 1e16 - 2, 123456789012345680.0):
        assert portable._rational(value) == int(value) and type(portable._rational(value)) is int
        assert portable._within("orders_7d", value, "count") == int(value)


# The values that hung or crashed, each read by every engine, in a process that may be
# stopped: `Decimal("1e1000000000").as_integer_ratio()` builds a billion-digit integer.
HANG_PRONE = [
    ('{"orders_7d": 1e1000000000, "late_orders": 1}', "orders_7d"),
    ('{"avg_daily_orders_4w": 1e-1000000000}', "avg_daily_orders_4w"),
    ('{"avg_first_response_minutes": -1e1000000000}', "avg_first_response_minutes"),
    ('{"orders_7d": 4' + "0" * 5000 + ', "late_orders": 1}', "orders_7d"),
    ('{"orders_7d": 4' + "0" * 1000000 + ', "late_orders": 1}', "orders_7d"),  # took a minute to be shown
]

ENGINES_SCRIPT = textwrap.dedent("""
    import json, sys
    from decimal import Decimal
    import tspol
    from tspol.compiler.pygen import generate
    from tspol.compiler.cache import load_source
    from tspol.runtime import interpreter

    policy = tspol.load()
    module = load_source(generate(policy.program), "<bounds>")
    results = []
    for line in sys.stdin:
        metrics = json.loads(line, parse_float=Decimal, parse_int=Decimal)
        found = []
        for run in (lambda m: interpreter.evaluate(policy.program, m, "US"), lambda m: module.evaluate(m, "US"),
                    lambda m: policy.evaluate(m, "US")):
            try:
                run(metrics)
                found.append(None)
            except Exception as exc:
                found.append([getattr(exc, "code", type(exc).__name__), getattr(exc, "key", str(exc))])
        results.append(found)
    print(json.dumps(results))
""")


def _run(args, stdin, env=None):
    return subprocess.run([sys.executable, *args], input=stdin, capture_output=True, text=True,
                          timeout=TIMEOUT, env=env)


def test_huge_exponents_do_not_hang_any_engine(tmp_path):
    env = {**os.environ, "TSPOL_CACHE_DIR": str(tmp_path / "cache")}
    done = _run(["-c", ENGINES_SCRIPT], "".join(line + "\n" for line, _ in HANG_PRONE), env)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [[["E608", key]] * 3 for _, key in HANG_PRONE]


def test_huge_exponents_do_not_hang_eval(tmp_path):
    env = {**os.environ, "TSPOL_CACHE_DIR": str(tmp_path / "cache")}
    lines = [line for line, _ in HANG_PRONE] + ['{"orders_7d": 40, "late_orders": 12}']
    done = _run(["-m", "tspol.cli.main", "eval", "--region", "US", "--format", "json"], "\n".join(lines) + "\n", env)
    assert done.returncode == 1
    out = [json.loads(line) for line in done.stdout.splitlines()]
    assert [o.get("error", {}).get("key") for o in out] == [key for _, key in HANG_PRONE] + [None]
    assert {o["error"]["code"] for o in out[:-1]} == {"E608"} and out[-1]["points"] == 5
    assert "internal error" not in done.stderr and "Traceback" not in done.stderr
    assert f"{len(HANG_PRONE)} of {len(lines)} sellers not decided" in done.stderr


def test_a_long_batch_with_huge_numbers_keeps_every_line(tmp_path):
    """Once, a line of 1e5000 past the first 20,000 lines (decided by helper processes)
    ended the run: the lines after its batch were never written."""
    env = {**os.environ, "TSPOL_CACHE_DIR": str(tmp_path / "cache")}
    good = '{"orders_7d": 40, "late_orders": 12}'
    lines = [good] * 21_000
    lines[20_500] = '{"orders_7d": 1e5000, "late_orders": 1e4999}'
    lines[20_600] = '{"avg_daily_orders_4w": 1e5000, "orders_7d": 5, "late_orders": 5}'
    path = tmp_path / "sellers.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = _run(["-m", "tspol.cli.main", "eval", "--region", "US", "--format", "json", "--jobs", "2", str(path)],
                "", env)
    assert done.returncode == 1, done.stderr
    out = done.stdout.splitlines()
    assert len(out) == 21_000
    assert json.loads(out[20_500])["error"] == {
        "code": "E608", "key": "orders_7d",
        "message": "out of range: a value must be less than 10^18 in size (at most 18 digits before the decimal "
                   "point), got 1E+5000"}
    assert json.loads(out[20_600])["error"]["key"] == "avg_daily_orders_4w"
    assert json.loads(out[-1])["points"] == 5
    assert f"{path}: 2 of 21000 sellers not decided" in done.stderr


def test_a_long_integer_is_out_of_range_not_malformed(cli):
    line = '{"seller_id": "s-9", "orders_7d": ' + "1" * 5000 + "}"
    result = cli("eval", "--region", "US", "--format", "json", input=line + "\n")
    assert result.exit_code == 1
    record = json.loads(result.stdout)
    assert record["seller_id"] == "s-9"
    assert (record["error"]["code"], record["error"]["key"]) == ("E608", "orders_7d")
    assert record["error"]["message"].endswith("got a number of 5000 digits")
    assert "malformed" not in result.stderr and "set_int_max_str_digits" not in result.stderr


# ---- the quick read of a compiled module keeps exactly what the checked read keeps

NEAR_BOUNDS = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(min_value=0, max_value=1e-12),
    st.floats(min_value=1e17, max_value=1e19),
    st.integers(min_value=10**18 - 3, max_value=10**18 + 3),
    st.sampled_from([portable._PLAIN_FLOAT, math.nextafter(portable._PLAIN_FLOAT, 0), 1e-30, 1e-31,
                     math.nextafter(1e-30, 0), 1e18, math.nextafter(1e18, 0), 0.0, -0.0, 5e-324]),
)


@settings(max_examples=300, deadline=None)
@given(average=NEAR_BOUNDS, minutes=NEAR_BOUNDS, orders=NEAR_BOUNDS)
def test_quick_and_checked_reads_agree_near_the_bounds(program, module, average, minutes, orders):
    """Every input given (the compiled module's quick read) or one left out (its checked
    read): the same answer as the interpreter, which only has the checked read."""
    full = {spec.name: 0 for spec in program.inputs}
    full.update(avg_daily_orders_4w=average, avg_first_response_minutes=minutes, orders_7d=orders)
    both(program, module, full)
    both(program, module, {k: v for k, v in full.items() if k != "buyer_messages"})


@settings(max_examples=200, deadline=None)
@given(value=st.floats(min_value=0, allow_infinity=False, allow_nan=False))
def test_a_float_and_its_json_text_decide_alike(program, module, value):
    metrics = {"orders_7d": 60, "late_orders": 30, "avg_daily_orders_4w": value}
    assert both(program, module, metrics) == both(program, module, jsonnum.loads(json.dumps(metrics)))


# ---- an unknown language is an error of the same family, from every engine

def test_an_unknown_language_is_a_metrics_error(program, module):
    assert both(program, module, {"orders_7d": 1}, lang="fr") == ("E609", "lang")
    with pytest.raises(tspol.TspolError) as caught:
        tspol.load().evaluate({"orders_7d": 1}, "US", lang="fr")
    assert isinstance(caught.value, MetricsError)
    assert (caught.value.code, caught.value.key) == ("E609", "lang")
    assert caught.value.message == "unknown language 'fr'; choose one of en, zh"
    with pytest.raises(ValueError):  # what a caller of a compiled module caught before still works
        module.evaluate({"orders_7d": 1}, "US", lang="fr")


# ---- daily caps: the share of a value, rounded, exact for every float

def _exact_share(value, numerator: int, denominator: int, up: bool) -> int:
    share = Fraction(repr(value) if isinstance(value, float) else value) * numerator / denominator
    return math.ceil(share) if up else math.floor(share)


SHARES = st.tuples(st.integers(1, 1000), st.sampled_from([100, 1000, 3, 7]), st.booleans())


@settings(max_examples=3000, deadline=None)
@given(value=st.floats(min_value=0, max_value=1e17, allow_nan=False), share=SHARES)
def test_a_share_of_any_float_is_its_decimal_share_rounded(value, share):
    assert portable._share(value, *share) == _exact_share(value, *share)


@settings(max_examples=3000, deadline=None)
@given(whole=st.integers(0, 10**14), share=SHARES, steps=st.integers(-3, 3))
def test_a_share_of_a_float_next_to_a_whole_share_is_exact(whole, share, steps):
    """Floats a few steps from a value whose share is a whole number: where the float
    share and the decimal share are closest to rounding apart."""
    numerator, denominator, up = share
    value = whole * denominator / numerator
    for _ in range(abs(steps)):
        value = math.nextafter(value, math.inf if steps > 0 else 0.0)
    assert portable._share(value, *share) == _exact_share(value, *share)


@pytest.mark.parametrize("value, numerator, denominator", [
    (1.6, 625, 1000),        # 62.5% of 1.6 is 1 exactly; the float 1.6 is a little above 1.6
    (0.7, 10, 7),            # 1 exactly; the float 0.7 is a little below 0.7
    (2.675, 40, 107), (12.5, 80, 100), (5e-324, 10, 100), (2.2250738585072014e-308, 100, 100),
    (1e16 + 2, 10, 100), (0.1 + 0.2, 10, 3), (123456789.123, 1, 1), (0.0, 10, 100),
])
def test_a_share_that_falls_on_a_whole_number_is_exact(value, numerator, denominator):
    for up in (False, True):
        assert portable._share(value, numerator, denominator, up) == _exact_share(value, numerator, denominator, up)
