"""`tspol diff OLD NEW` and `tspol diff --git REV [PATH]`: which sellers an edit affects.

For every region and rule, the boxes of input space where the decision
changes, each with before, after and a seller that really gets the two
different decisions; then every other change (ledger, appeals, holds,
standards, catalogue), stated plainly. Exit 0 when the packs decide alike,
1 when they differ, 2 on errors (usage, a pack that does not load, git).
"""

from __future__ import annotations

import json
import subprocess
import tarfile
import tempfile
from pathlib import Path

import click

from tspol.cli.common import USAGE, CliError, current_lang, date_option, in_force, lang_option, pack_or_default, render
from tspol.cli.help import Command
from tspol.diagnostics import TspolError
from tspol.messages import Words, os_reason, say
from tspol.messages import text as in_language

SAME, DIFFERENT = 0, 1


@click.command("diff", cls=Command)
@click.argument("paths", nargs=-1, metavar="[OLD NEW | PATH]", type=click.Path(exists=True))
@click.option("--git", "rev", metavar="REV", help="Compare the working tree's pack with the pack at this git revision.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text",
              show_default=True, help="text for people, json for tools, markdown for a pull-request comment.")
@click.option("--from", "from_date", callback=date_option, metavar="DATE",
              help="Compare the version of PATH in force on DATE (with --to).")
@click.option("--to", "to_date", callback=date_option, metavar="DATE",
              help="... with the version in force on DATE (default: the latest).")
@click.option("--versions", nargs=2, default=None, metavar="OLD NEW",
              help="Compare two versions of PATH by their labels.")
@lang_option
def command(paths, rev, fmt, from_date, to_date, versions):
    """Show how two versions of a policy pack decide differently.

    OLD and NEW are .pol files or folders of them. With --git REV, PATH (default:
    ./policies, or the bundled pack) is compared with itself at revision REV.
    """
    from tspol.compiler.semdiff import diff_programs

    if from_date is not None or to_date is not None or versions is not None:
        old, new, names = _versions(paths, rev, from_date, to_date, versions)
    elif rev is not None:
        if len(paths) > 1:
            raise CliError(say("diff.git_one_path"), USAGE)
        from tspol.dsl.sources import pack_root

        path = pack_root(Path(pack_or_default(paths[0] if paths else None)))
        with tempfile.TemporaryDirectory(prefix="tspol-diff-") as tmp:
            old_path = _checkout(path, rev, Path(tmp))
            old = _program(old_path, rename=(f"{Path(tmp) / 'tree'}/", f"{rev}:"))
        new = _program(path)
        names = (f"{path}@{rev}", str(path))
    else:
        if len(paths) != 2:
            raise CliError(say("diff.two_packs"), USAGE)
        old, new = _program(paths[0]), _program(paths[1])
        names = tuple(paths)
    diff = diff_programs(old, new, *names)
    if fmt == "json":
        click.echo(json.dumps(diff.to_dict(), ensure_ascii=False, indent=2))
    elif fmt == "markdown":
        click.echo(markdown(diff, current_lang()), nl=False)
    else:
        click.echo(text(diff, current_lang()), nl=False)
    raise click.exceptions.Exit(DIFFERENT if diff.differ else SAME)


def _versions(paths, rev, from_date, to_date, versions):
    """Two versions of one pack, by date (`--from`, `--to`) or by label (`--versions`)."""
    if rev is not None or len(paths) > 1 or (versions is not None and (from_date or to_date)):
        raise CliError(say("diff.versions_one_path"), USAGE)
    path = pack_or_default(paths[0] if paths else None)
    workspace = _workspace(path)
    if versions is not None:
        old, new = (_labelled(workspace, label) for label in versions)
    else:
        if from_date is None:
            raise CliError(say("diff.to_needs_from"), USAGE)
        old, new = in_force(workspace, from_date), in_force(workspace, to_date)
    return (_lowered(old), _lowered(new),
            tuple(f"{path}@{w.chosen.label}" for w in (old, new)))


def _labelled(workspace, label: str):
    found = workspace.of_version(label)
    if found is None:
        labels = Words([f'"{v.label}"' for v in workspace.history.versions])
        raise CliError(say("versions.unknown", version=label, versions=labels), USAGE)
    return found


def _workspace(path):
    from tspol.workspace import Workspace

    try:
        return Workspace.open(path)
    except TspolError as exc:
        _refused(exc)


def _lowered(workspace):
    try:
        return workspace.lowered()
    except TspolError as exc:
        _refused(exc)


def _refused(exc: TspolError, rename: tuple[str, str] | None = None):
    report = render(exc.diagnostics, "text", exc.sources)
    if rename is not None:
        report = report.replace(*rename)
    click.echo(report, nl=False, err=True)
    raise click.exceptions.Exit(USAGE)


def _program(path, rename: tuple[str, str] | None = None):
    """The IR of the pack at `path` (a .pol file stands for its pack); exit 2 when it does not load."""
    from tspol.workspace import Workspace

    try:
        return Workspace.open(path).lowered()
    except TspolError as exc:
        _refused(exc, rename)


def _git(args: list[str], cwd: Path, what) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except OSError as exc:
        raise CliError(say("diff.no_git", reason=os_reason(exc)), USAGE) from None
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise CliError(say("diff.git_said", what=what, detail=detail[-1]) if detail else what, USAGE)
    return done.stdout


def _checkout(path: Path, rev: str, into: Path) -> Path:
    """The pack at `path` as it was at `rev`, extracted under `into`."""
    path = path.resolve()
    folder = path if path.is_dir() else path.parent
    top = Path(_git(["rev-parse", "--show-toplevel"], folder,
                    say("diff.not_in_git", folder=str(folder))).decode().strip())
    _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], top, say("diff.unknown_revision", rev=rev))
    relative = path.relative_to(top.resolve()).as_posix() or "."
    archive = into / "pack.tar"
    archive.write_bytes(_git(["archive", "--format=tar", rev, "--", relative], top,
                             say("diff.not_at_revision", path=relative, rev=rev)))
    with tarfile.open(archive) as tar:
        tar.extractall(into / "tree", filter="data")
    return into / "tree" / relative


# ---- text, markdown ------------------------------------------------------------------

def _grouped(diff):
    """Changes alike but for the region, together: (regions, change)."""
    groups: dict[tuple, list] = {}
    for change in diff.changes:
        key = (change.rule, change.where, change.before, change.after, change.before.rows, change.after.rows)
        groups.setdefault(key, []).append(change)
    return [([c.region for c in group], group[0]) for group in groups.values()]


def _pair(before, after, lang: str = "en") -> tuple[str, str]:
    """Before and after, leaving out what they share."""
    was, now = _parts(before, lang), _parts(after, lang)
    only_was = [p for p in was if p not in now] or was
    only_now = [p for p in now if p not in was] or now
    comma = "," if lang == "zh" else ", "
    return comma.join(only_was), comma.join(only_now)


def _parts(outcome, lang: str = "en") -> list[str]:
    """The outcome's phrases, the first naming the rows that fired."""
    parts = outcome.parts(lang)
    if outcome.rows:
        parts[0] = say("diff.rows", part=parts[0], rows=Words(outcome.rows, ",")).text(lang)
    return parts


def _renamed(was: str, now: str, lang: str = "en") -> str:
    return say("diff.renamed", was=was, now=now).text(lang)


def _summary(diff, lang: str = "en") -> str:
    groups, others = len(_grouped(diff)), len(diff.parameters)
    return say("diff.summary", decisions=say("diff.decisions.one" if groups == 1 else "diff.decisions", count=groups),
               others=say("diff.others.one" if others == 1 else "diff.others", count=others)).text(lang)


def text(diff, lang: str = "en") -> str:
    def said(id, **fields) -> str:
        return say(id, **fields).text(lang)

    if not diff.differ:
        return said("diff.alike", old=diff.old, new=diff.new) + "\n"
    lines = [said("diff.head", old=diff.old, new=diff.new, summary=_summary(diff, lang)), ""]
    lines += [_renamed(was, now, lang) for was, now in diff.renamed]
    lines += [""] if diff.renamed else []
    for regions, change in _grouped(diff):
        before, after = _pair(change.before, change.after, lang)
        lines += [said("diff.where", regions=Words(regions, ","), rule=change.rule, where=_where(change, lang)),
                  "  " + said("diff.before", outcome=before), "  " + said("diff.after", outcome=after),
                  "  " + said("analyze.example", seller=change.described), ""]
    if diff.parameters:
        lines.append(said("diff.other_changes"))
        lines += [f"  {p.text(lang)}" for p in diff.parameters]
        lines.append("")
    return "\n".join(lines)


def _where(change, lang: str) -> str:
    """The sellers of a change in the report's language (`ODR 未评估`)."""
    return change.where if change.where_said is None else in_language(change.where_said, lang)


def _cell(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", " ")


def _code(value: str) -> str:
    return f"`{value}`" if "`" not in value else value


def markdown(diff, lang: str = "en") -> str:
    lines = [f"### tspol diff: {_code(diff.old)} → {_code(diff.new)}", ""]
    if not diff.differ:
        return "\n".join(lines + [say("diff.md.alike").text(lang), ""])
    lines += [f"**{_summary(diff, lang)}**", ""]
    lines += [_renamed(f"`{was}`", f"`{now}`", lang) + "  " for was, now in diff.renamed]
    lines += [""] if diff.renamed else []
    if diff.changes:
        lines += [say("diff.md.header").text(lang), "|---|---|---|---|---|---|"]
        for regions, change in _grouped(diff):
            before, after = _pair(change.before, change.after, lang)
            witness = json.dumps(change.witness)
            extra = change.described[len(witness):].strip()
            lines.append("| " + " | ".join(_cell(v) for v in (
                Words(regions, ",").text(lang), _code(change.rule), _code(_where(change, lang)), before, after,
                _code(witness) + (f" {extra}" if extra else ""))) + " |")
        lines.append("")
    if diff.parameters:
        lines += [f"<details open><summary>{say('diff.md.other').text(lang)}</summary>", ""]
        lines += [f"- {_cell(p.text(lang))}" for p in diff.parameters]
        lines += ["", "</details>", ""]
    return "\n".join(lines)
