"""Format, then parse: the same tree. Format twice: the same text.

Random syntax trees are built from strategies for every node type (valid by
construction: anything the grammar accepts, whether or not the checker would),
written with the formatter, and parsed back. Comments are then put on random
lines of the formatted text, on lines of their own and at the ends of lines,
and formatting must keep each one, in order, beside the same statement.
"""

from __future__ import annotations

import os
import re
from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tspol.dsl import ast
from tspol.dsl.formatter import format_file, format_source
from tspol.dsl.parser import _lark, parse
from tspol.dsl.syntax_errors import _terminal_literals

KEYWORDS = {word for word in _terminal_literals(_lark()).values() if word.isalpha()}
# More examples for a long hunt: TSPOL_FUZZ_SCALE=20 python -m pytest tests/test_roundtrip_properties.py
SETTINGS = settings(max_examples=150 * int(os.environ.get("TSPOL_FUZZ_SCALE", "1")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

# ---- leaves ----------------------------------------------------------------------------

names = st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,7}", fullmatch=True).filter(lambda n: n not in KEYWORDS)
name = names.map(ast.Name)
name_list = st.lists(name, min_size=1, max_size=3).map(tuple)
decimals = st.builds(
    lambda whole, digits: Fraction(f"{whole}.{digits}") if digits else Fraction(whole),
    st.one_of(st.integers(0, 10**6), st.integers(0, 10**18 - 1)),
    # up to the 36 places a literal may have: `0.0000000000000000000000000000001%` once came back as a fraction
    st.one_of(st.just(""), st.from_regex(r"[0-9]{1,3}", fullmatch=True), st.from_regex(r"[0-9]{4,36}", fullmatch=True)))
quantity = st.one_of(
    st.builds(ast.Quantity, st.just("number"), decimals),
    st.builds(ast.Quantity, st.just("percent"), decimals),
    st.builds(ast.Quantity, st.just("duration"), decimals, st.sampled_from(["min", "h", "d"])),
    st.builds(ast.Quantity, st.just("money"), decimals, st.from_regex(r"[A-Z]{3}", fullmatch=True)),
)
operand = st.one_of(name, quantity)
# What a text can hold: any character but control characters, which only escapes write.
strings = st.text(st.one_of(st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp")), st.sampled_from("\t\n\r")),
                  max_size=20)
text = st.builds(ast.Text, st.sampled_from(["name", "description", "example"]), name, strings)

# ---- conditions and actions ------------------------------------------------------------

comparators = st.sampled_from(["<", "<=", ">", ">=", "=="])


@st.composite
def comparison(draw):
    operands = draw(st.lists(operand, min_size=2, max_size=4))
    ops = draw(st.lists(comparators, min_size=len(operands) - 1, max_size=len(operands) - 1))
    return ast.Comparison(tuple(operands), tuple(ops))


# Conditions in the one form the parser gives them (the formatter writes each so):
# an `and`'s items are comparisons, `not`s and `or`s; an `or`'s alternatives are
# `and`s that are not a single `or`; a `not` holds a comparison, a `not`, an `or`,
# or an `and` of two items or more.
def _conditions(depth: int):
    plain = st.lists(comparison(), min_size=1, max_size=3).map(lambda cs: ast.Condition(tuple(cs)))
    if depth == 0:
        return plain
    inner = _conditions(depth - 1)
    alternatives = inner.filter(lambda c: not (len(c.items) == 1 and isinstance(c.items[0], ast.AnyOf)))
    any_of = st.lists(alternatives, min_size=2, max_size=3).map(lambda a: ast.AnyOf(tuple(a)))
    negated = st.one_of(comparison(), inner.filter(lambda c: len(c.items) > 1), any_of,
                        st.deferred(lambda: not_item)).map(ast.Not)
    not_item = st.one_of(comparison(), any_of).map(ast.Not)
    item = st.one_of(comparison(), comparison(), any_of, negated)
    return st.one_of(plain, st.lists(item, min_size=1, max_size=3).map(lambda items: ast.Condition(tuple(items))))


condition = _conditions(2)
action = st.one_of(
    st.builds(ast.Points, quantity),
    st.just(ast.WarningAction()),
    # a basis named like a currency after a plain number (`at 0 AAA`) reads as an amount of
    # money: the language cannot write that tree, and a limit's share is a percentage anyway
    st.builds(ast.Limit, quantity, quantity, name.filter(lambda n: not re.fullmatch(r"[A-Z]{3}", n.value))),
    st.builds(ast.MeasureAction, name),
)
actions = st.lists(action, min_size=1, max_size=3).map(tuple)
row = st.builds(ast.Row, condition, actions)
otherwise = st.builds(ast.Row, st.none(), actions)
table = st.builds(lambda name, hit, rows, last: ast.Table(name, hit, rows + last),
                  st.none() | name, st.sampled_from([None, "exclusive", "first", "all"]),
                  st.lists(row, max_size=3).map(tuple), st.sampled_from([(), ()]) | otherwise.map(lambda r: (r,)))


def items(*kinds):
    return st.lists(st.one_of(*kinds), max_size=4).map(tuple)


# ---- declarations --------------------------------------------------------------------------

threshold = st.builds(
    ast.Threshold, quantity,
    st.lists(st.builds(ast.ThresholdMeasure, name, st.none() | quantity), max_size=3).map(tuple))
hold_outcome = st.one_of(
    st.builds(ast.HoldOutcome, st.sampled_from(["accepted", "rejected"]), st.none(), st.just("keep"), st.none()),
    st.builds(ast.HoldOutcome, st.sampled_from(["accepted", "rejected"]), st.none(), st.just("release"), quantity),
    st.builds(ast.HoldOutcome, st.just("none"), quantity, st.just("keep"), st.none()),
    st.builds(ast.HoldOutcome, st.just("none"), quantity, st.just("release"), quantity),
)
type_spec = st.builds(ast.TypeSpec, st.sampled_from(["count", "number", "rate", "duration", "money"]),
                      st.none() | name)
direction = st.builds(ast.Direction, st.sampled_from(["higher", "lower"]))
may = st.builds(ast.May, name_list)

declaration = st.one_of(
    st.builds(ast.Policy, name, items(text, st.builds(ast.Version, strings),
                                      st.builds(ast.Effective, st.from_regex(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", fullmatch=True)))),
    st.builds(ast.Region, name, items(text)),
    st.builds(ast.Measure, name, items(text)),
    st.builds(ast.Category, name, items(text)),
    st.builds(ast.Input, name, type_spec, items(text, st.builds(ast.PartOf, name), direction)),
    st.builds(ast.Basis, name, name, items(text, st.builds(ast.Rounding, st.sampled_from(["down", "up"])))),
    st.builds(ast.Metric, name, name, st.none() | name,
              items(text, direction, st.builds(ast.Standard, condition), st.builds(ast.OnlyIf, condition))),
    st.builds(ast.Rule, name, name_list,
              items(text, st.builds(ast.ReasonRef, name), st.builds(ast.OnMetric, name), table, may)),
    st.builds(ast.Ledger, items(
        st.builds(ast.Expiry, quantity), st.just(ast.Freeze()), st.builds(ast.Deactivation, quantity),
        st.builds(ast.WarningMargin, quantity), st.builds(ast.Crossing, st.sampled_from(["highest", "all"])),
        st.just(ast.Linked()), threshold)),
    st.builds(ast.Appeals, items(st.builds(ast.Attempts, quantity), st.builds(ast.FirstWindow, quantity),
                                 st.builds(ast.NextWindow, quantity))),
    st.builds(ast.Hold, name, items(
        text, st.builds(ast.HoldFor, name_list), st.builds(ast.HoldPeriod, quantity, quantity),
        st.builds(ast.HoldEnd, st.sampled_from(["later", "earlier"])), hold_outcome)),
    st.builds(ast.Reason, name, name,
              items(text, st.builds(ast.ReasonPoints, st.sampled_from(["discretionary", "rule"])), may)),
)
files = st.lists(declaration, max_size=5).map(lambda decls: ast.File("random.pol", tuple(decls)))


# ---- properties -------------------------------------------------------------------------------

@SETTINGS
@given(files)
def test_format_then_parse_gives_the_same_tree(tree):
    text = format_file(tree, "")
    assert parse(text, "random.pol") == tree
    assert format_source(text, "random.pol") == text


comment_text = st.from_regex(r"#[^\n\r]{0,12}", fullmatch=True).map(str.rstrip)


@st.composite
def commented(draw):
    """Formatted text with comments put on random lines, on lines of their own
    and at the ends of lines."""
    lines = format_file(draw(files), "").split("\n")[:-1]
    for index in sorted(draw(st.sets(st.integers(0, len(lines)), max_size=6)), reverse=True):
        comment = draw(comment_text)
        if index < len(lines) and lines[index].strip() and draw(st.booleans()):
            lines[index] += "  " + comment
        else:
            indent = re.match(r"\s*", lines[index]).group() if index < len(lines) else ""
            lines.insert(index, indent + comment)
    return "\n".join(lines) + "\n"


@SETTINGS
@given(commented())
def test_comments_stay_in_order_beside_their_statements(text):
    formatted = format_source(text, "random.pol")
    assert format_source(formatted, "random.pol") == formatted
    assert parse(formatted, "random.pol") == parse(text, "random.pol")
    assert comment_places(formatted) == comment_places(text)


def comment_places(text: str) -> list[tuple[str, str, str | None]]:
    """Each comment, in order: ("own", comment, the next line of code) for a
    comment on a line of its own, ("end", comment, the code before it) for one
    at the end of a line."""
    lines = text.split("\n")
    comments = parse(text, "random.pol").comments
    comment_lines = {c.span.line for c in comments}
    places = []
    for comment in comments:
        code = lines[comment.span.line - 1][: comment.span.column - 1].strip()
        if code:
            places.append(("end", comment.text, code))
        else:
            following = (line.strip() for number, line in enumerate(lines[comment.span.line:], comment.span.line + 1)
                         if line.strip() and number not in comment_lines)
            places.append(("own", comment.text, next(following, None)))
    return places
