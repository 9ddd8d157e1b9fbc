"""The parser: positions, texts, keywords as names, braces, and syntax errors in words."""

from __future__ import annotations

import pytest

from tspol.diagnostics import Span, TspolError
from tspol.dsl import ast
from tspol.dsl.parser import _lark, parse
from tspol.dsl.syntax_errors import SYNTAX_EXAMPLES, brace_problems, syntax_diagnostic


def error_of(text: str):
    with pytest.raises(TspolError) as caught:
        parse(text, "t.pol")
    return caught.value.diagnostics


def where(d) -> tuple:
    return d.code, d.span.line, d.span.column, d.span.end_column


# ---- the labelled examples --------------------------------------------------------------------

@pytest.mark.parametrize("label,example", [(h, e) for h, examples in SYNTAX_EXAMPLES.items() for e in examples])
def test_each_labelled_example_gets_its_own_help(label, example):
    """Every example still fails to parse, and no other label shadows it."""
    from lark.exceptions import UnexpectedToken

    with pytest.raises(UnexpectedToken) as caught:
        _lark().parse(example, start="start")
    assert syntax_diagnostic(caught.value, example, "t.pol", _lark(), "start").help.id == f"syntax.example.{label}"


def test_labelled_help_applies_deep_inside_a_real_rule():
    """Lark's match_examples also compares the parse-stack depth; ours does not."""
    text = ("region US\n\nrule r in US {\n  name en \"r\"\n  on LDR\n  table {\n"
            "    when LDR >= 4% then warning\n    when LDR >= 10% then points 2 limit 7d at 10% avg4w\n  }\n}\n")
    [d] = error_of(text)
    assert where(d) == ("E100", 8, 35, 40)
    assert d.message == "expected `,`, `otherwise`, `when` or `}`, but found `limit`"
    assert d.help.startswith("separate the actions of a row with commas")


# ---- positions ----------------------------------------------------------------------------------

def test_positions_count_characters_not_bytes_and_ignore_carriage_returns():
    text = 'region US {\r\n  name zh "美国"\r\n\tname en "x" y\r\n}\r\n'
    [d] = error_of(text)
    assert where(d) == ("E100", 3, 14, 15)


def test_comment_positions():
    tree = parse('region US  # the US\n  # alone\n', "t.pol")
    assert [(c.text, c.span.line, c.span.column) for c in tree.comments] == [("# the US", 1, 12), ("# alone", 2, 3)]


def test_every_node_has_a_span():
    from conftest import PACK

    for path in sorted(PACK.glob("*.pol")):
        for node in _nodes(parse(path.read_text(encoding="utf-8"), str(path))):
            assert node.span is not ast.NO_SPAN and node.span.path == str(path), node


def _nodes(node):
    import attrs

    if attrs.has(type(node)) and not isinstance(node, Span):
        yield node
        for field in attrs.fields(type(node)):
            yield from _nodes(getattr(node, field.name))
    elif isinstance(node, tuple):
        for child in node:
            yield from _nodes(child)


# ---- texts ----------------------------------------------------------------------------------------

def test_text_escapes():
    [region] = parse(r'region US { name en "a\"b\\c\nd\te" }', "t.pol").decls
    assert region.texts[0].value == 'a"b\\c\nd\te'


def test_unknown_escapes_are_each_reported_where_they_are():
    diagnostics = error_of('region US {\n  name en "x\\qy"\n  name zh "\\u4e2d"\n}\n')
    assert [where(d) for d in diagnostics] == [("E103", 2, 13, 15), ("E103", 3, 12, 14)]
    assert diagnostics[0].message == "`\\q` is not an escape sequence tspol knows"


def test_texts_keep_hash_signs_braces_and_any_script():
    [region] = parse('region US { name zh "美国 # {1}" }  # comment', "t.pol").decls
    assert region.texts[0].value == "美国 # {1}"


# ---- keywords as names --------------------------------------------------------------------------

def test_a_keyword_is_a_name_where_only_a_name_fits():
    """`may points` and `table points` (as in the pack) read `points` as a name."""
    [rule] = parse("rule r in US {\n  table points {\n  }\n  may points, all\n}\n", "t.pol").decls
    assert rule.tables[0].name.value == "points"
    assert [n.value for n in rule.first(ast.May).names] == ["points", "all"]


def test_a_row_alone_reports_a_literal_out_of_range():
    from tspol.dsl.parser import parse_row

    with pytest.raises(TspolError) as caught:
        parse_row("when x >= " + "9" * 5000 + " then warning", "t.pol")
    [d] = caught.value.diagnostics
    assert where(d) == ("E104", 1, 11, 5011)


def test_the_brief_line():
    from tspol.dsl.parser import parse_row

    row = parse_row("when 50% <= LDR and late_orders >= 30 then points 7, limit 7d at 10% avg4w")
    assert [type(a) for a in row.actions] == [ast.Points, ast.Limit]
    assert row.actions[1].percent == ast.Quantity("percent", 10)


# ---- braces -----------------------------------------------------------------------------------------

def test_balanced_braces_are_fine_whatever_the_indentation():
    assert brace_problems("rule r in US {\ntable {\n      }\n   }\n", "t.pol") == []


def test_an_unclosed_inner_block_is_found_by_indentation():
    text = "rule r in US {\n  table {\n    when x > 1 then warning\n\n  on LDR\n}\n\nregion US\n"
    [d] = brace_problems(text, "t.pol")
    assert where(d) == ("E101", 2, 9, 10)
    assert d.message == "this block is never closed: `table {` has no matching `}`"


def test_an_unclosed_block_at_the_end_of_the_file():
    [d] = brace_problems("region US {\n  name en \"x\"\n", "t.pol")
    assert where(d) == ("E101", 1, 11, 12)


def test_braces_in_texts_and_comments_do_not_count():
    assert brace_problems('region US { name en "{" }  # }\n', "t.pol") == []


# ---- syntax errors in words ----------------------------------------------------------------------

@pytest.mark.parametrize("text,message,help", [
    ("region US {} x", "expected a declaration (`rule`, `metric`, `input`, `region`, ...) or the end of the file, "
                       "but found `x`", None),
    ("rul x in US {}", "unknown keyword `rul`", "did you mean `rule`?"),
    ("input x: count", None, None),
    ("input x:", "the file ends in the middle of a declaration", None),
    ("rule r in US { table { when x > 4 % then warning } }", "unexpected character `%`",
     "write a percentage without a space, such as `4%`"),
    ("rule r in US { table { when x ≥ 4% then warning } }", "unexpected character `≥`", "write `>=`"),
    ("rule r in US { table { when x > 1 || y > 2 then warning } }", "unexpected character `|`",
     "conditions combine with the word `or`"),
    ("rule r in US { table { otherwise then warning } }", "an `otherwise` row has no `then`",
     "write the actions right after `otherwise`, such as `otherwise points 1`"),
    ("rule r in US { table { else then warning } }", "unknown keyword `else`",
     "the row that catches every other seller is written `otherwise ACTIONS`, such as `otherwise points 1`"),
    ("region US { name en 'x' }", "unexpected character `'`", 'texts go inside double quotes: "..."'),
    ("region US { name en \"x\" \x00 }", "unexpected character `\\x00`",
     "remove it; `#` starts a comment, and texts go inside double quotes"),
    ("rule r in US { table { when x > 4%\u3000then warning } }", "unexpected character `\\u3000`",
     "a full-width space: write an ordinary space"),
    ("rule r in US { table { when x > 4% then points 1\uff10 } }", "unexpected character `\uff10`",
     "write it as `0`"),
    ("region US { name en \"x\" \u2026 }", "unexpected character `\u2026`",
     "remove it; `#` starts a comment, and texts go inside double quotes"),
    ("rule r in US {\n  on_metric LDR\n}", "expected `description`, `evaluated`, `example`, `may`, `name`, `on`, `reason`, "
                                          "`table` or `}`, but found `on_metric`", None),
    ("rule r in US {\n  table {\n    when x > 4% then points  # two\n    when x > 5% then points 2\n  }\n}",
     "this line ends too early: after `points`, expected a duration such as 7d, 24h or 30min, a number, a "
     "percentage such as 4% or an amount such as 100 USD", "write it like `points 3`"),
    ("region US {\n}\n42\nrule r in US {\n}", "expected a declaration (`rule`, `metric`, `input`, `region`, ...) "
                                             "or the end of the file, but found `42`", None),
])
def test_syntax_errors_in_words(text, message, help):
    if message is None:
        parse(text, "t.pol")
        return
    [d] = error_of(text)
    assert d.message == message
    assert d.help == help or help is None
