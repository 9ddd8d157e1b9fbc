"""A decision as attrs objects, built from (and turned back into) the decision dict.

The dict is the contract: what a compiled module's `evaluate` returns, and what
`tspol eval --format json` prints (with the line's `seller_id` first, which is
not part of a decision). `Decision.from_dict(d).to_dict() == d` for a decision
dict, key order included. A `Decision` reads its lists from the dict when they
are first asked for, so that `Policy.evaluate` costs little more than the dict.

`lean(d)` is what a module's `decide` returns for the same seller: the decision
without its words (`where`, `because`, findings, not-applicable entries,
discretionary measures).
"""

from __future__ import annotations

import copy
from collections.abc import Mapping

import attrs


@attrs.frozen
class Limit:
    """An order volume limit: `days` long, daily orders capped at `percent`% of `basis`;
    `daily_cap` in orders when the basis input was given (D9)."""

    days: int
    percent: int | str
    basis: str
    daily_cap: int | None = None

    @classmethod
    def from_dict(cls, d: Mapping) -> Limit:
        return cls(d["days"], d["percent"], d["basis"], d.get("daily_cap"))

    def to_dict(self) -> dict:
        out = {"days": self.days, "percent": self.percent, "basis": self.basis}
        if self.daily_cap is not None:
            out["daily_cap"] = self.daily_cap
        return out


@attrs.frozen
class Violation:
    """A row that fired: `where` is its `.pol` file and line."""

    rule: str
    table: str | None
    row: int
    points: int
    warning: bool
    limit: Limit | None
    measures: tuple[str, ...]
    where: str
    because: str

    @classmethod
    def from_dict(cls, d: Mapping) -> Violation:
        limit = Limit.from_dict(d["limit"]) if d["limit"] is not None else None
        return cls(d["rule"], d["table"], d["row"], d["points"], d["warning"], limit,
                   tuple(d["measures"]), d["where"], d["because"])

    def to_dict(self) -> dict:
        return {"rule": self.rule, "table": self.table, "row": self.row, "points": self.points,
                "warning": self.warning, "limit": self.limit.to_dict() if self.limit else None,
                "measures": list(self.measures), "where": self.where, "because": self.because}


@attrs.frozen
class Finding:
    """A metric outside its standard: `value` like `12/40`, `standard` like `< 4%`."""

    rule: str
    metric: str
    value: str
    standard: str

    @classmethod
    def from_dict(cls, d: Mapping) -> Finding:
        return cls(d["rule"], d["metric"], d["value"], d["standard"])

    def to_dict(self) -> dict:
        return attrs.asdict(self)


@attrs.frozen
class NotApplicable:
    """A quantity a rule needs that is undefined: `cause` is `absent`, `only_if`
    or `zero_denominator`; `reason` says it in words."""

    rule: str
    metric: str
    cause: str
    reason: str

    @classmethod
    def from_dict(cls, d: Mapping) -> NotApplicable:
        return cls(d["rule"], d["metric"], d["cause"], d["reason"])

    def to_dict(self) -> dict:
        return attrs.asdict(self)


@attrs.frozen
class Discretionary:
    """Measures that may follow a rule's breach, at the platform's discretion."""

    rule: str
    measures: tuple[str, ...]

    @classmethod
    def from_dict(cls, d: Mapping) -> Discretionary:
        return cls(d["rule"], tuple(d["measures"]))

    def to_dict(self) -> dict:
        return {"rule": self.rule, "measures": list(self.measures)}


# What a lean decision keeps of each violation, in this order.
LEAN_VIOLATION = ("rule", "table", "row", "points", "warning", "limit", "measures")


def lean(decision: Mapping) -> dict:
    """The lean decision (a module's `decide`) that a full decision dict implies."""
    out = {"region": decision["region"], "points": decision["points"], "warning": decision["warning"],
           "violations": [{key: v[key] for key in LEAN_VIOLATION} for v in decision["violations"]]}
    if "levels" in decision:  # a pack that declares levels (issue 11)
        out["levels"] = dict(decision["levels"])
    return out


_LISTS = {"violations": Violation, "findings": Finding, "not_applicable": NotApplicable,
          "discretionary": Discretionary}


class Decision:
    """A seller's decision: `region`, `points`, `warning`, and tuples of `violations`,
    `findings`, `not_applicable` and `discretionary` made from the decision dict the
    first time each is read. Immutable, compared and hashed by value."""

    __slots__ = ("_dict", *_LISTS)

    def __init__(self, region: str, points: int, warning: bool, violations=(), findings=(),
                 not_applicable=(), discretionary=()):
        _set_dict(self, {"region": region, "points": points, "warning": warning})
        for name, items in zip(_LISTS, (violations, findings, not_applicable, discretionary)):
            object.__setattr__(self, name, tuple(items))

    @classmethod
    def from_dict(cls, d: Mapping) -> Decision:
        """The decision of a decision dict, which it keeps: the dict must not change after."""
        decision = _new(cls)
        _set_dict(decision, d)
        return decision

    @property
    def region(self) -> str:
        return self._dict["region"]

    @property
    def points(self) -> int:
        return self._dict["points"]

    @property
    def warning(self) -> bool:
        return self._dict["warning"]

    @property
    def levels(self) -> dict[str, str] | None:
        """Each level set's level (a pack that declares levels), else None."""
        found = self._dict.get("levels")
        return None if found is None else dict(found)

    @property
    def headroom(self) -> tuple[dict, ...] | None:
        """How close to a worse outcome (`evaluate(..., headroom=True)`), else None."""
        found = self._dict.get("headroom")
        return None if found is None else tuple(found)

    @property
    def recovery(self) -> tuple[dict, ...] | None:
        """The way back within each standard (`evaluate(..., headroom=True)`), else None."""
        found = self._dict.get("recovery")
        return None if found is None else tuple(found)

    def __getattr__(self, name: str):
        """A list not read yet (only slots that are still empty get here)."""
        kind = _LISTS.get(name)
        if kind is None:
            raise AttributeError(name)
        items = tuple(kind.from_dict(item) for item in self._dict[name])
        object.__setattr__(self, name, items)
        return items

    def __setattr__(self, name, value):
        raise attrs.exceptions.FrozenInstanceError()

    def __delattr__(self, name):
        raise attrs.exceptions.FrozenInstanceError()

    def _key(self) -> tuple:
        return (self.region, self.points, self.warning, *(getattr(self, name) for name in _LISTS))

    def __eq__(self, other):
        if type(other) is not Decision:
            return NotImplemented
        return self._key() == other._key() and self.levels == other.levels

    def __hash__(self):
        return hash(self._key())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in ("region", "points", "warning", *_LISTS))
        return f"Decision({fields})"

    def __reduce__(self):
        return Decision, self._key()

    def to_dict(self) -> dict:
        out = {
            "region": self.region,
            "points": self.points,
            "warning": self.warning,
            **{name: [item.to_dict() for item in getattr(self, name)] for name in _LISTS},
        }
        if "levels" in self._dict:  # a pack that declares levels (issue 11)
            out["levels"] = dict(self._dict["levels"])
        for name in ("headroom", "recovery"):
            if name in self._dict:
                out[name] = copy.deepcopy(self._dict[name])
        return out


_new = object.__new__
_set_dict = Decision._dict.__set__  # the slot's own setter: quicker than object.__setattr__
