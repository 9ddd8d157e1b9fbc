"""The Python API: load a policy pack once, then decide sellers with it.

    import tspol
    policy = tspol.load()                  # the bundled pack; tspol.load(path) for others
    decision = policy.evaluate({"orders_7d": 40, "late_orders": 12}, region="US")
    decision.points, decision.violations, decision.to_dict()
    policy.decide({"orders_7d": 40, "late_orders": 12}, region="US")  # points, warning, rows; no texts
    policy.ledgers("events.jsonl", region="US").state()  # seller_id -> its ledger's state
    policy.on("2025-07-01")                # a pack with amendments: the version in force that day

`load` compiles the pack to a standalone Python module once and caches it by
the hash of its source (`tspol.workspace`, `tspol.compiler.cache`); evaluating
runs that module. A `.pol` file of a pack loads the whole pack, and `region` may
be left out when the policy has one region.
Bad metrics, an unknown region or an unknown language raise
`tspol.runtime.metrics.MetricsError`, a `TspolError` with a stable code (E6xx)
and the key at fault (an input name, `region` or `lang`). A pack that `tspol
check` rejects does not load: `TspolError` with the located diagnostics.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from tspol.codes import NO_REGION, NO_VERSION
from tspol.compiler.cache import Compiled
from tspol.diagnostics import Diagnostic, TspolError
from tspol.dsl.sources import bundled_pack_path
from tspol.runtime.decision import Decision
from tspol.runtime.metrics import MetricsError
from tspol.workspace import Workspace


def load(path: str | Path | None = None) -> Policy:
    """The pack at `path` (a folder of .pol files, or one of them standing for its
    pack), or the bundled pack."""
    return Policy(Workspace.open(path if path is not None else bundled_pack_path()).compiled())


class Policy:
    """A compiled policy pack."""

    def __init__(self, compiled_pack: Compiled):
        self._compiled = compiled_pack
        self.module = compiled_pack.module
        self._evaluate = compiled_pack.module.evaluate
        self._decide = compiled_pack.module.decide
        self._error = compiled_pack.module.MetricsError

    def __repr__(self) -> str:
        return f"<Policy {self.name} {self.version} ({self.workspace.root})>"

    def __reduce__(self):
        """Pickled as the text of its pack, not its path: a worker process (a process
        pool's) gets the very policy it was sent, even if the files change meanwhile."""
        s = self.workspace.sources
        return _policy_of_sources, (s.texts, s.relpaths, s.root)

    @property
    def workspace(self) -> Workspace:
        """The pipeline of the pack's text (`tspol.workspace.Workspace`)."""
        return self._compiled.workspace

    @property
    def name(self) -> str:
        return self.module.POLICY["name"]

    @property
    def version(self) -> str:
        return self.module.POLICY["version"]

    @property
    def effective(self) -> str:
        return self.module.POLICY["effective"]

    @property
    def source_hash(self) -> str:
        return self.module.POLICY["source_hash"]

    @property
    def regions(self) -> tuple[str, ...]:
        return tuple(self.module.POLICY["regions"])

    @property
    def inputs(self) -> tuple[str, ...]:
        return tuple(self.module.INPUTS)

    @property
    def program(self):
        """The IR (`tspol.compiler.ir.Program`) of the same source text the module came from."""
        return self.workspace.program()

    def evaluate_dict(self, metrics: Mapping, region: str | None = None, lang: str = "en",
                      headroom: bool = False) -> dict:
        """The decision as a dict: what `tspol eval --format json` prints for a seller.
        `region` may be left out when the policy has one region. With `headroom`, also
        how close the seller is to a worse outcome and how far from the way back
        (`headroom` and `recovery` lists, `tspol.runtime.headroom`)."""
        if region is None:
            region = self._only_region()
        try:
            decision = self._evaluate(metrics, region, lang)
        except self._error as exc:
            raise MetricsError.from_portable(exc) from None
        if headroom:
            from tspol.runtime import headroom as distances

            decision["headroom"] = distances.headroom(self.program, metrics, region, self._evaluate_en)
            decision["recovery"] = distances.recovery(self.program, metrics, region, self._evaluate_en)
        return decision

    def evaluate(self, metrics: Mapping, region: str | None = None, lang: str = "en",
                 headroom: bool = False) -> Decision:
        return Decision.from_dict(self.evaluate_dict(metrics, region, lang, headroom))

    def what_if(self, metrics: Mapping, changes: Mapping, region: str | None = None, lang: str = "en") -> dict:
        """The seller after `changes` (input -> `("+", n)`, n more of it and of the totals
        it is part of, or `("=", n)`), and its decision: `{"metrics", "decision"}`."""
        from tspol.runtime.headroom import what_if

        if region is None:
            region = self._only_region()
        return what_if(self.program, metrics, region, changes, lambda m, r: self.evaluate_dict(m, r, lang))

    def _evaluate_en(self, metrics: Mapping, region: str) -> dict:
        return self.evaluate_dict(metrics, region)

    def decide(self, metrics: Mapping, region: str | None = None) -> dict:
        """The lean decision, for a hot path: `region`, `points`, `warning` and the
        `violations` (rule, table, row, points, warning, limit, measures) of the full
        decision, validated alike, without a word of explanation, findings or entries
        not applicable (`tspol.runtime.decision.lean` of `evaluate_dict`)."""
        if region is None:
            region = self._only_region()
        try:
            return self._decide(metrics, region)
        except self._error as exc:
            raise MetricsError.from_portable(exc) from None

    def to_sql(self, dialect: str = "duckdb", table: str = "metrics", lang: str = "en",
               headroom: bool = False) -> str:
        """The query deciding every row of `table`, for `dialect` ("duckdb" or "spark", the
        tested ones; sqlglot prints it): what `tspol compile --target DIALECT` writes. With
        `headroom`, the columns `headroom` and `recovery` too (`--headroom`), as
        `evaluate_dict(..., headroom=True)` has them. TspolError E003 without sqlglot, E004
        for a pack SQL cannot decide exactly."""
        from tspol.workspace import BACKENDS

        if dialect not in BACKENDS or "table" not in BACKENDS[dialect].options:
            sql = [name for name, backend in BACKENDS.items() if "table" in backend.options]
            raise ValueError(f"no SQL dialect {dialect!r}; choose one of {', '.join(sql)}")
        return self.workspace.generate(dialect, table=table, lang=lang, headroom=headroom)

    def _only_region(self) -> str:
        if len(self.regions) == 1:
            return self.regions[0]
        from tspol.messages import say

        raise MetricsError(NO_REGION, "region", say("api.no_region", regions=", ".join(self.regions)))

    def ledger(self, events: Iterable, region: str | None = None):
        """A seller's points ledger over dated events (`tspol.runtime.ledger.Ledger`)."""
        from tspol.runtime.ledger import Ledger

        return Ledger(program=self.program, events=events, region=region, evaluate=self.evaluate_dict,
                      versions=self.in_force())

    def ledgers(self, events: Iterable, region: str | None = None):
        """The ledgers of many sellers, from events told apart by `seller_id` (a path or an
        iterable, as for `ledger`): seller_id -> ledger, in the order the sellers first
        appear (`tspol.runtime.ledger.Ledgers`). `.state(on)` gives seller_id -> state,
        `.records(on)` what `tspol simulate --format json` prints. Events without
        `seller_id` are one seller, None."""
        from tspol.runtime.ledger import Ledgers

        return Ledgers(program=self.program, events=events, region=region, evaluate=self.evaluate_dict,
                       versions=self.in_force())

    def on(self, date) -> Policy:
        """The policy of the version of the pack in force on `date` (a date, or YYYY-MM-DD):
        itself for a pack of one version; TspolError (E750) before the pack's first version."""
        workspace = self.workspace
        if not workspace.has_history:
            return self
        from tspol.messages import say
        from tspol.runtime.ledger import as_date

        day = as_date(date, "on")
        found = workspace.at(day)
        if found is None:
            first = workspace.history.versions[0]
            raise TspolError(Diagnostic(NO_VERSION, say("versions.before_first", date=day.isoformat(),
                                                         version=first.label, effective=first.effective),
                                        key="on"))
        if found.digest == workspace.digest:
            return self
        return Policy(found.compiled())

    def in_force(self):
        """The versions of a pack with amendments as a ledger reads them
        (`tspol.runtime.ledger.InForce`, the first first); None for a pack of one version."""
        workspace = self.workspace
        if not workspace.has_history:
            return None
        from tspol.runtime.ledger import InForce

        found = []
        for version, each in zip(workspace.history.versions, workspace.versions()):
            policy = self if each.digest == workspace.digest else Policy(each.compiled())
            found.append(InForce(version.date.toordinal(), policy.program, policy.evaluate_dict,
                                 takes_new_expiry=version.keeps_expiry is False))
        return tuple(found)


_unpickled: dict[tuple, Policy] = {}


def _policy_of_sources(sources: dict, relpaths: dict, root: str) -> Policy:
    """A pickled Policy again; once per process for the same text (a pool sends it
    with every task)."""
    key = (root, tuple(sorted(sources.items())), tuple(sorted(relpaths.items())))
    if key not in _unpickled:
        _unpickled[key] = Policy(Workspace.of(sources, relpaths, root).compiled())
    return _unpickled[key]
