"""tspol: seller performance policies as code.

    import tspol
    policy = tspol.load()
    decision = policy.evaluate({"orders_7d": 40, "late_orders": 12}, region="US")

The names below load on first use, so `import tspol` (and every `tspol`
command) stays cheap.
"""

from __future__ import annotations

__all__ = ["Decision", "MetricsError", "Policy", "TspolError", "load"]

_LAZY = {
    "load": "tspol.api",
    "Policy": "tspol.api",
    "Decision": "tspol.runtime.decision",
    "MetricsError": "tspol.runtime.metrics",
    "TspolError": "tspol.diagnostics",
}


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'tspol' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(__all__))  # a name already loaded is in both
