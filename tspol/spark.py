"""Deciding sellers on Spark (the `spark` extra): the pack's SQL (`tspol.compiler.sqlgen`,
printed for Spark) run over a DataFrame of metrics, in Spark SQL only (no Python UDF).

    import tspol, tspol.spark
    policy = tspol.load()
    spark = tspol.spark.session()  # local, or the cluster that PYSPARK_SUBMIT_ARGS names
    decided = tspol.spark.evaluate(policy, spark.read.parquet("metrics.parquet"))
    decided.write.parquet("decisions.parquet")

The DataFrame has a column per input (any may be missing: it is not given), and
may have `seller_id` and `region`; another column is an error (E601), as an
unknown key is. `decisions(policy, records)` decides Python dicts the same way and
gives what `Policy.evaluate_dict` gives, or an `error` record for a bad one.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from pathlib import Path

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql.types import StringType, StructField, StructType

from tspol import tables

FIELDS = tables.FIELDS

# What a session of tspol's own sets; a session the caller made is used as it is.
CONFIG = {
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.sql.shuffle.partitions": "1",
    # the query is one wide projection: its generated Java is too large to compile, and
    # Spark then interprets it; trying first costs seconds a query and a page of log
    "spark.sql.codegen.wholeStage": "false",
    "spark.sql.codegen.maxFields": "0",
}

# Spark's own log: errors only (it warns about the host and Hadoop's libraries on every start)
LOG_CONFIG = Path(__file__).with_name("spark-log4j2.properties")

VIEW = "tspol_metrics"  # the temporary view a query reads: Spark resolves it when the query is made


def session(**config: str) -> SparkSession:
    """The active SparkSession, or a new one with CONFIG (and `config`) on the master that
    `spark-submit` or PYSPARK_SUBMIT_ARGS gives (`local[*]` when none does)."""
    active = SparkSession.getActiveSession()
    if active is not None:
        return active
    builder = SparkSession.builder.appName("tspol")
    log = f"-Dlog4j2.configurationFile={LOG_CONFIG.as_uri()}"
    defaults = {**CONFIG, "spark.driver.extraJavaOptions": log, "spark.executor.extraJavaOptions": log}
    for key, value in {**defaults, **config}.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


# Columns of these types hold whole numbers exactly: the query reads them as they are.
INTEGER_TYPES = frozenset({"tinyint", "smallint", "int", "bigint"})


def query(policy, table: str = "metrics", lang: str = "en", region: str | None = None,
          columns: dict | None = None, fields: tuple | None = None, headroom: bool = False) -> str:
    """The Spark SQL query deciding every row of `table` (generated once per pack text);
    `fields` keeps some columns only (`tspol.runtime.shapes.parse_fields`); `headroom`:
    with the columns `headroom` and `recovery`."""
    return tables.query(policy, "spark", table, lang, region, columns, fields=fields, headroom=headroom)


def records_query(policy, lang: str = "en", region: str | None = None, fields: tuple | None = None,
                  headroom: bool = False) -> str:
    """The query `decisions` runs (generated once; SqlUnsupported for a pack SQL cannot decide)."""
    return query(policy, VIEW, lang, region, tables.positional(policy), fields, headroom)


def evaluate(policy, dataframe: DataFrame, lang: str = "en", region: str | None = None,
             fields: tuple | None = None, headroom: bool = False) -> DataFrame:
    """The decisions of every row of `dataframe`, in its order, as a DataFrame: of the
    columns and item fields `fields` keeps (`tspol.runtime.shapes.parse_fields`), or all;
    with `headroom`, the columns `headroom` and `recovery` too, before `error`."""
    tables.check_columns(policy, dataframe.columns)
    inputs = [spec.name for spec in policy.program.inputs]
    present = set(dataframe.columns)
    given = dataframe.select(*(F.col("`" + name.replace("`", "``") + "`") for name in dataframe.columns),
                             *(F.lit(None).cast("string").alias(name) for name in (*FIELDS, *inputs)
                               if name not in present))
    given.createOrReplaceTempView(VIEW)
    whole = frozenset(name for name, kind in dataframe.dtypes if name in inputs and kind in INTEGER_TYPES)
    return given.sparkSession.sql(tables.query(policy, "spark", VIEW, lang, region, None, whole, fields, headroom))


def decisions(policy, records: Iterable[Mapping], lang: str = "en", region: str | None = None,
              spark: SparkSession | None = None, fields: tuple | None = None, headroom: bool = False) -> list[dict]:
    """Decide dicts of metrics (with `seller_id` and `region` if any): for each, the
    decision `Policy.evaluate_dict` gives (with its `seller_id`; of the `fields` kept;
    `headroom` as there),
    or {"error": ...}."""
    records = list(records)
    columns = tables.record_columns(policy, records)
    names = [*FIELDS, *tables.positional(policy).values()]
    schema = StructType([StructField(name, StringType()) for name in names])
    spark = spark or session()
    table = spark.createDataFrame(list(zip(*columns)) if records else [], schema)
    table.createOrReplaceTempView(VIEW)
    rows = spark.sql(records_query(policy, lang, region, fields, headroom)).collect()
    return tables.record_decisions(policy, records, (row.asDict(recursive=True) for row in rows), fields, headroom)



# ---- points ledgers, a seller per group ----------------------------------------

LEDGER_SCHEMA = "first long, text string"  # a seller's first line in the file, and what `render` made of it

_modules: dict = {}  # module source -> the module, run once per Python worker


def ledger_texts(program, module_source: str, log, render, region: str | None = None,
                 spark: SparkSession | None = None, versions: tuple = ()) -> list[str]:
    """`render(ledger)` of each seller's `tspol.runtime.ledger.Ledger`, built and rendered on
    Spark's executors, one group per seller (`groupBy(...).applyInPandas`), for logs of
    more sellers than one machine simulates in good time; in the order the sellers first
    appear in the file, as `Ledgers` gives them. `log` is an `EventLog` already checked
    (`Ledgers` on it raised nothing): the executors meet no bad event. They run the very
    module source and program the caller does, so each state is the one it would get;
    `render` must pickle (a module-level function, or a partial of one). A log without
    events has no seller to group: [].

    `versions`, of a pack with amendments, are its versions as the ledger reads them,
    each as (since, program, module source, takes_new_expiry) (`versions_of`): they
    travel to the executors with the recipe, each module loaded there once."""
    import pyarrow

    from tspol.runtime import events as ev

    if not log:
        return []
    spark = spark or session()
    frame = spark.createDataFrame(pyarrow.table({  # Arrow: a column at a time, not a Python row each
        "seller": [ev.seller_text(e.seller_id) for e in log], "line": pyarrow.array([e.line for e in log], "int64"),
        "event": [ev.event_json(e) for e in log]}))
    recipe = (program, module_source, region, log.path, render, tuple(versions))
    texts = (frame.repartition(spark.sparkContext.defaultParallelism, "seller").groupBy("seller")
             .applyInPandas(functools.partial(_seller_texts, recipe), LEDGER_SCHEMA).collect())
    return [row.text for row in sorted(texts, key=lambda row: row.first)]


def _seller_texts(recipe, group):
    """On an executor: one seller's events (a pandas DataFrame) -> its ledger, rendered."""
    import pandas

    from tspol.runtime import events as ev
    from tspol.runtime import jsonnum
    from tspol.runtime.ledger import Ledger

    program, source, region, path, render, versions = recipe
    events = [ev.event_from_record(jsonnum.parse_line(text), int(line), path)
              for line, text in sorted(zip(group["line"], group["event"]))]
    ledger = Ledger(program, ev.EventLog(ev.in_ledger_order(events), path), region, _module(source).evaluate, path,
                    versions=_in_force(versions))
    return pandas.DataFrame({"first": [events[0].line], "text": [render(ledger)]})


def versions_of(policy) -> tuple:
    """The versions of a pack with amendments as they travel to the executors: (since,
    program, module source, takes_new_expiry) of each, the first first; () for a pack of
    one version."""
    workspace = policy.workspace
    if not workspace.has_history:
        return ()
    return tuple((version.date.toordinal(), each.program(), each.compiled().module_source(),
                  version.keeps_expiry is False)
                 for version, each in zip(workspace.history.versions, workspace.versions()))


def _in_force(versions: tuple):
    """The versions of the recipe as a ledger reads them (None: one version)."""
    from tspol.runtime.ledger import InForce

    if not versions:
        return None
    return tuple(InForce(since, program, _module(source).evaluate, takes_new_expiry=takes)
                 for since, program, source, takes in versions)


def _module(source: str):
    """The compiled policy module of `source`, loaded once per worker process."""
    from tspol.compiler.cache import load_source

    if source not in _modules:
        _modules[source] = load_source(source, "<tspol policy>")
    return _modules[source]
