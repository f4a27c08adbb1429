"""Find quantitative trade claims in en/de/ru/zh/uk/be text and return structured :class:`Claim` s.

The grammar is rule-based (the language files ``claims/lang/*.toml`` compiled by ``lexicon``):
claims in trade news follow a small set of constructions, the output must be explainable
field by field, and no trained multilingual extractor for this task exists to reuse. An
LLM or a general NER model would need network access or heavy weights and gives no
per-field guarantee.

How a claim is built
--------------------
The walk goes down once, without coming back:

1. :mod:`.mentions` finds everything once per text: amounts (money with its written precision
   and currency, percentages, multiples, physical amounts), periods, flow words, countries,
   statistics-source cues and cue families, each in a sorted index.
2. :mod:`.context` gives each amount one immutable :class:`~.context.Context`: its sentence,
   clause, the clause before it and its coordinated segment (:mod:`.sentences`).
3. One pure resolver per attribute (``claims/resolve``): relevance (not a target, investment,
   price or volume), direction, quantity, bound, balance, share, period, base period,
   reporter, scope. None keeps state, so the claims never depend on the order amounts are
   visited.
4. :func:`build_claim` assembles the :class:`Claim`; a loose mention that a precise one of
   the same sentence states exactly is dropped (:func:`refines`); repeats are reported once.
   An amount that makes no claim of its own but refers back to the figure before it ("last
   year this figure was ...") restates that claim at its own time (:mod:`.referring`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from tradecheck.claims import referring as F
from tradecheck.claims import reporters as R
from tradecheck.claims._lang import LANGS, detect, drop_glosses, normalise
from tradecheck.claims.context import Context, Doc, contexts
from tradecheck.claims.dates import date_line
from tradecheck.claims.model import Claim, pair_str
from tradecheck.claims.resolve.balance import balance, first_country_balance, is_balance
from tradecheck.claims.resolve.base_period import base_period
from tradecheck.claims.resolve.bound import almost, bound
from tradecheck.claims.resolve.direction import Flow, flow, unanchored
from tradecheck.claims.resolve.partner import before_the_pair
from tradecheck.claims.resolve.period import period
from tradecheck.claims.resolve.quantity import Quantity, quantity
from tradecheck.claims.resolve.relevance import is_trade_value
from tradecheck.claims.resolve.reporter import reporter
from tradecheck.claims.resolve.scope import scope
from tradecheck.claims.resolve.share import share_direction, share_of_other
from tradecheck.countries import DEFAULT_PAIR, parse_pair
from tradecheck.dates import parse_date
from tradecheck.errors import TradecheckError

__all__ = ["ClaimParseError", "build_claim", "claims_of", "parse", "read_doc"]


class ClaimParseError(TradecheckError):
    """Bad arguments to :func:`parse` (unknown language, malformed date or pair)."""


#: quantities measured against a base period
_CHANGES = ("ratio", "pct_change", "abs_change")
#: quantities that carry the amount's currency
_MONEY_QUANTITIES = ("level", "abs_change", "balance")


def _claim_amount(ctx: Context) -> Context | None:
    """The context with the amount as a claim reads it; None for an amount that cannot be one.

    A bare scaled number takes the one currency of its sentence ("exports - $419.4 million,
    imports - 388.7 million"); a new amount, so the document's mentions stay as found.
    """
    a = ctx.amount
    if not math.isfinite(a.value):
        return None  # a number too long to be a figure ("$999…9 billion")
    if a.kind == "bare":
        ss, se = ctx.sentence
        curs = {x.currency for x in ctx.doc.mentions.amounts.between(ss, se) if x.kind == "money"}
        if len(curs) != 1:
            return None
        ctx = replace(ctx, amount=replace(a, kind="money", currency=curs.pop()))
    if ctx.amount.kind in ("money", "money_gt") and ctx.amount.currency is None:
        return None
    return ctx


def _what(ctx: Context, q: Quantity, fl: Flow) -> tuple[str, float, str | None] | None:
    """(quantity, value, direction) once balance and share have had their say."""
    kind, value, _decimals = q
    direction = fl.direction
    if kind == "balance":
        bal = balance(ctx)
        if bal is None:
            return None
        value, direction = first_country_balance(*bal, ctx.doc.pair)
    if kind == "share":
        if share_of_other(ctx):
            return None  # "Russia accounts for 60%": another country's share
        direction = share_direction(ctx, fl.keyword.kind, direction)
    return kind, value, direction


def _span(ctx: Context) -> str:
    """The claim's words: from the nearest flow word in the clause (else up to 60 characters
    before) to the end of the amount."""
    a, (cs, ce) = ctx.amount, ctx.clause
    kws = ctx.doc.mentions.keywords.between(cs, a.start)
    start = kws[-1].start if kws else max(cs, a.start - 60)
    span = ctx.doc.text[max(cs, start) : min(ce, a.end)].strip()
    return span or ctx.doc.text[a.start : a.end]


def _unsure(ctx: Context, fl: Flow, has_period: bool) -> list[str]:
    """What the text does not pin down (``model.UNSURE_FIELDS``)."""
    out = ["direction"] if fl.unsure else []
    if not has_period:
        out.append("period")
    if not ctx.doc.pair_named_before(ctx.sentence.end):
        out.append("partner")
    return out


def build_claim(found: Context) -> Claim | None:
    """The claim ``ctx``'s amount makes, None when it makes none (a pure function).

    Examples
    --------
    >>> doc = Doc.read("Trade grew 5% in 2024.", "Trade grew 5% in 2024.", "en", None,
    ...                ("BLR", "CHN"))
    >>> [(c.quantity, c.value) for c in map(build_claim, contexts(doc))]
    [('pct_change', 5.0)]
    """
    ctx = _claim_amount(found)
    if ctx is None or not is_trade_value(ctx):
        return None
    fl = flow(ctx, ctx.amount.kind in ("money", "money_gt") and is_balance(ctx))
    q = quantity(ctx) if fl is not None else None
    what = _what(ctx, q, fl) if q is not None and fl is not None else None
    if fl is None or q is None or what is None:
        return None
    per = period(ctx)
    fl = unanchored(ctx, fl, per is not None)
    kind, value, direction = what if fl.direction is not None else (*what[:2], None)
    if (direction is None and not fl.unsure) or not math.isfinite(value):
        return None
    if direction is None and before_the_pair(ctx):
        return None  # no flow, and the text turns to the pair only later
    b, a, doc = bound(ctx), ctx.amount, ctx.doc
    rep, notes = R.field(reporter(doc, a.start))
    return Claim(
        span=_span(ctx),
        quantity=kind,  # type: ignore[arg-type]
        value=value,
        currency=a.currency if kind in _MONEY_QUANTITIES else None,
        bound=b,  # type: ignore[arg-type]
        direction=direction,
        reporter=rep,
        period=per,
        base_period=base_period(ctx, per) if kind in _CHANGES and per is not None else None,
        scope=scope(ctx),
        lang=doc.lang,
        decimals=q[2],
        pair=pair_str(doc.pair),
        precision=a.precision,
        written=doc.text[a.start : a.end].strip(),
        almost=b == "approx" and almost(ctx),
        unsure=_unsure(ctx, fl, per is not None),
        notes=notes,
    )


def _safe_build(ctx: Context) -> Claim | None:
    """:func:`build_claim`, None where a rule fails on odd text (never raise on text)."""
    try:
        return build_claim(ctx)
    except (ValueError, ArithmeticError, IndexError):
        return None


def refines(vague: Claim, vague_kind: str, precise: Claim, precise_kind: str) -> bool:
    """Whether ``precise`` states exactly what ``vague`` says loosely in the same sentence
    ("more than doubled ...: it was 2.2 times as large"): same quantity, flow, periods and
    scope, an exact value that satisfies the loose one. The loose mention is then dropped.

    ``vague_kind`` and ``precise_kind`` are the amounts' kinds (``ratio_word`` for "doubled").
    """
    if vague.quantity not in ("ratio", "pct_change") or precise.bound != "eq":
        return False
    if vague.bound == "eq" and vague_kind != "ratio_word":
        return False
    same = (
        vague.quantity == precise.quantity
        and vague.direction == precise.direction
        and vague.period == precise.period
        and vague.base_period == precise.base_period
        and vague.scope == precise.scope
        and vague.reporter == precise.reporter
    )
    if not same or vague.value == precise.value:
        return False
    v, p = vague.value, precise.value
    if vague.bound == "gt":
        return p > v
    if vague.bound == "lt":
        return p < v
    if vague.bound == "approx" or vague_kind == "ratio_word":
        return abs(p - v) <= 0.15 * abs(v) and precise_kind != "ratio_word"
    return False


def claims_of(ctxs: Iterable[Context]) -> list[Claim]:
    """The claims of the given amount contexts, in text order whatever order they come in."""
    return [c for c, _ctx in claims_in_context(ctxs)]


def claims_in_context(ctxs: Iterable[Context]) -> list[tuple[Claim, Context]]:
    """:func:`claims_of`, each claim with the context of the amount it was built from (for
    measuring tools and the claim filter, which read both)."""
    every = list(ctxs)
    built = sorted(
        ((c, ctx) for ctx in every if (c := _safe_build(ctx)) is not None),
        key=lambda item: item[1].amount.start,
    )
    built = sorted(built + referring_claims(every, built), key=lambda item: item[1].amount.start)
    by_sentence: dict[tuple[int, int], list[tuple[Claim, Context]]] = {}
    for c, ctx in built:
        by_sentence.setdefault(ctx.sentence, []).append((c, ctx))
    kept = [
        (c, ctx)
        for c, ctx in built
        if not any(
            refines(c, ctx.amount.kind, c2, x2.amount.kind)
            for c2, x2 in by_sentence[ctx.sentence]
            if c2 is not c
        )
    ]
    final = drop_undated_repeats(drop_restated(_dedupe([c for c, _ctx in kept])))
    # the three filters keep or drop claims but never copy one, so identity finds the context
    where = {id(c): ctx for c, ctx in kept}
    return [(c, where[id(c)]) for c in final]


def referring_claims(
    ctxs: list[Context], built: list[tuple[Claim, Context]]
) -> list[tuple[Claim, Context]]:
    """The claims of amounts that make none on their own but refer back to the figure of the
    sentence before ("Last year this figure was minus 1.9 billion"; :mod:`.referring`)."""
    done = {id(ctx) for _c, ctx in built}
    out = []
    for ctx in ctxs:
        if id(ctx) in done or not F.refers_back(ctx):
            continue
        ref = F.referred(ctx, built)
        c = F.inherit(ctx, ref) if ref is not None else None
        if c is not None:
            out.append((c, ctx))
    return out


def restates(coarse: Claim, fine: Claim) -> bool:
    """Whether ``coarse`` is a rounded restatement of ``fine`` elsewhere in the text (a
    headline "up 29%" over the body's "up 29.2%"): same quantity, flow and scope, the same
    periods or none stated, written with one digit less (a figure of one significant digit,
    "$1 billion", is no rounding of "$994.7 million"), and ``fine`` rounds to it.

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = "Trade between Belarus and China up 29% in January 2023. "
    >>> t += "In January 2023 trade between Belarus and China grew by 29.2%."
    >>> [c.value for c in parse(t)]
    [29.2]
    """
    cp, fp = coarse.precision, fine.precision
    if cp is None or fp is None or not fp < cp <= fp * 10 * (1 + 1e-9):
        return False
    same = (
        coarse.quantity == fine.quantity
        and coarse.direction == fine.direction
        and coarse.period in (None, fine.period)
        and coarse.base_period in (None, fine.base_period)
        and coarse.scope == fine.scope
        and coarse.bound == fine.bound == "eq"
    )
    return same and abs(fine.value - coarse.value) <= cp / 2 + 1e-9


def drop_restated(claims: list[Claim]) -> list[Claim]:
    """The claims without rounded restatements of a more precise claim (:func:`restates`);
    each claim is looked up among the finer claims that round to its value (linear time)."""
    finer: dict[tuple[object, ...], list[Claim]] = {}
    for c in claims:
        if c.precision and _finite(c):
            finer.setdefault(_rounded_key(c, c.precision * 10, c.value), []).append(c)
    return [
        c
        for c in claims
        if not (
            c.precision
            and _finite(c)
            and any(restates(c, o) for o in finer.get(_rounded_key(c, c.precision, c.value), []))
        )
    ]


def drop_undated_repeats(claims: list[Claim]) -> list[Claim]:
    """The claims without undated repeats: a claim with no period whose quantity, value and
    flow a dated claim of the text states (a headline "trade tops $1 billion" over the body's
    "in 2010 trade reached $1 billion") says nothing more, and its period would be a guess.

    Examples
    --------
    >>> from tradecheck.claims.parse import parse
    >>> t = "Belarus's exports to China grew 72-fold. In 2016 they grew 72-fold over 2015."
    >>> [(c.value, c.period is not None) for c in parse(t)]
    [(72.0, True)]
    """
    dated = {_repeat_key(c) for c in claims if c.period is not None}
    return [c for c in claims if c.period is not None or _repeat_key(c) not in dated]


def _repeat_key(c: Claim) -> tuple[object, ...]:
    """Quantity, value and flow: what a repeat of a claim states again."""
    return (c.quantity, round(c.value, 9), c.direction)


def _finite(c: Claim) -> bool:
    """Whether a claim's value can be rounded to its precision (a number near the float limit,
    "2e307-fold" written to a tenth, would overflow)."""
    p = c.precision or 1.0
    return all(math.isfinite(x) for x in (c.value, p, c.value / p))


def _rounded_key(c: Claim, unit: float, value: float) -> tuple[object, ...]:
    """Quantity, flow, scope, a rounding unit and the value rounded to it."""
    return (c.quantity, c.direction, c.scope, float(f"{unit:.6g}"), round(value / unit))


def _dedupe(claims: list[Claim]) -> list[Claim]:
    """Each claim once, at its first place; a repeat that names the source the first
    mention leaves out (a headline restated in the body "according to Destatis") gives
    that place its source."""
    at: dict[tuple[object, ...], int] = {}
    out: list[Claim] = []
    for c in claims:
        key = (
            c.quantity,
            round(c.value, 9),
            c.direction,
            c.period,
            c.base_period,
            c.scope,
            c.bound,
        )
        if key not in at:
            at[key] = len(out)
            out.append(c)
        elif out[at[key]].reporter is None and c.reporter is not None:
            out[at[key]] = c
    return out


def _as_of(value: str | date | None) -> date | None:
    return parse_date(value, error=ClaimParseError, what="as_of")


def _pair(pair: object) -> tuple[str, str]:
    return parse_pair(pair, error=ClaimParseError)


def parse(
    text: str,
    *,
    as_of: str | date | None = None,
    lang: str = "auto",
    pair: tuple[str, str] = DEFAULT_PAIR,
) -> list[Claim]:
    """Find the quantitative trade claims about ``pair`` in ``text``.

    Parameters
    ----------
    text
        Any text in English, German, Russian or Chinese (simplified or traditional).
    as_of
        Publication date (``date`` or ``"YYYY-MM-DD"``); resolves "last year", "this year"
        and month ranges written without a year.
    lang
        ``"auto"`` (detect), ``"en"``, ``"de"``, ``"ru"`` or ``"zh"``; the language decides how
        ``1,234`` / ``1.234`` are read.
    pair
        The two countries (ISO3) whose trade is meant; directions are written with them.

    Returns
    -------
    list of Claim
        One per claim found, in text order; empty when there is none.

    Raises
    ------
    ClaimParseError
        For an unknown ``lang``, a malformed ``as_of`` or ``pair``.

    Examples
    --------
    >>> text = "In 2022 trade between Belarus and China reached $5.08 billion."
    >>> [c.to_json()["value"] for c in parse(text)]
    [5080000000.0]
    >>> parse("The sides aim to bring trade to $10 billion by 2030.")
    []
    >>> parse("2016年,中白贸易额15.3亿美元、同比增长12.6%。")[1].value
    12.6
    """
    doc = read_doc(text, as_of=as_of, lang=lang, pair=pair)
    return [] if doc is None else claims_of(contexts(doc))


def read_doc(
    text: str,
    *,
    as_of: str | date | None = None,
    lang: str = "auto",
    pair: tuple[str, str] = DEFAULT_PAIR,
) -> Doc | None:
    """The reader's :class:`Doc` of ``text`` as :func:`parse` reads it: glosses dropped,
    normalised, its language detected (``lang="auto"``), dated by ``as_of`` or else by its own
    date line; None for a blank text. Measuring tools use it to see what the reader sees.

    Raises
    ------
    ClaimParseError
        For an unknown ``lang``, a malformed ``as_of`` or ``pair``, or a ``text`` that is no
        string.

    Examples
    --------
    >>> read_doc("Der Handel stieg 2024 um 3 Prozent.").lang
    'de'
    >>> read_doc("   ") is None
    True
    """
    if lang not in ("auto", *LANGS):
        raise ClaimParseError(f"lang: expected one of auto, {', '.join(LANGS)}; got {lang!r}")
    pr = _pair(pair)
    d = _as_of(as_of)
    if text is None or not isinstance(text, str):
        raise ClaimParseError(f"text: expected a string, got {type(text).__name__}")
    if not text.strip():
        return None
    text = drop_glosses(text)
    norm = normalise(text)
    lg = detect(norm) if lang == "auto" else lang
    return Doc.read(text, norm, lg, d or date_line(norm), pr)
