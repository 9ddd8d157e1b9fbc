"""Reading events: the values, the line numbers, every problem of a file in one
error, and never anything but a `TspolError` whatever the input.

The table of bad event files is data in tests/fixtures/ledger/error_*.case.
"""

from __future__ import annotations

import datetime
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tspol.diagnostics import TspolError
from tspol.runtime.events import (
    AppealEvent,
    BadValue,
    EventLog,
    HoldEvent,
    LinkEvent,
    MetricsEvent,
    ViolationEvent,
    events_from_records,
    parse_date,
    parse_events,
    read_events,
)


def lines(*records) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


def problems(text: str) -> list[tuple]:
    with pytest.raises(TspolError) as raised:
        parse_events(text, "e.jsonl")
    assert all(d.path == "e.jsonl" for d in raised.value.diagnostics)
    return [(d.line, d.key, d.code) for d in raised.value.diagnostics]


@pytest.mark.parametrize("text, expected", [
    ("2024-02-29", datetime.date(2024, 2, 29)),
    ("2023-12-31", datetime.date(2023, 12, 31)),
])
def test_dates(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("value", ["2023-02-29", "2024-1-01", "20240101", "2024-W01-1", "2024-01-01T00:00",
                                   " 2024-01-01", "2024-01-01\n", 20240101, None, ["2024-01-01"]])
def test_bad_dates(value):
    with pytest.raises(BadValue):
        parse_date(value)


def test_every_kind_reads_into_its_event():
    events = parse_events(lines(
        {"date": "2024-01-01", "kind": "violation", "id": "v1", "rule": "late_dispatch", "points": 3},
        {"date": "2024-01-01", "kind": "metrics", "id": "m1", "metrics": {"orders_7d": 1}, "note": "week 1"},
        {"date": "2024-01-02", "kind": "appeal", "violation": "v1", "outcome": "rejected"},
        {"date": "2024-01-02", "kind": "hold", "id": "h1", "violation": "v1", "days": 90, "scenario": "snad"},
        {"date": "2024-01-03", "kind": "investigation_closed", "hold": "h1"},
        {"date": "2024-01-03", "kind": "link", "account": "shop-b"},
    ), "e.jsonl")
    assert isinstance(events, EventLog) and events.path == "e.jsonl"
    assert [type(e) for e in events][:4] == [ViolationEvent, MetricsEvent, AppealEvent, HoldEvent]
    assert events[0] == ViolationEvent(1, datetime.date(2024, 1, 1), "v1", "late_dispatch", 3)
    assert events[3].scenario == "snad"
    assert events[5] == LinkEvent(6, datetime.date(2024, 1, 3), "shop-b")


def test_blank_lines_keep_the_numbering():
    events = parse_events("\n" + lines({"date": "2024-01-01", "kind": "link", "account": "a"}) + "  \n"
                          + lines({"date": "2024-01-01", "kind": "link", "account": "b"}))
    assert [e.line for e in events] == [2, 4]


def test_every_problem_of_a_file_in_line_order():
    text = lines(
        {"date": "2024-01-05", "kind": "violation", "id": "v1", "rule": "x", "points": 1},
        "{oops",
        {"date": "2024-01-04", "kind": "violation", "id": "v1", "rule": "x", "points": 1},
        {"date": "2024-01-06", "kind": {"nested": 1}},
        {"date": "2024-01-06", "kind": "appeal", "violation": "v9", "outcome": "rejected", "extra": 1},
    )
    assert problems(text) == [(2, None, "E700"), (3, "id", "E705"), (4, "kind", "E701"), (5, "extra", "E704")]


def test_an_appeal_may_follow_its_violation_on_the_same_day_but_not_precede_it():
    """D12: within a day the file's order is the order of events."""
    violation = {"date": "2024-01-01", "kind": "violation", "id": "v1", "rule": "x", "points": 1}
    early = {"date": "2024-01-01", "kind": "appeal", "violation": "v1", "outcome": "accepted"}
    assert len(parse_events(lines(violation, early))) == 2
    assert problems(lines(early, violation)) == [(1, "violation", "E707")]
    with pytest.raises(TspolError) as raised:
        parse_events(lines(early, violation), "e.jsonl")
    assert raised.value.diagnostics[0].message == (
        '"v1" is the violation on line 2, later on the same day (2024-01-01): events of one day keep the '
        "file's order, so expected the violation on a line above this appeal")


def test_records_are_numbered_from_one():
    with pytest.raises(TspolError) as raised:
        events_from_records([{"date": "2024-01-01", "kind": "link", "account": "a"}, {"kind": "link"}])
    assert [(d.path, d.line) for d in raised.value.diagnostics] == [("<events>", 2), ("<events>", 2)]


def test_unreadable_files(tmp_path):
    with pytest.raises(TspolError) as raised:
        read_events(tmp_path / "missing.jsonl")
    assert [d.code for d in raised.value.diagnostics] == ["E708"]
    (tmp_path / "latin1.jsonl").write_bytes(b"\xe9t\xe9\n")
    with pytest.raises(TspolError) as raised:
        read_events(tmp_path / "latin1.jsonl")
    assert "not UTF-8" in raised.value.diagnostics[0].message


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 200) | st.floats(allow_nan=True) | st.text(max_size=12)
    | st.sampled_from(["2024-01-01", "violation", "appeal", "hold", "link", "metrics", "investigation_closed",
                       "v1", "h1", "accepted", "rejected"]),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(
        st.sampled_from(["date", "kind", "id", "rule", "points", "metrics", "violation", "outcome", "days",
                         "scenario", "hold", "account", "note", "x"]), children, max_size=6),
    max_leaves=12)


@settings(max_examples=300, deadline=None)
@given(st.lists(json_values, max_size=6))
def test_any_records_give_events_or_a_tspol_error(records):
    try:
        events = events_from_records(records)
    except TspolError as exc:
        assert exc.diagnostics and all(d.line is not None for d in exc.diagnostics)
    else:
        assert len(events) == len(records)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=40), max_size=5))
def test_any_text_gives_events_or_a_tspol_error(text_lines):
    try:
        parse_events("\n".join(text_lines))
    except TspolError as exc:
        assert exc.diagnostics


def test_deeply_nested_json_is_a_located_error():
    from tspol.runtime.events import parse_events

    with pytest.raises(TspolError) as raised:
        parse_events('{"date": "2024-01-01", "kind": "violation", "id": "v1", "rule": "late_dispatch", '
                     '"points": 3}\n' + "[" * 100000 + "\n", "e.jsonl")
    assert [(d.line, "nested too deeply" in d.message) for d in raised.value.diagnostics] == [(2, True)]


def test_a_file_that_is_not_utf8_names_line_and_column(tmp_path):
    from tspol.runtime.events import read_events

    path = tmp_path / "e.jsonl"
    path.write_bytes(b'{"date": "2024-01-01"}\n{"kind": "\xff"}\n')
    with pytest.raises(TspolError) as raised:
        read_events(path)
    bad = [d for d in raised.value.diagnostics if d.code == "E708"]
    assert [(d.line, d.message) for d in bad] == [(2, "this line is not UTF-8 text: byte 0xff at column 11 "
                                                      "(invalid start byte)")]
    assert any(d.line == 1 and d.key == "kind" for d in raised.value.diagnostics)  # the other lines are read


def test_sellers_in_the_order_they_first_appear_and_their_events_in_ledger_order():
    """D12: a file of many sellers; `seller_ids` in the order of their first lines, though
    a later line of another seller comes first by date."""
    events = parse_events(lines(
        {"seller_id": "b", "date": "2024-01-05", "kind": "violation", "id": "v1", "rule": "x", "points": 1},
        {"seller_id": 3, "date": "2024-01-04", "kind": "link", "account": "a"},
        {"seller_id": "b", "date": "2024-01-02", "kind": "link", "account": "a"},
        {"seller_id": "a", "date": "2024-01-01", "kind": "violation", "id": "v1", "rule": "x", "points": 1},
    ), "e.jsonl")
    assert [e.line for e in events] == [4, 3, 2, 1]
    assert events.seller_ids == ("b", 3, "a")
    groups = events.by_seller()
    assert {seller: [e.line for e in log] for seller, log in groups.items()} == {"b": [3, 1], 3: [2], "a": [4]}
    assert all(log.path == "e.jsonl" for log in groups.values())
    assert parse_events("").seller_ids == (None,)
