"""A change whose subject is a balance named further back in its sentence (constructed
paraphrases, not data): the claim schema has no change of a balance, so no claim."""

from __future__ import annotations

from datetime import date

import pytest

from tradecheck.claims.context import Doc, contexts
from tradecheck.claims.parse import parse
from tradecheck.claims.resolve.relevance import balance_subject

LEAD = "In August 2023 Kenya's exports to India fell to $50 million. "


def _subjects(text: str) -> list[bool]:
    doc = Doc.read(text, text, "en", date(2023, 10, 1), ("KEN", "IND"))
    out = []
    for c in contexts(doc):
        prev = doc.mentions.amounts.last_before(c.amount.start)
        out.append(balance_subject(c, prev.end if prev else 0))
    return out


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        # the balance is the subject, far before the change and across a clause
        (
            LEAD + "The trade deficit between Kenya and India, during the first eight months of "
            "this year, shrank by 9 per cent.",
            [False, True],
        ),
        # a flow word between the balance word and the change: the flow's change
        (LEAD + "The deficit narrowed as exports to India grew by 9 per cent.", [False, False]),
        # "the gap between exports and imports" is a balance (concept balance)
        ("Data show the gap between exports and imports grew by 15 percent in 2022.", [True]),
    ],
)
def test_balance_subject(text: str, subjects: list[bool]) -> None:
    assert _subjects(text) == subjects


def test_the_balance_change_gives_no_claim_and_the_level_stays() -> None:
    text = (
        LEAD + "The trade deficit between Kenya and India, during the first eight months of "
        "this year, shrank by 9 per cent."
    )
    claims = parse(text, as_of="2023-10-01", lang="en", pair=("KEN", "IND"))
    assert [(c.quantity, c.value) for c in claims] == [("level", 5e7)]
