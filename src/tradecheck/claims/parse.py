"""Find quantitative trade claims in en/de/ru/zh text and return structured :class:`Claim` s.

The grammar is rule-based (regular expressions in ``_numbers``, ``_periods`` and ``_vocab``):
claims in trade news follow a small set of constructions, the output must be explainable
field by field, and no trained multilingual extractor for this task exists to reuse. An
LLM or a general NER model would need network access or heavy weights and gives no
per-field guarantee.

How a claim is built
--------------------
1. Every amount is found: money (number + scale + currency), percentages, multipliers
   ("2.2-fold", "в 2,2 раза", "增长1.2倍", "doubled") and physical amounts (tonnes, m³; these
   are never reported but tell that a nearby percentage is about volumes).
2. For each amount, its clause and sentence give: the trade flow (nearest "trade/exports/
   imports" word and the countries around it -> direction), the kind of quantity (level,
   change, absolute change, share, balance), the bound ("about", "more than"), the period
   (nearest period expression; a sentence without one inherits the previous one; a year left
   out is taken from the text or the publication date), the base period (explicit
   "compared with 2021", else the same months a year earlier), the statistics source and the
   scope (region, product, industrial goods, services).
3. Figures that are not trade values of the pair (targets, investment, other countries'
   trade, volumes in tonnes, prices) are dropped; repeated mentions are reported once.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Generic, TypeVar

from tradecheck.claims import _vocab as V
from tradecheck.claims import lexicon as L
from tradecheck.claims import reporters as R
from tradecheck.claims._lang import LANGS, detect, normalise
from tradecheck.claims._numbers import NUM, SCALE_RE, parse_number, scale_factor, word_number
from tradecheck.claims._periods import BaseCue, PeriodMention, find_periods
from tradecheck.claims.abs_change import abs_change_sign
from tradecheck.claims.model import Claim, Period, pair_str
from tradecheck.claims.multiples import increase_by_times, plausible_multiple
from tradecheck.claims.respective import chain_heads, respective
from tradecheck.claims.roles import (
    IMPLICIT_ORIGIN,
    LIST_REACH,
    explicit_only,
    list_end,
    settle_implicit,
)
from tradecheck.countries import DEFAULT_PAIR, parse_pair
from tradecheck.dates import parse_date
from tradecheck.errors import TradecheckError

__all__ = ["ClaimParseError", "parse"]


class ClaimParseError(TradecheckError):
    """Bad arguments to :func:`parse` (unknown language, malformed date or pair)."""


# ------------------------------------------------------------------------------------------
# amounts
# ------------------------------------------------------------------------------------------
#: currency signs and codes written before the number, every language (concept ``currencies``)
_CUR_PRE = f"(?P<pre>{L.currency_prefix_source()})"
#: currency words written after the number, every language (concept ``currencies``)
_CUR_POST = (
    "(?P<post>" + "|".join(L.keyed_source("currencies", iso) for iso in L.keys("currencies")) + ")"
)
_MONEY = re.compile(
    rf"{_CUR_PRE}?\s?(?P<num>{NUM})(?:\s?(?P<scale>{SCALE_RE})(?![a-zа-яё]))?(?:\s?{_CUR_POST}(?![a-zа-яё]))?",
    re.IGNORECASE,
)
_PERCENT = re.compile(
    rf"(?P<num>{NUM})\s?(?:%|per\s?cent(?!age)|percent(?!age)|Prozent(?!punkt)|процент(?:а|ов)?(?!\w)|проц\.)",
    re.IGNORECASE,
)
#: multiples written with digits, every language (concept ``times``)
_RATIO_NUM: list[re.Pattern[str]] = L.templates("times", NUM)
_RATIO_WORD = re.compile(
    r"(?<!\w)(?P<en>two|three|four|five|six|seven|eight|nine|ten|one\s+and\s+a\s+half)"
    r"[- ]?(?:fold|times)(?!\w)"
    r"|(?<!\w)(?:в|во)\s+(?P<ru>два|три|четыре|пять|шесть|семь|восемь|девять|десять|полтора|полторы)\s+раз\w*"
    r"|(?<!\w)(?P<de>zwei|drei|vier|fünf|zehn)fach\w*"
    r"|(?<!\w)(?:das\s+)?(?P<de2>Doppelte|Dreifache|Vierfache|Fünffache)(?!\w)"
    r"|(?P<zh>[一二两三四五六七八九十]{1,3}|半)倍",
    re.IGNORECASE,
)
_DE2 = {"doppelte": 2.0, "dreifache": 3.0, "vierfache": 4.0, "fünffache": 5.0}


@dataclass
class _Amount:
    kind: str  # money | percent | ratio | ratio_word | physical
    start: int
    end: int
    value: float
    decimals: int | None
    currency: str | None = None
    num_start: int = 0
    unit: float = 1.0  # the scale word's factor ("billion" -> 1e9); 1 without one

    @property
    def precision(self) -> float | None:
        """One unit of the last written digit, in the amount's units; None for a word."""
        if self.decimals is None:
            return None
        return float(f"{self.unit / 10**self.decimals:.12g}")


def _scaled(v: float, unit: float) -> float:
    """``v * unit`` without binary noise ("8,2 млрд" -> 8200000000.0, not 8199999999.999999).

    Examples
    --------
    >>> _scaled(8.2, 1e9)
    8200000000.0
    """
    return float(f"{v * unit:.15g}")


def _currency(pre: str | None, post: str | None) -> str | None:
    """The currency written after (first) or before the number (:func:`lexicon.currency_of`)."""
    for token in (post, pre):
        iso = L.currency_of(token) if token else None
        if iso:
            return iso
    return None


def _find_amounts(norm: str, lang: str) -> list[_Amount]:  # noqa: C901  claim reader, to be rebuilt as small resolvers
    out: list[_Amount] = []
    taken = [False] * (len(norm) + 1)

    def free(s: int, e: int) -> bool:
        return not any(taken[s:e])

    def take(s: int, e: int) -> None:
        for i in range(s, e):
            taken[i] = True

    for m in _PERCENT.finditer(norm):
        try:
            v, d = parse_number(m.group("num"), lang)
        except ValueError:
            continue
        # signs written before the number ("+13%", "-5%")
        s = m.start()
        if s > 0 and norm[s - 1] in "+-" and (s == 1 or not norm[s - 2].isalnum()):
            if norm[s - 1] == "-":
                v = -v
            s -= 1
        out.append(_Amount("percent", s, m.end(), v, d, num_start=m.start("num")))
        take(s, m.end())
    for m in sorted((m for rx in _RATIO_NUM for m in rx.finditer(norm)), key=lambda m: m.start()):
        if not free(m.start(), m.end()):
            continue
        try:
            v, d = parse_number(m.group("num"), lang)
        except ValueError:
            continue
        if not plausible_multiple(v, m.group("num")):
            continue
        out.append(_Amount("ratio", m.start(), m.end(), v, d, num_start=m.start("num")))
        take(m.start(), m.end())
    for m in _RATIO_WORD.finditer(norm):
        if not free(m.start(), m.end()):
            continue
        rv: float | None
        if m.group("de2"):
            rv = _DE2[m.group("de2").lower()]
        elif m.group("zh"):
            rv = 0.5 if m.group("zh") == "半" else word_number(m.group("zh"))
        else:
            w = (m.group("en") or m.group("ru") or m.group("de") or "").lower()
            rv = 1.5 if w.startswith("one and") else word_number(w)
        if rv is None:
            continue
        out.append(_Amount("ratio", m.start(), m.end(), float(rv), None, num_start=m.start()))
        take(m.start(), m.end())
    for rx, val, _ in V.RATIO_WORDS:
        for m in rx.finditer(norm):
            if free(m.start(), m.end()):
                out.append(
                    _Amount("ratio_word", m.start(), m.end(), val, None, num_start=m.start())
                )
                take(m.start(), m.end())
    for m in _MONEY.finditer(norm):
        pre, post, scale = m.group("pre"), m.group("post"), m.group("scale")
        if not (pre or post):
            # a number with a scale and a physical unit, or nothing: physical or ignored
            ph = V.PHYSICAL_UNIT.match(norm[m.end("num") : m.end("num") + 30])
            if ph and free(m.start("num"), m.end("num")):
                out.append(
                    _Amount(
                        "physical",
                        m.start("num"),
                        m.end("num") + ph.end(),
                        0.0,
                        None,
                        num_start=m.start("num"),
                    )
                )
            elif scale and free(m.start(), m.end()):
                try:
                    v, d = parse_number(m.group("num"), lang)
                except ValueError:
                    continue
                out.append(
                    _Amount(
                        "bare",
                        m.start(),
                        m.end(),
                        _scaled(v, scale_factor(scale, lang)),
                        d,
                        num_start=m.start("num"),
                        unit=scale_factor(scale, lang),
                    )
                )
            continue
        if not free(m.start("num"), m.end("num")):
            continue
        if scale and scale.lower() in ("b", "m", "k") and not pre:
            continue
        try:
            v, d = parse_number(m.group("num"), lang)
        except ValueError:
            continue
        cur = _currency(pre, post)
        s = m.start() if pre else m.start("num")
        e = m.end()
        # "40多亿美元": more than 4 bn
        out.append(
            _Amount(
                "money",
                s,
                e,
                _scaled(v, scale_factor(scale, lang)),
                d,
                cur,
                num_start=m.start("num"),
                unit=scale_factor(scale, lang),
            )
        )
        take(s, e)
    # "40多亿美元" (more than 4 bn): number, 多, scale, currency
    for m in re.finditer(rf"(?P<num>{NUM})多(?P<scale>万亿|亿|万|千){_CUR_POST}", norm):
        if free(m.start(), m.end()):
            v, d = parse_number(m.group("num"), lang)
            a = _Amount(
                "money",
                m.start(),
                m.end(),
                _scaled(v, scale_factor(m.group("scale"))),
                d,
                _currency(None, m.group("post")),
                num_start=m.start(),
                unit=scale_factor(m.group("scale")),
            )
            a.kind = "money_gt"
            out.append(a)
            take(m.start(), m.end())
    out.sort(key=lambda a: a.start)
    return out


# ------------------------------------------------------------------------------------------
# text structure
# ------------------------------------------------------------------------------------------
_ABBREV = re.compile(
    r"(?:\b(?:Mio|Mrd|Bio|Tsd|bzw|ca|z\.B|u\.a|d\.h|Nr|vs|approx|U\.S|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Dr|Mr|Mrs|St)"
    r"|(?<!\w)(?:млн|млрд|трлн|тыс|руб|долл|г|гг|т|в|ст|им|ул|бел|т\.е|т\.ч|т\.к|др))$",
    re.IGNORECASE,
)


def _line_break_ends_sentence(norm: str, start: int, i: int) -> bool:
    """Whether the line break at ``i`` ends a sentence.

    Hard-wrapped press text breaks lines inside sentences; a break ends a sentence only at a
    blank line, after a short line (a headline or dateline), before a list item, or next to
    Chinese text.
    """
    if re.match(r"[ \t\r]*\n", norm[i + 1 : i + 40]):
        return True
    line_start = norm.rfind("\n", max(start, i - 200), i) + 1
    line = norm[max(line_start, i - 200) : i].strip()
    if not line or len(line) < 40:
        return True
    if re.match(r"\s*(?:[-•*–—]\s|\d{1,2}[.)]\s)", norm[i + 1 : i + 6]):
        return True
    # Chinese text is not wrapped inside sentences
    return bool(
        re.search(r"[\u4e00-\u9fff]$", line) or re.match(r"\s*[\u4e00-\u9fff]", norm[i + 1 : i + 4])
    )


def _sentences(norm: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = 0
    i = 0
    n = len(norm)
    while i < n:
        ch = norm[i]
        cut = False
        if ch in "。!?":
            cut = True
        elif ch == "\n":
            cut = _line_break_ends_sentence(norm, start, i)
        elif ch == "." and (i + 1 == n or norm[i + 1] in " \t\"»”'\n["):
            # not a decimal point, not after an abbreviation, next word starts a sentence
            word = re.search(r"[\w.]*$", norm[max(start, i - 40) : i])
            nxt = re.match(r"[\s\"»”'\[]*(\S?)", norm[i + 1 : i + 40])
            nxt_ch = nxt.group(1) if nxt else ""
            if not (word and _ABBREV.search(word.group(0))):
                cut = True
            if word and re.fullmatch(r"\d{1,2}", word.group(0)):
                cut = False  # German ordinal: "1. Quartal", "3. März"
            elif nxt_ch and nxt_ch.isupper() and word:
                # "Mrd. Dollar" continues the sentence; "млрд. В 2023 году" starts a new one
                after = norm[i + 1 : i + 16]
                if not re.search(r"(?i)(?:Mio|Mrd|Bio|Tsd)$", word.group(0)) or not re.match(
                    r"\s*(?:US-?)?(?:Dollar|Euro|USD|EUR|Yuan|Rubel|\$|€)", after
                ):
                    cut = True
            if nxt_ch and nxt_ch.islower():
                cut = False
        if cut:
            if norm[start : i + 1].strip():
                out.append((start, i + 1))
            start = i + 1
        i += 1
    if norm[start:].strip():
        out.append((start, n))
    return [piece for s, e in out for piece in _bounded(norm, s, e)]


#: longest stretch read as one sentence; longer runs (no sentence end for pages) are cut
#: into pieces, so that every rule reading a sentence or clause reads a bounded window and
#: parsing time grows linearly with the text.
MAX_SENTENCE = 800


def _bounded(norm: str, s: int, e: int) -> list[tuple[int, int]]:
    """``(s, e)`` cut into pieces of at most :data:`MAX_SENTENCE` characters, at spaces.

    Examples
    --------
    >>> [e - s for s, e in _bounded("ab " * 500, 0, 1500)]
    [797, 703]
    """
    out = []
    while e - s > MAX_SENTENCE:
        cut = norm.rfind(" ", s + MAX_SENTENCE // 2, s + MAX_SENTENCE)
        cut = cut if cut > s else s + MAX_SENTENCE
        out.append((s, cut))
        s = cut
    out.append((s, e))
    return out


T = TypeVar("T")


class _Sorted(Generic[T]):
    """Items sorted by offset: the items starting in ``[s, e)`` in O(log n + k).

    Examples
    --------
    >>> idx = _Sorted([5, 1, 9, 3], key=lambda x: x)
    >>> idx.between(2, 6), idx.last_before(9), idx.first_from(6)
    ([3, 5], 5, 9)
    """

    def __init__(self, items: Iterable[T], key: Callable[[T], int]) -> None:
        self.items: list[T] = sorted(items, key=key)
        self.starts: list[int] = [key(x) for x in self.items]

    def __iter__(self) -> Iterator[T]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def between(self, s: int, e: int) -> list[T]:
        """Items starting at ``s`` or later and before ``e``."""
        return self.items[bisect_left(self.starts, s) : bisect_left(self.starts, e)]

    def before(self, pos: int, limit: int = 64) -> list[T]:
        """Up to ``limit`` items starting before ``pos`` (the nearest ones), in text order."""
        j = bisect_left(self.starts, pos)
        return self.items[max(0, j - limit) : j]

    def last_before(self, pos: int) -> T | None:
        j = bisect_left(self.starts, pos)
        return self.items[j - 1] if j else None

    def first_from(self, pos: int) -> T | None:
        i = bisect_left(self.starts, pos)
        return self.items[i] if i < len(self.items) else None


def _clause_cuts(norm: str) -> list[int]:
    """Offsets of clause separators (commas between words, semicolons, dashes, brackets)."""
    cuts = []
    for m in re.finditer(r"(?<!\d),|,(?!\d)|,(?=\d{4}\b)|[;:、()\[\]«»]|\s[-–—]\s|—|–(?!\d)", norm):
        cuts.append(m.start())
    return cuts


def _start(x: _Amount | PeriodMention | _Kw | _CountryHit) -> int:
    return x.start


def _first(x: tuple) -> int:
    return x[0]


@dataclass
class _Kw:
    kind: str  # trade | export | import
    start: int
    end: int


@dataclass
class _CountryHit:
    iso: str
    start: int
    end: int


@dataclass
class _Doc:
    text: str
    norm: str
    lang: str
    as_of: date | None
    pair: tuple[str, str]
    amounts: _Sorted[_Amount] = field(default_factory=lambda: _Sorted([], _start))
    periods: _Sorted[PeriodMention] = field(default_factory=lambda: _Sorted([], _start))
    cues: list[BaseCue] = field(default_factory=list)
    sents: list[tuple[int, int]] = field(default_factory=list)
    sent_starts: list[int] = field(default_factory=list)
    cuts: list[int] = field(default_factory=list)
    kws: _Sorted[_Kw] = field(default_factory=lambda: _Sorted([], _start))
    countries: _Sorted[_CountryHit] = field(default_factory=lambda: _Sorted([], _start))
    rep_hits: _Sorted[tuple[int, str]] = field(default_factory=lambda: _Sorted([], _first))
    region_hits: _Sorted[tuple[int, str, str]] = field(default_factory=lambda: _Sorted([], _first))
    first_pair_country: _CountryHit | None = None
    money_like: _Sorted[_Amount] = field(default_factory=lambda: _Sorted([], _start))
    cue_hits: dict[str, _Sorted[tuple[int, int, str]]] = field(default_factory=dict)
    heads: dict[int, int] = field(default_factory=dict)  # amount start -> its list's first
    carry: list[str | None] = field(default_factory=list)  # per sentence: reporters.carried
    resp_period: dict[int, int] = field(default_factory=dict)  # "分别": amount -> period start
    resp_kw: dict[int, int] = field(default_factory=dict)  # "分别": amount -> flow word start

    # ---------------------------------------------------------------- setup
    def prepare(self) -> None:
        amounts = _find_amounts(self.norm, self.lang)
        for a in amounts:  # "рублей": the rouble of the pair (found fresh per text: safe)
            a.currency = L.resolve_currency(a.currency, self.pair)
        self.amounts = _Sorted(amounts, _start)
        self.money_like = _Sorted((a for a in amounts if a.kind in _MONEY_LIKE), _start)
        money_spans = [
            (a.num_start, a.end)
            for a in amounts
            if a.kind in ("money", "money_gt", "bare", "physical")
        ]
        periods, self.cues = find_periods(self.norm, money_spans)
        self.periods = _Sorted(periods, _start)
        self.sents = _sentences(self.norm)
        self.sent_starts = [s for s, _ in self.sents]
        self.cuts = _clause_cuts(self.norm)
        self.kws = _Sorted(_flow_keywords(self.norm), _start)
        iso_res = dict(V.COUNTRY_RES)
        for iso in self.pair:
            if iso not in iso_res:
                iso_res[iso] = _fallback_country_re(iso)
        self.countries = _Sorted(
            (
                _CountryHit(iso, m.start(), m.end())
                for iso, rx in iso_res.items()
                for m in rx.finditer(self.norm)
                if m.end() > m.start()
            ),
            _start,
        )
        self.cue_hits = _cue_hits(self.norm)
        spans = [(x.start, x.end) for x in amounts if x.kind != "physical"]
        self.heads = chain_heads(self.norm, spans)
        self.resp_period = respective(
            self.norm, self.sents, spans, [(p.start, p.end) for p in periods]
        )
        self.resp_kw = respective(
            self.norm, self.sents, spans, [(k.start, k.end) for k in self.kws], loose=True
        )
        self.first_pair_country = next((c for c in self.countries if c.iso in self.pair), None)
        self.rep_hits = _Sorted(R.hits(self.norm), _first)
        this = self.as_of.year if self.as_of else None
        own_years = [(p.start, R.year_of(p.year, p.rel, this)) for p in periods if not p.is_base]
        years = R.years_by_sentence(self.sent_starts, own_years)
        self.carry = R.carried(self.rep_hits.items, self.sents, [s for s, _ in spans], years)
        self.region_hits = _Sorted(
            (
                (m.start(), country, name)
                for country, name, rx in V.REGION_RES
                if country in self.pair
                for m in rx.finditer(self.norm)
            ),
            _first,
        )

    # ---------------------------------------------------------------- helpers
    def sent_of(self, pos: int) -> tuple[int, int]:
        j = bisect_right(self.sent_starts, pos) - 1
        if j >= 0 and pos < self.sents[j][1]:
            return self.sents[j]
        return max(0, pos - MAX_SENTENCE // 2), min(len(self.norm), pos + MAX_SENTENCE // 2)

    def clause_of(self, pos: int) -> tuple[int, int]:
        ss, se = self.sent_of(pos)
        i = bisect_left(self.cuts, pos)
        cs = self.cuts[i - 1] + 1 if i and self.cuts[i - 1] >= ss else ss
        ce = self.cuts[i] if i < len(self.cuts) and self.cuts[i] < se else se
        return cs, ce

    def prev_clause(self, cs: int) -> tuple[int, int] | None:
        ss, _ = self.sent_of(cs)
        if cs <= ss:
            return None
        return self.clause_of(max(ss, cs - 2))

    def cues_in(self, name: str, s: int, e: int) -> list[tuple[int, int, str]]:
        """The hits of one cue family (see :func:`_cue_hits`) lying within ``[s, e)``."""
        return [h for h in self.cue_hits[name].between(s, e) if h[1] <= e]

    def cue_in(self, name: str, s: int, e: int) -> bool:
        return bool(self.cues_in(name, s, e))

    def pair_named_before(self, end: int) -> bool:
        """Whether the text names a country of the pair before ``end``."""
        c = self.first_pair_country
        return c is not None and c.start < end

    def countries_in(self, s: int, e: int) -> list[_CountryHit]:
        return [c for c in self.countries.between(s, e) if c.end <= e]

    def other(self, iso: str) -> str:
        return self.pair[1] if iso == self.pair[0] else self.pair[0]

    # ---------------------------------------------------------------- run
    def run(self) -> list[Claim]:
        self.prepare()
        claims: list[Claim] = []
        built: list[tuple[Claim, _Amount]] = []
        for i, a in enumerate(self.amounts):
            if a.kind in ("physical",):
                continue
            try:
                c = self.build(a, i)
            except (ValueError, ArithmeticError, IndexError):  # defensive: never raise on text
                c = None
            if c is not None:
                built.append((c, a))
        by_sentence: dict[tuple[int, int], list[tuple[Claim, _Amount]]] = {}
        for c, a in built:
            by_sentence.setdefault(self.sent_of(a.start), []).append((c, a))
        for c, a in built:
            same = by_sentence[self.sent_of(a.start)]
            if not any(self._refines(c, a, c2, a2) for c2, a2 in same if c2 is not c):
                claims.append(c)
        return _dedupe(claims)

    def _refines(self, vague: Claim, va: _Amount, precise: Claim, pa: _Amount) -> bool:
        """Whether ``precise`` states exactly what ``vague`` says loosely in the same sentence
        ("more than doubled ...: it was 2.2 times as large"): same quantity, flow, periods and
        scope, an exact value that satisfies the loose one. The loose mention is then dropped."""
        if vague.quantity not in ("ratio", "pct_change") or precise.bound != "eq":
            return False
        if vague.bound == "eq" and va.kind != "ratio_word":
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
        if vague.bound == "approx" or va.kind == "ratio_word":
            return abs(p - v) <= 0.15 * abs(v) and pa.kind != "ratio_word"
        return False

    def build(self, a: _Amount, idx: int) -> Claim | None:  # noqa: C901  claim reader, to be rebuilt as small resolvers
        t = self.norm
        if not math.isfinite(a.value):
            return None  # a number too long to be a figure ("$999…9 billion")
        ss, se = self.sent_of(a.start)
        cs, ce = self.clause_of(a.start)
        pc = self.prev_clause(cs)
        if a.kind == "bare":
            # "exports - $419.4 million, imports - 388.7 million": currency from the sentence
            curs = {x.currency for x in self.amounts.between(ss, se) if x.kind == "money"}
            if len(curs) != 1:
                return None
            # a new amount for this claim: the shared list stays as found (order-independent)
            a = replace(a, kind="money", currency=curs.pop())
        if a.kind in ("money", "money_gt") and a.currency is None:
            return None
        # ---- not a trade value
        if self.cue_in("not_trade_weak", cs, ce):
            return None
        if self.cue_in("not_trade_strong", cs, ce) or (
            pc and self.cue_in("not_trade_strong", pc[0], pc[1])
        ):
            return None
        if a.kind in ("money", "money_gt"):
            before = t[max(ss, a.start - 14) : a.start]
            if re.search(
                r"(?:(?<!\w)(?:from|с|со|von|vom)\s+(?:(?:about|around|almost|nearly|около|почти|etwa|rund)\s+)?|[从由])$",
                before,
                re.IGNORECASE,
            ):
                later = [
                    x
                    for x in self.amounts.between(a.end, se)
                    if x.kind in ("money", "money_gt", "bare")
                ]
                if later and re.search(
                    r"(?<!\w)(?:to|до|auf|bis)\s|[至到]", t[a.end : later[0].start], re.IGNORECASE
                ):
                    return None
        if a.kind in ("percent", "ratio", "ratio_word"):
            if self.cue_in("price", cs, ce) or self.cue_in("physical", cs, ce):
                return None
            after = t[a.end : ce]
            if re.match(r"^\s*(?:to|до|auf|至|到)\s*", after):
                tgt = self.amounts.first_from(a.end)
                if tgt and tgt.start < ce and tgt.kind == "physical":
                    return None
            if not any(x.kind != "physical" for x in self.money_like.between(cs, ce)):
                prev = self.money_like.last_before(cs)
                if prev and prev.start >= ss and prev.kind == "physical":
                    return None
        # ---- flow and direction
        is_bal = a.kind in ("money", "money_gt") and self._is_balance(a, cs, ce)
        paired = self.kws.between(self.resp_kw.get(a.start, -9), self.resp_kw.get(a.start, -9) + 1)
        kw = paired[0] if paired else self.flow_kw(a, ss, se, cs, ce)
        if kw is None:
            if not is_bal:
                return None
            kw = _Kw("trade", a.start, a.start)
            direction: str | None = "both"
        else:
            direction = self.direction(kw, a)
            own = self.segment_direction(kw, a)
            if own == OTHER:
                return None
            direction = own or direction
        if direction is None and not is_bal:
            return None
        unsure = [] if direction != UNSURE else ["direction"]
        direction = None if direction == UNSURE else direction
        # ---- quantity, value, bound
        q = self.quantity(a, cs, ce, ss)
        if q is None:
            return None
        quantity, value, decimals = q
        bound = self.bound(a, cs, ce)
        if quantity == "balance":
            bal = self.balance(a, cs, ce, ss)
            if bal is None:
                return None
            value, direction = _first_country_balance(*bal, self.pair)
        if quantity == "share" and self.share_of_other(a, cs):
            return None  # "Russia accounts for 60%": another country's share
        if quantity == "share" and kw.kind != "trade":
            holder = self.share_holder(a, cs)
            if holder is not None:
                direction = (
                    f"{self.other(holder)}->{holder}"
                    if kw.kind == "export"
                    else f"{holder}->{self.other(holder)}"
                )
        # ---- period, base
        period = self.period_for(a, ss, se, cs, ce)
        base = None
        if quantity in ("ratio", "pct_change", "abs_change") and period is not None:
            base = self.base_for(a, ss, se, period)
        # ---- reporter, scope
        reporter, notes = R.field(self.reporter(a.start))
        scope = self.scope(a, ss, se, cs, ce)
        span = self.text[max(cs, self.span_start(a, cs)) : min(ce, a.end + 0)].strip()
        if not span:
            span = self.text[a.start : a.end]
        if (direction is None and not unsure) or not math.isfinite(value):
            return None
        if period is None:
            unsure.append("period")
        if not self.pair_named_before(se):
            unsure.append("partner")
        return Claim(
            span=span,
            quantity=quantity,  # type: ignore[arg-type]
            value=value,
            currency=a.currency if quantity in ("level", "abs_change", "balance") else None,
            bound=bound,  # type: ignore[arg-type]
            direction=direction,
            reporter=reporter,
            period=period,
            base_period=base,
            scope=scope,
            lang=self.lang,
            decimals=decimals,
            pair=pair_str(self.pair),
            precision=a.precision,
            written=self.text[a.start : a.end].strip(),
            almost=bound == "approx" and self.almost(a, cs),
            unsure=unsure,
            notes=notes,
        )

    def span_start(self, a: _Amount, cs: int) -> int:
        # the claim's words: from the nearest flow keyword (if in the clause) to the amount
        kws = self.kws.between(cs, a.start)
        return kws[-1].start if kws else max(cs, a.start - 60)

    # ---------------------------------------------------------------- flow
    def flow_kw(self, a: _Amount, ss: int, se: int, cs: int, ce: int) -> _Kw | None:
        kws = self.kws.between(ss, se)
        before_clause = [k for k in kws if cs <= k.start and k.end <= a.start]
        if before_clause:
            return before_clause[-1]
        after_clause = [k for k in kws if a.end <= k.start and k.end <= ce]
        if after_clause:
            return after_clause[0]
        before_sent = [k for k in kws if ss <= k.start and k.end <= a.start]
        if before_sent:
            return before_sent[-1]
        after_sent = [k for k in kws if a.end <= k.start and k.end <= se]
        if after_sent:
            return after_sent[0]
        # previous sentences of the text ("... Trade was X. In 2025 it amounted to Y")
        earlier = [k for k in self.kws.before(ss) if k.end <= ss]
        if earlier:
            return earlier[-1]
        return None

    def _marked(self, kw: _Kw) -> tuple[str | None, str | None, bool]:
        """(exporter, importer, other_country) read around one flow keyword."""
        t = self.norm
        kcs, kce = self.clause_of(kw.start)
        nxt = [x.start for x in self.amounts.between(kw.end, kw.end + 60) if x.kind != "physical"]
        r_end = min([kw.end + 60, kce] + nxt[:1])
        l_start = max(kcs, kw.start - 40)
        prev_amt = [
            x.end
            for x in self.amounts.between(kw.start - 200, kw.start)
            if x.end <= kw.start and x.kind != "physical"
        ]
        if prev_amt:
            l_start = max(l_start, prev_amt[-1])
        left = self.countries_in(l_start, kw.start)
        right = self.countries_in(kw.end, r_end)
        right = right or ([] if left else self._listed_after(kw))
        pairset = set(self.pair)
        exporter = importer = None
        other = False
        dest_rx, orig_rx = _DEST_BEFORE, _ORIG_BEFORE
        roles: list[tuple[str, str]] = []  # (role, iso)
        for c in left + right:
            pre = t[max(0, c.start - 20) : c.start]
            if dest_rx.search(pre):
                roles.append(("dest", c.iso))
            elif orig_rx.search(pre):
                roles.append(("orig", c.iso))
            elif c in right:
                # "imports of Chinese goods", "экспорт белорусских товаров": the origin
                roles.append((IMPLICIT_ORIGIN, c.iso))
            else:
                roles.append(("actor", c.iso))
        roles = settle_implicit(roles)
        for _role, iso in roles:
            if iso not in pairset:
                other = True
        if kw.kind == "trade":
            return None, None, other
        # the actor nearest before the flow word wins ("其中白方出口": 白方, not 中)
        left_actors = [r for r in roles[: len(left)] if r[0] == "actor"]
        if len(left_actors) > 1:
            keep = left_actors[-1]
            roles = [
                r for r in roles if r[0] != "actor" or r is keep or roles.index(r) >= len(left)
            ]
        for role, iso in roles:
            if iso not in pairset:
                continue
            if role == "dest":
                importer = importer or iso
            elif role == "orig":
                exporter = exporter or iso
            else:
                if kw.kind == "export":
                    exporter = exporter or iso
                else:
                    importer = importer or iso
        return exporter, importer, other

    def _listed_after(self, kw: _Kw) -> list[_CountryHit]:
        """The pair countries marked as origin/destination after a list of goods that runs
        past a comma ("imports of X, Y and Z from China"): see :func:`roles.list_end`."""
        stops = [x.start for x in self.amounts.between(kw.end, kw.end + LIST_REACH)]
        stops += [k.start for k in self.kws.between(kw.end + 1, kw.end + LIST_REACH)]
        far = self.countries_in(kw.end, list_end(kw.end, stops, self.sent_of(kw.start)[1]))
        return explicit_only(self.norm, far, _MARKED_BEFORE)

    def direction(self, kw: _Kw, a: _Amount) -> str | None:
        exporter, importer, other = self._marked(kw)
        if kw.kind == "trade":
            if other and not self._pair_near(kw):
                return None
            return "both"
        if other:
            return None  # exports to / imports from / flows of another country
        if exporter and importer and exporter == importer:
            importer = None
        if exporter is None and importer is None:
            # another flow keyword of the same kind in the sentence that names the countries
            ss, se = self.sent_of(kw.start)
            for k in self.kws.between(ss, se):
                if k is kw or k.kind != kw.kind:
                    continue
                e2, i2, _o2 = self._marked(k)
                if e2 or i2:
                    exporter, importer = e2, i2
                    break
        if exporter is None and importer is None:
            actor, said = self.actor_read(kw)
            if not said:
                return UNSURE
            if kw.kind == "export":
                exporter = actor
            else:
                importer = actor
        if exporter is None:
            exporter = self.other(importer)  # type: ignore[arg-type]
        if importer is None:
            importer = self.other(exporter)
        if exporter == importer:
            return None
        return f"{exporter}->{importer}"

    def segment_direction(self, kw: _Kw, a: _Amount) -> str | None:
        """The direction a later coordinated clause gives itself ("…; and to China they grew
        1.8-fold", "…, а наша страна в КНР — на 209 млн"): its own destination or origin
        replaces the flow word's; :data:`OTHER` when it names another country's flow."""
        seg = self.segment_of(a.start)
        if kw.kind == "trade" or kw.start >= seg[0]:
            return None
        if self.kws.between(seg[0], a.start):
            return None  # the clause has a flow word of its own
        start = seg[0] + 1
        exporter, importer, other = self._marked(_Kw(kw.kind, start, start))
        if other and not (exporter or importer):
            return OTHER
        if not (exporter or importer):
            return None
        exporter = exporter or self.other(importer)  # type: ignore[arg-type]
        importer = importer or self.other(exporter)
        return None if exporter == importer else f"{exporter}->{importer}"

    def _pair_near(self, kw: _Kw) -> bool:
        kcs, kce = self.clause_of(kw.start)
        hits = self.countries_in(max(kcs, kw.start - 40), min(kce, kw.end + 40))
        pairset = set(self.pair)
        if not hits:
            return True
        # "trade with Russia": the partner right after "with"
        t = self.norm
        for c in hits:
            if c.iso not in pairset and re.search(
                r"(?:with|с|со|з|із|зі|са|mit|与|和|同|zwischen|between|между)\s*$",
                t[max(0, c.start - 10) : c.start],
                re.IGNORECASE,
            ):
                return False
        named = {c.iso for c in hits if c.iso in pairset}
        # "trade between China and the EU": one pair country and a third one
        return len(named) == 2 or (len(named) == 1 and all(c.iso in pairset for c in hits))

    def actor(self, kw: _Kw) -> str:
        """Whose exports/imports an unmarked flow word means (the pair's first when unsaid)."""
        return self.actor_read(kw)[0]

    def actor_read(self, kw: _Kw) -> tuple[str, bool]:
        """(actor, said): ``said`` is False when the text does not say whose flow it is and
        the actor is only assumed (no pair country in the flow word's sentence)."""
        # the actor of the nearest earlier export/import keyword in the text
        for k in reversed(
            [k for k in self.kws.before(kw.start) if k.end <= kw.start and k.kind != "trade"]
        ):
            e, i, _ = self._marked(k)
            # "exports to China ..., while imports grew": the same country's imports
            if k.kind == "export" and (e or i):
                return e or self.other(i), True  # type: ignore[arg-type]
            if k.kind == "import" and (e or i):
                return i or self.other(e), True  # type: ignore[arg-type]
        reg = self.region_at(kw.start)
        if reg:
            return reg[0], True
        # "X trade with Y": the actor is the other of Y (the first pair country of the text)
        c = self.first_pair_country
        if c is None:
            return self.pair[0], False
        ss, se = self.sent_of(kw.start)
        said = any(x.iso in self.pair for x in self.countries_in(ss, se))
        if c.start <= kw.start and re.search(
            r"(?:with|с|со|з|із|зі|са|mit)\s*$",
            self.norm[max(0, c.start - 8) : c.start],
            re.IGNORECASE,
        ):
            return self.other(c.iso), said
        return c.iso, said

    # ---------------------------------------------------------------- quantity
    def quantity(  # noqa: C901  claim reader, to be rebuilt as small resolvers
        self, a: _Amount, cs: int, ce: int, ss: int
    ) -> tuple[str, float, int | None] | None:
        t = self.norm
        h = self.heads.get(a.start, a.start)  # "rose 5% and 10%": the words before the list
        lb = max(self.clause_of(h)[0], h - 100)
        prev_end = [x.end for x in self.amounts.between(lb, h) if x.end <= h]
        if prev_end:
            lb = max(lb, prev_end[-1])
        before = t[lb:h]
        after = t[a.end : min(ce, a.end + 30)]
        if a.kind in ("money", "money_gt"):
            if self._is_balance(a, cs, ce):
                return "balance", a.value, a.decimals
            sign = abs_change_sign(before, after)
            if sign is not None:
                return "abs_change", sign * a.value, a.decimals
            return "level", a.value, a.decimals
        if a.kind == "percent":
            ctx_before = t[max(cs, a.start - 90) : a.start]
            if V.SHARE_CUE.search(ctx_before) or re.match(
                r"^\s*(?:of\s+(?:the\s+)?(?:total|all|its|Belarus|China)|от\s+общ|of\s+\w+['’]s\s+total)",
                after,
                re.IGNORECASE,
            ):
                return "share", abs(a.value), a.decimals
            ctx = t[max(cs, a.start - 90) : min(ce, a.end + 30)]
            idx = V.INDEX_CUE.search(ctx)
            if idx and not re.search(
                r"(?<!\w)(?:на|by|um)\s+(?:\w+\s+)?$",
                t[max(cs, a.start - 20) : a.start],
                re.IGNORECASE,
            ):
                is_growth_rate = re.match(r"growth\s+(?:rate|index)", idx.group(0), re.IGNORECASE)
                if not is_growth_rate or a.value >= 100:
                    return "pct_change", _scaled(a.value - 100.0, 1.0), a.decimals
            psign = self._change_sign(before, after, a)
            if psign is None:
                if t[a.start] == "+" or (t[a.start] == "-" and a.value < 0):
                    return "pct_change", a.value, a.decimals
                if a.value >= 100 and _INDEX_BASE_AFTER.match(t, a.end, min(len(t), a.end + 60)):
                    return "pct_change", _scaled(a.value - 100.0, 1.0), a.decimals
                noun = _CHANGE_NOUN_AFTER.match(after)
                if noun and (V.INCREASE.fullmatch(noun["w"]) or V.DECREASE.fullmatch(noun["w"])):
                    sign = -1.0 if V.DECREASE.fullmatch(noun["w"]) else 1.0
                    return "pct_change", sign * abs(a.value), a.decimals
                return None
            return "pct_change", psign * abs(a.value), a.decimals
        if a.kind in ("ratio", "ratio_word"):
            v: float = a.value
            matched = t[a.start : a.end]
            if "倍" in matched and a.kind == "ratio":
                if increase_by_times(t[max(cs, a.start - 8) : a.start]):
                    v = v + 1.0
            elif v >= 1.0:  # "halved" is already a decrease
                rsign = self._change_sign(before, after, a)
                if rsign is not None and rsign < 0:
                    v = 1.0 / v
            return "ratio", v, a.decimals
        return None

    def _change_sign(self, before: str, after: str, a: _Amount) -> float | None:
        """+1 for an increase, -1 for a decrease, None if no change word is near."""
        cands: list[tuple[int, float]] = []  # (distance, sign)
        for rx, sgn in ((V.INCREASE, 1.0), (V.DECREASE, -1.0)):
            for m in rx.finditer(before):
                word = m.group(0).lower()
                if word in ("more", "less", "больше", "меньше", "mehr", "weniger") and re.match(
                    r"\s*(?:than|чем|als)", before[m.end() :]
                ):
                    continue  # "more than" is a bound
                cands.append((len(before) - m.end(), sgn))
            for m in rx.finditer(after[:20]):
                word = m.group(0).lower()
                if (
                    word
                    in (
                        "more",
                        "less",
                        "больше",
                        "меньше",
                        "mehr",
                        "weniger",
                        "higher",
                        "lower",
                        "выше",
                        "ниже",
                        "höher",
                        "niedriger",
                    )
                    or word in ("up", "down")
                    or m.start() <= 3
                ):
                    cands.append((m.start() + 1, sgn))
        # "um 9 Prozent über dem Vorjahreszeitraum", "5% above/below last year's level",
        # German separable verbs: "legte ... um 15 Prozent zu", "nahm ... um 3 Prozent ab"
        pos = re.match(
            r"\s*(?:(?P<up>über|above)|(?P<down>unter|below))\s+(?:dem|der|den|the|that|its|last|those)(?!\w)"
            r"|\s*(?P<zu>zu)(?!\w)|\s*(?P<ab>ab)(?!\w)",
            after,
            re.IGNORECASE,
        )
        if (
            pos
            and (pos.group("zu") or pos.group("ab"))
            and not re.search(r"(?<!\w)um\s+(?:\S+\s+)?$", before, re.IGNORECASE)
        ):
            pos = None
        if pos and (pos.group("up") or pos.group("zu")):
            cands.append((1, 1.0))
        elif pos and (pos.group("down") or pos.group("ab")):
            cands.append((1, -1.0))
        if not cands:
            return None
        cands.sort(key=lambda x: x[0])
        return cands[0][1]

    def _is_balance(self, a: _Amount, cs: int, ce: int) -> bool:
        t = self.norm
        before = t[max(cs, a.start - 80) : a.start]
        after = t[a.end : min(ce, a.end + 25)]
        if V.BALANCE_KW.search(before) or re.match(
            r"^\s*(?:\w+\s+)?(?:deficit|surplus|дефицит\w*|профицит\w*|Defizit|Überschuss|逆差|顺差)",
            after,
            re.IGNORECASE,
        ):
            # a flow keyword between the balance word and the amount means a level
            # ("surplus ... exports of $X")
            m = list(V.BALANCE_KW.finditer(before))
            if m:
                between = before[m[-1].end() :]
                if V.EXPORT_KW.search(between) or V.IMPORT_KW.search(between):
                    return False
            return True
        return False

    def balance(self, a: _Amount, cs: int, ce: int, ss: int) -> tuple[float, str] | None:
        t = self.norm
        ctx = t[max(cs, a.start - 100) : min(ce, a.end + 25)]
        negative = bool(V.NEGATIVE_BALANCE.search(ctx)) or t[
            max(cs, a.start - 8) : a.start
        ].rstrip().endswith(("минус", "minus", "-"))
        pairset = set(self.pair)
        holder = None
        for c in self.countries_in(max(ss, a.start - 80), a.start):
            pre = t[max(0, c.start - 12) : c.start]
            if c.iso not in pairset:
                if re.search(r"(?:with|с|со|з|із|зі|са|mit|对|与|同)\s*$", pre, re.IGNORECASE):
                    return None  # a balance with another country
                continue
            if re.search(
                r"(?:with|с|со|з|із|зі|са|mit|in\s+trade\s+with|в\s+торговле\s+с|对|与|同)\s*$",
                pre,
                re.IGNORECASE,
            ):
                holder = self.other(c.iso)
            elif re.search(
                r"(?:in\s+favou?r\s+of|в\s+пользу|zugunsten|zu\s+Gunsten\s+von)\s*$",
                pre,
                re.IGNORECASE,
            ):
                holder = c.iso
                negative = False
            else:
                holder = c.iso
        if holder is None:
            holder = self.actor(_Kw("trade", a.start, a.start))
        v = abs(a.value)
        return (-v if negative else v), f"{holder}->{self.other(holder)}"

    def share_of_other(self, a: _Amount, cs: int) -> bool:
        """Whether the country right before the share word is outside the pair."""
        cues = list(V.SHARE_CUE.finditer(self.norm, cs, a.start))
        if not cues:
            return False
        cue = cues[-1]
        near = self.countries_in(max(cs, cue.start() - 30), cue.start())
        return bool(near) and near[-1].iso not in self.pair

    def share_holder(self, a: _Amount, cs: int) -> str | None:
        """The pair country whose share is meant ("China's share", "доля Китая", "中国占")."""
        t = self.norm
        cues = list(V.SHARE_CUE.finditer(t, cs, a.start))
        m = cues[-1] if cues else None
        if m is None:
            return None
        for c in self.countries_in(max(cs, m.start() - 25), min(a.start, m.end() + 25)):
            if c.iso not in self.pair:
                continue
            gap = t[c.end : m.start()] if c.end <= m.start() else t[m.end() : c.start]
            if len(gap.strip(" ’'s")) <= 12 and not re.search(
                r"(?:в|in|im|of)\s+\S*$", t[max(0, c.start - 6) : c.start]
            ):
                return c.iso
        return None

    # ---------------------------------------------------------------- bound
    def almost(self, a: _Amount, cs: int) -> bool:
        """Whether an "about" bound is an approach from below ("almost", "почти", "近")."""
        return bool(V.ALMOST.search(self.norm, max(cs, a.start - 20), a.start))

    def bound(self, a: _Amount, cs: int, ce: int) -> str:
        t = self.norm
        if a.kind == "money_gt":
            return "gt"
        lb = max(cs, a.start - 32)
        prev_end = [x.end for x in self.amounts.between(cs, a.start) if x.end <= a.start]
        if prev_end:
            lb = max(lb, prev_end[-1])
        before = t[lb : a.start]
        after = t[a.end : ce]
        for rx, b in V.BOUND_AFTER:
            if rx.search(after):
                return b
        if re.search(
            r"(?:(?<!\w)(?:did|does|do|has|have|had)\s+not\s+(?:exceed|surpass|top|pass)\w*|(?<!\w)не\s+(?:превы\w+|более|больше)|nicht\s+(?:über\w*|mehr\s+als)|未(?:超过|突破|超))\s*(?:the\s+|порог\w*\s+в\s+)?$",
            before,
            re.IGNORECASE,
        ):
            return "lt"
        best: tuple[int, str] | None = None
        for rx, b in V.BOUND_BEFORE:
            for m in rx.finditer(before):
                word = m.group(0)
                dist = len(before) - m.end()
                if re.fullmatch(r"[\u4e00-\u9fff]+", word) and dist > 4:
                    continue
                if word.lower() in ("больше", "меньше") and not re.match(
                    r"\s*(?:чем)?", before[m.end() :]
                ):
                    continue
                if word.lower() in ("over", "über") and dist > 3:
                    continue
                if best is None or dist < best[0]:
                    best = (dist, b)
        return best[1] if best else "eq"

    # ---------------------------------------------------------------- periods
    def _context_year(self, pos: int, since: int = 0) -> int | None:
        for p in reversed(
            [
                p
                for p in self.periods.before(pos, 256)
                if since <= p.start and p.end <= pos and not p.is_base
            ]
        ):
            if p.year is not None:
                return p.year
            if p.rel is not None and self.as_of is not None:
                return self.as_of.year + p.rel
        return None

    def _resolve(self, p: PeriodMention) -> Period | None:
        y = p.year
        if p.from_context and p.rel is not None:  # "im Vorjahr": before the year spoken of
            ctx = self._context_year(p.start)
            y = None if ctx is None else ctx + p.rel
        if y is None and p.rel is not None and self.as_of is not None:
            y = self.as_of.year + p.rel
        if y is None and p.the_year:
            # "in den ersten neun Monaten des Jahres": a year named earlier in the same
            # sentence, else the year of publication (the previous one if those months are
            # not over yet)
            ss, _se = self.sent_of(p.start)
            y = self._context_year(p.start, since=ss)
            if y is None and self.as_of is not None:
                y = self.as_of.year if p.m2 < self.as_of.month else self.as_of.year - 1
        if y is None:
            y = self._context_year(p.start)
        if y is None and self.as_of is not None:
            y = self.as_of.year if p.m2 < self.as_of.month else self.as_of.year - 1
        if y is None:
            return None
        return Period(f"{y:04d}-{p.m1:02d}", f"{y:04d}-{p.m2:02d}")

    def _months_for_this_year(
        self, chosen: PeriodMention, ps: list[PeriodMention]
    ) -> PeriodMention:
        """ "This year" in a sentence that also states the months of that year ("grew this
        year: in January to September 2025 ...") means those months when the year is not
        over at publication; a whole-year period would claim a year not yet known."""
        if not (chosen.full_year and chosen.rel == 0 and self.as_of is not None):
            return chosen
        y = self.as_of.year
        months = [
            p
            for p in ps
            if not p.full_year
            and p is not chosen
            and (p.year == y or p.rel == 0 or (p.year is None and p.rel is None))
        ]
        if not months:
            return chosen
        after = [p for p in months if p.start >= chosen.end]
        return after[0] if after else months[-1]

    def _bracketed_after(self, a: _Amount) -> PeriodMention | None:
        """The period an amount in brackets right after it belongs to ("wie im Jahr 2020
        (3,003 Milliarden)", "in 2021 ($3.8 bn)"), base period or not."""
        j = self.norm.rfind("(", max(0, a.start - 3), a.start + 1)
        if j < 0 or self.norm[j + 1 : a.start].strip(" $"):
            return None
        p = self.periods.last_before(j)
        return p if p is not None and not self.norm[p.end : j].strip() else None

    def period_for(self, a: _Amount, ss: int, se: int, cs: int, ce: int) -> Period | None:
        paired = self.periods.between(
            self.resp_period.get(a.start, -9), self.resp_period.get(a.start, -9) + 1
        )
        if paired:  # "2022年、2023年分别增长29.3%和26.3%"
            return self._resolve(paired[0])
        own = self._bracketed_after(a)
        if own is not None:
            return self._resolve(own)
        ps = [p for p in self.periods.between(ss, se) if not p.is_base]
        in_clause = [p for p in ps if cs <= p.start < ce]
        chosen: PeriodMention | None = None
        if in_clause:
            chosen = min(
                in_clause,
                key=lambda p: (p.start - a.end) if p.start >= a.end else (a.start - p.end),
            )
        else:
            before = [p for p in ps if p.end <= a.start]
            after = [p for p in ps if p.start >= a.end]
            if before:
                chosen = before[-1]
            elif after:
                chosen = after[0]
        if chosen is not None:
            chosen = self._months_for_this_year(chosen, ps)
            per = self._resolve(chosen)
            return per
        # inherit from the previous sentences
        earlier = [p for p in self.periods.before(ss, 256) if p.end <= ss and not p.is_base]
        if earlier:
            return self._resolve(earlier[-1])
        return None

    def base_for(self, a: _Amount, ss: int, se: int, period: Period) -> Period | None:
        bases = [
            p for p in self.periods.between(ss, se) if p.is_base and a.start not in self.resp_period
        ]
        y0, m1 = int(period.start[:4]), int(period.start[5:])
        y1, m2 = int(period.end[:4]), int(period.end[5:])
        if bases:
            b = min(bases, key=lambda p: abs(p.start - a.start))
            if b.year is not None:
                if b.full_year:
                    return Period(f"{b.year:04d}-{m1:02d}", f"{b.year + (y1 - y0):04d}-{m2:02d}")
                return Period(f"{b.year:04d}-{b.m1:02d}", f"{b.year:04d}-{b.m2:02d}")
            if b.rel is not None and self.as_of is not None and b.rel <= -1:
                by = y0 - 1 if b.full_year else self.as_of.year + b.rel
                if not b.full_year:
                    return Period(f"{by:04d}-{b.m1:02d}", f"{by:04d}-{b.m2:02d}")
        return Period(f"{y0 - 1:04d}-{m1:02d}", f"{y1 - 1:04d}-{m2:02d}")

    # ---------------------------------------------------------------- reporter and scope
    def segment_of(self, pos: int) -> tuple[int, int]:
        """The coordinated main clause of the sentence holding ``pos`` (see ``V.SEGMENT_BREAK``)."""
        ss, se = self.sent_of(pos)
        s, e = ss, se
        for m in V.SEGMENT_BREAK.finditer(self.norm, ss, se):
            if m.end() <= pos:
                s = m.start()
            elif m.start() >= pos:
                e = m.start()
                break
        return s, e

    def reporter(self, pos: int, _depth: int = 0) -> str | None:
        """The statistics source a figure at ``pos`` is attributed to.

        A cue applies within its own sentence: to figures after it, and to figures before it
        in the same coordinated clause or when it closes the sentence ("..., according to
        Chinese customs."). A sentence without an applicable cue that continues the previous
        one ("It also said ...") inherits the previous sentence's source.
        """
        ss, se = self.sent_of(pos)
        cues = self.rep_hits.between(ss, se)
        before = [h for h in cues if h[0] <= pos]
        iso: str | None = None
        if before:
            iso = before[-1][1]
        else:
            seg = self.segment_of(pos)
            amount_starts = [x.start for x in self.amounts.between(ss, se) if x.kind != "physical"]
            for h in cues:
                same_segment = seg[0] <= h[0] < seg[1]
                closing = not any(h[0] < s < se for s in amount_starts)
                if same_segment or closing:
                    iso = h[1]
                    break
        if (
            iso is None
            and not cues
            and _depth < 5
            and ss > 0
            and V.CONTINUATION.search(self.norm[ss:se].lstrip())
        ):
            return self.reporter(max(0, ss - 1), _depth + 1)
        j = bisect_right(self.sent_starts, ss) - 1
        if iso is None and not cues and 0 <= j < len(self.carry) and self.sents[j] == (ss, se):
            iso = self.carry[j]  # a text citing one source (reporters.carried)
        return iso

    def region_at(self, pos: int) -> tuple[str, str] | None:
        ss, se = self.sent_of(pos)
        last = self.region_hits.last_before(se)
        if last is None:
            return None
        if last[0] >= ss:
            return last[1], last[2]
        # carried from an earlier sentence unless this one names the pair country itself
        c, n = last[1], last[2]
        if any(x.iso == c for x in self.countries_in(ss, se)):
            return None
        return c, n

    def scope(self, a: _Amount, ss: int, se: int, cs: int, ce: int) -> str:
        t = self.norm
        reg = self.region_at(a.start)
        if reg:
            return f"region:{reg[1]}"
        # product: nearest cue before the amount in the sentence, not behind a total-trade word
        hits = self.cues_in("product", ss, a.start)
        best: tuple[int, str] | None = None
        if hits:
            last = max(h[0] for h in hits)
            # overlapping cues ("potassium fertilizer"): the more specific product, listed first
            near = self.cues_in("product", max(ss, last - 25), min(a.start, last + 25))
            best = (last, min((h[2] for h in near), key=_PRODUCT_ORDER.index))
            between = t[best[0] : a.start]
            trade_between = [k for k in self.kws.between(best[0] + 1, a.start) if k.kind == "trade"]
            if not trade_between and not re.search(
                r"товарооборот|贸易额|turnover|Handel", between, re.IGNORECASE
            ):
                return f"product:{best[1]}"
        for _pos, _end, name in self.cues_in("product", a.end, min(ce, a.end + 40))[:1]:
            if re.match(r"^\s*(?:worth\s+of|of|в\s+виде)?\s*$", t[a.end : _pos], re.IGNORECASE):
                return f"product:{name}"
        for name in ("industrial", "goods_and_services", "services"):
            if any(self._scope_reaches(h[0], a) for h in self.cues_in(name, ss, se)):
                return name
        return "goods"

    def _scope_reaches(self, cue: int, a: _Amount) -> bool:
        """Whether a scope word at ``cue`` ("industrial goods", "services") covers amount ``a``.

        A scope named in a sentence holds for every figure of its coordinated clause and of
        the clauses after it ("Trade in industrial goods ... more than doubled: ... it was 2.2
        times ..."), unless a later clause names a new flow subject of its own before the
        figure ("..., while overall trade reached $8.2 billion").
        """
        seg_cue = self.segment_of(cue)
        seg_a = self.segment_of(a.start)
        if seg_cue == seg_a:
            return True
        if cue > a.start:
            return False
        return not self.kws.between(seg_a[0], a.start)


#: a destination / origin preposition right before a country name ("to China", "из Китая")
_DEST_BEFORE = re.compile(
    rf"(?:{L.source('destination')})\s*(?:(?<=\s)(?:the\s+)?(?:\w+\s+)?)?$", re.IGNORECASE
)
_ORIG_BEFORE = re.compile(
    rf"(?:{L.source('origin')})\s*(?:(?<=\s)(?:the\s+)?(?:\w+\s+)?)?$", re.IGNORECASE
)
_MARKED_BEFORE = re.compile(f"{_DEST_BEFORE.pattern}|{_ORIG_BEFORE.pattern}", re.IGNORECASE)
#: direction() answer when the text does not say whose flow it is
UNSURE = "?"
#: segment_direction() answer for a clause about another country's flow
OTHER = "other"
_MONEY_LIKE = ("money", "money_gt", "bare", "physical")
_PRODUCT_ORDER = [n for n, _ in V.PRODUCTS]
#: cue families found once per text (name -> patterns with the label each hit carries)
_CUE_FAMILIES: dict[str, list[tuple[str, re.Pattern[str]]]] = {
    "product": list(V.PRODUCTS),
    "industrial": [("industrial", V.INDUSTRIAL)],
    "goods_and_services": [("goods_and_services", V.GOODS_AND_SERVICES)],
    "services": [("services", V.SERVICES)],
    "not_trade_weak": [("", V.NOT_TRADE_WEAK)],
    "not_trade_strong": [("", V.NOT_TRADE_STRONG)],
    "price": [("", V.PRICE_TERMS)],
    "physical": [("", V.PHYSICAL_TERMS)],
}


def _cue_hits(norm: str) -> dict[str, _Sorted[tuple[int, int, str]]]:
    """Every cue of every family in the text, found in one pass per pattern (so that rules
    asking "is there a cue in this clause?" cost a lookup, not a scan)."""
    return {
        fam: _Sorted(
            ((m.start(), m.end(), label) for label, rx in pats for m in rx.finditer(norm)),
            _first,
        )
        for fam, pats in _CUE_FAMILIES.items()
    }


def _first_country_balance(
    value: float, holder_direction: str, pair: tuple[str, str]
) -> tuple[float, str]:
    """The claim schema's balance: exports minus imports of the pair's first country,
    direction ``both`` (a deficit of Belarus with China is negative however it is worded).

    Examples
    --------
    >>> _first_country_balance(5.5e9, "CHN->BLR", ("BLR", "CHN"))
    (-5500000000.0, 'both')
    """
    holder = holder_direction.split("->")[0]
    return (value if holder == pair[0] else -value), "both"


#: a percent followed by a comparison base ("113% as against 2021", "134.1 percent compared
#: to 2022", "127 % gegenüber 2021", "为上年的113%"): a growth index, new/base in percent
_INDEX_BASE_AFTER = re.compile(
    rf"\s*(?:of\s+(?:the\s+)?(?:level\s+of\s+)?|des\s+)?(?:{L.source('base_marker')})\s*"
    rf"(?:the\s+|dem\s+|den\s+)?(?:same\s+period\s+|level\s+of\s+|year\s+)?"
    rf"(?:\d{{4}}|{L.source('previous_year')}|{L.source('same_period_last_year')}|{L.source('last_year')})",
    re.IGNORECASE,
)
#: a change noun after a percent, with only a year-on-year cue between ("33% year-on-year surge")
_CHANGE_NOUN_AFTER = re.compile(
    rf"^\s*(?:(?:{L.source('same_period_last_year')})\s*)?(?P<w>\w+)", re.IGNORECASE
)


def _flow_keywords(norm: str) -> list[_Kw]:
    """Trade, export and import words; a word inside a longer one is dropped (进出口 holds
    出口 and 进口)."""
    kws = sorted(
        (
            _Kw(kind, m.start(), m.end())
            for kind, rx in (
                ("trade", V.TRADE_KW),
                ("export", V.EXPORT_KW),
                ("import", V.IMPORT_KW),
            )
            for m in rx.finditer(norm)
        ),
        key=_start,
    )
    keep: list[_Kw] = []
    for i, k in enumerate(kws):
        near = kws[max(0, i - 8) : i + 8]  # keywords are short: a container starts close by
        if any(
            o is not k
            and o.start <= k.start
            and k.end <= o.end
            and o.end - o.start > k.end - k.start
            for o in near
        ):
            continue
        keep.append(k)
    return keep


def _fallback_country_re(iso: str) -> re.Pattern[str]:
    """Names of a country outside the built-in table (English names and ISO code)."""
    names = [iso]
    try:  # pragma: no cover - depends on the countries module of another stage
        from tradecheck import countries as _countries

        for lg in ("en", "ru", "zh"):
            try:
                names.append(_countries.name(iso, lg))
            except Exception:  # noqa: BLE001 - best effort: a missing name only narrows matching
                continue
    except ImportError:
        pass
    alts = "|".join(re.escape(n) for n in names if n)
    return re.compile(rf"(?<!\w)(?:{alts})\w*", re.IGNORECASE)


def _dedupe(claims: list[Claim]) -> list[Claim]:
    seen: set[tuple[object, ...]] = set()
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
        if key in seen:
            continue
        seen.add(key)
        out.append(c)
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
    >>> parse("2018年,中白贸易额17.2亿美元、同比增长18.4%。")[1].value
    18.4
    """
    if lang not in ("auto", *LANGS):
        raise ClaimParseError(f"lang: expected one of auto, {', '.join(LANGS)}; got {lang!r}")
    pr = _pair(pair)
    d = _as_of(as_of)
    if text is None or not isinstance(text, str):
        raise ClaimParseError(f"text: expected a string, got {type(text).__name__}")
    if not text.strip():
        return []
    norm = normalise(text)
    lg = detect(norm) if lang == "auto" else lang
    doc = _Doc(text=text, norm=norm, lang=lg, as_of=d, pair=pr)
    return doc.run()
