"""The year an undated text speaks from, read from the years it writes.

Used only when a text has no publication date and no date line and nothing else anchors its
"this year", "last year" or a month written without its year (:func:`~.period.implied_year`,
:func:`~.period.year_to_date`). Measured on the studied undated articles of the shared sets
and sets B-H (README, "Periods the text implies"): the latest year a text writes, when it is
written with its months, gives the right year far more often than a wrong one; when it is
written only as a whole year the text may speak from that year or a later one (the labels
call that year "only implied"), so it stays open.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from tradecheck.claims._periods import PeriodMention

if TYPE_CHECKING:
    from tradecheck.claims.context import Doc

__all__ = ["own_year", "speaking_year", "year_of_periods"]


def own_year(p: PeriodMention) -> bool:
    """Whether ``p`` writes out a year the text reports on: not a comparison base ("compared
    with 2021"), not a calendar date (a caption's day), not a year counted from another ("im
    Vorjahr"). Years after "since" are no period mentions at all
    (:func:`~tradecheck.claims._periods.after_since`).
    """
    return p.year is not None and not (p.is_base or p.in_date or p.from_context)


def speaking_year(doc: Doc) -> int | None:
    """The current year of an undated text from the latest year ``y`` it writes, when it
    writes months of ``y`` ("in April 2024", "in January-May 2024": it speaks from 2024). None
    when ``y`` is written only as a whole year (the text may speak from ``y`` or from a later
    year: "last year" and "this year" stay open), and for a dated text.

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = "In March exports were $1 billion. In April 2024 exports were $2 billion."
    >>> parse(t, pair=("DEU", "CHN"))[0].period
    Period(start='2024-03', end='2024-03')
    >>> t = "In April 2024 exports were $2 billion. Last year imports were $3 billion."
    >>> parse(t, pair=("DEU", "CHN"))[-1].period
    Period(start='2023-01', end='2023-12')
    >>> t = "Trade was $5 billion in 2022, and this year exports were $2 billion."
    >>> parse(t, pair=("DEU", "CHN"))[-1].period is None
    True
    """
    return doc.undated_year


def year_of_periods(periods: Iterable[PeriodMention]) -> int | None:
    """:func:`speaking_year` of an undated text with these period mentions (computed once per
    text, by :meth:`~tradecheck.claims.context.Doc.read`)."""
    own = [p for p in periods if own_year(p)]
    y = max((p.year for p in own if p.year is not None), default=None)
    if y is None:
        return None
    return y if any(not p.full_year for p in own if p.year == y) else None
