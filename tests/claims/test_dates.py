"""Calendar dates and date lines (claims/dates.py): a date is no period; a date opening an
undated text tells when it was written. Constructed strings."""

from __future__ import annotations

from datetime import date

import pytest

from tradecheck.claims.dates import date_line, date_spans
from tradecheck.claims.parse import parse
from tradecheck.claims.resolve.period import month_before


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("on 14 May 2013", ["14 May 2013"]),
        ("April 16, 2016 and Aug 21st, 2023", ["April 16, 2016", "Aug 21st, 2023"]),
        ("2018-02-26, 26.02.2018, 2020年3月5日", ["2018-02-26", "26.02.2018", "2020年3月5日"]),
        ("am 5. Mai 2020, 27 июля 2024", ["5. Mai 2020", "27 июля 2024"]),
        # periods, not dates
        ("in May 2013, 2020年3月, 2019-20, 1.5 billion in 2020", []),
    ],
)
def test_date_spans(text: str, found: list[str]) -> None:
    assert [text[s:e] for s, e in date_spans(text)] == found


@pytest.mark.parametrize(
    ("text", "when"),
    [
        (" date 2025-01 Exports rose.", date(2025, 1, 1)),
        ("June 4, 2021 / 9:10 AM\nOsaka (agency) ...", date(2021, 6, 4)),
        ("Вторник, 3 марта, 2020\nТорговля ...", date(2020, 3, 3)),
        ("31.02.2020 Exports", None),  # no such day
        ("Exports rose on 20 February 2019.", None),  # a date inside the prose
        ("2015 trade down 28%", None),  # a year is no date line
    ],
)
def test_date_line(text: str, when: date | None) -> None:
    assert date_line(text) == when


def test_a_date_line_dates_an_undated_text() -> None:
    t = " date 2025-01 Exports from China to Russia rose 5 percent last year."
    (c,) = parse(t, pair=("RUS", "CHN"))
    assert (c.period.start, c.period.end) == ("2024-01", "2024-12")
    # the date given by the caller wins
    (c,) = parse(t, as_of="2023-06-01", pair=("RUS", "CHN"))
    assert c.period.start == "2022-01"


@pytest.mark.parametrize(
    ("as_of", "month"),
    [(date(2016, 8, 18), "2016-07"), (date(2020, 1, 5), "2019-12"), (None, None)],
)
def test_last_month_is_the_month_before_publication(as_of: date | None, month: str | None) -> None:
    got = month_before(as_of)
    assert (got.start if got else None) == month and (got.end if got else None) == month
