"""Strict reading of a seller's metrics against the inputs a policy declares.

`read_metrics(program, metrics)` returns every declared input's exact value
(int or Fraction: a float is the decimal Python prints for it), or None when it
is not given, or raises `MetricsError`
naming the key at fault. The checks, in this order, are the ones a compiled
module makes (both use `tspol.compiler.portable`):

1. the metrics are an object (a mapping of input names to values);
2. every key names a declared input (with a did-you-mean);
3. every value fits its input: a count is a whole number of 0 or more (5 and
   5.0 are the count 5; 5.5 is a fraction of an order and an error); numbers
   and durations are 0 or more; a rate input is from 0 to 1; booleans,
   strings, lists, NaN and infinities are errors; `null` means not given;
   every value is less than 10**18 in size with at most 30 decimal places
   (E608, out of range), checked before its exact value is built;
4. a part is never more than its total (`late_orders` <= `orders_7d`).
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction

from tspol.compiler import ir, portable
from tspol.diagnostics import Diagnostic, TspolError

Value = int | Fraction | None


class MetricsError(TspolError):
    """Bad metrics; its diagnostic carries the stable code and the `key` at fault."""

    def __init__(self, code: str, key: str | None, message: str, *, path: str | None = None,
                 line: int | None = None):
        from tspol.runtime.wording import said

        message = said(code, message)  # the English of the portable runtime, as a message of the catalog
        super().__init__(Diagnostic(code, message, key=key, path=path, line=line))
        self.code = code
        self.key = key
        self.message = message

    def __str__(self) -> str:
        return f"{self.key}: {self.message}" if self.key else self.message

    @classmethod
    def from_portable(cls, exc) -> MetricsError:
        """The same error as raised by a compiled module or by `tspol.compiler.portable`."""
        return cls(exc.code, exc.key, exc.message)


def read_metrics(program: ir.Program, metrics: object) -> dict[str, Value]:
    try:
        return _read(program, metrics)
    except portable.MetricsError as exc:
        raise MetricsError.from_portable(exc) from None


def check_region(program: ir.Program, region: object) -> ir.RegionIR:
    for candidate in program.regions:
        if candidate.name == region:
            return candidate
    raise MetricsError.from_portable(portable._unknown_region(region, program.region_names))


def _read(program: ir.Program, metrics: object) -> dict[str, Value]:
    if not isinstance(metrics, Mapping):
        raise portable._not_an_object(metrics)
    names = [i.name for i in program.inputs]
    for key in metrics:
        if key not in names:
            raise portable._unknown_input(key, names)
    values: dict[str, Value] = {}
    for spec in program.inputs:
        value = metrics.get(spec.name)
        values[spec.name] = None if value is None else portable._rational(portable._within(spec.name, value, spec.kind))
    for spec in program.inputs:
        part, whole = values[spec.name], values.get(spec.part_of) if spec.part_of else None
        if part is not None and whole is not None and part > whole:
            raise portable._above_total(spec.name, part, spec.part_of, whole)
    return values
