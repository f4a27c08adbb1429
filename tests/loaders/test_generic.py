"""Generic tidy CSV/Excel loader: mapping, units, countries, periods."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from tradecheck import schema
from tradecheck.errors import LoadError
from tradecheck.loaders import detect, load
from tradecheck.loaders.generic import load_generic, parse_period, scale_of


@pytest.fixture
def gen(fixtures_dir):
    return fixtures_dir / "generic"


def test_canonical_names_without_mapping(gen):
    f = gen / "tidy_canonical.csv"
    assert detect(f).name == "generic"
    df = load(f)
    assert df["reporter"].tolist() == ["BLR", "CHN", "CHN", "BLR"]
    assert df["partner"].tolist() == ["CHN", "BLR", "BLR", "CHN"]
    assert list(zip(df["period_start"], df["period_end"], strict=True)) == [
        ("2020-01", "2020-12"),
        ("2020-03", "2020-03"),
        ("2020-04", "2020-06"),
        ("2019-01", "2019-06"),
    ]
    assert df["value"].tolist() == [1000.0, 25.5, 70.0, 300.0]
    assert df["valuation"].tolist() == ["FOB", "CIF", "unknown", "unknown"]
    assert df["flow"].tolist() == ["X", "M", "X", "T"]
    assert set(df["source"]) == {"generic"}
    assert df["source_ref"].tolist() == ["line 2", "line 3", "line 4", "line 5"]


def test_mapping_sidecar_units_flows_and_russian_names(gen):
    f = gen / "mapped_semicolon_ru.csv"
    assert detect(f).name == "generic"
    df = load(f)
    assert df["flow"].tolist() == ["X", "M"]
    assert df["value"].tolist() == [556_100.0, 1_234_500.0]  # thousand US$ -> US$
    assert df[["reporter", "partner"]].drop_duplicates().values.tolist() == [["BLR", "CHN"]]


def test_unit_option_overrides_sidecar(gen):
    df = load(gen / "mapped_semicolon_ru.csv", unit="million")
    assert df["value"].tolist() == [556_100_000.0, 1_234_500_000.0]


def test_mapping_dict_flat_form_and_flow_option(tmp_path):
    f = tmp_path / "t.csv"
    f.write_text("From,To,Month,USD\nBelarus,China,2024-02,10\n")
    df = load_generic(
        f,
        mapping={"reporter": "From", "partner": "To", "period": "Month", "value": "USD"},
        flow="M",
    )
    assert df.loc[0, "flow"] == "M" and (df.loc[0, "exporter"], df.loc[0, "importer"]) == (
        "CHN",
        "BLR",
    )


def test_excel_with_mapping_sheet_and_skip_rows(tmp_path):
    f = tmp_path / "table.xlsx"
    with pd.ExcelWriter(f) as xw:
        pd.DataFrame({"x": [1]}).to_excel(xw, sheet_name="notes", index=False)
        body = pd.DataFrame(
            {
                "Reporter": ["China", "China"],
                "Partner": ["Belarus", "Belarus"],
                "Flow": ["Exports", "Imports"],
                "Year": [2022, 2022],
                "US$ mn": [1.5, 4.25],
            }
        )
        body.to_excel(xw, sheet_name="data", index=False, startrow=2)
    m = {
        "columns": {
            "reporter": "Reporter",
            "partner": "Partner",
            "flow": "Flow",
            "period": "Year",
            "value": "US$ mn",
        },
        "unit": "million",
        "sheet": "data",
        "skip_rows": 2,
    }
    df = load(f, format="generic", mapping=m)
    assert df["value"].tolist() == [1_500_000.0, 4_250_000.0]
    assert df["flow"].tolist() == ["X", "M"]
    assert df["source_ref"].tolist() == ["sheet data row 4", "sheet data row 5"]
    schema.validate(df)


def test_excel_sidecar_makes_it_detected(tmp_path):
    f = tmp_path / "t.xlsx"
    pd.DataFrame(
        {"reporter": ["BLR"], "partner": ["CHN"], "flow": ["X"], "period": ["2020"], "value": [5]}
    ).to_excel(f, index=False)
    (tmp_path / "t.xlsx.mapping.json").write_text(json.dumps({"unit": "thousand"}))
    assert detect(f).name == "generic"
    assert load(f)["value"].tolist() == [5000.0]


def test_per_row_unit_column(tmp_path):
    f = tmp_path / "t.csv"
    f.write_text(
        "reporter,partner,flow,period,value,unit\nBLR,CHN,X,2020,2,million\n"
        "BLR,CHN,M,2020,3,thousand\n"
    )
    df = load_generic(
        f,
        mapping={
            "columns": {
                "reporter": "reporter",
                "partner": "partner",
                "flow": "flow",
                "period": "period",
                "value": "value",
                "unit": "unit",
            }
        },
    )
    assert df["value"].tolist() == [2e6, 3e3]


def test_unknown_unit_is_rejected(tmp_path, gen):
    with pytest.raises(LoadError, match=r"unknown unit 'lakh'.*thousand, million"):
        load(gen / "mapped_semicolon_ru.csv", unit="lakh")
    f = tmp_path / "t.csv"
    f.write_text("reporter,partner,flow,period,value,unit\nBLR,CHN,X,2020,2,crore\n")
    with pytest.raises(LoadError) as exc:
        load_generic(
            f,
            mapping={
                "reporter": "reporter",
                "partner": "partner",
                "flow": "flow",
                "period": "period",
                "value": "value",
                "unit": "unit",
            },
        )
    assert "line 2" in str(exc.value) and "'unit'" in str(exc.value)


def test_unknown_mapping_name(tmp_path):
    f = tmp_path / "t.csv"
    f.write_text("a\n1\n")
    with pytest.raises(LoadError, match=r"unknown canonical name.*exporter_name"):
        load_generic(f, mapping={"exporter_name": "a"})


def test_mapped_column_absent(tmp_path):
    f = tmp_path / "t.csv"
    f.write_text("Country,Value\nBLR,1\n")
    with pytest.raises(LoadError) as exc:
        load_generic(f, mapping={"reporter": "Land"})
    assert "no column 'Land'" in str(exc.value) and "Country, Value" in str(exc.value)


@pytest.mark.parametrize(
    "cell, flow, expected",
    [
        ("BLR", "Q", "unknown flow 'Q'"),
        ("Atlantis", "X", "unknown country 'Atlantis'"),
    ],
)
def test_cell_errors_name_line_and_column(tmp_path, cell, flow, expected):
    f = tmp_path / "t.csv"
    f.write_text(
        f"reporter,partner,flow,period,value\nBLR,CHN,X,2020,1\n{cell},CHN,{flow},2020,1\n"
    )
    with pytest.raises(LoadError) as exc:
        load(f)
    assert "t.csv, line 3" in str(exc.value) and expected in str(exc.value)


def test_non_numeric_value_and_bad_period(tmp_path):
    f = tmp_path / "t.csv"
    f.write_text("reporter,partner,flow,period,value\nBLR,CHN,X,2020,n/a\n")
    with pytest.raises(LoadError, match=r"line 2, column 'value': expected a number"):
        load(f)
    f.write_text("reporter,partner,flow,period,value\nBLR,CHN,X,last year,5\n")
    with pytest.raises(LoadError, match=r"line 2, column 'period': expected a period"):
        load(f)


@pytest.mark.parametrize(
    "cell, want",
    [
        ("2021", ("2021-01", "2021-12")),
        (2021, ("2021-01", "2021-12")),
        (2021.0, ("2021-01", "2021-12")),
        ("2021-03", ("2021-03", "2021-03")),
        ("202103", ("2021-03", "2021-03")),
        ("2021M3", ("2021-03", "2021-03")),
        ("2021/03", ("2021-03", "2021-03")),
        ("2021-03-01", ("2021-03", "2021-03")),
        (pd.Timestamp("2021-11-01"), ("2021-11", "2021-11")),
        ("2021Q4", ("2021-10", "2021-12")),
        ("2021-01..2021-09", ("2021-01", "2021-09")),
    ],
)
def test_parse_period(cell, want):
    assert parse_period(cell) == want


@pytest.mark.parametrize("cell", ["2021-13", "21", "2021-06..2021-01", "Q1"])
def test_parse_period_rejects(cell):
    with pytest.raises(ValueError):
        parse_period(cell)


@pytest.mark.parametrize(
    "unit, factor",
    [
        (None, 1.0),
        ("", 1.0),
        ("thousand", 1e3),
        ("Thousands", 1e3),
        ("US$ million", 1e6),
        ("млн", 1e6),
        ("bn", 1e9),
        (1000, 1e3),
    ],
)
def test_scale_of(unit, factor):
    assert scale_of(unit) == factor
