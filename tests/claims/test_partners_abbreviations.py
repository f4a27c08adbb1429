"""Chinese one-character country abbreviations between a direction word and a flow word
("对秘出口", "自埃进口"): read by the first character of the country's Chinese name
(``partners.flow_abbreviations``, concept ``flow_abbreviation``), the pair's country when the
character begins several names. Constructed sentences (our own wording, figures made up for
the grammar only)."""

from __future__ import annotations

import pytest

from tradecheck.claims.parse import parse
from tradecheck.claims.partners import find_mentions, flow_abbreviations


def test_a_character_one_country_begins_with_is_that_country():
    assert [m.key for m in flow_abbreviations("今年对秘出口增长", [], ("PER", "CHN"))] == ["PER"]


def test_a_character_several_countries_begin_with_is_the_pair_s_when_it_is_one_of_them():
    assert [m.key for m in flow_abbreviations("自埃进口", [], ("EGY", "CHN"))] == ["EGY"]
    # not the pair's: all of them, some other country
    assert [m.key for m in flow_abbreviations("自埃进口", [], ("KEN", "CHN"))] == ["EGY|ETH"]


def test_no_country_for_characters_no_name_begins_with_or_read_already():
    assert flow_abbreviations("对外出口", [], ("PER", "CHN")) == []
    assert [m.key for m in find_mentions("中国对华出口", ("PER", "CHN"))] == ["CHN", "CHN"]


def test_only_between_a_direction_word_and_a_flow_word():
    assert flow_abbreviations("秘鲁出口", [], ("PER", "CHN")) == []
    assert flow_abbreviations("对秘投资", [], ("PER", "CHN")) == []


@pytest.mark.parametrize(
    ("text", "pair", "expected"),
    [
        (
            "2018年双边贸易额为30亿美元,其中我对埃出口25亿美元,自埃进口5亿美元。",
            ("EGY", "CHN"),
            ["both", "CHN->EGY", "EGY->CHN"],
        ),
        (
            "去年中秘贸易增长8%,其中对秘出口增长6%,从秘进口增长9%。",
            ("PER", "CHN"),
            ["both", "CHN->PER", "PER->CHN"],
        ),
    ],
)
def test_direction_of_flows_with_an_abbreviated_partner(text, pair, expected):
    assert [c.direction for c in parse(text, pair=pair, lang="zh")] == expected
