"""Every name of a pack where it is written: each declaration and each use.

Built from the syntax trees alone, so a file with a syntax error still gives the
names of the declarations around the error (tspol.dsl.parser.parse_partial keeps
them). Names live in namespaces: inputs, metrics, bases and params share one
(conditions name them alike), and measures, reasons, regions, rules, categories,
holds, level sets and the policy have one each; the levels of a set have one of
their own (`level health orange` is not the `orange` of another set). A rule
declared for two sets of regions is one rule with two declarations, and so is a
declaration an amendment replaces; a name used but declared nowhere has uses and
no symbol.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from tspol.diagnostics import Span
from tspol.dsl import ast

KINDS = {ast.Policy: "policy", ast.Region: "region", ast.Measure: "measure", ast.Category: "category",
         ast.Input: "input", ast.Basis: "basis", ast.Metric: "metric", ast.Rule: "rule", ast.Hold: "hold",
         ast.Reason: "reason", ast.WindowMetric: "metric", ast.LevelSet: "levels", ast.Level: "level",
         ast.Param: "param"}
QUANTITY = "quantity"
NAMESPACES = {"input": QUANTITY, "metric": QUANTITY, "basis": QUANTITY, "param": QUANTITY}  # every other kind is its own
LEVEL_SET = "levels"

# The fields of syntax nodes that name a declaration, and the namespace of that name.
USES = {
    (ast.PartOf, "whole"): QUANTITY,
    (ast.Basis, "source"): QUANTITY,
    (ast.Metric, "numerator"): QUANTITY,
    (ast.Metric, "denominator"): QUANTITY,
    (ast.Comparison, "operands"): QUANTITY,
    (ast.OnMetric, "name"): QUANTITY,
    (ast.Limit, "basis"): QUANTITY,
    (ast.Rule, "regions"): "region",
    (ast.Remove, "regions"): "region",
    (ast.ReasonRef, "name"): "reason",
    (ast.HoldFor, "reasons"): "reason",
    (ast.May, "names"): "measure",
    (ast.MeasureAction, "name"): "measure",
    (ast.ThresholdMeasure, "measure"): "measure",
    (ast.UntilWithin, "metric"): QUANTITY,  # issue 11: `until LDR is within standard`
    (ast.Reason, "category"): "category",
    (ast.ParamCase, "value"): QUANTITY,  # a windowed metric's case names its metric (a param's is a value)
}
DISCRETIONARY_POINTS = "points"  # `may points`: points at the platform's discretion, not a measure


def namespace_of(kind: str) -> str:
    return NAMESPACES.get(kind, kind)


def level_namespace(level_set: str) -> str:
    """The namespace of the levels of one set: `level health`."""
    return f"level {level_set}"


@attrs.frozen
class Symbol:
    """A declaration: its kind, its name and where the name is written."""

    kind: str
    name: str
    span: Span
    decl: object = attrs.field(eq=False, repr=False)
    namespace: str = attrs.field(default=attrs.Factory(lambda self: namespace_of(self.kind), takes_self=True))


@attrs.frozen
class Occurrence:
    """A name where it is written: declared there (`symbol`) or used, inside `within`,
    the top-level declaration around it."""

    namespace: str
    name: str
    span: Span
    within: object = attrs.field(eq=False, repr=False)
    symbol: Symbol | None = None

    @property
    def declares(self) -> bool:
        return self.symbol is not None


class SymbolIndex:
    """The declarations and uses of names in some files."""

    def __init__(self, files: Iterable[ast.File]):
        self.files = {file.path: file for file in files}
        self.symbols: list[Symbol] = []
        self.occurrences: list[Occurrence] = []
        for file in self.files.values():
            for decl in file.decls:
                self._add(decl)

    def _add(self, decl) -> None:
        if isinstance(decl, ast.Amendment):  # its declarations are those of the pack's next version
            for item in decl.items:
                if isinstance(item, (ast.Remove, ast.Carryover, ast.Text)):
                    self._uses(item, decl)  # `remove rule late_dispatch in UK`
                else:
                    self._add(item)
            return
        kind = KINDS.get(type(decl))
        if kind is not None:
            self._declare(Symbol(kind, decl.name.value, decl.name.span, decl), decl)
        if isinstance(decl, ast.LevelSet):
            for level in decl.levels:
                self._declare(Symbol("level", level.name.value, level.name.span, level,
                                     level_namespace(decl.name.value)), decl)
        self._uses(decl, decl)

    def _declare(self, symbol: Symbol, within) -> None:
        self.symbols.append(symbol)
        self.occurrences.append(Occurrence(symbol.namespace, symbol.name, symbol.span, within, symbol))

    def _uses(self, node, within) -> None:
        for namespace, name in uses(node):
            self.occurrences.append(Occurrence(namespace, name.value, name.span, within))

    # ---- looking up
    def at(self, path: str, line: int, column: int) -> Occurrence | None:
        """The name at a place (a cursor just after a name is on it)."""
        for occurrence in self.occurrences:
            span = occurrence.span
            if span.path == path and span.line == line and span.column <= column <= span.end_column:
                return occurrence
        return None

    def definitions(self, namespace: str, name: str) -> list[Symbol]:
        return [s for s in self.symbols if s.namespace == namespace and s.name == name]

    def occurrences_of(self, namespace: str, name: str) -> list[Occurrence]:
        """Every declaration and use of a name, in the order of the files."""
        return [o for o in self.occurrences if o.namespace == namespace and o.name == name]

    def uses_of(self, namespace: str, name: str) -> list[Occurrence]:
        return [o for o in self.occurrences_of(namespace, name) if not o.declares]

    def symbols_of(self, kinds: Iterable[str]) -> list[Symbol]:
        """The declarations of these kinds, each name once (its first declaration)."""
        kinds, seen, found = set(kinds), set(), []
        for symbol in self.symbols:
            if symbol.kind in kinds and (symbol.namespace, symbol.name) not in seen:
                seen.add((symbol.namespace, symbol.name))
                found.append(symbol)
        return found

    def declaration_at(self, path: str, line: int, column: int):
        """The top-level declaration a place is in, or None."""
        file = self.files.get(path)
        return next((decl for decl in file.decls if _inside(decl.span, line, column)), None) if file else None

    def row_at(self, path: str, line: int, column: int) -> ast.Row | None:
        """The table row a place is in, or None."""
        decl = self.declaration_at(path, line, column)
        if not isinstance(decl, ast.Rule):
            return None
        return next((row for table in decl.tables for row in table.rows if _inside(row.span, line, column)), None)


def uses(node) -> Iterable[tuple[str, ast.Name]]:
    """The names a syntax node uses (not those it declares), with their namespaces."""
    if isinstance(node, ast.LevelAction):  # `level health orange`: the set, and a level of it
        yield LEVEL_SET, node.set
        yield level_namespace(node.set.value), node.level
        return
    if isinstance(node, ast.LevelSet):  # `default green`
        yield from ((level_namespace(node.name.value), d.name) for d in node.items_of(ast.LevelDefault))
    if isinstance(node, ast.Remove):  # `remove metric LDR`, `remove levels health`
        yield namespace_of(node.kind), node.name
    for field in attrs.fields(type(node)):
        value = getattr(node, field.name)
        for item in value if isinstance(value, tuple) else (value,):
            if isinstance(item, ast.Name):
                namespace = USES.get((type(node), field.name))
                if namespace is not None and not (isinstance(node, ast.May) and item.value == DISCRETIONARY_POINTS):
                    yield namespace, item
            elif attrs.has(type(item)) and not isinstance(item, Span):
                yield from uses(item)


def _inside(span: Span, line: int, column: int) -> bool:
    return (span.line, span.column) <= (line, column) <= (span.end_line, span.end_column)
