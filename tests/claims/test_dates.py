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
        ("on 10 May 2012", ["10 May 2012"]),
        ("March 18, 2015 and Jul 22nd, 2024", ["March 18, 2015", "Jul 22nd, 2024"]),
        ("2019-01-23, 23.01.2019, 2020年3月5日", ["2019-01-23", "23.01.2019", "2020年3月5日"]),
        ("am 5. Mai 2020, 27 июля 2024", ["5. Mai 2020", "27 июля 2024"]),
        # periods, not dates
        ("in May 2012, 2020年3月, 2019-20, 1.5 billion in 2020", []),
    ],
)
def test_date_spans(text: str, found: list[str]) -> None:
    assert [text[s:e] for s, e in date_spans(text)] == found


@pytest.mark.parametrize(
    ("text", "when"),
    [
        (" date 2025-01 Exports rose.", date(2025, 1, 1)),
        ("February 20, 2019 / 5:56 AM\nTokyo (Reuters) ...", date(2019, 2, 20)),
        ("Суббота, 27 июля, 2024\nТорговля ...", date(2024, 7, 27)),
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
