"""A range of two figures is no claim (constructed sentences, numbers illustrative)."""

from __future__ import annotations

import pytest

from tradecheck.claims.parse import parse
from tradecheck.claims.ranges import in_range


def _at(text: str, written: str) -> bool:
    i = text.index(written)
    return in_range(text, i, i + len(written))


@pytest.mark.parametrize(
    "text, written",
    [
        ("grew 13-14% last year", "14%"),
        ("grew 13%-14% last year", "13%"),
        ("grew 13%-14% last year", "-14%"),
        ("was $200–220 billion", "220 billion"),
        ("вырос на 12,5 — 13 процентов", "13 процентов"),
        ("增长20%~25%", "25%"),
    ],
)
def test_an_end_of_a_range(text: str, written: str) -> None:
    assert _at(text, written)


@pytest.mark.parametrize(
    "text, written",
    [
        ("2023 -5% on the year", "-5%"),  # a year, then a change
        ("rose 5% to $10 billion", "5%"),
        ("rose 5% to $10 billion", "$10 billion"),
        ("增长5%至1000亿美元", "1000亿美元"),
        ("in 2021-22 it was $73 billion", "$73 billion"),
    ],
)
def test_not_a_range(text: str, written: str) -> None:
    assert not _at(text, written)


def test_parse_drops_a_range_but_keeps_change_and_level() -> None:
    assert parse("Trade between Russia and China grew 13-14% in 2023.", pair=("RUS", "CHN")) == []
    kept = parse(
        "Trade between Russia and China rose 26% to $240 billion in 2023.", pair=("RUS", "CHN")
    )
    assert [c.quantity for c in kept] == ["pct_change", "level"]
