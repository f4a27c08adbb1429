"""The reader's view of a text: one immutable :class:`Doc` and one :class:`Context` per amount.

A :class:`Doc` holds the text, its :class:`~tradecheck.claims.mentions.Mentions` and its
sentence and clause structure, with small queries ("which cues lie in this span?", "which
clause holds this offset?"). A :class:`Context` is what a resolver needs about one amount:
its sentence, clause, the clause before it and its coordinated segment, as named
:class:`~tradecheck.claims.sentences.Span` s. Both are frozen: resolving one amount can never
change what another amount sees, so claims do not depend on the order amounts are visited.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from types import MappingProxyType

from tradecheck.claims import _vocab as V
from tradecheck.claims import mentions as M
from tradecheck.claims import partners as P
from tradecheck.claims import reporters as R
from tradecheck.claims._periods import PeriodMention
from tradecheck.claims.mentions import Amount, CountryHit, Cue, Keyword, Mentions
from tradecheck.claims.resolve.undated import year_of_periods
from tradecheck.claims.respective import chain_heads, respective
from tradecheck.claims.sentences import MAX_SENTENCE, Span, clause_cuts, in_bracket, sentences

__all__ = ["Context", "Doc", "Span", "contexts"]


@dataclass(frozen=True)
class Lists:
    """Amounts written as a list, by the start of each amount (``claims/respective.py``)."""

    #: the first amount of the amount's list ("rose 5% and 10%": 10% shares "rose")
    heads: Mapping[int, int]
    #: "分别"/"respectively": the start of the period the amount is paired with
    period: Mapping[int, int]
    #: "分别"/"respectively": the start of the flow word the amount is paired with
    keyword: Mapping[int, int]

    @classmethod
    def read(
        cls, norm: str, sents: tuple[Span, ...], m: Mentions, amounts: list[tuple[int, int]]
    ) -> Lists:
        """The lists of ``amounts`` (non-physical amount spans, in text order) in ``norm``."""
        periods = [(p.start, p.end) for p in m.periods]
        kws = [(k.start, k.end) for k in m.keywords]
        return cls(
            heads=MappingProxyType(chain_heads(norm, amounts)),
            period=MappingProxyType(respective(norm, list(sents), amounts, periods)),
            keyword=MappingProxyType(respective(norm, list(sents), amounts, kws, loose=True)),
        )


def _in_aside(norm: str, starts: list[int], pos: int) -> bool:
    """``pos`` stands in a bracket of its sentence ("($5.6 billion in January–June 2023)")."""
    i = bisect_right(starts, pos) - 1
    return in_bracket(norm, pos, starts[i] if i >= 0 else 0)


def _carried(
    norm: str,
    m: Mentions,
    sents: tuple[Span, ...],
    amount_starts: list[int],
    as_of: date | None,
) -> tuple[str | None, ...]:
    """Per sentence, the source of a text citing one source (:func:`reporters.carried`)."""
    this = as_of.year if as_of else None
    starts = [s.start for s in sents]
    own = [
        p
        for p in m.periods
        if not p.is_base
        and not _in_aside(norm, starts, p.start)
        and not R.is_reference_point(norm, p.start)
    ]
    years = R.years_by_sentence(starts, [(p.start, R.year_of(p.year, p.rel, this)) for p in own])
    part_year = {bisect_right(starts, p.start) - 1 for p in own if (p.m1, p.m2) != (1, 12)}
    back = {i for i, sp in enumerate(sents) if V.FIGURE_ANAPHORA.search(norm, sp.start, sp.end)}
    hits, spans = list(m.reporter_hits), [(s.start, s.end) for s in sents]
    closing = R.closing_cues(norm, hits, spans, amount_starts)
    paras = R.paragraph_of(norm, spans)
    return tuple(R.carried(hits, spans, amount_starts, years, back, closing, paras, part_year))


@dataclass(frozen=True)
class Doc:
    """One text with its mentions and structure (offsets into ``norm``)."""

    text: str
    norm: str
    lang: str
    as_of: date | None
    pair: tuple[str, str]
    mentions: Mentions
    sents: tuple[Span, ...]
    sent_starts: tuple[int, ...]
    cuts: tuple[int, ...]
    #: the first country of the pair the text names
    first_pair_country: CountryHit | None
    #: lists of amounts and what they are paired with (:class:`Lists`)
    lists: Lists
    #: per sentence, the source a text citing one source carries to it (``reporters.carried``)
    carry: tuple[str | None, ...]
    #: (ISO3, offset) of the first mention of each pair country the text names
    pair_first: tuple[tuple[str, int], ...] = ()
    #: the year an undated text speaks from (:func:`.resolve.undated.speaking_year`); None for a
    #: dated text
    undated_year: int | None = None

    @classmethod
    def read(
        cls, text: str, norm: str, lang: str, as_of: date | None, pair: tuple[str, str]
    ) -> Doc:
        """Find every mention and the sentence structure of ``norm`` once."""
        m = M.find(norm, lang, pair)
        if as_of is not None:  # a dated text: a calendar date in it is no period (_mark_dates)
            m = replace(m, periods=M.Sorted((p for p in m.periods if not p.in_date), M._start))
        sents = tuple(Span(s, e) for s, e in sentences(norm))
        first = next((c for c in m.countries if c.iso in pair), None)
        amount_spans = [(x.start, x.end) for x in m.amounts if x.kind != "physical"]
        return cls(
            text=text,
            norm=norm,
            lang=lang,
            as_of=as_of,
            pair=pair,
            mentions=m,
            sents=sents,
            sent_starts=tuple(s.start for s in sents),
            cuts=tuple(clause_cuts(norm)),
            first_pair_country=first,
            lists=Lists.read(norm, sents, m, amount_spans),
            carry=_carried(norm, m, sents, [s for s, _ in amount_spans], as_of),
            pair_first=tuple(
                (iso, c.start)
                for iso in pair
                if (c := next((c for c in m.countries if c.iso == iso), None)) is not None
            ),
            undated_year=None if as_of is not None else year_of_periods(m.periods),
        )

    # ------------------------------------------------------------------ structure
    def sentence_of(self, pos: int) -> Span:
        """The sentence holding ``pos`` (a bounded window around it if none does)."""
        j = bisect_right(self.sent_starts, pos) - 1
        if j >= 0 and pos < self.sents[j].end:
            return self.sents[j]
        return Span(max(0, pos - MAX_SENTENCE // 2), min(len(self.norm), pos + MAX_SENTENCE // 2))

    def clause_of(self, pos: int) -> Span:
        """The clause holding ``pos``: between the clause separators around it, in its sentence."""
        ss, se = self.sentence_of(pos)
        i = bisect_left(self.cuts, pos)
        cs = self.cuts[i - 1] + 1 if i and self.cuts[i - 1] >= ss else ss
        ce = self.cuts[i] if i < len(self.cuts) and self.cuts[i] < se else se
        return Span(cs, ce)

    def prev_clause(self, clause: Span) -> Span | None:
        """The clause before ``clause`` in the same sentence, None for the first one."""
        ss, _ = self.sentence_of(clause.start)
        if clause.start <= ss:
            return None
        return self.clause_of(max(ss, clause.start - 2))

    def segment_of(self, pos: int) -> Span:
        """The coordinated main clause of the sentence holding ``pos`` (``V.SEGMENT_BREAK``)."""
        ss, se = self.sentence_of(pos)
        s, e = ss, se
        for m in V.SEGMENT_BREAK.finditer(self.norm, ss, se):
            if m.end() <= pos:
                s = m.start()
            elif m.start() >= pos:
                e = m.start()
                break
        return Span(s, e)

    # ------------------------------------------------------------------ lookups
    def cues_in(self, name: str, s: int, e: int) -> list[Cue]:
        """The hits of one cue family (``mentions.CUE_FAMILIES``) lying within ``[s, e)``."""
        return [h for h in self.mentions.cue_hits[name].between(s, e) if h[1] <= e]

    def cue_in(self, name: str, span: Span | None) -> bool:
        """Whether a cue of family ``name`` lies within ``span`` (False for None)."""
        return span is not None and bool(self.cues_in(name, span.start, span.end))

    def countries_in(self, s: int, e: int) -> list[CountryHit]:
        """The countries named within ``[s, e)``."""
        return [c for c in self.mentions.countries.between(s, e) if c.end <= e]

    def partners_in(self, span: Span) -> list[P.Mention]:
        """The countries and groups named within ``span`` (:mod:`.partners`)."""
        return [
            m for m in self.mentions.partners.between(span.start, span.end) if m.end <= span.end
        ]

    def named_before(self, start: int) -> Span:
        """The nearest earlier sentence naming a country or group ("其中，出口…" after
        "中国对中亚五国进出口…"); the empty span at ``start`` when there is none."""
        prev = self.mentions.partners.last_before(start)
        return Span(start, start) if prev is None else self.sentence_of(prev.start)

    def pair_named_before(self, end: int) -> bool:
        """Whether the text names a country of the pair before ``end``."""
        c = self.first_pair_country
        return c is not None and c.start < end

    def country_named_before(self, iso: str, end: int) -> bool:
        """Whether the text names country ``iso`` (of the pair) before ``end``."""
        return any(i == iso and start < end for i, start in self.pair_first)

    def other(self, iso: str) -> str:
        """The pair's other country."""
        return self.pair[1] if iso == self.pair[0] else self.pair[0]

    def paired_keyword(self, a: Amount) -> Keyword | None:
        """The flow word a "respectively" list pairs ``a`` with, None when none."""
        k = self.lists.keyword.get(a.start)
        found = [] if k is None else self.mentions.keywords.between(k, k + 1)
        return found[0] if found else None

    def paired_period(self, a: Amount) -> PeriodMention | None:
        """The period a "respectively" list pairs ``a`` with, None when none."""
        p = self.lists.period.get(a.start)
        found = [] if p is None else self.mentions.periods.between(p, p + 1)
        return found[0] if found else None

    def carried_source(self, sentence: Span) -> str | None:
        """The source a text citing one source carries to ``sentence`` (``carry``)."""
        j = bisect_right(self.sent_starts, sentence.start) - 1
        if 0 <= j < len(self.carry) and self.sents[j] == sentence:
            return self.carry[j]
        return None


@dataclass(frozen=True)
class Context:
    """What the resolvers read about one amount."""

    doc: Doc
    amount: Amount
    sentence: Span
    clause: Span
    #: the clause before ``clause`` in the sentence (None for the first)
    prev_clause: Span | None
    #: the coordinated main clause (``", and ..."``, ``"; ..."``) holding the amount
    segment: Span

    @classmethod
    def of(cls, doc: Doc, amount: Amount) -> Context:
        """The context of ``amount`` in ``doc``."""
        clause = doc.clause_of(amount.start)
        return cls(
            doc=doc,
            amount=amount,
            sentence=doc.sentence_of(amount.start),
            clause=clause,
            prev_clause=doc.prev_clause(clause),
            segment=doc.segment_of(amount.start),
        )

    @property
    def norm(self) -> str:
        """The normalised text."""
        return self.doc.norm

    def before(self, width: int, floor: int | None = None) -> str:
        """Up to ``width`` characters before the amount, not before ``floor`` (the clause)."""
        lo = self.clause.start if floor is None else floor
        return self.norm[max(lo, self.amount.start - width) : self.amount.start]

    def after(self, width: int) -> str:
        """Up to ``width`` characters after the amount, within its clause."""
        return self.norm[self.amount.end : min(self.clause.end, self.amount.end + width)]

    def since_previous_amount(self, width: int) -> str:
        """Up to ``width`` characters before the amount, not reaching back past the clause
        start or the end of an earlier amount in the clause."""
        a = self.amount
        lb = max(self.clause.start, a.start - width)
        prev_end = [x.end for x in self.neighbours(self.clause) if x.end <= a.start]
        if prev_end:
            lb = max(lb, prev_end[-1])
        return self.norm[lb : a.start]

    def neighbours(self, span: Span) -> list[Amount]:
        """The amounts starting in ``span`` before this one."""
        return self.doc.mentions.amounts.between(span.start, self.amount.start)

    def cue_in(self, name: str, span: Span | None = None) -> bool:
        """Whether a cue of family ``name`` lies in ``span`` (default: the amount's clause)."""
        return self.doc.cue_in(name, self.clause if span is None else span)


def contexts(doc: Doc) -> list[Context]:
    """One context per amount of ``doc`` in text order (physical amounts are never claims)."""
    return [Context.of(doc, a) for a in doc.mentions.amounts if a.kind != "physical"]
