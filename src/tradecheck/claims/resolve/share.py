"""Share: whose share a percentage is ("China's share", "доля Китая", "中国占").

A share held by a country outside the pair ("Russia accounts for 60%") is no claim about the
pair; a share of one pair country's exports or imports gives the claim its direction.
"""

from __future__ import annotations

import re

from tradecheck.claims import _vocab as V
from tradecheck.claims import lexicon as L
from tradecheck.claims.context import Context

__all__ = ["share_direction", "share_holder", "share_of_other"]

_IN_BEFORE = re.compile(rf"(?:{L.source('share_in')})\s+\S*$", re.IGNORECASE)


def _last_share_cue(ctx: Context) -> re.Match[str] | None:
    """The last share word between the clause start and the amount."""
    cues = list(V.SHARE_CUE.finditer(ctx.norm, ctx.clause.start, ctx.amount.start))
    return cues[-1] if cues else None


def share_of_other(ctx: Context) -> bool:
    """Whether the country right before the share word is outside the pair."""
    cue = _last_share_cue(ctx)
    if cue is None:
        return False
    near = ctx.doc.countries_in(max(ctx.clause.start, cue.start() - 30), cue.start())
    return bool(near) and near[-1].iso not in ctx.doc.pair


def share_holder(ctx: Context) -> str | None:
    """The pair country whose share is meant ("China's share", "доля Китая", "中国占")."""
    t, cs, m = ctx.norm, ctx.clause.start, _last_share_cue(ctx)
    if m is None:
        return None
    for c in ctx.doc.countries_in(max(cs, m.start() - 25), min(ctx.amount.start, m.end() + 25)):
        if c.iso not in ctx.doc.pair:
            continue
        gap = t[c.end : m.start()] if c.end <= m.start() else t[m.end() : c.start]
        if len(gap.strip(" ’'s")) <= 12 and not _IN_BEFORE.search(t[max(0, c.start - 6) : c.start]):
            return c.iso
    return None


def share_direction(ctx: Context, flow_kind: str, direction: str | None) -> str | None:
    """The direction of a share of exports or imports: the holder's flow ("China's share in
    Belarus's imports" is China -> Belarus); ``direction`` unchanged otherwise."""
    if flow_kind == "trade":
        return direction
    holder = share_holder(ctx)
    if holder is None:
        return direction
    other = ctx.doc.other(holder)
    return f"{other}->{holder}" if flow_kind == "export" else f"{holder}->{other}"
