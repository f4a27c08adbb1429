"""Whose imports an unmarked flow word means when its sentence names the partner ("bought
more from China than exporting to it, with $9 billion in imports against $3 billion in
exports"): resolve/direction.py ``marked_partner``, the "than" cut of the window around a
flow word and the flow word joined to an amount (concept ``flow_after_amount``).
Constructed sentences."""

from __future__ import annotations

import pytest

from tradecheck.claims.context import Doc
from tradecheck.claims.parse import detect, normalise, parse
from tradecheck.claims.resolve.direction import marked_partner

PAIR = ("UZB", "CHN")


def _named(text: str) -> tuple[Doc, list]:
    norm = normalise(text)
    doc = Doc.read(text, norm, detect(norm), None, PAIR)
    return doc, [c for c in doc.countries_in(0, len(norm)) if c.iso in PAIR]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Uzbekistan bought more from China", "CHN"),
        ("Uzbekistan's trade with China", "CHN"),
        ("Uzbekistan and China", None),
        ("exports from Uzbekistan to China", None),
    ],
)
def test_marked_partner(text: str, expected: str | None):
    assert marked_partner(*_named(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        (
            "In 2023 Uzbekistan bought far more goods from China than exporting to it, with "
            "$9 billion in imports against $3 billion in exports."
        ),
        (
            "In 2023 Uzbekistan bought far more goods from China than it sold to it, with "
            "$9 billion in imports against $3 billion in exports."
        ),
    ],
)
def test_imports_and_exports_joined_to_their_amounts(text: str):
    got = parse(text, as_of="2024-02-10", pair=PAIR)
    assert [c.direction for c in got] == ["CHN->UZB", "UZB->CHN"]
