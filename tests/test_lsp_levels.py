"""The language server over issue 11's constructs: level sets and levels, params,
windows by cases, arithmetic metrics, amendments and open-ended measures. The
documents are the examples (examples/levels, volume, window, arithmetic, versions,
ledger_until); places are found in their text, never written as numbers. The plain
functions are tested over a Snapshot; one session over the pipes proves the server
sends what they say (document symbols, rename refused)."""

from __future__ import annotations

import shutil

import pytest
from pygls import uris

from conftest import ROOT
from lsp_client import LspClient, LspError, apply_edits
from tspol.diagnostics import TspolError
from tspol.lsp.completion import complete
from tspol.lsp.edits import rename
from tspol.lsp.hover import hover
from tspol.lsp.index import level_namespace
from tspol.lsp.outline import outline
from tspol.lsp.snapshot import Snapshot
from tspol.workspace import Workspace

PATH = "policy.pol"


def example(name: str) -> str:
    return (ROOT / "examples" / name / "policy.pol").read_text(encoding="utf-8")


def place(text: str, needle: str, shift: int = 0, occurrence: int = 0) -> tuple[int, int]:
    """The 1-based line and column `shift` characters into the `occurrence`th `needle`."""
    offset = -1
    for _ in range(occurrence + 1):
        offset = text.index(needle, offset + 1)
    offset += shift
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)


def hover_at(text: str, needle: str, shift: int, lang: str = "en", occurrence: int = 0) -> str:
    return hover(Snapshot.of_text(PATH, text), PATH, *place(text, needle, shift, occurrence), lang)


# ---- hover: level sets and levels --------------------------------------------------------

def test_hover_over_a_level_set_says_its_name_its_levels_in_order_and_its_default():
    text = example("levels")
    en = hover_at(text, "levels health", 8)
    assert ("**levels** `health`: Account health, levels best first: `green` (Green), `yellow` (Yellow), "
            "`orange` (Orange) and `red` (Red), default `green`") in en
    zh = hover_at(text, "levels health", 8, "zh")
    assert ("**levels** `health`:账户健康;等级由好到差:`green`(绿色)、`yellow`(黄色)、`orange`(橙色)和 "
            "`red`(红色);默认 `green`") in zh
    assert "- `rule order_defects in US`" in en  # its uses, `level health ...` in the rows


@pytest.mark.parametrize("needle, shift", [
    ("level orange", 7),  # its declaration
    ("then level health orange", 19),  # a row's `level SET LEVEL`
])
def test_hover_over_a_level_says_its_rank_in_its_set(needle, shift):
    text = example("levels")
    en = hover_at(text, needle, shift)
    assert "**level** `orange`: Orange, level 3 of 4 of `health` (Account health), best first" in en
    assert "- `rule order_defects in US`" in en and "- `rule late_shipments in US`" in en
    zh = hover_at(text, needle, shift, "zh")
    assert "**level** `orange`:橙色;`health`(账户健康)由好到差的第 3 级(共 4 级)" in zh


def test_hover_over_the_default_level_says_it_is_the_default():
    text = example("levels")
    assert "level 1 of 4 of `health` (Account health), best first, the default" in hover_at(text, "default green", 9)
    assert "由好到差的第 1 级(共 4 级);默认等级" in hover_at(text, "level green", 7, "zh")


# ---- hover: arithmetic, windows, params ---------------------------------------------------

@pytest.mark.parametrize("needle, en, zh", [
    ("metric defects", "**metric** `defects`: a count, the sum of `negative_feedback`, `claims` and `chargebacks`",
     "**metric** `defects`:计数;`negative_feedback`、`claims` 和 `chargebacks` 之和"),
    ("metric health", "**metric** `health`: a rate, the weighted sum of 2 × `LSR` and 0.5 × `CR`",
     "**metric** `health`:比率;2 × `LSR` 和 0.5 × `CR` 的加权和"),
    ("metric worst_rate", "**metric** `worst_rate`: a rate, the highest of `LSR` and `CR`, where each has a value",
     "**metric** `worst_rate`:比率;`LSR` 和 `CR` 中的最大值(各项都有值时)"),
])
def test_hover_over_an_arithmetic_metric_says_what_it_computes_and_its_type(needle, en, zh):
    text = example("arithmetic")
    assert en in hover_at(text, needle, 8)
    assert zh in hover_at(text, needle, 8, "zh")


def test_hover_over_a_min_says_the_lowest():
    text = example("arithmetic").replace("max(LSR, CR)", "min(LSR, CR)")
    assert "a rate, the lowest of `LSR` and `CR`, where each has a value" in hover_at(text, "metric worst_rate", 8)
    assert "`LSR` 和 `CR` 中的最小值" in hover_at(text, "metric worst_rate", 8, "zh")


def test_hover_over_a_windowed_metric_lists_its_cases_in_both_languages():
    text = example("window")
    en = hover_at(text, "metric ODR:", 8)
    assert "**metric** `ODR`: a rate, the first of its cases that holds chooses" in en
    assert "- in UK: `ODR_12m`\n- when `transactions_3m >= 400`: `ODR_3m`\n- otherwise: `ODR_12m`" in en
    zh = hover_at(text, "metric ODR:", 8, "zh")
    assert "**metric** `ODR`:比率;由第一个成立的情形选择" in zh
    assert "- 在 UK:`ODR_12m`\n- 当 `transactions_3m >= 400`:`ODR_3m`\n- 其他情况:`ODR_12m`" in zh


def test_hover_over_a_param_where_it_is_compared_gives_its_cases():
    text = example("volume")
    en = hover_at(text, "LDR >= late_limit", 10)
    assert "**param** `late_limit`: a rate, the first of its cases that holds gives its value" in en
    assert "- in US: 4%\n- in UK: 3%\n- when `orders_7d >= 500`: 2%\n- otherwise: 5%" in en
    assert "- `rule late_dispatch in US, UK, DE`" in en
    assert "**param** `late_limit`:比率;由第一个成立的情形给出取值" in hover_at(text, "param late_limit", 8, "zh")


# ---- hover: how long an open-ended measure lasts, in zh ------------------------------------

def test_hover_says_until_within_standard_and_while_at_this_level_in_chinese():
    text = example("ledger_until")
    snapshot = Snapshot.of_text(PATH, text)
    until = hover(snapshot, PATH, *place(text, "measure no_campaigns", 9), "zh")
    assert "自节点处罚阈值 4 起,直到 LDR 回到标准以内" in until and "is within standard" not in until
    level = hover(snapshot, PATH, *place(text, "measure reduced_visibility", 9), "zh")
    assert "自节点处罚阈值 8 起,处于该等级期间持续" in level and "while at this level" not in level
    assert "from threshold 8 while at this level" in hover(snapshot, PATH, *place(text, "measure reduced_visibility", 9))


# ---- outline ---------------------------------------------------------------------------------

def test_outline_has_level_sets_with_their_levels_params_and_amendments():
    entries = {e.name: e for e in outline(Snapshot.of_text(PATH, example("levels")).index.files[PATH])}
    health = entries["health"]
    assert (health.kind, health.detail) == ("levels", "Account health")
    assert [(c.kind, c.name, c.detail) for c in health.children] == [
        ("level", "green", "Green"), ("level", "yellow", "Yellow"), ("level", "orange", "Orange"), ("level", "red", "Red")]
    params = [(e.kind, e.name, e.detail) for e in outline(Snapshot.of_text(PATH, example("volume")).index.files[PATH])
              if e.kind == "param"]
    assert params == [("param", "ODR_limit", "rate"), ("param", "late_limit", "rate")]
    text = example("versions")
    [amendment] = [e for e in outline(Snapshot.of_text(PATH, text).index.files[PATH]) if e.kind == "amendment"]
    assert (amendment.name, amendment.detail) == ('amendment "2"', "effective 2025-06-17")
    assert [(c.kind, c.name) for c in amendment.children] == [("rule", "late_dispatch"), ("ledger", "ledger")]
    assert amendment.name_span.line == place(text, 'amendment "2"')[0]


# ---- definition, references, rename ------------------------------------------------------------

def test_a_level_is_found_in_its_set_only():
    text = example("levels")
    index = Snapshot.of_text(PATH, text).index
    used = index.at(PATH, *place(text, "then level health orange", 19))
    assert (used.namespace, used.name) == (level_namespace("health"), "orange")
    [declared] = index.definitions(used.namespace, used.name)
    assert (declared.span.line, declared.span.column) == place(text, "level orange", 6)
    lines = [o.span.line for o in index.occurrences_of(used.namespace, "orange")]
    assert lines == sorted({place(text, "level orange")[0], place(text, "health orange")[0],
                            place(text, "health orange", occurrence=1)[0]})
    default = index.at(PATH, *place(text, "default green", 9))
    assert index.definitions(default.namespace, "green")[0].span.line == place(text, "level green")[0]


TWO_SETS = """
levels tier {
  level gold
  level orange
  default gold
}
"""


def test_renaming_a_level_edits_its_declaration_and_its_rows_not_a_level_of_another_set():
    text = example("levels") + TWO_SETS
    text = text.replace("when 4% <= LSR < 8% then level health yellow",
                        "when 4% <= LSR < 8% then level health yellow, level tier orange")
    snapshot = Snapshot.of_text(PATH, text)
    edits = rename(snapshot, PATH, *place(text, "level orange", 7), "amber")
    renamed = apply_spans(text, edits)
    assert renamed.count("level health amber") == 2 and "level health orange" not in renamed
    assert "  level amber {" in renamed and "level tier orange" in renamed and "  level orange\n" in renamed
    checked = Workspace.of({PATH: renamed}, {PATH: PATH}, PATH).diagnostics()
    assert [d.code for d in checked if d.code.startswith("E")] == []


def test_renaming_a_level_set_edits_every_row_and_a_param_every_comparison():
    text = example("levels")
    renamed = apply_spans(text, rename(Snapshot.of_text(PATH, text), PATH, *place(text, "levels health", 8), "colour"))
    assert "levels colour {" in renamed and "level health" not in renamed and renamed.count("level colour ") == 5
    text = example("volume")
    renamed = apply_spans(text, rename(Snapshot.of_text(PATH, text), PATH, *place(text, "param ODR_limit", 7),
                                       "defect_limit"))
    assert "param defect_limit: rate" in renamed and "ODR >= defect_limit and" in renamed
    assert "ODR_limit" not in renamed


@pytest.mark.parametrize("needle, shift, new, says", [
    ("level orange", 7, "red", "`red` is already the name of a level of this set"),
    ("levels health", 8, "US", None),  # a region's name is free for a level set
    ("param ODR_limit", 7, "late_limit", "`late_limit` is already the name of an input, a metric, a basis or a param"),
    ("param ODR_limit", 7, "ODR", "`ODR` is already the name of an input, a metric, a basis or a param"),
])
def test_a_rename_to_a_name_taken_is_refused_with_a_message(needle, shift, new, says):
    text = example("levels" if "level" in needle else "volume")
    snapshot = Snapshot.of_text(PATH, text)
    if says is None:
        assert rename(snapshot, PATH, *place(text, needle, shift), new)
        return
    with pytest.raises(TspolError) as refused:
        rename(snapshot, PATH, *place(text, needle, shift), new)
    [diagnostic] = refused.value.diagnostics
    assert diagnostic.code == "E201" and diagnostic.text("en") == says
    assert diagnostic.related[0].span.path == PATH


def test_renaming_a_rule_edits_the_amendment_that_replaces_and_removes_it():
    text = example("versions")
    renamed = apply_spans(text, rename(Snapshot.of_text(PATH, text), PATH, *place(text, "rule order_defects", 6),
                                       "defects"))
    assert "rule defects in UK {" in renamed and "remove rule defects in UK" in renamed
    renamed = apply_spans(text, rename(Snapshot.of_text(PATH, text), PATH, *place(text, "rule late_dispatch", 6),
                                       "dispatch"))
    assert renamed.count("rule dispatch in US, UK {") == 2
    assert Workspace.of({PATH: renamed}, {PATH: PATH}, PATH).diagnostics() == []


def apply_spans(text: str, edits) -> str:
    """A text with tspol edits (1-based lines and columns, one line each) applied."""
    lines = text.split("\n")
    for edit in sorted(edits, key=lambda e: (e.span.line, e.span.column), reverse=True):
        assert edit.span.line == edit.span.end_line
        line = lines[edit.span.line - 1]
        lines[edit.span.line - 1] = line[:edit.span.column - 1] + edit.text + line[edit.span.end_column - 1:]
    return "\n".join(lines)


# ---- completion --------------------------------------------------------------------------------

@pytest.mark.parametrize("written, offered", [
    ("then level ", [("health", "levels")]),
    ("then level he", [("health", "levels")]),
    ("then level health ", [("green", "level"), ("yellow", "level"), ("orange", "level"), ("red", "level")]),
    ("then points 2, level health ", [("green", "level"), ("yellow", "level"), ("orange", "level"), ("red", "level")]),
])
def test_completion_after_level_offers_the_sets_then_the_sets_levels(written, offered):
    text = example("levels") + TWO_SETS
    text = text.replace("then level health yellow\n    when 2%", written, 1)
    offset = text.index(written) + len(written)
    found = [(c.label, c.kind) for c in complete(Snapshot.of_text(PATH, text), PATH, offset)]
    if offered[0][1] == "levels":
        offered = sorted(offered + [("tier", "levels")])
    assert found == offered


def test_completion_in_a_condition_offers_params():
    text = example("volume").replace("when LDR >= late_limit and", "when LDR >= ", 1)
    offset = text.index("when LDR >= ") + len("when LDR >= ")
    found = {c.label: c for c in complete(Snapshot.of_text(PATH, text), PATH, offset)}
    assert found["late_limit"].kind == "param" and found["late_limit"].detail == "param: a rate"


# ---- over the pipes ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def session(tmp_path_factory):
    pack = tmp_path_factory.mktemp("lsp_levels") / "levels"
    shutil.copytree(ROOT / "examples" / "levels", pack)
    client = LspClient(cwd=pack)
    yield client, pack.resolve()
    assert client.shutdown() == 0
    assert "Traceback" not in client.error_output()


def test_the_server_sends_level_sets_as_enums_and_refuses_a_taken_level(session):
    client, pack = session
    document = uris.from_fs_path(str(pack / PATH))
    text = (pack / PATH).read_text(encoding="utf-8")
    client.open(document, text)
    symbols = {s["name"]: s for s in client.request("textDocument/documentSymbol", {"textDocument": {"uri": document}})}
    assert symbols["health"]["kind"] == 10  # Enum
    assert [(c["name"], c["kind"]) for c in symbols["health"]["children"]] == [
        ("green", 22), ("yellow", 22), ("orange", 22), ("red", 22)]  # EnumMember
    line, column = place(text, "then level health orange", 19)
    at = {"textDocument": {"uri": document}, "position": {"line": line - 1, "character": column - 1}}
    definition = client.request("textDocument/definition", at)
    assert definition[0]["range"]["start"]["line"] == place(text, "level orange")[0] - 1
    edit = client.request("textDocument/rename", {**at, "newName": "amber"})
    renamed = apply_edits(text, edit["changes"][document])
    assert renamed.count("level health amber") == 2 and "level amber {" in renamed
    with pytest.raises(LspError) as refused:
        client.request("textDocument/rename", {**at, "newName": "red"})
    assert refused.value.message.startswith("tspol: error[E201]: `red` is already the name of a level of this set")
    client.close_document(document)
