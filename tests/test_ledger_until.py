"""Measures that last until a metric is back within its standard, or while at a level
(issue 11): `no_campaigns until LDR is within standard`, `reduced_visibility while at this
level`; the incremental timeline against full states with such measures; the checker's
E451/E452; examples/ledger_until/ through `tspol simulate` (snapshots in
tests/__snapshots__/test_ledger_until.ambr, read by hand).
"""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_ledger_timeline import event_logs, plain_timeline

import tspol
from tspol.compiler import irjson
from tspol.diagnostics import TspolError
from tspol.dsl.formatter import format_source
from tspol.runtime.ledger import Ledger

ROOT = Path(__file__).resolve().parents[1]
PACK = ROOT / "examples" / "ledger_until"


def metrics(date: str, id: str, late: int) -> dict:
    return {"date": date, "kind": "metrics", "id": id, "metrics": {"orders_7d": 100, "late_orders": late}}


def violation(date: str, id: str, points: int) -> dict:
    return {"date": date, "kind": "violation", "id": id, "rule": "late_dispatch", "points": points}


def restrictions(events, on: str) -> list[tuple[str, str, str | None]]:
    state = tspol.load(PACK).ledger(events, region="US").state(on)
    return [(r.action, str(r.start), r.until and str(r.until)) for r in state.restrictions]


def test_until_within_standard_is_open_ended_and_ends_on_the_first_later_metrics_event_within():
    events = [metrics("2025-03-01", "m1", 12), metrics("2025-03-05", "m2", 5), metrics("2025-03-09", "m3", 3)]
    assert restrictions(events, "2025-03-08") == [("no_campaigns", "2025-03-01", None)]  # 5% is outside
    assert restrictions(events, "2025-03-09") == []
    record = tspol.load(PACK).ledger(events, region="US").state("2025-03-05").to_dict()["restrictions"]
    assert record == [{"action": "no_campaigns", "from": "2025-03-01", "until": None,
                       "lasts": "until LDR is within standard", "threshold": 4}]


def test_a_violation_event_or_a_metrics_event_without_the_metric_ends_nothing():
    events = [metrics("2025-03-01", "m1", 12), violation("2025-03-05", "v2", 0),
              {"date": "2025-03-06", "kind": "metrics", "id": "m3", "metrics": {"orders_7d": 0, "late_orders": 0}}]
    assert restrictions(events, "2025-03-06") == [("no_campaigns", "2025-03-01", None)]


def test_while_at_this_level_ends_the_day_points_drop_below_on_expiry_or_an_accepted_appeal():
    campaigns = ("no_campaigns", "2025-03-01", None)  # both thresholds apply; no metrics event ends it
    expiry = [violation("2025-03-01", "v1", 8)]
    assert restrictions(expiry, "2025-03-30") == [campaigns, ("reduced_visibility", "2025-03-01", None)]
    assert restrictions(expiry, "2025-03-31") == [campaigns]  # 30 days later the points expire
    appeal = [violation("2025-03-01", "v1", 4), violation("2025-03-02", "v2", 4),
              {"date": "2025-03-06", "kind": "appeal", "violation": "v2", "outcome": "accepted"}]
    assert restrictions(appeal, "2025-03-05") == [campaigns, ("reduced_visibility", "2025-03-02", None)]
    assert restrictions(appeal, "2025-03-06") == [campaigns]  # revoked from the day it scored


def test_the_timeline_says_why_an_open_ended_measure_ends():
    events = [metrics("2025-03-01", "m1", 12), violation("2025-03-02", "v2", 4), metrics("2025-03-03", "m3", 1)]
    rows = tspol.load(PACK).ledger(events, region="US").timeline("2025-04-01")
    said = {str(row.date): "; ".join(str(c) for c in row.changes) for row in rows}
    assert said["2025-03-01"].endswith("starts no_campaigns until LDR is within standard")
    assert said["2025-03-02"].endswith("starts reduced_visibility while at 8 points or more")
    assert said["2025-03-03"].endswith("ends no_campaigns: LDR within standard")
    assert said["2025-03-31"] == "m1 expires -4; ends reduced_visibility: below 8 points"


@pytest.mark.parametrize("old, new, code, where", [
    ("  standard LDR < 4%\n", "", "E451", "61:24"),  # a metric without a standard (a line less above)
    ("  on LDR\n", "", "E452", "61:24"),  # no rule on the metric (a line less above)
    ("until LDR is", "until orders_7d is", "E200", "62:24"),  # an input, not a metric
])
def test_the_checker_wants_a_metric_with_a_standard_that_a_rule_is_on(cli, tmp_path, old, new, code, where):
    text = (PACK / "policy.pol").read_text(encoding="utf-8")
    assert old in text
    (tmp_path / "policy.pol").write_text(text.replace(old, new), encoding="utf-8")
    result = cli("check", str(tmp_path))
    assert "Traceback" not in result.output
    assert result.exit_code == 1, result.output
    assert f"policy.pol:{where}: error[{code}]" in result.output, result.output


def test_fmt_keeps_the_durations_and_the_ir_json_reads_them_back():
    text = (PACK / "policy.pol").read_text(encoding="utf-8")
    assert format_source(text) == text
    program = tspol.load(PACK).program
    low, high = program.ledger.thresholds
    assert (low.measures, low.until_within, high.while_level) == ((("no_campaigns", None),), (("no_campaigns", "LDR"),),
                                                                  ("reduced_visibility",))
    dumped = irjson.dumps(program)
    assert json.loads(dumped)["version"] == 3
    assert irjson.loads(dumped) == program


@pytest.fixture(scope="module")
def bundled():
    return tspol.load(ROOT / "policies")


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(events=event_logs(), extra_days=st.sampled_from([0, 30, 400]), kind=st.sampled_from(["within", "level"]))
def test_the_timeline_is_what_full_states_say_with_open_ended_measures(bundled, events, extra_days, kind):
    """The bundled ledger with every timed measure open-ended: the incremental timeline is the plain one."""
    ledger_ir = bundled.program.ledger

    def open_ended(t):
        timed = tuple(m for m, n in t.measures if n is not None)
        measures = tuple((m, None) for m, _ in t.measures)
        if kind == "within":
            return attrs.evolve(t, measures=measures, until_within=tuple((m, "LDR") for m in timed))
        return attrs.evolve(t, measures=measures, while_level=timed)

    thresholds = tuple(open_ended(t) for t in ledger_ir.thresholds)
    program = attrs.evolve(bundled.program, ledger=attrs.evolve(ledger_ir, thresholds=thresholds))
    try:
        ledger = Ledger(program, events, region="US", evaluate=bundled.evaluate_dict)
    except TspolError:
        return
    on = ledger.last_date + datetime.timedelta(days=extra_days)
    assert ledger.timeline(on) == plain_timeline(ledger, on), json.dumps(events)


@pytest.mark.parametrize("args", [(), ("--format", "json", "--on", "2025-03-12")], ids=["text", "json"])
def test_simulate_the_example_pack(cli, snapshot, monkeypatch, args):
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("TSPOL_CACHE_DIR", "")
    command = ["simulate", "--policy", "examples/ledger_until", "examples/ledger_until/events.jsonl", *args]
    result = cli(*command)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert snapshot == "$ tspol " + " ".join(command) + "\n" + result.output


def test_the_readme_shows_what_simulate_prints(cli, monkeypatch):
    """The README's block under "Measures until the metric is back, or while at a level"."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Measures until the metric is back, or while at a level\n")[1].split("\n### ")[0]
    shown = re.search(r"^```text\n(.*?)^```", section, re.MULTILINE | re.DOTALL).group(1)
    monkeypatch.chdir(ROOT)
    result = cli("simulate", "--policy", "examples/ledger_until", "examples/ledger_until/events.jsonl")
    assert result.exit_code == 0, result.output
    assert "\n" + shown + "\n" in result.output


def test_hover_says_how_long_a_threshold_imposes_the_measure_and_completion_offers_metrics_after_until():
    from tspol.lsp.completion import complete
    from tspol.lsp.hover import about_name
    from tspol.lsp.snapshot import Snapshot

    path = str(PACK / "policy.pol")
    text = (PACK / "policy.pol").read_text(encoding="utf-8")
    snapshot = Snapshot.of_file(path, {path: text})
    assert "**measure** `no_campaigns`: from threshold 4 until LDR is within standard" in \
        about_name(snapshot, "measure", "no_campaigns")
    assert "自节点处罚阈值 8 起" in about_name(snapshot, "measure", "reduced_visibility", "zh")
    assert "- `ledger` (policy.pol:62)" in about_name(snapshot, "quantity", "LDR")  # a use of the metric
    written = text.replace("no_campaigns until LDR is within standard", "no_campaigns until ")
    offset = written.index("no_campaigns until ") + len("no_campaigns until ")
    offered = complete(Snapshot.of_file(path, {path: written}), path, offset)
    assert [(c.label, c.kind) for c in offered] == [("LDR", "metric")]


def test_a_measure_without_its_length_is_told_every_way_it_may_last(cli, tmp_path):
    text = (PACK / "policy.pol").read_text(encoding="utf-8")
    (tmp_path / "policy.pol").write_text(text.replace("no_campaigns until LDR is within standard", "no_campaigns 14d"),
                                         encoding="utf-8")
    result = cli("check", str(tmp_path))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "policy.pol:62:18: error[E100]: expected `for`, `permanently`, `until` or `while`, but found `14d`" \
        in result.output
    assert "`until METRIC is within standard` or `while at this level`" in result.output


# ---- random packs (tests/packgen.py) with measures for days, until R is within standard, while at a level

import itertools  # noqa: E402
import os  # noqa: E402

from hypothesis import assume  # noqa: E402
from packgen import Brute, packs  # noqa: E402

DAY0 = datetime.date(2025, 1, 1)


def model_restrictions(facts, brute, log, on):
    """The measures in effect on day `on` (an offset), one day at a time from the README's
    words: a violation counts `expiry` days; a threshold reached as the points rise imposes
    its measures (the highest's, of a day reaching several); one `for N` lasts N days, one
    `while at this level` until a day the points end below its threshold, one `until R is
    within standard` until a later metrics event finds R within its standard."""
    expiry, thresholds = facts["ledger"]
    scored = [(day, brute.points(seller) or 0) for day, seller in log]
    within_days = {day for day, seller in log if brute.meets_standard(seller)}
    imposed, previous = [], 0  # [measure, start, until (None: open), lasts, threshold, ended]
    for day in range(0, on + 1):
        active = sum(points for scored_on, points in scored if scored_on <= day < scored_on + expiry)
        for m in imposed:
            if m[5] is None and m[1] < day and ((m[3] == ("within",) and day in within_days)
                                                or (m[3] == ("level",) and active < m[4])):
                m[5] = day
        reached = [t for t in thresholds if previous < t[0] <= active]
        for points, measures in reached[-1:]:
            imposed += [[name, day, day + lasts[1] if lasts[0] == "days" else None, lasts, points, None]
                        for name, lasts in measures]
        previous = active
    return sorted((m[0], m[1], m[2]) for m in imposed
                  if (m[2] is None or on < m[2]) and (m[5] is None or on < m[5]))


@st.composite
def metric_logs(draw, brute):
    """Metrics events (day offset, seller) of random sellers, and of sellers whose R is 0%,
    within any standard where it has a value (so `until R is within standard` ends)."""
    sellers = list(itertools.islice(brute.sellers(), 0, None, 7))
    sellers += [{"c": c, "b": 0, "a": 0, "x": 1} for c in (2, 4)] * (len(sellers) // 4 + 1)
    day, log = 0, []
    for _ in range(draw(st.integers(1, 8))):
        day += draw(st.sampled_from([0, 1, 3, 10, 25]))
        if not log or log[-1][0] != day:
            log.append((day, draw(st.sampled_from(sellers))))
    return log


@settings(max_examples=int(os.environ.get("TSPOL_BRUTE_EXAMPLES", 8)), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_random_packs_end_their_measures_as_a_day_by_day_model(data):
    from tspol.api import Policy
    from tspol.diagnostics import TspolError
    from tspol.workspace import Workspace

    text, facts = data.draw(packs(ledger=True))
    try:
        policy = Policy(Workspace.of({"p.pol": text}, {"p.pol": "p.pol"}, ".").compiled())
    except TspolError:
        assume(False)
    brute = Brute(facts, largest=4)
    log = data.draw(metric_logs(brute))
    events = [{"date": (DAY0 + datetime.timedelta(days=day)).isoformat(), "kind": "metrics", "id": f"m{n}",
               "metrics": {k: v for k, v in seller.items() if v is not None}} for n, (day, seller) in enumerate(log)]
    ledger = policy.ledger(events, region="X")
    for on in sorted({day for day, _ in log} | {log[-1][0] + 30, log[-1][0] + 70}):
        state = ledger.state(DAY0 + datetime.timedelta(days=on))
        got = sorted((r.action, (r.start - DAY0).days, None if r.until is None else (r.until - DAY0).days)
                     for r in state.restrictions)
        assert got == model_restrictions(facts, brute, log, on), (text, json.dumps(events), on)
