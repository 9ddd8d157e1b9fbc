"""No input makes the parser, checker or formatter crash.

Random edits of the bundled pack (a token deleted, duplicated, swapped with
its neighbour or replaced by another token of the pack; random characters
inserted; a line deleted, duplicated or moved; the file cut short) either
check clean or raise `TspolError` with located diagnostics that every
renderer can write; text that parses also formats, and the formatted text
parses to an equal tree. A file with syntax errors reports each at most once,
and what is kept of it is a tree the formatter writes as text that parses.
"""

from __future__ import annotations

import os
import re

import attrs

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tspol.diagnostics import RENDERERS, TspolError, render_text
from tspol.dsl.checker import check
from tspol.dsl.formatter import format_file, format_source
from tspol.dsl.loader import read_sources
from tspol.dsl.parser import parse, parse_partial
from tspol.dsl.syntax_errors import MOST_SYNTAX_ERRORS

from conftest import PACK

SOURCES, RELPATHS = read_sources(PACK)
PATHS = sorted(SOURCES)
# Words, literals with their units, comparators, punctuation, strings, comments, space.
TOKEN = re.compile(r'"[^"\n]*"|#[^\n]*|\d+(?:\.\d+)?(?:%|min|h|d| [A-Z]{3})?|\w+|[<>=]=?|\s+|.')
TOKENS = {path: TOKEN.findall(text) for path, text in SOURCES.items()}
VOCABULARY = sorted({t for tokens in TOKENS.values() for t in tokens if t.strip()})
# More examples for a long hunt: TSPOL_FUZZ_SCALE=20 python -m pytest tests/test_parser_fuzz.py
SCALE = int(os.environ.get("TSPOL_FUZZ_SCALE", "1"))
ODD_TEXT = st.text(alphabet=st.sampled_from('{}()[],:;=<>!%#"\\\n\t x7é中\x00\r'), min_size=1, max_size=4)


@st.composite
def lines_mutated(draw):
    """A line of one file deleted, duplicated or moved."""
    path = draw(st.sampled_from(PATHS))
    lines = SOURCES[path].split("\n")
    i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
    edit = draw(st.sampled_from(["delete", "duplicate", "move"]))
    if edit == "delete":
        del lines[i]
    elif edit == "duplicate":
        lines.insert(j, lines[i])
    else:
        lines.insert(j, lines.pop(i))
    return path, "\n".join(lines)


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


PARSED = {path: parse(text, path) for path, text in SOURCES.items()}


def check_and_format(path: str, text: str) -> None:
    """Check the pack with one file replaced, as `load_pack` does, render what
    it reports in every format, and format the file if it parses."""
    sources = {**SOURCES, path: text}
    files = [tree for other, tree in PARSED.items() if other != path]
    partial = parse_partial(text, path)
    files.append(partial.file)
    problems = list(partial.problems)
    tree = None if problems else partial.file
    check_partial_parse(partial, text, path)
    try:
        check(files, sources, RELPATHS, complete=tree is not None)
    except TspolError as exc:
        problems.extend(exc.diagnostics)
    assert tree is not None or problems
    for d in problems:
        assert d.span is None or (d.span.line >= 1 and d.span.column >= 1), d
    for render in RENDERERS.values():
        render(problems, sources) if render is render_text else render(problems)
    if tree is not None:
        formatted = format_file(tree, text)
        assert parse(formatted, path) == tree
        assert format_source(formatted, path) == formatted


def check_partial_parse(partial, text: str, path: str) -> None:
    """The errors of `parse_partial` are those `parse` raises, each place once, at
    most MOST_SYNTAX_ERRORS and a count; the tree kept is one the formatter writes."""
    try:
        assert parse(text, path) == partial.file and not partial.problems
    except TspolError as exc:
        assert exc.diagnostics == partial.problems
    places = [(d.span.line, d.span.column, d.message) for d in partial.problems]
    assert len(places) == len(set(places)) and len(places) <= MOST_SYNTAX_ERRORS + 1
    kept = attrs.evolve(partial.file, comments=())
    assert parse(format_file(kept, text), path) == kept


@settings(max_examples=150 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_pack())
def test_mutated_pack_checks_or_reports(case):
    path, text = case
    check_and_format(path, text)


@settings(max_examples=80 * SCALE, deadline=None)
@given(lines_mutated())
def test_lines_moved_check_or_report(case):
    path, text = case
    check_and_format(path, text)


@settings(max_examples=200 * SCALE, deadline=None)
@given(st.text(max_size=200))
def test_random_text_parses_or_reports(text):
    try:
        parse(text, "random.pol")
    except TspolError as exc:
        assert exc.diagnostics


@settings(max_examples=60 * SCALE, deadline=None)
@given(st.sampled_from(PATHS), st.data())
def test_truncated_file_reports(path, data):
    text = SOURCES[path]
    cut = data.draw(st.integers(0, len(text)))
    check_and_format(path, text[:cut])
