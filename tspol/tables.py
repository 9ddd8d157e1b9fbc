"""What the SQL engines share (`tspol.duckdb`, `tspol.spark`): the columns a table of
metrics may have, a Python value as the text its column holds, and an output row of
the pack's query as the JSON decision of the Python engine."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from decimal import Decimal

from tspol.compiler import portable, sqlgen
from tspol.runtime.metrics import MetricsError

FIELDS = portable.FIELDS


_queries: dict[tuple, str] = {}  # the latest QUERIES_KEPT queries, oldest first
QUERIES_KEPT = 32
# The table a query is generated for, then named: a query is the same text for every
# table but this one word, so one generation serves every relation of a pack.
_TABLE = "tspol_metrics_table"


def query(policy, dialect: str, table: str, lang: str, region: str | None, columns: dict | None,
          whole_columns: frozenset = frozenset(), fields: tuple | None = None, headroom: bool = False) -> str:
    """The query deciding every row of `table` in `dialect`, generated once per pack text
    and version (the versions of a pack with amendments share one text), columns and
    fields kept (`sqlgen.generate`: `whole_columns` are the inputs whose columns are
    integers; `headroom` adds the columns `headroom` and `recovery`), whatever the table."""
    fields = sqlgen.checked_fields(fields)
    key = (policy.source_hash, dialect, lang, region, tuple(sorted((columns or {}).items())),
           tuple(sorted(whole_columns)), fields, headroom, policy.program.version)
    options = dict(lang=lang, region=region, columns=columns, whole_columns=whole_columns, fields=fields,
                   headroom=headroom)
    text = _queries.pop(key, None) or sqlgen.generate(policy.program, dialect, table=_TABLE, **options)
    _queries[key] = text  # now the newest
    while len(_queries) > QUERIES_KEPT:
        del _queries[next(iter(_queries))]
    placeholder = f"FROM {sqlgen.table_name(_TABLE, dialect)}"
    if text.count(_TABLE) != 1 or placeholder not in text:  # the pack's own text has the word
        return sqlgen.generate(policy.program, dialect, table=table, **options)
    return text.replace(placeholder, f"FROM {sqlgen.table_name(table, dialect)}")


def check_columns(policy, columns: Iterable[str]) -> None:
    """MetricsError (E601) for a column that is neither an input nor one of FIELDS."""
    inputs = [spec.name for spec in policy.program.inputs]
    for name in columns:
        if name not in inputs and name not in FIELDS:
            raise MetricsError.from_portable(portable._unknown_input(name, inputs))


def positional(policy) -> dict[str, str]:
    """The column of each input in a table built from records: by position, since input
    names may differ in case only."""
    return {spec.name: f"input_{position}" for position, spec in enumerate(policy.program.inputs)}


def record_columns(policy, records: list[Mapping]) -> list[list[str | None]]:
    """The columns of a table of records (FIELDS, then each input by position), as texts."""
    check_columns(policy, (key for record in records for key in record))
    inputs = [spec.name for spec in policy.program.inputs]
    return [[None if r.get("seller_id") is None else str(r["seller_id"]) for r in records],
            [r.get("region") if isinstance(r.get("region"), str) else None for r in records],
            *([text(r.get(name)) for r in records] for name in inputs)]


def text(value) -> str | None:
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


def record_decisions(policy, records: list[Mapping], rows: Iterable[Mapping], fields: tuple | None = None,
                     headroom: bool = False) -> list[dict]:
    """The decision of each record from its output row, as `Policy.evaluate_dict` gives it
    (of the `fields` the query kept, with `headroom` when it has those columns)."""
    decided = []
    regions = list(policy.regions)
    kept = sqlgen.kept_fields(fields)  # once for the batch, not once a row
    for record, row in zip(records, rows):
        found = _decision(row, kept, headroom)
        given = record.get("region")
        if given is not None and not isinstance(given, str):  # not a region name at all: as the module says
            wrong = portable._unknown_region(given, regions)
            found = {"error": {"code": wrong.code, "key": wrong.key, "message": wrong.message}} | (
                {"seller_id": found["seller_id"]} if "seller_id" in found else {})
        if "seller_id" in found:  # as given: a whole number stays one
            found["seller_id"] = record["seller_id"]
        decided.append(found)
    return decided


def decision(row: Mapping, fields: tuple | None = None, headroom: bool = False) -> dict:
    """One output row as the JSON decision of the Python engine: of the columns the
    query keeps (`fields`, as `tspol.runtime.shapes.keep` cuts a decision; None: all),
    with `headroom` and `recovery` when the query has them, as
    `Policy.evaluate_dict(..., headroom=True)`. A column the query should have and the
    row lacks is a KeyError: never a decision with a part missing."""
    return _decision(row, sqlgen.kept_fields(fields), headroom)


def _decision(row: Mapping, kept: Mapping[str, tuple[str, ...]], headroom: bool) -> dict:
    """`decision` of the columns `kept` (`sqlgen.kept_fields`)."""
    out = {} if row.get("seller_id") is None else {"seller_id": row["seller_id"]}
    if row["error"] is not None:
        return out | {"error": dict(row["error"])}
    for key in ("region", "points", "warning"):
        if key in kept:
            out[key] = row[key]
    if "violations" in kept:
        with_limit = "limit" in kept["violations"]
        out["violations"] = [_violation(v, with_limit) for v in row["violations"]]
    for key in ("findings", "not_applicable", "discretionary"):
        if key in kept:
            out[key] = [dict(item) for item in row[key]]
    if "levels" in row:  # a pack that declares levels, its whole decision (issue 11)
        out["levels"] = dict(row["levels"])
    if headroom:
        out["headroom"] = [_headroom(item) for item in row["headroom"]]
        out["recovery"] = [dict(item, below=[dict(b) for b in item["below"]]) for item in row["recovery"]]
    return out


def _violation(v: Mapping, with_limit: bool = True) -> dict:
    return dict(v, limit=_limit(v["limit"])) if with_limit else dict(v)


def _limit(limit: Mapping | None) -> dict | None:
    if limit is None:
        return None
    percent = limit["percent"]
    out = {"days": limit["days"], "percent": int(percent) if percent.isdigit() else percent, "basis": limit["basis"]}
    if limit["daily_cap"] is not None:
        out["daily_cap"] = int(limit["daily_cap"])
    return out


def _headroom(item: Mapping) -> dict:
    then = item["then"]
    if then is not None:
        then = dict(then, rows=[dict(row, limit=_limit(row["limit"])) for row in then["rows"]])
    return dict(item, then=then, **{"with": list(item["with"])})
