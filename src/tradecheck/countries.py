"""Country identifiers across the sources: ISO 3166, UN M49, China customs, IMF, and names.

Library choice: ISO 3166 codes, M49/ISO numeric codes and the English names come from
``pycountry``, chosen because it also ships the Debian ``iso-codes`` gettext translations
(read from ``pycountry.LOCALES_DIR``), which give the Russian and Chinese names without a
hand-made dictionary. What pycountry lacks is kept in one explicit table,
``tradecheck/data/countries_extra.csv``, where every row names its source and whether it is
``verified``, ``unverified`` or a ``convention``: China-customs (GACC) partner codes, IMF
numeric codes (913/924 are **unverified**), IMF/DOTS spellings ("China, P.R.: Mainland"),
UN Comtrade specials (0 / ``W00`` World), and the short Russian and Chinese names used by
Belstat and GACC («Россия», 白俄罗斯 ...).

The claim reader's names of every country in its seven languages (en, de, ru, zh, uk, be, pl)
come from CLDR through ``babel`` (:func:`cldr_names`), matched as :func:`name_source` says.

Codes that are not ISO 3166 country codes but pass the canonical ``[A-Z][A-Z0-9]{2}`` check:
``W00`` (World), historic ISO 3166-3 codes (``SUN``, ``CSK``, ``YUG``, ``DDR``, ``YMD`` ...)
and ``XKX`` (Kosovo, user-assigned).

Examples
--------
>>> to_iso3("Китай")
'CHN'
>>> to_iso3(340, scheme="gacc")
'BLR'
>>> to_iso3("China, P.R.: Mainland")
'CHN'
>>> to_iso3("112")
'BLR'
>>> name("BLR", "ru")
'Беларусь'
"""

from __future__ import annotations

import csv
import difflib
import gettext
import math
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

import pycountry

from tradecheck.errors import TradecheckError, UnknownCountryError

__all__ = [
    "DEFAULT_PAIR",
    "READER_LANGS",
    "SCHEMES",
    "WORLD",
    "cldr_names",
    "extra_table",
    "is_known",
    "name",
    "name_source",
    "parse_pair",
    "stem",
    "to_iso3",
]

#: The pair of countries every command, function and notebook uses unless told otherwise:
#: Belarus and China (``pair[0]`` is side A, ``pair[1]`` side B). Written here only.
DEFAULT_PAIR: tuple[str, str] = ("BLR", "CHN")
WORLD = "W00"
_CODE = re.compile(r"[A-Za-z][A-Za-z0-9]{2}")  # the canonical code pattern, any case
SCHEMES = ("iso3", "iso2", "m49", "gacc", "imf", "name")
_LOCALES = {"ru": "ru", "zh": "zh_CN", "zh_CN": "zh_CN", "zh_TW": "zh_TW", "zh_HK": "zh_HK"}

# IMF/DOTS spell many names as "<Country>, Rep. of" and the like; after an exact lookup fails
# these suffixes are cut and the rest looked up again ("Estonia, Rep. of" -> "Estonia").
_IMF_SUFFIXES = (
    ", rep. of",
    ", republic of",
    ", the",
    ", kingdom of",
    ", kingdom of the netherlands",
    ", islamic rep. of",
    ", arab rep. of",
    ", union of the",
    ", the state of",
    ", united rep. of",
    ", dem. rep. of",
    ", federated states of",
    ", rep. of the",
)


def _key(text: str) -> str:
    """Normalised lookup key: no accents/diacritics, case-folded, punctuation as spaces."""
    s = unicodedata.normalize("NFKD", str(text))
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.casefold().replace("&", " and ")
    s = re.sub(r"[\s\u00a0.,;:()'’\"«»\-/]+", " ", s)
    return s.strip()


@dataclass
class _Index:
    iso3: set[str] = field(default_factory=set)
    iso2: dict[str, str] = field(default_factory=dict)
    m49: dict[str, str] = field(default_factory=dict)
    gacc: dict[str, str] = field(default_factory=dict)
    imf: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    ambiguous: set[str] = field(default_factory=set)
    display: dict[tuple[str, str], str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)  # key -> original spelling

    def add_name(self, text: str | None, iso3: str, *, override: bool = False) -> None:
        if not text:
            return
        k = _key(text)
        if not k:
            return
        if override:
            self.names[k] = iso3
            self.ambiguous.discard(k)
        elif k in self.names and self.names[k] != iso3:
            self.ambiguous.add(k)
        else:
            self.names.setdefault(k, iso3)
        self.labels.setdefault(k, text)


def extra_table() -> list[dict[str, str]]:
    """Rows of the explicit table (``countries_extra.csv``) as dicts.

    Columns: ``scheme, code, iso3, lang, display, status, source, note``.

    Examples
    --------
    >>> row = next(r for r in extra_table() if r["scheme"] == "imf" and r["code"] == "913")
    >>> row["iso3"], row["status"]
    ('BLR', 'unverified')
    """
    text = resources.files("tradecheck").joinpath("data/countries_extra.csv").read_text("utf-8")
    return list(csv.DictReader(text.splitlines()))


def _translations(loc: str) -> gettext.NullTranslations:
    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[loc])
    except OSError:  # pragma: no cover - locale missing from this pycountry build
        return gettext.NullTranslations()


@lru_cache(maxsize=1)
def _index() -> _Index:
    ix = _Index()
    trans = {loc: _translations(loc) for loc in sorted(set(_LOCALES.values()))}
    for c in pycountry.countries:
        a3 = c.alpha_3
        ix.iso3.add(a3)
        ix.iso2[c.alpha_2] = a3
        ix.m49[str(int(c.numeric))] = a3
        ix.labels.setdefault(_key(a3), a3)
        for attr in ("name", "common_name", "official_name"):
            en = getattr(c, attr, None)
            if not en:
                continue
            ix.add_name(en, a3)
            for t in trans.values():
                ix.add_name(t.gettext(en), a3)
    for h in pycountry.historic_countries:
        a3 = h.alpha_3
        if a3 in ix.iso3:
            continue
        ix.iso3.add(a3)
        ix.add_name(h.name, a3)
    for row in extra_table():
        scheme, code, a3 = row["scheme"], row["code"].strip(), row["iso3"].strip()
        if scheme == "iso3":
            ix.iso3.add(code)
            ix.iso3.add(a3)
            ix.names.setdefault(_key(code), a3)
            _ALIASES[code] = a3
        elif scheme == "m49":
            ix.m49[str(int(code))] = a3
        elif scheme == "gacc":
            ix.gacc[code.zfill(3)] = a3
        elif scheme == "imf":
            ix.imf[code.zfill(3)] = a3
        elif scheme == "name":
            ix.add_name(code, a3, override=True)
            if row.get("display") == "1":
                lang = row.get("lang") or "en"
                ix.display.setdefault((a3, lang), code)
    return ix


_ALIASES: dict[str, str] = {}


def _suggest(text: str, n: int = 3) -> list[str]:
    ix = _index()
    k = _key(text)
    hits = difflib.get_close_matches(k, list(ix.names), n=n, cutoff=0.6)
    out = []
    for h in hits:
        iso = ix.names[h]
        out.append(f"{ix.labels.get(h, h)} ({iso})")
    return out


def _unknown(value: object, scheme: str | None, detail: str = "") -> UnknownCountryError:
    sugg = _suggest(str(value)) if scheme in (None, "name") else []
    msg = f"unknown country {value!r}"
    if scheme:
        msg += f" (scheme {scheme!r})"
    if detail:
        msg += f": {detail}"
    if sugg:
        msg += "; did you mean: " + ", ".join(sugg) + "?"
    return UnknownCountryError(msg)


def _by_name(text: str) -> str | None:
    ix = _index()
    k = _key(text)
    if k in ix.ambiguous:
        return None
    if k in ix.names:
        return ix.names[k]
    low = " ".join(str(text).casefold().split())
    for suf in sorted(_IMF_SUFFIXES, key=len, reverse=True):
        if low.endswith(suf):
            k2 = _key(low[: -len(suf)])
            if k2 in ix.names and k2 not in ix.ambiguous:
                return ix.names[k2]
    return None


def to_iso3(value: str | int, scheme: str | None = None) -> str:
    """Resolve a country code or name to ISO 3166 alpha-3 (``W00`` for the world).

    Parameters
    ----------
    value
        A code or a name. Names may be English (ISO or IMF/DOTS spelling), Russian or
        Chinese (simplified or traditional); case, accents and punctuation are ignored.
    scheme
        ``None`` (auto), ``"iso3"``, ``"iso2"``, ``"m49"`` (UN M49 / ISO numeric, as UN
        Comtrade uses), ``"gacc"`` (China customs 贸易伙伴编码), ``"imf"`` (IMF numeric
        codes; unverified, see module docstring) or ``"name"``. In auto mode a number is
        read as M49, three letters as ISO3, two letters as ISO2, anything else as a name.

    Returns
    -------
    str
        The ISO3 code.

    Raises
    ------
    UnknownCountryError
        If nothing matches; the message suggests close names.

    Examples
    --------
    >>> to_iso3("BY"), to_iso3(156), to_iso3("0"), to_iso3("白俄羅斯")
    ('BLR', 'CHN', 'W00', 'BLR')
    >>> to_iso3("924", scheme="imf")
    'CHN'
    """
    shown, text = _code_text(value, scheme)
    ix = _index()
    if scheme is None:
        scheme = _guess_scheme(text, ix)
        if scheme == "alias":
            return _ALIASES[text]
    if scheme == "iso3":
        return _from_iso3(shown, text, ix)
    if scheme == "iso2":
        return _from_iso2(shown, text, ix)
    if scheme in ("m49", "gacc", "imf"):
        return _from_number(shown, text, scheme, ix)
    found = _by_name(text)
    if found is None:
        raise _unknown(shown, "name")
    return found


def _code_text(value: object, scheme: str | None) -> tuple[object, str]:
    """``value`` as error messages show it (a whole float as its integer: ``156.0`` -> "156")
    and its stripped text, or :class:`UnknownCountryError` for an unknown ``scheme``, an empty
    value or a bool."""
    if scheme is not None and scheme not in SCHEMES:
        raise UnknownCountryError(f"unknown country scheme {scheme!r}; use one of {SCHEMES}")
    if value is None or (isinstance(value, float) and math.isnan(value)):
        raise UnknownCountryError("empty country value")
    if isinstance(value, bool):
        raise _unknown(value, scheme)
    if isinstance(value, float) and value.is_integer():
        value = str(int(value))
    text = str(value).strip()
    if not text:
        raise UnknownCountryError("empty country value")
    return value, text


def _guess_scheme(text: str, ix: _Index) -> str:
    """The scheme ``text`` is written in when none is given: digits are M49, a known
    three-letter code ISO3, a known two-letter code ISO2; ``"alias"`` for a code of the extra
    table (:data:`_ALIASES`), else ``"name"``."""
    if text.isdigit():
        return "m49"
    if re.fullmatch(r"[A-Z][A-Z0-9]{2}", text) and text in ix.iso3:
        return "iso3"
    if re.fullmatch(r"[A-Z]{2}", text) and text in ix.iso2:
        return "iso2"
    return "alias" if text in _ALIASES else "name"


def _from_iso3(value: object, text: str, ix: _Index) -> str:
    """The ISO3 code ``text`` names (any case; an extra-table alias resolved)."""
    up = text.upper()
    if up in _ALIASES:
        return _ALIASES[up]
    if up in ix.iso3:
        return up
    raise _unknown(value, "iso3", "not an ISO 3166 alpha-3 code")


def _from_iso2(value: object, text: str, ix: _Index) -> str:
    """The ISO3 code of the ISO 3166 alpha-2 code ``text`` (any case)."""
    up = text.upper()
    if up in ix.iso2:
        return ix.iso2[up]
    raise _unknown(value, "iso2", "not an ISO 3166 alpha-2 code")


def _from_number(value: object, text: str, scheme: str, ix: _Index) -> str:
    """The ISO3 code of the numeric code ``text`` in ``scheme`` (``"m49"`` read as an integer,
    ``"gacc"`` and ``"imf"`` as three digits)."""
    if not text.isdigit():
        raise _unknown(value, scheme, "expected a numeric code")
    table = {"m49": ix.m49, "gacc": ix.gacc, "imf": ix.imf}[scheme]
    code = str(int(text)) if scheme == "m49" else text.zfill(3)
    if code in table:
        return table[code]
    raise _unknown(value, scheme, "code not in the table")


def is_known(value: str | int, scheme: str | None = None) -> bool:
    """True if :func:`to_iso3` resolves ``value``.

    Examples
    --------
    >>> is_known("Narnia")
    False
    """
    try:
        to_iso3(value, scheme)
    except UnknownCountryError:
        return False
    return True


def name(iso3: str, lang: str = "en") -> str:
    """Short display name of a country in English, Russian or Chinese.

    Parameters
    ----------
    iso3
        ISO3 code (``W00`` for the world).
    lang
        ``"en"``, ``"ru"``, ``"zh"`` (simplified) or ``"zh_TW"`` / ``"zh_HK"`` (traditional).

    Raises
    ------
    UnknownCountryError
        For an unknown code or language.

    Examples
    --------
    >>> name("CHN", "zh"), name("RUS", "ru"), name("W00")
    ('中国', 'Россия', 'World')
    """
    ix = _index()
    code = str(iso3).strip().upper()
    code = _ALIASES.get(code, code)
    if lang != "en" and lang not in _LOCALES:
        raise UnknownCountryError(f"unsupported language {lang!r}; use en, ru, zh, zh_TW")
    # traditional-script requests must not fall back to the simplified display names
    langs = (lang,) if lang in ("en", "zh_TW", "zh_HK") else (lang, lang.split("_")[0])
    for lg in langs:
        if (code, lg) in ix.display:
            return ix.display[(code, lg)]
    c = pycountry.countries.get(alpha_3=code) or pycountry.historic_countries.get(alpha_3=code)
    if c is None:
        if code == WORLD:
            return "World"
        raise UnknownCountryError(f"unknown ISO3 code {iso3!r}")
    en = getattr(c, "common_name", None) or c.name
    if lang == "en":
        return en
    return _translations(_LOCALES[lang]).gettext(en)


#: the languages of the claim reader (``claims/lang/*.toml``), whose CLDR country names
#: :func:`cldr_names` gives
READER_LANGS = ("en", "de", "ru", "zh", "uk", "be", "pl")
#: languages whose country names take case endings (the reader matches a stem + any ending)
_INFLECTED = {"ru": "[аяьйы]", "uk": "[аяьйи]", "be": "[аяьйы]", "pl": "[aeiy]"}
#: a Latin or Cyrillic name (or stem) shorter than this is kept whole: short names are
#: common words too (uk "Дані" = data, pl "Dani"), so a short name is matched as a whole word
#: with at most a case ending (:func:`_short_source`), and left out when it is a word
MIN_LETTERS = 5
#: short CLDR names that are also common words of a reader language (ru/uk "Того" = "of
#: that", uk "Малі" and pl "Mali" = "small"): left out in every language, since the reader
#: matches every language's names in any text
SHORT_WORDS = frozenset({"Того", "Малі", "Mali", "Мали"})
#: the case endings a short name may take after it (or after its stem, the name less its
#: final -а/-я: "Куба" -> "Кубы", "Кубе"), by alphabet: "Ирака", "Іраку", "Iraku", "Iraks",
#: "Iraqi"
_SHORT_ENDINGS = {
    "cyr": "(?:[аяуюеєиіїыоэ]|ом|ем|ой|ою|ей|ам|ай)",
    "lat": "(?:[aeiouyąę]|ie|iem|em|owi|s)",
}
#: names in -ия (ru), -ія (uk), -ія/-ыя (be), -ia (pl), whose stem is too short for
#: :data:`MIN_LETTERS`: the stem keeps its -и- and must take one of the case endings of
#: that declension ("Кения" -> "Кени" + я/и/ю/е: "Кении", never a bare "Кени"; uk "Данія"
#: -> "Дані" + я/ї/ю/є: "Данії", not "Дані" = data). (language -> (name ending, case endings))
_SOFT = {
    "ru": ("ия", "[яиюе]"),
    "uk": ("ія", "[яїює]"),
    "be": ("[іы]я", "[яію]"),
    "pl": ("ia", "[aiąęo]"),
}


@cache
def cldr_names(lang: str) -> dict[str, str]:
    """ISO3 -> the CLDR name of every ISO 3166 country in one language (``babel``).

    Parameters
    ----------
    lang
        A CLDR locale ("de", "uk", "zh" ...).

    Returns
    -------
    dict
        ISO3 -> name, for every pycountry country CLDR names (CLDR names 249 territories).

    Examples
    --------
    >>> cldr_names("de")["HUN"], cldr_names("pl")["ARG"], cldr_names("uk")["SGP"]
    ('Ungarn', 'Argentyna', 'Сінгапур')
    """
    from babel import Locale

    territories = Locale.parse(lang).territories
    return {
        c.alpha_3: territories[c.alpha_2] for c in pycountry.countries if c.alpha_2 in territories
    }


def stem(text: str, lang: str) -> str:
    """A country name of an inflected language as the stem its cases share ("Аргентина" ->
    "Аргентин", "Argentyna" -> "Argentyn"); other languages' names, and names whose stem
    would be shorter than :data:`MIN_LETTERS`, as written.

    Examples
    --------
    >>> stem("Аргентина", "ru"), stem("Угорщина", "uk"), stem("Hiszpania", "pl")
    ('Аргентин', 'Угорщин', 'Hiszpani')
    >>> stem("Данія", "uk"), stem("Argentinien", "de"), stem("Chile", "pl")
    ('Данія', 'Argentinien', 'Chile')
    """
    if lang not in _INFLECTED or " " in text:
        return text
    base = re.sub(f"{_INFLECTED[lang]}$", "", text)
    return base if len(base) >= MIN_LETTERS else text


def is_cjk(text: str) -> bool:
    """Whether a name starts with a Chinese character (such names are matched as written,
    without word boundaries or endings).

    Examples
    --------
    >>> is_cjk("匈牙利"), is_cjk("Ungarn")
    (True, False)
    """
    return "\u4e00" <= text[:1] <= "\u9fff"


def name_source(text: str, lang: str) -> str | None:
    """The regular expression the claim reader matches one country name with, or None when
    the name is too short to be told from a common word.

    A Chinese name is matched as written. A Latin or Cyrillic name is a proper noun: its
    first letter must be a capital even in a case-insensitive pattern ("Island" is Iceland,
    "island" is not), then its :func:`stem` and any ending; a short name in -ия/-ia, its
    stem and a case ending of that declension (:data:`_SOFT`).

    Examples
    --------
    >>> rx = re.compile(name_source("Угорщина", "uk"), re.IGNORECASE)
    >>> bool(rx.fullmatch("Угорщини")), bool(rx.fullmatch("угорщини"))
    (True, False)
    >>> rx = re.compile(name_source("Кения", "ru"), re.IGNORECASE)
    >>> bool(rx.fullmatch("Кении")), bool(rx.fullmatch("Кени"))
    (True, False)
    >>> rx = re.compile(name_source("Ирак", "ru"), re.IGNORECASE)
    >>> bool(rx.fullmatch("Ираком")), bool(rx.fullmatch("Иракский"))
    (True, False)
    >>> name_source("Того", "ru") is None, name_source("匈牙利", "zh")
    (True, '匈牙利')
    """
    if is_cjk(text):
        return re.escape(text)
    if not text[:1].isupper():
        return None
    if len(text) < MIN_LETTERS:
        return _short_source(text)
    base, ending = stem(text, lang), ""
    if base == text and (soft := _soft_stem(text, lang)):
        base, ending = soft, _SOFT[lang][1]
    return f"(?-i:{re.escape(base[0])}){re.escape(base[1:])}{ending}\\w*"


def _short_source(text: str) -> str | None:
    """The regular expression of a name shorter than :data:`MIN_LETTERS`: a whole word, as
    written or with one case ending (:data:`_SHORT_ENDINGS`); a name ending in -а/-я
    (Cyrillic) or -a (Latin) also as its stem with an ending ("Кубы", "Kubie"); an acronym
    ("КНДР") as written; None for a name that is a common word (:data:`SHORT_WORDS`).

    Examples
    --------
    >>> rx = re.compile(_short_source("Куба"), re.IGNORECASE)
    >>> [bool(rx.fullmatch(w)) for w in ("Куба", "Кубы", "Кубой", "Куб", "куба")]
    [True, True, True, False, False]
    >>> rx = re.compile(_short_source("Iraq"), re.IGNORECASE)
    >>> bool(rx.fullmatch("Iraqi")), bool(rx.search("Iraqis")), _short_source("Mali")
    (True, False, None)
    """
    if text in SHORT_WORDS:
        return None
    first = f"(?-i:{re.escape(text[0])})"
    if text.isupper():
        return f"{first}{re.escape(text[1:])}(?!\\w)"
    ending = _SHORT_ENDINGS["cyr" if re.match("[\u0400-\u04ff]", text) else "lat"]
    base = re.escape(text[1:-1]) if text[-1] in "аяa" else None
    whole = f"{re.escape(text[1:])}{ending}?"
    body = whole if base is None else f"(?:{whole}|{base}{ending})"
    return f"{first}{body}(?!\\w)"


def _soft_stem(text: str, lang: str) -> str | None:
    """The stem of a one-word name in -ия/-ія/-ыя/-ia (:data:`_SOFT`) that keeps its -и-,
    if at least four letters; None for any other name.

    Examples
    --------
    >>> _soft_stem("Кения", "ru"), _soft_stem("Kenia", "pl"), _soft_stem("Самоа", "ru")
    ('Кени', 'Keni', None)
    """
    if lang not in _SOFT or " " in text or not re.search(f"{_SOFT[lang][0]}$", text):
        return None
    return text[:-1] if len(text) - 1 >= MIN_LETTERS - 1 else None


def parse_pair(
    value: object, *, error: type[Exception] = TradecheckError, what: str = "pair"
) -> tuple[str, str]:
    """Two different upper-case country codes from ``"BLR-CHN"`` or ``("BLR", "CHN")``.

    The one pair parser of the package (command line, :func:`tradecheck.claims.parse.parse`,
    analysis, report).

    Parameters
    ----------
    value
        A string with the two codes joined by ``-``, ``,``, ``/``, ``_`` or a space, or a
        sequence of two codes. Codes are three characters as in the canonical table
        (``BLR``, ``W00``), in any case.
    error
        The exception class raised on bad input (each caller keeps its own error type).
    what
        How the message names the input (``"pair"``, ``"--pair"``).

    Returns
    -------
    tuple of str
        ``(a, b)``, upper case, ``a != b``.

    Examples
    --------
    >>> parse_pair("blr-chn"), parse_pair(["CHN", "BLR"]), parse_pair("BLR,W00")
    (('BLR', 'CHN'), ('CHN', 'BLR'), ('BLR', 'W00'))
    >>> parse_pair("BLR-BLR", error=ValueError)
    Traceback (most recent call last):
    ...
    ValueError: pair: expected two different ISO3 codes like BLR-CHN, got 'BLR-BLR'
    """
    if isinstance(value, str):
        parts: list[object] = [p for p in re.split(r"[-,/_ ]+", value.strip()) if p]
    else:
        try:
            parts = list(value)  # type: ignore[call-overload]
        except TypeError:
            parts = []
    codes = [p.strip().upper() for p in parts if isinstance(p, str) and _CODE.fullmatch(p.strip())]
    if len(parts) != 2 or len(codes) != 2 or codes[0] == codes[1]:
        raise error(f"{what}: expected two different ISO3 codes like BLR-CHN, got {value!r}")
    return codes[0], codes[1]
