"""`tspol simulate --region R EVENTS`: a seller's points ledger, from its dated events."""

from __future__ import annotations

import json
import re

import click

from tspol.cli.common import FAILED, USAGE, CliError, pack_or_default, render
from tspol.runtime.ledger import points_text


def _date_option(ctx, param, value):
    if value is None:
        return None
    from tspol.runtime.events import BadValue, parse_date

    try:
        return parse_date(value)
    except BadValue as bad:
        raise click.BadParameter(bad.message) from None


def _days_option(ctx, param, value):
    match = re.fullmatch(r"([1-9][0-9]*)d", value)
    if not match:
        raise click.BadParameter(f"expected a number of days such as 7d, got `{value}`")
    return int(match.group(1))


@click.command("simulate")
@click.argument("events", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option("--policy", "policy_path", type=click.Path(exists=True),
              help="The pack (default: ./policies, or the bundled pack).")
@click.option("--region", required=True, help="The seller's region, such as US.")
@click.option("--on", callback=_date_option, metavar="DATE",
              help="The day of the state (default: the last event's date); with --until, the first step.")
@click.option("--until", callback=_date_option, metavar="DATE",
              help="Print the state at each step from --on (default: the first event's date) to DATE, "
                   "which is not before that first day.")
@click.option("--every", default="1d", show_default=True, callback=_days_option, metavar="DAYS",
              help="The step of --until, such as 7d.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: a timeline and the state; json: the state (JSON Lines of states with --until).")
def command(events, policy_path, region, on, until, every, fmt):
    """Simulate a seller's points ledger from EVENTS, a JSON Lines file (- for stdin).

    One event a line, in date order: violation {date, kind, id, rule, points},
    metrics {date, kind, id, metrics[, region]}, appeal {date, kind, violation, outcome},
    hold {date, kind, id, violation, days[, scenario]}, investigation_closed
    {date, kind, hold}, link {date, kind, account}.

    Dates in the output: a violation `expires` on the first day it no longer
    counts; a restriction runs `from` its first day `until` its first day no
    longer in effect (null: permanent).

    With --until, the states from --on (or the first event's date) to --until,
    both included, every --every days; an --until before that first day is a
    usage error (exit 2), not an empty chart.
    """
    from tspol.diagnostics import TspolError
    from tspol.runtime.events import parse_events
    from tspol.runtime.ledger import Ledger

    if until is None and click.get_current_context().get_parameter_source("every").name != "DEFAULT":
        raise click.UsageError("--every needs --until")
    program, evaluate, sources = _load_policy(policy_path)
    if region not in program.region_names:
        raise CliError(f"unknown region `{region}`; this policy has {', '.join(program.region_names)}")
    display = "<stdin>" if events == "-" else events
    try:
        text = _read_text(events, display)
        ledger = Ledger(program, parse_events(text, display), region=region, evaluate=evaluate, path=display)
        if until is not None:
            _check_steps(ledger, on, until)
            _print_steps(ledger.states(on, until, every), fmt)
        elif fmt == "json":
            click.echo(json.dumps(ledger.state(on).to_dict(), ensure_ascii=False, indent=2))
        else:
            click.echo(_report(ledger, on, region, display), nl=False)
    except TspolError as exc:
        _fail(exc.diagnostics, sources)


def _read_text(events: str, display: str) -> str:
    """The events file (or standard input) as text; a CliError where it is not UTF-8."""
    from tspol.runtime.jsonnum import utf8_problem

    with click.open_file(events, "rb") as stream:
        raw = stream.read()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CliError(f"{display}: this file is not UTF-8 text: {utf8_problem(raw, exc)}") from None


def _check_steps(ledger, on, until) -> None:
    """--until must not come before the first day of the steps: that would print nothing."""
    first, which = (on, "--on") if on is not None else (ledger.first_date, "the first event's date")
    if first is not None and until < first:
        raise CliError(f"--until {until} is before the first day to show, {first} ({which})", USAGE)


def _load_policy(path):
    """The program, the evaluator of metrics events, and the pack's sources (for error excerpts)."""
    import tspol
    from tspol.diagnostics import TspolError

    try:
        policy = tspol.load(pack_or_default(path))
    except TspolError as exc:
        _fail(exc.diagnostics, exc.sources)
    return policy.program, policy.evaluate_dict, {}


def _fail(diagnostics, sources):
    click.echo(render(diagnostics, "text", sources), nl=False, err=True)
    raise click.exceptions.Exit(FAILED)


# ---- text --------------------------------------------------------------------

def _report(ledger, on, region, display) -> str:
    state = ledger.state(on)
    lines = [f"{display}: region {region}, events {ledger.first_date or '-'} .. {ledger.last_date or '-'}", ""]
    rows = ledger.timeline(state.on)
    if rows:
        lines.append(f"{'date':<10}  {'points':>6}  {'level':>5}  what happens")
        for row in rows:
            lines.append(f"{row.date}  {row.active_points:>6}  {row.level:>5}  {'; '.join(row.changes)}")
        lines.append("")
    lines.extend(_state_text(state))
    return "\n".join(lines) + "\n"


def _state_text(state) -> list[str]:
    def field(name, values):
        values = list(values) or ["none"]
        return [f"  {name:<14}{values[0]}"] + [f"  {'':<14}{v}" for v in values[1:]]

    lines = [f"State on {state.on}"]
    lines += field("active points", [str(state.active_points)])
    lines += field("level", [str(state.level)])
    lines += field("deactivated", [f"since {state.deactivated_on}" if state.deactivated else "no"])
    lines += field("restrictions", [_restriction_text(r) for r in state.restrictions])
    lines += field("warnings", [f"{points_text(w.points_to_go)} to {w.threshold}" for w in state.warnings])
    lines += field("violations", [_violation_text(v) for v in state.violations])
    lines += field("appeals", [_appeal_text(a) for a in state.appeals])
    lines += field("holds", [_hold_text(h) for h in state.holds])
    lines += field("linked", [_link_text(link) for link in state.linked])
    return lines


def _restriction_text(r) -> str:
    name = r.action
    if r.limit is not None:
        limit = dict(r.limit)
        name = f"order limit at {limit.get('percent')}% of {limit.get('basis')}"
        if "daily_cap" in limit:
            name += f" (at most {limit['daily_cap']} orders a day)"
    cause = f"threshold {r.threshold}" if r.threshold is not None else f"violation {r.violation}"
    span = f"until {r.until}" if r.until else "permanently"
    return f"{name} from {r.start} {span} ({cause})"


def _violation_text(v) -> str:
    when = {"active": f"active, expires {v.expires}", "expired": f"expired {v.expires}",
            "frozen": "frozen (deactivated)", "revoked": f"revoked {v.revoked}"}[v.status]
    if v.status == "active" and v.expires is None:
        when = "active, never expires"
    return f"{v.id}  {points_text(v.points)}  {', '.join(v.rules)}  scored {v.scored}  {when}"


def _appeal_text(a) -> str:
    if not a.valid:
        return f"{a.date} {a.violation} invalid: {a.reason}"
    return f"{a.date} {a.violation} {a.outcome} (attempt {a.attempt})"


def _hold_text(h) -> str:
    ends = {"held": f"held until {h.until}" if h.until
            else f"held until the investigation closes, at least until {h.period_end}",
            "released": f"released {h.until}", "ended": f"ended {h.until}"}[h.status]
    return f"{h.id} {h.scenario} on {h.violation} from {h.start} for {h.days} days: {ends}"


def _link_text(link) -> str:
    if not link.joint_enforcement:
        return f"{link.account} since {link.since}"
    penalties = ", ".join(link.penalties) or "no penalty yet"
    return f"{link.account} since {link.since}: joint enforcement for {penalties}"


def _print_steps(states, fmt) -> None:
    if fmt == "json":
        for state in states:
            click.echo(json.dumps(state.to_dict(), ensure_ascii=False))
        return
    click.echo(f"{'date':<10}  {'points':>6}  {'level':>5}  {'deactivated':<11}  {'warnings':<16}  restrictions")
    for state in states:
        warnings = ", ".join(f"{w.points_to_go} to {w.threshold}" for w in state.warnings) or "-"
        restrictions = ", ".join(r.action for r in state.restrictions) or "-"
        click.echo(f"{state.on}  {state.active_points:>6}  {state.level:>5}  "
                   f"{'yes' if state.deactivated else 'no':<11}  {warnings:<16}  {restrictions}")
