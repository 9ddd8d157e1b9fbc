"""Benchmark deciding a table of sellers: the DuckDB engine against DuckDB itself and Python.

    python bench/bench_batch.py [--sellers 100000]

Writes (deterministically) a Parquet file of sellers over the late-dispatch and
cancellation inputs in US, SEA and UK, then times, in the same run:

- baseline: DuckDB copying that file to another Parquet file, deciding nothing;
- duckdb: `tspol.duckdb.evaluate` of the file, written to Parquet (the pack's query);
- python: the compiled module deciding the same rows, one `evaluate_dict` call each
  (rows read from the same file), what `tspol eval --engine python --jobs 1` spends
  deciding, without its JSON;

and prints each time with its ratio to the baseline, and the DuckDB engine's speed
against the Python engine's. A person runs this; it is never part of the test run.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import duckdb  # noqa: E402

import tspol  # noqa: E402
import tspol.duckdb as engine  # noqa: E402

SELLERS = """
SELECT 's' || i AS seller_id,
       ['US', 'SEA', 'UK'][1 + i % 3] AS region,
       (i * 7919) % 400 AS orders_7d,
       ((i * 7919) % 400) * ((i * 104729) % 101) // 100 AS late_orders,
       ((i * 7919) % 400) * ((i * 15485863) % 31) // 100 AS cancelled_orders,
       (i * 31) % 500 AS avg_daily_orders_4w
FROM range(0, {count}) t(i)
"""


def timed(what, run):
    start = time.perf_counter()
    run()
    return what, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sellers", type=int, default=100_000)
    count = parser.parse_args().sellers
    policy = tspol.load()
    engine.query(policy)  # generated once, outside the timings
    with tempfile.TemporaryDirectory() as folder:
        given, copied, decided = (str(Path(folder) / name) for name in ("in.parquet", "copy.parquet", "out.parquet"))
        connection = duckdb.connect()
        connection.execute("SET enable_progress_bar = false")
        connection.execute(f"COPY ({SELLERS.format(count=count)}) TO '{given}' (FORMAT parquet)")
        rows = connection.sql(f"FROM '{given}'")
        records = [dict(zip(rows.columns, row)) for row in rows.fetchall()]

        def python():
            evaluate = policy.evaluate_dict
            for record in records:
                metrics = {k: v for k, v in record.items() if k not in ("seller_id", "region")}
                evaluate(metrics, record["region"])

        results = [
            timed("baseline: DuckDB copies the Parquet file", lambda: connection.execute(
                f"COPY (FROM '{given}') TO '{copied}' (FORMAT parquet)")),
            timed("duckdb: tspol.duckdb.evaluate, Parquet to Parquet", lambda: engine.evaluate(
                policy, connection.sql(f"FROM '{given}'"), connection=connection).write_parquet(decided)),
            timed("python: the compiled module, one call a seller", python),
        ]
    baseline = results[0][1]
    print(f"{count:,} sellers{'':<38}{'time':>10}  x baseline  sellers/s")
    for what, seconds in results:
        print(f"{what:<54}{seconds:>9.2f}s  {seconds / baseline:>10.1f}  {count / seconds:>9,.0f}")
    print(f"duckdb engine against the python engine: {results[2][1] / results[1][1]:.2f}x as fast")


if __name__ == "__main__":
    main()
