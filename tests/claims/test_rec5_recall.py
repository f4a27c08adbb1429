"""Recall of the claim reader: constructions read in general (rec5); constructed texts."""

from __future__ import annotations

import pytest

from tradecheck.claims.parse import parse


@pytest.mark.parametrize(
    ("text", "pair", "value"),
    [
        ("The trade deficit between Pakistan and China was $4 billion in 2020.", "PAK-CHN", -4e9),
        ("The trade deficit between China and Pakistan was $4 billion in 2020.", "PAK-CHN", 4e9),
        ("In 2020 the surplus between China and Pakistan was $4 billion.", "PAK-CHN", -4e9),
        ("Der Überschuss zwischen Deutschland und China lag 2020 bei 4 Mrd. Euro.", "DEU-CHN", 4e9),
    ],
)
def test_balance_between_a_and_b_is_as(text: str, pair: str, value: float) -> None:
    claims = parse(text, pair=tuple(pair.split("-")))  # type: ignore[arg-type]
    assert [(c.quantity, c.value, c.direction) for c in claims] == [("balance", value, "both")]
