"""Versions in one pack (issue 11): a pack's amendments, each version a whole pack.

`examples/versions/` has two versions: version 1 (2025-01-01) and the amendment "2"
(2025-06-17) that raises late dispatch from 10% (a changed number), adds a row from 20%,
removes order defects in the UK and shortens the life of points from 180 to 90 days,
points scored before it keeping their 180.
"""

from __future__ import annotations

import datetime
import os
import json
from pathlib import Path

import pytest

from eval_engines import boundary_sellers, compiled_module
from test_differential import assert_agree
from tspol.workspace import Workspace

ROOT = Path(__file__).resolve().parents[1]
PACK = ROOT / "examples" / "versions"
EVENTS = PACK / "events.jsonl"
LATE_12 = '{"orders_7d": 100, "late_orders": 12}\n'


@pytest.fixture
def in_pack_copy(tmp_path):
    """A copy of the example pack whose text a test may change."""
    copy = tmp_path / "versions"
    copy.mkdir()
    (copy / "policy.pol").write_text((PACK / "policy.pol").read_text(encoding="utf-8"), encoding="utf-8")
    (copy / "events.jsonl").write_text(EVENTS.read_text(encoding="utf-8"), encoding="utf-8")
    return copy


def _edited(pack: Path, old: str, new: str, name: str = "policy.pol") -> Path:
    text = (pack / name).read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    (pack / name).write_text(text.replace(old, new), encoding="utf-8")
    return pack


# ---- what a version is

def test_the_pack_has_two_versions_the_latest_by_default():
    workspace = Workspace.open(PACK)
    assert [(v.label, v.effective) for v in workspace.history.versions] == [("1", "2025-01-01"), ("2", "2025-06-17")]
    assert (workspace.program().version, workspace.program().effective) == ("2", "2025-06-17")
    first = workspace.of_version("1").program()
    assert (first.version, first.effective) == ("1", "2025-01-01")
    assert workspace.of_version("3") is None


def test_each_version_is_the_one_before_amended():
    workspace = Workspace.open(PACK)
    rules = {label: sorted((rule.name, region.name) for region in workspace.of_version(label).program().regions
                           for rule in region.rules) for label in ("1", "2")}
    assert rules["1"] == [("late_dispatch", "UK"), ("late_dispatch", "US"), ("order_defects", "UK")]
    assert rules["2"] == [("late_dispatch", "UK"), ("late_dispatch", "US")]
    expiries = [workspace.of_version(label).program().ledger.expiry_days for label in ("1", "2")]
    assert expiries == [180, 90]


def test_the_version_in_force_on_a_day():
    workspace = Workspace.open(PACK)
    on = lambda text: workspace.at(datetime.date.fromisoformat(text))  # noqa: E731
    assert on("2024-12-31") is None
    assert on("2025-01-01").chosen.label == on("2025-06-16").chosen.label == "1"
    assert on("2025-06-17").chosen.label == on("2030-01-01").chosen.label == "2"


def test_a_remove_in_some_regions_narrows_the_rule(in_pack_copy):
    _edited(in_pack_copy, "remove rule order_defects in UK", "remove rule late_dispatch in UK")
    program = Workspace.open(in_pack_copy).program()
    assert {region.name: [rule.name for rule in region.rules] for region in program.regions} == {
        "US": ["late_dispatch"], "UK": ["order_defects"]}


def test_a_pack_without_amendments_has_one_version_and_its_bytes(cli, tmp_path):
    workspace = Workspace.open(ROOT / "policies")
    assert not workspace.has_history and workspace.versions() == [workspace]
    assert workspace.digest == workspace.sources.hash


# ---- every engine decides every version alike

@pytest.mark.parametrize("label", ["1", "2"])
def test_the_module_decides_each_version_as_the_interpreter(label):
    program = Workspace.open(PACK).of_version(label).program()
    module = compiled_module(program)
    sellers = list(boundary_sellers(program))
    assert len(sellers) > 50
    for i, seller in enumerate(sellers):
        for region in program.region_names:
            assert_agree(program, module, seller, region, "zh" if i % 2 else "en")


# ---- check

def test_check_proves_every_version_and_says_which(cli, in_pack_copy):
    """A row no seller reaches in version 2 only is reported as of version 2; the same
    problem in a declaration both versions share is reported once, as of version 1."""
    _edited(in_pack_copy, "      when LDR >= 20% then points 8\n",
            "      when LDR >= 20% then points 8\n      when LDR >= 30% then points 9\n")
    result = cli("check", in_pack_copy, "--format", "json")
    records = json.loads(result.stdout)
    assert result.exit_code == 1
    assert [(r["code"], r["message"].split(":")[0]) for r in records] == [
        ("E502", "in version 2 (effective 2025-06-17)")]


def test_an_error_of_the_first_version_is_said_once(cli, in_pack_copy):
    _edited(in_pack_copy, "  on ODR\n", "  on ODRX\n")
    records = json.loads(cli("check", in_pack_copy, "--format", "json").stdout)
    assert [(r["code"], r["message"]) for r in records] == [("E200", "unknown metric `ODRX`")]


def test_a_pack_with_an_error_in_an_earlier_version_does_not_load(cli, in_pack_copy):
    _edited(in_pack_copy, "  on ODR\n", "  on ODRX\n")
    result = cli("eval", "--policy", in_pack_copy, "--region", "US", "-", input=LATE_12)
    assert result.exit_code == 1 and "E200" in result.output


def test_the_pack_is_formatted_and_checks_clean(cli):
    assert cli("fmt", "--check", PACK).exit_code == 0
    assert cli("check", "--strict", PACK).exit_code == 0


# ---- eval --on, compile --on, diff

def _points(cli, *options) -> int:
    result = cli("eval", "--policy", PACK, "--region", "US", "--format", "json", *options, "-", input=LATE_12)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["points"]


def test_eval_on_decides_by_the_version_in_force_that_day(cli):
    assert _points(cli, "--on", "2025-06-16") == 4
    assert _points(cli, "--on", "2025-06-17") == 5
    assert _points(cli) == 5


def test_eval_on_a_day_before_the_first_version_is_a_usage_error(cli):
    result = cli("eval", "--policy", PACK, "--region", "US", "--on", "2024-12-31", "-", input=LATE_12)
    assert result.exit_code == 2
    assert '2024-12-31 is before the first version of the pack, "1" (effective 2025-01-01)' in result.output


def test_compile_on_writes_that_version(cli, tmp_path):
    for on, version in (("2025-03-01", "1"), ("2025-07-01", "2")):
        assert cli("compile", PACK, "--on", on, "--target", "ir", "-o", tmp_path / on).exit_code == 0
        written = json.loads((tmp_path / on / "versions_example.ir.json").read_text(encoding="utf-8"))
        assert (written["version"], written["program"]["version"]) == (1, version)


def test_diff_by_date_and_by_label(cli):
    by_date = cli("diff", PACK, "--from", "2025-03-01", "--to", "2025-07-01", "--format", "json")
    by_label = cli("diff", PACK, "--versions", "1", "2", "--format", "json")
    assert by_date.exit_code == by_label.exit_code == 1
    changes = json.loads(by_date.stdout)
    assert (changes["old"], changes["new"]) == (f"{PACK}@1", f"{PACK}@2")
    assert changes["changes"] == json.loads(by_label.stdout)["changes"]
    assert {(c["region"], c["rule"]) for c in changes["changes"]} == {
        ("US", "late_dispatch"), ("UK", "late_dispatch"), ("UK", "order_defects")}
    same = cli("diff", PACK, "--from", "2025-03-01", "--to", "2025-06-16")
    assert same.exit_code == 0


def test_diff_says_the_sellers_of_a_change_in_the_reports_language(cli):
    """`ODR is not evaluated` was English under `--lang zh`; the JSON keeps its English `where`."""
    zh = cli("diff", PACK, "--from", "2025-03-01", "--to", "2025-07-01", "--lang", "zh")
    assert "UK order_defects:ODR 未评估\n" in zh.stdout and "is not evaluated" not in zh.stdout
    markdown = cli("diff", PACK, "--from", "2025-03-01", "--to", "2025-07-01", "--lang", "zh", "--format", "markdown")
    assert "`ODR 未评估`" in markdown.stdout
    changes = json.loads(cli("diff", PACK, "--from", "2025-03-01", "--to", "2025-07-01", "--lang", "zh",
                             "--format", "json").stdout)["changes"]
    assert "ODR is not evaluated" in [c["where"] for c in changes]


def test_diff_of_a_version_the_pack_does_not_have_is_a_usage_error(cli):
    result = cli("diff", PACK, "--versions", "1", "3")
    assert result.exit_code == 2 and 'the pack has no version "3"; its versions are "1" and "2"' in result.output


# ---- the ledger

def test_simulate_scores_each_event_by_the_version_in_force(cli, snapshot, monkeypatch):
    """m1 (version 1) scores 4 for 12% and keeps 180 days; m2, the same 12% under
    version 2, scores 5 and counts 90 days; m3's 25% is version 2's added row, 8."""
    monkeypatch.chdir(ROOT)
    events = "examples/versions/events.jsonl"
    timeline = cli("simulate", "--policy", "examples/versions", events)
    steps = cli("simulate", "--policy", "examples/versions", events, "--until", "2025-12-07", "--every", "2w")
    assert timeline.exit_code == steps.exit_code == 0, timeline.output + steps.output
    assert timeline.stdout + "\n" + steps.stdout == snapshot


def test_points_scored_before_the_amendment_keep_their_expiry(cli):
    state = json.loads(cli("simulate", "--policy", PACK, EVENTS, "--format", "json").stdout)
    assert [(v["id"], v["points"], v["expires"]) for v in state["violations"]] == [
        ("m1", 4, "2025-10-28"), ("v1", 2, "2025-12-07"), ("m2", 5, "2025-09-18"), ("m3", 8, "2025-09-29")]


def test_points_scored_before_the_amendment_may_take_the_new_expiry(cli, in_pack_copy):
    _edited(in_pack_copy, "keep their expiry", "take the new expiry")
    state = json.loads(cli("simulate", "--policy", in_pack_copy, in_pack_copy / "events.jsonl",
                           "--format", "json", "--on", "2025-08-01").stdout)
    assert [(v["id"], v["expires"], v["status"]) for v in state["violations"]] == [
        ("m1", "2025-07-30", "expired"), ("v1", "2025-09-08", "active"),
        ("m2", "2025-09-18", "active"), ("m3", "2025-09-29", "active")]
    assert state["active_points"] == 15


def test_a_point_past_its_new_expiry_expires_on_the_amendments_day(cli, in_pack_copy):
    _edited(in_pack_copy, "keep their expiry", "take the new expiry")
    _edited(in_pack_copy, '"date": "2025-05-01"', '"date": "2025-02-01"', "events.jsonl")
    state = json.loads(cli("simulate", "--policy", in_pack_copy, in_pack_copy / "events.jsonl",
                           "--format", "json", "--on", "2025-06-17").stdout)
    assert state["violations"][0]["expires"] == "2025-06-17"


def test_a_violation_event_names_a_rule_of_the_version_in_force(cli, tmp_path):
    events = tmp_path / "events.jsonl"
    events.write_text('{"date": "2025-03-01", "kind": "violation", "id": "v1", "rule": "order_defects", "points": 3}\n'
                      '{"date": "2025-07-01", "kind": "violation", "id": "v2", "rule": "order_defects", "points": 3}\n',
                      encoding="utf-8")
    result = cli("simulate", "--policy", PACK, "--region", "UK", events)
    assert result.exit_code == 1
    assert "events.jsonl:2: error[E710]" in result.output and "events.jsonl:1:" not in result.output


def test_policy_on_a_day(tmp_path):
    import tspol
    from tspol.diagnostics import TspolError

    policy = tspol.load(PACK)
    metrics = {"orders_7d": 100, "late_orders": 12}
    assert policy.on("2025-06-16").evaluate_dict(metrics, "US")["points"] == 4
    assert policy.on(datetime.date(2025, 6, 17)).evaluate_dict(metrics, "US")["points"] == 5
    with pytest.raises(TspolError) as raised:
        policy.on("2024-01-01")
    assert raised.value.diagnostics[0].code == "E750"


# ---- random packs with an amendment: each version decided as brute force does

from hypothesis import HealthCheck, assume, given, settings  # noqa: E402

from packgen import AMENDED_ON, Brute, amended_packs  # noqa: E402


@settings(max_examples=int(os.environ.get("TSPOL_BRUTE_EXAMPLES", 8)), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drawn=amended_packs())
def test_engines_decide_each_version_of_random_packs(drawn):
    """The version in force before AMENDED_ON decides as the first table, from it on as
    the amendment's: the module of each version fires what brute force fires, and agrees
    with the interpreter."""
    from tspol.diagnostics import TspolError

    text, first, second = drawn
    workspace = Workspace.of({"p.pol": text}, {"p.pol": "p.pol"}, ".")
    day = datetime.date.fromisoformat(AMENDED_ON)
    for version, facts in ((workspace.at(day - datetime.timedelta(days=1)), first), (workspace.at(day), second)):
        try:
            program = version.lowered()
        except TspolError:
            assume(False)
        module, brute = compiled_module(program), Brute(facts)
        for position, seller in enumerate(brute.sellers()):
            given_values = {name: value for name, value in seller.items() if value is not None}
            fired = [v["row"] for v in module.evaluate(given_values, "X")["violations"]]
            assert fired == brute.fired(seller), (text, seller)
            if position % 13 == 0:
                assert_agree(program, module, given_values, "X")
