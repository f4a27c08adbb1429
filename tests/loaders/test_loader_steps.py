"""Step functions of the loaders, pinned one rule at a time on constructed inputs.

Every frame, row and grid below is constructed for the test (no real file is read). The steps
are private helpers of :func:`tradecheck.loaders.comtrade.normalise_records`,
:func:`tradecheck.loaders.gacc.load_query_csv`, ``gacc._bulletin`` and
:func:`tradecheck.loaders.published.load_published`; the public loaders are tested in the
per-source test files.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from tradecheck.errors import LoadError
from tradecheck.loaders import comtrade, gacc, published

PATH = Path("constructed.csv")


def _cols(**columns: list[str]) -> comtrade._Cols:
    return comtrade._Cols(pd.DataFrame(columns))


def _where(n: int, start: int = 2, ref: str = "line") -> comtrade._Where:
    return comtrade._Where(PATH, np.arange(start, start + n), ref)


# ----------------------------------------------------------------------------- Comtrade


def test_breakdown_rows_are_dropped_once_under_the_first_rule():
    cols = _cols(
        customsCode=["C00", "C01", "", "C01"],
        motCode=["0", "0", "1000", "1000"],
    )
    keep, dropped = comtrade._breakdown_rows(cols)
    assert keep.tolist() == [True, False, False, False]
    # row 4 breaks both rules and is counted under the customs rule only
    assert dropped == Counter(
        {
            "customs-procedure breakdown (customsCode other than C00)": 2,
            "mode-of-transport breakdown (motCode other than 0)": 1,
        }
    )


def test_absent_breakdown_columns_keep_every_row():
    keep, dropped = comtrade._breakdown_rows(_cols(flowCode=["X", "M"]))
    assert keep.all() and not dropped


def test_flow_codes_map_legacy_numbers_and_fall_back_to_the_description():
    cols = _cols(flowCode=["1", "2", "", "rx"], flowDesc=["", "", "Import", ""])
    flow, column = comtrade._flow_codes(cols, np.ones(4, dtype=bool), _where(4))
    assert flow.tolist() == ["M", "X", "M", "RX"] and column == "flowCode"


def test_unknown_flow_description_names_its_line():
    cols = _cols(flowDesc=["Export", "Transit"])
    with pytest.raises(LoadError, match="unknown flow 'Transit'") as err:
        comtrade._flow_codes(cols, np.ones(2, dtype=bool), _where(2, start=7))
    assert err.value.row == 8 and err.value.column == "flowDesc"


def test_unknown_flow_description_on_a_dropped_row_is_not_an_error():
    cols = _cols(flowDesc=["Export", "Transit"])
    flow, column = comtrade._flow_codes(cols, np.array([True, False]), _where(2))
    assert flow.tolist() == ["X", ""] and column == "flowDesc"


def test_component_flows_are_dropped_and_counted_by_code():
    flow = pd.Series(["X", "DX", "FM", "DX", "M"])
    dropped: Counter[str] = Counter()
    keep = comtrade._drop_flows(flow, np.ones(5, dtype=bool), dropped, "flowCode", _where(5))
    assert keep.tolist() == [True, False, False, False, True]
    assert dropped == Counter(
        {
            "flow DX (a part of X/M, not an equivalent)": 2,
            "flow FM (a part of X/M, not an equivalent)": 1,
        }
    )


def test_a_flow_neither_kept_nor_dropped_is_an_error_in_record_terms():
    flow = pd.Series(["X", "Q"])
    with pytest.raises(LoadError, match="record 2: unknown flow 'Q'"):
        comtrade._drop_flows(
            flow, np.ones(2, dtype=bool), Counter(), "flowCode", _where(2, 1, "record")
        )


def test_value_falls_back_to_cif_for_imports_and_fob_for_exports():
    cols = _cols(primaryValue=["", "", "5"], cifvalue=["10", "11", ""], fobvalue=["20", "21", ""])
    is_imp = pd.Series([True, False, False])
    assert comtrade._values(cols, is_imp, _where(3)).tolist() == [10.0, 21.0, 5.0]


def test_empty_value_names_the_column_it_fell_back_to():
    cols = _cols(cifvalue=["10", ""], fobvalue=["", ""])
    with pytest.raises(LoadError, match="empty cell") as err:
        comtrade._values(cols, pd.Series([True, True]), _where(2))
    assert err.value.column == "cifvalue" and err.value.row == 3


def test_special_area_codes_are_mapped_and_noted():
    cols = _cols(reporterISO=["BLR", "_X"], reporterCode=["112", "899"])
    got, note = comtrade._countries(cols, "reporter", _where(2))
    assert got.tolist() == ["BLR", "XNS"]
    assert note is not None and note.tolist() == ["", "Comtrade reporter _X mapped to XNS"]


def test_no_commodity_column_assumes_total_unless_keys_repeat():
    cols = _cols(x=["a", "b"])
    key = {"r": ["BLR", "BLR"], "f": ["X", "M"]}
    commodity, note = comtrade._commodity(cols, key, _where(2))
    assert commodity.tolist() == ["TOTAL", "TOTAL"] and note is not None
    with pytest.raises(LoadError, match="several rows for one reporter"):
        comtrade._commodity(cols, {"r": ["BLR", "BLR"], "f": ["X", "X"]}, _where(2))


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        (("2021", "A", "", "", ""), ("2021-01", "2021-12")),
        (("2021-03", "M", "", "", ""), ("2021-03", "2021-03")),
        (("", "", "52", "20210101", ""), ("2021-01", "2021-12")),
        (("", "M", "", "20210601", ""), ("2021-06", "2021-06")),
        (("", "", "3", "", "2021"), ("2021-03", "2021-03")),
    ],
)
def test_period_of_reads_period_then_ref_period_id_then_ref_year(cells, expected):
    assert comtrade._period_of(*cells) == expected


@pytest.mark.parametrize(
    ("cells", "column", "text"),
    [
        (("", "M", "13", "", "2021"), "refMonth", "expected a month 1-12"),
        (("", "M", "abc", "", "2021"), "refMonth", "got 'abc'"),
        (("", "M", "", "", "2021"), "refMonth", "got ''"),
        (("", "M", "", "20211301", ""), "refPeriodId", "expected 01-12"),
        (("202113", "M", "", "", ""), "period", "expected 01-12"),
        (("", "", "", "", "2021"), "freqCode", "cannot tell annual from monthly"),
    ],
)
def test_a_bad_month_names_the_column_it_came_from(cells, column, text):
    with pytest.raises(ValueError) as err:
        comtrade._period_of(*cells)
    assert err.value.args[0] == column and text in err.value.args[1]


def test_a_bad_ref_month_is_one_line_naming_line_and_column():
    rec = {"freqCode": "M", "refYear": "2021", "refMonth": "x", "reporterISO": "BLR"}
    rec |= {"partnerISO": "CHN", "flowCode": "X", "primaryValue": "5"}
    with pytest.raises(LoadError) as err:
        comtrade.normalise_records(pd.DataFrame([rec] * 2), PATH, vintage="2026-01-01")
    assert (err.value.row, err.value.column) == (2, "refMonth")
    assert "invalid literal" not in str(err.value) and "\n" not in str(err.value)


# ----------------------------------------------------------------------------- China customs


def test_bulletin_value_columns_follow_the_spanning_group_and_skip_yoy():
    top = ["国别(地区)", "进出口", "", "出口", "", "进口", "", "累计比去年同期±%", ""]
    sub = [
        "",
        "当月",
        "1至当月累计",
        "当月",
        "1至当月累计",
        "当月",
        "1至当月累计",
        "进出口",
        "出口",
    ]
    got = gacc._value_columns(PATH, top, sub, 3)
    assert got == {
        1: ("T", "month"),
        2: ("T", "ytd"),
        3: ("X", "month"),
        4: ("X", "ytd"),
        5: ("M", "month"),
        6: ("M", "ytd"),
    }


def test_bulletin_without_import_month_column_names_the_header_row():
    with pytest.raises(LoadError, match="进口 当月") as err:
        gacc._value_columns(PATH, ["", "出口"], ["", "当月"], 3)
    assert err.value.row == 4


def test_bulletin_unit_from_the_title_rows_prefers_the_longest_label():
    assert gacc._unit_label(PATH, "2024年6月 单位：百万美元", 2, {}) == "百万美元"
    assert gacc._unit_label(PATH, "no unit here", 2, {"unit": "万元"}) == "万元"
    with pytest.raises(LoadError, match="unit line not found"):
        gacc._unit_label(PATH, "no unit here", 2, {})


def _query(**kw) -> gacc._Query:
    base = dict(
        path=PATH,
        idx={"贸易伙伴编码": 0, "贸易伙伴名称": 1, "美元": 2},
        vcol="美元",
        flow="X",
        fixed_period=("2024-01", "2024-02"),
        unit=1.0,
        vintage="2026-01-01",
        unknown_skip=False,
    )
    return gacc._Query(**{**base, **kw})


def test_query_partner_groups_are_dropped_and_blank_partner_is_world():
    dropped: Counter[str] = Counter()
    assert gacc._query_partner(_query(), ["", "", "5"], 2, dropped) == "W00"
    assert gacc._query_partner(_query(), ["100", "亚洲", "5"], 3, dropped) is None
    assert dropped == Counter({"group/unspecified partner": 1})


def test_query_value_empty_is_none_and_negative_is_an_error():
    assert gacc._query_value(_query(), ["", "", "-"], 2) is None
    assert gacc._query_value(_query(unit=10.0), ["", "", "1,234"], 2) == 12340.0
    with pytest.raises(LoadError, match="negative trade value") as err:
        gacc._query_value(_query(), ["", "", "-5"], 9)
    assert err.value.row == 9


def test_query_records_carry_the_line_a_quoted_newline_starts_on():
    text = 'a,b\n1,"two\nlines"\n\n3,4\n'
    assert list(gacc._records(text)) == [(2, ["1", "two\nlines"]), (5, ["3", "4"])]


# ----------------------------------------------------------------------------- published


def _row(**kw: str) -> dict[str, str]:
    base = {"reporter_side": "BLR", "direction": "BLR->CHN"}
    return {**base, **kw}


@pytest.mark.parametrize(
    ("side", "direction", "expected"),
    [
        ("BLR", "BLR->CHN", ("X", "BLR", "CHN")),
        ("CHN", "BLR->CHN", ("M", "BLR", "CHN")),
        ("unknown", "CHN->BLR", ("X", "CHN", "BLR")),
        ("BLR", "both", ("T", "BLR", "CHN")),
        ("CHN", "balance_BLR", ("B", "BLR", "CHN")),
    ],
)
def test_published_flow_follows_the_reporting_side(side, direction, expected):
    r = _row(reporter_side=side, direction=direction)
    reporter, _partner = published._reporter_partner(PATH, r, 2, ("BLR", "CHN"))
    assert published._flow_direction(PATH, r, 2, ("BLR", "CHN"), reporter) == expected


def test_published_direction_outside_the_pair_names_the_cell():
    r = _row(direction="RUS->CHN")
    with pytest.raises(LoadError, match="expected both, BLR->CHN") as err:
        published._flow_direction(PATH, r, 4, ("BLR", "CHN"), "BLR")
    assert err.value.row == 4 and err.value.column == "direction"
