"""`tspol lsp`: one session with the server per capability, over JSON-RPC on its pipes,
on a copy of the bundled pack (one server for the module); then the plain functions
underneath: the position converter, the symbol index and the workspace's buffers.

Places are found in the pack's text, never written as numbers, so the tests hold
when the pack is edited."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pygls import uris

from conftest import PACK, ROOT, edited_pack
from lsp_client import LspClient, LspError, apply_edits, code_units
from tspol.diagnostics import Span
from tspol.dsl.formatter import format_source
from tspol.dsl.parser import parse_partial
from tspol.lsp.index import SymbolIndex
from tspol.lsp.positions import Positions
from tspol.lsp.snapshot import Snapshot
from tspol.workspace import Workspace

EMOJI_RULE = 'rule courier in US { name zh "快递🚚📦" reason late_dispatch_rate on LDX }\n'


@pytest.fixture(scope="module")
def pack(tmp_path_factory) -> Path:
    return edited_pack(tmp_path_factory.mktemp("lsp")).resolve()


@pytest.fixture(scope="module")
def server(pack):
    client = LspClient(cwd=pack)
    yield client
    assert client.shutdown() == 0
    assert "Traceback" not in client.error_output()


def uri(pack: Path, name: str) -> str:
    return uris.from_fs_path(str(pack / name))


def text(pack: Path, name: str) -> str:
    return (pack / name).read_text(encoding="utf-8")


def position(source: str, needle: str, shift: int = 0, occurrence: int = 0, encoding: str = "utf-16") -> dict:
    """The protocol position `shift` characters into the `occurrence`th `needle` of a text."""
    offset = -1
    for _ in range(occurrence + 1):
        offset = source.index(needle, offset + 1)
    offset += shift
    line = source.count("\n", 0, offset)
    start = source.rfind("\n", 0, offset) + 1
    return {"line": line, "character": code_units(source[start:offset], encoding)}


def line_of(source: str, needle: str) -> int:
    """The 0-based line of the first `needle`."""
    return source.count("\n", 0, source.index(needle))


class Opened:
    """A document open in the server for the length of a `with`, as text of our own."""

    def __init__(self, client: LspClient, document: str, source: str):
        self.client, self.uri, self.text, self.version = client, document, source, 1

    def __enter__(self):
        self.mark = self.client.open(self.uri, self.text)
        return self

    def __exit__(self, *exc):
        self.client.close_document(self.uri)

    def diagnostics(self) -> list[dict]:
        """The diagnostics published for this document after its last change."""
        return self.client.diagnostics(self.uri, self.mark, self.version)

    def published(self) -> dict[str, list[dict]]:
        """URI -> diagnostics, of the publication that the last change made: the pack's
        other files come before the document that changed."""
        self.diagnostics()
        found = {}
        for params in self.client.published_since(self.mark):
            found[params["uri"]] = params["diagnostics"]
            if params["uri"] == self.uri and params.get("version") == self.version:
                return found
        raise AssertionError("no publication")

    def change(self, source: str) -> None:
        self.version += 1
        self.text = source
        self.mark = self.client.change(self.uri, source, self.version)

    def at(self, needle: str, shift: int = 0, occurrence: int = 0) -> dict:
        return {"textDocument": {"uri": self.uri}, "position": position(self.text, needle, shift, occurrence)}


# ---- initialize --------------------------------------------------------------------------

def test_the_server_says_what_it_offers(server):
    capabilities = server.initialized["capabilities"]
    assert capabilities["positionEncoding"] == "utf-16"
    assert capabilities["textDocumentSync"]["change"] == 1  # whole documents
    for provider in ("hoverProvider", "definitionProvider", "referencesProvider", "documentSymbolProvider",
                     "documentFormattingProvider", "foldingRangeProvider", "completionProvider"):
        assert capabilities.get(provider) not in (None, False), provider
    assert capabilities["renameProvider"] == {"prepareProvider": True}
    assert capabilities["codeActionProvider"] == {"codeActionKinds": ["quickfix"]}
    assert server.initialized["serverInfo"]["name"] == "tspol"


# ---- diagnostics ---------------------------------------------------------------------------

def test_diagnostics_are_of_the_whole_pack_with_the_open_buffers_over_the_files(server, pack):
    metrics = text(pack, "metrics.pol").replace("metric LDR =", "metric LDR2 =")
    with Opened(server, uri(pack, "metrics.pol"), metrics) as opened:
        published = opened.published()
        found = published[uri(pack, "fulfilment.pol")]  # not open: read from disk
        source = text(pack, "fulfilment.pol")
        assert {d["code"] for d in found} == {"E200"} and all("`LDR`" in d["message"] for d in found)
        assert len(found) == source.count("LDR")
        assert found[0]["range"]["start"] == position(source, "on LDR", 3)
        assert found[0]["severity"] == 1 and found[0]["source"] == "tspol"
        assert found[0]["message"] == "unknown metric `LDR`\nhelp: did you mean `LDR2`?"
        [standard] = published[opened.uri]  # the metric's own standard names `LDR` too
        assert standard["range"]["start"] == position(metrics, "standard LDR", 9)
        files = {uri(pack, name) for name in os.listdir(pack) if name.endswith(".pol")}
        assert set(published) == files
        assert all(published[u] == [] for u in files - {uri(pack, "fulfilment.pol"), opened.uri})
    closed = len(server.notifications)
    assert server.diagnostics(uri(pack, "fulfilment.pol"), after=closed) == []  # the file on disk again


def test_a_burst_of_changes_is_checked_once(server, pack):
    source = text(pack, "service.pol")
    with Opened(server, uri(pack, "service.pol"), source) as opened:
        first = opened.mark
        for n in range(3):
            opened.change(source + f"\nregion US{n} {{ name en \"x\" }}\n")
        assert opened.diagnostics() == []  # the last version is clean: US2 is declared nowhere else
        versions = [p["version"] for p in server.published(opened.uri, first) if p.get("version")]
        assert versions == [4], versions  # only the last change was checked


def test_a_syntax_error_keeps_the_symbols_of_the_other_declarations(server, pack):
    source = text(pack, "fulfilment.pol").replace("when 4% <= LDR < 10% then warning\n",
                                                  "when 4% <= LDR < 10% then warning warning\n")
    with Opened(server, uri(pack, "fulfilment.pol"), source) as opened:
        found = opened.diagnostics()
        assert [d["code"] for d in found if d["severity"] == 1] == ["E100"]
        symbols = server.request("textDocument/documentSymbol", {"textDocument": {"uri": opened.uri}})
        assert [s["name"] for s in symbols].count("late_dispatch") == 2
        definition = server.request("textDocument/definition", opened.at("on LDR", 3, occurrence=1))
        assert definition[0]["uri"] == uri(pack, "metrics.pol")
        hover = server.request("textDocument/hover", opened.at("on SFCR", 3))
        assert "**metric** `SFCR`: a rate" in hover["contents"]["value"]


# ---- hover --------------------------------------------------------------------------------

def test_hover_over_an_input_says_what_it_is_in_both_languages_and_where_it_is_used(server, pack):
    source = text(pack, "fulfilment.pol")
    with Opened(server, uri(pack, "fulfilment.pol"), source) as opened:
        shown = server.request("textDocument/hover", opened.at("late_orders >= 5", 2))["contents"]
        assert shown["kind"] == "markdown"
        value = shown["value"]
        assert value.startswith("```tspol\ninput late_orders: count\n```")
        assert "**input** `late_orders`: a count, part of `orders_7d`, higher is worse" in value
        assert "- name (en): Late dispatches among those orders" in value
        assert "- name (zh): 延迟履约订单量" in value
        metrics = text(pack, "metrics.pol")
        assert f"Declared at metrics.pol:{line_of(metrics, 'input late_orders') + 1}." in value
        assert "- `rule late_dispatch in US, SEA` (fulfilment.pol:" in value
        assert "- `metric LDR = late_orders / orders_7d` (metrics.pol:" in value


def test_hover_over_a_metric_gives_its_standard_and_over_a_row_what_it_decides(server, pack):
    source = text(pack, "fulfilment.pol")
    with Opened(server, uri(pack, "fulfilment.pol"), source) as opened:
        metric = server.request("textDocument/hover", opened.at("on LDR", 4))["contents"]["value"]
        assert "**metric** `LDR`: a rate, higher is worse" in metric and "- standard: `LDR < 4%`" in metric
        row = server.request("textDocument/hover", opened.at("when 25% <= LDR < 50% and late_orders", 1))
        words = row["contents"]["value"]
        assert f"row 3 (fulfilment.pol:{line_of(source, 'when 25% <= LDR < 50% and') + 1})" in words
        assert ("Sellers whose Late dispatch rate (LDR) is at least 25% and below 50%, and whose "
                "late\\_orders is at least 5, get 5 points.") in words
        assert "延迟履约率(LDR) 不低于 25% 且低于 50%;late\\_orders 至少 5:5 个违规分。" in words
        assert server.request("textDocument/hover", opened.at("# §5")) is None  # a comment


# ---- navigation ----------------------------------------------------------------------------

def test_go_to_definition_of_a_metric_a_basis_a_region_and_a_rule(server, pack):
    source = text(pack, "fulfilment.pol")
    metrics = text(pack, "metrics.pol")
    with Opened(server, uri(pack, "fulfilment.pol"), source) as opened:
        [ldr] = server.request("textDocument/definition", opened.at("on LDR", 3))
        assert ldr["uri"] == uri(pack, "metrics.pol")
        assert ldr["range"]["start"] == position(metrics, "metric LDR", 7)
        [basis] = server.request("textDocument/definition", opened.at("10% avg4w", 4))
        assert basis["range"]["start"]["line"] == line_of(metrics, "basis avg4w")
        [region] = server.request("textDocument/definition", opened.at("in US, SEA", 3))
        assert region["uri"] == uri(pack, "policy.pol")
        rules = server.request("textDocument/definition", opened.at("rule late_dispatch", 5))
        assert [r["range"]["start"]["line"] for r in rules] == [line_of(source, "rule late_dispatch in US"),
                                                                line_of(source, "rule late_dispatch in UK")]
        assert server.request("textDocument/definition", opened.at("when 4%")) is None


def test_references_of_a_basis_in_every_file(server, pack):
    source = text(pack, "fulfilment.pol")
    with Opened(server, uri(pack, "fulfilment.pol"), source) as opened:
        params = {**opened.at("10% avg4w", 4), "context": {"includeDeclaration": True}}
        found = server.request("textDocument/references", params)
        uses = sum(text(pack, name).count("avg4w") for name in os.listdir(pack) if name.endswith(".pol"))
        assert len(found) == uses
        params["context"]["includeDeclaration"] = False
        assert len(server.request("textDocument/references", params)) == uses - 1


# ---- rename ----------------------------------------------------------------------------------

def test_rename_edits_every_use_in_every_file(server, pack):
    source = text(pack, "fulfilment.pol")
    with Opened(server, uri(pack, "fulfilment.pol"), source) as opened:
        prepared = server.request("textDocument/prepareRename", opened.at("late_orders >= 5", 3))
        assert prepared["placeholder"] == "late_orders"
        assert prepared["range"]["start"] == position(source, "late_orders >= 5")
        edit = server.request("textDocument/rename", {**opened.at("late_orders >= 5", 3), "newName": "delayed"})
        changes = edit["changes"]
        assert set(changes) == {uri(pack, "fulfilment.pol"), uri(pack, "metrics.pol")}
        renamed = {name: apply_edits(text(pack, name), changes[uri(pack, name)])
                   for name in ("fulfilment.pol", "metrics.pol")}
        assert "late_orders" not in renamed["fulfilment.pol"] + renamed["metrics.pol"]
        assert "metric LDR = delayed / orders_7d" in renamed["metrics.pol"]
        texts = {str(pack / name): renamed.get(name, text(pack, name)) for name in os.listdir(pack)
                 if name.endswith(".pol")}
        assert Workspace.open(pack, unsaved={Path(p): t for p, t in texts.items()}).diagnostics() == []


@pytest.mark.parametrize("new, code, says", [
    ("orders_7d", "E201", "`orders_7d` is already the name of an input, a metric, a basis or a param"),
    ("2late", "E203", "`2late` is not a name"),
    ("when", "E203", "`when` is a keyword of the language, not a name"),
])
def test_rename_refuses_a_name_that_collides_or_is_no_name(server, pack, new, code, says):
    source = text(pack, "fulfilment.pol")
    with Opened(server, uri(pack, "fulfilment.pol"), source) as opened:
        with pytest.raises(LspError) as refused:
            server.request("textDocument/rename", {**opened.at("late_orders >= 5", 3), "newName": new})
        assert refused.value.code == -32803  # RequestFailed
        assert refused.value.message.startswith(f"tspol: error[{code}]: {says}")
        assert server.request("textDocument/prepareRename", opened.at("when 4%", 1)) is None  # a keyword


# ---- completion ------------------------------------------------------------------------------

def completions(server, opened: Opened, marker: str) -> dict:
    result = server.request("textDocument/completion", opened.at(marker, len(marker)))
    return {item["label"]: item for item in result["items"]}


def test_completion_offers_the_names_that_fit_with_their_units(server, pack):
    source = text(pack, "fulfilment.pol") + "\nrule fresh in \n"
    with Opened(server, uri(pack, "fulfilment.pol"), source) as opened:
        metrics = completions(server, opened, "  on ")
        assert metrics["LDR"]["detail"] == "metric: a rate" and metrics["LDR"]["kind"] == 5  # Field
        assert metrics["FRT"]["detail"] == "metric: a duration in minutes"
        assert "late_orders" not in metrics  # an input: `on` names a metric
        quantities = completions(server, opened, "    when ")
        assert quantities["late_orders"]["detail"] == "input: a count"
        assert "Late dispatches among those orders" in quantities["late_orders"]["documentation"]
        assert set(completions(server, opened, "rule fresh in ")) == {"US", "SEA", "UK"}
        assert set(completions(server, opened, "limit 7d at 10% ")) == {"avg4w"}
        measures = completions(server, opened, "  may ")
        assert "extend_settlement" in measures and measures["points"]["kind"] == 14  # Keyword


def test_completion_offers_the_keywords_the_grammar_takes_there(server, pack):
    source = text(pack, "fulfilment.pol")
    source = source.replace("  may extend_settlement, deduct_funds\n}", "  may extend_settlement, deduct_funds\n  \n}", 1)
    with Opened(server, uri(pack, "fulfilment.pol"), source) as opened:
        inside = completions(server, opened, "deduct_funds\n  ")
        assert {"table", "may", "on", "reason", "name", "description", "example"} <= set(inside)
        assert all(item["kind"] == 14 for item in inside.values())
        actions = completions(server, opened, "then ")
        assert {"points", "warning", "limit", "extend_settlement"} <= set(actions)
        assert completions(server, opened, "# §5 ") == {}  # inside a comment


# ---- formatting, symbols, folding -------------------------------------------------------------

def test_formatting_gives_the_fmt_layout_and_nothing_for_a_file_with_syntax_errors(server, pack):
    source = text(pack, "service.pol").replace("\n  ", "\n      ").replace("}\n", "}\n\n\n")
    with Opened(server, uri(pack, "service.pol"), source) as opened:
        params = {"textDocument": {"uri": opened.uri}, "options": {"tabSize": 2, "insertSpaces": True}}
        edits = server.request("textDocument/formatting", params)
        assert edits and apply_edits(source, edits) == format_source(source)
        opened.change(source + "\nrule broken in US {\n")
        assert server.request("textDocument/formatting", params) is None


def test_document_symbols_nest_tables_and_rows(server, pack):
    source = text(pack, "fulfilment.pol")
    with Opened(server, uri(pack, "fulfilment.pol"), source) as opened:
        symbols = server.request("textDocument/documentSymbol", {"textDocument": {"uri": opened.uri}})
        uk = [s for s in symbols if s["name"] == "late_dispatch"][1]
        assert uk["detail"] == "in UK" and uk["kind"] == 5  # Class
        assert [t["name"] for t in uk["children"]] == ["table points", "table limits"]
        first = uk["children"][0]["children"][0]
        assert first["name"] == "row 1" and first["detail"] == "when 4% <= LDR < 10% then warning, points 2"
        assert first["selectionRange"]["start"] == position(source, "when 4% <= LDR < 10% then warning, points")
        assert uk["range"]["start"]["line"] == line_of(source, "rule late_dispatch in UK")


def test_folding_ranges_of_blocks_and_comment_runs(server, pack):
    source = text(pack, "fulfilment.pol")
    with Opened(server, uri(pack, "fulfilment.pol"), source) as opened:
        folds = server.request("textDocument/foldingRange", {"textDocument": {"uri": opened.uri}})
        start = line_of(source, "rule late_dispatch in UK")
        closing = source.index("\n}\n", source.index("rule late_dispatch in UK"))
        assert {"startLine": start, "endLine": source.count("\n", 0, closing), "kind": "region"} in folds
        assert {"startLine": 0, "endLine": line_of(source, "# 5 orders scores"), "kind": "comment"} in folds


# ---- code actions -----------------------------------------------------------------------------

def test_a_did_you_mean_is_a_quick_fix(server, pack):
    source = text(pack, "fulfilment.pol").replace("late_orders >= 5 then points 3", "late_ordrs >= 5 then points 3")
    with Opened(server, uri(pack, "fulfilment.pol"), source) as opened:
        [typo] = [d for d in opened.diagnostics() if d["code"] == "E200"]
        actions = server.request("textDocument/codeAction", {
            "textDocument": {"uri": opened.uri}, "range": typo["range"], "context": {"diagnostics": [typo]}})
        [fix] = [a for a in actions if a["title"] == "Change `late_ordrs` to `late_orders`"]
        assert fix["kind"] == "quickfix" and fix["isPreferred"] and fix["diagnostics"][0]["code"] == "E200"
        opened.change(apply_edits(source, fix["edit"]["changes"][opened.uri]))
        assert opened.text == text(pack, "fulfilment.pol")
        assert opened.diagnostics() == []


def test_a_gap_between_rows_gets_the_missing_row_as_a_quick_fix(server, pack):
    source = text(pack, "fulfilment.pol").replace("when 10% <= LDR < 25% and late_orders >= 5 then points 3",
                                                  "when 10% <= LDR < 24% and late_orders >= 5 then points 3")
    with Opened(server, uri(pack, "fulfilment.pol"), source) as opened:
        [gap] = [d for d in opened.diagnostics() if d["code"] == "W501"]
        assert gap["severity"] == 2
        actions = server.request("textDocument/codeAction", {
            "textDocument": {"uri": opened.uri}, "range": gap["range"], "context": {"diagnostics": [gap]}})
        titles = [a["title"] for a in actions]
        assert titles == ["Add the row `when 24% <= LDR < 25% and late_orders >= 5 then points 3` (as row 2 decides)",
                          "Add the row `when 24% <= LDR < 25% and late_orders >= 5 then points 5` (as row 3 decides)"]
        fixed = apply_edits(source, actions[0]["edit"]["changes"][opened.uri])
        assert "points 3\n    when 24% <= LDR < 25% and late_orders >= 5 then points 3\n    when 25%" in fixed
        opened.change(fixed)
        assert opened.diagnostics() == []


# ---- positions in UTF-16 ----------------------------------------------------------------------

def test_positions_after_chinese_and_emoji_count_utf16_code_units(server, pack):
    source = text(pack, "fulfilment.pol") + EMOJI_RULE
    with Opened(server, uri(pack, "fulfilment.pol"), source) as opened:
        [unknown] = [d for d in opened.diagnostics() if d["code"] == "E200"]
        before = EMOJI_RULE.split("LDX")[0]
        assert code_units(before) == len(before) + 2  # 🚚 and 📦 take two units each
        expected = {"line": source.count("\n") - 1, "character": code_units(before)}
        assert unknown["range"] == {"start": expected, "end": {**expected, "character": expected["character"] + 3}}
        hover = server.request("textDocument/hover", opened.at("reason late_dispatch_rate on LDX", 8))
        assert "**reason** `late_dispatch_rate`" in hover["contents"]["value"]
        actions = server.request("textDocument/codeAction", {
            "textDocument": {"uri": opened.uri}, "range": unknown["range"], "context": {"diagnostics": [unknown]}})
        fixed = apply_edits(source, actions[0]["edit"]["changes"][opened.uri])
        assert fixed.endswith('name zh "快递🚚📦" reason late_dispatch_rate on LDR }\n')


def test_a_client_that_counts_utf8_gets_utf8_positions(pack):
    client = LspClient(cwd=pack, capabilities={"general": {"positionEncodings": ["utf-8", "utf-16"]}})
    try:
        assert client.initialized["capabilities"]["positionEncoding"] == "utf-8"
        source = text(pack, "fulfilment.pol") + EMOJI_RULE
        mark = client.open(uri(pack, "fulfilment.pol"), source)
        [unknown] = [d for d in client.diagnostics(uri(pack, "fulfilment.pol"), mark) if d["code"] == "E200"]
        assert unknown["range"]["start"] == position(source, "LDX", encoding="utf-8")
        params = {"textDocument": {"uri": uri(pack, "fulfilment.pol")},
                  "position": position(source, "late_dispatch_rate on LDX", 3, encoding="utf-8")}
        assert "late_dispatch_rate" in client.request("textDocument/hover", params)["contents"]["value"]
    finally:
        assert client.shutdown() == 0


# ---- the command ------------------------------------------------------------------------------

def test_without_pygls_the_command_names_the_extra_to_install():
    hidden = "import sys; sys.modules['pygls'] = None; sys.argv = ['tspol', 'lsp']; from tspol.cli.main import main; main()"
    done = subprocess.run([sys.executable, "-c", hidden], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 1
    assert done.stderr == "tspol: error[E003]: `tspol lsp` needs pygls: pip install 'tspol[lsp]'\n"


# ---- the converter ----------------------------------------------------------------------------

def test_positions_count_utf16_units_utf8_bytes_or_code_points():
    text = "a🚚b\n延迟x\n"
    utf16, utf8, utf32 = Positions(text), Positions(text, "utf-8"), Positions(text, "utf-32")
    assert utf16.to_protocol(1, 3) == (0, 3)  # `b`: after `a` and the two units of 🚚
    assert utf8.to_protocol(1, 3) == (0, 5) and utf32.to_protocol(1, 3) == (0, 2)
    assert utf16.to_protocol(2, 3) == (1, 2) and utf8.to_protocol(2, 3) == (1, 6)
    for positions in (utf16, utf8, utf32):
        for offset in range(len(text) + 1):
            assert positions.protocol_offset(*positions.position(offset)) == offset
            assert positions.offset(*positions.place(offset)) == offset


def test_a_position_inside_a_character_or_past_its_line_is_clamped():
    positions = Positions("🚚x\nyz")
    assert positions.from_protocol(0, 1) == (1, 1)  # between the two units of 🚚: the start of it
    assert positions.from_protocol(0, 99) == (1, 3)  # past the end of the line: its end
    assert positions.from_protocol(7, 0) == positions.end == (2, 3)


def test_protocol_lines_end_at_cr_and_crlf_as_well_as_lf():
    text = "a\r\nb\rc\nd"
    positions = Positions(text)
    assert positions.position(text.index("b")) == (1, 0)
    assert positions.position(text.index("c")) == (2, 0)  # tspol's line 2 holds `b\rc`
    assert positions.to_protocol(2, 3) == (2, 0)
    assert positions.to_protocol(1, 2) == (0, 1)  # the `\r` of `\r\n` is the end of line 0
    assert positions.span_range(Span("f", 3, 1, 3, 2)) == ((3, 0), (3, 1))


def test_an_unknown_encoding_is_refused():
    with pytest.raises(ValueError, match="utf-7"):
        Positions("", "utf-7")


# ---- the index --------------------------------------------------------------------------------

def test_the_index_finds_declarations_and_uses_by_namespace():
    files = [parse_partial((PACK / name).read_text(encoding="utf-8"), name) for name in ("metrics.pol", "fulfilment.pol")]
    index = SymbolIndex(parsed.file for parsed in files)
    [ldr] = index.definitions("quantity", "LDR")
    assert ldr.kind == "metric" and ldr.span.path == "metrics.pol"
    fulfilment = (PACK / "fulfilment.pol").read_text(encoding="utf-8")
    uses = [o.span for o in index.uses_of("quantity", "LDR") if o.span.path == "fulfilment.pol"]
    assert len(uses) == fulfilment.count("LDR")
    assert index.definitions("measure", "avg4w") == []  # a basis is a quantity, not a measure
    assert [s.span.line for s in index.definitions("rule", "late_dispatch")] == [
        line_of(fulfilment, "rule late_dispatch in US") + 1, line_of(fulfilment, "rule late_dispatch in UK") + 1]
    line = line_of(fulfilment, "  reason late_dispatch_rate") + 1
    assert index.at("fulfilment.pol", line, 12).namespace == "reason"
    assert index.at("fulfilment.pol", line, 10 + len("late_dispatch_rate")).name == "late_dispatch_rate"  # just after
    assert index.at("fulfilment.pol", line, 11 + len("late_dispatch_rate")) is None
    assert index.at("fulfilment.pol", line, 3) is None  # the keyword


def test_may_points_is_no_use_of_a_measure():
    index = SymbolIndex([parse_partial("rule r in US { may points, deduct }", "r.pol").file])
    assert [(o.namespace, o.name) for o in index.occurrences if not o.declares] == [("region", "US"),
                                                                                     ("measure", "deduct")]


def test_the_index_of_a_file_with_a_syntax_error_keeps_the_other_declarations():
    source = "input a: count\ninput b: count {\n  part of\n}\nmetric M = a / b\n"
    parsed = parse_partial(source, "x.pol")
    assert parsed.problems
    index = SymbolIndex([parsed.file])
    assert {s.name for s in index.symbols} == {"a", "b", "M"}
    assert len(index.uses_of("quantity", "a")) == 1


# ---- the workspace's buffers --------------------------------------------------------------------

def test_a_workspace_reads_many_buffers_over_its_files_and_leaves_out_others(tmp_path):
    pack = edited_pack(tmp_path)
    metrics = (pack / "metrics.pol").read_text(encoding="utf-8").replace("metric LDR =", "metric LDR2 =")
    buffers = {pack / "metrics.pol": metrics, pack / "extra.pol": "region EU\n",
               tmp_path / "elsewhere.pol": "region ZZ\n", pack / "service.pol": "region EU\n"}
    workspace = Workspace.open(pack / "fulfilment.pol", unsaved=buffers)
    texts = workspace.sources.texts
    assert texts[str(pack / "metrics.pol")] == metrics and str(pack / "extra.pol") in texts
    assert not any("elsewhere" in path for path in texts)
    assert list(texts)[-3:] == [str(pack / "metrics.pol"), str(pack / "extra.pol"), str(pack / "service.pol")]
    duplicate = [d for d in workspace.diagnostics() if d.code == "E201"]
    assert duplicate[0].span.path == str(pack / "service.pol")  # the last buffer is the one reported
    assert any(d.code == "E200" and "`LDR`" in d.message for d in workspace.diagnostics())


def test_a_snapshot_of_a_buffer_that_is_no_file_is_a_pack_alone():
    snapshot = Snapshot.of_text("untitled:1", 'policy p { version "1" effective 2024-01-01 }\nregion US\n')
    assert snapshot.diagnostics() == [] and [s.name for s in snapshot.index.symbols] == ["p", "US"]


def test_hover_over_rows_with_or_and_otherwise_says_what_they_decide():
    """A row of several boxes lists them, an `otherwise` row says what it covers (both
    raised ValueError: hover read `row.box`, which only a one-box row has)."""
    from tspol.lsp.hover import hover
    from tspol.lsp.snapshot import Snapshot

    path = str((Path(__file__).resolve().parents[1] / "examples" / "boolean" / "policy.pol"))
    text = Path(path).read_text(encoding="utf-8")
    snapshot = Snapshot.of_file(path, {path: text})
    lines = text.splitlines()

    def over(start: str) -> str:
        number = next(i for i, line in enumerate(lines, 1) if line.strip().startswith(start))
        return hover(snapshot, path, number, lines[number - 1].index(start) + 2)

    shown = over("when 4% <= LDR < 10% or")
    assert "Sellers get a warning (0 points) where any of these holds:\n- Late dispatch rate (LDR) is at least 4% " \
           "and below 10%\n- Late dispatch rate (LDR) is at least 10%; late\\_orders is at most 4;" in shown
    assert "以下任一情形:警告(0 个违规分)。\n- 延迟履约率(LDR) 不低于 4% 且低于 10%\n" in shown
    shown = over("otherwise warning")
    assert "Sellers whose Order defect rate (ODR) has a value, where no other row of this table applies, " \
           "get a warning (0 points)." in shown
    assert "订单缺陷率(ODR) 有值,且本表其他行均不适用:警告(0 个违规分)。" in shown


def test_hover_and_completion_speak_chinese_when_the_server_does():
    """The server's language (TSPOL_LANG, else the locale) is that of hover and completion
    texts too; the row's meaning comes in both languages, the server's first."""
    from tspol.lsp.completion import complete
    from tspol.lsp.hover import hover
    from tspol.lsp.snapshot import Snapshot

    texts = {str(file): file.read_text(encoding="utf-8") for file in sorted(PACK.glob("*.pol"))}
    path = str(PACK / "fulfilment.pol")
    snapshot = Snapshot.of_file(path, texts)
    lines = texts[path].splitlines()
    number = next(i for i, line in enumerate(lines, 1) if "when 25% <= LDR < 50% and late_orders" in line)
    column = lines[number - 1].index("late_orders") + 2
    name = hover(snapshot, path, number, column, "zh")
    assert "**input** `late_orders`:计数;是 `orders_7d` 的一部分;越高越差" in name
    assert "声明于 metrics.pol:" in name and "用于:\n- `rule late_dispatch in US, SEA` (fulfilment.pol:" in name
    row = hover(snapshot, path, number, lines[number - 1].index("when") + 2, "zh")
    assert row.index("延迟履约率(LDR) 不低于 25% 且低于 50%") < row.index("Sellers whose Late dispatch rate")
    assert row.startswith("**规则 late\\_dispatch 第 3 行(fulfilment.pol:")
    rule = next(i for i, line in enumerate(lines, 1) if line.startswith("rule late_dispatch in US"))
    assert "基于 `LDR`;违规原因 `late_dispatch_rate`;1 张表,共 5 行" in hover(snapshot, path, rule, 7, "zh")
    offset = texts[path].index("on LDR") + len("on ")
    details = {c.label: c.detail for c in complete(snapshot, path, offset, "zh")}
    assert details["LDR"] == "metric:比率"
