"""The diff against the interpreter, on many random edits of the pack.

Each trial edits the tables of fulfilment.pol (bounds, operators, points,
limits, dropped rows and conditions, hit policies) and sometimes a standard
or an `only if` in metrics.pol, then diffs the pack with its edited copy:
- every change's seller really gets two different decisions;
- every seller whose decisions differ lies in a reported change of its region
  and rule: random sellers (some inputs absent) and the boundary sellers of
  both versions, which sit exactly on every edge.
"""

from __future__ import annotations

import random
import re
import shutil

import pytest

from conftest import PACK
from test_semdiff import assert_witnesses_are_real, project
from tspol.compiler.cases import boundary_cases
from tspol.compiler.lower import lower
from tspol.compiler.semdiff import diff_programs
from tspol.diagnostics import TspolError
from tspol.dsl.loader import load_pack
from tspol.runtime.interpreter import evaluate

TRIALS = 40
SELLERS = 40
PERCENTS = ["0%", "2.5%", "4%", "5%", "10%", "20%", "25%", "26%", "30%", "50%", "60%", "75%", "100%"]
FLIP = {"<": "<=", "<=": "<", ">": ">=", ">=": ">"}


def edit_row(text: str, rnd: random.Random) -> str:
    lines = text.split("\n")
    index = rnd.choice([i for i, line in enumerate(lines) if line.strip().startswith("when ")])
    condition, _, actions = lines[index].partition(" then ")
    kind = rnd.randrange(8)
    if kind == 0 and (found := list(re.finditer(r"\d+(\.\d+)?%", condition))):
        m = rnd.choice(found)
        condition = condition[:m.start()] + rnd.choice(PERCENTS) + condition[m.end():]
    elif kind == 1 and (found := list(re.finditer(r"(?<![\d.])\d+(?![\d.%])", condition))):
        m = rnd.choice(found)
        condition = condition[:m.start()] + str(rnd.randrange(0, 40)) + condition[m.end():]
    elif kind == 2:
        actions = re.sub(r"points \d+", f"points {rnd.randrange(0, 10)}", actions)
    elif kind == 3 and (found := list(re.finditer(r"<=|>=|<|>", condition))):
        m = rnd.choice(found)
        condition = condition[:m.start()] + FLIP[m.group()] + condition[m.end():]
    elif kind == 4:
        del lines[index]
        return "\n".join(lines)
    elif kind == 5:
        condition = re.sub(r" and (\d+ <= )?\w+_orders [<>=]+ \d+( < \d+)?", "", condition, count=1)
    elif kind == 6 and "warning" not in actions:
        actions = "warning, " + actions
    else:
        actions = re.sub(r"at \d+% avg4w", f"at {rnd.choice([5, 10, 30, 80])}% avg4w", actions)
    lines[index] = f"{condition} then {actions}"
    return "\n".join(lines)


def edit_metrics(text: str, rnd: random.Random) -> str:
    if rnd.random() < 0.5:
        text = re.sub(r"standard (LDR|SFCR|DFR|FRT) (<|<=) [\d.]+(%|min)",
                      lambda m: f"standard {m.group(1)} {rnd.choice(['<', '<='])} "
                                f"{rnd.choice(['1', '2.5', '4', '5', '30'])}{m.group(3)}", text)
    if rnd.random() < 0.3:
        text = text.replace("only if orders_30d > 100",
                            f"only if orders_30d {rnd.choice(['>', '>='])} {rnd.choice([50, 100, 150])}")
    if rnd.random() < 0.15:
        text = text.replace("DFR = defect_returns_30d / orders_30d", "DFR = defect_returns_30d / orders_7d")
    return text


def random_seller(rnd: random.Random) -> dict:
    seller = {}
    orders = rnd.choice([0, 1, 4, 5, 10, 20, 25, 30, 40, 50, 100, 200, rnd.randrange(0, 300)])
    if rnd.random() < 0.9:
        seller["orders_7d"] = orders
    for part in ("late_orders", "cancelled_orders"):
        if rnd.random() < 0.9:
            seller[part] = min(orders if "orders_7d" in seller else 300,
                               rnd.choice([0, 1, 4, 5, 6, 29, 30, 31, rnd.randrange(0, orders + 1)]))
    if rnd.random() < 0.8:
        total = rnd.choice([0, 50, 100, 101, 150, 151, 1000])
        seller["orders_30d"] = total
        if rnd.random() < 0.8:
            seller["defect_returns_30d"] = min(total, rnd.choice([0, 1, 2, 3, total // 50, total // 40]))
    if rnd.random() < 0.8:
        seller["avg_first_response_minutes"] = rnd.choice([0, 1, 2.5, 29, 30, 31])
    return seller


def edited_pack(root, rnd: random.Random):
    target = root / "policies"
    shutil.copytree(PACK, target, ignore=shutil.ignore_patterns("examples"))
    fulfilment = target / "fulfilment.pol"
    text = fulfilment.read_text("utf-8")
    for _ in range(rnd.randrange(1, 4)):
        text = edit_row(text, rnd)
    if rnd.random() < 0.3:
        text = text.replace("table {", "table all {", 1)
    fulfilment.write_text(text, "utf-8")
    metrics = target / "metrics.pol"
    metrics.write_text(edit_metrics(metrics.read_text("utf-8"), rnd), "utf-8")
    try:
        return lower(load_pack(target))
    except TspolError:
        return None  # an edit the checker rejects: nothing to diff


@pytest.mark.parametrize("seed", range(TRIALS))
def test_random_edit(seed, tmp_path, program):
    rnd = random.Random(seed)
    new = edited_pack(tmp_path, rnd)
    if new is None:
        pytest.skip("the edit made the pack invalid")
    diff = diff_programs(program, new)
    assert_witnesses_are_real(program, new, diff)

    probes = [(c.region, c.metrics) for c in boundary_cases(program) + boundary_cases(new)]
    probes += [(region, random_seller(rnd)) for _ in range(SELLERS) for region in program.region_names]
    for region, seller in probes:
        before, after = evaluate(program, seller, region), evaluate(new, seller, region)
        rules = {r.name for r in program.region(region).rules} | {r.name for r in new.region(region).rules}
        for rule in sorted(rules):
            if project(before, rule) != project(after, rule):
                assert any(c.region == region and c.rule == rule and c.contains(seller) for c in diff.changes), \
                    (region, rule, seller, project(before, rule), project(after, rule))


def test_most_random_edits_are_valid_and_change_something(tmp_path, program):
    changed = 0
    for seed in range(TRIALS):
        new = edited_pack(tmp_path / str(seed), random.Random(seed))
        changed += new is not None and bool(diff_programs(program, new).changes)
    assert changed >= TRIALS * 2 // 3
