"""Period vocabulary and steps found with the constructed period grid (test_grid_periods.py):
roman numerals written with the Cyrillic capital І, abbreviated quarters and months, one-word
relative years, Belarusian month ranges and bases, changes over several years, windows of N
months ending in a month. Constructed sentences."""

from __future__ import annotations

import pytest

from tradecheck.claims._periods import _ord, find_periods
from tradecheck.claims.parse import parse


def _months(text: str) -> list[tuple[int, int, int | None]]:
    ps, _ = find_periods(text)
    return [(p.m1, p.m2, p.year) for p in ps]


def _first(text: str, pair: tuple[str, str], as_of: str | None = None, lang: str = "auto"):
    claims = parse(text, as_of=as_of, pair=pair, lang=lang)
    assert claims, text
    return claims[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("за ІІ квартал 2021 р.", [(4, 6, 2021)]),
        ("у ІІІ квартале 2020 г.", [(7, 9, 2020)]),
        ("у ІІ півріччі 2019 р.", [(7, 12, 2019)]),
        ("im III. Quartal 2021", [(7, 9, 2021)]),
        ("во 2 кв. 2021 г.", [(4, 6, 2021)]),
        ("за 7 мес. 2021 г.", [(1, 7, 2021)]),
    ],
)  # fmt: skip
def test_roman_and_abbreviated_parts_of_a_year(text, expected):
    assert _months(text) == expected


def test_small_cyrillic_i_is_the_conjunction_not_a_numeral():
    # "і" (and) before a quarter word is no ordinal: only the capital І is a roman numeral
    assert _ord("і") is None and _ord("І") == 1
    assert _months("у першому і другому кварталах 2021 р.") == [(4, 6, 2021)]


def test_square_metres_are_no_quarter():
    assert _months("склад на 3 кв. м у 2021 г.") == [(1, 12, 2021)]


def test_abbreviated_month_does_not_end_the_sentence():
    c = _first("За 10 мес. 2021 г. экспорт Казахстана в Китай вырос на 9%.", ("KAZ", "CHN"))
    assert (c.period.start, c.period.end) == ("2021-01", "2021-10")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Позаторік експорт Польщі до Китаю становив 3 млрд доларів.", "uk"),
        ("Пазалетась экспарт Казахстана ў Кітай склаў 3 млрд долараў.", "be"),
    ],
)  # fmt: skip
def test_one_word_year_before_last(text, lang):
    c = _first(text, ("KAZ", "CHN") if lang == "be" else ("POL", "CHN"), "2022-06-01", lang)
    assert (c.period.start, c.period.end) == ("2020-01", "2020-12")


def test_belarusian_month_range_and_base():
    t = ("У студзені–сакавіку 2021 года экспарт Казахстана ў Кітай вырас на 6% у параўнанні са "
         "студзенем–сакавіком 2019 года.")  # fmt: skip
    c = _first(t, ("KAZ", "CHN"), lang="be")
    assert (c.period.start, c.period.end) == ("2021-01", "2021-03")
    assert (c.base_period.start, c.base_period.end) == ("2019-01", "2019-03")


def test_shangnian_alone_is_last_year_but_after_bi_a_base():
    c = _first("上年智利对华出口增长9%。", ("CHL", "CHN"), "2022-02-01", "zh")
    assert (c.period.start, c.base_period.start) == ("2021-01", "2020-01")
    c = _first("2021年智利对华出口比上年增长9%。", ("CHL", "CHN"), None, "zh")
    assert (c.period.start, c.base_period.start) == ("2021-01", "2020-01")


@pytest.mark.parametrize(
    ("text", "lang", "pair", "base"),
    [
        ("Over the past six years, Chile's exports to China rose 80%, to $38 billion in 2021.",
         "en", ("CHL", "CHN"), "2015-01"),
        ("Chile's exports to China have doubled over the past decade, to $38 billion in 2021.",
         "en", ("CHL", "CHN"), "2011-01"),
        (("Innerhalb von vier Jahren sind Chiles Exporte nach China um 50 Prozent gestiegen, auf "
          "25 Milliarden Dollar im Jahr 2021."), "de", ("CHL", "CHN"), "2017-01"),
        (("За три года экспорт Казахстана в Китай вырос на 40% и в 2021 году составил "
          "8 млрд долларов."), "ru", ("KAZ", "CHN"), "2018-01"),
        (("За останні сім років експорт Польщі до Китаю зріс удвічі й у 2021 році сягнув "
          "4 млрд доларів."), "uk", ("POL", "CHN"), "2014-01"),
        (("За апошнія чатыры гады экспарт Казахстана ў Кітай вырас на 30% і ў 2021 годзе склаў "
          "8 млрд долараў."), "be", ("KAZ", "CHN"), "2017-01"),
        ("过去八年,中国对智利出口增长了60%,2021年达到200亿美元。", "zh", ("CHL", "CHN"), "2013-01"),
    ],
)  # fmt: skip
def test_change_over_n_years_is_against_n_years_before(text, lang, pair, base):
    c = next(c for c in parse(text, pair=pair, lang=lang) if c.quantity in ("pct_change", "ratio"))
    assert c.period.start == "2021-01" and c.base_period.start == base


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("In 2021 Chile's exports to China rose 25%, the fastest growth in five years.", "en"),
        ("В 2021 году экспорт Казахстана в Китай вырос на 15% — максимум за пять лет.", "ru"),
        ("Рост экспорта Казахстана в Китай на 15% в 2021 году стал рекордным за пять лет.", "ru"),
        # a span before the figure with the figure's own year between: that year's change
        ("За пять лет экспорт Казахстана в Китай окреп, а в 2021 году вырос на 15%.", "ru"),
    ],
)  # fmt: skip
def test_highest_in_n_years_is_no_span(text, lang):
    # "the fastest in five years" after the figure is a point of comparison, not its base
    c = next(c for c in parse(text, pair=("CHL", "CHN") if lang == "en" else ("KAZ", "CHN"))
             if c.quantity == "pct_change")  # fmt: skip
    assert c.base_period.start == "2020-01"


@pytest.mark.parametrize(
    ("text", "lang", "pair"),
    [
        ("Between 2016 and 2021, Chile's exports to China grew 70%.", "en", ("CHL", "CHN")),
        ("From 2016 to 2021 Chile's exports to China grew 70%.", "en", ("CHL", "CHN")),
        ("С 2016 по 2021 год экспорт Казахстана в Китай вырос на 70%.", "ru", ("KAZ", "CHN")),
        ("2016年至2021年,中国对智利出口增长了70%。", "zh", ("CHL", "CHN")),
        ("З 2016 року експорт Польщі до Китаю зріс на 70% і у 2021 році сягнув 4 млрд доларів.",
         "uk", ("POL", "CHN")),
    ],
)  # fmt: skip
def test_change_over_a_range_of_years_or_since_an_opening_year(text, lang, pair):
    c = next(c for c in parse(text, pair=pair, lang=lang) if c.quantity == "pct_change")
    assert (c.period.start, c.base_period.start) == ("2021-01", "2016-01")


def test_comparison_with_a_year_is_no_since():
    # "порівняно з 2019 роком" is a base, never "since 2019"; an opening "З" only at the start
    t = "У 2021 році експорт Польщі до Китаю зріс на 20% порівняно з 2019 роком."
    c = _first(t, ("POL", "CHN"), lang="uk")
    assert c.base_period.start == "2019-01"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in the nine months to September 2021", [(1, 9, 2021)]),
        ("in the three months ended March 2022", [(1, 3, 2022)]),
        # across the year end: October 2021 to March 2022, read like a fiscal year
        ("in the six months to March 2022", [(10, 15, 2021)]),
        # the twelve-month window is unchanged
        ("in the year ended April 2022", [(5, 16, 2021)]),
    ],
)  # fmt: skip
def test_n_months_to_a_month(text, expected):
    assert _months(text) == expected


def test_n_months_to_keeps_its_base():
    t = "In the eight months to August 2021, Chile's exports to China rose 14%."
    c = _first(t, ("CHL", "CHN"), lang="en")
    assert (c.period.start, c.period.end) == ("2021-01", "2021-08")
    assert (c.base_period.start, c.base_period.end) == ("2020-01", "2020-08")


@pytest.mark.parametrize(
    ("text", "lang", "pair"),
    [
        (("В течение шести лет экспорт Казахстана в Китай вырос на 50% и в 2021 году составил "
          "8 млрд долларов."), "ru", ("KAZ", "CHN")),
        (("Упродовж шести років експорт Польщі до Китаю зріс на 50% і у 2021 році сягнув "
          "4 млрд доларів."), "uk", ("POL", "CHN")),
        (("На працягу шасці гадоў экспарт Казахстана ў Кітай вырас на 50% і ў 2021 годзе склаў "
          "8 млрд долараў."), "be", ("KAZ", "CHN")),
        (("Im Laufe von sechs Jahren sind Chiles Exporte nach China um 50 Prozent gestiegen und "
          "erreichten 2021 25 Milliarden Dollar."), "de", ("CHL", "CHN")),
    ],
)  # fmt: skip
def test_during_n_years_is_a_span(text, lang, pair):
    c = next(c for c in parse(text, pair=pair, lang=lang) if c.quantity == "pct_change")
    assert (c.period.start, c.base_period.start) == ("2021-01", "2015-01")


def test_a_plan_over_n_years_is_no_claim():
    assert parse("Польща та Китай мають намір протягом шести років подвоїти товарообіг.",
                 pair=("POL", "CHN"), lang="uk") == []  # fmt: skip


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("З лютого до травня 2021 року експорт Польщі до Китаю зріс на 7%.", "uk"),
        ("З лютага да траўня 2021 года экспарт Казахстана ў Кітай вырас на 7%.", "be"),
    ],
)  # fmt: skip
def test_month_range_with_do(text, lang):
    c = _first(text, ("POL", "CHN") if lang == "uk" else ("KAZ", "CHN"), lang=lang)
    assert (c.period.start, c.period.end) == ("2021-02", "2021-05")


def test_abgelaufenes_jahr_is_last_year():
    c = _first("Im abgelaufenen Jahr stiegen Chiles Exporte nach China um 4 Prozent.",
               ("CHL", "CHN"), "2022-03-01", "de")  # fmt: skip
    assert c.period.start == "2021-01" and c.base_period.start == "2020-01"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("In 2021 Chile's exports to China were 25% higher than three years earlier.", "en"),
        ("2021 lagen Chiles Exporte nach China um 25 Prozent höher als drei Jahre zuvor.", "de"),
    ],
)  # fmt: skip
def test_n_years_earlier_is_a_base(text, lang):
    c = _first(text, ("CHL", "CHN"), lang=lang)
    assert (c.period.start, c.base_period.start) == ("2021-01", "2018-01")


def test_month_range_named_a_quarter_keeps_its_year():
    assert _months("in the October-December quarter of 2021") == [(10, 12, 2021)]
