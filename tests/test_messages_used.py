"""Every message of the catalog (tspol/messages.py) is said somewhere in tspol/.

A message id is used when tspol's source names it: as a string of its own
(`say("analysis.overlap", ...)`), or as the shape of a string tspol builds, an
f-string or a `+` of strings whose text starts with the id's namespace
(`f"hover.kind.{kind}"` says every `hover.kind.*`; `"report.appeal." + a.outcome`
every `report.appeal.*`). Ids built in ways no such shape shows are listed in
BUILT_ELSEWHERE, each with the source text that builds it, which must still be there.
An id none of these reach is dead text to translate and review: remove it.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from conftest import ROOT
from tspol.messages import CATALOG

SOURCE = ROOT / "tspol"
ANY_PART = r"[A-Za-z0-9_$]+"  # what a field of an f-string may put in an id (`$END` too)
NAMESPACE = re.compile(r"[a-z0-9_]+\\\.")  # a shape that starts `name.`, escaped

# id (or family, ending in `.`) -> (file, the source text that builds it)
BUILT_ELSEWHERE = {
    "check.param.unreached.help": ("dsl/checker.py", 'key: str = "check.param.unreached"'),
    "check.window.unreached.help": ("dsl/checker.py", '"check.window.unreached")'),
    "json.reason.": ("messages.py", '_known_words("json.reason", reason)'),  # Python's words, looked up
    "utf8.": ("messages.py", '_known_words("utf8", reason)'),
}
# ...and each `{key}.help` of the first two is `say(f"{key}.help")` there:
HELP_OF_KEY = ("dsl/checker.py", 'help=say(f"{key}.help")')


def _shapes(node) -> list[str] | None:
    """The regular expressions a string expression can match, or None when it is not
    built of strings (a field of an f-string, or a name, is any one part)."""
    if isinstance(node, ast.Constant):
        return [re.escape(node.value)] if isinstance(node.value, str) else None
    if isinstance(node, ast.JoinedStr):
        out = [""]
        for value in node.values:
            inner = _shapes(value.value) if isinstance(value, ast.FormattedValue) else _shapes(value)
            out = [a + b for a in out for b in (inner or [ANY_PART])]
        return out
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _shapes(node.left), _shapes(node.right)
        if left is None and right is None:
            return None
        return [a + b for a in (left or [ANY_PART]) for b in (right or [ANY_PART])]
    if isinstance(node, ast.IfExp):
        body, orelse = _shapes(node.body), _shapes(node.orelse)
        return body + orelse if body is not None and orelse is not None else None
    return None


def _catalog_keys(tree) -> set[int]:
    """The id strings of the catalog's own entries (naming an id there is not using it)."""
    return {id(key) for node in ast.walk(tree) if isinstance(node, ast.Dict) for key in node.keys}


def _named_and_built() -> tuple[set[str], list[re.Pattern]]:
    named, built = set(), []
    for path in sorted(SOURCE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _catalog_keys(tree) if path.name == "messages.py" else set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
                named.add(node.value)
            elif isinstance(node, (ast.JoinedStr, ast.BinOp)):
                built += [re.compile(s) for s in _shapes(node) or () if NAMESPACE.match(s)]
    return named, built


NAMED, BUILT = _named_and_built()


def _elsewhere(id: str) -> bool:
    return any(id == key or (key.endswith(".") and id.startswith(key)) for key in BUILT_ELSEWHERE)


def test_every_message_is_said_somewhere():
    unused = [id for id in sorted(CATALOG)
              if id not in NAMED and not any(p.fullmatch(id) for p in BUILT) and not _elsewhere(id)]
    assert unused == [], "messages that tspol/ never says (remove them, or say where they are built)"


@pytest.mark.parametrize("key", sorted(BUILT_ELSEWHERE))
def test_each_message_built_elsewhere_is_built_there(key):
    file, text = BUILT_ELSEWHERE[key]
    assert text in (SOURCE / file).read_text(encoding="utf-8"), f"{key}: {file} no longer builds it so"
    assert any(id == key or id.startswith(key) for id in CATALOG), f"{key}: no such message"
    assert not (key in NAMED or any(p.fullmatch(key) for p in BUILT)), f"{key}: found without the list"


def test_a_help_built_from_its_key_is_there():
    file, text = HELP_OF_KEY
    assert text in (SOURCE / file).read_text(encoding="utf-8")


def test_the_scan_sees_ids_built_from_parts():
    """The shapes read f-strings and `+` (these ids are said only so)."""
    for id in ("hover.kind.rate", "report.appeal.accepted", "simulate.chart.no_chart",
               "eval.unknown_region.option.close", "syntax.terminal.$END"):
        assert id not in NAMED and any(p.fullmatch(id) for p in BUILT), id
