"""From-to constructions: the starting level is a claim of its own period (claim schema:
both levels of "from $X in A to $Y in B" are claims). Sentences are constructed paraphrases.

- A starting level dated by a cue of several years before it ("between 2014 and 2023 ... from
  $X to $Y", "seit 2014 ... von X auf Y im Jahr 2023"): the level of the cue's first year
  (claims/resolve/base_level.py, ``from_level_year``).
- Starting levels the relevance stage used to drop: a level with its own written period right
  after it, and a level whose change is said year-on-year; the dated base of a target."""

from __future__ import annotations

import pytest

from tradecheck.claims.context import Doc, contexts
from tradecheck.claims.parse import parse
from tradecheck.claims.resolve.base_level import from_level_year


def _levels(text: str, pair: tuple[str, str]) -> list[tuple[float, str | None]]:
    return [
        (c.value, c.period.start if c.period else None)
        for c in parse(text, pair=pair, as_of="2024-06-01")
        if c.quantity == "level"
    ]


def test_dated_starting_level_is_read_with_its_own_period() -> None:
    t = "India's shipments to China went up from $10.5 billion in 2015-16 to $19.2 billion in "
    t += "2022-23."
    assert _levels(t, ("IND", "CHN")) == [(10.5e9, "2015-04"), (19.2e9, "2022-04")]


def test_dated_starting_level_after_a_multiple_in_russian() -> None:
    t = "Товарооборот вырос в 90 раз: с $12,3 млн. в 2001 году до $1 млрд. 105,4 млн. в 2010 г."
    assert _levels(t, ("TJK", "CHN")) == [(12.3e6, "2001-01"), (1105.4e6, "2010-01")]


def test_undated_starting_level_stays_unread() -> None:
    t = "Belarus's exports to China rose from $3 billion to $4 billion."
    assert [v for v, _ in _levels(t, ("BLR", "CHN"))] == [4e9]


PAIR = ("SRB", "CHN")


def _years(text: str, lang: str) -> list[int | None]:
    doc = Doc.read(text, text, lang, None, PAIR)
    return [from_level_year(c) for c in contexts(doc) if c.amount.kind != "percent"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            (
                "Between 2014 and 2023 Serbia's exports to China grew from $31 million to "
                "$1.6 billion."
            ),
            "en",
        ),
        ("From 2014 to 2023 Serbia's sales to China rose from $31 million to $1.6 billion.", "en"),
        ("2014年至2023年,塞尔维亚向中国的出口由3100万美元增至16亿美元。", "zh"),
        (
            (
                "С 2014 по 2023 год экспорт Сербии в Китай вырос с 31 млн долларов "
                "до 1,6 млрд долларов."
            ),
            "ru",
        ),
        (
            (
                "Zwischen 2014 und 2023 stiegen Serbiens Exporte nach China von 31 Mio. Dollar "
                "auf 1,6 Mrd. Dollar."
            ),
            "de",
        ),
    ],
)
def test_a_range_of_years_dates_the_starting_level(text: str, lang: str) -> None:
    assert _years(text, lang) == [2014, None]
    assert _levels(text, PAIR) == [(31e6, "2014-01"), (1.6e9, "2023-01")]


def test_since_a_year_dates_the_starting_level() -> None:
    t = "Seit 2014 sind Serbiens Ausfuhren nach China von 31 Mio. Dollar auf 1,6 Mrd. Dollar "
    t += "im Jahr 2023 gestiegen."
    assert _years(t, "de") == [2014, None]
    assert _levels(t, PAIR) == [(31e6, "2014-01"), (1.6e9, "2023-01")]


def test_a_starting_level_with_its_own_year_keeps_it() -> None:
    t = "Since 2012 exports to China rose from $31 million in 2014 to $1.6 billion in 2023."
    assert _years(t, "en") == [None, None]
    assert _levels(t, PAIR) == [(31e6, "2014-01"), (1.6e9, "2023-01")]


def test_no_cue_of_years_leaves_the_starting_level_unread() -> None:
    t = "Serbia's exports to China rose from $31 million to $1.6 billion."
    assert _years(t, "en") == [None, None]
    assert [v for v, _ in _levels(t, PAIR)] == [1.6e9]


def test_a_figure_between_the_cue_and_the_level_breaks_the_tie() -> None:
    t = "Between 2014 and 2023 trade tripled to $3 billion, and exports went from $31 million "
    t += "to $1.6 billion."
    assert 31e6 not in [v for v, _ in _levels(t, PAIR)]


def test_another_pairs_starting_level_stays_out() -> None:
    t = "Between 2014 and 2023 Hungary's exports to China grew from $31 million to $1.6 billion."
    assert _levels(t, PAIR) == []


def _level_spans(
    text: str, as_of: str = "2024-06-01"
) -> list[tuple[float, str | None, str | None]]:
    return [
        (c.value, c.period.start if c.period else None, c.period.end if c.period else None)
        for c in parse(text, pair=("BLR", "CHN"), as_of=as_of)
        if c.quantity == "level"
    ]


def test_starting_level_with_own_month_when_the_new_level_says_same_month() -> None:
    t = "Belarus's exports to China slipped from $41.6 million in April 2022 to $39.2 million "
    t += "in the same month of this year."
    assert _level_spans(t)[0] == (41.6e6, "2022-04", "2022-04")


def test_starting_level_of_a_year_on_year_change_takes_the_base_period() -> None:
    t = "In January-September 2021 Belarus's imports from China went up 18 percent from "
    t += "$2.2 billion to $2.6 billion year-on-year."
    assert _level_spans(t) == [(2.2e9, "2020-01", "2020-09"), (2.6e9, "2021-01", "2021-09")]


def test_year_on_year_without_a_change_leaves_the_starting_level_unread() -> None:
    t = "In 2021 Belarus's imports from China went from $2.2 billion to $2.6 billion "
    t += "year-on-year."
    assert [v for v, _, _ in _level_spans(t)] == [2.6e9]


def test_undated_starting_level_still_dropped() -> None:
    t = "Товарооборот Беларуси и Китая вырос с 3 млрд долларов до 4 млрд долларов."
    assert [v for v, _, _ in _level_spans(t)] == [4e9]


def test_starting_level_followed_by_a_base_period_is_not_its_own_period() -> None:
    t = "Belarus's exports to China fell from $41.6 million in the same months of last year "
    t += "to $39.2 million in January-April 2024."
    got = _level_spans(t)
    assert (39.2e6, "2024-01", "2024-04") in got
    # the base period is no period of the level's own: read with it or not at all
    assert all(p == ("2023-01", "2023-04") for v, *p in got if v == 41.6e6)


def test_dated_base_of_a_target_is_an_outcome() -> None:
    t = "The two governments want trade between Belarus and China to reach $12 billion by "
    t += "2029 from $6.3 billion in 2022."
    assert _level_spans(t) == [(6.3e9, "2022-01", "2022-12")]


def test_dated_base_of_a_target_in_russian() -> None:
    t = "Стороны намерены довести товарооборот Беларуси и Китая до 12 млрд долларов против "
    t += "6,3 млрд долларов по итогам 2022 года."
    assert _level_spans(t) == [(6.3e9, "2022-01", "2022-12")]


def test_undated_base_of_a_target_stays_dropped() -> None:
    t = "The two governments want trade between Belarus and China to reach $12 billion by "
    t += "2029 from $6.3 billion."
    assert _level_spans(t) == []
