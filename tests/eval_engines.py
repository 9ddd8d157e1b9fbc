"""Test helpers for the evaluator: the two engines that must agree, and case tables.

`interpreted(program)` and `compiled(program)` are both functions
`(metrics, region, lang="en") -> decision dict`; the compiled one runs a module
generated in memory from the same IR, as `tspol compile` would write it.
"""

from __future__ import annotations

import json
from pathlib import Path

CASES = Path(__file__).resolve().parent / "cases"


def compiled_module(program):
    from tspol.compiler.cache import load_source
    from tspol.compiler.pygen import generate

    return load_source(generate(program), "<tspol test policy>")


def interpreted(program):
    from tspol.runtime.interpreter import evaluate

    def run(metrics, region, lang="en"):
        return evaluate(program, metrics, region, lang)

    return run


def read_cases(name: str) -> list[dict]:
    with open(CASES / name, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def fired(decision: dict) -> list[str]:
    """`late_dispatch#3`, `late_dispatch/limits#1`: the rows a decision says fired."""
    return [f"{v['rule']}{'/' + v['table'] if v['table'] else ''}#{v['row']}" for v in decision["violations"]]
