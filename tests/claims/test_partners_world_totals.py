"""One country's world total beside the pair's figures (constructed paraphrases, not data).

German "Außenhandelsbilanz/-defizit/-überschuss" without a partner and Chinese "对外出口",
"对外贸易总额" sum a country's trade with every partner (concept ``WORLD_TOTAL``).
"""

from __future__ import annotations

import pytest

from tradecheck.claims import partners as P
from tradecheck.claims._lang import normalise
from tradecheck.claims.parse import parse


def _values(text: str, lang: str, pair: tuple[str, str]) -> list[float]:
    return [c.value for c in parse(text, as_of="2020-01-05", lang=lang, pair=pair)]


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("对外出口", ("MYS", "CHN")),
        ("对外贸易总额", ("MYS", "CHN")),
        ("das Außenhandelsdefizit", ("AUT", "USA")),
        ("in der Außenhandelsbilanz", ("AUT", "USA")),
    ],
)
def test_foreign_trade_totals_are_world_totals(text: str, pair: tuple[str, str]) -> None:
    keys = [m.key for m in P.find_mentions(normalise(text), pair)]
    assert P.WORLD_TOTAL in keys


@pytest.mark.parametrize(
    ("text", "lang", "pair", "values"),
    [
        ("2019年马来西亚对外出口9100亿林吉特。", "zh", ("MYS", "CHN"), []),
        ("2019年马来西亚对外贸易总额为1.7万亿林吉特。", "zh", ("MYS", "CHN"), []),
        (
            ("2019 stieg das Außenhandelsdefizit Österreichs auf 2,1 Mrd. Euro."),
            "de",
            ("AUT", "USA"),
            [],
        ),
        # the partner named in the sentence keeps the balance the pair's
        (
            "2019 stieg das Außenhandelsdefizit Österreichs mit den USA auf 2,1 Mrd. Euro.",
            "de",
            ("AUT", "USA"),
            [-2.1e9],
        ),
    ],
)
def test_world_totals_give_no_pair_claim(
    text: str, lang: str, pair: tuple[str, str], values: list[float]
) -> None:
    assert _values(text, lang, pair) == values


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            (
                "Mongolia had 120 trading partners in the first quarter, and the country's "
                "foreign trade came to 3.1 billion U.S. dollars."
            ),
            "en",
        ),
        ("В первом квартале внешнеторговый оборот страны достиг 3,1 млрд долларов.", "ru"),
        ("У першому кварталі зовнішньоторговельний оборот країни сягнув 3,1 млрд доларів.", "uk"),
        ("Im ersten Quartal erreichte der Außenhandel des Landes 3,1 Milliarden Dollar.", "de"),
    ],
)
def test_the_countrys_foreign_trade_is_a_world_total(text: str, lang: str) -> None:
    claims = parse(text, as_of="2020-04-13", lang=lang, pair=("MNG", "CHN"))
    assert claims == []
