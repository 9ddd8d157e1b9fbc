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

`fields` (as `tspol.runtime.shapes.parse_fields` gives them: `--fields` and
`--shape` of `tspol eval`) keeps only some columns, and only some fields of each
list's items; what is not kept is not computed, so a lean query makes no texts.
In a pack that declares levels (issue 11), the `levels` struct column (before
`error`) has each level set kept (`kept_level_sets`: every one for the whole
decision and for `levels`, those named by `levels.SET`), and none without them.

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
import math
import string
from fractions import Fraction

from sqlglot import exp

from tspol.codes import ABOVE_TOTAL, NO_REGION, NOT_A_NUMBER, NOT_FINITE, OUT_OF_RANGE, UNKNOWN_REGION
from tspol.compiler import explain, growth, ir, portable
from tspol.messages import say
from tspol.compiler.meaning import ABSENT, ONLY_IF, And, Bound, Given, Linear, Meaning, NonZero, Not, Or, Ratio
from tspol.dsl.domains import DIGITS, DOMAINS, NOT_WHOLE_TEXT, PLACES

SQL_PLACES = 18  # decimal places a value may have in SQL (DECIMAL(38, 18))
DIALECTS = ("duckdb", "spark")
TESTED = ("duckdb", "spark")  # printed by sqlglot for the others too, but run and tested only for these

DECIMAL = exp.DataType.build(f"DECIMAL(38, {SQL_PLACES})")
WHOLE = exp.DataType.build("DECIMAL(38, 0)")
NARROW = exp.DataType.build(f"DECIMAL(36, {SQL_PLACES})")  # a value of the SQL range, with room to subtract
FRACTION = exp.DataType.build(f"DECIMAL({SQL_PLACES}, {SQL_PLACES})")  # 0 <= f < 1
SCALE = exp.DataType.build(f"DECIMAL({SQL_PLACES + 1}, 0)")  # 10^18
UNITS = exp.DataType.build(f"DECIMAL({DIGITS + 1}, 0)")  # further units of an input, below 2 * 10^18
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


def _weights(terms) -> tuple[list[int], int]:
    """A sum's weights as whole numbers W = w L, and L, the least common multiple of their denominators."""
    common = math.lcm(*(t.weight.denominator for t in terms))
    return [int(t.weight * common) for t in terms], common


class SqlUnsupported(ValueError):
    """A pack the SQL backend cannot decide exactly (a bound with too many digits)."""


def generate(program: ir.Program, dialect: str = "duckdb", table: str = "metrics", lang: str = "en",
             region: str | None = None, columns: dict | None = None, whole_columns: frozenset = frozenset(),
             fields: tuple | None = None, headroom: bool = False) -> str:
    """The query deciding every row of `table`, printed for `dialect`. `region`: the
    region of rows whose `region` is NULL (default: the policy's only region).
    `columns`: the column of each input (default: the input's name). `whole_columns`:
    the inputs whose column is of an integer type, read as they are (exact already:
    no text, no pattern); any other column is read from its text. `fields`: the
    columns and item fields kept (default: all; see the module docstring). `headroom`:
    the columns `headroom` and `recovery` too (`tspol.runtime.headroom`), before `error`."""
    return query(program, dialect, table, lang, region, columns, whole_columns, fields, headroom).sql(
        dialect=dialect, pretty=True) + "\n"


def table_name(table: str, dialect: str) -> str:
    """A table's name as the query's FROM writes it."""
    return exp.to_table(table, quoted=True).sql(dialect=dialect)


def query(program: ir.Program, dialect: str = "duckdb", table: str = "metrics", lang: str = "en",
          region: str | None = None, columns: dict | None = None, whole_columns: frozenset = frozenset(),
          fields: tuple | None = None, headroom: bool = False) -> exp.Select:
    return _Query(program, dialect, lang, region, columns, whole_columns, fields, headroom).select(table)


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
                 whole_columns: frozenset = frozenset(), fields: tuple | None = None, headroom: bool = False):
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
        if headroom and fields is not None:
            raise ValueError("headroom and recovery are part of the whole decision: give fields=None with them")
        self.kept = kept_fields(fields) | ({key: () for key in self.DISTANCES} if headroom else {})
        self.items: dict[tuple[str, int], list[str]] = {}  # (list, rule declaration): its item columns
        self.headroom = headroom
        self.level_sets = kept_level_sets(program, fields)  # (position, set) of each set decided (issue 11)
        self.decides_levels = bool(self.level_sets)  # a `levels` column
        self.conditions: dict[tuple, exp.Expression] = {}  # (formula, value) -> its condition (`formula`)
        self.term_texts: dict[int, tuple[exp.Expression, str]] = {}
        folded: dict[str, str] = {}
        for name in self.columns.values():
            other = folded.setdefault(name.casefold(), name)
            if other != name:
                raise SqlUnsupported(say("sql.case_only", other=other, name=name))
        folded = {}
        for _, level_set in self.level_sets:
            other = folded.setdefault(level_set.name.casefold(), level_set.name)
            if other != level_set.name:
                raise SqlUnsupported(say("sql.case_only_levels", other=other, name=level_set.name))
        for metric in program.metrics:
            if metric.combine is not None:
                self.check_combined(metric)
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
        ]
        if self.says_words():
            stages += [
                ("quotients", [exp.Star(), *self.rate_columns("q")], None),
                ("rests", [exp.Star(), *self.rate_columns("r")], None),
                ("hundredths", [exp.Star(), *self.rate_columns("h")], None),
                ("shown", [exp.Star(), *self.shown_columns()], None),
            ]
        stages.append(("ruled", [exp.Star(), *self.rule_columns()], None))
        if self.headroom:
            stages += [(name, [exp.Star(), *columns], None) for name, columns in self.distance_stages()]
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
            columns.append(alias(value, self.inner(stage, metric.name), quoted=True))
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
            f"out of range: a value must be less than 10^{DIGITS} in size (at most {DIGITS} digits before the decimal "
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
            OUT_OF_RANGE, spec.name, concat(f"out of range: a value must be less than 10^{DIGITS} in size (at most "
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

    def formula(self, formula, value=None) -> exp.Expression:
        """A formula of `meaning` as a SQL condition that is never NULL: each comparison
        stands beside the tests that its inputs are given (`NOT x IS NULL AND x >= 5`),
        so that no NULL reaches a NOT or an OR. `value(name)`: an input's value (default:
        its column, `v`; a grown one for headroom). Built once for each formula and
        `value` (a node used in several places is copied at the end: `_unshared`)."""
        value = value or self.v
        found = self.conditions.get((formula, value))
        if found is None:
            found = self.conditions[(formula, value)] = self.condition(formula, value)
        return found

    def condition(self, formula, value) -> exp.Expression:
        kind = type(formula)
        if kind is Or:
            return exp.or_(*(self.formula(item, value) for item in formula.items), copy=False) \
                if formula.items else exp.false()
        if kind is Not:
            return exp.Not(this=exp.paren(self.formula(formula.item, value), copy=False))
        terms, seen = [], set()
        for term in self.terms(formula, value):
            if self.text(term) not in seen:
                seen.add(self.text(term))
                terms.append(term)
        return exp.and_(*terms, copy=False) if terms else exp.true()

    def text(self, term: exp.Expression) -> str:
        """A term's SQL, to tell equal terms apart (once for each term)."""
        found = self.term_texts.get(id(term))
        if found is None or found[0] is not term:
            found = self.term_texts[id(term)] = (term, term.sql())
        return found[1]

    def terms(self, formula, value) -> list[exp.Expression]:
        """The conditions a conjunction is made of, flattened."""
        kind = type(formula)
        if kind is And:
            return [term for item in formula.items for term in self.terms(item, value)]
        if kind in (Or, Not):
            return [self.formula(formula, value)]
        if kind is Linear:
            return self.linear(formula, value)
        name = formula.numerator if kind is Ratio else formula.input
        given = exp.Not(this=exp.Is(this=value(name), expression=exp.Null()))
        if kind is Given:
            return [given]
        if kind is NonZero:
            zero = number(Fraction(0), self.type(formula.input))
            return [given, exp.NEQ(this=value(formula.input), expression=zero)]
        if kind is Ratio:
            bound = formula.value
            if max(bound.numerator, bound.denominator) >= 10**19:
                raise SqlUnsupported(say("sql.bound_digits", bound=str(bound)))
            left = exp.Mul(this=value(formula.numerator), expression=whole(bound.denominator))
            right = exp.Mul(this=whole(bound.numerator), expression=value(formula.denominator))
            return [given, exp.Not(this=exp.Is(this=value(formula.denominator), expression=exp.Null())),
                    _compare(formula.op, left, right)]
        assert kind is Bound
        return [given, self.bound(formula, value)]

    def type(self, name: str) -> exp.DataType:
        """The type of an input's value: WHOLE for a count, else DECIMAL."""
        return WHOLE if DOMAINS[self.program.input(name).kind].whole else DECIMAL

    def bound(self, formula: Bound, value_of) -> exp.Expression:
        """`x op v` for an x of at most SQL_PLACES places (none for a count): against v itself
        when it has no more places, else against the neighbour of v on the side that keeps
        the meaning. Always against a constant of x's own type (see `number`)."""
        value, op, x, to = formula.value, formula.op, value_of(formula.input), self.type(formula.input)
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
    def plain(self, name: str, value=None) -> exp.Expression:
        """An input's exact value as a decision writes it: `12`, `45.5`, `-3` (`value`: as
        for `formula`)."""
        value = value or self.v
        if DOMAINS[self.program.input(name).kind].whole:
            return cast(value(name), TEXT)
        return case((exp.Is(this=value(name), expression=exp.Null()), exp.Null()),
                    default=self.decimal_text(value(name)))

    @staticmethod
    def decimal_text(value: exp.Expression) -> exp.Expression:
        """A DECIMAL(38, 18) as an exact decimal without trailing zeros: `2.5`, `30`, `-0.25`."""
        text = cast(value, TEXT)
        trimmed = exp.Trim(this=exp.Trim(this=text, expression=lit("0"), position="TRAILING"), expression=lit("."),
                           position="TRAILING")
        return case((exp.EQ(this=value, expression=number(Fraction(0), DECIMAL)), lit("0")), default=trimmed)

    def percent_text(self, metric: str) -> exp.Expression:
        """`_percent_text` of a rate from its columns (`rate_columns`): `30%`, `≈33.33%`."""
        return self.percent_words(lambda: col(self.inner("h", metric)), lambda: col(self.inner("r", metric)))

    def percent_words(self, h, r) -> exp.Expression:
        """`_percent_text` from the hundredths of a percent `h()` (rounded half to even) and the rest `r()`."""
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
        if metric is not None and metric.combine is not None:
            return case((self.formula(self.meaning.defined(quantity)), self.combined_words(metric)))
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

    # ---- arithmetic on metrics (issue 11): a sum, max or min of counts and of rates `A / B`
    # (a sum's rates share one denominator d: the checker's E323). A sum is compared as
    # `sum(W n) op V d` in whole numbers, W = w L and V = v L for L the least common multiple
    # of the fractions' denominators; each of W, V and L below 10^15 and every input below
    # 10^18, no product or quotient leaves DECIMAL(38, 0) (nor Spark's DECIMAL(38, 6) of a
    # quotient, below 10^32). Decimal inputs are refused (E004).
    ARITH_DIGITS = 10**15

    def check_combined(self, metric: ir.MetricIR) -> None:
        """SqlUnsupported for a combined metric beyond exact SQL (see above)."""
        kinds = {self.program.input(t.numerator).kind for t in metric.terms}
        if any(not DOMAINS[kind].whole for kind in kinds):
            raise SqlUnsupported(say("sql.arith_decimal", metric=metric.name, operation=metric.combine,
                                     kind=say(f"kind.{sorted(kinds)[0]}")))
        weights, common = _weights(metric.terms)
        if sum(weights) >= self.ARITH_DIGITS or common >= self.ARITH_DIGITS:
            raise SqlUnsupported(say("sql.arith_digits", metric=metric.name))

    def linear(self, formula: Linear, value) -> list[exp.Expression]:
        """A sum compared: every input given, its denominator not 0, and `sum(W n) op V d`."""
        common = math.lcm(formula.value.denominator, *(weight.denominator for weight, _, _ in formula.terms))
        weights = [int(weight * common) for weight, _, _ in formula.terms]
        bound = int(formula.value * common)
        if max(abs(bound), sum(weights), common) >= self.ARITH_DIGITS:
            metric = next(m.name for m in self.program.metrics if m.combine == "sum"
                          and tuple((t.weight, t.numerator, t.denominator) for t in m.terms) == formula.terms)
            raise SqlUnsupported(say("sql.arith_digits", metric=metric))
        parts = [exp.Not(this=exp.Is(this=value(name), expression=exp.Null())) for name in formula.inputs]
        left = self.weighted_sum(weights, [n for _, n, _ in formula.terms], value)
        right = whole(bound)
        denominator = next((d for _, _, d in formula.terms if d is not None), None)
        if denominator is not None:
            parts.append(exp.NEQ(this=value(denominator), expression=whole(0)))
            right = exp.Mul(this=right, expression=value(denominator))
        return [*parts, _compare(formula.op, left, right)]

    @staticmethod
    def weighted_sum(weights, names, value) -> exp.Expression:
        total = None
        for weight, name in zip(weights, names):
            term = exp.Mul(this=whole(weight), expression=value(name)) if weight != 1 else value(name)
            total = term if total is None else exp.Add(this=total, expression=term)
        return total

    def combined_words(self, metric: ir.MetricIR, value=None) -> exp.Expression:
        """A defined sum, max or min in words, as `_combined_text` writes it: `12`, `≈13.33%`."""
        value = value or self.v
        if metric.combine == "sum":
            weights, common = _weights(metric.terms)
            total = lambda: self.weighted_sum(weights, [t.numerator for t in metric.terms], value)  # noqa: E731
            denominator = metric.terms[0].denominator
            if denominator is None:  # counts: whole weights, so the sum is a whole number
                return cast(total(), TEXT)
            return self.ratio_words(total, lambda: exp.Mul(this=whole(common), expression=value(denominator)))
        extreme = [(self.is_extreme(metric, term, value), self.term_words(term, value)) for term in metric.terms]
        return case(*extreme[:-1], default=extreme[-1][1])

    def term_words(self, term: ir.TermIR, value) -> exp.Expression:
        if term.denominator is None:
            return cast(value(term.numerator), TEXT)
        return self.ratio_words(lambda: value(term.numerator), lambda: value(term.denominator))

    def is_extreme(self, metric: ir.MetricIR, term: ir.TermIR, value) -> exp.Expression:
        """The term is at least (max) or at most (min) every other: its value is the metric's."""
        tests = []
        for other in metric.terms:
            if other is term:
                continue
            mine, theirs = value(term.numerator), value(other.numerator)
            if term.denominator is not None:  # n / d against m / e: n * e against m * d
                mine = exp.Mul(this=mine, expression=value(other.denominator))
                theirs = exp.Mul(this=theirs, expression=value(term.denominator))
            tests.append(_compare(">=" if metric.combine == "max" else "<=", mine, theirs))
        return exp.and_(*tests, copy=False) if tests else exp.true()

    def ratio_words(self, n, d) -> exp.Expression:
        """`_percent_text(n, d)` of whole numbers, inline: the quotient of n * 10000 by d, its
        rest, and the hundredths rounded half to even."""
        scaled = lambda: exp.Mul(this=n(), expression=whole(10000))  # noqa: E731
        q = lambda: self.int_div(scaled(), d())  # noqa: E731
        r = lambda: exp.Sub(this=scaled(), expression=exp.Mul(this=q(), expression=d()))  # noqa: E731
        twice = lambda: exp.Mul(this=r(), expression=whole(2))  # noqa: E731
        odd = exp.EQ(this=exp.Mod(this=q(), expression=whole(2)), expression=whole(1))
        up = exp.or_(exp.GT(this=twice(), expression=d()),
                     exp.and_(exp.EQ(this=twice(), expression=d()), odd, copy=False), copy=False)
        h = lambda: exp.Add(this=q(), expression=case((up.copy(), whole(1)), default=whole(0)))  # noqa: E731
        return self.percent_words(h, r)

    # ---- the decision
    LISTS = ("violations", "findings", "not_applicable", "discretionary")

    def wants(self, key: str) -> bool:
        """Whether a column of the decision is kept."""
        return key in self.kept

    def says_words(self) -> bool:
        """Whether a kept field holds a value in words (the `shown` columns)."""
        return any(name in self.kept.get(key, ()) for key, name in WORDS)

    def item(self, key: str, **values) -> exp.Expression:
        """An item of a list with the fields kept of it, typed."""
        return cast(struct(**{name: values[name] for name in self.kept[key]}), item_type(key, self.kept[key]))

    def declarations(self) -> list[ir.RuleIR]:
        """Each rule declaration once (US and SEA share theirs), in the order of the regions;
        once for each group of its regions with the same tables (a param's cases differ by region)."""
        found = {}
        for region in self.program.regions:
            for rule in region.rules:
                found.setdefault(self.key(rule), rule)
        return list(found.values())

    @staticmethod
    def key(rule: ir.RuleIR) -> tuple:
        return rule.name, rule.where, rule.tables

    def rule_columns(self) -> list:
        """What each rule declaration decides, once for every region that has it: the
        items of its lists (each a struct, or NULL when the seller has none: columns
        `violations_3_0`, `violations_3_1`, ...), its points and warning (`points_3`)."""
        columns = []
        for position, rule in enumerate(self.declarations()):
            parts = {key: [] for key in (*self.LISTS, "points", "warning", *self.level_keys())}
            self.rule(rule, parts)
            columns += [alias(cast(greatest(parts[key]) if parts[key] else lit(-1), "INT"), f"{key}_{position}")
                        for key in self.level_keys()]
            columns += self.item_columns({(key, position): parts[key] for key in self.LISTS})
            points = cast(sum_(parts["points"]), "INT") if parts["points"] else cast(lit(0), "INT")
            columns.append(alias(points, f"points_{position}"))
            warning = exp.or_(*parts["warning"], copy=False) if parts["warning"] else exp.false()
            columns.append(alias(warning, f"warning_{position}"))
        return columns

    def item_columns(self, parts: dict[tuple[str, int], list]) -> list:
        """A column for each item of each (list, rule declaration), `violations_3_0`, named
        in `items` for the region's list to be built from."""
        columns = []
        for (key, position), items in parts.items():
            names = self.items[key, position] = [f"{key}_{position}_{k}" for k in range(len(items))]
            columns += [alias(item, name) for item, name in zip(items, names)]
        return columns

    def decided_columns(self) -> list:
        """Per region, its rules' columns joined: points added, warnings or-ed, and each
        list the items of its rules that are not NULL, in order (one list built per row).
        The item columns are those `item_columns` named."""
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
            def make(mine):  # a rule without headroom or recovery has no item of it
                items = [col(name) for position in mine for name in self.items.get((key, position), ())]
                return present(items) if items else self.empty(key)
            return make

        columns = [col("seller_id")]
        if self.wants("region"):
            columns.append(alias(case((ok, col("region"))), "region"))  # as the JSON error record
        if self.wants("points"):
            columns.append(alias(per_region(lambda mine: cast(sum_([col(f"points_{p}") for p in mine]), "INT")
                                            if mine else cast(lit(0), "INT"), cast(exp.Null(), "INT")), "points"))
        if self.wants("warning"):
            columns.append(alias(per_region(lambda mine: exp.or_(*(col(f"warning_{p}") for p in mine), copy=False)
                                            if mine else exp.false(), cast(exp.Null(), "BOOLEAN")), "warning"))
        for key in self.LISTS + (self.DISTANCES if self.headroom else ()):
            if self.wants(key):
                columns.append(alias(per_region(listed(key), exp.Null()), key))
        if self.decides_levels:
            columns.append(alias(per_region(self.levels_struct, exp.Null()), "levels"))
        columns.append(col("error"))
        return columns

    # ---- levels (issue 11): each rule's worst rank per level set (-1: none), the region's the
    # greatest of its rules', named by a CASE (the set's default at -1): `Program.decided_levels`
    def level_keys(self) -> list[str]:
        return [f"level_{position}" for position, _ in self.level_sets]

    def chain_levels(self, chain, parts: dict) -> None:
        """The rank a chain of rows (at most one of them fires) gives each level set."""
        for key, (_, level_set) in zip(self.level_keys(), self.level_sets):
            ranked = [(fires, lit(level_set.rank(level))) for fires, row in chain
                      for name, level in row.levels if name == level_set.name]
            if ranked:
                parts[key].append(case(*ranked, default=lit(-1)))

    def levels_struct(self, mine: list[int]) -> exp.Expression:
        fields = []
        for key, (_, level_set) in zip(self.level_keys(), self.level_sets):
            rank = greatest([col(f"{key}_{p}") for p in mine]) if mine else lit(-1)
            named = case(*((exp.EQ(this=rank.copy(), expression=lit(r)), lit(level))
                           for r, level in enumerate(level_set.levels)), default=lit(level_set.default))
            fields.append(exp.PropertyEQ(this=exp.to_identifier(level_set.name, quoted=True), expression=named))
        return exp.Struct(expressions=fields)

    def empty(self, key: str) -> exp.Expression:
        items = self.kept[key] if key in self.LISTS else None
        return cast(exp.Array(expressions=[]), f"ARRAY<{item_type(key, items)}>")

    def rule(self, rule: ir.RuleIR, parts: dict) -> None:
        metric = self.program.metric(rule.metric) if rule.metric else None
        if self.wants("not_applicable"):
            for name in self.program.rule_quantities(rule):
                parts["not_applicable"].append(self.not_applicable(rule, name))
        outside = exp.false()
        if metric is not None and metric.standard is not None:
            outside = self.formula(self.meaning.outside_standard(metric))
            if self.wants("findings"):
                if metric.denominator is not None:
                    value = concat(self.plain(metric.numerator), "/", self.plain(metric.denominator))
                else:
                    value = self.shown(metric.name) if "value" in self.kept["findings"] else None
                parts["findings"].append(case((outside, self.item(
                    "findings", rule=lit(rule.name), metric=lit(metric.name), value=value,
                    standard=lit(metric.standard_text)))))
        fired = []
        for table in rule.tables:
            rows = [(self.formula(self.meaning.fires(table, position)), row) for position, row in enumerate(table.rows)]
            fired += [fires for fires, _ in rows]
            # in a first-match table at most one row fires (their `fires` exclude each other): one
            # item and one number of points for the table, each a CASE of its rows
            chains = [rows] if table.first_match else [[one] for one in rows]
            for chain in chains:
                if self.wants("violations"):
                    parts["violations"].append(case(*((fires, self.violation(rule, table, row))
                                                      for fires, row in chain)))
                scored = [(fires, lit(row.points)) for fires, row in chain if row.points]
                if scored:
                    parts["points"].append(case(*scored, default=lit(0)))
            parts["warning"] += [fires for fires, row in rows if row.warning]
            for chain in chains:
                self.chain_levels(chain, parts)
        if rule.may and self.wants("discretionary"):
            follows = exp.or_(*fired, copy=False) if rule.tables else outside
            parts["discretionary"].append(case((follows, self.item(
                "discretionary", rule=lit(rule.name), measures=self.texts(rule.may)))))

    # ---- headroom and recovery: `tspol.runtime.headroom` as a closed form (`tspol.compiler.growth`).
    # The stages: fired (each row of each rule, now) -> roots (the floor of each atom's root,
    # and how far each input may grow) -> reached (the first point that is worse, or back
    # within the standard, or past a row) -> then (each row at the point found) -> distances
    # (each rule's lists). The points of a rule are an ARRAY, the first that is worse found
    # by ARRAY_MIN over FILTER, so each formula is printed once, not once per point.
    DISTANCES = ("headroom", "recovery")

    def distance_stages(self) -> list[tuple[str, list]]:
        self.flip_columns: dict[growth.Flip, str] = {}  # each root once: `root_0`
        self.most_columns: dict[frozenset[str], str] = {}  # how far each set of inputs may grow: `most_0`
        fired = self.fired_columns()
        reached = self.reached_columns()  # names the roots and limits it reads
        roots = self.root_columns()
        return [("fired", fired), ("roots", roots), ("reached", reached), ("grown", self.then_columns()),
                ("distances", self.distance_columns())]

    def headroom_pairs(self):
        """(position, rule, i, input, the inputs that grow with it) for each rule declaration
        and each input of its headroom (`growth.headroom_inputs`)."""
        for position, rule in enumerate(self.declarations()):
            for i, name in enumerate(growth.headroom_inputs(self.program, rule)):
                yield position, rule, i, name, frozenset(growth.chain(self.program, name))

    def fired_columns(self) -> list:
        """Whether each row of each rule declaration fires now: `fired_3_0`."""
        return [alias(self.formula(self.meaning.fires(table, at)), f"fired_{position}_{j}")
                for position, rule in enumerate(self.declarations())
                for j, (table, at) in enumerate(growth.rule_rows(rule))]

    def reached_columns(self) -> list:
        """For each headroom pair the fewest further units that make the outcome worse
        (`more_3_0`); for each rule's recovery the fewest good orders back within its
        standard (`back_3`) and past each row that fired (`below_3_0`); NULL where none."""
        ok = exp.Is(this=col("error"), expression=exp.Null())
        columns = []
        for position, rule, i, name, grows in self.headroom_pairs():
            more = self.first_point(growth.headroom_formulas(self.meaning, rule), grows,
                                    lambda value, rule=rule, position=position: self.worse(rule, position, value))
            given = exp.Not(this=exp.Is(this=self.v(name), expression=exp.Null()))
            columns.append(alias(case((exp.and_(ok, given, copy=False), more)), f"more_{position}_{i}"))
        for position, rule in enumerate(self.declarations()):
            grown = growth.recovery_input(self.program, rule)
            if grown is None:
                continue
            metric, grows = self.program.metric(rule.metric), frozenset(growth.chain(self.program, grown))
            back = cast(exp.Null(), WHOLE)
            if metric.standard is not None:
                within = self.meaning.within(metric.name, metric.standard)
                back = self.first_point([within], grows, lambda value, within=within: self.formula(within, value))
            listed = exp.and_(ok, self.recovered(rule, position, metric), copy=False)
            columns.append(alias(case((listed, back)), f"back_{position}"))
            for j, (table, at) in enumerate(growth.rule_rows(rule)):
                matches = self.meaning.matches(table, at)
                below = self.first_point([matches], grows, lambda value, matches=matches: exp.Not(
                    this=exp.paren(self.formula(matches, value))))
                fired = exp.and_(ok, col(f"fired_{position}_{j}"), copy=False)
                columns.append(alias(case((fired, below)), f"below_{position}_{j}"))
        return columns

    def recovered(self, rule: ir.RuleIR, position: int, metric: ir.MetricIR) -> exp.Expression:
        """Whether a rule has a recovery: one of its rows fired, or its rate is outside its standard."""
        fired = [col(f"fired_{position}_{j}") for j in range(len(growth.rule_rows(rule)))]
        return exp.or_(*fired, self.formula(self.meaning.outside_standard(metric)), copy=False)

    def first_point(self, formulas: list, grows: frozenset[str], reached) -> exp.Expression:
        """The smallest point (`points`) where `reached(value)` holds, `value(name)` an input
        grown by that point; NULL where none does. A point is 1 or more and keeps every grown
        input in its range (`most_0`, NULL where none is given); `reached` is safe at every
        point besides (each is below 2 * 10^18: every product stays below 10^38)."""
        k = exp.to_identifier("k")
        point = lambda: exp.column(k.copy())  # noqa: E731
        most = col(self.named(self.most_columns, grows, "most"))
        test = exp.and_(exp.Not(this=exp.Is(this=point(), expression=exp.Null())),
                        exp.GTE(this=point(), expression=whole(1)),
                        exp.or_(exp.Is(this=most, expression=exp.Null()),
                                exp.LTE(this=point(), expression=most.copy()), copy=False),
                        reached(self.grown_by(grows, point)), copy=False)
        return exp.ArrayMin(this=exp.ArrayFilter(this=self.points(formulas, grows),
                                                 expression=exp.Lambda(this=test, expressions=[k])))

    def points(self, formulas: list, grows: frozenset[str]) -> exp.Array:
        """The points to decide at (`growth`): 1, and floor(root) and floor(root) + 1 of the
        root of each atom that changes (`root_0`, NULL where it gives none)."""
        items = [whole(1)]
        for flip in growth.flips(formulas, grows):
            root = self.named(self.flip_columns, flip, "root")
            items += [col(root), exp.Add(this=col(root), expression=whole(1))]  # DECIMAL(38, 0) both
        return exp.Array(expressions=items)

    @staticmethod
    def named(columns: dict, key, prefix: str) -> str:
        """The column of `key`, named in the order first asked for (the same query, the same names)."""
        return columns.setdefault(key, f"{prefix}_{len(columns)}")

    def grown_by(self, grows: frozenset[str], k):
        """`value(name)`: an input's value with `k()` more (a whole DECIMAL(38, 0), below
        2 * 10^18) where it grows, exactly: a count's sum a DECIMAL(38, 0); a decimal's a
        DECIMAL(38, 18) of a DECIMAL(36, 18) and a DECIMAL(19, 0) (Spark would round the
        sum of a DECIMAL(38, 18) and a DECIMAL(38, 0) to 6 places)."""
        def value(name: str) -> exp.Expression:
            if name not in grows:
                return self.v(name)
            if self.type(name) is WHOLE:
                return exp.Add(this=self.v(name), expression=k())
            return cast(exp.Add(this=cast(self.v(name), NARROW), expression=cast(k(), UNITS)), DECIMAL)
        return value

    def root_columns(self) -> list:
        """The floor of each root the points read (`root_0`), and how far each set of inputs
        may grow (`most_0`)."""
        columns = [alias(self.root(flip), name) for flip, name in self.flip_columns.items()]
        columns += [alias(self.most(grows), name) for grows, name in self.most_columns.items()]
        return columns

    def most(self, grows: frozenset[str]) -> exp.Expression:
        """The most further units that keep every given input of `grows` in its range
        (`growth.ceilings`: floor(c - value) for each, the least of them; LEAST passes over
        NULL in both engines), NULL where none is given."""
        limits = [self.floored(ceiling, ((name, -1),)) for name, ceiling in growth.ceilings(self.program, grows)]
        return limits[0] if len(limits) == 1 else exp.Least(this=limits[0], expressions=limits[1:], ignore_nulls=True)

    def root(self, flip: growth.Flip) -> exp.Expression:
        """floor(root) of a flip where the root is 0 or more and its floor below 2 * 10^18,
        else NULL (and where an input of it is not given): the points it would give are
        then below 1, or past every input's range (a value above -10^18 grows by less
        than 2 * 10^18). A whole quotient of whole numbers, 0 or more: `int_div`."""
        if flip.slope < 0:
            flip = growth.Flip(-flip.constant, tuple((name, -c) for name, c in flip.terms), -flip.slope)
        if abs(flip.constant) >= 10**DIGITS:
            if len(flip.terms) != 1 or flip.terms[0][1] != -1 or flip.slope != 1:
                raise SqlUnsupported(say("sql.bound_digits", bound=str(flip.constant)))
            return cast(exp.Null(), WHOLE)  # k = v - x, v past the SQL range: below 1 or past x's range
        top = lambda: self.floored(flip.constant, flip.terms)  # noqa: E731
        quotient = top() if flip.slope == 1 else self.int_div(top(), whole(flip.slope))
        inside = exp.and_(exp.GTE(this=top(), expression=whole(0)),
                          exp.LT(this=top(), expression=whole(2 * 10**DIGITS * flip.slope)), copy=False)
        return case((inside, quotient))

    def floored(self, constant: Fraction, terms) -> exp.Expression:
        """floor(constant + the sum of coefficient * input), exactly, as a whole number. Of
        counts: floor(constant) and whole products (each below 10^37). Of one decimal input
        with coefficient 1 or -1 (a bound's root, or a limit of k): the DECIMAL sum floored,
        the constant cut to 18 places first (the floor is the same: the input has at most
        18, and the constant is below 10^18 in size)."""
        if all(self.type(name) is WHOLE for name, _ in terms):
            total = whole(math.floor(constant)) if constant else None
            for name, coefficient in terms:
                term = self.v(name) if abs(coefficient) == 1 else \
                    exp.Mul(this=whole(abs(coefficient)), expression=self.v(name))
                if total is None:
                    total = term if coefficient > 0 else exp.Neg(this=term)
                else:
                    total = (exp.Add if coefficient > 0 else exp.Sub)(this=total, expression=term)
            return total
        if len(terms) != 1 or abs(terms[0][1]) != 1:
            raise SqlUnsupported(say("sql.decimal_in_sum"))
        (name, coefficient), = terms
        cut = Fraction(math.floor(constant * 10**SQL_PLACES), 10**SQL_PLACES)
        start, value = cast(lit(portable._decimal_text(cut)), NARROW), cast(self.v(name), NARROW)
        total = (exp.Add if coefficient > 0 else exp.Sub)(this=start, expression=value)
        return cast(exp.Floor(this=total), WHOLE)

    def worse(self, rule: ir.RuleIR, position: int, value) -> exp.Expression:
        """The rule's outcome for the inputs `value` is worse than now (`growth.tighter`):
        more points, a warning where there was none, or a limit tighter than every limit
        of a row that fires now."""
        rows = [table.rows[at] for table, at in growth.rule_rows(rule)]
        fires = [self.formula(self.meaning.fires(table, at), value) for table, at in growth.rule_rows(rule)]
        now = lambda j: col(f"fired_{position}_{j}")  # noqa: E731
        worse = []
        if any(row.points for row in rows):
            points = cast(sum_([case((fires[j], lit(row.points)), default=lit(0))
                                for j, row in enumerate(rows) if row.points]), "INT")
            worse.append(exp.GT(this=points, expression=col(f"points_{position}")))
        if any(row.warning for row in rows):
            warns = exp.or_(*(fires[j] for j, row in enumerate(rows) if row.warning), copy=False)
            worse.append(exp.and_(warns, exp.Not(this=col(f"warning_{position}")), copy=False))
        limited = [j for j, row in enumerate(rows) if row.limit is not None]
        for j in limited:
            looser = [exp.Not(this=now(other)) for other in limited
                      if not growth.tighter(rows[j].limit, rows[other].limit)]
            worse.append(exp.and_(fires[j], *looser, copy=False))
        return exp.or_(*worse, copy=False) if worse else exp.false()

    def then_columns(self) -> list:
        """Whether each row fires for the seller grown by `more_3_0`: `then_3_0_1` (NULL
        where no number of units makes the outcome worse)."""
        columns = []
        for position, rule, i, name, grows in self.headroom_pairs():
            more = f"more_{position}_{i}"
            value = self.grown_by(grows, lambda more=more: col(more))
            found = exp.Not(this=exp.Is(this=col(more), expression=exp.Null()))
            for j, (table, at) in enumerate(growth.rule_rows(rule)):
                columns.append(alias(case((found, self.formula(self.meaning.fires(table, at), value))),
                                     f"then_{position}_{i}_{j}"))
        return columns

    def distance_columns(self) -> list:
        """The headroom and recovery items of each rule declaration that has them, named as
        `rule_columns` names the other lists' items: `headroom_3_0`, `recovery_3_0`."""
        parts: dict[tuple[str, int], list] = {}
        for position, rule, i, name, grows in self.headroom_pairs():
            parts.setdefault(("headroom", position), []).append(self.headroom_item(rule, position, i, name, grows))
        for position, rule in enumerate(self.declarations()):
            recovery = self.recovery_item(rule, position)
            if recovery is not None:
                parts["recovery", position] = [recovery]
        return self.item_columns(parts)

    def headroom_item(self, rule: ir.RuleIR, position: int, i: int, name: str, grows) -> exp.Expression:
        """`{rule, input, with, more, then}`, where the input is given."""
        more = col(f"more_{position}_{i}")
        then = case((exp.Not(this=exp.Is(this=more, expression=exp.Null())),
                     self.outcome(rule, position, i, self.grown_by(grows, lambda: more.copy()))))
        item = struct(**{"rule": lit(rule.name), "input": lit(name),
                         "with": self.texts(growth.chain(self.program, name)[1:]),
                         "more": cast(more.copy(), "BIGINT"), "then": then})
        return case((exp.Not(this=exp.Is(this=self.v(name), expression=exp.Null())), self.typed("headroom", item)))

    def outcome(self, rule: ir.RuleIR, position: int, i: int, value) -> exp.Expression:
        """The rule's outcome after `more_3_0` units (`then`): points, warning, the rows that
        fire, and the rule's metric with the value it then has."""
        rows = [(table, table.rows[at]) for table, at in growth.rule_rows(rule)]
        fires = lambda j: col(f"then_{position}_{i}_{j}")  # noqa: E731
        scored = [case((fires(j), lit(row.points)), default=lit(0)) for j, (_, row) in enumerate(rows) if row.points]
        warned = [fires(j) for j, (_, row) in enumerate(rows) if row.warning]
        fired = [case((fires(j), cast(struct(
            table=lit(table.name) if table.name else cast(exp.Null(), TEXT), row=lit(row.index),
            points=lit(row.points), warning=lit(row.warning),
            limit=self.limit(row.limit, value)[0] if row.limit is not None else cast(exp.Null(), LIMIT)),
            _OUTCOME_ROW))) for j, (table, row) in enumerate(rows)]
        return cast(struct(
            points=cast(sum_(scored), "INT") if scored else cast(lit(0), "INT"),
            warning=exp.or_(*warned, copy=False) if warned else exp.false(),
            rows=present(fired) if fired else cast(exp.Array(expressions=[]), f"ARRAY<{_OUTCOME_ROW}>"),
            metric=lit(rule.metric) if rule.metric else cast(exp.Null(), TEXT),
            value=self.metric_text(rule, value)), _OUTCOME)

    def metric_text(self, rule: ir.RuleIR, value) -> exp.Expression:
        """The rule's metric for the inputs `value`, as a finding writes a rate (`5/42`) and a
        decision an input (`12`, `30.5`); NULL where it has none."""
        metric = self.program.metric(rule.metric) if rule.metric else None
        if metric is None:
            return cast(exp.Null(), TEXT)
        if metric.combine is not None:
            return case((self.formula(self.meaning.defined(metric.name), value), self.combined_words(metric, value)))
        if metric.denominator is None:
            return self.plain(metric.numerator, value)
        given = exp.and_(*(exp.Not(this=exp.Is(this=value(name), expression=exp.Null()))
                           for name in (metric.numerator, metric.denominator)), copy=False)
        return case((given, concat(self.plain(metric.numerator, value), "/", self.plain(metric.denominator, value))))

    def recovery_item(self, rule: ir.RuleIR, position: int) -> exp.Expression | None:
        """`{rule, metric, input, more, below}` where a row fired or the rate is outside its
        standard; None for a rule without a recovery (`growth.recovery_input`)."""
        grown = growth.recovery_input(self.program, rule)
        if grown is None:
            return None
        metric = self.program.metric(rule.metric)
        below = [case((col(f"fired_{position}_{j}"), cast(struct(
            table=lit(table.name) if table.name else cast(exp.Null(), TEXT), row=lit(table.rows[at].index),
            more=cast(col(f"below_{position}_{j}"), "BIGINT")), _BELOW)))
            for j, (table, at) in enumerate(growth.rule_rows(rule))]
        item = struct(rule=lit(rule.name), metric=lit(metric.name), input=lit(grown),
                      more=cast(col(f"back_{position}"), "BIGINT"),
                      below=present(below) if below else cast(exp.Array(expressions=[]), f"ARRAY<{_BELOW}>"))
        return case((self.recovered(rule, position, metric), self.typed("recovery", item)))

    def typed(self, key: str, value: exp.Expression) -> exp.Expression:
        return cast(value, item_type(key, None))

    def texts(self, items) -> exp.Expression:
        return cast(exp.Array(expressions=[lit(i) for i in items]), TEXTS)

    def not_applicable(self, rule: ir.RuleIR, quantity: str) -> exp.Expression:
        metric = self.program.metric(quantity)
        whens = []
        for cause, formula in self.meaning.undefined_causes(quantity):
            if "reason" not in self.kept["not_applicable"]:
                reason = None
            elif cause == ABSENT:
                reason = self.absent_reason(self.program.needs(quantity))
            elif cause == ONLY_IF:
                template = explain.only_if_template(self.program, metric, self.lang)
                reason = self.template(template, {name: self.shown(name) for name, _ in metric.only_if})
            else:
                reason = lit(explain.zero_text(metric, self.lang))
            whens.append((self.formula(formula), self.item(
                "not_applicable", rule=lit(rule.name), metric=lit(quantity), cause=lit(cause), reason=reason)))
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
        return self.item(
            "violations", rule=lit(rule.name), table=lit(table.name) if table.name else cast(exp.Null(), TEXT),
            row=lit(row.index), points=lit(row.points), warning=lit(row.warning), limit=limit,
            measures=self.texts(row.measures), where=lit(row.where),
            because=self.because(rule, table, row, cap) if "because" in self.kept["violations"] else None)

    def because(self, rule: ir.RuleIR, table: ir.TableIR, row: ir.RowIR, cap) -> exp.Expression:
        texts = []  # the row is explained by the first of its boxes that holds (`meaning`)
        for box in range(len(row.boxes)):
            fields = {name: self.shown(name) for name in explain.because_quantities(row, box)}
            if cap is not None:
                fields["cap"] = cap if box == 0 else cap.copy()
            texts.append(self.template(explain.because_template(self.program, rule, table, row, self.lang, box),
                                       fields))
        if len(texts) == 1:
            return texts[0]
        return case(*((self.formula(self.meaning.box(row.boxes[box])), text)
                      for box, text in enumerate(texts[:-1])), default=texts[-1])

    def limit(self, limit: ir.LimitIR, value=None) -> tuple[exp.Expression, exp.Expression]:
        """The limit struct and the text of its daily cap (D9: `_share`, in whole numbers;
        `value`: as for `formula`)."""
        basis = self.program.basis(limit.basis)
        base = (value or self.v)(basis.input)
        share = limit.percent / 100
        p, q = share.numerator, share.denominator
        if share >= 10**SHARE_DIGITS or q >= 10**19:
            raise SqlUnsupported(say("sql.percent_digits", percent=portable._decimal_text(limit.percent)))
        if self.type(basis.input) is WHOLE or basis.input in self.whole_columns:
            cap = self.whole_share(base, p, q, basis.rounding)
        else:
            cap = self.share(base, p, q, basis.rounding)
        cap = cast(cap, WHOLE)
        percent = portable._decimal_text(limit.percent)
        value = struct(days=lit(limit.days), percent=lit(percent), basis=lit(limit.basis), daily_cap=cap)
        words = explain.CAP[self.lang]
        before, _, after = words.partition("{}")
        cap_text = case((exp.Is(this=base, expression=exp.Null()), lit("")),
                        default=concat(before, cast(cap, TEXT), after))
        return cast(value, LIMIT), cap_text

    def whole_share(self, base: exp.Expression, p: int, q: int, rounding: str) -> exp.Expression:
        """`base * p / q` rounded, for a whole `base` (a count, or a column of integers), in
        whole numbers: `share` of a base without places. A limit is at most 100% (E401), so
        p <= q < 10^19 and `base * p` (base below 10^18) is below 10^37."""
        assert p <= q < 10**19 and rounding in ("down", "up"), (p, q, rounding)
        top = exp.Mul(this=cast(base, WHOLE), expression=whole(p))
        if rounding == "up":  # the quotient of top + q - 1 (top is 0 or more)
            top = exp.Add(this=top, expression=whole(q - 1))
        return self.int_div(top, whole(q))

    def share(self, base: exp.Expression, p: int, q: int, rounding: str) -> exp.Expression:
        """`base * p / q` rounded, for a `base` with decimal places, in whole numbers below
        10^38: base = w + f / 10^18 (w whole, 0 <= f < 10^18) and w * p = k * q + r, so
        base * p / q = k + (r * 10^18 + f * p) / (q * 10^18). Each operation's type holds
        its exact result (DECIMAL(36, 18) - DECIMAL(19, 0) fits 38 digits, the fraction
        DECIMAL(18, 18) times 10^18 too): Spark would round a result type wider than 38 digits."""
        scale = 10**SQL_PLACES
        narrow = lambda: cast(base, NARROW)  # noqa: E731
        w = lambda: cast(exp.Floor(this=narrow()), WHOLE)  # noqa: E731
        fraction = cast(exp.Sub(this=narrow(), expression=exp.Floor(this=narrow())), FRACTION)
        f = cast(exp.Mul(this=fraction, expression=cast(lit(scale), SCALE)), WHOLE)
        wp = lambda: exp.Mul(this=w(), expression=whole(p))  # noqa: E731
        k = self.int_div(wp(), whole(q))
        r = exp.Mod(this=wp(), expression=whole(q))
        top = exp.Add(this=exp.Mul(this=r, expression=whole(scale)), expression=exp.Mul(this=f, expression=whole(p)))
        bottom = whole(q * scale)
        if rounding == "up":  # the quotient of top + bottom - 1 (every part is 0 or more)
            top = exp.Sub(this=exp.Add(this=top, expression=bottom), expression=whole(1))
        return exp.Add(this=k, expression=self.int_div(top, whole(q * scale)))


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


def greatest(items: list) -> exp.Expression:
    if len(items) == 1:
        return items[0]
    return exp.Greatest(this=items[0], expressions=items[1:])


def sum_(items: list) -> exp.Expression:
    total = items[0]
    for item in items[1:]:
        total = exp.Add(this=total, expression=item)
    return total


def output_types(dialect: str, fields: tuple | None = None, levels: tuple[str, ...] = ()) -> dict[str, str]:
    """The type of each column of decisions, printed for `dialect`: what the query returns
    (seller_id as text), and what `tspol eval -o decisions.parquet` writes; of the
    columns and item fields kept, when `fields` are given. `levels`: the level sets
    written (`kept_level_sets`), in declaration order: a `levels` struct of their
    names, before `error`, when there are any."""
    kept = kept_fields(fields)
    lists = {name: f"ARRAY<{item_type(name, kept.get(name, items))}>" for name, items in ITEM_FIELDS.items()}
    types = {"seller_id": "STRING", "region": "STRING", "points": "INT", "warning": "BOOLEAN", **lists,
             "error": "STRUCT<code: STRING, key: STRING, message: STRING>"}
    assert tuple(types) == portable.OUTPUT_COLUMNS
    if levels:
        sets = ", ".join(f"`{name}`: STRING" for name in levels)
        types = {name: text for name, text in types.items() if name != "error"} | {
            LEVELS: f"STRUCT<{sets}>", "error": types["error"]}
    return {name: _type(text).sql(dialect=dialect) for name, text in types.items()
            if name in ("seller_id", "error", LEVELS) or name in kept}


# The fields of each list's items, and their types.
ITEM_FIELDS = {
    "violations": {"rule": "STRING", "table": "STRING", "row": "INT", "points": "INT", "warning": "BOOLEAN",
                   "limit": "STRUCT<days: INT, percent: STRING, basis: STRING, daily_cap: DECIMAL(38, 0)>",
                   "measures": "ARRAY<STRING>", "where": "STRING", "because": "STRING"},
    "findings": {"rule": "STRING", "metric": "STRING", "value": "STRING", "standard": "STRING"},
    "not_applicable": {"rule": "STRING", "metric": "STRING", "cause": "STRING", "reason": "STRING"},
    "discretionary": {"rule": "STRING", "measures": "ARRAY<STRING>"},
}
# The item fields that hold a value in words.
WORDS = (("violations", "because"), ("findings", "value"), ("not_applicable", "reason"))


def kept_fields(fields: tuple | None) -> dict[str, tuple[str, ...]]:
    """Each column kept, with the fields kept of its items (all, for a list given whole):
    every column and field when `fields` is None. The level sets kept are the pack's
    (`kept_level_sets`): `levels` is not among these columns."""
    everything = {name: () for name in portable.OUTPUT_COLUMNS if name not in ("seller_id", "error")}
    everything |= {name: tuple(items) for name, items in ITEM_FIELDS.items()}
    if fields is None:
        return everything
    return {name: everything[name] if items is None else items for name, items in checked_fields(fields)
            if name != LEVELS}


# The column of each level set's level, in a pack that declares levels (issue 11).
LEVELS = "levels"


def kept_level_sets(program: ir.Program, fields: tuple | None) -> tuple[tuple[int, ir.LevelSetIR], ...]:
    """The level sets decided, each with its position in the pack, in declaration order:
    every set for the whole decision (`fields` None) or for `levels`; those named for
    `levels.SET`; none when `fields` leave `levels` out. ValueError for a set the pack
    does not declare."""
    every = tuple(enumerate(program.levels))
    if fields is None:
        return every
    kept = dict(checked_fields(fields))
    if LEVELS not in kept:
        return ()
    declared = [level_set.name for level_set in program.levels]
    if not declared:
        raise ValueError(f"no column {LEVELS!r} to keep: the pack declares no levels")
    named = declared if kept[LEVELS] is None else kept[LEVELS]
    for name in named:
        if name not in declared:
            raise ValueError(f"no level set {name!r} to keep; the pack's are {', '.join(declared) or 'none'}")
    return tuple(pair for pair in every if pair[1].name in named)


def checked_fields(fields) -> tuple | None:
    """`fields` as `tspol.runtime.shapes.parse_fields` gives them ((column, its items'
    fields or None), ...), as a tuple of tuples; ValueError naming what is not a field."""
    if fields is None:
        return None
    try:
        pairs = tuple((name, None if items is None else tuple(items)) for name, items in fields)
    except (TypeError, ValueError):
        raise ValueError(f"fields are (column, item fields or None) pairs, as parse_fields gives them; "
                         f"got {fields!r}") from None
    columns = [name for name in portable.OUTPUT_COLUMNS if name not in ("seller_id", "error")] + [LEVELS]
    for name, items in pairs:
        if name == LEVELS:  # the pack's sets: `kept_level_sets` checks them
            if items is not None and (not items or len(set(items)) != len(items)
                                      or not all(isinstance(item, str) for item in items)):
                raise ValueError(f"level sets {items!r} of {name!r}: give some of the pack's, each once, or None")
            continue
        if name not in columns:
            raise ValueError(f"no column {name!r} to keep; the columns are {', '.join(columns)}")
        if items is not None and (name not in ITEM_FIELDS or not items or len(set(items)) != len(items)
                                  or not set(items) <= set(ITEM_FIELDS[name])):
            known = ", ".join(ITEM_FIELDS.get(name, ())) or "none: it is not a list"
            raise ValueError(f"item fields {items!r} of {name!r}: give some of {known}, each once, or None")
    if len({name for name, _ in pairs}) != len(pairs):
        raise ValueError(f"a column is named twice in {fields!r}")
    return pairs


def item_type(key: str, names: tuple[str, ...] | None) -> str:
    """The type of a list's items with only the fields `names` (None: every field)."""
    if key in _DISTANCE_TYPES:
        return _DISTANCE_TYPES[key]
    names = tuple(ITEM_FIELDS[key]) if names is None else names
    return "STRUCT<" + ", ".join(f"{name}: {ITEM_FIELDS[key][name]}" for name in names) + ">"


# headroom and recovery, as `tspol.runtime.headroom` writes them
_OUTCOME_ROW = ("STRUCT<table: STRING, row: INT, points: INT, warning: BOOLEAN, "
                "limit: STRUCT<days: INT, percent: STRING, basis: STRING, daily_cap: DECIMAL(38, 0)>>")
_OUTCOME = f"STRUCT<points: INT, warning: BOOLEAN, rows: ARRAY<{_OUTCOME_ROW}>, metric: STRING, value: STRING>"
_BELOW = "STRUCT<table: STRING, row: INT, more: BIGINT>"
_DISTANCE_TYPES = {
    "headroom": f"STRUCT<rule: STRING, input: STRING, with: ARRAY<STRING>, more: BIGINT, then: {_OUTCOME}>",
    "recovery": f"STRUCT<rule: STRING, metric: STRING, input: STRING, more: BIGINT, below: ARRAY<{_BELOW}>>",
}
