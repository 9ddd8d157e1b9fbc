"""Benchmark the table analysis, the semantic diff and the boundary sellers.

    python bench/bench_analysis.py [--rows 200] [--repeat 5]

Times, in the same run, the best of `--repeat` runs of:

- baseline: reading, parsing, checking and lowering the bundled pack (what every
  command pays before it analyses anything);
- the analysis of the pack (what `tspol check` adds), the coverage map included;
- a diff of the pack with an edited copy of it, and the boundary sellers of the pack;
- the analysis of generated tables of 50, 100 and `--rows` rows in place of the US
  late dispatch table: bands of LDR with `late_orders >= 5` (one bound per row on
  one axis), and a staircase whose every row also has its own count bound (two
  axes of `--rows` bounds each, so `--rows`^2 cells);

and prints each time with its ratio to the baseline. Targets: the pack well under
1 s, a table of 200 rows well under 5 s. A person runs this; it is never part of
the test run.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from fractions import Fraction
from pathlib import Path

import attrs

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tspol.compiler import ir  # noqa: E402
from tspol.compiler.analysis import analyze_program  # noqa: E402
from tspol.compiler.cases import boundary_cases  # noqa: E402
from tspol.compiler.lower import lower  # noqa: E402
from tspol.compiler.semdiff import diff_programs  # noqa: E402
from tspol.diagnostics import Span  # noqa: E402
from tspol.dsl.intervals import Interval  # noqa: E402
from tspol.dsl.loader import bundled_pack_path, load_pack  # noqa: E402


def best(repeat: int, run) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def generated_table(rows: int, staircase: bool) -> ir.TableIR:
    out = []
    for i in range(rows):
        lo, hi = Fraction(i, rows), Fraction(i + 1, rows)
        late = Interval.at_least(Fraction(i if staircase else 5))
        box = (("LDR", Interval(lo, True, hi, False) if i + 1 < rows else Interval.at_least(lo)),
               ("late_orders", late))
        span = Span("generated.pol", i + 1, 5, i + 1, 60)
        out.append(ir.RowIR(index=i + 1, boxes=(box,), points=1 + i * 8 // rows, warning=False, limit=None,
                            measures=(), text=f"row {i + 1}", span=span, where=f"generated.pol:{i + 1}"))
    return ir.TableIR(None, "exclusive", tuple(out), span=Span("generated.pol", 1, 1, 1, 1))


def three_metric_table() -> ir.TableIR:
    """80 rows: every band of LDR (4) by every band of SFCR (4) by every band of NRR (5),
    points adding up the bands, so that the table covers its space without overlap."""
    def bands(cuts):
        cuts = [Fraction(c, 1000) for c in cuts]
        return [Interval(lo, True, hi, False) for lo, hi in zip(cuts, cuts[1:])] + [Interval.at_least(cuts[-1])]

    axes = (("LDR", bands([0, 100, 250, 500])), ("SFCR", bands([0, 25, 100, 500])),
            ("NRR", bands([0, 7, 20, 50, 100])))
    out = []
    for index, choice in enumerate(itertools.product(*(range(len(b)) for _, b in axes)), 1):
        box = tuple((name, b[i]) for (name, b), i in zip(axes, choice))
        span = Span("generated.pol", index, 5, index, 60)
        out.append(ir.RowIR(index=index, boxes=(box,), points=sum(choice), warning=False, limit=None, measures=(),
                            text=f"row {index}", span=span, where=f"generated.pol:{index}"))
    return ir.TableIR(None, "exclusive", tuple(out), span=Span("generated.pol", 1, 1, 1, 1))


def with_table(program: ir.Program, table: ir.TableIR) -> ir.Program:
    region = program.region("US")
    rules = tuple(attrs.evolve(r, tables=(table,)) if r.name == "late_dispatch" else r for r in region.rules)
    return attrs.evolve(program, regions=(attrs.evolve(region, rules=rules),))


def edited_copy(program: ir.Program) -> ir.Program:
    """The pack with the US/SEA 10-25% LDR row widened to 30% (an overlap)."""
    def widen(rule: ir.RuleIR) -> ir.RuleIR:
        if rule.name != "late_dispatch" or rule.region == "UK":
            return rule
        table = rule.tables[0]
        row = table.rows[1]
        box = tuple((n, Interval(i.lo, True, Fraction(3, 10), False) if n == "LDR" else i) for n, i in row.box)
        rows = (table.rows[0], attrs.evolve(row, boxes=(box,)), *table.rows[2:])
        return attrs.evolve(rule, tables=(attrs.evolve(table, rows=rows),))

    regions = tuple(attrs.evolve(g, rules=tuple(widen(r) for r in g.rules)) for g in program.regions)
    return attrs.evolve(program, regions=regions)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    path = bundled_pack_path()
    program = lower(load_pack(path))
    edited = edited_copy(program)
    results = [("baseline: load, check and lower the pack", best(args.repeat, lambda: lower(load_pack(path))))]
    results.append(("analysis of the pack (tspol check's tables)", best(args.repeat, lambda: analyze_program(program))))
    results.append(("diff of the pack with an edited copy", best(args.repeat, lambda: diff_programs(program, edited))))
    results.append(("boundary sellers of the pack", best(args.repeat, lambda: boundary_cases(program))))
    three = with_table(program, three_metric_table())
    results.append(("analysis of an 80-row table over three metrics",
                     best(max(1, args.repeat // 2), lambda: analyze_program(three, rule="late_dispatch",
                                                                           region="US"))))
    sizes = sorted({50, 100, args.rows, 2 * args.rows})
    growth = {}
    for staircase in (False, True):
        for rows in sizes:
            generated = with_table(program, generated_table(rows, staircase))
            shape = "staircase, 2 axes of bounds" if staircase else "bands, 1 axis of bounds"
            seconds = best(max(1, args.repeat // 2),
                           lambda: analyze_program(generated, rule="late_dispatch", region="US"))
            results.append((f"analysis of {rows} generated rows ({shape})", seconds))
            growth[(staircase, rows)] = seconds

    baseline = results[0][1]
    width = max(len(name) for name, _ in results)
    print(f"{'':{width}}  {'time':>10}  {'x baseline':>10}")
    for name, seconds in results:
        print(f"{name:{width}}  {seconds * 1000:>8.1f}ms  {seconds / baseline:>10.2f}")
    for staircase in (False, True):
        shape = "staircase" if staircase else "bands"
        print(f"growth, {shape}: {args.rows} -> {2 * args.rows} rows takes "
              f"{growth[(staircase, 2 * args.rows)] / growth[(staircase, args.rows)]:.2f}x the time "
              "(2x is linear, 4x quadratic)")
    print(f"\nproblems found in the {args.rows}-row staircase:",
          len(analyze_program(with_table(program, generated_table(args.rows, True)),
                              rule="late_dispatch", region="US").problems))


if __name__ == "__main__":
    main()
