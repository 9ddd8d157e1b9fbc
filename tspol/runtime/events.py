"""Sellers' dated events, read from JSON Lines and validated before any ledger sees them.

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

Every event may carry `note`, free text for people, which the ledger does not read,
and `seller_id` (a string or a whole number, as `tspol eval` takes one), the seller whose
event it is.
A file holds one seller's events, none of them with a `seller_id`, or many sellers'
events, every one of them with its `seller_id` (D12); the sellers are in the order
they first appear in the file (`EventLog.seller_ids`). One seller id is written one
way: `7` and `"7"` in one file are an error, not two sellers.

Events are in ledger order (D12): by date, whatever order the file gives them in, and
in the file's order within a day (a stable sort); `EventLog` holds them so. Each seller's
ids are its own: seller A's violation `v1` and seller B's `v1` do not clash.

What is checked here does not depend on the policy: JSON, keys and their types, the
date (`YYYY-MM-DD`), and, seller by seller, ids unique across violation, metrics and
hold events, and references resolved in ledger order: an appeal or a hold names a
violation or metrics event, `investigation_closed` a hold, of the same seller (E706 when
there is none), that comes before it in ledger order (E707 when it is dated later, or
later on the same day); an investigation is closed once and an account linked once.
Whether a rule, a hold scenario or a hold period fits the policy is the ledger's
business (`tspol.runtime.ledger`).

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
from tspol.messages import Message, os_reason, say
from tspol.runtime import jsonnum
from tspol.runtime.names import shown, suggestion

from tspol.codes import (
    BAD_JSON,
    BAD_KIND,
    MISSING_KEY,
    EVENT_BAD_VALUE as BAD_VALUE,
    UNKNOWN_KEY,
    DUPLICATE_ID,
    UNKNOWN_REFERENCE,
    EVENT_OUT_OF_ORDER as OUT_OF_ORDER,  # a reference to an event that comes after it
    EVENTS_UNREADABLE as UNREADABLE,
    EVENT_DUPLICATE_KEY as DUPLICATE_KEY,
)

OUTCOMES = ("accepted", "rejected")


@attrs.frozen
class Event:
    line: int  # 1-based line of the JSON Lines file (index + 1 for a list of records)
    date: datetime.date
    seller_id: str | int | None = attrs.field(default=None, kw_only=True)  # None: a file of one seller


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
    """Events that passed every check of this module, in ledger order (by date, the
    file's order within a day), and where they came from."""

    def __new__(cls, events: Iterable[Event], path: str):
        log = super().__new__(cls, events)
        log.path = path
        return log

    @property
    def seller_ids(self) -> tuple:
        """The sellers, in the order they first appear in the file; `(None,)` for events
        without `seller_id` (and for no events: one seller without any)."""
        first_line: dict = {}
        for event in self:
            if event.seller_id not in first_line or event.line < first_line[event.seller_id]:
                first_line[event.seller_id] = event.line
        return tuple(sorted(first_line, key=first_line.get)) or (None,)

    def by_seller(self) -> dict:
        """seller_id -> that seller's events (an EventLog of the same path), in `seller_ids` order."""
        groups: dict = {seller: [] for seller in self.seller_ids}
        for event in self:
            groups[event.seller_id].append(event)
        return {seller: EventLog(events, self.path) for seller, events in groups.items()}


def event_json(event: Event) -> str:
    """The event as one line of JSON that `event_from_record` reads back as the same event
    (its line aside, and its `note`, which no event keeps): how events travel where their
    file is not, such as Spark's executors (`tspol.spark.ledger_texts`)."""
    record = {"date": event.date.isoformat(), "kind": _KIND_OF[type(event)]}
    for field in attrs.fields(type(event)):
        value = getattr(event, field.name)
        if field.name not in ("line", "date") and value is not None:
            record[field.name] = value
    return jsonnum.dumps(record)


class BadValue(Exception):
    def __init__(self, message: Message, code: str = BAD_VALUE):
        super().__init__(message)
        self.message, self.code = message, code


# ---- values ------------------------------------------------------------------

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


def parse_date(value) -> datetime.date:
    """`YYYY-MM-DD`, a real calendar day; anything else is `BadValue`."""
    if not isinstance(value, str) or not _DATE.match(value):
        raise BadValue(say("event.date_format", value=_shown(value)))
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise BadValue(say("event.not_a_date", value=value)) from None


def _identifier(value) -> str:
    if not isinstance(value, str) or not value.strip():
        raise BadValue(say("event.non_empty", value=_shown(value)))
    return value


def _whole(value, minimum: int, what: str) -> int:
    """A whole number of `what` ("points", "days"), `minimum` or more."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise BadValue(say(f"event.{what}", value=_shown(value)))
    if value < minimum:
        raise BadValue(say(f"event.{what}", value=str(value)))
    return value


def _points(value) -> int:
    return _whole(value, 0, "points")


def _days(value) -> int:
    return _whole(value, 1, "days")


def _metrics(value) -> Mapping:
    if not isinstance(value, dict):
        raise BadValue(say("event.metrics_object", value=_shown(value)))
    return value


def _outcome(value) -> str:
    if value not in OUTCOMES:
        raise BadValue(say("event.outcome", value=_shown(value)))
    return value


def _seller_id(value) -> str | int:
    """What `tspol eval` echoes as a seller_id, so that one id means one seller in both:
    any string (`""` too) or whole number (negative too); not null, which is no seller."""
    if type(value) in (str, int):
        return value
    raise BadValue(say("event.seller_id", value=_shown(value)))


def _note(value) -> str:
    if not isinstance(value, str):
        raise BadValue(say("event.note", value=_shown(value)))
    return value


def seller_text(seller_id) -> str:
    """A seller id as headings and messages write it, whole: as JSON, `"s1"` or `7`."""
    return jsonnum.dumps(seller_id)


def _shown(value) -> str | Message:
    """A value as the user wrote it, cut to 40 characters."""
    if isinstance(value, str) and len(value) > 40:
        return jsonnum.dumps(value[:37])[:-1] + '..."'  # `dumps` of a long text costs its length
    try:
        text = jsonnum.dumps(value)
    except RecursionError:  # nested deeper than Python writes
        return say("value.list" if isinstance(value, list) else "value.object")
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
COMMON = ("date", "kind", "note", "seller_id")
_ALLOWED = {cls: frozenset((*COMMON, *required, *optional)) for cls, required, optional in KINDS.values()}
_KIND_OF = {cls: kind for kind, (cls, _, _) in KINDS.items()}
_DEFINES = {ViolationEvent: "violation", MetricsEvent: "metrics event", HoldEvent: "hold"}  # kinds with an id


# ---- one record --------------------------------------------------------------

def event_from_record(record, line: int, path: str) -> Event:
    """One JSON object -> its event; `TspolError` naming the line and keys otherwise."""
    if not isinstance(record, dict):
        raise TspolError(_diagnostic(BAD_JSON, say("event.not_an_object", value=_shown(record)), path, line))
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
    seller = _seller_id(record["seller_id"]) if "seller_id" in record else None
    return cls(line, parse_date(record["date"]), **values, seller_id=seller)


def _record_problems(record: dict, line: int, path: str, kind, spec) -> list[Diagnostic]:
    """Every problem of a bad record, each naming its key."""
    problems: list[Diagnostic] = []

    def read(key, reader):
        try:
            return reader(record[key])
        except BadValue as bad:
            problems.append(_diagnostic(bad.code, bad.message, path, line, key))

    if "kind" not in record:
        problems.append(_diagnostic(MISSING_KEY, say("event.needs_kind", kinds=_kinds_text()), path, line, "kind"))
    elif spec is None:
        problems.append(_diagnostic(BAD_KIND, say("event.unknown_kind", value=_shown(kind), kinds=_kinds_text()),
                                    path, line, "kind"))
    if "date" in record:
        read("date", parse_date)
    else:
        problems.append(_diagnostic(MISSING_KEY, say("event.needs_date"), path, line, "date"))
    if "note" in record:
        read("note", _note)
    if "seller_id" in record:
        read("seller_id", _seller_id)
    if spec is None:
        return problems
    cls, required, optional = spec
    for key, reader in required.items():
        if key in record:
            read(key, reader)
        else:
            problems.append(_diagnostic(MISSING_KEY, say("event.needs_key", kind=say(f"event.a.{kind}"), key=key),
                                        path, line, key))
    for key, reader in optional.items():
        if key in record:
            read(key, reader)
    for key in record:
        if key not in _ALLOWED[cls]:
            allowed = ", ".join(f"`{k}`" for k in ("date", "kind", *required, *optional, "note"))
            problems.append(_diagnostic(UNKNOWN_KEY, say("event.unknown_key", kind=say(f"event.a.{kind}"),
                                                         allowed=allowed),
                                        path, line, shown(key) if isinstance(key, str) else key,
                                        help=_seller_id_help(key)))
    return problems


def _seller_id_help(key) -> Message | None:
    """For a misspelt `seller_id` (a key every event may carry, so not listed with the kind's)."""
    if suggestion(key, ["seller_id"]) or isinstance(key, str) and key.lower().startswith("seller"):
        return say("event.seller_id.help")
    return None


def _kinds_text() -> str:
    return ", ".join(f"\"{k}\"" for k in KINDS)


def _diagnostic(code: str, message: Message, path: str, line: int, key: str | None = None,
                help: Message | None = None) -> Diagnostic:
    return Diagnostic(code, message, path=path, line=line, key=key, help=help)


# ---- a whole file ------------------------------------------------------------

def parse_events(text: str, path: str = "<events>") -> EventLog:
    """JSON Lines text -> validated events, in ledger order."""
    return _validated(_records_of_lines(jsonnum.text_lines(text)), path)


def read_events(path: str | os.PathLike) -> EventLog:
    """The events of a JSON Lines file, read a line at a time (each at most
    `jsonnum.MAX_LINE` bytes)."""
    display = str(path)
    try:
        with open(path, "rb") as stream:
            return read_event_stream(stream, display)
    except OSError as exc:
        raise TspolError(_diagnostic(UNREADABLE, say("sources.cannot_read_file", reason=os_reason(exc)), display,
                                     None)) from None


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
            return _Unparsable(UNREADABLE, say("event.not_utf8", problem=jsonnum.utf8_problem(line, exc)))
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
    message: Message
    key: str | None = None


def _validated(numbered_records, path: str) -> EventLog:
    events, problems = [], []
    any_seller_id = False
    for line, record in numbered_records:
        if isinstance(record, _Unparsable):
            problems.append(_diagnostic(record.code, record.message, path, line, record.key))
            continue
        any_seller_id = any_seller_id or _names_a_seller(record)
        try:
            events.append(record if isinstance(record, Event) else event_from_record(record, line, path))
        except TspolError as exc:
            problems.extend(exc.diagnostics)
    problems.extend(_seller_id_problems(events, any_seller_id, path))
    for seller_events in _by_seller(events).values():
        problems.extend(_sequence_problems(seller_events, path))
    if problems:
        raise TspolError(sorted(problems, key=lambda d: (d.line or 0, d.key or "")))
    return EventLog(in_ledger_order(events), path)


def in_ledger_order(events: Iterable[Event]) -> list[Event]:
    """By date; events of one day keep their order (the file's): a stable sort (D12)."""
    return sorted(events, key=lambda event: event.date)


def _names_a_seller(record) -> bool:
    if isinstance(record, Event):
        return record.seller_id is not None
    return isinstance(record, dict) and "seller_id" in record


def _by_seller(events: list[Event]) -> dict:
    groups: dict = {}
    for event in events:
        groups.setdefault(event.seller_id, []).append(event)
    return groups


# ---- sellers -----------------------------------------------------------------

def _seller_id_problems(events: list[Event], any_seller_id: bool, path: str) -> list[Diagnostic]:
    """When one event names its seller, every event must; and each seller id is written one way."""
    if not any_seller_id:
        return []
    first = next((e for e in events if e.seller_id is not None), None)
    message = (say("event.seller_missing.example", line=first.line, seller=_shown(first.seller_id)) if first
               else say("event.seller_missing"))
    problems = [_diagnostic(MISSING_KEY, message, path, e.line, "seller_id") for e in events if e.seller_id is None]
    return problems + _seller_spelling_problems(events, path)


def _seller_spelling_problems(events: list[Event], path: str) -> list[Diagnostic]:
    """`7` and `"7"` name one seller in two ways, which is a mistake, not two sellers."""
    written: dict[str, Event] = {}  # the text of an id -> the first event naming it
    problems = []
    for event in events:
        if event.seller_id is None:
            continue
        text = str(event.seller_id)
        other = written.setdefault(text, event)
        if type(other.seller_id) is not type(event.seller_id):
            problems.append(_diagnostic(
                BAD_VALUE, say("event.seller_spelling", seller=_shown(event.seller_id), other=_shown(other.seller_id),
                               line=other.line), path, event.line, "seller_id"))
    return problems


# ---- one seller's events in ledger order ---------------------------------------

def _sequence_problems(events: list[Event], path: str) -> list[Diagnostic]:
    """One seller's events, in file order: unique ids (the first in the file defines one),
    then references resolved in ledger order (an event names one that comes before it)."""
    defined, problems = _definitions(events, path)
    events = in_ledger_order(events)
    position = {id(event): index for index, event in enumerate(events)}
    closed: dict[str, int] = {}  # hold id -> line of its investigation_closed
    linked: dict[str, int] = {}  # account -> line of its link
    for index, event in enumerate(events):
        reference = _reference_problem(event, index, defined, position, path)
        if reference is not None:
            problems.append(reference)
        elif isinstance(event, InvestigationClosedEvent):
            problems.extend(_once(event, event.hold, closed, "event.closed_twice", path))
        elif isinstance(event, LinkEvent):
            problems.extend(_once(event, event.account, linked, "event.linked_twice", path))
    return problems


def _definitions(events: list[Event], path: str) -> tuple[dict[str, Event], list[Diagnostic]]:
    """id -> the event that defines it (the first in the file), and the ids used again."""
    defined: dict[str, Event] = {}
    problems = []
    for event in events:
        own_id = getattr(event, "id", None)
        if own_id is None:
            continue
        if own_id in defined:
            problems.append(_diagnostic(
                DUPLICATE_ID, say("event.id_used", id=_shown(own_id), of_seller=_of_seller(event),
                                  line=defined[own_id].line), path, event.line, "id"))
        else:
            defined[own_id] = event
    return defined, problems


def _reference_problem(event: Event, index: int, defined, position, path) -> Diagnostic | None:
    """What is wrong with the id an appeal, a hold or an investigation_closed names, if anything."""
    if isinstance(event, (AppealEvent, HoldEvent)):
        key, wanted = "violation", (ViolationEvent, MetricsEvent)
    elif isinstance(event, InvestigationClosedEvent):
        key, wanted = "hold", (HoldEvent,)
    else:
        return None
    name = getattr(event, key)
    target = defined.get(name)
    if target is None:
        return _diagnostic(UNKNOWN_REFERENCE, say(f"event.not_an_id.{key}", name=_shown(name),
                                                  of_seller=_of_seller(event)), path, event.line, key)
    if not isinstance(target, wanted):
        return _diagnostic(UNKNOWN_REFERENCE, say(f"event.wrong_target.{key}", name=_shown(name),
                                                  target=say(f"event.a_defined.{_DEFINES[type(target)].split()[0]}")),
                           path, event.line, key)
    if position[id(target)] > index:
        return _diagnostic(OUT_OF_ORDER, _comes_after(event, target, name), path, event.line, key)
    return None


def _comes_after(event: Event, target: Event, name: str) -> Message:
    kind, target_kind = _KIND_OF[type(event)], _DEFINES[type(target)]
    fields = dict(name=_shown(name), target=say(f"event.defined.{target_kind.split()[0]}"), line=target.line,
                  kind=say(f"event.kind.{kind}"), date=event.date.isoformat())
    if target.date > event.date:
        return say("event.after", **fields, target_date=target.date.isoformat(), a_kind=say(f"event.a.{kind}"))
    return say("event.same_day", **fields)


def _once(event: Event, name: str, seen: dict[str, int], id: str, path: str) -> list[Diagnostic]:
    """The second event (in ledger order) that closes one investigation, or links one account."""
    key = "hold" if isinstance(event, InvestigationClosedEvent) else "account"
    if name in seen:
        return [_diagnostic(DUPLICATE_ID, say(id, name=_shown(name), line=seen[name]), path, event.line, key)]
    seen[name] = event.line
    return []


def _of_seller(event: Event) -> Message | str:
    return "" if event.seller_id is None else say("event.of_seller", seller=_shown(event.seller_id))
