"""Fuzzing the readers of JSON Lines: sellers (`tspol eval`) and events (`tspol simulate`).

Lines are built from the pieces that once broke them: exponents past what a Decimal
holds, unpaired surrogates in values and keys, keys given twice, characters that look
like whitespace but are not JSON's (U+3000, \\x1c-\\x1f, a BOM, U+2028), bytes that are
not UTF-8, and near-valid sellers and events around them. Whatever comes in:

- no exception escapes (the CLI would say "internal error", exit 3) and no traceback;
- `tspol eval` answers each line with one line, its decision or its located error;
- `tspol simulate` exits 0, 1 (bad data, each error naming a line of the file) or 2.

The budget is small (deadline=None, a few hundred examples): it runs with the suite.
"""

from __future__ import annotations

import io
import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tspol
from conftest import PACK
from tspol.cli import eval as eval_cli
from tspol.cli import simulate

NUMBERS = ["0", "5", "40", "-1", "0.1", "2.50", "1e400", "1e9999999999999999999", "-1e9999999999999999999",
           "1e-9999999999999999999", "0e9999999999999999999", "1" * 30, "NaN", "Infinity", "12.5e-3"]
STRINGS = ['"US"', '"us"', '"SEA"', '"x"', '""', '"\\ud800"', '"a\\udc00b"', '"\\ud83d\\ude00"', '"é"',
           '"2024-01-01"', '"2024-01-02"', '"2024-13-01"', '"violation"', '"metrics"', '"appeal"', '"link"',
           '"hold"', '"late_dispatch"', '"v1"', '"accepted"']
VALUES = st.sampled_from(NUMBERS + STRINGS + ["null", "true", "[]", "[1, [2]]", "{}", "[" * 30 + "]" * 30])
SELLER_KEYS = ["orders_7d", "late_orders", "cancelled_orders", "avg_daily_orders_4w", "seller_id", "region",
               "\\ud800", "orders\\udfff", "nope"]
EVENT_KEYS = ["date", "kind", "id", "rule", "points", "metrics", "violation", "outcome", "account", "days",
              "note", "region", "\\udbff"]
# Around a line: JSON whitespace, and what only looks like it.
EDGES = st.sampled_from(["", "", "", " ", "\t", "\r", "\u3000", "\x1c", "\x1d", "\x1e", "\x1f", "\ufeff", "\u00a0",
                         "\u2028", "\x0b", "\x0c", "\x85", "\x00"])


def objects(keys: list[str], values) -> st.SearchStrategy[str]:
    """A JSON object written by hand (so keys may repeat), of raw JSON texts."""
    pair = st.tuples(st.sampled_from(keys), values).map(lambda kv: f'"{kv[0]}": {kv[1]}')
    return st.lists(pair, max_size=6).map(lambda pairs: "{" + ", ".join(pairs) + "}")


def framed(lines: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.tuples(EDGES, lines, EDGES).map("".join)


SELLER_VALUES = st.one_of(VALUES, objects(SELLER_KEYS, VALUES))
SELLERS = framed(st.one_of(
    objects(SELLER_KEYS, SELLER_VALUES),
    st.sampled_from(['{"orders_7d": 40, "late_orders": 12}', '{"seller_id": 7, "metrics": {"orders_7d": 4}}']),
    st.text(alphabet=st.characters(blacklist_characters="\n"), max_size=20),
))
EVENTS = framed(st.one_of(
    objects(EVENT_KEYS, st.one_of(VALUES, objects(SELLER_KEYS, VALUES))),
    st.sampled_from([
        '{"date": "2024-01-01", "kind": "violation", "id": "v1", "rule": "late_dispatch", "points": 7}',
        '{"date": "2024-01-02", "kind": "metrics", "id": "m1", "metrics": {"orders_7d": 40, "late_orders": 5}}',
        '{"date": "2024-01-03", "kind": "appeal", "violation": "v1", "outcome": "accepted"}',
        '{"date": "2024-01-04", "kind": "link", "account": "shop-b"}',
    ]),
    st.text(alphabet=st.characters(blacklist_characters="\n"), max_size=20),
))
BAD_BYTES = st.binary(max_size=12).map(lambda b: b.replace(b"\n", b""))


def encoded(lines: list[str | bytes]) -> bytes:
    return b"".join((line if isinstance(line, bytes) else line.encode("utf-8", "surrogatepass")) + b"\n"
                    for line in lines)


@settings(max_examples=250, deadline=None)
@given(lines=st.lists(st.one_of(SELLERS, SELLERS, BAD_BYTES), min_size=1, max_size=6),
       fmt=st.sampled_from(["json", "text"]), bom=st.booleans())
def test_eval_answers_every_line_in_place(lines, fmt, bom):
    raw = (b"\xef\xbb\xbf" if bom else b"") + encoded(["{}", *lines])  # "{}" first: JSON Lines, not a document
    out, reported = io.BytesIO(), []
    decider = eval_cli.Decider(tspol.load().module, "US", fmt, "en", "<fuzz>")
    eval_cli.run(decider, io.BytesIO(raw), out, errors=reported.append)
    text = out.getvalue().decode("utf-8")  # an unpaired surrogate here would not encode
    assert decider.decided + decider.failed == len(lines) + 1
    for diagnostic in "".join(reported).splitlines():
        assert re.match(r"<fuzz>:(\d+): error\[E6\d\d\]: ", diagnostic), diagnostic
        assert 1 <= int(diagnostic.split(":")[1]) <= len(lines) + 1
    if fmt == "json":
        answers = [json.loads(answer) for answer in text.splitlines()]
        assert len(answers) == len(lines) + 1
        for number, answer in enumerate(answers, start=1):
            assert "points" in answer or (answer["line"] == number and answer["error"]["code"].startswith("E6"))


DIAGNOSTIC = re.compile(r"events\.jsonl(:(\d+))?: error\[E[67]\d\d\]: ")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(st.one_of(EVENTS, EVENTS, EVENTS, BAD_BYTES), min_size=1, max_size=6),
       fmt=st.sampled_from(["json", "text"]), bom=st.booleans())
def test_simulate_reads_any_events_without_an_internal_error(cli, tmp_path, monkeypatch, lines, fmt, bom):
    monkeypatch.setattr(simulate, "_load_policy", _policy_once)
    path = tmp_path / "events.jsonl"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + encoded(lines))
    monkeypatch.chdir(tmp_path)
    result = cli("simulate", "--policy", PACK, "--region", "US", "events.jsonl", "--format", fmt)
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output and "internal error" not in result.output
    result.stdout.encode("utf-8")  # writable as UTF-8: no surrogate reached the output
    if result.exit_code == 1:
        located = [DIAGNOSTIC.match(line) for line in result.stderr.splitlines() if not line.startswith("  ")]
        assert all(located), result.stderr
        assert all(1 <= int(m.group(2)) <= len(lines) for m in located if m.group(2)), result.stderr


_LOAD_POLICY = simulate._load_policy
_POLICY: list = []


def _policy_once(path):
    """`tspol simulate` loads the pack on every run: once is enough here."""
    if not _POLICY:
        _POLICY.append(_LOAD_POLICY(path))
    return _POLICY[0]
