"""Bound: eq, approx, gt or lt, as the words around the amount put it ("about", "more than",
"did not exceed", "почти", "超过"); "almost" is an approach from below (``Claim.almost``)."""

from __future__ import annotations

import re

from tradecheck.claims import _vocab as V
from tradecheck.claims import lexicon as L
from tradecheck.claims.abs_change import by_before
from tradecheck.claims.context import Context

__all__ = ["almost", "bound", "exceeded_earlier", "words_before"]

_HAN = re.compile(r"[\u4e00-\u9fff]+")
#: "over" / "über": a bound only right before the amount
_OVER = L.pattern("over_word")


def almost(ctx: Context) -> bool:
    """Whether an "about" bound is an approach from below ("almost", "почти", "近")."""
    a = ctx.amount
    return bool(V.ALMOST.search(ctx.norm, max(ctx.clause.start, a.start - 20), a.start))


def _word_counts(word: str, dist: int) -> bool:
    """Whether a bound word ``dist`` characters before the amount applies to it."""
    if _HAN.fullmatch(word) and dist > 4:
        return False
    return not (_OVER.fullmatch(word) and dist > 3)


def _nearest_before(before: str) -> str | None:
    """The bound of the bound word nearest before the amount."""
    best: tuple[int, str] | None = None
    for rx, b in V.BOUND_BEFORE:
        for m in rx.finditer(before):
            dist = len(before) - m.end()
            if not _word_counts(m.group(0), dist):
                continue
            if best is None or dist < best[0]:
                best = (dist, b)
    return best[1] if best else None


#: "than" opening the amount's clause: its "more" stands before the comma ("более, чем")
_THAN_FIRST = re.compile(rf"\s*(?:{L.source('than')})(?!\w)", re.IGNORECASE)
#: how far before such a clause its "more" / "less" may stand
_THAN_REACH = 16


def words_before(ctx: Context) -> str:
    """The words before the amount that may bound it: since the previous amount, and when
    the clause opens with "than" ("более, чем в 100 раз"), the words before its comma.

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = "В 2009 году товарооборот Беларуси и Китая вырос более, чем в 3 раза."
    >>> [c.bound for c in parse(t)]
    ['gt']
    """
    before = ctx.since_previous_amount(32)
    cs = ctx.clause.start
    if cs > 0 and _THAN_FIRST.match(ctx.norm, cs, ctx.amount.start):
        prev_end = max((a.end for a in ctx.doc.mentions.amounts.before(cs, 1)), default=0)
        before = ctx.norm[max(prev_end, cs - _THAN_REACH) : cs] + before
    return before


#: verbs of exceeding ("überstieg", "exceeded", "превысил") anywhere before a money amount
_EXCEED_VERB = L.pattern("exceed_verb")


def exceeded_earlier(ctx: Context) -> bool:
    """Whether a verb of exceeding stands earlier in a money amount's clause, with no other
    amount between (German puts the verb second: "überstieg der Handel zwischen Januar und
    April 3,87 Milliarden US-Dollar").

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = "2017 überstieg der Handel zwischen Kasachstan und China von Januar bis April 4 Mrd. $."
    >>> [c.bound for c in parse(t, pair=("KAZ", "CHN"))]
    ['gt']
    """
    a = ctx.amount
    if a.kind != "money":
        return False
    ends = [x.end for x in ctx.neighbours(ctx.clause) if x.end <= a.start]
    lo = max([ctx.clause.start, *ends])
    if by_before(ctx.norm[lo : a.start]):
        return False  # "exceeded imports by $2 billion": the difference, no threshold
    return _EXCEED_VERB.search(ctx.norm, lo, a.start) is not None


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
    if ctx.amount.kind == "ratio_word" and ctx.amount.value == 1.0:
        return "approx"  # "flat", "与上年持平": level with the base, never to the unit
    before = words_before(ctx)
    after = ctx.norm[ctx.amount.end : ctx.clause.end]
    for rx, b in V.BOUND_AFTER:
        if rx.search(after):
            return b
    if V.NOT_EXCEEDED.search(before):
        return "lt"
    if V.NOT_BELOW.search(before):
        return "gt"
    return _nearest_before(before) or ("gt" if exceeded_earlier(ctx) else "eq")
