"""The pack carries what it cites: the policy's source text and its reading, with the
interpretation decisions D1-D12, live in docs/policy/ of the repository, and every
decision the pack or the tests cite is stated there."""

from __future__ import annotations

import re

from conftest import PACK, ROOT

DOCS = ROOT / "docs" / "policy"
DECISION = re.compile(r"\bD(\d{1,2})\b")


def stated() -> set[int]:
    text = (DOCS / "README.md").read_text(encoding="utf-8")
    return {int(n) for n in re.findall(r"^- D(\d+) ", text, flags=re.MULTILINE)}


def test_the_source_and_its_reading_are_in_the_repository():
    source = (DOCS / "source.zh.txt").read_text(encoding="utf-8")
    assert "跨境" in source and "48" in source
    assert stated() == set(range(1, 13))
    assert "docs/policy/README.md" in (PACK / "policy.pol").read_text(encoding="utf-8")


def test_every_decision_cited_is_stated():
    cited = {}
    for path in [*PACK.glob("*.pol"), *(ROOT / "tests").rglob("*.py"), *(ROOT / "tests" / "fixtures").rglob("*.case")]:
        for number in DECISION.findall(path.read_text(encoding="utf-8")):
            cited.setdefault(int(number), path.name)
    assert set(cited) <= stated(), {n: f for n, f in cited.items() if n not in stated()}


def test_the_pack_applies_each_decision_of_the_policy_by_number():
    cited = {int(n) for path in PACK.glob("*.pol") for n in DECISION.findall(path.read_text(encoding="utf-8"))}
    assert set(range(1, 12)) <= cited, sorted(set(range(1, 12)) - cited)
