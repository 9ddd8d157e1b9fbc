"""`tspol eval`: one object or JSON Lines in, decisions out, streamed; text and JSON; en and zh."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tspol
from tspol.cli import eval as eval_cli

SELLERS = [
    {"seller_id": "s-clean", "orders_7d": 200, "cancelled_orders": 2, "late_orders": 3, "avg_daily_orders_4w": 30,
     "orders_30d": 800, "non_cancelled_orders_30d": 780, "negative_reviews_30d": 3, "buyer_disputes_30d": 50,
     "seller_fault_disputes_30d": 1, "seller_fault_return_requests_30d": 50, "resolved_return_requests_30d": 50,
     "defect_returns_30d": 5, "avg_first_response_minutes": 12, "buyer_messages": 100, "replied_within_24h": 90,
     "replied_within_48h": 97},
    {"seller_id": 42, "orders_7d": 60, "cancelled_orders": 30, "late_orders": 2, "avg_daily_orders_4w": 80.5,
     "avg_first_response_minutes": 45},
    {"seller_id": "s-uk", "region": "UK", "orders_7d": 100, "late_orders": 55, "avg_daily_orders_4w": 200},
    {"seller_id": "s-sea", "region": "SEA", "metrics": {"orders_7d": 25, "late_orders": 1}},
]


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("TSPOL_CACHE_DIR", str(tmp_path / "cache"))


def jsonl(records) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


def test_one_object_in_one_decision_out(cli, tmp_path):
    path = tmp_path / "seller.json"
    path.write_text(json.dumps({"orders_7d": 40, "late_orders": 12}, indent=2), encoding="utf-8")
    result = cli("eval", "--region", "US", "--format", "json", path)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == tspol.load().evaluate_dict({"orders_7d": 40, "late_orders": 12}, "US")
    assert result.stdout.startswith('{\n  "region": "US",\n  "points": 5,')


def test_json_lines_in_one_decision_per_line_out(cli):
    result = cli("eval", "--region", "US", "--format", "json", "-", input=jsonl(SELLERS))
    assert result.exit_code == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(o["seller_id"], o["region"], o["points"]) for o in out] == [
        ("s-clean", "US", 0), (42, "US", 7), ("s-uk", "UK", 8), ("s-sea", "SEA", 0)]
    assert list(out[1])[:2] == ["seller_id", "region"]
    policy = tspol.load()
    assert {k: v for k, v in out[1].items() if k != "seller_id"} == policy.evaluate_dict(
        {k: v for k, v in SELLERS[1].items() if k != "seller_id"}, "US")
    assert out[3]["violations"][0]["warning"] is True  # LDR 4% in SEA: a warning row


def test_a_line_names_its_region_when_there_is_no_default(cli):
    result = cli("eval", "--format", "json", input=jsonl(SELLERS[2:]))
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["region"] for line in result.stdout.splitlines()] == ["UK", "SEA"]


def test_text_report_in_english(cli, snapshot):
    result = cli("eval", "--region", "US", input=jsonl(SELLERS))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == snapshot


def test_text_report_in_chinese(cli, snapshot):
    result = cli("eval", "--region", "US", "--lang", "zh", input=jsonl(SELLERS))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == snapshot


def test_chinese_decision_json(cli):
    result = cli("eval", "--region", "US", "--lang", "zh", "--format", "json", input=jsonl(SELLERS[1:2]))
    because = json.loads(result.stdout)["violations"][0]["because"]
    assert because.startswith("商责取消率(SFCR) 为 50% (30/60)")
    assert "fulfilment.pol:16" in because and "即每日最多 8 单" in because


def test_empty_input_decides_nothing(cli):
    result = cli("eval", "--region", "US", input="")
    assert (result.exit_code, result.stdout) == (0, "")


def test_an_unknown_region_option_is_bad_input(cli):
    """DESIGN.md, Errors: unknown regions are bad input (exit 1), as on a line, not a usage error."""
    result = cli("eval", "--region", "EU", input="{}")
    assert result.exit_code == 1
    assert "unknown region `EU`" in result.stderr and "US, SEA, UK" in result.stderr
    assert result.stdout == ""


def test_a_broken_policy_is_reported_where_it_is_wrong(cli, pack_copy):
    metrics = pack_copy / "metrics.pol"
    metrics.write_text(metrics.read_text(encoding="utf-8").replace("standard LDR < 4%", "standard LDR < 4"),
                       encoding="utf-8")
    result = cli("eval", "--policy", pack_copy, "--region", "US", input="{}")
    assert result.exit_code == 1
    assert "metrics.pol:121:" in result.stderr and "Traceback" not in result.output


def test_an_edited_policy_decides_by_its_own_numbers(cli, pack_copy):
    fulfilment = pack_copy / "fulfilment.pol"
    fulfilment.write_text(fulfilment.read_text(encoding="utf-8").replace(
        "when 25% <= LDR < 50% and late_orders >= 5 then points 5",
        "when 25% <= LDR < 50% and late_orders >= 5 then points 6"), encoding="utf-8")
    result = cli("eval", "--policy", pack_copy, "--region", "US", "--format", "json",
                 input='{"orders_7d": 40, "late_orders": 12}\n')
    assert json.loads(result.stdout)["points"] == 6


def test_a_malformed_first_line_still_gets_batch_answers(cli):
    result = cli("eval", "--region", "US", "--format", "json",
                 input='{"orders_7d": \n{"orders_7d": 40, "late_orders": 12}\n')
    assert result.exit_code == 1
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert out[0]["line"] == 1 and out[0]["error"]["code"] == "E610"
    assert out[1]["points"] == 5


def test_output_is_streamed(program):
    """Decisions are written while input is still being read (constant memory)."""
    module = tspol.load().module
    out = io.BytesIO()
    seen = []

    class Lines(io.BytesIO):
        def readline(self, *args):
            seen.append(len(out.getvalue()))
            return super().readline(*args)

        def __iter__(self):
            while line := self.readline():
                yield line

    count = 4 * eval_cli.CHUNK
    stream = Lines(b'{"orders_7d": 40, "late_orders": 1}\n' * count)
    decider = eval_cli.Decider(module, "US", "json", "en", "<test>")
    eval_cli.run(decider, stream, out, errors=lambda text: None)
    assert len(out.getvalue().splitlines()) == count
    assert seen[count - 1] > 0  # output had been written before the last line was read


def _run(args, env, stdin=""):
    return subprocess.run([sys.executable, *args], input=stdin, capture_output=True, text=True, env=env)


def test_a_cache_hit_never_imports_the_parser(tmp_path):
    env = {**os.environ, "TSPOL_CACHE_DIR": str(tmp_path / "cache")}
    seller = '{"orders_7d": 40, "late_orders": 12}\n'
    first = _run(["-m", "tspol.cli.main", "eval", "--region", "US", "--format", "json"], env, seller)
    assert first.returncode == 0, first.stderr
    second = _run(["-X", "importtime", "-m", "tspol.cli.main", "eval", "--region", "US", "--format", "json"],
                  env, seller)
    assert second.returncode == 0
    assert json.loads(second.stdout)["points"] == 5
    imported = {line.split("|")[-1].strip() for line in second.stderr.splitlines() if line.startswith("import time:")}
    assert "tspol.compiler.cache" in imported
    assert not {name for name in imported if name.split(".")[0] == "lark" or name.startswith("tspol.dsl.parser")}


def test_no_traceback_for_a_missing_file(cli, tmp_path):
    result = cli("eval", "--region", "US", tmp_path / "missing.jsonl")
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


LINES = st.one_of(
    st.dictionaries(st.sampled_from(["orders_7d", "late_orders", "cancelled_orders", "avg_daily_orders_4w",
                                     "seller_id", "region", "metrics", "nope"]),
                    st.one_of(st.integers(-3, 80), st.floats(allow_nan=True), st.booleans(), st.none(),
                              st.text(max_size=4), st.sampled_from(["US", "UK", "EU"])),
                    max_size=5).map(json.dumps),
    st.text(alphabet=st.characters(blacklist_characters="\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"), max_size=30),
    st.binary(max_size=20).map(lambda b: b.replace(b"\n", b"").decode("latin-1")),
)


@settings(max_examples=150, deadline=None)
@given(lines=st.lists(LINES, min_size=1, max_size=8), fmt=st.sampled_from(["json", "text"]))
def test_any_lines_get_one_answer_each_and_no_traceback(lines, fmt):
    module = tspol.load().module
    raw = ("{}\n" + "".join(line + "\n" for line in lines)).encode("utf-8", "surrogatepass")
    out = io.BytesIO()
    decider = eval_cli.Decider(module, "US", fmt, "en", "<test>")
    eval_cli.run(decider, io.BytesIO(raw), out, errors=lambda text: None)
    assert decider.decided + decider.failed == len(lines) + 1
    if fmt == "json":
        # JSON Lines are parted by "\n" alone: a U+0085 or U+2028 in a message is text of it
        *answers, end = out.getvalue().decode("utf-8").split("\n")
        assert end == "" and len(answers) == len(lines) + 1
        for number, answer in enumerate(answers, start=1):
            record = json.loads(answer)
            assert "points" in record or record["line"] == number


def test_progress_on_a_terminal(monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    decider = eval_cli.Decider(tspol.load().module, "US", "json", "en", "<test>")
    eval_cli.run(decider, io.BytesIO(b'{"orders_7d": 1}\n' * (2 * eval_cli.CHUNK)), io.BytesIO(),
                 errors=lambda text: None, size=17 * 2 * eval_cli.CHUNK)
    assert "tspol eval: 512 sellers (50%)" in terminal.getvalue()
    assert terminal.getvalue().endswith("\r\033[K")


def test_helper_processes_answer_alike_and_in_order(cli, monkeypatch):
    monkeypatch.setattr(eval_cli, "PARALLEL_AFTER", 10)
    monkeypatch.setattr(eval_cli, "BATCH", 7)
    shared_runs = []
    real = eval_cli._run_in_helpers
    monkeypatch.setattr(eval_cli, "_run_in_helpers", lambda *args: shared_runs.append(args[-1]) or real(*args))
    lines = []
    for i in range(60):
        seller = {"seller_id": i, "orders_7d": 40 + i, "late_orders": i % 41, "cancelled_orders": (3 * i) % 40}
        lines.append(json.dumps(seller) if i % 13 else '{"orders_7d": -1}')
    text = "\n".join(lines) + "\n"
    for fmt in ("json", "text"):
        alone = cli("eval", "--region", "US", "--format", fmt, "--jobs", "1", input=text)
        shared = cli("eval", "--region", "US", "--format", fmt, "--jobs", "2", input=text)
        assert (shared.exit_code, shared.stdout) == (alone.exit_code, alone.stdout) == (1, alone.stdout)
        assert sorted(shared.stderr.splitlines()) == sorted(alone.stderr.splitlines())
        assert "<stdin>:53: error[E604]: key `orders_7d`" in shared.stderr
    assert shared_runs == [2, 2]
    answers = [json.loads(line) for line in shared_json(cli, text)]
    assert [a.get("seller_id", a.get("line")) for a in answers] == [i if i % 13 else i + 1 for i in range(60)]


def shared_json(cli, text):
    return cli("eval", "--region", "US", "--format", "json", "--jobs", "2", input=text).stdout.splitlines()


# ---- one line failing for an unexpected reason (a bug) fails alone

class Boom(ValueError):
    pass


def _failing_module(module, when):
    """The compiled module, except that `evaluate` and `evaluate_json` raise Boom (no
    MetricsError) for `when`."""
    import types

    def failing(function):
        def run(metrics, region, lang="en"):
            if when(metrics):
                raise Boom("deciding this seller went wrong")
            return function(metrics, region, lang)

        return run

    return types.SimpleNamespace(evaluate=failing(module.evaluate), evaluate_json=failing(module.evaluate_json),
                                 MetricsError=module.MetricsError, NAMES=module.NAMES, POLICY=module.POLICY)


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_a_bug_on_one_line_fails_that_line_only(fmt):
    module = _failing_module(tspol.load().module, lambda metrics: metrics.get("orders_7d") == 13)
    lines = [json.dumps({"seller_id": n, "orders_7d": 10 + n, "late_orders": 1}) for n in range(6)]
    out, reported = io.BytesIO(), []
    decider = eval_cli.Decider(module, "US", fmt, "en", "<test>")
    eval_cli.run(decider, io.BytesIO("\n".join(lines).encode() + b"\n"), out, errors=reported.append)
    assert (decider.decided, decider.failed) == (5, 1)
    assert "<test>:4: error[E619]: internal error: Boom: deciding this seller went wrong" in "".join(reported)
    if fmt == "json":
        answers = [json.loads(line) for line in out.getvalue().decode().splitlines()]
        assert [a.get("points", a.get("error", {}).get("code")) for a in answers] == [0, 0, 0, "E619", 0, 0]
        assert answers[3]["line"] == 4


def test_a_bug_in_a_helper_process_fails_that_line_only(monkeypatch):
    monkeypatch.setattr(eval_cli, "PARALLEL_AFTER", 10)
    monkeypatch.setattr(eval_cli, "BATCH", 7)
    policy = tspol.load()
    source = policy._compiled.module_source() + (
        "\n\n_evaluate_json = evaluate_json\n\n\ndef evaluate_json(metrics, region, lang='en'):\n"
        "    if metrics.get('orders_7d') == 33:\n        raise RuntimeError('boom')\n"
        "    return _evaluate_json(metrics, region, lang)\n")
    out, reported = io.BytesIO(), []
    decider = eval_cli.Decider(policy.module, "US", "json", "en", "<test>", compiled=_Source(source))
    lines = "".join(json.dumps({"orders_7d": n, "late_orders": 0}) + "\n" for n in range(60))
    eval_cli.run(decider, io.BytesIO(lines.encode()), out, errors=reported.append, jobs=2)
    answers = [json.loads(line) for line in out.getvalue().decode().splitlines()]
    assert len(answers) == 60 and (decider.decided, decider.failed) == (59, 1)
    assert answers[33] == {"line": 34, "error": {"code": "E619", "key": None, "message": (
        "internal error: RuntimeError: boom; this is a bug in tspol, please report it")}}
    assert all(a["points"] == 0 for n, a in enumerate(answers) if n != 33)


class _Source:
    """A stand-in for `cache.Compiled`: the source helper processes are given."""

    def __init__(self, source):
        self.source = source

    def module_source(self):
        return self.source


def test_helpers_that_cannot_start_leave_the_lines_to_the_main_process(monkeypatch):
    monkeypatch.setattr(eval_cli, "PARALLEL_AFTER", 10)
    monkeypatch.setattr(eval_cli, "BATCH", 7)
    policy = tspol.load()
    other = policy._compiled.module_source().replace(policy.source_hash, "0" * len(policy.source_hash))
    out, reported = io.BytesIO(), []
    decider = eval_cli.Decider(policy.module, "US", "json", "en", "<test>", compiled=_Source(other))
    lines = "".join(json.dumps({"seller_id": n, "orders_7d": 40, "late_orders": 12}) + "\n" for n in range(40))
    eval_cli.run(decider, io.BytesIO(lines.encode()), out, errors=reported.append, jobs=2)
    answers = [json.loads(line) for line in out.getvalue().decode().splitlines()]
    assert [(a["seller_id"], a["points"]) for a in answers] == [(n, 5) for n in range(40)]
    assert (decider.decided, decider.failed) == (40, 0)
    assert "a helper process failed; deciding its lines in this one" in "".join(reported)


def test_helpers_decide_by_the_policy_as_it_was_when_the_run_began(monkeypatch, pack_copy):
    """Helper processes start after 20,000 lines; an edit of the pack by then must not
    reach them: they run the very module the main process compiled."""
    from tspol.workspace import Workspace

    monkeypatch.setattr(eval_cli, "PARALLEL_AFTER", 10)
    monkeypatch.setattr(eval_cli, "BATCH", 7)
    pack = Workspace.open(pack_copy).compiled()
    fulfilment = pack_copy / "fulfilment.pol"
    fulfilment.write_text(fulfilment.read_text(encoding="utf-8").replace(
        "when 25% <= LDR < 50% and late_orders >= 5 then points 5",
        "when 25% <= LDR < 50% and late_orders >= 5 then points 6"), encoding="utf-8")
    out = io.BytesIO()
    decider = eval_cli.Decider(pack.module, "US", "json", "en", "<test>", compiled=pack)
    lines = b'{"orders_7d": 40, "late_orders": 12}\n' * 40
    eval_cli.run(decider, io.BytesIO(lines), out, errors=lambda text: None, jobs=2)
    assert [json.loads(line)["points"] for line in out.getvalue().splitlines()] == [5] * 40


# ---- what a line says of itself comes back with its answer

def test_a_null_seller_id_is_echoed(cli):
    result = cli("eval", "--region", "US", "--format", "json", input='{"seller_id": null, "orders_7d": 4}\n')
    assert result.exit_code == 0
    assert result.stdout.startswith('{"seller_id": null, "region": "US", ')


def test_the_error_record_of_a_key_given_twice_keeps_the_seller_id(cli):
    lines = ('{"seller_id": "s-1", "orders_7d": 4, "orders_7d": 5}\n'
             '{"seller_id": "s-2", "seller_id": "s-3", "orders_7d": 4}\n'
             '{"seller_id": 7, "metrics": {"late_orders": 1, "late_orders": 2}}\n')
    result = cli("eval", "--region", "US", "--format", "json", input=lines)
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(a.get("seller_id"), a["error"]["key"]) for a in answers] == [
        ("s-1", "orders_7d"), (None, "seller_id"), (7, "late_orders")]
    assert "seller_id" not in answers[1]  # given twice: which one is unknown


def test_bytes_that_are_not_utf8_are_located_from_1(cli, tmp_path):
    path = tmp_path / "sellers.jsonl"
    path.write_bytes(b'{"orders_7d": "\xff"}\n')
    result = cli("eval", "--region", "US", "--format", "json", path)
    assert json.loads(result.stdout)["error"]["message"] == (
        "this is not UTF-8 text: byte 0xff at column 16 (invalid start byte)")
    path.write_bytes('{"seller_id": "é", "orders_7d": "'.encode() + b'\xc3("}\n')  # columns count characters
    result = cli("eval", "--region", "US", "--format", "json", path)
    assert f"{path}:1: error[E610]: this is not UTF-8 text: byte 0xc3 at column 34 (invalid continuation byte)" \
        in result.stderr


def test_a_terminal_on_standard_input_gets_a_hint(cli, monkeypatch):
    monkeypatch.setattr(eval_cli, "_is_terminal", lambda stream: True)
    result = cli("eval", "--region", "US", input="")
    assert "reading sellers from the terminal" in result.stderr and "Ctrl-D" in result.stderr
    monkeypatch.setattr(eval_cli, "_is_terminal", lambda stream: False)
    assert cli("eval", "--region", "US", input="").stderr == ""


def test_help_describes_the_decision_without_pointing_at_unshipped_files(cli):
    result = cli("eval", "--help")
    assert "DESIGN.md" not in result.stdout
    assert "not_applicable" in result.stdout


def test_the_text_report_writes_a_rate_finding_as_the_explanations_do(cli):
    result = cli("eval", "--region", "US", input='{"orders_7d": 40, "late_orders": 12}\n')
    assert "Late dispatch rate (LDR): 30% (12/40), standard < 4%" in result.stdout


# ---- reading lines: a BOM, a line too long, an input with no end of line

def test_a_bom_at_the_start_is_dropped_as_check_drops_it(cli, tmp_path):
    path = tmp_path / "sellers.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + b'{"orders_7d": 40, "late_orders": 12}\n' * 2)
    result = cli("eval", "--region", "US", "--format", "json", path)
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["points"] for line in result.stdout.splitlines()] == [5, 5]


def test_a_line_too_long_is_its_own_error_and_not_held(monkeypatch):
    from tspol.runtime import jsonnum

    monkeypatch.setattr(jsonnum, "MAX_LINE", 64)
    good = b'{"orders_7d": 40, "late_orders": 12}\n'
    long = b'{"seller_id": "' + b"x" * 200 + b'", "orders_7d": 4}\n'
    out, reported = io.BytesIO(), []
    decider = eval_cli.Decider(tspol.load().module, "US", "json", "en", "<test>")
    eval_cli.run(decider, io.BytesIO(long + good + long + good), out, errors=reported.append)
    answers = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [a.get("points", a.get("line")) for a in answers] == [1, 5, 3, 5]
    assert answers[0]["error"] == {"code": "E610", "key": None, "message": (
        "line too long: 233 bytes, more than the limit of 64 bytes for one line")}


def test_an_input_without_an_end_of_line_stops_with_a_located_error(monkeypatch):
    """`tspol eval /dev/zero` grew without limit: past SKIP_LIMIT bytes of one line it stops."""
    from tspol.runtime import jsonnum

    monkeypatch.setattr(jsonnum, "MAX_LINE", 64)
    monkeypatch.setattr(jsonnum, "SKIP_LIMIT", 1000)

    class Zeros(io.RawIOBase):
        def readable(self):
            return True

        def readinto(self, buffer):
            buffer[:] = bytes(len(buffer))
            return len(buffer)

    out, reported = io.BytesIO(), []
    decider = eval_cli.Decider(tspol.load().module, "US", "json", "en", "<zeros>")
    eval_cli.run(decider, io.BufferedReader(Zeros()), out, errors=reported.append)
    (answer,) = [json.loads(line) for line in out.getvalue().splitlines()]
    assert answer["line"] == 1 and "the rest of the input is not read" in answer["error"]["message"]
    assert (decider.decided, decider.failed) == (0, 1)


def test_batches_for_helpers_are_bounded_in_bytes(monkeypatch):
    monkeypatch.setattr(eval_cli, "BATCH_BYTES", 100)
    lines = [b'{"orders_7d": 40}\n'] * 20  # 18 bytes each: 6 lines make 108 bytes
    batches = list(eval_cli._batches(iter(lines), 5))
    assert [(first, len(batch)) for first, batch in batches] == [(5, 6), (11, 6), (17, 6), (23, 2)]


# ---- regions: the only one by default, and a region in the wrong case

ONE_REGION = Path(__file__).resolve().parent / "fixtures" / "one_region"


def test_region_may_be_left_out_when_the_policy_has_one(cli):
    result = cli("eval", "--policy", ONE_REGION, "--format", "json", input='{"orders_7d": 10, "late_orders": 5}\n')
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["region"] == "DE" and json.loads(result.stdout)["points"] == 3


def test_a_missing_region_names_the_regions(cli):
    result = cli("eval", "--format", "json", input='{"orders_7d": 10}\n')
    assert json.loads(result.stdout)["error"]["message"] == (
        "no region: give --region, or a `region` key on the line (this policy has US, SEA, UK)")


def test_a_region_in_the_wrong_case_gets_a_did_you_mean(cli):
    result = cli("eval", "--region", "us", input="{}")
    assert (result.exit_code, result.stdout) == (1, "")
    assert "tspol: unknown region `us` for --region; this policy has US, SEA, UK; did you mean `US`?" \
        in result.stderr
