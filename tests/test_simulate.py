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
