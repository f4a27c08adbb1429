"""Recall of the claim reader: constructions read in general (rec5); constructed texts."""

from __future__ import annotations

import pytest

from tradecheck.claims._numbers import spelled_decimals
from tradecheck.claims.mentions import find_amounts
from tradecheck.claims.parse import parse


@pytest.mark.parametrize(
    ("text", "pair", "value"),
    [
        ("The trade deficit between Kenya and China was $4 billion in 2020.", "KEN-CHN", -4e9),
        ("The trade deficit between China and Kenya was $4 billion in 2020.", "KEN-CHN", 4e9),
        ("In 2020 the surplus between China and Kenya was $4 billion.", "KEN-CHN", -4e9),
        ("Der Überschuss zwischen Deutschland und China lag 2020 bei 4 Mrd. Euro.", "DEU-CHN", 4e9),
    ],
)
def test_balance_between_a_and_b_is_as(text: str, pair: str, value: float) -> None:
    claims = parse(text, pair=tuple(pair.split("-")))  # type: ignore[arg-type]
    assert [(c.quantity, c.value, c.direction) for c in claims] == [("balance", value, "both")]


@pytest.mark.parametrize(
    ("text", "lang", "written"),
    [
        ("fell 31-point-six percent", "en", "fell 0000000031.6 percent"),
        ("seven-point-four billion", "en", "00000000000007.4 billion"),
        ("one-point-eight-five times", "en", "00000000000000001.85 times"),
        ("um drei Komma fünf Prozent", "de", "um 0000000000003,5 Prozent"),
    ],
)
def test_spelled_decimals_keep_offsets(text: str, lang: str, written: str) -> None:
    out = spelled_decimals(text, lang)
    assert out == written and len(out) == len(text)


@pytest.mark.parametrize(
    "text", ["a point of view", "the 5-point plan", "point-three", "Komma, Punkt", "two points"]
)
def test_not_a_spelled_decimal(text: str) -> None:
    assert spelled_decimals(text) == text


def test_spelled_decimal_is_an_amount_written_as_in_the_text() -> None:
    [a] = find_amounts("exports came to 52-point-one billion dollars", "en")
    assert (a.value, a.currency, a.decimals) == (52.1e9, "USD", 1)


def test_a_bracket_of_other_figures_restates_nothing() -> None:
    text = "2019 wuchs der Handel zwischen Kasachstan und China um 12 Prozent (+20% bei Exporten)."
    found = [(c.quantity, c.value, c.direction) for c in parse(text, pair=("KAZ", "CHN"))]
    assert ("pct_change", 12.0, "both") in found


_UK_AND_BY = "У 2022 році експорт Казахстану до Китаю зріс на 31% у порівнянні з 2021 і на 45%."
_DE_AND_UM = "2022 sank der Export Kasachstans nach China um 3 % gegenüber 2021 und um 4 %."


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (_UK_AND_BY, [31.0, 45.0]),
        (_DE_AND_UM, [-3.0, -4.0]),
        ("In 2022 exports to China were 3% up on 2021, and 4% on 2020.", [3.0]),
    ],
)
def test_and_by_shares_the_verb_before(text: str, values: list[float]) -> None:
    claims = parse(text, pair=("KAZ", "CHN"))
    assert [c.value for c in claims if c.quantity == "pct_change"] == values
