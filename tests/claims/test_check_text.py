"""check() from text, end to end (parser + checker), and check() never raising."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tradecheck import schema
from tradecheck.claims.check import check
from tradecheck.claims.model import Claim, Period

pytest.importorskip("tradecheck.claims.parse")

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "check" / "canonical.csv"


@pytest.fixture(scope="module")
def data() -> pd.DataFrame:
    df = pd.read_csv(FIXTURE, dtype=str, keep_default_na=False)
    df["value"] = df["value"].astype(float)
    df["estimate"] = df["estimate"] == "True"
    return schema.validate(schema.make_frame(df))


# tiny dataset for the property tests: one year of both flows from one side
TINY = schema.make_frame(
    [
        {
            "reporter": "BLR",
            "partner": "CHN",
            "flow": f,
            "period_start": "2022-01",
            "period_end": "2022-12",
            "value": v,
            "source": "belstat",
            "source_file": "t",
            "source_ref": f,
            "vintage": "v",
        }
        for f, v in (("X", 7e8), ("M", 2.1e9))
    ]
)


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # Belstat 600 holds; naming Belstat makes China's 650 context only
        (
            "Belarus exported goods worth $0.6 billion to China in 2021, according to Belstat.",
            "supported",
        ),
        ("Trade between Belarus and China reached $2.8 billion in 2022.", "supported"),
        ("Товарооборот Беларуси и Китая в 2022 году составил 2,8 млрд долларов.", "supported"),
        ("2022年中白贸易额为28亿美元。", "supported"),
        # GACC 2.0 holds, Belstat 1.6 does not
        (
            "In January-August 2023 Belarusian exports to China almost doubled year on year.",
            "mixed",
        ),
        ("Trade between Belarus and China reached $9.9 billion in 2019.", "not_verifiable"),
    ],
)
def test_text_end_to_end(data, text, verdict):
    res = check(text, data=data, as_of="2024-01-10")
    assert len(res) == 1
    assert res[0].verdict == verdict, res[0].reason


def test_text_without_claims_gives_nothing(data):
    assert check("The delegations discussed cooperation.", data=data) == []
    assert check("", data=data) == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=120))
def test_check_never_raises_on_text(text):
    res = check(text, data=TINY, as_of="2023-03-01", robustness=True)
    assert all(r.verdict in ("supported", "not_supported", "mixed", "not_verifiable") for r in res)


_months = st.builds(lambda y, m: f"{y}-{m:02d}", st.integers(2018, 2026), st.integers(1, 12))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    quantity=st.sampled_from(
        ["level", "ratio", "pct_change", "abs_change", "share", "balance", "bogus"]
    ),
    value=st.floats(allow_nan=True, allow_infinity=True),
    bound=st.sampled_from(["eq", "approx", "gt", "lt", "??"]),
    direction=st.sampled_from(["both", "BLR->CHN", "CHN->BLR", "->", "x", ""]),
    reporter=st.sampled_from([None, "BLR", "CHN", "XXX"]),
    p=st.one_of(st.none(), st.tuples(_months, _months)),
    b=st.one_of(st.none(), st.tuples(_months, _months)),
    scope=st.sampled_from(["goods", "industrial", "services", "product:x"]),
    decimals=st.one_of(st.none(), st.integers(0, 4)),
    currency=st.sampled_from([None, "USD", "CNY"]),
)
def test_check_never_raises_on_any_claim(
    quantity, value, bound, direction, reporter, p, b, scope, decimals, currency
):
    c = Claim(
        "span",
        quantity,
        value,
        currency,
        bound,
        direction,
        reporter,  # type: ignore[arg-type]
        Period(*p) if p else None,
        Period(*b) if b else None,
        scope=scope,
        decimals=decimals,
    )
    (res,) = check([c], data=TINY)
    assert res.verdict in ("supported", "not_supported", "mixed", "not_verifiable")
    if res.verdict == "supported":
        assert any(r.holds for r in res.readings)  # never supported without data behind it
