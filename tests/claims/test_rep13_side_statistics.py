"""Chinese "据X方统计" / "X方数据": a country's side named by the one-character abbreviation of
a pair compound is one template (concept ``side_statistics``, ``{a}``) over every abbreviation
(:func:`tradecheck.claims.partners.abbreviations`), not one data line per country.

Sentences are constructed; the figures are illustrative, not data.
"""

from __future__ import annotations

import pytest

from tradecheck.claims import lexicon as L
from tradecheck.claims import reporters as R
from tradecheck.claims.parse import parse
from tradecheck.claims.partners import abbreviations


def test_listed_abbreviations_keep_the_language_files_reading():
    """A character the zh country table reads in a compound keeps that key; 中 is China."""
    table = abbreviations()
    assert (table["俄"], table["白"], table["中"], table["越"]) == ("RUS", "BLR", "CHN", "VNM")
    assert (table["巴"], table["土"], table["伊"]) == ("BRA|PAK", "TUR|TKM", "IRN|IRQ")


def test_unlisted_abbreviations_come_from_cldr_first_characters():
    """Other characters name the countries whose CLDR name begins with them."""
    table = abbreviations()
    assert table["智"] == "CHL" and table["秘"] == "PER"
    assert {"SRB", "CYP"} <= set(table["塞"].split("|"))


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("按照俄方统计", "RUS"),
        ("据白方数据", "BLR"),
        ("中方数据表明", "CHN"),
        ("据英方统计", "GBR"),
        ("据秘方数据", "PER"),
    ],
)
def test_a_side_cue_names_the_abbreviations_country(text, key):
    assert [k for _, k in R.hits(text)] == [key]


@pytest.mark.parametrize(
    "text", ["据多方统计", "西方数据显示", "卡方统计量", "南方统计", "双方统计"]
)
def test_common_words_with_fang_are_no_side(text):
    """多方 (several parties), 西方 (the West), 卡方 (chi-square): words, not a country's side."""
    assert R.hits(text) == []


def test_the_template_holds_the_abbreviation_placeholder():
    assert L.problems({"meta": {}, "words": {"side_statistics": ["据方统计"]}})
    assert all("{a}" in f for f in L.load("zh")["words"]["side_statistics"])


@pytest.mark.parametrize(
    ("text", "pair", "reporter"),
    [
        ("据塞方统计，2021年塞尔维亚自华进口额为31亿美元。", ("SRB", "CHN"), "SRB"),
        ("中方数据显示，2022年秘鲁对华出口额达240亿美元。", ("PER", "CHN"), "CHN"),
        ("据秘方数据，2022年秘鲁对华出口额达230亿美元。", ("PER", "CHN"), "PER"),
    ],
)
def test_a_side_cue_is_the_claims_reporter(text, pair, reporter):
    claims = parse(text, pair=pair)
    assert [c.reporter for c in claims] == [reporter]


def test_a_side_of_another_country_gives_no_reporter():
    """ "塞方" in a text about Peru and China is no one of the pair: null."""
    claims = parse("据塞方统计，2022年秘鲁对华出口额达230亿美元。", pair=("PER", "CHN"))
    assert [c.reporter for c in claims] == [None]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # a country released a report or data, its date between ("…5日发布的贸易报告")
        ("泰国5日发布的贸易报告指出", "THA"),
        # a body named after the country released it
        ("智利农业部门近日公布的报告称", "CHL"),
        # statistics of a body named after the country ("据某国出口促进署的统计数据")
        ("据葡萄牙投资贸易促进局的统计数据", "PRT"),
        # the country named last before the body is its owner, not one joined by 与
        ("中国与泰国海关发布的数据", "THA"),
    ],
)
def test_data_a_country_or_its_body_released(text, key):
    assert [k for _, k in R.hits(text)] == [key]


@pytest.mark.parametrize("text", ["据中国商务部发布的数据", "中国商务部3日公布的数据显示"])
def test_a_trade_ministry_releasing_data_is_no_source_of_its_own(text):
    """A trade ministry is a country's source only as ``trade_ministry_of`` and the registry
    say (README "Claims"): China's commerce ministry releasing data names no reporter."""
    assert [k for _, k in R.hits(text)] == []
