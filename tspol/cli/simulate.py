"""`tspol simulate --region R EVENTS`: sellers' points ledgers, from their dated events."""

from __future__ import annotations

import functools
import json
import os
import re
import sys
from typing import NamedTuple

import attrs
import click

from tspol.cli.common import (FAILED, USAGE, CliError, current_lang, date_option, lang_option, needs_modules,
                              open_pack, render, said, start_spark)
from tspol.cli.help import Command
from tspol.diagnostics import ERROR
from tspol.messages import Words, say, text
from tspol.runtime.events import seller_text
from tspol.runtime.ledger import points_text, restriction_span


DAYS_IN = {"d": 1, "w": 7}
MAX_STATES = 10_000  # states --until prints unless --max-states says more: 27 years day by day


def _days_option(ctx, param, value):
    """A step in days: `7d`, or weeks, `2w`."""
    match = re.fullmatch(r"([1-9][0-9]*)([dw])", value)
    if not match:
        raise click.BadParameter(said(say("simulate.step", value=value)))
    return int(match.group(1)) * DAYS_IN[match.group(2)]


@click.command("simulate", cls=Command)
@click.argument("events", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option("--policy", "policy_path", type=click.Path(exists=True),
              help="The pack (default: ./policies, or the bundled pack).")
@click.option("--region", help="The sellers' region, such as US (default: the policy's only region, "
                               "or the region a seller's metrics events name).")
@click.option("--on", callback=date_option, metavar="DATE",
              help="The day of the state (default: the last event's date, each seller's own); with --until, "
                   "the first step.")
@click.option("--until", callback=date_option, metavar="DATE",
              help="Print the state at each step from --on (default: the first event's date) to DATE, "
                   "which is not before that first day.")
@click.option("--every", default="1d", show_default=True, callback=_days_option, metavar="STEP",
              help="The step of --until, in days or weeks, such as 7d or 2w.")
@click.option("--max-states", type=click.IntRange(min=1), default=MAX_STATES, show_default=True,
              help="The most states --until may print for a seller; more is a usage error that says how many.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "svg", "html"]), default="text",
              show_default=True,
              help="text: a timeline and the state; json: the state (JSON Lines of states with --until, "
                   "or of sellers with seller_id); svg: a chart of the active points against the thresholds; "
                   "html: a page of the charts and timelines.")
@click.option("--chart", is_flag=True,
              help="With --format text: a small chart of the active points after each seller's report.")
@click.option("--strict", is_flag=True,
              help="Treat warnings as errors: a metrics event off its rules' evaluation days (W740) "
                   "exits 1 and nothing is printed.")
@click.option("--engine", type=click.Choice(["python", "spark"]), default="python", show_default=True,
              help="python: here; spark: each seller's ledger on Spark's executors (the `spark` extra, "
                   "Java 17), local unless PYSPARK_SUBMIT_ARGS names a master. The same bytes.")
@lang_option
def command(events, policy_path, region, on, until, every, max_states, fmt, chart, strict, engine):
    """Simulate sellers' points ledgers from EVENTS, a JSON Lines file (- for stdin).

    One event a line, in any order (they are taken by date; events of one day in
    the file's order): violation {date, kind, id, rule, points}, metrics {date,
    kind, id, metrics[, region]}, appeal {date, kind, violation, outcome}, hold
    {date, kind, id, violation, days[, scenario]}, investigation_closed {date,
    kind, hold}, link {date, kind, account}. A line holds at most 1 MiB.

    A file of many sellers gives every event a seller_id (a string or a whole
    number); each seller's ids are its own. Each seller is shown in the order
    it first appears in the file: with --format json one JSON line per seller,
    "seller_id" first, then the keys of a state; as text, each seller's report
    under a heading naming it. Without --on each seller's state is on its own
    last event's date.

    Dates in the output: a violation `expires` on the first day it no longer
    counts; a restriction runs `from` its first day `until` its first day no
    longer in effect (null: permanent).

    With --until, the states from --on (or the first event's date) to --until,
    both included, every --every days (or weeks: 2w); with many sellers, one
    line per seller per step: the first seller's steps in date order, then the
    next seller's (each from its own first event's date unless --on is given).
    An --until before that first day is a usage error (exit 2), not an empty
    chart, and so is a chart of more than --max-states states for a seller
    (10,000 unless given: 27 years day by day), which says how many it would
    print.

    With --engine spark the events are read and checked here, as with --engine python
    (the same errors, before Spark starts); then each seller's ledger is made and printed
    on Spark's executors, which run this Python (PYSPARK_PYTHON names another), and the
    output is the same, byte for byte.

    A chart (--format svg or html, or text with --chart) shows each seller's
    active points day by day from the first event's date (or --on, with --until)
    to --until, else to --on, else to the day nothing more is due (the points
    expire, the restrictions and holds end): the thresholds with their measures,
    a formal warning's band below each, a marker for each violation and appeal,
    and a lane for each restriction, hold and deactivation. With many sellers,
    svg stacks one picture per seller, each titled with its seller, and html has
    a section per seller. svg and html show every change, so they take no
    --every, and they are drawn here, with --engine python.
    """
    from tspol.api import Policy
    from tspol.diagnostics import TspolError
    from tspol.runtime.ledger import Ledgers

    every_given = click.get_current_context().get_parameter_source("every").name != "DEFAULT"
    if until is None and every_given:
        raise click.UsageError(said(say("simulate.every_needs_until")))
    _check_chart_options(fmt, chart, every_given, engine)
    if engine == "spark":
        needs_modules("--engine spark", ["pyspark", "pandas", "pyarrow", "tspol.spark"], "spark")
    compiled = _load_policy(policy_path)
    policy = Policy(compiled)
    program = policy.program
    _check_region(region, program.region_names)
    display = "<stdin>" if events == "-" else events
    try:
        log = _read_events(events, display)
        ledgers = Ledgers(program, log, region=region, evaluate=policy.evaluate_dict, path=display,
                          versions=policy.in_force())
        _check_sellers_regions(ledgers, program.region_names)
        _warn(ledgers, strict)
        if until is not None:
            for seller, ledger in ledgers.items():
                _check_steps(ledger, on, until, every, max_states if fmt in ("text", "json") else None,
                             _of_seller(ledgers, seller))
        view = View(ledgers.has_seller_ids, on, until, every, fmt, display, chart, current_lang())
        if fmt in ("svg", "html"):
            _print_charts([_chart_of(ledger, view) for ledger in ledgers.values()], view)
            return
        if engine == "spark" and log:
            sellers = ([text] for text in _spark_texts(policy, compiled.module_source(), log, region, view))
        else:  # --engine python, or no events: no seller to send
            sellers = (_seller_pieces(ledger, view) for ledger in ledgers.values())
        _print(sellers, view.fmt)
    except TspolError as exc:
        _fail(exc.diagnostics, {})


class View(NamedTuple):
    """What to print of each seller: the options, and whether the file names its sellers."""

    named: bool
    on: object
    until: object
    every: int
    fmt: str
    display: str
    chart: bool  # a text chart after each seller's text
    lang: str = "en"  # the language of the text


def _print(sellers, fmt: str) -> None:
    """Each seller's pieces of text as they come; many sellers' texts are parted by a blank line."""
    for number, pieces in enumerate(sellers):
        if number and fmt == "text":
            click.echo("")
        for piece in pieces:
            click.echo(piece, nl=False)


def _print_charts(charts, view: View) -> None:
    from tspol.ledgerchart import html_document, svg_document

    if view.fmt == "svg":
        click.echo(svg_document(charts), nl=False)
    else:
        click.echo(html_document(charts, f"Points ledger: {view.display}"), nl=False)


def _chart_of(ledger, view: View):
    """The chart of a seller: from --on to --until, or from its first event to --on (default: to the end)."""
    from tspol.ledgerchart import ledger_chart

    if view.until is not None:
        return ledger_chart(ledger, start=view.on, end=view.until)
    return ledger_chart(ledger, end=view.on)


def _check_chart_options(fmt: str, chart: bool, every_given: bool, engine: str) -> None:
    if chart and fmt != "text":
        raise click.UsageError(said(say("simulate.chart." + ("chart" if fmt in ("svg", "html") else "no_chart"),
                                        format=fmt)))
    if fmt in ("svg", "html") and every_given:
        raise click.UsageError(said(say("simulate.every_change", format=fmt)))
    if fmt in ("svg", "html") and engine == "spark":
        raise click.UsageError(said(say("simulate.python_only", format=fmt)))


def _spark_texts(policy, module_source: str, log, region, view: View) -> list[str]:
    """Each seller's text, made on Spark's executors (started now: the events are good);
    the versions of a pack with amendments travel with it."""
    import tspol.spark

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # the executors' Python: this one, with tspol
    start_spark(tspol.spark)
    return tspol.spark.ledger_texts(policy.program, module_source, log, functools.partial(_seller_text, view), region,
                                    versions=tspol.spark.versions_of(policy))


def _seller_text(view: View, ledger) -> str:
    """All that is printed of one seller (what an executor sends back)."""
    return "".join(_seller_pieces(ledger, view))


def _seller_pieces(ledger, view: View):
    """What is printed of one seller, a piece at a time (a long chart is not held whole):
    its report, state or states, under its heading when the file names its sellers."""
    from tspol.runtime.ledger import state_record

    seller, named, on = ledger.seller_id, view.named, view.on
    if view.fmt == "json":
        states = ledger.states(on, view.until, view.every) if view.until is not None else [ledger.state(on)]
        indent = None if named or view.until is not None else 2
        for state in states:
            record = state_record(seller, state) if named else state.to_dict()
            yield json.dumps(record, ensure_ascii=False, indent=indent) + "\n"
        return
    lang = view.lang
    if named:
        yield _heading(seller, lang) + "\n"
    if view.until is not None:
        yield from _chart(ledger.states(on, view.until, view.every), lang, ledger.program.ledger.score is not None)
    else:
        yield _report(ledger, on, view.display, lang)
    if view.chart:
        from tspol.ledgerchart import text_chart

        yield "\n" + "".join(line + "\n" for line in text_chart(_chart_of(ledger, view), lang=lang))


def _heading(seller, lang: str = "en") -> str:
    return say("report.seller", seller=seller_text(seller)).text(lang)


def _of_seller(ledgers, seller):
    """` of seller "s1"` when the file names its sellers, for messages about one of them."""
    return say("simulate.of_seller", seller=seller_text(seller)) if ledgers.has_seller_ids else ""


def _check_sellers_regions(ledgers, regions) -> None:
    """Every seller needs a region: --region, the policy's only one, or its metrics events'."""
    without = [seller for seller, ledger in ledgers.items() if ledger.region is None]
    if not without:
        return
    if ledgers.has_seller_ids:
        named = ", ".join(seller_text(seller) for seller in without[:3]) + (", ..." if len(without) > 3 else "")
        whose = say("simulate.whose.many" if len(without) > 1 else "simulate.whose.one", sellers=named)
    else:
        whose = say("simulate.whose")
    raise CliError(say("simulate.give_region", regions=", ".join(regions), whose=whose), USAGE)


def _check_region(region, regions) -> None:
    """An unknown --region is bad input (exit 1), as an unknown region on a line of `tspol eval`."""
    from tspol.runtime.names import suggestion

    if region is not None and region not in regions:
        close = suggestion(region, regions)
        raise CliError(say("eval.unknown_region.close" if close else "eval.unknown_region", region=region,
                           known=", ".join(regions), close=close or ""))


def _read_events(events: str, display: str):
    """The events of the file (or of standard input), a line at a time."""
    from tspol.runtime.events import read_event_stream

    with click.open_file(events, "rb") as stream:
        return read_event_stream(stream, display)


def _check_steps(ledger, on, until, every: int, max_states: int | None, of_seller="") -> None:
    """--until must not come before the first day of the steps (that would print nothing),
    nor so far after it that more than `max_states` states would be printed (None: a chart,
    which prints no states)."""
    from tspol.runtime.ledger import step_count

    first, which = (on, "--on") if on is not None else (ledger.first_date, say("simulate.first_date",
                                                                                 of_seller=of_seller))
    if first is None:
        return  # no events and no --on: the ledger says so
    if until < first:
        raise CliError(say("simulate.until_before", until=str(until), first=str(first), which=which), USAGE)
    count = step_count(first, until, every)
    if max_states is not None and count > max_states:
        span = (until - first).days
        larger = say("simulate.larger_every", days=-(-span // (max_states - 1))) if max_states > 1 else ""
        raise CliError(say("simulate.too_many_states", until=str(until), every=every, first=str(first), count=count,
                           of_seller=of_seller, most=max_states, larger=larger), USAGE)


def _load_policy(path):
    """The compiled pack (`tspol.compiler.cache.Compiled`): its module decides metrics
    events, and its source is what Spark's executors run."""
    from tspol.diagnostics import TspolError

    try:
        return open_pack(path).compiled()
    except TspolError as exc:
        _fail(exc.diagnostics, exc.sources)


def _warn(ledgers, strict: bool) -> None:
    """The ledgers' warnings (W740, issue 11, evaluation cadence) on stderr; with --strict, a failure."""
    warnings = [w for ledger in ledgers.values() for w in ledger.warnings]
    if not warnings:
        return
    if strict:
        _fail([attrs.evolve(w, severity=ERROR) for w in warnings], {})
    click.echo(render(warnings, "text", {}), nl=False, err=True)


def _fail(diagnostics, sources):
    click.echo(render(diagnostics, "text", sources), nl=False, err=True)
    raise click.exceptions.Exit(FAILED)


# ---- text --------------------------------------------------------------------

def _word(id: str, lang: str) -> str:
    return say(id).text(lang)


def _pad(value: str, width: int, right: bool = False) -> str:
    """`value` padded to `width` columns, a Chinese character two of them (`tspol.widetext`)."""
    from tspol.widetext import width as columns

    fill = " " * max(0, width - columns(value))
    return fill + value if right else value + fill


def _report(ledger, on, display, lang: str = "en") -> str:
    state = ledger.state(on)
    lines = [say("report.head", display=display, region=ledger.region, first=str(ledger.first_date or '-'),
                 last=str(ledger.last_date or '-')).text(lang), ""]
    rows = ledger.timeline(state.on)
    if rows:
        score = f"{_pad(_word('report.score', lang), 5, True)}  " if state.score is not None else ""  # issue 11
        lines.append(f"{_pad(_word('report.date', lang), 10)}  {_pad(_word('report.points', lang), 6, True)}  "
                     f"{score}{_pad(_word('report.level', lang), 5, True)}  {_word('report.what_happens', lang)}")
        separator = ";" if lang == "zh" else "; "
        for row in rows:
            changes = separator.join(text(change, lang) for change in row.changes)
            score = f"{row.score:>5}  " if row.score is not None else ""
            lines.append(f"{row.date}  {row.active_points:>6}  {score}{row.level:>5}  {changes}")
        lines.append("")
    lines.extend(_state_text(state, lang))
    return "\n".join(lines) + "\n"


def _state_text(state, lang: str = "en") -> list[str]:
    def field(id, values):
        values = [text(v, lang) for v in values] or [_word("report.none", lang)]
        return [f"  {_pad(_word(id, lang), 14)}{values[0]}"] + [f"  {'':<14}{v}" for v in values[1:]]

    lines = [say("report.state_on", date=str(state.on)).text(lang)]
    lines += field("report.active_points", [str(state.active_points)])
    if state.score is not None:  # issue 11: a score ledger
        lines += field("report.score", [str(state.score)])
    lines += field("report.level", [str(state.level)])
    lines += field("report.deactivated", [say("report.since", date=str(state.deactivated_on)) if state.deactivated
                                          else say("report.no")])
    lines += field("report.restrictions", [_restriction_text(r, state.score is not None) for r in state.restrictions])
    lines += field("report.warnings", [say("report.to_go", points=points_text(w.points_to_go), threshold=w.threshold)
                                       for w in state.warnings])
    lines += field("report.violations", [_violation_text(v) for v in state.violations])
    lines += field("report.appeals", [_appeal_text(a) for a in state.appeals])
    lines += field("report.holds", [_hold_text(h) for h in state.holds])
    lines += field("report.linked", [_link_text(link) for link in state.linked])
    return lines


def _restriction_text(r, below: bool = False):
    """`no_listing from ... (threshold 100)`; of a score ledger (`below`, issue 11) `(threshold below 100)`."""
    name = r.action
    if r.limit is not None:
        limit = dict(r.limit)
        name = say("ledger.order_limit", percent=limit.get('percent'), basis=limit.get('basis'))
        if "daily_cap" in limit:
            name = say("ledger.daily_cap", name=name, cap=limit['daily_cap'])
    cause = (say("report.threshold_below" if below else "report.threshold", threshold=r.threshold)
             if r.threshold is not None
             else say("report.violation", id=r.violation))
    span = restriction_span(r)
    return say("report.restriction", name=name, start=str(r.start), span=span, cause=cause)


def _violation_text(v):
    if v.status == "active" and v.expires is None:
        when = say("report.never_expires")
    else:
        when = {"active": lambda: say("report.active.resets" if v.resets else "report.active", date=str(v.expires)),
                "expired": lambda: say("report.expired.reset" if v.resets else "report.expired", date=str(v.expires)),
                "frozen": lambda: say("report.frozen"), "revoked": lambda: say("report.revoked", date=str(v.revoked))
                }[v.status]()
    return say("report.scored", id=v.id, points=points_text(v.points), rules=Words(v.rules, ","), scored=str(v.scored),
               when=when)


def _appeal_text(a):
    if not a.valid:
        return say("report.appeal_invalid", date=str(a.date), violation=a.violation, reason=a.reason)
    return say("report.appeal." + a.outcome, date=str(a.date), violation=a.violation, attempt=a.attempt)


def _hold_text(h):
    if h.status == "held":
        ends = (say("report.held_until", date=str(h.until)) if h.until
                else say("report.held_investigation", date=str(h.period_end)))
    else:
        ends = say("report." + h.status, date=str(h.until))
    return say("report.hold", id=h.id, scenario=h.scenario, violation=h.violation, start=str(h.start), days=h.days,
               ends=ends)


def _link_text(link):
    if not link.joint_enforcement:
        return say("report.link", account=link.account, since=str(link.since))
    if not link.penalties:
        return say("report.joint.none", account=link.account, since=str(link.since))
    return say("report.joint", account=link.account, since=str(link.since), penalties=Words(link.penalties, ","))


def _chart(states, lang: str = "en", scored: bool = False):
    """A table of states, a line each; of a score ledger (`scored`, issue 11), with the score."""
    score = f"{_pad(_word('report.score', lang), 5, True)}  " if scored else ""
    yield (f"{_pad(_word('report.date', lang), 10)}  {_pad(_word('report.points', lang), 6, True)}  "
           f"{score}{_pad(_word('report.level', lang), 5, True)}  {_pad(_word('report.deactivated', lang), 11)}  "
           f"{_pad(_word('report.warnings', lang), 16)}  {_word('report.restrictions', lang)}\n")
    comma = "、" if lang == "zh" else ", "
    yes, no = _word("report.yes", lang), _word("report.no", lang)
    for state in states:
        warnings = comma.join(say("report.to_go", points=w.points_to_go, threshold=w.threshold).text(lang)
                              for w in state.warnings) or "-"
        restrictions = comma.join(r.action for r in state.restrictions) or "-"
        score = f"{state.score:>5}  " if scored else ""
        yield (f"{state.on}  {state.active_points:>6}  {score}{state.level:>5}  "
               f"{_pad(yes if state.deactivated else no, 11)}  {_pad(warnings, 16)}  {restrictions}\n")
