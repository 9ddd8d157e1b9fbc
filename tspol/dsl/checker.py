"""Check parsed files as one pack: names, types, units, ranges and ordering.

`check(files, sources, relpaths)` returns a `Pack` or raises `TspolError` with
every problem of the run, each reported once at its root cause: a name that
does not resolve is reported where it is written, and nothing that depends on
it is reported again.
"""

from __future__ import annotations

import datetime
import difflib
import os
from collections.abc import Iterable, Mapping
from fractions import Fraction

from tspol.diagnostics import ERROR, WARNING, Diagnostic, Related, Span, TspolError
from tspol.dsl import ast
from tspol.dsl.domains import ratio_interval
from tspol.dsl.formatter import comparison_text, quantity_text
from tspol.dsl.intervals import Interval
from tspol.dsl.pack import (KIND_WORDS, MINUTES, MOST_BOXES, Pack, Quantity, TooManyBoxes, comparison_bounds,
                            condition_boxes)

from tspol.codes import (
    UNKNOWN_NAME,
    DUPLICATE,
    MISSING,
    BAD_VALUE,
    TYPE_MISMATCH,
    UNIT_MISMATCH,
    NOT_WHOLE,
    BAD_COMPARISON,
    EMPTY_RANGE,
    PERCENT_RANGE,
    OUT_OF_ORDER,
    INCONSISTENT,
    DIRECTION,
    UNUSED,
)

# Bounds that keep every date of the ledger a real date and every sum an ordinary
# number: no policy needs more.
MOST_DAYS = 36_500
MOST_WHOLE = 1_000_000

LANGUAGES = ("en", "zh")
LITERAL_WORDS = {
    "number": "a plain number",
    "percent": "a percentage",
    "duration": "a duration",
    "money": "an amount of money",
}
ASCENDING = {"<", "<="}
DESCENDING = {">", ">="}


def check(files: Iterable[ast.File], sources: Mapping[str, str], relpaths: Mapping[str, str],
          root: str = ".", complete: bool = True) -> Pack:
    """Check a pack. `complete=False` says some files of the pack did not parse:
    then only what the parsed files prove wrong by themselves is reported, not
    names they use (those may be declared in the files that did not parse), nor
    what the pack as a whole lacks."""
    checker = _Checker(tuple(files), complete)
    pack = checker.run(sources, relpaths, root)
    problems = sorted(checker.diagnostics, key=Diagnostic.sort_key)
    if any(d.is_error for d in problems):
        raise TspolError(problems)
    return pack


def _say(kind: str) -> str:
    return KIND_WORDS.get(kind, kind)


def _a(word: str) -> str:
    return ("an " if word[0] in "aeiou" else "a ") + word


QUANTITY_KINDS = {ast.Input: "input", ast.Metric: "metric", ast.Basis: "basis"}


def keyword_span(decl, keyword: str) -> Span:
    """The span of the keyword a declaration starts with: one line, not the whole block."""
    span = decl.span
    return Span(span.path, span.line, span.column, span.line, span.column + len(keyword))


def suggestion(name: str, candidates: Iterable[str]) -> str | None:
    """`did you mean `x`?`: the closest candidates by similarity, then by the
    length of the prefix they share with the name; every one as close as the best."""
    def closeness(candidate: str) -> tuple[float, int]:
        prefix = len(os.path.commonprefix([name, candidate]))
        return difflib.SequenceMatcher(None, name, candidate).ratio(), prefix

    scored = {c: closeness(c) for c in set(candidates) if closeness(c)[0] >= 0.6}
    if not scored:
        return None
    best = max(scored.values())
    shown = [f"`{c}`" for c in sorted(c for c, score in scored.items() if score == best)]
    return f"did you mean {' or '.join(shown)}?"


class _Checker:
    def __init__(self, files: tuple[ast.File, ...], complete: bool = True):
        self.files = files
        self.complete = complete
        self.diagnostics: list[Diagnostic] = []
        self.decls = [d for f in files for d in f.decls]
        self.redefined: set[str] = set()  # names declared twice: their uses are not reported again

    # ---- reporting
    def report(self, code: str, message: str, span: Span, help: str | None = None,
               related: tuple[Related, ...] = (), severity: str = ERROR) -> None:
        self.diagnostics.append(Diagnostic(code, message, severity=severity, span=span,
                                           help=help, related=related))

    def unknown(self, what: str, name: ast.Name, candidates: Iterable[str], help: str | None = None) -> None:
        if not self.complete or name.value in self.redefined:
            return  # it may be declared in a file that did not parse; or its declaration has the error
        self.report(UNKNOWN_NAME, f"unknown {what} `{name.value}`", name.span,
                    suggestion(name.value, candidates) or help)

    def once(self, items, message: str) -> None:
        """Report every item after the first: a block says each of these once."""
        for extra in items[1:]:
            self.report(DUPLICATE, message, extra.span, related=(Related(items[0].span, "first here"),),
                        help="keep one of them")

    def missing(self, message: str, span: Span, help: str | None = None) -> None:
        """Something the pack lacks: only known when every file of the pack parsed."""
        if self.complete:
            self.report(MISSING, message, span, help)

    def duplicate(self, what: str, name: ast.Name, first: Span, first_what: str | None = None) -> None:
        self.redefined.add(name.value)
        message = (f"{what} `{name.value}` is defined twice" if first_what in (None, what)
                   else f"{what} `{name.value}` has the name of {_a(first_what)}: inputs, metrics and bases "
                        "share one set of names")
        self.report(DUPLICATE, message, name.span, related=(Related(first, "first defined here"),),
                    help="remove one of them, or give this one another name")

    # ---- symbol tables
    def table(self, kind, what: str) -> dict:
        found: dict = {}
        for decl in self.decls:
            if isinstance(decl, kind):
                if decl.name.value in found:
                    self.duplicate(what, decl.name, found[decl.name.value].name.span)
                else:
                    found[decl.name.value] = decl
        return found

    def single(self, kind, keyword: str):
        found = [d for d in self.decls if isinstance(d, kind)]
        for extra in found[1:]:
            self.report(DUPLICATE, f"the pack has more than one `{keyword}` block", keyword_span(extra, keyword),
                        related=(Related(keyword_span(found[0], keyword), "first one here"),),
                        help="merge them into one block")
        return found[0] if found else None

    # ---- the run
    def run(self, sources, relpaths, root) -> Pack | None:
        self.collect_names()
        self.check_declarations()
        if any(d.is_error for d in self.diagnostics) or not self.policies:
            return None
        return Pack(
            root=root, files=self.files, sources=dict(sources), relpaths=dict(relpaths),
            policy=self.policies[0], regions=self.regions, inputs=self.inputs, bases=self.bases,
            metrics=self.metrics, measures=self.measures, categories=self.categories,
            reasons=self.reasons, holds=self.holds, rules=self.rules, ledger=self.ledger,
            appeals=self.appeals, quantities=self.quantities,
            warnings=tuple(d for d in self.diagnostics if not d.is_error),
        )

    def collect_names(self) -> None:
        """The symbol tables of the pack; a name declared twice is reported here."""
        self.policies = [d for d in self.decls if isinstance(d, ast.Policy)]
        self.rules = tuple(d for d in self.decls if isinstance(d, ast.Rule))
        self.regions = self.table(ast.Region, "region")
        self.measures = self.table(ast.Measure, "measure")
        self.categories = self.table(ast.Category, "category")
        self.reasons = self.table(ast.Reason, "reason")
        self.holds = self.table(ast.Hold, "hold")
        self.inputs: dict[str, ast.Input] = {}
        self.bases: dict[str, ast.Basis] = {}
        self.metrics: dict[str, ast.Metric] = {}
        self.quantity_names()
        self.ledger = self.single(ast.Ledger, "ledger")
        self.appeals = self.single(ast.Appeals, "appeals")
        self.quantities: dict[str, Quantity] = {}  # filled as inputs and metrics are typed

    def check_declarations(self) -> None:
        """Inputs before the metrics that divide them, metrics before the rules that compare them."""
        self.check_policy(self.policies)
        for decl in self.decls:
            self.check_texts(decl)
        for decl in self.inputs.values():
            self.check_input(decl)
        for decl in self.metrics.values():
            self.check_metric_type(decl)
        for decl in self.bases.values():
            self.check_basis(decl)
        for decl in self.metrics.values():
            self.check_metric(decl)
        self.check_rules(self.rules)
        if self.ledger:
            self.check_ledger(self.ledger)
        if self.appeals:
            self.check_appeals(self.appeals)
        for hold in self.holds.values():
            self.check_hold(hold)
        for reason in self.reasons.values():
            self.check_reason(reason, self.rules)

    def quantity_names(self) -> None:
        """Inputs, metrics and bases share one namespace: conditions name them alike."""
        seen: dict[str, ast.Input | ast.Metric | ast.Basis] = {}
        tables = {ast.Input: self.inputs, ast.Metric: self.metrics, ast.Basis: self.bases}
        for decl in self.decls:
            if type(decl) not in QUANTITY_KINDS:
                continue
            first = seen.get(decl.name.value)
            if first is not None:
                self.duplicate(QUANTITY_KINDS[type(decl)], decl.name, first.name.span, QUANTITY_KINDS[type(first)])
                continue
            seen[decl.name.value] = decl
            tables[type(decl)][decl.name.value] = decl

    # ---- header and texts
    def check_policy(self, policies: list[ast.Policy]) -> None:
        if not policies:
            first = self.files[0] if self.files else None
            span = first.span if first else Span("<pack>", 1, 1, 1, 1)
            self.missing("the pack has no `policy` declaration", Span(span.path, 1, 1, 1, 2),
                         help='start one file with `policy my_policy { version "1" effective 2024-01-01 }`')
            return
        for extra in policies[1:]:
            self.report(DUPLICATE, "the pack declares more than one policy", extra.name.span,
                        related=(Related(policies[0].name.span, "first policy here"),),
                        help="a pack is one policy; put the other one in its own folder")
        policy = policies[0]
        for kind, keyword, example in ((ast.Version, "version", 'version "2025-11-11"'),
                                       (ast.Effective, "effective", "effective 2024-07-15")):
            items = policy.items_of(kind)
            if not items:
                self.report(MISSING, f"the policy has no `{keyword}`", policy.name.span,
                            help=f"add `{example}` to the policy block")
            self.once(items, f"the policy has more than one `{keyword}`")
        for effective in policy.items_of(ast.Effective):
            self.check_date(effective)

    def check_date(self, effective: ast.Effective) -> None:
        try:
            datetime.date.fromisoformat(effective.date)
        except ValueError:
            end = effective.span  # the date is the last ten characters of the item
            span = Span(end.path, end.end_line, end.end_column - len(effective.date), end.end_line, end.end_column)
            self.report(BAD_VALUE, f"`{effective.date}` is not a calendar date", span,
                        help="write the date as YYYY-MM-DD, such as 2024-07-15")

    def check_texts(self, decl) -> None:
        seen: dict[tuple[str, str], ast.Text] = {}
        for text in getattr(decl, "items", ()):
            if not isinstance(text, ast.Text):
                continue
            if text.lang.value not in LANGUAGES:
                self.report(BAD_VALUE, f"unknown language `{text.lang.value}`", text.lang.span,
                            help=suggestion(text.lang.value, LANGUAGES) or "texts are in `en` or `zh`")
            key = (text.kind, text.lang.value)
            if text.kind != "example" and key in seen:
                self.report(DUPLICATE, f"`{text.kind} {text.lang.value}` is given twice", text.span,
                            related=(Related(seen[key].span, "first given here"),))
            seen.setdefault(key, text)
            if not text.value.strip():
                self.report(BAD_VALUE, f"the {text.kind} text is empty", text.span)

    # ---- inputs, metrics, bases
    def check_input(self, decl: ast.Input) -> None:
        unit = self.input_unit(decl)
        if unit is not None or decl.type.kind not in ("duration", "money"):
            # An input whose type is in error has no quantity: what compares it is not checked again.
            self.quantities[decl.name.value] = Quantity(decl.name.value, decl.type.kind, unit, decl)
        self.check_direction(decl)
        self.check_part_of(decl)

    def input_unit(self, decl: ast.Input) -> str | None:
        """The unit of a duration or money input; None when it has none, or a wrong one."""
        kind, unit = decl.type.kind, decl.type.unit
        if kind == "duration" and (unit is None or unit.value not in MINUTES):
            self.report(BAD_VALUE, "a duration input needs its unit", (unit or decl.type).span,
                        help="write `duration in minutes`, `duration in hours` or `duration in days`")
        elif kind == "money" and (unit is None or not (len(unit.value) == 3 and unit.value.isupper())):
            self.report(BAD_VALUE, "a money input needs its currency", (unit or decl.type).span,
                        help="write `money in USD` (a three-letter currency code)")
        elif kind not in ("duration", "money") and unit is not None:
            self.report(BAD_VALUE, f"{_say(kind)} has no unit", unit.span,
                        help=f"write `{decl.name.value}: {kind}`")
        else:
            return unit.value if unit is not None else None
        return None

    def check_part_of(self, decl: ast.Input) -> None:
        kind = decl.type.kind
        parts = decl.items_of(ast.PartOf)
        self.once(parts, "an input is part of one total only")
        for part in parts[:1]:
            whole = self.input_named(part.whole)
            if whole is None:
                continue
            if part.whole.value == decl.name.value:
                self.report(BAD_VALUE, "an input cannot be part of itself", part.whole.span)
            elif kind != "count" or whole.type.kind != "count":
                self.report(TYPE_MISMATCH, "only a count can be part of another count", part.span,
                            help=f"`{decl.name.value}` is {_say(kind)} and "
                                 f"`{whole.name.value}` is {_say(whole.type.kind)}")

    def total_of(self, name: str) -> str | None:
        """The total an input is declared part of, or None."""
        decl = self.inputs.get(name)
        part = decl.first(ast.PartOf) if decl is not None else None
        return part.whole.value if part is not None else None

    def input_named(self, name: ast.Name) -> ast.Input | None:
        """The input a name stands for; when there is none, say so."""
        if name.value in self.inputs:
            return self.inputs[name.value]
        other = "metric" if name.value in self.metrics else "basis" if name.value in self.bases else None
        if other is None:
            self.unknown("input", name, self.inputs)
        elif name.value not in self.redefined:
            self.report(TYPE_MISMATCH, f"`{name.value}` is {_a(other)}, but an input belongs here", name.span,
                        help="metrics and bases are computed from inputs, not from each other")
        return None

    def check_direction(self, decl) -> None:
        directions = decl.items_of(ast.Direction)
        self.once(directions, "say once whether higher or lower is worse")

    def check_metric_type(self, decl: ast.Metric) -> None:
        names = [decl.numerator] + ([decl.denominator] if decl.denominator else [])
        resolved = []
        for name in names:
            if self.input_named(name) is not None and name.value in self.quantities:  # else reported
                resolved.append(self.quantities[name.value])
        if len(resolved) != len(names):
            return
        if decl.denominator is None:
            source = resolved[0]
            self.quantities[decl.name.value] = Quantity(decl.name.value, source.kind, source.unit, decl,
                                                        source.domain)
            return
        for name, quantity in zip(names, resolved):
            if quantity.kind != "count":
                self.report(TYPE_MISMATCH, f"a rate divides counts, but `{name.value}` is {_say(quantity.kind)}",
                            name.span, help="declare the metric as a ratio of two count inputs")
                return
        wholes = {part.whole.value for part in self.inputs[decl.denominator.value].items_of(ast.PartOf)}
        if decl.numerator.value in wholes:
            self.report(INCONSISTENT, f"`{decl.name.value}` divides `{decl.numerator.value}` by "
                        f"`{decl.denominator.value}`, which is part of it: the rate is never below 100%",
                        decl.denominator.span,
                        help=f"write the part over the whole: "
                             f"`{decl.denominator.value} / {decl.numerator.value}`")
        self.quantities[decl.name.value] = Quantity(decl.name.value, "rate", None, decl, ratio_interval(
            self.total_of(decl.numerator.value) == decl.denominator.value))

    def check_basis(self, decl: ast.Basis) -> None:
        source = self.quantities.get(decl.source.value)
        if self.input_named(decl.source) is None:
            pass
        elif source is not None and source.kind not in ("count", "number"):
            self.report(TYPE_MISMATCH, f"a basis is a number of orders, but `{decl.source.value}` is "
                        f"{_say(source.kind)}", decl.source.span)
        roundings = decl.items_of(ast.Rounding)
        if not roundings:
            self.report(MISSING, f"basis `{decl.name.value}` does not say how a cap is rounded",
                        decl.name.span, help="add `round down` or `round up` to its block")
        self.once(roundings, "say once how the basis is rounded")

    def check_metric(self, decl: ast.Metric) -> None:
        self.check_direction(decl)
        quantity = self.quantities.get(decl.name.value)
        standards = decl.items_of(ast.Standard)
        for extra in standards[1:]:
            self.report(DUPLICATE, "a metric has one standard", extra.span,
                        help="combine the bounds with `and`")
        for standard in standards[:1]:
            if not self.check_plain(standard.condition, "a standard") or not self.check_condition(standard.condition):
                continue
            for comparison in standard.condition.comparisons:
                named = next(o for o in comparison.operands if isinstance(o, ast.Name))
                if named.value != decl.name.value:
                    self.report(BAD_COMPARISON, f"the standard of `{decl.name.value}` must be about "
                                f"`{decl.name.value}`", named.span,
                                help=f"write `standard {decl.name.value} < ...`; use `only if` for conditions on other inputs")
                    break
            else:
                if quantity is not None:
                    self.check_standard_direction(decl, standard)
        for only_if in decl.items_of(ast.OnlyIf):
            if self.check_plain(only_if.condition, "an `only if`") and self.check_condition(only_if.condition):
                self.check_only_if_inputs(decl, only_if)

    def check_only_if_inputs(self, decl: ast.Metric, only_if: ast.OnlyIf) -> None:
        """An `only if` is a condition on inputs: a metric in it (itself or another) is an error."""
        for comparison in only_if.condition.comparisons:
            named = next(o for o in comparison.operands if isinstance(o, ast.Name))
            if named.value in self.metrics:
                self.report(TYPE_MISMATCH, f"`only if` of `{decl.name.value}` names the metric `{named.value}`; "
                            "an `only if` is a condition on inputs", named.span,
                            help="write the condition on the inputs the metric is made of")

    def check_standard_direction(self, decl: ast.Metric, standard: ast.Standard) -> None:
        direction = decl.first(ast.Direction)
        if direction is None:
            return
        box = comparison_bounds(standard.condition.comparisons[0], self.quantities)[1]
        bounded_above = box.hi is not None and box.lo is None
        bounded_below = box.lo is not None and box.hi is None
        if (direction.worse == "higher" and bounded_below) or (direction.worse == "lower" and bounded_above):
            self.report(DIRECTION, f"`{decl.name.value}` is marked `{direction.worse} is worse`, "
                        f"but its standard asks for it to stay {'high' if bounded_below else 'low'}",
                        standard.span, severity=WARNING,
                        help="check the comparison in the standard, or the direction")

    # ---- conditions
    def check_plain(self, condition: ast.Condition, what: str) -> bool:
        """A standard or an `only if` is comparisons joined by `and`: one range per quantity."""
        item = next((item for item in condition.items if not isinstance(item, ast.Comparison)), None)
        if item is None:
            return True
        self.report(BAD_VALUE, f"{what} is comparisons joined by `and`: `or` and `not` belong in the rows "
                    "of a table", item.span,
                    help="write the bounds a value must meet, such as `LDR < 4%` or `10% <= LDR < 25%`")
        return False

    def check_row_condition(self, condition: ast.Condition) -> bool:
        """A row's condition: every comparison well formed, no `and` of comparisons that
        contradict each other, and some seller's values meet it as a whole (`not` holds
        only where its quantity has a value)."""
        if condition.is_plain:
            return self.check_condition(condition)
        if not all([self.check_comparison(c) for c in condition.every_comparison()]):
            return False
        if not all([self.check_conjunctions(item) for item in condition.items]) \
                or not self.check_conjunction(condition.items):
            return False
        try:
            boxes = condition_boxes(condition, self.quantities)
        except TooManyBoxes as exc:
            self.report(BAD_VALUE, f"this condition is {exc.args[0]:,} alternatives or more once its `or` and "
                        f"`not` are multiplied out, and a row holds at most {MOST_BOXES}", condition.span,
                        help="write the alternatives as rows of their own, or in a table of their own")
            return False
        if not boxes:
            self.report(EMPTY_RANGE, "no seller's values meet this condition", condition.span,
                        help="`not` holds only where its quantity has a value outside the range it negates; "
                             "check the bounds")
            return False
        return True

    def check_conjunctions(self, item) -> bool:
        """The `and`s of comparisons inside an item, outside any `not` (where they would
        contradict each other), each as `check_condition` checks a row's."""
        if isinstance(item, ast.AnyOf):
            return all([self.check_conjunctions(i) for a in item.alternatives for i in a.items]
                       + [self.check_conjunction(a.items) for a in item.alternatives])
        return True

    def check_conjunction(self, items) -> bool:
        comparisons = tuple(i for i in items if isinstance(i, ast.Comparison))
        return self.check_condition(ast.Condition(comparisons), shapes_checked=True)

    def check_condition(self, condition: ast.Condition, shapes_checked: bool = False) -> bool:
        """True when every comparison is well formed, so its bounds can be computed."""
        if not shapes_checked and not all([self.check_comparison(c) for c in condition.comparisons]):
            return False
        box: dict[str, tuple[Interval, ast.Comparison]] = {}
        for comparison in condition.comparisons:
            quantity, interval = comparison_bounds(comparison, self.quantities)
            if quantity.name not in box:
                box[quantity.name] = (interval, comparison)
                continue
            joined, first = box[quantity.name][0].intersect(interval), box[quantity.name][1]
            if _empty_in_domain(joined, quantity):
                self.report(EMPTY_RANGE, f"`{comparison_text(comparison)}` contradicts `{comparison_text(first)}`: "
                            f"no value of `{quantity.name}` meets both", comparison.span,
                            related=(Related(first.span, "the other condition"),),
                            help="check the bounds; a condition like this never holds")
                return False
            box[quantity.name] = (joined, first)
        return True

    def check_comparison(self, comparison: ast.Comparison) -> bool:
        name = self.check_comparison_shape(comparison)
        if name is None:
            return False
        quantity = self.quantities.get(name.value)
        if quantity is None:
            self.unknown_quantity(name)
            return False
        literals = [o for o in comparison.operands if isinstance(o, ast.Quantity)]
        if not all([self.check_literal(quantity, literal, comparison) for literal in literals]):
            return False
        _, interval = comparison_bounds(comparison, self.quantities)
        if _empty_in_domain(interval, quantity):
            self.report(EMPTY_RANGE, f"no value of `{name.value}` meets `{comparison_text(comparison)}`",
                        comparison.span, help=_empty_help(comparison, quantity))
            return False
        return True

    def check_comparison_shape(self, comparison: ast.Comparison) -> ast.Name | None:
        """The one name of a well-shaped comparison: a bound, or a range around the name."""
        operands, ops = comparison.operands, comparison.ops
        names = [o for o in operands if isinstance(o, ast.Name)]
        problem = None
        if not names:
            problem = "this comparison has no input or metric in it"
        elif len(names) > 1:
            problem = (f"`{names[0].value}` is compared with `{names[1].value}`: a comparison bounds one "
                       "input or metric with values")
        elif len(operands) > 3 or (len(operands) == 3 and not isinstance(operands[1], ast.Name)):
            problem = "a range puts the input or metric in the middle"
        elif "==" in ops and len(ops) > 1:
            problem = "`==` cannot be part of a range"
        elif len(ops) == 2 and not ({*ops} <= ASCENDING or {*ops} <= DESCENDING):
            problem = "both comparisons of a range must point the same way"
        if problem is None:
            return names[0]
        self.report(BAD_COMPARISON, problem, comparison.span,
                    help="write a bound such as `LDR >= 4%` or a range such as `10% <= LDR < 25%`")
        return None

    def unknown_quantity(self, name: ast.Name) -> None:
        if name.value in self.inputs or name.value in self.metrics:
            return  # its declaration has an error, reported there
        if name.value in self.bases:
            self.report(BAD_COMPARISON, f"`{name.value}` is a basis for order volume limits, not an input "
                        "or metric", name.span, help=f"compare its input, `{self.bases[name.value].source.value}`")
            return
        self.unknown("input or metric", name, list(self.inputs) + list(self.metrics))

    def check_literal(self, quantity: Quantity, literal: ast.Quantity, comparison: ast.Comparison) -> bool:
        expected = {"count": "number", "number": "number", "rate": "percent",
                    "duration": "duration", "money": "money"}[quantity.kind]
        text = _literal_text(literal)
        if literal.kind != expected:
            self.report(UNIT_MISMATCH, f"`{quantity.name}` is {_say(quantity.kind)}, but `{text}` is "
                        f"{LITERAL_WORDS[literal.kind]}", literal.span,
                        help=_compare_help(quantity, literal, comparison))
            return False
        if quantity.kind == "count" and not literal.is_whole:
            self.report(NOT_WHOLE, f"`{quantity.name}` counts whole items, but `{text}` is not a whole number",
                        literal.span, help="compare a count with a whole number")
            return False
        if quantity.kind == "money" and literal.unit != quantity.unit:
            self.report(UNIT_MISMATCH, f"`{quantity.name}` is in {quantity.unit}, but `{text}` is in {literal.unit}",
                        literal.span, help=f"write the amount in {quantity.unit}")
            return False
        if literal.kind == "percent":
            return self.check_percent(literal, f"`{quantity.name}` is a share of a whole: from 0% to 100%")
        return True

    def check_percent(self, literal: ast.Quantity, help: str) -> bool:
        if literal.value > 100:
            self.report(PERCENT_RANGE, f"`{_literal_text(literal)}` is more than 100%", literal.span, help=help)
            return False
        return True

    # ---- literals by expected kind
    def expect(self, literal: ast.Quantity, kind: str, what: str, example: str,
               whole: bool = True, positive: bool = True) -> bool:
        if literal.kind != kind:
            self.report(UNIT_MISMATCH, f"{what} is {LITERAL_WORDS[kind]}, but `{_literal_text(literal)}` is "
                        f"{LITERAL_WORDS[literal.kind]}", literal.span, help=f"write it like `{example}`")
            return False
        if whole and not literal.is_whole:
            self.report(NOT_WHOLE, f"{what} must be a whole number, not `{_literal_text(literal)}`", literal.span,
                        help=f"write it like `{example}`")
            return False
        if kind == "duration" and whole and literal.unit != "d":
            self.report(BAD_VALUE, f"{what} is counted in whole calendar days", literal.span,
                        help=f"write it like `{example}`")
            return False
        if positive and literal.value <= 0:
            self.report(BAD_VALUE, f"{what} must be more than zero", literal.span, help=f"write it like `{example}`")
            return False
        largest = MOST_DAYS if kind == "duration" and literal.unit == "d" else MOST_WHOLE if whole else None
        if largest is not None and literal.value > largest:
            self.report(BAD_VALUE, f"{what} can be at most {largest:,}"
                        f"{' days (100 years)' if largest == MOST_DAYS else ''}, not `{_literal_text(literal)}`",
                        literal.span, help=f"write it like `{example}`")
            return False
        if kind == "percent":
            return self.check_percent(literal, f"{what} is a share: at most 100%")
        return True

    # ---- rules
    def check_rules(self, rules: tuple[ast.Rule, ...]) -> None:
        defined: dict[tuple[str, str], ast.Name] = {}
        for rule in rules:
            seen_regions: set[str] = set()
            for region in rule.regions:
                if region.value not in self.regions:
                    self.unknown("region", region, self.regions,
                                 help="declare it with `region NAME { ... }`")
                    continue
                if region.value in seen_regions:
                    self.report(DUPLICATE, f"region `{region.value}` is listed twice", region.span,
                                help="remove one of them")
                    continue
                seen_regions.add(region.value)
                key = (rule.name.value, region.value)
                if key in defined:
                    self.report(DUPLICATE, f"rule `{rule.name.value}` is defined twice for {region.value}",
                                region.span, related=(Related(defined[key].span, "first defined here"),),
                                help="remove one of them, or give this one other regions")
                else:
                    defined[key] = region
            self.check_rule(rule)

    def check_rule(self, rule: ast.Rule) -> None:
        for kind, keyword in ((ast.ReasonRef, "reason"), (ast.OnMetric, "on")):
            items = rule.items_of(kind)
            self.once(items, f"a rule has one `{keyword}`")
        for ref in rule.items_of(ast.ReasonRef)[:1]:
            if ref.name.value not in self.reasons:
                self.unknown("reason", ref.name, self.reasons, help=f"declare it in the catalogue: "
                             f"`reason {ref.name.value} in CATEGORY {{ name en \"...\" }}`")
        for on in rule.items_of(ast.OnMetric)[:1]:
            if on.name.value not in self.metrics:
                self.unknown("metric", on.name, self.metrics)
        for may in rule.items_of(ast.May):
            self.check_may(may)
        table_names: dict[str, ast.Name] = {}
        for table in rule.tables:
            if table.name is not None:
                if table.name.value in table_names:
                    self.duplicate("table", table.name, table_names[table.name.value].span)
                table_names.setdefault(table.name.value, table.name)
            if not table.rows:
                self.report(UNUSED, "this table has no rows", keyword_span(table, "table"), severity=WARNING,
                            help="add its rows, `when ... then ...`, or remove it")
            for row in table.rows:
                if row.otherwise:
                    self.check_otherwise(rule, row)
                else:
                    self.check_row_condition(row.condition)
                self.check_actions(row)
        if not rule.tables and not rule.items_of(ast.OnMetric):
            self.report(UNUSED, f"rule `{rule.name.value}` has neither a metric nor a table",
                        rule.name.span, severity=WARNING, help="add `on METRIC` or a `table { ... }`")

    def check_otherwise(self, rule: ast.Rule, row: ast.Row) -> None:
        """An `otherwise` row fires where the rule's metric has a value and no other row
        of its table matches: the rule needs its metric."""
        if not rule.items_of(ast.OnMetric):
            self.report(MISSING, f"an `otherwise` row fires for sellers whose rule metric has a value, but rule "
                        f"`{rule.name.value}` names no metric", keyword_span(row, "otherwise"),
                        help="add `on METRIC` to the rule, or write the row's condition: `when ... then ...`")

    def check_may(self, may: ast.May) -> None:
        seen: set[str] = set()
        for name in may.names:
            if name.value in seen:
                self.report(DUPLICATE, f"`{name.value}` is listed twice", name.span, help="remove one of them")
            seen.add(name.value)
            if name.value != "points" and name.value not in self.measures:
                self.unknown("measure", name, list(self.measures) + ["points"])

    def check_actions(self, row: ast.Row) -> None:
        seen: dict[type, object] = {}
        for action in row.actions:
            kind = type(action)
            if kind is not ast.MeasureAction and kind in seen:
                self.report(DUPLICATE, "this row already has this action", action.span,
                            related=(Related(seen[kind].span, "first here"),))
            seen.setdefault(kind, action)
            if isinstance(action, ast.Points):
                self.expect(action.amount, "number", "violation points", "points 3")
            elif isinstance(action, ast.Limit):
                self.expect(action.days, "duration", "the length of a limit", "limit 7d at 10% avg4w")
                self.expect(action.percent, "percent", "the cap of a limit", "limit 7d at 10% avg4w",
                            whole=False)
                if action.basis.value not in self.bases:
                    self.unknown("basis", action.basis, self.bases,
                                 help="declare it with `basis avg4w = avg_daily_orders_4w { round down }`")
            elif isinstance(action, ast.MeasureAction):
                if action.name.value not in self.measures:
                    self.unknown("action or measure", action.name,
                                 list(self.measures) + ["points", "warning", "limit"])

    # ---- ledger, appeals, holds, catalogue
    def check_ledger(self, ledger: ast.Ledger) -> None:
        for kind, keyword in ((ast.Expiry, "points expire after"), (ast.Deactivation, "deactivate at"),
                              (ast.WarningMargin, "warn"), (ast.Crossing, "multiple thresholds apply"),
                              (ast.Freeze, "points freeze"), (ast.Linked, "linked accounts")):
            self.once(ledger.items_of(kind), f"the ledger says `{keyword}` twice")
        if not ledger.items_of(ast.Expiry):
            self.report(MISSING, "the ledger does not say when points expire", keyword_span(ledger, "ledger"),
                        help="add `points expire after 180d`")
        if len(ledger.items_of(ast.Threshold)) > 1 and not ledger.items_of(ast.Crossing):
            self.report(MISSING, "the ledger does not say which measures apply when one scoring "
                        "crosses several thresholds", keyword_span(ledger, "ledger"),
                        help="add `multiple thresholds apply highest` (or `... apply all`)")
        for expiry in ledger.items_of(ast.Expiry):
            self.expect(expiry.after, "duration", "the life of points", "points expire after 180d")
        for item in ledger.items_of(ast.Deactivation):
            self.expect(item.points, "number", "the deactivation threshold", "deactivate at 48 points")
        if ledger.items_of(ast.Freeze) and not ledger.items_of(ast.Deactivation):
            self.report(MISSING, "points freeze while deactivated, but the ledger never deactivates",
                        ledger.items_of(ast.Freeze)[0].span, help="add `deactivate at 48 points`")
        thresholds = self.check_thresholds(ledger.items_of(ast.Threshold))
        for item in ledger.items_of(ast.WarningMargin):
            self.check_warning_margin(item, thresholds)

    def check_thresholds(self, thresholds: tuple[ast.Threshold, ...]) -> list[ast.Threshold]:
        """Each threshold and its measures; the well-formed ones, in order."""
        previous: ast.Threshold | None = None
        valid = []
        for threshold in thresholds:
            self.check_threshold_measures(threshold)
            if not self.expect(threshold.points, "number", "a threshold", "threshold 12 { ... }"):
                continue
            valid.append(threshold)
            if previous is not None and threshold.points.value == previous.points.value:
                self.report(DUPLICATE, f"threshold {threshold.points.value} is defined twice", threshold.points.span,
                            related=(Related(previous.points.span, "first defined here"),),
                            help="merge their measures into one threshold")
            elif previous is not None and threshold.points.value < previous.points.value:
                self.report(OUT_OF_ORDER, f"thresholds out of order: {threshold.points.value} comes after "
                            f"{previous.points.value}", threshold.points.span,
                            related=(Related(previous.points.span, "the previous threshold"),),
                            help="list thresholds from the lowest to the highest")
            previous = threshold
        return valid

    def check_threshold_measures(self, threshold: ast.Threshold) -> None:
        seen: set[str] = set()
        for item in threshold.measures:
            if item.measure.value not in self.measures:
                self.unknown("measure", item.measure, self.measures)
            elif item.measure.value in seen:
                self.report(DUPLICATE, f"measure `{item.measure.value}` is listed twice in this threshold",
                            item.measure.span, help="remove one of them")
            seen.add(item.measure.value)
            if item.duration is not None:
                self.expect(item.duration, "duration", "the length of a measure", "no_campaigns for 7d")

    def check_warning_margin(self, margin: ast.WarningMargin, thresholds: list[ast.Threshold]) -> None:
        if not self.expect(margin.points, "number", "the warning margin", "warn 5 points before each threshold"):
            return
        lowest = min(thresholds, key=lambda t: t.points.value, default=None)
        if lowest is not None and margin.points.value >= lowest.points.value:
            self.report(OUT_OF_ORDER, f"the warning margin, {_literal_text(margin.points)} points, is not below "
                        f"the lowest threshold, {_literal_text(lowest.points)} points", margin.points.span,
                        related=(Related(lowest.points.span, "the lowest threshold"),),
                        help="a warning that early would be due before any violation; make the margin smaller")

    def check_appeals(self, appeals: ast.Appeals) -> None:
        for kind, keyword, example in ((ast.Attempts, "at most", "at most 2 per violation"),
                                       (ast.FirstWindow, "first within", "first within 30d of penalty"),
                                       (ast.NextWindow, "next within", "next within 15d of rejection")):
            items = appeals.items_of(kind)
            if not items:
                self.report(MISSING, f"the appeals block does not say `{keyword}`", keyword_span(appeals, "appeals"),
                            help=f"add `{example}`")
            self.once(items, f"the appeals block says `{keyword}` twice")
        for item in appeals.items_of(ast.Attempts):
            self.expect(item.count, "number", "the number of appeals", "at most 2 per violation")
        for item in appeals.items_of(ast.FirstWindow) + appeals.items_of(ast.NextWindow):
            self.expect(item.within, "duration", "an appeal window", "first within 30d of penalty")

    def check_hold(self, hold: ast.Hold) -> None:
        for item in hold.items_of(ast.HoldFor):
            for reason in item.reasons:
                if reason.value not in self.reasons:
                    self.unknown("reason", reason, self.reasons)
        periods = hold.items_of(ast.HoldPeriod)
        if not periods:
            self.report(MISSING, f"hold `{hold.name.value}` has no period", hold.name.span,
                        help="add `period 90d to 180d`")
        if not hold.items_of(ast.HoldEnd):
            self.report(MISSING, f"hold `{hold.name.value}` does not say when it ends", hold.name.span,
                        help="add `ends at later of period and investigation` (or `earlier`)")
        self.once(periods, "a hold has one period")
        for period in periods[:1]:
            ok = self.expect(period.shortest, "duration", "a hold period", "period 90d to 180d")
            ok = self.expect(period.longest, "duration", "a hold period", "period 90d to 180d") and ok
            if ok and period.shortest.value > period.longest.value:
                self.report(OUT_OF_ORDER, f"the hold period runs backwards: from {_literal_text(period.shortest)} "
                            f"to {_literal_text(period.longest)}", period.span,
                            help="write the shorter period first")
        self.once(hold.items_of(ast.HoldEnd), "a hold says once when it ends")
        outcomes: dict[str, ast.HoldOutcome] = {}
        for item in hold.items_of(ast.HoldOutcome):
            if item.outcome in outcomes:
                self.report(DUPLICATE, f"the hold says twice what happens on {item.outcome} appeal", item.span,
                            related=(Related(outcomes[item.outcome].span, "first here"),))
            outcomes.setdefault(item.outcome, item)
            if item.appeal_within is not None:
                self.expect(item.appeal_within, "duration", "an appeal window", "on no appeal within 30d keep until period end")
            if item.release_within is not None:
                self.expect(item.release_within, "duration", "a release time", "on accepted appeal release within 1d")

    def check_reason(self, reason: ast.Reason, rules: tuple[ast.Rule, ...]) -> None:
        if reason.category.value not in self.categories:
            self.unknown("category", reason.category, self.categories)
        for may in reason.items_of(ast.May):
            self.check_may(may)
        sources = reason.items_of(ast.ReasonPoints)
        self.once(sources, "a reason says once where its points come from")
        if not sources or not self.complete:
            return  # without every file, the rules that score this reason are not all known
        scoring = [r for r in rules
                   if any(ref.name.value == reason.name.value for ref in r.items_of(ast.ReasonRef))
                   and any(isinstance(a, ast.Points) for t in r.tables for row in t.rows for a in row.actions)]
        if sources[0].source == "rule" and not scoring:
            self.report(INCONSISTENT, f"reason `{reason.name.value}` takes its points from a rule, "
                        "but no rule for it scores points", sources[0].span,
                        help="name the reason in a rule with point rows, or write `points discretionary`")
        if sources[0].source == "discretionary" and scoring:
            self.report(INCONSISTENT, f"reason `{reason.name.value}` leaves points to the platform, "
                        f"but rule `{scoring[0].name.value}` scores points for it", sources[0].span,
                        related=(Related(scoring[0].name.span, "the rule"),),
                        help="write `points by rule`")


def _empty_help(comparison: ast.Comparison, quantity: Quantity) -> str:
    """Why a range is empty: its bounds cross, no whole number fits, or it lies outside
    the values the quantity can take."""
    rational = comparison_bounds(comparison, {quantity.name: quantity}, whole=False)[1]
    if rational.lo is not None and rational.hi is not None and rational.is_empty():
        return "the lower bound must be below the upper bound"
    if not _empty_in_domain(rational, quantity):
        return f"`{quantity.name}` counts whole items, and no whole number lies in this range"
    domain = quantity.domain
    if rational.intersect(Interval(hi=domain.lo, hi_closed=False)) == rational:
        return f"`{quantity.name}` is never below {_domain_end(quantity, domain.lo)}"
    return f"`{quantity.name}` is never above {_domain_end(quantity, domain.hi)}"


def _domain_end(quantity: Quantity, value: Fraction) -> str:
    return "zero" if value == 0 else (f"{value * 100}%" if quantity.kind == "rate" else str(value))


def _empty_in_domain(interval: Interval, quantity: Quantity) -> bool:
    return interval.intersect(quantity.domain).is_empty()


def _literal_text(literal: ast.Quantity) -> str:
    return quantity_text(literal)


def _compare_help(quantity: Quantity, literal: ast.Quantity, comparison: ast.Comparison) -> str:
    """The comparison as it was probably meant: the same number in the right unit (a
    plain number between 0 and 1 against a rate is a fraction: 0.95 is 95%)."""
    fraction = literal.kind == "number" and 0 < literal.value < 1
    fixed = {"count": ast.Quantity("number", literal.value), "number": ast.Quantity("number", literal.value),
             "rate": ast.Quantity("percent", literal.value * 100 if fraction else literal.value),
             "duration": ast.Quantity("duration", literal.value, "min"),
             "money": ast.Quantity("money", literal.value, quantity.unit or "USD")}[quantity.kind]
    operands = tuple(fixed if o is literal else o for o in comparison.operands)
    suggestion = comparison_text(ast.Comparison(operands, comparison.ops))
    what = {"count": "a count with a whole number", "number": "a number with a plain number",
            "rate": "a rate with a percentage", "duration": "a duration with a duration",
            "money": "money with an amount in its currency"}[quantity.kind]
    return f"compare {what}, such as `{suggestion}`"
