"""Amounts that refer back to the figure before them ("Last year this figure was minus 1.9
billion", "Летась гэты паказьнік быў мінус 1,852 млрд").

Such an amount has no flow, currency or balance word of its own: the sentence names the
figure of the sentence before it (concept ``figure_anaphora``) and gives that figure's
value at another time. The amount is then the same indicator: it takes the quantity,
currency, direction, scope, pair and reporter of the claim built from the previous
sentence, and its period from its own words (the period resolver shifts a "last year" to
the same months one year earlier), else the referred claim's period.

The rule is narrow on purpose: only an explicit reference word standing before the amount
in its sentence, only when the previous sentence of the same paragraph gave a money level
or balance the reader built, and only for an amount that makes no claim on its own. A
broader "bare amount, currency earlier in the paragraph" rule gained one claim and added
five wrong ones on the measured sets.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace

from tradecheck.claims import _vocab as V
from tradecheck.claims import lexicon as L
from tradecheck.claims.context import Context
from tradecheck.claims.model import Claim, Period
from tradecheck.claims.resolve.balance import MINUS_BEFORE
from tradecheck.claims.resolve.bound import almost, bound
from tradecheck.claims.resolve.period import period
from tradecheck.claims.resolve.relevance import is_trade_value

__all__ = ["inherit", "own_period", "referred", "refers_back"]

#: "a year earlier", "годом ранее", "im Vorjahr": the referred figure's months, one year back
_YEAR_EARLIER = L.pattern("previous_year")

#: quantities a referring amount can restate
_LEVELS = ("level", "balance")
#: amount kinds that are a sum of money (with or without its currency written)
_SUMS = ("money", "money_gt", "bare")
#: characters before an amount where its minus may stand ("мінус 1,852")
_SIGN_REACH = 12
#: characters before an amount where the words naming the figure may stand ("Last year this
#: figure was smaller than before, minus ..."): a bounded window keeps the reader linear
_REFERENCE_REACH = 80


def refers_back(ctx: Context) -> bool:
    """Whether a sum's sentence names the figure before it ahead of the amount ("this figure
    was", "этот показатель составил").

    Examples
    --------
    >>> from tradecheck.claims.parse import read_doc
    >>> from tradecheck.claims.context import contexts
    >>> doc = read_doc("Exports were $5 billion. Last year this figure was 4 billion.")
    >>> [refers_back(c) for c in contexts(doc)]
    [False, True]
    """
    if ctx.amount.kind not in _SUMS:
        return False
    lo = max(ctx.sentence.start, ctx.amount.start - _REFERENCE_REACH)
    return V.FIGURE_ANAPHORA.search(ctx.norm, lo, ctx.amount.start) is not None


def referred(ctx: Context, built: list[tuple[Claim, Context]]) -> Claim | None:
    """The claim ``ctx``'s amount refers back to: the last money level or balance built from
    the sentence right before its own, in the same paragraph; None when there is none.
    ``built`` is sorted by amount position (found by bisection: linear in the text)."""
    ss = ctx.sentence.start
    i = bisect_left(built, ss, key=lambda item: item[1].amount.start)
    if i == 0:
        return None
    c, x = built[i - 1]
    prev = ctx.doc.sentence_of(max(ss - 1, 0))
    if (
        x.sentence != prev
        or "\n" in ctx.norm[x.amount.end : ctx.amount.start]
        or c.quantity not in _LEVELS
    ):
        return None
    return c


def _value(ctx: Context, ref: Claim) -> float:
    """The amount's value with the sign of the referred figure, or its own written minus."""
    v = abs(ctx.amount.value)
    if ref.quantity == "balance" and MINUS_BEFORE.search(ctx.before(_SIGN_REACH)):
        return -v
    return -v if ref.value < 0 else v


def _year_back(p: Period) -> Period:
    return Period(f"{int(p.start[:4]) - 1}{p.start[4:]}", f"{int(p.end[:4]) - 1}{p.end[4:]}")


def own_period(ctx: Context, ref: Claim) -> Period | None:
    """The referring amount's period: its own words' (the period resolver moves "last year"
    to the referred months one year back), else ``ref``'s period, one year back after "a year
    earlier" ("годом ранее", "im Vorjahr") before the amount in its sentence.

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = ("In January-June 2023 exports from Belarus to China were $1.2 billion. A year "
    ...      "earlier this figure was 0.9 billion.")
    >>> parse(t)[-1].period
    Period(start='2022-01', end='2022-06')
    """
    per = period(ctx)
    if per is None or ref.period is None or per != ref.period:
        return per or ref.period
    lo = max(ctx.sentence.start, ctx.amount.start - _REFERENCE_REACH)
    if _YEAR_EARLIER.search(ctx.norm, lo, ctx.amount.start) is None:
        return per
    return _year_back(per)


def inherit(ctx: Context, ref: Claim) -> Claim | None:
    """The claim a referring amount makes: ``ref``'s quantity, currency, direction, scope,
    pair and reporter, its own value, bound and period (``ref``'s period when it has none);
    None when its currency differs from ``ref``'s or it is no trade value (a plan, a target).

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = ("In January-August 2021 the deficit of Belarus with China was minus 2.0 billion "
    ...      "dollars. Last year this figure was minus 1.9 billion.")
    >>> c = parse(t)[-1]
    >>> c.quantity, c.value, c.currency, c.period.start, c.period.end
    ('balance', -1900000000.0, 'USD', '2020-01', '2020-08')
    """
    a = ctx.amount
    if a.currency not in (None, ref.currency):
        return None
    own = replace(ctx, amount=replace(a, kind="money", currency=ref.currency))
    if not is_trade_value(own):
        return None
    per = own_period(own, ref)
    b = bound(own)
    return replace(
        ref,
        span=ctx.doc.text[ctx.sentence.start : a.end].strip(),
        value=_value(own, ref),
        bound=b,  # type: ignore[arg-type]
        period=per,
        decimals=a.decimals,
        precision=a.precision,
        written=ctx.doc.text[a.start : a.end].strip(),
        almost=b == "approx" and almost(own),
        unsure=[u for u in ref.unsure if u != "period"] + ([] if per else ["period"]),
    )
