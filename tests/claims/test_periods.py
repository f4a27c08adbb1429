"""Period expressions and base-period cues (tradecheck.claims._periods).

Also: a written year after a relative-year word; twelve-month windows ending in a named month;
German comparison-period compounds ("Vergleichs-" + period) as the same period of a year;
"this year" after months so far; German "vorig", Ukrainian "нинішній"; a change compared with
a dated level. These sentences are constructed paraphrases (other words, numbers, countries)."""

from __future__ import annotations

import pytest

from tradecheck.claims._periods import find_periods, month_number, months_of, same_period_of
from tradecheck.claims.model import Period
from tradecheck.claims.parse import parse
from tradecheck.claims.resolve.base_period import previous_of, same_year_months
from tradecheck.claims.resolve.period import in_other_bracket, same_months_year
from tradecheck.claims.sentences import in_bracket


def _first(text):
    ps, _cues = find_periods(text)
    assert ps, text
    p = ps[0]
    return p.m1, p.m2, p.year, p.rel


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in 2022", (1, 12, 2022, None)),
        ("2022年", (1, 12, 2022, None)),
        ("в 2022 году", (1, 12, 2022, None)),
        ("the first nine months of 2025", (1, 9, 2025, None)),
        ("January–September 2024", (1, 9, 2024, None)),
        ("Januar bis September 2025", (1, 9, 2025, None)),
        ("январь–сентябрь 2023 года", (1, 9, 2023, None)),
        ("с января по август этого года", (1, 8, None, 0)),
        ("2025年1-9月", (1, 9, 2025, None)),
        ("2025年1至5月", (1, 5, 2025, None)),
        ("前三季度", (1, 9, None, None)),
        ("Q1 2023", (1, 3, 2023, None)),
        ("the first quarter of 2021", (1, 3, 2021, None)),
        ("im 1. Quartal 2024", (1, 3, 2024, None)),
        ("во II квартале", (4, 6, None, None)),
        ("2023年一季度", (1, 3, 2023, None)),
        ("H1 2024", (1, 6, 2024, None)),
        ("the first half of the year", (1, 6, None, None)),
        ("im ersten Halbjahr 2023", (1, 6, 2023, None)),
        ("im zweiten Halbjahr 2023", (7, 12, 2023, None)),
        ("в первом полугодии 2022 года", (1, 6, 2022, None)),
        ("2024年上半年", (1, 6, 2024, None)),
        ("за 11 месяцев 2023 года", (1, 11, 2023, None)),
        ("前10个月", (1, 10, None, None)),
        ("last year", (1, 12, None, -1)),
        ("в прошлом году", (1, 12, None, -1)),
        ("im vergangenen Jahr", (1, 12, None, -1)),
        ("去年", (1, 12, None, -1)),
        ("this year", (1, 12, None, 0)),
    ],
)
def test_period_expressions(text, expected):
    assert _first(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "year-on-year",
        "同比",
        "compared with the same period last year",
        "в годовом исчислении",
        "к аналогичному периоду прошлого года",
        "gegenüber dem Vorjahreszeitraum",
        "im Vorjahresvergleich",
        "по сравнению с предыдущим годом",
    ],
)
def test_yoy_cues(text):
    ps, cues = find_periods(text)
    assert cues and not [p for p in ps if not p.is_base]


@pytest.mark.parametrize(
    "text",
    [
        "compared with 2021",
        "than in 2021",
        "по сравнению с 2021 годом",
        "gegenüber 2021",
        "比2021年",
        "是2021年的2倍",
        "over the same period in 2021",
        "с аналогичным месяцем 2021 года",
        "gegenüber demselben Zeitraum des Jahres 2021",
    ],
)
def test_explicit_base_year(text):
    ps, _ = find_periods(text)
    assert [(p.year, p.is_base) for p in ps] == [(2021, True)]


def test_money_is_not_a_year():
    ps, _ = find_periods("$2000 million in 2021", exclude=[(1, 5)])
    assert [p.year for p in ps] == [2021]


def test_month_names():
    assert month_number("сентября") == 9
    assert month_number("März") == 3
    assert month_number("Sept.") == 9
    with pytest.raises(ValueError):
        month_number("Montag")


def test_a_bracket_keeps_its_period():
    """A period inside a bracket belongs to the bracketed figure, not to one before it."""
    t = "up 8.9% year-on-year ($5.6 billion in January-June 2023); exports (2024) fell"
    assert in_other_bracket(t, t.index("8.9"), t.index("January"), 0)
    assert not in_other_bracket(t, t.index("$5.6"), t.index("January"), 0)
    assert not in_other_bracket(t, t.index("8.9"), t.index("year-on"), 0)


def test_in_bracket():
    """An offset inside an open bracket, not after a closed one."""
    t = "grew ($5.3 billion in 2023). Exports (2024) fell"
    assert in_bracket(t, t.index("2023"), 0)
    assert in_bracket(t, t.index("2024"), t.index("Exports"))
    assert not in_bracket(t, t.index("Exports"), 0)
    assert not in_bracket(t, t.index("fell"), 0)


def test_a_bracketed_period_does_not_carry():
    """The months of a bracketed restatement of the base set no period for later sentences
    (constructed)."""
    t = (
        "Trade reached $4.0 billion in January-March 2025. It is 7% more than a year earlier "
        "($3.7 billion in January-March 2024). Exports to China were $1.5 billion."
    )
    last = parse(t, as_of="2025-04-20", pair=("KAZ", "CHN"))[-1]
    assert (last.value, last.period.start, last.period.end) == (1.5e9, "2025-01", "2025-03")


def test_previous_and_same_year_months():
    """The bases of a month compared with the month before or with a month named alone."""
    assert previous_of(Period("2024-03", "2024-03")) == Period("2024-02", "2024-02")
    assert previous_of(Period("2024-01", "2024-01")) == Period("2023-12", "2023-12")
    assert same_year_months(6, 6, Period("2024-07", "2024-07")) == Period("2024-06", "2024-06")
    assert same_year_months(11, 11, Period("2024-02", "2024-02")) == Period("2023-11", "2023-11")
    assert same_year_months(6, 6, Period("2024-01", "2024-07")) is None
    assert same_year_months(6, 6, Period("2023-12", "2024-01")) is None


@pytest.mark.parametrize(
    "text",
    ["compared to June", "по сравнению с июнем", "gegenüber Juni"],
)
def test_a_month_after_a_comparison_word_is_a_base(text):
    ps, _ = find_periods(text)
    assert [(p.m1, p.m2, p.year, p.is_base) for p in ps] == [(6, 6, None, True)]


def test_same_months_take_the_year_they_were_written_with():
    """A yearless restatement of months takes the year they were last written with, not the
    year named in between; whole years and bases are not such a statement (constructed)."""
    from tradecheck.claims._lang import normalise
    from tradecheck.claims.context import Doc

    t = "In January-June 2023 trade was $9 bn, in 2020 $5 bn (January-June 2022: $4 bn). By "
    t += "the end of June exports were $4 bn; in 2021, $3 bn."
    doc = Doc.read(t, normalise(t), "en", None, ("BRA", "CHN"))
    ps = doc.mentions.periods.between(0, len(t))
    ytd = next(p for p in ps if t[p.start :].lower().startswith("by the end"))
    assert same_months_year(doc, ytd) == 2023
    assert same_months_year(doc, ps[-1]) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in den fünf Monaten dieses Jahres", (1, 5, None, 0)),
        ("in seven months of 2019", (1, 7, 2019, None)),
        ("Januar/Mai 2018", (1, 5, 2018, None)),
    ],
)
def test_a_count_of_months_of_a_year_and_a_slash_range(text, expected):
    assert _first(text) == expected


def test_a_count_of_months_without_a_year_is_no_period():
    # a window the text does not place ("over 12 months"): not January to December
    assert not find_periods("over the 12 months exports rose 5%")[0]


def test_same_period_of_looks_past_the_word_before_the_year():
    t = "down 38.4% compared to the same period in 2013"
    assert same_period_of(t, t.index("in 2013"))
    assert same_period_of(t, t.index("2013"))
    assert not same_period_of(t, t.index("38.4"))


@pytest.mark.parametrize(
    "text",
    [
        "im Vergleich zum gleichen Zeitraum im Jahr 2019",
        "41,3% mehr als im gleichen Zeitraum 2018",
        "gegenüber dem Ergebnis des Vorjahres 2022",
        "по сравнению с уровнем 2021 года",
    ],
)
def test_a_year_after_a_longer_comparison_phrase_is_a_base(text):
    ps, _ = find_periods(text)
    assert [p.is_base for p in ps] == [True]


def test_a_to_without_an_amount_makes_no_from_to_change():
    # "bis Ende 2023" opens no new level: the amount after "von" is no starting level
    t = "Bis Ende 2023 erreichte der Handel einen Wert von $5 Milliarden."
    assert parse(t, as_of="2024-01-10")[0].period == Period("2023-01", "2023-12")
    t = "In 2020 the share of Belarus in China's trade fell to 4.3% from 4.9% compared with 2019."
    assert [c.period.start for c in parse(t, as_of="2021-01-10")] == ["2020-01", "2019-01"]


def test_a_past_year_said_in_contrast_is_not_carried():
    t = "In January-August 2021 trade was $4 bn. Last year it was lower. Exports were $1 bn."
    claims = parse(t)
    assert claims[0].period == Period("2021-01", "2021-08")
    assert claims[-1].period is None and "period" in claims[-1].unsure
    # the same year as the one written before it: carried
    t = (
        "Trade grew in 2022. Last year exports from Belarus to China were $2 billion. "
        "Imports were $3 billion."
    )
    assert [c.period.start for c in parse(t, as_of="2023-03-01")] == ["2022-01", "2022-01"]


@pytest.mark.parametrize(
    ("text", "as_of", "period", "base"),
    [
        (
            (
                "Since 2000 trade between Belarus and China has grown 100-fold, "
                "from $14 million in 2000 to $1.4 billion in 2009."
            ),
            "2010-12-29",
            Period("2009-01", "2009-12"),
            Period("2000-01", "2000-12"),
        ),
        (
            (
                "С 2000 года товарооборот между Беларусью и Китаем увеличился в 90 раз, "
                "с $15 млн в 2000 году до $1,35 млрд в 2009 году."
            ),
            "2010-12-29",
            Period("2009-01", "2009-12"),
            Period("2000-01", "2000-12"),
        ),
        (
            (
                "Exports from Belarus to China fell 45% from $172.2 million in H1 2023 "
                "to $94.4 million in the same period this year."
            ),
            "2024-08-01",
            Period("2024-01", "2024-06"),
            Period("2023-01", "2023-06"),
        ),
        (
            (
                "Trade between Belarus and China rose 20%, from $4 million in January "
                "to $4.8 million in February 2010."
            ),
            "2010-12-29",
            Period("2010-02", "2010-02"),
            Period("2010-01", "2010-01"),
        ),
    ],
)
def test_a_change_before_a_from_to_is_over_the_new_level_period(text, as_of, period, base):
    # the starting level itself is not read as a claim yet (the reader's recall, not the period)
    claims = parse(text, as_of=as_of)
    change = next(c for c in claims if c.quantity != "level")
    assert (change.period, change.base_period) == (period, base)
    assert [c.period for c in claims if c.quantity == "level"][-1] == period


def test_a_change_without_a_from_to_keeps_its_own_period():
    t = "In 2023 trade between Belarus and China grew 10%, reaching $8 billion."
    c = parse(t, as_of="2024-02-01")[0]
    assert (c.period, c.base_period) == (Period("2023-01", "2023-12"), Period("2022-01", "2022-12"))


@pytest.mark.parametrize(
    "text",
    ["up 30% on the pre-pandemic level", "gegenüber dem Niveau vor der Pandemie", "比疫情前增长"],
)
def test_the_pre_pandemic_level_is_a_base_of_2019(text):
    (p,) = find_periods(text)[0]
    assert (p.year, p.is_base, p.full_year) == (2019, True, True)


def test_the_last_months_of_a_year_that_is_over_are_its_last_months():
    (p,), _ = find_periods("compared to the last four months of 2022")
    assert (p.m1, p.m2, p.year, p.trailing) == (1, 4, 2022, True)
    assert months_of(p, closed=True) == (9, 12)
    assert months_of(p, closed=False) == (1, 4)
    (q,), _ = find_periods("in the first four months of 2022")
    assert months_of(q, closed=True) == (1, 4)  # "first" is never trailing


def test_last_year_this_figure_means_the_same_months():
    t = (
        "In January-August 2021 exports from Belarus to China were $540 million. "
        "Last year this figure was $400 million. Last year exports were $700 million."
    )
    got = [c.period for c in parse(t)]
    assert got[:2] == [Period("2021-01", "2021-08"), Period("2020-01", "2020-08")]
    # without "this figure", last year is the whole year
    assert got[2] == Period("2020-01", "2020-12")


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
        "Der Handel Portugals mit Korea hat sich von Januar bis August dieses Jahres stark "
        "abgeschwächt. Im Vergleichszeitraum 2018 hatte das Defizit noch 2 Mrd. Euro betragen. "
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
