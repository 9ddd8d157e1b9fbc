"""Syntax errors: each bad statement reported once, at its place, in words, and the
rest of the file kept for the checker; in time and output linear in the file.

The cases are data, tests/fixtures/syntax/recovery.txt: a file's text, every
error it reports, and the tree of the rest as the formatter writes it.
"""

from __future__ import annotations

import re

import attrs
import pytest

from tspol.diagnostics import TspolError, render_text
from tspol.dsl import parser
from tspol.dsl.formatter import format_file
from tspol.dsl.parser import parse, parse_partial
from tspol.dsl.syntax_errors import MOST_SYNTAX_ERRORS

from conftest import FIXTURES

CASES_FILE = FIXTURES / "syntax" / "recovery.txt"


@attrs.frozen
class Case:
    name: str
    text: str
    errors: tuple[str, ...]
    kept: str


def read_cases() -> list[Case]:
    text = re.sub(r"<U\+([0-9A-F]{4})>", lambda m: chr(int(m.group(1), 16)), CASES_FILE.read_text(encoding="utf-8"))
    body = "\n".join(line for line in text.split("\n") if not line.startswith("#"))
    cases = []
    for block in re.split(r"^=== ", body, flags=re.M)[1:]:
        name, _, rest = block.partition("\n")
        text, _, rest = rest.partition("--- errors\n")
        errors, _, kept = rest.partition("--- kept\n")
        cases.append(Case(name.strip(), text, tuple(errors.strip("\n").split("\n")) if errors.strip() else (),
                          kept.rstrip("\n") + "\n"))
    return cases


def error_line(d) -> str:
    s = d.span
    where = f"{s.line}:{s.column}-{s.end_column}" if s.end_line == s.line else f"{s.line}:{s.column}-{s.end_line}:{s.end_column}"
    return f"{where} {d.code} {d.message}"


def kept_text(file, text: str) -> str:
    return format_file(attrs.evolve(file, comments=()), text) or "(nothing)\n"


def outcome(text: str) -> tuple[tuple[str, ...], str]:
    parsed = parse_partial(text, "t.pol")
    return tuple(error_line(d) for d in parsed.problems), kept_text(parsed.file, text)


CASES = read_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_recovery(case):
    assert outcome(case.text) == (case.errors, case.kept)
    with pytest.raises(TspolError) as caught:  # `parse`, for fmt and the compiler: the same errors, no tree
        parse(case.text, "t.pol")
    assert tuple(error_line(d) for d in caught.value.diagnostics) == case.errors


def test_there_are_cases():
    assert len(CASES) >= 10 and all(case.errors for case in CASES)


# ---- linear in the file, bounded in output ---------------------------------------------

def regions(count: int, bad_every: int = 0) -> str:
    """`count` region declarations; every `bad_every`-th (if any) with a text not quoted."""
    return "".join(f'region R{i} {{\n  name en {"x" if bad_every and i % bad_every == 0 else chr(34) + "x" + chr(34)}\n}}\n'
                   for i in range(count))


@pytest.fixture
def tokens_fed(monkeypatch):
    """Counts the tokens the LALR parser is fed, by Lark's own parse and by the recovery alike."""
    state_class = type(parser._lark().parse_interactive("", start="start").parser_state)
    original, fed = state_class.feed_token, [0]

    def counting(self, token, is_end=False):
        fed[0] += 1
        return original(self, token, is_end)

    monkeypatch.setattr(state_class, "feed_token", counting)

    def count(text: str) -> int:
        fed[0] = 0
        parse_partial(text, "t.pol")
        return fed[0]
    return count


def test_errors_cost_work_linear_in_the_file(tokens_fed):
    """Parsing each declaration again, as before, fed (declarations x tokens): here
    a file with an error in every fourth of 400 declarations is read about three
    times (Lark's parse up to the first error, the recovery, the tree of the rest)."""
    clean = tokens_fed(regions(400))
    assert tokens_fed(regions(400, bad_every=4)) <= 3.5 * clean
    assert tokens_fed(regions(400, bad_every=400)) <= 3.5 * clean  # one error, at the start


def test_an_error_at_the_end_of_a_large_file_is_found_at_once():
    """A 70 KB file with its error near the end (it took 75 s when each declaration
    was parsed again); the limit is only a guard against a hang."""
    import time

    text = regions(2000) + "region Z { name en x }\n"
    started = time.monotonic()
    [d] = parse_partial(text, "t.pol").problems
    assert (d.span.line, d.span.column) == (6001, 20)
    assert time.monotonic() - started < 20


@pytest.mark.parametrize("text,shown_first", [
    ("policy p {\n" + "{" * 10_000 + "\n}\n", "these 9,999 blocks are never closed"),
    ("policy p {\n" + "}" * 10_000 + "\n", "these 9,999 `}` close no block"),
    ("policy p {\n" + "{\n" * 10_000 + "}\n", "this block is never closed"),
    ("region R {\n" + "  name en x\n" * 10_000 + "}\n", "expected a quoted text"),
    (regions(10_000, bad_every=1), "expected a quoted text"),
])
def test_many_errors_print_a_bounded_report(text, shown_first):
    """Each run of braces is one problem; at most MOST_SYNTAX_ERRORS errors a file,
    then one that says how many more; no message quotes a long text."""
    problems = parse_partial(text, "t.pol").problems
    assert len(problems) <= MOST_SYNTAX_ERRORS + 1
    assert any(shown_first in d.message for d in problems)
    assert all(len(d.message) < 200 for d in problems)
    if len(problems) == MOST_SYNTAX_ERRORS + 1:
        assert re.fullmatch(r"[\d,]+ more syntax errors from here to the end of the file, not shown",
                            problems[-1].message)
    assert len(render_text(problems, {"t.pol": text})) < 60_000
