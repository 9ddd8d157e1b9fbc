"""The compiled module reviews as a diff (issue: the embedded evaluator): a policy edit
changes only the lines of the module that say what was edited.

- a comment line added to a `.pol` file moves the rows below it: only the `where`
  texts and comments naming their lines change (and the source hash);
- one number changed changes only the lines that use it;
- no line is longer than `tspol.compiler.lines.WIDTH`; US and SEA, whose rules are the
  same, are decided by one function.
"""

from __future__ import annotations

import difflib
import re

import pytest
from conftest import edited_pack

from tspol.compiler.lines import WIDTH, wrapped
from tspol.compiler.lower import lower
from tspol.compiler.pygen import generate
from tspol.dsl.loader import load_pack


def module(pack) -> list[str]:
    return generate(lower(load_pack(pack))).splitlines()


@pytest.fixture(scope="module")
def before(tmp_path_factory):
    return module(edited_pack(tmp_path_factory.mktemp("before")))


def changed(old: list[str], new: list[str]) -> tuple[list[str], list[str]]:
    """The lines taken out and put in."""
    out, put = [], []
    for tag, a, b, c, d in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag != "equal":
            out += old[a:b]
            put += new[c:d]
    return out, put


def test_a_comment_line_changes_only_line_numbers(tmp_path, before):
    pack = edited_pack(tmp_path, replacements=[(
        "fulfilment.pol", "rule seller_fault_cancellation in US, SEA {",
        "# a comment a policy author added\nrule seller_fault_cancellation in US, SEA {")])
    after = module(pack)
    out, put = changed(before, after)
    assert len(out) == len(put) and len(out) > 20  # every row of the file moved
    for old, new in zip(out, put):
        if "'source_hash'" in old:
            continue
        assert "fulfilment.pol:" in old, (old, new)
        numbers = re.compile(r"fulfilment\.pol:\d+")
        assert numbers.sub("fulfilment.pol:N", old) == numbers.sub("fulfilment.pol:N", new), (old, new)


def test_one_number_changes_only_the_lines_that_use_it(tmp_path, before):
    pack = edited_pack(tmp_path, replacements=[(
        "fulfilment.pol", "when 50% <= SFCR and cancelled_orders >= 30 then points 7, limit 7d at 10% avg4w",
        "when 50% <= SFCR and cancelled_orders >= 30 then points 9, limit 7d at 10% avg4w")])
    out, put = changed(before, module(pack))
    put = [line for line in put if "'source_hash'" not in line]
    # the row's comment, `points +=` and the points of its record, in each of the full
    # decision, the lean one and the JSON text; and its because texts
    assert 10 <= len(put) <= 14, put
    assert all("9" in line for line in put), put
    assert all(re.sub(r"\b9\b", "7", new) in out for new in put)


def test_no_line_is_longer_than_the_width(before):
    assert [line for line in before if len(line) > WIDTH] == []


def test_regions_with_the_same_rules_share_one_function(before):
    functions = [line for line in before if line.startswith(("def _evaluate_", "def _decide_", "def _json_"))]
    assert functions == ["def _evaluate_US_SEA(values, region, lang):", "def _evaluate_UK(values, region, lang):",
                         "def _decide_US_SEA(values, region):", "def _decide_UK(values, region):",
                         "def _json_US_SEA(values, region, lang):", "def _json_UK(values, region, lang):"]
    assert "_because_seller_fault_cancellation_us_sea_row1" in "\n".join(before)


LINES = [  # (a line, the width): each broken line must mean what the line did
    ("x = f(aaaa, bbbb, cccc)", 12),
    ("if aaaa and bbbb or cccc:", 12),
    ("return 'aaaa bbbb cccc dddd eeee ffff gggg hhhh'", 20),
    ("return f'aaaa {x} bbbb {y!r} cccc {{literal}} dddd \\n eeee \\u4e2d ffff'", 20),
    ("value = d[aaaa][bbbb, cccc]", 12),
    ("'key': _A_LONG_CONSTANT_NAME[lang][aaaa is None, bbbb is None],", 30),
    ("y = (aaaa)", 5),
    ("z = [x for x in aaaa if x]", 8),
    ("call(key=value, other=aaaa)  # a comment that is long", 20),
]


@pytest.mark.parametrize("line, width", LINES)
def test_a_broken_line_means_what_it_did(line, width):
    import ast

    pieces = wrapped(line, width)
    text = "\n".join(pieces)
    for context in (lambda s: s, lambda s: "{\n" + s + "\n}"):
        try:
            want = ast.dump(ast.parse(context(line)))
        except SyntaxError:
            continue
        assert ast.dump(ast.parse(context(text))) == want, text
        break
    code = [piece for piece in pieces if not piece.lstrip().startswith("#")]
    assert code, pieces


def test_a_docstring_is_filled_and_keeps_its_words():
    pieces = wrapped('    """A docstring that is long enough to be filled over lines."""', 24)
    assert all(len(piece) <= 24 for piece in pieces) and pieces[-1] == '    """'
    assert " ".join("\n".join(pieces).replace('"""', "").split()) == (
        "A docstring that is long enough to be filled over lines.")
