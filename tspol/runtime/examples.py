"""Example sellers with expected decisions, kept beside a pack: `tspol test`.

An example file is JSON Lines under the pack's `examples/` folder. Each line is
one example:

    {"name": "LDR row 2: 12 of 40 is 30%", "region": "US",
     "metrics": {"orders_7d": 40, "late_orders": 12},
     "expect": {"points": 3, "warning": false, "violations": [...], ...}}

`expect` holds the decision without its explanations (`because`, `where`, and
the wording of `not_applicable` reasons), so rewording an explanation or
moving a row to another line does not break examples; a policy change does.
Only the keys written in `expect` are compared, so an author may pin just
`{"points": 3}`; `--update` writes every key. Metrics a policy rejects give
`{"error": {"code", "key"}}`, which an example can expect too, written by hand:
`--update` never turns an example into one expecting an error, so a typo in
its metrics cannot pass from then on.

Lines are read as `tspol eval` reads them (`tspol.runtime.jsonnum`): numbers
exactly, at most 1 MiB a line, strict JSON (no key given twice, no unpaired
surrogate, JSON whitespace only), a BOM at the start dropped; `--update` writes
numbers back digit for digit.
"""

from __future__ import annotations

import codecs
import difflib
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from xml.etree import ElementTree

import attrs

from tspol.diagnostics import TspolError
from tspol.messages import Message, say
from tspol.runtime import jsonnum

EXAMPLES_FOLDER = "examples"
EXPLANATIONS = {"violations": ("because", "where"), "not_applicable": ("reason",)}
KEY_ORDER = ("name", "on", "region", "metrics", "expect")


@attrs.frozen
class Example:
    path: str
    line: int
    record: dict  # the line as read: name, region, metrics, expect, and any other keys

    @property
    def name(self) -> str:
        return self.said_name()

    def said_name(self, lang: str = "en") -> str:
        """The example's name; one without is `line N` (`第 N 行`)."""
        return str(self.record.get("name") or say("test.line", line=self.line).text(lang))

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"


@attrs.frozen
class Outcome:
    example: Example
    actual: dict | None  # the projected decision; None when the example itself is malformed
    problem: str | None = None  # why the example could not run
    passed: bool = False
    diff: str = ""


def example_files(pack: Path) -> list[Path]:
    folder = pack / EXAMPLES_FOLDER if pack.is_dir() else pack.parent / EXAMPLES_FOLDER
    return sorted(folder.rglob("*.jsonl")) if folder.is_dir() else []


def read_examples(path: Path) -> Iterator[Example | Outcome]:
    """Each line as an `Example`, or as a failed `Outcome` saying what is wrong with it.
    Lines are read as `tspol eval` reads sellers (`jsonnum.read_lines`, `jsonnum.parse_line`):
    at most 1 MiB each, a BOM at the start dropped, strict JSON, no key given twice."""
    with path.open("rb") as lines:
        for number, raw in enumerate(jsonnum.read_lines(lines), 1):
            record = _record(raw)
            if record is None:
                continue
            if isinstance(record, str):
                yield Outcome(Example(str(path), number, {}), None, record)
                continue
            example = Example(str(path), number, record)
            problem = _shape_problem(record)
            yield Outcome(example, None, problem) if problem else example


def _record(raw: bytes | jsonnum.LongLine) -> dict | str | None:
    """The object of one line, None for a blank line, or what is wrong with the line."""
    if isinstance(raw, jsonnum.LongLine):
        return raw.message
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return say("event.not_utf8", problem=jsonnum.utf8_problem(raw, exc))
    if jsonnum.is_blank(text):
        return None
    try:
        record = jsonnum.parse_line(text)
    except jsonnum.BadLine as bad:
        return say("render.key", key=bad.key, message=bad.message) if bad.key else bad.message
    return record if isinstance(record, dict) else say("examples.not_an_object")


def _shape_problem(record: dict) -> Message | None:
    if not isinstance(record.get("region"), str):
        return say("examples.region")
    if not isinstance(record.get("metrics"), dict):
        return say("examples.metrics")
    if "expect" in record and not isinstance(record["expect"], dict):
        return say("examples.expect")
    if "on" in record and not isinstance(record["on"], str):
        return say("examples.on")
    return None


def project(decision: dict) -> dict:
    """A decision without its explanations."""
    projected = dict(decision)
    for key, dropped in EXPLANATIONS.items():
        if key in projected:
            projected[key] = [{k: v for k, v in item.items() if k not in dropped} for item in projected[key]]
    return projected


def decide(evaluate: Callable[[dict, str], dict], example: Example) -> tuple[dict, str | None]:
    """The decision without explanations; for metrics the policy rejects,
    `{"error": {"code", "key"}}` and the error's message."""
    try:
        dated = {"on": example.record["on"]} if "on" in example.record else {}  # a pack with amendments
        return project(evaluate(example.record["metrics"], example.record["region"], **dated)), None
    except TspolError as exc:
        first = exc.diagnostics[0]
        return {"error": {"code": first.code, "key": first.key}}, first.message


def run_example(evaluate: Callable[[dict, str], dict], example: Example) -> Outcome:
    actual, message = decide(evaluate, example)
    expect = example.record.get("expect")
    rejected = say("examples.rejected", message=message) if message else None
    if expect is None:
        return Outcome(example, actual, rejected or say("examples.no_expect"))
    both_decisions = "error" not in actual and "error" not in expect
    unknown = [key for key in expect if key not in actual] if both_decisions else []
    if unknown:
        return Outcome(example, actual, say("examples.unknown_keys", keys=", ".join(unknown), has=", ".join(actual)))
    compared = {key: actual.get(key) for key in expect} if both_decisions else actual
    if compared == expect:
        return Outcome(example, actual, passed=True)
    return Outcome(example, actual, None if "error" in expect else rejected, diff=_diff(expect, compared))


def updatable(outcome: Outcome) -> bool:
    """Whether `--update` may rewrite a failing example's expectation: not when the
    example is malformed or its `expect` has keys no decision has, and never to
    expect an error it did not already expect (a typo in the metrics would pass
    from then on)."""
    if outcome.passed or outcome.actual is None:
        return False
    expect = outcome.example.record.get("expect")
    if "error" in outcome.actual:
        return expect is not None and "error" in expect
    return expect is None or "error" in expect or all(key in outcome.actual for key in expect)


def _diff(expected: dict, actual: dict) -> str:
    def lines(value):
        return json.dumps(value, indent=2, ensure_ascii=False, default=str).splitlines()

    return "\n".join(difflib.unified_diff(lines(expected), lines(actual), "expected", "actual", lineterm=""))


def run_file(evaluate: Callable[[dict, str], dict], path: Path) -> list[Outcome]:
    return [item if isinstance(item, Outcome) else run_example(evaluate, item) for item in read_examples(path)]


def update_file(path: Path, outcomes: list[Outcome]) -> int:
    """Rewrite the file with each example expecting what it got; return how many changed."""
    by_line = {o.example.line: o for o in outcomes if updatable(o)}
    changed = 0
    out = []
    lines = path.read_bytes().split(b"\n")  # the lines `read_examples` numbered; others stay byte for byte
    if lines and not lines[-1]:
        lines.pop()
    bom = codecs.BOM_UTF8 if lines and lines[0].startswith(codecs.BOM_UTF8) else b""
    for number, raw in enumerate(lines, 1):
        outcome = by_line.get(number)
        if outcome is None:
            out.append(raw)
            continue
        record = {**outcome.example.record, "expect": _expectation(outcome)}
        ordered = {k: record[k] for k in KEY_ORDER if k in record}
        ordered.update((k, v) for k, v in record.items() if k not in ordered)
        new = (bom if number == 1 else b"") + jsonnum.dumps(ordered).encode("utf-8")  # digit for digit
        changed += new != raw.rstrip(b"\r")
        out.append(new)
    if changed:
        path.write_bytes(b"\n".join(out) + b"\n")
    return changed


def _expectation(outcome: Outcome) -> dict:
    """What an example should expect now: the keys its author chose, or all of them."""
    expect = outcome.example.record.get("expect")
    if expect is None or "error" in outcome.actual or "error" in expect:
        return outcome.actual
    return {key: outcome.actual.get(key) for key in expect}


def junit_xml(results: dict[str, list[Outcome]]) -> str:
    """JUnit XML for CI: one test suite per example file, one test case per example."""
    suites = ElementTree.Element("testsuites", name="tspol test")
    for path, outcomes in results.items():
        failed = [o for o in outcomes if not o.passed]
        suite = ElementTree.SubElement(suites, "testsuite", name=path, tests=str(len(outcomes)),
                                       failures=str(len(failed)), errors="0", skipped="0")
        for outcome in outcomes:
            case = ElementTree.SubElement(suite, "testcase", classname=path,
                                          name=f"{outcome.example.line}: {outcome.example.name}")
            if not outcome.passed:
                failure = ElementTree.SubElement(case, "failure", message=outcome.problem or "decision differs")
                failure.text = outcome.diff or outcome.problem
    ElementTree.indent(suites)
    return ElementTree.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"
