"""Scope: goods (default), a region of a pair country, a product, industrial goods, services,
or goods and services, as the cues around the amount say."""

from __future__ import annotations

import re

from tradecheck.claims import _vocab as V
from tradecheck.claims import lexicon as L
from tradecheck.claims.context import Context, Doc

__all__ = ["region_at", "scope"]

#: which of two overlapping product cues wins: the earlier key of the English file (the
#: reference language; not the first-seen order over all files, which puts a language
#: naming only some keys first), so 'pork and other farm products' stays agri_food
_PRODUCT_ORDER = sorted(
    (n for n, _ in V.PRODUCTS), key=list(L.load("en")["words"]["products"]).index
)
_TOTAL_TRADE = L.pattern("total_trade")
_PRODUCT_AFTER_GAP = re.compile(rf"^\s*(?:{L.source('product_of')})?\s*$", re.IGNORECASE)


#: how far back a carried region's end is looked for (:func:`region_at`)
CARRY_REACH = 3000


def region_at(doc: Doc, pos: int) -> tuple[str, str] | None:
    """(country, region) a figure at ``pos`` is about: a region named in its sentence, or
    carried from an earlier sentence unless this one, or one since the region's, names the
    region's country itself (the text has turned to the country as a whole)."""
    ss, se = doc.sentence_of(pos)
    last = doc.mentions.region_hits.last_before(se)
    if last is None:
        return None
    if last[0] >= ss:
        return last[1], last[2]
    c, n = last[1], last[2]
    # a later sentence naming the region's country (this one or one between) ends the carry
    since = max(doc.sentence_of(last[0]).end, ss - CARRY_REACH)
    if any(x.iso == c for x in doc.countries_in(since, se)):
        return None
    return c, n


def _product_before(ctx: Context) -> str | None:
    """The nearest product cue before the amount in the sentence, unless a total-trade word
    stands between them."""
    doc, a, ss = ctx.doc, ctx.amount, ctx.sentence.start
    hits = doc.cues_in("product", ss, a.start)
    if not hits:
        return None
    last = max(h[0] for h in hits)
    # overlapping cues ("potassium fertilizer"): the more specific product, listed first
    near = doc.cues_in("product", max(ss, last - 25), min(a.start, last + 25))
    # not a cue with a figure between (a list's other item: "wine rose 5%, beer 9%")
    near = [h for h in near if not doc.mentions.amounts.between(min(h[0], last), max(h[0], last))]
    name = min((h[2] for h in near), key=_PRODUCT_ORDER.index)
    trade_between = [
        k for k in doc.mentions.keywords.between(last + 1, a.start) if k.kind == "trade"
    ]
    if trade_between or _TOTAL_TRADE.search(ctx.norm[last : a.start]):
        return None
    return name


def _product_after(ctx: Context) -> str | None:
    """A product named right after the amount ("$1 bn worth of potash")."""
    a = ctx.amount
    for pos, _end, name in ctx.doc.cues_in("product", a.end, min(ctx.clause.end, a.end + 40))[:1]:
        if _PRODUCT_AFTER_GAP.match(ctx.norm[a.end : pos]):
            return name
    return None


def scope_reaches(ctx: Context, cue: int) -> bool:
    """Whether a scope word at ``cue`` ("industrial goods", "services") covers the amount.

    A scope named in a sentence holds for every figure of its coordinated clause and of
    the clauses after it ("Trade in industrial goods ... more than doubled: ... it was 2.2
    times ..."), unless a later clause names a new flow subject of its own before the
    figure ("..., while overall trade reached $8.2 billion").
    """
    if ctx.doc.segment_of(cue) == ctx.segment:
        return True
    if cue > ctx.amount.start:
        return False
    return not ctx.doc.mentions.keywords.between(ctx.segment.start, ctx.amount.start)


def scope(ctx: Context) -> str:
    """The scope of ``ctx``'s amount (``region:<Name>``, ``product:<name>``, ``industrial``,
    ``goods_and_services``, ``services`` or ``goods``)."""
    reg = region_at(ctx.doc, ctx.amount.start)
    if reg:
        return f"region:{reg[1]}"
    product = _product_before(ctx) or _product_after(ctx)
    if product:
        return f"product:{product}"
    ss, se = ctx.sentence
    for name in ("industrial", "goods_and_services", "services"):
        if any(scope_reaches(ctx, h[0]) for h in ctx.doc.cues_in(name, ss, se)):
            return name
    return "goods"
