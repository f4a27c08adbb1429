"""Pinyin glosses and vague Chinese counts (constructed examples)."""

from __future__ import annotations

import pytest

from tradecheck.claims._lang import drop_glosses
from tradecheck.claims.mentions import find_amounts


@pytest.mark.parametrize(
    ("text", "clean"),
    [
        ("貿(mào)易額", "貿易額"),
        ("經(jīng)濟與(yǔ)貿(mào)易", "經濟與貿易"),
        ("出口(EUR)增長5%", "出口(EUR)增長5%"),  # no tone mark: not a gloss
        ("Handel (mào)", "Handel (mào)"),  # not after a Han character
        ("增長(同比)4%", "增長(同比)4%"),
    ],
)
def test_drop_glosses(text: str, clean: str) -> None:
    assert drop_glosses(text) == clean


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("贸易额增长数十倍", []),
        ("贸易额增长几倍", []),
        ("贸易额增长十倍", [10.0]),
        ("增长两倍", [2.0]),
    ],
)
def test_vague_chinese_multiples_are_no_amount(text: str, values: list[float]) -> None:
    assert [a.value for a in find_amounts(text, "zh") if a.kind == "ratio"] == values
