"""Numbers as written in the four languages (tradecheck.claims._numbers)."""

from __future__ import annotations

import pytest

from tradecheck.claims._numbers import parse_number, scale_factor, word_number, zh_small_number


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
