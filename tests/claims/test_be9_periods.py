"""A past year said of the figure before it is an aside: the text goes on with its own period.

Constructed paraphrases (no real text) of an undated text: "Jan-Aug 2023: a deficit of X. Last
year this figure was Y. Exports were Z" -- Z is of Jan-Aug 2023 (claims/resolve/period.py,
compared_back); without words referring back to the figure ("Last year it was Y") the period
after it stays open, as before.
"""

from __future__ import annotations

import pytest

from tradecheck.claims.model import Period
from tradecheck.claims.parse import parse

JAN_AUG = Period("2023-01", "2023-08")


@pytest.mark.parametrize(
    "text",
    [
        (
            "Белстат падвёў вынікі знешняга гандлю за студзень–жнівень 2023 года. Дэфіцыт "
            "гандлю Беларусі з Кітаем за 8 месяцаў склаў 2 млрд долараў. Летась гэты паказчык "
            "быў 1,5 млрд долараў. "
            "Экспарт з Беларусі ў Кітай склаў 600 млн долараў."
        ),
        (
            "Белстат падвёў вынікі вонкавага гандлю за студзень–жнівень 2023 году. Дэфіцыт "
            "гандлю Беларусі зь Кітаем за 8 месяцаў склаў 2 млрд даляраў. Летась гэты паказьнік "
            "быў 1,5 млрд "
            "даляраў. Экспарт зь Беларусі ў Кітай склаў 600 млн даляраў."
        ),
        (
            "В январе–августе 2023 года дефицит торговли Беларуси с Китаем составил 2 млрд "
            "долларов. В прошлом году этот показатель был 1,5 млрд долларов. Экспорт из "
            "Беларуси в Китай составил 600 млн долларов."
        ),
    ],
)
def test_figure_after_a_compared_past_year_keeps_the_text_period(text: str) -> None:
    claims = parse(text)
    assert (claims[-1].value, claims[-1].period) == (600e6, JAN_AUG)


def test_past_year_without_reference_to_the_figure_stays_open() -> None:
    t = (
        "In January-August 2023 the deficit with China was $2 billion. Last year it was "
        "$1.5 billion. Exports from Belarus to China came to $600 million."
    )
    assert parse(t)[-1].period is None
