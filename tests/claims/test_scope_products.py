"""Product scope from the HS commodity groups in the language files.

Constructed sentences in our own words. The groups follow the Harmonized System's section and
chapter headings (and BEC's "intermediate goods"), so each must be named in every language.
The product keys ru.toml lists (agri_food, dairy, ...) are in uk.toml and be.toml too, so
Ukrainian and Belarusian product words are a product scope, not all goods; oils and beverages
by kind."""

from __future__ import annotations

import re

import pytest

from tradecheck.claims import lexicon as L
from tradecheck.claims.parse import parse

#: the commodity groups prod6 added (claims/lang/en.toml, the HS comment)
HS_GROUPS = (
    "meat", "fruit_vegetables", "cereals", "soybeans", "iron_ore", "coal", "crude_oil",
    "plastics_rubber", "textiles_clothing", "electronics", "intermediate_goods",
)  # fmt: skip


@pytest.mark.parametrize("lang", L.languages())
def test_every_language_names_every_hs_group(lang: str) -> None:
    products = L.load(lang)["words"]["products"]
    assert [g for g in HS_GROUPS if not products.get(g)] == []


@pytest.mark.parametrize(
    ("lang", "pair", "text", "scope"),
    [
        ("en", ("AUS", "CHN"), "In 2019 Australia's coal exports to China fell 8%.", "coal"),
        ("de", ("RUS", "CHN"), "2021 stiegen die Rohölexporte Russlands nach China um 9 Prozent.",
         "crude_oil"),
        ("ru", ("KAZ", "CHN"), "В 2020 году экспорт казахстанского зерна в Китай вырос на 25%.",
         "cereals"),
        ("zh", ("KOR", "CHN"), "2021年韩国对华出口半导体增长12%。", "electronics"),
        ("uk", ("UKR", "CHN"), "У 2021 році експорт української сої до Китаю зріс на 7%.",
         "soybeans"),
        ("be", ("BLR", "CHN"), "У 2020 годзе экспарт беларускай садавіны ў Кітай вырас на 6%.",
         "fruit_vegetables"),
        ("pl", ("POL", "CHN"), "W 2022 roku eksport polskiego mięsa do Chin wzrósł o 4%.", "meat"),
    ],
)  # fmt: skip
def test_product_subject_gives_product_scope(
    lang: str, pair: tuple[str, str], text: str, scope: str
) -> None:
    (claim,) = parse(text, lang=lang, pair=pair)
    assert claim.scope == f"product:{scope}"


def test_a_total_trade_word_after_the_product_keeps_goods() -> None:
    text = "Coal led the list in 2022, while total trade between Mongolia and China grew 10%."
    (claim,) = parse(text, lang="en", pair=("MNG", "CHN"))
    assert claim.scope == "goods"


def test_no_product_named_keeps_goods() -> None:
    (claim,) = parse("In 2021 Korea's exports to China rose 3%.", lang="en", pair=("KOR", "CHN"))
    assert claim.scope == "goods"


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
