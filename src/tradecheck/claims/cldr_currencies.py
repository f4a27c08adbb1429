"""Every current ISO 4217 currency, as its code or its own sign, from the Unicode CLDR data
that babel ships.

The language files (``claims/lang/*.toml``, concept ``currencies``) hold the words of the
currencies texts name in words (dollars, euros, yuan, roubles, tenge, ...) and decide every
sign they list ("¥" is the yuan there). This module adds the rest systematically, so that no
currency is missed because nobody typed it: the code of every currency CLDR lists as legal
tender today ("58,5 Mrd. PLN", "TRY 12 billion"; upper case only, a whole token) and every
sign CLDR gives it in the languages of the reader that names that one currency alone ("₹",
"₫", "R$", "A$"; signs made of letters only, such as "Br" or "zł", are left out: they read as
words); a code glued to its dollar sign ("AUD$5 bn"); every CLDR name of such a currency in
those languages, singular and plural, its words inflected ("120 Milliarden australische
Dollar", "5 млрд южнокорейских вон", "瑞士法郎"); and the unit noun of those names alone
("7,3 Mrd. Franken", "5 trillion won"), read as a currency of the pair's own countries only
(:func:`unit_code`).
"""

from __future__ import annotations

import re
from functools import cache

import pycountry
from babel import Locale
from babel.core import get_global
from babel.numbers import get_currency_name, get_currency_symbol, get_territory_currencies

__all__ = [
    "bare_dollar",
    "code_of",
    "current_codes",
    "name_code",
    "names_source",
    "sign_letter_names",
    "signs",
    "source",
    "unit_code",
]

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
    dollars = "|".join(sorted(dollar_codes()))
    return (
        rf"(?-i:(?<![A-Za-z])(?:{dollars})\$)"
        rf"|(?-i:(?<![A-Za-z])(?:{codes})(?![A-Za-z]))|(?:{marks})"
    )


@cache
def dollar_codes() -> frozenset[str]:
    """The codes whose CLDR sign in English holds a dollar sign ("A$", "CA$"): the ones
    written glued to it ("AUD$105 bn").

    Examples
    --------
    >>> {"AUD", "CAD", "USD"} <= dollar_codes(), "EUR" in dollar_codes()
    (True, False)
    """
    return frozenset(c for c in current_codes() if "$" in get_currency_symbol(c, "en"))


def code_of(token: str) -> str | None:
    """The ISO 4217 code of a current code or sign as written, else None.

    Examples
    --------
    >>> code_of("PLN"), code_of("₫"), code_of("pln"), code_of("Euro")
    ('PLN', 'VND', None, None)
    """
    t = token.strip()
    if t.endswith("$") and t[:-1] in dollar_codes():
        return t[:-1]
    return t if t in current_codes() else signs().get(t)


# ------------------------------------------------------------------------------------------
# currency names
# ------------------------------------------------------------------------------------------
#: languages that write the unit noun first ("dolar australijski"); the others write it last
HEAD_FIRST = ("pl",)
#: letters an inflected word of a name may end in beyond its stem ("australisch|en",
#: "южнокорейск|их"): the stem is the CLDR word without its last two letters
_ENDING = r"\w{0,4}"
#: how long a word must be before its ending is loosened (short words stay exact: "US", "won")
_MIN_INFLECTED = 5


def _forms(code: str, loc: str) -> set[str]:
    """Every CLDR name of ``code`` in ``loc``, lower-case: the display name and its plural
    forms ("australischer dollar", "australische dollar")."""
    locale = Locale.parse(loc)
    # every plural form at once: babel has no public accessor (get_currency_name gives one)
    plural = locale._data["currency_names_plural"].get(code, {})
    names = {locale.currencies.get(code, ""), *plural.values()}
    return {n.lower() for n in names if n and n.upper() != code}


def _word_source(word: str) -> str:
    """A word of a multi-word name as a pattern: its stem and any ending when long enough."""
    if len(word) < _MIN_INFLECTED or not word.isalpha():
        return re.escape(word)
    return re.escape(word[:-2]) + _ENDING


def _name_source(name: str) -> str:
    """A name as a pattern: a single word as written ("瑞士法郎", "hongkong-dollar"), the words
    of a longer one with their endings loosened, joined by a space or a hyphen."""
    words = name.split()
    if len(words) == 1:
        return re.escape(name)
    return r"[\s-]".join(_word_source(w) for w in words)


#: the shortest letter part of a dollar sign read as a word before "dollars" ("NZ", "HK";
#: "A" of "A$" is the English article)
_MIN_SIGN_LETTERS = 2


def sign_letter_names(code: str) -> set[str]:
    """English names of a dollar written with the letters of its CLDR sign as a word ("NZ$":
    "nz dollar", "nz dollars"; "HK$": "hk dollars"), for a currency whose English CLDR name
    is a dollar; none for a sign of fewer than :data:`_MIN_SIGN_LETTERS` letters ("A$").

    Examples
    --------
    >>> sorted(sign_letter_names("NZD")), sign_letter_names("AUD"), sign_letter_names("MXN")
    (['nz dollar', 'nz dollars'], set(), set())
    """
    sign = get_currency_symbol(code, "en")
    letters = sign[:-1]
    if not sign.endswith("$") or len(letters) < _MIN_SIGN_LETTERS or not letters.isalpha():
        return set()
    if "dollar" not in get_currency_name(code, locale="en").lower():
        return set()
    return {f"{letters.lower()} dollar", f"{letters.lower()} dollars"}


@cache
def name_patterns() -> dict[str, re.Pattern[str]]:
    """Code -> the pattern of its CLDR names in :data:`LOCALES` (a name two currencies share
    is left out).

    Examples
    --------
    >>> bool(name_patterns()["AUD"].fullmatch("australischen Dollar"))
    True
    """
    owners: dict[str, set[str]] = {}
    for code in current_codes():
        for loc in LOCALES:
            for name in _forms(code, loc):
                owners.setdefault(name, set()).add(code)
        for name in sign_letter_names(code):
            owners.setdefault(name, set()).add(code)
    by_code: dict[str, list[str]] = {}
    for name, codes in owners.items():
        if len(codes) == 1:
            by_code.setdefault(codes.pop(), []).append(_name_source(name))
    return {
        code: re.compile("|".join(sorted(set(srcs), key=lambda x: (-len(x), x))), re.IGNORECASE)
        for code, srcs in by_code.items()
    }


#: languages written without spaces: a name's unit noun is what follows its country's name
UNSPACED = ("zh",)
#: the shortest unit noun read alone in those languages ("兰特", "比索"; "元" is too common)
_MIN_UNSPACED_UNIT = 2


@cache
def _territory_names(loc: str) -> dict[str, tuple[str, ...]]:
    """Code -> the CLDR names in ``loc`` of the territories whose tender it is today."""
    names = Locale.parse(loc).territories
    out: dict[str, list[str]] = {}
    for territory, history in get_global("territory_currencies").items():
        for code, _start, end, tender in history:
            if end is None and tender and territory in names:
                out.setdefault(code, []).append(names[territory])
    return {c: tuple(ns) for c, ns in out.items()}


def _unit_of(name: str, code: str, loc: str) -> str | None:
    """The unit noun of a CLDR name: its head word ("franken" of "schweizer franken"); in a
    language written without spaces, what follows the name of a country whose tender it is
    ("兰特" of "南非兰特"); None for a name of one word only."""
    if loc in UNSPACED:
        for country in _territory_names(loc).get(code, ()):
            rest = name[len(country) :] if name.startswith(country) else ""
            if len(rest) >= _MIN_UNSPACED_UNIT:
                return rest
        return None
    words = re.split(r"[\s-]+", name)
    if len(words) < 2:
        return None
    return words[0] if loc in HEAD_FIRST else words[-1]


@cache
def _units() -> dict[str, frozenset[str]]:
    """Unit noun as written (lower-case) -> the codes whose CLDR names have it as their head
    ("franken" -> CHF; "dollar" -> AUD, CAD, USD, ...; "比索" -> ARS, MXN, ...)."""
    out: dict[str, set[str]] = {}
    for code in current_codes():
        for loc in LOCALES:
            for name in _forms(code, loc):
                unit = _unit_of(name, code, loc)
                if unit is not None:
                    out.setdefault(unit, set()).add(code)
    return {u: frozenset(c) for u, c in out.items() if u.isalpha()}


#: what :func:`name_code` answers for a unit noun alone: the noun after this prefix
UNIT = "unit:"


@cache
def names_source() -> str:
    """The regular expression of every CLDR name (:func:`name_patterns`), then of every unit
    noun alone (:func:`unit_code` decides it), longest first.

    Examples
    --------
    >>> rx = re.compile(names_source(), re.IGNORECASE)
    >>> [m.group(0) for m in rx.finditer("5 Mrd. australische Dollar; 3 Mrd. Franken")]
    ['australische Dollar', 'Franken']
    """
    names = sorted((p.pattern for p in name_patterns().values()), key=lambda x: (-len(x), x))
    units = sorted(_units(), key=lambda u: (-len(u), u))
    return "|".join([*names, *(re.escape(u) for u in units)])


def name_code(token: str) -> str | None:
    """The code of a CLDR name as written; ``"unit:<noun>"`` for a unit noun alone; else None.

    Examples
    --------
    >>> name_code("южнокорейских вон"), name_code("Franken"), name_code("Handel")
    ('KRW', 'unit:franken', None)
    """
    t = token.strip()
    for code, rx in name_patterns().items():
        if rx.fullmatch(t):
            return code
    return UNIT + t.lower() if t.lower() in _units() else None


def _own_currencies(iso3: str) -> frozenset[str]:
    """The currencies CLDR lists as a country's tender today (none for an unknown code)."""
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return frozenset()
    return frozenset(get_territory_currencies(country.alpha_2, tender=True))


@cache
def _local_dollars() -> frozenset[str]:
    """The current codes whose English CLDR name is a dollar other than the US one."""
    return frozenset(
        c
        for c in current_codes()
        if c != "USD" and get_currency_name(c, locale="en").endswith("Dollar")
    )


def bare_dollar(pair: tuple[str, str]) -> str:
    """The currency a bare "$" stands for in a text about ``pair``: the dollar of the pair's
    one country whose own tender is a dollar other than the US one, when the other country is
    not the United States ("Two-way trade with Japan was worth $70 billion" in an Australian
    text is AUD); else the US dollar.

    Examples
    --------
    >>> bare_dollar(("AUS", "JPN")), bare_dollar(("NZL", "CHN")), bare_dollar(("CAN", "USA"))
    ('AUD', 'NZD', 'USD')
    >>> bare_dollar(("BLR", "CHN")), bare_dollar(("AUS", "NZL"))
    ('USD', 'USD')
    """
    if "USA" in pair:
        return "USD"
    own = {c for iso in pair for c in _own_currencies(iso)} & _local_dollars()
    return own.pop() if len(own) == 1 else "USD"


def unit_code(code: str | None, pair: tuple[str, str]) -> str | None:
    """A :func:`name_code` answer for a pair: a unit noun alone is the currency of one of the
    pair's countries whose name has that noun ("Franken" for Switzerland and China is CHF),
    else no currency at all; any other answer as it is.

    Examples
    --------
    >>> unit_code("unit:franken", ("CHE", "CHN")), unit_code("unit:won", ("KOR", "CHN"))
    ('CHF', 'KRW')
    >>> unit_code("unit:franken", ("DEU", "CHN")) is None, unit_code("EUR", ("DEU", "CHN"))
    (True, 'EUR')
    """
    if code is None or not code.startswith(UNIT):
        return code
    codes = _units().get(code[len(UNIT) :], frozenset())
    own = {c for iso in pair for c in _own_currencies(iso)} & codes
    return own.pop() if len(own) == 1 else None
