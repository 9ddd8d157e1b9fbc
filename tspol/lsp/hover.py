"""What the editor shows over a name or a table row, as Markdown.

Over a name: its declaration, what it is (an input's type and unit, a metric's
ratio, standard and `only if`), its names and descriptions in English and
Chinese, where it is declared and where it is used. Over a row: what the row
decides, in words, as a decision explains it (tspol.compiler.explain).

Texts from the policy are escaped: the editor renders them as they are written,
never as Markdown of their own (a link, an image, HTML).
"""

from __future__ import annotations

import re

from tspol.compiler.explain import OTHERWISE, because_quantities, interval_words, outcome_text, quantity_label, row_place
from tspol.dsl import ast
from tspol.dsl.formatter import block_header, condition_text, names_text, quantity_text, reason_range_text
from tspol.dsl.pack import KIND_WORDS
from tspol.lsp.index import LEVEL_SET, QUANTITY
from tspol.lsp.snapshot import Snapshot
from tspol.messages import Message, Words, say, text

MOST_PLACES = 20  # declarations listed under "used in"; more are counted
# A sign that starts a Markdown construct: one of these anywhere, or any ASCII punctuation
# at the start (a heading, a list item, `1.`).
_MARKDOWN = re.compile(r"^[0-9]*[!-/:-@\[-`{-~]|[\\`*_\[\]<>|~&]")


def hover(snapshot: Snapshot, path: str, line: int, column: int, lang: str = "en") -> str | None:
    """What the editor shows at a place, in `lang`: over a name, what it is; over a row,
    what it decides (in both languages, `lang` first)."""
    index = snapshot.index
    occurrence = index.at(path, line, column)
    if occurrence is not None:
        return about_name(snapshot, occurrence.namespace, occurrence.name, lang)
    row = index.row_at(path, line, column)
    if row is not None:
        return about_row(snapshot, row, lang)
    return about_score(index.declaration_at(path, line, column), line, column, lang)


# ---- a more general ledger (issue 11): signed scores
def about_score(decl, line: int, column: int, lang: str = "en") -> str | None:
    """Over a statement of a score ledger, what it means; None elsewhere."""
    if not isinstance(decl, ast.Ledger):
        return None
    for item in decl.items:
        span = item.span
        if (span.line, span.column) <= (line, column) <= (span.end_line, span.end_column):
            message = _score_words(item)
            return text(message, lang) if message is not None else None
    return None


def _score_words(item) -> Message | None:
    if isinstance(item, ast.Score):
        cap = item.cap if item.cap is not None else item.start
        return say("hover.score", start=quantity_text(item.start), cap=quantity_text(cap))
    if isinstance(item, ast.Regain) and item.every is not None:
        return say("hover.regain", points=quantity_text(item.points), every=quantity_text(item.every))
    if isinstance(item, ast.ScoreDeactivation):
        return say("hover.score_floor", score=quantity_text(item.score))
    if isinstance(item, ast.Threshold) and item.below:
        return say("hover.threshold_below", points=quantity_text(item.points))
    return None


# ---- names

def about_name(snapshot: Snapshot, namespace: str, name: str, lang: str = "en") -> str:
    symbols = snapshot.index.definitions(namespace, name)
    if not symbols:
        return say("hover.undeclared", name=name).text(lang)
    decl = symbols[0].decl
    parts = ["```tspol\n" + "\n".join(block_header(s.decl)[0] for s in symbols) + "\n```",
             _summary(snapshot, symbols[0].kind, decl, lang)]
    parts += [line for line in (_texts(decl), _conditions(decl, lang)) if line]
    places = _escape(", ".join(snapshot.where(s.span.path, s.span.line) for s in symbols))
    parts.append(say("hover.declared_at", places=places).text(lang))
    parts.append(_used_in(snapshot, namespace, name, lang))
    return "\n\n".join(parts)


def _summary(snapshot: Snapshot, kind: str, decl, lang: str) -> str:
    """`**input** `late_orders`: a count, part of `orders_7d`, higher is worse`."""
    head = f"**{kind}** `{decl.name.value}`"
    facts: list = []
    if isinstance(decl, (ast.Input, ast.Metric, ast.Param)):
        facts.append(quantity_words(snapshot, decl.name.value, lang))
    if isinstance(decl, ast.Metric) and decl.combination is not None:
        facts.append(combination_words(decl.combination))
    if isinstance(decl, ast.Param):
        facts.append(say("hover.param"))
    if isinstance(decl, ast.LevelSet):
        facts += _level_set_words(decl, lang)
    if isinstance(decl, ast.Level):
        facts += _level_words(snapshot, decl, lang)
    if isinstance(decl, ast.Input):
        facts += [say("hover.part_of", whole=part.whole.value) for part in decl.items_of(ast.PartOf)]
    if isinstance(decl, (ast.Input, ast.Metric)):
        facts += [say(f"hover.worse.{direction.worse}") for direction in decl.items_of(ast.Direction)]
    if isinstance(decl, ast.WindowMetric):
        facts.append(quantity_words(snapshot, decl.name.value, lang))
        chosen = dict.fromkeys(case.value.value for case in decl.cases)
        facts.append(say("hover.window", metrics=", ".join(f"`{name}`" for name in chosen)))
    if isinstance(decl, ast.Basis):
        facts.append(say("hover.basis", source=decl.source.value))
        facts += [say(f"hover.rounded.{rounding.mode}") for rounding in decl.items_of(ast.Rounding)]
    if isinstance(decl, ast.Rule):
        facts += _rule_words(decl)
    if isinstance(decl, ast.Reason):
        facts.append(say("hover.category", category=decl.category.value))
        facts += [say(f"hover.points.{p.source}") for p in decl.items_of(ast.ReasonPoints)]
        facts += [say("hover.points.stated", points=reason_range_text(r)) for r in decl.items_of(ast.ReasonRange)]
    if isinstance(decl, ast.Measure):
        facts += _open_ended_words(snapshot, decl.name.value)
    if isinstance(decl, ast.Policy):
        facts += [say("hover.version", version=_escape(v.value)) for v in decl.items_of(ast.Version)]
        facts += [say("hover.effective", date=e.date) for e in decl.items_of(ast.Effective)]
    said = [text(fact, lang) for fact in facts if fact]
    if not said:
        return head
    return head + (":" + ";".join(said) if lang == "zh" else ": " + ", ".join(said))


def quantity_words(snapshot: Snapshot, name: str, lang: str = "en") -> str:
    """`a count`, `a rate`, `a duration in minutes`, `an amount of money in USD`: what
    the checker found, else what the declaration says (while the pack has errors)."""
    pack = snapshot.pack
    quantity = pack.quantities.get(name) if pack is not None else None
    if quantity is not None:
        kind, unit = quantity.kind, quantity.unit
    else:
        kind, unit = _declared_kind(snapshot, name)
    if kind not in KIND_WORDS:
        return ""
    words = say(f"hover.kind.{kind}")
    return (say("hover.unit", kind=words, unit=unit) if unit else words).text(lang)


def _declared_kind(snapshot: Snapshot, name: str, seen: frozenset = frozenset()) -> tuple[str | None, str | None]:
    symbols = snapshot.index.definitions(QUANTITY, name)
    decl = symbols[0].decl if symbols else None
    if isinstance(decl, ast.Input):
        return decl.type.kind, decl.type.unit.value if decl.type.unit is not None else None
    if isinstance(decl, (ast.Param, ast.WindowMetric)):
        return decl.type.kind, decl.type.unit.value if decl.type.unit is not None else None
    if isinstance(decl, ast.Metric):
        if decl.denominator is not None:
            return "rate", None
        if decl.numerator.value not in seen:
            return _declared_kind(snapshot, decl.numerator.value, seen | {name})
    return None, None


def combination_words(combination: ast.Combination) -> Message:
    """`the sum of `a`, `b` and `c``, `the weighted sum of 2 × `LSR` and 0.5 × `CR``,
    `the highest of `LSR` and `CR`, where each has a value`."""
    def term(t: ast.Term) -> str | Message:
        name = f"`{t.name.value}`"
        return name if t.weight is None else say("hover.weighted", weight=quantity_text(t.weight), name=name)

    terms = Words(map(term, combination.terms))
    if combination.function is not None:
        return say(f"hover.{combination.operation}", terms=terms) if combination.operation in ("max", "min") else None
    weighted = any(t.weight is not None for t in combination.terms)
    return say("hover.weighted_sum" if weighted else "hover.sum", terms=terms)


def _level_set_words(levels: ast.LevelSet, lang: str) -> list[Message | str]:
    """`Account health`, `levels best first: `green` (Green), ...`, `default `green``."""
    named = [_escape(name)] if (name := levels.text("name", lang)) else []
    return named + [say("hover.level_set", levels=Words(map(lambda level: _level_label(level, lang), levels.levels)))] + \
        [say("hover.level_default", level=d.name.value) for d in levels.items_of(ast.LevelDefault)]


def _level_words(snapshot: Snapshot, level: ast.Level, lang: str) -> list[Message | str]:
    """`Orange`, `level 3 of 4 of `health` (Account health), best first`, and `the default`."""
    levels = next(s.decl for s in snapshot.index.symbols if s.kind == LEVEL_SET and level in s.decl.levels)
    set_name = levels.text("name", lang)
    rank = next(n for n, other in enumerate(levels.levels, 1) if other is level)
    facts = [_escape(name)] if (name := level.text("name", lang)) else []
    facts.append(say("hover.level_rank", rank=rank, count=len(levels.levels), set=levels.name.value,
                     set_name=f"{'' if lang == 'zh' else ' '}({_escape(set_name)})" if set_name else ""))
    defaults = {d.name.value for d in levels.items_of(ast.LevelDefault)}
    return facts + ([say("hover.level_is_default")] if level.name.value in defaults else [])


def _level_label(level: ast.Level, lang: str) -> str:
    name = level.text("name", lang)
    return f"`{level.name.value}`" + (f"{'' if lang == 'zh' else ' '}({_escape(name)})" if name else "")


def _rule_words(rule: ast.Rule) -> list[Message]:
    facts = [say("hover.on", metric=on.name.value) for on in rule.items_of(ast.OnMetric)]
    facts += [say("hover.reason", reason=ref.name.value) for ref in rule.items_of(ast.ReasonRef)]
    rows = sum(len(table.rows) for table in rule.tables)
    if rule.tables:
        facts.append(say("hover.tables", tables=_count("table", len(rule.tables)), rows=_count("row", rows)))
    facts += [say("hover.may", measures=names_text(may.names)) for may in rule.items_of(ast.May)]
    return facts


def _open_ended_words(snapshot: Snapshot, measure: str) -> list[Message]:
    """`from threshold 4 until LDR is within standard`, `from threshold 8 while at this level`:
    how long a threshold imposes the measure when it lasts until a metric or a level (issue 11)."""
    return [say("hover.open_ended", points=quantity_text(threshold.points), lasts=lasts_words(item.lasts))
            for file in snapshot.index.files.values() for ledger in file.decls if isinstance(ledger, ast.Ledger)
            for threshold in ledger.items_of(ast.Threshold) for item in threshold.measures
            if item.measure.value == measure and item.lasts is not None]


def lasts_words(lasts: ast.UntilWithin | ast.WhileLevel | None) -> Message:
    """How long a measure without `for N` lasts, in words: `until LDR is within standard`,
    `while at this level` or `permanently`."""
    if isinstance(lasts, ast.UntilWithin):
        return say("hover.lasts.until", metric=_escape(lasts.metric.value))
    return say("hover.lasts.while" if isinstance(lasts, ast.WhileLevel) else "hover.lasts.permanently")


def _texts(decl) -> str:
    lines = [f"- {item.kind} ({item.lang.value}): {_escape(item.value)}"
             for item in getattr(decl, "texts", ()) if item.kind in ("name", "description")]
    return "\n".join(lines)


def _conditions(decl, lang: str) -> str:
    if isinstance(decl, (ast.Param, ast.WindowMetric)):
        return "\n".join("- " + _case_words(case).text(lang) for case in decl.cases)
    if not isinstance(decl, ast.Metric):
        return ""
    lines = ["- " + say("hover.standard", condition=condition_text(s.condition)).text(lang)
             for s in decl.items_of(ast.Standard)]
    lines += ["- " + say("hover.only_if", condition=condition_text(o.condition)).text(lang)
              for o in decl.items_of(ast.OnlyIf)]
    return "\n".join(lines)


def _case_words(case: ast.ParamCase) -> Message:
    """`when `orders_30d > 75`: 5%`, `in US, UK: 4%`, `otherwise: `ODR_12m``."""
    value = f"`{case.value.value}`" if isinstance(case.value, ast.Name) else quantity_text(case.value)
    if case.condition is not None:
        return say("hover.case.when", condition=condition_text(case.condition), value=value)
    if case.regions:
        return say("hover.case.in", regions=names_text(case.regions), value=value)
    return say("hover.case.otherwise", value=value)


def _used_in(snapshot: Snapshot, namespace: str, name: str, lang: str) -> str:
    """`Used in:` each declaration that uses the name, with the lines."""
    places: dict[int, tuple[object, list]] = {}
    for use in snapshot.index.uses_of(namespace, name):
        places.setdefault(id(use.within), (use.within, []))[1].append(use.span)
    if not places:
        return say("hover.unused").text(lang)
    lines = []
    for within, spans in list(places.values())[:MOST_PLACES]:
        numbers = list(dict.fromkeys(span.line for span in spans))
        where = snapshot.where(spans[0].path, numbers[0]) + "".join(f", {n}" for n in numbers[1:])
        lines.append(f"- `{block_header(within)[0]}` ({_escape(where)})")
    if len(places) > MOST_PLACES:
        lines.append("- " + say("hover.more", count=len(places) - MOST_PLACES).text(lang))
    return say("hover.used_in").text(lang) + "\n" + "\n".join(lines)


# ---- rows

def about_row(snapshot: Snapshot, row: ast.Row, lang: str = "en") -> str:
    found = snapshot.rows.get(row.span)
    if found is None:
        return say("hover.row_unchecked").text(lang)
    rule, table, row_ir, *by_region = found
    program = snapshot.program
    other = "en" if lang == "zh" else "zh"
    if by_region:  # a row comparing with a param whose cases differ by region
        return "\n\n".join([f"**{_escape(row_place(rule, table, row_ir, lang).format())}**"] + [
            f"*{_escape(', '.join(regions))}*: " + meaning(program, row, lang) for regions, _, _, row in by_region[0]])
    return "\n\n".join([f"**{_escape(row_place(rule, table, row_ir, lang).format())}**",
                        meaning(program, row_ir, lang), meaning(program, row_ir, other)])


def meaning(program, row, lang: str) -> str:
    """What a row decides, as Markdown: `Sellers whose LDR is at least 25% and below 50%,
    and whose late_orders is at least 5, get 5 points.`; a row of several boxes (`or`)
    lists them, any of which gives the outcome; an `otherwise` row says its metric has a
    value no other row of its table covers."""
    outcome = outcome_text(program, row, lang).format(cap="")
    if row.otherwise:
        label = quantity_label(program, because_quantities(row)[0], lang)
        if lang == "zh":
            return _escape(f"{label} 有值,且{OTHERWISE['zh']}:{outcome}。")
        return _escape(f"Sellers whose {label} has a value, where {OTHERWISE['en']}, get {outcome}.")
    boxes = [[(quantity_label(program, name, lang), interval_words(program, name, interval, lang))
              for name, interval in box] for box in row.boxes]
    if len(boxes) == 1:
        return _escape(_one_box(boxes[0], outcome, lang))
    head = f"以下任一情形:{outcome}。" if lang == "zh" else f"Sellers get {outcome} where any of these holds:"
    sep = ";" if lang == "zh" else "; "
    return "\n".join([_escape(head)] + [
        "- " + _escape(sep.join(f"{label} {words}" if lang == "zh" else f"{label} is {words}" for label, words in box))
        for box in boxes])


def _one_box(facts: list[tuple[str, str]], outcome: str, lang: str) -> str:
    if lang == "zh":
        return ";".join(f"{label} {words}" for label, words in facts) + f":{outcome}。"
    return "Sellers whose " + ", and whose ".join(f"{label} is {words}" for label, words in facts) + \
        f"{',' if len(facts) > 1 else ''} get {outcome}."


def _escape(text: str) -> str:
    """Policy text shown as written: every Markdown sign escaped, lines kept on one."""
    return _MARKDOWN.sub(lambda match: match.group()[:-1] + "\\" + match.group()[-1], text.replace("\n", " "))


def _count(word: str, n: int) -> Message:
    return say(f"hover.{word}.one") if n == 1 else say(f"hover.{word}.many", count=n)
