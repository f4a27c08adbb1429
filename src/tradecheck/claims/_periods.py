"""Period expressions: years, month ranges, first N months, quarters, halves, relative years
and base-period cues ("year-on-year", "同比", "Vorjahreszeitraum").

Hand-written grammar: date parsers (dateparser, dateutil) resolve single dates, not the
cumulative reporting windows ("январь–сентябрь", "前三季度") news about trade uses. The words
come from the language files through :mod:`.lexicon` (months, ordinals, ``quarter``, ``half``,
``nine_months``, ``until_end_of``, ``year_of``, ``this_year_after``, ``rel_year_before``,
``years_ago``, ``month_suffix``, ...); what is written here is structure: digits, punctuation,
the codes Q1/H1 and the Chinese numerals.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from tradecheck.claims import lexicon as L
from tradecheck.claims._numbers import word_number
from tradecheck.claims.dates import date_spans
from tradecheck.claims.fiscal import fiscal_years
from tradecheck.claims.sentences import marks

MONTH = rf"(?:{L.months_source()})\.?"
YEAR = r"(?<!\d)(?:19[5-9]\d|20[0-4]\d)(?![\d.,]\d)"


def month_number(word: str) -> int:
    """Month number of a month name in any language of ``claims/lang`` (any case form).

    Examples
    --------
    >>> month_number("сентября"), month_number("März"), month_number("Sept.")
    (9, 3, 9)
    """
    n = L.month_number(word)
    if not n:
        raise ValueError(word)
    return n


@dataclass
class PeriodMention:
    """A period expression found in the text (offsets into the whole text)."""

    start: int
    end: int
    m1: int
    m2: int
    year: int | None = None  # explicit year
    # 0 = this year, -1 = last year, -2 = the year before last; n > 0: "n years later"
    rel: int | None = None
    is_base: bool = False  # a base of comparison ("compared with 2021")
    full_year: bool = False
    # "of the year" / "des Jahres": the year in progress at publication (unless the sentence
    # names a year before it)
    the_year: bool = False
    # False for a period the text names without a calendar anchor ("ten years ago": 2015 or
    # 2016?); a figure of that period has no period to check
    anchored: bool = True
    # "im Vorjahr", "two years later": ``rel`` counts from the year the text spoke of last
    # (else "im Vorjahr" from publication, "two years later" from nothing)
    from_context: bool = False
    # "the last N months of YEAR": January to month N while that year runs, its last N months
    # once it is over (see :func:`months_of`)
    trailing: bool = False
    # months counted from the start of the year ("the first two months", "Q1", "H1"), not
    # named ("April-October"): in a fiscal year they count from its first month
    counted: bool = False
    # the first month of the fiscal year the mention lies in ("this fiscal", "2021-22"),
    # None for a calendar year
    fiscal_start: int | None = None
    # read inside a calendar date ("on 14 May 2013", "2018-02-26"): a point in time
    in_date: bool = False
    # "ten years ago": how many years before the period compared with it (a base only)
    years_back: int | None = None
    # "last month": the month before publication (m1, m2 are then unknown until resolved)
    last_month: bool = False


@dataclass
class BaseCue:
    """A cue that the comparison is with the same months one year earlier."""

    start: int
    end: int


_I = re.IGNORECASE

# year cues attached after a sub-year period ("of 2025", "2025 года", "des Jahres 2025"); a
# written year after a relative-year word is that year ("по октябрь прошлого 2021 года")
_YEAR_AFTER = re.compile(
    rf"^\s*,?\s*(?:{L.source('year_of')}|{L.source('year_in')})?"
    rf"(?:(?:{L.source('year_apposition')})\s+)?({YEAR})"
    rf"(?:\s*(?:{L.source('year_after')}))?",
    _I,
)
#: "of this year" (rel 0), "прошлого года" (rel -1), "des Jahres" (the year in progress)
_REL_AFTER = re.compile(
    rf"^\s*,?\s*(?:(?P<this>{L.source('this_year_after')})|(?P<last>{L.source('last_year_after')})"
    rf"|(?P<the>{L.source('the_year_after')}))",
    _I,
)
#: a year or a relative year written before the period ("2024年一季度", "去年的上半年")
_GENITIVE = L.source("genitive")
_YEAR_BEFORE = re.compile(rf"({YEAR})\s*(?:{L.source('year_of_before')})\s*(?:{_GENITIVE})?\s*$")
_REL_BEFORE_ZH = re.compile(
    rf"({L.table_source('rel_year_before', bounded=False)})\s*(?:{_GENITIVE})?\s*$"
)


def _ord(word: str) -> int | None:
    """1..4 for an ordinal word ("third", "dritten", "третьем", "IV", "ІІ") or digits; the
    table matches without case, except roman numerals written with the Cyrillic "І" (the
    capital only: the small "і" is the Ukrainian and Belarusian "and").

    Examples
    --------
    >>> _ord("Third"), _ord("ІІ"), _ord("іі"), _ord("3.")
    (3, 2, None, 3)
    """
    w = word.rstrip(".")
    if w.isdigit():
        return int(w)
    n = L.number_of("ordinals", w)
    return None if n is None else int(n)


_WORDNUM = (
    r"\d{1,2}|"
    + "|".join(re.escape(w) for w in sorted(L.number_words(), key=len, reverse=True))
    + r"|[一二两三四五六七八九十]{1,3}"
)

#: a year (or "this year") right after a period: what makes "the past N months" January..N
_YEAR_FOLLOWS = (
    rf"\s*,?\s*(?:{L.source('year_of')}|{L.source('year_in')})?{YEAR}"
    rf"|\s*,?\s*(?:{L.source('this_year_after')})"
)

#: "in", "im", "в" before a month name
_MONTH_IN = L.source("month_in")
#: a month written with a number: "5月", "12月份"
_MONTH_SUFFIX = L.source("month_suffix")


def _behind(concept: str, negative: bool = False) -> str:
    """A look-behind for any word of a concept (one look-behind per word: each has a fixed
    width): "年" before "5月"; ``negative`` for "not after it" ("3个月" is no month).

    Examples
    --------
    >>> _behind("year_char"), _behind("count_measure", negative=True)
    ('(?:(?<=年))', '(?<!个)')
    """
    words = [w for _, w in L.fragments(concept)]
    if negative:
        return "".join(f"(?<!{w})" for w in words)
    return "(?:" + "|".join(f"(?<={w})" for w in words) + ")"


# (regex, kind) in priority order; kinds decide how m1/m2 are read from the match
_SUBYEAR: list[tuple[re.Pattern[str], str]] = [
    (
        L.pattern("nine_months"),
        "9m",
    ),
    (
        L.compile(
            rf"(?:(?:{L.source('range_from')})\s+)?(?P<a>{MONTH})\s*"
            rf"(?:-|–|—|/|{L.source('range_to')})\s*(?:(?:{L.source('end_of')})\s+)?(?P<b>{MONTH})"
            # a range named a quarter or half before its year: "the July-September quarter of
            # 2023"
            rf"(?:\s+(?:{L.source('quarter')}|{L.source('half')})(?=\s+(?:{L.source('year_of')})))?",
            _I,
        ),
        "mrange",
    ),
    (
        re.compile(
            rf"(?P<a>\d{{1,2}})\s*(?:{_MONTH_SUFFIX})?\s*(?:-|–|—|{L.source('number_range_to')}|~)"
            rf"\s*(?P<b>\d{{1,2}})\s*(?:{_MONTH_SUFFIX})",
            _I,
        ),
        "zrange",
    ),
    (
        re.compile(
            rf"(?:{L.source('first_n')})\s*(?P<n>{_WORDNUM})\s*(?:{L.source('month_word')})",
            _I,
        ),
        "firstn",
    ),
    # "in den vergangenen 7 Monaten 2022", "the past five months of this year": January to
    # month N only when a year follows (without one it is a trailing window: not read)
    (
        re.compile(
            rf"(?:{L.source('past_n')})\s*(?P<n>{_WORDNUM})\s*"
            rf"(?:{L.source('month_word')})(?={_YEAR_FOLLOWS})",
            _I,
        ),
        "pastn",
    ),
    # a count of months of a year: "in den fünf Monaten dieses Jahres", "in seven months of
    # 2019" (January to month N; without a year after it, a window the text does not place)
    (
        L.compile(
            rf"(?<![\w.,])(?P<n>{_WORDNUM})\s*(?:{L.source('month_word')})(?={_YEAR_FOLLOWS})",
            _I,
        ),
        "firstn",
    ),
    # the year so far up to a month: "by the end of June", "as of November", "bis Ende Juni",
    # "к концу июня" (January to that month)
    (
        re.compile(
            rf"(?:{L.source('until_end_of')})\s+(?P<b>{MONTH})(?!\w)",
            _I,
        ),
        "ytd",
    ),
    # the first month: "im ersten Monat dieses Jahres", "в первом месяце 2024 года", "首月"
    (
        L.pattern("first_month"),
        "first1",
    ),
    (re.compile(r"(?<![A-Za-z])Q(?P<q>[1-4])(?![\w])|(?<![\w])(?P<q2>[1-4])Q(?![\w])"), "q"),
    # "1. Quartal", "1-й квартал", "第一季度", "3季度"
    (re.compile(rf"(?P<d>[1-4])\.\s*(?:{L.source('quarter')})", _I), "q"),
    (
        re.compile(
            rf"(?<![\w])(?P<o>[1-4])(?:{L.source('ordinal_suffix')})?\s+(?:{L.source('quarter')})",
            _I,
        ),
        "q",
    ),
    (
        re.compile(
            rf"(?:{L.source('ordinal_prefix')})?(?P<o>[一二三四1-4])(?:{L.source('quarter')})", _I
        ),
        "q",
    ),
    # any language of claims/lang: "<ordinal> <quarter word>"
    # ("першому кварталі", "трэцім квартале", a roman numeral "II. Quartal", "ІІІ кварталі")
    (
        re.compile(rf"(?P<o>{L.table_source('ordinals')})\.?\s+(?:{L.source('quarter')})", _I),
        "q",
    ),
    (
        re.compile(
            rf"(?<![A-Za-z])H(?P<h>[12])(?![\w])|(?P<dn>[12])\.\s*(?:{L.source('half')})"
            rf"|(?:{L.source('first_half_prefix')}|(?P<z2>{L.source('second_half_prefix')}))"
            rf"(?:{L.source('half')})|{L.source('half_alone')}",
            _I,
        ),
        "h",
    ),
    (
        re.compile(rf"(?P<hr>{L.table_source('ordinals')})\.?\s+(?:{L.source('half')})", _I),
        "h",
    ),
    # "1 полугодие", "2-м полугодии": a digit with the language's ordinal ending, as for
    # quarters above
    (
        re.compile(
            rf"(?<![\w.,])(?P<dn>[12])(?:{L.source('ordinal_suffix')})?\s+(?:{L.source('half')})",
            _I,
        ),
        "h",
    ),
    (
        L.compile(
            rf"(?:(?:{_MONTH_IN})\s+)?(?P<a>{MONTH})(?=\s*,?\s*(?:{L.source('year_of')})?{YEAR})",
            _I,
        ),
        "month",
    ),
    # "compared to June", "gegenüber Juni" without a year: a base month (the match starts at
    # the month, so that the comparison word before it marks it a base)
    (
        L.compile(
            rf"(?:{L.source('base_marker')})\s+(?:{L.source('base_article')})?(?P<a>{MONTH})(?!\w)",
            _I,
        ),
        "bmonth",
    ),
    # "in July", "im Juli", "в июле" without a year: that month of the year in context
    (re.compile(rf"(?:{_MONTH_IN})\s+(?P<a>{MONTH})(?!\w)", _I), "month"),
    (re.compile(rf"{_behind('year_char')}\s*(?P<a>\d{{1,2}})\s*(?:{_MONTH_SUFFIX})", _I), "zmonth"),
    # "2月当月", "12月份": one month written without its year (never a date: "3月5日")
    (
        re.compile(
            rf"(?<!\d){_behind('count_measure', negative=True)}(?P<a>1[0-2]|[1-9])\s*"
            rf"(?:{_MONTH_SUFFIX})(?:\s*(?:{L.source('single_month')}))?"
            rf"(?!\s*\d{{1,2}}\s*(?:{L.source('day_suffix')}))"
        ),
        "zmonth",
    ),
]

_YEAR_RE = re.compile(
    rf"(?:(?:{L.source('year_before')})\s+)?(?P<y>{YEAR})(?:\s*(?:{L.source('year_after')}))?",
    _I,
)
_REL_RE: list[tuple[re.Pattern[str], int]] = [
    (L.pattern("year_before_last"), -2),
    (L.pattern("last_year"), -1),
    (L.pattern("this_year"), 0),
]
#: "{n} years ago" starts with a word character (a digit or a number word, or a word before
#: it); the lookahead only spares the engine the number words at other positions (speed; a
#: test checks that no match changes)
WORD_FIRST = r"(?=\w)"
_YEARS_AGO = [
    L.compile(WORD_FIRST + rx.pattern, rx.flags) for rx in L.templates("years_ago", _WORDNUM)
]
#: "over the past five years", "за пять лет", "五年间" (concept ``over_years``; never inside a
#: number: "2015年来" is "since 2015") and "over the past decade" (``over_decade``)
_OVER_YEARS = [
    L.compile(r"(?<![\d.,])" + WORD_FIRST + rx.pattern, rx.flags)
    for rx in L.templates("over_years", _WORDNUM)
]
_OVER_DECADE = L.pattern("over_decade")
DECADE = 10


def spans_of_years(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """(start, end, n) of each "over the past n years" between ``start`` and ``end``
    (1 <= n <= 50; a decade is ten years).

    Examples
    --------
    >>> t = "Over five years trade doubled; 近五年来增长了50%; over the past decade."
    >>> [n for _, _, n in spans_of_years(t, 0, len(t))]
    [5, 5, 10]
    >>> spans_of_years("自2015年来增长了两倍", 0, 12)
    []
    """
    out = [(m.start(), m.end(), DECADE) for m in _OVER_DECADE.finditer(text, start, end)]
    for m in (m for rx in _OVER_YEARS for m in rx.finditer(text, start, end)):
        n = word_number(m.group("num"))
        if n is not None and n == int(n) and 1 <= n <= 50:
            out.append((m.start(), m.end(), int(n)))
    kept: list[tuple[int, int, int]] = []
    for cue in sorted(out):  # two wordings of one cue ("近五年来") count once
        if not kept or cue[0] >= kept[-1][1]:
            kept.append(cue)
    return kept


#: "two years later" (a template with the number) and "a year later", "спустя год" (one year)
_YEARS_LATER = [
    L.compile(WORD_FIRST + rx.pattern, rx.flags) for rx in L.templates("years_later", _WORDNUM)
] + [L.pattern("a_year_later")]
_LAST_MONTH = L.pattern("last_month")
_PREV_YEAR_BASE = L.pattern("previous_year")
_YEAR_BEFORE_LAST = L.pattern("year_before_last")
_YEAR_BEFORE_PERIOD = L.pattern("year_before_period")
#: "gegenüber dem Niveau vor der Pandemie", "pre-pandemic level", "疫情前": a comparison with
#: the last whole year before COVID-19 (the WHO called it a pandemic on 11 March 2020)
_PRE_PANDEMIC = L.pattern("pre_pandemic")
PRE_PANDEMIC_YEAR = 2019
#: "since", or "since" and a month whose year is the period after it ("since June of last
#: year", "seit März 2022")
_SINCE_BEFORE = re.compile(
    rf"(?:{L.source('since')})\s*(?:{MONTH}\s*,?\s*(?:{L.source('year_of')})?)?$", _I
)
#: how far before a period its "since" may stand
_SINCE_REACH = 40


def after_since(text: str, start: int) -> bool:
    """Whether the period written at ``start`` follows "since" ("seit 2015", "the lowest since
    June 2014"): the start of a duration or a point of reference, not a period reported on.

    Examples
    --------
    >>> t = "imports fell to $38 billion, the smallest since June 2014"
    >>> after_since(t, t.index("June")), after_since(t, 0)
    (True, False)
    """
    return bool(_SINCE_BEFORE.search(text, max(0, start - _SINCE_REACH), start))


def since_point(text: str, p: PeriodMention) -> bool:
    """Whether ``p``, a month or part of a year that names its year (written or relative),
    follows "since": "the lowest since March 2009", "falling since June of last year",
    "seit März 2022" are points of reference, not a period a figure covers (a bare year after
    "since" is skipped alike). Without a year ("since January") it may be the start of the
    year so far and is kept.

    Examples
    --------
    >>> t = "exports fell to $7 billion, the lowest since March 2009"
    >>> at = t.index("March")
    >>> since_point(t, PeriodMention(at, len(t), 3, 3, year=2009))
    True
    >>> since_point(t, PeriodMention(at, len(t), 3, 3))
    False
    """
    return (p.year is not None or p.rel is not None) and after_since(text, p.start)


_YOY = L.pattern("same_period_last_year")


#: a year after a comparison word ("compared with 2021") or after "the same period of"
#: ("over the same period in 2019", "с аналогичным месяцем 2022 года"): a base
#: a bound or position word before a level noun ("below the level of 2022", "above the figure
#: of 2021", "über dem Niveau von 2021"): the level noun makes it a comparison base
_LEVEL_COMPARED = (
    rf"(?:{L.source('more_than')}|{L.source('less_than')}|{L.source('above')}|{L.source('below')})"
    rf"\s+(?:{L.source('base_article')})?(?:{L.source('base_unit')})"
)
_BASE_BEFORE = L.compile(
    rf"(?:(?:{L.source('base_marker')})\s*(?:{L.source('base_article')})?(?:{L.source('base_unit')})?"
    rf"|(?:{L.source('same_period_of')})\s*|{_LEVEL_COMPARED}\s*)$",
    _I,
)
_INDEX_CUE = L.pattern("index")
_BASE_AFTER_ZH = re.compile(rf"^\s*(?:{L.source('base_after')})", _I)
#: "(同期)的2.2倍" after a period: the period is the base of a multiple
_BASE_OF_MULTIPLE = re.compile(rf"^\s*(?:{L.source('base_multiple_after')})", _I)


def _mask_free(mask: list[bool], s: int, e: int) -> bool:
    """Whether no character of ``[s, e)`` is marked read in ``mask``."""
    return not any(mask[s:e])


def _set(mask: list[bool], s: int, e: int) -> None:
    """Mark ``[s, e)`` read in ``mask``."""
    for i in range(s, e):
        mask[i] = True


def _take(mask: list[bool], s: int, e: int) -> bool:
    """Whether ``[s, e)`` is still unread in ``mask``; if so it is marked read (the check and
    the mark of a step that reads a cue at once, with nothing between that reads ``mask``).

    Examples
    --------
    >>> mask = [False] * 6
    >>> _take(mask, 1, 3), _take(mask, 2, 4), _take(mask, 3, 5), mask
    (True, False, True, [False, True, True, True, True, False])
    """
    if not _mask_free(mask, s, e):
        return False
    _set(mask, s, e)
    return True


def find_periods(
    text: str, exclude: Sequence[tuple[int, int]] = (), fiscal_start: int | None = None
) -> tuple[list[PeriodMention], list[BaseCue]]:
    """All period expressions and year-on-year cues in ``text`` (normalised).

    ``exclude`` spans (money amounts) are never read as years; with ``fiscal_start`` (the
    first month of a pair country's fiscal year) "2021-22" is that fiscal year. Each step
    reads what the steps before it left unread (``mask``), so the order of the steps is the
    priority of the readings.

    Examples
    --------
    >>> ps, cues = find_periods("In January-September 2025 trade grew 5% year-on-year")
    >>> (ps[0].m1, ps[0].m2, ps[0].year, len(cues))
    (1, 9, 2025, 1)
    """
    mask = [False] * (len(text) + 1)
    for s, e in exclude:
        _set(mask, s, e)
    cues = _yoy_cues(text, mask)
    fiscal = _fiscal_mentions(text, fiscal_start, mask)
    out = _year_to_mentions(text, mask)
    out += _subyear_mentions(text, mask)
    out += _year_before_period_mentions(text, mask)
    out += _pre_pandemic_mentions(text, mask)
    cues += _previous_year_cues(text, mask)
    out += _years_ago_mentions(text, mask)
    out += _years_later_mentions(text, mask)
    out += _last_month_mentions(text, mask)
    out += _relative_year_mentions(text, mask)
    out += _year_mentions(text, mask)
    out = sorted(_within_fiscal(text, out, fiscal), key=lambda p: p.start)
    _unanchor_across_year_end(out)
    out = _with_single_months(text, out, mask)
    return _mark_dates(text, out), cues


def _yoy_cues(text: str, mask: list[bool]) -> list[BaseCue]:
    """The unread "year-on-year" / "同比" cues of ``text`` (marked read in ``mask``)."""
    cues = []
    for m in _YOY.finditer(text):
        if _take(mask, m.start(), m.end()):
            cues.append(BaseCue(m.start(), m.end()))
    return cues


#: "the year to March 2022", "in den zwölf Monaten bis März": twelve months ending in a month
_YEAR_TO = L.compile(rf"(?:{L.source('year_to')})\s+(?P<m>{MONTH})(?:\s*,?\s*(?P<y>{YEAR}))?", _I)
#: "the nine months to September 2023" (concept ``months_to``): that many months ending in a month
_MONTHS_TO = [
    L.compile(WORD_FIRST + rx.pattern + rf"\s+(?P<m>{MONTH})(?:\s*,?\s*(?P<y>{YEAR}))?", rx.flags)
    for rx in L.templates("months_to", _WORDNUM)
]


def _window(m: re.Match[str], n: int) -> PeriodMention:
    """The ``n`` months ending in the month of ``m`` (its written year, if any): "the nine
    months to September 2023" is January-September 2023; a window across the year end
    ("the six months to March 2024", "the year ended April 2024") runs on from its first
    month as a fiscal-like year does, and without a written year it is the last such window
    before publication.

    Examples
    --------
    >>> ps = _year_to_mentions("in the six months to March 2024", [False] * 32)
    >>> [(p.m1, p.m2, p.year) for p in ps]
    [(10, 15, 2023)]
    """
    last = month_number(m.group("m"))
    first = (last - n) % 12 + 1
    across = n > last
    yearlike = across or n == 12
    y = int(m.group("y")) - across if m.group("y") else None
    return PeriodMention(
        m.start(), m.end(), first, last + 12 * across, year=y,
        rel=None if y or not yearlike else -1, fiscal_start=first if yearlike else None,
        full_year=n == 12 and last == 12,
    )  # fmt: skip


def _year_to_mentions(text: str, mask: list[bool]) -> list[PeriodMention]:
    """The unread twelve-month windows ending in a named month: "the year ended April 2024"
    (May 2023-April 2024), read as a fiscal-like year starting the month after; without a
    written year the last such window before publication ("in the year to March").

    Examples
    --------
    >>> [(p.m1, p.m2, p.year, p.rel) for p in _year_to_mentions(
    ...     "in the year ended April 2024", [False] * 29)]
    [(5, 16, 2023, None)]
    >>> [(p.m1, p.m2, p.year, p.rel) for p in _year_to_mentions(
    ...     "in the year to December", [False] * 24)]
    [(1, 12, None, -1)]
    """
    out = []
    found = [(m, 12) for m in _YEAR_TO.finditer(text)]
    for m in (m for rx in _MONTHS_TO for m in rx.finditer(text)):
        n = word_number(m.group("num"))
        if n is not None and n == int(n) and 1 <= n <= 12:
            found.append((m, int(n)))
    for m, n in found:
        if not _take(mask, m.start(), m.end()):
            continue
        pm = _window(m, n)
        pm.is_base = _is_base(text, m.start(), m.end())
        out.append(pm)
    return out


def _subyear_mentions(text: str, mask: list[bool]) -> list[PeriodMention]:
    """The unread months, ranges, quarters and halves of ``text`` (:data:`_SUBYEAR`, in its
    priority order), each with the year written after or before it; a month or part of a year
    after "since" is masked but not returned (a point of reference)."""
    out = []
    for rx, kind in _SUBYEAR:
        for m in rx.finditer(text):
            if not _mask_free(mask, m.start(), m.end()):
                continue
            pm = _subyear(m, kind)
            if pm is None:
                continue
            _set(mask, m.start(), m.end())
            _attach_year(text, mask, m, pm)
            _set(mask, pm.start, pm.end)
            if since_point(text, pm):
                continue  # "the lowest since March 2009": a point of reference
            pm.is_base = _is_base(text, pm.start, pm.end) or _from_after_change(text, m)
            pm.anchored = not (kind in ("month", "zmonth") and _part_of_month(text, m))
            out.append(pm)
    return out


def _attach_year(text: str, mask: list[bool], m: re.Match[str], pm: PeriodMention) -> None:
    """Give ``pm`` (read from ``m``) the year written next to it, widening its span: first a
    year after it ("January-March 2025", past a bracketed aside), then a relative year after
    it ("of this year", "des Jahres"), then a year or relative year before it ("2024年一季度",
    "去年上半年"); a year already read (``mask``) is not taken."""
    if not _year_after(text, mask, m, pm) and not _rel_after(text, m, pm):
        _year_before(text, mask, m, pm)


def _year_after(text: str, mask: list[bool], m: re.Match[str], pm: PeriodMention) -> bool:
    """Whether an unread year follows ``m`` ("of 2025", "2025 года"); if so ``pm`` takes it."""
    after = _past_aside(text, m.end())
    ya = _YEAR_AFTER.match(text[after : after + 40])
    if not ya or not _mask_free(mask, after + ya.start(1), after + ya.end(1)):
        return False
    pm.year = int(ya.group(1))
    pm.end = after + ya.end()
    return True


def _rel_after(text: str, m: re.Match[str], pm: PeriodMention) -> bool:
    """Whether a relative year follows ``m`` ("of this year" rel 0, "прошлого года" rel -1,
    "des Jahres" the year in progress); if so ``pm`` takes it."""
    ra = _REL_AFTER.match(text[m.end() : m.end() + 40])
    if not ra:
        return False
    if ra.group("last"):
        pm.rel = -1
    elif ra.group("the"):
        pm.rel = None
        pm.the_year = True
    else:
        pm.rel = 0
    pm.end = m.end() + ra.end()
    return True


def _year_before(text: str, mask: list[bool], m: re.Match[str], pm: PeriodMention) -> None:
    """Give ``pm`` an unread year ("2024年") or a relative year ("去年的") written right before
    ``m``, starting it there; leave it as it is when there is none."""
    at = max(0, m.start() - 12)
    before = text[at : m.start()]
    yb = _YEAR_BEFORE.search(before)
    if yb and _mask_free(mask, at + yb.start(1), at + yb.end(1)):
        pm.year = int(yb.group(1))
        pm.start = at + yb.start()
        return
    rb = _REL_BEFORE_ZH.search(before)
    if rb:
        pm.rel = int(L.number_of("rel_year_before", rb.group(1)) or 0)
        pm.start = at + rb.start()


def _year_before_period_mentions(text: str, mask: list[bool]) -> list[PeriodMention]:
    """The unread "im Vorjahr"-like years: the year before the one the text spoke of last."""
    out = []
    for m in _YEAR_BEFORE_PERIOD.finditer(text):
        if _take(mask, m.start(), m.end()):
            pm = PeriodMention(m.start(), m.end(), 1, 12, rel=-1, full_year=True, from_context=True)
            pm.is_base = _is_base(text, m.start(), m.end())
            out.append(pm)
    return out


def _pre_pandemic_mentions(text: str, mask: list[bool]) -> list[PeriodMention]:
    """The unread "pre-pandemic level" cues: :data:`PRE_PANDEMIC_YEAR` as a base."""
    out = []
    for m in _PRE_PANDEMIC.finditer(text):
        if _take(mask, m.start(), m.end()):
            y = PRE_PANDEMIC_YEAR
            out.append(PeriodMention(m.start(), m.end(), 1, 12, y, is_base=True, full_year=True))
    return out


def _previous_year_cues(text: str, mask: list[bool]) -> list[BaseCue]:
    """The unread "the previous year" cues; "the year before" of "the year before last" is no
    base cue but a relative year (:func:`_relative_year_mentions`)."""
    cues = []
    for m in _PREV_YEAR_BASE.finditer(text):
        if not _YEAR_BEFORE_LAST.match(text, m.start()) and _take(mask, m.start(), m.end()):
            cues.append(BaseCue(m.start(), m.end()))
    return cues


def _years_ago_mentions(text: str, mask: list[bool]) -> list[PeriodMention]:
    """The unread "{n} years ago" (1 <= n <= 50): a year without calendar anchor; as a base
    it records how many years back it lies (``years_back``)."""
    out = []
    for m in (m for rx in _YEARS_AGO for m in rx.finditer(text)):
        n = word_number(m.group("num"))
        if n is not None and 1 <= n <= 50 and _take(mask, m.start(), m.end()):
            pm = PeriodMention(m.start(), m.end(), 1, 12, full_year=True, anchored=False)
            pm.is_base = _is_base(text, m.start(), m.end())
            pm.years_back = int(n) if pm.is_base and n == int(n) else None
            out.append(pm)
    return out


def _years_later_mentions(text: str, mask: list[bool]) -> list[PeriodMention]:
    """The unread "{n} years later" (1 <= n <= 50; "a year later", "спустя год": one): the
    year that many years after the one the text spoke of last (``from_context``, as "im
    Vorjahr" counts back from it).

    Examples
    --------
    >>> t = "Exports were $4 billion in 2013; two years later they fell to $3 billion."
    >>> [(p.rel, p.from_context) for p in _years_later_mentions(t, [False] * (len(t) + 1))]
    [(2, True)]
    """
    out = []
    for m in (m for rx in _YEARS_LATER for m in rx.finditer(text)):
        num = m.groupdict().get("num")
        n = 1 if num is None else word_number(num)
        if n is None or not (1 <= n <= 50 and n == int(n)):
            continue
        if _mask_free(mask, m.start(), m.end()):
            pm = PeriodMention(m.start(), m.end(), 1, 12, rel=int(n), full_year=True)
            pm.from_context = True
            pm.is_base = _is_base(text, m.start(), m.end())
            out.append(pm)
            _set(mask, m.start(), m.end())
    return out


def _last_month_mentions(text: str, mask: list[bool]) -> list[PeriodMention]:
    """The unread "last month": the month before publication (resolved later)."""
    out = []
    for m in _LAST_MONTH.finditer(text):
        if _take(mask, m.start(), m.end()):
            pm = PeriodMention(m.start(), m.end(), 1, 1, last_month=True)
            pm.is_base = _is_base(text, m.start(), m.end())
            out.append(pm)
    return out


def _relative_year_mentions(text: str, mask: list[bool]) -> list[PeriodMention]:
    """The unread "this year", "last year", "the year before last" not after "since"."""
    out = []
    for rx, rel in _REL_RE:
        for m in rx.finditer(text):
            if not after_since(text, m.start()) and _take(mask, m.start(), m.end()):
                pm = PeriodMention(m.start(), m.end(), 1, 12, rel=rel, full_year=True)
                pm.is_base = _is_base(text, m.start(), m.end())
                out.append(pm)
    return out


def _year_mentions(text: str, mask: list[bool]) -> list[PeriodMention]:
    """The unread written years ("in 2019", "2019年"); a year after "since" ("seit 2015") is
    the start of a duration, not a period, and is left unread."""
    out = []
    for m in _YEAR_RE.finditer(text):
        ys, ye = m.start("y"), m.end("y")
        if not _mask_free(mask, ys, ye) or after_since(text, m.start()):
            continue
        # a year range "2015-2020" or a list: still years; a number glued to letters: not
        pm = PeriodMention(m.start(), m.end(), 1, 12, year=int(m.group("y")), full_year=True)
        pm.is_base = _is_base(text, m.start(), m.end()) or _is_base(text, ys, ye)
        out.append(pm)
        _set(mask, m.start(), m.end())
    return out


def _unanchor_across_year_end(found: list[PeriodMention]) -> None:
    """Mark unanchored the ranges across the year end outside a fiscal year ("July-February
    2019": which year it starts in is unsaid)."""
    for p in found:
        p.anchored = p.anchored and (p.m2 <= 12 or p.fiscal_start is not None)


def _mark_dates(text: str, found: list[PeriodMention]) -> list[PeriodMention]:
    """``found`` with the mentions read inside a calendar date flagged ``in_date``: "on 14 May
    2013" in a photo caption, a date line "2018-02-26". A dated text ignores them (a date is
    no period a figure covers); an undated one keeps them as its only anchor of "now".

    Examples
    --------
    >>> ps, _ = find_periods("Photo of 14 May 2013. Exports rose 5% in 2019.")
    >>> [(p.year, p.in_date) for p in ps]
    [(2013, True), (2019, False)]
    """
    spans = date_spans(text)
    for p in found:
        p.in_date = any(s < p.end and p.start < e for s, e in spans)
    return found


#: "this fiscal", "в текущем финансовом году", "上一财年": a fiscal year counted from publication
_REL_FISCAL = ((L.pattern("this_fiscal_year"), 0), (L.pattern("last_fiscal_year"), -1))


def _fiscal_mentions(text: str, start: int | None, mask: list[bool]) -> list[PeriodMention]:
    """ "2021-22", "FY23" and "this fiscal" as fiscal years starting in month ``start`` (months
    past 12 are the next year's: :func:`tradecheck.claims.fiscal.month_span`); none without
    ``start``.

    Examples
    --------
    >>> [(p.m1, p.m2, p.year, p.rel) for p in _fiscal_mentions("in 2021-22", 4, [False] * 11)]
    [(4, 15, 2021, None)]
    >>> [(p.m1, p.m2, p.year, p.rel) for p in _fiscal_mentions("last fiscal", 4, [False] * 12)]
    [(4, 15, None, -1)]
    """
    if start is None:
        return []
    found: list[tuple[int, int, int | None, int | None]]
    found = [(s, e, y, None) for s, e, y in fiscal_years(text)]
    found += [(m.start(), m.end(), None, r) for rx, r in _REL_FISCAL for m in rx.finditer(text)]
    out = []
    for s, e, y, rel in sorted(found):
        if _take(mask, s, e):
            pm = PeriodMention(s, e, start, start + 11, year=y, rel=rel, fiscal_start=start)
            pm.is_base = _is_base(text, s, e)
            out.append(pm)
    return out


#: what may stand between months and the fiscal year they belong to ("of the", "(", "в"): a
#: few characters without a digit, a line break or a mark of a clause or sentence end (full
#: stop, comma, semicolon, colon, "!", "?": ``sentences.PUNCT``); a bracket may stand there
_FISCAL_GAP_END = marks("full_stop", "comma", "semicolon", "colon", "exclamation", "question")
_TO_FISCAL = re.compile(rf"[^\d{_FISCAL_GAP_END}\n]{{0,12}}")


def _within_fiscal(
    text: str, periods: list[PeriodMention], fiscal: list[PeriodMention]
) -> list[PeriodMention]:
    """``periods`` and ``fiscal`` with months written right before a fiscal year read as
    months of it: "the first two months of the current fiscal" (April-May), "April-October
    this fiscal", "the first half of 2012-13" (April-September 2012), "July-February
    2018-19" (a range across the year end, kept only inside a fiscal year).

    Examples
    --------
    >>> ps, _ = find_periods("in the first half of 2012-13", fiscal_start=4)
    >>> [(p.m1, p.m2, p.year) for p in ps]
    [(4, 9, 2012)]
    >>> ps, _ = find_periods("in January-March this fiscal", fiscal_start=4)
    >>> [(p.m1, p.m2, p.rel) for p in ps]
    [(13, 15, 0)]
    """
    out, used = [], set()
    for p in periods:
        after = _past_aside(text, p.end)  # "the first eight months (Jul-Feb) of this fiscal"
        f = next((f for f in fiscal if _joined(text, after, f.start)), None)
        if f is None or p.full_year or p.fiscal_start is not None:
            out.append(p)
            continue
        used.add(f.start)
        out.append(_months_of_fiscal(p, f))
    return out + [f for f in fiscal if f.start not in used]


def _joined(text: str, end: int, start: int) -> bool:
    """Whether only a few words (no digits, no stop) stand between ``end`` and ``start``."""
    return end <= start and _TO_FISCAL.fullmatch(text, end, start) is not None


def _months_of_fiscal(p: PeriodMention, f: PeriodMention) -> PeriodMention:
    """``p``'s months in fiscal year ``f``: counted months from its first month, named
    months before it in the next calendar year (months past 12)."""
    start = f.fiscal_start or 1
    if p.counted:
        m1, m2 = p.m1 + start - 1, p.m2 + start - 1
    else:
        m1, m2 = (m if m >= start else m + 12 for m in (p.m1, p.m2))
    return PeriodMention(
        p.start, f.end, m1, m2, year=f.year, rel=f.rel, is_base=p.is_base or f.is_base,
        fiscal_start=start,
    )  # fmt: skip


_SINGLE_MONTH = L.pattern("single_month")


def _with_single_months(
    text: str, found: list[PeriodMention], mask: list[bool]
) -> list[PeriodMention]:
    """``found`` plus the single months written as "当月" / "in that month alone": the last
    month of the period mentioned before ("1-5月 ...，当月 ..." = May of that year).

    Examples
    --------
    >>> ps, _ = find_periods("2024年1-5月，贸易额增长3%，当月增长5%")
    >>> [(p.m1, p.m2, p.year) for p in ps]
    [(1, 5, 2024), (5, 5, 2024)]
    """
    out = list(found)
    for m in _SINGLE_MONTH.finditer(text):
        prev = [p for p in found if p.end <= m.start() and not p.is_base and not p.full_year]
        if not prev or not _mask_free(mask, m.start(), m.end()):
            continue
        p = prev[-1]
        out.append(
            PeriodMention(m.start(), m.end(), p.m2, p.m2, p.year, p.rel, the_year=p.the_year)
        )
    return sorted(out, key=lambda p: p.start)


#: a change just written ("up 27%", "rose 1.8-fold") before a period that starts with "from"
_CHANGE_JUST_BEFORE = re.compile(rf"(?:%|{L.source('change_unit')})\s*$", _I)


def _from_after_change(text: str, m: re.Match[str]) -> bool:
    """ "up 19% from January-March 2018": a period opened by "from" right after a change is
    the comparison base, not the start of a range."""
    opener = re.match(rf"(?:{L.source('from_word')})\s+", m.group(0), _I)
    return bool(opener) and bool(
        _CHANGE_JUST_BEFORE.search(text[max(0, m.start() - 20) : m.start()])
    )


_ASIDE = re.compile(r"\s*\([^()]{0,160}\)")


def _past_aside(text: str, pos: int) -> int:
    """The offset past one bracketed aside right at ``pos`` ("1 квартал (a remark) 2025
    року": the year after the aside is the quarter's), else ``pos``."""
    m = _ASIDE.match(text, pos, pos + 170)
    return m.end() if m else pos


_PARTIAL_BEFORE = re.compile(rf"(?:{L.source('partial_month')})\s*$", _I)
_PARTIAL_AFTER = re.compile(rf"^\s*(?:{L.source('partial_month')})", _I)


def _part_of_month(text: str, m: re.Match[str]) -> bool:
    """ "14 days of February 2023", "2月前14天": some days of a month, not whole months."""
    before = text[max(0, m.start() - 30) : m.start()]
    return bool(
        _PARTIAL_BEFORE.search(before) or _PARTIAL_AFTER.match(text[m.end() : m.end() + 12])
    )


_SAME_PERIOD_OF = re.compile(rf"(?:{L.source('same_period_of')})\s*$", _I)
#: the word a year mention may start with ("in 2013"): the cue stands before it
_LEAD_YEAR_WORD = re.compile(rf"(?:{L.source('year_before')})\s+", _I)


def same_period_of(text: str, start: int) -> bool:
    """Whether a period at ``start`` is written as "the same period of" it ("compared to the
    same month of 2023", "с аналогичным месяцем 2022 года"): the base is then exactly one
    year before the period compared with it.

    Examples
    --------
    >>> t = "up 37% compared to the same month of 2023"
    >>> same_period_of(t, t.index("2023")), same_period_of(t, t.index("37"))
    (True, False)
    >>> t = "down 38.4% compared to the same period in 2013"
    >>> same_period_of(t, t.index("in 2013"))
    True
    """
    lead = _LEAD_YEAR_WORD.match(text, start)
    end = lead.end() if lead else start
    return bool(_SAME_PERIOD_OF.search(text[max(0, end - 40) : end]))


def same_period_start(text: str, start: int) -> int:
    """Where the words "the same period of" before a period at ``start`` begin ("during the
    same period in 2014": at "same"); ``start`` itself when there are none.

    Examples
    --------
    >>> t = "compared to $19 billion during the same period in 2012"
    >>> t[same_period_start(t, t.index("in 2012")) :], same_period_start(t, 5)
    ('same period in 2012', 5)
    """
    lead = _LEAD_YEAR_WORD.match(text, start)
    end = lead.end() if lead else start
    lo = max(0, end - 40)
    m = _SAME_PERIOD_OF.search(text, lo, end)
    return m.start() if m else start


#: how far before a period its comparison word may stand ("gegenüber dem Ergebnis des
#: Vorjahres 2022")
_BASE_REACH = 48


def _is_base(text: str, s: int, e: int) -> bool:
    before = text[max(0, s - _BASE_REACH) : s]
    if _BASE_BEFORE.search(before):
        # "from January" is not a base; "to 2021" is not a base
        return True
    if _BASE_OF_MULTIPLE.match(text[e : e + 14]):
        return True
    # "为2022年的165%": the year an index is of (concept ``index``); "由2016年的11%" is a level
    if _INDEX_CUE.match(text, max(0, s - 1)) and re.match(
        r"^\s*(?:年)?(?:同期)?的\s*[\d.]+\s*%", text[e : e + 14]
    ):
        return True
    return bool(_BASE_AFTER_ZH.match(text[e : e + 8]))


def months_of(p: PeriodMention, closed: bool) -> tuple[int, int]:
    """The first and last month ``p`` means: "the last four months of 2022" are September to
    December once 2022 is over (``closed``), January to April while it runs.

    Examples
    --------
    >>> (p,), _ = find_periods("compared to the last four months of 2022")
    >>> months_of(p, closed=True), months_of(p, closed=False)
    ((9, 12), (1, 4))
    """
    if not p.trailing or not closed:
        return p.m1, p.m2
    return 12 - (p.m2 - p.m1), 12


def _nine_months(m: re.Match[str], kind: str) -> PeriodMention | None:
    """Kind ``9m`` ("nine months"): January to September."""
    return PeriodMention(m.start(), m.end(), 1, 9, counted=True)


def _month_range(m: re.Match[str], kind: str) -> PeriodMention | None:
    """Kinds ``mrange`` (month names, "July-February" running across the year end) and
    ``zrange`` (month numbers); None for a range backwards or out of 1..12."""
    gd = m.groupdict()
    a = month_number(gd["a"]) if kind == "mrange" else int(gd["a"])
    b = month_number(gd["b"]) if kind == "mrange" else int(gd["b"])
    if kind == "mrange" and 1 <= b < a <= 12:  # "July-February": across the year end
        return PeriodMention(m.start(), m.end(), a, b + 12)
    if not (1 <= a <= b <= 12):
        return None
    return PeriodMention(m.start(), m.end(), a, b)


def _first_months(m: re.Match[str], kind: str) -> PeriodMention | None:
    """Kinds ``firstn`` ("the first five months") and ``pastn`` ("the past five months",
    trailing); None unless ``n`` is a whole number of months from 1 to 12."""
    n = word_number(m.group("n"))
    if n is None or not (1 <= n <= 12) or n != int(n):
        return None
    return PeriodMention(m.start(), m.end(), 1, int(n), trailing=kind == "pastn", counted=True)


def _first_month(m: re.Match[str], kind: str) -> PeriodMention | None:
    """Kind ``first1`` ("the first month"): January."""
    return PeriodMention(m.start(), m.end(), 1, 1, counted=True)


def _year_to_date(m: re.Match[str], kind: str) -> PeriodMention | None:
    """Kind ``ytd`` (up to a month ``b``): January to that month."""
    return PeriodMention(m.start(), m.end(), 1, month_number(m.group("b")))


def _quarter(m: re.Match[str], kind: str) -> PeriodMention | None:
    """Kind ``q`` (a quarter by number, digit or ordinal word); None out of 1..4."""
    gd = m.groupdict()
    raw = gd.get("q") or gd.get("q2") or gd.get("d") or gd.get("o") or ""
    q = _ord(raw)
    if q is None or not 1 <= q <= 4:
        return None
    return PeriodMention(m.start(), m.end(), 3 * q - 2, 3 * q, counted=True)


def _half(m: re.Match[str], kind: str) -> PeriodMention | None:
    """Kind ``h`` (a half-year): July to December when any of its groups says the second,
    else January to June."""
    gd = m.groupdict()
    second = (
        gd.get("h") == "2"
        or gd.get("dn") == "2"
        or gd.get("z2") is not None
        or (gd.get("hr") is not None and _ord(gd["hr"]) == 2)
    )
    first, last = (7, 12) if second else (1, 6)
    return PeriodMention(m.start(), m.end(), first, last, counted=True)


def _bare_month(m: re.Match[str], kind: str) -> PeriodMention | None:
    """Kind ``bmonth``: the month name alone, its span starting at the name."""
    a = month_number(m.group("a"))
    return PeriodMention(m.start("a"), m.end(), a, a)


def _one_month(m: re.Match[str], kind: str) -> PeriodMention | None:
    """Kinds ``month`` (a month name) and ``zmonth`` (a month number); None out of 1..12."""
    a = month_number(m.group("a")) if kind == "month" else int(m.group("a"))
    if not 1 <= a <= 12:
        return None
    return PeriodMention(m.start(), m.end(), a, a)


#: the reader of each kind of :data:`_SUBYEAR` match
_SUBYEAR_READERS: dict[str, Callable[[re.Match[str], str], PeriodMention | None]] = {
    "9m": _nine_months,
    "mrange": _month_range,
    "zrange": _month_range,
    "firstn": _first_months,
    "pastn": _first_months,
    "first1": _first_month,
    "ytd": _year_to_date,
    "q": _quarter,
    "h": _half,
    "bmonth": _bare_month,
    "month": _one_month,
    "zmonth": _one_month,
}


def _subyear(m: re.Match[str], kind: str) -> PeriodMention | None:
    """The months a :data:`_SUBYEAR` match of ``kind`` stands for (its reader in
    :data:`_SUBYEAR_READERS`); None when its numbers are out of range or the kind unknown.

    Examples
    --------
    >>> _subyear(re.match(r"(?P<n>five)", "five"), "pastn").m2
    5
    >>> _subyear(re.match(r"(?P<a>\\d+)-(?P<b>\\d+)", "9-3"), "zrange") is None
    True
    """
    read = _SUBYEAR_READERS.get(kind)
    return read(m, kind) if read is not None else None
