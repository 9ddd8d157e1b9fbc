"""What the commands share: the exit-code error, the language, and printing diagnostics."""

from __future__ import annotations

import click

from tspol import messages
from tspol.diagnostics import RENDERERS, Diagnostic, TspolError, render_text, sort_diagnostics
from tspol.messages import say

OK, FAILED, USAGE = 0, 1, 2

LANG_META = "tspol.lang"  # ctx.meta key (shared by a command's context and its parent's): the language chosen


def _install_click_words() -> None:
    """Before any command declares its options: click's words of a usage error in tspol's language."""
    from tspol.cli import clickwords

    clickwords.install()


_install_click_words()


def _choose_lang(ctx: click.Context, param, value):
    """`--lang`, else TSPOL_LANG, else the locale (`tspol.i18n.chosen`); a TSPOL_LANG that
    names neither language is a usage error naming it (said in the locale's language)."""
    import os

    from tspol import i18n

    try:
        lang = i18n.chosen(value)
    except i18n.UnknownLanguage as exc:
        message = say("cli.unknown_language", source=exc.source, value=repr(exc.value),
                      languages=messages.Words(i18n.LANGS, ","))
        raise click.UsageError(message.text(i18n.from_locale(os.environ)), ctx) from None
    ctx.meta[LANG_META] = lang
    remember(lang)  # for what is shown after the command's context has closed: click's usage errors
    return lang


lang_option = click.option(
    "--lang", type=click.Choice(["en", "zh"], case_sensitive=False), default=None, is_eager=True,
    expose_value=False, callback=_choose_lang,
    help="The language of messages, English or Chinese (default: TSPOL_LANG, else the locale).")


_remembered: list[str] = []  # the language of the running command line, once known


def remember(lang: str | None) -> None:
    """The language of the command line now running (None: a new one, nothing chosen yet)."""
    _remembered[:] = [lang] if lang else []


def current_lang() -> str:
    """The language the running command speaks: its `--lang` (TSPOL_LANG, the locale),
    and for a command without the option, TSPOL_LANG or the locale (English when
    TSPOL_LANG names neither language: that command has no way to say so). Before
    `--lang` is read, and after the command's context has closed, the `--lang` of its
    command line (`remember`)."""
    from tspol import i18n

    ctx = click.get_current_context(silent=True)
    if ctx is not None and LANG_META in ctx.meta:
        return ctx.meta[LANG_META]
    if _remembered:
        return _remembered[0]
    try:
        return i18n.chosen(None)
    except i18n.UnknownLanguage:
        return i18n.DEFAULT


def said(message) -> str:
    """A message in the running command's language (a plain text as it is)."""
    return messages.text(message, current_lang())


def note(message) -> None:
    """`tspol: ...` on stderr, in the running command's language."""
    click.echo(f"tspol: {said(message)}", err=True)

FORMAT_OPTION = click.option(
    "--format", "fmt", type=click.Choice(["text", "json", "github"]), default="text", show_default=True,
    help="text for people, json for tools, github for workflow annotations.")

CHECK_FORMAT_OPTION = click.option(
    "--format", "fmt", type=click.Choice(["text", "json", "github", "sarif"]), default="text", show_default=True,
    help="text for people, json for tools, github for workflow annotations, sarif (SARIF 2.1.0) for code scanning.")


class PolPath(click.Path):
    """A `.pol` file, or a folder with `.pol` files in it (else a usage error, exit 2)."""

    def __init__(self, allow_dash: bool = False):
        super().__init__(exists=True, allow_dash=allow_dash)

    def convert(self, value, param, ctx):
        from pathlib import Path

        from tspol.dsl.sources import pol_files

        value = super().convert(value, param, ctx)
        if value != "-" and Path(value).is_dir() and not pol_files(Path(value)):
            self.fail(said(say("cli.no_pol_files", path=repr(value))), param, ctx)
        return value


POL_PATHS = PolPath()


def pack_or_default(path: str | None) -> str:
    """The pack a command works on: PATH, else ./policies, else the bundled pack,
    which is said on stderr so that a command run in the wrong folder is noticed."""
    from pathlib import Path

    from tspol.dsl.sources import default_pack_path

    if path:
        return path
    default = default_pack_path()
    if default != Path("policies"):
        note(say("cli.bundled_pack", path=str(default)))
    return str(default)


def packs_of(paths, verb: str = "checking") -> list[str]:  # verb: "checking" or "compiling"
    """Each pack once: a .pol file given alone stands for the pack it belongs to, and a
    folder of several packs (each with its own `policy`) for each of them."""
    from pathlib import Path

    from tspol.dsl.sources import pack_root, packs_in

    packs = []
    for path in paths:
        root = str(pack_root(Path(path)))
        if root != path and Path(root) != Path(path):
            note(say(f"cli.{verb}_part_of", path=str(path), root=root))
        for pack in map(str, packs_in(Path(root))):
            if pack not in packs:
                packs.append(pack)
    return packs


def open_pack(path: str | None):
    """The pack a command works on, as a `tspol.workspace.Workspace`: PATH, else
    ./policies, else the bundled pack. A .pol file stands for the pack it belongs to
    (said on stderr); a folder of several packs is a usage error (a command other
    than check, compile and fmt works on one pack); files that cannot be read are
    reported, exit 1."""
    from pathlib import Path

    from tspol.dsl.sources import pack_root, packs_in
    from tspol.workspace import Sources, Workspace

    given = pack_or_default(path)
    root = pack_root(Path(given))
    if root != Path(given):
        note(say("cli.reading_part_of", path=str(given), root=str(root)))
    packs = packs_in(root)
    if len(packs) > 1:
        raise CliError(say("cli.several_packs", root=str(root), count=len(packs),
                           packs=messages.Words(map(str, packs), ",")), USAGE)
    try:
        return Workspace(Sources.read(root), given=given)  # the root found above, not looked for again
    except TspolError as exc:
        fail(exc)


def date_option(ctx, param, value):
    """A `YYYY-MM-DD` option as a date (None when not given)."""
    if value is None:
        return None
    from tspol.runtime.events import BadValue, parse_date

    try:
        return parse_date(value)
    except BadValue as bad:
        raise click.BadParameter(said(bad.message)) from None


def in_force(workspace, on):
    """The workspace of the version of the pack in force on `on` (a date; None: the
    latest, as without amendments): a usage error before the first version."""
    if on is None:
        return workspace
    found = workspace.at(on)
    if found is None:
        first = workspace.history.versions[0]
        raise click.UsageError(said(say("versions.before_first", date=on.isoformat(), version=first.label,
                                        effective=first.effective)))
    return found


def fail(exc: TspolError):
    """Print the diagnostics of a pack that does not load, on stderr, and exit 1."""
    click.echo(render(exc.diagnostics, "text", exc.sources), nl=False, err=True)
    raise Failed(FAILED)


class CliError(click.ClickException):
    """A failure the user can act on, with the exit code it deserves; `message` is a
    `tspol.messages.Message`, said in the running command's language."""

    def __init__(self, message: str, exit_code: int = FAILED):
        super().__init__(message)
        self.exit_code = exit_code
        self.lang = current_lang()  # shown after the command's context has closed

    def show(self, file=None) -> None:
        click.echo(f"tspol: {messages.text(self.message, self.lang)}", err=True)


class Failed(click.exceptions.Exit):
    """Stop with an exit code, having already printed why."""


def render(diagnostics, fmt: str, sources=None, lang: str | None = None) -> str:
    """Diagnostics sorted and rendered, in `lang` (default: the running command's)."""
    ordered = sort_diagnostics(diagnostics)
    lang = current_lang() if lang is None else lang
    if fmt == "text":
        return render_text(ordered, sources or {}, lang)
    if fmt == "sarif":  # not one of RENDERERS: it needs the registry of codes, which imports tspol.diagnostics
        from tspol.sarif import render_sarif

        return render_sarif(ordered, sources or {}, lang=lang)
    return RENDERERS[fmt](ordered, lang)


def summary(diagnostics: list[Diagnostic]) -> messages.Message:
    """`2 errors, 1 warning`, `no problems`."""
    errors = sum(d.is_error for d in diagnostics)
    warnings = len(diagnostics) - errors
    parts = []
    if errors:
        parts.append(say("cli.errors.one" if errors == 1 else "cli.errors", count=errors))
    if warnings:
        parts.append(say("cli.warnings.one" if warnings == 1 else "cli.warnings", count=warnings))
    return say("cli.summary", parts=messages.Words(parts, ",")) if parts else say("cli.no_problems")


def needs_modules(what: str, modules, extra: str) -> None:
    """Import the modules that `what` (an option) needs, before any input is read: a
    machine without one is told in one line which, and the extra that brings it (E003)."""
    import importlib

    try:
        for module in modules:
            importlib.import_module(module)
    except ImportError as exc:
        note(say("cli.needs_extra", what=what, module=exc.name, extra=extra))
        raise Failed(FAILED) from None


def start_spark(engine) -> None:
    """The Spark session of `engine` (`tspol.spark`), started before any input is read: a
    machine without Java is told so once, plainly (`eval` and `simulate --engine spark`)."""
    from pyspark.errors import PySparkException

    try:
        engine.session()
    except (PySparkException, OSError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        note(say("cli.no_spark", reason=first))
        raise Failed(FAILED) from None
