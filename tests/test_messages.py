"""Every message has both languages (tspol.messages), and no message is built from raw words.

- each entry of the catalog has an English and a Chinese template with the same fields,
  both render, and where the English says something in words the Chinese says it in
  Chinese;
- no diagnostic, note, help, usage error or stderr line of tspol is built from a string
  of words: an AST scan of `tspol/` finds every call that says something to a person
  and refuses a literal, an f-string or a concatenation with words in it (the test suite
  also runs with `TSPOL_STRICT_MESSAGES=1`, so a Diagnostic built from a plain `str`
  at run time fails there, `tests/conftest.py`);
- what a compiled module says of bad metrics (its English, which stays byte for byte)
  is read back into its catalog entry for every message the portable runtime writes;
- the bad inputs of the suite (the metrics and ledger fixtures, the fuzzed lines) come
  out in Chinese with `--lang zh`, each message with Chinese in it.
"""

from __future__ import annotations

import ast
import io
import json
import re
import string
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tspol
from conftest import FIXTURES, PACK, ROOT, edited_pack
from test_fuzz_lines import BAD_BYTES, EVENTS, SELLERS, _policy_once, encoded
from test_ledger_cases import read_case
from tspol import messages
from tspol.compiler import portable
from tspol.messages import CATALOG, Message, Words, say, template_fields
from tspol.runtime.wording import said

CJK = re.compile(r"[\u4e00-\u9fff]")
WORD = re.compile(r"[A-Za-z]{2,}")


# ---- the catalog ---------------------------------------------------------------------------

def _sample(name: str):
    """A value for a field, of the type its format spec takes."""
    return 1234 if name in NUMERIC_FIELDS else f"<{name}>"


NUMERIC_FIELDS = {name for en, zh in CATALOG.values() for template in (en, zh)
                  for _, name, spec, _ in string.Formatter().parse(template) if name and spec}


@pytest.mark.parametrize("id", sorted(CATALOG))
def test_every_entry_has_both_languages_with_the_same_fields(id):
    en, zh = CATALOG[id]
    assert template_fields(en) == template_fields(zh), id
    fields = {name: _sample(name) for name in template_fields(en)}
    message = Message(id, fields)
    assert str(message) == en.format(**fields)
    said_zh = message.text("zh")
    words_in_english = WORD.findall(re.sub(r"\{[^}]*\}|`[^`]*`|--[\w-]+|\w+\[\w+\]", "", en))
    if words_in_english and not id.startswith(("os.", "utf8.other", "json.reason.other")):
        assert CJK.search(said_zh), f"{id}: {said_zh!r} says nothing in Chinese"


def test_ids_are_stable_words():
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*(\.[A-Za-z$][A-Za-z0-9_$]*)+|did_you_mean", id) for id in CATALOG)


def test_a_message_is_its_english_and_survives_pickling_and_the_cache():
    import pickle

    message = say("check.unknown", what=say("noun.metric"), name="LDRR")
    assert message == "unknown metric `LDRR`" and isinstance(message, str)
    assert message.text("zh") == "未知的指标 `LDRR`"
    assert pickle.loads(pickle.dumps(message)).text("zh") == "未知的指标 `LDRR`"
    assert messages.from_data(json.loads(json.dumps(messages.to_data(message)))).text("zh") == "未知的指标 `LDRR`"
    listed = Words(["`a`", "`b`", say("syntax.terminal.COMPARATOR")], "or")
    assert listed.text("en") == "`a`, `b` or a comparison (<, <=, >, >=, ==)"
    assert listed.text("zh") == "`a`、`b` 或比较符号(<、<=、>、>=、==)"


def test_a_space_beside_a_field_goes_only_between_chinese_words():
    assert say("syntax.expected", expected=Words([say("syntax.terminal.NAME")]),
               found=say("syntax.a_quoted_text")).text("zh") == "此处应为名称,实际为带引号的文本"
    assert say("syntax.expected", expected=Words(["`then`"]), found="`x`").text("zh") == "此处应为 `then`,实际为 `x`"


# ---- no raw words --------------------------------------------------------------------------

# Calls that say something to a person, and the positions (and keywords) of what they say.
SAYING = {
    "Diagnostic": (1, ("message", "help")), "Related": (1, ("message",)), "error": (1, ("message", "help")),
    "report": (1, ("message", "help")), "missing": (0, ("message", "help")), "once": (1, ("message",)),
    "_diagnostic": (1, ("message", "help")), "_table_error": (2, ("message",)), "_LineError": (2, ("message",)),
    "CliError": (0, ("message",)), "BadValue": (0, ("message",)), "UsageError": (0, ("message",)),
    "BadParameter": (0, ("message",)), "fail": (0, ()), "note": (0, ()), "errors": (0, ()),
    "SqlUnsupported": (0, ()), "BadLine": (0, ()), "KeyGivenTwice": (0, ()), "WriteError": (1, ()),
    "MetricsError": (2, ("message",)),
}
# Modules whose words are not tspol's to translate, and why.
NOT_SCANNED = {
    "tspol/compiler/portable.py": "copied verbatim into every compiled module: its English is read back "
                                  "(tspol.runtime.wording, test_a_compiled_modules_words_are_read_back)",
    "tspol/messages.py": "the catalog itself",
    "tspol/codes.py": "the registry of codes (summaries, explanations, examples): translated on its own",
}


def _raw_words(node) -> bool:
    """A literal, an f-string or a concatenation that writes words itself."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(WORD.search(re.sub(r"^tspol( eval)?: ", "", node.value)))
    if isinstance(node, ast.JoinedStr):
        return any(_raw_words(part) for part in node.values if isinstance(part, ast.Constant))
    if isinstance(node, ast.BinOp):
        return _raw_words(node.left) or _raw_words(node.right)
    if isinstance(node, ast.IfExp):
        return _raw_words(node.body) or _raw_words(node.orelse)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("format", "join"):
        return _raw_words(node.func.value)
    return False


def _name(func) -> str | None:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None


def _stderr_words(call: ast.Call) -> bool:
    """`click.echo(f"... words ...", err=True)` or `sys.stderr.write("words")`: words not of the catalog
    (the `tspol: ` and `tspol eval: ` a line starts with are the program's name, not words)."""
    func = call.func
    to_stderr = (_name(func) == "echo" and any(k.arg == "err" for k in call.keywords)) or \
        (isinstance(func, ast.Attribute) and func.attr == "write" and "stderr" in ast.unparse(func.value))
    if not to_stderr or not call.args:
        return False
    text = call.args[0]
    if isinstance(text, ast.JoinedStr):
        constants = "".join(p.value for p in text.values if isinstance(p, ast.Constant))
        return bool(WORD.search(re.sub(r"tspol( eval)?: |\\r", "", constants)))
    return _raw_words(text)


def raw_sites() -> list[str]:
    found = []
    for path in sorted((ROOT / "tspol").rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if relative in NOT_SCANNED:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = _name(node.func)
            said_args = []
            if name in SAYING:
                position, keywords = SAYING[name]
                said_args += node.args[position:position + 1]
                said_args += [k.value for k in node.keywords if k.arg in keywords]
            if any(_raw_words(arg) for arg in said_args) or _stderr_words(node):
                found.append(f"{relative}:{node.lineno}: {ast.unparse(node)[:100]}")
    return found


# Sites that still speak English, each with its reason (a known gap, not a pass).
KNOWN_GAPS: dict[str, str] = {}


def test_no_message_is_built_from_raw_words():
    sites = raw_sites()
    unexplained = [site for site in sites if site.split(": ", 1)[0] not in KNOWN_GAPS]
    assert not unexplained, "messages built from raw words (say them from tspol.messages):\n" + "\n".join(unexplained)


def test_the_scan_finds_raw_words():
    tree = ast.parse('report(X, f"unknown {what}", span)\nclick.echo("tspol: nothing written", err=True)\n'
                     'report(X, say("check.unknown"), span)\nclick.echo(f"tspol: {said(m)}", err=True)\n')
    calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call) and _name(node.func) in ("report", "echo")]
    flagged = [(_raw_words(c.args[1]) if _name(c.func) == "report" else _stderr_words(c)) for c in calls]
    assert flagged == [True, True, False, False]


def test_strict_mode_refuses_a_diagnostic_of_raw_words():
    from tspol.diagnostics import Diagnostic

    assert messages.STRICT, "the suite runs with TSPOL_STRICT_MESSAGES=1 (tests/conftest.py)"
    with pytest.raises(TypeError, match="not a message of tspol.messages"):
        Diagnostic("E200", "unknown name")


# ---- a compiled module's words ---------------------------------------------------------------

def _portable_errors() -> list[portable.MetricsError]:
    """Every kind of message the portable runtime writes, over the values that reach each."""
    errors = []
    values = ["abc", "a" * 30, [1], {"a": 1}, True, False, None, float("nan"), float("inf"), float("-inf"),
              10**200, Fraction(10**200, 3), Fraction(1, 10**40), Decimal("1." + "1" * 50), Decimal("NaN"),
              5.5, -3, 1e30, 1.5, 2, Decimal("-0.5"), object()]
    for value in values:
        for kind in portable.DOMAINS if hasattr(portable, "DOMAINS") else ("count", "number", "rate", "money",
                                                                                "duration"):
            try:
                portable._within("orders_7d", value, kind)
            except portable.MetricsError as exc:
                errors.append(exc)
    errors += [portable._unknown_input("orderz_7d", ["orders_7d", "late_orders"]),
               portable._unknown_input("zzzzzzzzzz", ["orders_7d"]), portable._unknown_input(5, ["orders_7d"]),
               portable._unknown_input("x" * 100, ["orders_7d"]),
               portable._above_total("late_orders", 5, "orders_7d", 3), portable._not_an_object([1]),
               portable._unknown_region("XX", ["US", "SEA"]), portable._unknown_region(5, ["US", "SEA"]),
               portable._unknown_language("fr", ["en", "zh"])]
    return errors


def test_a_compiled_modules_words_are_read_back():
    errors = _portable_errors()
    assert {e.code for e in errors} >= {"E600", "E601", "E602", "E603", "E604", "E605", "E606", "E607", "E608",
                                        "E609"}
    for exc in errors:
        message = said(exc.code, exc.message)
        assert isinstance(message, Message), (exc.code, exc.message)
        assert message == exc.message  # its English, byte for byte
        assert CJK.search(message.text("zh")), message.text("zh")


def test_the_sql_engines_words_are_read_back():
    from tspol.compiler.sqlgen import SQL_PLACES

    for code, text in [("E611", "no region: give --region, or a `region` key on the line (this policy has US, SEA)"),
                       ("E608", f"out of range: in SQL a value has at most {SQL_PLACES} decimal places, got 0.1"),
                       ("E602", 'expected a count (a whole number, 0 or more), got the string "x"')]:
        assert CJK.search(said(code, text).text("zh")), text


def test_the_domains_say_what_the_catalog_says():
    """tspol.dsl.domains writes the English a module carries; the catalog must read it back."""
    from tspol.dsl.domains import DOMAINS, NOT_WHOLE_TEXT

    for domain in DOMAINS.values():
        assert str(say("metrics.expected", expected=said("E602", f"expected {domain.expected}, got 1").fields[
            "expected"], value="1")) == f"expected {domain.expected}, got 1"
        for bound in (domain.below, domain.above):
            if bound is not None:
                assert isinstance(said(bound[0], f"{bound[1]}, got -1"), Message), bound
    assert isinstance(said("E605", f"{NOT_WHOLE_TEXT}, got 5.5"), Message)


# ---- the bad inputs of the suite, in Chinese ---------------------------------------------------

def _every_message_chinese(stderr: str) -> None:
    said_lines = [line for line in stderr.splitlines() if line.strip()]
    assert said_lines
    for line in said_lines:
        if line.startswith("    ") or re.match(r"\s+\d+ \|", line):
            continue  # the source line quoted under a diagnostic, as it is written
        assert CJK.search(line), line


def test_bad_metrics_in_chinese(cli):
    for name in ("bad.jsonl", "bad_lines.jsonl"):
        result = cli("eval", "--policy", PACK, "--region", "US", "--lang", "zh", FIXTURES / "metrics" / name)
        assert result.exit_code == 1
        _every_message_chinese(result.stderr)
        records = cli("eval", "--policy", PACK, "--region", "US", "--lang", "zh", "--format", "json",
                      FIXTURES / "metrics" / name).stdout
        english = cli("eval", "--policy", PACK, "--region", "US", "--format", "json", FIXTURES / "metrics" / name)
        assert [json.loads(line).get("error") for line in records.splitlines()] == \
            [json.loads(line).get("error") for line in english.stdout.splitlines()]  # error records stay English


LEDGER_ERRORS = sorted((FIXTURES / "ledger").glob("error_*.case"))


@pytest.mark.parametrize("case", LEDGER_ERRORS, ids=[p.stem for p in LEDGER_ERRORS])
def test_bad_events_in_chinese(case, cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    parsed = read_case(case)
    pack = edited_pack(tmp_path, parsed.replacements) if parsed.replacements else PACK
    (tmp_path / "events.jsonl").write_text(parsed.events, encoding="utf-8")
    result = cli(*parsed.cli_args("events.jsonl"), "--policy", pack, "--lang", "zh")
    assert result.exit_code == 1, result.output
    _every_message_chinese(result.stderr)


@settings(max_examples=120, deadline=None)
@given(lines=st.lists(st.text(min_size=0, max_size=30), min_size=1, max_size=4))
def test_fuzzed_lines_are_said_in_chinese(lines):
    from tspol.cli import eval as eval_cli

    reported: list[str] = []
    decider = eval_cli.Decider(tspol.load().module, "US", "text", "zh", "<fuzz>")
    out = io.BytesIO()
    eval_cli.run(decider, io.BytesIO(encoded(["{}", *lines])), out, errors=reported.append)
    for line in "".join(reported).splitlines():
        if not line.startswith("  "):
            assert CJK.search(line), line
    for answer in out.getvalue().decode("utf-8").splitlines():
        assert "not decided" not in answer


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_fuzzed_sellers_and_events_are_said_in_chinese(cli, tmp_path, monkeypatch, data):
    from tspol.cli import eval as eval_cli
    from tspol.cli import simulate

    sellers = data.draw(st.lists(st.one_of(SELLERS, BAD_BYTES), min_size=1, max_size=5))
    reported: list[str] = []
    decider = eval_cli.Decider(tspol.load().module, "US", "json", "zh", "<fuzz>")
    eval_cli.run(decider, io.BytesIO(encoded(["{}", *sellers])), io.BytesIO(), errors=reported.append)
    for line in "".join(reported).splitlines():
        if not line.startswith("  "):
            assert CJK.search(line), line
    events = data.draw(st.lists(st.one_of(EVENTS, BAD_BYTES), min_size=1, max_size=5))
    monkeypatch.setattr(simulate, "_load_policy", _policy_once)
    (tmp_path / "events.jsonl").write_bytes(encoded(events))
    monkeypatch.chdir(tmp_path)
    result = cli("simulate", "--policy", PACK, "--region", "US", "--lang", "zh", "events.jsonl")
    if result.exit_code == 1:
        _every_message_chinese(result.stderr)
