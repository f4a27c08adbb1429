"""The cited registry of statistics offices and customs authorities (claims/agencies.py,
tradecheck/data/statistics_agencies.csv) and the reporter cues built from it. Every phrase
below is constructed for this test."""

from __future__ import annotations

import re

import pytest

from tradecheck.claims import agencies as A
from tradecheck.claims import lexicon as L
from tradecheck.claims import reporters as R
from tradecheck.claims.parse import parse
from tradecheck.claims.resolve.reporter import of_pair
from tradecheck.countries import to_iso3

#: the G20 countries and every country of a measured pair: each needs an agency in the registry
COVERED = (
    "ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA "
    "BLR KAZ UZB VNM POL UKR KGZ TJK MNG "
    # the countries of the measured pairs of set J (rep10)
    "AGO COL ECU ETH GRC ISR LAO MMR PRT QAT ROU SWE"
).split()


@pytest.mark.parametrize("row", A.rows(), ids=lambda r: f"{r.iso3}-{r.lang}-{r.name}")
def test_every_row_is_well_formed_and_cited(row):
    assert row.iso3 == "EU27" or to_iso3(row.iso3, scheme="iso3") == row.iso3
    assert row.body in A.BODIES and row.form in A.FORMS
    assert row.lang == "*" or row.lang in L.languages()
    assert row.name.strip() == row.name and row.name
    assert re.fullmatch(r"https?://[\w.-]+\.[a-z]{2,}(?:/\S*)?", row.source), row.source
    re.compile(A.fragment(row))
    if "{c}" in row.name:
        assert row.lang != "*" and row.form == "name"


def test_no_row_is_written_twice():
    keys = [(r.iso3, r.lang, r.name) for r in A.rows()]
    assert len(keys) == len(set(keys))


def test_the_g20_and_every_measured_country_have_an_agency():
    assert set(COVERED) <= {r.iso3 for r in A.rows()}
    assert len({r.iso3 for r in A.rows()}) >= 50


@pytest.mark.parametrize(
    ("word", "lang", "stemmed"),
    [
        ("Росстат", "ru", r"Росстат\w*"),
        ("Национальный", "ru", r"Национальн\w*"),
        ("Statistisches", "de", r"Statistisch\w*"),
        ("ФТС", "ru", "ФТС"),
        ("Bureau", "en", "Bureau"),
        ("при", "ru", "при"),
    ],
)
def test_stem(word, lang, stemmed):
    assert A.stem(word, lang) == stemmed


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("figures released by TurkStat show", "TUR"),
        ("as Turkey's Trade Ministry told reporters", "TUR"),
        ("как сообщил Минторг Турции", "TUR"),
        ("so das Türkische Statistikinstitut", "TUR"),
        ("the Commerce Department said on Friday", "IND|USA"),
        ("laut der Allgemeinen Zollverwaltung in Peking", "CHN"),
        ("according to the PRC Main Customs Directorate", "CHN"),
        ("据印度商业信息统计署统计", "IND"),
        ("по данным Госкомстата", "RUS|TKM|UZB"),
        ("von Statistics Canada", "CAN"),
        ("nach Angaben des Bundesamtes für Statistik", "CHE"),
        ("по данным Национального статистического комитета Кыргызской Республики", "KGZ"),
        ("сообщает Белстат", "BLR"),
        ("laut der Eidg. Zollverwaltung", "CHE"),
        ("laut der Eidgenössischen Zollverwaltung", "CHE"),
        ("nach Angaben der EZV", "CHE"),
        ("according to a report by DANE", "COL"),
        ("INEC data show", "CRI|ECU|PAN"),
        ("segundo o Instituto Nacional de Estatística", "AGO|PRT"),
        ("ELSTAT said", "GRC"),
        ("Israel's Central Bureau of Statistics", "ISR"),
        ("Statistics Sweden reported", "SWE"),
        ("the Lao Statistics Bureau", "LAO"),
    ],
)
def test_registry_cue(text, key):
    assert [k for _, k in R.hits(text)] == [key]


def test_acronyms_keep_their_case():
    assert [k for _, k in R.hits("data from GUS")] == ["POL"]
    assert R.hits("a gus of wind") == []
    assert R.hits("Dane Smith said") == []


def test_shared_name_is_read_as_the_pair_country():
    assert of_pair("RUS|TKM|UZB", ("UZB", "CHN")) == "UZB"
    assert of_pair("IND|USA", ("RUS", "CHN")) is None
    text = (
        "Как сообщил Госкомстат, товарооборот Узбекистана с Китаем в 2021 году "
        "составил 7 млрд долларов."
    )
    (claim,) = parse(text, pair=("UZB", "CHN"))
    assert claim.reporter == "UZB"


def test_a_registry_cue_gives_the_claim_its_reporter():
    text = "Turkey's imports from China reached $45 billion in 2023, according to TurkStat."
    (claim,) = parse(text, pair=("TUR", "CHN"))
    assert claim.reporter == "TUR" and claim.direction == "CHN->TUR"


@pytest.mark.parametrize("name", ["tradecheck.claims.agencies", "tradecheck.claims.reporters"])
def test_docstring_examples(name):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0


# --- bodies the language files name in general (trade/finance ministries, central banks) ---
def test_the_owners_of_a_body_are_the_registry_rows_of_that_body():
    assert {"IND", "KOR", "TUR"} <= A.owners("trade_ministry")
    assert "CHN" not in A.owners("trade_ministry")  # MOFCOM publishes no trade statistics
    assert "JPN" in A.owners("finance_ministry") and A.owners("central_bank") == {"PAK"}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("according to South Korea's trade ministry", "KOR"),
        ("wie das japanische Finanzministerium mitteilte", "JPN"),
        ("по данным Минторга и промышленности Индии", "IND"),
        ("data from the State Bank of Pakistan", "PAK"),
        ("据巴基斯坦央行数据", "PAK"),
        ("Thailand's Commerce Ministry said", "THA"),
        ("据台湾财政部统计", "TWN"),
    ],
)
def test_a_body_named_with_an_owner_country_is_its_cue(text, key):
    assert [k for _, k in R.hits(text)] == [key]


@pytest.mark.parametrize(
    "text",
    ["China's commerce ministry said", "the State Bank of India reported", "Минфин России"],
)
def test_a_body_named_with_a_country_it_is_not_listed_for_is_no_cue(text):
    assert R.hits(text, ("IND", "CHN")) == [] and R.hits(text, ("RUS", "CHN")) == []


@pytest.mark.parametrize(
    ("text", "pair", "keys"),
    [
        ("according to trade ministry data", ("KOR", "CHN"), ["KOR"]),
        ("according to trade ministry data", ("RUS", "CHN"), []),  # neither has one
        ("according to trade ministry data", ("KOR", "IND"), []),  # both have one
        ("laut dem Ministerium für Handel", ("KOR", "CHN"), ["KOR"]),
        ("teilte das Finanzministerium in Tokio mit", ("JPN", "CHN"), ["JPN"]),
        ("teilte das Finanzministerium mit", ("DEU", "CHN"), []),
        ("according to trade ministry data", (), []),  # no pair: not read
        ("the Ministry of Commerce said", ("USA", "CHN"), []),  # the US body is a Department
    ],
)
def test_a_body_named_alone_is_the_pair_country_listed_for_it(text, pair, keys):
    assert [k for _, k in R.hits(text, pair)] == keys
    assert [k for *_, k in R.bare_hits(text, pair)] == keys


def test_a_registry_name_wins_over_the_bare_body_inside_it():
    assert R.hits("the Turkish Trade Ministry said", ("TUR", "CHN")) == [(4, "TUR")]


def test_a_body_alone_is_read_as_the_countries_whose_registry_name_it_fits():
    assert A.alone_owners("trade_ministry", "en") >= {"IND", "KOR", "TUR"}
    assert "USA" not in A.alone_owners("trade_ministry", "en")  # "Department of Commerce"
    assert A.alone_owners("trade_ministry", "zh") == frozenset()  # bare 商务部 is China's
