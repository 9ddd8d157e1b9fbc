"""Semantic diff: edited copies of the pack report the sellers they affect,
each change's seller really gets two different decisions, and everything
other than tables is stated plainly. `tspol diff` exits 0 alike, 1 differ,
2 on errors, with or without `--git`.
"""

from __future__ import annotations

from fractions import Fraction

import json
import os
import shutil
import subprocess

import attrs
import pytest

from conftest import FIXTURES, PACK, edited_pack
from test_check_fixtures import build_pack, read_case
from tspol.compiler.lower import lower
from tspol.compiler.semdiff import diff_programs
from tspol.dsl.loader import load_pack
from tspol.runtime.interpreter import evaluate

CASE_FILES = sorted((FIXTURES / "analysis").glob("*.case"))


def project(decision: dict, rule: str) -> tuple:
    """What a decision says about one rule, without where it is written."""
    def limit(v):
        return None if not v else (v["days"], str(v["percent"]), v["basis"])

    return (
        sorted((v["points"], v["warning"], limit(v["limit"]), tuple(v["measures"]))
               for v in decision["violations"] if v["rule"] == rule),
        sorted(f["metric"] for f in decision["findings"] if f["rule"] == rule),
        sorted(n["metric"] for n in decision["not_applicable"] if n["rule"] == rule),
        [tuple(d["measures"]) for d in decision["discretionary"] if d["rule"] == rule],
    )


def assert_witnesses_are_real(old, new, diff) -> None:
    for change in diff.changes:
        before = evaluate(old, change.witness, change.region)
        after = evaluate(new, change.witness, change.region)
        assert project(before, change.rule) != project(after, change.rule), change
        assert change.contains(change.witness)
        for outcome, decision in ((change.before, before), (change.after, after)):
            mine = [v for v in decision["violations"] if v["rule"] == change.rule]
            assert outcome.points == sum(v["points"] for v in mine)
            assert outcome.finding == any(f["rule"] == change.rule for f in decision["findings"])



def assert_an_edit_is_diffed(program, text: str, old: str, new: str, sellers, rules) -> None:
    """Edit the pack's text (`old`, found once, to `new`) and diff the two programs: there
    are changes, their witnesses are real, and every (seller, region) of `sellers` whose
    decision on one of `rules` differs is inside a change of that rule and region."""
    from random_packs import program_of

    assert text.count(old) == 1
    edited = program_of(text.replace(old, new))
    assert edited is not None
    diff = diff_programs(program, edited)
    assert diff.changes
    assert_witnesses_are_real(program, edited, diff)
    for seller, region in sellers:
        before, after = (evaluate(p, seller, region) for p in (program, edited))
        for rule in rules:
            if project(before, rule) != project(after, rule):
                assert any(c.rule == rule and c.region == region and c.contains(seller) for c in diff.changes), \
                    (seller, rule, region)

def edited(tmp_path, name: str):
    return lower(load_pack(build_pack(read_case(FIXTURES / "analysis" / f"{name}.case"), tmp_path)))


@pytest.mark.parametrize("case_file", CASE_FILES, ids=[p.stem for p in CASE_FILES])
def test_every_edited_pack_changes_decisions_for_real(case_file, tmp_path, program):
    new = lower(load_pack(build_pack(read_case(case_file), tmp_path)))
    diff = diff_programs(program, new)
    # a row that never fires changes nothing, nor does the staircase that decides as the table it replaces
    same = case_file.stem.startswith("dead_row") or case_file.stem == "first_staircase"
    assert bool(diff.changes) != same
    assert_witnesses_are_real(program, new, diff)


def test_widening_a_row_changes_the_overlap_only(tmp_path, program):
    diff = diff_programs(program, edited(tmp_path, "overlap_ldr_widened"))
    assert [(c.region, c.rule, c.where, c.before.points, c.after.points) for c in diff.changes] == [
        ("US", "late_dispatch", "25% <= LDR < 30% and late_orders >= 5", 5, 3),
        ("SEA", "late_dispatch", "25% <= LDR < 30% and late_orders >= 5", 5, 3),
    ]
    assert diff.changes[0].witness == {"late_orders": 5, "orders_7d": 20}
    assert diff.parameters == ()


def test_a_hole_loses_the_points_and_the_measures(tmp_path, program):
    diff = diff_programs(program, edited(tmp_path, "hole_ldr_26"))
    change = diff.changes[0]
    assert change.where == "25% <= LDR < 26% and late_orders >= 5"
    assert change.before.to_dict()["discretionary"] == ["extend_settlement", "deduct_funds"]
    assert change.after.to_dict() | {"rows": []} == {
        "exists": True, "points": 0, "warning": False, "limits": [], "measures": [], "finding": True,
        "standard": "< 4%", "not_applicable": [], "discretionary": [], "rows": []}


def test_the_diff_decides_with_the_irs_own_semantics(monkeypatch, tmp_path, program):
    """One copy of the decision semantics: the diff asks the IR which quantities a rule
    reports, which rows of a table fire and which measures may follow."""
    from collections import Counter

    from tspol.compiler import ir

    new = edited(tmp_path, "overlap_ldr_widened")
    calls = Counter()
    for cls, name in ((ir.Program, "rule_quantities"), (ir.TableIR, "fired"), (ir.RuleIR, "may_follow")):
        def spy(*args, _original=getattr(cls, name), _name=name):
            calls[_name] += 1
            return _original(*args)

        monkeypatch.setattr(cls, name, spy)
    assert diff_programs(program, new).changes
    assert set(calls) == {"rule_quantities", "fired", "may_follow"}


def test_which_rows_fire_and_what_may_follow():
    from tspol.compiler import ir

    rows = tuple(ir.RowIR(i, (), i, False, None, (), f"row {i}", span=None) for i in (1, 2, 3))
    exclusive, every = (ir.TableIR(None, hit, rows, span=None) for hit in ("exclusive", "all"))
    assert exclusive.fired(lambda row: row.index >= 2) == rows[1:2]
    assert every.fired(lambda row: row.index >= 2) == rows[1:]
    assert exclusive.fired(lambda row: False) == every.fired(lambda row: False) == ()
    rule = ir.RuleIR("r", "US", "M", None, (exclusive,), ("deduct_funds",), ir.Texts(), span=None)
    assert (rule.may_follow(True, False), rule.may_follow(False, True)) == (("deduct_funds",), ())
    no_tables = attrs.evolve(rule, tables=())
    assert (no_tables.may_follow(False, True), no_tables.may_follow(False, False)) == (("deduct_funds",), ())


def test_a_pack_decides_like_itself_and_like_a_reformatted_copy(tmp_path, program):
    assert not diff_programs(program, program).differ
    copy = tmp_path / "policies"
    shutil.copytree(PACK, copy, ignore=shutil.ignore_patterns("examples"))
    fulfilment = copy / "fulfilment.pol"
    fulfilment.write_text("# a comment that moves every row down\n\n" + fulfilment.read_text("utf-8"), "utf-8")
    assert not diff_programs(program, lower(load_pack(copy))).differ


EDITS = [
    ("ledger.pol", "points expire after 180d", "points expire after 90d"),
    ("ledger.pol", "warn 5 points before each threshold", "warn 3 points before each threshold"),
    ("ledger.pol", "  threshold 12 {\n    no_campaigns for 7d\n  }", "  threshold 12 {\n    no_campaigns for 10d\n  }"),
    ("ledger.pol", "first within 30d of penalty", "first within 20d of penalty"),
    ("holds.pol", "  for significantly_not_as_described\n  period 90d to 180d",
     "  for significantly_not_as_described\n  period 60d to 180d"),
    ("holds.pol", "  for fake_or_fraudulent_orders\n  period 90d to 180d\n  ends at later of period and investigation\n"
                  "  on accepted appeal release within 1d",
     "  for fake_or_fraudulent_orders\n  period 90d to 180d\n  ends at later of period and investigation\n"
     "  on accepted appeal release within 2d"),
    ("metrics.pol", "standard LDR < 4%", "standard LDR < 5%"),
]


def test_other_changes_are_stated_plainly(tmp_path, program):
    copy = tmp_path / "policies"
    shutil.copytree(PACK, copy, ignore=shutil.ignore_patterns("examples"))
    for name, old, new in EDITS:
        file = copy / name
        text = file.read_text("utf-8")
        assert text.count(old) == 1, old
        file.write_text(text.replace(old, new), "utf-8")
    new = lower(load_pack(copy))
    diff = diff_programs(program, new)
    assert [p.text() for p in diff.parameters] == [
        "metric LDR: standard: < 4% -> < 5%",
        "ledger: points expire after: 180d -> 90d",
        "ledger: warn before each threshold: 5 points -> 3 points",
        "ledger: threshold 12: no_campaigns for 7d -> no_campaigns for 10d",
        "appeals: first within: 30d of penalty -> 20d of penalty",
        "hold snad: period: 90d to 180d -> 60d to 180d",
        "hold fake_orders: on accepted appeal: release within 1d -> release within 2d",
    ]
    assert {(c.region, c.where) for c in diff.changes} == {
        ("US", "4% <= LDR < 5%"), ("SEA", "4% <= LDR < 5%"), ("UK", "4% <= LDR < 5%")}
    assert_witnesses_are_real(program, new, diff)


def test_an_edited_catalogue_example_is_stated(cli, tmp_path, monkeypatch):
    """Issue 4: catalogue changes are stated; an example is part of the catalogue."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(PACK, tmp_path / "old", ignore=shutil.ignore_patterns("examples"))
    edited_pack(tmp_path, [("catalogue.pol", 'example en "The seller\'s business licence has expired."',
                            'example en "The seller\'s business licence expired last year."')])
    result = cli("diff", "old", "policies")
    assert result.exit_code == 1
    assert ("reason expired_seller_qualification: example en 1: The seller's business licence has expired. -> "
            "The seller's business licence expired last year.") in result.stdout


# Every declaration of the language that takes texts; each gets a description and two
# examples in test_every_text_the_language_takes_reaches_the_diff.
TEXT_DECLARATIONS = ("Policy", "Region", "Measure", "Category", "Input", "Basis", "Metric", "Rule", "Hold", "Reason")


def _add_texts(source: str, decl, label: str) -> str:
    """The source with `description en` and two `example` texts added to one declaration."""
    lines = source.splitlines(keepends=True)
    end = sum(len(line) for line in lines[:decl.span.end_line - 1]) + decl.span.end_column - 1
    texts = (f'description en "described {label}"\n  example en "{label} example 1"\n'
             f'  example zh "{label} example 2"\n')
    if source[end - 1] == "}":
        return source[:end - 1] + "  " + texts + source[end - 1:]
    return source[:end] + " {\n  " + texts + "}" + source[end:]


def test_every_text_the_language_takes_reaches_the_diff(tmp_path, program):
    from tspol.dsl.parser import parse

    copy = tmp_path / "policies"
    shutil.copytree(PACK, copy, ignore=shutil.ignore_patterns("examples"))
    added, seen = [], set()
    for file in sorted(copy.glob("*.pol")):
        source = file.read_text("utf-8")
        firsts: dict = {}  # the first declaration of each kind not edited yet, without a description
        for decl in parse(source, str(file)).decls:
            kind = type(decl).__name__
            if kind in TEXT_DECLARATIONS and kind not in seen and decl.text("description", "en") is None:
                firsts.setdefault(kind, decl)
        for kind, decl in sorted(firsts.items(), key=lambda item: -item[1].span.line):  # from the end
            label = f"{kind} {decl.name}"
            source = _add_texts(source, decl, label)
            added.append(label)
        seen.update(firsts)
        file.write_text(source, "utf-8")
    assert sorted(kind.split()[0] for kind in added) == sorted(TEXT_DECLARATIONS)
    diff = diff_programs(program, lower(load_pack(copy)))
    stated = {(p.item.rstrip("0123456789"), p.after) for p in diff.parameters if p.before is None}
    for label in added:
        assert {("description en", f"described {label}"), ("example en ", f"{label} example 1"),
                ("example zh ", f"{label} example 2")} <= stated, label
    assert not diff.changes


def test_every_field_of_the_ir_is_stated_or_left_out_with_a_reason():
    """A field added to the IR must be stated by the diff (semdiff.STATED) or left out
    on purpose (semdiff.UNSTATED); the tables of rows are the semantic diff's."""
    import attrs

    from tspol.compiler import ir, semdiff

    tables = {ir.TableIR, ir.RowIR, ir.LimitIR, ir.Texts}
    classes = {c for c in vars(ir).values() if isinstance(c, type) and attrs.has(c) and c.__module__ == ir.__name__}
    assert classes - tables == set(semdiff.STATED)
    for cls in semdiff.STATED:
        stated = [name for fields in semdiff.STATED[cls] for name in fields]
        unstated = list(semdiff.UNSTATED.get(cls, {}))
        compared = [f.name for f in attrs.fields(cls) if f.eq]
        assert sorted(stated + unstated) == sorted(compared), cls.__name__


def _other(value, name: str = ""):
    """A value of the same kind as `value` (of a field called `name`), different from it."""
    import attrs

    from tspol.compiler import ir

    if isinstance(value, bool):
        return not value
    if name == "reset":  # none in the bundled pack: a ledger that resets on the calendar
        return ir.ResetIR("month", 1, None, None)
    if name == "repeat":
        return ir.RepeatIR(30, None)
    if name == "score":  # none in the bundled pack: a score ledger (issue 11: signed scores)
        return ir.ScoreIR(200, 200, 5, 30, 0)
    if name == "extensions":  # of the bundled pack's threshold 12, whose measure is no_campaigns
        return value + (("no_campaigns", 7),)
    if name == "until_within":  # issue 11: no_campaigns until a metric is within its standard
        return value + (("no_campaigns", "LDR"),)
    if name == "while_level":  # issue 11: no_campaigns while at the threshold's level
        return value + ("no_campaigns",)
    if name == "weekday":
        return (value + 1) % 7
    if name == "cadence":  # when a rule is evaluated (issue 11, evaluation cadence)
        return ir.CadenceIR("weekly", 0) if value != ir.CadenceIR("weekly", 0) else ir.CadenceIR("daily", None)
    if name == "combine":  # arithmetic on metrics (issue 11): a metric that becomes a max of one term
        return "max" if value != "max" else "min"
    if name == "terms":
        return value + (ir.TermIR(Fraction(1), "late_orders", "late_orders", None),)
    if name == "weight":
        return value + 1
    if name == "points_range":  # a reason's stated points (issue 11, points from the catalogue)
        return (2, 4) if value != (2, 4) else (2, 5)
    if isinstance(value, int) or value is None:
        return (value or 0) + 1
    if isinstance(value, str):
        return value + " changed"
    if isinstance(value, ir.Texts):
        return attrs.evolve(value, en=(value.en or "") + " changed")
    if isinstance(value, tuple) and value and attrs.has(type(value[0])):
        first = value[0]
        name = next(f.name for f in attrs.fields(type(first)) if f.eq)
        return (attrs.evolve(first, **{name: _other(getattr(first, name))}),) + value[1:]
    if name == "examples":
        return value + (("en", "another"),)
    if isinstance(value, tuple):
        return value + (("another", 1) if value and isinstance(value[0], tuple) else "another",)
    raise AssertionError(f"no other value for {value!r}")


def test_a_change_of_any_stated_field_is_stated(program):
    import attrs

    from tspol.compiler import ir, semdiff

    examples = {ir.Program: program, ir.InputIR: program.inputs[0], ir.MetricIR: program.metrics[0],
                ir.BasisIR: program.bases[0], ir.RegionIR: program.regions[0], ir.RuleIR: program.regions[0].rules[0],
                ir.LedgerIR: program.ledger, ir.ThresholdIR: program.ledger.thresholds[0],
                ir.AppealsIR: program.appeals, ir.HoldIR: program.holds[0], ir.HoldOutcomeIR: program.holds[0].outcomes[0],
                ir.ReasonIR: program.reasons[0], ir.DocsIR: program.measure_docs[0],
                ir.ResetIR: ir.ResetIR("quarter", None, 1, 0), ir.RepeatIR: ir.RepeatIR(30, None),
                ir.CadenceIR: ir.CadenceIR("weekly", 0),
                ir.ScoreIR: ir.ScoreIR(200, 200, 5, 30, 0),  # issue 11: signed scores
                ir.LevelSetIR: ir.LevelSetIR("health", ("green", "red"), "green", ir.Texts(en="Health"),
                                             (ir.Texts(en="Green"), ir.Texts(en="Red"))),
                ir.TermIR: ir.TermIR(Fraction(2), "LDR", "late_orders", "orders_7d")}
    assert set(examples) == set(semdiff.STATED)
    for cls, example in examples.items():
        facts = semdiff.stated(example)
        for fields in semdiff.STATED[cls]:
            for name in fields:
                changed = attrs.evolve(example, **{name: _other(getattr(example, name), name)})
                assert semdiff.stated(changed) != facts, f"{cls.__name__}.{name}"


# ---- the command ---------------------------------------------------------------------

@pytest.fixture
def two_packs(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    build_pack(read_case(FIXTURES / "analysis" / "overlap_ldr_widened.case"), tmp_path)
    os.rename(tmp_path / "policies", tmp_path / "new")
    shutil.copytree(PACK, tmp_path / "old", ignore=shutil.ignore_patterns("examples"))
    return tmp_path


def test_diff_text_and_markdown(cli, two_packs, snapshot):
    text = cli("diff", "old", "new")
    markdown = cli("diff", "old", "new", "--format", "markdown")
    assert (text.exit_code, markdown.exit_code) == (1, 1)
    assert snapshot == f"$ tspol diff old new\n{text.stdout}\n$ tspol diff old new --format markdown\n{markdown.stdout}"


def test_diff_json(cli, two_packs):
    result = cli("diff", "old", "new", "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert [{k: c[k] for k in ("region", "rule", "where", "witness")} for c in data["changes"]] == [
        {"region": region, "rule": "late_dispatch", "where": "25% <= LDR < 30% and late_orders >= 5",
         "witness": {"late_orders": 5, "orders_7d": 20}} for region in ("US", "SEA")]
    assert [(c["before"]["points"], c["after"]["points"]) for c in data["changes"]] == [(5, 3), (5, 3)]
    assert data["parameters"] == [] and data["differ"] is True


def test_diff_alike_and_usage(cli, two_packs):
    result = cli("diff", "old", "old")
    assert (result.exit_code, result.stdout) == (0, "old and old decide alike\n")
    assert cli("diff", "old").exit_code == 2
    assert cli("diff", "old", "new", "--git", "HEAD").exit_code == 2
    (two_packs / "bad.pol").write_text("policy {", "utf-8")
    broken = cli("diff", "old", "bad.pol")
    assert broken.exit_code == 2 and "bad.pol:1" in broken.stderr


def _git(cwd, *args):
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


def test_diff_against_a_git_revision(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(PACK, tmp_path / "policies", ignore=shutil.ignore_patterns("examples"))
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "policies")
    _git(tmp_path, "commit", "-q", "-m", "pack")
    assert cli("diff", "--git", "HEAD").exit_code == 0

    fulfilment = tmp_path / "policies" / "fulfilment.pol"
    text = fulfilment.read_text("utf-8")
    fulfilment.write_text(text.replace("late_orders >= 5 then points 3", "late_orders >= 5 then points 4"), "utf-8")
    result = cli("diff", "--git", "HEAD", "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["old"] == "policies@HEAD"
    assert {(c["region"], c["before"]["points"], c["after"]["points"]) for c in data["changes"]} == {
        ("US", 3, 4), ("SEA", 3, 4)}

    assert cli("diff", "--git", "no-such-rev").exit_code == 2
    (tmp_path / "later").mkdir()
    (tmp_path / "later" / "x.pol").write_text("", "utf-8")
    missing = cli("diff", "--git", "HEAD", "later")
    assert missing.exit_code == 2 and "does not exist at revision" in missing.stderr


def test_diff_git_outside_a_repository(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    shutil.copytree(PACK, tmp_path / "policies", ignore=shutil.ignore_patterns("examples"))
    result = cli("diff", "--git", "HEAD")
    assert result.exit_code == 2
    assert "not inside a git repository" in result.stderr


def test_a_broken_pack_at_the_revision_is_named_by_the_revision(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(PACK, tmp_path / "policies", ignore=shutil.ignore_patterns("examples"))
    fulfilment = tmp_path / "policies" / "fulfilment.pol"
    good = fulfilment.read_text("utf-8")
    fulfilment.write_text(good + "rule x {\n", "utf-8")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "policies")
    _git(tmp_path, "commit", "-q", "-m", "broken pack")
    fulfilment.write_text(good, "utf-8")
    result = cli("diff", "--git", "HEAD")
    assert result.exit_code == 2
    assert result.stderr.startswith("HEAD:policies/fulfilment.pol:")
