"""Industrial-goods definitions (tradecheck.claims.scope), and the steps of
``scope._collapse_hs``: coarsest HS level, then chapters (constructed rows)."""

from __future__ import annotations

import doctest

import pytest

from tradecheck import schema
from tradecheck.claims import scope
from tradecheck.claims.scope import DEFINITIONS, hs_chapter_map, industrial_value


def frame(codes: dict[str, float], cls: str, year: str = "2021", flow: str = "X"):
    recs = [
        {
            "reporter": "CHN",
            "partner": "BLR",
            "flow": flow,
            "period_start": f"{year}-01",
            "period_end": f"{year}-12",
            "commodity": c,
            "classification": cls,
            "value": v,
            "source": "comtrade",
            "source_file": "f",
            "source_ref": c,
            "vintage": "v",
        }
        for c, v in codes.items()
    ]
    return schema.validate(schema.make_frame(recs))


KW = {
    "reporter": "CHN",
    "exporter": "CHN",
    "importer": "BLR",
    "start": "2021-01",
    "end": "2021-12",
    "source": "comtrade",
}


def value(df, d):
    got, why = industrial_value(df, d, **KW)
    return (None, why) if got is None else (got.value, got)


def test_docstring_examples():
    assert doctest.testmod(scope).failed == 0


def test_hs_chapter_table_is_complete():
    cmap = hs_chapter_map()
    expected = {f"{i:02d}" for i in range(1, 100)} - {"77"}
    assert set(cmap) == expected
    assert {r["sitc_section"] for r in cmap.values()} <= set("0123456789")
    assert cmap["27"]["sitc_section"] == "3" and cmap["31"]["sitc_section"] == "5"
    assert cmap["76"]["sitc_division"] == "68"


def test_sitc_sections_and_exclusions():
    df = frame(
        {"0": 50, "5": 100, "6": 200, "68": 40, "667": 10, "7": 500, "8": 150, "9": 10}, "S4"
    )
    assert value(df, "D1")[0] == 950
    assert value(df, "D2")[0] == 910
    assert value(df, "D3")[0] == 900
    assert value(df, "D5")[0] == 960
    _, sv = value(df, "D3")
    assert not sv.approximate and sv.how.startswith("D3 from SITC rows (S4)")


def test_section_from_divisions_when_no_section_row():
    df = frame({"5": 100, "61": 30, "68": 20, "7": 10, "8": 5}, "S3")
    assert value(df, "D1")[0] == 165  # section 6 = 61 + 68
    assert value(df, "D2")[0] == 145


def test_exclusion_not_separable_at_coarse_level():
    df = frame({"5": 100, "6": 200, "7": 500, "8": 150}, "S4")
    assert value(df, "D1")[0] == 950
    v, why = value(df, "D2")
    assert v is None and "cannot be separated" in why


def test_missing_section_counts_as_zero_with_note():
    df = frame({"5": 100, "7": 500, "8": 150, "0": 3}, "S4")
    v, sv = value(df, "D1")
    assert v == 750 and any("counted as zero" in n for n in sv.notes)


def test_hs_path_is_approximate_and_uses_one_level():
    df = frame({"31": 400, "3104": 390, "44": 120, "04": 80, "27": 30, "76": 10, "71": 5}, "H6")
    v, sv = value(df, "D1")
    assert v == 400 + 120 + 10 + 5  # chapters only; the 4-digit 3104 row is not added
    assert sv.approximate and any("approximate" in n for n in sv.notes)
    assert value(df, "D2")[0] == 525  # less chapter 76 (division 68)
    assert value(df, "D3")[0] == 520  # less 76 and 71 (group 667)


def test_no_detail_and_other_window():
    df = frame({"TOTAL": 1000}, "TOTAL")
    v, why = value(df, "D1")
    assert v is None and "no commodity detail" in why
    df = frame({"5": 100}, "S4", year="2020")
    v, why = value(df, "D1")
    assert v is None and "2021-01..2021-12" in why


def test_detail_of_the_other_direction_is_not_used():
    df = frame({"5": 100}, "S4", flow="M")  # China's imports from Belarus
    v, why = value(df, "D1")
    assert v is None and "for this flow" in why


@pytest.mark.parametrize("d", sorted(DEFINITIONS))
def test_definitions_are_sitc_based(d):
    assert set(DEFINITIONS[d].sections) <= set("56789")


def test_fine_hs_rows_are_summed_to_chapters_once():
    # HS6 rows only: 310420 + 310490 (chapter 31) and 440711 (chapter 44), 870323 (chapter 87)
    df = frame({"310420": 300, "310490": 100, "440711": 50, "870323": 25, "270900": 70}, "H6")
    # a revised vintage of one code must replace, not add to, the first
    rev = frame({"310420": 310}, "H6")
    rev["vintage"] = "w"
    df = schema.make_frame(list(df.to_dict("records")) + list(rev.to_dict("records")))
    v, sv = value(df, "D1")
    assert v == 310 + 100 + 50 + 25
    refs = {c: wv.rows["source_ref"].iloc[0] for _, c, wv in sv.pieces}
    assert refs["31"] == "sum of 2 HS 6-digit rows of chapter 31"
    cache: dict = {}
    a, _ = industrial_value(df, "D5", cache=cache, **KW)
    b, _ = industrial_value(df, "D5", cache=cache, **KW)
    assert a.value == b.value == 485 and cache


def _rows(codes: dict[str, float], cls: str = "H5", vintage: str = "v"):
    recs = [
        {
            "reporter": "KAZ",
            "partner": "CHN",
            "flow": "M",
            "period_start": "2022-01",
            "period_end": "2022-12",
            "commodity": c,
            "classification": cls,
            "value": v,
            "source": "comtrade",
            "source_file": "g",
            "source_ref": c,
            "vintage": vintage,
        }
        for c, v in codes.items()
    ]
    return schema.validate(schema.make_frame(recs))


def test_coarsest_level_keeps_the_shortest_codes_only():
    df = _rows({"84": 9.0, "8471": 4.0, "847130": 2.0})
    assert list(scope._coarsest_level(df)["commodity"]) == ["84"]
    assert scope._code_depth(df) == 2


def test_sum_to_chapters_sums_the_latest_vintage_and_names_the_rows():
    old = _rows({"847130": 2.0, "847150": 3.0, "850440": 7.0})
    new = _rows({"847130": 5.0}, vintage="w")
    df = schema.make_frame(list(old.to_dict("records")) + list(new.to_dict("records")))
    out = scope._sum_to_chapters(df, "H5")
    assert list(out.columns) == list(df.columns)
    got = dict(zip(out["commodity"], out["value"], strict=True))
    assert got == {"84": 8.0, "85": 7.0}
    assert out["source_ref"].iloc[0] == "sum of 2 HS 6-digit rows of chapter 84"
    assert set(out["note"]) == {"aggregated from HS 6-digit rows (H5)"}


def test_collapse_keeps_chapters_and_other_classifications_as_they_are():
    hs = _rows({"27": 11.0, "2709": 6.0})
    sitc = _rows({"7": 30.0}, cls="S4")
    df = schema.make_frame(list(hs.to_dict("records")) + list(sitc.to_dict("records")))
    out = scope._collapse_hs(df)
    assert sorted(zip(out["classification"], out["commodity"], strict=True)) == [
        ("H5", "27"),
        ("S4", "7"),
    ]
    assert scope._collapse_hs(sitc) is sitc
