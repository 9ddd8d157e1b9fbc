"""Lower a checked `Pack` to the IR `Program`.

The pack has been checked, so every name resolves and every literal has the
right unit; lowering only makes things explicit: boxes instead of comparison
chains (a row with `or` or `not` is several: `tspol.dsl.pack.condition_boxes`; a
comparison with a param is one for each of its cases in the region:
`tspol.dsl.params`), whole days and points instead of literals, one `RuleIR` per region.
A row on a metric with an `only if` condition gets that condition in its box,
so each box says everything about when its row can fire.
"""

from __future__ import annotations

from fractions import Fraction

from tspol.dsl import ast
from tspol.dsl.formatter import comparison_text, condition_text, row_text
from tspol.dsl.intervals import Interval
from tspol.dsl.pack import Pack, condition_bounds, condition_boxes
from tspol.dsl.params import case_guards, without_params
from tspol.compiler import ir


def lower(pack: Pack) -> ir.Program:
    only_ifs = {name: _only_if_box(pack, m) for name, m in pack.metrics.items()}
    return ir.Program(
        name=pack.name,
        version=pack.version,
        effective=pack.effective,
        source_hash=pack.source_hash,
        titles=_texts(pack.policy),
        inputs=tuple(_input(pack, i) for i in pack.inputs.values()),
        metrics=tuple(_metric(pack, m, only_ifs[m.name.value]) for m in pack.metrics.values()),
        bases=tuple(_basis(b) for b in pack.bases.values()),
        regions=tuple(
            ir.RegionIR(name, _texts(region),
                        tuple(_rule(pack, rule, name, only_ifs) for rule in pack.rules_in(name)), **_docs(region))
            for name, region in pack.regions.items()
        ),
        ledger=_ledger(pack.ledger) if pack.ledger else None,
        appeals=_appeals(pack.appeals) if pack.appeals else None,
        holds=tuple(_hold(h) for h in pack.holds.values()),
        measures=tuple((name, _texts(m)) for name, m in pack.measures.items()),
        reasons=tuple(_reason(r) for r in pack.reasons.values()),
        categories=tuple((name, _texts(c)) for name, c in pack.categories.items()),
        **_docs(pack.policy),
        measure_docs=tuple(ir.DocsIR(name, **_docs(m)) for name, m in pack.measures.items()),
        category_docs=tuple(ir.DocsIR(name, **_docs(c)) for name, c in pack.categories.items()),
        levels=tuple(_level_set(s) for s in pack.level_sets.values()),
    )


def _level_set(decl: ast.LevelSet) -> ir.LevelSetIR:
    return ir.LevelSetIR(decl.name.value, tuple(level.name.value for level in decl.levels),
                         decl.first(ast.LevelDefault).name.value, _texts(decl),
                         tuple(_texts(level) for level in decl.levels))


def _texts(decl, kind: str = "name") -> ir.Texts:
    return ir.Texts(en=decl.text(kind, "en"), zh=decl.text(kind, "zh"))


def _docs(decl) -> dict:
    """A declaration's description and example texts, as IR fields."""
    return {"descriptions": _texts(decl, "description"),
            "examples": tuple((t.lang.value, t.value) for t in decl.texts if t.kind == "example")}


def _direction(decl) -> str | None:
    direction = decl.first(ast.Direction)
    return direction.worse if direction else None


def _whole(q: ast.Quantity) -> int:
    return int(q.value)


def _days(q: ast.Quantity) -> int:
    return int(q.days())


def _input(pack: Pack, decl: ast.Input) -> ir.InputIR:
    part = decl.first(ast.PartOf)
    return ir.InputIR(
        name=decl.name.value, kind=decl.type.kind,
        unit=decl.type.unit.value if decl.type.unit else None,
        part_of=part.whole.value if part else None, worse=_direction(decl),
        names=_texts(decl), span=decl.span, **_docs(decl))


def _only_if_box(pack: Pack, decl: ast.Metric) -> ir.Box:
    box: dict[str, Interval] = {}
    for only_if in decl.items_of(ast.OnlyIf):
        for name, interval in condition_bounds(only_if.condition, pack.quantities).items():
            box[name] = box.get(name, Interval.everything()).intersect(interval)
    return tuple(box.items())


def _metric(pack: Pack, decl: ast.Metric, only_if: ir.Box) -> ir.MetricIR:
    quantity = pack.quantities[decl.name.value]
    standard = decl.first(ast.Standard)
    interval, text = None, ""
    if standard is not None:
        interval = condition_bounds(standard.condition, pack.quantities)[decl.name.value]
        text = _standard_text(standard.condition, decl.name.value)
    combined = _combination(pack, decl)
    return ir.MetricIR(
        name=decl.name.value, kind=quantity.kind, numerator="" if combined else decl.numerator.value,
        denominator=decl.denominator.value if decl.denominator else None, unit=quantity.unit,
        worse=_direction(decl), standard=interval, standard_text=text, only_if=only_if,
        only_if_text=" and ".join(condition_text(o.condition) for o in decl.items_of(ast.OnlyIf)),
        names=_texts(decl), span=decl.span, **_docs(decl), **combined)


# ---- arithmetic on metrics (issue 11)

def _combination(pack: Pack, decl: ast.Metric) -> dict:
    """The IR fields of a sum, max or min: each term flattened to a ratio of inputs."""
    if decl.combination is None:
        return {}
    terms = []
    for term in decl.combination.terms:
        other = pack.metrics.get(term.name.value)
        numerator = other.numerator.value if other is not None else term.name.value
        denominator = other.denominator.value if other is not None and other.denominator else None
        weight = Fraction(1) if term.weight is None else term.weight.value
        terms.append(ir.TermIR(weight, term.name.value, numerator, denominator))
    return {"combine": decl.combination.operation, "terms": tuple(terms)}


def _standard_text(condition: ast.Condition, name: str) -> str:
    """`LDR < 4%` is shown as `< 4%`; a range keeps its name: `10% <= X < 20%`."""
    parts = []
    for c in condition.comparisons:
        if len(c.operands) == 2 and isinstance(c.operands[0], ast.Name):
            parts.append(comparison_text(c)[len(name) + 1:])
        else:
            parts.append(comparison_text(c))
    return " and ".join(parts)


def _basis(decl: ast.Basis) -> ir.BasisIR:
    rounding = decl.first(ast.Rounding)
    return ir.BasisIR(decl.name.value, decl.source.value, rounding.mode, _texts(decl), **_docs(decl))


def _rule(pack: Pack, rule: ast.Rule, region: str, only_ifs: dict[str, ir.Box]) -> ir.RuleIR:
    on = rule.first(ast.OnMetric)
    reason = rule.first(ast.ReasonRef)
    tables = tuple(
        ir.TableIR(t.name.value if t.name else None, t.hit_policy,
                   tuple(_row(pack, rule, region, row, row.number or i, only_ifs)
                         for i, row in enumerate(t.rows, 1)),
                   span=t.span)
        for t in rule.tables)
    may = tuple(n.value for m in rule.items_of(ast.May) for n in m.names)
    return ir.RuleIR(
        name=rule.name.value, region=region, metric=on.name.value if on and on.name.value in pack.metrics else None,
        reason=reason.name.value if reason else None, tables=tables, may=may,
        names=_texts(rule), span=rule.span, where=pack.where(rule.span), **_docs(rule),
        cadence=_cadence(rule.first(ast.Cadence)))


def _cadence(cadence: ast.Cadence | None) -> ir.CadenceIR | None:
    """Issue 11, evaluation cadence: the weekday counted from Monday, 0, or the day of the month."""
    if cadence is None:
        return None
    if cadence.period == "weekly":
        return ir.CadenceIR("weekly", ast.WEEKDAYS.index(cadence.weekday.value))
    if cadence.period == "monthly":
        return ir.CadenceIR("monthly", int(cadence.day.value))
    return ir.CadenceIR("daily", None)


def _row(pack: Pack, rule: ast.Rule, region: str, row: ast.Row, index: int,
         only_ifs: dict[str, ir.Box]) -> ir.RowIR:
    if row.otherwise:  # the rule's metric with any value (the checker made sure it has one)
        boxes = _has_value(pack, rule.first(ast.OnMetric).name.value, region)
    else:  # a param's or windowed metric's cases are the region's (tspol.dsl.params)
        boxes = condition_boxes(without_params(row.condition, pack.cased, region), pack.quantities)
    for box in boxes:
        for name in list(box):
            for input_name, interval in only_ifs.get(name, ()):
                box[input_name] = box.get(input_name, Interval.everything()).intersect(interval)
    points, warning, limit, measures, levels = 0, False, None, [], []
    for action in row.actions:
        if isinstance(action, ast.Points):
            points = _whole(action.amount)
        elif isinstance(action, ast.WarningAction):
            warning = True
        elif isinstance(action, ast.Limit):
            limit = ir.LimitIR(_days(action.days), Fraction(action.percent.value), action.basis.value)
        elif isinstance(action, ast.LevelAction):
            levels.append((action.set.value, action.level.value))
        else:
            measures.append(action.name.value)
    return ir.RowIR(index=index, boxes=tuple(tuple(box.items()) for box in boxes), points=points, warning=warning,
                    limit=limit, measures=tuple(measures), text=row_text(row), span=row.span,
                    where=pack.where(row.span), otherwise=row.otherwise, levels=tuple(levels))


def _has_value(pack: Pack, name: str, region: str) -> list[ir.Box]:
    """Where a metric has a value: anywhere its own does; a windowed metric, where a case
    is the first that holds and the metric it names has a value."""
    if name not in pack.windows:
        return [{name: Interval.everything()}]
    boxes = []
    for guard, case in case_guards(pack.windows[name], region):
        for box in condition_boxes(guard, pack.quantities):
            box.setdefault(case.value.value, Interval.everything())
            boxes.append(box)
    return boxes


def _ledger(ledger: ast.Ledger) -> ir.LedgerIR:
    expiry = ledger.first(ast.Expiry)
    deactivation = ledger.first(ast.Deactivation)
    margin = ledger.first(ast.WarningMargin)
    crossing = ledger.first(ast.Crossing)
    return ir.LedgerIR(
        expiry_days=_days(expiry.after) if expiry else None,
        deactivate_at=_whole(deactivation.points) if deactivation else None,
        freeze_when_deactivated=ledger.first(ast.Freeze) is not None,
        warning_margin=_whole(margin.points) if margin else None,
        crossing=crossing.mode if crossing else "highest",  # required by the checker with 2+ thresholds
        linked_accounts_share=ledger.first(ast.Linked) is not None,
        thresholds=tuple(
            ir.ThresholdIR(_whole(t.points),
                           tuple((m.measure.value, _days(m.duration) if m.duration is not None else None)
                                 for m in t.measures),
                           tuple((m.measure.value, _days(m.extension.by)) for m in t.measures if m.extension),
                           tuple((m.measure.value, m.lasts.metric.value) for m in t.measures
                                 if isinstance(m.lasts, ast.UntilWithin)),
                           tuple(m.measure.value for m in t.measures if isinstance(m.lasts, ast.WhileLevel)))
            for t in ledger.items_of(ast.Threshold)),
        reset=_reset(ledger.first(ast.Reset)),
        repeat=_repeat(ledger.first(ast.Repeat)),
        score=_score(ledger),
    )


# -- a more general ledger (issue 11): signed scores
def _score(ledger: ast.Ledger) -> ir.ScoreIR | None:
    score = ledger.first(ast.Score)
    if score is None:
        return None
    regain, floor = ledger.first(ast.Regain), ledger.first(ast.ScoreDeactivation)
    start = _whole(score.start)
    return ir.ScoreIR(start, _whole(score.cap) if score.cap is not None else start,
                      _whole(regain.points) if regain else None, _days(regain.every) if regain else None,
                      _whole(floor.score) if floor else None)


# -- a more general ledger (issue 11): calendar resets
def _reset(reset: ast.Reset | None) -> ir.ResetIR | None:
    if reset is None:
        return None
    if reset.day is not None:
        return ir.ResetIR(reset.period, _whole(reset.day), None, None)
    nth = {word: n for n, word in ir.NTH_WORDS.items()}[reset.nth]
    return ir.ResetIR(reset.period, None, nth, ir.WEEKDAYS.index(reset.weekday))


# -- a more general ledger (issue 11): repeats
def _repeat(repeat: ast.Repeat | None) -> ir.RepeatIR | None:
    if repeat is None:
        return None
    return ir.RepeatIR(_days(repeat.within), _whole(repeat.adds) if repeat.adds is not None else None)


def _appeals(appeals: ast.Appeals) -> ir.AppealsIR:
    return ir.AppealsIR(
        attempts=_whole(appeals.first(ast.Attempts).count),
        first_within_days=_days(appeals.first(ast.FirstWindow).within),
        next_within_days=_days(appeals.first(ast.NextWindow).within),
    )


def _hold(hold: ast.Hold) -> ir.HoldIR:
    period = hold.first(ast.HoldPeriod)
    end = hold.first(ast.HoldEnd)
    return ir.HoldIR(
        name=hold.name.value,
        reasons=tuple(n.value for f in hold.items_of(ast.HoldFor) for n in f.reasons),
        shortest_days=_days(period.shortest), longest_days=_days(period.longest),
        ends_at=end.mode,
        outcomes=tuple(
            ir.HoldOutcomeIR(o.outcome, _days(o.appeal_within) if o.appeal_within is not None else None,
                             _days(o.release_within) if o.action == "release" else None)
            for o in hold.items_of(ast.HoldOutcome)),
        names=_texts(hold), **_docs(hold))


def _reason(reason: ast.Reason) -> ir.ReasonIR:
    points = reason.first(ast.ReasonPoints)
    stated = reason.first(ast.ReasonRange)
    return ir.ReasonIR(
        name=reason.name.value, category=reason.category.value,
        points="stated" if stated else points.source if points else None,
        may=tuple(n.value for m in reason.items_of(ast.May) for n in m.names),
        names=_texts(reason), **_docs(reason),
        points_range=tuple(int(q.value) for q in stated.bounds) if stated else None)
