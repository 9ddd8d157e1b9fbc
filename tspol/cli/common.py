"""What the commands share: the exit-code error, and printing diagnostics."""

from __future__ import annotations

import click

from tspol.diagnostics import RENDERERS, Diagnostic, TspolError, render_text, sort_diagnostics

OK, FAILED, USAGE = 0, 1, 2

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
            self.fail(f"no .pol files in {value!r}: a pack is a .pol file or a folder of them", param, ctx)
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
        click.echo(f"tspol: no ./policies folder here; using the bundled pack at {default}", err=True)
    return str(default)


def packs_of(paths, verb: str = "checking") -> list[str]:
    """Each pack once: a .pol file given alone stands for the pack it belongs to, and a
    folder of several packs (each with its own `policy`) for each of them."""
    from pathlib import Path

    from tspol.dsl.sources import pack_root, packs_in

    packs = []
    for path in paths:
        root = str(pack_root(Path(path)))
        if root != path and Path(root) != Path(path):
            click.echo(f"tspol: {verb} {path} as part of the pack in {root}", err=True)
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
        click.echo(f"tspol: reading {given} as part of the pack in {root}", err=True)
    packs = packs_in(root)
    if len(packs) > 1:
        raise CliError(f"{root} holds {len(packs)} packs ({', '.join(map(str, packs))}); name one of them", USAGE)
    try:
        return Workspace(Sources.read(root), given=given)  # the root found above, not looked for again
    except TspolError as exc:
        fail(exc)


def fail(exc: TspolError):
    """Print the diagnostics of a pack that does not load, on stderr, and exit 1."""
    click.echo(render(exc.diagnostics, "text", exc.sources), nl=False, err=True)
    raise Failed(FAILED)


class CliError(click.ClickException):
    """A failure the user can act on, with the exit code it deserves."""

    def __init__(self, message: str, exit_code: int = FAILED):
        super().__init__(message)
        self.exit_code = exit_code

    def show(self, file=None) -> None:
        click.echo(f"tspol: {self.format_message()}", err=True)


class Failed(click.exceptions.Exit):
    """Stop with an exit code, having already printed why."""


def render(diagnostics, fmt: str, sources=None) -> str:
    ordered = sort_diagnostics(diagnostics)
    if fmt == "text":
        return render_text(ordered, sources or {})
    if fmt == "sarif":  # not one of RENDERERS: it needs the registry of codes, which imports tspol.diagnostics
        from tspol.sarif import render_sarif

        return render_sarif(ordered, sources or {})
    return RENDERERS[fmt](ordered)


def summary(diagnostics: list[Diagnostic]) -> str:
    errors = sum(d.is_error for d in diagnostics)
    warnings = len(diagnostics) - errors
    parts = []
    if errors:
        parts.append(f"{errors} error{'s' * (errors != 1)}")
    if warnings:
        parts.append(f"{warnings} warning{'s' * (warnings != 1)}")
    return ", ".join(parts) or "no problems"


def needs_modules(what: str, modules, extra: str) -> None:
    """Import the modules that `what` (an option) needs, before any input is read: a
    machine without one is told in one line which, and the extra that brings it (E003)."""
    import importlib

    try:
        for module in modules:
            importlib.import_module(module)
    except ImportError as exc:
        click.echo(f"tspol: error[E003]: {what} needs {exc.name}: pip install 'tspol[{extra}]'", err=True)
        raise Failed(FAILED) from None


def start_spark(engine) -> None:
    """The Spark session of `engine` (`tspol.spark`), started before any input is read: a
    machine without Java is told so once, plainly (`eval` and `simulate --engine spark`)."""
    from pyspark.errors import PySparkException

    try:
        engine.session()
    except (PySparkException, OSError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        click.echo(f"tspol: --engine spark could not start Spark ({first}); it needs Java 17 or later "
                   "(`java` on PATH or JAVA_HOME)", err=True)
        raise Failed(FAILED) from None
