"""``tradecheck fetch comtrade|imf``: live downloads into data/raw (needs the network)."""

from __future__ import annotations

import argparse
import sys
import warnings
from typing import Any


def register(subparsers: Any) -> None:
    """Add the ``fetch`` subcommand and its ``comtrade``/``imf`` sources."""
    p = subparsers.add_parser(
        "fetch",
        help="download Comtrade or IMF IMTS data into data/raw (saved unchanged + sidecar)",
        description="Download live data and save each answer unchanged under data/raw with a "
        ".meta.json sidecar. Keys come from the environment only (COMTRADE_API_KEY, "
        "IMF_API_KEY) and are never written anywhere. Run `tradecheck build` afterwards.",
    )
    src = p.add_subparsers(dest="source", metavar="SOURCE", required=True)

    c = src.add_parser("comtrade", help="UN Comtrade final data (JSON)")
    c.add_argument("--reporter", required=True, help="ISO3 or Comtrade code(s), comma list")
    c.add_argument("--partner", required=True, help="ISO3 or Comtrade code(s), comma list")
    c.add_argument(
        "--period", required=True, help="years (2023,2024) or months (202301,2023-02); comma list"
    )
    c.add_argument("--freq", choices=("A", "M"), default="A", help="annual or monthly (default A)")
    c.add_argument("--flows", default="X,M", help="flow codes, comma list (default X,M)")
    c.add_argument("--cmd", default="TOTAL", help="commodity code(s) (default TOTAL)")
    c.add_argument("--out", default=None, help="output folder (default data/raw/comtrade)")
    c.add_argument("--no-progress", action="store_true", help="no progress bar")
    c.set_defaults(func=run)

    i = src.add_parser("imf", help="IMF IMTS (ex-DOTS) as SDMX-CSV")
    i.add_argument("--reporter", required=True, help="ISO3 code(s), e.g. CHN")
    i.add_argument("--partner", required=True, help="ISO3 code(s), e.g. BLR")
    i.add_argument(
        "--indicators", default="XG_FOB_USD,MG_CIF_USD", help="IMTS indicators, comma list"
    )
    i.add_argument("--freq", choices=("A", "Q", "M"), default="M", help="default M")
    i.add_argument("--start", default=None, help="first period (2015, 2015-01, 2015-Q1)")
    i.add_argument("--end", default=None, help="last period")
    i.add_argument("--out", default=None, help="output folder (default data/raw/imf)")
    i.add_argument("--no-progress", action="store_true", help="no progress bar")
    i.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run ``tradecheck fetch``; print the saved files and any warnings."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if args.source == "comtrade":
            from tradecheck.fetch import comtrade

            saved = comtrade.fetch(
                args.reporter,
                args.partner,
                args.period,
                freq=args.freq,
                flows=args.flows.split(","),
                cmd=args.cmd,
                out_dir=args.out,
                progress=not args.no_progress,
            )
        else:
            from tqdm.auto import tqdm

            from tradecheck.fetch import imf

            with tqdm(total=1, desc="imf", unit="request", disable=args.no_progress) as bar:
                saved = [
                    imf.fetch(
                        args.reporter,
                        args.partner,
                        indicators=tuple(args.indicators.split(",")),
                        freq=args.freq,
                        start=args.start,
                        end=args.end,
                        out_dir=args.out,
                    )
                ]
                bar.update(1)
    for w in caught:
        print(f"tradecheck: warning: {w.message}", file=sys.stderr)
    for path in saved:
        print(path)
    return 0
