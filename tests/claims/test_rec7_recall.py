"""Recall of the claim reader (rec7): constructions read in general; constructed texts."""

from __future__ import annotations

import pytest

from tradecheck.claims.mentions import find_amounts
from tradecheck.claims.parse import parse


@pytest.mark.parametrize(
    ("text", "lang", "written"),
    [
        ("a 10.1-percent rise", "en", "10.1-percent"),
        ("a 4-per-cent fall", "en", "4-per-cent"),
        ("eine 15-prozentige Steigerung", "de", "15-prozentige"),
        ("показал 15-процентный рост", "ru", "15-процентный"),
        ("15-відсотковий ріст", "uk", "15-відсотковий"),
        ("15-procentowy wzrost", "pl", "15-procentowy"),
    ],
)
def test_percent_adjective_after_a_hyphen_is_a_percent(text: str, lang: str, written: str) -> None:
    [a] = find_amounts(text, lang)
    assert (a.kind, text[a.start : a.end]) == ("percent", written)


@pytest.mark.parametrize("text", ["the 2020-2024 plan", "a 5-point plan", "15-летний юбилей"])
def test_a_hyphen_without_the_percent_word_is_no_percent(text: str) -> None:
    assert all(a.kind != "percent" for a in find_amounts(text, "en"))


def test_hyphenated_percent_is_read_as_the_change_it_qualifies() -> None:
    text = "In 2022 Peru's exports to China posted a 12.5-percent decline."
    [c] = parse(text, pair=("PER", "CHN"))
    assert (c.quantity, c.value, c.direction) == ("pct_change", -12.5, "PER->CHN")
