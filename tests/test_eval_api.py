"""The Python API: `tspol.load()`, `Policy.evaluate` -> `Decision`, and the compile cache."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys

import attrs
import pytest

import tspol
from eval_engines import read_cases
from tspol import codes
from tspol.compiler import cache
from tspol.runtime.decision import Decision, Limit, Violation, lean
from tspol.runtime.metrics import MetricsError


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("TSPOL_CACHE_DIR", str(folder))
    cache.clear_memory()
    yield folder
    cache.clear_memory()


def test_the_readme_example():
    policy = tspol.load()
    decision = policy.evaluate({"orders_7d": 40, "late_orders": 12}, region="US")
    assert isinstance(decision, Decision)
    assert (decision.region, decision.points, decision.warning) == ("US", 5, False)
    (violation,) = decision.violations
    assert isinstance(violation, Violation)
    assert (violation.rule, violation.row, violation.points, violation.where) == ("late_dispatch", 3, 5,
                                                                                   "fulfilment.pol:41")
    assert "30% (12/40)" in violation.because
    assert [f.value for f in decision.findings] == ["12/40"]
    assert decision.to_dict() == policy.evaluate_dict({"orders_7d": 40, "late_orders": 12}, "US")


def test_policy_header_and_program():
    policy = tspol.load()
    assert (policy.name, policy.version, policy.effective) == ("tiktok_shop_crossborder", "2025-11-11", "2024-07-15")
    assert policy.regions == ("US", "SEA", "UK")
    assert policy.program.source_hash == policy.source_hash
    assert "late_orders" in policy.inputs


def test_a_limit_with_its_daily_cap():
    decision = tspol.load().evaluate({"orders_7d": 60, "late_orders": 30, "avg_daily_orders_4w": 125}, "SEA", lang="zh")
    assert decision.violations[0].limit == Limit(days=7, percent=10, basis="avg4w", daily_cap=12)
    assert "即每日最多 12 单" in decision.violations[0].because


def test_decision_round_trips_through_its_dict():
    policy = tspol.load()
    for case in read_cases("boundaries.jsonl"):
        d = policy.evaluate_dict(case["metrics"], case["region"])
        assert Decision.from_dict(d).to_dict() == d
        assert json.dumps(Decision.from_dict(d).to_dict()) == json.dumps(d)


def test_decide_is_the_lean_decision():
    policy = tspol.load()
    seller = {"orders_7d": 60, "late_orders": 30, "avg_daily_orders_4w": 125}
    assert policy.decide(seller, "SEA") == {
        "region": "SEA", "points": 7, "warning": False,
        "violations": [{"rule": "late_dispatch", "table": None, "row": 5, "points": 7, "warning": False,
                        "limit": {"days": 7, "percent": 10, "basis": "avg4w", "daily_cap": 12},
                        "measures": []}]}
    for case in read_cases("boundaries.jsonl"):
        assert policy.decide(case["metrics"], case["region"]) == lean(
            policy.evaluate_dict(case["metrics"], case["region"]))


@pytest.mark.parametrize("metrics, region, code", [
    ({"orders_7d": -1}, "US", codes.NEGATIVE), ({"late_orders": 5, "orders_7d": 4}, "US", codes.ABOVE_TOTAL),
    ({"orders": 4}, "US", codes.UNKNOWN_INPUT), ({"orders_7d": 2.5}, "US", codes.VALUE_NOT_WHOLE),
    ([], "US", codes.NOT_AN_OBJECT), ({}, "EU", codes.UNKNOWN_REGION), ({}, None, codes.NO_REGION),
])
def test_decide_refuses_what_evaluate_refuses(metrics, region, code):
    policy = tspol.load()
    with pytest.raises(MetricsError) as evaluated:
        policy.evaluate(metrics, region)
    with pytest.raises(MetricsError) as decided:
        policy.decide(metrics, region)
    assert (decided.value.code, decided.value.key, decided.value.message) == (
        evaluated.value.code, evaluated.value.key, evaluated.value.message)
    assert decided.value.code == code


def test_a_decision_reads_its_lists_when_asked_and_stays_frozen():
    policy = tspol.load()
    seller = {"orders_7d": 40, "late_orders": 12}
    decision = policy.evaluate(seller, "US")
    assert decision == Decision.from_dict(policy.evaluate_dict(seller, "US"))
    assert hash(decision) == hash(policy.evaluate(seller, "US"))
    assert decision != policy.evaluate({"orders_7d": 40, "late_orders": 13}, "US")
    assert pickle.loads(pickle.dumps(decision)) == decision
    built = Decision(region="US", points=5, warning=False, violations=decision.violations,
                     findings=decision.findings, not_applicable=decision.not_applicable,
                     discretionary=decision.discretionary)
    assert built == decision and built.to_dict() == decision.to_dict()
    for name in ("points", "violations", "anything"):
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(decision, name, 0)
    assert repr(decision).startswith("Decision(region='US', points=5, warning=False, violations=(Violation(")


def test_load_a_pack_by_path(pack_copy):
    (pack_copy / "fulfilment.pol").write_text(
        (pack_copy / "fulfilment.pol").read_text(encoding="utf-8").replace(
            "when 2.5% <= SFCR then points 1", "when 2.5% <= SFCR then points 3"), encoding="utf-8")
    policy = tspol.load(pack_copy)
    assert policy.evaluate({"orders_7d": 40, "cancelled_orders": 1}, "UK").points == 3
    assert policy.source_hash != tspol.load().source_hash


def test_load_of_a_path_that_does_not_exist(tmp_path):
    with pytest.raises(tspol.TspolError) as caught:
        tspol.load(tmp_path / "nowhere")
    [diagnostic] = caught.value.diagnostics
    assert (diagnostic.code, diagnostic.message) == ("E001", f"there is no file or folder {tmp_path / 'nowhere'}")


def test_compiled_once_and_cached_by_source_hash(private_cache):
    policy = tspol.load()
    files = sorted(p.name for p in private_cache.glob("*.py"))
    assert len(files) == 1 and files[0].startswith(f"policy-{policy.source_hash[:32]}-")
    assert tspol.load().module is policy.module  # the same process: from memory
    cache.clear_memory()
    again = tspol.load()  # from the file, without compiling
    assert again.module is not policy.module and again.module.__file__.endswith(files[0])
    assert sorted(p.name for p in private_cache.glob("*.py")) == files


def test_a_damaged_cache_file_is_rebuilt(private_cache):
    tspol.load()
    (file,) = private_cache.glob("*.py")
    file.write_text("raise RuntimeError('damaged')\n", encoding="utf-8")
    cache.clear_memory()
    assert tspol.load().evaluate({"orders_7d": 40, "late_orders": 12}, "US").points == 5
    assert "def evaluate" in file.read_text(encoding="utf-8")


@pytest.mark.parametrize("damage", ["cut short", "edited"])
def test_a_cache_file_cut_short_or_edited_is_rebuilt(private_cache, damage):
    tspol.load()
    (file,) = private_cache.glob("*.py")
    text = file.read_text(encoding="utf-8")
    if damage == "cut short":  # still has its POLICY header, but no evaluate
        file.write_text(text[: text.index("\ndef _read")], encoding="utf-8")
    else:  # a seller would get 9 points instead of 5
        assert text.count("points += 5\n") > 1
        file.write_text(text.replace("points += 5\n", "points += 9\n"), encoding="utf-8")
    cache.clear_memory()
    assert tspol.load().evaluate({"orders_7d": 40, "late_orders": 12}, "US").points == 5
    assert file.read_text(encoding="utf-8") == text


def test_an_unusable_cache_folder_falls_back_to_memory(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("TSPOL_CACHE_DIR", str(blocker / "cache"))
    policy = tspol.load()
    assert policy.evaluate({"orders_7d": 40, "late_orders": 12}, "US").points == 5
    assert policy._compiled.cache_file is None


def test_an_empty_cache_setting_turns_the_disk_cache_off(tmp_path, monkeypatch):
    monkeypatch.setenv("TSPOL_CACHE_DIR", "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert tspol.load().evaluate({"orders_7d": 1}, "US").points == 0
    assert not (tmp_path / "xdg").exists()


def test_the_default_cache_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("TSPOL_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "tspol"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.cache_dir() == tmp_path / "home" / ".cache" / "tspol"


def test_a_cached_load_does_not_import_the_parser(private_cache):
    tspol.load()
    script = ("import sys, tspol; p = tspol.load(); d = p.evaluate({'orders_7d': 40, 'late_orders': 12}, 'US'); "
              "print(d.points, sorted(m for m in sys.modules if m.split('.')[0] == 'lark'))")
    env = {**os.environ, "TSPOL_CACHE_DIR": str(private_cache)}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
    assert done.stdout.split() == ["5", "[]"]


def test_the_ledger_gets_the_program_and_the_evaluator():
    policy = tspol.load()
    ledger = policy.ledger([], region="US")
    assert ledger.program is policy.program


def test_dir_lists_each_name_once():
    assert tspol.load and tspol.TspolError  # loaded: now in the module's globals as well as in __all__
    names = dir(tspol)
    assert len(names) == len(set(names))
    assert set(tspol.__all__) <= set(names)


def test_an_unknown_language_is_a_tspol_error():
    policy = tspol.load()
    with pytest.raises(tspol.MetricsError) as caught:
        policy.evaluate({"orders_7d": 40}, "US", lang="fr")
    assert isinstance(caught.value, tspol.TspolError)
    assert (caught.value.code, caught.value.key) == ("E609", "lang")
    assert "en, zh" in caught.value.message


def test_a_policy_pickles_as_its_text_for_process_pools(pack_copy):
    import pickle
    from concurrent.futures import ProcessPoolExecutor

    file = pack_copy / "fulfilment.pol"
    file.write_text(file.read_text(encoding="utf-8").replace(
        "when 2.5% <= SFCR then points 1", "when 2.5% <= SFCR then points 3"), encoding="utf-8")
    policy = tspol.load(pack_copy)
    sent = pickle.dumps(policy)
    file.write_text("this pack is now broken\n", encoding="utf-8")  # the pickle carries the text it was loaded from
    again = pickle.loads(sent)
    seller = {"orders_7d": 40, "cancelled_orders": 1}
    assert again.source_hash == policy.source_hash
    assert again.evaluate(seller, "UK").points == 3
    with ProcessPoolExecutor(2) as pool:
        assert list(pool.map(policy.evaluate_dict, [seller] * 3, ["UK"] * 3)) == [policy.evaluate_dict(seller, "UK")] * 3


def test_a_tspol_error_reads_as_tspol_check_prints_it():
    """str() of the error a Python caller catches has the code, the source line and the help
    (a did-you-mean among them), not the bare message."""
    from tspol.diagnostics import TspolError
    from tspol.workspace import Workspace

    text = 'policy p { version "1" effective 2024-01-01 }\nregion US\nrule x in UK { }\n'
    with pytest.raises(TspolError) as caught:
        Workspace.of({"p.pol": text}, {"p.pol": "p.pol"}, ".").lowered()
    shown = str(caught.value)
    assert shown.startswith("p.pol:3:11: error[E200]: unknown region `UK`\n  3 | rule x in UK { }\n"), shown
    assert "help:" in shown
