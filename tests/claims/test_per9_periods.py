"""Periods of other pairs' texts (round per9): a written year after a relative-year word,
twelve-month windows ending in a named month.
Constructed sentences (numbers illustrative)."""

from __future__ import annotations

import pytest

from tradecheck.claims._periods import find_periods
from tradecheck.claims.parse import parse


def _period(text: str, as_of: str | None, pair: tuple[str, str], lang: str = "auto"):
    claims = parse(text, as_of=as_of, pair=pair, lang=lang)
    assert claims, text
    p = claims[0].period
    return None if p is None else (p.start, p.end)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (("С февраля по сентябрь прошлого 2020 года товарооборот Украины и Китая достиг "
          "15 млрд долларов."), "ru"),
        (("З лютого по вересень минулого 2020 року товарообіг України та Китаю досяг "
          "15 млрд доларів США."), "uk"),
    ],
)  # fmt: skip
def test_written_year_after_a_relative_word_is_that_year(text, lang):
    # undated: "прошлого 2020 года" is 2020 whatever the date; the months stay February-September
    assert _period(text, None, ("UKR", "CHN"), lang) == ("2020-02", "2020-09")


def test_relative_word_without_a_year_still_counts_from_the_date():
    t = "С января по октябрь прошлого года товарооборот Украины и Китая достиг 15 млрд долларов."
    assert _period(t, "2022-03-01", ("UKR", "CHN"), "ru") == ("2021-01", "2021-10")


@pytest.mark.parametrize(
    ("text", "as_of", "expected"),
    [
        ("Exports to China rose to $5 billion in the year ended April 2024.", "2024-05-24",
         ("2023-05", "2024-04")),
        ("In the 12 months to March 2022, exports to China rose to $5 billion.", None,
         ("2021-04", "2022-03")),
        # no year: the last such window before publication
        ("In the year to March, exports to China rose to $5 billion.", "2022-07-05",
         ("2021-04", "2022-03")),
        ("In the year to December, exports to China rose to $5 billion.", "2024-02-10",
         ("2023-01", "2023-12")),
    ],
)  # fmt: skip
def test_year_to_a_month_is_twelve_months(text, as_of, expected):
    assert _period(text, as_of, ("NZL", "CHN"), "en") == expected


def test_year_to_keeps_its_base_period():
    t = "Exports to China rose 20 percent in the year ended April 2024."
    c = parse(t, as_of="2024-05-24", pair=("NZL", "CHN"), lang="en")[0]
    assert (c.base_period.start, c.base_period.end) == ("2022-05", "2023-04")


def test_a_month_alone_is_still_one_month():
    ps, _ = find_periods("Exports to China rose to $5 billion in April 2024.")
    assert [(p.m1, p.m2, p.year) for p in ps] == [(4, 4, 2024)]
