"""Negative growth written with a minus after an increase word (constructed, not data).

Chinese writes a sign unspaced after a character ("增长-2.7%"), so the sign was not read and
the change came out as growth; an increase word before a figure with its own minus is a fall.
"""

from __future__ import annotations

import pytest

from tradecheck.claims.mentions import Amount, sign_may_follow
from tradecheck.claims.parse import parse
from tradecheck.claims.resolve.quantity import signed_change


@pytest.mark.parametrize(
    ("ch", "sign"),
    [
        ((" "), True),
        ("(", True),
        ("长", True),
        ("为", True),
        ("3", False),
        ("a", False),
        ("я", False),
        ("３", False),
    ],
)
def test_a_sign_follows_a_space_a_bracket_or_a_chinese_character(ch: str, sign: bool) -> None:
    assert sign_may_follow(ch) is sign


@pytest.mark.parametrize(
    ("text", "sign", "value"),
    [
        ("增长-2.7%", 1.0, -2.7),  # increase word, figure with its own minus: a fall
        ("增长2.7%", 1.0, 2.7),
        ("下降-2.7%", -1.0, -2.7),  # a decrease word makes any figure a fall
        ("下降2.7%", -1.0, -2.7),
    ],
)
def test_signed_change_keeps_a_written_minus_after_an_increase(
    text: str, sign: float, value: float
) -> None:
    start = 2
    num = float(text[start:-1])
    a = Amount("percent", start, len(text), num, 1)
    assert signed_change(sign, a, text) == value


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("2018年中国对秘鲁出口同比增长-3.5%。", [-3.5]),
        ("2018年中国对秘鲁出口和进口同比分别增长-3.5%、6.2%。", [-3.5, 6.2]),
        ("2018年中国对秘鲁出口增长3-5%。", []),  # a range stays a range
    ],
)
def test_chinese_negative_growth_is_a_fall(text: str, values: list[float]) -> None:
    claims = parse(text, as_of="2019-03-01", lang="zh", pair=("PER", "CHN"))
    assert [c.value for c in claims] == values
