"""Tests of the canonical table (tradecheck.schema)."""

from __future__ import annotations

import pandera.errors
import pytest

from tradecheck import schema
from tradecheck.errors import SchemaError


def _row(**kw):
    base = dict(
        reporter="CHN",
        partner="BLR",
        flow="X",
        period_start="2021-01",
        period_end="2021-12",
        commodity="TOTAL",
        value=2_729_411_952.0,
        currency="USD",
        valuation="FOB",
        source="comtrade",
        source_file="data/raw/x.csv",
        source_ref="line 2",
        vintage="2026-11-29",
    )
    base.update(kw)
    return base


def test_make_frame_fills_defaults_and_direction():
    df = schema.make_frame([_row(), _row(reporter="BLR", partner="CHN", flow="M")])
    assert list(df.columns) == list(schema.CANONICAL_COLUMNS)
    assert df.loc[0, "exporter"] == "CHN" and df.loc[0, "importer"] == "BLR"
    # Belarus's imports from China: goods still go CHN -> BLR
    assert df.loc[1, "exporter"] == "CHN" and df.loc[1, "importer"] == "BLR"
    assert df.loc[0, "scope"] == "goods" and df.loc[0, "bound"] == "eq"
    assert df["value"].dtype == "float64"
    assert schema.validate(df) is df


@pytest.mark.parametrize(
    ("field", "bad", "column"),
    [
        ("reporter", "Belarus", "reporter"),
        ("flow", "EXPORT", "flow"),
        ("period_start", "2021-13", "period_start"),
        ("period_end", "2020-12", "period_end"),
        ("value", float("nan"), "value"),
        ("value", -5.0, "value"),
        ("valuation", "fob", "valuation"),
        ("source", "somewhere", "source"),
    ],
)
def test_validate_names_the_failing_column(field, bad, column):
    df = schema.make_frame([_row(**{field: bad})])
    with pytest.raises(SchemaError) as exc:
        schema.validate(df)
    assert repr(column) in str(exc.value)
    assert "data/raw/x.csv" in str(exc.value)


def test_negative_value_allowed_only_for_balances():
    schema.validate(schema.make_frame([_row(flow="B", value=-1e9, source="published")]))


def test_unknown_side_only_for_published():
    ok = schema.make_frame(
        [
            _row(
                reporter="XXX",
                partner="XXX",
                flow="T",
                source="published",
                exporter="BLR",
                importer="CHN",
            )
        ]
    )
    schema.validate(ok)
    assert ok.loc[0, "exporter"] == "BLR"
    with pytest.raises(SchemaError):
        schema.validate(schema.make_frame([_row(reporter="XXX", partner="XXX")]))


def test_missing_column_is_reported():
    df = schema.make_frame([_row()]).drop(columns=["vintage"])
    with pytest.raises(SchemaError, match="vintage"):
        schema.validate(df)


def test_empty_frame_is_valid():
    assert schema.validate(schema.empty_frame()).empty


def test_month_range_crosses_years():
    assert schema.month_range("2024-11", "2025-02") == ["2024-11", "2024-12", "2025-01", "2025-02"]
    assert schema.month_range("2025-03", "2025-02") == []


def test_pandera_twin_accepts_a_valid_frame():
    df = schema.make_frame([_row()])
    schema.pandera_schema().validate(df)


def test_pandera_twin_rejects_a_bad_flow():
    df = schema.make_frame([_row(flow="Q")])
    with pytest.raises(pandera.errors.SchemaError):
        schema.pandera_schema().validate(df)
