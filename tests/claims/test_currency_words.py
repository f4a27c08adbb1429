"""Currencies named in words from CLDR (claims/cldr_currencies.py): names, unit nouns, "AUD$".

Every text here is constructed.
"""

from __future__ import annotations

import pytest

from tradecheck.claims import cldr_currencies as C
from tradecheck.claims.mentions import currency_of, find, find_amounts


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Australian dollars", "AUD"),
        ("australische Dollar", "AUD"),
        ("australischen Dollar", "AUD"),  # an inflected adjective
        ("южнокорейских вон", "KRW"),
        ("швейцарських франків", "CHF"),
        ("瑞士法郎", "CHF"),
        ("Hongkong-Dollar", "HKD"),
    ],
)
def test_cldr_names(name: str, code: str) -> None:
    assert C.name_code(name) == code


@pytest.mark.parametrize("word", ["Handel", "mark2", "dollars of", ""])
def test_not_a_name(word: str) -> None:
    assert C.name_code(word) is None


def test_unit_noun_is_the_pairs_currency_or_none() -> None:
    assert C.name_code("Franken") == "unit:franken"
    assert C.unit_code("unit:franken", ("CHE", "CHN")) == "CHF"
    assert C.unit_code("unit:won", ("KOR", "CHN")) == "KRW"
    assert C.unit_code("unit:franken", ("DEU", "CHN")) is None  # nobody's franc in the pair
    assert C.unit_code("unit:nosuchunit", ("KOR", "CHN")) is None
    assert C.unit_code("USD", ("KOR", "CHN")) == "USD"


def test_a_sign_before_beats_a_unit_noun_after() -> None:
    assert currency_of("$", "mark") == "USD"
    assert currency_of(None, "Franken") == "unit:franken"


def test_code_glued_to_dollar_sign() -> None:
    assert C.code_of("AUD$") == "AUD"
    assert C.code_of("EUR$") is None
    assert [a.currency for a in find_amounts("AUD$98.2 billion", "en")] == ["AUD"]


@pytest.mark.parametrize(
    ("text", "lang", "pair", "currency"),
    [
        ("120 Milliarden australische Dollar", "de", ("AUS", "CHN"), "AUD"),
        ("7,3 Mrd. Franken", "de", ("CHE", "CHN"), "CHF"),
        ("7,3 Mrd. Franken", "de", ("DEU", "CHN"), None),
        ("5 billion dollars", "en", ("AUS", "CHN"), "USD"),  # the language files decide dollars
        ("5 млрд рублей", "ru", ("BLR", "CHN"), "BYN"),
    ],
)
def test_amount_currency_for_pair(
    text: str, lang: str, pair: tuple[str, str], currency: str
) -> None:
    assert [a.currency for a in find(text, lang, pair).amounts] == [currency]
