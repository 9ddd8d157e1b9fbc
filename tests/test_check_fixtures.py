"""The table of broken packs: each case in tests/fixtures/broken/ is checked
with `tspol check` in all three formats.

A case is a copy of the bundled pack with edits, written as data:

    One or more lines saying what is broken and why it matters.
    @@ replace fulfilment.pol       the text below (exactly once in the file) ...
    late_orders >= 30 then
    @@ with                         ... becomes the text below
    late_orders >= 30% then
    @@ add extra.pol                a new file of the pack, with the text below
    ...
    @@ remove policy.pol            a file of the pack taken away
    @@ expect                       every diagnostic, one per line, in order:
    policies/fulfilment.pol:43:40-43 E301      path:line:col-endcol CODE
    (path:line:col-endline:endcol CODE when the span ends on another line)

The expected list is compared exactly (so nothing is reported twice, nothing
is missing, and the order is the sorted order), and the three renderings are
snapshot-tested (tests/__snapshots__/test_check_fixtures.ambr).
"""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest

from conftest import FIXTURES, edited_pack

CASES = FIXTURES / "broken"


@attrs.frozen
class Case:
    description: str
    replacements: tuple[tuple[str, str, str], ...]  # (file, old, new)
    additions: tuple[tuple[str, str], ...]  # (file, text)
    removals: tuple[str, ...]
    expected: tuple[str, ...]


def read_case(path: Path) -> Case:
    sections = path.read_text(encoding="utf-8").split("\n@@ ")
    description = sections[0].strip()
    replacements, additions, removals, expected = [], [], [], []
    pending = None
    for section in sections[1:]:
        head, _, body = section.partition("\n")
        words = head.split()
        body = body.rstrip("\n")
        if words[0] == "replace":
            pending = (words[1], body)
        elif words[0] == "with":
            assert pending is not None, f"{path.name}: `@@ with` without `@@ replace`"
            replacements.append((*pending, body))
            pending = None
        elif words[0] == "add":
            additions.append((words[1], body + "\n"))
        elif words[0] == "remove":
            removals.append(words[1])
        elif words[0] == "expect":
            expected = [line.strip() for line in body.splitlines() if line.strip()]
        else:
            raise AssertionError(f"{path.name}: unknown directive `@@ {head}`")
    assert pending is None, f"{path.name}: `@@ replace` without `@@ with`"
    return Case(description, tuple(replacements), tuple(additions), tuple(removals), tuple(expected))


def build_pack(case: Case, root: Path) -> Path:
    return edited_pack(root, case.replacements, case.additions, case.removals)


def where(record: dict) -> str:
    start = f"{record['path']}:{record['line']}:{record['column']}"
    if record["end_line"] == record["line"]:
        return f"{start}-{record['end_column']} {record['code']}"
    return f"{start}-{record['end_line']}:{record['end_column']} {record['code']}"


CASE_FILES = sorted(CASES.glob("*.case"))


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("case_file", CASE_FILES, ids=[p.stem for p in CASE_FILES])
def test_broken_pack(case_file, in_tmp, cli, snapshot):
    case = read_case(case_file)
    build_pack(case, in_tmp)
    outputs = {fmt: cli("check", "policies", "--format", fmt) for fmt in ("text", "json", "github")}

    records = json.loads(outputs["json"].stdout)
    assert [where(r) for r in records] == list(case.expected)
    expected_exit = 1 if any(r["severity"] == "error" for r in records) else 0
    assert {fmt: r.exit_code for fmt, r in outputs.items()} == dict.fromkeys(outputs, expected_exit)
    for fmt in ("text", "github"):
        assert "Traceback" not in outputs[fmt].output

    text = outputs["text"]
    assert snapshot == (
        f"{case.description}\n\n$ tspol check policies   (exit {text.exit_code})\n{text.stdout}{text.stderr}\n"
        f"$ tspol check policies --format github\n{outputs['github'].stdout}\n"
        f"$ tspol check policies --format json\n{outputs['json'].stdout}"
    )


def test_there_are_cases():
    assert len(CASE_FILES) >= 30


CJK = __import__("re").compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("case_file", CASE_FILES, ids=[p.stem for p in CASE_FILES])
def test_broken_pack_in_chinese(case_file, in_tmp, cli, snapshot):
    """`--lang zh`: the same codes at the same places as in English, every message,
    note and help in Chinese."""
    case = read_case(case_file)
    build_pack(case, in_tmp)
    text = cli("check", "policies", "--lang", "zh")
    records = json.loads(cli("check", "policies", "--format", "json", "--lang", "zh").stdout)
    assert [where(r) for r in records] == list(case.expected)
    assert text.exit_code == (1 if any(r["severity"] == "error" for r in records) else 0)
    for record in records:
        said = record["zh"]
        assert CJK.search(said["message"]), said["message"]
        assert not record.get("help") or CJK.search(said["help"]), said["help"]
        assert all(CJK.search(note) for note in said.get("related", [])), said["related"]
    assert snapshot == f"{case.description}\n\n$ tspol check policies --lang zh   (exit {text.exit_code})\n" \
                       f"{text.stdout}{text.stderr}"
