"""A dollar named by the letters of its CLDR sign as a word ("NZ dollars", "HK dollars"):
read as that currency; a one-letter sign ("A$") and a sign of another unit give no name.
Sentences are constructed paraphrases."""

from __future__ import annotations

import pytest

from tradecheck.claims.cldr_currencies import name_code, sign_letter_names
from tradecheck.claims.parse import parse


@pytest.mark.parametrize(
    ("code", "names"),
    [
        ("NZD", {"nz dollar", "nz dollars"}),
        ("HKD", {"hk dollar", "hk dollars"}),
        ("TWD", {"nt dollar", "nt dollars"}),
        ("AUD", set()),  # "A$": "a dollar" is English
        ("MXN", set()),  # "MX$" is a peso
        ("EUR", set()),
    ],
)
def test_sign_letter_names(code: str, names: set[str]) -> None:
    assert sign_letter_names(code) == names


def test_the_name_reads_as_its_code() -> None:
    assert name_code("NZ dollars") == "NZD"
    assert name_code("HK dollars") == "HKD"


def test_a_figure_in_sign_letter_dollars_is_a_claim() -> None:
    t = "In 2021 New Zealand's exports to Japan came to 4.1 billion NZ dollars."
    [c] = parse(t, pair=("NZL", "JPN"), as_of="2022-04-20")
    assert (c.value, c.currency, c.direction) == (4.1e9, "NZD", "NZL->JPN")
    assert parse(t, pair=("BLR", "CHN"), as_of="2022-04-20") == []
