"""Pictures as element trees, written as SVG: what `tspol.docgen` (coverage maps) and
`tspol.ledgerchart` (ledger charts) draw with.

    el("text", "Late dispatch", x=Fraction(21, 2), class_="label")   # <text x="10.5" class="label">Late dispatch</text>
    standalone(svg)   # the picture as a file: the XML declaration, then the tree, indented

Lengths are Fractions, written exactly rounded to a tenth; nothing here depends on a
clock or a machine, so the same picture is the same bytes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from fractions import Fraction


def el(tag: str, *children, **attributes) -> ET.Element:
    """An element with its children (elements, texts, None, or lists of them);
    `class_` is the attribute `class`, `stroke_width` is `stroke-width`, None leaves one out."""
    element = ET.Element(tag, {_attribute_name(k): _attribute_text(v) for k, v in attributes.items()
                               if v is not None})
    _extend(element, children)
    return element


def _extend(element: ET.Element, children) -> None:
    for child in children:
        if child is None:
            continue
        if isinstance(child, str):
            if len(element):
                element[-1].tail = (element[-1].tail or "") + child
            else:
                element.text = (element.text or "") + child
        elif isinstance(child, ET.Element):
            element.append(child)
        else:
            _extend(element, child)


def _attribute_name(key: str) -> str:
    return key.rstrip("_") if key.endswith("_") else key.replace("_", "-")


def _attribute_text(value) -> str:
    return px(value) if isinstance(value, Fraction) else str(value)


def px(value) -> str:
    """A length or a position, exactly rounded to a tenth: `84.5`, `-3`."""
    tenths = round(Fraction(value) * 10)
    whole, tenth = divmod(abs(tenths), 10)
    return ("-" if tenths < 0 else "") + str(whole) + (f".{tenth}" if tenth else "")


def text_width(text: str, size: int) -> Fraction:
    """About how wide a text is drawn: a wide (CJK) character is one em, any other 3/5 of one."""
    return sum((Fraction(size) if ord(c) >= 0x2E80 else Fraction(size * 3, 5) for c in text), Fraction(0))


def serialize(element: ET.Element) -> str:
    """The tree as text, indented one space a level (it is indented in place)."""
    ET.indent(element, space=" ")
    return ET.tostring(element, encoding="unicode", short_empty_elements=False)


def standalone(svg: ET.Element) -> str:
    """A picture as a file of its own."""
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + serialize(svg) + "\n"
