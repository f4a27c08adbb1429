"""Whose trade a figure is about: the asked pair, another pair, a group or the world.

A number is a claim about the pair only when its clause's partners are that pair. This module
finds the country and group mentions of a text (words from the language files, concepts
``countries``, ``capitals`` and ``country_groups``; see ``claims/lang/*.toml``) and decides,
for the clauses around one amount, between these answers:

- :data:`PAIR`: the clause names countries of the pair and nothing else;
- :data:`OTHER`: the clause names another country or a group of countries as a partner
  ("Russia-China trade", "中巴贸易", "China's trade with Central Asia"), or one pair country
  with the world ("China's total foreign trade") — no claim about the pair;
- :data:`UNKNOWN`: the clause names no country, or both pair countries beside a third one
  ("China became Belarus's second partner after Russia"): the reader's context rules decide;
- :data:`ACTOR`: the clause names one pair country without a partner ("China's exports rose
  15%"): the pair's, unless a wider window (the sentence before, when it names countries) is
  about that country's world total or another pair.

Chinese writes a pair as two one-character abbreviations ("中俄", "白中"). Where one character
stands for two countries (巴: Brazil or Pakistan; 乌: Uzbekistan or Ukraine) the language file
keys it by both (``"BRA|PAK"``); it counts as the asked country only when the text also names
that country in full (:func:`resolve_ambiguous`), else as some other country.

Everything here is pure: text and offsets in, answers out.

Examples
--------
>>> text = "2023年中巴贸易额达到1815亿美元。"
>>> ms = find_mentions(text, ("BLR", "CHN"))
>>> [(m.key, text[m.start:m.end]) for m in ms]
[('CHN', '中'), ('BRA|PAK', '巴')]
>>> about(ms, ("BLR", "CHN")), about(ms, ("BRA", "CHN"))
('other', 'other')
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache

from tradecheck.claims import _vocab as V
from tradecheck.claims import lexicon as L
from tradecheck.claims import sentences as S
from tradecheck.claims.ranking import ranked_ahead
from tradecheck.countries import is_cjk

__all__ = [
    "ACTOR",
    "OTHER",
    "PAIR",
    "UNKNOWN",
    "WORLD",
    "WORLD_TOTAL",
    "Mention",
    "about",
    "decide",
    "find_mentions",
]

#: the clause's partners are the asked pair
PAIR = "pair"
#: the clause is about another pair, a group of countries or one country's world total
OTHER = "other"
#: the clause does not settle it; the reader's context rules decide
UNKNOWN = "unknown"
#: the clause names one pair country as the actor and no partner ("Uzbekistan's exports
#: reached ..."): the pair's unless the windows around it say whose trade the passage is about
ACTOR = "actor"
#: key of the world in the ``country_groups`` concept ("foreign trade", "abroad"): whose
#: world total, a wider window may say
WORLD = "WORLD"
#: key of a flow stated as summed over all partners ("total exports", "other countries",
#: "Insgesamt", "стран мира"): a world total whatever the text around it is about
WORLD_TOTAL = "WORLD_TOTAL"
#: the keys that stand for the world
WORLDS = frozenset({WORLD, WORLD_TOTAL})


@dataclass(frozen=True)
class Mention:
    """A country or group named in the text.

    Attributes
    ----------
    key
        ISO3 code, two codes joined by ``|`` (an ambiguous Chinese abbreviation), a group key
        (``EU``, ``CENTRAL_ASIA``, ...) or :data:`WORLD`.
    start, end
        Offsets in the normalised text.
    group
        True for a group of countries or the world.
    marked
        True when a preposition makes it the partner of a flow ("with China", "to China",
        "из Китая", "与中国"): then it is not the country whose world total is meant.
    """

    key: str
    start: int
    end: int
    group: bool = False
    marked: bool = False


def fallback_pattern(iso: str) -> re.Pattern[str]:
    """Names of a country the language files do not list, for a pair outside the table: its
    ISO3 code and its names in every reader language (:func:`_country_names`).

    Examples
    --------
    >>> bool(fallback_pattern("NZL").search("trade with New Zealand"))
    True
    >>> rx = fallback_pattern("HUN")
    >>> bool(rx.search("Handel mit Ungarn")), bool(rx.search("中国与匈牙利贸易"))
    (True, True)
    """
    names = _country_names(iso)
    words = "|".join([re.escape(iso), *(x for x in names if not is_cjk(x))])
    cjk = "".join(f"|{x}" for x in names if is_cjk(x))
    return re.compile(rf"(?<!\w)(?:{words})\w*{cjk}", re.IGNORECASE)


def _country_names(iso: str) -> list[str]:
    """The regular expressions of one country's names in every reader language: CLDR's
    (:func:`tradecheck.countries.cldr_names`) and, in English, Russian and Chinese, the
    project's table's (:func:`tradecheck.countries.name`), normalised as texts are
    ("刚果（金）" -> "刚果(金)"), each as :func:`tradecheck.countries.name_source` matches it
    (too short a name is left out).

    Examples
    --------
    >>> [bool(re.fullmatch(x, "Ungarns", re.IGNORECASE)) for x in _country_names("HUN")][:3]
    [False, True, False]
    """
    from tradecheck import countries
    from tradecheck.claims._lang import normalise

    found = []
    for lg in countries.READER_LANGS:
        names = [countries.cldr_names(lg).get(iso)]
        if lg in ("en", "ru", "zh"):
            try:
                names.append(countries.name(iso, lg))
            except Exception:  # noqa: BLE001 - best effort: a missing name only narrows matching
                pass
        found += [countries.name_source(normalise(n), lg) for n in names if n]
    return [x for x in dict.fromkeys(found) if x]


@cache
def _table_names() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """Patterns over the names in every reader language of every ISO 3166 country that the
    language files do not list (:func:`_country_names`): words with any ending (one group per
    country) and Chinese names as written; and group names and Chinese names -> ISO3."""
    import pycountry

    words: list[tuple[int, str]] = []
    iso_of: dict[str, str] = {}
    for n, c in enumerate(pycountry.countries):
        if c.alpha_3 in V.COUNTRY_RES:
            continue
        names = _country_names(c.alpha_3)
        alpha = sorted((x for x in names if not is_cjk(x)), key=len, reverse=True)
        if alpha:
            iso_of[f"c{n}"] = c.alpha_3
            words.append((len(alpha[0]), f"(?P<c{n}>{'|'.join(alpha)})"))
        iso_of.update({_unescape(x): c.alpha_3 for x in names if is_cjk(x)})
    # the country with the longest name first: a name that begins another ("Niger" in
    # "Nigeria", "Dominica" in "Dominican Republic") is tried after it
    groups = "|".join(g for _, g in sorted(words, key=lambda w: -w[0]))
    # a word starts with a letter: the look-ahead lets the engine skip everything else fast;
    # Chinese names stay one alternation of literals without groups (the engine's fast path)
    word_rx = L.compile(rf"(?<!\w)(?=[^\W\d_])(?:{groups})", re.IGNORECASE)
    cjk = sorted((x for x in iso_of if is_cjk(x)), key=len, reverse=True)
    return word_rx, re.compile("|".join(map(re.escape, cjk))), iso_of


def _unescape(source: str) -> str:
    """The literal text of a Chinese name's regular expression (``re.escape`` undone)."""
    return re.sub(r"\\(.)", r"\1", source)


@cache
def _currency_words() -> re.Pattern[str]:
    """Every currency word of every language ("долларов США", "Russian roubles", "白俄罗斯卢布")."""
    alts = "|".join(L.keyed_source("currencies", k) for k in L.keys("currencies"))
    return L.compile(alts, re.IGNORECASE)


@cache
def _partner_before() -> re.Pattern[str]:
    """A partner preposition right before a name ("with", "to", "from", "с", "与"), concepts
    ``partner_with``, ``destination`` and ``origin``."""
    words = "|".join(L.source(c) for c in ("partner_with", "destination", "origin"))
    return re.compile(rf"(?:{words})\s*(?:(?:{L.source('article')})\s+)?$", re.IGNORECASE)


@cache
def _location_before() -> re.Pattern[str]:
    """A location word right before a place ("in", "в", "在"; concept ``location``)."""
    return re.compile(rf"(?:{L.source('location')})\s*$", re.IGNORECASE)


def _metonym(norm: str, start: int) -> bool:
    """Whether the capital at ``start`` stands for its country ("Moscow and Beijing agreed"),
    not for a place ("talks in Minsk", "在北京举行").

    Examples
    --------
    >>> _metonym("Minsk and Beijing", 0), _metonym("talks in Beijing", 9)
    (True, False)
    """
    return not _location_before().search(norm, max(0, start - 8), start)


@cache
def _institution_after() -> re.Pattern[str]:
    """An institution word right after a name ("European Chamber", "EU-Kommission",
    "中国欧盟商会"; concept ``institution``)."""
    return re.compile(rf"[\s-]*(?:\w+\s+)?(?:{L.source('institution')})", re.IGNORECASE)


def _is_institution(norm: str, end: int) -> bool:
    """Whether the group named up to ``end`` is part of an institution's name.

    Examples
    --------
    >>> _is_institution("the European Chamber said", 12), _is_institution("European exports", 8)
    (True, False)
    """
    return bool(_institution_after().match(norm, end, min(len(norm), end + 30)))


def _marked(norm: str, start: int) -> bool:
    """Whether the name at ``start`` follows a partner preposition (:func:`_partner_before`)
    that does not name the flow's own side (:func:`own_side`)."""
    if not _partner_before().search(norm, max(0, start - 16), start):
        return False
    return not own_side(norm, start)


#: how far before a name its flow word may stand (:func:`own_side`)
OWN_SIDE_REACH = 60


@cache
def _own_side_before() -> re.Pattern[str]:
    """An export word, at most four words, then an origin preposition; or an import word, at
    most four words, then a destination preposition: right before a name, that name is the
    flow's own country (concepts ``export``, ``import``, ``origin``, ``destination``)."""
    exp, imp = L.source("export"), L.source("import")
    orig, dest, art = L.source("origin"), L.source("destination"), L.source("article")
    words = r"\s+(?:[^\W\d_][\w'’]*\s+|\d+\s+){0,4}"
    return re.compile(
        rf"(?<!\w)(?:(?:{exp}){words}(?:{orig})|(?:{imp}){words}(?:{dest}))"
        rf"\s*(?:(?:{art})\s+)?$",
        re.IGNORECASE,
    )


def own_side(norm: str, start: int) -> bool:
    """Whether the name at ``start`` is the exporter of the export word or the importer of
    the import word written just before it ("exports from Peru", "экспорт зерна в 2019 году
    из Казахстана", "imports into Chile"): the flow's own country, not its partner.

    Examples
    --------
    >>> own_side("total exports from Georgia", 19), own_side("exports to Georgia", 11)
    (True, False)
    >>> own_side("imports into Turkey", 13), own_side("imports from Turkey", 13)
    (True, False)
    """
    lo = max(0, start - OWN_SIDE_REACH)
    return bool(_own_side_before().search(norm, lo, start))


def _in_currency(m: Mention, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether a mention lies inside a currency word (the country of "US dollars" is no
    partner); ``spans`` are sorted and do not overlap (found by one ``finditer``).

    Examples
    --------
    >>> spans = [(0, 3), (4, 15)]
    >>> _in_currency(Mention("USA", 12, 15), spans), _in_currency(Mention("USA", 16, 19), spans)
    (True, False)
    """
    i = bisect_right(spans, (m.start, math.inf)) - 1
    return i >= 0 and spans[i][0] <= m.start and m.end <= spans[i][1]


def resolve_ambiguous(mentions: Iterable[Mention], pair: tuple[str, str]) -> list[Mention]:
    """Ambiguous abbreviations (``"BRA|PAK"``) read as the pair's country when the text also
    names that country in full; otherwise they stay "some other country".

    Examples
    --------
    >>> ms = [Mention("BRA|PAK", 3, 4), Mention("BRA", 10, 12)]
    >>> [m.key for m in resolve_ambiguous(ms, ("BRA", "CHN"))]
    ['BRA', 'BRA']
    >>> [m.key for m in resolve_ambiguous(ms[:1], ("BRA", "CHN"))]
    ['BRA|PAK']
    """
    ms = list(mentions)
    named = {m.key for m in ms if "|" not in m.key}
    out = []
    for m in ms:
        hits = [iso for iso in m.key.split("|") if iso in pair and iso in named]
        out.append(replace(m, key=hits[0]) if "|" in m.key and hits else m)
    return out


def find_mentions(norm: str, pair: tuple[str, str]) -> list[Mention]:
    """Every country and group named in ``norm``, in text order; a country inside a currency
    word is left out, ambiguous abbreviations are resolved for ``pair``.

    Examples
    --------
    >>> text = "Товарооборот России и Китая: 240 млрд долларов США"
    >>> [m.key for m in find_mentions(text, ("BLR", "CHN"))]
    ['RUS', 'CHN']
    """
    res = dict(V.COUNTRY_RES)
    for iso in pair:
        res.setdefault(iso, fallback_pattern(iso))
    found = [
        Mention(k, m.start(), m.end(), marked=_marked(norm, m.start()))
        for k, rx in res.items()
        for m in rx.finditer(norm)
    ]
    word_rx, cjk_rx, iso_of = _table_names()
    table = [(iso_of[m.lastgroup or ""], m) for m in word_rx.finditer(norm)]
    table += [(iso_of[m.group(0)], m) for m in cjk_rx.finditer(norm)]
    found += [
        Mention(iso, m.start(), m.end(), marked=_marked(norm, m.start()))
        for iso, m in table
        if iso not in res
    ]
    found += [
        Mention(k, m.start(), m.end(), marked=_marked(norm, m.start()))
        for k, rx in V.CAPITAL_RES.items()
        for m in rx.finditer(norm)
        if _metonym(norm, m.start())
    ]
    found += [
        Mention(k, m.start(), m.end(), group=True)
        for k, rx in V.GROUP_RES.items()
        for m in rx.finditer(norm)
        if not _is_institution(norm, m.end())
    ]
    found += compound_mentions(norm, found)
    found += flow_abbreviations(norm, found, pair)
    money = [(m.start(), m.end()) for m in _currency_words().finditer(norm)]
    kept = [m for m in found if m.end > m.start and not _in_currency(m, money)]
    named = sorted(resolve_ambiguous(kept, pair), key=lambda m: (m.start, m.end))
    ahead = ranked_ahead(norm, named)  # "second after Russia": Russia holds no role
    named = [m for m in named if m.start not in ahead]
    return sorted(named + anaphora(norm, named), key=lambda m: (m.start, m.end))


@cache
def _compound_rx() -> re.Pattern[str]:
    """One character of a Chinese pair compound (concept ``pair_compound``: "中智贸易")."""
    return L.compile(L.language_source("pair_compound", "zh"), 0)


@cache
def _first_characters() -> dict[str, str]:
    """The first character of every country's Chinese CLDR name -> the countries whose name
    begins with it, as one key ("智" -> "CHL", "新" -> "NCL|NZL|SGP")."""
    from tradecheck import countries

    by_char: dict[str, list[str]] = {}
    for iso, name in sorted(countries.cldr_names("zh").items()):
        by_char.setdefault(name[:1], []).append(iso)
    return {ch: "|".join(isos) for ch, isos in by_char.items()}


#: where a one-character abbreviation stands in a pair compound, tried on each character by
#: :func:`abbreviations`: after 中 ("中俄贸易"), before 中 ("俄中贸易"), and 中 itself after another
#: abbreviation ("白中贸易")
_COMPOUND_PROBES = (("中{}贸", 1), ("{}中贸", 0), ("白{}贸", 1))


@cache
def abbreviations() -> dict[str, str]:
    """Every one-character country abbreviation of a Chinese pair compound -> its key: the
    country the language file reads at that place of a compound ("俄" -> "RUS", "巴" ->
    "BRA|PAK", "中" -> "CHN"), else the countries whose Chinese CLDR name begins with it
    (:func:`_first_characters`: "智" -> "CHL"), as :func:`compound_mentions` reads them.

    Examples
    --------
    >>> t = abbreviations()
    >>> t["俄"], t["巴"], t["中"], t["智"], t["塞"].split("|").count("SRB")
    ('RUS', 'BRA|PAK', 'CHN', 'CHL', 1)
    """
    listed = [
        (key, re.compile(f))
        for key, frags in L.load("zh")["words"]["countries"].items()
        for f in frags
    ]
    out = {}
    for ch, cldr in _first_characters().items():
        probes = [(p.format(ch), at) for p, at in _COMPOUND_PROBES]
        keys = [
            key
            for key, rx in listed
            for text, at in probes
            if (m := rx.search(text, at)) and m.span() == (at, at + 1)
        ]
        out[ch] = keys[0] if keys else cldr
    return out


def compound_mentions(norm: str, found: Sequence[Mention]) -> list[Mention]:
    """The countries of a Chinese pair compound's abbreviations that no language file lists
    ("中智贸易" Chile, "秘中经贸" Peru), by the first character of their Chinese names; a
    character several names begin with is keyed by all of them ("新": New Zealand,
    Singapore ...) and counts as the pair's only when the text names it in full
    (:func:`resolve_ambiguous`). Characters already read (listed abbreviations, names) and
    characters no country's name begins with ("中外贸易") give nothing.

    Examples
    --------
    >>> [m.key for m in compound_mentions("2023年中秘贸易额", [])]
    ['PER', 'CHN']
    >>> [(m.key, m.start) for m in compound_mentions("中外贸易、智中经贸", [])]
    [('CHL', 5), ('CHN', 6)]
    """
    taken = [(m.start, m.end) for m in found]
    keys = _first_characters()
    out = []
    for m in _compound_rx().finditer(norm):
        if m.group(0) in keys and not any(s <= m.start() < e for s, e in taken):
            # the compound's other half, 中, is China ("中肯": China and Kenya)
            at = m.start() - 1 if norm[m.start() - 1 : m.start()] == "中" else m.end()
            out += [Mention(keys[m.group(0)], m.start(), m.end()), Mention("CHN", at, at + 1)]
    return out


@cache
def _flow_abbreviation_rx() -> re.Pattern[str]:
    """One character between a direction word and a flow word (concept
    ``flow_abbreviation``: "对埃出口", "从埃进口")."""
    return L.compile(L.language_source("flow_abbreviation", "zh"), 0)


def flow_abbreviations(norm: str, found: Sequence[Mention], pair: tuple[str, str]) -> list[Mention]:
    """The countries abbreviated to one character between a direction word and a flow word
    ("我对埃出口": exports to Egypt; "自秘进口": imports from Peru), by the first character of
    their Chinese names as in :func:`compound_mentions`; a character several names begin with
    is the pair's country when it is one of them (the flow's partner: "对埃出口" in a text on
    Egypt and China, though 埃 also begins Ethiopia's name), else all of them (some other
    country). Characters already read ("对华出口") and those no country's name begins with
    ("对外出口") give nothing.

    Examples
    --------
    >>> [(m.key, m.start) for m in flow_abbreviations("其中对秘出口、自秘进口", [], ("PER", "CHN"))]
    [('PER', 3), ('PER', 8)]
    >>> [m.key for m in flow_abbreviations("对埃出口", [], ("EGY", "CHN"))]
    ['EGY']
    >>> flow_abbreviations("对外出口增长", [], ("EGY", "CHN"))
    []
    """
    taken = [(m.start, m.end) for m in found]
    keys = _first_characters()
    out = []
    for m in _flow_abbreviation_rx().finditer(norm):
        if m.group(0) not in keys or any(s <= m.start() < e for s, e in taken):
            continue
        ours = [iso for iso in keys[m.group(0)].split("|") if iso in pair]
        key = ours[0] if len(ours) == 1 else keys[m.group(0)]
        out.append(Mention(key, m.start(), m.end(), marked=_marked(norm, m.start())))
    return out


def anaphora(norm: str, named: Sequence[Mention]) -> list[Mention]:
    """Countries named again by a demonstrative ("exports to this country", "в эту страну",
    "该国"; concept ``country_anaphora``): each stands for the last country named before it
    as a partner ("imports from Russia"), or in an earlier sentence; an unmarked country of
    its own sentence is the actor ("Belarusian exports to this country"), not the one meant.

    Examples
    --------
    >>> text = "Russia stayed first. Belarusian exports to this country grew 22%."
    >>> [(m.key, m.marked) for m in anaphora(text, find_mentions(text[:31], ("BLR", "CHN")))]
    [('RUS', True)]
    """
    countries = [m for m in named if not m.group]
    ends = [m.end for m in countries]
    out = []
    for hit in _country_anaphora().finditer(norm):
        lo = max(0, hit.start() - SENTENCE_REACH)
        stop = max(norm.rfind(p, lo, hit.start()) for p in SENTENCE_ENDS)
        i = bisect_right(ends, hit.start()) - 1
        while i >= 0 and not (countries[i].marked or countries[i].end <= stop):
            i -= 1
        if i >= 0:
            m = _marked(norm, hit.start())
            out.append(Mention(countries[i].key, hit.start(), hit.end(), marked=m))
    return out


#: characters that end a sentence, and how far back one is looked for (:func:`anaphora`): a
#: full stop, the marks of ``sentences.SENTENCE_END`` and a line break (of normalised text,
#: where full-width "！", "？" are already plain)
SENTENCE_ENDS = (S.PUNCT["full_stop"], *S.SENTENCE_END, "\n")
SENTENCE_REACH = 400


@cache
def _country_anaphora() -> re.Pattern[str]:
    """A demonstrative naming a country again (concept ``country_anaphora``)."""
    return L.pattern("country_anaphora")


def about(mentions: Iterable[Mention], pair: tuple[str, str]) -> str:
    """Whose trade a clause with these mentions is about: :data:`PAIR`, :data:`OTHER` or
    :data:`UNKNOWN` (see the module docstring).

    Examples
    --------
    >>> p = ("BLR", "CHN")
    >>> about([Mention("RUS", 0, 6), Mention("CHN", 7, 12)], p)
    'other'
    >>> about([Mention("CHN", 0, 5), Mention(WORLD, 8, 20, group=True)], p)
    'other'
    >>> about([Mention("BLR", 0, 7), Mention("CHN", 9, 14), Mention("RUS", 30, 36)], p)
    'unknown'
    >>> about([Mention(WORLD, 0, 9, group=True)], p), about([Mention("CHN", 0, 5)], p)
    ('unknown', 'actor')
    >>> about([Mention(WORLD, 0, 13, group=True), Mention("CHN", 19, 24, marked=True)], p)
    'unknown'

    """
    ms = list(mentions)
    if not ms:
        return UNKNOWN
    named = {m.key for m in ms if m.key in pair}
    others = {m.key for m in ms if m.key not in pair and m.key not in WORLDS}
    if others:
        return UNKNOWN if len(named) == 2 else OTHER
    actors = {m.key for m in ms if m.key in pair and not m.marked}
    if any(m.key in WORLDS for m in ms):
        # "China's total foreign trade" (its world total), not "foreign trade with China"
        return OTHER if len(named) == 1 and actors else UNKNOWN
    return ACTOR if named == actors and len(named) == 1 else PAIR


def decide(
    windows: Iterable[Iterable[Mention]], pair: tuple[str, str], at: int | None = None
) -> str:
    """Whose trade the windows around an amount are about, nearest window first (its own
    clause, its coordinated clause, the clause of its trade word, its sentence, the sentence
    before); ``at`` is the amount's offset (None: not known).

    The first window that names a country or group settles it, except one that names only a
    pair country as the actor (:data:`ACTOR`): then a later window that names the same
    country may still show that the passage is about its world total or another pair
    (:data:`OTHER`); otherwise the answer is :data:`PAIR` (a preceding sentence about another
    subject, as in a ranking, does not decide).

    Examples
    --------
    >>> decide([[], [Mention("KAZ", 0, 5), Mention("CHN", 9, 14)]], ("BLR", "CHN"))
    'other'
    >>> decide([[Mention("CHN", 0, 5, marked=True)], [Mention("KAZ", 0, 5)]], ("BLR", "CHN"))
    'pair'
    >>> uzb_world = [Mention("UZB", 0, 5), Mention(WORLD, 6, 20, group=True)]
    >>> decide([[Mention("UZB", 0, 5)], uzb_world], ("UZB", "CHN"))
    'other'
    >>> decide([[Mention("CHN", 0, 5)], [Mention("FRA", 0, 10)]], ("DEU", "CHN"))
    'pair'

    A window naming only the world ("the foreign trade deficit") leaves it to the wider ones:
    one pair country alone there makes it that country's world total.

    >>> decide([[Mention(WORLD, 0, 9, group=True)], [Mention("TUR", 0, 6)]], ("TUR", "CHN"))
    'other'

    A window naming only the world, then a country outside the pair before the amount: that
    country's share or total ("Japan was second, accounting for 11.5% of total trade").

    >>> japan = [Mention("JPN", 0, 5), Mention("AUS", 10, 19)]
    >>> decide([[Mention(WORLD, 40, 51, group=True)], japan], ("AUS", "CHN"), at=30)
    'other'
    >>> decide([[Mention(WORLD, 40, 51, group=True)], japan], ("AUS", "CHN"), at=3)
    'unknown'

    A total stated as such ("total imports", "Insgesamt") is one whatever the wider windows say.

    >>> decide([[Mention(WORLD_TOTAL, 0, 9, group=True)], [Mention("CHN", 0, 5, marked=True)]],
    ...        ("DEU", "CHN"))
    'other'
    """
    actors: set[str] = set()
    world = False
    for window in windows:
        ms = list(window)
        answer = about(ms, pair)
        if answer == ACTOR:
            if world:
                return OTHER  # "the foreign trade deficit ..." after "Turkey's exports ..."
            actors |= {m.key for m in ms if m.key in pair}
        elif ms and all(m.key in WORLDS for m in ms) and not actors:
            if any(m.key == WORLD_TOTAL for m in ms):
                return OTHER  # "Insgesamt stiegen die Importe", "total imports rose"
            world = True  # whose world total: a wider window may say
        elif world and ms:
            # only one pair country alone makes it that one's world total; a third country
            # named before the amount makes it that one's ("Japan came second, with 11.5%")
            return OTHER if answer == OTHER and _third_before(ms, pair, at) else UNKNOWN
        elif answer == OTHER and actors and not actors & {m.key for m in ms}:
            return PAIR  # a window about another subject ("France came second with ...")
        elif answer != UNKNOWN or ms:
            return answer
    return PAIR if actors else UNKNOWN


def _third_before(ms: Iterable[Mention], pair: tuple[str, str], at: int | None) -> bool:
    """Whether ``ms`` name a country outside the pair that ends before offset ``at``.

    Examples
    --------
    >>> aus = ("AUS", "CHN")
    >>> _third_before([Mention("JPN", 0, 5)], aus, 9), _third_before([Mention("JPN", 0, 5)], aus, 3)
    (True, False)
    """
    if at is None:
        return False
    return any(m.key not in pair and not m.group and m.end <= at for m in ms)
