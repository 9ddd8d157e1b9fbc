"""Tables of sellers in and decisions out, for `tspol eval`: JSON, CSV and Parquet.

JSON Lines is read by `tspol.cli.eval` itself, a line at a time; this module reads the
other input formats into records (dicts, as a JSON line would give them), each with
where it came from, and writes decisions (as the JSON Lines text every engine writes)
to CSV or Parquet.

Input:
- JSON Lines (`.jsonl`, `.ndjson`, `.json`, standard input): read by `tspol.cli.eval`:
  one seller a line, or the whole input as one JSON document: an object (one seller)
  or a list of objects (one seller each), at most DOCUMENT_LIMIT bytes;
- JSON (`--input-format json`): one document only, an object or a list. Each item of a
  list is its JSON text (`json_list`), which `tspol.cli.eval` reads as it reads a JSON
  line: a key given twice or half a surrogate pair is that row's error;
- CSV (`.csv`): UTF-8, a header row naming the columns (inputs, `seller_id`, `region`),
  then one seller a row. An empty cell is a value not given; a cell of an input is a
  number as JSON writes it (`12`, `0.5`, `1e3`, read exactly), and any other text is
  that text, which the engines refuse as a number (E602), as they refuse `"12"` in
  JSON. `seller_id` and `region` are texts as written.
- Parquet (`.parquet`, needs duckdb): a column per input of a number type (integer,
  decimal, float), `seller_id` (text or integer), `region` (text); NULL is not given.

A column that names no input is an error of the whole file (E601), as are a header
with a name twice or empty, and a Parquet column of another type (E614): every row
would fail alike. So is a CSV file that cannot be read as CSV (E614: not UTF-8, a line
too long, a quote never closed, a CR that ends no line): the file is read to its end
before any seller is decided, so that such a table is refused whole, nothing decided.
A row that cannot be read (a CSV row with more or fewer cells than the header) is that
row's error, E610, and the other rows are still decided.

Output (`-o FILE`, by its extension): JSON Lines (`.jsonl`, `.ndjson`), the very bytes
written to standard output; CSV and Parquet with the columns of the SQL query's
output (`tspol.compiler.portable.OUTPUT_COLUMNS`), row N answering the input's row N:
in CSV, the lists and the error as JSON texts; in Parquet, as typed lists of structs.
In a pack that declares levels, each level set's level too: a CSV column `levels.SET`
per set, a Parquet struct column `levels` of a text field per set, both in
declaration order, before `error`.
Writing fails as `WriteError`, and takes back what it wrote.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation

import attrs

from tspol.codes import BAD_TABLE, MALFORMED, UNKNOWN_INPUT
from tspol.compiler.portable import FIELDS, OUTPUT_COLUMNS
from tspol.diagnostics import Diagnostic, TspolError
from tspol.messages import Message, Words, os_reason, say
from tspol.runtime import jsonnum

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
    """One seller of a table: its record; or, for an item of a JSON list, its JSON text
    (`raw`, read as a JSON line is); or why it cannot be read (`problem`: code and
    message). `row` counts the table's sellers from 1, `line` is the file line where it
    starts (CSV, a JSON list; None in Parquet)."""

    row: int
    line: int | None
    record: dict | None = None
    problem: tuple[str, str] | None = None
    raw: bytes | None = None


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
        raise ValueError(say("tables.output_format", path=path))
    return found


def _table_error(path: str, code: str, message: Message, line: int | None = None, key: str | None = None):
    return TspolError([Diagnostic(code, message, path=path, line=line, key=key)])


def check_header(path: str, names: list[str], inputs: list[str], line: int | None = None) -> None:
    """TspolError for a column named twice, unnamed, or naming no input (every row would fail)."""
    from tspol.runtime.names import shown, suggestion

    seen: set[str] = set()
    for name in names:
        if name == "":
            raise _table_error(path, BAD_TABLE, say("tables.unnamed_column"), line)
        if name in seen:
            raise _table_error(path, BAD_TABLE, say("tables.column_twice", name=shown(name)), line, name)
        seen.add(name)
        if name not in inputs and name not in FIELDS:
            close = suggestion(name, [*inputs, *FIELDS])
            raise _table_error(path, UNKNOWN_INPUT, say("tables.not_an_input.close" if close else "tables.not_an_input",
                                                        name=shown(name), close=close or ""), line, name)


# ---- CSV


def cell_value(text: str):
    """An input's cell: a number as JSON writes it, exactly (int, or Decimal); else the text."""
    if INTEGER.match(text) and len(text) <= 4000:
        return int(text)
    if NUMBER.match(text):
        try:
            return Decimal(text)
        except InvalidOperation:  # an exponent past what a Decimal holds: out of range, as in JSON (E608)
            return jsonnum.number(text)
    return text


def read_csv(stream, path: str, inputs: list[str]) -> Iterator[Row]:
    """The sellers of a CSV file (`stream` binary). The file is read through once before
    the first seller is given, so that a table that cannot be read is refused before any
    seller is decided: TspolError for a header that is no table of this policy's inputs,
    a line that is not UTF-8 text or is too long, a quote never closed, a CR that ends no
    line. A stream that cannot seek back (a pipe) is kept in a temporary file meanwhile."""
    csv.field_size_limit(CELL_LIMIT)
    if stream.seekable():
        yield from _read_csv(stream, path, inputs)
        return
    with tempfile.TemporaryFile() as copy:
        shutil.copyfileobj(stream, copy)
        copy.seek(0)
        yield from _read_csv(copy, path, inputs)


def _read_csv(stream, path: str, inputs: list[str]) -> Iterator[Row]:
    start = stream.tell()
    header = _check_csv(stream, path, inputs)
    if header is None:
        return
    stream.seek(start)
    records = _csv_records(stream, path)
    next(records)
    for number, (line, cells) in enumerate(records, 1):
        yield _csv_row(number, line, header, cells)


def _check_csv(stream, path: str, inputs: list[str]) -> list[str] | None:
    """Read a CSV file through for what makes the whole table unreadable (TspolError);
    its header, None for an empty file."""
    records = _csv_records(stream, path)
    first = next(records, None)
    if first is None:
        return None
    line, header = first
    if isinstance(header, csv.Error):
        raise _table_error(path, BAD_TABLE, say("tables.header_not_csv", problem=str(header)), line)
    check_header(path, header, inputs, line=line)
    for _ in records:
        pass
    return header


def _csv_row(number: int, line: int, header: list[str], cells: list[str] | csv.Error) -> Row:
    if isinstance(cells, csv.Error):
        return Row(number, line, problem=(MALFORMED, say("tables.malformed_csv", problem=str(cells))))
    if len(cells) != len(header):
        said = (say("tables.empty_row") if not cells
                else say("tables.cells.one" if len(cells) == 1 else "tables.cells", count=len(cells)))
        return Row(number, line, problem=(MALFORMED, say("tables.cells_vs_header.one" if len(header) == 1
                                                         else "tables.cells_vs_header", cells=said,
                                                         columns=len(header))))
    record = {}
    for name, cell in zip(header, cells):
        if cell != "":
            record[name] = cell if name in FIELDS else cell_value(cell)
    return Row(number, line, record)


def _csv_records(stream, path: str) -> Iterator[tuple[int, list[str] | csv.Error]]:
    """Each row of a CSV file with the line it starts on: its cells, or the csv.Error of a
    row that cannot be read; TspolError for a file that cannot be read as CSV at all."""
    lines = _Lines(stream, path)
    reader = csv.reader(lines, strict=True)
    while True:
        start = lines.number + 1
        lines.row.clear()
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            _refuse_unreadable(lines, start, path, exc)
            cells = exc
        yield start, cells


QUOTING = say("tables.quoting")


def _refuse_unreadable(lines: "_Lines", start: int, path: str, exc: csv.Error) -> None:
    """TspolError when the row from line `start` that csv could not read makes the rest of
    the file unreadable too: a quote still open at the end of the file, or past the size
    of a cell; a CR that ends no line. Else the row's error is the row's."""
    text = "".join(lines.row)
    opened = _open_quote(text)
    if opened is not None and (lines.ended or len(text) - opened > CELL_LIMIT):
        line = start + text.count("\n", 0, opened)
        column = opened - text.rfind("\n", 0, opened)
        if lines.ended:
            raise _table_error(path, BAD_TABLE, say("tables.quote_not_closed", column=column, quoting=QUOTING), line)
        raise _table_error(path, BAD_TABLE, say("tables.cell_too_long", column=column, most=CELL_LIMIT // 2**20,
                                                quoting=QUOTING), line)
    if "new-line character seen in unquoted field" in str(exc):  # csv's words for a CR alone
        raise _table_error(path, BAD_TABLE, say("tables.lone_cr"), lines.number)


_QUOTED = re.compile(r'"[^"]*(?:""[^"]*)*"(?!")')  # a quoted cell, closed


def _open_quote(text: str) -> int | None:
    """Where, in the text of a CSV row from its start, the quote is that opens a cell and
    is not closed; None when every quoted cell is closed."""
    at = 0
    while at < len(text):
        if text.startswith('"', at):
            closed = _QUOTED.match(text, at)
            if closed is None:
                return at
            at = closed.end()
        comma = text.find(",", at)
        if comma < 0:
            return None
        at = comma + 1
    return None


class _Lines:
    """The lines of a binary stream as text, for csv.reader: each decoded on its own so
    that a byte that is not UTF-8 is told by its line; a BOM at the start dropped.
    `row` keeps the lines given since it was last cleared (the row being read), `ended`
    tells whether the stream was read to its end."""

    def __init__(self, stream, path: str):
        self.stream, self.path = stream, path
        self.number = 0
        self.row: list[str] = []
        self.ended = False

    def __iter__(self):
        return self

    def __next__(self) -> str:
        raw = self.stream.readline(LINE_LIMIT + 1)
        if not raw:
            self.ended = True
            raise StopIteration
        self.number += 1
        if len(raw) > LINE_LIMIT:
            raise _table_error(self.path, BAD_TABLE, say("tables.line_too_long", most=LINE_LIMIT // 2**20), self.number)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _table_error(self.path, BAD_TABLE, say("tables.not_utf8", problem=jsonnum.utf8_problem(raw, exc)),
                               self.number) from None
        if self.number == 1 and text.startswith("\ufeff"):
            text = text[1:]
        self.row.append(text)
        return text


# ---- Parquet


NUMBER_TYPES = re.compile(r"(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|"
                          r"UHUGEINT|DOUBLE|DECIMAL\(\d+,\d+\))\Z")
FIELD_TYPES = {"seller_id": re.compile(r"(VARCHAR|TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|"
                                       r"UINTEGER|UBIGINT)\Z"),
               "region": re.compile(r"VARCHAR\Z")}
WANTED = {"seller_id": say("tables.wanted.seller_id"), "region": say("tables.wanted.region")}


def read_parquet(path: str, display: str, inputs: list[str]) -> tuple[Iterator[Row], int]:
    """The sellers of a Parquet file, read with DuckDB PARQUET_BATCH rows at a time, and
    how many there are; TspolError for a file whose columns are no table of sellers.

    A DOUBLE is read as the decimal Python prints for it, as a float in JSON is; a
    4-byte FLOAT is refused, since its nearest decimal is rarely what was meant (0.1
    is 0.100000001490116...)."""
    import duckdb

    connection = duckdb.connect()
    connection.execute("SET enable_progress_bar = false")
    source = literal_path(path)
    try:
        relation = connection.read_parquet(source)
        count = connection.execute("SELECT count(*) FROM read_parquet(?)", [source]).fetchone()[0]
    except duckdb.Error as exc:
        raise _unreadable_parquet(display, exc) from None
    names = relation.columns
    check_header(display, names, inputs)
    for name, kind in zip(names, relation.types):
        if not FIELD_TYPES.get(name, NUMBER_TYPES).match(str(kind).replace(" ", "")):
            wanted = WANTED.get(name, say("tables.wanted.number"))
            raise _table_error(display, BAD_TABLE, say("tables.column_type", name=name, kind=str(kind), wanted=wanted),
                               key=name)
    return _parquet_rows(connection, source, display, names), count


def literal_path(path: str) -> str:
    """`path` as DuckDB's readers take it to name exactly that file: absolute (no `~`), and
    with `*`, `?` and `[` escaped, which its readers would otherwise read as a glob."""
    return re.sub(r"([*?\[])", r"[\1]", os.path.abspath(path))


def _parquet_rows(connection, source: str, display: str, names: list[str]) -> Iterator[Row]:
    """The rows, read when first asked for (the DuckDB-only path never asks)."""
    import duckdb

    try:
        result = connection.execute("SELECT * FROM read_parquet(?)", [source])
        number = 0
        while batch := result.fetchmany(PARQUET_BATCH):
            for values in batch:
                number += 1
                yield Row(number, None, {name: value for name, value in zip(names, values) if value is not None})
    except duckdb.Error as exc:  # a file damaged past its header
        raise _unreadable_parquet(display, exc) from None


def _unreadable_parquet(display: str, exc: Exception) -> TspolError:
    return _table_error(display, BAD_TABLE, say("tables.unreadable_parquet", reason=first_line(exc)))


def first_line(exc: Exception) -> str:
    """The first line of an error's message (DuckDB's go on with context)."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


# ---- JSON


def read_document(stream, path: str) -> bytes:
    """A JSON file, whole, a BOM at its start dropped: TspolError past DOCUMENT_LIMIT bytes
    (a larger table is JSON Lines)."""
    raw = stream.read(DOCUMENT_LIMIT + 1)
    if len(raw) > DOCUMENT_LIMIT:
        raise document_too_big(path)
    return raw.removeprefix(codecs.BOM_UTF8)


def document_too_big(path: str) -> TspolError:
    return _table_error(path, BAD_TABLE, say("tables.document_too_big", most=DOCUMENT_LIMIT // 2**20))


_BLANK = re.compile(f"[{jsonnum.WHITESPACE}]*")


def json_list(raw: bytes) -> list[Row] | None:
    """The sellers of a JSON document that is one list: a Row for each item, with its JSON
    text and the line it starts on, to be read as a JSON line is (so that an item with a
    key given twice is that row's error). None when `raw` is not one JSON list (an object,
    or no JSON at all), to be read as one document."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    at = _BLANK.match(text).end()
    if not text.startswith("[", at):
        return None
    at = _BLANK.match(text, at + 1).end()
    rows: list[Row] = []
    line, counted = 1, 0
    while rows or not text.startswith("]", at):  # an item, then a comma and the next, ...
        try:
            end = _value_end(text, at)
        except (ValueError, RecursionError, StopIteration):  # not JSON: told as the document's error
            return None
        line, counted = line + text.count("\n", counted, at), at
        rows.append(Row(len(rows) + 1, line, raw=text[at:end].encode("utf-8")))
        at = _BLANK.match(text, end).end()
        if not text.startswith(",", at):
            break
        at = _BLANK.match(text, at + 1).end()
    if not text.startswith("]", at) or not jsonnum.is_blank(text[at + 1:]):
        return None
    return rows


def _value_end(text: str, at: int) -> int:
    """Where the JSON value that starts at `at` ends (StopIteration: none starts there)."""
    try:
        return jsonnum.FAST.scan_once(text, at)[1]
    except json.JSONDecodeError:
        raise
    except ValueError:  # an integer too long for int(): an error of its row, not of the list
        return jsonnum.LONG.scan_once(text, at)[1]


# ---- writing decisions


class WriteError(Exception):
    """Writing the decisions failed; of `-o FILE`, nothing is left."""

    def __init__(self, path: str, reason):
        super().__init__(say("tables.cannot_write", path=path, reason=reason))
        self.message = self.args[0]


@contextlib.contextmanager
def _writing(path: str):
    try:
        yield
    except BrokenPipeError:  # standard output's reader left: not a failure to tell
        raise
    except OSError as exc:
        raise WriteError(path, os_reason(exc)) from None


class StandardOutput:
    """Decisions written to standard output as they are decided."""

    def __init__(self, stream):
        self.stream = stream

    def write(self, data: bytes) -> None:
        with _writing("standard output"):
            self.stream.write(data)

    def commit(self) -> None:
        with _writing("standard output"):
            self.stream.flush()

    def abort(self) -> None:
        pass


def open_output(path: str, fmt: str, columns: tuple[str, ...] = OUTPUT_COLUMNS, fields: tuple | None = None,
                levels: tuple[str, ...] = ()) -> "Output":
    """Where `tspol eval -o FILE` writes: FILE appears, whole, at `commit`, and not at all
    if deciding stops before (a table that cannot be read, an interrupt, a write that
    fails); WriteError when it cannot be written. `columns`: those of a CSV file
    (`output_columns`); `fields`: what a Parquet file keeps of each decision
    (`tspol.runtime.shapes`), and `levels` the level sets it writes."""
    if fmt == "csv":
        return CsvOutput(path, columns)
    if fmt == "parquet":
        return ParquetOutput(path, fields, levels)
    return Output(path)


LEVEL_COLUMN = "levels."  # a CSV column of one level set's level: `levels.health` (issue 11)


def output_columns(fields: tuple | None = None, levels: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The columns of decisions in CSV: OUTPUT_COLUMNS, or those `fields` keep; then a
    column `levels.SET` for each level set written (`levels`), before `error`."""
    kept = OUTPUT_COLUMNS[1:-1] if fields is None else tuple(key for key, _ in fields if key != "levels")
    return ("seller_id", *kept, *(LEVEL_COLUMN + name for name in levels), "error")


class Output:
    """The JSON Lines text of decisions (`write(bytes)`), kept in a temporary file beside
    `path` that takes its place at `commit`; `abort` takes it back."""

    suffix = ".jsonl"

    def __init__(self, path: str):
        self.path = path
        with _writing(path):
            descriptor, self.temporary = tempfile.mkstemp(prefix=".tspol-", suffix=self.suffix,
                                                          dir=os.path.dirname(os.path.abspath(path)))
        self.file = os.fdopen(descriptor, "wb")
        self.committed = False

    def write(self, data: bytes) -> None:
        with _writing(self.path):
            self.file.write(data)

    def finish(self) -> str:
        """Complete the file; the path of the file that becomes `path`."""
        self.file.close()
        return self.temporary

    def commit(self) -> None:
        with _writing(self.path):
            written = self.finish()
            os.chmod(written, 0o666 & ~_umask())
            os.replace(written, self.path)
        self.committed = True

    def abort(self) -> None:
        """Take back what was written (nothing, after `commit`)."""
        if self.committed:
            return
        try:
            self.file.close()
        except OSError:  # the last of a file being thrown away could not be written
            pass
        for name in (self.temporary, self.temporary + ".parquet"):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(name)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


class CsvOutput(Output):
    """Decisions as CSV: the columns of the SQL query's output, a row per seller; the
    lists and the error as JSON texts."""

    suffix = ".csv"

    def __init__(self, path: str, columns: tuple[str, ...] = OUTPUT_COLUMNS):
        super().__init__(path)
        self.columns = columns
        self.text = io.StringIO()
        self.writer = csv.writer(self.text, lineterminator="\n")
        self.rest = b""
        self.writer.writerow(columns)

    def write(self, data: bytes) -> None:
        *lines, self.rest = (self.rest + data).split(b"\n")
        for line in lines:
            decision = json.loads(line)
            self.writer.writerow([_cell(_column_value(decision, name)) for name in self.columns])
        self._flush()

    def _flush(self) -> None:
        super().write(self.text.getvalue().encode("utf-8"))
        self.text.seek(0)
        self.text.truncate()

    def finish(self) -> str:
        self._flush()  # the header, when no seller came
        return super().finish()


def _column_value(decision: dict, column: str):
    """What a decision holds for a CSV column: a key, or a level set's level (None
    when the decision has none: an error record)."""
    if column.startswith(LEVEL_COLUMN):
        return (decision.get("levels") or {}).get(column[len(LEVEL_COLUMN):])
    return decision.get(column)


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

    def __init__(self, path: str, fields: tuple | None = None, levels: tuple[str, ...] = ()):
        super().__init__(path)
        self.fields = fields
        self.levels = levels  # the level sets of the `levels` struct column, in declaration order

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
        columns = ", ".join(f"{_quoted(name)}: {_quoted(kind)}"
                            for name, kind in output_types("duckdb", self.fields, self.levels).items())
        try:
            connection.sql(f"SELECT * FROM read_json({_quoted(literal_path(jsonl))}, format = 'newline_delimited', "
                           f"columns = {{{columns}}})").write_parquet(written)
        except duckdb.Error as exc:
            raise WriteError(self.path, first_line(exc)) from None
        os.unlink(jsonl)
        return written


def _quoted(text: str) -> str:
    """A DuckDB string literal (of tspol's own names, types and paths; never a pack's text)."""
    return "'" + text.replace("'", "''") + "'"
