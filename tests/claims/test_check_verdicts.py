"""Verdict words, near misses, doubtful published rows, the claim's own pair and precision,
the data-as-of date and the notebook face of tradecheck.check.

Every table here is constructed (invented numbers, computed by hand in the comments); none
says anything about real trade.
"""

from __future__ import annotations

import doctest

import pandas as pd
import pytest

import tradecheck as tc
from tradecheck import schema
from tradecheck.claims import check as check_mod
from tradecheck.claims import explain
from tradecheck.claims.check import check, restrict_to
from tradecheck.claims.model import Claim, Period
from tradecheck.claims.tolerance import Interval
from tradecheck.errors import TradecheckError, UnknownCountryError

M = 1e6


def row(reporter, flow, start, end, value, source, *, vintage="2024-01-01", bound="eq", note=""):
    """One canonical row of Belarus-China goods trade (flow T = total, X/M one way)."""
    partner = "CHN" if reporter == "BLR" else "BLR"
    exporter, importer = (reporter, partner) if flow in ("X", "T") else (partner, reporter)
    return {
        "reporter": reporter, "partner": partner, "flow": flow, "period_start": start,
        "period_end": end, "value": float(value), "source": source,
        "source_file": "constructed.csv",
        "source_ref": f"{source} {reporter} {start}", "vintage": vintage, "exporter": exporter,
        "importer": importer, "bound": bound, "note": note,
        "classification": "published" if source == "published" else "TOTAL",
    }  # fmt: skip


def frame(rows):
    return schema.validate(schema.make_frame(rows))


def claim(quantity, value, period, base=None, *, reporter=None, decimals=1, **kw):
    return Claim(
        kw.pop("span", f"{quantity} {value}"),
        quantity,
        value,
        "USD" if quantity in ("level", "abs_change", "balance") else None,
        kw.pop("bound", "eq"),
        kw.pop("direction", "both"),
        reporter,
        Period(*period),
        Period(*base) if base else None,
        decimals=decimals,
        **kw,
    )


Y18, Y19 = ("2018-01", "2018-12"), ("2019-01", "2019-12")

# Growth 2019 vs 2018, total trade, as each side's figures give it (US$ m):
#   China (IMF DOTS)    1,012 -> 1,588: 100 * (1588 / 1012 - 1) = +56.92 %
#   China (published)   1,012 -> 1,597: 100 * (1597 / 1012 - 1) = +57.81 %; the rows are
#                       rounded to US$ 1 m, so the change may lie anywhere in
#                       [1596.5 / 1012.5, 1597.5 / 1011.5] - 1 = [+57.68 %, +57.93 %]
#   Belarus (IMF DOTS)  1,012 -> 1,246: +23.12 % (the mirror side: far from the others)
GROWTH = [
    row("CHN", "T", *Y18, 1012 * M, "imf_dots"),
    row("CHN", "T", *Y19, 1588 * M, "imf_dots"),
    row("CHN", "T", *Y18, 1012 * M, "published", vintage="2019-01-20"),
    row("CHN", "T", *Y19, 1597 * M, "published", vintage="2020-01-20"),
    row("BLR", "T", *Y18, 1012 * M, "imf_dots"),
    row("BLR", "T", *Y19, 1246 * M, "imf_dots"),
]
IMF_CHN = 100 * (1588 / 1012 - 1)
PUB_CHN = 100 * (1597 / 1012 - 1)


def one(c, rows, **kw):
    kw.setdefault("robustness", False)
    (res,) = check([c], data=frame(rows), **kw)
    return res


def by(res, source, reporter):
    (r,) = [r for r in res.readings if r.source == source and r.reporter == reporter]
    return r


def test_docstring_examples():
    assert doctest.testmod(check_mod).failed == 0
    assert doctest.testmod(explain).failed == 0


# --- near misses -----------------------------------------------------------------------------


def test_near_miss_within_the_spread_of_the_claimed_side():
    res = one(claim("pct_change", 58.5, Y19, Y18, reporter="CHN"), GROWTH)
    assert res.verdict == "not_supported" and res.near_miss
    assert res.label == "not supported (near miss)"
    pub, imf = by(res, "published", "CHN"), by(res, "imf_dots", "CHN")
    # published +57.81 %: off by -0.69 points = 6.9 units of 0.1; it lies 58.45 - 57.81 =
    # 0.64 outside the claimed interval, within China's own spread 57.81 - 56.92 = 0.89
    assert pub.miss.off == pytest.approx(PUB_CHN - 58.5)
    assert pub.miss.rounding_units == pytest.approx((58.5 - PUB_CHN) / 0.1)
    assert pub.miss.spread == pytest.approx((IMF_CHN, PUB_CHN))
    assert pub.miss.near is True
    # IMF +56.92 %: 1.53 outside > 0.89: not a near miss by itself
    assert imf.miss.off == pytest.approx(IMF_CHN - 58.5) and imf.miss.near is False
    assert "percentage points" in imf.reason and "15.8 × its rounding unit" in imf.reason
    # Belarus's mirror figure (+23.1 %) is context and does not widen China's spread
    blr = by(res, "imf_dots", "BLR")
    assert blr.counted is False and blr.miss.spread is None and blr.miss.near is False


def test_far_miss_is_not_near():
    res = one(claim("pct_change", 70.0, Y19, Y18, reporter="CHN"), GROWTH)
    assert res.verdict == "not_supported" and not res.near_miss
    assert res.label == "not supported"
    assert by(res, "published", "CHN").miss.rounding_units == pytest.approx((70 - PUB_CHN) / 0.1)


def test_money_miss_in_claim_units_and_rounding_multiples():
    rows = [row("BLR", "T", *Y19, 2960 * M, "belstat")]
    res = one(claim("level", 2.8e9, Y19, decimals=1), rows)
    (r,) = res.readings
    # 2,960 - 2,800 = +160 m = 1.6 units of 0.1 bn; a single figure has no spread
    assert r.miss.off == pytest.approx(160 * M) and r.miss.rounding_units == pytest.approx(1.6)
    assert r.miss.spread is None and not r.miss.near
    assert "off by +$160M (1.6 × its rounding unit $100M)" in r.reason


# --- verdict words ---------------------------------------------------------------------------


def test_supported_by_statistics_vs_consistent_with_published_figures():
    stats = one(claim("level", 1.588e9, Y19, decimals=3, reporter="CHN"), GROWTH[:2])
    assert stats.verdict == "supported" and stats.basis == "statistics"
    assert stats.label == "supported by statistics"
    res = one(claim("level", 1.597e9, Y19, decimals=3), GROWTH[2:4])
    assert res.verdict == "supported" and res.basis == "published"
    assert res.label == "consistent with published figures"
    assert res.to_json()["verdict_label"] == "consistent with published figures"


def test_mixed_names_the_side_that_holds_and_the_one_that_does_not():
    rows = [row("BLR", "T", *Y19, 1569 * M, "belstat"), row("CHN", "T", *Y19, 1700 * M, "gacc")]
    res = one(claim("level", 1.6e9, Y19), rows)  # [1.55, 1.65) bn
    assert res.verdict == "mixed"
    assert res.label == "mixed: holds for Belarus (Belstat); fails for China (GACC)"


def test_doubtful_published_rows_are_context_only():
    rows = [
        row("BLR", "T", *Y19, 1569 * M, "belstat"),
        row("BLR", "T", *Y19, 1600 * M, "published", note="likely wrong; quality=dubious"),
    ]
    res = one(claim("level", 1.6e9, Y19, decimals=2), rows)  # [1.595, 1.605) bn
    # Belstat 1,569 fails; the doubtful 1,600 would agree but never decides
    assert res.verdict == "not_supported"
    pub = by(res, "published", "BLR")
    assert pub.holds is True and pub.counted is False and pub.context == "doubtful"
    assert pub.label.startswith("[context]") and "doubtful" in pub.label
    # with only the doubtful figure: nothing decides
    alone = one(claim("level", 1.6e9, Y19, decimals=2), rows[1:])
    assert alone.verdict == "not_verifiable" and "doubtful" in alone.reason


# --- the claim's own pair and precision ------------------------------------------------------


def test_written_precision_sets_the_tolerance():
    rows = [row("BLR", "T", *Y19, 5.12e9, "belstat")]
    c = claim("level", 5.1e9, Y19, decimals=None, span="$5.10 billion")
    # without the written precision, 5.1e9 rounds at its last significant digit: [5.05, 5.15)
    assert one(c, rows).verdict == "supported"
    c.precision = 1e7  # "5.10" written: one unit of the last digit is US$ 10 m
    res = one(c, rows)
    assert res.readings[0].interval == (5.095e9, 5.105e9, True, False)
    assert res.verdict == "not_supported"


def test_claim_is_judged_for_its_own_pair():
    c = claim("level", 1.6e9, Y19)
    with pytest.raises(TradecheckError, match="read for BLR-CHN"):
        check([c], data=frame(GROWTH), pair=("BLR", "RUS"))
    # a JSON claim without a pair is about the pair asked for
    d = c.to_json()
    d.pop("pair", None)
    (res,) = check([d], data=frame(GROWTH), pair="BLR-RUS", robustness=False)
    assert res.claim.pair == "BLR-RUS" and res.verdict == "not_verifiable"
    # a JSON claim that states its pair keeps it
    d["pair"] = ["BLR", "RUS"]
    with pytest.raises(TradecheckError, match="read for BLR-RUS"):
        check([d], data=frame(GROWTH), pair="BLR-CHN")


@pytest.mark.parametrize(
    ("kw", "error"),
    [
        ({"as_of": "05/11/2025"}, TradecheckError),
        ({"pair": "BLR"}, TradecheckError),
        ({"pair": ("BLR", "BLR")}, TradecheckError),
        ({"pair": ("BLR", "XYZ")}, UnknownCountryError),
        ({"data_as_of": "05/11/2025"}, TradecheckError),
    ],
)
def test_api_raises_what_the_cli_reports(kw, error):
    with pytest.raises(error):
        check("Trade between Belarus and China reached $1.6 billion in 2019.",
              data=frame(GROWTH), **kw)  # fmt: skip


def test_text_without_claim_is_an_empty_result_not_an_error():
    assert check("The weather was fine.", data=frame(GROWTH)) == []


# --- data as of ------------------------------------------------------------------------------


def test_data_as_of_keeps_what_was_public_by_then():
    rows = [
        row("CHN", "T", *Y19, 1578 * M, "published", vintage="2020-01-20"),
        row("CHN", "T", *Y19, 1569 * M, "imf_dots", vintage="2021-04-01"),
    ]
    c = claim("level", 1.578e9, Y19, decimals=3)
    full = one(c, rows)
    assert full.verdict == "mixed" and full.data_as_of is None
    then = one(c, rows, data_as_of="2020-06-30")  # the IMF release came later
    assert then.verdict == "supported" and then.basis == "published"
    assert then.data_as_of == "2020-06-30" and "data as of: 2020-06-30" in then.summary()
    before = one(c, rows, data_as_of="2019-12-31")
    assert before.verdict == "not_verifiable" and "released by 2019-12-31" in before.reason


def test_restrict_to_partial_and_unknown_vintages():
    from datetime import date

    df = pd.DataFrame({"vintage": ["2020-01-20", "2020-02", "2021", "", "unknown"]})
    got = restrict_to(df, date(2020, 1, 31))["vintage"].tolist()
    assert got == ["2020-01-20"]
    assert restrict_to(df, date(2021, 1, 1))["vintage"].tolist() == [
        "2020-01-20",
        "2020-02",
        "2021",
    ]


# --- typed pieces ----------------------------------------------------------------------------


def test_reading_keeps_spec_interval_and_no_data():
    res = one(claim("level", 1.6e9, ("2017-01", "2017-12")), GROWTH)
    assert res.verdict == "not_verifiable"
    for r in res.readings:
        assert isinstance(r.interval, Interval) and r.interval.contains(1.6e9)
        assert r.spec is not None and r.spec.reporter == r.reporter
        assert r.no_data is not None and r.no_data.code == "no_window"
        assert r.to_json()["no_data"]["code"] == "no_window"


# --- notebook face ---------------------------------------------------------------------------


def test_html_table_colours_verdict_and_escapes_claim_text():
    c = claim("level", 1.6e9, Y19, span="<b>trade</b> was $1.6 bn")
    res = one(c, [row("BLR", "T", *Y19, 1569 * M, "belstat")])
    html = res._repr_html_()
    assert "&lt;b&gt;trade&lt;/b&gt;" in html and "<b>trade</b>" not in html
    assert "color:#1a7f37" in html and "supported by statistics" in html
    assert "<table>" in html and "$1.569B" in html
    assert len(repr(res)) < 200 and "supported" in repr(res)


def test_to_frame_and_summary():
    res = one(claim("pct_change", 58.5, Y19, Y18, reporter="CHN"), GROWTH)
    f = res.to_frame()
    assert len(f) == len(res.readings) == 3
    assert {"reading", "side", "source", "low", "high", "actual", "holds", "off"} <= set(f)
    assert f["counted"].tolist().count(False) == 1  # Belarus's mirror figure
    text = res.summary()
    assert "not supported (near miss)" in text and "+56.92 %" in text


def test_check_frame_one_row_per_claim(tmp_path):
    texts = [
        "Trade between Belarus and China reached $1.6 billion in 2019.",
        "Nothing to check here.",
        "In 2019 trade between Belarus and China reached $1.52 billion.",
    ]
    df = tc.check_frame(texts, data=frame(GROWTH))
    assert df["text"].tolist() == [1, 3]
    assert {"verdict", "verdict_label", "basis", "near_miss", "period"} <= set(df)
    f = tmp_path / "claims.txt"
    f.write_text("# my claims\n" + texts[0] + "\n\n" + texts[2] + "\n", encoding="utf-8")
    assert tc.check_frame(f, data=frame(GROWTH))["text"].tolist() == [1, 2]
    assert tc.check_frame(str(f), data=frame(GROWTH))["verdict"].tolist() == df["verdict"].tolist()
    results = tc.check(texts[0] + " " + texts[2], data=frame(GROWTH), robustness=False)
    assert len(results.to_frame()) == 2 and results._repr_html_().count("<table>") == 2


def test_plot_claim_on_a_real_value_axis():
    import matplotlib

    matplotlib.use("Agg")
    res = one(claim("level", 1.6e9, Y19), GROWTH)
    ax = tc.plot_claim(res)
    xs = sorted(float(line.get_xdata()[0]) for line in ax.lines if line.get_marker() == "o")
    assert xs == sorted(r.actual for r in res.readings if r.actual is not None)
    assert ax.xaxis.get_major_formatter()(1.6e9, 0) == "$1.6B"
    matplotlib.pyplot.close(ax.figure)


def test_public_api_is_listed():
    names = set(dir(tc))
    assert {"check", "check_frame", "plot_claim", "parse", "load", "CheckResult"} <= names
    assert set(tc.__all__) == {"__version__", *tc._LAZY}
    for name in tc.__all__:
        assert getattr(tc, name) is not None
