"""The words of a decision, in English and Chinese, built once from the IR.

Each text is a `str.format` template whose fields are filled at run time with
the seller's actual values: `{LDR}` becomes `30% (12/40)`, `{late_orders}`
becomes `12`, `{cap}` becomes the daily cap sentence of an order volume limit
(or nothing when the basis input is not given). The Python generator embeds
the templates as string constants; the interpreter formats the same templates,
so both say exactly the same thing.
"""

from __future__ import annotations

from fractions import Fraction

from tspol.compiler import ir
from tspol.dsl.formatter import decimal_text
from tspol.dsl.intervals import Interval

LANGS = ("en", "zh")
SUFFIX = {"minutes": "min", "hours": "h", "days": "d"}

# The daily cap of an order volume limit (D9); `{}` is the cap in orders.
CAP = {"en": " (at most {} orders a day)", "zh": ",即每日最多 {} 单"}

_WORDS = {  # lower bound closed, lower open, upper closed, upper open
    "en": {"count": ("at least", "more than", "at most", "fewer than"),
           "other": ("at least", "above", "at most", "below"),
           "and": " and ", "is": " is ", "sep": "; ", "says": ": ", "end": "."},
    "zh": {"count": ("至少", "多于", "至多", "少于"),
           "other": ("不低于", "高于", "不高于", "低于"),
           "and": " 且", "is": " 为 ", "sep": ";", "says": ",", "end": "。"},
}


def escape(text: str) -> str:
    """Literal text inside a format template."""
    return text.replace("{", "{{").replace("}", "}}")


def value_suffix(program: ir.Program, quantity: str) -> str:
    """What follows a value of this quantity when written: `min`, ` USD`, or nothing."""
    metric = program.metric(quantity)
    kind, unit = (metric.kind, metric.unit) if metric else (program.input(quantity).kind,
                                                            program.input(quantity).unit)
    if kind == "duration":
        return SUFFIX.get(unit or "", "")
    if kind == "money":
        return f" {unit}"
    return ""


def bound_text(program: ir.Program, quantity: str, value: Fraction) -> str:
    """A bound as a policy author writes it: `25%`, `5`, `30min`."""
    if program.kind(quantity) == "rate":
        return f"{decimal_text(value * 100)}%"
    return f"{decimal_text(value)}{value_suffix(program, quantity)}"


def interval_words(program: ir.Program, quantity: str, interval: Interval, lang: str) -> str:
    """[1/4, 1/2) of a rate: `at least 25% and below 50%`."""
    words = _WORDS[lang]
    low_closed, low_open, high_closed, high_open = words["count" if program.kind(quantity) == "count" else "other"]
    if interval.lo is not None and interval.lo == interval.hi:
        return ("exactly " if lang == "en" else "恰为 ") + bound_text(program, quantity, interval.lo)
    parts = []
    if interval.lo is not None:
        parts.append(f"{low_closed if interval.lo_closed else low_open} {bound_text(program, quantity, interval.lo)}")
    if interval.hi is not None:
        parts.append(f"{high_closed if interval.hi_closed else high_open} {bound_text(program, quantity, interval.hi)}")
    return words["and"].join(parts) or ("any value" if lang == "en" else "任意值")


def quantity_label(program: ir.Program, quantity: str, lang: str) -> str:
    """`Late dispatch rate (LDR)` for a named metric, the input name otherwise."""
    metric = program.metric(quantity)
    name = metric.names.get(lang) if metric else None
    if not name or name == quantity:
        return quantity
    return f"{name}({quantity})" if lang == "zh" else f"{name} ({quantity})"


def _join(items: list[str], lang: str) -> str:
    if lang == "zh":
        return ",".join(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _texts(pairs, name: str, lang: str) -> str:
    for key, texts in pairs:
        if key == name:
            return texts.get(lang, name)
    return name


def outcome_text(program: ir.Program, row: ir.RowIR, lang: str) -> str:
    """What a row gives: `5 points and an order volume limit ...{cap}`."""
    zh = lang == "zh"
    items = []
    if row.warning:
        items.append("警告" if zh else "a warning")
    if row.points or not (row.warning or row.limit or row.measures or row.levels):
        if zh:
            items.append(f"{row.points} 个违规分")
        else:
            items.append(f"{row.points} point{'s' * (row.points != 1)}")
    elif row.warning:  # D6: a warning row scores 0 points
        items[-1] += "(0 个违规分)" if zh else " (0 points)"
    if row.limit is not None:
        limit = row.limit
        basis = program.basis(limit.basis)
        basis_name = escape(basis.names.get(lang, basis.name))
        percent = f"{decimal_text(limit.percent)}%"
        if zh:
            items.append(f"限单 {limit.days} 天,上限为{basis_name}的 {percent}{{cap}}")
        else:
            items.append(f"an order volume limit for {limit.days} days at {percent} of the "
                         f"{basis_name}{{cap}}")
    for measure in row.measures:
        items.append(escape(_texts(program.measures, measure, lang)))
    items += [level_text(program, name, level, lang) for name, level in row.levels]
    return _join(items, lang)


def level_text(program: ir.Program, name: str, level: str, lang: str) -> str:
    """`the level Orange: poor (orange) of Account health`: a level a row gives."""
    level_set = program.level_set(name)
    set_name = escape(level_set.names.get(lang, name))
    level_name = escape(level_set.level_texts(level).get(lang, level))
    if lang == "zh":
        return f"{set_name}等级{level_name}({level})"
    return f"the level {level_name} ({level}) of {set_name}"


def row_place(rule: ir.RuleIR, table: ir.TableIR, row: ir.RowIR, lang: str) -> str:
    """`rule late_dispatch, table points, row 1 (fulfilment.pol:56)`."""
    if lang == "zh":
        table_part = f"表 {table.name} " if table.name else ""
        return escape(f"规则 {rule.name} {table_part}第 {row.index} 行({row.where})")
    table_part = f", table {table.name}" if table.name else ""
    return escape(f"Rule {rule.name}{table_part}, row {row.index} ({row.where})")


# An `otherwise` row's condition: its metric has a value that no other row of the table covers.
OTHERWISE = {"en": "no other row of this table applies", "zh": "本表其他行均不适用"}


def because_quantities(row: ir.RowIR, box: int = 0) -> tuple[str, ...]:
    """The quantities whose values `because_template(..., box)` shows: those of the
    box (an `otherwise` row's: the rule's metric alone)."""
    names = tuple(name for name, _ in row.boxes[box])
    return names[:1] if row.otherwise else names


def because_template(program: ir.Program, rule: ir.RuleIR, table: ir.TableIR, row: ir.RowIR,
                     lang: str, box: int = 0) -> str:
    """Why a row fired, with a `{name}` field for the value of each quantity of one of
    its boxes: the first that holds for the seller (`meaning.explained_by`).

    `LDR is {LDR}: at least 25% and below 50%; late_orders is {late_orders}: at least 5.
    Rule late_dispatch, row 3 (fulfilment.pol:41): 5 points.`
    An `otherwise` row: `LDR is {LDR}: no other row of this table applies. ...`.
    """
    words = _WORDS[lang]
    facts = [
        f"{escape(quantity_label(program, name, lang))}{words['is']}{{{name}}}{words['says']}"
        + (OTHERWISE[lang] if row.otherwise else escape(interval_words(program, name, interval, lang)))
        for name, interval in row.boxes[box]
        if name in because_quantities(row, box)
    ]
    condition = words["sep"].join(facts)
    place = row_place(rule, table, row, lang)
    outcome = outcome_text(program, row, lang)
    if lang == "zh":
        return f"{condition}。{place}:{outcome}。"
    return f"{condition}. {place}: {outcome}."


def only_if_template(program: ir.Program, metric: ir.MetricIR, lang: str) -> str:
    """Why a metric does not apply: its `only if` does not hold (D11)."""
    values = [f"{name}{_WORDS[lang]['is']}{{{name}}}" for name, _ in metric.only_if]
    condition = escape(metric.only_if_text)
    if lang == "zh":
        return f"仅当 {condition} 时适用 {metric.name};" + ",".join(values)
    return f"{metric.name} applies only if {condition}; " + ", ".join(values)


def zero_text(metric: ir.MetricIR, lang: str) -> str:
    """Why a rate is undefined: its denominator is 0 (D4). A plain string, no fields."""
    if metric.combine is not None:  # a sum, max or min: some denominator of its terms (issue 11)
        if lang == "zh":
            return f"{'、'.join(metric.denominators)} 中有 0,{metric.name} 无定义"
        return f"{' or '.join(metric.denominators)} is 0, so {metric.name} is undefined"
    if lang == "zh":
        return f"{metric.denominator} 为 0,{metric.name} 无定义"
    return f"{metric.denominator} is 0, so {metric.name} is undefined"
