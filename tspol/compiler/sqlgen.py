"""The SQL backend: one query that decides every row of a table of metrics.

    SELECT seller_id, region, points, warning, violations, findings, not_applicable,
           discretionary, error
    FROM metrics   -- one column per input (any may be missing: see `generate`)

The query is a sqlglot expression tree built from the IR and its meaning
(`tspol.compiler.meaning`), printed for a dialect; nothing is pasted as text: a
name from the pack is a quoted identifier, a text from it a string literal that
sqlglot escapes. It is a projection of the input table, so there is one output
row for each input row, in the order of the input. Per row:

- `violations`, `findings`, `not_applicable`, `discretionary`: lists of structs
  with the fields of the JSON decision, `because` and `reason` texts included (in
  the language the query is generated for);
- `error`: NULL, or the struct {code, key, message} of the first problem the
  Python engine would report for that row (the same code and message), and then
  every column but `seller_id` and `error` is NULL, as in the JSON error record.

Exact arithmetic, whatever the engine's defaults: every input is read from its
text (`CAST(... AS VARCHAR)`, so a binary float is the shortest decimal that
reads back as it, as Python prints it), checked, and held as DECIMAL(38, 18);
counts as DECIMAL(38, 0). A column the caller knows to be of an integer type
(`whole_columns`: `tspol.duckdb.evaluate` and `tspol.spark.evaluate` tell from the
relation's types) is exact already and read as it is, without its text. A rate is compared by cross-multiplication of whole
numbers and no comparison divides. The numeric range the SQL supports: a value
less than 10^18 in size (as the Python engine) with at most 18 decimal places
(the Python engine takes 30); a value outside it is that row's error E608.
"""

from __future__ import annotations

import functools
import string
from fractions import Fraction

from sqlglot import exp

from tspol.codes import ABOVE_TOTAL, NO_REGION, NOT_A_NUMBER, NOT_FINITE, OUT_OF_RANGE, UNKNOWN_REGION
from tspol.compiler import explain, ir, portable
from tspol.messages import say
from tspol.compiler.meaning import ABSENT, ONLY_IF, And, Bound, Given, Meaning, NonZero, Not, Or, Ratio
from tspol.dsl.domains import DIGITS, DOMAINS, NOT_WHOLE_TEXT, PLACES

SQL_PLACES = 18  # decimal places a value may have in SQL (DECIMAL(38, 18))
DIALECTS = ("duckdb", "spark")
TESTED = ("duckdb", "spark")  # printed by sqlglot for the others too, but run and tested only for these

DECIMAL = exp.DataType.build(f"DECIMAL(38, {SQL_PLACES})")
WHOLE = exp.DataType.build("DECIMAL(38, 0)")
NARROW = exp.DataType.build(f"DECIMAL(36, {SQL_PLACES})")  # a value of the SQL range, with room to subtract
FRACTION = exp.DataType.build(f"DECIMAL({SQL_PLACES}, {SQL_PLACES})")  # 0 <= f < 1
SCALE = exp.DataType.build(f"DECIMAL({SQL_PLACES + 1}, 0)")  # 10^18
SHARE_DIGITS = 13  # a limit's share of its basis is below 10^13, so that each quotient is below 10^32
TEXT = exp.DataType.build("VARCHAR")
LIMIT = exp.DataType.build("STRUCT<days INT, percent VARCHAR, basis VARCHAR, daily_cap DECIMAL(38, 0)>",
                           dialect="duckdb")
TEXTS = exp.DataType.build("ARRAY<VARCHAR>", dialect="spark")
NUMBER = r"^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$"  # a number as JSON and Python write it
# Texts of a value that is a number but not finite, and how the Python engine shows them.
NOT_FINITE_WORDS = {"nan": "NaN", "NaN": "NaN", "-nan": "NaN", "inf": "Infinity", "Infinity": "Infinity",
                    "-inf": "-Infinity", "-Infinity": "-Infinity", "sNaN": "sNaN", "-NaN": "-NaN", "-sNaN": "-sNaN"}
ZERO = r"^-?0+(\.0+)?([eE][-+]?[0-9]+)?$"  # zero, however written: it has no decimal places


class SqlUnsupported(ValueError):
    """A pack the SQL backend cannot decide exactly (a bound with too many digits)."""


def generate(program: ir.Program, dialect: str = "duckdb", table: str = "metrics", lang: str = "en",
             region: str | None = None, columns: dict | None = None, whole_columns: frozenset = frozenset()) -> str:
    """The query deciding every row of `table`, printed for `dialect`. `region`: the
    region of rows whose `region` is NULL (default: the policy's only region).
    `columns`: the column of each input (default: the input's name). `whole_columns`:
    the inputs whose column is of an integer type, read as they are (exact already:
    no text, no pattern); any other column is read from its text."""
    return query(program, dialect, table, lang, region, columns, whole_columns).sql(dialect=dialect, pretty=True) + "\n"


def table_name(table: str, dialect: str) -> str:
    """A table's name as the query's FROM writes it."""
    return exp.to_table(table, quoted=True).sql(dialect=dialect)


def query(program: ir.Program, dialect: str = "duckdb", table: str = "metrics", lang: str = "en",
          region: str | None = None, columns: dict | None = None, whole_columns: frozenset = frozenset()
          ) -> exp.Select:
    return _Query(program, dialect, lang, region, columns, whole_columns).select(table)


@functools.lru_cache(maxsize=None)
def _type(text: str) -> exp.DataType:
    return exp.DataType.build(text, dialect="spark")


def cast(value: exp.Expression, to) -> exp.Cast:
    """CAST without the copies sqlglot's builder makes (a query has thousands)."""
    return exp.Cast(this=value, to=(to if isinstance(to, exp.DataType) else _type(to)).copy())


def try_cast(this: exp.Expression, to) -> exp.TryCast:
    """TRY_CAST: NULL where the value does not convert (`safe`, or sqlglot prints Spark's
    CAST, which raises in ANSI mode)."""
    return exp.TryCast(this=this, to=(to if isinstance(to, exp.DataType) else _type(to)).copy(), safe=True)


def alias(value: exp.Expression, name: str, quoted: bool = True) -> exp.Alias:
    return exp.Alias(this=value, alias=exp.to_identifier(name, quoted=quoted))


def lit(value) -> exp.Expression:
    if isinstance(value, str):
        return exp.Literal.string(value)
    if isinstance(value, bool):
        return exp.true() if value else exp.false()
    if value is None:
        return exp.Null()
    return exp.Literal.number(value)


def col(name: str) -> exp.Column:
    return exp.column(exp.to_identifier(name, quoted=True))


def concat(*parts) -> exp.Expression:
    pieces = [p if isinstance(p, exp.Expression) else lit(p) for p in parts if not (isinstance(p, str) and not p)]
    if not pieces:
        return lit("")
    return pieces[0] if len(pieces) == 1 else exp.DPipe(this=pieces[0], expression=concat(*pieces[1:]), safe=True)


def case(*whens, default=None) -> exp.Expression:
    expression = exp.Case()
    for condition, value in whens:
        expression = expression.when(condition, value, copy=False)
    return expression.else_(default, copy=False) if default is not None else expression


def struct(**fields) -> exp.Struct:
    return exp.Struct(expressions=[exp.PropertyEQ(this=exp.to_identifier(name), expression=value)
                                   for name, value in fields.items()])


def present(items: list[exp.Expression]) -> exp.Expression:
    """The items that are not NULL, as a list."""
    x = exp.to_identifier("x")
    return exp.ArrayFilter(this=exp.Array(expressions=items),
                           expression=exp.Lambda(this=exp.Not(this=exp.Is(this=exp.column(x), expression=exp.Null())),
                                                 expressions=[x]))


def whole(value: int) -> exp.Expression:
    return cast(lit(value), WHOLE)


def number(value: Fraction, to: exp.DataType) -> exp.Expression:
    """A constant of type `to` (WHOLE or DECIMAL), for comparing with a value of that type:
    Spark compares a DECIMAL(38, 18) with a DECIMAL(38, 0) as two DECIMAL(38, 0), rounding
    the places away (30.48 > 30 is false), so the two sides of a comparison have one type."""
    if to is WHOLE:
        assert value.denominator == 1, value
        return whole(value.numerator)
    return cast(lit(portable._decimal_text(value)), DECIMAL)


class _Query:
    def __init__(self, program: ir.Program, dialect: str, lang: str, region: str | None, columns=None,
                 whole_columns: frozenset = frozenset()):
        if dialect not in DIALECTS:
            raise ValueError(f"no SQL dialect {dialect!r}; choose one of {', '.join(DIALECTS)}")
        self.dialect = dialect
        self.program = program
        self.meaning = Meaning(program)
        self.lang = lang
        if region is None and len(program.regions) == 1:
            region = program.regions[0].name
        self.default_region = region
        self.columns = dict(columns or {spec.name: spec.name for spec in program.inputs})
        self.whole_columns = frozenset(whole_columns)
        folded: dict[str, str] = {}
        for name in self.columns.values():
            other = folded.setdefault(name.casefold(), name)
            if other != name:
                raise SqlUnsupported(say("sql.case_only", other=other, name=name))
        # a quantity's own columns are named after it, with its position where two names differ only in case
        names = [spec.name for spec in program.inputs] + [metric.name for metric in program.metrics]
        self.suffix = {name: (f"_{position}" if sum(n.casefold() == name.casefold() for n in names) > 1 else "")
                       for position, name in enumerate(names)}

    def inner(self, prefix: str, name: str) -> str:
        """The name of a quantity's own column of a stage: `v_late_orders`."""
        return f"{prefix}_{name}{self.suffix[name]}"

    # ---- the stages, each a projection of the one before (a value used twice is a column):
    # given (texts) -> read (exact values) -> checked (the first error) -> quotients, rests,
    # hundredths (of each rate, for its percentage in words) -> the decision
    def select(self, table: str) -> exp.Select:
        stages = [
            ("given", self.given_columns(), exp.to_table(table, quoted=True)),  # see `table_name`
            ("read", [col("seller_id"), col("region"), *self.read_columns()], None),
            ("checked", [exp.Star(), alias(self.error(), "error", quoted=True)], None),
            ("quotients", [exp.Star(), *self.rate_columns("q")], None),
            ("rests", [exp.Star(), *self.rate_columns("r")], None),
            ("hundredths", [exp.Star(), *self.rate_columns("h")], None),
            ("shown", [exp.Star(), *self.shown_columns()], None),
            ("ruled", [exp.Star(), *self.rule_columns()], None),
        ]
        decided = exp.select(*self.decided_columns()).from_(exp.to_table(stages[-1][0]), copy=False)
        before = None
        for name, columns, source in stages:
            stage = exp.select(*columns).from_(source if source is not None else exp.to_table(before), copy=False)
            decided = decided.with_(name, as_=stage, copy=False)
            before = name
        return _unshared(decided).transform(_parenthesized, copy=False)

    def given_columns(self) -> list:
        columns = [alias(col("seller_id"), "seller_id", quoted=True),
                   alias(exp.Coalesce(this=col("region"), expressions=[lit(self.default_region)]),
                              "region", quoted=True)]
        for spec in self.program.inputs:
            given = col(self.columns[spec.name])
            if spec.name not in self.whole_columns:
                given = cast(given, TEXT)
            columns.append(alias(given, self.inner("t", spec.name), quoted=True))
        return columns

    def read_columns(self) -> list:
        columns = [col(self.inner("t", spec.name)) for spec in self.program.inputs]
        for spec in self.program.inputs:
            text = col(self.inner("t", spec.name))
            if spec.name in self.whole_columns:
                value = cast(text, WHOLE if DOMAINS[spec.kind].whole else DECIMAL)
                columns.append(alias(case((self.in_range(text), value)), self.inner("v", spec.name), quoted=True))
                continue
            value = try_cast(this=text, to=WHOLE if DOMAINS[spec.kind].whole else DECIMAL)
            columns.append(alias(case((self.number_ok(spec.name), value)), self.inner("v", spec.name), quoted=True))
        return columns

    @staticmethod
    def in_range(value: exp.Expression) -> exp.Expression:
        """A whole number of an integer column is less than 10^18 in size."""
        limit = lambda: lit(10**DIGITS)  # noqa: E731
        return exp.and_(exp.LT(this=value, expression=limit()),
                        exp.GT(this=value, expression=exp.Neg(this=limit())), copy=False)

    def rates(self) -> list[ir.MetricIR]:
        return [m for m in self.program.metrics if m.denominator is not None]

    def rate_columns(self, stage: str) -> list:
        """For each rate n / d, where d is above 0: q, the quotient of n * 10000 by d; r,
        its rest; h, q rounded half to even by r: hundredths of a percent (`_percent_text`)."""
        columns = []
        for metric in self.rates():
            n, d = (lambda: self.v(metric.numerator)), (lambda: self.v(metric.denominator))
            q, r = (lambda: col(self.inner("q", metric.name))), (lambda: col(self.inner("r", metric.name)))
            if stage == "q":
                defined = exp.and_(exp.Not(this=exp.Is(this=n(), expression=exp.Null())),
                                   exp.GT(this=d(), expression=whole(0)), copy=False)
                value = case((defined, self.int_div(exp.Mul(this=n(), expression=whole(10000)), d())))
            elif stage == "r":
                value = exp.Sub(this=exp.Mul(this=n(), expression=whole(10000)), expression=exp.Mul(this=q(), expression=d()))
            else:
                twice = lambda: exp.Mul(this=r(), expression=whole(2))  # noqa: E731
                odd = exp.EQ(this=exp.Mod(this=q(), expression=whole(2)), expression=whole(1))
                up = exp.or_(exp.GT(this=twice(), expression=d()), exp.and_(exp.EQ(this=twice(), expression=d()), odd, copy=False), copy=False)
                value = exp.Add(this=q(), expression=case((up, whole(1)), default=whole(0)))
            columns.append(alias(value, f"{stage}_{metric.name}", quoted=True))
        return columns

    # ---- reading a value
    def places(self, name: str) -> exp.Expression:
        """The decimal places of a number written `-12.50e-3`: the digits after the point,
        trailing zeros aside, less the exponent."""
        text = col(self.inner("t", name))
        fraction = exp.RegexpExtract(this=text, expression=lit(r"\.([0-9]+)"), group=lit(1))
        significant = exp.Length(this=exp.Trim(this=fraction, expression=lit("0"), position="TRAILING"))
        power = exp.RegexpExtract(this=text, expression=lit(r"[eE]([-+]?[0-9]+)$"), group=lit(1))
        power = exp.Coalesce(this=try_cast(this=exp.Nullif(this=power, expression=lit("")),
                                              to=_type("INT")), expressions=[lit(0)])
        return case((exp.RegexpLike(this=col(self.inner("t", name)), expression=lit(ZERO)), lit(0)),
                    default=exp.Sub(this=significant, expression=exp.paren(power)))

    def number_ok(self, name: str) -> exp.Expression:
        """The text is a number of the SQL range (see the module docstring)."""
        text = col(self.inner("t", name))
        exact = try_cast(this=text, to=DECIMAL)
        return exp.and_(exp.RegexpLike(this=text, expression=lit(NUMBER)),
                        exp.LTE(this=self.places(name), expression=lit(SQL_PLACES)),
                        exp.Not(this=exp.Is(this=exact, expression=exp.Null())),
                        exp.LT(this=exp.Abs(this=exact), expression=cast(lit(f"1e{DIGITS}"), DECIMAL)), copy=False)

    def error(self) -> exp.Expression:
        """The first problem of the row, in the order the Python engine finds them."""
        whens = []
        regions = [r.name for r in self.program.regions]
        region = col("region")
        if self.default_region is None:
            whens.append((exp.Is(this=region, expression=exp.Null()), self.error_struct(
                NO_REGION, "region", f"no region: give --region, or a `region` key on the line "
                                     f"(this policy has {', '.join(regions)})")))
        known = exp.In(this=region, expressions=[lit(r) for r in regions])
        whens.append((exp.Not(this=known), self.error_struct(UNKNOWN_REGION, "region", concat(
            "unknown region `", region, f"`; this policy has {', '.join(regions)}"))))
        for spec in self.program.inputs:
            whens += self.value_errors(spec)
        for spec in self.program.inputs:
            if spec.part_of:
                part, whole_value = col(self.inner("v", spec.name)), col(self.inner("v", spec.part_of))
                above = exp.and_(exp.Not(this=exp.Is(this=part, expression=exp.Null())),
                                 exp.Not(this=exp.Is(this=whole_value, expression=exp.Null())),
                                 exp.GT(this=part, expression=whole_value), copy=False)
                whens.append((above, self.error_struct(ABOVE_TOTAL, spec.name, concat(
                    f"{spec.name} is ", self.plain(spec.name), f" but {spec.part_of} is ", self.plain(spec.part_of),
                    f": {spec.name} counts some of the {spec.part_of}, so it cannot be more than {spec.part_of}"))))
        return case(*whens, default=cast(exp.Null(), self.error_type()))

    def error_type(self) -> exp.DataType:
        return exp.DataType.build("STRUCT<code VARCHAR, key VARCHAR, message VARCHAR>", dialect="duckdb")

    def error_struct(self, code: str, key: str | None, message) -> exp.Expression:
        message = message if isinstance(message, exp.Expression) else lit(message)
        return struct(code=lit(code), key=lit(key) if key else cast(exp.Null(), TEXT), message=message)

    def value_errors(self, spec: ir.InputIR) -> list:
        """The errors of one input's text, as `portable._within` finds them."""
        if spec.name in self.whole_columns:
            return self.whole_value_errors(spec)
        text = col(self.inner("t", spec.name))
        domain = DOMAINS[spec.kind]
        given = exp.Not(this=exp.Is(this=text, expression=exp.Null()))
        numeric = exp.RegexpLike(this=text, expression=lit(NUMBER))
        shown = text
        infinite = [(lit(word), lit(said)) for word, said in NOT_FINITE_WORDS.items()]
        finite = exp.In(this=text, expressions=[lit(word) for word in NOT_FINITE_WORDS])
        whens = [(exp.and_(given, finite, copy=False), self.error_struct(NOT_FINITE, spec.name, concat(
                     f"expected {domain.expected}, got ", case(*((exp.EQ(this=text, expression=w), s)
                                                                for w, s in infinite))))),
                 (exp.and_(given, exp.Not(this=numeric), copy=False), self.error_struct(
                     NOT_A_NUMBER, spec.name, concat(f"expected {domain.expected}, got ", self.json_shown(text))))]
        value = try_cast(this=text, to=DECIMAL)
        too_large = exp.or_(exp.Is(this=value, expression=exp.Null()),
                            exp.GTE(this=exp.Abs(this=value), expression=cast(lit(f"1e{DIGITS}"), DECIMAL)), copy=False)
        whens.append((exp.and_(given, too_large, copy=False), self.error_struct(OUT_OF_RANGE, spec.name, concat(
            f"out of range: a value is less than 10^{DIGITS} in size (at most {DIGITS} digits before the decimal "
            "point), got ", shown))))
        whens.append((exp.and_(given, exp.GT(this=self.places(spec.name), expression=lit(PLACES)), copy=False),
                      self.error_struct(OUT_OF_RANGE, spec.name, concat(
                          f"out of range: a value has at most {PLACES} decimal places, got ", shown))))
        whens.append((exp.and_(given, exp.GT(this=self.places(spec.name), expression=lit(SQL_PLACES)), copy=False),
                      self.error_struct(OUT_OF_RANGE, spec.name, concat(
                          f"out of range: in SQL a value has at most {SQL_PLACES} decimal places, got ", shown))))
        if domain.lo is not None:
            whens.append((exp.and_(given, exp.LT(this=value, expression=number(domain.lo, DECIMAL)), copy=False),
                          self.error_struct(domain.below[0], spec.name, concat(f"{domain.below[1]}, got ", shown))))
        if domain.hi is not None:
            whens.append((exp.and_(given, exp.GT(this=value, expression=number(domain.hi, DECIMAL)), copy=False),
                          self.error_struct(domain.above[0], spec.name, concat(f"{domain.above[1]}, got ", shown))))
        if domain.whole:
            fractional = exp.NEQ(this=value, expression=cast(exp.Floor(this=value), DECIMAL))
            whens.append((exp.and_(given, fractional, copy=False), self.error_struct(
                portable.NOT_WHOLE, spec.name, concat(f"{NOT_WHOLE_TEXT}, got ", shown))))
        return whens

    def whole_value_errors(self, spec: ir.InputIR) -> list:
        """The errors of one input from an integer column: only its size and its kind's
        bounds can be wrong (it is a number, finite and whole); said as of its text."""
        value = col(self.inner("t", spec.name))
        domain = DOMAINS[spec.kind]
        given = exp.Not(this=exp.Is(this=value, expression=exp.Null()))
        shown = lambda: cast(value, TEXT)  # noqa: E731
        whens = [(exp.and_(given, exp.Not(this=self.in_range(value)), copy=False), self.error_struct(
            OUT_OF_RANGE, spec.name, concat(f"out of range: a value is less than 10^{DIGITS} in size (at most "
                                            f"{DIGITS} digits before the decimal point), got ", shown())))]
        exact = cast(value, DECIMAL)
        if domain.lo is not None:
            whens.append((exp.and_(given, exp.LT(this=exact, expression=number(domain.lo, DECIMAL)), copy=False),
                          self.error_struct(domain.below[0], spec.name, concat(f"{domain.below[1]}, got ", shown()))))
        if domain.hi is not None:
            whens.append((exp.and_(given, exp.GT(this=exact.copy(), expression=number(domain.hi, DECIMAL)),
                                   copy=False),
                          self.error_struct(domain.above[0], spec.name, concat(f"{domain.above[1]}, got ", shown()))))
        return whens

    @staticmethod
    def json_shown(text: exp.Expression) -> exp.Expression:
        """`portable._shown` of a value that is no number, from its JSON text: `the string
        "x"` (cut to 20 characters), `a list`, `an object`, `true`."""
        inner = exp.Substring(this=text, start=lit(2), length=exp.Sub(this=exp.Length(this=text), expression=lit(2)))
        string = concat('the string "', case((exp.GT(this=exp.Length(this=inner), expression=lit(20)), concat(
            exp.Substring(this=inner, start=lit(1), length=lit(17)), "...")), default=inner), '"')
        starts = lambda mark: exp.EQ(this=exp.Substring(this=text, start=lit(1), length=lit(1)), expression=lit(mark))  # noqa: E731
        return case((starts('"'), string), (starts("["), lit("a list")), (starts("{"), lit("an object")),
                    default=text)

    def int_div(self, top: exp.Expression, bottom: exp.Expression) -> exp.Expression:
        """`top // bottom` of whole numbers, 0 or more, exactly: DuckDB divides DECIMALs in
        binary floats, so in HUGEINT; Spark's DIV gives a BIGINT, so the exact quotient of
        `top` less its remainder (a DECIMAL(38, 6): every quotient here is below 10^32)."""
        if self.dialect == "duckdb":
            huge = exp.DataType.build("HUGEINT", dialect="duckdb")
            return cast(exp.IntDiv(this=cast(top, huge), expression=cast(bottom, huge)), WHOLE)
        exact = exp.Div(this=exp.paren(exp.Sub(this=top, expression=exp.Mod(this=top, expression=bottom))),
                        expression=bottom)
        return cast(exact, WHOLE)

    # ---- formulas of the meaning
    def v(self, name: str) -> exp.Column:
        return col(self.inner("v", name))

    def formula(self, formula) -> exp.Expression:
        """A formula of `meaning` as a SQL condition that is never NULL: each comparison
        stands beside the tests that its inputs are given (`NOT x IS NULL AND x >= 5`),
        so that no NULL reaches a NOT or an OR."""
        kind = type(formula)
        if kind is Or:
            return exp.or_(*(self.formula(item) for item in formula.items), copy=False) if formula.items else exp.false()
        if kind is Not:
            return exp.Not(this=exp.paren(self.formula(formula.item)))
        terms, seen = [], set()
        for term in self.terms(formula):
            if term.sql() not in seen:
                seen.add(term.sql())
                terms.append(term)
        return exp.and_(*terms, copy=False) if terms else exp.true()

    def terms(self, formula) -> list[exp.Expression]:
        """The conditions a conjunction is made of, flattened."""
        kind = type(formula)
        if kind is And:
            return [term for item in formula.items for term in self.terms(item)]
        if kind in (Or, Not):
            return [self.formula(formula)]
        name = formula.numerator if kind is Ratio else formula.input
        given = exp.Not(this=exp.Is(this=self.v(name), expression=exp.Null()))
        if kind is Given:
            return [given]
        if kind is NonZero:
            zero = number(Fraction(0), self.type(formula.input))
            return [given, exp.NEQ(this=self.v(formula.input), expression=zero)]
        if kind is Ratio:
            bound = formula.value
            if max(bound.numerator, bound.denominator) >= 10**19:
                raise SqlUnsupported(say("sql.bound_digits", bound=str(bound)))
            left = exp.Mul(this=self.v(formula.numerator), expression=whole(bound.denominator))
            right = exp.Mul(this=whole(bound.numerator), expression=self.v(formula.denominator))
            return [given, exp.Not(this=exp.Is(this=self.v(formula.denominator), expression=exp.Null())),
                    _compare(formula.op, left, right)]
        assert kind is Bound
        return [given, self.bound(formula)]

    def type(self, name: str) -> exp.DataType:
        """The type of an input's value: WHOLE for a count, else DECIMAL."""
        return WHOLE if DOMAINS[self.program.input(name).kind].whole else DECIMAL

    def bound(self, formula: Bound) -> exp.Expression:
        """`x op v` for an x of at most SQL_PLACES places (none for a count): against v itself
        when it has no more places, else against the neighbour of v on the side that keeps
        the meaning. Always against a constant of x's own type (see `number`)."""
        value, op, x, to = formula.value, formula.op, self.v(formula.input), self.type(formula.input)
        scale = 1 if to is WHOLE else 10**SQL_PLACES
        if abs(value) >= 10**DIGITS:  # beyond every value of the SQL range: the same for each of them
            return exp.true() if (op in ("<", "<=")) == (value > 0) and op != "==" else exp.false()
        if (value * scale).denominator == 1:
            return _compare(op, x, number(value, to))
        below, above = Fraction(int(value * scale // 1), scale), Fraction(-int(-value * scale // 1), scale)
        if op == "==":
            return exp.false()
        if op in (">=", ">"):
            return exp.GTE(this=x, expression=number(above, to))
        return exp.LTE(this=x, expression=number(below, to))

    # ---- values in words
    def plain(self, name: str) -> exp.Expression:
        """An input's exact value as a decision writes it: `12`, `45.5`, `-3`."""
        if DOMAINS[self.program.input(name).kind].whole:
            return cast(self.v(name), TEXT)
        return case((exp.Is(this=self.v(name), expression=exp.Null()), exp.Null()),
                    default=self.decimal_text(self.v(name)))

    @staticmethod
    def decimal_text(value: exp.Expression) -> exp.Expression:
        """A DECIMAL(38, 18) as an exact decimal without trailing zeros: `2.5`, `30`, `-0.25`."""
        text = cast(value, TEXT)
        trimmed = exp.Trim(this=exp.Trim(this=text, expression=lit("0"), position="TRAILING"), expression=lit("."),
                           position="TRAILING")
        return case((exp.EQ(this=value, expression=number(Fraction(0), DECIMAL)), lit("0")), default=trimmed)

    def percent_text(self, metric: str) -> exp.Expression:
        """`_percent_text` of a rate from its columns (`rate_columns`): `30%`, `≈33.33%`."""
        h, r = (lambda: col(self.inner("h", metric))), (lambda: col(self.inner("r", metric)))
        whole_part = cast(self.int_div(h(), whole(100)), TEXT)
        cents = lambda: exp.Mod(this=h(), expression=whole(100))  # noqa: E731
        cents_text = case((exp.EQ(this=cents(), expression=whole(0)), lit("")), default=concat(
            ".", exp.Trim(this=exp.Pad(this=cast(cents(), TEXT), expression=lit(2), fill_pattern=lit("0"),
                                       is_left=True), expression=lit("0"), position="TRAILING")))
        mark = case((exp.EQ(this=r(), expression=whole(0)), lit("")), default=lit("≈"))
        return concat(mark, whole_part, cents_text, "%")

    def shown_columns(self) -> list:
        """Each quantity's value in words, once: `s_LDR` is `30% (12/40)`."""
        names = [m.name for m in self.program.metrics] + [i.name for i in self.program.inputs]
        return [alias(self.words(name), self.inner("s", name)) for name in names]

    def shown(self, quantity: str) -> exp.Expression:
        return col(self.inner("s", quantity))

    def words(self, quantity: str) -> exp.Expression:
        """A defined quantity's value in words (`explain`): `30% (12/40)`, `45min`."""
        metric = self.program.metric(quantity)
        if metric is not None and metric.denominator is not None:
            return concat(self.percent_text(metric.name), " (",
                          self.plain(metric.numerator), "/", self.plain(metric.denominator), ")")
        name = metric.numerator if metric else quantity
        return concat(self.plain(name), explain.value_suffix(self.program, quantity))

    def template(self, template: str, fields: dict) -> exp.Expression:
        """A `str.format` template of `explain`, its fields filled by SQL expressions."""
        parts = []
        for literal, field, _, _ in string.Formatter().parse(template):
            parts.append(literal)
            if field is not None:
                parts.append(fields[field])
        return concat(*parts)

    # ---- the decision
    LISTS = ("violations", "findings", "not_applicable", "discretionary")

    def declarations(self) -> list[ir.RuleIR]:
        """Each rule declaration once (US and SEA share theirs), in the order of the regions."""
        found = {}
        for region in self.program.regions:
            for rule in region.rules:
                found.setdefault((rule.name, rule.where), rule)
        return list(found.values())

    @staticmethod
    def key(rule: ir.RuleIR) -> tuple[str, str]:
        return rule.name, rule.where

    def rule_columns(self) -> list:
        """What each rule declaration decides, once for every region that has it: its
        lists, points and warning, as columns `violations_3`, `points_3`, ..."""
        columns = []
        for position, rule in enumerate(self.declarations()):
            parts = {key: [] for key in (*self.LISTS, "points", "warning")}
            self.rule(rule, parts)
            for key in self.LISTS:
                columns.append(alias(present(parts[key]) if parts[key] else self.empty(key), f"{key}_{position}"))
            points = cast(sum_(parts["points"]), "INT") if parts["points"] else cast(lit(0), "INT")
            columns.append(alias(points, f"points_{position}"))
            warning = exp.or_(*parts["warning"], copy=False) if parts["warning"] else exp.false()
            columns.append(alias(warning, f"warning_{position}"))
        return columns

    def decided_columns(self) -> list:
        """Per region, its rules' columns joined: points added, warnings or-ed, lists concatenated."""
        positions = {self.key(rule): position for position, rule in enumerate(self.declarations())}
        ok = exp.Is(this=col("error"), expression=exp.Null())

        def per_region(make, default):
            whens = []
            for region in self.program.regions:
                mine = [positions[self.key(rule)] for rule in region.rules]
                whens.append((exp.and_(ok, exp.EQ(this=col("region"), expression=lit(region.name)), copy=False),
                              make(mine)))
            return case(*whens, default=default)

        def listed(key):
            def make(mine):
                if not mine:
                    return self.empty(key)
                if len(mine) == 1:
                    return col(f"{key}_{mine[0]}")
                return exp.ArrayConcat(this=col(f"{key}_{mine[0]}"),
                                       expressions=[col(f"{key}_{p}") for p in mine[1:]])
            return make

        columns = [col("seller_id"), alias(case((ok, col("region"))), "region")]  # as the JSON error record
        columns.append(alias(per_region(lambda mine: cast(sum_([col(f"points_{p}") for p in mine]), "INT")
                                        if mine else cast(lit(0), "INT"), cast(exp.Null(), "INT")), "points"))
        columns.append(alias(per_region(lambda mine: exp.or_(*(col(f"warning_{p}") for p in mine), copy=False)
                                        if mine else exp.false(), cast(exp.Null(), "BOOLEAN")), "warning"))
        for key in self.LISTS:
            columns.append(alias(per_region(listed(key), exp.Null()), key))
        columns.append(col("error"))
        return columns

    def empty(self, key: str) -> exp.Expression:
        return cast(exp.Array(expressions=[]), f"ARRAY<{_ITEM_TYPES[key]}>")

    def rule(self, rule: ir.RuleIR, parts: dict) -> None:
        metric = self.program.metric(rule.metric) if rule.metric else None
        for name in self.program.rule_quantities(rule):
            parts["not_applicable"].append(self.not_applicable(rule, name))
        outside = exp.false()
        if metric is not None and metric.standard is not None:
            outside = self.formula(self.meaning.outside_standard(metric))
            if metric.denominator is not None:
                value = concat(self.plain(metric.numerator), "/", self.plain(metric.denominator))
            else:
                value = self.shown(metric.name)
            parts["findings"].append(case((outside, self.typed("findings", struct(
                rule=lit(rule.name), metric=lit(metric.name), value=value, standard=lit(metric.standard_text))))))
        fired = []
        for table in rule.tables:
            for position, row in enumerate(table.rows):
                fires = self.formula(self.meaning.fires(table, position))
                fired.append(fires)
                parts["violations"].append(case((fires, self.violation(rule, table, row))))
                if row.points:
                    parts["points"].append(case((fires, lit(row.points)), default=lit(0)))
                if row.warning:
                    parts["warning"].append(fires)
        if rule.may:
            follows = exp.or_(*fired, copy=False) if rule.tables else outside
            parts["discretionary"].append(case((follows, self.typed("discretionary", struct(
                rule=lit(rule.name), measures=self.texts(rule.may))))))

    def typed(self, key: str, value: exp.Expression) -> exp.Expression:
        return cast(value, _ITEM_TYPES[key])

    def texts(self, items) -> exp.Expression:
        return cast(exp.Array(expressions=[lit(i) for i in items]), TEXTS)

    def not_applicable(self, rule: ir.RuleIR, quantity: str) -> exp.Expression:
        metric = self.program.metric(quantity)
        whens = []
        for cause, formula in self.meaning.undefined_causes(quantity):
            if cause == ABSENT:
                reason = self.absent_reason(self.program.needs(quantity))
            elif cause == ONLY_IF:
                template = explain.only_if_template(self.program, metric, self.lang)
                reason = self.template(template, {name: self.shown(name) for name, _ in metric.only_if})
            else:
                reason = lit(explain.zero_text(metric, self.lang))
            whens.append((self.formula(formula), self.typed("not_applicable", struct(
                rule=lit(rule.name), metric=lit(quantity), cause=lit(cause), reason=reason))))
        return case(*whens)

    def absent_reason(self, needs: tuple[str, ...]) -> exp.Expression:
        """`_absent_text` of the inputs not given, one text for each way of missing them."""
        if len(needs) > 6:
            raise SqlUnsupported(say("sql.too_many_inputs", count=len(needs)))
        whens = []
        for mask in range(1, 2 ** len(needs)):
            missing = [n for i, n in enumerate(needs) if mask >> i & 1]
            condition = exp.and_(*(exp.Is(this=self.v(n), expression=exp.Null()) if mask >> i & 1 else
                                   exp.Not(this=exp.Is(this=self.v(n), expression=exp.Null()))
                                   for i, n in enumerate(needs)))
            whens.append((condition, lit(portable._absent_text(self.lang, missing))))
        return case(*whens)

    def violation(self, rule: ir.RuleIR, table: ir.TableIR, row: ir.RowIR) -> exp.Expression:
        limit = cast(exp.Null(), LIMIT)
        cap = None
        if row.limit is not None:
            limit, cap = self.limit(row.limit)
        texts = []  # the row is explained by the first of its boxes that holds (`meaning`)
        for box in range(len(row.boxes)):
            fields = {name: self.shown(name) for name in explain.because_quantities(row, box)}
            if cap is not None:
                fields["cap"] = cap if box == 0 else cap.copy()
            texts.append(self.template(explain.because_template(self.program, rule, table, row, self.lang, box),
                                       fields))
        because = texts[-1]
        if len(texts) > 1:
            because = case(*((self.formula(self.meaning.box(row.boxes[box])), text)
                             for box, text in enumerate(texts[:-1])), default=texts[-1])
        return self.typed("violations", struct(
            rule=lit(rule.name), table=lit(table.name) if table.name else cast(exp.Null(), TEXT),
            row=lit(row.index), points=lit(row.points), warning=lit(row.warning), limit=limit,
            measures=self.texts(row.measures), where=lit(row.where), because=because))

    def limit(self, limit: ir.LimitIR) -> tuple[exp.Expression, exp.Expression]:
        """The limit struct and the text of its daily cap (D9: `_share`, in whole numbers)."""
        basis = self.program.basis(limit.basis)
        base = self.v(basis.input)
        share = limit.percent / 100
        scale = 10**SQL_PLACES
        p, q = share.numerator, share.denominator
        if share >= 10**SHARE_DIGITS or q >= 10**19:
            raise SqlUnsupported(say("sql.percent_digits", percent=portable._decimal_text(limit.percent)))
        # base * p / q with base = w + f / 10^18 (w whole, 0 <= f < 10^18), in whole numbers below 10^38:
        # w * p = k * q + r, so base * p / q = k + (r * 10^18 + f * p) / (q * 10^18). Each operation's
        # type holds its exact result (DECIMAL(36, 18) - DECIMAL(19, 0) fits 38 digits, the fraction
        # DECIMAL(18, 18) times 10^18 too): Spark would round a result type wider than 38 digits.
        narrow = lambda: cast(base, NARROW)  # noqa: E731
        w = lambda: cast(exp.Floor(this=narrow()), WHOLE)  # noqa: E731
        fraction = cast(exp.Sub(this=narrow(), expression=exp.Floor(this=narrow())), FRACTION)
        f = cast(exp.Mul(this=fraction, expression=cast(lit(scale), SCALE)), WHOLE)
        wp = lambda: exp.Mul(this=w(), expression=whole(p))  # noqa: E731
        k = self.int_div(wp(), whole(q))
        r = exp.Mod(this=wp(), expression=whole(q))
        top = exp.Add(this=exp.Mul(this=r, expression=whole(scale)), expression=exp.Mul(this=f, expression=whole(p)))
        bottom = whole(q * scale)
        if basis.rounding == "down":
            cap = exp.Add(this=k, expression=self.int_div(top, bottom))
        else:  # up: the quotient of top + bottom - 1 (every part is 0 or more)
            cap = exp.Add(this=k, expression=self.int_div(
                exp.Sub(this=exp.Add(this=top, expression=bottom), expression=whole(1)), whole(q * scale)))
        cap = cast(cap, WHOLE)
        percent = portable._decimal_text(limit.percent)
        value = struct(days=lit(limit.days), percent=lit(percent), basis=lit(limit.basis), daily_cap=cap)
        words = explain.CAP[self.lang]
        before, _, after = words.partition("{}")
        cap_text = case((exp.Is(this=base, expression=exp.Null()), lit("")),
                        default=concat(before, cast(cap, TEXT), after))
        return cast(value, LIMIT), cap_text


def _unshared(tree: exp.Expression) -> exp.Expression:
    """The tree with a copy of each node that sits in more than one place: a sqlglot node
    has one parent, and rewriting a shared one would rewrite it everywhere."""
    seen: set[int] = set()
    stack = [tree]
    while stack:
        node = stack.pop()
        for key, value in list(node.args.items()):
            items = value if isinstance(value, list) else [value]
            for position, item in enumerate(items):
                if not isinstance(item, exp.Expression):
                    continue
                if id(item) in seen:
                    item = item.copy()
                    if isinstance(value, list):
                        value[position] = item
                        item.parent, item.arg_key, item.index = node, key, position
                    else:
                        node.set(key, item)
                seen.add(id(item))
                stack.append(item)
    return tree


def _parenthesized(node: exp.Expression) -> exp.Expression:
    """Parentheses around every operation inside another: a tree built by hand has no
    precedence of its own, and `a - b * c` must not print for `(a - b) * c`."""
    if isinstance(node, (exp.Binary, exp.Unary)) and not isinstance(node, (exp.PropertyEQ, exp.Paren)):
        for key in ("this", "expression"):
            child = node.args.get(key)
            if isinstance(child, exp.Binary) and not isinstance(child, exp.PropertyEQ):
                node.set(key, exp.paren(child, copy=False))
    return node


def _compare(op: str, left, right) -> exp.Expression:
    kinds = {"<": exp.LT, "<=": exp.LTE, ">": exp.GT, ">=": exp.GTE, "==": exp.EQ}
    return kinds[op](this=left, expression=right)


def sum_(items: list) -> exp.Expression:
    total = items[0]
    for item in items[1:]:
        total = exp.Add(this=total, expression=item)
    return total


def output_types(dialect: str) -> dict[str, str]:
    """The type of each column of decisions, printed for `dialect`: what the query returns
    (seller_id as text), and what `tspol eval -o decisions.parquet` writes."""
    types = {"seller_id": "STRING", "region": "STRING", "points": "INT", "warning": "BOOLEAN",
             **{name: f"ARRAY<{item}>" for name, item in _ITEM_TYPES.items()},
             "error": "STRUCT<code: STRING, key: STRING, message: STRING>"}
    assert tuple(types) == portable.OUTPUT_COLUMNS
    return {name: _type(text).sql(dialect=dialect) for name, text in types.items()}


_ITEM_TYPES = {
    "violations": "STRUCT<rule: STRING, table: STRING, row: INT, points: INT, warning: BOOLEAN, "
                  "limit: STRUCT<days: INT, percent: STRING, basis: STRING, daily_cap: DECIMAL(38, 0)>, "
                  "measures: ARRAY<STRING>, where: STRING, because: STRING>",
    "findings": "STRUCT<rule: STRING, metric: STRING, value: STRING, standard: STRING>",
    "not_applicable": "STRUCT<rule: STRING, metric: STRING, cause: STRING, reason: STRING>",
    "discretionary": "STRUCT<rule: STRING, measures: ARRAY<STRING>>",
}
