"""The reference semantics: a decision straight from the IR, in exact rationals.

`evaluate(program, metrics, region, lang)` returns the decision dict (the one
`tspol eval --format json` prints). A compiled module must return the same dict for
the same arguments (the differential tests hold it to that); this module is
written for obviousness, not speed. When a quantity has a value and when a row
matches is read from `tspol.compiler.meaning`, as every engine reads it.

For each rule of the region, in order:
- each quantity the rule depends on is defined, or reported in
  `not_applicable`: its inputs are not given, its `only if` does not hold
  (D11), or it is a rate whose denominator is 0 (D4);
- the rule's metric, when defined and outside its standard, is a finding;
- each table fires the rows that `meaning.fires` says: a row matches where,
  for one of its boxes, every quantity is defined and inside the box (an
  `otherwise` row where its metric is defined and no other row matches); the
  first matching row of an exclusive or `first` table fires (D5), every
  matching row of an `all` table. A row scores its points (0 for a plain warning row, D6);
  an order volume limit gets its daily cap when the basis input is given (D9);
- the rule's discretionary measures (`may`) may follow when one of its rows
  fired, or, for a rule without tables, when its metric is outside its standard.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from fractions import Fraction

from tspol.compiler import explain, ir
from tspol.compiler.meaning import ABSENT, ONLY_IF, Meaning, holds
from tspol.compiler.portable import _absent_text, _combined_text, _decimal_text, _rate_text, _unknown_language
from tspol.runtime.decision import lean
from tspol.runtime.metrics import MetricsError, Value, check_region, read_metrics

_meanings: dict[int, tuple[ir.Program, Meaning]] = {}


def _meaning(program: ir.Program) -> Meaning:
    """The meaning of a program, built once per program (a batch decides many sellers)."""
    found = _meanings.get(id(program))
    if found is None or found[0] is not program:
        if len(_meanings) >= 16:
            _meanings.clear()
        found = _meanings[id(program)] = (program, Meaning(program))
    return found[1]


def evaluate(program: ir.Program, metrics: Mapping, region: str, lang: str = "en") -> dict:
    check_language(lang)
    region_ir = check_region(program, region)
    values = read_metrics(program, metrics)
    return _Evaluation(program, values, lang).decide(region_ir)


def decide(program: ir.Program, metrics: Mapping, region: str) -> dict:
    """The lean decision: what a compiled module's `decide` returns."""
    return lean(evaluate(program, metrics, region))


def check_language(lang: object) -> None:
    """MetricsError (code E609, key `lang`) naming the languages, as a compiled module raises."""
    if lang not in explain.LANGS:
        raise MetricsError.from_portable(_unknown_language(lang, explain.LANGS))


def percent_json(percent: Fraction) -> int | str:
    """A limit's percent in JSON: a whole number as a number, else an exact decimal string."""
    return percent.numerator if percent.denominator == 1 else _decimal_text(percent)


class _Evaluation:
    def __init__(self, program: ir.Program, values: dict[str, Value], lang: str):
        self.program = program
        self.meaning = _meaning(program)
        self.values = values
        self.lang = lang

    # ---- quantities
    def status(self, name: str) -> tuple[str | None, object]:
        """(None, value) when defined, else (why not, detail): the meaning's first cause."""
        why = self.meaning.cause(name, self.values)
        if why == ABSENT:
            return ABSENT, [n for n in self.program.needs(name) if self.values[n] is None]
        if why is not None:
            return why, None
        return None, self.meaning.value(name, self.values)

    def shown(self, name: str) -> str:
        """A defined quantity's value as a decision writes it: `30% (12/40)`, `45min`."""
        metric = self.program.metric(name)
        if metric is not None and metric.combine is not None:
            value = self.meaning.value(name, self.values)
            return _combined_text(value, metric.kind == "rate") + explain.value_suffix(self.program, name)
        if metric is not None and metric.denominator is not None:
            return _rate_text(self.values[metric.numerator], self.values[metric.denominator])
        value = self.values[metric.numerator if metric else name]
        return _decimal_text(value) + explain.value_suffix(self.program, name)

    def finding_value(self, metric: ir.MetricIR) -> str:
        if metric.denominator is not None:
            return f"{self.values[metric.numerator]}/{self.values[metric.denominator]}"
        return self.shown(metric.name)

    def not_applicable(self, rule: ir.RuleIR, name: str, why: str, detail) -> dict:
        metric = self.program.metric(name)
        if why == ABSENT:
            reason = _absent_text(self.lang, detail)
        elif why == ONLY_IF:
            template = explain.only_if_template(self.program, metric, self.lang)
            reason = template.format(**{n: self.shown(n) for n, _ in metric.only_if})
        else:
            reason = explain.zero_text(metric, self.lang)
        return {"rule": rule.name, "metric": name, "cause": why, "reason": reason}

    # ---- rows
    def fired(self, table: ir.TableIR) -> list[ir.RowIR]:
        return [row for position, row in enumerate(table.rows)
                if holds(self.meaning.fires(table, position), self.values)]

    def limit(self, limit: ir.LimitIR) -> dict:
        out = {"days": limit.days, "percent": percent_json(limit.percent), "basis": limit.basis}
        basis = self.program.basis(limit.basis)
        base = self.values[basis.input]
        if base is not None:
            share = limit.percent / 100 * base
            out["daily_cap"] = math.floor(share) if basis.rounding == "down" else math.ceil(share)
        return out

    def violation(self, rule: ir.RuleIR, table: ir.TableIR, row: ir.RowIR) -> dict:
        limit = self.limit(row.limit) if row.limit else None
        box = self.meaning.explained_by(row, self.values)
        fields = {name: self.shown(name) for name in explain.because_quantities(row, box)}
        if limit is not None:
            cap = limit.get("daily_cap")
            fields["cap"] = "" if cap is None else explain.CAP[self.lang].format(cap)
        because = explain.because_template(self.program, rule, table, row, self.lang, box).format(**fields)
        return {"rule": rule.name, "table": table.name, "row": row.index, "points": row.points,
                "warning": row.warning, "limit": limit, "measures": list(row.measures),
                "where": row.where, "because": because}

    # ---- the decision
    def decide(self, region: ir.RegionIR) -> dict:
        violations, findings, not_applicable, discretionary, fired_rows = [], [], [], [], []
        for rule in region.rules:
            defined = True
            for name in self.program.rule_quantities(rule):
                why, detail = self.status(name)
                if why is not None:
                    not_applicable.append(self.not_applicable(rule, name, why, detail))
                    defined = defined and name != rule.metric
            outside = False
            metric = self.program.metric(rule.metric) if rule.metric else None
            if metric is not None and defined and metric.standard is not None:
                outside = holds(self.meaning.outside_standard(metric), self.values)
                if outside:
                    findings.append({"rule": rule.name, "metric": metric.name,
                                     "value": self.finding_value(metric), "standard": metric.standard_text})
            fired = False
            for table in rule.tables:
                for row in self.fired(table):
                    violations.append(self.violation(rule, table, row))
                    fired_rows.append(row)
                    fired = True
            if rule.may_follow(fired, outside):
                discretionary.append({"rule": rule.name, "measures": list(rule.may)})
        decision = {
            "region": region.name,
            "points": sum(v["points"] for v in violations),
            "warning": any(v["warning"] for v in violations),
            "violations": violations,
            "findings": findings,
            "not_applicable": not_applicable,
            "discretionary": discretionary,
        }
        levels = self.program.decided_levels(fired_rows)
        if levels is not None:
            decision["levels"] = levels
        return decision
