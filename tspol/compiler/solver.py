"""Which sellers exist: a decision procedure over the formulas of `meaning`.

`Oracle(meaning).seller(formula)` returns a seller (input name -> JSON number)
who meets the formula, or None when no seller does. It is exact both ways:

- every seller it returns is checked against the formula by `meaning.holds`,
  the interpreter's own reading, before it is returned;
- None means the formula has no seller at all: the question went to Z3
  (https://github.com/Z3Prover/z3), a complete decision procedure for linear
  integer arithmetic, where every seller is a point of whole numbers: a count
  is an integer, a decimal input an integer count of 10**-30 (the numeric
  contract allows at most 30 decimal places), each bounded by 10**18 in size.
  Every atom is linear there (`n / d >= 4%` is `25 * n >= d`).

Most questions have an easy seller, which the box search of `witness` finds
at once (and reads well: `{"late_orders": 5, "orders_7d": 20}`); Z3 is
imported only when that search finds none, so a pack whose tables have no
empty areas is analysed without it. When Z3 cannot answer in time it says
`unknown`, and so does the oracle: `Undecided`, which the analysis reports
as such instead of guessing.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction

from tspol.compiler.meaning import And, Bound, Given, Linear, Meaning, Not, NonZero, Or, conj, holds, inputs_of
from tspol.compiler.witness import Vocabulary, exact, seller_for
from tspol.dsl.domains import DOMAINS, MAGNITUDE, PLACES
from tspol.dsl.intervals import Interval

SCALE = 10**PLACES  # a decimal input is an integer count of 10**-PLACES
TIMEOUT_MS = 10_000  # one question; past it the answer is Undecided
FLOAT_DIGITS = 15  # a decimal of at most this many significant digits prints back from a float
# Sellers tried first, so that a witness reads well: small whole numbers and short decimals.
NICE = ((10**6, 2), (10**12, 6))  # (largest size, decimal places)


class Undecided(Exception):
    """The solver could not decide a question within its time."""


class Oracle:
    """Answers "is there a seller who ...?" for one program, remembering each answer."""

    def __init__(self, meaning: Meaning, vocabulary: Vocabulary | None = None):
        self.meaning = meaning
        self.vocabulary = vocabulary or Vocabulary.of(meaning.program)
        self._answers: dict = {}
        self._z3: _Z3 | None = None

    def seller(self, formula, box: Mapping[str, Interval] | None = None, undefined: Iterable[str] = ()
               ) -> dict | None:
        """A valid seller meeting `formula`, or None when there is none. `box` and
        `undefined`, when the formula is a box of quantities, let the box search try
        first (it names the quantities inside their intervals, and those without a value)."""
        key = (formula, tuple(sorted(box.items())) if box else None, tuple(sorted(undefined)))
        if key not in self._answers:
            self._answers[key] = self._seller(formula, box, tuple(undefined))
        return self._answers[key]

    def exists(self, formula) -> bool:
        return self.seller(formula) is not None

    def confirms(self, seller: Mapping, formula) -> bool:
        """Whether a seller is valid (in the domains, parts at most their totals) and meets the formula."""
        values = exact(seller)
        if not all(name in self.meaning.inputs and DOMAINS[self.meaning.inputs[name].kind].contains(v)
                   for name, v in values.items()):
            return False
        everyone = {name: values.get(name) for name in self.meaning.inputs}
        return holds(self.meaning.valid(values), everyone) and holds(formula, everyone)

    def _seller(self, formula, box, undefined) -> dict | None:
        if box is not None:
            found = seller_for(self.vocabulary, box, undefined, accept=lambda seller: self.confirms(seller, formula))
            if found is not None:
                return found
        if self._z3 is None:
            self._z3 = _Z3(self.meaning)
        found = self._z3.seller(formula)
        if found is not None and not self.confirms(found, formula):  # a bug in the translation, never a guess
            raise AssertionError(f"the solver's seller {found} does not meet {formula!r}")
        return found


class _Z3:
    """Formulas as Z3 terms over one Boolean (given) and one integer (value) per input,
    in a Z3 context of their own: in Z3's shared context the terms of earlier questions
    (another pack's, in a test run or the language server) change the model it finds,
    and so the seller a message shows."""

    def __init__(self, meaning: Meaning):
        import z3

        self.z3 = z3
        self.context = z3.Context()
        self.meaning = meaning
        self.solver = z3.SolverFor("QF_LIA", ctx=self.context)
        self.solver.set("timeout", TIMEOUT_MS)
        self.given: dict[str, object] = {}
        self.values: dict[str, object] = {}
        self._terms: dict = {}

    def decimal(self, name: str) -> bool:
        return not DOMAINS[self.meaning.inputs[name].kind].whole

    def scale(self, name: str) -> int:
        return SCALE if self.decimal(name) else 1

    def variable(self, name: str):
        if name not in self.values:
            self.given[name] = self.z3.Bool(f"given {name}", ctx=self.context)
            self.values[name] = self.z3.Int(f"value {name}", ctx=self.context)
        return self.values[name]

    def is_given(self, name: str):
        self.variable(name)
        return self.given[name]

    def term(self, formula):
        if formula not in self._terms:
            self._terms[formula] = self._term(formula)
        return self._terms[formula]

    def _term(self, formula):
        z3 = self.z3
        kind = type(formula)
        if kind is And:
            return z3.And(*(self.term(item) for item in formula.items)) if formula.items else z3.BoolVal(True, ctx=self.context)
        if kind is Or:
            return z3.Or(*(self.term(item) for item in formula.items)) if formula.items else z3.BoolVal(False, ctx=self.context)
        if kind is Not:
            return z3.Not(self.term(formula.item))
        if kind is Given:
            return self.is_given(formula.input)
        if kind is NonZero:
            return z3.And(self.is_given(formula.input), self.variable(formula.input) != 0)
        if kind is Bound:  # value * scale op bound * scale, in integers
            scaled = formula.value * self.scale(formula.input)
            left = self.variable(formula.input) * scaled.denominator
            return z3.And(self.is_given(formula.input), _compare(left, formula.op, scaled.numerator))
        if kind is Linear:
            return self.linear(formula)
        # Ratio: numerator * q op p * denominator; both inputs are counts
        bound = formula.value
        left = self.variable(formula.numerator) * bound.denominator
        right = self.variable(formula.denominator) * bound.numerator
        return z3.And(self.is_given(formula.numerator), self.is_given(formula.denominator),
                      _compare(left, formula.op, right))

    def linear(self, formula: Linear):
        """`sum(w * n / d) op v` in integers: times the one denominator of its rates (the
        checker's E323; above 0 where it holds), the least common multiple of the fractions'
        denominators and the terms' scale (the terms of a sum are of one kind: they share it)."""
        z3 = self.z3
        denominators = sorted({d for _, _, d in formula.terms if d is not None})  # not hash order
        given = [self.is_given(name) for name in formula.inputs]
        common = math.lcm(formula.value.denominator, *(weight.denominator for weight, _, _ in formula.terms))
        left = sum(self.variable(numerator) * int(weight * common) for weight, numerator, _ in formula.terms)
        right = int(formula.value * common * self.scale(formula.terms[0][1]))
        for d in denominators:
            given.append(self.variable(d) > 0)
            right = right * self.variable(d)
        return z3.And(*given, _compare(left, formula.op, right))

    def domain(self, name: str) -> list:
        """The numeric contract and the input's domain, where it is given."""
        value, scale = self.variable(name), self.scale(name)
        domain = DOMAINS[self.meaning.inputs[name].kind]
        parts = [value > -MAGNITUDE * scale, value < MAGNITUDE * scale]
        if domain.lo is not None:
            parts.append(value >= int(domain.lo * scale))
        if domain.hi is not None:
            parts.append(value <= int(domain.hi * scale))
        return [self.z3.Implies(self.given[name], self.z3.And(*parts))]

    def seller(self, formula) -> dict | None:
        names = _with_totals(self.meaning, inputs_of(formula))
        question = conj(formula, self.meaning.valid(names))
        constraints = [self.term(question)]
        for name in sorted(names):
            self.variable(name)
            constraints.extend(self.domain(name))
        for size, places in NICE:
            found = self._check(constraints + self._nice(names, size, places), names)
            if found is not None:
                return found
        return self._check(constraints, names)

    def _nice(self, names, size: int, places: int) -> list:
        """Values of at most `size` with at most `places` decimal places."""
        z3 = self.z3
        parts = []
        for name in sorted(names):
            value, scale = self.variable(name), self.scale(name)
            parts += [value <= size * scale, value >= -size * scale]
            if self.decimal(name):
                parts.append(value % (SCALE // 10**places) == 0)
        return [z3.And(*parts)] if parts else []

    def _check(self, constraints: list, names) -> dict | None:
        z3 = self.z3
        self.solver.push()
        try:
            self.solver.add(*constraints)
            answer = self.solver.check()
            if answer == z3.unknown:
                raise Undecided(self.solver.reason_unknown())
            if answer == z3.unsat:
                return None
            model = self.solver.model()
            seller = {}
            for name in sorted(names):
                if z3.is_true(model.eval(self.given[name], model_completion=True)):
                    whole = model.eval(self.values[name], model_completion=True).as_long()
                    seller[name] = json_number(Fraction(whole, self.scale(name)))
            return seller
        finally:
            self.solver.pop()


def _compare(left, op: str, right):
    return {"<": left < right, "<=": left <= right, ">": left > right, ">=": left >= right,
            "==": left == right}[op]


def _with_totals(meaning: Meaning, names: Iterable[str]) -> list[str]:
    """The inputs named, and every total they are part of, sorted: the order of Z3's
    constraints (so the seller it finds) must not follow the hash seed."""
    out = set()
    for name in names:
        while name is not None and name not in out:
            out.add(name)
            name = meaning.inputs[name].part_of
    return sorted(out)


def json_number(value: Fraction) -> int | float | Decimal:
    """An exact value as the JSON number that says it: an int, a float that prints back
    as this very decimal, else a Decimal with all its digits."""
    if value.denominator == 1:
        return int(value)
    as_float = float(value)
    if Fraction(repr(as_float)) == value and len(repr(as_float).lstrip("-0.").replace(".", "")) <= FLOAT_DIGITS:
        return as_float
    places = next(k for k in range(PLACES + 1) if 10**k % value.denominator == 0)
    # From its digits, which is exact: Decimal arithmetic (`scaleb`) rounds to 28 digits,
    # and a value near 10**18 with decimals has more.
    return Decimal(f"{value.numerator * (10**places // value.denominator)}E-{places}")


def json_text(seller: Mapping) -> str:
    """A seller as one JSON object, `{"late_orders": 5, "orders_7d": 20}`, Decimals digit for digit."""
    parts = []
    for name, value in seller.items():
        number = format(value, "f") if isinstance(value, Decimal) else json.dumps(value)
        parts.append(f"{json.dumps(name)}: {number}")
    return "{" + ", ".join(parts) + "}"
