"""Patterns of the claim grammar: countries, trade flows, bounds, change verbs, scopes,
statistics sources and the cues that mark a figure as not a trade value.

The words come from the language files (``claims/lang/*.toml`` via :mod:`.lexicon`), including
regions, products, multiples written as verbs, bounds written after the number, "did not
exceed", clause conjunctions, continuation cues and physical units (concept ``physical_unit``,
matched as written); what is left here is structure (which concept is which pattern). Texts
are normalised first (traditional -> simplified Chinese, see ``_lang.normalise``), so the
Chinese lists hold simplified forms only.
All patterns are matched case-insensitively.
"""

from __future__ import annotations

import re

from tradecheck.claims import lexicon as L
from tradecheck.claims import sentences as S

_I = re.IGNORECASE

# --- countries --------------------------------------------------------------------------------
# ISO3 -> regex of names, adjectives and case forms (concept ``countries``), capitals used as
# metonyms (concept ``capitals``; not after a location word, see claims/partners.py), and the
# groups of countries (concept ``country_groups``: EU, ASEAN, Central Asia, ...; WORLD is a
# country's trade with the world). Pair countries and "other" countries are taken from the same
# table; anything not in the chosen pair counts as another country (see ``claims/partners.py``).
COUNTRY_PATTERNS: dict[str, str] = {
    iso: L.keyed_source("countries", iso) for iso in L.keys("countries")
}
CAPITAL_PATTERNS: dict[str, str] = {
    iso: L.keyed_source("capitals", iso) for iso in L.keys("capitals")
}
GROUP_PATTERNS: dict[str, str] = {
    key: L.keyed_source("country_groups", key) for key in L.keys("country_groups")
}
# regions of a country usable as scope "region:<Name>" (country, name, pattern; concept
# ``regions``, keyed "ISO3:Name")
REGIONS: list[tuple[str, str, str]] = [
    (key.split(":", 1)[0], key.split(":", 1)[1], L.written_source("regions", key))
    for key in L.keys("regions")
]

# --- flows ------------------------------------------------------------------------------------
TRADE_KW = L.pattern("trade")
EXPORT_KW = L.pattern("export")
IMPORT_KW = L.pattern("import")
BALANCE_KW = L.pattern("balance")
NEGATIVE_BALANCE = L.pattern("negative_balance")

# --- bounds -----------------------------------------------------------------------------------
BOUND_BEFORE: list[tuple[re.Pattern[str], str]] = [
    (L.pattern("more_than"), "gt"),
    (L.pattern("less_than"), "lt"),
    (L.pattern("approx"), "approx"),
]
#: "about" words that approach the figure from below (the claim keeps them as ``almost``)
ALMOST = L.pattern("almost")

#: no comma, full stop or semicolon (``sentences.PUNCT``) between a number and the
#: ``exceeded_after`` word that bounds it
_NO_CLAUSE_END = S.marks("comma", "full_stop", "semicolon")
#: bound words after the number (concepts ``approx_after``, ``more_than_after`` right after it;
#: ``exceeded_after`` within a few words of it)
BOUND_AFTER: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"^\s*(?:{L.source('approx_after')})", _I), "approx"),
    (re.compile(rf"^\s*(?:{L.source('more_than_after')})", _I), "gt"),
    (re.compile(rf"^[^{_NO_CLAUSE_END}]{{0,25}}?(?:{L.source('exceeded_after')})", _I), "gt"),
]
#: words right before the number that make it an upper bound (concept ``not_exceeded``)
NOT_EXCEEDED = re.compile(rf"(?:{L.source('not_exceeded')})\s*$", _I)
#: words right before the number that make it a lower bound ("at least", "не менее"; concept
#: ``not_below``): gt, before "менее" alone is read as lt
NOT_BELOW = re.compile(rf"(?:{L.source('not_below')})\s*$", _I)

# --- changes ----------------------------------------------------------------------------------
DECREASE = L.pattern("decrease")
INCREASE = L.pattern("increase")
#: either: a word of change, up or down
CHANGE = re.compile(f"{L.source('increase')}|{L.source('decrease')}", _I)
INDEX_CUE = L.pattern("index")
SHARE_CUE = L.pattern("share")
PHYSICAL_UNIT = L.compile(
    rf"^\s*(?:(?:{L.table_source('scales')})\s*)?(?:{L.source('physical_unit')})", _I
)
PHYSICAL_TERMS = L.pattern("physical")
PRICE_TERMS = L.pattern("price")

# words that are a multiple ("doubled" 2, "halved" 0.5; concept ``multiple_words``)
RATIO_WORDS: list[tuple[re.Pattern[str], float]] = list(L.number_groups("multiple_words"))
# fractions written as words ("ein Drittel" 1/3, "三分之一"; concept ``fraction_words``)
FRACTION_WORDS: list[tuple[re.Pattern[str], float]] = list(L.number_groups("fraction_words"))

# --- scope ------------------------------------------------------------------------------------
GOODS_AND_SERVICES = L.pattern("goods_and_services")
SERVICES = L.pattern("services")
INDUSTRIAL = L.pattern("industrial")
#: product -> pattern of its names (concept ``products``), in the order the scope rule tries them;
#: a product's name starts with a letter (:data:`lexicon.LETTER_FIRST`, for speed only)
PRODUCTS: list[tuple[str, re.Pattern[str]]] = [
    (key, L.compile(f"{L.LETTER_FIRST}(?:{L.written_source('products', key)})", _I))
    for key in L.keys("products")
]

# --- statistics sources -----------------------------------------------------------------------
# reporter cues: found by claims/reporters.py (hits, overlapping cues resolved)

# A reporter cue governs the claims of its own sentence; within a sentence, coordinated main
# clauses (", and China's customs put ...") are separate segments, so a cue in a later segment
# does not reach back to an earlier one.
SEGMENT_BREAK = L.compile(rf",\s*(?:{L.source('clause_conjunction')})|;", _I)
# A sentence that continues the previous one's source ("It also said ...", "Demnach ...",
# "По тем же данным ...", "该署还表示 ...") inherits the reporter in effect at its end.
CONTINUATION = re.compile(rf"^\W*(?:{L.source('continuation')})", _I)
# A sentence that refers back to the previous sentence's figure ("this figure is 9% higher",
# "этот показатель"): a source it names is that figure's source too (claims/reporters.py).
FIGURE_ANAPHORA = L.pattern("figure_anaphora")
# A clause whose flow runs the other way ("…, with China sending $5 billion in the opposite
# direction"): the direction of the flow word before it, reversed (resolve/direction.py).
OPPOSITE_DIRECTION = L.pattern("opposite_direction")

# --- not a trade value ------------------------------------------------------------------------
#: targets and plans, and forecasts (concept ``forecast``): never an outcome
NOT_TRADE_STRONG = re.compile(f"{L.source('not_trade_strong')}|{L.source('forecast')}", _I)
#: a wish or readiness (concept ``intent``): never an outcome either
NOT_TRADE_STRONG = L.compile(f"{NOT_TRADE_STRONG.pattern}|{L.source('intent')}", _I)
#: the level a change ends at ("rose 13% to reach $5 bn"): no target (mentions.py)
RESULT_INFINITIVE = L.pattern("result_infinitive")
NOT_TRADE_WEAK = L.pattern("not_trade_weak")
#: figures of firms, deals and jobs (concept ``business``)
NOT_TRADE_WEAK = re.compile(f"{NOT_TRADE_WEAK.pattern}|{L.source('business')}", _I)
#: a count of goods groups or items (concept ``item_count``): a per-item threshold or a subset
NOT_TRADE_WEAK = L.compile(f"{NOT_TRADE_WEAK.pattern}|{L.source('item_count')}", _I)

#: a country's name starts with a letter (:data:`lexicon.LETTER_FIRST`, for speed only)
COUNTRY_RES: dict[str, re.Pattern[str]] = {
    k: L.compile(f"{L.LETTER_FIRST}(?:{v})", _I) for k, v in COUNTRY_PATTERNS.items()
}
CAPITAL_RES: dict[str, re.Pattern[str]] = {k: L.compile(v, _I) for k, v in CAPITAL_PATTERNS.items()}
GROUP_RES: dict[str, re.Pattern[str]] = {k: L.compile(v, _I) for k, v in GROUP_PATTERNS.items()}
REGION_RES: list[tuple[str, str, re.Pattern[str]]] = [
    (c, n, L.compile(p, _I)) for c, n, p in REGIONS
]
