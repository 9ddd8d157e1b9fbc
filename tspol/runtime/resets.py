"""Calendar resets of the ledger (issue 11): `points reset on the first monday of each
quarter`, `... on day 1 of each month`. Exact calendar arithmetic on day numbers
(`datetime.date.toordinal`), no time of day.

A period (month, quarter, year) starts in its first month: every month, January,
April, July and October, or January. Its reset day is day `day` of that month
(1 to 28, so every month has it), or its `nth` `weekday` (the last one with -1).
A violation scored on day D stops counting on the first reset day after D: scored
on a reset day itself, it counts until the next one.
"""

from __future__ import annotations

import calendar
import datetime

from tspol.compiler import ir

MONTHS_APART = {"month": 1, "quarter": 3, "year": 12}
LONGEST_GAP = 366 + 31  # days from a day to the next reset day, at most (a year, and a weekday's drift)


def next_reset(reset: ir.ResetIR, day: int) -> int:
    """The first reset day after `day` (a day number)."""
    date = datetime.date.fromordinal(day)
    step = MONTHS_APART[reset.period]
    month = (date.month - 1) // step * step  # months since January of the period of `date`
    year = date.year
    while True:
        reset_day = _reset_day(reset, year, month + 1)
        if reset_day > day:
            return reset_day
        month += step
        year, month = year + month // 12, month % 12


def _reset_day(reset: ir.ResetIR, year: int, month: int) -> int:
    """The reset day of the period that starts in `month` of `year`."""
    if reset.day is not None:
        return datetime.date(year, month, reset.day).toordinal()
    first_weekday, length = calendar.monthrange(year, month)
    if reset.nth > 0:
        date = 1 + (reset.weekday - first_weekday) % 7 + 7 * (reset.nth - 1)
    else:
        last_weekday = (first_weekday + length - 1) % 7
        date = length - (last_weekday - reset.weekday) % 7
    return datetime.date(year, month, date).toordinal()


def expires(rules: ir.LedgerIR, day: int) -> int | None:
    """The first day a violation scored on `day` no longer counts: the end of its life
    (`points expire after`) or the next reset day, whichever comes first; None: never."""
    ends = []
    if rules.expiry_days is not None:
        ends.append(day + rules.expiry_days)
    if rules.reset is not None:
        ends.append(next_reset(rules.reset, day))
    return min(ends, default=None)


def by_reset(rules: ir.LedgerIR, day: int) -> bool:
    """Whether a violation scored on `day` stops counting on a reset day (`expires` says which day)."""
    return rules.reset is not None and (
        rules.expiry_days is None or next_reset(rules.reset, day) <= day + rules.expiry_days)
