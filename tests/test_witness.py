"""Witness sellers are exact: each number is written in JSON as the very value the
box was solved with, so `tspol eval` (and any reader of JSON) gets that seller and
no other, however large or fine the numbers of the policy are.
"""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from tspol.compiler.witness import NONNEGATIVE, Quantity, Vocabulary, exact, seller_for
from tspol.dsl.intervals import Interval

NUMBER = Vocabulary({"x": Quantity("x", "number", None, NONNEGATIVE)})


def read_back(seller: dict) -> dict[str, Fraction]:
    """The seller as a JSON line and read back, both as a float reader and as an exact
    decimal reader (what `tspol eval` does with long numbers) sees it; they must agree."""
    text = json.dumps(seller)
    floats = exact(json.loads(text))
    decimals = {name: Fraction(value) for name, value in json.loads(text, parse_float=Decimal).items()}
    assert floats == decimals, text
    return decimals


def assert_exact_witness(box: dict[str, Interval]) -> dict | None:
    seller = seller_for(NUMBER, box)
    if seller is not None:
        values = read_back(seller)
        for name, interval in box.items():
            assert interval.contains(values[name]), (seller, interval)
    return seller


def test_a_large_value_between_two_whole_numbers_is_written_exactly_or_not_at_all():
    # 10**16 + 1/2 is not a float: written as one, it would read back as 10**16, outside the box
    assert_exact_witness({"x": Interval(Fraction(10**16), False, Fraction(10**16 + 1), False)})


def test_a_narrow_box_still_has_a_seller():
    lo, hi = Fraction("0.1234567891"), Fraction("0.1234567892")
    seller = assert_exact_witness({"x": Interval(lo, False, hi, False)})
    assert seller is not None


def test_a_point_without_a_decimal_has_no_seller():
    assert seller_for(NUMBER, {"x": Interval.point(Fraction(1, 3))}) is None
    assert assert_exact_witness({"x": Interval.point(Fraction(1, 8))}) == {"x": 0.125}


bounds = st.one_of(
    st.fractions(min_value=0, max_value=10**6, max_denominator=10**12),
    st.decimals(min_value=0, max_value=10**20, places=12, allow_nan=False, allow_infinity=False).map(Fraction),
    st.integers(0, 10**18).map(lambda n: Fraction(n) + Fraction(1, 2)),
)


widths = st.one_of(bounds, st.fractions(min_value=0, max_value=1, max_denominator=10**12))


@settings(max_examples=300, deadline=None)
@given(lo=bounds, width=widths, lo_closed=st.booleans(), hi_closed=st.booleans())
def test_every_witness_reads_back_exactly(lo, width, lo_closed, hi_closed):
    box = {"x": Interval(lo, lo_closed, lo + width, hi_closed)}
    seller = assert_exact_witness(box)
    if width >= Fraction(1, 10**6) and lo + width < 10**8:  # room for a decimal of 15 digits
        assert seller is not None, box


def test_every_witness_the_pack_reports_reads_back_exactly(program, tmp_path):
    from conftest import FIXTURES
    from test_check_fixtures import build_pack, read_case
    from tspol.compiler.analysis import analyze_program
    from tspol.compiler.cases import boundary_cases
    from tspol.compiler.lower import lower
    from tspol.compiler.semdiff import diff_programs
    from tspol.dsl.loader import load_pack

    sellers = [case.metrics for case in boundary_cases(program)]
    for table in analyze_program(program).tables:
        sellers += [a.seller for row in table.rows for a in row.owns if a.seller is not None]
        sellers += [a.seller for a in table.uncovered if a.seller is not None]
    edited = lower(load_pack(build_pack(read_case(FIXTURES / "analysis" / "overlap_ldr_widened.case"), tmp_path)))
    sellers += [change.witness for change in diff_programs(program, edited).changes]
    assert len(sellers) > 100
    for seller in sellers:
        assert read_back(seller) == exact(seller)


@given(st.integers(min_value=0, max_value=10**48 - 1), st.integers(min_value=0, max_value=30))
def test_the_solvers_json_number_keeps_every_digit(digits, places):
    """A value near 10**18 with 30 decimal places has 48 digits; Decimal arithmetic rounds
    to 28 (the witness of `x > 999999999999999999` came out as that very number, and
    check failed on its own AssertionError)."""
    from tspol.compiler.solver import json_number

    value = Fraction(digits, 10**places)
    assert Fraction(str(json_number(value))) == value  # read back as JSON readers do: from its text


def test_a_bound_next_to_the_largest_value_gets_a_witness(cli, tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "p.pol").write_text(
        'policy p { version "1" effective 2024-01-01 }\nregion US\ninput orders: number\nmetric big = orders\n'
        "rule r in US {\n  on big\n  table {\n    when big > 999999999999999999 then points 1\n  }\n}\n",
        encoding="utf-8")
    assert cli("check", pack).exit_code == 0
    shown = cli("analyze", pack)
    assert shown.exit_code == 0 and 'e.g. {"orders": 999999999999999999.000000000000000000000000000001}' in shown.output
