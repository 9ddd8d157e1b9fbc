"""The GitHub Action (action.yml): its steps' scripts run here, as the runner runs them.

Each `run:` step is run with bash as GitHub runs `shell: bash` (`bash --noprofile
--norc -eo pipefail`), its `env:` expressions replaced by the inputs (their defaults,
or the values a test gives) and `${{ github.action_path }}` by the root of this
repository, in a folder holding a pack: a renamed option or command of tspol fails
these tests. The install step runs for real (a virtual environment, pip installing
a copy of this repository) in `test_the_install_step_installs_tspol_from_the_action`.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import PACK, ROOT
from repo_copy import copy_repo
from test_check_cli import BROKEN, break_pack
from test_sarif import SCHEMA_FILE

ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
STEPS = ACTION["runs"]["steps"]
INSTALL = "Install tspol"
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
BIN = Path(sys.executable).parent  # where this environment's `tspol` is


def defaults() -> dict[str, str]:
    return {name: str(spec.get("default", "")) for name, spec in ACTION["inputs"].items()}


def evaluate(value: str, inputs: dict[str, str], action_path: Path = ROOT) -> str:
    """`${{ inputs.NAME }}` and `${{ github.action_path }}` in a value; any other expression fails."""
    def one(match):
        expression = match.group(1)
        if expression == "github.action_path":
            return str(action_path)
        name = expression.removeprefix("inputs.")
        assert name != expression and name in inputs, f"an expression this test cannot evaluate: {expression}"
        return inputs[name]

    return EXPRESSION.sub(one, str(value))


def run_step(step: dict, inputs: dict[str, str], workspace: Path, runner_temp: Path,
             action_path: Path = ROOT, path: str | None = None) -> subprocess.CompletedProcess:
    script = runner_temp / "step.sh"
    script.write_text(step["run"], encoding="utf-8")
    env = dict(os.environ, RUNNER_TEMP=str(runner_temp), GITHUB_PATH=str(runner_temp / "github_path"),
               PATH=path or f"{BIN}{os.pathsep}{os.environ['PATH']}")
    env.update({key: evaluate(value, inputs, action_path) for key, value in step.get("env", {}).items()})
    assert step["shell"] == "bash"
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)], cwd=workspace, env=env,
                          capture_output=True, text=True)


def run_action(workspace: Path, **given: str) -> dict[str, subprocess.CompletedProcess]:
    """The `run:` steps after the install step, stopping at the first that fails, as a
    composite action does; tspol is this environment's."""
    inputs = defaults() | {name.replace("_", "-"): value for name, value in given.items()}
    runner_temp = workspace.parent / "runner_temp"
    runner_temp.mkdir(exist_ok=True)
    done = {}
    for step in STEPS:
        if "run" not in step or step.get("name") == INSTALL:
            continue
        done[step["name"]] = run_step(step, inputs, workspace, runner_temp)
        assert "Traceback" not in done[step["name"]].stderr
        if done[step["name"]].returncode != 0:
            break
    return done


@pytest.fixture
def workspace(tmp_path) -> Path:
    """A checkout with the bundled pack, examples too, at `policies`."""
    folder = tmp_path / "repo"
    shutil.copytree(PACK, folder / "policies", ignore=shutil.ignore_patterns("__pycache__"))
    return folder


# ---- the file ---------------------------------------------------------------------------

def test_the_action_is_composite_and_every_input_is_used():
    assert ACTION["runs"]["using"] == "composite"
    used = {m.group(1).removeprefix("inputs.") for m in EXPRESSION.finditer((ROOT / "action.yml").read_text())
            if m.group(1).startswith("inputs.")}
    assert used == set(ACTION["inputs"])
    for name, spec in ACTION["inputs"].items():
        assert spec["description"] and spec["required"] is False and isinstance(spec["default"], str), name
    assert defaults()["policy"] == "policies"


def test_steps_set_up_python_install_tspol_check_and_test():
    setup, *runs = STEPS
    assert setup["uses"].startswith("actions/setup-python@")
    assert setup["with"]["python-version"] == "${{ inputs.python-version }}"
    assert [s["name"] for s in runs] == [INSTALL, "tspol check", "tspol test"]
    for step in runs:
        assert step["shell"] == "bash"
        assert "${{" not in step["run"], "inputs reach scripts through env, never pasted into them"
    assert "${{ github.action_path }}" in STEPS[1]["env"].values()


# ---- the steps, run -----------------------------------------------------------------------------

def test_with_the_defaults_the_bundled_pack_is_checked_and_tested(workspace):
    done = run_action(workspace)
    assert [p.returncode for p in done.values()] == [0, 0]
    assert done["tspol check"].stdout == ""  # no annotations
    assert re.search(r"(\d+) examples: \1 passed, 0 failed", done["tspol test"].stderr)
    assert sorted(p.name for p in workspace.iterdir()) == ["policies"]  # no SARIF, no JUnit


def test_sarif_and_junit_files_are_written_where_asked(workspace):
    done = run_action(workspace, sarif_file="reports/tspol.sarif", junit_file="reports/junit/tspol.xml")
    assert [p.returncode for p in done.values()] == [0, 0]
    log = json.loads((workspace / "reports" / "tspol.sarif").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))).validate(log)
    assert log["runs"][0]["results"] == []
    suites = ET.parse(workspace / "reports" / "junit" / "tspol.xml").getroot()
    assert suites.iter("testcase") and int(suites.get("failures", 0)) == 0


def test_a_broken_pack_fails_with_annotations_and_sarif_and_is_not_tested(workspace):
    break_pack(workspace / "policies", *BROKEN)
    done = run_action(workspace, sarif_file="tspol.sarif", junit_file="junit.xml")
    assert list(done) == ["tspol check"] and done["tspol check"].returncode == 1
    annotations = done["tspol check"].stdout.splitlines()
    assert len(annotations) == 3
    assert annotations[0].startswith("::error file=policies/fulfilment.pol,line=43,col=40,")
    log = json.loads((workspace / "tspol.sarif").read_text(encoding="utf-8"))
    assert [r["ruleId"] for r in log["runs"][0]["results"]] == ["E301", "E201", "E200"]
    assert not (workspace / "junit.xml").exists()


def test_strict_fails_on_warnings(workspace):
    break_pack(workspace / "policies",
               ("service.pol", "  on DRR\n  may points\n", "  on DRR\n  table {\n  }\n  may points\n"))
    # (an empty table changes what three examples expect: they are not run here)
    assert [p.returncode for p in run_action(workspace, test="false").values()] == [0, 0]
    done = run_action(workspace, strict="true", sarif_file="tspol.sarif", test="false")
    assert done["tspol check"].returncode == 1
    assert done["tspol check"].stdout.startswith("::warning file=policies/service.pol,line=42,")
    assert json.loads((workspace / "tspol.sarif").read_text())["runs"][0]["results"][0]["ruleId"] == "W200"


def test_examples_can_be_left_out(workspace):
    done = run_action(workspace, test="false", junit_file="junit.xml")
    assert [p.returncode for p in done.values()] == [0, 0]
    assert done["tspol test"].stdout == "tspol test: not run (test: false)\n"
    assert not (workspace / "junit.xml").exists()


def test_a_policy_that_is_not_there_is_a_usage_error(workspace):
    done = run_action(workspace, policy="no/such/pack", sarif_file="tspol.sarif")
    assert done["tspol check"].returncode == 2
    assert "no/such/pack" in done["tspol check"].stderr


def test_a_pol_file_stands_for_its_pack(workspace):
    done = run_action(workspace, policy="policies/fulfilment.pol", junit_file="junit.xml")
    assert [p.returncode for p in done.values()] == [0, 0]
    assert (workspace / "junit.xml").is_file()


def test_the_install_step_installs_tspol_from_the_action(tmp_path):
    # A fresh virtual environment, pip installing a copy of this repository: about 10 s.
    action_path = copy_repo(tmp_path / "action")
    runner_temp = tmp_path / "runner_temp"
    runner_temp.mkdir()
    workspace = tmp_path / "repo"
    shutil.copytree(PACK, workspace / "policies")
    shim = tmp_path / "setup-python"  # `python` as actions/setup-python leaves it: outside this environment
    shim.mkdir()
    (shim / "python").symlink_to(getattr(sys, "_base_executable", sys.executable))
    path = os.pathsep.join([str(shim)] + [p for p in os.environ["PATH"].split(os.pathsep) if Path(p) != BIN])
    install = run_step(STEPS[1], defaults(), workspace, runner_temp, action_path=action_path, path=path)
    assert install.returncode == 0, install.stderr
    assert install.stdout.startswith("tspol, version ")
    [added] = (runner_temp / "github_path").read_text().splitlines()
    assert Path(added) == runner_temp / "tspol-action-venv" / "bin"
    checked = run_step(STEPS[2], defaults(), workspace, runner_temp, path=f"{added}{os.pathsep}{path}")
    assert (checked.returncode, checked.stdout) == (0, "")
