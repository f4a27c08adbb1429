"""A flow "in the opposite direction" reverses the flow word it borrows (resolve/direction.py:
``reverse``, ``runs_opposite``; concept ``opposite_direction``). Constructed sentences."""

from __future__ import annotations

import pytest

from tradecheck.claims.parse import parse
from tradecheck.claims.resolve.direction import reverse

PAIR = ("BRA", "CHN")


def test_reverse():
    assert reverse("BRA->CHN") == "CHN->BRA"
    assert reverse("both") == "both"
    assert reverse(None) is None


@pytest.mark.parametrize(
    "text",
    [
        (
            "Brazil exported $80 billion to China in 2022, with China sending $50 billion in the "
            "opposite direction."
        ),
        (
            "In 2022 Brazil exported $80 billion to China. In the opposite direction, China "
            "shipped $50 billion."
        ),
        (
            "Im Jahr 2022 exportierte Brasilien Waren für 80 Milliarden Dollar nach China; in "
            "umgekehrter Richtung flossen Waren für 50 Milliarden Dollar."
        ),
        (
            "В 2022 году экспорт Бразилии в Китай составил $80 млрд, в обратном направлении было "
            "поставлено товаров на $50 млрд."
        ),
        "2022年巴西对华出口800亿美元，反方向的货物流动为500亿美元。",
    ],
)
def test_the_opposite_flow_is_reversed(text: str):
    got = parse(text, as_of="2023-03-01", pair=PAIR)
    assert [c.direction for c in got] == ["BRA->CHN", "CHN->BRA"]


def test_a_flow_word_of_its_own_stays_as_written():
    text = (
        "In 2022 Brazil exported $80 billion to China. In the opposite direction, exports to "
        "Brazil reached $50 billion."
    )
    got = parse(text, as_of="2023-03-01", pair=PAIR)
    assert [c.direction for c in got] == ["BRA->CHN", "CHN->BRA"]


def test_without_the_cue_the_borrowed_flow_is_kept():
    text = "In 2022 Brazil exported $80 billion to China. In 2021 it sent $70 billion."
    got = parse(text, as_of="2023-03-01", pair=PAIR)
    assert [c.direction for c in got] == ["BRA->CHN", "BRA->CHN"]
