"""Product words of Ukrainian and Belarusian: the keys ru.toml lists (agri_food, dairy, ...)
are in uk.toml and be.toml too, so "агропродукція", "сільгосппродукція", "сельгаспрадукцыя"
are a product scope, not all goods.

Words are constructed examples; the phrases are our own.
"""

from __future__ import annotations

import re

import pytest

from tradecheck.claims import lexicon as L


def _keys_of(lang: str, word: str) -> list[str]:
    """The product keys of language ``lang`` whose words match ``word``, in file order."""
    return [
        k
        for k, frags in L.load(lang)["words"]["products"].items()
        if any(L.compile(f, re.IGNORECASE).search(word) for f in frags)
    ]


@pytest.mark.parametrize(
    ("lang", "word", "key"),
    [
        ("uk", "агропродукції", "agri_food"),
        ("uk", "сільгосппродукцією", "agri_food"),
        ("uk", "аграрної продукції", "agri_food"),
        ("uk", "продовольчих товарів", "agri_food"),
        ("uk", "молочної продукції", "dairy"),
        ("uk", "автомобілів", "vehicles_and_parts"),
        ("be", "сельгаспрадукцыі", "agri_food"),
        ("be", "прадуктаў харчавання", "agri_food"),
        ("be", "малочнай прадукцыі", "dairy"),
        ("be", "калійных угнаенняў", "potash"),
    ],
)
def test_a_product_word_is_read_as_its_key(lang, word, key):
    assert _keys_of(lang, word)[:1] == [key]


def test_uk_and_be_name_every_key_ru_names():
    ru = set(L.load("ru")["words"]["products"])
    for lang in ("uk", "be"):
        assert ru <= set(L.load(lang)["words"]["products"]), lang


@pytest.mark.parametrize(
    ("lang", "word", "key"),
    [
        ("en", "soybean oil", "soybean_oil"),
        ("en", "alcoholic beverages", "alcohol"),
        ("de", "Sonnenblumenöl", "sunflower_oil"),
        ("de", "Weine", "wine"),
        ("ru", "подсолнечного масла", "sunflower_oil"),
        ("ru", "пива", "beer"),
        ("uk", "алкоголю", "alcohol"),
        ("uk", "спирту", "spirits"),
        ("be", "сланечнікавага алею", "sunflower_oil"),
        ("pl", "oleju sojowego", "soybean_oil"),
        ("zh", "豆油", "soybean_oil"),
        ("zh", "橄榄油", "olive_oil"),
        ("zh", "葡萄酒", "wine"),
    ],
)
def test_oils_and_beverages_by_kind(lang, word, key):
    assert key in _keys_of(lang, word)


def test_an_oil_of_a_kind_wins_over_its_crop():
    """ "soybean oil" holds the word of soybeans: the oil, listed before the crop, is read."""
    from tradecheck.claims.parse import parse

    got = parse("In 2021 Brazil's soybean oil exports to China rose 9%.", pair=("BRA", "CHN"))
    assert [c.scope for c in got] == ["product:soybean_oil"]


def test_a_list_items_product_is_its_own_not_an_earlier_items():
    """Overlapping product cues ("potassium fertilizer") are one mention, but a cue of an
    earlier item of a list, with its figure between, is not: each item keeps its product."""
    from tradecheck.claims.parse import parse

    got = parse(
        "2021年，葡萄牙的橄榄油对华出口增长12%，葡萄酒增长20%，啤酒增长31%。", pair=("PRT", "CHN")
    )
    assert [c.scope for c in got] == ["product:olive_oil", "product:wine", "product:beer"]
