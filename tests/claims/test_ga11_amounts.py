"""Pure-function tests of the amount vocabulary the grid (test_grid_amounts.py) asked for.

Every text here is constructed.
"""

from __future__ import annotations

import pytest

from tradecheck.claims import _vocab as V


@pytest.mark.parametrize(
    "before",
    [
        "were worth at least ",
        "erreichte mindestens ",
        "составил не менее ",
        "составил не меньше, чем ",
        "становив не менше ",
        "становив щонайменше ",
        "склаў не менш за ",
        "进口额至少为",
        "wyniósł co najmniej ",
    ],
)
def test_not_below_words(before: str) -> None:
    assert V.NOT_BELOW.search(before)


@pytest.mark.parametrize("before", ["составил менее ", "less than ", "weniger als ", "不足"])
def test_less_than_is_not_not_below(before: str) -> None:
    assert not V.NOT_BELOW.search(before)
