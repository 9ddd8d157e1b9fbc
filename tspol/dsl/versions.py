"""Versions in one pack (issue 11): the pack as written without its amendments is its
first version; each `amendment` makes the next from the one before.

A version's text is the previous version's declarations with the amendment's
declarations replacing those of the same kind and name (a rule: and the same regions),
its new ones added at the end of the amendment's file, and its `remove`s taken out
(`remove rule r in UK` takes UK out of a rule of more regions). The policy header of
a later version says the amendment's version and date. Each version is a whole pack
again, checked, lowered, analysed and compiled as any pack (tspol.workspace).

`history(files)` gives the versions and the problems of the amendments themselves:
dates not after the version before (E470), a version said twice (E271), a `remove`
of nothing (E270), a new expiry without a word on the points already scored (E272),
a carry-over whose date is not the amendment's (E471), a declaration that adds where
it was likely meant to replace (W270), a carry-over where the expiry does not change
(W271), an amendment that states score rules when the version before keeps no score,
or whose ledger keeps none when the version before does (E472).
"""

from __future__ import annotations

import datetime

import attrs

from tspol.codes import (AMENDMENT_ADDS, AMENDMENT_DATE, AMENDMENT_EXPIRY_SILENT, AMENDMENT_LEDGER_KIND,
                         AMENDMENT_REMOVES_NOTHING,
                         AMENDMENT_VERSION_TWICE, BAD_VALUE, CARRYOVER_DATE, CARRYOVER_UNCHANGED, DUPLICATE)
from tspol.diagnostics import WARNING, Diagnostic, Related
from tspol.dsl import ast
from tspol.messages import Message, say

KINDS = {"region": ast.Region, "input": ast.Input, "basis": ast.Basis, "metric": ast.Metric, "rule": ast.Rule,
         "measure": ast.Measure, "hold": ast.Hold, "category": ast.Category, "reason": ast.Reason,
         "levels": ast.LevelSet, "param": ast.Param}
KEYWORDS = {kind: keyword for keyword, kind in KINDS.items()}


@attrs.frozen
class Version:
    """One version of a pack: its label and date, the amendment that made it (None for
    the first), the pack's files as they read in it, and how the amendment treats points
    already scored: True keep their expiry, False take the new one, None not said."""

    number: int  # 1, 2, ...: the place in the history
    label: str
    effective: str
    amendment: ast.Amendment | None
    files: tuple
    keeps_expiry: bool | None = None

    @property
    def date(self) -> datetime.date | None:
        return _date(self.effective)

    def in_version(self, message) -> Message:
        """`in version 2 (effective 2025-06-17): ...`."""
        return say("versions.in_version", version=self.label, effective=self.effective, message=message)


@attrs.frozen
class History:
    versions: tuple[Version, ...]
    problems: tuple[Diagnostic, ...] = ()

    @property
    def latest(self) -> Version:
        return self.versions[-1]

    def named(self, label: str) -> Version | None:
        return next((v for v in self.versions if v.label == label), None)

    def on(self, date: datetime.date) -> Version | None:
        """The version in force on `date`: the last whose date is on or before it."""
        found = None
        for version in self.versions:
            if version.date is not None and version.date <= date:
                found = version
        return found


def history(files) -> History:
    files = tuple(files)
    amendments = [decl for file in files for decl in file.decls if isinstance(decl, ast.Amendment)]
    base = tuple(attrs.evolve(file, decls=tuple(d for d in file.decls if not isinstance(d, ast.Amendment)))
                 for file in files)
    label, effective = _header(base)
    versions = [Version(1, label, effective, None, base)]
    problems: list[Diagnostic] = []
    for amendment in amendments:
        previous = versions[-1]
        problems += _dated_problems(amendment, versions)
        amended, found = _amended(previous.files, amendment)
        problems += found
        keeps, found = _carryover(amendment, previous.files, amended)
        problems += found
        problems += _ledger_kind(amendment, previous)
        versions.append(Version(len(versions) + 1, amendment.version, amendment.effective, amendment, amended, keeps))
    return History(tuple(versions), tuple(problems))


def _header(files) -> tuple[str, str]:
    policy = next((d for f in files for d in f.decls if isinstance(d, ast.Policy)), None)
    if policy is None:
        return "", ""
    version, effective = policy.first(ast.Version), policy.first(ast.Effective)
    return (version.value if version else ""), (effective.date if effective else "")


def _date(text: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None


def _dated_problems(amendment: ast.Amendment, versions: list[Version]) -> list[Diagnostic]:
    """Its date a real one, after the version before; its label not said before."""
    span = amendment.span
    found = []
    before = versions[-1]
    date = _date(amendment.effective)
    if date is None:
        found.append(Diagnostic(BAD_VALUE, say("check.not_a_date", date=amendment.effective), span=span,
                                help=say("check.date.help")))
    elif before.date is not None and date <= before.date:
        found.append(Diagnostic(AMENDMENT_DATE, say("versions.date_not_after", version=amendment.version,
                                                    effective=amendment.effective, previous=before.label,
                                                    previous_effective=before.effective),
                                span=span, related=_where(before), help=say("versions.date_not_after.help")))
    same = next((v for v in versions if v.label == amendment.version), None)
    if same is not None:
        found.append(Diagnostic(AMENDMENT_VERSION_TWICE, say("versions.label_twice", version=amendment.version),
                                span=span, related=_where(same), help=say("versions.label_twice.help")))
    return found


def _where(version: Version) -> tuple[Related, ...]:
    if version.amendment is None:
        return ()
    return (Related(version.amendment.span, say("versions.that_version")),)


# ---- replacing, adding, removing

def _key(decl) -> tuple:
    if isinstance(decl, (ast.Ledger, ast.Appeals)):
        return (type(decl),)
    if isinstance(decl, ast.Rule):
        return (ast.Rule, decl.name.value, frozenset(r.value for r in decl.regions))
    return (type(decl), decl.name.value)


def _amended(files, amendment: ast.Amendment) -> tuple[tuple, list[Diagnostic]]:
    problems: list[Diagnostic] = []
    replacing = {_key(decl): decl for decl in amendment.decls}
    present = {_key(decl) for file in files for decl in file.decls}
    files = tuple(attrs.evolve(file, decls=tuple(_replaced(d, replacing, amendment) for d in file.decls))
                  for file in files)
    added = tuple(decl for decl in amendment.decls if _key(decl) not in present)
    problems += [p for p in (_adds(decl, files) for decl in added) if p is not None]
    files = tuple(attrs.evolve(file, decls=file.decls + added) if file.path == amendment.span.path else file
                  for file in files)
    for remove in amendment.items_of(ast.Remove):
        files, problem = _removed(files, remove)
        if problem is not None:
            problems.append(problem)
    return files, problems


def _replaced(decl, replacing: dict, amendment: ast.Amendment):
    if isinstance(decl, ast.Policy):
        return _policy_of(decl, amendment)
    return replacing.get(_key(decl), decl)


def _policy_of(policy: ast.Policy, amendment: ast.Amendment) -> ast.Policy:
    """The header of the amendment's version: its version and date, the policy's texts."""
    items = tuple(ast.Version(amendment.version, span=amendment.span) if isinstance(item, ast.Version)
                  else ast.Effective(amendment.effective, span=amendment.span) if isinstance(item, ast.Effective)
                  else item for item in policy.items)
    return attrs.evolve(policy, items=items)


def _named(files, kind) -> list:
    return [decl for file in files for decl in file.decls if isinstance(decl, kind)]


def _adds(decl, files) -> Diagnostic | None:
    """W270 for a declaration that adds one where a close name (or a rule of the name in
    other regions) suggests it was meant to replace it."""
    if isinstance(decl, (ast.Ledger, ast.Appeals)):
        return None
    from tspol.dsl.checker import suggestion

    names = [d.name.value for d in _named(files, type(decl))]
    if isinstance(decl, ast.Rule) and decl.name.value in names:
        help = say("versions.adds_rule.help", rule=decl.name.value)
    else:
        help = suggestion(decl.name.value, names)
        if help is None:
            return None
    return Diagnostic(AMENDMENT_ADDS, say("versions.adds", what=say(f"noun.{KEYWORDS[type(decl)]}"),
                                          name=decl.name.value),
                      severity=WARNING, span=decl.name.span, help=help)


def _removed(files, remove: ast.Remove) -> tuple[tuple, Diagnostic | None]:
    kind = KINDS[remove.kind]
    regions = {r.value for r in remove.regions}
    targets = [d for d in _named(files, kind) if d.name.value == remove.name.value
               and (not regions or regions <= {r.value for r in d.regions})]
    if not targets:
        return files, _removes_nothing(files, remove, kind)
    target = targets[0]
    narrowed = None
    if regions and regions != {r.value for r in target.regions}:
        narrowed = attrs.evolve(target, regions=tuple(r for r in target.regions if r.value not in regions))
    files = tuple(attrs.evolve(file, decls=tuple(narrowed if d is target else d for d in file.decls
                                                 if d is not target or narrowed is not None))
                  for file in files)
    return files, None


def _removes_nothing(files, remove: ast.Remove, kind) -> Diagnostic:
    from tspol.dsl.checker import suggestion

    names = [d.name.value for d in _named(files, kind)]
    what = say(f"noun.{remove.kind}")
    if remove.regions and remove.name.value in names:
        message = say("versions.removes_nothing_in", what=what, name=remove.name.value,
                      regions=", ".join(r.value for r in remove.regions))
        help = say("versions.removes_nothing_in.help")
    else:
        message = say("versions.removes_nothing", what=what, name=remove.name.value)
        help = suggestion(remove.name.value, names)
    return Diagnostic(AMENDMENT_REMOVES_NOTHING, message, span=remove.name.span, help=help)


# ---- points already scored

def _expiry(files) -> str | None:
    ledger = next(iter(_named(files, ast.Ledger)), None)
    expiry = ledger.first(ast.Expiry) if ledger is not None else None
    return None if expiry is None else str(expiry.after.days())


def _carryover(amendment: ast.Amendment, before, after) -> tuple[bool | None, list[Diagnostic]]:
    """How points scored before the amendment fare when it changes the expiry."""
    statements = amendment.items_of(ast.Carryover)
    found = [Diagnostic(DUPLICATE, say("versions.carryover_twice"), span=extra.span,
                        related=(Related(statements[0].span, say("check.first_here")),), help=say("check.keep_one"))
             for extra in statements[1:]]
    changed = _expiry(before) != _expiry(after)
    if not statements:
        if changed:
            found.append(Diagnostic(AMENDMENT_EXPIRY_SILENT, say("versions.expiry_silent", version=amendment.version),
                                    span=amendment.span,
                                    help=say("versions.expiry_silent.help", effective=amendment.effective)))
        return None, found
    statement = statements[0]
    if statement.date != amendment.effective:
        found.append(Diagnostic(CARRYOVER_DATE, say("versions.carryover_date", date=statement.date,
                                                    effective=amendment.effective),
                                span=statement.span, help=say("versions.carryover_date.help",
                                                              effective=amendment.effective)))
    if not changed:
        found.append(Diagnostic(CARRYOVER_UNCHANGED, say("versions.carryover_unchanged"), severity=WARNING,
                                span=statement.span, help=say("versions.carryover_unchanged.help")))
    return statement.keep, found


# ---- the kind of ledger (issue 11: score rules amended)

SCORE_RULES = (ast.Score, ast.Regain, ast.ScoreDeactivation)


def _ledger_kind(amendment: ast.Amendment, previous: Version) -> list[Diagnostic]:
    """E472: the versions of a pack keep one kind of ledger. An amendment's ledger may change
    the score rules (`score starts at`, `score regains`, `deactivate at ... score`) only
    where the version before keeps a score, and keeps one where it does."""
    ledger = next((d for d in amendment.decls if isinstance(d, ast.Ledger)), None)
    if ledger is None:
        return []
    before = next(iter(_named(previous.files, ast.Ledger)), None)
    keeps = before is not None and before.first(ast.Score) is not None
    stated = next((item for item in ledger.items if isinstance(item, SCORE_RULES)), None)
    if stated is not None and not keeps:
        return [Diagnostic(AMENDMENT_LEDGER_KIND, say("versions.score_rules_without_score", version=amendment.version,
                                                      previous=previous.label),
                           span=stated.span, help=say("versions.ledger_kind.help"))]
    if stated is None and keeps:
        return [Diagnostic(AMENDMENT_LEDGER_KIND, say("versions.score_dropped", version=amendment.version,
                                                      previous=previous.label),
                           span=ledger.span, related=(Related(before.first(ast.Score).span,
                                                              say("versions.score_kept_here")),),
                           help=say("versions.ledger_kind.help"))]
    return []
