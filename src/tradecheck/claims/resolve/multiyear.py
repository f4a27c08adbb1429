"""Cues that a change runs over several years: "since 2004", "between 2018 and 2022",
"2015年至2022年", "С 2015 года …", "over the past five years".

Kept apart from :mod:`.base_period` (which dates the base from them) because
:mod:`.base_level` reads them too, to date the starting level of a from-to, and
:mod:`.base_period` in turn asks :mod:`.base_level` whether a compared level is dated.
"""

from __future__ import annotations

import re

from tradecheck.claims import lexicon as L
from tradecheck.claims._periods import YEAR, spans_of_years
from tradecheck.claims.context import Context

__all__ = ["multiyear_cues"]

#: "since 2004", "seit Anfang 2018", "自2004年": the year a change over several years starts from
_SINCE_YEAR = re.compile(
    rf"(?:{L.source('since')})\s*(?:(?:{L.source('since_start')})\s*)?(?P<y>(?:19|20)\d\d)(?!\d)",
    re.IGNORECASE,
)
#: a range of years ("between 2018 and 2022", "с 2018 по 2022 год", "2015年至2022年"): a change
#: over it is against its first year
_YEAR_RANGE = L.compile(
    rf"(?:(?:{L.source('range_from')})\s*(?P<y>{YEAR})\s*(?:{L.source('year_after')})?\s*"
    rf"(?:{L.source('range_to')})|(?P<z>{YEAR})\s*(?:{L.source('year_char')})\s*"
    rf"(?:{L.source('number_range_to')}))\s*{YEAR}",
    re.IGNORECASE,
)
#: a range's first word and a year opening a sentence with no end of the range after it
#: ("С 2015 года экспорт вырос вдвое", "З 2015 року"): "since" that year
_SINCE_OPENING = re.compile(
    rf"\s*(?:{L.source('range_from')})\s+(?P<y>{YEAR})\s*(?:{L.source('year_after')})?"
    rf"(?!\s*(?:{L.source('range_to')}|{L.source('number_range_to')}|[-–—]))",
    re.IGNORECASE,
)


def multiyear_cues(ctx: Context, y0: int) -> list[tuple[int, int, int, bool]]:
    """(start, end, base year, span) of each cue in ``ctx``'s sentence that a change runs
    over several years: "since 2004", a range of years ("between 2018 and 2022", "2015年至
    2022年") and a range's first word opening the sentence ("С 2015 года …"): that year;
    "over the past five years", "за пять лет", "近五年来": ``y0`` minus five (``span``; see
    :func:`_span_reaches`).

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = "Over the past decade exports to China grew 70%, to $9 billion in 2022."
    >>> parse(t, pair=("POL", "CHN"))[0].base_period
    Period(start='2012-01', end='2012-12')
    """
    (ss, se), norm = ctx.sentence, ctx.norm
    cues = [(m.start(), m.end(), int(m["y"]), False) for m in _SINCE_YEAR.finditer(norm, ss, se)]
    for m in _YEAR_RANGE.finditer(norm, ss, se):
        cues.append((m.start(), m.end(), int(m["y"] or m["z"]), False))
    opening = _SINCE_OPENING.match(norm, ss, se)
    if opening is not None:
        cues.append((opening.start("y"), opening.end(), int(opening["y"]), False))
    cues += [(s, e, y0 - n, True) for s, e, n in spans_of_years(norm, ss, se)]
    return cues
