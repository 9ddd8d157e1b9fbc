"""Charts of the points ledger: `tspol simulate --format svg|html`, and `--chart` after
the text report (`tspol.ledgerchart`). What is drawn is held against the ledger's own
states and the pack's IR, never against numbers written here.
"""

from __future__ import annotations

import datetime
import shutil
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from conftest import PACK, ROOT
from test_simulate import in_tmp, write_events  # noqa: F401  (in_tmp is a fixture)
from test_simulate_engine import many_sellers

SVG = "{http://www.w3.org/2000/svg}"
EXAMPLE = ROOT / "examples" / "events.jsonl"
PICTURE = ROOT / "docs" / "ledger-chart.svg"
HOSTILE = '<script>alert("x")</script>&'


@pytest.fixture(scope="module")
def policy():
    import tspol

    return tspol.load(PACK)


def seller_events(seller=None) -> list[dict]:
    """A seller that reaches 48 (deactivated), has funds held, an order volume limit, an
    accepted appeal that reactivates it, a late one, and points that expire."""
    events = [
        {"date": "2024-01-01", "kind": "metrics", "id": "m1",
         "metrics": {"orders_7d": 40, "late_orders": 30, "avg_daily_orders_4w": 120}},
        {"date": "2024-01-15", "kind": "violation", "id": "v2", "rule": "significantly_not_as_described", "points": 12},
        {"date": "2024-01-16", "kind": "hold", "id": "h1", "violation": "v2", "days": 90},
        {"date": "2024-02-01", "kind": "violation", "id": "v3", "rule": "late_dispatch", "points": 12},
        {"date": "2024-02-10", "kind": "violation", "id": "v4", "rule": "late_dispatch", "points": 20},
        {"date": "2024-02-20", "kind": "appeal", "violation": "v4", "outcome": "accepted"},
        {"date": "2024-03-20", "kind": "appeal", "violation": "v3", "outcome": "rejected"},
    ]
    return [{"seller_id": seller, **event} for event in events] if seller is not None else events


def svg_of(cli, *args) -> ET.Element:
    result = cli("simulate", "--region", "US", *args, "--format", "svg")
    assert result.exit_code == 0, result.output
    return ET.fromstring(result.stdout)


def texts(root: ET.Element) -> list[str]:
    return [element.text for element in root.iter(f"{SVG}text")]


def marks(root: ET.Element, kind: str) -> list[ET.Element]:
    return [g for g in root.iter(f"{SVG}g") if g.get("class") == f"mark {kind}"]


def days(first: datetime.date, last: datetime.date):
    return (first + datetime.timedelta(days=n) for n in range((last - first).days + 1))


# ---- what the chart holds is the ledger's

def test_the_points_and_what_is_in_effect_are_the_ledgers_every_day(policy):
    from tspol.ledgerchart import ledger_chart

    ledgers = policy.ledgers([*seller_events("rich"), *many_sellers(policy)], region="US")
    for ledger in list(ledgers.values())[:10]:
        chart = ledger_chart(ledger)
        for day in days(chart.start, chart.end):
            state = ledger.state(day)
            assert chart.points_on(day) == state.active_points, (ledger.seller_id, day)
            in_effect = {p.lane for p in chart.periods if p.start <= day and (p.until is None or day < p.until)}
            assert {lane for lane in in_effect if lane.startswith("Funds held")} == \
                {lane for lane in in_effect if any(f"({h.id})" in lane for h in state.holds if h.status == "held")}
            assert ("Deactivated" in in_effect) == state.deactivated
            assert len([p for p in chart.periods if p.kind == "restriction" and p.start <= day
                        and (p.until is None or day < p.until)]) == len(state.restrictions)


def test_the_chart_runs_to_the_day_nothing_more_is_due(policy):
    from tspol.ledgerchart import ledger_chart

    ledger = policy.ledger(EXAMPLE, region="US")
    last = ledger.state()
    chart = ledger_chart(ledger)
    assert (chart.start, chart.end) == (ledger.first_date, max(v.expires for v in last.violations
                                                                 if v.status == "active"))
    assert chart.steps[-1].points == 0 and ledger.state(chart.end).active_points == 0
    assert (ledger_chart(ledger, end="2024-08-22").end, ledger_chart(ledger, "2024-08-10", "2024-08-22").start) == \
        (datetime.date(2024, 8, 22), datetime.date(2024, 8, 10))


def test_the_text_chart_shows_the_ledgers_most_points(policy, in_tmp, cli):
    from tspol.ledgerchart import ledger_chart, text_chart

    ledger = policy.ledger(seller_events(), region="US")
    chart = ledger_chart(ledger)
    states = list(ledger.states(chart.start, chart.end))
    most = max(state.active_points for state in states)
    first = next(state.on for state in states if state.active_points == most)
    lines = text_chart(chart)
    assert chart.top == most
    assert f"at most {most} points, on {first}" in lines[0]
    assert lines[1].split("|")[0].strip() == str(chart.top) and "#" in lines[1]  # the top row: the most points
    for level in chart.levels:
        assert any(line.endswith(f" {level.label}") and line.split("|")[0].strip() == str(level.points)
                   for line in lines)


def test_chart_comes_after_the_text_report_unchanged(in_tmp, cli):
    name = write_events(in_tmp / "e.jsonl", *seller_events())
    for view in ([], ["--until", "2024-03-01", "--every", "7d"]):
        plain = cli("simulate", "--region", "US", name, *view)
        charted = cli("simulate", "--region", "US", name, *view, "--chart")
        assert charted.exit_code == 0, charted.output
        assert charted.stdout.startswith(plain.stdout + "\nActive points from ")
        assert "48 points: deactivation" in charted.stdout


# ---- the picture

def test_the_svg_draws_the_packs_thresholds_with_their_measures(program, in_tmp, cli):
    name = write_events(in_tmp / "e.jsonl", *seller_events())
    root = svg_of(cli, name)
    shown = texts(root)
    ledger = program.ledger
    levels = {t.points for t in ledger.thresholds} | {ledger.deactivate_at}
    assert len([line for line in root.iter(f"{SVG}line") if line.get("class") == "threshold"]) == len(levels)
    names = dict(program.measures)
    ladder = " ".join(shown)
    for threshold in ledger.thresholds:
        label = f"{threshold.points} points" + (": deactivation" if threshold.points == ledger.deactivate_at else "")
        assert shown.count(label) == 2  # beside its line, and in the ladder
        for measure, _ in threshold.measures:
            assert names[measure].en in ladder
    assert f"formal warning: {ledger.warning_margin} points or less below a threshold" in shown


def test_a_marker_for_each_violation_and_appeal(policy, in_tmp, cli):
    name = write_events(in_tmp / "e.jsonl", *seller_events())
    root = svg_of(cli, name)
    state = policy.ledger(seller_events(), region="US").state()
    assert len(marks(root, "violation")) == len(state.violations) > 0
    assert [g.find(f"{SVG}title").text.split(":")[0] for g in marks(root, "violation")] == \
        [v.id for v in sorted(state.violations, key=lambda v: v.scored)]
    assert {f"{v.id} +{v.points}" for v in state.violations} <= set(texts(root))
    for kind in ("accepted", "rejected", "invalid"):
        expected = [a for a in state.appeals if (a.outcome if a.valid else "invalid") == kind]
        assert len(marks(root, kind)) == len(expected)
    assert {rect.get("class") for rect in root.iter(f"{SVG}rect")} >= {"restriction", "hold", "deactivated"}


def test_svg_bytes_are_the_same_on_each_run(in_tmp, cli):
    name = write_events(in_tmp / "e.jsonl", *seller_events())
    runs = {cli("simulate", "--region", "US", name, "--format", fmt).stdout for fmt in ("svg", "svg")}
    assert len(runs) == 1


def test_hostile_ids_are_text(in_tmp, cli):
    from tspol.runtime.events import seller_text

    events = [{**e, "id": HOSTILE} if e.get("id") == "v3" else e for e in seller_events(HOSTILE)]
    events = [{**e, "violation": HOSTILE} if e.get("violation") == "v3" else e for e in events]
    name = write_events(in_tmp / "e.jsonl", *events)
    root = svg_of(cli, name)
    assert not [e for e in root.iter() if "script" in e.tag]
    assert f"Active points: seller {seller_text(HOSTILE)}, region US" in texts(root)
    assert f"{HOSTILE} +12" in texts(root)
    page = cli("simulate", "--region", "US", name, "--format", "html").stdout
    tags = Tags.of(page)
    assert "script" not in tags.names
    assert any(text.startswith(f"violation {HOSTILE} (late_dispatch) +12; ") for text in tags.texts)


def test_many_sellers_stack_one_picture_each(in_tmp, cli):
    name = write_events(in_tmp / "e.jsonl", *seller_events("a"), *seller_events(7))
    root = svg_of(cli, name)
    pictures = root.findall(f"{SVG}svg")
    assert [p.find(f"{SVG}title").text for p in pictures] == \
        ['Active points: seller "a", region US', "Active points: seller 7, region US"]
    assert [int(p.get("y")) for p in pictures] == [0, int(pictures[0].get("height"))]
    assert int(root.get("height")) == sum(int(p.get("height")) for p in pictures)


# ---- the page

class Tags(HTMLParser):
    """The start tags, attributes and texts of a page."""

    def __init__(self):
        super().__init__()
        self.names, self.attributes, self.texts = [], [], []

    @classmethod
    def of(cls, page: str) -> Tags:
        tags = cls()
        tags.feed(page)
        tags.close()
        return tags

    def handle_starttag(self, tag, attrs):
        self.names.append(tag)
        self.attributes += [value or "" for _, value in attrs]

    def handle_data(self, data):
        self.texts.append(data)


def test_html_is_one_page_with_a_section_per_seller_and_nothing_from_elsewhere(policy, in_tmp, cli):
    from tspol.ledgerchart import ledger_chart

    events = [*seller_events("a"), *seller_events("b")]
    name = write_events(in_tmp / "e.jsonl", *events)
    result = cli("simulate", "--region", "US", name, "--format", "html")
    assert result.exit_code == 0, result.output
    tags = Tags.of(result.stdout)
    assert result.stdout.startswith("<!DOCTYPE html>")
    assert (tags.names.count("section"), tags.names.count("svg"), tags.names.count("h2")) == (2, 2, 2)
    assert not [value for value in tags.attributes if "http:" in value or "https:" in value or "//" in value]
    assert not {"script", "link", "img", "iframe"} & set(tags.names)
    ledger = policy.ledgers(events, region="US")["a"]
    rows = ledger.timeline(ledger_chart(ledger).end)
    assert tags.names.count("tr") == 2 * (len(rows) + 1)  # a head and a row of each day, for each seller


# ---- options

@pytest.mark.parametrize("args, message", [
    (["--format", "json", "--chart"], "--chart is for --format text; --format json has no chart"),
    (["--format", "svg", "--chart"], "--chart is for --format text; --format svg is a chart itself"),
    (["--format", "svg", "--until", "2024-03-01", "--every", "7d"],
     "--format svg shows every change, not steps: leave out --every"),
    (["--format", "html", "--engine", "spark"], "--format html is drawn with --engine python"),
    (["--format", "svg", "--until", "2023-12-31"], "--until 2023-12-31 is before the first day to show, 2024-01-01"),
])
def test_options_that_make_no_chart_are_usage_errors(in_tmp, cli, args, message):
    name = write_events(in_tmp / "e.jsonl", *seller_events())
    result = cli("simulate", "--region", "US", name, *args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert message in result.stderr


def test_a_chart_is_not_bound_by_max_states(in_tmp, cli):
    name = write_events(in_tmp / "e.jsonl", *seller_events())
    root = svg_of(cli, name, "--until", "2030-01-01", "--max-states", "2")
    assert "2024-01-01 to 2030-01-01" in " ".join(texts(root))


def test_no_events_need_a_day_for_a_chart_too(in_tmp, cli):
    (in_tmp / "e.jsonl").write_text("\n", encoding="utf-8")
    assert cli("simulate", "--region", "US", "e.jsonl", "--format", "svg").exit_code == 1
    root = svg_of(cli, "e.jsonl", "--on", "2024-01-01")
    assert "2024-01-01 to 2024-01-01" in " ".join(texts(root))


# ---- the picture the README shows

def test_the_readmes_chart_is_current(in_tmp, cli):
    (in_tmp / "examples").mkdir()
    shutil.copy(EXAMPLE, in_tmp / "examples" / "events.jsonl")
    drawn = cli("simulate", "--policy", PACK, "--region", "US", "examples/events.jsonl", "--format", "svg").stdout
    assert PICTURE.read_text(encoding="utf-8") == drawn, (
        "docs/ledger-chart.svg is stale; redraw it from the root of the repository with\n"
        "  tspol simulate --region US examples/events.jsonl --format svg > docs/ledger-chart.svg")


@pytest.mark.spark
def test_the_text_chart_is_the_same_on_spark(spark, policy, in_tmp, cli):
    from test_simulate_spark import on_both

    name = write_events(in_tmp / "all.jsonl", *many_sellers(policy))
    python, on_spark = on_both(cli, "--region", "US", name, "--chart")
    assert python[0] == 0 and "Active points from " in python[1]
    assert on_spark == python
