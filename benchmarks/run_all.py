"""Run every benchmark and print one table: metric, value, baseline, ratio, target, result.

What ``make bench`` runs. Each contender runs in its own subprocess; every ratio compares
numbers measured in this same run on this machine. Inputs are generated (synthetic rows in the
real Comtrade bulk layout, under ``benchmarks/_work/``, git-ignored) or are the project's real
shipped data (claims).

Usage::

    python benchmarks/run_all.py                 # 10 million rows (first run generates ~365 MB)
    python benchmarks/run_all.py --rows 20000    # quick
    python benchmarks/run_all.py --skip-report   # without timing `tradecheck report`
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import WORK, run_child, table, verdict

TARGETS = {
    "full_vs_duckdb": 1.25,  # full conversion takes <= 1.25x the minimal DuckDB job's time
    "ingest_vs_pandas": 5.0,  # tradecheck >= 5x faster than pandas.read_csv + filter
    "pair_vs_duckdb": 1.0,  # pair-filtered: at least DuckDB's speed with the same filter
    "ingest_peak_mb": 1536.0,  # < 1.5 GB
    "claim_ms": 50.0,  # <= 50 ms per claim
    "article_s": 1.0,  # 20 claims <= 1 s
    "report_s": 60.0,  # warm `tradecheck report` <= 60 s
}


def _fmt(x: float | None, unit: str = "", digits: int = 2) -> str:
    return "n/a" if x is None else f"{x:,.{digits}f}{unit}"


def _full_rows(res: dict[str, dict[str, Any]]) -> list[dict[str, str]]:
    """Table rows of the full conversion (all partners, all levels, to Parquet)."""
    tc, dd, pdx = res["tradecheck"], res["duckdb"], res["pandas"]
    r_dd = tc["seconds"] / dd["seconds"]
    r_pd = pdx["seconds"] / tc["seconds"]
    same = tc["sums_cents"] == dd["sums_cents"]
    return [
        {
            "metric": "full conversion: tradecheck load --out (s)",
            "value": _fmt(tc["seconds"]),
            "baseline": f"DuckDB read_csv+filter+select+Parquet {_fmt(dd['seconds'])} s",
            "ratio": f"{r_dd:.2f}x DuckDB's time",
            "target": f"<= {TARGETS['full_vs_duckdb']}x",
            "result": verdict(r_dd <= TARGETS["full_vs_duckdb"]),
        },
        {
            "metric": "full conversion vs pandas",
            "value": _fmt(tc["seconds"]),
            "baseline": f"pandas read_csv+filter {_fmt(pdx['seconds'])} s",
            "ratio": f"{r_pd:.2f}x faster",
            "target": ">= 5x",
            "result": verdict(r_pd >= TARGETS["ingest_vs_pandas"]),
        },
        {
            "metric": "full conversion CPU time, all threads (s)",
            "value": _fmt(tc["min_cpu_seconds"]),
            "baseline": f"DuckDB {_fmt(dd['min_cpu_seconds'])} s, pandas "
            f"{_fmt(pdx['min_cpu_seconds'])} s",
            "ratio": f"{tc['min_cpu_seconds'] / dd['min_cpu_seconds']:.2f}x DuckDB's CPU",
            "target": "",
            "result": "",
        },
        _memory_row("full conversion", tc, dd, pdx),
        {
            "metric": "full conversion rows and sums per flow (cents)",
            "value": f"{tc['rows_out']:,} rows",
            "baseline": f"DuckDB {dd['rows_out']:,} rows, pandas {pdx['rows_out']:,}",
            "ratio": "",
            "target": "exact",
            "result": verdict(same and tc["rows_out"] == pdx["rows_out"]),
        },
    ]


def _memory_row(case: str, tc: dict, dd: dict, pdx: dict) -> dict[str, str]:
    """The peak-memory row of a case, the same for the full and the pair-filtered job."""
    return {
        "metric": f"{case} peak memory (MB)",
        "value": _fmt(tc["max_peak_rss_mb"], digits=0),
        "baseline": f"DuckDB {_fmt(dd['max_peak_rss_mb'], digits=0)}, pandas "
        f"{_fmt(pdx['max_peak_rss_mb'], digits=0)}",
        "ratio": "",
        "target": "< 1536 MB",
        "result": verdict(tc["max_peak_rss_mb"] < TARGETS["ingest_peak_mb"]),
    }


def _pair_rows(res: dict[str, dict[str, Any]]) -> list[dict[str, str]]:
    """Table rows of the pair-filtered ingest (Belarus and China both sides)."""
    tc, dd, pdx = res["tradecheck"], res["duckdb"], res["pandas"]
    r_dd = dd["seconds"] / tc["seconds"]
    r_pd = pdx["seconds"] / tc["seconds"]
    return [
        {
            "metric": "pair-filtered ingest, tradecheck (s)",
            "value": _fmt(tc["seconds"]),
            "baseline": f"DuckDB same filter {_fmt(dd['seconds'])} s, pandas "
            f"{_fmt(pdx['seconds'])} s ({r_pd:.1f}x)",
            "ratio": f"{r_dd:.2f}x DuckDB's speed",
            "target": f">= {TARGETS['pair_vs_duckdb']}x",
            "result": verdict(r_dd >= TARGETS["pair_vs_duckdb"]),
        },
        _memory_row("pair-filtered", tc, dd, pdx),
        {
            "metric": "pair rows kept (after double-count rules)",
            "value": str(tc["rows_out"]),
            "baseline": f"DuckDB {dd['rows_out']} raw, {dd.get('rows_after_rules')} "
            "after the same rules",
            "ratio": "",
            "target": "equal",
            "result": verdict(tc["rows_out"] == dd.get("rows_after_rules")),
        },
    ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--claims", type=int, default=20)
    ap.add_argument(
        "--repeat", type=int, default=2, help="runs per ingest contender; the fastest is kept"
    )
    ap.add_argument("--skip-report", action="store_true")
    ap.add_argument("--work", type=Path, default=WORK)
    a = ap.parse_args(argv)
    a.work.mkdir(parents=True, exist_ok=True)

    from bench_ingest import run as run_ingest

    print(
        f"# tradecheck benchmarks -- {a.rows:,} bulk rows; python {platform.python_version()}"
        f" on {platform.machine()}",
        flush=True,
    )
    ing = run_ingest(a.rows, pair=["BLR", "CHN"], work=a.work, repeat=a.repeat)
    rows: list[dict[str, str]] = _full_rows(ing["full"]) + _pair_rows(ing["pair"])  # type: ignore[arg-type]

    cl = run_child("bench_claims.py", "--claims", str(a.claims), "--work", str(a.work))
    n_claims = cl.get("claims_checked", cl.get("claims_parsed"))
    rows.append(
        {
            "metric": f"claim check, per claim (ms) [{cl['path'].split(' ')[0]}]",
            "value": _fmt(cl["per_claim_ms"], digits=1),
            "baseline": "",
            "ratio": "",
            "target": "<= 50 ms",
            "result": verdict(cl["per_claim_ms"] <= TARGETS["claim_ms"]),
        }
    )
    rows.append(
        {
            "metric": f"article of {n_claims} claims (s)",
            "value": _fmt(cl["article_seconds"], digits=3),
            "baseline": "",
            "ratio": "",
            "target": "<= 1 s",
            "result": verdict(cl["article_seconds"] <= TARGETS["article_s"]),
        }
    )
    if cl.get("article_seconds_no_robustness") is not None:
        nr_ms = 1000 * cl["article_seconds_no_robustness"] / max(int(n_claims or 1), 1)
        rows.append(
            {
                "metric": "claim check without robustness, per claim (ms)",
                "value": _fmt(nr_ms, digits=1),
                "baseline": f"article {_fmt(cl['article_seconds_no_robustness'], digits=3)} s",
                "ratio": "",
                "target": "<= 50 ms",
                "result": verdict(nr_ms <= TARGETS["claim_ms"]),
            }
        )
    store_ms = 1000 * cl["store_seconds"] / max(int(cl["claims_parsed"]), 1)
    rows.append(
        {
            "metric": "store window values (DuckDB), per claim (ms)",
            "value": _fmt(store_ms, digits=1),
            "baseline": f"{cl['store_windows']} windows, {cl['store_windows_covered']} covered",
            "ratio": "",
            "target": "<= 50 ms",
            "result": verdict(store_ms <= TARGETS["claim_ms"]),
        }
    )

    if a.skip_report:
        rep = {"available": None, "seconds": None, "note": "skipped (--skip-report)"}
    else:
        rep = run_child("bench_report.py")
    ok = (
        None
        if rep.get("seconds") is None
        else (rep.get("exit", 0) == 0 and rep["seconds"] <= TARGETS["report_s"])
    )
    rows.append(
        {
            "metric": "make report, warm (s)",
            "value": _fmt(rep.get("seconds")),
            "baseline": rep.get("note", "") or "",
            "ratio": "",
            "target": "<= 60 s",
            "result": verdict(ok),
        }
    )

    print(table(rows))
    runs = "; ".join(
        f"{case} {k} {ing[case][k]['all_seconds']}"  # type: ignore[index]
        for case in ("full", "pair")
        for k in ("tradecheck", "duckdb", "pandas")
    )
    print(
        f"\ninput: {ing['file']} ({ing['file_mb']} MB gzip, generated in "
        f"{ing['generate_seconds']} s or reused); load average before/after the ingest runs "
        f"{ing['load_average']} / {ing['load_average_after']} (2 cores)\nruns (s): {runs}"
        f"\nclaims path: {cl['path']}"
    )
    out = a.work / "results.json"
    out.write_text(
        json.dumps(
            {"ingest": ing, "claims": cl, "report": rep, "table": rows}, indent=2, default=str
        ),
        encoding="utf-8",
    )
    print(f"details: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
