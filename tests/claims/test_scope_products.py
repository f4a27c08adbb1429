"""Product scope from the HS commodity groups in the language files (prod6).

Constructed sentences in our own words. The groups follow the Harmonized System's section and
chapter headings (and BEC's "intermediate goods"), so each must be named in every language.
"""

from __future__ import annotations

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
