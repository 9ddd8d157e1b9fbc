"""The reports of `tspol simulate`, `analyze`, `diff` and `test` under `--lang zh`: their
words are Chinese (ids, dates, numbers and names stay as they are), and English without
a language is unchanged (the English snapshots and README sessions hold that)."""

from __future__ import annotations

import json
import re

import pytest

from conftest import ROOT

CJK = re.compile(r"[\u4e00-\u9fff]")
EXAMPLE = ROOT / "examples" / "events.jsonl"

# Every event kind and every line of a state: holds (one held, one ended), a link with and
# without joint enforcement, deactivation and reactivation, a warning of metrics, an
# accepted appeal and an invalid (late) one.
RICH = [
    {"date": "2024-01-01", "kind": "violation", "id": "v1", "rule": "significantly_not_as_described", "points": 5},
    {"date": "2024-01-01", "kind": "violation", "id": "v2", "rule": "fake_fulfilment", "points": 5},
    {"date": "2024-01-02", "kind": "hold", "id": "h1", "violation": "v1", "days": 90},
    {"date": "2024-01-02", "kind": "hold", "id": "h2", "violation": "v2", "days": 100},
    {"date": "2024-01-05", "kind": "link", "account": "shop-2"},
    {"date": "2024-02-01", "kind": "investigation_closed", "hold": "h2"},
    {"date": "2024-02-10", "kind": "violation", "id": "v3", "rule": "late_dispatch", "points": 40},
    {"date": "2024-02-11", "kind": "metrics", "id": "m1",
     "metrics": {"orders_7d": 40, "late_orders": 3, "avg_daily_orders_4w": 100}},
    {"date": "2024-03-01", "kind": "appeal", "violation": "v3", "outcome": "accepted"},
    {"date": "2024-06-01", "kind": "appeal", "violation": "v1", "outcome": "rejected"},
]

SIMULATE_ENGLISH = ("what happens", "State on", "active points", "region", "events", "violation", "metrics",
                    "appeal", "formal warning", "starts", "ends", "revoked", "expires", "none", "level", "points",
                    "deactivat", "restrictions", "warnings", "holds", "linked", "attempt", "scored", "since",
                    "until", "permanently", "joint", "held", "investigation", "Active", "column", "at most",
                    "accepted", "rejected", "invalid", "late", "yes", " no ", "lifts", "flags")


def english_left(out: str, english) -> list[str]:
    """The English words of the report still in `out`, ids (`late_dispatch`, `no_campaigns`) aside."""
    words = re.sub(r"[\w./-]*_[\w./-]*|\S*events\S*\.jsonl|shop-\d", "", out)
    return [word for word in english if word in words]


@pytest.fixture
def rich_events(tmp_path):
    path = tmp_path / "events.jsonl"
    path.write_text("".join(json.dumps(event) + "\n" for event in RICH), encoding="utf-8")
    return path


def test_simulate_report_in_chinese(cli, snapshot):
    result = cli("simulate", EXAMPLE, "--region", "US", "--chart", "--lang", "zh")
    assert result.exit_code == 0, result.output
    assert CJK.search(result.output)
    assert english_left(result.output, SIMULATE_ENGLISH) == []
    assert "v1" in result.output and "2024-08-01" in result.output and "late_dispatch" in result.output
    assert snapshot == result.output.replace(str(EXAMPLE), "examples/events.jsonl")


def test_simulate_every_line_of_a_state_in_chinese(cli, rich_events, snapshot):
    result = cli("simulate", rich_events, "--region", "US", "--on", "2024-06-01", "--lang", "zh")
    assert result.exit_code == 0, result.output
    assert english_left(result.output.replace(str(rich_events), ""), SIMULATE_ENGLISH) == []
    for said in ("扣留余额 h1", "受联合处罚", "账号停用,违规分冻结", "账号恢复", "警告,不计违规分",
                 "无效:逾期"):
        assert said in result.output
    assert snapshot == result.output.replace(str(rich_events), "events.jsonl")


def test_simulate_states_in_chinese(cli):
    result = cli("simulate", EXAMPLE, "--region", "US", "--until", "2024-08-22", "--every", "7d",
                 "--lang", "zh")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].split() == ["日期", "违规分", "等级", "账号停用", "正式警告", "处罚措施"]
    assert english_left(result.output, SIMULATE_ENGLISH) == []


def test_simulate_json_stays_english(cli, rich_events):
    english = cli("simulate", rich_events, "--region", "US", "--format", "json")
    chinese = cli("simulate", rich_events, "--region", "US", "--format", "json", "--lang", "zh")
    assert chinese.output == english.output
    assert "late: the first appeal is due" in english.output


ANALYZE_ENGLISH = ("row ", " in US", "table ", "owns", "e.g.", "no row covers", "fires for no seller",
                   "meets the standard", "a hole", "open to the edge")


def test_analyze_in_chinese(cli, snapshot):
    result = cli("analyze", "--lang", "zh")
    assert result.exit_code == 0, result.output
    report = "\n".join(line for line in result.output.splitlines() if not line.startswith("已分析"))
    code = re.sub(r"when .* then .*|\{[^}]*\}", "", report)  # the rows and sellers, as written
    assert english_left(code, ANALYZE_ENGLISH) == []
    assert "此行判定" in report and "无行判定:" in report and "达到标准" in report
    assert snapshot == result.output


def test_analyze_json_stays_english(cli):
    assert cli("analyze", "--format", "json", "--lang", "zh").output == cli("analyze", "--format", "json").output


DIFF_ENGLISH = ("change in decisions", "changes in decisions", "other change", "before:", "after:", "e.g.",
                "points", "decide alike", "regions", "sellers where", "for example", "Other changes")


@pytest.fixture
def changed_pack(tmp_path):
    """The bundled pack with one row's points and the first appeal's window changed."""
    import shutil

    pack = tmp_path / "changed"
    shutil.copytree(ROOT / "policies", pack)
    fulfilment = pack / "fulfilment.pol"
    fulfilment.write_text(fulfilment.read_text(encoding="utf-8").replace(
        "late_orders >= 5 then points 3", "late_orders >= 5 then points 4", 1), encoding="utf-8")
    ledger = pack / "ledger.pol"
    ledger.write_text(ledger.read_text(encoding="utf-8").replace("within 30d", "within 45d", 1), encoding="utf-8")
    return pack


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_diff_in_chinese(cli, changed_pack, fmt, snapshot):
    result = cli("diff", ROOT / "policies", changed_pack, "--format", fmt, "--lang", "zh")
    assert result.exit_code == 1, result.output
    report = result.output.replace(str(changed_pack), "changed").replace(str(ROOT / "policies"), "policies")
    assert "3 个违规分(fulfilment.pol:40)" in report and "4 个违规分(fulfilment.pol:40)" in report
    assert "处判定变化" in report and "其他变化" in report
    # the other changes' sections, items and values are the pack's as stated (`appeals: first within: ...`)
    assert english_left(report.rsplit("其他变化", 1)[0], DIFF_ENGLISH) == []
    assert snapshot == report


def test_diff_alike_in_chinese(cli):
    result = cli("diff", ROOT / "policies", ROOT / "policies", "--lang", "zh")
    assert result.exit_code == 0 and "的判定相同" in result.output


def test_diff_json_stays_english(cli, changed_pack):
    args = ("diff", ROOT / "policies", changed_pack, "--format", "json")
    assert cli(*args, "--lang", "zh").output == cli(*args).output


@pytest.fixture
def failing_pack(tmp_path):
    """The bundled pack with its first example, unnamed, expecting one point more than it scores."""
    import shutil

    pack = tmp_path / "pack"
    shutil.copytree(ROOT / "policies", pack)
    examples = pack / "examples" / "us.jsonl"
    lines = examples.read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    first["expect"]["points"] = first["expect"].get("points", 0) + 1
    del first["name"]
    examples.write_text("\n".join([json.dumps(first)] + lines[1:]) + "\n", encoding="utf-8")
    return pack


def test_test_in_chinese(cli, failing_pack, tmp_path):
    result = cli("test", failing_pack, "-v", "--lang", "zh", "--junit", tmp_path / "junit.xml")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    markers = [line.split(": ", 1)[1].split(" ", 1)[0] for line in lines if ".jsonl:" in line]
    assert set(markers) == {"通过", "未通过"} and markers.count("未通过") == 1
    assert "us.jsonl:1: 未通过 第 1 行" in result.output
    assert "--- 预期" in result.output and "+++ 实际" in result.output
    assert " ok " not in result.output and "FAIL" not in result.output and "passed" not in result.output
    assert re.search(r"\d+ 个示例:\d+ 个通过,1 个未通过", result.output)
    junit = (tmp_path / "junit.xml").read_text(encoding="utf-8")  # stays English
    assert "decision differs" in junit and 'name="1: line 1"' in junit and "--- expected" in junit and not CJK.search(junit.split("<testcase")[0])


def test_test_markers_stay_english_without_a_language(cli, failing_pack):
    result = cli("test", failing_pack, "-v")
    assert ": ok " in result.output and "us.jsonl:1: FAIL line 1" in result.output and "--- expected" in result.output


def test_simulate_many_sellers_in_chinese(cli, tmp_path):
    events = tmp_path / "sellers.jsonl"
    events.write_text("".join(json.dumps({**event, "seller_id": seller}) + "\n"
                              for seller in ("s1", 7) for event in RICH[:2]), encoding="utf-8")
    result = cli("simulate", events, "--region", "US", "--lang", "zh")
    assert result.exit_code == 0, result.output
    assert '=== 卖家 "s1" ===' in result.output and "=== 卖家 7 ===" in result.output
    assert english_left(result.output.replace(str(events), ""), SIMULATE_ENGLISH + ("seller",)) == []
