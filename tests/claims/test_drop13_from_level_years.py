"""The starting level of a from-to construction dated by a cue of several years before it
("between 2014 and 2023 ... from $X to $Y", "2014年至2023年 ... 由X增至Y", "seit 2014 ...
von X auf Y im Jahr 2023"): the level of the cue's first year, a claim of its own. Sentences
are constructed paraphrases (other countries, other numbers)."""

from __future__ import annotations

import pytest

from tradecheck.claims.context import Doc, contexts
from tradecheck.claims.parse import parse
from tradecheck.claims.resolve.base_level import from_level_year

PAIR = ("SRB", "CHN")


def _levels(text: str, pair: tuple[str, str] = PAIR) -> list[tuple[float, str | None]]:
    return [
        (c.value, c.period.start if c.period else None)
        for c in parse(text, pair=pair, as_of="2024-06-01")
        if c.quantity == "level"
    ]


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
        ("2014年至2023年,塞尔维亚对华出口额由3100万美元增至16亿美元。", "zh"),
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
    assert _levels(text) == [(31e6, "2014-01"), (1.6e9, "2023-01")]


def test_since_a_year_dates_the_starting_level() -> None:
    t = "Seit 2014 sind Serbiens Ausfuhren nach China von 31 Mio. Dollar auf 1,6 Mrd. Dollar "
    t += "im Jahr 2023 gestiegen."
    assert _years(t, "de") == [2014, None]
    assert _levels(t) == [(31e6, "2014-01"), (1.6e9, "2023-01")]


def test_a_starting_level_with_its_own_year_keeps_it() -> None:
    t = "Since 2012 exports to China rose from $31 million in 2014 to $1.6 billion in 2023."
    assert _years(t, "en") == [None, None]
    assert _levels(t) == [(31e6, "2014-01"), (1.6e9, "2023-01")]


def test_no_cue_of_years_leaves_the_starting_level_unread() -> None:
    t = "Serbia's exports to China rose from $31 million to $1.6 billion."
    assert _years(t, "en") == [None, None]
    assert [v for v, _ in _levels(t)] == [1.6e9]


def test_a_figure_between_the_cue_and_the_level_breaks_the_tie() -> None:
    t = "Between 2014 and 2023 trade tripled to $3 billion, and exports went from $31 million "
    t += "to $1.6 billion."
    assert 31e6 not in [v for v, _ in _levels(t)]


def test_another_pairs_starting_level_stays_out() -> None:
    t = "Between 2014 and 2023 Hungary's exports to China grew from $31 million to $1.6 billion."
    assert _levels(t) == []
