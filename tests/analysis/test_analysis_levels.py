"""annual_levels, yoy, cagr, balance on constructed frames with hand-computed results."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from analysis_frames import annual, frame, row

from tradecheck.analysis import (
    InsufficientDataError,
    annual_levels,
    balance,
    cagr,
    common_span,
    recent_start,
    yoy,
)
from tradecheck.errors import TradecheckError


def _get(lv: pd.DataFrame, year: int, reporter: str, direction: str, source: str | None = None):
    m = (lv["year"] == year) & (lv["reporter"] == reporter) & (lv["direction"] == direction)
    if source:
        m &= lv["source"] == source
    hit = lv[m]
    assert len(hit) <= 1
    return None if hit.empty else hit.iloc[0]


# ------------------------------------------------------------------------------ annual_levels


def test_levels_both_reporters_directions_and_total(two_sides):
    lv = annual_levels(two_sides)
    assert set(lv["direction"]) == {"A->B", "B->A", "total"}
    assert len(lv) == 3 * 2 * 3  # years x reporters x directions
    # Belarus 2019: exports 125 (A->B), imports 330 (B->A), total 455
    assert _get(lv, 2019, "BLR", "A->B")["value"] == 125.0
    assert _get(lv, 2019, "BLR", "B->A")["value"] == 330.0
    tot = _get(lv, 2019, "BLR", "total")
    assert tot["value"] == 455.0 and tot["flow"] == "X+M" and tot["how"] == "X+M"
    # China's view of the same direction is its imports (M): 130
    chn = _get(lv, 2019, "CHN", "A->B")
    assert chn["value"] == 130.0 and chn["flow"] == "M"
    assert (chn["exporter"], chn["importer"]) == ("BLR", "CHN")
    assert _get(lv, 2020, "CHN", "total")["value"] == 264.0 + 121.0


def test_levels_keep_provenance(two_sides):
    lv = annual_levels(two_sides)
    one = _get(lv, 2018, "BLR", "A->B")
    assert one["source_file"] == "constructed_dots.xlsx"
    assert one["source_ref"] == "BLR-X-2018-01-2018-12-100.0"
    assert one["vintage"] == "2022-03-01" and one["valuation"] == "FOB"
    tot = _get(lv, 2018, "BLR", "total")
    assert tot["source_ref"] == "BLR-X-2018-01-2018-12-100.0; BLR-M-2018-01-2018-12-300.0"


def test_levels_never_mix_sides():
    # Belarus reports only exports, China only imports: no reporter has both flows
    df = frame(annual("BLR", "CHN", "X", 2020, 100.0), annual("CHN", "BLR", "M", 2020, 50.0))
    lv = annual_levels(df)
    assert "total" not in set(lv["direction"])
    assert set(zip(lv["reporter"], lv["direction"], strict=True)) == {
        ("BLR", "A->B"),
        ("CHN", "A->B"),
    }


def test_levels_unknown_side_total_only_from_T_rows():
    pub = {"source": "published", "source_file": "constructed.csv"}
    df = frame(
        annual("XXX", "XXX", "X", 2023, 2.0e9, exporter="BLR", importer="CHN", **pub),
        annual("XXX", "XXX", "M", 2023, 6.0e9, exporter="CHN", importer="BLR", **pub),
    )
    lv = annual_levels(df)
    assert "total" not in set(lv["direction"])  # two unattributed figures are not added
    df2 = frame(annual("XXX", "XXX", "T", 2023, 8.5e9, exporter="BLR", importer="CHN", **pub))
    assert _get(annual_levels(df2), 2023, "XXX", "total")["value"] == 8.5e9


def test_levels_published_prefers_eq_then_precision():
    pub = {"source": "published", "source_file": "constructed.csv"}
    df = frame(
        annual("BLR", "CHN", "T", 2015, 3.0e9, bound="approx", vintage="2025-01-01", **pub),
        annual("BLR", "CHN", "T", 2015, 2.5e9, bound="eq", vintage="2026-01-27", **pub),
        annual("BLR", "CHN", "T", 2015, 3.303e9, bound="eq", vintage="2022-01-20", **pub),
    )
    r = _get(annual_levels(df), 2015, "BLR", "total")
    assert r["value"] == 3.303e9
    assert r["bound"] == "eq" and r["n_candidates"] == 3 and bool(r["disagree"]) is True


def test_levels_approx_only_is_kept_and_flagged():
    df = frame(annual("CHN", "BLR", "T", 2021, 3.8e9, bound="gt", source="published"))
    r = _get(annual_levels(df), 2021, "CHN", "total")
    assert r["value"] == 3.8e9 and r["bound"] == "gt"


def test_levels_statistics_prefer_latest_vintage():
    df = frame(
        annual("BLR", "CHN", "X", 2020, 100.0, vintage="2021-03-01"),
        annual("BLR", "CHN", "X", 2020, 104.0, vintage="2022-03-01"),
    )
    r = _get(annual_levels(df), 2020, "BLR", "A->B")
    assert r["value"] == 104.0 and r["n_candidates"] == 2 and bool(r["disagree"])


def test_levels_exact_X_plus_M_beats_approximate_T():
    pub = {"source": "published"}
    df = frame(
        annual("BLR", "CHN", "T", 2022, 6.0e9, bound="approx", **pub),
        annual("BLR", "CHN", "X", 2022, 1.61e9, **pub),
        annual("BLR", "CHN", "M", 2022, 4.18e9, **pub),
    )
    assert _get(annual_levels(df), 2022, "BLR", "total")["value"] == pytest.approx(5.79e9)
    df2 = frame(
        annual("BLR", "CHN", "T", 2022, 5.8e9, **pub),
        annual("BLR", "CHN", "X", 2022, 1.61e9, **pub),
        annual("BLR", "CHN", "M", 2022, 4.18e9, **pub),
    )
    r = _get(annual_levels(df2), 2022, "BLR", "total")
    assert r["value"] == 5.8e9 and r["flow"] == "T"


def test_levels_from_twelve_months_or_year_to_date():
    months = [
        row("CHN", "BLR", "X", f"2024-{m:02d}", f"2024-{m:02d}", 10.0 * m, source="gacc")
        for m in range(1, 13)
    ]
    r = _get(annual_levels(frame(*months)), 2024, "CHN", "B->A")
    assert r["value"] == 10.0 * sum(range(1, 13)) and r["how"] == "sum of 12 months"
    # eleven months are not a year
    with pytest.raises(InsufficientDataError, match="full calendar year"):
        annual_levels(frame(*months[:11]))
    # a YTD row for Jan..Dec is the annual figure
    ytd = frame(
        row("CHN", "BLR", "X", "2024-01", "2024-06", 300.0, source="gacc"),
        row("CHN", "BLR", "X", "2024-01", "2024-12", 700.0, source="gacc"),
    )
    assert _get(annual_levels(ytd), 2024, "CHN", "B->A")["value"] == 700.0


def test_levels_ignore_other_partners_world_and_other_scopes(two_sides):
    extra = frame(
        annual("BLR", "W00", "X", 2019, 9.9e9),
        annual("BLR", "RUS", "X", 2019, 5.0),
        annual("BLR", "CHN", "X", 2019, 7.0, scope="services"),
        annual("BLR", "CHN", "RX", 2019, 3.0),
        annual("BLR", "CHN", "X", 2019, 8.0, currency="BYN"),
    )
    lv = annual_levels(pd.concat([two_sides, extra], ignore_index=True))
    assert _get(lv, 2019, "BLR", "A->B")["value"] == 125.0


def test_levels_sources_filter_and_sparse_errors(two_sides):
    with pytest.raises(InsufficientDataError, match="BLR and CHN"):
        annual_levels(two_sides, pair=("BLR", "CHN"), sources=["comtrade"])
    with pytest.raises(InsufficientDataError):
        annual_levels(two_sides, pair=("BLR", "POL"))
    with pytest.raises(TradecheckError, match="canonical column"):
        annual_levels(pd.DataFrame({"value": [1.0]}))
    with pytest.raises(TradecheckError, match="pair"):
        annual_levels(two_sides, pair=("BLR", "BLR"))


def test_levels_pair_order_flips_directions(two_sides):
    lv = annual_levels(two_sides, pair=("CHN", "BLR"))
    assert _get(lv, 2019, "BLR", "A->B")["value"] == 330.0  # now A = China


def test_levels_input_not_modified(two_sides):
    before = two_sides.copy()
    annual_levels(two_sides)
    pd.testing.assert_frame_equal(two_sides, before)


# ------------------------------------------------------------------------------------ yoy


def test_yoy_hand_computed(two_sides):
    y = yoy(annual_levels(two_sides))
    blr = y[(y["reporter"] == "BLR") & (y["direction"] == "A->B")].set_index("year")
    assert math.isnan(blr.loc[2018, "yoy_pct"])
    assert blr.loc[2019, "yoy_pct"] == pytest.approx(25.0)
    assert blr.loc[2020, "yoy_pct"] == pytest.approx(-20.0)
    assert blr.loc[2020, "yoy_abs"] == -25.0
    chn = y[(y["reporter"] == "CHN") & (y["direction"] == "B->A")].set_index("year")
    assert chn.loc[2020, "yoy_pct"] == pytest.approx(20.0)  # 220 -> 264


def test_yoy_needs_exactly_the_previous_year():
    s = pd.Series([100.0, 150.0, 180.0], index=[2010, 2012, 2013])
    out = yoy(s).set_index("year")
    assert math.isnan(out.loc[2012, "yoy_pct"])  # 2011 missing: no change against 2010
    assert out.loc[2013, "yoy_pct"] == pytest.approx(20.0)
    with pytest.raises(InsufficientDataError, match="two consecutive years"):
        yoy(pd.Series([1.0, 2.0], index=[2010, 2015]))
    with pytest.raises(InsufficientDataError):
        yoy(pd.DataFrame(columns=["year", "value"]))


def test_yoy_groups_do_not_leak():
    lv = pd.DataFrame(
        {
            "year": [2019, 2020, 2019, 2020],
            "reporter": ["BLR", "BLR", "CHN", "CHN"],
            "source": "s",
            "direction": "total",
            "value": [10.0, 20.0, 40.0, 30.0],
        }
    )
    out = yoy(lv)
    assert out.loc[out["reporter"] == "CHN", "yoy_pct"].tolist()[1] == pytest.approx(-25.0)
    assert out.loc[out["reporter"] == "BLR", "yoy_pct"].tolist()[1] == pytest.approx(100.0)


# ----------------------------------------------------------------------------------- cagr


def test_cagr_series_hand_computed():
    assert cagr(pd.Series([100.0, 121.0], index=[2010, 2012]), 2010, 2012) == pytest.approx(10.0)
    # doubling over ten years: 2 ** 0.1 - 1 = 7.1773 %
    got = cagr(pd.Series([1.0, 2.0], index=[2010, 2020]), 2010, 2020)
    assert got == pytest.approx(100 * (2**0.1 - 1))
    assert got == pytest.approx(7.177346, abs=1e-6)


def test_cagr_frame_per_group_with_reasons(two_sides):
    lv = annual_levels(two_sides)
    out = cagr(lv, 2018, 2020)
    r = out[(out["reporter"] == "BLR") & (out["direction"] == "B->A")].iloc[0]
    assert r["cagr_pct"] == pytest.approx(100 * ((396 / 300) ** 0.5 - 1))  # 14.891 %
    assert r["cagr_pct"] == pytest.approx(14.891, abs=1e-3)
    assert r["years"] == 2 and r["reason"] == ""
    out2 = cagr(
        pd.concat(
            [
                lv,
                pd.DataFrame(
                    {
                        "year": [2020],
                        "reporter": ["XXX"],
                        "source": ["published"],
                        "direction": ["total"],
                        "value": [5.0],
                    }
                ),
            ]
        ),
        2018,
        2020,
    )
    flagged = out2[out2["reporter"] == "XXX"].iloc[0]
    assert math.isnan(flagged["cagr_pct"]) and flagged["reason"] == "no value for 2018"


def test_cagr_errors():
    s = pd.Series([1.0, 2.0], index=[2010, 2020])
    with pytest.raises(TradecheckError, match="after start_year"):
        cagr(s, 2020, 2010)
    with pytest.raises(InsufficientDataError, match="2011"):
        cagr(s, 2011, 2020)
    with pytest.raises(InsufficientDataError, match="non-positive"):
        cagr(pd.Series([0.0, 2.0], index=[2010, 2020]), 2010, 2020)


# -------------------------------------------------------------------------------- balance


def test_balance_per_reporter(two_sides):
    b = balance(annual_levels(two_sides)).set_index(["reporter", "year"])
    assert b.loc[("BLR", 2019), "balance"] == 125.0 - 330.0
    assert b.loc[("CHN", 2019), "balance"] == 220.0 - 130.0
    assert b.loc[("CHN", 2019), "of"] == "CHN"
    assert "constructed_dots.xlsx" in b.loc[("BLR", 2019), "source_file"]


def test_balance_missing_side_is_nan_and_unknown_side_is_first_country():
    pub = {"source": "published"}
    df = frame(
        annual("BLR", "CHN", "X", 2025, 1.7e9, **pub),
        annual("XXX", "XXX", "M", 2024, 6.6e9, exporter="CHN", importer="BLR", **pub),
    )
    b = balance(annual_levels(df)).set_index(["reporter", "year"])
    assert math.isnan(b.loc[("BLR", 2025), "balance"]) and b.loc[("BLR", 2025), "exports"] == 1.7e9
    assert b.loc[("XXX", 2024), "of"] == "BLR" and b.loc[("XXX", 2024), "imports"] == 6.6e9
    only_total = pd.DataFrame(
        {
            "year": [2020],
            "reporter": ["BLR"],
            "source": ["s"],
            "direction": ["total"],
            "value": [1.0],
        }
    )
    with pytest.raises(InsufficientDataError, match="one-way"):
        balance(only_total)


# ------------------------------------------------------------------ common span, recent start


def test_common_span_is_the_longest_stretch_both_sides_report():
    # constructed: Belarus 2010-2020 in DOTS, China 2012-2022 in DOTS, both 2005-2008 in
    # Comtrade, and published figures (never counted) for 1995 and 2025
    recs = [annual("BLR", "CHN", "T", y, 10.0 + y) for y in range(2010, 2021)]
    recs += [annual("CHN", "BLR", "T", y, 20.0 + y) for y in range(2012, 2023)]
    recs += [annual("BLR", "CHN", "T", y, 5.0, source="comtrade") for y in range(2005, 2009)]
    recs += [annual("CHN", "BLR", "T", y, 6.0, source="comtrade") for y in range(2005, 2009)]
    for r, p in (("BLR", "CHN"), ("CHN", "BLR")):
        recs += [annual(r, p, "T", y, 7.0, source="published") for y in (1995, 2025)]
    lv = annual_levels(frame(*recs))
    assert common_span(lv) == ("imf_dots", 2012, 2020)
    # growth over that span is defined for both sides (not an error message)
    g = cagr(lv[lv["source"] == "imf_dots"], 2012, 2020)
    assert g["cagr_pct"].notna().all() and set(g["reporter"]) == {"BLR", "CHN"}
    # the recent window ends with the latest year of any series (2025) and starts no earlier
    # than the common span
    assert recent_start(lv, years=5) == 2021
    assert recent_start(lv, years=30) == 2012


def test_common_span_needs_both_sides():
    lv = annual_levels(frame(*[annual("BLR", "CHN", "T", y, 1.0) for y in (2019, 2020)]))
    with pytest.raises(InsufficientDataError, match="both BLR and CHN"):
        common_span(lv)


def test_doubtful_published_rows_are_not_the_trend():
    """A published figure whose source record flags it (quality != ok) never becomes a level
    (constructed rows; the published loader writes the flag into ``note``)."""
    from tradecheck.analysis import annual_levels
    from tradecheck.schema import make_frame

    base = dict(reporter="BLR", partner="CHN", flow="T", source="published", scope="goods",
                source_file="published_figures.csv", vintage="2020-01-15", exporter="BLR",
                importer="CHN")  # fmt: skip
    rows = [
        dict(base, period_start="2018-01", period_end="2018-12", value=4.0e9, source_ref="r1"),
        dict(
            base,
            period_start="2019-01",
            period_end="2019-12",
            value=5.75e9,
            source_ref="r2",
            note="likely false; quality=dubious",
        ),
    ]
    lv = annual_levels(make_frame(rows))
    assert lv["year"].tolist() == [2018]
