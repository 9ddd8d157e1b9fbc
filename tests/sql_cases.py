"""What every SQL engine's tests share: the sellers they decide and the answer each
must give (the interpreter's). `tests/test_sql_duckdb.py` and `tests/test_sql_spark.py`
run the same tables, so the engines are held to one standard.
"""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction

from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from eval_engines import boundary_sellers

from tspol.runtime import headroom as distances
from tspol.runtime import interpreter
from tspol.runtime.metrics import MetricsError


class SqlSnapshot(SingleFileSnapshotExtension):
    """A query of the bundled pack as a .sql file, so a policy edit reviews as a diff."""

    _write_mode = WriteMode.TEXT
    file_extension = "sql"


def expected(program, record: dict, lang: str, headroom: bool = False) -> dict:
    """The interpreter's decision of a record (with its seller_id), or its error record;
    with `headroom`, its `headroom` and `recovery` too (`tspol.runtime.headroom`)."""
    metrics = {k: v for k, v in record.items() if k not in ("seller_id", "region")}
    out = {} if record.get("seller_id") is None else {"seller_id": record["seller_id"]}
    try:
        out |= interpreter.evaluate(program, metrics, record["region"], lang)
    except MetricsError as exc:
        return out | {"error": {"code": exc.code, "key": exc.key, "message": exc.message}}
    if headroom:
        out["headroom"] = distances.headroom(program, metrics, record["region"])
        out["recovery"] = distances.recovery(program, metrics, record["region"])
    return out


def disagreements(policy, records: list[dict], got: list[dict], lang: str = "en",
                  headroom: bool = False) -> list[tuple[dict, dict, dict]]:
    """(record, engine's answer, interpreter's answer) for each record they differ on."""
    assert len(got) == len(records)
    return [(record, decision, want) for record, decision in zip(records, got)
            if decision != (want := expected(policy.program, record, lang, headroom))]


def in_sql_range(seller: dict) -> bool:
    """No Fraction (a SQL table has none) and at most 18 decimal places (the SQL range)."""
    for value in seller.values():
        if isinstance(value, Fraction):
            return False
        if isinstance(value, (float, Decimal)) and Decimal(repr(value) if isinstance(value, float) else value) \
                .normalize().as_tuple().exponent < -18:
            return False
    return True


def boundary_records(program) -> list[dict]:
    """Every exact boundary of every row, standard and `only if`, in every region, with
    limit bases of several kinds (none, whole, decimal, float)."""
    caps = (None, 0, 9, 10, 123, Decimal("129.99"), 130.5, 0.1)
    records = []
    for i, seller in enumerate(boundary_sellers(program)):
        if caps[i % len(caps)] is not None:
            seller = {**seller, "avg_daily_orders_4w": caps[i % len(caps)]}
        for region in program.region_names:
            records.append({"seller_id": f"s{i}", "region": region, **seller})
    return records


BAD_ROWS = [  # each with the error the Python engine gives it, in its own row
    {"region": "US", "orders_7d": -1},
    {"region": "US", "orders_7d": 10, "late_orders": 2.5},
    {"region": "US", "orders_7d": 10, "late_orders": 11},
    {"region": "US", "orders_7d": 10**18},
    {"region": "US", "orders_7d": "12"},
    {"region": "us", "orders_7d": 10},
    {"region": "XX", "orders_7d": 10},
    {"region": "UK", "avg_daily_orders_4w": -0.5},
    {"region": "SEA", "avg_first_response_minutes": Decimal("-3")},
    {"region": "US", "orders_7d": 40, "late_orders": 12, "avg_daily_orders_4w": Decimal("12.000000000000000001")},
    {"region": "US", "orders_7d": Decimal("4E+1"), "late_orders": 12},
]
BAD_VALUES = [{"region": "US", "orders_7d": value} for value in
              (True, False, "", "x" * 30, [1], {"a": 1}, float("nan"), float("inf"), -float("inf"), -0.5)]
ODD_ROWS = (  # what a cold review of the SQL found: each once answered differently
    [{"region": "US", "orders_7d": 40, "late_orders": 12, "avg_daily_orders_4w": Decimal(text)}
     for text in ("0E-40", "0E-19", "-0.0", "0")]
    + [{"region": "US", "orders_7d": value} for value in
       ('a"b', "a\nb", "ab\\cdefghijklmnopqrstuvwxyz", Decimal("sNaN"), Decimal("-NaN"), Decimal("-sNaN"))]
    + [{"region": region, "orders_7d": 40} for region in (5, True, ["US"], {"a": 1})]
    + [{"region": "US", "orders_7d": 40}]  # and the good row beside them is still decided
    # a fraction beside a whole constant (Spark once compared them as whole numbers: 30.48 <= 30)
    + [{"region": "SEA", "avg_first_response_minutes": Decimal(text), "avg_daily_orders_4w": Decimal(text)}
       for text in ("30.48", "30.000000000000000001", "30", "29.6", "-0.4", "0.4", "-0.000000000000000001")]
    + [{"region": "US", "orders_7d": Decimal(text)} for text in ("-0.4", "0.4", "2.5")]
)

# each kind of value against constants with and without places
TYPES_PACK = """policy p { version "1" effective 2024-01-01 }
region US
input share: rate
input minutes: duration in minutes
input orders: count
metric S = share { higher is worse  standard S < 4% }
metric M = minutes { higher is worse  standard M <= 30min }
rule s in US {
  on S
  table {
    when 4% <= S < 50% then points 1
    when 50% <= S then points 2
  }
}
rule m in US {
  on M
  table {
    when 30min < M < 60.5min and orders >= 3 then points 3
    when 60.5min <= M then points 4
  }
}
"""
TYPES_RECORDS = [{"region": "US", "share": Decimal(share), "minutes": Decimal(minutes), "orders": orders}
                 for share in ("0.0399", "0.04", "0.4999", "0.5", "1", "1.4", "-0.4")
                 for minutes in ("30", "30.48", "60.49", "60.5", "60.500000000000000001", "-0.4")
                 for orders in (2, 3)]

LIMIT_PACK = """policy p { version "1" effective 2024-01-01 }
region US
input orders: count
input late: count { part of orders }
input base: number
metric R = late / orders
basis avg = base { round up }
rule r in US {
  on R
  table {
    when 10% <= R < 50% then limit 7d at 33.3% avg
    when 50% <= R then limit 7d at 1.01% avg
  }
}
"""
LIMIT_RECORDS = [{"region": "US", "orders": 10, "late": late, "base": base}
                 for late in (1, 6) for base in (0, 1, 3, Decimal("299.99"), 10**17 + 1,
                                                 Decimal("0.000000000000000001"))]


# headroom and recovery where they could go wrong: a part without its total, totals of 0,
# values near 10^18 (k is bounded by the range), a tiny basis, rates where lower is worse
HEADROOM_ROWS = [
    {"region": "US", "late_orders": 3},
    {"region": "UK", "cancelled_orders": 0, "late_orders": 7},
    {"region": "US", "orders_7d": 0, "late_orders": 0, "cancelled_orders": 0},
    {"region": "SEA", "orders_7d": 10**18 - 1, "late_orders": 10**18 - 2,
     "avg_daily_orders_4w": Decimal("999999999999999999.5")},
    {"region": "US", "orders_7d": 10**18 - 1, "late_orders": 0, "cancelled_orders": 10**18 - 1},
    {"region": "UK", "orders_7d": 10**17, "late_orders": 4 * 10**15, "cancelled_orders": 25 * 10**14},
    {"region": "US", "orders_7d": 40, "late_orders": 39, "cancelled_orders": 1,
     "avg_daily_orders_4w": Decimal("0.000000000000000001")},
    {"region": "SEA", "orders_30d": 101, "defect_returns_30d": 2, "buyer_messages": 10, "replied_within_24h": 8,
     "replied_within_48h": 9, "seller_fault_return_requests_30d": 50, "resolved_return_requests_30d": 0,
     "negative_reviews_30d": 1, "non_cancelled_orders_30d": 100, "buyer_disputes_30d": 3,
     "seller_fault_disputes_30d": 3, "avg_first_response_minutes": Decimal("30.5")},
    {"region": "UK", "orders_7d": 20, "late_orders": 12, "avg_daily_orders_4w": 129.99},
]

# a small pack whose headroom query is reviewed as a snapshot: a part of its total, a
# standard, a warning, points and two limits (one tighter than the other)
HEADROOM_PACK = """policy p { version "1" effective 2024-01-01 }
region US
input orders: count
input late: count { part of orders  higher is worse }
input base: number
metric R = late / orders { higher is worse  standard R < 10% }
basis avg = base { round up }
rule r in US {
  on R
  table {
    when 10% <= R < 50% then warning, limit 7d at 33.3% avg
    when 50% <= R and late >= 3 then points 2, limit 7d at 1.01% avg
  }
}
"""
HEADROOM_RECORDS = [{"region": "US", "orders": orders, "late": late, "base": base}
                    for orders in (0, 1, 9, 10, 11, 20) for late in range(0, 12) if late <= orders
                    for base in (None, 7)]

# each kind of value growing where higher is worse: a rate, a duration, money (below 0 too),
# bounds and limits with places, an `all` table, and two tables of limits in one rule
KINDS_PACK = """policy p { version "1" effective 2024-01-01 }
region US
input share: rate { higher is worse }
input minutes: duration in minutes { higher is worse }
input balance: money in USD { higher is worse }
input orders: count
input base: number
metric S = share { higher is worse  standard S < 4% }
metric M = minutes { higher is worse  standard M <= 30min }
metric B = balance { higher is worse }
basis avg = base { round up }
rule s in US {
  on S
  table {
    when 4% <= S < 50% then points 1
    when 50% <= S then points 2
  }
}
rule m in US {
  on M
  table points {
    when 30min < M < 60.5min and orders >= 3 then points 3
    when 60.5min <= M then points 4
  }
  table limits all {
    when 30.25min < M then limit 7d at 33.3% avg
    when 1000.25min <= M then limit 3d at 10% avg
  }
}
rule b in US {
  on B
  table all {
    when B >= 2.5 USD then warning
    when B > 999999999999999000 USD then points 9
  }
}
"""
KINDS_VALUES = {
    "share": [None, 0, Decimal("0.03"), Decimal("0.04"), Decimal("0.5"), 1],
    "minutes": [None, 0, Decimal("30.48"), Decimal("60.499999999999999999"), Decimal("1000.25"),
                Decimal("999999999999999998.5"), Decimal("999999999999999999.25")],
    "balance": [None, Decimal("-999999999999999999.75"), Decimal("-3.75"), Decimal("2.5"),
                Decimal("999999999999998999.5"), Decimal("999999999999999998")],
    "orders": [None, 2, 3],
    "base": [None, Decimal("10.5")],
}


def kinds_records(step: int = 1) -> list[dict]:
    """Every combination of KINDS_VALUES (every `step`th), as rows of region US."""
    import itertools

    combinations = list(itertools.product(*KINDS_VALUES.values()))[::step]
    return [{"region": "US", **{name: value for name, value in zip(KINDS_VALUES, values) if value is not None}}
            for values in combinations]


# past the SQL range (19 decimal places): that row's E608, where Python decides it
PAST_SQL_RANGE = {"region": "US", "orders_7d": 40, "avg_daily_orders_4w": Decimal("1." + "1" * 19)}


def eval_lines() -> str:
    """A JSON Lines file for `tspol eval`: the pack's example sellers and bad lines."""
    from conftest import PACK

    lines = []
    for file in sorted((PACK / "examples").glob("*.jsonl")):
        for text in file.read_text(encoding="utf-8").splitlines():
            example = json.loads(text)
            lines.append(json.dumps({"seller_id": example["name"], "region": example["region"], **example["metrics"]},
                                    ensure_ascii=False))
    lines += ['{"orders_7d": -1}', '{"region": "us"}', "not json", '{"orders_7d": 40, "late_ordrs": 1}',
              '{"orders_7d": 40, "late_orders": 2.5, "region": "UK", "seller_id": 7}', '[1]',
              '{"seller_id": {"a": 1}}', '{"metrics": {"orders_7d": 40, "late_orders": 20}, "region": "SEA"}',
              '{"region": "US", "orders_7d": 40}', '{"region": ["US"]}', '{"region": 5}']
    return "\n".join(lines) + "\n"


def headroom_lines() -> str:
    """`eval_lines()` and HEADROOM_ROWS, for `tspol eval --headroom` (Decimals written as numbers)."""
    def line(record: dict) -> str:
        return "{" + ", ".join(f"{json.dumps(key)}: {value if isinstance(value, (int, float, Decimal)) else json.dumps(value)}"
                               for key, value in record.items()) + "}"

    rows = [line({"seller_id": f"h{n}", **row}) for n, row in enumerate(HEADROOM_ROWS)]
    return eval_lines() + "\n".join(rows) + "\n"
