"""Period derivations of tradecheck.derive on small constructed tables."""

from __future__ import annotations

import doctest
import importlib.util
import sys
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tradecheck import derive, schema
from tradecheck.derive import WindowIndex, shift_month, sum_window, window_value, ytd_to_monthly


def rows(*specs, **common):
    """Build canonical rows: each spec is (period_start, period_end, value[, extra dict])."""
    out = []
    for i, spec in enumerate(specs):
        ps, pe, v, *extra = spec
        r = {
            "reporter": "CHN",
            "partner": "BLR",
            "flow": "M",
            "period_start": ps,
            "period_end": pe,
            "value": float(v),
            "source": "gacc",
            "source_file": "t.csv",
            "source_ref": f"line {i + 2}",
            "vintage": "2024-01-01",
        }
        r.update(common)
        if extra:
            r.update(extra[0])
        out.append(r)
    return schema.validate(schema.make_frame(out))


def wv(df, start, end, **kw):
    args = {"reporter": "CHN", "exporter": "BLR", "importer": "CHN"}
    args.update(kw)
    return window_value(df, start=start, end=end, **args)


def test_docstring_examples():
    assert doctest.testmod(derive).failed == 0


def test_shift_month_across_years():
    assert shift_month("2025-03", -3) == "2024-12"
    assert shift_month("2024-12", 13) == "2026-01"


def test_exact_row_preferred_over_months():
    df = rows(
        ("2023-01", "2023-12", 1000),
        *[(f"2023-{m:02d}", f"2023-{m:02d}", 80) for m in range(1, 13)],
    )
    got = wv(df, "2023-01", "2023-12")
    assert got.value == 1000 and got.how == "annual row" and len(got.rows) == 1


def test_monthly_sum_needs_every_month():
    df = rows(*[(f"2023-{m:02d}", f"2023-{m:02d}", m) for m in (1, 2, 3, 5)])
    got = wv(df, "2023-01", "2023-03")
    assert got.value == 6 and got.how == "sum of 3 monthly rows"
    assert wv(df, "2023-01", "2023-05") is None  # April missing: never a partial coverage


def test_ytd_differencing():
    df = rows(("2025-01", "2025-06", 600), ("2025-01", "2025-09", 990))
    got = wv(df, "2025-07", "2025-09")
    assert got.value == 390
    assert got.signs == [1, -1]
    assert got.how == "YTD 2025-01..2025-09 minus YTD 2025-01..2025-06"
    # Jan..Sep itself is the exact YTD row
    assert wv(df, "2025-01", "2025-09").value == 990
    # no YTD Jan..Jul: Aug..Sep cannot be derived
    assert wv(df, "2025-08", "2025-09") is None


def test_annual_row_counts_as_ytd_december():
    df = rows(("2024-01", "2024-12", 1200), ("2024-01", "2024-09", 900))
    assert wv(df, "2024-10", "2024-12").value == 300


def test_quarterly_sum():
    df = rows(("2022-01", "2022-03", 10), ("2022-04", "2022-06", 20), ("2022-07", "2022-09", 30))
    got = wv(df, "2022-01", "2022-09")
    assert got.value == 60 and got.how == "sum of 3 quarterly rows"
    assert wv(df, "2022-01", "2022-12") is None


def test_mixed_tiling_half_year_plus_months():
    df = rows(("2022-01", "2022-06", 100), ("2022-07", "2022-07", 10), ("2022-08", "2022-08", 11))
    got = wv(df, "2022-01", "2022-08")
    assert got.value == 121 and len(got.rows) == 3


def test_window_across_years_combines_pieces():
    # trailing 12 months Oct 2024 .. Sep 2025 from the 2024 annual, 2024 YTD Sep and 2025 YTD Sep
    df = rows(
        ("2024-01", "2024-12", 1200), ("2024-01", "2024-09", 900), ("2025-01", "2025-09", 1000)
    )
    got = wv(df, "2024-10", "2025-09")
    assert got.value == 1300
    assert got.how.startswith("2024: YTD 2024-01..2024-12 minus YTD 2024-01..2024-09; 2025:")
    assert wv(df, "2024-09", "2025-09") is None  # 2024-09..2024-12 not derivable


def test_duplicate_periods_latest_vintage_wins():
    df = rows(
        ("2021-01", "2021-12", 100, {"vintage": "2022-03-01"}),
        ("2021-01", "2021-12", 105, {"vintage": "2023-03-01"}),
    )
    got = wv(df, "2021-01", "2021-12")
    assert got.value == 105 and "latest vintage" in got.how


def test_chapter_and_breakdown_rows_are_not_added_to_total():
    df = rows(
        ("2021-01", "2021-12", 1000),
        ("2021-01", "2021-12", 600, {"commodity": "84", "classification": "H6"}),
        ("2021-01", "2021-12", 300, {"commodity": "5", "classification": "S4"}),
    )
    assert wv(df, "2021-01", "2021-12").value == 1000
    got = wv(df, "2021-01", "2021-12", commodity="84", classification="H6")
    assert got.value == 600
    # without a TOTAL row the chapters are NOT summed into a goods total
    only_chapters = df[df["commodity"] != "TOTAL"]
    assert wv(only_chapters, "2021-01", "2021-12") is None


def test_other_scope_rows_ignored_for_goods():
    df = rows(("2021-01", "2021-12", 50, {"scope": "product:potash", "commodity": "potash"}))
    assert wv(df, "2021-01", "2021-12") is None
    assert wv(df, "2021-01", "2021-12", scope="product:potash").value == 50


def test_direction_maps_to_reporters_own_flow():
    df = schema.make_frame(
        [
            {
                "reporter": "BLR",
                "partner": "CHN",
                "flow": "X",
                "period_start": "2021-01",
                "period_end": "2021-12",
                "value": 600.0,
                "source": "belstat",
                "source_file": "b",
                "source_ref": "1",
                "vintage": "v",
            },
            {
                "reporter": "CHN",
                "partner": "BLR",
                "flow": "M",
                "period_start": "2021-01",
                "period_end": "2021-12",
                "value": 650.0,
                "source": "gacc",
                "source_file": "g",
                "source_ref": "1",
                "vintage": "v",
            },
        ]
    )
    assert (
        window_value(
            df, reporter="BLR", exporter="BLR", importer="CHN", start="2021-01", end="2021-12"
        ).value
        == 600
    )
    assert (
        window_value(
            df, reporter="CHN", exporter="BLR", importer="CHN", start="2021-01", end="2021-12"
        ).value
        == 650
    )
    # China's exports to Belarus are not in this table
    assert (
        window_value(
            df, reporter="CHN", exporter="CHN", importer="BLR", start="2021-01", end="2021-12"
        )
        is None
    )
    m = derive.mirror(df, exporter="BLR", importer="CHN", start="2021-01", end="2021-12")
    assert m["exporter_reports"].value == 600 and m["importer_reports"].value == 650


def test_source_filter_and_no_mixing_of_sources():
    a = rows(("2021-01", "2021-06", 10))
    b = rows(("2021-07", "2021-12", 20), source="comtrade")
    df = schema.make_frame(list(a.to_dict("records")) + list(b.to_dict("records")))
    assert wv(df, "2021-01", "2021-12") is None  # never pieced from two sources
    assert wv(df, "2021-01", "2021-06", source="gacc").value == 10
    assert wv(df, "2021-01", "2021-06", source="comtrade") is None


def _xm(x=None, m=None, t=None, b=None, reporter="BLR"):
    out = []
    for flow, v in (("X", x), ("M", m), ("T", t), ("B", b)):
        if v is not None:
            r = {
                "reporter": reporter,
                "partner": "CHN" if reporter != "XXX" else "XXX",
                "flow": flow,
                "period_start": "2022-01",
                "period_end": "2022-12",
                "value": v,
                "source": "published" if reporter == "XXX" else "belstat",
                "source_file": "f",
                "source_ref": flow,
                "vintage": "v",
            }
            if flow in ("T", "B"):
                r.update(exporter="BLR", importer="CHN")
            out.append(r)
    return schema.make_frame(out)


def test_total_requires_both_flows_or_a_T_row():
    kw = {
        "reporter": "BLR",
        "exporter": "BLR",
        "importer": "CHN",
        "start": "2022-01",
        "end": "2022-12",
        "flow_kind": "total",
    }
    assert window_value(_xm(x=1.5, m=4.25), **kw).value == 5.75
    assert window_value(_xm(x=1.5), **kw) is None
    got = window_value(_xm(x=1.5, t=5.8), **kw)
    assert got.value == 5.8 and got.how.startswith("total-trade (T) row")


def test_balance_from_flows_and_from_B_rows():
    kw = {
        "reporter": "BLR",
        "exporter": "BLR",
        "importer": "CHN",
        "start": "2022-01",
        "end": "2022-12",
        "flow_kind": "balance",
    }
    assert window_value(_xm(x=1.5, m=4.25), **kw).value == -2.75
    assert window_value(_xm(b=-2.5), **kw).value == -2.5
    # the same B row seen from China's side flips sign
    kw2 = dict(kw, exporter="CHN", importer="BLR")
    assert window_value(_xm(b=-2.5), **kw2).value == 2.5
    # a published balance of unstated side: perspective = the first country of the pair
    kw3 = dict(kw, reporter="XXX")
    assert window_value(_xm(b=-1.0, reporter="XXX"), **kw3).value == -1.0


def test_sum_window_bad_window():
    df = rows(("2023-01", "2023-01", 1))
    assert sum_window(df, "2023-02", "2023-01") is None
    assert sum_window(df.iloc[0:0], "2023-01", "2023-01") is None


def test_ytd_to_monthly_marks_derived_rows():
    df = rows(
        ("2023-01", "2023-01", 5),
        ("2023-01", "2023-02", 12),
        ("2023-01", "2023-03", 20),
        ("2023-01", "2023-05", 40),
    )
    out = ytd_to_monthly(df)
    assert out[["period_start", "period_end", "value"]].values.tolist() == [
        ["2023-02", "2023-02", 7.0],
        ["2023-03", "2023-03", 8.0],
    ]  # no YTD Apr: May not derived
    assert out["note"].str.startswith("derived: YTD 2023-01..2023-02 minus").iloc[0]
    assert out["source_ref"].iloc[0] == "line 3 minus line 2"
    schema.validate(out)


def test_ytd_to_monthly_skips_real_months_and_warns_on_negative():
    df = rows(
        ("2023-01", "2023-02", 12),
        ("2023-01", "2023-03", 10),
        ("2023-01", "2023-04", 15),
        ("2023-04", "2023-04", 6),
    )
    with pytest.warns(UserWarning, match="would be negative"):
        out = ytd_to_monthly(df)
    # March would be -2 (warned, not returned); April has a real monthly row
    assert out.empty
    assert ytd_to_monthly(schema.empty_frame()).empty


def test_tiling_mixes_ytd_difference_and_monthly_rows():
    df = rows(("2025-01", "2025-06", 600), ("2025-01", "2025-08", 800), ("2025-09", "2025-09", 150))
    got = wv(df, "2025-07", "2025-09")
    assert got.value == 350
    assert got.signs == [1, -1, 1]
    assert got.how == "sum of (YTD 2025-01..2025-08 minus YTD 2025-01..2025-06) + 2025-09..2025-09"


# ---------------------------------------------------------------------------------------------
# WindowIndex: the same results as the former mask-based implementation (the oracle, a frozen
# copy in tests/_derive_reference.py), on random tables


def _reference():
    path = Path(__file__).with_name("_derive_reference.py")
    spec = importlib.util.spec_from_file_location("_derive_reference", path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


REF = _reference()
_MONTHS = [f"{y}-{m:02d}" for y in (2022, 2023) for m in range(1, 13)]


@st.composite
def _period(draw, years=("2022", "2023")):
    """A monthly, YTD, quarterly, annual or arbitrary period inside the years."""
    kind = draw(st.sampled_from(["month", "ytd", "quarter", "year", "any"]))
    y = draw(st.sampled_from(years))
    m = draw(st.integers(1, 12))
    if kind == "month":
        return f"{y}-{m:02d}", f"{y}-{m:02d}"
    if kind == "ytd":
        return f"{y}-01", f"{y}-{m:02d}"
    if kind == "quarter":
        q = (m - 1) // 3 * 3 + 1
        return f"{y}-{q:02d}", f"{y}-{q + 2:02d}"
    if kind == "year":
        return f"{y}-01", f"{y}-12"
    months = [m for m in _MONTHS if m[:4] in years]
    i = draw(st.integers(0, len(months) - 1))
    j = draw(st.integers(i, min(i + 14, len(months) - 1)))
    return months[i], months[j]


def _often(value, *others):
    """A strategy that mostly gives ``value`` and sometimes one of ``others``."""
    return st.sampled_from([value] * 6 + list(others))


@st.composite
def _series(draw):
    """Rows of one series: most months of 2022-2023 plus YTD/quarterly/annual/other rows,
    some repeated with another vintage (revisions)."""
    reporter = draw(st.sampled_from(["BLR", "CHN", "XXX"]))
    flow = draw(st.sampled_from(["X", "M", "X", "M", "T", "B"]))
    partner = draw(
        st.sampled_from(
            ["CHN", "BLR"] if reporter == "XXX" else ["CHN" if reporter == "BLR" else "BLR"]
        )
    )
    detail = draw(st.integers(0, 4)) == 0
    common = {
        "reporter": reporter,
        "partner": partner,
        "flow": flow,
        "source": "published"
        if reporter == "XXX"
        else draw(st.sampled_from(["imf_dots", "comtrade", "published"])),
        "source_file": "t.csv",
        "scope": draw(_often("goods", "services")),
        "commodity": "5" if detail else "TOTAL",
        "classification": draw(st.sampled_from(["S3", "HS"])) if detail else "TOTAL",
        "currency": draw(_often("USD", "EUR")),
    }
    periods = []
    if draw(st.booleans()):  # monthly rows, maybe with gaps
        gaps = draw(st.lists(st.sampled_from(_MONTHS), max_size=3))
        periods = [(m, m) for m in _MONTHS if m not in gaps]
    periods += draw(st.lists(_period(), min_size=1, max_size=12))
    periods += draw(st.lists(st.sampled_from(periods), max_size=3))  # revisions
    lo = -50 if flow == "B" else 0
    return [
        dict(
            common,
            period_start=ps,
            period_end=pe,
            value=float(draw(st.integers(lo, 1000))),
            vintage=draw(st.sampled_from(["2024-01-01", "2025-01-01"])),
        )
        for ps, pe in periods
    ]


@st.composite
def _query(draw, df):
    """A look-up, usually aimed at a series of ``df`` (a row's reporter, direction, source,
    scope, currency, commodity), sometimes at something else."""
    row = df.iloc[draw(st.integers(0, len(df) - 1))]
    exporter, importer = draw(
        _often((row["exporter"], row["importer"]), (row["importer"], row["exporter"]))
    )
    other = df.iloc[draw(st.integers(0, len(df) - 1))]
    start, end = draw(
        st.one_of(
            _period(),
            st.tuples(st.sampled_from(_MONTHS), st.sampled_from(_MONTHS)),
            st.just((row["period_start"], row["period_end"])),
            st.sampled_from(
                [
                    (row["period_start"], other["period_end"]),
                    (other["period_start"], row["period_end"]),
                    (shift_month(row["period_end"], 1), other["period_end"]),
                ]
            ),
        )
    )
    return {
        "reporter": draw(_often(row["reporter"], "BLR", "CHN", "XXX")),
        "exporter": exporter,
        "importer": importer,
        "start": start,
        "end": end,
        "source": draw(_often(row["source"], None, "comtrade", "gacc")),
        "scope": draw(_often(row["scope"], "goods", "services")),
        "flow_kind": draw(
            _often(
                {"T": "total", "B": "balance"}.get(row["flow"], "one_way"),
                "one_way",
                "total",
                "balance",
            )
        ),
        "commodity": draw(_often(row["commodity"], "TOTAL", "5")),
        "classification": draw(st.sampled_from([None, row["classification"], "S3"])),
        "currency": draw(_often(row["currency"], "USD", "EUR")),
    }


def _same(got, ref):
    if ref is None:
        return got is None
    return (
        got is not None
        and got.value == ref.value
        and got.how == ref.how
        and got.signs == ref.signs
        and got.parts == ref.parts
        and got.rows.equals(ref.rows)
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_series(), min_size=1, max_size=5), st.data())
def test_index_and_window_value_equal_the_mask_based_reference(series, data):
    records = [
        dict(r, source_ref=f"line {i + 2}")
        for i, r in enumerate(r for rows_ in series for r in rows_)
    ]
    df = schema.validate(schema.make_frame(records))
    queries = data.draw(st.lists(_query(df), min_size=1, max_size=8))
    index = WindowIndex(df)
    for q in queries + queries:  # the second round answers from the memo
        ref = REF.window_value(df, **q)
        assert _same(window_value(df, **q), ref), q
        assert _same(index.window_value(**q), ref), q


_WINDOWS_2023 = [(f"2023-{a:02d}", f"2023-{b:02d}") for a in range(1, 13) for b in range(a, 13)]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(_period(years=("2023",)), st.sampled_from(["2024-01-01", "2025-01-01"])),
        min_size=3,
        max_size=25,
    ),
    st.lists(st.sampled_from(_WINDOWS_2023), min_size=10, max_size=30),
)
def test_tiling_equals_the_reference(periods, windows):
    """One series of year-to-date, quarterly, monthly and other rows of one year (rarely a
    full monthly cover, so YTD differencing and mixed tilings are what decide)."""
    df = rows(*[(ps, pe, 10 * (i + 1), {"vintage": v}) for i, ((ps, pe), v) in enumerate(periods)])
    index = WindowIndex(df)
    for start, end in windows:
        ref = REF.sum_window(df, start, end)
        assert _same(sum_window(df, start, end), ref), (start, end)
        assert _same(
            index.window_value(
                reporter="CHN", exporter="BLR", importer="CHN", start=start, end=end
            ),
            ref,
        ), (start, end)


def test_index_returns_independent_copies():
    df = rows(*[(f"2023-{m:02d}", f"2023-{m:02d}", m) for m in range(1, 13)])
    index = WindowIndex(df)
    kw = {
        "reporter": "CHN",
        "exporter": "BLR",
        "importer": "CHN",
        "start": "2023-01",
        "end": "2023-03",
    }
    first = index.window_value(**kw)
    first.how = "changed"
    first.signs.append(9)
    first.rows.loc[0, "value"] = -1.0
    again = index.window_value(**kw)
    assert again.how == "sum of 3 monthly rows" and again.signs == [1, 1, 1]
    assert again.rows["value"].tolist() == [1.0, 2.0, 3.0]
    assert df["value"].iloc[0] == 1.0  # the indexed table is untouched


def test_index_reads_whole_table_and_unknown_flow_kind_raises():
    # rows of other reporters, scopes and currencies are in the index but never selected
    df = pd.concat(
        [
            rows(("2023-01", "2023-12", 7)),
            rows(("2023-01", "2023-12", 99), reporter="BLR", flow="X"),
            rows(("2023-01", "2023-12", 55), currency="EUR"),
        ],
        ignore_index=True,
    )
    index = WindowIndex(df)
    got = index.window_value(
        reporter="CHN", exporter="BLR", importer="CHN", start="2023-01", end="2023-12"
    )
    assert got.value == 7.0 and got.how == "annual row"
    with pytest.raises(ValueError, match="flow_kind"):
        index.window_value(
            reporter="CHN",
            exporter="BLR",
            importer="CHN",
            start="2023-01",
            end="2023-12",
            flow_kind="net",
        )
    with pytest.raises(ValueError, match="flow_kind"):
        wv(df, "2023-01", "2023-12", flow_kind="net")
