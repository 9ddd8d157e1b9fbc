"""Policy text is data: nothing written in a pack can run as code in the module.

Every slot of a pack that reaches the generated module (the version, every
name, description and example text, the file names of the pack, the names of
inputs, metrics, regions and rules) is filled with hostile text: quotes that
would close a docstring or a string, line breaks that would end a comment,
NUL, backslashes, braces of f-strings, lone surrogates, names of Python's
builtins and keywords and their generated twins. The module must compile,
import under `python -I -S` without running any of it, and decide exactly as
the interpreter does.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from eval_engines import interpreted
from tspol.compiler.cache import load_source
from tspol.workspace import Workspace
from tspol.compiler.pygen import generate
from tspol.diagnostics import TspolError
from tspol.dsl.sources import read_sources

CANARY = "TSPOL_CANARY_RAN"
PAYLOAD = f"__import__('os').environ.__setitem__('{CANARY}', '1'); open('canary', 'w')"
# Each is written inside a .pol string; the escapes are the .pol language's own.
HOSTILE_TEXTS = (
    f'\\"\\"\\"\\n{PAYLOAD}\\n\\"\\"\\"',  # closes a docstring, runs a statement, reopens one
    f"'''\\n{PAYLOAD}\\n'''",
    f"\\\\\\n{PAYLOAD}\\n#",  # a backslash at the end of a line, then a statement
    f"\\r{PAYLOAD}\\r",
    f"{{{PAYLOAD}}} {{0}} {{lang}} %s %(x)s",  # braces of f-strings and str.format
    "ends in a quote\\\"",
    "ends in a backslash \\\\",
    "中文 emoji 🎉 \u200b zero width",
)
# Control characters the language refuses in a text (E103), so no module is built at all.
REFUSED_TEXTS = ("\x00 NUL \x00", "\x0b\x0c\x1c\x1d\x1e vertical tab, form feed, separators",
                 "\u2028\u2029\x85 breaks that are not newlines")
HOSTILE_FILES = (
    f"a\n{PAYLOAD.replace('/', '_')}\n.pol",
    'q"""x.pol',
    "b\\\\.pol",
    "²x.pol",
    "A.pol",
    "a.pol",
    "sp ace #.pol",
    "\u2028r\x1c.pol",
)
# Inputs named like Python's own names and like the names tspol generates for them.
HOSTILE_INPUTS = ("len", "in_len", "None", "in_None", "get", "_x", "in__x", "ab", "AB", "type", "values",
                  "print", "__builtins__", "__import__", "lang", "metrics")


def hostile_pack(root: Path, text: str) -> Path:
    """A pack whose every text slot is `text`, spread over files with hostile names."""
    pack = root / "pack"
    pack.mkdir()
    texts = f'name en "{text}"\n  name zh "{text}"\n  description en "{text}"\n  example en "{text}"'
    inputs = "\n".join(f'input {name}: count {{\n  {texts}\n}}' for name in HOSTILE_INPUTS)
    decls = [
        f'policy hostile {{\n  {texts}\n  version "{text}"\n  effective 2024-07-15\n}}',
        f"region R {{\n  {texts}\n}}\nregion r {{\n  {texts}\n}}",
        inputs + '\ninput orders: count\ninput late: count { part of orders\n higher is worse }'
                 '\ninput cap_base: number',
        "\n".join(
            f'metric M_{name} = {name} / orders {{\n  {texts}\n  standard M_{name} < 4%\n'
            f'  only if orders > 10\n}}' for name in ("late",)) +
        f'\nmetric M_ab = ab {{\n  {texts}\n  standard M_ab < 5\n}}'
        f'\nmetric M_AB = AB {{\n  {texts}\n  standard M_AB < 6\n}}',
        f"basis base = cap_base {{\n  {texts}\n  round down\n}}\nmeasure m1 {{\n  {texts}\n}}",
        f"rule r1 in R, r {{\n  {texts}\n  on M_late\n  table {{\n"
        f"    when 10% <= M_late < 50% and len >= 1 and in_len >= 2 then points 1\n"
        f"    when M_late >= 50% and None >= 1 and in_None >= 1 then points 2, limit 7d at 10% base, m1\n"
        f"  }}\n  may m1\n}}",
        f"rule r2 in R {{\n  {texts}\n  on M_ab\n  table {{\n"
        f"    when M_ab >= 5 and get >= 1 and _x >= 1 and in__x >= 1 then points 3\n  }}\n}}",
        f"rule r3 in R {{\n  {texts}\n  on M_AB\n  table {{\n"
        f"    when M_AB >= 6 and type >= 1 and values >= 1 and print >= 1 then points 4\n  }}\n}}",
    ]
    assert len(decls) == len(HOSTILE_FILES)
    for name, decl in zip(HOSTILE_FILES, decls):
        (pack / name).write_text(decl + "\n", encoding="utf-8")
    return pack


SELLERS = (
    {"orders": 40, "late": 12, "len": 1, "in_len": 2, "ab": 5, "AB": 6, "get": 1, "_x": 1, "in__x": 1,
     "type": 1, "values": 1, "print": 1},
    {"orders": 40, "late": 30, "None": 1, "in_None": 1, "cap_base": 55, "ab": 0, "AB": 7},
    {"orders": 5, "late": 5, "ab": 4, "AB": 5, "__builtins__": 3, "__import__": 2, "lang": 1, "metrics": 9},
)


@pytest.fixture(params=range(len(HOSTILE_TEXTS)), ids=lambda i: f"text{i}")
def hostile(request, tmp_path):
    pack = hostile_pack(tmp_path, HOSTILE_TEXTS[request.param])
    sources, relpaths = read_sources(pack)
    program = Workspace.of(sources, relpaths, str(pack)).program()
    return tmp_path, generate(program), program


@pytest.mark.parametrize("text", REFUSED_TEXTS)
def test_control_characters_in_a_text_are_refused_where_written(tmp_path, text):
    pack = hostile_pack(tmp_path, text)
    sources, relpaths = read_sources(pack)
    with pytest.raises(TspolError) as refused:
        Workspace.of(sources, relpaths, str(pack)).program()
    codes = {d.code for d in refused.value.diagnostics}
    assert "E103" in codes and codes <= {"E103", "E100"}  # E100: "N more syntax errors, not shown"
    assert all(d.span is not None for d in refused.value.diagnostics)


def test_the_module_decides_as_the_interpreter(hostile, monkeypatch):
    folder, source, program = hostile
    monkeypatch.delenv(CANARY, raising=False)
    monkeypatch.chdir(folder)
    module = load_source(source, "<hostile>")
    assert CANARY not in os.environ and not (folder / "canary").exists()
    for seller in SELLERS:
        for region in ("R", "r"):
            for lang in ("en", "zh"):
                assert module.evaluate(seller, region, lang) == interpreted(program)(seller, region, lang)
    assert module.POLICY["version"] == program.version


def test_the_module_imports_in_isolated_python_and_runs_nothing(hostile):
    folder, source, _ = hostile
    (folder / "hostile_module.py").write_text(source, encoding="utf-8")
    script = textwrap.dedent(f"""
        import json, os, sys
        sys.path.insert(0, {str(folder)!r})
        import hostile_module
        print(json.dumps({{"ran": {CANARY!r} in os.environ, "points": hostile_module.evaluate({SELLERS[0]!r}, "R")["points"]}}))
    """)
    done = subprocess.run([sys.executable, "-I", "-S", "-c", script], capture_output=True, text=True, cwd=folder)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"ran": False, "points": 1 + 3 + 4}
    assert not (folder / "canary").exists()


def test_every_generated_name_is_distinct(hostile):
    """`ab` and `AB`, files `A.pol` and `a.pol`: each text constant and function defined once
    (their decisions and explanations are held to the interpreter's above)."""
    _, source, _ = hostile
    import ast as pyast

    tree = pyast.parse(source)
    defined = [target.id for node in tree.body if isinstance(node, pyast.Assign)
               for target in node.targets if isinstance(target, pyast.Name)]
    defined += [node.name for node in tree.body if isinstance(node, (pyast.FunctionDef, pyast.ClassDef))]
    assert len(defined) == len(set(defined)), sorted(n for n in defined if defined.count(n) > 1)
