"""One JSON number reader (`tspol.runtime.jsonnum`) for sellers, events and examples.

`1e400` once was a number in `tspol eval` but infinity in `tspol simulate`, and
decimals past 15 digits were rounded in simulate and by `tspol test --update`.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

import tspol
from tspol.cli import eval as eval_cli
from tspol.runtime import jsonnum
from tspol.runtime.events import parse_events
from tspol.runtime.examples import read_examples, run_file, update_file

TEXTS = ["0.1", "12.5", "129.90", "0.12345678901234567890", "1e400", "-2.5E-3", "7", "1" * 5000,
         "123456789012345.5", "1E+2"]


@pytest.mark.parametrize("text", TEXTS, ids=lambda t: t[:24])
def test_a_number_means_the_same_to_every_reader(text, tmp_path):
    value = jsonnum.loads(text)
    assert Decimal(repr(value) if type(value) is float else value) == Decimal(text)  # exactly what is written
    seller = eval_cli._decode(f'{{"avg_daily_orders_4w": {text}}}')["avg_daily_orders_4w"]
    (event,) = parse_events(f'{{"date": "2024-08-01", "kind": "metrics", "id": "m1", '
                            f'"metrics": {{"avg_daily_orders_4w": {text}}}}}\n')
    path = tmp_path / "examples.jsonl"
    path.write_text(f'{{"region": "US", "metrics": {{"avg_daily_orders_4w": {text}}}}}\n', encoding="utf-8")
    (example,) = read_examples(path)
    read = [seller, event.metrics["avg_daily_orders_4w"], example.record["metrics"]["avg_daily_orders_4w"]]
    assert [(type(v), v) for v in read] == [(type(value), value)] * 3


def test_exact_values():
    assert jsonnum.loads("0.1") == 0.1 and type(jsonnum.loads("0.1")) is float
    assert jsonnum.loads("1e400") == Decimal("1e400")
    assert jsonnum.loads("0.12345678901234567890") == Decimal("0.12345678901234567890")
    assert jsonnum.loads("1" * 5000) == Decimal("1" * 5000)  # past int()'s limit: not an error here
    assert jsonnum.loads("12345") == 12345 and type(jsonnum.loads("12345")) is int


def test_malformed_json_is_still_an_error():
    with pytest.raises(json.JSONDecodeError):
        jsonnum.loads('{"a": 1,,}')
    with pytest.raises(json.JSONDecodeError):
        jsonnum.loads('{"a": ' + "1" * 5000 + ",}")


@pytest.mark.parametrize("value", [
    {"name": "plain", "n": [1, 2.5, None, True, "é", {"x": -0.0}]},
    {"metrics": {"a": Decimal("0.12345678901234567890"), "b": Decimal("1E+400"), "c": Decimal("-0")}},
    [Decimal("1.50"), {"k": Decimal("2")}],
])
def test_dumps_writes_every_number_as_it_is(value):
    text = jsonnum.dumps(value)
    assert jsonnum.loads(text) == value
    if "Decimal" not in repr(value):
        assert text == json.dumps(value, ensure_ascii=False)  # plain data: what json writes


def test_dumps_keeps_decimal_digits():
    assert jsonnum.dumps({"a": Decimal("0.12345678901234567890"), "b": [Decimal("1E+400"), Decimal("1.50")]}) == (
        '{"a": 0.12345678901234567890, "b": [1E+400, 1.50]}')


def test_events_read_1e400_as_a_number(tmp_path):
    (event,) = parse_events('{"date": "2024-08-01", "kind": "metrics", "id": "m1", '
                            '"metrics": {"orders_7d": 1e400, "avg_daily_orders_4w": 0.1234567890123456789}}\n')
    assert event.metrics == {"orders_7d": Decimal("1e400"), "avg_daily_orders_4w": Decimal("0.1234567890123456789")}


def test_a_bad_number_in_an_event_is_reported_not_a_crash():
    from tspol.diagnostics import TspolError

    with pytest.raises(TspolError) as caught:
        parse_events('{"date": "2024-08-01", "kind": "violation", "id": "v1", "rule": "late_dispatch", '
                     '"points": 1e400}\n')
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.key == "points" and "1E+400" in diagnostic.message


def test_update_writes_metrics_digit_for_digit(tmp_path):
    path = tmp_path / "examples.jsonl"
    line = ('{"name": "long decimals", "region": "US", "metrics": {"orders_7d": 60, "late_orders": 30, '
            '"avg_daily_orders_4w": 123.45678901234567891}}')
    path.write_text(line + "\n", encoding="utf-8")
    import tspol

    policy = tspol.load()
    assert update_file(path, run_file(policy.evaluate_dict, path)) == 1
    written = path.read_text(encoding="utf-8")
    assert '"avg_daily_orders_4w": 123.45678901234567891}' in written
    record = jsonnum.loads(written)
    assert record["expect"]["violations"][0]["limit"]["daily_cap"] == 12
    assert [o.passed for o in run_file(policy.evaluate_dict, path)] == [True]


def test_a_line_that_is_not_utf8_is_a_failed_example(tmp_path):
    path = tmp_path / "examples.jsonl"
    path.write_bytes(b'{"name": "\xff", "region": "US", "metrics": {}}\n')
    (outcome,) = read_examples(path)
    assert outcome.problem == "this line is not UTF-8 text: byte 0xff at column 11 (invalid start byte)"


# ---- an exponent past what a Decimal holds: 1e9999999999999999999 was an internal error

FAR = ["1e9999999999999999999", "-2.5E+99999999999999999999", "1e-9999999999999999999", "-7E-1000000000000000000000"]


@pytest.mark.parametrize("text", FAR)
def test_a_far_number_is_out_of_range_for_every_reader(text, program):
    from tspol.runtime.interpreter import evaluate
    from tspol.runtime.metrics import MetricsError

    value = jsonnum.loads(text)
    assert isinstance(value, Decimal) and jsonnum.dumps(value) == text
    assert (value > 0) == (not text.startswith("-")) and (value > 1 or value < -1) == ("e-" not in text.lower())
    with pytest.raises(MetricsError) as raised:
        evaluate(program, {"avg_daily_orders_4w": value}, "US")
    assert (raised.value.code, raised.value.key) == ("E608", "avg_daily_orders_4w")
    module = tspol.load().module
    with pytest.raises(module.MetricsError) as raised:
        module.evaluate({"avg_daily_orders_4w": value}, "US")
    assert raised.value.code == "E608"


def test_zero_with_a_far_exponent_is_zero():
    assert jsonnum.loads("0e9999999999999999999") == 0 and jsonnum.loads("-0.000E-99999999999999999999") == 0


def test_update_writes_a_far_number_back_as_written(tmp_path):
    path = tmp_path / "examples.jsonl"
    path.write_text('{"name": "far", "region": "US", "metrics": {"orders_7d": 1e9999999999999999999}, '
                    '"expect": {"error": {"code": "E600", "key": null}}}\n', encoding="utf-8")
    policy = tspol.load()
    assert update_file(path, run_file(policy.evaluate_dict, path)) == 1
    written = path.read_text(encoding="utf-8")
    assert '"orders_7d": 1e9999999999999999999}' in written
    assert '"expect": {"error": {"code": "E608", "key": "orders_7d"}}' in written
