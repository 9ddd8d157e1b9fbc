"""Wrapping text that mixes Chinese and Latin script, by the columns a terminal shows.

`textwrap` breaks lines at spaces only and counts characters, so a paragraph of
Chinese (no spaces, each character two columns wide) comes out as one line twice
too wide. Here

    width(text)            the columns `text` takes: 2 for a wide or full-width
                           character, 0 for a combining mark, else 1
    fill(text, width, ...) the paragraph in lines of at most `width` columns,
                           broken at spaces and between Chinese characters; never
                           inside a Latin word, a backticked `code span` or a note
                           in brackets without spaces (`[默认:text]`), never
                           before a closing mark (`,`, `。`, `)`, ...) nor after an
                           opening one; a piece wider than a line gets a line of
                           its own, whole
    shorten(text, width)   the text cut to `width` columns, ending in `…` if cut

A text with no wide character is filled as `textwrap.fill` would fill it (with
`break_long_words=False, break_on_hyphens=False`), so English is not changed.

Standard library only.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata

# No line starts with these (they close what comes before them) ...
NO_START = frozenset("，。、；：？！）》」』】〕〉”’…·,;:?!)]}%")
# ... and none ends with these (they open what comes after them).
NO_END = frozenset("（《「『【〔〈“‘([{")

# A code span, a note in brackets without spaces (`[默认:text]`), spaces, or one character.
_TOKEN = re.compile(r"`[^`\n]*`|\[[^\[\]\s]*\]|\s+|\S")


def char_width(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def width(text: str) -> int:
    return sum(char_width(c) for c in text)


def is_wide(text: str) -> bool:
    return any(unicodedata.east_asian_width(c) in ("W", "F") for c in text)


def _pieces(text: str) -> list[tuple[str, str]]:
    """The text as pieces that no line break splits, each with the spaces before it
    (dropped where the line breaks; a line break in the text is one space)."""
    pieces: list[tuple[str, str]] = []
    space = ""
    for token in _TOKEN.findall(text):
        if token.isspace():
            space = " " if "\n" in token else token
            continue
        if pieces and not space and not _breaks(pieces[-1][0], token):
            pieces[-1] = (pieces[-1][0] + token, pieces[-1][1])
        else:
            pieces.append((token, space if pieces else ""))
        space = ""
    return pieces


def _breaks(before: str, after: str) -> bool:
    """Whether a line may break between two pieces written without a space between them:
    only beside a wide character, and never before a closing or after an opening mark."""
    last, first = before[-1], after[0]
    if first in NO_START or last in NO_END:
        return False
    return is_wide(last) or is_wide(first)


def fill(text: str, columns: int, initial_indent: str = "", subsequent_indent: str = "") -> str:
    """One paragraph (its line breaks and runs of spaces count as one space) in lines
    of at most `columns` columns, indents included."""
    if not is_wide(text):
        return textwrap.fill(text, columns, initial_indent=initial_indent, subsequent_indent=subsequent_indent,
                             break_on_hyphens=False, break_long_words=False)
    lines: list[str] = []
    line, used = initial_indent, width(initial_indent)
    empty = True
    for piece, spaces in _pieces(text):
        gap = "" if empty else spaces
        need = width(gap) + width(piece)
        if not empty and used + need > columns:
            lines.append(line)
            line, used = subsequent_indent + piece, width(subsequent_indent) + width(piece)
        else:
            line, used = line + gap + piece, used + need
        empty = False
    lines.append(line)
    return "\n".join(lines)


def shorten(text: str, columns: int, placeholder: str = "…") -> str:
    """`text` cut to at most `columns` columns, at a character, ending in `placeholder` if cut."""
    if width(text) <= columns:
        return text
    kept, used = "", width(placeholder)
    for char in text:
        if used + char_width(char) > columns:
            break
        kept, used = kept + char, used + char_width(char)
    return kept.rstrip(" ,，;；:：") + placeholder
