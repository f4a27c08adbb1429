"""The level a change is measured from: its period is the change's base period.

"up 11% from $1.73 billion in the same period of the previous year", "against exports of $2.04
billion during last year", "as compared with the same period in 2021, which was $12.55
billion", "13.6% lower than last year's $32.4 billion", "In the same period last year, exports
totalled $530 million": the amount is the level of the comparison base, so its period is the
base of the figure it is compared with, not that figure's period. Words come from the language
files (``base_marker``, ``level_from``, ``level_to``, ``same_period_last_year``); what is written
here is structure: how close the base expression stands to the amount.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tradecheck.claims import lexicon as L
from tradecheck.claims._periods import PeriodMention, same_period_start
from tradecheck.claims.context import Context
from tradecheck.claims.mentions import Amount
from tradecheck.claims.resolve.multiyear import multiyear_cues
from tradecheck.claims.sentences import marks

__all__ = [
    "Tied",
    "dated_comparison_level",
    "from_level_dated",
    "from_level_year",
    "new_level_after",
    "tied_base",
    "yoy_after_new_level",
    "yoy_opening",
]

_I = re.IGNORECASE
#: a comparison word before the level, with a short noun phrase between ("compared to the
#: exports of $1.1 billion", "from $7.3 billion", "lower than last year's $32.4 billion"); the
#: phrase holds no digit and no mark of a clause end (a comma, semicolon, colon, "!", "?" or a
#: bracket: ``sentences.PUNCT``) -- a full stop may stand in it ("U.S. exports")
_LEAD_GAP = marks("semicolon", "colon", "exclamation", "question", "open_paren", "close_paren")
_LEAD = re.compile(
    rf"(?:{L.source('base_marker')}|{L.source('level_from')})(?![^\W\d_])"
    rf"[^\d{_LEAD_GAP}{marks('comma')}]{{0,40}}$",
    _I,
)
#: a bound is no comparison: "up 5% to over $5 billion"
_BOUND = re.compile(
    rf"(?:{L.source('more_than')}|{L.source('less_than')})\s*[$€]?\s*$", re.IGNORECASE
)
#: how far before the level its comparison word may stand
_LEAD_REACH = 56
#: what may stand between the level and its base period: up to two words ("in", "recorded
#: during"), no digit, no punctuation
_GAP_AFTER = r"[\s(]*(?:[^\W\d_]+\s+){0,2}"
#: a year-on-year base right after the level ("from $7.3 billion in the same period of last
#: year")
_YOY_AFTER = re.compile(
    rf"{_GAP_AFTER}(?:{L.source('same_period_last_year')}|{L.source('previous_year')})", _I
)
_GAP_AFTER_RX = re.compile(_GAP_AFTER)
#: what may stand between a base period and the level after it ("which was", "'s"): at most
#: two words, no "to" ("compared with 2021 to $10 billion" is a new level) and no "and"
#: ("compared with 2021 and reached $5 billion": the level is of the period compared)
_GAP_BEFORE = re.compile(r"['’]?[^\W\d]{0,2}(?:\s*[^\W\d]+){0,2}\s*[$€]?\s*")
_NEW_LEVEL = re.compile(
    rf"(?<![^\W\d_])(?:{L.source('level_to')}|{L.source('and_word')})(?![^\W\d_])", _I
)
#: how far after the level its base period may start
_AFTER_REACH = 40
#: a year-on-year cue opening a clause or sentence ("In the same period last year, ..."),
#: after at most one word
_YOY_OPENING = re.compile(rf"[\W_]*(?:[^\W\d_]+\s+)?(?:{L.source('same_period_last_year')})", _I)
#: amounts that are levels
_LEVELS = ("money", "money_gt", "bare")
#: "from $X ... to $Y", "было $X, стало $Y": the first of two levels of a from-to construction
_FROM_BEFORE = re.compile(rf"(?:{L.source('level_from')})\s*(?:(?:{L.source('approx')})\s+)?$", _I)
_TO_BETWEEN = L.pattern("level_to")
#: how far before the starting level its "from" word may stand
_FROM_REACH = 14
#: amounts that are changes
_CHANGES = ("percent", "ratio", "ratio_word")


@dataclass(frozen=True)
class Tied:
    """The base expression a comparison level is written with: a written period ``mention``
    or, when ``mention`` is None, a year-on-year cue (the same months a year earlier)."""

    mention: PeriodMention | None


def _lead(ctx: Context, upto: int) -> bool:
    """Whether a comparison word stands right before ``upto`` (the amount, or the base period
    written before it), after another amount of its sentence, with at most a short noun
    phrase between."""
    a, ss = ctx.amount, ctx.sentence.start
    prev = ctx.doc.mentions.amounts.last_before(a.start)
    if prev is None or prev.end <= ss or prev.end > upto:
        return False
    lo = max(prev.end, upto - _LEAD_REACH)
    if _BOUND.search(ctx.norm, lo, a.start):
        return False
    return bool(_LEAD.search(ctx.norm, lo, upto))


def _after(ctx: Context) -> Tied | None:
    """The base written right after the level: a year-on-year cue, or a period that is a
    base or a year before ("during last year", "in the previous financial year")."""
    a, norm = ctx.amount, ctx.norm
    end = min(ctx.sentence.end, a.end + _AFTER_REACH)
    if _YOY_AFTER.match(norm, a.end, end):
        return Tied(None)
    for p in ctx.doc.mentions.periods.between(a.end, end):
        # the gap may end in "the same period in" ("$18.6 billion during the same period in 2012")
        if not _GAP_AFTER_RX.fullmatch(norm, a.end, same_period_start(norm, p.start)):
            return None
        return Tied(p) if p.is_base or (p.rel is not None and p.rel < 0) else None
    return None


def _before(ctx: Context) -> Tied | None:
    """A base period written between the comparison word and the level ("against the same
    months of 2021, when it stood at $9 billion", "than last year's $20 billion")."""
    a, norm = ctx.amount, ctx.norm
    lo = max(ctx.sentence.start, a.start - _LEAD_REACH)
    ps = [p for p in ctx.doc.mentions.periods.between(lo, a.start) if p.end <= a.start]
    if not ps or not (ps[-1].is_base or (ps[-1].rel is not None and ps[-1].rel < 0)):
        return None
    p = ps[-1]
    if not _GAP_BEFORE.fullmatch(norm, p.end, a.start) or _NEW_LEVEL.search(norm, p.end, a.start):
        return None
    return Tied(p) if _lead(ctx, p.start) else None


def new_level_after(ctx: Context) -> Amount | None:
    """The new level of a from-to construction whose starting level is ``ctx``'s amount
    ("from $X ... to $Y": $Y); None when the amount is no starting level."""
    a, t = ctx.amount, ctx.norm
    if not _FROM_BEFORE.search(t[max(ctx.sentence.start, a.start - _FROM_REACH) : a.start]):
        return None
    later = [
        x for x in ctx.doc.mentions.amounts.between(a.end, ctx.sentence.end) if x.kind in _LEVELS
    ]
    return later[0] if later and _TO_BETWEEN.search(t[a.end : later[0].start]) else None


def _dated_right_after(ctx: Context) -> bool:
    """Whether a written period with a year, no base, follows the amount after at most two
    words ("$5 billion in 2023", "5 млрд долларов по итогам 2023 года")."""
    a, norm = ctx.amount, ctx.norm
    end = min(ctx.sentence.end, a.end + _AFTER_REACH)
    for p in ctx.doc.mentions.periods.between(a.end, end):
        if not _GAP_AFTER_RX.fullmatch(norm, a.end, p.start):
            return False
        return not p.is_base and p.year is not None
    return False


def dated_comparison_level(ctx: Context) -> bool:
    """Whether the amount is the comparison level of the figure before it in its sentence
    with a period of its own ("to bring trade to $10 billion by 2030 from $5 billion in 2023",
    "довести до 10 млрд против 5 млрд по итогам 2023 года"): an outcome, even when the figure
    it is compared with is a target.

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = "The two sides aim to lift trade to $9 billion by 2030 from $4.2 billion in 2021."
    >>> [(c.value, c.period.start) for c in parse(t, pair=("BLR", "CHN"))]
    [(4200000000.0, '2021-01')]
    """
    return ctx.amount.kind in _LEVELS and _lead(ctx, ctx.amount.start) and _dated_right_after(ctx)


def from_level_dated(ctx: Context) -> bool:
    """Whether the starting level of a from-to construction names its own period right after
    it ("from $127 million in February 2023 to $119 million in the same month this year"): a
    written period, no base, after at most two words.

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = ("Exports from Belarus to China fell from $12.7 million in March 2021 to "
    ...      "$11.8 million in the same month of this year.")
    >>> [c.value for c in parse(t, as_of="2022-05-01")][:1]
    [12700000.0]
    """
    return _dated_right_after(ctx)


def from_level_year(ctx: Context) -> int | None:
    """The year of the starting level of a from-to construction that names no period of its
    own, from a cue of several years written before it in its sentence
    (:func:`~.multiyear.multiyear_cues`): the first year of a range ("between 2014 and
    2023 exports rose from $31 million to $1.6 billion": 2014) or the year after "since"
    ("seit 2004 von 18 auf 37 Mrd. Euro im Jahr 2011": 2004). None when the amount starts no
    from-to, names its own period, or a figure or another period stands between the cue and
    the amount.

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = "Between 2014 and 2023 Serbia's exports to China rose from $31 million to $1.6 billion."
    >>> [(c.value, c.period.start) for c in parse(t, pair=("SRB", "CHN"))]
    [(31000000.0, '2014-01'), (1600000000.0, '2023-01')]
    """
    a = ctx.amount
    if a.kind not in _LEVELS or new_level_after(ctx) is None or _dated_right_after(ctx):
        return None
    cues = [c for c in multiyear_cues(ctx, 0) if not c[3] and c[1] <= a.start]
    if not cues:
        return None
    _start, end, year, _span = max(cues, key=lambda c: c[1])
    doc = ctx.doc
    if doc.mentions.amounts.between(end, a.start) or doc.mentions.periods.between(end, a.start):
        return None
    return year


def yoy_after_new_level(ctx: Context, later: Amount | None = None) -> bool:
    """Whether a year-on-year cue follows the new level of the from-to construction ``ctx``'s
    amount starts, and a change stands before the amount in its clause ("rose 39.8 percent
    from $5.5 billion to $7.7 billion year-on-year"): the starting level is of the change's
    base period.

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = ("In the first half of 2019 Belarus's imports from China rose 12 percent from "
    ...      "$1.5 billion to $1.68 billion year-on-year.")
    >>> [(c.value, c.period.start) for c in parse(t)][1]
    (1500000000.0, '2018-01')
    """
    later = later or new_level_after(ctx)
    if later is None:
        return False
    end = min(ctx.sentence.end, later.end + _AFTER_REACH)
    if not _YOY_AFTER.match(ctx.norm, later.end, end):
        return False
    cs, a = ctx.clause.start, ctx.amount
    return any(x.kind in _CHANGES for x in ctx.doc.mentions.amounts.between(cs, a.start))


def tied_base(ctx: Context) -> Tied | None:
    """The base expression ``ctx``'s amount is the level of, None when it is no comparison
    level.

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = ("Exports to China reached $1.9 billion in the first half of this year, up 11% "
    ...      "from $1.7 billion in the same period of the previous year.")
    >>> [c.period.start for c in parse(t, as_of="2022-08-03", pair=("PAK", "CHN"))]
    ['2022-01', '2022-01', '2021-01']
    """
    if ctx.amount.kind not in _LEVELS:
        return None
    after = _after(ctx) if _lead(ctx, ctx.amount.start) else None
    if after is None and yoy_after_new_level(ctx):
        return Tied(None)  # "rose 5% from $X to $Y year-on-year": $X is of the base period
    return after or _before(ctx)


def yoy_opening(ctx: Context) -> bool:
    """Whether ``ctx``'s clause or sentence opens with a year-on-year cue as its time ("In the
    same period last year, exports totalled $530 million", "上年同期为11亿美元") and holds no
    change before the amount: the level is of the same months a year earlier.

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = ("In the first half of 2010 exports to China rose 105%. In the same period last "
    ...      "year, exports to China totalled $530 million.")
    >>> parse(t, pair=("TUR", "CHN"))[-1].period
    Period(start='2009-01', end='2009-06')
    """
    a = ctx.amount
    if a.kind not in _LEVELS:
        return False
    for start in (ctx.clause.start, ctx.sentence.start):
        if _YOY_OPENING.match(ctx.norm, start, a.start):
            between = ctx.doc.mentions.amounts.between(start, a.start)
            return not any(x.kind in _CHANGES for x in between)
    return False
