"""Every message tspol says to a person, in English and Chinese: one catalog.

A message is data: a stable id of the catalog and its fields (names, numbers,
paths, quoted source: never translated). `say(id, **fields)` makes one, a
`Message`, which *is* a `str`: its English text, byte for byte what tspol always
printed, so that everything that reads a diagnostic's `message` as text (the
tests, `--format json`, SARIF, the language server, the error records of
`tspol eval`) reads what it always did. `message.text("zh")` says the same in
Chinese, from the same id and fields; only the renderers of `tspol.diagnostics`
and the CLI ask for it.

A field may itself be a `Message` (a phrase of the catalog, said in the same
language) or a `Words` list (`a, b or c`; `a、b 或 c`). Each entry is `(en, zh)`,
two `str.format` templates with the same fields (`tests/test_messages.py` checks
every entry, and that no diagnostic is built from a raw string).

The Chinese is written for a policy author who reads Chinese first, in the
words of the policy's own text (违规分, 处罚措施, 限单, 节点处罚阈值, 申诉,
扣留余额) and of the decisions' explanations (`tspol.compiler.explain`):
ASCII `,` `:` `;` `()` and a full-width `。` `、`, as that text writes them;
code (`when`, `then`, `part of`, names, values) stays as it is written, with a
space around it.

Standard library only, and nothing of tspol: every stage imports it.
"""

from __future__ import annotations

import functools
import os
import string
import unicodedata
from collections.abc import Iterable, Mapping

LANGS = ("en", "zh")

# Set (by the test suite, `TSPOL_STRICT_MESSAGES=1`) to refuse a diagnostic whose
# message is not of the catalog, where it is built, instead of saying it in English.
STRICT = bool(os.environ.get("TSPOL_STRICT_MESSAGES"))


class Message(str):
    """A message of the catalog with its fields; as a `str`, its English text."""

    def __new__(cls, id: str, fields: Mapping[str, object] | None = None):
        fields = dict(fields or {})
        self = super().__new__(cls, _render(id, fields, "en"))
        self.id = id
        self.fields = fields
        return self

    def text(self, lang: str = "en") -> str:
        """The message in `lang` (English for any language but Chinese)."""
        return str.__str__(self) if lang != "zh" else _render(self.id, self.fields, lang)

    def __reduce__(self):  # pickled (helper processes) as its id and fields, not as its English
        return (Message, (self.id, self.fields))

    def __repr__(self) -> str:
        return f"say({self.id!r}, {', '.join(f'{k}={v!r}' for k, v in self.fields.items())})"


class Words(tuple):
    """Items said as a list: `last` is "and" (`a, b and c`), "or" (`a, b or c`), "or only"
    (`a or b or c`), "and only" (`a and b and c`), "," (`a, b, c`) or ";" (`a; b; c`);
    each item a str or a Message."""

    def __new__(cls, items: Iterable[object], last: str = "and"):
        self = super().__new__(cls, tuple(items))
        self.last = last
        return self

    def __reduce__(self):
        return (Words, (tuple(self), self.last))

    def text(self, lang: str = "en") -> str:
        items = [text(item, lang) for item in self]
        if lang == "zh":
            word = {"or only": "或", "and only": "且", "or": "或", "and": "和"}.get(self.last)
            if self.last == ";":
                return ";".join(items)
            if word is None or len(items) <= 1:
                return "、".join(items)
            if self.last in ("or only", "and only"):
                joined = items[0]
                for item in items[1:]:
                    joined = _glue(_glue(joined, f" {word}"), f" {item}")
                return joined
            return _glue(_glue("、".join(items[:-1]), f" {word}"), f" {items[-1]}")
        if self.last == ";":
            return "; ".join(items)
        if self.last == "or only":
            return " or ".join(items)
        if self.last == "and only":
            return " and ".join(items)
        if self.last == "," or len(items) <= 1:
            return ", ".join(items)
        return ", ".join(items[:-1]) + f" {self.last} " + items[-1]


def say(id: str, /, **fields) -> Message:
    """The message `id` of the catalog, with its fields."""
    return Message(id, fields)


def points_said(points, one: bool | None = None) -> Message:
    """`1 point`, `5 points`: a number of violation points (`one` says whether it is 1
    when `points` is the number as written)."""
    one = points == 1 if one is None else one
    return say("ledger.points.one" if one else "ledger.points", points=points)


def text(value, lang: str = "en"):
    """A message, a phrase or a list in `lang`; anything else (None, a name) as it is."""
    if isinstance(value, (Message, Words)):
        return value.text(lang)
    return value


def _render(id: str, fields: Mapping[str, object], lang: str) -> str:
    en, zh = CATALOG[id]
    values = {name: text(value, lang) for name, value in fields.items()}
    if lang != "zh":
        return en.format_map(values)
    said = ""
    for literal, name, spec, conversion in _FORMATTER.parse(zh):
        said = _glue(said, literal)
        if name is not None:
            said = _glue(said, _FORMATTER.format_field(_FORMATTER.convert_field(values[name], conversion), spec or ""))
    return said


_FORMATTER = string.Formatter()


def _glue(left: str, right: str) -> str:
    """Chinese text and a field put together: the space a template writes beside a field
    (`此处应为 {expected}`, for code such as `then`) goes where both its neighbours are
    Chinese (`此处应为名称`); ASCII parentheses, which the policy's Chinese writes, count as
    Chinese on their outer side. Only the seam is looked at, never inside a field."""
    if left.endswith(" ") and len(left) > 1 and right and _wide(left[-2], ")") and _wide(right[0], "("):
        return left[:-1] + right
    if right.startswith(" ") and len(right) > 1 and left and _wide(left[-1], ")") and _wide(right[1], "("):
        return left + right[1:]
    return left + right


def _wide(char: str, paren: str) -> bool:
    return char == paren or unicodedata.east_asian_width(char) in "WF"


def template_fields(template: str) -> set[str]:
    """The names of the fields of a template."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def os_reason(exc: OSError):
    """Why the system refused to read or write a file: the system's own words
    (`Permission denied`) in English, and in Chinese for the common refusals."""
    import errno

    reason = exc.strerror or str(exc)
    if isinstance(reason, Message):  # tspol's own reason, raised as an OSError
        return reason
    name = errno.errorcode.get(exc.errno or 0, "")
    return Message(f"os.{name}" if f"os.{name}" in CATALOG else "os.other", {"reason": reason})


def utf8_reason(reason: str) -> Message:
    """Python's reason for a byte that is no UTF-8 (`invalid start byte`), in words."""
    return _known_words("utf8", reason)


def json_reason(reason: str) -> Message:
    """Python's `json` on what is wrong (`Expecting value`), in words."""
    return _known_words("json.reason", reason)


def _known_words(family: str, words: str) -> Message:
    """A fixed English text of Python's as the entry of `family` whose English it is
    (`family.other`, the text as a field, for one not in the catalog)."""
    id = _words_index().get((family, words))
    return Message(id) if id is not None else Message(f"{family}.other", {"reason": words})


@functools.lru_cache(maxsize=1)
def _words_index() -> dict[tuple[str, str], str]:
    return {(id.rsplit(".", 1)[0], en): id for id, (en, _) in CATALOG.items() if not template_fields(en)}


# ---- data, for the check cache ---------------------------------------------------------

def to_data(value):
    """A message (or a plain text) as JSON data, fields and all."""
    if isinstance(value, Message):
        return {"id": value.id, "fields": {k: to_data(v) for k, v in value.fields.items()}}
    if isinstance(value, Words):
        return {"words": [to_data(v) for v in value], "last": value.last}
    return value


def from_data(data):
    if isinstance(data, dict) and "id" in data:
        return Message(data["id"], {k: from_data(v) for k, v in data["fields"].items()})
    if isinstance(data, dict) and "words" in data:
        return Words([from_data(v) for v in data["words"]], data["last"])
    return data


# ---- the catalog -------------------------------------------------------------------------
# id: (English, Chinese). Ids are stable: a renamed id is a new message.

CATALOG: dict[str, tuple[str, str]] = {}


def _section(entries: dict[str, tuple[str, str]]) -> None:
    for id, entry in entries.items():
        assert id not in CATALOG, f"message {id!r} is in the catalog twice"
        CATALOG[id] = entry


# ---- how a diagnostic is laid out (tspol.diagnostics)
_section({
    "render.key": ("key `{key}`: {message}", "键 `{key}`:{message}"),
    "render.note": ("note: {place}: {note}", "说明:{place}: {note}"),
    "render.help": ("help: {help}", "提示:{help}"),
    "render.row": ("row {row}", "第 {row} 个卖家"),
})

# ---- words that other messages are made of
_section({
    "did_you_mean": ("did you mean {names}?", "是否应为 {names}?"),
    # kinds of quantity (tspol.dsl.pack.KIND_WORDS)
    "kind.count": ("a count", "计数"),
    "kind.number": ("a number", "数值"),
    "kind.rate": ("a rate", "比率"),
    "kind.duration": ("a duration", "时长"),
    "kind.money": ("an amount of money", "金额"),
    # kinds of literal
    "literal.number": ("a plain number", "纯数字"),
    "literal.percent": ("a percentage", "百分比"),
    "literal.duration": ("a duration", "时长"),
    "literal.money": ("an amount of money", "金额"),
    # what a name names
    "noun.input": ("input", "输入项"),
    "noun.metric": ("metric", "指标"),
    "noun.basis": ("basis", "限单基数"),
    "noun.region": ("region", "地区"),
    "noun.measure": ("measure", "处罚措施"),
    "noun.category": ("category", "类别"),
    "noun.reason": ("reason", "违规原因"),
    "noun.hold": ("hold", "扣留余额场景"),
    "noun.table": ("table", "表"),
    "noun.rule": ("rule", "规则"),
    "noun.action_or_measure": ("action or measure", "动作或处罚措施"),
    "noun.input_or_metric": ("input or metric", "输入项或指标"),
    "a.input": ("an input", "输入项"),
    "a.metric": ("a metric", "指标"),
    "a.basis": ("a basis", "限单基数"),
})

# ---- the checker (tspol.dsl.checker)
_section({
    "check.unknown": ("unknown {what} `{name}`", "未知的{what} `{name}`"),
    "check.first_here": ("first here", "第一处在这里"),
    "check.keep_one": ("keep one of them", "只保留其中一个"),
    "check.remove_one": ("remove one of them", "删除其中一个"),
    "check.first_defined_here": ("first defined here", "第一次定义在这里"),
    "check.first_one_here": ("first one here", "第一个在这里"),
    "check.first_given_here": ("first given here", "第一次写在这里"),
    "check.defined_twice": ("{what} `{name}` is defined twice", "{what} `{name}` 定义了两次"),
    "check.name_taken": ("{what} `{name}` has the name of {first}: inputs, metrics and bases share one set of names",
                         "{what} `{name}` 与一个{first}同名:输入项、指标和限单基数共用一套名称"),
    "check.remove_or_rename": ("remove one of them, or give this one another name",
                               "删除其中一个,或给这一个改个名称"),
    "check.block_twice": ("the pack has more than one `{keyword}` block", "政策包中有不止一个 `{keyword}` 块"),
    "check.merge_blocks": ("merge them into one block", "把它们合并成一个块"),
    "check.no_policy": ("the pack has no `policy` declaration", "政策包中没有 `policy` 声明"),
    "check.no_policy.help": ('start one file with `policy my_policy {{ version "1" effective 2024-01-01 }}`',
                             '在一个文件的开头写上 `policy my_policy {{ version "1" effective 2024-01-01 }}`'),
    "check.policy_twice": ("the pack declares more than one policy", "政策包声明了不止一个政策"),
    "check.first_policy_here": ("first policy here", "第一个政策在这里"),
    "check.policy_twice.help": ("a pack is one policy; put the other one in its own folder",
                                "一个政策包只含一个政策;把另一个放到单独的文件夹里"),
    "check.policy_lacks": ("the policy has no `{keyword}`", "政策缺少 `{keyword}`"),
    "check.policy_lacks.help": ("add `{example}` to the policy block", "在 `policy` 块中加上 `{example}`"),
    "check.policy_item_twice": ("the policy has more than one `{keyword}`", "政策中的 `{keyword}` 不止一个"),
    "check.not_a_date": ("`{date}` is not a calendar date", "`{date}` 不是日历上存在的日期"),
    "check.date.help": ("write the date as YYYY-MM-DD, such as 2024-07-15", "日期写作 YYYY-MM-DD,例如 2024-07-15"),
    "check.unknown_language": ("unknown language `{lang}`", "未知的语言 `{lang}`"),
    "check.languages.help": ("texts are in `en` or `zh`", "文本的语言是 `en` 或 `zh`"),
    "check.text_twice": ("`{kind} {lang}` is given twice", "`{kind} {lang}` 写了两次"),
    "check.empty_text": ("the {kind} text is empty", "{kind} 的文本是空的"),
    "check.duration_unit": ("a duration input needs its unit", "时长类输入项需要写明单位"),
    "check.duration_unit.help": ("write `duration in minutes`, `duration in hours` or `duration in days`",
                                 "写作 `duration in minutes`、`duration in hours` 或 `duration in days`"),
    "check.money_unit": ("a money input needs its currency", "金额类输入项需要写明币种"),
    "check.money_unit.help": ("write `money in USD` (a three-letter currency code)",
                              "写作 `money in USD`(三个字母的币种代码)"),
    "check.no_unit": ("{kind} has no unit", "{kind}没有单位"),
    "check.write": ("write `{code}`", "写作 `{code}`"),
    "check.add": ("add `{code}`", "加上 `{code}`"),
    "check.part_of_once": ("an input is part of one total only", "一个输入项只能是一个总量的一部分"),
    "check.part_of_itself": ("an input cannot be part of itself", "输入项不能是它自身的一部分"),
    "check.part_of_counts": ("only a count can be part of another count", "只有计数才能是另一个计数的一部分"),
    "check.kinds_are.help": ("`{name}` is {kind} and `{whole}` is {whole_kind}",
                             "`{name}` 是{kind},`{whole}` 是{whole_kind}"),
    "check.not_an_input": ("`{name}` is {other}, but an input belongs here", "`{name}` 是{other},但这里要的是输入项"),
    "check.not_an_input.help": ("metrics and bases are computed from inputs, not from each other",
                                "指标和限单基数都由输入项算出,不能相互引用"),
    "check.direction_once": ("say once whether higher or lower is worse", "`higher is worse` 或 `lower is worse` 只写一次"),
    "check.rate_of_counts": ("a rate divides counts, but `{name}` is {kind}", "比率是计数相除,但 `{name}` 是{kind}"),
    "check.rate_of_counts.help": ("declare the metric as a ratio of two count inputs",
                                  "把指标声明为两个计数类输入项之比"),
    "check.whole_over_part": ("`{metric}` divides `{numerator}` by `{denominator}`, which is part of it: "
                              "the rate is never below 100%",
                              "`{metric}` 用 `{numerator}` 除以它的一部分 `{denominator}`:比率永远不会低于 100%"),
    "check.whole_over_part.help": ("write the part over the whole: `{denominator} / {numerator}`",
                                   "应是部分除以总量:`{denominator} / {numerator}`"),
    "check.basis_of_orders": ("a basis is a number of orders, but `{name}` is {kind}",
                              "限单基数是订单量,但 `{name}` 是{kind}"),
    "check.basis_rounding": ("basis `{name}` does not say how a cap is rounded", "限单基数 `{name}` 没有写明上限如何取整"),
    "check.basis_rounding.help": ("add `round down` or `round up` to its block",
                                  "在它的块中加上 `round down` 或 `round up`"),
    "check.rounding_once": ("say once how the basis is rounded", "取整方式只写一次"),
    "check.one_standard": ("a metric has one standard", "一个指标只有一个标准"),
    "check.one_standard.help": ("combine the bounds with `and`", "用 `and` 把各个边界写在一起"),
    "check.standard_about": ("the standard of `{metric}` must be about `{metric}`",
                             "`{metric}` 的标准只能针对 `{metric}` 本身"),
    "check.standard_about.help": ("write `standard {metric} < ...`; use `only if` for conditions on other inputs",
                                  "写作 `standard {metric} < ...`;对其他输入项的条件写在 `only if` 中"),
    "check.only_if_metric": ("`only if` of `{metric}` names the metric `{name}`; an `only if` is a condition on inputs",
                             "`{metric}` 的 `only if` 用到了指标 `{name}`;`only if` 只能是对输入项的条件"),
    "check.only_if_metric.help": ("write the condition on the inputs the metric is made of",
                                  "改为对构成该指标的输入项写条件"),
    "check.direction": ("`{metric}` is marked `{worse} is worse`, but its standard asks for it to stay {stay}",
                        "`{metric}` 标为 `{worse} is worse`,但它的标准却要求它保持{stay}"),
    "check.stay.high": ("high", "在高位"),
    "check.stay.low": ("low", "在低位"),
    "check.direction.help": ("check the comparison in the standard, or the direction",
                             "检查标准中的比较方向,或 `is worse` 的方向"),
    "check.plain.standard": ("a standard is comparisons joined by `and`: `or` and `not` belong in the rows of a table",
                             "标准只能是用 `and` 连接的比较:`or` 和 `not` 只能写在表的行中"),
    "check.plain.only_if": ("an `only if` is comparisons joined by `and`: `or` and `not` belong in the rows of a table",
                            "`only if` 只能是用 `and` 连接的比较:`or` 和 `not` 只能写在表的行中"),
    "check.plain.help": ("write the bounds a value must meet, such as `LDR < 4%` or `10% <= LDR < 25%`",
                         "写出取值必须满足的边界,例如 `LDR < 4%` 或 `10% <= LDR < 25%`"),
    "check.too_many_boxes": ("this condition is {count:,} alternatives or more once its `or` and `not` are multiplied "
                             "out, and a row holds at most {most}",
                             "这个条件的 `or` 和 `not` 展开后有 {count:,} 个或更多分支,而一行最多 {most} 个"),
    "check.too_many_boxes.help": ("write the alternatives as rows of their own, or in a table of their own",
                                  "把各个分支分别写成一行,或写进单独的表"),
    "check.never_holds": ("no seller's values meet this condition", "没有哪个卖家的取值能满足这个条件"),
    "check.never_holds.help": ("`not` holds only where its quantity has a value outside the range it negates; "
                               "check the bounds",
                               "`not` 仅在其中的量有值、且落在被否定的范围之外时成立;请检查边界"),
    "check.contradicts": ("`{comparison}` contradicts `{other}`: no value of `{name}` meets both",
                          "`{comparison}` 与 `{other}` 相矛盾:`{name}` 没有能同时满足两者的取值"),
    "check.the_other_condition": ("the other condition", "另一个条件"),
    "check.contradicts.help": ("check the bounds; a condition like this never holds",
                               "请检查边界;这样的条件永远不会成立"),
    "check.no_value_meets": ("no value of `{name}` meets `{comparison}`", "`{name}` 没有满足 `{comparison}` 的取值"),
    "check.shape.no_name": ("this comparison has no input or metric in it", "这个比较中没有输入项或指标"),
    "check.shape.two_names": ("`{first}` is compared with `{second}`: a comparison bounds one input or metric with values",
                              "`{first}` 与 `{second}` 相比较:一个比较只能用数值来限定一个输入项或指标"),
    "check.shape.middle": ("a range puts the input or metric in the middle", "范围要把输入项或指标写在中间"),
    "check.shape.equal_in_range": ("`==` cannot be part of a range", "`==` 不能用在范围中"),
    "check.shape.same_way": ("both comparisons of a range must point the same way", "范围的两个比较方向必须一致"),
    "check.shape.help": ("write a bound such as `LDR >= 4%` or a range such as `10% <= LDR < 25%`",
                         "写成边界,如 `LDR >= 4%`;或写成范围,如 `10% <= LDR < 25%`"),
    "check.basis_compared": ("`{name}` is a basis for order volume limits, not an input or metric",
                             "`{name}` 是限单基数,不是输入项或指标"),
    "check.basis_compared.help": ("compare its input, `{source}`", "改为比较它的输入项 `{source}`"),
    "check.literal_kind": ("`{name}` is {kind}, but `{value}` is {literal}", "`{name}` 是{kind},但 `{value}` 是{literal}"),
    "check.count_not_whole": ("`{name}` counts whole items, but `{value}` is not a whole number",
                              "`{name}` 按整数计数,但 `{value}` 不是整数"),
    "check.count_not_whole.help": ("compare a count with a whole number", "计数要与整数比较"),
    "check.currency": ("`{name}` is in {unit}, but `{value}` is in {other}", "`{name}` 以 {unit} 计,但 `{value}` 以 {other} 计"),
    "check.currency.help": ("write the amount in {unit}", "用 {unit} 写金额"),
    "check.share.help": ("`{name}` is a share of a whole: from 0% to 100%", "`{name}` 是占总量的比例:在 0% 到 100% 之间"),
    "check.over_100": ("`{value}` is more than 100%", "`{value}` 超过了 100%"),
    "check.compare.count": ("compare a count with a whole number, such as `{example}`",
                            "计数要与整数比较,例如 `{example}`"),
    "check.compare.number": ("compare a number with a plain number, such as `{example}`",
                             "数值要与纯数字比较,例如 `{example}`"),
    "check.compare.rate": ("compare a rate with a percentage, such as `{example}`", "比率要与百分比比较,例如 `{example}`"),
    "check.compare.duration": ("compare a duration with a duration, such as `{example}`",
                               "时长要与时长比较,例如 `{example}`"),
    "check.compare.money": ("compare money with an amount in its currency, such as `{example}`",
                            "金额要与同币种的金额比较,例如 `{example}`"),
    "check.empty.bounds_cross": ("the lower bound must be below the upper bound", "下界必须低于上界"),
    "check.empty.no_whole": ("`{name}` counts whole items, and no whole number lies in this range",
                             "`{name}` 按整数计数,而这个范围内没有整数"),
    "check.empty.never_below": ("`{name}` is never below {end}", "`{name}` 不会低于 {end}"),
    "check.empty.never_above": ("`{name}` is never above {end}", "`{name}` 不会高于 {end}"),
    "check.zero": ("zero", "零"),
    # a literal where a kind of value is expected: `what` is one of the `what.` phrases below
    "check.expect.kind": ("{what} is {kind}, but `{value}` is {literal}", "{what}应是{kind},但 `{value}` 是{literal}"),
    "check.expect.whole": ("{what} must be a whole number, not `{value}`", "{what}必须是整数,不能是 `{value}`"),
    "check.expect.days": ("{what} is counted in whole calendar days", "{what}按整数个日历日计"),
    "check.expect.positive": ("{what} must be more than zero", "{what}必须大于零"),
    "check.expect.at_most": ("{what} can be at most {largest:,}, not `{value}`", "{what}最多为 {largest:,},不能是 `{value}`"),
    "check.expect.at_most_days": ("{what} can be at most {largest:,} days (100 years), not `{value}`",
                                  "{what}最多为 {largest:,} 天(100 年),不能是 `{value}`"),
    "check.expect.share.help": ("{what} is a share: at most 100%", "{what}是比例:最多 100%"),
    "check.write_like": ("write it like `{example}`", "写法如 `{example}`"),
    "what.points": ("violation points", "违规分"),
    "what.limit_days": ("the length of a limit", "限单天数"),
    "what.limit_cap": ("the cap of a limit", "限单上限"),
    "what.expiry": ("the life of points", "违规分的有效期"),
    "what.deactivation": ("the deactivation threshold", "撤销权限的阈值"),
    "what.threshold": ("a threshold", "节点处罚阈值"),
    "what.measure_length": ("the length of a measure", "处罚措施的时长"),
    "what.warning_margin": ("the warning margin", "警告提前量"),
    "what.appeals": ("the number of appeals", "申诉次数"),
    "what.appeal_window": ("an appeal window", "申诉期限"),
    "what.hold_period": ("a hold period", "扣留余额期"),
    "what.release": ("a release time", "退还期限"),
    # rules and tables
    "check.declare_region.help": ("declare it with `region NAME {{ ... }}`", "用 `region NAME {{ ... }}` 声明它"),
    "check.region_listed_twice": ("region `{name}` is listed twice", "地区 `{name}` 列了两次"),
    "check.rule_twice": ("rule `{rule}` is defined twice for {region}", "规则 `{rule}` 在 {region} 定义了两次"),
    "check.rule_twice.help": ("remove one of them, or give this one other regions", "删除其中一个,或给这一个换成其他地区"),
    "check.rule_one": ("a rule has one `{keyword}`", "一条规则只有一个 `{keyword}`"),
    "check.declare_reason.help": ('declare it in the catalogue: `reason {name} in CATEGORY {{ name en "..." }}`',
                                  '在违规原因目录中声明它:`reason {name} in CATEGORY {{ name en "..." }}`'),
    "check.no_rows": ("this table has no rows", "这个表一行也没有"),
    "check.no_rows.help": ("add its rows, `when ... then ...`, or remove it", "加上表的行(`when ... then ...`),或删除这个表"),
    "check.rule_empty": ("rule `{rule}` has neither a metric nor a table", "规则 `{rule}` 既没有指标也没有表"),
    "check.rule_empty.help": ("add `on METRIC` or a `table {{ ... }}`", "加上 `on METRIC` 或一个 `table {{ ... }}`"),
    "check.otherwise_no_metric": ("an `otherwise` row fires for sellers whose rule metric has a value, but rule "
                                  "`{rule}` names no metric",
                                  "`otherwise` 行对规则指标有值的卖家生效,但规则 `{rule}` 没有指定指标"),
    "check.otherwise_no_metric.help": ("add `on METRIC` to the rule, or write the row's condition: `when ... then ...`",
                                       "在规则中加上 `on METRIC`,或写出这一行的条件:`when ... then ...`"),
    "check.listed_twice": ("`{name}` is listed twice", "`{name}` 列了两次"),
    "check.action_twice": ("this row already has this action", "这一行已经有这个动作了"),
    "check.declare_basis.help": ("declare it with `basis avg4w = avg_daily_orders_4w {{ round down }}`",
                                 "用 `basis avg4w = avg_daily_orders_4w {{ round down }}` 声明它"),
    # the ledger, appeals, holds, reasons
    "check.ledger_twice": ("the ledger says `{keyword}` twice", "`ledger` 块中 `{keyword}` 写了两次"),
    "check.no_expiry": ("the ledger does not say when points expire", "`ledger` 块没有写明违规分何时过期"),
    "check.no_crossing": ("the ledger does not say which measures apply when one scoring crosses several thresholds",
                          "`ledger` 块没有写明一次记分跨过多个节点处罚阈值时适用哪些处罚措施"),
    "check.no_crossing.help": ("add `multiple thresholds apply highest` (or `... apply all`)",
                               "加上 `multiple thresholds apply highest`(或 `... apply all`)"),
    "check.freeze_never": ("points freeze while deactivated, but the ledger never deactivates",
                           "写了撤销权限期间冻结违规分,但 `ledger` 块从不撤销权限"),
    "check.threshold_twice": ("threshold {points} is defined twice", "阈值 {points} 定义了两次"),
    "check.threshold_twice.help": ("merge their measures into one threshold", "把它们的处罚措施合并到同一个阈值下"),
    "check.thresholds_order": ("thresholds out of order: {points} comes after {previous}",
                               "阈值的顺序不对:{points} 排在了 {previous} 之后"),
    "check.the_previous_threshold": ("the previous threshold", "前一个阈值"),
    "check.thresholds_order.help": ("list thresholds from the lowest to the highest", "按从低到高的顺序列出阈值"),
    "check.measure_twice": ("measure `{name}` is listed twice in this threshold", "处罚措施 `{name}` 在这个阈值中列了两次"),
    "check.margin": ("the warning margin, {margin} points, is not below the lowest threshold, {lowest} points",
                     "警告提前量 {margin} 分不低于最低的阈值 {lowest} 分"),
    "check.the_lowest_threshold": ("the lowest threshold", "最低的阈值"),
    "check.margin.help": ("a warning that early would be due before any violation; make the margin smaller",
                          "这么早的警告在卖家还没有任何违规时就会发出;请调小提前量"),
    "check.appeals_lacks": ("the appeals block does not say `{keyword}`", "`appeals` 块没有写 `{keyword}`"),
    "check.appeals_twice": ("the appeals block says `{keyword}` twice", "`appeals` 块中 `{keyword}` 写了两次"),
    "check.hold_no_period": ("hold `{name}` has no period", "扣留余额场景 `{name}` 没有写扣留期"),
    "check.hold_no_end": ("hold `{name}` does not say when it ends", "扣留余额场景 `{name}` 没有写明何时结束"),
    "check.hold_no_end.help": ("add `ends at later of period and investigation` (or `earlier`)",
                               "加上 `ends at later of period and investigation`(或 `earlier`)"),
    "check.hold_one_period": ("a hold has one period", "一个扣留余额场景只有一个扣留期"),
    "check.hold_backwards": ("the hold period runs backwards: from {shortest} to {longest}",
                             "扣留期首尾颠倒了:从 {shortest} 到 {longest}"),
    "check.hold_backwards.help": ("write the shorter period first", "先写较短的期限"),
    "check.hold_end_once": ("a hold says once when it ends", "扣留余额场景只写一次何时结束"),
    "check.hold_outcome_twice.accepted": ("the hold says twice what happens on accepted appeal",
                                          "扣留余额场景把申诉成功时的处理写了两次"),
    "check.hold_outcome_twice.rejected": ("the hold says twice what happens on rejected appeal",
                                          "扣留余额场景把申诉失败时的处理写了两次"),
    "check.hold_outcome_twice.none": ("the hold says twice what happens on none appeal",
                                      "扣留余额场景把未申诉时的处理写了两次"),
    "check.reason_points_once": ("a reason says once where its points come from", "违规原因只写一次违规分从何而来"),
    "check.reason_no_scoring": ("reason `{name}` takes its points from a rule, but no rule for it scores points",
                                "违规原因 `{name}` 的违规分来自规则,但没有哪条对应的规则记违规分"),
    "check.reason_no_scoring.help": ("name the reason in a rule with point rows, or write `points discretionary`",
                                     "在有记分行的规则中写上这个违规原因,或写 `points discretionary`"),
    "check.reason_discretionary": ("reason `{name}` leaves points to the platform, but rule `{rule}` scores points "
                                   "for it", "违规原因 `{name}` 的违规分由平台酌情决定,但规则 `{rule}` 为它记了违规分"),
    "check.the_rule": ("the rule", "该规则"),
    "check.no_chinese_name": ("{what} `{name}` has no Chinese name (`name zh`), though the pack names others in "
                              "Chinese", "{what} `{name}` 没有中文名称(`name zh`),而政策包中的其他声明有中文名称"),
    "check.no_chinese_name.help": ('add `name zh "..."` to its block', '在它的块中加上 `name zh "..."`'),
    # issue 11, points from the catalogue
    "check.points_backwards": ("the points run backwards: {low} is more than {high}", "违规分范围写反了:{low} 大于 {high}"),
    "check.points_outside": ("rule `{rule}` scores {points} for reason `{reason}`, whose points are {range}",
                             "规则 `{rule}` 为违规原因 `{reason}` 记 {points},而该违规原因的违规分为 {range}"),
    "check.the_reason_points": ("the reason's points", "该违规原因的违规分"),
    # issue 11, evaluation cadence
    "check.unknown_weekday": ("`{name}` is not a day of the week", "`{name}` 不是星期几"),
    "check.weekdays": ("write one of monday, tuesday, wednesday, thursday, friday, saturday, sunday",
                       "请写 monday、tuesday、wednesday、thursday、friday、saturday、sunday 之一"),
    "check.bad_month_day": ("a day of the month is a whole number from 1 to 31, not `{value}`",
                            "每月的日期是 1 到 31 的整数,不能是 `{value}`"),
})

# ---- the checker: params (issue 11, tspol.dsl.params)
_section({
    "noun.param": ("param", "参数"),
    "noun.levels": ("level set", "等级集"),
    "a.param": ("a param", "参数"),
    "check.param.region_twice": ("param `{param}` gives region {region} a value twice",
                                 "参数 `{param}` 为地区 {region} 给了两次值"),
    "check.param.region_twice.help": ("keep one case for each region", "每个地区只保留一个情形"),
    "check.param.unreached": ("no seller reaches this case of `{param}`: the cases before it hold wherever it does",
                              "没有卖家会落到 `{param}` 的这个情形:凡它成立之处,它前面的情形都已成立"),
    "check.param.unreached.help": ("cases are tried in order, the first that holds gives the value: move this one "
                                   "up, or remove it", "情形按顺序判断,第一个成立的情形给出取值:把这个情形上移,或删除它"),
    "check.param.in_standard": ("a standard names param `{param}`; tspol cannot say a standard that depends on a "
                                "param yet", "标准中用到了参数 `{param}`;tspol 目前还不能表达取决于参数的标准"),
    "check.param.in_standard.help": ("write the standard with a value, and compare with the param in the rows of "
                                     "the rule", "请用数值写标准,在规则的各行中再与参数比较"),
    "check.param.in_only_if": ("an `only if` names param `{param}`: it is a condition on inputs",
                               "`only if` 中用到了参数 `{param}`:它是关于输入项的条件"),
    "check.param.in_only_if.help": ("compare inputs with values in an `only if`", "请在 `only if` 中用数值与输入项比较"),
    "check.param.in_param": ("a case of a param names param `{param}`: a case is a condition on inputs and metrics",
                             "参数的情形中用到了参数 `{param}`:情形是关于输入项和指标的条件"),
    "check.param.in_param.help": ("compare inputs and metrics with values in a case", "请在情形中用数值与输入项和指标比较"),
    "check.param.shape": ("param `{param}` is compared with one input or metric, as in `ODR < {param}`",
                          "参数 `{param}` 只能与一个输入项或指标比较,例如 `ODR < {param}`"),
    "check.param.shape.help": ("write `NAME < {param}`: a range of two bounds is two comparisons joined by `and`",
                               "请写 `NAME < {param}`;两端都有界的区间写成用 `and` 连接的两个比较"),
    "check.param.type": ("`{name}` is {kind}, but param `{param}` is {param_kind}",
                         "`{name}` 是{kind},而参数 `{param}` 是{param_kind}"),
    "check.param.type.help": ("compare `{name}` with a param of its type", "请将 `{name}` 与同类型的参数比较"),
    "check.param.no_value": ("param `{param}` has no value in {region}, where rule `{rule}` compares with it",
                             "参数 `{param}` 在 {region} 没有取值,而规则 `{rule}` 在那里与它比较"),
    "check.param.here": ("the param", "该参数"),
    "check.param.no_value.help": ("add a case `in {region} then ...`, or `otherwise ...`",
                                  "请加上情形 `in {region} then ...`,或 `otherwise ...`"),
    "check.param.never_holds": ("no seller's values in {region} meet this condition",
                                "在 {region} 没有哪个卖家的取值能满足这个条件"),
    "check.param.gap": ("param `{param}` has no value in {region} for sellers with {where}: no case holds for them, "
                        "so no comparison with it does", "参数 `{param}` 在 {region} 对 {where} 的卖家没有取值:"
                        "没有情形对他们成立,与它的比较也就都不成立"),
    "check.param.gap.help": ("add `otherwise ...` as the last case, if those sellers are meant to have a value",
                             "如果这些卖家也应有取值,请加上 `otherwise ...` 作为最后一个情形"),
})

# ---- the checker: windows chosen by volume (issue 11, tspol.dsl.params)
_section({
    "check.window.misplaced": ("`{metric}` is a windowed metric: its definition is chosen by its cases, so it is "
                               "compared with a value in a row", "`{metric}` 是按窗口选择的指标:它的定义由情形选择,"
                               "只能在行中与数值比较"),
    "check.window.in_comparison.help": ("write `{metric} >= 1%`: a windowed metric is compared with values",
                                        "请写 `{metric} >= 1%`:按窗口选择的指标只与数值比较"),
    "check.window.in_standard.help": ("write the standard on the metric of one window, or compare the windowed metric "
                                      "in the rows of the rule", "请在某一个窗口的指标上写标准,或在规则的各行中比较按窗口选择的指标"),
    "check.window.in_only_if.help": ("compare inputs with values in an `only if`", "请在 `only if` 中用数值与输入项比较"),
    "check.window.in_param.help": ("compare inputs and metrics of one definition with values in a case",
                                   "请在情形中用数值与单一定义的输入项和指标比较"),
    "check.window.in_metric.help": ("divide, add or round the metric of one window, and choose among such metrics "
                                    "by cases", "请对单一窗口的指标做除法、加法或取整,再用情形在这些指标中选择"),
    "check.window.here": ("the windowed metric", "该按窗口选择的指标"),
    "check.window.in_case.help": ("name an input or metric of one definition in each case",
                                  "请在每个情形中写出单一定义的输入项或指标"),
    "check.window.case_type": ("this case of `{metric}` names `{name}`, {kind}, but `{metric}` is {window_kind}",
                               "`{metric}` 的这个情形写的是 `{name}`({kind}),而 `{metric}` 是{window_kind}"),
    "check.window.case_type.help": ("name an input or metric of the type of `{metric}` in each case",
                                    "请在每个情形中写出与 `{metric}` 同类型的输入项或指标"),
    "check.window.unreached": ("no seller reaches this case of `{param}`: the cases before it hold wherever it does",
                               "没有卖家会落到 `{param}` 的这个情形:凡它成立之处,它前面的情形都已成立"),
    "check.window.unreached.help": ("cases are tried in order, the first that holds chooses the metric: move this "
                                    "one up, or remove it", "情形按顺序判断,第一个成立的情形选出指标:把这个情形上移,或删除它"),
    "check.window.no_value": ("metric `{param}` has no case in {region}, where rule `{rule}` compares with it",
                              "指标 `{param}` 在 {region} 没有情形,而规则 `{rule}` 在那里与它比较"),
    "check.window.gap": ("metric `{param}` has no value in {region} for sellers with {where}: no case holds for "
                         "them, so no row on it fires", "指标 `{param}` 在 {region} 对 {where} 的卖家没有取值:"
                         "没有情形对他们成立,与它有关的行也就都不触发"),
})

# ---- the checker: arithmetic on metrics (issue 11)
_section({
    "check.kind_in_unit": ("{kind} in {unit}", "以 {unit} 计的{kind}"),
    "check.arith_function": ("`{name}` is no function of a metric: a metric is a sum, `max(...)` or `min(...)`",
                             "`{name}` 不是指标可用的函数:指标可以是求和、`max(...)` 或 `min(...)`"),
    "check.arith_function.help": ("write `max(A, B)` for the worst of higher-is-worse quantities, `min(A, B)` "
                                  "for the least", "最大值写 `max(A, B)`,最小值写 `min(A, B)`"),
    "check.arith_kinds": ("`{name}` is {kind}, but `{first}` is {first_kind}: the terms of one sum, max or min "
                          "are of one kind and unit",
                          "`{name}` 是{kind},而 `{first}` 是{first_kind}:同一个求和、max 或 min 的各项必须"
                          "类型和单位相同"),
    "check.arith_kinds.help": ("`{metric}` adds or compares like with like: counts with counts, rates with rates",
                               "`{metric}` 只能把同类相加或比较:计数与计数,比率与比率"),
    "check.arith_nested": ("`{name}` is itself a sum, max or min, so it cannot be a term of `{metric}`",
                           "`{name}` 本身就是求和、max 或 min,不能作为 `{metric}` 的一项"),
    "check.arith_nested.help": ("write the terms of `{name}` into it: a term is an input or a metric `A / B` or `A`",
                                "把 `{name}` 的各项直接写进来:每一项是输入项,或形如 `A / B`、`A` 的指标"),
    "check.arith_only_if": ("`{name}` has an `only if`, so it cannot be a term of `{metric}`",
                            "`{name}` 带有 `only if`,不能作为 `{metric}` 的一项"),
    "check.arith_only_if.help": ("give `{metric}` the `only if` itself, and make its terms plain metrics",
                                 "把 `only if` 写在 `{metric}` 上,各项用不带条件的指标"),
    "check.arith_denominators": ("`{metric}` adds `{first}`, a rate of `{denominator}`, and `{second}`, a rate of "
                                 "`{other}`: the rates of one sum divide by one input",
                                 "`{metric}` 把 `{first}`(以 `{denominator}` 为分母)与 `{second}`(以 `{other}` "
                                 "为分母)相加:同一个求和中的比率必须有同一个分母"),
    "check.arith_denominators.help": ("write the sum of rates over one total, or compare the rates in rows of their "
                                      "own", "让求和中的比率使用同一个总数,或在各自的行中比较这些比率"),
    "check.arith_zero_weight": ("the weight of `{name}` is 0", "`{name}` 的权重是 0"),
    "check.arith_zero_weight.help": ("a weight is more than 0; leave out a term that does not count",
                                     "权重必须大于 0;不计入的项请删去"),
    "check.arith_whole_weight": ("`{name}` is a count, but its weight `{weight}` is not a whole number",
                                 "`{name}` 是计数,但它的权重 `{weight}` 不是整数"),
    "check.arith_whole_weight.help": ("a sum of counts is a count: weigh counts by whole numbers",
                                      "计数之和仍是计数:计数的权重必须是整数"),
})

# ---- the commands (tspol.cli): what they say on stderr, and their usage errors
_section({
    "cli.unknown_language": ("{source}: unknown language {value}; choose one of {languages}",
                             "{source}:未知的语言 {value};可选的语言:{languages}"),
    "cli.no_pol_files": ("no .pol files in {path}: a pack is a .pol file or a folder of them",
                         "{path} 中没有 .pol 文件:政策包是一个 .pol 文件,或存放 .pol 文件的文件夹"),
    "cli.bundled_pack": ("no ./policies folder here; using the bundled pack at {path}",
                         "当前目录下没有 ./policies 文件夹;改用内置的政策包 {path}"),
    "cli.checking_part_of": ("checking {path} as part of the pack in {root}", "把 {path} 作为 {root} 中政策包的一部分来检查"),
    "cli.compiling_part_of": ("compiling {path} as part of the pack in {root}",
                              "把 {path} 作为 {root} 中政策包的一部分来编译"),
    "cli.reading_part_of": ("reading {path} as part of the pack in {root}", "把 {path} 作为 {root} 中政策包的一部分来读取"),
    "cli.several_packs": ("{root} holds {count} packs ({packs}); name one of them",
                          "{root} 中有 {count} 个政策包({packs});请指定其中一个"),
    "cli.errors.one": ("{count} error", "{count} 个错误"),
    "cli.errors": ("{count} errors", "{count} 个错误"),
    "cli.warnings.one": ("{count} warning", "{count} 个警告"),
    "cli.warnings": ("{count} warnings", "{count} 个警告"),
    "cli.summary": ("{parts}", "{parts}"),
    "cli.no_problems": ("no problems", "没有问题"),
    "cli.needs_extra": ("error[E003]: {what} needs {module}: pip install 'tspol[{extra}]'",
                        "error[E003]:{what} 需要 {module}:pip install 'tspol[{extra}]'"),
    "cli.no_spark": ("--engine spark could not start Spark ({reason}); it needs Java 17 or later "
                     "(`java` on PATH or JAVA_HOME)",
                     "--engine spark 无法启动 Spark({reason});它需要 Java 17 或更高版本(PATH 中的 `java`,或 JAVA_HOME)"),
    # tspol check
    "cli.checked": ("checked {targets}: {summary}", "已检查 {targets}:{summary}"),
    "cli.check.stdin_alone": ("`-` (standard input) is checked on its own: give no other PATH with it",
                              "`-`(标准输入)只能单独检查:不要再给出其他 PATH"),
    "cli.check.stdin_filename_without_dash": ("--stdin-filename names the text read from `-`: give `-` as the PATH",
                                              "--stdin-filename 指的是从 `-` 读入的文本:请把 `-` 作为 PATH"),
    "cli.check.format_for_pol": ("--format {format} is for .pol files: example files report as `tspol test` does",
                                 "--format {format} 只用于 .pol 文件:示例文件按 `tspol test` 的方式报告"),
    "cli.check.stdin_as_pack": ("<stdin> was checked as a pack of its own; to check it as a file of a pack, "
                                "give --stdin-filename FILE",
                                "<stdin> 被当作一个独立的政策包检查;要把它作为某个政策包中的文件检查,请给出 --stdin-filename FILE"),
    "cli.check.examples": ("{files}: example sellers; running them against {pack} as `tspol test` does",
                           "{files}:示例卖家;按 `tspol test` 的方式用 {pack} 判定"),
    "cli.check.not_pol": ("{path} is not a .pol file: `tspol check` reads .pol files, or folders of them",
                          "{path} 不是 .pol 文件:`tspol check` 读取 .pol 文件或存放它们的文件夹"),
    "cli.check.not_pol_examples": ("{path} is not a .pol file: `tspol check` reads .pol files, or folders of them; "
                                   "example sellers go in PACK/examples/*.jsonl",
                                   "{path} 不是 .pol 文件:`tspol check` 读取 .pol 文件或存放它们的文件夹;"
                                   "示例卖家放在 PACK/examples/*.jsonl 中"),
    "cli.check.stdin_filename_not_pol": ("--stdin-filename names a .pol file; got {got}",
                                         "--stdin-filename 应是一个 .pol 文件名;实际是 {got}"),
    "cli.check.stdin_filename_no_folder": ("--stdin-filename {path}: there is no folder {folder}",
                                           "--stdin-filename {path}:文件夹 {folder} 不存在"),
})

# ---- syntax (tspol.dsl.syntax_errors, tspol.dsl.parser)
_section({
    "syntax.more.one": ("{count:,} more syntax error from here to the end of the file, not shown",
                        "从这里到文件末尾还有 {count:,} 个语法错误,未列出"),
    "syntax.more": ("{count:,} more syntax errors from here to the end of the file, not shown",
                    "从这里到文件末尾还有 {count:,} 个语法错误,未列出"),
    "syntax.more.help": ("fix the errors above, then check again", "先改正上面的错误,再重新检查"),
    "syntax.unmatched": ("this `}}` closes no block", "这个 `}}` 没有可以闭合的块"),
    "syntax.unmatched.help": ("remove it, or add the `{{` it was meant to close", "删除它,或补上它要闭合的 `{{`"),
    "syntax.unmatched.many": ("these {count:,} `}}` close no block", "这 {count:,} 个 `}}` 没有可以闭合的块"),
    "syntax.unmatched.many.help": ("remove them, or add the `{{` they were meant to close",
                                   "删除它们,或补上它们要闭合的 `{{`"),
    "syntax.unclosed.many": ("these {count:,} blocks are never closed: no `{{` here has a matching `}}`",
                             "这 {count:,} 个块都没有闭合:这里的 `{{` 都没有对应的 `}}`"),
    "syntax.unclosed.many.help": ("add a `}}` where each block ends, or remove the `{{` that are not needed",
                                  "在每个块结束的地方补上 `}}`,或删除多余的 `{{`"),
    "syntax.unclosed": ("this block is never closed: `{opening}` has no matching `}}`",
                        "这个块没有闭合:`{opening}` 没有对应的 `}}`"),
    "syntax.unclosed.help": ("add `}}` where the block ends", "在块结束的地方补上 `}}`"),
    "syntax.too_large": ("`{number}` is too large: it has {digits:,} digits before the decimal point, and a number "
                         "in a policy is below 10^18 (1,000,000,000,000,000,000)",
                         "`{number}` 太大了:小数点前有 {digits:,} 位,而政策中的数字必须小于 10^18"
                         "(1,000,000,000,000,000,000)"),
    "syntax.too_large.help": ("no value tspol reads is that large; check the number",
                              "tspol 读取的任何值都不会这么大;请检查这个数字"),
    "syntax.too_many_places": ("`{number}` has {places:,} decimal places, and a number in a policy has at most {most}",
                               "`{number}` 有 {places:,} 位小数,而政策中的数字最多 {most} 位小数"),
    "syntax.too_many_places.help": ("round it: no comparison needs more places", "请四舍五入:任何比较都用不到更多位小数"),
    "syntax.control": ("this text holds {kind}, {code}, which a text may not hold", "这段文本含有{kind} {code},文本中不能出现这样的字符"),
    "syntax.char.surrogate": ("an unpaired surrogate", "不成对的代理项"),
    "syntax.char.line_separator": ("a line separator", "行分隔符"),
    "syntax.char.paragraph_separator": ("a paragraph separator", "段落分隔符"),
    "syntax.char.control": ("a control character", "控制字符"),
    "syntax.control.cr.help": ("write it as `\\r`", "写作 `\\r`"),
    "syntax.control.help": ("remove it; inside quotes, write \\n for a new line and \\t for a tab",
                            "删除它;在引号内,换行写作 \\n,制表符写作 \\t"),
    "syntax.escape": ("`{escape}` is not an escape sequence tspol knows", "`{escape}` 不是 tspol 认识的转义序列"),
    "syntax.escape.help": ('inside quotes, write \\" for a quote, \\\\ for a backslash, \\n for a new line and \\t '
                           'for a tab', '在引号内,引号写作 \\",反斜杠写作 \\\\,换行写作 \\n,制表符写作 \\t'),
    "syntax.terminal.NAME": ("a name", "名称"),
    "syntax.terminal.STRING": ('a quoted text such as "..."', '带引号的文本(如 "...")'),
    "syntax.terminal.NUMBER": ("a number", "数字"),
    "syntax.terminal.PERCENT": ("a percentage such as 4%", "百分比(如 4%)"),
    "syntax.terminal.DURATION": ("a duration such as 7d, 24h or 30min", "时长(如 7d、24h 或 30min)"),
    "syntax.terminal.MONEY": ("an amount such as 100 USD", "金额(如 100 USD)"),
    "syntax.terminal.DATE": ("a date such as 2024-07-15", "日期(如 2024-07-15)"),
    "syntax.terminal.COMPARATOR": ("a comparison (<, <=, >, >=, ==)", "比较符号(<、<=、>、>=、==)"),
    "syntax.terminal.$END": ("the end of the file", "文件结尾"),
    "syntax.a_declaration": ("a declaration (`rule`, `metric`, `input`, `region`, ...)",
                             "声明(`rule`、`metric`、`input`、`region` 等)"),
    "syntax.something_else": ("something else", "别的内容"),
    "syntax.a_quoted_text": ("a quoted text", "带引号的文本"),
    "syntax.file_ends": ("the file ends in the middle of a declaration", "文件在一个声明的中间就结束了"),
    "syntax.expected_only": ("{expected}", "此处应为 {expected}"),
    "syntax.expected": ("expected {expected}, but found {found}", "此处应为 {expected},实际为 {found}"),
    "syntax.line_ends_early": ("this line ends too early: after `{last}`, expected {expected}",
                               "这一行结束得太早了:`{last}` 之后应为 {expected}"),
    "syntax.text_not_closed": ("this text is not closed: a quoted text must end on the same line",
                               "这段文本没有闭合:带引号的文本必须在同一行内结束"),
    "syntax.text_not_closed.help": ('add the closing `"`', '补上结尾的 `"`'),
    "syntax.unexpected_character": ("unexpected character `{char}`", "这里不能出现字符 `{char}`"),
    "syntax.unexpected_character.help": ("remove it; `#` starts a comment, and texts go inside double quotes",
                                         "删除它;注释以 `#` 开头,文本写在双引号内"),
    "syntax.write": ("write `{code}`", "写作 `{code}`"),
    "syntax.write_as": ("write it as `{code}`", "写作 `{code}`"),
    "syntax.char.not_equal": ("`!=` is not a comparison tspol has; write one row for each side",
                              "tspol 没有 `!=` 这种比较;请为两侧各写一行"),
    "syntax.char.ampersand": ("conditions combine with the word `and`", "条件之间用单词 `and` 连接"),
    "syntax.char.bar": ("conditions combine with the word `or`", "条件之间用单词 `or` 连接"),
    "syntax.char.single_quote": ('texts go inside double quotes: "..."', '文本写在双引号内:"..."'),
    "syntax.char.semicolon": ("a statement ends at the end of its line; remove the `{char}`",
                              "语句在行尾结束;请删除 `{char}`"),
    "syntax.char.percent": ("write a percentage without a space, such as `4%`", "百分比中间不加空格,例如 `4%`"),
    "syntax.char.minus": ("numbers cannot be negative, and dates are written 2024-07-15",
                          "数字不能为负,日期写作 2024-07-15"),
    "syntax.char.comma": ("write the comma as `,`", "逗号写作半角的 `,`"),
    "syntax.char.colon": ("write the colon as `:`", "冒号写作半角的 `:`"),
    "syntax.char.percent_sign": ("write the percent sign as `%`", "百分号写作半角的 `%`"),
    "syntax.char.ideographic_space": ("a full-width space: write an ordinary space", "这是全角空格:请改用普通空格"),
    "syntax.char.parenthesis": ("write the parenthesis as `{char}`", "括号写作半角的 `{char}`"),
    "syntax.char.curly_quote": ('texts go inside straight double quotes: "..."', '文本写在半角的直双引号内:"..."'),
    "syntax.unknown_keyword": ("unknown keyword `{word}`", "未知的关键字 `{word}`"),
    "syntax.else.help": ("the row that catches every other seller is written `otherwise ACTIONS`, such as "
                         "`otherwise points 1`", "兜底其余所有卖家的行写作 `otherwise 动作`,例如 `otherwise points 1`"),
    "syntax.runs_into": ("`{keyword}` runs into the next word: `{word}`", "`{keyword}` 和后面的词连在一起了:`{word}`"),
    "syntax.runs_into.help": ("put a space after `{keyword}`: `{keyword} {rest}`", "在 `{keyword}` 后加一个空格:`{keyword} {rest}`"),
    "syntax.otherwise_then": ("an `otherwise` row has no `then`", "`otherwise` 行不写 `then`"),
    "syntax.otherwise_then.help": ("write the actions right after `otherwise`, such as `otherwise points 1`",
                                   "把动作直接写在 `otherwise` 后面,例如 `otherwise points 1`"),
    "syntax.trailing_comma": ("a row ends with a comma", "这一行以逗号结尾"),
    "syntax.trailing_comma.help": ("remove the `,` after the last action of the row", "删除这一行最后一个动作后面的 `,`"),
    "syntax.unknown_action": ("unknown action `{word}`", "未知的动作 `{word}`"),
    # the labelled examples' help (syntax_errors.SYNTAX_EXAMPLES)
    "syntax.example.then": ("a row needs `then` between its conditions and its actions", "行的条件和动作之间要有 `then`"),
    "syntax.example.commas": ("separate the actions of a row with commas: `then points 6, limit 7d at 10% avg4w`",
                              "一行中的多个动作用逗号分隔:`then points 6, limit 7d at 10% avg4w`"),
    "syntax.example.comparison_sides": ("a comparison needs a value on each side, such as `LDR >= 4%`",
                                        "比较的两边都要有值,例如 `LDR >= 4%`"),
    "syntax.example.comparator": ("compare with `==`, `<`, `<=`, `>` or `>=`", "比较符号用 `==`、`<`、`<=`、`>` 或 `>=`"),
    "syntax.example.action_after_then": ("a row needs at least one action after `then`: points, warning, limit or a "
                                         "measure", "`then` 之后至少要有一个动作:points、warning、limit 或一项处罚措施"),
    "syntax.example.condition": ("a condition compares a metric or input with a value, such as `LDR >= 4%`",
                                 "条件是把指标或输入项与一个值比较,例如 `LDR >= 4%`"),
    "syntax.example.when": ("each row of a table starts with `when`: `when LDR >= 4% then warning`",
                            "表的每一行都以 `when` 开头:`when LDR >= 4% then warning`"),
    "syntax.example.otherwise_last": ("`otherwise` is the last row of its table, and a table has one",
                                      "`otherwise` 是表的最后一行,且一个表只有一个"),
    "syntax.example.otherwise_plain": ("an `otherwise` row has no condition and no `then`: `otherwise points 1`",
                                       "`otherwise` 行没有条件,也不写 `then`:`otherwise points 1`"),
    "syntax.example.limit": ("a limit reads `limit 7d at 10% avg4w`: days, `at`, a percentage and a basis",
                             "限单写作 `limit 7d at 10% avg4w`:天数、`at`、百分比和限单基数"),
    "syntax.example.duration": ("write a duration without a space, with its unit: `7d`, `24h` or `30min`",
                                "时长中间不加空格,并带上单位:`7d`、`24h` 或 `30min`"),
    "syntax.example.rows_in_table": ("rows belong inside a `table {{ ... }}` block", "行要写在 `table {{ ... }}` 块里"),
    "syntax.example.rule_regions": ("a rule names its regions: `rule late_dispatch in US, SEA {{ ... }}`",
                                    "规则要写明适用的地区:`rule late_dispatch in US, SEA {{ ... }}`"),
    "syntax.example.input_type": ("an input declares its type: `input late_orders: count`",
                                  "输入项要声明类型:`input late_orders: count`"),
    "syntax.example.metric": ("a metric is an input or a ratio of two inputs: `metric LDR = late_orders / orders_7d`",
                              "指标是一个输入项,或两个输入项之比:`metric LDR = late_orders / orders_7d`"),
    "syntax.example.basis": ("a basis names the input it is taken from: `basis avg4w = avg_daily_orders_4w "
                             "{{ round down }}`", "限单基数要写明取自哪个输入项:`basis avg4w = avg_daily_orders_4w "
                             "{{ round down }}`"),
    "syntax.example.reason": ("a reason names its category: `reason late_dispatch_rate in fulfilment {{ ... }}`",
                              "违规原因要写明所属类别:`reason late_dispatch_rate in fulfilment {{ ... }}`"),
    "syntax.example.text": ('a text names its language, then the text in quotes: `name en "Late dispatch rate"`',
                            '文本先写语言,再写带引号的文本:`name zh "延迟履约率"`'),
    "syntax.example.version": ('the version is a quoted text: `version "2025-11-11"`',
                               '版本是带引号的文本:`version "2025-11-11"`'),
    "syntax.example.effective": ("the effective date is written YYYY-MM-DD, such as `effective 2024-07-15`",
                                 "生效日期写作 YYYY-MM-DD,例如 `effective 2024-07-15`"),
    "syntax.example.threshold": ("a threshold lists its measures in a block: `threshold 12 {{ no_campaigns for 7d }}`",
                                 "阈值的处罚措施写在块中:`threshold 12 {{ no_campaigns for 7d }}`"),
    "syntax.example.threshold_measure": ("a threshold measure lasts `for` a duration, `permanently`, "
                                         "`until METRIC is within standard` or `while at this level`: "
                                         "`no_campaigns for 7d`",
                                         "阈值下的处罚措施持续 `for` 一段时长、`permanently`、"
                                         "`until METRIC is within standard` 或 `while at this level`:"
                                         "`no_campaigns for 7d`"),
})

# ---- the system's words (os_reason, utf8_reason): its English, and Chinese for the common ones
_section({
    "os.EACCES": ("{reason}", "没有访问权限({reason})"),
    "os.EPERM": ("{reason}", "操作不被允许({reason})"),
    "os.ENOENT": ("{reason}", "文件或文件夹不存在({reason})"),
    "os.EISDIR": ("{reason}", "这是一个文件夹({reason})"),
    "os.ENOTDIR": ("{reason}", "路径中有一部分不是文件夹({reason})"),
    "os.ELOOP": ("{reason}", "符号链接的层级太多({reason})"),
    "os.ENAMETOOLONG": ("{reason}", "文件名太长({reason})"),
    "os.ENOSPC": ("{reason}", "磁盘空间不足({reason})"),
    "os.EROFS": ("{reason}", "文件系统是只读的({reason})"),
    "os.EIO": ("{reason}", "读写出错({reason})"),
    "os.other": ("{reason}", "系统错误({reason})"),
    "utf8.invalid_start_byte": ("invalid start byte", "不是 UTF-8 字符的首字节"),
    "utf8.invalid_continuation_byte": ("invalid continuation byte", "UTF-8 字符的后续字节无效"),
    "utf8.unexpected_end_of_data": ("unexpected end of data", "UTF-8 字符在结尾处不完整"),
    "utf8.other": ("{reason}", "不是有效的 UTF-8({reason})"),
    "json.reason.expecting_value": ("Expecting value", "缺少值"),
    "json.reason.comma": ("Expecting ',' delimiter", "缺少分隔符 `,`"),
    "json.reason.colon": ("Expecting ':' delimiter", "缺少分隔符 `:`"),
    "json.reason.property_name": (
        "Expecting property name enclosed in double quotes", "缺少用双引号括起的键名"),
    "json.reason.extra_data": ("Extra data", "有多余的内容"),
    "json.reason.unterminated_string": ("Unterminated string starting at", "有未结束的字符串"),
    "json.reason.control_character": ("Invalid control character at", "有无效的控制字符"),
    "json.reason.escape": ("Invalid \\escape", "有无效的转义"),
    "json.reason.u_escape": ("Invalid \\uXXXX escape", "有无效的 \\uXXXX 转义"),
    "json.reason.object_comma": ("Illegal trailing comma before end of object",
                                                                "对象末尾有多余的逗号"),
    "json.reason.array_comma": ("Illegal trailing comma before end of array",
                                                               "列表末尾有多余的逗号"),
    "json.reason.other": ("{reason}", "JSON 有误({reason})"),
})

# ---- lines of JSON (tspol.runtime.jsonnum)
_section({
    "json.utf8": ("byte {byte} at column {column} ({reason})", "第 {column} 列的字节 {byte}({reason})"),
    "json.utf8.at_line": ("byte {byte} at line {line}, column {column} ({reason})",
                          "第 {line} 行第 {column} 列的字节 {byte}({reason})"),
    "json.line_too_long": ("line too long: {size:,} bytes, more than the limit of {limit} for one line",
                           "这一行太长:{size:,} 字节,超过了每行 {limit} 的上限"),
    "json.line_without_end": ("line too long: no end of line in its first {size}, far more than the limit of {limit} "
                              "for one line; the rest of the input is not read (is this JSON Lines?)",
                              "这一行太长:前 {size} 中都没有换行,远远超过每行 {limit} 的上限;"
                              "其余输入不再读取(这是 JSON Lines 吗?)"),
    "json.size": ("{size} {unit} ({bytes:,} bytes)", "{size} {unit}({bytes:,} 字节)"),
    "json.bytes": ("{bytes:,} bytes", "{bytes:,} 字节"),
    "json.malformed": ("malformed JSON: {problem}", "JSON 格式错误:{problem}"),
    "json.too_deep": ("malformed JSON: objects or lists nested too deeply", "JSON 格式错误:对象或列表嵌套太深"),
    "json.given_twice": ("`{key}` is given twice in one object", "`{key}` 在同一个对象中出现了两次"),
    "json.at_end": ("{problem} at the end of the line (column {column})", "行尾(第 {column} 列){problem}"),
    "json.at_column": ("{problem} at column {column}", "第 {column} 列{problem}"),
    "json.unexpected_character": ("unexpected {char} at column {column}: {kind}",
                                  "第 {column} 列出现了意外的 {char}:{kind}"),
    "json.whitespace": ("JSON whitespace is only space, tab, CR and LF", "JSON 的空白只能是空格、制表符、CR 和 LF"),
    "json.invisible": ("an invisible character", "这是不可见字符"),
    "json.surrogate": ("{escape} is half of a UTF-16 surrogate pair, without its other half: not a character (JSON "
                       "text must be Unicode)", "{escape} 是 UTF-16 代理对的一半,缺少另一半:它不是字符"
                       "(JSON 文本必须是 Unicode)"),
})

# ---- the files of a pack (tspol.dsl.sources, tspol.workspace)
_section({
    "sources.no_such_path": ("there is no file or folder {path}", "文件或文件夹 {path} 不存在"),
    "sources.no_pol_files": ("no .pol files in {path}", "{path} 中没有 .pol 文件"),
    "sources.pack.help": ("a pack is a .pol file or a folder of them", "政策包是一个 .pol 文件,或存放 .pol 文件的文件夹"),
    "sources.broken_link": ("it is a link to {target}, which does not exist", "它是指向 {target} 的链接,而目标不存在"),
    "sources.cannot_read_file": ("cannot read this file: {reason}", "无法读取这个文件:{reason}"),
    "sources.cannot_read_folder": ("cannot read this folder: {reason}", "无法读取这个文件夹:{reason}"),
    "sources.unlistable_folder": ("it is a folder that cannot be listed, so the .pol files in it are unknown",
                                  "这是一个无法列出内容的文件夹,不知道里面有哪些 .pol 文件"),
    "sources.a_folder": ("it is a folder, not a file", "这是文件夹,不是文件"),
    "sources.not_regular": ("it is not a regular file (a FIFO, a socket or a device)",
                            "这不是普通文件(而是 FIFO、套接字或设备)"),
    "sources.utf16": ("this file is UTF-16 text (it starts with a UTF-16 byte-order mark), not UTF-8",
                      "这个文件是 UTF-16 文本(以 UTF-16 字节顺序标记开头),不是 UTF-8"),
    "sources.save_utf8": ("save the file as UTF-8", "请把文件另存为 UTF-8"),
    "sources.not_utf8": ("this file is not UTF-8 text: byte {byte} ({reason})", "这个文件不是 UTF-8 文本:字节 {byte}({reason})"),
    "sources.needs_sqlglot": ("`--target {dialect}` needs sqlglot: pip install 'tspol[{dialect}]' ({module} is missing)",
                              "`--target {dialect}` 需要 sqlglot:pip install 'tspol[{dialect}]'(缺少 {module})"),
    "sql.case_only": ("the columns `{other}` and `{name}` differ only in case, which SQL does not tell apart: give the "
                      "query other column names (`columns=`)",
                      "列 `{other}` 和 `{name}` 只有大小写不同,SQL 分辨不出:请给查询换用其他列名(`columns=`)"),
    "sql.case_only_levels": ("the level sets `{other}` and `{name}` differ only in case, which the `levels` struct of SQL "
                             "does not tell apart: give one of them another name in the pack",
                             "等级集合 `{other}` 和 `{name}` 只有大小写不同,SQL 的 `levels` 结构分辨不出:请在政策包中给其中一个换个名字"),
    "sql.bound_digits": ("the bound {bound} has too many digits for exact SQL", "边界 {bound} 的位数太多,无法用 SQL 精确判定"),
    "sql.decimal_in_sum": ("a decimal input in a sum of several: beyond exact SQL",
                           "多个输入项之和中含有小数输入项:超出 SQL 精确判定的范围"),
    "sql.too_many_inputs": ("{count} inputs behind one quantity: too many for its reasons in SQL",
                            "一个量背后有 {count} 个输入项:太多了,SQL 无法给出它的原因"),
    "sql.percent_digits": ("the percentage {percent}% has too many digits for exact SQL",
                           "百分比 {percent}% 的位数太多,无法用 SQL 精确判定"),
})

# ---- the SQL backend: arithmetic on metrics (issue 11)
_section({
    "sql.arith_decimal": ("`{metric}` is a {operation} of {kind} inputs: SQL decides sums, max and min of counts "
                          "and of rates `A / B` only",
                          "`{metric}` 是{kind}输入项的 {operation}:SQL 只能判定计数和比率 `A / B` 的求和、max 与 min"),
    "sql.arith_digits": ("the weights and bound of `{metric}` have too many digits for exact SQL (each below 10^15)",
                         "`{metric}` 的权重和边界位数太多,无法用 SQL 精确判定(每个须小于 10^15)"),
})

# ---- the analysis of tier tables (tspol.compiler.analysis)
_section({
    "analysis.points.one": ("{points} point", "{points} 个违规分"),
    "analysis.points": ("{points} points", "{points} 个违规分"),
    "analysis.penalty": ("{parts}", "{parts}"),
    "analysis.where": ("`{rule}` in {regions}", "规则 `{rule}`({regions})"),
    "analysis.undecided": ("the tables of {where} could not be analysed: the solver gave no answer in its time "
                           "({reason}); overlaps, dead rows and gaps are not checked here",
                           "{where}的表未能分析完:求解器在限定时间内没有给出答案({reason});这里不检查重叠、"
                           "永不生效的行和空档"),
    "analysis.undecided.help": ("split the rule's tables, or simplify their conditions", "拆分这条规则的表,或简化其中的条件"),
    "analysis.overlap": ("rows {first} ({first_where}) and {second} ({second_where}) of this exclusive table of {where} "
                         "can both fire where {area}; for example the seller {seller}",
                         "{where}的这个互斥表中,第 {first} 行({first_where})和第 {second} 行({second_where})"
                         "在 {area} 时会同时生效;例如卖家 {seller}"),
    "analysis.overlap.note": ("row {row} also fires there", "第 {row} 行在这里也生效"),
    "analysis.overlap.help": ("make the rows' ranges meet without overlapping (a lower bound `<=` where the row before "
                              "ends with `<`), mark the table `first` if the first should win, or `all` if both should "
                              "fire",
                              "让各行的范围首尾相接而不重叠(前一行以 `<` 结束处,下一行以 `<=` 作下界);"
                              "若应以排在前面的行为准,把表标为 `first`;若两行都应生效,标为 `all`"),
    "analysis.shadowed.one": ("this row of {where} can never fire: wherever it matches, row {rows} before it fires "
                              "instead", "{where}的这一行永远不会生效:凡是它匹配的地方,前面的{rows}都会先生效"),
    "analysis.shadowed": ("this row of {where} can never fire: wherever it matches, rows {rows} before it fire instead",
                          "{where}的这一行永远不会生效:凡是它匹配的地方,前面的{rows}都会先生效"),
    "analysis.row_at": ("{row} ({where})", "第 {row} 行({where})"),
    "analysis.shadowed.note": ("row {row} wins here", "这里由第 {row} 行生效"),
    "analysis.shadowed.help": ("remove the row, or narrow the rows before it", "删除这一行,或缩小它前面各行的范围"),
    "analysis.no_seller": ("this row of {where} can never fire: no seller meets its condition",
                           "{where}的这一行永远不会生效:没有卖家满足它的条件"),
    "analysis.no_seller.help": ("a rate of counts is 0 exactly when its count is 0, and a part is never more than its "
                                "whole; check the bounds",
                                "计数之比为 0,当且仅当分子的计数为 0;部分也永远不会超过总量;请检查边界"),
    "analysis.otherwise_shadowed.one": ("this `otherwise` row of {where} can never fire: wherever `{metric}` has a "
                                        "value, row {rows} before it matches",
                                        "{where} 的这个 `otherwise` 行永远不会生效:只要 `{metric}` 有值,"
                                        "前面的{rows}就会匹配"),
    "analysis.otherwise_shadowed": ("this `otherwise` row of {where} can never fire: wherever `{metric}` has a value, "
                                    "rows {rows} before it match",
                                    "{where} 的这个 `otherwise` 行永远不会生效:只要 `{metric}` 有值,"
                                    "前面的{rows}就会匹配"),
    "analysis.otherwise_no_value": ("this `otherwise` row of {where} can never fire: no seller has a value of "
                                    "`{metric}`", "{where}的这个 `otherwise` 行永远不会生效:没有卖家的 `{metric}` 有值"),
    "analysis.otherwise_shadowed.note": ("row {row} matches here", "这里第 {row} 行匹配"),
    "analysis.otherwise_shadowed.help": ("remove the `otherwise` row, or narrow the rows before it",
                                         "删除这个 `otherwise` 行,或缩小它前面各行的范围"),
    "analysis.hole": ("no row of this table of {where} covers {area}, between rows that do; for example the seller "
                      "{seller} gets nothing from this table",
                      "{where}的这个表中没有哪一行覆盖 {area},而它两侧都有行覆盖;例如卖家 {seller} "
                      "在这个表中什么也得不到"),
    "analysis.hole.note": ("row {row} is beside it", "第 {row} 行在它旁边"),
    "analysis.hole.help": ("make the neighbouring rows meet (a row ending `< X` and the next starting `X <=`), or "
                           "cover the gap with a row",
                           "让相邻的行首尾相接(一行以 `< X` 结束,下一行以 `X <=` 开始),或加一行覆盖这个空档"),
    "analysis.inside_standard": ("this row of {where} fires for sellers who meet the standard {metric} {standard}, "
                                 "where {area}; for example the seller {seller}",
                                 "{where}的这一行对达到标准 {metric} {standard} 的卖家也会生效,即 {area} 时;"
                                 "例如卖家 {seller}"),
    "analysis.inside_standard.help": ("points and limits are for sellers outside the standard: check which way the "
                                      "row's comparisons point, and that it has both its bounds",
                                      "违规分和限单只针对未达标的卖家:请检查这一行中比较的方向,以及上下界是否都写了"),
    "analysis.monotonicity.higher": ("`{name}` is marked `higher is worse`, but in {where} this row gives less "
                                     "({less}) for a higher `{name}` than row {row} ({row_where}) gives just below it "
                                     "({more}): the seller {worse} gets less than the seller {better}",
                                     "`{name}` 标为 `higher is worse`,但在{where}中,`{name}` 更高时这一行的处罚"
                                     "({less})反而比紧挨在它下方的第 {row} 行({row_where})的处罚({more})更轻:"
                                     "卖家 {worse} 受到的处罚比卖家 {better} 更轻"),
    "analysis.monotonicity.lower": ("`{name}` is marked `lower is worse`, but in {where} this row gives less ({less}) "
                                    "for a lower `{name}` than row {row} ({row_where}) gives just above it ({more}): "
                                    "the seller {worse} gets less than the seller {better}",
                                    "`{name}` 标为 `lower is worse`,但在{where}中,`{name}` 更低时这一行的处罚"
                                    "({less})反而比紧挨在它上方的第 {row} 行({row_where})的处罚({more})更轻:"
                                    "卖家 {worse} 受到的处罚比卖家 {better} 更轻"),
    "analysis.monotonicity.note": ("row {row} gives more", "第 {row} 行的处罚更重"),
    "analysis.monotonicity.higher.help": ("a higher `{name}` should never lower the points or soften the limit; check "
                                          "the actions of this row",
                                          "`{name}` 更高时,违规分不应减少,限单也不应放宽;请检查这一行的动作"),
    "analysis.monotonicity.lower.help": ("a lower `{name}` should never lower the points or soften the limit; check "
                                         "the actions of this row",
                                         "`{name}` 更低时,违规分不应减少,限单也不应放宽;请检查这一行的动作"),
    "analysis.not_evaluated": ("{name} is not evaluated", "{name} 未评估"),
    "analysis.not_given": ("{name} is not given", "未提供 {name}"),
    "analysis.evaluated": ("{name} is evaluated", "{name} 有值"),
    "analysis.given": ("{name} is given", "提供了 {name}"),
    "analysis.area": ("{parts}", "{parts}"),
    "analysis.any_seller": ("any seller", "任何卖家"),
})

# ---- the language server (tspol.lsp)
_section({
    "lsp.rename.no_name": ("there is no name here to rename", "这里没有可以重命名的名称"),
    "lsp.rename.undeclared": ("`{name}` is declared nowhere in this pack, so there is nothing to rename",
                              "`{name}` 在这个政策包中没有声明,无从重命名"),
    "lsp.rename.syntax": ("the pack has a syntax error at {place}: a use of `{name}` in a statement in error would not "
                          "be renamed", "政策包在 {place} 有语法错误:出错语句中的 `{name}` 不会被重命名"),
    "lsp.rename.syntax.help": ("fix the syntax errors first", "请先改正语法错误"),
    "lsp.rename.not_a_name": ("`{name}` is not a name", "`{name}` 不是合法的名称"),
    "lsp.rename.not_a_name.help": ("a name is letters, digits and `_`, and does not start with a digit",
                                   "名称由字母、数字和 `_` 组成,且不以数字开头"),
    "lsp.rename.keyword": ("`{name}` is a keyword of the language, not a name", "`{name}` 是语言的关键字,不能用作名称"),
    "lsp.rename.keyword.help": ("choose another name", "请换一个名称"),
    "lsp.rename.quantity": ("an input, a metric, a basis or a param", "输入项、指标、限单基数或参数"),
    "lsp.rename.a.policy": ("a policy", "政策"),
    "lsp.rename.a.region": ("a region", "地区"),
    "lsp.rename.a.measure": ("a measure", "处罚措施"),
    "lsp.rename.a.category": ("a category", "类别"),
    "lsp.rename.a.rule": ("a rule", "规则"),
    "lsp.rename.a.hold": ("a hold", "扣留余额场景"),
    "lsp.rename.a.reason": ("a reason", "违规原因"),
    "lsp.rename.taken": ("`{name}` is already the name of {what}", "`{name}` 已经是某个{what}的名称"),
    "lsp.rename.declared_here": ("declared here", "声明在这里"),
    "lsp.rename.taken.help": ("choose a name that no declaration of its kind has", "请选一个同类声明都没有用过的名称"),
    "lsp.internal": ("internal error while checking {pack}: {error}; this is a bug in tspol",
                     "检查 {pack} 时发生内部错误:{error};这是 tspol 的缺陷"),
})

# ---- what the language server shows over a name or a row, and beside a completion (tspol.lsp.hover,
# tspol.lsp.completion): Markdown, the names in backquotes
_section({
    "hover.undeclared": ("`{name}` is declared nowhere in this pack", "`{name}` 在这个政策包中没有声明"),
    "hover.declared_at": ("Declared at {places}.", "声明于 {places}。"),
    "hover.used_in": ("Used in:", "用于:"),
    "hover.unused": ("Not used in this pack.", "本政策包中未使用。"),
    "hover.more": ("and {count:,} more", "另有 {count:,} 处"),
    "hover.row_unchecked": ("This row is not checked: it, or the pack, has an error that tspol check reports.",
                            "此行未经检查:它或整个政策包有 tspol check 报告的错误。"),
    "hover.kind.count": ("a count", "计数"),
    "hover.kind.number": ("a number", "数值"),
    "hover.kind.rate": ("a rate", "比率"),
    "hover.kind.duration": ("a duration", "时长"),
    "hover.kind.money": ("an amount of money", "金额"),
    "hover.unit": ("{kind} in {unit}", "{kind}(单位 {unit})"),
    "hover.part_of": ("part of `{whole}`", "是 `{whole}` 的一部分"),
    "hover.window": ("the first of its cases that holds chooses {metrics}", "由第一个成立的情形选择 {metrics}"),
    "hover.worse.higher": ("higher is worse", "越高越差"),
    "hover.worse.lower": ("lower is worse", "越低越差"),
    "hover.basis": ("order volume limits are percentages of `{source}`", "限单上限按 `{source}` 的百分比计"),
    "hover.rounded.down": ("a cap is rounded down", "上限向下取整"),
    "hover.rounded.up": ("a cap is rounded up", "上限向上取整"),
    "hover.on": ("on `{metric}`", "基于 `{metric}`"),
    "hover.reason": ("reason `{reason}`", "违规原因 `{reason}`"),
    "hover.tables": ("{tables} of {rows}", "{tables},共 {rows}"),
    "hover.table.one": ("1 table", "1 张表"),
    "hover.table.many": ("{count:,} tables", "{count:,} 张表"),
    "hover.row.one": ("1 row", "1 行"),
    "hover.row.many": ("{count:,} rows", "{count:,} 行"),
    "hover.may": ("may {measures}", "平台可追加 {measures}"),
    "hover.open_ended": ("from threshold {points} {lasts}", "自节点处罚阈值 {points} 起,{lasts}"),
    "hover.category": ("in category `{category}`", "属于类别 `{category}`"),
    "hover.points.discretionary": ("points at the platform’s discretion", "违规分由平台酌情决定"),
    "hover.points.rule": ("points by rule", "违规分按规则"),
    "hover.points.stated": ("points {points}", "违规分 {points}"),  # issue 11, points from the catalogue
    "hover.version": ("version {version}", "版本 {version}"),
    "hover.effective": ("effective {date}", "生效日期 {date}"),
    "hover.standard": ("standard: `{condition}`", "标准:`{condition}`"),
    "hover.only_if": ("only if: `{condition}`", "仅当:`{condition}`"),
    "completion.basis": ("basis: a percentage of {source}", "basis:按 {source} 的百分比计"),
    "completion.discretionary": ("points at the platform's discretion", "违规分由平台酌情决定"),
})

# ---- a seller's metrics (tspol.compiler.portable, every compiled module, the SQL engines), read
# back from their English by tspol.runtime.wording; `value` is the value as portable._shown writes it
_section({
    "metrics.out_of_range.places": ("out of range: a value has at most {places} decimal places, got {value}",
                                    "超出范围:数值最多 {places} 位小数,实际为 {value}"),
    "metrics.out_of_range.sql_places": ("out of range: in SQL a value has at most {places} decimal places, got {value}",
                                        "超出范围:在 SQL 中数值最多 {places} 位小数,实际为 {value}"),
    "metrics.out_of_range.size": ("out of range: a value must be less than 10^{digits} in size (at most {digits} digits "
                                  "before the decimal point), got {value}",
                                  "超出范围:数值的绝对值必须小于 10^{digits}(小数点前最多 {digits} 位),实际为 {value}"),
    "metrics.expected": ("expected {expected}, got {value}", "应为{expected},实际为 {value}"),
    "metrics.expected.count": ("a count (a whole number, 0 or more)", "计数(0 或以上的整数)"),
    "metrics.expected.number": ("a number (0 or more)", "数值(0 或以上)"),
    "metrics.expected.money": ("an amount of money (a number)", "金额(一个数值)"),
    "metrics.expected.rate": ("a rate (a number from 0 to 1)", "比率(0 到 1 之间的数值)"),
    "metrics.below.count": ("a count cannot be negative, got {value}", "计数不能为负,实际为 {value}"),
    "metrics.below.number": ("this cannot be negative, got {value}", "这个值不能为负,实际为 {value}"),
    "metrics.rate_range": ("a rate is a number from 0 to 1 (0.04 is 4%), got {value}",
                           "比率是 0 到 1 之间的数值(0.04 即 4%),实际为 {value}"),
    "metrics.not_whole": ("a count is a whole number, got {value}", "计数必须是整数,实际为 {value}"),
    "metrics.key_not_string": ("input names are strings, got {key}", "输入项名称必须是字符串,实际为 {key}"),
    "metrics.unknown_input.close": ("unknown input `{key}`; did you mean `{close}`?",
                                    "未知的输入项 `{key}`;是否应为 `{close}`?"),
    "metrics.unknown_input": ("unknown input `{key}`; see the inputs the policy declares",
                              "未知的输入项 `{key}`;请查看政策声明了哪些输入项"),
    "metrics.above_total": ("{part} is {part_value} but {whole} is {whole_value}: {part} counts some of the {whole}, so "
                            "it cannot be more than {whole}",
                            "{part} 为 {part_value},但 {whole} 只有 {whole_value}:{part} 是 {whole} 的一部分,"
                            "不能比它多"),
    "metrics.not_an_object": ("expected the metrics as an object of input names and values, got {value}",
                              "指标数据应为由输入项名称和取值组成的对象,实际为 {value}"),
    "metrics.region_not_string": ("expected a region name ({known}), got {value}", "应为地区名称({known}),实际为 {value}"),
    "metrics.unknown_region": ("unknown region `{region}`; this policy has {known}",
                               "未知的地区 `{region}`;这个政策的地区有 {known}"),
    "metrics.unknown_language": ("unknown language {lang}; choose one of {known}", "未知的语言 {lang};可选:{known}"),
    "metrics.no_region": ("no region: give --region, or a `region` key on the line (this policy has {known})",
                          "没有地区:请给出 --region,或在这一行写上 `region` 键(这个政策的地区有 {known})"),
    # a value as portable._shown writes it
    "value.string": ('the string "{text}"', '字符串 "{text}"'),
    "value.list": ("a list", "列表"),
    "value.object": ("an object", "对象"),
    "value.huge_whole": ("a whole number of about {digits} digits", "约 {digits} 位的整数"),
    "value.huge_part": ("a number of about {digits} digits", "约 {digits} 位的数"),
    "value.fraction": ("the fraction {numerator} over {denominator}", "分子为 {numerator}、分母为 {denominator} 的分数"),
    "value.long_decimal": ("a number of {digits} digits", "{digits} 位的数"),
    "value.other_type": ("{value} (a {type})", "{value}(类型为 {type})"),
})

# ---- events of a points ledger (tspol.runtime.events)
_section({
    "event.date_format": ('expected a date as "YYYY-MM-DD", got {value}', '应为 "YYYY-MM-DD" 格式的日期,实际为 {value}'),
    "event.not_a_date": ("{value} is not a calendar date", "{value} 不是日历上存在的日期"),
    "event.non_empty": ("expected a non-empty string, got {value}", "应为非空的字符串,实际为 {value}"),
    "event.points": ("expected a whole number of points, 0 or more, got {value}", "应为 0 或以上的整数违规分,实际为 {value}"),
    "event.days": ("expected a whole number of days, 1 or more, got {value}", "应为 1 或以上的整数天数,实际为 {value}"),
    "event.metrics_object": ("expected an object of metrics, got {value}", "应为由指标数据组成的对象,实际为 {value}"),
    "event.outcome": ('expected "accepted" or "rejected", got {value}', '应为 "accepted" 或 "rejected",实际为 {value}'),
    "event.seller_id": ("expected a seller id: a string or a whole number, got {value}",
                        "应为卖家 ID(字符串或整数),实际为 {value}"),
    "event.note": ("expected text, got {value}", "应为文本,实际为 {value}"),
    "event.not_an_object": ("expected a JSON object, got {value}", "应为 JSON 对象,实际为 {value}"),
    "event.needs_kind": ("every event needs a `kind`: {kinds}", "每个事件都需要 `kind`:{kinds}"),
    "event.unknown_kind": ("unknown kind {value}; expected {kinds}", "未知的事件类型 {value};应为 {kinds} 之一"),
    "event.needs_date": ('every event needs a `date` ("YYYY-MM-DD")', '每个事件都需要 `date`("YYYY-MM-DD")'),
    "event.needs_key": ("{kind} event needs `{key}`", "{kind}事件需要 `{key}`"),
    "event.unknown_key": ("unknown key for {kind} event; expected {allowed}", "{kind}事件没有这个键;可以有的键:{allowed}"),
    "event.seller_id.help": ("did you mean `seller_id`, the seller whose event it is?",
                             "是否应为 `seller_id`(事件所属的卖家)?"),
    "event.not_utf8": ("this line is not UTF-8 text: {problem}", "这一行不是 UTF-8 文本:{problem}"),
    "event.seller_missing.example": ("this file holds sellers' events told apart by `seller_id` (line {line} names "
                                     "seller {seller}): every event needs its `seller_id`",
                                     "这个文件中的事件按 `seller_id` 区分卖家(第 {line} 行属于卖家 {seller}):"
                                     "每个事件都需要 `seller_id`"),
    "event.seller_missing": ("this file holds sellers' events told apart by `seller_id`: every event needs its "
                             "`seller_id`", "这个文件中的事件按 `seller_id` 区分卖家:每个事件都需要 `seller_id`"),
    "event.seller_spelling": ("seller {seller} is written {other} on line {line}: write each seller's id one way, as a "
                              "string or as a number",
                              "卖家 {seller} 在第 {line} 行写作 {other}:同一卖家的 ID 只能有一种写法,字符串或数字"),
    "event.closed_twice": ("the investigation of {name} was already closed on line {line}",
                           "{name} 的调查已在第 {line} 行结束过"),
    "event.linked_twice": ("{name} is already linked on line {line}", "{name} 已在第 {line} 行关联过"),
    "event.of_seller": (" of seller {seller}", "卖家 {seller} 的"),
    "event.id_used": ("id {id}{of_seller} is already used on line {line}", "{of_seller}ID {id} 已在第 {line} 行用过"),
    "event.not_an_id.violation": ("{name} is not the id of a violation or metrics event{of_seller}",
                                  "{name} 不是{of_seller}违规事件或指标事件的 ID"),
    "event.not_an_id.hold": ("{name} is not the id of a hold event{of_seller}", "{name} 不是{of_seller}扣留余额事件的 ID"),
    "event.wrong_target.violation": ("{name} is {target}, not a violation", "{name} 是{target},不是违规事件"),
    "event.wrong_target.hold": ("{name} is {target}, not a hold", "{name} 是{target},不是扣留余额事件"),
    "event.after": ("{name} is the {target} on line {line}, dated {target_date}, after this {kind} ({date}): expected "
                    "{a_kind} dated on or after the {target} it names",
                    "{name} 是第 {line} 行的{target},日期为 {target_date},晚于这个{kind}({date}):"
                    "{a_kind}的日期应不早于它所指的{target}"),
    "event.same_day": ("{name} is the {target} on line {line}, later on the same day ({date}): events of one day keep "
                       "the file's order, so expected the {target} on a line above this {kind}",
                       "{name} 是第 {line} 行的{target},与这个{kind}同一天({date})却写在它后面:"
                       "同一天的事件按文件中的顺序处理,所以{target}应写在这个{kind}的上方"),
    "event.a.violation": ("a violation", "违规"),
    "event.a.metrics": ("a metrics", "指标"),
    "event.a.appeal": ("an appeal", "申诉"),
    "event.a.hold": ("a hold", "扣留余额"),
    "event.a.investigation_closed": ("an investigation_closed", "调查结束"),
    "event.a.link": ("a link", "关联账号"),
    "event.kind.appeal": ("appeal", "申诉"),
    "event.kind.hold": ("hold", "扣留余额"),
    "event.kind.investigation_closed": ("investigation_closed", "调查结束"),
    "event.defined.violation": ("violation", "违规事件"),
    "event.defined.metrics": ("metrics event", "指标事件"),
    "event.defined.hold": ("hold", "扣留余额事件"),
    "event.a_defined.violation": ("a violation", "违规事件"),
    "event.a_defined.metrics": ("a metrics event", "指标事件"),
    "event.a_defined.hold": ("a hold", "扣留余额事件"),
})

# ---- a seller's points ledger (tspol.runtime.ledger)
_section({
    "ledger.unknown_region": ("unknown region `{region}`; this policy has {known}", "未知的地区 `{region}`;这个政策的地区有 {known}"),
    "ledger.unknown_region.close": ("unknown region `{region}`; this policy has {known}; did you mean `{close}`?",
                                    "未知的地区 `{region}`;这个政策的地区有 {known};是否应为 `{close}`?"),
    "ledger.region_given": ("(the region given)", "(给出的地区)"),
    "ledger.region_only": ("(the policy's only region)", "(政策唯一的地区)"),
    "ledger.region_line": ("(line {line} names {region})", "(第 {line} 行指定了 {region})"),
    "ledger.other_region": ("this ledger is for region {region} {why}, not {other}: a seller's ledger has one region",
                            "这个账本属于地区 {region}{why},不是 {other}:一个卖家的账本只有一个地区"),
    "ledger.too_late": ("{date} is too late: the periods of the policy from that day run past {last}",
                        "{date} 太晚了:从那天起算的政策期限会超过 {last}"),
    "ledger.rule_elsewhere": ("rule `{rule}` does not apply in {region} (only in {regions})",
                              "规则 `{rule}` 不适用于 {region}(只适用于 {regions})"),
    "ledger.unknown_rule": ("`{rule}` is neither a rule nor a reason of the policy", "`{rule}` 既不是政策中的规则,也不是违规原因"),
    "ledger.no_evaluator": ("a metrics event needs an evaluator of the policy", "指标事件需要政策的判定函数(evaluator)"),
    "ledger.no_region": ('no region to decide this metrics event in: give the ledger one (`region="US"`, `--region US`) '
                         'or the event a `"region"` key',
                         '没有可用来判定这个指标事件的地区:请给账本指定地区(`region="US"`、`--region US`),'
                         '或给事件加上 `"region"` 键'),
    "ledger.no_region.help": ("the regions of this policy: {regions}", "这个政策的地区:{regions}"),
    "ledger.hold_period": ("a {scenario} hold lasts {shortest} to {longest} days, not {days}",
                           "{scenario} 的扣留余额期为 {shortest} 到 {longest} 天,不能是 {days} 天"),
    "ledger.hold_after_revocation": ("{violation} was revoked by the appeal accepted on line {line}, before this hold",
                                     "{violation} 在这次扣留余额之前已因第 {line} 行的申诉成功而撤销"),
    "ledger.unknown_scenario": ("unknown hold scenario `{scenario}`; expected one of {scenarios}",
                                "未知的扣留余额场景 `{scenario}`;应为 {scenarios} 之一"),
    "ledger.scenario_for": ("a {scenario} hold is for {reasons}, not {held}",
                            "扣留余额场景 {scenario} 适用于 {reasons},不适用于 {held}"),
    "ledger.no_scenario": ("no hold scenario of the policy covers {held}", "政策中没有哪个扣留余额场景适用于 {held}"),
    "ledger.no_scenario.help": ("hold scenarios: {scenarios}", "扣留余额场景:{scenarios}"),
    "ledger.scenario_reasons": ("{scenario} for {reasons}", "{scenario} 适用于 {reasons}"),
    "ledger.several_scenarios": ("several hold scenarios cover this violation: {scenarios}",
                                 "有多个扣留余额场景适用于这次违规:{scenarios}"),
    "ledger.several_scenarios.help": ("name one with `scenario`", "用 `scenario` 指定其中一个"),
    "ledger.no_date": ("there are no events: name the day of the state", "没有任何事件:请指定要查看哪一天的状态"),
    "ledger.no_ledger": ("the policy has no `ledger {{ ... }}` block", "政策中没有 `ledger {{ ... }}` 块"),
    "ledger.no_ledger.help": ("declare point expiry and thresholds in a `ledger` block",
                              "在 `ledger` 块中声明违规分的有效期和节点处罚阈值"),
    "ledger.scored_nothing": ("a metrics event that scored nothing", "一个没有记分的指标事件"),
    "ledger.held_reasons": ("{id} ({rules}, reason {reasons})", "{id}({rules},违规原因 {reasons})"),
    "ledger.held": ("{id} ({rules})", "{id}({rules})"),
    # issue 11, points from the catalogue
    "ledger.points_outside": ("{points} for reason `{reason}`, whose points are {range}",
                              "违规原因 `{reason}` 记 {points},而它的违规分为 {range}"),
    "ledger.off_cadence": ("rule `{rule}` is evaluated {cadence}: {date} is not one of its days",
                           "规则 `{rule}` 的评估时间是 {cadence}:{date} 不是它的评估日"),  # issue 11, evaluation cadence
    "ledger.points_not_in_table": ("{points} for rule `{rule}`, whose tables give {given}",
                                   "规则 `{rule}` 记 {points},而它的分档表只给 {given}"),
})

# ---- tables of sellers (tspol.sellers): CSV, Parquet, a JSON list, and `-o FILE`
_section({
    "tables.output_format": ("-o {path}: write .jsonl (or .ndjson), .csv or .parquet",
                             "-o {path}:只能写 .jsonl(或 .ndjson)、.csv 或 .parquet"),
    "tables.unnamed_column": ("a column without a name: each column names an input, seller_id or region",
                              "有一列没有名称:每一列都要写明输入项、seller_id 或 region"),
    "tables.column_twice": ("the column `{name}` is named twice", "列 `{name}` 出现了两次"),
    "tables.not_an_input": ("the column `{name}` is not an input of this policy, nor seller_id or region",
                            "列 `{name}` 不是这个政策的输入项,也不是 seller_id 或 region"),
    "tables.not_an_input.close": ("the column `{name}` is not an input of this policy, nor seller_id or region; did "
                                  "you mean `{close}`?",
                                  "列 `{name}` 不是这个政策的输入项,也不是 seller_id 或 region;是否应为 `{close}`?"),
    "tables.header_not_csv": ("the header row is not CSV: {problem}", "表头行不是 CSV:{problem}"),
    "tables.malformed_csv": ("malformed CSV: {problem}", "CSV 格式错误:{problem}"),
    "tables.empty_row": ("an empty row", "空行"),
    "tables.cells.one": ("{count} cell", "{count} 个单元格"),
    "tables.cells": ("{count} cells", "{count} 个单元格"),
    "tables.cells_vs_header.one": ("{cells}, but the header names {columns} column", "这一行是 {cells},但表头有 {columns} 列"),
    "tables.cells_vs_header": ("{cells}, but the header names {columns} columns", "这一行是 {cells},但表头有 {columns} 列"),
    "tables.quoting": ('a quoted cell ends with a quote ("), and a quote inside one is written twice ("")',
                       '带引号的单元格以引号(")结束,其中的引号要写两次("")'),
    "tables.quote_not_closed": ("the quote at column {column} is never closed, so the rest of the file would be one "
                                "cell: {quoting}", "第 {column} 列的引号始终没有闭合,文件的其余部分会成为一个单元格:{quoting}"),
    "tables.cell_too_long": ("the cell quoted at column {column} runs past {most} MiB, the most a cell holds: is its "
                             "closing quote missing? ({quoting})",
                             "从第 {column} 列开始的带引号单元格超过了单元格的上限 {most} MiB:是不是缺少了结尾的引号?"
                             "({quoting})"),
    "tables.lone_cr": ("a line break that is a CR alone: the lines of a CSV file end with LF or CRLF (convert a file "
                       "whose lines end with CR alone; quote a CR inside a cell)",
                       "有单独一个 CR 的换行:CSV 文件的行以 LF 或 CRLF 结尾(请转换以单独 CR 结尾的文件;"
                       "单元格中的 CR 要放在引号内)"),
    "tables.line_too_long": ("a line longer than {most} MiB", "这一行超过了 {most} MiB"),
    "tables.not_utf8": ("this is not UTF-8 text: {problem}", "这不是 UTF-8 文本:{problem}"),
    "tables.column_type": ("the column `{name}` is {kind}: it must be {wanted}", "列 `{name}` 的类型是 {kind}:应为{wanted}"),
    "tables.wanted.seller_id": ("text or a whole number", "文本或整数"),
    "tables.wanted.region": ("text", "文本"),
    "tables.wanted.number": ("a number: an integer type, DECIMAL or DOUBLE", "数值:整数类型、DECIMAL 或 DOUBLE"),
    "tables.unreadable_parquet": ("cannot read this Parquet file: {reason}", "无法读取这个 Parquet 文件:{reason}"),
    "tables.document_too_big": ("a JSON file of sellers holds at most {most} MiB: write a larger table as JSON Lines "
                                "(.jsonl), one seller a line",
                                "卖家的 JSON 文件最多 {most} MiB:更大的表请写成 JSON Lines(.jsonl),每行一个卖家"),
    "tables.cannot_write": ("cannot write {path}: {reason}", "无法写入 {path}:{reason}"),
})

# ---- tspol eval (tspol.cli.eval), --fields (tspol.runtime.shapes), --what-if (tspol.runtime.headroom)
_section({
    "eval.not_utf8": ("this is not UTF-8 text: {problem}", "这不是 UTF-8 文本:{problem}"),
    "eval.empty_line": ("empty line: expected a JSON object", "空行:应为 JSON 对象"),
    "eval.json_at": ("{problem} at line {line}, column {column}", "第 {line} 行第 {column} 列{problem}"),
    "eval.internal": ("internal error: {error}; this is a bug in tspol, please report it",
                      "内部错误:{error};这是 tspol 的缺陷,请报告"),
    "eval.seller_id": ("a seller_id is a string or a whole number, got {value}", "seller_id 应为字符串或整数,实际为 {value}"),
    "eval.beside_metrics": ("`{key}` beside `metrics`: with `metrics`, the other keys can only be seller_id and region",
                            "`{key}` 与 `metrics` 并列:有 `metrics` 时,其他键只能是 seller_id 和 region"),
    "eval.metrics_object": ("expected an object of input values, got {value}", "应为由输入项取值组成的对象,实际为 {value}"),
    "eval.at_line": ("line {line}: ", "第 {line} 行:"),
    "eval.at_row": ("row {row}: ", "第 {row} 个卖家:"),
    "eval.of_seller": ("seller {seller}: ", "卖家 {seller}:"),
    "eval.not_decided": ("{where}{seller}not decided: error[{code}]: {message}", "{where}{seller}未判定:error[{code}]:{message}"),
    "eval.unknown_region": ("unknown region `{region}`; this policy has {known}", "未知的地区 `{region}`;这个政策的地区有 {known}"),
    "eval.unknown_region.close": ("unknown region `{region}`; this policy has {known}; did you mean `{close}`?",
                                  "未知的地区 `{region}`;这个政策的地区有 {known};是否应为 `{close}`?"),
    "eval.unknown_region.option": ("unknown region `{region}` for --region; this policy has {known}",
                                   "--region 给出的地区 `{region}` 未知;这个政策的地区有 {known}"),
    "eval.unknown_region.option.close": ("unknown region `{region}` for --region; this policy has {known}; did you mean "
                                         "`{close}`?", "--region 给出的地区 `{region}` 未知;这个政策的地区有 {known};"
                                         "是否应为 `{close}`?"),
    "value.a_string": ("a string", "字符串"),
    "value.a_number": ("a number", "数字"),
    "eval.progress": ("{count:,} sellers{share}", "已判定 {count:,} 个卖家{share}"),
    "eval.helper_failed": ("a helper process failed; deciding its lines in this one",
                           "一个辅助进程失败了;它的行改由当前进程判定"),
    "eval.parquet_stdin": ("Parquet is read from a file, not from standard input: give FILE",
                           "Parquet 只能从文件读取,不能从标准输入读取:请给出 FILE"),
    "eval.output_text": ("-o {output} writes decisions as data: --format text is a report for people, printed without -o",
                         "-o {output} 以数据形式写出判定结果:--format text 是给人看的报告,只在不用 -o 时打印"),
    "eval.output_is_input": ("-o {output} is the input file: write the decisions to another file",
                             "-o {output} 就是输入文件:请把判定结果写到另一个文件"),
    "eval.python_only": ("{option} is decided by --engine python", "{option} 只能由 --engine python 判定"),
    "eval.what.parquet": ("reading and writing Parquet", "读写 Parquet"),
    "eval.jobs.engine": ("--engine {engine} decides in batches", "--engine {engine} 按批判定"),
    "eval.jobs.extras": ("--headroom and --what-if are decided here", "--headroom 和 --what-if 在当前进程中判定"),
    "eval.jobs.helpers": ("{jobs} helper processes past {after:,} lines", "超过 {after:,} 行时用 {jobs} 个辅助进程"),
    "eval.jobs.one": ("one process", "单个进程"),
    "eval.jobs": ("{helpers} ({why})", "{helpers}({why})"),
    "eval.jobs.few_cpus.one": ("{cpus} CPU: helper processes would cost more than they save",
                               "{cpus} 个 CPU:辅助进程的开销会超过它节省的时间"),
    "eval.jobs.few_cpus": ("{cpus} CPUs: helper processes would cost more than they save",
                           "{cpus} 个 CPU:辅助进程的开销会超过它节省的时间"),
    "eval.jobs.cpus": ("{cpus} CPUs", "{cpus} 个 CPU"),
    "eval.terminal": ("reading sellers from the terminal, one JSON object per line; end with Ctrl-D (or give a FILE)",
                      "正在从终端读取卖家,每行一个 JSON 对象;按 Ctrl-D 结束(或给出 FILE)"),
    "eval.cannot_read": ("cannot read {path}: {reason}", "无法读取 {path}:{reason}"),
    "eval.failed.one": ("{path}: {failed} of {total} seller not decided", "{path}:{total} 个卖家中有 {failed} 个未判定"),
    "eval.failed": ("{path}: {failed} of {total} sellers not decided", "{path}:{total} 个卖家中有 {failed} 个未判定"),
    "eval.fields_and_shape": ("--fields and --shape each say what to write: give one of them",
                              "--fields 和 --shape 都用来指定写出什么:只能给出其中一个"),
    "eval.fields_format.text": ("{option} writes JSON Lines, CSV or Parquet, not a text report",
                                "{option} 只写 JSON Lines、CSV 或 Parquet,不写文本报告"),
    "eval.whole_decision_only": ("{option} adds to the whole decision in JSON or text: {without} has no place for it",
                                 "{option} 添加在完整的判定上,只用于 JSON 或文本:{without} 中没有它的位置"),
    "eval.what_if.form": ("{given}: write INPUT=+N (N more), INPUT=-N (N fewer) or INPUT=N (exactly N), N a number such "
                          "as 3 or 2.5", "{given}:请写作 INPUT=+N(增加 N)、INPUT=-N(减少 N)或 INPUT=N(恰为 N),"
                          "N 为数字,如 3 或 2.5"),
    "eval.what_if.no_input": ("{given}: no input `{name}`", "{given}:没有输入项 `{name}`"),
    "eval.what_if.no_input.close": ("{given}: no input `{name}`; did you mean `{close}`?",
                                    "{given}:没有输入项 `{name}`;是否应为 `{close}`?"),
    "eval.what_if.twice": ("`{name}` is changed twice", "`{name}` 被修改了两次"),
    "eval.what_if.refused": ("--what-if: {reason}", "--what-if:{reason}"),
    "eval.what_if.changed": ("--what-if: the changed seller: {message}", "--what-if:修改后的卖家:{message}"),
    "eval.duckdb_failed": ("deciding {path} in DuckDB failed: {reason}", "在 DuckDB 中判定 {path} 失败:{reason}"),
    "eval.sql_unsupported": ("error[E004]: {reason}; --engine python decides this pack",
                             "error[E004]:{reason};--engine python 可以判定这个政策包"),
    "what_if.no_input": ("no input `{name}` to change; the inputs are {inputs}", "没有可修改的输入项 `{name}`;输入项有 {inputs}"),
    "what_if.not_given": ("`{name}` is not given, so it cannot grow by {amount}", "未提供 `{name}`,无法增加 {amount}"),
    "fields.empty": ("an empty field in {text}; fields are separated by commas", "{text} 中有空的字段;字段之间用逗号分隔"),
    "fields.unknown": ("no field `{field}`{close}; the fields are {fields}", "没有字段 `{field}`{close};字段有 {fields}"),
    "fields.unknown_item": ("no field `{field}`{close}; those of {key} are {listed}",
                            "没有字段 `{field}`{close};{key} 的字段有 {listed}"),
    "fields.not_a_list": ("none: `{key}` is not a list", "无:`{key}` 不是列表"),
    "fields.close": (" (did you mean `{name}`?)", "(是否应为 `{name}`?)"),
})

# ---- tspol simulate (tspol.cli.simulate)
_section({
    "simulate.step": ("expected a number of days or weeks such as 7d or 2w, got `{value}`",
                      "应为天数或周数,如 7d 或 2w,实际为 `{value}`"),
    "simulate.every_needs_until": ("--every needs --until", "--every 需要与 --until 一起使用"),
    "simulate.chart.chart": ("--chart is for --format text; --format {format} is a chart itself",
                             "--chart 只用于 --format text;--format {format} 本身就是图表"),
    "simulate.chart.no_chart": ("--chart is for --format text; --format {format} has no chart",
                                "--chart 只用于 --format text;--format {format} 没有图表"),
    "simulate.every_change": ("--format {format} shows every change, not steps: leave out --every",
                              "--format {format} 显示每一次变化,不按步长:请去掉 --every"),
    "simulate.python_only": ("--format {format} is drawn with --engine python", "--format {format} 只能用 --engine python 绘制"),
    "simulate.of_seller": (" of seller {seller}", "(卖家 {seller})"),
    "simulate.whose.many": ("the region of sellers {sellers}", "卖家 {sellers} 的地区"),
    "simulate.whose.one": ("the region of seller {sellers}", "卖家 {sellers} 的地区"),
    "simulate.whose": ("the seller's region", "卖家的地区"),
    "simulate.give_region": ("give --region: this policy has {regions}, and no metrics event names {whose}",
                             "请给出 --region:这个政策的地区有 {regions},而没有哪个指标事件写明{whose}"),
    "simulate.first_date": ("the first event's date{of_seller}", "第一个事件的日期{of_seller}"),
    "simulate.until_before": ("--until {until} is before the first day to show, {first} ({which})",
                              "--until {until} 早于要显示的第一天 {first}({which})"),
    "simulate.larger_every": ("a larger --every (such as {days}d), ", "更大的 --every(如 {days}d)、"),
    "simulate.too_many_states": ("--until {until} with --every {every}d from {first} gives {count:,} states{of_seller}, "
                                 "more than --max-states ({most:,}): give {larger}a nearer --until, or --max-states "
                                 "{count} to print them all",
                                 "从 {first} 起以 --every {every}d 到 --until {until} 会有 {count:,} 个状态{of_seller},"
                                 "超过了 --max-states({most:,}):请给出{larger}更近的 --until,"
                                 "或用 --max-states {count} 全部打印"),
})

# ---- a points ledger in words: its timeline (tspol.runtime.ledger), its report and chart
# (tspol.cli.simulate, tspol.ledgerchart); ids, dates, numbers and names as they are
_section({
    "ledger.points.one": ("{points} point", "{points} 个违规分"),
    "ledger.points": ("{points} points", "{points} 个违规分"),
    "ledger.order_limit": ("order limit at {percent}% of {basis}", "限单({basis} 的 {percent}%)"),
    "ledger.daily_cap": ("{name} (at most {cap} orders a day)", "{name}(每日最多 {cap} 单)"),
    "ledger.appeal.nothing": ("metrics event {violation} scored no violation: nothing to appeal",
                              "指标事件 {violation} 没有判出违规:没有可申诉的处罚"),
    "ledger.appeal.none_allowed": ("the policy allows no appeals", "政策不允许申诉"),
    "ledger.appeal.revoked": ("already revoked by the appeal accepted on {date}", "已被 {date} 通过的申诉撤销"),
    "ledger.appeal.surplus": ("surplus: at most {attempts} appeals per violation, and the last was rejected on {date}",
                              "超出次数:每项违规最多申诉 {attempts} 次,最后一次已于 {date} 被驳回"),
    "ledger.appeal.late_first": ("late: the first appeal is due within {days} days of the penalty on {date}, "
                                 "by {deadline}", "逾期:首次申诉须在 {date} 的处罚后 {days} 天内提出,即不晚于 {deadline}"),
    "ledger.appeal.late_next": ("late: the next appeal is due within {days} days of the rejection on {date}, "
                                "by {deadline}", "逾期:再次申诉须在 {date} 的驳回后 {days} 天内提出,即不晚于 {deadline}"),
    "timeline.violation": ("violation {id} ({rule}) +{points}", "违规 {id}({rule})+{points}"),
    "timeline.metrics": ("metrics {id} ({rules}) +{points}", "指标 {id}({rules})+{points}"),
    "timeline.metrics_warned": ("metrics {id} ({rules}) +{points} with a warning", "指标 {id}({rules})+{points},另有警告"),
    "timeline.metrics_warning_for": ("metrics {id} ({rules}) +{points}, warning for {warned}",
                                     "指标 {id}({rules})+{points},{warned} 另有警告"),
    "timeline.metrics_warning": ("metrics {id} ({rules}): warning, no points", "指标 {id}({rules}):警告,不计违规分"),
    "timeline.metrics_nothing": ("metrics {id}: no violation", "指标 {id}:无违规"),
    "timeline.appeal_invalid": ("appeal on {violation} invalid: {reason}", "对 {violation} 的申诉无效:{reason}"),
    "timeline.appeal.accepted": ("appeal {attempt} on {violation} accepted", "对 {violation} 的第 {attempt} 次申诉通过"),
    "timeline.appeal.rejected": ("appeal {attempt} on {violation} rejected", "对 {violation} 的第 {attempt} 次申诉被驳回"),
    "timeline.hold": ("hold {id} on {violation} for {days} days", "扣留余额 {id}:{violation},{days} 天"),
    "timeline.investigation_closed": ("investigation of {hold} closed", "{hold} 的调查已结束"),
    "timeline.linked": ("linked to {account}", "关联到 {account}"),
    "timeline.expires": ("{id} expires -{points}", "{id} 失效 -{points}"),
    "timeline.expired_on": ("{id} expired on {date} (recomputed)", "{id} 已于 {date} 失效(重新计算)"),
    "timeline.revoked": ("{id} revoked -{points}", "{id} 撤销 -{points}"),
    "timeline.deactivated": ("deactivated", "账号停用"),
    "timeline.deactivated.frozen": ("deactivated, points frozen", "账号停用,违规分冻结"),
    "timeline.reactivated": ("reactivated", "账号恢复"),
    "timeline.until": ("until {date}", "至 {date}"),
    "timeline.permanently": ("permanently", "永久"),
    "timeline.starts": ("starts {name} {span}", "开始执行 {name},{span}"),
    "timeline.applies_from": ("{name} applies from {date} {span} (recomputed)", "{name} 自 {date} 起执行,{span}(重新计算)"),
    "timeline.ends": ("ends {name}", "{name} 结束"),
    "timeline.lifts": ("lifts {name}", "解除 {name}"),
    "timeline.formal_warning": ("formal warning: {points} to {threshold}", "正式警告:距节点处罚阈值 {threshold} 还差 {points}"),
    "timeline.hold_released": ("hold {id} released", "扣留余额 {id} 已释放"),
    "timeline.hold_ended": ("hold {id} ended", "扣留余额 {id} 已结束"),
    "timeline.flags": ("{penalty} flags {account} for joint enforcement", "{penalty} 使 {account} 受联合处罚"),
    "timeline.no_longer_flags": ("{penalty} no longer flags {account}", "{penalty} 不再使 {account} 受联合处罚"),
    "report.seller": ("=== seller {seller} ===", "=== 卖家 {seller} ==="),
    "report.head": ("{display}: region {region}, events {first} .. {last}", "{display}:地区 {region},事件 {first} .. {last}"),
    "report.date": ("date", "日期"),
    "report.points": ("points", "违规分"),
    "report.level": ("level", "等级"),
    "report.what_happens": ("what happens", "发生的事"),
    "report.state_on": ("State on {date}", "{date} 的状态"),
    "report.active_points": ("active points", "有效违规分"),
    "report.deactivated": ("deactivated", "账号停用"),
    "report.restrictions": ("restrictions", "处罚措施"),
    "report.warnings": ("warnings", "正式警告"),
    "report.violations": ("violations", "违规"),
    "report.appeals": ("appeals", "申诉"),
    "report.holds": ("holds", "扣留余额"),
    "report.linked": ("linked", "关联账号"),
    "report.none": ("none", "无"),
    "report.yes": ("yes", "是"),
    "report.no": ("no", "否"),
    "report.since": ("since {date}", "自 {date} 起"),
    "report.restriction": ("{name} from {start} {span} ({cause})", "{name},自 {start} 起,{span}({cause})"),
    "report.threshold": ("threshold {threshold}", "节点处罚阈值 {threshold}"),
    "report.violation": ("violation {id}", "违规 {id}"),
    "report.to_go": ("{points} to {threshold}", "距 {threshold} 还差 {points}"),
    "report.scored": ("{id}  {points}  {rules}  scored {scored}  {when}", "{id}  {points}  {rules}  记分于 {scored}  {when}"),
    "report.active": ("active, expires {date}", "有效,{date} 失效"),
    "report.never_expires": ("active, never expires", "有效,永不失效"),
    "report.expired": ("expired {date}", "已于 {date} 失效"),
    "report.frozen": ("frozen (deactivated)", "冻结(账号停用)"),
    "report.revoked": ("revoked {date}", "已于 {date} 撤销"),
    "report.appeal_invalid": ("{date} {violation} invalid: {reason}", "{date} {violation} 无效:{reason}"),
    "report.appeal.accepted": ("{date} {violation} accepted (attempt {attempt})", "{date} {violation} 通过(第 {attempt} 次申诉)"),
    "report.appeal.rejected": ("{date} {violation} rejected (attempt {attempt})", "{date} {violation} 被驳回(第 {attempt} 次申诉)"),
    "report.hold": ("{id} {scenario} on {violation} from {start} for {days} days: {ends}",
                    "{id} {scenario}:{violation},自 {start} 起 {days} 天:{ends}"),
    "report.held_until": ("held until {date}", "扣留至 {date}"),
    "report.held_investigation": ("held until the investigation closes, at least until {date}",
                                  "扣留至调查结束,至少至 {date}"),
    "report.released": ("released {date}", "已于 {date} 释放"),
    "report.ended": ("ended {date}", "已于 {date} 结束"),
    "report.link": ("{account} since {since}", "{account},自 {since} 起"),
    "report.joint": ("{account} since {since}: joint enforcement for {penalties}", "{account},自 {since} 起:联合处罚 {penalties}"),
    "report.joint.none": ("{account} since {since}: joint enforcement for no penalty yet",
                          "{account},自 {since} 起:尚无联合处罚"),
    "chart.head": ("Active points from {start} to {end}, {per} a column: at most {points}, on {day}",
                   "有效违规分,{start} 至 {end},每列 {per}:最高 {points}({day})"),
    "chart.days.one": ("{count} day", "{count} 天"),
    "chart.days": ("{count} days", "{count} 天"),
    "chart.deactivation": ("{points}: deactivation", "{points}:账号停用"),
})

# ---- tspol test (tspol.cli.test, tspol.runtime.examples)
_section({
    "examples.not_an_object": ("expected a JSON object", "应为 JSON 对象"),
    "examples.region": ('key `region`: expected the region as a string, such as "US"',
                        '键 `region`:地区应为字符串,如 "US"'),
    "examples.metrics": ("key `metrics`: expected an object of input values", "键 `metrics`:应为由输入项取值组成的对象"),
    "examples.expect": ("key `expect`: expected an object (a decision, or part of one)",
                        "键 `expect`:应为对象(一个判定结果,或其中的一部分)"),
    "examples.rejected": ("the policy rejects these metrics: {message}", "政策拒绝了这些指标数据:{message}"),
    "examples.no_expect": ("no expected decision yet: run `tspol test --update` and review it",
                           "还没有预期的判定结果:运行 `tspol test --update` 并检查结果"),
    "examples.unknown_keys": ("key `expect` has keys no decision has: {keys} (a decision has {has})",
                              "键 `expect` 中有判定结果没有的键:{keys}(判定结果的键有 {has})"),
    "test.ok": ("ok", "通过"),
    "test.line": ("line {line}", "第 {line} 行"),
    "test.fail": ("FAIL", "未通过"),
    "test.expected": ("expected", "预期"),
    "test.actual": ("actual", "实际"),
    "test.no_examples": ("no examples in {pack}: put JSON Lines files in {pack}/examples/",
                         "{pack} 中没有示例:请把 JSON Lines 文件放在 {pack}/examples/ 中"),
    "test.not_regular": ("not a regular file", "不是普通文件"),
    "test.not_a_folder": ("{folder} is not a folder", "{folder} 不是文件夹"),
    "test.updated.one": ("updated {count} example in {file}: review the diff", "已更新 {file} 中的 {count} 个示例:请检查改动"),
    "test.updated": ("updated {count} examples in {file}: review the diff", "已更新 {file} 中的 {count} 个示例:请检查改动"),
    "test.summary.updated": ("{count} examples: {passed} passed, {updated} updated, {failing} still failing",
                             "{count} 个示例:{passed} 个通过,{updated} 个已更新,{failing} 个仍未通过"),
    "test.summary": ("{count} examples: {passed} passed, {failed} failed", "{count} 个示例:{passed} 个通过,{failed} 个未通过"),
})

# ---- tspol diff, analyze, compile, fmt, doc, cases, explain, and the command itself
_section({
    "semdiff.no_such_rule": ("no such rule", "没有这条规则"),
    "semdiff.no_points": ("no points", "不计违规分"),
    "semdiff.warning": ("warning", "警告"),
    "semdiff.outside": ("outside the standard {standard}", "未达标准 {standard}"),
    "semdiff.not_applicable": ("{names} not applicable", "{names} 不适用"),
    "semdiff.may": ("may: {names}", "平台可追加:{names}"),
    "semdiff.added_item": ("{section}: {item} added: {after}", "{section}:新增 {item}:{after}"),
    "semdiff.added": ("{section} added", "新增 {section}"),
    "semdiff.removed_item": ("{section}: {item} removed (was {before})", "{section}:删除 {item}(原为 {before})"),
    "semdiff.removed": ("{section} removed", "删除 {section}"),
    "semdiff.changed": ("{section}: {item}: {before} -> {after}", "{section}:{item}:{before} -> {after}"),
    "diff.rows": ("{part} ({rows})", "{part}({rows})"),
    "diff.renamed": ("{was} is defined differently in the two packs: {now} below is {was} as the new pack defines it",
                     "{was} 在两个政策包中定义不同:下文的 {now} 是新政策包所定义的 {was}"),
    "diff.decisions.one": ("{count} change in decisions", "{count} 处判定变化"),
    "diff.decisions": ("{count} changes in decisions", "{count} 处判定变化"),
    "diff.others.one": ("{count} other change", "{count} 处其他变化"),
    "diff.others": ("{count} other changes", "{count} 处其他变化"),
    "diff.summary": ("{decisions}, {others}", "{decisions},{others}"),
    "diff.alike": ("{old} and {new} decide alike", "{old} 与 {new} 的判定相同"),
    "diff.head": ("{old} -> {new}: {summary}", "{old} -> {new}:{summary}"),
    "diff.where": ("{regions} {rule}: {where}", "{regions} {rule}:{where}"),
    "diff.before": ("before: {outcome}", "修改前:{outcome}"),
    "diff.after": ("after:  {outcome}", "修改后:{outcome}"),
    "diff.other_changes": ("other changes:", "其他变化:"),
    "diff.md.alike": ("The two packs decide alike.", "两个政策包的判定相同。"),
    "diff.md.header": ("| regions | rule | sellers where | before | after | for example |",
                       "| 地区 | 规则 | 卖家范围 | 修改前 | 修改后 | 示例 |"),
    "diff.md.other": ("Other changes", "其他变化"),
    "diff.git_one_path": ("with --git REV, give at most one PATH (the pack in the working tree)",
                          "使用 --git REV 时,最多给出一个 PATH(工作区中的政策包)"),
    "diff.two_packs": ("give two packs, OLD and NEW, or --git REV", "请给出两个政策包 OLD 和 NEW,或使用 --git REV"),
    "diff.no_git": ("cannot run git: {reason}", "无法运行 git:{reason}"),
    "diff.git_said": ("{what} ({detail})", "{what}({detail})"),
    "diff.not_in_git": ("{folder} is not inside a git repository", "{folder} 不在 git 仓库中"),
    "diff.unknown_revision": ("unknown git revision `{rev}`", "未知的 git 版本 `{rev}`"),
    "diff.not_at_revision": ("`{path}` does not exist at revision `{rev}`", "`{path}` 在版本 `{rev}` 中不存在"),
    "analyze.done.one": ("analyzed {root}: {tables} table, {summary}", "已分析 {root}:{tables} 个表,{summary}"),
    "analyze.done": ("analyzed {root}: {tables} tables, {summary}", "已分析 {root}:{tables} 个表,{summary}"),
    "analysis.title": ("{rule} in {regions}, table {table} ({hit})", "{rule},适用于 {regions},表 {table}({hit})"),
    "analyze.table": ("{title}, {where}", "{title},{where}"),
    "analyze.row": ("row {index} ({where}): {text}", "第 {index} 行({where}):{text}"),
    "analyze.fires_for_none": ("fires for no seller", "没有卖家触发此行"),
    "analyze.owns": ("owns {where}", "此行判定 {where}"),
    "analyze.example": ("e.g. {seller}", "例如 {seller}"),
    "analyze.no_row_covers": ("no row covers:", "无行判定:"),
    "analyze.uncovered": ("{where} ({note})", "{where}({note})"),
    "analyze.meets": ("meets the standard {name} {standard}", "达到标准 {name} {standard}"),
    "analyze.hole": ("a hole", "空档"),
    "analyze.edge": ("open to the edge of the range", "延伸到取值范围的边界"),
    "analyze.unknown_region": ("unknown region `{value}` (this policy has {known})", "未知的地区 `{value}`(这个政策的地区有 {known})"),
    "analyze.unknown_region.close": ("unknown region `{value}`; did you mean `{close}`? (this policy has {known})",
                                     "未知的地区 `{value}`;是否应为 `{close}`?(这个政策的地区有 {known})"),
    "analyze.unknown_rule": ("unknown rule `{value}` (this policy has {known})", "未知的规则 `{value}`(这个政策的规则有 {known})"),
    "analyze.unknown_rule.close": ("unknown rule `{value}`; did you mean `{close}`? (this policy has {known})",
                                   "未知的规则 `{value}`;是否应为 `{close}`?(这个政策的规则有 {known})"),
})
_section({
    "compile.sql_option": ("{option} is for a SQL target (duckdb, spark), not --target {target}",
                           "{option} 只用于 SQL 目标(duckdb、spark),不能用于 --target {target}"),
    "compile.table_name": ("--table needs a table name", "--table 需要一个表名"),
    "compile.same_policy": ("{path} and {other} are both policy `{name}`; compile them into different folders",
                            "{path} 和 {other} 都是政策 `{name}`;请把它们编译到不同的文件夹"),
    "compile.nothing_written": ("nothing written", "没有写出任何文件"),
    "compile.wrote": ("{path}: wrote {file}", "{path}:已写出 {file}"),
    "fmt.stdin_alone": ("`-` (standard input) is formatted on its own: give no other PATH with it",
                        "`-`(标准输入)只能单独格式化:不要再给出其他 PATH"),
    "fmt.bundled": ("no ./policies folder here, and the bundled pack is not rewritten in place: name the .pol files or "
                    "folders to format", "当前目录下没有 ./policies 文件夹,而内置的政策包不会被原地改写:"
                    "请指定要格式化的 .pol 文件或文件夹"),
    "fmt.formatted.one": ("{count} file already formatted", "{count} 个文件已是标准格式"),
    "fmt.formatted": ("{count} files already formatted", "{count} 个文件已是标准格式"),
    "fmt.would_reformat": ("would reformat {path}", "{path} 需要重新格式化"),
    "fmt.cannot_write": ("cannot write {path}: {reason}; it is left as it was", "无法写入 {path}:{reason};文件保持原样"),
    "fmt.reformatted": ("reformatted {path}", "已重新格式化 {path}"),
    "explain.code_or_list": ("give a CODE or --list, not both", "请给出 CODE 或 --list,不要两个都给"),
    "explain.unknown": ("unknown code `{code}` (`tspol explain --list` lists every code)",
                        "未知的代码 `{code}`(`tspol explain --list` 列出所有代码)"),
    "explain.unknown.close": ("unknown code `{code}`; {close} (`tspol explain --list` lists every code)",
                              "未知的代码 `{code}`;{close}(`tspol explain --list` 列出所有代码)"),
    "main.unknown_command": ("No such command `{name}`.", "没有 `{name}` 这个命令。"),
    "main.unknown_command.close": ("No such command `{name}`; {close}", "没有 `{name}` 这个命令;{close}"),
    "main.internal": ("internal error: {error}", "内部错误:{error}"),
    "main.bug": ("this is a bug in tspol; run again with TSPOL_DEBUG=1 for details",
                 "这是 tspol 的缺陷;设置 TSPOL_DEBUG=1 再运行一次可看到详情"),
})
_section({
    "api.no_region": ("no region: give region=, one of {regions}", "没有地区:请给出 region=,可选:{regions}"),
})

# ---- click's words of a usage error (tspol.cli.clickwords): its English, as click writes it
_section({
    "click.error": ("Error: {message}", "错误:{message}"),
    "click.try_help": ("Try '{command} {option}' for help.", "运行 '{command} {option}' 查看帮助。"),
    "click.invalid_value_for": ("Invalid value for {param_hint}: {message}", "{param_hint} 的值无效:{message}"),
    "click.invalid_value": ("Invalid value: {message}", "值无效:{message}"),
    "click.missing_argument": ("Missing argument", "缺少参数"),
    "click.missing_option": ("Missing option", "缺少选项"),
    "click.missing_parameter": ("Missing parameter", "缺少参数"),
    "click.missing_type": ("Missing {param_type}", "缺少{param_type}"),
    "click.missing_parameter_name": ("Missing parameter: {param_name}", "缺少参数:{param_name}"),
    "click.no_such_option": ("No such option {name!r}.", "没有 {name!r} 这个选项。"),
    "click.no_such_command": ("No such command {name!r}.", "没有 {name!r} 这个命令。"),
    "click.did_you_mean": ("Did you mean {possibility}?", "是否应为 {possibility}?"),
    "click.did_you_mean_one_of": ("(Did you mean one of: {possibilities}?)", "(是否应为其中之一:{possibilities}?)"),
    "click.could_not_open": ("Could not open file {filename!r}: {message}", "无法打开文件 {filename!r}:{message}"),
    "click.unknown_error": ("unknown error", "未知错误"),
    "click.not_choice": ("{value!r} is not {choice}.", "{value!r} 不是 {choice}。"),
    "click.not_one_of": ("{value!r} is not one of {choices}.", "{value!r} 不是 {choices} 之一。"),
    "click.not_a_number": ("{value!r} is not a valid {number_type}.", "{value!r} 不是有效的 {number_type}。"),
    "click.not_in_range": ("{value} is not in the range {range}.", "{value} 不在 {range} 范围内。"),
    "click.not_a_boolean": ("{value!r} is not a valid boolean. Recognized values: {states}",
                            "{value!r} 不是有效的布尔值。可用的值:{states}"),
    "click.not_the_format": ("{value!r} does not match the format {format}.", "{value!r} 不符合格式 {format}。"),
    "click.not_the_formats": ("{value!r} does not match the formats {formats}.", "{value!r} 不符合格式 {formats}。"),
    "click.file": ("file", "文件"),
    "click.directory": ("directory", "文件夹"),
    "click.path": ("path", "路径"),
    "click.does_not_exist": ("{name} {filename!r} does not exist.", "{name} {filename!r} 不存在。"),
    "click.is_a_file": ("{name} {filename!r} is a file.", "{name} {filename!r} 是文件。"),
    "click.is_a_directory": ("{name} {filename!r} is a directory.", "{name} {filename!r} 是文件夹。"),
    "click.not_readable": ("{name} {filename!r} is not readable.", "{name} {filename!r} 不可读。"),
    "click.not_writable": ("{name} {filename!r} is not writable.", "{name} {filename!r} 不可写。"),
    "click.not_executable": ("{name} {filename!r} is not executable.", "{name} {filename!r} 不可执行。"),
    "click.takes_no_value": ("Option {name!r} does not take a value.", "选项 {name!r} 不接受值。"),
    "click.requires_an_argument": ("Option {name!r} requires an argument.", "选项 {name!r} 需要一个参数。"),
    "click.requires_arguments": ("Option {name!r} requires {nargs} arguments.", "选项 {name!r} 需要 {nargs} 个参数。"),
    "click.argument_takes": ("Argument {name!r} takes {nargs} values.", "参数 {name!r} 需要 {nargs} 个值。"),
    "click.extra_argument": ("Got unexpected extra argument ({args})", "多了一个参数({args})"),
    "click.extra_arguments": ("Got unexpected extra arguments ({args})", "多了几个参数({args})"),
    "click.missing_command": ("Missing command.", "缺少命令。"),
})

# ---- versions in one pack (issue 11: versions; tspol.dsl.versions, tspol.workspace)
_section({
    "versions.in_version": ("in version {version} (effective {effective}): {message}",
                            "在版本 {version}(生效日期 {effective})中:{message}"),
    "versions.that_version": ("that version", "那个版本"),
    "versions.date_not_after": ("amendment \"{version}\" is effective {effective}, not after version "
                                "\"{previous}\" (effective {previous_effective})",
                                "修订 \"{version}\" 的生效日期 {effective} 不晚于版本 \"{previous}\""
                                "(生效日期 {previous_effective})"),
    "versions.date_not_after.help": ("each amendment takes effect strictly after the version before it",
                                     "每个修订的生效日期必须晚于它之前的版本"),
    "versions.label_twice": ("version \"{version}\" is said twice", "版本 \"{version}\" 出现了两次"),
    "versions.label_twice.help": ("give each version a label of its own", "给每个版本一个不同的名称"),
    "versions.adds": ("this adds a new {what} `{name}`: no {what} of that name to replace",
                      "这里新增了{what} `{name}`:没有同名的{what}可以替换"),
    "versions.adds_rule.help": ("a rule is replaced by one of the same name and the same regions; "
                                "to change the regions of `{rule}`, remove it and add it",
                                "规则只被名称和地区都相同的规则替换;要改变 `{rule}` 的地区,请先删除再新增"),
    "versions.removes_nothing": ("no {what} `{name}` to remove", "没有可以删除的{what} `{name}`"),
    "versions.removes_nothing_in": ("no {what} `{name}` in {regions} to remove",
                                    "{regions} 中没有可以删除的{what} `{name}`"),
    "versions.removes_nothing_in.help": ("name regions the rule is in", "请写出该规则所在的地区"),
    "versions.score_rules_without_score": ("amendment \"{version}\" changes score rules, but the ledger of version "
                                           "\"{previous}\" keeps no score (it has no `score starts at`)",
                                           "修订 \"{version}\" 改变了分数规则,但版本 \"{previous}\" 的账本不记分数"
                                           "(没有 `score starts at`)"),
    "versions.score_dropped": ("the ledger of amendment \"{version}\" keeps no score, but that of version "
                               "\"{previous}\" does",
                               "修订 \"{version}\" 的账本不记分数,而版本 \"{previous}\" 的账本记分数"),
    "versions.score_kept_here": ("the score of the version before", "之前版本的分数"),
    "versions.ledger_kind.help": ("every version of a pack keeps one kind of ledger: a score ledger (`score starts "
                                  "at`) in each, or a points ledger in each",
                                  "一个政策包的各个版本使用同一种账本:每个版本都是分数账本(`score starts at`),"
                                  "或每个版本都是违规分账本"),
    "versions.carryover_twice": ("the amendment says more than once how points already scored expire",
                                 "修订多次说明已计违规分如何失效"),
    "versions.expiry_silent": ("amendment \"{version}\" changes when points expire but not what happens to "
                               "points already scored",
                               "修订 \"{version}\" 改变了违规分的失效期限,但没有说明已计的违规分如何处理"),
    "versions.expiry_silent.help": ("add `points scored before {effective} keep their expiry` (or `take the "
                                    "new expiry`)",
                                    "加上 `points scored before {effective} keep their expiry`"
                                    "(或 `take the new expiry`)"),
    "versions.carryover_date": ("points scored before {date}: the amendment is effective {effective}",
                                "points scored before {date}:修订的生效日期是 {effective}"),
    "versions.carryover_date.help": ("write `points scored before {effective}`",
                                     "写作 `points scored before {effective}`"),
    "versions.carryover_unchanged": ("the amendment does not change when points expire",
                                     "修订没有改变违规分的失效期限"),
    "versions.carryover_unchanged.help": ("remove the statement, or change `points expire after` in the "
                                          "amendment's ledger",
                                          "删除这句,或在修订的 ledger 中修改 `points expire after`"),
    "versions.before_first": ("{date} is before the first version of the pack, \"{version}\" (effective "
                              "{effective})",
                              "{date} 早于政策的第一个版本 \"{version}\"(生效日期 {effective})"),
    "versions.unknown": ("the pack has no version \"{version}\"; its versions are {versions}",
                         "政策没有版本 \"{version}\";它的版本是 {versions}"),
    "diff.versions_one_path": ("--from, --to and --versions compare two versions of one pack: give one PATH, "
                               "without --git, and either dates or labels",
                               "--from、--to 和 --versions 比较同一个政策包的两个版本:只给一个 PATH,不用 --git,"
                               "并且只用日期或只用名称"),
    "diff.to_needs_from": ("--to needs --from: the date of the version to compare", "--to 需要 --from:要比较的版本的日期"),
    "examples.on": ('key `on`: expected the day of the decision as a string, such as "2025-06-17"',
                    '键 `on`:应为判定日期的字符串,例如 "2025-06-17"'),
})

# ---- a more general ledger (issue 11): calendar resets, in the checker and the ledger
_section({
    "what.reset_day": ("the day of a reset", "清零日"),
    "what.extension": ("the extension of a measure", "处罚措施的延长时长"),
    "timeline.extended": ("{name} extended until {date}", "{name} 延长至 {date}"),
    "timeline.now_until": ("{name} now until {date}", "{name} 改为至 {date}"),
    "timeline.until_within": ("until {metric} is within standard", "至 {metric} 回到标准以内"),
    "timeline.while_level": ("while at {points} points or more", "违规分不低于 {points} 期间"),
    "timeline.ends_within": ("ends {name}: {metric} within standard", "{name} 结束:{metric} 回到标准以内"),
    "timeline.ends_below": ("ends {name}: below {points} points", "{name} 结束:违规分低于 {points}"),
    "check.until_no_standard": ("metric `{metric}` has no standard to be within",
                                "指标 `{metric}` 没有标准,无从回到标准以内"),
    "check.until_no_standard.help": ("give `{metric}` a `standard`, or make the measure last `for` a duration",
                                     "为 `{metric}` 写上 `standard`,或让处罚措施持续 `for` 一段时长"),
    "check.until_not_evaluated": ("no rule is on metric `{metric}`, so no metrics event can find it within standard",
                                  "没有规则针对指标 `{metric}`,任何指标事件都无法判定它回到标准以内"),
    "check.until_not_evaluated.help": ("add `on {metric}` to a rule of a region, or name a metric a rule is on",
                                       "在某个地区的规则中写 `on {metric}`,或改用规则针对的指标"),
    "what.repeat_window": ("the window of a repeat", "重复违规的期限"),
    "what.repeat_points": ("the points a repeat adds", "重复违规加的分"),
    "timeline.repeat": ("{scored}, a repeat of {earlier}", "{scored},重复 {earlier}"),
    "check.reset_day": ("day {value} is not in every month: a reset day is 1 to {last}",
                        "第 {value} 天不是每个月都有:清零日为第 1 到 {last} 天"),
    "check.reset_day.help": ("write `points reset on day 1 of each {period}`, or `on the last monday of each {period}`",
                             "写成 `points reset on day 1 of each {period}`,或 `on the last monday of each {period}`"),
    "timeline.resets": ("{id} resets -{points}", "{id} 清零 -{points}"),
    "report.active.resets": ("active, resets {date}", "有效,{date} 清零"),
    "report.expired.reset": ("reset {date}", "已于 {date} 清零"),
})

# ---- a more general ledger (issue 11): signed scores, in the checker and the ledger
_section({
    "what.score_start": ("the starting score", "初始分数"),
    "what.score_cap": ("the cap of the score", "分数上限"),
    "what.score_floor": ("the score that deactivates", "停用的分数"),
    "what.regain_points": ("the points the score regains", "分数恢复的分值"),
    "what.regain_period": ("the period of a regain", "分数恢复的周期"),
    "check.score_cap": ("the score's cap {cap} is below its start {start}",
                        "分数上限 {cap} 低于初始分数 {start}"),
    "check.score_cap.help": ("write a cap of {start} or more, or leave it out (the cap is then the start)",
                             "请把上限写成不低于 {start},或省略(上限即为初始分数)"),
    "check.score_conflict": ("`{keyword}` is of a points ledger, not of a score ledger (`score starts at`)",
                             "`{keyword}` 属于违规分账本,不属于分数账本(`score starts at`)"),
    "check.score_while_level": ("`while at this level` is of a points ledger, whose points reach a threshold, not of a "
                                "score ledger (`score starts at`)",
                                "`while at this level` 属于违规分账本(违规分达到阈值),不属于分数账本(`score starts at`)"),
    "check.score_while_level.help": ("give the measure a number of days (`for 14d`) or `until METRIC is within standard`",
                                     "为处罚措施写明天数(`for 14d`)或 `until METRIC is within standard`"),
    "check.score_conflict.help": ("a score ledger never expires points: it regains them (`score regains 5 every 30d`), "
                                  "deactivates with `deactivate at 0 score`, and warns with a threshold",
                                  "分数账本的违规分不会过期:分数会恢复(`score regains 5 every 30d`),"
                                  "用 `deactivate at 0 score` 停用,用阈值警告"),
    "check.score_only": ("`{keyword}` is of a score ledger, and this ledger has no `score starts at`",
                         "`{keyword}` 属于分数账本,而这个账本没有 `score starts at`"),
    "check.score_threshold_below": ("a score ledger's threshold is crossed going down: write `threshold below {points}`",
                                    "分数账本的阈值在分数下降时越过:请写 `threshold below {points}`"),
    "check.regain_period": ("the score regains {points} every how many days?", "分数每隔多少天恢复 {points}?"),
    "check.score_floor": ("deactivation at {floor} is not below the starting score {start}",
                          "停用分数 {floor} 不低于初始分数 {start}"),
    "check.score_floor.help": ("the seller is deactivated when the score falls to it: write a score below the start",
                               "分数降到停用分数时卖家被停用:请写低于初始分数的分数"),
    "check.score_threshold_above": ("threshold below {points} is above the starting score {start}: "
                                    "the score is below it from the start, and never crosses it going down",
                                    "阈值 below {points} 高于初始分数 {start}:分数一开始就低于它,不会在下降时越过它"),
    "check.score_threshold_floor": ("threshold below {points} is at or below deactivation at {floor} score: "
                                    "the seller is deactivated by the time the score falls below it",
                                    "阈值 below {points} 不高于停用分数 {floor}:分数低于它时卖家已被停用"),
    "check.score_threshold.help": ("a threshold of a score ledger is between the deactivation score and the start",
                                   "分数账本的阈值应在停用分数与初始分数之间"),
    "timeline.score_down": ("score {before} -> {after}", "分数 {before} -> {after}"),
    "report.score": ("score", "分数"),
    "report.threshold_below": ("threshold below {threshold}", "分数低于 {threshold} 的阈值"),
    "hover.score": ("**score ledger**: the score starts at {start}, at most {cap}; each violation takes its points "
                    "from it", "**分数账本**:分数从 {start} 开始,上限 {cap};每次违规扣去其违规分"),
    "hover.regain": ("**regain**: {points} back {every} after the latest violation, and every {every} after that "
                     "while no violation comes, up to the cap",
                     "**分数恢复**:最近一次违规 {every} 后恢复 {points},此后没有新的违规时每 {every} 再恢复一次,直到上限"),
    "hover.score_floor": ("**deactivation**: at a score of {score} or less", "**停用**:分数为 {score} 或以下时"),
    "hover.threshold_below": ("**threshold**: crossed when the score falls below {points}",
                              "**阈值**:分数降到 {points} 以下时越过"),
    "timeline.score_regains": ("score regains {points}: {after}", "分数恢复 {points}:{after}"),
    "timeline.score_capped": ("version {version} holds the score to its cap: {before} -> {after}",
                              "版本 {version} 把分数限于其上限:{before} -> {after}"),
    "timeline.score_started": ("version {version} starts the score at {after}: {before} -> {after}",
                               "版本 {version} 的初始分数为 {after}:{before} -> {after}"),
})

# ---- levels (issue 11): a rule's outcome as a level of an ordered set
_section({
    "noun.level_set": ("level set", "等级集"),
    "noun.level": ("level", "等级"),
    "check.level_twice": ("level `{name}` is declared twice in level set `{set}`",
                          "等级 `{name}` 在等级集 `{set}` 中声明了两次"),
    "check.level_default_twice": ("level set `{set}` has its default twice", "等级集 `{set}` 的默认等级写了两次"),
    "check.levels_no_default": ("level set `{set}` has no default level", "等级集 `{set}` 没有默认等级"),
    "check.levels_no_default.help": ("add `default LEVEL`: the level of a seller no row places",
                                     "请加上 `default LEVEL`:没有任何行给出等级的卖家的等级"),
    "check.two_levels": ("this row already gives a level of level set `{set}`",
                         "这一行已经给出了等级集 `{set}` 的一个等级"),
    "check.two_levels.help": ("a row gives one level of each set: keep the worse one",
                              "一行对每个等级集只给出一个等级:请保留较差的那个"),
    "semdiff.level": ("level {set} {level}", "等级 {set} {level}"),
    "semdiff.level_default": ("level {set} {level} (the default: no row places the seller)",
                              "等级 {set} {level}(默认:没有哪一行给出等级)"),
})

# ---- the language server over issue 11's constructs (tspol.lsp.hover, tspol.lsp.edits)
_section({
    "hover.level_set": ("levels best first: {levels}", "等级由好到差:{levels}"),
    "hover.level_default": ("default `{level}`", "默认 `{level}`"),
    "hover.level_rank": ("level {rank} of {count} of `{set}`{set_name}, best first",
                         "`{set}`{set_name} 由好到差的第 {rank} 级(共 {count} 级)"),
    "hover.level_is_default": ("the default", "默认等级"),
    "hover.param": ("the first of its cases that holds gives its value", "由第一个成立的情形给出取值"),
    "hover.case.when": ("when `{condition}`: {value}", "当 `{condition}`:{value}"),
    "hover.case.in": ("in {regions}: {value}", "在 {regions}:{value}"),
    "hover.case.otherwise": ("otherwise: {value}", "其他情况:{value}"),
    "hover.sum": ("the sum of {terms}", "{terms} 之和"),
    "hover.weighted_sum": ("the weighted sum of {terms}", "{terms} 的加权和"),
    "hover.weighted": ("{weight} × {name}", "{weight} × {name}"),
    "hover.max": ("the highest of {terms}, where each has a value", "{terms} 中的最大值(各项都有值时)"),
    "hover.min": ("the lowest of {terms}, where each has a value", "{terms} 中的最小值(各项都有值时)"),
    "hover.lasts.until": ("until {metric} is within standard", "直到 {metric} 回到标准以内"),
    "hover.lasts.while": ("while at this level", "处于该等级期间持续"),
    "hover.lasts.permanently": ("permanently", "永久"),
    "lsp.rename.a.levels": ("a level set", "等级集"),
    "lsp.rename.a.level": ("a level of this set", "同一等级集中的等级"),
})
