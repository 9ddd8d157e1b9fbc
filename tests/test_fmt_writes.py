"""`tspol fmt` writing files: one that cannot be written is named, exit 1, and the
others are still formatted (it was an internal error, and stopped at that file)."""

from __future__ import annotations

from pathlib import Path


def spaced_out(file: Path) -> str:
    text = file.read_text(encoding="utf-8")
    messy = text.replace("\n  ", "\n      ", 1)
    assert messy != text
    file.write_text(messy, encoding="utf-8")
    return text


def test_a_file_that_cannot_be_written_is_named_and_the_others_formatted(cli, pack_copy, monkeypatch):
    formatted = {name: spaced_out(pack_copy / name) for name in ("catalogue.pol", "ledger.pol", "policy.pol")}
    write_text = Path.write_text

    def read_only(path, *args, **kwargs):
        if path.name == "ledger.pol":
            raise PermissionError(13, "Permission denied")
        return write_text(path, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", read_only)
    result = cli("fmt", pack_copy)
    assert result.exit_code == 1
    assert f"tspol: cannot write {pack_copy / 'ledger.pol'}: Permission denied; it is left as it was" \
        in result.stderr
    assert "Traceback" not in result.output
    monkeypatch.undo()
    for name in ("catalogue.pol", "policy.pol"):
        assert (pack_copy / name).read_text(encoding="utf-8") == formatted[name]
        assert f"reformatted {pack_copy / name}" in result.stderr
    assert (pack_copy / "ledger.pol").read_text(encoding="utf-8") != formatted["ledger.pol"]
