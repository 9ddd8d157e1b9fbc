"""D12 (docs/policy/README.md): ledger events in any order, and many sellers in one file.

Events are taken by date, the file's order within a day, so a file shuffled (each day's
events kept in their order) gives the very bytes its sorted form gives. Events told
apart by `seller_id` are many sellers' ledgers: `tspol simulate` prints what each
seller's events alone print, `seller_id` first, seller after seller in the order they
first appear; the Python API is `Policy.ledgers`. The errors of one seller fail the
whole run, every problem reported.
"""

from __future__ import annotations

import datetime
import json
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from test_ledger_timeline import event_logs
from test_simulate import in_tmp, write_events  # noqa: F401  (in_tmp is a fixture)
from tspol.diagnostics import TspolError
from tspol.runtime.events import events_from_records, parse_events
from tspol.runtime.ledger import Ledger, Ledgers

START = datetime.date(2024, 8, 1)


def on_day(n: int) -> str:
    return str(START + datetime.timedelta(days=n))


def violation(n: int, id: str, points: int, **more) -> dict:
    return {"date": on_day(n), "kind": "violation", "id": id, "rule": "late_dispatch", "points": points, **more}


def appeal(n: int, target: str, outcome: str, **more) -> dict:
    return {"date": on_day(n), "kind": "appeal", "violation": target, "outcome": outcome, **more}


def seller_a() -> list[dict]:
    return [violation(0, "v1", 7), {"date": on_day(19), "kind": "metrics", "id": "m1",
                                    "metrics": {"orders_7d": 40, "cancelled_orders": 12}},
            appeal(24, "v1", "rejected"), appeal(38, "v1", "accepted"), {"date": on_day(40), "kind": "link",
                                                                          "account": "shop-b"}]


def seller_b() -> list[dict]:
    return [violation(3, "v1", 12), violation(3, "v2", 24), appeal(10, "v2", "accepted")]


def seller_c() -> list[dict]:
    return [violation(1, "x", 48), violation(5, "y", 1)]


SELLERS = {"a": seller_a, 7: seller_b, "c": seller_c}


def interleaved(rng: random.Random) -> list[dict]:
    """Every seller's events, `seller_id` first, in one file: shuffled, each seller's events
    of a day kept in their order, and the first line of each seller in SELLERS' order."""
    per_seller = [[{"seller_id": seller, **event} for event in events()] for seller, events in SELLERS.items()]
    firsts = [events.pop(0) for events in per_seller]
    rest = [event for events in per_seller for event in events]
    return firsts + day_order_kept_shuffle(rest, rng)


def day_order_kept_shuffle(events: list[dict], rng: random.Random) -> list[dict]:
    """The events in a random order, except that events of one day (and seller) keep their order."""
    keys = [rng.random() for _ in events]
    first_key: dict = {}
    for index, event in enumerate(events):  # each day's events follow its first, in order
        group = (event.get("seller_id"), event["date"])
        first_key.setdefault(group, keys[index])
        keys[index] = (first_key[group], index)
    return [event for _, event in sorted(zip(keys, events), key=lambda pair: pair[0])]


def lines(events: list[dict]) -> str:
    return "".join(json.dumps(e) + "\n" for e in events)


# ---- any order (D12) -----------------------------------------------------------------

def sorted_by_date(events: list[dict]) -> list[dict]:
    return sorted(events, key=lambda e: e["date"])


@pytest.mark.parametrize("fmt", ["text", "json"])
@pytest.mark.parametrize("seed", range(4))
def test_a_shuffled_file_prints_what_the_sorted_file_prints(in_tmp, cli, fmt, seed):  # noqa: F811
    events = seller_a() + [violation(60, "v9", 3), violation(60, "v8", 0, note="same day, after v9")]
    shuffled = day_order_kept_shuffle(events, random.Random(seed))
    assert shuffled != events
    write_events(in_tmp / "sorted.jsonl", *sorted_by_date(events))
    write_events(in_tmp / "shuffled.jsonl", *shuffled)
    printed = [cli("simulate", "--region", "US", name, "--format", fmt).stdout_bytes
               for name in ("sorted.jsonl", "shuffled.jsonl")]
    assert printed[0] == printed[1].replace(b"shuffled.jsonl", b"sorted.jsonl")
    assert b"v8" in printed[0]


@pytest.fixture(scope="module")
def policy():
    import tspol

    return tspol.load()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(events=event_logs(), seed=st.integers(0, 2**16))
def test_any_order_of_the_days_gives_the_same_ledger(policy, events, seed):
    def ledger(records):
        try:
            return Ledger(policy.program, records, region="US", evaluate=policy.evaluate_dict)
        except TspolError as exc:
            return [(d.code, d.key) for d in exc.diagnostics]

    in_order, shuffled = ledger(events), ledger(day_order_kept_shuffle(events, random.Random(seed)))
    if isinstance(in_order, list):
        assert sorted(in_order) == sorted(shuffled)
        return
    on = in_order.last_date + datetime.timedelta(days=30)
    assert shuffled.timeline(on) == in_order.timeline(on)
    assert shuffled.state(on) == in_order.state(on)


def test_events_of_one_day_keep_the_file_order():
    events = parse_events(lines([violation(2, "v3", 1), violation(1, "v2", 1), violation(2, "v1", 1),
                                 violation(1, "v0", 1)]))
    assert [(e.id, e.line) for e in events] == [("v2", 2), ("v0", 4), ("v3", 1), ("v1", 3)]


def test_an_appeal_above_its_violation_is_resolved_after_ordering(policy):
    ledger = policy.ledger([appeal(5, "v1", "accepted"), violation(0, "v1", 7)], region="US")
    assert [(a.violation, a.valid, a.attempt) for a in ledger.state().appeals] == [("v1", True, 1)]
    assert ledger.state().active_points == 0


def test_a_reference_to_a_later_event_says_what_was_expected():
    with pytest.raises(TspolError) as raised:
        parse_events(lines([violation(3, "v1", 7), appeal(1, "v1", "rejected"), appeal(2, "v7", "rejected")]),
                     "e.jsonl")
    assert [(d.line, d.key, d.code) for d in raised.value.diagnostics] == [(2, "violation", "E707"),
                                                                          (3, "violation", "E706")]
    assert raised.value.diagnostics[0].message == (
        '"v1" is the violation on line 1, dated 2024-08-04, after this appeal (2024-08-02): expected an appeal '
        "dated on or after the violation it names")
    assert raised.value.diagnostics[1].message == '"v7" is not the id of a violation or metrics event'


# ---- many sellers: the Python API -------------------------------------------------------

def test_each_sellers_ledger_is_its_events_alone(policy):
    ledgers = policy.ledgers(interleaved(random.Random(1)), region="US")
    assert list(ledgers) == list(SELLERS) and ledgers.has_seller_ids
    for seller, events in SELLERS.items():
        alone = policy.ledger(events(), region="US")
        assert ledgers[seller].state() == alone.state()
        assert ledgers[seller].timeline() == alone.timeline()
        assert ledgers[seller].seller_id == seller
    assert ledgers.state("2024-09-30") == {seller: policy.ledger(events(), region="US").state("2024-09-30")
                                           for seller, events in SELLERS.items()}
    records = ledgers.records()
    assert [list(r)[:2] for r in records] == [["seller_id", "on"]] * 3
    assert [r["seller_id"] for r in records] == list(SELLERS)


def test_the_ids_of_sellers_are_their_own(policy):
    events = [violation(0, "v1", 7, seller_id="a"), violation(1, "v1", 12, seller_id="b"),
              appeal(2, "v1", "accepted", seller_id="b")]
    states = policy.ledgers(events, region="US").state()
    assert {seller: state.active_points for seller, state in states.items()} == {"a": 7, "b": 0}
    with pytest.raises(TspolError) as raised:
        events_from_records(events + [violation(3, "v1", 1, seller_id="a")])
    assert [(d.line, d.key, d.code, d.message) for d in raised.value.diagnostics] == [
        (4, "id", "E705", 'id "v1" of seller "a" is already used on line 1')]


def test_a_file_without_seller_ids_is_one_seller_none(policy):
    ledgers = policy.ledgers(seller_a(), region="US")
    assert list(ledgers) == [None] and not ledgers.has_seller_ids
    assert ledgers[None].state() == policy.ledger(seller_a(), region="US").state()
    assert list(policy.ledgers([], region="US")) == [None]


def test_one_ledger_of_many_sellers_is_refused(policy):
    with pytest.raises(ValueError, match=r'holds the events of 3 sellers \("a", ...\): a Ledger is one seller'):
        policy.ledger(interleaved(random.Random(0)), region="US")
    one = [{**event, "seller_id": "a"} for event in seller_a()]
    assert policy.ledger(one, region="US").seller_id == "a"


def test_states_of_many_sellers_go_seller_after_seller(policy):
    ledgers = policy.ledgers(interleaved(random.Random(2)), region="US")
    steps = [(seller, str(state.on)) for seller, state in ledgers.states("2024-08-01", "2024-08-15", 7)]
    days = ["2024-08-01", "2024-08-08", "2024-08-15"]
    assert steps == [(seller, day) for seller in SELLERS for day in days]


def test_every_sellers_problems_are_reported_in_line_order(policy):
    events = [violation(0, "v1", 7, seller_id="a", rule="late_dispach"),
              violation(0, "v1", 7, seller_id="b", rule="nope"),
              violation(1, "v2", 7, seller_id="a", rule="late_dispach")]
    with pytest.raises(TspolError) as raised:
        policy.ledgers(events, region="US")
    assert [(d.line, d.key, d.code) for d in raised.value.diagnostics] == [(1, "rule", "E710"), (2, "rule", "E710"),
                                                                          (3, "rule", "E710")]


def test_each_seller_has_its_own_region(policy):
    def metrics(n, id, region, seller):
        return {"seller_id": seller, "date": on_day(n), "kind": "metrics", "id": id, "region": region,
                "metrics": {"orders_7d": 100, "late_orders": 4}}

    ledgers = policy.ledgers([metrics(0, "m1", "UK", "a"), metrics(0, "m1", "US", "b")])
    assert {seller: ledger.region for seller, ledger in ledgers.items()} == {"a": "UK", "b": "US"}
    with pytest.raises(TspolError) as raised:
        policy.ledgers([metrics(0, "m1", "UK", "a"), metrics(0, "m1", "US", "b"), metrics(1, "m2", "SEA", "a")])
    assert [(d.line, d.key, d.code) for d in raised.value.diagnostics] == [(3, "region", "E720")]


# ---- many sellers: the command ------------------------------------------------------------

def json_lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def test_json_lines_are_each_seller_alone_with_its_seller_id_first(in_tmp, cli):  # noqa: F811
    write_events(in_tmp / "all.jsonl", *interleaved(random.Random(3)))
    result = cli("simulate", "--region", "US", "all.jsonl", "--format", "json")
    assert result.exit_code == 0, result.output
    expected = []
    for seller, events in SELLERS.items():
        write_events(in_tmp / "one.jsonl", *events())
        alone = json.loads(cli("simulate", "--region", "US", "one.jsonl", "--format", "json").stdout)
        expected.append(json.dumps({"seller_id": seller, **alone}, ensure_ascii=False))
    assert result.stdout.splitlines() == expected
    assert [list(record)[:2] for record in json_lines(result.stdout)] == [["seller_id", "on"]] * 3


def test_steps_are_each_sellers_steps_seller_after_seller(in_tmp, cli):  # noqa: F811
    write_events(in_tmp / "all.jsonl", *interleaved(random.Random(4)))
    args = ["--until", "2024-09-10", "--every", "1w", "--format", "json"]
    result = cli("simulate", "--region", "US", "all.jsonl", "--on", "2024-08-01", *args)
    expected = []
    for seller, events in SELLERS.items():
        write_events(in_tmp / "one.jsonl", *events())
        alone = cli("simulate", "--region", "US", "one.jsonl", "--on", "2024-08-01", *args).stdout
        expected += [{"seller_id": seller, **state} for state in json_lines(alone)]
    assert json_lines(result.stdout) == expected
    assert len(expected) == 3 * 7


def test_text_prints_each_sellers_report_under_its_heading(in_tmp, cli):  # noqa: F811
    write_events(in_tmp / "all.jsonl", *interleaved(random.Random(5)))
    result = cli("simulate", "--region", "US", "all.jsonl")
    assert result.exit_code == 0, result.output
    reports = []
    for seller, events in SELLERS.items():
        write_events(in_tmp / "all.jsonl", *events())  # the same name, so the reports' first lines agree
        heading = f'=== seller {json.dumps(seller)} ===\n'
        reports.append(heading + cli("simulate", "--region", "US", "all.jsonl").stdout)
    assert result.stdout == "\n".join(reports)
    assert result.stdout.startswith('=== seller "a" ===\nall.jsonl: region US, events 2024-08-01 .. ')


def test_a_chart_of_many_sellers_has_a_table_under_each_heading(in_tmp, cli):  # noqa: F811
    write_events(in_tmp / "all.jsonl", *interleaved(random.Random(6)))
    result = cli("simulate", "--region", "US", "all.jsonl", "--on", "2024-08-01", "--until", "2024-08-03")
    tables = result.stdout.split("\n\n")
    assert [table.splitlines()[0] for table in tables] == ['=== seller "a" ===', "=== seller 7 ===",
                                                           '=== seller "c" ===']
    assert all(len(table.splitlines()) == 2 + 3 for table in tables)


def test_a_file_of_one_seller_with_a_seller_id_prints_json_lines(in_tmp, cli):  # noqa: F811
    write_events(in_tmp / "e.jsonl", *({**event, "seller_id": 42} for event in seller_b()))
    result = cli("simulate", "--region", "US", "e.jsonl", "--format", "json")
    assert [(r["seller_id"], r["active_points"]) for r in json_lines(result.stdout)] == [(42, 12)]


def test_mixing_events_with_and_without_seller_id_is_an_error(in_tmp, cli):  # noqa: F811
    write_events(in_tmp / "e.jsonl", {**violation(0, "v1", 7), "seller_id": "a"}, violation(1, "v2", 1),
                 {**violation(2, "v3", 1), "seller_id": "b"})
    result = cli("simulate", "--region", "US", "e.jsonl", "--format", "json")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == ("e.jsonl:2: error[E702]: key `seller_id`: this file holds sellers' events told apart "
                             'by `seller_id` (line 1 names seller "a"): every event needs its `seller_id`\n')


@pytest.mark.parametrize("value, shown", [(1.5, "1.5"), (True, "true"), (None, "null"), ({"id": 1}, '{"id": 1}'),
                                          (["a"], '["a"]')])
def test_a_seller_id_of_another_type_is_an_error(in_tmp, cli, value, shown):  # noqa: F811
    write_events(in_tmp / "e.jsonl", {**violation(0, "v1", 7), "seller_id": "a"},
                 {**violation(1, "v2", 1), "seller_id": value})
    result = cli("simulate", "--region", "US", "e.jsonl")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == ("e.jsonl:2: error[E703]: key `seller_id`: expected a seller id: a string "
                             f"or a whole number, got {shown}\n")
    assert "Traceback" not in result.output


@pytest.mark.parametrize("value", ["", " ", -3, 0, "é"])
def test_a_seller_id_that_eval_echoes_is_a_seller(in_tmp, cli, value):  # noqa: F811
    """Any string or whole number, as `tspol eval` takes a seller_id: one id, one seller in both."""
    write_events(in_tmp / "e.jsonl", {**violation(0, "v1", 7), "seller_id": "a"},
                 {**violation(1, "v1", 12), "seller_id": value})
    result = cli("simulate", "--region", "US", "e.jsonl", "--format", "json")
    assert result.exit_code == 0, result.output
    assert [(r["seller_id"], r["active_points"]) for r in json_lines(result.stdout)] == [("a", 7), (value, 12)]
    text = cli("simulate", "--region", "US", "e.jsonl").stdout
    assert f"=== seller {json.dumps(value, ensure_ascii=False)} ===" in text
    line = json.dumps({"seller_id": value, "orders_7d": 40, "late_orders": 12}) + "\n"
    assert json.loads(cli("eval", "--region", "US", "--format", "json", "-", input=line).stdout)["seller_id"] == value


def test_one_seller_written_two_ways_is_an_error(in_tmp, cli):  # noqa: F811
    write_events(in_tmp / "e.jsonl", {**violation(0, "v1", 7), "seller_id": 7},
                 {**violation(1, "v2", 1), "seller_id": "7"})
    result = cli("simulate", "--region", "US", "e.jsonl")
    assert result.exit_code == 1
    assert result.stderr == ('e.jsonl:2: error[E703]: key `seller_id`: seller "7" is written 7 on line 1: write '
                             "each seller's id one way, as a string or as a number\n")


def test_a_misspelt_seller_id_gets_a_hint(in_tmp, cli):  # noqa: F811
    write_events(in_tmp / "e.jsonl", {**violation(0, "v1", 7), "sellerId": "a"})
    result = cli("simulate", "--region", "US", "e.jsonl")
    assert "key `sellerId`: unknown key for a violation event" in result.stderr
    assert "help: did you mean `seller_id`, the seller whose event it is?" in result.stderr


def test_one_sellers_bad_event_fails_the_whole_run(in_tmp, cli):  # noqa: F811
    events = interleaved(random.Random(7))
    events.append({**appeal(50, "nothing", "accepted"), "seller_id": "c"})
    events.append({**violation(51, "v9", 1, rule="late"), "seller_id": 7})
    events.append({**violation(52, "v1", 1), "seller_id": "a"})
    write_events(in_tmp / "all.jsonl", *events)
    result = cli("simulate", "--region", "US", "all.jsonl", "--format", "json")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.splitlines() == [  # problems of the events come first; the rule of 7's v9 after them
        f'all.jsonl:{len(events) - 2}: error[E706]: key `violation`: "nothing" is not the id of a violation or '
        'metrics event of seller "c"',
        f'all.jsonl:{len(events)}: error[E705]: key `id`: id "v1" of seller "a" is already used on line 1']


def test_sellers_without_a_region_are_named(in_tmp, cli):  # noqa: F811
    metrics = {"date": on_day(0), "kind": "metrics", "id": "m1", "region": "UK",
               "metrics": {"orders_7d": 100, "late_orders": 4}}
    write_events(in_tmp / "e.jsonl", {**metrics, "seller_id": "a"}, {**violation(0, "v1", 7), "seller_id": "b"},
                 {**violation(0, "v1", 7), "seller_id": 3})
    result = cli("simulate", "e.jsonl", "--format", "json")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == ('tspol: give --region: this policy has US, SEA, UK, and no metrics event names the '
                             'region of sellers "b", 3\n')


def test_an_until_before_a_sellers_first_day_names_the_seller(in_tmp, cli):  # noqa: F811
    write_events(in_tmp / "e.jsonl", {**violation(0, "v1", 7), "seller_id": "a"},
                 {**violation(9, "v1", 7), "seller_id": "b"})
    result = cli("simulate", "--region", "US", "e.jsonl", "--until", on_day(5))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == ('tspol: --until 2024-08-06 is before the first day to show, 2024-08-10 (the first '
                             'event\'s date of seller "b")\n')


def test_max_states_counts_each_sellers_states(in_tmp, cli):  # noqa: F811
    write_events(in_tmp / "e.jsonl", {**violation(0, "v1", 7), "seller_id": "a"},
                 {**violation(0, "v1", 7), "seller_id": "b"})
    fits = cli("simulate", "--region", "US", "e.jsonl", "--until", on_day(9), "--max-states", "10", "--format", "json")
    assert fits.exit_code == 0 and len(fits.stdout.splitlines()) == 20
    too_many = cli("simulate", "--region", "US", "e.jsonl", "--until", on_day(10), "--max-states", "10")
    assert too_many.exit_code == 2
    assert 'gives 11 states of seller "a", more than --max-states (10)' in too_many.stderr


def test_ledgers_take_a_path(policy, tmp_path):
    path = tmp_path / "all.jsonl"
    path.write_text(lines(interleaved(random.Random(8))), encoding="utf-8")
    ledgers = Ledgers(policy.program, path, region="US", evaluate=policy.evaluate_dict)
    assert ledgers.path == str(path) and list(ledgers) == list(SELLERS)
