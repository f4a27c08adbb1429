"""Numbers as written in the four languages (tradecheck.claims._numbers), multiples written as
words (the complete multiplicative series), and pinyin glosses and vague Chinese counts
around numbers (``_lang.drop_glosses``). Constructed examples."""

from __future__ import annotations

import pytest

from tradecheck.claims._lang import drop_glosses
from tradecheck.claims._numbers import parse_number, scale_factor, word_number, zh_small_number
from tradecheck.claims.mentions import find_amounts


@pytest.mark.parametrize(
    ("text", "lang", "value", "decimals"),
    [
        ("5.08", "en", 5.08, 2),
        ("5,83", "ru", 5.83, 2),
        ("8,4", "de", 8.4, 1),
        ("1,234", "en", 1234.0, 0),
        ("1,234", "zh", 1234.0, 0),
        ("1,234", "ru", 1.234, 3),  # Russian decimal comma
        ("1.234", "de", 1234.0, 0),  # German thousands dot
        ("1.234", "en", 1.234, 3),
        ("1 234", "ru", 1234.0, 0),
        ("1\u00a0025,6", "ru", 1025.6, 1),
        ("1,087,650", "zh", 1087650.0, 0),
        ("1.087.650", "de", 1087650.0, 0),
        ("1,234.5", "en", 1234.5, 1),
        ("1.234,5", "de", 1234.5, 1),
        ("2832", "ru", 2832.0, 0),
        ("0,8", "de", 0.8, 1),
    ],
)
def test_parse_number(text, lang, value, decimals):
    v, d = parse_number(text, lang)
    assert v == pytest.approx(value)
    assert d == decimals


@pytest.mark.parametrize("bad", ["", "abc", ",5", "1.2.x"])
def test_parse_number_rejects_non_numbers(bad):
    with pytest.raises(ValueError):
        parse_number(bad)


@pytest.mark.parametrize(
    ("word", "lang", "factor"),
    [
        ("billion", "en", 1e9),
        ("bn", "en", 1e9),
        ("mln", "en", 1e6),
        ("trillion", "en", 1e12),
        ("Mrd.", "de", 1e9),
        ("Milliarden", "de", 1e9),
        ("Mio.", "de", 1e6),
        ("Billion", "de", 1e12),
        ("млрд", "ru", 1e9),
        ("миллиарда", "ru", 1e9),
        ("тыс.", "ru", 1e3),
        ("млн", "ru", 1e6),
        ("亿", "zh", 1e8),
        ("万", "zh", 1e4),
        ("万亿", "zh", 1e12),
        ("千", "zh", 1e3),
        (None, "en", 1.0),
    ],
)
def test_scale_factor(word, lang, factor):
    assert scale_factor(word, lang) == factor


def test_word_numbers():
    assert word_number("nine") == 9
    assert word_number("neun") == 9
    assert word_number("девяти") == 9
    assert word_number("полтора") == 1.5
    assert word_number("十一") == 11
    assert word_number("两") == 2
    assert word_number("many") is None
    assert zh_small_number("二十") == 20
    assert zh_small_number("") is None


def test_joined_units_join_only_a_smaller_part():
    """ "38 млрд 607,6 млн долларов" is one amount; two amounts of one scale, or parts apart,
    stay two (constructed)."""
    from tradecheck.claims.mentions import Amount, joined_units

    t = "38 млрд 607,6 млн долларов; 5 млрд, 3 млрд долларов"
    big = Amount("bare", 0, 7, 38e9, 0, None, 0, 1e9)
    small = Amount("money", 8, 26, 607.6e6, 1, "USD", 8, 1e6)
    five = Amount("bare", 28, 34, 5e9, 0, None, 28, 1e9)
    three = Amount("money", 36, 51, 3e9, 0, "USD", 36, 1e9)
    got = joined_units([big, small, five, three], t)
    assert [(a.value, a.currency) for a in got] == [
        (38607600000.0, "USD"),
        (5e9, None),
        (3e9, "USD"),
    ]
    assert got[0].precision == 1e5


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


@pytest.mark.parametrize(
    ("text", "clean"),
    [
        ("貿(mào)易額", "貿易額"),
        ("經(jīng)濟與(yǔ)貿(mào)易", "經濟與貿易"),
        ("出口(EUR)增長5%", "出口(EUR)增長5%"),  # no tone mark: not a gloss
        ("Handel (mào)", "Handel (mào)"),  # not after a Han character
        ("增長(同比)4%", "增長(同比)4%"),
    ],
)
def test_drop_glosses(text: str, clean: str) -> None:
    assert drop_glosses(text) == clean


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("贸易额增长数十倍", []),
        ("贸易额增长几倍", []),
        ("贸易额增长十倍", [10.0]),
        ("增长两倍", [2.0]),
    ],
)
def test_vague_chinese_multiples_are_no_amount(text: str, values: list[float]) -> None:
    assert [a.value for a in find_amounts(text, "zh") if a.kind == "ratio"] == values
