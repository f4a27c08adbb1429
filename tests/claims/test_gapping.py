"""Gapped clauses: a percent after a dash whose verb or noun stands before it
(tradecheck.claims.gapping), and a clause holding only a period and its rate
(``own_period_rate``). Constructed examples."""

from __future__ import annotations

import pytest

from tradecheck.claims.context import Doc, contexts
from tradecheck.claims.gapping import gapped_quantity, own_period_rate, subject_start
from tradecheck.claims.parse import parse


@pytest.mark.parametrize(
    ("head", "back", "named", "want"),
    [
        (" — на ", "экспорт вырос на 20%, импорт из России ", True, ("pct_change", 1.0)),
        (" — на ", "экспорт сократился на 2%, импорт из России ", True, ("pct_change", -1.0)),
        ("– около ", "доля Беларуси в обороте России ", True, ("share", 1.0)),
        (" — на ", "экспорт вырос на 20%, импорт из России ", False, None),
        (" составил ", "экспорт вырос на 20%, импорт из России ", True, None),
        (" – на ", "экспорт масла вырос на 16%, сыров ", True, None),
        (" — ", "В 2023 году в России ", True, None),
    ],
)
def test_gapped_quantity(head, back, named, want):
    assert gapped_quantity(head, back, named) == want


def test_subject_start():
    assert subject_start("рост на 5%, импорт ") == len("рост на 5%,")
    assert subject_start("импорт ") == 0


def test_a_gapped_percent_is_read_in_a_text():
    t = "В 2022 году экспорт Китая в Россию вырос на 20%. Импорт России в Китай — на 40%."
    got = parse(t, as_of="2023-02-01", pair=("RUS", "CHN"))
    assert [(c.quantity, c.value, c.direction) for c in got] == [
        ("pct_change", 20.0, "CHN->RUS"),
        ("pct_change", 40.0, "RUS->CHN"),
    ]


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
