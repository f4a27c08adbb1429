"""Tests for the IMF loaders: real DOTS workbooks, constructed IMTS/DOTS CSVs, bad input."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from _shared_path import shared_root

from tradecheck import paths, schema
from tradecheck.errors import LoadError
from tradecheck.loaders import detect, load, load_report
from tradecheck.loaders.imf import load_dots_xlsx, parse_period

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "imf"
DOTS = paths.RAW / "imf_dots"
BLR_FILE = DOTS / "DOTS_Belarus_Rep._of.xlsx"
CHN_FILE = DOTS / "DOTS_China_P.R._Mainland.xlsx"


@pytest.fixture(scope="module")
def dots():
    if not BLR_FILE.exists() or not CHN_FILE.exists():
        pytest.skip("real DOTS workbooks not in data/raw/imf_dots")
    return load([BLR_FILE, CHN_FILE])


def _value(df, reporter, partner, flow, year):
    sel = df[
        (df.reporter == reporter)
        & (df.partner == partner)
        & (df.flow == flow)
        & (df.period_start == f"{year}-01")
        & (df.period_end == f"{year}-12")
    ]
    assert len(sel) == 1, (reporter, partner, flow, year, len(sel))
    return sel.iloc[0]


# Values read by hand from the workbooks (US$ millions in the sheet), row/column noted.
@pytest.mark.parametrize(
    ("reporter", "partner", "flow", "year", "millions"),
    [
        ("BLR", "CHN", "X", 2019, 673.3361),  # Exports, FOB row 58 col AD
        ("BLR", "CHN", "X", 2020, 748.2426),  # Exports, FOB row 58 col AE
        ("BLR", "CHN", "M", 2019, 3807.5948),  # Imports, CIF row 59 col AD
        ("BLR", "CHN", "M", 2020, 3708.9217),  # Imports, CIF row 59 col AE
        ("BLR", "CHN", "X", 1992, 27.731),
        ("CHN", "BLR", "X", 2019, 1777.67595),  # Exports, FOB row 89 col AS
        ("CHN", "BLR", "X", 2020, 2109.38905),  # Exports, FOB row 89 col AT
        ("CHN", "BLR", "M", 2019, 914.62827),  # Imports, CIF row 89 col AS
        ("CHN", "BLR", "M", 2020, 894.84143),  # Imports, CIF row 89 col AT
        ("CHN", "BLR", "X", 1992, 9.02),
    ],
)
def test_real_dots_belarus_china_values(dots, reporter, partner, flow, year, millions):
    row = _value(dots, reporter, partner, flow, year)
    assert row.value == pytest.approx(millions * 1e6, rel=1e-9)
    assert row.currency == "USD" and row.source == "imf_dots"
    assert row.valuation == ("FOB" if flow == "X" else "CIF")
    assert row.vintage == "2022-02-02"  # from the .meta.json sidecar


def test_real_dots_both_sides_1992_2020_complete(dots):
    for reporter, partner in (("BLR", "CHN"), ("CHN", "BLR")):
        for flow in ("X", "M"):
            sel = dots[
                (dots.reporter == reporter) & (dots.partner == partner) & (dots.flow == flow)
            ]
            years = {int(p[:4]) for p in sel.period_start}
            assert set(range(1992, 2021)) <= years, (reporter, flow)


def test_real_dots_source_ref_points_at_the_cell(dots):
    """Reopen the workbook at source_ref and compare (independent of the loader's parsing)."""
    wb = openpyxl.load_workbook(CHN_FILE, read_only=True, data_only=True)
    try:
        sel = dots[(dots.reporter == "CHN") & (dots.partner == "BLR")].head(40)
        for _, r in sel.iterrows():
            sheet, rest = r.source_ref.removeprefix("sheet ").split(" row ")
            row, col = rest.split(" col ")
            ws = wb[sheet]
            assert ws[f"{col}{row}"].value * 1e6 == pytest.approx(r.value)
            assert ws[f"{col}7"].value == r.period_start[:4]  # the year header row
    finally:
        wb.close()


def test_real_dots_world_aggregates_and_duplicates(dots):
    assert {"W00"} <= set(dots.partner)
    assert (dots.partner.str.len() == 3).all()
    one = load(BLR_FILE)
    dropped = one.attrs["dropped"]
    assert dropped["aggregate partner row"] > 0
    # the first data row (Australia) is repeated later with identical values: kept once
    aus = one[(one.partner == "AUS") & (one.flow == "X") & (one.period_start == "2020-01")]
    assert len(aus) == 1
    schema.validate(dots)
    assert detect(BLR_FILE).name == "imf_dots_xlsx"


def test_real_dots_file_not_modified(digest):
    before = digest(BLR_FILE)
    load(BLR_FILE)
    assert digest(BLR_FILE) == before


# ---------------------------------------------------------------- constructed workbooks


def _workbook(
    path: Path,
    *,
    units="US Dollars, Millions",
    cells=None,
    partner="China, P.R.: Mainland",
    extra_rows=(),
    world=(30000.0, 29000.0),
):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Exports, FOB"
    ws["B2"] = "Exports, FOB to Partner Countries"
    ws["B4"] = "Belarus, Rep. of"
    if units:
        ws["B5"] = units
    ws["C7"], ws["D7"] = "2019", "2020"
    ws["B8"] = "World"
    ws["C8"], ws["D8"] = world
    ws["B9"] = partner
    c = cells or (600.5, "700.25 e")
    ws["C9"], ws["D9"] = c
    ws["B10"] = "Advanced Economies"
    ws["C10"] = 5000.0
    for i, (label, a, b) in enumerate(extra_rows, start=11):
        ws[f"B{i}"], ws[f"C{i}"], ws[f"D{i}"] = label, a, b
    wb.save(path)
    return path


def test_constructed_dots_xlsx_estimate_suffix_and_units(tmp_path):
    df = load(_workbook(tmp_path / "t.xlsx"))
    r20 = _value(df, "BLR", "CHN", "X", 2020)
    assert r20.estimate and r20.value == pytest.approx(700.25e6)
    assert not _value(df, "BLR", "CHN", "X", 2019).estimate
    df2 = load(
        _workbook(
            tmp_path / "k.xlsx",
            units="US Dollars, Thousands",
            cells=(600500.0, 700250.0),
            world=(30000e3, 29000e3),
        )
    )
    assert _value(df2, "BLR", "CHN", "X", 2019).value == pytest.approx(600.5e6)
    assert df.attrs["dropped"]["aggregate partner row"] == 1


def test_dots_xlsx_missing_units_row(tmp_path):
    with pytest.raises(LoadError, match="units row"):
        load_dots_xlsx(_workbook(tmp_path / "t.xlsx", units=None))


def test_dots_xlsx_non_numeric_cell(tmp_path):
    with pytest.raises(LoadError) as exc:
        load_dots_xlsx(_workbook(tmp_path / "t.xlsx", cells=(600.5, "n/a?")))
    assert "line 9" in str(exc.value) and "Exports, FOB" in str(exc.value)


def test_dots_xlsx_unknown_partner(tmp_path):
    path = _workbook(tmp_path / "t.xlsx", partner="Narnia, Rep. of")
    with pytest.raises(LoadError, match="Narnia"):
        load_dots_xlsx(path)
    df = load_dots_xlsx(path, unknown="skip")
    assert df.attrs["dropped"]["unknown partner"] == 1


def test_dots_xlsx_conflicting_duplicate(tmp_path):
    path = _workbook(tmp_path / "t.xlsx", extra_rows=[("China, P.R.: Mainland", 601.0, 700.25)])
    with pytest.raises(LoadError, match="twice"):
        load_dots_xlsx(path)


def test_dots_xlsx_wrong_scale_caught(tmp_path):
    path = _workbook(tmp_path / "t.xlsx", units="US Dollars, Billions", cells=(6000.5, 7000.0))
    with pytest.raises(LoadError, match="implausible"):
        load_dots_xlsx(path)


def test_not_an_xlsx(tmp_path):
    bad = tmp_path / "broken.xlsx"
    shutil.copy(FIX / "imts_sdmx20_annual_constructed.csv", bad)
    with pytest.raises(LoadError, match="cannot open"):
        load_dots_xlsx(bad)


# ---------------------------------------------------------------- IMTS


def test_parse_period():
    assert parse_period("2023") == ("2023-01", "2023-12")
    assert parse_period("2023-Q4") == ("2023-10", "2023-12")
    assert parse_period("2023-M11") == ("2023-11", "2023-11")
    assert parse_period("2020M1") == ("2020-01", "2020-01")
    with pytest.raises(ValueError):
        parse_period("2023-M13")


def test_imts_sdmx20():
    path = FIX / "imts_sdmx20_annual_constructed.csv"
    assert detect(path).name == "imf_imts_csv"
    df = load(path)
    assert set(df.source) == {"imf_imts"}
    x23 = _value(df, "CHN", "BLR", "X", 2023)
    assert x23.value == pytest.approx(2345.6e6) and x23.estimate and x23.valuation == "FOB"
    m23 = _value(df, "CHN", "BLR", "M", 2023)
    assert m23.valuation == "CIF" and not m23.estimate
    assert _value(df, "BLR", "W00", "X", 2023).value == pytest.approx(45678.9e6)
    d = df.attrs["dropped"]
    assert d["NaN observation"] == 1 and d["aggregate country"] == 1
    assert len(df) == 4


def test_imts_dataflow21_monthly_and_scale_words():
    df = load(FIX / "imts_dataflow21_monthly_constructed.csv")
    jan = df[(df.reporter == "CHN") & (df.flow == "X")].iloc[0]
    assert (jan.period_start, jan.period_end, jan.value) == ("2023-01", "2023-01", 152300000.0)
    q1 = df[(df.reporter == "CHN") & (df.flow == "M")].iloc[0]
    assert (q1.period_start, q1.period_end, bool(q1.estimate)) == ("2023-01", "2023-03", True)
    legacy = df[df.reporter == "BLR"].iloc[0]  # TXG_FOB_USD, SCALE "Millions"
    assert legacy.flow == "X" and legacy.value == pytest.approx(61.2e6)  # OBS_VALUE in US$
    assert df.attrs["dropped"]["NaN observation"] == 1


def test_imts_wide_names():
    df = load(FIX / "imts_wide_names_constructed.csv")
    chn = df[df.reporter == "CHN"]
    assert set(chn.partner) == {"BLR"} and list(chn.period_start) == ["2023-01", "2023-03"]
    assert chn.value.tolist() == pytest.approx([150.1e6, 170.3e6])
    blr = df[df.reporter == "BLR"]
    assert set(blr.flow) == {"M"} and set(blr.valuation) == {"CIF"}


def test_imts_wrong_scale_explains_unit():
    with pytest.raises(LoadError) as exc:
        load(FIX / "imts_scale_wrong_constructed.csv")
    msg = str(exc.value)
    assert "implausible" in msg and "too small" in msg and "scale=6" in msg and "line 2" in msg
    df = load(FIX / "imts_scale_wrong_constructed.csv", check_scale=False)
    assert df.value.iloc[0] == pytest.approx(2345.6)
    assert load(FIX / "imts_scale_wrong_constructed.csv", scale=6).value.iloc[0] == pytest.approx(
        2345.6e6
    )


def test_imts_obs_value_is_us_dollars_scale_is_display_only(tmp_path):
    """The IMF's SCALE 6 is not applied to OBS_VALUE (docs/loaders.md, IMTS units)."""
    df = load(FIX / "imts_sdmx20_annual_constructed.csv")
    x23 = _value(df, "CHN", "BLR", "X", 2023)
    assert x23.value == 2345600000.0 and "SCALE 6 (display only)" in x23.note


def test_any_pair_above_its_world_total_is_an_error(tmp_path):
    p = tmp_path / "imts.csv"
    p.write_text(
        HEAD20
        + "dataflow,IMF.STA:IMTS(1.0.0),I,USA,XG_FOB_USD,G001,A,2024,2065000000,6,USD\n"
        + "dataflow,IMF.STA:IMTS(1.0.0),I,USA,XG_FOB_USD,CAN,A,2024,349000000000,6,USD\n",
        encoding="utf-8",
    )
    with pytest.raises(LoadError, match="above USA's own world total") as exc:
        load(p)
    assert "line 3" in str(exc.value)


def test_any_value_above_world_trade_is_an_error(tmp_path):
    p = tmp_path / "imts.csv"
    p.write_text(
        HEAD20 + "dataflow,IMF.STA:IMTS(1.0.0),I,USA,XG_FOB_USD,CAN,A,2024,3.49e17,6,USD\n",
        encoding="utf-8",
    )
    with pytest.raises(LoadError, match="above any year's world trade"):
        load(p)


HEAD20 = (
    "STRUCTURE,STRUCTURE_ID,ACTION,COUNTRY,INDICATOR,COUNTERPART_COUNTRY,FREQUENCY,"
    "TIME_PERIOD,OBS_VALUE,SCALE,UNIT\n"
)


@pytest.mark.parametrize(
    ("row", "match"),
    [
        (
            "dataflow,IMF.STA:IMTS(1.0.0),I,CHN,XG_FOB_USD,BLR,A,2023,12x3,6,USD",
            "expected a number",
        ),
        ("dataflow,IMF.STA:IMTS(1.0.0),I,CHN,XG_FOB_USD,BLR,A,23/2023,1200,6,USD", "bad period"),
        (
            "dataflow,IMF.STA:IMTS(1.0.0),I,CHN,XG_FOB_USD,BLR,A,2023,1200,Zillions,USD",
            "unknown SCALE",
        ),
        ("dataflow,IMF.STA:IMTS(1.0.0),I,CHN,XG_FOB_USD,BLR,A,2023,1200,6,EUR", "not US dollars"),
        ("dataflow,IMF.STA:IMTS(1.0.0),I,CHN,XG_FOB_USD,Narnia,A,2023,1200,6,USD", "Narnia"),
        ("dataflow,IMF.STA:IMTS(1.0.0),I,CHN,XG_FOB_USD,BLR,A,2023,0.0012,6,USD", "too small"),
    ],
)
def test_imts_bad_rows(tmp_path, row, match):
    p = tmp_path / "imts.csv"
    p.write_text(HEAD20 + row + "\n", encoding="utf-8")
    with pytest.raises(LoadError, match=match) as exc:
        load(p)
    assert "line 2" in str(exc.value)


def test_imts_missing_column(tmp_path):
    p = tmp_path / "imts.csv"
    p.write_text(
        "DATAFLOW,COUNTRY,COUNTERPART_COUNTRY,TIME_PERIOD,OBS_VALUE\nIMF.STA:IMTS(1.0.0),CHN,BLR,2023,1\n"
    )
    with pytest.raises(LoadError, match="missing column INDICATOR"):
        load(p, format="imf_imts_csv")


def test_imts_no_scale_column_uses_option(tmp_path):
    p = tmp_path / "imts.csv"
    p.write_text(
        "DATAFLOW,COUNTRY,INDICATOR,COUNTERPART_COUNTRY,FREQUENCY,TIME_PERIOD,OBS_VALUE\n"
        "IMF.STA:IMTS(1.0.0),CHN,XG_FOB_USD,BLR,A,2023,2345.6\n"
    )
    with pytest.raises(LoadError, match="too small"):
        load(p)
    assert load(p, scale=6).value.iloc[0] == pytest.approx(2345.6e6)


# ---------------------------------------------------------------- legacy DOTS CSV


def test_dots_timeseries_csv():
    path = FIX / "DOT_02-15-2022_timeSeries_constructed.csv"
    assert detect(path).name == "imf_dots_csv"
    df = load(path)
    x19 = _value(df, "CHN", "BLR", "X", 2019)
    assert x19.value == pytest.approx(1200.25e6) and x19.estimate  # Status row says e
    assert not _value(df, "CHN", "BLR", "X", 2018).estimate
    jan = df[(df.period_start == "2020-01") & (df.period_end == "2020-01")]
    assert jan.value.tolist() == pytest.approx([95.5e6])
    assert set(df.partner) == {"BLR", "CHN"}  # aggregate partner dropped
    assert df.attrs["dropped"]["aggregate country"] == 1


def test_dots_panel_csv():
    df = load(FIX / "DOT_02-15-2022_panel_constructed.csv")
    assert _value(df, "BLR", "CHN", "M", 2019).value == pytest.approx(3700.7e6)
    assert _value(df, "BLR", "W00", "X", 2019).value == pytest.approx(33000e6)
    assert len(df) == 5


def test_dots_csv_unknown_country(tmp_path):
    src = (FIX / "DOT_02-15-2022_panel_constructed.csv").read_text(encoding="utf-8")
    p = tmp_path / "DOT_panel.csv"
    p.write_text(src.replace('"World","001"', '"Atlantis","777"'), encoding="utf-8")
    with pytest.raises(LoadError, match="Atlantis") as exc:
        load(p)
    assert "line 4" in str(exc.value)


def test_docstring_examples():
    import doctest

    from tradecheck.loaders import belstat, gacc, imf

    for mod in (imf, gacc, belstat):
        assert doctest.testmod(mod, optionflags=doctest.ELLIPSIS).failed == 0, mod.__name__


# ---------------------------------------------------------------- real third-party DOTS tables

SHARED = shared_root() / "data"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="the shared folder is absent")


@needs_shared
def test_real_dots_table_with_country_label_and_current_imf_names():
    """Real (Mali): 'Country' in the year-header row, 'Türkiye, Rep of', a repeated partner."""
    df = load(SHARED / "third_party" / "yiniad_Mali_Exports_and_Imports_by_Areas_and_Co.xlsx")
    assert set(df.reporter) == {"MLI"}
    chn = _value(df, "MLI", "CHN", "X", 2000)
    assert chn.value == pytest.approx(0.001653e6) and chn.valuation == "FOB"
    assert _value(df, "MLI", "TUR", "X", 2022).value == pytest.approx(48.944602e6)
    dropped = load_report(df).dropped
    assert dropped["aggregate partner row"] == 35
    assert dropped["duplicate partner cell (identical value)"] == 46  # Australia listed twice


@needs_shared
def test_real_dots_table_with_quarterly_columns():
    """Real (reporter World): columns 2000Q1..2019Q4 instead of years."""
    df = load(SHARED / "third_party" / "episodev20_Exports_and_Imports_by_Areas_and_Co.xlsx")
    q1 = df[(df.partner == "BLR") & (df.period_start == "2000-01")].iloc[0]
    assert (q1.reporter, q1.flow, q1.period_end) == ("W00", "X", "2000-03")
    assert q1.value == pytest.approx(1741.254606e6)
    q4 = df[(df.partner == "W00") & (df.period_start == "2019-10")].iloc[0]
    assert q4.period_end == "2019-12" and q4.value == pytest.approx(4760629.263718e6)
    assert not (df.period_start.str[5:] == df.period_end.str[5:]).any()  # never monthly/annual


def test_constructed_dots_table_with_monthly_columns_and_country_label(tmp_path):
    """Constructed in the real layout: 'Country' label cell, monthly columns 2020M1, 2020M2."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Imports, CIF"
    ws["B2"] = "Imports, CIF from Partner Countries"
    ws["B4"] = "Belarus, Rep. of"
    ws["B5"] = "US Dollars, Millions"
    ws["B7"], ws["C7"], ws["D7"] = "Country", "2020M1", "2020M2"
    ws["B8"], ws["C8"], ws["D8"] = "World", 3000.0, 3100.0
    ws["B9"], ws["C9"], ws["D9"] = "Türkiye, Rep of", 20.5, 21.0
    f = tmp_path / "monthly.xlsx"
    wb.save(f)
    df = load(f)
    feb = df[(df.partner == "TUR") & (df.period_start == "2020-02")].iloc[0]
    assert (feb.period_end, feb.flow, feb.valuation, feb.value) == ("2020-02", "M", "CIF", 21.0e6)


def test_unreadable_dots_workbook_names_its_sheets(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "Notes"
    wb.active["A1"] = "nothing here"
    f = tmp_path / "x.xlsx"
    wb.save(f)
    with pytest.raises(LoadError, match=r"no DOTS table in sheet\(s\) 'Notes'"):
        load_dots_xlsx(f)


def _table_from_column_a(path: Path, *, names_last: bool) -> Path:
    """Constructed: a DOTS sheet moved one column left, so its year header starts in column A;
    with ``names_last`` each partner name sits in the row's last cell instead."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Exports, FOB"
    ws["A2"], ws["A4"], ws["A5"] = (
        "Exports, FOB to Partner Countries",
        "Belarus, Rep. of",
        "US Dollars, Millions",
    )
    ws["A7"], ws["B7"] = "2019", "2020"
    for i, (name, a, b) in enumerate([("World", 30000.0, 29000.0), ("China", 600.5, 700.25)], 8):
        ws[f"A{i}"], ws[f"B{i}"] = a, b
        if names_last:
            ws[f"C{i}"] = name
    wb.save(path)
    return path


@pytest.mark.parametrize("names_last", [False, True])
def test_dots_header_in_column_a_is_not_the_layout(tmp_path, capsys, names_last):
    """A period header starting in column A leaves no partner-name column: one LoadError at the
    header row and column A (the old code read the row's last cell as the partner name)."""
    from tradecheck import cli

    f = _table_from_column_a(tmp_path / "shifted.xlsx", names_last=names_last)
    with pytest.raises(LoadError) as exc:
        load(f)
    assert exc.value.row == 7 and exc.value.column == "A"
    assert "no column for the partner names" in exc.value.message
    assert "expected the names in the column just before the first period" in exc.value.message
    assert cli.main(["load", str(f)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"tradecheck: error: {f}, line 7, column 'A': sheet 'Exports, FOB'")


def test_dots_names_in_column_a_periods_from_b(tmp_path):
    """Constructed: names in column A and periods from column B is the layout, one column left."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Exports, FOB"
    ws["A2"], ws["A4"], ws["A5"] = (
        "Exports, FOB to Partner Countries",
        "Belarus, Rep. of",
        "US Dollars, Millions",
    )
    ws["B7"], ws["C7"] = "2019", "2020"
    ws["A8"], ws["B8"], ws["C8"] = "World", 30000.0, 29000.0
    ws["A9"], ws["B9"], ws["C9"] = "China, P.R.: Mainland", 600.5, 700.25
    f = tmp_path / "left.xlsx"
    wb.save(f)
    df = load(f)
    assert _value(df, "BLR", "CHN", "X", 2020).value == pytest.approx(700.25e6)
    assert _value(df, "BLR", "W00", "X", 2019).source_ref == "sheet Exports, FOB row 8 col B"
