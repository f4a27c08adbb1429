"""Pure-function tests of the amount vocabulary the grid (test_grid_amounts.py) asked for.

Every text here is constructed."""

from __future__ import annotations

import pytest

from tradecheck.claims import _vocab as V
from tradecheck.claims.mentions import find
from tradecheck.claims.parse import parse
from tradecheck.claims.resolve import balance as B


@pytest.mark.parametrize(
    "before",
    [
        "were worth at least ",
        "erreichte mindestens ",
        "составил не менее ",
        "составил не меньше, чем ",
        "становив не менше ",
        "становив щонайменше ",
        "склаў не менш за ",
        "进口额至少为",
        "wyniósł co najmniej ",
    ],
)
def test_not_below_words(before: str) -> None:
    assert V.NOT_BELOW.search(before)


@pytest.mark.parametrize("before", ["составил менее ", "less than ", "weniger als ", "不足"])
def test_less_than_is_not_not_below(before: str) -> None:
    assert not V.NOT_BELOW.search(before)


@pytest.mark.parametrize(
    ("text", "lang", "pair", "value", "currency"),
    [
        ("₹4.6 lakh crore", "en", ("IND", "RUS"), 4.6e12, "INR"),
        ("INR 35,000 crore", "en", ("IND", "RUS"), 3.5e11, "INR"),
        ("₹4 lakh", "en", ("IND", "RUS"), 4e5, "INR"),
        ("TL 95 billion", "en", ("TUR", "UKR"), 95e9, "TRY"),
        ("₺95 billion", "en", ("TUR", "UKR"), 95e9, "TRY"),
        ("95 Mrd. TL", "de", ("TUR", "UKR"), 95e9, "TRY"),
        ("LE 52 billion", "en", ("EGY", "CHN"), 52e9, "EGP"),
        ("Mex$8 trillion", "en", ("MEX", "USA"), 8e12, "MXN"),
        ("2,6 Mrd. Belarus-Rubel", "de", ("BLR", "KAZ"), 2.6e9, "BYN"),
        ("61 млрд американских долларов", "ru", ("RUS", "IND"), 61e9, "USD"),
        ("150 млрд казахстанских тенге", "ru", ("KAZ", "BLR"), 150e9, "KZT"),
        ("61 млрд американських доларів", "uk", ("RUS", "IND"), 61e9, "USD"),
        ("61 млрд амерыканскіх долараў", "be", ("RUS", "IND"), 61e9, "USD"),
    ],
)
def test_currency_words_and_indian_scales(
    text: str, lang: str, pair: tuple[str, str], value: float, currency: str
) -> None:
    [a] = find(text, lang, pair).amounts
    assert (a.kind, a.currency) == ("money", currency)
    assert a.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("rose by a fifth", "en", 20.0),
        ("stiegen um ein Fünftel", "de", 20.0),
        ("сократился наполовину", "ru", 50.0),
        ("скоротився наполовину", "uk", 50.0),
        ("скараціўся напалову", "be", 50.0),
        ("were up 12 pct", "en", 12.0),
        ("were up 12pc", "en", 12.0),
        ("stiegen um 3,8 Proz.", "de", 3.8),
    ],
)
def test_fraction_and_percent_words(text: str, lang: str, value: float) -> None:
    [a] = find(text, lang, ("POL", "DEU")).amounts
    assert (a.kind, a.value) == ("percent", pytest.approx(value))


@pytest.mark.parametrize("pre", ["im Handel mit den ", "gegenüber der ", "Überschuss gegenüber "])
def test_german_balance_with_article(pre: str) -> None:
    assert B._WITH_PAIR.search(pre)


def test_balance_sign_of_the_holder_before_gegenueber() -> None:
    text = "Mexikos Handelsüberschuss gegenüber den USA betrug 2023 152 Mrd. Dollar."
    [c] = parse(text, as_of="2024-03-01", lang="de", pair=("MEX", "USA"))
    assert (c.quantity, c.value) == ("balance", 152e9)


@pytest.mark.parametrize(
    ("word", "rx"),
    [("імпарце", V.IMPORT_KW), ("экспарце", V.EXPORT_KW), ("тавараабароце", V.TRADE_KW)],
)
def test_belarusian_locative_flow_words(word: str, rx: object) -> None:
    assert rx.fullmatch(word)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("进口额为二百亿美元", "money", 20e9),
        ("进口额为一百六十亿美元", "money", 16e9),
        ("出口额为一千零五十万美元", "money", 10.5e6),
        ("同比增长百分之十二", "percent", 12.0),
        ("同比下降百分之三点五", "percent", 3.5),
    ],
)
def test_chinese_numerals(text: str, kind: str, value: float) -> None:
    [a] = find(text, "zh", ("KAZ", "CHN")).amounts
    assert (a.kind, a.value) == (kind, pytest.approx(value))


def test_vague_chinese_numeral_is_no_amount() -> None:
    assert not find("价值数十亿美元的协议", "zh", ("KAZ", "CHN")).amounts
