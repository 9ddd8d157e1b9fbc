"""click's own words for a usage error (`Error: ...`, `Invalid value for ...`, `Path 'x' does
not exist.`), in the language tspol speaks.

click asks `gettext` for each of them; `install()` gives the click modules that build usage
errors a `gettext` that answers the Chinese of the catalog (`click.*` in tspol.messages)
when the language is Chinese, and asks the one it replaces otherwise, and for every word
that is not a usage error's (the words of `--help`: `Usage:`, `Options`, ... are not
touched here). The language: the running command's (`tspol.cli.common.current_lang`,
which knows a command line's `--lang` before click parses it, `lang_in`, and after the
command's context has closed, when a usage error is shown).
"""

from __future__ import annotations

import importlib

# click's message -> the catalog entry of its Chinese
WORDS = {
    "Error: {message}": "click.error",
    "Try '{command} {option}' for help.": "click.try_help",
    "Invalid value for {param_hint}: {message}": "click.invalid_value_for",
    "Invalid value: {message}": "click.invalid_value",
    "Missing argument": "click.missing_argument",
    "Missing option": "click.missing_option",
    "Missing parameter": "click.missing_parameter",
    "Missing {param_type}": "click.missing_type",
    "Missing parameter: {param_name}": "click.missing_parameter_name",
    "No such option {name!r}.": "click.no_such_option",
    "No such command {name!r}.": "click.no_such_command",
    "Did you mean {possibility}?": "click.did_you_mean",
    "(Did you mean one of: {possibilities}?)": "click.did_you_mean_one_of",
    "Could not open file {filename!r}: {message}": "click.could_not_open",
    "unknown error": "click.unknown_error",
    "{value!r} is not {choice}.": "click.not_choice",
    "{value!r} is not one of {choices}.": "click.not_one_of",
    "{value!r} is not a valid {number_type}.": "click.not_a_number",
    "{value} is not in the range {range}.": "click.not_in_range",
    "{value!r} is not a valid boolean. Recognized values: {states}": "click.not_a_boolean",
    "{value!r} does not match the format {format}.": "click.not_the_format",
    "{value!r} does not match the formats {formats}.": "click.not_the_formats",
    "file": "click.file",
    "directory": "click.directory",
    "path": "click.path",
    "{name} {filename!r} does not exist.": "click.does_not_exist",
    "{name} {filename!r} is a file.": "click.is_a_file",
    "{name} {filename!r} is a directory.": "click.is_a_directory",
    "{name} {filename!r} is not readable.": "click.not_readable",
    "{name} {filename!r} is not writable.": "click.not_writable",
    "{name} {filename!r} is not executable.": "click.not_executable",
    "Option {name!r} does not take a value.": "click.takes_no_value",
    "Option {name!r} requires an argument.": "click.requires_an_argument",
    "Option {name!r} requires {nargs} arguments.": "click.requires_arguments",
    "Argument {name!r} takes {nargs} values.": "click.argument_takes",
    "Got unexpected extra argument ({args})": "click.extra_argument",
    "Got unexpected extra arguments ({args})": "click.extra_arguments",
    "Missing command.": "click.missing_command",
}
MODULES = ("click.exceptions", "click.types", "click.parser", "click.core")

def lang_in(args: list[str]) -> str | None:
    """The `--lang` of a command line, read before click parses it, so that a usage error
    click finds while parsing (an unknown option) is said in it too; None when none is given
    (or it names no language: `--lang` itself then says so)."""
    from tspol import i18n

    for position, arg in enumerate(args):
        value = arg.partition("=")[2] if arg.startswith("--lang=") else \
            args[position + 1] if arg == "--lang" and position + 1 < len(args) else None
        if value is not None:
            try:
                return i18n.chosen(value)
            except i18n.UnknownLanguage:
                return None
    return None


def _lang() -> str:
    from tspol.cli.common import current_lang

    return current_lang()


def _said(message: str) -> str:
    id = WORDS.get(message)
    if id is None:
        return message
    if id in _NAMES:  # a path type's name, asked for once when the type is made: said when shown
        return _Name(message)
    if _lang() != "zh":
        return message
    from tspol.messages import CATALOG

    return CATALOG[id][1]


_NAMES = ("click.file", "click.directory", "click.path")


class _Name(str):
    """The name of a kind of path (`path`), which click asks for when an option is declared,
    before any language is chosen, and writes `.title()` in its message: in the language of
    the moment it is written."""

    def title(self) -> str:
        if _lang() != "zh":
            return str.title(self)
        from tspol.messages import CATALOG

        return CATALOG[WORDS[str(self)]][1]


def install() -> None:
    """Give click's modules that build usage errors tspol's words (once)."""
    for name in MODULES:
        module = importlib.import_module(name)
        asked = getattr(module, "_", None)
        if asked is None or getattr(asked, "tspol", False):
            continue
        counted = getattr(module, "ngettext", None)

        def gettext(message, asked=asked):
            said = _said(message)
            return said if said is not message else asked(message)

        def ngettext(singular, plural, n, counted=counted):
            message = singular if n == 1 else plural
            said = _said(message)
            return said if said is not message else counted(singular, plural, n)

        gettext.tspol = ngettext.tspol = True
        module._ = gettext
        if counted is not None:
            module.ngettext = ngettext
