"""The pipeline from a pack's text to everything tspol makes of it.

    workspace = Workspace.open("policies")  # a member .pol file means its pack
    workspace.diagnostics()                 # what `tspol check` reports, every problem at once
    workspace.program()                     # the IR; TspolError with check's errors
    workspace.generate("python")            # a backend's output (BACKENDS names them)

Stages, each run at most once per workspace and only when asked for:

    read      tspol.dsl.sources   the pack's files (imports no parser)
    parse     tspol.dsl.parser    each file, cached by its text across workspaces
    check     tspol.dsl.checker   the model: a Pack, and a partial one while files have errors
    lower     tspol.compiler.lower     the IR
    analyse   tspol.compiler.analysis  the tier tables
    generate  BACKENDS            python (tspol.compiler.pygen), ir (tspol.compiler.irjson)

Reading imports no parser, so the compile and check caches (tspol.compiler.cache)
find what they keep without loading Lark. Every command, both caches and
`tspol.load` go through a Workspace; nothing else wires the stages together.

While a pack has errors, the model is partial: the declarations and table rows in
error are taken out and the rest is checked again, so that the analysis of the
other tables still runs (a type error in one rule does not hide an overlap in
another). A rule that lost a row is reported only for what a missing row
cannot change: two remaining rows that overlap (E501), a row no seller reaches
(E502).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

import attrs

from tspol.codes import DEAD_ROW, NEEDS_EXTRA, OVERLAP, SQL_UNSUPPORTED
from tspol.diagnostics import Diagnostic, TspolError, sort_diagnostics
from tspol.messages import say
from tspol.dsl.sources import Unsaved, pack_root, read_sources, source_hash

@attrs.frozen
class Sources:
    """A pack's text: display path -> text, display path -> path inside the pack, and
    the pack's path as given (what every stage used to be handed as three arguments)."""

    texts: dict
    relpaths: dict
    root: str

    @functools.cached_property
    def hash(self) -> str:
        return source_hash(self.texts, self.relpaths)

    @classmethod
    def read(cls, path: str | Path, unsaved: Unsaved | None = None) -> Sources:
        texts, relpaths = read_sources(Path(path), unsaved=unsaved)
        return cls(texts, relpaths, str(path))


@attrs.frozen
class Backend:
    """What a pack compiles to: `generate(program, sources, **options)` gives the text of a
    file named `<stem>.<suffix>`; `options` are those the backend lists (a SQL query's
    `table`, `lang` and `headroom`)."""

    name: str
    suffix: str
    generate: Callable
    summary: str
    options: tuple[str, ...] = ()


def _python(program, sources: Sources) -> str:
    from tspol.compiler.pygen import generate

    return generate(program)


def _ir(program, sources: Sources) -> str:
    from tspol.compiler.irjson import dumps

    return dumps(program, sources.relpaths)


def _sql(dialect: str):
    def generate(program, sources: Sources, table: str = "metrics", lang: str = "en", headroom: bool = False) -> str:
        try:
            from tspol.compiler import sqlgen
        except ImportError as exc:  # sqlglot: the `duckdb` and `spark` extras
            raise TspolError(Diagnostic(NEEDS_EXTRA, say("sources.needs_sqlglot", dialect=dialect, module=exc.name),
                                        path=sources.root)) from None
        try:
            return sqlgen.generate(program, dialect, table=table, lang=lang, headroom=headroom)
        except sqlgen.SqlUnsupported as exc:
            raise TspolError(Diagnostic(SQL_UNSUPPORTED, exc.args[0], path=sources.root)) from None

    return generate


BACKENDS = {backend.name: backend for backend in (
    Backend("python", "py", _python, "a Python module that needs only the standard library"),
    Backend("ir", "ir.json", _ir, "the IR as JSON, for tools in other languages"),
    Backend("duckdb", "duckdb.sql", _sql("duckdb"), "a DuckDB query over a table `metrics`",
            ("table", "lang", "headroom")),
    Backend("spark", "spark.sql", _sql("spark"), "a Spark SQL query over a table `metrics`",
            ("table", "lang", "headroom")),
)}


@attrs.frozen
class Model:
    """What the checker makes of a pack (tspol.dsl.loader.model_of): the pack when it is
    free of errors; else `partial`, the pack without the declarations and rows in error
    (None when even that does not check), and the spans of the rules that lost rows."""

    diagnostics: tuple[Diagnostic, ...]
    pack: object = None
    partial: object = None
    cut_rules: frozenset = frozenset()

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]


class Workspace:
    """One pack, from its text to its IR, analysis and generated code.

    A pack with amendments holds several versions (tspol.dsl.versions): a workspace is
    of one of them, `version` (a label), the latest when None; `at(date)` and
    `of_version(label)` give the workspace of another. The model, IR and generated code
    are its version's; `diagnostics()` and everything that refuses a pack with errors
    look at every version."""

    def __init__(self, sources: Sources, given: str | None = None, version: str | None = None):
        self.sources = sources
        self.given = given if given is not None else sources.root  # the path the user named
        self.version = version

    @classmethod
    def open(cls, path: str | Path, unsaved: Unsaved | None = None) -> Workspace:
        """The pack at `path`: a folder, or a .pol file standing for the pack it belongs
        to (`root` differs from `given` then). `unsaved` maps files to texts, an editor's
        unsaved buffers (or is one pair (file, text)): the pack's files among them read
        as their texts, the others are left out (tspol.dsl.sources.read_sources).
        TspolError when the files cannot be read."""
        root = pack_root(Path(path))
        return cls(Sources.read(root, unsaved), given=str(path))

    @classmethod
    def of(cls, texts: dict, relpaths: dict, root: str) -> Workspace:
        return cls(Sources(texts, relpaths, root))

    @property
    def root(self) -> str:
        return self.sources.root

    def __repr__(self) -> str:
        return f"<Workspace {self.root} {self.sources.hash[:12]}>"

    # ---- parse and check

    @functools.cached_property
    def parsed(self) -> tuple:
        """Each file as far as it parses (tspol.dsl.parser.Parsed), in the pack's order."""
        return tuple(_parse(display, text) for display, text in self.sources.texts.items())

    # ---- versions (issue 11: versions)

    @functools.cached_property
    def history(self):
        """The pack's versions and the problems of its amendments (tspol.dsl.versions.History)."""
        from tspol.dsl.versions import history

        return history(p.file for p in self.parsed)

    @property
    def has_history(self) -> bool:
        return len(self.history.versions) > 1 or bool(self.history.problems)

    @functools.cached_property
    def chosen(self):
        """This workspace's version (tspol.dsl.versions.Version)."""
        if self.version is None:
            return self.history.latest
        return self.history.named(self.version)

    def of_version(self, label: str) -> Workspace | None:
        """The workspace of the version labelled `label`; None when the pack has none."""
        version = self.history.named(label)
        if version is None:
            return None
        if version is self.history.latest:
            return self if self.version is None else Workspace(self.sources, self.given)
        return Workspace(self.sources, self.given, version=label)

    def at(self, date) -> Workspace | None:
        """The workspace of the version in force on `date`; None before the first."""
        version = self.history.on(date)
        return None if version is None else self.of_version(version.label)

    def versions(self) -> list[Workspace]:
        """A workspace for each version, the first first (this one alone without amendments)."""
        if not self.has_history:
            return [self]
        return [self.of_version(version.label) for version in self.history.versions]

    @property
    def digest(self) -> str:
        """What the compiled module of this workspace depends on: the text, and the version."""
        return self.sources.hash if self.version is None else f"{self.sources.hash}@{self.version}"

    @functools.cached_property
    def own_model(self) -> Model:
        """The model of this workspace's version alone."""
        from tspol.dsl.loader import model_of

        parsed = self.parsed
        if self.has_history:
            parsed = tuple(attrs.evolve(p, file=file) for p, file in zip(parsed, self.chosen.files))
        return Model(**model_of(parsed, self.sources.texts, self.sources.relpaths, self.root))

    def own_diagnostics(self) -> list[Diagnostic]:
        """What `tspol check` reports of this workspace's version alone."""
        model = self.own_model
        found = list(model.diagnostics)
        if model.pack is not None:
            found += self.analysis().diagnostics
        elif model.partial is not None:
            found += _partial_analysis(model)
        return found

    @functools.cached_property
    def model(self) -> Model:
        """The model of this workspace's version; its diagnostics are those of every version
        (a later version's said as of that version), and it has no pack while any has errors."""
        own = self.own_model
        if not self.has_history:
            return own
        found = list(self.history.problems) + _across_versions(self, lambda w: w.own_model.diagnostics)
        if any(d.is_error for d in found) or own.pack is None:
            return Model(tuple(sort_diagnostics(found)), None, own.partial or own.pack, own.cut_rules)
        return Model(tuple(sort_diagnostics(found)), own.pack)

    def pack(self):
        """The checked pack; TspolError with every problem when it has errors."""
        model = self.model
        if model.pack is None:
            raise TspolError(sort_diagnostics(model.errors), self.sources.texts)
        return model.pack

    def diagnostics(self) -> list[Diagnostic]:
        """Everything `tspol check` reports: syntax, names, types, units, ranges, and the
        analysis of the tables, of the partial model while the pack has errors."""
        if not self.has_history:
            return sort_diagnostics(self.own_diagnostics())
        found = list(self.history.problems) + _across_versions(self, Workspace.own_diagnostics)
        return sort_diagnostics(found)

    # ---- lower, analyse, generate

    @functools.cached_property
    def _lowered(self):
        from tspol.compiler.lower import lower

        pack = self.own_model.pack if self.has_history else None  # its version's, checked by itself
        return lower(pack if pack is not None else self.pack())

    def lowered(self):
        """The IR of the checked pack, whatever its table analysis finds."""
        return self._lowered

    @functools.cached_property
    def _analysis(self):
        from tspol.compiler.analysis import analyze_program

        return analyze_program(self.lowered())

    def analysis(self, rule: str | None = None, region: str | None = None):
        """The table analysis (tspol.compiler.analysis.Analysis), of one rule or region if named."""
        if rule is None and region is None:
            return self._analysis
        from tspol.compiler.analysis import analyze_program

        return analyze_program(self.lowered(), rule=rule, region=region)

    def program(self):
        """The IR of a pack `tspol check` accepts: TspolError with the errors it reports
        otherwise, the table analysis's included; its warnings pass."""
        found = self.diagnostics() if self.has_history else self.analysis().diagnostics
        errors = [d for d in found if d.is_error]
        if errors:
            raise TspolError(sort_diagnostics(errors), self.sources.texts)
        return self.lowered()

    def generate(self, target: str = "python", **options) -> str:
        backend = BACKENDS[target]
        unknown = sorted(set(options) - set(backend.options))
        if unknown:
            raise ValueError(f"the {target} backend takes no option {', '.join(unknown)}")
        return backend.generate(self.program(), self.sources, **options)

    def compiled(self):
        """The pack's Python module, from the compile cache or built now (tspol.compiler.cache)."""
        from tspol.compiler.cache import compiled_workspace

        return compiled_workspace(self)

    def checked(self) -> list[Diagnostic]:
        """`diagnostics()`, kept in the check cache (tspol.compiler.cache)."""
        from tspol.compiler.cache import checked_workspace

        return checked_workspace(self)


def _across_versions(workspace: Workspace, diagnostics_of) -> list[Diagnostic]:
    """The diagnostics of every version, each once: one a version before said is not said
    again, and one that is first found in a later version says which version it is."""
    found, seen = [], set()
    for version, each in zip(workspace.history.versions, workspace.versions()):
        for d in diagnostics_of(each):
            key = (d.code, d.span, str(d.message))
            if key in seen:
                continue
            seen.add(key)
            found.append(d if version.number == 1 else attrs.evolve(d, message=version.in_version(d.message)))
    return found


def _partial_analysis(model: Model) -> list[Diagnostic]:
    """The table analysis of the pack without what is in error: all of it for the tables
    of the rules that are whole, and of a rule that lost rows what they cannot change."""
    from tspol.compiler.analysis import analyze_pack

    found = []
    for d in analyze_pack(model.partial):
        if d.code in (OVERLAP, DEAD_ROW) or not any(rule.encloses(d.span) for rule in model.cut_rules):
            found.append(d)
    return found


_PARSES: dict = {}
PARSE_CACHE_SIZE = 256  # files; an editor's workspace re-parses only the file that changed


def _parse(display: str, text: str):
    from tspol.dsl.parser import parse_partial

    key = (display, text)
    found = _PARSES.pop(key, None)
    if found is None:
        found = parse_partial(text, display)
    _PARSES[key] = found  # most recently used last
    while len(_PARSES) > PARSE_CACHE_SIZE:
        del _PARSES[next(iter(_PARSES))]
    return found
