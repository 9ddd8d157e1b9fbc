"""`tspol simulate`: the ledger scenarios of tests/fixtures/ledger/ through the
command line, as text and JSON (snapshots in tests/__snapshots__/test_simulate.ambr),
and the command's own arguments and errors.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from test_ledger_cases import CASE_FILES, assert_contains, build_pack, read_case

VIOLATION = {"kind": "violation", "rule": "late_dispatch"}


_LOADED: dict[str, tuple] = {}


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    """A scratch working folder; each pack text is loaded once per test run."""
    from tspol.cli import simulate
    from tspol.dsl.sources import default_pack_path, read_sources, source_hash

    load = simulate._load_policy

    def load_once(path):
        key = source_hash(*read_sources(Path(path or default_pack_path())))
        if key not in _LOADED:
            _LOADED[key] = load(path)
        return _LOADED[key]

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TSPOL_CACHE_DIR", "")  # compiled packs in memory only
    monkeypatch.setattr(simulate, "_load_policy", load_once)
    return tmp_path


def write_events(path: Path, *events: dict) -> str:
    path.write_text("".join(json.dumps(e) + "\n" for e in events), encoding="utf-8")
    return str(path.name)


def violation(date: str, id: str, points: int) -> dict:
    return {"date": date, **VIOLATION, "id": id, "points": points}


@pytest.mark.parametrize("case_file", CASE_FILES, ids=[p.stem for p in CASE_FILES])
def test_simulate_case(case_file, in_tmp, cli, snapshot):
    case = read_case(case_file)
    (in_tmp / "events.jsonl").write_text(case.events, encoding="utf-8")
    args = case.cli_args("events.jsonl")
    if build_pack(case, in_tmp) is not None:
        args += ["--policy", "policies"]
    text, as_json = cli(*args), cli(*args, "--format", "json")
    command = "$ tspol " + " ".join(args)
    assert "Traceback" not in text.output + as_json.output

    if case.errors:
        assert (text.exit_code, as_json.exit_code) == (1, 1)
        assert text.stdout == as_json.stdout == ""
        for line, key, code in case.errors:
            assert f"events.jsonl:{line}: error[{code}]: " + (f"key `{key}`: " if key else "") in text.stderr
        assert snapshot == f"{case.description}\n\n{command}   (exit 1)\n{text.stderr}"
        return

    assert (text.exit_code, as_json.exit_code) == (0, 0), text.output + as_json.output
    states = [json.loads(line) for line in as_json.stdout.splitlines()] if case.simulate \
        else [json.loads(as_json.stdout)]
    if not case.simulate:
        day, expected = case.expectations[-1]
        assert_contains(states[0], expected)
    assert snapshot == (f"{case.description}\n\n{command}\n{text.stdout}\n"
                        f"{command} --format json\n{as_json.stdout}")


def test_on_defaults_to_the_last_event(in_tmp, cli):
    name = write_events(in_tmp / "e.jsonl", violation("2024-01-01", "v1", 7), violation("2024-03-01", "v2", 1))
    state = json.loads(cli("simulate", "--region", "US", name, "--format", "json").stdout)
    assert state["on"] == "2024-03-01"
    assert state["active_points"] == 8


def test_events_from_stdin(in_tmp, cli):
    events = json.dumps(violation("2024-01-01", "v1", 12)) + "\n"
    result = cli("simulate", "--region", "SEA", "-", "--format", "json", input=events)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["level"] == 12


def test_stdin_errors_name_stdin(in_tmp, cli):
    result = cli("simulate", "--region", "US", "-", input='{"date": "2024-01-01", "kind": "violation"}\n')
    assert result.exit_code == 1
    assert "<stdin>:1: error[E702]: key `id`:" in result.stderr


@pytest.mark.parametrize("args, message", [
    (["--on", "2024-02-30"], "2024-02-30 is not a calendar date"),
    (["--on", "yesterday"], 'expected a date as "YYYY-MM-DD"'),
    (["--until", "2024-03-01", "--every", "7"], "expected a number of days or weeks such as 7d or 2w"),
    (["--until", "2024-03-01", "--every", "0d"], "expected a number of days or weeks such as 7d or 2w"),
    (["--until", "2024-03-01", "--every", "1m"], "expected a number of days or weeks such as 7d or 2w"),
    (["--every", "7d"], "--every needs --until"),
    (["--until", "2023-12-31"], "tspol: --until 2023-12-31 is before the first day to show, 2024-01-01 "
                                "(the first event's date)"),
    (["--on", "2024-01-10", "--until", "2024-01-09"], "tspol: --until 2024-01-09 is before the first day to "
                                                      "show, 2024-01-10 (--on)"),
    (["--format", "xml"], "'xml' is not one of"),
])
def test_bad_arguments_are_usage_errors(in_tmp, cli, args, message):
    name = write_events(in_tmp / "e.jsonl", violation("2024-01-01", "v1", 7))
    base = ["simulate", name] + ([] if "--region" in args else ["--region", "US"])
    result = cli(*base, *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_an_unknown_region_is_bad_input_exit_1(in_tmp, cli):
    """DESIGN.md's Errors: unknown regions are errors like bad metrics (exit 1), as in tspol eval."""
    name = write_events(in_tmp / "e.jsonl", violation("2024-01-01", "v1", 7))
    result = cli("simulate", name, "--region", "EU")
    assert result.exit_code == 1
    assert "tspol: unknown region `EU`; this policy has US, SEA, UK" in result.stderr


def test_missing_events_file_is_a_usage_error(in_tmp, cli):
    result = cli("simulate", "--region", "US", "nowhere.jsonl")
    assert result.exit_code == 2
    assert "nowhere.jsonl" in result.stderr


def test_not_utf8_events(in_tmp, cli):
    """A line that is not UTF-8 is that line's error, as in `tspol eval`; the other lines are read."""
    (in_tmp / "e.jsonl").write_bytes(b'{"date": "2024-01-01", "kind": "\xff"}\n{"kind": "link"}\n')
    result = cli("simulate", "--region", "US", "e.jsonl")
    assert result.exit_code == 1
    assert result.stderr.startswith("e.jsonl:1: error[E708]: this line is not UTF-8 text: byte 0xff at column 33 "
                                    "(invalid start byte)\ne.jsonl:2: error[E702]: ")


def test_suggestions_quote_names_as_the_rest_of_tspol(in_tmp, cli):
    name = write_events(in_tmp / "e.jsonl", {**violation("2024-01-01", "v1", 7), "rule": "late_dispatching"})
    result = cli("simulate", "--region", "US", name)
    assert "`late_dispatching` is neither a rule nor a reason" in result.stderr
    assert "did you mean `late_dispatch`?" in result.stderr
    assert "'" not in result.stderr


def test_broken_policy_is_reported_with_its_place(in_tmp, cli):
    (in_tmp / "pack").mkdir()
    (in_tmp / "pack" / "p.pol").write_text('policy p {\n  version 1\n}\n', encoding="utf-8")
    name = write_events(in_tmp / "e.jsonl", violation("2024-01-01", "v1", 7))
    result = cli("simulate", "--policy", "pack", "--region", "US", name)
    assert result.exit_code == 1
    assert "p.pol:2:" in result.stderr
    assert "Traceback" not in result.output


def test_empty_events_need_a_day(in_tmp, cli):
    (in_tmp / "e.jsonl").write_text("\n", encoding="utf-8")
    result = cli("simulate", "--region", "US", "e.jsonl")
    assert result.exit_code == 1
    assert "there are no events" in result.stderr
    on_a_day = cli("simulate", "--region", "US", "e.jsonl", "--on", "2024-01-01", "--format", "json")
    assert on_a_day.exit_code == 0
    assert json.loads(on_a_day.stdout)["active_points"] == 0


def test_steps_include_both_ends_when_they_fall_on_a_step(in_tmp, cli):
    name = write_events(in_tmp / "e.jsonl", violation("2024-01-01", "v1", 7))
    result = cli("simulate", "--region", "US", name, "--until", "2024-01-15", "--every", "7d", "--format", "json")
    assert [json.loads(line)["on"] for line in result.stdout.splitlines()] == \
        ["2024-01-01", "2024-01-08", "2024-01-15"]


def test_until_is_the_last_step_even_between_two(in_tmp, cli):
    name = write_events(in_tmp / "e.jsonl", violation("2024-01-01", "v1", 7))
    result = cli("simulate", "--region", "US", name, "--until", "2024-01-18", "--every", "7d", "--format", "json")
    assert [json.loads(line)["on"] for line in result.stdout.splitlines()] == \
        ["2024-01-01", "2024-01-08", "2024-01-15", "2024-01-18"]


def test_output_is_deterministic(in_tmp, cli):
    case = read_case(CASE_FILES[0])
    (in_tmp / "events.jsonl").write_text(case.events, encoding="utf-8")
    runs = {cli(*case.cli_args("events.jsonl"), "--format", fmt).stdout for fmt in ("json",) * 2}
    assert len(runs) == 1


# ---- regions, weeks, the size of a chart, and how lines are read

ONE_REGION = Path(__file__).resolve().parent / "fixtures" / "one_region"


def test_region_may_be_left_out_when_the_policy_has_one(in_tmp, cli):
    name = write_events(in_tmp / "e.jsonl", violation("2024-01-01", "v1", 7),
                        {"date": "2024-01-02", "kind": "metrics", "id": "m1",
                         "metrics": {"orders_7d": 10, "late_orders": 5}})
    result = cli("simulate", "--policy", ONE_REGION, name, "--format", "json")
    assert result.exit_code == 0, result.output
    assert (json.loads(result.stdout)["region"], json.loads(result.stdout)["active_points"]) == ("DE", 10)
    assert cli("simulate", "--policy", ONE_REGION, name).stdout.startswith("e.jsonl: region DE, events ")


def test_a_region_named_by_metrics_events_is_the_sellers(in_tmp, cli):
    name = write_events(in_tmp / "e.jsonl", {"date": "2024-01-01", "kind": "metrics", "id": "m1", "region": "UK",
                                             "metrics": {"orders_7d": 100, "late_orders": 4}})
    assert json.loads(cli("simulate", name, "--format", "json").stdout)["region"] == "UK"


def test_a_region_is_needed_when_the_policy_has_several(in_tmp, cli):
    name = write_events(in_tmp / "e.jsonl", violation("2024-01-01", "v1", 7))
    result = cli("simulate", name)
    assert (result.exit_code, result.stdout) == (2, "")
    assert "tspol: give --region: this policy has US, SEA, UK, and no metrics event names the seller's region" \
        in result.stderr


def test_a_region_in_the_wrong_case_gets_a_did_you_mean(in_tmp, cli):
    name = write_events(in_tmp / "e.jsonl", violation("2024-01-01", "v1", 7),
                        {"date": "2024-01-02", "kind": "metrics", "id": "m1", "region": "sea", "metrics": {}})
    result = cli("simulate", name, "--region", "us")
    assert result.exit_code == 1
    assert "tspol: unknown region `us`; this policy has US, SEA, UK; did you mean `US`?" in result.stderr
    result = cli("simulate", name, "--region", "SEA")
    assert "e.jsonl:2: error[E711]: key `region`: unknown region `sea`; this policy has US, SEA, UK; " \
           "did you mean `SEA`?" in result.stderr


def test_every_takes_weeks(in_tmp, cli):
    name = write_events(in_tmp / "e.jsonl", violation("2024-01-01", "v1", 7))
    weeks, days = (cli("simulate", "--region", "US", name, "--until", "2024-02-01", "--every", step,
                       "--format", "json").stdout for step in ("2w", "14d"))
    assert weeks == days
    assert [json.loads(line)["on"] for line in weeks.splitlines()] == [
        "2024-01-01", "2024-01-15", "2024-01-29", "2024-02-01"]


def test_a_chart_past_max_states_is_a_usage_error_saying_how_many(in_tmp, cli):
    name = write_events(in_tmp / "e.jsonl", violation("2024-01-01", "v1", 7))
    result = cli("simulate", "--region", "US", name, "--until", "9999-12-31", "--every", "1d")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "tspol: --until 9999-12-31 with --every 1d from 2024-01-01 gives 2,913,174 states, more than --max-states "
        "(10,000): give a larger --every (such as 292d), a nearer --until, or --max-states 2913174 to print them "
        "all\n")
    fits = cli("simulate", "--region", "US", name, "--until", "9999-12-31", "--every", "292d", "--format", "json")
    assert fits.exit_code == 0 and len(fits.stdout.splitlines()) <= 10_000
    allowed = cli("simulate", "--region", "US", name, "--until", "2024-01-10", "--max-states", "10")
    assert allowed.exit_code == 0 and len(allowed.stdout.splitlines()) == 11  # the header and ten days
    assert cli("simulate", "--region", "US", name, "--until", "2024-01-11", "--max-states", "10").exit_code == 2


def test_the_help_says_the_bound(cli):
    result = cli("simulate", "--help")
    assert "--max-states" in result.stdout and "10,000" in result.stdout and "2w" in result.stdout


def test_a_bom_at_the_start_is_read_as_eval_and_check_read_it(in_tmp, cli):
    (in_tmp / "e.jsonl").write_bytes(b"\xef\xbb\xbf" + json.dumps(violation("2024-01-01", "v1", 7)).encode() + b"\n")
    result = cli("simulate", "--region", "US", "e.jsonl", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["active_points"] == 7


def test_a_line_too_long_is_its_error_and_the_others_are_read(in_tmp, cli, monkeypatch):
    from tspol.runtime import jsonnum

    monkeypatch.setattr(jsonnum, "MAX_LINE", 200)
    long = {**violation("2024-01-02", "v2", 1), "note": "x" * 300}
    name = write_events(in_tmp / "e.jsonl", violation("2024-01-01", "v1", 7), long, {"kind": "link"})
    result = cli("simulate", "--region", "US", name)
    assert result.exit_code == 1
    assert "e.jsonl:2: error[E708]: line too long: 405 bytes, more than the limit of 200 bytes for one line" \
        in result.stderr
    assert "e.jsonl:3: error[E702]: key `date`" in result.stderr


def test_malformed_json_names_the_files_line_and_the_column_in_it(in_tmp, cli):
    (in_tmp / "e.jsonl").write_text(json.dumps(violation("2024-01-01", "v1", 7)) + '\n\n{"date": "2024-01-02",\n',
                                    encoding="utf-8")
    result = cli("simulate", "--region", "US", "e.jsonl")
    assert result.stderr == ("e.jsonl:3: error[E700]: malformed JSON: Expecting property name enclosed in double "
                             "quotes at the end of the line (column 23)\n")
