"""`tspol compile` and the Python generator: standalone, deterministic, exact, readable."""

from __future__ import annotations

import ast
import inspect
import json
import subprocess
import sys
import textwrap

import pytest
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from eval_engines import interpreted
from tspol.compiler.cache import load_source
from tspol.compiler.lower import lower
from tspol.compiler.pygen import generate
from tspol.dsl.loader import load_pack


class PythonModuleSnapshot(SingleFileSnapshotExtension):
    """The compiled pack as a .py file, so a policy edit reviews as a code diff."""

    _write_mode = WriteMode.TEXT
    file_extension = "py"


class TestCompiledPack:
    # The snapshot file is named after this class (TestCompiledPack.*.py), so pytest
    # never collects it as a test module.
    def test_module_source(self, program, snapshot):
        assert generate(program) == snapshot(extension_class=PythonModuleSnapshot)


def test_same_source_same_bytes_wherever_the_pack_sits(cli, tmp_path, pack_copy):
    first, second = tmp_path / "a", tmp_path / "b"
    assert cli("compile", "policies", "-o", first).exit_code == 0
    assert cli("compile", pack_copy, "-o", second).exit_code == 0
    name = "tiktok_shop_crossborder.py"
    assert (first / name).read_bytes() == (second / name).read_bytes()
    assert str(tmp_path) not in (second / name).read_text(encoding="utf-8")


def test_header(program):
    module = load_source(generate(program), "<header>")
    assert module.POLICY == {
        "name": "tiktok_shop_crossborder",
        "version": "2025-11-11",
        "effective": "2024-07-15",
        "source_hash": program.source_hash,
        "regions": ("US", "SEA", "UK"),
        "languages": ("en", "zh"),
    }
    assert module.INPUTS == tuple(i.name for i in program.inputs)


def test_isolated_python_imports_and_evaluates(cli, tmp_path):
    assert cli("compile", "-o", tmp_path).exit_code == 0
    script = textwrap.dedent(f"""
        import json, sys
        sys.path.insert(0, {str(tmp_path)!r})
        import tiktok_shop_crossborder as policy
        decision = policy.evaluate({{"orders_7d": 40, "late_orders": 12}}, "US")
        outside = sorted(m for m in sys.modules if m.split(".")[0] in ("tspol", "attrs", "attr", "lark", "click"))
        print(json.dumps({{"points": decision["points"], "outside": outside}}))
    """)
    done = subprocess.run([sys.executable, "-I", "-S", "-c", script], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == {"points": 5, "outside": []}


def test_no_floats_and_no_division(program):
    """Rates are compared by integer cross-multiplication: no float literal, no `/`."""
    tree = ast.parse(generate(program))
    floats = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, float)]
    divisions = [n.lineno for n in ast.walk(tree) if isinstance(n, ast.BinOp) and isinstance(n.op, ast.Div)]
    assert floats == [] and divisions == []
    assert "late_orders * 100 < 4 * orders_7d" in ast.unparse(tree)
    assert "cancelled_orders * 1000 < 25 * orders_7d" in ast.unparse(tree)
    assert "late_orders * 100 < 10 * orders_7d" in ast.unparse(tree)


def test_a_policy_edit_changes_the_decision(pack_copy):
    """The numbers live in the .pol text: change them and the compiled module follows."""
    fulfilment = pack_copy / "fulfilment.pol"
    text = fulfilment.read_text(encoding="utf-8")
    edited = text.replace("when 25% <= LDR < 50% and late_orders >= 5 then points 5",
                          "when 25% <= LDR < 50% and late_orders >= 5 then points 9")
    edited = edited.replace("when 50% <= LDR and late_orders >= 30 then points 7, limit 7d at 10% avg4w",
                            "when 50% <= LDR and late_orders >= 30 then points 7, limit 14d at 25% avg4w")
    assert edited != text
    fulfilment.write_text(edited, encoding="utf-8")
    metrics = pack_copy / "metrics.pol"
    metrics.write_text(metrics.read_text(encoding="utf-8").replace("round down", "round up"), encoding="utf-8")
    program = lower(load_pack(pack_copy))
    module = load_source(generate(program), "<edited>")
    assert module.evaluate({"orders_7d": 40, "late_orders": 12}, "US")["points"] == 9
    decision = module.evaluate({"orders_7d": 60, "late_orders": 30, "avg_daily_orders_4w": 101}, "US")
    assert decision["violations"][0]["limit"] == {"days": 14, "percent": 25, "basis": "avg4w", "daily_cap": 26}
    assert decision == interpreted(program)({"orders_7d": 60, "late_orders": 30, "avg_daily_orders_4w": 101}, "US")


def test_a_broken_pack_does_not_compile(cli, pack_copy, tmp_path):
    fulfilment = pack_copy / "fulfilment.pol"
    fulfilment.write_text(fulfilment.read_text(encoding="utf-8").replace("late_orders >= 30 then", "late_orders >= 30% then"),
                          encoding="utf-8")
    result = cli("compile", pack_copy, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert "fulfilment.pol:43:" in result.stderr and "error[E301]" in result.stderr
    assert not (tmp_path / "out").exists()
    assert "Traceback" not in result.output


def test_compile_needs_an_output_folder(cli):
    result = cli("compile", "policies")
    assert result.exit_code == 2
    assert "-o" in result.stderr


@pytest.mark.parametrize("name, file", [("shop", "shop.py"), ("json", "policy_json.py")])
def test_module_file_names(name, file):
    from tspol.cli.compile import module_file

    assert module_file(name) == file


def test_texts_with_quotes_braces_and_backslashes(pack_copy):
    """Policy texts reach f-strings and format templates: they must come out as written."""
    metrics = pack_copy / "metrics.pol"
    text = metrics.read_text(encoding="utf-8")
    edited = text.replace('name en "average daily orders over the past 4 weeks"',
                          'name en "seller\'s {avg} \\\\ \\"orders\\" }{"')
    edited = edited.replace('name en "Late dispatch rate"', 'name en "it\'s {LDR}"')
    assert edited.count("{avg}") == 1 and edited.count("{LDR}") == 1
    metrics.write_text(edited, encoding="utf-8")
    program = lower(load_pack(pack_copy))
    module = load_source(generate(program), "<texts>")
    seller = {"orders_7d": 40, "late_orders": 25, "avg_daily_orders_4w": 50}
    decision = module.evaluate(seller, "US")
    assert decision == interpreted(program)(seller, "US")
    because = decision["violations"][0]["because"]
    assert because.startswith("it's {LDR} (LDR) is 62.5% (25/40)")
    assert 'of the seller\'s {avg} \\ "orders" }{ (at most 5 orders a day).' in because


def _global_names(code) -> set[str]:
    """The global names a function's code reads, with those of the code nested in it."""
    import dis

    names = {i.argval for i in dis.get_instructions(code) if i.opname in ("LOAD_GLOBAL", "LOAD_NAME")}
    for constant in code.co_consts:
        if hasattr(constant, "co_code"):
            names |= _global_names(constant)
    return names


def test_portable_code_needs_only_what_is_copied_with_it(program):
    """What `portable` copies into a module (its functions and classes, CODES, CONSTANTS)
    uses nothing but itself, the module's imports and builtins: a name missing here is
    a NameError in every compiled module (once: `_CENTS`), found only when that line runs."""
    import builtins

    from tspol.compiler import portable
    from tspol.compiler.pygen import _constant_lines

    tree = ast.parse(generate(program))
    imported = {alias.asname or alias.name.split(".")[0] for node in tree.body
                if isinstance(node, (ast.Import, ast.ImportFrom)) for alias in node.names}
    copied = {item.__name__ for item in portable.PORTABLE} | set(portable.CODES) | set(portable.CONSTANTS)
    known = copied | imported | set(dir(builtins))
    used = {}
    for item in portable.PORTABLE:
        functions = [item] if inspect.isfunction(item) else [f for f in vars(item).values() if inspect.isfunction(f)]
        for function in functions:
            used[item.__name__] = used.get(item.__name__, set()) | _global_names(function.__code__)
    for line in _constant_lines(portable.CONSTANTS):
        used[line.strip().splitlines()[-1]] = _global_names(compile(line, "<constant>", "exec"))
    assert {name: sorted(names - known) for name, names in used.items() if names - known} == {}
    assert used["_number"] >= {"_MAGNITUDE", "_PLAIN_FLOAT", "_decimal_value"}  # the walk sees what it should


OVERLAP = ("fulfilment.pol", "    when 10% <= LDR < 25% and late_orders >= 5 then points 3",
           "    when 10% <= LDR < 30% and late_orders >= 5 then points 3")  # overlaps the 25-50% row (E501)
HOLE = ("fulfilment.pol", "when 50% <= SFCR and cancelled_orders >= 30 then points 7",
        "when 50% <= SFCR and cancelled_orders >= 31 then points 7")  # leaves 30 cancellations uncovered (W501)


def _commands(pack, tmp_path):
    """Every way to run a pack, as CLI arguments; `tspol.load` separately."""
    events = tmp_path / "events.jsonl"
    events.write_text('{"date": "2024-08-01", "kind": "violation", "id": "v1", "rule": "late_dispatch", '
                      '"points": 1}\n', encoding="utf-8")
    (pack / "examples").mkdir(exist_ok=True)
    (pack / "examples" / "one.jsonl").write_text(
        '{"name": "one", "region": "US", "metrics": {"orders_7d": 40, "late_orders": 12}, "expect": {"points": 5}}\n',
        encoding="utf-8")
    return {
        "compile": ["compile", pack, "-o", tmp_path / "out"],
        "eval": ["eval", "--policy", pack, "--region", "US", "--format", "json", "-"],
        "test": ["test", pack],
        "simulate": ["simulate", "--policy", pack, "--region", "US", events],
    }


@pytest.mark.parametrize("command", ["compile", "eval", "test", "simulate"])
def test_a_pack_check_rejects_is_refused_by_every_command(cli, tmp_path, command):
    from conftest import edited_pack

    pack = edited_pack(tmp_path, [OVERLAP])
    result = cli(*_commands(pack, tmp_path)[command], input='{"orders_7d": 40, "late_orders": 12}\n')
    assert result.exit_code == 1, result.output
    assert "fulfilment.pol:41:5: error[E501]" in result.stderr
    assert "Traceback" not in result.output and not (tmp_path / "out").exists()


def test_a_pack_check_rejects_does_not_load(tmp_path):
    import tspol
    from conftest import edited_pack

    with pytest.raises(tspol.TspolError) as caught:
        tspol.load(edited_pack(tmp_path, [OVERLAP]))
    assert [(d.code, d.span.line) for d in caught.value.diagnostics] == [("E501", 41)]


@pytest.mark.parametrize("command", ["compile", "eval", "test", "simulate"])
def test_table_warnings_do_not_block(cli, tmp_path, command):
    from conftest import edited_pack

    pack = edited_pack(tmp_path, [HOLE])
    assert cli("check", pack).exit_code == 0  # W501 only
    result = cli(*_commands(pack, tmp_path)[command], input='{"orders_7d": 40, "late_orders": 12}\n')
    assert result.exit_code == 0, result.output


def test_two_packs_of_one_name_write_nothing(cli, tmp_path, pack_copy):
    out = tmp_path / "out"
    result = cli("compile", "policies", pack_copy, "-o", out)
    assert result.exit_code == 1
    assert "are both policy `tiktok_shop_crossborder`" in result.stderr
    assert not out.exists()
