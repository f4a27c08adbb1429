"""Quantity: what kind of figure an amount is, with its value as the claim states it.

level (money), abs_change ("up by $1 bn"), balance, share, pct_change (a change in percent or
a growth index "113% of 2021" = +13) and ratio (new / base: "2.2-fold", "halved" = 0.5).
"""

from __future__ import annotations

import math
import re

from tradecheck.claims import _vocab as V
from tradecheck.claims import lexicon as L
from tradecheck.claims.abs_change import abs_change_sign
from tradecheck.claims.context import Context
from tradecheck.claims.gapping import LOOKBACK, gapped_quantity, parallel_sign, subject_start
from tradecheck.claims.mentions import Amount, scaled
from tradecheck.claims.multiples import increase_by_times
from tradecheck.claims.resolve.balance import balance_changed, balance_clause, is_balance
from tradecheck.claims.resolve.share import (
    SHARE_OF_TOTAL,
    listed_share,
    share_in_sentence,
    share_level,
    share_of_countrys_flow,
    share_of_flow,
    share_word_after,
)
from tradecheck.claims.respective import complement_joined

__all__ = [
    "Quantity",
    "balance_changed",
    "balance_clause_before",
    "change_sign",
    "quantity",
    "signed_change",
]

#: (quantity, value, decimals written)
Quantity = tuple[str, float, int | None]

_BY_BEFORE = re.compile(rf"(?:{L.source('change_by')})\s+(?:\w+\s+)?$", re.IGNORECASE)
_GROWTH_RATE = L.pattern("growth_rate")
#: a percent followed by a comparison base ("113% as against 2021", "134.1 percent compared
#: to 2022", "127 % gegenüber 2021", "为上年的113%"): a growth index, new/base in percent
_INDEX_BASE_AFTER = re.compile(
    rf"\s*(?:{L.source('index_of')})?(?:{L.source('base_marker')})\s*"
    rf"(?:{L.source('base_article')})?(?:{L.source('base_unit')})?"
    rf"(?:\d{{4}}|{L.source('previous_year')}|{L.source('same_period_last_year')}|{L.source('last_year')})",
    re.IGNORECASE,
)
#: a change noun after a percent, with only a year-on-year cue between ("33% year-on-year surge")
_CHANGE_NOUN_AFTER = re.compile(
    rf"^\s*(?:(?:{L.source('same_period_last_year')})\s*)?(?P<w>\w+)", re.IGNORECASE
)
#: comparative words that count as a change only after the amount ("5% more")
_COMPARATIVES_AFTER = L.pattern("comparative_after")
#: "more" / "less" followed by "than": a bound, not a change
_MORE_OR_LESS = L.pattern("more_or_less")
_THAN = re.compile(rf"\s*(?:{L.source('than')})", re.IGNORECASE)
#: "um 9 Prozent über dem Vorjahreszeitraum", "5% above/below last year's level", German
#: separable verbs: "legte ... um 15 Prozent zu", "nahm ... um 3 Prozent ab"
_POSITION_AFTER = re.compile(
    rf"\s*(?:(?P<up>{L.source('above')})|(?P<down>{L.source('below')}))\s+"
    rf"(?:{L.source('determiner')})"
    rf"|\s*(?P<zu>{L.source('separable_up')})|\s*(?P<ab>{L.source('separable_down')})",
    re.IGNORECASE,
)
_UM_BEFORE = re.compile(rf"(?:{L.source('separable_by')})\s+(?:\S+\s+)?$", re.IGNORECASE)


def quantity(ctx: Context) -> Quantity | None:
    """The quantity of ``ctx``'s amount, its value and decimals; None when it is no claim.

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> [(c.quantity, c.value) for c in parse("In 2023 trade with China grew 2.2-fold.")]
    [('ratio', 2.2)]
    """
    kind = ctx.amount.kind
    if kind in ("money", "money_gt"):
        return _money(ctx)
    if kind == "percent":
        if restated_in_brackets(ctx.norm, ctx.amount, _next_amount(ctx)):
            return None  # "um ein Drittel (30,8 Prozent)": the bracket states it exactly
        return _restating(ctx) or _after_abs_change(ctx) or _percent(ctx)
    if kind in ("ratio", "ratio_word"):
        return _ratio(ctx)
    return None


#: only an opening bracket between two amounts: the second restates the first
_BRACKET_ONLY = re.compile(r"\s*[(（]\s*")
#: how far after an amount a restating bracketed amount may start
_RESTATE_GAP = 6
#: how far a restating amount may lie from the one it restates, relative to it ("ein Drittel
#: (30,8 Prozent)" lies 8% off; "um 12 Prozent (+20% bei den Exporten)" is another figure)
_RESTATE_TOLERANCE = 0.2


def restated_in_brackets(norm: str, first: Amount | None, second: Amount | None) -> bool:
    """Whether percent ``second`` stands in brackets right after percent ``first``, restating
    it exactly ("um ein Drittel (32,6 Prozent)", "by almost half (48.6%)"): close to it in value
    (a bracket listing other figures, "um 12 Prozent (+20% bei den Exporten)", restates
    nothing).

    Examples
    --------
    >>> t = "um ein Drittel (32,6 Prozent) zu"
    >>> third = Amount("percent", 3, 14, 33.3, 0)
    >>> exact = Amount("percent", 16, 28, 32.6, 1)
    >>> restated_in_brackets(t, third, exact), restated_in_brackets(t, exact, third)
    (True, False)
    >>> other = Amount("percent", 16, 28, 44.0, 0)
    >>> restated_in_brackets(t, third, other)
    False
    """
    if first is None or second is None or "percent" != first.kind or "percent" != second.kind:
        return False
    if abs(second.value - first.value) > _RESTATE_TOLERANCE * abs(first.value):
        return False
    return first.end <= second.start and bool(
        _BRACKET_ONLY.fullmatch(norm, first.end, second.start)
    )


def _next_amount(ctx: Context) -> Amount | None:
    """The first amount starting within a few characters after ``ctx``'s own (room for a
    bracket: a bounded window keeps parse time linear)."""
    end = min(ctx.sentence.end, ctx.amount.end + _RESTATE_GAP)
    later = ctx.doc.mentions.amounts.between(ctx.amount.end, end)
    return later[0] if later else None


def _restating(ctx: Context) -> Quantity | None:
    """A change restated in brackets takes the sign of the one before it: from the words
    around that one, else from the verb right after the bracket closes ("um ein Drittel
    (30,8 Prozent) zulegten")."""
    a = ctx.amount
    prev = ctx.doc.mentions.amounts.last_before(a.start)
    if prev is None or not restated_in_brackets(ctx.norm, prev, a):
        return None
    first = Context.of(ctx.doc, prev)
    sign = change_sign(_words_before(first), first.after(30)) or _sign_after_bracket(ctx)
    return None if sign is None else ("pct_change", sign * abs(a.value), a.decimals)


def _after_abs_change(ctx: Context) -> Quantity | None:
    """A percent in brackets right after money that reads as an absolute change is the same
    change in percent, with its sign ("fell by $X billion (Y percent) to $Z billion",
    "um 2 Milliarden Euro (5 Prozent) gesunken").

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = "US goods exports to Canada fell by $7.4 billion (2.5 percent) in 2019."
    >>> [(c.quantity, c.value) for c in parse(t, pair=("USA", "CAN"))]
    [('abs_change', -7400000000.0), ('pct_change', -2.5)]
    """
    a = ctx.amount
    prev = ctx.doc.mentions.amounts.last_before(a.start)
    if prev is None or prev.kind not in ("money", "money_gt") or prev.end > a.start:
        return None
    if not _BRACKET_ONLY.fullmatch(ctx.norm, prev.end, a.start):
        return None
    money = _money(Context.of(ctx.doc, prev))
    if money is None or money[0] != "abs_change":
        return None
    return "pct_change", math.copysign(abs(a.value), money[1]), a.decimals


def _sign_after_bracket(ctx: Context) -> float | None:
    """The sign of the first change word after the bracket that closes right after the
    amount, within its sentence (a German verb at the clause's end)."""
    a, t = ctx.amount, ctx.norm
    close = _BRACKET_CLOSE.match(t, a.end)
    if close is None:
        return None
    rest = t[close.end() : min(ctx.sentence.end, close.end() + _VERB_FINAL_REACH)]
    return first_change_sign(rest)


_BRACKET_CLOSE = re.compile(r"\s*[)）]")


#: how long a bracketed aside between a change word and its amount may be
_ASIDE = 40


def aside_start(norm: str, lb: int, h: int) -> int | None:
    """Where a bracketed aside opens when its closing bracket stands right before the amount
    at ``h`` and nothing else of the amount's clause (from ``lb``) does ("增长(同比,下同)4%");
    None otherwise.

    Examples
    --------
    >>> t = "出口增长(同比,下同)4%"
    >>> aside_start(t, t.index("4%"), t.index("4%")), aside_start("出口增长4%", 0, 4)
    (4, None)
    """
    k = h - 1  # the last character before the amount
    while k >= max(0, lb - _ASIDE) and norm[k].isspace():
        k -= 1
    if k < 0 or norm[k] != ")" or norm[lb:k].strip():
        return None
    j = norm.rfind("(", max(0, k - _ASIDE), k)
    return j if j >= 0 else None


def _words_before(ctx: Context) -> str:
    """Up to 100 characters before the amount, or before the first amount of the list it
    stands in ("rose 5% and 10%": "rose "), not past the clause or an earlier amount; a
    bracketed aside right before the amount is skipped ("增长(同比,下同)4%": "增长")."""
    doc, a = ctx.doc, ctx.amount
    h = doc.lists.heads.get(a.start, a.start)
    if h == a.start:
        h = _complemented_head(ctx)
    lb = max(doc.clause_of(h).start, h - 100)
    aside = aside_start(ctx.norm, lb, h)
    if aside is not None:
        h = aside
        lb = max(doc.clause_of(h).start, h - 100)
    prev_end = [x.end for x in doc.mentions.amounts.between(lb, h) if x.end <= h]
    if prev_end:
        lb = max(lb, prev_end[-1])
    return ctx.norm[lb:h]


#: how many items back a list whose items carry their own periods is followed to its head
_LIST_REACH = 6


def _complemented_head(ctx: Context) -> int:
    """The start of the first amount of the list ``ctx``'s amount continues when each item
    carries its own period ("dropped 4.2% in 2015, 3.1% in 2016 and 9.5% in 2017": 11.1%
    shares "dropped"; :func:`.respective.complement_joined`), else the amount's own start."""
    doc, cur = ctx.doc, ctx.amount
    for _ in range(_LIST_REACH):
        prev = doc.mentions.amounts.last_before(cur.start)
        if prev is None or prev.kind != cur.kind or not ctx.sentence.start <= prev.start:
            break
        spans = [(p.start, p.end) for p in doc.mentions.periods.between(prev.end, cur.start)]
        if not complement_joined(ctx.norm, (prev.start, prev.end), (cur.start, cur.end), spans):
            break
        cur = prev
    return doc.lists.heads.get(cur.start, cur.start)


def _money(ctx: Context) -> Quantity:
    """A level, an absolute change ("grew by $1 bn", "down $2 m": :mod:`.abs_change`) or a
    balance."""
    a = ctx.amount
    if is_balance(ctx):
        return "balance", a.value, a.decimals
    sign = abs_change_sign(_words_before(ctx), ctx.after(30))
    if sign is not None:
        return "abs_change", sign * a.value, a.decimals
    return "level", a.value, a.decimals


def _index(ctx: Context) -> Quantity | None:
    """A growth index ("темп роста 117%", "growth rate of 113%"): +17, +13."""
    a, t, (cs, ce) = ctx.amount, ctx.norm, ctx.clause
    idx = V.INDEX_CUE.search(t[max(cs, a.start - 90) : min(ce, a.end + 30)])
    if idx is None or _BY_BEFORE.search(t[max(cs, a.start - 20) : a.start]):
        return None
    if _GROWTH_RATE.match(idx.group(0)) and a.value < 100:
        return None
    return "pct_change", scaled(a.value - 100.0, 1.0), a.decimals


def _percent(ctx: Context) -> Quantity | None:
    """A share, a growth index or a change in percent."""
    a, t = ctx.amount, ctx.norm
    after = ctx.after(30)
    if (
        V.SHARE_CUE.search(ctx.before(90))
        or SHARE_OF_TOTAL.match(after)
        or share_of_flow(ctx)
        or share_level(ctx)
        or listed_share(ctx)
        or share_of_countrys_flow(ctx)
        or share_word_after(ctx)
    ):
        return "share", abs(a.value), a.decimals
    idx = _index(ctx)
    if idx is not None:
        return idx
    if balance_changed(_words_before(ctx)) or balance_clause_before(ctx):
        return None
    psign = change_sign(_words_before(ctx), after)
    if psign is None:
        psign = verb_final_sign(ctx)
    if psign is None:
        psign = parallel_sign(ctx)
    if psign is not None:
        return "pct_change", signed_change(psign, a, t), a.decimals
    gap = _gapped(ctx)
    if gap is not None:  # "экспорт вырос на 20%, импорт — на 40%"
        return gap[0], signed_change(gap[1], a, t), a.decimals
    sign = written_sign(t, a)
    if sign is not None:
        return "pct_change", sign * abs(a.value), a.decimals
    if a.value >= 100 and _INDEX_BASE_AFTER.match(t, a.end, min(len(t), a.end + 60)):
        return "pct_change", scaled(a.value - 100.0, 1.0), a.decimals
    noun = _CHANGE_NOUN_AFTER.match(after)
    if noun and V.CHANGE.fullmatch(noun["w"]):
        sign = -1.0 if V.DECREASE.fullmatch(noun["w"]) else 1.0
        return "pct_change", sign * abs(a.value), a.decimals
    if share_in_sentence(ctx):  # "The share of ... exports, at 18.9%, ..."
        return "share", abs(a.value), a.decimals
    return None


#: a plus set apart from the percent after it ("(8,4 Mrd. DM, + 17,3 %)")
_PLUS_APART = re.compile(r"(?<![\w\d])\+\s$")
#: a dash set apart from the percent after it, right after a word that takes a figure ("mit
#: – 11,6 %", concept ``minus_after``); a dash after a noun is a gapped verb ("Exporte – 14 %")
_MINUS_APART = re.compile(rf"(?<!\w)(?:{L.source('minus_after')})\s+[-–−]\s$", re.IGNORECASE)


def written_sign(norm: str, a: Amount) -> float | None:
    """The sign written before a percent: glued to it ("+17,3 %", "-11,6 %"), or set apart by
    a space ("+ 17,3 %"; a dash only after a word of :data:`_MINUS_APART`: "mit – 11,6 %");
    None when none is written.

    Examples
    --------
    >>> t = "mit + 2,5 % und mit – 3,5 %, Exporte – 4 %"
    >>> [written_sign(t, Amount("percent", t.index(n), t.index(n) + 5, 1.0, 1))
    ...  for n in ("2,5", "3,5", "4 %")]
    [1.0, -1.0, None]
    >>> written_sign("+7%", Amount("percent", 0, 3, 7.0, 0))
    1.0
    """
    if norm[a.start] == "+" or (norm[a.start] == "-" and a.value < 0):
        return 1.0 if a.value >= 0 else -1.0
    before = norm[max(0, a.start - 12) : a.start]
    if _PLUS_APART.search(before):
        return 1.0
    if _MINUS_APART.search(before):
        return -1.0
    return None


def signed_change(sign: float, a: Amount, norm: str) -> float:
    """A change's value from the sign of its change word: an increase word before a figure
    written with its own minus ("增长-2.7%", "grew by -0.4%", "分别增长-2.7%、-4.2%") is negative
    growth, a fall; a decrease word makes any figure a fall ("下降-2.7%" is -2.7 too).

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = "2016年中国对墨西哥出口和进口同比分别增长-2.7%、4.1%。"
    >>> [c.value for c in parse(t, pair=("MEX", "CHN"), as_of="2017-03-01")]
    [-2.7, 4.1]
    """
    if sign > 0 and a.value < 0 and norm[a.start] == "-":
        return a.value
    return sign * abs(a.value)


def _gapped(ctx: Context) -> tuple[str, float] | None:
    """The quantity and sign of a percent in a gapped clause (:mod:`claims.gapping`)."""
    cs = max(0, ctx.clause.start - 1)  # the dash may be the clause's first character
    lo = max(0, cs - LOOKBACK)
    back = ctx.norm[lo:cs]
    named = ctx.doc.countries_in(lo + subject_start(back), cs)
    pair_named = any(c.iso in ctx.doc.pair for c in named)
    return gapped_quantity(ctx.norm[cs : ctx.amount.start], back, pair_named)


def balance_clause_before(ctx: Context) -> bool:
    """Whether a percent change with no flow or balance word of its own follows a clause
    about a balance ("The deficit with China was over $31 billion, up 4.15 percent"): the
    change of that balance (:func:`balance_changed`), no claim.

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = "In 2020 the trade deficit with China was $30 billion, up 4 percent."
    >>> [c.quantity for c in parse(t, pair=("VNM", "CHN"))]
    ['balance']
    """
    return balance_clause(ctx) is not None


def _ratio(ctx: Context) -> Quantity:
    """A multiple new / base: "增长1.2倍" is 2.2; "fell 2-fold" is 0.5."""
    a, t = ctx.amount, ctx.norm
    v: float = a.value
    if "倍" in t[a.start : a.end] and a.kind == "ratio":
        if increase_by_times(t[max(ctx.clause.start, a.start - 8) : a.start]):
            v = v + 1.0
    elif v >= 1.0:  # "halved" is already a decrease
        rsign = change_sign(_words_before(ctx), ctx.after(30))
        if rsign is not None and rsign < 0:
            v = 1.0 / v
    return "ratio", v, a.decimals


def _word_candidates(before: str, after: str) -> list[tuple[int, float]]:
    """(distance, sign) of every change word before the amount and right after it."""
    cands: list[tuple[int, float]] = []
    for rx, sgn in ((V.INCREASE, 1.0), (V.DECREASE, -1.0)):
        for m in rx.finditer(before):
            if _MORE_OR_LESS.fullmatch(m.group(0)) and _THAN.match(before[m.end() :]):
                continue  # "more than" is a bound
            cands.append((len(before) - m.end(), sgn))
        for m in rx.finditer(after[:20]):
            if _COMPARATIVES_AFTER.fullmatch(m.group(0)) or m.start() <= 3:
                cands.append((m.start() + 1, sgn))
    return cands


def _position_candidate(before: str, after: str) -> tuple[int, float] | None:
    """ "über dem Vorjahr", "below last year's", "legte ... um 15 Prozent zu": (1, sign)."""
    pos = _POSITION_AFTER.match(after)
    if pos is None:
        return None
    if (pos.group("zu") or pos.group("ab")) and not _UM_BEFORE.search(before):
        return None
    return (1, 1.0) if (pos.group("up") or pos.group("zu")) else (1, -1.0)


#: how far after an "um"-amount the verb closing a German clause may stand (a subject, a
#: partner and a period may come between: "Um 7 Prozent sind die Lieferungen der Firmen nach
#: Brasilien von April bis Juni gewachsen")
_VERB_FINAL_REACH = 120
#: the particle of a separable verb closing the clause ("nahmen um 2 Prozent ... zu")
_PARTICLE_END = re.compile(
    rf"\s(?:(?P<zu>{L.source('separable_up')})|(?P<ab>{L.source('separable_down')}))\W*$",
    re.IGNORECASE,
)


def verb_final_sign(ctx: Context) -> float | None:
    """The sign a German clause gives a change at its end: "ist um 14,3 Prozent auf
    12,4 Milliarden Euro gestiegen" (verb last, after the new level); None unless the
    amount follows "um" and a change word, or the particle of a separable verb ("nahmen
    ... zu", "nahmen ... ab"), closes its clause.

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> text = "2019 ist der Handel mit China um 4,5 Prozent auf 50 Milliarden Euro gesunken."
    >>> [(c.quantity, c.value) for c in parse(text, pair=("DEU", "CHN"))][0]
    ('pct_change', -4.5)
    """
    a, (cs, ce) = ctx.amount, ctx.clause
    if not _UM_BEFORE.search(ctx.norm[max(cs, a.start - 24) : a.start]):
        return None
    rest = ctx.norm[a.end : min(ce, a.end + _VERB_FINAL_REACH)]
    sign = first_change_sign(rest)
    if sign is not None or ce > a.end + _VERB_FINAL_REACH:
        return sign
    particle = _PARTICLE_END.search(rest)
    return None if particle is None else (1.0 if particle.group("zu") else -1.0)


def first_change_sign(rest: str) -> float | None:
    """The sign of the first change word in ``rest``: +1 increase, -1 decrease, else None.

    Examples
    --------
    >>> first_change_sign(" (30,8 Prozent) zulegten"), first_change_sign(" und sank")
    (1.0, -1.0)
    >>> first_change_sign("") is None
    True
    """
    hits = [(m.start(), 1.0) for m in V.INCREASE.finditer(rest)]
    hits += [(m.start(), -1.0) for m in V.DECREASE.finditer(rest)]
    return min(hits)[1] if hits else None


def change_sign(before: str, after: str) -> float | None:
    """+1 for an increase, -1 for a decrease, None if no change word is near.

    Examples
    --------
    >>> change_sign("exports fell by ", " in 2023"), change_sign("trade was ", "")
    (-1.0, None)
    """
    cands = _word_candidates(before, after)
    pos = _position_candidate(before, after)
    if pos is not None:
        cands.append(pos)
    if not cands:
        return None
    cands.sort(key=lambda x: x[0])
    return cands[0][1]
