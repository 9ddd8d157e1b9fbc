"""One pack as an editor has it: the files on disk with the open buffers over them.

A snapshot is made for each change and each request; everything in it is computed
at most once, when first asked for, and parsing is cached by text across snapshots
(tspol.workspace), so a snapshot of an unchanged pack costs little.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path

from tspol.diagnostics import Diagnostic
from tspol.lsp.index import SymbolIndex
from tspol.workspace import Workspace

ALONE = "untitled.pol"  # the path inside its pack of a buffer that is no file


class Snapshot:
    def __init__(self, workspace: Workspace):
        self.workspace = workspace

    @classmethod
    def of_file(cls, path: str, buffers: Mapping[str, str]) -> Snapshot:
        """The pack `path` belongs to, the files among `buffers` (path -> text, the one
        being edited last) read as their texts. TspolError when it cannot be read."""
        return cls(Workspace.open(path, unsaved={Path(file): text for file, text in buffers.items()}))

    @classmethod
    def of_text(cls, name: str, text: str) -> Snapshot:
        """A buffer that is no file (an editor's new, unsaved document): a pack alone."""
        return cls(Workspace.of({name: text}, {name: ALONE}, name))

    @property
    def texts(self) -> Mapping[str, str]:
        return self.workspace.sources.texts

    def where(self, path: str, line: int) -> str:
        """`fulfilment.pol:41`: a place in the pack, named from the pack's folder."""
        return f"{self.workspace.sources.relpaths.get(path, path)}:{line}"

    @functools.cached_property
    def index(self) -> SymbolIndex:
        return SymbolIndex(parsed.file for parsed in self.workspace.parsed)

    def diagnostics(self) -> list[Diagnostic]:
        return self.workspace.diagnostics()

    def syntax_errors(self) -> list[Diagnostic]:
        return [problem for parsed in self.workspace.parsed for problem in parsed.problems]

    @property
    def pack(self):
        """The checked pack, or while it has errors the pack without what is in error
        (None when even that does not check)."""
        model = self.workspace.model
        return model.pack if model.pack is not None else model.partial

    @functools.cached_property
    def program(self):
        """The IR of `pack`, or None."""
        if self.pack is None:
            return None
        if self.workspace.model.pack is not None:
            return self.workspace.lowered()
        from tspol.compiler.lower import lower

        return lower(self.pack)

    @functools.cached_property
    def analysis(self):
        """The table analysis of `program` (tspol.compiler.analysis.Analysis), or None."""
        if self.program is None:
            return None
        if self.workspace.model.pack is not None:
            return self.workspace.analysis()
        from tspol.compiler.analysis import analyze_program

        return analyze_program(self.program)

    @functools.cached_property
    def rows(self) -> dict:
        """Each row of `program` by its span: (rule, table, row) of the IR, and after it
        the regions whose row says other boxes (a param's cases differ by region:
        tspol.dsl.params), each as (regions, rule, table, row)."""
        found, regions = {}, {}
        for region in self.program.regions if self.program is not None else ():
            for rule in region.rules:
                for table in rule.tables:
                    for row in table.rows:
                        found.setdefault(row.span, (rule, table, row))
                        regions.setdefault(row.span, {}).setdefault(row.boxes, (
                            [], rule, table, row))[0].append(region.name)
        for span, lowered in regions.items():
            if len(lowered) > 1:
                found[span] = (*found[span], tuple((tuple(r), *rest) for r, *rest in lowered.values()))
        return found
