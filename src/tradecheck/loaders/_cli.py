"""``tradecheck load``: read raw files into the canonical table, summarise, optionally save."""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import warnings
from pathlib import Path
from typing import Any

import pandas as pd

from tradecheck import schema
from tradecheck.countries import DEFAULT_PAIR
from tradecheck.errors import TradecheckError, one_line

_MAX_GROUPS = 20


def register(subparsers: Any) -> None:
    """Add the ``load`` subcommand."""
    p = subparsers.add_parser(
        "load",
        help="read raw files (format detected by content) into the canonical table",
        description="Read one or more files or folders into the canonical table, print a short "
        "summary (rows per source/reporter/flow and the months covered) and optionally save "
        "it as Parquet or CSV. Raw files are only read.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders")
    p.add_argument("--out", metavar="FILE", help="write the table to FILE.parquet or FILE.csv")
    p.add_argument("--format", metavar="NAME", help="force a loader (see --list-formats)")
    p.add_argument("--list-formats", action="store_true", help="list the known formats and exit")
    p.add_argument(
        "--flow",
        choices=("X", "M"),
        help="flow of files that do not say it themselves (China-customs query CSV, generic)",
    )
    p.add_argument(
        "--period",
        metavar="START..END",
        help="months a file covers when it does not say (e.g. 2024-01..2024-06)",
    )
    p.add_argument(
        "--allow-empty",
        action="store_true",
        help="accept a result with zero rows even when rows were dropped (default: an error)",
    )
    p.add_argument(
        "--opt",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="any other loader option, repeatable (e.g. --opt unit=thousand --opt unknown=skip)",
    )
    p.set_defaults(func=run)


def summary(
    df: pd.DataFrame, max_groups: int = _MAX_GROUPS, pair: tuple[str, ...] = DEFAULT_PAIR
) -> str:
    """A few lines: rows per source, then per source/reporter/flow with the months covered.

    Groups whose reporter is one of ``pair`` (or ``XXX``, side not stated) are listed first;
    at most ``max_groups`` group lines are printed.

    Examples
    --------
    >>> from tradecheck import schema
    >>> print(summary(schema.empty_frame()))
    0 rows
    """
    if df.empty:
        return "0 rows"
    g = (
        df.groupby(["source", "reporter", "flow"], sort=True)
        .agg(rows=("value", "size"), first=("period_start", "min"), last=("period_end", "max"))
        .reset_index()
    )
    return summary_of_groups(g, df["source_file"].nunique(), max_groups, pair)


def summary_of_groups(
    g: pd.DataFrame,
    files: int,
    max_groups: int = _MAX_GROUPS,
    pair: tuple[str, ...] = DEFAULT_PAIR,
) -> str:
    """:func:`summary` from counts per source/reporter/flow (columns ``rows``, ``first``,
    ``last``), as the streaming path of ``tradecheck load`` keeps them."""
    if g.empty or int(g["rows"].sum()) == 0:
        return "0 rows"
    lines = [
        (
            f"{int(g['rows'].sum())} rows from {files} file(s); months {g['first'].min()}.."
            f"{g['last'].max()}"
        )
    ]
    per_source = g.groupby("source", sort=True).agg(
        rows=("rows", "sum"),
        reporters=("reporter", "nunique"),
        first=("first", "min"),
        last=("last", "max"),
    )
    for src, r in per_source.iterrows():
        lines.append(
            f"  {src}: {r['rows']} rows, {r['reporters']} reporter(s), {r['first']}..{r['last']}"
        )
    g = g.copy()
    g["_pair"] = ~g["reporter"].isin((*pair, schema.UNKNOWN_SIDE))
    g = g.sort_values(
        ["_pair", "source", "rows", "reporter", "flow"], ascending=[True, True, False, True, True]
    )
    lines.append(f"{'source':<10} {'reporter':<8} {'flow':<4} {'rows':>7}  months")
    for t in g.head(max_groups).itertuples(index=False):
        lines.append(f"{t.source:<10} {t.reporter:<8} {t.flow:<4} {t.rows:>7}  {t.first}..{t.last}")
    if len(g) > max_groups:
        rest = g.iloc[max_groups:]
        lines.append(f"... and {len(rest)} more group(s) with {int(rest['rows'].sum())} rows")
    return "\n".join(lines)


#: First characters that make a spreadsheet read a text cell as a formula (OWASP, "CSV
#: injection"); tab and carriage return are on the list too.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER_TEXT = re.compile(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?")


def neutralise_formulas(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` whose text cells cannot run as spreadsheet formulas.

    A text cell starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return gets a
    leading single quote, as OWASP advises for CSV files; text that is a plain number
    (``-5``, ``+1.5e3``) and numeric columns are left as they are.

    Examples
    --------
    >>> out = neutralise_formulas(pd.DataFrame({"note": ["=1+1", "-5", "ok"], "value": [-1.0] * 3}))
    >>> out["note"].tolist(), out["value"].tolist()
    (["'=1+1", '-5', 'ok'], [-1.0, -1.0, -1.0])
    """

    def safe(v: object) -> object:
        if isinstance(v, str) and v.startswith(FORMULA_STARTS) and not _NUMBER_TEXT.fullmatch(v):
            return "'" + v
        return v

    out = df.copy()
    for col in out.columns:
        if not pd.api.types.is_numeric_dtype(out[col]):
            out[col] = out[col].map(safe)
    return out


def write_table(df: pd.DataFrame, out: str | os.PathLike[str]) -> Path:
    """Write ``df`` to ``.parquet`` or ``.csv`` atomically (temporary file + ``os.replace``).

    CSV output goes through :func:`neutralise_formulas`; Parquet keeps the cells as they are.

    Raises
    ------
    TradecheckError
        For any other suffix.
    """
    target = Path(out)
    suffix = target.suffix.lower()
    if suffix not in (".parquet", ".csv"):
        raise TradecheckError(f"--out {out}: expected a file name ending in .parquet or .csv")
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        if suffix == ".parquet":
            df.to_parquet(tmp, index=False)
        else:
            neutralise_formulas(df).to_csv(tmp, index=False, encoding="utf-8")
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target


def run(args: argparse.Namespace) -> int:
    """Run ``tradecheck load``."""
    from tradecheck.loaders import load, load_report, loaders
    from tradecheck.loaders.report import ReportedWarning

    if args.list_formats:
        for name, ld in sorted(loaders().items()):
            print(f"{name:<22} {ld.source:<10} {ld.description}")
        return 0
    if not args.paths:
        raise TradecheckError("load: expected at least one PATH (or --list-formats)")
    options: dict[str, Any] = {}
    if args.flow:
        options["flow"] = args.flow
    if getattr(args, "period", None):
        options["period"] = args.period
    for item in getattr(args, "opt", []) or []:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise TradecheckError(f"load: --opt expects KEY=VALUE, got {item!r}")
        options[key.strip()] = value.strip()
    from tradecheck.scale import route  # big Comtrade files stream (bounded memory)

    if route.any_streamed(args.paths, args.format):
        return route.run_load(args.paths, args.format, options, args.out)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        df = load(
            args.paths,
            format=args.format,
            allow_empty=getattr(args, "allow_empty", False),
            **options,
        )
    report_lines = load_report(df).lines()
    for w in caught:  # warnings not already in the report (e.g. from other modules)
        if not isinstance(w.message, ReportedWarning):
            print(f"note: {one_line(w.message)}", file=sys.stderr)
    for line in report_lines:
        print(f"note: {one_line(line)}", file=sys.stderr)
    print(summary(df))
    if args.out:
        path = write_table(df, args.out)
        print(f"wrote {len(df)} rows to {path}")
    return 0
