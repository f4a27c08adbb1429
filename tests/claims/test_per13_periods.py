"""Periods and base periods on the thirteenth session's study sets L and M (issues 8 and 13).
Every sentence is a constructed paraphrase (other words, numbers and countries)."""

from __future__ import annotations

import pytest

from tradecheck.claims._periods import find_periods, same_period_of
from tradecheck.claims.parse import parse


@pytest.mark.parametrize(
    "text",
    [
        "von 4 Mrd. Franken aus dem Vergleichszeitraum 2019",
        "Im Vergleichshalbjahr 2019 lag das Defizit bei 1 Mrd. Euro.",
        "gegenüber dem Vergleichsmonat 2019",
    ],
)
def test_comparison_period_compound_is_the_same_period_of_a_year(text: str) -> None:
    assert same_period_of(text, text.index("2019"))
    (p,) = [q for q in find_periods(text)[0] if q.year == 2019]
    assert p.is_base


def test_comparison_period_sets_no_period_for_the_sentences_after_it() -> None:
    t = (
        "Der Handel Portugals mit Korea ist in den ersten acht Monaten dieses Jahres stark "
        "geschrumpft. Im Vergleichszeitraum 2018 hatte das Defizit noch 2 Mrd. Euro betragen. "
        "Die Einfuhren aus Korea fielen um 14 Prozent auf 3,1 Mrd. Euro."
    )
    c = parse(t, as_of="2019-10-01", lang="de", pair=("PRT", "KOR"))[-1]
    assert c.value == 3.1e9
    assert c.period is not None and (c.period.start, c.period.end) == ("2019-01", "2019-08")


@pytest.mark.parametrize("text", ["Im vorigen Jahr wuchs der Handel.", "Voriges Jahr wuchs er."])
def test_german_vorig_is_last_year(text: str) -> None:
    (p,) = find_periods(text)[0]
    assert (p.rel, p.full_year, p.from_context) == (-1, True, False)


@pytest.mark.parametrize(
    ("text", "lang", "pair"),
    [
        (
            (
                "Seit dem Jahr 2006 haben sich die Einfuhren aus Chile von 3,2 Mrd. Euro auf "
                "7,1 Mrd. Euro im Jahr 2016 mehr als verdoppelt."
            ),
            "de",
            ("DEU", "CHL"),
        ),
        (
            "2006年至2016年,秘鲁对华出口额由4100万美元增至31亿美元,增长约75倍。",
            "zh",
            ("PER", "CHN"),
        ),
        (
            (
                "Since 2006 Peru's exports to China have gone from $41 million to $3.1 billion "
                "in 2016, a 75-fold rise."
            ),
            "en",
            ("PER", "CHN"),
        ),
    ],
)
def test_a_change_since_a_year_over_its_own_from_to_levels(
    text: str, lang: str, pair: tuple[str, str]
) -> None:
    (change,) = [c for c in parse(text, as_of="2017-05-01", lang=lang, pair=pair)
                 if c.quantity in ("ratio", "pct_change")]  # fmt: skip
    assert change.period is not None and change.period.start == "2016-01"
    assert change.base_period is not None and change.base_period.start == "2006-01"


def test_other_figures_between_a_year_and_a_change_still_block_it() -> None:
    # two levels without "from ... to": the change is the last year's, not one since 2006
    t = ("Seit 2006 wachsen die Exporte nach Chile: 2015 waren es 3,2 Mrd. Euro, 2016 dann "
         "7,1 Mrd. Euro, ein Plus von 12 Prozent.")  # fmt: skip
    (change,) = [c for c in parse(t, as_of="2017-05-01", lang="de", pair=("DEU", "CHL"))
                 if c.quantity == "pct_change"]  # fmt: skip
    assert change.base_period is not None and change.base_period.start == "2015-01"


@pytest.mark.parametrize(
    ("text", "lang", "pair"),
    [
        (
            (
                "Im ersten Halbjahr 2019 wuchs der Handel zwischen Peru und Chile. Auch in "
                "diesem Jahr stiegen die Exporte Perus nach Chile um 21 Prozent."
            ),
            "de",
            ("PER", "CHL"),
        ),
        (
            (
                "У першому півріччі 2019 року торгівля Перу з Чилі зросла. Цього року ринок "
                "переживає підйом.\nЕкспорт Перу до Чилі зріс на 21%."
            ),
            "uk",
            ("PER", "CHL"),
        ),
    ],
)
def test_this_year_after_months_so_far_is_those_months(
    text: str, lang: str, pair: tuple[str, str]
) -> None:
    c = parse(text, as_of="2019-08-20", lang=lang, pair=pair)[-1]
    assert c.value == 21.0
    assert c.period is not None and (c.period.start, c.period.end) == ("2019-01", "2019-06")
    assert c.base_period is not None and c.base_period.end == "2018-06"


@pytest.mark.parametrize(
    "first",
    [
        "Im ersten Halbjahr 2018 wuchs der Handel zwischen Peru und Chile.",  # another year
        "Der Handel zwischen Peru und Chile wächst.",  # no months before
    ],
)
def test_this_year_without_months_of_that_year_before_stays_the_year(first: str) -> None:
    t = first + " Auch in diesem Jahr stiegen die Exporte Perus nach Chile um 21 Prozent."
    c = parse(t, as_of="2019-08-20", lang="de", pair=("PER", "CHL"))[-1]
    assert c.period is not None and (c.period.start, c.period.end) == ("2019-01", "2019-12")


@pytest.mark.parametrize("text", ["в нинішньому році", "за два місяці нинішнього року"])
def test_ukrainian_ninishnii_is_this_year(text: str) -> None:
    (p,) = find_periods(text)[0]
    assert p.rel == 0


@pytest.mark.parametrize(
    ("text", "lang", "base"),
    [
        ("Trade with Peru reached $9.5 billion in 2018, up 41% compared to $6.7 billion in 2015.",
         "en", "2015-01"),
        (("Total trade with Peru hit $9.5 billion in 2018, which is 410 times compared to "
          "$23 million in 1971, when ties were set up."), "en", "1971-01"),
        (("Der Handel mit Peru erreichte 2018 9,5 Mrd. Euro, ein Plus von 41% gegenüber "
          "6,7 Mrd. Euro im Jahr 2015."), "de", "2015-01"),
        # the level names no period: the change is against the year before
        ("Trade with Peru reached $9.5 billion in 2018, up 41% compared to $6.7 billion.",
         "en", "2017-01"),
    ],
)  # fmt: skip
def test_a_change_compared_with_a_dated_level_is_against_its_period(
    text: str, lang: str, base: str
) -> None:
    (change,) = [c for c in parse(text, as_of="2019-11-26", lang=lang, pair=("DEU", "PER"))
                 if c.quantity in ("ratio", "pct_change")]  # fmt: skip
    assert change.period is not None and change.period.start == "2018-01"
    assert change.base_period is not None and change.base_period.start == base


@pytest.mark.parametrize("word", ["als noch", "wie noch"])
def test_german_noch_before_a_compared_year_keeps_it_a_base(word: str) -> None:
    t = f"Die Exporte nach Peru waren 2018 um 120 Prozent höher {word} 2005."
    (p,) = [q for q in find_periods(t)[0] if q.year == 2005]
    assert p.is_base
