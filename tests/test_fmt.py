"""`tspol fmt`: one canonical layout, comments kept, idempotent; --check and --diff.

The bundled pack is canonical, so any copy of it with its spacing, indentation
and line breaks messed up must format back to the same bytes.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tspol.dsl.formatter import format_source
from tspol.dsl.parser import parse

from conftest import FIXTURES, PACK

SOURCES = {path.name: path.read_text(encoding="utf-8") for path in sorted(PACK.glob("*.pol"))}
# Strings, comments, dates, amounts with their currency, literals, words, punctuation.
TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"|#[^\n]*|\d{4}-\d\d-\d\d|\d+(?:\.\d+)?(?: [A-Z]{3}\b|%|min|h|d)?|\w+|[<>=]=|\S')
PUNCTUATION = set("{},:=/<>") | {"<=", ">=", "=="}


def mess_up(text: str, rng: random.Random) -> str:
    """The same pack with other spacing, indentation, blank lines and line breaks.

    Only what the layout does not keep changes: a blank line stays a blank
    line (maybe several, maybe with spaces), and a comment stays at the end of
    its line or on a line of its own.
    """
    out = []
    for line in text.split("\n"):
        if not line.strip():
            out.append("\n".join(rng.choice(["", " ", "\t  "]) for _ in range(rng.randint(1, 3))))
            continue
        tokens = TOKEN.findall(line)
        pieces = [rng.choice(["", " ", "    ", "\t"])]
        for previous, token in zip([None] + tokens, tokens):
            if previous is not None:
                pieces.append(_separator(previous, token, rng))
            pieces.append(token)
        pieces.append(rng.choice(["", " ", "\t "]))
        out.append("".join(pieces))
    return "\n".join(out).rstrip("\n") + rng.choice(["", "\n", "\n\n"])


def _separator(previous: str, token: str, rng: random.Random) -> str:
    choices = [" ", "  ", "\t", " \t "]
    if not token.startswith("#"):
        choices += ["\n", "\n      ", " \n\t"]  # a statement may run over lines
    if previous in PUNCTUATION or token in PUNCTUATION:
        choices.append("")
    return rng.choice(choices)


@pytest.mark.parametrize("name", sorted(SOURCES))
@pytest.mark.parametrize("seed", range(3))
def test_messed_up_pack_formats_back_to_the_same_bytes(name, seed):
    messy = mess_up(SOURCES[name], random.Random(f"{name}{seed}"))
    assert messy != SOURCES[name]
    assert format_source(messy, name) == SOURCES[name]


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(sorted(SOURCES)), st.randoms(use_true_random=False))
def test_any_mess_formats_back(name, rng):
    assert format_source(mess_up(SOURCES[name], rng), name) == SOURCES[name]


# ---- comments in odd places: tests/fixtures/fmt/layout.txt -----------------------------------

def layout_cases() -> list[tuple[str, str, str]]:
    """`=== name`, the input, `---`, the formatted text."""
    text = (FIXTURES / "fmt" / "layout.txt").read_text(encoding="utf-8")
    cases = []
    for block in re.split(r"^=== ", text, flags=re.M)[1:]:
        name, _, body = block.partition("\n")
        source, _, expected = body.partition("\n---\n")
        cases.append((name.strip(), source + "\n", expected))
    return cases


@pytest.mark.parametrize("name,source,expected", layout_cases(), ids=[c[0] for c in layout_cases()])
def test_layout(name, source, expected):
    assert format_source(source, name) == expected
    assert format_source(expected, name) == expected
    assert parse(expected, name) == parse(source, name)


def test_crlf_and_tabs_are_read_and_written_canonically():
    messy = SOURCES["ledger.pol"].replace("\n", "\r\n").replace("  ", "\t")
    assert format_source(messy, "ledger.pol") == SOURCES["ledger.pol"]


# ---- the command -------------------------------------------------------------------------------

def mess_up_pack(pack: Path, names: list[str]) -> None:
    for name in names:
        file = pack / name
        file.write_text(mess_up(file.read_text(encoding="utf-8"), random.Random(name)), encoding="utf-8")


def test_fmt_check_names_the_files_that_would_change(cli, pack_copy):
    mess_up_pack(pack_copy, ["ledger.pol", "metrics.pol"])
    before = {p.name: p.read_bytes() for p in pack_copy.glob("*.pol")}
    result = cli("fmt", "--check", pack_copy)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [f"would reformat {pack_copy / 'ledger.pol'}",
                                          f"would reformat {pack_copy / 'metrics.pol'}"]
    assert {p.name: p.read_bytes() for p in pack_copy.glob("*.pol")} == before


def test_fmt_diff_shows_how(cli, pack_copy):
    file = pack_copy / "policy.pol"
    file.write_text(file.read_text(encoding="utf-8").replace("  effective 2024-07-15", "effective   2024-07-15"),
                    encoding="utf-8")
    result = cli("fmt", "--diff", file)
    assert result.exit_code == 1
    assert result.stdout == (
        f"--- a/{str(file).lstrip('/')}\n+++ b/{str(file).lstrip('/')}\n@@ -6,7 +6,7 @@\n"
        '   name en "TikTok Shop cross-border seller performance policy (US, SEA, UK)"\n'
        '   name zh "跨境卖家绩效评估规则(美国、东南亚、英国)"\n'
        '   version "2025-11-11"\n'
        "-effective   2024-07-15\n"
        "+  effective 2024-07-15\n"
        " }\n \n # §1 Scope: every cross-border seller that lists and sells in these regions.\n")
    assert "effective   2024" in file.read_text(encoding="utf-8")


def test_fmt_writes_the_canonical_layout_once(cli, pack_copy):
    mess_up_pack(pack_copy, sorted(SOURCES))
    assert cli("fmt", pack_copy).exit_code == 0
    assert {p.name: p.read_text(encoding="utf-8") for p in pack_copy.glob("*.pol")} == SOURCES
    again = cli("fmt", "--check", pack_copy)
    assert again.exit_code == 0 and again.stdout == ""
    assert "8 files already formatted" in again.stderr


def test_fmt_reports_syntax_errors_and_leaves_the_file(cli, pack_copy):
    file = pack_copy / "ledger.pol"
    file.write_text("ledger {\n  points expire after 180d\n", encoding="utf-8")
    result = cli("fmt", pack_copy)
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{file}:1:8: error[E101]: this block is never closed")
    assert file.read_text(encoding="utf-8") == "ledger {\n  points expire after 180d\n"


def test_fmt_reads_standard_input(cli):
    result = cli("fmt", "-", input="region   US{name en \"x\"}  # the US\n")
    assert result.exit_code == 0
    assert result.stdout == 'region US {\n  name en "x"\n}  # the US\n'


def test_fmt_check_and_diff_of_standard_input(cli):
    messy, tidy = 'region   US{name en "x"}\n', 'region US {\n  name en "x"\n}\n'
    result = cli("fmt", "-", "--check", input=messy)
    assert (result.exit_code, result.stdout) == (1, "would reformat <stdin>\n")
    result = cli("fmt", "-", "--diff", input=messy)
    assert result.exit_code == 1
    assert result.stdout.startswith("--- a/<stdin>\n+++ b/<stdin>\n")
    assert "+region US {\n" in result.stdout
    for option in ("--check", "--diff"):
        result = cli("fmt", "-", option, input=tidy)
        assert (result.exit_code, result.stdout) == (0, "")


def test_fmt_of_standard_input_that_is_not_utf8(cli):
    result = cli("fmt", "-", input=b"region \xff\n")
    assert result.exit_code == 1
    assert result.stdout.startswith("<stdin>:1:8: error[E002]: this file is not UTF-8 text: byte 0xff")


@pytest.mark.parametrize("args", [["fmt", "no/such/pack"], ["fmt", "--nope"], ["fmt", "-", "policies"]])
def test_fmt_usage_errors_exit_2(cli, args):
    assert cli(*args).exit_code == 2


def test_fmt_of_a_file_that_is_not_utf8(cli, tmp_path):
    file = tmp_path / "bad.pol"
    file.write_bytes(b"region \xff\n")
    result = cli("fmt", file)
    assert result.exit_code == 1
    assert "is not UTF-8 text" in result.stdout


def test_fmt_never_rewrites_the_bundled_pack(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no ./policies here: the default is the bundled pack
    result = cli("fmt")
    assert result.exit_code == 2
    assert "not rewritten in place" in result.stderr
    assert cli("fmt", "--check").exit_code == 0
