"""A decision as attrs objects, built from (and turned back into) the decision dict.

The dict is the contract: what a compiled module's `evaluate` returns, and what
`tspol eval --format json` prints (with the line's `seller_id` first, which is
not part of a decision). `Decision.from_dict(d).to_dict() == d` for a decision
dict, key order included.
"""

from __future__ import annotations

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


@attrs.frozen
class Decision:
    region: str
    points: int
    warning: bool
    violations: tuple[Violation, ...] = ()
    findings: tuple[Finding, ...] = ()
    not_applicable: tuple[NotApplicable, ...] = ()
    discretionary: tuple[Discretionary, ...] = ()

    @classmethod
    def from_dict(cls, d: Mapping) -> Decision:
        return cls(
            region=d["region"], points=d["points"], warning=d["warning"],
            violations=tuple(Violation.from_dict(v) for v in d["violations"]),
            findings=tuple(Finding.from_dict(f) for f in d["findings"]),
            not_applicable=tuple(NotApplicable.from_dict(n) for n in d["not_applicable"]),
            discretionary=tuple(Discretionary.from_dict(m) for m in d["discretionary"]),
        )

    def to_dict(self) -> dict:
        return {
            "region": self.region,
            "points": self.points,
            "warning": self.warning,
            "violations": [v.to_dict() for v in self.violations],
            "findings": [f.to_dict() for f in self.findings],
            "not_applicable": [n.to_dict() for n in self.not_applicable],
            "discretionary": [m.to_dict() for m in self.discretionary],
        }
