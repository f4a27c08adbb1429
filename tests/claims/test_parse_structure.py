"""The reader's shape (issue 8, item 1): immutable mentions and contexts, pure resolvers.

Texts are the constructed paraphrases of tests/claims/corpus.jsonl and short sentences written
here; nothing is read from ../shared.
"""

from __future__ import annotations

import dataclasses
import json
import random
from pathlib import Path

import pytest

from tradecheck.claims._lang import detect, normalise
from tradecheck.claims.context import Context, Doc, contexts
from tradecheck.claims.parse import build_claim, claims_of, parse
from tradecheck.claims.resolve.bound import bound
from tradecheck.claims.resolve.direction import flow
from tradecheck.claims.resolve.period import period
from tradecheck.claims.resolve.quantity import quantity
from tradecheck.dates import parse_date

CORPUS = Path(__file__).with_name("corpus.jsonl")


def _doc(text: str, as_of: str | None = None, pair: tuple[str, str] = ("BLR", "CHN")) -> Doc:
    norm = normalise(text)
    return Doc.read(text, norm, detect(norm), parse_date(as_of) if as_of else None, pair)


def _corpus() -> list[dict]:
    return [json.loads(ln) for ln in CORPUS.read_text(encoding="utf-8").splitlines() if ln.strip()]


def test_every_corpus_text_gives_the_same_claims_whatever_order_amounts_are_visited():
    rng = random.Random(20261206)
    checked = 0
    for entry in _corpus():
        pair = tuple(entry.get("pair", "BLR-CHN").split("-"))
        doc = _doc(entry["text"], entry.get("as_of"), pair)  # type: ignore[arg-type]
        ctxs = contexts(doc)
        shuffled = rng.sample(ctxs, len(ctxs))
        want = [c.to_json() for c in claims_of(ctxs)]
        assert [c.to_json() for c in claims_of(shuffled)] == want, entry["id"]
        assert [c.to_json() for c in claims_of(reversed(ctxs))] == want, entry["id"]
        checked += len(ctxs) > 1
    assert checked > 60  # texts with two or more amounts (83 today)


def test_mentions_and_contexts_are_immutable():
    doc = _doc("In 2024 Belarus's exports to China rose 5% to $2 billion.")
    ctx = contexts(doc)[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        ctx.amount.value = 1.0  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        ctx.clause = ctx.sentence  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.lang = "de"  # type: ignore[misc]
    assert isinstance(doc.mentions.amounts.items, tuple)


def test_context_spans_nest():
    text = (
        "In 2024 trade between Belarus and China grew by 5%, and exports to China rose "
        "2-fold; imports fell by 3%. In 2023 it was $6 billion."
    )
    doc = _doc(text)
    ctxs = contexts(doc)
    assert len(ctxs) == 4
    for c in ctxs:
        s, cl, seg = c.sentence, c.clause, c.segment
        assert s.start <= seg.start <= cl.start <= c.amount.start < c.amount.end <= cl.end
        assert cl.end <= seg.end <= s.end
        if c.prev_clause is not None:
            assert s.start <= c.prev_clause.start and c.prev_clause.end <= cl.start
    # the first two amounts are in different coordinated clauses of one sentence
    assert ctxs[0].sentence == ctxs[1].sentence and ctxs[0].segment != ctxs[1].segment
    assert ctxs[3].prev_clause is None


def test_resolvers_answer_per_amount():
    doc = _doc("In 2024 Belarus's exports to China rose by 12% to about $2 billion.")
    pct, money = contexts(doc)
    assert quantity(pct) == ("pct_change", 12.0, 0)
    assert quantity(money) == ("level", 2e9, 0)
    assert (bound(pct), bound(money)) == ("eq", "approx")
    f = flow(money, is_balance=False)
    assert f is not None and f.direction == "BLR->CHN" and not f.unsure
    assert str(period(money)) == str(period(pct)) and period(money).start == "2024-01"


def test_a_bare_amount_takes_the_sentence_currency_without_changing_the_document():
    text = "In 2024 Belarus exported goods worth $419.4 million to China, imports - 388.7 million."
    doc = _doc(text)
    before = [dataclasses.asdict(a) for a in doc.mentions.amounts]
    claims = [build_claim(c) for c in contexts(doc)]
    assert [c.currency for c in claims if c is not None] == ["USD", "USD"]
    assert [dataclasses.asdict(a) for a in doc.mentions.amounts] == before
    assert [a.kind for a in doc.mentions.amounts] == ["money", "bare"]


def test_parse_is_the_assembly_of_the_steps():
    text = "Trade between Belarus and China reached $8.4 billion in 2023, up 9% year on year."
    doc = _doc(text, "2024-02-01")
    assert [c.to_json() for c in parse(text, as_of="2024-02-01")] == [
        c.to_json() for c in claims_of(contexts(doc))
    ]
    assert all(isinstance(c, Context) for c in contexts(doc))


def test_a_target_word_speaks_of_its_own_figure_only():
    """A plan or target cue after a figure, with a figure of its own, leaves the first one a
    trade value; written before a figure it still marks it (constructed)."""
    after = "In 2018 exports to China reached $13.5 million against a target of $5.6 million."
    before = "The target for exports to China in 2019 is $10 million."
    pair = ("BLR", "CHN")
    assert [c.value for c in parse(after, pair=pair)] == [13.5e6]
    assert parse(before, pair=pair) == []
