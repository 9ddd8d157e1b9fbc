"""The language tspol speaks to a person: English or Chinese.

    chosen(flag)   the `--lang` given, else `TSPOL_LANG`, else the locale
                   (`LC_ALL`, then `LC_MESSAGES`, then `LANG`, as POSIX orders
                   them), else English

A `--lang` or `TSPOL_LANG` naming neither language is a mistake the person
made, so it is refused (`UnknownLanguage`); a locale is the machine's, so one
that is not Chinese means English.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

LANGS = ("en", "zh")
DEFAULT = "en"
ENV = "TSPOL_LANG"
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


class UnknownLanguage(ValueError):
    def __init__(self, value: str, source: str):
        super().__init__(f"{source}: unknown language {value!r}; choose one of {', '.join(LANGS)}")
        self.value, self.source = value, source


def chosen(flag: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    environ = os.environ if environ is None else environ
    if flag is not None:
        return _known(flag, "--lang")
    if environ.get(ENV):
        return _known(environ[ENV], ENV)
    return from_locale(environ)


def from_locale(environ: Mapping[str, str]) -> str:
    for name in LOCALE_VARIABLES:
        value = environ.get(name)
        if value:
            return "zh" if value.lower().startswith("zh") else DEFAULT
    return DEFAULT


def _known(value: str, source: str) -> str:
    lang = value.strip().lower()
    if lang not in LANGS:
        raise UnknownLanguage(value, source)
    return lang
