"""Without a PATH, every command uses ./policies, else the bundled pack, and says so
on stderr when it falls back, so that a command run in the wrong folder is noticed."""

from __future__ import annotations

import json

import pytest

NOTE = "tspol: no ./policies folder here; using the bundled pack at "
SELLER = {"orders_7d": 40, "late_orders": 12}
EVENT = {"date": "2024-08-01", "kind": "violation", "id": "v1", "rule": "late_dispatch", "points": 3}


@pytest.mark.parametrize("args", [
    ["check"],
    ["test"],
    ["analyze"],
    ["cases"],
    ["eval", "--region", "US", "seller.json"],
    ["simulate", "--region", "US", "events.jsonl"],
    ["compile", "-o", "out"],
    ["fmt", "--check"],
])
def test_the_bundled_pack_is_named_when_used_by_default(cli, tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seller.json").write_text(json.dumps(SELLER), encoding="utf-8")
    (tmp_path / "events.jsonl").write_text(json.dumps(EVENT) + "\n", encoding="utf-8")
    result = cli(*args)
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(NOTE)


def test_no_note_when_policies_is_here(cli, pack_copy, monkeypatch):
    monkeypatch.chdir(pack_copy.parent)
    (pack_copy.parent / "seller.json").write_text(json.dumps(SELLER), encoding="utf-8")
    result = cli("eval", "--region", "US", "seller.json")
    assert (result.exit_code, result.stderr) == (0, "")
