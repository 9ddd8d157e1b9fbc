"""The Pygments lexer (tspol/pygments_lexer.py) reads `.pol` text as the parser does.

Its keywords are the parser's, every file of the bundled pack lexes with no error
token, each word is a keyword exactly where the parser's contextual lexer makes it
one, and `pygmentize -l tspol` finds the lexer through its entry point.
"""

from __future__ import annotations

import subprocess
import sys

import lark
import pytest
from pygments.lexers import get_lexer_by_name, get_lexer_for_filename
from pygments.token import Comment, Error, Keyword, Literal, Name, Number, Operator, Punctuation, String, Whitespace

from tspol.dsl.parser import _lark
from tspol.pygments_lexer import TOKEN_TYPES, PolLexer, language

from conftest import PACK, ROOT

POL_FILES = sorted(PACK.rglob("*.pol"))
TOKENS_SAMPLE = ROOT / "editors" / "vscode" / "tests" / "snap" / "tokens.pol"


def lexed(text: str) -> list[tuple]:
    return list(PolLexer().get_tokens_unprocessed(text))


def highlighted_words(text: str) -> list[tuple[int, str, bool]]:
    """(offset, word, is a keyword) of each word, as the highlighter reads it."""
    return [(offset, value, kind in Keyword) for offset, kind, value in lexed(text)
            if kind in Keyword or kind in Name]


def parsed_words(text: str) -> list[tuple[int, str, bool]]:
    """(offset, word, is a keyword) of each word, as tspol's parser reads it."""
    keywords = language().keywords
    return [(token.start_pos, token.value, token.type != "NAME")
            for token in _lark().parse_interactive(text, start="start").iter_parse()
            if token.type == "NAME" or token.value in keywords]


def test_the_keywords_are_the_grammars_words():
    literals = {t.pattern.value for t in _lark().terminals if t.pattern.type == "str"}
    words = language().keywords
    assert set(words) == {text for text in literals if text.isidentifier()}
    assert {"rule", "points", "when", "then", "may", "count", "name"} <= set(words)
    assert {"policy", "rule", "metric", "ledger", "reason"} <= language().declarations <= set(words)
    assert {"count", "rate", "money"} <= language().types <= set(words)
    assert not language().declarations & language().types


@pytest.mark.skipif(not lark.__version__.startswith("1.3."), reason="the quick lexer is used with Lark 1.3 only")
def test_the_keywords_are_the_parsers_lexers():
    assert _lark().parser.lexer.lexer.keywords["NAME"] == language().keywords


def test_every_terminal_has_a_token_type():
    terminals = {t.name for t in language().lark.terminals}
    literals = {t.name for t in language().lark.terminals if t.pattern.type == "str"}
    assert set(TOKEN_TYPES) <= terminals
    assert terminals - literals <= set(TOKEN_TYPES)


@pytest.mark.parametrize("path", POL_FILES, ids=[p.relative_to(PACK).as_posix() for p in POL_FILES])
def test_a_file_of_the_pack_lexes_as_the_parser_reads_it(path):
    text = path.read_text(encoding="utf-8")
    tokens = lexed(text)
    assert [(offset, value) for offset, kind, value in tokens if kind in Error] == []
    assert "".join(value for _, _, value in tokens) == text
    assert highlighted_words(text) == parsed_words(text)


def test_the_sample_of_every_token_lexes_as_the_parser_reads_it():
    text = TOKENS_SAMPLE.read_text(encoding="utf-8")
    assert not [value for _, kind, value in lexed(text) if kind in Error]
    assert highlighted_words(text) == parsed_words(text)


SAMPLE = '''\
# D6
policy p { effective 2024-07-15 }
input refunds: money in USD
metric LDR = late / orders { standard LDR < 4% }
rule points in US {
  name en "Late \\"x\\"\\n"
  table points { when 10% <= LDR and points >= 5 then points 3, limit 7d at 10% avg4w, suspend }
  may extend, points
}
ledger { deactivate at 48 points }
hold h { period 90d to 180d  on accepted appeal release within 100 USD }
'''


def kinds(text: str) -> dict[str, set]:
    found: dict[str, set] = {}
    for _, kind, value in lexed(text):
        found.setdefault(value, set()).add(kind)
    return found


def test_tokens_have_their_types():
    found = kinds(SAMPLE)
    assert found["# D6"] == {Comment.Single}
    assert found["policy"] == found["input"] == found["metric"] == found["rule"] == {Keyword.Declaration}
    assert found["money"] == {Keyword.Type}
    assert found["effective"] == found["in"] == found["then"] == found["may"] == {Keyword}
    assert found["2024-07-15"] == {Literal.Date}
    assert found["4%"] == found["3"] == found["7d"] == found["48"] == found["100 USD"] == {Number}
    assert found["<"] == found["<="] == found["="] == found["/"] == {Operator}
    assert found["{"] == found[","] == found[":"] == {Punctuation}
    assert found['"Late '] == found["x"] == {String.Double}
    assert found['\\"'] == found["\\n"] == {String.Escape}
    assert found["LDR"] == found["USD"] == found["avg4w"] == found["suspend"] == found["extend"] == {Name}
    assert found["\n"] == {Whitespace}


def test_a_word_is_a_keyword_where_the_parser_takes_it():
    found = [(value, kind) for _, kind, value in lexed(SAMPLE) if value == "points"]
    assert found == [("points", Name),  # rule points
                     ("points", Name),  # table points
                     ("points", Name),  # and points >= 5
                     ("points", Keyword),  # then points 3
                     ("points", Name),  # may extend, points
                     ("points", Keyword)]  # deactivate at 48 points
    assert highlighted_words(SAMPLE) == parsed_words(SAMPLE)


def test_bad_text_is_marked_and_kept():
    text = 'rule r in US {\n  name en "a \\q" ；\n}\n}\nmay points\n'
    tokens = lexed(text)
    assert "".join(value for _, _, value in tokens) == text
    assert [value for _, kind, value in tokens if kind in Error] == ["\\q", "；"]
    # past the syntax error (the second `}`) every keyword is a keyword
    assert [kind for _, kind, value in tokens if value == "points"] == [Keyword]


def test_pygments_finds_the_lexer_by_its_entry_point():
    assert isinstance(get_lexer_by_name("tspol"), PolLexer)
    assert isinstance(get_lexer_by_name("pol"), PolLexer)
    assert isinstance(get_lexer_for_filename("fulfilment.pol"), PolLexer)


def test_pygmentize_highlights_a_pol_file():
    result = subprocess.run([sys.executable, "-m", "pygments", "-l", "tspol", "-f", "raw", str(PACK / "ledger.pol")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "Token.Keyword.Declaration\t'ledger'\n" in result.stdout
    assert "Token.Literal.Number\t'180d'\n" in result.stdout
    assert "Token.Error" not in result.stdout
