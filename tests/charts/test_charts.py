"""Chart functions: structure, house style, source line, glyphs and byte-reproducible output.

Inputs are constructed (tests/charts/chart_frames.py; see tests/fixtures/analysis/README.md).
"""

from __future__ import annotations

import hashlib
import io
import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib as mpl
import numpy as np
import pytest
from chart_frames import canonical, check_results, seasonal_series
from matplotlib import font_manager
from matplotlib.collections import PathCollection
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

from tradecheck.analysis import annual_levels, coverage, mirror_gap, seasonal, yoy
from tradecheck.charts import (
    FONT_FALLBACK,
    REPORTER_COLORS,
    apply_style,
    coverage_chart,
    mirror_chart,
    save_figure,
    seasonal_chart,
    source_line_of,
    trend_chart,
    verdict_chart,
    yoy_chart,
)
from tradecheck.errors import TradecheckError

CHN, BLR = REPORTER_COLORS["CHN"], REPORTER_COLORS["BLR"]


@pytest.fixture(scope="module")
def df():
    return canonical()


@pytest.fixture(scope="module")
def levels(df):
    return annual_levels(df)


def _lines(ax):
    return {ln.get_label(): ln for ln in ax.get_lines() if not ln.get_label().startswith("_")}


def _texts(ax):
    """Texts of the axes as shown (``\\$`` is matplotlib's escape of a dollar sign)."""
    return [t.get_text().replace("\\$", "$") for t in ax.texts]


def test_apply_style_sets_fonts_and_determinism():
    apply_style()
    assert list(mpl.rcParams["font.family"]) == FONT_FALLBACK
    assert FONT_FALLBACK == ["DejaVu Sans", "Noto Sans CJK SC", "Noto Sans CJK JP"]
    assert mpl.rcParams["svg.hashsalt"] == "tradecheck"
    assert mpl.rcParams["savefig.dpi"] == 150


def test_trend_chart_structure(levels):
    fig = trend_chart(levels)
    assert isinstance(fig, Figure) and len(fig.axes) == 1
    ax = fig.axes[0]
    lines = _lines(ax)
    assert set(lines) == {"Belarus · IMF DOTS", "China · IMF DOTS"}
    assert to_hex(lines["China · IMF DOTS"].get_color()) == CHN
    assert to_hex(lines["Belarus · IMF DOTS"].get_color()) == BLR
    # statistics: X+M per year, 2016..2020
    x, y = lines["Belarus · IMF DOTS"].get_data()
    assert list(x) == [2016, 2017, 2018, 2019, 2020]
    assert y[-1] == pytest.approx((8 + 33) * 1e8)
    # published figures are markers (scatter collections) in the reporter's colour
    scat = [c for c in ax.collections if isinstance(c, PathCollection)]
    assert scat and {to_hex(c.get_edgecolor()[0]) for c in scat} == {CHN, BLR}
    # latest values written beside the series
    texts = _texts(ax)
    assert "$4.1B (2020)" in texts and "$5.8B (2022)" in texts
    assert ax.get_title("left") == "Belarus–China: total trade in goods"
    assert ax.get_yscale() == "linear"
    src = source_line_of(fig)
    assert src.startswith("Sources: IMF, Direction of Trade Statistics (constructed_dots.xlsx)")
    assert "constructed.csv" in src
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert {"published: stated", "published: about", "published: more than"} <= set(legend)


def test_trend_chart_plots_real_dollars(levels):
    # a user's reference line at $4.5 bn is drawn at 4.5e9, and the ticks say so
    fig = trend_chart(levels)
    ax = fig.axes[0]
    ax.axhline(4.5e9)
    lo, hi = ax.get_ylim()
    assert lo <= 4.5e9 <= hi < 1e11
    fmt = ax.yaxis.get_major_formatter()
    assert fmt(4.5e9, 0) == "$4.5B" and fmt(5e8, 0) == "$500M"
    assert ax.get_ylabel() == "US$"


def test_balance_chart_shows_each_sides_balance(levels):
    from tradecheck.analysis import balance
    from tradecheck.charts import balance_chart

    bal = balance(levels)
    fig = balance_chart(bal)
    ax = fig.axes[0]
    lines = _lines(ax)
    x, y = lines["Belarus · IMF DOTS"].get_data()
    # constructed: Belarus 2020 exports 8e8, imports 33e8
    assert list(x)[-1] == 2020 and y[-1] == pytest.approx(8e8 - 33e8)
    x, y = lines["China · IMF DOTS"].get_data()
    assert y[-1] == pytest.approx(14e8 - 9e8)
    assert "−$2.5B (2020)" in _texts(ax)


def test_flows_chart_has_both_directions(levels):
    from tradecheck.charts import flows_chart

    fig = flows_chart(levels, start_year=2017)
    assert len(fig.axes) == 2
    top, bottom = fig.axes
    assert top.get_title("left").startswith("Belarus → China")
    assert bottom.get_title("left").startswith("China → Belarus")
    x, _ = _lines(top)["China · IMF DOTS"].get_data()
    assert list(x) == [2017, 2018, 2019, 2020]


def test_trend_chart_options(levels):
    fig = trend_chart(levels, log=True, direction="A->B", lang="ru")
    ax = fig.axes[0]
    assert ax.get_yscale() == "log"
    assert ax.get_title("left") == "Беларусь → Китай: goods"
    assert set(_lines(ax)) == {"Беларусь · IMF DOTS", "Китай · IMF DOTS"}
    with pytest.raises(TradecheckError, match="nothing to draw"):
        trend_chart(levels, sources=["gacc"])


def test_yoy_chart(levels):
    fig = yoy_chart(yoy(levels))
    ax = fig.axes[0]
    lines = _lines(ax)
    assert to_hex(lines["China · IMF DOTS"].get_color()) == CHN
    x, y = lines["Belarus · IMF DOTS"].get_data()
    assert list(x) == [2017, 2018, 2019, 2020]
    assert y[0] == pytest.approx(100 * ((5 + 27) / (4 + 25) - 1))
    assert any(t.startswith("+") and "(2020)" in t for t in _texts(ax))
    assert source_line_of(fig).startswith("Sources:")
    # levels are accepted and converted
    assert len(yoy_chart(levels).axes) == 1


def test_mirror_chart(df):
    gap = mirror_gap(df)
    fig = mirror_chart(gap)
    assert len(fig.axes) == 4
    top_left, top_right = fig.axes[0], fig.axes[1]
    lab = _lines(top_left)
    assert set(lab) == {"Belarus reports exports (FOB)", "China reports imports (CIF)"}
    assert to_hex(lab["China reports imports (CIF)"].get_color()) == CHN
    assert top_left.get_title("left") == "Belarus → China"
    assert top_right.get_title("left") == "China → Belarus"
    bars = fig.axes[2].patches
    assert len(bars) == 5
    # BLR->CHN 2016: China imports 5e8 vs Belarus exports 4e8: +25 %
    assert bars[0].get_height() == pytest.approx(25.0)
    src = source_line_of(fig)
    assert "constructed_dots.xlsx" in src and "CIF" in src
    with pytest.raises(TradecheckError):
        mirror_chart(gap, source="comtrade")


def test_seasonal_chart():
    res = seasonal(seasonal_series())
    fig = seasonal_chart(res)
    assert len(fig.axes) == 4
    y = fig.axes[0].get_lines()[0].get_ydata()
    np.testing.assert_allclose(y, res.observed.to_numpy())
    assert "seasonal strength" in fig.axes[0].get_title("left")
    assert [a.get_ylabel() for a in fig.axes] == [
        "observed, US$",
        "trend, US$",
        "seasonal, US$",
        "remainder, US$",
    ]
    assert "STL with period 12 over 2019-01..2022-12" in source_line_of(fig)
    # a statsmodels result works as well
    assert len(seasonal_chart(res.stl).axes) == 4


def test_coverage_chart(df):
    cov = coverage(df, pair=("BLR", "CHN"))
    fig = coverage_chart(cov)
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(labels) == len(cov)
    assert "IMF DOTS · China · X" in labels and "published · China · T" in labels
    bars = [c for c in ax.collections]
    assert len(bars) == len(cov)
    assert "1 row" in _texts(ax) or "2 rows" in _texts(ax)
    assert "constructed_dots.xlsx" in source_line_of(fig)


def test_coverage_chart_shows_gaps():
    import pandas as pd

    cov = pd.DataFrame(
        {
            "source": ["imf_dots"],
            "reporter": ["CHN"],
            "flow": ["X"],
            "rows": [5],
            "first_year": [2000],
            "last_year": [2008],
            "missing_years": ["2002-2004, 2006"],
            "files": ["a.xlsx"],
        }
    )
    ax = coverage_chart(cov).axes[0]
    assert len(ax.collections[0].get_paths()) == 3  # 2000-2001, 2005, 2007-2008


def test_verdict_chart():
    results = check_results()
    fig = verdict_chart(results)
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(labels) == 3 + 1 + 3 + 1  # claims + readings (+ "no reading")
    # the checker's own verdict words (CheckResult.label): basis and sides are named
    assert labels[0].endswith("[supported by statistics]")
    assert labels[2].endswith("[mixed: holds for Belarus (IMF DOTS); fails for China (IMF DOTS)]")
    assert labels[-2].endswith("[not verifiable]") and labels[-1].strip() == "no reading"
    markers = [ln for ln in ax.get_lines() if ln.get_marker() in ("o", "X")]
    assert sorted(ln.get_marker() for ln in markers) == ["X", "o", "o"]
    chn = next(ln for ln in markers if ln.get_marker() == "X")
    assert to_hex(chn.get_color()) == CHN
    texts = _texts(ax)
    assert "no data" in texts
    assert "$4.46B (claim $4.5B)" in texts
    assert "no data on this product" in texts
    assert "constructed_dots.xlsx" in source_line_of(fig)
    with pytest.raises(TradecheckError):
        verdict_chart([])


def test_claim_chart_uses_a_real_value_axis():
    from tradecheck.charts import claim_chart, verdict_word

    supported, mixed, _ = check_results()
    fig = claim_chart(mixed)
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(labels) == 2  # the readings with data; the one without is mentioned below
    assert "further reading(s) without data" in source_line_of(fig)
    xs = sorted(float(ln.get_xdata()[0]) for ln in ax.get_lines() if ln.get_marker() in "oX")
    assert xs == pytest.approx([11.0, 22.0])  # percent, not rescaled
    assert ax.xaxis.get_major_formatter()(20.0, 0) == "+20 %"
    assert ax.get_title("left").startswith(verdict_word(mixed))
    money = claim_chart(supported).axes[0]
    assert money.xaxis.get_major_formatter()(4.5e9, 0) == "$4.5B"
    assert verdict_word({"verdict": "not_supported"}) == "NOT SUPPORTED"
    # drawn into a user's axes: that figure is returned, nothing else added
    user = Figure()
    ax = user.add_subplot()
    assert claim_chart(mixed, ax=ax) is user and len(user.axes) == 1 and not user.texts


def _cjk_available() -> bool:
    try:
        font_manager.findfont("Noto Sans CJK SC", fallback_to_default=False)
        return True
    except ValueError:
        return False


@pytest.mark.skipif(not _cjk_available(), reason="Noto Sans CJK not installed (make fonts)")
def test_cyrillic_and_chinese_render_without_missing_glyphs(levels):
    fig = trend_chart(levels, title="Товарооборот Беларуси и Китая — 中国与白俄罗斯贸易", lang="zh")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.canvas.draw() if hasattr(fig.canvas, "draw") else None
        buf = io.BytesIO()
        fig.savefig(buf, format="png")
    glyph = [
        str(w.message)
        for w in caught
        if "missing from" in str(w.message) or "Glyph" in str(w.message)
    ]
    assert glyph == []
    assert set(_lines(fig.axes[0])) == {"白俄罗斯 · IMF DOTS", "中国 · IMF DOTS"}


def test_missing_glyph_warning_is_detectable():
    """Guard for the test above: a font without CJK does warn, so silence means success."""
    apply_style()
    fig = Figure(figsize=(2, 1))
    fig.text(0.1, 0.5, "中国", family="DejaVu Sans")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.savefig(io.BytesIO(), format="png")
    assert any("missing from" in str(w.message) for w in caught)


def _png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", metadata={"Software": None})
    return buf.getvalue()


def test_png_bytes_identical_twice(levels, df):
    for make in (lambda: trend_chart(levels), lambda: verdict_chart(check_results())):
        fig = make()
        first, second = _png(fig), _png(fig)
        assert first == second
        assert _png(make()) == first  # a freshly built figure too
    fig = mirror_chart(mirror_gap(df))
    assert _png(fig) == _png(fig)


@pytest.mark.parametrize("suffix", ["png", "svg", "pdf"])
def test_save_figure_reproducible(levels, tmp_path, suffix):
    a = save_figure(trend_chart(levels), tmp_path / f"a.{suffix}")
    b = save_figure(trend_chart(levels), tmp_path / f"b.{suffix}")
    assert hashlib.sha256(a.read_bytes()).digest() == hashlib.sha256(b.read_bytes()).digest()
    if suffix == "svg":
        assert b"<dc:date>" not in a.read_bytes()
    if suffix == "pdf":
        assert b"CreationDate" not in a.read_bytes()
