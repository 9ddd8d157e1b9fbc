"""`tspol check --format sarif`: SARIF 2.1.0 for code scanning (tspol/sarif.py).

Every broken pack of tests/fixtures/broken and tests/fixtures/analysis gives a log
that the SARIF 2.1.0 schema (tests/schemas/sarif-schema-2.1.0.json, the OASIS
errata01 schema, carried here) accepts, with the results `--format json` gives;
paths are relative to the working folder; fingerprints do not move when lines are
added above a problem; the output is the same bytes every time.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest

from tspol import codes
from tspol.diagnostics import Diagnostic, Related, Span
from tspol.sarif import FINGERPRINT, SRCROOT, pascal_case, render_sarif, without_line_numbers

from conftest import FIXTURES, PACK
from test_check_cli import BROKEN, break_pack
from test_check_fixtures import build_pack, read_case

SCHEMA_FILE = Path(__file__).resolve().parent / "schemas" / "sarif-schema-2.1.0.json"
CASE_FILES = sorted((FIXTURES / "broken").glob("*.case")) + sorted((FIXTURES / "analysis").glob("*.case"))
OVERLAP = FIXTURES / "analysis" / "overlap_ldr_widened.case"  # its message names rows by file and line


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    checker = jsonschema.FormatChecker()  # every format jsonschema knows, `uri-reference` among them
    assert not checker.conforms("a b", "uri-reference"), "pip install rfc3986-validator (the dev extra) " \
                                                         "to check the URIs"
    return jsonschema.Draft4Validator(schema, format_checker=checker)


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def sarif(cli, *args):
    """(click's result, the log) of `tspol check ARGS --format sarif`."""
    result = cli("check", *args, "--format", "sarif")
    assert "Traceback" not in result.output
    return result, json.loads(result.stdout)


def results(log: dict) -> list[dict]:
    [run] = log["runs"]
    return run["results"]


def where(result: dict) -> tuple:
    [location] = result["locations"]
    physical = location["physicalLocation"]
    region = physical.get("region", {})
    return (physical["artifactLocation"]["uri"], region.get("startLine"), region.get("startColumn"),
            region.get("endLine"), region.get("endColumn"), result["ruleId"])


def fingerprints(log: dict) -> list[str]:
    return [r["partialFingerprints"][FINGERPRINT] for r in results(log)]


def uris(log: dict) -> list[str]:
    found = []
    for result in results(log):
        for location in result.get("locations", []) + result.get("relatedLocations", []):
            found.append(location["physicalLocation"]["artifactLocation"]["uri"])
    return found


# ---- every broken pack --------------------------------------------------------------------------

@pytest.mark.parametrize("case_file", CASE_FILES, ids=[f"{p.parent.name}/{p.stem}" for p in CASE_FILES])
def test_every_broken_pack_gives_valid_sarif(case_file, in_tmp, cli, validator):
    build_pack(read_case(case_file), in_tmp)
    result, log = sarif(cli, "policies")
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])

    records = json.loads(cli("check", "policies", "--format", "json").stdout)
    assert result.exit_code == (1 if any(r["severity"] == "error" for r in records) else 0)
    assert [where(r) for r in results(log)] == [
        (r["path"], r["line"], r["column"], r["end_line"], r["end_column"], r["code"]) for r in records]
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    for result_, record in zip(results(log), records):
        assert rules[result_["ruleIndex"]]["id"] == result_["ruleId"]
        assert result_["level"] == record["severity"]
        assert result_["message"]["text"].startswith(record["message"])
        assert [(loc["physicalLocation"]["artifactLocation"]["uri"], loc["physicalLocation"]["region"]["startLine"],
                 loc["message"]["text"]) for loc in result_.get("relatedLocations", [])] == [
            (r["path"], r["line"], r["message"]) for r in record.get("related", [])]
    for uri in uris(log):
        assert uri.startswith("policies/") and "\\" not in uri
    assert len(set(fingerprints(log))) == len(results(log))


def test_there_are_broken_packs():
    assert len(CASE_FILES) >= 90


# ---- the run and its rules ---------------------------------------------------------------------

def test_a_clean_pack_is_a_valid_log_with_no_results(cli, validator, in_tmp):
    result, log = sarif(cli, PACK)
    assert result.exit_code == 0
    assert result.stderr == ""  # nothing but the log, and the log on stdout only
    validator.validate(log)
    [run] = log["runs"]
    assert run["results"] == []
    assert log["version"] == "2.1.0" and log["$schema"].endswith("/sarif-schema-2.1.0.json")
    assert run["columnKind"] == "unicodeCodePoints"
    assert "uri" not in run["originalUriBaseIds"][SRCROOT]  # no absolute path, even here


def test_the_driver_is_tspol_with_every_code_as_a_rule(cli, in_tmp):
    from importlib.metadata import version

    _, log = sarif(cli, PACK)
    driver = log["runs"][0]["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("tspol", version("tspol"))
    assert driver["informationUri"].startswith("https://")
    rules = driver["rules"]
    assert [r["id"] for r in rules] == sorted(e.code for e in codes.REGISTRY)
    for rule in rules:
        entry = codes.CODES[rule["id"]]
        assert rule["name"] == pascal_case(entry.name) and re.fullmatch(r"(?:[A-Z][a-z0-9]*)+", rule["name"])
        assert rule["shortDescription"]["text"] == entry.summary
        assert rule["fullDescription"]["text"] == entry.explanation.split("\n\n")[0]
        assert rule["help"]["text"] == entry.explanation
        assert rule["help"]["markdown"] == codes.explain_markdown(entry)
        assert rule["defaultConfiguration"]["level"] == {"error": "error", "warning": "warning"}[entry.severity]
    assert codes.named("UNKNOWN_NAME").code in {r["id"] for r in rules if r["name"] == "UnknownName"}


def test_warnings_are_warnings_and_exit_0_unless_strict(cli, pack_copy, monkeypatch, validator):
    monkeypatch.chdir(pack_copy.parent)
    break_pack(pack_copy, ("service.pol", "  on DRR\n  may points\n", "  on DRR\n  table {\n  }\n  may points\n"))
    result, log = sarif(cli, "policies")
    assert result.exit_code == 0
    validator.validate(log)
    assert [(r["ruleId"], r["level"]) for r in results(log)] == [("W200", "warning")]
    assert results(log)[0]["message"]["text"].startswith("this table has no rows\nhelp: add its rows")
    result, strict_log = sarif(cli, "policies", "--strict")
    assert (result.exit_code, strict_log) == (1, log)


def test_errors_exit_1_and_usage_errors_exit_2(cli, pack_copy, monkeypatch):
    monkeypatch.chdir(pack_copy.parent)
    break_pack(pack_copy, *BROKEN)
    assert cli("check", "policies", "--format", "sarif").exit_code == 1
    examples = PACK / "examples"
    usage = cli("check", next(examples.glob("*.jsonl")), "--format", "sarif")
    assert usage.exit_code == 2 and usage.stdout == ""


# ---- paths -----------------------------------------------------------------------------------

def test_paths_are_relative_to_the_working_folder(cli, pack_copy, monkeypatch, validator):
    break_pack(pack_copy, *BROKEN)
    monkeypatch.chdir(pack_copy.parent)
    given_relative = sarif(cli, "policies")[1]
    given_absolute = sarif(cli, pack_copy)[1]  # an absolute PATH: the log says the same
    assert given_absolute == given_relative
    assert sorted(set(uris(given_absolute))) == ["policies/fulfilment.pol", "policies/ledger.pol",
                                                 "policies/service.pol"]
    inside = pack_copy / "sub"
    inside.mkdir()
    monkeypatch.chdir(inside)
    from_below = sarif(cli, pack_copy)[1]
    assert sorted(set(uris(from_below))) == ["../fulfilment.pol", "../ledger.pol", "../service.pol"]
    validator.validate(from_below)
    for log in (given_absolute, from_below):
        text = json.dumps(log)
        assert str(pack_copy) not in text and "file:" not in text
        for result in results(log):
            for location in result["locations"] + result.get("relatedLocations", []):
                assert location["physicalLocation"]["artifactLocation"]["uriBaseId"] == SRCROOT


def test_paths_of_standard_input_are_relative_too(cli, pack_copy, monkeypatch):
    monkeypatch.chdir(pack_copy)
    buffer = (pack_copy / "fulfilment.pol").read_text(encoding="utf-8").replace(*BROKEN[0][1:])
    result = cli("check", "-", "--stdin-filename", "./fulfilment.pol", "--format", "sarif", input=buffer)
    assert result.exit_code == 1
    assert [where(r)[:2] for r in results(json.loads(result.stdout))] == [("fulfilment.pol", 43)]


def test_names_that_are_not_plain_ascii_are_percent_encoded(cli, pack_copy, monkeypatch, validator):
    monkeypatch.chdir(pack_copy.parent)
    folder = pack_copy / "规则 more"
    folder.mkdir()
    (folder / "新#1.pol").write_text("region US {\n}\n", encoding="utf-8")
    result, log = sarif(cli, "policies")
    assert result.exit_code == 1
    validator.validate(log)
    assert where(results(log)[0])[:2] == ("policies/%E8%A7%84%E5%88%99%20more/%E6%96%B0%231.pol", 1)
    assert result.stdout.isascii()


# ---- columns ---------------------------------------------------------------------------------

@pytest.mark.parametrize("before", ["政策合规(卖家资质)", "emoji \U0001F600 and 中文"])
def test_columns_count_code_points(cli, pack_copy, monkeypatch, before):
    # An astral character is one code point and two UTF-16 code units: the log says which it counts.
    monkeypatch.chdir(pack_copy.parent)
    break_pack(pack_copy, ("catalogue.pol", '  name zh "政策合规(卖家资质)"\n', f'  name zh "{before}" oops\n'))
    _, log = sarif(cli, "policies")
    [result] = results(log)
    _, line, column, end_line, end_column, _ = where(result)
    text = (pack_copy / "catalogue.pol").read_text(encoding="utf-8").split("\n")[line - 1]
    assert (end_line, text[column - 1:end_column - 1]) == (line, "oops")
    assert log["runs"][0]["columnKind"] == "unicodeCodePoints"


# ---- fingerprints ----------------------------------------------------------------------------

def _insert_comment_lines(pack: Path, files, count: int = 1) -> None:
    for name in files:
        file = pack / name
        file.write_text("# a comment added above\n" * count + file.read_text(encoding="utf-8"), encoding="utf-8")


def test_fingerprints_stay_when_lines_are_added_above(cli, pack_copy, monkeypatch):
    monkeypatch.chdir(pack_copy.parent)
    break_pack(pack_copy, *BROKEN)
    _, before = sarif(cli, "policies")
    _insert_comment_lines(pack_copy, ["fulfilment.pol", "ledger.pol", "service.pol"], count=3)
    _, after = sarif(cli, "policies")
    assert len(results(before)) == 3
    assert fingerprints(after) == fingerprints(before)
    assert [where(r)[1] for r in results(after)] == [where(r)[1] + 3 for r in results(before)]
    related = [[loc["physicalLocation"]["region"]["startLine"] for loc in r.get("relatedLocations", [])]
               for r in results(before)]
    assert related[1]  # the duplicate threshold names the first one: it moved too
    assert [[loc["physicalLocation"]["region"]["startLine"] for loc in r.get("relatedLocations", [])]
            for r in results(after)] == [[line + 3 for line in lines] for lines in related]


def test_fingerprints_stay_when_the_message_names_a_line_that_moved(cli, in_tmp):
    build_pack(read_case(OVERLAP), in_tmp)
    _, before = sarif(cli, "policies")
    [result] = results(before)
    assert re.search(r"\.pol:\d+", result["message"]["text"])  # `rows 2 (fulfilment.pol:41) and ...`
    _insert_comment_lines(in_tmp / "policies", ["fulfilment.pol"])
    _, after = sarif(cli, "policies")
    assert results(after)[0]["message"]["text"] != result["message"]["text"]
    assert fingerprints(after) == fingerprints(before)
    assert where(results(after)[0])[1] == where(result)[1] + 1


def test_fingerprints_change_with_the_problem(cli, pack_copy, monkeypatch):
    monkeypatch.chdir(pack_copy.parent)
    break_pack(pack_copy, BROKEN[0])
    [first] = fingerprints(sarif(cli, "policies")[1])
    break_pack(pack_copy, ("fulfilment.pol", "late_orders >= 30% then", "late_orders >= 31% then"))
    [other_line_text] = fingerprints(sarif(cli, "policies")[1])
    shutil.move(pack_copy / "fulfilment.pol", pack_copy / "renamed.pol")
    [other_file] = fingerprints(sarif(cli, "policies")[1])
    assert len({first, other_line_text, other_file}) == 3


def test_the_same_problem_twice_has_two_fingerprints(raw_messages):
    source = "  x = 1\n  x = 1\n"
    twice = [Diagnostic("E200", "unknown name `x`", span=Span("p.pol", line, 3, line, 4)) for line in (1, 2)]
    printed = [r["partialFingerprints"][FINGERPRINT] for r in results(json.loads(render_sarif(twice, {"p.pol": source})))]
    assert printed[0].split(":")[0] == printed[1].split(":")[0]
    assert [p.split(":")[1] for p in printed] == ["1", "2"]


def test_fingerprints_ignore_indentation_and_line_numbers_in_messages(raw_messages):
    def fingerprint(source, message, line=1):
        d = Diagnostic("E501", message, span=Span("p.pol", line, 1, line, 2))
        return results(json.loads(render_sarif([d], {"p.pol": source})))[0]["partialFingerprints"][FINGERPRINT]

    assert fingerprint("when  a\tthen\n", "rows 1 (p.pol:41) and 2 (p.pol:42:3)") == \
        fingerprint("\n    when a then\n", "rows 1 (p.pol:45) and 2 (p.pol:46:3)", line=2)
    assert fingerprint("when a then\n", "rows 1 and 2") != fingerprint("when a then\n", "rows 1 and 3")
    assert without_line_numbers("row 3 (fulfilment.pol:41), line 7, 30%") == "row 3 (fulfilment.pol:#), line #, 30%"


# ---- the bytes -------------------------------------------------------------------------------

def test_the_same_pack_gives_the_same_bytes_wherever_it_is(cli, tmp_path, monkeypatch):
    outputs = []
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
        monkeypatch.chdir(tmp_path / name)
        pack = tmp_path / name / "policies"
        shutil.copytree(PACK, pack, ignore=shutil.ignore_patterns("examples"))
        break_pack(pack, *BROKEN)
        outputs += [cli("check", "policies", "--format", "sarif").stdout_bytes,
                    cli("check", pack, "--format", "sarif").stdout_bytes]
    assert len(set(outputs)) == 1
    text = outputs[0].decode("ascii")
    assert json.dumps(json.loads(text), indent=2, sort_keys=True) + "\n" == text  # keys sorted
    assert not re.search(r"\d{4}-\d{2}-\d{2}T", text)  # no timestamps


def test_a_diagnostic_without_a_span_has_a_location_without_a_region(validator, raw_messages):
    log = json.loads(render_sarif([Diagnostic("E002", "unreadable", path="p.pol"),
                                   Diagnostic("E310", "x", span=Span("p.pol", 2, 3, 2, 4),
                                              related=(Related(Span("q.pol", 1, 1, 1, 2), "see"),))]))
    validator.validate(log)
    first, second = results(log)
    assert first["locations"] == [{"physicalLocation": {"artifactLocation": {"uri": "p.pol", "uriBaseId": SRCROOT}}}]
    assert "ruleIndex" not in second  # no such code in the registry: the result still names it
    assert second["relatedLocations"][0]["id"] == 1
