"""The one error model of tspol: diagnostics with stable codes, and their renderers.

Every stage (parser, checker, compiler, runtime, CLI) reports problems as
`Diagnostic` values; a stage that cannot go on raises `TspolError` carrying them.
Only the CLI prints; it uses one of the renderers below.

What a diagnostic says (its message, help and notes) is a `tspol.messages.Message`:
an id of the catalog and its fields, whose text as a `str` is the English. The
renderers say it in the language asked for (`lang`): the text and GitHub
renderers, for people, in that language; the JSON renderer keeps `message` and
`help` in English, the words tools match on, and adds the same in the language
asked for, when it is not English, under its name (`"zh": {...}`).
"""

from __future__ import annotations

import functools
import json
import unicodedata
from collections.abc import Iterable, Mapping

import attrs

from tspol import messages
from tspol.messages import Message, say

ERROR = "error"
WARNING = "warning"


@attrs.frozen(order=True)
class Span:
    """A place in a source: 1-based line and column; the end column is exclusive."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"

    def encloses(self, other: Span | None) -> bool:
        """Whether `other` starts inside this span (of the same file)."""
        return other is not None and other.path == self.path and \
            (self.line, self.column) <= (other.line, other.column) <= (self.end_line, self.end_column)


def _said(value, what: str) -> None:
    """With `messages.STRICT` (the test suite), a text that is not of the catalog is refused."""
    if messages.STRICT and value is not None and not isinstance(value, Message):
        raise TypeError(f"the {what} of a diagnostic is not a message of tspol.messages: {value!r}")


@attrs.frozen
class Related:
    span: Span
    message: str

    def __attrs_post_init__(self):
        _said(self.message, "note")

    def text(self, lang: str = "en") -> str:
        return messages.text(self.message, lang)


@attrs.frozen
class Diagnostic:
    """One problem: a stable code, a severity, where, what, and how to fix it.

    `span` locates it in policy text; `path`/`line`/`key` locate it in data
    (a JSON Lines file and a key of one of its objects) when there is no span,
    and `row` the seller of a table (CSV, Parquet, a JSON list), counted from 1.
    """

    code: str
    message: str
    severity: str = ERROR
    span: Span | None = None
    help: str | None = None
    related: tuple[Related, ...] = ()
    path: str | None = None
    line: int | None = None
    key: str | None = None
    row: int | None = None

    def __attrs_post_init__(self):
        _said(self.message, "message")
        _said(self.help, "help")

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def text(self, lang: str = "en") -> str:
        """The message in `lang`; `message` itself is the English."""
        return messages.text(self.message, lang)

    def help_text(self, lang: str = "en") -> str | None:
        return messages.text(self.help, lang)

    def location(self, lang: str = "en") -> str:
        """`path:line:col`; in data, `path:line`, and `path:line: row N` for a seller of a table."""
        if self.span is not None:
            return str(self.span)
        parts = [self.path or "<input>"]
        if self.line is not None:
            parts.append(str(self.line))
        if self.row is not None:
            parts.append(" " + say("render.row", row=self.row).text(lang))
        return ":".join(parts)

    def sort_key(self) -> tuple:
        if self.span is not None:
            return (self.span.path, self.span.line, self.span.column, self.code, self.message)
        return (self.path or "", self.line or 0, self.row or 0, self.code, self.message)

    def to_dict(self) -> dict:
        span = self.span
        record = {
            "path": span.path if span else self.path,
            "line": span.line if span else self.line,
            "column": span.column if span else None,
            "end_line": span.end_line if span else self.line,
            "end_column": span.end_column if span else None,
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
        }
        if self.key is not None:
            record["key"] = self.key
        if self.row is not None:
            record["row"] = self.row
        if self.help:
            record["help"] = self.help
        if self.related:
            record["related"] = [
                {"path": r.span.path, "line": r.span.line, "column": r.span.column,
                 "message": r.message}
                for r in self.related
            ]
        return record


class TspolError(Exception):
    """The root of every error tspol raises on purpose; it carries diagnostics."""

    def __init__(self, diagnostics: Diagnostic | Iterable[Diagnostic],
                 sources: Mapping[str, str] | None = None):
        if isinstance(diagnostics, Diagnostic):
            diagnostics = [diagnostics]
        self.diagnostics = tuple(diagnostics)
        self.sources = dict(sources or {})  # path -> text, to show the lines in error
        super().__init__("; ".join(f"{d.location()}: {d.message}" for d in self.diagnostics))

    def __str__(self) -> str:
        """What `tspol check` prints of these diagnostics: place, `severity[CODE]`,
        message, the source line when known, and the help (a did-you-mean among them)."""
        return render_text(self.diagnostics, self.sources).rstrip("\n")


def error(code: str, message: str, span: Span | None = None, **fields) -> TspolError:
    return TspolError(Diagnostic(code, message, span=span, **fields))


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Sorted by place, each reported once."""
    unique = {}
    for d in diagnostics:
        unique.setdefault((d.sort_key(), d.severity), d)
    return sorted(unique.values(), key=lambda d: d.sort_key())


# ---- renderers ---------------------------------------------------------------

def render_text(diagnostics: Iterable[Diagnostic], sources: Mapping[str, str] = {}, lang: str = "en") -> str:
    """`path:line:col: severity[CODE]: message`, then the source line with a caret.
    The place and `severity[CODE]` are the same in every language (editors and
    problem matchers read them); the words are in `lang`."""
    blocks = []
    for d in diagnostics:
        lines = [f"{d.location(lang)}: {d.severity}[{d.code}]: " + _keyed(d, lang)]
        if d.span is not None:
            lines.extend(_excerpt(d.span, sources.get(d.span.path)))
        for r in d.related:
            lines.append("  " + say("render.note", place=str(r.span), note=r.message).text(lang))
        if d.help:
            lines.append("  " + say("render.help", help=d.help).text(lang))
        blocks.append("\n".join(lines))
    return "\n".join(blocks) + ("\n" if blocks else "")


def _keyed(d: Diagnostic, lang: str) -> str:
    """The message, after the key of the data it is about (`key `x`: ...`)."""
    if d.key:
        return say("render.key", key=d.key, message=d.message).text(lang)
    return d.text(lang)


EXCERPT_WIDTH = 100  # characters of a source line shown; a longer line is cut around the span


def _excerpt(span: Span, source: str | None) -> list[str]:
    """The line of the span, and carets under the span (to the end of the line
    when it goes on), aligned for wide characters such as Chinese. A line longer
    than EXCERPT_WIDTH is shown from a little before the span, with `...` where
    it is cut, so one diagnostic stays one screen line however long the line."""
    if source is None:
        return []
    lines = _lines(source)
    if not 1 <= span.line <= len(lines):
        return []
    text = lines[span.line - 1].rstrip("\r")
    end = span.end_column if span.end_line == span.line else len(text) + 1
    first = max(0, min(span.column - 1 - EXCERPT_WIDTH // 5, len(text) - EXCERPT_WIDTH))
    last = first + EXCERPT_WIDTH
    left = "..." if first > 0 else ""
    right = "..." if last < len(text) else ""
    shown = "".join(c if c.isprintable() else " " for c in text[first:last])
    before = shown[: span.column - 1 - first]
    inside = shown[span.column - 1 - first: end - 1 - first]
    gutter = len(str(span.line))
    return [
        f"  {span.line} | {left}{shown}{right}",
        f"  {' ' * gutter} | {' ' * (len(left) + _width(before))}{'^' * max(1, _width(inside))}",
    ]


@functools.lru_cache(maxsize=8)
def _lines(source: str) -> list[str]:
    """The source's lines as the parser counts them: a `\r` or form feed ends none."""
    return source.split("\n")


def _width(text: str) -> int:
    """Terminal columns: East Asian wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def render_json(diagnostics: Iterable[Diagnostic], lang: str = "en") -> str:
    return json.dumps([_localized(d.to_dict(), d, lang) for d in diagnostics], ensure_ascii=False, indent=2) + "\n"


def _localized(record: dict, d: Diagnostic, lang: str) -> dict:
    """A JSON record with, when `lang` is not English, its words in `lang` beside the
    English: `"zh": {"message", "help", "related"}` (the same keys, the same order)."""
    if lang == "en":
        return record
    said: dict = {"message": d.text(lang)}
    if d.help:
        said["help"] = d.help_text(lang)
    if d.related:
        said["related"] = [r.text(lang) for r in d.related]
    return record | {lang: said}


def render_github(diagnostics: Iterable[Diagnostic], lang: str = "en") -> str:
    """GitHub workflow commands, one per diagnostic:
    `::error file=F,line=L,col=C,endLine=L,endColumn=E,title=T::message`.

    Columns are sent only for a span on one line (GitHub ignores them across
    lines); help and related places follow the message on lines of their own.
    """
    return "".join(_github_command(d, lang) + "\n" for d in diagnostics)


def _github_command(d: Diagnostic, lang: str = "en") -> str:
    fields: dict[str, object] = {"file": d.span.path if d.span else d.path}
    span = d.span
    if span is not None:
        one_line = span.line == span.end_line
        fields.update(line=span.line, col=span.column if one_line else None, endLine=span.end_line,
                      endColumn=span.end_column if one_line else None)
    elif d.line is not None:
        fields["line"] = d.line
    fields["title"] = f"tspol {d.code}"
    props = ",".join(f"{k}={_escape_property(str(v))}" for k, v in fields.items() if v is not None)
    lines = [_keyed(d, lang)]
    lines += [say("render.note", place=str(r.span), note=r.message).text(lang) for r in d.related]
    lines += [say("render.help", help=d.help).text(lang)] if d.help else []
    return f"::{d.severity} {props}::{_escape_data(chr(10).join(lines))}"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


RENDERERS = {"text": render_text, "json": render_json, "github": render_github}
