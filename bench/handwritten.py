"""The benchmark's baseline: the US decision of the bundled policy, written by hand.

What a careful engineer would write without tspol: the same strict input checks
(whole non-negative counts, no booleans or strings, parts never above their
totals), exact integer comparisons, and the same decision dict, word for word,
as `tspol eval --format json` (English). `bench_eval.py` checks that it returns
exactly what the compiled module returns before it times anything.

Being hand-written, it repeats the policy's numbers; that is the point of the
comparison (and the reason tspol exists). It is not part of tspol.
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

COUNTS = ("orders_7d", "cancelled_orders", "late_orders", "orders_30d", "non_cancelled_orders_30d",
          "negative_reviews_30d", "buyer_disputes_30d", "seller_fault_disputes_30d",
          "seller_fault_return_requests_30d", "resolved_return_requests_30d", "defect_returns_30d",
          "buyer_messages", "replied_within_24h", "replied_within_48h")
AMOUNTS = ("avg_daily_orders_4w", "avg_first_response_minutes")
KNOWN = frozenset(COUNTS + AMOUNTS)
PARTS = (("cancelled_orders", "orders_7d"), ("late_orders", "orders_7d"),
         ("seller_fault_disputes_30d", "buyer_disputes_30d"),
         ("resolved_return_requests_30d", "seller_fault_return_requests_30d"),
         ("defect_returns_30d", "orders_30d"), ("replied_within_24h", "buyer_messages"),
         ("replied_within_48h", "buyer_messages"))
FUND_MEASURES = ["extend_settlement", "deduct_funds"]
LIMIT = " and an order volume limit for 7 days at 10% of the average daily orders over the past 4 weeks"


class BadMetrics(ValueError):
    pass


def _number(key, value, whole):
    """The value as given (a float or a Decimal stays one), after the checks."""
    if type(value) is bool or not isinstance(value, (int, float, Decimal, Fraction)):
        raise BadMetrics(f"{key}: expected a number")
    if isinstance(value, (float, Decimal)) and not math.isfinite(value):
        raise BadMetrics(f"{key}: not finite")
    if value < 0:
        raise BadMetrics(f"{key}: negative")
    if whole:
        exact = _exact(value)
        if type(exact) is not int:
            raise BadMetrics(f"{key}: not a whole number")
        return exact
    return value


def _exact(value):
    """The decimal a float prints as, exactly; ints stay ints."""
    if type(value) is int:
        return value
    exact = Fraction(repr(value)) if type(value) is float else Fraction(value)
    return exact.numerator if exact.denominator == 1 else exact


def _percent(n, d):
    hundredths, rest = divmod(n * 10000, d)
    mark = ""
    if rest:
        mark = "≈"
        if 2 * rest > d or (2 * rest == d and hundredths % 2):
            hundredths += 1
    whole, cents = divmod(hundredths, 100)
    return (f"{mark}{whole}.{cents:02d}".rstrip("0") if cents else f"{mark}{whole}") + "%"


def _minutes(value):
    exact = _exact(value)
    if type(exact) is int:
        return f"{exact}min"
    return format(Decimal(exact.numerator) / Decimal(exact.denominator), "f") + "min"


def _absent(names):
    return f"{names[0]} is not given" if len(names) == 1 else f"{names[0]} and {names[1]} are not given"


def decide_us(metrics, lang="en"):
    if not isinstance(metrics, dict):
        raise BadMetrics("expected an object")
    if not KNOWN.issuperset(metrics):
        raise BadMetrics("unknown input")
    get = metrics.get
    v = {}
    for key in COUNTS:
        x = get(key)
        if x is not None and (type(x) is not int or x < 0):
            x = _number(key, x, True)
        v[key] = x
    for key in AMOUNTS:
        x = get(key)
        if x is not None and (type(x) is not int or x < 0) and not (type(x) is float and 0 <= x < math.inf):
            x = _number(key, x, False)
        v[key] = x
    for part, whole in PARTS:
        if v[part] is not None and v[whole] is not None and v[part] > v[whole]:
            raise BadMetrics(f"{part} is more than {whole}")

    points, warning = 0, False
    violations, findings, not_applicable, discretionary = [], [], [], []
    orders, avg = v["orders_7d"], v["avg_daily_orders_4w"]

    def na(rule, metric, names, cause="absent", reason=None):
        not_applicable.append({"rule": rule, "metric": metric, "cause": cause,
                               "reason": reason or _absent([n for n in names if v[n] is None])})

    def limit_and_cap():
        if avg is None:
            return {"days": 7, "percent": 10, "basis": "avg4w"}, ""
        exact = _exact(avg)
        cap = exact * 10 // 100 if type(exact) is int else exact.numerator * 10 // (exact.denominator * 100)
        return {"days": 7, "percent": 10, "basis": "avg4w", "daily_cap": cap}, f" (at most {cap} orders a day)"

    # seller-fault cancellation rate
    n = v["cancelled_orders"]
    if n is None or orders is None:
        na("seller_fault_cancellation", "SFCR", ("cancelled_orders", "orders_7d"))
    elif orders == 0:
        na("seller_fault_cancellation", "SFCR", (), "zero_denominator", "orders_7d is 0, so SFCR is undefined")
    else:
        if n * 1000 >= 25 * orders:
            findings.append({"rule": "seller_fault_cancellation", "metric": "SFCR", "value": f"{n}/{orders}",
                             "standard": "< 2.5%"})
        row = None
        if n >= 5:
            if n * 1000 >= 25 * orders and n * 100 < 10 * orders:
                row, p, bounds, count, line = 1, 2, "at least 2.5% and below 10%", "at least 5", 12
            elif n * 100 >= 10 * orders and n * 100 < 25 * orders:
                row, p, bounds, count, line = 2, 4, "at least 10% and below 25%", "at least 5", 13
            elif n * 100 >= 25 * orders and n * 100 < 50 * orders:
                row, p, bounds, count, line = 3, 5, "at least 25% and below 50%", "at least 5", 14
            elif n * 100 >= 50 * orders and n <= 29:
                row, p, bounds, count, line = 4, 6, "at least 50%", "at least 5 and at most 29", 15
            elif n * 100 >= 50 * orders:
                row, p, bounds, count, line = 5, 7, "at least 50%", "at least 30", 16
        if row is not None:
            points += p
            limit, cap = limit_and_cap() if row >= 4 else (None, "")
            outcome = f"{p} points" + (LIMIT + cap if limit else "")
            violations.append({
                "rule": "seller_fault_cancellation", "table": None, "row": row, "points": p, "warning": False,
                "limit": limit, "measures": [], "where": f"fulfilment.pol:{line}",
                "because": f"Seller-fault cancellation rate (SFCR) is {_percent(n, orders)} ({n}/{orders}): "
                           f"{bounds}; cancelled_orders is {n}: {count}. Rule seller_fault_cancellation, "
                           f"row {row} (fulfilment.pol:{line}): {outcome}."})
            discretionary.append({"rule": "seller_fault_cancellation", "measures": list(FUND_MEASURES)})

    # late dispatch rate
    n = v["late_orders"]
    if n is None or orders is None:
        na("late_dispatch", "LDR", ("late_orders", "orders_7d"))
    elif orders == 0:
        na("late_dispatch", "LDR", (), "zero_denominator", "orders_7d is 0, so LDR is undefined")
    else:
        if n * 100 >= 4 * orders:
            findings.append({"rule": "late_dispatch", "metric": "LDR", "value": f"{n}/{orders}", "standard": "< 4%"})
        row = None
        if n * 100 >= 4 * orders and n * 100 < 10 * orders:
            row, p, bounds, count, line = 1, 0, "at least 4% and below 10%", None, 39
        elif n >= 5:
            if n * 100 >= 10 * orders and n * 100 < 25 * orders:
                row, p, bounds, count, line = 2, 3, "at least 10% and below 25%", "at least 5", 40
            elif n * 100 >= 25 * orders and n * 100 < 50 * orders:
                row, p, bounds, count, line = 3, 5, "at least 25% and below 50%", "at least 5", 41
            elif n * 100 >= 50 * orders and n <= 29:
                row, p, bounds, count, line = 4, 6, "at least 50%", "at least 5 and at most 29", 42
            elif n * 100 >= 50 * orders:
                row, p, bounds, count, line = 5, 7, "at least 50%", "at least 30", 43
        if row is not None:
            points += p
            warning = warning or row == 1
            limit, cap = limit_and_cap() if row >= 4 else (None, "")
            facts = f"Late dispatch rate (LDR) is {_percent(n, orders)} ({n}/{orders}): {bounds}"
            if count:
                facts += f"; late_orders is {n}: {count}"
            outcome = "a warning (0 points)" if row == 1 else f"{p} points" + (LIMIT + cap if limit else "")
            violations.append({
                "rule": "late_dispatch", "table": None, "row": row, "points": p, "warning": row == 1,
                "limit": limit, "measures": [], "where": f"fulfilment.pol:{line}",
                "because": f"{facts}. Rule late_dispatch, row {row} (fulfilment.pol:{line}): {outcome}."})
            discretionary.append({"rule": "late_dispatch", "measures": list(FUND_MEASURES)})

    # defective return rate: only for sellers with more than 100 orders
    n, total = v["defect_returns_30d"], v["orders_30d"]
    if n is None or total is None:
        na("defect_return_rate", "DFR", ("defect_returns_30d", "orders_30d"))
    elif total <= 100:
        na("defect_return_rate", "DFR", (), "only_if", f"DFR applies only if orders_30d > 100; orders_30d is {total}")
    elif n * 1000 >= 15 * total:
        findings.append({"rule": "defect_return_rate", "metric": "DFR", "value": f"{n}/{total}", "standard": "< 1.5%"})
        discretionary.append({"rule": "defect_return_rate", "measures": ["points"]})

    # first response time
    frt = v["avg_first_response_minutes"]
    if frt is None:
        na("first_response_time", "FRT", ("avg_first_response_minutes",))
    elif frt > 30:
        findings.append({"rule": "first_response_time", "metric": "FRT", "value": _minutes(frt),
                         "standard": "<= 30min"})
        discretionary.append({"rule": "first_response_time", "measures": ["points"]})

    # rates with a standard only
    for rule, metric, part, whole, scale, bound, higher_is_bad, standard in (
            ("response_rate_24h", "RR24", "replied_within_24h", "buyer_messages", 100, 85, False, ">= 85%"),
            ("response_rate_48h", "RR48", "replied_within_48h", "buyer_messages", 100, 95, False, ">= 95%"),
            ("negative_review_rate", "NRR", "negative_reviews_30d", "non_cancelled_orders_30d", 1000, 7, True, "<= 0.7%"),
            ("dispute_rate", "DRR", "seller_fault_disputes_30d", "buyer_disputes_30d", 100, 4, True, "<= 4%"),
            ("return_resolution_rate", "RRR", "resolved_return_requests_30d", "seller_fault_return_requests_30d",
             100, 98, False, ">= 98%")):
        n, total = v[part], v[whole]
        if n is None or total is None:
            na(rule, metric, (part, whole))
        elif total == 0:
            na(rule, metric, (), "zero_denominator", f"{whole} is 0, so {metric} is undefined")
        elif (n * scale > bound * total) if higher_is_bad else (n * scale < bound * total):
            findings.append({"rule": rule, "metric": metric, "value": f"{n}/{total}", "standard": standard})
            discretionary.append({"rule": rule, "measures": ["points"]})

    return {"region": "US", "points": points, "warning": warning, "violations": violations, "findings": findings,
            "not_applicable": not_applicable, "discretionary": discretionary}
