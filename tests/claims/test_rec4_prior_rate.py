"""A clause holding only a period and its rate (constructed examples)."""

from __future__ import annotations

import pytest

from tradecheck.claims.context import Doc, contexts
from tradecheck.claims.gapping import own_period_rate


def _flags(text: str, lang: str) -> list[bool]:
    doc = Doc.read(text, text, lang, None, ("RUS", "CHN"))
    return [own_period_rate(c) for c in contexts(doc)]


@pytest.mark.parametrize(
    ("text", "lang", "flags"),
    [
        ("Exports rose 4% in 2024, after 12% in 2023.", "en", [False, True]),
        ("Die Importe stiegen um 1 Prozent, nach 18 Prozent 2023.", "de", [False, True]),
        ("贸易额增幅35.8%,2022年29.3%。", "zh", [False, True]),
        ("Экспорт вырос на 4%, после 12% в 2023 году.", "ru", [False, True]),
        # a word of its own before the amount: not a bare period rate
        ("Exports rose 4% in 2024, imports 12% in 2023.", "en", [False, False]),
        # no period in the clause
        ("Exports rose 4% in 2024, after 12%.", "en", [False, False]),
    ],
)
def test_own_period_rate(text: str, lang: str, flags: list[bool]) -> None:
    assert _flags(text, lang) == flags
