"""Frozen attrs classes for the syntax tree and the IR, cheap to create.

`frozen(cls)` is `attrs.frozen(cls)` with `__repr__`, `__eq__` and `__hash__`
shared by every class instead of generated for each: generating them was most
of the time importing the syntax tree and the IR takes, on every `tspol check`.
They mean what attrs' own would: the fields with `eq=True` are compared and
hashed, the fields with `repr=True` shown.
"""

from __future__ import annotations

import functools

import attrs


def frozen(cls):
    cls.__repr__, cls.__eq__, cls.__hash__ = _repr, _eq, _hash
    return attrs.frozen(cls, repr=False, eq=False)


@functools.lru_cache(maxsize=None)
def _compared(cls) -> tuple[str, ...]:
    """The names of the fields that take part in equality (spans do not)."""
    return tuple(f.name for f in attrs.fields(cls) if f.eq)


def _values(record) -> tuple:
    return tuple(getattr(record, name) for name in _compared(type(record)))


def _eq(self, other) -> bool:
    if type(other) is not type(self):
        return NotImplemented
    return _values(self) == _values(other)


def since(version: int, default, **kwargs):
    """A field added to the IR in format `version` (`tspol.compiler.irjson`): the IR's
    JSON leaves it out while it holds `default`, so an older pack's bytes stay the same."""
    return attrs.field(default=default, metadata={"since": version}, **kwargs)


def _hash(self) -> int:
    return hash((type(self).__name__, _values(self)))


def _repr(self) -> str:
    fields = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in attrs.fields(type(self)) if f.repr)
    return f"{type(self).__name__}({fields})"
