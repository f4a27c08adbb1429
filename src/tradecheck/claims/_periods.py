"""Period expressions in en/de/ru/zh: years, month ranges, first N months, quarters, halves,
relative years and base-period cues ("year-on-year", "同比", "Vorjahreszeitraum").

Hand-written regular expressions: date parsers (dateparser, dateutil) resolve single dates,
not the cumulative reporting windows ("январь–сентябрь", "前三季度") news about trade uses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from tradecheck.claims._numbers import word_number

_EN_M = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_DE_M = r"januar|jänner|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember"
_RU_M = (
    r"январ[ьяеюи]|феврал[ьяеюи]|март[аеу]?|апрел[ьяеюи]|ма[йяею]|июн[ьяеюи]|июл[ьяеюи]"
    r"|август[аеу]?|сентябр[ьяеюи]|октябр[ьяеюи]|ноябр[ьяеюи]|декабр[ьяеюи]"
)
MONTH = rf"(?<!\w)(?:{_RU_M}|{_DE_M}|{_EN_M})\.?(?!\w)"
YEAR = r"(?<!\d)(?:19[5-9]\d|20[0-4]\d)(?![\d.,]\d)"

_MONTH_PREFIX = [
    ("янв", 1),
    ("фев", 2),
    ("мар", 3),
    ("апр", 4),
    ("ма", 5),
    ("июн", 6),
    ("июл", 7),
    ("авг", 8),
    ("сен", 9),
    ("окт", 10),
    ("ноя", 11),
    ("дек", 12),
    ("jän", 1),
    ("jan", 1),
    ("feb", 2),
    ("mär", 3),
    ("mar", 3),
    ("apr", 4),
    ("may", 5),
    ("mai", 5),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("oct", 10),
    ("okt", 10),
    ("nov", 11),
    ("dec", 12),
    ("dez", 12),
]


def month_number(word: str) -> int:
    """Month number of a month name in en/de/ru (any case form).

    Examples
    --------
    >>> month_number("сентября"), month_number("März"), month_number("Sept.")
    (9, 3, 9)
    """
    w = word.lower().strip(". ")
    for prefix, n in _MONTH_PREFIX:
        if w.startswith(prefix):
            return n
    raise ValueError(word)


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

_ORD = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "ersten": 1,
    "zweiten": 2,
    "dritten": 3,
    "vierten": 4,
    "erste": 1,
    "zweite": 2,
    "dritte": 3,
    "vierte": 4,
    "i": 1,
    "ii": 2,
    "iii": 3,
    "iv": 4,
    "перв": 1,
    "втор": 2,
    "трет": 3,
    "четв": 4,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
}


def _ord(word: str) -> int | None:
    w = word.lower().rstrip(".")
    if w.isdigit():
        return int(w)
    if w in _ORD:
        return _ORD[w]
    for k in ("перв", "втор", "трет", "четв"):
        if w.startswith(k):
            return _ORD[k]
    return None


_WORDNUM = (
    r"\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf"
    r"|двух|трех|трёх|четырех|четырёх|пяти|шести|семи|восьми|девяти|десяти|одиннадцати"
    r"|двенадцати|два|три|четыре|пять|шесть|семь|восемь|девять|десять|одиннадцать"
    r"|двенадцать|[一二两三四五六七八九十]{1,3}"
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
            rf"(?:from\s+|с\s+|von\s+|vom\s+|между\s+)?(?P<a>{MONTH})\s*(?:-|–|—|to|through|till|until|bis(?:\s+(?:einschließlich|Ende))?|по|and)\s*(?:(?:end\s+of|Ende)\s+)?(?P<b>{MONTH})",
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
            rf"(?:(?:the\s+)?first|(?:in\s+den\s+)?ersten|перв(?:ые|ых|ое)|за|по\s+итогам|前)\s*(?P<n>{_WORDNUM})\s*(?:months?|Monate[n]?|месяц\w*|个月|月)",
            _I,
        ),
        "firstn",
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
    (
        re.compile(
            r"(?<![A-Za-z])H(?P<h>[12])(?![\w])|(?P<o>first|second)\s+half|(?:(?P<d>ersten|zweiten|erste|zweite|erstes|zweites)|(?P<dn>[12])\.)\s*(?:Halbjahr\w*|Jahreshälfte)|(?P<r>перв\w*|втор\w*)\s+полугоди\w*|(?P<z>[上下])半年|за\s+полугодие",
            _I,
        ),
        "h",
    ),
    (re.compile(rf"(?:(?:in|im|в|во)\s+)?(?P<a>{MONTH})(?=\s*,?\s*(?:of\s+)?{YEAR})", _I), "month"),
    (re.compile(r"(?<=年)\s*(?P<a>\d{1,2})\s*月(?:份)?"), "zmonth"),
]

_YEAR_RE = re.compile(
    rf"(?:(?:in|im\s+Jahr(?:e)?|year|в|во|за|für|the\s+year)\s+)?(?P<y>{YEAR})(?:\s*(?:году|года|год|гг?\.|г(?!\w)|年度?|-?(?:м|й)\s+году|Jahr))?",
    _I,
)
_REL_RE: list[tuple[re.Pattern[str], int]] = [
    (
        re.compile(
            r"the\s+year\s+before\s+last|позапрошл\w+\s+год\w*|vorletzten\s+Jahr\w*|前年", _I
        ),
        -2,
    ),
    (
        re.compile(
            r"last\s+year|(?:в\s+)?прошл(?:ом|ого|ый)\s+год\w*|(?:im\s+)?(?:vergangenen|letzten)\s+Jahr\w*|vergangenes\s+Jahr|letztes\s+Jahr|去年|上年|上一年",
            _I,
        ),
        -1,
    ),
    (
        re.compile(
            r"this\s+year|the\s+current\s+year|(?:в\s+)?(?:этом|текущем|нынешнем)\s+году|(?:этого|текущего|нынешнего|сего)\s+года|dieses\s+Jahres|in\s+diesem\s+Jahr|des\s+laufenden\s+Jahres|今年|本年",
            _I,
        ),
        0,
    ),
]
_YEARS_AGO = re.compile(
    rf"(?P<n>{_WORDNUM})\s*(?:years?\s+ago|(?:лет|года|год)\s+назад|年前)|vor\s+(?P<n2>{_WORDNUM})\s+Jahren",
    _I,
)
_PREV_YEAR_BASE = re.compile(
    r"(?:the\s+)?(?:previous|prior|preceding)\s+year|(?:a|one)\s+year\s+(?:ago|earlier|before)|the\s+year\s+before"
    r"|годом\s+(?:ранее|раньше)|год\s+назад|предыдущ\w+\s+год\w*|предшествующ\w+\s+год\w*|прошлым\s+годом|Vorjahr\w*|上年同期|去年同期|上年|上一年",
    _I,
)

_YOY = re.compile(
    r"year[- ]on[- ]year|y/y|\byoy\b|y-o-y|year[- ]over[- ]year|on\s+an?\s+annual\s+basis"
    r"|(?:the\s+)?(?:same|corresponding|like)\s+period\s+(?:of\s+|in\s+)?(?:the\s+)?(?:last|previous|prior|a)\s+year(?:\s+(?:ago|earlier))?"
    r"|(?:the\s+)?same\s+period\s+(?:a\s+year\s+(?:ago|earlier)|of\s+\d{4})"
    r"|аналогичн\w+\s+период\w*(?:\s+\w+\s+год\w*)?|соответствующ\w+\s+период\w*(?:\s+\w+\s+год\w*)?"
    r"|в\s+годовом\s+(?:исчислении|выражении)|год\s+к\s+году"
    r"|Vorjahres\w+|gegenüber\s+dem\s+Vorjahr|im\s+Vorjahr\w*|verglichen\s+mit\s+dem\s+Vorjahr"
    r"|同比|比去年同期|较去年同期|去年同期|上年同期",
    _I,
)

_BASE_BEFORE = re.compile(
    r"(?:compared\s+(?:with|to)|(?:as\s+)?against|(?<=\d%\s)on|(?<=per\scent\s)on|(?<=percent\s)on|than\s+(?:in|during|for)?|versus|vs\.?|from|over|relative\s+to"
    r"|gegenüber(?:\s+(?:dem|der))?|im\s+Vergleich\s+zu(?:m|r)?|verglichen\s+mit|als\s+(?:im|in)?|wie\s+(?:im|in)?"
    r"|по\s+сравнению\s+со?|в\s+сравнении\s+со?|чем\s+(?:в|за)?|против|относительно|к\s+уровню|к|"
    r"比|较|与|和|同)\s*(?:the\s+|dem\s+)?(?:year\s+|level\s+of\s+)?$",
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
            rest = text[m.end() : m.end() + 40]
            ya = _YEAR_AFTER.match(rest)
            ra = _REL_AFTER.match(rest)
            before = text[max(0, m.start() - 12) : m.start()]
            yb = _YEAR_BEFORE.search(before)
            rb = _REL_BEFORE_ZH.search(before)
            if ya and _mask_free(mask, m.end() + ya.start(1), m.end() + ya.end(1)):
                pm.year = int(ya.group(1))
                pm.end = m.end() + ya.end()
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
            out.append(pm)
    for m in _PREV_YEAR_BASE.finditer(text):
        if _mask_free(mask, m.start(), m.end()):
            cues.append(BaseCue(m.start(), m.end()))
            _set(mask, m.start(), m.end())
    for m in _YEARS_AGO.finditer(text):
        n = word_number(m.group("n") or m.group("n2"))
        if n is not None and 1 <= n <= 50 and _mask_free(mask, m.start(), m.end()):
            out.append(PeriodMention(m.start(), m.end(), 1, 12, rel=-int(n), full_year=True))
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
        # a year range "2015-2020" or a list: still years; a number glued to letters: not
        pm = PeriodMention(m.start(), m.end(), 1, 12, year=int(m.group("y")), full_year=True)
        pm.is_base = _is_base(text, m.start(), m.end()) or _is_base(text, ys, ye)
        out.append(pm)
        _set(mask, m.start(), m.end())
    out.sort(key=lambda p: p.start)
    return out, cues


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
        )
        if "полугодие" in txt and txt.startswith("за"):
            second = False
        return PeriodMention(s, e, 7, 12) if second else PeriodMention(s, e, 1, 6)
    if kind in ("month", "zmonth"):
        a = month_number(gd["a"]) if kind == "month" else int(gd["a"])
        if not 1 <= a <= 12:
            return None
        return PeriodMention(s, e, a, a)
    return None
