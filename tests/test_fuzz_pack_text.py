"""Fuzzing what a pull request to a policy repository controls: the names of its files
and every text it writes, spread over the slots that reach the generated module.

Whatever they hold, `tspol` either refuses the pack with located errors (a path of the
pack and a line) or builds a module that compiles, runs none of the text, and decides
as the interpreter does. The table-driven cases beside it (test_codegen_safety.py) hold
each class found so far; this searches for the next one, on a small budget.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from eval_engines import interpreted
from test_codegen_safety import CANARY, HOSTILE_FILES, HOSTILE_TEXTS, PAYLOAD
from tspol.compiler.cache import load_source
from tspol.diagnostics import TspolError
from tspol.workspace import Workspace

# What breaks code that pastes text: quotes, backslashes, line ends, braces, comment marks.
NASTY = "\"'\\\n\r\t{}#%$`;()\x00\x0b\x1c\u2028\u2029\x85\u200b²é中🎉"
TEXTS = st.one_of(st.text(alphabet=st.sampled_from(NASTY) | st.characters(exclude_categories=("Cs",)), max_size=40),
                  st.sampled_from(HOSTILE_TEXTS).map(lambda text: text.encode().decode("unicode_escape")),
                  st.just(f'"""\n{PAYLOAD}\n"""'))
FILE_NAMES = st.one_of(
    st.text(alphabet=st.characters(exclude_categories=("Cs",), exclude_characters="/\x00"), min_size=1,
            max_size=12).map(lambda stem: stem + ".pol"),
    st.sampled_from([name for name in HOSTILE_FILES if "/" not in name]))


def pol_string(text: str) -> str:
    """`text` as a .pol string literal: the language's escapes for quote, backslash and
    line breaks; any other character as it is (control characters are refused there)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'


def pack_text(text: str) -> tuple[str, str]:
    quoted = pol_string(text)
    policy = (f"policy fuzzed {{\n  version {quoted}\n  name en {quoted}\n  effective 2024-07-15\n}}\n"
              f"region US {{ name en {quoted} }}\n")
    rules = (f"input orders: count {{ name en {quoted} }}\n"
             f"input late: count {{\n  part of orders\n  description en {quoted}\n}}\n"
             f"metric LDR = late / orders {{ example en {quoted} }}\n"
             f"rule r in US {{\n  name zh {quoted}\n  on LDR\n  table {{\n"
             f"    when 10% <= LDR < 50% then points 1\n    when 50% <= LDR then points 2\n  }}\n}}\n")
    return policy, rules


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=FILE_NAMES, text=TEXTS)
def test_a_module_runs_no_text_and_decides_as_the_interpreter(tmp_path_factory, monkeypatch, name, text):
    pack = tmp_path_factory.mktemp("pack")
    policy, rules = pack_text(text)
    (pack / "policy.pol").write_text(policy, encoding="utf-8")
    target = pack / name if name != "policy.pol" else pack / "other.pol"
    target.write_text(rules, encoding="utf-8")
    monkeypatch.delenv(CANARY, raising=False)
    monkeypatch.chdir(pack)
    workspace = Workspace.open(pack)
    try:
        source = workspace.generate("python")
    except TspolError as refused:
        event("refused")
        assert refused.diagnostics and all(d.span is not None or d.path for d in refused.diagnostics)
        return
    event("compiled")
    module = load_source(source, "<fuzzed>")
    assert CANARY not in os.environ and not (pack / "canary").exists()
    program = workspace.program()
    for seller in ({"orders": 10, "late": 1}, {"orders": 10, "late": 6}, {"orders": 0, "late": 0}, {}):
        assert module.evaluate(seller, "US") == interpreted(program)(seller, "US")
