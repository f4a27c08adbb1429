"""UN Comtrade loaders: API JSON, website CSV, bulk TSV, legacy CSV/JSON, normalise_records."""

from __future__ import annotations

import json
import os
import warnings

import pandas as pd
import pytest
from _shared_path import shared_root

from tradecheck import paths, schema
from tradecheck.errors import LoadError
from tradecheck.loaders import comtrade, detect, load, load_report
from tradecheck.loaders.base import LoadWarning
from tradecheck.loaders.report import MISSING

CT = "comtrade"
REAL_EXTRACT = paths.RAW / "comtrade" / "comtrade_exports_2021A_all_pairs_subset_columns.csv"


@pytest.fixture
def ct(fixtures_dir):
    return fixtures_dir / CT


def one(df, **eq):
    mask = pd.Series(True, index=df.index)
    for k, v in eq.items():
        mask &= df[k] == v
    got = df[mask]
    assert len(got) == 1, f"expected one row for {eq}, got {len(got)}"
    return got.iloc[0]


# ----------------------------------------------------------------------------- detection


@pytest.mark.parametrize(
    "name, fmt",
    [
        ("api_response_real_CHN_2010_A_TOTAL_partners_ARG_DEU.json", "comtrade_json"),
        ("api_response_real_empty.json", "comtrade_json"),
        ("api_error_401.json", "comtrade_json"),
        ("api_error_429.json", "comtrade_json"),
        ("website_subset_real_rows.csv", "comtrade_csv"),
        ("website_subset_real_rows_cp1252.csv", "comtrade_csv"),
        ("website_47cols_from_real_api.csv", "comtrade_csv"),
        ("bulk_constructed_C_A_2021_H5.txt.gz", "comtrade_bulk"),
        ("legacy_22cols_constructed.csv", "comtrade_legacy_csv"),
        ("legacy_35cols_constructed.csv", "comtrade_legacy_csv"),
        ("legacy_api_constructed.json", "comtrade_legacy_json"),
    ],
)
def test_detected_by_content(ct, tmp_path, name, fmt):
    assert detect(ct / name).name == fmt
    # content, not the file name, decides
    renamed = tmp_path / "download.dat"
    renamed.write_bytes((ct / name).read_bytes())
    assert detect(renamed).name == fmt


# ----------------------------------------------------------------------------- API JSON


def test_real_api_response(ct):
    df = load(ct / "api_response_real_CHN_2010_A_TOTAL_partners_ARG_DEU.json")
    assert len(df) == 4
    assert set(df["reporter"]) == {"CHN"} and set(df["partner"]) == {"ARG", "DEU"}
    imp = one(df, partner="DEU", flow="M")
    assert imp["value"] == 74251272075.0
    assert imp["valuation"] == "CIF"
    assert (imp["exporter"], imp["importer"]) == ("DEU", "CHN")
    exp = one(df, partner="DEU", flow="X")
    assert exp["value"] == 68047133397.0 and exp["valuation"] == "FOB"
    assert (exp["period_start"], exp["period_end"]) == ("2010-01", "2010-12")
    assert set(df["commodity"]) == {"TOTAL"} and set(df["classification"]) == {"H3"}
    assert df["source_ref"].tolist() == ["record 1", "record 2", "record 3", "record 4"]
    assert set(df["source"]) == {"comtrade"} and set(df["currency"]) == {"USD"}


def test_empty_result_is_an_empty_frame_not_an_error(ct):
    df = load(ct / "api_response_real_empty.json")
    assert df.empty
    assert list(df.columns) == list(schema.CANONICAL_COLUMNS)


@pytest.mark.parametrize(
    "name, code", [("api_error_401.json", "401"), ("api_error_429.json", "429")]
)
def test_http_error_bodies_are_load_errors(ct, name, code):
    with pytest.raises(LoadError) as exc:
        load(ct / name)
    msg = str(exc.value)
    assert name in msg and f"HTTP {code}" in msg and "expected the envelope" in msg


def test_error_field_is_a_load_error(ct):
    with pytest.raises(LoadError, match="constructed example of a non-empty error field"):
        load(ct / "api_error_field.json")


def test_monthly_records(ct):
    df = load(ct / "api_constructed_monthly.json")
    assert df["period_start"].tolist() == ["2023-01", "2023-02", "2023-03"]
    assert (df["period_start"] == df["period_end"]).all()
    assert df["value"].tolist() == [10.0, 20.0, 30.0]


# ----------------------------------------------------------------------------- double counting


def test_breakdown_rows_and_other_flows_are_dropped_with_a_warning(ct):
    with pytest.warns(LoadWarning) as rec:
        df = load(ct / "api_constructed_breakdown.json")
    text = " ".join(str(w.message) for w in rec)
    for what in ("customsCode", "motCode", "partner2Code", "flow DX"):
        assert what in text
    # 10 records: customs C01, mot 2100, partner2 643 and DX dropped
    assert len(df) == 6
    assert sorted(df["flow"]) == ["M", "RX", "X", "X", "X", "X"]
    assert not (df["value"].isin([900.0, 400.0, 50.0, 800.0])).any()


def test_total_and_chapter_rows_are_kept_apart(ct):
    with pytest.warns(LoadWarning):
        df = load(ct / "api_constructed_breakdown.json")
    x = df[(df["reporter"] == "CHN") & (df["partner"] == "BLR") & (df["flow"] == "X")]
    assert sorted(x["commodity"]) == ["27", "84", "8429", "TOTAL"]
    assert set(x["classification"]) == {"H6"}
    # The window sum of all goods uses the TOTAL row only: never TOTAL + chapters + breakdowns.
    total = x[x["commodity"] == "TOTAL"]
    assert total["value"].sum() == 1000.0
    assert x["value"].sum() != 1000.0  # summing everything would double count


def test_window_sum_through_derive_ignores_chapters_and_breakdowns(ct):
    from tradecheck.derive import window_value

    with pytest.warns(LoadWarning):
        df = load(ct / "api_constructed_breakdown.json")
    wv = window_value(
        df,
        reporter="CHN",
        exporter="CHN",
        importer="BLR",
        start="2023-01",
        end="2023-12",
        source="comtrade",
    )
    assert wv is not None
    assert wv.value == 1000.0
    assert set(wv.rows["commodity"]) == {"TOTAL"}


# ----------------------------------------------------------------------------- website CSV


def test_real_extract_blr_chn_2021_exact():
    df = load(REAL_EXTRACT)
    assert len(df) == 21338  # every data line of the real file
    b2c = one(df, reporter="BLR", partner="CHN", flow="X")
    c2b = one(df, reporter="CHN", partner="BLR", flow="X")
    assert b2c["value"] == 556_100_100.0
    assert c2b["value"] == 2_729_411_952.0
    for row in (b2c, c2b):
        assert (row["period_start"], row["period_end"]) == ("2021-01", "2021-12")
        assert row["valuation"] == "FOB" and row["commodity"] == "TOTAL"
        assert row["vintage"] == "2026-11-29"  # from the sidecar
    assert (b2c["exporter"], b2c["importer"]) == ("BLR", "CHN")
    assert (
        b2c["source_file"]
        == "data/raw/comtrade/comtrade_exports_2021A_all_pairs_subset_columns.csv"
    )
    assert b2c["source_ref"] == "line 2493"
    assert REAL_EXTRACT.read_text(encoding="utf-8").splitlines()[2492].endswith(",556100100")


def test_real_extract_special_area_codes():
    df = load(REAL_EXTRACT)
    assert set(comtrade.SPECIAL_ISO.values()) - {"W00"} <= set(df["partner"])
    assert "S19" in set(df["reporter"])
    row = one(df, reporter="BLR", partner="XNS")
    assert "_X" in row["note"]
    assert one(df, reporter="BLR", partner="W00")["value"] == 39889022800.0


def test_cp1252_variant_matches_utf8(ct):
    a = load(ct / "website_subset_real_rows.csv")
    b = load(ct / "website_subset_real_rows_cp1252.csv")
    cols = ["reporter", "partner", "flow", "period_start", "value"]
    pd.testing.assert_frame_equal(a[cols], b[cols])
    assert {"CIV", "CUW", "TUR"} <= set(a["partner"])
    assert one(a, reporter="S19", partner="CHN")["value"] == 126253718680.782


def test_47_column_csv_matches_the_json(ct):
    a = load(ct / "website_47cols_from_real_api.csv")
    b = load(ct / "api_response_real_CHN_2010_A_TOTAL_partners_ARG_DEU.json")
    cols = [
        "reporter",
        "partner",
        "flow",
        "period_start",
        "period_end",
        "value",
        "valuation",
        "classification",
    ]
    pd.testing.assert_frame_equal(a[cols], b[cols])
    assert a["source_ref"].tolist() == ["line 2", "line 3", "line 4", "line 5"]


# ----------------------------------------------------------------------------- bulk


def test_bulk_file(ct):
    with pytest.warns(LoadWarning, match="customsCode"):
        df = load(ct / "bulk_constructed_C_A_2021_H5.txt.gz")
    real = one(df, reporter="ARG")  # the real first row of a real bulk file
    assert real["partner"] == "W00" and real["flow"] == "M" and real["value"] == 641488.0
    assert real["commodity"] == "42" and real["classification"] == "S1"
    assert (real["period_start"], real["period_end"]) == ("1962-01", "1962-12")
    b = one(df, reporter="BLR", partner="CHN", flow="X", commodity="TOTAL")
    assert b["value"] == 1000.0 and b["valuation"] == "FOB"
    assert one(df, reporter="BLR", partner="CHN", flow="X", commodity="31")["value"] == 600.0
    assert not (df["value"] == 990.0).any()  # C03 breakdown dropped
    assert one(df, reporter="CHN", partner="W00")["value"] == 5000.0
    usa = one(df, reporter="USA")  # Comtrade code 842; primaryValue empty -> CIFValue
    assert usa["value"] == 30.0 and usa["valuation"] == "CIF"


def test_bulk_plain_text_also_loads(ct, tmp_path):
    import gzip

    plain = tmp_path / "C_A_2021.txt"
    plain.write_bytes(gzip.decompress((ct / "bulk_constructed_C_A_2021_H5.txt.gz").read_bytes()))
    with pytest.warns(LoadWarning):
        df = load(plain)
    assert len(df) == 8


# ----------------------------------------------------------------------------- legacy


def test_legacy_22_columns(ct):
    df = load(ct / "legacy_22cols_constructed.csv")
    afg = one(df, reporter="AFG")
    assert afg["partner"] == "W00" and afg["flow"] == "M" and afg["value"] == 309541080.0
    assert afg["classification"] == "S3" and afg["commodity"] == "0"
    assert one(df, reporter="BLR", partner="CHN", flow="X")["value"] == 1000.0
    assert one(df, reporter="BLR", partner="CHN", flow="M")["valuation"] == "CIF"
    assert one(df, reporter="BLR", partner="CHN", flow="RX")["value"] == 30.0
    march = one(df, reporter="BLR", partner="W00")
    assert (march["period_start"], march["period_end"]) == ("2012-03", "2012-03")


def test_legacy_35_columns(ct):
    with pytest.warns(LoadWarning, match="customsCode"):
        df = load(ct / "legacy_35cols_constructed.csv")
    assert one(df, flow="M")["value"] == 1500.0
    assert one(df, flow="RM")["value"] == 5.0
    assert one(df, flow="X")["commodity"] == "03"  # leading zero kept


def test_legacy_json(ct):
    df = load(ct / "legacy_api_constructed.json")
    uk = one(df, reporter="GBR")
    assert uk["partner"] == "W00" and uk["flow"] == "M" and uk["value"] == 638496202.0
    assert uk["commodity"] == "01"
    may = one(df, reporter="BLR")
    assert (may["period_start"], may["partner"], may["flow"]) == ("2013-05", "CHN", "X")


def test_legacy_json_status_not_ok(ct, tmp_path):
    doc = json.loads((ct / "legacy_api_constructed.json").read_text())
    doc["validation"]["status"].update(name="Result too large", value=5003)
    f = tmp_path / "big.json"
    f.write_text(json.dumps(doc))
    with pytest.raises(LoadError, match="Result too large"):
        load(f)


# ----------------------------------------------------------------------------- normalise_records


def _rec(**kw):
    base = {
        "freqCode": "A",
        "period": "2021",
        "reporterISO": "BLR",
        "partnerISO": "CHN",
        "flowCode": "X",
        "cmdCode": "TOTAL",
        "primaryValue": "100",
    }
    base.update(kw)
    return base


def test_normalise_minimal_subset_and_start_line(tmp_path):
    df = pd.DataFrame([_rec(), _rec(flowCode="M", primaryValue="250.5")])
    out = comtrade.normalise_records(
        df, tmp_path / "chunk.tsv", vintage="2025-01-01", start_line=1001
    )
    assert out["source_ref"].tolist() == ["line 1001", "line 1002"]
    assert out["vintage"].tolist() == ["2025-01-01"] * 2
    assert out["valuation"].tolist() == ["FOB", "CIF"]
    assert schema.validate(out) is out


def test_normalise_codes_only_uses_m49(tmp_path):
    df = pd.DataFrame(
        [
            {
                "refYear": 2021,
                "refMonth": 52,
                "reporterCode": 112,
                "partnerCode": 156,
                "flowCode": "X",
                "primaryValue": 1.0,
            }
        ]
    )
    out = comtrade.normalise_records(df, tmp_path / "x.csv", vintage="2025-01-01")
    assert out.loc[0, ["reporter", "partner", "period_start", "period_end"]].tolist() == [
        "BLR",
        "CHN",
        "2021-01",
        "2021-12",
    ]


def test_normalise_period_from_refperiodid(tmp_path):
    df = pd.DataFrame([_rec(period="", freqCode="M", refPeriodId="20240301")])
    out = comtrade.normalise_records(df, tmp_path / "x.csv", vintage="v")
    assert (out.loc[0, "period_start"], out.loc[0, "period_end"]) == ("2024-03", "2024-03")


def test_normalise_accepts_bulk_value_names(tmp_path):
    df = pd.DataFrame([_rec(primaryValue="", flowCode="M", CIFValue="77")])
    out = comtrade.normalise_records(df, tmp_path / "x.csv", vintage="v")
    assert out.loc[0, "value"] == 77.0


def test_normalise_missing_column_names_it(tmp_path):
    df = pd.DataFrame(
        [{"period": "2021", "reporterISO": "BLR", "partnerISO": "CHN", "primaryValue": "1"}]
    )
    with pytest.raises(LoadError, match="flowCode or flowDesc"):
        comtrade.normalise_records(df, tmp_path / "x.csv")


def test_normalise_contradicting_period(tmp_path):
    df = pd.DataFrame([_rec(period="202103", freqCode="A")])
    with pytest.raises(LoadError) as exc:
        comtrade.normalise_records(df, tmp_path / "x.csv", vintage="v")
    assert "line 2" in str(exc.value) and "'period'" in str(exc.value)


def test_normalise_no_commodity_column_but_several_rows_per_key(tmp_path):
    rows = [_rec(), _rec(primaryValue="5")]
    for r in rows:
        del r["cmdCode"]
    with pytest.raises(LoadError, match="commodity"):
        comtrade.normalise_records(pd.DataFrame(rows), tmp_path / "x.csv", vintage="v")


def test_normalise_cmddesc_other_than_all_commodities_needs_cmdcode(tmp_path):
    r = _rec(cmdDesc="Mineral fuels")
    del r["cmdCode"]
    with pytest.raises(LoadError, match="cmdCode"):
        comtrade.normalise_records(pd.DataFrame([r]), tmp_path / "x.csv", vintage="v")


def test_normalise_unknown_flow_code(tmp_path):
    with pytest.raises(LoadError, match="unknown flow 'ZZ'"):
        comtrade.normalise_records(pd.DataFrame([_rec(flowCode="ZZ")]), tmp_path / "x.csv")


def test_normalise_negative_value(tmp_path):
    with pytest.raises(LoadError, match="non-negative"):
        comtrade.normalise_records(
            pd.DataFrame([_rec(primaryValue="-3")]), tmp_path / "x.csv", vintage="v"
        )


def test_services_type_gives_services_scope(tmp_path):
    out = comtrade.normalise_records(
        pd.DataFrame([_rec(typeCode="S")]), tmp_path / "x.csv", vintage="v"
    )
    assert out.loc[0, "scope"] == "services"


def test_vintage_falls_back_to_file_date(tmp_path):
    f = tmp_path / "t.csv"
    f.write_text(
        "period,freqCode,reporterISO,partnerISO,flowCode,cmdCode,primaryValue\n"
        "2021,A,BLR,CHN,X,TOTAL,5\n"
    )
    os.utime(f, (1_700_000_000, 1_700_000_000))  # 2023-11-14 UTC
    assert load(f).loc[0, "vintage"] == "2023-11-14"
    (tmp_path / "t.csv.meta.json").write_text(json.dumps({"retrieved_at": "2025-02-03T10:00"}))
    assert load(f).loc[0, "vintage"] == "2025-02-03"


def test_code_map():
    assert comtrade.comtrade_code_to_iso3(842) == "USA"
    assert comtrade.comtrade_code_to_iso3("251") == "FRA"
    assert comtrade.comtrade_code_to_iso3(276) == "DEU"


def test_no_warning_for_clean_file(ct):
    with warnings.catch_warnings():
        warnings.simplefilter("error", LoadWarning)
        load(ct / "website_subset_real_rows.csv")


def test_semicolon_separated_resave(ct, tmp_path):
    import csv

    with (ct / "website_subset_real_rows.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    f = tmp_path / "resaved.csv"
    with f.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter=";").writerows(rows)
    assert detect(f).name == "comtrade_csv"
    df = load(f)
    assert one(df, reporter="CHN", partner="BLR")["value"] == 2_729_411_952.0


def test_count_mismatch_warns(ct, tmp_path):
    doc = json.loads((ct / "api_response_real_CHN_2010_A_TOTAL_partners_ARG_DEU.json").read_text())
    doc["data"] = doc["data"][:3]
    f = tmp_path / "cut_records.json"
    f.write_text(json.dumps(doc))
    with pytest.warns(LoadWarning, match="announces 4 record.s. but holds 3"):
        df = load(f)
    assert len(df) == 3
    assert load_report(df).dropped == {MISSING: 1}


# ------------------------------------------------- website CSV with trailing commas, services

SHARED = shared_root() / "data"
THIRD = SHARED / "third_party"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="the shared folder is absent")


def _trailing_comma_copy(ct, tmp_path, *, break_line=None):
    """Constructed: the real API rows of website_47cols_from_real_api.csv re-written the way
    comtradeplus writes its website download (every field quoted, a comma after the last
    field of each data row but not of the header, Latin-1 bytes)."""
    import csv

    with (ct / "website_47cols_from_real_api.csv").open(encoding="utf-8-sig", newline="") as fh:
        header, *rows = list(csv.reader(fh))
    rows[0][header.index("reporterDesc")] = "China (côte test)"  # a Latin-1 byte
    lines = [",".join(header)]
    for i, r in enumerate(rows, start=2):
        line = ",".join(f'"{v}"' if v else "" for v in r) + ","
        lines.append(line[:-1] if i == break_line else line)
    f = tmp_path / "TradeData_4_4_2025_15_19_17.csv"
    f.write_bytes(("\r\n".join(lines) + "\r\n").encode("latin-1"))
    return f, header, rows


def test_website_csv_trailing_commas_small_path(ct, tmp_path):
    f, header, rows = _trailing_comma_copy(ct, tmp_path)
    df = load(f)
    assert len(df) == len(rows) == 4
    want = [float(r[header.index("primaryValue")]) for r in rows]
    assert df["value"].tolist() == want
    assert set(df["partner"]) == {"ARG", "DEU"} and set(df["reporter"]) == {"CHN"}
    assert load_report(df).n_dropped == 0


def test_website_csv_trailing_commas_streaming_path(ct, tmp_path):
    from tradecheck.scale.bulk import ingest

    f, header, rows = _trailing_comma_copy(ct, tmp_path)
    df = ingest(f, progress=False)
    assert sorted(df["value"]) == sorted(float(r[header.index("primaryValue")]) for r in rows)


def test_website_csv_one_row_without_trailing_comma_names_the_line(ct, tmp_path):
    f, _, _ = _trailing_comma_copy(ct, tmp_path, break_line=4)
    with pytest.raises(LoadError, match="line 4") as exc:
        load(f)
    assert "extra delimiter" in str(exc.value)


def test_services_rows_get_valuation_unknown():
    rec = {"typeCode": "S", "freqCode": "A", "period": "2021", "reporterISO": "BLR",
           "partnerISO": "CHN", "flowCode": "X", "cmdCode": "S",
           "primaryValue": "1000"}  # fmt: skip
    goods = {**rec, "typeCode": "C", "cmdCode": "TOTAL", "flowCode": "M"}
    out = comtrade.normalise_records(pd.DataFrame([rec, goods]), "x.csv", vintage="2026-01-01")
    assert out["valuation"].tolist() == ["unknown", "CIF"]
    assert out["scope"].tolist() == ["services", "goods"]


def test_legacy_json_announcing_more_records_than_it_holds_is_flagged(ct, tmp_path):
    doc = json.loads((ct / "legacy_api_constructed.json").read_text(encoding="utf-8"))
    doc["validation"]["count"]["value"] = 360
    f = tmp_path / "legacy_cut.json"
    f.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.warns(LoadWarning, match="announces 360 record.s. but holds 2"):
        df = load(f)
    assert len(df) == 2 and load_report(df).dropped == {MISSING: 358}


@needs_shared
def test_real_comtradeplus_website_download_loads_every_row():
    """Real: 47 headers, every data row ends with a comma, Latin-1; 304 genuine totals."""
    f = THIRD / "fernandobarbalho_TradeData_4_4_2025_15_19_17.csv"
    df = load(f)
    assert len(df) == 304 and load_report(df).n_dropped == 0
    alb = one(df, reporter="ALB", partner="W00", flow="M")
    assert alb["value"] == 8_668_927_602.553 and alb["period_start"] == "2023-01"


@needs_shared
def test_real_comtradeplus_website_download_streams():
    from tradecheck.scale.bulk import ingest

    df = ingest(THIRD / "fernandobarbalho_TradeData_4_4_2025_15_19_17.csv", progress=False)
    assert len(df) == 304
    assert one(df, reporter="ALB", partner="W00", flow="M")["value"] == 8_668_927_602.553


@needs_shared
def test_real_api_csv_saved_by_pandas_keeps_aggregates_drops_second_partner_rows():
    """Real: China's imports of HS 8542 by partner, aggregate + second-partner rows."""
    import csv

    f = THIRD / "laureleallen_semiconductor_trade.csv"
    with f.open(encoding="utf-8", newline="") as fh:
        raw = list(csv.DictReader(fh))
    totals = [r for r in raw if r["partner2Code"] == "0"]
    df = load(f)
    assert len(df) == len(totals) and load_report(df).dropped == {
        "second-partner breakdown (partner2Code other than 0)": len(raw) - len(totals)
    }
    first = totals[0]
    row = one(df, period_start=f"{first['refYear']}-01", partner="USA")
    assert row["value"] == float(first["primaryValue"]) and row["commodity"] == "8542"


@needs_shared
def test_real_legacy_csv_resaved_by_r_loads():
    """Real: legacy API CSV read and re-written by R (dotted headings, NA for empty)."""
    f = THIRD / "ambijat_India_iron_raw_export_2009.csv"
    assert detect(f).name == "comtrade_legacy_csv"
    df = load(f)
    assert len(df) == 3035 and load_report(df).n_dropped == 0
    world = one(df, reporter="IND", partner="W00", commodity="27861")
    assert (world["flow"], world["value"], world["classification"]) == ("X", 8504338.0, "S4")
    assert one(df, partner="BHR", commodity="27861")["value"] == 44779.0


def test_r_resaved_legacy_headings_map_back(ct, tmp_path):
    """Constructed: the 35-column legacy fixture re-written the way R's write.csv does."""
    import csv

    with (ct / "legacy_35cols_constructed.csv").open(encoding="utf-8", newline="") as fh:
        header, *rows = list(csv.reader(fh))
    f = tmp_path / "r.csv"
    with f.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, quoting=csv.QUOTE_NONNUMERIC)
        w.writerow([comtrade.r_name(h) for h in header])
        w.writerows([[v if v != "" else "NA" for v in r] for r in rows])
    assert load(f)["value"].tolist() == load(ct / "legacy_35cols_constructed.csv")["value"].tolist()
