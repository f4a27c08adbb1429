"""Behaviour of tradecheck.claims.parse.parse beyond the corpus: arguments, fields, edge cases."""

from __future__ import annotations

from datetime import date

import pytest

from tradecheck.claims.model import Claim, Period
from tradecheck.claims.parse import ClaimParseError, parse
from tradecheck.errors import TradecheckError


def test_level_fields_and_decimals():
    (c,) = parse("In 2022 trade between Belarus and China reached $5.08 billion.")
    assert isinstance(c, Claim)
    assert (c.quantity, c.value, c.currency, c.bound, c.direction) == (
        "level",
        5.08e9,
        "USD",
        "eq",
        "both",
    )
    assert c.period == Period("2022-01", "2022-12") and c.base_period is None
    assert c.decimals == 2 and c.lang == "en"
    assert "5.08 billion" in c.span


def test_word_ratio_has_no_decimals():
    (c,) = parse("China's exports to Belarus doubled in 2023.")
    assert (c.quantity, c.value, c.decimals) == ("ratio", 2.0, None)


def test_as_of_accepts_date_and_string():
    a = parse("Last year bilateral trade reached $8.4 billion.", as_of=date(2024, 2, 1))
    b = parse("Last year bilateral trade reached $8.4 billion.", as_of="2024-02-01")
    assert a[0].period == b[0].period == Period("2023-01", "2023-12")


def test_relative_period_without_as_of_is_none():
    (c,) = parse("Last year bilateral trade reached $8.4 billion.")
    assert c.period is None


def test_month_range_without_year_uses_publication_date():
    # published in January: "January-November" is last year's
    (c,) = parse("In January-November trade amounted to $8.9 billion.", as_of="2026-01-27")
    assert c.period == Period("2025-01", "2025-11")
    (c,) = parse("In January-May trade amounted to $0.5 billion.", as_of="2018-07-13")
    assert c.period == Period("2018-01", "2018-05")


def test_period_inherited_from_previous_sentence():
    cs = parse("In Q1 2013 trade with China totaled $265 million. Imports made up $90 million.")
    assert [c.period for c in cs] == [Period("2013-01", "2013-03")] * 2


@pytest.mark.parametrize("lang", ["xx", "EN", "", "fr"])
def test_unknown_lang_is_a_clear_error(lang):
    with pytest.raises(ClaimParseError, match="lang"):
        parse("trade $5 billion", lang=lang)


@pytest.mark.parametrize("as_of", ["yesterday", "2024-13-01", "01/02/2024"])
def test_bad_as_of(as_of):
    with pytest.raises(TradecheckError, match="as_of"):
        parse("trade $5 billion", as_of=as_of)


@pytest.mark.parametrize("pair", [("BLR",), ("BLR", "BLR"), ("BLR", "CHINA"), "nonsense", 42])
def test_bad_pair(pair):
    with pytest.raises(ClaimParseError, match="pair"):
        parse("trade $5 billion", pair=pair)


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_text(text):
    assert parse(text) == []


def test_text_without_claims():
    assert parse("The delegations discussed cooperation in education and culture.") == []
    assert parse("Belarus ships 2.8 million tonnes of potash a year.") == []


def test_other_pair_uses_its_codes():
    (c,) = parse("Belarus's exports to Russia grew 5% in 2023.", pair=("BLR", "RUS"))
    assert c.direction == "BLR->RUS" and c.value == 5
    # with the default pair the same sentence is about another country: nothing
    assert parse("Belarus's exports to Russia grew 5% in 2023.") == []


def test_pair_as_string():
    (c,) = parse("China's imports from Belarus fell 3% in 2020.", pair="CHN-BLR")
    assert c.direction == "BLR->CHN" and c.value == -3


def test_repeated_mention_reported_once():
    cs = parse(
        "Trade reached $5.8 billion in 2022. Yes, $5.8 billion in 2022 was a record for trade."
    )
    assert len(cs) == 1


def test_language_detection():
    assert parse("2016年,中白贸易额15.3亿美元。")[0].lang == "zh"
    assert parse("Товарооборот в 2022 году составил 5,8 млрд долларов.")[0].lang == "ru"
    assert parse("Der Handel erreichte 2022 rund 5,8 Milliarden Dollar.")[0].lang == "de"


def test_forced_language_changes_number_reading():
    text = "In 2021 trade was 1.250 million dollars."
    assert parse(text, lang="en")[0].value == pytest.approx(1.25e6)
    assert parse(text, lang="de")[0].value == pytest.approx(1.25e9)  # German thousands dot


def test_euro_amounts_keep_their_currency():
    (c,) = parse("Der Handel zwischen Belarus und China erreichte 2021 rund 5 Milliarden Euro.")
    assert (c.currency, c.value, c.bound) == ("EUR", 5e9, "approx")


def test_to_json_has_contract_fields():
    (c,) = parse("Bilateral trade rose 13% in 2022.")
    d = c.to_json()
    for key in (
        "span",
        "quantity",
        "value",
        "currency",
        "bound",
        "direction",
        "reporter",
        "period",
        "base_period",
        "scope",
    ):
        assert key in d
    assert d["base_period"] == {"start": "2021-01", "end": "2021-12"}


@pytest.mark.parametrize(
    "name",
    [
        "tradecheck.claims.parse",
        "tradecheck.claims.mentions",
        "tradecheck.claims.sentences",
        "tradecheck.claims.context",
        "tradecheck.claims.resolve.relevance",
        "tradecheck.claims.resolve.direction",
        "tradecheck.claims.resolve.quantity",
        "tradecheck.claims.resolve.bound",
        "tradecheck.claims.resolve.balance",
        "tradecheck.claims.resolve.share",
        "tradecheck.claims.resolve.period",
        "tradecheck.claims.resolve.base_period",
        "tradecheck.claims.resolve.reporter",
        "tradecheck.claims.resolve.scope",
        "tradecheck.claims.resolve.partner",
        "tradecheck.claims.partners",
        "tradecheck.claims._numbers",
        "tradecheck.claims._periods",
        "tradecheck.claims._lang",
        "tradecheck.claims._cli",
        "tradecheck.eval",
    ],
)
def test_docstring_examples(name):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
