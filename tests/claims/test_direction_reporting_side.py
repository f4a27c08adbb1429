"""An export or import word that names no country, in a figure whose statistics source is a
country of the pair: that country's own flow (resolve/direction.py ``reporting_side``).
Constructed sentences."""

from __future__ import annotations

import pytest

from tradecheck.claims.context import Doc
from tradecheck.claims.parse import detect, normalise, parse
from tradecheck.claims.resolve.direction import reporting_side


def _doc(text: str, pair: tuple[str, str]) -> Doc:
    norm = normalise(text)
    return Doc.read(text, norm, detect(norm), None, pair)


def _export_word(doc: Doc):
    return next(k for k in doc.mentions.keywords.between(0, len(doc.norm)) if k.kind == "export")


@pytest.mark.parametrize(
    ("text", "pair", "side"),
    [
        ("据中国海关统计,2019年中埃贸易额132亿美元,其中出口122亿美元。", ("EGY", "CHN"), "CHN"),
        ("Exports were $9 billion in 2021, Statistics Korea said.", ("KOR", "CHN"), "KOR"),
        # a third country's statistics say nothing of the pair's sides
        ("Exports were $9 billion in 2021, Statistics Korea said.", ("JPN", "CHN"), None),
        # no source at all
        ("Exports were $9 billion in 2021.", ("KOR", "CHN"), None),
    ],
)
def test_reporting_side(text: str, pair: tuple[str, str], side: str | None):
    doc = _doc(text, pair)
    assert reporting_side(doc, _export_word(doc)) == side


def test_an_unsourced_bare_export_stays_unsure():
    text = "Trade between Peru and China reached $30 billion in 2021. Exports were $20 billion."
    got = parse(text, pair=("PER", "CHN"))
    assert [c.direction for c in got] == ["both", None]
