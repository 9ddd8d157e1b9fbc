"""The table of ledger scenarios: each case in tests/fixtures/ledger/ is a seller's
events with the state expected on given days, written as data:

    One or more lines saying what the case pins and why (the decision of docs/policy/README.md).
    @@ region US                    the seller's region (default US)
    @@ replace ledger.pol           optional: edit a copy of the bundled pack, the text below
    points expire after 180d        (exactly once in the file) ...
    @@ with                         ... becomes the text below
    points expire after 90d
    @@ events                       the JSON Lines of the events, as `tspol simulate` reads them
    {"date": "2024-01-01", "kind": "violation", "id": "v1", "rule": "late_dispatch", "points": 7}
    @@ on 2024-06-28                the state on that day contains this JSON (objects: the keys
    {"active_points": 7}            given; lists: the same length, each item matched the same way)
    @@ errors                       or: the events are refused with exactly these problems,
    3 date E707                     one `line key code` a line (`-` for no key), in order
    @@ simulate --until 2024-03-01 --every 7d     optional: what `tspol simulate` is run with in
                                    tests/test_simulate.py (default: `--on` the last `@@ on` day)

Every case is checked here through the Python API; test_simulate.py snapshots
`tspol simulate` on the same cases, as text and JSON.
"""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest

from conftest import FIXTURES, edited_pack

CASES = FIXTURES / "ledger"
CASE_FILES = sorted(CASES.glob("*.case"))


@attrs.frozen
class Case:
    name: str
    description: str
    region: str
    replacements: tuple[tuple[str, str, str], ...]
    events: str
    expectations: tuple[tuple[str, object], ...]  # (day, expected JSON)
    errors: tuple[tuple[int, str | None, str], ...]
    simulate: tuple[str, ...]

    def cli_args(self, events_file: str) -> list[str]:
        args = ["simulate", "--region", self.region, events_file]
        if self.simulate:
            return args + list(self.simulate)
        if self.expectations:
            return args + ["--on", self.expectations[-1][0]]
        return args


def read_case(path: Path) -> Case:
    sections = path.read_text(encoding="utf-8").split("\n@@ ")
    fields = dict(region="US", replacements=[], events="", expectations=[], errors=[], simulate=())
    pending = None
    for section in sections[1:]:
        head, _, body = section.partition("\n")
        word, _, rest = head.partition(" ")
        body = body.rstrip("\n")
        if word == "region":
            fields["region"] = rest.strip()
        elif word == "replace":
            pending = (rest.strip(), body)
        elif word == "with":
            assert pending is not None, f"{path.name}: `@@ with` without `@@ replace`"
            fields["replacements"].append((*pending, body))
            pending = None
        elif word == "events":
            fields["events"] = body + "\n"
        elif word == "on":
            fields["expectations"].append((rest.strip(), json.loads(body)))
        elif word == "errors":
            for line in body.splitlines():
                number, key, code = line.split()
                fields["errors"].append((int(number), None if key == "-" else key, code))
        elif word == "simulate":
            fields["simulate"] = tuple(rest.split())
        else:
            raise AssertionError(f"{path.name}: unknown directive `@@ {head}`")
    assert pending is None, f"{path.name}: `@@ replace` without `@@ with`"
    assert fields["expectations"] or fields["errors"], f"{path.name}: nothing is expected"
    return Case(path.stem, sections[0].strip(), fields["region"], tuple(fields["replacements"]),
                fields["events"], tuple(fields["expectations"]), tuple(fields["errors"]), fields["simulate"])


def build_pack(case: Case, root: Path) -> Path | None:
    """A copy of the bundled pack with the case's edits, or None when it has none."""
    return edited_pack(root, case.replacements) if case.replacements else None


def assert_contains(actual, expected, where: str = "state") -> None:
    """`actual` has every key of `expected` objects, lists of the same length, equal scalars."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict), f"{where}: expected an object, got {actual!r}"
        for key, value in expected.items():
            assert key in actual, f"{where}: no key {key!r} in {actual!r}"
            assert_contains(actual[key], value, f"{where}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list) and len(actual) == len(expected), \
            f"{where}: expected {len(expected)} items, got {actual!r}"
        for index, (a, e) in enumerate(zip(actual, expected)):
            assert_contains(a, e, f"{where}[{index}]")
    else:
        assert actual == expected and type(actual) is type(expected), f"{where}: {actual!r} != {expected!r}"


def case_program(case: Case, program, root: Path):
    pack = build_pack(case, root)
    if pack is None:
        return program
    from tspol.compiler.lower import lower
    from tspol.dsl.loader import load_pack

    return lower(load_pack(pack))


def run_case(case: Case, program):
    from tspol.runtime.events import parse_events
    from tspol.runtime.interpreter import evaluate
    from tspol.runtime.ledger import Ledger

    return Ledger(program, parse_events(case.events, "events.jsonl"), region=case.region,
                  evaluate=lambda metrics, region: evaluate(program, metrics, region))


@pytest.mark.parametrize("case_file", CASE_FILES, ids=[p.stem for p in CASE_FILES])
def test_ledger_case(case_file, program, tmp_path):
    from tspol.diagnostics import TspolError

    case = read_case(case_file)
    program = case_program(case, program, tmp_path)
    if case.errors:
        with pytest.raises(TspolError) as raised:
            run_case(case, program)
        assert [(d.line, d.key, d.code) for d in raised.value.diagnostics] == list(case.errors)
        assert all(d.path == "events.jsonl" for d in raised.value.diagnostics)
        return
    ledger = run_case(case, program)
    for day, expected in case.expectations:
        state = ledger.state(day).to_dict()
        assert state["on"] == day
        assert_contains(state, expected, f"state on {day}")


def test_there_are_cases():
    assert len(CASE_FILES) >= 30


def test_assert_contains_can_fail():
    with pytest.raises(AssertionError):
        assert_contains({"a": [1, 2]}, {"a": [1]})
    with pytest.raises(AssertionError):
        assert_contains({"a": 1}, {"a": True})
    with pytest.raises(AssertionError):
        assert_contains({"a": {"b": 1}}, {"a": {"c": 1}})
