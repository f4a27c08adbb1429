"""Calendar dates written in a text: "2018-02-26", "26.02.2018", "14 May 2013", "5. Mai 2020",
"April 16, 2016", "Aug 21st, 2023", "3 марта, 2020", "2020年3月5日".

A date is a point in time (a date line, a photo caption, the day of a meeting), never the months
a trade figure covers (:func:`tradecheck.claims._periods.find_periods` flags periods read inside
one). A date line opening an undated text — a date, or a year and month ("2025-01"), before
the first words — tells when the text was written (:func:`date_line`), as ``--as-of`` does.
Structure only: digits, punctuation and the month names of the lexicon.
"""

from __future__ import annotations

import re
from datetime import date

from tradecheck.claims import lexicon as L

__all__ = ["date_line", "date_spans"]

_MONTH = rf"(?P<mw>{L.months_source()})\.?"
_YEAR = r"(?P<y>(?:19|20)\d\d)(?![\d.,]\d)"
_DAY = r"(?P<d>0?[1-9]|[12]\d|3[01])"
#: each written form of a date, with named groups y, m (a number) or mw (a word), d
_FORMS = (
    re.compile(rf"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])-{_DAY}(?!\d)"),
    re.compile(rf"(?<![\d.]){_DAY}\.(?P<m>0?[1-9]|1[0-2])\.(?P<y>(?:19|20)\d\d)(?!\d)"),
    re.compile(rf"(?<![\d.,]){_DAY}\.?\s*{_MONTH}\s*,?\s*{_YEAR}", re.IGNORECASE),
    L.compile(rf"{_MONTH}\s+{_DAY}[^\W\d_]{{0,2}},?\s+{_YEAR}", re.IGNORECASE),
    re.compile(
        rf"(?P<y>(?:19|20)\d\d)\s*(?:{L.source('year_char')})\s*(?P<m>1[0-2]|0?[1-9])\s*"
        rf"(?:{L.source('month_suffix')})\s*{_DAY}\s*(?:{L.source('day_suffix')})"
    ),
)
#: a year and month opening a text ("date 2025-01"): the month a date line names
_YEAR_MONTH = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])(?![\d-])")
#: what may stand before a date line's date: a label or a weekday ("date", "Mo.", "Суббота,")
_LINE_LEAD = re.compile(r"\W*(?:[^\W\d_]{1,12}\.?,?\s+)?")


def date_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every calendar date in ``text``.

    Examples
    --------
    >>> t = "Photo of 14 May 2013. Exports rose in May 2013."
    >>> [t[s:e] for s, e in date_spans(t)]
    ['14 May 2013']
    """
    return sorted((m.start(), m.end()) for rx in _FORMS for m in rx.finditer(text))


def _read(m: re.Match[str], day: bool = True) -> date | None:
    """The date a match of :data:`_FORMS` (or of :data:`_YEAR_MONTH`, ``day`` False) names."""
    g = m.groupdict()
    month = int(g["m"]) if g.get("m") else L.month_number(g.get("mw") or "")
    try:
        return date(int(g["y"]), int(month or 0), int(g["d"]) if day else 1)
    except ValueError:  # "31.02.2020"
        return None


def date_line(text: str) -> date | None:
    """The date a text opens with (its date line), None when it opens with words. A year and
    month alone ("2025-01") give the first day of that month.

    Examples
    --------
    >>> date_line(" date 2025-01 Exports rose last year."), date_line("Вторник, 3 марта, 2020")
    (datetime.date(2025, 1, 1), datetime.date(2020, 3, 3))
    >>> date_line("Trade rose 5% in 2019-01.") is None
    True
    """
    bare = len(text) - len(text.lstrip(" \t\n\r\ufeff*#|"))
    lead = _LINE_LEAD.match(text)
    for pos in dict.fromkeys((bare, lead.end() if lead else bare)):
        for rx in _FORMS:
            m = rx.match(text, pos)
            if m:
                return _read(m)
        ym = _YEAR_MONTH.match(text, pos)
        if ym:
            return _read(ym, day=False)
    return None
