"""`tspol test`: the pack's example sellers pass, cover every row, and failures read well."""

from __future__ import annotations

import json
import shutil
from xml.etree import ElementTree

import pytest

from conftest import PACK


def examples():
    for path in sorted((PACK / "examples").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            yield json.loads(line)


def test_pack_examples_pass(cli):
    result = cli("test", PACK)
    assert result.exit_code == 0, result.output
    assert "0 failed" in result.stderr


def test_every_row_of_every_table_in_every_region_has_an_example(program):
    fired = {(e["region"], v["rule"], v["table"], v["row"])
             for e in examples() for v in e["expect"]["violations"]}
    rows = {(region.name, rule.name, table.name, row.index)
            for region in program.regions for rule in region.rules
            for table in rule.tables for row in table.rows}
    assert rows - fired == set()


def test_every_region_and_rule_has_a_finding_example(program):
    found = {(e["region"], f["rule"]) for e in examples() for f in e["expect"]["findings"]}
    rules = {(region.name, rule.name) for region in program.regions for rule in region.rules if rule.metric}
    assert rules - found == set()


@pytest.fixture
def pack_with_examples(tmp_path):
    target = tmp_path / "policies"
    shutil.copytree(PACK, target)
    return target


def edit_expect(path, name, **changes):
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["name"] == name:
            record["expect"].update(changes)
        lines.append(json.dumps(record, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


NAME = "LDR row 2: exactly 10% with 5 late orders scores 3"


def test_a_wrong_expectation_fails_with_a_readable_diff(cli, pack_with_examples):
    examples_file = pack_with_examples / "examples" / "us.jsonl"
    edit_expect(examples_file, NAME, points=4)
    result = cli("test", pack_with_examples)
    assert result.exit_code == 1
    line = next(i for i, l in enumerate(examples_file.read_text().splitlines(), 1) if NAME in l)
    assert f"us.jsonl:{line}: FAIL {NAME}" in result.stdout
    assert '-  "points": 4,' in result.stdout and '+  "points": 3,' in result.stdout
    assert "1 failed" in result.stderr


def test_a_policy_edit_fails_the_examples_it_changes(cli, pack_with_examples):
    fulfilment = pack_with_examples / "fulfilment.pol"
    text = fulfilment.read_text(encoding="utf-8")
    fulfilment.write_text(text.replace("and late_orders >= 5 then points 3", "and late_orders >= 5 then points 4"),
                          encoding="utf-8")
    result = cli("test", pack_with_examples)
    assert result.exit_code == 1
    assert f"FAIL {NAME}" in result.stdout


def test_update_rewrites_only_failing_examples_and_then_passes(cli, pack_with_examples):
    examples_file = pack_with_examples / "examples" / "us.jsonl"
    before = examples_file.read_text(encoding="utf-8")
    edit_expect(examples_file, NAME, points=4)
    assert cli("test", pack_with_examples, "--update").exit_code == 0
    assert examples_file.read_text(encoding="utf-8") == before
    assert cli("test", pack_with_examples).exit_code == 0


def pack_with_examples_file(root, name: str, text: str):
    """The bundled pack's .pol files with one examples file of our own; its examples folder."""
    (root / "policies").mkdir()
    for pol in PACK.glob("*.pol"):
        shutil.copy(pol, root / "policies")
    folder = root / "policies" / "examples"
    folder.mkdir()
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_partial_expectations_compare_only_their_keys(cli, tmp_path):
    case = {"name": "just the points", "region": "UK", "metrics": {"orders_7d": 25, "late_orders": 1},
            "expect": {"points": 2, "warning": True}}
    missing = {"name": "not yet decided", "region": "UK", "metrics": {"orders_7d": 25, "late_orders": 3}}
    folder = pack_with_examples_file(tmp_path, "uk.jsonl", json.dumps(case) + "\n" + json.dumps(missing) + "\n")
    result = cli("test", tmp_path / "policies")
    assert result.exit_code == 1
    assert "uk.jsonl:2: FAIL not yet decided" in result.stdout
    assert "tspol test --update" in result.stdout
    cli("test", tmp_path / "policies", "--update")
    first, second = [json.loads(l) for l in (folder / "uk.jsonl").read_text().splitlines()]
    assert first["expect"] == {"points": 2, "warning": True}
    assert second["expect"]["points"] == 4 and second["expect"]["violations"][0]["limit"]["percent"] == 80


def test_malformed_examples_are_failures_that_name_the_line(cli, tmp_path):
    pack_with_examples_file(
        tmp_path, "bad.jsonl",
        '{"name": "ok", "region": "US", "metrics": {}, "expect": {"points": 0}}\n'
        "{not json\n"
        '{"name": "no region", "metrics": {}}\n'
        '{"name": "bad metrics", "region": "US", "metrics": {"late_orders": -1}, "expect": {"points": 0}}\n')
    result = cli("test", tmp_path / "policies")
    assert result.exit_code == 1
    assert "bad.jsonl:2: FAIL" in result.stdout and "malformed JSON" in result.stdout
    assert "bad.jsonl:3: FAIL no region" in result.stdout and "key `region`" in result.stdout
    assert "bad.jsonl:4: FAIL bad metrics" in result.stdout and '"key": "late_orders"' in result.stdout
    assert "1 passed, 3 failed" in result.stderr


def test_rejected_metrics_are_shown_and_never_recorded_by_update(cli, tmp_path):
    typo = {"name": "a typo in an input name", "region": "US", "metrics": {"orders_7d": 40, "late_order": 12},
            "expect": {"points": 5}}
    expected = {"name": "an expected error", "region": "US", "metrics": {"orders_7d": 40, "late_orders": 50},
                "expect": {"error": {"code": "E606", "key": "late_orders"}}}
    text = json.dumps(typo) + "\n" + json.dumps(expected) + "\n"
    folder = pack_with_examples_file(tmp_path, "us.jsonl", text)
    result = cli("test", tmp_path / "policies")
    assert result.exit_code == 1
    assert ("us.jsonl:1: FAIL a typo in an input name\n"
            "  the policy rejects these metrics: unknown input `late_order`; did you mean `late_orders`?\n"
            in result.stdout)
    assert "us.jsonl:2" not in result.stdout  # an error expected by hand passes
    result = cli("test", tmp_path / "policies", "--update")
    assert result.exit_code == 1
    assert result.stderr.endswith("2 examples: 1 passed, 0 updated, 1 still failing\n")
    assert (folder / "us.jsonl").read_text(encoding="utf-8") == text


def test_an_expect_key_no_decision_has_is_named(cli, tmp_path):
    case = {"name": "points misspelt", "region": "UK", "metrics": {"orders_7d": 25, "late_orders": 1},
            "expect": {"point": 2}}
    folder = pack_with_examples_file(tmp_path, "uk.jsonl", json.dumps(case) + "\n")
    result = cli("test", tmp_path / "policies")
    assert result.exit_code == 1
    assert "  key `expect` has keys no decision has: point (a decision has region, points, warning," in result.stdout
    assert cli("test", tmp_path / "policies", "--update").exit_code == 1
    assert json.loads((folder / "uk.jsonl").read_text(encoding="utf-8"))["expect"] == {"point": 2}


def test_junit_report(cli, pack_with_examples, tmp_path):
    edit_expect(pack_with_examples / "examples" / "us.jsonl", NAME, points=4)
    report = tmp_path / "junit.xml"
    cli("test", pack_with_examples, "--junit", report)
    suites = ElementTree.parse(report).getroot()
    total = sum(int(s.get("tests")) for s in suites)
    failures = [c for s in suites for c in s if c.find("failure") is not None]
    assert total == len(list(examples()))
    assert [c.get("name").split(": ", 1)[1] for c in failures] == [NAME]


def test_no_examples_is_an_error(cli, tmp_path):
    shutil.copy(PACK / "policy.pol", tmp_path)
    result = cli("test", tmp_path)
    assert result.exit_code == 1
    assert "no examples" in result.stderr


# ---- example lines are read as `tspol eval` reads sellers

OK = '{"name": "ok", "region": "US", "metrics": {}, "expect": {"points": 0}}'
BAD_LINES = [  # (line, what its failure says)
    ('{"name": "cut short", "region": "US",', "malformed JSON: Expecting property name enclosed in double quotes "
                                              "at the end of the line (column 38)"),
    (OK + "\u3000", "malformed JSON: unexpected U+3000 (IDEOGRAPHIC SPACE) at column 71: JSON whitespace is only "
                    "space, tab, CR and LF"),
    (OK + "\x1e", "malformed JSON: unexpected U+001E at column 71"),
    ("\ufeff" + OK, "malformed JSON: unexpected U+FEFF (ZERO WIDTH NO-BREAK SPACE) at column 1"),
    ('{"name": "twice", "region": "US", "metrics": {"orders_7d": 4, "orders_7d": 5}}',
     "key `orders_7d`: `orders_7d` is given twice in one object"),
    ('{"name": "\\ud800", "region": "US", "metrics": {}}',
     "key `name`: \\ud800 is half of a UTF-16 surrogate pair, without its other half"),
    ('{"name": "far", "region": "US", "metrics": {"orders_7d": 1e9999999999999999999}, "expect": {"points": 0}}',
     "the policy rejects these metrics: out of range"),
]


@pytest.mark.parametrize("line, problem", BAD_LINES, ids=[p.split(":")[0][:30] for _, p in BAD_LINES])
def test_a_bad_example_line_is_a_located_failure(cli, tmp_path, line, problem):
    pack_with_examples_file(tmp_path, "us.jsonl", OK + "\n\n" + line + "\n" + OK + "\n")
    result = cli("test", tmp_path / "policies")
    assert result.exit_code == 1
    assert f"us.jsonl:3: FAIL " in result.stdout and f"  {problem}" in result.stdout, result.stdout
    assert result.stderr.endswith("3 examples: 2 passed, 1 failed\n")


def test_a_bom_at_the_start_is_read_and_kept_by_update(cli, tmp_path):
    missing = {"name": "not yet decided", "region": "UK", "metrics": {"orders_7d": 25, "late_orders": 3}}
    folder = pack_with_examples_file(tmp_path, "uk.jsonl", "")
    (folder / "uk.jsonl").write_bytes(b"\xef\xbb\xbf" + json.dumps(missing).encode() + b"\n")
    assert cli("test", tmp_path / "policies", "--update").exit_code == 0
    text = (folder / "uk.jsonl").read_bytes()
    assert text.startswith(b"\xef\xbb\xbf{") and json.loads(text[3:])["expect"]["points"] == 4
    assert cli("test", tmp_path / "policies").exit_code == 0


def test_a_line_too_long_is_its_own_failure(cli, tmp_path, monkeypatch):
    from tspol.runtime import jsonnum

    monkeypatch.setattr(jsonnum, "MAX_LINE", 100)
    long = json.dumps({"name": "x" * 200, "region": "US", "metrics": {}})
    pack_with_examples_file(tmp_path, "us.jsonl", OK + "\n" + long + "\n" + OK + "\n")
    result = cli("test", tmp_path / "policies")
    assert "us.jsonl:2: FAIL line 2\n  line too long: 243 bytes, more than the limit of 100 bytes for one line" \
        in result.stdout
    assert result.stderr.endswith("3 examples: 2 passed, 1 failed\n")


# ---- what `tspol test` writes

def test_junit_to_a_folder_not_there_yet_creates_it(cli, pack_with_examples, tmp_path):
    report = tmp_path / "reports" / "ci" / "junit.xml"
    assert cli("test", pack_with_examples, "--junit", report).exit_code == 0
    assert ElementTree.parse(report).getroot().tag == "testsuites"


def test_junit_that_cannot_be_written_is_a_clear_error(cli, pack_with_examples, tmp_path):
    (tmp_path / "file").write_text("", encoding="utf-8")
    result = cli("test", pack_with_examples, "--junit", tmp_path / "file" / "junit.xml")
    assert result.exit_code == 1
    assert f"tspol: cannot write {tmp_path / 'file' / 'junit.xml'}: {tmp_path / 'file'} is not a folder" \
        in result.stderr
    assert "Traceback" not in result.output


def test_update_of_a_file_that_cannot_be_written_says_so(cli, tmp_path, monkeypatch):
    from pathlib import Path

    missing = {"name": "not yet decided", "region": "UK", "metrics": {"orders_7d": 25, "late_orders": 3}}
    folder = pack_with_examples_file(tmp_path, "uk.jsonl", json.dumps(missing) + "\n")
    write_bytes = Path.write_bytes

    def read_only(path, data):
        if path.name == "uk.jsonl":
            raise PermissionError(13, "Permission denied")
        return write_bytes(path, data)

    monkeypatch.setattr(Path, "write_bytes", read_only)
    result = cli("test", tmp_path / "policies", "--update")
    assert result.exit_code == 1
    assert f"tspol: cannot write {folder / 'uk.jsonl'}: Permission denied" in result.stderr
    assert result.stderr.endswith("1 examples: 0 passed, 0 updated, 1 still failing\n")


def test_an_examples_file_that_is_a_folder_is_named(cli, pack_with_examples):
    (pack_with_examples / "examples" / "odd.jsonl").mkdir()
    result = cli("test", pack_with_examples)
    assert result.exit_code == 1
    assert "odd.jsonl: not a regular file" in result.stderr
