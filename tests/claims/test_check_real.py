"""tradecheck.claims.check on the real shipped data (data/raw): UN Comtrade 2021, IMF DOTS
1992-2020 and the published figures."""

from __future__ import annotations

import pytest

from tradecheck import paths
from tradecheck.claims.check import check
from tradecheck.claims.model import Claim, Period
from tradecheck.errors import TradecheckError


@pytest.fixture(scope="module")
def real():
    try:
        from tradecheck.loaders import load

        df = load(paths.RAW)
    except (ImportError, TradecheckError, NotImplementedError) as exc:  # pragma: no cover
        pytest.skip(f"the loaders cannot read data/raw yet: {exc}")
    needed = {"comtrade", "imf_dots", "published"}
    if not needed <= set(df["source"]):  # pragma: no cover
        pytest.skip(f"data/raw loaded without {needed - set(df['source'])}")
    return df


def _by(res, source, reporter):
    return [r for r in res.readings if r.source == source and r.reporter == reporter]


def test_china_exports_to_belarus_2021(real):
    c = Claim(
        "China's exports to Belarus were $2.73 bn in 2021",
        "level",
        2.73e9,
        "USD",
        "eq",
        "CHN->BLR",
        None,
        Period("2021-01", "2021-12"),
        None,
        decimals=2,
    )
    (res,) = check([c], data=real)
    assert res.verdict == "supported"
    (ct,) = _by(res, "comtrade", "CHN")
    assert ct.actual == 2_729_411_952 and ct.holds
    assert ct.evidence[0].source_file.startswith("data/raw/comtrade/")
    # IMF DOTS stops in 2020: those readings have no data and do not count
    assert all(r.holds is None for r in res.readings if r.source == "imf_dots")


def test_total_trade_2022_published_by_belarus(real):
    c = Claim(
        "Belarus-China trade was $5.8 bn in 2022 (Belstat)",
        "level",
        5.8e9,
        "USD",
        "eq",
        "both",
        "BLR",
        Period("2022-01", "2022-12"),
        None,
        decimals=1,
    )
    (res,) = check([c], data=real)
    assert res.verdict == "supported"
    (pub,) = _by(res, "published", "BLR")
    assert pub.holds and len(pub.evidence) >= 2
    assert all(e.source_ref for e in pub.evidence)
    # without naming the reporter, China's published 5.08 bn disagrees
    c.reporter = None
    (res,) = check([c], data=real, robustness=False)
    assert res.verdict == "mixed"
    (chn,) = _by(res, "published", "CHN")
    assert chn.holds is False and "$5.08B (eq)" in chn.reason


def test_industrial_2_2_fold_not_verifiable(real):
    c = Claim(
        "industrial trade grew 2.2-fold in January-September 2025",
        "ratio",
        2.2,
        None,
        "eq",
        "both",
        None,
        Period("2025-01", "2025-09"),
        Period("2024-01", "2024-09"),
        scope="industrial",
        decimals=1,
    )
    (res,) = check([c], data=real)
    assert res.verdict == "not_verifiable"
    assert "no commodity detail" in res.reason
    assert "not even the goods total is available" in res.reason  # no 2025 monthly data
    assert all(r.holds is None for r in res.readings)


def test_goods_2_2_fold_2025_has_no_monthly_data(real):
    c = Claim(
        "trade grew 2.2-fold in January-September 2025",
        "ratio",
        2.2,
        None,
        "eq",
        "both",
        None,
        Period("2025-01", "2025-09"),
        Period("2024-01", "2024-09"),
        decimals=1,
    )
    (res,) = check([c], data=real)
    assert res.verdict == "not_verifiable"


def test_dots_mirror_2019(real):
    # China's imports from Belarus vs Belarus's exports to China, 2019, both in IMF DOTS
    c = Claim(
        "x",
        "level",
        1e9,
        "USD",
        "gt",
        "BLR->CHN",
        None,
        Period("2019-01", "2019-12"),
        None,
        decimals=0,
    )
    (res,) = check([c], data=real, robustness=False)
    dots = [r for r in res.readings if r.source == "imf_dots"]
    assert {r.reporter for r in dots} == {"BLR", "CHN"}
    assert all(r.actual is not None for r in dots)
    assert {tuple(r.flows) for r in dots} == {("X",), ("M",)}


def test_end_to_end_from_text(real):
    pytest.importorskip("tradecheck.claims.parse")
    res = check(
        "In 2021 China exported goods worth $2.73 billion to Belarus.",
        data=real,
        as_of="2022-06-01",
    )
    assert [r.verdict for r in res] == ["supported"]


def test_shared_cache_identical_on_real_data(real, monkeypatch):
    """Many claims about the same pair share one cache per check() call; switching the
    sharing off (every window measured from scratch) gives the very same results."""
    pytest.importorskip("tradecheck.claims.parse")
    from tradecheck.claims import check as check_mod

    text = (
        "In 2019, trade between Belarus and China amounted to $2.7 billion. "
        "In 2020 exports from China to Belarus reached $2.3 billion. "
        "In 2021 China exported goods worth $2.73 billion to Belarus. "
        "Belarus-China trade was $5.8 billion in 2022. "
        "In 2018 exports from Belarus to China reached $0.5 billion."
    )
    out = {}
    for share in (True, False):
        monkeypatch.setattr(check_mod, "SHARE_CACHE", share)
        out[share] = [r.to_json() for r in check(text, data=real, as_of="2023-06-01")]
    assert len(out[True]) == 5 and out[True] == out[False]
    assert any(len(r["robustness"]) > 1 for r in out[True])
