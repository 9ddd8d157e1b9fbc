"""Places in a text as tspol counts them and as the Language Server Protocol does.

tspol's spans are 1-based lines split at `\\n` alone and 1-based columns counting
characters (code points). The protocol's positions are 0-based lines split at
`\\n`, `\\r\\n` or `\\r`, and 0-based characters counting code units of the encoding
agreed at initialisation: UTF-16 unless the client offers another (`utf-8` counts
bytes, `utf-32` code points). An emoji is one tspol column and two UTF-16 units.

Both sides go through the offset of a character in the text, so every conversion
is exact both ways; a protocol position past the end of its line stands for the
end of the line (as the protocol says), and one inside a character's code units
for the start of that character.
"""

from __future__ import annotations

import bisect
import re

from tspol.diagnostics import Span

_PROTOCOL_BREAK = re.compile(r"\r\n|\r|\n")
ENCODINGS = ("utf-16", "utf-8", "utf-32")


def units(char: str, encoding: str) -> int:
    """How many code units of `encoding` one character takes."""
    point = ord(char)
    if encoding == "utf-16":
        return 2 if point > 0xFFFF else 1
    if encoding == "utf-8":
        return 1 if point < 0x80 else 2 if point < 0x800 else 3 if point < 0x10000 else 4
    return 1


class Positions:
    """The places of one text, both ways."""

    def __init__(self, text: str, encoding: str = "utf-16"):
        if encoding not in ENCODINGS:
            raise ValueError(f"unknown position encoding {encoding!r}")
        self.text = text
        self.encoding = encoding
        self.lines = [0] + [match.end() for match in re.finditer("\n", text)]  # tspol's line starts
        self.protocol_lines = [0]  # the protocol's line starts, and where each line's text ends
        self.protocol_ends = []
        for match in _PROTOCOL_BREAK.finditer(text):
            self.protocol_ends.append(match.start())
            self.protocol_lines.append(match.end())
        self.protocol_ends.append(len(text))

    # ---- tspol's lines and columns
    def offset(self, line: int, column: int) -> int:
        """The offset of a 1-based line and column; past the end of a line (or of the
        text), its end."""
        line = max(line, 1)
        if line > len(self.lines):
            return len(self.text)
        start = self.lines[line - 1]
        end = self.lines[line] - 1 if line < len(self.lines) else len(self.text)
        return min(start + max(column, 1) - 1, end)

    def place(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column of an offset."""
        offset = min(max(offset, 0), len(self.text))
        index = bisect.bisect_right(self.lines, offset) - 1
        return index + 1, offset - self.lines[index] + 1

    # ---- the protocol's lines and characters
    def position(self, offset: int) -> tuple[int, int]:
        """The 0-based protocol line and character of an offset."""
        offset = min(max(offset, 0), len(self.text))
        line = bisect.bisect_right(self.protocol_lines, offset) - 1
        start = self.protocol_lines[line]
        offset = min(offset, self.protocol_ends[line])  # inside `\r\n`: the end of the line
        return line, sum(units(char, self.encoding) for char in self.text[start:offset])

    def protocol_offset(self, line: int, character: int) -> int:
        """The offset of a 0-based protocol line and character."""
        if line >= len(self.protocol_lines):
            return len(self.text)
        offset, end = self.protocol_lines[max(line, 0)], self.protocol_ends[max(line, 0)]
        counted = 0
        while offset < end:
            counted += units(self.text[offset], self.encoding)
            if counted > character:
                break
            offset += 1
        return offset

    # ---- from one to the other
    def to_protocol(self, line: int, column: int) -> tuple[int, int]:
        return self.position(self.offset(line, column))

    def from_protocol(self, line: int, character: int) -> tuple[int, int]:
        return self.place(self.protocol_offset(line, character))

    def span_range(self, span: Span) -> tuple[tuple[int, int], tuple[int, int]]:
        """A span as a protocol range: (start line, character), (end line, character)."""
        return self.to_protocol(span.line, span.column), self.to_protocol(span.end_line, span.end_column)

    def range_span(self, path: str, start: tuple[int, int], end: tuple[int, int]) -> Span:
        """A protocol range as a span of `path`."""
        return Span(path, *self.from_protocol(*start), *self.from_protocol(*end))

    @property
    def end(self) -> tuple[int, int]:
        """The place just past the last character, 1-based."""
        return self.place(len(self.text))
