"""Loader options given as text (``--opt key=value``) or as Python values: a value a loader
cannot use is one LoadError naming the file, the option and what was expected (CLI: exit 2, one
line), never the generic "loader could not read" message; good values still work.

Inputs are the constructed fixtures of tests/fixtures and workbooks built here (constructed)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from tradecheck import cli
from tradecheck.errors import LoadError
from tradecheck.loaders import load

FIX = Path(__file__).parents[1] / "fixtures"
IMTS = FIX / "imf" / "imts_sdmx20_annual_constructed.csv"
DOTS_PANEL = FIX / "imf" / "DOT_02-15-2022_panel_constructed.csv"
QUERY = FIX / "gacc" / "export-2024-01_02_hs8_by_partner_constructed.csv"
QUERY_NO_MONTH = FIX / "gacc" / "进口_2024年1-6月_白俄罗斯_人民币_constructed.csv"
BELSTAT = FIX / "belstat" / "belstat_by_country_2021-01_08_cp1251_constructed.csv"
BULLETIN = FIX / "gacc" / "bulletin_table2_2024-06_usd_constructed.csv"
BULLETIN_EN = FIX / "gacc" / "bulletin_en_t2_2026-01_constructed.xls"

NUMBER = "expected a number above 0 up to 1e+12"
MONTHS = "expected months 01-12, the first not after the last"


def _dots_workbook(path: Path, *, units: str | None) -> Path:
    """Constructed DOTS country table (real layout: names in B, years from C)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Exports, FOB"
    ws["B2"], ws["B4"] = "Exports, FOB to Partner Countries", "Belarus, Rep. of"
    if units:
        ws["B5"] = units
    ws["C7"], ws["D7"] = "2019", "2020"
    ws["B8"], ws["C8"], ws["D8"] = "World", 30000.0, 29000.0
    ws["B9"], ws["C9"], ws["D9"] = "China, P.R.: Mainland", 600.5, 700.25
    wb.save(path)
    return path


def _no_units(d: Path) -> Path:
    return _dots_workbook(d / "dots_no_units.xlsx", units=None)


def _with_units(d: Path) -> Path:
    return _dots_workbook(d / "dots_units.xlsx", units="US Dollars, Millions")


CASES = {
    "imts scale text": (lambda d: IMTS, "scale", "abc", "expected a whole number from 0 to 12"),
    "imts scale fraction": (lambda d: IMTS, "scale", "6.5", "expected a whole number from 0 to 12"),
    "dots csv unit text": (lambda d: DOTS_PANEL, "unit", "abc", NUMBER),
    "dots csv unit negative": (lambda d: DOTS_PANEL, "unit", "-1", NUMBER),
    "dots xlsx unit text": (_no_units, "unit", "millions", NUMBER),
    "dots xlsx unit zero": (_no_units, "unit", "0", NUMBER),
    "dots xlsx unit not 10^k": (_no_units, "unit", "5000", "expected a power of ten"),
    "dots xlsx unit beside units row": (_with_units, "unit", "abc", NUMBER),
    "gacc query unit text": (lambda d: QUERY, "unit", "1,000", NUMBER),
    "gacc bulletin year text": (lambda d: BULLETIN, "year", "abc", "from 1900 to 2100"),
    "gacc bulletin month 13": (lambda d: BULLETIN, "month", "13", "from 1 to 12"),
    "gacc bulletin_en month name": (lambda d: BULLETIN_EN, "month", "June", "from 1 to 12"),
    "belstat period month 13": (lambda d: BELSTAT, "period", "2021-13..2021-20", MONTHS),
    "belstat period reversed": (lambda d: BELSTAT, "period", "2021-08..2021-01", MONTHS),
    "gacc query period reversed": (lambda d: QUERY_NO_MONTH, "period", "2024-06..2024-01", MONTHS),
    "gacc query period word": (lambda d: QUERY_NO_MONTH, "period", "H1 2024", "'YYYY-MM..YYYY-MM'"),
    "dots xlsx reporter unknown": (_with_units, "reporter", "XYZ", "expected an ISO3 code"),
    "dots xlsx reporter empty": (_no_units, "reporter", "", "expected an ISO3 code"),
    "imts check_scale word": (lambda d: IMTS, "check_scale", "maybe", "expected true or false"),
    "dots csv check_scale": (lambda d: DOTS_PANEL, "check_scale", "2", "expected true or false"),
    "dots xlsx check_scale": (_with_units, "check_scale", "off?", "expected true or false"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_option_value_is_named(tmp_path, case):
    make, name, value, expected = CASES[case]
    f = make(tmp_path)
    with pytest.raises(LoadError) as exc:
        load(f, **{name: value})
    assert exc.value.message.startswith(f"option {name}={value!r}: ")
    assert expected in exc.value.message
    assert exc.value.path.endswith(f.name) and "could not read" not in str(exc.value)


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_option_value_cli_exit_2_one_line(tmp_path, capsys, case):
    make, name, value, expected = CASES[case]
    f = make(tmp_path)
    assert cli.main(["load", str(f), "--opt", f"{name}={value}"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count("\n") == 1
    assert err.startswith(f"tradecheck: error: {f}: option {name}={value!r}: ")
    assert expected in err


def test_good_option_values_still_apply(tmp_path):
    """Text values as --opt gives them: scale='6', unit='1e6', unit='1000', year/month."""
    imts = load(IMTS)
    assert load(IMTS, scale="0").value.tolist() == imts.value.tolist()
    dots = load(_no_units(tmp_path), unit="1e6")
    assert dots[dots.partner == "CHN"].value.tolist() == pytest.approx([600.5e6, 700.25e6])
    named = load(_no_units(tmp_path), unit="1e6", reporter="China")
    assert set(named.reporter) == {"CHN"} and len(named) == len(dots)
    panel = load(DOTS_PANEL)
    assert load(DOTS_PANEL, unit="1e6").value.tolist() == panel.value.tolist()
    query = load(QUERY)
    scaled = load(QUERY, unit="1000", check_scale=False)
    assert scaled.value.tolist() == pytest.approx((query.value * 1000).tolist())
    bulletin = load(BULLETIN)
    same = load(BULLETIN, year="2024", month="6")
    assert same.value.tolist() == bulletin.value.tolist()
    assert set(same.period_end) == set(bulletin.period_end)


@pytest.mark.parametrize("text", ["False", "false", "no", "0"])
def test_check_scale_false_from_the_cli_turns_the_check_off(tmp_path, capsys, text):
    """``--opt check_scale=False`` arrives as text; the text "False" used to count as true, so
    the magnitude check still refused values scaled 1000 times too large."""
    args = ["load", str(DOTS_PANEL), "--opt", "unit=1e9", "--out", str(tmp_path / "t.csv")]
    assert cli.main(args) == 2
    assert "implausible" in capsys.readouterr().err
    assert cli.main([*args, "--opt", f"check_scale={text}"]) == 0
    assert "wrote 5 rows" in capsys.readouterr().out
