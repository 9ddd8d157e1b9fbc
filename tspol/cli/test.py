"""`tspol test [PATH]`: run the example sellers kept beside a pack."""

from __future__ import annotations

from pathlib import Path

import click

from tspol.cli.common import FAILED, CliError, pack_or_default


@click.command("test")
@click.argument("path", required=False, type=click.Path(exists=True))
@click.option("--update", is_flag=True,
              help="Rewrite the expected decisions of failing examples with what the policy decides now.")
@click.option("--junit", "junit_path", type=click.Path(dir_okay=False, writable=True),
              help="Also write the results as JUnit XML to this file, for CI.")
@click.option("-v", "--verbose", is_flag=True, help="List every example, not only the failures.")
def command(path, update, junit_path, verbose):
    """Decide every example seller in PATH/examples/*.jsonl and compare.

    PATH is a pack (default: ./policies, or the bundled pack). Each example
    line has a name, a region, metrics and the expected decision (without
    its explanations). Exit 0 when every example passes, 1 otherwise.
    """
    import tspol
    from tspol.diagnostics import TspolError
    from tspol.runtime.examples import example_files, junit_xml, run_file, updatable, update_file

    pack = Path(pack_or_default(path))
    files = example_files(pack)
    if not files:
        raise CliError(f"no examples in {pack}: put JSON Lines files in {pack}/examples/")
    try:
        policy = tspol.load(pack)
    except TspolError as exc:
        from tspol.cli.common import render

        click.echo(render(exc.diagnostics, "text", exc.sources), nl=False, err=True)
        raise click.exceptions.Exit(FAILED)

    results = {}
    for file in files:
        results[str(file)] = outcomes = run_file(policy.evaluate_dict, file)
        for outcome in outcomes:
            if outcome.passed:
                if verbose:
                    click.echo(f"{outcome.example.where}: ok {outcome.example.name}")
                continue
            click.echo(f"{outcome.example.where}: FAIL {outcome.example.name}")
            if outcome.problem:
                click.echo(f"  {outcome.problem}")
            if outcome.diff:
                click.echo("\n".join("  " + line for line in outcome.diff.splitlines()))
        if update:
            changed = update_file(file, outcomes)
            if changed:
                click.echo(f"updated {changed} example{'s' * (changed != 1)} in {file}: review the diff", err=True)

    if junit_path:
        Path(junit_path).write_text(junit_xml(results), encoding="utf-8")
    everything = [o for outcomes in results.values() for o in outcomes]
    failed = [o for o in everything if not o.passed]
    if update:
        left = [o for o in failed if not updatable(o)]
        click.echo(f"{len(everything)} examples: {len(everything) - len(failed)} passed, "
                   f"{len(failed) - len(left)} updated, {len(left)} still failing", err=True)
        failed = left
    else:
        click.echo(f"{len(everything)} examples: {len(everything) - len(failed)} passed, {len(failed)} failed",
                   err=True)
    if failed:
        raise click.exceptions.Exit(FAILED)
