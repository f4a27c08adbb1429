"""Base period: what a change is measured against.

An explicit comparison base in the sentence ("compared with 2021", "к январю–марту 2018-го",
"compared to June") wins; else the month before for a single month compared "month-on-month";
else the same months one year earlier.
"""

from __future__ import annotations

import re
from itertools import pairwise

from tradecheck.claims import lexicon as L
from tradecheck.claims._periods import PeriodMention
from tradecheck.claims.context import Context
from tradecheck.claims.model import Period

__all__ = ["base_period", "from_base", "previous_of", "same_year_months", "sequential"]

_FROM = re.compile(L.source("level_from"), re.IGNORECASE)
_TO = L.pattern("level_to")
#: a change against the period just before ("环比", "month-on-month", "zum Vormonat")
_SEQUENTIAL = re.compile(L.source("sequential"), re.IGNORECASE)
#: how far from the amount, within its clause, that cue may stand
_SEQUENTIAL_REACH = 60
#: how far around a starting level its "from" and its year may stand ("从1991年的0.37亿美元",
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


def _explicit(ctx: Context, b: PeriodMention, period: Period) -> Period | None:
    """The base a written comparison period gives, None when it does not fix one."""
    y0, m1, y1, m2 = _ends(period)
    as_of = ctx.doc.as_of
    if b.year is None and b.rel is None and not b.full_year and b.anchored:
        return same_year_months(b.m1, b.m2, period)
    if b.year is not None:
        if b.full_year:
            return Period(f"{b.year:04d}-{m1:02d}", f"{b.year + (y1 - y0):04d}-{m2:02d}")
        return Period(f"{b.year:04d}-{b.m1:02d}", f"{b.year:04d}-{b.m2:02d}")
    if b.rel is not None and as_of is not None and b.rel <= -1 and not b.full_year:
        by = as_of.year + b.rel
        return Period(f"{by:04d}-{b.m1:02d}", f"{by:04d}-{b.m2:02d}")
    return None


def from_base(ctx: Context, period: Period) -> Period | None:
    """The base of a change stated after a from-to construction whose starting level has its
    own year: "rose from $30 billion in 2010 to $90 billion in 2020, a 200% increase",
    "从1991年的0.37亿美元至2020年的1330.9亿美元,上升了3596倍" (base 2010, 1991).

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
        if own:
            return Period(
                f"{own[0].year:04d}-{own[0].m1:02d}", f"{own[0].year:04d}-{own[0].m2:02d}"
            )
    return None


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
    if bases:
        b = min(bases, key=lambda p: abs(p.start - ctx.amount.start))
        explicit = _explicit(ctx, b, period)
        if explicit is not None:
            return explicit
    if sequential(ctx):
        return previous_of(period)
    from_to = from_base(ctx, period)
    if from_to is not None:
        return from_to
    y0, m1, y1, m2 = _ends(period)
    return Period(f"{y0 - 1:04d}-{m1:02d}", f"{y1 - 1:04d}-{m2:02d}")
