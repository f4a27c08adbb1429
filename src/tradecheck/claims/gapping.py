"""Gapped clauses: a percent after a dash whose verb or noun stands before it ("экспорт вырос
на 20%, импорт — на 40%", "Импорт России в Китай — на 43,5%" after a sentence saying what
grew, "доля … – около 5%", "Прирост торговли услугами – 14%").

The clause of such a percent holds only a dash, the language's weak change marker (concept
``abs_change_weak``: "на", "um", "o") and bound words; the words right before the dash (back to
a comma or a full stop: :func:`subject_start`) must name a flow or a share and a country of the
pair ("импорт из России —", not a product list's "сыров —" or "поставки говядины –"); what it
is is said by the nearest change word (concepts ``increase``/``decrease``) or share word
(``share``) before the dash.
"""

from __future__ import annotations

import re
from functools import cache

from tradecheck.claims import _vocab as V
from tradecheck.claims import lexicon as L
from tradecheck.claims import sentences as S
from tradecheck.claims.context import Context

__all__ = ["LOOKBACK", "gapped_quantity", "own_period_rate", "parallel_sign", "subject_start"]

#: how far before the dash the verb or noun of a gapped clause is looked for
LOOKBACK = 160


@cache
def _gap() -> re.Pattern[str]:
    """A dash, then only a weak change marker and bound words, up to the amount."""
    words = [L.source(c) for c in ("abs_change_weak", "approx", "more_than", "less_than")]
    filler = "|".join(w for w in words if w)
    return re.compile(rf"^\s*[—–-]\s*(?:(?:{filler})\s*)*$", re.IGNORECASE)


def _last_end(rx: re.Pattern[str], text: str) -> int:
    """Where the last match of ``rx`` in ``text`` ends, -1 without one."""
    return max((m.end() for m in rx.finditer(text)), default=-1)


def subject_start(lookback: str) -> int:
    """Where the words right before a dash start in ``lookback``: after its last comma,
    semicolon or full stop (0 without one).

    Examples
    --------
    >>> subject_start("экспорт вырос на 20%, импорт из России ")
    21
    """
    return max(lookback.rfind(c) for c in _SUBJECT_END) + 1


#: what ends the words before a subject (:func:`subject_start`): a comma, a semicolon and the
#: marks that end a sentence; not a colon, a bracket or a dash
_SUBJECT_END = "".join(
    S.PUNCT[role] for role in ("comma", "semicolon", "full_stop", "exclamation", "question")
)


def gapped_quantity(head: str, lookback: str, pair_named: bool) -> tuple[str, float] | None:
    """``("share", 1.0)`` or ``("pct_change", ±1.0)`` for a percent whose clause ``head``
    (the text from the clause start to the amount) is a gap, read from the nearest share or
    change word in ``lookback`` (the text before the clause); None otherwise, or when the
    words before the dash name no flow or share or (``pair_named`` False) no pair country.

    Examples
    --------
    >>> gapped_quantity(" — на ", "экспорт вырос на 20%, импорт из России ", True)
    ('pct_change', 1.0)
    >>> gapped_quantity("– около ", "доля Беларуси в обороте России ", True)
    ('share', 1.0)
    >>> gapped_quantity(" составил ", "экспорт вырос на 20%, импорт из России ", True) is None
    True
    >>> gapped_quantity(" — ", "В 2023 году России ", True) is None
    True
    >>> gapped_quantity(" – на ", "экспорт масла вырос на 16%, поставки говядины ", False) is None
    True
    >>> gapped_quantity(" – ", "объем торговли вырос. Прирост торговли услугами ", False)
    ('pct_change', 1.0)
    >>> gapped_quantity("—", "出口量增长了60", False) is None
    True
    """
    if not _gap().match(head) or lookback.rstrip()[-1:].isdigit():
        return None  # no gap, or a range of numbers ("增长了60—63%")
    tail = lookback[-LOOKBACK:]
    subject = tail[subject_start(tail) :]
    if not any(rx.search(subject) for rx in (V.TRADE_KW, V.EXPORT_KW, V.IMPORT_KW, V.SHARE_CUE)):
        return None  # "…, сыров – на 34%": a list of goods, not a flow of the pair
    if not (pair_named or _names_change(subject)):
        return None
    share = _last_end(V.SHARE_CUE, tail)
    inc, dec = _last_end(V.INCREASE, tail), _last_end(V.DECREASE, tail)
    if max(share, inc, dec) < 0:
        return None
    if share > max(inc, dec):
        return "share", 1.0
    return "pct_change", (1.0 if inc > dec else -1.0)


def _names_change(subject: str) -> bool:
    """Whether the words before the dash say themselves what the figure is, a change noun with
    its flow ("Прирост торговли услугами –"): no country needs to be named there."""
    return V.CHANGE.search(subject) is not None


#: the change marker right before the amount ("um", "на", "by")
_BY_RIGHT_BEFORE = re.compile(rf"(?:{L.source('change_by')})\s+$", re.IGNORECASE)
#: "and" and the change marker right before the amount ("… by 12% on 2022 and by 30% on 2021"):
#: the verb of the percent before it, in the same clause, is this one's too
_AND_BY = re.compile(
    rf"(?<!\w)(?:{L.source('and_word')})\s+(?:{L.source('change_by')})\s+$", re.IGNORECASE
)
#: how far before that earlier percent (in its clause) its change word may stand
_VERB_REACH = 100
#: "after" before an earlier period's rate ("…, nach 9,5 Prozent 2023")
_PRIOR_RATE = re.compile(rf"\s*(?:(?:{L.source('prior_rate')})\s*)?", re.IGNORECASE)


def own_period_rate(ctx: Context) -> bool:
    """Whether the percent's clause is only a period and the rate ("…, 2023年26%", "…, nach
    9,5 Prozent 2023"): before the amount stand only period mentions and at most an "after"
    word (concept ``prior_rate``), and the clause names its period.

    Examples
    --------
    >>> from tradecheck.claims.context import Doc, contexts
    >>> t = "Die Importe stiegen um 2,3 Prozent, nach 15,2 Prozent 2023."
    >>> doc = Doc.read(t, t, "de", None, ("RUS", "CHN"))
    >>> [own_period_rate(c) for c in contexts(doc)]
    [False, True]
    """
    (cs, ce), a = ctx.clause, ctx.amount
    pers = ctx.doc.mentions.periods.between(cs, ce)
    if not pers or any(p.end > a.start and p.start < a.end for p in pers):
        return False
    head, last = [], cs
    for p in (p for p in pers if p.end <= a.start):
        head.append(ctx.norm[last : p.start])
        last = p.end
    head.append(ctx.norm[last : a.start])
    return all(_PRIOR_RATE.fullmatch(h) for h in head)


def parallel_sign(ctx: Context) -> float | None:
    """The sign of a percent whose clause leaves its verb out after the previous percent's
    ("… stieg um 12 Prozent auf 47,9 Mrd. Die Importe um 42,7 Prozent auf 59,1 Mrd.",
    "wuchs um 20,8 Prozent, 2018 um 27,1 Prozent"): only a change marker stands right before
    it, and the last change word before the previous percent in that percent's clause (at most
    :data:`LOOKBACK` characters before this clause; in the same clause when "and" joins them:
    "rose by 12% on 2022 and by 30% on 2021") gives the sign; None otherwise.

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = "2017 stieg der Handel um 20 Prozent, 2018 um 27 Prozent."
    >>> [c.value for c in parse(t, pair=("RUS", "CHN"))]
    [20.0, 27.0]
    >>> t = "In 2023 Russia's exports to China fell by 5% on 2022 and by 9% on 2021."
    >>> [c.value for c in parse(t, pair=("RUS", "CHN"))]
    [-5.0, -9.0]
    """
    a, cs = ctx.amount, ctx.clause.start
    by = _BY_RIGHT_BEFORE.search(ctx.norm, max(cs, a.start - 12), a.start)
    if not (by or own_period_rate(ctx)):
        return None
    if _gap().match(ctx.norm[max(0, cs - 1) : a.start]):
        return None  # a dash: :func:`gapped_quantity` decides ("…, поставки сыров – на 20%")
    joined = _AND_BY.search(ctx.norm, max(cs, a.start - 16), a.start) is not None
    upto = a.start if joined else cs
    prev = [x for x in ctx.doc.mentions.amounts.before(upto, 4) if x.kind == "percent"]
    if not prev or prev[-1].end > upto or cs - prev[-1].end > LOOKBACK:
        return None
    p = prev[-1]
    window = ctx.norm[max(ctx.doc.clause_of(p.start).start, p.start - _VERB_REACH) : p.start]
    inc, dec = _last_end(V.INCREASE, window), _last_end(V.DECREASE, window)
    if max(inc, dec) < 0:
        return None
    return 1.0 if inc > dec else -1.0
