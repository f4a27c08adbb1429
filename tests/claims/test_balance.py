"""Balances (claims/resolve/balance.py). Constructed examples (figures made up for the grammar
only).

- A money amount continuing the clause about a balance before it (``balance_clause``,
  ``balance_sentence_before``).
- A verb of exceeding between two flows with "by" before the amount gives a balance
  (``exceeds_by``, ``exceeding_flow``): its subject is the flow word before the verb, the
  first of two after it in a German verb-second clause, or the flow word of an earlier clause
  a coordinated clause leaves out; exceeding a threshold is no balance."""

from __future__ import annotations

import pytest

from tradecheck.claims.context import Doc, contexts
from tradecheck.claims.mentions import Keyword
from tradecheck.claims.parse import parse
from tradecheck.claims.resolve.balance import (
    balance_clause,
    balance_sentence_before,
    exceeding_flow,
    is_balance,
)


def _ctx(text: str, written: str, pair: tuple[str, str] = ("VNM", "CHN"), lang: str = "en"):
    """The context of the amount written as ``written`` in ``text``."""
    doc = Doc.read(text, text, lang, None, pair)
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
    return _ctx(text, written, pair, "de")


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


EX, IM = Keyword("export", 0, 7), Keyword("import", 30, 37)


def test_exceeding_flow_is_the_flow_word_before_the_verb():
    assert exceeding_flow([EX], [IM], []) is EX


def test_exceeding_flow_of_a_verb_second_clause_is_the_first_after_the_verb():
    assert exceeding_flow([], [IM, EX], []) is IM


def test_exceeding_flow_of_a_clause_without_subject_is_the_earlier_clause_s_other_flow():
    assert exceeding_flow([], [EX], [IM]) is IM
    assert exceeding_flow([], [EX], [EX]) is None  # the same kind: no two flows compared


def test_exceeding_flow_needs_two_flows():
    assert exceeding_flow([], [EX], []) is None
    assert exceeding_flow([EX], [], []) is None


@pytest.mark.parametrize(
    ("text", "pair", "expected"),
    [
        (
            (
                "2022 übertrafen die polnischen Ausfuhren nach Japan die Einfuhren von dort um 2,5"
                " Milliarden Euro."
            ),
            ("POL", "JPN"),
            [("balance", 2.5e9, "both", "eq")],
        ),
        (
            (
                "Im Vorjahr übertrafen die Importe Österreichs aus Korea die Exporte dorthin um"
                " 800 Millionen Euro."
            ),
            ("AUT", "KOR"),
            [("balance", -8e8, "both", "eq")],
        ),
        (
            (
                "Die Einfuhren Frankreichs aus Vietnam blieben 2021 stabil, übertrafen aber die"
                " Ausfuhren dorthin um über 900 Millionen Euro."
            ),
            ("FRA", "VNM"),
            [("balance", -9e8, "both", "gt")],
        ),
        (
            (
                "In 2021 Peru's exports to China exceeded its imports from China by more than"
                " $11 billion."
            ),
            ("PER", "CHN"),
            [("balance", 1.1e10, "both", "gt")],
        ),
    ],
)
def test_balance_of_a_verb_of_exceeding(text, pair, expected):
    got = [(c.quantity, c.value, c.direction, c.bound) for c in parse(text, pair=pair)]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "lang", "pair", "value"),
    [
        (
            "In 2021 Peru's exports to China exceeded its imports from China by $12 billion.",
            "en",
            "PER-CHN",
            12e9,
        ),
        (
            "In 2021 Peru's imports from China exceeded its exports to China by $2 billion.",
            "en",
            "PER-CHN",
            -2e9,
        ),
        (
            (
                "Kasachstans Ausfuhren nach China übertrafen 2019 die Einfuhren um "
                "2,1 Milliarden US-Dollar."
            ),
            "de",
            "KAZ-CHN",
            2.1e9,
        ),
        (
            (
                "У 2019 році експорт з Польщі в Україну перевищив український експорт до "
                "Польщі на 900 мільйонів доларів."
            ),
            "uk",
            "UKR-POL",
            -0.9e9,
        ),
    ],
)
def test_one_flow_exceeding_the_other_by_an_amount_is_a_balance(
    text: str, lang: str, pair: str, value: float
) -> None:
    [c] = parse(text, lang=lang, pair=tuple(pair.split("-")))  # type: ignore[arg-type]
    assert (c.quantity, c.value, c.direction, c.bound) == ("balance", value, "both", "eq")


def test_exceeding_a_threshold_is_no_balance() -> None:
    text = "In 2021 Peru's exports to China exceeded $12 billion, more than its imports."
    [c] = parse(text, pair=("PER", "CHN"))
    assert (c.quantity, c.bound) == ("level", "gt")
