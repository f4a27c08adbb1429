"""analysis._windows against a plain statement of its rule, on random groups (hypothesis).

The month arithmetic of ``_windows`` is delegated to :func:`tradecheck.derive.cover`; the
reference below states the rule directly (a monthly row, else YTD Jan..m minus YTD Jan..m-1;
a window is an exact row, else the sum of its months), so the delegation cannot change what
the analysis finds. The groups are constructed: monthly, year-to-date, quarterly and annual
rows over two years, with duplicate candidates differing in bound and vintage.
"""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from tradecheck.analysis import _windows as W
from tradecheck.analysis._common import period_of_index

BASE = 2023 * 12  # month index of 2023-01

spans = st.sampled_from(
    [(m, m) for m in range(24)]  # monthly rows
    + [(y, y + k) for y in (0, 12) for k in range(1, 12)]  # YTD rows (k=11: annual)
    + [(q, q + 2) for q in range(0, 24, 3)]  # quarterly rows
    + [(5, 7), (10, 13)]  # odd windows, one across the year end
)
rows_st = st.lists(
    st.tuples(
        spans,
        st.integers(1, 500),
        st.sampled_from(["eq", "approx", "gt"]),
        st.sampled_from(["2024-01", "2025-06"]),
    ),
    max_size=30,
)


def _frame(rows: list[tuple[tuple[int, int], int, str, str]]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "m0": BASE + a,
                "m1": BASE + b,
                "value": float(v),
                "source": "belstat",
                "source_file": "f.csv",
                "source_ref": f"line {i + 2}",
                "bound": bound,
                "estimate": False,
                "vintage": vint,
                "valuation": "FOB",
                "flow": "X",
            }
            for i, ((a, b), v, bound, vint) in enumerate(rows)
        ],
        columns=[
            "m0",
            "m1",
            "value",
            "source",
            "source_file",
            "source_ref",
            "bound",
            "estimate",
            "vintage",
            "valuation",
            "flow",
        ],
    )


def _ref_month(ix: W.Indexed, i: int) -> W.Window | None:
    w = W.exact(ix, i, i)
    if w is not None:
        return w
    jan = i - i % 12
    if i == jan:
        return None
    cur, prev = W.exact(ix, jan, i), W.exact(ix, jan, i - 1)
    if cur is None or prev is None:
        return None
    return W.combine(
        [cur, prev], f"YTD {period_of_index(i)} - YTD {period_of_index(i - 1)}", sign=[1, -1]
    )


def _ref_window(ix: W.Indexed, w0: int, w1: int) -> W.Window | None:
    w = W.exact(ix, w0, w1)
    if w is not None:
        return w
    parts = [_ref_month(ix, i) for i in range(w0, w1 + 1)]
    if any(p is None for p in parts):
        return None
    if len(parts) == 1:
        return parts[0]
    return W.combine(parts, f"sum of {len(parts)} months")  # type: ignore[arg-type]


@settings(max_examples=60, deadline=None)
@given(rows_st)
def test_months_and_windows_follow_the_rule(rows):
    ix = W.Indexed(_frame(rows))
    for i in range(BASE, BASE + 24):
        assert W.month(ix, i) == _ref_month(ix, i)
    for w0, w1 in [(0, 11), (12, 23), (6, 8), (0, 2), (9, 14), (0, 23), (3, 3), (13, 13)]:
        assert W.window(ix, BASE + w0, BASE + w1) == _ref_window(ix, BASE + w0, BASE + w1)
    points = W.monthly_points(ix)
    assert points == {i: m for i in range(BASE, BASE + 24) if (m := _ref_month(ix, i)) is not None}


def test_ytd_difference_is_named_and_signed():
    ix = W.Indexed(_frame([((0, 5), 60, "eq", "2024-01"), ((0, 6), 75, "eq", "2024-01")]))
    w = W.month(ix, BASE + 6)
    assert w is not None
    assert (w.value, w.how) == (15.0, "YTD 2023-07 - YTD 2023-06")
    assert W.month(ix, BASE + 5) is None  # no YTD Jan..May


def test_no_coarse_ytd_difference():
    """Jul..Sep from YTD Jun and YTD Sep: derive differences them, the analysis (month by
    month) does not -- the delegation keeps that difference."""
    from tradecheck import derive

    ix = W.Indexed(_frame([((0, 5), 60, "eq", "2024-01"), ((0, 8), 99, "eq", "2024-01")]))
    assert W.window(ix, BASE + 6, BASE + 8) is None
    assert derive.cover(ix.periods, "2023-07", "2023-09") == (
        [(1, (BASE, BASE + 8)), (-1, (BASE, BASE + 5))],
        "YTD 2023-01..2023-09 minus YTD 2023-01..2023-06",
    )
