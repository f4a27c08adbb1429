"""mirror_gap: exporter's FOB exports against importer's CIF imports (constructed data)."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from analysis_frames import annual, frame, row

from tradecheck.analysis import InsufficientDataError, mirror_gap
from tradecheck.errors import TradecheckError


def test_mirror_gap_hand_computed(two_sides):
    g = mirror_gap(two_sides).set_index(["direction", "year"])
    ab = g.loc[("A->B", 2018)]  # Belarus exports 100 FOB, China imports 110 CIF
    assert (ab["exporter"], ab["importer"]) == ("BLR", "CHN")
    assert (ab["exporter_reports"], ab["importer_reports"]) == (100.0, 110.0)
    assert ab["gap"] == 10.0
    assert ab["gap_pct"] == pytest.approx(10.0)
    assert ab["cif_fob_ratio"] == pytest.approx(1.1)
    assert (ab["exporter_valuation"], ab["importer_valuation"]) == ("FOB", "CIF")
    ba = g.loc[("B->A", 2020)]  # China exports 264, Belarus imports 396
    assert ba["gap"] == 132.0 and ba["gap_pct"] == pytest.approx(50.0)
    assert ba["cif_fob_ratio"] == pytest.approx(1.5)
    assert ba["exporter_ref"] == "CHN-X-2020-01-2020-12-264.0"
    assert ba["importer_ref"] == "BLR-M-2020-01-2020-12-396.0"
    assert list(mirror_gap(two_sides).columns[:7]) == [
        "year",
        "direction",
        "exporter_reports",
        "importer_reports",
        "gap",
        "gap_pct",
        "cif_fob_ratio",
    ]


def test_mirror_gap_keeps_one_sided_years_with_nan(two_sides):
    extra = frame(annual("BLR", "CHN", "X", 2021, 90.0))
    g = mirror_gap(pd.concat([two_sides, extra], ignore_index=True)).set_index(
        ["direction", "year"]
    )
    r = g.loc[("A->B", 2021)]
    assert r["exporter_reports"] == 90.0
    assert math.isnan(r["importer_reports"]) and math.isnan(r["gap"])
    assert math.isnan(r["cif_fob_ratio"])


def test_mirror_gap_within_each_source_and_published_left_out(two_sides):
    com = frame(
        annual("BLR", "CHN", "X", 2018, 95.0, source="comtrade"),
        annual("CHN", "BLR", "M", 2018, 114.0, source="comtrade"),
        annual("CHN", "BLR", "M", 2018, 999.0, source="published"),
    )
    g = mirror_gap(pd.concat([two_sides, com], ignore_index=True))
    assert set(g["source"]) == {"comtrade", "imf_dots"}
    c = g[(g["source"] == "comtrade") & (g["direction"] == "A->B")].iloc[0]
    assert c["gap_pct"] == pytest.approx(20.0)
    with pytest.raises(InsufficientDataError, match="both the exporter's and"):
        mirror_gap(com, sources=["published"])


def test_mirror_gap_sparse_and_bad_args(two_sides):
    only_exports = frame(
        annual("BLR", "CHN", "X", 2021, 5.0, source="comtrade"),
        annual("CHN", "BLR", "X", 2021, 27.0, source="comtrade"),
    )
    with pytest.raises(InsufficientDataError, match="comtrade: BLR, comtrade: CHN"):
        mirror_gap(only_exports)
    with pytest.raises(TradecheckError, match="freq"):
        mirror_gap(two_sides, freq="Q")


def test_mirror_gap_monthly():
    df = frame(
        row("BLR", "CHN", "X", "2024-03", "2024-03", 40.0, source="gacc"),
        row("CHN", "BLR", "M", "2024-03", "2024-03", 50.0, source="gacc"),
        row("CHN", "BLR", "M", "2024-04", "2024-04", 10.0, source="gacc"),
    )
    g = mirror_gap(df, freq="M")
    assert g["period"].tolist() == ["2024-03", "2024-04"]
    assert g["gap_pct"].iloc[0] == pytest.approx(25.0)
    assert math.isnan(g["gap"].iloc[1])
