"""`tspol test [PATH]`: run the example sellers kept beside a pack."""

from __future__ import annotations

import errno
from pathlib import Path

import click

from tspol.cli.common import FAILED, CliError, current_lang, fail, lang_option, note, open_pack, said
from tspol.cli.help import Command
from tspol.messages import os_reason, say


@click.command("test", cls=Command)
@click.argument("path", required=False, type=click.Path(exists=True))
@click.option("--update", is_flag=True,
              help="Rewrite the expected decisions of failing examples with what the policy decides now.")
@click.option("--junit", "junit_path", type=click.Path(dir_okay=False, writable=True),
              help="Also write the results as JUnit XML to this file, for CI (its folder is created if needed).")
@click.option("-v", "--verbose", is_flag=True, help="List every example, not only the failures.")
@lang_option
def command(path, update, junit_path, verbose):
    """Decide every example seller in PATH/examples/*.jsonl and compare.

    PATH is a pack (default: ./policies, or the bundled pack). Each example
    line has a name, a region, metrics and the expected decision (without
    its explanations). Exit 0 when every example passes, 1 otherwise.
    """
    from tspol.runtime.examples import example_files

    workspace = open_pack(path)
    pack = Path(workspace.root)
    files = example_files(pack)
    if not files:
        raise CliError(say("test.no_examples", pack=str(pack)))
    run_examples(pack, files, update, junit_path, verbose, workspace)


def _dated(policy):
    """The decision of an example by the version in force on its `on` day, if it names one."""
    def evaluate(metrics, region, on=None):
        return (policy if on is None else policy.on(on)).evaluate_dict(metrics, region)

    return evaluate


def run_examples(pack: Path, files: list[Path], update: bool = False, junit_path: str | None = None,
                 verbose: bool = False, workspace=None) -> None:
    """Decide the examples of `files` by the pack and report; exit 1 when one fails."""
    from tspol.api import Policy
    from tspol.diagnostics import TspolError
    from tspol.runtime.examples import junit_xml, run_file, updatable, update_file

    try:
        policy = Policy((workspace or open_pack(str(pack))).compiled())
    except TspolError as exc:
        fail(exc)

    lang = current_lang()
    results, unwritten, unreadable = {}, [], 0
    for file in files:
        try:
            if not file.is_file():  # a folder, or a FIFO that would never end
                raise OSError(0, say("test.not_regular"))
            outcomes = run_file(_dated(policy), file)
        except OSError as exc:
            note(say("eval.cannot_read", path=str(file), reason=os_reason(exc)))
            unreadable += 1
            continue
        results[str(file)] = outcomes
        for outcome in outcomes:
            if outcome.passed:
                if verbose:
                    click.echo(f"{outcome.example.where}: {_marker('test.ok', lang)} {outcome.example.said_name(lang)}")
                continue
            click.echo(f"{outcome.example.where}: {_marker('test.fail', lang)} {outcome.example.said_name(lang)}")
            if outcome.problem:
                click.echo(f"  {said(outcome.problem)}")
            if outcome.diff:
                click.echo("\n".join("  " + line for line in _diff_lines(outcome.diff, lang)))
        if update:
            changed = _write(file, lambda: update_file(file, outcomes), unwritten) or 0
            if changed:
                click.echo(said(say("test.updated.one" if changed == 1 else "test.updated", count=changed,
                                    file=str(file))), err=True)

    if junit_path:
        _write(Path(junit_path), lambda: _write_junit(Path(junit_path), junit_xml(results)), unwritten)
    everything = [o for outcomes in results.values() for o in outcomes]
    failed = [o for o in everything if not o.passed]
    if update:
        left = [o for o in failed if not updatable(o) or Path(o.example.path) in unwritten]
        click.echo(said(say("test.summary.updated", count=len(everything), passed=len(everything) - len(failed),
                            updated=len(failed) - len(left), failing=len(left))), err=True)
        failed = left
    else:
        click.echo(said(say("test.summary", count=len(everything), passed=len(everything) - len(failed),
                            failed=len(failed))), err=True)
    if failed or unreadable or unwritten:
        raise click.exceptions.Exit(FAILED)


def _write_junit(path: Path, xml: str) -> None:
    """The report, in a folder created if needed (as `tspol compile -o` creates its folder)."""
    for folder in path.parents:
        if folder.exists():
            if not folder.is_dir():
                raise NotADirectoryError(errno.ENOTDIR, say("test.not_a_folder", folder=str(folder)))
            break
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(xml, encoding="utf-8")


def _write(path: Path, write, unwritten: list):
    """`write()`; when `path` cannot be written, say so and add it to `unwritten`."""
    try:
        return write()
    except OSError as exc:
        note(say("tables.cannot_write", path=str(path), reason=os_reason(exc)))
        unwritten.append(path)
        return None


def _marker(id: str, lang: str) -> str:
    """`ok` or `FAIL` (`通过`, `未通过`) before an example's name."""
    return say(id).text(lang)


def _diff_lines(diff: str, lang: str) -> list[str]:
    """A failing example's diff, its `--- expected` and `+++ actual` said in `lang` (JUnit keeps them)."""
    lines = diff.splitlines()
    if lines[:2] == ["--- expected", "+++ actual"]:
        lines[:2] = [f"--- {say('test.expected').text(lang)}", f"+++ {say('test.actual').text(lang)}"]
    return lines
