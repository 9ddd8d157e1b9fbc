"""The pre-commit hooks (.pre-commit-hooks.yaml): `tspol-check` and `tspol-fmt`.

The manifest is validated by pre-commit's own schema, and each hook's entry is run as
pre-commit runs it (entry, args, then the file names). `test_try_repo` runs both
hooks with `pre-commit try-repo` on a scratch repository, with their environment
installed by pre-commit (a virtual environment, pip installing a copy of this
working tree committed to a scratch repository of its own: try-repo reads a
repository's commits, and the hooks file need not be committed here): about 10 s.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import PACK, ROOT
from repo_copy import copy_repo, git, git_repository
from test_check_cli import BROKEN, break_pack

MANIFEST = ROOT / ".pre-commit-hooks.yaml"
HOOKS = {hook["id"]: hook for hook in yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))}
BIN = Path(sys.executable).parent  # where this environment's `tspol` is
UNFORMATTED = ("metrics.pol", "standard LDR < 4%", "standard   LDR  <  4%")  # tspol fmt undoes it


def run_hook(hook_id: str, files, cwd: Path) -> subprocess.CompletedProcess:
    """The hook's command as pre-commit builds it: entry, args, then the file names that match `files`."""
    hook = HOOKS[hook_id]
    matching = [str(f) for f in files if re.search(hook["files"], str(f))]
    command = shlex.split(hook["entry"]) + list(hook.get("args", [])) + (matching if hook["pass_filenames"] else [])
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ['PATH']}")
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)


@pytest.fixture
def packs(tmp_path) -> Path:
    """A repository folder with two packs: `good` (the bundled pack, one line badly laid out) and
    `broken` (an error in fulfilment.pol)."""
    repo = tmp_path / "repo"
    for name in ("good", "broken"):
        shutil.copytree(PACK, repo / name, ignore=shutil.ignore_patterns("examples", "__pycache__"))
    break_pack(repo / "good", UNFORMATTED)
    break_pack(repo / "broken", BROKEN[0])
    (repo / "README.md").write_text("not a policy\n", encoding="utf-8")
    return repo


# ---- the manifest -------------------------------------------------------------------------------

def test_the_manifest_is_valid_for_pre_commit():
    from pre_commit.clientlib import load_manifest

    hooks = {hook["id"]: hook for hook in load_manifest(str(MANIFEST))}
    assert set(hooks) == {"tspol-check", "tspol-fmt"}
    for hook in hooks.values():
        assert hook["language"] == "python" and hook["pass_filenames"] is True
    assert hooks["tspol-check"]["entry"] == "tspol check" and hooks["tspol-fmt"]["entry"] == "tspol fmt"
    assert hooks["tspol-check"]["require_serial"] is True  # one run per pack, not one per batch of files


@pytest.mark.parametrize("hook_id", sorted(HOOKS))
def test_hooks_take_pol_files_only(hook_id):
    pattern = re.compile(HOOKS[hook_id]["files"])
    assert all(pattern.search(p) for p in ["policies/fulfilment.pol", "a b/规则.pol"])
    assert not any(pattern.search(p) for p in ["README.md", "policies/x.pol.orig", "policies/examples/us.jsonl"])


# ---- the entries, run as pre-commit runs them ------------------------------------------------------------

def test_check_passes_on_files_of_a_clean_pack(packs):
    result = run_hook("tspol-check", ["good/fulfilment.pol", "good/service.pol", "README.md"], packs)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and result.stderr.endswith("checked good: no problems\n")


def test_check_checks_the_whole_pack_of_each_file_once(packs):
    result = run_hook("tspol-check", ["good/service.pol", "broken/service.pol", "broken/ledger.pol"], packs)
    assert result.returncode == 1
    assert result.stdout.startswith("broken/fulfilment.pol:43:40: error[E301]:")  # a file not given, of its pack
    assert result.stdout.count("error[") == 1
    assert result.stderr.endswith("checked good, broken: 1 error\n")


def test_fmt_rewrites_the_files_given_and_only_them(packs):
    before = {p: p.read_bytes() for p in packs.rglob("*.pol")}
    result = run_hook("tspol-fmt", ["good/metrics.pol", "good/service.pol"], packs)
    assert result.returncode == 0, result.stderr  # pre-commit fails the commit: a file changed
    changed = [p for p in before if p.read_bytes() != before[p]]
    assert changed == [packs / "good" / "metrics.pol"]
    assert (packs / "good" / "metrics.pol").read_text(encoding="utf-8") == (PACK / "metrics.pol").read_text(
        encoding="utf-8")
    assert run_hook("tspol-fmt", ["good/metrics.pol"], packs).stderr == "1 file already formatted\n"


# ---- pre-commit itself -----------------------------------------------------------------------------

def test_try_repo(packs, tmp_path):
    hooks_repo = git_repository(copy_repo(tmp_path / "hooks", extra=[".pre-commit-hooks.yaml"]))
    git_repository(packs)
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"), PRE_COMMIT_COLOR="never")
    files = ["good/metrics.pol", "good/service.pol", "broken/fulfilment.pol", "README.md"]
    result = subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(hooks_repo), "--files", *files],
                            cwd=packs, env=env, capture_output=True, text=True)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert re.search(r"^tspol check\.+Failed$", output, re.M), output
    assert "broken/fulfilment.pol:43:40: error[E301]:" in output
    assert "checked good, broken: 1 error" in output
    assert re.search(r"^tspol fmt\.+Failed$", output, re.M), output
    assert "- files were modified by this hook" in output
    assert git(packs, "diff", "--name-only").splitlines() == ["good/metrics.pol"]
