"""Charts on the real shipped data (data/raw) — structure only; numbers are tested in
tests/analysis/test_analysis_real.py."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pytest

from tradecheck import paths
from tradecheck.analysis import annual_levels, coverage, mirror_gap
from tradecheck.charts import (
    coverage_chart,
    mirror_chart,
    source_line_of,
    trend_chart,
)


@pytest.fixture(scope="module")
def real():
    from tradecheck.loaders import load

    return load(paths.RAW)


def test_trend_spans_1992_to_2025_on_shipped_data(real):
    fig = trend_chart(annual_levels(real), log=True)
    ax = fig.axes[0]
    lo, hi = ax.get_xlim()
    assert lo < 1992 and hi > 2025
    labels = {ln.get_label() for ln in ax.get_lines()}
    assert {"Belarus · IMF DOTS", "China · IMF DOTS"} <= labels
    src = source_line_of(fig)
    for name in (
        "DOTS_Belarus_Rep._of.xlsx",
        "DOTS_China_P.R._Mainland.xlsx",
        "published_figures.csv",
    ):
        assert name in src


def test_mirror_and_coverage_charts_on_shipped_data(real):
    fig = mirror_chart(mirror_gap(real))
    assert len(fig.axes) == 4
    assert len(fig.axes[2].patches) == 29  # 1992-2020, both sides every year
    cov = coverage(real, pair=("BLR", "CHN"))
    fig2 = coverage_chart(cov)
    assert len(fig2.axes[0].get_yticklabels()) == len(cov)
    assert "comtrade_exports_2021A_all_pairs_subset_columns.csv" in source_line_of(fig2)
