"""Did you mean: the known name a mistyped one most likely stands for, in bounded time."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def suggestion(word: object, names: Iterable[str]) -> str | None:
    """The name `word` most likely means: one equal to it but for case (`us` -> `US`),
    else the closest by difflib (ratio 0.6 or more), else None.

    A word more than 3 times as long as every name is not compared at all, so a 100 MB
    typo costs nothing: case folding turns one character into at most 3, and difflib's
    ratio, 2M / (len(a) + len(b)) with M at most the shorter length, cannot reach 0.6
    for a word more than 7/3 times as long as the name."""
    names = sorted(set(names))
    if not isinstance(word, str) or not names:
        return None
    longest = max(map(len, names))
    if len(word) > 3 * longest:
        return None
    folded = word.casefold()
    for name in names:
        if name.casefold() == folded:
            return name
    if 3 * len(word) > 7 * longest:
        return None
    close = difflib.get_close_matches(word, names, n=1)
    return close[0] if close else None


def did_you_mean(word: object, names: Iterable[str]) -> str:
    """`; did you mean `US`?`, or nothing."""
    close = suggestion(word, names)
    return f"; did you mean `{close}`?" if close else ""


def shown(name: str, limit: int = 60) -> str:
    """A name as a message quotes it: cut to `limit` characters (a 100 MB typo is not
    written out), each surrogate as its JSON escape (`\\ud800`), so it can be printed."""
    if len(name) > limit:
        name = name[:limit - 3] + "..."
    return name.encode("utf-8", "backslashreplace").decode("utf-8")
