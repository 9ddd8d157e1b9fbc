"""The bundled pack checks clean and is canonically formatted; the brief's row parses."""

from tspol.dsl.formatter import format_source, row_text
from tspol.dsl.parser import parse_row

BRIEF = "when 50% <= LDR and late_orders >= 30 then points 7, limit 7d at 10% avg4w"


def test_brief_row_parses_as_written():
    assert row_text(parse_row(BRIEF)) == BRIEF


def test_pack_checks_clean(pack):
    assert pack.warnings == ()
    assert sorted(pack.regions) == ["SEA", "UK", "US"]


def test_pack_is_canonical(pack):
    for path, text in pack.sources.items():
        assert format_source(text, path) == text, path


def test_check_cli_on_pack(cli):
    result = cli("check", "policies")
    assert result.exit_code == 0, result.output
