"""Smoke test of the benchmark scripts with a tiny input (no timing assertions)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tradecheck import paths

BENCH = paths.ROOT / "benchmarks"

pytestmark = pytest.mark.slow


def test_run_all_tiny(tmp_path: Path) -> None:
    proc = subprocess.run(
        [
            sys.executable,
            str(BENCH / "run_all.py"),
            "--rows",
            "3000",
            "--repeat",
            "1",
            "--claims",
            "3",
            "--skip-report",
            "--work",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = proc.stdout
    for metric in (
        "full conversion: tradecheck load --out",
        "full conversion vs pandas",
        "full conversion rows and sums per flow",
        "pair-filtered ingest",
        "pair-filtered peak memory",
        "claim check",
        "store window values",
        "make report",
    ):
        assert metric in out
    header = out.splitlines()[1].split()
    assert header[:3] == ["metric", "value", "baseline"]
    res = json.loads((tmp_path / "results.json").read_text())
    ing = res["ingest"]
    assert ing["rows"] == 3000
    # the same pair rows survive the double-count rules in tradecheck and in the DuckDB query
    pair, full = ing["pair"], ing["full"]
    assert pair["tradecheck"]["rows_out"] == pair["duckdb"]["rows_after_rules"]
    assert pair["duckdb"]["rows_out"] == pair["pandas"]["rows_out"]
    # the full conversion keeps the rows DuckDB's minimal job keeps, with the same sums
    assert full["tradecheck"]["sums_cents"] == full["duckdb"]["sums_cents"]
    assert full["tradecheck"]["rows_out"] == full["pandas"]["rows_out"] > 2000
    assert res["claims"]["claims_parsed"] >= 1
    # the generated file is in the real 34-column bulk layout
    import gzip

    with gzip.open(ing["file"], "rt") as fh:
        header_line = fh.readline().rstrip("\n").split("\t")
    assert len(header_line) == 34 and header_line[28:30] == ["CIFValue", "FOBValue"]


def test_report_benchmark_dry_run() -> None:
    proc = subprocess.run(
        [sys.executable, str(BENCH / "bench_report.py"), "--dry-run"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    line = [ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")][-1]
    res = json.loads(line[len("RESULT ") :])
    assert res["seconds"] is None and ("dry run" in res["note"] or "n/a" in res["note"])
