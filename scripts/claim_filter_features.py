"""Features of a parsed claim for a learned precision stage (issues 8 and 13).

:func:`features` turns one claim and the reader's :class:`~.context.Context` of its amount into
a fixed vector of numbers, read from what the reader already knows: the claim's fields, the
countries and amounts around the amount, where the sentence stands, and which concepts of the
language files (:mod:`.lexicon`) occur in the clause and in the sentence. Nothing in it names a
language, an outlet, a pair or a word: a concept hit is the same feature whether the text said
"exports", "Ausfuhr" or "出口". ``scripts/train_claim_filter.py`` fits a logistic regression on
these features and validates it leave-one-set-out. (A script module, not part of the
package: the filter failed its acceptance test, so the reader does not use it; see README.)
"""

from __future__ import annotations

import math
from bisect import bisect_right

from tradecheck.claims import lexicon as L
from tradecheck.claims.context import Context, Span
from tradecheck.claims.model import Claim

__all__ = ["CONCEPT_FEATURES", "FEATURE_NAMES", "features"]

#: the lexicon concepts whose presence near the amount is a feature: every list concept except
#: the grammar words (prepositions, period phrases, units; ``lexicon.GRAMMAR_WORDS``)
CONCEPT_FEATURES: tuple[str, ...] = tuple(c for c in L.LIST_CONCEPTS if c not in L.GRAMMAR_WORDS)
_QUANTITIES = ("level", "pct_change", "ratio", "abs_change", "share", "balance")
_BOUNDS = ("eq", "approx", "gt", "lt")
_KINDS = ("money", "money_gt", "bare", "percent", "ratio", "ratio_word")
_DIRECTIONS = ("both", "first_to_second", "second_to_first", "none")
_UNSURE = ("period", "direction", "partner")
#: characters searched back and forth for the line breaks around a sentence (its paragraph)
_PARAGRAPH_REACH = 1500

#: the names of :func:`features`' values, in order
FEATURE_NAMES: tuple[str, ...] = (
    *(f"quantity={q}" for q in _QUANTITIES),
    *(f"bound={b}" for b in _BOUNDS),
    "almost",
    *(f"amount={k}" for k in _KINDS),
    *(f"direction={d}" for d in _DIRECTIONS),
    *(f"unsure={u}" for u in _UNSURE),
    "reporter",
    "scope=goods",
    "currency",
    "currency=USD",
    "money_log10",
    "decimals=none",
    "decimals",
    "period",
    "period_months<12",
    "period_months>12",
    "base_period",
    *(f"pair_{i}_in_{w}" for w in ("clause", "sentence", "paragraph") for i in (0, 1)),
    *(f"other_countries_in_{w}" for w in ("clause", "sentence")),
    *(f"groups_in_{w}" for w in ("clause", "sentence")),
    "amounts_in_clause",
    "amounts_in_sentence",
    "period_in_clause",
    "headline",
    "lead",
    "sentence_position",
    *(f"{c}@clause" for c in CONCEPT_FEATURES),
    *(f"{c}@sentence" for c in CONCEPT_FEATURES),
)


def _onehot(value: str | None, options: tuple[str, ...]) -> list[float]:
    return [float(value == o) for o in options]


def _direction_kind(direction: str | None, pair: tuple[str, str]) -> str:
    """``both``, ``first_to_second`` (the pair's first country exports), the reverse, or
    ``none``."""
    if direction is None:
        return "none"
    if direction == "both":
        return "both"
    return "first_to_second" if direction.startswith(pair[0]) else "second_to_first"


def _months(start: str, end: str) -> int:
    """Calendar months of an inclusive ``YYYY-MM`` range."""
    (y0, m0), (y1, m1) = (map(int, s.split("-")[:2]) for s in (start, end))
    return (y1 - y0) * 12 + m1 - m0 + 1


def _claim_fields(c: Claim, ctx: Context) -> list[float]:
    """The claim's own fields: quantity, bound, amount kind, flow, unsure, reporter, scope,
    currency, magnitude, written precision and periods."""
    money = c.quantity in ("level", "abs_change", "balance") and c.value > 0
    months = _months(c.period.start, c.period.end) if c.period is not None else 12
    return [
        *_onehot(c.quantity, _QUANTITIES),
        *_onehot(c.bound, _BOUNDS),
        float(c.almost),
        *_onehot(ctx.amount.kind, _KINDS),
        *_onehot(_direction_kind(c.direction, ctx.doc.pair), _DIRECTIONS),
        *(float(u in c.unsure) for u in _UNSURE),
        float(c.reporter is not None),
        float(c.scope == "goods"),
        float(c.currency is not None),
        float(c.currency == "USD"),
        min(max((math.log10(c.value) - 9.0) / 3.0, -2.0), 2.0) if money else 0.0,
        float(c.decimals is None),
        min(c.decimals or 0, 3) / 3.0,
        float(c.period is not None),
        float(months < 12),
        float(months > 12),
        float(c.base_period is not None),
    ]


def _paragraph(ctx: Context) -> Span:
    """The line-delimited paragraph around the amount's sentence (at most a bounded reach)."""
    norm, (ss, se) = ctx.norm, ctx.sentence
    lo = norm.rfind("\n", max(0, ss - _PARAGRAPH_REACH), ss)
    hi = norm.find("\n", se, se + _PARAGRAPH_REACH)
    return Span(0 if lo < 0 else lo, len(norm) if hi < 0 else hi)


def _countries(ctx: Context) -> list[float]:
    """Whether each pair country is named in the clause, sentence and paragraph; how many other
    countries and groups the clause and sentence name."""
    pair, out = ctx.doc.pair, []
    spans = {"clause": ctx.clause, "sentence": ctx.sentence, "paragraph": _paragraph(ctx)}
    keys = {w: [m.key for m in ctx.doc.partners_in(sp)] for w, sp in spans.items()}
    for w in ("clause", "sentence", "paragraph"):
        named = {iso for k in keys[w] for iso in k.split("|")}
        out += [float(pair[0] in named), float(pair[1] in named)]
    groups = {w: [m for m in ctx.doc.partners_in(spans[w]) if m.group] for w in spans}
    for w in ("clause", "sentence"):
        others = {k for k in keys[w] if not set(k.split("|")) & set(pair)}
        out.append(min(len(others - {m.key for m in groups[w]}), 3) / 3.0)
    out += [min(len(groups[w]), 3) / 3.0 for w in ("clause", "sentence")]
    return out


def _layout(ctx: Context) -> list[float]:
    """Amounts in the clause and sentence, a period in the clause, and where the sentence
    stands (headline, lead, position in the text)."""
    doc, (cs, ce), (ss, se) = ctx.doc, ctx.clause, ctx.sentence
    amounts = doc.mentions.amounts
    index = max(0, bisect_right(doc.sent_starts, ss) - 1)
    n = max(1, len(doc.sents))
    return [
        min(len(amounts.between(cs, ce)), 6) / 6.0,
        min(len(amounts.between(ss, se)), 6) / 6.0,
        float(bool(doc.mentions.periods.between(cs, ce))),
        float(index == 0),
        float(index in (1, 2)),
        index / n,
    ]


def _concepts(ctx: Context) -> list[float]:
    """One 0/1 per concept of :data:`CONCEPT_FEATURES` in the clause, then in the sentence."""
    norm = ctx.norm
    out = []
    for sp in (ctx.clause, ctx.sentence):
        out += [
            float(L.pattern(c).search(norm, sp.start, sp.end) is not None) for c in CONCEPT_FEATURES
        ]
    return out


def features(claim: Claim, ctx: Context) -> list[float]:
    """The feature vector of ``claim`` read from the amount context ``ctx`` (a pure function;
    one value per name of :data:`FEATURE_NAMES`).

    Examples
    --------
    >>> from tradecheck.claims.parse import claims_in_context, read_doc
    >>> from tradecheck.claims.context import contexts
    >>> doc = read_doc("In 2024 Belarus's exports to China rose 5%.", pair=("BLR", "CHN"))
    >>> (c, ctx), = claims_in_context(contexts(doc))
    >>> x = dict(zip(FEATURE_NAMES, features(c, ctx)))
    >>> x["quantity=pct_change"], x["direction=first_to_second"], x["export@clause"]
    (1.0, 1.0, 1.0)
    """
    return [*_claim_fields(claim, ctx), *_countries(ctx), *_layout(ctx), *_concepts(ctx)]
