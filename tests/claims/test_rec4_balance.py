"""A money amount continuing the clause about a balance before it (constructed examples)."""

from __future__ import annotations

import pytest

from tradecheck.claims.context import Doc, contexts
from tradecheck.claims.resolve.balance import balance_clause, is_balance


def _ctx(text: str, written: str, pair: tuple[str, str] = ("VNM", "CHN")):
    doc = Doc.read(text, text, "en", None, pair)
    start = text.index(written)
    return next(c for c in contexts(doc) if c.amount.start <= start < c.amount.end)


@pytest.mark.parametrize(
    ("text", "written", "carried"),
    [
        ("Vietnam's deficit with China fell 10%, reaching $30 billion.", "$30 billion", True),
        ("The surplus with China was $9 billion, well above last year's $7 billion.", "$7", True),
        # a flow word of its own: a level, not the balance
        ("The deficit with China widened, as imports rose to $80 billion.", "$80", False),
        # the clause before speaks of exports after its balance word
        ("A surplus with China, as exports grew fast, to $40 billion.", "$40", False),
        # the first clause has no clause before it
        ("Vietnam's deficit with China was $30 billion.", "$30", False),
    ],
)
def test_balance_clause(text: str, written: str, carried: bool) -> None:
    ctx = _ctx(text, written)
    assert (balance_clause(ctx) is not None) is carried
    assert is_balance(ctx) is (carried or written == "$30")
