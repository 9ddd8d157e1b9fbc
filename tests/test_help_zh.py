"""Help in Chinese: `tspol --help`, `tspol check --help`, ... when the language is Chinese.

The catalog (tspol/cli/help_zh.py) has every command and every option of the click
tree, and nothing else, so that it cannot drift from the commands; English help is
click's, byte for byte; Chinese help is laid out as click lays out English, filled
by the columns Chinese takes; the catalog is read only when help is written in
Chinese.
"""

from __future__ import annotations

import importlib
import inspect
import re
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from tspol import widetext
from tspol.cli.help import HelpMixin, param_key, summary_zh
from tspol.cli.help_zh import HELP_OPTION, TEXTS
from tspol.cli.main import COMMANDS, cli

CJK = re.compile(r"[\u4e00-\u9fff]")
BACKTICKED = re.compile(r"`[^`]*`")
OPTION_NAMES = re.compile(r"(?<![\w-])--?[a-z][a-z-]*")


def commands() -> dict[str, click.Command]:
    """The click tree: the group (`tspol`) and every command of COMMANDS, imported."""
    return {"tspol": cli, **{name: importlib.import_module(module).command for name, module in COMMANDS.items()}}


def documented(command: click.Command) -> dict[str, click.Parameter]:
    """The parameters whose help the catalog must give: every option (the help option
    aside: HELP_OPTION), and each argument that has help."""
    return {param_key(p): p for p in command.params
            if (isinstance(p, click.Option) and not p.hidden) or (isinstance(p, click.Argument) and p.help)}


def run_help(*args, lang="zh", width=None):
    env = {"TSPOL_LANG": lang}
    return CliRunner().invoke(cli, [*args, "--help"], env=env, terminal_width=width, prog_name="tspol",
                              catch_exceptions=False)


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


# ---- the catalog is the click tree -------------------------------------------------------

def test_every_command_and_option_has_chinese_help():
    """What is missing is listed as `command: --option`, one a line, to add to the catalog."""
    missing = []
    for name, command in commands().items():
        texts = TEXTS.get(name, {})
        if not texts.get("help"):
            missing.append(f"{name}: the command's help")
        missing += [f"{name}: {key}" for key in documented(command) if not texts.get(key)]
    assert not missing, "no Chinese help in tspol/cli/help_zh.py for:\n" + "\n".join(missing)


def test_the_catalog_names_nothing_that_does_not_exist():
    tree = commands()
    stale = [f"{name} (no such command)" for name in TEXTS if name not in tree]
    for name, texts in TEXTS.items():
        if name in tree:
            stale += [f"{name}: {key}" for key in texts if key != "help" and key not in documented(tree[name])]
    assert not stale, "tspol/cli/help_zh.py names what no command has:\n" + "\n".join(stale)


@pytest.mark.parametrize("name", sorted(commands()))
def test_the_chinese_help_says_what_the_english_says(name):
    """The same option names, metavariables and backticked code, the same paragraphs, in Chinese."""
    command, texts = commands()[name], TEXTS[name]
    pairs = [("help", inspect.cleandoc(command.help), texts["help"])]
    pairs += [(key, param.help or "", texts[key]) for key, param in documented(command).items()]
    for key, english, chinese in pairs:
        assert CJK.search(chinese), f"{name} {key}: write it in Chinese"
        for pattern in (BACKTICKED, OPTION_NAMES):
            assert set(pattern.findall(chinese)) == set(pattern.findall(english)), (name, key, pattern.pattern)
    english, chinese = pairs[0][1], pairs[0][2]
    assert chinese.count("\n\n") == english.count("\n\n") and "\n" not in chinese.replace("\n\n", "")
    assert all(word in chinese for word in re.findall(r"\b[A-Z]{3,}\b", english) if word != "ARGS"), \
        "the metavariables (PATH, FILE, DATE, ...) as the English has them"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_summary_is_one_sentence(name):
    summary = summary_zh(TEXTS[name]["help"])
    assert summary.endswith("。") and summary.count("。") == 1 and "\n" not in summary


def test_every_command_is_a_tspol_command():
    assert all(isinstance(command, HelpMixin) for command in commands().values())


# ---- English: click's help, byte for byte ------------------------------------------------

@pytest.mark.parametrize("name", sorted(commands()))
@pytest.mark.parametrize("width", [50, 80, 120])
def test_english_help_is_click_s(name, width):
    command = commands()[name]
    parent = click.Context(cli, info_name="tspol", terminal_width=width, **cli.context_settings)
    ctx = parent if name == "tspol" else click.Context(command, info_name=name, parent=parent, terminal_width=width)
    expected = click.Command.get_help(command, ctx)  # the command list of `tspol` from SUMMARIES, as before
    assert command.get_help(ctx) == expected
    args = [] if name == "tspol" else [name]
    assert run_help(*args, lang="en", width=width).output == expected + "\n"


# ---- Chinese help ------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(commands()))
def test_chinese_help_of_each_command(name):
    command, texts = commands()[name], TEXTS[name]
    args = [] if name == "tspol" else [name]
    result = run_help(*args)
    assert result.exit_code == 0, result.output
    text = result.output
    assert text.startswith(f"用法: {' '.join(['tspol', *args])} [OPTIONS]")
    assert "\n选项:\n" in text and "Options:" not in text and "Usage:" not in text
    assert squeezed(texts["help"]) in squeezed(text)
    for key, param in documented(command).items():
        if isinstance(param, click.Option):
            spec = param.get_help_spec(click.Context(command))
            assert spec in text and squeezed(texts[key]) in squeezed(text), (name, key)
            if param.help:
                assert squeezed(param.help) not in squeezed(text), f"{name} {key}: still in English"
    assert squeezed(HELP_OPTION) in squeezed(text) and "-h, --help" in text


def test_chinese_help_is_laid_out_as_click_lays_out_english():
    english, chinese = run_help("check", lang="en").output, run_help("check").output
    assert len(chinese.splitlines()[0]) == len(english.splitlines()[0]) - len("Usage:") + len("用法:")

    def column(text):  # where the help of the options starts, on the line of each option
        section = text.split("\n\n")[-1]
        return sorted({len(line) - len(line.lstrip()) for line in section.splitlines()[1:]})

    assert column(chinese) == column(english)
    assert "[默认:text]" in chinese and "[default: text]" in english


@pytest.mark.parametrize("width", [50, 80, 120])
def test_chinese_lines_fit_the_terminal(width):
    """By the columns they take (a Chinese character is two), but for an option's name
    and a piece no line may break (a path, a list of extensions), as click does."""
    for name in sorted(commands()):
        args = [] if name == "tspol" else [name]
        formatter_width = width  # click's formatter takes the terminal's width as it is given
        for line in run_help(*args, width=width).output.splitlines():
            if widetext.width(line) > formatter_width:
                assert line.lstrip().startswith("-") or not CJK.search(line.strip()[1:-1]), (name, line)


def test_the_command_list_in_chinese():
    text = run_help().output
    listed = text.split("命令:\n")[1].splitlines()
    assert [line.split()[0] for line in listed] == sorted(COMMANDS)
    assert "  check     检查政策包:语法、名称、类型、单位、范围和表。" in listed
    assert all(widetext.width(line) <= 78 for line in listed)  # cut with … as click cuts English with ...
    assert any(line.endswith("…") for line in listed)


@pytest.mark.parametrize("env", [
    {"TSPOL_LANG": None, "LC_ALL": None, "LC_MESSAGES": None, "LANG": "zh_CN.UTF-8"},
    {"TSPOL_LANG": None, "LC_ALL": "zh_SG.UTF-8"},
])
def test_a_chinese_locale_gives_chinese_help(env):
    assert CliRunner().invoke(cli, ["check", "--help"], env=env, prog_name="tspol").output.startswith("用法: tspol check")


def test_a_language_named_wrongly_gives_english_help():
    """The help still helps; the command says what is wrong with TSPOL_LANG when it runs."""
    result = run_help("check", lang="fr")
    assert result.exit_code == 0 and result.output.startswith("Usage: tspol check")


@pytest.mark.parametrize("args", [["--lang", "zh", "--help"], ["--help", "--lang", "zh"], ["--help", "--lang=zh"]])
@pytest.mark.parametrize("name", ["eval", "compile", "doc"])
def test_a_lang_on_the_command_line_gives_its_help_wherever_it_is(name, args):
    """`--lang` before or after `--help` (click handles `--help` as soon as it sees it)."""
    result = CliRunner().invoke(cli, [name, *args], env={"TSPOL_LANG": "en"}, prog_name="tspol")
    assert result.exit_code == 0 and result.output.startswith(f"用法: tspol {name}")
    english = CliRunner().invoke(cli, [name, "--help", "--lang", "en"], env={"TSPOL_LANG": "zh"}, prog_name="tspol")
    assert english.output.startswith(f"Usage: tspol {name}")


def test_the_language_lang_option_keeps_wins(monkeypatch):
    """`ctx.meta["tspol.lang"]`, where `tspol.cli.common.lang_option` keeps the `--lang` given."""
    from tspol.cli.help import LANG_META

    command = commands()["check"]
    for meta, expected in (("zh", "用法:"), ("en", "Usage:")):
        ctx = click.Context(command, info_name="check", terminal_width=80, **cli.context_settings)
        ctx.meta[LANG_META] = meta
        monkeypatch.setenv("TSPOL_LANG", "en" if meta == "zh" else "zh")
        assert command.get_help(ctx).startswith(expected)


# ---- the catalog costs nothing until it is needed ---------------------------------------------

def test_only_chinese_help_reads_the_catalog():
    script = ("import sys\nfrom tspol.cli.main import cli\n"
              "try:\n    cli.main(sys.argv[1:], prog_name='tspol')\nexcept SystemExit:\n    pass\n"
              "print(sorted(m for m in ('tspol.cli.help_zh', 'tspol.widetext') if m in sys.modules))")

    def loaded(lang, *args):
        env = {"TSPOL_LANG": lang, "PATH": "", "LC_ALL": "C.UTF-8"}
        done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, env=env,
                              check=True)
        return done.stdout.splitlines()[-1]

    assert loaded("en", "eval", "--help") == "[]"
    assert loaded("en", "--help") == "[]"
    assert loaded("zh", "eval", "--help") == "['tspol.cli.help_zh', 'tspol.widetext']"
