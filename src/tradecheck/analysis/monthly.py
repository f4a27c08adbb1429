"""Monthly views of a pair's trade: the monthly series, year-to-date against the same months a
year earlier, trailing 12-month sums and the seasonal decomposition.

The seasonal decomposition uses statsmodels' STL (Cleveland et al. 1990), the standard robust
LOESS-based method, rather than a hand-written moving-average split. Rolling sums use pandas.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

import numpy as np
import pandas as pd

from tradecheck.analysis import _windows as W
from tradecheck.analysis._common import (
    DIRECTIONS,
    InsufficientDataError,
    check_frame,
    check_pair,
    pair_rows,
    period_of_index,
)
from tradecheck.countries import DEFAULT_PAIR
from tradecheck.errors import TradecheckError

_KEYS = ["reporter", "source", "direction"]


def monthly_levels(
    df: pd.DataFrame,
    pair: Sequence[str] = DEFAULT_PAIR,
    sources: Iterable[str] | None = None,
    *,
    scope: str = "goods",
    currency: str = "USD",
) -> pd.DataFrame:
    """Monthly values per reporter x source x direction, from monthly or year-to-date rows.

    A month's value is a monthly row, or the difference of two year-to-date rows
    (Jan..m minus Jan..m-1; January's YTD is January). ``total`` follows the rule of
    :func:`~tradecheck.analysis.annual_levels`.

    Returns
    -------
    pandas.DataFrame
        Columns ``period`` (``"YYYY-MM"``), ``year``, ``month``, ``reporter``, ``source``,
        ``direction``, ``value``, ``how``, ``bound``, ``source_file``, ``source_ref``.

    Raises
    ------
    InsufficientDataError
        When no monthly value can be formed.
    """
    check_frame(df, "monthly_levels")
    a, b = check_pair(pair)
    rows = pair_rows(df, (a, b), sources=sources, scope=scope, currency=currency)
    out = []
    for (reporter, source), g in rows.groupby(["reporter", "source"], sort=True):
        ixd = W.index_directions(g)
        months: set[int] = set()
        for ix in ixd.values():
            months |= set(W.monthly_points(ix))
        for i in sorted(months):
            got = W.by_direction(ixd, str(reporter), i, i)
            for direction in DIRECTIONS:
                w = got.get(direction)
                if w is None:
                    continue
                p = period_of_index(i)
                out.append(
                    {
                        "period": p,
                        "year": i // 12,
                        "month": i % 12 + 1,
                        "reporter": reporter,
                        "source": source,
                        "direction": direction,
                        "value": w.value,
                        "how": w.how,
                        "bound": w.bound,
                        "source_file": w.source_file,
                        "source_ref": w.source_ref,
                    }
                )
    if not out:
        raise InsufficientDataError(
            f"monthly_levels: no monthly or year-to-date rows about {a}-{b} give a single month"
        )
    res = pd.DataFrame(out)
    return res.sort_values(
        ["source", "reporter", "direction", "period"], kind="stable"
    ).reset_index(drop=True)


def ytd_vs_last_year(
    df: pd.DataFrame,
    year: int,
    end_month: int,
    pair: Sequence[str] = DEFAULT_PAIR,
    sources: Iterable[str] | None = None,
    *,
    scope: str = "goods",
    currency: str = "USD",
) -> pd.DataFrame:
    """Year-to-date (January..``end_month`` of ``year``) against the same months a year earlier.

    Each window comes from a year-to-date row covering it exactly, else from the sum of its
    months (monthly rows or YTD differences), else - for ``end_month == 12`` - from an annual
    row. Sides are never mixed.

    Parameters
    ----------
    df
        Canonical table.
    year, end_month
        The current window is ``year``-01 .. ``year``-``end_month``.
    pair, sources, scope, currency
        As in :func:`~tradecheck.analysis.annual_levels`.

    Returns
    -------
    pandas.DataFrame
        One row per reporter x source x direction with at least one of the two windows:
        ``period``, ``base_period``, ``value``, ``base_value``, ``change_abs``,
        ``change_pct`` (100 * (value / base_value - 1)), ``how``, ``base_how``, ``bound``,
        ``base_bound``, provenance of both windows and ``status`` (``ok``, ``no current``,
        ``no base``).

    Raises
    ------
    InsufficientDataError
        When no reporter x source has both windows.

    Examples
    --------
    >>> from tradecheck.schema import make_frame
    >>> base = dict(reporter="CHN", partner="BLR", flow="X", source="gacc",
    ...             source_file="f.csv", vintage="2025-01-01")
    >>> df = make_frame([dict(base, period_start="2024-01", period_end="2024-03", value=90.0,
    ...                       source_ref="r1"),
    ...                  dict(base, period_start="2025-01", period_end="2025-03", value=99.0,
    ...                       source_ref="r2")])
    >>> r = ytd_vs_last_year(df, 2025, 3)
    >>> r[["direction", "value", "base_value", "change_pct"]].round(6).values.tolist()
    [['B->A', 99.0, 90.0, 10.0]]
    """
    check_frame(df, "ytd_vs_last_year")
    a, b = check_pair(pair)
    year, end_month = int(year), int(end_month)
    if not 1 <= end_month <= 12:
        raise TradecheckError(f"ytd_vs_last_year: end_month must be 1..12, got {end_month}")
    rows = pair_rows(df, (a, b), sources=sources, scope=scope, currency=currency)
    cur0, cur1 = year * 12, year * 12 + end_month - 1
    bas0, bas1 = cur0 - 12, cur1 - 12
    per = f"{period_of_index(cur0)}..{period_of_index(cur1)}"
    bper = f"{period_of_index(bas0)}..{period_of_index(bas1)}"
    out = []
    for (reporter, source), g in rows.groupby(["reporter", "source"], sort=True):
        ixd = W.index_directions(g)
        cur = W.by_direction(ixd, str(reporter), cur0, cur1)
        bas = W.by_direction(ixd, str(reporter), bas0, bas1)
        for direction in DIRECTIONS:
            c, p = cur.get(direction), bas.get(direction)
            if c is None and p is None:
                continue
            ids = dict(reporter=reporter, source=source, direction=direction)
            out.append(_ytd_record(ids | dict(period=per, base_period=bper), c, p))
    res = pd.DataFrame(out)
    if res.empty or not (res["status"] == "ok").any():
        found = (
            "nothing"
            if res.empty
            else "; ".join(
                f"{r.reporter}/{r.source}/{r.direction}: {r.status}" for r in res.itertuples()
            )
        )
        raise InsufficientDataError(
            f"ytd_vs_last_year: no reporter x source has both {per} and {bper} for {a}-{b} "
            f"(found: {found})"
        )
    return res.reset_index(drop=True)


def _ytd_record(ids: dict[str, Any], c: Any, p: Any) -> dict[str, Any]:
    """One row of :func:`ytd_vs_last_year` from the current and the base window.

    Parameters
    ----------
    ids
        ``reporter``, ``source``, ``direction``, ``period`` and ``base_period`` (first
        columns, in this order).
    c, p
        The current and the base window value (``_windows`` result with ``value``, ``how``,
        ``bound``, ``source_file``, ``source_ref``), or ``None`` when it is missing.

    Returns
    -------
    dict
        ``ids`` followed by values, change, how, bound, provenance and ``status``.
    """
    v = c.value if c else np.nan
    bv = p.value if p else np.nan
    status = "ok" if (c and p) else ("no current" if p else "no base")
    return ids | {
        "value": v,
        "base_value": bv,
        "change_abs": v - bv,
        "change_pct": 100.0 * (v - bv) / bv if (c and p and bv) else np.nan,
        "how": c.how if c else "",
        "base_how": p.how if p else "",
        "bound": c.bound if c else "",
        "base_bound": p.bound if p else "",
        "source_file": c.source_file if c else "",
        "source_ref": c.source_ref if c else "",
        "base_source_file": p.source_file if p else "",
        "base_source_ref": p.source_ref if p else "",
        "status": status,
    }


# --------------------------------------------------------------------------- series helpers


def _to_period_index(idx: pd.Index) -> pd.PeriodIndex:
    if isinstance(idx, pd.PeriodIndex):
        return idx.asfreq("M")
    if isinstance(idx, pd.DatetimeIndex):
        return idx.to_period("M")
    try:
        return pd.PeriodIndex([str(v)[:7] for v in idx], freq="M")
    except (ValueError, TypeError) as exc:
        raise TradecheckError(
            f"expected a monthly index ('YYYY-MM', Period or Timestamp), got {idx[:3].tolist()}"
        ) from exc


def as_monthly_series(
    monthly: pd.Series | pd.DataFrame,
    *,
    reporter: str | None = None,
    source: str | None = None,
    direction: str | None = None,
) -> pd.Series:
    """One monthly series (PeriodIndex, freq M) from a Series or a :func:`monthly_levels`
    frame, selecting one reporter x source x direction.

    Raises
    ------
    TradecheckError
        When the frame still holds several series after the selection (name them).
    InsufficientDataError
        When the selection is empty.
    """
    if isinstance(monthly, pd.Series):
        s = monthly.astype(float).copy()
        s.index = _to_period_index(s.index)
        return s.sort_index()
    if not isinstance(monthly, pd.DataFrame) or not {"period", "value"} <= set(monthly.columns):
        raise TradecheckError("expected a Series or a frame with columns 'period' and 'value'")
    d = monthly
    for col, val in (("reporter", reporter), ("source", source), ("direction", direction)):
        if val is not None and col in d.columns:
            d = d[d[col] == val]
    if d.empty:
        raise InsufficientDataError("no monthly values for the selected series")
    keys = [k for k in _KEYS if k in d.columns]
    if keys and len(d.groupby(keys)) > 1:
        names = ", ".join("/".join(map(str, cast(tuple, k))) for k in d.groupby(keys).groups)
        raise TradecheckError(
            f"several monthly series ({names}); choose one with reporter=, source=, direction="
        )
    if d["period"].duplicated().any():
        raise TradecheckError("the monthly series has duplicate periods")
    s = pd.Series(d["value"].to_numpy(dtype=float), index=_to_period_index(pd.Index(d["period"])))
    s.name = "/".join(str(d[k].iloc[0]) for k in keys) if keys else "value"
    return s.sort_index()


def _runs(idx: pd.Index) -> list[tuple[int, int]]:
    """Maximal runs of consecutive months (a PeriodIndex) as (first position, last position)."""
    if len(idx) == 0:
        return []
    ords = np.array([p.ordinal for p in idx])
    breaks = np.flatnonzero(np.diff(ords) != 1)
    starts = np.r_[0, breaks + 1]
    ends = np.r_[breaks, len(ords) - 1]
    return list(zip(starts.tolist(), ends.tolist(), strict=True))


def trailing_12m(monthly: pd.Series | pd.DataFrame) -> pd.Series | pd.DataFrame:
    """Rolling 12-month sums of a monthly series.

    A sum is given only where the 12 months ending at that month are all present
    (consecutive, no gaps); elsewhere it is NaN.

    Parameters
    ----------
    monthly
        A Series indexed by month (``"YYYY-MM"``, Period or Timestamp), or a frame from
        :func:`monthly_levels` (each reporter x source x direction summed separately).

    Returns
    -------
    pandas.Series or pandas.DataFrame
        For a Series: the sums (same index, name ``trailing_12m``). For a frame: a copy with
        the column ``trailing_12m``.

    Raises
    ------
    InsufficientDataError
        When no series has 12 consecutive months.

    Examples
    --------
    >>> s = pd.Series(range(1, 14), index=pd.period_range("2020-01", periods=13, freq="M"))
    >>> trailing_12m(s).dropna().tolist()
    [78.0, 90.0]
    """
    if isinstance(monthly, pd.Series):
        s = as_monthly_series(monthly)
        full = s.reindex(pd.period_range(s.index.min(), s.index.max(), freq="M"))
        roll = full.rolling(12, min_periods=12).sum().reindex(s.index)
        if roll.isna().all():
            raise InsufficientDataError(
                f"trailing_12m needs 12 consecutive months; the series has {len(s)} month(s) "
                f"({s.index.min()}..{s.index.max()}) with gaps or too few"
            )
        roll.name = "trailing_12m"
        if not isinstance(monthly.index, pd.PeriodIndex):
            roll.index = monthly.sort_index().index
        return roll
    if not isinstance(monthly, pd.DataFrame) or not {"period", "value"} <= set(monthly.columns):
        raise TradecheckError("trailing_12m: expected a Series or a frame with period and value")
    keys = [k for k in _KEYS if k in monthly.columns]
    out = monthly.copy()
    out["trailing_12m"] = np.nan
    groups = out.groupby(keys, sort=False).groups if keys else {(): out.index}
    for ix in groups.values():
        g = out.loc[ix]
        s = pd.Series(
            g["value"].to_numpy(dtype=float), index=_to_period_index(pd.Index(g["period"]))
        )
        order = np.argsort([p.ordinal for p in s.index])
        s = s.iloc[order]
        full = s.reindex(pd.period_range(s.index.min(), s.index.max(), freq="M"))
        roll = full.rolling(12, min_periods=12).sum()
        out.loc[g.index[order], "trailing_12m"] = roll.reindex(s.index).to_numpy()
    if out["trailing_12m"].isna().all():
        raise InsufficientDataError(
            "trailing_12m needs 12 consecutive months in some series; none has them"
        )
    return out


@dataclass
class SeasonalResult:
    """STL decomposition of one monthly series (observed = trend + seasonal + resid).

    Attributes
    ----------
    observed, trend, seasonal, resid
        Series on a monthly PeriodIndex (the gap-free span that was decomposed).
    period
        Seasonal period (12 for months).
    start, end
        First and last month decomposed (``"YYYY-MM"``).
    strength
        Seasonal strength ``max(0, 1 - var(resid) / var(seasonal + resid))`` (Wang, Smith
        and Hyndman 2006): 0 = no seasonality, near 1 = strong.
    label
        Which series (reporter/source/direction when known).
    dropped
        Months of the input outside the decomposed span (before a gap).
    source_files
        Files the values came from (for chart source lines), when known.
    stl
        The statsmodels ``DecomposeResult``.
    """

    observed: pd.Series
    trend: pd.Series
    seasonal: pd.Series
    resid: pd.Series
    period: int
    start: str
    end: str
    strength: float
    label: str = ""
    dropped: int = 0
    source_files: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    reporter: str | None = None
    stl: Any = None


def seasonal(
    monthly: pd.Series | pd.DataFrame,
    period: int = 12,
    *,
    robust: bool = True,
    reporter: str | None = None,
    source: str | None = None,
    direction: str | None = None,
) -> SeasonalResult:
    """STL decomposition of a monthly series (statsmodels ``STL``).

    The longest run of consecutive months is decomposed (the latest one when two are equally
    long); it must cover at least two full seasonal cycles (24 months for ``period=12``).

    Parameters
    ----------
    monthly
        A Series indexed by month, or a :func:`monthly_levels` frame narrowed to one series
        (or narrowed here with ``reporter=``, ``source=``, ``direction=``).
    period
        Seasonal period in months.
    robust
        Robust STL fitting (down-weights outliers such as one-off shipments).

    Returns
    -------
    SeasonalResult

    Raises
    ------
    InsufficientDataError
        When no gap-free run of ``2 * period`` months exists.

    Examples
    --------
    >>> idx = pd.period_range("2019-01", periods=36, freq="M")
    >>> s = pd.Series([100.0 + (10.0 if p.month == 12 else 0.0) for p in idx], index=idx)
    >>> r = seasonal(s)
    >>> (r.start, r.end, round(float(r.seasonal[r.seasonal.index.month == 12].mean())))
    ('2019-01', '2021-12', 9)
    """
    from statsmodels.tsa.seasonal import STL

    if int(period) < 2:
        raise TradecheckError(f"seasonal: period must be >= 2, got {period}")
    files, srcs, rep = _provenance(monthly, reporter, source, direction)
    s = as_monthly_series(monthly, reporter=reporter, source=source, direction=direction)
    s = s.dropna()
    best = _longest_run(s, int(period))
    n = best[1] - best[0] + 1
    span = s.iloc[best[0] : best[1] + 1]
    res = STL(span.to_numpy(), period=int(period), robust=robust).fit()
    idx = span.index
    trend = pd.Series(res.trend, index=idx, name="trend")
    seas = pd.Series(res.seasonal, index=idx, name="seasonal")
    resid = pd.Series(res.resid, index=idx, name="resid")
    return SeasonalResult(
        observed=span.rename("observed"),
        trend=trend,
        seasonal=seas,
        resid=resid,
        period=int(period),
        start=str(idx[0]),
        end=str(idx[-1]),
        strength=_strength(seas, resid),
        label=str(s.name or ""),
        dropped=len(s) - n,
        source_files=files,
        sources=srcs,
        reporter=rep,
        stl=res,
    )


def _provenance(
    monthly: pd.Series | pd.DataFrame,
    reporter: str | None,
    source: str | None,
    direction: str | None,
) -> tuple[list[str], list[str], str | None]:
    """Source files, sources and the single reporter of the selected rows of a levels frame.

    Parameters
    ----------
    monthly
        The input of :func:`seasonal` (a Series carries no provenance).
    reporter, source, direction
        The selection of :func:`seasonal`.

    Returns
    -------
    tuple
        ``(files, sources, reporter)``; the reporter is the one left after the selection, else
        the one asked for.
    """
    files: list[str] = []
    srcs: list[str] = []
    rep = reporter
    if isinstance(monthly, pd.DataFrame):
        sel = monthly
        for col, val in (("reporter", reporter), ("source", source), ("direction", direction)):
            if val is not None and col in sel.columns:
                sel = sel[sel[col] == val]
        if "source_file" in sel.columns:
            files = sorted({f for v in sel["source_file"] for f in str(v).split("; ") if f})
        if "source" in sel.columns:
            srcs = sorted(set(map(str, sel["source"])))
        if "reporter" in sel.columns and sel["reporter"].nunique() == 1:
            rep = str(sel["reporter"].iloc[0])
    return files, srcs, rep


def _longest_run(s: pd.Series, period: int) -> tuple[int, int]:
    """Positions of the longest gap-free run of months (the latest of equals), two cycles long.

    Parameters
    ----------
    s
        Monthly series (PeriodIndex) without NaN.
    period
        Seasonal period in months.

    Returns
    -------
    tuple of int
        ``(first, last)`` positions in ``s``.

    Raises
    ------
    InsufficientDataError
        When ``s`` is empty or the run is shorter than ``2 * period``.
    """
    need = 2 * period
    runs = _runs(s.index)
    if not runs:
        raise InsufficientDataError("seasonal: the series is empty")
    best = max(runs, key=lambda r: (r[1] - r[0], r[0]))
    n = best[1] - best[0] + 1
    if n < need:
        raise InsufficientDataError(
            f"seasonal needs {need} consecutive months (two full cycles); the longest gap-free "
            f"run is {s.index[best[0]]}..{s.index[best[1]]} ({n} month(s)) of {len(s)} in all"
        )
    return best


def _strength(seas: pd.Series, resid: pd.Series) -> float:
    """Seasonal strength ``max(0, 1 - var(resid) / var(seasonal + resid))``; 0 when flat.

    Parameters
    ----------
    seas, resid
        STL seasonal and remainder components.

    Returns
    -------
    float
    """
    denom = float(np.var(seas + resid))
    return max(0.0, 1.0 - float(np.var(resid)) / denom) if denom > 0 else 0.0
