"""Published-figures loader: every row kept, values unchanged, side/direction mapping."""

from __future__ import annotations

import csv

import pytest

from tradecheck import paths, schema
from tradecheck.errors import LoadError
from tradecheck.loaders import detect, load
from tradecheck.loaders.published import COLUMNS, load_published

REAL = paths.RAW / "published" / "published_figures.csv"


@pytest.fixture
def pub(fixtures_dir):
    return fixtures_dir / "published" / "published_constructed.csv"


def by_id(df, ident):
    got = df[df["source_ref"].str.split(" ").str[0] == ident]
    assert len(got) == 1
    return got.iloc[0]


def test_real_table_every_row_kept_values_unchanged():
    df = load(REAL)
    with REAL.open(encoding="utf-8", newline="") as fh:
        raw = list(csv.DictReader(fh))
    assert len(df) == len(raw) == 135
    assert df["value"].tolist() == [float(r["value_usd"]) for r in raw]
    assert df["bound"].tolist() == [r["bound"] for r in raw]
    assert df["scope"].tolist() == [r["scope"] for r in raw]
    assert set(df["source"]) == {"published"}
    for row, r in zip(df.itertuples(), raw, strict=True):
        assert row.source_ref == f"{r['id']} {r['source_url']}".strip()
        assert row.vintage == (r["published"] or "2026-11-29")
    assert detect(REAL).name == "published"


def test_real_table_side_mapping():
    df = load(REAL)
    side = dict(zip(df["source_ref"].str.split(" ").str[0], df["reporter"], strict=True))
    with REAL.open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            want = "XXX" if r["reporter_side"] == "unknown" else r["reporter_side"]
            assert side[r["id"]] == want
    unknown = df[df["reporter"] == "XXX"]
    assert (unknown["partner"] == "XXX").all()
    assert unknown["exporter"].isin(["BLR", "CHN"]).all()


def test_branches(pub):
    df = load(pub)
    assert len(df) == 8
    t01 = by_id(df, "T01")
    assert (t01.reporter, t01.partner, t01.flow, t01.exporter, t01.importer) == (
        "BLR",
        "CHN",
        "T",
        "BLR",
        "CHN",
    )
    t02 = by_id(df, "T02")  # China reports BLR->CHN: its imports
    assert (t02.reporter, t02.partner, t02.flow, t02.exporter, t02.importer) == (
        "CHN",
        "BLR",
        "M",
        "BLR",
        "CHN",
    )
    assert t02.bound == "approx" and "side_inferred=yes" in t02.note and "comma" in t02.note
    t03 = by_id(df, "T03")  # Belarus reports its exports; empty date -> file vintage
    assert (t03.flow, t03.scope, t03.commodity, t03.bound) == (
        "X",
        "product:potash",
        "product:potash",
        "gt",
    )
    assert "quality=dubious" in t03.note and t03.vintage != ""
    t04 = by_id(df, "T04")  # unknown side
    assert (t04.reporter, t04.partner, t04.flow, t04.exporter, t04.importer) == (
        "XXX",
        "XXX",
        "X",
        "CHN",
        "BLR",
    )
    t05 = by_id(df, "T05")  # Belarus's balance as stated by China: value as published
    assert (t05.reporter, t05.flow, t05.value, t05.exporter, t05.importer) == (
        "CHN",
        "B",
        -500.0,
        "BLR",
        "CHN",
    )
    t06 = by_id(df, "T06")
    assert (t06.reporter, t06.flow, t06.value, t06.source_ref) == ("XXX", "B", -600.0, "T06")
    t07 = by_id(df, "T07")  # Belarus reports CHN->BLR: its imports
    assert (t07.flow, t07.exporter, t07.importer) == ("M", "CHN", "BLR")
    assert by_id(df, "T08").scope == "region:Minsk_oblast"
    schema.validate(df)


@pytest.mark.parametrize(
    "column, bad, expected",
    [
        ("direction", "BLR->RUS", "both, BLR->CHN"),
        ("bound", "about", "one of eq"),
        ("value_usd", "two bn", "expected a number"),
        ("reporter_side", "RUS", "BLR, CHN or unknown"),
        ("period_start", "2020", "YYYY-MM"),
        ("value_usd", "-5", "non-negative"),
    ],
)
def test_bad_cells_name_line_and_column(pub, tmp_path, column, bad, expected):
    with pub.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    rows[2][column] = bad
    f = tmp_path / "pub.csv"
    with f.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS)
        w.writeheader()
        w.writerows(rows)
    with pytest.raises(LoadError) as exc:
        load_published(f)
    msg = str(exc.value)
    assert "pub.csv, line 4" in msg and repr(column) in msg and expected in msg


def test_missing_column(tmp_path):
    f = tmp_path / "p.csv"
    f.write_text(",".join(c for c in COLUMNS if c != "bound") + "\n")
    with pytest.raises(LoadError, match=r"missing column.*bound"):
        load_published(f)
