"""Versions in one pack (issue 11): an amendment may hold `levels` and `param`
declarations, as it holds any other: one of the same name replaces the version
before's, a new one is added, `remove levels NAME` and `remove param NAME` take one
out; every version is checked, and every engine decides it alike.

The packs are examples/volume (params) and examples/levels (levels) with an amendment.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from eval_engines import boundary_sellers, compiled_module
from test_differential import assert_agree
from tspol.workspace import Workspace

ROOT = Path(__file__).resolve().parents[1]

STRICTER = '''
amendment "2" effective 2025-06-01 {
  name en "A stricter late dispatch limit in the US"

  param late_limit: rate {
    in US then 3%
    in UK then 3%
    when orders_7d >= 500 then 2%
    otherwise 5%
  }
}
'''

LEVELS = '''
amendment "2" effective 2025-06-01 {
  name en "Account health with a black level"

  levels health {
    name en "Account health"
    name zh "账户健康"
    level green
    level yellow
    level orange
    level red
    level black
    default green
  }

  rule late_shipments in US {
    name en "Late shipment rate"
    name zh "延迟发货率"
    on LSR
    table {
      when 4% <= LSR < 8% then level health yellow
      when 8% <= LSR < 12% then level health orange
      when LSR >= 12% then level health black
    }
  }
}
'''


def _pack(tmp_path, example: str, amendment: str) -> Path:
    pack = tmp_path / example
    pack.mkdir()
    text = (ROOT / "examples" / example / "policy.pol").read_text(encoding="utf-8")
    (pack / "policy.pol").write_text(text + amendment, encoding="utf-8")
    return pack


def _check(cli, pack):
    result = cli("check", "--strict", pack)
    return result.exit_code, result.output


def _versions(pack):
    workspace = Workspace.open(pack)
    return [workspace.at(datetime.date.fromisoformat(day)).program() for day in ("2025-05-31", "2025-06-01")]


def _assert_engines_agree(program):
    module = compiled_module(program)
    for i, seller in enumerate(boundary_sellers(program)):
        for region in program.region_names:
            assert_agree(program, module, seller, region, "zh" if i % 2 else "en")


def test_an_amendment_replaces_a_param(cli, tmp_path):
    pack = _pack(tmp_path, "volume", STRICTER)
    assert _check(cli, pack)[0] == 0
    metrics = {"orders_7d": 100, "late_orders": 3, "orders_30d": 100, "defective_orders": 0}
    first, second = (Workspace.open(pack).at(datetime.date.fromisoformat(day)).compiled().module
                     for day in ("2025-05-31", "2025-06-01"))
    assert first.evaluate(metrics, "US")["warning"] is False
    assert second.evaluate(metrics, "US")["warning"] is True
    for program in _versions(pack):
        _assert_engines_agree(program)


def test_an_amendment_replaces_a_level_set(cli, tmp_path):
    pack = _pack(tmp_path, "levels", LEVELS)
    assert _check(cli, pack)[0] == 0
    first, second = _versions(pack)
    assert [level for s in first.levels for level in s.levels] == ["green", "yellow", "orange", "red"]
    assert [level for s in second.levels for level in s.levels] == ["green", "yellow", "orange", "red", "black"]
    for program in (first, second):
        _assert_engines_agree(program)


def test_removing_a_param_still_compared_with_is_an_error_of_that_version(cli, tmp_path):
    pack = _pack(tmp_path, "volume", 'amendment "2" effective 2025-06-01 {\n  remove param late_limit\n}\n')
    code, output = _check(cli, pack)
    assert code == 1
    assert "error[E200]: in version 2 (effective 2025-06-01): unknown param `late_limit`" in output


def test_removing_a_level_set_no_row_gives(cli, tmp_path):
    unused = '''
levels spare {
  level calm
  level busy
  default calm
}
'''
    pack = _pack(tmp_path, "levels", unused + 'amendment "2" effective 2025-06-01 {\n  remove levels spare\n}\n')
    assert _check(cli, pack)[0] == 0
    first, second = _versions(pack)
    assert [s.name for s in first.levels] == ["health", "spare"]
    assert [s.name for s in second.levels] == ["health"]


@pytest.mark.parametrize("statement, shown", [
    ("remove param late_limt", "error[E270]: no param `late_limt` to remove"),
    ("remove levels helth", "error[E270]: no level set `helth` to remove"),
])
def test_removing_nothing_says_so_with_the_name_meant(cli, tmp_path, statement, shown):
    example = "volume" if "param" in statement else "levels"
    pack = _pack(tmp_path, example, f'amendment "2" effective 2025-06-01 {{\n  {statement}\n}}\n')
    code, output = _check(cli, pack)
    assert code == 1 and shown in output
    assert "did you mean" in output


def test_a_param_of_a_close_name_adds_with_a_warning(cli, tmp_path):
    pack = _pack(tmp_path, "volume", STRICTER.replace("param late_limit:", "param late_limits:"))
    code, output = _check(cli, pack)
    assert code == 1  # --strict
    assert "warning[W270]: this adds a new param `late_limits`" in output


def test_an_amended_pack_with_levels_and_params_is_formatted_as_fmt_writes_it(cli, tmp_path):
    for example, amendment in (("volume", STRICTER), ("levels", LEVELS)):
        pack = _pack(tmp_path, example, amendment)
        result = cli("fmt", "--check", pack)
        assert result.exit_code == 0, result.output


@pytest.mark.parametrize("example, amendment", [("volume", STRICTER), ("levels", LEVELS)], ids=["param", "levels"])
@pytest.mark.parametrize("on", ["2025-05-31", "2025-06-01"])
def test_duckdb_decides_each_amended_version_as_python_does(cli, tmp_path, example, amendment, on):
    import json

    pack = _pack(tmp_path, example, amendment)
    program = Workspace.open(pack).at(datetime.date.fromisoformat(on)).program()
    sellers = tmp_path / "sellers.jsonl"
    sellers.write_text("".join(json.dumps(seller) + "\n" for seller in boundary_sellers(program)), encoding="utf-8")
    for region in program.region_names:
        outputs = [cli("eval", "--policy", pack, "--region", region, "--on", on, sellers, "--format", "json",
                       "--engine", engine) for engine in ("python", "duckdb")]
        assert [result.exit_code for result in outputs] == [0, 0], [result.output for result in outputs]
        assert outputs[0].stdout == outputs[1].stdout, region
