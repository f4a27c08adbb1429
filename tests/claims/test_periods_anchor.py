"""Period anchors: the level of a comparison base in brackets, the year an undated text speaks
from, the half year written alone ("за полгода"). Constructed sentences (numbers illustrative).

A past year said of the figure before it is an aside: the text goes on with its own period
(claims/resolve/period.py, ``compared_back``); without words referring back to the figure the
period after it stays open."""

from __future__ import annotations

from datetime import date

import pytest

from tradecheck.claims._periods import find_periods
from tradecheck.claims.context import Doc
from tradecheck.claims.model import Period
from tradecheck.claims.parse import parse
from tradecheck.claims.resolve.period import (
    context_year,
    headline_year,
    level_of_year_before,
    year_before,
    year_to_date,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("up 9% compared to the same period of the previous year ($1.6 billion)", True),
        ("рост на 9% по сравнению с аналогичным периодом прошлого года (1,6 млрд)", True),
        ("up 9% compared with the previous year ($1.6 billion)", True),
        ("up 9% year-on-year ($1.6 billion)", False),
        ("up 9% in January-February 2024 ($1.6 billion)", False),
        ("up 9% compared to the same period of the previous year, $1.6 billion", False),
    ],
)
def test_level_of_year_before(text, expected):
    start = text.index("1,6" if "1,6" in text else "$1.6")
    assert level_of_year_before(text, start, 0) is expected


def test_year_before_keeps_months():
    assert year_before(Period("2025-01", "2025-12")) == Period("2024-01", "2024-12")
    assert year_before(Period("2024-03", "2024-03")) == Period("2023-03", "2023-03")


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("Im vergangenen Jahr stieg der Handel um 3 Prozent gegenüber 2018.", "2019-01"),
        ("Last year trade rose 3% compared with 2018.", "2019-01"),
        ("This year trade rose 3% compared with 2018.", "2019-01"),
    ],
)
def test_relative_year_against_written_year(text, start):
    (c,) = parse(text, pair=("DEU", "CHN"))
    assert c.period is not None and c.period.start == start
    assert c.base_period == Period("2018-01", "2018-12")


def test_relative_year_without_anchor_stays_null():
    """An undated text whose relative year is compared with nothing written: no guess."""
    (c,) = parse("Last year trade rose 3%.", pair=("DEU", "CHN"))
    assert c.period is None


@pytest.mark.parametrize("text", ["за полгода", "за півроку", "за паўгода", "за полугодие"])
def test_half_year_alone(text):
    ps, _ = find_periods(text)
    assert [(p.m1, p.m2, p.year) for p in ps] == [(1, 6, None)]


@pytest.mark.parametrize(
    ("text", "is_base"),
    [("nearly double that of 2022", True), ("well above those of 2021", True), ("in 2022", False)],
)
def test_that_of_year_is_a_base(text, is_base):
    ps, _ = find_periods(text)
    assert [p.is_base for p in ps] == [is_base]


@pytest.mark.parametrize(
    ("text", "periods"),
    [
        (
            (
                "In Q1 2020 the share of Belarus in Russia's trade fell to 4.3% from 4.9% "
                "compared with the first quarter of 2019."
            ),
            ["2020-01", "2019-01"],
        ),
        # no written base: the starting level keeps the sentence's period
        ("In Q1 2020 the share of Belarus in Russia's trade fell to 4.3% from 4.9%.", None),
    ],
)
def test_starting_level_takes_the_written_base(text, periods):
    got = [c.period.start for c in parse(text, as_of="2020-05-21", pair=("RUS", "BLR"))]
    assert got == (periods or ["2020-01", "2020-01"])


def _doc(text, as_of=None):
    return Doc.read(text, text, "en", as_of, ("BRA", "CHN"))


def test_year_to_date_of_an_undated_text():
    t = "In January-June 2023 exports were $5 billion. This year they rose 3%."
    ytd = year_to_date(_doc(t), t.index("This year"))
    assert ytd is not None and (ytd.year, ytd.m1, ytd.m2) == (2023, 1, 6)


@pytest.mark.parametrize(
    ("text", "as_of"),
    [
        # a dated text counts from its date
        ("In January-June 2023 exports were $5 billion. This year they rose 3%.", date(2024, 2, 1)),
        # a whole year is no year-to-date
        ("In 2023 exports were $5 billion. This year they rose 3%.", None),
        # a comparison base is not the text's year
        ("Exports rose 5% compared with January-June 2023. This year they rose 3%.", None),
    ],
)
def test_no_year_to_date(text, as_of):
    assert year_to_date(_doc(text, as_of), text.index("This year")) is None


def test_year_to_date_relative_months_count_only_when_asked():
    """Months "of this year" in an undated text are the year so far for a later "this year"
    (``relative``), but give no year to "last year" (the default). Constructed."""
    t = "За январь-май этого года торговля выросла. В этом году итог лучше."
    doc = _doc(t)
    assert year_to_date(doc, t.index("В этом")) is None
    q = year_to_date(doc, t.index("В этом"), relative=True)
    assert q is not None and (q.m1, q.m2, q.rel) == (1, 5, 0)


def test_context_year_skips_a_year_counted_from_the_context():
    """ "im Vorjahr" counts from the year spoken of; it gives no year to a later "im Oktober"
    (it used to, counted from the publication date). Constructed."""
    t = "Die Exporte stiegen im Oktober. Im Vorjahr war der Handel schwächer. Im Oktober mehr."
    doc = Doc.read(t, t, "de", date(2017, 11, 30), ("TUR", "CHN"))
    assert context_year(doc, t.rindex("Im Oktober")) is None


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        ("on 14 May 2013", True),
        ("April 16, 2016", True),
        (" date 2018-02-26 TOKYO", True),
        ("am 5. Mai 2020", True),
        ("2020年3月5日", True),
        ("26.02.2018", True),
        # a period, not a date
        ("in May 2013", False),
        ("2020年3月", False),
        (" date 2020-11", False),
    ],
)
def test_calendar_dates_are_flagged(text: str, dated: bool) -> None:
    ps, _ = find_periods(text)
    assert ps and all(p.in_date is dated for p in ps)


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("2015 trade down 28%\nTrade fell 27.8% last year.", 2016),
        ("Exports grow in 2009\nExports rose 7% last year. This year they may fall.", 2010),
        ("Exports grow this year\nExports rose 7% in 2009.", None),  # a relative headline
        ("Trade in 2015 and 2016\nTrade rose 2% last year.", None),  # two years
        ("Trade rose 2% last year in 2015.", None),  # no headline line
    ],
)
def test_headline_year(text: str, year: int | None) -> None:
    assert headline_year(Doc.read(text, text, "en", None, ("RUS", "CHN"))) == year


JAN_AUG = Period("2023-01", "2023-08")


@pytest.mark.parametrize(
    "text",
    [
        (
            "Белстат падвёў вынікі знешняга гандлю за студзень–жнівень 2023 года. Дэфіцыт "
            "гандлю Беларусі з Кітаем за 8 месяцаў склаў 2 млрд долараў. Летась гэты паказчык "
            "быў 1,5 млрд долараў. "
            "Экспарт з Беларусі ў Кітай склаў 600 млн долараў."
        ),
        (
            "Белстат падвёў вынікі вонкавага гандлю за студзень–жнівень 2023 году. Дэфіцыт "
            "гандлю Беларусі зь Кітаем за 8 месяцаў склаў 2 млрд даляраў. Летась гэты паказьнік "
            "быў 1,5 млрд "
            "даляраў. Экспарт зь Беларусі ў Кітай склаў 600 млн даляраў."
        ),
        (
            "В январе–августе 2023 года дефицит торговли Беларуси с Китаем составил 2 млрд "
            "долларов. В прошлом году этот показатель был 1,5 млрд долларов. Экспорт из "
            "Беларуси в Китай составил 600 млн долларов."
        ),
    ],
)
def test_figure_after_a_compared_past_year_keeps_the_text_period(text: str) -> None:
    claims = parse(text)
    assert (claims[-1].value, claims[-1].period) == (600e6, JAN_AUG)


def test_past_year_without_reference_to_the_figure_stays_open() -> None:
    t = (
        "In January-August 2023 the deficit with China was $2 billion. Last year it was "
        "$1.5 billion. Exports from Belarus to China came to $600 million."
    )
    assert parse(t)[-1].period is None
