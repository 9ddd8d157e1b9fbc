"""Charts of sellers' points ledgers: active points over time against the policy's thresholds.

    chart = ledger_chart(ledger, start=None, end=None)  # what is drawn, all of it the ledger's
    svg = svg_document([chart, ...])                    # one SVG: a picture per seller, top to bottom
    page = html_document([chart, ...], title)           # one HTML page: a section per seller
    lines = text_chart(chart)                           # a small chart for a terminal

The chart runs from `start` (default: the first event's date) to `end` (default: the
day nothing more is due: the last of the last event's date and the ends its state
names, expiries, restrictions and holds). What it draws is the ledger's own: the
active points and what is in effect on each day of its timeline (`Ledger.timeline`,
then `Ledger.state` of each of those days: nothing changes between them), the
violations and appeals of the last day's state, and the program's thresholds,
warning margin, deactivation and measure names. Active points are whole numbers,
so the chart is a step chart: the points at the end of each day.

Each picture is an element tree (`xml.etree`), so every text from a pack or an
events file is escaped where it is written: an id `<script>` shows as that text. No
scripts, fonts or links from elsewhere; positions are exact fractions rounded to
tenths of a pixel, so the same ledger gives the same bytes.
"""

from __future__ import annotations

import bisect
import datetime
import xml.etree.ElementTree as ET
from fractions import Fraction

import attrs

from tspol.compiler import ir
from tspol.messages import Message, say, text
from tspol.runtime.events import seller_text
from tspol.runtime.ledger import Ledger, State, TimelineRow, as_date, points_text
from tspol.svg import el, px, standalone, text_width

# ---- what is drawn --------------------------------------------------------------------


@attrs.frozen
class Step:
    """The active points from `day` on, until the next step."""

    day: datetime.date
    points: int


@attrs.frozen
class Level:
    """A line of the threshold ladder: a threshold with its measures, or deactivation, or both."""

    points: int
    threshold: bool
    measures: tuple[str, ...]  # of the threshold: "No new campaigns ... (7 days)"
    deactivation: bool

    @property
    def label(self) -> str:
        points = points_text(self.points)
        return say("chart.deactivation", points=points) if self.deactivation else points


@attrs.frozen
class Period:
    """Days something is in effect: from `start` to the day before `until` (None: to the end)."""

    kind: str  # "restriction", "hold" or "deactivated"
    lane: str  # what is in effect, as the chart names it
    start: datetime.date
    until: datetime.date | None


@attrs.frozen
class Mark:
    """A violation scored, or an appeal, on `day`."""

    day: datetime.date
    kind: str  # "violation", or the appeal's "accepted", "rejected" or "invalid"
    label: str  # "v1 +7"
    detail: str  # the tooltip


@attrs.frozen
class LedgerChart:
    seller: str | None  # the seller as headings name it, `"s1"`; None for a file of one seller's events
    title: str
    start: datetime.date
    end: datetime.date  # the last day drawn
    steps: tuple[Step, ...]  # the first on `start`
    levels: tuple[Level, ...]  # by points
    warning_margin: int | None
    periods: tuple[Period, ...]  # by start
    marks: tuple[Mark, ...]  # by day
    rows: tuple[TimelineRow, ...]  # the timeline's rows from `start` to `end`

    def points_on(self, day: datetime.date) -> int:
        return self.steps[bisect.bisect_right(self.steps, day, key=lambda step: step.day) - 1].points

    def highest(self, first: datetime.date | None = None, last: datetime.date | None = None) -> Step:
        """The most active points from `first` to `last` (default: the whole chart), on the first day they are."""
        first, last = first or self.start, last or self.end
        steps = [Step(first, self.points_on(first))] + [s for s in self.steps if first < s.day <= last]
        return max(steps, key=lambda step: step.points)  # the first of equals

    @property
    def top(self) -> int:
        """The highest value of the points axis: the top of the ladder, or of the points."""
        return max([self.highest().points, 1] + [level.points for level in self.levels])


def ledger_chart(ledger: Ledger, start=None, end=None) -> LedgerChart:
    """The chart of a ledger from `start` to `end` (dates, or "YYYY-MM-DD"; defaults above).
    Without events or `end`, `TspolError` as `Ledger.state` raises it."""
    end = as_date(end, "end") if end is not None else _settled(ledger)
    start = as_date(start, "start") if start is not None else ledger.first_date or end
    start = min(start, end)
    rows = tuple(row for row in ledger.timeline(end) if start <= row.date)
    states = [ledger.state(day) for day in [start] + [row.date for row in rows if row.date > start]]
    return LedgerChart(
        seller=seller_text(ledger.seller_id) if ledger.seller_id is not None else None,
        title=_title(ledger), start=start, end=end, steps=_steps(states), levels=_levels(ledger.program),
        warning_margin=ledger.program.ledger.warning_margin, periods=_periods(ledger.program, states),
        marks=_marks(states[-1], start), rows=rows)


def _settled(ledger: Ledger) -> datetime.date:
    """The last of the last event's date and every end its state names."""
    state = ledger.state()
    ends = [v.expires for v in state.violations if v.status == "active" and v.expires is not None]
    ends += [r.until for r in state.restrictions if r.until is not None]
    ends += [h.until or h.period_end for h in state.holds if h.status == "held"]
    return max([state.on] + ends)


def _title(ledger: Ledger) -> str:
    whose = f"seller {seller_text(ledger.seller_id)}" if ledger.seller_id is not None else ledger.path
    return f"Active points: {whose}, region {ledger.region}"


def _steps(states: list[State]) -> tuple[Step, ...]:
    steps = [Step(states[0].on, states[0].active_points)]
    for state in states[1:]:
        if state.active_points != steps[-1].points:
            steps.append(Step(state.on, state.active_points))
    return tuple(steps)


def _levels(program) -> tuple[Level, ...]:
    names = dict(program.measures)
    rules = program.ledger
    levels = {t.points: Level(t.points, True, tuple(_measure_text(names, m, _length(t, m, days)) for m, days in t.measures),
                              t.points == rules.deactivate_at) for t in rules.thresholds}
    if rules.deactivate_at is not None and rules.deactivate_at not in levels:
        levels[rules.deactivate_at] = Level(rules.deactivate_at, False, (), True)
    return tuple(levels[points] for points in sorted(levels))


def _measure_text(names, measure: str, days: int | str | None) -> str:
    name = _name(names, measure)
    if isinstance(days, str):  # issue 11: how long an open-ended measure lasts
        return f"{name} ({days})"
    return f"{name} ({days} days)" if days is not None else f"{name} (permanently)"


def _length(threshold: ir.ThresholdIR, measure: str, days: int | None) -> int | str | None:
    """The days of a threshold's measure; issue 11: `until LDR is within standard`, `while at this level`."""
    metric = dict(threshold.until_within).get(measure)
    if metric is not None:
        return f"until {metric} is within standard"
    return "while at this level" if measure in threshold.while_level else days


def _name(names, measure: str) -> str:
    return names[measure].get("en", measure) if measure in names else measure


def _periods(program, states: list[State]) -> tuple[Period, ...]:
    """What is in effect from one day of change to the next: restrictions, held funds, deactivation."""
    names, holds = dict(program.measures), {h.name: h.names for h in program.holds}
    started: dict = {}  # what is in effect -> (its period's kind, lane, start)
    periods = []
    for state in states:
        now = {r: ("restriction", _restriction_lane(names, r)) for r in state.restrictions}
        now.update((("hold", h.id), ("hold", f"Funds held ({h.id}): {holds[h.scenario].get('en', h.scenario)}"))
                   for h in state.holds if h.status == "held")
        if state.deactivated:
            now["deactivated"] = ("deactivated", "Deactivated")
        for key in [key for key in started if key not in now]:
            periods.append(Period(*started.pop(key), state.on))
        started.update((key, (*lane, state.on)) for key, lane in now.items() if key not in started)
    periods += [Period(*period, None) for period in started.values()]
    return tuple(sorted(periods, key=lambda p: p.start))


def _restriction_lane(names, restriction) -> str:
    if restriction.limit is None:
        return _name(names, restriction.action)
    limit = dict(restriction.limit)
    cap = f", at most {limit['daily_cap']} orders a day" if "daily_cap" in limit else ""
    return f"{_name(names, 'order_limit')} ({restriction.violation}): {limit.get('percent')}% of " \
           f"{limit.get('basis')}{cap}"


def _marks(state: State, start: datetime.date) -> tuple[Mark, ...]:
    """The violations scored and appeals made from `start` to the state's day."""
    marks = []
    for v in state.violations:
        if v.scored >= start:
            revoked = f", revoked {v.revoked}" if v.revoked else ""
            marks.append(Mark(v.scored, "violation", f"{v.id} +{v.points}",
                              f"{v.id}: {points_text(v.points)} ({', '.join(v.rules)}), scored {v.scored}{revoked}"))
    for a in state.appeals:
        if a.date >= start:
            kind = a.outcome if a.valid else "invalid"
            why = f": {a.reason}" if a.reason else ""
            marks.append(Mark(a.date, kind, f"appeal on {a.violation} {kind}",
                              f"{a.date}: appeal on {a.violation} {kind}{why}"))
    return tuple(sorted(marks, key=lambda m: m.day))


# ---- the text chart -------------------------------------------------------------------

def text_chart(chart: LedgerChart, width: int = 60, height: int = 12, lang: str = "en") -> list[str]:
    """The chart in at most `width` columns (each the most points of its days) and `height`
    rows of points: a row is filled where the points reach its value; a threshold's row
    has the threshold's value, drawn as a line where they do not. Its words in `lang`."""
    days = (chart.end - chart.start).days + 1
    per = -(-days // width)  # days a column
    columns = [chart.highest(*_column_days(chart, i, per)).points for i in range(-(-days // per))]
    values = [Fraction(chart.top * row, height) for row in range(height + 1)]
    labels = [""] * (height + 1)
    for level in chart.levels:
        row = max(1, round(Fraction(level.points * height, chart.top)))
        values[row], labels[row] = Fraction(level.points), text(level.label, lang)
    highest = chart.highest()
    lines = [say("chart.head", start=str(chart.start), end=str(chart.end), per=_days(per),
                 points=points_text(highest.points), day=str(highest.day)).text(lang)]
    for row in range(height, 0, -1):
        blank = "-" if labels[row] else " "
        cells = "".join("#" if points >= values[row] else blank for points in columns)
        axis = str(values[row]) if labels[row] or row == height else ""
        lines.append(f"{axis:>5} |{cells} {labels[row]}".rstrip())
    lines.append(f"{0:>5} +{'-' * len(columns)}")
    dates = f"{chart.start}{chart.end!s:>{max(11, len(columns) - 10)}}" if days > 1 else str(chart.start)
    lines.append(f"{'':>6} {dates}")
    return lines


def _column_days(chart: LedgerChart, column: int, per: int) -> tuple[datetime.date, datetime.date]:
    first = chart.start + datetime.timedelta(days=column * per)
    return first, min(chart.end, first + datetime.timedelta(days=per - 1))


def _days(count: int) -> Message:
    return say("chart.days.one" if count == 1 else "chart.days", count=count)


# ---- the picture ----------------------------------------------------------------------

SVG_NAMESPACE = "http://www.w3.org/2000/svg"
WIDTH = 900
LEFT, RIGHT = Fraction(60), Fraction(730)  # the plot's sides; the thresholds' labels are right of it
PLOT_TOP, PLOT_HEIGHT = Fraction(64), Fraction(250)
LANE = 26  # the height of a lane of periods
LINE = 16  # the height of a line of the ladder
LADDER_INDENT = 160  # where the measures of a line of the ladder start
FONT = "system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'Noto Sans CJK SC', 'PingFang SC', sans-serif"
INK, FAINT, GRID = "#1f2937", "#6b7280", "#e5e7eb"
POINTS_LINE, POINTS_FILL = "#2563eb", "#dbeafe"
MARK_FILL = {"violation": "#1d4ed8", "accepted": "#15803d", "rejected": "#b91c1c", "invalid": "#9ca3af"}
PERIOD_FILL = {"restriction": "#f59e0b", "hold": "#8b5cf6", "deactivated": "#7f1d1d"}
WARNING_FILL, DEACTIVATION_LINE = "#fef3c7", "#b91c1c"
LEGEND = (("violation", "violation (id, points)"), ("accepted", "appeal accepted"),
          ("rejected", "appeal rejected"), ("invalid", "appeal invalid"), ("restriction", "restriction"),
          ("hold", "funds held"), ("deactivated", "deactivated"))


def svg_document(charts: list[LedgerChart]) -> str:
    """One standalone SVG: the single chart, or each chart under the one before, each with its title."""
    if len(charts) == 1:
        return standalone(_Picture(charts[0]).svg(own_file=True))
    pictures = [_Picture(chart) for chart in charts]
    height = sum(picture.height for picture in pictures)
    root = el("svg", xmlns=SVG_NAMESPACE, width=WIDTH, height=height,
               viewBox=f"0 0 {WIDTH} {height}")
    top = 0
    for picture in pictures:
        root.append(picture.svg(own_file=False, y=top))
        top += picture.height
    return standalone(root)


def html_document(charts: list[LedgerChart], title: str) -> str:
    """One self-contained HTML page: each chart's picture and its timeline as a table."""
    page = el("html", lang="en")
    head = el("head")
    head.extend([el("meta", charset="utf-8"), el("title", title), el("style", STYLE)])
    body = el("body")
    body.append(el("h1", title))
    for chart in charts:
        section = el("section")
        if chart.seller is not None:
            section.append(el("h2", f"seller {chart.seller}"))
        section.extend([_Picture(chart).svg(own_file=False), _timeline_table(chart)])
        body.append(section)
    page.extend([head, body])
    ET.indent(page, space=" ")
    return "<!DOCTYPE html>\n" + ET.tostring(page, encoding="unicode", method="html") + "\n"


STYLE = ("body{font-family:" + FONT + ";color:" + INK + ";margin:24px;max-width:920px}"
         "table{border-collapse:collapse;margin:8px 0 32px;font-size:14px}"
         "th,td{border-bottom:1px solid " + GRID + ";padding:4px 10px;text-align:left;vertical-align:top}"
         "td.number{text-align:right}td.date{white-space:nowrap}svg{display:block}")


def _timeline_table(chart: LedgerChart) -> ET.Element:
    table = el("table")
    head = el("tr")
    head.extend(el("th", text) for text in ("date", "points", "level", "what happens"))
    table.append(head)
    for row in chart.rows:
        line = el("tr")
        line.extend([el("td", str(row.date), class_="date"), el("td", str(row.active_points), class_="number"),
                     el("td", str(row.level), class_="number"), el("td", "; ".join(row.changes))])
        table.append(line)
    return table


class _Picture:
    """The picture of one chart: title, the plot of points and thresholds with the marks,
    the date axis, a lane for each thing in effect at times, a legend and the ladder."""

    def __init__(self, chart: LedgerChart):
        self.chart = chart
        self.scale = PLOT_HEIGHT / (chart.top * Fraction(11, 10))  # a tenth of the plot above the top
        self.day_width = (RIGHT - LEFT) / ((chart.end - chart.start).days + 1)
        self.lanes = list(dict.fromkeys((p.kind, p.lane) for p in chart.periods))
        self.lanes_top = PLOT_TOP + PLOT_HEIGHT + 26
        self.legend_items = _legend_items(chart, self.lanes_top + LANE * len(self.lanes) + 16)
        legend_bottom = self.legend_items[-1][3] if self.legend_items else self.lanes_top + LANE * len(self.lanes)
        self.ladder_top = legend_bottom + 28
        width = int(WIDTH - LEFT - LADDER_INDENT - 20)
        self.ladder = [(level, _wrapped(_level_text(level), width, 11)) for level in chart.levels]
        self.height = int(self.ladder_top + LINE * sum(len(lines) for _, lines in self.ladder) + 14)

    def x(self, day: datetime.date) -> Fraction:
        return LEFT + self.day_width * (day - self.chart.start).days

    def x_after(self, day: datetime.date | None) -> Fraction:
        """The right edge of `day` (None: of the chart)."""
        return RIGHT if day is None else self.x(day)

    def y(self, points) -> Fraction:
        return PLOT_TOP + PLOT_HEIGHT - self.scale * points

    def svg(self, own_file: bool, y: int | None = None) -> ET.Element:
        """The picture: a document of its own (`own_file`), or inside another SVG at `y`, or in HTML."""
        root = el("svg", xmlns=SVG_NAMESPACE if own_file else None, x=0 if y is not None else None, y=y,
                   width=WIDTH, height=self.height,
                   viewBox=f"0 0 {WIDTH} {self.height}", role="img", font_family=FONT)
        root.extend([el("title", self.chart.title), el("rect", width=WIDTH, height=self.height, fill="#ffffff"),
                     self.heading(), self.warnings(), self.shading(), self.month_grid(), self.ladder_lines(),
                     self.points(), self.marks(), self.axes(), self.lanes_drawn(), self.legend(),
                     self.ladder_text()])
        return root

    def heading(self) -> ET.Element:
        chart, highest = self.chart, self.chart.highest()
        return el(
            "g", el("text", chart.title, x=LEFT, y=26, font_size=15, font_weight="bold", fill=INK),
            el("text", f"{chart.start} to {chart.end}: active points at the end of each day; at most "
                        f"{points_text(highest.points)}, on {highest.day}", x=LEFT, y=45, font_size=12, fill=FAINT))

    def warnings(self) -> ET.Element:
        """The band of a formal warning below each threshold."""
        margin, group = self.chart.warning_margin, el("g", fill=WARNING_FILL)
        for level in self.chart.levels if margin else ():
            if level.threshold:
                low = max(level.points - margin, 0)
                group.append(el("rect", x=LEFT, y=self.y(level.points), width=RIGHT - LEFT,
                                 height=self.y(low) - self.y(level.points)))
        return group

    def shading(self) -> ET.Element:
        """Restrictions and deactivation across the plot (held funds have their lanes only)."""
        group = el("g", fill_opacity="0.1")
        for period in (p for p in self.chart.periods if p.kind != "hold"):
            start, end = self.x(period.start), self.x_after(period.until)
            group.append(el("rect", x=start, y=PLOT_TOP, width=end - start, height=PLOT_HEIGHT,
                             fill=PERIOD_FILL[period.kind]))
        return group

    def month_grid(self) -> ET.Element:
        group = el("g", stroke=GRID)
        for day, _ in _ticks(self.chart.start, self.chart.end):
            group.append(el("line", x1=self.x(day), y1=PLOT_TOP, x2=self.x(day),
                             y2=self.lanes_top + LANE * len(self.lanes)))
        return group

    def ladder_lines(self) -> ET.Element:
        """A line for each level of the ladder, labelled where the labels do not overlap (the higher first)."""
        group = el("g", font_size=11)
        labelled = self.apart(sorted((level.points for level in self.chart.levels), reverse=True))
        for level in self.chart.levels:
            colour = DEACTIVATION_LINE if level.deactivation else FAINT
            y = self.y(level.points)
            group.append(el("line", x1=LEFT, y1=y, x2=RIGHT, y2=y, stroke=colour, stroke_dasharray=None
                             if level.deactivation else "5 4", class_="threshold"))
            if level.points in labelled:
                group.append(el("text", level.label, x=RIGHT + 6, y=y + 4, fill=colour))
        return group

    def apart(self, values: list[int]) -> set[int]:
        """The values, in order, whose labels are far enough from those of the values kept before."""
        kept: list[int] = []
        for value in values:
            if all(abs(self.y(value) - self.y(other)) >= 12 for other in kept):
                kept.append(value)
        return set(kept)

    def points(self) -> ET.Element:
        steps = self.chart.steps
        path = [f"M{px(LEFT)} {px(self.y(steps[0].points))}"]
        for step in steps[1:]:
            path.append(f"H{px(self.x(step.day))}V{px(self.y(step.points))}")
        path.append(f"H{px(RIGHT)}")
        line = "".join(path)
        bottom = px(self.y(0))
        return el("g", el("path", d=f"{line}V{bottom}H{px(LEFT)}Z", fill=POINTS_FILL, fill_opacity="0.6"),
                   el("path", d=line, fill="none", stroke=POINTS_LINE, stroke_width=2))

    def marks(self) -> ET.Element:
        """A marker for each violation and appeal on the points line, its label above
        (violations) or below (appeals) on the first of three lines where it overlaps
        no label placed before; where none is free, the marker has its tooltip only."""
        group, placed = el("g", font_size=11), []
        for mark in self.chart.marks:
            x, y = self.x(mark.day), self.y(self.chart.points_on(mark.day))
            paint = {"fill": MARK_FILL[mark.kind], "stroke": "#ffffff"}
            shape = el("circle", cx=x, cy=y, r=4.5, **paint) if mark.kind == "violation" else \
                el("path", d=f"M{px(x)} {px(y - 6)}l6 6l-6 6l-6 -6Z", **paint)
            width = text_width(mark.label, 11)
            label_x = min(x + 6, RIGHT - width)
            lines = [y - 9 - 13 * n for n in range(3)] if mark.kind == "violation" else \
                [y + 20 + 13 * n for n in range(3)]
            lines = [line for line in lines if PLOT_TOP + 10 <= line <= PLOT_TOP + PLOT_HEIGHT - 3]
            label_y = _free_line(placed, label_x, label_x + width, lines)
            label = el("text", mark.label, x=label_x, y=label_y, fill=INK) if label_y is not None else None
            group.append(el("g", el("title", mark.detail), shape, label, class_=f"mark {mark.kind}"))
        return group

    def axes(self) -> ET.Element:
        bottom = PLOT_TOP + PLOT_HEIGHT
        group = el("g", el("line", x1=LEFT, y1=bottom, x2=RIGHT, y2=bottom, stroke=INK),
                    el("line", x1=LEFT, y1=PLOT_TOP, x2=LEFT, y2=bottom, stroke=INK), font_size=11, fill=INK)
        levels = sorted((level.points for level in self.chart.levels), reverse=True)
        for value in sorted(self.apart([0, self.chart.highest().points] + levels)):
            group.append(el("text", str(value), x=LEFT - 6, y=self.y(value) + 4, text_anchor="end"))
        for day, label in _ticks(self.chart.start, self.chart.end):
            group.append(el("line", x1=self.x(day), y1=bottom, x2=self.x(day), y2=bottom + 5, stroke=INK))
            group.append(el("text", label, x=self.x(day) + 3, y=bottom + 17))
        return group

    def lanes_drawn(self) -> ET.Element:
        group = el("g", font_size=10)
        for number, (kind, lane) in enumerate(self.lanes):
            top = self.lanes_top + LANE * number
            periods = [p for p in self.chart.periods if (p.kind, p.lane) == (kind, lane)]
            label_x = max(LEFT, min(self.x(periods[0].start), RIGHT - text_width(lane, 10)))
            group.append(el("text", lane, x=label_x, y=top + 9, fill=INK))
            for period in periods:
                start, end = self.x(period.start), self.x_after(period.until)
                until = f" until {period.until}" if period.until else f" past {self.chart.end}"
                group.append(el("rect", el("title", f"{lane}: from {period.start}{until}"), x=start, y=top + 13,
                                 width=end - start, height=8, fill=PERIOD_FILL[kind], class_=kind))
        return group

    def legend(self) -> ET.Element:
        group = el("g", font_size=11, fill=INK)
        for kind, text, x, y in self.legend_items:
            if kind == "violation":
                group.append(el("circle", cx=x + 5, cy=y - 4, r=4.5, fill=MARK_FILL[kind]))
            elif kind in MARK_FILL:
                group.append(el("path", d=f"M{px(x + 5)} {px(y - 10)}l6 6l-6 6l-6 -6Z", fill=MARK_FILL[kind]))
            elif kind in PERIOD_FILL:
                group.append(el("rect", x=x, y=y - 8, width=12, height=8, fill=PERIOD_FILL[kind]))
            else:
                group.append(el("rect", x=x, y=y - 8, width=12, height=8, fill=WARNING_FILL, stroke="#f59e0b"))
            group.append(el("text", text, x=x + 16, y=y))
        return group

    def ladder_text(self) -> ET.Element:
        group, y = el("g", font_size=11, fill=INK), self.ladder_top
        group.append(el("text", "Thresholds and their measures", x=LEFT, y=y, font_weight="bold"))
        for level, lines in self.ladder:
            y += LINE
            group.append(el("text", level.label, x=LEFT, y=y, fill=DEACTIVATION_LINE if level.deactivation else INK))
            for number, line in enumerate(lines):
                group.append(el("text", line, x=LEFT + LADDER_INDENT, y=y + LINE * number))
            y += LINE * (len(lines) - 1)
        return group


def _legend_items(chart: LedgerChart, top: Fraction) -> list[tuple[str, str, Fraction, Fraction]]:
    """(kind, text, x, y) of each entry of the legend: what the chart shows, in lines across."""
    shown = {m.kind for m in chart.marks} | {p.kind for p in chart.periods}
    entries = [(kind, text) for kind, text in LEGEND if kind in shown]
    if chart.warning_margin:
        entries.append(("warning", f"formal warning: {points_text(chart.warning_margin)} or less below a threshold"))
    items, x, y = [], LEFT, top
    for kind, text in entries:
        width = 16 + text_width(text, 11)
        if x > LEFT and x + width > WIDTH - 10:
            x, y = LEFT, y + LINE
        items.append((kind, text, x, y))
        x += width + 18
    return items


def _level_text(level: Level) -> str:
    if level.threshold:
        return "; ".join(level.measures) or "no measures"
    return "the seller is deactivated"


def _ticks(start: datetime.date, end: datetime.date) -> list[tuple[datetime.date, str]]:
    """The first days of the months from `start` to `end` (every few months over a long span,
    at most 12), labelled `Aug 2024`, the year on the first and on each January; over a span
    of fewer than three of them, a tick a week from `start`, labelled `08-01`."""
    months = [datetime.date(year, month, 1) for year in range(start.year, end.year + 1) for month in range(1, 13)]
    months = [day for day in months if start <= day <= end]
    if len(months) < 3:
        weeks = range(0, (end - start).days + 1, 7)
        return [(start + datetime.timedelta(days=n), f"{start + datetime.timedelta(days=n):%m-%d}") for n in weeks]
    every = next(n for n in (1, 2, 3, 6, *range(12, 12 * len(months) + 1, 12)) if len(months) <= 12 * n)
    chosen = months[::every]
    return [(day, f"{day:%b %Y}" if number == 0 or day.month == 1 else f"{day:%b}")
            for number, day in enumerate(chosen)]


def _free_line(placed: list, left: Fraction, right: Fraction, heights: list[Fraction]) -> Fraction | None:
    """The first of `heights` where a label from `left` to `right` overlaps none `placed`
    (floats: a layout, not a measure), which it joins; None if there is none."""
    box = float(left), float(right)
    for height in heights:
        at = float(height)
        if not any(box[0] < other[1] and other[0] < box[1] and abs(at - other[2]) < 12 for other in placed):
            placed.append((*box, at))
            return height
    return None


def _wrapped(text: str, width: int, size: int) -> list[str]:
    """The text in lines about `width` wide at font `size`, broken between words."""
    lines = [""]
    for word in text.split(" "):
        candidate = f"{lines[-1]} {word}" if lines[-1] else word
        if lines[-1] and text_width(candidate, size) > width:
            lines.append(word)
        else:
            lines[-1] = candidate
    return lines
