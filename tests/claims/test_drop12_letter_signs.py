"""Local letter signs of currencies: glued to the number in English ("RM", "SR"), written
after it in older German releases ("DM"); language data in ``claims/lang/*.toml``.

Every text here is constructed.
"""

from __future__ import annotations

import pytest

from tradecheck.claims import lexicon as L
from tradecheck.claims.mentions import find_amounts
from tradecheck.claims.parse import parse


@pytest.mark.parametrize(
    ("token", "code"),
    [("RM", "MYR"), ("SR", "SAR"), ("DM", "DEM"), ("D-Mark", "DEM"), ("rm", None), ("Sr", None)],
)
def test_letter_sign_is_read_as_written(token: str, code: str | None) -> None:
    assert L.currency_of(token) == code


def test_glued_fragment_needs_no_word_boundary_after_it() -> None:
    assert L._edges("(?-i:RM)(?=\\d)", True) == (r"(?<!\w)", "")
    assert L._edges("RUB", True) == (r"(?<!\w)", r"(?!\w)")


@pytest.mark.parametrize(
    ("text", "lang", "currency"),
    [
        ("RM41.3 billion", "en", "MYR"),
        ("SR12.8 million", "en", "SAR"),
        ("14,2 Mrd. DM", "de", "DEM"),
        ("DM 3,1 Mrd.", "de", "DEM"),
        ("4 120 Mill. DM", "de", "DEM"),
    ],
)
def test_letter_sign_amount(text: str, lang: str, currency: str) -> None:
    assert [a.currency for a in find_amounts(text, lang)] == [currency]


@pytest.mark.parametrize(
    "text",
    [
        "The RM 41 unit and sr7 models were shown.",  # not glued, or not upper case
        "Room RMA12 was booked for 5 days.",  # letters run on
    ],
)
def test_letters_that_are_no_sign(text: str) -> None:
    assert all(a.currency not in ("MYR", "SAR") for a in find_amounts(text, "en"))


def test_mill_is_a_german_scale() -> None:
    [a] = find_amounts("Maschinen (4 120 Mill. DM)", "de")
    assert (a.value, a.currency) == (4_120_000_000.0, "DEM")


def test_claims_in_a_letter_sign() -> None:
    text = "Malaysia's exports to Japan reached RM41.3 billion in 2022."
    assert [(c.value, c.currency) for c in parse(text, pair=("MYS", "JPN"))] == [
        (41_300_000_000.0, "MYR")
    ]
    text = "Die deutschen Ausfuhren nach Norwegen stiegen 1998 auf 14,2 Mrd. DM."
    assert [(c.value, c.currency) for c in parse(text, pair=("DEU", "NOR"))] == [
        (14_200_000_000.0, "DEM")
    ]
