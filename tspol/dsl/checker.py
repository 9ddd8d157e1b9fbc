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
from tspol.messages import Message, Words, points_said, say
from tspol.dsl import ast
from tspol.dsl.domains import combined_domain, ratio_interval
from tspol.dsl.formatter import comparison_text, quantity_text, reason_range_text
from tspol.dsl.intervals import Interval
from tspol.dsl.pack import (KIND_WORDS, MINUTES, MOST_BOXES, Pack, Quantity, TooManyBoxes, comparison_bounds,
                            condition_boxes)

from tspol.codes import (
    RESET_DAY,
    UNTIL_NO_STANDARD,
    UNTIL_NOT_EVALUATED,
    SCORE_CAP,
    SCORE_CONFLICT,
    SCORE_REGAIN_PERIOD,
    SCORE_THRESHOLD,
    UNKNOWN_WEEKDAY,
    BAD_MONTH_DAY,
    RANGE_BACKWARDS,
    POINTS_OUTSIDE,
    ARITH_DENOMINATORS,
    ARITH_KINDS,
    ARITH_TERM,
    ARITH_WEIGHT,
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
    NO_CHINESE_NAME,
    LEVELS_NO_DEFAULT,
    TWO_LEVELS,
    PARAM_NO_VALUE,
    PARAM_MISPLACED,
    PARAM_GAP,
    PARAM_TYPE,
    PARAM_CASE_UNREACHED,
    WINDOW_MISPLACED,
    WINDOW_CASE_TYPE,
    WINDOW_CASE_UNREACHED,
)
from tspol.dsl.params import box_text, case_guards, mentions_param, no_case_holds, param_named, region_cases, \
    without_params

# Bounds that keep every date of the ledger a real date and every sum an ordinary
# number: no policy needs more.
MOST_DAYS = 36_500
MOST_WHOLE = 1_000_000
LAST_RESET_DAY = 28  # `points reset on day N of each month`: a day every month has

LANGUAGES = ("en", "zh")
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


def _say(kind: str) -> Message | str:
    """`a count`, `a rate`: a kind of quantity in words (KIND_WORDS)."""
    return say(f"kind.{kind}") if kind in KIND_WORDS else kind


# ---- arithmetic on metrics (issue 11)
FUNCTIONS = ("max", "min")


def _weight(term: ast.Term) -> Fraction:
    return Fraction(1) if term.weight is None else term.weight.value


def _unit_words(quantity: Quantity) -> Message:
    """`a count`; `a duration in hours`, `money in EUR`: a kind with its unit, where it has one."""
    if quantity.unit is None or quantity.unit == "":
        return _say(quantity.kind)
    return say("check.kind_in_unit", kind=_say(quantity.kind), unit=quantity.unit)


def _literal(kind: str) -> Message:
    """`a plain number`, `a percentage`: a kind of literal in words."""
    return say(f"literal.{kind}")


QUANTITY_KINDS = {ast.Input: "input", ast.Metric: "metric", ast.Basis: "basis"}
# What a pack that names anything in Chinese names in Chinese too: the words of its explanations.
NAMED_IN_CHINESE = {ast.Rule: "rule", ast.Metric: "metric", ast.Measure: "measure"}


def keyword_span(decl, keyword: str) -> Span:
    """The span of the keyword a declaration starts with: one line, not the whole block."""
    span = decl.span
    return Span(span.path, span.line, span.column, span.line, span.column + len(keyword))


def closest(name: str, candidates: Iterable[str]) -> list[str]:
    """The candidates closest to `name` by similarity, then by the length of the
    prefix they share with it (`munday` is `monday`, not `sunday`); every one as
    close as the best, sorted; none below a similarity of 0.6."""
    def closeness(candidate: str) -> tuple[float, int]:
        prefix = len(os.path.commonprefix([name, candidate]))
        return difflib.SequenceMatcher(None, name, candidate).ratio(), prefix

    scored = {c: closeness(c) for c in set(candidates) if closeness(c)[0] >= 0.6}
    if not scored:
        return []
    best = max(scored.values())
    return sorted(c for c, score in scored.items() if score == best)


def suggestion(name: str, candidates: Iterable[str]) -> Message | None:
    """`did you mean `x`?`, naming every candidate as close as the best."""
    close = closest(name, candidates)
    return say("did_you_mean", names=Words([f"`{c}`" for c in close], "or only")) if close else None


class _Checker:
    def __init__(self, files: tuple[ast.File, ...], complete: bool = True):
        self.files = files
        self.complete = complete
        self.diagnostics: list[Diagnostic] = []
        self.decls = [d for f in files for d in f.decls]
        self.redefined: set[str] = set()  # names declared twice: their uses are not reported again
        self.param_used: dict[str, set[str]] = {}  # the regions whose rules compare with each param
        self.windows: dict[str, ast.WindowMetric] = {}  # windowed metrics, collected with the params

    # ---- reporting
    def report(self, code: str, message: Message, span: Span, help: Message | None = None,
               related: tuple[Related, ...] = (), severity: str = ERROR) -> None:
        self.diagnostics.append(Diagnostic(code, message, severity=severity, span=span,
                                           help=help, related=related))

    def unknown(self, what: str, name: ast.Name, candidates: Iterable[str], help: str | None = None) -> None:
        if not self.complete or name.value in self.redefined:
            return  # it may be declared in a file that did not parse; or its declaration has the error
        if name.value in self.windows:  # a windowed metric where a metric of one definition is needed
            self.report(WINDOW_MISPLACED, say("check.window.misplaced", metric=name.value), name.span,
                        help=say("check.window.in_metric.help"))
            return
        self.report(UNKNOWN_NAME, say("check.unknown", what=say(f"noun.{what}"), name=name.value), name.span,
                    suggestion(name.value, candidates) or help)

    def once(self, items, message: Message) -> None:
        """Report every item after the first: a block says each of these once."""
        for extra in items[1:]:
            self.report(DUPLICATE, message, extra.span, related=(Related(items[0].span, say("check.first_here")),),
                        help=say("check.keep_one"))

    def missing(self, message: Message, span: Span, help: Message | None = None) -> None:
        """Something the pack lacks: only known when every file of the pack parsed."""
        if self.complete:
            self.report(MISSING, message, span, help)

    def duplicate(self, what: str, name: ast.Name, first: Span, first_what: str | None = None) -> None:
        self.redefined.add(name.value)
        message = (say("check.defined_twice", what=say(f"noun.{what}"), name=name.value)
                   if first_what in (None, what)
                   else say("check.name_taken", what=say(f"noun.{what}"), name=name.value,
                            first=say(f"a.{first_what}")))
        self.report(DUPLICATE, message, name.span, related=(Related(first, say("check.first_defined_here")),),
                    help=say("check.remove_or_rename"))

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
            self.report(DUPLICATE, say("check.block_twice", keyword=keyword), keyword_span(extra, keyword),
                        related=(Related(keyword_span(found[0], keyword), say("check.first_one_here")),),
                        help=say("check.merge_blocks"))
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
            warnings=tuple(d for d in self.diagnostics if not d.is_error), level_sets=self.level_sets,
            params=self.params, windows=self.windows,
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
        self.level_sets = self.table(ast.LevelSet, "level_set")
        self.inputs: dict[str, ast.Input] = {}
        self.bases: dict[str, ast.Basis] = {}
        self.metrics: dict[str, ast.Metric] = {}
        self.quantity_names()
        self.ledger = self.single(ast.Ledger, "ledger")
        self.appeals = self.single(ast.Appeals, "appeals")
        self.quantities: dict[str, Quantity] = {}  # filled as inputs and metrics are typed
        self.params = self.table(ast.Param, "param")
        self.windows = self.table(ast.WindowMetric, "metric")
        self.param_names()

    @property
    def cased(self) -> dict:
        """Params and windowed metrics: names whose value is the first case that holds."""
        return {**self.params, **self.windows}

    def check_declarations(self) -> None:
        """Inputs before the metrics that divide them, metrics before the rules that compare them."""
        self.check_policy(self.policies)
        for decl in self.decls:
            self.check_texts(decl)
        for decl in self.inputs.values():
            self.check_input(decl)
        for decl in self.metrics.values():
            if decl.combination is None:
                self.check_metric_type(decl)
        for decl in self.metrics.values():
            if decl.combination is not None:  # its terms are inputs and the metrics above
                self.check_combination(decl)
        for decl in self.bases.values():
            self.check_basis(decl)
        for decl in self.metrics.values():
            self.check_metric(decl)
        for level_set in self.level_sets.values():
            self.check_level_set(level_set)
        for decl in self.params.values():
            self.check_param(decl)
        for decl in self.windows.values():
            self.check_window(decl)
        self.check_rules(self.rules)
        self.check_param_gaps()
        if self.ledger:
            self.check_ledger(self.ledger)
        if self.appeals:
            self.check_appeals(self.appeals)
        for hold in self.holds.values():
            self.check_hold(hold)
        for reason in self.reasons.values():
            self.check_reason(reason, self.rules)
        self.check_chinese_names()

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
            self.missing(say("check.no_policy"), Span(span.path, 1, 1, 1, 2), help=say("check.no_policy.help"))
            return
        for extra in policies[1:]:
            self.report(DUPLICATE, say("check.policy_twice"), extra.name.span,
                        related=(Related(policies[0].name.span, say("check.first_policy_here")),),
                        help=say("check.policy_twice.help"))
        policy = policies[0]
        for kind, keyword, example in ((ast.Version, "version", 'version "2025-11-11"'),
                                       (ast.Effective, "effective", "effective 2024-07-15")):
            items = policy.items_of(kind)
            if not items:
                self.report(MISSING, say("check.policy_lacks", keyword=keyword), policy.name.span,
                            help=say("check.policy_lacks.help", example=example))
            self.once(items, say("check.policy_item_twice", keyword=keyword))
        for effective in policy.items_of(ast.Effective):
            self.check_date(effective)

    def check_date(self, effective: ast.Effective) -> None:
        try:
            datetime.date.fromisoformat(effective.date)
        except ValueError:
            end = effective.span  # the date is the last ten characters of the item
            span = Span(end.path, end.end_line, end.end_column - len(effective.date), end.end_line, end.end_column)
            self.report(BAD_VALUE, say("check.not_a_date", date=effective.date), span, help=say("check.date.help"))

    def check_texts(self, decl) -> None:
        seen: dict[tuple[str, str], ast.Text] = {}
        for text in getattr(decl, "items", ()):
            if not isinstance(text, ast.Text):
                continue
            if text.lang.value not in LANGUAGES:
                self.report(BAD_VALUE, say("check.unknown_language", lang=text.lang.value), text.lang.span,
                            help=suggestion(text.lang.value, LANGUAGES) or say("check.languages.help"))
            key = (text.kind, text.lang.value)
            if text.kind != "example" and key in seen:
                self.report(DUPLICATE, say("check.text_twice", kind=text.kind, lang=text.lang.value), text.span,
                            related=(Related(seen[key].span, say("check.first_given_here")),))
            seen.setdefault(key, text)
            if not text.value.strip():
                self.report(BAD_VALUE, say("check.empty_text", kind=text.kind), text.span)

    def check_chinese_names(self) -> None:
        """In a pack that names something in Chinese (`name zh`), every rule, metric and
        measure has its Chinese name: `--lang zh` explains decisions with them (W201, at the
        declaration; one declared twice is reported as that, not again here)."""
        if not any(_named_in_chinese(decl) for decl in self.decls):
            return
        for decl in self.decls:
            what = NAMED_IN_CHINESE.get(type(decl))
            if what is not None and not _named_in_chinese(decl) and decl.name.value not in self.redefined:
                self.report(NO_CHINESE_NAME, say("check.no_chinese_name", what=say(f"noun.{what}"),
                                                 name=decl.name.value),
                            decl.name.span, severity=WARNING, help=say("check.no_chinese_name.help"))

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
            self.report(BAD_VALUE, say("check.duration_unit"), (unit or decl.type).span,
                        help=say("check.duration_unit.help"))
        elif kind == "money" and (unit is None or not (len(unit.value) == 3 and unit.value.isupper())):
            self.report(BAD_VALUE, say("check.money_unit"), (unit or decl.type).span,
                        help=say("check.money_unit.help"))
        elif kind not in ("duration", "money") and unit is not None:
            self.report(BAD_VALUE, say("check.no_unit", kind=_say(kind)), unit.span,
                        help=say("check.write", code=f"{decl.name.value}: {kind}"))
        else:
            return unit.value if unit is not None else None
        return None

    def check_part_of(self, decl: ast.Input) -> None:
        kind = decl.type.kind
        parts = decl.items_of(ast.PartOf)
        self.once(parts, say("check.part_of_once"))
        for part in parts[:1]:
            whole = self.input_named(part.whole)
            if whole is None:
                continue
            if part.whole.value == decl.name.value:
                self.report(BAD_VALUE, say("check.part_of_itself"), part.whole.span)
            elif kind != "count" or whole.type.kind != "count":
                self.report(TYPE_MISMATCH, say("check.part_of_counts"), part.span,
                            help=say("check.kinds_are.help", name=decl.name.value, kind=_say(kind),
                                     whole=whole.name.value, whole_kind=_say(whole.type.kind)))

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
            self.report(TYPE_MISMATCH, say("check.not_an_input", name=name.value, other=say(f"a.{other}")),
                        name.span, help=say("check.not_an_input.help"))
        return None

    def check_direction(self, decl) -> None:
        directions = decl.items_of(ast.Direction)
        self.once(directions, say("check.direction_once"))

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
                self.report(TYPE_MISMATCH, say("check.rate_of_counts", name=name.value, kind=_say(quantity.kind)),
                            name.span, help=say("check.rate_of_counts.help"))
                return
        wholes = {part.whole.value for part in self.inputs[decl.denominator.value].items_of(ast.PartOf)}
        if decl.numerator.value in wholes:
            self.report(INCONSISTENT, say("check.whole_over_part", metric=decl.name.value,
                                          numerator=decl.numerator.value, denominator=decl.denominator.value),
                        decl.denominator.span,
                        help=say("check.whole_over_part.help", numerator=decl.numerator.value,
                                 denominator=decl.denominator.value))
        self.quantities[decl.name.value] = Quantity(decl.name.value, "rate", None, decl, ratio_interval(
            self.total_of(decl.numerator.value) == decl.denominator.value))

    # ---- arithmetic on metrics (issue 11): sums, weighted sums, max and min
    def check_combination(self, decl: ast.Metric) -> None:
        """A sum or a max/min: its terms are quantities of one kind and unit, and it is one
        of them (a sum of counts is a count, a weighted sum of rates a rate)."""
        combination = decl.combination
        if combination.function is not None and combination.operation not in FUNCTIONS:
            self.report(ARITH_TERM, say("check.arith_function", name=combination.operation),
                        combination.function.span, help=say("check.arith_function.help"))
            return
        terms = [(term, self.term_quantity(decl, term)) for term in combination.terms]
        if any(quantity is None for _, quantity in terms):
            return
        (first_term, first), others = terms[0], terms[1:]
        for term, quantity in others:
            if quantity.kind != first.kind or quantity.unit != first.unit:
                self.report(ARITH_KINDS, say("check.arith_kinds", name=term.name.value,
                                             kind=_unit_words(quantity), first=first_term.name.value,
                                             first_kind=_unit_words(first)),
                            term.name.span, help=say("check.arith_kinds.help", metric=decl.name.value))
                return
        if not all(self.weight_fits(term, quantity) for term, quantity in terms):
            return
        if combination.function is None and not self.one_denominator(decl, [q for _, q in terms]):
            return
        domains = [(_weight(term), quantity.domain) for term, quantity in terms]
        self.quantities[decl.name.value] = Quantity(decl.name.value, first.kind, first.unit, decl,
                                                    combined_domain(combination.operation, domains))

    def term_quantity(self, decl: ast.Metric, term: ast.Term) -> Quantity | None:
        """What a term stands for: an input or a metric that is no sum, max or min itself."""
        other = self.metrics.get(term.name.value)
        if other is not None and other.combination is not None:
            self.report(ARITH_TERM, say("check.arith_nested", name=term.name.value, metric=decl.name.value),
                        term.name.span, help=say("check.arith_nested.help", name=term.name.value))
            return None
        if other is not None and other.items_of(ast.OnlyIf):
            self.report(ARITH_TERM, say("check.arith_only_if", name=term.name.value, metric=decl.name.value),
                        term.name.span, help=say("check.arith_only_if.help", metric=decl.name.value))
            return None
        found = self.quantities.get(term.name.value)
        if found is None:
            self.unknown_quantity(term.name)
        return found

    def one_denominator(self, decl: ast.Metric, quantities: list[Quantity]) -> bool:
        """The rates of one sum divide by one input: so the sum is one rate, `(2 * a + 3 * b) / d`,
        which every engine decides exactly (the analysis, headroom and SQL in linear terms)."""
        found: dict[str, ast.Metric] = {}
        for quantity in quantities:
            metric = quantity.decl if isinstance(quantity.decl, ast.Metric) else None
            if metric is not None and metric.denominator is not None:
                found.setdefault(metric.denominator.value, metric)
        if len(found) <= 1:
            return True
        (first, one), (second, other) = list(found.items())[:2]
        self.report(ARITH_DENOMINATORS, say("check.arith_denominators", metric=decl.name.value, first=one.name.value,
                                            denominator=first, second=other.name.value, other=second),
                    decl.combination.span, help=say("check.arith_denominators.help"))
        return False

    def weight_fits(self, term: ast.Term, quantity: Quantity) -> bool:
        """A weight is more than 0, and whole on a count (a sum of counts is a count)."""
        if term.weight is None:
            return True
        if term.weight.value == 0:
            self.report(ARITH_WEIGHT, say("check.arith_zero_weight", name=term.name.value), term.weight.span,
                        help=say("check.arith_zero_weight.help"))
            return False
        if quantity.kind == "count" and not term.weight.is_whole:
            self.report(ARITH_WEIGHT, say("check.arith_whole_weight", name=term.name.value,
                                          weight=quantity_text(term.weight)),
                        term.weight.span, help=say("check.arith_whole_weight.help"))
            return False
        return True

    def check_basis(self, decl: ast.Basis) -> None:
        source = self.quantities.get(decl.source.value)
        if self.input_named(decl.source) is None:
            pass
        elif source is not None and source.kind not in ("count", "number"):
            self.report(TYPE_MISMATCH, say("check.basis_of_orders", name=decl.source.value, kind=_say(source.kind)),
                        decl.source.span)
        roundings = decl.items_of(ast.Rounding)
        if not roundings:
            self.report(MISSING, say("check.basis_rounding", name=decl.name.value),
                        decl.name.span, help=say("check.basis_rounding.help"))
        self.once(roundings, say("check.rounding_once"))

    def check_metric(self, decl: ast.Metric) -> None:
        self.check_direction(decl)
        quantity = self.quantities.get(decl.name.value)
        standards = decl.items_of(ast.Standard)
        for extra in standards[1:]:
            self.report(DUPLICATE, say("check.one_standard"), extra.span, help=say("check.one_standard.help"))
        for standard in standards[:1]:
            if self.refuse_param(standard.condition, "standard") or not self.check_plain(standard.condition, "standard") \
                    or not self.check_condition(standard.condition):
                continue
            for comparison in standard.condition.comparisons:
                named = next(o for o in comparison.operands if isinstance(o, ast.Name))
                if named.value != decl.name.value:
                    self.report(BAD_COMPARISON, say("check.standard_about", metric=decl.name.value), named.span,
                                help=say("check.standard_about.help", metric=decl.name.value))
                    break
            else:
                if quantity is not None:
                    self.check_standard_direction(decl, standard)
        for only_if in decl.items_of(ast.OnlyIf):
            if self.refuse_param(only_if.condition, "only_if"):
                continue
            if self.check_plain(only_if.condition, "only_if") and self.check_condition(only_if.condition):
                self.check_only_if_inputs(decl, only_if)

    def check_only_if_inputs(self, decl: ast.Metric, only_if: ast.OnlyIf) -> None:
        """An `only if` is a condition on inputs: a metric in it (itself or another) is an error."""
        for comparison in only_if.condition.comparisons:
            named = next(o for o in comparison.operands if isinstance(o, ast.Name))
            if named.value in self.metrics:
                self.report(TYPE_MISMATCH, say("check.only_if_metric", metric=decl.name.value, name=named.value),
                            named.span, help=say("check.only_if_metric.help"))

    def check_standard_direction(self, decl: ast.Metric, standard: ast.Standard) -> None:
        direction = decl.first(ast.Direction)
        if direction is None:
            return
        box = comparison_bounds(standard.condition.comparisons[0], self.quantities)[1]
        bounded_above = box.hi is not None and box.lo is None
        bounded_below = box.lo is not None and box.hi is None
        if (direction.worse == "higher" and bounded_below) or (direction.worse == "lower" and bounded_above):
            self.report(DIRECTION, say("check.direction", metric=decl.name.value, worse=direction.worse,
                                       stay=say("check.stay.high" if bounded_below else "check.stay.low")),
                        standard.span, severity=WARNING, help=say("check.direction.help"))

    # ---- conditions
    def check_plain(self, condition: ast.Condition, what: str) -> bool:
        """A standard or an `only if` (`what`: "standard", "only_if") is comparisons joined
        by `and`: one range per quantity."""
        item = next((item for item in condition.items if not isinstance(item, ast.Comparison)), None)
        if item is None:
            return True
        self.report(BAD_VALUE, say(f"check.plain.{what}"), item.span, help=say("check.plain.help"))
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
            self.report(BAD_VALUE, say("check.too_many_boxes", count=exc.args[0], most=MOST_BOXES), condition.span,
                        help=say("check.too_many_boxes.help"))
            return False
        if not boxes:
            self.report(EMPTY_RANGE, say("check.never_holds"), condition.span, help=say("check.never_holds.help"))
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
                self.report(EMPTY_RANGE, say("check.contradicts", comparison=comparison_text(comparison),
                                             other=comparison_text(first), name=quantity.name), comparison.span,
                            related=(Related(first.span, say("check.the_other_condition")),),
                            help=say("check.contradicts.help"))
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
            self.report(EMPTY_RANGE, say("check.no_value_meets", name=name.value, comparison=comparison_text(comparison)),
                        comparison.span, help=_empty_help(comparison, quantity))
            return False
        return True

    def check_comparison_shape(self, comparison: ast.Comparison) -> ast.Name | None:
        """The one name of a well-shaped comparison: a bound, or a range around the name."""
        operands, ops = comparison.operands, comparison.ops
        names = [o for o in operands if isinstance(o, ast.Name)]
        problem = None
        if not names:
            problem = say("check.shape.no_name")
        elif len(names) == 2 and self.unknown_param(names):
            return None
        elif len(names) > 1:
            problem = say("check.shape.two_names", first=names[0].value, second=names[1].value)
        elif len(operands) > 3 or (len(operands) == 3 and not isinstance(operands[1], ast.Name)):
            problem = say("check.shape.middle")
        elif "==" in ops and len(ops) > 1:
            problem = say("check.shape.equal_in_range")
        elif len(ops) == 2 and not ({*ops} <= ASCENDING or {*ops} <= DESCENDING):
            problem = say("check.shape.same_way")
        if problem is None:
            return names[0]
        self.report(BAD_COMPARISON, problem, comparison.span, help=say("check.shape.help"))
        return None

    def unknown_quantity(self, name: ast.Name) -> None:
        if name.value in self.inputs or name.value in self.metrics:
            return  # its declaration has an error, reported there
        if name.value in self.bases:
            self.report(BAD_COMPARISON, say("check.basis_compared", name=name.value), name.span,
                        help=say("check.basis_compared.help", source=self.bases[name.value].source.value))
            return
        self.unknown("input_or_metric", name, list(self.inputs) + list(self.metrics))

    def check_literal(self, quantity: Quantity, literal: ast.Quantity, comparison: ast.Comparison) -> bool:
        expected = {"count": "number", "number": "number", "rate": "percent",
                    "duration": "duration", "money": "money"}[quantity.kind]
        text = _literal_text(literal)
        if literal.kind != expected:
            self.report(UNIT_MISMATCH, say("check.literal_kind", name=quantity.name, kind=_say(quantity.kind),
                                           value=text, literal=_literal(literal.kind)), literal.span,
                        help=_compare_help(quantity, literal, comparison))
            return False
        if quantity.kind == "count" and not literal.is_whole:
            self.report(NOT_WHOLE, say("check.count_not_whole", name=quantity.name, value=text),
                        literal.span, help=say("check.count_not_whole.help"))
            return False
        if quantity.kind == "money" and literal.unit != quantity.unit:
            self.report(UNIT_MISMATCH, say("check.currency", name=quantity.name, unit=quantity.unit, value=text,
                                           other=literal.unit),
                        literal.span, help=say("check.currency.help", unit=quantity.unit))
            return False
        if literal.kind == "percent":
            return self.check_percent(literal, say("check.share.help", name=quantity.name))
        return True

    def check_percent(self, literal: ast.Quantity, help: Message) -> bool:
        if literal.value > 100:
            self.report(PERCENT_RANGE, say("check.over_100", value=_literal_text(literal)), literal.span, help=help)
            return False
        return True

    # ---- literals by expected kind
    def expect(self, literal: ast.Quantity, kind: str, what: str, example: str,
               whole: bool = True, positive: bool = True) -> bool:
        """A literal of `kind`; `what` is what it is (`points`: `what.points` in tspol.messages,
        "violation points")."""
        what = say(f"what.{what}")
        value, like = _literal_text(literal), say("check.write_like", example=example)
        if literal.kind != kind:
            self.report(UNIT_MISMATCH, say("check.expect.kind", what=what, kind=_literal(kind), value=value,
                                           literal=_literal(literal.kind)), literal.span, help=like)
            return False
        if whole and not literal.is_whole:
            self.report(NOT_WHOLE, say("check.expect.whole", what=what, value=value), literal.span, help=like)
            return False
        if kind == "duration" and whole and literal.unit != "d":
            self.report(BAD_VALUE, say("check.expect.days", what=what), literal.span, help=like)
            return False
        if positive and literal.value <= 0:
            self.report(BAD_VALUE, say("check.expect.positive", what=what), literal.span, help=like)
            return False
        largest = MOST_DAYS if kind == "duration" and literal.unit == "d" else MOST_WHOLE if whole else None
        if largest is not None and literal.value > largest:
            self.report(BAD_VALUE, say("check.expect.at_most_days" if largest == MOST_DAYS else "check.expect.at_most",
                                       what=what, largest=largest, value=value), literal.span, help=like)
            return False
        if kind == "percent":
            return self.check_percent(literal, say("check.expect.share.help", what=what))
        return True

    # ---- rules
    def check_rules(self, rules: tuple[ast.Rule, ...]) -> None:
        defined: dict[tuple[str, str], ast.Name] = {}
        for rule in rules:
            seen_regions: set[str] = set()
            for region in rule.regions:
                if region.value not in self.regions:
                    self.unknown("region", region, self.regions, help=say("check.declare_region.help"))
                    continue
                if region.value in seen_regions:
                    self.report(DUPLICATE, say("check.region_listed_twice", name=region.value), region.span,
                                help=say("check.remove_one"))
                    continue
                seen_regions.add(region.value)
                key = (rule.name.value, region.value)
                if key in defined:
                    self.report(DUPLICATE, say("check.rule_twice", rule=rule.name.value, region=region.value),
                                region.span, related=(Related(defined[key].span, say("check.first_defined_here")),),
                                help=say("check.rule_twice.help"))
                else:
                    defined[key] = region
            self.check_rule(rule)

    def check_rule(self, rule: ast.Rule) -> None:
        for kind, keyword in ((ast.ReasonRef, "reason"), (ast.OnMetric, "on"), (ast.Cadence, "evaluated")):
            items = rule.items_of(kind)
            self.once(items, say("check.rule_one", keyword=keyword))
        for cadence in rule.items_of(ast.Cadence)[:1]:
            self.check_cadence(cadence)
        for ref in rule.items_of(ast.ReasonRef)[:1]:
            if ref.name.value not in self.reasons:
                self.unknown("reason", ref.name, self.reasons, help=say("check.declare_reason.help", name=ref.name.value))
        for on in rule.items_of(ast.OnMetric)[:1]:
            if on.name.value not in self.metrics and on.name.value not in self.windows:
                self.unknown("metric", on.name, list(self.metrics) + list(self.windows))
        for may in rule.items_of(ast.May):
            self.check_may(may)
        table_names: dict[str, ast.Name] = {}
        for table in rule.tables:
            if table.name is not None:
                if table.name.value in table_names:
                    self.duplicate("table", table.name, table_names[table.name.value].span)
                table_names.setdefault(table.name.value, table.name)
            if not table.rows:
                self.report(UNUSED, say("check.no_rows"), keyword_span(table, "table"), severity=WARNING,
                            help=say("check.no_rows.help"))
            for row in table.rows:
                if row.otherwise:
                    self.check_otherwise(rule, row)
                elif mentions_param(row.condition, self.cased):
                    self.check_param_row(rule, row.condition)
                else:
                    self.check_row_condition(row.condition)
                self.check_actions(row)
        if not rule.tables and not rule.items_of(ast.OnMetric):
            self.report(UNUSED, say("check.rule_empty", rule=rule.name.value),
                        rule.name.span, severity=WARNING, help=say("check.rule_empty.help"))

    def check_otherwise(self, rule: ast.Rule, row: ast.Row) -> None:
        """An `otherwise` row fires where the rule's metric has a value and no other row
        of its table matches: the rule needs its metric."""
        if not rule.items_of(ast.OnMetric):
            self.report(MISSING, say("check.otherwise_no_metric", rule=rule.name.value), keyword_span(row, "otherwise"),
                        help=say("check.otherwise_no_metric.help"))

    def check_may(self, may: ast.May) -> None:
        seen: set[str] = set()
        for name in may.names:
            if name.value in seen:
                self.report(DUPLICATE, say("check.listed_twice", name=name.value), name.span, help=say("check.remove_one"))
            seen.add(name.value)
            if name.value != "points" and name.value not in self.measures:
                self.unknown("measure", name, list(self.measures) + ["points"])

    def check_actions(self, row: ast.Row) -> None:
        seen: dict[type, object] = {}
        for action in row.actions:
            kind = type(action)
            if kind is ast.LevelAction:
                self.check_level_action(action, seen)
                continue
            if kind is not ast.MeasureAction and kind in seen:
                self.report(DUPLICATE, say("check.action_twice"), action.span,
                            related=(Related(seen[kind].span, say("check.first_here")),))
            seen.setdefault(kind, action)
            if isinstance(action, ast.Points):
                self.expect(action.amount, "number", "points", "points 3")
            elif isinstance(action, ast.Limit):
                self.expect(action.days, "duration", "limit_days", "limit 7d at 10% avg4w")
                self.expect(action.percent, "percent", "limit_cap", "limit 7d at 10% avg4w", whole=False)
                if action.basis.value not in self.bases:
                    self.unknown("basis", action.basis, self.bases, help=say("check.declare_basis.help"))
            elif isinstance(action, ast.MeasureAction):
                if action.name.value not in self.measures:
                    self.unknown("action_or_measure", action.name,
                                 list(self.measures) + ["points", "warning", "limit"])

    # ---- levels (issue 11)
    def check_level_set(self, level_set: ast.LevelSet) -> None:
        """Each level once, one default, and that default one of the set's levels."""
        names: dict[str, ast.Level] = {}
        for level in level_set.levels:
            self.check_texts(level)
            first = names.setdefault(level.name.value, level)
            if first is not level:
                self.report(DUPLICATE, say("check.level_twice", name=level.name.value, set=level_set.name.value),
                            level.name.span, related=(Related(first.name.span, say("check.first_defined_here")),),
                            help=say("check.remove_or_rename"))
        defaults = level_set.items_of(ast.LevelDefault)
        self.once(defaults, say("check.level_default_twice", set=level_set.name.value))
        if not defaults:
            self.report(LEVELS_NO_DEFAULT, say("check.levels_no_default", set=level_set.name.value),
                        level_set.name.span, help=say("check.levels_no_default.help"))
        for default in defaults[:1]:
            if default.name.value not in names:
                self.unknown("level", default.name, names)

    def check_level_action(self, action: ast.LevelAction, seen: dict) -> None:
        """`level SET LEVEL`: a declared set, one of its levels, one level of a set in a row."""
        level_set = self.level_sets.get(action.set.value)
        if level_set is None:
            self.unknown("level_set", action.set, self.level_sets)
            return
        levels = [level.name.value for level in level_set.levels]
        if action.level.value not in levels:
            self.unknown("level", action.level, levels)
        key = ("level", action.set.value)
        if key in seen:
            self.report(TWO_LEVELS, say("check.two_levels", set=action.set.value), action.span,
                        related=(Related(seen[key].span, say("check.first_here")),), help=say("check.two_levels.help"))
        seen.setdefault(key, action)

    # ---- ledger, appeals, holds, catalogue
    def check_ledger(self, ledger: ast.Ledger) -> None:
        for kind, keyword in ((ast.Expiry, "points expire after"), (ast.Deactivation, "deactivate at"),
                              (ast.WarningMargin, "warn"), (ast.Crossing, "multiple thresholds apply"),
                              (ast.Freeze, "points freeze"), (ast.Linked, "linked accounts"),
                              (ast.Reset, "points reset"), (ast.Repeat, "for a repeat"),
                              (ast.Score, "score starts at"), (ast.Regain, "score regains"),
                              (ast.ScoreDeactivation, "deactivate at ... score")):
            self.once(ledger.items_of(kind), say("check.ledger_twice", keyword=keyword))
        if ledger.items_of(ast.Score):
            self.check_score_ledger(ledger)
            return
        self.check_no_score_items(ledger)
        if not ledger.items_of(ast.Expiry) and not ledger.items_of(ast.Reset):
            self.report(MISSING, say("check.no_expiry"), keyword_span(ledger, "ledger"),
                        help=say("check.add", code="points expire after 180d"))
        if len(ledger.items_of(ast.Threshold)) > 1 and not ledger.items_of(ast.Crossing):
            self.report(MISSING, say("check.no_crossing"), keyword_span(ledger, "ledger"),
                        help=say("check.no_crossing.help"))
        for expiry in ledger.items_of(ast.Expiry):
            self.expect(expiry.after, "duration", "expiry", "points expire after 180d")
        for item in ledger.items_of(ast.Deactivation):
            self.expect(item.points, "number", "deactivation", "deactivate at 48 points")
        for reset in ledger.items_of(ast.Reset):
            self.check_reset(reset)
        for repeat in ledger.items_of(ast.Repeat):
            self.expect(repeat.within, "duration", "repeat_window", "points double for a repeat within 30d")
            if repeat.adds is not None:
                self.expect(repeat.adds, "number", "repeat_points", "points add 2 for a repeat within 30d")
        if ledger.items_of(ast.Freeze) and not ledger.items_of(ast.Deactivation):
            self.report(MISSING, say("check.freeze_never"), ledger.items_of(ast.Freeze)[0].span,
                        help=say("check.add", code="deactivate at 48 points"))
        thresholds = self.check_thresholds(ledger.items_of(ast.Threshold))
        for item in ledger.items_of(ast.WarningMargin):
            self.check_warning_margin(item, thresholds)

    # -- a more general ledger (issue 11): signed scores
    def check_no_score_items(self, ledger: ast.Ledger) -> None:
        """A points ledger (no `score starts at`) says nothing of a score."""
        for item, keyword in self.score_items(ledger):
            self.report(SCORE_CONFLICT, say("check.score_only", keyword=keyword), item.span,
                        help=say("check.add", code="score starts at 200"))

    @staticmethod
    def score_items(ledger: ast.Ledger):
        yield from ((item, "score regains") for item in ledger.items_of(ast.Regain))
        yield from ((item, "deactivate at ... score") for item in ledger.items_of(ast.ScoreDeactivation))
        yield from ((t, "threshold below") for t in ledger.items_of(ast.Threshold) if t.below)

    def check_score_ledger(self, ledger: ast.Ledger) -> None:
        """A score ledger: its start and cap, its regain, its floor and its thresholds below;
        none of the statements of a points ledger, whose points expire."""
        for kind, keyword in ((ast.Expiry, "points expire after"), (ast.Reset, "points reset"),
                              (ast.WarningMargin, "warn ... points before each threshold"),
                              (ast.Deactivation, "deactivate at ... points"), (ast.Freeze, "points freeze")):
            for item in ledger.items_of(kind):
                self.report(SCORE_CONFLICT, say("check.score_conflict", keyword=keyword), item.span,
                            help=say("check.score_conflict.help"))
        if len(ledger.items_of(ast.Threshold)) > 1 and not ledger.items_of(ast.Crossing):
            self.report(MISSING, say("check.no_crossing"), keyword_span(ledger, "ledger"),
                        help=say("check.no_crossing.help"))
        for threshold in ledger.items_of(ast.Threshold):
            for measure in threshold.measures:
                if isinstance(measure.lasts, ast.WhileLevel):
                    self.report(SCORE_CONFLICT, say("check.score_while_level"), measure.lasts.span,
                                help=say("check.score_while_level.help"))
        score = ledger.first(ast.Score)
        start = self.check_score_start(score)
        for regain in ledger.items_of(ast.Regain):
            self.check_regain(regain)
        floor = None
        for item in ledger.items_of(ast.ScoreDeactivation):
            if self.expect(item.score, "number", "score_floor", "deactivate at 0 score", positive=False):
                floor = self.check_score_floor(item, start)
        self.check_score_thresholds(ledger.items_of(ast.Threshold), start, floor)

    def check_score_start(self, score: ast.Score) -> int | None:
        """The start (None when it is not a number), and a cap not below it."""
        start_ok = self.expect(score.start, "number", "score_start", "score starts at 200")
        if score.cap is not None and self.expect(score.cap, "number", "score_cap", "score starts at 150, at most 200") \
                and start_ok and score.cap.value < score.start.value:
            self.report(SCORE_CAP, say("check.score_cap", cap=_literal_text(score.cap),
                                       start=_literal_text(score.start)), score.cap.span,
                        help=say("check.score_cap.help", start=_literal_text(score.start)))
        return int(score.start.value) if start_ok else None

    def check_regain(self, regain: ast.Regain) -> None:
        example = "score regains 5 every 30d"
        self.expect(regain.points, "number", "regain_points", example)
        if regain.every is None:
            self.report(SCORE_REGAIN_PERIOD, say("check.regain_period", points=_literal_text(regain.points)),
                        regain.span, help=say("check.write_like", example=example))
        else:
            self.expect(regain.every, "duration", "regain_period", example)

    def check_score_floor(self, item: ast.ScoreDeactivation, start: int | None) -> int | None:
        if start is not None and int(item.score.value) >= start:
            self.report(SCORE_THRESHOLD, say("check.score_floor", floor=_literal_text(item.score), start=start),
                        item.score.span, help=say("check.score_floor.help"))
            return None
        return int(item.score.value)

    def check_score_thresholds(self, thresholds: tuple[ast.Threshold, ...], start: int | None,
                               floor: int | None) -> None:
        """Each `threshold below T`: crossed going down, so T is at most the start and above the floor."""
        seen: dict = {}
        for threshold in thresholds:
            self.check_threshold_measures(threshold)
            if not threshold.below:
                self.report(SCORE_CONFLICT, say("check.score_threshold_below", points=_literal_text(threshold.points)),
                            threshold.points.span, help=say("check.write_like", example="threshold below 100 { ... }"))
                continue
            if not self.expect(threshold.points, "number", "threshold", "threshold below 100 { ... }"):
                continue
            value = int(threshold.points.value)
            if value in seen:
                self.report(DUPLICATE, say("check.threshold_twice", points=str(value)), threshold.points.span,
                            related=(Related(seen[value].points.span, say("check.first_defined_here")),),
                            help=say("check.threshold_twice.help"))
            seen[value] = threshold
            if start is not None and value > start:
                self.report(SCORE_THRESHOLD, say("check.score_threshold_above", points=value, start=start),
                            threshold.points.span, help=say("check.score_threshold.help"))
            elif floor is not None and value <= floor:
                self.report(SCORE_THRESHOLD, say("check.score_threshold_floor", points=value, floor=floor),
                            threshold.points.span, help=say("check.score_threshold.help"))

    # -- a more general ledger (issue 11): calendar resets
    def check_reset(self, reset: ast.Reset) -> None:
        """`day N of each ...` is a day every month has: 1 to 28."""
        if reset.day is None:
            return
        example = f"points reset on day 1 of each {reset.period}"
        if self.expect(reset.day, "number", "reset_day", example) and reset.day.value > LAST_RESET_DAY:
            self.report(RESET_DAY, say("check.reset_day", value=_literal_text(reset.day), last=LAST_RESET_DAY),
                        reset.day.span, help=say("check.reset_day.help", period=reset.period))

    def check_thresholds(self, thresholds: tuple[ast.Threshold, ...]) -> list[ast.Threshold]:
        """Each threshold and its measures; the well-formed ones, in order."""
        previous: ast.Threshold | None = None
        valid = []
        for threshold in thresholds:
            self.check_threshold_measures(threshold)
            if not self.expect(threshold.points, "number", "threshold", "threshold 12 { ... }"):
                continue
            valid.append(threshold)
            if previous is not None and threshold.points.value == previous.points.value:
                self.report(DUPLICATE, say("check.threshold_twice", points=str(threshold.points.value)),
                            threshold.points.span,
                            related=(Related(previous.points.span, say("check.first_defined_here")),),
                            help=say("check.threshold_twice.help"))
            elif previous is not None and threshold.points.value < previous.points.value:
                self.report(OUT_OF_ORDER, say("check.thresholds_order", points=str(threshold.points.value),
                                              previous=str(previous.points.value)), threshold.points.span,
                            related=(Related(previous.points.span, say("check.the_previous_threshold")),),
                            help=say("check.thresholds_order.help"))
            previous = threshold
        return valid

    def check_threshold_measures(self, threshold: ast.Threshold) -> None:
        seen: set[str] = set()
        for item in threshold.measures:
            if item.measure.value not in self.measures:
                self.unknown("measure", item.measure, self.measures)
            elif item.measure.value in seen:
                self.report(DUPLICATE, say("check.measure_twice", name=item.measure.value),
                            item.measure.span, help=say("check.remove_one"))
            seen.add(item.measure.value)
            if item.duration is not None:
                self.expect(item.duration, "duration", "measure_length", "no_campaigns for 7d")
            if item.extension is not None:
                self.expect(item.extension.by, "duration", "extension",
                            "no_campaigns for 7d extended by 7d on each new violation")
            if isinstance(item.lasts, ast.UntilWithin):
                self.check_until_within(item.lasts)

    def check_until_within(self, lasts: ast.UntilWithin) -> None:
        """`until LDR is within standard` (issue 11): a metric with a standard that a rule is on."""
        metric = self.metrics.get(lasts.metric.value)
        if metric is None:
            self.unknown("metric", lasts.metric, self.metrics)
        elif metric.first(ast.Standard) is None:
            self.report(UNTIL_NO_STANDARD, say("check.until_no_standard", metric=lasts.metric.value),
                        lasts.metric.span, help=say("check.until_no_standard.help", metric=lasts.metric.value))
        elif not any(on.name.value == lasts.metric.value for rule in self.rules for on in rule.items_of(ast.OnMetric)):
            self.report(UNTIL_NOT_EVALUATED, say("check.until_not_evaluated", metric=lasts.metric.value),
                        lasts.metric.span, help=say("check.until_not_evaluated.help", metric=lasts.metric.value))

    def check_warning_margin(self, margin: ast.WarningMargin, thresholds: list[ast.Threshold]) -> None:
        if not self.expect(margin.points, "number", "warning_margin", "warn 5 points before each threshold"):
            return
        lowest = min(thresholds, key=lambda t: t.points.value, default=None)
        if lowest is not None and margin.points.value >= lowest.points.value:
            self.report(OUT_OF_ORDER, say("check.margin", margin=_literal_text(margin.points),
                                          lowest=_literal_text(lowest.points)), margin.points.span,
                        related=(Related(lowest.points.span, say("check.the_lowest_threshold")),),
                        help=say("check.margin.help"))

    def check_appeals(self, appeals: ast.Appeals) -> None:
        for kind, keyword, example in ((ast.Attempts, "at most", "at most 2 per violation"),
                                       (ast.FirstWindow, "first within", "first within 30d of penalty"),
                                       (ast.NextWindow, "next within", "next within 15d of rejection")):
            items = appeals.items_of(kind)
            if not items:
                self.report(MISSING, say("check.appeals_lacks", keyword=keyword), keyword_span(appeals, "appeals"),
                            help=say("check.add", code=example))
            self.once(items, say("check.appeals_twice", keyword=keyword))
        for item in appeals.items_of(ast.Attempts):
            self.expect(item.count, "number", "appeals", "at most 2 per violation")
        for item in appeals.items_of(ast.FirstWindow) + appeals.items_of(ast.NextWindow):
            self.expect(item.within, "duration", "appeal_window", "first within 30d of penalty")

    def check_hold(self, hold: ast.Hold) -> None:
        for item in hold.items_of(ast.HoldFor):
            for reason in item.reasons:
                if reason.value not in self.reasons:
                    self.unknown("reason", reason, self.reasons)
        periods = hold.items_of(ast.HoldPeriod)
        if not periods:
            self.report(MISSING, say("check.hold_no_period", name=hold.name.value), hold.name.span,
                        help=say("check.add", code="period 90d to 180d"))
        if not hold.items_of(ast.HoldEnd):
            self.report(MISSING, say("check.hold_no_end", name=hold.name.value), hold.name.span,
                        help=say("check.hold_no_end.help"))
        self.once(periods, say("check.hold_one_period"))
        for period in periods[:1]:
            ok = self.expect(period.shortest, "duration", "hold_period", "period 90d to 180d")
            ok = self.expect(period.longest, "duration", "hold_period", "period 90d to 180d") and ok
            if ok and period.shortest.value > period.longest.value:
                self.report(OUT_OF_ORDER, say("check.hold_backwards", shortest=_literal_text(period.shortest),
                                              longest=_literal_text(period.longest)), period.span,
                            help=say("check.hold_backwards.help"))
        self.once(hold.items_of(ast.HoldEnd), say("check.hold_end_once"))
        outcomes: dict[str, ast.HoldOutcome] = {}
        for item in hold.items_of(ast.HoldOutcome):
            if item.outcome in outcomes:
                self.report(DUPLICATE, say(f"check.hold_outcome_twice.{item.outcome}"), item.span,
                            related=(Related(outcomes[item.outcome].span, say("check.first_here")),))
            outcomes.setdefault(item.outcome, item)
            if item.appeal_within is not None:
                self.expect(item.appeal_within, "duration", "appeal_window", "on no appeal within 30d keep until period end")
            if item.release_within is not None:
                self.expect(item.release_within, "duration", "release", "on accepted appeal release within 1d")

    def check_reason(self, reason: ast.Reason, rules: tuple[ast.Rule, ...]) -> None:
        if reason.category.value not in self.categories:
            self.unknown("category", reason.category, self.categories)
        for may in reason.items_of(ast.May):
            self.check_may(may)
        sources = reason.items_of((ast.ReasonPoints, ast.ReasonRange))
        self.once(sources, say("check.reason_points_once"))
        stated = self.check_reason_range(sources[0]) if sources and isinstance(sources[0], ast.ReasonRange) else None
        if not sources or not self.complete:
            return  # without every file, the rules that score this reason are not all known
        citing = [r for r in rules if any(ref.name.value == reason.name.value for ref in r.items_of(ast.ReasonRef))]
        scoring = [r for r in citing
                   if any(isinstance(a, ast.Points) for t in r.tables for row in t.rows for a in row.actions)]
        if isinstance(sources[0], ast.ReasonRange):
            self.check_points_in_range(reason, sources[0], stated, citing)
            return
        if sources[0].source == "rule" and not scoring:
            self.report(INCONSISTENT, say("check.reason_no_scoring", name=reason.name.value), sources[0].span,
                        help=say("check.reason_no_scoring.help"))
        if sources[0].source == "discretionary" and scoring:
            self.report(INCONSISTENT, say("check.reason_discretionary", name=reason.name.value,
                                          rule=scoring[0].name.value), sources[0].span,
                        related=(Related(scoring[0].name.span, say("check.the_rule")),),
                        help=say("check.write", code="points by rule"))


    # ---- issue 11, points from the catalogue
    def check_reason_range(self, stated: ast.ReasonRange) -> tuple[Fraction, Fraction] | None:
        """The bounds of `points 3` or `points 2 to 4`; None when they are not whole points in order."""
        low, high = stated.bounds
        written = (low,) if stated.high is None else (low, high)
        if not all([self.expect(q, "number", "points", "points 2 to 4", positive=False) for q in written]):
            return None
        if high.value < low.value:
            self.report(RANGE_BACKWARDS, say("check.points_backwards", low=quantity_text(low), high=quantity_text(high)),
                        stated.span, help=say("check.write", code=f"points {quantity_text(high)} to {quantity_text(low)}"))
            return None
        return low.value, high.value

    def check_points_in_range(self, reason: ast.Reason, stated: ast.ReasonRange,
                              bounds: tuple[Fraction, Fraction] | None, citing: list[ast.Rule]) -> None:
        """Every row of a rule citing the reason scores points within the reason's stated points."""
        if bounds is None:
            return
        low, high = bounds
        for rule in citing:
            for points in (a for t in rule.tables for row in t.rows for a in row.actions if isinstance(a, ast.Points)):
                if points.amount.kind == "number" and not low <= points.amount.value <= high:
                    self.report(POINTS_OUTSIDE, say("check.points_outside", rule=rule.name.value,
                                                    points=points_said(quantity_text(points.amount), one=points.amount.value == 1),
                                                    reason=reason.name.value,
                                                    range=reason_range_text(stated)),
                                points.span, related=(Related(stated.span, say("check.the_reason_points")),))


    # ---- issue 11, evaluation cadence
    def check_cadence(self, cadence: ast.Cadence) -> None:
        if cadence.weekday is not None and cadence.weekday.value not in ast.WEEKDAYS:
            close = closest(cadence.weekday.value.lower(), ast.WEEKDAYS)
            self.report(UNKNOWN_WEEKDAY, say("check.unknown_weekday", name=cadence.weekday.value),
                        cadence.weekday.span,
                        help=say("check.write", code=f"weekly on {close[0]}") if len(close) == 1
                        else say("check.weekdays"))
        if cadence.day is not None:
            day = cadence.day
            if day.kind != "number" or not day.is_whole or not 1 <= day.value <= 31:
                self.report(BAD_MONTH_DAY, say("check.bad_month_day", value=quantity_text(day)), day.span,
                            help=say("check.write", code="evaluated monthly on day 20"))

    # ---- params: values that depend on the seller's volume or region (issue 11)
    def param_names(self) -> None:
        """A param's name is its own: no input, metric or basis has it."""
        for name, param in self.params.items():
            first = self.inputs.get(name) or self.metrics.get(name) or self.bases.get(name)
            if first is not None:
                self.duplicate("param", param.name, first.name.span, QUANTITY_KINDS[type(first)])
        for name, window in self.windows.items():
            first = self.inputs.get(name) or self.metrics.get(name) or self.bases.get(name)
            kind = QUANTITY_KINDS[type(first)] if first is not None else "param" if name in self.params else None
            if kind is not None:
                first = first or self.params[name]
                self.duplicate("metric", window.name, first.name.span, kind)

    def check_param(self, param: ast.Param) -> None:
        """Its type, each case's regions, condition and value, and cases no seller reaches."""
        quantity = self.param_quantity(param)
        regions_ok = self.check_case_regions(param)
        ok = quantity is not None and regions_ok
        for case in param.cases:
            if case.condition is not None:
                ok = not self.refuse_param(case.condition, "param") and self.check_row_condition(case.condition) and ok
            if quantity is not None:
                value = ast.Comparison((param.name, case.value), ("<",), span=case.value.span)
                ok = self.check_literal(quantity, case.value, value) and ok
        if ok:
            self.check_param_cases_reached(param)
        else:
            self.redefined.add(param.name.value)  # its uses are not reported again

    def param_quantity(self, param: ast.Param) -> Quantity | None:
        """What the values of a param are: a quantity of its type (None when the type is wrong)."""
        unit = self.input_unit(param)
        if unit is None and param.type.kind in ("duration", "money"):
            return None
        return Quantity(param.name.value, param.type.kind, unit, param)

    def check_param_cases_reached(self, param: ast.Param, code: str = PARAM_CASE_UNREACHED,
                                  key: str = "check.param.unreached") -> None:
        """A case that is the first to hold for no seller in any region is a mistake (E460;
        a windowed metric's, E461)."""
        reached = set()
        for region in self.regions:
            for guard, case in case_guards(param, region):
                if condition_boxes(guard, self.quantities):
                    reached.add(id(case))
        for case in param.cases:
            if id(case) not in reached:
                self.report(code, say(key, param=param.name.value), case.span, help=say(f"{key}.help"))

    def refuse_param(self, condition: ast.Condition, where: str) -> bool:
        """A standard, an `only if` and a param's case compare with values, not with a param (E261)."""
        for comparison in condition.every_comparison():
            name = param_named(comparison, self.windows)
            if name is not None:
                self.report(WINDOW_MISPLACED, say("check.window.misplaced", metric=name.value), name.span,
                            help=say(f"check.window.in_{where}.help"))
                return True
            name = param_named(comparison, self.params)
            if name is not None:
                self.report(PARAM_MISPLACED, say(f"check.param.in_{where}", param=name.value), name.span,
                            help=say(f"check.param.in_{where}.help"))
                return True
        return False

    def unknown_param(self, names: list[ast.Name]) -> bool:
        """`ODR < ODR_limt`: one name a quantity, the other nothing the pack declares, in a
        pack with params: the other is a misspelt param (E200, with did you mean)."""
        known = [n for n in names if n.value in self.quantities or n.value in self.params]
        unknown = [n for n in names if n.value not in self.quantities and n.value not in self.params
                   and n.value not in self.inputs and n.value not in self.metrics and n.value not in self.bases]
        if not self.params or len(known) != 1 or len(unknown) != 1:
            return False
        self.unknown("param", unknown[0], list(self.params) + list(self.quantities))
        return True

    def check_param_row(self, rule: ast.Rule, condition: ast.Condition) -> bool:
        """A row that compares with params: each comparison, then the row in each region of
        the rule, its params written out case by case (tspol.dsl.params)."""
        checks = [self.check_window_comparison(c) if param_named(c, self.windows)
                  else self.check_param_comparison(c) if param_named(c, self.params) else self.check_comparison(c)
                  for c in condition.every_comparison()]
        if not all(checks):
            return False
        regions = [r.value for r in rule.regions if r.value in self.regions]
        if not all([self.check_param_regions(rule, condition, region) for region in dict.fromkeys(regions)]):
            return False
        reported: set[str] = set()
        for region in dict.fromkeys(regions):
            try:
                boxes = condition_boxes(without_params(condition, self.cased, region), self.quantities)
            except TooManyBoxes as exc:
                if "boxes" not in reported:
                    self.report(BAD_VALUE, say("check.too_many_boxes", count=exc.args[0], most=MOST_BOXES),
                                condition.span, help=say("check.too_many_boxes.help"))
                reported.add("boxes")
                continue
            if not boxes and "empty" not in reported:
                self.report(EMPTY_RANGE, say("check.param.never_holds", region=region), condition.span,
                            help=say("check.never_holds.help"))
                reported.add("empty")
        return not reported

    def check_param_comparison(self, comparison: ast.Comparison) -> bool:
        """`ODR < ODR_limit`: a param and one input or metric of its type (E261, E360)."""
        param = param_named(comparison, self.params)
        if param.value in self.redefined:
            return False  # the param's own error is reported
        others = [o for o in comparison.operands if o is not param]
        other = others[0]
        if len(comparison.operands) != 2 or not isinstance(other, ast.Name) or other.value in self.params:
            self.report(PARAM_MISPLACED, say("check.param.shape", param=param.value), comparison.span,
                        help=say("check.param.shape.help", param=param.value))
            return False
        quantity = self.quantities.get(other.value)
        if quantity is None:
            self.unknown_quantity(other)
            return False
        decl = self.params[param.value]
        unit = decl.type.unit.value if decl.type.unit is not None else None
        if decl.type.kind != quantity.kind or (quantity.kind == "money" and unit != quantity.unit):
            self.report(PARAM_TYPE, say("check.param.type", param=param.value, name=quantity.name,
                                        kind=_say(quantity.kind), param_kind=_type_words(decl.type)),
                        param.span, help=say("check.param.type.help", param=param.value, name=quantity.name))
            return False
        return True

    def check_param_regions(self, rule: ast.Rule, condition: ast.Condition, region: str) -> bool:
        """Every param a row compares with has a case in each region of the rule (E260)."""
        ok = True
        for comparison in condition.every_comparison():
            name = param_named(comparison, self.cased)
            if name is None:
                continue
            self.param_used.setdefault(name.value, set()).add(region)
            decl = self.cased[name.value]
            if not region_cases(decl, region):
                what = "window" if name.value in self.windows else "param"
                self.report(PARAM_NO_VALUE, say(f"check.{what}.no_value", param=name.value, region=region,
                                                rule=rule.name.value), name.span,
                            related=(Related(decl.name.span, say(f"check.{what}.here")),),
                            help=say("check.param.no_value.help", region=region))
                ok = False
        return ok

    def check_param_gaps(self) -> None:
        """Cases that leave a seller without a value, in a region where a rule compares with
        the param: the rows there do not fire for them (W260)."""
        for name, regions in sorted(self.param_used.items()):
            param = self.cased[name]
            gaps: dict[str, list[str]] = {}
            for region in sorted(regions):
                gap = no_case_holds(param, region)
                boxes = condition_boxes(gap, self.quantities) if gap is not None and region_cases(param, region) else []
                if boxes:
                    gaps.setdefault(box_text(boxes[0], self.quantities), []).append(region)
            what = "window" if name in self.windows else "param"
            for where, gap_regions in gaps.items():
                self.report(PARAM_GAP, say(f"check.{what}.gap", param=name, region=Words(gap_regions), where=where),
                            param.name.span, severity=WARNING, help=say("check.param.gap.help"))

    # ---- windows chosen by volume (issue 11): a metric whose definition is a case's
    def check_window(self, window: ast.WindowMetric) -> None:
        """Its type, each case's regions and condition as a param's, each case's metric of
        the window's type (E324), and cases no seller reaches (E461)."""
        quantity = self.param_quantity(window)
        regions_ok = self.check_case_regions(window)
        ok = quantity is not None and regions_ok
        for case in window.cases:
            if case.condition is not None:
                ok = not self.refuse_param(case.condition, "param") and self.check_row_condition(case.condition) and ok
            if quantity is not None:
                ok = self.check_window_case(window, quantity, case.value) and ok
        if ok:
            self.check_param_cases_reached(window, WINDOW_CASE_UNREACHED, "check.window.unreached")
        else:
            self.redefined.add(window.name.value)  # its uses are not reported again

    def check_case_regions(self, decl) -> bool:
        """Each region a case names is declared, and named by one case only (E200, E201)."""
        seen: dict[str, ast.Name] = {}
        ok = True
        for case in decl.cases:
            for region in case.regions:
                if region.value not in self.regions:
                    self.unknown("region", region, self.regions, help=say("check.declare_region.help"))
                    ok = False
                elif region.value in seen:
                    self.report(DUPLICATE, say("check.param.region_twice", param=decl.name.value,
                                               region=region.value), region.span,
                                related=(Related(seen[region.value].span, say("check.first_here")),),
                                help=say("check.param.region_twice.help"))
                    ok = False
                seen.setdefault(region.value, region)
        return ok

    def check_window_case(self, window: ast.WindowMetric, quantity: Quantity, name: ast.Name) -> bool:
        """A case's value is an input or metric of the window's kind and unit."""
        if name.value in self.cased:
            self.report(WINDOW_MISPLACED, say("check.window.misplaced", metric=name.value), name.span,
                        help=say("check.window.in_case.help"))
            return False
        case = self.quantities.get(name.value)
        if case is None:
            self.unknown_quantity(name)
            return False
        if case.kind != quantity.kind or case.unit != quantity.unit:
            self.report(WINDOW_CASE_TYPE, say("check.window.case_type", metric=window.name.value, name=name.value,
                                              kind=_say(case.kind), window_kind=_type_words(window.type)),
                        name.span, help=say("check.window.case_type.help", metric=window.name.value))
            return False
        return True

    def check_window_comparison(self, comparison: ast.Comparison) -> bool:
        """`ODR >= 1%`: a windowed metric compared with values of its type (E262)."""
        name = param_named(comparison, self.windows)
        if name.value in self.redefined:
            return False  # the window's own error is reported
        others = [o for o in comparison.operands if o is not name]
        if not all(isinstance(o, ast.Quantity) for o in others):
            self.report(WINDOW_MISPLACED, say("check.window.misplaced", metric=name.value), comparison.span,
                        help=say("check.window.in_comparison.help", metric=name.value))
            return False
        quantity = self.param_quantity(self.windows[name.value])
        return all([self.check_literal(quantity, literal, comparison) for literal in others])


def _type_words(t: ast.TypeSpec) -> Message | str:
    return _say(t.kind) if t.unit is None else f"{t.kind} in {t.unit.value}"


def _named_in_chinese(decl) -> bool:
    return any(isinstance(item, ast.Text) and item.kind == "name" and item.lang.value == "zh"
               for item in getattr(decl, "items", ()))


def _empty_help(comparison: ast.Comparison, quantity: Quantity) -> Message:
    """Why a range is empty: its bounds cross, no whole number fits, or it lies outside
    the values the quantity can take."""
    rational = comparison_bounds(comparison, {quantity.name: quantity}, whole=False)[1]
    if rational.lo is not None and rational.hi is not None and rational.is_empty():
        return say("check.empty.bounds_cross")
    if not _empty_in_domain(rational, quantity):
        return say("check.empty.no_whole", name=quantity.name)
    domain = quantity.domain
    if rational.intersect(Interval(hi=domain.lo, hi_closed=False)) == rational:
        return say("check.empty.never_below", name=quantity.name, end=_domain_end(quantity, domain.lo))
    return say("check.empty.never_above", name=quantity.name, end=_domain_end(quantity, domain.hi))


def _domain_end(quantity: Quantity, value: Fraction) -> Message | str:
    return say("check.zero") if value == 0 else (f"{value * 100}%" if quantity.kind == "rate" else str(value))


def _empty_in_domain(interval: Interval, quantity: Quantity) -> bool:
    return interval.intersect(quantity.domain).is_empty()


def _literal_text(literal: ast.Quantity) -> str:
    return quantity_text(literal)


def _compare_help(quantity: Quantity, literal: ast.Quantity, comparison: ast.Comparison) -> Message:
    """The comparison as it was probably meant: the same number in the right unit (a
    plain number between 0 and 1 against a rate is a fraction: 0.95 is 95%)."""
    fraction = literal.kind == "number" and 0 < literal.value < 1
    fixed = {"count": ast.Quantity("number", literal.value), "number": ast.Quantity("number", literal.value),
             "rate": ast.Quantity("percent", literal.value * 100 if fraction else literal.value),
             "duration": ast.Quantity("duration", literal.value, "min"),
             "money": ast.Quantity("money", literal.value, quantity.unit or "USD")}[quantity.kind]
    operands = tuple(fixed if o is literal else o for o in comparison.operands)
    suggestion = comparison_text(ast.Comparison(operands, comparison.ops))
    return say(f"check.compare.{quantity.kind}", example=suggestion)
