"""Constructions of issue 13 (constructed paraphrases, never quotes): forecasts, absolute
changes, sub-year periods and Chinese multiples, lists and single months."""

from __future__ import annotations

import pytest

from tradecheck.claims import lexicon as L
from tradecheck.claims.parse import parse


def _one(text: str, pair: str = "BLR-CHN", as_of: str = "2024-03-01"):
    claims = parse(text, as_of=as_of, pair=tuple(pair.split("-")))
    assert len(claims) == 1, [c.to_json() for c in claims]
    return claims[0]


# ---------------------------------------------------------------- forecasts are not outcomes
@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Trade between Russia and China may grow to $45 billion.", "RUS-CHN"),
        ("Russia-China trade is expected to reach $250 billion in 2024.", "RUS-CHN"),
        ("Товарооборот России и Китая может превысить 60 млрд долларов.", "RUS-CHN"),
        ("В 2024 году товарооборот России и Китая составит 250 млрд долларов.", "RUS-CHN"),
        ("Der Handel mit China könnte 2024 auf 260 Milliarden Euro steigen.", "DEU-CHN"),
        ("中俄贸易额今年有望突破2500亿美元。", "RUS-CHN"),
        ("中俄贸易额今年可能超过2500亿美元。", "RUS-CHN"),
    ],
)
def test_forecast_is_no_claim(text, pair):
    assert parse(text, as_of="2024-03-01", pair=tuple(pair.split("-"))) == []


def test_the_same_sentence_as_an_outcome_is_a_claim():
    c = _one("Trade between Russia and China grew to $240 billion in 2023.", "RUS-CHN")
    assert (c.quantity, c.value, c.currency) == ("level", 240e9, "USD")


def test_every_language_file_names_forecast_words():
    for lg in L.languages():
        assert L.load(lg)["words"]["forecast"], lg
