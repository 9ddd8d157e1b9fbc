"""The points ledger: a seller's dated events -> its state on any day (`Ledger`);
many sellers' events, told apart by `seller_id`, -> a ledger each (`Ledgers`, D12).

Every number comes from the program (`program.ledger`, `program.appeals`,
`program.holds`); this module knows how a ledger works, not what the policy says.

- A violation scored on day D counts on days D .. D+expiry-1 (D1); `expires` is
  D+expiry, the first day it no longer counts.
- Active points of a day are the points of the violations counting that day; the
  `level` is the highest threshold they reach (0 if none).
- Scorings and expiries are taken a day at a time (calendar dates, no time of day):
  a threshold T is reached on day D when the active points of D-1 are below T and
  those of D are T or more. The measures of T start on D for their durations; when
  one day reaches several thresholds, only the highest's measures apply
  (`multiple thresholds apply highest`) or all of them (`... apply all`) (D7).
  A measure's `until` is its first day no longer in effect (start + its days), like
  `expires`; a permanent measure has none.
- A formal warning is due while active points are in [T-margin, T) (D7).
- At `deactivate at` points the seller is deactivated, for good; with
  `points freeze while deactivated` no point expires from that day on (D8).
- Appeals (§8, D2 inclusive): at most `attempts` valid appeals per violation, the
  first within `first within` days of the penalty, each next one within `next within`
  days of the previous rejection. A late or surplus appeal is recorded as invalid with
  the reason and changes nothing. An accepted appeal revokes the violation from its
  date on: the state of every later day is replayed from the first day without it,
  so the measures it caused are lifted and a seller it had deactivated is reactivated
  with its points recomputed. The days before the appeal keep their history.
- Fund holds (§7): held from the hold event for the chosen period, until the later
  (or earlier) of the period's end and the close of the investigation; an accepted
  appeal against the held violation releases the funds within `release within` days.
- Linked accounts (§4): with `linked accounts share enforcement`, every penalty of
  the seller on or after a `link` flags the linked account for joint enforcement.
- Versions (issue 11): of a pack with amendments, each day is ledgered by the version
  in force on it (`InForce`): an event is scored, a threshold reached (with its
  measures), deactivation reached, the level and warnings of a day read, a repeat
  weighed, an appeal judged and a hold's scenario found by the version of its day; a
  point expires by the version it was scored under (or a later one whose points
  already scored take its expiry). Linked accounts are the latest version's. A score
  ledger's score rules (start, cap, regain, floor) are the day's version's too
  (`_ScoreHistory`).
"""

from __future__ import annotations

import bisect
import datetime
import heapq
import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from fractions import Fraction

import attrs

from tspol.compiler import ir, portable
from tspol.diagnostics import ERROR, WARNING, Diagnostic, TspolError
from tspol.runtime import events as ev
from tspol.runtime import resets
from tspol.messages import Message, Words, points_said, say
from tspol.runtime.names import shown, suggestion

# NO_EVALUATOR: also: no region to evaluate a metrics event in
from tspol.codes import (
    EVENT_POINTS_OUTSIDE,
    EVENT_POINTS_NOT_IN_TABLE,
    OFF_CADENCE,
    UNKNOWN_RULE,
    LEDGER_UNKNOWN_REGION as UNKNOWN_REGION,
    HOLD_PERIOD,
    HOLD_SCENARIO,
    NO_EVALUATOR,
    NO_LEDGER,
    HOLD_AFTER_REVOCATION,
    NO_DATE,
    TOO_LATE,
    OTHER_REGION,
)

Evaluate = Callable[[Mapping, str], Mapping]


def _date(day: int) -> datetime.date:
    return datetime.date.fromordinal(day)


def _iso(day: int | None) -> str | None:
    return None if day is None else _date(day).isoformat()


def as_date(value, name: str = "on") -> datetime.date:
    """A date, or a `YYYY-MM-DD` string, as a date; `TspolError` naming `name` otherwise."""
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    try:
        return ev.parse_date(value)
    except ev.BadValue as bad:
        raise TspolError(Diagnostic(ev.BAD_VALUE, bad.message, key=name)) from None


# ---- the state of a day ------------------------------------------------------

@attrs.frozen
class Restriction:
    action: str  # a measure of a threshold, or "limit" (an order volume limit of a decision)
    start: datetime.date
    until: datetime.date | None  # first day no longer in effect; None: permanent
    threshold: int | None = None  # the threshold whose measure this is
    violation: str | None = None  # the violation whose limit this is
    limit: tuple | None = None  # (key, value) pairs: percent, basis (and daily_cap) of an order volume limit
    # issue 11: ("within", metric) of a measure until the metric is within its standard, or
    # ("level", threshold) of one while at the threshold's level; `until` is None until it ends
    lasts: tuple | None = None

    def to_dict(self) -> dict:
        record = {"action": self.action, "from": self.start.isoformat(),
                  "until": self.until.isoformat() if self.until else None}
        if self.lasts is not None:
            record["lasts"] = _lasts_text(self.lasts)
        if self.threshold is not None:
            record["threshold"] = self.threshold
        if self.violation is not None:
            record["violation"] = self.violation
        if self.limit is not None:
            record.update((k, v) for k, v in self.limit if k != "days")
        return record


@attrs.frozen
class Warning:
    threshold: int
    points_to_go: int

    def to_dict(self) -> dict:
        return {"threshold": self.threshold, "points_to_go": self.points_to_go}


@attrs.frozen
class ViolationState:
    id: str
    rules: tuple[str, ...]
    points: int
    scored: datetime.date
    expires: datetime.date | None  # first day it no longer counts; None: never (frozen, or no expiry)
    status: str  # active, expired, frozen (kept by deactivation), revoked
    revoked: datetime.date | None = None
    resets: bool = False  # `expires` is a calendar reset day (`points reset on ...`)
    repeats: tuple[str, ...] = ()  # the earlier violations it repeats (`for a repeat within`), its points with theirs

    def to_dict(self) -> dict:
        record = {"id": self.id, "points": self.points, "scored": self.scored.isoformat(),
                  "expires": self.expires.isoformat() if self.expires else None, "status": self.status,
                  "rules": list(self.rules), "revoked": self.revoked.isoformat() if self.revoked else None}
        if self.resets:
            record["resets"] = True
        if self.repeats:
            record["repeat_of"] = list(self.repeats)
        return record


@attrs.frozen
class AppealState:
    violation: str
    date: datetime.date
    outcome: str
    valid: bool
    reason: str | None  # why it is invalid
    attempt: int | None  # 1 for the first valid appeal of its violation, ...

    def to_dict(self) -> dict:
        return {"violation": self.violation, "date": self.date.isoformat(), "valid": self.valid,
                "reason": None if self.reason is None else str(self.reason), "outcome": self.outcome,
                "attempt": self.attempt}


@attrs.frozen
class HoldState:
    id: str
    violation: str
    scenario: str
    start: datetime.date
    days: int
    period_end: datetime.date
    investigation_closed: datetime.date | None
    until: datetime.date | None  # the day the funds are returned; None: not known yet
    status: str  # held, released (accepted appeal), ended (kept to the end)

    def to_dict(self) -> dict:
        return {"id": self.id, "violation": self.violation, "scenario": self.scenario,
                "from": self.start.isoformat(), "days": self.days, "period_end": self.period_end.isoformat(),
                "investigation_closed": self.investigation_closed.isoformat() if self.investigation_closed else None,
                "until": self.until.isoformat() if self.until else None, "status": self.status}


@attrs.frozen
class LinkState:
    account: str
    since: datetime.date
    joint_enforcement: bool
    penalties: tuple[str, ...]  # violations of this seller that flag the account

    def to_dict(self) -> dict:
        return {"account": self.account, "since": self.since.isoformat(),
                "joint_enforcement": self.joint_enforcement, "penalties": list(self.penalties)}


@attrs.frozen
class OffCadence:
    """A metrics event dated on a day some rule it decides is not evaluated (issue 11, evaluation cadence)."""

    event: ev.Event = attrs.field(eq=False, repr=False)
    id: str
    date: datetime.date
    rules: tuple[str, ...]

    def to_dict(self) -> dict:
        return {"id": self.id, "date": self.date.isoformat(), "rules": list(self.rules)}


@attrs.frozen
class State:
    on: datetime.date
    region: str | None
    active_points: int
    level: int
    deactivated: bool
    deactivated_on: datetime.date | None
    restrictions: tuple[Restriction, ...]
    warnings: tuple[Warning, ...]
    violations: tuple[ViolationState, ...]
    appeals: tuple[AppealState, ...]
    holds: tuple[HoldState, ...]
    linked: tuple[LinkState, ...]
    off_cadence: tuple[OffCadence, ...] | None = None  # None: the pack states no cadence (no key)
    score: int | None = None  # issue 11: a score ledger's score (None: a points ledger, no key)
    # issue 11: the open-ended measures that ended that day (a timeline's, to say why); not in to_dict
    ended: tuple[Restriction, ...] = attrs.field(default=(), eq=False, repr=False)

    def to_dict(self) -> dict:
        record = {
            "on": self.on.isoformat(),
            "region": self.region,
            "active_points": self.active_points,
            **({"score": self.score} if self.score is not None else {}),
            "level": self.level,
            "deactivated": self.deactivated,
            "deactivated_on": self.deactivated_on.isoformat() if self.deactivated_on else None,
            "restrictions": [r.to_dict() for r in self.restrictions],
            "warnings": [w.to_dict() for w in self.warnings],
            "violations": [v.to_dict() for v in self.violations],
            "appeals": [a.to_dict() for a in self.appeals],
            "holds": [h.to_dict() for h in self.holds],
            "linked": [link.to_dict() for link in self.linked],
        }
        if self.off_cadence is not None:
            record["off_cadence"] = [o.to_dict() for o in self.off_cadence]
        return record


@attrs.frozen
class TimelineRow:
    """A day on which something happens, with the state at its end."""

    date: datetime.date
    active_points: int
    level: int
    deactivated: bool
    changes: tuple[str, ...]
    score: int | None = None  # issue 11: a score ledger's score (None: a points ledger, no key)

    def to_dict(self) -> dict:
        return {"date": self.date.isoformat(), "active_points": self.active_points,
                **({"score": self.score} if self.score is not None else {}), "level": self.level,
                "deactivated": self.deactivated, "changes": [str(change) for change in self.changes]}


# ---- what the events become --------------------------------------------------

@attrs.frozen
class _Scored:
    """A violation that scored: from a violation event, or the decision of a metrics event."""

    event: ev.Event
    id: str
    day: int
    points: int
    rules: tuple[str, ...]
    reasons: tuple[str, ...]
    limits: tuple[Mapping, ...] = ()  # the `limit` dicts of the decision's violations
    rule_points: tuple[int, ...] = ()  # the points of each of `rules`; () for one rule: `points`
    repeats: tuple[str, ...] = ()  # the earlier violations it repeats: `points` counts the repeat's weight


# ---- versions in one pack (issue 11: versions) ---------------------------------------

@attrs.frozen
class InForce:
    """A version of the pack as a ledger reads it: in force from day `since` (an ordinal)
    until the next one's; its program, the `evaluate` of its metrics events, and whether
    the points scored before it take its expiry (else they keep the one they were scored
    under). A ledger of one version has one, in force from the first day."""

    since: int
    program: ir.Program
    evaluate: Evaluate | None
    takes_new_expiry: bool = False


def _expires_by_versions(versions: tuple[InForce, ...], day: int) -> tuple[int | None, ir.LedgerIR]:
    """The first day a point scored on `day` no longer counts, and the ledger that says so:
    the ledger of the version in force that day, then of each later version whose points
    already scored take its expiry (from its first day, and only while the point still
    counts then)."""
    rules = _in_force(versions, day).program.ledger
    expires = resets.expires(rules, day)
    for later in versions:
        if later.since <= day or not later.takes_new_expiry or (expires is not None and expires <= later.since):
            continue
        rules = later.program.ledger
        new = resets.expires(rules, day)
        expires = None if new is None else max(new, later.since)
    return expires, rules


def _in_force(versions: tuple[InForce, ...], day: int) -> InForce:
    found = versions[0]
    for version in versions:
        if version.since <= day:
            found = version
    return found


@attrs.frozen
class _Appeal:
    event: ev.AppealEvent
    day: int
    valid: bool
    reason: str | None
    attempt: int | None


@attrs.frozen
class _Hold:
    event: ev.HoldEvent
    scenario: ir.HoldIR
    day: int
    closed: int | None  # the day its investigation closed


@attrs.frozen
class _Imposed:
    """A restriction of a replay, in day numbers."""

    start: int
    until: int | None
    action: str
    threshold: int | None = None
    violation: str | None = None
    limit: tuple | None = None  # (key, value) pairs of a decision's limit
    extension: int | None = None  # days it is extended by on each new violation (issue 11)
    since: int | None = None  # for an extension: the first day of the measure it extends
    lasts: tuple | None = None  # issue 11: ("within", metric) or ("level", threshold), open-ended
    ended: bool = False  # issue 11: the end of an open-ended measure, from `start` (then `until`)

    @property
    def first_day(self) -> int:
        return self.start if self.since is None else self.since

    def restriction(self) -> Restriction:
        return Restriction(self.action, _date(self.first_day), _date(self.until) if self.until is not None else None,
                           self.threshold, self.violation, self.limit, self.lasts)


class _History:
    """One epoch's history of the live violations from the first day: active points day
    by day, the day of deactivation and the measures of the thresholds reached.

    It is swept a day at a time, only as far as asked (`to(day)`). Moving on to a later
    epoch revokes that epoch's violations and rewinds the sweep to the first day one of
    them scored, the first day the history can differ; as an accepted appeal comes
    within the policy's appeal windows of its penalty, a timeline through every epoch
    sweeps each day a bounded number of times, not once per epoch. An earlier epoch
    takes a new history (`Ledger._history_at`)."""

    def __init__(self, ledger: Ledger):
        self.ledger = ledger
        self.scoring: dict[int, int] = defaultdict(int)  # day -> points the live violations score that day
        self.expiring: dict[int, int] = defaultdict(int)  # day -> points of theirs that stop counting that day
        for scored in ledger._scored.values():
            self._count(scored, 1)
        self.sweep_days = sorted(self.scoring.keys() | self.expiring.keys() | ledger._within_days())
        self.swept = 0  # sweep_days[:swept] are swept
        self.epoch = 0
        self.days: list[int] = []  # the days active points change ...
        self.points: list[int] = []  # ... and the active points from each
        self.deactivated_on: int | None = None
        self.measures: list[_Imposed] = []  # in order of start
        self.measure_starts: list[int] = []
        thresholds = [t for v in ledger.versions for t in v.program.ledger.thresholds]
        self.extending = any(t.extensions for t in thresholds)  # issue 11
        self.open_ended = any(t.until_within or t.while_level for t in thresholds)  # issue 11
        self.rewound_to: int | None = None  # the earliest day rewound to, since `take_rewind`
        self.new_ends: list[int] | None = None  # a list to collect the ends of new measures in

    def _count(self, scored: _Scored, sign: int) -> None:
        self.scoring[scored.day] += sign * scored.points
        expires = self.ledger._expires(scored)
        if expires is not None:
            self.expiring[expires] += sign * scored.points

    def to(self, day: int) -> None:
        """Move on to the epoch of `day` (not before this history's) and sweep through `day`."""
        epoch = self.ledger._epoch(day)
        assert epoch >= self.epoch, "an earlier epoch takes a new history"
        while self.epoch < epoch:
            self._revoke(self.ledger._revoked_on[self.ledger._bounds[self.epoch]])
            self.epoch += 1
        while self.swept < len(self.sweep_days) and self.sweep_days[self.swept] <= day:
            self._sweep_day(self.sweep_days[self.swept])
            self.swept += 1

    def _revoke(self, revoked: list[_Scored]) -> None:
        for scored in revoked:
            self._count(scored, -1)
        self._rewind(min(scored.day for scored in revoked))

    def _rewind(self, day: int) -> None:
        """Forget what was swept from `day` on."""
        del self.points[bisect.bisect_left(self.days, day):]
        del self.days[len(self.points):]
        kept = bisect.bisect_left(self.measure_starts, day)
        del self.measures[kept:], self.measure_starts[kept:]
        if self.deactivated_on is not None and self.deactivated_on >= day:
            self.deactivated_on = None
        self.swept = min(self.swept, bisect.bisect_left(self.sweep_days, day))
        self.rewound_to = day if self.rewound_to is None else min(self.rewound_to, day)

    def _sweep_day(self, day: int) -> None:
        """The active points at the end of `day` from those of the day before (no point
        expires while deactivated, with `points freeze while deactivated`), and what the
        thresholds reached that day impose (D7, D8)."""
        previous = self.points[-1] if self.points else 0
        points = previous
        if not self.ledger._freezes(self.deactivated_on):
            points -= self.expiring.get(day, 0)
        points += self.scoring.get(day, 0)
        if self.extending and self.scoring.get(day, 0) > 0:
            self._extend(day)
        if self.open_ended:
            self._end_open(day, points)
        if points == previous:
            return
        self.days.append(day)
        self.points.append(points)
        if points < previous:
            return
        rules = self.ledger._rules_on(day)  # versions: the thresholds of the version in force that day
        reached = [t for t in self.ledger._thresholds_on(day) if previous < t.points <= points]
        for threshold in (reached if rules.crossing == "all" else reached[-1:]):
            extensions = dict(threshold.extensions)
            for measure, length in threshold.measures:
                self._impose(_Imposed(day, day + length if length is not None else None, measure, threshold.points,
                                      extension=extensions.get(measure), lasts=_lasts(threshold, measure)))
        deactivate_at = rules.deactivate_at
        if self.deactivated_on is None and deactivate_at is not None and points >= deactivate_at:
            self.deactivated_on = day

    def _extend(self, day: int) -> None:
        """A new violation on `day` extends each measure in effect that started before it and
        is `extended by N on each new violation`: a new imposition from `day`, N days past
        the measure's end, that stands for it (`_in_order`); a rewind takes it away (issue 11)."""
        for latest in _latest(self.measures).values():
            if latest.extension is not None and latest.first_day < day and _in_effect(latest, day):
                self._impose(attrs.evolve(latest, start=day, until=latest.until + latest.extension,
                                          since=latest.first_day))

    def _end_open(self, day: int, points: int) -> None:
        """Each open-ended measure in effect that started before `day` ends on it: one until a
        metric is within its standard when a metrics event that day finds it so, one while at
        its threshold's level when the points end the day below it. Its end is an imposition
        from `day` that stands for it (`_latest`); a rewind takes it away (issue 11)."""
        for latest in list(_latest(self.measures).values()):
            if latest.lasts is None or latest.ended or latest.first_day >= day:
                continue
            kind, what = latest.lasts
            if (kind == "within" and day in self.ledger._within.get(what, ())) or (kind == "level" and points < what):
                self._impose(attrs.evolve(latest, start=day, until=day, since=latest.first_day, ended=True))

    def _impose(self, measure: _Imposed) -> None:
        self.measures.append(measure)
        self.measure_starts.append(measure.start)
        if self.new_ends is not None and measure.until is not None:
            self.new_ends.append(measure.until)

    def points_on(self, day: int) -> int:
        index = bisect.bisect_right(self.days, day) - 1
        return self.points[index] if index >= 0 else 0

    def score_on(self, day: int) -> int | None:
        """A points ledger has no score (`_ScoreHistory`'s has, issue 11)."""
        return None

    def deactivated_by(self, day: int) -> int | None:
        """The day the seller was deactivated, if it is `day` or before."""
        return self.deactivated_on if self.deactivated_on is not None and self.deactivated_on <= day else None

    def measures_by(self, day: int) -> list[_Imposed]:
        """The measures started on `day` or before."""
        return self.measures[:bisect.bisect_right(self.measure_starts, day)]

    def take_rewind(self) -> int | None:
        """The earliest day rewound to since the last call, if any."""
        day, self.rewound_to = self.rewound_to, None
        return day

    def take_new_ends(self) -> list[int]:
        """The ends of the measures imposed since the last call."""
        ends, self.new_ends = self.new_ends, []
        return ends


# ---- a more general ledger (issue 11): signed scores -------------------------------

def _new_history(ledger: Ledger) -> _History:
    """The history of a points ledger, or of a score ledger (`score starts at`)."""
    return _History(ledger) if ledger.program.ledger.score is None else _ScoreHistory(ledger)


class _ScoreHistory(_History):
    """The history of a score ledger: the score starts at `start`; a violation takes its
    points from it on the day it scores (they never expire: `points` are the live
    violations' points); every `regain_days` days after the latest violation, with no
    violation since, it regains `regain_points`, up to the cap, unless the seller is
    deactivated. A threshold T is crossed when the score falls from T or more to below
    T: its measures start that day (the lowest T of a day's, with `... apply highest`);
    at `deactivate_at` or below, the seller is deactivated for good (as in a points ledger,
    an accepted appeal replays the history without the violation).

    Versions (issue 11): each day takes the score rules of the version in force on it.
    Before the first violation the score is the start of the day's version; on a
    version's first day a score above its cap is held to the cap (crossing nothing: a
    threshold is crossed, and the floor reached, by a violation's points); a day regains
    by the period, points and cap of its version (a whole number of its periods after
    the latest violation); a fall deactivates at the floor of its day's version.

    A regain day is swept when the day before it in its chain (a violation, a regain or
    a version's first day) is: it is added to the sweep days then, and given to
    `_DaysOfChange` as a new end."""

    def __init__(self, ledger: Ledger):
        super().__init__(ledger)
        self.starts = [v.since for v in ledger.versions[1:]]  # the first days of later versions
        self.sweep_days = sorted(set(self.sweep_days) | set(self.starts))
        self.score_days: list[int] = []  # the days the score changes ...
        self.scores: list[int] = []  # ... and the score from each
        self.by_version: dict[int, tuple[int, int]] = {}  # a version's first day -> the score it changed from, to
        self.last_violation: int | None = None  # the latest day swept that a live violation scored

    def rule_on(self, day: int) -> ir.ScoreIR:
        """The score rules of the version in force on `day`."""
        return self.ledger._rules_on(day).score

    def score_on(self, day: int) -> int:
        index = bisect.bisect_right(self.score_days, day) - 1
        return self.scores[index] if index >= 0 else self.rule_on(day).start

    def version_change(self, day: int) -> tuple[int, int] | None:
        """The score before and after a version's first day held it to its cap or gave it
        its start, if `day` is such a day (before what a violation or regain does that day)."""
        return self.by_version.get(day)

    def _rewind(self, day: int) -> None:
        super()._rewind(day)
        del self.scores[bisect.bisect_left(self.score_days, day):]
        del self.score_days[len(self.scores):]
        self.by_version = {d: change for d, change in self.by_version.items() if d < day}
        self.last_violation = max((d for d, points in self.scoring.items() if d < day and points > 0), default=None)

    def _sweep_day(self, day: int) -> None:
        scoring = self.scoring.get(day, 0)
        if scoring:
            self.days.append(day)
            self.points.append((self.points[-1] if self.points else 0) + scoring)
        if scoring > 0:
            if self.extending:
                self._extend(day)
            self.last_violation = day
        rule = self.rule_on(day)
        previous = self.score_on(day)  # the day's start: the day before's score, or the start of its version
        held = min(previous, rule.cap)  # a version's lower cap holds the score from its first day
        if day in self.starts and self.score_on(day - 1) != held:
            self.by_version[day] = (self.score_on(day - 1), held)
        regains = self._regains_on(day, held, rule)
        score = min(rule.cap, held + rule.regain_points) if regains else held - scoring
        self._next_regain(day, score, rule)
        if score == previous:
            return
        self.score_days.append(day)
        self.scores.append(score)
        if score < held:
            self._crossed(day, held, score)

    def _regains_on(self, day: int, score: int, rule: ir.ScoreIR) -> bool:
        """Whether `day` is a regain day: a whole number of its version's periods after the
        latest violation, none that day, the score under its cap and the seller not deactivated."""
        every = rule.regain_days
        return (every is not None and self.last_violation is not None and day > self.last_violation
                and (day - self.last_violation) % every == 0 and score < rule.cap
                and self.deactivated_on is None)

    def _next_regain(self, day: int, score: int, rule: ir.ScoreIR) -> None:
        """Sweep the next day after `day` that may regain by the version of `day`; one past
        that version's last day is left to the next version's first day, a sweep day."""
        every = rule.regain_days
        if every is None or self.last_violation is None or score >= rule.cap or self.deactivated_on is not None:
            return
        regain = day + every - (day - self.last_violation) % every
        following = bisect.bisect_right(self.starts, day)
        if following < len(self.starts) and regain >= self.starts[following]:
            return
        at = bisect.bisect_left(self.sweep_days, regain)
        if at == len(self.sweep_days) or self.sweep_days[at] != regain:
            self.sweep_days.insert(at, regain)
        if self.new_ends is not None:
            self.new_ends.append(regain)

    def _crossed(self, day: int, previous: int, score: int) -> None:
        """The thresholds the score fell below on `day` impose their measures (the lowest's,
        with `multiple thresholds apply highest`); at the floor, deactivation (both of the
        version in force that day)."""
        rules = self.ledger._rules_on(day)
        reached = [t for t in self.ledger._thresholds_on(day) if score < t.points <= previous]
        for threshold in (reached if rules.crossing == "all" else reached[:1]):
            extensions = dict(threshold.extensions)
            for measure, length in threshold.measures:
                self._impose(_Imposed(day, day + length if length is not None else None, measure, threshold.points,
                                      extension=extensions.get(measure), lasts=_lasts(threshold, measure)))
        floor = rules.score.deactivate_at
        if self.deactivated_on is None and floor is not None and score <= floor:
            self.deactivated_on = day


class Ledger:
    """A seller's ledger under a program.

    `events` is a path to a JSON Lines file, or an iterable of event dicts (record
    N is line N) or of `tspol.runtime.events.Event`, in any order: they are taken in
    ledger order (D12: by date, the file's order within a day). They are one seller's:
    events of several sellers (`seller_id`) are a ValueError, `Ledgers`' to read.
    `evaluate(metrics, region)` returns the decision dict of a metrics event; it is
    needed only if there are metrics events. Bad events raise `TspolError` naming their
    line and key.

    The seller's region is `region`; else the policy's only region; else the one
    its metrics events name (`"region"`, as on a line of `tspol eval`). A metrics
    event naming another region is an error; so is a metrics event when none of
    these says the region.

    Bad metrics are what `evaluate` raises as a `TspolError` (tspol's evaluators),
    a `tspol.compiler.portable.MetricsError`, or `metrics_error`: the MetricsError
    class of a compiled module, found by itself when `evaluate` is that module's
    `evaluate`. Anything else `evaluate` raises is a bug and is left to propagate.
    """

    def __init__(self, program: ir.Program, events, region: str | None = None,
                 evaluate: Evaluate | None = None, path: str | None = None,
                 metrics_error: type[Exception] | None = None, versions: tuple[InForce, ...] | None = None):
        self.program = program
        self.versions = versions or (InForce(0, program, evaluate),)
        self.events = _as_events(events, path or "<events>")
        self.path = path or self.events.path
        self.seller_id = _one_seller(self.events, self.path)
        _check_policy(program, region, self.path)
        self._thresholds_in = {v.since: tuple(sorted(v.program.ledger.thresholds, key=lambda t: t.points))
                               for v in self.versions}
        problems: list[Diagnostic] = list(self._date_problems())
        self.region = self._seller_region(region, problems)
        self._reasons = _reasons_by_name(program, self.region)
        self._reasons_in = {v.since: _reasons_by_name(v.program, self.region) for v in self.versions}
        self._stated = {r.name: r for r in program.reasons if r.points_range is not None}
        self._rule_points = _rule_points(program, self.region)
        self._cadences = _cadences(program, self.region)
        self._evaluated: dict[str, tuple[str, ...]] = {}  # metrics event id -> rules with a cadence it decided
        self._metrics_errors = tuple({e for v in self.versions for e in _metrics_errors(v.evaluate, metrics_error)})
        self._warned: dict[str, tuple[str, ...]] = {}  # metrics event id -> rules whose rows warned
        self._until_within = {m for v in self.versions for t in v.program.ledger.thresholds
                              for _, m in t.until_within}  # issue 11, in any version
        self._within: dict[str, set[int]] = defaultdict(set)  # metric -> days a metrics event finds it within
        self._scored = self._score(problems)
        if problems:
            raise TspolError(problems)
        self.off_cadence = tuple(self._off_cadence())
        self.warnings = tuple(self._diagnostic(OFF_CADENCE, say("ledger.off_cadence", rule=rule, date=o.date.isoformat(),
                                                                cadence=self._cadences[rule].written()),
                                               o.event, "date", severity=WARNING)
                              for o in self.off_cadence for rule in o.rules)
        self._appeals = self._judge_appeals()
        self._appeal_on_line = {a.event.line: a for a in self._appeals}
        self._appeals_of: dict[str, list[_Appeal]] = defaultdict(list)  # violation id -> its valid appeals
        for appeal in self._appeals:
            if appeal.valid:
                self._appeals_of[appeal.event.violation].append(appeal)
        self._link_events = tuple(e for e in self.events if isinstance(e, ev.LinkEvent))
        accepted = [a for a in self._appeals if a.valid and a.event.outcome == "accepted"]
        self._revoked = {a.event.violation: a.day for a in accepted}
        self._scored = self._with_repeats()
        self._holds = self._resolve_holds({a.event.line for a in accepted}, problems)
        if problems:
            raise TspolError(problems)
        self._bounds = sorted(set(self._revoked.values()))
        self._revoked_on: dict[int, list[_Scored]] = defaultdict(list)  # day -> the violations revoked that day
        for id, day in self._revoked.items():
            self._revoked_on[day].append(self._scored[id])
        self._limits = sorted((_limit(s, limit) for s in self._scored.values() for limit in s.limits),
                              key=lambda r: r.start)  # stable: on one day, in the order of the events
        self._limit_starts = [r.start for r in self._limits]
        self._history: _History | None = None

    # ---- building --------------------------------------------------------

    def _score(self, problems: list) -> dict[str, _Scored]:
        """The violations that scored, by id, from violation and metrics events, each by
        the version in force on its date."""
        scored = {}
        for event in self.events:
            version = _in_force(self.versions, event.date.toordinal())
            if isinstance(event, ev.ViolationEvent):
                record = self._score_violation(event, version, problems)
            elif isinstance(event, ev.MetricsEvent):
                record = self._score_metrics(event, version, problems)
            else:
                continue
            if record is not None:
                scored[record.id] = record
        return scored

    def _seller_region(self, given: str | None, problems: list) -> str | None:
        """The region given, else the policy's only one, else the first a metrics event names;
        every metrics event naming another (or an unknown) region is a problem."""
        known = self.program.region_names
        only = known[0] if len(known) == 1 else None
        chosen, source = (given, "given") if given is not None else (only, "only")
        for event in self.events:
            if not isinstance(event, ev.MetricsEvent) or event.region is None:
                continue
            if event.region not in known:
                problems.append(self._diagnostic(UNKNOWN_REGION, _unknown_region(event.region, known), event, "region"))
            elif chosen is None:
                chosen, source = event.region, event.line
            elif event.region != chosen:
                why = (say(f"ledger.region_{source}") if source in ("given", "only")
                       else say("ledger.region_line", line=source, region=chosen))
                problems.append(self._diagnostic(
                    OTHER_REGION, say("ledger.other_region", region=chosen, why=why, other=event.region),
                    event, "region"))
        return chosen

    def _date_problems(self):
        """Dates so late that the policy's periods would run past the calendar's end."""
        extension = max((days for v in self.versions for t in v.program.ledger.thresholds
                         for _, days in t.extensions), default=0)
        horizon = max(_horizon(v.program) for v in self.versions)  # issue 11: versions
        last = datetime.date.max.toordinal() - horizon - extension * len(self.events)  # issue 11
        for event in self.events:
            if event.date.toordinal() > last:
                yield self._diagnostic(TOO_LATE, say("ledger.too_late", date=event.date.isoformat(),
                                                     last=datetime.date.max.isoformat()), event, "date")

    def _diagnostic(self, code, message, event: ev.Event, key: str | None, help: Message | None = None,
                    severity: str = ERROR) -> Diagnostic:
        from tspol.runtime.wording import said

        return Diagnostic(code, said(code, message), severity=severity, path=self.path, line=event.line, key=key,
                          help=help)

    def _score_violation(self, event: ev.ViolationEvent, version: InForce, problems: list) -> _Scored | None:
        reason = self._reasons_in[version.since].get(event.rule)
        if reason is None:
            problems.append(self._unknown_rule(event, version.program))
            return None
        problem = self._points_problem(event, reason)
        if problem is not None:
            problems.append(problem)
            return None
        return _Scored(event, event.id, event.date.toordinal(), event.points, (event.rule,),
                       (reason,) if reason else ())

    # ---- issue 11, evaluation cadence
    def _off_cadence(self):
        """The metrics events dated on a day that a rule they decide is not evaluated."""
        for event in self.events:
            if isinstance(event, ev.MetricsEvent):
                rules = tuple(rule for rule in self._evaluated.get(event.id, ())
                              if not self._cadences[rule].evaluates_on(event.date))
                if rules:
                    yield OffCadence(event, event.id, event.date, rules)

    def _off_cadence_on(self, day: int) -> tuple[OffCadence, ...] | None:
        """The state's `off_cadence`: None (no key) for a pack whose rules state no cadence."""
        if not self._cadences:
            return None
        return tuple(o for o in self.off_cadence if o.date.toordinal() <= day)

    # ---- issue 11, points from the catalogue
    def _points_problem(self, event: ev.ViolationEvent, reason: str) -> Diagnostic | None:
        """A violation's points outside its reason's stated points, or, for a rule citing
        such a reason, points no row of the rule's tables scores."""
        stated = self._stated.get(reason)
        if stated is None:
            return None
        if not stated.allows(event.points):
            return self._diagnostic(EVENT_POINTS_OUTSIDE, say(
                "ledger.points_outside", points=points_said(event.points), reason=reason,
                range=ir.points_text(stated.points_range)), event, "points")
        given = self._rule_points.get(event.rule)
        if given is not None and event.points not in given:
            return self._diagnostic(EVENT_POINTS_NOT_IN_TABLE, say(
                "ledger.points_not_in_table", points=points_said(event.points), rule=event.rule,
                given=Words([str(p) for p in sorted(given)], ",")), event, "points")
        return None

    def _unknown_rule(self, event: ev.ViolationEvent, program: ir.Program) -> Diagnostic:
        regions = [r for r in program.regions if self.region is None or r.name == self.region]
        rules = sorted({rule.name for r in regions for rule in r.rules})
        elsewhere = sorted({r.name for r in program.regions for rule in r.rules if rule.name == event.rule})
        if elsewhere:
            message = say("ledger.rule_elsewhere", rule=event.rule, region=self.region,
                          regions=Words(elsewhere, ","))
        else:
            message = say("ledger.unknown_rule", rule=shown(event.rule))
        close = None if elsewhere else suggestion(event.rule, rules + [r.name for r in program.reasons])
        return self._diagnostic(UNKNOWN_RULE, message, event, "rule",
                                help=say("did_you_mean", names=Words([f"`{close}`"])) if close else None)

    def _score_metrics(self, event: ev.MetricsEvent, version: InForce, problems: list) -> _Scored | None:
        """The decision of the day as a violation; None when it scored nothing (or on a problem)."""
        evaluate = version.evaluate
        if evaluate is None:
            problems.append(self._diagnostic(NO_EVALUATOR, say("ledger.no_evaluator"), event, "metrics"))
            return None
        if self.region is None and event.region is not None:
            return None  # its unknown region is already a problem of this event
        if self.region is None:
            problems.append(self._diagnostic(
                NO_EVALUATOR, say("ledger.no_region"), event, "region",
                help=say("ledger.no_region.help", regions=Words(self.program.region_names, ","))))
            return None
        try:
            decision = evaluate(event.metrics, self.region)
        except TspolError as exc:
            problems.extend(self._diagnostic(d.code, d.message, event, _metrics_key(d.key), d.help)
                            for d in exc.diagnostics)
            return None
        except self._metrics_errors as exc:  # a ValueError with the stable .code, the .key and the .message
            problems.append(self._diagnostic(exc.code, exc.message, event, _metrics_key(exc.key)))
            return None
        if self._until_within:
            self._note_within(event, decision, version.program)
        absent = {n["rule"] for n in decision.get("not_applicable", ()) if n.get("cause") == "absent"}
        self._evaluated[event.id] = tuple(rule for rule in self._cadences if rule not in absent)
        violations = decision.get("violations", ())
        self._warned[event.id] = tuple(v["rule"] for v in violations if v.get("warning"))
        limits = tuple(v["limit"] for v in violations if v.get("limit"))
        if decision.get("points", 0) <= 0 and not limits:
            return None
        scoring = [v for v in violations if v.get("points") or v.get("limit")]
        rules = tuple(v["rule"] for v in scoring)
        reasons = tuple(r for r in (self._reasons_in[version.since].get(rule) for rule in rules) if r)
        return _Scored(event, event.id, event.date.toordinal(), decision["points"], rules, reasons, limits,
                       tuple(v.get("points") or 0 for v in scoring))

    # -- a more general ledger (issue 11): measures until a metric is within its standard
    def _note_within(self, event: ev.MetricsEvent, decision: Mapping, program: ir.Program) -> None:
        """The metrics of `_until_within` this decision finds within their standard: a rule of
        the region on the metric that had it (not not-applicable) and found nothing outside."""
        region = next((r for r in program.regions if r.name == self.region), None)
        unknown = {(n["rule"], n["metric"]) for n in decision.get("not_applicable", ())}
        outside = {(f["rule"], f["metric"]) for f in decision.get("findings", ())}
        for rule in (region.rules if region is not None else ()):
            metric = program.metric(rule.metric) if rule.metric in self._until_within else None
            if metric is not None and metric.standard is not None \
                    and (rule.name, metric.name) not in unknown | outside:
                self._within[metric.name].add(event.date.toordinal())

    def _within_days(self) -> set[int]:
        return set().union(*self._within.values())

    # -- a more general ledger (issue 11): repeats
    def _with_repeats(self) -> dict[str, _Scored]:
        """The violations with the weight of their repeats (`points double for a repeat within N days`): a
        rule's points count twice (or M more) in a violation that scores within N days
        (D2: inclusive) after an earlier one of that rule, in ledger order, not revoked
        by that day (an appeal accepted later leaves the repeat as it was scored). The
        repeat rule is that of the version in force on the day the repeat scores."""
        if all(v.program.ledger.repeat is None for v in self.versions):
            return self._scored
        earlier: dict[str, list[_Scored]] = defaultdict(list)  # rule -> its violations so far
        weighed = {}
        for scored in self._scored.values():
            extra, repeated = 0, []
            repeat = self._rules_on(scored.day).repeat
            for rule, points in zip(scored.rules, scored.rule_points or (scored.points,)):
                last = None if repeat is None else self._repeated(earlier[rule], scored.day, repeat.within_days)
                if last is not None and points > 0:
                    extra += points if repeat.adds is None else repeat.adds
                    repeated.append(last.id)
                earlier[rule].append(scored)
            weighed[scored.id] = (attrs.evolve(scored, points=scored.points + extra,
                                               repeats=tuple(dict.fromkeys(repeated))) if extra else scored)
        return weighed

    def _repeated(self, earlier: list[_Scored], day: int, within: int) -> _Scored | None:
        """The latest of `earlier` scored within `within` days before `day` and live on it."""
        for scored in reversed(earlier):
            if day - scored.day > within:
                return None
            if self._live(scored.id, day):
                return scored
        return None

    def _judge_appeals(self) -> tuple[_Appeal, ...]:
        """Each appeal judged by the `appeals` of the version in force on its date."""
        attempts: dict[str, int] = defaultdict(int)
        rejected: dict[str, int] = {}
        revoked: dict[str, int] = {}
        judged = []
        for event in self.events:
            if not isinstance(event, ev.AppealEvent):
                continue
            day, target = event.date.toordinal(), event.violation
            appeals = self._program_on(day).appeals  # versions: the appeal's day's
            reason = self._appeal_problem(event, day, appeals, attempts[target], rejected.get(target),
                                          revoked.get(target))
            attempt = None
            if reason is None:
                attempts[target] += 1
                attempt = attempts[target]
                if event.outcome == "accepted":
                    revoked[target] = day
                else:
                    rejected[target] = day
            judged.append(_Appeal(event, day, reason is None, reason, attempt))
        return tuple(judged)

    def _appeal_problem(self, event, day, appeals: ir.AppealsIR | None, attempts: int,
                        rejected: int | None, revoked: int | None) -> Message | None:
        """Why this appeal is invalid, or None when it is valid."""
        scored = self._scored.get(event.violation)
        if scored is None:
            return say("ledger.appeal.nothing", violation=event.violation)
        if appeals is None:
            return say("ledger.appeal.none_allowed")
        if revoked is not None:
            return say("ledger.appeal.revoked", date=_iso(revoked))
        if attempts >= appeals.attempts:
            return say("ledger.appeal.surplus", attempts=appeals.attempts, date=_iso(rejected))
        if attempts == 0:
            deadline = scored.day + appeals.first_within_days
            if day > deadline:
                return say("ledger.appeal.late_first", days=appeals.first_within_days, date=_iso(scored.day),
                           deadline=_iso(deadline))
            return None
        deadline = rejected + appeals.next_within_days
        if day > deadline:
            return say("ledger.appeal.late_next", days=appeals.next_within_days, date=_iso(rejected),
                       deadline=_iso(deadline))
        return None

    def _resolve_holds(self, accepted_lines: set[int], problems: list) -> list[_Hold]:
        """Each hold with its scenario and the day its investigation closed; a hold after
        (in ledger order) the accepted appeal that revoked its violation is a problem."""
        closes = {e.hold: e.date.toordinal() for e in self.events if isinstance(e, ev.InvestigationClosedEvent)}
        revoked_on_line: dict[str, int] = {}  # violation id -> line of the accepted appeal that revoked it
        holds = []
        for event in self.events:
            if isinstance(event, ev.AppealEvent) and event.line in accepted_lines:
                revoked_on_line[event.violation] = event.line
            if not isinstance(event, ev.HoldEvent):
                continue
            scenario = self._hold_scenario(event, self._scored.get(event.violation), problems)
            if scenario is None:
                continue
            if not scenario.shortest_days <= event.days <= scenario.longest_days:
                problems.append(self._diagnostic(
                    HOLD_PERIOD, say("ledger.hold_period", scenario=scenario.name, shortest=scenario.shortest_days,
                                     longest=scenario.longest_days, days=event.days), event, "days"))
            elif event.violation in revoked_on_line:
                problems.append(self._diagnostic(
                    HOLD_AFTER_REVOCATION, say("ledger.hold_after_revocation", violation=event.violation,
                                               line=revoked_on_line[event.violation]), event, "violation"))
            else:
                holds.append(_Hold(event, scenario, event.date.toordinal(), closes.get(event.id)))
        return holds

    def _hold_scenario(self, event: ev.HoldEvent, scored: _Scored | None, problems: list) -> ir.HoldIR | None:
        """The hold scenario named, or the one that covers the violation's reason, of the
        version in force on the hold's date."""
        reasons = scored.reasons if scored else ()
        holds = self._program_on(event.date.toordinal()).holds
        covering = [h for h in holds if set(h.reasons) & set(reasons)]
        if event.scenario is not None:
            named = next((h for h in holds if h.name == event.scenario), None)
            if named is None:
                problems.append(self._diagnostic(
                    HOLD_SCENARIO, say("ledger.unknown_scenario", scenario=shown(event.scenario),
                                       scenarios=Words([h.name for h in holds], ",")), event, "scenario"))
            elif named not in covering:
                problems.append(self._diagnostic(
                    HOLD_SCENARIO, say("ledger.scenario_for", scenario=named.name, reasons=Words(named.reasons, ","),
                                       held=_reasons_text(scored, reasons)), event, "scenario"))
            else:
                return named
        elif len(covering) == 1:
            return covering[0]
        elif not covering:
            problems.append(self._diagnostic(
                HOLD_SCENARIO, say("ledger.no_scenario", held=_reasons_text(scored, reasons)),
                event, "violation", help=say("ledger.no_scenario.help", scenarios=Words(
                    [say("ledger.scenario_reasons", scenario=h.name, reasons=Words(h.reasons, ","))
                     for h in holds], ";"))))
        else:
            problems.append(self._diagnostic(
                HOLD_SCENARIO, say("ledger.several_scenarios", scenarios=Words([h.name for h in covering], ",")),
                event, "scenario", help=say("ledger.several_scenarios.help")))
        return None

    # ---- histories -------------------------------------------------------

    def _epoch(self, day: int) -> int:
        """How many distinct revocation days are on or before `day`."""
        return bisect.bisect_right(self._bounds, day)

    def _history_at(self, day: int) -> _History:
        """The history of the epoch of `day`, swept through `day`: the one kept, moved on,
        unless `day` is of an earlier epoch (one history is as long as the ledger: one is kept)."""
        if self._history is None or self._epoch(day) < self._history.epoch:
            self._history = _new_history(self)
        self._history.to(day)
        return self._history

    def _expires(self, scored: _Scored) -> int | None:
        """The first day a violation no longer counts (`points expire after`, `points reset on`), by
        the versions of the pack (issue 11: versions)."""
        return _expires_by_versions(self.versions, scored.day)[0]

    def _by_reset(self, day: int) -> bool:
        """Whether a point scored on `day` stops counting on a reset day, by the ledger
        its expiry comes from (issue 11: versions)."""
        return resets.by_reset(_expires_by_versions(self.versions, day)[1], day)

    def _live(self, violation: str, day: int) -> bool:
        """Whether a violation is not revoked on `day`."""
        return self._revoked.get(violation, day + 1) > day

    # ---- the version in force (issue 11: versions) -------------------------

    def _program_on(self, day: int) -> ir.Program:
        """The program of the version in force on `day` (the one program without amendments)."""
        return _in_force(self.versions, day).program

    def _rules_on(self, day: int) -> ir.LedgerIR:
        """The ledger of the version in force on `day`: what a threshold reached that day
        imposes, when it deactivates, how far before a threshold a warning is due."""
        return self._program_on(day).ledger

    def _thresholds_on(self, day: int) -> tuple:
        """The thresholds of the version in force on `day`, lowest first."""
        return self._thresholds_in[_in_force(self.versions, day).since]

    def _freezes(self, deactivated_on: int | None) -> bool:
        """Whether no point expires: the seller is deactivated, and the version in force
        on the day of deactivation says `points freeze while deactivated`."""
        return deactivated_on is not None and self._rules_on(deactivated_on).freeze_when_deactivated

    # ---- the state of a day ----------------------------------------------

    @property
    def first_date(self) -> datetime.date | None:
        return self.events[0].date if self.events else None

    @property
    def last_date(self) -> datetime.date | None:
        return self.events[-1].date if self.events else None

    def state(self, on=None) -> State:
        """The state at the end of day `on` (a date or "YYYY-MM-DD"; default: the last event's date)."""
        on = self._on(on)
        day = on.toordinal()
        history = self._history_at(day)
        points = history.points_on(day)
        score = history.score_on(day)
        deactivated_on = history.deactivated_by(day)
        return State(
            on=on, region=self.region, active_points=points, level=self._level(points, day, score), score=score,
            deactivated=deactivated_on is not None,
            deactivated_on=_date(deactivated_on) if deactivated_on is not None else None,
            restrictions=self._restrictions(history, day), warnings=self._warnings(points, day),
            violations=self._violations(day, deactivated_on),
            appeals=tuple(AppealState(a.event.violation, a.event.date, a.event.outcome, a.valid, a.reason, a.attempt)
                          for a in self._appeals if a.day <= day),
            holds=tuple(self._hold_state(h, day) for h in self._holds if h.day <= day),
            linked=self._links(day),
            off_cadence=self._off_cadence_on(day),
            ended=_ended_on(history, day) if history.open_ended else (),
        )

    def _on(self, on) -> datetime.date:
        if on is not None:
            return as_date(on)
        if not self.events:
            raise TspolError(Diagnostic(NO_DATE, say("ledger.no_date"), key="on", path=self.path))
        return self.last_date

    def _level(self, points: int, day: int, score: int | None = None) -> int:
        """The highest threshold of the version in force on `day` that `points` reach; of a
        score ledger, the lowest the score is below (issue 11)."""
        if score is not None:
            return min((t.points for t in self._thresholds_on(day) if score < t.points), default=0)
        return max((t.points for t in self._thresholds_on(day) if t.points <= points), default=0)

    def _warnings(self, points: int, day: int) -> tuple[Warning, ...]:
        """The formal warnings due on `day`, by the thresholds and margin of its version."""
        margin = self._rules_on(day).warning_margin
        if margin is None:
            return ()
        return tuple(Warning(t.points, t.points - points) for t in self._thresholds_on(day)
                     if t.points - margin <= points < t.points)

    def _restrictions(self, history: _History, day: int) -> tuple[Restriction, ...]:
        measures = [m for m in history.measures_by(day) if _in_effect(m, day) or m.ended]
        limits = [r for r in self._limits[:bisect.bisect_right(self._limit_starts, day)]
                  if _in_effect(r, day) and self._live(r.violation, day)]
        return _in_order(measures, limits)

    def _violations(self, day: int, deactivated_on: int | None) -> tuple[ViolationState, ...]:
        return tuple(self._violation_state(s, day, deactivated_on) for s in self._scored.values() if s.day <= day)

    def _violation_state(self, s: _Scored, day: int, deactivated_on: int | None) -> ViolationState:
        """A violation scored by `day`, on that day (`deactivated_on`: the seller's, if by then)."""
        freeze = self._freezes(deactivated_on)
        revoked = self._revoked.get(s.id)
        expires = self._expires(s)
        if revoked is not None and revoked <= day:
            status = "revoked"
        elif freeze and (expires is None or expires > deactivated_on):
            status, expires = "frozen", None
        elif expires is not None and day >= expires:
            status = "expired"
        else:
            status = "active"
        return ViolationState(s.id, s.rules, s.points, _date(s.day), _date(expires) if expires is not None else None,
                              status, _date(revoked) if status == "revoked" else None,
                              expires is not None and self._by_reset(s.day), s.repeats)

    def _hold_state(self, hold: _Hold, day: int) -> HoldState:
        scenario = hold.scenario
        period_end = hold.day + hold.event.days
        closed = hold.closed if hold.closed is not None and hold.closed <= day else None
        if closed is None:
            end = period_end if scenario.ends_at == "earlier" else None
        else:
            end = max(period_end, closed) if scenario.ends_at == "later" else min(period_end, closed)
        release = min(self._hold_releases(hold, day), default=None)
        until = release if release is not None and (end is None or release < end) else end
        if until is None or day < until:
            status = "held"
        else:
            status = "released" if until == release else "ended"
        return HoldState(hold.event.id, hold.event.violation, scenario.name, hold.event.date, hold.event.days,
                         _date(period_end), _date(closed) if closed is not None else None,
                         _date(until) if until is not None else None, status)

    def _hold_releases(self, hold: _Hold, day: int) -> list[int]:
        """The days the policy releases this hold's funds, as far as is known on `day`:
        after a valid appeal whose outcome releases, or after no appeal within the window."""
        scenario, violation = hold.scenario, hold.event.violation
        appeals = [a for a in self._appeals_of.get(violation, ()) if a.day <= day]
        releases = []
        for appeal in appeals:
            outcome = scenario.on(appeal.event.outcome)
            if outcome is not None and outcome.release_within_days is not None:
                releases.append(appeal.day + outcome.release_within_days)
        silence, scored = scenario.on("none"), self._scored.get(violation)
        if silence is not None and silence.release_within_days is not None and scored is not None:
            deadline = scored.day + silence.appeal_within_days
            if day > deadline and not any(a.day <= deadline for a in appeals):
                releases.append(deadline + silence.release_within_days)
        return releases

    def _links(self, day: int) -> tuple[LinkState, ...]:
        links = [e for e in self._link_events if e.date.toordinal() <= day]
        if not links:
            return ()
        share = self.program.ledger.linked_accounts_share
        penalties = [(s.day, s.id) for s in self._scored.values()
                     if share and s.day <= day and self._revoked.get(s.id, day + 1) > day]
        return tuple(LinkState(link.account, link.date, share,
                               tuple(id for scored, id in penalties if scored >= link.date.toordinal()))
                     for link in links)

    # ---- many days -------------------------------------------------------

    def states(self, start=None, until=None, every: int = 1) -> Iterable[State]:
        """The state on `start`, `start + every` days, ... and on `until`, the last
        step even when it falls between two (both ends are always shown)."""
        first = as_date(start, "from") if start is not None else self._on(self.first_date)
        last = as_date(until, "until") if until is not None else self._on(None)
        day = None
        for day in range(first.toordinal(), last.toordinal() + 1, every):
            yield self.state(_date(day))
        if day is not None and day != last.toordinal():
            yield self.state(last)

    def timeline(self, on=None) -> tuple[TimelineRow, ...]:
        """One row per day on which something happens, up to `on` (default: the last event's date)."""
        on = self._on(on)
        last = on.toordinal()
        rows = []
        by_day = defaultdict(list)
        for event in self.events:
            by_day[event.date.toordinal()].append(event)
        days = _DaysOfChange(self, last)
        tracker = _Tracker(self, last, days.history)
        for day in days:
            before, after = tracker.advance(day)
            changes = tuple(self._describe(e) for e in by_day.get(day, ())) + _differences(
                before, after, self._start_score(day), self._score_by_version(days.history, day))
            if changes:
                rows.append(TimelineRow(after.on, after.active_points, after.level, after.deactivated, changes,
                                        after.score))
        return tuple(rows)

    def _start_score(self, day: int) -> int | None:
        """A score ledger's start by the version in force on `day` (None: a points ledger)."""
        score = self._rules_on(day).score
        return score.start if score is not None else None

    def _score_by_version(self, history: _History, day: int) -> tuple[Message, int] | None:
        """What a version's first day does to the score by itself (issue 11), and the score it
        leaves: `version 2 holds the score to its cap: 200 -> 180`, `version 2 starts the
        score at 180: 200 -> 180`."""
        change = history.version_change(day) if isinstance(history, _ScoreHistory) else None
        if change is None:
            return None
        before, after = change
        key = "timeline.score_capped" if after == self._rules_on(day).score.cap and before > after \
            else "timeline.score_started"
        return say(key, version=self._program_on(day).version, before=before, after=after), after

    def _days_of_change(self, last: int) -> Iterable[int]:
        """The days something may change, up to `last`, in order (`_DaysOfChange`)."""
        return iter(_DaysOfChange(self, last))

    def _describe(self, event: ev.Event) -> Message:
        if isinstance(event, ev.ViolationEvent):
            scored = self._scored[event.id]
            return _repeat_of(scored, say("timeline.violation", id=event.id, rule=event.rule, points=scored.points))
        if isinstance(event, ev.MetricsEvent):
            return self._describe_metrics(event)
        if isinstance(event, ev.AppealEvent):
            appeal = self._appeal_on_line[event.line]
            if not appeal.valid:
                return say("timeline.appeal_invalid", violation=event.violation, reason=appeal.reason)
            return say("timeline.appeal." + event.outcome, attempt=appeal.attempt, violation=event.violation)
        if isinstance(event, ev.HoldEvent):
            return say("timeline.hold", id=event.id, violation=event.violation, days=event.days)
        if isinstance(event, ev.InvestigationClosedEvent):
            return say("timeline.investigation_closed", hold=event.hold)
        return say("timeline.linked", account=event.account)

    def _describe_metrics(self, event: ev.MetricsEvent) -> Message:
        """`metrics m1 (late_dispatch) +5`; a decision that warns says so: `metrics m2
        (late_dispatch): warning, no points`, `metrics m3 (late_dispatch) +2 with a warning`."""
        scored, warned = self._scored.get(event.id), self._warned.get(event.id, ())
        if scored is None:
            return say("timeline.metrics_warning", id=event.id, rules=Words(warned, ",")) if warned \
                else say("timeline.metrics_nothing", id=event.id)
        fields = dict(id=event.id, rules=Words(scored.rules, ","), points=scored.points)
        if not warned:
            return _repeat_of(scored, say("timeline.metrics", **fields))
        if set(warned) <= set(scored.rules):
            return _repeat_of(scored, say("timeline.metrics_warned", **fields))
        return _repeat_of(scored, say("timeline.metrics_warning_for", **fields, warned=Words(warned, ",")))


class Ledgers(Mapping):
    """The ledgers of the sellers of one file, told apart by `seller_id` (D12): a mapping
    of seller_id -> `Ledger`, in the order the sellers first appear in the file. Events
    without `seller_id` are one seller, None (`has_seller_ids` is False).

    Arguments as `Ledger`'s. `region` is every seller's region; without it each seller's
    is its own (the policy's only region, or the one its metrics events name). Each
    seller's ids are its own. Every problem of every seller is reported at once, in one
    `TspolError` (many sellers' in line order), and no ledger is made."""

    def __init__(self, program: ir.Program, events, region: str | None = None,
                 evaluate: Evaluate | None = None, path: str | None = None,
                 metrics_error: type[Exception] | None = None, versions: tuple[InForce, ...] | None = None):
        log = _as_events(events, path or "<events>")
        self.path = path or log.path
        _check_policy(program, region, self.path)
        self._ledgers: dict = {}
        problems: list[list[Diagnostic]] = []
        for seller, seller_events in log.by_seller().items():
            try:
                self._ledgers[seller] = Ledger(program, seller_events, region, evaluate, self.path, metrics_error,
                                               versions)
            except TspolError as exc:
                problems.append(exc.diagnostics)
        if len(problems) == 1:
            raise TspolError(problems[0])
        if problems:
            raise TspolError(sorted((d for found in problems for d in found), key=lambda d: d.line or 0))

    def __getitem__(self, seller_id) -> Ledger:
        return self._ledgers[seller_id]

    def __iter__(self) -> Iterator:
        return iter(self._ledgers)

    def __len__(self) -> int:
        return len(self._ledgers)

    @property
    def has_seller_ids(self) -> bool:
        """Whether the events name their sellers (else they are one seller's, None)."""
        return None not in self._ledgers

    def state(self, on=None) -> dict:
        """seller_id -> the seller's state on `on` (default: that seller's last event's date)."""
        return {seller: ledger.state(on) for seller, ledger in self._ledgers.items()}

    def states(self, start=None, until=None, every: int = 1) -> Iterator[tuple[object, State]]:
        """(seller_id, state) of each seller's `Ledger.states(start, until, every)`, seller
        after seller: each seller's states in date order, from `start` (default: that
        seller's first event's date) to `until` (default: its last event's date)."""
        for seller, ledger in self._ledgers.items():
            for state in ledger.states(start, until, every):
                yield seller, state

    def records(self, on=None) -> list[dict]:
        """What `tspol simulate --format json` prints for many sellers: each seller's state
        on `on` as a dict, `seller_id` first (`state_record`)."""
        return [state_record(seller, state) for seller, state in self.state(on).items()]


def state_record(seller_id, state: State) -> dict:
    """A seller's state as a dict, its `seller_id` first, then the keys of `State.to_dict`."""
    return {"seller_id": seller_id, **state.to_dict()}


def _one_seller(events: ev.EventLog, path: str):
    """The seller of events that are one seller's (None: they do not name it)."""
    sellers = events.seller_ids
    if len(sellers) > 1:
        raise ValueError(f"{path} holds the events of {len(sellers)} sellers ({ev.seller_text(sellers[0])}, ...): "
                         "a Ledger is one seller's; read them with Ledgers (Policy.ledgers)")
    return sellers[0]


def step_count(first: datetime.date, last: datetime.date, every: int) -> int:
    """How many states `Ledger.states(first, last, every)` gives: each step, and `last` itself."""
    span = last.toordinal() - first.toordinal()
    if span < 0:
        return 0
    return span // every + 1 + (span % every != 0)


def _limit(scored: _Scored, limit: Mapping) -> _Imposed:
    """The order volume limit of a decision, from the day its violation scored."""
    return _Imposed(scored.day, scored.day + limit["days"], "limit", violation=scored.id, limit=tuple(limit.items()))


def _in_effect(imposed: _Imposed, day: int) -> bool:
    """Whether a restriction started by `day` is still in effect on it."""
    return imposed.until is None or day < imposed.until


def _in_order(measures: list[_Imposed], limits: list[_Imposed]) -> tuple[Restriction, ...]:
    """Restrictions by the day they start: on one day, the measures of thresholds (in the
    order they were imposed), then order volume limits (in the order of their events). A
    measure extended (issue 11) is its latest extension, from the measure's first day."""
    return tuple(r.restriction() for r in sorted([m for m in _latest(measures).values() if not m.ended] + limits,
                                                 key=lambda r: r.first_day))


def _latest(measures: list[_Imposed]) -> dict[tuple, _Imposed]:
    """Each measure's latest imposition (its extensions, in the order imposed, stand for it)."""
    return {(m.first_day, m.action, m.threshold): m for m in measures}


class _DaysOfChange:
    """The days something may change, up to `last`, in order (iterate over it): event
    days, expiries, the ends of holds (as known on `last`) and of order volume limits,
    and the ends of the measures each epoch's history imposes, found as it is swept.
    `history` is the history of the epoch of the day last given, swept through that day,
    which `_Tracker` reads. A day on which nothing changes may be among the days."""

    def __init__(self, ledger: Ledger, last: int):
        self.last = last
        self.history = _new_history(ledger)
        self.history.new_ends = []
        days = {e.date.toordinal() for e in ledger.events}  # the days violations score are among them
        days.update(e for e in map(ledger._expires, ledger._scored.values()) if e is not None)
        days.update(r.until for r in ledger._limits)
        days.update(v.since for v in ledger.versions[1:])  # a new version's thresholds and warnings
        for hold in ledger._holds:
            state = ledger._hold_state(hold, last)
            if state.until is not None:
                days.add(state.until.toordinal())
        self.pending = [d for d in days if d <= last]
        heapq.heapify(self.pending)

    def __iter__(self) -> Iterator[int]:
        previous = None
        while self.pending:
            day = heapq.heappop(self.pending)
            if day == previous:
                continue
            self.history.to(day)
            for end in self.history.take_new_ends():
                if day < end <= self.last:
                    heapq.heappush(self.pending, end)
            previous = day
            yield day


class _Tracker:
    """What `Ledger.timeline` compares from one day of change to the next, in time linear
    in the days and events: `advance(day)` gives the state of the previous day and of
    this one, each holding only what can have changed in between, so `_differences`
    reads a few items a day rather than every violation, restriction, hold and link.

    From one day to the next, a violation changes only when it expires or is revoked,
    unless the day of deactivation changes in between (points may freeze or thaw: then
    every violation that counted on either day of deactivation is compared); a
    restriction only when it starts or ends, or when a new epoch rewinds the history
    (`_History`): then the measures from the day rewound to are taken again; a hold only
    on or after the day it ends as known on the timeline's last day (what is known of a
    hold only moves that day earlier); a link only gains the penalties scored in between
    and loses those revoked (so only links older than a revoked penalty are looked at)."""

    def __init__(self, ledger: Ledger, last: int, history: _History):
        self.ledger = ledger
        self.last = last
        self.history = history  # `_DaysOfChange` moves it on to each day before `advance`
        self.scored = list(ledger._scored.values())  # in date order, as the events are
        self.scored_days = [s.day for s in self.scored]
        self.expiries = [ledger._expires(s) for s in self.scored]  # in date order too (D1, resets)
        self.expiring = sorted((e, i) for i, e in enumerate(self.expiries) if e is not None)
        self.expiring_days = [day for day, _ in self.expiring]
        position = {s.id: i for i, s in enumerate(self.scored)}
        self.revoking = sorted((day, position[id]) for id, day in ledger._revoked.items() if id in position)
        self.revoking_days = [day for day, _ in self.revoking]
        self.freeze = any(v.program.ledger.freeze_when_deactivated for v in ledger.versions)  # may freeze
        self.share = ledger.program.ledger.linked_accounts_share
        self.links = ledger._link_events
        self.link_days = [link.date.toordinal() for link in self.links]
        self.links_started = 0  # links[:links_started] are linked by the previous day
        self.day: int | None = None  # the previous day of change
        self.deactivated_on: int | None = None
        self.score: int | None = None  # of a score ledger (issue 11), on the previous day of change
        self.measures: list[_Imposed] = []  # the history's measures in effect, in its order
        self.measures_seen = 0  # history.measures[:measures_seen] have been looked at
        self.limits: list[_Imposed] = []  # ledger._limits in effect
        self.limits_seen = 0
        self.ended: tuple[Restriction, ...] = ()  # issue 11: open-ended measures ended on the day
        self.restrictions: tuple[Restriction, ...] = ()
        self.warnings: tuple[Warning, ...] = ()
        self.due: list[tuple[int, int]] = []  # heap of (day to look again, position in ledger._holds)
        self.held: dict[int, HoldState] = {}  # holds held when last looked at
        self.holds_started = 0  # ledger._holds[:holds_started] have started

    def advance(self, day: int) -> tuple[State | None, State]:
        ledger, previous, history = self.ledger, self.day, self.history
        deactivated_on = history.deactivated_by(day)
        points = history.points_on(day)
        score = history.score_on(day)
        restrictions = self._restrictions(day)
        warnings = ledger._warnings(points, day)
        violations = self._violations(day, deactivated_on)
        holds = self._holds(day)
        links = self._links(day)
        after = _view(day, points, ledger._level(points, day, score), deactivated_on, restrictions, warnings,
                      tuple(v for _, v in violations), tuple(h for _, h in holds), tuple(a for _, a in links), score)
        before = None
        if previous is not None:
            before = _view(previous, 0, 0, self.deactivated_on, self.restrictions, self.warnings,
                           tuple(v for v, _ in violations if v is not None), tuple(h for h, _ in holds),
                           tuple(b for b, _ in links), self.score)
        self.day, self.deactivated_on, self.score = day, deactivated_on, score
        self.restrictions, self.warnings = restrictions, warnings
        if self.ended:
            after = attrs.evolve(after, ended=self.ended)  # issue 11
        return before, after

    def _violations(self, day: int, deactivated_on: int | None) -> list[tuple[ViolationState, ViolationState]]:
        """(before, after) of each violation that may have changed (before None: scored since)."""
        previous = self.day
        if previous is None:
            return []
        chosen = {i for _, i in _between(self.expiring, self.expiring_days, previous, day)
                  + _between(self.revoking, self.revoking_days, previous, day) if self.scored[i].day <= previous}
        if self.freeze and deactivated_on != self.deactivated_on:
            chosen.update(self._may_freeze_or_thaw(day, deactivated_on))
        state = self.ledger._violation_state
        return [(state(self.scored[i], previous, self.deactivated_on) if self.scored[i].day <= previous else None,
                 state(self.scored[i], day, deactivated_on)) for i in sorted(chosen)]

    def _may_freeze_or_thaw(self, day: int, deactivated_on: int | None) -> range:
        """Positions of the violations scored by `day` that count on the earlier of the two
        days of deactivation (the previous day's and this one's): the others expired before
        either, and are frozen by neither (`_differences` tells frozen points by them)."""
        known = [d for d in (self.deactivated_on, deactivated_on) if d is not None]
        in_date_order = len(self.ledger.versions) == 1  # versions: a later point may expire sooner
        first = bisect.bisect_right(self.expiries, min(known)) if self.expiring and in_date_order else 0
        return range(first, bisect.bisect_right(self.scored_days, day))

    def _restrictions(self, day: int) -> tuple[Restriction, ...]:
        """The restrictions in effect on `day`: those still in effect, and those started since
        the previous day; after a rewind, the measures from the day rewound to are new."""
        history, ledger = self.history, self.ledger
        rewound = history.take_rewind()
        if rewound is not None:
            self.measures = [m for m in self.measures if m.start < rewound]
            self.measures_seen = min(self.measures_seen, bisect.bisect_left(history.measure_starts, rewound))
        started = history.measures_by(day)
        self.measures = [m for m in self.measures + started[self.measures_seen:] if _in_effect(m, day) or m.ended]
        self.measures_seen = len(started)
        self.ended = tuple(m.restriction() for m in self.measures if m.ended and m.start == day)  # issue 11
        limits_started = bisect.bisect_right(ledger._limit_starts, day)
        self.limits = [r for r in self.limits + ledger._limits[self.limits_seen:limits_started]
                       if _in_effect(r, day) and ledger._live(r.violation, day)]
        self.limits_seen = limits_started
        return _in_order(self.measures, self.limits)

    def _holds(self, day: int) -> list[tuple[HoldState | None, HoldState]]:
        """(before, after) of each hold held before that may no longer be held."""
        ledger = self.ledger
        looked = []
        while self.due and self.due[0][0] <= day:
            looked.append(heapq.heappop(self.due)[1])
        changed = []
        for i in sorted(looked):
            state = ledger._hold_state(ledger._holds[i], day)
            if state.status == "held":
                heapq.heappush(self.due, (day + 1, i))
            else:
                changed.append((self.held.pop(i), state))
        while self.holds_started < len(ledger._holds) and ledger._holds[self.holds_started].day <= day:
            self._start_hold(self.holds_started, day)
            self.holds_started += 1
        return changed

    def _start_hold(self, i: int, day: int) -> None:
        hold = self.ledger._holds[i]
        state = self.ledger._hold_state(hold, day)
        ends = self.ledger._hold_state(hold, self.last).until
        if state.status == "held" and ends is not None:
            self.held[i] = state
            heapq.heappush(self.due, (max(ends.toordinal(), day + 1), i))

    def _links(self, day: int) -> list[tuple[LinkState | None, LinkState]]:
        """(before, after) of each link that changed: the penalties it gains (scored since the
        previous day and not revoked) and those it loses (revoked since); a new link with
        all of its penalties."""
        if not self.share or not self.links:
            return []
        previous = self.day
        revoked = sorted(i for _, i in _between(self.revoking, self.revoking_days, previous, day)) \
            if previous is not None else []
        revoked_now = set(revoked)
        gained = [self.scored[i] for i in self._scored_between(previous, day) if i not in revoked_now]
        pairs = []
        for link in self.links[:self._links_that_may_change(gained, revoked)]:
            linked = link.date.toordinal()
            lost = [self.scored[i].id for i in revoked if linked <= self.scored[i].day <= previous]
            if gained or lost:
                pairs.append((LinkState(link.account, link.date, True, tuple(lost)),
                              LinkState(link.account, link.date, True, tuple(s.id for s in gained))))
        started = bisect.bisect_right(self.link_days, day)
        for link in self.links[self.links_started:started]:  # new: every penalty from its day on
            linked = link.date.toordinal()
            penalties = [s for s in self.scored[bisect.bisect_left(self.scored_days, linked):
                                                bisect.bisect_right(self.scored_days, day)]
                         if self.ledger._live(s.id, day)]
            pairs.append((None, LinkState(link.account, link.date, True, tuple(s.id for s in penalties))))
        self.links_started = started
        return pairs

    def _links_that_may_change(self, gained: list[_Scored], revoked: list[int]) -> int:
        """How many of the links made by the previous day may gain or lose a penalty: all of
        them when one is gained, else those made by the day of the latest penalty lost."""
        if gained:
            return self.links_started
        if revoked:
            latest = max(self.scored[i].day for i in revoked)
            return min(self.links_started, bisect.bisect_right(self.link_days, latest))
        return 0

    def _scored_between(self, previous: int | None, day: int) -> range:
        """Positions of the violations scored after `previous` (None: ever) up to `day`."""
        start = 0 if previous is None else bisect.bisect_right(self.scored_days, previous)
        return range(start, bisect.bisect_right(self.scored_days, day))


def _between(pairs: list[tuple[int, int]], days: list[int], previous: int, day: int) -> list[tuple[int, int]]:
    """The (day, position) pairs, sorted by day, of the days after `previous` up to `day`."""
    return pairs[bisect.bisect_right(days, previous):bisect.bisect_right(days, day)]


def _view(day: int, points: int, level: int, deactivated_on: int | None, restrictions, warnings, violations, holds,
          links, score: int | None = None) -> State:
    """A state holding only some of its violations, holds and links: what `_Tracker` compares."""
    return State(on=_date(day), region=None, active_points=points, level=level,
                 deactivated=deactivated_on is not None,
                 deactivated_on=_date(deactivated_on) if deactivated_on is not None else None,
                 restrictions=restrictions, warnings=warnings, violations=violations, appeals=(), holds=holds,
                 linked=tuple(link for link in links if link is not None), score=score)


def _moved_ends(gone: set[Restriction], new: set[Restriction]) -> list[tuple[Restriction, Restriction]]:
    """(before, after) of each restriction whose end moved: extended on a new violation, or
    back when an appeal revokes that violation (issue 11); in the order of `new`'s starts."""
    same = {attrs.evolve(r, until=None): r for r in gone}
    pairs = [(same[attrs.evolve(r, until=None)], r) for r in new if attrs.evolve(r, until=None) in same]
    return sorted(pairs, key=lambda pair: (pair[1].start, pair[1].action))


def _moved_end(old: Restriction, new: Restriction) -> Message:
    name = _restriction_name(new)
    if old.until is not None and new.until is not None and new.until > old.until:
        return say("timeline.extended", name=name, date=str(new.until))
    return say("timeline.now_until", name=name, date=str(new.until))


def _ended_on(history: _History, day: int) -> tuple[Restriction, ...]:
    """The open-ended measures that end on `day` (issue 11), as `_Tracker.ended`."""
    return tuple(m.restriction() for m in history.measures_by(day) if m.ended and m.start == day)


def _lasts(threshold: ir.ThresholdIR, measure: str) -> tuple | None:
    """("within", metric) or ("level", threshold) of an open-ended measure of `threshold` (issue 11)."""
    metric = dict(threshold.until_within).get(measure)
    if metric is not None:
        return ("within", metric)
    return ("level", threshold.points) if measure in threshold.while_level else None


def _lasts_text(lasts: tuple) -> str:
    """What an open-ended measure lasts for, in the policy's words (`--format json`'s `lasts`)."""
    kind, what = lasts
    return f"until {what} is within standard" if kind == "within" else "while at this level"


def restriction_span(r: Restriction) -> Message:
    """`until 2025-03-24`, `permanently`; issue 11: `until LDR is within standard`, `while at 6
    points or more` (open-ended until they end)."""
    if r.until is not None:
        return say("timeline.until", date=str(r.until))
    if r.lasts is None:
        return say("timeline.permanently")
    kind, what = r.lasts
    return say("timeline.until_within", metric=what) if kind == "within" else say("timeline.while_level", points=what)


def _ended(r: Restriction) -> Message:
    """`ends no_campaigns: LDR within standard`, `ends no_campaigns: below 6 points` (issue 11)."""
    kind, what = r.lasts
    name = _restriction_name(r)
    return say("timeline.ends_within", name=name, metric=what) if kind == "within" \
        else say("timeline.ends_below", name=name, points=what)


def _repeat_of(scored: _Scored, scoring: Message) -> Message:
    """`violation v2 (late_dispatch) +14, a repeat of v1` (issue 11: repeats)."""
    if not scored.repeats:
        return scoring
    return say("timeline.repeat", scored=scoring, earlier=Words(scored.repeats, ","))


def _expiry(v: ViolationState, on: datetime.date) -> Message:
    """A violation's points stop counting: on `on` (at its end or at a reset), or on a day recomputed."""
    if v.expires != on:
        return say("timeline.expired_on", id=v.id, date=str(v.expires))
    return say("timeline.resets" if v.resets else "timeline.expires", id=v.id, points=v.points)


def _differences(before: State | None, after: State, start: int | None = None,
                 by_version: tuple[Message, int] | None = None) -> tuple[Message, ...]:
    """What changed from one state to the next, in words (events aside); `by_version`: what
    a version's first day did to the score by itself, before the day's events (issue 11)."""
    changes = []
    old_violations = {v.id: v for v in before.violations} if before else {}
    for v in after.violations:
        old = old_violations.get(v.id)
        if old is not None and old.status in ("active", "frozen") and v.status == "expired":
            changes.append(_expiry(v, after.on))
        if old is not None and old.status in ("active", "frozen") and v.status == "revoked":
            changes.append(say("timeline.revoked", id=v.id, points=v.points))
    if by_version is not None and before is not None:
        changes.append(by_version[0])
        before = attrs.evolve(before, score=by_version[1])
    changes += _score_change(before, after, start, any(v.status == "revoked" for v in after.violations
                                                       if old_violations.get(v.id) is not None
                                                       and old_violations[v.id].status != "revoked"))
    if before is not None and not before.deactivated and after.deactivated:
        changes.append(say("timeline.deactivated.frozen" if any(v.status == "frozen" for v in after.violations)
                           else "timeline.deactivated"))
    if before is not None and before.deactivated and not after.deactivated:
        changes.append(say("timeline.reactivated"))
    old_restrictions = set(before.restrictions) if before else set()
    new_restrictions = set(after.restrictions)
    moved = _moved_ends(old_restrictions - new_restrictions, new_restrictions - old_restrictions)
    changes += [_moved_end(old, new) for old, new in moved]
    old_restrictions |= {new for _, new in moved}
    new_restrictions |= {old for old, _ in moved}
    for r in after.restrictions:
        if r not in old_restrictions:
            span = restriction_span(r)
            changes.append(say("timeline.starts", name=_restriction_name(r), span=span) if r.start == after.on
                           else say("timeline.applies_from", name=_restriction_name(r), date=str(r.start), span=span))
    ended = {attrs.evolve(r, until=None) for r in after.ended}  # issue 11
    for r in (before.restrictions if before else ()):
        if r in ended:
            changes.append(_ended(r))
        elif r not in new_restrictions:
            changes.append(say("timeline.ends" if r.until == after.on else "timeline.lifts", name=_restriction_name(r)))
    old_warnings = {w.threshold for w in before.warnings} if before else set()
    for w in after.warnings:
        if w.threshold not in old_warnings:
            changes.append(say("timeline.formal_warning", points=points_text(w.points_to_go), threshold=w.threshold))
    old_holds = {h.id: h for h in before.holds} if before else {}
    for h in after.holds:
        old = old_holds.get(h.id)
        if old is not None and old.status == "held" and h.status != "held":
            changes.append(say("timeline.hold_" + h.status, id=h.id))
    old_links = {link.account: set(link.penalties) for link in before.linked} if before else {}
    for link in after.linked:
        old_penalties = old_links.get(link.account, set())
        changes.extend(say("timeline.flags", penalty=penalty, account=link.account)
                       for penalty in link.penalties if penalty not in old_penalties)
        changes.extend(say("timeline.no_longer_flags", penalty=penalty, account=link.account)
                       for penalty in sorted(old_penalties - set(link.penalties)))
    return tuple(changes)


def _score_change(before: State | None, after: State, start: int | None, revoked: bool) -> list[Message]:
    """`score 200 -> 160` (a violation, or an appeal that gives the points back), `score
    regains 5: 150` (issue 11: signed scores); `start`: the score before the first day."""
    previous = before.score if before is not None else start
    if after.score is None or previous == after.score:
        return []
    if after.score > previous and not revoked:
        return [say("timeline.score_regains", points=after.score - previous, after=after.score)]
    return [say("timeline.score_down", before=previous, after=after.score)]


def points_text(points: int) -> Message:
    """`1 point`, `5 points`; in Chinese `5 个违规分`."""
    return points_said(points)


def _restriction_name(r: Restriction) -> str | Message:
    if r.limit is not None:
        limit = dict(r.limit)
        return say("ledger.order_limit", percent=_percent(limit.get('percent')), basis=limit.get('basis'))
    return r.action


def _percent(value) -> str:
    return str(Fraction(value)) if isinstance(value, (int, Fraction)) else str(value)


def _check_policy(program: ir.Program, region: str | None, path: str) -> None:
    if program.ledger is None:
        raise TspolError(Diagnostic(NO_LEDGER, say("ledger.no_ledger"), path=path, help=say("ledger.no_ledger.help")))
    if region is not None and region not in program.region_names:
        raise TspolError(Diagnostic(UNKNOWN_REGION, _unknown_region(region, program.region_names), key="region"))


def _unknown_region(region: str, known) -> Message:
    """`unknown region `us`; this policy has US, SEA, UK; did you mean `US`?`"""
    close = suggestion(region, known)
    return say("ledger.unknown_region.close" if close else "ledger.unknown_region", region=shown(region),
               known=Words(known, ","), close=close or "")


def _reasons_by_name(program: ir.Program, region: str | None) -> dict[str, str]:
    """Rule and reason ids a violation may name -> their catalogue reason ("" for a rule without one)."""
    reasons = {r.name: r.name for r in program.reasons}
    reasons.update((rule.name, rule.reason or "") for r in program.regions if region is None or r.name == region
                   for rule in r.rules)
    return reasons


def _cadences(program: ir.Program, region: str | None) -> dict[str, ir.CadenceIR]:
    """Rule ids -> when they are evaluated, for the rules that say (issue 11, evaluation cadence)."""
    return {rule.name: rule.cadence for r in program.regions if region is None or r.name == region
            for rule in r.rules if rule.cadence is not None}


def _rule_points(program: ir.Program, region: str | None) -> dict[str, frozenset[int]]:
    """Rule ids -> the points one of their rows scores (issue 11, points from the catalogue)."""
    points: dict[str, set[int]] = defaultdict(set)
    for r in program.regions:
        if region is None or r.name == region:
            for rule in r.rules:
                points[rule.name].update(row.points for table in rule.tables for row in table.rows)
    return {name: frozenset(given) for name, given in points.items()}


def _horizon(program: ir.Program) -> int:
    """An upper bound of the days the policy's periods run after an event: all of them added up."""
    days = [program.ledger.expiry_days or 0, resets.LONGEST_GAP if program.ledger.reset else 0]
    days += [n or 0 for t in program.ledger.thresholds for _, n in t.measures]
    days += [row.limit.days for region in program.regions for rule in region.rules for table in rule.tables
             for row in table.rows if row.limit is not None]
    days += [h.longest_days + max(((o.appeal_within_days or 0) + (o.release_within_days or 0)
                                   for o in h.outcomes), default=0) for h in program.holds]
    if program.appeals is not None:
        days += [program.appeals.first_within_days + program.appeals.next_within_days * program.appeals.attempts]
    return sum(days)


def _metrics_errors(evaluate, given: type[Exception] | None) -> tuple[type[Exception], ...]:
    """The errors of `evaluate` that mean bad metrics, besides TspolError: the portable
    MetricsError, and a compiled module's own (given, or the one beside its `evaluate`)."""
    errors = [portable.MetricsError]
    if given is None:
        module = getattr(evaluate, "__globals__", {})
        given = module.get("MetricsError") if module.get("evaluate") is evaluate else None
    if isinstance(given, type) and issubclass(given, Exception):
        errors.append(given)
    return tuple(errors)


def _metrics_key(key: str | None) -> str:
    return f"metrics.{key}" if key else "metrics"


def _reasons_text(scored: _Scored | None, reasons) -> Message:
    if scored is None:
        return say("ledger.scored_nothing")
    if reasons:
        return say("ledger.held_reasons", id=scored.id, rules=Words(scored.rules, ","), reasons=Words(reasons, ","))
    return say("ledger.held", id=scored.id, rules=Words(scored.rules, ","))


def _as_events(events, path: str) -> ev.EventLog:
    if isinstance(events, ev.EventLog):
        return events
    if isinstance(events, (str, os.PathLike)):
        return ev.read_events(events)  # named by the file's path
    return ev.events_from_records(events, path)
