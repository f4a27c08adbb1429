"""Base period: what a change is measured against.

An explicit comparison base in the sentence ("compared with 2021", "к январю–марту 2018-го",
"compared to June") wins; else "since 2004" with a change over several years: that year; else
the month before for a single month compared "month-on-month"; else the same months one year
earlier.
"""

from __future__ import annotations

import re
from itertools import pairwise

from tradecheck.claims import lexicon as L
from tradecheck.claims._periods import PeriodMention, months_of
from tradecheck.claims.context import Context
from tradecheck.claims.fiscal import month_span
from tradecheck.claims.mentions import Amount
from tradecheck.claims.model import Period
from tradecheck.claims.resolve.base_level import dated_comparison_level
from tradecheck.claims.resolve.multiyear import multiyear_cues
from tradecheck.claims.sentences import SINCE_REACH_END

__all__ = [
    "base_period",
    "compared_level_base",
    "explicit_base",
    "fiscal_year_of",
    "from_base",
    "from_to_after",
    "from_to_periods",
    "new_level_of",
    "own_levels",
    "previous_of",
    "same_year_months",
    "sequential",
    "shifted",
    "since_base",
]

_FROM = re.compile(L.source("level_from"), re.IGNORECASE)
_TO = L.pattern("level_to")
#: a change against the period just before ("环比", "month-on-month", "zum Vormonat")
_SEQUENTIAL = re.compile(L.source("sequential"), re.IGNORECASE)
#: how far from the amount, within its clause, that cue may stand
_SEQUENTIAL_REACH = 60
#: how far around a starting level its "from" and its year may stand ("从1992年的0.52亿美元",
#: "from $30 billion in 2010")
_FROM_REACH = 16


def _ends(period: Period) -> tuple[int, int, int, int]:
    """(first year, first month, last year, last month) of ``period``."""
    return int(period.start[:4]), int(period.start[5:]), int(period.end[:4]), int(period.end[5:])


def same_year_months(b1: int, b2: int, period: Period) -> Period | None:
    """The base of a change written with months but no year ("in July ... compared to June"):
    those months in the period's year when they come before it, else in the year before;
    None when the base is not as long as the period or the period spans two years.

    Examples
    --------
    >>> same_year_months(6, 6, Period("2024-07", "2024-07"))
    Period(start='2024-06', end='2024-06')
    >>> same_year_months(12, 12, Period("2024-01", "2024-01"))
    Period(start='2023-12', end='2023-12')
    >>> same_year_months(6, 6, Period("2024-01", "2024-07")) is None
    True
    """
    y0, m1, y1, m2 = _ends(period)
    if y0 != y1 or b2 - b1 != m2 - m1:
        return None
    y = y0 if b2 < m1 else y0 - 1
    return Period(f"{y:04d}-{b1:02d}", f"{y:04d}-{b2:02d}")


def fiscal_year_of(year: int, month: int, start: int) -> int:
    """The first calendar year of the fiscal year (starting in month ``start``) that holds
    ``month`` of ``year``.

    Examples
    --------
    >>> fiscal_year_of(2012, 4, 4), fiscal_year_of(2013, 2, 4), fiscal_year_of(2013, 2, 1)
    (2012, 2012, 2013)
    """
    return year if month >= start else year - 1


def shifted(period: Period, years: int) -> Period:
    """``period`` moved by ``years`` (the same months).

    Examples
    --------
    >>> shifted(Period("2012-04", "2012-09"), -1)
    Period(start='2011-04', end='2011-09')
    """
    y0, m1, y1, m2 = _ends(period)
    return Period(f"{y0 + years:04d}-{m1:02d}", f"{y1 + years:04d}-{m2:02d}")


def explicit_base(ctx: Context, b: PeriodMention, period: Period) -> Period | None:
    """The base a written comparison period gives, None when it does not fix one."""
    y0, m1, y1, m2 = _ends(period)
    as_of = ctx.doc.as_of
    if b.years_back is not None:  # "compared with ten years ago": the same months then
        return shifted(period, -b.years_back)
    if b.last_month:  # "compared with last month": the month before the period
        return previous_of(period)
    if b.year is None and b.rel is None and not b.full_year and b.anchored:
        return same_year_months(b.m1, b.m2, period)
    if b.year is not None:
        if b.full_year:
            return Period(f"{b.year:04d}-{m1:02d}", f"{b.year + (y1 - y0):04d}-{m2:02d}")
        if b.fiscal_start is not None and b.m2 - b.m1 == 11:  # "the same months of 2015-16"
            return shifted(period, b.year - fiscal_year_of(y0, m1, b.fiscal_start))
        b1, b2 = months_of(b, closed=b.year < y0)  # "the last four months of 2022"
        return Period(*month_span(b.year, b1, b2))
    if b.rel is not None and as_of is not None and b.rel <= -1 and not b.full_year:
        by = as_of.year + b.rel
        b1, b2 = months_of(b, closed=True)
        return Period(f"{by:04d}-{b1:02d}", f"{by:04d}-{b2:02d}")
    return None


def from_base(ctx: Context, period: Period) -> Period | None:
    """The base of a change stated after a from-to construction whose starting level has its
    own year: "rose from $30 billion in 2010 to $90 billion in 2020, a 200% increase",
    "从1992年的0.52亿美元至2020年的1240.6亿美元,上升了2385倍" (base 2010, 1992).

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = "Trade rose from $30 billion in 2010 to $90 billion in 2020, a 200% increase."
    >>> parse(t, pair=("RUS", "CHN"))[-1].base_period
    Period(start='2010-01', end='2010-12')
    """
    doc, ss, norm = ctx.doc, ctx.sentence.start, ctx.norm
    kinds = ("money", "money_gt", "bare")
    money = [x for x in doc.mentions.amounts.between(ss, ctx.amount.start) if x.kind in kinds]
    for f, t in pairwise(money):
        lo = max(ss, f.start - _FROM_REACH)
        if not (_TO.search(norm, f.end, t.start) and _FROM.search(norm, lo, f.start)):
            continue
        own = [
            p
            for p in doc.mentions.periods.between(lo, min(t.start, f.end + _FROM_REACH))
            if not p.is_base and p.year is not None and p.year < int(period.start[:4])
        ]
        first = own[0] if own else None
        if first is not None and first.year is not None:
            return Period(*month_span(first.year, first.m1, first.m2))
    return None


#: how far after the new level its own period may stand ("до $1,4 млрд в 2009 году")
_TO_PERIOD_REACH = 24
#: how far apart a change and the levels of its from-to construction may stand
_FROM_TO_REACH = 160


def from_to_after(ctx: Context) -> tuple[PeriodMention, ...] | None:
    """The periods of the starting and the new level of a from-to construction written after
    a change in its sentence: "grew 100-fold, from $14 million in 2000 to $1.4 billion in
    2009" (2000, 2009): the change is over the second period against the first. None when the
    amount is no change or the levels do not both have a period.

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = ("Since 2000 trade between Belarus and China has grown 100-fold, "
    ...      "from $14 million in 2000 to $1.4 billion in 2009.")
    >>> c = parse(t, as_of="2010-12-29")[0]
    >>> c.period.start, c.base_period.start
    ('2009-01', '2000-01')
    """
    if ctx.amount.kind not in ("percent", "ratio", "ratio_word"):
        return None
    kinds = ("money", "money_gt", "bare")
    end = min(ctx.sentence.end, ctx.amount.end + _FROM_TO_REACH)
    money = [x for x in ctx.doc.mentions.amounts.between(ctx.amount.end, end) if x.kind in kinds]
    return from_to_periods(ctx, money[0], money[1]) if len(money) >= 2 else None


def new_level_of(ctx: Context) -> tuple[PeriodMention, ...] | None:
    """The periods of a from-to construction whose new level is ``ctx``'s amount: "from
    $172.2 million in H1 2023 to $94.4 million in the same period this year".

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = "Trade fell from $172.2 million in 2022 to $94.4 million in 2023."
    >>> parse(t, as_of="2024-03-01")[-1].period.start
    '2023-01'
    """
    a, ss = ctx.amount, ctx.sentence.start
    if a.kind not in ("money", "money_gt", "bare"):
        return None
    kinds = ("money", "money_gt", "bare")
    lo = max(ss, a.start - _FROM_TO_REACH)
    before = [x for x in ctx.doc.mentions.amounts.between(lo, a.start) if x.kind in kinds]
    return from_to_periods(ctx, before[-1], a) if before else None


def from_to_periods(ctx: Context, f: Amount, t: Amount) -> tuple[PeriodMention, ...] | None:
    """The periods of a starting level ``f`` (after "from") and a new level ``t`` (after "to")
    of ``ctx``'s sentence: the first period from ``f`` on, and the one right after ``t`` (else
    the next one before it). None when ``f``, ``t`` make no from-to pair or lack a period."""
    doc, norm, (ss, se) = ctx.doc, ctx.norm, ctx.sentence
    if not _FROM.search(norm, max(ss, f.start - _FROM_REACH), f.start):
        return None
    if not _TO.search(norm, f.end, t.start):
        return None
    dated = [p for p in doc.mentions.periods.between(f.start - _FROM_REACH, se) if not p.is_base]
    first = [p for p in dated if p.start < t.start]
    second = [p for p in dated if t.end <= p.start < t.end + _TO_PERIOD_REACH]
    second = second or [p for p in first[1:] if p.start < t.start]
    if not first or not second or second[0] is first[0]:
        return None
    return first[0], second[0]


def sequential(ctx: Context) -> bool:
    """Whether the change is against the period just before ("环比增长3%", "3% month-on-month",
    "um 2 Prozent gegenüber dem Vormonat"): the cue stands near the amount, after it in its
    clause or before it in its sentence ("imports on a monthly basis, in turn, fell by 4%")."""
    a, ce, rx = ctx.amount, ctx.clause[1], _SEQUENTIAL
    before = rx.search(ctx.norm, max(ctx.sentence[0], a.start - _SEQUENTIAL_REACH), a.start)
    return bool(before or rx.search(ctx.norm, a.end, min(ce, a.end + _SEQUENTIAL_REACH)))


def previous_of(period: Period) -> Period:
    """The period of the same length just before ``period``.

    Examples
    --------
    >>> previous_of(Period("2023-11", "2023-11")), previous_of(Period("2024-01", "2024-03"))
    (Period(start='2023-10', end='2023-10'), Period(start='2023-10', end='2023-12'))
    """
    y0, m1, y1, m2 = _ends(period)
    first, last = y0 * 12 + m1 - 1, y1 * 12 + m2 - 1
    n = last - first + 1
    return Period(
        f"{(first - n) // 12:04d}-{(first - n) % 12 + 1:02d}",
        f"{(last - n) // 12:04d}-{(last - n) % 12 + 1:02d}",
    )


#: a year-on-year cue ("同比", "y/y", "в годовом исчислении")
_YEAR_ON_YEAR = L.pattern("same_period_last_year")
#: what parts a sentence into coordinated statements, each with its own base ("；")
_PART_BREAK = re.compile(r"[;；]")


def written_base(ctx: Context, bases: list[PeriodMention]) -> PeriodMention | None:
    """The written base of the sentence that belongs to the amount: one in its clause; none
    when its clause says "year-on-year" ("同比增长17.3%; 与2019年同期相比,增长24.6%": the
    first is over a year); else the nearest in its part of the sentence between semicolons,
    else the nearest in the sentence.

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = ("1-4月中俄贸易额为400亿美元,同比增长17.3%;与2019年同期相比,增长24.6%;"
    ...      "较2016年同期相比,翻了一番。")
    >>> [c.base_period.start for c in parse(t, as_of="2021-05-14", pair=("RUS", "CHN"))[1:]]
    ['2020-01', '2019-01', '2016-01']
    """
    a, (cs, ce) = ctx.amount, ctx.clause
    if not bases:
        return None
    own = [b for b in bases if cs <= b.start < ce]
    if not own and _YEAR_ON_YEAR.search(ctx.norm, cs, ce):
        return None
    if own and nearer_year_before(ctx, own):
        return None
    if not own:
        ps, pe = _part_of(ctx)
        own = [b for b in bases if ps <= b.start < pe] or bases
    return min(own, key=lambda p: abs(p.start - a.start))


#: "from the previous year", "порівняно з попереднім роком": a base one year before
_PREVIOUS_YEAR = L.pattern("previous_year")


def nearer_year_before(ctx: Context, own: list[PeriodMention]) -> bool:
    """Whether a year-on-year or "previous year" cue of ``ctx``'s clause stands nearer the
    amount than the written bases ``own`` of that clause: "up 40.5% from the previous year and
    60.1% compared with 2021" — 2021 is the base of the second change only. A cue that runs
    into a written base is part of it ("с аналогичным периодом 2019 года").

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = "Exports reached $9 billion in 2023, up 40.5% on the previous year and up 60% on 2021."
    >>> [c.base_period.start for c in parse(t, pair=("CHN", "RUS")) if c.base_period]
    ['2022-01', '2021-01']
    """
    a, (cs, ce), norm = ctx.amount, ctx.clause, ctx.norm
    distance = min(abs(b.start - a.start) for b in own)
    for rx in (_YEAR_ON_YEAR, _PREVIOUS_YEAR):
        for m in rx.finditer(norm, cs, ce):
            joined = any(m.start() <= b.end and b.start <= m.end() + 1 for b in own)
            if not joined and abs(m.start() - a.start) < distance:
                return True
    return False


def _part_of(ctx: Context) -> tuple[int, int]:
    """The part of the amount's sentence between semicolons around it."""
    (ss, se), a = ctx.sentence, ctx.amount
    before = [m.end() for m in _PART_BREAK.finditer(ctx.norm, ss, a.start)]
    after = _PART_BREAK.search(ctx.norm, a.end, se)
    return (before[-1] if before else ss), (after.start() if after else se)


def _span_reaches(ctx: Context, lo: int, hi: int, after: bool) -> bool:
    """Whether a span of years ("over five years") between ``lo`` and ``hi`` and the amount
    is the span of its change: after the amount only right next to it ("doubled over five
    years", not "the fastest growth in five years"); before it only with no period of its
    own between ("over seven years exports grew, and in 2021 they rose 12%": 2021's change).
    """
    if after:
        return not ctx.norm[lo:hi].strip()
    return not ctx.doc.mentions.periods.between(lo, hi)


def own_levels(ctx: Context, between: list[Amount]) -> bool:
    """Whether the figures ``between`` a multi-year cue and ``ctx``'s change are the change's
    own two levels, a from-to pair ("since 2004 ... from $12 billion to $29 billion, more than
    doubled", "2012年至2022年…从3亿美元升到27亿美元,扩大了8倍"): a starting level after a
    "from" word (concept ``level_from``) and a new level after a "to" word (``level_to``).

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = ("Seit 2005 sind die Exporte nach Chile von 2 Mrd. Euro auf 5 Mrd. Euro im Jahr "
    ...      "2015 um mehr als das Doppelte gestiegen.")
    >>> parse(t, pair=("DEU", "CHL"))[-1].base_period
    Period(start='2005-01', end='2005-12')
    """
    if len(between) != 2 or any(x.kind not in ("money", "money_gt", "bare") for x in between):
        return False
    f, t = between
    lo = max(ctx.sentence.start, f.start - _FROM_REACH)
    return bool(_FROM.search(ctx.norm, lo, f.start) and _TO.search(ctx.norm, f.end, t.start))


def since_base(ctx: Context, period: Period) -> Period | None:
    """The base of a change over several years (:func:`~.multiyear.multiyear_cues`): "has
    grown fourfold since 2004", "Since 2004, exports have surged by 200% to $7.1 billion in
    2013", "seit Anfang 2018 … um 66%", "over five years … 1.8-fold, to $1.1 billion in 2022"
    — the same months of that year. The year must be earlier than the period, in the
    amount's sentence with no other figure between the two than the change's own from-to
    levels (:func:`own_levels`), and not after the amount beyond a comma ("fell 12%,
    the steepest fall since 2009").

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = "Exports to China reached $7 billion in 2013 and have grown fourfold since 2004."
    >>> parse(t, pair=("POL", "CHN"))[-1].base_period
    Period(start='2004-01', end='2004-12')
    """
    a, norm = ctx.amount, ctx.norm
    y0, m1, y1, m2 = _ends(period)
    for s, e, year, span in multiyear_cues(ctx, y0):
        lo, hi = (e, a.start) if e <= a.start else (a.end, s)
        between = ctx.doc.mentions.amounts.between(lo, hi)
        if between and own_levels(ctx, between):
            between = []  # "seit 2004 von 18 auf 38 Mrd. verdoppelt": the change's own levels
        if year >= y0 or between or (hi == s and SINCE_REACH_END.search(norm, lo, hi)):
            continue
        if span and not _span_reaches(ctx, lo, hi, after=hi == s):
            continue
        return Period(f"{year:04d}-{m1:02d}", f"{year + (y1 - y0):04d}-{m2:02d}")
    return None


#: how far after a change the level it is compared with may start ("683 times compared to
#: US$159 million in 1974")
_LEVEL_REACH = 48


def compared_level_base(ctx: Context, period: Period) -> Period | None:
    """The base of a change compared with a level that names its own earlier period right
    after the change: "410 times compared to $23 million in 1971", "up 41% against $6.7
    billion in 2015" — that period (the same months of it, :func:`explicit_base`). None when
    the next figure of the clause is no such comparison level
    (:func:`~.base_level.dated_comparison_level`).

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = "Trade with Peru reached $9.5 billion in 2018, up 41% compared to $6.7 billion in 2015."
    >>> parse(t, pair=("DEU", "PER"))[1].base_period
    Period(start='2015-01', end='2015-12')
    """
    a, ce = ctx.amount, ctx.clause.end
    level = next(iter(ctx.doc.mentions.amounts.between(a.end, min(ce, a.end + _LEVEL_REACH))), None)
    if level is None or not dated_comparison_level(Context.of(ctx.doc, level)):
        return None
    p = next(iter(ctx.doc.mentions.periods.between(level.end, ctx.sentence.end)), None)
    if p is None or p.year is None or p.year >= int(period.start[:4]):
        return None
    return explicit_base(ctx, p, period)


def base_period(ctx: Context, period: Period) -> Period:
    """The base period of a change over ``period``.

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> c = parse("In 2023 trade between Belarus and China grew by 30% compared to 2021.")[0]
    >>> c.base_period.start, c.base_period.end
    ('2021-01', '2021-12')
    """
    ss, se = ctx.sentence
    # an amount paired with its own period ("分别") takes no base written for the list
    paired = ctx.amount.start in ctx.doc.lists.period
    bases = [p for p in ctx.doc.mentions.periods.between(ss, se) if p.is_base and not paired]
    b = written_base(ctx, bases)
    if b is not None:
        explicit = explicit_base(ctx, b, period)
        if explicit is not None:
            return explicit
    since = since_base(ctx, period) or compared_level_base(ctx, period)
    if since is not None:
        return since
    if sequential(ctx):
        return previous_of(period)
    from_to = from_base(ctx, period)
    if from_to is not None:
        return from_to
    after = from_to_after(ctx)
    explicit = None if after is None else explicit_base(ctx, after[0], period)
    if explicit is not None:
        return explicit
    y0, m1, y1, m2 = _ends(period)
    return Period(f"{y0 - 1:04d}-{m1:02d}", f"{y1 - 1:04d}-{m2:02d}")
