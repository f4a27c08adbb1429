"""Partner: whether an amount's passage is about the asked pair at all.

A number is a claim about the pair only when the countries around it are that pair; the
windows around the amount (its clause, its coordinated clause, the clause of its flow word,
its sentence, the nearest earlier sentence naming a country) go to
:func:`tradecheck.claims.partners.decide`, nearest first.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from tradecheck.claims import lexicon as L
from tradecheck.claims import partners as P
from tradecheck.claims.context import Context, Doc
from tradecheck.claims.mentions import Keyword
from tradecheck.claims.resolve.scope import region_at
from tradecheck.claims.resolve.share import SHARE_OF_TOTAL
from tradecheck.claims.sentences import Span
from tradecheck.countries import is_cjk

#: how far back a paragraph's start is looked for (:func:`lone_country`)
PARAGRAPH = 1500

__all__ = [
    "WITH_BEFORE_SHORT",
    "attached_other",
    "before_the_pair",
    "continues_a_world_passage",
    "is_other_pair",
    "later_flows",
    "lone_country",
    "names_actor",
    "pair_by_anaphora",
    "speaks_for",
    "third_country_subject",
    "windows",
    "with_other_after",
    "world_of_the_pair",
]


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
    if attached_other(ctx) or with_other_after(ctx):
        return True
    found = [pair_by_anaphora(ctx, w, world_of_the_pair(ctx, w)) for w in windows(ctx, kw)]
    if found and P.about(found[0], ctx.doc.pair) == P.ACTOR:
        found = [found[0], *([m for m in ms if not later_flows(ctx, kw, m)] for ms in found[1:])]
    answer = P.decide(found, ctx.doc.pair, at=ctx.amount.start)
    if answer == P.UNKNOWN:
        return continues_a_world_passage(found)
    if answer == P.PAIR and third_country_subject(ctx, kw):
        return True
    return answer == P.OTHER or (answer == P.PAIR and lone_country(ctx, kw, found))


def pair_by_anaphora(ctx: Context, span: Span, ms: list[P.Mention]) -> list[P.Mention]:
    """The mentions of a window that speaks of the pair without names ("der bilaterale
    Außenhandel", "взаимный товарооборот", "in a bilateral format and within the EAEU";
    concept ``pair_anaphora``): the pair's two countries, and the mentions ``ms`` bar the
    groups and world words no preposition makes a partner; ``ms`` as they are when the
    window names a country outside the pair or states a world total.

    Examples
    --------
    >>> from tradecheck.claims.context import Doc, contexts
    >>> t = "The bilateral foreign trade rose 5%."
    >>> ctx = contexts(Doc.read(t, t, "en", None, ("BLR", "CHN")))[0]
    >>> [m.key for m in ctx.doc.partners_in(ctx.sentence)]
    ['WORLD']
    >>> [m.key for m in pair_by_anaphora(ctx, ctx.sentence, ctx.doc.partners_in(ctx.sentence))]
    ['BLR', 'CHN']
    """
    pair = ctx.doc.pair
    if any(m.key not in pair and not m.group for m in ms) or any(
        m.key == P.WORLD_TOTAL for m in ms
    ):
        return ms
    hits = ctx.doc.cues_in("pair_anaphora", span.start, span.end)
    if not hits:
        return ms
    start, end, _label = hits[0]
    kept = [m for m in ms if not m.group or m.marked]
    return [*kept, *(P.Mention(iso, start, end) for iso in pair)]


def later_flows(ctx: Context, kw: Keyword | None, m: P.Mention) -> bool:
    """Whether mention ``m`` is the partner of a flow word of the same kind written after the
    amount, not of the amount's own (``kw``): "the country's exports dropped 2%, held back by
    falling exports to China" — China is the second flow's partner; the first figure is the
    nation's total. A later flow of the other kind ("exports were $3 bn, imports from Belarus
    $2 bn") lists the pair's two flows: its partner speaks for both.

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = "In 2023 Japan's exports fell 4%, held back by lower exports to China."
    >>> parse(t, pair=("JPN", "CHN"))
    []
    >>> [c.value for c in parse("In 2023 Japan's exports to China fell 4%.", pair=("JPN", "CHN"))]
    [-4.0]
    """
    a = ctx.amount
    if kw is None or not m.marked or m.start < a.end:
        return False
    later = ctx.doc.mentions.keywords.between(a.end, m.start)
    return any(k != kw and k.kind == kw.kind for k in later)


def third_country_subject(ctx: Context, kw: Keyword | None) -> bool:
    """Whether the amount's flow has one pair country as its partner only ("imports from
    Turkey", "из Узбекистана") and a country outside the pair as its subject, named before the
    flow word in the sentence ("in Egypt, where purchases from Turkey grew by a fifth"; "Kazakhstan
    comes first, buying goods from Uzbekistan for $2 billion"): that country's trade.

    True when the sentence names no pair country but as a partner (marked), all of them one
    country, and names a country outside the pair, unmarked, written as a name and not a
    statistics source, before the flow word.

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> parse("In 2023 Spain was second: imports from Turkey rose 40%.", pair=("TUR", "CHN"))
    []
    >>> len(parse("In 2023 imports from Turkey rose 40%, ahead of Spain.", pair=("TUR", "CHN")))
    1
    """
    if kw is None or not ctx.sentence.start <= kw.start:
        return False
    doc = ctx.doc
    ms = doc.partners_in(ctx.sentence)
    ours = [m for m in ms if m.key in doc.pair]
    if not ours or any(not m.marked for m in ours) or len({m.key for m in ours}) != 1:
        return False
    return any(
        m.key not in doc.pair and m.key not in P.WORLDS and not m.marked and m.end <= kw.start
        for m in _not_a_source(doc, ms)
        if _written_as_a_name(doc.text[m.start])
    )


def _written_as_a_name(first: str) -> bool:
    """Whether a mention's first character is that of a name: a capital letter or a Chinese
    character (a lower-case word that looks like a country, "даними", is no name)."""
    return first.isupper() or is_cjk(first)


def continues_a_world_passage(found: list[list[P.Mention]]) -> bool:
    """Whether a figure whose own sentence names no country or group continues an earlier
    sentence that names the world alone ("The foreign trade balance was negative. It came to
    $5.5 billion."; "Das Defizit im Außenhandel betrug ... Die Ausfuhren legten in dieser Zeit
    um 5 Prozent zu"): the passage is about a world total. ``found``: the mentions of
    :func:`windows`, the earlier sentence last. A figure whose own sentence names the world
    alone (a quote on "foreign trade") is left to the reader's context rules.

    Examples
    --------
    >>> w = P.Mention(P.WORLD, 0, 9, group=True)
    >>> continues_a_world_passage([[], [], [], [], [w]])
    True
    >>> continues_a_world_passage([[w], [w], [w], [w], []])
    False
    """
    *own, before = found
    return not any(own) and bool(before) and all(m.key in P.WORLDS for m in before)


#: what stands between a country and its own figure: "the US (about $248 bn)", "美国(约2480亿)",
#: "followed by Russia with $1.89 billion", a list whose verb is left out after a dash
#: ("to Chile for $40 million, to Peru – for $25 million")
_ATTACHED = re.compile(
    rf"\s*(?:[(（]|{L.source('with_word')}|[–—]\s*(?:{L.source('change_by')})?)\s*"
    rf"(?:(?:{L.source('approx')}|{L.source('more_than')}|{L.source('less_than')})\s*)?",
    re.IGNORECASE,
)
#: "with" (and an article) right after a figure: the partner the figure is with
_WITH_AFTER = re.compile(
    rf"\s*(?:{L.source('with_word')})\s+(?:(?:{L.source('article')})\s+)?", re.IGNORECASE
)


def world_of_the_pair(ctx: Context, span: Span) -> list[P.Mention]:
    """The countries and groups of ``span`` as they bear on the amount of ``ctx``.

    A stated total (:data:`partners.WORLD_TOTAL`) counts as a mere world word
    (:data:`partners.WORLD`: whose total, a wider window may say) after a percent, where it is
    the share's denominator ("6% of total imports"), and before the amount when its sentence
    has named the pair by then, by names or without ("trade in industrial goods between
    Belarus and China grew 20%, while overall trade reached $8.2 billion"; "the total trade of
    the two countries"): there it sums goods, not partners.

    Examples
    --------
    >>> from tradecheck.claims.context import Doc, contexts
    >>> t = "Total trade between the two countries rose 5%."
    >>> ctx = contexts(Doc.read(t, t, "en", None, ("BLR", "CHN")))[0]
    >>> [m.key for m in ctx.doc.partners_in(ctx.sentence)]
    ['WORLD_TOTAL']
    >>> [m.key for m in world_of_the_pair(ctx, ctx.sentence)]
    ['WORLD']
    """
    ms, a = ctx.doc.partners_in(span), ctx.amount
    if any(m.key in ctx.doc.pair and m.marked for m in ctx.doc.partners_in(ctx.sentence)):
        ms = [m for m in ms if not share_denominator(ctx.doc, m)]
    if not any(m.key == P.WORLD_TOTAL for m in ms):
        return ms
    named = _pair_named_before(ctx)
    percent = a.kind == "percent"
    return [
        replace(m, key=P.WORLD)
        if m.key == P.WORLD_TOTAL and (named if m.start < a.start else percent)
        else m
        for m in ms
    ]


#: how far after a percent the total it is a share of may start (:func:`share_denominator`)
DENOMINATOR_REACH = 40


def share_denominator(doc: Doc, m: P.Mention) -> bool:
    """Whether world mention ``m`` is the total a percent right before it is a share of
    ("making up 12% of all its exports", "ein Viertel der gesamten Einfuhren"):
    the amount nearest before it in its sentence, at most :data:`DENOMINATOR_REACH`
    characters before it, is a percent followed by the words of a share of a total
    (:data:`share.SHARE_OF_TOTAL`) that reach the mention. Such a total says whose total the
    share is of; in a sentence that names the pair's partner ("exports to China, a quarter of
    all exports") it does not make the sentence a world passage (:func:`world_of_the_pair`
    leaves it out).

    Examples
    --------
    >>> t = "Exports to China were $3 bn, or 12% of its total exports."
    >>> doc = Doc.read(t, t, "en", None, ("VNM", "CHN"))
    >>> [(m.key, share_denominator(doc, m)) for m in doc.partners_in(doc.sentence_of(0))]
    [('CHN', False), ('WORLD_TOTAL', True)]
    """
    if m.key not in P.WORLDS:
        return False
    ss = doc.sentence_of(m.start).start
    before = doc.mentions.amounts.between(max(ss, m.start - DENOMINATOR_REACH), m.start)
    last = max(before, key=lambda x: x.end, default=None)
    if last is None or last.kind != "percent" or last.end > m.start:
        return False
    words = SHARE_OF_TOTAL.match(doc.norm, last.end, m.end)
    return words is not None and m.start <= words.end() + 1


def _pair_named_before(ctx: Context) -> bool:
    """Whether the amount's sentence names the pair before the amount: both countries, or the
    pair without its names ("bilateral", "the two countries"); a headline on the line above,
    run into the sentence for want of a full stop, does not count."""
    a = ctx.amount
    before = Span(max(ctx.sentence.start, ctx.norm.rfind("\n", 0, a.start) + 1), a.start)
    keys = {m.key for m in ctx.doc.partners_in(before)}
    return set(ctx.doc.pair) <= keys or bool(_PAIR_ANAPHORA.search(ctx.norm, *before))


def attached_other(ctx: Context) -> bool:
    """Whether the amount is written in brackets right after a country or group outside the
    pair, as that one's own figure ("followed by the US (about $248 billion) and the
    Netherlands ($234 billion)").

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = "China was Germany's top partner in 2022, ahead of the US (about $248 billion)."
    >>> parse(t, pair=("DEU", "CHN"))
    []
    """
    a = ctx.amount
    prev = ctx.doc.mentions.partners.last_before(a.start)
    if prev is None or prev.end > a.start or a.start - prev.end > 24:
        return False
    if set(prev.key.split("|")) & set(ctx.doc.pair):
        return False
    return bool(_ATTACHED.fullmatch(ctx.norm, prev.end, a.start))


def with_other_after(ctx: Context) -> bool:
    """Whether the amount is followed right away by "with" and a country or group outside the
    pair, as that partner's figure ("a surplus of $7 billion with Canada and $3 billion with
    China": the first is Canada's).

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = "In 1995 Peru had a deficit of $2 billion with the United States and $1 billion "
    >>> [c.value for c in parse(t + "with China.", pair=("PER", "CHN"))]
    [-1000000000.0]
    """
    a = ctx.amount
    w = _WITH_AFTER.match(ctx.norm, a.end, min(ctx.clause.end, a.end + 16))
    if w is None:
        return False
    nxt = ctx.doc.mentions.partners.between(w.end(), w.end() + 1)
    return bool(nxt) and not set(nxt[0].key.split("|")) & set(ctx.doc.pair)


def before_the_pair(ctx: Context) -> bool:
    """Whether the amount stands before the text first names a country of the pair, in a text
    that names one later: a figure of the text's opening that gives no flow of the pair
    (a region's exports "in January-May", before "cooperation with China") is about
    something else. A text that never names the pair (a quote) is taken to be about it.

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = "Exports rose 10% in 2018. Supplies to China grew 30% in 2018."
    >>> [c.value for c in parse(t, pair=("BLR", "CHN"))]
    [30.0]
    >>> [c.value for c in parse("Exports rose 10% in 2018.", pair=("BLR", "CHN"))]
    [10.0]
    """
    doc = ctx.doc
    return bool(doc.pair_first) and not doc.pair_named_before(ctx.sentence.end)


#: "with" right before a country: its trade partner ("trade with China")
WITH_BEFORE_SHORT = re.compile(rf"(?:{L.source('with_word')})\s*$", re.IGNORECASE)
#: "bilateral", "the two countries", "双边": the pair without its names
_PAIR_ANAPHORA = L.pattern("pair_anaphora")

#: how far into a text its opening side is looked for (:func:`speaks_for`)
OPENING = 400


def speaks_for(doc: Doc, end: int) -> str | None:
    """The pair country the text opens from: the first one (in its first :data:`OPENING`
    characters, before ``end``) followed in its sentence by the other as the partner
    ("Uzbekistan's trade with China", "товарооборот Узбекистана с Китаем"); an unmarked
    "exports" later in the text are then its exports. None when the opening does not say.

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = "Uzbekistan's trade with China reached $5 bn in 2023. Exports were $1 bn."
    >>> parse(t, pair=("UZB", "CHN"))[1].direction
    'UZB->CHN'
    """
    named = [x for x in doc.countries_in(0, min(end, OPENING)) if x.iso in doc.pair]
    for c, nxt in pairwise(named):
        if nxt.iso != doc.other(c.iso) or nxt.start - c.end > 60:
            continue
        same = doc.sentence_of(c.start) == doc.sentence_of(nxt.start)
        if same and WITH_BEFORE_SHORT.search(doc.norm[max(0, nxt.start - 8) : nxt.start]):
            return c.iso
    return None


def _not_a_source(doc: Doc, ms: list[P.Mention]) -> list[P.Mention]:
    """The mentions that are not part of a statistics source ("по данным белорусской
    статистики": the country of the source, not a party to the trade)."""
    return [m for m in ms if not in_source(doc, m)]


#: how far after a statistics-source cue's start its country may stand (:func:`in_source`)
SOURCE_REACH = 30


def in_source(doc: Doc, m: P.Mention) -> bool:
    """Whether mention ``m`` is the country of a statistics-source cue that starts at most
    :data:`SOURCE_REACH` characters before it: a cue names one country, the first after its
    start, so a country named after that one is a party to the trade ("据日本海关统计, …,
    日本货物进出口额…": the second 日本 is Japan's own trade).

    Examples
    --------
    >>> from tradecheck.claims.context import Doc
    >>> t = "据日本海关统计,2015年上半年日本进出口额下降15%。"
    >>> doc = Doc.read(t, t, "zh", None, ("JPN", "CHN"))
    >>> [in_source(doc, m) for m in doc.mentions.partners.items]
    [True, False]
    """
    hits = doc.mentions.reporter_hits.between(m.start - SOURCE_REACH, m.end)
    if not hits:
        return False
    first = hits[-1][0]
    return not any(x.end <= m.start for x in doc.mentions.partners.between(first, m.start))


def _both_unpaired(ctx: Context, ms: list[P.Mention]) -> bool:
    """Whether a window before the amount's sentence names both pair countries, neither as the
    other's partner ("China stays the biggest customer of Vietnamese firms"): it does not say
    whose trade a later figure is. A window that calls them a pair ("Kenya-China bilateral
    trade", "the two countries") does: the passage is about the pair."""
    if ms[0].start >= ctx.sentence.start or any(m.marked for m in ms):
        return False
    if _PAIR_ANAPHORA.search(ctx.norm, *ctx.doc.sentence_of(ms[0].start)):
        return False
    return {m.key for m in ms} == set(ctx.doc.pair)


def names_actor(ctx: Context, iso: str) -> bool:
    """Whether the amount's sentence names ``iso`` itself, unmarked and not as a statistics
    source ("Vietnam's exports hit $48 billion"): a text written from that country's side
    (:func:`speaks_for`) reads its bare "exports" as going to the pair's other country, but
    a sentence that names the country again without a partner speaks of its own trade.

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = "Vietnam's trade with China reached $150 bn in 2023. Exports were $60 bn.\\n"
    >>> t += "Vietnam stayed an export hub. In 2023 Vietnam's exports totalled $350 bn."
    >>> [c.value for c in parse(t, pair=("VNM", "CHN"))]
    [150000000000.0, 60000000000.0]
    """
    ms = _not_a_source(ctx.doc, ctx.doc.partners_in(ctx.sentence))
    return any(m.key == iso and not m.marked for m in ms)


#: a destination or origin word right after a flow word ("exports to this country")
_TOWARDS = re.compile(rf"^\s*(?:{L.source('destination')}|{L.source('origin')})", re.IGNORECASE)


def lone_country(ctx: Context, kw: Keyword | None, found: list[list[P.Mention]]) -> bool:
    """Whether the amount's paragraph speaks of one country of the pair alone, in a text
    that names the other elsewhere: "China's exports rose 15% in May", in a paragraph on
    China's foreign trade of an article on Kazakhstan–China trade, is China's world total.

    True when every window naming a country names just that one, unmarked
    (:data:`partners.ACTOR`); its paragraph, up to the end of the amount's sentence, never
    names the other (but as the partner of a later flow of the same kind, :func:`later_flows`);
    the sentence does not speak of the pair without names ("bilateral", "the two countries");
    the text does not open from that country's side (:func:`speaks_for`) unless the sentence
    names the country again (:func:`names_actor`); no region is in effect; and the flow word
    points to no partner ("exports to this country").
    """
    named = [kept for ms in found if (kept := _not_a_source(ctx.doc, ms))]
    named = [ms for ms in named if not _both_unpaired(ctx, ms)]
    if not named or any(P.about(ms, ctx.doc.pair) != P.ACTOR for ms in named):
        return False
    keys = {m.key for ms in named for m in ms}
    if len(keys) != 1 or _PAIR_ANAPHORA.search(ctx.norm, *ctx.sentence):
        return False
    one = next(iter(keys))
    if speaks_for(ctx.doc, ctx.amount.start) == one and not names_actor(ctx, one):
        return False  # a text written from that side: its bare "exports" are to the other
    other = ctx.doc.other(one)
    if not any(iso == other for iso, _start in ctx.doc.pair_first):
        return False
    if kw is not None and _TOWARDS.match(ctx.norm[kw.end : kw.end + 25]):
        return False
    if region_at(ctx.doc, ctx.amount.start) is not None:
        return False
    ss = ctx.sentence.start
    # a sentence may start at the line break that opens its paragraph
    para_start = max(ctx.norm.rfind("\n", max(0, ss - PARAGRAPH), ss + 1), ss - PARAGRAPH, 0)
    para = ctx.doc.partners_in(Span(para_start, ctx.sentence.end))
    return not any(m.key == other and not later_flows(ctx, kw, m) for m in para)
