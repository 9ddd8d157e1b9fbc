"""The benchmark's baseline: the US decision of the bundled policy, written by hand.

`decide_us(metrics, lang="en")` is what a careful, performance-minded engineer
would write without tspol for the US region of `policies/*.pol`: plain
straight-line code, one local per input, rates compared by exact integer
cross-multiplication (`late * 100 < 10 * orders`, never a float), the tier
tables read top to bottom as nested comparisons, each because-sentence one
f-string with its fixed phrases looked up per row.

It returns the same decision dict as the compiled module, byte for byte, in
English and Chinese (violations with their `because` texts and daily caps,
findings, metrics not applicable, discretionary measures), and it is as strict
about its input: every one of the 16 inputs is checked (whole non-negative
counts, finite non-negative amounts, in range, no booleans or strings, parts
never above their totals, no unknown inputs), and a bad input or language
raises `MetricsError` with the compiled module's code (E600-E606, E608, E609),
key and message, found in the same order. `bench_eval.py` compares its
decisions with the compiled module's before it times anything; the errors were
compared (a differential run over good, odd and bad inputs) when it was written.

THE POLICY'S NUMBERS ARE HARD-CODED HERE, on purpose: the tier bounds, points,
limits, standards, the `.pol` line numbers quoted in the `because` texts and
the texts themselves, and the input rules. That is the point of the baseline
(it stands in for the hand-written code tspol replaces) and it is why this file
is not part of tspol: edit a `.pol` file and this function goes stale, and the
benchmark refuses to run once the sellers it times decide differently. It
decides US only; the region is not an argument.
"""
from __future__ import annotations

import difflib
import math
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction

INPUTS = ("orders_7d", "cancelled_orders", "late_orders", "avg_daily_orders_4w", "orders_30d",
          "non_cancelled_orders_30d", "negative_reviews_30d", "buyer_disputes_30d", "seller_fault_disputes_30d",
          "seller_fault_return_requests_30d", "resolved_return_requests_30d", "defect_returns_30d",
          "avg_first_response_minutes", "buyer_messages", "replied_within_24h", "replied_within_48h")
_KNOWN = frozenset(INPUTS)
# In range: less than 10**18 in size, at most 30 decimal places. Floats from 1e-13 up
# (17 significant digits at most) always have few enough places.
_BIGGEST = 10**18
_PLACES = 30
_TINY = 1e-13


# ---- bad input --------------------------------------------------------------------

class MetricsError(ValueError):
    """Bad metrics: `code` (E6xx), the `key` at fault, and what was expected."""

    def __init__(self, code, key, message):
        super().__init__(f"{key}: {message}" if key else message)
        self.code = code
        self.key = key
        self.message = message


def _shown(value):
    """A bad value as the user wrote it, in JSON words; a very long number by its size."""
    if value is True or value is False:
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, str):
        return f'the string "{value if len(value) <= 20 else value[:17] + "..."}"'
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, float) and math.isnan(value):
        return "NaN"
    if isinstance(value, float) and math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if type(value) is int and value.bit_length() > 128:  # str() of a huge int is slow, or refused
        return f"a whole number of {len(Decimal(value).as_tuple().digits)} digits"
    if type(value) is Decimal and value.is_finite() and len(value.as_tuple().digits) > 40:
        return f"a number of {len(value.as_tuple().digits)} digits"
    return str(value)


def _not_an_object(metrics):
    return MetricsError("E600", None,
                        f"expected the metrics as an object of input names and values, got {_shown(metrics)}")


def _unknown_input(metrics):
    key = next(key for key in metrics if key not in _KNOWN)
    if not isinstance(key, str):
        return MetricsError("E601", str(key), f"input names are strings, got {key!r}")
    close = difflib.get_close_matches(key, sorted(_KNOWN), n=1)
    hint = f"; did you mean `{close[0]}`?" if close else "; see the inputs the policy declares"
    return MetricsError("E601", key, f"unknown input `{key}`{hint}")


def _above_total(part, part_value, whole, whole_value):
    return MetricsError("E606", part, f"{part} is {part_value} but {whole} is {whole_value}: {part} counts some "
                                      f"of the {whole}, so it cannot be more than {whole}")


def _too_big(key, value):
    return MetricsError("E608", key, "out of range: a value is less than 10^18 in size (at most 18 digits before "
                                     f"the decimal point), got {_shown(value)}")


def _too_many_places(key, value):
    return MetricsError("E608", key, f"out of range: a value has at most 30 decimal places, got {_shown(value)}")


def _exact(value):
    """A checked number as (numerator, denominator): a float is the decimal it prints as."""
    if type(value) is int:
        return value, 1
    if type(value) is float:
        text = repr(value)
        if "e" not in text:
            whole, _, decimals = text.partition(".")
            return int(whole + decimals), 10 ** len(decimals)
        value = Fraction(text)
    return value.as_integer_ratio()


def _decimal(key, value):
    """A finite Decimal in range as its exact value, an int or a Fraction. Its size and places are
    read from its exponent and digits first, so `1E+1000000000` costs nothing to refuse."""
    if not value:
        return 0
    if value.adjusted() >= 18:
        raise _too_big(key, value)
    sign, digits, exponent = value.as_tuple()
    significant = "".join(map(str, digits)).rstrip("0")
    exponent += len(digits) - len(significant)
    if exponent < -_PLACES:
        raise _too_many_places(key, value)
    whole = -int(significant) if sign else int(significant)
    return whole * 10**exponent if exponent >= 0 else Fraction(whole, 10**-exponent)


def _number(key, value, expected):
    """A number (not a boolean), finite and in range: an int, float or Fraction as given,
    a Decimal as its exact value."""
    kind = type(value)
    if kind is not int and kind is not float and kind is not Decimal and kind is not Fraction:
        raise MetricsError("E602", key, f"expected {expected}, got {_shown(value)}")
    if kind is float and not math.isfinite(value) or kind is Decimal and not value.is_finite():
        raise MetricsError("E603", key, f"expected {expected}, got {_shown(value)}")
    if kind is Decimal:
        return _decimal(key, value)
    if not -_BIGGEST < value < _BIGGEST:
        raise _too_big(key, value)
    if kind is float and value and -_TINY < value < _TINY:  # 1.5e-40: count its places
        digits, _, power = repr(value).partition("e")
        if len(digits.partition(".")[2]) - int(power or 0) > _PLACES:
            raise _too_many_places(key, value)
    if kind is Fraction and value.denominator > 10**_PLACES:
        raise _too_many_places(key, value)
    return value


def _count(key, value):
    """Not a plain int in range: None (not given), a whole float or Decimal as an int, or an error."""
    if value is None:
        return None
    checked = _number(key, value, "a count (a whole number, 0 or more)")
    if checked < 0:
        raise MetricsError("E604", key, f"a count cannot be negative, got {_shown(value)}")
    if type(checked) is Fraction:  # a Fraction stays a Fraction, even 3/1
        raise MetricsError("E605", key, f"a count is a whole number, got {_shown(value)}")
    numerator, denominator = _exact(checked)
    if numerator % denominator:
        raise MetricsError("E605", key, f"a count is a whole number, got {_shown(value)}")
    return numerator // denominator


def _amount(key, value):
    """Not a plain int or float in range: None (not given), the checked value, or an error."""
    if value is None:
        return None
    checked = _number(key, value, "a number (0 or more)")
    if checked < 0:
        raise MetricsError("E604", key, f"this cannot be negative, got {_shown(value)}")
    return checked


# ---- texts --------------------------------------------------------------------------

def _percent(n, d):
    """n/d as a percentage: `30%`, `2.5%`; past two decimals rounded half to even and marked, `≈33.33%`."""
    hundredths, rest = divmod(n * 10000, d)
    mark = ""
    if rest:
        mark = "≈"
        if rest * 2 > d or (rest * 2 == d and hundredths % 2):
            hundredths += 1
    whole, cents = divmod(hundredths, 100)
    if not cents:
        return f"{mark}{whole}%"
    if cents % 10:
        return f"{mark}{whole}.{cents:02d}%"
    return f"{mark}{whole}.{cents // 10}%"


def _minutes(value):
    """A duration exactly as given: `45.5min`, `31min`; `1/3min` if it has no finite decimal."""
    if type(value) is int:
        return f"{value}min"
    if type(value) is float:
        text = repr(value)
        if "e" not in text:
            return text.removesuffix(".0") + "min"
    n, d = _exact(value)
    rest, scale = d, 0
    while rest % 10 == 0:
        rest //= 10
        scale += 1
    while rest % 2 == 0 or rest % 5 == 0:
        rest //= 2 if rest % 2 == 0 else 5
        scale += 1
    if rest != 1:
        return f"{n}/{d}min"
    digits = str(n * 10**scale // d).rjust(scale + 1, "0")
    return (f"{digits[:-scale]}.{digits[-scale:]}" if scale else digits) + "min"


def _absent(rule, metric, part, part_value, whole, whole_value, zh):
    missing = [name for name, value in ((part, part_value), (whole, whole_value)) if value is None]
    if zh:
        reason = "未提供 " + "、".join(missing)
    else:
        reason = f"{missing[0]} is not given" if len(missing) == 1 else f"{part} and {whole} are not given"
    return {"rule": rule, "metric": metric, "cause": "absent", "reason": reason}


def _undefined(rule, metric, whole, zh):
    reason = f"{whole} 为 0,{metric} 无定义" if zh else f"{whole} is 0, so {metric} is undefined"
    return {"rule": rule, "metric": metric, "cause": "zero_denominator", "reason": reason}


# The US tier rows of fulfilment.pol, with the phrases their because-texts use:
# (row, points, where, rate bounds, count condition, outcome) in English, then in Chinese.
_LIMIT_EN = " and an order volume limit for 7 days at 10% of the average daily orders over the past 4 weeks"
_LIMIT_ZH = ",限单 7 天,上限为平均日订单量(基于过去4周数据)的 10%"
_SFCR_ROWS = (
    None,
    (1, 2, "fulfilment.pol:12", "at least 2.5% and below 10%", "at least 5", "2 points",
     "不低于 2.5% 且低于 10%", "至少 5", "2 个违规分"),
    (2, 4, "fulfilment.pol:13", "at least 10% and below 25%", "at least 5", "4 points",
     "不低于 10% 且低于 25%", "至少 5", "4 个违规分"),
    (3, 5, "fulfilment.pol:14", "at least 25% and below 50%", "at least 5", "5 points",
     "不低于 25% 且低于 50%", "至少 5", "5 个违规分"),
    (4, 6, "fulfilment.pol:15", "at least 50%", "at least 5 and at most 29", "6 points" + _LIMIT_EN,
     "不低于 50%", "至少 5 且至多 29", "6 个违规分" + _LIMIT_ZH),
    (5, 7, "fulfilment.pol:16", "at least 50%", "at least 30", "7 points" + _LIMIT_EN,
     "不低于 50%", "至少 30", "7 个违规分" + _LIMIT_ZH),
)
_LDR_ROWS = (
    None,
    (1, 0, "fulfilment.pol:39", None, None, None, None, None, None),  # the warning row: its own sentence
    (2, 3, "fulfilment.pol:40", "at least 10% and below 25%", "at least 5", "3 points",
     "不低于 10% 且低于 25%", "至少 5", "3 个违规分"),
    (3, 5, "fulfilment.pol:41", "at least 25% and below 50%", "at least 5", "5 points",
     "不低于 25% 且低于 50%", "至少 5", "5 个违规分"),
    (4, 6, "fulfilment.pol:42", "at least 50%", "at least 5 and at most 29", "6 points" + _LIMIT_EN,
     "不低于 50%", "至少 5 且至多 29", "6 个违规分" + _LIMIT_ZH),
    (5, 7, "fulfilment.pol:43", "at least 50%", "at least 30", "7 points" + _LIMIT_EN,
     "不低于 50%", "至少 30", "7 个违规分" + _LIMIT_ZH),
)


def _order_volume_limit(avg, zh):
    """Rows 4 and 5: 7 days at 10% of the average daily orders of the past 4 weeks, the daily cap
    rounded down (D9), and the words that give the cap in the because-text."""
    if avg is None:
        return {"days": 7, "percent": 10, "basis": "avg4w"}, ""
    if type(avg) is int:
        cap = avg // 10
    elif type(avg) is float and avg < 9007199254740992.0:
        # Below 2**53 every whole number is a float, so none lies between a float and the decimal
        # it prints as (that decimal rounds to it): their whole parts agree, and int() gives it.
        cap = int(avg) // 10
    else:
        numerator, denominator = _exact(avg)
        cap = numerator // (10 * denominator)
    return ({"days": 7, "percent": 10, "basis": "avg4w", "daily_cap": cap},
            f",即每日最多 {cap} 单" if zh else f" (at most {cap} orders a day)")


def _sfcr_violation(tier, n, orders, avg, zh):
    row, points, where, bounds, count, outcome, bounds_zh, count_zh, outcome_zh = tier
    limit, cap = _order_volume_limit(avg, zh) if row >= 4 else (None, "")
    if zh:
        because = (f"商责取消率(SFCR) 为 {_percent(n, orders)} ({n}/{orders}),{bounds_zh};cancelled_orders 为 {n},"
                   f"{count_zh}。规则 seller_fault_cancellation 第 {row} 行({where}):{outcome_zh}{cap}。")
    else:
        because = (f"Seller-fault cancellation rate (SFCR) is {_percent(n, orders)} ({n}/{orders}): {bounds}; "
                   f"cancelled_orders is {n}: {count}. Rule seller_fault_cancellation, row {row} ({where}): "
                   f"{outcome}{cap}.")
    return {"rule": "seller_fault_cancellation", "table": None, "row": row, "points": points, "warning": False,
            "limit": limit, "measures": [], "where": where, "because": because}


def _ldr_violation(tier, n, orders, avg, zh):
    row, points, where, bounds, count, outcome, bounds_zh, count_zh, outcome_zh = tier
    limit, cap = _order_volume_limit(avg, zh) if row >= 4 else (None, "")
    if row == 1:
        because = (f"延迟履约率(LDR) 为 {_percent(n, orders)} ({n}/{orders}),不低于 4% 且低于 10%。"
                   f"规则 late_dispatch 第 1 行({where}):警告(0 个违规分)。" if zh else
                   f"Late dispatch rate (LDR) is {_percent(n, orders)} ({n}/{orders}): at least 4% and below 10%. "
                   f"Rule late_dispatch, row 1 ({where}): a warning (0 points).")
    elif zh:
        because = (f"延迟履约率(LDR) 为 {_percent(n, orders)} ({n}/{orders}),{bounds_zh};late_orders 为 {n},"
                   f"{count_zh}。规则 late_dispatch 第 {row} 行({where}):{outcome_zh}{cap}。")
    else:
        because = (f"Late dispatch rate (LDR) is {_percent(n, orders)} ({n}/{orders}): {bounds}; "
                   f"late_orders is {n}: {count}. Rule late_dispatch, row {row} ({where}): {outcome}{cap}.")
    return {"rule": "late_dispatch", "table": None, "row": row, "points": points, "warning": row == 1,
            "limit": limit, "measures": [], "where": where, "because": because}


# ---- the decision -------------------------------------------------------------------

def decide_us(metrics, lang="en"):
    """The US decision for one seller: `metrics` maps input names to values (None: not given)."""
    if lang != "en" and lang != "zh":
        raise MetricsError("E609", "lang", f"unknown language {lang!r}; choose one of en, zh")
    zh = lang == "zh"
    if type(metrics) is not dict and not isinstance(metrics, Mapping):
        raise _not_an_object(metrics)
    if not _KNOWN.issuperset(metrics):
        raise _unknown_input(metrics)

    # Inputs, in the policy's order. The common case (a plain int, or float, in range) costs one
    # test; anything else, including an input not given, goes to _count or _amount.
    get = metrics.get
    orders = get("orders_7d")
    if type(orders) is not int or not 0 <= orders < _BIGGEST:
        orders = _count("orders_7d", orders)
    cancelled = get("cancelled_orders")
    if type(cancelled) is not int or not 0 <= cancelled < _BIGGEST:
        cancelled = _count("cancelled_orders", cancelled)
    late = get("late_orders")
    if type(late) is not int or not 0 <= late < _BIGGEST:
        late = _count("late_orders", late)
    avg = get("avg_daily_orders_4w")
    if not ((type(avg) is float or type(avg) is int) and (_TINY <= avg < _BIGGEST or avg == 0)):
        avg = _amount("avg_daily_orders_4w", avg)
    orders_30d = get("orders_30d")
    if type(orders_30d) is not int or not 0 <= orders_30d < _BIGGEST:
        orders_30d = _count("orders_30d", orders_30d)
    non_cancelled = get("non_cancelled_orders_30d")
    if type(non_cancelled) is not int or not 0 <= non_cancelled < _BIGGEST:
        non_cancelled = _count("non_cancelled_orders_30d", non_cancelled)
    negative = get("negative_reviews_30d")
    if type(negative) is not int or not 0 <= negative < _BIGGEST:
        negative = _count("negative_reviews_30d", negative)
    disputes = get("buyer_disputes_30d")
    if type(disputes) is not int or not 0 <= disputes < _BIGGEST:
        disputes = _count("buyer_disputes_30d", disputes)
    fault_disputes = get("seller_fault_disputes_30d")
    if type(fault_disputes) is not int or not 0 <= fault_disputes < _BIGGEST:
        fault_disputes = _count("seller_fault_disputes_30d", fault_disputes)
    requests = get("seller_fault_return_requests_30d")
    if type(requests) is not int or not 0 <= requests < _BIGGEST:
        requests = _count("seller_fault_return_requests_30d", requests)
    resolved = get("resolved_return_requests_30d")
    if type(resolved) is not int or not 0 <= resolved < _BIGGEST:
        resolved = _count("resolved_return_requests_30d", resolved)
    defects = get("defect_returns_30d")
    if type(defects) is not int or not 0 <= defects < _BIGGEST:
        defects = _count("defect_returns_30d", defects)
    frt = get("avg_first_response_minutes")
    if not ((type(frt) is float or type(frt) is int) and (_TINY <= frt < _BIGGEST or frt == 0)):
        frt = _amount("avg_first_response_minutes", frt)
    messages = get("buyer_messages")
    if type(messages) is not int or not 0 <= messages < _BIGGEST:
        messages = _count("buyer_messages", messages)
    replied_24h = get("replied_within_24h")
    if type(replied_24h) is not int or not 0 <= replied_24h < _BIGGEST:
        replied_24h = _count("replied_within_24h", replied_24h)
    replied_48h = get("replied_within_48h")
    if type(replied_48h) is not int or not 0 <= replied_48h < _BIGGEST:
        replied_48h = _count("replied_within_48h", replied_48h)

    # A part is never more than its total.
    if cancelled is not None and orders is not None and cancelled > orders:
        raise _above_total("cancelled_orders", cancelled, "orders_7d", orders)
    if late is not None and orders is not None and late > orders:
        raise _above_total("late_orders", late, "orders_7d", orders)
    if fault_disputes is not None and disputes is not None and fault_disputes > disputes:
        raise _above_total("seller_fault_disputes_30d", fault_disputes, "buyer_disputes_30d", disputes)
    if resolved is not None and requests is not None and resolved > requests:
        raise _above_total("resolved_return_requests_30d", resolved, "seller_fault_return_requests_30d", requests)
    if defects is not None and orders_30d is not None and defects > orders_30d:
        raise _above_total("defect_returns_30d", defects, "orders_30d", orders_30d)
    if replied_24h is not None and messages is not None and replied_24h > messages:
        raise _above_total("replied_within_24h", replied_24h, "buyer_messages", messages)
    if replied_48h is not None and messages is not None and replied_48h > messages:
        raise _above_total("replied_within_48h", replied_48h, "buyer_messages", messages)

    points = 0
    warning = False
    violations = []
    findings = []
    not_applicable = []
    discretionary = []

    # Seller-fault cancellation rate: standard below 2.5%; every tier row needs 5 cancellations or more.
    if cancelled is None or orders is None:
        not_applicable.append(_absent("seller_fault_cancellation", "SFCR", "cancelled_orders", cancelled,
                                      "orders_7d", orders, zh))
    elif orders == 0:
        not_applicable.append(_undefined("seller_fault_cancellation", "SFCR", "orders_7d", zh))
    elif cancelled * 1000 >= 25 * orders:
        findings.append({"rule": "seller_fault_cancellation", "metric": "SFCR", "value": f"{cancelled}/{orders}",
                         "standard": "< 2.5%"})
        if cancelled >= 5:
            scaled = cancelled * 100
            if scaled < 10 * orders:
                tier = _SFCR_ROWS[1]
            elif scaled < 25 * orders:
                tier = _SFCR_ROWS[2]
            elif scaled < 50 * orders:
                tier = _SFCR_ROWS[3]
            elif cancelled < 30:
                tier = _SFCR_ROWS[4]
            else:
                tier = _SFCR_ROWS[5]
            points += tier[1]
            violations.append(_sfcr_violation(tier, cancelled, orders, avg, zh))
            discretionary.append({"rule": "seller_fault_cancellation", "measures": ["extend_settlement",
                                                                                     "deduct_funds"]})

    # Late dispatch rate: standard below 4%; 4-10% is a warning whatever the count, the rest need 5 or more.
    if late is None or orders is None:
        not_applicable.append(_absent("late_dispatch", "LDR", "late_orders", late, "orders_7d", orders, zh))
    elif orders == 0:
        not_applicable.append(_undefined("late_dispatch", "LDR", "orders_7d", zh))
    elif late * 100 >= 4 * orders:
        findings.append({"rule": "late_dispatch", "metric": "LDR", "value": f"{late}/{orders}", "standard": "< 4%"})
        scaled = late * 100
        tier = None
        if scaled < 10 * orders:
            tier = _LDR_ROWS[1]
            warning = True
        elif late >= 5:
            if scaled < 25 * orders:
                tier = _LDR_ROWS[2]
            elif scaled < 50 * orders:
                tier = _LDR_ROWS[3]
            elif late < 30:
                tier = _LDR_ROWS[4]
            else:
                tier = _LDR_ROWS[5]
        if tier is not None:
            points += tier[1]
            violations.append(_ldr_violation(tier, late, orders, avg, zh))
            discretionary.append({"rule": "late_dispatch", "measures": ["extend_settlement", "deduct_funds"]})

    # Defective return order rate: standard below 1.5%, only for more than 100 orders (D11).
    if defects is None or orders_30d is None:
        not_applicable.append(_absent("defect_return_rate", "DFR", "defect_returns_30d", defects,
                                      "orders_30d", orders_30d, zh))
    elif orders_30d <= 100:
        reason = (f"仅当 orders_30d > 100 时适用 DFR;orders_30d 为 {orders_30d}" if zh
                  else f"DFR applies only if orders_30d > 100; orders_30d is {orders_30d}")
        not_applicable.append({"rule": "defect_return_rate", "metric": "DFR", "cause": "only_if", "reason": reason})
    elif defects * 1000 >= 15 * orders_30d:
        findings.append({"rule": "defect_return_rate", "metric": "DFR", "value": f"{defects}/{orders_30d}",
                         "standard": "< 1.5%"})
        discretionary.append({"rule": "defect_return_rate", "measures": ["points"]})

    # First response time: standard at most 30 minutes.
    if frt is None:
        reason = "未提供 avg_first_response_minutes" if zh else "avg_first_response_minutes is not given"
        not_applicable.append({"rule": "first_response_time", "metric": "FRT", "cause": "absent", "reason": reason})
    elif frt > 30:
        findings.append({"rule": "first_response_time", "metric": "FRT", "value": _minutes(frt),
                         "standard": "<= 30min"})
        discretionary.append({"rule": "first_response_time", "measures": ["points"]})

    # 24-hour response rate: standard at least 85%.
    if replied_24h is None or messages is None:
        not_applicable.append(_absent("response_rate_24h", "RR24", "replied_within_24h", replied_24h,
                                      "buyer_messages", messages, zh))
    elif messages == 0:
        not_applicable.append(_undefined("response_rate_24h", "RR24", "buyer_messages", zh))
    elif replied_24h * 100 < 85 * messages:
        findings.append({"rule": "response_rate_24h", "metric": "RR24", "value": f"{replied_24h}/{messages}",
                         "standard": ">= 85%"})
        discretionary.append({"rule": "response_rate_24h", "measures": ["points"]})

    # 48-hour response rate: standard at least 95%.
    if replied_48h is None or messages is None:
        not_applicable.append(_absent("response_rate_48h", "RR48", "replied_within_48h", replied_48h,
                                      "buyer_messages", messages, zh))
    elif messages == 0:
        not_applicable.append(_undefined("response_rate_48h", "RR48", "buyer_messages", zh))
    elif replied_48h * 100 < 95 * messages:
        findings.append({"rule": "response_rate_48h", "metric": "RR48", "value": f"{replied_48h}/{messages}",
                         "standard": ">= 95%"})
        discretionary.append({"rule": "response_rate_48h", "measures": ["points"]})

    # Negative review rate: standard at most 0.7%.
    if negative is None or non_cancelled is None:
        not_applicable.append(_absent("negative_review_rate", "NRR", "negative_reviews_30d", negative,
                                      "non_cancelled_orders_30d", non_cancelled, zh))
    elif non_cancelled == 0:
        not_applicable.append(_undefined("negative_review_rate", "NRR", "non_cancelled_orders_30d", zh))
    elif negative * 1000 > 7 * non_cancelled:
        findings.append({"rule": "negative_review_rate", "metric": "NRR", "value": f"{negative}/{non_cancelled}",
                         "standard": "<= 0.7%"})
        discretionary.append({"rule": "negative_review_rate", "measures": ["points"]})

    # Dispute responsibility rate: standard at most 4%.
    if fault_disputes is None or disputes is None:
        not_applicable.append(_absent("dispute_rate", "DRR", "seller_fault_disputes_30d", fault_disputes,
                                      "buyer_disputes_30d", disputes, zh))
    elif disputes == 0:
        not_applicable.append(_undefined("dispute_rate", "DRR", "buyer_disputes_30d", zh))
    elif fault_disputes * 100 > 4 * disputes:
        findings.append({"rule": "dispute_rate", "metric": "DRR", "value": f"{fault_disputes}/{disputes}",
                         "standard": "<= 4%"})
        discretionary.append({"rule": "dispute_rate", "measures": ["points"]})

    # Seller-fault return and refund resolution rate: standard at least 98%.
    if resolved is None or requests is None:
        not_applicable.append(_absent("return_resolution_rate", "RRR", "resolved_return_requests_30d", resolved,
                                      "seller_fault_return_requests_30d", requests, zh))
    elif requests == 0:
        not_applicable.append(_undefined("return_resolution_rate", "RRR", "seller_fault_return_requests_30d", zh))
    elif resolved * 100 < 98 * requests:
        findings.append({"rule": "return_resolution_rate", "metric": "RRR", "value": f"{resolved}/{requests}",
                         "standard": ">= 98%"})
        discretionary.append({"rule": "return_resolution_rate", "measures": ["points"]})

    return {"region": "US", "points": points, "warning": warning, "violations": violations, "findings": findings,
            "not_applicable": not_applicable, "discretionary": discretionary}


# ---- the same tier choice in SQL, for a table of sellers ------------------------------
#
# What the same engineer would write to score a table of sellers in DuckDB or Spark SQL
# (bench/bench_batch.py times it against tspol's query): the two tier tables of §5 in
# every region of the pack (US and SEA as in `decide_us` above; UK's own tables, its
# cancellation row and its late-dispatch `points` table), one CASE per rule, rates
# compared by integer cross-multiplication on the columns as they are (BIGINT), as in
# `decide_us`. It picks each rule's points and the warning, and nothing else: no
# validation of its input (a NULL, a zero or a missing count scores 0 points), no
# order volume limits, findings, explanations or measures. Plain SQL that DuckDB and
# Spark both read; the hard-coded numbers go stale as `decide_us`'s do, and the
# benchmark refuses to report a time for it once its points differ from tspol's.

TIERS_SQL = """
SELECT seller_id, region,
       late_dispatch_points + seller_fault_cancellation_points AS points,
       warning, late_dispatch_points, seller_fault_cancellation_points
FROM (
  SELECT seller_id, region,
    CASE
      WHEN orders_7d IS NULL OR late_orders IS NULL OR orders_7d = 0 THEN 0
      WHEN region IN ('US', 'SEA') THEN
        CASE
          WHEN late_orders * 100 < 10 * orders_7d OR late_orders < 5 THEN 0
          WHEN late_orders * 100 < 25 * orders_7d THEN 3
          WHEN late_orders * 100 < 50 * orders_7d THEN 5
          WHEN late_orders < 30 THEN 6
          ELSE 7
        END
      WHEN region = 'UK' THEN
        CASE
          WHEN late_orders * 100 < 4 * orders_7d THEN 0
          WHEN late_orders * 100 < 10 * orders_7d THEN 2
          WHEN late_orders * 100 < 25 * orders_7d THEN 4
          WHEN late_orders * 100 < 50 * orders_7d THEN 6
          ELSE 8
        END
      ELSE 0
    END AS late_dispatch_points,
    CASE
      WHEN orders_7d IS NULL OR cancelled_orders IS NULL OR orders_7d = 0 THEN 0
      WHEN cancelled_orders * 1000 < 25 * orders_7d THEN 0
      WHEN region IN ('US', 'SEA') THEN
        CASE
          WHEN cancelled_orders < 5 THEN 0
          WHEN cancelled_orders * 100 < 10 * orders_7d THEN 2
          WHEN cancelled_orders * 100 < 25 * orders_7d THEN 4
          WHEN cancelled_orders * 100 < 50 * orders_7d THEN 5
          WHEN cancelled_orders < 30 THEN 6
          ELSE 7
        END
      WHEN region = 'UK' THEN 1
      ELSE 0
    END AS seller_fault_cancellation_points,
    COALESCE(orders_7d > 0 AND late_orders * 100 >= 4 * orders_7d AND late_orders * 100 < 10 * orders_7d
             AND region IN ('US', 'SEA', 'UK'), FALSE) AS warning
  FROM {table}
) AS tiers
"""


def tiers_sql(table: str) -> str:
    """The hand-written tier choice over `table` (a table name, a view, or DuckDB's `'file.parquet'`)."""
    return TIERS_SQL.format(table=table)


def tiers_us(metrics: Mapping) -> tuple[int, bool]:
    """The two US tier tables (seller-fault cancellation, late dispatch) as a bare
    if-chain: (points, warning), with no validation, no rows, no daily caps. The
    scale of the least a hot path can do; `bench_eval.py` checks it agrees."""
    orders = metrics["orders_7d"]
    points, warning = 0, False
    if orders:
        cancelled = metrics["cancelled_orders"]
        if cancelled >= 5 and cancelled * 1000 >= 25 * orders:
            if cancelled * 100 < 10 * orders:
                points += 2
            elif cancelled * 100 < 25 * orders:
                points += 4
            elif cancelled * 100 < 50 * orders:
                points += 5
            else:
                points += 6 if cancelled < 30 else 7
        late = metrics["late_orders"]
        if late * 100 >= 4 * orders:
            if late * 100 < 10 * orders:
                warning = True
            elif late >= 5:
                if late * 100 < 25 * orders:
                    points += 3
                elif late * 100 < 50 * orders:
                    points += 5
                else:
                    points += 6 if late < 30 else 7
    return points, warning
