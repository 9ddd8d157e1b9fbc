"""Tables of sellers in and decisions out, for `tspol eval`: JSON, CSV and Parquet.

JSON Lines is read by `tspol.cli.eval` itself, a line at a time; this module reads the
other input formats into records (dicts, as a JSON line would give them), each with
where it came from, and writes decisions (as the JSON Lines text every engine writes)
to CSV or Parquet.

Input:
- JSON Lines (`.jsonl`, `.ndjson`, `.json`, standard input): read by `tspol.cli.eval`:
  one seller a line, or the whole input as one JSON document: an object (one seller)
  or a list of objects (one seller each), at most DOCUMENT_LIMIT bytes;
- JSON (`--input-format json`): one document only, an object or a list;
- CSV (`.csv`): UTF-8, a header row naming the columns (inputs, `seller_id`, `region`),
  then one seller a row. An empty cell is a value not given; a cell of an input is a
  number as JSON writes it (`12`, `0.5`, `1e3`, read exactly), and any other text is
  that text, which the engines refuse as a number (E602), as they refuse `"12"` in
  JSON. `seller_id` and `region` are texts as written.
- Parquet (`.parquet`, needs duckdb): a column per input of a number type (integer,
  decimal, float), `seller_id` (text or integer), `region` (text); NULL is not given.

A column that names no input is an error of the whole file (E601), as are a header
with a name twice or empty, and a Parquet column of another type (E614): every row
would fail alike. A row that cannot be read (a CSV row with more or fewer cells than
the header) is that row's error, E610, and the other rows are still decided.

Output (`-o FILE`, by its extension): JSON Lines (`.jsonl`, `.ndjson`), the very bytes
written to standard output; CSV and Parquet with the columns of the SQL query's
output (`tspol.compiler.portable.OUTPUT_COLUMNS`), row N answering the input's row N:
in CSV, the lists and the error as JSON texts; in Parquet, as typed lists of structs.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import tempfile
from collections.abc import Iterator
from decimal import Decimal

import attrs

from tspol.codes import BAD_TABLE, MALFORMED, UNKNOWN_INPUT
from tspol.compiler.portable import FIELDS, OUTPUT_COLUMNS
from tspol.diagnostics import Diagnostic, TspolError

DOCUMENT_LIMIT = 16 * 2**20  # bytes of a JSON document (one seller, or a list of them)
CELL_LIMIT = 2**20  # characters in one CSV cell, as in one JSON line
LINE_LIMIT = 8 * 2**20  # bytes in one line of a CSV file
PARQUET_BATCH = 10_000  # rows fetched at once
# a .json file is read as JSON Lines are (one document, or a line each): many "JSON" exports are JSON Lines
INPUT_FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".csv": "csv", ".parquet": "parquet"}
OUTPUT_FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}
NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?\Z")  # JSON's number
INTEGER = re.compile(r"-?(0|[1-9][0-9]*)\Z")


@attrs.frozen
class Row:
    """One seller of a table: its record, or why it cannot be read (`problem`: code and
    message); `row` counts the table's sellers from 1, `line` is the file line (CSV)."""

    row: int
    line: int | None
    record: dict | None = None
    problem: tuple[str, str] | None = None


def input_format(path: str, given: str | None) -> str:
    """The format of an input: `given` (`--input-format`), else by its extension; JSON
    Lines (or one JSON object) for standard input and any other name."""
    if given:
        return given
    return INPUT_FORMATS.get(os.path.splitext(path)[1].lower(), "jsonl") if path != "-" else "jsonl"


def output_format(path: str) -> str:
    """The format `-o FILE` writes, by its extension; ValueError naming the choices."""
    found = OUTPUT_FORMATS.get(os.path.splitext(path)[1].lower())
    if found is None:
        raise ValueError(f"-o {path}: write .jsonl (or .ndjson), .csv or .parquet")
    return found


def _table_error(path: str, code: str, message: str, line: int | None = None, key: str | None = None):
    return TspolError([Diagnostic(code, message, path=path, line=line, key=key)])


def check_header(path: str, names: list[str], inputs: list[str], line: int | None = None) -> None:
    """TspolError for a column named twice, unnamed, or naming no input (every row would fail)."""
    from tspol.runtime.names import did_you_mean, shown

    seen: set[str] = set()
    for name in names:
        if name == "":
            raise _table_error(path, BAD_TABLE, "a column without a name: each column names an input, "
                                                "seller_id or region", line)
        if name in seen:
            raise _table_error(path, BAD_TABLE, f"the column `{shown(name)}` is named twice", line, name)
        seen.add(name)
        if name not in inputs and name not in FIELDS:
            raise _table_error(path, UNKNOWN_INPUT, f"the column `{shown(name)}` is not an input of this "
                               f"policy, nor seller_id or region{did_you_mean(name, [*inputs, *FIELDS])}", line,
                               name)


# ---- CSV


def cell_value(text: str):
    """An input's cell: a number as JSON writes it, exactly (int, or Decimal); else the text."""
    if INTEGER.match(text) and len(text) <= 4000:
        return int(text)
    if NUMBER.match(text):
        return Decimal(text)
    return text


def read_csv(stream, path: str, inputs: list[str]) -> Iterator[Row]:
    """The sellers of a CSV file (`stream` binary): TspolError for a header that is no
    table of this policy's inputs, or a line that is not UTF-8 text or is too long."""
    csv.field_size_limit(CELL_LIMIT)
    reader = csv.reader(_text_lines(stream, path), strict=True)
    header = next(reader, None)
    if header is None:
        return
    check_header(path, header, inputs, line=1)
    number = 0
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            number += 1
            yield Row(number, start, problem=(MALFORMED, f"malformed CSV: {exc}"))
            continue
        number += 1
        if len(cells) != len(header):
            said = "an empty row" if not cells else f"{len(cells)} cell{'s' * (len(cells) != 1)}"
            yield Row(number, start, problem=(MALFORMED, f"{said}, but the header names {len(header)} "
                                                         f"column{'s' * (len(header) != 1)}"))
            continue
        record = {}
        for name, cell in zip(header, cells):
            if cell != "":
                record[name] = cell if name in FIELDS else cell_value(cell)
        yield Row(number, start, record)


def _text_lines(stream, path: str) -> Iterator[str]:
    """The lines of a binary stream as text, each decoded on its own so that a byte that
    is not UTF-8 is told by its line; a BOM at the start dropped."""
    from tspol.runtime.jsonnum import utf8_problem

    for number, raw in enumerate(iter(lambda: stream.readline(LINE_LIMIT + 1), b""), 1):
        if len(raw) > LINE_LIMIT:
            raise _table_error(path, BAD_TABLE, f"a line longer than {LINE_LIMIT // 2**20} MiB", number)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _table_error(path, BAD_TABLE, f"this is not UTF-8 text: {utf8_problem(raw, exc)}", number) \
                from None
        yield text[1:] if number == 1 and text.startswith("\ufeff") else text


# ---- Parquet


NUMBER_TYPES = re.compile(r"(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|"
                          r"UHUGEINT|DOUBLE|DECIMAL\(\d+,\d+\))\Z")
FIELD_TYPES = {"seller_id": re.compile(r"(VARCHAR|TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|"
                                       r"UINTEGER|UBIGINT)\Z"),
               "region": re.compile(r"VARCHAR\Z")}
WANTED = {"seller_id": "text or a whole number", "region": "text"}


def read_parquet(path: str, display: str, inputs: list[str]) -> tuple[Iterator[Row], int]:
    """The sellers of a Parquet file, read with DuckDB PARQUET_BATCH rows at a time, and
    how many there are; TspolError for a file whose columns are no table of sellers.

    A DOUBLE is read as the decimal Python prints for it, as a float in JSON is; a
    4-byte FLOAT is refused, since its nearest decimal is rarely what was meant (0.1
    is 0.100000001490116...)."""
    import duckdb

    connection = duckdb.connect()
    connection.execute("SET enable_progress_bar = false")
    try:
        relation = connection.read_parquet(path)
        count = connection.execute("SELECT count(*) FROM read_parquet(?)", [path]).fetchone()[0]
    except duckdb.Error as exc:
        raise _table_error(display, BAD_TABLE, f"cannot read this Parquet file: {_first_line(exc)}") from None
    names = relation.columns
    check_header(display, names, inputs)
    for name, kind in zip(names, relation.types):
        if not FIELD_TYPES.get(name, NUMBER_TYPES).match(str(kind).replace(" ", "")):
            wanted = WANTED.get(name, "a number: an integer type, DECIMAL or DOUBLE")
            raise _table_error(display, BAD_TABLE, f"the column `{name}` is {kind}: it must be {wanted}",
                               key=name)
    return _parquet_rows(connection, path, names), count


def _parquet_rows(connection, path: str, names: list[str]) -> Iterator[Row]:
    """The rows, read when first asked for (the DuckDB-only path never asks)."""
    result = connection.execute("SELECT * FROM read_parquet(?)", [path])
    number = 0
    while batch := result.fetchmany(PARQUET_BATCH):
        for values in batch:
            number += 1
            yield Row(number, None, {name: value for name, value in zip(names, values) if value is not None})


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


# ---- JSON


def read_document(stream, path: str) -> bytes:
    """A JSON file, whole: TspolError past DOCUMENT_LIMIT bytes (a larger table is JSON Lines)."""
    raw = stream.read(DOCUMENT_LIMIT + 1)
    if len(raw) > DOCUMENT_LIMIT:
        raise _table_error(path, BAD_TABLE, f"a JSON file of sellers holds at most {DOCUMENT_LIMIT // 2**20} MiB: "
                                            "write a larger table as JSON Lines (.jsonl), one seller a line")
    return raw


# ---- writing decisions


def open_output(path: str, fmt: str) -> "Output":
    """Where `tspol eval -o FILE` writes: FILE appears, whole, at `commit`, and not at all
    if deciding stops before (a table that cannot be read, an interrupt)."""
    return {"jsonl": Output, "csv": CsvOutput, "parquet": ParquetOutput}[fmt](path)


class Output:
    """The JSON Lines text of decisions (`write(bytes)`), kept in a temporary file beside
    `path` that takes its place at `commit`."""

    suffix = ".jsonl"

    def __init__(self, path: str):
        self.path = path
        descriptor, self.temporary = tempfile.mkstemp(prefix=".tspol-", suffix=self.suffix,
                                                      dir=os.path.dirname(os.path.abspath(path)))
        self.file = os.fdopen(descriptor, "wb")
        self.committed = False

    def write(self, data: bytes) -> None:
        self.file.write(data)

    def finish(self) -> str:
        """Complete the file; the path of the file that becomes `path`."""
        self.file.close()
        return self.temporary

    def commit(self) -> None:
        written = self.finish()
        os.chmod(written, 0o666 & ~_umask())
        os.replace(written, self.path)
        self.committed = True

    def abort(self) -> None:
        if self.committed:
            return
        self.file.close()
        for name in {self.temporary, self.temporary + ".parquet"}:
            if os.path.exists(name):
                os.unlink(name)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


class CsvOutput(Output):
    """Decisions as CSV: the columns of the SQL query's output, a row per seller; the
    lists and the error as JSON texts."""

    suffix = ".csv"

    def __init__(self, path: str):
        super().__init__(path)
        self.text = io.TextIOWrapper(self.file, encoding="utf-8", newline="")
        self.writer = csv.writer(self.text, lineterminator="\n")
        self.writer.writerow(OUTPUT_COLUMNS)
        self.rest = b""

    def write(self, data: bytes) -> None:
        *lines, self.rest = (self.rest + data).split(b"\n")
        for line in lines:
            decision = json.loads(line)
            self.writer.writerow([_cell(decision.get(name)) for name in OUTPUT_COLUMNS])

    def finish(self) -> str:
        self.text.flush()
        return super().finish()


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int)):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


class ParquetOutput(Output):
    """Decisions as Parquet, typed as the SQL query's output (lists of structs), through
    the temporary JSON Lines file, which DuckDB reads with those types."""

    written_directly = False

    def direct(self) -> str:
        """The temporary path to write the Parquet file to at once (the JSON Lines left empty)."""
        self.written_directly = True
        return self.temporary + ".parquet"

    def finish(self) -> str:
        import duckdb

        from tspol.compiler.sqlgen import output_types

        jsonl = super().finish()
        written = self.temporary + ".parquet"
        if self.written_directly:
            os.unlink(jsonl)
            return written
        connection = duckdb.connect()
        connection.execute("SET enable_progress_bar = false")
        columns = ", ".join(f"{_quoted(name)}: {_quoted(kind)}" for name, kind in output_types("duckdb").items())
        connection.sql(f"SELECT * FROM read_json({_quoted(jsonl)}, format = 'newline_delimited', "
                       f"columns = {{{columns}}})").write_parquet(written)
        os.unlink(jsonl)
        return written


def _quoted(text: str) -> str:
    """A DuckDB string literal (the names and types here are tspol's own, never a pack's)."""
    return "'" + text.replace("'", "''") + "'"
