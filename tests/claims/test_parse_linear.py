"""Parse time grows linearly with the text (issue 8, item 5).

Not a timing benchmark (that is benchmarks/bench_parse.py): each case parses 20 kB of
adversarial text under a generous budget that quadratic behaviour exceeds by far (before the
fix, issue 8 measured "1%" x 2000 (4 kB) at 6.8 s and "в 2,2 раза " x 3000 at 48 s), plus
structural checks that every window a rule reads is bounded.
"""

from __future__ import annotations

import itertools
import time

import pytest

from tradecheck.claims import parse as P
from tradecheck.claims.mentions import Sorted
from tradecheck.claims.sentences import MAX_SENTENCE, sentences

_SIZE = 20_000
_BUDGET_S = 5.0
_UNITS = [
    "1%",
    "1% ",
    "в 2,2 раза ",
    "$1 billion ",
    "2025 ",
    "January 2025, ",
    "exports to China ",
    "1",
    "增长1.2倍",
    "Trade between Belarus and China rose by 5% to $2 billion in 2024. ",
    "Der Handel stieg um 3 Prozent; ",
]


@pytest.mark.parametrize("unit", _UNITS)
def test_twenty_kilobytes_parse_within_a_generous_budget(unit):
    text = (unit * (_SIZE // len(unit) + 1))[:_SIZE]
    t0 = time.perf_counter()
    P.parse(text, as_of="2025-06-01")
    assert time.perf_counter() - t0 < _BUDGET_S


def test_sentences_are_bounded():
    text = "1% " * 5000
    sents = sentences(text)
    assert max(e - s for s, e in sents) <= MAX_SENTENCE
    assert sents[0][0] == 0 and sents[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(sents))


def test_sorted_index_lookups():
    idx = Sorted([7, 1, 4, 4, 9], key=lambda x: x)
    assert idx.between(4, 9) == [4, 4, 7]
    assert idx.before(5, limit=2) == [4, 4]
    assert idx.last_before(1) is None and idx.first_from(10) is None


def test_long_text_gives_the_same_claims_as_its_sentences():
    one = "Trade between Belarus and China rose by 5% to $2 billion in 2024. "
    single = [c.to_json() for c in P.parse(one)]
    many = [c.to_json() for c in P.parse(one * 200)]
    assert single and all(c == single[i % len(single)] for i, c in enumerate(many[:4]))
