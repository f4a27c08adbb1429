"""Whether an amount is a trade value at all (not a target, an investment, a price, a volume).

The cue families come from the language files (``not_trade_strong``, ``not_trade_weak``,
``price``, ``physical``; see ``mentions.CUE_FAMILIES``).
"""

from __future__ import annotations

import re

from tradecheck.claims import _vocab as V
from tradecheck.claims import lexicon as L
from tradecheck.claims.abs_change import abs_change_sign
from tradecheck.claims.context import Context
from tradecheck.claims.mentions import Amount
from tradecheck.claims.ranges import in_range
from tradecheck.claims.resolve.balance import MINUS_BEFORE, after_balance_word, is_balance
from tradecheck.claims.resolve.base_level import (
    dated_comparison_level,
    from_level_dated,
    from_level_year,
    new_level_after,
    yoy_after_new_level,
)
from tradecheck.claims.resolve.base_period import from_to_periods
from tradecheck.claims.resolve.quantity import quantity
from tradecheck.claims.sentences import Span

__all__ = [
    "BALANCE_REACH",
    "MIN_UNSCALED",
    "QUALIFIER_LEAD",
    "balance_subject",
    "carried_not_trade",
    "changes_a_balance",
    "changes_a_balance_by",
    "converts_no_trade_value",
    "in_physical_terms",
    "is_trade_value",
    "qualifies_no_trade_value",
    "scale_left_out",
]

#: what may stand between a change and a money amount in brackets right after it
_BRACKET_OPEN = re.compile(
    rf"\s*\(\s*(?:(?:{L.source('approx')}|{L.source('more_than')}|{L.source('less_than')})\s*)?$",
    re.IGNORECASE,
)
#: a word excluding the product written right after it ("non-potash", "некалийный", "非钾肥")
_EXCLUDING_BEFORE = re.compile(rf"(?:{L.source('excluding')})[\s\-«»\"„“”']*$", re.IGNORECASE)
_TO_AFTER = re.compile(rf"^\s*(?:{L.source('amount_to')})\s*", re.IGNORECASE)


def is_trade_value(ctx: Context) -> bool:
    """False when the amount's clause marks it as something other than a trade value.

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> parse("Investment in the park reached $1.2 billion in 2023.")
    []
    """
    if _cue_applies(ctx, "not_trade_weak", ctx.clause) or ctx.cue_in("per_day"):
        return False
    if in_range(ctx.norm, ctx.amount.start, ctx.amount.end):
        return False  # "13-14%": one end of a range
    if _cue_applies(ctx, "not_trade_strong", ctx.clause) and not dated_comparison_level(ctx):
        return False  # "to bring trade to $10 bn from $5 bn in 2023": the base is an outcome
    if _cue_applies(ctx, "not_trade_strong", ctx.prev_clause) or carried_not_trade(ctx):
        return False
    if qualifies_no_trade_value(ctx):
        return False
    if excluded_product(ctx):
        return False
    if ctx.amount.kind in ("money", "money_gt"):
        if converts_no_trade_value(ctx) or changes_a_balance_by(ctx):
            return False
        return not (scale_left_out(ctx) or _from_level(ctx) or bracketed_after_change(ctx))
    if ctx.amount.kind in ("percent", "ratio", "ratio_word"):
        return not (_about_volumes_or_prices(ctx) or changes_a_balance(ctx))
    return True


def _cue_applies(ctx: Context, name: str, span: Span | None) -> bool:
    """Whether a not-trade cue of family ``name`` in ``span`` speaks of the amount: one written
    before the amount in its clause does; one written after it, or in an earlier clause, does
    not when a figure of its own follows it in its clause ("sold $13.5 million of goods against
    a target of $5.6 million": the target is the second figure).

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = "In 2018 the region sold goods worth $13.5 million to China against a target of "
    >>> [c.value for c in parse(t + "$5.6 million.", pair=("BLR", "CHN"))]
    [13500000.0]
    """
    if span is None:
        return False
    a = ctx.amount
    for s, e, _ in ctx.doc.cues_in(name, span.start, span.end):
        if s < a.start and span == ctx.clause:
            return True
        if not ctx.doc.mentions.amounts.between(e, ctx.doc.clause_of(e).end):
            return True
    return False


def carried_not_trade(ctx: Context) -> bool:
    """Whether a non-trade cue of an earlier clause still governs the amount: the sentence
    names no flow ("trade", "exports") before the amount and a cue before it ("investments
    increased fourfold, reaching $9 billion"; "30 projects, both finished and ongoing, worth
    a total of $8 billion"), or the amount's clause names no flow and the clause before it
    gives an average per day ("exports were $130 million per day, up 18.5%").

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> parse("Chinese investments in Belarus grew fourfold, reaching $9 billion in 2022.")
    []
    >>> len(parse("Investment grew, and trade between Belarus and China reached $5 bn in 2023."))
    1
    """
    s, a = ctx.sentence.start, ctx.amount.start
    kws, doc = ctx.doc.mentions.keywords, ctx.doc
    if not kws.between(s, a):
        return bool(doc.cues_in("not_trade_weak", s, a) or doc.cues_in("per_day", s, a))
    cs, ce = ctx.clause
    return ctx.cue_in("per_day", ctx.prev_clause) and not kws.between(cs, ce)


def _forecast_level(ctx: Context) -> bool:
    """Whether a target or forecast cue of the amount's own clause, written before it, marks
    it as no outcome ("is projected at $46.5 billion", "agreed to boost trade to $25 billion")."""
    a, (cs, _ce) = ctx.amount, ctx.clause
    cues = ctx.doc.cues_in("not_trade_strong", cs, a.start)
    # "sold $13.5 million against a target of $5.6 million, up 20%": the change is the outcome's
    return bool(cues) and not ctx.doc.mentions.amounts.between(cs, cues[0][0])


#: how far into its clause a qualifying figure may stand (", up ", ", including ")
QUALIFIER_LEAD = 24


def qualifies_no_trade_value(ctx: Context) -> bool:
    """Whether the amount only qualifies a target or forecast written as money in an earlier
    clause of its sentence (:func:`_forecast_level`): it stands near its clause's start, its
    clause names no flow word and no period before it, and that figure is the nearest before
    it ("export value is projected at $18.5 billion, up 7.9 percent"; "agreed to boost trade
    to $25 billion, including $5 billion with the province").

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = "Belarus's exports to China are expected to reach $3 billion in 2026, up 9 percent."
    >>> parse(t, pair=("BLR", "CHN"))
    []
    """
    doc, a, (cs, ce) = ctx.doc, ctx.amount, ctx.clause
    if a.start - cs > QUALIFIER_LEAD or doc.mentions.keywords.between(cs, ce):
        return False
    if doc.mentions.periods.between(cs, a.start):
        return False  # "..., in 2017 supplies were $3.9 million": a figure of its own
    prev = doc.mentions.amounts.last_before(a.start)
    if prev is None or prev.kind not in ("money", "money_gt") or prev.start < ctx.sentence.start:
        return False
    return prev.end <= cs and _forecast_level(Context.of(doc, prev))


#: how far before a change its balance word is looked for (:func:`changes_a_balance`)
BALANCE_REACH = 80


def changes_a_balance(ctx: Context) -> bool:
    """Whether a change is a trade balance's ("the surplus rose 48%"; "the surplus was $20.5
    billion. That is 42.3% more than a year before"): the claim schema has no such quantity.

    True when no flow word stands before the amount in its sentence and either a balance word
    does, in its clause and after the figure before it, or that figure (in this sentence or
    the one before, with no flow word between) is a balance.

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = "In 2023 Russia's surplus with China was $20 billion. That is 40% more than in 2022."
    >>> [c.quantity for c in parse(t, pair=("RUS", "CHN"))]
    ['balance']
    """
    doc, a, (ss, _se) = ctx.doc, ctx.amount, ctx.sentence
    if a.kind not in ("percent", "ratio", "ratio_word"):
        return False
    prev = doc.mentions.amounts.last_before(a.start)
    if balance_subject(ctx, prev.end if prev else 0):
        return True
    lo = max(ctx.clause.start, a.start - BALANCE_REACH, prev.end if prev else 0)
    word = V.BALANCE_KW.search(ctx.norm, lo, a.start) if lo < a.start else None
    if not word and (prev is None or prev.kind not in ("money", "money_gt")):
        return False  # the common case, settled without a lookup of flow words
    if doc.mentions.keywords.between(ss, a.start):
        return False
    if word or prev is None:
        return bool(word)
    if prev.start < doc.sentence_of(max(0, ss - 1)).start:
        return False
    return not doc.mentions.keywords.between(prev.end, a.start) and is_balance(
        Context.of(doc, prev)
    )


def balance_subject(ctx: Context, after: int) -> bool:
    """Whether the change's subject is a balance named further back in its sentence ("Ghana's
    trade deficit with Nigeria, over the first nine months, narrowed by 6 per cent";
    "the gap between imports and exports widened by 12 percent"): the last balance word
    before the amount, after ``after`` (the end of the figure before it), and no flow word
    between that word and the amount ("the deficit narrowed as exports grew 5%" is a change
    of exports). Balance words are found once per text (cue family ``balance``).

    Kind counted on the studied parts of L and M: 2 spurious changes of a balance in 2
    records (en) whose balance word stood more than :data:`BALANCE_REACH` characters or a
    clause before the change.

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = "In May 2024 Ghana's exports to Nigeria came to $40 million. Ghana's trade "
    >>> t += "deficit with Nigeria, over the first five months of 2024, narrowed by 6%."
    >>> [c.value for c in parse(t, pair=("GHA", "NGA"), as_of="2024-07-01")]
    [40000000.0]
    >>> t = "In 2024 the deficit with Nigeria narrowed as Ghana's exports to Nigeria grew by 7%."
    >>> [c.value for c in parse(t, pair=("GHA", "NGA"))]
    [7.0]
    """
    doc, a = ctx.doc, ctx.amount
    words = doc.cues_in("balance", max(ctx.sentence.start, after), a.start)
    return bool(words) and not doc.mentions.keywords.between(words[-1][1], a.start)


def changes_a_balance_by(ctx: Context) -> bool:
    """Whether money is the change of a trade balance ("the deficit grew by $4.5 billion",
    "дефицит вырос на 4,5 млрд долларов", "the deficit was $54 billion, exceeding 2023's by
    $5 billion"): the claim schema has no such quantity.

    True when the amount is an absolute change (:func:`abs_change.abs_change_sign`: "by",
    "на" with a change word) and a balance word stands before it in its sentence with no
    export or import word between ("the surplus narrowed as exports fell by $5 billion" is a
    change of exports; "the deficit in trade with China grew by ..." is the balance's).

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> parse("In 2024 Belarus's trade deficit with China grew by $4.5 billion.")
    []
    >>> [c.quantity for c in parse("In 2024 Belarus's exports to China grew by $1.5 billion.")]
    ['abs_change']
    """
    a, (ss, _se) = ctx.amount, ctx.sentence
    if after_balance_word(ctx.norm[ss : a.start]) is None:
        return False
    before = ctx.norm[max(ctx.clause.start, a.start - 100) : a.start]
    if MINUS_BEFORE.search(before):
        return False  # "the balance came to minus $2.1 billion": the balance's own sign
    return abs_change_sign(before, ctx.after(30)) is not None


#: below this many currency units, money written without a scale word is no trade figure
#: between countries: the scale word was left out ("imported $9.551" for $9.551 billion)
MIN_UNSCALED = 10_000


def scale_left_out(ctx: Context) -> bool:
    """Whether a money amount without a scale word is too small to be a trade figure.

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> parse("In June 2022 Russia exported $9.551 to China.", pair=("RUS", "CHN"))
    []
    """
    a = ctx.amount
    return a.unit == 1 and abs(a.value) < MIN_UNSCALED


def excluded_product(ctx: Context) -> bool:
    """ "non-potash exports were $443 million": the product nearest before the amount is
    excluded, so the figure is about the goods other than it, which no scope names."""
    hits = ctx.doc.cues_in("product", ctx.sentence.start, ctx.amount.start)
    if not hits:
        return False
    last = max(h[0] for h in hits)
    return bool(_EXCLUDING_BEFORE.search(ctx.norm[max(0, last - 24) : last]))


def bracketed_after_change(ctx: Context) -> bool:
    """ "rose by 4% (about $680 million)": money in brackets right after a change may be the
    new level or the increase itself; the text does not say which, so it is no claim.

    A money amount introduced by a preposition ("(to $680 million)", "(by $30 million)") is
    not in brackets alone and stays read; so is one after a share or a percent that is no
    change (:func:`reads_as_change`).
    """
    a = ctx.amount
    prev = ctx.doc.mentions.amounts.last_before(a.start)
    if prev is None or prev.kind not in ("percent", "ratio", "ratio_word"):
        return False
    if prev.end > a.start or not _BRACKET_OPEN.fullmatch(ctx.norm[prev.end : a.start]):
        return False
    return reads_as_change(ctx, prev)


def reads_as_change(ctx: Context, prev: Amount) -> bool:
    """Whether ``prev``, the figure right before the amount of ``ctx``, reads as a change
    (:func:`resolve.quantity.quantity`): only then may money in brackets after it be the
    change's new level or its increase. After a share ("China's share reached 14.7% ($9.0
    billion)") or a percent that is no claim, the money is the level of the flow itself.

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = "In 2021 Chile's share in China's imports reached 2.5% ($60 billion)."
    >>> [(c.quantity, c.value) for c in parse(t, pair=("CHL", "CHN"))]
    [('share', 2.5), ('level', 60000000000.0)]
    """
    q = quantity(Context.of(ctx.doc, prev))
    return q is not None and q[0] != "share"


def _from_level(ctx: Context) -> bool:
    """ "from $172m ... to $94m": the starting level of a change to a later amount, when the
    text gives the two levels no periods of their own. "from $10.5 billion in 2015-16 to $19.2
    billion in 2022-23" holds two levels, each a claim of its period
    (:func:`base_period.from_to_periods`)."""
    later = new_level_after(ctx)
    if later is None or from_to_periods(ctx, ctx.amount, later) is not None:
        return False
    if from_level_year(ctx) is not None:
        return False  # "between 2014 and 2023 … from $31m to $1.6bn": 2014's level
    return not (from_level_dated(ctx) or yoy_after_new_level(ctx, later))


def in_physical_terms(ctx: Context) -> bool:
    """Whether a physical-terms cue ("in physical terms", "в натуральном выражении") in the
    clause governs the amount. When the clause names value terms too, one per amount ("4.2
    times in value terms and 5.1 times in volume", "wertmäßig um 42 %, mengenmäßig um 51 %"),
    the terms pair with the amounts in order; otherwise the physical cue holds for all.

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = "In 2019 Belarus's exports to China rose 4 times in value terms and 5 times by volume."
    >>> [c.value for c in parse(t)]
    [4.0]
    """
    doc, a, (cs, ce) = ctx.doc, ctx.amount, ctx.clause
    phys = [(h[0], True) for h in doc.cues_in("physical", cs, ce)]
    value = [(h[0], False) for h in doc.cues_in("value_terms", cs, ce)]
    if not phys or not value:
        return bool(phys)
    starts = [x.start for x in doc.mentions.amounts.between(cs, ce) if x.kind != "physical"]
    cues = sorted(phys + value)
    if len(cues) != len(starts) or a.start not in starts:
        return True
    return cues[starts.index(a.start)][1]


#: an opening bracket and a few words before a converted amount ("(约合人民币", "(rund")
_CONVERSION_OPEN = re.compile(r"\s*[(（][^\d()（）]{0,12}")


def converts_no_trade_value(ctx: Context) -> bool:
    """Whether the amount, money in brackets right after money in another currency, converts
    a figure that is no trade value ("a target of $42 billion (about 291.6 billion yuan)"): a
    conversion is a trade value only when what it converts is one.

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = "Vietnam aims at farm exports of $42 billion (about 291.6 billion yuan) in 2025."
    >>> parse(t, pair=("VNM", "CHN"))
    []
    """
    a, doc = ctx.amount, ctx.doc
    prev = doc.mentions.amounts.last_before(a.start)
    if prev is None or prev.kind not in ("money", "money_gt") or prev.currency == a.currency:
        return False
    if prev.end > a.start or not _CONVERSION_OPEN.fullmatch(ctx.norm, prev.end, a.start):
        return False
    return not is_trade_value(Context.of(doc, prev))


def _about_volumes_or_prices(ctx: Context) -> bool:
    """Whether a change or share is about prices or physical volumes (tonnes, m³)."""
    if ctx.cue_in("price") or in_physical_terms(ctx):
        return True
    a, m = ctx.amount, ctx.doc.mentions
    cs, ce = ctx.clause
    if _TO_AFTER.match(ctx.norm[a.end : ce]):
        tgt = m.amounts.first_from(a.end)
        if tgt and tgt.start < ce and tgt.kind == "physical":
            return True
    if not any(x.kind != "physical" for x in m.money_like.between(cs, ce)):
        prev = m.money_like.last_before(cs)
        if prev and prev.start >= ctx.sentence.start and prev.kind == "physical":
            return True
    return False
