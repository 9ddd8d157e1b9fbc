"""Semantic diffs of edited example packs, as data (issue 11): tests/fixtures/semdiff/EXAMPLE/*.case.

Each case edits a copy of examples/EXAMPLE (`@@ replace` / `@@ with`, `@@ add` as in
tests/fixtures/analysis) into `new`, beside the unedited copy `old`. Its `@@ expect`
is the command (`tspol diff old new`, or `tspol diff new --versions 1 2` for an
amendment the case adds) and then the lines the command prints, blank lines aside.

Every change's seller is confirmed by the interpreter under both packs: a level
change's seller gets the two levels it states (issue 11: a level set's new default
or order changes the level of sellers whose rows give the same levels), a rule
change's seller two different decisions on the rule; and every boundary seller of
either pack whose level differs lies in a reported change of its region.
"""

from __future__ import annotations

import shlex
import shutil
from pathlib import Path

import pytest

from test_check_fixtures import read_case
from test_semdiff import project
from tspol.compiler.cases import boundary_cases
from tspol.compiler.semdiff import diff_programs
from tspol.runtime.interpreter import evaluate
from tspol.workspace import Workspace

ROOT = Path(__file__).resolve().parents[1]
CASES = Path(__file__).resolve().parent / "fixtures" / "semdiff"
CASE_FILES = sorted(CASES.glob("*/*.case"))


def _packs(case_file: Path, root: Path) -> tuple[Path, Path]:
    """`old`, a copy of the case's example pack, and `new`, that copy edited as the case says."""
    case = read_case(case_file)
    example = ROOT / "examples" / case_file.parent.name
    old, new = root / "old", root / "new"
    for copy in (old, new):
        shutil.copytree(example, copy, ignore=shutil.ignore_patterns("examples", "*.jsonl"))
    for name, before, after in case.replacements:
        file = new / name
        text = file.read_text(encoding="utf-8")
        assert text.count(before) == 1, f"{case_file.name}: the text to replace occurs {text.count(before)} times"
        file.write_text(text.replace(before, after), encoding="utf-8")
    for name, text in case.additions:
        (new / name).write_text(text, encoding="utf-8")
    return old, new


def _programs(root: Path, args: list[str]):
    """The two programs the command compares."""
    paths = [a for a in args if not a.startswith("--") and a[0].isalpha() and (root / a).is_dir()]
    if "--versions" in args:
        workspace = Workspace.open(root / paths[0])
        labels = args[args.index("--versions") + 1:args.index("--versions") + 3]
        return tuple(workspace.of_version(label).lowered() for label in labels)
    if "--from" in args:
        import datetime

        workspace = Workspace.open(root / paths[0])
        days = (args[args.index(option) + 1] for option in ("--from", "--to"))
        return tuple(workspace.at(datetime.date.fromisoformat(day)).lowered() for day in days)
    return tuple(Workspace.open(root / path).lowered() for path in paths)


def assert_level_witnesses_are_real(old, new, diff) -> None:
    """A level change's seller gets the level it states under each pack, in the region it names."""
    for change in diff.changes:
        if not change.rule.startswith("levels "):
            continue
        level_set = change.rule.removeprefix("levels ")
        before = evaluate(old, change.witness, change.region)["levels"][level_set]
        after = evaluate(new, change.witness, change.region)["levels"][level_set]
        assert (before, after) == (change.before.level, change.after.level), change
        assert before != after and change.contains(change.witness)


def rule_levels(program, decision: dict, rule: str) -> list:
    """The (set, level) pairs the rows of `rule` that fired give (a violation names its row's place)."""
    rows = {row.where: row for region in program.regions for r in region.rules if r.name == rule
            for table in r.tables for row in table.rows}
    return sorted(pair for v in decision["violations"] if v["rule"] == rule for pair in rows[v["where"]].levels)


def assert_rule_witnesses_are_real(old, new, diff) -> None:
    """A rule change's seller gets two different decisions on the rule: what `project`
    compares, or the levels its rows give."""
    for change in diff.changes:
        if change.rule.startswith("levels "):
            continue
        before, after = (evaluate(p, change.witness, change.region) for p in (old, new))
        assert ((project(before, change.rule), rule_levels(old, before, change.rule))
                != (project(after, change.rule), rule_levels(new, after, change.rule))), change
        assert rule_levels(old, before, change.rule) == list(change.before.levels)
        assert rule_levels(new, after, change.rule) == list(change.after.levels)
        assert change.contains(change.witness)


def assert_every_level_change_is_reported(old, new, diff) -> None:
    """A boundary seller of either pack whose level differs lies in a change of its region."""
    for case in boundary_cases(old) + boundary_cases(new):
        before, after = (evaluate(p, case.metrics, case.region).get("levels") for p in (old, new))
        if before != after:
            assert any(c.region == case.region and c.contains(case.metrics) for c in diff.changes), case


@pytest.mark.parametrize("case_file", CASE_FILES, ids=[f"{p.parent.name}/{p.stem}" for p in CASE_FILES])
def test_semdiff_case(case_file, tmp_path, monkeypatch, cli):
    _packs(case_file, tmp_path)
    command, *expected = read_case(case_file).expected
    words = shlex.split(command)
    assert words[:2] == ["tspol", "diff"], f"{case_file.name}: the first line of @@ expect is the command"
    monkeypatch.chdir(tmp_path)
    result = cli(*words[1:])
    assert result.exit_code == 1, result.output
    assert [line.strip() for line in result.stdout.splitlines() if line.strip()] == expected

    old, new = _programs(tmp_path, words[2:])
    diff = diff_programs(old, new)
    assert_level_witnesses_are_real(old, new, diff)
    assert_rule_witnesses_are_real(old, new, diff)
    assert_every_level_change_is_reported(old, new, diff)


def test_every_example_of_the_cases_is_a_pack():
    assert CASE_FILES and all((ROOT / "examples" / p.parent.name / "policy.pol").is_file() for p in CASE_FILES)


def test_the_readme_shows_what_the_order_case_prints():
    """README "### Levels" shows a level change of swapping yellow and orange: levels/order_swapped.case."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("Swapping yellow and orange in\n  examples/levels:\n\n```text\n", 1)[1].split("```", 1)[0]
    shown = [line.strip() for line in block.splitlines()]
    expected = list(read_case(CASES / "levels" / "order_swapped.case").expected)
    assert any(expected[i:i + len(shown)] == shown for i in range(len(expected))), shown
