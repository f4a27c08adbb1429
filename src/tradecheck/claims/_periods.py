"""Period expressions in en/de/ru/zh: years, month ranges, first N months, quarters, halves,
relative years and base-period cues ("year-on-year", "同比", "Vorjahreszeitraum").

Hand-written regular expressions: date parsers (dateparser, dateutil) resolve single dates,
not the cumulative reporting windows ("январь–сентябрь", "前三季度") news about trade uses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from tradecheck.claims import lexicon as L
from tradecheck.claims._numbers import word_number

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
    rel: int | None = None  # 0 = this year, -1 = last year, -2 = the year before last
    is_base: bool = False  # a base of comparison ("compared with 2021")
    full_year: bool = False
    # "of the year" / "des Jahres": the year in progress at publication (unless the sentence
    # names a year before it)
    the_year: bool = False
    # False for a period the text names without a calendar anchor ("ten years ago": 2015 or
    # 2016?); a figure of that period has no period to check
    anchored: bool = True
    # "im Vorjahr": ``rel`` counts from the year the text spoke of last, else from publication
    from_context: bool = False


@dataclass
class BaseCue:
    """A cue that the comparison is with the same months one year earlier."""

    start: int
    end: int


_I = re.IGNORECASE

# year cues attached after a sub-year period ("of 2025", "2025 года", "des Jahres 2025")
_YEAR_AFTER = re.compile(
    rf"^\s*,?\s*(?:of\s+(?:the\s+)?(?:year\s+)?|des\s+Jahres\s+|im\s+Jahr(?:e)?\s+|in\s+)?({YEAR})"
    r"(?:\s*(?:года?|г\.|год|年))?",
    _I,
)
_REL_AFTER = re.compile(
    r"^\s*,?\s*(?:(?:of\s+)?(?:this|the\s+current)\s+year|(?:этого|текущего|нынешнего|сего)\s+года"
    r"|(?:dieses|des\s+laufenden)\s+Jahres|(?:of\s+)?last\s+year|прошлого\s+года|des\s+vergangenen\s+Jahres"
    r"|(?:of\s+)?the\s+year|des\s+Jahres)",
    _I,
)
_YEAR_BEFORE = re.compile(rf"({YEAR})\s*年(?:度)?\s*(?:的)?\s*$")
_REL_BEFORE_ZH = re.compile(r"(今年|本年|去年|上年|前年)\s*(?:的)?\s*$")


def _ord(word: str) -> int | None:
    """1..4 for an ordinal word ("third", "dritten", "третьем", "IV") or digits."""
    w = word.lower().rstrip(".")
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
    rf"\s*,?\s*(?:of\s+(?:the\s+)?(?:year\s+)?|des\s+Jahres\s+|im\s+Jahr(?:e)?\s+)?{YEAR}"
    r"|\s*,?\s*(?:(?:of\s+)?(?:this|the\s+current)\s+year|dieses\s+Jahres|des\s+laufenden\s+Jahres"
    r"|(?:этого|текущего|нынешнего)\s+года)"
)

# (regex, kind) in priority order; kinds decide how m1/m2 are read from the match
_SUBYEAR: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(
            r"前三季度|first\s+three\s+quarters|ersten\s+drei\s+Quartal\w*"
            r"|(?:перв\w+|за)\s+три\s+квартал\w*|первых\s+тр[её]х\s+кварталов",
            _I,
        ),
        "9m",
    ),
    (
        re.compile(
            rf"(?:(?:{L.source('range_from')})\s+)?(?P<a>{MONTH})\s*"
            rf"(?:-|–|—|{L.source('range_to')})\s*(?:(?:end\s+of|Ende)\s+)?(?P<b>{MONTH})",
            _I,
        ),
        "mrange",
    ),
    (
        re.compile(r"(?P<a>\d{1,2})\s*月?(?:份)?\s*(?:-|–|—|至|到|~)\s*(?P<b>\d{1,2})\s*月(?:份)?"),
        "zrange",
    ),
    (
        re.compile(
            rf"(?:{L.source('first_n')})\s*(?P<n>{_WORDNUM})\s*(?:{L.source('month_word')})",
            _I,
        ),
        "firstn",
    ),
    # "in den vergangenen 5 Monaten 2024", "the past five months of this year": January to
    # month N only when a year follows (without one it is a trailing window: not read)
    (
        re.compile(
            rf"(?:(?:in\s+den\s+)?(?:vergangenen|letzten)|(?:the\s+|in\s+the\s+)?(?:past|last)"
            rf"|(?:за\s+)?(?:последние|прошедшие)|过去)\s*(?P<n>{_WORDNUM})\s*"
            rf"(?:months?|Monate[n]?|месяц\w*|个月)(?={_YEAR_FOLLOWS})",
            _I,
        ),
        "firstn",
    ),
    # the year so far up to a month: "by the end of June", "as of November", "bis Ende Juni",
    # "к концу июня" (January to that month)
    (
        re.compile(
            rf"(?:by\s+the\s+end\s+of|as\s+of(?:\s+the\s+end\s+of)?|bis\s+Ende|к\s+концу|до\s+конца)"
            rf"\s+(?P<b>{MONTH})(?!\w)",
            _I,
        ),
        "ytd",
    ),
    # the first month: "im ersten Monat dieses Jahres", "в первом месяце 2024 года", "首月"
    (
        re.compile(
            r"(?:the\s+)?first\s+month(?!s)|(?:im\s+)?ersten\s+Monat(?!e)"
            r"|(?:в\s+)?перв(?:ый|ом|ого)\s+месяц(?:е|а)?(?!\w)|(?:у\s+)?першому\s+місяці"
            r"|首月|第一个月",
            _I,
        ),
        "first1",
    ),
    (re.compile(r"(?<![A-Za-z])Q(?P<q>[1-4])(?![\w])|(?<![\w])(?P<q2>[1-4])Q(?![\w])"), "q"),
    (re.compile(r"(?P<o>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter", _I), "q"),
    (
        re.compile(
            r"(?:(?P<d>[1-4])\.|(?P<o>ersten|zweiten|dritten|vierten|erste|zweite|dritte|vierte))\s*Quartal\w*",
            _I,
        ),
        "q",
    ),
    (
        re.compile(
            r"(?<![\w])(?P<o>IV|III|II|I|[1-4])(?:-?(?:й|м|го|ом))?\s+квартал\w*|(?P<o2>перв\w*|втор\w*|трет\w*|четв[её]рт\w*)\s+квартал\w*",
            _I,
        ),
        "q",
    ),
    (re.compile(r"(?:第)?(?P<o>[一二三四1-4])季度"), "q"),
    # any language of claims/lang: "<ordinal> <quarter word>"
    # ("першому кварталі", "трэцім квартале")
    (
        re.compile(rf"(?P<o>{L.table_source('ordinals')})\s+(?:{L.source('quarter')})", _I),
        "q",
    ),
    (
        re.compile(
            r"(?<![A-Za-z])H(?P<h>[12])(?![\w])|(?P<o>first|second)\s+half|(?:(?P<d>ersten|zweiten|erste|zweite|erstes|zweites)|(?P<dn>[12])\.)\s*(?:Halbjahr\w*|Jahreshälfte)|(?P<r>перв\w*|втор\w*)\s+полугоди\w*|(?P<z>[上下])半年|за\s+полугодие",
            _I,
        ),
        "h",
    ),
    (
        re.compile(rf"(?P<hr>{L.table_source('ordinals')})\s+(?:{L.source('half')})", _I),
        "h",
    ),
    (re.compile(rf"(?:(?:in|im|в|во)\s+)?(?P<a>{MONTH})(?=\s*,?\s*(?:of\s+)?{YEAR})", _I), "month"),
    # "compared to June", "gegenüber Juni" without a year: a base month (the match starts at
    # the month, so that the comparison word before it marks it a base)
    (re.compile(rf"(?:{L.source('base_marker')})\s+(?:the\s+)?(?P<a>{MONTH})(?!\w)", _I), "bmonth"),
    # "in July", "im Juli", "в июле" without a year: that month of the year in context
    (re.compile(rf"(?:in|im|в|во|у|ў)\s+(?P<a>{MONTH})(?!\w)", _I), "month"),
    (re.compile(r"(?<=年)\s*(?P<a>\d{1,2})\s*月(?:份)?"), "zmonth"),
    # "2月当月", "12月份": one month written without its year (never a date: "3月5日")
    (
        re.compile(
            rf"(?<![\d个])(?P<a>1[0-2]|[1-9])\s*月(?:份)?(?:\s*(?:{L.source('single_month')}))?"
            r"(?!\s*\d{1,2}\s*[日号])"
        ),
        "zmonth",
    ),
]

_YEAR_RE = re.compile(
    rf"(?:(?:in|im\s+Jahr(?:e)?|year|в|во|за|für|the\s+year)\s+)?(?P<y>{YEAR})(?:\s*(?:году|года|год|гг?\.|г(?!\w)|年度?|-?(?:м|й)\s+году|Jahr))?",
    _I,
)
_REL_RE: list[tuple[re.Pattern[str], int]] = [
    (L.pattern("year_before_last"), -2),
    (L.pattern("last_year"), -1),
    (L.pattern("this_year"), 0),
]
_YEARS_AGO = re.compile(
    rf"(?P<n>{_WORDNUM})\s*(?:years?\s+ago|(?:лет|года|год)\s+назад|年前)|vor\s+(?P<n2>{_WORDNUM})\s+Jahren",
    _I,
)
_PREV_YEAR_BASE = L.pattern("previous_year")
_YEAR_BEFORE_PERIOD = L.pattern("year_before_period")
_SINCE_BEFORE = re.compile(rf"(?:{L.source('since')})\s*$", _I)

_YOY = L.pattern("same_period_last_year")

#: a year after a comparison word ("compared with 2021") or after "the same period of"
#: ("over the same period in 2019", "с аналогичным месяцем 2022 года"): a base
_BASE_BEFORE = re.compile(
    rf"(?:(?:{L.source('base_marker')})\s*(?:the\s+|dem\s+|den\s+|der\s+)?(?:year\s+|level\s+of\s+)?"
    rf"|(?:{L.source('same_period_of')})\s*)$",
    _I,
)
_BASE_AFTER_ZH = re.compile(r"^\s*(?:年)?\s*(?:相比|比较|同期相比)")


def _mask_free(mask: list[bool], s: int, e: int) -> bool:
    return not any(mask[s:e])


def _set(mask: list[bool], s: int, e: int) -> None:
    for i in range(s, e):
        mask[i] = True


def find_periods(  # noqa: C901  claim reader, to be rebuilt as small resolvers
    text: str, exclude: Sequence[tuple[int, int]] = ()
) -> tuple[list[PeriodMention], list[BaseCue]]:
    """All period expressions and year-on-year cues in ``text`` (normalised).

    ``exclude`` spans (money amounts) are never read as years.

    Examples
    --------
    >>> ps, cues = find_periods("In January-September 2025 trade grew 5% year-on-year")
    >>> (ps[0].m1, ps[0].m2, ps[0].year, len(cues))
    (1, 9, 2025, 1)
    """
    mask = [False] * (len(text) + 1)
    for s, e in exclude:
        _set(mask, s, e)
    out: list[PeriodMention] = []
    cues: list[BaseCue] = []
    for m in _YOY.finditer(text):
        if _mask_free(mask, m.start(), m.end()):
            cues.append(BaseCue(m.start(), m.end()))
            _set(mask, m.start(), m.end())
    for rx, kind in _SUBYEAR:
        for m in rx.finditer(text):
            if not _mask_free(mask, m.start(), m.end()):
                continue
            pm = _subyear(m, kind)
            if pm is None:
                continue
            _set(mask, m.start(), m.end())
            # attach a year written after or before it
            after = _past_aside(text, m.end())
            ya = _YEAR_AFTER.match(text[after : after + 40])
            rest = text[m.end() : m.end() + 40]
            ra = _REL_AFTER.match(rest)
            before = text[max(0, m.start() - 12) : m.start()]
            yb = _YEAR_BEFORE.search(before)
            rb = _REL_BEFORE_ZH.search(before)
            if ya and _mask_free(mask, after + ya.start(1), after + ya.end(1)):
                pm.year = int(ya.group(1))
                pm.end = after + ya.end()
            elif ra:
                word = ra.group(0).lower()
                if re.search(r"last|прошл|vergangen", word):
                    pm.rel = -1
                elif re.search(r"the\s+year$|des\s+jahres$", word):
                    pm.rel = None
                    pm.the_year = True
                else:
                    pm.rel = 0
                pm.end = m.end() + ra.end()
            elif yb and _mask_free(
                mask, m.start() - len(before) + yb.start(1), m.start() - len(before) + yb.end(1)
            ):
                pm.year = int(yb.group(1))
                pm.start = m.start() - len(before) + yb.start()
            elif rb:
                pm.rel = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "前年": -2}[rb.group(1)]
                pm.start = m.start() - len(before) + rb.start()
            _set(mask, pm.start, pm.end)
            pm.is_base = _is_base(text, pm.start, pm.end) or _from_after_change(text, m)
            pm.anchored = not (kind in ("month", "zmonth") and _part_of_month(text, m))
            out.append(pm)
    for m in _YEAR_BEFORE_PERIOD.finditer(text):
        if _mask_free(mask, m.start(), m.end()):
            pm = PeriodMention(m.start(), m.end(), 1, 12, rel=-1, full_year=True, from_context=True)
            pm.is_base = _is_base(text, m.start(), m.end())
            out.append(pm)
            _set(mask, m.start(), m.end())
    for m in _PREV_YEAR_BASE.finditer(text):
        if _mask_free(mask, m.start(), m.end()):
            cues.append(BaseCue(m.start(), m.end()))
            _set(mask, m.start(), m.end())
    for m in _YEARS_AGO.finditer(text):
        n = word_number(m.group("n") or m.group("n2"))
        if n is not None and 1 <= n <= 50 and _mask_free(mask, m.start(), m.end()):
            out.append(PeriodMention(m.start(), m.end(), 1, 12, full_year=True, anchored=False))
            _set(mask, m.start(), m.end())
    for rx, rel in _REL_RE:
        for m in rx.finditer(text):
            if _mask_free(mask, m.start(), m.end()):
                pm = PeriodMention(m.start(), m.end(), 1, 12, rel=rel, full_year=True)
                pm.is_base = _is_base(text, m.start(), m.end())
                out.append(pm)
                _set(mask, m.start(), m.end())
    for m in _YEAR_RE.finditer(text):
        ys, ye = m.start("y"), m.end("y")
        if not _mask_free(mask, ys, ye):
            continue
        if _SINCE_BEFORE.search(text, max(0, m.start() - 24), m.start()):
            continue  # "seit 2015", "since 2015": the start of a duration, not a period
        # a year range "2015-2020" or a list: still years; a number glued to letters: not
        pm = PeriodMention(m.start(), m.end(), 1, 12, year=int(m.group("y")), full_year=True)
        pm.is_base = _is_base(text, m.start(), m.end()) or _is_base(text, ys, ye)
        out.append(pm)
        _set(mask, m.start(), m.end())
    out.sort(key=lambda p: p.start)
    out = _with_single_months(text, out, mask)
    return out, cues


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
_CHANGE_JUST_BEFORE = re.compile(
    r"(?:%|per\s?cent|percent|Prozent|процент\w*|fold|mal|раза?|倍)\s*$", _I
)


def _from_after_change(text: str, m: re.Match[str]) -> bool:
    """ "up 27% from January-March 2018": a period opened by "from" right after a change is
    the comparison base, not the start of a range."""
    opener = re.match(r"(?:from|с|von|vom)\s+", m.group(0), _I)
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


def same_period_of(text: str, start: int) -> bool:
    """Whether a period at ``start`` is written as "the same period of" it ("compared to the
    same month of 2023", "с аналогичным месяцем 2022 года"): the base is then exactly one
    year before the period compared with it.

    Examples
    --------
    >>> t = "up 48% compared to the same month of 2023"
    >>> same_period_of(t, t.index("2023")), same_period_of(t, t.index("48"))
    (True, False)
    """
    return bool(_SAME_PERIOD_OF.search(text[max(0, start - 40) : start]))


def _is_base(text: str, s: int, e: int) -> bool:
    before = text[max(0, s - 30) : s]
    if _BASE_BEFORE.search(before):
        # "from January" is not a base; "to 2021" is not a base
        return True
    if re.match(r"^\s*(?:年)?(?:同期)?的\s*[\d.一二两三四五六七八九十]+\s*倍", text[e : e + 14]):
        return True
    return bool(_BASE_AFTER_ZH.match(text[e : e + 8]))


def _subyear(m: re.Match[str], kind: str) -> PeriodMention | None:
    s, e = m.start(), m.end()
    gd = m.groupdict()
    if kind == "9m":
        return PeriodMention(s, e, 1, 9)
    if kind in ("mrange", "zrange"):
        a = month_number(gd["a"]) if kind == "mrange" else int(gd["a"])
        b = month_number(gd["b"]) if kind == "mrange" else int(gd["b"])
        if not (1 <= a <= b <= 12):
            return None
        return PeriodMention(s, e, a, b)
    if kind == "firstn":
        n = word_number(gd["n"])
        if n is None or not (1 <= n <= 12) or n != int(n):
            return None
        return PeriodMention(s, e, 1, int(n))
    if kind == "first1":
        return PeriodMention(s, e, 1, 1)
    if kind == "ytd":
        return PeriodMention(s, e, 1, month_number(gd["b"]))
    if kind == "q":
        raw = gd.get("q") or gd.get("q2") or gd.get("d") or gd.get("o") or gd.get("o2") or ""
        q = _ord(raw)
        if q is None or not 1 <= q <= 4:
            return None
        return PeriodMention(s, e, 3 * q - 2, 3 * q)
    if kind == "h":
        txt = m.group(0).lower()
        second = (
            gd.get("h") == "2"
            or (gd.get("o") or "").lower() == "second"
            or (gd.get("d") or "").lower().startswith("zweit")
            or gd.get("dn") == "2"
            or (gd.get("r") or "").lower().startswith("втор")
            or gd.get("z") == "下"
            or (gd.get("hr") is not None and _ord(gd["hr"]) == 2)
        )
        if "полугодие" in txt and txt.startswith("за"):
            second = False
        return PeriodMention(s, e, 7, 12) if second else PeriodMention(s, e, 1, 6)
    if kind == "bmonth":
        a = month_number(gd["a"])
        return PeriodMention(m.start("a"), e, a, a)
    if kind in ("month", "zmonth"):
        a = month_number(gd["a"]) if kind == "month" else int(gd["a"])
        if not 1 <= a <= 12:
            return None
        return PeriodMention(s, e, a, a)
    return None
