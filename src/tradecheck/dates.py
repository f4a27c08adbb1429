"""The one reader of calendar dates given by a user (``as_of`` of the parser and the report),
and the one count of the months a ``YYYY-MM`` span covers.

Examples
--------
>>> parse_date("2025-11-05"), parse_date("2025-11"), parse_date(" 2025 ")
(datetime.date(2025, 11, 5), datetime.date(2025, 11, 1), datetime.date(2025, 1, 1))
>>> parse_date("") is None
True
"""

from __future__ import annotations

from datetime import date, datetime

from tradecheck.errors import TradecheckError

__all__ = ["DATE_FORMATS", "month_count", "parse_date"]

#: Accepted spellings, tried in order; a month or a year alone means its first day.
DATE_FORMATS = ("%Y-%m-%d", "%Y-%m", "%Y")


def parse_date(
    value: str | date | None, *, error: type[Exception] = TradecheckError, what: str = "date"
) -> date | None:
    """A :class:`datetime.date` from ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` (or a date).

    Parameters
    ----------
    value
        The date as a string, a :class:`~datetime.date` / :class:`~datetime.datetime`, or
        None / ``""`` for "not given".
    error
        The exception class raised on bad input (each caller keeps its own error type).
    what
        How the message names the input (``"as_of"``, ``"as-of date"``).

    Returns
    -------
    datetime.date or None
        None when nothing was given.

    Examples
    --------
    >>> parse_date("05.11.2025", error=ValueError, what="as_of")
    Traceback (most recent call last):
    ...
    ValueError: as_of: expected a date YYYY-MM-DD, got '05.11.2025'
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    s = str(value).strip()
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(s, fmt).date()
        except ValueError:
            continue
    raise error(f"{what}: expected a date YYYY-MM-DD, got {value!r}")


def month_count(start: str, end: str) -> int:
    """Months from ``start`` to ``end`` inclusive (``YYYY-MM``).

    Examples
    --------
    >>> month_count("2024-01", "2024-12"), month_count("2023-11", "2024-02")
    (12, 4)
    """
    return (int(end[:4]) - int(start[:4])) * 12 + int(end[5:7]) - int(start[5:7]) + 1
