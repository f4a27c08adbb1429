"""Share: whose share a percentage is ("China's share", "доля Китая", "中国占").

A share held by a country outside the pair ("Russia accounts for 60%") is no claim about the
pair; a share of one pair country's exports or imports gives the claim its direction.
"""

from __future__ import annotations

import re

from tradecheck.claims import _vocab as V
from tradecheck.claims import lexicon as L
from tradecheck.claims.context import Context
from tradecheck.claims.mentions import Amount
from tradecheck.claims.resolve.bound import bound

__all__ = [
    "SHARE_OF_TOTAL",
    "listed_share",
    "share_direction",
    "share_holder",
    "share_in_sentence",
    "share_level",
    "share_of_countrys_flow",
    "share_of_flow",
    "share_of_other",
    "share_word_after",
    "total_owner",
]

_IN_BEFORE = re.compile(rf"(?:{L.source('share_in')})\s+\S*$", re.IGNORECASE)
#: words right after a percent that make it a share of a total ("6 Prozent aller Importe",
#: "15% of China's imports")
SHARE_OF_TOTAL = re.compile(
    rf"\s*(?:{L.source('share_of_total')}|{L.country_template_source('share_of_country')})",
    re.IGNORECASE,
)
#: how far past those words the total's flow word and its country may stand
_TOTAL_REACH = 40


#: words between a percent and a flow word that make it a share of that flow
_OF_FLOW = re.compile(rf"\s*(?:{L.source('share_of_flow')})\s+(?P<word>\w+\s+)?", re.IGNORECASE)
#: a destination or origin word right before a country: the flow's partner, not its owner
_PARTNER_BEFORE = re.compile(
    rf"(?:{L.source('destination')}|{L.source('origin')})\s+$", re.IGNORECASE
)
#: "to" right before the amount ("ging auf 7,5 Prozent zurück", "снизилась до 20%")
_TO_BEFORE = re.compile(rf"(?:{L.source('amount_to')})\s*$", re.IGNORECASE)


def share_of_flow(ctx: Context) -> bool:
    """Whether a percent is a share of the flow named right after it ("6,2 Prozent der
    Ausfuhren", "20% от экспорта", "a third of the exports"); one word may stand between.

    Examples
    --------
    >>> from tradecheck.claims.context import Doc, contexts
    >>> text = "2023 gingen 6,2 Prozent der deutschen Ausfuhren nach China."
    >>> share_of_flow(contexts(Doc.read(text, text, "de", None, ("DEU", "CHN")))[0])
    True
    """
    m = _OF_FLOW.match(ctx.norm, ctx.amount.end, ctx.clause.end)
    if m is None:
        return False
    starts = {m.end(), m.start("word")}  # the flow word right after, or after one word
    return any(k.start in starts for k in ctx.doc.mentions.keywords.between(m.start(), m.end() + 1))


#: the words of a share right before the country whose flow it is ("40% of Peru's exports")
_OF_WORD = re.compile(rf"\s*(?:{L.source('share_of_flow')})\s+", re.IGNORECASE)
#: what may stand between that country and its flow word ("New Zealand's butter exports"): a
#: possessive and up to two words, no digit
_OWNER_GAP = re.compile(r"(?:['’]s?)?(?:\s+[^\W\d]+){0,2}?\s+")


def share_of_countrys_flow(ctx: Context) -> bool:
    """Whether a percent is a share of a country's flow named right after it: "30 percent of
    New Zealand's butter exports", "40% of Peru's exports" (any country the text names, up
    to two words between it and the flow word).

    Examples
    --------
    >>> from tradecheck.claims.context import Doc, contexts
    >>> text = "In 2019, 40 percent of Peru's copper exports went to China."
    >>> [share_of_countrys_flow(c) for c in contexts(Doc.read(text, text, "en", None,
    ...                                                      ("PER", "CHN")))]
    [True]
    """
    a, ce = ctx.amount, ctx.clause.end
    m = _OF_WORD.match(ctx.norm, a.end, ce)
    if m is None:
        return False
    owner = ctx.doc.countries_in(m.end(), min(ce, m.end() + 40))
    if not owner or owner[0].start != m.end():
        return False
    kws = ctx.doc.mentions.keywords.between(owner[0].end, min(ce, owner[0].end + 40))
    return any(_OWNER_GAP.fullmatch(ctx.norm, owner[0].end, k.start) for k in kws[:1])


def share_word_after(ctx: Context) -> bool:
    """Whether a share word follows the percent right away ("a record 12.5% share of ...").

    Examples
    --------
    >>> from tradecheck.claims.context import Doc, contexts
    >>> text = "Trade with Peru reached a 7.5% share of China's trade in 2019."
    >>> [share_word_after(c) for c in contexts(Doc.read(text, text, "en", None,
    ...                                                 ("PER", "CHN")))]
    [True]
    """
    a, ce = ctx.amount, ctx.clause.end
    gap = _SPACES.match(ctx.norm, a.end, ce)
    cue = V.SHARE_CUE.match(ctx.norm, gap.end() if gap else a.end, ce)
    return cue is not None and _SHARE_IN_AFTER.match(ctx.norm, cue.end(), ce) is not None


_SPACES = re.compile(r"\s*")
#: "of"/"in" right after a share word that follows its percent ("12.5% share of", not the
#: verb of a composition "24% припадає на обладнання")
_SHARE_IN_AFTER = re.compile(rf"\s+(?:{L.source('share_in')})\s", re.IGNORECASE)


def share_in_sentence(ctx: Context) -> bool:
    """Whether a share word stands earlier in the percent's sentence, outside its clause
    ("The share of exports to China in all exports, at 18.9%, ..."; "the share ... grew
    fast, from 5.1 percent ..."): the last resort for a percent that is no change.

    Examples
    --------
    >>> from tradecheck.claims.context import Doc, contexts
    >>> text = "The share of Peru's exports to China, at 18.9%, was a record in 2019."
    >>> [share_in_sentence(c) for c in contexts(Doc.read(text, text, "en", None,
    ...                                                  ("PER", "CHN")))]
    [True]
    """
    return _last_share_cue(ctx) is not None and not _bounded(ctx) and not _rounds_previous(ctx)


#: how far an approximate percent may lie from the one before it that it rounds ("32.7%, or
#: nearly a third")
_ROUNDING = 0.15


def _rounds_previous(ctx: Context) -> bool:
    """An approximate percent that rounds the percent before it in its sentence ("from 24.9% to
    32.7%, or nearly a third of the total"): a restatement, not a figure of its own."""
    a, prev = ctx.amount, ctx.doc.mentions.amounts.last_before(ctx.amount.start)
    if prev is None or prev.kind != "percent" or prev.end <= ctx.sentence.start:
        return False
    return bound(ctx) == "approx" and abs(prev.value - a.value) <= _ROUNDING * abs(a.value)


def _bounded(ctx: Context) -> bool:
    """A threshold, not a share: "more than" or "less than" right before the percent ("上升到
    10.4%，首次突破10%")."""
    return bound(ctx) in ("gt", "lt")


def share_level(ctx: Context) -> bool:
    """Whether a percent is the level a share moved to: "to" right before it and a share
    word earlier in the sentence ("der Anteil ... ging 2021 auf 7,5 Prozent zurück").

    Examples
    --------
    >>> from tradecheck.claims.context import Doc, contexts
    >>> text = "Der Anteil Chinas sank 2022 auf 6,8 Prozent."
    >>> share_level(contexts(Doc.read(text, text, "de", None, ("DEU", "CHN")))[0])
    True
    """
    a, ss = ctx.amount, ctx.sentence.start
    if not _TO_BEFORE.search(ctx.norm, max(ss, a.start - 8), a.start):
        return False
    return V.SHARE_CUE.search(ctx.norm, ss, a.start) is not None


#: only an opening bracket between a country and its figure ("Chiny (3 proc.)")
_BRACKET_OPEN = re.compile(r"\s*[(（]\s*")
#: how far before its bracket a country's name may start
_NAME_REACH = 40


def _country_bracket(ctx: Context, a: Amount) -> str | None:
    """The country whose bracket ``a`` opens ("Ukraina (7,2 proc.)": UKR), else None."""
    near = ctx.doc.countries_in(max(ctx.sentence.start, a.start - _NAME_REACH), a.start)
    if near and _BRACKET_OPEN.fullmatch(ctx.norm, near[-1].end, a.start):
        return near[-1].iso
    return None


def listed_share(ctx: Context) -> bool:
    """Whether a percent is a pair country's item in a list of partners with their shares,
    whose earlier item says what of ("Rosja (47,3 proc. całej wymiany handlowej), Polska
    (6,8 proc.), Chiny (3,9 proc.)"): in brackets right after the pair country's name, after
    an item of another country written the same way with the words of a total
    (:data:`SHARE_OF_TOTAL`).

    Examples
    --------
    >>> from tradecheck.claims.context import Doc, contexts
    >>> t = "Partners: Russia (50% of the total trade), Ukraine (7%), China (5%)."
    >>> [listed_share(c) for c in contexts(Doc.read(t, t, "en", None, ("BLR", "CHN")))]
    [False, False, True]
    """
    a = ctx.amount
    if _country_bracket(ctx, a) not in ctx.doc.pair:
        return False
    return any(
        p.kind == "percent"
        and _country_bracket(ctx, p) is not None
        and SHARE_OF_TOTAL.match(ctx.norm, p.end, ctx.sentence.end) is not None
        for p in ctx.doc.mentions.amounts.between(ctx.sentence.start, a.start)
    )


def _last_share_cue(ctx: Context) -> re.Match[str] | None:
    """The last share word between the clause start and the amount, else between the
    sentence start and the amount ("der Anteil … lag bei 8 Prozent, ging aber auf 6,5
    Prozent zurück")."""
    for lo in (ctx.clause.start, ctx.sentence.start):
        cues = list(V.SHARE_CUE.finditer(ctx.norm, lo, ctx.amount.start))
        if cues:
            return cues[-1]
    return None


#: how far after a share word its holder may be named ("the share of Russia", "доля России")
_HOLDER_AFTER = 8


def share_of_other(ctx: Context) -> bool:
    """Whether the country right before the share word is outside the pair."""
    cue = _last_share_cue(ctx)
    if cue is None:
        return False
    near = ctx.doc.countries_in(
        max(min(ctx.clause.start, cue.start()), cue.start() - 30), cue.start()
    )
    if near:
        return near[-1].iso not in ctx.doc.pair
    after = ctx.doc.countries_in(cue.end(), min(ctx.amount.start, cue.end() + _HOLDER_AFTER))
    return bool(after) and after[0].iso not in ctx.doc.pair  # "превысив долю России, 18,4%"


def share_holder(ctx: Context) -> str | None:
    """The pair country whose share is meant ("China's share", "доля Китая", "中国占")."""
    t, cs, m = ctx.norm, ctx.clause.start, _last_share_cue(ctx)
    if m is None:
        return None
    lo = max(min(cs, m.start()), m.start() - 25)
    for c in ctx.doc.countries_in(lo, min(ctx.amount.start, m.end() + 25)):
        if c.iso not in ctx.doc.pair:
            continue
        gap = t[c.end : m.start()] if c.end <= m.start() else t[m.end() : c.start]
        if len(gap.strip(" ’'s")) <= 12 and not _IN_BEFORE.search(t[max(0, c.start - 6) : c.start]):
            return c.iso
    return None


def total_owner(ctx: Context) -> tuple[str, str] | None:
    """(flow kind, ISO3) of the total a share is taken of, when the words right after the
    amount name it: "7,1 Prozent aller Importe Deutschlands" is ``("import", "DEU")``,
    "25% of Russia's total exports" ``("export", "RUS")``; None otherwise.

    Examples
    --------
    >>> from tradecheck.claims.context import Doc, contexts
    >>> text = "2007 machten sie 7,1 Prozent aller Importe Deutschlands aus."
    >>> total_owner(contexts(Doc.read(text, text, "de", None, ("DEU", "CHN")))[-1])
    ('import', 'DEU')
    """
    a, ce = ctx.amount, ctx.clause.end
    m = SHARE_OF_TOTAL.match(ctx.norm, a.end, ce) or _OF_FLOW.match(ctx.norm, a.end, ce)
    if m is None:
        return _total_before(ctx)
    reach = min(ce, m.end() + _TOTAL_REACH)
    kws = [k for k in ctx.doc.mentions.keywords.between(a.end, reach) if k.kind != "trade"]
    if not kws:
        return None
    owner = _flow_owner(ctx, a.end, min(ce, kws[0].end + 25))
    return (kws[0].kind, owner) if owner else None


#: the words of a total that end right before its percent ("占日本出口总额的17.1%")
_TOTAL_BEFORE = re.compile(rf"(?:{L.source('share_total_before')})\s*$", re.IGNORECASE)


def _total_before(ctx: Context) -> tuple[str, str] | None:
    """(flow kind, ISO3) of a total written before its percent, as Chinese writes it: "占日本
    出口总额的17.1%" is ``("export", "JPN")``, "占韩国商品出口的5.2%" ``("export", "KOR")``;
    None when no such words end at the amount, or they name no pair country's flow, or name
    more than one country (a share of the pair's own flow, "占白俄罗斯对华出口的60%", is no
    total of one country: this rule leaves it alone).

    Examples
    --------
    >>> from tradecheck.claims.context import Doc, contexts
    >>> text = "2015年上半年日本自中国进口785亿美元，占日本进口总额的23.9%。"
    >>> found = contexts(Doc.read(text, text, "zh", None, ("JPN", "CHN")))
    >>> _total_before(found[-1]), _total_before(found[0])
    (('import', 'JPN'), None)
    """
    a = ctx.amount
    m = _TOTAL_BEFORE.search(ctx.norm, max(ctx.clause.start, a.start - _TOTAL_REACH), a.start)
    if m is None:
        return None
    kws = [k for k in ctx.doc.mentions.keywords.between(m.start(), a.start) if k.kind != "trade"]
    named = ctx.doc.countries_in(m.start(), kws[0].start) if kws else []
    if len(named) != 1 or named[0].iso not in ctx.doc.pair:
        return None  # "占白俄罗斯对华出口的60%": the pair's own flow, no total of one country
    return kws[0].kind, named[0].iso


def _flow_owner(ctx: Context, s: int, e: int) -> str | None:
    """The pair country whose flow it is, from the first pair country named in ``[s, e)``:
    that country ("imports of Germany", "imported by Brazil"), or the other one when it is
    named as the flow's destination or origin ("Ausfuhren in die Volksrepublik")."""
    for c in ctx.doc.countries_in(s, e):
        if c.iso not in ctx.doc.pair:
            continue
        if _PARTNER_BEFORE.search(ctx.norm, max(s, c.start - 12), c.start):
            return ctx.doc.other(c.iso)
        return c.iso
    return None


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
