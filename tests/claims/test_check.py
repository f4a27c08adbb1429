"""tradecheck.claims.check on the constructed dataset of tests/fixtures/check (truths in its
README)."""

from __future__ import annotations

import doctest
import json
from pathlib import Path

import pandas as pd
import pytest

from tradecheck import schema
from tradecheck.claims import check as check_mod
from tradecheck.claims.check import check
from tradecheck.claims.model import Claim, Period

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "check" / "canonical.csv"
M = 1e6


def load_fixture() -> pd.DataFrame:
    df = pd.read_csv(FIXTURE, dtype=str, keep_default_na=False)
    df["value"] = df["value"].astype(float)
    df["estimate"] = df["estimate"] == "True"
    return schema.validate(schema.make_frame(df))


@pytest.fixture(scope="module")
def data() -> pd.DataFrame:
    return load_fixture()


def claim(
    quantity,
    value,
    direction="both",
    period=("2022-01", "2022-12"),
    base=None,
    *,
    reporter=None,
    decimals=None,
    bound="eq",
    scope="goods",
    currency="USD",
    span="",
):
    return Claim(
        span or f"{quantity} {value}",
        quantity,
        value,
        currency if quantity in ("level", "abs_change", "balance") else None,
        bound,
        direction,
        reporter,
        Period(*period) if period else None,
        Period(*base) if base else None,
        scope=scope,
        decimals=decimals,
    )


def one(c, data, **kw):
    kw.setdefault("robustness", False)
    (res,) = check([c], data=data, **kw)
    return res


def by_source(res, source, reporter):
    out = [r for r in res.readings if r.source == source and r.reporter == reporter]
    assert out, f"no reading {source}/{reporter}"
    return out


def test_docstring_examples():
    assert doctest.testmod(check_mod).failed == 0


def test_mirror_flows_disagree_gives_mixed(data):
    res = one(claim("level", 0.6e9, "BLR->CHN", ("2021-01", "2021-12"), decimals=1), data)
    assert res.verdict == "mixed"
    (blr,) = by_source(res, "belstat", "BLR")
    (chn,) = by_source(res, "gacc", "CHN")
    assert blr.actual == 600 * M and blr.holds is True and blr.flows == ["X"]
    assert chn.actual == 650 * M and chn.holds is False and chn.flows == ["M"]
    assert chn.label == "China's statistics (China customs (GACC)): China's imports from Belarus"
    assert blr.interval == (550 * M, 650 * M, True, False)
    ev = blr.evidence[0]
    assert ev.source_file.endswith("canonical.csv") and ev.source_ref == "line 2"
    assert ev.vintage == "2024-01-01" and "annual row" in ev.how


def test_claim_naming_a_reporter(data):
    c = claim("level", 0.6e9, "BLR->CHN", ("2021-01", "2021-12"), decimals=1, reporter="BLR")
    res = one(c, data)
    assert res.verdict == "supported"
    (chn,) = by_source(res, "gacc", "CHN")
    assert chn.label.startswith("[context]") and chn.holds is False
    c.reporter = "CHN"
    assert one(c, data).verdict == "not_supported"


def test_named_reporter_silent_is_not_verifiable(data):
    # Jan-Aug 2022: China's customs 485 (monthly sum), Belstat 500 (YTD row)
    c = claim("level", 485e6, "BLR->CHN", ("2022-01", "2022-08"), decimals=0)
    assert one(c, data).verdict == "mixed"
    c.reporter = "BLR"
    assert one(c, data).verdict == "not_supported"
    c.reporter = "CHN"
    assert one(c, data).verdict == "supported"
    c2 = claim("level", 270e6, "BLR->CHN", ("2023-07", "2023-08"), decimals=0, reporter="BLR")
    c2.period = Period("2023-06", "2023-08")
    res = one(c2, data)
    assert res.verdict == "not_verifiable"
    assert "names BLR" in res.reason


def test_total_both_sides_and_published(data):
    res = one(claim("level", 2.8e9, decimals=1), data)
    assert res.verdict == "supported"
    (blr,) = by_source(res, "belstat", "BLR")
    (chn,) = by_source(res, "gacc", "CHN")
    assert blr.actual == 2800 * M and chn.actual == 2760 * M
    assert blr.arithmetic.startswith("700.0 + 2,100.0 = 2,800.0")
    assert "sum of 12 monthly rows" in chn.arithmetic
    # two decimals: only the 2,800 figures hold
    res = one(claim("level", 2.80e9, decimals=2), data)
    assert res.verdict == "mixed"
    holds = {(r.source, r.reporter): r.holds for r in res.readings if r.holds is not None}
    assert holds == {
        ("belstat", "BLR"): True,
        ("gacc", "CHN"): False,
        ("published", "BLR"): True,
        ("published", "CHN"): False,
    }


def test_published_disagreement_is_shown_and_exact_figures_decide(data):
    res = one(claim("level", 3.0e9, decimals=1, bound="eq"), data)
    (pub,) = by_source(res, "published", "BLR")
    # exact 2,800 decides over "about 3,000": the reading fails, and says why
    assert pub.holds is False
    assert len(pub.evidence) == 2
    assert "not deciding" in pub.reason and "$3B (approx)" in pub.reason
    assert all(e.source == "published" for e in pub.evidence)


def test_missing_periods_not_verifiable(data):
    for period in (("2019-01", "2019-12"), ("2023-01", "2023-09"), ("2023-06", "2023-08")):
        res = one(claim("level", 1e9, "BLR->CHN", period, decimals=0), data)
        assert res.verdict == "not_verifiable", period
        assert all(r.holds is None for r in res.readings)
        assert res.reason


def test_ytd_differencing_and_monthly_sums(data):
    res = one(claim("level", 270e6, "BLR->CHN", ("2023-07", "2023-08"), decimals=0), data)
    (chn,) = by_source(res, "gacc", "CHN")
    assert chn.actual == 270 * M and chn.holds
    assert chn.arithmetic.startswith("970.0 - 700.0 = 270.0")
    assert [e.how.split(";")[0] for e in chn.evidence] == [
        "YTD 2023-01..2023-08",
        "minus YTD 2023-01..2023-06",
    ]
    (blr,) = by_source(res, "belstat", "BLR")
    assert blr.actual == 210 * M and blr.holds is False
    assert res.verdict == "mixed"
    res = one(
        claim("level", 485e6, "BLR->CHN", ("2022-01", "2022-08"), decimals=0, reporter="CHN"), data
    )
    assert res.verdict == "supported"
    assert len(by_source(res, "gacc", "CHN")[0].evidence) == 8


def test_breakdown_rows_not_double_counted(data):
    res = one(claim("level", 2.1e9, "CHN->BLR", ("2021-01", "2021-12"), decimals=1), data)
    (ct,) = by_source(res, "comtrade", "CHN")
    assert ct.actual == 2085 * M and len(ct.evidence) == 1
    assert res.verdict == "supported"


def test_exceeded(data):
    assert one(claim("level", 2.75e9, decimals=2, bound="gt"), data).verdict == "supported"
    res = one(claim("level", 2.8e9, decimals=1, bound="gt"), data)
    (chn,) = by_source(res, "gacc", "CHN")
    assert chn.holds  # 2,760 > 2,750, the lower rounding edge of 2.8
    res = one(claim("level", 2.9e9, decimals=1, bound="gt"), data)
    assert res.verdict == "not_supported"


def test_almost_doubled(data):
    c = claim(
        "ratio",
        2.0,
        "BLR->CHN",
        ("2023-01", "2023-08"),
        ("2022-01", "2022-08"),
        bound="approx",
        span="exports to China almost doubled",
    )
    res = one(c, data)
    assert res.verdict == "mixed"
    (chn,) = by_source(res, "gacc", "CHN")
    assert chn.actual == pytest.approx(2.0) and chn.holds
    assert chn.arithmetic == "970.0 / 485.0 = 2.000"
    assert chn.interval == (1.8, 2.0, True, True)
    (blr,) = by_source(res, "belstat", "BLR")
    assert blr.actual == pytest.approx(1.6) and blr.holds is False
    c.reporter = "CHN"
    assert one(c, data).verdict == "supported"


def test_pct_change_in_its_own_unit(data):
    c = claim(
        "pct_change",
        100,
        "BLR->CHN",
        ("2023-01", "2023-08"),
        ("2022-01", "2022-08"),
        decimals=0,
        reporter="CHN",
    )
    res = one(c, data)
    (chn,) = by_source(res, "gacc", "CHN")
    assert chn.actual == pytest.approx(100.0) and res.verdict == "supported"
    assert chn.arithmetic.startswith("100 x (970.0 / 485.0 - 1) = 100.0")
    c.value = 97
    assert one(c, data).verdict == "not_supported"


def test_abs_change(data):
    c = claim(
        "abs_change",
        485e6,
        "BLR->CHN",
        ("2023-01", "2023-08"),
        ("2022-01", "2022-08"),
        decimals=0,
        reporter="CHN",
    )
    res = one(c, data)
    assert res.verdict == "supported"
    assert by_source(res, "gacc", "CHN")[0].actual == 485 * M


def _industrial(value, decimals, direction="CHN->BLR"):
    return claim(
        "ratio",
        value,
        direction,
        ("2021-01", "2021-12"),
        ("2020-01", "2020-12"),
        decimals=decimals,
        scope="industrial",
    )


def test_industrial_sitc_definitions(data):
    res = one(_industrial(2.0, 1), data)
    ct = {r.scope: r for r in by_source(res, "comtrade", "CHN")}
    assert ct["industrial:D1"].actual == pytest.approx(1900 / 950)
    assert ct["industrial:D2"].actual == pytest.approx(1800 / 910)
    assert ct["industrial:D3"].actual == pytest.approx(1780 / 900)
    assert ct["industrial:D5"].actual == pytest.approx(1950 / 960)
    assert res.verdict == "supported"
    assert "approximate" not in ct["industrial:D1"].label
    # Belstat has no commodity detail: one not-verifiable reading with that reason
    (bs,) = by_source(res, "belstat", "BLR")
    assert bs.holds is None and "no commodity detail" in bs.reason
    res = one(_industrial(2.03, 2), data)
    assert res.verdict == "mixed"
    assert [r.holds for r in by_source(res, "comtrade", "CHN")] == [False, False, False, True]
    assert one(_industrial(2.2, 1), data).verdict == "not_supported"


def test_industrial_hs_rows_are_approximate(data):
    res = one(_industrial(1.6, 1, "BLR->CHN"), data)
    gacc = by_source(res, "gacc", "CHN")
    assert len(gacc) == 4
    for r in gacc:
        assert r.actual == pytest.approx(520 / 320) and r.holds
        assert "approximate" in r.label and "approximate" in r.reason
    assert res.verdict == "supported"


def test_industrial_without_detail_not_verifiable(data):
    goods_only = data[data["commodity"] == "TOTAL"]
    res = one(_industrial(2.0, 1), goods_only)
    assert res.verdict == "not_verifiable"
    assert "no commodity detail" in res.reason
    # one reading per (source, reporter) for all definitions, with a typed reason
    keys = [(r.source, r.reporter) for r in res.readings]
    assert len(keys) == len(set(keys))
    assert {r.no_data.code for r in res.readings} == {"no_detail"}
    assert all(r.label.endswith("industrial goods (any definition)") for r in res.readings)


def test_balance(data):
    res = one(claim("balance", -1.4e9, decimals=1), data)
    assert res.verdict == "mixed"
    (chn,) = by_source(res, "gacc", "CHN")
    assert chn.actual == -1240 * M
    (pub,) = by_source(res, "published", "XXX")
    assert pub.holds and pub.actual == -1400 * M


def test_share_needs_world_total(data):
    res = one(claim("share", 0.7, "CHN->BLR", ("2021-01", "2021-12"), decimals=1), data)
    assert res.verdict == "supported"
    (ct,) = by_source(res, "comtrade", "CHN")
    assert ct.actual == pytest.approx(100 * 2085 / 300000)
    (bs,) = by_source(res, "belstat", "BLR")
    assert bs.holds is None and "world" in bs.reason


def test_product_scope_matches_only_that_scope(data):
    c = claim(
        "level", 0.3e9, "BLR->CHN", ("2021-01", "2021-12"), decimals=1, scope="product:potash"
    )
    res = one(c, data)
    assert res.verdict == "supported"
    assert [r.source for r in res.readings if r.holds] == ["published"]
    c.period = Period("2020-01", "2020-12")  # a published row of another period never counts
    assert one(c, data).verdict == "not_verifiable"
    c.period, c.scope = Period("2021-01", "2021-12"), "product:timber"
    assert one(c, data).verdict == "not_verifiable"


def test_no_data_not_verifiable(data):
    c = claim("level", 2.8e9, decimals=1)
    assert one(c, schema.empty_frame()).verdict == "not_verifiable"
    c.pair = ("DEU", "FRA")  # a claim about another pair: no rows of that pair
    other = one(c, data)
    assert other.verdict == "not_verifiable" and other.readings == []
    c.pair = ("BLR", "CHN")
    c.period = None
    assert one(c, data).verdict == "not_verifiable"
    # roubles against US$ data: no cited rate, never converted (CNY/EUR: test_currency.py)
    rub = claim("level", 2.8e9, decimals=1, currency="RUB")
    assert one(rub, data).verdict == "not_verifiable"


def test_rounding_boundaries_end_to_end():
    def frame(current):
        return schema.make_frame(
            [
                {
                    "reporter": "CHN",
                    "partner": "BLR",
                    "flow": "M",
                    "period_start": ps,
                    "period_end": pe,
                    "value": v,
                    "source": "gacc",
                    "source_file": "f",
                    "source_ref": ps,
                    "vintage": "v",
                }
                for ps, pe, v in (("2024-01", "2024-09", 1000.0), ("2025-01", "2025-09", current))
            ]
        )

    c = claim("ratio", 2.2, "BLR->CHN", ("2025-01", "2025-09"), ("2024-01", "2024-09"), decimals=1)
    assert one(c, frame(2149.0)).verdict == "not_supported"
    assert one(c, frame(2150.0)).verdict == "supported"
    assert one(c, frame(2249.0)).verdict == "supported"
    assert one(c, frame(2250.0)).verdict == "not_supported"


def test_claims_in_order_and_json(data):
    cs = [claim("level", 2.8e9, decimals=1), claim("level", 1e9, period=("2019-01", "2019-12"))]
    res = check(cs, data=data)
    assert [r.claim for r in res] == cs
    assert [r.verdict for r in res] == ["supported", "not_verifiable"]
    blob = json.dumps([r.to_json() for r in res])
    assert '"verdict": "supported"' in blob
    # dicts (the parse --json contract) are accepted too
    d = cs[0].to_json()
    assert check(d, data=data, robustness=False)[0].verdict == "supported"


def test_data_path_loads_files(tmp_path):
    pytest.importorskip("tradecheck.loaders.generic")
    with pytest.raises(Exception) as err:
        check([claim("level", 1e9)], data=tmp_path / "missing.csv")
    from tradecheck.errors import TradecheckError

    assert isinstance(err.value, TradecheckError)


def test_readings_docstring_examples():
    from tradecheck.claims import readings

    assert doctest.testmod(readings).failed == 0


def test_default_data_is_the_processed_dataset(data, monkeypatch):
    from tradecheck.store import build

    calls = []

    def fake_read_processed(*a, **k):
        calls.append(1)
        return data

    monkeypatch.setattr(build, "read_processed", fake_read_processed)
    (res,) = check([claim("level", 2.8e9, decimals=1)], robustness=False)
    assert calls and res.verdict == "supported"


def test_bad_frame_raises_a_clear_error():
    from tradecheck.errors import TradecheckError

    with pytest.raises(TradecheckError, match="missing canonical column"):
        check([claim("level", 2.8e9, decimals=1)], data=pd.DataFrame({"x": [1]}))


@pytest.mark.parametrize("bad", [float("inf"), float("-inf"), float("nan")])
def test_non_finite_claim_value_is_not_verifiable(data, bad):
    res = one(claim("level", bad, decimals=None), data)
    assert res.verdict == "not_verifiable" and "not a finite number" in res.reason


def test_estimates_are_flagged_in_the_reason():
    df = schema.make_frame(
        [
            {
                "reporter": "CHN",
                "partner": "BLR",
                "flow": "M",
                "period_start": "2020-01",
                "period_end": "2020-12",
                "value": 1e9,
                "source": "imf_dots",
                "source_file": "f",
                "source_ref": "1",
                "vintage": "v",
                "estimate": True,
            }
        ]
    )
    res = one(claim("level", 1e9, "BLR->CHN", ("2020-01", "2020-12"), decimals=0), df)
    assert res.verdict == "supported"
    assert "estimates" in res.readings[0].reason


# ---------------------------------------------------------------------------------------------
# the shared measurement cache (check_mod.SHARE_CACHE) never changes a result

_MANY = [
    claim("level", 0.6e9, "BLR->CHN", ("2021-01", "2021-12"), decimals=1),
    claim("level", 2.8e9, decimals=1),
    claim("level", 2.8e9, reporter="BLR", decimals=1),
    claim("ratio", 2.0, "BLR->CHN", ("2023-01", "2023-08"), ("2022-01", "2022-08"), decimals=0),
    claim("pct_change", 60.0, "BLR->CHN", ("2023-01", "2023-08"), ("2022-01", "2022-08")),
    claim("abs_change", 300e6, "BLR->CHN", ("2023-01", "2023-08"), ("2022-01", "2022-08")),
    claim("level", 0.3e9, "BLR->CHN", ("2023-07", "2023-08"), decimals=1),
    claim("balance", -1.4e9, decimals=1),
    claim("level", 1.5e9, "CHN->BLR", ("2021-01", "2021-12"), scope="industrial", decimals=1),
    claim(
        "ratio",
        2.0,
        "CHN->BLR",
        ("2021-01", "2021-12"),
        ("2020-01", "2020-12"),
        scope="industrial",
        decimals=0,
    ),
    claim("share", 0.7, "CHN->BLR", ("2021-01", "2021-12"), decimals=1),
    claim("level", 0.3e9, "BLR->CHN", ("2021-01", "2021-12"), scope="product:potash", decimals=1),
    claim("level", 9.9e9, period=("2019-01", "2019-12"), decimals=1),
    claim("level", 1.0e9, "BLR->CHN", ("2022-01", "2022-12"), bound="gt"),
]


def _results(claims, data, monkeypatch, share: bool, **kw):
    monkeypatch.setattr(check_mod, "SHARE_CACHE", share)
    return [r.to_json() for r in check(claims, data=data, **kw)]


@pytest.mark.parametrize("robustness", [True, False])
def test_shared_cache_gives_identical_results(data, monkeypatch, robustness):
    shared = _results(_MANY, data, monkeypatch, True, robustness=robustness)
    fresh = _results(_MANY, data, monkeypatch, False, robustness=robustness)
    assert shared == fresh
    verdicts = {r["verdict"] for r in shared}
    assert {"supported", "mixed", "not_verifiable"} <= verdicts  # a varied set of claims
    if robustness:
        assert any(len(r["robustness"]) > 1 for r in shared)  # windows were re-measured
    # each claim on its own (its own cache) gives the same as inside the whole run
    monkeypatch.setattr(check_mod, "SHARE_CACHE", True)
    alone = [check_mod.check_claim(c, data, robustness=robustness).to_json() for c in _MANY]
    assert alone == shared


def test_shared_cache_multi_claim_text(data, monkeypatch):
    pytest.importorskip("tradecheck.claims.parse")
    text = (
        "Trade between Belarus and China reached $2.8 billion in 2022. "
        "Belarus exported goods worth $0.6 billion to China in 2021. "
        "In January-August 2023 Belarusian exports to China almost doubled year on year. "
        "China exported goods worth $2.0 billion to Belarus in 2022."
    )
    shared = _results(text, data, monkeypatch, True, as_of="2024-01-10")
    fresh = _results(text, data, monkeypatch, False, as_of="2024-01-10")
    assert len(shared) == 4 and shared == fresh
    assert all(r["readings"] for r in shared)


def test_default_data_is_read_once_per_call(data, monkeypatch):
    from tradecheck.store import build

    calls = []

    def fake_read_processed(*a, **k):
        calls.append(1)
        return data

    monkeypatch.setattr(build, "read_processed", fake_read_processed)
    res = check(_MANY[:5], robustness=True)
    assert len(res) == 5 and len(calls) == 1
