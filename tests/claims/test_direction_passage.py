"""Whose exports or imports a bare flow word means when its sentence names no country of the
pair: the partner the passage before it names ("trade with China", "aus China") gives the
actor, the other country (resolve/direction.py ``passage_partner``). A country named as a
statistics source is no partner; a flow word borrowed from a later clause takes no actor from
the passage. Constructed sentences (our own wording, figures made up for the grammar only)."""

from __future__ import annotations

import pytest

from tradecheck.claims.context import Doc
from tradecheck.claims.parse import detect, normalise, parse
from tradecheck.claims.resolve.direction import passage_partner


def _doc(text: str, pair: tuple[str, str]) -> Doc:
    norm = normalise(text)
    return Doc.read(text, norm, detect(norm), None, pair)


@pytest.mark.parametrize(
    ("text", "pair", "expected"),
    [
        (
            (
                "Officials met on Monday. Turnover with China reached $9 billion in 2023. "
                "Imports grew by 1.6 times."
            ),
            ("UZB", "CHN"),
            ["both", "CHN->UZB"],
        ),
        (
            (
                "Die Delegationen trafen sich am Montag. Der Handel mit China erreichte 2023 rund "
                "30 Milliarden Dollar. Die Exporte stiegen um 12 Prozent."
            ),
            ("KAZ", "CHN"),
            ["both", "KAZ->CHN"],
        ),
        (
            (
                "Делегации встретились в понедельник. Товарооборот с Китаем в 2024 году вырос. "
                "Импорт увеличился на 15%."
            ),
            ("BLR", "CHN"),
            ["CHN->BLR"],
        ),
    ],
)
def test_a_bare_flow_word_takes_the_actor_from_the_passage_partner(text, pair, expected):
    assert [c.direction for c in parse(text, pair=pair)] == expected


def test_a_statistics_source_is_not_the_passage_partner():
    text = (
        "Officials met on Monday. According to data from Uzbekistan's statistics agency, the "
        "figures came out in March 2024. Exports amounted to $300 million in January-February "
        "2024."
    )
    [claim] = parse(text, pair=("UZB", "CHN"))
    assert claim.direction is None and "direction" in claim.unsure


def test_a_flow_word_of_a_later_clause_takes_no_actor_from_the_passage():
    text = (
        "Trade with China came to $9 billion in 2023. In 2023 the volume rose 1.4 times, and "
        "imports grew by 1.6 times."
    )
    assert [c.direction for c in parse(text, pair=("UZB", "CHN"))] == ["both", None, "CHN->UZB"]


def test_only_the_nearest_sentences_naming_a_pair_country_count():
    doc = _doc("Trade with China grew. The weather was fine. Rain fell. Imports rose 5%.", PAIR)
    start = doc.sentence_of(doc.norm.index("Imports")).start
    assert passage_partner(doc, start) is None
    near = _doc("Trade with China grew. Imports rose 5%.", PAIR)
    assert passage_partner(near, near.sentence_of(near.norm.index("Imports")).start) == "CHN"


PAIR = ("UZB", "CHN")
