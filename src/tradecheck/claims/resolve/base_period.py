"""Base period: what a change is measured against.

An explicit comparison base in the sentence ("compared with 2021", "к январю–марту 2018-го",
"compared to June") wins; else the month before for a single month compared "month-on-month";
else the same months one year earlier.
"""

from __future__ import annotations

from tradecheck.claims._periods import PeriodMention
from tradecheck.claims.context import Context
from tradecheck.claims.model import Period

__all__ = ["base_period", "month_before", "same_year_months"]


def _ends(period: Period) -> tuple[int, int, int, int]:
    """(first year, first month, last year, last month) of ``period``."""
    return int(period.start[:4]), int(period.start[5:]), int(period.end[:4]), int(period.end[5:])


def month_before(period: Period) -> Period | None:
    """The month before a single-month ``period`` (None for a longer one).

    Examples
    --------
    >>> month_before(Period("2024-07", "2024-07")), month_before(Period("2024-01", "2024-01"))
    (Period(start='2024-06', end='2024-06'), Period(start='2023-12', end='2023-12'))
    >>> month_before(Period("2024-01", "2024-07")) is None
    True
    """
    y0, m1, y1, m2 = _ends(period)
    if (y0, m1) != (y1, m2):
        return None
    y, m = (y0, m1 - 1) if m1 > 1 else (y0 - 1, 12)
    return Period(f"{y:04d}-{m:02d}", f"{y:04d}-{m:02d}")


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
    before = month_before(period) if ctx.cue_in("previous_month", ctx.sentence) else None
    if before is not None:  # "decreased by 6.3% on a monthly basis"
        return before
    y0, m1, y1, m2 = _ends(period)
    return Period(f"{y0 - 1:04d}-{m1:02d}", f"{y1 - 1:04d}-{m2:02d}")
