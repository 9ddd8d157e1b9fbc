"""`tspol check --format sarif`: diagnostics as SARIF 2.1.0, for code scanning.

One run, whose tool is tspol: every code of the registry (`tspol.codes`) is a rule
(a `reportingDescriptor`: its summary, the first paragraph of its explanation, the
explanation as help, and `tspol explain --format markdown` as help in Markdown), and
every diagnostic a result pointing at its rule (help and related places too). The
output is the same bytes for the same diagnostics, sources and working folder: keys
sorted, no timestamps, no absolute paths, ASCII only.

- Paths are relative to the working folder, with forward slashes, under the base
  `%SRCROOT%` (run `tspol check` from the root of the repository, as code scanning
  expects).
- Lines and columns are 1-based, `endColumn` exclusive, and columns count Unicode
  code points (`columnKind: unicodeCodePoints`), as tspol's spans do: a character
  such as `｛` is one column. A UTF-8 byte-order mark is not counted (tspol reads
  the text after it).
- The rules' summaries are in Chinese too, as SARIF carries localized text: a
  translation of the driver in `run.translations` (language `zh-CN`, its rules by
  `id`, each with its `shortDescription`).
- Each result has a fingerprint, `partialFingerprints["tspol/v1"]`, that stays the
  same when lines are added or removed above the problem: the sha256 of the code,
  the path, the text of the line where the problem starts (its whitespace
  collapsed) and the message without the line numbers it may quote, then `:N`, the
  occurrence of that hash among the run's results (1 for the first). The message
  is the English one, whatever language the results are written in, so that
  switching language moves no alert.
- Results are written in the language asked for (`--lang`): in Chinese, the run
  says so (`"language": "zh-CN"`, SARIF's tag for the language of its messages);
  the rules' texts come from the registry as they are.

This module imports the registry; `tspol.diagnostics` does not (the registry
imports it), which is why SARIF is not one of its `RENDERERS`.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable, Mapping
from urllib.parse import quote

from tspol.diagnostics import ERROR, WARNING, Diagnostic, Span

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SARIF_VERSION = "2.1.0"
SRCROOT = "%SRCROOT%"
FINGERPRINT = "tspol/v1"  # the key of partialFingerprints; a new way of computing it gets a new key
INFORMATION_URI = "https://pypi.org/project/tspol/"  # unless the installed package names a home page

LEVELS = {ERROR: "error", WARNING: "warning"}  # anything else is a note


LANGUAGE_TAGS = {"zh": "zh-CN"}  # the run's `language`, when it is not English


def render_sarif(diagnostics: Iterable[Diagnostic], sources: Mapping[str, str] | None = None,
                 cwd: str | None = None, lang: str = "en") -> str:
    """The SARIF log of `diagnostics` (in the order given: `tspol.cli.common.render`
    sorts them), with `sources` (path -> text) for the fingerprints; paths are made
    relative to `cwd` (default: the working folder); results in `lang`."""
    return json.dumps(sarif_log(diagnostics, sources, cwd, lang), indent=2, sort_keys=True, ensure_ascii=True) + "\n"


def sarif_log(diagnostics: Iterable[Diagnostic], sources: Mapping[str, str] | None = None,
              cwd: str | None = None, lang: str = "en") -> dict:
    from tspol.codes import REGISTRY

    cwd = os.getcwd() if cwd is None else cwd
    sources = sources or {}
    entries = sorted(REGISTRY, key=lambda e: e.code)
    index = {entry.code: i for i, entry in enumerate(entries)}
    results, seen = [], {}
    for d in diagnostics:
        result = _result(d, index, sources, cwd, lang)
        digest = _fingerprint(d, sources, cwd)
        seen[digest] = seen.get(digest, 0) + 1
        result["partialFingerprints"] = {FINGERPRINT: f"{digest}:{seen[digest]}"}
        results.append(result)
    run_language = {"language": LANGUAGE_TAGS[lang]} if lang in LANGUAGE_TAGS else {}
    return {
        "$schema": SCHEMA_URI,
        "version": SARIF_VERSION,
        "runs": [run_language | {
            "tool": {"driver": {
                "name": "tspol",
                "version": _version(),
                "informationUri": _information_uri(),
                "rules": [_rule(entry) for entry in entries],
            }},
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": {SRCROOT: {"description": {
                "text": "The folder tspol check was run in (the root of the repository)."}}},
            "results": results,
            "translations": [_translation(entries, "zh")],
        }],
    }


# ---- rules ------------------------------------------------------------------------------

def _rule(entry) -> dict:
    from tspol.codes import explain_markdown

    return {
        "id": entry.code,
        "name": pascal_case(entry.name),
        "shortDescription": {"text": entry.summary},
        "fullDescription": {"text": entry.explanation.split("\n\n")[0]},
        "help": {"text": entry.explanation, "markdown": explain_markdown(entry)},  # markdown: with its example
        "defaultConfiguration": {"level": LEVELS.get(entry.severity, "note")},
    }


LANGUAGES = {"zh": "zh-CN"}  # tspol's languages as SARIF names them (RFC 5646)


def _translation(entries, lang: str) -> dict:
    """The driver's localized data in `lang`: the summary of each rule."""
    return {
        "name": "tspol",
        "language": LANGUAGES[lang],
        "contents": ["localizedData"],
        "associatedComponent": {"name": "tspol"},
        "translationMetadata": {"name": f"tspol ({LANGUAGES[lang]})"},
        "rules": [{"id": entry.code, "shortDescription": {"text": entry.summary_in(lang)}} for entry in entries],
    }


def pascal_case(name: str) -> str:
    """`UNKNOWN_NAME` -> `UnknownName`."""
    return "".join(word.capitalize() for word in name.split("_") if word)


# ---- results ----------------------------------------------------------------------------

def _result(d: Diagnostic, index: Mapping[str, int], sources: Mapping[str, str], cwd: str, lang: str = "en") -> dict:
    from tspol.messages import say

    text = (say("render.key", key=d.key, message=d.message) if d.key else d.message).text(lang) \
        if lang != "en" else (f"key `{d.key}`: " if d.key else "") + d.message
    if d.help:
        text += "\n" + say("render.help", help=d.help).text(lang)
    result: dict = {"ruleId": d.code, "level": LEVELS.get(d.severity, "note"), "message": {"text": text}}
    if d.code in index:
        result["ruleIndex"] = index[d.code]
    location = _location(d, cwd)
    if location is not None:
        result["locations"] = [location]
    if d.related:
        result["relatedLocations"] = [
            {"id": number, "message": {"text": r.text(lang)}, "physicalLocation": _physical(r.span.path, r.span, cwd)}
            for number, r in enumerate(d.related, 1)
        ]
    return result


def _location(d: Diagnostic, cwd: str) -> dict | None:
    if d.span is not None:
        return {"physicalLocation": _physical(d.span.path, d.span, cwd)}
    if d.path is None:
        return None
    physical = {"artifactLocation": _artifact(d.path, cwd)}
    if d.line is not None and d.line >= 1:
        physical["region"] = {"startLine": d.line}
    return {"physicalLocation": physical}


def _physical(path: str, span: Span, cwd: str) -> dict:
    return {"artifactLocation": _artifact(path, cwd), "region": _region(span)}


def _region(span: Span) -> dict:
    start_line, start_column = max(span.line, 1), max(span.column, 1)
    end = (max(span.end_line, 1), max(span.end_column, 1))
    end_line, end_column = max(end, (start_line, start_column))  # never a region that ends before it starts
    return {"startLine": start_line, "startColumn": start_column, "endLine": end_line, "endColumn": end_column}


def _artifact(path: str, cwd: str) -> dict:
    return {"uri": quote(relative_path(path, cwd), safe="/"), "uriBaseId": SRCROOT}


def relative_path(path: str, cwd: str | None = None) -> str:
    """`path` relative to `cwd`, with forward slashes (`../x.pol` when it is outside)."""
    if path.startswith("<") and path.endswith(">"):  # <stdin>: no file
        return path
    cwd = os.getcwd() if cwd is None else cwd
    try:
        relative = os.path.relpath(os.path.join(cwd, path), cwd)
    except ValueError:  # another drive (Windows): no relative path exists
        relative = os.path.basename(path)
    return relative.replace(os.sep, "/")


# ---- fingerprints -----------------------------------------------------------------------

_POL_LINE = re.compile(r"(\.pol):\d+(?::\d+)?")  # `fulfilment.pol:41` in a message
_LINE_WORD = re.compile(r"\blines? \d+")  # `line 41`


def _fingerprint(d: Diagnostic, sources: Mapping[str, str], cwd: str) -> str:
    path = d.span.path if d.span is not None else (d.path or "")
    line = d.span.line if d.span is not None else None
    parts = [d.code, relative_path(path, cwd) if path else "", _line_text(sources.get(path), line),
             without_line_numbers(d.message)]
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def without_line_numbers(message: str) -> str:
    """The message less the line numbers it quotes, which move when lines are added above."""
    return _LINE_WORD.sub("line #", _POL_LINE.sub(r"\1:#", message))


def _line_text(source: str | None, line: int | None) -> str:
    """The line, its runs of whitespace made one space (indenting it again keeps the fingerprint)."""
    if source is None or line is None:
        return ""
    lines = source.split("\n")  # as the parser counts lines
    return " ".join(lines[line - 1].split()) if 1 <= line <= len(lines) else ""


# ---- the tool ---------------------------------------------------------------------------

def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("tspol")
    except PackageNotFoundError:  # run from a source tree that is not installed
        return "0+unknown"


def _information_uri() -> str:
    """The home page that the installed package names, else INFORMATION_URI."""
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        meta = metadata("tspol")
    except PackageNotFoundError:
        return INFORMATION_URI
    urls = [meta.get("Home-page")] + [u.split(",", 1)[-1].strip() for u in meta.get_all("Project-URL") or []]
    return next((u for u in urls if u and u.startswith(("https://", "http://"))), INFORMATION_URI)
