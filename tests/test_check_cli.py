"""`tspol check`: exit codes, and the exact shape of each output format.

The many broken packs live in tests/fixtures/broken (test_check_fixtures.py);
these tests pin the contract of the command itself.
"""

from __future__ import annotations

import json
import re
import shutil

import pytest

from tspol.diagnostics import Diagnostic, Related, Span, render_github, render_json, render_text

from conftest import PACK

DESIGN_KEYS = {"path", "line", "column", "end_line", "end_column", "severity", "code", "message"}
OPTIONAL_KEYS = {"help", "related"}
GITHUB_LINE = re.compile(
    r"::(error|warning) file=[^,:]+(,line=\d+)(,col=\d+)?(,endLine=\d+)(,endColumn=\d+)?,title=tspol [EW]\d{3}::[^\n\r]+")


def break_pack(pack, *edits):
    for name, old, new in edits:
        file = pack / name
        text = file.read_text(encoding="utf-8")
        assert text.count(old) == 1
        file.write_text(text.replace(old, new), encoding="utf-8")


BROKEN = [
    ("fulfilment.pol", "late_orders >= 30 then", "late_orders >= 30% then"),
    ("service.pol", "rule dispute_rate in US, SEA, UK", "rule dispute_rate in US, SEA, UKK"),
    ("ledger.pol", "  threshold 36 {", "  threshold 24 {"),
]


# ---- exit codes ------------------------------------------------------------------------------------

def test_clean_pack_exits_0_with_nothing_on_stdout(cli):
    for fmt in ("text", "json", "github"):
        result = cli("check", PACK, "--format", fmt)
        assert result.exit_code == 0
        assert result.stdout == {"text": "", "json": "[]\n", "github": ""}[fmt]


def test_errors_exit_1(cli, pack_copy):
    break_pack(pack_copy, *BROKEN)
    assert cli("check", pack_copy).exit_code == 1


@pytest.mark.parametrize("args", [
    ["check", "no/such/pack"],
    ["check", "--format", "xml"],
    ["check", "--nope"],
])
def test_usage_errors_exit_2(cli, args):
    result = cli(*args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_a_folder_without_pol_files_is_a_usage_error(cli, tmp_path):
    result = cli("check", tmp_path)
    assert result.exit_code == 2
    assert "no .pol files in" in result.stderr


def test_a_file_that_is_not_utf8_exits_1(cli, pack_copy):
    (pack_copy / "bad.pol").write_bytes(b"region \xff\n")
    result = cli("check", pack_copy, "--format", "json")
    assert result.exit_code == 1
    [record] = json.loads(result.stdout)
    assert (record["path"], record["code"], record["line"], record["column"]) == (
        str(pack_copy / "bad.pol"), "E002", 1, 8)


def test_warnings_exit_0_unless_strict(cli, pack_copy):
    break_pack(pack_copy, ("service.pol", "  on DRR\n  may points\n", "  on DRR\n  table {\n  }\n  may points\n"))
    result = cli("check", pack_copy)
    assert result.exit_code == 0
    assert result.stdout.startswith(f"{pack_copy / 'service.pol'}:42:3: warning[W200]: this table has no rows\n"
                                 "  42 |   table {\n     |   ^^^^^\n  help: add its rows")
    assert cli("check", pack_copy, "--strict").exit_code == 1


def test_default_pack_is_policies_in_the_working_folder(cli, tmp_path, monkeypatch):
    shutil.copytree(PACK, tmp_path / "policies", ignore=shutil.ignore_patterns("*.jsonl", "examples"))
    break_pack(tmp_path / "policies", BROKEN[0])
    monkeypatch.chdir(tmp_path)
    result = cli("check")
    assert result.exit_code == 1
    assert result.stdout.startswith("policies/fulfilment.pol:43:40: error[E301]:")
    assert result.stderr == "checked policies: 1 error\n"


def test_several_packs_are_reported_together(cli, pack_copy, tmp_path):
    other = tmp_path / "other"
    shutil.copytree(pack_copy, other)
    break_pack(pack_copy, BROKEN[0])
    break_pack(other, BROKEN[1])
    result = cli("check", pack_copy, other, "--format", "json")
    assert result.exit_code == 1
    assert [(r["path"], r["line"], r["code"]) for r in json.loads(result.stdout)] == [
        (str(other / "service.pol"), 37, "E200"), (str(pack_copy / "fulfilment.pol"), 43, "E301")]


# ---- formats --------------------------------------------------------------------------------------------

def test_json_records_have_the_keys_of_the_design(cli, pack_copy):
    break_pack(pack_copy, *BROKEN)
    records = json.loads(cli("check", pack_copy, "--format", "json").stdout)
    assert len(records) == 3
    for record in records:
        assert DESIGN_KEYS <= set(record) <= DESIGN_KEYS | OPTIONAL_KEYS
        assert isinstance(record["line"], int) and isinstance(record["end_column"], int)
    assert records[1]["related"] == [{"path": str(pack_copy / "ledger.pol"), "line": 28, "column": 13,
                                      "message": "first defined here"}]


def test_github_annotations_follow_the_workflow_command_syntax(cli, pack_copy):
    break_pack(pack_copy, *BROKEN)
    lines = cli("check", pack_copy, "--format", "github").stdout.splitlines()
    assert len(lines) == 3
    for line in lines:
        assert GITHUB_LINE.fullmatch(line), line
    assert lines[0] == (
        f"::error file={pack_copy / 'fulfilment.pol'},line=43,col=40,endLine=43,endColumn=43,title=tspol E301::"
        "`late_orders` is a count, but `30%25` is a percentage"
        "%0Ahelp: compare a count with a whole number, such as `late_orders >= 30`")


def test_github_escapes_properties_and_data(raw_messages):
    d = Diagnostic("E100", "50% of\r\nlines", span=Span("a,b:c%.pol", 2, 3, 2, 5), help="x")
    assert render_github([d]) == (
        "::error file=a%2Cb%3Ac%25.pol,line=2,col=3,endLine=2,endColumn=5,title=tspol E100::50%25 of%0D%0Alines"
        "%0Ahelp: x\n")


def test_github_leaves_out_columns_of_a_span_over_several_lines(raw_messages):
    d = Diagnostic("E202", "m", span=Span("p.pol", 2, 3, 5, 1))
    assert render_github([d]) == "::error file=p.pol,line=2,endLine=5,title=tspol E202::m\n"


def test_text_shows_the_line_and_carets_under_the_span(raw_messages):
    d = Diagnostic("E301", "message", span=Span("p.pol", 2, 5, 2, 8), help="do this",
                   related=(Related(Span("p.pol", 1, 1, 1, 2), "see"),))
    assert render_text([d], {"p.pol": "first\n  x abc y\n"}) == (
        "p.pol:2:5: error[E301]: message\n"
        "  2 |   x abc y\n"
        "    |     ^^^\n"
        "  note: p.pol:1:1: see\n"
        "  help: do this\n")


def test_json_of_a_diagnostic_without_a_span(raw_messages):
    d = Diagnostic("E002", "unreadable", path="p.pol")
    assert json.loads(render_json([d])) == [{"path": "p.pol", "line": None, "column": None, "end_line": None,
                                             "end_column": None, "severity": "error", "code": "E002",
                                             "message": "unreadable"}]


def test_a_byte_order_mark_is_not_an_error(cli, pack_copy):
    policy = pack_copy / "policy.pol"
    policy.write_bytes(b"\xef\xbb\xbf" + policy.read_bytes())
    result = cli("check", pack_copy)
    assert result.exit_code == 0, result.output


def test_a_byte_that_is_not_utf8_is_located(cli, pack_copy):
    policy = pack_copy / "policy.pol"
    lines = policy.read_bytes().split(b"\n")
    lines[5] = lines[5][:4] + b"\xff" + lines[5][4:]
    policy.write_bytes(b"\n".join(lines))
    result = cli("check", pack_copy, "--format", "json")
    assert result.exit_code == 1
    [record] = json.loads(result.stdout)
    assert (record["line"], record["column"], record["code"]) == (6, 5, "E002")
    assert "0xff" in record["message"]


def test_a_file_is_checked_as_part_of_its_pack(cli, pack_copy):
    result = cli("check", pack_copy / "fulfilment.pol")
    assert result.exit_code == 0, result.output
    assert f"checking {pack_copy / 'fulfilment.pol'} as part of the pack in {pack_copy}" in result.stderr


def test_errors_anywhere_in_the_pack_of_a_file_are_reported(cli, pack_copy):
    metrics = pack_copy / "metrics.pol"
    metrics.write_text(metrics.read_text(encoding="utf-8").replace("standard LDR < 4%", "standard LDR < 4"),
                       encoding="utf-8")
    result = cli("check", pack_copy / "fulfilment.pol", pack_copy / "service.pol", "--format", "json")
    assert result.exit_code == 1
    assert [(r["path"], r["code"]) for r in json.loads(result.stdout)] == [(str(metrics), "E301")]


def test_a_file_outside_any_pack_is_a_pack_alone(cli, tmp_path):
    lone = tmp_path / "lone.pol"
    lone.write_text('policy p {\n  version "1"\n  effective 2024-01-01\n}\n', encoding="utf-8")
    result = cli("check", lone)
    assert result.exit_code == 0, result.output
    assert "as part of the pack" not in result.stderr


def test_a_policy_file_beside_a_pack_folder_is_a_pack_alone(cli, pack_copy):
    # ./mine.pol and ./policies/ declare two policies: the folder around mine.pol is no one pack.
    mine = pack_copy.parent / "mine.pol"
    mine.write_text('policy mine {\n  version "1"\n  effective 2024-01-01\n}\n', encoding="utf-8")
    result = cli("check", mine)
    assert (result.exit_code, result.stderr) == (0, f"checked {mine}: no problems\n")
    result = cli("check", pack_copy / "fulfilment.pol")
    assert result.exit_code == 0
    assert result.stderr.startswith(f"tspol: checking {pack_copy / 'fulfilment.pol'} as part of the pack in {pack_copy}")


# ---- standard input: an editor's unsaved buffer ----------------------------------------------------

def test_stdin_text_is_checked_as_the_named_file_of_its_pack(cli, pack_copy):
    file = pack_copy / "fulfilment.pol"
    buffer = file.read_text(encoding="utf-8").replace(*BROKEN[0][1:])
    result = cli("check", "-", "--stdin-filename", file, "--format", "json", input=buffer)
    assert result.exit_code == 1
    assert [(r["path"], r["line"], r["column"], r["code"]) for r in json.loads(result.stdout)] == [
        (str(file), 43, 40, "E301")]
    assert "late_orders >= 30 then" in file.read_text(encoding="utf-8")  # the file on disk is untouched


def test_stdin_text_replaces_the_file_on_disk(cli, pack_copy):
    break_pack(pack_copy, BROKEN[0])
    fixed = (pack_copy / "fulfilment.pol").read_text(encoding="utf-8").replace(*BROKEN[0][:0:-1])
    result = cli("check", "-", "--stdin-filename", pack_copy / "fulfilment.pol", input=fixed)
    assert result.exit_code == 0, result.output
    assert cli("check", pack_copy).exit_code == 1  # while the saved file is broken


def test_stdin_text_of_a_new_file_joins_its_pack(cli, pack_copy):
    # A region defined again: the definition being edited is the one reported, whatever the file order.
    result = cli("check", "-", "--stdin-filename", pack_copy / "more.pol", "--format", "json",
                 input="region US {\n}\n")
    assert result.exit_code == 1
    [record] = json.loads(result.stdout)
    assert (record["path"], record["line"], record["code"]) == (str(pack_copy / "more.pol"), 1, "E201")
    assert (record["related"][0]["path"], record["related"][0]["line"]) == (str(pack_copy / "policy.pol"), 13)
    assert not (pack_copy / "more.pol").exists()


def test_stdin_without_a_name_is_a_pack_of_its_own(cli):
    text = (PACK / "policy.pol").read_text(encoding="utf-8")
    result = cli("check", "-", input=text)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "checked <stdin>: no problems\n")
    result = cli("check", "-", input=text.replace("effective 2024-07-15", "effective 2024-13-15"))
    assert result.exit_code == 1
    assert result.stdout.startswith("<stdin>:")
    assert result.stderr.endswith("tspol: <stdin> was checked as a pack of its own; to check it as a file of a "
                                  "pack, give --stdin-filename FILE\n")


def test_stdin_that_is_not_utf8_is_located(cli, pack_copy):
    result = cli("check", "-", "--stdin-filename", pack_copy / "fulfilment.pol", "--format", "json",
                 input=b"rule \xff\n")
    assert result.exit_code == 1
    [record] = json.loads(result.stdout)
    assert (record["path"], record["code"], record["line"], record["column"]) == (
        str(pack_copy / "fulfilment.pol"), "E002", 1, 6)


@pytest.mark.parametrize("args", [["-", "policies"], ["--stdin-filename", "a.pol"], ["policies", "--stdin-filename",
                                                                                      "a.pol"]])
def test_stdin_usage_errors_exit_2(cli, args):
    result = cli("check", *args, input="")
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_stdin_name_relative_from_inside_a_subfolder_of_the_pack(cli, pack_copy, monkeypatch):
    sub = pack_copy / "sub"
    sub.mkdir()
    (pack_copy / "service.pol").rename(sub / "service.pol")
    monkeypatch.chdir(sub)
    text = (sub / "service.pol").read_text(encoding="utf-8")
    result = cli("check", "-", "--stdin-filename", "service.pol", input=text)
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("tspol: checking service.pol as part of the pack in ..\n")
    assert cli("check", "service.pol").exit_code == 0  # a saved file is found in its pack the same way


def test_stdin_name_through_a_symbolic_link(cli, pack_copy, tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (pack_copy / "service.pol").rename(outside / "service.pol")
    (pack_copy / "service.pol").symlink_to(outside / "service.pol")
    text = (outside / "service.pol").read_text(encoding="utf-8")
    result = cli("check", "-", "--stdin-filename", pack_copy / "service.pol", input=text)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("name, message", [
    ("", "--stdin-filename names a .pol file; got ''"),
    ("notes.txt", "--stdin-filename names a .pol file; got 'notes.txt'"),
    ("no/such/folder/x.pol", "--stdin-filename no/such/folder/x.pol: there is no folder no/such/folder"),
])
def test_stdin_names_that_cannot_be_a_pol_file(cli, tmp_path, monkeypatch, name, message):
    monkeypatch.chdir(tmp_path)
    result = cli("check", "-", "--stdin-filename", name, input="region US {\n}\n")
    assert (result.exit_code, result.stderr) == (2, f"tspol: {message}\n")


def test_stdin_name_under_a_file(cli, pack_copy):
    name = pack_copy / "policy.pol" / "x.pol"
    result = cli("check", "-", "--stdin-filename", name, input="")
    assert (result.exit_code, result.stderr) == (2, f"tspol: --stdin-filename {name}: there is no folder "
                                                   f"{pack_copy / 'policy.pol'}\n")


def test_a_link_to_nowhere_is_reported_not_skipped(cli, pack_copy):
    (pack_copy / "gone.pol").symlink_to(pack_copy / "no" / "such.pol")
    result = cli("check", pack_copy, "--format", "json")
    assert result.exit_code == 1
    [record] = json.loads(result.stdout)
    assert (record["path"], record["code"]) == (str(pack_copy / "gone.pol"), "E002")


def test_a_utf16_file_is_named_as_such(cli, pack_copy):
    (pack_copy / "wide.pol").write_bytes("region XX {\n}\n".encode("utf-16"))
    result = cli("check", pack_copy, "--format", "json")
    assert result.exit_code == 1
    [record] = json.loads(result.stdout)
    assert (record["path"], record["code"], record["line"]) == (str(pack_copy / "wide.pol"), "E002", 1)
    assert record["message"].startswith("this file is UTF-16 text")


def test_stdin_names_in_a_new_subfolder_and_odd_names(cli, pack_copy, monkeypatch):
    (pack_copy / "sub").mkdir()
    result = cli("check", "-", "--stdin-filename", pack_copy / "sub" / "new.pol", input="")
    assert result.exit_code == 0, result.output  # an empty new file, checked in its pack
    assert f"as part of the pack in {pack_copy}" in result.stderr
    monkeypatch.chdir(pack_copy)
    result = cli("check", "-", "--stdin-filename", "..draft.pol", input="")
    assert result.exit_code == 0, result.output


def test_stdin_diagnostics_name_the_buffer_as_given(cli, pack_copy, monkeypatch):
    monkeypatch.chdir(pack_copy)
    buffer = (pack_copy / "fulfilment.pol").read_text(encoding="utf-8").replace(*BROKEN[0][1:])
    result = cli("check", "-", "--stdin-filename", "./fulfilment.pol", "--format", "json", input=buffer)
    assert [r["path"] for r in json.loads(result.stdout)] == ["./fulfilment.pol"]
