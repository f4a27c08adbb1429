"""``tradecheck init DIR``: lay out an analysis project (see :mod:`tradecheck.project`)."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    """Add the ``init`` subcommand."""
    p = subparsers.add_parser(
        "init",
        help="lay out an analysis project with the shipped data (then `make report` there)",
        description="Create DIR with data/raw (a copy of the shipped dataset), data/processed, "
        "notebooks/ (the report notebooks), reports/, a Makefile whose `make report` runs "
        "`tradecheck report`, environment.yml and a README. Refuses a non-empty DIR unless "
        "--force.",
    )
    p.add_argument("directory", metavar="DIR", help="the project folder to create")
    p.add_argument(
        "--force",
        action="store_true",
        help="write into a non-empty DIR (same-named files are replaced, others kept)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Create the project and say what to do next."""
    from tradecheck.project import init_project

    target = init_project(args.directory, force=args.force)
    print(f"{target}: tradecheck project created; next: cd {target} && make report")
    return 0
