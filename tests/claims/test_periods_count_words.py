"""Counts of months written with a language's word for "the two" ("in den ersten beiden
Monaten 2019" = January-February 2019). Constructed sentences (numbers illustrative)."""

from __future__ import annotations

import pytest

from tradecheck.claims._periods import find_periods


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("Belarus lieferte in den ersten beiden Monaten 2019 mehr", (1, 2, 2019)),
        ("in den ersten zwei Monaten 2019", (1, 2, 2019)),
        ("in the first two months of 2019", (1, 2, 2019)),
    ],
)
def test_first_two_months(text, months):
    ps, _ = find_periods(text)
    assert [(p.m1, p.m2, p.year) for p in ps] == [months]
