"""The one place where numbers become text: money, percentages, ratios, plain numbers.

Every module that shows a figure to a person (terminal, notebook, chart, PDF) formats it here,
so that "$5.08B" reads the same everywhere and a locale change is one argument. Formatting is
done by babel (CLDR data), which knows the compact forms and separators of en, de, ru and zh.

Examples
--------
>>> money(5.083e9), money(7.769e8, digits=1), money(-2.96e9)
('$5.08B', '$776.9M', '−$2.96B')
>>> money(5.083e9, locale="de"), money(8.4e9, "EUR", locale="ru")
('5,08\\xa0Mrd.\\xa0$', '8,4\\xa0млрд\\xa0€')
>>> percent(17.0, signed=True), percent(22.9), ratio(2.2)
('+17.0 %', '22.9 %', '×2.20')
>>> quantity(2.2, "ratio"), quantity(-58.5, "pct_change"), quantity(5.8e9, "level", "USD")
('×2.20', '−58.5 %', '$5.8B')
>>> money(None), percent(float("nan"))
('n/a', 'n/a')
"""

from __future__ import annotations

import math
import unicodedata

from babel.numbers import format_compact_currency, format_decimal, get_currency_symbol

__all__ = ["MISSING", "currency_sign", "money", "number", "percent", "quantity", "ratio"]

#: what a missing value (None or NaN) prints as
MISSING = "n/a"
#: quantities whose value is an amount of money
MONEY_QUANTITIES = ("level", "abs_change", "balance")
_MINUS = "\u2212"  # typographic minus: a hyphen is easy to miss in a table
#: locales whose CLDR data hold the signs of currencies other locales show as a code
#: (₽ in ru, ₴ in uk, ₸ in kk)
_SIGN_LOCALES = ("ru", "uk", "kk")


def _missing(value: float | None) -> bool:
    return value is None or not math.isfinite(float(value))


def _minus(text: str) -> str:
    return _MINUS + text[1:] if text.startswith("-") else text


def money(
    value: float | None, currency: str | None = "USD", *, locale: str = "en", digits: int = 2
) -> str:
    """A compact amount of money: ``$5.08B``, ``776,9 Mio. $``, ``US$50.83亿``.

    Parameters
    ----------
    value : float or None
        In units of the currency (never thousands or millions).
    currency : str or None
        ISO 4217 code; None is read as US$.
    locale : str
        ``en``, ``de``, ``ru``, ``zh`` or any CLDR locale.
    digits : int
        Most fraction digits of the compact number (babel drops trailing zeros).
    """
    if _missing(value):
        return MISSING
    code = currency or "USD"
    text = format_compact_currency(
        float(value),  # type: ignore[arg-type]
        code,
        locale=locale,
        fraction_digits=digits,
    )
    return _minus(text.replace(code, currency_sign(code, locale)))


def currency_sign(code: str, locale: str = "en") -> str:
    """The sign a currency is written with: the locale's CLDR symbol, else the sign CLDR gives
    in the currency's own region (₽, ₴, ₸) when it is one character, else the ISO code.

    Examples
    --------
    >>> currency_sign("EUR"), currency_sign("RUB"), currency_sign("BYN"), currency_sign("USD")
    ('€', '₽', 'BYN', '$')
    >>> money(2.9e12, "RUB"), money(4.1e12, "KZT", locale="de")
    ('₽2.9T', '4,1\xa0Bio.\xa0₸')
    """
    own = get_currency_symbol(code, locale=locale)
    if own != code:
        return own
    for loc in _SIGN_LOCALES:
        sign = get_currency_symbol(code, locale=loc)
        if len(sign) == 1 and unicodedata.category(sign) == "Sc":
            return sign
    return code


def number(value: float | None, *, digits: int = 1, locale: str = "en") -> str:
    """A plain number with grouping: ``1,234.5`` / ``1.234,5``."""
    if _missing(value):
        return MISSING
    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    return _minus(format_decimal(float(value), format=pattern, locale=locale))  # type: ignore[arg-type]


def percent(
    value: float | None, *, signed: bool = False, digits: int = 1, locale: str = "en"
) -> str:
    """A value already in percent units: ``17.0`` → ``17.0 %`` (``+17.0 %`` when signed)."""
    if _missing(value):
        return MISSING
    text = number(value, digits=digits, locale=locale)
    if signed and float(value) >= 0:  # type: ignore[arg-type]
        text = "+" + text
    return f"{text}\u00a0%" if locale != "en" else f"{text} %"


def ratio(value: float | None, *, digits: int = 2, locale: str = "en") -> str:
    """A multiple: ``2.2`` → ``×2.20``."""
    if _missing(value):
        return MISSING
    return "×" + number(value, digits=digits, locale=locale)


def quantity(
    value: float | None, kind: str, currency: str | None = None, *, locale: str = "en"
) -> str:
    """A figure the way a claim of ``kind`` speaks of it (the claim schema's quantity names).

    ``ratio`` → ``×2.20``; ``pct_change`` → signed percent; ``share`` → percent; ``level``,
    ``abs_change``, ``balance`` → money (``abs_change`` signed).
    """
    if kind == "ratio":
        return ratio(value, locale=locale)
    if kind == "pct_change":
        return percent(value, signed=True, locale=locale)
    if kind == "share":
        return percent(value, locale=locale)
    text = money(value, currency, locale=locale)
    if kind == "abs_change" and not _missing(value) and float(value) >= 0:  # type: ignore[arg-type]
        text = "+" + text
    return text
