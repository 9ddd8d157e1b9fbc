"""Test helpers for the evaluator: the two engines that must agree, and case tables.

`interpreted(program)` and `compiled(program)` are both functions
`(metrics, region, lang="en") -> decision dict`; the compiled one runs a module
generated in memory from the same IR, as `tspol compile` would write it.
"""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

CASES = Path(__file__).resolve().parent / "cases"


def compiled_module(program):
    from tspol.compiler.cache import load_source
    from tspol.compiler.pygen import generate

    return load_source(generate(program), "<tspol test policy>")


def interpreted(program):
    from tspol.runtime.interpreter import evaluate

    def run(metrics, region, lang="en"):
        return evaluate(program, metrics, region, lang)

    return run


def read_cases(name: str) -> list[dict]:
    with open(CASES / name, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def fired(decision: dict) -> list[str]:
    """`late_dispatch#3`, `late_dispatch/limits#1`: the rows a decision says fired."""
    return [f"{v['rule']}{'/' + v['table'] if v['table'] else ''}#{v['row']}" for v in decision["violations"]]


# ---- what the policy says, read from the IR

def rate_bounds(program) -> dict[str, set[Fraction]]:
    """Every bound a rate metric is compared with, in any region."""
    bounds: dict[str, set[Fraction]] = {m.name: set() for m in program.metrics if m.denominator}
    for metric in program.metrics:
        if metric.denominator and metric.standard is not None:
            bounds[metric.name].update(b for b in (metric.standard.lo, metric.standard.hi) if b is not None)
    for region in program.regions:
        for rule in region.rules:
            for table in rule.tables:
                for row in table.rows:
                    for name, interval in (part for box in row.boxes for part in box):
                        if name in bounds:
                            bounds[name].update(b for b in (interval.lo, interval.hi) if b is not None)
    return bounds


def count_bounds(program) -> dict[str, set[int]]:
    """Every whole-number bound of a count input (rows and `only if`)."""
    counts = {i.name: set() for i in program.inputs if i.kind == "count"}
    boxes = [m.only_if for m in program.metrics]
    boxes += [box for region in program.regions for rule in region.rules
              for table in rule.tables for row in table.rows for box in row.boxes]
    for box in boxes:
        for name, interval in box:
            if name in counts:
                counts[name].update(int(b) for b in (interval.lo, interval.hi) if b is not None)
    return counts


def boundary_sellers(program):
    """For each rate bound p/q: sellers exactly on it and one count either side, at several scales."""
    counts = count_bounds(program)
    for metric in program.metrics:
        if not metric.denominator:
            continue
        for bound in sorted(rate_bounds(program)[metric.name]):
            for k in (1, 2, 3, 5, 7, 12, 40, 101):
                total = bound.denominator * k
                for part in (bound.numerator * k - 1, bound.numerator * k, bound.numerator * k + 1):
                    if 0 <= part <= total:
                        yield {metric.numerator: part, metric.denominator: total}
        for edge in sorted(counts[metric.numerator]):
            for part in (edge - 1, edge, edge + 1):
                for total in {part, 2 * part, 4 * part, 10 * part, 40 * part + 1} - {0}:
                    if part >= 0:
                        yield {metric.numerator: part, metric.denominator: total}
        for edge in sorted(counts[metric.denominator]):
            for total in (edge - 1, edge, edge + 1):
                if total >= 0:
                    yield {metric.numerator: total // 50, metric.denominator: total}
