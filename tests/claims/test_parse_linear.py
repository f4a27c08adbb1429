"""Parse work is bounded per window, so time grows linearly with the text (issue 8, item 5).

Structural checks only: every window a rule reads is bounded and a long text reads like its
sentences. Time itself is measured by ``benchmarks/bench_parse.py`` (1x against 10x in the
same run, and 20 kB of each adversarial input against the 1 s target), never by a timed test:
a wall-clock budget fails on a loaded machine without any change in the code.
"""

from __future__ import annotations

import itertools

from tradecheck.claims import parse as P
from tradecheck.claims.mentions import Sorted
from tradecheck.claims.sentences import MAX_SENTENCE, sentences


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
