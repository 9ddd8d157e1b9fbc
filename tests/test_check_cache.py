"""`tspol check` keeps what it found in a pack and says it again, byte for byte,
until the pack, the path it was given by, tspol's code, Lark or Python change.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap

import pytest

from conftest import PACK, ROOT, edited_pack
from tspol.compiler import cache
from tspol.workspace import Sources, Workspace

BROKEN = [  # errors with related places and help
    ("fulfilment.pol", "late_orders >= 30 then", "late_orders >= 30% then"),
    ("service.pol", "rule dispute_rate in US, SEA, UK", "rule dispute_rate in US, SEA, UKK"),
    ("ledger.pol", "  threshold 36 {", "  threshold 24 {"),
]
WARNING = [("metrics.pol", "  standard LDR < 4%", "  standard LDR >= 4%")]
SYNTAX = [("fulfilment.pol", "then points 2\n", "then points 2,\n")]


@pytest.fixture
def cache_folder(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("TSPOL_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def calls(monkeypatch):
    """How many times a pack was really checked (parsed, checked, analysed)."""
    counted = []
    real = Workspace.diagnostics

    def counting(workspace):
        counted.append(workspace.root)
        return real(workspace)

    monkeypatch.setattr(Workspace, "diagnostics", counting)
    return counted


def run(cli, *args):
    result = cli("check", *args)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("edits", [[], WARNING, BROKEN, SYNTAX, BROKEN + WARNING],
                         ids=["clean", "warning", "errors", "syntax", "errors-and-warning"])
@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_a_hit_says_what_the_miss_said(cli, tmp_path, cache_folder, calls, monkeypatch, edits, fmt):
    pack = edited_pack(tmp_path, replacements=edits)
    miss = run(cli, pack, "--format", fmt)
    hit = run(cli, pack, "--format", fmt)
    assert hit == miss
    assert len(calls) == 1  # the second run was answered from the cache
    assert miss[0] == (1 if edits in (BROKEN, SYNTAX, BROKEN + WARNING) else 0)
    monkeypatch.setenv("TSPOL_CACHE_DIR", "")  # and no cache at all says the same
    assert run(cli, pack, "--format", fmt) == miss


def test_one_stored_check_serves_every_format(cli, tmp_path, cache_folder, calls):
    pack = edited_pack(tmp_path, replacements=BROKEN + WARNING)
    outputs = {fmt: run(cli, pack, "--format", fmt) for fmt in ("json", "text", "github")}
    assert len(calls) == 1
    records = json.loads(outputs["json"][1])
    assert {r["severity"] for r in records} == {"error", "warning"}
    assert any("related" in r for r in records) and any("help" in r for r in records)


def test_a_stored_diagnostic_reads_back_equal(pack_copy):
    from tspol.dsl.loader import load_pack
    from tspol.diagnostics import TspolError

    for name, old, new in BROKEN + WARNING:
        file = pack_copy / name
        file.write_text(file.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    with pytest.raises(TspolError) as raised:
        load_pack(pack_copy)
    diagnostics = raised.value.diagnostics
    assert [cache._diagnostic(json.loads(json.dumps(cache._record(d)))) for d in diagnostics] == list(diagnostics)


def test_an_edit_to_the_pack_is_checked_again(cli, tmp_path, cache_folder, calls):
    pack = edited_pack(tmp_path)
    assert run(cli, pack)[0] == 0
    file = pack / "fulfilment.pol"
    file.write_text(file.read_text(encoding="utf-8").replace(*BROKEN[0][1:]), encoding="utf-8")
    code, out, _ = run(cli, pack)
    assert code == 1 and "E301" in out
    assert len(calls) == 2


def test_a_new_file_in_the_pack_is_checked_again(cli, tmp_path, cache_folder, calls):
    pack = edited_pack(tmp_path)
    run(cli, pack)
    (pack / "extra.pol").write_text("region US {}\n", encoding="utf-8")
    code, out, _ = run(cli, pack)
    assert code == 1 and "extra.pol" in out
    assert len(calls) == 2


def test_the_path_as_given_is_part_of_the_key(cli, tmp_path, cache_folder, calls, monkeypatch):
    pack = edited_pack(tmp_path, replacements=BROKEN)
    monkeypatch.chdir(tmp_path)
    relative = run(cli, "policies")
    absolute = run(cli, pack)
    assert "policies/fulfilment.pol:43" in relative[1] and str(pack / "fulfilment.pol") + ":43" in absolute[1]
    assert len(calls) == 2


def test_a_change_to_tspol_code_is_checked_again(cli, tmp_path, cache_folder, calls, monkeypatch):
    pack = edited_pack(tmp_path)
    run(cli, pack)
    monkeypatch.setattr(cache, "fingerprint", lambda parts=cache.COMPILER_PARTS: "another tspol")
    run(cli, pack)
    assert len(calls) == 2


def test_the_fingerprint_covers_every_module_of_tspol(tmp_path, monkeypatch):
    """Not only the compiler and the language: the CLI and diagnostics decide what check says."""
    copy = tmp_path / "tspol"
    shutil.copytree(cache.PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "PACKAGE", copy)
    assert {"", "cli", "compiler", "dsl", "runtime"} <= set(cache.package_parts())
    for name in ("diagnostics.py", "cli/check.py", "cli/common.py", "compiler/analysis.py", "dsl/grammar.lark"):
        before = cache.fingerprint(cache.package_parts())
        file = copy / name
        file.write_text(file.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        assert cache.fingerprint(cache.package_parts()) != before, name


def test_the_fingerprint_sees_an_edit_that_keeps_size_and_time(tmp_path, monkeypatch):
    """Builds that give every file the same time (Nix) must not hide a same-size edit."""
    copy = tmp_path / "tspol"
    shutil.copytree(cache.PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "PACKAGE", copy)
    file = copy / "compiler" / "pygen.py"
    before, stat = cache.fingerprint(), file.stat()
    text = file.read_text(encoding="utf-8")
    file.write_text(text.replace("points += ", "points -= ", 1), encoding="utf-8")
    os.utime(file, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert file.stat().st_size == stat.st_size
    assert cache.fingerprint() != before


def test_every_part_of_the_key_matters(monkeypatch):
    def key(path, texts, relpaths):
        return cache.check_key(path, relpaths, Sources(texts, relpaths, path).hash)

    sources = {"p/a.pol": "region US {}\n"}
    relpaths = {"p/a.pol": "a.pol"}
    first = key("p", sources, relpaths)
    assert key("p", sources, relpaths) == first
    assert key("./p", sources, relpaths) != first
    assert key("p", {"p/a.pol": "region UK {}\n"}, relpaths) != first
    assert key("p", {"q/a.pol": sources["p/a.pol"]}, {"q/a.pol": "a.pol"}) != first
    assert key("p", sources, {"p/a.pol": "b.pol"}) != first
    monkeypatch.setattr(cache, "_lark_stamp", lambda: "another lark")
    assert key("p", sources, relpaths) != first


def test_a_damaged_stored_check_is_checked_again(cli, tmp_path, cache_folder, calls):
    pack = edited_pack(tmp_path, replacements=BROKEN)
    first = run(cli, pack, "--format", "json")
    (stored,) = (cache_folder / "check").iterdir()
    for damage in ("{not json", json.dumps({"format": 1, "diagnostics": [{"code": "E301"}]}), ""):
        stored.write_text(damage, encoding="utf-8")
        assert run(cli, pack, "--format", "json") == first
    assert len(calls) == 4
    assert run(cli, pack, "--format", "json") == first and len(calls) == 4  # stored again, whole


def test_an_unusable_cache_folder_means_no_cache(cli, tmp_path, calls, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("TSPOL_CACHE_DIR", str(blocker / "cache"))
    pack = edited_pack(tmp_path, replacements=BROKEN)
    first = run(cli, pack)
    assert first[0] == 1 and run(cli, pack) == first
    assert len(calls) == 2


def test_an_empty_cache_setting_stores_nothing(cli, tmp_path, calls, monkeypatch):
    monkeypatch.setenv("TSPOL_CACHE_DIR", "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    pack = edited_pack(tmp_path)
    run(cli, pack)
    run(cli, pack)
    assert len(calls) == 2 and not (tmp_path / "xdg").exists()


def test_a_missing_pack_is_not_stored(cli, tmp_path, cache_folder):
    empty = tmp_path / "empty.pol"
    empty.write_bytes(b"\xff\xfe not utf-8")
    code, out, _ = run(cli, empty)
    assert code == 1 and "UTF-8" in out
    assert not (cache_folder / "check").exists()


def test_a_hit_loads_no_parser(tmp_path):
    """The point of the cache: the second `tspol check` reads no grammar, runs no checker."""
    script = textwrap.dedent(f"""
        import sys
        from tspol.cli.main import cli
        try:
            cli.main(["check", {str(PACK)!r}], prog_name="tspol")
        except SystemExit:
            pass
        loaded = sorted(m for m in sys.modules if m.split(".")[0] == "lark" or m in (
            "tspol.dsl.parser", "tspol.dsl.checker", "tspol.compiler.analysis"))
        print(loaded, file=sys.stderr)
    """)
    env = {**os.environ, "TSPOL_CACHE_DIR": str(tmp_path / "cache")}
    first = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, cwd=ROOT)
    second = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, cwd=ROOT)
    assert "tspol.dsl.parser" in first.stderr
    assert second.stderr.splitlines()[-1] == "[]"
    assert second.stderr.splitlines()[:-1] == first.stderr.splitlines()[:-1]  # "checked ...: no problems"
