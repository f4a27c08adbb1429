"""Every current ISO 4217 currency from CLDR (claims/cldr_currencies.py); constructed examples."""

from __future__ import annotations

import pytest

from tradecheck.claims import cldr_currencies as C
from tradecheck.claims.mentions import find_amounts


def test_current_codes_are_iso_codes_in_use() -> None:
    codes = C.current_codes()
    assert {"USD", "EUR", "CNY", "PLN", "TRY", "INR", "VND", "KZT", "UZS", "BYN"} <= codes
    assert not {"DEM", "FRF", "BYR", "RUR"} & codes  # withdrawn currencies
    assert all(len(c) == 3 and c.isupper() for c in codes)


def test_signs_name_one_currency() -> None:
    s = C.signs()
    assert (s["₹"], s["₫"], s["R$"]) == ("INR", "VND", "BRL")
    assert "¥" not in s  # JPY in one locale, CNY in another
    assert not any(sign.isalpha() for sign in s)


@pytest.mark.parametrize(
    ("text", "lang", "currency"),
    [
        ("auf 58 Mrd. PLN", "de", "PLN"),
        ("TRY 12 billion", "en", "TRY"),
        ("₫500 billion", "en", "VND"),
        ("36 Mrd.Euro", "de", "EUR"),
        ("5 млрд долларов", "ru", "USD"),  # the language files still decide their words
        ("8 billion ¥", "en", "CNY"),
    ],
)
def test_currency_of_amount(text: str, lang: str, currency: str) -> None:
    assert [a.currency for a in find_amounts(text, lang)] == [currency]


@pytest.mark.parametrize("text", ["12 billion pln", "12 billion Pln", "the ALLIANCE of 5 billion"])
def test_codes_only_in_upper_case_as_whole_tokens(text: str) -> None:
    assert all(a.currency is None for a in find_amounts(text, "en"))
