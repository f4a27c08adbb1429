"""``tradecheck report``: build the PDF report in one command."""

from __future__ import annotations

import argparse
import hashlib
import sys
from typing import Any

from tradecheck.countries import DEFAULT_PAIR


def register(subparsers: Any) -> None:
    """Add the ``report`` subcommand to the ``tradecheck`` parser."""
    p: argparse.ArgumentParser = subparsers.add_parser(
        "report",
        help="execute the notebooks and build the reproducible PDF report",
        description=(
            "Execute the numbered notebooks (papermill), convert them (pandoc) and compile one "
            "PDF (typst). Same inputs -> same bytes: the PDF's date comes from "
            "SOURCE_DATE_EPOCH (a fixed default when unset)."
        ),
    )
    p.add_argument(
        "--claims",
        metavar="FILE",
        help="claims file, one statement per line (default: notebooks/inputs/default_claims.txt)",
    )
    p.add_argument(
        "--as-of",
        metavar="DATE",
        dest="as_of",
        help=(
            "the claims' date YYYY-MM-DD: resolves 'last year' etc. "
            "(default: the day of SOURCE_DATE_EPOCH)"
        ),
    )
    p.add_argument(
        "--data-as-of",
        metavar="DATE",
        dest="data_as_of",
        help=(
            "use only figures published or released by this date YYYY-MM-DD "
            "('was it true when it was said?'; default: all data)"
        ),
    )
    p.add_argument(
        "--pair",
        metavar="A-B",
        default="-".join(DEFAULT_PAIR),
        help="reporter and partner as ISO3 codes (default: %(default)s)",
    )
    p.add_argument(
        "--out", metavar="PDF", help="output PDF (default: reports/tradecheck_report_<A>-<B>.pdf)"
    )
    p.add_argument(
        "--data",
        metavar="PATH",
        nargs="+",
        help="data files or folders (default: data/processed, built from data/raw)",
    )
    p.add_argument("--notebooks", metavar="DIR", help="folder of the numbered notebooks")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Build the report; print the PDF's path and sha256."""
    from tradecheck.report.build import build_report

    out = build_report(
        claims=args.claims,
        as_of=args.as_of,
        data_as_of=args.data_as_of,
        pair=args.pair,
        data=args.data,
        out=args.out,
        notebooks=args.notebooks,
        progress=not args.no_progress,
    )
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    print(f"{out}  sha256 {digest}", file=sys.stdout)
    return 0
