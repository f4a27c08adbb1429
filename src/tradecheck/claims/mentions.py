"""Mentions: everything the claim reader looks up in a text, found once per text.

:func:`find` turns a normalised text into one immutable :class:`Mentions`: amounts (money
with its written precision and currency, percentages, multiples, physical amounts), periods
and comparison cues, flow keywords (trade / export / import), countries and groups of countries
(:mod:`.partners`), statistics-source cues, regions and the cue families (products, scopes,
not-a-trade-value words). Each kind is kept in a :class:`Sorted` index, so that "what lies in
this clause?" costs a lookup, not a scan. Nothing here decides what a figure means; that is
the resolvers' job (``claims/resolve``).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Generic, TypeVar

from tradecheck.claims import _vocab as V
from tradecheck.claims import cldr_currencies as C
from tradecheck.claims import lexicon as L
from tradecheck.claims import partners as P
from tradecheck.claims import reporters as R
from tradecheck.claims import sentences as S
from tradecheck.claims._numbers import (
    NUM,
    SCALE_RE,
    ZH_NUMERAL,
    ZH_VAGUE,
    parse_number,
    scale_factor,
    spelled_decimals,
    word_number,
    zh_number,
)
from tradecheck.claims._periods import PeriodMention, find_periods
from tradecheck.claims.fiscal import fiscal_start
from tradecheck.claims.multiples import plausible_multiple

__all__ = ["Amount", "CountryHit", "Keyword", "Mentions", "Sorted", "find", "find_amounts"]

T = TypeVar("T")


class Sorted(Generic[T]):
    """Items sorted by offset: the items starting in ``[s, e)`` in O(log n + k).

    Examples
    --------
    >>> idx = Sorted([5, 1, 9, 3], key=lambda x: x)
    >>> idx.between(2, 6), idx.last_before(9), idx.first_from(6)
    ([3, 5], 5, 9)
    """

    def __init__(self, items: Iterable[T], key: Callable[[T], int]) -> None:
        self.items: tuple[T, ...] = tuple(sorted(items, key=key))
        self.starts: tuple[int, ...] = tuple(key(x) for x in self.items)

    def __iter__(self) -> Iterator[T]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def between(self, s: int, e: int) -> list[T]:
        """Items starting at ``s`` or later and before ``e``."""
        starts = self.starts
        i = bisect_left(starts, s)
        if i == len(starts) or starts[i] >= e:
            return []  # the common answer, found with one search
        return list(self.items[i : bisect_left(starts, e, i)])

    def before(self, pos: int, limit: int = 64) -> list[T]:
        """Up to ``limit`` items starting before ``pos`` (the nearest ones), in text order."""
        j = bisect_left(self.starts, pos)
        return list(self.items[max(0, j - limit) : j])

    def last_before(self, pos: int) -> T | None:
        """The last item starting before ``pos``."""
        j = bisect_left(self.starts, pos)
        return self.items[j - 1] if j else None

    def first_from(self, pos: int) -> T | None:
        """The first item starting at ``pos`` or later."""
        i = bisect_left(self.starts, pos)
        return self.items[i] if i < len(self.items) else None


@dataclass(frozen=True)
class Amount:
    """A number as written, with its kind and unit.

    ``kind`` is money | money_gt ("40多亿美元": more than) | bare (a scaled number without a
    currency) | percent | ratio | ratio_word ("doubled") | physical (tonnes, m³).
    """

    kind: str
    start: int
    end: int
    value: float
    decimals: int | None
    currency: str | None = None
    num_start: int = 0
    unit: float = 1.0  # the scale word's factor ("billion" -> 1e9); 1 without one

    @property
    def precision(self) -> float | None:
        """One unit of the last written digit, in the amount's units; None for a word."""
        if self.decimals is None:
            return None
        return float(f"{self.unit / 10**self.decimals:.12g}")


@dataclass(frozen=True)
class Keyword:
    """A flow word: ``kind`` is trade | export | import."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class CountryHit:
    """A country named in the text (ISO3 code and offsets)."""

    iso: str
    start: int
    end: int


#: a cue hit: (start, end, label)
Cue = tuple[int, int, str]


def _start(x: Amount | PeriodMention | Keyword | CountryHit | P.Mention) -> int:
    return x.start


def _first(x: tuple[int, ...] | tuple[int, str] | tuple[int, str, str] | Cue) -> int:
    return x[0]


@dataclass(frozen=True)
class Mentions:
    """Every mention of one text, each kind sorted by offset."""

    amounts: Sorted[Amount]
    periods: Sorted[PeriodMention]
    keywords: Sorted[Keyword]
    countries: Sorted[CountryHit]
    #: countries and groups of countries named, as partners (:mod:`..partners`)
    partners: Sorted[P.Mention]
    reporter_hits: Sorted[tuple[int, str]]
    region_hits: Sorted[tuple[int, str, str]]
    cue_hits: dict[str, Sorted[Cue]] = field(default_factory=dict)
    #: money, bare and physical amounts (what a nearby percentage may be about)
    money_like: Sorted[Amount] = field(default_factory=lambda: Sorted((), _start))


#: amount kinds that are a quantity of something (money or goods)
MONEY_LIKE = ("money", "money_gt", "bare", "physical")


# ------------------------------------------------------------------------------------------
# amounts
# ------------------------------------------------------------------------------------------
#: currency signs and codes written before the number, every language (concept ``currencies``),
#: then every other current ISO 4217 code and sign (:mod:`.cldr_currencies`)
_CUR_PRE = f"(?P<pre>{L.currency_prefix_source()}|{C.source()})"
#: currency words written after the number, every language (concept ``currencies``), then
#: every other current ISO 4217 code and sign, then every CLDR currency name and unit noun
#: a currency written after a number starts with a letter (of any script) or a currency sign;
#: saying so first lets the engine leave a number followed by anything else ("1%") with one
#: character test instead of trying every CLDR currency name (tests/claims/test_mentions_speed.py
#: checks that no match changes); currency signs (category Sc) are all below U+20000
CURRENCY_FIRST = (
    r"(?=[^\W\d_]|["
    + "".join(re.escape(chr(c)) for c in range(0x20000) if unicodedata.category(chr(c)) == "Sc")
    + "])"
)
_CUR_POST = (
    f"(?P<post>{CURRENCY_FIRST}(?:"
    + "|".join(L.keyed_source("currencies", iso) for iso in L.keys("currencies"))
    + f"|{C.source()}|{C.names_source()}))"
)
#: the number, scale and currency may be joined by hyphens in a German compound
#: ("die 70-Milliarden-Dollar-Marke"); an abbreviated scale may touch the currency
#: ("36 Mrd.Euro")
_MONEY = L.compile(
    rf"{_CUR_PRE}?\s?(?P<num>{NUM})(?:(?:\s|-)?(?P<scale>{SCALE_RE})(?:(?<=\.)|(?![a-zа-яё])))?"
    rf"(?:(?:\s|-)?{_CUR_POST}(?![a-zа-яё]))?",
    re.IGNORECASE,
)
#: money whose number is a word: "fünf Milliarden Dollar", "five billion dollars"
_WORD_MONEY = L.compile(
    rf"(?<!\w)(?P<num>{L.table_source('number_words', bounded=False)})\s+(?P<scale>{SCALE_RE})"
    rf"(?![a-zа-яё])\s?{_CUR_POST}(?![a-zа-яё])",
    re.IGNORECASE,
)
#: money whose number is a Chinese numeral: "二百亿美元", "一百六十亿元" (not "数十亿": vague)
_ZH_WORD_MONEY = L.compile(
    rf"(?<![{ZH_VAGUE}{ZH_NUMERAL}])(?P<num>[{ZH_NUMERAL}]+)(?P<scale>万亿|亿|万){_CUR_POST}"
)
#: a percent spelled in Chinese: "百分之十二", "百分之三点五"
_ZH_WORD_PERCENT = L.compile(rf"百分之(?P<num>[{ZH_NUMERAL}]+)(?:点(?P<frac>[{ZH_NUMERAL}]+))?")
#: "40多亿美元", "40余亿美元" (more than 4 bn): number, 多 or 余, scale, currency
_MONEY_MORE_ZH = re.compile(rf"(?P<num>{NUM})[多余](?P<scale>万亿|亿|万|千){_CUR_POST}")
#: percentages: "5%", "5 percent", and the adjective after a hyphen ("a 7.5-percent rise",
#: "15-процентный рост")
_PERCENT = re.compile(
    rf"(?P<num>{NUM})(?:\s?(?:%|{L.source('percent')})|-(?:{L.source('percent_adjective')}))",
    re.IGNORECASE,
)
#: percentages whose number is a word: "um zwölf Prozent", "eight percent lower"
_WORD_PERCENT = L.compile(
    rf"(?<!\w)(?P<num>{L.table_source('number_words', bounded=False)})\s?"
    rf"(?:%|{L.source('percent')})",
    re.IGNORECASE,
)
#: multiples written with digits, every language (concept ``times``)
_RATIO_NUM: list[re.Pattern[str]] = L.templates("times", NUM)
#: multiples written as words (concept ``times_words``: "three-fold", "в два раза", "das
#: Doppelte"), and Chinese numerals before a ``times`` word ("三倍")
_RATIO_WORD: tuple[tuple[re.Pattern[str], float], ...] = L.number_groups("times_words")
_RATIO_ZH: list[re.Pattern[str]] = L.templates("times", "[一二两三四五六七八九十]{1,3}")


def scaled(v: float, unit: float) -> float:
    """``v * unit`` without binary noise ("8,2 млрд" -> 8200000000.0, not 8199999999.999999).

    Examples
    --------
    >>> scaled(8.2, 1e9)
    8200000000.0
    """
    return float(f"{v * unit:.15g}")


def _code(token: str | None) -> str | None:
    """The code of a currency token: the language files' words first, then CLDR's."""
    if not token:
        return None
    return L.currency_of(token) or C.code_of(token) or C.name_code(token)


def currency_of(pre: str | None, post: str | None) -> str | None:
    """The currency written after (first) or before the number (:func:`lexicon.currency_of`);
    a sign before it beats a unit noun alone after it ("the $100 billion mark").

    Examples
    --------
    >>> currency_of("$", "mark"), currency_of(None, "Euro"), currency_of(None, "Franken")
    ('USD', 'EUR', 'unit:franken')
    """
    after, before = _code(post), _code(pre)
    if after and after.startswith(C.UNIT) and before:
        return before
    return after or before


class _Taken:
    """Offsets already claimed by an earlier amount kind (local to one :func:`find_amounts`)."""

    def __init__(self, n: int) -> None:
        self.mask = [False] * (n + 1)

    def free(self, s: int, e: int) -> bool:
        return not any(self.mask[s:e])

    def take(self, s: int, e: int) -> None:
        for i in range(s, e):
            self.mask[i] = True


def _number(m: re.Match[str], lang: str) -> tuple[float, int | None] | None:
    """The value and decimals of the ``num`` group, None when it is not a number."""
    try:
        return parse_number(m.group("num"), lang)
    except ValueError:
        return None


#: the first code point of the CJK blocks (punctuation, kana, ideographs): unspaced scripts
_CJK_FIRST = 0x3000


def sign_may_follow(ch: str) -> bool:
    """Whether a "+" or "-" right after the character ``ch`` may be a number's sign: not after
    a letter or digit of a spaced script ("3-5%", "Covid-19%"), but after a Chinese character,
    which a sign follows unspaced ("增长-2.7%").

    Examples
    --------
    >>> sign_may_follow(" "), sign_may_follow("长"), sign_may_follow("3"), sign_may_follow("a")
    (True, True, False, False)
    """
    return not ch.isalnum() or (ord(ch) >= _CJK_FIRST and not ch.isdigit())


def _percents(norm: str, lang: str, taken: _Taken) -> list[Amount]:
    """Percentages, with a sign written before the number ("+13%", "-5%")."""
    out = []
    for m in _PERCENT.finditer(norm):
        num = _number(m, lang)
        if num is None:
            continue
        v, d = num
        s = m.start()
        if s > 0 and norm[s - 1] in "+-" and (s == 1 or sign_may_follow(norm[s - 2])):
            v = -v if norm[s - 1] == "-" else v
            s -= 1
        out.append(Amount("percent", s, m.end(), v, d, num_start=m.start("num")))
        taken.take(s, m.end())
    return out


def _word_percents(norm: str, taken: _Taken) -> list[Amount]:
    """Percentages whose number is a word ("um zwölf Prozent", "eight percent lower"): as
    precise as a whole percent (decimals 0).

    Examples
    --------
    >>> [(a.kind, a.value) for a in _word_percents("zehn Prozent niedriger", _Taken(22))]
    [('percent', 10)]
    """
    out = []
    for m in _WORD_PERCENT.finditer(norm):
        v = word_number(m.group("num"))
        if v is None or not taken.free(m.start(), m.end()):
            continue
        out.append(Amount("percent", m.start(), m.end(), v, 0, num_start=m.start()))
        taken.take(m.start(), m.end())
    return out


def _ratio_numbers(norm: str, lang: str, taken: _Taken) -> list[Amount]:
    """Multiples written with digits ("2.2-fold", "в 2,2 раза", "1,2倍")."""
    out = []
    for m in sorted((m for rx in _RATIO_NUM for m in rx.finditer(norm)), key=lambda m: m.start()):
        if not taken.free(m.start(), m.end()):
            continue
        num = _number(m, lang)
        if num is None or not plausible_multiple(num[0], m.group("num")):
            continue
        out.append(Amount("ratio", m.start(), m.end(), num[0], num[1], num_start=m.start("num")))
        taken.take(m.start(), m.end())
    return out


def _ratio_word_hits(norm: str) -> list[tuple[re.Match[str], float | None]]:
    """Every multiple written as words, in text order, with the multiple it stands for
    ("three-fold" 3, "полтора раза" 1.5, "半倍" 0.5, "三倍" 3)."""
    hits: list[tuple[re.Match[str], float | None]]
    hits = [(m, v) for rx, v in _RATIO_WORD for m in rx.finditer(norm)]
    hits += [
        (m, word_number(m.group("num")))
        for rx in _RATIO_ZH
        for m in rx.finditer(norm)
        if not (m.start() and norm[m.start() - 1] in ZH_VAGUE)  # "数十倍": dozens of times
    ]
    return sorted(hits, key=lambda h: (h[0].start(), -h[0].end()))


def _ratio_words(norm: str, taken: _Taken) -> list[Amount]:
    """Multiples written as words: "three-fold", "в два раза", "das Doppelte", "doubled"."""
    out = []
    for m, value in _ratio_word_hits(norm):
        rv = value if taken.free(m.start(), m.end()) else None
        if rv is None:
            continue
        out.append(Amount("ratio", m.start(), m.end(), float(rv), None, num_start=m.start()))
        taken.take(m.start(), m.end())
    for rx, val in V.RATIO_WORDS:
        for m in rx.finditer(norm):
            if taken.free(m.start(), m.end()):
                out.append(Amount("ratio_word", m.start(), m.end(), val, None, num_start=m.start()))
                taken.take(m.start(), m.end())
    return out


def _fraction_words(norm: str, taken: _Taken) -> list[Amount]:
    """Fractions written as words ("um ein Drittel", "增加三分之一", "by a third"): a
    percentage (1/3 is 33.3...%) as precise as a whole percent (decimals 0: "a third" is
    not 33.3333%); the resolvers decide whether it is a change, a share or nothing."""
    out = []
    for rx, val in V.FRACTION_WORDS:
        for m in rx.finditer(norm):
            if taken.free(m.start(), m.end()):
                s, e = m.start(), m.end()
                out.append(Amount("percent", s, e, 100.0 * val, 0, num_start=s))
                taken.take(s, e)
    return out


def _uncurrencied(m: re.Match[str], norm: str, lang: str, taken: _Taken) -> Amount | None:
    """A number without a currency: physical (with a unit), bare (with a scale) or nothing."""
    ph = V.PHYSICAL_UNIT.match(norm[m.end("num") : m.end("num") + 30])
    if ph and taken.free(m.start("num"), m.end("num")):
        s = m.start("num")
        return Amount("physical", s, m.end("num") + ph.end(), 0.0, None, num_start=s)
    scale = m.group("scale")
    num = _number(m, lang) if scale and taken.free(m.start(), m.end()) else None
    if num is None:
        return None
    unit = scale_factor(scale, lang)
    v, d = num
    s = m.start("num")
    return Amount("bare", m.start(), m.end(), scaled(v, unit), d, num_start=s, unit=unit)


def _money_amount(m: re.Match[str], lang: str, taken: _Taken) -> Amount | None:
    """A number with a currency written before or after it ("$5.1 billion", "5,1 Mrd. Euro")."""
    pre, scale = m.group("pre"), m.group("scale")
    if not taken.free(m.start("num"), m.end("num")):
        return None
    if scale and scale.lower() in ("b", "m", "k") and not pre:
        return None
    num = _number(m, lang)
    if num is None:
        return None
    unit = scale_factor(scale, lang)
    s = m.start() if pre else m.start("num")
    cur = currency_of(pre, m.group("post"))
    return Amount(
        "money", s, m.end(), scaled(num[0], unit), num[1], cur, num_start=m.start("num"), unit=unit
    )


def _money(norm: str, lang: str, taken: _Taken) -> list[Amount]:
    """Money amounts, bare scaled numbers and physical amounts (tonnes, m³)."""
    out = []
    for m in _MONEY.finditer(norm):
        if not (m.group("pre") or m.group("post")):
            if norm[m.end("num") : m.end("num") + 1] == "-":
                continue  # a compound without a currency ("600-Millionen-Mittelschicht")
            a = _uncurrencied(m, norm, lang, taken)
            if a is not None:
                out.append(a)
            continue
        a = _money_amount(m, lang, taken)
        if a is not None:
            out.append(a)
            taken.take(a.start, a.end)
    return out


def _money_more_than_zh(norm: str, lang: str, taken: _Taken) -> list[Amount]:
    """ "40多亿美元" (more than 4 bn): a money amount with a lower bound, kind ``money_gt``."""
    out = []
    for m in _MONEY_MORE_ZH.finditer(norm):
        if not taken.free(m.start(), m.end()):
            continue
        v, d = parse_number(m.group("num"), lang)
        unit = scale_factor(m.group("scale"))
        cur = currency_of(None, m.group("post"))
        out.append(Amount("money_gt", m.start(), m.end(), scaled(v, unit), d, cur, m.start(), unit))
        taken.take(m.start(), m.end())
    return out


def _money_in_words(norm: str, lang: str, taken: _Taken) -> list[Amount]:
    """Money whose number is a word ("mehr als fünf Milliarden Dollar", "two billion
    dollars"): as precise as its scale word (decimals 0)."""
    out = []
    for m in _WORD_MONEY.finditer(norm):
        v = word_number(m.group("num"))
        if v is None or not taken.free(m.start(), m.end()):
            continue
        unit = scale_factor(m.group("scale"), lang)
        cur = currency_of(None, m.group("post"))
        out.append(Amount("money", m.start(), m.end(), scaled(v, unit), 0, cur, m.start(), unit))
        taken.take(m.start(), m.end())
    return out


def _zh_words(norm: str, taken: _Taken) -> list[Amount]:
    """Money and percents written in Chinese numerals ("二百亿美元", "百分之十二点五"): as
    precise as their last written digit (decimals of the spelled fraction, else 0)."""
    out = []
    for m in _ZH_WORD_MONEY.finditer(norm):
        v = zh_number(m.group("num"))
        if v is None or not taken.free(m.start(), m.end()):
            continue
        unit = scale_factor(m.group("scale"))
        cur = currency_of(None, m.group("post"))
        out.append(Amount("money", m.start(), m.end(), scaled(v, unit), 0, cur, m.start(), unit))
        taken.take(m.start(), m.end())
    for m in _ZH_WORD_PERCENT.finditer(norm):
        v = zh_number(m.group("num"))
        frac = m.group("frac") or ""
        digits = "".join(str(_ZH_DIGIT_OF[ch]) for ch in frac if ch in _ZH_DIGIT_OF)
        if v is None or len(digits) != len(frac) or not taken.free(m.start(), m.end()):
            continue
        value = float(f"{v}.{digits}") if digits else float(v)
        out.append(Amount("percent", m.start(), m.end(), value, len(digits), num_start=m.start()))
        taken.take(m.start(), m.end())
    return out


#: a Chinese digit's value, for the digits of a spelled fraction ("三点五": 5)
_ZH_DIGIT_OF: dict[str, int] = {ch: i for i, ch in enumerate("零一二三四五六七八九")} | {
    "〇": 0,
    "两": 2,
}


def find_amounts(norm: str, lang: str) -> list[Amount]:
    """Every amount of ``norm`` in text order; earlier kinds claim their offsets first.

    Parameters
    ----------
    norm
        The normalised text.
    lang
        Its language (decides how ``1,234`` / ``1.234`` are read).

    Examples
    --------
    >>> [(a.kind, a.value, a.currency) for a in find_amounts("up 5% to $2 billion", "en")]
    [('percent', 5.0, None), ('money', 2000000000.0, 'USD')]
    """
    norm = spelled_decimals(norm, lang)  # "31-point-six" as digits, at the same offsets
    taken = _Taken(len(norm))
    out = _percents(norm, lang, taken)
    out += _word_percents(norm, taken)
    out += _ratio_numbers(norm, lang, taken)
    out += _ratio_words(norm, taken)
    out += _fraction_words(norm, taken)
    out += _money(norm, lang, taken)
    out += _money_more_than_zh(norm, lang, taken)
    out += _money_in_words(norm, lang, taken)
    out += _zh_words(norm, taken)
    return joined_units(sorted(out, key=_start), norm)


#: (larger part, smaller part) kinds that :func:`joined_units` joins: the currency is written
#: after the smaller part ("8 Milliarden 400 Millionen US-Dollar") or before the larger one
#: ("$1 млрд 402,8 млн")
_JOINABLE = {("bare", "money"), ("bare", "bare"), ("money", "bare")}


def joined_units(amounts: list[Amount], norm: str) -> list[Amount]:
    """Amounts written in two units, the larger first ("8 Milliarden 400 Millionen US-Dollar",
    "8 млрд 400 млн долларов", "$1 млрд. 402,8 млн.") as one amount (8.4 bn, precise to the
    smaller unit), not two.

    Examples
    --------
    >>> t = "8 Milliarden 400 Millionen US-Dollar"
    >>> [(a.value, a.currency, a.precision) for a in find_amounts(t, "de")]
    [(8400000000.0, 'USD', 1000000.0)]
    >>> [(a.value, a.currency) for a in find_amounts("$1 млрд. 402,8 млн.", "ru")]
    [(1402800000.0, 'USD')]
    """
    out: list[Amount] = []
    for a in amounts:
        prev = out[-1] if out else None
        if (
            prev is not None
            and (prev.kind, a.kind) in _JOINABLE
            and prev.unit > a.unit > 1
            and abs(a.value) < prev.unit
            and not norm[prev.end : a.start].strip()
        ):
            value = scaled(prev.value + a.value, 1.0)
            kind, cur = ("money", prev.currency) if prev.kind == "money" else (a.kind, a.currency)
            out[-1] = Amount(kind, prev.start, a.end, value, a.decimals, cur,
                             num_start=prev.num_start, unit=a.unit)  # fmt: skip
            continue
        out.append(a)
    return out


# ------------------------------------------------------------------------------------------
# keywords, countries, cues
# ------------------------------------------------------------------------------------------
_FLOW_PATTERNS = (("trade", V.TRADE_KW), ("export", V.EXPORT_KW), ("import", V.IMPORT_KW))


def flow_keywords(norm: str) -> list[Keyword]:
    """Trade, export and import words; a word inside a longer one is dropped (进出口 holds
    出口 and 进口)."""
    kws = sorted(
        (
            Keyword(kind, m.start(), m.end())
            for kind, rx in _FLOW_PATTERNS
            for m in rx.finditer(norm)
        ),
        key=_start,
    )
    return [k for i, k in enumerate(kws) if not _inside_longer(k, kws[max(0, i - 8) : i + 8])]


def _inside_longer(k: Keyword, near: list[Keyword]) -> bool:
    """Whether ``k`` lies inside a longer keyword (keywords are short: it starts close by)."""
    return any(
        o is not k and o.start <= k.start and k.end <= o.end and o.end - o.start > k.end - k.start
        for o in near
    )


def country_hits(partners: Iterable[P.Mention]) -> list[CountryHit]:
    """The countries among the named countries and groups (groups and the world left out)."""
    return [CountryHit(m.key, m.start, m.end) for m in partners if not m.group]


#: cue families found once per text (name -> patterns with the label each hit carries)
CUE_FAMILIES: dict[str, list[tuple[str, re.Pattern[str]]]] = {
    "product": list(V.PRODUCTS),
    "industrial": [("industrial", V.INDUSTRIAL)],
    "goods_and_services": [("goods_and_services", V.GOODS_AND_SERVICES)],
    "services": [("services", V.SERVICES)],
    "not_trade_weak": [("", V.NOT_TRADE_WEAK)],
    "not_trade_strong": [("", V.NOT_TRADE_STRONG)],
    "per_day": [("", L.pattern("per_day"))],
    "balance": [("", V.BALANCE_KW)],
    "price": [("", V.PRICE_TERMS)],
    "physical": [("", V.PHYSICAL_TERMS)],
    "value_terms": [("", L.pattern("value_terms"))],
    "so_far": [("", L.pattern("so_far"))],
    "pair_anaphora": [("", L.pattern("pair_anaphora"))],
}


def cue_hits(norm: str) -> dict[str, Sorted[Cue]]:
    """Every cue of every family in the text, found in one pass per pattern (so that rules
    asking "is there a cue in this clause?" cost a lookup, not a scan)."""
    return {
        fam: Sorted(
            (
                (m.start(), m.end(), label)
                for label, rx in pats
                for m in rx.finditer(norm)
                if fam != "not_trade_strong" or not ends_a_change(norm, m.start(), m.end())
            ),
            _first,
        )
        for fam, pats in CUE_FAMILIES.items()
    }


#: how far before a change's result (:func:`ends_a_change`) its change word may stand
RESULT_REACH = 60


def ends_a_change(norm: str, start: int, end: int) -> bool:
    """Whether the not-trade cue at ``[start, end)`` is the level a change ends at, not a
    target: it lies within words of concept ``result_infinitive`` ("to reach", "达到") that a
    change word (concepts ``increase``, ``decrease``) precedes in the same clause, at most
    :data:`RESULT_REACH` characters before ("rose 13.1 percent year on year to reach $5 bn",
    "steadily declining to reach $94.6 billion"); "aims to reach $5 bn" stays a target.

    Examples
    --------
    >>> t = "Exports jumped 70 percent to reach $6 bn. They aim to reach $9 bn."
    >>> [ends_a_change(t, m.start(), m.end()) for m in V.NOT_TRADE_STRONG.finditer(t)]
    [True, False, False]
    """
    result = V.RESULT_INFINITIVE.match(norm, start)
    if result is None or result.end() < end:
        return False
    changes = list(V.CHANGE.finditer(norm, max(0, start - RESULT_REACH), start))
    return bool(changes) and not S.CHANGE_REACH_END.search(norm, changes[-1].end(), start)


def _pair_currency(a: Amount, pair: tuple[str, str], norm: str) -> Amount:
    """``a`` with its currency read for ``pair`` (the same amount when that changes nothing:
    ``dataclasses.replace`` costs more than the lookup); a bare "$" before it is the pair's
    own dollar (:func:`cldr_currencies.bare_dollar`)."""
    code: str | None
    if a.currency == "USD" and norm[a.start : a.num_start].strip() == "$":
        code = C.bare_dollar(pair)
    else:
        code = C.unit_code(L.resolve_currency(a.currency, pair), pair)
    return a if code == a.currency else replace(a, currency=code)


def find(norm: str, lang: str, pair: tuple[str, str]) -> Mentions:
    """Every mention of ``norm``, found once (see the module docstring).

    Examples
    --------
    >>> m = find("In 2024 Belarus's exports to China rose 5%.", "en", ("BLR", "CHN"))
    >>> [a.kind for a in m.amounts], [k.kind for k in m.keywords], [c.iso for c in m.countries]
    (['percent'], ['export'], ['BLR', 'CHN'])
    """
    # "рублей": the rouble of the pair; "Franken": the franc of the pair (cldr_currencies)
    amounts = [_pair_currency(a, pair, norm) for a in find_amounts(norm, lang)]
    money_spans = [(a.num_start, a.end) for a in amounts if a.kind in MONEY_LIKE]
    fiscal = fiscal_start(pair)
    periods, _year_on_year_cues = find_periods(norm, money_spans, fiscal)  # cues: not used yet
    partners = Sorted(P.find_mentions(norm, pair), _start)
    return Mentions(
        amounts=Sorted(amounts, _start),
        periods=Sorted(periods, _start),
        keywords=Sorted(flow_keywords(norm), _start),
        countries=Sorted(country_hits(partners), _start),
        partners=partners,
        reporter_hits=Sorted(R.hits(norm, pair), _first),
        region_hits=Sorted(
            (
                (m.start(), country, name)
                for country, name, rx in V.REGION_RES
                if country in pair
                for m in rx.finditer(norm)
            ),
            _first,
        ),
        cue_hits=cue_hits(norm),
        money_like=Sorted((a for a in amounts if a.kind in MONEY_LIKE), _start),
    )
