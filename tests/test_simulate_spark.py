"""`tspol simulate --engine spark` prints what `--engine python` prints, to the byte.

The tier `pytest -q -m spark`. One local SparkSession for the module, as
`tspol.spark.session()` makes it; the command finds it active. Each seller's ledger is
made on an executor (`groupBy(...).applyInPandas`) from the events the driver read and
checked, so: many sellers in a shuffled file, in both formats, on their own last days,
on one day and as charts; one seller without `seller_id`; no events; and bad input,
which fails alike on both engines before Spark is asked for anything.

Without pyspark, pandas, pyarrow or Java these tests are skipped with the reason; with
TSPOL_REQUIRE_SPARK=1 (as `.ci/run` sets it) they fail instead.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import PACK, ROOT
from test_ledger_many import seller_a
from test_simulate import in_tmp, write_events  # noqa: F401  (in_tmp is a fixture)
from test_simulate_engine import many_sellers

pytestmark = pytest.mark.spark

ENGINES = ("python", "spark")
VIEWS = [[], ["--on", "2024-09-30"], ["--until", "2025-03-01", "--every", "7d"], ["--on", "2024-03-01",
                                                                                   "--until", "2024-04-01"]]


@pytest.fixture(scope="module")
def policy():
    import tspol

    return tspol.load()


def on_both(cli, *args) -> list[tuple]:
    """(exit code, stdout, stderr) of `tspol simulate ARGS` on each engine (of the bundled
    pack, named: `in_tmp` loads it once, and says once that it is not ./policies)."""
    results = [cli("simulate", "--policy", PACK, *args, "--engine", engine) for engine in ENGINES]
    return [(r.exit_code, r.stdout, r.stderr) for r in results]


@pytest.fixture
def sent(monkeypatch) -> list:
    """The number of sellers each `--engine spark` run had made on Spark's executors."""
    import tspol.spark

    counts, ledger_texts = [], tspol.spark.ledger_texts

    def counted(*args, **kwargs):
        texts = ledger_texts(*args, **kwargs)
        counts.append(len(texts))
        return texts

    monkeypatch.setattr(tspol.spark, "ledger_texts", counted)
    return counts


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_many_sellers_print_the_same_bytes_on_both_engines(spark, policy, in_tmp, cli, sent, fmt):  # noqa: F811
    name = write_events(in_tmp / "all.jsonl", *many_sellers(policy))
    for view in VIEWS:
        python, on_spark = on_both(cli, "--region", "US", name, "--format", fmt, *view)
        assert python[0] == 0, python
        assert on_spark == python, view
    assert sent == [30] * len(VIEWS)
    if fmt == "json":  # every seller, and the states are not all alike
        records = [json.loads(line) for line in python[1].splitlines()]
        assert len({json.dumps(r["seller_id"]) for r in records}) == 30
        assert len({r["level"] for r in records}) > 2 and any(r["holds"] for r in records)


def test_one_seller_without_seller_id(spark, in_tmp, cli, sent):  # noqa: F811
    name = write_events(in_tmp / "one.jsonl", *seller_a())
    for fmt in ("text", "json"):
        for view in VIEWS:
            python, on_spark = on_both(cli, "--region", "US", name, "--format", fmt, *view)
            assert python[0] == 0, python
            assert on_spark == python, (fmt, view)
    assert sent == [1] * 2 * len(VIEWS)


@pytest.mark.parametrize("view", [[], ["--format", "json"], ["--on", "2024-01-01"], ["--until", "2024-01-05"],
                                  ["--on", "2024-01-01", "--until", "2024-01-03", "--format", "json"]])
def test_no_events(spark, in_tmp, cli, view):  # noqa: F811
    (in_tmp / "empty.jsonl").write_text("\n", encoding="utf-8")
    python, on_spark = on_both(cli, "--region", "US", "empty.jsonl", *view)
    assert on_spark == python


SCORE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "examples", "ledger_score")
AMENDED_SCORE = os.path.join(os.path.dirname(SCORE), "versions_score")


@pytest.mark.parametrize("pack", [SCORE, AMENDED_SCORE], ids=["ledger_score", "versions_score"])
def test_a_score_ledger_prints_the_same_bytes_on_both_engines(spark, in_tmp, cli, sent, pack):  # noqa: F811
    """Issue 11, signed scores: examples/ledger_score, its sellers' scores on each engine; and
    examples/versions_score, whose amendment changes the score rules (each version to the executors)."""
    with open(os.path.join(pack, "events.jsonl"), encoding="utf-8") as events:
        lines = [json.loads(line) for line in events if line.strip()]
    name = write_events(in_tmp / "score.jsonl", *({"seller_id": seller, **event}
                                                  for seller in ("a", "b") for event in lines[:2 + (seller == "b") * 3]))
    for view in (["--format", "text"], ["--format", "json"], ["--on", "2025-09-30"], ["--until", "2025-08-01",
                                                                                       "--every", "7d"]):
        results = [cli("simulate", "--policy", pack, name, *view, "--engine", engine) for engine in ENGINES]
        python, on_spark = [(r.exit_code, r.stdout, r.stderr) for r in results]
        assert python[0] == 0, python
        assert '"score"' in python[1] or "score" in python[1]
        assert on_spark == python, view
    assert sent == [2] * 4


BAD = {
    "a bad line": ['{"seller_id": "a", "date": "2024-01-01", "kind": "violation", "id": "v1"}', "[1"],
    "a rule the policy has not": ['{"seller_id": "a", "date": "2024-01-01", "kind": "violation", "id": "v1", '
                                  '"rule": "late", "points": 1}'],
    "an appeal of nothing": ['{"seller_id": 3, "date": "2024-01-01", "kind": "appeal", "violation": "v9", '
                             '"outcome": "accepted"}'],
}


@pytest.mark.parametrize("lines", BAD.values(), ids=BAD.keys())
def test_bad_events_fail_alike_without_starting_spark(spark, in_tmp, cli, monkeypatch, lines):  # noqa: F811
    import tspol.cli.simulate

    def never(engine):
        raise AssertionError("Spark was started for bad input")

    good = [json.dumps({"seller_id": "b", **event}) for event in seller_a()]
    (in_tmp / "bad.jsonl").write_text("\n".join(good + lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(tspol.cli.simulate, "start_spark", never)
    python, on_spark = on_both(cli, "--region", "US", "bad.jsonl")
    assert python[:2] == (1, "") and "bad.jsonl:" in python[2]
    assert on_spark == python


def test_a_usage_error_is_the_same_on_both_engines(spark, in_tmp, cli):  # noqa: F811
    name = write_events(in_tmp / "e.jsonl", *({"seller_id": "b", **event} for event in seller_a()))
    python, on_spark = on_both(cli, "--region", "US", name, "--until", "2024-01-01")
    assert python[0] == 2 and 'of seller "b"' in python[2]
    assert on_spark == python


def test_without_java_the_spark_engine_says_so(spark, tmp_path):
    """A fresh process (the module's session is this one's) that finds no Java."""
    (tmp_path / "e.jsonl").write_text("".join(json.dumps(e) + "\n" for e in seller_a()), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "tspol.cli.main", "simulate", "--region", "US", "e.jsonl",
                           "--engine", "spark"], cwd=tmp_path, capture_output=True, text=True,
                          env={**os.environ, "JAVA_HOME": str(tmp_path / "no-java")})
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr.splitlines()[-1].startswith("tspol: --engine spark could not start Spark (")
    assert done.stderr.splitlines()[-1].endswith("it needs Java 17 or later (`java` on PATH or JAVA_HOME)")


# ---- a pack with amendments (issue 11: versions): its versions travel to the executors

AMENDED = [str(ROOT / "examples" / name) for name in ("versions", "versions_ledger")]


@pytest.mark.parametrize("pack", AMENDED, ids=os.path.basename)
@pytest.mark.parametrize("view", [[], ["--format", "json"], ["--until", "2025-12-31", "--every", "2w"]])
def test_a_pack_with_amendments_prints_the_same_bytes_on_both_engines(spark, cli, sent, pack, view):  # noqa: F811
    events = os.path.join(pack, "events.jsonl")
    python, on_spark = [cli("simulate", "--policy", pack, events, *view, "--engine", engine) for engine in ENGINES]
    assert python.exit_code == on_spark.exit_code == 0, python.output + on_spark.output
    assert on_spark.stdout == python.stdout and on_spark.stderr == python.stderr
    assert sent == [1]
def test_measures_until_within_standard_or_while_at_a_level_print_the_same_bytes(spark, in_tmp, cli, sent):  # noqa: F811
    """examples/ledger_until's events as two sellers (issue 11): open-ended measures and their ends."""
    from conftest import ROOT

    pack = ROOT / "examples" / "ledger_until"
    lines = (pack / "events.jsonl").read_text(encoding="utf-8").splitlines()
    events = [{"seller_id": "s1", **json.loads(line)} for line in lines]
    events += [{"seller_id": "s2", **json.loads(line)} for line in lines[:4]]  # no_campaigns ends, not the other
    name = write_events(in_tmp / "until.jsonl", *events)
    views = [[], ["--chart"], ["--format", "json"], ["--format", "json", "--on", "2025-03-12"],
             ["--until", "2025-04-10", "--every", "3d"]]
    for view in views:
        python, on_spark = (cli("simulate", "--policy", pack, name, *view, "--engine", engine) for engine in ENGINES)
        assert python.exit_code == 0, python.output
        assert "ends no_campaigns: LDR within standard" in python.stdout or "json" in view or "--until" in view
        assert (on_spark.exit_code, on_spark.stdout, on_spark.stderr) == (0, python.stdout, python.stderr), view
    assert sent == [2] * len(views)
