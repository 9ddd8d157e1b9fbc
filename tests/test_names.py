"""Did you mean, in bounded time (tspol/runtime/names.py), and names quoted at a readable length."""

from __future__ import annotations

import difflib
import random
import time

import pytest

from tspol.diagnostics import TspolError
from tspol.runtime.names import did_you_mean, shown, suggestion

NAMES = ["late_dispatch", "dispute_rate", "US", "SEA", "UK"]


@pytest.mark.parametrize("word, expected", [
    ("us", "US"), ("Sea", "SEA"), ("late_dispach", "late_dispatch"), ("nothing like it", None), (7, None),
])
def test_suggestions(word, expected):
    assert suggestion(word, NAMES) == expected


def test_the_bound_never_changes_a_suggestion():
    """A word 7/3 times longer than every name cannot reach difflib's cutoff: skipping it loses nothing."""
    rng = random.Random(9)
    for _ in range(3000):
        word = "".join(rng.choice("late_dispchUSE") for _ in range(rng.randint(1, 45)))
        plain = difflib.get_close_matches(word, sorted(NAMES), n=1)
        if not any(word.casefold() == name.casefold() for name in NAMES):
            assert suggestion(word, NAMES) == (plain[0] if plain else None), word


def test_a_huge_name_costs_nothing():
    huge, longer = "x" * 50_000_000, "late_dispatch" * 4_000_000
    began = time.perf_counter()
    assert suggestion(huge, NAMES) is None and did_you_mean(longer, NAMES) == ""
    assert time.perf_counter() - began < 0.01  # compared, 50 MB would take seconds


def test_names_are_quoted_short_and_printable():
    assert shown("late_dispatch") == "late_dispatch"
    assert shown("x" * 1000) == "x" * 57 + "..."
    assert shown("a\ud800") == "a\\ud800"


def test_a_huge_unknown_rule_or_key_in_events_is_reported_briefly(program):
    from tspol.runtime.ledger import Ledger

    huge = "late_dispatch" * 2_000_000  # 26 MB
    began = time.perf_counter()
    for event in ({"rule": huge}, {huge: 1}):
        with pytest.raises(TspolError) as raised:
            Ledger(program, [{"date": "2024-01-01", "kind": "violation", "id": "v1", "rule": "late_dispatch",
                              "points": 1, **event}], region="US")
        (diagnostic,) = raised.value.diagnostics
        assert len(diagnostic.message) < 200 and len(diagnostic.key) < 100 and diagnostic.help is None
    assert time.perf_counter() - began < 2
