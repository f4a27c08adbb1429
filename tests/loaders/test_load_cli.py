"""``tradecheck load``: summary, --out (atomic), --format, --list-formats, --flow."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from tradecheck import cli, paths, schema
from tradecheck.loaders._cli import summary, write_table

REAL_EXTRACT = paths.RAW / "comtrade" / "comtrade_exports_2021A_all_pairs_subset_columns.csv"


def test_list_formats(capsys):
    assert cli.main(["load", "--list-formats"]) == 0
    out = capsys.readouterr().out
    for name in ("comtrade_json", "comtrade_bulk", "published", "generic"):
        assert name in out


def test_no_path_is_exit_2(capsys):
    assert cli.main(["load"]) == 2
    assert "expected at least one PATH" in capsys.readouterr().err


def test_summary_and_csv_out(fixtures_dir, tmp_path, capsys):
    out = tmp_path / "sub" / "t.csv"
    f = fixtures_dir / "comtrade" / "api_response_real_CHN_2010_A_TOTAL_partners_ARG_DEU.json"
    assert cli.main(["load", str(f), "--out", str(out)]) == 0
    text = capsys.readouterr().out
    assert "4 rows from 1 file(s); months 2010-01..2010-12" in text
    assert "comtrade   CHN      M          2  2010-01..2010-12" in text
    assert f"wrote 4 rows to {out}" in text
    back = pd.read_csv(out, dtype={"commodity": str})
    assert back["value"].tolist() == [6804128143.0, 74251272075.0, 6115764185.0, 68047133397.0]
    assert [p.name for p in out.parent.iterdir()] == ["t.csv"]  # no temp file left


def test_parquet_out_round_trip(fixtures_dir, tmp_path, capsys):
    out = tmp_path / "t.parquet"
    assert cli.main(["load", str(fixtures_dir / "published"), "--out", str(out)]) == 0
    df = pd.read_parquet(out)
    assert len(df) == 8 and list(df.columns) == list(schema.CANONICAL_COLUMNS)
    schema.validate(df)


def test_bad_out_suffix(fixtures_dir, tmp_path, capsys):
    f = fixtures_dir / "generic" / "tidy_canonical.csv"
    assert cli.main(["load", str(f), "--out", str(tmp_path / "t.xlsx")]) == 2
    assert ".parquet or .csv" in capsys.readouterr().err


def test_write_is_atomic_on_failure(tmp_path, monkeypatch):
    target = tmp_path / "keep.csv"
    target.write_text("old")

    def fail(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr(pd.DataFrame, "to_csv", fail)
    with pytest.raises(OSError):
        write_table(schema.empty_frame(), target)
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.csv"]


def test_flow_option_reaches_the_loader(tmp_path, capsys):
    f = tmp_path / "t.csv"
    f.write_text("From,To,Year,Value\nBelarus,China,2020,5\n")
    (tmp_path / "t.csv.mapping.json").write_text(
        '{"columns": {"reporter": "From", "partner": "To", "period": "Year", "value": "Value"}}'
    )
    out = tmp_path / "o.csv"
    assert cli.main(["load", str(f), "--flow", "M", "--out", str(out)]) == 0
    assert pd.read_csv(out)["flow"].tolist() == ["M"]


def test_warnings_printed_as_notes(fixtures_dir, capsys):
    f = fixtures_dir / "comtrade" / "api_constructed_breakdown.json"
    assert cli.main(["load", str(f)]) == 0
    err = capsys.readouterr().err
    assert err.startswith("note: ") and "flow DX" in err


def test_summary_truncates_long_listings():
    rows = [
        {
            "reporter": r,
            "partner": "CHN",
            "flow": "X",
            "period_start": "2021-01",
            "period_end": "2021-12",
            "value": 1,
            "source": "comtrade",
            "source_file": "f",
            "source_ref": "line 2",
            "vintage": "v",
        }
        for r in ("AUT", "BEL", "DEU")
    ]
    text = summary(schema.make_frame(rows), max_groups=2)
    assert "... and 1 more group(s) with 1 rows" in text


def test_real_extract_through_the_command_line(tmp_path):
    out = tmp_path / "ct.csv"
    r = subprocess.run(
        [sys.executable, "-m", "tradecheck", "load", str(REAL_EXTRACT), "--out", str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "21338 rows from 1 file(s)" in r.stdout
    df = pd.read_csv(out)
    pick = df[df["reporter"].isin(["BLR", "CHN"]) & df["partner"].isin(["BLR", "CHN"])]
    got = {
        (a, b): v for a, b, v in zip(pick["reporter"], pick["partner"], pick["value"], strict=True)
    }
    assert got == {("BLR", "CHN"): 556_100_100.0, ("CHN", "BLR"): 2_729_411_952.0}


def test_summary_lists_the_pair_first():
    rows = [
        {
            "reporter": r,
            "partner": p,
            "flow": "X",
            "period_start": "2021-01",
            "period_end": "2021-12",
            "value": 1,
            "source": "comtrade",
            "source_file": "f",
            "source_ref": "line 2",
            "vintage": "v",
        }
        for r, p in (("AUT", "CHN"), ("AUS", "CHN"), ("BLR", "CHN"))
    ]
    lines = summary(schema.make_frame(rows), max_groups=1).splitlines()
    assert lines[1] == "  comtrade: 3 rows, 3 reporter(s), 2021-01..2021-12"
    assert lines[3].split()[:2] == ["comtrade", "BLR"]
    assert lines[4] == "... and 2 more group(s) with 2 rows"


def test_cli_period_and_opt_reach_the_loader(capsys):
    """--period and --opt KEY=VALUE are passed to the loader (a GACC query file without
    数据年月 needs the period from outside)."""
    from tradecheck import cli, paths

    f = str(paths.ROOT / "tests/fixtures/gacc/进口_2024年1-6月_白俄罗斯_人民币_constructed.csv")
    assert cli.main(["load", f]) == 2
    assert "period" in capsys.readouterr().err
    assert cli.main(["load", f, "--period", "2024-01..2024-06"]) == 0
    assert "2024-01..2024-06" in capsys.readouterr().out
    assert cli.main(["load", f, "--opt", "novalue"]) == 2
    assert "KEY=VALUE" in capsys.readouterr().err
