"""An amount that refers back to the figure before it ("Last year this figure was minus 1.9
billion") takes that figure's quantity, currency, flow and scope, and its own period.

Constructed paraphrases (no real text): claims/referring.py.
"""

from __future__ import annotations

import pytest

from tradecheck.claims.model import Period
from tradecheck.claims.parse import parse

TEXTS = {
    "en": (
        "From January to August 2023 Belarus ran a deficit in trade with China of minus 2.4 "
        "billion dollars. Last year this figure stood at minus 1.7 billion."
    ),
    "ru": (
        "За январь–август 2023 года сальдо торговли Беларуси с Китаем составило минус 2,4 млрд "
        "долларов. В прошлом году этот показатель был равен минус 1,7 млрд."
    ),
    "be": (
        "За студзень–жнівень 2023 году сальда гандлю Беларусі з Кітаем склала мінус 2,4 млрд "
        "даляраў. Летась гэты паказьнік складаў мінус 1,7 млрд."
    ),
    "de": (
        "Von Januar bis August 2023 wies der Handel von Belarus mit China ein Defizit von minus "
        "2,4 Milliarden Dollar auf. Im Vorjahr lag dieser Wert bei minus 1,7 Milliarden."
    ),
}


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_referring_amount_takes_the_figure_before_it(lang: str) -> None:
    claims = parse(TEXTS[lang], lang=lang)
    assert [c.value for c in claims] == [-2.4e9, -1.7e9]
    first, back = claims
    assert (back.quantity, back.currency, back.direction, back.scope) == (
        first.quantity,
        first.currency,
        first.direction,
        first.scope,
    )
    assert back.period == Period("2022-01", "2022-08")


def test_no_reference_word_makes_no_claim() -> None:
    """The same bare amount without "this figure": nothing to inherit from."""
    t = (
        "From January to August 2023 Belarus ran a deficit in trade with China of minus 2.4 "
        "billion dollars. A year earlier it stood at minus 1.7 billion."
    )
    assert [c.value for c in parse(t)] == [-2.4e9]


def test_reference_to_a_sentence_without_a_claim_makes_none() -> None:
    """The figure before is no claim about the pair (Belarus's trade with the world)."""
    t = (
        "In 2023 Belarus's foreign trade with all countries came to 80 billion dollars. "
        "A year earlier this figure stood at 75 billion."
    )
    assert parse(t) == []


def test_a_target_for_the_figure_is_no_claim() -> None:
    """ "It is planned to raise this figure to ...": a plan, not a past value."""
    t = (
        "In 2023 exports from Belarus to China came to 1.2 billion dollars. It is planned to "
        "raise this figure to 2 billion."
    )
    assert [c.value for c in parse(t)] == [1.2e9]


def test_a_new_paragraph_refers_to_nothing_before_it() -> None:
    t = (
        "In 2023 exports from Belarus to China came to 1.2 billion dollars.\n"
        "A year earlier this figure stood at 1 billion."
    )
    assert [c.value for c in parse(t)] == [1.2e9]


def test_own_year_beats_the_referred_period() -> None:
    t = (
        "In 2023 exports from Belarus to China came to 1.2 billion dollars. In 2019 this "
        "figure was 0.6 billion."
    )
    back = parse(t)[-1]
    assert (back.value, back.direction, back.period) == (
        6e8,
        "BLR->CHN",
        Period("2019-01", "2019-12"),
    )


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            (
                "In January-June 2023 exports from Belarus to China were 1.2 billion dollars. "
                "A year earlier this figure was 0.9 billion."
            ),
        ),
        (
            "ru",
            (
                "В январе–июне 2023 года экспорт из Беларуси в Китай составил 1,2 млрд долларов. "
                "Годом ранее этот показатель составлял 0,9 млрд."
            ),
        ),
    ],
)
def test_a_year_earlier_moves_the_referred_months_back(lang: str, text: str) -> None:
    back = parse(text, lang=lang)[-1]
    assert (back.value, back.direction, back.period) == (
        9e8,
        "BLR->CHN",
        Period("2022-01", "2022-06"),
    )
