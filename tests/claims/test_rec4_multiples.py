"""Multiples written as words: the complete multiplicative series (constructed examples)."""

from __future__ import annotations

import pytest

from tradecheck.claims.mentions import find_amounts


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("trade quintupled in ten years", "en", 5.0),
        ("die Exporte stiegen um das Anderthalbfache", "de", 1.5),
        ("ein anderthalbfacher Anstieg", "de", 1.5),
        ("der Handel wuchs um das Sechsfache", "de", 6.0),
        ("ein achtfacher Zuwachs", "de", 8.0),
    ],
)
def test_multiplicative_words(text: str, lang: str, value: float) -> None:
    assert [a.value for a in find_amounts(text, lang) if a.kind.startswith("ratio")] == [value]


def test_double_digit_is_no_multiple() -> None:
    assert find_amounts("double-digit growth of exports", "en") == []
