"""Spurious claims: numbers that are no trade value of the asked pair are not reported.

Texts are constructed paraphrases (numbers illustrative, not data).
"""

from __future__ import annotations

import pytest

from tradecheck.claims.context import Doc, contexts
from tradecheck.claims.resolve.relevance import carried_not_trade


def _contexts(text: str, pair: tuple[str, str] = ("BLR", "CHN")):
    return contexts(Doc.read(text, text, "en", None, pair))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an investment cue governs the later clause: no flow word in the sentence before it
        ("Chinese investments in Belarus have risen fourfold, reaching $9 billion.", [True, True]),
        # a flow word after the cue: the trade figure stays
        ("Investment kept growing, and trade between Belarus and China reached $5 bn.", [False]),
        # an average per day in the clause before: the change of that average goes too
        ("Belarus's exports to China were $3 million per day, up 12% on 2020.", [False, True]),
    ],
)
def test_carried_not_trade(text: str, expected: list[bool]) -> None:
    assert [carried_not_trade(c) for c in _contexts(text)] == expected
