"""From-to constructions: the starting level is a claim of its own period (claim schema:
both levels of "from $X in A to $Y in B" are claims). Sentences are constructed paraphrases."""

from __future__ import annotations

from tradecheck.claims.parse import parse


def _levels(text: str, pair: tuple[str, str]) -> list[tuple[float, str | None]]:
    return [
        (c.value, c.period.start if c.period else None)
        for c in parse(text, pair=pair, as_of="2024-06-01")
        if c.quantity == "level"
    ]


def test_dated_starting_level_is_read_with_its_own_period() -> None:
    t = "India's shipments to China went up from $10.5 billion in 2015-16 to $19.2 billion in "
    t += "2022-23."
    assert _levels(t, ("IND", "CHN")) == [(10.5e9, "2015-04"), (19.2e9, "2022-04")]


def test_dated_starting_level_after_a_multiple_in_russian() -> None:
    t = "Товарооборот вырос в 90 раз: с $12,3 млн. в 2001 году до $1 млрд. 105,4 млн. в 2010 г."
    assert _levels(t, ("TJK", "CHN")) == [(12.3e6, "2001-01"), (1105.4e6, "2010-01")]


def test_undated_starting_level_stays_unread() -> None:
    t = "Belarus's exports to China rose from $3 billion to $4 billion."
    assert [v for v, _ in _levels(t, ("BLR", "CHN"))] == [4e9]
