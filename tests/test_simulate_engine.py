"""`tspol simulate --engine`: what the quick tier can hold without Spark. Events travel
to Spark's executors as JSON (`events.event_json`) and must read back as the very
events the driver checked; a machine without the `spark` extra is told so in one line.
The Spark runs themselves are in tests/test_simulate_spark.py (`pytest -m spark`).
"""

from __future__ import annotations

import json
import random
import sys
from decimal import Decimal

import pytest

from test_ledger_many import day_order_kept_shuffle
from test_ledger_timeline import RULES
from test_simulate import in_tmp, write_events  # noqa: F401  (in_tmp is a fixture)
from tspol.runtime import jsonnum
from tspol.runtime.events import event_from_record, event_json, parse_events

SELLER_IDS = [f"s{n}" for n in range(24)] + [7, 0, -1, "", " ", "店铺-9"]  # 30 sellers, ids of every kind


def seller_events(rng: random.Random, day: int) -> list[dict]:
    """One seller's events in date order from `day` (days after 2024-01-01): violations and
    metrics, appeals (some late or one too many: invalid, not errors), holds of SNAD
    violations and their investigations, links."""
    import datetime

    events, scored, snad, holds = [], [], [], []
    for n in range(rng.randint(1, 14)):
        day += rng.choice([0, 0, 1, 3, 20, 60, 170])
        date = str(datetime.date(2024, 1, 1) + datetime.timedelta(days=day))
        kind = rng.choice(["violation"] * 4 + ["metrics", "appeal", "appeal", "hold", "closed", "link"]) if n \
            else "violation"
        if kind == "violation":
            rule = rng.choice(RULES)
            events.append({"date": date, "kind": "violation", "id": f"v{n}", "rule": rule,
                           "points": rng.choice([0, 1, 5, 7, 12, 24, 48])})
            scored.append(f"v{n}")
            if rule == "significantly_not_as_described":
                snad.append(f"v{n}")
        elif kind == "metrics":
            events.append({"date": date, "kind": "metrics", "id": f"m{n}", "metrics": {
                "orders_7d": 40, "late_orders": rng.randint(0, 40), "avg_daily_orders_4w": rng.choice([7, 100])}})
            scored.append(f"m{n}")
        elif kind == "appeal" and scored:
            events.append({"date": date, "kind": "appeal", "violation": rng.choice(scored),
                           "outcome": rng.choice(["accepted", "rejected"])})
        elif kind == "hold" and snad:
            events.append({"date": date, "kind": "hold", "id": f"h{n}", "violation": rng.choice(snad),
                           "days": rng.choice([90, 120, 180]), "scenario": "snad"})
            holds.append(f"h{n}")
        elif kind == "closed" and holds:
            events.append({"date": date, "kind": "investigation_closed", "hold": holds.pop(0)})
        elif kind == "link":
            events.append({"date": date, "kind": "link", "account": f"shop-{n}"})
    return events


def many_sellers(policy, seed: int = 0) -> list[dict]:
    """The events of 30 sellers that the policy takes (in region US), in one shuffled file
    (each seller's events of a day kept in their order)."""
    from tspol.diagnostics import TspolError

    rng = random.Random(seed)
    events = []
    for seller in SELLER_IDS:
        while True:
            own = seller_events(rng, rng.randrange(30))
            try:
                policy.ledger(own, region="US")
            except TspolError:  # a hold after its violation was revoked, and such: another try
                continue
            events += [{"seller_id": seller, **event} for event in own]
            break
    return day_order_kept_shuffle(events, rng)


@pytest.fixture(scope="module")
def policy():
    import tspol

    return tspol.load()


def test_events_read_back_from_their_json_as_they_were(policy):
    lines = [json.dumps(event) for event in many_sellers(policy)]
    lines.append('{"seller_id": 5, "date": "2024-05-01", "kind": "metrics", "id": "x", "region": "UK", "note": "n", '
                 '"metrics": {"orders_7d": 40.0, "late_orders": 1e1, "a": 0.1234567890123456789, "b": [1, {}]}}')
    lines.append('{"seller_id": 5, "date": "2024-05-02", "kind": "hold", "id": "h", "violation": "x", "days": 90}')
    log = parse_events("\n".join(lines), "e.jsonl")
    again = [event_from_record(jsonnum.parse_line(event_json(event)), event.line, "e.jsonl") for event in log]
    assert again == list(log)
    exact = [next(e for e in events if getattr(e, "id", None) == "x" and e.seller_id == 5) for events in (log, again)]
    assert [list(map(type, e.metrics.values())) for e in exact] == [[float, Decimal, Decimal, list]] * 2


def test_without_pyspark_the_spark_engine_says_what_to_install(in_tmp, cli, monkeypatch):  # noqa: F811
    monkeypatch.setitem(sys.modules, "pyspark", None)  # `import pyspark` fails as if it were not installed
    name = write_events(in_tmp / "e.jsonl", {"date": "2024-01-01", "kind": "link", "account": "a"})
    result = cli("simulate", "--region", "US", name, "--engine", "spark")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == "tspol: error[E003]: --engine spark needs pyspark: pip install 'tspol[spark]'\n"
