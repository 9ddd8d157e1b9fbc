"""`tspol eval` on tables: JSON lists, CSV and Parquet in, JSON Lines, CSV and Parquet
out (`-o`), on every engine of the quick tier (python, duckdb; Spark's run in
tests/test_sql_spark.py). The same sellers in every format get the same decisions
as their JSON Lines, to the byte, error records included (a table's name its `row`
where JSON Lines names its `line`). Bad tables are data: BAD_TABLES below.
"""

from __future__ import annotations

import csv
import glob
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest

duckdb = pytest.importorskip("duckdb")
pytest.importorskip("sqlglot")

import tspol  # noqa: E402
import tspol.duckdb as tspol_duckdb  # noqa: E402
from conftest import PACK  # noqa: E402
from sql_cases import boundary_records, in_sql_range  # noqa: E402
from tspol.compiler.portable import OUTPUT_COLUMNS  # noqa: E402

ENGINES = ("python", "duckdb")
NUMERIC_BAD_ROWS = [  # what a number-typed table can hold that the policy refuses, each in its own row
    {"region": "US", "orders_7d": -1},
    {"region": "US", "orders_7d": 10, "late_orders": Decimal("2.5")},
    {"region": "US", "orders_7d": 10, "late_orders": 11},
    {"region": "US", "orders_7d": 10**18},
    {"region": "us", "orders_7d": 10},
    {"region": "XX", "orders_7d": 10},
    {"region": "UK", "avg_daily_orders_4w": Decimal("-0.5")},
    {"orders_7d": 40},  # no region, and no --region
]


@pytest.fixture(scope="module")
def policy():
    return tspol.load()


@pytest.fixture(scope="module")
def records(policy):
    good = [r for r in boundary_records(policy.program) if in_sql_range(r)]
    rows = good[::3] + [{"seller_id": f"bad{i}", **r} for i, r in enumerate(NUMERIC_BAD_ROWS)]
    return [{k: Decimal(repr(v)) if isinstance(v, float) else v for k, v in r.items()} for r in rows]


def number(value) -> str:
    return str(value)


def jsonl(records) -> str:
    def text(value):
        return json.dumps(value) if isinstance(value, str) else number(value)

    return "".join("{" + ", ".join(f"{json.dumps(k)}: {text(v)}" for k, v in r.items()) + "}\n" for r in records)


def csv_text(policy, records) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    columns = ["seller_id", "region", *policy.inputs]
    writer.writerow(columns)
    for r in records:
        writer.writerow(["" if r.get(name) is None else str(r[name]) for name in columns])
    return out.getvalue()


def write_parquet(policy, records, path: Path, ids: str = "VARCHAR") -> None:
    """A typed table: seller_id `ids`, region VARCHAR, every input DECIMAL(38, 18), built
    from the texts of the values (a cast of text is exact, where JSON's would be a double)."""
    names = ["seller_id", "region", *policy.inputs]
    values = [[None if r.get(name) is None else str(r[name]) for r in records] for name in names]
    connection = duckdb.connect()
    unnested = ", ".join(f"unnest(?::VARCHAR[]) AS c{i}" for i in range(len(names)))
    types = [f"::{ids}", "", *["::DECIMAL(38, 18)"] * len(policy.inputs)]
    typed = ", ".join(f'c{i}{kind} AS "{name}"' for i, (name, kind) in enumerate(zip(names, types)))
    connection.execute(f"CREATE TABLE t AS SELECT {unnested}", values)
    connection.execute(f"COPY (SELECT {typed} FROM t) TO '{path}' (FORMAT parquet)")


@pytest.fixture(scope="module")
def files(policy, records, tmp_path_factory):
    folder = tmp_path_factory.mktemp("tables")
    (folder / "sellers.jsonl").write_text(jsonl(records), encoding="utf-8")
    (folder / "list.json").write_text("[\n" + ",\n".join(jsonl(records).splitlines()) + "\n]\n", encoding="utf-8")
    (folder / "sellers.csv").write_text(csv_text(policy, records), encoding="utf-8")
    write_parquet(policy, records, folder / "sellers.parquet")
    # the Parquet file's values as JSON Lines: its DECIMAL(38, 18) says 2.5 as 2.500000000000000000
    relation = duckdb.read_parquet(str(folder / "sellers.parquet"))
    typed = [{k: v for k, v in zip(relation.columns, row) if v is not None} for row in relation.fetchall()]
    (folder / "parquet.jsonl").write_text(jsonl(typed), encoding="utf-8")
    return folder


def as_table(output: str) -> str:
    """JSON Lines output with its error records naming a row, as a table's do."""
    lines = []
    for line in output.splitlines(keepends=True):
        record = json.loads(line)
        if "line" in record:
            line = line.replace(f'"line": {record["line"]}, ', f'"row": {record["line"]}, ', 1)
        lines.append(line)
    return "".join(lines)


def decided(path: Path):
    from click.testing import CliRunner

    from tspol.cli.main import cli as group

    result = CliRunner().invoke(group, ["eval", "--format", "json", str(path)])
    assert result.exit_code == 1 and result.stdout.count("\n") > 400
    assert result.stdout.count('"error"') == len(NUMERIC_BAD_ROWS)
    return result


@pytest.fixture(scope="module")
def expected(files):
    return decided(files / "sellers.jsonl")


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", ["sellers.jsonl", "list.json", "sellers.csv", "sellers.parquet"])
def test_every_format_decides_as_its_json_lines(cli, files, expected, engine, name):
    got = cli("eval", "--format", "json", "--engine", engine, files / name)
    assert got.exit_code == 1
    if name.endswith(".parquet"):
        expected = decided(files / "parquet.jsonl")
    want = expected.stdout if name.endswith(".jsonl") else as_table(expected.stdout)
    assert got.stdout == want
    last = got.stderr.splitlines()[-1]
    assert last == f"{files / name}: {len(NUMERIC_BAD_ROWS)} of {want.count(chr(10))} sellers not decided"


@pytest.mark.parametrize("engine", ENGINES)
def test_a_table_in_text_names_rows(cli, files, engine):
    got = cli("eval", "--engine", engine, files / "sellers.csv")
    assert got.exit_code == 1
    assert "\nrow 1" not in got.stdout and "not decided: error[E607]: key `region`: unknown region `XX`" in got.stdout
    # a CSV row is told by its line of the file and its row of the table
    row = 1 + next(i for i, line in enumerate(got.stdout.split("\n\n")) if "`XX`" in line)
    assert f"sellers.csv:{row + 1}: row {row}: error[E607]" in got.stderr


@pytest.mark.parametrize("engine", ENGINES)
def test_json_lines_out_is_what_stdout_gets(cli, files, expected, engine, tmp_path):
    out = tmp_path / "decisions.jsonl"
    got = cli("eval", "--engine", engine, files / "sellers.jsonl", "-o", out)  # -o: JSON by default
    assert (got.exit_code, got.stdout) == (1, "")
    assert out.read_text(encoding="utf-8") == expected.stdout
    assert got.stderr == expected.stderr


@pytest.mark.parametrize("engine", ENGINES)
def test_csv_out_has_the_query_columns(cli, files, engine, tmp_path):
    out = tmp_path / "decisions.csv"
    assert cli("eval", "--engine", engine, files / "sellers.parquet", "-o", out).exit_code == 1
    expected = decided(files / "parquet.jsonl")
    rows = list(csv.reader(out.open(encoding="utf-8", newline="")))
    assert tuple(rows[0]) == OUTPUT_COLUMNS
    decisions = [json.loads(line) for line in expected.stdout.splitlines()]
    assert len(rows) == 1 + len(decisions)
    for row, decision in zip(rows[1:], decisions):
        cells = dict(zip(OUTPUT_COLUMNS, row))
        assert cells["seller_id"] == str(decision["seller_id"])
        if "error" in decision:
            assert json.loads(cells["error"]) == decision["error"]
            assert cells["region"] == cells["points"] == cells["violations"] == ""
        else:
            assert cells["error"] == "" and int(cells["points"]) == decision["points"]
            assert cells["warning"] == str(decision["warning"]).lower()
            for key in ("violations", "findings", "not_applicable", "discretionary"):
                assert json.loads(cells[key]) == decision[key]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", ["sellers.parquet", "sellers.csv"])
def test_parquet_out_is_the_duckdb_relation(cli, policy, files, engine, name, tmp_path):
    """Parquet out holds what `tspol.duckdb.evaluate` gives for the same table, typed
    alike, row for row (but for the did-you-mean of an unknown region, which is Python's)."""
    out = tmp_path / "decisions.parquet"
    got = cli("eval", "--engine", engine, files / name, "-o", out)
    assert got.exit_code == 1 and got.stdout == ""
    written = duckdb.read_parquet(str(out))
    given = duckdb.read_parquet(str(files / name)) if name.endswith(".parquet") else \
        duckdb.read_csv(str(files / name), all_varchar=True)
    relation = tspol_duckdb.evaluate(policy, given)
    assert written.columns == list(OUTPUT_COLUMNS)
    assert written.types == relation.types
    want = [row[:-1] + (hinted(row[-1]),) for row in relation.fetchall()]
    assert written.fetchall() == want


def hinted(error):
    if error and error["message"] == "unknown region `us`; this policy has US, SEA, UK":
        return {**error, "message": error["message"] + "; did you mean `US`?"}
    return error


@pytest.mark.parametrize("regions, ids", [("known", "VARCHAR"), ("unknown", "VARCHAR"), ("known", "BIGINT")])
def test_the_direct_parquet_path_is_the_row_path(cli, policy, records, tmp_path, regions, ids):
    """Parquet to Parquet on DuckDB runs in DuckDB alone, unless a row names an unknown
    region (whose message has Python's did-you-mean); either way, as row by row, the
    seller_id written as text whatever its type."""
    rows = [r for r in records if regions == "unknown" or r.get("region") in (None, *policy.regions)]
    if ids != "VARCHAR":
        rows = [{**r, "seller_id": number} for number, r in enumerate(rows, -3)]
    write_parquet(policy, rows, tmp_path / "in.parquet", ids)
    by_rows = cli("eval", "--engine", "python", tmp_path / "in.parquet", "-o", tmp_path / "a.parquet")
    direct = cli("eval", "--engine", "duckdb", tmp_path / "in.parquet", "-o", tmp_path / "b.parquet")
    assert (direct.exit_code, direct.stdout, direct.stderr) == (by_rows.exit_code, "", by_rows.stderr)
    assert by_rows.stderr.count("error[") == len(NUMERIC_BAD_ROWS) - 2 * (regions == "known")
    a, b = (duckdb.read_parquet(str(tmp_path / name)) for name in ("a.parquet", "b.parquet"))
    assert a.types == b.types and a.fetchall() == b.fetchall()
    assert str(a.types[0]) == "VARCHAR" and a.fetchall()[0][0] == str(rows[0]["seller_id"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.parquet", "b.parquet", "in.parquet"]


def test_a_parquet_path_is_no_glob(cli, policy, records, tmp_path):
    """`a*.parquet`, `[x].parquet`, `q?.parquet` and `in[1]/plain.parquet` are those files,
    though beside files that they would match as globs; and so are the files written."""
    for folder in ("in[1]", "in1", "out[1]", "out1"):
        (tmp_path / folder).mkdir()
    write_parquet(policy, records[:4], tmp_path / "in[1]" / "plain.parquet")
    for decoy in ("in1/plain.parquet", "abc.parquet", "x.parquet", "qz.parquet"):
        write_parquet(policy, records[4:9], tmp_path / decoy)
    names = ("a*.parquet", "[x].parquet", "q?.parquet")
    for name in names:
        shutil.copy(tmp_path / "in[1]" / "plain.parquet", tmp_path / name)
    want = cli("eval", "--format", "json", tmp_path / "in[1]" / "plain.parquet").stdout  # every engine's reader
    assert want.count("\n") == 4
    for name in names:
        assert cli("eval", "--format", "json", tmp_path / name).stdout == want
    out = tmp_path / "out[1]"  # row by row (DuckDB reads back JSON Lines), and in DuckDB alone
    cli("eval", "--engine", "python", tmp_path / "a*.parquet", "-o", out / "rows.parquet")
    cli("eval", "--engine", "duckdb", tmp_path / "a*.parquet", "-o", out / "direct.parquet")
    rows, direct = (duckdb.read_parquet(glob.escape(str(out / n))).fetchall() for n in ("rows.parquet",
                                                                                       "direct.parquet"))
    assert len(rows) == 4 and rows == direct
    assert sorted(p.name for p in out.iterdir()) == ["direct.parquet", "rows.parquet"]


LIST_ITEMS = [  # a JSON list's items, each decided as the JSON line it would be
    '{"seller_id": "good", "region": "US", "orders_7d": 40, "late_orders": 30}',
    '{"seller_id": "a", "region": "US", "orders_7d": 40, "orders_7d": 41}',  # E613, its seller_id told
    '{"seller_id": 7, "region": "US", "metrics": {"orders_7d": 4, "orders_7d": 4}}',  # E613 in metrics
    '{"region": "US", "orders_7d": 40, "late": {"x": 1, "x": 2}}',  # E613 deeper down
    '{"seller_id": "\\ud800", "region": "US", "orders_7d": 40}',  # half a surrogate pair: E610
    '{"seller_id": "\\ud800", "region": "US", "region": "US"}',  # E613, and no seller_id to tell
    '{"region": "US", "orders_7d": 1' + "0" * 5000 + "}",  # too long for int(): E608
    "5",  # E600
    '{"seller_id": "end", "region": "US", "orders_7d": 40, "late_orders": 2}',
]
LIST_LAYOUTS = {  # how the items are written as one list, and the line of each row
    "one line": (lambda items: "[" + ", ".join(items) + "]", lambda row: 1),
    "a line each": (lambda items: "[\n" + ",\n".join(items) + "\n]\n", lambda row: row + 1),
    "one line over 1 MiB": (lambda items: "[" + ", ".join(items) + " " * 2**20 + "]\n", lambda row: 1),
    "blank lines after": (lambda items: "[" + ",".join(items) + "]\n\n \n", lambda row: 1),
    "a BOM and blank lines before": (lambda items: "\ufeff\n \n [" + ",".join(items) + "]", lambda row: 3),
}


@pytest.fixture(scope="module")
def list_items_as_lines(tmp_path_factory):
    from click.testing import CliRunner

    from tspol.cli.main import cli as group

    lines = tmp_path_factory.mktemp("list") / "items.jsonl"
    lines.write_text("\n".join(LIST_ITEMS) + "\n", encoding="utf-8")
    return {engine: CliRunner().invoke(group, ["eval", "--format", "json", "--engine", engine, str(lines)]).stdout
            for engine in ENGINES}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("layout", LIST_LAYOUTS)
def test_a_json_list_decides_each_item_as_a_json_line(cli, tmp_path, list_items_as_lines, engine, layout):
    write, line_of = LIST_LAYOUTS[layout]
    path = tmp_path / "list.json"
    path.write_text(write(LIST_ITEMS), encoding="utf-8")
    got = cli("eval", "--format", "json", "--engine", engine, path)
    assert (got.exit_code, got.stdout) == (1, as_table(list_items_as_lines[engine]))
    assert got.stdout.count('"error"') == 7
    told = [line.split(": error[")[0] for line in got.stderr.splitlines() if ": error[" in line]
    assert told == [f"{path}:{line_of(row)}: row {row}" for row in range(2, 9)]


CSV_NUMBERS = ["1e1000000000000000000", "-1E+1000000000000000000", "1e-1000000000000000000", "4.0E+1", "1" * 5000]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_csv_number_is_read_as_in_json(cli, tmp_path, engine):
    """A cell past what a Decimal holds is out of range, that row's E608, as in JSON."""
    (tmp_path / "n.csv").write_text("seller_id,region,orders_7d\n" + "".join(
        f"s{i},US,{n}\n" for i, n in enumerate(CSV_NUMBERS)), encoding="utf-8")
    (tmp_path / "n.jsonl").write_text("".join(
        f'{{"seller_id": "s{i}", "region": "US", "orders_7d": {n}}}\n' for i, n in enumerate(CSV_NUMBERS)),
        encoding="utf-8")
    table, lines = (cli("eval", "--format", "json", "--engine", engine, tmp_path / n) for n in ("n.csv", "n.jsonl"))
    assert (table.exit_code, table.stdout) == (1, as_table(lines.stdout))
    assert table.stdout.count('"E608"') == 4


def test_one_seller_with_o_is_one_line(cli, tmp_path):
    seller = tmp_path / "one.json"
    seller.write_text('{\n  "region": "US",\n  "orders_7d": 40,\n  "late_orders": 30\n}\n', encoding="utf-8")
    shown = cli("eval", "--format", "json", seller)
    assert shown.exit_code == 0 and shown.stdout.count("\n") > 10  # indented on the terminal
    assert cli("eval", seller, "-o", tmp_path / "one.jsonl").exit_code == 0
    assert (tmp_path / "one.jsonl").read_text(encoding="utf-8") == json.dumps(
        json.loads(shown.stdout), ensure_ascii=False) + "\n"


def test_csv_cells(cli, tmp_path):
    """A cell is a number as JSON writes it, exactly; other text is refused as JSON's string is."""
    table = tmp_path / "cells.csv"
    table.write_text("seller_id,region,orders_7d,late_orders\n"
                     "a,US,40,30\n"            # decided
                     "b,US,4E+1,3E1\n"         # exponents: 40 and 30
                     "c,US,40.0,30.00\n"       # whole numbers with places
                     "d,US, 40,30\n"           # a space is text, not a number
                     "e,US,forty,30\n"
                     "f,US,0x28,30\n"
                     "007,US,40,\n"            # seller_id is text as written; an empty cell is not given
                     '"g,h",US,"40",30\n',     # quoting is CSV's, not a string
                     encoding="utf-8")
    got = cli("eval", "--format", "json", table)
    lines = [json.loads(line) for line in got.stdout.splitlines()]
    assert [line.get("points") for line in lines[:3]] == [7, 7, 7]
    assert [line["error"]["code"] for line in lines[3:6]] == ["E602"] * 3
    assert lines[3]["error"]["message"].endswith('got " 40"') or '" 40"' in lines[3]["error"]["message"]
    assert lines[6]["seller_id"] == "007" and "error" not in lines[6]
    assert lines[7]["seller_id"] == "g,h" and lines[7]["points"] == 7
    assert got.exit_code == 1 and got.stderr.splitlines()[-1].endswith("3 of 8 sellers not decided")


def test_a_csv_row_that_cannot_be_read_is_that_rows_error(cli, tmp_path):
    table = tmp_path / "ragged.csv"
    table.write_text('region,orders_7d\nUS,40\nUS\nUS,40,1\n\nUS,"40"x,"1\nUS,"4\n0"\n', encoding="utf-8")
    got = cli("eval", "--format", "json", table)
    lines = [json.loads(line) for line in got.stdout.splitlines()]
    assert "error" not in lines[0]
    assert [line["error"]["message"] for line in lines[1:5]] == [
        "1 cell, but the header names 2 columns", "3 cells, but the header names 2 columns",
        "an empty row, but the header names 2 columns", "malformed CSV: ',' expected after '\"'"]
    assert [line["row"] for line in lines[1:5]] == [2, 3, 4, 5]
    assert "ragged.csv:4: row 3: error[E610]" in got.stderr
    assert lines[5]["error"]["code"] == "E602"  # a quoted cell may span lines: "4\n0" is text
    assert "ragged.csv:7: row 6: error[E602]" in got.stderr


BAD_TABLES = [  # (file, its bytes, extra options, exit code, a line of stderr); nothing is decided
    ("twice.csv", b"orders_7d,late_orders,orders_7d\n40,12,40\n", (), 1,
     "twice.csv:1: error[E614]: key `orders_7d`: the column `orders_7d` is named twice"),
    ("unnamed.csv", b"orders_7d,,late_orders\n40,1,12\n", (), 1,
     "unnamed.csv:1: error[E614]: a column without a name: each column names an input, seller_id or region"),
    ("unknown.csv", b"orders_7d,late_ordrs\n40,12\n", (), 1,
     "unknown.csv:1: error[E601]: key `late_ordrs`: the column `late_ordrs` is not an input of this policy, "
     "nor seller_id or region; did you mean `late_orders`?"),
    ("latin1.csv", "region,orders_7d\nUS,40\nÜS,40\n".encode("latin-1"), (), 1,
     "latin1.csv:3: error[E614]: this is not UTF-8 text: byte 0xdc at column 1 (invalid continuation byte)"),
    ("late.csv", b"region,orders_7d\n" + b"US,40\n" * 600 + "ÜS,40\n".encode("latin-1"), (), 1,
     "late.csv:602: error[E614]: this is not UTF-8 text"),  # after rows that could have been decided
    ("bom.csv", "\ufeffregion,orders_7d\nUS,40\n".encode("utf-8"), (), 0, None),  # a BOM is dropped
    ("empty.csv", b"", (), 0, None),  # no header, no sellers
    ("header.csv", b"region,orders_7d\n", (), 0, None),
    ("not.parquet", b"PAR1 is not enough", (), 1, "not.parquet: error[E614]: cannot read this Parquet file: "),
    ("big.json", b"[" + b" " * (16 * 2**20) + b"]", ("--input-format", "json"), 1,
     "big.json: error[E614]: a JSON file of sellers holds at most 16 MiB: write a larger table as JSON Lines "
     "(.jsonl), one seller a line"),
    ("lines.json", b"[\n" + b'{"region": "US"},\n' * 10**6 + b"{}\n]\n", (), 1,  # a list, not JSON Lines
     "lines.json: error[E614]: a JSON file of sellers holds at most 16 MiB"),
    ("line.json", b"[" + b'{"region": "US"}, ' * 10**6 + b"{}]\n", (), 1,
     "line.json: error[E614]: a JSON file of sellers holds at most 16 MiB"),
    ("quote.csv", b'region,orders_7d\nUS,40\nUS,"40\nUS,40\n', (), 1,
     'quote.csv:3: error[E614]: the quote at column 4 is never closed, so the rest of the file would be one '
     'cell: a quoted cell ends with a quote ("), and a quote inside one is written twice ("")'),
    ("later.csv", b'seller_id,region,orders_7d\n"s\n1",US,"40\nUS,40\n', (), 1,  # on the row's second line
     "later.csv:3: error[E614]: the quote at column 7 is never closed"),
    ("long.csv", b'region,orders_7d\nUS,"40\n' + b"US,40\n" * 200_000, (), 1,
     "long.csv:2: error[E614]: the cell quoted at column 4 runs past 1 MiB, the most a cell holds: is its "
     "closing quote missing?"),
    ("cr.csv", b"region,orders_7d\rUS,40\r", (), 1,
     "cr.csv:1: error[E614]: a line break that is a CR alone: the lines of a CSV file end with LF or CRLF"),
    ("crlf.csv", b"region,orders_7d\r\nUS,40\r\n", (), 0, None),
    ("quoted.csv", b'region,"orders_7d"x\nUS,40\n', (), 1,
     "quoted.csv:1: error[E614]: the header row is not CSV: ',' expected after '\"'"),
]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name, content, options, code, message", BAD_TABLES, ids=[t[0] for t in BAD_TABLES])
def test_bad_tables(cli, tmp_path, monkeypatch, engine, name, content, options, code, message):
    """A bad table is refused whole, nothing decided: no -o FILE, nothing on standard output."""
    monkeypatch.chdir(tmp_path)
    Path(name).write_bytes(content)
    got = cli("eval", "--region", "US", "--engine", engine, *options, name, "-o", "out.jsonl")
    assert got.exit_code == code, got.stderr
    if message is None:
        assert Path("out.jsonl").exists()
        return
    assert any(line.startswith(message) for line in got.stderr.splitlines()), got.stderr
    assert "Traceback" not in got.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # no output, not even half of one
    printed = cli("eval", "--region", "US", "--engine", engine, *options, name)
    assert (printed.exit_code, printed.stdout, printed.stderr) == (code, "", got.stderr)


PARQUET_COLUMNS = [  # a column's type, and what is said of it
    ("'x' AS orders_7d", "the column `orders_7d` is VARCHAR: it must be a number: an integer type, DECIMAL or DOUBLE"),
    ("0.5::FLOAT AS avg_daily_orders_4w", "the column `avg_daily_orders_4w` is FLOAT: it must be a number"),
    ("5 AS region", "the column `region` is INTEGER: it must be text"),
    ("1.5 AS seller_id", "the column `seller_id` is DECIMAL(2,1): it must be text or a whole number"),
    ("[1] AS orders_7d", "the column `orders_7d` is INTEGER[]: it must be a number"),
]


@pytest.mark.parametrize("column, message", PARQUET_COLUMNS)
def test_parquet_column_types(cli, tmp_path, column, message):
    path = tmp_path / "typed.parquet"
    duckdb.sql(f"COPY (SELECT {column}) TO '{path}' (FORMAT parquet)")
    got = cli("eval", "--region", "US", path)
    assert got.exit_code == 1 and got.stdout == ""
    assert f"typed.parquet: error[E614]: key `{column.split()[-1]}`: {message}" in got.stderr


def test_parquet_values(cli, tmp_path):
    """Integers, decimals, doubles (read as Python prints them) and NULL (not given);
    seller_id a whole number is echoed as one."""
    path = tmp_path / "values.parquet"
    duckdb.sql(f"""COPY (SELECT * FROM (VALUES
        (1::BIGINT, 'US', 40::INTEGER, 30::HUGEINT, 10.5::DOUBLE),
        (2, 'US', 40, 2, NULL),
        (3, NULL, 40, 2, 0.1::DOUBLE)) t(seller_id, region, orders_7d, late_orders, avg_daily_orders_4w))
        TO '{path}' (FORMAT parquet)""")
    got = cli("eval", "--format", "json", "--region", "UK", path)
    lines = [json.loads(line) for line in got.stdout.splitlines()]
    assert [(d["seller_id"], d["region"], d["points"]) for d in lines] == [(1, "US", 7), (2, "US", 0), (3, "UK", 2)]
    same = cli("eval", "--format", "json", "--region", "UK", "-", input=(
        '{"seller_id": 1, "region": "US", "orders_7d": 40, "late_orders": 30, "avg_daily_orders_4w": 10.5}\n'
        '{"seller_id": 2, "region": "US", "orders_7d": 40, "late_orders": 2}\n'
        '{"seller_id": 3, "orders_7d": 40, "late_orders": 2, "avg_daily_orders_4w": 0.1}\n'))
    assert got.stdout == same.stdout


USAGE = [  # options that cannot go together, each refused before anything is read
    (("-", "--input-format", "parquet"), "Parquet is read from a file, not from standard input: give FILE"),
    (("s.jsonl", "-o", "out.txt"), "-o out.txt: write .jsonl (or .ndjson), .csv or .parquet"),
    (("s.jsonl", "-o", "out.csv", "--format", "text"),
     "-o out.csv writes decisions as data: --format text is a report for people, printed without -o"),
    (("s.jsonl", "-o", "s.jsonl"), "-o s.jsonl is the input file: write the decisions to another file"),
    (("s.jsonl", "-o", "link.jsonl"), "-o link.jsonl is the input file"),  # a symbolic link to it
    (("link.jsonl", "-o", "s.jsonl"), "-o s.jsonl is the input file"),
    (("s.jsonl", "-o", "hard.jsonl"), "-o hard.jsonl is the input file"),  # another name of it
]


@pytest.mark.parametrize("options, message", USAGE)
def test_usage(cli, tmp_path, monkeypatch, options, message):
    monkeypatch.chdir(tmp_path)
    Path("s.jsonl").write_text('{"region": "US"}\n', encoding="utf-8")
    Path("link.jsonl").symlink_to("s.jsonl")
    os.link("s.jsonl", "hard.jsonl")
    got = cli("eval", *options, input="")
    assert got.exit_code == 2 and message in got.stderr
    assert Path("s.jsonl").read_text(encoding="utf-8") == '{"region": "US"}\n'


def test_o_into_a_missing_folder(cli, tmp_path):
    seller = tmp_path / "s.jsonl"
    seller.write_text('{"region": "US"}\n', encoding="utf-8")
    got = cli("eval", seller, "-o", tmp_path / "no" / "out.csv")
    assert got.exit_code == 1
    assert got.stderr.strip().endswith(f"cannot write {tmp_path / 'no' / 'out.csv'}: No such file or directory")


def test_input_format_overrides_the_extension(cli, tmp_path):
    table = tmp_path / "sellers.txt"
    table.write_text("region,orders_7d,late_orders\nUS,40,30\n", encoding="utf-8")
    assert cli("eval", "--input-format", "csv", "--format", "json", table).stdout.startswith('{"region": "US", "points": 7')
    listed = tmp_path / "sellers.data"
    listed.write_text('[{"region": "US", "orders_7d": 40, "late_orders": 30}, 5]', encoding="utf-8")
    got = cli("eval", "--input-format", "json", "--format", "json", listed)
    assert got.exit_code == 1 and got.stdout.startswith('{"region": "US", "points": 7')
    assert got.stdout.splitlines()[1].startswith('{"row": 2, "error": {"code": "E600"')
    not_one = tmp_path / "lines.data"
    not_one.write_text('{"region": "US"}\n{"region": "US"}\n', encoding="utf-8")
    got = cli("eval", "--input-format", "json", not_one)
    assert got.exit_code == 1 and "error[E610]: malformed JSON: Extra data at line 2, column 1" in got.stderr
    assert "lines.data:2: error[E610]" in got.stderr


def test_a_list_on_one_line_is_a_table(cli):
    got = cli("eval", "--format", "json", "-", input='[{"region": "US", "orders_7d": 40, "late_orders": 30}, 5]\n')
    assert got.exit_code == 1 and got.stdout.startswith('{"region": "US", "points": 7')
    assert got.stdout.splitlines()[1] == (
        '{"row": 2, "error": {"code": "E600", "key": null, "message": "expected a JSON object, got a number"}}')
    lines = cli("eval", "--format", "json", "-", input='[1]\n{"region": "US", "orders_7d": 40}\n')
    assert lines.stdout.startswith('{"line": 1, "error": {"code": "E600"')  # JSON Lines: a list is a bad line


# ---- in a process of its own: pipes, write errors, signals

EVAL = [sys.executable, "-m", "tspol.cli.main", "eval"]


def test_a_csv_table_from_a_pipe_is_read_whole_first(policy, tmp_path):
    """Standard input that cannot seek back is kept aside, so that a table refused whole
    still prints nothing; a good one is decided as from a file."""
    bad = b"region,orders_7d\nUS,40\n" + "ÜS,40\n".encode("latin-1")
    refused = subprocess.run([*EVAL, "--input-format", "csv", "-"], input=bad, capture_output=True, cwd=tmp_path)
    assert (refused.returncode, refused.stdout) == (1, b"")
    assert b"<stdin>:3: error[E614]: this is not UTF-8 text" in refused.stderr
    good = subprocess.run([*EVAL, "--input-format", "csv", "--format", "json", "-"], capture_output=True,
                          input=b"region,orders_7d,late_orders\nUS,40,30\nUS,40,1\n", cwd=tmp_path)
    assert good.returncode == 0 and [json.loads(line)["points"] for line in good.stdout.splitlines()] == [7, 0]


TINY_PACK = """
policy tiny { version "1" effective 2024-07-15 }
region US
input orders_7d: count
input late_orders: count { part of orders_7d }
metric LDR = late_orders / orders_7d { higher is worse standard LDR < 4% }
rule late_dispatch in US {
  reason late_dispatch_rate
  on LDR
  table {
    when 4% <= LDR < 10% then warning
    when 10% <= LDR and late_orders >= 5 then points 3
  }
}
category fulfilment
reason late_dispatch_rate in fulfilment { points by rule }
"""  # its SQL is quick to make, and its query quick to plan


def tiny_folder(folder: Path, rows: int) -> None:
    """`folder/policies` the tiny pack, `folder/m.parquet` `rows` sellers of it."""
    (folder / "policies").mkdir()
    (folder / "policies" / "tiny.pol").write_text(TINY_PACK, encoding="utf-8")
    duckdb.sql(f"COPY (SELECT hash(x) % 1000 + 1000 AS orders_7d, hash(x * 7) % 1000 AS late_orders FROM "
               f"range({rows}) t(x)) TO '{folder / 'm.parquet'}' (FORMAT parquet)")


LIMITED = ("import resource, sys; resource.setrlimit(resource.RLIMIT_FSIZE, (2**16, 2**16)); "
           "from tspol.cli.main import main; sys.argv[0] = 'tspol'; main()")  # no file past 64 KiB
WRITE_FAILURES = [  # options, and the last line of stderr
    (["m.parquet", "-o", "out.csv"], "tspol: cannot write out.csv: File too large"),
    (["m.parquet", "-o", "out.parquet"], "tspol: cannot write out.parquet: File too large"),  # its JSON Lines
    (["--engine", "duckdb", "m.parquet", "-o", "out.parquet"],  # DuckDB's write
     "tspol: cannot write out.parquet: deciding m.parquet in DuckDB failed: IO Error: "),
    (["m.parquet"], "tspol: cannot write standard output: No space left on device"),  # to /dev/full
]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full and RLIMIT_FSIZE")
@pytest.mark.parametrize("options, message", WRITE_FAILURES)
def test_a_write_that_fails_leaves_nothing(tmp_path, options, message):
    tiny_folder(tmp_path, 20_000)
    with open("/dev/full", "wb") as full:
        done = subprocess.run([sys.executable, "-c", LIMITED, "eval", *options], stderr=subprocess.PIPE, text=True,
                              stdout=subprocess.DEVNULL if "-o" in options else full, cwd=tmp_path)
    assert done.returncode == 1 and done.stderr.splitlines()[-1].startswith(message), done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.parquet", "policies"]


def stopped(arguments, signum: int, sign: str, folder: Path, stdin: bytes = b"") -> tuple[int, str]:
    """Run `tspol eval ARGUMENTS` in `folder` (standard input left open after `stdin`) and
    send it `signum` once a file matching `sign` is there; its exit code and stderr."""
    process = subprocess.Popen([*EVAL, *arguments], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, cwd=folder)
    process.stdin.write(stdin)
    process.stdin.flush()
    deadline = time.monotonic() + 120
    while not list(folder.glob(sign)) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=120)
    return process.returncode, stderr.decode()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_takes_the_output_back(policy, tmp_path, signum):
    """SIGTERM or SIGHUP while deciding: no temporary file is left, and the process ends
    by the signal, as it would have."""
    code, stderr = stopped(["--policy", PACK, "--region", "US", "-", "-o", "out.jsonl"], signum, ".tspol-*", tmp_path,
                           stdin=b'{"orders_7d": 40, "late_orders": 30}\n' * 1000)
    assert (code, stderr) == (-signum, "")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("signum, code", [(signal.SIGINT, 1), (signal.SIGTERM, -signal.SIGTERM)])
def test_a_signal_stops_a_duckdb_query(tmp_path, signum, code):
    """A signal while DuckDB decides Parquet into Parquet: DuckDB ends its query with an
    error of its own ("Query interrupted"), and the run ends as the signal ends one
    (Ctrl-C: click's "Aborted!", exit 1), no temporary file left."""
    tiny_folder(tmp_path, 200_000)
    got, stderr = stopped(["--engine", "duckdb", "m.parquet", "-o", "out.parquet"], signum, ".tspol-*.parquet",
                          tmp_path)  # DuckDB writes the output: its query runs
    assert got == code and stderr.strip() == ("Aborted!" if signum == signal.SIGINT else ""), stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.parquet", "policies"]
