"""A decision as a short report a seller can read, in English or Chinese.

`report(decision, names, lang)` turns the decision dict into text. `names` is
the `NAMES` table of a compiled module (display names of regions, rules,
metrics and measures), so a report needs no parser and no IR.
"""

from __future__ import annotations

from collections.abc import Mapping

from tspol.compiler.portable import _rate_text

WORDS = {
    "en": {
        "seller": "Seller {}",
        "points": "{} points",
        "point": "1 point",
        "warning": "with a warning",
        "a_warning": "a warning",
        "limit": "order volume limit: {days} days at {percent}%",
        "cap": "at most {} orders a day",
        "clean": "every metric evaluated meets its standard",
        "violations": "Violations:",
        "findings": "Outside the standard:",
        "not_applicable": "Not evaluated:",
        "discretionary": "May also follow, at the platform's discretion:",
        "standard": "standard",
        "discretionary_points": "violation points",
        "sep": ", ",
        "colon": ": ",
        "list": "; ",
        "headroom": "Headroom, before the outcome gets worse:",
        "more": "{more} more {input}",
        "also": " (so {more} more {wholes})",
        "then": " and {metric} is {value}: {outcome} ({row})",
        "never": "no number of more {input} makes it worse",
        "recovery": "The way back, by orders that meet the standard:",
        "back": "{more} more {input} bring it within {standard}",
        "not_back": "no number of more {input} brings it within {standard}",
        "below": "{row} no longer applies after {more}",
        "row": "row {row}",
        "table_row": "row {row} of {table}",
        "what_if": "What if {changes} ({metrics}):",
        "levels": "Levels:",
        "then_points": "from {before} to {after}",
        "changes": "{rule}, {row}: from {before} to {after}",
        "fires": "then fires: {rule}, {row}",
        "stops": "no longer fires: {rule}, {row}",
        "same": "the decision is the same",
    },
    "zh": {
        "seller": "卖家 {}",
        "points": "{} 个违规分",
        "point": "1 个违规分",
        "warning": "另有警告",
        "a_warning": "警告",
        "limit": "限单 {days} 天,上限 {percent}%",
        "cap": "每日最多 {} 单",
        "clean": "已评估的指标均达标",
        "violations": "违规:",
        "findings": "未达标准:",
        "not_applicable": "未评估:",
        "discretionary": "平台可能酌情另行采取的措施:",
        "standard": "标准",
        "discretionary_points": "违规分",
        "sep": ",",
        "colon": ":",
        "list": ";",
        "headroom": "距离更重的处理还有:",
        "more": "再增加 {more} 个 {input}",
        "also": "(即 {wholes} 也增加 {more} 个)",
        "then": ",{metric}将为 {value}:{outcome}({row})",
        "never": "{input} 再增加多少也不会更重",
        "recovery": "恢复达标所需的达标订单:",
        "back": "再有 {more} 个 {input} 即回到标准 {standard} 以内",
        "not_back": "{input} 再增加多少也回不到标准 {standard} 以内",
        "below": "增加 {more} 个之后,{row}不再适用",
        "row": "第 {row} 行",
        "table_row": "{table} 表第 {row} 行",
        "what_if": "假如 {changes}({metrics}):",
        "levels": "等级:",
        "then_points": "由 {before} 变为 {after}",
        "changes": "{rule},{row}:由 {before} 变为 {after}",
        "fires": "新触发:{rule},{row}",
        "stops": "不再触发:{rule},{row}",
        "same": "处理结果不变",
    },
}


def _metric_label(names, metric: str, lang: str) -> str:
    """`Late dispatch rate (LDR)`, `延迟履约率(LDR)`, or the bare id when it has no name."""
    name = _name(names, "metrics", metric, lang)
    if name == metric:
        return metric
    return f"{name}({metric})" if lang == "zh" else f"{name} ({metric})"


def _name(names: Mapping, group: str, key: str, lang: str) -> str:
    return names.get(group, {}).get(key, {}).get(lang) or key


def _level(names: Mapping, level_set: str, level: str, words: Mapping, lang: str) -> str:
    """`  - Account health: Orange: poor (orange)`: a set's level, by their names."""
    shown = _name(names, "levels", f"{level_set}.{level}", lang)
    named = f"{shown} ({level})" if shown != level else level
    return f"  - {_name(names, 'levels', level_set, lang)}{words['colon']}{named}"


def _points(points: int, words: Mapping) -> str:
    return words["point"] if points == 1 else words["points"].format(points)


def _outcome(violation: Mapping, words: Mapping) -> list[str]:
    """`7 points, order volume limit: 7 days at 10%, at most 8 orders a day`."""
    parts = []
    if violation["points"] or not (violation["warning"] or violation["limit"]):
        parts.append(_points(violation["points"], words))
    if violation["warning"]:
        parts.append(words["a_warning"])
    limit = violation["limit"]
    if limit:
        parts.append(words["limit"].format(**limit))
        if "daily_cap" in limit:
            parts.append(words["cap"].format(limit["daily_cap"]))
    return parts


def _finding_value(finding: Mapping) -> str:
    """A finding's value as the explanations write it: a rate (its standard is a
    percentage, its value `12/40`) as `30% (12/40)`; any other value as it is."""
    value = finding["value"]
    numerator, slash, denominator = value.partition("/")
    if finding["standard"].endswith("%") and slash and numerator.isdecimal() and denominator.isdecimal():
        return _rate_text(int(numerator), int(denominator))
    return value


def _headroom(found: Mapping, names: Mapping, words: Mapping, lang: str) -> str:
    """`Late dispatch rate: 2 more late_orders (so 2 more orders_7d) and Late dispatch
    rate (LDR) is 11.9% (5/42): 3 points (row 2)`."""
    rule = _name(names, "rules", found["rule"], lang)
    if found["more"] is None:
        return f"  - {rule}{words['colon']}{words['never'].format(input=found['input'])}"
    then, more = found["then"], found["more"]
    text = words["more"].format(more=more, input=found["input"])
    if found["with"]:
        text += words["also"].format(more=more, wholes=words["sep"].join(found["with"]))
    outcome = words["sep"].join(part for row in then["rows"] for part in _outcome(row, words))
    metric = then["metric"]
    if metric and then["value"]:
        value = _finding_value({"value": then["value"], "standard": "%" if "/" in then["value"] else ""})
        rows = words["sep"].join(_row_label(row, words) for row in then["rows"])
        text += words["then"].format(metric=_metric_label(names, metric, lang), value=value, outcome=outcome, row=rows)
    else:
        text += words["colon"] + outcome
    return f"  - {rule}{words['colon']}{text}"


def _row_label(row: Mapping, words: Mapping) -> str:
    """`row 2`, or `row 2 of limits` in a rule with named tables."""
    if row["table"] is None:
        return words["row"].format(row=row["row"])
    return words["table_row"].format(row=row["row"], table=row["table"])


def _recovery(found: Mapping, standards: Mapping, names: Mapping, words: Mapping, lang: str) -> str:
    label = _metric_label(names, found["metric"], lang)
    standard = standards.get(found["metric"], "")
    parts = []
    if standard:
        key = "back" if found["more"] is not None else "not_back"
        parts.append(words[key].format(more=found["more"], input=found["input"], standard=standard))
    parts += [words["below"].format(row=_row_label(below, words), more=below["more"]) for below in found["below"]]
    return f"  - {label}{words['colon']}{words['list'].join(parts)}"


def _what_if(decision: Mapping, names: Mapping, words: Mapping, lang: str) -> list[str]:
    """`What if late_orders +3 (late_orders 15, orders_7d 43):` and what changes."""
    what_if = decision["what_if"]
    changes = words["sep"].join(f"{name} {change}" for name, change in what_if["changes"].items())
    grown = {name for name in what_if["metrics"]}
    metrics = words["sep"].join(f"{name} {value}" for name, value in what_if["metrics"].items() if name in grown)
    after = what_if["decision"]
    lines = [words["what_if"].format(changes=changes, metrics=metrics)]
    if after["points"] != decision["points"] or after["warning"] != decision["warning"]:
        before_text, after_text = (_points(d["points"], words) + (" " + words["warning"] if d["warning"] else "")
                                   for d in (decision, after))
        lines.append("  - " + words["then_points"].format(before=before_text, after=after_text))
    fired = lambda d: {(v["rule"], v["table"], v["row"]): v for v in d["violations"]}  # noqa: E731
    before_rows, after_rows = fired(decision), fired(after)
    for key, listed, other in (("fires", after_rows, before_rows), ("stops", before_rows, after_rows)):
        for rule, table, row in listed:
            if (rule, table, row) not in other:
                label = _row_label({"table": table, "row": row}, words)
                lines.append("  - " + words[key].format(rule=_name(names, "rules", rule, lang), row=label))
    for place, was in before_rows.items():
        now = after_rows.get(place)
        if now is not None and _outcome(now, words) != _outcome(was, words):
            rule, table, row = place
            lines.append("  - " + words["changes"].format(
                rule=_name(names, "rules", rule, lang), row=_row_label({"table": table, "row": row}, words),
                before=words["sep"].join(_outcome(was, words)), after=words["sep"].join(_outcome(now, words))))
    if len(lines) == 1:
        lines.append("  - " + words["same"])
    return lines


def headline(decision: Mapping, names: Mapping, lang: str, seller_id=None) -> str:
    words = WORDS[lang]
    region = decision["region"]
    region_name = _name(names, "regions", region, lang)
    place = region if region_name == region else (
        f"{region_name}({region})" if lang == "zh" else f"{region_name} ({region})")
    head = [words["seller"].format(seller_id)] if seller_id is not None else []
    head.append(place)
    summary = [_points(decision["points"], words)]
    if decision["warning"]:
        summary.append(words["warning"])
    if not decision["violations"] and not decision["findings"]:
        summary.append(words["clean"])
    return words["sep"].join(head) + words["colon"] + words["sep"].join(summary)


def report(decision: Mapping, names: Mapping, lang: str = "en", seller_id=None) -> str:
    words = WORDS[lang]
    lines = [headline(decision, names, lang, seller_id)]
    if decision.get("levels"):
        lines.append(words["levels"])
        lines += [_level(names, name, level, words, lang) for name, level in decision["levels"].items()]
    if decision["violations"]:
        lines.append(words["violations"])
        for v in decision["violations"]:
            where = f"({v['where']})" if lang == "zh" else f" ({v['where']})"
            lines.append(f"  - {_name(names, 'rules', v['rule'], lang)}{where}{words['colon']}"
                         + words["sep"].join(_outcome(v, words)))
            lines.append(f"    {v['because']}")
    if decision["findings"]:
        lines.append(words["findings"])
        for f in decision["findings"]:
            lines.append(f"  - {_metric_label(names, f['metric'], lang)}{words['colon']}{_finding_value(f)}"
                         f"{words['sep']}{words['standard']} {f['standard']}")
    if decision["not_applicable"]:
        lines.append(words["not_applicable"])
        for n in decision["not_applicable"]:
            lines.append(f"  - {_metric_label(names, n['metric'], lang)}{words['colon']}{n['reason']}")
    if decision["discretionary"]:
        lines.append(words["discretionary"])
        for d in decision["discretionary"]:
            measures = [words["discretionary_points"] if m == "points" else _name(names, "measures", m, lang)
                        for m in d["measures"]]
            lines.append(f"  - {_name(names, 'rules', d['rule'], lang)}{words['colon']}{words['list'].join(measures)}")
    if decision.get("headroom"):
        lines.append(words["headroom"])
        lines += [_headroom(found, names, words, lang) for found in decision["headroom"]]
    if decision.get("recovery"):
        lines.append(words["recovery"])
        standards = {f["metric"]: f["standard"] for f in decision["findings"]}
        lines += [_recovery(found, standards, names, words, lang) for found in decision["recovery"]]
    if decision.get("what_if"):
        lines += _what_if(decision, names, words, lang)
    return "\n".join(lines) + "\n"
