"""Benchmark deciding tables of sellers, and many sellers' ledgers, as a user runs them.

    python bench/bench_batch.py                      # 1,000,000 sellers; ledger 100,000 x 20 events
    python bench/bench_batch.py --sellers 20000 --ledger-sellers 2000   # a quick run
    python bench/bench_batch.py --no-spark --no-ledger

Writes (deterministically: no randomness but a seeded one) a Parquet file of sellers
over the late-dispatch and cancellation inputs in US, SEA and UK, the same sellers as
JSON Lines, and a JSON Lines file of many sellers' ledger events, then measures, in the
same run, each in a process of its own (its wall time from start to exit, start-up
included, and its peak resident memory, from `os.wait4`):

1. baseline: DuckDB copying the Parquet file to another Parquet file, deciding nothing;
2. `tspol eval --engine duckdb sellers.parquet -o decisions.parquet`: the command;
3. `tspol.duckdb.evaluate(policy, relation).write_parquet(...)`: the library;
4. a hand-written DuckDB query of the same tier choice (bench/handwritten.py,
   `TIERS_SQL`: one CASE per rule, integer cross-multiplication), Parquet to Parquet;
5. `tspol eval --engine python --jobs 1`: JSON Lines to JSON Lines (its streaming path,
   stdout to a file), and Parquet to Parquet with `-o`;
6. Spark local: `tspol.spark.evaluate(policy, spark.read.parquet(...))` written to
   Parquet, against
7. the hand-written query of 4 in Spark SQL, written to Parquet, on the same session
   (one process: the session is started once, both queries are warmed up on a small
   slice first; peak memory is the driver's plus the JVM's, each reset before a query);
8. the many-seller ledger: `tspol simulate --format json` of 100,000 sellers x 20
   events in one file (each event with its `seller_id`, the file in date order across
   sellers), against a bare Python loop reading the same file with `json.loads`.

Before printing, it checks that every output has a row per seller, that the command's
outputs agree with the library's points, and that the hand-written queries pick the
same points (per rule) and warnings as tspol for every seller, in DuckDB and in Spark:
a hand-written query that decided otherwise would not be a baseline.

Prints a table (seconds, ratio to its baseline, peak RSS) and the targets:
`tspol eval --engine duckdb` Parquet to Parquet at most 5x DuckDB's copy, and at least
10x as fast as `tspol eval --engine python --jobs 1` (its quicker path of the two).
A person runs this; it is never part of the test run, and nothing asserts on time.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

# The sellers: orders from 0 to 399 a week (0: rates not applicable), late and cancelled
# orders spread over every tier, regions in turn. Pure arithmetic on the row number.
SELLERS = """
SELECT 's' || i AS seller_id,
       ['US', 'SEA', 'UK'][1 + i % 3] AS region,
       (i * 7919) % 400 AS orders_7d,
       ((i * 7919) % 400) * ((i * 104729) % 101) // 100 AS late_orders,
       ((i * 7919) % 400) * ((i * 15485863) % 31) // 100 AS cancelled_orders,
       (i * 31) % 500 AS avg_daily_orders_4w
FROM range(0, {count}) t(i)
"""

LEDGER_SEED = 20240715

BARE_LOOP = """
import json, sys
with open(sys.argv[1], encoding="utf-8") as lines:
    for line in lines:
        json.loads(line)
"""


# ---- files --------------------------------------------------------------------------

class Files:
    def __init__(self, work: Path):
        self.work = work
        self.sellers = work / "sellers.parquet"
        self.sellers_jsonl = work / "sellers.jsonl"
        self.copy = work / "copy.parquet"
        self.library = work / "library.parquet"
        self.handwritten = work / "handwritten.parquet"
        self.cli_duckdb = work / "cli-duckdb.parquet"
        self.cli_python = work / "cli-python.parquet"
        self.cli_python_jsonl = work / "cli-python.jsonl"
        self.lean_duckdb = work / "lean-duckdb.parquet"
        self.lean_python_jsonl = work / "lean-python.jsonl"
        self.spark_tspol = work / "spark-tspol"
        self.spark_handwritten = work / "spark-handwritten"
        self.events = work / "events.jsonl"
        self.states = work / "states.jsonl"
        self.one = work / "one.json"
        self.cache = work / "cache"


def write_sellers(files: Files, count: int) -> None:
    import duckdb

    connection = duckdb.connect()
    connection.execute("SET enable_progress_bar = false")
    connection.execute(f"CREATE TABLE sellers AS {SELLERS.format(count=count)}")
    connection.execute(f"COPY sellers TO '{files.sellers}' (FORMAT parquet)")
    connection.execute(f"COPY sellers TO '{files.sellers_jsonl}' (FORMAT json)")  # one object a line
    files.one.write_text(json.dumps({"orders_7d": 40, "late_orders": 12, "region": "US"}), encoding="utf-8")


def write_events(files: Files, sellers: int, events: int) -> int:
    """Every seller's events (bench_ledger.seller_events, seeded), each with its
    `seller_id`, in one file in date order across sellers (an export of a day's log
    after another); each seller's events of one day stay in their order."""
    from bench_ledger import seller_events

    rng = random.Random(LEDGER_SEED)
    dated = []
    for seller in range(sellers):
        for line in seller_events(rng, events).splitlines():
            dated.append((line[10:20], f'{{"seller_id": "s{seller}", {line[1:]}'))  # line: {"date": "YYYY-MM-DD"
    dated.sort(key=lambda pair: pair[0])  # stable: a seller's day keeps its order
    with open(files.events, "w", encoding="utf-8") as out:
        out.writelines(line + "\n" for _, line in dated)
    return len(dated)


# ---- measurements in a process of their own (`--only NAME`) ---------------------------

def child(name: str, files: Files) -> dict:
    """Run one in-process measurement; what it prints is the parent's to read."""
    if name == "copy":
        connection = _duckdb()
        start = time.perf_counter()
        connection.execute(f"COPY (FROM '{files.sellers}') TO '{files.copy}' (FORMAT parquet)")
        return {"seconds": time.perf_counter() - start}
    if name == "library":
        import tspol
        import tspol.duckdb

        policy = tspol.load()
        connection = _duckdb()
        start = time.perf_counter()
        relation = connection.sql(f"FROM '{files.sellers}'")
        tspol.duckdb.evaluate(policy, relation, connection=connection).write_parquet(str(files.library))
        return {"seconds": time.perf_counter() - start}
    if name == "handwritten":
        from handwritten import tiers_sql

        connection = _duckdb()
        start = time.perf_counter()
        connection.execute(f"COPY ({tiers_sql(repr(str(files.sellers)))}) TO '{files.handwritten}' (FORMAT parquet)")
        return {"seconds": time.perf_counter() - start}
    if name == "spark":
        return spark_child(files)
    raise SystemExit(f"unknown measurement {name!r}")


def _duckdb():
    """A DuckDB connection that draws no progress bar over the bench's output."""
    import duckdb

    connection = duckdb.connect()
    connection.execute("SET enable_progress_bar = false")
    return connection


def spark_child(files: Files) -> dict:
    import tspol
    import tspol.spark

    from handwritten import tiers_sql

    policy = tspol.load()
    start = time.perf_counter()
    spark = tspol.spark.session()
    given = spark.read.parquet(str(files.sellers))
    given.count()
    started = time.perf_counter() - start
    jvm = int(spark._jvm.java.lang.management.ManagementFactory.getRuntimeMXBean().getName().split("@")[0])

    def tspol_query(frame):
        return tspol.spark.evaluate(policy, frame)

    def handwritten_query(frame):
        frame.createOrReplaceTempView("bench_sellers")
        return spark.sql(tiers_sql("bench_sellers"))

    runs = {"spark-handwritten": (handwritten_query, files.spark_handwritten),
            "spark-tspol": (tspol_query, files.spark_tspol)}
    slice_ = given.limit(10_000)
    for query, folder in runs.values():  # warm up both (the JIT, the readers and writers)
        query(slice_).write.mode("overwrite").parquet(str(folder) + "-warm-up")
    out = {"session_seconds": started}
    for name, (query, folder) in runs.items():
        for pid in (os.getpid(), jvm):
            reset_peak(pid)
        start = time.perf_counter()
        query(spark.read.parquet(str(files.sellers))).write.mode("overwrite").parquet(str(folder))
        seconds = time.perf_counter() - start
        driver, java = peak_kib(os.getpid()), peak_kib(jvm)
        out[name] = {"seconds": seconds, "driver_mib": driver / 1024, "jvm_mib": java / 1024}
    spark.stop()
    return out


def reset_peak(pid: int) -> None:
    """Set the peak resident memory of `pid` back to its current size (Linux)."""
    try:
        Path(f"/proc/{pid}/clear_refs").write_text("5")
    except OSError:
        pass


def peak_kib(pid: int) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return float("nan")
    found = re.search(r"^VmHWM:\s+(\d+) kB", status, re.M)
    return float(found.group(1)) if found else float("nan")


# ---- running a process, measured ------------------------------------------------------

class Run:
    def __init__(self, seconds: float, peak_mib: float, code: int, stdout: str, stderr: str):
        self.seconds, self.peak_mib, self.code, self.stdout, self.stderr = seconds, peak_mib, code, stdout, stderr

    @property
    def failure(self) -> str | None:
        if self.code == 0:
            return None
        lines = [line.strip() for line in self.stderr.splitlines() if line.strip()]
        last = lines[-1] if lines else "(nothing on stderr)"
        return f"exit {self.code}: {last[:160]}"


# A small process that starts each measured one and waits for it: the peak RSS of a child
# counts the memory of the process it was forked from (Linux keeps the old image's peak
# across exec), so the forking is done from here, a Python of a few MiB, never from the
# benchmark itself (which holds the generated events).
LAUNCHER = """
import json, os, sys, time
command, out, err, cwd = json.loads(sys.argv[1])
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
        os.dup2(os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644), 1)
        os.dup2(os.open(err, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644), 2)
        os.chdir(cwd)
        os.execv(command[0], command)
    except BaseException as exc:
        os.write(2, f"cannot start {command[0]}: {exc}".encode())
    os._exit(127)
_, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "code": os.waitstatus_to_exitcode(status), "maxrss": usage.ru_maxrss}))
"""


def measured(command: list[str], env: dict, work: Path, stdout: Path | None = None) -> Run:
    """Run `command`: its wall time from start to exit and its peak RSS (`os.wait4` gives
    the rusage of that one child; a descendant it waited for counts as a max, not a sum)."""
    out_path = stdout or work / "stdout.txt"
    err_path = work / "stderr.txt"
    job = json.dumps([command, str(out_path), str(err_path), str(ROOT)])
    launched = subprocess.run([sys.executable, "-I", "-S", "-c", LAUNCHER, job], env=env, capture_output=True,
                              text=True)
    if launched.returncode != 0:
        raise SystemExit(f"the launcher failed: {launched.stderr}")
    result = json.loads(launched.stdout)
    peak = result["maxrss"] / (2**20 if sys.platform == "darwin" else 1024)  # bytes on macOS, KiB on Linux
    text = "" if stdout else out_path.read_text(encoding="utf-8", errors="replace")
    return Run(result["seconds"], peak, result["code"], text, err_path.read_text(encoding="utf-8", errors="replace"))


def best(runs: int, command: list[str], env: dict, work: Path, stdout: Path | None = None) -> Run:
    results = []
    for _ in range(runs):
        result = measured(command, env, work, stdout)
        if result.failure:
            return result
        results.append(result)
    return min(results, key=lambda r: r.seconds)


def tspol_command() -> list[str]:
    """The installed console script beside this Python, else the CLI module itself."""
    script = shutil.which("tspol", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "tspol.cli.main"]


def environment(files: Files) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["TSPOL_CACHE_DIR"] = str(files.cache)
    return env


# ---- the report -----------------------------------------------------------------------

class Row:
    def __init__(self, key, label, baseline=None, note=""):
        self.key, self.label, self.baseline, self.note = key, label, baseline, note
        self.seconds = self.inside = self.peak = None
        self.failure = None


def ratio(rows: dict, row: Row) -> str:
    base = rows.get(row.baseline) if row.baseline else None
    if base is None:
        return "baseline"
    if row.seconds is None or base.seconds is None:
        return "-"
    return f"{row.seconds / base.seconds:.1f}x {base.key}"


def print_table(title: str, rows: dict, keys: list[str]) -> None:
    print(f"\n{title}")
    print(f"  {'measurement':<62} {'seconds':>8} {'in-proc':>8}  {'x baseline':<22} {'peak MiB':>8}")
    for key in keys:
        row = rows[key]
        if row.failure:
            print(f"  {row.label:<62} FAILED: {row.failure}")
            continue
        if row.seconds is None:
            print(f"  {row.label:<62} not run{': ' + row.note if row.note else ''}")
            continue
        inside = f"{row.inside:8.2f}" if row.inside is not None else f"{'-':>8}"
        print(f"  {row.label:<62} {row.seconds:8.2f} {inside}  {ratio(rows, row):<22} {row.peak:8.0f}")


def compare(label: str, tspol_path: str, handwritten_path: str) -> str:
    """SystemExit unless the hand-written output picks tspol's points and warnings for every seller."""
    import duckdb

    connection = duckdb.connect()
    connection.execute("SET enable_progress_bar = false")

    def rule(name):
        return f"coalesce(list_sum([v.points FOR v IN t.violations IF v.rule = '{name}']), 0)"

    found = connection.execute(f"""
        SELECT count(*) AS sellers,
               count(*) FILTER (WHERE t.seller_id IS NULL OR h.seller_id IS NULL
                                OR t.error IS NOT NULL
                                OR t.points IS DISTINCT FROM h.points
                                OR t.warning IS DISTINCT FROM h.warning
                                OR {rule('late_dispatch')} IS DISTINCT FROM h.late_dispatch_points
                                OR {rule('seller_fault_cancellation')}
                                   IS DISTINCT FROM h.seller_fault_cancellation_points) AS differ,
               any_value(t.seller_id) FILTER (WHERE t.points IS DISTINCT FROM h.points
                                              OR t.warning IS DISTINCT FROM h.warning) AS example
        FROM read_parquet('{tspol_path}') t FULL JOIN read_parquet('{handwritten_path}') h USING (seller_id)
    """).fetchone()
    sellers, differ, example = found
    if differ:
        raise SystemExit(f"{label}: the hand-written query decides {differ} of {sellers} sellers otherwise than "
                         f"tspol (such as {example}): fix bench/handwritten.py before timing it")
    return f"{label}: the hand-written query picks tspol's points (per rule) and warning for all {sellers:,} sellers"


def summary(path: str, reader: str = "read_parquet") -> tuple[int, int]:
    import duckdb

    connection = duckdb.connect()
    connection.execute("SET enable_progress_bar = false")
    source = (f"read_json('{path}', format='newline_delimited', columns={{'points': 'INTEGER'}})"
              if reader == "json" else f"read_parquet('{path}')")
    return connection.execute(f"SELECT count(*), sum(points) FROM {source}").fetchone()


# ---- the run --------------------------------------------------------------------------

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sellers", type=int, default=1_000_000)
    parser.add_argument("--ledger-sellers", type=int, default=100_000)
    parser.add_argument("--ledger-events", type=int, default=20, help="events per seller")
    parser.add_argument("--no-spark", action="store_true", help="leave out the Spark measurements")
    parser.add_argument("--no-ledger", action="store_true", help="leave out the ledger measurements")
    parser.add_argument("--rounds", type=int, default=1, help="runs of each process; the quickest is shown")
    parser.add_argument("--work", type=Path, help="a folder for the files (default: a temporary one)")
    parser.add_argument("--only", help=argparse.SUPPRESS)  # a measurement run by the parent, in its own process
    args = parser.parse_args()
    if args.only:
        print(json.dumps(child(args.only, Files(args.work))))
        return
    if args.work:
        args.work.mkdir(parents=True, exist_ok=True)
        run(args, Files(args.work))
    else:
        with tempfile.TemporaryDirectory(prefix="tspol-bench-batch-") as folder:
            run(args, Files(Path(folder)))


def run(args, files: Files) -> None:
    import duckdb

    env = environment(files)
    tspol = tspol_command()
    count = args.sellers
    print(f"tspol bench_batch: Python {sys.version.split()[0]}, DuckDB {duckdb.__version__}, "
          f"{os.cpu_count()} CPUs; {count:,} sellers")
    write_sellers(files, count)
    print(f"sellers: {files.sellers.stat().st_size / 2**20:.1f} MiB of Parquet, "
          f"{files.sellers_jsonl.stat().st_size / 2**20:.1f} MiB of JSON Lines (the same rows)")
    help_text = subprocess.run(tspol + ["eval", "--help"], capture_output=True, text=True, env=env).stdout
    has_output = re.search(r"(^|[\s,])-o\b|--output\b", help_text) is not None
    warm = subprocess.run(tspol + ["eval", "--format", "json", str(files.one)], capture_output=True, env=env,
                          cwd=ROOT)  # the compile cache and bytecode, outside the timings
    if warm.returncode != 0:
        raise SystemExit(f"tspol eval does not run: {warm.stderr.decode(errors='replace')}")

    rows = {
        "copy": Row("copy", "baseline: DuckDB copies the Parquet file"),
        "cli-duckdb": Row("cli-duckdb", "tspol eval --engine duckdb  .parquet -o .parquet", "copy"),
        "library": Row("library", "tspol.duckdb.evaluate(...).write_parquet", "copy"),
        "handwritten": Row("handwritten", "hand-written DuckDB CASE query, Parquet to Parquet", "copy"),
        "cli-python-jsonl": Row("cli-python-jsonl", "tspol eval --engine python --jobs 1  .jsonl > .jsonl", "copy"),
        "cli-python": Row("cli-python", "tspol eval --engine python --jobs 1  .parquet -o .parquet", "copy"),
        "lean-duckdb": Row("lean-duckdb", "tspol eval --engine duckdb --shape lean  .parquet -o .parquet", "copy"),
        "lean-python-jsonl": Row("lean-python-jsonl", "tspol eval --engine python --jobs 1 --shape lean  .jsonl "
                                 "> .jsonl", "copy"),
        "spark-handwritten": Row("spark-handwritten", "Spark: hand-written Spark SQL CASE query, to Parquet"),
        "spark-tspol": Row("spark-tspol", "Spark: tspol.spark.evaluate(spark.read.parquet), to Parquet",
                           "spark-handwritten"),
        "ledger-baseline": Row("ledger-baseline", "baseline: json.loads of every event line"),
        "ledger": Row("ledger", "tspol simulate --format json (many sellers)", "ledger-baseline"),
    }

    def me(name):
        return [sys.executable, str(Path(__file__).resolve()), "--only", name, "--work", str(files.work)]

    def record(key, result: Run, inside: bool = False):
        row = rows[key]
        row.failure = result.failure
        if row.failure is None:
            row.seconds, row.peak = result.seconds, result.peak_mib
            if inside:
                row.inside = json.loads(result.stdout.strip().splitlines()[-1])["seconds"]

    record("copy", best(args.rounds, me("copy"), env, files.work), inside=True)
    record("cli-duckdb", best(args.rounds, tspol + ["eval", "--engine", "duckdb", str(files.sellers),
                                                    "-o", str(files.cli_duckdb)], env, files.work))
    record("library", best(args.rounds, me("library"), env, files.work), inside=True)
    record("handwritten", best(args.rounds, me("handwritten"), env, files.work), inside=True)
    record("cli-python-jsonl", best(args.rounds, tspol + ["eval", "--engine", "python", "--jobs", "1", "--format",
                                                          "json", str(files.sellers_jsonl)], env, files.work,
                                    stdout=files.cli_python_jsonl))
    record("cli-python", best(args.rounds, tspol + ["eval", "--engine", "python", "--jobs", "1",
                                                    str(files.sellers), "-o", str(files.cli_python)], env, files.work))
    record("lean-duckdb", best(args.rounds, tspol + ["eval", "--engine", "duckdb", "--shape", "lean",
                                                     str(files.sellers), "-o", str(files.lean_duckdb)], env, files.work))
    record("lean-python-jsonl", best(args.rounds, tspol + ["eval", "--engine", "python", "--jobs", "1", "--format",
                                                           "json", "--shape", "lean", str(files.sellers_jsonl)],
                                     env, files.work,
                                     stdout=files.lean_python_jsonl))
    session_seconds = None
    if args.no_spark:
        rows["spark-handwritten"].note = rows["spark-tspol"].note = "--no-spark"
    else:
        result = measured(me("spark"), env, files.work)
        if result.failure:
            rows["spark-tspol"].failure = rows["spark-handwritten"].failure = result.failure
        else:
            report = json.loads(result.stdout.strip().splitlines()[-1])
            session_seconds = report["session_seconds"]
            for key in ("spark-handwritten", "spark-tspol"):
                rows[key].seconds = rows[key].inside = report[key]["seconds"]
                rows[key].peak = report[key]["driver_mib"] + report[key]["jvm_mib"]
                rows[key].note = f"driver {report[key]['driver_mib']:.0f} + JVM {report[key]['jvm_mib']:.0f} MiB"
    events = 0
    if args.no_ledger:
        rows["ledger-baseline"].note = rows["ledger"].note = "--no-ledger"
    else:
        events = write_events(files, args.ledger_sellers, args.ledger_events)
        record("ledger-baseline", best(args.rounds, [sys.executable, "-c", BARE_LOOP, str(files.events)], env,
                                       files.work))
        record("ledger", best(args.rounds, tspol + ["simulate", "--region", "US", "--format", "json",
                                                    str(files.events)], env, files.work, stdout=files.states))

    # ---- checks: every output has a row per seller, and the baselines decide as tspol ----
    checks, problems = [], []
    if rows["library"].seconds is not None:
        expected = summary(str(files.library))
        if expected[0] != count:
            problems.append(f"the library wrote {expected[0]} rows for {count} sellers")
        for key, path, reader in (("cli-duckdb", files.cli_duckdb, "parquet"), ("cli-python", files.cli_python,
                                  "parquet"), ("cli-python-jsonl", files.cli_python_jsonl, "json"),
                                  ("lean-duckdb", files.lean_duckdb, "parquet"),
                                  ("lean-python-jsonl", files.lean_python_jsonl, "json")):
            if rows[key].seconds is not None:
                got = summary(str(path), reader)
                if got != expected:
                    problems.append(f"{rows[key].label}: {got[0]} rows, {got[1]} points in all; the library "
                                    f"wrote {expected[0]} rows, {expected[1]} points")
                    rows[key].failure = "its output differs from the library's (see below)"
        if rows["handwritten"].seconds is not None:
            checks.append(compare("DuckDB", str(files.library), str(files.handwritten)))
    if rows["spark-tspol"].seconds is not None:
        checks.append(compare("Spark", f"{files.spark_tspol}/*.parquet", f"{files.spark_handwritten}/*.parquet"))
    if rows["ledger"].seconds is not None:
        lines = sum(1 for _ in open(files.states, encoding="utf-8"))
        if lines != args.ledger_sellers:
            problems.append(f"tspol simulate printed {lines} states for {args.ledger_sellers} sellers")
            rows["ledger"].failure = "its output has not one state per seller (see below)"

    print_table(f"Deciding {count:,} sellers (US, SEA, UK; late dispatch and cancellation inputs)", rows,
                ["copy", "cli-duckdb", "library", "handwritten", "cli-python-jsonl", "cli-python", "lean-duckdb",
                 "lean-python-jsonl"])
    if not args.no_spark:
        print_table(f"Spark local ({count:,} sellers; one session"
                    + (f", started in {session_seconds:.1f} s, not counted" if session_seconds else "") + ")",
                    rows, ["spark-handwritten", "spark-tspol"])
        for key in ("spark-handwritten", "spark-tspol"):
            if rows[key].seconds is not None:
                print(f"  peak of {key}: {rows[key].note}")
    if not args.no_ledger:
        print_table(f"The many-seller ledger: {args.ledger_sellers:,} sellers x {args.ledger_events} events "
                    f"= {events:,} events in one file", rows, ["ledger-baseline", "ledger"])
    print("\n  seconds: the process from start to exit (Spark: the query alone, on a started session);")
    print("  in-proc: the timed part inside that process (the work, without start-up and imports)")

    print("\nChecks")
    for line in checks:
        print(f"  {line}")
    for line in problems:
        print(f"  PROBLEM: {line}")

    print("\nTargets")
    engine, copy = rows["cli-duckdb"], rows["copy"]
    pythons = [rows[k] for k in ("cli-python-jsonl", "cli-python") if rows[k].seconds is not None]
    if engine.seconds is None:
        why = engine.failure or engine.note
        hint = "" if has_output else " (`tspol eval --help` shows no -o: table input and output have not landed)"
        print(f"  NOT MEASURED  tspol eval --engine duckdb, Parquet to Parquet: {why}{hint}")
        library = rows["library"]
        if library.seconds is not None and copy.seconds is not None:
            print(f"  (for scale: the library, tspol.duckdb.evaluate, takes {library.seconds / copy.seconds:.1f}x "
                  f"DuckDB's copy)")
    else:
        if copy.seconds is not None:
            times = engine.seconds / copy.seconds
            print(f"  {'PASS' if times <= 5 else 'MISS'}  DuckDB engine vs DuckDB copying the file: {times:.1f}x "
                  f"(target: at most 5x)")
        if pythons:
            quickest = min(pythons, key=lambda r: r.seconds)
            faster = quickest.seconds / engine.seconds
            print(f"  {'PASS' if faster >= 10 else 'MISS'}  DuckDB engine vs `{quickest.label.strip()}`: "
                  f"{faster:.2f}x as fast (target: at least 10x)")
        else:
            print("  NOT MEASURED  DuckDB engine vs the python engine: "
                  f"{rows['cli-python-jsonl'].failure or 'no python run'}")
    lean, lean_python = rows["lean-duckdb"], rows["lean-python-jsonl"]
    if lean.seconds is not None and copy.seconds is not None:
        print(f"  (the lean shape: DuckDB {lean.seconds / copy.seconds:.1f}x its copy"
              + (f", {lean_python.seconds / lean.seconds:.2f}x as fast as python's lean JSON Lines"
                 if lean_python.seconds is not None else "") + ")")
    if any(row.failure for row in rows.values()) or problems:
        sys.exit(1)


if __name__ == "__main__":
    main()
