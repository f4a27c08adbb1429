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


# --------------------------------------------------------------------------- hostile input
# Every file below is constructed here (no real data): each case must cost little memory,
# end in one LoadError line with control characters escaped, exit 2 from the CLI without a
# traceback, and leave the input bytes unchanged.

BULK_HEADER = gzip.decompress(BULK.read_bytes()).split(b"\n", 1)[0]


def _declared_huge_xlsx(d: Path, rows: int = 2000, name: str = "declared.xlsx") -> Path:
    """A small workbook whose sheet declares A1:XFD1048576 and holds one cell per row."""
    import io
    import re
    import zipfile

    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.title = "Exports, FOB"
    wb.active["A1"] = "Partner Countries"
    buf = io.BytesIO()
    wb.save(buf)
    body = "".join(f'<row r="{i}"><c r="A{i}"><v>1</v></c></row>' for i in range(2, rows + 2))
    f = d / name
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as zin, zipfile.ZipFile(f, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', data)
                data = data.replace(
                    b"</row></sheetData>", b"</row>" + body.encode() + b"</sheetData>"
                )
            zout.writestr(item, data)
    return f


def _newline_bomb(d: Path, megabytes: int = 32) -> Path:
    """A Comtrade bulk header followed by ``megabytes`` MiB of newlines, gzipped (~32 kB)."""
    f = d / "bomb.txt.gz"
    block = b"\n" * (1 << 20)
    with gzip.open(f, "wb", compresslevel=9) as fh:
        fh.write(BULK_HEADER + b"\n")
        for _ in range(megabytes):
            fh.write(block)
    return f


def _peak_mib(fn: Callable[[], object]) -> float:
    import tracemalloc

    tracemalloc.start()
    try:
        fn()
    except LoadError:
        pass
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak / 2**20


def _cli_one_line(capsys, args: list[str]) -> str:
    assert cli.main(args) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "\x1b" not in err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("tradecheck: error: "), err
    return lines[0]


def test_declared_sheet_size_is_ignored(tmp_path):
    from tradecheck.loaders.base import read_xlsx_sheet

    f = _declared_huge_xlsx(tmp_path)
    grid, title = read_xlsx_sheet(f)
    assert title == "Exports, FOB" and len(grid) == 2001
    assert max(len(r) for r in grid) == 1  # not 16,384 columns per row
    # padded to the declared width this would be 2000 x 16384 cells (> 250 MiB)
    assert _peak_mib(lambda: read_xlsx_sheet(f)) < 40


@pytest.mark.parametrize("fmt", ["imf_dots_xlsx", "belstat_xlsx", "gacc_bulletin_xlsx", "generic"])
def test_declared_sheet_size_through_every_xlsx_loader(tmp_path, capsys, fmt):
    f = _declared_huge_xlsx(tmp_path)
    before = _digest(f)
    assert _peak_mib(lambda: load(f, format=fmt)) < 60
    line = _cli_one_line(capsys, ["load", str(f), "--format", fmt])
    assert "declared.xlsx" in line
    assert _digest(f) == before


def test_sheet_with_too_many_cells_is_refused(tmp_path, monkeypatch):
    from tradecheck.loaders import base

    monkeypatch.setattr(base, "MAX_SHEET_CELLS", 500)
    f = _declared_huge_xlsx(tmp_path)
    with pytest.raises(LoadError, match=r"holds more than 500 cells.*save a big table as CSV"):
        base.read_xlsx_sheet(f)


@pytest.mark.parametrize(
    "value, needle",
    [
        (1e12, "expected int, got 1000000000000.0"),
        (10**12, "expected a whole number from 0 to 1000"),
        (-1, "expected a whole number from 0 to 1000"),
        ("2", "expected int, got '2'"),
        (True, "expected int, got True"),
    ],
)
def test_mapping_option_values_are_checked(tmp_path, capsys, value, needle):
    import json

    f = tmp_path / "t.csv"
    f.write_text("reporter,partner,flow,period,value\nBLR,CHN,X,2020,1\n")
    side = tmp_path / "t.csv.mapping.json"
    side.write_text(json.dumps({"skip_rows": value}))
    before = _digest(f), _digest(side)
    with pytest.raises(LoadError) as exc:
        load(f)
    assert needle in str(exc.value) and "skip_rows" in str(exc.value)
    line = _cli_one_line(capsys, ["load", str(f)])
    assert needle in line and "t.csv.mapping.json" in line
    assert (_digest(f), _digest(side)) == before


@pytest.mark.parametrize(
    "mapping, needle",
    [
        ({"sheet": [1]}, "mapping 'sheet': expected str or int"),
        ({"columns": {"value": 3}}, "mapping columns.value: expected a text"),
        ({"unit": {"x": 1}}, "mapping 'unit': expected str or int or float"),
        ({"constants": {"flow": ["X"]}}, "mapping constants.flow"),
        ("Country=reporter", "mapping: expected a JSON object"),
    ],
)
def test_mapping_value_types(tmp_path, mapping, needle):
    f = tmp_path / "t.csv"
    f.write_text("reporter,partner,flow,period,value\nBLR,CHN,X,2020,1\n")
    with pytest.raises(LoadError, match=needle.replace(".", r"\.")):
        load(f, format="generic", mapping=mapping)


def test_gzip_of_newlines_is_bounded(tmp_path, capsys):
    f = _newline_bomb(tmp_path)
    assert f.stat().st_size < 200_000
    before = _digest(f)
    with pytest.raises(LoadError, match=r"bomb\.txt\.gz: decompresses to more than .* bytes"):
        load(f)
    assert _peak_mib(lambda: load(f)) < 40  # inflating it whole takes 32 MiB, then pandas far more
    line = _cli_one_line(capsys, ["load", str(f)])
    assert "tradecheck ingest" in line
    assert _digest(f) == before


@pytest.mark.filterwarnings("ignore:.*customs-procedure breakdown")
def test_concatenated_gzip_members_are_read(tmp_path):
    text = gzip.decompress(BULK.read_bytes())
    header, body = text.split(b"\n", 1)
    f = tmp_path / "two_members.txt.gz"
    f.write_bytes(gzip.compress(header + b"\n") + gzip.compress(body))
    assert len(load(f)) == len(load(BULK))


def test_ragged_generic_row_is_one_line(tmp_path, capsys):
    f = tmp_path / "ragged.csv"
    f.write_text("reporter,partner,flow,period,value\nBLR,CHN,X,2020,1\nBLR,CHN,X,2021,1,7\n")
    with pytest.raises(LoadError) as exc:
        load(f)
    assert str(exc.value) == (
        f"{f}, line 3: 6 fields where the header has 5; expected the same number of "
        "comma-separated fields on every line"
    )
    assert "line 3" in _cli_one_line(capsys, ["load", str(f)])


def test_ragged_comtrade_row_is_one_line(tmp_path, capsys):
    lines = WEB.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[2] = lines[2].rstrip("\n") + ",extra,fields\n"
    f = tmp_path / "ragged_comtrade.csv"
    f.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(LoadError) as exc:
        load(f)
    assert "\n" not in str(exc.value) and "ragged_comtrade.csv" in str(exc.value)
    assert "ragged_comtrade.csv" in _cli_one_line(capsys, ["load", str(f)])


def test_comtrade_error_text_with_newline_and_escape(tmp_path, capsys):
    import json

    f = tmp_path / "api_error.json"
    doc = {"elapsedTime": "0.1", "count": 0, "data": [], "error": "quota\nexceeded \x1b[2J"}
    f.write_text(json.dumps(doc))
    with pytest.raises(LoadError) as exc:
        load(f)
    msg = str(exc.value)
    assert "quota\\nexceeded \\x1b[2J" in msg and "\n" not in msg and "\x1b" not in msg
    assert "quota\\nexceeded" in _cli_one_line(capsys, ["load", str(f)])


@pytest.mark.parametrize("name", ["new\nline.csv", "red\x1b[31mname.csv", "bidi\u202etxt.csv"])
def test_file_name_with_control_characters(tmp_path, capsys, name):
    f = tmp_path / name
    f.write_text("land,jahr,wert\nBelarus,2021,5\n", encoding="utf-8")
    with pytest.raises(LoadError) as exc:
        load(f)
    msg = str(exc.value)
    assert msg.isprintable() and "unknown format" in msg
    assert repr(name)[1:-1].replace("\\u202e", "\\u202e") in msg
    line = _cli_one_line(capsys, ["load", str(f)])
    assert line.isprintable()


def test_missing_file_with_escape_code_through_oserror(tmp_path, capsys):
    line = _cli_one_line(capsys, ["load", str(tmp_path / "gone\x1b[5m.csv")])
    assert "gone\\x1b[5m.csv" in line


def test_csv_out_neutralises_formula_cells(tmp_path, capsys):
    import csv

    f = tmp_path / "formulas.csv"
    f.write_text(
        "reporter,partner,flow,period,value,note\n"
        'BLR,CHN,X,2020,1,"=HYPERLINK(""http://x"",""y"")"\n'
        "BLR,CHN,M,2020,2,@SUM(A1:A2)\n"
        "BLR,CHN,B,2020,-3,+1+2\n"
        "BLR,CHN,X,2021,4,-2+3\n"
        "BLR,CHN,M,2021,5,plain text\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.csv"
    assert cli.main(["load", str(f), "--out", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["note"] for r in rows] == [
        '\'=HYPERLINK("http://x","y")',
        "'@SUM(A1:A2)",
        "'+1+2",
        "'-2+3",
        "plain text",
    ]
    assert [float(r["value"]) for r in rows] == [1.0, 2.0, -3.0, 4.0, 5.0]
    assert rows[2]["value"] == "-3.0"  # a number stays a number, unquoted
    parquet = tmp_path / "out.parquet"
    assert cli.main(["load", str(f), "--out", str(parquet)]) == 0
    assert load(f)["note"].iloc[0].startswith("=")  # the table itself is not altered


def test_windows_1252_generic_csv_is_recognised(tmp_path):
    from tradecheck.loaders import detect

    f = tmp_path / "cp1252.csv"
    text = "reporter,partner,flow,period,value,note\nBLR,CHN,X,2020,1,Réexportation – café\n"
    f.write_bytes(text.encode("cp1252"))
    assert detect(f).name == "generic"
    df = load(f)
    assert df["note"].tolist() == ["Réexportation – café"]


def test_unrecognised_workbook_is_described_by_its_sheets(tmp_path, capsys):
    import openpyxl

    f = tmp_path / "mystery.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "Summary"
    wb.create_sheet("Data 2021")
    wb.save(f)
    with pytest.raises(LoadError) as exc:
        load(f)
    msg = str(exc.value)
    assert "an .xlsx workbook (sheets: 'Summary', 'Data 2021')" in msg
    assert "PK" not in msg and "header" not in msg
    assert "sheets: 'Summary'" in _cli_one_line(capsys, ["load", str(f)])


def test_unrecognised_xls_is_described_as_a_workbook(tmp_path):
    f = tmp_path / "old.xls"
    f.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + b"x" * 512)
    with pytest.raises(LoadError, match=r"Excel 97-2003 workbook \(\.xls\)"):
        load(f)
