"""`tspol eval`: decide sellers with a policy.

Input (FILE, or standard input for `-`, the default), read as UTF-8:
- one JSON object (it may span lines): one decision out;
- JSON Lines: one decision per line out, in order, streamed in constant
  memory; past PARALLEL_AFTER lines, helper processes (`--jobs`) share the
  work in bounded batches, and the answers stay in input order.
  Output line N answers input line N: a line that cannot be decided
  gets an error record in its place, `{"line": N, "error": {...}}`, the good
  lines are still decided, and the exit code is 1;
- a JSON list, CSV or Parquet (`tspol.sellers`): one decision per row out,
  in order, a row that cannot be decided answered by `{"row": N, "error": ...}`.
  An input that opens with `[` is one list when its whole text is one (at most
  DOCUMENT_LIMIT bytes, on one line or many), each item read as a JSON line is;
  else it is JSON Lines, whose first line is a list (that line's error).

`-o FILE` writes the decisions to FILE instead (`tspol.sellers.open_output`:
JSON Lines, CSV or Parquet), whole or not at all; FILE may not be the input.
While deciding, SIGTERM and SIGHUP raise on the main thread as Ctrl-C does,
so that what was written is taken back; then the process ends by the signal.

A seller is an object of input values, `{"orders_7d": 40, "late_orders": 12}`;
it may also carry `seller_id` (a string or a whole number, echoed first in its
decision) and `region`, which wins over `--region` (so one file can mix
regions; `--region` is the region of the lines that name none). The values
may instead sit under a `metrics` key, beside `seller_id` and `region`.
Numbers are read exactly (`0.1` is 1/10, whatever binary float is nearest;
`tspol.runtime.jsonnum`), and a value out of range (10**18 or more in size,
more than 30 decimal places) is an error of its key; a key given twice in one
object is an error. Lines are read as `tspol.runtime.jsonnum` reads JSON Lines
for every command: at most 1 MiB a line (a longer one is that line's error,
read without being held), JSON whitespace only, no unpaired surrogate, a BOM at
the start dropped. Should deciding a line fail for any other reason (a bug
in tspol), that line gets an error record too and the others are decided.

`--region` may be left out when the policy has one region.

The policy is compiled once and cached by the hash of its source, so on a
cache hit this command never loads the policy parser.
"""

from __future__ import annotations

import codecs
import collections
import contextlib
import importlib
import io
import itertools
import json
import os
import signal
import sys
import threading
import time
from decimal import Decimal

import click

from tspol import sellers
from tspol.cli.common import FAILED, CliError, current_lang, date_option, fail, in_force, lang_option, \
    needs_modules, note, open_pack, said, start_spark
from tspol.cli.help import Command
from tspol.diagnostics import Diagnostic, TspolError, render_text
from tspol.messages import Message, Words, os_reason, say
from tspol.runtime import jsonnum
from tspol.sellers import DOCUMENT_LIMIT  # bytes: past this, input that is not JSON Lines is no document

# INTERNAL: a bug in tspol while deciding one line
# UNKNOWN_REGION: as a compiled module says it, with a did-you-mean
from tspol.codes import (
    MALFORMED,
    NO_REGION,
    BAD_FIELD,
    DUPLICATE_KEY,
    INTERNAL,
    NOT_AN_OBJECT,
    UNKNOWN_REGION,
    WHAT_IF,
)
CHUNK = 512  # output lines written at once
PARALLEL_AFTER = 20_000  # lines decided here before helper processes share the rest
BATCH = 2_000  # lines per batch sent to a helper
BATCH_BYTES = 8 * 2**20  # ... or fewer, so that a batch of long lines stays this small
WINDOW = 4  # batches in flight per helper


class _LineError(Exception):
    def __init__(self, code: str, key: str | None, message: Message, line: int | None = None):
        super().__init__(message)
        self.code, self.key, self.message = code, key, message
        self.line = line  # in a document of many lines, the line of the problem


def _object(pairs: list) -> dict:
    record = dict(pairs)
    if len(record) != len(pairs):
        seen = set()
        for key, _ in pairs:
            if key in seen:
                twice = jsonnum.given_twice(key)
                raise _LineError(DUPLICATE_KEY, twice.key, twice.message)
            seen.add(key)
    return record


FAST = jsonnum.FAST
CHECKING = jsonnum.decoder(_object)
CHECKING_LONG = jsonnum.decoder(_object, long_integers=True)
_scan = FAST.scan_once


def _decode(text: str):
    """Parse with exact numbers (`jsonnum`), and make sure no key is given twice."""
    try:
        return _decode_quickly(text)
    except json.JSONDecodeError:
        raise
    except ValueError:  # an integer too long for int(): read as a Decimal, an error of its key
        return CHECKING_LONG.decode(text)


def _decode_quickly(text: str):
    """The quick test: each key is followed by a colon, so when the text has exactly
    as many colons as the keys parsed (at the top and in `metrics`), no key was
    dropped and no other object holds any; otherwise parse again, checking every
    object. A line that does not parse is parsed again for the error message."""
    try:
        record, end = _scan(text, 0)
    except StopIteration:
        return FAST.decode(text)
    if end != len(text) and not jsonnum.is_blank(text[end:]):
        return FAST.decode(text)
    if type(record) is dict:
        keys = len(record)
        metrics = record.get("metrics")
        if type(metrics) is dict:
            keys += len(metrics)
        if text.count(":") != keys:
            return CHECKING.decode(text)
    return record


def _parse(raw: bytes | jsonnum.LongLine, document: bool = False):
    if isinstance(raw, jsonnum.LongLine):
        raise _LineError(MALFORMED, None, raw.message)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _LineError(MALFORMED, None, say("eval.not_utf8", problem=jsonnum.utf8_problem(raw, exc))) from None
    if jsonnum.is_blank(text):
        raise _LineError(MALFORMED, None, say("eval.empty_line"))
    try:
        record = _decode(text)
    except json.JSONDecodeError as exc:
        problem = (say("eval.json_at", problem=jsonnum.json_reason(exc.msg), line=exc.lineno, column=exc.colno)
                   if document else jsonnum.json_error(exc, text))
        raise _LineError(MALFORMED, None, say("json.malformed", problem=problem),
                         exc.lineno if document else None) from None
    except RecursionError:
        raise _LineError(MALFORMED, None, say("json.too_deep")) from None
    if "\\u" in text:  # bytes read as UTF-8 hold no surrogate: only an escape can write one
        try:
            jsonnum.check_unicode(record)
        except jsonnum.BadLine as bad:  # named by its own key, as eval names inputs, under `metrics` or not
            raise _LineError(MALFORMED, bad.path[-1] if bad.path else None, bad.message) from None
    return record


NO_ID = object()  # a line that gives no seller_id (`"seller_id": null` is echoed as null)


def _given_seller_id(raw: bytes, duplicated: str):
    """The seller_id of a line whose key `duplicated` is given twice, when it can be
    told: the line read without the duplicate-key check (NO_ID if not)."""
    if duplicated == "seller_id":
        return NO_ID
    try:
        record = jsonnum.decode(raw.decode("utf-8"), FAST, jsonnum.LONG)
    except (ValueError, RecursionError):
        return NO_ID
    if type(record) is not dict or "seller_id" not in record:
        return NO_ID
    seller_id = record["seller_id"]
    if type(seller_id) is str and jsonnum.printable(seller_id) != seller_id:  # half a surrogate pair: not text
        return NO_ID
    return seller_id if seller_id is None or type(seller_id) in (str, int) else NO_ID


class Decider:
    """Decides one input record at a time; counts what failed."""

    def __init__(self, module, region: str | None, fmt: str, lang: str, path: str, compiled=None):
        self.module = module
        self.regions = tuple(module.POLICY["regions"])
        self.compiled = compiled  # the `Compiled` pack: helper processes run its module's very source
        self.evaluate = module.evaluate
        self.error_type = module.MetricsError
        self.names = module.NAMES
        self.region = region
        self.fmt = fmt
        self.lang = lang
        self.path = path
        self.failed = 0
        self.decided = 0
        self.encode = json.JSONEncoder(ensure_ascii=False).encode
        # JSON lines of whole decisions come straight from the module, its constant parts
        # written into it as text; --fields, --headroom and --what-if turn this off
        self.evaluate_json = getattr(module, "evaluate_json", None) if fmt == "json" else None
        self.fields = None  # what --fields or --shape keeps (`tspol.runtime.shapes`), or None: all
        self.decide = None  # the module's lean `decide`, when it holds every field kept
        self.extras: list = []  # what --headroom and --what-if add to each decision: f(metrics, region, decision)
        self.separator = "\n" if fmt == "text" else ""  # text reports are parted by a blank line
        self.indent = 2  # one seller's JSON decision is indented; None writes it as one line (`-o FILE`)
        if fmt == "text":
            from tspol.runtime.explain import report

            self.report = report

    def helper_recipe(self) -> tuple:
        """What a helper process needs to decide alike: the source of this very module
        (never the pack's files, which may have changed since) and its hash to verify."""
        source = self.compiled.module_source()
        return (source, self.module.POLICY["source_hash"], self.region, self.fmt, self.lang, self.path)

    def answer(self, raw: bytes, line: int, document: bool = False, row: int | None = None
               ) -> tuple[str, Diagnostic | None]:
        """The output for one record (one line of JSON, or text; or the item of a JSON list
        that is row `row`), and its diagnostic if it failed. Never raises for a bad record,
        nor for a bug met deciding it."""
        try:
            record = _parse(raw, document)
        except _LineError as exc:
            seller_id = _given_seller_id(raw, exc.key) if exc.code == DUPLICATE_KEY else NO_ID
            return self.failure(exc.code, exc.key, exc.message, raw, exc.line or line, seller_id, document, row=row)
        return self.answer_record(record, line, row=row, raw=raw, document=document)

    def answer_row(self, row) -> tuple[str, Diagnostic | None]:
        """The output for one seller of a table (`tspol.sellers.Row`)."""
        if row.problem is not None:
            code, message = row.problem
            return self.failure(code, None, message, b"", row.line, NO_ID, False, row=row.row)
        if row.raw is not None:  # an item of a JSON list, read as a JSON line is
            return Decider.answer(self, row.raw, row.line, row=row.row)
        return self.answer_record(row.record, row.line, row=row.row)

    def answer_record(self, record, line: int | None, row: int | None = None, raw: bytes = b"",
                      document: bool = False) -> tuple[str, Diagnostic | None]:
        """The output for one record read from `raw` (line `line`), or row `row` of a table."""
        seller_id = NO_ID
        try:
            if type(record) is not dict:
                raise _LineError(NOT_AN_OBJECT, None, say("event.not_an_object", value=_json_kind(record)))
            seller_id = self.seller_id(record)
            region = self.region_of(record)
            text = self.decision_text(self.metrics(record), region, seller_id, document)
        except (_LineError, self.error_type) as exc:
            return self.failure(exc.code, exc.key, exc.message, raw, line, seller_id, document, row=row)
        except Exception as exc:  # a bug in tspol: this line fails, the others are still decided
            message = say("eval.internal", error=f"{type(exc).__name__}: {exc}")
            return self.failure(INTERNAL, None, message, raw, line, NO_ID, document, row=row)
        self.decided += 1
        return text, None

    def decision_text(self, metrics, region: str, seller_id, document: bool) -> str:
        """The output for a seller whose line or row was read: its decision, as asked."""
        if self.evaluate_json is not None and not document:
            text = self.evaluate_json(metrics, region, self.lang)
            return text + "\n" if seller_id is NO_ID else f'{{"seller_id": {self.encode(seller_id)}, {text[1:]}\n'
        if self.decide is not None:
            return self.output(self.decide(metrics, region), seller_id, document)
        decision = self.evaluate(metrics, region, self.lang)
        for extra in self.extras:
            extra(metrics, region, decision)
        return self.output(decision, seller_id, document)

    def keep(self, fields) -> None:
        """Write only `fields` of each decision (`tspol.runtime.shapes`)."""
        from tspol.runtime.shapes import lean_enough

        self.fields, self.evaluate_json = fields, None
        self.decide = self.module.decide if lean_enough(fields) and type(self) is Decider else None

    def stream(self, items):
        """The answers to `items` in order: lines (raw, line number) or table rows."""
        for item in items:
            yield self.answer(*item) if isinstance(item, tuple) else self.answer_row(item)

    @staticmethod
    def seller_id(record: dict):
        if "seller_id" not in record:
            return NO_ID
        seller_id = record.pop("seller_id")
        if seller_id is not None and type(seller_id) not in (str, int):
            raise _LineError(BAD_FIELD, "seller_id", say("eval.seller_id", value=_json_kind(seller_id)))
        return seller_id

    def region_of(self, record: dict):
        region = record.pop("region", None)
        if region is None:
            region = self.region
            if region is None:
                raise _LineError(NO_REGION, "region", say("metrics.no_region", known=", ".join(self.regions)))
        elif type(region) is str and region not in self.regions:
            raise _LineError(UNKNOWN_REGION, "region", unknown_region(region, self.regions))
        return region

    @staticmethod
    def metrics(record: dict):
        if "metrics" not in record:
            return record
        metrics = record.pop("metrics")
        if record:
            key = next(iter(record))
            raise _LineError(BAD_FIELD, key, say("eval.beside_metrics", key=key))
        if type(metrics) is not dict:
            raise _LineError(NOT_AN_OBJECT, "metrics", say("eval.metrics_object", value=_json_kind(metrics)))
        return metrics

    def output(self, decision: dict, seller_id, document: bool) -> str:
        if self.fmt == "text":
            return self.report(decision, self.names, self.lang, None if seller_id is NO_ID else seller_id)
        if self.fields is not None:
            from tspol.runtime.shapes import keep

            decision = keep(decision, self.fields)
        if document:
            if seller_id is not NO_ID:
                decision = {"seller_id": seller_id, **decision}
            return json.dumps(decision, ensure_ascii=False, indent=self.indent) + "\n"
        if seller_id is not NO_ID:  # `{"seller_id": ..., ` then the decision's own keys
            return f'{{"seller_id": {self.encode(seller_id)}, {self.encode(decision)[1:]}\n'
        return self.encode(decision) + "\n"

    def failure(self, code: str, key: str | None, message, raw: bytes, line: int | None, seller_id,
                document: bool, row: int | None = None) -> tuple[str, Diagnostic]:
        """The error record (or report line) of a seller not decided; `message` a Message, or
        the English of a compiled module or a SQL engine (read back: `tspol.runtime.wording`)."""
        from tspol.runtime.wording import said as worded

        at = _key_line(raw, key) if document and key else line
        diagnostic = Diagnostic(code, worded(code, message), path=self.path, line=at, key=key, row=row)
        self.failed += 1
        return self.error_output(diagnostic, seller_id, document), diagnostic

    def error_output(self, d: Diagnostic, seller_id, document: bool) -> str:
        if self.fmt == "text":
            where = "" if document else say("eval.at_line", line=d.line) if d.row is None else say("eval.at_row", row=d.row)
            seller = say("eval.of_seller", seller=str(seller_id)) if seller_id is not NO_ID and seller_id is not None \
                else ""
            said = say("render.key", key=d.key, message=d.message) if d.key else d.message
            return say("eval.not_decided", where=where, seller=seller, code=d.code, message=said).text(self.lang) + "\n"
        record = {} if seller_id is NO_ID else {"seller_id": seller_id}
        if d.row is None:
            record["line"] = d.line
        else:  # a seller of a table: its row, and its line where the file has lines (CSV)
            record["row"] = d.row
        record["error"] = {"code": d.code, "key": d.key, "message": d.message}
        if document:
            return json.dumps(record, ensure_ascii=False, indent=self.indent) + "\n"
        return self.encode(record) + "\n"


def unknown_region(region: str, regions, option: bool = False) -> Message:
    """`unknown region `us`; this policy has US, SEA, UK; did you mean `US`?` (of --region: `option`)."""
    from tspol.runtime.names import shown, suggestion

    close = suggestion(region, regions)
    return say("eval.unknown_region" + (".option" if option else "") + (".close" if close else ""),
               region=shown(region), known=", ".join(regions), close=close or "")


def _json_kind(value) -> Message | str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return say("value.a_string")
    if isinstance(value, list):
        return say("value.list")
    if isinstance(value, dict):
        return say("value.object")
    return say("value.a_number") if isinstance(value, (int, Decimal, float)) else type(value).__name__


def _key_line(raw: bytes, key: str) -> int:
    """The line of a JSON document where `"key"` is first written (1 when not found)."""
    needle = json.dumps(key).encode()
    at = raw.find(needle)
    return 1 if at < 0 else raw.count(b"\n", 0, at) + 1


class Progress:
    """`123,456 sellers (45%)` on a terminal's stderr, a few times a second."""

    def __init__(self, size: int | None):
        self.size = size
        self.last = 0.0
        self.shown = False

    def tick(self, count: int, position: int | None) -> None:
        now = time.monotonic()
        if now - self.last < 0.2:
            return
        self.last = now
        share = f" ({100 * position // self.size}%)" if self.size and position is not None else ""
        sys.stderr.write(f"\rtspol eval: {said(say('eval.progress', count=count, share=share))}")
        sys.stderr.flush()
        self.shown = True

    def done(self) -> None:
        if self.shown:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


def run(decider: Decider, stream, out, errors, size: int | None = None, jobs: int = 1) -> None:
    """Read `stream` (binary), write answers to `out` (binary), diagnostics via `errors(text)`:
    JSON Lines, or one JSON document (one seller, or a list of them)."""
    head = _head(stream)
    lists = head.endswith(b"[")
    if lists:  # a list of sellers, or JSON Lines whose first line is a list (a bad line)
        head += stream.read(DOCUMENT_LIMIT + 1 - len(head))
        if _run_list(decider, head, out, errors):
            return
    lines = jsonnum.read_lines(_Prefixed(head, stream))
    first = next(lines, None)
    if first is None:
        return
    buffered = [first]
    if not lists and not _is_json(first):
        document = _read_document(lines, buffered)
        if document is not None:
            run_json(decider, document, out, errors)
            return
    _run_lines(decider, itertools.chain(buffered, lines), stream, out, errors, size, jobs)


BLANK_BYTES = tuple(char.encode() for char in jsonnum.WHITESPACE)


def _head(stream) -> bytes:
    """The start of an input: a BOM if any, the JSON whitespace after it and the first
    other byte (none at the end), read a byte at a time so that no more is waited for."""
    head = stream.read(1)
    if head == codecs.BOM_UTF8[:1]:
        head += stream.read(2)
        if head != codecs.BOM_UTF8:
            return head
    elif head not in BLANK_BYTES:
        return head
    while len(head) <= DOCUMENT_LIMIT:
        byte = stream.read(1)
        head += byte
        if byte not in BLANK_BYTES:
            break
    return head


def _run_list(decider: Decider, start: bytes, out, errors) -> bool:
    """Decide an input that opens with `[` (`start`: its first DOCUMENT_LIMIT + 1 bytes, or
    all of it) when it is one JSON list of sellers; False when it is not (JSON Lines whose
    first line is a list, or no JSON: read as JSON Lines). TspolError for a list too long."""
    if len(start) <= DOCUMENT_LIMIT:
        rows = sellers.json_list(start.removeprefix(codecs.BOM_UTF8))
        if rows is None:
            return False
        run_table(decider, rows, out, errors)
        return True
    first = start[:start.find(b"\n") + 1]
    if first and _is_json(first):
        return False
    raise sellers.document_too_big(decider.path)


class _Prefixed:
    """A binary stream whose first bytes (`head`) were read already, to be read by lines."""

    def __init__(self, head: bytes, stream):
        self.head, self.stream = io.BytesIO(head), stream

    def readline(self, limit: int = -1) -> bytes:
        line = self.head.readline(limit)
        if line.endswith(b"\n") or len(line) == limit:
            return line
        self.readline = self.stream.readline  # the head is read: the stream's own from now on
        return line + self.stream.readline(-1 if limit < 0 else limit - len(line))


def _is_json(raw: bytes | jsonnum.LongLine) -> bool:
    if isinstance(raw, jsonnum.LongLine):
        return False
    try:
        jsonnum.loads(raw)
    except (ValueError, RecursionError):
        return False
    return True


def _read_document(lines, buffered: list) -> bytes | None:
    """The whole input when it is one JSON document (it may span lines), else None;
    what was read stays in `buffered` to be decided as JSON Lines."""
    if isinstance(buffered[0], jsonnum.LongLine):
        return None
    size = len(buffered[0])
    while size <= DOCUMENT_LIMIT:
        chunk = next(lines, None)
        if chunk is None:
            text = b"".join(buffered)
            return text if _is_json(text) else None
        buffered.append(chunk)
        if isinstance(chunk, jsonnum.LongLine):
            return None
        size += len(chunk)
    return None


def _run_lines(decider: Decider, lines, stream, out, errors, size: int | None, jobs: int = 1) -> None:
    """Decide line by line, writing answers in order. A long input (more than
    PARALLEL_AFTER lines) is shared, in batches, among `jobs` helper processes;
    at most WINDOW batches per helper are in flight, so memory stays bounded."""
    progress = _progress(size)
    limit = PARALLEL_AFTER if jobs > 1 and decider.compiled is not None else None
    head = lines if limit is None else itertools.islice(lines, limit)
    answered = decider.stream((raw, number) for number, raw in enumerate(head, 1))
    count = _write(decider, answered, out, errors, progress, lambda: _position(stream))
    if count == limit:
        _run_in_helpers(decider, lines, count + 1, out, errors, progress, stream, jobs)
    if progress is not None:
        progress.done()


def run_table(decider: Decider, rows, out, errors, size: int | None = None, position=None) -> None:
    """Decide the sellers of a table (`tspol.sellers.Row`s), answers in order."""
    progress = _progress(size)
    _write(decider, decider.stream(rows), out, errors, progress, position or (lambda: None))
    if progress is not None:
        progress.done()


def run_json(decider: Decider, raw: bytes, out, errors) -> None:
    """One JSON document: one seller (one decision), or a list of sellers (one decision
    each, as JSON Lines; an item that is no object, or cannot be read as a JSON line, is
    its row's error)."""
    rows = sellers.json_list(raw)
    if rows is None:
        _write(decider, [decider.answer(raw, 1, document=True)], out, errors)
        return
    run_table(decider, rows, out, errors)


def _write(decider: Decider, answered, out, errors, progress=None, position=lambda: None) -> int:
    """Write the answers (text, diagnostic) in order, CHUNK at a time, each diagnostic
    right after its answer; the number of answers."""
    pending: list[str] = []
    count = 0
    for text, diagnostic in answered:
        pending.append(text if count == 0 else decider.separator + text)
        count += 1
        if diagnostic is not None:
            out.write("".join(pending).encode("utf-8"))
            pending.clear()
            errors(render_text([diagnostic], lang=decider.lang))
        elif len(pending) >= CHUNK:
            out.write("".join(pending).encode("utf-8"))
            pending.clear()
            if progress is not None:
                progress.tick(count, position())
    out.write("".join(pending).encode("utf-8"))
    return count


def _progress(size: int | None) -> Progress | None:
    return Progress(size) if sys.stderr.isatty() else None


def _batches(lines, first: int):
    """Batches of at most BATCH lines and about BATCH_BYTES bytes (a line is at most 1 MiB)."""
    batch: list = []
    size = 0
    for raw in lines:
        batch.append(raw)
        size += len(raw) if isinstance(raw, bytes) else 0
        if len(batch) == BATCH or size >= BATCH_BYTES:
            yield first, batch
            first, batch, size = first + len(batch), [], 0
    if batch:
        yield first, batch


def _run_in_helpers(decider: Decider, lines, first: int, out, errors, progress, stream, jobs: int) -> None:
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(jobs, initializer=_start_helper, initargs=decider.helper_recipe())
    in_flight: collections.deque = collections.deque()
    lost = False

    def write(start: int, batch: list[bytes], future) -> None:
        nonlocal lost
        try:
            text, diagnostics, decided, failed, last = future.result()
        except Exception:  # a helper failed (or never started): its lines are decided here
            if not lost:
                errors(f"tspol eval: {say('eval.helper_failed').text(decider.lang)}\n")
                lost = True
            text, diagnostics = _answers(decider, start, batch)
            decided = failed = 0  # `decider` counted them
            last = start + len(batch) - 1
        out.write(text.encode("utf-8"))
        if diagnostics:
            errors(render_text(diagnostics, lang=decider.lang))
        decider.decided += decided
        decider.failed += failed
        if progress is not None:
            progress.tick(last, _position(stream))

    try:
        for start, batch in _batches(lines, first):
            in_flight.append((start, batch, _submit(pool, start, batch)))
            if len(in_flight) >= WINDOW * jobs:
                write(*in_flight.popleft())
        while in_flight:
            write(*in_flight.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _submit(pool, start: int, batch: list[bytes]):
    """A future of the batch's answers; once the pool is broken, a future of its failure."""
    from concurrent.futures import Future

    try:
        return pool.submit(_decide_batch, start, batch)
    except Exception as exc:  # BrokenProcessPool: `write` decides the batch here
        failed: Future = Future()
        failed.set_exception(exc)
        return failed


_HELPER: Decider | None = None


def _start_helper(source: str, source_hash: str, region, fmt, lang, path) -> None:
    """In a helper process: run the main process's compiled module, from its source, once."""
    from tspol.compiler.cache import load_source

    global _HELPER
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process answers Ctrl-C ...
    for name in STOP_SIGNALS[1:]:  # ... and ends, having taken back its output, on the others
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    module = load_source(source, f"<tspol policy {source_hash[:12]}>")
    if module.POLICY["source_hash"] != source_hash:
        raise RuntimeError("the compiled policy a helper received is not the one being run")
    _HELPER = Decider(module, region, fmt, lang, path)


def _answers(decider: Decider, first: int, batch: list[bytes]) -> tuple[str, list[Diagnostic]]:
    """The answers to lines first, first+1, ... as one text, and their diagnostics."""
    pieces, diagnostics = [], []
    for offset, raw in enumerate(batch):
        text, diagnostic = decider.answer(raw, first + offset)
        pieces.append(decider.separator + text)
        if diagnostic is not None:
            diagnostics.append(diagnostic)
    return "".join(pieces), diagnostics


def _decide_batch(first: int, batch: list[bytes]):
    """In a helper process: the answers to a batch, and how many lines were decided and failed."""
    decider = _HELPER
    text, diagnostics = _answers(decider, first, batch)
    decided, failed = decider.decided, decider.failed
    decider.decided = decider.failed = 0
    return text, diagnostics, decided, failed, first + len(batch) - 1


def _position(stream) -> int | None:
    try:
        return stream.tell()
    except (OSError, ValueError):
        return None


SQL_ENGINES = {  # engine -> (the modules it needs, the extra that brings them)
    "duckdb": (("duckdb", "sqlglot"), "duckdb"),
    "spark": (("pyspark", "sqlglot"), "spark"),
}


@click.command("eval", cls=Command)
@click.argument("file", default="-", type=click.Path(allow_dash=True, dir_okay=False, exists=True))
@click.option("--policy", "policy_path", type=click.Path(exists=True),
              help="A .pol file or a folder of them (default: ./policies, or the bundled pack).")
@click.option("--region", help="The region of sellers whose input names none (a line's `region` wins); "
                               "default: the policy's only region.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default=None,
              help="text: a short report a seller can read; json: one decision object per seller "
                   "(region, points, warning, violations, findings, not_applicable, discretionary). "
                   "Default: text, or json with -o, --fields or --shape lean.")
@lang_option
@click.option("--jobs", type=click.IntRange(min=1), default=None,
              help=f"Processes deciding a long JSON Lines input (past {PARALLEL_AFTER:,} lines); "
                   "default: chosen from the CPUs this process may use (one below 4 CPUs, where helper "
                   "processes cost more than they save; else half of them, at most 4); -v says.")
@click.option("--engine", type=click.Choice(["python", *SQL_ENGINES]), default="python", show_default=True,
              help="python: the compiled module; duckdb: the pack's SQL on embedded DuckDB (the `duckdb` "
                   "extra); spark: on Spark (the `spark` extra, Java 17), local unless PYSPARK_SUBMIT_ARGS "
                   "names a master. In batches, the same answers to the byte.")
@click.option("--input-format", type=click.Choice(["jsonl", "json", "csv", "parquet"]), default=None,
              help="How FILE is written; default: by its extension (.jsonl, .ndjson, .json, .csv, "
                   ".parquet), else JSON Lines or one JSON object.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=False), default=None,
              help="Write the decisions to this file, by its extension: .jsonl (the bytes printed "
                   "without -o), .csv or .parquet (a row per seller, the columns of the SQL query). "
                   "Written whole or not at all.")
@click.option("--fields", default=None, metavar="FIELD,...",
              help="Write only these fields of each decision, in JSON Lines, CSV or Parquet: keys of the decision "
                   "(region, points, warning, violations, findings, not_applicable, discretionary; levels, "
                   "in a pack with levels) or of each item of its lists (violations.rule, violations.row), "
                   "or one level set (levels.health).")
@click.option("--shape", type=click.Choice(["full", "lean"]), default=None,  # tspol.runtime.shapes.SHAPES
              help="lean: region, points, warning and each violation's rule, table, row, points, warning, "
                   "limit and measures (and levels, in a pack with levels), decided without a word of "
                   "explanation (the fastest); full: every field (the default).")
@click.option("--headroom", is_flag=True,
              help="Add to each decision how close the seller is to a worse outcome (`headroom`: the "
                   "fewest more units of each input where more is worse) and the way back within each "
                   "standard (`recovery`: the fewest orders that meet it), on every engine alike.")
@click.option("--what-if", "what_if", multiple=True, metavar="INPUT=+N|-N|N",
              help="Decide each seller changed too, beside the actual one (`what_if` in JSON): N more or "
                   "fewer of an input (a part's totals change alike: one more late order is one more "
                   "order), or exactly N. May be given more than once.")
@click.option("--on", "on_date", callback=date_option, metavar="DATE",
              help="Decide by the version of the pack in force on DATE (default: the latest).")
@click.option("-v", "--verbose", is_flag=True, help="Say on standard error how many processes decide, and why.")
def command(file, policy_path, region, fmt, jobs, engine, input_format, output, fields, shape, headroom,
            what_if, on_date, verbose):
    """Decide sellers: one JSON object in, one decision out; JSON Lines, a JSON
    list, CSV or Parquet in, one decision per seller out (FILE, or standard input
    when FILE is `-`).

    A seller may carry `seller_id` (echoed in its decision) and `region` (which
    wins over --region). Numbers are exact; a count is a whole number (5 or
    5.0, never 5.5); null (an empty CSV cell) means not given. A line holds at
    most 1 MiB. A seller that cannot be decided gets an error record in its
    place; the exit code is then 1.
    """
    lang = current_lang()  # of the explanations and of every message
    given = sellers.input_format(file, input_format)
    if given == "parquet" and file == "-":
        raise click.UsageError(said(say("eval.parquet_stdin")))
    writes = None
    if output is not None:
        try:
            writes = sellers.output_format(output)
        except ValueError as exc:
            raise click.UsageError(said(exc.args[0])) from None
        if fmt == "text":
            raise click.UsageError(said(say("eval.output_text", output=output)))
        if _is_input(file, output):
            raise click.UsageError(said(say("eval.output_is_input", output=output)))
    # a few fields are data, as -o writes: JSON Lines unless --format says otherwise
    fmt = fmt or ("json" if output is not None or fields is not None or shape == "lean" else "text")
    cut = _cut(fields, shape, fmt)
    if what_if and engine in SQL_ENGINES:
        raise click.UsageError(said(say("eval.python_only", option="--what-if")))
    added = "--headroom" if headroom else "--what-if" if what_if else None
    if added and (cut or writes in ("csv", "parquet")):  # it would be dropped, not written
        without = f"--{'fields' if fields else 'shape'}" if cut else f"-o {output}"
        raise click.UsageError(said(say("eval.whole_decision_only", option=added, without=without)))
    if "parquet" in (given, writes):
        needs_modules(say("eval.what.parquet"), ["duckdb"], "duckdb")
    try:
        pack = in_force(open_pack(policy_path), on_date).compiled()
    except TspolError as exc:
        fail(exc)
    module = pack.module
    level_sets = _level_sets(module)
    kept = _fields(fields, shape, level_sets) if cut else None
    regions = module.POLICY["regions"]
    if region is not None and region not in regions:  # bad input, as an unknown region on a line is
        note(unknown_region(region, regions, option=True))
        raise click.exceptions.Exit(FAILED)
    if region is None and len(regions) == 1:
        region = regions[0]
    display = "<stdin>" if file == "-" else file
    changes = _changes(what_if, module.INPUTS)
    if engine in SQL_ENGINES:
        decider = _sql_decider(pack, region, fmt, lang, display, engine, headroom)
        jobs, why = 1, say("eval.jobs.engine", engine=engine)
    else:
        decider = Decider(module, region, fmt, lang, display, compiled=pack)
        jobs, why = (jobs, "--jobs") if jobs else _jobs()
        if headroom or changes:
            _add_extras(decider, pack.workspace.program(), headroom, changes)
            jobs, why = 1, say("eval.jobs.extras")
    if kept is not None:
        decider.keep(kept)
    if verbose:
        helpers = say("eval.jobs.helpers", jobs=jobs, after=PARALLEL_AFTER) if jobs > 1 else say("eval.jobs.one")
        click.echo(f"tspol eval: {said(say('eval.jobs', helpers=helpers, why=why))}", err=True)
    if output is not None:
        decider.indent = None
    if file == "-" and _is_terminal(sys.stdin):
        click.echo(f"tspol eval: {said(say('eval.terminal'))}", err=True)
    errors = lambda text: click.echo(text, err=True, nl=False)  # noqa: E731
    from tspol.runtime.shapes import levels_kept

    levels = levels_kept(kept, level_sets)  # each a CSV column, a field of the Parquet struct
    columns = sellers.output_columns(kept, levels)
    try:
        with _signals_raise():
            out = sellers.StandardOutput(sys.stdout.buffer) if output is None else \
                sellers.open_output(output, writes, columns, kept, levels)
            try:
                _decide(decider, file, given, out, errors, jobs, pack)
                out.commit()
            finally:
                out.abort()  # after a commit, there is nothing left to take back
    except BrokenPipeError:  # `tspol eval big.jsonl | head`: the reader left
        _silence_stdout()
        raise click.exceptions.Exit(FAILED)
    except TspolError as exc:  # a table that is no table of sellers: nothing was decided
        fail(exc)
    except sellers.WriteError as exc:
        raise CliError(exc.message) from None
    except OSError as exc:
        raise CliError(say("eval.cannot_read", path=display, reason=os_reason(exc))) from None
    except Signalled as stop:  # the output taken back: end as the signal ends a process
        signal.signal(stop.signum, signal.SIG_DFL)
        os.kill(os.getpid(), stop.signum)
        raise click.exceptions.Exit(128 + stop.signum) from None
    if decider.failed:
        total = decider.failed + decider.decided
        click.echo(said(say("eval.failed.one" if total == 1 else "eval.failed", path=display, failed=decider.failed,
                            total=total)), err=True)
        raise click.exceptions.Exit(FAILED)


def _cut(fields: str | None, shape: str | None, fmt: str) -> bool:
    """Whether --fields or --shape keeps part of each decision only, or a usage error
    for options that cannot go together."""
    if fields is None and shape in (None, "full"):
        return False
    if fields is not None and shape is not None:
        raise click.UsageError(said(say("eval.fields_and_shape")))
    if fmt == "text":
        raise click.UsageError(said(say("eval.fields_format.text", option="--fields" if fields else "--shape")))
    return True


def _fields(fields: str | None, shape: str | None, level_sets: tuple[str, ...]):
    """What --fields or --shape keeps of each decision, in a pack of `level_sets`, or a
    usage error."""
    from tspol.runtime.shapes import parse_fields, shape_fields

    try:
        return parse_fields(fields, level_sets) if fields is not None else shape_fields(shape, level_sets)
    except ValueError as exc:
        raise click.BadParameter(said(exc.args[0]), param_hint="--fields") from None


def _level_sets(module) -> tuple[str, ...]:
    """The level sets a compiled module decides, in declaration order (issue 11): the
    names in its NAMES that are a set's, not a `set.level`."""
    return tuple(name for name in module.NAMES.get("levels", {}) if "." not in name)


def _changes(what_if: tuple[str, ...], inputs) -> dict:
    """--what-if INPUT=+N|-N|N as {input: ("+", n) or ("=", n)}, or a usage error."""
    from fractions import Fraction

    changes = {}
    for given in what_if:
        name, equals, amount = given.partition("=")
        sign = amount[:1] if amount[:1] in "+-" and amount else ""
        number = amount[len(sign):]
        if not equals or not number.replace(".", "", 1).isdigit() or not number.isascii():
            raise click.BadParameter(said(say("eval.what_if.form", given=repr(given))), param_hint="--what-if")
        if name not in inputs:
            from tspol.runtime.names import suggestion

            close = suggestion(name, inputs)
            raise click.BadParameter(said(say("eval.what_if.no_input" + (".close" if close else ""), given=repr(given),
                                              name=name, close=close or "")), param_hint="--what-if")
        if name in changes:
            raise click.BadParameter(said(say("eval.what_if.twice", name=name)), param_hint="--what-if")
        value = Fraction(number)
        changes[name] = ("=", value) if not sign else ("+", value if sign == "+" else -value)
    return changes


def _add_extras(decider: Decider, program, headroom: bool, changes: dict) -> None:
    """What --headroom and --what-if add to each decision, decided by the same module."""
    from tspol.runtime import headroom as distances
    from tspol.runtime.metrics import MetricsError

    module = decider.module
    decider.evaluate_json = None

    def evaluated(metrics, region):
        try:
            return module.evaluate(metrics, region)
        except module.MetricsError as exc:
            raise MetricsError.from_portable(exc) from None

    def add_headroom(metrics, region, decision):
        decision["headroom"] = distances.headroom(program, metrics, region, evaluated)
        decision["recovery"] = distances.recovery(program, metrics, region, evaluated)

    def add_what_if(metrics, region, decision):
        try:
            changed = distances.what_if(program, metrics, region, changes,
                                        lambda m, r: module.evaluate(m, r, decider.lang))
        except ValueError as exc:
            key = next(iter(changes))
            raise _LineError(WHAT_IF, key, say("eval.what_if.refused", reason=exc.args[0])) from None
        except module.MetricsError as exc:
            from tspol.runtime.wording import said as worded

            raise _LineError(WHAT_IF, exc.key, say("eval.what_if.changed", message=worded(exc.code, exc.message))) \
                from None
        decision["what_if"] = changed

    decider.extras = ([add_headroom] if headroom else []) + ([add_what_if] if changes else [])


def _jobs() -> tuple[int, str]:
    """The processes to decide a long input with, and why: on fewer than 4 CPUs helper
    processes cost more CPU and memory than they save; else half the CPUs, at most 4."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    if cpus < 4:
        return 1, say("eval.jobs.few_cpus.one" if cpus == 1 else "eval.jobs.few_cpus", cpus=cpus)
    return min(4, cpus // 2), say("eval.jobs.cpus", cpus=cpus)


def _is_input(file: str, output: str) -> bool:
    """Whether `-o OUTPUT` names the input FILE (or the file standard input reads), by
    another name or a link too: writing it would lose the input."""
    try:
        if file != "-":
            return os.path.samefile(file, output)
        return os.path.samestat(os.fstat(sys.stdin.fileno()), os.stat(output))
    except (OSError, ValueError, AttributeError):  # OUTPUT not there yet; standard input no file
        return False


STOP_SIGNALS = ("SIGINT", "SIGTERM", "SIGHUP")


class Signalled(BaseException):
    """SIGTERM or SIGHUP while deciding, raised on the main thread as Ctrl-C raises
    KeyboardInterrupt, so that the output is taken back before the process ends."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


@contextlib.contextmanager
def _signals_raise():
    """Within: SIGINT raises KeyboardInterrupt, SIGTERM and SIGHUP `Signalled` (a signal
    ignored, as under nohup, stays ignored). DuckDB ends a query that a signal stops with
    an error of its own ("Query interrupted"), so an error after a signal is the signal's."""
    caught: list[int] = []

    def stop(signum: int, frame) -> None:
        caught.append(signum)
        raise _stopped(signum)

    previous = {}
    if threading.current_thread() is threading.main_thread():
        for name in STOP_SIGNALS:
            signum = getattr(signal, name, None)  # no SIGHUP on Windows
            if signum is not None and signal.getsignal(signum) is not signal.SIG_IGN:
                previous[signum] = signal.signal(signum, stop)
    try:
        yield
    except Exception:
        if caught:
            raise _stopped(caught[0]) from None
        raise
    finally:
        for signum, action in previous.items():
            signal.signal(signum, signal.SIG_DFL if action is None else action)


def _stopped(signum: int) -> BaseException:
    return KeyboardInterrupt() if signum == signal.SIGINT else Signalled(signum)


def _decide(decider: Decider, file: str, given: str, out, errors, jobs: int, pack) -> None:
    """Read FILE in its format and write every seller's answer to `out`."""
    display = decider.path
    inputs = list(pack.module.INPUTS)
    if given == "parquet":
        rows, size = sellers.read_parquet(file, display, inputs)
        direct = isinstance(out, sellers.ParquetOutput) and isinstance(decider, SqlDecider) and \
            decider.engine.__name__ == "tspol.duckdb"
        if not (direct and _decide_in_duckdb(decider, file, out, errors)):
            run_table(decider, rows, out, errors, size)
        return
    stream = sys.stdin.buffer if file == "-" else open(file, "rb")
    try:
        size = None if file == "-" else os.fstat(stream.fileno()).st_size
        if given == "jsonl":
            run(decider, stream, out, errors, size=size, jobs=jobs)
        elif given == "csv":
            run_table(decider, sellers.read_csv(stream, display, inputs), out, errors, size,
                      lambda: _position(stream))
        else:
            run_json(decider, sellers.read_document(stream, display), out, errors)
    finally:
        if file != "-":
            stream.close()


def _decide_in_duckdb(decider: Decider, file: str, out, errors) -> bool:
    """Parquet to Parquet on DuckDB: the table never passes through Python; the failed
    rows are read back from the output and told as the row-by-row path tells them.
    False when DuckDB alone cannot (`tspol.duckdb.decide_parquet`)."""
    import duckdb

    try:
        done = decider.engine.decide_parquet(decider.policy, file, out.direct(), decider.lang, decider.region,
                                             fields=decider.fields)
    except duckdb.Error as exc:  # the input was read already: most likely, the output could not be written
        reason = say("eval.duckdb_failed", path=decider.path, reason=sellers.first_line(exc))
        raise sellers.WriteError(out.path, reason) from None
    if done is None:
        out.written_directly = False
        return False
    count, failed = done
    for row, error in failed:
        from tspol.runtime.wording import said as worded

        errors(render_text([Diagnostic(error["code"], worded(error["code"], error["message"]), path=decider.path,
                                       key=error["key"], row=row)], lang=decider.lang))
        decider.failed += 1
    decider.decided = count - decider.failed
    return True


def _sql_decider(pack, region, fmt, lang, display, name: str, headroom: bool = False) -> Decider:
    modules, extra = SQL_ENGINES[name]
    needs_modules(f"--engine {name}", modules, extra)
    engine = importlib.import_module(f"tspol.{name}")
    from tspol.api import Policy
    from tspol.compiler.sqlgen import SqlUnsupported

    policy = Policy(pack)
    try:
        engine.records_query(policy, lang=lang, headroom=headroom)
    except SqlUnsupported as exc:
        note(say("eval.sql_unsupported", reason=exc.args[0]))
        raise click.exceptions.Exit(FAILED) from None
    if name == "spark":
        start_spark(engine)
    return SqlDecider(engine, policy, region, fmt, lang, display, headroom)


class _Deferred(BaseException):
    """A record checked as far as the module checks it before deciding: its turn comes in
    the next batch. A BaseException, so that `answer`'s own handlers let it through."""

    def __init__(self, metrics: dict, region: str):
        self.metrics, self.region = metrics, region


class SqlDecider(Decider):
    """Decides records in batches with the pack's SQL on a SQL engine (`tspol.duckdb`,
    `tspol.spark`): each line is read and checked as `Decider.answer` does (JSON,
    seller_id, region, keys), then the batch is one query, and every answer is written
    as the Python engine writes it (with --headroom, its `headroom` and `recovery` too,
    columns of the query)."""

    BATCHES = {"tspol.duckdb": 50_000, "tspol.spark": 1_000_000}  # Spark plans a query in seconds

    def __init__(self, engine, policy, region, fmt, lang, path, headroom: bool = False):
        super().__init__(policy.module, region, fmt, lang, path)
        self.headroom = headroom
        self.evaluate_json = None  # every decision comes from the engine, as a dict
        self.engine = engine
        self.batch = self.BATCHES[engine.__name__]
        self.policy = policy
        self.inputs = list(policy.inputs)
        self.evaluate = self._defer
        self.last_id = NO_ID

    def seller_id(self, record: dict):
        self.last_id = Decider.seller_id(record)
        return self.last_id

    def _defer(self, metrics, region, lang):
        from tspol.compiler import portable

        if not isinstance(region, str):
            exc = portable._unknown_region(region, self.regions)
            raise self.error_type(exc.code, exc.key, exc.message)
        for key in metrics:
            if key not in self.inputs:
                from tspol.compiler import portable

                exc = portable._unknown_input(key, self.inputs)
                raise self.error_type(exc.code, exc.key, exc.message)
        raise _Deferred(dict(metrics), region)

    def answer(self, raw: bytes, line: int, document: bool = False) -> tuple[str, Diagnostic | None]:
        return self.answers([(raw, line)], document)[0]

    def stream(self, items):
        """The answers to `items` in order, decided a batch at a time."""
        batch: list = []
        for item in items:
            batch.append(item)
            if len(batch) == self.batch:
                yield from self.answers(batch)
                batch = []
        if batch:
            yield from self.answers(batch)

    def answers(self, items: list, document: bool = False) -> list[tuple[str, Diagnostic | None]]:
        """The answer of each item, in order: a line (raw, line number), a `tspol.sellers.Row`,
        or one whole document."""
        out: list = [None] * len(items)
        jobs: list[tuple[int, object, dict]] = []
        for position, item in enumerate(items):
            self.last_id = NO_ID
            try:
                out[position] = (Decider.answer_row(self, item) if not isinstance(item, tuple)
                                 else Decider.answer(self, *item, document))
            except _Deferred as deferred:
                jobs.append((position, self.last_id, {"region": deferred.region, **deferred.metrics}))
        decided = self.engine.decisions(self.policy, [record for _, _, record in jobs], lang=self.lang,
                                        fields=self.fields, headroom=self.headroom)  # what is not kept is not computed
        for (position, seller_id, _), decision in zip(jobs, decided):
            item = items[position]
            raw, line, row = item + (None,) if isinstance(item, tuple) else (b"", item.line, item.row)
            if "error" in decision:
                error = decision["error"]
                out[position] = self.failure(error["code"], error["key"], error["message"], raw, line, seller_id,
                                             document, row=row)
            else:
                self.decided += 1
                decision.pop("seller_id", None)  # written by `output`, as given
                out[position] = (self.output(decision, seller_id, document), None)
        return out


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
