"""Params: values that depend on a seller's volume or region (issue 11).

`param ODR_limit: rate { when orders_30d > 75 then 5%  otherwise 6% }` gives one
value to each seller: the first case that holds, in order. A case `in US, UK then
4%` holds in those regions; `otherwise` holds where no case before it does. A
param has no value for a seller whose case conditions cannot be decided (a
quantity they name has no value), or where no case holds.

A comparison with a param, `ODR < ODR_limit`, is the union over the param's cases
in the rule's region of "this case is the first that holds, and `ODR < 5%`". It is
rewritten so, in the syntax tree, before a condition becomes boxes: every engine,
the analysis and the diff read plain boxes, and nothing downstream knows params.
`not` is pushed down to the comparisons first, so that `not (ODR < ODR_limit)` is
`ODR >= ODR_limit`: like every comparison it holds only where both sides have a
value.
"""

from __future__ import annotations

from collections.abc import Mapping

from tspol.dsl import ast
from tspol.dsl.formatter import decimal_text

NEVER = ast.AnyOf(())  # a condition no seller meets: an `or` of nothing


def param_named(comparison: ast.Comparison, params: Mapping[str, ast.Param]) -> ast.Name | None:
    """The param a comparison names, if it names one."""
    return next((o for o in comparison.operands if isinstance(o, ast.Name) and o.value in params), None)


def mentions_param(condition: ast.Condition, params: Mapping[str, ast.Param]) -> bool:
    return any(param_named(c, params) is not None for c in condition.every_comparison())


def region_cases(param: ast.Param, region: str) -> list[ast.ParamCase]:
    """The cases of a param in a region, in order; nothing after a case that always holds
    there (`in` the region, or `otherwise`)."""
    cases = []
    for case in param.cases:
        if case.regions and all(r.value != region for r in case.regions):
            continue
        cases.append(case)
        if case.condition is None:
            break
    return cases


def case_guards(param: ast.Param, region: str) -> list[tuple[ast.Condition, ast.ParamCase]]:
    """Each case of a param in a region with a condition that holds where it is the first
    case that holds (its own condition and `not` of each one before it)."""
    guards, earlier = [], []
    for case in region_cases(param, region):
        own = list(case.condition.items) if case.condition is not None else []
        guards.append((ast.Condition((*own, *(_negated(c) for c in earlier)), span=case.span), case))
        if case.condition is not None:
            earlier.append(case.condition)
    return guards


def no_case_holds(param: ast.Param, region: str) -> ast.Condition | None:
    """Where a param has no value in a region although its cases' quantities have values:
    a condition, or None when a case always holds there."""
    cases = region_cases(param, region)
    if cases and cases[-1].condition is None:
        return None
    return ast.Condition(tuple(_negated(c.condition) for c in cases), span=param.span)


def without_params(condition: ast.Condition, params: Mapping[str, ast.Param], region: str) -> ast.Condition:
    """A condition with each comparison with a param written out case by case for a region."""
    if not mentions_param(condition, params):
        return condition
    return _wrap(_rewrite(condition, False, params, region))


def _rewrite(item, negated: bool, params, region: str):
    if isinstance(item, ast.Comparison):
        name = param_named(item, params)
        if name is None:
            return ast.Not(item, span=item.span) if negated else item
        return _cases(item, name, negated, params[name.value], region)
    if isinstance(item, ast.Not):
        return _rewrite(item.item, not negated, params, region)
    if isinstance(item, ast.AnyOf):
        parts = tuple(_rewrite(a, negated, params, region) for a in item.alternatives)
        return ast.Condition(parts, span=item.span) if negated else _any(parts, item.span)
    parts = tuple(_rewrite(i, negated, params, region) for i in item.items)
    return _any(parts, item.span) if negated else ast.Condition(parts, span=item.span)


def _cases(comparison: ast.Comparison, name: ast.Name, negated: bool, param: ast.Param, region: str):
    """`ODR < ODR_limit`: for each case, it is the first that holds and `ODR < value`."""
    alternatives = []
    for guard, case in case_guards(param, region):
        operands = tuple(case.value if o is name else o for o in comparison.operands)
        compared = ast.Comparison(operands, comparison.ops, span=comparison.span)
        compared = ast.Not(compared, span=comparison.span) if negated else compared
        alternatives.append(ast.Condition((compared, *guard.items), span=comparison.span))
    return _any(tuple(alternatives), comparison.span)


def _negated(condition: ast.Condition):
    item = condition.items[0] if len(condition.items) == 1 else condition
    return ast.Not(item, span=condition.span)


def _wrap(item) -> ast.Condition:
    return item if isinstance(item, ast.Condition) else ast.Condition((item,), span=item.span)


def _any(parts: tuple, span) -> ast.AnyOf | ast.Condition:
    if len(parts) == 1:
        return _wrap(parts[0])
    return ast.AnyOf(tuple(_wrap(p) for p in parts), span=span)


def box_text(box: Mapping, quantities: Mapping) -> str:
    """`orders_30d <= 75`: a box of a condition as bounds, for a diagnostic."""
    return " and ".join(_interval_text(quantities[name], interval) for name, interval in box.items())


def _interval_text(quantity, interval) -> str:
    def value(v):
        return f"{decimal_text(v * 100)}%" if quantity.kind == "rate" else decimal_text(v)

    if quantity.kind == "count":
        interval = interval.whole()
    domain = quantity.domain
    parts = []
    if interval.lo is not None and interval.lo != domain.lo:
        parts.append(f"{value(interval.lo)} {'<=' if interval.lo_closed else '<'} ")
    parts.append(quantity.name)
    if interval.hi is not None and interval.hi != domain.hi:
        parts.append(f" {'<=' if interval.hi_closed else '<'} {value(interval.hi)}")
    return "".join(parts)
