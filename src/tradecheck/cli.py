"""The ``tradecheck`` command line.

Subcommands are contributed by the stage that owns them (each stage's ``_cli.py`` exposes
``register(subparsers)``): ``load`` (loaders), ``build`` (store), ``parse``/``check`` (claims),
``report`` (report), ``fetch`` (live fetchers), ``bench`` (scale), ``init`` (project).

Errors a user can cause end as one line on stderr and exit status 2, never a traceback
(set ``TRADECHECK_DEBUG=1`` to see one).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from tradecheck import __version__
from tradecheck.errors import TradecheckError, one_line

_STAGES = (
    "tradecheck.loaders._cli",
    "tradecheck.store._cli",
    "tradecheck.claims._cli",
    "tradecheck.report._cli",
    "tradecheck.fetch._cli",
    "tradecheck.scale._cli",
    "tradecheck.project._cli",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tradecheck",
        description="Load trade statistics, check published claims, build reproducible reports.",
    )
    parser.add_argument("--version", action="version", version=f"tradecheck {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for modname in _STAGES:
        try:
            mod = importlib.import_module(modname)
        except ModuleNotFoundError as exc:
            if exc.name == modname:
                continue
            raise
        mod.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        rc = args.func(args)
        return int(rc or 0)
    except TradecheckError as exc:
        if os.environ.get("TRADECHECK_DEBUG"):
            raise
        print(f"tradecheck: error: {one_line(exc)}", file=sys.stderr)
        return 2
    except (OSError, UnicodeError) as exc:
        if os.environ.get("TRADECHECK_DEBUG"):
            raise
        print(f"tradecheck: error: {one_line(exc)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("tradecheck: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
