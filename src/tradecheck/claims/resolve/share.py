"""Share: whose share a percentage is ("China's share", "доля Китая", "中国占").

A share held by a country outside the pair ("Russia accounts for 60%") is no claim about the
pair; a share of one pair country's exports or imports gives the claim its direction.
"""

from __future__ import annotations

import re

from tradecheck.claims import _vocab as V
from tradecheck.claims import lexicon as L
from tradecheck.claims.context import Context

__all__ = ["SHARE_OF_TOTAL", "share_direction", "share_holder", "share_of_other", "total_owner"]

_IN_BEFORE = re.compile(rf"(?:{L.source('share_in')})\s+\S*$", re.IGNORECASE)
#: words right after a percent that make it a share of a total ("6 Prozent aller Importe")
SHARE_OF_TOTAL = re.compile(rf"\s*(?:{L.source('share_of_total')})", re.IGNORECASE)
#: how far past those words the total's flow word and its country may stand
_TOTAL_REACH = 40


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


def total_owner(ctx: Context) -> tuple[str, str] | None:
    """(flow kind, ISO3) of the total a share is taken of, when the words right after the
    amount name it: "6,4 Prozent aller Importe Deutschlands" is ``("import", "DEU")``,
    "25% of Russia's total exports" ``("export", "RUS")``; None otherwise.

    Examples
    --------
    >>> from tradecheck.claims.context import Doc, contexts
    >>> text = "2006 machten sie 6,4 Prozent aller Importe Deutschlands aus."
    >>> total_owner(contexts(Doc.read(text, text, "de", None, ("DEU", "CHN")))[-1])
    ('import', 'DEU')
    """
    a, ce = ctx.amount, ctx.clause.end
    m = SHARE_OF_TOTAL.match(ctx.norm, a.end, ce)
    if m is None:
        return None
    reach = min(ce, m.end() + _TOTAL_REACH)
    kws = [k for k in ctx.doc.mentions.keywords.between(a.end, reach) if k.kind != "trade"]
    if not kws:
        return None
    owners = ctx.doc.countries_in(a.end, min(ce, kws[0].end + 25))
    owners = [c for c in owners if c.iso in ctx.doc.pair]
    return (kws[0].kind, owners[0].iso) if owners else None


def share_direction(ctx: Context, flow_kind: str, direction: str | None) -> str | None:
    """The direction of a share of exports or imports: the flow of the total it is taken of
    (:func:`total_owner`: "6% of Germany's imports" is imports into Germany), else the
    holder's flow ("China's share in Belarus's imports" is China -> Belarus); ``direction``
    unchanged otherwise."""
    total = total_owner(ctx)
    if total is not None:
        kind, owner = total
        other = ctx.doc.other(owner)
        return f"{other}->{owner}" if kind == "import" else f"{owner}->{other}"
    if flow_kind == "trade":
        return direction
    holder = share_holder(ctx)
    if holder is None:
        return direction
    other = ctx.doc.other(holder)
    return f"{other}->{holder}" if flow_kind == "export" else f"{holder}->{other}"
