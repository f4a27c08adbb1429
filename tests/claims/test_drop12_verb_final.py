"""German verb-final changes after an "um"-amount: the closing verb far behind a subject,
a period and a partner, and a separable verb whose particle closes the clause
(``resolve.quantity.verb_final_sign``).

Every text here is constructed.
"""

from __future__ import annotations

import pytest

from tradecheck.claims.context import Doc, contexts
from tradecheck.claims.parse import parse
from tradecheck.claims.resolve.quantity import verb_final_sign

PAIR = ("DEU", "BRA")


def _sign(text: str) -> float | None:
    doc = Doc.read(text, text, "de", None, PAIR)
    [ctx] = [c for c in contexts(doc) if c.amount.kind == "percent"]
    return verb_final_sign(ctx)


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("Die Einfuhren aus Brasilien nahmen um 2,4 Prozent gegenüber dem Vorjahr zu.", 1.0),
        ("Die Einfuhren aus Brasilien nahmen um 2,4 Prozent gegenüber dem Vorjahr ab.", -1.0),
        (
            (
                "Um kräftige 17 Prozent sind die deutschen Lieferungen nach Brasilien in den "
                "Monaten April bis Juni 2020 gewachsen."
            ),
            1.0,
        ),
        ("Die Einfuhren aus Brasilien lagen um 2,4 Prozent über dem Wert von damals.", None),
    ],
)
def test_verb_final_sign(text: str, sign: float | None) -> None:
    assert _sign(text) == sign


def test_particle_must_close_the_clause() -> None:
    # "zu" inside the clause, not at its end, is no particle of the change
    assert _sign("Die Einfuhren stiegen nicht, um 2,4 Prozent zu den Zielen beizutragen.") is None


def test_first_of_two_um_amounts_reaches_the_closing_verb() -> None:
    text = (
        "Die Exporte nach Brasilien sind 2012 um 21,5 % und von Januar bis März 2013 "
        "noch stärker um 24,1 % im Vergleich zum Vorjahr angestiegen."
    )
    got = [(c.quantity, c.value) for c in parse(text, lang="de", pair=PAIR)]
    assert got == [("pct_change", 21.5), ("pct_change", 24.1)]
