"""German and Chinese constructions of real press text (constructed paraphrases, never
quotes; numbers illustrative): verb-final changes, month ranges, compound deficits."""

from __future__ import annotations

import pytest

from tradecheck.claims.context import Doc, contexts
from tradecheck.claims.mentions import find_amounts
from tradecheck.claims.model import Period
from tradecheck.claims.parse import parse
from tradecheck.claims.resolve.base_period import from_base, previous_of, sequential
from tradecheck.claims.resolve.period import same_months_year
from tradecheck.claims.resolve.quantity import verb_final_sign
from tradecheck.claims.resolve.share import total_owner


def _claims(text: str, pair: str = "DEU-CHN", as_of: str | None = "2024-03-01"):
    return [c.to_json() for c in parse(text, as_of=as_of, pair=tuple(pair.split("-")))]


def _contexts(text: str, pair: str = "DEU-CHN"):
    return contexts(Doc.read(text, text, "de", None, tuple(pair.split("-"))))


# ------------------------------------------------------------ German: the verb closes the clause
@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("2019 ist der Handel mit China um 4,5 Prozent auf 50 Milliarden Euro gestiegen.", 1.0),
        ("2019 sind die Exporte nach China um 3 Prozent auf 9 Milliarden Euro gesunken.", -1.0),
        ("2019 ist der Handel um rund 7 Prozent zurückgegangen.", -1.0),
    ],
)
def test_verb_final_sign_reads_the_verb_after_the_amount(text, sign):
    percent = next(c for c in _contexts(text) if c.amount.kind == "percent")
    assert verb_final_sign(percent) == sign


@pytest.mark.parametrize(
    "text",
    [
        "2019 lag der Anteil bei 4,5 Prozent, der Handel ist gestiegen.",  # no "um"
        "2019 ist der Handel um 4,5 Prozent auf 50 Milliarden Euro.",  # no verb
    ],
)
def test_verb_final_sign_needs_um_and_a_change_word_in_the_clause(text):
    percent = next(c for c in _contexts(text) if c.amount.kind == "percent")
    assert verb_final_sign(percent) is None


def test_change_and_new_level_of_a_verb_final_clause_are_both_read():
    got = _claims("Im Jahr 2018 war der Handel mit China um 2,5 Prozent auf 61 Mrd. Euro gesunken.")
    assert [(c["quantity"], c["value"]) for c in got] == [
        ("pct_change", -2.5),
        ("level", 61e9),
    ]


# ------------------------------------------------------------------ German month ranges, sources
def test_zwischen_month_und_month_is_a_range():
    got = _claims("Zwischen Februar und Juni 2022 erreichte der Handel mit China 40 Mrd. Euro.")
    assert got[0]["period"] == {"start": "2022-02", "end": "2022-06"}


@pytest.mark.parametrize(
    "cue",
    [
        "die Hauptzollverwaltung Chinas",
        "die Zentrale Zollverwaltung Chinas",
        "die Generalzollverwaltung",
        "die Zollverwaltung der Volksrepublik China",
    ],
)
def test_chinas_customs_administration_is_chinas_statistics(cue):
    got = _claims(
        f"2022 erreichte der Handel mit Russland 190 Mrd. Dollar, berichtete {cue}.", "RUS-CHN"
    )
    assert got[0]["reporter"] == "CHN"


def test_a_deficit_inside_a_compound_is_negative():
    got = _claims(
        "Für Deutschland ergab sich 2010 ein Handelsbilanzdefizit von 5 Mrd. Euro mit China."
    )
    assert (got[0]["quantity"], got[0]["value"]) == ("balance", -5e9)


# ------------------------------------------------------------------ shares of a country's total
@pytest.mark.parametrize(
    ("text", "lang", "owner"),
    [
        ("2007 machten sie 7,1 Prozent aller Importe Deutschlands aus.", "de", ("import", "DEU")),
        ("In 2006 they were 6.4% of Germany's total exports.", "en", ("export", "DEU")),
        ("In 2006 they were 6.4% of all Russian imports.", "en", None),  # not of the pair
        ("2006 lag der Anteil bei 6,4 Prozent.", "de", None),
    ],
)
def test_total_owner_names_the_total_a_share_is_of(text, lang, owner):
    doc = Doc.read(text, text, lang, None, ("DEU", "CHN"))
    assert total_owner(contexts(doc)[-1]) == owner


def test_a_share_of_a_countrys_imports_is_an_import_into_it():
    got = _claims("2010 machten die Einfuhren 8 Prozent aller Importe Deutschlands aus.")
    assert [(c["quantity"], c["direction"]) for c in got] == [("share", "CHN->DEU")]


def test_both_flows_written_together_are_the_pairs_trade():
    got = _claims("2022 summierten sich die Ex- und Importe mit China auf 300 Mrd. Euro.")
    assert got[0]["direction"] == "both"


# ----------------------------------------------------------- fractions, "flat", traditional script
@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("同比增加三分之一", "zh", 100 / 3),
        ("um ein Drittel gestiegen", "de", 100 / 3),
        ("um ein Viertel gesunken", "de", 25.0),
        ("вырос на треть", "ru", 100 / 3),
        ("grew by a third", "en", 100 / 3),
    ],
)
def test_fraction_words_are_percentages_precise_to_a_whole_percent(text, lang, value):
    (a,) = find_amounts(text, lang)
    assert (a.kind, a.decimals) == ("percent", 0)
    assert a.value == pytest.approx(value)


def test_a_quarter_of_the_year_is_no_fraction():
    assert find_amounts("In the first quarter and in a quarter of 2023", "en") == []


def test_level_with_last_year_is_an_approximate_multiple_of_one():
    got = _claims("2022年中国自德国进口额为900亿欧元,与上年持平。", as_of="2023-03-01")
    flat = [c for c in got if c["quantity"] == "ratio"]
    assert [(c["value"], c["bound"]) for c in flat] == [(1.0, "approx")]


def test_a_statistics_office_in_traditional_characters_is_read():
    got = _claims("據德國聯邦統計局數據,2017年德國與中國的貿易額增至1800億歐元。", as_of=None)
    assert got[0]["reporter"] == "DEU"


# ------------------------------------------------------------------- repeated sub-year periods
def test_repeated_months_keep_the_year_of_their_first_mention():
    text = "今年前5个月中越贸易额1000亿元。2021年新增的产品增长较快。前5个月中国对越南出口30亿元。"
    got = _claims(text, pair="VNM-CHN", as_of="2023-07-01")
    assert [c["period"] for c in got] == [{"start": "2023-01", "end": "2023-05"}] * 2


def test_same_months_year_is_none_without_an_earlier_mention_of_those_months():
    text = "2021年贸易额增长较快。前5个月中国对越南出口30亿元。"
    doc = Doc.read(text, text, "zh", None, ("VNM", "CHN"))
    last = doc.mentions.periods.items[-1]
    assert same_months_year(doc, last) is None


# ------------------------------------------------------------ a headline restated with a source
def test_a_repeat_that_names_the_source_gives_the_first_mention_its_source():
    text = (
        "Handel mit China: 38 Mrd. Euro im ersten Halbjahr 2008.\n\n"
        "Laut Destatis kam der Handel mit China im ersten Halbjahr 2008 auf 38 Mrd. Euro."
    )
    got = _claims(text, as_of=None)
    assert [(c["value"], c["reporter"]) for c in got] == [(38e9, "DEU")]


def test_repeats_with_different_sources_stay_one_claim_with_the_first_source():
    text = (
        "Laut Destatis erreichte der Handel mit China 2008 40 Mrd. Euro. "
        "Laut chinesischem Zoll erreichte der Handel mit China 2008 40 Mrd. Euro."
    )
    got = _claims(text, as_of=None)
    assert [c["reporter"] for c in got] == ["DEU"]


# ------------------------------------------------------------- the base of a from-to change
@pytest.mark.parametrize(
    ("text", "lang", "base"),
    [
        (
            "Der Handel stieg von 30 Mrd. Euro 2010 auf 90 Mrd. Euro 2020, plus 200 Prozent.",
            "de",
            "2010",
        ),
        ("两国贸易额从1995年的10亿美元至2020年的1200亿美元,增长了119倍。", "zh", "1995"),
        ("Der Handel stieg 2020 auf 90 Mrd. Euro, ein Plus von 5 Prozent.", "de", None),
    ],
)
def test_from_base_is_the_year_of_the_starting_level(text, lang, base):
    doc = Doc.read(text, text, lang, None, ("DEU", "CHN"))
    change = contexts(doc)[-1]
    got = from_base(change, Period("2020-01", "2020-12"))
    assert (got.start[:4] if got else None) == base


# ----------------------------------------------------------------- an amount in two units
@pytest.mark.parametrize(
    ("text", "lang", "values"),
    [
        ("8 Milliarden 400 Millionen US-Dollar", "de", [8.4e9]),
        ("8 млрд 400 млн долларов", "ru", [8.4e9]),
        ("8 Millionen 400 Milliarden US-Dollar", "de", [8e6, 4e11]),  # smaller unit first
        ("8 Milliarden, 400 Millionen US-Dollar", "de", [8e9, 4e8]),  # a comma between
    ],
)
def test_joined_units_make_one_amount_only_larger_unit_first(text, lang, values):
    assert [a.value for a in find_amounts(text, lang)] == values


# ------------------------------------------------------------------- money written in words
@pytest.mark.parametrize(
    ("text", "lang", "found"),
    [
        ("mehr als fünf Milliarden Dollar", "de", [(5e9, "USD", 0)]),
        ("five billion dollars", "en", [(5e9, "USD", 0)]),
        ("пять миллиардов долларов", "ru", [(5e9, "USD", 0)]),
        ("fünf Milliarden Tonnen", "de", []),  # no currency: no money
        ("fünfzig Milliarden Euro", "de", []),  # not a number word of the table
    ],
)
def test_money_in_words_needs_a_number_word_a_scale_and_a_currency(text, lang, found):
    got = [(a.value, a.currency, a.decimals) for a in find_amounts(text, lang) if a.kind == "money"]
    assert got == found


# ------------------------------------------------------------ against the period just before
@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("11月当月,中德贸易额为200亿欧元,环比增长3%。", "zh", True),
        ("11月当月,中德贸易额为200亿欧元,同比增长3%。", "zh", False),
        ("Im November stiegen die Exporte gegenüber dem Vormonat um 2 Prozent.", "de", True),
        ("Im November stiegen die Exporte gegenüber dem Vorjahresmonat um 2 Prozent.", "de", False),
    ],
)
def test_sequential_tells_month_on_month_from_year_on_year(text, lang, expected):
    doc = Doc.read(text, text, lang, None, ("DEU", "CHN"))
    assert sequential(contexts(doc)[-1]) is expected


@pytest.mark.parametrize(
    ("start", "end", "prev"),
    [
        ("2023-01", "2023-01", ("2022-12", "2022-12")),
        ("2023-07", "2023-09", ("2023-04", "2023-06")),
        ("2023-01", "2023-12", ("2022-01", "2022-12")),
    ],
)
def test_previous_of_is_the_period_of_the_same_length_just_before(start, end, prev):
    assert previous_of(Period(start, end)) == Period(*prev)
