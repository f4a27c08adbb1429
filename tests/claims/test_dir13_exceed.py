"""A verb of exceeding between two flows with "by" before the amount gives a balance
(``resolve/balance.exceeds_by``, ``exceeding_flow``): its subject is the flow word before the
verb, the first of two after it in a German verb-second clause, or the flow word of an earlier
clause a coordinated clause leaves out. Constructed sentences (our own wording, figures made
up for the grammar only)."""

from __future__ import annotations

import pytest

from tradecheck.claims.mentions import Keyword
from tradecheck.claims.parse import parse
from tradecheck.claims.resolve.balance import exceeding_flow

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
