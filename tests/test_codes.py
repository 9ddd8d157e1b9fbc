"""The registry of diagnostic codes (tspol/codes.py) and `tspol explain`.

Every code tspol reports is registered, once, with a summary, an explanation
and an example that gives the message it shows; `tspol explain` prints each;
the README's list of codes is `tspol explain --list --format markdown`.
"""

from __future__ import annotations

import ast
import contextlib
import io
import os
import re
import runpy
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tspol import codes
from tspol.cli.main import cli

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted(p for p in (ROOT / "tspol").rglob("*.py") if p.name != "codes.py")
CODE_LITERAL = re.compile(r"""["']([EW][0-9]{3})["']""")
README = ROOT / "README.md"
START, END = "<!-- codes:start -->\n", "<!-- codes:end -->"


def _relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def literals_in_source() -> dict[str, list[str]]:
    """Every code written as a string literal in tspol, and where."""
    found: dict[str, list[str]] = {}
    for path in SOURCES:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for code in CODE_LITERAL.findall(line):
                found.setdefault(code, []).append(f"{_relative(path)}:{number}")
    return found


def constants_in_source() -> list[tuple[str, str, str]]:
    """(module file, NAME, code) of every module-level `NAME = "E123"` in tspol."""
    found = []
    for path in SOURCES:
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if (isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
                    and isinstance(node.value.value, str) and codes.CODE_PATTERN.fullmatch(node.value.value)):
                found.extend((_relative(path), target.id, node.value.value)
                             for target in node.targets if isinstance(target, ast.Name))
    return found


def uses_in_source() -> set[str]:
    """The codes tspol reports: written as literals, or named by their registry constant
    in a module that imports the registry."""
    used = set(literals_in_source())
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        if "tspol.codes" in text or "from tspol import codes" in text:
            used.update(e.code for e in codes.REGISTRY if re.search(rf"\b{e.name}\b", text))
    return used


# ---- every code is registered, once ------------------------------------------------------

def test_every_code_literal_in_tspol_is_registered():
    unknown = {code: places for code, places in literals_in_source().items() if code not in codes.CODES}
    assert not unknown, f"codes reported but not in tspol/codes.py: {unknown}"


def test_every_code_constant_in_tspol_is_registered_under_its_name():
    """A module's `NAME = "E123"` is the registry's code of that name (or of a name that
    ends with it, where two modules use one name for two codes: VALUE_NOT_WHOLE)."""
    problems = []
    for module, name, code in constants_in_source():
        entry = codes.CODES.get(code)
        if entry is None:
            problems.append(f"{module}: {name} = {code!r} is not registered")
        elif entry.name != name and not entry.name.endswith("_" + name):
            problems.append(f"{module}: {name} = {code!r}, but the registry names {code} {entry.name}")
    assert not problems, "\n".join(problems)


def test_every_registered_code_is_reported_somewhere():
    used = uses_in_source()
    stale = [e.code for e in codes.REGISTRY if e.code not in used]
    assert not stale, f"registered in tspol/codes.py, but nothing in tspol reports them: {stale}"


def test_no_code_is_registered_twice():
    seen = [e.code for e in codes.REGISTRY]
    assert sorted(c for c in set(seen) if seen.count(c) > 1) == []
    names = [e.name for e in codes.REGISTRY]
    assert sorted(n for n in set(names) if names.count(n) > 1) == []


def test_the_constants_of_the_registry_are_its_codes():
    constants = {name: value for name, value in vars(codes).items()
                 if name.isupper() and isinstance(value, str) and codes.CODE_PATTERN.fullmatch(value)}
    assert constants == {e.name: e.code for e in codes.REGISTRY}
    assert codes.named("DEAD_ROW") is codes.CODES["E502"]


def test_the_registry_is_in_order_of_family_then_severity():
    def key(code):
        return int(code[1]), code[0], int(code[1:])

    assert [e.code for e in codes.REGISTRY] == sorted(codes.CODES, key=key)


def test_severity_matches_the_letter():
    assert all(e.severity == {"E": "error", "W": "warning"}[e.code[0]] for e in codes.REGISTRY)


@pytest.mark.parametrize("entry", codes.REGISTRY, ids=lambda e: e.code)
def test_each_entry_is_documented(entry):
    assert entry.summary.strip() and "\n" not in entry.summary and not entry.summary.endswith(".")
    assert len(entry.explanation) > 100, "say what it means, why tspol says it, and how to fix it"
    assert entry.example.files and entry.example.command and entry.example.output.strip()
    assert entry.code in entry.example.output


def test_importing_the_registry_loads_no_parser():
    script = "import sys, tspol.codes; print(sorted(m for m in ('lark', 'tspol.dsl.parser', 'click') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


# ---- every example gives its message ------------------------------------------------------

def run_example(example: codes.Example, folder: Path) -> str:
    """Write the example's files in `folder`, run its command there, and return what it printed."""
    for path, text in example.files:
        file = folder / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(text.encode(example.encoding))
    argv = shlex.split(example.command)
    previous = os.getcwd()
    os.chdir(folder)
    try:
        if argv[0] == "tspol":
            return CliRunner().invoke(cli, argv[1:], catch_exceptions=False).output
        assert argv[0] == "python", example.command
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            runpy.run_path(argv[1], run_name="__main__")
        return out.getvalue()
    finally:
        os.chdir(previous)


@pytest.mark.parametrize("entry", [e for e in codes.REGISTRY if e.example.runs], ids=lambda e: e.code)
def test_each_example_gives_the_message_it_shows(entry, tmp_path):
    printed = run_example(entry.example, tmp_path)
    assert entry.example.output in printed, (
        f"the example of {entry.code} in tspol/codes.py no longer prints what it shows; it printed:\n{printed}")
    reported = set(re.findall(r"\b[EW][0-9]{3}\b", printed))
    assert reported == {entry.code}, f"the example of {entry.code} should report that code alone: {printed}"


def test_only_a_bug_a_timeout_and_a_missing_extra_have_examples_that_do_not_run():
    """No input reproduces them (E003 needs an installation without the `duckdb` extra,
    which the test run has); every other example is run above, so that each shows what
    tspol really says."""
    assert {e.code for e in codes.REGISTRY if not e.example.runs} == {"E003", "E619", "W504"}


# ---- tspol explain ----------------------------------------------------------------------

def explain(*args):
    return CliRunner().invoke(cli, ["explain", *args], catch_exceptions=False)


@pytest.mark.parametrize("entry", codes.REGISTRY, ids=lambda e: e.code)
def test_explain_prints_each_code(entry):
    result = explain(entry.code)
    assert result.exit_code == 0, result.output
    text = result.output
    assert text.startswith(f"{entry.severity}[{entry.code}]: {entry.summary}\n")
    assert " ".join(entry.explanation.split()) in " ".join(text.split())
    assert f"$ {entry.example.command}\n" in text
    assert all(line.strip() in text for line in entry.example.output.splitlines())
    markdown = explain(entry.code, "--format", "markdown").output
    assert markdown.startswith(f"## {entry.code}: {entry.summary}\n") and entry.explanation in markdown


def test_explain_reads_a_code_as_tspol_prints_it():
    assert explain("e502").output == explain("E502").output == explain("error[E502]").output


def test_explain_wraps_the_explanation_but_never_the_example():
    text = explain("E501").output
    before, _, example = text.partition("Example:\n")
    assert max(len(line) for line in before.splitlines()) <= codes.WIDTH
    assert codes.CODES["E501"].example.output.splitlines()[0] in example  # a long line, whole


@pytest.mark.parametrize("typed, hint", [
    ("E503", "did you mean `W503`?"),  # the other letter
    ("E530", "did you mean `W503`?"),  # digits swapped
    ("502", "did you mean `E502` or `W502`?"),  # no letter
    ("E999", None),
    ("E" + "1234567890" * 3, None),  # not every order of its digits
    ("nonsense", None),
])
def test_an_unknown_code_is_a_usage_error_with_a_did_you_mean(typed, hint):
    result = explain(typed)
    assert result.exit_code == 2
    assert f"unknown code `{typed}`" in result.output and "Traceback" not in result.output
    assert (hint in result.output) if hint else "did you mean" not in result.output


def test_explain_without_a_code_lists_every_code():
    listing = explain().output
    assert listing == explain("--list").output == codes.list_text()
    assert [line.split()[0] for line in listing.splitlines()] == [e.code for e in codes.REGISTRY]
    assert "E502  error    A row that can never fire\n" in listing


def test_explain_a_code_and_the_list_at_once_is_a_usage_error():
    result = explain("E502", "--list")
    assert result.exit_code == 2 and "not both" in result.output


def test_the_markdown_list_is_a_table_of_every_code():
    rows = explain("--list", "--format", "markdown").output.splitlines()
    assert rows[:2] == ["| code | severity | summary |", "|---|---|---|"]
    assert [row.split(" | ")[0].lstrip("| ") for row in rows[2:]] == [e.code for e in codes.REGISTRY]
    assert all(row.count(" | ") == 2 for row in rows[2:])  # no `|` of a summary splits a cell


def test_the_readme_lists_the_codes_of_the_registry():
    text = README.read_text(encoding="utf-8")
    assert text.count(START) == 1 and text.count(END) == 1, "README.md needs the markers of its list of codes"
    listed = text.split(START)[1].split(END)[0]
    assert listed == explain("--list", "--format", "markdown").output, (
        "the list of codes in README.md is not the registry's: replace the lines between "
        f"{START.strip()} and {END} with the output of `tspol explain --list --format markdown`")
