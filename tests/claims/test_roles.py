"""Roles of countries around a flow word (claims/roles.py) and the direction they give."""

from __future__ import annotations

import re
from types import SimpleNamespace as Hit

import pytest

from tradecheck.claims.parse import parse
from tradecheck.claims.roles import explicit_only, list_end, settle_implicit


def test_implicit_origin_is_the_origin_without_an_explicit_one():
    assert settle_implicit([("orig?", "CHN"), ("dest", "BLR")]) == [
        ("orig", "CHN"),
        ("dest", "BLR"),
    ]


def test_implicit_origin_is_the_actor_when_another_origin_is_named():
    assert settle_implicit([("orig?", "BLR"), ("orig", "CHN")]) == [
        ("actor", "BLR"),
        ("orig", "CHN"),
    ]


def test_list_end_stops_at_the_nearest_amount_flow_word_or_sentence_end():
    assert list_end(0, [30, 80], 500) == 30
    assert list_end(100, [30], 500) == 100 + 160
    assert list_end(0, [], 50) == 50


def test_explicit_only_keeps_countries_after_a_preposition():
    text = "Imports of Chinese machinery, parts and tools from China"
    hits = [Hit(start=text.index("Chinese")), Hit(start=text.rindex("China"))]
    kept = explicit_only(text, hits, re.compile(r"from\s*$"))
    assert [h.start for h in kept] == [text.rindex("China")]


# constructed paraphrases (issue 8 leftover): Belarus is implicit, goods listed with commas
@pytest.mark.parametrize(
    "text",
    [
        "Импорт легковых автомобилей, грузовиков и комплектующих из Китая вырос на 30%.",
        "Imports of machinery, equipment and spare parts from China rose 30% in 2023.",
        "Импорт Беларусью товаров из Китая вырос на 30%.",
        "Импорт белорусскими предприятиями комплектующих из Китая вырос на 30%.",
    ],
)
def test_imports_from_china_are_china_to_belarus(text):
    (claim,) = parse(text, as_of="2024-03-01")
    assert claim.direction == "CHN->BLR"


def test_a_later_flow_word_bounds_the_list():
    text = "Imports of machinery, parts rose 10%, while exports to China fell 5% in 2023."
    got = {c.value: c.direction for c in parse(text, as_of="2024-03-01")}
    assert got[-5.0] == "BLR->CHN"
