"""Fiscal years written as two years ("2021-22"): read as the fiscal year only for a pair with
a country that counts in such years (constructed sentences, numbers illustrative)."""

from __future__ import annotations

import pytest

from tradecheck.claims._periods import find_periods
from tradecheck.claims.fiscal import fiscal_lag, fiscal_start, fiscal_years, month_span
from tradecheck.claims.parse import parse


def test_fiscal_start_comes_from_the_data_file() -> None:
    assert fiscal_start(("IND", "CHN")) == 4
    assert fiscal_start(("CHN", "IND")) == 4
    assert fiscal_start(("BLR", "CHN")) is None


@pytest.mark.parametrize(
    "text, years",
    [
        ("in 2014-15", [2014]),
        ("in 2014–15 and 2015/16", [2014, 2015]),
        ("in 2019-21", []),  # not consecutive
        ("2015-2020", []),  # a four-digit range is calendar years
        ("rose 2021-22,5", []),  # a decimal after it: not a year pair
    ],
)
def test_fiscal_years_only_consecutive_pairs(text: str, years: list[int]) -> None:
    assert [y for _, _, y in fiscal_years(text)] == years


def test_month_span_runs_into_the_next_year() -> None:
    assert month_span(2021, 4, 15) == ("2021-04", "2022-03")
    assert month_span(2021, 1, 12) == ("2021-01", "2021-12")


def test_find_periods_without_a_fiscal_pair_keeps_the_calendar_year() -> None:
    (p,), _ = find_periods("in 2021-22")
    assert (p.year, p.m1, p.m2) == (2021, 1, 12)
    (q,), _ = find_periods("in 2021-22", fiscal_start=4)
    assert (q.year, q.m1, q.m2) == (2021, 4, 15)


def test_parse_reads_the_fiscal_year_and_its_base() -> None:
    text = "India's imports from China rose 9% in 2023-24."
    (c,) = parse(text, pair=("IND", "CHN"))
    assert (c.period.start, c.period.end) == ("2023-04", "2024-03")
    assert (c.base_period.start, c.base_period.end) == ("2022-04", "2023-03")


def test_other_pairs_are_unchanged() -> None:
    text = "Belarus's imports from China rose 9% in 2023-24."
    (c,) = parse(text, pair=("BLR", "CHN"))
    assert c.period.start.endswith("-01")


def test_fiscal_lag_only_before_the_start_month() -> None:
    assert fiscal_lag(4, 2) == 1
    assert fiscal_lag(4, 4) == 0
    assert fiscal_lag(None, 2) == 0


def test_fy_code_is_the_year_that_ends() -> None:
    assert [y for _, _, y in fiscal_years("in FY23, FY 2019 and FY'99")] == [2022, 2018, 1998]


@pytest.mark.parametrize(
    "text, as_of, start",
    [
        ("Last fiscal, India's exports to China rose 8.8%.", "2024-06-25", "2023-04"),
        ("Last fiscal, India's exports to China rose 8.8%.", "2024-02-10", "2022-04"),
        ("This fiscal year India's exports to China rose 8.8%.", "2024-02-10", "2023-04"),
        ("В текущем финансовом году экспорт Индии в Китай вырос на 8%.", "2024-06-25", "2024-04"),
        ("本财年，印度对华出口增长8.8%。", "2024-06-25", "2024-04"),
    ],
)
def test_relative_fiscal_years_count_from_publication(text: str, as_of: str, start: str) -> None:
    (c,) = parse(text, as_of=as_of, pair=("IND", "CHN"))
    assert c.period.start == start
    assert c.period.end[:4] == str(int(start[:4]) + 1)


def test_relative_fiscal_words_need_a_fiscal_pair() -> None:
    (c,) = parse(
        "Last fiscal, Belarus's exports to China rose 8.8%.",
        as_of="2024-06-25",
        pair=("BLR", "CHN"),
    )
    assert c.period is None or c.period.start.endswith("-01")


@pytest.mark.parametrize(
    "text, as_of, period",
    [
        (
            "India's imports from China grew 14% in the first two months of the current fiscal.",
            "2023-02-10",
            ("2022-04", "2022-05"),
        ),
        (
            "India's imports from China grew 14% in the first quarter of 2023-24.",
            None,
            ("2023-04", "2023-06"),
        ),
        (
            "India's imports from China grew 14% in January-March this fiscal.",
            "2023-05-10",
            ("2024-01", "2024-03"),
        ),
    ],
)
def test_months_within_a_fiscal_year(text: str, as_of: str | None, period: tuple) -> None:
    (c,) = parse(text, as_of=as_of, pair=("IND", "CHN"))
    assert (c.period.start, c.period.end) == period


def test_months_of_a_calendar_pair_are_not_shifted() -> None:
    (c,) = parse(
        "Belarus's exports to China grew 14% in the first quarter of 2023.", pair=("BLR", "CHN")
    )
    assert (c.period.start, c.period.end) == ("2023-01", "2023-03")


@pytest.mark.parametrize(
    ("text", "base"),
    [
        (
            (
                "Indian shipments to China dropped 12 per cent in the first half of 2016-17 "
                "against the corresponding period of 2015-16."
            ),
            ("2015-04", "2015-09"),
        ),
        (
            (
                "Imports from China rose 5% in January-March 2023-24 against the same months of "
                "2021-22."
            ),
            ("2022-01", "2022-03"),
        ),
    ],
)
def test_base_of_a_whole_fiscal_year_keeps_the_months(text, base) -> None:
    """The same months of the fiscal year written as the base, not that whole year."""
    (c,) = parse(text, as_of="2024-05-01", pair=("IND", "CHN"))
    assert (c.base_period.start, c.base_period.end) == base


def test_pakistan_and_australia_count_from_july() -> None:
    assert fiscal_start(("PAK", "CHN")) == 7
    assert fiscal_start(("CHN", "AUS")) == 7


def test_fiscal_years_written_with_four_digits_twice() -> None:
    assert [y for _, _, y in fiscal_years("in 2017/2018 and 2014-2015")] == [2017, 2014]


@pytest.mark.parametrize(
    ("text", "fiscal", "months"),
    [
        ("in July-February 2018-19", 7, [(7, 14, 2018, True)]),
        (
            "the first eight months (Jul-Feb) of 2018-19",
            7,
            [(7, 14, 2018, True), (7, 14, 2018, True)],
        ),
        # across the year end without a fiscal year: which year is meant is not said
        ("in July-February 2019", None, [(7, 14, 2019, False)]),
    ],
)
def test_month_ranges_across_the_year_end_only_in_a_fiscal_year(
    text: str, fiscal: int | None, months: list[tuple[int, int, int, bool]]
) -> None:
    ps, _ = find_periods(text, fiscal_start=fiscal)
    assert [(p.m1, p.m2, p.year, p.anchored) for p in ps] == months
