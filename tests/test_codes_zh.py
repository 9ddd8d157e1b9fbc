"""The registry of codes in Chinese (tspol/codes.py) and `tspol explain` in Chinese.

Every code has a Chinese summary and explanation beside the English, saying the
same: the same code, keywords and options (every backticked span), the same codes
and decisions it refers to (E608, W502, D12), the same paragraphs. `tspol explain`
prints the Chinese when the language is Chinese: `--lang zh`, else `TSPOL_LANG`,
else the locale.
"""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from tspol import codes, widetext
from tspol.cli.main import cli

CJK = re.compile(r"[\u4e00-\u9fff]")
BACKTICKED = re.compile(r"`[^`]*`")
REFERENCES = re.compile(r"\b[EWD][0-9]{1,3}\b")  # codes, and the decisions D1-D12 of the policy's reading


def explain(*args, lang: str | None = "zh", env: dict | None = None):
    environ = {"TSPOL_LANG": lang} if env is None else env
    return CliRunner().invoke(cli, ["explain", *args], env=environ, catch_exceptions=False)


def squeezed(text: str) -> str:
    """The text without its whitespace: filled Chinese breaks lines between characters."""
    return re.sub(r"\s+", "", text)


# ---- every code has both languages -------------------------------------------------------

def test_every_code_has_a_chinese_summary_and_explanation():
    missing = [e.code for e in codes.REGISTRY if not (e.summary_zh.strip() and e.explanation_zh.strip())]
    assert not missing, f"codes without a Chinese summary or explanation in tspol/codes.py: {missing}"


@pytest.mark.parametrize("entry", codes.REGISTRY, ids=lambda e: e.code)
def test_the_chinese_says_what_the_english_says(entry):
    summary, explanation = entry.summary_zh, entry.explanation_zh
    assert CJK.search(summary) and CJK.search(explanation), "write it in Chinese"
    assert "\n" not in summary and not summary.endswith(("。", ".")), "one line, no final full stop"
    assert len(explanation) > 40, "say what it means, why tspol says it, and how to fix it"
    assert explanation.count("\n\n") == entry.explanation.count("\n\n"), "the same paragraphs"
    for pattern, what in ((BACKTICKED, "backticked code"), (REFERENCES, "references to codes and decisions")):
        english = set(pattern.findall(entry.summary + " " + entry.explanation))
        chinese = set(pattern.findall(summary + " " + explanation))
        assert chinese == english, (f"{entry.code}: the Chinese should have the same {what} as the English; "
                                    f"only in English: {sorted(english - chinese)}, "
                                    f"only in Chinese: {sorted(chinese - english)}")


def test_the_chinese_uses_the_policy_s_words():
    """违规分 (points), 限单 (the order volume limit), 违规原因准则 (the catalogue of reasons)."""
    texts = [e.summary_zh + "\n" + e.explanation_zh for e in codes.REGISTRY]
    assert all(any(word in text for text in texts) for word in ("违规分", "限单", "违规原因准则", "处罚措施", "申诉"))
    assert not [text for text in texts if "积分" in text]  # points are 违规分, as the policy says


# ---- tspol explain in Chinese ---------------------------------------------------------------

@pytest.mark.parametrize("entry", codes.REGISTRY, ids=lambda e: e.code)
def test_explain_prints_each_code_in_chinese(entry):
    result = explain(entry.code)
    assert result.exit_code == 0, result.output
    text = result.output
    assert text == codes.explain_text(entry, "zh")
    assert text.startswith(f"{entry.severity}[{entry.code}]: {entry.summary_zh}\n")
    assert squeezed(entry.explanation_zh) in squeezed(text)
    assert "示例(输出为英文):\n" in text and f"$ {entry.example.command}\n" in text
    assert all(line.strip() in text for line in entry.example.output.splitlines())  # the example as it is
    markdown = explain(entry.code, "--format", "markdown").output
    assert markdown.startswith(f"## {entry.code}: {entry.summary_zh}\n") and entry.explanation_zh in markdown
    assert "严重级别:" + {"error": "错误", "warning": "警告"}[entry.severity] in markdown


def test_chinese_is_filled_to_the_width_by_the_columns_it_takes():
    for entry in codes.REGISTRY:
        before = codes.explain_text(entry, "zh").partition("示例")[0]
        for line in before.splitlines():
            assert widetext.width(line) <= codes.WIDTH or " " not in line.strip() and not CJK.search(line), line
    text = codes.explain_text(codes.CODES["E502"], "zh")
    assert max(widetext.width(line) for line in text.partition("示例")[0].splitlines()) > codes.WIDTH - 6
    assert not any(line.startswith(("。", ",", ")", "、")) for line in text.splitlines())  # no line opens with them


def test_english_is_as_before():
    """English needs no language: the default, and what TSPOL_LANG=en asks for."""
    for env in ({"TSPOL_LANG": "en"}, {"TSPOL_LANG": None, "LC_ALL": None, "LC_MESSAGES": None, "LANG": "C"}):
        result = explain("E502", env=env)
        assert result.output == codes.explain_text(codes.CODES["E502"]) == codes.explain_text(codes.CODES["E502"], "en")
        assert result.output.startswith("error[E502]: A row that can never fire\n")


@pytest.mark.parametrize("env", [
    {"TSPOL_LANG": "zh"},
    {"TSPOL_LANG": "ZH", "LANG": "en_US.UTF-8"},
    {"TSPOL_LANG": None, "LC_ALL": None, "LC_MESSAGES": None, "LANG": "zh_CN.UTF-8"},  # a Chinese locale
    {"TSPOL_LANG": None, "LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"},
])
def test_the_language_is_the_variable_else_the_locale(env):
    assert explain("E502", env=env).output.startswith("error[E502]: 永远不会触发的行\n")


def test_a_language_named_wrongly_is_a_usage_error():
    result = explain("E502", lang="fr")
    assert result.exit_code == 2 and "TSPOL_LANG: unknown language 'fr'" in result.output


def test_the_flag_wins_over_the_variable():
    """`--lang` is the option `tspol.cli.common.lang_option` adds to every command that
    speaks (issue 12, the messages' half); until it is merged, explain has none."""
    from tspol.cli.explain import command

    if not any("--lang" in p.opts for p in command.params):
        pytest.skip("tspol explain has no --lang yet (it comes with the messages in Chinese)")
    assert explain("E502", "--lang", "zh", lang="en").output.startswith("error[E502]: 永远不会触发的行\n")
    assert explain("E502", "--lang", "en", lang="zh").output.startswith("error[E502]: A row that can never fire\n")


def test_the_list_in_chinese():
    listing = explain().output
    assert listing == explain("--list").output == codes.list_text("zh")
    assert [line.split()[0] for line in listing.splitlines()] == [e.code for e in codes.REGISTRY]
    assert "E502  错误  永远不会触发的行\n" in listing and "W501  警告  表中各行之间有空档\n" in listing
    rows = explain("--list", "--format", "markdown").output.splitlines()
    assert rows[:2] == ["| 代码 | 级别 | 摘要 |", "|---|---|---|"]
    assert [row.split(" | ")[0].lstrip("| ") for row in rows[2:]] == [e.code for e in codes.REGISTRY]
    assert all(row.count(" | ") == 2 for row in rows[2:])


def test_the_readme_lists_the_codes_in_english():
    assert codes.list_markdown() == explain("--list", "--format", "markdown", lang="en").output
    assert codes.list_markdown() != codes.list_markdown("zh")


def test_an_unknown_language_is_refused_by_the_registry():
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        codes.explain_text(codes.CODES["E502"], "fr")


# ---- SARIF carries the Chinese summaries -------------------------------------------------------

def test_sarif_carries_each_summary_in_chinese(tmp_path, monkeypatch):
    from test_sarif import SCHEMA_FILE

    import jsonschema

    from conftest import PACK

    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check", str(PACK), "--format", "sarif"], catch_exceptions=False)
    log = json.loads(result.stdout)
    jsonschema.Draft4Validator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))).validate(log)
    [run] = log["runs"]
    [translation] = run["translations"]
    assert translation["language"] == "zh-CN" and translation["contents"] == ["localizedData"]
    assert "translationMetadata" in translation and translation["associatedComponent"] == {"name": "tspol"}
    assert [r["id"] for r in translation["rules"]] == [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert all(r["shortDescription"]["text"] == codes.CODES[r["id"]].summary_zh for r in translation["rules"])
    assert result.stdout.isascii()
