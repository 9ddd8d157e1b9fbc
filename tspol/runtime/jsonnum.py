"""JSON data read the same way everywhere tspol reads it: exact numbers, strict JSON Lines.

`tspol eval` (sellers), the events of `tspol simulate` and the examples of
`tspol test` all read with this module, so a number and a line mean the same
thing in each of them.

Numbers:

- an integer is an int, however long (one too long for Python's int() text
  limit is a Decimal, so it is an error of its key, "out of range", and not
  "malformed JSON" with advice about sys.set_int_max_str_digits);
- a number with a fraction or an exponent is a float when that float prints
  back as the very same decimal (at most 15 characters, no exponent), else a
  `Decimal` holding exactly the digits written: `0.1` is 1/10, `1e400` is
  10**400 (not infinity), `0.1234567890123456789` keeps all its digits;
- a number whose exponent is past what a Decimal holds (`1e9999999999999999999`,
  10**18 or more either way) is a `FarNumber`: the Decimal nearest to it that
  exists (`1E+999999999999999999`, or as tiny; zero stays zero), which every
  reader of metrics finds out of range, and which `dumps` writes back as written;
- `NaN` and `Infinity` are floats, as Python reads them; the metrics readers
  refuse them by name.

Building a Decimal reads only the text (`Decimal("1e1000000000")` is cheap);
what a value may be is checked where it is used (`tspol.compiler.portable`
bounds every metric before its exact value is built).

Lines (`read_lines`, `parse_line`):

- a line ends at `\\n` only (a `\\r` before it is JSON whitespace); a UTF-8 BOM at
  the very start of the input is dropped, as `tspol check` drops it;
- a line holds at most `MAX_LINE` bytes (1 MiB). A seller, an event or an
  example takes well under 10 KB, so the limit is a hundred times what real data
  needs, and it bounds the memory one line can take (and that of the batches
  `tspol eval` sends to its helper processes). A longer line is not kept: it is
  read to its end in pieces and reported as that line's error (`LongLine`); past
  `SKIP_LIMIT` (1 GiB) without a newline the input is not JSON Lines (`/dev/zero`)
  and reading stops there, saying so;
- JSON whitespace is space, tab, CR and LF: any other character outside a string
  (U+3000, `\\x1c`, a BOM inside the file) is malformed JSON at its column;
- no key is given twice in one object, and no string holds half of a UTF-16
  surrogate pair (`"\\ud800"`): JSON text is Unicode, and such a string can be
  neither compared with a name nor written out as UTF-8.

`dumps` writes data back, a Decimal digit for digit (`json.dumps` cannot).
"""

from __future__ import annotations

import codecs
import json
import re
import unicodedata
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation

from tspol.messages import Message, json_reason, say, utf8_reason

MAX_LINE = 2**20  # bytes in one line, its newline aside
SKIP_LIMIT = 2**30  # bytes of a line too long, read looking for its end, before the input is given up
WHITESPACE = " \t\r\n"  # JSON whitespace, RFC 8259


class FarNumber(Decimal):
    """A JSON number too far from 1 for a Decimal (its exponent is 10**18 or more, either
    way): the nearest Decimal that exists, and the `text` as written."""

    __slots__ = ("text",)


_PARTS = re.compile(r"(-?)([0-9]+)(?:\.([0-9]+))?[eE]([+-]?)[0-9]+\Z")


def _far_number(text: str) -> Decimal:
    sign, whole, fraction, exponent_sign = _PARTS.match(text).groups()
    if not (whole + (fraction or "")).strip("0"):
        return Decimal(sign + "0")
    exponent = "-1999999999999999997" if exponent_sign == "-" else "+999999999999999999"
    far = FarNumber(f"{sign}1E{exponent}")
    far.text = text
    return far


def number(text: str) -> float | Decimal:
    """A JSON number with a fraction or an exponent, exactly as written."""
    if len(text) <= 15 and "e" not in text and "E" not in text:
        return float(text)
    try:
        return Decimal(text)
    except InvalidOperation:  # an exponent past what a Decimal holds
        return _far_number(text)


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
    if type(value) is FarNumber:
        return value.text
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(key)}: {dumps(item)}" for key, item in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(dumps(item) for item in value) + "]"
    return _ENCODE(value)


def _key(key) -> str:
    if isinstance(key, str):
        return _ENCODE(key)
    return _ENCODE({key: 0})[1:-4]  # a number, true, false or null key, as json writes it


def utf8_problem(raw: bytes, exc: UnicodeDecodeError) -> Message:
    """Where bytes stop being UTF-8, as the other readers of tspol say it: `byte 0xff at
    line 2, column 15 (invalid start byte)`, 1-based, the column counted in characters."""
    start = raw.rfind(b"\n", 0, exc.start) + 1
    column = len(raw[start:exc.start].decode("utf-8", "replace")) + 1
    line = raw.count(b"\n", 0, exc.start) + 1
    byte, reason = f"0x{raw[exc.start]:02x}", utf8_reason(exc.reason)
    if line > 1:
        return say("json.utf8.at_line", byte=byte, line=line, column=column, reason=reason)
    return say("json.utf8", byte=byte, column=column, reason=reason)


# ---- lines -------------------------------------------------------------------

class LongLine:
    """A line longer than MAX_LINE, not kept: how many bytes it had (as far as it was
    read), and whether its end was found (else reading stopped within it)."""

    __slots__ = ("size", "ended")

    def __init__(self, size: int, ended: bool):
        self.size, self.ended = size, ended

    def __reduce__(self):  # helper processes of `tspol eval` are sent these too
        return LongLine, (self.size, self.ended)

    @property
    def message(self) -> Message:
        if self.ended:
            return say("json.line_too_long", size=self.size, limit=_size(MAX_LINE))
        return say("json.line_without_end", size=_size(self.size), limit=_size(MAX_LINE))


def _size(size: int) -> Message:
    """`1 MiB (1,048,576 bytes)`, `1 GiB (...)`, `64 bytes`."""
    for unit, name in ((2**30, "GiB"), (2**20, "MiB")):
        if size >= unit:
            return say("json.size", size=size // unit, unit=name, bytes=size)
    return say("json.bytes", bytes=size)


def read_lines(stream, limit: int | None = None, skip_limit: int | None = None) -> Iterator[bytes | LongLine]:
    """The lines of a binary stream, each with its newline; a line longer than `limit`
    (MAX_LINE) as a `LongLine`, read to its end `limit` bytes at a time and never held. A
    UTF-8 BOM at the start is dropped. Past `skip_limit` (SKIP_LIMIT) bytes of one line,
    reading stops."""
    limit = MAX_LINE if limit is None else limit
    skip_limit = SKIP_LIMIT if skip_limit is None else skip_limit
    line = _without_bom(stream.readline(limit + 1), stream, limit)
    while True:
        if not line:
            return
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
        else:
            long = _rest_of(line, stream, limit, skip_limit)
            yield long
            if not long.ended:
                return
        line = stream.readline(limit + 1)


def _without_bom(line: bytes, stream, limit: int) -> bytes:
    """The first line without a UTF-8 BOM, topped up to the length it would have had."""
    if not line.startswith(codecs.BOM_UTF8):
        return line
    line = line[len(codecs.BOM_UTF8):]
    if len(line) == limit + 1 - len(codecs.BOM_UTF8) and not line.endswith(b"\n"):
        line += stream.readline(len(codecs.BOM_UTF8))
    return line


def _rest_of(start: bytes, stream, limit: int, skip_limit: int) -> LongLine:
    """A line too long, read on to its end (or to `skip_limit` bytes) in pieces."""
    size, piece = len(start), start
    while not piece.endswith(b"\n"):
        if size > skip_limit:
            return LongLine(size, False)
        piece = stream.readline(limit)
        if not piece:
            break
        size += len(piece)
    return LongLine(size - piece.endswith(b"\n"), True)


def text_lines(text: str) -> Iterator[str]:
    """The lines of a text, each with its newline, as `read_lines` splits bytes (at `\\n` only)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end + 1
        yield text[start:end]
        start = end


def is_blank(text: str) -> bool:
    """Nothing but JSON whitespace (U+3000 or a form feed is not blank: it is malformed JSON)."""
    return not text.strip(WHITESPACE)


class BadLine(ValueError):
    """A line that is not one JSON value of the kind tspol reads: what is wrong, the key
    (`metrics.orders_7d`), and the keys down to it."""

    def __init__(self, message: str, key: str | None = None, path: tuple[str, ...] = ()):
        super().__init__(message)
        self.message, self.key, self.path = message, key, path


class KeyGivenTwice(BadLine):
    """A line with a key given twice in one object (the key is the one given twice)."""


class _GivenTwice(Exception):  # not a ValueError: `decode` must not read the line again for it
    def __init__(self, key):
        self.key = key


def _object(pairs: list) -> dict:
    record = dict(pairs)
    if len(record) != len(pairs):
        seen = set()
        for key, _ in pairs:
            if key in seen:
                raise _GivenTwice(key)
            seen.add(key)
    return record


_STRICT_FAST = decoder(_object)
_STRICT_LONG = decoder(_object, long_integers=True)


def parse_line(text: str):
    """One line of JSON Lines, read strictly (see the module's docstring); `BadLine` otherwise."""
    try:
        value = decode(text, _STRICT_FAST, _STRICT_LONG)
    except _GivenTwice as twice:
        raise given_twice(twice.key) from None
    except json.JSONDecodeError as exc:
        raise BadLine(say("json.malformed", problem=json_error(exc, text))) from None
    except RecursionError:
        raise BadLine(say("json.too_deep")) from None
    if "\\u" in text or _SURROGATE.search(text):  # else no string of it can hold a surrogate
        check_unicode(value)
    return value


def given_twice(key) -> KeyGivenTwice:
    shown = printable(key) if isinstance(key, str) else dumps(key)
    return KeyGivenTwice(say("json.given_twice", key=shown), shown, (shown,))


def json_error(exc: json.JSONDecodeError, text: str) -> Message:
    """What `json` found wrong with one line, at its column in that line: `Expecting value
    at column 7`, `... at the end of the line`, or a character that only looks like
    whitespace (U+3000, a form feed) named for what it is."""
    end = len(text) - (text.endswith("\n")) - (text.endswith("\r\n"))
    position = min(exc.pos, end)
    if position == end:
        return say("json.at_end", problem=json_reason(exc.msg), column=position + 1)
    char = text[position]
    if char not in WHITESPACE and (char.isspace() or unicodedata.category(char)[0] in "CZ"):
        kind = say("json.whitespace" if char.isspace() else "json.invisible")
        return say("json.unexpected_character", char=_character(char), column=position + 1, kind=kind)
    return say("json.at_column", problem=json_reason(exc.msg), column=position + 1)


def _character(char: str) -> str:
    name = unicodedata.name(char, None)
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")


def check_unicode(value) -> None:
    """`BadLine` naming the key of the first string (or key) that holds half of a UTF-16
    surrogate pair, which no character is: JSON's `"\\ud800"` without its other half."""
    found = _surrogate(value, ())
    if found is not None:
        path, char = found
        keys = tuple(printable(step) for step in path if isinstance(step, str))
        raise BadLine(say("json.surrogate", escape=f"\\u{ord(char):04x}"), ".".join(keys) or None, keys)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _surrogate(value, path: tuple) -> tuple[tuple, str] | None:
    """The keys (and list positions) down to the first surrogate, and the surrogate."""
    if isinstance(value, str):
        match = _SURROGATE.search(value)
        return (path, match.group()) if match else None
    if isinstance(value, dict):
        for key, item in value.items():
            match = _SURROGATE.search(key) if isinstance(key, str) else None
            found = ((*path, key), match.group()) if match else _surrogate(item, (*path, key))
            if found is not None:
                return found
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found = _surrogate(item, (*path, index))
            if found is not None:
                return found
    return None


def printable(text: str) -> str:
    """A text as it can be written out: each surrogate as its JSON escape, `\\ud800`."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8") if _SURROGATE.search(text) else text
