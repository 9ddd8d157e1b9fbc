"""The VS Code extension (editors/vscode): its TextMate grammar reads `.pol` text as the
parser does, its grammar tests pass, its client starts `tspol lsp`, and it packages.

The grammar's words are compared with the language's in Python. The tests that run
Node.js (vscode-tmgrammar-test, vsce) are skipped where node or npm is missing, and
fail instead with TSPOL_REQUIRE_NODE=1 (as `.ci/run` sets it). They install
editors/vscode/node_modules with `npm ci` once, where it is missing or older than
package-lock.json.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import zipfile

import pytest

from tspol.dsl.parser import _lark
from tspol.dsl.syntax_errors import ESCAPES
from tspol.pygments_lexer import language

from conftest import PACK, ROOT

EXTENSION = ROOT / "editors" / "vscode"
GRAMMAR = json.loads((EXTENSION / "syntaxes" / "tspol.tmLanguage.json").read_text(encoding="utf-8"))
MANIFEST = json.loads((EXTENSION / "package.json").read_text(encoding="utf-8"))
KEYWORD_SCOPES = ("storage.type.declaration.tspol", "support.type.tspol", "keyword.other.tspol")
NAME_SCOPES = ("variable.other.tspol", "entity.name.type.tspol")


def keyword_patterns() -> dict[str, set[str]]:
    """The words of each keyword pattern of the grammar, by its scope."""
    found = {}
    for pattern in GRAMMAR["repository"]["keywords"]["patterns"]:
        words = re.fullmatch(r"\\b\(\?:([a-z|]+)\)\\b", pattern["match"])
        assert words, pattern["match"]
        found[pattern["name"]] = set(words.group(1).split("|"))
    return found


def test_the_grammars_keywords_are_the_languages():
    words = language()
    assert keyword_patterns() == {
        "storage.type.declaration.tspol": set(words.declarations),
        "support.type.tspol": set(words.types),
        "keyword.other.tspol": set(words.keywords) - words.declarations - words.types,
    }


def test_the_words_of_contextual_patterns_are_keywords():
    """A keyword named by a pattern that reads a name after it is one of the language's."""
    regexes = [regex for name in ("declaration", "reference", "names") for regex in _matches(GRAMMAR["repository"][name])]
    named = {word for regex in regexes for word in re.findall(r"[a-z]+", re.sub(r"\[.*?\]|\\.", "", regex))}
    assert {"table", "may", "on", "of", "exclusive", "investigation"} <= named
    assert named <= set(language().keywords)


def _matches(pattern):
    """The `match` regular expressions in a pattern and the patterns inside it."""
    if isinstance(pattern, dict):
        if "match" in pattern:
            yield pattern["match"]
        for value in pattern.values():
            yield from _matches(value)
    elif isinstance(pattern, list):
        for value in pattern:
            yield from _matches(value)


def test_the_grammars_escapes_are_the_languages():
    string = GRAMMAR["repository"]["string"]["patterns"]
    escape = re.compile(next(p["match"] for p in string if p["name"] == "constant.character.escape.tspol"))
    assert {chr(c) for c in range(32, 127) if escape.fullmatch("\\" + chr(c))} == set(ESCAPES)


def test_the_manifest_contributes_the_language():
    (language,) = MANIFEST["contributes"]["languages"]
    (grammar,) = MANIFEST["contributes"]["grammars"]
    assert (MANIFEST["name"], language["id"], language["extensions"]) == ("tspol", "tspol", [".pol"])
    assert (grammar["language"], grammar["scopeName"]) == ("tspol", GRAMMAR["scopeName"])
    assert (EXTENSION / grammar["path"]).is_file() and (EXTENSION / language["configuration"]).is_file()
    assert (EXTENSION / MANIFEST["main"]).is_file()
    setting = MANIFEST["contributes"]["configuration"]["properties"]["tspol.path"]
    assert (setting["type"], setting["default"]) == ("string", "tspol")
    assert MANIFEST["capabilities"]["untrustedWorkspaces"]["restrictedConfigurations"] == ["tspol.path"]
    configuration = json.loads((EXTENSION / language["configuration"]).read_text(encoding="utf-8"))
    assert configuration["comments"] == {"lineComment": "#"}


def test_npm_packages_are_pinned_and_locked():
    lock = json.loads((EXTENSION / "package-lock.json").read_text(encoding="utf-8"))
    pinned = {**MANIFEST["dependencies"], **MANIFEST["devDependencies"]}
    assert {"vscode-languageclient", "@vscode/vsce", "vscode-tmgrammar-test"} <= set(pinned)
    for package, version in pinned.items():
        assert re.fullmatch(r"[0-9]+\.[0-9]+\.[0-9]+", version), f"{package} is not pinned: {version}"
        assert lock["packages"][f"node_modules/{package}"]["version"] == version
    assert lock["packages"]["node_modules/@vscode/vsce"]["engines"]["node"] == ">= 20"
    assert not [name for name, entry in lock["packages"].items() if "resolved" in entry]  # .npmrc: no addresses


# ---- with Node.js ------------------------------------------------------------------


def _node_missing() -> str | None:
    missing = [tool for tool in ("node", "npm", "npx") if shutil.which(tool) is None]
    return f"needs Node.js 20 and npm: {', '.join(missing)} not found" if missing else None


def _installed() -> bool:
    marker = EXTENSION / "node_modules" / ".package-lock.json"  # npm writes it when an install ends
    return marker.is_file() and marker.stat().st_mtime >= (EXTENSION / "package-lock.json").stat().st_mtime


@pytest.fixture(scope="session")
def npx():
    """Run a command of editors/vscode/node_modules/.bin in editors/vscode: (exit code, output)."""
    reason = _node_missing()
    if reason:
        if os.environ.get("TSPOL_REQUIRE_NODE"):
            pytest.fail(f"TSPOL_REQUIRE_NODE is set and {reason}")
        pytest.skip(reason)
    if not _installed():
        done = subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=EXTENSION,
                              capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stdout + done.stderr

    def run(*args: str) -> tuple[int, str]:
        done = subprocess.run(["npx", "--no-install", *args], cwd=EXTENSION,
                              capture_output=True, text=True, timeout=300)
        return done.returncode, done.stdout + done.stderr

    return run


def test_the_grammars_unit_tests_pass(npx):
    code, output = npx("vscode-tmgrammar-test", "tests/unit/*.pol")
    assert code == 0, output
    assert "words.pol run successfuly" in output


def test_the_grammars_snapshots_are_current(npx):
    code, output = npx("vscode-tmgrammar-snap", "tests/snap/*.pol")
    assert code == 0, output
    assert sorted(p.name for p in (EXTENSION / "tests" / "snap").glob("*.snap")) == [
        "fulfilment.pol.snap", "tokens.pol.snap"]


def snapshot_words(snap: str) -> dict[tuple[int, int, int], str]:
    """(line, UTF-16 column, length) -> scopes of each token of a vscode-tmgrammar-snap file."""
    found, line = {}, 0
    for row in snap.splitlines():
        if row.startswith(">"):
            line += 1
            continue
        scopes = re.fullmatch(r"#( *)(\^+) (.*)", row)
        assert scopes, row
        found[line, len(scopes.group(1)), len(scopes.group(2))] = scopes.group(3)
    return found


def parser_words(text: str) -> list[tuple[int, int, int, str, bool]]:
    """(line, UTF-16 column, length, word, is a keyword) of each word as the parser reads it."""
    keywords, lines = language().keywords, text.splitlines()
    return [(token.line, _utf16(lines[token.line - 1][:token.column - 1]), _utf16(token.value), token.value,
             token.type != "NAME")
            for token in _lark().parse_interactive(text, start="start").iter_parse()
            if token.type == "NAME" or token.value in keywords]


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _is_keyword(scopes: str | None) -> bool | None:
    if scopes is None:
        return None
    last = scopes.split()[-1]
    return True if last in KEYWORD_SCOPES else False if last in NAME_SCOPES else None


def test_the_grammar_reads_every_word_as_the_parser_does(npx, tmp_path):
    """Every word of the bundled pack and of the sample of every token: a keyword in
    the TextMate grammar exactly where the parser reads a keyword."""
    sources = sorted(PACK.rglob("*.pol")) + [EXTENSION / "tests" / "snap" / "tokens.pol"]
    for index, source in enumerate(sources):
        shutil.copyfile(source, tmp_path / f"{index}-{source.name}")
    code, output = npx("vscode-tmgrammar-snap", "--updateSnapshot", f"{tmp_path}/*.pol")
    assert code == 0, output
    for index, source in enumerate(sources):
        copy = tmp_path / f"{index}-{source.name}"
        scopes = snapshot_words((tmp_path / f"{copy.name}.snap").read_text(encoding="utf-8"))
        words = parser_words(source.read_text(encoding="utf-8"))
        assert len(words) > 20
        read = [(line, column, word, _is_keyword(scopes.get((line, column, length))))
                for line, column, length, word, _ in words]
        assert read == [(line, column, word, keyword) for line, column, _, word, keyword in words], source.name


def test_the_client_starts_tspol_lsp_with_the_setting(npx):
    script = """
const { serverOptions } = require("./src/server.js");
const setting = (value) => ({ get: (key, fallback) => (key === "path" && value !== undefined ? value : fallback) });
console.log(JSON.stringify([undefined, "/opt/tspol/bin/tspol", " .venv/bin/tspol ", ""].map(
  (value) => serverOptions(setting(value)))));
"""
    done = subprocess.run(["node", "-e", script], cwd=EXTENSION, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [
        {"command": "tspol", "args": ["lsp"]},
        {"command": "/opt/tspol/bin/tspol", "args": ["lsp"]},
        {"command": ".venv/bin/tspol", "args": ["lsp"]},
        {"command": "tspol", "args": ["lsp"]},
    ]
    for source in ("src/extension.js", "src/server.js"):
        done = subprocess.run(["node", "--check", source], cwd=EXTENSION, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr


def test_the_extension_packages_into_a_vsix(npx, tmp_path):
    vsix = tmp_path / "tspol.vsix"
    code, output = npx("vsce", "package", "--skip-license", "--allow-missing-repository", "--out", str(vsix))
    assert code == 0, output
    with zipfile.ZipFile(vsix) as archive:
        names = set(archive.namelist())
        packaged = json.loads(archive.read("extension/package.json"))
        grammar = json.loads(archive.read("extension/syntaxes/tspol.tmLanguage.json"))
    assert {"extension.vsixmanifest", "extension/language-configuration.json", "extension/src/extension.js",
            "extension/src/server.js", "extension/node_modules/vscode-languageclient/package.json"} <= names
    assert (packaged["name"], packaged["contributes"]) == (MANIFEST["name"], MANIFEST["contributes"])
    assert grammar == GRAMMAR
    assert not [name for name in names if name.startswith(("extension/tests/", "extension/node_modules/@vscode/vsce"))]
