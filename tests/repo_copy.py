"""A copy of the working tree that pip can install: what the GitHub Action and the
pre-commit hooks install from (`${{ github.action_path }}`, a hooks repository), made
from the files as they are now, not from a commit."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INSTALLED = ("pyproject.toml", "README.md", "tspol", "policies")  # what `pip install .` reads
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", "build", "dist")


def copy_repo(target: Path, extra=()) -> Path:
    """The files pip installs from, and `extra` (paths relative to the root), at `target`."""
    target.mkdir(parents=True, exist_ok=True)
    for name in (*INSTALLED, *extra):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=IGNORED)
        else:
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


def git(folder: Path, *args: str) -> str:
    """Run git in `folder` (a scratch repository), with an identity of its own."""
    done = subprocess.run(["git", "-c", "user.name=tspol tests", "-c", "user.email=tests@tspol.invalid",
                           "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
                          cwd=folder, capture_output=True, text=True, check=True)
    return done.stdout


def git_repository(folder: Path) -> Path:
    """`folder` as a git repository, with everything in it committed."""
    git(folder, "init", "-q")
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "scratch")
    return folder
