"""What the canonical table covers: rows by source x reporter x flow, first and last period,
kinds of period (annual, monthly, year-to-date) and the years missing in between.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from tradecheck.analysis._common import (
    InsufficientDataError,
    check_frame,
    format_years,
    join_unique,
)

COVERAGE_COLUMNS: tuple[str, ...] = (
    "source",
    "reporter",
    "flow",
    "rows",
    "first_period",
    "last_period",
    "first_year",
    "last_year",
    "n_years",
    "missing_years",
    "n_missing_years",
    "n_annual",
    "n_monthly",
    "n_ytd",
    "n_other",
    "partners",
    "files",
)


def _kind(start: str, end: str) -> str:
    if start == end:
        return "monthly"
    if start[5:7] == "01" and start[:4] == end[:4]:
        return "annual" if end[5:7] == "12" else "ytd"
    return "other"


def coverage(df: pd.DataFrame, pair: Sequence[str] | None = None) -> pd.DataFrame:
    """Rows by source x reporter x flow, with first/last period and the gaps in years.

    Parameters
    ----------
    df
        Canonical table.
    pair
        Only rows about goods between these two countries (any flow, including ``T`` and
        ``B``); default: every row.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`COVERAGE_COLUMNS`: ``rows``, ``first_period``/``last_period``,
        ``first_year``/``last_year``, ``n_years`` (distinct years touched by a row),
        ``missing_years`` (years between first and last with no row, as ``"1995-1997,
        2001"``), ``n_missing_years``, counts of annual / monthly / year-to-date / other
        windows, number of ``partners`` and the ``files``.

    Raises
    ------
    InsufficientDataError
        When there is no row (after the ``pair`` filter).

    Examples
    --------
    >>> from tradecheck.schema import make_frame
    >>> base = dict(reporter="BLR", partner="CHN", flow="X", source="imf_dots",
    ...             source_file="f", source_ref="r", vintage="v", value=1.0)
    >>> df = make_frame([dict(base, period_start=f"{y}-01", period_end=f"{y}-12")
    ...                  for y in (2000, 2001, 2004)])
    >>> coverage(df)[["rows", "first_period", "last_period", "missing_years"]].values.tolist()
    [[3, '2000-01', '2004-12', '2002-2003']]
    """
    check_frame(df, "coverage")
    d = df
    if pair is not None:
        a, b = pair
        d = d[
            ((d["exporter"] == a) & (d["importer"] == b))
            | ((d["exporter"] == b) & (d["importer"] == a))
        ]
    if d.empty:
        raise InsufficientDataError(
            "coverage: the table has no rows" + (f" about {pair[0]}-{pair[1]}" if pair else "")
        )
    d = d.assign(
        _kind=[_kind(s, e) for s, e in zip(d["period_start"], d["period_end"], strict=True)]
    )
    out = []
    for (source, reporter, flow), g in d.groupby(["source", "reporter", "flow"], sort=True):
        years: set[int] = set()
        for s, e in zip(g["period_start"], g["period_end"], strict=True):
            years.update(range(int(s[:4]), int(e[:4]) + 1))
        y0, y1 = min(years), max(years)
        missing = [y for y in range(y0, y1 + 1) if y not in years]
        kinds = g["_kind"].value_counts()
        out.append(
            {
                "source": source,
                "reporter": reporter,
                "flow": flow,
                "rows": len(g),
                "first_period": str(g["period_start"].min()),
                "last_period": str(g["period_end"].max()),
                "first_year": y0,
                "last_year": y1,
                "n_years": len(years),
                "missing_years": format_years(missing),
                "n_missing_years": len(missing),
                "n_annual": int(kinds.get("annual", 0)),
                "n_monthly": int(kinds.get("monthly", 0)),
                "n_ytd": int(kinds.get("ytd", 0)),
                "n_other": int(kinds.get("other", 0)),
                "partners": int(g["partner"].nunique()),
                "files": join_unique(sorted(set(g["source_file"]))),
            }
        )
    return pd.DataFrame(out, columns=list(COVERAGE_COLUMNS))
