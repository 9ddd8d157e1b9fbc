"""Bad metrics are errors naming the key (and, from `tspol eval`, the JSON line).

The cases are data: tests/fixtures/metrics/bad.jsonl (metrics objects),
bad_lines.jsonl (raw input lines, each with the code and key of its error, and
optionally words its message must hold) and good.jsonl (unusual but valid values
that must decide exactly like their plain form).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import tspol
from eval_engines import compiled_module
from tspol.diagnostics import TspolError
from tspol.runtime.interpreter import evaluate
from tspol.runtime.metrics import MetricsError

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "metrics"


def read(name):
    with open(FIXTURES / name, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


BAD = read("bad.jsonl")
BAD_LINES = read("bad_lines.jsonl")
GOOD = read("good.jsonl")
GOOD_SELLER = {"orders_7d": 40, "late_orders": 12}


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("TSPOL_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture(scope="module")
def module(program):
    return compiled_module(program)


@pytest.mark.parametrize("case", BAD, ids=[c["name"] for c in BAD])
def test_interpreter_rejects(program, case):
    with pytest.raises(MetricsError) as caught:
        evaluate(program, case["metrics"], case.get("region", "US"))
    assert (caught.value.code, caught.value.key) == (case["code"], case["key"])
    assert isinstance(caught.value, TspolError)
    assert caught.value.diagnostics[0].key == case["key"]
    assert caught.value.message


@pytest.mark.parametrize("case", BAD, ids=[c["name"] for c in BAD])
def test_compiled_module_rejects(module, case):
    with pytest.raises(module.MetricsError) as caught:
        module.evaluate(case["metrics"], case.get("region", "US"))
    assert (caught.value.code, caught.value.key) == (case["code"], case["key"])
    assert isinstance(caught.value, ValueError)


def test_api_raises_a_tspol_error():
    policy = tspol.load()
    with pytest.raises(tspol.MetricsError) as caught:
        policy.evaluate({"orders_7d": 10, "late_orders": 11}, region="US")
    assert caught.value.key == "late_orders"
    assert str(caught.value) == ("late_orders: late_orders is 11 but orders_7d is 10: late_orders counts "
                                 "some of the orders_7d, so it cannot be more than orders_7d")


def test_messages_say_what_was_expected(program):
    cases = {
        "late_orders": (2.5, "a count is a whole number, got 2.5"),
        "orders_7d": ("40", 'expected a count (a whole number, 0 or more), got the string "40"'),
        "cancelled_orders": (True, "expected a count (a whole number, 0 or more), got true"),
        "avg_daily_orders_4w": (float("nan"), "expected a number (0 or more), got NaN"),
    }
    for key, (value, message) in cases.items():
        with pytest.raises(MetricsError) as caught:
            evaluate(program, {key: value}, "US")
        assert caught.value.message == message
    with pytest.raises(MetricsError) as caught:
        evaluate(program, {"late_order": 1}, "US")
    assert caught.value.message == "unknown input `late_order`; did you mean `late_orders`?"


def _lines(cases, key):
    """Input lines: a good seller, then each bad case, then a good seller again."""
    lines = []
    for case in cases:
        lines.append(json.dumps(GOOD_SELLER))
        lines.append(key(case))
    lines.append(json.dumps(GOOD_SELLER))
    return lines


def _bad_metrics_line(case):
    record = dict(case["metrics"])
    if "region" in case:
        record["region"] = case["region"]
    return json.dumps(record)


@pytest.mark.parametrize("cases, line_of", [(BAD, _bad_metrics_line), (BAD_LINES, lambda c: c["line"])],
                         ids=["bad metrics", "bad lines"])
def test_batch_answers_every_line_in_place(cli, tmp_path, cases, line_of):
    path = tmp_path / "sellers.jsonl"
    lines = _lines(cases, line_of)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = cli("eval", "--region", "US", "--format", "json", path)
    assert result.exit_code == 1
    out = result.stdout.splitlines()
    assert len(out) == len(lines)
    for number, case in enumerate(cases, start=1):
        good, bad = json.loads(out[2 * number - 2]), json.loads(out[2 * number - 1])
        assert good["points"] == 5
        assert bad["line"] == 2 * number
        assert (bad["error"]["code"], bad["error"]["key"]) == (case["code"], case["key"]), case["name"]
        assert case.get("message", "") in bad["error"]["message"], case["name"]
        key = f"key `{case['key']}`: " if case["key"] else ""
        assert f"{path}:{2 * number}: error[{case['code']}]: {key}" in result.stderr
    assert json.loads(out[-1])["points"] == 5
    assert f"{len(cases)} of {len(lines)} sellers not decided" in result.stderr
    assert "Traceback" not in result.output


# First, a blank line and the next make one JSON document, and a BOM is where it belongs.
FIRST_LINES = [c for c in BAD_LINES if c["line"].strip(" ") and not c["line"].startswith("\ufeff")]


@pytest.mark.parametrize("case", FIRST_LINES, ids=[c["name"] for c in FIRST_LINES])
def test_a_bad_first_line_fails_alone(cli, tmp_path, case):
    """The first line is read twice (is the input one JSON document?): a bad one must
    still be that line's error, and the lines after it decided."""
    path = tmp_path / "sellers.jsonl"
    path.write_text(case["line"] + "\n" + json.dumps(GOOD_SELLER) + "\n", encoding="utf-8")
    result = cli("eval", "--region", "US", "--format", "json", path)
    assert result.exit_code == 1
    first, second = [json.loads(line) for line in result.stdout.splitlines()]
    assert (first["line"], first["error"]["code"], first["error"]["key"]) == (1, case["code"], case["key"])
    assert second["points"] == 5


def test_a_line_that_is_not_utf8(cli, tmp_path):
    path = tmp_path / "sellers.jsonl"
    path.write_bytes(b'{"orders_7d": 4}\n{"orders_7d": "\xff"}\n{"orders_7d": 5}\n')
    result = cli("eval", "--region", "US", "--format", "json", path)
    assert result.exit_code == 1
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o.get("line") for o in out] == [None, 2, None]
    assert "not UTF-8" in out[1]["error"]["message"]


def test_one_bad_object_names_the_line_of_its_key(cli, tmp_path):
    path = tmp_path / "seller.json"
    path.write_text('{\n  "orders_7d": 40,\n  "late_orders": -12\n}\n', encoding="utf-8")
    result = cli("eval", "--region", "US", "--format", "json", path)
    assert result.exit_code == 1
    assert f"{path}:3: error[E604]: key `late_orders`: a count cannot be negative, got -12" in result.stderr
    assert json.loads(result.stdout)["error"]["key"] == "late_orders"


@pytest.mark.parametrize("case", GOOD, ids=[c["name"] for c in GOOD])
def test_unusual_but_valid_values(program, module, cli, tmp_path, case):
    expected = evaluate(program, case["same_as"], "US")
    assert evaluate(program, case["metrics"], "US") == expected
    assert module.evaluate(case["metrics"], "US") == expected
    path = tmp_path / "seller.jsonl"
    path.write_text(json.dumps(case["metrics"]) + "\n", encoding="utf-8")
    result = cli("eval", "--region", "US", "--format", "json", path)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == expected
