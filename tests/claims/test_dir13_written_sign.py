"""A sign set apart from its percent by a space is the change's sign ("+ 3,1 %"; a dash
only after a word that takes a figure, "mit – 6,2 %": concept ``minus_after``), as a sign
glued to it is; a dash after a noun stays a gapped verb (``resolve/quantity.written_sign``).
Constructed sentences (our own wording, figures made up for the grammar only)."""

from __future__ import annotations

import pytest

from tradecheck.claims.mentions import Amount
from tradecheck.claims.parse import parse
from tradecheck.claims.resolve.quantity import written_sign


def _at(text: str, number: str) -> Amount:
    i = text.index(number)
    return Amount("percent", i, i + len(number) + 2, 1.0, 1)


@pytest.mark.parametrize(
    ("text", "number", "sign"),
    [
        ("Maschinen (2 100 Mill. DM, + 6,3 %)", "6,3", 1.0),
        ("2015 mit – 6,2 % rückläufig", "6,2", -1.0),
        ("in 2019 with – 3.4 % lower", "3.4", -1.0),
        ("в 2019 году с – 7,1 %", "7,1", -1.0),
        ("Exporte – 6,2 %, Importe – 3,1 %", "6,2", None),
        ("Экспорт – 6,2 %", "6,2", None),
        ("rund 6,2 %", "6,2", None),
    ],
)
def test_written_sign_set_apart(text, number, sign):
    assert written_sign(text, _at(text, number)) == sign


@pytest.mark.parametrize(
    ("text", "pair", "expected"),
    [
        (
            "Ausfuhren nach Korea 2012 nach Gütern: Arzneimittel (1 900 Mill. Euro, + 9,4 %).",
            ("AUT", "KOR"),
            [("level", 1.9e9), ("pct_change", 9.4)],
        ),
        (
            "Die Einfuhren aus Korea hatten 2012 mit – 5,3 % deutlich nachgelassen.",
            ("AUT", "KOR"),
            [("pct_change", -5.3)],
        ),
    ],
)
def test_change_with_a_sign_set_apart(text, pair, expected):
    assert [(c.quantity, c.value) for c in parse(text, pair=pair, lang="de")] == expected
