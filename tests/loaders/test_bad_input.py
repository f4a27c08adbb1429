"""Bad input through the API and the CLI: one clear LoadError naming file, line/column and
what was expected; exit status 2 without a traceback; the input file is never modified."""

from __future__ import annotations

import gzip
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tradecheck import cli
from tradecheck.errors import LoadError
from tradecheck.loaders import load

FIX = Path(__file__).parents[1] / "fixtures"
API = FIX / "comtrade" / "api_response_real_CHN_2010_A_TOTAL_partners_ARG_DEU.json"
WEB = FIX / "comtrade" / "website_subset_real_rows.csv"
BULK = FIX / "comtrade" / "bulk_constructed_C_A_2021_H5.txt.gz"


def _truncated_json(d: Path) -> Path:
    data = API.read_bytes()
    f = d / "api_cut.json"
    f.write_bytes(data[: len(data) // 2])
    return f


def _truncated_gzip(d: Path) -> Path:
    # a bigger stream than the fixture so that half of it still holds the header
    text = gzip.decompress(BULK.read_bytes()).decode()
    header, rows = text.split("\n", 1)
    big = header + "\n" + rows * 200
    data = gzip.compress(big.encode(), mtime=0)
    f = d / "bulk_cut.txt.gz"
    f.write_bytes(data[: len(data) // 2])
    return f


def _wrong_encoding(d: Path) -> Path:
    f = d / "utf16.csv"
    f.write_bytes(WEB.read_text(encoding="utf-8").encode("utf-16"))
    return f


def _unknown_header(d: Path) -> Path:
    f = d / "mystery.csv"
    f.write_text("land,jahr,wert\nBelarus,2021,5\n", encoding="utf-8")
    return f


def _non_numeric(d: Path) -> Path:
    lines = WEB.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[3] = lines[3].rsplit(",", 1)[0] + ",n/a\n"
    f = d / "nonnum.csv"
    f.write_text("".join(lines), encoding="utf-8")
    return f


def _unknown_country(d: Path) -> Path:
    lines = WEB.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[2] = lines[2].replace(",112,BLR,Belarus,", ",999,ZZZ,Nowhere,")
    f = d / "country.csv"
    f.write_text("".join(lines), encoding="utf-8")
    return f


def _empty(d: Path) -> Path:
    f = d / "empty.csv"
    f.write_bytes(b"")
    return f


# name -> (make file, substrings the message must contain: where + what was expected)
CASES: dict[str, tuple[Callable[[Path], Path], tuple[str, ...]]] = {
    "truncated_json": (_truncated_json, ("api_cut.json", ", line ", "expected a complete")),
    "truncated_gzip": (
        _truncated_gzip,
        ("bulk_cut.txt.gz", ", line ", "truncated", "expected a complete .gz"),
    ),
    "wrong_encoding": (_wrong_encoding, ("utf16.csv", ", line 1", "UTF-16", "expected")),
    "unknown_header": (
        _unknown_header,
        ("mystery.csv", ", line 1", "land,jahr,wert", "unknown format"),
    ),
    "non_numeric": (
        _non_numeric,
        ("nonnum.csv", ", line 4", "column 'primaryValue'", "expected a number", "'n/a'"),
    ),
    "unknown_country": (
        _unknown_country,
        ("country.csv", ", line 3", "column 'reporterCode'", "999", "expected"),
    ),
    "empty": (_empty, ("empty.csv", ", line 1", "empty", "expected a header")),
}


def _digest(p: Path) -> bytes:
    import hashlib

    return hashlib.sha256(p.read_bytes()).digest()


@pytest.mark.parametrize("case", sorted(CASES))
def test_api_raises_clear_load_error(tmp_path, case):
    make, needles = CASES[case]
    f = make(tmp_path)
    before = _digest(f)
    with pytest.raises(LoadError) as exc:
        load(f)
    msg = str(exc.value)
    for n in needles:
        assert n in msg, f"{n!r} missing from: {msg}"
    assert "\n" not in msg
    assert _digest(f) == before


@pytest.mark.parametrize("case", sorted(CASES))
def test_cli_exit_2_one_line(tmp_path, capsys, case):
    make, needles = CASES[case]
    f = make(tmp_path)
    before = _digest(f)
    out = tmp_path / "out.parquet"
    assert cli.main(["load", str(f), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = [x for x in err.splitlines() if x.strip()]
    assert len(lines) == 1 and lines[0].startswith("tradecheck: error: ")
    for n in needles:
        assert n in lines[0]
    assert not out.exists()
    assert _digest(f) == before


@pytest.mark.parametrize("case", ["truncated_json", "wrong_encoding"])
def test_forced_format_still_clear(tmp_path, capsys, case):
    make, _ = CASES[case]
    f = make(tmp_path)
    fmt = "comtrade_json" if case == "truncated_json" else "comtrade_csv"
    assert cli.main(["load", str(f), "--format", fmt]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and f.name in err and ", line " in err and "expected" in err


def test_subprocess_no_traceback(tmp_path):
    f = _truncated_gzip(tmp_path)
    before = _digest(f)
    r = subprocess.run(
        [sys.executable, "-m", "tradecheck", "load", str(f)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert r.returncode == 2
    assert "Traceback" not in r.stderr and "bulk_cut.txt.gz" in r.stderr
    assert _digest(f) == before
