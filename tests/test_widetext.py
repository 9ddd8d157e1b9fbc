"""Filling text that mixes Chinese and Latin script by the columns a terminal shows (tspol/widetext.py)."""

from __future__ import annotations

import re
import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from tspol import widetext

WORDS = st.sampled_from(["违规分", "限单", "延迟履约率", "。", ",", "(", ")", "、", "`late_orders >= 5`", "LDR",
                         "30%", "--strict", "[默认:text]", " ", "  ", "the", "a_very_long_identifier_name"])


def test_width_counts_columns():
    assert widetext.width("LDR") == 3 and widetext.width("违规分") == 6 and widetext.width("｛,") == 3
    assert widetext.width("e\u0301") == 1  # a combining mark takes none


def test_english_is_filled_as_textwrap_fills_it():
    text = "Give the folder that holds the pack's `.pol` files, or one of its files: --a-long-option-name here"
    for columns in (10, 20, 33, 79):
        assert widetext.fill(text, columns, "  ", "    ") == textwrap.fill(
            text, columns, initial_indent="  ", subsequent_indent="    ", break_on_hyphens=False,
            break_long_words=False)


def test_chinese_breaks_between_characters_never_before_a_closing_mark():
    text = "违规分累计达到节点处罚阈值后,平台会根据累计的违规分对店铺采取处罚措施。"
    lines = widetext.fill(text, 20).splitlines()
    assert all(widetext.width(line) <= 20 for line in lines) and len(lines) > 1
    assert not any(line.startswith((",", "。")) for line in lines)
    assert "".join(lines) == text


def test_code_spans_and_notes_stay_whole():
    text = "请补上 `when ... then ...` 或 `on METRIC`,并检查 [默认:text] 是否正确。"
    lines = widetext.fill(text, 12).splitlines()
    assert "`when ... then ...`" in lines and any("`on METRIC`" in line for line in lines)
    assert any(line.startswith("[默认:text]") for line in lines)


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=40), st.integers(min_value=8, max_value=80))
def test_filling_loses_nothing_and_fits_but_for_pieces_too_wide(words, columns):
    text = "".join(words).strip()
    if not text:
        return
    filled = widetext.fill(text, columns, initial_indent="  ", subsequent_indent="  ")
    for line in filled.splitlines():
        if widetext.width(line) > columns:  # one piece no line may break
            assert len(widetext._pieces(line.strip())) == 1, (line, columns)
    assert re.sub(r"\s+", "", filled) == re.sub(r"\s+", "", text)


def test_shorten_cuts_by_columns():
    assert widetext.shorten("检查政策包:语法、名称", 100) == "检查政策包:语法、名称"
    cut = widetext.shorten("检查政策包:语法、名称、类型", 11)
    assert cut.endswith("…") and widetext.width(cut) <= 11
