"""Constructed inputs for the chart tests (see tests/fixtures/analysis/README.md).

Imported by the chart tests as ``chart_frames`` (a unique module name).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from tradecheck.claims.model import CheckResult, Claim, Evidence, Period, Reading
from tradecheck.schema import make_frame, validate

DOTS = {
    "source": "imf_dots",
    "source_file": "data/raw/imf_dots/constructed_dots.xlsx",
    "vintage": "2022-03-01",
}
PUB = {
    "source": "published",
    "source_file": "data/raw/published/constructed.csv",
    "vintage": "2024-01-01",
}


def _annual(
    reporter: str, partner: str, flow: str, year: int, value: float, **kw: Any
) -> dict[str, Any]:
    rec = {
        "reporter": reporter,
        "partner": partner,
        "flow": flow,
        "period_start": f"{year}-01",
        "period_end": f"{year}-12",
        "value": value,
        "source_ref": f"{reporter} {flow} {year}",
    }
    rec.update(kw)
    return rec


def canonical() -> pd.DataFrame:
    """Both reporters 2016-2020 from a constructed 'DOTS' and a few 'published' figures."""
    recs = []
    for i, y in enumerate(range(2016, 2021)):
        recs += [
            _annual("BLR", "CHN", "X", y, (4 + i) * 1e8, valuation="FOB", **DOTS),
            _annual("BLR", "CHN", "M", y, (25 + 2 * i) * 1e8, valuation="CIF", **DOTS),
            _annual("CHN", "BLR", "X", y, (10 + i) * 1e8, valuation="FOB", **DOTS),
            _annual("CHN", "BLR", "M", y, (5 + i) * 1e8, valuation="CIF", **DOTS),
        ]
    recs += [
        _annual("BLR", "CHN", "T", 2021, 5.1e9, **PUB),
        _annual("BLR", "CHN", "T", 2022, 5.8e9, **PUB),
        _annual("CHN", "BLR", "T", 2022, 5.0e9, bound="approx", **PUB),
        _annual("CHN", "BLR", "T", 2023, 8.4e9, bound="gt", **PUB),
    ]
    return validate(make_frame(recs))


def seasonal_series(n: int = 48) -> pd.Series:
    idx = pd.period_range("2019-01", periods=n, freq="M")
    pattern = 2e7 * np.sin(2 * np.pi * (idx.month.to_numpy() - 1) / 12)
    return pd.Series(1e8 + 1e6 * np.arange(n) + pattern, index=idx)


def _claim(span: str, value: float, quantity: str = "level") -> Claim:
    return Claim(
        span=span,
        quantity=quantity,
        value=value,
        currency="USD" if quantity == "level" else None,
        bound="eq",
        direction="both",
        reporter=None,
        period=Period("2020-01", "2020-12"),
        base_period=None,
    )


def _ev(value: float, reporter: str) -> Evidence:
    return Evidence(
        value=value,
        period_start="2020-01",
        period_end="2020-12",
        reporter=reporter,
        flow="X+M",
        source="imf_dots",
        source_file="data/raw/imf_dots/constructed_dots.xlsx",
        source_ref="row 1",
        vintage="2022-03-01",
        how="X+M",
    )


def check_results() -> list[CheckResult]:
    """Three constructed verdicts: supported, mixed, not verifiable."""
    c1 = _claim("trade reached 4.5 billion dollars in 2020 (constructed)", 4.5e9)
    r1 = Reading(
        label="Belarus's statistics",
        reporter="BLR",
        source="imf_dots",
        flows=["X", "M"],
        scope="goods",
        claimed=4.5e9,
        interval=(4.45e9, 4.55e9, True, False),
        actual=4.46e9,
        holds=True,
        evidence=[_ev(4.46e9, "BLR")],
    )
    c2 = _claim("turnover rose by 20 percent (constructed)", 20.0, "pct_change")
    r2a = Reading(
        label="Belarus's statistics",
        reporter="BLR",
        source="imf_dots",
        flows=["X", "M"],
        scope="goods",
        claimed=20.0,
        interval=(19.5, None, True, False),
        actual=22.0,
        holds=True,
        evidence=[_ev(4.46e9, "BLR")],
    )
    r2b = Reading(
        label="China's statistics",
        reporter="CHN",
        source="imf_dots",
        flows=["X", "M"],
        scope="goods",
        claimed=20.0,
        interval=(19.5, None, True, False),
        actual=11.0,
        holds=False,
        evidence=[_ev(3.0e9, "CHN")],
    )
    r2c = Reading(
        label="published",
        reporter="XXX",
        source="published",
        flows=["T"],
        scope="goods",
        claimed=20.0,
        interval=(19.5, None, True, False),
        actual=None,
        holds=None,
        reason="no figure",
    )
    c3 = _claim("exports of cheese were about 1 million (constructed)", 1e6)
    return [
        CheckResult(claim=c1, verdict="supported", readings=[r1]),
        CheckResult(claim=c2, verdict="mixed", readings=[r2a, r2b, r2c]),
        CheckResult(
            claim=c3, verdict="not_verifiable", readings=[], reason="no data on this product"
        ),
    ]
