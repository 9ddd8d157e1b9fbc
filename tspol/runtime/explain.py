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
    return "\n".join(lines) + "\n"
