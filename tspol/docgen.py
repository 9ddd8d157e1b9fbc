"""The policy as one HTML page a person reads in a browser: `tspol doc`.

    page = document(program, analysis, relpaths, lang="en")   # the whole page, as text
    picture = coverage_picture(program, coverage, lang="en")  # one table's map, a standalone SVG

The page holds everything it shows: no scripts, no fonts or styles from
elsewhere, no links out. It has every rule with its names in English and
Chinese and its tier tables, each row with its source line and a seller it
decides; the metrics and their standards; the ledger's thresholds and their
measures as a ladder; appeals, holds, measures and the catalogue of reasons.
`lang` is the page's main language, the other shown beside it.

Each tier table has a coverage map, an SVG picture of the table analysis
(`tspol.compiler.analysis`): every area a row owns and every area no row
decides is one of the analysis's boxes, drawn on the pieces it cuts each
quantity into (`tspol.compiler.boxes.Axis`), so nothing here reads a row's
condition anew. The rule's metric runs along the bottom and the table's other
quantity up the side; a table of one quantity is a strip, and one of three or
more is described in words only.

Everything is built as an element tree (`xml.etree`), so every text of the pack
is escaped where it is written: a name `<script>` shows as that text. The same
pack and language give the same bytes: no dates, no paths but those inside the
pack, positions in exact arithmetic rounded to tenths of a pixel.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from fractions import Fraction

import attrs

from tspol.codes import UNDECIDED
from tspol.compiler import ir
from tspol.compiler.analysis import Analysis, Area, Problem, TableCoverage, interval_text, value_text
from tspol.compiler.boxes import NONE, Axis
from tspol.compiler.explain import outcome_text, quantity_label
from tspol.compiler.witness import Quantity, Vocabulary
from tspol.dsl.formatter import decimal_text
from tspol.dsl.intervals import Interval
from tspol.svg import el, px, serialize, standalone, text_width

LANGS = ("en", "zh")

WORDS = {
    "en": {
        "contents": "Contents", "regions": "Regions", "inputs": "Inputs", "metrics": "Metrics and standards",
        "rules": "Rules", "ledger": "Points and thresholds", "appeals": "Appeals", "holds": "Balance holds",
        "measures": "Measures", "catalogue": "Violation reasons",
        "levels": "Levels", "best_first": "best first; a seller no row places is",
        "history": "History", "change": "What changed", "first_version": "The pack as first written",
        "version": "Version", "effective": "Effective", "source_hash": "Source hash",
        "made_by": "Written by tspol doc from the pack's source: every number on this page is the pack's own.",
        "name": "Name", "called": "Called", "kind": "Kind", "part_of": "Part of", "worse": "Worse when",
        "higher": "higher", "lower": "lower", "metric": "Metric", "definition": "Definition",
        "standard": "Standard", "only_if": "Applies only if", "source": "Source", "in": "In",
        "reason": "Reason", "may": "The platform may add", "may_points": "points, at its discretion",
        "table": "Table {}", "exclusive": "exclusive: the first row that matches fires",
        "all": "all: every row that matches fires",
        "first": "first: the first row that matches fires; rows may overlap", "row": "Row", "row_n": "row {}", "when": "When",
        "then": "Then", "example": "A seller it decides", "and": " and ", "or": " or ",
        "otherwise": "otherwise: no other row of this table applies", "no_seller": "fires for no seller",
        "meets": "meets the standard", "edge": "no row decides", "hole": "gap: no row decides", "gap": "gap",
        "uncovered": "No row decides", "findings": "What tspol check says", "map": "Coverage map: {}",
        "too_many": "No picture: the rows of this table name {} quantities ({}).",
        "undecided": "The analysis could not decide the tables of this rule, so they have no map.",
        "open_end": "no upper end", "not_drawn": "not in the picture", "warning": "warning",
        "points": ("{} point", "{} points"), "limit": "limit {}d at {}%", "threshold": "{} points",
        "days": ("{} day", "{} days"), "permanently": "permanently", "until_within": "until {} is within its standard",
        "while_level": "while the points stay at this threshold or above", "deactivation": "deactivation",
        "expiry": "Points expire after {} days.", "deactivate": "At {} points the account is deactivated.",
        "freeze": "Points freeze while the account is deactivated.",
        "reset": "All points reset on {}.", "reset_day": "day {} of {}", "reset_nth": "the {} {} of {}",
        "periods": {"month": "each month", "quarter": "the first month of each quarter", "year": "January each year"},
        "nths": {1: "first", 2: "second", 3: "third", 4: "fourth", -1: "last"},
        "repeat_double": "A violation of a rule within {} days after another violation of that rule scores its "
                         "points twice.",
        "repeat_add": "A violation of a rule within {} days after another violation of that rule scores {} more.",
        "extended": "extended by {} on each new violation",
        "score": "A score that starts at {}, at most {}: each violation's points are taken from it.",
        "regain": "The score regains {} points {} days after the latest violation, and every {} days after "
                  "that while no violation comes, up to its cap.",
        "score_floor": "At a score of {} or less the account is deactivated.", "below": "below {}",
        "warn": "A formal warning when {} points short of a threshold.",
        "crossing_highest": "When one scoring crosses several thresholds, the measures of the highest apply.",
        "crossing_lowest": "When one violation takes the score below several thresholds, the measures of the "
                           "lowest apply.",
        "crossing_all": "When one scoring crosses several thresholds, the measures of each apply.",
        "linked": "Enforcement on one account may apply to every linked account.",
        "attempts": "At most {} appeals per violation.", "first_appeal": "The first within {} days of the penalty.",
        "next": "Each next within {} days of a rejection.",
        "hold_for": "For", "period": "Period", "period_days": "{} to {} days", "ends": "Ends at",
        "ends_later": "the later of the period's end and the investigation's end",
        "ends_earlier": "the earlier of the period's end and the investigation's end",
        "accepted": "After an accepted appeal", "rejected": "After a rejected appeal",
        "none": "With no appeal within {}", "release": "released within {}",
        "keep": "kept until the period ends", "category": "Category", "points_col": "Points",
        "points_discretionary": "at the platform's discretion", "points_rule": "by the rule's tables",
        "points_none": "none", "description": "Description", "examples": "Examples",
        "points_fixed": "{} points", "points_range": "{} to {} points",
        "evaluated": "Evaluated", "daily": "daily", "weekly": "weekly, on {}",
        "monthly": "monthly, on day {} (a shorter month on its last day)",
        "weekdays": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        "kinds": {"count": "count", "number": "number", "rate": "rate", "duration": "duration in {}",
                  "money": "money in {}"},
        "sep": "; ", "comma": ", ",
    },
    "zh": {
        "contents": "目录", "regions": "地区", "inputs": "输入数据", "metrics": "指标与标准", "rules": "规则",
        "ledger": "违规分与阈值", "appeals": "申诉", "holds": "资金暂扣", "measures": "处罚措施",
        "catalogue": "违规原因",
        "levels": "等级", "best_first": "从好到差;没有任何行给出等级的卖家为",
        "history": "版本历史", "change": "变更内容", "first_version": "政策包最初的版本",
        "version": "版本", "effective": "生效日期", "source_hash": "源文本哈希",
        "made_by": "由 tspol doc 根据策略包源文本生成:本页每个数字都来自策略包本身。",
        "name": "标识", "called": "名称", "kind": "类型", "part_of": "属于", "worse": "越差方向",
        "higher": "越高越差", "lower": "越低越差", "metric": "指标", "definition": "定义", "standard": "标准",
        "only_if": "仅当", "source": "来源", "in": "适用地区", "reason": "违规原因", "may": "平台可追加",
        "may_points": "违规分(由平台酌情决定)", "table": "表 {}",
        "exclusive": "互斥:只执行第一条匹配的行", "all": "全部:执行每一条匹配的行",
        "first": "首条匹配:只执行第一条匹配的行,各行可以重叠", "row": "行",
        "row_n": "第 {} 行", "when": "条件", "then": "处罚", "example": "该行判定的卖家示例", "and": " 且 ", "or": " 或 ",
        "otherwise": "否则:本表其他行均不适用",
        "no_seller": "没有卖家触发此行", "meets": "达到标准", "edge": "无行判定", "hole": "空档:无行判定",
        "gap": "空档",
        "uncovered": "无行判定", "findings": "tspol check 的发现", "map": "覆盖图:{}",
        "too_many": "无图:此表的行涉及 {} 个量({})。",
        "undecided": "分析未能判定此规则的表,因此没有覆盖图。",
        "open_end": "无上限", "not_drawn": "不在图中", "warning": "警告",
        "points": ("{} 分", "{} 分"), "limit": "限单 {} 天 {}%", "threshold": "{} 分",
        "days": ("{} 天", "{} 天"), "permanently": "永久", "until_within": "至 {} 回到标准以内",
        "while_level": "违规分不低于本阈值期间", "deactivation": "停用",
        "expiry": "违规分在 {} 天后失效。", "deactivate": "累计 {} 分时账号被停用。",
        "freeze": "账号停用期间违规分冻结。", "reset": "全部违规分在{}清零。", "reset_day": "{1}的 {0} 日",
        "reset_nth": "{2}的{0}个星期{1}", "periods": {"month": "每月", "quarter": "每季度第一个月", "year": "每年一月"},
        "nths": {1: "第一", 2: "第二", 3: "第三", 4: "第四", -1: "最后一"},
        "repeat_double": "同一规则的违规在该规则上一次违规后 {} 天内发生的,违规分加倍。",
        "repeat_add": "同一规则的违规在该规则上一次违规后 {} 天内发生的,违规分另加 {}。",
        "extended": "每有新的违规延长 {}",
        "score": "分数从 {} 开始,上限 {}:每次违规扣去其违规分。",
        "regain": "最近一次违规 {1} 天后分数恢复 {0} 分,此后没有新的违规时每 {2} 天再恢复一次,直到上限。",
        "score_floor": "分数降到 {} 或以下时账号被停用。", "below": "低于 {}", "warn": "距离阈值 {} 分时发出正式警告。",
        "crossing_highest": "一次计分跨越多个阈值时,执行最高阈值的措施。",
        "crossing_lowest": "一次违规使分数低于多个阈值时,执行最低阈值的措施。",
        "crossing_all": "一次计分跨越多个阈值时,执行每个阈值的措施。",
        "linked": "对一个账号的处罚可对所有关联账号执行。",
        "attempts": "每项违规最多申诉 {} 次。", "first_appeal": "首次申诉须在处罚后 {} 天内提出。",
        "next": "再次申诉须在驳回后 {} 天内提出。",
        "hold_for": "适用于", "period": "期限", "period_days": "{} 至 {} 天", "ends": "结束于",
        "ends_later": "期限结束与调查结束中较晚者", "ends_earlier": "期限结束与调查结束中较早者",
        "accepted": "申诉成功后", "rejected": "申诉被驳回后", "none": "{}内未申诉",
        "release": "{}内释放", "keep": "保留至期限结束", "category": "类别", "points_col": "违规分",
        "points_discretionary": "由平台酌情决定", "points_rule": "按规则的分档表", "points_none": "无",
        "description": "说明", "examples": "示例",
        "points_fixed": "{} 分", "points_range": "{} 至 {} 分",
        "evaluated": "评估时间", "daily": "每天", "weekly": "每周{}",
        "monthly": "每月 {} 日(较短的月份为其最后一天)",
        "weekdays": ("一", "二", "三", "四", "五", "六", "日"),
        "kinds": {"count": "计数", "number": "数值", "rate": "比率", "duration": "时长({})",
                  "money": "金额({})"},
        "sep": ";", "comma": ",",
    },
}

FONTS = ("system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'Noto Sans CJK SC', 'PingFang SC', "
         "'Microsoft YaHei', sans-serif")
ROW_COLOURS = ("#a6cee3", "#fdbf6f", "#fb9a99", "#cab2d6", "#8dd3c7", "#ffed6f", "#bebada", "#80b1d3",
               "#fccde5", "#d9d9d9")  # a row's colour, by its place in the table
UNCOVERED_FILL = {"standard": "#dcfce7", "edge": "#f3f4f6", "hole": "#fee2e2"}
HATCH = {"edge": "#9ca3af", "hole": "#dc2626"}  # the lines across an area no row decides
INK, FAINT = "#1f2937", "#6b7280"


# ---- the element tree ----------------------------------------------------------------

# ---- the page --------------------------------------------------------------------------

def document(program: ir.Program, analysis: Analysis, relpaths: Mapping[str, str], lang: str = "en",
             history=None) -> str:
    """The pack as one HTML page: `relpaths` maps the display paths of the IR's spans to
    paths inside the pack (`Sources.relpaths`), so the page names no folder outside it.
    `history`, of a pack with amendments, is its versions (tspol.dsl.versions.Version):
    the page has a section listing them."""
    page = _Page(program, analysis, relpaths, lang, history or ())
    head = serialize(el("title", program.titles.get(lang, program.name)))
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n{head}\n'
            f"<style>{STYLE}</style>\n</head>\n{serialize(page.body())}\n</html>\n")


def coverage_picture(program: ir.Program, coverage: TableCoverage, lang: str = "en") -> str:
    """One table's coverage map as a standalone SVG file."""
    return standalone(_Map(program, coverage, lang).svg(own_file=True))


def coverage_of(analysis: Analysis, rule: str, region: str, number: int = 1) -> TableCoverage:
    """The coverage of table `number` (from 1) of a rule in a region; KeyError when there is none."""
    for table in analysis.tables:
        if table.rule.name == rule and region in table.regions and table.number == number:
            return table
    raise KeyError(f"{rule} in {region}, table {number}")


def rule_declarations(program: ir.Program) -> list[tuple[ir.RuleIR, tuple[str, ...]]]:
    """Each rule declaration once, with the regions it is declared for (US and SEA share one);
    the declarations of one rule together, where the rule first comes."""
    seen: dict[tuple, tuple[ir.RuleIR, list[str]]] = {}
    for region in program.regions:
        for rule in region.rules:
            seen.setdefault(rule.declaration, (rule, []))[1].append(region.name)
    first: dict[str, int] = {}
    for rule, _ in seen.values():
        first.setdefault(rule.name, len(first))
    return sorted(((rule, tuple(regions)) for rule, regions in seen.values()), key=lambda d: first[d[0].name])


def _counted(key: str, count: int, lang: str) -> str:
    """`1 point`, `2 points`, `7 days`: a count and its word."""
    one, many = WORDS[lang][key]
    return (one if count == 1 else many).format(count)


def action_label(row: ir.RowIR, lang: str) -> str:
    """What a row gives, short enough for a picture: `6 points, limit 7d at 10%`."""
    words = WORDS[lang]
    parts = [words["warning"]] if row.warning else []
    if row.points or not (row.warning or row.limit or row.measures or row.levels):
        parts.append(_counted("points", row.points, lang))
    if row.limit is not None:
        parts.append(words["limit"].format(row.limit.days, decimal_text(row.limit.percent)))
    parts.extend(row.measures)
    parts.extend(f"{name} {level}" for name, level in row.levels)
    return words["comma"].join(parts)


def standard_text(metric: ir.MetricIR) -> str:
    """`LDR < 4%`."""
    return f"{metric.name} {metric.standard_text}"


def condition_text(vocabulary: Vocabulary, row: ir.RowIR, lang: str) -> str:
    """A row's condition, a bound per quantity: `10% <= LDR < 25% and late_orders >= 5`;
    the boxes of a row with `or` each in parentheses, joined by `or`; an `otherwise` row's
    what it covers."""
    words = WORDS[lang]
    if row.otherwise:
        return words["otherwise"]
    boxes = [words["and"].join(interval_text(vocabulary[name], interval) for name, interval in box)
             for box in row.boxes]
    if len(boxes) == 1:
        return boxes[0]
    return words["or"].join(f"({text})" if len(box) > 1 else text for box, text in zip(row.boxes, boxes))


class _Page:
    """The page of one pack in one language, section by section."""

    def __init__(self, program: ir.Program, analysis: Analysis, relpaths: Mapping[str, str], lang: str,
                 history: tuple = ()):
        if lang not in LANGS:
            raise ValueError(f"no language {lang!r}: one of {', '.join(LANGS)}")
        self.program = program
        self.analysis = analysis
        self.relpaths = relpaths
        self.lang = lang
        self.history = history
        self.other = next(other for other in LANGS if other != lang)
        self.words = WORDS[lang]
        self.vocabulary = Vocabulary.of(program)
        self.coverage = {(t.rule.declaration, t.number): t for t in analysis.tables}

    # -- texts in two languages
    def named(self, texts: ir.Texts, name: str) -> list:
        """The name in the page's language, the other language's beside it, and the
        declared name, each once."""
        main = texts.get(self.lang, name)
        other = getattr(texts, self.other)
        parts = [el("span", main, class_="main")]
        if other and other != main:
            parts += [" ", el("span", other, class_="alt", lang=self.other)]
        if main != name:
            parts += [" ", el("code", name)]
        return parts

    def both(self, texts: ir.Texts) -> list:
        """A text in the page's language, and in the other below it."""
        main, other = texts.get(self.lang), getattr(texts, self.other)
        return [main, el("span", other, class_="alt", lang=self.other) if other and other != main else None]

    def doc_lines(self, descriptions: ir.Texts, examples: ir.Examples) -> list:
        out = []
        for lang in (self.lang, self.other):
            text = getattr(descriptions, lang)
            if text:
                out.append(el("p", text, class_="description" if lang == self.lang else "description alt",
                              lang=lang))
        chosen = [text for lang, text in examples if lang == self.lang] or [text for _, text in examples]
        if chosen:
            out.append(el("ul", [el("li", text) for text in chosen], class_="examples"))
        return out

    def where(self, span) -> str:
        return f"{self.relpaths.get(span.path, span.path)}:{span.line}"

    def measure(self, name: str) -> list:
        return self.named(dict(self.program.measures).get(name, ir.Texts()), name)

    # -- the body
    def body(self) -> ET.Element:
        sections = [self.versions(), self.regions(), self.inputs(), self.metrics(), self.rules(), self.ledger(),
                    self.appeals(), self.holds(), self.measures(), self.levels(), self.catalogue()]
        sections = [s for s in sections if s is not None]
        return el("body", el("main", self.header(), self.contents(sections), sections))

    def header(self) -> ET.Element:
        program, words = self.program, self.words
        facts = [(words["version"], program.version), (words["effective"], program.effective),
                 (words["source_hash"], el("code", program.source_hash))]
        return el("header",
                  el("h1", self.named(program.titles, program.name)),
                  el("dl", [[el("dt", term), el("dd", value)] for term, value in facts], class_="facts"),
                  self.doc_lines(program.descriptions, program.examples),
                  el("p", words["made_by"], class_="note"))

    def contents(self, sections: list[ET.Element]) -> ET.Element:
        entries = [el("li", el("a", s.find("h2").text, href=f"#{s.get('id')}")) for s in sections]
        return el("nav", el("h2", self.words["contents"]), el("ol", entries))

    def section(self, key: str, *children) -> ET.Element:
        return el("section", el("h2", self.words[key]), *children, id=key)

    def grid(self, heads: Iterable[str], rows: Iterable[Iterable], class_: str | None = None) -> ET.Element:
        return el("table", el("thead", el("tr", [el("th", head) for head in heads])),
                  el("tbody", [el("tr", [el("td", cell) for cell in row]) for row in rows]), class_=class_)

    def versions(self) -> ET.Element | None:
        """The versions of a pack with amendments, the first first: this page is of the last."""
        if not self.history:
            return None
        words = self.words
        rows = [(version.label, version.effective, self.change(version)) for version in self.history]
        return self.section("history", self.grid((words["version"], words["effective"], words["change"]), rows))

    def change(self, version) -> list | str:
        amendment = version.amendment
        if amendment is None:
            return self.words["first_version"]
        texts = ir.Texts(en=amendment.text("name", "en"), zh=amendment.text("name", "zh"))
        return self.both(texts) if texts.get(self.lang) else ""

    def regions(self) -> ET.Element:
        return self.section("regions", el("ul", [el("li", self.named(r.names, r.name),
                                                        self.doc_lines(r.descriptions, r.examples))
                                                 for r in self.program.regions]))

    def kind_text(self, kind: str, unit: str | None) -> str:
        return self.words["kinds"][kind].format(unit or "")

    def inputs(self) -> ET.Element:
        words = self.words
        rows = [(el("code", i.name), self.both(i.names), self.kind_text(i.kind, i.unit),
                 el("code", i.part_of) if i.part_of else "", words[i.worse] if i.worse else "")
                for i in self.program.inputs]
        return self.section("inputs", self.grid((words["name"], words["called"], words["kind"], words["part_of"],
                                                 words["worse"]), rows))

    def metrics(self) -> ET.Element | None:
        if not self.program.metrics:
            return None
        words = self.words
        rows = []
        for m in self.program.metrics:
            definition = m.definition
            rows.append((self.named(m.names, m.name), el("code", definition), self.kind_text(m.kind, m.unit),
                         el("code", standard_text(m)) if m.standard_text else "",
                         words[m.worse] if m.worse else "", el("code", m.only_if_text) if m.only_if else "",
                         self.where(m.span)))
        return self.section("metrics", self.grid((words["metric"], words["definition"], words["kind"],
                                                  words["standard"], words["worse"], words["only_if"],
                                                  words["source"]), rows))

    # -- rules and their tables
    def rules(self) -> ET.Element:
        return self.section("rules", [self.rule(rule, regions) for rule, regions in rule_declarations(self.program)])

    def rule(self, rule: ir.RuleIR, regions: tuple[str, ...]) -> ET.Element:
        words = self.words
        facts = [(words["in"], self.region_names(regions))]
        if rule.metric:
            metric = self.program.metric(rule.metric)
            facts.append((words["metric"], self.named(metric.names, metric.name)))
            if metric.standard_text:
                facts.append((words["standard"], el("code", standard_text(metric))))
        if rule.reason:
            reason = next((r for r in self.program.reasons if r.name == rule.reason), None)
            facts.append((words["reason"], self.named(reason.names, reason.name) if reason
                          else el("code", rule.reason)))
        if rule.cadence is not None:
            facts.append((words["evaluated"], self.cadence(rule.cadence)))
        if rule.may:
            may = [words["may_points"] if name == "points" else self.measure(name) for name in rule.may]
            facts.append((words["may"], _joined(may, words["sep"])))
        facts.append((words["source"], rule.where))
        tables = [self.table(rule, table, number) for number, table in enumerate(rule.tables, 1)]
        undecided = any(p.diagnostic.code == UNDECIDED for p in self._problems(rule))
        return el("section",
                  el("h3", self.named(rule.names, rule.name)),
                  el("dl", [[el("dt", term), el("dd", value)] for term, value in facts], class_="facts"),
                  self.doc_lines(rule.descriptions, rule.examples),
                  el("p", words["undecided"], class_="note") if undecided else None,
                  tables, self.findings([p for p in self._problems(rule) if p.table is None]),
                  id=_slug("rule", rule.name, *regions), class_="rule")

    def region_names(self, regions: tuple[str, ...]) -> list:
        names = []
        for name in regions:
            region = self.program.region(name)
            title = region.names.get(self.lang, name)
            names.append([el("code", name), f" {title}" if title != name else None])
        return _joined(names, self.words["sep"])

    def _problems(self, rule: ir.RuleIR) -> list[Problem]:
        return [p for p in self.analysis.problems if p.rule.declaration == rule.declaration]

    def table(self, rule: ir.RuleIR, table: ir.TableIR, number: int) -> ET.Element:
        words = self.words
        coverage = self.coverage.get((rule.declaration, number))
        owns = {r.row.index: r.owns for r in coverage.rows} if coverage else {}
        rows = []
        for row in table.rows:
            areas = owns.get(row.index, ())
            example = el("code", areas[0].described) if areas else (words["no_seller"] if coverage else "")
            rows.append(((el("span", class_="swatch", style=f"background:{row_colour(row)}"), str(row.index)),
                         el("code", condition_text(self.vocabulary, row, self.lang)),
                         outcome_text(self.program, row, self.lang).format(cap=""), example, row.where))
        title = words["table"].format(table.name or number)
        problems = [p for p in self._problems(rule) if p.table is not None and p.table.span == table.span]
        return el("div",
                  el("h4", title, " ", el("span", words[table.hit], class_="alt")),
                  self.grid((words["row"], words["when"], words["then"], words["example"], words["source"]), rows,
                            class_="rows"),
                  self.coverage_figure(coverage) if coverage else None,
                  self.uncovered(rule, coverage) if coverage else None,
                  self.findings(problems), class_="tier-table")

    def coverage_figure(self, coverage: TableCoverage) -> ET.Element:
        drawing = _Map(self.program, coverage, self.lang)
        if drawing.svg_possible:
            return el("figure", drawing.svg(own_file=False))
        names = drawing.names
        return el("p", self.words["too_many"].format(len(names), ", ".join(names)), class_="note")

    def uncovered(self, rule: ir.RuleIR, coverage: TableCoverage) -> ET.Element | None:
        if not coverage.uncovered:
            return None
        items = [el("li", el("span", class_="swatch", style=f"background:{UNCOVERED_FILL[a.kind]}"),
                    el("code", a.where), f" ({self.area_kind(rule, a)}), ", el("code", a.described))
                 for a in coverage.uncovered]
        return el("div", el("p", el("strong", self.words["uncovered"])), el("ul", items), class_="uncovered")

    def area_kind(self, rule: ir.RuleIR, area: Area) -> str:
        if area.kind == "standard":
            return f"{self.words['meets']} {standard_text(self.program.metric(rule.metric))}"
        return self.words[area.kind]

    def findings(self, problems: list[Problem]) -> ET.Element | None:
        if not problems:
            return None
        items = [el("li", el("code", f"{p.diagnostic.severity}[{p.diagnostic.code}]"), " ", p.diagnostic.text(self.lang))
                 for p in problems]
        return el("div", el("p", el("strong", self.words["findings"])), el("ul", items), class_="findings")

    # -- the ledger, appeals and holds
    def ledger(self) -> ET.Element | None:
        ledger = self.program.ledger
        if ledger is None:
            return None
        words = self.words
        notes = []
        if ledger.expiry_days is not None:
            notes.append(words["expiry"].format(ledger.expiry_days))
        if ledger.reset is not None:
            notes.append(words["reset"].format(self.reset_days(ledger.reset)))
        if ledger.repeat is not None:
            notes.append(self.repeat(ledger.repeat))
        notes += self.score_notes(ledger.score)
        if ledger.deactivate_at is not None:
            notes.append(words["deactivate"].format(ledger.deactivate_at))
        if ledger.freeze_when_deactivated:
            notes.append(words["freeze"])
        if ledger.warning_margin is not None:
            notes.append(words["warn"].format(ledger.warning_margin))
        if len(ledger.thresholds) > 1:
            lowest = ledger.score is not None and ledger.crossing == "highest"  # issue 11: the most severe
            notes.append(words["crossing_lowest" if lowest else f"crossing_{ledger.crossing}"])
        if ledger.linked_accounts_share:
            notes.append(words["linked"])
        return self.section("ledger", self.ladder(ledger), el("ul", [el("li", note) for note in notes]))

    def score_notes(self, score: ir.ScoreIR | None) -> list[str]:
        """A score ledger's start and cap, regain and deactivation (issue 11: signed scores)."""
        if score is None:
            return []
        words = self.words
        notes = [words["score"].format(score.start, score.cap)]
        if score.regain_points is not None:
            notes.append(words["regain"].format(score.regain_points, score.regain_days, score.regain_days))
        if score.deactivate_at is not None:
            notes.append(words["score_floor"].format(score.deactivate_at))
        return notes

    def ladder(self, ledger: ir.LedgerIR) -> ET.Element:
        """The thresholds as rungs, the highest on top (of a score ledger, the lowest), each with its measures."""
        words = self.words
        rungs = []
        below = ledger.score is not None  # issue 11: `threshold below N`
        for threshold in sorted(ledger.thresholds, key=lambda t: t.points if below else -t.points):
            mark = el("span", words["deactivation"], class_="mark") if threshold.points == ledger.deactivate_at \
                else None
            extended = dict(threshold.extensions)
            measures = [el("li", self.measure(name), " · ", self.measure_length(threshold, name, days),
                           self.extension(extended.get(name)))
                        for name, days in threshold.measures]
            label = words["below" if below else "threshold"].format(threshold.points)
            rungs.append(el("li", el("div", label, mark, class_="rung"),
                            el("ul", measures)))
        return el("ol", rungs, class_="ladder")

    def extension(self, days: int | None) -> str | None:
        """Issue 11: `, extended by 7 days on each new violation`, or nothing."""
        if days is None:
            return None
        return self.words["comma"] + self.words["extended"].format(_counted("days", days, self.lang))

    def reset_days(self, reset: ir.ResetIR) -> str:
        """Issue 11, calendar resets: the reset days in words (`the first Monday of each quarter`)."""
        words = self.words
        period = words["periods"][reset.period]
        if reset.day is not None:
            return words["reset_day"].format(reset.day, period)
        weekday = words["weekdays"][reset.weekday]
        return words["reset_nth"].format(words["nths"][reset.nth], weekday, period)

    def repeat(self, repeat: ir.RepeatIR) -> str:
        """Issue 11, repeats: how a repeat within the period scores, in words."""
        if repeat.adds is None:
            return self.words["repeat_double"].format(repeat.within_days)
        return self.words["repeat_add"].format(repeat.within_days, _counted("points", repeat.adds, self.lang))

    def measure_length(self, threshold: ir.ThresholdIR, measure: str, days: int | None) -> str:
        """`14 days`, `permanently`; issue 11: `until LDR is within standard`, `while at this level`."""
        metric = dict(threshold.until_within).get(measure)
        if metric is not None:
            return self.words["until_within"].format(metric)
        if measure in threshold.while_level:
            return self.words["while_level"]
        return self.words["permanently"] if days is None else _counted("days", days, self.lang)

    def appeals(self) -> ET.Element | None:
        appeals = self.program.appeals
        if appeals is None:
            return None
        words = self.words
        lines = (words["attempts"].format(appeals.attempts), words["first_appeal"].format(appeals.first_within_days),
                 words["next"].format(appeals.next_within_days))
        return self.section("appeals", el("ul", [el("li", line) for line in lines]))

    def holds(self) -> ET.Element | None:
        if not self.program.holds:
            return None
        return self.section("holds", [self.hold(hold) for hold in self.program.holds])

    def hold(self, hold: ir.HoldIR) -> ET.Element:
        words = self.words
        reasons = {r.name: r for r in self.program.reasons}
        facts = [(words["hold_for"], _joined([self.named(reasons[name].names, name) if name in reasons
                                              else el("code", name) for name in hold.reasons], words["sep"])),
                 (words["period"], words["period_days"].format(hold.shortest_days, hold.longest_days)),
                 (words["ends"], words[f"ends_{hold.ends_at}"])]
        for outcome in hold.outcomes:
            when = words[outcome.outcome]
            if outcome.appeal_within_days is not None:
                when = when.format(_counted("days", outcome.appeal_within_days, self.lang))
            then = words["keep"] if outcome.release_within_days is None \
                else words["release"].format(_counted("days", outcome.release_within_days, self.lang))
            facts.append((when, then))
        return el("div", el("h3", self.named(hold.names, hold.name)),
                  el("dl", [[el("dt", term), el("dd", value)] for term, value in facts], class_="facts"),
                  self.doc_lines(hold.descriptions, hold.examples), class_="hold")

    # -- measures and the catalogue
    def measures(self) -> ET.Element | None:
        if not self.program.measures:
            return None
        docs = {d.name: d for d in self.program.measure_docs}
        items = [el("li", self.named(texts, name),
                    self.doc_lines(docs[name].descriptions, docs[name].examples) if name in docs else None)
                 for name, texts in self.program.measures]
        return self.section("measures", el("ul", items))

    def levels(self) -> ET.Element | None:
        """Each level set, its levels best first, and its default (issue 11)."""
        if not self.program.levels:
            return None
        sets = [el("li", self.named(level_set.names, level_set.name), " (", self.words["best_first"], " ",
                   el("code", level_set.default), ")",
                   el("ol", [el("li", self.named(texts, level)) for level, texts
                             in zip(level_set.levels, level_set.level_names)]))
                for level_set in self.program.levels]
        return self.section("levels", el("ul", sets))

    def catalogue(self) -> ET.Element | None:
        if not self.program.reasons:
            return None
        words = self.words
        docs = {d.name: d for d in self.program.category_docs}
        blocks = []
        for category, texts in self.program.categories:
            reasons = [r for r in self.program.reasons if r.category == category]
            if not reasons:
                continue
            rows = [(self.named(r.names, r.name), self.reason_points(r),
                     _joined([self.measure(m) for m in r.may], words["sep"]),
                     self.doc_lines(r.descriptions, r.examples)) for r in reasons]
            docs_of = docs.get(category)
            blocks.append(el("div", el("h3", self.named(texts, category)),
                             self.doc_lines(docs_of.descriptions, docs_of.examples) if docs_of else None,
                             self.grid((words["reason"], words["points_col"], words["may"], words["description"]),
                                       rows, class_="reasons")))
        return self.section("catalogue", blocks)

    def cadence(self, cadence: ir.CadenceIR) -> str:
        """Issue 11, evaluation cadence: when the rule is evaluated, in words."""
        if cadence.period == "weekly":
            return self.words["weekly"].format(self.words["weekdays"][cadence.day])
        if cadence.period == "monthly":
            return self.words["monthly"].format(cadence.day)
        return self.words["daily"]

    def reason_points(self, reason: ir.ReasonIR) -> str:
        if reason.points_range is not None:
            low, high = reason.points_range
            return self.words["points_fixed"].format(low) if low == high else self.words["points_range"].format(low, high)
        return self.words[f"points_{reason.points or 'none'}"]


def _joined(items: list, separator: str) -> list:
    out = []
    for item in items:
        if out:
            out.append(separator)
        out.append(item)
    return out


def _slug(*parts: str) -> str:
    """An id from names of the pack (letters, digits and `_`), joined by `-`."""
    return "-".join(parts)


def row_colour(row: ir.RowIR) -> str:
    return ROW_COLOURS[(row.index - 1) % len(ROW_COLOURS)]


# ---- a coverage map ----------------------------------------------------------------

WIDTH = 960
LEFT, RIGHT, TOP = 96, 40, 64  # the plot's margins: tick labels and the axis's name on the left, the title above
PLOT_HEIGHT, STRIP_HEIGHT = 400, 90
FONT, SMALL, LINE = 13, 12, 16
LEGEND_LINE = 22


@attrs.frozen
class Scale:
    """A quantity along one side of a map: the analysis's pieces of it (`axis`), drawn from
    `lo` to `hi`; `open_end` when its values go on past `hi`."""

    axis: Axis
    lo: Fraction
    hi: Fraction
    open_end: bool

    @classmethod
    def of(cls, quantity: Quantity, parts: Iterable[Interval]) -> Scale:
        axis = Axis(quantity, parts)
        start, end = axis.cuts[0][0], axis.cuts[-1][0]
        inner = [value for value, _ in axis.cuts[1:-1]]
        bottom = start if _finite(start) else (inner[0] if inner else Fraction(0))
        top = inner[-1] if inner else bottom
        step = (top - bottom) / 3 or Fraction(1)  # past the last boundary: a quarter of the picture
        if quantity.whole:
            step = Fraction(math.ceil(step))
        lo = bottom if _finite(start) else bottom - step
        if _finite(end):
            return cls(axis, lo, Fraction(end), False)
        return cls(axis, lo, top + step, True)

    def extent(self, part: Interval | None) -> tuple[Fraction, Fraction]:
        """Where a part of the quantity starts and ends in the picture, as values."""
        pieces = self.axis.span(part)
        return self.clip(self.axis.cuts[pieces[0]][0]), self.clip(self.axis.cuts[pieces[-1] + 1][0])

    def clip(self, value) -> Fraction:
        return self.lo if value < self.lo else self.hi if value > self.hi else Fraction(value)

    def ratio(self, value: Fraction) -> Fraction:
        return (value - self.lo) / (self.hi - self.lo)

    def boundaries(self) -> list[Fraction]:
        """The values the rows and the standard cut the quantity at, each once, and its ends."""
        values = [self.lo] + [self.clip(value) for value, _ in self.axis.cuts[1:-1]]
        if not self.open_end:
            values.append(self.hi)
        return sorted(set(values))


def _finite(value) -> bool:
    return not (isinstance(value, float) and math.isinf(value))


@attrs.frozen
class Patch:
    """One area of a map: where it is (values of each side), how it is drawn and named."""

    area: Area
    x: tuple[Fraction, Fraction]
    y: tuple[Fraction, Fraction] | None  # None on a strip
    fill: str
    lines: tuple[str, ...]  # the label drawn inside it
    tooltip: str


class _Map:
    """The coverage map of one table: the areas of its rows and those no row decides."""

    def __init__(self, program: ir.Program, coverage: TableCoverage, lang: str):
        self.program = program
        self.coverage = coverage
        self.lang = lang
        self.words = WORDS[lang]
        self.vocabulary = Vocabulary.of(program)
        self.names = self._names()
        self.svg_possible = 1 <= len(self.names) <= 2
        self.id = _slug("map", coverage.rule.name, *coverage.regions, str(coverage.number))

    def _names(self) -> list[str]:
        """The quantities the map shows: the rule's metric first, then as the rows name them."""
        rule = self.coverage.rule
        names = [rule.metric] if rule.metric else []
        for row in self.coverage.table.rows:
            names += [name for name in row.quantities if name not in names]
        for area, _ in self._areas():
            names += [name for name in area.box.names() if name not in names]
        return names

    def _areas(self) -> list[tuple[Area, ir.RowIR | None]]:
        return [(area, r.row) for r in self.coverage.rows for area in r.owns] + \
            [(area, None) for area in self.coverage.uncovered]

    def scales(self) -> list[Scale]:
        areas = self._areas()
        return [Scale.of(self.vocabulary[name], [a.box.get(name) for a, _ in areas
                                                 if isinstance(a.box.get(name), Interval)])
                for name in self.names]

    def patches(self, scales: list[Scale]) -> tuple[list[Patch], list[tuple[Area, ir.RowIR | None]]]:
        """The areas drawn, and those with a quantity that has no value (not drawn)."""
        drawn, apart = [], []
        for area, row in self._areas():
            parts = [area.box.get(name) for name in self.names]
            if any(part == NONE for part in parts):
                apart.append((area, row))
                continue
            sides = [scale.extent(part) for scale, part in zip(scales, parts)]
            drawn.append(Patch(area, sides[0], sides[1] if len(sides) > 1 else None,
                               self.paint(area, row), self.label(area, row), self.tooltip(area, row)))
        return drawn, apart

    def label(self, area: Area, row: ir.RowIR | None) -> tuple[str, ...]:
        if row is not None:
            return (self.words["row_n"].format(row.index), action_label(row, self.lang))
        if area.kind == "standard":
            return (self.words["meets"], standard_text(self.program.metric(self.coverage.rule.metric)))
        if area.kind == "hole":
            return (self.words["gap"], self.words["edge"])
        return (self.words[area.kind],)

    def tooltip(self, area: Area, row: ir.RowIR | None) -> str:
        head = f"{self.words['row_n'].format(row.index)} ({row.where})" if row else self.words[
            "meets" if area.kind == "standard" else area.kind]
        return f"{head}: {area.where}; {area.described}"

    def title(self) -> str:
        rule, coverage = self.coverage.rule, self.coverage
        table = self.words["table"].format(coverage.table.name or coverage.number)
        return self.words["map"].format(f"{rule.names.get(self.lang, rule.name)} ({rule.name}) · "
                                        f"{', '.join(coverage.regions)} · {table}")

    # -- the picture
    def svg(self, own_file: bool) -> ET.Element:
        scales = self.scales()
        patches, apart = self.patches(scales)
        height = PLOT_HEIGHT if len(scales) > 1 else STRIP_HEIGHT
        legend = self.legend_entries(apart)
        legend_top = TOP + height + 84
        width = max([Fraction(WIDTH)] + [LEFT + 24 + text_width(text, SMALL) + RIGHT for _, text in legend])
        total = legend_top + LEGEND_LINE * len(legend) + 8
        plot = _Plot(Fraction(LEFT), Fraction(TOP), width - LEFT - RIGHT, Fraction(height))
        children = [
            el("title", self.title()),
            self.defs(),
            el("rect", x=0, y=0, width=width, height=total, fill="#ffffff"),
            el("text", self.title(), x=LEFT, y=TOP - 30, font_size=15, font_weight="bold", fill=INK),
            el("g", [self.patch(plot, scales, p) for p in patches]),
            self.grid_lines(plot, scales),
            el("rect", x=plot.x, y=plot.y, width=plot.width, height=plot.height, fill="none", stroke=INK,
               stroke_width=1),
            self.open_ends(plot, scales),
            self.ticks(plot, scales),
            el("g", [self.patch_label(plot, scales, p) for p in patches]),
            self.legend(legend, legend_top),
        ]
        return el("svg", children, xmlns="http://www.w3.org/2000/svg" if own_file else None,
                  width=width, height=total, viewBox=f"0 0 {px(width)} {px(total)}", role="img",
                  font_family=FONTS, id=None if own_file else self.id)

    def defs(self) -> ET.Element:
        """The hatching of the kinds of areas no row decides that the table has."""
        patterns = []
        kinds = {area.kind for area in self.coverage.uncovered}
        for kind, colour in HATCH.items():
            if kind not in kinds:
                continue
            patterns.append(el("pattern", el("rect", width=8, height=8, fill=UNCOVERED_FILL[kind]),
                               el("path", d="M0 8L8 0M-2 2L2 -2M6 10L10 6", stroke=colour, stroke_width=1.2),
                               id=f"{self.id}-{kind}", width=8, height=8, patternUnits="userSpaceOnUse"))
        return el("defs", patterns)

    def paint(self, area: Area | None, row: ir.RowIR | None) -> str:
        """How an area is filled: its row's colour, else that of its kind, hatched for no row."""
        if row is not None:
            return row_colour(row)
        return f"url(#{self.id}-{area.kind})" if area.kind in HATCH else UNCOVERED_FILL[area.kind]

    def patch(self, plot: _Plot, scales: list[Scale], patch: Patch) -> ET.Element:
        x0, y0, x1, y1 = plot.rect(scales, patch)
        opacity = "0.75" if self.coverage.table.hit == "all" and patch.area.kind == "" else None
        return el("rect", el("title", patch.tooltip), x=x0, y=y0, width=x1 - x0, height=y1 - y0,
                  fill=patch.fill, fill_opacity=opacity, stroke="#ffffff", stroke_width=2)

    def patch_label(self, plot: _Plot, scales: list[Scale], patch: Patch) -> ET.Element | None:
        """The label of an area: across it when it fits, else up it, else on one line up it, else
        its first line alone, else none (the legend names every area)."""
        x0, y0, x1, y1 = plot.rect(scales, patch)
        width, height = x1 - x0, y1 - y0
        lines = [line for line in patch.lines if line]
        widest = max(text_width(line, SMALL) for line in lines)
        tall = LINE * len(lines)
        centre_x, centre_y = (x0 + x1) / 2, (y0 + y1) / 2
        if widest + 8 <= width and tall + 4 <= height:
            return self.label_text(lines, centre_x, centre_y, rotate=False)
        if widest + 8 <= height and tall + 4 <= width:
            return self.label_text(lines, centre_x, centre_y, rotate=True)
        for line in (" ".join(lines), lines[0]):
            if text_width(line, SMALL) + 8 <= height and LINE + 2 <= width:
                return self.label_text([line], centre_x, centre_y, rotate=True)
        return None

    def label_text(self, lines: list[str], x: Fraction, y: Fraction, rotate: bool) -> ET.Element:
        """Lines of text centred on (x, y), the first in bold; turned to read upwards with `rotate`."""
        top = y - Fraction(LINE * (len(lines) - 1), 2)
        texts = [el("text", line, x=x, y=top + LINE * i, text_anchor="middle", dominant_baseline="central",
                    font_size=SMALL, font_weight="bold" if i == 0 else None, fill=INK)
                 for i, line in enumerate(lines)]
        return el("g", texts, transform=f"rotate(-90 {px(x)} {px(y)})" if rotate else None)

    def grid_lines(self, plot: _Plot, scales: list[Scale]) -> ET.Element:
        lines = []
        for value in scales[0].boundaries()[1:-1]:
            x = plot.x + plot.width * scales[0].ratio(value)
            lines.append(el("line", x1=x, y1=plot.y, x2=x, y2=plot.y + plot.height))
        if len(scales) > 1:
            for value in scales[1].boundaries()[1:]:
                if value == scales[1].hi:
                    continue
                y = plot.y + plot.height * (1 - scales[1].ratio(value))
                lines.append(el("line", x1=plot.x, y1=y, x2=plot.x + plot.width, y2=y))
        return el("g", lines, stroke=INK, stroke_width=0.6, stroke_dasharray="3 3", stroke_opacity=0.5)

    def open_ends(self, plot: _Plot, scales: list[Scale]) -> ET.Element:
        """An arrow past each end the quantity runs on from, with the words `no upper end`."""
        marks = []
        if scales[0].open_end:
            x, y = plot.x + plot.width, plot.y + plot.height
            marks += [el("path", d=f"M{px(x)} {px(y)}h16m-5 -4l5 4l-5 4", fill="none", stroke=INK),
                      el("text", self.words["open_end"], x=x + 16, y=y + 40, text_anchor="end", font_size=SMALL,
                         fill=FAINT)]
        if len(scales) > 1 and scales[1].open_end:
            x, y = plot.x, plot.y
            marks += [el("line", x1=plot.x, y1=y, x2=plot.x + plot.width, y2=y, stroke="#ffffff", stroke_width=2),
                      el("line", x1=plot.x, y1=y, x2=plot.x + plot.width, y2=y, stroke=INK, stroke_width=1,
                         stroke_dasharray="6 4"),
                      el("path", d=f"M{px(x)} {px(y)}v-16m-4 5l4 -5l4 5", fill="none", stroke=INK),
                      el("text", self.words["open_end"], x=x + 8, y=y - 8, font_size=SMALL, fill=FAINT)]
        return el("g", marks)

    def ticks(self, plot: _Plot, scales: list[Scale]) -> ET.Element:
        marks = []
        base = plot.y + plot.height
        ends: list[Fraction] = []  # where each line of labels ends, left to right
        x_scale = scales[0]
        for value in x_scale.boundaries():
            x = plot.x + plot.width * x_scale.ratio(value)
            text = value_text(x_scale.axis.quantity, value)
            half = text_width(text, SMALL) / 2
            line = next((i for i, end in enumerate(ends) if x - half > end + 4), len(ends))
            ends[line:line + 1] = [x + half]
            marks += [el("line", x1=x, y1=base, x2=x, y2=base + 5 + LINE * line, stroke=INK),
                      el("text", text, x=x, y=base + 18 + LINE * line, text_anchor="middle", font_size=SMALL,
                         fill=INK)]
        marks.append(el("text", quantity_label(self.program, x_scale.axis.name, self.lang), x=plot.x + plot.width / 2,
                        y=base + 26 + LINE * len(ends), text_anchor="middle", font_size=FONT, font_weight="bold",
                        fill=INK))
        if len(scales) > 1:
            marks += self.side_ticks(plot, scales[1])
        return el("g", marks)

    def side_ticks(self, plot: _Plot, scale: Scale) -> list[ET.Element]:
        """The ticks up the side; a label too near the one below it moves out a column."""
        texts = [value_text(scale.axis.quantity, value) for value in scale.boundaries()]
        column_width = max(text_width(text, SMALL) for text in texts) + 8
        marks, columns = [], []  # columns: the height of the last label in each
        for value, text in zip(scale.boundaries(), texts):
            y = plot.y + plot.height * (1 - scale.ratio(value))
            column = next((i for i, last in enumerate(columns) if last - y >= LINE), len(columns))
            columns[column:column + 1] = [y]
            marks += [el("line", x1=plot.x - 5, y1=y, x2=plot.x, y2=y, stroke=INK),
                      el("text", text, x=plot.x - 8 - column_width * column, y=y, text_anchor="end",
                         dominant_baseline="central", font_size=SMALL, fill=INK)]
        centre = plot.y + plot.height / 2
        marks.append(el("text", quantity_label(self.program, scale.axis.name, self.lang), x=LEFT - 56, y=centre,
                        text_anchor="middle", font_size=FONT, font_weight="bold", fill=INK,
                        transform=f"rotate(-90 {LEFT - 56} {px(centre)})"))
        return marks

    def legend_entries(self, apart: list[tuple[Area, ir.RowIR | None]]) -> list[tuple[str, str]]:
        """(fill, text) of each row and each area no row decides."""
        vocabulary, words = self.vocabulary, self.words
        entries = []
        for r in self.coverage.rows:
            row = r.row
            text = (f"{words['row_n'].format(row.index)} ({row.where}): {condition_text(vocabulary, row, self.lang)}"
                    f" → {action_label(row, self.lang)}")
            entries.append((self.paint(None, row), text if r.owns else f"{text}; {words['no_seller']}"))
        for area in self.coverage.uncovered:
            kind = self.words["meets"] if area.kind == "standard" else self.words[area.kind]
            entries.append((self.paint(area, None), f"{kind}: {area.where}"))
        for area, row in apart:
            head = words["row_n"].format(row.index) if row else words["edge"]
            entries.append(("#ffffff", f"{head}: {area.where} ({words['not_drawn']})"))
        return entries

    def legend(self, entries: list[tuple[str, str]], top: Fraction) -> ET.Element:
        items = []
        for i, (fill, text) in enumerate(entries):
            y = top + LEGEND_LINE * i
            items += [el("rect", x=LEFT, y=y, width=16, height=14, fill=fill, stroke=FAINT, stroke_width=0.8),
                      el("text", text, x=LEFT + 24, y=y + 7, dominant_baseline="central", font_size=SMALL, fill=INK)]
        return el("g", items)


@attrs.frozen
class _Plot:
    """The rectangle the areas are drawn in."""

    x: Fraction
    y: Fraction
    width: Fraction
    height: Fraction

    def rect(self, scales: list[Scale], patch: Patch) -> tuple[Fraction, Fraction, Fraction, Fraction]:
        """(left, top, right, bottom) of a patch."""
        left = self.x + self.width * scales[0].ratio(patch.x[0])
        right = self.x + self.width * scales[0].ratio(patch.x[1])
        if patch.y is None:
            return left, self.y, right, self.y + self.height
        top = self.y + self.height * (1 - scales[1].ratio(patch.y[1]))
        bottom = self.y + self.height * (1 - scales[1].ratio(patch.y[0]))
        return left, top, right, bottom


STYLE = f"""
:root {{ color-scheme: light; }}
body {{ margin: 0; background: #ffffff; color: #1f2937; line-height: 1.5; font-family: {FONTS}; }}""" + """
main { max-width: 1100px; margin: 0 auto; padding: 24px 32px 64px; }
h1 { font-size: 1.9em; line-height: 1.25; margin: 0.3em 0 0.4em; }
h2 { font-size: 1.45em; border-bottom: 2px solid #e5e7eb; padding-bottom: 0.2em; margin: 2em 0 0.6em; }
h3 { font-size: 1.2em; margin: 1.6em 0 0.4em; }
h4 { font-size: 1.05em; margin: 1.2em 0 0.3em; }
.alt { color: #6b7280; font-weight: normal; font-size: 0.88em; }
code { font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'Liberation Mono', monospace;
  font-size: 0.88em; background: #f3f4f6; border-radius: 3px; padding: 0 0.25em; }
h1 code, h2 code, h3 code { font-size: 0.7em; color: #4b5563; }
nav ol { columns: 2; margin: 0; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2em 1em; margin: 0.4em 0; }
dl.facts dt { color: #6b7280; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; font-size: 0.94em; }
th, td { border: 1px solid #e5e7eb; padding: 0.35em 0.6em; text-align: left; vertical-align: top; }
th { background: #f9fafb; font-weight: 600; }
td .alt { display: block; }
table.rows td:first-child { white-space: nowrap; }
td > p:first-child { margin-top: 0; }
table.reasons td:nth-child(1) { width: 26%; }
table.reasons td:nth-child(2), table.reasons td:nth-child(3) { width: 14%; }
.swatch { display: inline-block; width: 0.9em; height: 0.9em; border: 1px solid #6b7280;
  vertical-align: -0.1em; margin-right: 0.35em; }
figure { margin: 1em 0; overflow-x: auto; }
figure svg { max-width: 100%; height: auto; }
.note { color: #4b5563; }
.rule { border-top: 1px solid #e5e7eb; }
.findings li { color: #92400e; }
.description.alt { display: block; }
ol.ladder { list-style: none; margin: 1em 0; padding: 0; max-width: 760px;
  border-left: 6px solid #9ca3af; border-right: 6px solid #9ca3af; }
ol.ladder > li { border-top: 6px solid #9ca3af; padding: 0.6em 1em; display: flex; gap: 1.2em; }
ol.ladder > li:last-child { border-bottom: 6px solid #9ca3af; }
ol.ladder .rung { font-weight: bold; font-size: 1.1em; min-width: 6.5em; }
ol.ladder ul { margin: 0; padding-left: 1.1em; }
.mark { display: block; font-size: 0.8em; color: #b91c1c; }
"""
