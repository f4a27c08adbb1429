"""Every current ISO 4217 currency, as its code or its own sign, from the Unicode CLDR data
that babel ships.

The language files (``claims/lang/*.toml``, concept ``currencies``) hold the words of the
currencies texts name in words (dollars, euros, yuan, roubles, tenge, ...) and decide every
sign they list ("¥" is the yuan there). This module adds the rest systematically, so that no
currency is missed because nobody typed it: the code of every currency CLDR lists as legal
tender today ("58,5 Mrd. PLN", "TRY 12 billion"; upper case only, a whole token) and every
sign CLDR gives it in the languages of the reader that names that one currency alone ("₹",
"₫", "R$", "A$"; signs made of letters only, such as "Br" or "zł", are left out: they read as
words).
"""

from __future__ import annotations

import re
from functools import cache

from babel.core import get_global
from babel.numbers import get_currency_symbol

__all__ = ["code_of", "current_codes", "signs", "source"]

#: the locales whose CLDR signs are read (the languages of ``claims/lang``)
LOCALES = ("en", "de", "ru", "zh", "uk", "be", "pl")


@cache
def current_codes() -> frozenset[str]:
    """The ISO 4217 codes CLDR lists as legal tender of some territory with no end date.

    Examples
    --------
    >>> {"PLN", "TRY", "INR", "USD"} <= current_codes(), "DEM" in current_codes()
    (True, False)
    """
    table = get_global("territory_currencies")
    return frozenset(
        code
        for history in table.values()
        for code, _start, end, tender in history
        if end is None and tender
    )


@cache
def signs() -> dict[str, str]:
    """Sign -> code: the CLDR signs of current currencies in :data:`LOCALES` that are not
    letters alone and stand for one currency in all of them ("¥" is JPY in one locale and CNY
    in another: left out).

    Examples
    --------
    >>> signs()["₹"], signs()["R$"], "¥" in signs()
    ('INR', 'BRL', False)
    """
    found: dict[str, set[str]] = {}
    for code in sorted(current_codes()):
        for loc in LOCALES:
            sign = get_currency_symbol(code, loc)
            if sign != code and not sign.replace("\u202f", "").isalpha():
                found.setdefault(sign, set()).add(code)
    return {s: min(codes) for s, codes in found.items() if len(codes) == 1}


@cache
def source() -> str:
    """The regular expression of a current code (upper case, a whole token, whatever flags
    the pattern it goes into has) or a sign, longest signs first ("US$" before "$").

    Examples
    --------
    >>> rx = re.compile(source(), re.IGNORECASE)
    >>> [m.group(0) for m in rx.finditer("58,5 Mrd. PLN, ₹3 lakh, 5 pln, R$ 2 bn, ALLES")]
    ['PLN', '₹', 'R$']
    """
    codes = "|".join(sorted(current_codes()))
    marks = "|".join(re.escape(s) for s in sorted(signs(), key=lambda s: (-len(s), s)))
    return rf"(?-i:(?<![A-Za-z])(?:{codes})(?![A-Za-z]))|(?:{marks})"


def code_of(token: str) -> str | None:
    """The ISO 4217 code of a current code or sign as written, else None.

    Examples
    --------
    >>> code_of("PLN"), code_of("₫"), code_of("pln"), code_of("Euro")
    ('PLN', 'VND', None, None)
    """
    t = token.strip()
    return t if t in current_codes() else signs().get(t)
