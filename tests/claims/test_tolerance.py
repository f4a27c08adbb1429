"""Tolerance rules of tradecheck.claims.tolerance (intervals from precision and bound)."""

from __future__ import annotations

import doctest

import pytest

from tradecheck.claims import tolerance
from tradecheck.claims.tolerance import (
    Interval,
    claim_interval,
    half_unit,
    ratio_interval,
    row_interval,
)


def test_docstring_examples():
    assert doctest.testmod(tolerance).failed == 0


@pytest.mark.parametrize(
    ("actual", "holds"),
    [(2.149, False), (2.1499999, False), (2.15, True), (2.2, True), (2.2499, True), (2.25, False)],
)
def test_rounding_boundaries_of_2_2_fold(actual, holds):
    iv = claim_interval(2.2, "eq", decimals=1, quantity="ratio")
    assert iv.contains(actual) is holds


def test_percent_interval():
    iv = claim_interval(97, "eq", decimals=0, quantity="pct_change")
    assert iv.as_tuple() == (96.5, 97.5, True, False)
    assert iv.contains(96.5) and not iv.contains(97.5)


def test_negative_percent_is_symmetric():
    iv = claim_interval(-15, "eq", decimals=0, quantity="pct_change")
    assert iv.as_tuple() == (-15.5, -14.5, True, False)


@pytest.mark.parametrize(
    ("value", "decimals", "h"),
    [
        (5.83e9, 2, 5e6),
        (3e9, 0, 5e8),
        (7e8, 0, 5e5),
        (0.7e9, 1, 5e7),
        (5.8e9, None, 5e7),
        (2_729_411_952, None, 0.5),
        (8.443e9, 3, 5e5),
    ],
)
def test_money_half_units(value, decimals, h):
    assert half_unit(value, decimals, "level") == pytest.approx(h)


def test_exceeded_uses_lower_rounding_edge():
    iv = claim_interval(8.4e9, "gt", decimals=1, quantity="level")
    assert iv.contains(8.36e9)  # rounds to 8.4
    assert not iv.contains(8.35e9)  # the edge itself is excluded
    assert iv.contains(50e9)


def test_less_than_is_symmetric():
    iv = claim_interval(1.0e9, "lt", decimals=1, quantity="level")
    assert iv.contains(1.04e9) and not iv.contains(1.05e9) and iv.contains(0.1e9)


def test_about_band():
    iv = claim_interval(100.0, "approx", decimals=0, quantity="pct_change")
    assert iv.contains(95.0) and iv.contains(105.0)
    assert not iv.contains(94.9) and not iv.contains(105.1)
    # never narrower than rounding: "about $3 bn" keeps the +/- 0.5 bn of an integer
    iv = claim_interval(3e9, "approx", decimals=0, quantity="level", span="about $3 bn")
    assert iv.contains(2.5e9) and iv.contains(3.5e9) and not iv.contains(3.6e9)


def test_almost_band_lies_below():
    iv = claim_interval(3e9, "approx", decimals=0, quantity="level", span="almost $3 bn")
    assert iv.as_tuple() == (2.7e9, 3e9, True, True)
    assert not iv.contains(3.01e9)
    iv = claim_interval(2.0, "approx", decimals=None, quantity="ratio", span="almost doubled")
    assert iv.contains(1.8) and iv.contains(1.97) and iv.contains(2.0)
    assert not iv.contains(1.79) and not iv.contains(2.05)
    for word in ("nearly", "почти", "近", "fast"):
        assert tolerance.is_almost(f"{word} 2")


def test_almost_for_a_deficit_is_mirrored():
    iv = claim_interval(-3e9, "approx", decimals=0, quantity="balance", span="almost -3 bn")
    assert iv.contains(-2.8e9) and not iv.contains(-3.1e9)


def test_word_ratio_band():
    iv = claim_interval(2.0, "eq", decimals=None, quantity="ratio", span="doubled")
    assert iv.as_tuple() == (1.9, 2.1, True, True)
    assert not iv.contains(1.89)
    # a ratio written with digits but unknown decimals uses its digits
    assert claim_interval(2.2, "eq", decimals=None, quantity="ratio").as_tuple() == (
        2.15,
        2.25,
        True,
        False,
    )


def test_ratio_interval_conversion():
    iv = ratio_interval(Interval(96.5, 97.5), to="ratio")
    assert iv.contains(1.97) and not iv.contains(1.975)
    back = ratio_interval(iv, to="pct_change")
    assert back.as_tuple() == (96.5, 97.5, True, False)
    with pytest.raises(ValueError):
        ratio_interval(iv, to="level")


def test_published_row_interval_and_overlap():
    row = row_interval(3e9, "approx")  # "about $3 bn"
    assert row.contains(2.6e9)
    claim = claim_interval(2.8e9, "eq", decimals=1, quantity="level")
    assert claim.overlaps(row)
    assert not claim.overlaps(row_interval(5.08e9, "eq"))
    # a published "more than $5 bn" overlaps a claim of 5.8 bn
    assert claim_interval(5.8e9, "eq", decimals=1, quantity="level").overlaps(
        row_interval(5e9, "gt")
    )
    # touching half-open ends do not overlap
    assert not Interval(1.0, 2.0, True, False).overlaps(Interval(2.0, 3.0, True, True))
    assert Interval(1.0, 2.0, True, True).overlaps(Interval(2.0, 3.0, True, True))


def test_interval_is_a_typed_4_tuple():
    iv = Interval(2.15, 2.25)
    lo, hi, lo_closed, hi_closed = iv
    assert (lo, hi, lo_closed, hi_closed) == (2.15, 2.25, True, False)
    assert iv == (2.15, 2.25, True, False)
    assert iv.describe(lambda x: f"{x:.3f}") == "[2.150, 2.250)"
    assert Interval(None, 3.0, False, False).describe() == "(-inf, 3)"
    # distance outside the interval; 0 inside and on either edge
    assert iv.distance(2.35) == pytest.approx(0.1) and iv.distance(2.0) == pytest.approx(0.15)
    assert iv.distance(2.2) == 0.0 and iv.distance(2.25) == 0.0
    assert Interval(1.0, None).distance(1e12) == 0.0


def test_written_precision_overrides_the_guess_from_the_value():
    # "$5.10 billion" read back without its decimals: the last significant digit of 5.1e9
    # gives [5.05, 5.15) bn -- ten times too wide; the kept precision (US$ 10 m) does not
    guessed = claim_interval(5.1e9, "eq", decimals=None, quantity="level")
    assert guessed.as_tuple() == (5.05e9, 5.15e9, True, False)
    kept = claim_interval(5.1e9, "eq", decimals=None, quantity="level", precision=1e7)
    assert kept.as_tuple() == (5.095e9, 5.105e9, True, False)
    # the same for a percentage written "58.50 %"
    assert claim_interval(
        58.5, "eq", decimals=None, quantity="pct_change", precision=0.01
    ).as_tuple() == (
        58.495,
        58.505,
        True,
        False,
    )


def test_almost_as_its_own_bound():
    iv = claim_interval(3e9, "almost", decimals=0, quantity="level")
    assert iv.as_tuple() == (2.7e9, 3e9, True, True)
    assert claim_interval(-3e9, "almost", decimals=0, quantity="balance").as_tuple() == (
        -3e9,
        -2.7e9,
        True,
        True,
    )


def test_claim_unit_and_interval_of_read_the_claim():
    from tradecheck.claims.model import Claim
    from tradecheck.claims.tolerance import claim_unit, interval_of

    c = Claim("$5.10 billion", "level", 5.1e9, "USD", "eq", "both", None, None, None, decimals=2)
    assert claim_unit(c) == pytest.approx(1e7)
    assert interval_of(c).as_tuple() == (5.095e9, 5.105e9, True, False)
    c.decimals = None
    assert claim_unit(c) == pytest.approx(1e8)  # guessed from the value
    c.precision = 1e7  # kept by the reader
    assert claim_unit(c) == pytest.approx(1e7)
    assert interval_of(c).as_tuple() == (5.095e9, 5.105e9, True, False)
    word = Claim("doubled", "ratio", 2.0, None, "eq", "both", None, None, None)
    assert claim_unit(word) is None
