"""Unsure is an answer: the resolvers leave a field null (listed in ``unsure``) where the text
does not pin it down, instead of guessing. Sentences are constructed paraphrases."""

from __future__ import annotations

from tradecheck.claims._periods import find_periods
from tradecheck.claims.parse import parse


def test_years_ago_is_a_period_without_anchor():
    ps, _ = find_periods("Trade was $2 billion ten years ago.")
    assert [p.anchored for p in ps] == [False]
    assert ps[0].year is None and ps[0].rel is None


def test_years_ago_gives_no_period_and_blocks_the_date():
    (c,) = parse("Ten years ago trade stood at $1.1 billion.", as_of="2025-06-01")
    assert c.period is None and "period" in c.unsure


def test_a_written_year_still_gives_the_period():
    (c,) = parse("In 2015 trade stood at $1.1 billion.", as_of="2025-06-01")
    assert c.period is not None and c.period.start == "2015-01"
