"""Fiscal years written as two years: "2021-22", "2014–15", "2017/2018" (the Indian financial
year 1 April 2021 - 31 March 2022, the Australian 1 July 2017 - 30 June 2018).

Which countries count in fiscal years that do not start in January, and the month they
start, is data (``tradecheck/data/fiscal_years.csv``, each row with its source). A text
about a pair with such a country reads "YYYY-YY" (the second year the next one) as that
fiscal year; any other pair keeps reading it as calendar years. A fiscal year is a
:class:`~tradecheck.claims._periods.PeriodMention` whose months run past 12 (April 2021 to
March 2022 is year 2021, months 4..15): :func:`month_span` turns it into calendar months.
"""

from __future__ import annotations

import csv
import io
import re
from functools import cache
from importlib import resources

#: "2021-22", "2014–15", "2012/13", "2017/2018": a year and the next one, its last two digits
#: or all four (digits and punctuation only: no language word)
#: "FY23", "FY 2023", "FY'23": the code of the fiscal year that ends in that year (like the
#: codes Q1 and H1, a code, not a word of a language); "FY2020-21", "FY23/24": the code with
#: both years, the fiscal year that starts in the first
_FY_CODE = re.compile(
    r"(?<![A-Za-z])FY\s?'?(?P<y>\d{2}|(?:19|20)\d\d)"
    r"(?:\s?[-–—/]\s?(?P<y2>\d{2}|(?:19|20)\d\d))?(?![\d.,]\d|\d)"
)
_TWO_YEARS = re.compile(
    r"(?<![\d.,])(?P<y>(?:19|20)\d\d)\s?[-–—/]\s?(?P<y2>(?:19|20)?\d\d)(?![\d%]|[.,]\d|\s*%)"
)


@cache
def _starts() -> dict[str, int]:
    """ISO3 -> first month of the fiscal year, from ``data/fiscal_years.csv``."""
    text = resources.files("tradecheck").joinpath("data/fiscal_years.csv").read_text("utf-8")
    return {r["iso3"]: int(r["start_month"]) for r in csv.DictReader(io.StringIO(text))}


def fiscal_start(pair: tuple[str, str]) -> int | None:
    """The first month of the fiscal year of the pair's country that does not count in
    calendar years, None when both do.

    Examples
    --------
    >>> fiscal_start(("IND", "CHN")), fiscal_start(("BLR", "CHN"))
    (4, None)
    """
    return next((_starts()[c] for c in pair if c in _starts()), None)


def fiscal_years(text: str) -> list[tuple[int, int, int]]:
    """(start, end, first year) of each "YYYY-YY" in ``text`` whose second year is the next,
    and of each "FY23" (the fiscal year ending in 2023: first year 2022).

    Examples
    --------
    >>> fiscal_years("rose from $1 billion in 2014-15 to $2 billion in 2021-22, not 2015-2020")
    [(24, 31, 2014), (49, 56, 2021)]
    >>> fiscal_years("in 2019-21"), fiscal_years("a 28% fall in FY23 and FY 2024")
    ([], [(14, 18, 2022), (23, 30, 2023)])
    >>> fiscal_years("in FY2020-21 and FY23/24, not FY2020-22")
    [(3, 12, 2020), (17, 24, 2023)]
    """
    out = []
    for m in _TWO_YEARS.finditer(text):
        if _next_year(int(m.group("y")), m.group("y2")):
            out.append((m.start(), m.end(), int(m.group("y"))))
    for m in _FY_CODE.finditer(text):
        y = _full_year(int(m.group("y")))
        if m.group("y2") is None:
            out.append((m.start(), m.end(), y - 1))
        elif _next_year(y, m.group("y2")):
            out.append((m.start(), m.end(), y))
    return _outermost(out)


def _next_year(y: int, written: str) -> bool:
    """Whether ``written`` (two or four digits) is the year after ``y``: "22" or "2022" after
    2021."""
    return int(written) in ((y + 1) % 100, y + 1)


def _outermost(found: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """``found`` in text order without the spans inside another ("2020-21" in "FY2020-21")."""
    return sorted(
        f for f in found if not any(g != f and g[0] <= f[0] and f[1] <= g[1] for g in found)
    )


def fiscal_lag(start: int | None, month: int) -> int:
    """How many years the fiscal year starting in month ``start`` and in progress in
    ``month`` began before the calendar year: 1 in February for a year starting in April,
    else 0 (also for a calendar year, ``start`` None).

    Examples
    --------
    >>> fiscal_lag(4, 2), fiscal_lag(4, 6), fiscal_lag(None, 2)
    (1, 0, 0)
    """
    return 1 if start is not None and month < start else 0


def _full_year(y: int) -> int:
    """2023 for "23" (1999 for "99"), the year itself when written with four digits."""
    if y > 99:
        return y
    return (1900 if y >= 50 else 2000) + y


def month_span(year: int, m1: int, m2: int) -> tuple[str, str]:
    """First and last calendar month ("YYYY-MM") of months ``m1..m2`` counted from January of
    ``year`` (months past 12 fall in the next year).

    Examples
    --------
    >>> month_span(2021, 4, 15), month_span(2024, 1, 6)
    (('2021-04', '2022-03'), ('2024-01', '2024-06'))
    """
    y1, e1 = year + (m1 - 1) // 12, (m1 - 1) % 12 + 1
    y2, e2 = year + (m2 - 1) // 12, (m2 - 1) % 12 + 1
    return f"{y1:04d}-{e1:02d}", f"{y2:04d}-{e2:02d}"
