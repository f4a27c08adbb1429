"""The sign of a change (claims/resolve/quantity.py, mentions.sign_may_follow). Constructed
sentences (our own wording, figures made up for the grammar only).

- Negative growth written with a minus after an increase word: Chinese writes a sign unspaced
  after a character ("增长-2.7%"), so the sign was not read and the change came out as growth;
  an increase word before a figure with its own minus is a fall (``signed_change``).
- A sign set apart from its percent by a space is the change's sign ("+ 3,1 %"; a dash only
  after a word that takes a figure, "mit – 6,2 %": concept ``minus_after``), as a sign glued
  to it is; a dash after a noun stays a gapped verb (``written_sign``).
- German verb-final changes after an "um"-amount: the closing verb far behind a subject, a
  period and a partner, and a separable verb whose particle closes the clause
  (``verb_final_sign``)."""

from __future__ import annotations

import pytest

from tradecheck.claims.context import Doc, contexts
from tradecheck.claims.mentions import Amount, sign_may_follow
from tradecheck.claims.parse import parse
from tradecheck.claims.resolve.quantity import signed_change, verb_final_sign, written_sign


@pytest.mark.parametrize(
    ("ch", "sign"),
    [
        ((" "), True),
        ("(", True),
        ("长", True),
        ("为", True),
        ("3", False),
        ("a", False),
        ("я", False),
        ("３", False),
    ],
)
def test_a_sign_follows_a_space_a_bracket_or_a_chinese_character(ch: str, sign: bool) -> None:
    assert sign_may_follow(ch) is sign


@pytest.mark.parametrize(
    ("text", "sign", "value"),
    [
        ("增长-2.7%", 1.0, -2.7),  # increase word, figure with its own minus: a fall
        ("增长2.7%", 1.0, 2.7),
        ("下降-2.7%", -1.0, -2.7),  # a decrease word makes any figure a fall
        ("下降2.7%", -1.0, -2.7),
    ],
)
def test_signed_change_keeps_a_written_minus_after_an_increase(
    text: str, sign: float, value: float
) -> None:
    start = 2
    num = float(text[start:-1])
    a = Amount("percent", start, len(text), num, 1)
    assert signed_change(sign, a, text) == value


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("2018年中国对秘鲁出口同比增长-3.5%。", [-3.5]),
        ("2018年中国对秘鲁出口和进口同比分别增长-3.5%、6.2%。", [-3.5, 6.2]),
        ("2018年中国对秘鲁出口增长3-5%。", []),  # a range stays a range
    ],
)
def test_chinese_negative_growth_is_a_fall(text: str, values: list[float]) -> None:
    claims = parse(text, as_of="2019-03-01", lang="zh", pair=("PER", "CHN"))
    assert [c.value for c in claims] == values


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
