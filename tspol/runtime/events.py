"""A seller's dated events, read from JSON Lines and validated before any ledger sees them.

One JSON object per line; blank lines are skipped (line numbers still count them).
Lines are read as `tspol eval` reads sellers (`tspol.runtime.jsonnum`): exact numbers,
a BOM at the start dropped, at most 1 MiB a line, JSON whitespace only, no key
given twice in one object (E709), no unpaired surrogate in a string.

| kind | keys |
|---|---|
| `violation` | `date`, `id`, `rule` (a rule or a catalogue reason), `points` (a whole number >= 0) |
| `metrics` | `date`, `id`, `metrics` (an object: the inputs of the decision on that day), optional `region` (the seller's region, as on a line of `tspol eval`) |
| `appeal` | `date`, `violation` (the id of a violation or metrics event), `outcome` (`accepted` or `rejected`) |
| `hold` | `date`, `id`, `violation`, `days` (the chosen hold period), optional `scenario` (a hold of the policy) |
| `investigation_closed` | `date`, `hold` (the id of a hold event) |
| `link` | `date`, `account` (another account linked to this seller from that day) |

Every event may carry `note`, free text for people, which the ledger does not read.

What is checked here does not depend on the policy: JSON, keys and their types, the
date (`YYYY-MM-DD`), ids unique across violation, metrics and hold events, and
references to ids on earlier lines. Events must be in date order (equal dates keep
their file order, which is the order of the day): an event dated before the line
above it is an error, not silently re-sorted, because a ledger is a log and a line
out of order is usually a mistake in the data. Whether a rule, a hold scenario or a
hold period fits the policy is the ledger's business (`tspol.runtime.ledger`).

Every problem of a file is reported, each naming its line and key, in one
`TspolError`.
"""

from __future__ import annotations

import datetime
import os
import re
from collections.abc import Iterable, Mapping

import attrs

from tspol.diagnostics import Diagnostic, TspolError
from tspol.runtime import jsonnum
from tspol.runtime.names import shown

from tspol.codes import (
    BAD_JSON,
    BAD_KIND,
    MISSING_KEY,
    EVENT_BAD_VALUE as BAD_VALUE,
    UNKNOWN_KEY,
    DUPLICATE_ID,
    UNKNOWN_REFERENCE,
    EVENT_OUT_OF_ORDER as OUT_OF_ORDER,
    EVENTS_UNREADABLE as UNREADABLE,
    EVENT_DUPLICATE_KEY as DUPLICATE_KEY,
)

OUTCOMES = ("accepted", "rejected")


@attrs.frozen
class Event:
    line: int  # 1-based line of the JSON Lines file (index + 1 for a list of records)
    date: datetime.date


@attrs.frozen
class ViolationEvent(Event):
    id: str
    rule: str
    points: int


@attrs.frozen
class MetricsEvent(Event):
    id: str
    metrics: Mapping
    region: str | None = None


@attrs.frozen
class AppealEvent(Event):
    violation: str
    outcome: str  # "accepted" or "rejected"


@attrs.frozen
class HoldEvent(Event):
    id: str
    violation: str
    days: int
    scenario: str | None = None


@attrs.frozen
class InvestigationClosedEvent(Event):
    hold: str


@attrs.frozen
class LinkEvent(Event):
    account: str


class EventLog(tuple):
    """Events that passed every check of this module, in file order, and where they came from."""

    def __new__(cls, events: Iterable[Event], path: str):
        log = super().__new__(cls, events)
        log.path = path
        return log


class BadValue(Exception):
    def __init__(self, message: str, code: str = BAD_VALUE):
        super().__init__(message)
        self.message, self.code = message, code


# ---- values ------------------------------------------------------------------

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


def parse_date(value) -> datetime.date:
    """`YYYY-MM-DD`, a real calendar day; anything else is `BadValue`."""
    if not isinstance(value, str) or not _DATE.match(value):
        raise BadValue(f"expected a date as \"YYYY-MM-DD\", got {_shown(value)}")
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise BadValue(f"{value} is not a calendar date") from None


def _identifier(value) -> str:
    if not isinstance(value, str) or not value.strip():
        raise BadValue(f"expected a non-empty string, got {_shown(value)}")
    return value


def _whole(value, minimum: int, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise BadValue(f"expected {what}, got {_shown(value)}")
    if value < minimum:
        raise BadValue(f"expected {what}, got {value}")
    return value


def _points(value) -> int:
    return _whole(value, 0, "a whole number of points, 0 or more")


def _days(value) -> int:
    return _whole(value, 1, "a whole number of days, 1 or more")


def _metrics(value) -> Mapping:
    if not isinstance(value, dict):
        raise BadValue(f"expected an object of metrics, got {_shown(value)}")
    return value


def _outcome(value) -> str:
    if value not in OUTCOMES:
        raise BadValue(f"expected \"accepted\" or \"rejected\", got {_shown(value)}")
    return value


def _note(value) -> str:
    if not isinstance(value, str):
        raise BadValue(f"expected text, got {_shown(value)}")
    return value


def _shown(value) -> str:
    """A value as the user wrote it, cut to 40 characters."""
    if isinstance(value, str) and len(value) > 40:
        return jsonnum.dumps(value[:37])[:-1] + '..."'  # `dumps` of a long text costs its length
    try:
        text = jsonnum.dumps(value)
    except RecursionError:  # nested deeper than Python writes
        return "a list" if isinstance(value, list) else "an object"
    return text if len(text) <= 40 else text[:37] + "..."


# kind -> (event class, required keys and their readers, optional keys and their readers)
KINDS = {
    "violation": (ViolationEvent, {"id": _identifier, "rule": _identifier, "points": _points}, {}),
    "metrics": (MetricsEvent, {"id": _identifier, "metrics": _metrics}, {"region": _identifier}),
    "appeal": (AppealEvent, {"violation": _identifier, "outcome": _outcome}, {}),
    "hold": (HoldEvent, {"id": _identifier, "violation": _identifier, "days": _days},
             {"scenario": _identifier}),
    "investigation_closed": (InvestigationClosedEvent, {"hold": _identifier}, {}),
    "link": (LinkEvent, {"account": _identifier}, {}),
}
COMMON = ("date", "kind", "note")
_ALLOWED = {cls: frozenset((*COMMON, *required, *optional)) for cls, required, optional in KINDS.values()}


# ---- one record --------------------------------------------------------------

def event_from_record(record, line: int, path: str) -> Event:
    """One JSON object -> its event; `TspolError` naming the line and keys otherwise."""
    if not isinstance(record, dict):
        raise TspolError(_diagnostic(BAD_JSON, f"expected a JSON object, got {_shown(record)}", path, line))
    kind = record.get("kind")
    spec = KINDS.get(kind) if isinstance(kind, str) else None
    if spec is not None:
        try:
            return _event(record, line, *spec)
        except (KeyError, BadValue):
            pass
    raise TspolError(_record_problems(record, line, path, kind, spec))


def _event(record: dict, line: int, cls, required: dict, optional: dict) -> Event:
    """The straight path for a good record; KeyError or BadValue on any problem."""
    if not _ALLOWED[cls].issuperset(record):
        raise KeyError("unknown key")
    values = {key: reader(record[key]) for key, reader in required.items()}
    for key, reader in optional.items():
        if key in record:
            values[key] = reader(record[key])
    if "note" in record:
        _note(record["note"])
    return cls(line, parse_date(record["date"]), **values)


def _record_problems(record: dict, line: int, path: str, kind, spec) -> list[Diagnostic]:
    """Every problem of a bad record, each naming its key."""
    problems: list[Diagnostic] = []

    def read(key, reader):
        try:
            return reader(record[key])
        except BadValue as bad:
            problems.append(_diagnostic(bad.code, bad.message, path, line, key))

    if "kind" not in record:
        problems.append(_diagnostic(MISSING_KEY, "every event needs a `kind`: " + _kinds_text(), path, line, "kind"))
    elif spec is None:
        problems.append(_diagnostic(BAD_KIND, f"unknown kind {_shown(kind)}; expected {_kinds_text()}",
                                    path, line, "kind"))
    if "date" in record:
        read("date", parse_date)
    else:
        problems.append(_diagnostic(MISSING_KEY, "every event needs a `date` (\"YYYY-MM-DD\")", path, line, "date"))
    if "note" in record:
        read("note", _note)
    if spec is None:
        return problems
    cls, required, optional = spec
    for key, reader in required.items():
        if key in record:
            read(key, reader)
        else:
            problems.append(_diagnostic(MISSING_KEY, f"{_a(kind)} event needs `{key}`", path, line, key))
    for key, reader in optional.items():
        if key in record:
            read(key, reader)
    for key in record:
        if key not in _ALLOWED[cls]:
            allowed = ", ".join(f"`{k}`" for k in ("date", "kind", *required, *optional, "note"))
            problems.append(_diagnostic(UNKNOWN_KEY, f"unknown key for {_a(kind)} event; expected {allowed}",
                                        path, line, shown(key) if isinstance(key, str) else key))
    return problems


def _a(word: str) -> str:
    return ("an " if word[0] in "aeiou" else "a ") + word


def _kinds_text() -> str:
    return ", ".join(f"\"{k}\"" for k in KINDS)


def _diagnostic(code: str, message: str, path: str, line: int, key: str | None = None) -> Diagnostic:
    return Diagnostic(code, message, path=path, line=line, key=key)


# ---- a whole file ------------------------------------------------------------

def parse_events(text: str, path: str = "<events>") -> EventLog:
    """JSON Lines text -> validated events, in file order."""
    return _validated(_records_of_lines(jsonnum.text_lines(text)), path)


def read_events(path: str | os.PathLike) -> EventLog:
    """The events of a JSON Lines file, read a line at a time (each at most
    `jsonnum.MAX_LINE` bytes)."""
    display = str(path)
    try:
        with open(path, "rb") as stream:
            return read_event_stream(stream, display)
    except OSError as exc:
        raise TspolError(_diagnostic(UNREADABLE, f"cannot read this file: {exc.strerror}", display, None)) from None


def read_event_stream(stream, path: str) -> EventLog:
    """The events of a binary stream of JSON Lines (standard input, an open file)."""
    return _validated(_records_of_lines(jsonnum.read_lines(stream)), path)


def events_from_records(records: Iterable, path: str = "<events>") -> EventLog:
    """Python objects (dicts, or events already made) -> validated events; record N is line N."""
    return _validated(((i, r) for i, r in enumerate(records, 1)), path)


def _records_of_lines(lines):
    """(line number, record) of each line that is not blank; `_Unparsable` for a bad one."""
    for number, line in enumerate(lines, 1):
        record = _record_of_line(line)
        if record is not None:
            yield number, record


def _record_of_line(line: str | bytes | jsonnum.LongLine):
    if isinstance(line, jsonnum.LongLine):
        return _Unparsable(UNREADABLE, line.message)
    if isinstance(line, bytes):
        try:
            line = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            return _Unparsable(UNREADABLE, f"this line is not UTF-8 text: {jsonnum.utf8_problem(line, exc)}")
    if jsonnum.is_blank(line):
        return None
    try:
        return jsonnum.parse_line(line)  # numbers exactly, as `tspol eval` reads them
    except jsonnum.KeyGivenTwice as twice:
        return _Unparsable(DUPLICATE_KEY, twice.message, twice.key)
    except jsonnum.BadLine as bad:
        return _Unparsable(BAD_JSON, bad.message, bad.key)


@attrs.frozen
class _Unparsable:
    code: str
    message: str
    key: str | None = None


def _validated(numbered_records, path: str) -> EventLog:
    events, problems = [], []
    for line, record in numbered_records:
        if isinstance(record, _Unparsable):
            problems.append(_diagnostic(record.code, record.message, path, line, record.key))
            continue
        try:
            events.append(record if isinstance(record, Event) else event_from_record(record, line, path))
        except TspolError as exc:
            problems.extend(exc.diagnostics)
    problems.extend(_sequence_problems(events, path))
    if problems:
        raise TspolError(sorted(problems, key=lambda d: (d.line or 0, d.key or "")))
    return EventLog(events, path)


def _sequence_problems(events: list[Event], path: str) -> list[Diagnostic]:
    """Date order, unique ids, and references to ids defined on earlier lines."""
    problems = []
    defined: dict[str, Event] = {}  # id -> the event that defined it
    closed: dict[str, int] = {}  # hold id -> line of its investigation_closed
    linked: dict[str, int] = {}  # account -> line of its link
    previous = None
    for event in events:
        if previous is not None and event.date < previous.date:
            problems.append(_diagnostic(
                OUT_OF_ORDER, f"{event.date} is before {previous.date} on line {previous.line}; "
                "events must be in date order", path, event.line, "date"))
        previous = event
        problems.extend(_reference_problems(event, defined, closed, linked, path))
        own_id = getattr(event, "id", None)
        if own_id is not None:
            if own_id in defined:
                problems.append(_diagnostic(
                    DUPLICATE_ID, f"id {_shown(own_id)} is already used on line {defined[own_id].line}",
                    path, event.line, "id"))
            else:
                defined[own_id] = event
    return problems


def _reference_problems(event, defined, closed, linked, path) -> list[Diagnostic]:
    if isinstance(event, (AppealEvent, HoldEvent)):
        target = defined.get(event.violation)
        if not isinstance(target, (ViolationEvent, MetricsEvent)):
            what = "is a hold, not a violation" if target else "is not the id of a violation or metrics event above"
            return [_diagnostic(UNKNOWN_REFERENCE, f"{_shown(event.violation)} {what}", path, event.line, "violation")]
    elif isinstance(event, InvestigationClosedEvent):
        if not isinstance(defined.get(event.hold), HoldEvent):
            return [_diagnostic(UNKNOWN_REFERENCE, f"{_shown(event.hold)} is not the id of a hold event above",
                                path, event.line, "hold")]
        if event.hold in closed:
            return [_diagnostic(DUPLICATE_ID, f"the investigation of {_shown(event.hold)} was already closed "
                                f"on line {closed[event.hold]}", path, event.line, "hold")]
        closed[event.hold] = event.line
    elif isinstance(event, LinkEvent):
        if event.account in linked:
            return [_diagnostic(DUPLICATE_ID, f"{_shown(event.account)} is already linked on line "
                                f"{linked[event.account]}", path, event.line, "account")]
        linked[event.account] = event.line
    return []
