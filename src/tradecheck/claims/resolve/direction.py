"""Direction: whose exports or imports an amount is, or the pair's total trade (``both``).

The flow word nearest the amount (trade / export / import) and the countries around it give
the direction: a destination preposition before a country marks the importer ("to China",
"в Китай"), an origin preposition the exporter ("from Belarus"), a country written before the
flow word its actor ("Belarus's exports"). When the text does not say whose flow it is, the
answer is :data:`UNSURE`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from tradecheck.claims import _vocab as V
from tradecheck.claims import lexicon as L
from tradecheck.claims.context import Context, Doc
from tradecheck.claims.mentions import CountryHit, Keyword
from tradecheck.claims.resolve.partner import WITH_BEFORE_SHORT as _WITH_BEFORE_SHORT
from tradecheck.claims.resolve.partner import is_other_pair, speaks_for
from tradecheck.claims.resolve.reporter import reporter
from tradecheck.claims.resolve.scope import region_at
from tradecheck.claims.roles import (
    IMPLICIT_ORIGIN,
    LIST_REACH,
    adjective_role,
    compound_role,
    explicit_only,
    list_end,
    settle_implicit,
    with_role,
)
from tradecheck.claims.sentences import PHRASE_END

__all__ = [
    "OTHER",
    "UNSURE",
    "Flow",
    "actor",
    "counterpart_named",
    "flow",
    "joined_flows",
    "passage_partner",
    "reverse",
    "runs_opposite",
    "unanchored",
]

#: :func:`direction` answer when the text does not say whose flow it is
UNSURE = "?"
#: :func:`segment_direction` answer for a clause about another country's flow
OTHER = "other"

#: a destination / origin preposition right before a country name ("to China", "из Китая")
_DEST_BEFORE = re.compile(
    rf"(?:{L.source('destination')})\s*(?:(?<=\s)(?:the\s+)?(?:\w+\s+)?)?$", re.IGNORECASE
)
_ORIG_BEFORE = re.compile(
    rf"(?:{L.source('origin')})\s*(?:(?<=\s)(?:the\s+)?(?:\w+\s+)?)?$", re.IGNORECASE
)
#: the small word joining an amount to the flow word right after it ("$2.5 billion in exports")
_FLOW_AFTER = re.compile(rf"\s*(?:{L.source('flow_after_amount')})\s*$", re.IGNORECASE)
#: a comparison's "than" ("more from China than exporting to it"): two flows, not one
_THAN = L.pattern("than")
_MARKED_BEFORE = re.compile(f"{_DEST_BEFORE.pattern}|{_ORIG_BEFORE.pattern}", re.IGNORECASE)
#: a concessive phrase ("trotz", "despite", "несмотря на", "尽管")
_CONCESSIVE = L.pattern("concessive")
#: a word of change ("rose", "fell", "stieg", "сократился")
#: "and" between two coordinated parts of a clause
_AND = L.pattern("and_word")
#: "both"/"each" before or after two joined flow words: each flow on its own
_EACH_BEFORE = re.compile(rf"(?:{L.source('each_flow')})\s*$", re.IGNORECASE)
_EACH_AFTER = re.compile(rf"\s*(?:{L.source('each_flow')})", re.IGNORECASE)
#: the small words joining two flow words of opposite kinds ("imports from and exports to",
#: "import and export of", "экспорт и импорт"): the two flows together
_AND_GAP = re.compile(
    rf"\s*(?:(?:{L.source('origin')}|{L.source('destination')})\s*)?(?:{L.source('and_word')})\s*",
    re.IGNORECASE,
)
#: "trade with Russia": the partner right after "with"
_WITH_BEFORE = re.compile(
    "|".join(rf"(?:{L.source(c)})\s*$" for c in ("with_word", "with_or_and", "between")),
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Flow:
    """The flow word an amount belongs to and the direction it gives.

    ``direction`` is ``"both"``, ``"AAA->BBB"`` or None (not said: ``unsure`` tells whether
    the text leaves it open, or whether only a balance can still give one).
    """

    keyword: Keyword
    direction: str | None
    unsure: bool


def flow(ctx: Context, is_balance: bool) -> Flow | None:
    """The flow of ``ctx``'s amount; None when it is no flow of the pair (no flow word and no
    balance, another pair's or a group's flow, a world total, another country's flow).

    Parameters
    ----------
    ctx
        The amount's context.
    is_balance
        Whether the amount is a trade balance (which needs no flow word).
    """
    a = ctx.amount
    kw = flow_keyword(ctx)
    if kw is not None and not _listed(ctx) and joined_flows(ctx.doc, kw):
        kw = replace(kw, kind="trade")  # "imports from and exports to China": both ways
    if (kw is None and not is_balance) or is_other_pair(ctx, kw):
        return None  # another pair's, a group's or a world total (resolve/partner.py)
    if is_balance and not ctx.doc.pair_named_before(ctx.sentence.end):
        # "the negative balance was $573m" in a text naming neither country: whose?
        return Flow(kw or Keyword("trade", a.start, a.start), None, True)
    if kw is None:
        return Flow(Keyword("trade", a.start, a.start), "both", False)
    own = segment_direction(ctx, kw)
    if own == OTHER:
        return None
    # a flow word borrowed from a later clause says nothing of the passage's actor
    d = own or direction(ctx.doc, kw, passage=kw.start < ctx.clause[1])
    if own is None and runs_opposite(ctx, kw):
        d = reverse(d)  # "…, with China sending $5 billion in the opposite direction"
    if d is None and not is_balance:
        return None
    return Flow(kw, None if d == UNSURE else d, d == UNSURE)


def _listed(ctx: Context) -> bool:
    """Whether the amount is paired with a flow word ("respectively") or one of a list of
    amounts ("exports and imports grew 5% and 3%"): one flow per amount, not both."""
    a, doc = ctx.amount, ctx.doc
    if doc.paired_keyword(a) is not None or doc.lists.heads.get(a.start, a.start) != a.start:
        return True
    nxt = [x for x in doc.mentions.amounts.between(a.end, ctx.sentence.end) if x.start >= a.end]
    return bool(nxt) and doc.lists.heads.get(nxt[0].start) == a.start


def joined_flows(doc: Doc, kw: Keyword) -> bool:
    """Whether an export or import word is joined by "and" to a flow word of the other kind
    right beside it ("imports from and exports to China", "the import and export of",
    "экспорт и импорт"): the figure is the two flows together, the pair's trade; not when
    the text says each ("both imports and exports rose 9%", "进口和出口均增长").

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> [c.direction for c in parse("Imports from and exports to China rose 5% in 2023.")]
    ['both']
    """
    if kw.kind == "trade":
        return False
    for k in doc.mentions.keywords.between(kw.start - 40, kw.end + 40):
        if k.kind in ("trade", kw.kind):
            continue
        first, last = (k, kw) if k.end <= kw.start else (kw, k)
        if first.end <= last.start and _AND_GAP.fullmatch(doc.norm, first.end, last.start):
            each = _EACH_BEFORE.search(doc.norm, max(0, first.start - 12), first.start)
            return not (each or _EACH_AFTER.match(doc.norm, last.end, last.end + 12))
    return False


def reverse(arrow: str | None) -> str | None:
    """The flow running the other way: ``"BBB->AAA"`` for ``"AAA->BBB"``; ``both``, None and
    :data:`UNSURE` stay as they are.

    Examples
    --------
    >>> reverse("BRA->CHN"), reverse("both"), reverse(None)
    ('CHN->BRA', 'both', None)
    """
    if arrow is None or "->" not in arrow:
        return arrow
    exporter, importer = arrow.split("->")
    return f"{importer}->{exporter}"


def runs_opposite(ctx: Context, kw: Keyword) -> bool:
    """Whether the amount's sentence says its flow runs against the one its flow word states
    ("Brazil exported $89 billion to China, with China sending $61 billion in the opposite
    direction"; "…, в обратном направлении поставлено на $61 млрд"): the cue (concept
    ``opposite_direction``) stands in the amount's sentence with no other figure between it and
    the amount, and the flow word is borrowed from an earlier figure or names no country
    itself ("in the opposite direction, exports to Brazil were $61 billion" stays as written).
    """
    (ss, se), a, doc = ctx.sentence, ctx.amount, ctx.doc
    cue = V.OPPOSITE_DIRECTION.search(doc.norm, ss, se)
    if cue is None:
        return False
    lo, hi = (a.end, cue.start()) if a.end <= cue.start() else (cue.end(), a.start)
    figures = [x for x in doc.mentions.amounts.between(min(kw.end, lo), hi) if x.kind != "physical"]
    if any(lo <= x.start for x in figures):
        return False  # another figure stands between the cue and the amount
    borrowed = any(x.start < a.start for x in figures)
    exporter, importer, _other = marked(doc, kw)
    return borrowed or not (exporter or importer)


def unanchored(ctx: Context, fl: Flow, has_period: bool) -> Flow:
    """The flow of a figure that names neither a country of the pair (up to its sentence)
    nor a period: nothing ties it to the pair ("our trade reached a record $12 billion" may
    be the country's trade with the world), so its direction is left open too.

    A figure with a period keeps the direction its words give: the text around a quote is
    taken to be about the pair, and the claim lists ``partner`` as unsure.
    """
    if has_period or fl.direction is None or ctx.doc.pair_named_before(ctx.sentence.end):
        return fl
    return replace(fl, direction=None, unsure=True)


def flow_keyword(ctx: Context) -> Keyword | None:
    """The flow word of the amount: the one a "respectively" list pairs it with, else the one
    joined to it by a small word ("$2.5 billion in exports"), else in its clause (before, then
    after it), in its sentence (before, then after), else the last one
    of an earlier sentence."""
    a, (ss, se), (cs, ce) = ctx.amount, ctx.sentence, ctx.clause
    paired = ctx.doc.paired_keyword(a)  # "exports and imports grew 5% and 7% respectively"
    if paired is not None:
        return paired
    kws = ctx.doc.mentions.keywords.between(ss, se)
    attached = [k for k in kws if a.end <= k.start <= a.end + 12 and k.end <= ce]
    if attached and _FLOW_AFTER.match(ctx.doc.norm, a.end, attached[0].start):
        return attached[0]  # "$2.5 billion in exports"
    closing = _closing_flow(ctx, kws)
    if closing is not None:
        return closing  # "… um 50% erhöht und Waren für $0,5 Mrd … exportiert"
    for found in (
        _outside_concession(
            ctx.doc, [k for k in kws if cs <= k.start and k.end <= a.start], a.start
        )[-1:],
        [k for k in kws if a.end <= k.start and k.end <= ce][:1],
        [k for k in kws if ss <= k.start and k.end <= a.start][-1:],
        [k for k in kws if a.end <= k.start and k.end <= se][:1],
        # previous sentences of the text ("... Trade was X. In 2025 it amounted to Y")
        [k for k in ctx.doc.mentions.keywords.before(ss) if k.end <= ss][-1:],
    ):
        if found:
            return found[0]
    return None


def _outside_concession(doc: Doc, kws: list[Keyword], at: int) -> list[Keyword]:
    """The flow words of a clause part before an amount at ``at``, bar those of a concessive
    phrase after an earlier flow word when no change word follows them before the amount
    ("der Handel beläuft sich trotz eines Rückgangs der Exporte nach Russland auf $155 Mrd":
    the trade's figure; "trade rose despite exports falling 5%": the exports')."""
    if len(kws) < 2:
        return kws
    cue = _CONCESSIVE.search(doc.norm, kws[0].end, kws[-1].start)
    if cue is None or V.CHANGE.search(doc.norm, kws[-1].end, at):
        return kws
    return [k for k in kws if k.end <= cue.start()]


def _closing_flow(ctx: Context, kws: list[Keyword]) -> Keyword | None:
    """The flow word closing the amount's coordinated part of a clause, when the flow word
    before it belongs to an earlier figure ("trade grew 50% and goods for $0.4 billion were
    exported", "… um 50% erhöht und Waren im Wert von $0,5 Mrd … exportiert"): an earlier
    figure and an "and" stand between that flow word and the amount, and no figure follows
    the closing flow word in the clause."""
    a, doc, (cs, ce) = ctx.amount, ctx.doc, ctx.clause
    before = [k for k in kws if cs <= k.start and k.end <= a.start][-1:]
    after = [k for k in kws if a.end <= k.start and k.end <= ce][:1]
    if not before or not after or after[0].kind == "trade":
        return None
    figures = [x for x in doc.mentions.amounts.between(before[0].end, ce) if x.kind != "physical"]
    earlier = [x for x in figures if x.end <= a.start]
    later = [x for x in figures if x.start >= a.end]
    if not earlier or later or not _AND.search(doc.norm, earlier[-1].end, a.start):
        return None
    return after[0]


def _around(doc: Doc, kw: Keyword) -> tuple[list[CountryHit], list[CountryHit]]:
    """The countries named just before and just after a flow word, within its clause and
    not across another amount (after it: else those past a list of goods, when none is
    named before it)."""
    kcs, kce = doc.clause_of(kw.start)
    amounts = doc.mentions.amounts
    nxt = [x.start for x in amounts.between(kw.end, kw.end + 60) if x.kind != "physical"]
    r_end = min([kw.end + 60, kce] + nxt[:1])
    l_start = max(kcs, kw.start - 40)
    prev_amt = [
        x.end
        for x in amounts.between(kw.start - 200, kw.start)
        if x.end <= kw.start and x.kind != "physical"
    ]
    if prev_amt:
        l_start = max(l_start, prev_amt[-1])
    l_start, r_end = _within_comparison(doc.norm, l_start, kw, r_end)
    left, right = doc.countries_in(l_start, kw.start), doc.countries_in(kw.end, r_end)
    return left, right or ([] if left else _listed_after(doc, kw))


def _within_comparison(norm: str, start: int, kw: Keyword, end: int) -> tuple[int, int]:
    """The window ``[start, end)`` around a flow word cut at a comparison's "than" (concept
    ``than``): "bought more from China than exporting to it" — China is the origin of what
    was bought, not of the exports after "than"."""
    before = list(_THAN.finditer(norm, start, kw.start))
    after = _THAN.search(norm, kw.end, end)
    return (before[-1].end() if before else start), (after.start() if after else end)


def _listed_after(doc: Doc, kw: Keyword) -> list[CountryHit]:
    """The pair countries marked as origin/destination after a list of goods that runs
    past a comma ("imports of X, Y and Z from China"): see :func:`roles.list_end`."""
    m = doc.mentions
    stops = [x.start for x in m.amounts.between(kw.end, kw.end + LIST_REACH)]
    stops += [k.start for k in m.keywords.between(kw.end + 1, kw.end + LIST_REACH)]
    far = doc.countries_in(kw.end, list_end(kw.end, stops, doc.sentence_of(kw.start).end))
    return explicit_only(doc.norm, far, _MARKED_BEFORE)


def _roles(
    doc: Doc, left: list[CountryHit], right: list[CountryHit], kw: Keyword
) -> list[tuple[str, str]]:
    """(role, iso) of each country around a flow word: dest, orig or actor (a country
    right after it without a preposition: :func:`roles.settle_implicit`; one joined to it
    by a hyphen: :func:`roles.compound_role`)."""
    roles: list[tuple[str, str]] = []
    origin_after = any(_ORIG_BEFORE.search(doc.norm[max(0, c.start - 20) : c.start]) for c in right)
    for c in left + right:
        pre = doc.norm[max(0, c.start - 20) : c.start]
        joined = compound_role(doc.norm[c.end : kw.start], kw.kind) if c in left else None
        if joined:
            roles.append((joined, c.iso))
        elif c in right and _bought_from(doc, c):
            roles.append(("orig", c.iso))  # "закупил в Беларуси": bought from Belarus
        elif _DEST_BEFORE.search(pre):
            roles.append(("dest", c.iso))
        elif _ORIG_BEFORE.search(pre):
            roles.append(("orig", c.iso))
        elif c in left and _trade_partner_role(doc, c, kw.kind):
            roles.append((_trade_partner_role(doc, c, kw.kind), c.iso))  # type: ignore[arg-type]
        elif c in right and _location_before(doc, pre):
            roles.append(("loc", c.iso))  # "imports in China": the market they are in
        elif c in right:
            # "imports of Chinese goods", "экспорт белорусских товаров": the origin
            roles.append((IMPLICIT_ORIGIN, c.iso))
        elif adjective_role(
            doc.norm[c.start : c.end],
            doc.norm[c.end : kw.start],
            kw.kind,
            _adjective(doc.lang),
            origin_written=origin_after,
        ):
            roles.append(("orig", c.iso))  # "Chinese imports": imports from China
        else:
            roles.append(("actor", c.iso))
    return settle_implicit(settle_location(roles))


#: how far before "with <country>" a trade word may end ("trade gap with China")
TRADE_WITH_REACH = 24


def _trade_partner_role(doc: Doc, c: CountryHit, kind: str) -> str | None:
    """The role of a country written as a trade word's partner before a flow word ("the trade
    gap with China grew as exports slipped": exports to China; "der Handel mit China (+44%
    bei den Exporten)"): :func:`roles.with_role`; None unless a trade word ends at most
    :data:`TRADE_WITH_REACH` characters before the country's "with" ("with China having
    exported", "China mit deutschen Exporten": the flow's own holder)."""
    if not _WITH_BEFORE_SHORT.search(doc.norm[max(0, c.start - 20) : c.start]):
        return None
    near = doc.mentions.keywords.between(c.start - TRADE_WITH_REACH - 20, c.start)
    if not any(_attached(doc, k, c) for k in near):
        return None
    return with_role(doc.norm[c.end : c.end + 3], kind)


def _attached(doc: Doc, k: Keyword, c: CountryHit) -> bool:
    """Whether trade word ``k`` ends at most :data:`TRADE_WITH_REACH` characters before
    country ``c`` with no punctuation between ("trade gap with China", not "traded more,
    with China having exported")."""
    gap = doc.norm[k.end : c.start]
    return k.kind == "trade" and 0 <= len(gap) <= TRADE_WITH_REACH and not PHRASE_END.search(gap)


@cache
def _adjective(lang: str) -> re.Pattern[str]:
    """The country adjective forms of ``lang`` that name an import's origin (concept
    ``import_origin_adjective``; empty where the adjective names the importer)."""
    return re.compile(L.language_source("import_origin_adjective", lang), re.IGNORECASE)


@cache
def _bought_from_pattern(lang: str) -> re.Pattern[str]:
    """A purchase verb and its "в/у" closing a text, in ``lang`` only (concept
    ``bought_from``: Belarusian "у" before a country is "to" after any other verb)."""
    return re.compile(rf"(?:{L.language_source('bought_from', lang)})\s*$", re.IGNORECASE)


def _bought_from(doc: Doc, c: CountryHit) -> bool:
    """Whether country ``c`` follows a purchase verb and "в/у", one word between at most: the
    seller ("Казахстан закупил в Беларуси товаров": goods from Belarus to Kazakhstan).

    Examples
    --------
    >>> from tradecheck.claims.parse import read_doc
    >>> doc = read_doc("Казахстан закупил в Беларуси товаров на 1 млрд долларов.", lang="ru",
    ...                pair=("KAZ", "BLR"))
    >>> [_bought_from(doc, c) for c in doc.mentions.countries]
    [False, True]
    """
    return bool(_bought_from_pattern(doc.lang).search(doc.norm[max(0, c.start - 40) : c.start]))


@cache
def _location_pattern(lang: str) -> re.Pattern[str]:
    """A location preposition of ``lang`` closing a text ("in", "im"): the text's own
    language only (Belarusian "у" is Russian "from" in "закупил у России")."""
    return re.compile(rf"(?:{L.language_source('location', lang)})\s*$", re.IGNORECASE)


def _location_before(doc: Doc, pre: str) -> bool:
    """Whether ``pre`` (the text before a country) ends with a location preposition."""
    return bool(_location_pattern(doc.lang).search(pre))


@cache
def _own_destination(lang: str) -> re.Pattern[str]:
    """A destination preposition of ``lang`` closing a text ("to", "nach", "в")."""
    return re.compile(rf"(?:{L.language_source('destination', lang)})\s*$", re.IGNORECASE)


def _destinations_after(doc: Doc, right: list[CountryHit]) -> set[str]:
    """The countries after a flow word marked as its destination by a preposition of the
    text's own language ("imports to China"; not "у России", Russian "from", that is a
    Belarusian "to"), or named as its place (:func:`settle_location`)."""
    own = _own_destination(doc.lang)
    out = set()
    for c in right:
        pre = doc.norm[max(0, c.start - 20) : c.start]
        if own.search(pre) or _location_before(doc, pre):
            out.add(c.iso)
    return out


def settle_location(roles: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Roles with a country named as the place of a flow after the flow word (``loc``:
    "die russischen Importe in China") settled: the destination when one other country
    stands before the flow word as its holder (Russian goods into China), the origin of
    that holder; else an implicit origin, as any country after a flow word without a
    preposition. Order and length are kept.

    Examples
    --------
    >>> settle_location([("actor", "RUS"), ("loc", "CHN")])
    [('orig', 'RUS'), ('dest', 'CHN')]
    >>> settle_location([("loc", "CHN")])
    [('orig?', 'CHN')]
    """
    locs = {iso for role, iso in roles if role == "loc"}
    holders = {iso for role, iso in roles if role == "actor"} - locs
    if not locs:
        return roles
    if len(locs) > 1 or len(holders) != 1:
        return [(IMPLICIT_ORIGIN if r == "loc" else r, iso) for r, iso in roles]
    return [
        ("dest", iso) if r == "loc" else ("orig", iso) if r == "actor" else (r, iso)
        for r, iso in roles
    ]


def _nearest_left_actor(roles: list[tuple[str, str]], n_left: int) -> list[tuple[str, str]]:
    """The actor nearest before the flow word wins ("其中白方出口": 白方, not 中)."""
    left_actors = [r for r in roles[:n_left] if r[0] == "actor"]
    if len(left_actors) <= 1:
        return roles
    keep = left_actors[-1]
    return [r for r in roles if r[0] != "actor" or r is keep or roles.index(r) >= n_left]


def marked(doc: Doc, kw: Keyword) -> tuple[str | None, str | None, bool]:
    """(exporter, importer, other_country) read around one flow word."""
    left, right = _around(doc, kw)
    roles = _roles(doc, left, right, kw)
    other = any(iso not in doc.pair for _role, iso in roles)
    if kw.kind == "trade":
        return None, None, other
    exporter = importer = None
    kept = _nearest_left_actor(roles, len(left))
    # a destination written after the flow word first; an actor then takes its own side, or
    # the other one when that destination holds it ("Russia's imports to China": Russian goods)
    dest_after = {("dest", iso) for iso in _destinations_after(doc, right)}
    for role, iso in sorted(kept, key=lambda r: r not in dest_after):
        if iso not in doc.pair or (role == "actor" and ("dest", iso) in dest_after):
            continue  # not the pair's; or "trade with China … exports to China": no holder
        to_importer = role == "dest" or (role == "actor" and kw.kind != "export")
        if role == "actor" and (importer if to_importer else exporter) not in (None, iso):
            to_importer = not to_importer
        if to_importer:
            importer = importer or iso
        else:
            exporter = exporter or iso
    return exporter, importer, other


def _marked_elsewhere(doc: Doc, kw: Keyword) -> tuple[str | None, str | None]:
    """Another flow word of the same kind in the sentence that names the countries."""
    ss, se = doc.sentence_of(kw.start)
    for k in doc.mentions.keywords.between(ss, se):
        if k is kw or k.kind != kw.kind:
            continue
        e2, i2, _o2 = marked(doc, k)
        if e2 or i2:
            return e2, i2
    return None, None


def _arrow(doc: Doc, exporter: str | None, importer: str | None) -> str | None:
    """``"AAA->BBB"`` with the missing side filled by the pair's other country."""
    exporter = exporter or doc.other(importer)  # type: ignore[arg-type]
    importer = importer or doc.other(exporter)
    return None if exporter == importer else f"{exporter}->{importer}"


def direction(doc: Doc, kw: Keyword, passage: bool = True) -> str | None:
    """The direction a flow word gives: ``both``, ``AAA->BBB``, :data:`UNSURE`, or None for
    another country's flow (``passage``: whether the partner named in the sentences before
    may give the actor, :func:`passage_partner`)."""
    exporter, importer, other = marked(doc, kw)
    if kw.kind == "trade":
        return None if other and not pair_near(doc, kw) else "both"
    if other:
        return None  # exports to / imports from / flows of another country
    if exporter and importer and exporter == importer:
        importer = None
    if exporter is None and importer is None:
        exporter, importer = _marked_elsewhere(doc, kw)
    if exporter is None and importer is None:
        read, said = actor_read(doc, kw, passage)
        who = read if said else reporting_side(doc, kw)
        if who is None:
            return UNSURE
        exporter, importer = (who, None) if kw.kind == "export" else (None, who)
    if not counterpart_named(doc, kw, exporter, importer):
        return UNSURE
    return _arrow(doc, exporter, importer)


def reporting_side(doc: Doc, kw: Keyword) -> str | None:
    """The pair country whose statistics an export or import word that names no country
    cites (:func:`resolve.reporter.reporter` at the flow word): a statistics office reports its
    own country's exports and imports ("据中国海关统计 … 其中出口…，进口…": China's; "Exports
    were $8.8 billion, the Indian commerce ministry said": India's). None without such a
    source, or when the source is a third country's.

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = "据中国海关统计,2019年中埃贸易额132亿美元,其中出口122亿美元。"
    >>> [c.direction for c in parse(t, pair=("EGY", "CHN"))]
    ['both', 'CHN->EGY']
    """
    iso = reporter(doc, kw.start)
    return iso if iso in doc.pair else None


def counterpart_named(doc: Doc, kw: Keyword, exporter: str | None, importer: str | None) -> bool:
    """Whether the other side of a flow is known: written beside the flow word, or the pair
    country it would be named in the text up to the flow word's sentence.

    "China's exports rose" in a text that never names Belarus does not say where the goods
    went ("中方出口" after "其中"): the destination would be a guess. An unnamed actor is the
    speaker's usual convention ("exports to China" in Belarusian press) and stays read.
    """
    counterpart, actor_iso = (importer, exporter) if kw.kind == "export" else (exporter, importer)
    if counterpart is not None or actor_iso is None:
        return True
    return doc.country_named_before(doc.other(actor_iso), doc.sentence_of(kw.start).end)


def segment_direction(ctx: Context, kw: Keyword) -> str | None:
    """The direction a later coordinated clause gives itself ("…; and to China they grew
    1.8-fold", "…, а наша страна в КНР — на 209 млн"): its own destination or origin
    replaces the flow word's; :data:`OTHER` when it names another country's flow."""
    seg = ctx.segment
    if kw.kind == "trade" or kw.start >= seg.start:
        return None
    if ctx.doc.mentions.keywords.between(seg.start, ctx.amount.start):
        return None  # the clause has a flow word of its own
    start = seg.start + 1
    exporter, importer, other = marked(ctx.doc, Keyword(kw.kind, start, start))
    if other and not (exporter or importer):
        return OTHER
    if not (exporter or importer):
        return None
    if unmarked_at(ctx.doc, Keyword(kw.kind, start, start)):
        return _bare_segment(ctx.doc, kw, _arrow(ctx.doc, exporter, importer))
    return _arrow(ctx.doc, exporter, importer)


def unmarked_at(doc: Doc, kw: Keyword) -> bool:
    """Whether the countries around ``kw`` all stand without a destination or origin word
    ("China came third with €96 billion", "中国则位列第三"): their role is not written."""
    left, right = _around(doc, kw)
    pre = [doc.norm[max(0, c.start - 20) : c.start] for c in left + right]
    return bool(pre) and not any(_MARKED_BEFORE.search(p) for p in pre)


def _bare_segment(doc: Doc, kw: Keyword, bare: str | None) -> str | None:
    """The direction of a clause naming a pair country without a preposition after the flow
    word ``kw`` of an earlier clause or sentence: the flow word's own countries when it names
    one of the pair ("the main buyers of German exports ... China came third": Germany's
    exports); None when it names no country at all (:func:`direction` decides); else ``bare``,
    the country read as the actor ("exports to Russia grew 40%, and China 1.8-fold")."""
    exporter, importer, other = marked(doc, kw)
    if exporter in doc.pair or importer in doc.pair:
        return _arrow(doc, exporter, importer)
    return bare if other else None


def pair_near(doc: Doc, kw: Keyword) -> bool:
    """Whether a trade word with another country named near it is still the pair's trade
    ("trade between Belarus and China", not "trade with Russia" or "China and the EU")."""
    kcs, kce = doc.clause_of(kw.start)
    hits = doc.countries_in(max(kcs, kw.start - 40), min(kce, kw.end + 40))
    if not hits:
        return True
    for c in hits:
        if c.iso not in doc.pair and _WITH_BEFORE.search(doc.norm[max(0, c.start - 10) : c.start]):
            return False
    named = {c.iso for c in hits if c.iso in doc.pair}
    # "trade between China and the EU": one pair country and a third one
    return len(named) == 2 or (len(named) == 1 and all(c.iso in doc.pair for c in hits))


def actor(doc: Doc, kw: Keyword) -> str:
    """Whose exports/imports an unmarked flow word means (the pair's first when unsaid)."""
    return actor_read(doc, kw)[0]


def _earlier_actor(doc: Doc, kw: Keyword) -> str | None:
    """The actor of the nearest earlier export/import word that names one ("exports to
    China ..., while imports grew": the same country's imports)."""
    earlier = [k for k in doc.mentions.keywords.before(kw.start) if k.end <= kw.start]
    for k in reversed([k for k in earlier if k.kind != "trade"]):
        e, i, _ = marked(doc, k)
        if e or i:
            if k.kind == "export":
                return e or doc.other(i)  # type: ignore[arg-type]
            return i or doc.other(e)  # type: ignore[arg-type]
    return None


def named_as_pair(doc: Doc, named: list[CountryHit]) -> bool:
    """Whether a sentence names both pair countries only as the two sides of their trade
    ("Belarus-China trade", "between Belarus and China"), none as the holder of a flow
    ("with China", "to China"): an unmarked "exports" then does not say whose they are."""
    if {x.iso for x in named} != set(doc.pair):
        return False
    return not any(_as_partner(doc, x) for x in named)


def _as_partner(doc: Doc, x: CountryHit) -> bool:
    """Whether a country is written as a flow's partner ("with China", "to China", "из Китая")."""
    pre = doc.norm[max(0, x.start - 20) : x.start]
    return bool(
        _WITH_BEFORE_SHORT.search(pre) or _DEST_BEFORE.search(pre) or _ORIG_BEFORE.search(pre)
    )


def marked_partner(doc: Doc, named: list[CountryHit]) -> str | None:
    """The one pair country a sentence names as the partner of a flow ("from China", "to
    China", "with China"); None when it names none or both that way."""
    found = {x.iso for x in named if _as_partner(doc, x)}
    return found.pop() if len(found) == 1 else None


def actor_read(doc: Doc, kw: Keyword, passage: bool = True) -> tuple[str, bool]:
    """(actor, said): ``said`` is False when the text does not say whose flow it is and
    the actor is only assumed (no pair country in the flow word's sentence, or both named
    only as the two sides of their trade: :func:`named_as_pair`). A sentence naming no pair
    country takes the actor from the partner of the passage before it when ``passage``
    (:func:`passage_partner`), then from the text's opening (``speaks_for``)."""
    earlier = _earlier_actor(doc, kw)
    if earlier is not None:
        return earlier, True
    reg = region_at(doc, kw.start)
    if reg:
        return reg[0], True
    # "X trade with Y": the actor is the other of Y (the first pair country of the text)
    c = doc.first_pair_country
    if c is None:
        return doc.pair[0], False
    ss, se = doc.sentence_of(kw.start)
    named = [x for x in doc.countries_in(ss, se) if x.iso in doc.pair]
    said = bool(named) and not named_as_pair(doc, named)
    partner = marked_partner(doc, named)
    if partner is not None:  # "bought more from China ..., with $11 billion in imports"
        return doc.other(partner), True
    partner = passage_partner(doc, ss) if passage and not named else None
    if partner is not None:  # "… trade with China …. Imports grew 70%."
        return doc.other(partner), True
    if c.start <= kw.start and _WITH_BEFORE_SHORT.search(doc.norm[max(0, c.start - 8) : c.start]):
        return doc.other(c.iso), said
    if said:
        return c.iso, said
    opener = speaks_for(doc, kw.start)
    return (c.iso, False) if opener is None else (opener, True)


#: how many sentences back the partner of a passage is looked for (:func:`passage_partner`)
PASSAGE_SENTENCES = 2


def passage_partner(doc: Doc, start: int) -> str | None:
    """The pair country the passage before ``start`` (a sentence start) names as the partner
    of its flows ("with China", "from China"): the nearest of the :data:`PASSAGE_SENTENCES`
    sentences before it that names a pair country (not as a statistics source) decides; None
    when that sentence marks neither or both as the partner, or none of them names one.

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = "Uzbekistan bought far more from China in 2023. Imports grew by 1.7 times."
    >>> [c.direction for c in parse(t, pair=("UZB", "CHN"))]
    ['CHN->UZB']
    """
    for _ in range(PASSAGE_SENTENCES):
        if start <= 0:
            return None
        ss, _se = doc.sentence_of(start - 1)
        named = [x for x in doc.countries_in(ss, start) if x.iso in doc.pair]
        # "data from Uzbekistan's Statistics Agency" names a source, not a partner
        named = [x for x in named if not doc.mentions.reporter_hits.between(x.start - 30, x.end)]
        if named:
            return marked_partner(doc, named)
        start = ss
    return None
