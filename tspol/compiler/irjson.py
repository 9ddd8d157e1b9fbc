"""The IR as JSON, for tools in other languages: `tspol compile --target ir`.

    {"format": "tspol-ir", "version": 1, "program": {"node": "Program", "name": ..., ...}}

Every IR record is an object with `node` (its class in `tspol.compiler.ir`, or
`Interval`, `Span`, `Texts`) and its fields in declaration order; a tuple is an
array; an exact rational is `{"rational": "1/10"}` (numerator and denominator as
decimal digits, so no reader loses precision to binary floats); an interval's
missing end is null. Spans carry the file's path inside the pack, never where
the pack sits, so the same pack gives the same bytes anywhere. `loads` reads the
text back into the same Program (spans included).

A row that is one box and not `otherwise` (every row of a pack without `or`, `not`
and `otherwise`) is written as version 1 has it, its box as `box`; a pack with any
other row is version 2, where such a row has `boxes` (the union of them is its
condition) and `otherwise`, so that a reader of version 1 refuses it rather than
reading a part of it. `loads` reads both.

Version 3 and later grow the IR without changing what an older pack writes. A
field added in version N is declared with `tspol.records.since(N, default)`: it is left out of
the JSON while it holds its default, and a pack that sets it is written as
version N (the highest such N in the program), so a reader of an earlier version
refuses it. A node class added in version N says so with a class attribute
`SINCE = N`. A field left out is read back as its default.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from fractions import Fraction

import attrs

from tspol.compiler import ir
from tspol.diagnostics import Span
from tspol.dsl.intervals import Interval

FORMAT, VERSION = "tspol-ir", 3
VERSIONS = (1, 2, 3)
NODES = {cls.__name__: cls for cls in (*(v for v in vars(ir).values() if isinstance(v, type) and attrs.has(v)),
                                       Interval, Span)}


def dumps(program: ir.Program, relpaths: Mapping[str, str] | None = None) -> str:
    """The JSON text of a program; `relpaths` maps the display paths of its spans to
    paths inside the pack."""
    versions: set[int] = set()
    encoded = _encode(program, relpaths or {}, versions)
    plain = all(row.plain for region in program.regions for rule in region.rules
                for table in rule.tables for row in table.rows)
    version = max(versions | {1 if plain else 2})
    document = {"format": FORMAT, "version": version, "program": encoded}
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def _encode(value, relpaths: Mapping[str, str], versions: set[int]):
    if isinstance(value, Span):
        return {"node": "Span", "path": relpaths.get(value.path, value.path), "line": value.line,
                "column": value.column, "end_line": value.end_line, "end_column": value.end_column}
    if attrs.has(type(value)):
        record = {"node": type(value).__name__}
        if hasattr(type(value), "SINCE"):
            versions.add(type(value).SINCE)
        for field in attrs.fields(type(value)):
            if isinstance(value, ir.RowIR) and value.plain and field.name in ("boxes", "otherwise"):
                if field.name == "boxes":  # as version 1 writes a row
                    record["box"] = _encode(value.box, relpaths, versions)
                continue
            item = getattr(value, field.name)
            if "since" in field.metadata:
                if item == field.default:
                    continue
                versions.add(field.metadata["since"])
            record[field.name] = _encode(item, relpaths, versions)
        return record
    if isinstance(value, Fraction):
        return {"rational": str(value)}
    if isinstance(value, tuple):
        return [_encode(item, relpaths, versions) for item in value]
    if value is None or isinstance(value, (bool, int, str)):
        return value
    raise TypeError(f"no JSON form for {type(value).__name__} in the IR")


class IRFormatError(ValueError):
    """Text that is not the JSON of a tspol IR."""


def loads(text: str) -> ir.Program:
    document = json.loads(text)
    if not isinstance(document, dict) or document.get("format") != FORMAT or document.get("version") not in VERSIONS:
        raise IRFormatError(f"not a {FORMAT} document of version {' or '.join(map(str, VERSIONS))}")
    program = _decode(document["program"])
    if not isinstance(program, ir.Program):
        raise IRFormatError("the document's `program` is not a Program")
    return program


def _decode(value):
    if isinstance(value, list):
        return tuple(_decode(item) for item in value)
    if isinstance(value, dict):
        if set(value) == {"rational"}:
            return Fraction(value["rational"])
        cls = NODES.get(value.get("node"))
        if cls is None:
            raise IRFormatError(f"unknown node {value.get('node')!r}")
        fields = {name: _decode(item) for name, item in value.items() if name != "node"}
        if cls is ir.RowIR and "box" in fields:  # a row as version 1 writes it
            fields["boxes"] = (fields.pop("box"),)
        return cls(**fields)
    return value
