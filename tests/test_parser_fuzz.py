"""No input makes the parser, checker or formatter crash.

Random edits of the bundled pack (a token deleted, duplicated, swapped with
its neighbour or replaced by another token of the pack; random characters
inserted) either check clean or raise `TspolError`; text that parses also
formats, and the formatted text parses to an equal tree.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tspol.diagnostics import TspolError
from tspol.dsl.checker import check
from tspol.dsl.formatter import format_source
from tspol.dsl.loader import parse_sources, read_sources
from tspol.dsl.parser import parse

from conftest import PACK

SOURCES, RELPATHS = read_sources(PACK)
PATHS = sorted(SOURCES)
# Words, literals with their units, comparators, punctuation, strings, comments, space.
TOKEN = re.compile(r'"[^"\n]*"|#[^\n]*|\d+(?:\.\d+)?(?:%|min|h|d| [A-Z]{3})?|\w+|[<>=]=?|\s+|.')
TOKENS = {path: TOKEN.findall(text) for path, text in SOURCES.items()}
VOCABULARY = sorted({t for tokens in TOKENS.values() for t in tokens if t.strip()})
ODD_TEXT = st.text(alphabet=st.sampled_from('{}()[],:;=<>!%#"\\\n\t x7é中\x00\r'), min_size=1, max_size=4)


@st.composite
def mutated_pack(draw):
    path = draw(st.sampled_from(PATHS))
    tokens = list(TOKENS[path])
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(tokens) - 1))
        edit = draw(st.sampled_from(["delete", "duplicate", "swap", "replace", "insert"]))
        if edit == "delete":
            del tokens[i]
        elif edit == "duplicate":
            tokens.insert(i, tokens[i])
        elif edit == "swap" and i + 1 < len(tokens):
            tokens[i], tokens[i + 1] = tokens[i + 1], tokens[i]
        elif edit == "replace":
            tokens[i] = draw(st.sampled_from(VOCABULARY))
        else:
            tokens.insert(i, draw(ODD_TEXT))
    return path, "".join(tokens)


def check_text(path: str, text: str) -> None:
    sources = {**SOURCES, path: text}
    try:
        check(parse_sources(sources), sources, RELPATHS)
    except TspolError as exc:
        assert exc.diagnostics, "a TspolError carries at least one diagnostic"
        for d in exc.diagnostics:
            assert d.span is None or (d.span.line >= 1 and d.span.column >= 1), d


def format_text(path: str, text: str) -> None:
    try:
        tree = parse(text, path)
    except TspolError:
        return
    formatted = format_source(text, path)
    assert parse(formatted, path) == tree
    assert format_source(formatted, path) == formatted


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_pack())
def test_mutated_pack_checks_or_reports(case):
    path, text = case
    check_text(path, text)
    format_text(path, text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_random_text_parses_or_reports(text):
    try:
        parse(text, "random.pol")
    except TspolError as exc:
        assert exc.diagnostics


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(PATHS), st.data())
def test_truncated_file_reports(path, data):
    text = SOURCES[path]
    cut = data.draw(st.integers(0, len(text)))
    check_text(path, text[:cut])
