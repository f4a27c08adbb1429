"""The statistics offices, customs authorities and trade-data publishers of about fifty
countries, from one cited registry (``tradecheck/data/statistics_agencies.csv``), compiled
into reporter cues (claims/reporters.py).

Each row names one body of one country (``iso3``; ``EU27`` for Eurostat) in one language
(``*``: written the same in every language, "Destatis", "TurkStat"), with the agency's own
site as ``source``. ``form`` says how the name is matched:

- ``name``: as written, case-insensitive; in inflected languages (de, ru, uk, be, pl) every
  word of four letters or more takes any ending ("Белстат" -> "Белстата"); ``{c}`` stands
  for the country's names in that language (``[words.countries]``: "{c} Trade Ministry" ->
  "Turkish Trade Ministry", "Turkey's Trade Ministry");
- ``acronym``: as written, case-sensitive ("GUS", not "gus");
- ``pattern``: a regular expression, for the few names no ending rule fits.

A name several countries use ("Нацстатком": Belarus's, Kyrgyzstan's and Uzbekistan's
committee) becomes one cue keyed by all of them ("BLR|KGZ|UZB"): the pair of the text decides
(``resolve/reporter.of_pair``).

Examples
--------
>>> import re
>>> rx = re.compile(cue_sources()["TUR"], re.IGNORECASE)
>>> bool(rx.search("according to TurkStat")), bool(rx.search("Turkey's Trade Ministry"))
(True, True)
>>> "BLR|KGZ|UZB" in cue_sources()
True
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from tradecheck.claims import lexicon as L

__all__ = [
    "BODIES", "FORMS", "NAMED_BODIES", "Agency", "alone_owners", "alone_source", "cue_sources",
    "fragment", "owned_source", "owners", "rows", "stem",
]  # fmt: skip

#: what a row's body is: a national statistics office, the customs authority, or a ministry
#: or central bank that publishes the country's trade statistics (Turkey's Ministry of Trade,
#: Brazil's MDIC, Japan's Ministry of Finance, the State Bank of Pakistan)
BODIES: tuple[str, ...] = (
    "statistics", "customs", "trade_ministry", "finance_ministry", "central_bank",
)  # fmt: skip
#: a body the language files name in general (``[words]`` ``<body>_of`` with a country, and
#: ``<body>_alone`` without one): it is a country's statistics source when the registry has a
#: row of that body for the country (:func:`owners`)
NAMED_BODIES: dict[str, tuple[str, str | None]] = {
    "trade_ministry": ("trade_ministry_of", "trade_ministry_alone"),
    "finance_ministry": ("finance_ministry_of", "finance_ministry_alone"),
    "central_bank": ("central_bank_of", None),
}
#: how a row's name is matched (module docstring)
FORMS: tuple[str, ...] = ("name", "acronym", "pattern")
#: endings a word of an inflected language loses before it takes any ending
_ENDINGS: dict[str, str] = {
    "ru": "[аеёиоуыэюяйь]+",
    "uk": "[аеєиіїоуюяйь]+",
    "be": "[аеёіоуыэюяйьў]+",
    "pl": "[aeiouyąęó]+",
    "de": "(?:e[mnrs]?|s)",
}


@dataclass(frozen=True)
class Agency:
    """One row of the registry."""

    iso3: str
    body: str
    lang: str
    form: str
    name: str
    source: str


@cache
def rows() -> tuple[Agency, ...]:
    """Every row of ``tradecheck/data/statistics_agencies.csv``, in file order."""
    path = resources.files("tradecheck").joinpath("data/statistics_agencies.csv")
    text = path.read_text(encoding="utf-8")
    return tuple(Agency(**r) for r in csv.DictReader(io.StringIO(text, newline="")))


def stem(word: str, lang: str) -> str:
    """The pattern of one word of a name: as written, or (a word of four letters or more in
    an inflected language, not an acronym) its stem followed by any ending.

    Examples
    --------
    >>> stem("Белстат", "ru"), stem("таможенная", "ru"), stem("Statistisches", "de")
    ('Белстат\\\\w*', 'таможенн\\\\w*', 'Statistisch\\\\w*')
    >>> stem("США", "ru"), stem("Customs", "en")
    ('США', 'Customs')
    """
    if lang not in _ENDINGS or len(word) < 4 or word.isupper():
        return re.escape(word)
    base = re.sub(f"{_ENDINGS[lang]}$", "", word)
    return re.escape(base if len(base) >= 3 else word) + r"\w*"


def _country(iso3: str, lang: str) -> str:
    """The names of a country in one language as one group (``{c}`` of a row's name)."""
    names = L.country_names_source(lang, iso3)
    if names is None:
        raise ValueError(f"statistics_agencies.csv: no {lang} name of {iso3} for {{c}}")
    own = "(?:['’]s)?" if lang == "en" else ""
    return names + own


def fragment(row: Agency) -> str:
    """The regular expression of one row (without word boundaries).

    Examples
    --------
    >>> fragment(Agency("TUR", "trade_ministry", "ru", "name", "Минторг {c}", ""))
    'Минторг\\\\w*\\\\s+(?:Турци\\\\w*|турецк\\\\w*)'
    >>> fragment(Agency("POL", "statistics", "*", "acronym", "GUS", ""))
    '(?-i:GUS)'
    """
    if row.form == "pattern":
        return row.name
    if row.form == "acronym":
        return f"(?-i:{re.escape(row.name)})"
    sep = "" if row.lang == "zh" else r"\s+"
    parts = [
        _country(row.iso3, row.lang) if w == "{c}" else stem(w, row.lang)
        for w in (list(_zh_parts(row.name)) if row.lang == "zh" else row.name.split())
    ]
    return sep.join(parts)


def _zh_parts(name: str) -> tuple[str, ...]:
    """A Chinese name cut at its ``{c}`` (written without spaces)."""
    head, sep, tail = name.partition("{c}")
    return tuple(p for p in (head, "{c}" if sep else "", tail) if p)


def _bounded(row: Agency) -> str:
    """:func:`fragment` as a word (no boundary in Chinese)."""
    frag = fragment(row)
    if row.lang == "zh":
        return f"(?:{frag})"
    return rf"(?<!\w)(?:{frag})(?!\w)"


@cache
def cue_sources() -> dict[str, str]:
    """Reporter key -> one regular expression of every name of that key's agencies. A name
    (its compiled pattern) that several countries use is keyed by all of them, ``"BLR|KGZ|UZB"``.
    A country with a row of a :data:`NAMED_BODIES` body also takes that body's general names
    with its own ("Pakistan's central bank", "Минфин Японии": :func:`owned_source`)."""
    by_name: dict[str, set[str]] = {}
    for row in rows():
        by_name.setdefault(_bounded(row), set()).add(row.iso3)
    by_key: dict[str, list[str]] = {}
    for frag, isos in by_name.items():
        by_key.setdefault("|".join(sorted(isos)), []).append(frag)
    for body in NAMED_BODIES:
        for iso in owners(body):
            by_key.setdefault(iso, []).append(owned_source(body, iso))
    return {key: "|".join(frags) for key, frags in by_key.items()}


@cache
def owners(body: str) -> frozenset[str]:
    """The countries the registry lists a body of this kind for (its trade-statistics source).

    Examples
    --------
    >>> "JPN" in owners("finance_ministry"), "CHN" in owners("trade_ministry")
    (True, False)
    """
    return frozenset(r.iso3 for r in rows() if r.body == body and r.iso3 != "EU27")


def owned_source(body: str, iso3: str | None = None) -> str:
    """The general names of a :data:`NAMED_BODIES` body written with a country's names, every
    language ("India's commerce ministry", "日本财务省"); of any country when ``iso3`` is None.

    Examples
    --------
    >>> rx = re.compile(owned_source("trade_ministry", "IND"), re.IGNORECASE)
    >>> bool(rx.search("India's commerce ministry")), bool(rx.search("China's commerce ministry"))
    (True, False)
    """
    return L.country_template_source(NAMED_BODIES[body][0], iso3)


def alone_source(body: str, lang: str) -> str | None:
    """The names of a :data:`NAMED_BODIES` body written without a country in one language
    ("the trade ministry", "Finanzministerium"); None when the language has none.

    Examples
    --------
    >>> bool(re.search(alone_source("finance_ministry", "de"), "das Finanzministerium teilte mit"))
    True
    >>> alone_source("central_bank", "en") is None, alone_source("trade_ministry", "zh") is None
    (True, True)
    """
    concept = NAMED_BODIES[body][1]
    if concept is None or not L.load(lang)["words"][concept]:
        return None
    return L.language_source(concept, lang)


@cache
def alone_owners(body: str, lang: str) -> frozenset[str]:
    """The countries a text in ``lang`` means by a body's general name alone: those whose
    body of that kind the registry names in that language (or in all) with a name the words
    fit ("Ministry of Trade, Industry and Energy": KOR; not the US "Department of Commerce").

    Examples
    --------
    >>> sorted(alone_owners("trade_ministry", "en")), "USA" in alone_owners("trade_ministry", "en")
    (['IND', 'KOR', 'THA', 'TUR'], False)
    """
    src = alone_source(body, lang)
    if src is None:
        return frozenset()
    rx = re.compile(src, re.IGNORECASE)
    return frozenset(
        r.iso3
        for r in rows()
        if r.body == body and r.lang in (lang, "*") and rx.search(r.name.replace("{c}", ""))
    )
