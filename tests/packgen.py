"""Random small packs for property tests: part-of trees, rates, `only if`, short tables.

`packs()` draws the text of a one-file pack with one region `X` and one rule `r`
on the metric `R`, over count inputs `c`, `b`, `a` and `x` (some parts of others),
the rates `R = a / c` and `S = b / c` or `S = a / b` (a rate over a part; either rate
may have an `only if`) and the alias `N = x`; an exclusive, `first` or `all` table
whose rows are comparisons joined by `and`, or conditions with `or`, `not` and
parentheses, and whose last row may be `otherwise`. `Brute` decides every seller of
small counts from the pack's own numbers, by plain fractions, without any of
tspol's machinery, for tests to compare with: `not` of a comparison holds where
its quantity has a value outside it (so `not` is pushed down to the comparisons),
and `otherwise` where `R` has a value and no other row holds. The rule may cite a
reason `q` that states its points (`points 2 to 5`, the range of the rows' points),
and say when it is evaluated (`evaluated weekly on friday`).

`packs(arith=True)` adds arithmetic on metrics (issue 11): the weighted sum of rates
`T = w * R + v * S` (then `S = b / c`, over R's denominator, and neither rate has an
`only if`), the sum of counts `K = a + k * x` and `M = max(R, S)` or `min(R, S)`,
which rows compare like the rest.

A row's condition in the facts: a list of comparisons (joined by `and`), or a tree
of `("and", [...])`, `("or", [...])` and `("not", x)` over them; None is `otherwise`.

`packs(params=True)` also declares `param P: rate { when x >= K then V1%  otherwise
V2% }` (the `otherwise` case may be left out), and a comparison of `R` may be with
`P` (`("R", "<", "P")`): it holds where `x` is given, R has a value and compares so
with the case's value; never where P has no value, under `not` too.

`packs(window=True)` declares the windowed metric `metric W: rate { when x >= K then R
otherwise S }` (the `otherwise` case may be left out), which rows compare with rate
values: it has R's value where `x >= K`, S's where `x < K`, and none where `x` is not
given or the case it chooses has none. The rule may be `on W` (its `otherwise` row then
fires where W has a value).

`packs(ledger=True)` adds a points ledger (`points expire after Dd`, `multiple
thresholds apply highest`) with one to three thresholds of the measures `m1`, `m2`,
each lasting `for Nd`, `while at this level` or, where `R` has a standard and the
rule is on it, `until R is within standard` (issue 11): `facts["ledger"]` is (expiry
days, [(points, [(measure, ("days", N) | ("level",) | ("within",))])], lowest first).
"""

from __future__ import annotations

import itertools
from fractions import Fraction

from hypothesis import strategies as st

RATES = (0, 10, 20, 25, 50, 60, 100)
COUNTS = (0, 1, 2, 3, 5)
QUANTITIES = ("R", "S", "N", "a", "b", "c", "x")
ARITH_QUANTITIES = QUANTITIES + ("T", "K", "M")  # arithmetic on metrics (issue 11)
RATE_NAMES = ("R", "S", "T", "M", "W")
RATE_WEIGHTS = (Fraction(1), Fraction(2), Fraction(1, 2), Fraction(3, 2))
INPUTS = ("c", "b", "a", "x")
OPS = ("<", "<=", ">", ">=")


def _value_text(name: str, value) -> str:
    if value == "P":
        return value
    return f"{value}%" if name in RATE_NAMES else str(value)


@st.composite
def comparisons(draw, name: str, param: bool = False):
    values = RATES if name in RATE_NAMES else COUNTS
    if param and name == "R" and draw(st.booleans()):
        return (name, draw(st.sampled_from(OPS)), "P")
    if draw(st.booleans()):
        lo, hi = sorted(draw(st.lists(st.sampled_from(values), min_size=2, max_size=2, unique=True)))
        return (name, ">=" if draw(st.booleans()) else ">", lo, "<" if draw(st.booleans()) else "<=", hi)
    return (name, draw(st.sampled_from(OPS)), draw(st.sampled_from(values)))


def comparison_text(comparison) -> str:
    if len(comparison) == 5:
        name, lo_op, lo, hi_op, hi = comparison
        return f"{_value_text(name, lo)} {'<=' if lo_op == '>=' else '<'} {name} {hi_op} {_value_text(name, hi)}"
    name, op, value = comparison
    return f"{name} {op} {_value_text(name, value)}"


@st.composite
def conditions(draw, depth: int = 2, param: bool = False, quantities=QUANTITIES):
    """A row's condition: most often comparisons joined by `and`, else an `or`, an `and`
    or a `not` of smaller conditions."""
    kind = draw(st.sampled_from(["plain", "plain", "or", "or", "not", "and"] if depth else ["plain"]))
    if kind == "plain":
        names = draw(st.lists(st.sampled_from(quantities), min_size=1, max_size=2 if depth < 2 else 3, unique=True))
        return [draw(comparisons(name, param)) for name in names]
    if kind == "not":
        return ("not", draw(conditions(depth - 1, param, quantities)))
    return (kind, [draw(conditions(depth - 1, param, quantities))
                   for _ in range(draw(st.integers(2, 3 if kind == "or" else 2)))])


@st.composite
def packs(draw, levels: bool = False, params: bool = False, arith: bool = False, window: bool = False,
          ledger: bool = False):
    """(pack text, description) of a random pack, and the facts `Brute` needs; with
    `levels`, a level set `g` of LEVELS (best first) whose default is drawn, and rows
    that may give one of its levels beside their points; with `params`, a param `P`;
    with `arith`, metrics that are sums, a weighted sum, and a max or min."""
    b_parent = draw(st.sampled_from(["c", None]))
    a_parent = draw(st.sampled_from(["b", "c", None] if b_parent else ["c", None]))
    only_if = {name: None if arith else draw(st.sampled_from([None, ("c", ">", 2), ("c", "<=", 2), ("x", ">=", 1)]))
               for name in ("R", "S")}
    quantities = ARITH_QUANTITIES if arith else QUANTITIES + ("W",) if window else QUANTITIES
    standard = draw(st.sampled_from([None, ("<", 10), ("<", 25)]))
    hit = draw(st.sampled_from(["exclusive", "all", "first"]))
    rows = []
    for _ in range(draw(st.integers(1, 4))):
        if draw(st.booleans()):  # comparisons joined by `and`, as before `or`
            names = draw(st.lists(st.sampled_from(quantities), min_size=1, max_size=3, unique=True))
            rows.append(([draw(comparisons(name, params)) for name in names], draw(st.integers(0, 5))))
        else:
            rows.append((draw(conditions(param=params, quantities=quantities)), draw(st.integers(0, 5))))
    if draw(st.integers(0, 3)) == 0:
        rows.append((None, draw(st.integers(0, 5))))
    facts = {"parents": {"b": b_parent, "a": a_parent}, "only_if": only_if, "standard": standard,
             "hit": hit, "rows": rows, "S": ("b", "c") if arith else draw(st.sampled_from([("b", "c"), ("a", "b")]))}
    if params:  # (K, V1, V2): P is V1% where x >= K, else V2% (None: no `otherwise`)
        facts["param"] = (draw(st.sampled_from(COUNTS[1:])), draw(st.sampled_from(RATES)),
                          draw(st.sampled_from((None, *RATES))))
    if window:  # (K, otherwise, on W): W is R where x >= K, else S (or none)
        facts["window"] = (draw(st.sampled_from(COUNTS[1:])), draw(st.booleans()), draw(st.booleans()))
    facts["stated"] = _stated_points(rows) if draw(st.booleans()) else None
    facts["cadence"] = draw(st.sampled_from([None, "daily", "weekly on friday", "monthly on day 31"]))
    if levels:
        facts["default"] = draw(st.integers(0, len(LEVELS) - 1))
        facts["levels"] = [draw(st.sampled_from([None, *range(len(LEVELS))])) for _ in rows]
    if arith:
        facts["arith"] = {"T": (draw(st.sampled_from(RATE_WEIGHTS)), draw(st.sampled_from(RATE_WEIGHTS))),
                          "K": draw(st.integers(1, 3)), "M": draw(st.sampled_from(["max", "min"]))}
    if ledger:
        facts["ledger"] = draw(ledgers(within=facts["standard"] is not None and _on(facts) == "R"))
    return pack_text(facts), facts


@st.composite
def ledgers(draw, within: bool):
    """(expiry days, thresholds): measures of a fixed length, `while at this level` and,
    with `within`, `until R is within standard`."""
    lasts = [st.tuples(st.just("days"), st.sampled_from([1, 5, 20])), st.just(("level",))]
    if within:
        lasts.append(st.just(("within",)))
    points = sorted(draw(st.lists(st.integers(1, 12), min_size=1, max_size=3, unique=True)))
    thresholds = [(t, [(m, draw(st.one_of(lasts))) for m in draw(st.sampled_from([["m1"], ["m2"], ["m1", "m2"]]))])
                  for t in points]
    return draw(st.sampled_from([10, 30, 60])), thresholds


def _ledger_lines(facts) -> list[str]:
    expiry, thresholds = facts["ledger"]
    lines = ["measure m1", "measure m2", "ledger {", f"  points expire after {expiry}d",
             "  multiple thresholds apply highest"]
    for points, measures in thresholds:
        lines.append(f"  threshold {points} {{")
        lines += [f"    {m} {_lasts_text(lasts)}" for m, lasts in measures]
        lines.append("  }")
    return lines + ["}"]


def _lasts_text(lasts) -> str:
    return {"days": lambda: f"for {lasts[-1]}d", "level": lambda: "while at this level",
            "within": lambda: "until R is within standard"}[lasts[0]]()


def _stated_points(rows) -> tuple[int, int]:
    """The points a reason of the rule states (issue 11, points from the catalogue): the
    range of its rows' points, so that the pack checks clean."""
    scored = [points for _, points in rows if points] or [0]
    return min(scored), max(scored)


LEVELS = ("top", "fair", "poor")


def pack_text(facts) -> str:
    parents = facts["parents"]
    lines = ['policy p { version "1" effective 2024-01-01 }', "region X"]
    for name in INPUTS:
        parent = parents.get(name)
        items = ([f"part of {parent}"] if parent else []) + ["higher is worse"]
        lines.append(f"input {name}: count {{ {' '.join(items)} }}")
    for name, (numerator, denominator) in (("R", ("a", "c")), ("S", facts["S"])):
        items = ["higher is worse"]
        if name == "R" and facts["standard"]:
            items.append(f"standard R {facts['standard'][0]} {facts['standard'][1]}%")
        if facts["only_if"][name]:
            quantity, op, value = facts["only_if"][name]
            items.append(f"only if {quantity} {op} {value}")
        lines.append(f"metric {name} = {numerator} / {denominator} {{ {' '.join(items)} }}")
    lines.append("metric N = x { higher is worse }")
    if facts.get("param"):
        least, high, low = facts["param"]
        otherwise = f"  otherwise {low}%" if low is not None else ""
        lines.append(f"param P: rate {{ when x >= {least} then {high}%{otherwise} }}")
    if facts.get("window"):
        least, otherwise, _ = facts["window"]
        lines.append(f"metric W: rate {{ when x >= {least} then R{'  otherwise S' if otherwise else ''} }}")
    if "arith" in facts:
        (w, v), k, m = facts["arith"]["T"], facts["arith"]["K"], facts["arith"]["M"]
        lines.append(f"metric T = {_weight_text(w)}R + {_weight_text(v)}S {{ higher is worse }}")
        lines.append(f"metric K = a + {_weight_text(Fraction(k))}x {{ higher is worse }}")
        lines.append(f"metric M = {m}(R, S) {{ higher is worse }}")
    if facts.get("stated"):
        lines += ["category k", "reason q in k {{ points {} to {} }}".format(*facts["stated"])]
    if "levels" in facts:
        lines.append(f"levels g {{ {' '.join(f'level {name}' for name in LEVELS)} "
                     f"default {LEVELS[facts['default']]} }}")
    lines.append("rule r in X {")
    if facts.get("stated"):
        lines.append("  reason q")
    if facts.get("cadence"):
        lines.append(f"  evaluated {facts['cadence']}")
    lines.append(f"  on {_on(facts)}")
    lines.append(f"  table {facts['hit']} {{")
    for position, (condition, points) in enumerate(facts["rows"]):
        action = f"points {points}" if points else "warning"
        level = facts.get("levels", [None] * len(facts["rows"]))[position]
        if level is not None:
            action += f", level g {LEVELS[level]}"
        lines.append(f"    otherwise {action}" if condition is None else f"    when {condition_text(condition)} then {action}")
    lines.append("  }")
    lines.append("}")
    if facts.get("ledger"):
        lines += _ledger_lines(facts)
    return "\n".join(lines) + "\n"


def _on(facts) -> str:
    """The rule's metric: R, or the windowed metric W of `packs(window=True)`."""
    return "W" if facts.get("window") and facts["window"][2] else "R"


def _weight_text(weight: Fraction) -> str:
    """`2 * `, `0.5 * `, or nothing for a weight of 1."""
    if weight == 1:
        return ""
    text = str(weight.numerator) if weight.denominator == 1 else str(weight.numerator / weight.denominator)
    return f"{text} * "


def condition_text(condition) -> str:
    """A condition as a policy author writes it, in parentheses wherever it is not one comparison."""
    if isinstance(condition, list):
        return " and ".join(comparison_text(c) for c in condition)
    kind, parts = condition
    if kind == "not":
        return f"not ({condition_text(parts)})"
    return f" {kind} ".join(_group(part) for part in parts)


def _group(condition) -> str:
    if isinstance(condition, list) and len(condition) == 1:
        return comparison_text(condition[0])
    return f"({condition_text(condition)})"


NEGATED = {"<": ">=", "<=": ">", ">": "<=", ">=": "<"}
TREES = ("and", "or", "not")  # a comparison starts with the name of its quantity


def dnf(condition, negated: bool = False) -> list[list[tuple]]:
    """A condition as alternatives, each a list of comparisons that all hold; `not` pushed
    down to the comparisons (`not (x < 5)` is `x >= 5`; `not (1 < x <= 5)` is `x <= 1` or `x > 5`)."""
    if isinstance(condition, list):
        condition = ("and", [[c] for c in condition]) if len(condition) != 1 else condition[0]
    if condition[0] in TREES:
        kind, parts = condition
        if kind == "not":
            return dnf(parts, not negated)
        if (kind == "or") != negated:
            return [alternative for part in parts for alternative in dnf(part, negated)]
        out = [[]]
        for part in parts:
            out = [mine + theirs for mine in out for theirs in dnf(part, negated)]
        return out
    if not negated:
        return [[condition]]
    if len(condition) == 5:
        name, lo_op, lo, hi_op, hi = condition
        return [[(name, NEGATED[lo_op], lo)], [(name, NEGATED[hi_op], hi)]]
    name, op, value = condition
    return [[(name, NEGATED[op], value)]]


_CHECK = {"<": lambda v, b: v < b, "<=": lambda v, b: v <= b, ">": lambda v, b: v > b, ">=": lambda v, b: v >= b}


class Brute:
    """Decides sellers of small counts from the facts, by plain fractions."""

    def __init__(self, facts, largest: int = 6):
        self.facts = facts
        self.largest = largest

    def sellers(self):
        choices = [None, *range(self.largest + 1)]
        for values in itertools.product(choices, repeat=len(INPUTS)):
            seller = dict(zip(INPUTS, values))
            if all(seller[part] is None or seller[whole] is None or seller[part] <= seller[whole]
                   for part, whole in self.facts["parents"].items() if whole):
                yield seller

    def value(self, name: str, seller) -> Fraction | int | None:
        if name in INPUTS:
            return seller[name]
        if name == "N":
            return seller["x"]
        if name in ("T", "K", "M"):
            return self.combined(name, seller)
        if name == "W":
            return self.windowed(seller)
        condition = self.facts["only_if"][name]
        if condition is not None:
            quantity, op, bound = condition
            if seller[quantity] is None or not _CHECK[op](seller[quantity], bound):
                return None
        numerator, denominator = ("a", "c") if name == "R" else self.facts["S"]
        if seller[numerator] is None or not seller[denominator]:
            return None
        return Fraction(seller[numerator], seller[denominator])

    def param(self, seller) -> Fraction | None:
        """P's value: the first of its cases that holds, None where none does."""
        least, high, low = self.facts["param"]
        if seller["x"] is None:
            return None
        value = high if seller["x"] >= least else low
        return None if value is None else Fraction(value, 100)

    def defined(self, comparison, seller) -> bool:
        """Both sides of a comparison have a value."""
        if self.value(comparison[0], seller) is None:
            return False
        return comparison[-1] != "P" or self.param(seller) is not None
    def windowed(self, seller) -> Fraction | None:
        """W of `packs(window=True)`: R's value where x >= K, S's (if it has the case) below."""
        least, otherwise, _ = self.facts["window"]
        if seller["x"] is None:
            return None
        if seller["x"] >= least:
            return self.value("R", seller)
        return self.value("S", seller) if otherwise else None

    def combined(self, name: str, seller) -> Fraction | int | None:
        """T, K and M of `packs(arith=True)`: defined where every term is."""
        arith = self.facts["arith"]
        if name == "K":
            a, x = seller["a"], seller["x"]
            return None if a is None or x is None else a + arith["K"] * x
        r, s = self.value("R", seller), self.value("S", seller)
        if r is None or s is None:
            return None
        if name == "T":
            return arith["T"][0] * r + arith["T"][1] * s
        return max(r, s) if arith["M"] == "max" else min(r, s)

    def holds(self, comparison, seller) -> bool:
        value = self.value(comparison[0], seller)
        if not self.defined(comparison, seller):
            return False
        if comparison[-1] == "P":
            return _CHECK[comparison[1]](value, self.param(seller))
        scale = Fraction(1, 100) if comparison[0] in RATE_NAMES else 1
        if len(comparison) == 5:
            _, lo_op, lo, hi_op, hi = comparison
            return _CHECK[lo_op](value, lo * scale) and _CHECK[hi_op](value, hi * scale)
        _, op, bound = comparison
        return _CHECK[op](value, bound * scale)

    def satisfies(self, condition, seller, negated: bool = False) -> bool:
        """Whether a condition holds: a comparison where its quantity has a value inside it
        (outside it, under an odd number of `not`s); `and` and `or` as written, swapped by `not`."""
        if isinstance(condition, list):
            condition = ("and", [[c] for c in condition]) if len(condition) != 1 else condition[0]
        if condition[0] in TREES:
            kind, parts = condition
            if kind == "not":
                return self.satisfies(parts, seller, not negated)
            results = [self.satisfies(part, seller, negated) for part in parts]
            return any(results) if (kind == "or") != negated else all(results)
        if not self.defined(condition, seller):
            return False
        return self.holds(condition, seller) != negated

    def matches(self, seller) -> list[int]:
        """The 1-based rows whose condition holds; `otherwise` where R has a value and no
        other row's condition holds."""
        rows = self.facts["rows"]
        held = [i for i, (condition, _) in enumerate(rows, 1) if condition is not None
                and self.satisfies(condition, seller)]
        if rows[-1][0] is None and not held and self.value(_on(self.facts), seller) is not None:
            held.append(len(rows))
        return held

    def fired(self, seller) -> list[int]:
        rows = self.matches(seller)
        return rows[:1] if self.facts["hit"] != "all" else rows

    def level(self, seller) -> str:
        """The level of set `g`: the worst a fired row gives, else the default."""
        given = [self.facts["levels"][i - 1] for i in self.fired(seller)]
        ranks = [rank for rank in given if rank is not None]
        return LEVELS[max(ranks) if ranks else self.facts["default"]]

    def points(self, seller) -> int | None:
        fired = self.fired(seller)
        return sum(self.facts["rows"][i - 1][1] for i in fired) if fired else None

    def meets_standard(self, seller) -> bool | None:
        """None when R has no value or there is no standard."""
        standard, value = self.facts["standard"], self.value("R", seller)
        if standard is None or value is None:
            return None
        return _CHECK[standard[0]](value, Fraction(standard[1], 100))

    # -- the quantity space: each quantity named by a row is a coordinate
    def axes(self) -> list[str]:
        names = ["R"]
        for alternatives in self.lowered_rows():
            for conditions in alternatives:
                names += [c[0] for c in conditions if c[0] not in names]
        return names

    def lowered_rows(self) -> list[list[list[tuple]]]:
        """Each row's alternatives (`dnf`), each with the `only if` of every rate it names
        (as tspol's lowering writes a row: naming a rate names the condition it has a value
        under); an `otherwise` row has none here (what it covers is no row's)."""
        out = []
        for condition, _ in self.facts["rows"]:
            alternatives = []
            for conditions in ([] if condition is None else dnf(condition)):
                extra = [self.facts["only_if"][c[0]] for c in conditions
                         if c[0] in ("R", "S") and self.facts["only_if"][c[0]] is not None]
                alternatives.append(list(conditions) + [c for c in extra if c not in conditions])
            out.append(alternatives)
        return out

    def is_hole(self, seller, live) -> bool:
        """Uncovered, R with a value outside its standard, and along some quantity of the
        rows (the others held) a row covers lower values and a row higher ones, both
        among the `live` rows (1-based: those that fire for some seller)."""
        if self.matches(seller) or self.value("R", seller) is None or self.meets_standard(seller):
            return False
        for name in self.axes():
            value = self.value(name, seller)
            if value is None:
                continue
            below = above = False
            for index, alternatives in enumerate(self.lowered_rows(), 1):
                for conditions in alternatives:
                    rest = [c for c in conditions if c[0] != name]
                    mine = [c for c in conditions if c[0] == name]
                    if index not in live or not mine or not all(self.holds(c, seller) for c in rest):
                        continue
                    side = self._side(mine, value, name)
                    below, above = below or side == "below", above or side == "above"
            if below and above:
                return True
        return False

    def _side(self, comparisons, value, name) -> str | None:
        """Where the row's range on `name` lies from `value`: "below" it, "above" it, or
        None (it contains the value, or holds no value the quantity can take)."""
        scale = Fraction(1, 100) if name in ("R", "S") else 1
        lo, lo_closed, hi, hi_closed = Fraction(0), True, None, False
        for c in comparisons:
            for op, bound in ([(c[1], c[2]), (c[3], c[4])] if len(c) == 5 else [(c[1], c[2])]):
                bound = bound * scale
                if op in (">", ">=") and (bound > lo or (bound == lo and op == ">")):
                    lo, lo_closed = bound, op == ">="
                elif op in ("<", "<=") and (hi is None or bound < hi or (bound == hi and op == "<")):
                    hi, hi_closed = bound, op == "<="
        if name == "R" and self.rate_at_most_one("R") or name == "S" and self.rate_at_most_one("S"):
            if hi is None or hi > 1:
                hi, hi_closed = Fraction(1), True
        if name not in ("R", "S"):  # whole numbers
            first = lo if lo_closed and lo.denominator == 1 else (lo // 1) + 1
            last = None if hi is None else (hi if hi_closed and hi.denominator == 1 else -(-hi // 1) - 1)
            if last is not None and first > last:
                return None
            lo, lo_closed, hi, hi_closed = Fraction(first), True, None if last is None else Fraction(last), True
        elif hi is not None and (lo > hi or (lo == hi and not (lo_closed and hi_closed))):
            return None
        if hi is not None and (value > hi or (value == hi and not hi_closed)):
            return "below"
        if value < lo or (value == lo and not lo_closed):
            return "above"
        return None

    def rate_at_most_one(self, name: str) -> bool:
        """Whether the rate's numerator is declared part of its denominator (`S = a / b`
        with `a` part of `c`, not of `b`, can be above 100%; a part of `b` is not bounded
        by `c` when `b` is not given)."""
        numerator, denominator = ("a", "c") if name == "R" else self.facts["S"]
        return self.facts["parents"].get(numerator) == denominator


# ---- versions in one pack (issue 11: versions) ---------------------------------------

AMENDED_ON = "2024-06-01"


@st.composite
def amended_packs(draw):
    """(pack text, facts of version 1, facts of version 2): a random pack and an amendment,
    effective AMENDED_ON, that replaces its rule `r` by another table over the same
    inputs and metrics (other rows and hit policy), as `Brute` reads each version."""
    _, first = draw(packs())
    _, other = draw(packs())
    second = {**first, "rows": other["rows"], "hit": other["hit"]}
    rule = pack_text(second).split("rule r in X {")[1]
    amendment = f'amendment "2" effective {AMENDED_ON} {{\n' + "rule r in X {" + rule + "}\n"
    return pack_text(first) + amendment, first, second
