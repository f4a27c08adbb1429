"""Tests for the China-customs loaders (constructed fixtures in the real formats)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
import pytest
from _shared_path import shared_root

from tradecheck import paths
from tradecheck.errors import LoadError
from tradecheck.loaders import detect, load, load_report
from tradecheck.loaders.gacc import load_bulletin_csv, load_bulletin_xlsx, load_query_csv

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "gacc"
EXPORT = FIX / "export-2024-01_02_hs8_by_partner_constructed.csv"
IMPORT_CNY = FIX / "进口_2024年1-6月_白俄罗斯_人民币_constructed.csv"
BOM = FIX / "query_total_by_partner_utf8bom_constructed.csv"
BULL_CSV = FIX / "bulletin_table2_2024-06_usd_constructed.csv"
BULL_XLSX = FIX / "bulletin_table2_2024-06_usd_constructed.xlsx"

HEADER = "数据年月,商品编码,贸易伙伴编码,贸易伙伴名称,美元\r\n"


def _write(tmp_path: Path, name: str, text: str, enc: str = "gb18030") -> Path:
    p = tmp_path / name
    p.write_bytes(text.encode(enc))
    return p


def test_fixture_bytes_are_gb18030():
    raw = EXPORT.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert "白俄罗斯" in raw.decode("gb18030")


def test_query_export(digest):
    before = digest(EXPORT)
    assert detect(EXPORT).name == "gacc_query_csv"
    df = load(EXPORT)
    assert digest(EXPORT) == before
    assert set(df.reporter) == {"CHN"} and set(df.flow) == {"X"} and set(df.valuation) == {"FOB"}
    assert set(df.source) == {"gacc"} and set(df.currency) == {"USD"}
    blr = df[df.partner == "BLR"].set_index(["period_start", "commodity"])
    assert blr.loc[("2024-01", "87032343"), "value"] == 21345678.0
    assert blr.loc[("2024-01", "02023000"), "value"] == 45600.0  # leading zero kept
    feb = blr.loc[("2024-02", "87032343")]
    assert feb.value == 17065432.0 and feb.period_end == "2024-02"
    # the record before it spans two physical lines (newline inside quotes)
    assert feb.source_ref == "line 5"
    assert set(df.classification) == {"HS"}
    assert df.attrs["dropped"]["group/unspecified partner"] == 1  # 701 国(地)别不详
    assert "RUS" in set(df.partner)


def test_query_import_cny_period_option_and_sum():
    with pytest.raises(LoadError, match="period="):
        load(IMPORT_CNY)
    df = load(IMPORT_CNY, period="2024-01..2024-06")
    assert set(df.flow) == {"M"} and set(df.valuation) == {"CIF"} and set(df.currency) == {"CNY"}
    potash = df[df.commodity == "31042020"].iloc[0]
    assert potash.value == 234567890.0 + 45678901.0  # two 贸易方式 lines summed
    assert (potash.period_start, potash.period_end) == ("2024-01", "2024-06")
    assert "sum of 2 lines" in potash.note
    assert any("备注" in k for k in df.attrs["dropped"])


def test_query_bom_needs_flow(tmp_path):
    with pytest.raises(LoadError) as exc:
        load(BOM)
    assert "flow=" in str(exc.value)
    df = load(BOM, flow="M")
    assert set(df.flow) == {"M"} and set(df.commodity) == {"TOTAL"}
    assert df[df.partner == "BLR"].value.iloc[0] == 123456789.0
    renamed = tmp_path / "import_2024-03_total.csv"
    shutil.copy(BOM, renamed)
    assert set(load(renamed).flow) == {"M"}
    chinese = tmp_path / "2024年3月出口.csv"
    shutil.copy(BOM, chinese)
    assert set(load(chinese).flow) == {"X"}


def test_query_unit_option():
    df = load(BOM, flow="X", unit=1000)
    assert df[df.partner == "BLR"].value.iloc[0] == 123456789.0 * 1000


def test_query_bad_flow_option():
    with pytest.raises(LoadError, match="flow="):
        load(BOM, flow="sideways")


def test_query_wrong_encoding(tmp_path):
    p = _write(
        tmp_path, "export-x.csv", HEADER + '202401,87032343,340,白俄罗斯,"1,000"\r\n', "utf-16"
    )
    with pytest.raises(LoadError, match="GB18030"):
        load_query_csv(p)


def test_query_non_numeric_value(tmp_path):
    p = _write(
        tmp_path,
        "export-x.csv",
        HEADER + '202401,87032343,340,白俄罗斯,"1,000"\r\n202402,87032343,340,白俄罗斯,abc\r\n',
    )
    with pytest.raises(LoadError) as exc:
        load(p)
    assert "line 3" in str(exc.value) and "美元" in str(exc.value)


def test_query_unknown_partner(tmp_path):
    p = _write(tmp_path, "export-x.csv", HEADER + '202401,87032343,888,某国,"1,000"\r\n')
    with pytest.raises(LoadError, match="888"):
        load(p)
    with pytest.raises(
        LoadError, match=r"no rows loaded: 1 row\(s\) were dropped .*unknown partner"
    ):
        load(p, unknown="skip")
    assert load(p, unknown="skip", allow_empty=True).empty


def test_query_bad_month_and_no_value_column(tmp_path):
    p = _write(tmp_path, "export-x.csv", HEADER + '202413,87032343,340,白俄罗斯,"1,000"\r\n')
    with pytest.raises(LoadError, match="YYYYMM"):
        load(p)
    q = _write(
        tmp_path, "export-y.csv", "数据年月,商品编码,贸易伙伴编码,欧元\r\n202401,1,340,5\r\n"
    )
    with pytest.raises(LoadError, match="美元"):
        load_query_csv(q)


# ---------------------------------------------------------------- bulletin table (2)


@pytest.mark.parametrize("path", [BULL_CSV, BULL_XLSX])
def test_bulletin(path):
    assert detect(path).name.startswith("gacc_bulletin")
    df = load(path)
    blr = df[df.partner == "BLR"]
    got = {(r.flow, r.period_start, r.period_end): r.value for r in blr.itertuples()}
    assert got == {
        ("X", "2024-06", "2024-06"): 450300e3,
        ("X", "2024-01", "2024-06"): 2600400e3,
        ("M", "2024-06", "2024-06"): 250200e3,
        ("M", "2024-01", "2024-06"): 1500200e3,
        ("T", "2024-06", "2024-06"): 700500e3,
        ("T", "2024-01", "2024-06"): 4100600e3,
    }
    assert set(df.reporter) == {"CHN"} and "W00" in set(df.partner)
    assert df.attrs["dropped"]["group row"] == 2  # 亚洲, 欧洲
    nil = df[(df.partner == "UKR") & (df.flow == "M") & (df.period_start == "2024-06")].iloc[0]
    assert nil.value == 0.0 and "nil" in nil.note
    assert (df.value >= 0).all()


def test_bulletin_january_has_no_duplicate_ytd(tmp_path):
    text = BULL_CSV.read_bytes().decode("gb18030").replace("2024年6月", "2024年1月")
    p = _write(tmp_path, "bulletin.csv", text)
    df = load_bulletin_csv(p)
    blr = df[(df.partner == "BLR") & (df.flow == "X")]
    assert blr[["period_start", "period_end"]].values.tolist() == [["2024-01", "2024-01"]]


def test_bulletin_needs_year_month_and_unit(tmp_path):
    text = BULL_CSV.read_bytes().decode("gb18030")
    p = _write(tmp_path, "b1.csv", text.replace("(2)2024年6月", "(2)"))
    with pytest.raises(LoadError, match="year="):
        load_bulletin_csv(p)
    assert not load_bulletin_csv(p, year=2024, month=6).empty
    q = _write(tmp_path, "b2.csv", text.replace("单位：千美元", ""))
    with pytest.raises(LoadError, match="unit"):
        load_bulletin_csv(q)
    assert (
        load_bulletin_csv(q, unit="千美元").value.tolist()
        == load_bulletin_csv(BULL_CSV).value.tolist()
    )


def test_bulletin_unknown_country_and_bad_number(tmp_path):
    text = BULL_CSV.read_bytes().decode("gb18030")
    p = _write(tmp_path, "b1.csv", text.replace("乌克兰", "某某国"))
    with pytest.raises(LoadError, match="某某国"):
        load_bulletin_csv(p)
    assert "UKR" not in set(load_bulletin_csv(p, unknown="skip").partner)
    q = _write(tmp_path, "b2.csv", text.replace('"450,300"', "四十五万"))
    with pytest.raises(LoadError, match="expected a number"):
        load_bulletin_csv(q)


def test_bulletin_xlsx_without_header(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(["国别", "当月"])
    wb.save(tmp_path / "x.xlsx")
    with pytest.raises(LoadError, match="header not found"):
        load_bulletin_xlsx(tmp_path / "x.xlsx")


# ------------------------------------------- English bulletin table (2): HTML and Excel-97 .xls

SHARED = shared_root() / "data"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="the shared folder is absent")
RAW_GACC = paths.RAW / "gacc"
JAN, JUN = (
    "gacc_bulletin_t2_by_country_2026-01_BLR.html",
    "gacc_bulletin_t2_by_country_2026-06_BLR.html",
)

# China as reporter, US$ 1,000, as printed in the two real pages (data/raw/gacc/)
JAN_BLR = {"T": 882_239, "X": 695_175, "M": 187_064}
JUN_BLR_MONTH = {"T": 941_756, "X": 815_863, "M": 125_893}
JUN_BLR_YTD = {"T": 5_273_396, "X": 4_190_593, "M": 1_082_803}


def _en_rows(df, partner, start, end):
    sub = df[(df.partner == partner) & (df.period_start == start) & (df.period_end == end)]
    return {r.flow: r for r in sub.itertuples()}


def _check_january(df):
    got = _en_rows(df, "BLR", "2026-01", "2026-01")
    assert {f: r.value for f, r in got.items()} == {f: v * 1e3 for f, v in JAN_BLR.items()}
    assert "year-on-year 35.1% as published" in got["M"].note  # percentage kept, no level
    assert set(df.reporter) == {"CHN"} and set(df.currency) == {"USD"}
    assert {(r.flow, r.valuation) for r in got.values()} == {
        ("T", "unknown"), ("X", "FOB"), ("M", "CIF")
    }  # fmt: skip
    assert len(df[df.partner == "BLR"]) == 3  # January: the month is the year to date


def _check_june(df):
    month = _en_rows(df, "BLR", "2026-06", "2026-06")
    ytd = _en_rows(df, "BLR", "2026-01", "2026-06")
    assert {f: r.value for f, r in month.items()} == {f: v * 1e3 for f, v in JUN_BLR_MONTH.items()}
    assert {f: r.value for f, r in ytd.items()} == {f: v * 1e3 for f, v in JUN_BLR_YTD.items()}
    assert "year-on-year 29.4% as published" in ytd["T"].note
    assert not any("year-on-year" in r.note for r in month.values())
    # the TOTAL row's Jan-Jun total is "############": missing, never zero
    world_ytd = _en_rows(df, "W00", "2026-01", "2026-06")
    assert set(world_ytd) == {"X", "M"} and (df.value > 0).all()
    assert not (df.period_start < "2026-01").any()  # no invented 2025 levels


@needs_shared
def test_real_gacc_bulletin_pages_exact_values():
    jan = load(SHARED / "gacc" / JAN)
    _check_january(jan)
    assert set(jan.vintage) == {"2026-04-08"}  # the date printed on the page
    jun = load(SHARED / "gacc" / JUN)
    _check_june(jun)
    rep = load_report(jun)
    assert rep.dropped == {"missing values ('-' or '############', not zero)": 1}
    note = "table row 5 (TOTAL): year-on-year 21.2% for T kept only here, its level is missing"
    assert rep.notes == [f"{(SHARED / 'gacc' / JUN).as_posix()}: {note} in the table"]


def test_shipped_gacc_pages_match_their_sidecars(digest):
    for name, vintage in ((JAN, "2026-04-08"), (JUN, "2026-07-22")):
        f = RAW_GACC / name
        meta = json.loads((RAW_GACC / f"{name}.meta.json").read_text(encoding="utf-8"))
        assert meta["sha256"] == digest(f) and meta["vintage"] == vintage
        assert meta["reported_by"] == "CHN" and "english.customs.gov.cn" in meta["source_url"]
        df = load(f)
        (_check_january if name == JAN else _check_june)(df)


def test_constructed_xls_june_layout():
    f = FIX / "bulletin_en_t2_2026-06_constructed.xls"
    assert detect(f).name == "gacc_bulletin_xls"
    df = load(f)
    _check_june(df)
    assert load_report(df).dropped["continent row"] == 1
    assert df.source_ref.str.startswith("sheet Table2 row ").all()


def test_constructed_xls_january_layout():
    f = FIX / "bulletin_en_t2_2026-01_constructed.xls"
    _check_january(load(f))


def test_constructed_html_dash_is_missing_and_bad_sum_is_an_error(tmp_path):
    """Constructed from the real June page's layout: a '-' cell, then a broken total."""
    page = (RAW_GACC / JUN).read_text(encoding="utf-8")
    dashed = tmp_path / "dash.html"
    dashed.write_text(page.replace("125,893&nbsp;", "-"), encoding="utf-8")
    df = load(dashed)
    assert "M" not in _en_rows(df, "BLR", "2026-06", "2026-06")
    wrong = tmp_path / "wrong.html"
    wrong.write_text(page.replace("815,863&nbsp;", "815,000&nbsp;"), encoding="utf-8")
    with pytest.raises(LoadError, match="exports 815,000 \\+ imports 125,893 != total 941,756"):
        load(wrong)


def test_html_header_for_another_month_is_an_error(tmp_path):
    page = (RAW_GACC / JUN).read_text(encoding="utf-8")
    f = tmp_path / "mislabelled.html"
    f.write_text(
        page.replace("Origin/Destination,6.2026", "Origin/Destination,7.2026"), encoding="utf-8"
    )
    with pytest.raises(LoadError, match="header does not match month 7"):
        load(f)


@needs_shared
def test_real_query_csv_without_flow_in_name_needs_flow():
    """Real: China-customs query CSV, GB18030, 人民币, 8-digit codes, trailing empty column."""
    f = SHARED / "third_party" / "harukaworks_2024in.csv"
    with pytest.raises(LoadError, match="flow='M'"):
        load(f)
    df = load(f, flow="M")
    assert len(df) == 36 and set(df.currency) == {"CNY"} and set(df.flow) == {"M"}
    arg = df[(df.partner == "ARG") & (df.period_start == "2024-01")].iloc[0]
    assert (arg.commodity, arg.value) == ("12019019", 639_240_426.0)
