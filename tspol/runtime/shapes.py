"""What `tspol eval --fields` (or `--shape`) keeps of each decision.

    fields = parse_fields("points,warning,violations.rule,violations.row")
    keep(decision, fields)   # {"points": 3, "warning": False, "violations": [{"rule": ..., "row": 2}]}

A field is a key of the decision, or `list.key` for a key of each item of one of
its lists; the kept decision has its keys in the order the decision has them. In a
pack that declares levels (issue 11), `levels` is a field too, and `levels.SET` one
level set of it (`parse_fields(text, level_sets)`, the pack's sets in declaration
order): `levels` is an object, not a list, so `levels.SET` keeps that key of it.
`lean_enough(fields)` says whether the lean decision (a module's `decide`) holds
every field asked for, so that the texts need not be made at all.
"""

from __future__ import annotations

from tspol.messages import Message, Words, say
from tspol.runtime.decision import LEAN_VIOLATION

# Every key of a decision, and of each item of its lists.
KEYS = {
    "region": (),
    "points": (),
    "warning": (),
    "violations": ("rule", "table", "row", "points", "warning", "limit", "measures", "where", "because"),
    "findings": ("rule", "metric", "value", "standard"),
    "not_applicable": ("rule", "metric", "cause", "reason"),
    "discretionary": ("rule", "measures"),
}
SHAPES = {
    "lean": ("region", "points", "warning", *(f"violations.{key}" for key in LEAN_VIOLATION)),
    "full": tuple(KEYS),
}
LEAN = {"region": (), "points": (), "warning": (), "violations": LEAN_VIOLATION}
LEVELS = "levels"  # the decision's object of each level set's level, in a pack that has sets

Fields = tuple[tuple[str, tuple[str, ...] | None], ...]  # (key, the keys of its items kept, or None: all)


def keys(level_sets: tuple[str, ...] = ()) -> dict[str, tuple[str, ...]]:
    """Every field of a decision, with its items' keys: KEYS, and `levels` with the
    pack's level sets when it declares any."""
    return KEYS | {LEVELS: tuple(level_sets)} if level_sets else KEYS


def parse_fields(text: str, level_sets: tuple[str, ...] = ()) -> Fields:
    """`points,violations.rule` as fields (`levels.health` too, for a pack whose
    `level_sets` are given); ValueError saying what is wrong and what the fields can
    be. `seller_id` may be named: it is always written, when given."""
    known = keys(level_sets)
    wanted: dict[str, list[str] | None] = {}
    for field in (part.strip() for part in text.split(",")):
        if not field:
            raise ValueError(say("fields.empty", text=repr(text)))
        key, dot, item = field.partition(".")
        if field == "seller_id":  # written first with every decision that has one, asked for or not
            continue
        if key not in known:
            raise ValueError(say("fields.unknown", field=key, close=_close(key, known), fields=", ".join(known)))
        if not dot:
            wanted[key] = None
            continue
        items = known[key]
        if item not in items:
            listed = ", ".join(f"{key}.{name}" for name in items) if items else say("fields.not_a_list", key=key)
            raise ValueError(say("fields.unknown_item", field=field, close=_close(item, items, key + "."), key=key,
                                 listed=listed))
        if wanted.get(key, []) is not None and item not in wanted.setdefault(key, []):
            wanted[key].append(item)
    return tuple((key, None if wanted[key] is None else tuple(k for k in known[key] if k in wanted[key]))
                 for key in known if key in wanted)


def shape_fields(name: str, level_sets: tuple[str, ...] = ()) -> Fields:
    """The fields of a shape; with a pack's `level_sets`, its levels too (the lean
    decision of a pack with levels has them)."""
    return parse_fields(",".join(SHAPES[name] + ((LEVELS,) if level_sets else ())), level_sets)


def keep(decision: dict, fields: Fields) -> dict:
    """The fields of a decision (full or lean), in the decision's order."""
    kept = {}
    for key, items in fields:
        value = decision[key]
        if items is None:
            kept[key] = value
        elif key == LEVELS:  # an object of the sets: the sets kept
            kept[key] = {name: value[name] for name in items}
        else:
            kept[key] = [{name: item[name] for name in items} for item in value]
    return kept


def levels_kept(fields: Fields | None, level_sets: tuple[str, ...]) -> tuple[str, ...]:
    """The level sets written of a pack's `level_sets` (declaration order) when `fields`
    are kept (None: the whole decision, every set)."""
    if fields is None:
        return tuple(level_sets)
    kept = dict(fields)
    if LEVELS not in kept:
        return ()
    return tuple(level_sets) if kept[LEVELS] is None else kept[LEVELS]


def lean_enough(fields: Fields) -> bool:
    """Whether the lean decision has every field (each list item's keys included);
    it has a pack's `levels` whole."""
    return all(key == LEVELS or key in LEAN and (items is not None or not LEAN[key] or LEAN[key] == KEYS[key])
               and all(name in LEAN[key] for name in items or ()) for key, items in fields)


def _close(name: str, names, prefix: str = "") -> Message | str:
    import difflib

    found = difflib.get_close_matches(name, list(names), n=1, cutoff=0.6)
    return say("fields.close", name=f"{prefix}{found[0]}") if found else ""
