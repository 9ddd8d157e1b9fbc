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

from collections.abc import Iterable, Iterator, Mapping

import duckdb

from tspol import tables
from tspol.sellers import literal_path

FIELDS = tables.FIELDS
decision = tables.decision
# Columns of these types hold whole numbers exactly: the query reads them as they are.
INTEGER_TYPES = frozenset({"TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT",
                           "UINTEGER", "UBIGINT", "UHUGEINT"})


def query(policy, table: str = "metrics", lang: str = "en", region: str | None = None,
          columns: dict | None = None, fields: tuple | None = None, headroom: bool = False) -> str:
    """The DuckDB query deciding every row of `table` (generated once per pack text);
    `fields` keeps some columns only (`tspol.runtime.shapes.parse_fields`); `headroom`:
    with the columns `headroom` and `recovery`."""
    return tables.query(policy, "duckdb", table, lang, region, columns, fields=fields, headroom=headroom)


def records_query(policy, lang: str = "en", region: str | None = None, fields: tuple | None = None,
                  headroom: bool = False) -> str:
    """The query `decisions` runs (generated once; SqlUnsupported for a pack SQL cannot decide)."""
    return query(policy, "metrics", lang, region, tables.positional(policy), fields, headroom)


def evaluate(policy, relation: duckdb.DuckDBPyRelation, lang: str = "en", region: str | None = None,
             connection: duckdb.DuckDBPyConnection | None = None, fields: tuple | None = None,
             headroom: bool = False) -> duckdb.DuckDBPyRelation:
    """The decisions of every row of `relation`, in its order, as a relation: of the
    columns and item fields `fields` keeps (`tspol.runtime.shapes.parse_fields`), or all;
    with `headroom`, the columns `headroom` and `recovery` too, before `error`."""
    connection = connection or duckdb.default_connection()
    tables.check_columns(policy, relation.columns)
    inputs = [spec.name for spec in policy.program.inputs]
    present = set(relation.columns)
    columns = [f'"{name}"' for name in relation.columns]
    columns += [f'NULL::VARCHAR AS "{name}"' for name in (*FIELDS, *inputs) if name not in present]
    view = f"tspol_metrics_{id(relation):x}"
    connection.register(view + "_given", relation)
    connection.execute(f'CREATE OR REPLACE TEMP VIEW "{view}" AS SELECT {", ".join(columns)} FROM "{view}_given"')
    whole = frozenset(name for name, kind in zip(relation.columns, relation.types)
                      if name in inputs and str(kind) in INTEGER_TYPES)
    return connection.sql(tables.query(policy, "duckdb", view, lang, region, None, whole, fields, headroom))


def decide_parquet(policy, source: str, target: str, lang: str = "en", region: str | None = None,
                   batch: int = 10_000, fields: tuple | None = None) -> tuple[int, Iterator[tuple[int, dict]]] | None:
    """Decide every row of the Parquet file `source` into the Parquet file `target` in
    DuckDB alone (no row passes through Python): the number of rows, and the failed
    ones as (row, error), row counted from 1, read back from `target`. Both are paths of
    those very files (never globs); `seller_id` is written as text, as `tspol eval -o`
    writes it from any table.

    None, with nothing written, when a row names a region the pack does not have: the
    Python engine's message for it has a did-you-mean that SQL does not compute."""
    connection = duckdb.connect()
    connection.execute("SET enable_progress_bar = false")
    source, written = literal_path(source), literal_path(target)
    given = connection.read_parquet(source)
    tables.check_columns(policy, given.columns)  # before the names are written into SQL
    if "region" in given.columns:
        names = ", ".join("?" for _ in policy.regions)
        unknown = connection.execute(f"SELECT count(*) FROM read_parquet(?) WHERE region NOT IN ({names})",
                                     [source, *policy.regions]).fetchall()[0][0]
        if unknown:
            return None
    if "seller_id" in given.columns:
        given = given.project(", ".join('CAST("seller_id" AS VARCHAR) AS "seller_id"' if name == "seller_id"
                                        else f'"{name}"' for name in given.columns))
    evaluate(policy, given, lang, region, connection, fields).write_parquet(target)
    count = connection.execute("SELECT count(*) FROM read_parquet(?)", [written]).fetchall()[0][0]
    failed = connection.execute("SELECT file_row_number + 1, error FROM read_parquet(?, file_row_number = true) "
                                "WHERE error IS NOT NULL ORDER BY file_row_number", [written])
    return count, (row for rows in iter(lambda: failed.fetchmany(batch), []) for row in rows)


def decisions(policy, records: Iterable[Mapping], lang: str = "en", region: str | None = None,
              fields: tuple | None = None, headroom: bool = False) -> list[dict]:
    """Decide dicts of metrics (with `seller_id` and `region` if any): for each, the
    decision `Policy.evaluate_dict` gives (with its `seller_id`; of the `fields` kept;
    `headroom` as there),
    or {"error": ...}."""
    records = list(records)
    columns = tables.record_columns(policy, records)
    connection = duckdb.connect()
    connection.execute("SET enable_progress_bar = false")  # it would write over the terminal's output
    # one list parameter per column, unnested side by side: a table in one call (executemany
    # inserts a row at a time, a thousand times slower)
    names = [*FIELDS, *tables.positional(policy).values()]
    unnested = ", ".join(f'unnest(?::VARCHAR[]) AS "{name}"' for name in names)
    connection.execute(f"CREATE TEMP TABLE metrics AS SELECT {unnested}", columns)
    result = connection.execute(records_query(policy, lang, region, fields, headroom))
    header = [d[0] for d in result.description]
    rows = (dict(zip(header, row)) for row in result.fetchall())
    return tables.record_decisions(policy, records, rows, fields, headroom)
