"""A level written as the comparison base of a change ("up 9% from $1.1 billion in the same
period of the previous year", "против 1,1 млрд за аналогичный период прошлого года") is of the
base's period, and a clause opened by "in the same period last year" is a year before the
figure it follows. Constructed sentences (numbers illustrative)."""

from __future__ import annotations

import pytest

from tradecheck.claims._periods import find_periods
from tradecheck.claims.context import Context, Doc
from tradecheck.claims.parse import parse
from tradecheck.claims.resolve.base_level import tied_base, yoy_opening


def _ctx(text: str, amount: str, lang: str = "en") -> Context:
    doc = Doc.read(text, text, lang, None, ("UZB", "CHN"))
    pos = doc.norm.index(amount)
    a = next(x for x in doc.mentions.amounts if x.start <= pos < x.end)
    return Context.of(doc, a)


@pytest.mark.parametrize(
    ("text", "amount", "tied"),
    [
        (
            "Exports rose 9% to $1.2 billion from $1.1 billion in the same period of last year.",
            "1.1 billion",
            True,
        ),
        (
            "Trade rose 12% as compared with the same period in 2018 which was $6 billion.",
            "6 billion",
            True,
        ),
        ("Exports were $5 billion, 13% lower than last year's $5.7 billion.", "5.7 billion", True),
        # the new level, not the base: joined by "and", or no comparison word before it
        ("Trade grew by 20% compared to 2021 and reached $24 billion.", "24 billion", False),
        ("Imports from China amounted to $3 billion last year.", "3 billion", False),
        ("Exports rose 9% to $1.2 billion in 2023.", "1.2 billion", False),
        # a bound is no comparison
        ("Exports rose 9% to over $1.2 billion last year.", "1.2 billion", False),
    ],
)
def test_tied_base(text: str, amount: str, tied: bool) -> None:
    assert (tied_base(_ctx(text, amount)) is not None) is tied


@pytest.mark.parametrize(
    ("text", "amount", "lang", "opening"),
    [
        (
            "Exports rose 5% in 2021. In the same period last year, exports were $3 billion.",
            "3 billion",
            "en",
            True,
        ),
        # a change between the cue and the level: the level is the change's new level
        ("Year-on-year exports rose 5% to $3 billion.", "3 billion", "en", False),
        ("Exports were $3 billion in the same period last year.", "3 billion", "en", False),
    ],
)
def test_yoy_opening(text: str, amount: str, lang: str, opening: bool) -> None:
    assert yoy_opening(_ctx(text, amount, lang)) is opening


def test_level_of_a_same_period_base_takes_the_base_months() -> None:
    t = (
        "In January-June 2019 trade rose 12% to $7 billion as compared with the same period "
        "in 2018 which was $6.25 billion."
    )
    got = {c.value: c.period for c in parse(t, pair=("KAZ", "CHN"))}
    assert (got[7e9].start, got[6.25e9].start, got[6.25e9].end) == ("2019-01", "2018-01", "2018-06")


def test_last_year_after_a_fiscal_year_is_the_fiscal_year_before() -> None:
    t = (
        "Exports to China were $2.8 billion in 2021-22 against exports of $2.0 billion "
        "during last year."
    )
    got = parse(t, pair=("IND", "CHN"))[-1].period
    assert (got.start, got.end) == ("2020-04", "2021-03")


def test_a_base_levels_period_is_not_the_texts_year() -> None:
    t = (
        "In the first 11 months of 2019 Vietnam imported $68 billion from China. So far, "
        "Vietnam has a trade deficit of $31 billion with China, up from $24 billion "
        "deficit of eleven months in 2018. In November, Vietnam exported $4 billion to China."
    )
    got = {abs(c.value): c.period.start for c in parse(t, pair=("VNM", "CHN"))}
    assert (got[31e9], got[24e9], got[4e9]) == ("2019-01", "2018-01", "2019-11")


@pytest.mark.parametrize(
    ("text", "back"),
    [
        ("Trade rose 3-fold compared with ten years ago.", 10),
        ("贸易额较10年前增长6倍。", 10),
        ("Ten years ago trade was $1 billion.", None),  # no comparison: no base
    ],
)
def test_years_ago_as_a_base_counts_years_back(text: str, back: int | None) -> None:
    (p,) = [p for p in find_periods(text)[0] if p.year is None]
    assert p.years_back == back
