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

import json
from collections.abc import Iterable, Mapping
from decimal import Decimal

import duckdb

from tspol.compiler import portable, sqlgen
from tspol.runtime.metrics import MetricsError

FIELDS = ("seller_id", "region")


_queries: dict[tuple, str] = {}


def query(policy, table: str = "metrics", lang: str = "en", region: str | None = None,
          columns: dict | None = None) -> str:
    """The DuckDB query deciding every row of `table` (generated once per pack text)."""
    key = (policy.source_hash, table, lang, region, tuple(sorted((columns or {}).items())))
    if key not in _queries:
        _queries[key] = sqlgen.generate(policy.program, "duckdb", table=table, lang=lang, region=region,
                                        columns=columns)
    return _queries[key]


def _positional(policy) -> dict[str, str]:
    """The column of each input in the table `decisions` builds: by position, since input
    names may differ in case only."""
    return {spec.name: f"input_{position}" for position, spec in enumerate(policy.program.inputs)}


def records_query(policy, lang: str = "en", region: str | None = None) -> str:
    """The query `decisions` runs (generated once; SqlUnsupported for a pack SQL cannot decide)."""
    return query(policy, "metrics", lang, region, _positional(policy))


def evaluate(policy, relation: duckdb.DuckDBPyRelation, lang: str = "en", region: str | None = None,
             connection: duckdb.DuckDBPyConnection | None = None) -> duckdb.DuckDBPyRelation:
    """The decisions of every row of `relation`, in its order, as a relation."""
    connection = connection or duckdb.default_connection()
    inputs = [spec.name for spec in policy.program.inputs]
    for name in relation.columns:
        if name not in inputs and name not in FIELDS:
            raise MetricsError.from_portable(portable._unknown_input(name, inputs))
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
    inputs = [spec.name for spec in policy.program.inputs]
    names = [*FIELDS, *inputs]
    connection = duckdb.connect()
    connection.execute("SET enable_progress_bar = false")  # it would write over the terminal's output
    positional = _positional(policy)
    for record in records:
        for key in record:
            if key not in names:
                raise MetricsError.from_portable(portable._unknown_input(key, inputs))
    columns = [[None if r.get("seller_id") is None else str(r["seller_id"]) for r in records],
               [r.get("region") if isinstance(r.get("region"), str) else None for r in records],
               *([_text(r.get(name)) for r in records] for name in inputs)]
    # one list parameter per column, unnested side by side: a table in one call (executemany
    # inserts a row at a time, a thousand times slower)
    unnested = ", ".join(f'unnest(?::VARCHAR[]) AS "{name}"' for name in [*FIELDS, *positional.values()])
    connection.execute(f"CREATE TEMP TABLE metrics AS SELECT {unnested}", columns)
    result = connection.execute(records_query(policy, lang, region))
    header = [d[0] for d in result.description]
    decided = []
    regions = list(policy.regions)
    for record, row in zip(records, result.fetchall()):
        found = decision(dict(zip(header, row)))
        given = record.get("region")
        if given is not None and not isinstance(given, str):  # not a region name at all: as the module says
            wrong = portable._unknown_region(given, regions)
            found = {"error": {"code": wrong.code, "key": wrong.key, "message": wrong.message}} | (
                {"seller_id": found["seller_id"]} if "seller_id" in found else {})
        if "seller_id" in found:  # as given: a whole number stays one
            found["seller_id"] = record["seller_id"]
        decided.append(found)
    return decided


def _text(value) -> str | None:
    """A value as the text a SQL column of it holds: a number as Python writes it, anything
    else as its JSON (a string in quotes: the Python engine takes no string for a number)."""
    if value is None:
        return None
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str):  # in quotes as written, so that an error shows it as the Python engine does
        return f'"{value}"'
    try:
        return json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        return repr(value)


def decision(row: Mapping) -> dict:
    """One output row as the JSON decision of the Python engine."""
    out = {} if row.get("seller_id") is None else {"seller_id": row["seller_id"]}
    if row["error"] is not None:
        return out | {"error": dict(row["error"])}
    out |= {"region": row["region"], "points": row["points"], "warning": row["warning"]}
    out["violations"] = [_violation(v) for v in row["violations"]]
    for key in ("findings", "not_applicable", "discretionary"):
        out[key] = [dict(item) for item in row[key]]
    return out


def _violation(v: Mapping) -> dict:
    out = dict(v)
    limit = v["limit"]
    if limit is not None:
        percent = limit["percent"]
        out["limit"] = {"days": limit["days"], "percent": int(percent) if percent.isdigit() else percent,
                        "basis": limit["basis"]}
        if limit["daily_cap"] is not None:
            out["limit"]["daily_cap"] = int(limit["daily_cap"])
    return out
