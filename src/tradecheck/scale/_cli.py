"""``tradecheck ingest`` (streaming bulk ingest) and ``tradecheck bench`` (benchmarks)."""

from __future__ import annotations

import argparse
import subprocess
import sys
from typing import Any

from tradecheck import paths
from tradecheck.errors import TradecheckError


def _codes(text: str | None) -> list[str] | None:
    return None if not text else [c.strip() for c in text.split(",") if c.strip()]


def register(subparsers: Any) -> None:
    """Add the ``ingest`` and ``bench`` subcommands."""
    p = subparsers.add_parser(
        "ingest",
        help="stream a large Comtrade bulk TSV / website CSV, filtered while reading",
        description="Read a UN Comtrade bulk file (gzip TSV, 34 columns) or a large website "
        "CSV block by block, keep the rows of the given reporters/partners/commodity level, "
        "apply the loader's double-count rules and write canonical rows to Parquet "
        "(atomically) or, with --store, to the partitioned store.",
    )
    p.add_argument("file", help="bulk .txt.gz / .gz / .txt, or website .csv")
    p.add_argument("--reporters", help="comma list of ISO3 or Comtrade codes (BLR,CHN)")
    p.add_argument("--partners", help="comma list of ISO3 or Comtrade codes")
    p.add_argument(
        "--cmd-level",
        choices=["TOTAL", "2", "4", "6"],
        help="keep only all-goods totals or HS codes of this length",
    )
    p.add_argument("--out", help="Parquet file to write (default: print a summary only)")
    p.add_argument("--store", help="also write the rows as a partitioned store in this folder")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.set_defaults(func=run_ingest)

    b = subparsers.add_parser(
        "bench",
        help="run the benchmarks (benchmarks/run_all.py) and print one table",
        description="Ingest throughput vs DuckDB and pandas, peak memory, claim-check latency "
        "and warm report time; inputs are generated under benchmarks/_work/.",
    )
    b.add_argument("--rows", type=int, default=10_000_000)
    b.add_argument("--skip-report", action="store_true")
    b.set_defaults(func=run_bench)


def run_ingest(args: argparse.Namespace) -> int:
    """Run :func:`tradecheck.scale.bulk.ingest` and print one summary line."""
    import pandas as pd

    from tradecheck.scale.bulk import ingest

    level: Any = (
        None
        if args.cmd_level is None
        else ("TOTAL" if args.cmd_level == "TOTAL" else int(args.cmd_level))
    )
    got = ingest(
        args.file,
        reporters=_codes(args.reporters),
        partners=_codes(args.partners),
        cmd_level=level,
        out=args.out,
        progress=not args.no_progress,
    )
    df = got if isinstance(got, pd.DataFrame) else pd.read_parquet(got)
    assert isinstance(df, pd.DataFrame)
    where = f" -> {args.out}" if args.out else ""
    if args.store:
        from tradecheck import schema
        from tradecheck.store.partitioned import write_partitioned

        root = write_partitioned(
            schema.make_frame(df) if len(df) else schema.empty_frame(), args.store
        )
        where += f" -> store {root}"
    print(f"{args.file}: {len(df):,} canonical rows{where}")
    return 0


def run_bench(args: argparse.Namespace) -> int:
    """Run ``benchmarks/run_all.py`` of the checkout."""
    script = paths.ROOT / "benchmarks" / "run_all.py"
    if not script.exists():
        raise TradecheckError(f"{script}: no benchmarks here (they live in the repository)")
    cmd = [sys.executable, str(script), "--rows", str(args.rows)]
    if args.skip_report:
        cmd.append("--skip-report")
    return subprocess.run(cmd, check=False).returncode
