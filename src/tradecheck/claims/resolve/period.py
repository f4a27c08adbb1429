"""Period: the months a figure covers.

The period a "respectively" list pairs the amount with wins; else the nearest period
expression in the amount's clause, else the last one before it in the
sentence, else the first after it; a sentence without one inherits the previous sentences'. A
year left out is taken from the text ("in January-March" after "2025") or the publication date.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from tradecheck.claims import lexicon as L
from tradecheck.claims._periods import PeriodMention, months_of, same_period_of
from tradecheck.claims.context import Context, Doc
from tradecheck.claims.fiscal import fiscal_lag, month_span
from tradecheck.claims.mentions import Amount
from tradecheck.claims.model import Period
from tradecheck.claims.resolve.base_level import Tied, from_level_year, tied_base, yoy_opening
from tradecheck.claims.resolve.base_period import (
    explicit_base,
    from_to_after,
    new_level_of,
    shifted,
)
from tradecheck.claims.resolve.undated import speaking_year
from tradecheck.claims.sentences import in_bracket
from tradecheck.dates import month_count

__all__ = [
    "compared_back",
    "context_year",
    "has_new_level",
    "headline_year",
    "implied_year",
    "in_other_bracket",
    "level_of_year_before",
    "level_period",
    "month_before",
    "months_so_far",
    "new_level_period",
    "of_base_level",
    "past_year_contrast",
    "period",
    "refers_back",
    "relative_against_year",
    "resolve_mention",
    "running_total",
    "same_indicator_months",
    "same_months_year",
    "starting_level_base",
    "year_before",
    "year_or_same_months",
    "year_to_date",
]

#: a comparison with the year before, ending where a bracket opens: "50% higher compared to
#: the same period of the previous year ($1.6 billion)", "по сравнению с аналогичным периодом
#: прошлого года (1,6 млрд)"
_PRIOR_YEAR_BASE_END = re.compile(
    rf"(?:{L.source('base_marker')})\s*(?:{L.source('base_article')})?\s*"
    rf"(?:{L.source('same_period_last_year')}|{L.source('previous_year')})\s*$",
    re.IGNORECASE,
)
#: how far before the bracket that comparison may start
_PRIOR_YEAR_REACH = 120
#: the starting level of a from-to change ("fell to 4.3% from 4.9%", "снизилась до 4,3% с 4,9%")
_FROM_END = re.compile(rf"(?:{L.source('level_from')})\s*[$€]?\s*$", re.IGNORECASE)
#: the new level of a from-to change: "to" right before an amount ("auf 4,3%", "до 4,3%")
_TO_END = re.compile(rf"(?:{L.source('level_to')})\s*[$€]?\s*$", re.IGNORECASE)
#: "this figure", "этот показатель": the indicator of the sentence before
_FIGURE_ANAPHORA = L.pattern("figure_anaphora")
#: how close before the amount its "from" stands
_FROM_REACH = 8
#: how far from a starting level its new level may stand
_PAIR_REACH = 120


def _aside(doc: Doc, p: PeriodMention) -> bool:
    """A period written in brackets ("($5.6 billion in January–June 2023)"): it belongs to
    the bracketed figure and sets no year or period for the sentences after it."""
    return in_bracket(doc.norm, p.start, doc.sentence_of(p.start).start)


def context_year(
    doc: Doc, pos: int, since: int = 0, months: tuple[int, int] | None = None
) -> int | None:
    """The year of the last period (not a comparison base, not in brackets of an earlier
    sentence) before ``pos``, from ``since``; for ``months`` written without a year, their
    calendar year in that period (:func:`year_within`)."""
    ss = doc.sentence_of(pos).start
    earlier = [
        p
        for p in doc.mentions.periods.before(pos, 256)
        if since <= p.start and p.end <= pos and not p.is_base
    ]
    for p in reversed(earlier):
        if (p.end <= ss and _aside(doc, p)) or p.from_context:
            continue  # "im Vorjahr" counts from the year spoken of: it sets no new one
        if p.end <= ss and of_base_level(doc, p):
            continue  # "expanding from $22 billion in 2018": a base's year, not the text's
        if p.end <= ss and event_date(doc, p):
            continue  # "In July last year, the ministry changed its rules.": an event
        if p.year is not None:
            return year_within(p, p.year, months)
        if p.rel is not None and doc.as_of is not None and p.m2 > 12:
            # "this fiscal", "in the year to March": the year it starts in, counted from
            # publication (:func:`_year_of`), then the months' calendar year in it
            return year_within(p, _year_of(doc, p) or doc.as_of.year + p.rel, months)
        if p.rel is not None and doc.as_of is not None:
            return doc.as_of.year + p.rel
    return None


def year_within(p: PeriodMention, year: int, months: tuple[int, int] | None) -> int:
    """The calendar year of ``months`` (first, last; None: not months) inside period ``p``
    of ``year``: the next one when ``p`` runs past the year end (a fiscal year, months past
    12) and the months lie in its part after December ("the 2024/25 fiscal year ... In
    March alone" is March 2025), else ``year``.

    Examples
    --------
    >>> from tradecheck.claims._periods import find_periods
    >>> (fy,), _ = find_periods("in 2024-25", fiscal_start=4)
    >>> year_within(fy, 2024, (3, 3)), year_within(fy, 2024, (4, 6)), year_within(fy, 2024, None)
    (2025, 2024, 2024)
    """
    if months is None or p.m2 <= 12:
        return year
    return year + 1 if months[1] + 12 <= p.m2 else year


def event_date(doc: Doc, p: PeriodMention) -> bool:
    """Whether ``p`` dates an event rather than figures: a month (or part of a year) in a
    dated text, in a sentence with no amount ("In July last year, the ministry changed its
    licensing rules."). Its year sets no year for a bare month of a later sentence ("In May, exports
    were ..." in a text of July 2020 is May 2020).

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = ("In July last year the ministry changed its licensing rules. In May, exports to "
    ...      "Korea were 200 billion yen.")
    >>> parse(t, as_of="2020-07-08", pair=("JPN", "KOR"))[0].period
    Period(start='2020-05', end='2020-05')
    """
    if doc.as_of is None or p.full_year:
        return False
    s = doc.sentence_of(p.start)
    return not doc.mentions.amounts.between(s.start, s.end)


def same_months_year(doc: Doc, p: PeriodMention) -> int | None:
    """The year of an earlier mention of the same months that names its year: a text that
    repeats "前11个月" after "今年前11个月" (or "in January-May" after "in January-May 2024")
    means the same months, whatever year an aside between names ("2022年新增准入的…").

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = ("今年前5个月中越贸易额1000亿元。2022年新增的产品进口5亿元。"
    ...      "前5个月,中国对越南出口农产品30亿元。")
    >>> parse(t, as_of="2023-07-01", pair=("VNM", "CHN"))[-1].period
    Period(start='2023-01', end='2023-05')
    """
    if p.full_year:
        return None
    for q in reversed(doc.mentions.periods.before(p.start, 256)):
        if q.is_base or q.full_year or q.end > p.start or (q.m1, q.m2) != (p.m1, p.m2):
            continue
        if _aside(doc, q):  # a bracketed period belongs to its bracketed figure
            continue
        if q.year is not None and not q.from_context:
            return q.year
        if q.rel is not None and not q.from_context and doc.as_of is not None:
            return doc.as_of.year + q.rel
    return None


def _publication_year(doc: Doc, p: PeriodMention) -> int | None:
    """The year of publication, the previous one if the months are not over yet."""
    if doc.as_of is None:
        return None
    return doc.as_of.year if p.m2 < doc.as_of.month else doc.as_of.year - 1


def _year_of(doc: Doc, p: PeriodMention) -> int | None:
    """The year a period mention means (written, relative, from the text or the date)."""
    y = p.year
    if p.from_context and p.rel is not None:  # "im Vorjahr": before the year spoken of
        ctx = context_year(doc, p.start)
        if ctx is None and p.rel > 0:  # "two years later" after no year: no anchor
            return None
        y = None if ctx is None else ctx + p.rel
    if y is None and p.rel is not None:
        # "last year" counts from the publication date; without one it has no anchor (an
        # earlier year of the text is not "now") unless the text implies the current year
        now = doc.as_of.year if doc.as_of is not None else implied_year(doc)
        if now is None and (ytd := year_to_date(doc, p.start)) is not None:
            now = ytd.year
        if now is None:  # an undated text: the years it writes (resolve/undated.py)
            now = speaking_year(doc)
        if doc.as_of is not None and now is not None:  # a fiscal year begun the year before
            now -= fiscal_lag(p.fiscal_start, doc.as_of.month)
        return None if now is None else now + p.rel
    if y is None and p.the_year:
        # "in den ersten neun Monaten des Jahres": a year named earlier in the same sentence,
        # else the year of publication (the previous one if those months are not over yet)
        y = context_year(doc, p.start, since=doc.sentence_of(p.start).start)
        y = _publication_year(doc, p) if y is None else y
    if y is None:
        y = same_months_year(doc, p)
    if y is None:
        y = context_year(doc, p.start, months=None if p.full_year else (p.m1, p.m2))
    if y is None and doc.as_of is None:
        y = implied_year(doc)
        return speaking_year(doc) if y is None else y
    return _publication_year(doc, p) if y is None else y


#: how far into an undated text a "same period of YEAR" base is looked for
BASE_REACH = 3000


def implied_year(doc: Doc) -> int | None:
    """The current year of an undated text, from the first period in it compared with "the
    same period of YEAR" (that period is of YEAR+1): "In January trade rose 48% compared to
    the same month of 2023" is January 2024, and its "last year" 2023. None when the text
    has a date or no such base within :data:`BASE_REACH` characters.

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = "In January trade rose 37% compared to the same month of 2023."
    >>> parse(t)[0].period
    Period(start='2024-01', end='2024-01')
    """
    if doc.as_of is not None:
        return None
    for b in doc.mentions.periods.between(0, BASE_REACH):
        if b.is_base and b.year is not None and same_period_of(doc.norm, b.start):
            return b.year + 1
    against = relative_against_year(doc)
    return headline_year(doc) if against is None else against


#: the longest first line read as a headline
HEADLINE_MAX = 160


def headline_year(doc: Doc) -> int | None:
    """The current year of an undated text from its headline: a first line naming one year
    and no relative one ("2015 trade down 28%"), above a body whose first relative year is
    that year ("... fell 27.8% last year"): the text speaks from that year minus the relative
    offset. None without such a headline.

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = "Deficit falls in 2019" + chr(10) + "The deficit fell to $345 billion last year."
    >>> parse(t, pair=("USA", "CHN"))[0].period.start
    '2019-01'
    """
    nl = doc.norm.find("\n")
    if not 0 < nl <= HEADLINE_MAX:
        return None
    head = [p for p in doc.mentions.periods.between(0, nl) if not p.in_date]
    years = {p.year for p in head if p.full_year and not p.is_base}
    if len(years) != 1 or None in years or len(head) != 1:
        return None
    body = (
        p
        for p in doc.mentions.periods.between(nl, BASE_REACH)
        if p.rel is not None and p.full_year and not (p.from_context or p.is_base)
    )
    first, y = next(body, None), head[0].year
    return None if first is None or first.rel is None or y is None else y - first.rel


def relative_against_year(doc: Doc) -> int | None:
    """The current year of an undated text from a relative year compared with a written one
    in the same sentence: "last year imports rose 3.4% over 2018" is 2019, so the text
    speaks from 2020. A change is read against the year before, as :func:`base_period` does.

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = "Last year trade rose 3% compared with 2018. Last year exports were $2 billion."
    >>> [c.period.start for c in parse(t, pair=("DEU", "CHN"))]
    ['2019-01', '2019-01']
    """
    ps = doc.mentions.periods.between(0, BASE_REACH)
    for r in ps:
        if r.rel is None or r.is_base or not r.full_year or r.from_context:
            continue
        s = doc.sentence_of(r.start)
        for b in ps:
            if b.is_base and b.full_year and b.year is not None and s.start <= b.start < s.end:
                return b.year + 1 - r.rel
    return None


def year_to_date(doc: Doc, pos: int, relative: bool = False) -> PeriodMention | None:
    """The last written year-to-date period before ``pos`` in an undated text ("in the first
    six months of 2023"): the text speaks from that year, so its "this year" means those
    months so far and its "last year" the year before. None in a dated text. With
    ``relative``, months written "of this year" count too ("за январь-май этого года ...
    итог в этом году": this year's figure is of those months).

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = ("In the first six months of 2023 exports to China were $50 billion. "
    ...      "Soybeans ($23 billion) rose 13.8% this year. Last year exports were $89 billion.")
    >>> [c.period.end for c in parse(t, pair=("BRA", "CHN"))]
    ['2023-06', '2023-06', '2023-06', '2022-12']
    """
    if doc.as_of is not None:
        return None
    for q in reversed(doc.mentions.periods.before(pos, 256)):
        ytd = q.m1 == 1 and q.m2 < 12 and not q.full_year
        written = q.year is not None or (relative and q.rel == 0)
        if ytd and written and not (q.is_base or q.from_context or _aside(doc, q)):
            return q
    return None


def resolve_mention(doc: Doc, p: PeriodMention) -> Period | None:
    """The :class:`Period` a mention means, None when no year can be found or the mention has
    no calendar anchor ("ten years ago")."""
    if p.last_month:
        return month_before(doc.as_of)
    y = _year_of(doc, p) if p.anchored else None
    if y is None:
        return None
    m1, m2 = months_of(p, closed=doc.as_of is not None and y < doc.as_of.year)
    return Period(*month_span(y, m1, m2))


def month_before(as_of: date | None) -> Period | None:
    """The month before publication ("last month"); None for an undated text.

    Examples
    --------
    >>> month_before(date(2016, 8, 18)), month_before(date(2020, 1, 5))
    (Period(start='2016-07', end='2016-07'), Period(start='2019-12', end='2019-12'))
    """
    if as_of is None:
        return None
    y, m = (as_of.year, as_of.month - 1) if as_of.month > 1 else (as_of.year - 1, 12)
    return Period(f"{y:04d}-{m:02d}", f"{y:04d}-{m:02d}")


def _months_for_this_year(
    doc: Doc, chosen: PeriodMention, ps: list[PeriodMention]
) -> PeriodMention:
    """ "This year" in a sentence that also states the months of that year ("grew this
    year: in January to September 2025 ...") means those months when the year is not
    over at publication; a whole-year period would claim a year not yet known."""
    if chosen.full_year and chosen.rel == 0 and doc.as_of is None:
        return year_to_date(doc, chosen.start, relative=True) or chosen
    if not (chosen.full_year and chosen.rel == 0 and doc.as_of is not None):
        return chosen
    y = doc.as_of.year
    months = [
        p
        for p in ps
        if not p.full_year
        and p is not chosen
        and (p.year == y or p.rel == 0 or (p.year is None and p.rel is None))
    ]
    if not months:
        return months_so_far(doc, chosen.start, y) or chosen
    after = [p for p in months if p.start >= chosen.end]
    return after[0] if after else months[-1]


def months_so_far(doc: Doc, pos: int, year: int) -> PeriodMention | None:
    """The last months of ``year`` counted from January (not a base, not in brackets of their
    own figure) written before ``pos``: "this year" in a text of that year, whose sentence
    gives no months, means the months so far the text reported ("in the first half of 2017
    ... This year trade is booming ... exports grew 26%": January–June).

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = ("From January to April 2016 exports to Peru were $70 million. This year "
    ...      "Chile's imports from Peru make up 3% of its imports.")
    >>> parse(t, as_of="2016-05-20", pair=("CHL", "PER"))[-1].period
    Period(start='2016-01', end='2016-04')
    """
    for q in reversed(doc.mentions.periods.before(pos, 256)):
        own_year = q.year == year or (q.year is None and q.rel == 0)
        so_far = q.m1 == 1 and q.m2 < 12 and not q.full_year
        if own_year and so_far and not (q.is_base or q.from_context or _aside(doc, q)):
            return q
    return None


def _bracketed_after(ctx: Context) -> PeriodMention | None:
    """The period an amount in brackets right after it belongs to ("wie im Jahr 2020
    (3,003 Milliarden)", "in 2021 ($3.8 bn)"), base period or not."""
    a, norm = ctx.amount, ctx.norm
    j = norm.rfind("(", max(0, a.start - 3), a.start + 1)
    if j < 0 or norm[j + 1 : a.start].strip(" $"):
        return None
    p = ctx.doc.mentions.periods.last_before(j)
    return p if p is not None and not norm[p.end : j].strip() else None


def in_other_bracket(norm: str, start: int, pos: int, lo: int) -> bool:
    """True when ``pos`` stands inside a bracket (opened after ``lo``) that does not hold
    ``start``: "8.9 percent higher ($5.6 billion in January–June 2023)" — the months in the
    bracket belong to the bracketed figure, not to the percent before it.

    Examples
    --------
    >>> t = "up 9.4% ($5.3 billion in 2023)"
    >>> in_other_bracket(t, t.index("9.4"), t.index("2023"), 0)
    True
    >>> in_other_bracket(t, t.index("$5.3"), t.index("2023"), 0)
    False
    """
    if not in_bracket(norm, pos, lo):
        return False
    j = norm.rfind("(", lo, pos)
    return not (j < start and ")" not in norm[j:start])


def _outside_brackets(
    ctx: Context, ps: list[PeriodMention], inherited: bool
) -> list[PeriodMention]:
    """The periods of the sentence not inside a bracket the amount is not in, when the amount
    has another period (of the sentence or ``inherited`` from earlier ones); a bracketed
    period is the only anchor left otherwise ("$8.9 bn (January–November 2025: $8.9 bn)")."""
    lo, a = ctx.sentence.start, ctx.amount
    outside = [p for p in ps if not in_other_bracket(ctx.norm, a.start, p.start, lo)]
    return outside if outside or inherited else ps


def _nearest_in_sentence(ctx: Context, ps: list[PeriodMention]) -> PeriodMention | None:
    """The nearest period of the clause, else the last before / first after in the sentence."""
    a, (cs, ce) = ctx.amount, ctx.clause
    in_clause = [p for p in ps if cs <= p.start < ce]
    if in_clause:
        return min(
            in_clause,
            key=lambda p: (p.start - a.end) if p.start >= a.end else (a.start - p.end),
        )
    before = [p for p in ps if p.end <= a.start]
    after = [p for p in ps if p.start >= a.end]
    return before[-1] if before else (after[0] if after else None)


def year_or_same_months(ctx: Context, chosen: PeriodMention, ps: list[PeriodMention]) -> bool:
    """ "in Q1 2025 … $239.5m (2024: $237.5m)": a bare year in brackets after a figure for
    part of a year may mean the same months of that year or the whole year.

    True when the amount and ``chosen`` (a whole year) stand in one bracket and the sentence
    gives a period shorter than a year before it.
    """
    a, norm = ctx.amount, ctx.norm
    lo = max(ctx.sentence.start, a.start - 80)
    j = norm.rfind("(", lo, a.start)
    if j < 0 or ")" in norm[j : a.start] or not (chosen.full_year and j < chosen.start):
        return False
    return any(not p.full_year and p.end <= j for p in ps)


def running_total(ctx: Context, found: Period) -> bool:
    """ "has already reached $5.8 billion" with a whole year not over at publication (or no
    publication date): a total so far, whose last month the text does not say.

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> parse("In 2023 trade has already reached $5.8 billion.")[0].period is None
    True
    """
    if not (found.start.endswith("-01") and found.end.endswith("-12")):
        return False
    if found.start[:4] != found.end[:4] or not ctx.cue_in("so_far"):
        return False
    as_of = ctx.doc.as_of
    return as_of is None or as_of.year <= int(found.end[:4])


def level_of_year_before(norm: str, start: int, lo: int) -> bool:
    """Whether the amount at ``start`` opens a bracket right after a comparison with the year
    before: the bracketed figure is the level of that base, not of the period compared.

    Examples
    --------
    >>> t = "up 50% compared to the same period of the previous year ($1.6 billion)"
    >>> level_of_year_before(t, t.index("$1.6"), 0)
    True
    >>> t = "up 50% in January-February 2024 ($2.4 billion)"
    >>> level_of_year_before(t, t.index("$2.4"), 0)
    False
    """
    j = norm.rfind("(", max(lo, start - 3), start + 1)
    if j < 0 or norm[j + 1 : start].strip(" $"):
        return False
    return bool(_PRIOR_YEAR_BASE_END.search(norm, max(lo, j - _PRIOR_YEAR_REACH), j))


def year_before(p: Period) -> Period:
    """The same months one year earlier.

    Examples
    --------
    >>> year_before(Period("2024-01", "2024-02"))
    Period(start='2023-01', end='2023-02')
    """
    return Period(
        f"{int(p.start[:4]) - 1:04d}{p.start[4:]}", f"{int(p.end[:4]) - 1:04d}{p.end[4:]}"
    )


def has_new_level(ctx: Context) -> bool:
    """Whether another amount of ``ctx``'s clause is written as the new level of a from-to
    change ("fell to 4.3% from 4.9%"); a "to" that opens no amount ("bis Ende 2023 ... einen
    Rekordwert von $47 Milliarden") makes no from-to change.

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = "Bis Ende 2023 erreicht der Handel einen Wert von $5 Milliarden."
    >>> parse(t, as_of="2024-01-10")[0].period.start
    '2023-01'
    """
    a, (cs, ce), norm = ctx.amount, ctx.clause, ctx.norm
    near = ctx.doc.mentions.amounts.between(
        max(cs, a.start - _PAIR_REACH), min(ce, a.end + _PAIR_REACH)
    )
    return any(
        x.start != a.start and _TO_END.search(norm, max(cs, x.start - _FROM_REACH), x.start)
        for x in near
    )


def starting_level_base(ctx: Context) -> PeriodMention | None:
    """The comparison base a from-to change's starting level is of: "its share fell to 4.3%
    from 4.9% compared with the first quarter of 2019" — 4.9% is of Q1 2019. The nearest
    written base after the amount in its sentence; None when the amount is no starting level.

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = ("In Q1 2020 the share of Belarus in Russia's trade fell to 4.3% from 4.9% "
    ...      "compared with the first quarter of 2019.")
    >>> [str(c.period.start) for c in parse(t, as_of="2020-05-01", pair=("RUS", "BLR"))]
    ['2020-01', '2019-01']
    """
    a, cs, norm = ctx.amount, ctx.clause.start, ctx.norm
    if not _FROM_END.search(norm, max(cs, a.start - _FROM_REACH), a.start):
        return None
    if not has_new_level(ctx):
        return None
    se = ctx.sentence.end
    after = [p for p in ctx.doc.mentions.periods.between(a.end, se) if p.start >= a.end]
    base = next((p for p in after if p.is_base), None)
    own = [p for p in after if not p.is_base and base is not None and p.start < base.start]
    return base if base is not None and base.year is not None and not own else None


def new_level_period(doc: Doc, first: PeriodMention, second: PeriodMention) -> Period | None:
    """The period of the new level of a from-to change whose starting level is of ``first``:
    ``second`` itself, but "this year" against months of an earlier year ("from $172m in H1
    2023 to $94m in the same period this year") means those months of this year.

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = ("Exports from Belarus to China fell 45% from $172.2 million in H1 2023 "
    ...      "to $94.4 million in the same period this year.")
    >>> c = parse(t, as_of="2024-08-01")[0]
    >>> c.period, c.base_period
    (Period(start='2024-01', end='2024-06'), Period(start='2023-01', end='2023-06'))
    """
    found = resolve_mention(doc, second)
    if found is None or not (second.full_year and second.rel == 0 and not first.full_year):
        return found
    y = found.start[:4]
    return Period(f"{y}-{first.m1:02d}", f"{y}-{first.m2:02d}")


def period(ctx: Context) -> Period | None:
    """The period of ``ctx``'s amount; None when neither the text nor the date tells. A level
    bracketed after "compared to the same period of the previous year" is of that base."""
    base = starting_level_base(ctx)
    if base is not None:
        return resolve_mention(ctx.doc, base)
    tied = tied_base(ctx)
    if tied is not None:
        return level_period(ctx, tied)
    year = from_level_year(ctx)
    if year is not None:  # "between 2014 and 2023 … from $31m to $1.6bn": 2014
        return Period(f"{year}-01", f"{year}-12")
    if yoy_opening(ctx):
        own = _written_period(ctx)
        return None if own is None else year_before(own)
    # "grew 100-fold, from $14m in 2000 to $1.4bn in 2009": the change and the new level
    from_to = from_to_after(ctx) or new_level_of(ctx)
    if from_to is not None:
        return new_level_period(ctx.doc, *from_to)
    found = _written_period(ctx)
    a, lo = ctx.amount, ctx.sentence.start
    if found is not None and level_of_year_before(ctx.norm, a.start, lo):
        close = ctx.norm.find(")", a.end, ctx.sentence.end)
        # "(… $1 billion in January–June 2023)": the bracket names its own period
        if close < 0 or not ctx.doc.mentions.periods.between(a.end, close):
            return year_before(found)
    return found


def level_period(ctx: Context, tied: Tied) -> Period | None:
    """The period of a comparison level (:func:`~.base_level.tied_base`): the base its
    expression gives against the period of the figure before it in the sentence ("$6.6
    billion in July-March 2020-21 from $5.1 billion in the same months a year before").

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = ("Imports fell to $6.6 billion in 2019 from $7.3 billion in the same period of "
    ...      "last year.")
    >>> parse(t, pair=("PAK", "CHN"))[-1].period
    Period(start='2018-01', end='2018-12')
    """
    prev = ctx.doc.mentions.amounts.last_before(ctx.amount.start)
    own = None if prev is None else _written_period(Context.of(ctx.doc, prev))
    if own is None:
        return None
    m = tied.mention
    if m is None:
        return year_before(own)
    if m.year is not None and m.full_year and not same_period_of(ctx.norm, m.start):
        return resolve_mention(ctx.doc, m)  # "compared with $1.1 billion in 2022": all of 2022
    found = explicit_base(ctx, m, own)
    if found is not None:
        return found
    whole = m.full_year or m.fiscal_start is not None
    if m.rel is not None and m.year is None and whole and month_count(own.start, own.end) == 12:
        return shifted(own, m.rel)  # "against $2.0 billion during last year" after FY 2021-22
    return resolve_mention(ctx.doc, m)


def past_year_contrast(doc: Doc, carried: PeriodMention, earlier: list[PeriodMention]) -> bool:
    """Whether ``carried``, the period of a sentence before, is a past year said in contrast
    to a later period the text gave just before it ("Jan-Aug 2021: -2.0 bn. Last year this
    figure was -1.9 bn. Exports were ..."): the sentences after it may speak of either
    period, so it is not carried (the period is then left unsure). A "last year" that is the
    year spoken of before ("in 2022 ... last year", dated 2023), or that opens a paragraph,
    carries as usual.

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = ("In January-August 2021 the deficit with China was $2 billion. Last year it was "
    ...      "smaller. Exports from Belarus to China came to $540 million.")
    >>> parse(t)[-1].period is None
    True
    >>> t = "Trade grew in 2022. Last year exports from Belarus to China were $2 billion."
    >>> parse(t, as_of="2023-03-01")[0].period.start
    '2022-01'
    """
    if carried.rel is None or carried.rel >= 0 or not carried.full_year:
        return False
    before = [p for p in earlier if p.end <= carried.start and not _aside(doc, p)]
    if not before or "\n" in doc.norm[before[-1].end : carried.start]:
        return False  # a new paragraph opened by "last year" speaks of that year
    mine, theirs = resolve_mention(doc, carried), resolve_mention(doc, before[-1])
    return mine is not None and theirs is not None and theirs.end[:4] > mine.end[:4]


def compared_back(doc: Doc, carried: PeriodMention, earlier: list[PeriodMention]) -> PeriodMention:
    """The period the text speaks of after a past year said of the figure before it ("Jan-Aug
    2021: -2.0 bn. Last year this figure was -1.9 bn. Exports were $540 million"): a sentence
    that refers back to that figure (concept ``figure_anaphora``) compares it with its own past,
    an aside, so the sentences after it go on with the period before it. ``carried`` itself
    when it is no such contrast (:func:`past_year_contrast`) or its sentence refers to no figure.

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = ("In January-August 2021 the deficit with China was $2 billion. Last year this "
    ...      "figure was $1.8 billion. Exports from Belarus to China came to $540 million.")
    >>> parse(t)[-1].period
    Period(start='2021-01', end='2021-08')
    """
    ss, se = doc.sentence_of(carried.start)
    if not (
        past_year_contrast(doc, carried, earlier) and _FIGURE_ANAPHORA.search(doc.norm, ss, se)
    ):
        return carried
    return [p for p in earlier if p.end <= carried.start and not _aside(doc, p)][-1]


def same_indicator_months(
    ctx: Context, chosen: PeriodMention, carried: PeriodMention
) -> PeriodMention:
    """ "Last year this figure was ..." right after a figure for some months (``carried``, the
    period of the sentences before): the same indicator, so the same months of that year.

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = ("In January-August 2021 exports from Belarus to China were $540 million. "
    ...      "Last year this figure was $400 million.")
    >>> parse(t)[-1].period
    Period(start='2020-01', end='2020-08')
    """
    if not (chosen.full_year and chosen.rel is not None and chosen.rel < 0) or carried.full_year:
        return chosen
    if not _FIGURE_ANAPHORA.search(ctx.norm, ctx.sentence.start, ctx.sentence.end):
        return chosen
    return replace(chosen, m1=carried.m1, m2=carried.m2, full_year=False)


#: what makes an amount a starting or comparison level: "from", "compared to"
_LEVEL_LEAD = re.compile(
    rf"(?:{L.source('level_from')}|{L.source('base_marker')})\s*[$€]?\s*$", re.IGNORECASE
)
#: a bound is no comparison: "over $5 billion in 2023", "more than $5 billion"
_BOUND_LEAD = re.compile(
    rf"(?:{L.source('more_than')}|{L.source('less_than')})\s*[$€]?\s*$", re.IGNORECASE
)
#: how far before its amount that word may stand
_LEAD_REACH = 24
#: what may stand between a level and its period: spaces, a comma, up to two words ("in",
#: "deficit of": "from a $9 billion deficit of ten months in 2016")
_LEVEL_GAP = re.compile(r"[\s,]{0,3}(?:[^\W\d_]+\s+){0,2}")


def of_base_level(doc: Doc, p: PeriodMention) -> bool:
    """Whether ``p`` is the period of a starting or comparison level written after another
    figure of its sentence ("fell to $20 billion in March from $21 billion in February",
    "up 5% compared with $1.14 billion in 2022"): the period of a base, not the
    period the sentences after it speak of.

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = ("The deficit fell 5% to $20 billion in March from $21 billion in "
    ...      "February. Exports to China dropped to $7 billion.")
    >>> parse(t, as_of="2019-05-02", pair=("USA", "CHN"))[-1].period
    Period(start='2019-03', end='2019-03')
    """
    x = doc.mentions.amounts.last_before(p.start)
    if x is None or x.end > p.start or not _LEVEL_GAP.fullmatch(doc.norm, x.end, p.start):
        return False
    ss = doc.sentence_of(x.start).start
    lo = max(ss, x.start - _LEAD_REACH)
    if not _LEVEL_LEAD.search(doc.norm, lo, x.start) or _BOUND_LEAD.search(doc.norm, lo, x.start):
        return False
    return bool(doc.mentions.amounts.between(ss, x.start))


#: a period and the "to" of a from-to right after it, before the new level
_TO_GAP = re.compile(rf"[\s,]*(?:{L.source('level_to')})\s*[$€]?\s*", re.IGNORECASE)


def of_from_level(ctx: Context, p: PeriodMention, ps: list[PeriodMention]) -> bool:
    """Whether ``p`` is the period of the starting level of a from-to that ends in ``ctx``'s
    amount ("fell from 24.1 percent in 2021 to 19.9 percent in the first quarter of this
    year": 2021 is the first level's), while the sentence gives another period after the
    amount (``ps``); without one the new level keeps the period it has.

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = ("China's share of Korea's exports fell from 24.1 percent in 2021 to 19.9 percent "
    ...      "in the first three months of this year.")
    >>> [c.period.start for c in parse(t, as_of="2023-06-02", pair=("KOR", "CHN"))]
    ['2021-01', '2023-01']
    """
    a, norm = ctx.amount, ctx.norm
    if p.end > a.start or not _TO_GAP.fullmatch(norm, p.end, a.start):
        return False
    x = ctx.doc.mentions.amounts.last_before(p.start)
    if x is None or x.start < ctx.sentence.start or x.end > p.start:
        return False
    return bool(_LEVEL_GAP.fullmatch(norm, x.end, p.start)) and any(q.start >= a.end for q in ps)


def _of_other_level(ctx: Context, p: PeriodMention) -> bool:
    """Whether ``p`` is the period of a starting or comparison level other than ``ctx``'s
    amount ("up 5% compared with $1.14 billion in 2022": 2022 is not the period of 5%)."""
    x = ctx.doc.mentions.amounts.last_before(p.start)
    return x is not None and x.start != ctx.amount.start and of_base_level(ctx.doc, p)


#: a period referred back to: "in this period", "за отчетный период", "占同期"
_PERIOD_ANAPHORA = L.pattern("period_anaphora")


def refers_back(ctx: Context, ps: list[PeriodMention]) -> bool:
    """Whether ``ctx``'s clause names its period only by referring back ("rose 9% over that
    period, after ... in 2023", "占同期...的15%"): no period ``ps`` of the sentence stands in the
    clause, and a later one of the sentence belongs to another figure.

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = ("In 2024 imports from China grew 3%. Exports to China rose 9% during the year, "
    ...      "after a 15% fall in 2023.")
    >>> [c.period.start for c in parse(t, as_of="2025-03-01")]
    ['2024-01', '2024-01', '2023-01']
    """
    cs, ce = ctx.clause
    if not _PERIOD_ANAPHORA.search(ctx.norm, cs, ce):
        return False
    return not any(cs <= p.start < ce for p in ps)


#: how many figures back a period referred to may be looked for ("over the cited period"
#: after a figure whose own period is "that period" again)
_ANAPHORA_DEPTH = 2


def referred_figure(ctx: Context, ps: list[PeriodMention], depth: int = 0) -> Amount | None:
    """The figure whose period ``ctx``'s sentence refers back to ("over the cited period",
    "during the period under review", "in that last year", "за отчетный период"): the last
    figure written before the sentence (not the last date: "ranked fourth in October" between
    them dates no figure). None when no words refer back up to the end of the amount's clause,
    when the sentence names a period of its own before that (``ps``, outside the words that
    refer back), or beyond :data:`_ANAPHORA_DEPTH` figures back.

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = ("Exports to Korea reached $15 billion in July-October. The country "
    ...      "fell to fourth place among partners in October. Imports from Korea came to "
    ...      "$9.4 billion over the cited period.")
    >>> parse(t, as_of="2019-12-15", pair=("JPN", "KOR"))[-1].period
    Period(start='2019-07', end='2019-10')
    """
    ss, ce = ctx.sentence.start, ctx.clause.end
    if depth > _ANAPHORA_DEPTH or not _PERIOD_ANAPHORA.search(ctx.norm, ss, ce):
        return None
    if any(ss <= p.start < ce for p in ps):
        return None
    return ctx.doc.mentions.amounts.last_before(ss)


def _in_anaphora(ctx: Context, p: PeriodMention) -> bool:
    """Whether ``p`` is part of words that refer back to a period ("in that last year")."""
    ss, se = ctx.doc.sentence_of(p.start)
    return any(m.start() <= p.start < m.end() for m in _PERIOD_ANAPHORA.finditer(ctx.norm, ss, se))


def _written_period(ctx: Context, depth: int = 0) -> Period | None:
    """The period the text gives ``ctx``'s amount, read as if it were not a base's level."""
    paired = ctx.doc.paired_period(ctx.amount)
    if paired is not None:  # "2022年、2023年分别增长29.3%和26.3%"
        return resolve_mention(ctx.doc, paired)
    own = _bracketed_after(ctx)
    if own is not None:
        return resolve_mention(ctx.doc, own)
    ss, se = ctx.sentence
    earlier = [p for p in ctx.doc.mentions.periods.before(ss, 256) if p.end <= ss and not p.is_base]
    carried = next(
        (p for p in reversed(earlier) if not (_aside(ctx.doc, p) or of_base_level(ctx.doc, p))),
        None,
    )
    ps = _outside_brackets(
        ctx, [p for p in ctx.doc.mentions.periods.between(ss, se) if not p.is_base], bool(earlier)
    )
    ps = [p for p in ps if not (_of_other_level(ctx, p) or _in_anaphora(ctx, p))]
    ps = [p for p in ps if not of_from_level(ctx, p, ps)]
    referred = referred_figure(ctx, ps, depth)
    if referred is not None:  # its period, or none: not a later date's
        return _written_period(Context.of(ctx.doc, referred), depth + 1)
    chosen = _nearest_in_sentence(ctx, ps)
    if chosen is not None and refers_back(ctx, ps):
        chosen = next((p for p in reversed(ps) if p.end <= ctx.amount.start), None)
    if chosen is not None and carried is not None:
        chosen = same_indicator_months(ctx, chosen, carried)
    if chosen is not None and year_or_same_months(ctx, chosen, ps):
        return None
    if chosen is not None:
        found = resolve_mention(ctx.doc, _months_for_this_year(ctx.doc, chosen, ps))
        return None if found is not None and running_total(ctx, found) else found
    # inherit from the previous sentences (not from a bracketed aside of theirs)
    carried = None if carried is None else compared_back(ctx.doc, carried, earlier)
    if carried is None or past_year_contrast(ctx.doc, carried, earlier):
        return None
    return resolve_mention(ctx.doc, _months_for_this_year(ctx.doc, carried, []))
