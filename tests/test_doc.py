"""`tspol doc`: the policy as one self-contained HTML page, with a coverage map of every
tier table that places each row's area where the analysis says it is."""

from __future__ import annotations

import html
import html.parser
import os
import re
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path

import pytest

from conftest import PACK, ROOT

PAGE = "tiktok_shop_crossborder.html"
PICTURE = ROOT / "docs" / "coverage-late-dispatch.svg"
SVG = re.compile(r"<svg\b.*?</svg>", re.DOTALL)
VOID = {"meta"}  # the only void element the page may have

HOSTILE = """\
policy hostile {
  name en "<script>alert('policy')</script> & \\"friends\\""
  name zh "<b>粗体</b> ]]>"
  version "1<2 & 3>2"
  effective 2024-07-15
}

region US { name en "</style><script>alert(1)</script>" }

input orders_7d: count
input avg_daily_orders_4w: count
input late_orders: count {
  part of orders_7d
  higher is worse
  name en "<img src=x onerror=alert(1)>"
}

metric LDR = late_orders / orders_7d {
  higher is worse
  standard LDR < 4%
  name en "]]><svg onload=alert(1)>"
}

basis avg4w = avg_daily_orders_4w { round down }

rule late_dispatch in US {
  name en "<script>alert('rule')</script>"
  reason late_dispatch_rate
  on LDR
  table {
    when 4% <= LDR < 10% then warning
    when 10% <= LDR < 25% and late_orders >= 5 then points 3
    when 30% <= LDR and late_orders >= 5 then points 5, limit 7d at 10% avg4w
  }
  may extend_settlement
}

measure extend_settlement { name en "<a href='https://evil.example/'>x</a>" }
category fulfilment { name en "<i>cat</i>" }
reason late_dispatch_rate in fulfilment {
  points by rule
  description en "<script>d</script>"
  example en "<iframe src='//evil.example'>"
}
"""


class Page(html.parser.HTMLParser):
    """The page as the browser's parser reads it: its tags in order, checked to nest,
    their attributes, the text, and what each heading says."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.headings: dict[str, list[str]] = {}
        self.style = ""
        self.feed(text)
        self.close()
        assert not self.open, f"elements left open: {self.open}"

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, f"</{tag}> closes {self.open[-1:]}"
        self.open.pop()

    def handle_data(self, data):
        self.text.append(data)
        if self.open and self.open[-1] == "style":
            self.style += data
        heading = next((tag for tag in reversed(self.open) if tag in ("h1", "h2", "h3", "h4")), None)
        if heading and data.strip():
            self.headings.setdefault(heading, []).append(data.strip())


def pictures(text: str) -> list[ET.Element]:
    return [svg_tree(svg) for svg in SVG.findall(text)]


def svg_tree(text: str) -> ET.Element:
    """An SVG parsed as XML, its tags without the SVG namespace a standalone file declares."""
    root = ET.fromstring(text)
    for element in root.iter():
        element.tag = element.tag.removeprefix("{http://www.w3.org/2000/svg}")
    return root


def write_page(cli, path, output: Path, *options) -> str:
    result = cli("doc", path, "-o", output, *options)
    assert result.exit_code == 0, result.output
    (page,) = output.glob("*.html")
    return page.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, str]:
    """The bundled pack's page in each language, as `tspol doc` writes it."""
    from click.testing import CliRunner

    from tspol.cli.main import cli

    out = {}
    for lang in ("en", "zh"):
        folder = tmp_path_factory.mktemp(f"site-{lang}")
        result = CliRunner().invoke(cli, ["doc", str(PACK), "-o", str(folder), "--lang", lang])
        assert result.exit_code == 0, result.output
        out[lang] = (folder / PAGE).read_text(encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def analysis():
    from tspol.workspace import Workspace

    workspace = Workspace.open(PACK)
    return workspace.program(), workspace.analysis()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_page_is_html_whose_tags_nest(pages, lang):
    page = Page(pages[lang])
    assert page.tags[0][0] == "html" and ("style", {}) in page.tags
    assert {tag for tag, _ in page.tags} >= {"table", "svg", "rect", "ol", "section"}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_picture_is_xml_and_draws_each_area_of_its_table(pages, analysis, lang):
    _, found = analysis
    maps = {svg.get("id"): svg for svg in pictures(pages[lang])}
    assert len(maps) == len(found.tables) == 5
    label = "row {}" if lang == "en" else "第 {} 行"
    for table in found.tables:
        svg = maps[f"map-{table.rule.name}-{'-'.join(table.regions)}-{table.number}"]
        tips = [rect.findtext("title") for rect in svg.iter("rect") if rect.find("title") is not None]
        texts = {text.text for text in svg.iter("text")}
        for row in table.rows:
            drawn = [tip for tip in tips if tip.startswith(f"{label.format(row.row.index)} ({row.row.where})")]
            assert len(drawn) == len(row.owns) >= 1
            assert label.format(row.row.index) in texts  # the label inside the area
            assert any(row.row.where in text for text in texts)  # and in the legend
        assert len(tips) == sum(len(r.owns) for r in table.rows) + len(table.uncovered)


def test_the_areas_start_and_end_at_the_ticks_of_their_bounds(analysis):
    from tspol.docgen import coverage_of, coverage_picture

    program, found = analysis
    svg = svg_tree(coverage_picture(program, coverage_of(found, "late_dispatch", "US")))
    rects = {rect.findtext("title").split(" (")[0] if rect.findtext("title").startswith("row") else
             rect.findtext("title").split(":")[0]: rect for rect in svg.iter("rect") if rect.find("title") is not None}
    below = {t.text: float(t.get("x")) for t in svg.iter("text") if t.get("text-anchor") == "middle"}
    side = {t.text: float(t.get("y")) for t in svg.iter("text") if t.get("text-anchor") == "end"}

    def edges(name):
        rect = rects[name]
        x, y, w, h = (float(rect.get(k)) for k in ("x", "y", "width", "height"))
        return x, x + w, y, y + h

    expected = {  # row: the LDR bounds along the bottom, the late_orders bounds up the side
        "row 1": ("4%", "10%", None, "0"), "row 2": ("10%", "25%", None, "5"), "row 3": ("25%", "50%", None, "5"),
        "row 4": ("50%", "100%", "30", "5"), "row 5": ("50%", "100%", None, "30"),
        "meets the standard": ("0%", "4%", None, "0"), "no row decides": ("10%", "100%", "5", "0"),
    }
    for name, (left, right, top, bottom) in expected.items():
        x0, x1, y0, y1 = edges(name)
        assert abs(x0 - below[left]) <= 0.11 and abs(x1 - below[right]) <= 0.11, name
        assert abs(y1 - side[bottom]) <= 0.11, name
        if top is not None:
            assert abs(y0 - side[top]) <= 0.11, name
    assert edges("row 5")[2] == edges("row 1")[2] < side["30"]  # open upwards, to the top of the picture
    assert "no upper end" in {t.text for t in svg.iter("text")}


def test_the_page_refers_to_nothing_outside_itself(pages):
    for text in pages.values():
        assert "http://" not in text and "https://" not in text
        page = Page(text)
        tags = {tag for tag, _ in page.tags}
        assert not tags & {"script", "link", "img", "iframe", "object", "embed", "base", "image", "use"}
        ids = {attrs["id"] for _, attrs in page.tags if "id" in attrs}
        for tag, attrs in page.tags:
            assert "src" not in attrs and not any(key.startswith("on") for key in attrs), (tag, attrs)
            if "href" in attrs:
                assert attrs["href"].startswith("#") and attrs["href"][1:] in ids, attrs
            for value in attrs.values():
                for target in re.findall(r"url\(([^)]*)\)", value or ""):
                    assert target.startswith("#") and target[1:] in ids, value
        assert "url(" not in page.style and "@import" not in page.style and "@font-face" not in page.style


def test_the_same_pack_gives_the_same_bytes_wherever_it_is(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    here = write_page(cli, "policies", tmp_path / "a")
    monkeypatch.chdir(tmp_path)
    there = write_page(cli, PACK, tmp_path / "b")
    assert here == there == write_page(cli, PACK, tmp_path / "c")
    assert str(ROOT) not in here and str(tmp_path) not in here


def test_lang_zh_makes_chinese_the_main_language(pages):
    zh, en = Page(pages["zh"]), Page(pages["en"])
    assert pages["zh"].startswith('<!DOCTYPE html>\n<html lang="zh">')
    assert {"目录", "规则", "指标与标准", "违规分与阈值", "违规原因"} <= set(zh.headings["h2"])
    assert {"Contents", "Rules", "Metrics and standards", "Points and thresholds"} <= set(en.headings["h2"])
    assert zh.headings["h1"][0] == "跨境卖家绩效评估规则(美国、东南亚、英国)"
    assert en.headings["h1"][0] == "TikTok Shop cross-border seller performance policy (US, SEA, UK)"
    assert "TikTok Shop cross-border seller performance policy (US, SEA, UK)" in zh.headings["h1"]  # English beside
    assert "第 2 行" in {t.text for svg in pictures(pages["zh"]) for t in svg.iter("text")}


def test_the_page_shows_the_thresholds_as_a_ladder_and_the_catalogue(pages):
    page = Page(pages["en"])
    text = " ".join(page.text)
    assert re.findall(r'<div class="rung">\s*(\d+) points', pages["en"]) == ["48", "36", "24", "12"]
    assert "Points expire after 180 days." in text and "At most 2 appeals per violation." in text
    assert "missing_seller_qualification" in text and "Missing qualification" in text and "缺少资质" in text
    assert "fulfilment.pol:43" in text and "50% <= LDR and late_orders >= 30" in text


def test_policy_text_is_shown_as_text_never_run(cli, tmp_path):
    (tmp_path / "pack").mkdir()
    (tmp_path / "pack" / "policy.pol").write_text(HOSTILE, encoding="utf-8")
    text = write_page(cli, tmp_path / "pack", tmp_path / "site")
    page = Page(text)
    assert not {tag for tag, _ in page.tags} & {"script", "img", "iframe", "b", "i"}
    assert all(attrs.get("href", "#").startswith("#") for _, attrs in page.tags)
    shown = "".join(page.text)
    for hostile in ("<script>alert('rule')</script>", "<img src=x onerror=alert(1)>", "]]><svg onload=alert(1)>",
                    "</style><script>alert(1)</script>", "<a href='https://evil.example/'>x</a>", "1<2 & 3>2"):
        assert hostile in shown
    (svg,) = pictures(text)
    assert "<script>alert('rule')</script>" in svg.findtext("title")
    from tspol.docgen import STYLE

    assert page.style == STYLE  # nothing of the pack's gets into the style sheet


def test_a_gap_between_rows_is_marked(cli, tmp_path):
    (tmp_path / "pack").mkdir()
    (tmp_path / "pack" / "policy.pol").write_text(HOSTILE, encoding="utf-8")
    (svg,) = pictures(write_page(cli, tmp_path / "pack", tmp_path / "site"))
    hole = next(rect for rect in svg.iter("rect") if (rect.findtext("title") or "").startswith("gap"))
    assert hole.get("fill") == "url(#map-late_dispatch-US-1-hole)"
    assert hole.findtext("title").startswith("gap: no row decides: 25% <= LDR < 30% and late_orders >= 5")
    assert any(p.get("id") == "map-late_dispatch-US-1-hole" for p in svg.iter("pattern"))


def test_a_table_of_three_quantities_is_described_without_a_picture(cli, tmp_path):
    pack = HOSTILE.replace("then points 3\n", "and orders_7d >= 20 then points 3\n")
    (tmp_path / "pack").mkdir()
    (tmp_path / "pack" / "policy.pol").write_text(pack, encoding="utf-8")
    text = write_page(cli, tmp_path / "pack", tmp_path / "site")
    assert not pictures(text)
    assert "No picture: the rows of this table name 3 quantities (LDR, late_orders, orders_7d)." in text
    assert "No row decides" in text  # the areas are still listed, in words


def test_a_pack_with_errors_gets_no_page(cli, tmp_path):
    (tmp_path / "pack").mkdir()
    (tmp_path / "pack" / "policy.pol").write_text(HOSTILE.replace("late_orders >= 5 then points 3",
                                                                  "late_orders >= 5% then points 3"), encoding="utf-8")
    result = cli("doc", tmp_path / "pack", "-o", tmp_path / "site")
    assert result.exit_code == 1 and "error[E301]" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "site").exists()


def test_the_committed_picture_is_what_the_code_draws(analysis):
    from tspol.docgen import coverage_of, coverage_picture

    program, found = analysis
    drawn = coverage_picture(program, coverage_of(found, "late_dispatch", "US"))
    assert PICTURE.read_text(encoding="utf-8") == drawn, (
        "docs/coverage-late-dispatch.svg is stale; redraw it with\n"
        ".venv/bin/python -c \"from pathlib import Path; from tspol.docgen import coverage_of, coverage_picture; "
        "from tspol.workspace import Workspace; w = Workspace.open('policies'); "
        "Path('docs/coverage-late-dispatch.svg').write_text(coverage_picture(w.program(), "
        "coverage_of(w.analysis(), 'late_dispatch', 'US')), encoding='utf-8')\"")


# ---- in a browser ------------------------------------------------------------------------

def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """(width, channels, rows of bytes) of an 8-bit RGB or RGBA PNG, unfiltered."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", data[pos + 8:pos + 21])
        elif kind == b"IDAT":
            chunks.append(data[pos + 8:pos + 8 + length])
        pos += 12 + length
    width, height, depth, colour, _, _, interlaced = header
    assert depth == 8 and colour in (2, 6) and not interlaced, header
    n = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(b"".join(chunks)), width * n
    low, high = int.from_bytes(b"\x7f" * stride, "big"), int.from_bytes(b"\x80" * stride, "big")
    rows, prev = [], bytes(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)]
        if kind == 2:  # up: every byte plus the one above, mod 256, at once
            a, b = int.from_bytes(line, "big"), int.from_bytes(prev, "big")
            line = (((a & low) + (b & low)) ^ ((a ^ b) & high)).to_bytes(stride, "big")
        elif kind:
            line = _unfilter(kind, bytearray(line), prev, n)
        rows.append(line)
        prev = line
    return width, n, rows


def _unfilter(kind: int, line: bytearray, prev: bytes, n: int) -> bytes:
    for x in range(len(line)):
        left, up = (line[x - n] if x >= n else 0), prev[x]
        if kind == 1:
            line[x] = (line[x] + left) & 255
        elif kind == 3:
            line[x] = (line[x] + ((left + up) >> 1)) & 255
        else:
            corner = prev[x - n] if x >= n else 0
            p = left + up - corner
            pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
            line[x] = (line[x] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
    return bytes(line)


def test_a_browser_draws_the_page_and_its_map(cli, tmp_path):
    chromium = shutil.which("chromium")
    if chromium is None:
        if os.environ.get("TSPOL_REQUIRE_CHROMIUM"):
            pytest.fail("TSPOL_REQUIRE_CHROMIUM is set and chromium is not on PATH: apt-get install chromium")
        pytest.skip("needs chromium: apt-get install chromium")
    (tmp_path / "pack").mkdir()
    (tmp_path / "pack" / "policy.pol").write_text(HOSTILE, encoding="utf-8")
    write_page(cli, tmp_path / "pack", tmp_path / "site")
    shot = tmp_path / "page.png"
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={shot}", "--window-size=1200,2000",
                    (tmp_path / "site" / "hostile.html").as_uri()],
                   capture_output=True, timeout=120, check=True)
    width, n, rows = png_pixels(shot.read_bytes())
    assert (width, len(rows)) == (1200, 2000)
    pixels = [bytes(row[i:i + 3]) for row in rows[::4] for i in range(0, len(row), n * 4)]
    colours = set(pixels)
    ink = sum(pixel != b"\xff\xff\xff" for pixel in pixels)
    assert len(colours) > 50 and ink > len(pixels) // 20, (len(colours), ink, len(pixels))
    from tspol.docgen import ROW_COLOURS

    for colour in ROW_COLOURS[:3]:  # the areas of rows 1 to 3 of the map, filled
        assert pixels.count(bytes.fromhex(colour[1:])) > 200, colour


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_pack_with_or_otherwise_and_first_gets_its_page(cli, tmp_path, lang):
    """Rows of several boxes are shown joined by `or`, an `otherwise` row by what it covers,
    a `first` table by what it means; every picture still draws each area (the page raised
    ValueError on such rows: it read `row.box`, which only a one-box row has)."""
    text = write_page(cli, ROOT / "examples" / "boolean", tmp_path / "site", "--lang", lang)
    plain = html.unescape(text)
    if lang == "en":
        assert "4% <= LDR < 10% or (10% <= LDR and late_orders < 5 and orders_7d < 50)" in plain
        assert "otherwise: no other row of this table applies" in plain
        assert "first: the first row that matches fires; rows may overlap" in plain
    else:
        assert "4% <= LDR < 10% 或 (10% <= LDR 且 late_orders < 5 且 orders_7d < 50)" in plain
        assert "否则:本表其他行均不适用" in plain and "首条匹配:只执行第一条匹配的行,各行可以重叠" in plain
    assert len(pictures(text)) == 1  # order_defects; late_dispatch's rows name three quantities


@pytest.mark.parametrize("pack, lang, said", [
    ("ledger_reset", "en", "All points reset on the first Monday of the first month of each quarter."),
    ("ledger_reset", "zh", "全部违规分在每季度第一个月的第一个星期一清零。"),
    ("ledger_repeat", "en", "A violation of a rule within 30 days after another violation of that rule scores its "
                            "points twice."),
    ("ledger_repeat", "zh", "同一规则的违规在该规则上一次违规后 30 天内发生的,违规分加倍。"),
    ("ledger_extend", "en", "14 days, extended by 7 days on each new violation"),
    ("ledger_extend", "zh", "14 天,每有新的违规延长 7 天"),
])
def test_the_ledger_says_its_resets_repeats_and_extensions_in_the_pages_language(cli, tmp_path, pack, lang, said):
    """Issue 11's ledger in words of the page's language (the Chinese page wrote `the first
    monday of each quarter` as the source does, and said nothing of an extension)."""
    text = html.unescape(re.sub(r"<[^>]+>", "", write_page(cli, ROOT / "examples" / pack, tmp_path / "site",
                                                           "--lang", lang)))
    assert said in re.sub(r"\s+", " ", text)
