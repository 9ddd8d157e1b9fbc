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

from tspol.runtime import interpreter
from tspol.runtime.metrics import MetricsError


class SqlSnapshot(SingleFileSnapshotExtension):
    """A query of the bundled pack as a .sql file, so a policy edit reviews as a diff."""

    _write_mode = WriteMode.TEXT
    file_extension = "sql"


def expected(program, record: dict, lang: str) -> dict:
    """The interpreter's decision of a record (with its seller_id), or its error record."""
    metrics = {k: v for k, v in record.items() if k not in ("seller_id", "region")}
    out = {} if record.get("seller_id") is None else {"seller_id": record["seller_id"]}
    try:
        return out | interpreter.evaluate(program, metrics, record["region"], lang)
    except MetricsError as exc:
        return out | {"error": {"code": exc.code, "key": exc.key, "message": exc.message}}


def disagreements(policy, records: list[dict], got: list[dict], lang: str = "en") -> list[tuple[dict, dict, dict]]:
    """(record, engine's answer, interpreter's answer) for each record they differ on."""
    assert len(got) == len(records)
    return [(record, decision, want) for record, decision in zip(records, got)
            if decision != (want := expected(policy.program, record, lang))]


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
