"""The Python API: load a policy pack once, then decide sellers with it.

    import tspol
    policy = tspol.load()                  # the bundled pack; tspol.load(path) for others
    decision = policy.evaluate({"orders_7d": 40, "late_orders": 12}, region="US")
    decision.points, decision.violations, decision.to_dict()

`load` compiles the pack to a standalone Python module once and caches it by
the hash of its source (`tspol.compiler.cache`); evaluating runs that module.
Bad metrics, an unknown region or an unknown language raise
`tspol.runtime.metrics.MetricsError`, a `TspolError` with a stable code (E6xx)
and the key at fault (an input name, `region` or `lang`). A pack that `tspol
check` rejects does not load: `TspolError` with the located diagnostics.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from pathlib import Path

from tspol.compiler.cache import Compiled, build_program, compiled, compiled_sources
from tspol.dsl.sources import bundled_pack_path
from tspol.runtime.decision import Decision
from tspol.runtime.metrics import MetricsError


def load(path: str | Path | None = None) -> Policy:
    """The pack at `path` (a .pol file or a folder of them), or the bundled pack."""
    return Policy(compiled(Path(path) if path is not None else bundled_pack_path()))


class Policy:
    """A compiled policy pack."""

    def __init__(self, compiled_pack: Compiled):
        self._compiled = compiled_pack
        self.module = compiled_pack.module
        self._evaluate = compiled_pack.module.evaluate
        self._error = compiled_pack.module.MetricsError

    def __repr__(self) -> str:
        return f"<Policy {self.name} {self.version} ({self._compiled.root})>"

    def __reduce__(self):
        """Pickled as the text of its pack, not its path: a worker process (a process
        pool's) gets the very policy it was sent, even if the files change meanwhile."""
        c = self._compiled
        return _policy_of_sources, (c.sources, c.relpaths, c.root)

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

    @functools.cached_property
    def program(self):
        """The IR (`tspol.compiler.ir.Program`) of the same source text the module came from."""
        if self._compiled.program is not None:
            return self._compiled.program
        c = self._compiled
        return build_program(c.sources, c.relpaths, c.root)

    def evaluate_dict(self, metrics: Mapping, region: str, lang: str = "en") -> dict:
        """The decision as a dict: what `tspol eval --format json` prints for a seller."""
        try:
            return self._evaluate(metrics, region, lang)
        except self._error as exc:
            raise MetricsError.from_portable(exc) from None

    def evaluate(self, metrics: Mapping, region: str, lang: str = "en") -> Decision:
        return Decision.from_dict(self.evaluate_dict(metrics, region, lang))

    def ledger(self, events: Iterable, region: str | None = None):
        """A seller's points ledger over dated events (`tspol.runtime.ledger`)."""
        from tspol.runtime.ledger import Ledger

        return Ledger(program=self.program, events=events, region=region, evaluate=self.evaluate_dict)


_unpickled: dict[tuple, Policy] = {}


def _policy_of_sources(sources: dict, relpaths: dict, root: str) -> Policy:
    """A pickled Policy again; once per process for the same text (a pool sends it
    with every task)."""
    key = (root, tuple(sorted(sources.items())), tuple(sorted(relpaths.items())))
    if key not in _unpickled:
        _unpickled[key] = Policy(compiled_sources(sources, relpaths, root))
    return _unpickled[key]
