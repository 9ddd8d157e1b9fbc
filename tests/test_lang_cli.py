"""The language every command speaks: `--lang`, else TSPOL_LANG, else the locale.

English is what the rest of the suite sees (it pins TSPOL_LANG=en, tests/conftest.py);
here each way of asking for Chinese is asked for, and what stays English says so.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from conftest import FIXTURES, PACK
from test_check_cli import BROKEN, break_pack

CJK = re.compile(r"[\u4e00-\u9fff]")
SPEAKING = ("check", "test", "simulate", "diff", "analyze", "explain", "eval")
LOCALE = ("LC_ALL", "LC_MESSAGES", "LANG")


@pytest.fixture
def broken(pack_copy, monkeypatch):
    """The bundled pack with three errors, as the working folder's `policies`."""
    break_pack(pack_copy, *BROKEN)
    monkeypatch.chdir(pack_copy.parent)
    return pack_copy


@pytest.fixture
def no_language(monkeypatch):
    """Neither TSPOL_LANG nor a locale: what a machine without either chooses."""
    monkeypatch.delenv("TSPOL_LANG", raising=False)
    for name in LOCALE:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


@pytest.mark.parametrize("name", SPEAKING)
def test_every_command_that_speaks_takes_lang(name):
    import importlib

    from tspol.cli.main import COMMANDS

    command = importlib.import_module(COMMANDS[name]).command
    [option] = [p for p in command.params if "--lang" in p.opts]
    assert option.is_eager and list(option.type.choices) == ["en", "zh"]


def test_lang_zh_says_every_diagnostic_in_chinese_at_the_same_places(cli, broken):
    english, chinese = cli("check", "policies", "--lang", "en"), cli("check", "policies", "--lang", "zh")
    assert english.exit_code == chinese.exit_code == 1
    places = re.compile(r"^(\S+): (error|warning)\[(\w+)\]: ", re.MULTILINE)
    assert places.findall(english.stdout) == places.findall(chinese.stdout) != []
    for line in chinese.stdout.splitlines():
        if not re.match(r"\s+\d* *\|", line):  # the source lines quoted, as they are
            assert CJK.search(line), line
    assert chinese.stderr == "已检查 policies:3 个错误\n"


@pytest.mark.parametrize(("environ", "chinese"), [
    ({"TSPOL_LANG": "zh"}, True),
    ({"LANG": "zh_CN.UTF-8"}, True),
    ({"LC_MESSAGES": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}, True),
    ({"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, False),
    ({"TSPOL_LANG": "en", "LANG": "zh_CN.UTF-8"}, False),
    ({}, False),
])
def test_without_lang_the_variable_then_the_locale(cli, broken, no_language, environ, chinese):
    for name, value in environ.items():
        no_language.setenv(name, value)
    result = cli("check", "policies")
    assert bool(CJK.search(result.stdout)) is chinese


def test_with_no_language_chosen_english_is_what_it_always_was(cli, broken, no_language):
    assert cli("check", "policies").output == cli("check", "policies", "--lang", "en").output
    assert "unknown region `UKK`" in cli("check", "policies").stdout


def test_the_flag_wins_over_the_variable(cli, broken, monkeypatch):
    monkeypatch.setenv("TSPOL_LANG", "zh")
    assert not CJK.search(cli("check", "policies", "--lang", "en").stdout)
    monkeypatch.setenv("TSPOL_LANG", "en")
    assert CJK.search(cli("check", "policies", "--lang", "zh").stdout)


def test_a_bad_tspol_lang_is_a_usage_error_naming_it(cli, broken, no_language):
    no_language.setenv("TSPOL_LANG", "chinese")
    result = cli("check", "policies")
    assert result.exit_code == 2
    assert "TSPOL_LANG: unknown language 'chinese'; choose one of en, zh" in result.stderr
    no_language.setenv("LANG", "zh_CN.UTF-8")  # said in the locale's language
    assert "TSPOL_LANG:未知的语言 'chinese'" in cli("check", "policies").stderr
    assert cli("check", "policies", "--lang", "en").exit_code == 1  # the flag wins: the variable is not read


def test_a_bad_lang_is_a_usage_error(cli, broken):
    result = cli("check", "policies", "--lang", "fr")
    assert result.exit_code == 2 and "--lang" in result.stderr
    assert cli("check", "policies", "--lang", "ZH").exit_code == 1  # as i18n reads it, case aside


def test_json_keeps_the_english_and_adds_the_chinese(cli, broken):
    english = json.loads(cli("check", "policies", "--format", "json").stdout)
    chinese = json.loads(cli("check", "policies", "--format", "json", "--lang", "zh").stdout)
    assert [{k: v for k, v in r.items() if k != "zh"} for r in chinese] == english
    assert all(CJK.search(r["zh"]["message"]) and CJK.search(r["zh"]["help"]) for r in chinese)


def test_sarif_in_chinese_is_valid_and_moves_no_alert(cli, broken):
    schema = json.loads((Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    english = json.loads(cli("check", "policies", "--format", "sarif").stdout)
    chinese = json.loads(cli("check", "policies", "--format", "sarif", "--lang", "zh").stdout)
    jsonschema.Draft4Validator(schema).validate(chinese)
    [run_en], [run_zh] = english["runs"], chinese["runs"]
    assert run_zh["language"] == "zh-CN" and "language" not in run_en
    assert [r["partialFingerprints"] for r in run_zh["results"]] == [r["partialFingerprints"] for r in run_en["results"]]
    assert all(CJK.search(r["message"]["text"]) for r in run_zh["results"])


def test_github_annotations_in_chinese(cli, broken):
    lines = cli("check", "policies", "--format", "github", "--lang", "zh").stdout.splitlines()
    assert len(lines) == 3 and all(line.startswith("::error file=") and CJK.search(line) for line in lines)


def test_usage_errors_in_chinese(cli, broken, tmp_path):
    readme = tmp_path / "notes.md"
    readme.write_text("notes\n", encoding="utf-8")
    result = cli("check", readme, "--lang", "zh")
    assert result.exit_code == 2 and "不是 .pol 文件" in result.stderr
    result = cli("eval", "--lang", "zh", "-o", tmp_path / "out.txt", FIXTURES / "metrics" / "good.jsonl")
    assert result.exit_code == 2 and "只能写 .jsonl" in result.stderr
    result = cli("explain", "E999", "--lang", "zh")
    assert result.exit_code == 2 and "未知的代码 `E999`" in result.stderr


def test_eval_speaks_one_language_for_its_explanations_and_its_errors(cli, tmp_path):
    sellers = tmp_path / "sellers.jsonl"
    sellers.write_text('{"orders_7d": 40, "late_orders": 12}\n{"orders_7d": 4, "late_orders": 5}\n', encoding="utf-8")
    text = cli("eval", "--policy", PACK, "--region", "US", "--lang", "zh", sellers)
    assert text.exit_code == 1
    assert "延迟履约率" in text.stdout  # the explanation, in the pack's Chinese words
    assert "第 2 行:未判定:error[E606]:键 `late_orders`:late_orders 为 5,但 orders_7d 只有 4" in text.stdout
    assert "sellers.jsonl:2: error[E606]: 键 `late_orders`:" in text.stderr
    assert "2 个卖家中有 1 个未判定" in text.stderr
    records = cli("eval", "--policy", PACK, "--region", "US", "--lang", "zh", "--format", "json", sellers)
    error = json.loads(records.stdout.splitlines()[1])["error"]
    assert error == {"code": "E606", "key": "late_orders",  # the record stays English, for the tools that read it
                     "message": "late_orders is 5 but orders_7d is 4: late_orders counts some of the orders_7d, "
                                "so it cannot be more than orders_7d"}


def test_eval_takes_the_language_of_its_explanations_from_the_variable(cli, tmp_path, monkeypatch):
    seller = tmp_path / "seller.json"
    seller.write_text('{"orders_7d": 40, "late_orders": 12}\n', encoding="utf-8")
    monkeypatch.setenv("TSPOL_LANG", "zh")
    assert "延迟履约率" in cli("eval", "--policy", PACK, "--region", "US", seller).stdout


def test_commands_without_lang_speak_the_variable(cli, broken, tmp_path, monkeypatch):
    """`compile`'s `--lang` is the language of the SQL it writes: its messages follow TSPOL_LANG."""
    monkeypatch.setenv("TSPOL_LANG", "zh")
    result = cli("compile", "policies", "-o", tmp_path / "out")
    assert result.exit_code == 1 and "未知的地区 `UKK`" in result.stderr and "没有写出任何文件" in result.stderr
    result = cli("fmt", "--check", tmp_path / "missing.pol")
    assert result.exit_code == 2


def test_simulate_and_test_speak_chinese(cli, tmp_path):
    events = tmp_path / "events.jsonl"
    events.write_text('{"date": "2024-08-01", "kind": "violation", "id": "v1", "rule": "late_dispach", "points": 7}\n',
                      encoding="utf-8")
    result = cli("simulate", "--policy", PACK, "--region", "US", "--lang", "zh", events)
    assert result.exit_code == 1
    assert "键 `rule`:`late_dispach` 既不是政策中的规则,也不是违规原因" in result.stderr
    assert "提示:是否应为 `late_dispatch`?" in result.stderr
    result = cli("test", PACK, "--lang", "zh")
    assert result.exit_code == 0 and re.fullmatch(r"\d+ 个示例:\d+ 个通过,0 个未通过\n", result.stderr)


def test_the_language_server_speaks_the_variable(monkeypatch):
    pytest.importorskip("pygls")
    from tspol.diagnostics import Diagnostic, Span
    from tspol.lsp.server import TspolServer
    from tspol.messages import Words, say

    monkeypatch.setenv("TSPOL_LANG", "zh")
    d = Diagnostic("E200", say("check.unknown", what=say("noun.metric"), name="LDRR"), span=Span("p.pol", 1, 1, 1, 5),
                   help=say("did_you_mean", names=Words(["`LDR`"])))
    server = TspolServer()
    assert server.said(d) == "未知的指标 `LDRR`\n提示:是否应为 `LDR`?"


def test_a_check_from_the_cache_speaks_either_language(cli, broken, tmp_path, monkeypatch):
    monkeypatch.setenv("TSPOL_CACHE_DIR", str(tmp_path / "cache"))
    first = cli("check", "policies", "--lang", "zh").output
    assert list((tmp_path / "cache").rglob("*")), "the check was stored"
    assert cli("check", "policies", "--lang", "zh").output == first
    assert cli("check", "policies", "--lang", "en").output == cli("check", "policies").output
    assert not CJK.search(cli("check", "policies").output)


def test_clicks_own_words_of_a_usage_error_in_chinese(cli, tmp_path, no_language):
    result = cli("check", tmp_path / "nothere", "--lang", "zh")
    assert result.exit_code == 2
    assert re.search(r"运行 '\S+ check --help' 查看帮助。", result.stderr)
    assert result.stderr.startswith("用法: ") and "Usage:" not in result.stderr  # the usage line too
    assert f"错误:'[PATHS]...' 的值无效:路径 '{tmp_path / 'nothere'}' 不存在。" in result.stderr
    assert "错误:没有 '--bogus' 这个选项。" in cli("check", "--lang", "zh", "--bogus").stderr  # before --lang is read
    assert "错误:没有 `chek` 这个命令;是否应为 `check`?" in cli("chek", "--lang", "zh").stderr
    no_language.setenv("LANG", "zh_CN.UTF-8")
    assert "不是 'en', 'zh' 之一" in cli("check", "--lang", "fr").stderr
    english = cli("check", tmp_path / "nothere", "--lang", "en").stderr  # and the next run is English again
    assert english.startswith("Usage: ") and "Error: Invalid value for '[PATHS]...': Path" in english and re.search(r"Try '\S+ check --help' for help.", english)
