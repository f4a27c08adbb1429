"""Balance: whether a money amount is a trade balance, and its sign and holder.

The claim schema's balance is exports minus imports of the pair's first country, direction
``both`` (a deficit of Belarus with China is negative however it is worded).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from tradecheck.claims import _vocab as V
from tradecheck.claims import lexicon as L
from tradecheck.claims.context import Context, Span
from tradecheck.claims.mentions import CountryHit, Keyword
from tradecheck.claims.ranking import in_ranking
from tradecheck.claims.resolve.direction import UNSURE, actor, marked

__all__ = [
    "MINUS_BEFORE",
    "after_balance_word",
    "balance",
    "balance_changed",
    "balance_clause",
    "exceeding_flow",
    "exceeds_by",
    "first_country_balance",
    "is_balance",
]

_BALANCE_AFTER = re.compile(rf"^\s*(?:\w+\s+|的)?(?:{L.source('deficit_surplus')})", re.IGNORECASE)
#: "with" before the other country of a balance ("deficit with China", "对白顺差")
_WITH = "|".join(L.source(c) for c in ("with_word", "with_or_and", "balance_with"))
#: the article a country's name may take after those words ("a surplus with the United States")
_ARTICLE = rf"(?:(?:{L.source('article')})\s+)?"
_WITH_OTHER = re.compile(rf"(?:{_WITH})\s*{_ARTICLE}$", re.IGNORECASE)
_WITH_PAIR = re.compile(rf"(?:{_WITH}|{L.source('in_trade_with')})\s*{_ARTICLE}$", re.IGNORECASE)
#: a minus written right before an amount ("склала мінус 2,1 млрд"): the balance's own sign
MINUS_BEFORE = re.compile(rf"(?:{L.source('minus_word')}|-)\s*$", re.IGNORECASE)
_IN_FAVOUR_OF = re.compile(rf"(?:{L.source('in_favour_of')})\s*{_ARTICLE}$", re.IGNORECASE)
#: "the deficit from the Chinese market": an origin word before the partner of the balance
_FROM_PAIR = re.compile(rf"(?:{L.source('origin')})\s+(?:\w+\s+)?$", re.IGNORECASE)
#: "the deficit between Kenya and China": the first country after "between" holds it
_BETWEEN = re.compile(rf"(?:{L.source('between')})\s+{_ARTICLE}$", re.IGNORECASE)


#: characters between an amount and the country of its own "with" ("$2.4 billion with the ")
_TRAIL = 20
#: characters before a country that may hold its "with" and article ("gegenüber der ")
_PRE = 16
#: how far before a money amount its clause's balance word may stand (a Russian subject with
#: its countries and year: "Сальдо торговли A с B в 2023 году сложилось положительное в
#: размере ...")
_BALANCE_REACH = 120
#: characters after a balance word that may still belong to it ("surplus in trade with")
_BALANCE_PHRASE = 12
#: "in trade with" anywhere after a balance word is the balance's own ("сальдо Казахстана в
#: торговле с Беларусью"), not a trade figure
_IN_TRADE_WITH = L.pattern("in_trade_with")


def balance_changed(before: str) -> bool:
    """Whether ``before`` ends speaking of a balance: a balance word with no flow word after it
    ("The positive balance of Russia increased by "; a trade word right after it is the
    balance's own: "a surplus in trade with China rose by "). A percent change after it is the
    change of that balance (no quantity of the claim schema, so no claim).

    Examples
    --------
    >>> balance_changed("The positive balance of Russia increased by ")
    True
    >>> balance_changed("a surplus in trade with China rose by ")
    True
    >>> balance_changed("сальдо Казахстана в торговле с Беларусью в 2023 году ")
    True
    >>> balance_changed("a surplus, as exports grew by "), balance_changed(
    ...     "a surplus, while trade turnover grew by "
    ... )
    (False, False)
    """
    rest = after_balance_word(before)
    if rest is None:
        return False
    rest = _IN_TRADE_WITH.sub(lambda m: " " * len(m.group(0)), rest)
    return V.TRADE_KW.search(rest, _BALANCE_PHRASE) is None


def after_balance_word(before: str) -> str | None:
    """What follows the last balance word of ``before`` when no export or import word does
    (the text still speaks of that balance); None otherwise.

    Examples
    --------
    >>> after_balance_word("the deficit grew by ")
    ' grew by '
    >>> after_balance_word("the surplus, as exports fell by ") is None
    True
    """
    found = list(V.BALANCE_KW.finditer(before))
    if not found:
        return None
    rest = before[found[-1].end() :]
    if V.EXPORT_KW.search(rest) or V.IMPORT_KW.search(rest):
        return None
    return rest


def balance_clause(ctx: Context) -> Span | None:
    """The clause before the amount's that a money amount with no flow or balance word of its
    own continues, when that clause speaks of a balance ("Its deficit with China would total
    $26 billion, 11.2% lower than last year's $29.3 billion"; "The surplus shrank, falling
    20% to $10bn"): the amount is that balance's; else None.

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = "In 2016 Vietnam's deficit with China fell 10% from last year, reaching $30 billion."
    >>> [(c.quantity, c.value) for c in parse(t, pair=("VNM", "CHN"))][-1]
    ('balance', -30000000000.0)
    """
    p, (cs, a) = ctx.prev_clause, (ctx.clause.start, ctx.amount.start)
    if ctx.doc.mentions.keywords.between(cs, a) or V.BALANCE_KW.search(ctx.norm, cs, a):
        return None
    if p is not None and balance_changed(ctx.norm[p.start : p.end]):
        return p
    return balance_sentence_before(ctx)


def balance_sentence_before(ctx: Context) -> Span | None:
    """The sentence before the amount's, in the same paragraph, when it speaks of a balance
    (:func:`balance_changed`) and the amount's sentence takes that balance up with a pronoun
    before the amount (concept ``balance_pronoun``), naming no flow, trade or balance word of
    its own up to it ("Der Saldo mit Polen lag 2021 bei 3 Mrd. Euro. 2020 hatte er 2 Mrd.
    betragen."); else None.

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = ("Der Saldo der Handelsbilanz mit Ungarn betrug 2015 1,3 Milliarden Euro. "
    ...      "2014 hatte er bei 0,9 Milliarden Euro gelegen.")
    >>> [(c.quantity, c.value) for c in parse(t, pair=("DEU", "HUN"))][-1]
    ('balance', 900000000.0)
    """
    doc, (ss, a) = ctx.doc, (ctx.sentence.start, ctx.amount.start)
    j = bisect_right(doc.sent_starts, ss) - 1
    if j < 1 or not _balance_pronoun(doc.lang).search(ctx.norm, ss, a):
        return None  # the pronoun first: most languages list none, and the test ends here
    if "\n" in ctx.norm[doc.sents[j - 1].end : a]:
        return None
    if doc.mentions.keywords.between(ss, a) or V.BALANCE_KW.search(ctx.norm, ss, a):
        return None
    before = doc.sents[j - 1]
    return before if balance_changed(ctx.norm[before.start : before.end]) else None


@cache
def _balance_pronoun(lang: str) -> re.Pattern[str]:
    """The pronouns of ``lang`` that take up a balance word (concept ``balance_pronoun``)."""
    return re.compile(L.language_source("balance_pronoun", lang), re.IGNORECASE)


_EXCEED = L.pattern("exceed_verb")
#: "by" right before the amount, or with a bound word between ("um über 450 Millionen",
#: "by more than $2 billion"): the difference the verb of exceeding states
_EXCEEDED_BY = re.compile(
    rf"(?:{L.source('change_by')})\s*(?:(?:{L.source('more_than')}|{L.source('approx')})\s*)?$",
    re.IGNORECASE,
)


def exceeds_by(ctx: Context) -> Keyword | None:
    """The flow word of the flow that exceeds another by the amount: "exports exceeded
    imports by $1.4 billion", "польський експорт ... перевищив український експорт на
    400 млн доларів" (a flow word before the verb of exceeding, one after it, "by" right before the
    amount, all in one clause): the amount is a balance; None otherwise.

    Examples
    --------
    >>> from tradecheck.claims.context import Doc, contexts
    >>> t = "In 2021 Peru's exports to China exceeded its imports from China by $12 billion."
    >>> [exceeds_by(c).kind for c in contexts(Doc.read(t, t, "en", None, ("PER", "CHN")))]
    ['export']
    """
    a, (cs, ce) = ctx.amount, ctx.clause
    if a.kind not in ("money", "bare") or not _EXCEEDED_BY.search(
        ctx.norm, max(cs, a.start - 24), a.start
    ):
        return None
    verb = _EXCEED.search(ctx.norm, cs, ce)
    if verb is None:
        return None
    flows = [k for k in ctx.doc.mentions.keywords.between(cs, ce) if k.kind in ("export", "import")]
    before = [k for k in flows if k.end <= verb.start()]
    after = [k for k in flows if verb.end() <= k.start < a.start]
    ss = ctx.sentence.start
    elided = [
        k
        for k in ctx.doc.mentions.keywords.between(ss, cs)
        if k.kind in ("export", "import") and k.end <= cs
    ]
    return exceeding_flow(before, after, elided)


def exceeding_flow(
    before: list[Keyword], after: list[Keyword], elided: list[Keyword]
) -> Keyword | None:
    """The subject of a verb of exceeding among the flow words of its clause (``before`` and
    ``after`` the verb, up to the amount) and those of the clauses before it in its sentence
    (``elided``), when the clause compares two flows: the last flow word before the verb
    ("exports exceeded imports by"); with none, the first of two after it, the subject of a
    verb-second clause ("2023 übertrafen die Ausfuhren die Einfuhren um"); with one after it,
    the last of an earlier clause of the sentence of the other kind, the subject a
    coordinated clause leaves out ("Die Einfuhren stagnierten, übertrafen aber die
    Ausfuhren um"). None when the clause compares no two flows.

    Examples
    --------
    >>> ex, im = Keyword("export", 0, 7), Keyword("import", 20, 27)
    >>> exceeding_flow([ex], [im], []) is ex, exceeding_flow([], [ex, im], []) is ex
    (True, True)
    >>> exceeding_flow([], [ex], [im]) is im, exceeding_flow([], [ex], [])
    (True, None)
    """
    if before and after:
        return before[-1]
    if before:
        return None
    if len(after) >= 2:
        return after[0]
    if len(after) == 1 and elided and elided[-1].kind != after[0].kind:
        return elided[-1]
    return None


def _flow_holder(ctx: Context, kw: Keyword) -> str:
    """Whose exports or imports ``kw`` is: for exports, the exporter marked around it ("die
    russischen Exporte nach China": Russia's), else the flow word's actor
    (:func:`.direction.actor`)."""
    if kw.kind == "export":
        exporter, importer, _other = marked(ctx.doc, kw)
        if exporter is not None:
            return exporter
        if importer is not None:
            return ctx.doc.other(importer)
    return actor(ctx.doc, kw)


def is_balance(ctx: Context) -> bool:
    """Whether the amount is a balance ("a deficit of $X", "$X surplus", or continuing a clause
    about one: :func:`balance_clause`); a flow word between the balance word and the amount
    means a level ("surplus ... exports of $X")."""
    if exceeds_by(ctx) is not None:
        return True
    before = ctx.before(_BALANCE_REACH)
    if not (V.BALANCE_KW.search(before) or _BALANCE_AFTER.match(ctx.after(25))):
        return ctx.amount.kind in ("money", "money_gt") and balance_clause(ctx) is not None
    m = list(V.BALANCE_KW.finditer(before))
    if m:
        between = before[m[-1].end() :]
        if V.EXPORT_KW.search(between) or V.IMPORT_KW.search(between):
            return False
    return True


def _trails_other_amount(ctx: Context, pos: int) -> bool:
    """Whether the "with" before the country at ``pos`` follows another amount: that amount's
    partner, not this one's ("a deficit of $2.4 billion with the US and $0.2 billion with
    China": the US is the first amount's)."""
    return any(
        x.start != ctx.amount.start and pos - _TRAIL <= x.end <= pos
        for x in ctx.doc.mentions.amounts
    )


def _holder_countries(ctx: Context, lo: int) -> list[CountryHit]:
    """The countries that may say whose balance the amount is: those before it in its
    sentence (from ``lo`` at the farthest), and for a balance taken up from the sentence
    before (``lo`` before the sentence: :func:`balance_sentence_before`) those of that
    sentence's balance phrase, up to its first figure ("Der Saldo mit Polen lag bei 3 Mrd.
    Euro und fiel aus deutscher Sicht positiv aus": not the "aus deutscher" after it)."""
    doc, a, ss = ctx.doc, ctx.amount, ctx.sentence.start
    own = doc.countries_in(max(ss, min(lo, a.start - 80)), a.start)
    if lo >= ss:
        return own
    first = doc.mentions.amounts.between(lo, ss)
    return doc.countries_in(lo, first[0].start if first else ss) + own


def _holder(ctx: Context, negative: bool, lo: int) -> tuple[str | None, bool, bool]:
    """(holder, negative, other): the pair country whose balance it is, as the countries
    before the amount (from ``lo`` at the farthest) say it; ``other`` when it is a balance
    with another country."""
    t, holder = ctx.norm, None
    for c in _holder_countries(ctx, lo):
        pre = t[max(0, c.start - _PRE) : c.start]
        if c.iso not in ctx.doc.pair:
            if _WITH_OTHER.search(pre) and not _trails_other_amount(ctx, c.start):
                return None, negative, True
            continue
        if holder is None and _BETWEEN.search(pre):
            return c.iso, negative, False  # the deficit "between A and B" is A's
        if _WITH_PAIR.search(pre) or _FROM_PAIR.search(pre):
            holder = ctx.doc.other(c.iso)
        elif _IN_FAVOUR_OF.search(pre):
            holder, negative = c.iso, False
        elif in_ranking(t, ctx.sentence.start, c.start):
            holder = ctx.doc.other(c.iso)  # a ranked partner: "после России идет Китай — минус"
        else:
            holder = c.iso
    return holder, negative, False


def balance(ctx: Context) -> tuple[float, str] | None:
    """(signed value, ``holder->other``) of a balance; None for a balance with another country."""
    a, t, (cs, ce) = ctx.amount, ctx.norm, ctx.clause
    first = exceeds_by(ctx)
    if first is not None:  # the exporter's surplus, the importer's deficit
        owner = _flow_holder(ctx, first)
        v = abs(a.value) if first.kind == "export" else -abs(a.value)
        return v, f"{owner}->{ctx.doc.other(owner)}"
    carried = balance_clause(ctx) if not V.BALANCE_KW.search(t, cs, a.start) else None
    lo = carried.start if carried is not None else max(cs, a.start - 100)
    window = t[lo : min(ce, a.end + 25)]
    negative = bool(V.NEGATIVE_BALANCE.search(window)) or bool(
        MINUS_BEFORE.search(t[max(cs, a.start - 8) : a.start])
    )
    holder, negative, other = _holder(ctx, negative, lo)
    if other:
        return None
    v = abs(a.value)
    if holder is None and not ctx.doc.pair_named_before(ctx.sentence.end):
        return (-v if negative else v), UNSURE  # no country named: whose balance is not said
    if holder is None:
        holder = actor(ctx.doc, Keyword("trade", a.start, a.start))
    if holder in ctx.doc.pair and not ctx.doc.country_named_before(
        ctx.doc.other(holder), ctx.sentence.end
    ):
        return (-v if negative else v), UNSURE  # "a deficit for Belarus": with whom is not said
    return (-v if negative else v), f"{holder}->{ctx.doc.other(holder)}"


def first_country_balance(
    value: float, holder_direction: str, pair: tuple[str, str]
) -> tuple[float, str | None]:
    """The claim schema's balance: exports minus imports of the pair's first country,
    direction ``both`` (a deficit of Belarus with China is negative however it is worded);
    direction None when the text does not say whose balance it is (:data:`UNSURE`).

    Examples
    --------
    >>> first_country_balance(5.5e9, "CHN->BLR", ("BLR", "CHN"))
    (-5500000000.0, 'both')
    >>> first_country_balance(-5.5e9, UNSURE, ("BLR", "CHN"))
    (-5500000000.0, None)
    """
    if holder_direction == UNSURE:
        return value, None  # the holder is not said: the value as written, direction open
    holder = holder_direction.split("->")[0]
    return (value if holder == pair[0] else -value), "both"
