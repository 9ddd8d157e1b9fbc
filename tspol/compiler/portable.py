"""What every generated module carries verbatim, and the interpreter imports.

One definition, in one place, of what a valid metric value is, how a value is
written in a decision, and the error a bad value raises. The Python generator
copies the source of everything in `PORTABLE` into each compiled module (so a
compiled module needs only the standard library), and the interpreter calls
the same functions, so the two cannot drift apart on these.

Rules for this file: standard library only; each function uses nothing but
its arguments, the imports below, the other names in `PORTABLE` and the
constants in `CONSTANTS` (each assigned on one line, which is copied as it is,
except the ones in `FROM_DOMAINS`, which a module gets as their values).

Values (D3: exact numbers, never binary floats), as `tspol.dsl.domains` states them
(this file reads its table, `DOMAINS`, and restates none of it):
- a count is a whole number of 0 or more: `5`, `5.0` and `Decimal("5")` are
  the count 5; `5.5` is an error (a fraction of an order);
- a number or a duration is 0 or more; money may be negative; a rate input is
  a number from 0 to 1;
- `true`/`false`, strings, lists, objects, NaN and infinities are errors;
- a binary float is read as the decimal Python prints for it (`0.1` is 1/10),
  which is what its JSON text says, so a dict and its JSON decide alike;
- `None` (JSON `null`) means the input is not given, like a missing key;
- in range (E608 otherwise): a value must be less than 10**18 in size (at most 18
  digits before the decimal point) and has at most 30 decimal places (trailing
  zeros do not count; a Fraction's denominator is at most 10**30). Every
  count a shop can have fits, every float from 1e-13 up fits, and an exact
  value never needs more than 48 digits, so arithmetic on it stays cheap. The
  bounds are checked before an exact value is built: `1e1000000000` is an
  error at once, not a number with a billion digits.
"""

from __future__ import annotations

import math
import operator
from decimal import Decimal
from fractions import Fraction

from tspol.dsl.domains import DIGITS, DOMAINS, NOT_WHOLE_TEXT, PLACES

# Stable diagnostic codes of bad metrics (E6xx, registered in tspol.codes; a compiled module gets their values).
from tspol.codes import (
    NOT_AN_OBJECT,
    UNKNOWN_INPUT,
    NOT_A_NUMBER,
    NOT_FINITE,
    NEGATIVE,
    VALUE_NOT_WHOLE as NOT_WHOLE,
    ABOVE_TOTAL,
    UNKNOWN_REGION,
    OUT_OF_RANGE,
    UNKNOWN_LANGUAGE,
)


# Values are less than 10**_DIGITS in size and have at most _PLACES decimal places (else OUT_OF_RANGE).
_DIGITS = DIGITS
_MAGNITUDE = 10**_DIGITS
_PLACES = PLACES
# A float from this size up has at most 30 decimal places (it has at most 17 significant digits).
_PLAIN_FLOAT = 10 ** (17 - _PLACES)


class MetricsError(ValueError):
    """Bad metrics: `code` (E6xx), the `key` at fault, and what was expected."""

    def __init__(self, code, key, message):
        super().__init__(f"{key}: {message}" if key else message)
        self.code = code
        self.key = key
        self.message = message


def _shown(value):
    """A bad value as the user wrote it, in JSON words (a very long number by its size)."""
    if value is True or value is False:
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, str):
        text = value if len(value) <= 20 else value[:17] + "..."
        return f'the string "{text}"'
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, float) and math.isnan(value):
        return "NaN"
    if isinstance(value, float) and math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if type(value) is Fraction and value.denominator == 1:
        value = value.numerator
    if type(value) is int and value.bit_length() > 128:  # str() of a huge int is slow, or refused
        return f"a whole number of about {_digits(value)} digits"
    if type(value) is Fraction and max(value.numerator.bit_length(),
                                       value.denominator.bit_length()) > 128:
        parts = [str(n) if n.bit_length() <= 128 else f"a number of about {_digits(n)} digits"
                 for n in (value.numerator, value.denominator)]
        return f"the fraction {parts[0]} over {parts[1]}"
    if type(value) is Decimal and value.is_finite() and len(value.as_tuple().digits) > 40:
        return f"a number of {len(value.as_tuple().digits)} digits"
    # say what it is: 5 may be a numpy.float32
    if type(value) not in (int, float, Decimal, Fraction):
        return f"{value!r} (a {type(value).__module__}.{type(value).__qualname__})"
    return str(value)


def _digits(whole):
    """How many digits a huge whole number has, give or take one, in time linear in
    its size (counting them exactly, by writing it out, takes quadratic time)."""
    return int(math.log10(abs(whole))) + 1


def _out_of_range(key, value, places):
    """MetricsError for a value too big in size, or with too many decimal places."""
    if places:
        return MetricsError(OUT_OF_RANGE, key,
                            f"out of range: a value has at most {_PLACES} decimal places, "
                            f"got {_shown(value)}")
    return MetricsError(OUT_OF_RANGE, key,
                        f"out of range: a value must be less than 10^{_DIGITS} in size (at most "
                        f"{_DIGITS} digits before the decimal point), got {_shown(value)}")


def _number(key, value, expected):
    """A finite number in range (see above), or MetricsError. Booleans are not numbers.
    An int or a float is returned as it is, a whole Fraction as an int; a Decimal as
    its exact value (an int or a Fraction), built only once it is known to be in
    range. A float subclass (numpy.float64) is read as a float, and any other
    whole-number type but bool (numpy.int64, an IntEnum) as the int it stands for."""
    kind = type(value)
    if kind is int:
        if -_MAGNITUDE < value < _MAGNITUDE:
            return value
        raise _out_of_range(key, value, False)
    if kind is float:
        if value != value or value in (math.inf, -math.inf):
            raise MetricsError(NOT_FINITE, key, f"expected {expected}, got {_shown(value)}")
        if not -_MAGNITUDE < value < _MAGNITUDE:
            raise _out_of_range(key, value, False)
        if value and -_PLAIN_FLOAT < value < _PLAIN_FLOAT:  # 1.5e-40: count its places
            mantissa, _, power = repr(value).partition("e")
            if len(mantissa.partition(".")[2]) - int(power or 0) > _PLACES:
                raise _out_of_range(key, value, True)
        return value
    if kind is Decimal:
        if not value.is_finite():
            raise MetricsError(NOT_FINITE, key, f"expected {expected}, got {_shown(value)}")
        return _decimal_value(key, value)
    if kind is Fraction:
        if not -_MAGNITUDE < value < _MAGNITUDE:
            raise _out_of_range(key, value, False)
        if value.denominator > 10**_PLACES:
            raise _out_of_range(key, value, True)
        return value.numerator if value.denominator == 1 else value
    if isinstance(value, float):
        return _number(key, float(value), expected)
    if isinstance(value, Decimal):
        return _number(key, Decimal(value), expected)
    if not isinstance(value, bool) and hasattr(type(value), "__index__"):
        try:
            whole = operator.index(value)
        except Exception:  # an __index__ that refuses (numpy.bool_): not a number
            whole = None
        if type(whole) is int:
            return _number(key, whole, expected)
    raise MetricsError(NOT_A_NUMBER, key, f"expected {expected}, got {_shown(value)}")


def _decimal_value(key, value):
    """The exact value of a finite Decimal as an int or a Fraction, or MetricsError when
    it is out of range; the checks read its exponent and digits, so `1e1000000000` and
    a thousand trailing zeros cost no more than the text that wrote them."""
    if not value:
        return 0  # zero, whatever its exponent
    if value.adjusted() >= _DIGITS:  # its first digit is worth 10**18 or more
        raise _out_of_range(key, value, False)
    sign, digits, exponent = value.as_tuple()
    end = len(digits)
    while not digits[end - 1]:  # trailing zeros
        end -= 1
    exponent += len(digits) - end
    if exponent < -_PLACES:
        raise _out_of_range(key, value, True)
    coefficient = int("".join(map(str, digits[:end])))  # at most 48 digits by now
    if sign:
        coefficient = -coefficient
    return coefficient * 10**exponent if exponent >= 0 else Fraction(coefficient, 10**-exponent)


def _rational(value):
    """The exact value of a checked number as an int or a Fraction. A float is the
    decimal Python prints for it (0.1 is 1/10)."""
    kind = type(value)
    if kind is int or kind is Fraction:
        return value
    if kind is float:
        # below 2**53: exact
        if value.is_integer() and -9007199254740992 < value < 9007199254740992:
            return int(value)
        text = repr(value)
        whole, dot, decimals = text.partition(".")
        if "e" in text or not dot:
            exact = Fraction(text)
        else:
            exact = Fraction(int(whole + decimals), 10 ** len(decimals))
        return exact.numerator if exact.denominator == 1 else exact
    return _decimal_value(None, value)


def _weighted(terms):
    """The exact value of a sum of metrics (issue 11): `terms` are (weight, value, denominator)
    with every value given and every denominator given and not 0 (None: no denominator)."""
    total = 0
    for weight, value, denominator in terms:
        term = weight * _rational(value)
        total += term if denominator is None else Fraction(term, denominator)
    return total.numerator if type(total) is Fraction and total.denominator == 1 else total


def _combined_text(value, rate):
    """The value of a sum, max or min of metrics as a decision writes it: `12`, `≈13.33%`."""
    exact = _rational(value)
    if rate:
        return _percent_text(exact.numerator, exact.denominator)
    return _decimal_text(exact)


def _share(value, numerator, denominator, up):
    """`value * numerator / denominator` rounded down (or up) to a whole number, exactly,
    in integers: the daily cap of an order volume limit (D9). A float means the decimal
    it prints as (`_rational`), which is within 2**-53 of its own binary value (for a
    normal float, as every float from `_PLAIN_FLOAT` up is): when that value times the
    share is farther than that from every whole number, both round alike and the
    binary value answers, in integers; otherwise the decimal does."""
    kind = type(value)
    if kind is int:
        top, bottom = value * numerator, denominator
    else:
        if kind is float and value >= _PLAIN_FLOAT:
            binary, power = value.as_integer_ratio()
            top, bottom = binary * numerator, power * denominator
            whole, rest = divmod(top, bottom)
            if rest << 53 > top and (bottom - rest) << 53 > top:
                return whole + 1 if up else whole
        exact = _rational(value)
        top, bottom = exact.numerator * numerator, exact.denominator * denominator
    return -(-top // bottom) if up else top // bottom


def _within(key, value, kind):
    """A value of a kind of input (`_DOMAINS`): a number `_number` accepts, then within
    the kind's bounds and, for a whole kind, whole. Returned as `_number` returns it,
    a whole kind's as an int."""
    not_whole, lowest, highest, expected, below, above = _DOMAINS[kind]
    checked = _number(key, value, expected)
    if not_whole is not None:
        checked = _rational(checked)
    if lowest is not None and checked < lowest:
        raise MetricsError(below[0], key, f"{below[1]}, got {_shown(value)}")
    if highest is not None and checked > highest:
        raise MetricsError(above[0], key, f"{above[1]}, got {_shown(value)}")
    if not_whole is not None and type(checked) is not int:
        raise MetricsError(not_whole[0], key, f"{not_whole[1]}, got {_shown(value)}")
    return checked


def _unknown_input(key, known):
    """MetricsError for a key that names no input, with the closest input name. A key
    more than 3 times as long as every name is compared with none (a 100 MB typo costs
    nothing) and is quoted cut short, its surrogates escaped, so it can be printed."""
    import difflib

    if not isinstance(key, str):
        return MetricsError(UNKNOWN_INPUT, str(key), f"input names are strings, got {key!r}")
    names = sorted(known)
    near = len(key) <= 3 * max(map(len, names), default=0)
    close = difflib.get_close_matches(key, names, n=1) if near else []
    hint = f"; did you mean `{close[0]}`?" if close else "; see the inputs the policy declares"
    quoted = key if len(key) <= 60 else key[:57] + "..."
    quoted = quoted.encode("utf-8", "backslashreplace").decode("utf-8")
    return MetricsError(UNKNOWN_INPUT, key, f"unknown input `{quoted}`{hint}")


def _above_total(part, part_value, whole, whole_value):
    return MetricsError(ABOVE_TOTAL, part,
                        f"{part} is {part_value} but {whole} is {whole_value}: "
                        f"{part} counts some of the {whole}, so it cannot be more than {whole}")


def _not_an_object(value):
    return MetricsError(NOT_AN_OBJECT, None,
                        "expected the metrics as an object of input names and values, "
                        f"got {_shown(value)}")


def _unknown_region(region, regions):
    known = ", ".join(regions)
    if not isinstance(region, str):
        return MetricsError(UNKNOWN_REGION, "region",
                            f"expected a region name ({known}), got {_shown(region)}")
    return MetricsError(UNKNOWN_REGION, "region",
                        f"unknown region `{region}`; this policy has {known}")


def _unknown_language(lang, languages):
    known = ", ".join(languages)
    return MetricsError(UNKNOWN_LANGUAGE, "lang",
                        f"unknown language {lang!r}; choose one of {known}")


def _decimal_text(value):
    """An exact decimal, `2.5`; a value that is no finite decimal stays a fraction, `1/3`."""
    if type(value) is int:
        return str(value)
    numerator, denominator = value.numerator, value.denominator
    rest, scale = denominator, 0
    for prime in (2, 5):
        while rest % prime == 0:
            rest //= prime
    if rest != 1:
        return f"{numerator}/{denominator}"
    while 10**scale % denominator:
        scale += 1
    digits = str(abs(numerator) * (10**scale // denominator)).rjust(scale + 1, "0")
    sign = "-" if numerator < 0 else ""
    return f"{sign}{digits[:-scale]}.{digits[-scale:]}" if scale else f"{sign}{digits}"


def _value_text(value):
    """A checked number as an exact decimal: `45.5`, `30`; what `_decimal_text` says of
    its exact value, without building a Fraction for a plain float."""
    kind = type(value)
    if kind is int:
        return str(value)
    if kind is float:
        text = repr(value)
        if "e" not in text:
            return str(int(value)) if text.endswith(".0") else text
    return _decimal_text(_rational(value))


# The hundredths of a percentage as written after its whole part: "" for 0, ".5" for 50, ".05" for 5.
_CENTS = tuple(f".{cents:02d}".rstrip("0") if cents else "" for cents in range(100))


def _percent_text(numerator, denominator):
    """`12/40` as `30%`; a percentage with more than two decimals is rounded (half to
    even) and marked: `1/3` as `≈33.33%`. Integers only: hundredths of a percent."""
    scaled = numerator * 10000
    hundredths = scaled // denominator
    rest = scaled - hundredths * denominator
    if rest:
        if rest * 2 > denominator or (rest * 2 == denominator and hundredths % 2):
            hundredths += 1
        return f"≈{hundredths // 100}{_CENTS[hundredths % 100]}%"
    return f"{hundredths // 100}{_CENTS[hundredths % 100]}%"


def _rate_text(numerator, denominator):
    """A rate with its counts: `30% (12/40)`."""
    return f"{_percent_text(numerator, denominator)} ({numerator}/{denominator})"


def _absent_text(lang, names):
    """Why a metric is not evaluated: its inputs are not given."""
    if lang == "zh":
        return "未提供 " + "、".join(names)
    if len(names) == 1:
        return f"{names[0]} is not given"
    return ", ".join(names[:-1]) + f" and {names[-1]} are not given"


def _bound(value):
    return None if value is None else value.numerator if value.denominator == 1 else value


# What each kind of input may be, from tspol.dsl.domains: (code, text) for a fraction of a whole kind,
# the lowest and highest value, what a value of it is, and (code, text) for a value below and above.
_DOMAINS = {kind: ((NOT_WHOLE, NOT_WHOLE_TEXT) if d.whole else None, _bound(d.lo), _bound(d.hi), d.expected, d.below,
                   d.above) for kind, d in DOMAINS.items()}

# The columns a table of metrics may have beside its inputs (SQL engines, CSV and Parquet input).
FIELDS = ("seller_id", "region")
# A decision as a row of a table: the SQL query's output columns, and `tspol eval -o x.csv`'s.
OUTPUT_COLUMNS = ("seller_id", "region", "points", "warning", "violations", "findings", "not_applicable",
                  "discretionary", "error")

PORTABLE = (
    MetricsError, _shown, _digits, _out_of_range, _number, _decimal_value, _rational, _share, _within, _unknown_input, _above_total, _not_an_object, _unknown_region, _unknown_language, _decimal_text,
    _value_text, _percent_text, _rate_text, _absent_text,
)
# Copied into a module only where a metric is a sum (arithmetic on metrics, issue 11).
ARITHMETIC = (_weighted, _combined_text)
CONSTANTS = ("_DIGITS", "_MAGNITUDE", "_PLACES", "_PLAIN_FLOAT", "_CENTS", "_DOMAINS")  # in this order
FROM_DOMAINS = ("_DIGITS", "_PLACES", "_DOMAINS")  # written into a module as their values
CODES = ("NOT_AN_OBJECT", "UNKNOWN_INPUT", "NOT_A_NUMBER", "NOT_FINITE", "NEGATIVE", "NOT_WHOLE",
         "ABOVE_TOTAL", "UNKNOWN_REGION", "OUT_OF_RANGE", "UNKNOWN_LANGUAGE")
