"""Constructed canonical frames for the analysis tests (see tests/fixtures/analysis/README.md).

Imported by the test modules as ``analysis_frames`` (a unique name, so it never clashes with
another folder's helpers).
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from tradecheck.schema import make_frame, validate

BASE: dict[str, Any] = {
    "commodity": "TOTAL",
    "currency": "USD",
    "valuation": "unknown",
    "source": "imf_dots",
    "source_file": "constructed_dots.xlsx",
    "vintage": "2022-03-01",
}


def row(
    reporter: str, partner: str, flow: str, start: str, end: str, value: float, **kw: Any
) -> dict[str, Any]:
    """One canonical record (constructed); ``source_ref`` defaults to a unique label."""
    rec = dict(
        BASE,
        reporter=reporter,
        partner=partner,
        flow=flow,
        period_start=start,
        period_end=end,
        value=value,
    )
    rec.update(kw)
    rec.setdefault("source_ref", f"{reporter}-{flow}-{start}-{end}-{value}")
    return rec


def annual(
    reporter: str, partner: str, flow: str, year: int, value: float, **kw: Any
) -> dict[str, Any]:
    return row(reporter, partner, flow, f"{year}-01", f"{year}-12", value, **kw)


def frame(*records: dict[str, Any]) -> pd.DataFrame:
    """A validated canonical frame."""
    return validate(make_frame(list(records)))


@pytest.fixture
def two_sides() -> pd.DataFrame:
    """Both reporters, both flows, 2018-2020 (constructed)."""
    recs = []
    for y, (bx, bm, cx, cm) in {
        2018: (100.0, 300.0, 200.0, 110.0),
        2019: (125.0, 330.0, 220.0, 130.0),
        2020: (100.0, 396.0, 264.0, 121.0),
    }.items():
        recs += [
            annual("BLR", "CHN", "X", y, bx, valuation="FOB"),
            annual("BLR", "CHN", "M", y, bm, valuation="CIF"),
            annual("CHN", "BLR", "X", y, cx, valuation="FOB"),
            annual("CHN", "BLR", "M", y, cm, valuation="CIF"),
        ]
    return frame(*recs)
