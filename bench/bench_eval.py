"""Benchmark: how fast tspol decides, against baselines measured in the same run.

    python bench/bench_eval.py                  # everything (1,000,000 JSON Lines)
    python bench/bench_eval.py --lines 100000   # a quicker throughput run
    python bench/bench_eval.py --only decisions # or: throughput, startup

Prints, with ratios against a baseline of the same run:
1. per decision (US sellers of the bundled pack, every input given): the
   compiled module, the interpreter, a hand-written Python function returning
   the same dict (bench/handwritten.py, checked equal first), and the per-call
   engines a user might pick instead, where they install (zen-engine,
   rule-engine: `pip install -e '.[bench]'`), each given the same job as tspol
   two ways: the two US tier tables, beside tspol compiling the policy cut
   down to those two rules; and every US rule (its tier rows and the finding
   of its standard), beside tspol's full decision. Each engine gets one
   expression per table translated from the IR, the quickest way found to
   use it (for zen: an expression node, called through a loader of
   pre-compiled ZenDecisionContent, as its documentation advises for speed;
   a decision-table node per table, or create_decision().evaluate, is several
   times slower), and is first checked to decide as tspol does on every timed
   seller, sellers with a zero denominator and the boundary sellers of
   `tspol cases`. A tspol decision does more: it validates its input and
   carries explanations, daily caps, metrics not applicable and measures;
2. throughput of `tspol eval --format json` on JSON Lines of whole sellers and
   of three-field sellers (with its default processes, and with `--jobs 1`),
   beside a bare `json.loads`/`json.dumps` loop over the same file and beside
   the writer before the module wrote JSON itself (`DICT_WRITER`);
3. start-up: `tspol eval` of one seller (compiled policy cached) and
   `tspol check`: of the bundled pack (its diagnostics cached, and with no
   cache at all) and, for the start alone, of a pack of one file with no cache;
   beside `python -c "import lark, click"`.

Subprocesses run with bytecode caching on (PYTHONDONTWRITEBYTECODE removed) and
after a warm-up, as an installed tspol would. Timings are the best of several
rounds; no run asserts anything about time.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import tspol  # noqa: E402
from handwritten import decide_us, tiers_us  # noqa: E402
from tspol.compiler.cache import load_source  # noqa: E402
from tspol.compiler.meaning import atoms  # noqa: E402
from tspol.compiler.pygen import CodeGenerator, generate, rows_outside_standard  # noqa: E402
from tspol.dsl.intervals import Interval  # noqa: E402
from tspol.runtime import decision, interpreter  # noqa: E402


# ---- sellers ---------------------------------------------------------------------

def seller(rng: random.Random, index: int) -> dict:
    """A US seller with every input: most meet the standards, some fall in each tier."""
    orders = rng.randint(1, 600)

    def part_of(total: int, good: float) -> int:
        if rng.random() < good:
            return rng.randint(0, total * 3 // 100)
        return rng.randint(0, total)

    buyer_messages = rng.randint(1, 400)
    replied_48h = buyer_messages - part_of(buyer_messages, 0.8) // 4
    orders_30d = rng.randint(20, 2500)
    requests = rng.randint(1, 80)
    disputes = rng.randint(1, 120)
    return {
        "seller_id": f"s{index:07d}",
        "orders_7d": orders,
        "cancelled_orders": part_of(orders, 0.8),
        "late_orders": part_of(orders, 0.75),
        "avg_daily_orders_4w": round(orders / 7 * rng.uniform(0.5, 1.5), 1),
        "orders_30d": orders_30d,
        "non_cancelled_orders_30d": orders_30d - rng.randint(0, orders_30d // 20),
        "negative_reviews_30d": part_of(orders_30d, 0.9) // 10,
        "buyer_disputes_30d": disputes,
        "seller_fault_disputes_30d": part_of(disputes, 0.85),
        "seller_fault_return_requests_30d": requests,
        "resolved_return_requests_30d": requests - part_of(requests, 0.9) // 5,
        "defect_returns_30d": part_of(orders_30d, 0.9) // 5,
        "avg_first_response_minutes": rng.choice([rng.randint(1, 30), round(rng.uniform(1, 90), 1)]),
        "buyer_messages": buyer_messages,
        "replied_within_24h": max(0, replied_48h - rng.randint(0, buyer_messages // 8)),
        "replied_within_48h": replied_48h,
    }


def sellers(count: int, seed: int = 2024) -> list[dict]:
    rng = random.Random(seed)
    return [seller(rng, i) for i in range(count)]


def metrics_of(record: dict) -> dict:
    return {k: v for k, v in record.items() if k != "seller_id"}


def zero_denominator_sellers(program, metrics: dict) -> list[dict]:
    """`metrics` with each rate's denominator at 0, and the counts that are part of
    it: sellers whose rate is undefined, which an engine must not decide on."""
    sellers = []
    for metric in program.metrics:
        if metric.denominator is not None:
            parts = [i.name for i in program.inputs if i.part_of == metric.denominator]
            sellers.append(dict(metrics, **{name: 0 for name in [metric.denominator, *parts]}))
    return sellers


def boundary_sellers(program, metrics: dict) -> list[dict]:
    """The boundary sellers of `tspol cases` for US (just below, on and just above
    every row edge, standard and `only if`), their other inputs those of `metrics`
    with every count that is part of another at 0 (so that each stays valid)."""
    from tspol.compiler.cases import boundary_cases

    base = dict(metrics, **{i.name: 0 for i in program.inputs if i.part_of})
    return [dict(base, **case.metrics) for case in boundary_cases(program, "US")]


# ---- other engines, given US tables translated from the IR ---------------------------

def tier_tables(program):
    return [(rule, table) for rule in program.region("US").rules for table in rule.tables]


def engine_tables(program, whole: bool) -> list[tuple[str, str, tuple, list]]:
    """The US decision tables an engine is given: (name, hit policy, gate, rows), a row
    being (row number, box) and the gate a box that must hold before any row is tried.
    The boxes carry the conditions for their metrics to be evaluated (`only if`, and
    the denominator above 0 where the box could hold without it). A tier table whose rows all lie outside the rule's standard is
    gated by that (most sellers meet it), as tspol's module does.

    Without `whole`: the two tier tables. With `whole`: every US rule, each metric's
    standard included as a one-row table `<rule>_standard` that matches when the
    metric is outside it (a finding): the rows and findings of a tspol decision,
    without its explanations, limits, metrics not applicable or measures."""
    tables = []
    for rule in program.region("US").rules:
        metric = program.metric(rule.metric) if rule.metric else None
        pieces = metric.standard.complement() if metric is not None and metric.standard is not None else []
        if whole and pieces:
            rows = [(1, guarded(program, rule, ((metric.name, piece),))) for piece in pieces]
            tables.append((f"{rule.name}_standard", "exclusive", (), rows))
        for table in rule.tables:
            name = rule.name + (f"_{table.name}" if table.name else "")
            gate = ()
            if metric is not None and rows_outside_standard(rule, metric):  # as the module is gated
                gate = guarded(program, rule, ((metric.name, pieces[0]),))
            rows = [(row.index, row.box if gate else guarded(program, rule, row.box))
                    for row in table.rows]
            tables.append((name, table.hit, gate, rows))
    return tables


def guarded(program, rule, box):
    """`box` with the conditions for the rule's metric, and each metric the box
    names, to be defined (a row fires only where its rule's metric is defined)."""
    conditions = ()
    for quantity in dict.fromkeys([*([rule.metric] if rule.metric else []), *(q for q, _ in box)]):
        metric = program.metric(quantity)
        if metric is None:
            continue
        conditions += tuple(metric.only_if)
        if metric.denominator is not None and holds_at_zero(program, metric, box + conditions):
            conditions += ((metric.denominator, Interval(lo=Fraction(0), lo_closed=False)),)
    return conditions + tuple(box)


def holds_at_zero(program, metric, box) -> bool:
    """Whether the cross-multiplied tests of `box` could all hold with `metric`'s
    denominator at 0 (and so every count that is part of it at 0 too)."""
    zero = {metric.denominator} | {i.name for i in program.inputs if i.part_of == metric.denominator}
    for quantity, interval in box:
        if quantity == metric.name and interval.hi is not None and not interval.hi_closed:
            return False  # numerator * a < b * 0 fails for any numerator of 0 or more
        if quantity in zero and not interval.contains(Fraction(0)):
            return False
    return True


def engine_view(decision: dict, whole: bool) -> list:
    """What an engine given `engine_tables(program, whole)` must find for a seller."""
    rows = [(v["rule"] + (f"_{v['table']}" if v["table"] else ""), v["row"]) for v in decision["violations"]]
    if whole:
        rows += [(f"{f['rule']}_standard", 1) for f in decision["findings"]]
    return sorted(rows)


def table_expressions(program, tables) -> dict[str, str]:
    """One expression per table, in the syntax zen-engine and rule-engine share: the
    number of the row that fires, else null (`gate ? (c1 ? 1 : c2 ? 2 : null) : null`),
    conditions compared by integer cross-multiplication as tspol's module does."""
    generator = CodeGenerator(program)

    def tests(box) -> str:
        found = [generator.expression(atom) for quantity, interval in box
                 for atom in atoms(generator.meaning.inside(quantity, interval))]
        assert not any("_rational" in test for test in found), found  # plain arithmetic only
        return " and ".join(found) or "true"

    expressions = {}
    for name, hit, gate, rows in tables:
        if hit != "exclusive":
            raise SystemExit(f"the engines' translation decides exclusive tables only; {name} is `{hit}`")
        expression = "null"
        for index, box in reversed(rows):
            expression = f"{tests(box)} ? {index} : {expression}"
        expressions[name] = f"{tests(gate)} ? ({expression}) : null" if gate else expression
    return expressions


def zen_decision(program, tables):
    """zen-engine, called the way its documentation gives for speed (a loader of
    pre-compiled ZenDecisionContent), on a graph of one expression node with one
    expression per table (a table node per table, or one collect table, is slower)."""
    import zen

    expressions = [{"id": f"e{i}", "key": name, "value": value}
                   for i, (name, value) in enumerate(table_expressions(program, tables).items())]
    nodes = [{"id": "in", "type": "inputNode", "name": "Request", "position": {"x": 0, "y": 0}},
             {"id": "rows", "type": "expressionNode", "name": "rows", "position": {"x": 0, "y": 0},
              "content": {"expressions": expressions}},
             {"id": "out", "type": "outputNode", "name": "Response", "position": {"x": 0, "y": 0}}]
    edges = [{"id": "a", "sourceId": "in", "targetId": "rows", "type": "edge"},
             {"id": "b", "sourceId": "rows", "targetId": "out", "type": "edge"}]
    content = zen.ZenDecisionContent(json.dumps({"nodes": nodes, "edges": edges}))
    evaluate = functools.partial(zen.ZenEngine({"loader": lambda key: content}).evaluate, "us")

    def rows(answer) -> list:
        return sorted((name, int(row)) for name, row in answer["result"].items() if row is not None)

    return evaluate, rows


def rule_engine_decision(program, tables):
    """rule-engine: one Rule per table, whose `evaluate` gives the row that fires
    (a Rule per row, tried with `matches`, is slower)."""
    import rule_engine

    context = rule_engine.Context(default_value=None)
    names = list(table_expressions(program, tables))
    rules = [rule_engine.Rule(expression, context=context) for expression in table_expressions(program, tables).values()]

    def evaluate(metrics) -> list:
        return [rule.evaluate(metrics) for rule in rules]

    def rows(answer) -> list:
        return sorted((name, int(row)) for name, row in zip(names, answer) if row is not None)

    return evaluate, rows


def tier_rules_only(program):
    """The program cut down to the US rules with tier tables, and the inputs they read."""
    import attrs

    region = program.region("US")
    rules = tuple(rule for rule in region.rules if rule.tables)
    quantities = {rule.metric for rule in rules} | {
        q for rule in rules for table in rule.tables for row in table.rows for q in row.quantities}
    inputs = {name for q in quantities for name in program.needs(q)} | {
        program.basis(row.limit.basis).input for rule in rules for table in rule.tables
        for row in table.rows if row.limit}
    return attrs.evolve(program, regions=(attrs.evolve(region, rules=rules),),
                        inputs=tuple(i for i in program.inputs if i.name in inputs),
                        metrics=tuple(m for m in program.metrics if m.name in quantities))


# ---- timing ------------------------------------------------------------------------

class InRegion:
    """An engine called as `function(metrics, region)`, as a caller calls tspol's: timed
    without a lambda around it, which would cost it a Python call the others do not pay."""

    def __init__(self, function, region: str = "US"):
        self.function, self.region = function, region


def per_decision(engines: dict, data: dict, rounds: int) -> dict[str, float]:
    """Best-of-`rounds` seconds per call; engines take turns so load drift hits all alike.
    Every engine is called directly by the timing loop: `run(metrics)`, or for an
    `InRegion` engine its function `(metrics, region)`; another engine's answer is timed
    as it gives it (made comparable with tspol's only when it is checked)."""
    best = {name: float("inf") for name in engines}
    for _ in range(rounds):
        for name, run in engines.items():
            batch = data[name]
            start = time.perf_counter()
            if isinstance(run, InRegion):
                function, region = run.function, run.region
                for metrics in batch:
                    function(metrics, region)
            else:
                for metrics in batch:
                    run(metrics)
            best[name] = min(best[name], (time.perf_counter() - start) / len(batch))
    return best


def bench_decisions(args) -> None:
    policy = tspol.load()
    program = policy.program
    compiled = policy.module.evaluate
    data = [metrics_of(s) for s in sellers(args.sellers)]
    for metrics in data:
        if decide_us(metrics) != compiled(metrics, "US"):
            raise SystemExit(f"the hand-written baseline disagrees with the compiled module on {metrics}")
    few = data[: max(50, args.sellers // 10)]
    for metrics in few:
        if interpreter.evaluate(program, metrics, "US") != compiled(metrics, "US"):
            raise SystemExit(f"the interpreter disagrees with the compiled module on {metrics}")

    tier_inputs = sorted({name for rule, table in tier_tables(program) for row in table.rows
                          for quantity in row.quantities for name in program.needs(quantity)}
                         | {program.basis(row.limit.basis).input for _, table in tier_tables(program)
                            for row in table.rows if row.limit})
    tiers_only = [{k: m[k] for k in tier_inputs if k in m} for m in data]
    cut_module = load_source(generate(tier_rules_only(program)), "<tspol policy: US tier rules only>")
    cut, cut_decide = cut_module.evaluate, cut_module.decide
    for metrics, tiers in zip(data, tiers_only):
        if cut(tiers, "US")["violations"] != compiled(metrics, "US")["violations"]:
            raise SystemExit(f"the policy cut to its tier rules decides {metrics} otherwise")
        lean = cut_decide(tiers, "US")
        if lean != decision.lean(cut(tiers, "US")) or tiers_us(tiers) != (lean["points"], lean["warning"]):
            raise SystemExit(f"the lean decision or the bare if-chain decides {metrics} otherwise")
    lean_decide = policy.module.decide
    for metrics in data:
        if lean_decide(metrics, "US") != decision.lean(compiled(metrics, "US")):
            raise SystemExit(f"the lean decision of the whole policy decides {metrics} otherwise")
    engines = {
        "compiled module": InRegion(compiled),
        "compiled, tier rules only": InRegion(cut),
        "hand-written function": decide_us,
        "interpreter": InRegion(functools.partial(interpreter.evaluate, program)),
        "decide": InRegion(lean_decide),
        "decide, tier rules only": InRegion(cut_decide),
        "bare if-chain, tier tables": tiers_us,
        "Policy.evaluate_dict": InRegion(policy.evaluate_dict),
        "Policy.evaluate": InRegion(policy.evaluate),
    }
    inputs = {name: data for name in engines}
    inputs["interpreter"] = few
    for name in ("compiled, tier rules only", "decide, tier rules only", "bare if-chain, tier tables"):
        inputs[name] = tiers_only
    checked = data + zero_denominator_sellers(program, data[0]) + boundary_sellers(program, data[0])
    others = (("zen-engine", zen_decision), ("rule-engine", rule_engine_decision))
    missing = []
    for label, make in others:
        for whole, job in ((False, "the two tier tables"), (True, "every rule")):
            name = f"{label}, {job}"
            try:
                run, rows = make(program, engine_tables(program, whole))
            except ImportError:
                missing.append(label)
                break
            wrong = [m for m in checked if rows(run(m if whole else {k: m[k] for k in tier_inputs}))
                     != engine_view(compiled(m, "US"), whole)]
            if wrong:
                raise SystemExit(f"{name} decides {len(wrong)} of {len(checked)} sellers otherwise than tspol, "
                                 f"such as {wrong[0]}")
            engines[name] = run
            inputs[name] = data if whole else tiers_only
    times = per_decision(engines, inputs, args.rounds)
    base, cut_time = times["compiled module"], times["compiled, tier rules only"]
    hand = base / times["hand-written function"]
    lean_cut = times["decide, tier rules only"]
    bare = lean_cut / times["bare if-chain, tier tables"]
    faster = base / times["decide"]
    lazy = times["Policy.evaluate"] / times["Policy.evaluate_dict"]
    notes = {
        "compiled module": "tspol's full US decision",
        "compiled, tier rules only": "tspol compiling the policy cut to the two US tier rules",
        "hand-written function": f"the same dict; compiled / hand-written = {hand:.2f} "
                                 f"(target <= 1.5: {'met' if hand <= 1.5 else 'missed'})",
        "interpreter": f"{times['interpreter'] / base:.0f}x the compiled module (timed on {len(few)} sellers)",
        "decide": f"the lean decision; evaluate / decide = {faster:.2f} "
                  f"(target >= 2: {'met' if faster >= 2 else 'missed'})",
        "decide, tier rules only": f"decide / bare if-chain = {bare:.2f} (target <= 4: {'met' if bare <= 4 else 'missed'})",
        "bare if-chain, tier tables": "(points, warning) of the two tables; no validation, rows or caps",
        "Policy.evaluate": f"a Decision; / evaluate_dict = {lazy:.2f} (target <= 1.2: {'met' if lazy <= 1.2 else 'missed'})",
    }
    print(f"\n1. Per decision: {len(data)} US sellers, best of {args.rounds} rounds")
    for name, seconds in times.items():
        print(f"   {name:<34} {seconds * 1e6:9.2f} us  {notes.get(name, '')}")
    for label in missing:
        print(f"   {label:<34} {'-':>9}     not installed (pip install -e '.[bench]')")
    for label, _ in others:
        if label in missing:
            continue
        tiers = times[f"{label}, the two tier tables"] / cut_time
        every = times[f"{label}, every rule"] / base
        lean = times[f"{label}, the two tier tables"] / lean_cut
        verdict = "met" if min(tiers, every) >= 30 else "missed"
        print(f"   tspol is faster than {label} at the same job: the two tier tables {tiers:.1f}x, "
              f"every rule {every:.1f}x (target >= 30x: {verdict}); decide on the two tier tables "
              f"{lean:.1f}x (target >= 10x: {'met' if lean >= 10 else 'missed'})")
    print("   Each engine is given one expression per table, translated from the IR, and checked to find")
    print(f"   exactly the rows (and, given every rule, the findings) of tspol's decision for {len(checked)} sellers:")
    print(f"   these {len(data)}, sellers with a zero denominator, and the boundary sellers of `tspol cases`.")
    print("   A tspol decision also validates its input and carries explanations in plain words, daily caps,")
    print("   metrics not applicable and discretionary measures; the engines do not.")


# ---- subprocesses --------------------------------------------------------------------

def environment(cache: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["TSPOL_CACHE_DIR"] = str(cache)
    return env


def tspol_command() -> list[str]:
    script = shutil.which("tspol", path=str(Path(sys.executable).parent)) or shutil.which("tspol")
    return [script] if script else [sys.executable, "-m", "tspol.cli.main"]


BARE_LOOP = """
import json, sys
with open(sys.argv[1], encoding="utf-8") as lines:
    out = sys.stdout
    for line in lines:
        out.write(json.dumps(json.loads(line)) + "\\n")
"""


def timed(command: list[str], env: dict, stdin=None, stdout=subprocess.DEVNULL) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, stdin=stdin, stdout=stdout, stderr=subprocess.DEVNULL, check=True,
                   cwd=ROOT)
    return time.perf_counter() - start


DICT_WRITER = """
import sys, tspol
from tspol.cli import eval as command
policy = tspol.load()
decider = command.Decider(policy.module, "US", "json", "en", sys.argv[1], compiled=policy._compiled)
decider.evaluate_json = None  # each decision a dict, encoded by json.JSONEncoder: the writer before
with open(sys.argv[1], "rb") as stream:
    command.run(decider, stream, sys.stdout.buffer, errors=sys.stderr.write, jobs=1)
"""


def bench_throughput(args, work: Path, env: dict) -> None:
    """`tspol eval --format json` on JSON Lines of whole sellers and of three-field sellers
    (seller_id, orders_7d, late_orders: most inputs not given, so most of each decision
    is the same for every seller), beside a bare json.loads/json.dumps loop over the same
    file and beside the writer before `evaluate_json` (each decision a dict, encoded by
    json.JSONEncoder), checked to write the same bytes first."""
    rng_sellers = sellers(min(args.lines, 50000), seed=7)
    files = {"whole sellers": work / "sellers.jsonl", "three-field sellers": work / "three.jsonl"}
    with open(files["whole sellers"], "w", encoding="utf-8") as whole, \
            open(files["three-field sellers"], "w", encoding="utf-8") as three:
        for i in range(args.lines):
            record = dict(rng_sellers[i % len(rng_sellers)], seller_id=f"s{i:07d}")
            whole.write(json.dumps(record) + "\n")
            three.write(json.dumps({key: record[key] for key in ("seller_id", "orders_7d", "late_orders")}) + "\n")
    tspol_eval = tspol_command() + ["eval", "--region", "US", "--format", "json"]
    timed(tspol_eval + [str(work / "one.json")], env)  # warm the compile cache
    for label, path in files.items():
        commands = {
            "bare json loop": [sys.executable, "-c", BARE_LOOP, str(path)],
            "tspol eval": tspol_eval + [str(path)],
            "tspol eval --jobs 1": tspol_eval + ["--jobs", "1", str(path)],
            "the dict writer": [sys.executable, "-c", DICT_WRITER, str(path)],
        }
        written = {name: work / f"{name.replace(' ', '-')}.out" for name in ("tspol eval --jobs 1", "the dict writer")}
        for name, out in written.items():
            with open(out, "wb") as stdout:
                timed(commands[name], env, stdout=stdout)
        if written["tspol eval --jobs 1"].read_bytes() != written["the dict writer"].read_bytes():
            raise SystemExit(f"tspol eval and the dict writer write different bytes for the {label}")
        best = {name: float("inf") for name in commands}
        for _ in range(args.throughput_rounds):
            for name, command in commands.items():
                best[name] = min(best[name], timed(command, env))
        size = path.stat().st_size
        print(f"\n2. Throughput, {label}: {args.lines:,} JSON Lines ({size / 2**20:.0f} MiB), "
              f"best of {args.throughput_rounds}")
        for name, seconds in best.items():
            print(f"   {name:<20} {seconds:8.2f} s  {args.lines / seconds:12,.0f} lines/s")
        for name in ("tspol eval", "tspol eval --jobs 1"):
            ratio = best["bare json loop"] / best[name]
            print(f"   {name} throughput = {ratio:.2f} of the bare loop (target >= 0.5: "
                  f"{'met' if ratio >= 0.5 else 'missed'})")
        faster = best["the dict writer"] / best["tspol eval --jobs 1"]
        print(f"   tspol eval --jobs 1 is {faster:.2f}x the dict writer (target >= 2: {'met' if faster >= 2 else 'missed'})")


def bench_startup(args, work: Path, env: dict) -> None:
    one = work / "one.json"
    header = work / "header"  # a pack of one file: the start of `check`, without the work of a big pack
    header.mkdir(exist_ok=True)
    shutil.copy(ROOT / "policies" / "policy.pol", header / "policy.pol")
    commands = {
        'python -c "import lark, click"': [sys.executable, "-c", "import lark, click"],
        "tspol eval (one seller)": tspol_command() + ["eval", "--region", "US", "--format", "json", str(one)],
        "tspol check policies": tspol_command() + ["check", "policies"],
        "tspol check policies, no cache": tspol_command() + ["check", "policies"],
        "tspol check (one file), no cache": tspol_command() + ["check", str(header)],
    }
    envs = {name: env for name in commands}
    envs["tspol check policies, no cache"] = dict(env, TSPOL_CACHE_DIR="")
    envs["tspol check (one file), no cache"] = dict(env, TSPOL_CACHE_DIR="")
    for name, command in commands.items():  # warm up: bytecode and the caches
        timed(command, envs[name])
    runs = {name: [] for name in commands}
    for _ in range(args.startup_runs):
        for name, command in commands.items():
            runs[name].append(timed(command, envs[name]))
    base = statistics.median(runs['python -c "import lark, click"'])
    print(f"\n3. Start-up: median of {args.startup_runs} runs")
    for name, times in runs.items():
        median = statistics.median(times)
        print(f"   {name:<34} {median * 1000:8.1f} ms  {median / base:5.2f}x  (target <= 2x)")
    lines = sum(len(f.read_text(encoding="utf-8").splitlines()) for f in (ROOT / "policies").glob("*.pol"))
    print("   (`check` of a one-file pack is its start: imports and the cached parser; checking the whole")
    print(f"    pack with no cache adds parsing, checking and analysing its {lines} lines)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["decisions", "throughput", "startup"])
    parser.add_argument("--sellers", type=int, default=2000, help="sellers for the per-decision timing")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--throughput-rounds", type=int, default=2)
    parser.add_argument("--startup-runs", type=int, default=15)
    args = parser.parse_args()
    print(f"tspol benchmark: Python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory(prefix="tspol-bench-") as folder:
        work = Path(folder)
        env = environment(work / "cache")
        (work / "one.json").write_text(json.dumps(metrics_of(sellers(1)[0])), encoding="utf-8")
        if args.only in (None, "decisions"):
            bench_decisions(args)
        if args.only in (None, "throughput"):
            bench_throughput(args, work, env)
        if args.only in (None, "startup"):
            bench_startup(args, work, env)


if __name__ == "__main__":
    main()
