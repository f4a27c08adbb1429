"""Periods of other pairs' texts (round per9): a written year after a relative-year word.
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
        (("С января по октябрь прошлого 2021 года товарооборот Украины и Китая достиг "
          "15 млрд долларов."), "ru"),
        (("З січня по жовтень минулого 2021 року товарообіг України та Китаю досяг "
          "15 млрд доларів США."), "uk"),
    ],
)  # fmt: skip
def test_written_year_after_a_relative_word_is_that_year(text, lang):
    # undated: "прошлого 2021 года" is 2021 whatever the date; the months stay January-October
    assert _period(text, None, ("UKR", "CHN"), lang) == ("2021-01", "2021-10")


def test_relative_word_without_a_year_still_counts_from_the_date():
    t = "С января по октябрь прошлого года товарооборот Украины и Китая достиг 15 млрд долларов."
    assert _period(t, "2022-03-01", ("UKR", "CHN"), "ru") == ("2021-01", "2021-10")


def test_a_month_alone_is_still_one_month():
    ps, _ = find_periods("Exports to China rose to $5 billion in April 2024.")
    assert [(p.m1, p.m2, p.year) for p in ps] == [(4, 4, 2024)]
