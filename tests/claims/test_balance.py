"""A money amount continuing the clause about a balance before it (constructed examples)."""

from __future__ import annotations

import pytest

from tradecheck.claims.context import Doc, contexts
from tradecheck.claims.parse import parse
from tradecheck.claims.resolve.balance import balance_clause, balance_sentence_before, is_balance


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


def _de_ctx(text: str, written: str, pair: tuple[str, str] = ("DEU", "HUN")):
    doc = Doc.read(text, text, "de", None, pair)
    start = text.index(written)
    return next(c for c in contexts(doc) if c.amount.start <= start < c.amount.end)


@pytest.mark.parametrize(
    ("text", "written", "carried"),
    [
        # a pronoun takes up the balance of the sentence before: that balance's figure
        (
            (
                "Der Saldo im Handel mit Ungarn lag 2017 bei 1,4 Milliarden Euro. "
                "Ein Jahr davor hatte er 1,2 Milliarden Euro erreicht."
            ),
            "1,2 Milliarden",
            True,
        ),
        # no pronoun: nothing is taken up
        (
            (
                "Der Saldo im Handel mit Ungarn lag 2017 bei 1,4 Milliarden Euro. "
                "Ein Jahr davor wurden Waren für 1,2 Milliarden Euro geliefert."
            ),
            "1,2 Milliarden",
            False,
        ),
        # a flow word of its own: the figure is that flow's
        (
            (
                "Der Saldo im Handel mit Ungarn lag 2017 bei 1,4 Milliarden Euro. "
                "Ein Jahr davor hatten die Exporte dieser Art 1,2 Milliarden Euro erreicht."
            ),
            "1,2 Milliarden",
            False,
        ),
        # a new paragraph: nothing is taken up
        (
            (
                "Der Saldo im Handel mit Ungarn lag 2017 bei 1,4 Milliarden Euro.\n"
                "Ein Jahr davor hatte er 1,2 Milliarden Euro erreicht."
            ),
            "1,2 Milliarden",
            False,
        ),
    ],
)
def test_a_pronoun_takes_up_the_balance_of_the_sentence_before(text, written, carried):
    ctx = _de_ctx(text, written)
    assert (balance_sentence_before(ctx) is not None) is carried
    assert is_balance(ctx) is carried


def test_the_balance_taken_up_keeps_its_holder_before_its_figure():
    # "aus deutscher Sicht" after the first figure does not make Germany the partner
    text = (
        "Der Saldo im Handel mit Ungarn lag 2017 bei 1,4 Milliarden Euro und war aus "
        "deutscher Sicht positiv. Ein Jahr davor hatte er 1,2 Milliarden Euro erreicht."
    )
    got = [(c.quantity, c.value) for c in parse(text, pair=("DEU", "HUN"))]
    assert got == [("balance", 1.4e9), ("balance", 1.2e9)]
