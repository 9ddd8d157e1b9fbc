"""Every example pack of `examples/` (a directory with `.pol` files) is what the README
says of it: it checks clean under `--strict`, is formatted as `tspol fmt` writes it,
its example sellers pass `tspol test`, and every engine decides them alike.

Each feature's own test (`tests/test_boolean.py`, ...) proves the feature; this one
holds every pack to the same bar, so a pack added later cannot skip a step.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval_engines import compiled_module
from test_differential import assert_agree
from tspol.runtime.examples import Example, example_files, read_examples

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
PACKS = sorted(path for path in EXAMPLES.iterdir() if path.is_dir() and any(path.glob("*.pol")))


def test_there_are_example_packs():
    assert PACKS, EXAMPLES


@pytest.mark.parametrize("pack", PACKS, ids=lambda path: path.name)
def test_the_pack_checks_clean_and_is_formatted(cli, pack):
    for command in (("check", "--strict", pack), ("fmt", "--check", pack)):
        result = cli(*command)
        assert result.exit_code == 0, (command, result.output)


@pytest.mark.parametrize("pack", PACKS, ids=lambda path: path.name)
def test_the_packs_examples_pass(cli, pack):
    assert list(pack.glob("examples/*.jsonl")), f"{pack.name} has no example sellers"
    result = cli("test", pack)
    assert result.exit_code == 0, result.output
    assert " 0 failed" in result.output


@pytest.mark.parametrize("pack", PACKS, ids=lambda path: path.name)
def test_the_module_decides_the_packs_examples_as_the_interpreter(pack):
    import tspol

    program = tspol.load(pack).program
    module = compiled_module(program)
    examples = [example for file in example_files(pack) for example in read_examples(file)]
    assert examples and all(isinstance(example, Example) for example in examples)
    for i, example in enumerate(examples):
        record = example.record
        assert_agree(program, module, record.get("metrics", {}), record.get("region"), "zh" if i % 2 else "en")


@pytest.mark.parametrize("pack", PACKS, ids=lambda path: path.name)
def test_the_readme_shows_the_pack(pack):
    readme = (EXAMPLES.parent / "README.md").read_text(encoding="utf-8")
    assert f"(examples/{pack.name}/" in readme, f"README.md links no file of examples/{pack.name}/"


@pytest.mark.parametrize("pack", PACKS, ids=lambda path: path.name)
def test_every_command_reads_the_pack(cli, pack, tmp_path):
    """What a user runs on a pack works on each example pack: a feature is not done while
    one command cannot read it."""
    commands = [("analyze", pack), ("analyze", pack, "--format", "json"), ("diff", pack, pack),
                ("doc", pack, "-o", tmp_path / "doc"), ("doc", pack, "-o", tmp_path / "doc-zh", "--lang", "zh")]
    commands += [("compile", pack, "-o", tmp_path / target, "--target", target)
                 for target in ("python", "ir", "duckdb", "spark")]
    commands += [("compile", pack, "-o", tmp_path / "headroom", "--target", "duckdb", "--headroom")]
    for command in commands:
        result = cli(*command)
        assert result.exit_code == 0, (command, result.output)


@pytest.mark.parametrize("pack", PACKS, ids=lambda path: path.name)
def test_duckdb_decides_the_packs_examples_as_python_does(cli, pack, tmp_path):
    """The same bytes from `tspol eval --engine duckdb` as from the python engine, on the
    example sellers of each region, with headroom as well."""
    examples = [example.record for file in example_files(pack) for example in read_examples(file)]
    for region in sorted({record["region"] for record in examples}):
        sellers = tmp_path / f"{region}.jsonl"
        sellers.write_text("".join(json.dumps(record["metrics"]) + "\n" for record in examples
                                   if record["region"] == region and "error" not in record.get("expect", {})),
                           encoding="utf-8")
        for extra in ((), ("--headroom",)):
            outputs = [cli("eval", "--policy", pack, "--region", region, sellers, "--format", "json",
                           "--engine", engine, *extra) for engine in ("python", "duckdb")]
            assert [result.exit_code for result in outputs] == [0, 0], [result.output for result in outputs]
            assert outputs[0].stdout == outputs[1].stdout, (region, extra)


@pytest.mark.parametrize("pack", PACKS, ids=lambda path: path.name)
def test_the_language_server_hovers_over_every_row_and_name(pack):
    from tspol.lsp.hover import hover
    from tspol.lsp.snapshot import Snapshot

    for file in sorted(pack.glob("*.pol")):
        path = str(file)
        text = file.read_text(encoding="utf-8")
        snapshot = Snapshot.of_file(path, {path: text})
        for number, line in enumerate(text.splitlines(), 1):
            stripped = line.strip()
            if stripped and not stripped.startswith("#"):
                for column in range(line.index(stripped) + 1, len(line) + 1, 4):
                    hover(snapshot, path, number, column)  # raises nothing
