"""The language tspol speaks: `--lang`, then TSPOL_LANG, then the locale."""

import pytest

from tspol.i18n import UnknownLanguage, chosen


@pytest.mark.parametrize(("flag", "environ", "expected"), [
    (None, {}, "en"),
    ("zh", {"TSPOL_LANG": "en"}, "zh"),
    (None, {"TSPOL_LANG": "zh", "LANG": "en_US.UTF-8"}, "zh"),
    (None, {"TSPOL_LANG": "", "LANG": "zh_CN.UTF-8"}, "zh"),
    (None, {"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, "en"),
    (None, {"LC_MESSAGES": "zh_TW.UTF-8", "LANG": "en_GB"}, "zh"),
    (None, {"LANG": "fr_FR.UTF-8"}, "en"),
    ("ZH", {}, "zh"),
])
def test_the_flag_then_the_variable_then_the_locale(flag, environ, expected):
    assert chosen(flag, environ) == expected


@pytest.mark.parametrize(("flag", "environ", "source"), [
    ("fr", {}, "--lang"),
    (None, {"TSPOL_LANG": "chinese"}, "TSPOL_LANG"),
])
def test_a_language_the_person_named_wrongly_is_refused(flag, environ, source):
    with pytest.raises(UnknownLanguage, match=f"^{source}: unknown language"):
        chosen(flag, environ)
