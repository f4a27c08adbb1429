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
        "In 2016 the India-China bilateral trade fell 2% to $70 billion.\n"
        "China's exports came to $58 billion in 2016, up 0.2% on 2015."
    )
    ctx = contexts(_doc(text, ("IND", "CHN")))[2]
    before = ctx.doc.partners_in(ctx.doc.named_before(ctx.sentence.start))
    assert not _both_unpaired(ctx, before)
    got = [(c.value, c.direction) for c in parse(text, pair=("IND", "CHN"))]
    assert got[2:] == [(58e9, "CHN->IND"), (0.2, "CHN->IND")]
    # both named, but not as a pair: the figure after it stays unattributed
    text = "China stays the biggest customer of Indian firms.\nChina's exports came to $58 billion."
    assert parse(text, pair=("IND", "CHN")) == []
