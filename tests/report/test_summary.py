"""The first page's rows, built from constructed CheckResult JSON (no data, no build)."""

from __future__ import annotations

from tradecheck.report import summary

CLAIM = {
    "span": "traded **2.2** times (constructed)",
    "quantity": "ratio",
    "value": 2.2,
    "currency": None,
    "bound": "eq",
    "direction": "both",
    "reporter": None,
    "period": {"start": "2025-01", "end": "2025-09"},
    "base_period": {"start": "2024-01", "end": "2024-09"},
    "scope": "industrial",
}


def _reading(reporter: str, source: str, actual: float | None, holds: bool | None, label=""):
    return {
        "label": label or f"{reporter} {source}",
        "reporter": reporter,
        "source": source,
        "actual": actual,
        "holds": holds,
        "interval": {"low": 2.15, "high": 2.25, "low_closed": True, "high_closed": False},
    }


def _results(verdict: str, readings: list[dict], **extra) -> dict:
    res = {"claim": CLAIM, "verdict": verdict, "readings": readings, **extra}
    return {"statements": [{"index": 4, "text": "t", "error": None, "results": [res]}]}


def test_row_has_words_reading_and_each_sides_figure() -> None:
    readings = [
        _reading("BLR", "published", 2.21, True),
        _reading("BLR", "imf_dots", 1.9, False),
        _reading("CHN", "imf_dots", None, None),
    ]
    (row,) = summary.summary_rows(_results("mixed", readings), ("BLR", "CHN"))
    assert row["n"] == "4" and row["verdict"] == "MIXED"
    assert row["claim"] == "traded **2.2** times (constructed)"  # as written (data, not markup)
    assert row["read_as"] == (
        "multiple · Jan–Sep 2025 vs Jan–Sep 2024 · total trade · industrial goods"
    )
    assert row["claimed"] == "×2.20"
    # statistics before published figures; ✓/✗ whether the claim holds against each
    assert row["a"] == "×1.90 IMF DOTS ✗\n×2.21 published ✓"
    assert row["b"] == "no data"


def test_checker_label_replaces_the_code_words() -> None:
    res = _results("supported", [], verdict_label="consistent with published figures")
    (row,) = summary.summary_rows(res, ("BLR", "CHN"))
    assert row["verdict"] == "consistent with published figures"


def test_statement_without_claim_gets_a_row() -> None:
    res = {"statements": [{"index": 2, "text": "no figure here", "error": None, "results": []}]}
    (row,) = summary.summary_rows(res, ("BLR", "CHN"))
    assert row["verdict"] == summary.NO_CLAIM and row["claim"] == "no figure here"


def test_periods_in_words() -> None:
    assert summary.period_text({"start": "2019-01", "end": "2020-12"}) == "2019–2020"
    assert summary.period_text({"start": "2024-11", "end": "2025-02"}) == "Nov 2024–Feb 2025"
    assert summary.period_text({"start": "2025-03", "end": "2025-03"}) == "Mar 2025"
    assert summary.period_text(None) == "period not stated"


def test_balance_and_one_way_claims_read_in_words() -> None:
    balance = dict(CLAIM, quantity="balance", value=-2.96e9, currency="USD", base_period=None)
    balance["period"] = {"start": "2020-01", "end": "2020-12"}
    assert summary.read_as(balance, ("BLR", "CHN")) == "balance · 2020 · industrial goods"
    assert summary.claimed_text(balance) == "−$2.96B"
    one_way = dict(balance, quantity="level", value=7.769e8, direction="BLR->CHN", reporter="CHN")
    assert summary.read_as(one_way, ("BLR", "CHN")) == (
        "value · 2020 · Belarus → China · industrial goods · by China's figures"
    )
