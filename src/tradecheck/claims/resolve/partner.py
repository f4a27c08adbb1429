"""Partner: whether an amount's passage is about the asked pair at all.

A number is a claim about the pair only when the countries around it are that pair; the
windows around the amount (its clause, its coordinated clause, the clause of its flow word,
its sentence, the nearest earlier sentence naming a country) go to
:func:`tradecheck.claims.partners.decide`, nearest first.
"""

from __future__ import annotations

from tradecheck.claims import partners as P
from tradecheck.claims.context import Context
from tradecheck.claims.mentions import Keyword
from tradecheck.claims.sentences import Span

__all__ = ["is_other_pair", "windows"]


def windows(ctx: Context, kw: Keyword | None) -> list[Span]:
    """The spans whose partners decide, nearest first (``kw``: the amount's flow word)."""
    doc, sentence = ctx.doc, ctx.sentence
    kw_at = kw.start if kw is not None and sentence.start <= kw.start else ctx.clause.start
    return [
        ctx.clause,
        ctx.segment,
        doc.clause_of(kw_at),
        sentence,
        doc.named_before(sentence.start),
    ]


def is_other_pair(ctx: Context, kw: Keyword | None) -> bool:
    """Whether the amount is another pair's, a group's or one country's world total.

    Examples
    --------
    >>> from tradecheck.claims.context import Doc, contexts
    >>> text = "Russia-China trade reached $240 billion."
    >>> ctx = contexts(Doc.read(text, text, "en", None, ("BLR", "CHN")))[0]
    >>> is_other_pair(ctx, ctx.doc.mentions.keywords.items[0])
    True
    """
    found = (ctx.doc.partners_in(w) for w in windows(ctx, kw))
    return P.decide(found, ctx.doc.pair) == P.OTHER
