"""Property tests (hypothesis): trailing sums, YoY and year ranges against plain definitions."""

from __future__ import annotations

import math

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from tradecheck.analysis import format_years, parse_years, trailing_12m, yoy

values = st.lists(st.floats(min_value=0, max_value=1e10, allow_nan=False), min_size=12, max_size=40)


@settings(max_examples=40, deadline=None)
@given(values)
def test_trailing_12m_is_the_sum_of_the_last_twelve(vals):
    s = pd.Series(vals, index=pd.period_range("2015-01", periods=len(vals), freq="M"))
    t = trailing_12m(s)
    for i in range(len(vals)):
        if i < 11:
            assert math.isnan(t.iloc[i])
        else:
            assert math.isclose(t.iloc[i], sum(vals[i - 11 : i + 1]), rel_tol=1e-9, abs_tol=1e-3)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.floats(min_value=1, max_value=1e10, allow_nan=False), min_size=2, max_size=20))
def test_yoy_matches_definition(vals):
    s = pd.Series(vals, index=range(2000, 2000 + len(vals)))
    out = yoy(s)["yoy_pct"].to_numpy()
    for i in range(1, len(vals)):
        assert math.isclose(
            out[i], 100 * (vals[i] - vals[i - 1]) / vals[i - 1], rel_tol=1e-9, abs_tol=1e-9
        )


@given(st.sets(st.integers(min_value=1900, max_value=2100), max_size=30))
def test_year_ranges_round_trip(years):
    assert parse_years(format_years(years)) == sorted(years)
