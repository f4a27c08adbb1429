"""Tests for the Belstat loaders (constructed fixtures; the real layout is unverified)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from tradecheck.errors import LoadError
from tradecheck.loaders import detect, load
from tradecheck.loaders.belstat import load_text, load_xlsx, parse_number_ru, parse_period_ru

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "belstat"
XLSX = FIX / "belstat_by_country_2020_constructed.xlsx"
CSV = FIX / "belstat_by_country_2021-01_08_cp1251_constructed.csv"
HTML = FIX / "belstat_by_country_2019_cp1251_constructed.html"


def _get(df, partner, flow):
    sel = df[(df.partner == partner) & (df.flow == flow)]
    assert len(sel) == 1, (partner, flow, len(sel))
    return sel.iloc[0]


def test_xlsx(digest):
    before = digest(XLSX)
    assert detect(XLSX).name == "belstat_xlsx"
    df = load(XLSX)
    assert digest(XLSX) == before
    assert set(df.reporter) == {"BLR"} and set(df.source) == {"belstat"}
    chn_x = _get(df, "CHN", "X")
    assert chn_x.value == pytest.approx(700000.5e3)
    assert (chn_x.period_start, chn_x.period_end) == ("2020-01", "2020-12")
    assert _get(df, "CHN", "M").value == pytest.approx(3500000.25e3)
    assert _get(df, "CHN", "B").value == pytest.approx(-2799999.75e3)
    assert _get(df, "W00", "X").value == pytest.approx(29100000.5e3)
    assert _get(df, "UKR", "M").value == 0.0  # "-" nil
    # group rows (СНГ, ЕАЭС, вне СНГ, "в том числе:", "из них:") skipped; % columns ignored
    assert df.attrs["dropped"]["group row"] == 5
    assert set(df.partner) == {"W00", "RUS", "KAZ", "CHN", "DEU", "USA", "UKR"}
    assert len(df) == 7 * 3


def test_csv_cp1251_decimal_comma_nbsp():
    raw = CSV.read_bytes()
    assert b"\xa0" in raw  # NBSP thousands separators in Windows-1251
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert detect(CSV).name == "belstat_text"
    df = load(CSV)
    chn = _get(df, "CHN", "X")
    assert chn.value == pytest.approx(560300.7e3)
    assert (chn.period_start, chn.period_end) == ("2021-01", "2021-08")
    assert _get(df, "CHN", "M").value == pytest.approx(2580400.1e3)
    assert _get(df, "CHN", "B").value == pytest.approx(-2020099.4e3)
    assert df.attrs["dropped"]["group row"] == 1


def test_html_cp1251_millions():
    assert detect(HTML).name == "belstat_text"
    df = load(HTML)
    chn = _get(df, "CHN", "M")
    assert chn.value == pytest.approx(3800.6e6)
    assert (chn.period_start, chn.period_end) == ("2019-01", "2019-12")
    assert chn.source_ref.startswith("html table row")
    assert set(df.flow) == {"X", "M", "B"}  # the "Оборот в %" column is a percentage


def test_parse_helpers():
    assert parse_period_ru("январь-июнь 2021 г.") == ("2021-01", "2021-06")
    assert parse_period_ru("без периода") is None
    assert parse_number_ru(Path("x"), "1\u00a0234,5", row=1, column="c") == 1234.5
    assert parse_number_ru(Path("x"), "…", row=1, column="c") is None
    with pytest.raises(LoadError, match="expected a number"):
        parse_number_ru(Path("x"), "12a", row=3, column="c")


def _csv(tmp_path: Path, body: list[str], name: str = "b.csv", enc: str = "cp1251") -> Path:
    p = tmp_path / name
    p.write_bytes("\r\n".join(body).encode(enc))
    return p


GOOD = [
    "Внешняя торговля товарами по странам, январь-март 2021 г.",
    "тыс. долларов США",
    "Страна;Экспорт;Импорт",
    "Китай;100,5;200,5",
]


def test_csv_utf8_accepted(tmp_path):
    df = load_text(_csv(tmp_path, GOOD, enc="utf-8"))
    assert _get(df, "CHN", "X").value == pytest.approx(100.5e3)


def test_unknown_country_row(tmp_path):
    p = _csv(tmp_path, GOOD + ["Нарния;1,0;2,0"])
    with pytest.raises(LoadError, match="Нарния") as exc:
        load_text(p)
    assert "line 5" in str(exc.value)
    assert "CHN" in set(load_text(p, unknown="skip").partner)


def test_missing_unit(tmp_path):
    body = [GOOD[0], "", GOOD[2], GOOD[3]]
    with pytest.raises(LoadError, match="unit row"):
        load_text(_csv(tmp_path, body))
    assert _get(
        load_text(_csv(tmp_path, body, "c.csv"), unit=1e6), "CHN", "X"
    ).value == pytest.approx(100.5e6)


def test_missing_period(tmp_path):
    body = ["Внешняя торговля товарами по странам", *GOOD[1:]]
    with pytest.raises(LoadError, match="period="):
        load_text(_csv(tmp_path, body))
    df = load_text(_csv(tmp_path, body, "c.csv"), period="2021-01..2021-03")
    assert _get(df, "CHN", "M").period_end == "2021-03"


def test_non_numeric(tmp_path):
    with pytest.raises(LoadError, match="expected a number") as exc:
        load_text(_csv(tmp_path, GOOD + ["Германия;сто;2,0"]))
    assert "line 5" in str(exc.value)


def test_wrong_encoding(tmp_path):
    p = tmp_path / "b.csv"
    p.write_bytes("国别,出口,进口\r\n白俄罗斯,1,2\r\n".encode("gb18030"))
    with pytest.raises(LoadError, match="wrong encoding"):
        load_text(p)
    q = tmp_path / "m.csv"
    q.write_bytes(
        "\r\n".join(GOOD).encode("utf-8").decode("cp1252", "replace").encode("cp1251", "replace")
    )
    with pytest.raises(LoadError):
        load_text(q)


def test_header_not_found(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(["Экспорт и импорт товаров"])
    wb.active.append(["тыс. долларов США"])
    wb.save(tmp_path / "x.xlsx")
    with pytest.raises(LoadError, match="header not found"):
        load_xlsx(tmp_path / "x.xlsx")


@pytest.mark.parametrize("unit", ["thousand", "nan", "0", "-5", "1e300"])
def test_unit_option_must_be_a_positive_multiplier(unit):
    with pytest.raises(LoadError, match=r"option unit=.*expected a number above 0 up to 1e\+12"):
        load(CSV, unit=unit)


def test_unit_option_overrides_the_unit_row():
    df = load(CSV, unit="1")
    assert _get(df, "CHN", "X").value == pytest.approx(560300.7)


def test_step_functions_on_a_small_grid():
    from tradecheck.loaders import belstat

    grid = [
        ["Экспорт и импорт, январь-март 2021 г."],
        ["тыс. долларов США"],
        [None, "Экспорт", "Импорт", "Экспорт в % к 2020"],
        ["Китай", "1 000,5", "…", "101,2"],
    ]
    p = Path("constructed.csv")
    hdr = belstat._find_header(p, grid)
    assert hdr == 2 and belstat._header_block(grid, hdr) == (2, 2)
    labels = belstat._labels(grid, 2, 2, hdr)
    cols = belstat._value_columns(p, labels, ("2021-01", "2021-03"), hdr)
    assert cols == {1: ("X", ("2021-01", "2021-03")), 2: ("M", ("2021-01", "2021-03"))}
    df = belstat._table(p, grid, {"vintage": "2021-04-20"}, None)
    assert df[["partner", "flow", "value"]].values.tolist() == [["CHN", "X", 1000500.0]]
