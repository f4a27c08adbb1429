"""Whose trade a figure is, when one pair country stands alone near it (constructed
paraphrases in our own words, not data)."""

from __future__ import annotations

from tradecheck.claims.context import Doc, contexts
from tradecheck.claims.parse import parse
from tradecheck.claims.resolve.partner import _both_unpaired


def _doc(text: str, pair: tuple[str, str], lang: str = "en") -> Doc:
    return Doc.read(text, text, lang, None, pair)


def test_a_sentence_calling_the_two_a_pair_says_whose_figure_follows():
    text = (
        "Kenya-China bilateral trade rose 6% to $9 billion in 2019.\n"
        "China's shipments were worth $8 billion in 2019, 5% more than in 2018."
    )
    ctx = contexts(_doc(text, ("KEN", "CHN")))[2]
    before = ctx.doc.partners_in(ctx.doc.named_before(ctx.sentence.start))
    assert not _both_unpaired(ctx, before)
    got = [(c.value, c.direction) for c in parse(text, pair=("KEN", "CHN"))]
    assert got[2:] == [(8e9, "CHN->KEN"), (5.0, "CHN->KEN")]
    # both named, but not as a pair: the figure after it stays unattributed
    text = "China stays the top customer of Kenyan firms.\nChina's shipments were worth $8 billion."
    assert parse(text, pair=("KEN", "CHN")) == []
