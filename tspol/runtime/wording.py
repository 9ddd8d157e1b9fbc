"""What a compiled module says of bad metrics, as a message of the catalog.

A compiled module (with `tspol.compiler.portable`, which it carries verbatim) and the
SQL engines write what is wrong with a seller's metrics in English: `MetricsError`'s
`message`, and the `message` of an error record. That text is part of the public
output and of every module's bytes, so it stays exactly as it is, and no module
carries a word of Chinese for it. To say it in another language, the CLI reads the
fields back from the English: each message the portable runtime writes is an entry of
`tspol.messages` (`metrics.*`, and `value.*` for a value as `portable._shown` writes
it), whose English template, made a pattern, gives back its fields; `said(code, text)`
is the `Message` whose English is exactly `text`. `tests/test_messages.py` holds every
message the portable runtime and the SQL engines can write against these.
"""

from __future__ import annotations

import functools
import re

from tspol.codes import (ABOVE_TOTAL, NEGATIVE, NO_REGION, NOT_A_NUMBER, NOT_AN_OBJECT, NOT_FINITE, OUT_OF_RANGE,
                         UNKNOWN_INPUT, UNKNOWN_LANGUAGE, UNKNOWN_REGION, VALUE_NOT_WHOLE)
from tspol.messages import CATALOG, Message, template_fields

# The entries each code's message may be, in the order they are tried.
BY_CODE = {
    NOT_AN_OBJECT: ("metrics.not_an_object",),
    UNKNOWN_INPUT: ("metrics.unknown_input.close", "metrics.unknown_input", "metrics.key_not_string"),
    NOT_A_NUMBER: ("metrics.expected",),
    NOT_FINITE: ("metrics.expected",),
    NEGATIVE: ("metrics.below.count", "metrics.below.number"),
    VALUE_NOT_WHOLE: ("metrics.not_whole",),
    ABOVE_TOTAL: ("metrics.above_total",),
    UNKNOWN_REGION: ("metrics.unknown_region", "metrics.region_not_string"),
    OUT_OF_RANGE: ("metrics.out_of_range.size", "metrics.out_of_range.places", "metrics.out_of_range.sql_places",
                   "metrics.rate_range"),
    UNKNOWN_LANGUAGE: ("metrics.unknown_language",),
    NO_REGION: ("metrics.no_region",),
}
EXPECTED = ("metrics.expected.count", "metrics.expected.number", "metrics.expected.money", "metrics.expected.rate")
VALUES = ("value.string", "value.list", "value.object", "value.huge_whole", "value.fraction", "value.long_decimal",
          "value.other_type")
FRACTION_PARTS = ("value.huge_part",)


def said(code: str, text: str) -> Message | str:
    """The message of `code` whose English is `text`; `text` itself when it is no message
    the portable runtime writes (the CLI then says it as it is, in English)."""
    if isinstance(text, Message):
        return text
    for id in BY_CODE.get(code, ()):
        message = _read(id, text)
        if message is not None:
            return message
    return text


def _read(id: str, text: str) -> Message | None:
    match = _pattern(id).fullmatch(text)
    if match is None:
        return None
    fields = {name: _field(name, value) for name, value in match.groupdict().items()}
    message = Message(id, fields)
    return message if str(message) == text else None


def _field(name: str, value: str):
    """A field read back: a phrase of the catalog where the field is one, else the text."""
    if name == "expected":
        return _phrase(EXPECTED, value) or value
    if name == "value":
        return _phrase(VALUES, value) or value
    if name in ("numerator", "denominator"):
        return _phrase(FRACTION_PARTS, value) or value
    return value


def _phrase(ids, text: str) -> Message | None:
    for id in ids:
        message = _read(id, text)
        if message is not None:
            return message
    return None


@functools.lru_cache(maxsize=None)
def _pattern(id: str) -> re.Pattern:
    """An entry's English template as a pattern, each field a group (the last one greedy,
    so that a value quoted at the end may hold any text)."""
    english = CATALOG[id][0]
    assert template_fields(english) == set(re.findall(r"\{(\w+)\}", english)), id
    parts = re.split(r"\{(\w+)\}", english)
    pattern, seen = "", set()
    for position, part in enumerate(parts):
        if position % 2 == 0:
            pattern += re.escape(part)
        elif part in seen:
            pattern += f"(?P={part})"
        else:
            seen.add(part)
            pattern += f"(?P<{part}>.*)" if position == len(parts) - 2 else f"(?P<{part}>.*?)"
    return re.compile(pattern, re.DOTALL)
