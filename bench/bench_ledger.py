"""Benchmark the points ledger: many sellers, each with its JSON Lines of events.

    python bench/bench_ledger.py [--sellers 10000] [--events 50] [--region US]

Generates (deterministically) sellers with violations, appeals (some late, some
surplus), fund holds and linked accounts over about two years, then times, in the
same run:

- baseline: a bare loop that only parses each seller's events with `json.loads`;
- parse: the same lines read and validated into events (`parse_events`);
- ledger: validated events -> `Ledger(...).state()` -> `to_dict()` for each seller;
- timeline: the day-by-day timeline of the first 1,000 sellers (what `tspol simulate`
  prints as text), for scale.

and prints each time with its ratio to the baseline. A person runs this; it is never
part of the test run.
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tspol.compiler.lower import lower  # noqa: E402
from tspol.dsl.loader import load_pack  # noqa: E402
from tspol.runtime.events import parse_events  # noqa: E402
from tspol.runtime.ledger import Ledger  # noqa: E402

RULES = ("late_dispatch", "seller_fault_cancellation", "fake_fulfilment", "significantly_not_as_described",
         "duplicate_listing", "misleading_content")


def seller_events(rng: random.Random, count: int) -> str:
    """One seller's events as JSON Lines: mostly violations, with appeals, holds and links."""
    day = datetime.date(2024, 1, 1) + datetime.timedelta(days=rng.randrange(60))
    lines, violations, appealed, holds = [], [], set(), []
    for n in range(count):
        day += datetime.timedelta(days=rng.randrange(0, 16))
        roll = rng.random()
        event = {"date": day.isoformat()}
        if violations and roll < 0.2:
            target, _ = rng.choice(violations)
            appealed.add(target)
            event.update(kind="appeal", violation=target, outcome=rng.choice(("accepted", "rejected")))
        elif violations and roll < 0.23 and violations[-1][0].startswith("snad") and violations[-1][0] not in appealed:
            holds.append(f"h{n}")
            event.update(kind="hold", id=f"h{n}", violation=violations[-1][0], days=rng.randrange(90, 181))
        elif holds and roll < 0.25:
            event.update(kind="investigation_closed", hold=holds.pop())
        elif roll < 0.27:
            event.update(kind="link", account=f"acct{n}")
        else:
            rule = rng.choice(RULES)
            vid = ("snad" if rule == "significantly_not_as_described" else "v") + str(n)
            violations.append((vid, day))
            event.update(kind="violation", id=vid, rule=rule, points=rng.choice((1, 2, 3, 4, 5, 6, 7, 8)))
        lines.append(json.dumps(event))
    return "\n".join(lines) + "\n"


def timed(label: str, function, baseline: float | None = None) -> float:
    start = time.perf_counter()
    count = function()
    elapsed = time.perf_counter() - start
    ratio = f"{elapsed / baseline:6.1f}x baseline" if baseline else "      baseline"
    print(f"{label:<52} {elapsed:8.3f} s  {ratio}  ({count:,} sellers)")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sellers", type=int, default=10_000)
    parser.add_argument("--events", type=int, default=50)
    parser.add_argument("--region", default="US")
    args = parser.parse_args()

    program = lower(load_pack(Path(__file__).resolve().parents[1] / "policies"))
    rng = random.Random(20240715)
    texts = [seller_events(rng, args.events) for _ in range(args.sellers)]
    print(f"{args.sellers:,} sellers x {args.events} events = {args.sellers * args.events:,} events, "
          f"Python {sys.version.split()[0]}")

    def bare_parse():
        for text in texts:
            for line in text.splitlines():
                json.loads(line)
        return len(texts)

    def validate():
        for text in texts:
            parse_events(text)
        return len(texts)

    def simulate():
        for text in texts:
            Ledger(program, parse_events(text), region=args.region).state().to_dict()
        return len(texts)

    def timelines():
        for text in texts[:1000]:
            Ledger(program, parse_events(text), region=args.region).timeline()
        return min(1000, len(texts))

    baseline = timed("baseline: json.loads of every line", bare_parse)
    timed("parse: read and validate events", validate, baseline)
    total = timed("ledger: validate, replay, state(last day), to_dict()", simulate, baseline)
    timed("timeline: day-by-day rows (first 1,000 sellers)", timelines, baseline)
    print(f"per seller: {total / len(texts) * 1e6:,.0f} us for {args.events} events")


if __name__ == "__main__":
    main()
