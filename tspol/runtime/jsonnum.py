"""JSON numbers read exactly, the same way everywhere tspol reads JSON data.

`tspol eval` (sellers), the events of `tspol simulate` and the examples of
`tspol test` all decode with this module, so a number means the same thing in
each of them:

- an integer is an int, however long (one too long for Python's int() text
  limit is a Decimal, so it is an error of its key, "out of range", and not
  "malformed JSON" with advice about sys.set_int_max_str_digits);
- a number with a fraction or an exponent is a float when that float prints
  back as the very same decimal (at most 15 characters, no exponent), else a
  `Decimal` holding exactly the digits written: `0.1` is 1/10, `1e400` is
  10**400 (not infinity), `0.1234567890123456789` keeps all its digits;
- `NaN` and `Infinity` are floats, as Python reads them; the metrics readers
  refuse them by name.

Building a Decimal reads only the text (`Decimal("1e1000000000")` is cheap);
what a value may be is checked where it is used (`tspol.compiler.portable`
bounds every metric before its exact value is built).

`dumps` writes data back, a Decimal digit for digit (`json.dumps` cannot).
"""

from __future__ import annotations

import json
from decimal import Decimal


def number(text: str) -> float | Decimal:
    """A JSON number with a fraction or an exponent, exactly as written."""
    if len(text) <= 15 and "e" not in text and "E" not in text:
        return float(text)
    return Decimal(text)


def integer(text: str) -> int | Decimal:
    """A JSON integer; a Decimal when it is too long for int() (it is never a usable metric)."""
    try:
        return int(text)
    except ValueError:
        return Decimal(text)


# The common case takes the C scanner's own int(); only a text with an integer too
# long for it is decoded again with `integer`, which the C scanner calls for every int.
FAST = json.JSONDecoder(parse_float=number)
LONG = json.JSONDecoder(parse_float=number, parse_int=integer)


def decoder(object_pairs_hook=None, long_integers: bool = False) -> json.JSONDecoder:
    """A decoder of exact numbers, with an object hook (eval's duplicate-key check)."""
    if long_integers:
        return json.JSONDecoder(parse_float=number, parse_int=integer, object_pairs_hook=object_pairs_hook)
    return json.JSONDecoder(parse_float=number, object_pairs_hook=object_pairs_hook)


def loads(text: str | bytes):
    """`json.loads` with exact numbers. Raises `json.JSONDecodeError` (a ValueError)
    when the text is not JSON, or RecursionError when it nests too deeply."""
    if isinstance(text, (bytes, bytearray)):
        text = text.decode("utf-8")
    return decode(text, FAST, LONG)


def decode(text: str, fast: json.JSONDecoder, long: json.JSONDecoder):
    """`fast.decode(text)`, or `long.decode(text)` when an integer is too long for int()."""
    try:
        return fast.decode(text)
    except json.JSONDecodeError:
        raise
    except ValueError:  # int() refused a long integer: not malformed JSON
        return long.decode(text)


_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


def dumps(value) -> str:
    """`json.dumps(value, ensure_ascii=False)`, with each Decimal written as the number it
    is (`1E+400`, `0.1234567890123456789`), never rounded through a float."""
    if type(value) is Decimal:
        return str(value)  # a finite Decimal's text is a JSON number; NaN and Infinity as json writes them
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(key)}: {dumps(item)}" for key, item in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(dumps(item) for item in value) + "]"
    return _ENCODE(value)


def _key(key) -> str:
    if isinstance(key, str):
        return _ENCODE(key)
    return _ENCODE({key: 0})[1:-4]  # a number, true, false or null key, as json writes it


def utf8_problem(raw: bytes, exc: UnicodeDecodeError) -> str:
    """Where bytes stop being UTF-8, as the other readers of tspol say it: `byte 0xff at
    line 2, column 15 (invalid start byte)`, 1-based, the column counted in characters."""
    start = raw.rfind(b"\n", 0, exc.start) + 1
    column = len(raw[start:exc.start].decode("utf-8", "replace")) + 1
    line = raw.count(b"\n", 0, exc.start) + 1
    where = f"line {line}, column {column}" if line > 1 else f"column {column}"
    return f"byte 0x{raw[exc.start]:02x} at {where} ({exc.reason})"
