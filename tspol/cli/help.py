"""Help in the reader's language: `tspol --help`, `tspol check --help`, ... in
English or in Chinese.

Every command is a `Command` (the group, `tspol.cli.main.LazyGroup`, a `Group`):
in English their help is click's, byte for byte; in Chinese it is written from
the catalog `tspol.cli.help_zh` (imported only then), laid out as click lays it
out, with lines filled by the columns a terminal gives Chinese
(`tspol.widetext`).

The language of help (`help_language`): the `--lang` of the command line, as
`tspol.cli.common.lang_option` keeps it in `ctx.meta["tspol.lang"]`, or as
written anywhere among the command's arguments (so `--help --lang zh` is Chinese
too, though click sees `--help` first); else `tspol.i18n.chosen(None)`:
`TSPOL_LANG`, else the locale. A `TSPOL_LANG` naming no language gives English
help (the command itself says what is wrong with it when it runs).
"""

from __future__ import annotations

import click

LANG_META = "tspol.lang"  # the language `--lang` chose (tspol.cli.common.lang_option)
_WRITTEN = "tspol.help.lang"  # the language written after --lang among the arguments


def help_language(ctx: click.Context) -> str:
    from tspol.i18n import LANGS, UnknownLanguage, chosen

    for lang in (ctx.meta.get(LANG_META), ctx.meta.get(_WRITTEN)):
        if lang in LANGS:
            return lang
    try:
        return chosen(None)
    except UnknownLanguage:
        return "en"


def _note_written_lang(ctx: click.Context, args: list[str]) -> None:
    """Keep the `--lang X` among `args` (before any `--`), for help written before it."""
    for i, arg in enumerate(args):
        if arg == "--":
            return
        value = arg[len("--lang="):] if arg.startswith("--lang=") else (
            args[i + 1] if arg == "--lang" and i + 1 < len(args) else None)
        if value is not None:
            ctx.meta[_WRITTEN] = value.strip().lower()


class HelpMixin:
    """Help in English (click's) or in Chinese (the catalog's)."""

    catalog_key: str | None = None  # the command's key in the catalog; default: its name

    def parse_args(self, ctx, args):
        _note_written_lang(ctx, args)
        return super().parse_args(ctx, args)

    def get_help(self, ctx):
        if help_language(ctx) != "zh":
            return super().get_help(ctx)
        formatter = ZhFormatter(width=ctx.terminal_width, max_width=ctx.max_content_width)
        self.format_help_zh(ctx, formatter)
        return formatter.getvalue().rstrip("\n")

    def get_usage(self, ctx):
        """The usage line a usage error starts with, in the language of the error's other
        words (`tspol.cli.clickwords`): `用法:` in Chinese, as the help has it."""
        from tspol.cli.common import current_lang

        if current_lang() != "zh":
            return super().get_usage(ctx)
        formatter = ZhFormatter(width=ctx.terminal_width, max_width=ctx.max_content_width)
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)))
        return formatter.getvalue().rstrip("\n")

    # ---- Chinese, in the order and layout of click's format_help

    def format_help_zh(self, ctx, formatter) -> None:
        texts = catalog_entry(self)
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), prefix="用法: ")
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(texts["help"])
        arguments = [p for p in self.get_params(ctx) if isinstance(p, click.Argument)]
        if any(a.help is not None for a in arguments):
            with formatter.section("位置参数"):
                formatter.write_dl([(a.make_metavar(ctx), texts.get(param_key(a), "")) for a in arguments])
        records = [zh_help_record(p, ctx, texts) for p in self.get_params(ctx)
                   if isinstance(p, click.Option) and not p.hidden]
        if records:
            with formatter.section("选项"):
                formatter.write_dl(records)
        if isinstance(self, click.Group):
            self.format_commands_zh(ctx, formatter)

    def format_commands_zh(self, ctx, formatter) -> None:
        from tspol import widetext
        from tspol.cli.help_zh import TEXTS

        names = [name for name in self.list_commands(ctx)]
        if not names:
            return
        limit = formatter.width - 6 - max(len(name) for name in names)
        with formatter.section("命令"):
            formatter.write_dl([(name, widetext.shorten(summary_zh(TEXTS[name]["help"]), limit)) for name in names])


class Command(HelpMixin, click.Command):
    """A tspol command: its help in English or in Chinese."""


class Group(HelpMixin, click.Group):
    """The tspol group: its help, and its list of commands, in English or in Chinese."""


def catalog_entry(command: click.Command) -> dict[str, str]:
    from tspol.cli.help_zh import TEXTS

    return TEXTS[command.catalog_key or command.name]


def param_key(param: click.Parameter) -> str:
    """The catalog's name of a parameter: an option's long name (`--format`), else its
    first; an argument's name as help shows it (`PATH`)."""
    if isinstance(param, click.Argument):
        return param.human_readable_name
    return next((opt for opt in param.opts if opt.startswith("--")), param.opts[0])


def summary_zh(help_text: str) -> str:
    """What `tspol --help` lists of a command: the first paragraph of its help."""
    return help_text.split("\n\n")[0]


def zh_help_record(param: click.Option, ctx: click.Context, texts: dict[str, str]) -> tuple[str, str]:
    """(options, help) as click's `Option.get_help_record`, the help and the notes in
    brackets (default, range, required) in Chinese."""
    from tspol.cli.help_zh import HELP_OPTION

    key = param_key(param)
    text = HELP_OPTION if param is ctx.command.get_help_option(ctx) else texts.get(key, param.help or "")
    extra = param.get_help_extra(ctx)
    items = []
    if "envvars" in extra:
        items.append(f"环境变量:{', '.join(extra['envvars'])}")
    if "default" in extra:
        items.append(f"默认:{extra['default']}")
    if "range" in extra:
        items.append(extra["range"])
    if "required" in extra:
        items.append("必填")
    if items:
        notes = "; ".join(items)
        text = f"{text}  [{notes}]" if text else f"[{notes}]"
    return param.get_help_spec(ctx), text


class ZhFormatter(click.HelpFormatter):
    """click's layout, with lines filled by display columns (a Chinese character is two)."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        from tspol import widetext

        prefix = "用法: " if prefix is None else prefix
        usage_prefix = f"{' ' * self.current_indent}{prefix}{prog} "
        if not args:
            self.write(usage_prefix.rstrip(" ") + "\n")
            return
        text_width = self.width - self.current_indent
        if text_width >= widetext.width(usage_prefix) + 20:
            indent = " " * widetext.width(usage_prefix)
            self.write(widetext.fill(args, text_width, initial_indent=usage_prefix, subsequent_indent=indent))
        else:
            self.write(usage_prefix + "\n")
            indent = " " * (max(self.current_indent, widetext.width(prefix)) + 4)
            self.write(widetext.fill(args, text_width, initial_indent=indent, subsequent_indent=indent))
        self.write("\n")

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        self.write(_paragraphs(text, self.width, indent) + "\n")

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        from tspol import widetext

        rows = list(rows)
        first_col = min(max((widetext.width(first) for first, _ in rows), default=0), col_max) + col_spacing
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            if widetext.width(first) <= first_col - col_spacing:
                self.write(" " * (first_col - widetext.width(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            lines = _paragraphs(second, max(self.width - first_col - 2, 10), "").splitlines()
            self.write(f"{lines[0]}\n")
            for line in lines[1:]:
                self.write(f"{'':>{first_col + self.current_indent}}{line}\n" if line else "\n")


def _paragraphs(text: str, width: int, indent: str) -> str:
    """Each paragraph (parted by a blank line) filled to `width` columns, a blank line between."""
    from tspol import widetext

    return "\n\n".join(widetext.fill(p, width, initial_indent=indent, subsequent_indent=indent)
                       for p in text.split("\n\n"))
