"""Industrial-goods definitions (tradecheck.claims.scope)."""

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
