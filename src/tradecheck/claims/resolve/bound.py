"""Bound: eq, approx, gt or lt, as the words around the amount put it ("about", "more than",
"did not exceed", "почти", "超过"); "almost" is an approach from below (``Claim.almost``)."""

from __future__ import annotations

import re

from tradecheck.claims import _vocab as V
from tradecheck.claims.context import Context
from tradecheck.claims.mentions import is_fraction

__all__ = ["almost", "bound"]

_HAN = re.compile(r"[\u4e00-\u9fff]+")


def almost(ctx: Context) -> bool:
    """Whether an "about" bound is an approach from below ("almost", "почти", "近")."""
    a = ctx.amount
    return bool(V.ALMOST.search(ctx.norm, max(ctx.clause.start, a.start - 20), a.start))


def _word_counts(word: str, dist: int, rest: str) -> bool:
    """Whether a bound word ``dist`` characters before the amount applies to it."""
    if _HAN.fullmatch(word) and dist > 4:
        return False
    if word.lower() in ("больше", "меньше") and not re.match(r"\s*(?:чем)?", rest):
        return False
    return not (word.lower() in ("over", "über") and dist > 3)


def _nearest_before(before: str) -> str | None:
    """The bound of the bound word nearest before the amount."""
    best: tuple[int, str] | None = None
    for rx, b in V.BOUND_BEFORE:
        for m in rx.finditer(before):
            dist = len(before) - m.end()
            if not _word_counts(m.group(0), dist, before[m.end() :]):
                continue
            if best is None or dist < best[0]:
                best = (dist, b)
    return best[1] if best else None


def bound(ctx: Context) -> str:
    """``eq``, ``approx``, ``gt`` or ``lt`` for the amount of ``ctx``.

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> [c.bound for c in parse("In 2023 trade between Belarus and China exceeded $8 billion.")]
    ['gt']
    """
    if ctx.amount.kind == "money_gt":
        return "gt"
    before = ctx.since_previous_amount(32)
    after = ctx.norm[ctx.amount.end : ctx.clause.end]
    for rx, b in V.BOUND_AFTER:
        if rx.search(after):
            return b
    if V.NOT_EXCEEDED.search(before):
        return "lt"
    return _nearest_before(before) or ("approx" if is_fraction(ctx.amount) else "eq")
