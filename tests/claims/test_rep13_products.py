"""Product words of Ukrainian and Belarusian: the keys ru.toml lists (agri_food, dairy, ...)
are in uk.toml and be.toml too, so "агропродукція", "сільгосппродукція", "сельгаспрадукцыя"
are a product scope, not all goods.

Words are constructed examples; the phrases are our own.
"""

from __future__ import annotations

import pytest

from tradecheck.claims import lexicon as L


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
    found = [
        k
        for k, frags in L.load(lang)["words"]["products"].items()
        for f in frags
        if L.compile(f, 0).search(word)
    ]
    assert found[:1] == [key]


def test_uk_and_be_name_every_key_ru_names():
    ru = set(L.load("ru")["words"]["products"])
    for lang in ("uk", "be"):
        assert ru <= set(L.load(lang)["words"]["products"]), lang
