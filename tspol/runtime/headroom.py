"""How close a seller is to a worse outcome, and how far from the way back.

    headroom(program, metrics, region)   for each rule and each input where more is
        worse: the fewest further units that make the rule's outcome worse, and that
        outcome ("2 more late orders and the late dispatch rate reaches 10%: 3 points")
    recovery(program, metrics, region)   for each rule that fired or whose metric is
        outside its standard: the fewest further good orders (on time, not cancelled;
        a reply, a resolved request) that bring the metric back within its standard,
        and below each row that fired
    what_if(program, metrics, region, changes)   the seller changed, decided beside

Exact, and found from the policy's own boundaries, not by trying one unit at a
time: a seller with `k` more units is each input plus `k` or not, so every atom
of the meaning (`tspol.compiler.meaning`: `late_orders >= 5`, `late_orders * 10 >=
1 * orders_7d`) is a linear inequality in `k` and changes its truth at most once,
at a point read off its numbers. Between two such points every row matches or not
alike, so the outcome is the same; the decision is taken (by `evaluate`, the
compiled module or the interpreter, which agree) at each point in order, and the
first that is worse is the answer. One more unit of a `part of` input is one more
of its whole too (one more late order is one more order). Which inputs grow, where
each atom changes and which outcome is worse are `tspol.compiler.growth`'s, which the
SQL backend reads too.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from fractions import Fraction

from tspol.compiler import explain, growth, ir, portable
from tspol.compiler.meaning import Meaning, holds
from tspol.messages import say
from tspol.runtime import interpreter
from tspol.runtime.metrics import check_region, read_metrics

Evaluate = Callable[[Mapping, str], dict]


def headroom(program: ir.Program, metrics: Mapping, region: str, evaluate: Evaluate | None = None) -> list[dict]:
    """`{"rule", "input", "with", "more", "then"}` for each rule of the region and each
    input it reads where higher is worse: `more` the fewest further units of the input
    (and so of the totals it is part of, `with`) that make the rule's outcome worse
    (more points, a warning where there was none, or a tighter order volume limit),
    `then` that outcome (`outcome`, with the rule's `metric` and the `value` it then
    has, `5/42` as a finding writes it); both None when no number does."""
    evaluate = evaluate or _interpreted(program)
    meaning, values = Meaning(program), read_metrics(program, metrics)
    now = evaluate(_given(values), region)
    found = []
    for rule in check_region(program, region).rules:
        for name in growth.headroom_inputs(program, rule):
            if values[name] is None:
                continue
            grows = _with_wholes(program, name)
            wholes = list(growth.chain(program, name)[1:])
            before = outcome(now, rule.name)
            more = _first(_points(program, growth.headroom_formulas(meaning, rule), values, grows),
                          lambda k: _worse(outcome(_decide(evaluate, values, grows, k, region), rule.name), before))
            then = None
            if more is not None:
                then = outcome(_decide(evaluate, values, grows, more, region), rule.name)
                then.update(metric=rule.metric, value=_value(program, rule, _grown(values, grows, more)))
            found.append({"rule": rule.name, "input": name, "with": wholes, "more": more, "then": then})
    return found


def recovery(program: ir.Program, metrics: Mapping, region: str, evaluate: Evaluate | None = None) -> list[dict]:
    """`{"rule", "metric", "input", "more", "below"}` for each rule of the region whose
    rate is outside its standard or one of whose rows fired: `input` the one that grows
    with each good order (the rate's total for a rate where higher is worse; its part,
    and so its total, where lower is worse), `more` the fewest good orders that bring
    the rate within its standard (None when none do), `below` for each row that fired
    `{"table", "row", "more"}`, the fewest after which it no longer does."""
    evaluate = evaluate or _interpreted(program)
    meaning, values = Meaning(program), read_metrics(program, metrics)
    now = evaluate(_given(values), region)
    found = []
    for rule in check_region(program, region).rules:
        grows_name = growth.recovery_input(program, rule)
        if grows_name is None:
            continue
        metric = program.metric(rule.metric)
        fired = [v for v in now["violations"] if v["rule"] == rule.name]
        outside = any(f["rule"] == rule.name for f in now["findings"])
        if not fired and not outside:
            continue
        grows = _with_wholes(program, grows_name)
        more = None
        if metric.standard is not None:
            within = meaning.within(metric.name, metric.standard)
            more = _first(_points(program, [within], values, grows),
                          lambda k: holds(within, _grown(values, grows, k)))
        below = []
        for violation in fired:
            table, position = _row(rule, violation["table"], violation["row"])
            matches = meaning.matches(table, position)
            below.append({"table": violation["table"], "row": violation["row"],
                          "more": _first(_points(program, [matches], values, grows),
                                         lambda k: not holds(matches, _grown(values, grows, k)))})
        found.append({"rule": rule.name, "metric": metric.name, "input": grows_name, "more": more, "below": below})
    return found


def what_if(program: ir.Program, metrics: Mapping, region: str, changes: Mapping[str, tuple[str, Fraction]],
            evaluate: Evaluate | None = None) -> dict:
    """The seller after `changes` (input -> ("+", n) for n more, a part's whole growing
    alike, or ("=", n) for exactly n), with its decision: `{"changes", "metrics",
    "decision"}`, the changes written as `change_text` does."""
    evaluate = evaluate or _interpreted(program)
    values = dict(read_metrics(program, metrics))
    for name, (how, amount) in changes.items():
        if name not in values:
            raise ValueError(say("what_if.no_input", name=name, inputs=", ".join(values)))
        if how == "=":
            values[name] = amount
            continue
        for grown in _with_wholes(program, name):
            if values[grown] is None:
                raise ValueError(say("what_if.not_given", name=grown, amount=str(amount)))
            values[grown] += amount
    changed = {name: _plain(value) for name, value in values.items() if value is not None}
    return {"changes": {name: change_text(change) for name, change in changes.items()},
            "metrics": changed, "decision": evaluate(changed, region)}


def change_text(change: tuple[str, Fraction]) -> str:
    """A change as `--what-if` takes it: `+3`, `-0.5`, or `12` for exactly 12; exact."""
    how, amount = change
    if how == "=":
        return _decimal_text(amount)
    return ("+" if amount >= 0 else "-") + _decimal_text(abs(amount))


def _decimal_text(value: Fraction) -> str:
    """`value` in decimal digits, every one exact (a value with no finite decimal, as `n/d`)."""
    places = next((k for k in range(64) if (value * 10 ** k).denominator == 1), None)
    if places is None:
        return f"{value.numerator}/{value.denominator}"
    digits = str(abs(value * 10 ** places).numerator).rjust(places + 1, "0")
    whole = digits[:len(digits) - places] + ("." + digits[-places:] if places else "")
    return ("-" if value < 0 else "") + whole


def outcome(decision: dict, rule: str) -> dict:
    """A rule's part of a decision: its points, whether it warns, the rows that fired."""
    rows = [{key: v[key] for key in ("table", "row", "points", "warning", "limit")}
            for v in decision["violations"] if v["rule"] == rule]
    return {"points": sum(r["points"] for r in rows), "warning": any(r["warning"] for r in rows), "rows": rows}


# ---- the points where an atom changes ------------------------------------------------

def _points(program: ir.Program, formulas, values, grows: frozenset[str]) -> list[int]:
    """Every k >= 1 where an atom of the formulas may hold otherwise than at k - 1, and 1
    (`growth`); none that would take a given input out of its range."""
    most = min((math.floor(ceiling - values[name]) for name, ceiling in growth.ceilings(program, grows)
                if values[name] is not None), default=None)
    points = {1}
    for flip in growth.flips(formulas, grows):
        root = flip.at(values)
        if root is not None:
            points.update(k for k in (math.floor(root), math.floor(root) + 1) if k >= 1)
    return sorted(k for k in points if most is None or k <= most)


def _first(points, worse) -> int | None:
    for k in points:
        if worse(k):
            return k
    return None


# ---- sellers ---------------------------------------------------------------------------

def _with_wholes(program: ir.Program, name: str) -> frozenset[str]:
    """The input and every total it is part of, which grow with it."""
    return frozenset(growth.chain(program, name))


def _grown(values, grows, k):
    return {name: (value + k if name in grows and value is not None else value) for name, value in values.items()}


def _given(values) -> dict:
    return {name: _plain(value) for name, value in values.items() if value is not None}


def _plain(value):
    return value.numerator if isinstance(value, Fraction) and value.denominator == 1 else value


def _decide(evaluate, values, grows, k, region) -> dict:
    return evaluate(_given(_grown(values, grows, k)), region)


def _worse(after: dict, before: dict) -> bool:
    """More points, a warning where there was none, or a tighter order volume limit:
    one a lower share of the basis than every limit before, or as low and longer."""
    if after["points"] > before["points"] or (after["warning"] and not before["warning"]):
        return True
    limits_before = [_limit(row["limit"]) for row in before["rows"] if row["limit"]]
    return any(all(growth.tighter(limit, other) for other in limits_before)
               for limit in (_limit(row["limit"]) for row in after["rows"] if row["limit"]))


def _limit(limit: dict) -> ir.LimitIR:
    """A decision's limit as the IR's, for `growth.tighter`."""
    return ir.LimitIR(days=limit["days"], percent=Fraction(str(limit["percent"])), basis=limit["basis"])


def _value(program: ir.Program, rule: ir.RuleIR, values) -> str | None:
    """The rule's metric as a finding writes it (`5/42`, `12`), None without one."""
    metric = program.metric(rule.metric) if rule.metric else None
    if metric is not None and metric.combine is not None:  # a sum, max or min: its value in words
        value = Meaning(program).value(metric.name, values)
        if value is None:
            return None
        return portable._combined_text(value, metric.kind == "rate") + explain.value_suffix(program, metric.name)
    if metric is None or values[metric.numerator] is None:
        return None
    if metric.denominator is None:
        return portable._decimal_text(_plain(values[metric.numerator]))
    if values[metric.denominator] is None:
        return None
    return f"{_plain(values[metric.numerator])}/{_plain(values[metric.denominator])}"


def _row(rule: ir.RuleIR, table: str | None, index: int) -> tuple[ir.TableIR, int]:
    """The table of a row that fired, and the row's position in it."""
    return next((t, position) for t in rule.tables if t.name == table
                for position, row in enumerate(t.rows) if row.index == index)


def _interpreted(program: ir.Program) -> Evaluate:
    return lambda metrics, region: interpreter.evaluate(program, metrics, region)
