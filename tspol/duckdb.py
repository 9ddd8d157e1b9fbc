"""Deciding sellers in DuckDB (the `duckdb` extra): the pack's SQL (`tspol.compiler.sqlgen`)
run over a relation of metrics, embedded in this process.

    import duckdb, tspol, tspol.duckdb
    policy = tspol.load()
    decided = tspol.duckdb.evaluate(policy, duckdb.sql("FROM 'metrics.parquet'"))
    decided.write_parquet("decisions.parquet")

The relation has a column per input (any may be missing: it is not given), and
may have `seller_id` and `region`; another column is an error (E601), as an
unknown key is. `decisions(policy, records)` decides Python dicts the same way
and gives what `Policy.evaluate_dict` gives, or an `error` record for a bad one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import duckdb

from tspol import tables

FIELDS = tables.FIELDS
decision = tables.decision



def query(policy, table: str = "metrics", lang: str = "en", region: str | None = None,
          columns: dict | None = None) -> str:
    """The DuckDB query deciding every row of `table` (generated once per pack text)."""
    return tables.query(policy, "duckdb", table, lang, region, columns)


def records_query(policy, lang: str = "en", region: str | None = None) -> str:
    """The query `decisions` runs (generated once; SqlUnsupported for a pack SQL cannot decide)."""
    return query(policy, "metrics", lang, region, tables.positional(policy))


def evaluate(policy, relation: duckdb.DuckDBPyRelation, lang: str = "en", region: str | None = None,
             connection: duckdb.DuckDBPyConnection | None = None) -> duckdb.DuckDBPyRelation:
    """The decisions of every row of `relation`, in its order, as a relation."""
    connection = connection or duckdb.default_connection()
    tables.check_columns(policy, relation.columns)
    inputs = [spec.name for spec in policy.program.inputs]
    present = set(relation.columns)
    columns = [f'"{name}"' for name in relation.columns]
    columns += [f'NULL::VARCHAR AS "{name}"' for name in (*FIELDS, *inputs) if name not in present]
    view = f"tspol_metrics_{id(relation):x}"
    connection.register(view + "_given", relation)
    connection.execute(f'CREATE OR REPLACE TEMP VIEW "{view}" AS SELECT {", ".join(columns)} FROM "{view}_given"')
    return connection.sql(query(policy, view, lang, region))


def decisions(policy, records: Iterable[Mapping], lang: str = "en", region: str | None = None) -> list[dict]:
    """Decide dicts of metrics (with `seller_id` and `region` if any): for each, the
    decision `Policy.evaluate_dict` gives (with its `seller_id`), or {"error": ...}."""
    records = list(records)
    columns = tables.record_columns(policy, records)
    connection = duckdb.connect()
    connection.execute("SET enable_progress_bar = false")  # it would write over the terminal's output
    # one list parameter per column, unnested side by side: a table in one call (executemany
    # inserts a row at a time, a thousand times slower)
    names = [*FIELDS, *tables.positional(policy).values()]
    unnested = ", ".join(f'unnest(?::VARCHAR[]) AS "{name}"' for name in names)
    connection.execute(f"CREATE TEMP TABLE metrics AS SELECT {unnested}", columns)
    result = connection.execute(records_query(policy, lang, region))
    header = [d[0] for d in result.description]
    return tables.record_decisions(policy, records, (dict(zip(header, row)) for row in result.fetchall()))
