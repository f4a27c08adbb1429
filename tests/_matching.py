"""One rule for comparing expected claims with parsed ones in the claim tests: each expected
claim takes the first parsed one it matches, and a parsed claim is used once."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

E = TypeVar("E")
G = TypeVar("G")


def pair_up(
    expected: Sequence[E], got: Sequence[G], same: Callable[[E, G], bool]
) -> tuple[list[E], list[G]]:
    """(expected items with no match, parsed items left over), matching greedily in order.

    Examples
    --------
    >>> pair_up([1, 2, 5], [2, 1, 3], lambda e, g: e == g)
    ([5], [3])
    """
    left = list(got)
    missing = []
    for e in expected:
        hit = next((g for g in left if same(e, g)), None)
        if hit is None:
            missing.append(e)
        else:
            left.remove(hit)
    return missing, left
