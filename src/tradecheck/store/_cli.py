"""``tradecheck build``: data/raw -> data/processed (Parquet + manifest)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from tradecheck import paths
from tradecheck.errors import one_line


def register(subparsers: Any) -> None:
    """Add the ``build`` subcommand."""
    p = subparsers.add_parser(
        "build",
        help="load every file under data/raw and write data/processed (Parquet + manifest)",
        description="Load every raw file (format detected by content), validate, and write "
        "canonical.parquet and manifest.json atomically. Skipped when the inputs and loader "
        "code are unchanged since the last build (use --force to rebuild).",
    )
    p.add_argument("--raw", default=str(paths.RAW), help="raw folder (default data/raw)")
    p.add_argument(
        "--out", default=str(paths.PROCESSED), help="output folder (default data/processed)"
    )
    p.add_argument("--force", action="store_true", help="rebuild even when up to date")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run the build and print one summary line."""
    from tradecheck.store.build import run_build

    res = run_build(args.raw, args.out, force=args.force, progress=not args.no_progress)
    for note in res.notes:
        print(f"tradecheck: warning: {one_line(note)}", file=sys.stderr)
    for line in res.load_notes:  # rows the loaders dropped on purpose: expected, reported
        print(f"note: {one_line(line)}", file=sys.stderr)
    if res.skipped:
        print(
            f"{res.parquet}: up to date ({res.rows:,} rows from {res.files} files; "
            "--force rebuilds)"
        )
    else:
        size = res.parquet.stat().st_size
        print(
            f"{res.parquet}: {res.rows:,} rows from {res.files} files, {size:,} bytes, "
            f"built in {res.seconds:.2f} s; manifest {res.manifest.name}"
        )
    if res.overlaps:
        print(
            f"tradecheck: warning: {res.overlaps} observation(s) appear in more than one raw "
            f"file of the same source (two downloads of the same data?); see 'overlaps' in "
            f"{res.manifest}",
            file=sys.stderr,
        )
    return 0
