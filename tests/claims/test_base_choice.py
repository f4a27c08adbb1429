"""Which written base belongs to which change of a sentence (constructed sentences, numbers
illustrative)."""

from __future__ import annotations

import pytest

from tradecheck.claims.parse import parse

PAIR = ("RUS", "CHN")


@pytest.mark.parametrize(
    "text",
    [
        "1-4月中俄贸易额同比增长25%;与2019年同期相比,增长60%。",
        (
            "In January-April 2023 trade between Russia and China rose 25% year-on-year; "
            "compared with 2019, it grew 60%."
        ),
    ],
)
def test_year_on_year_clause_ignores_a_base_of_another_clause(text: str) -> None:
    first, second = parse(text, as_of="2023-05-10", pair=PAIR)
    assert first.base_period.start[:4] == str(int(first.period.start[:4]) - 1)
    assert second.base_period.start[:4] == "2019"


def test_a_base_in_its_own_part_between_semicolons() -> None:
    text = "1-4月中俄贸易额与2019年同期相比增长60%;较2016年同期相比,增长一倍。"
    first = parse(text, as_of="2023-05-10", pair=PAIR)[0]
    assert first.base_period.start[:4] == "2019"


def test_a_base_in_another_clause_still_applies_without_a_cue() -> None:
    (c,) = parse("In 2023 trade between Russia and China grew 30%, compared to 2021.", pair=PAIR)
    assert c.base_period.start == "2021-01"
