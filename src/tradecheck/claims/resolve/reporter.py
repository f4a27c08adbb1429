"""Reporter: whose statistics a figure is attributed to ("according to Chinese customs",
"по данным Белстата", "据中国海关统计"); None when the text does not say."""

from __future__ import annotations

from tradecheck.claims import _vocab as V
from tradecheck.claims.context import Doc
from tradecheck.claims.sentences import Span

__all__ = ["of_pair", "reporter"]

#: how many sentences a continuation ("It also said ...") may reach back
_MAX_DEPTH = 5


def _cue_in_sentence(doc: Doc, pos: int, cues: list[tuple[int, str]]) -> str | None:
    """The source cue of the sentence that applies to a figure at ``pos``: the last one
    before it; else one after it in the same coordinated clause or closing the sentence."""
    before = [h for h in cues if h[0] <= pos]
    if before:
        return before[-1][1]
    ss, se = doc.sentence_of(pos)
    seg = doc.segment_of(pos)
    amount_starts = [x.start for x in doc.mentions.amounts.between(ss, se) if x.kind != "physical"]
    for h in cues:
        same_segment = seg.start <= h[0] < seg.end
        closing = not any(h[0] < s < se for s in amount_starts)
        if same_segment or closing:
            return h[1]
    return None


def reporter(doc: Doc, pos: int, depth: int = 0) -> str | None:
    """The statistics source a figure at ``pos`` is attributed to.

    A cue applies within its own sentence: to figures after it, and to figures before it
    in the same coordinated clause or when it closes the sentence ("..., according to
    Chinese customs."). A sentence without an applicable cue that continues the previous
    one ("It also said ...") inherits the previous sentence's source; else, in a text that
    cites one source, the source it carries (:func:`reporters.carried`). A third country's
    statistics stay that country's (the key of ``[words.reporter]``: ``reporters.field``
    turns it into the claim's field).

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> parse("Trade reached $8.4 billion in 2023, according to Chinese customs.")[0].reporter
    'CHN'
    """
    ss, se = doc.sentence_of(pos)
    cues = doc.mentions.reporter_hits.between(ss, se)
    iso = _cue_in_sentence(doc, pos, cues)
    if (
        iso is None
        and not cues
        and depth < _MAX_DEPTH
        and ss > 0
        and V.CONTINUATION.search(doc.norm[ss:se].lstrip())
    ):
        return reporter(doc, max(0, ss - 1), depth + 1)
    if iso is None and not cues:
        iso = doc.carried_source(Span(ss, se))  # a text citing one source
    return of_pair(iso, doc.pair)


def of_pair(key: str | None, pair: tuple[str, str]) -> str | None:
    """A cue key naming two countries ("UKR|UZB": Chinese "乌方统计", the Uzbek or the
    Ukrainian side's statistics) read as the one of the pair; None when neither is.

    Examples
    --------
    >>> of_pair("UKR|UZB", ("UZB", "CHN")), of_pair("UKR|UZB", ("BLR", "CHN"))
    ('UZB', None)
    >>> of_pair("CHN", ("BLR", "CHN"))
    'CHN'
    """
    if key is None or "|" not in key:
        return key
    return next((k for k in key.split("|") if k in pair), None)
