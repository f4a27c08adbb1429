"""Robustness of a verdict over neighbouring windows (tradecheck.claims.robustness)."""

from __future__ import annotations

import doctest

import pytest

from tradecheck import schema
from tradecheck.claims import robustness as rob_mod
from tradecheck.claims.check import check
from tradecheck.claims.model import Claim, Period
from tradecheck.claims.robustness import window_variants

# constructed: China's monthly imports from Belarus; 2024 = 100 each month; 2025 = 160 for
# Jan..Aug, 700 in Sep, 100 in Oct..Dec. Jan-Sep 2025 / Jan-Sep 2024 = 1980 / 900 = 2.2;
# Jan-Aug: 1280 / 800 = 1.6; Jan-Jul 1120 / 700 = 1.6; Jan-Oct 2080 / 1000 = 2.08;
# Jan-Nov 2180 / 1100 = 1.982; full year 2280 / 1200 = 1.9.
MONTHS_2025 = [160] * 8 + [700, 100, 100, 100]


@pytest.fixture(scope="module")
def monthly():
    recs = []
    for year, vals in ((2024, [100] * 12), (2025, MONTHS_2025)):
        for m, v in enumerate(vals, start=1):
            recs.append(
                {
                    "reporter": "CHN",
                    "partner": "BLR",
                    "flow": "M",
                    "period_start": f"{year}-{m:02d}",
                    "period_end": f"{year}-{m:02d}",
                    "value": float(v) * 1e6,
                    "source": "gacc",
                    "source_file": "f",
                    "source_ref": f"{year}-{m}",
                    "vintage": "v",
                }
            )
    return schema.validate(schema.make_frame(recs))


def test_docstring_examples():
    assert doctest.testmod(rob_mod).failed == 0


def test_window_variants():
    names = [
        v[0] for v in window_variants(Period("2025-01", "2025-09"), Period("2024-01", "2024-09"))
    ]
    assert names == [
        "end -3",
        "end -2",
        "end -1",
        "end +1",
        "end +2",
        "end +3",
        "full year",
        "trailing 12 months",
        "year -1",
        "year +1",
    ]
    # no variant ends before the start
    short = window_variants(Period("2025-01", "2025-02"), None)
    assert all(p.end >= p.start for _, p, _ in short)
    assert [v[0] for v in short][:2] == ["end -1", "end +1"]


def test_fragile_claim_is_flagged(monthly):
    c = Claim(
        "grew 2.2-fold",
        "ratio",
        2.2,
        None,
        "eq",
        "BLR->CHN",
        None,
        Period("2025-01", "2025-09"),
        Period("2024-01", "2024-09"),
        decimals=1,
    )
    (res,) = check([c], data=monthly)
    assert res.verdict == "supported"
    summary, *windows = res.robustness
    assert summary["kind"] == "summary"
    assert summary["text"].startswith("fragile under China's statistics")
    assert "2025-01..2025-08 gives ×1.60" in summary["text"]
    got = {w["window"]: (round(w["actual"], 3), w["holds"]) for w in windows}
    assert got["end -1"] == (1.6, False)
    assert got["end +1"] == (2.08, False)
    assert got["full year"] == (1.9, False)
    # trailing 12 months Oct 2024..Sep 2025 vs Oct 2023..Sep 2024: no 2023 data -> absent
    assert "trailing 12 months" not in got


def test_robust_claim(monthly):
    c = Claim(
        "about 100 m in September",
        "level",
        700e6,
        "USD",
        "gt",
        "BLR->CHN",
        None,
        Period("2025-09", "2025-09"),
        None,
        decimals=0,
    )
    c.value = 50e6  # "more than $50 million" holds for every neighbouring month too
    (res,) = check([c], data=monthly)
    assert res.robustness[0]["text"].startswith("robust under")


def test_no_robustness_without_data(monthly):
    c = Claim(
        "x",
        "level",
        1e9,
        "USD",
        "eq",
        "BLR->CHN",
        None,
        Period("2019-01", "2019-12"),
        None,
        decimals=0,
    )
    (res,) = check([c], data=monthly)
    assert res.verdict == "not_verifiable" and res.robustness == []
    (res,) = check([c], data=monthly, robustness=False)
    assert res.robustness == []


def test_summary_names_failing_readings():
    df = schema.make_frame(
        [
            {
                "reporter": r,
                "partner": p,
                "flow": f,
                "period_start": "2021-01",
                "period_end": "2021-12",
                "value": v,
                "source": s,
                "source_file": "f",
                "source_ref": "1",
                "vintage": "v",
            }
            for r, p, f, v, s in (
                ("BLR", "CHN", "X", 600e6, "belstat"),
                ("CHN", "BLR", "M", 650e6, "gacc"),
            )
        ]
    )
    c = Claim(
        "x",
        "level",
        0.6e9,
        "USD",
        "eq",
        "BLR->CHN",
        None,
        Period("2021-01", "2021-12"),
        None,
        decimals=1,
    )
    (res,) = check([c], data=df)
    assert res.verdict == "mixed"
    assert "holds under 1 of 2 readings; fails under gacc/CHN ($650M)" in res.robustness[0]["text"]
