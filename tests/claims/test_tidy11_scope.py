"""The steps of ``scope._collapse_hs``: coarsest HS level, then chapters (constructed rows)."""

from __future__ import annotations

from tradecheck import schema
from tradecheck.claims import scope


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
