"""Annual levels of a country pair's trade, and what follows from them: year-on-year change,
compound annual growth, and each reporter's balance.

Everything is plain pandas: the computations are a few grouped shifts and ratios, for which no
dedicated library would be clearer.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import cast

import numpy as np
import pandas as pd

from tradecheck.analysis import _windows as W
from tradecheck.analysis._common import (
    A_TO_B,
    B_TO_A,
    DIRECTIONS,
    TOTAL,
    InsufficientDataError,
    check_frame,
    check_pair,
    pair_rows,
)
from tradecheck.countries import DEFAULT_PAIR
from tradecheck.errors import TradecheckError

LEVEL_COLUMNS: tuple[str, ...] = (
    "year",
    "reporter",
    "source",
    "direction",
    "value",
    "source_file",
    "source_ref",
    "exporter",
    "importer",
    "flow",
    "how",
    "bound",
    "estimate",
    "vintage",
    "valuation",
    "n_candidates",
    "disagree",
)
_KEYS = ["reporter", "source", "direction"]


def _record(
    year: int, reporter: str, source: str, direction: str, ends: tuple[str, str], w: W.Window
) -> dict[str, object]:
    return {
        "year": year,
        "reporter": reporter,
        "source": source,
        "direction": direction,
        "value": w.value,
        "source_file": w.source_file,
        "source_ref": w.source_ref,
        "exporter": ends[0],
        "importer": ends[1],
        "flow": w.flow,
        "how": w.how,
        "bound": w.bound,
        "estimate": w.estimate,
        "vintage": w.vintage,
        "valuation": w.valuation,
        "n_candidates": w.n_candidates,
        "disagree": w.disagree,
    }


def annual_levels(
    df: pd.DataFrame,
    pair: Sequence[str] = DEFAULT_PAIR,
    sources: Iterable[str] | None = None,
    *,
    scope: str = "goods",
    currency: str = "USD",
) -> pd.DataFrame:
    """The annual figure per year x reporter x source x direction of a pair's trade.

    Parameters
    ----------
    df
        Canonical table (:mod:`tradecheck.schema`).
    pair
        ``(A, B)`` ISO3 codes; directions are reported as ``"A->B"``, ``"B->A"`` and
        ``"total"`` (exports + imports).
    sources
        Restrict to these ``source`` values (default: all).
    scope, currency
        Which rows count (default: goods in US$).

    Returns
    -------
    pandas.DataFrame
        Long table with columns :data:`LEVEL_COLUMNS`: ``year``, ``reporter``, ``source``,
        ``direction``, ``value`` and provenance (``source_file``, ``source_ref``, ``vintage``),
        plus ``exporter``/``importer`` of the direction, ``flow`` (``X``, ``M``, ``T`` or
        ``X+M``), ``how`` the value was obtained (``annual row``, ``sum of 12 months``,
        ``X+M``), the ``bound`` of the figure, ``estimate``, ``valuation``, ``n_candidates``
        (rows that described the same year) and ``disagree`` (candidates of the chosen bound
        differ by more than 0.5 %).

    Notes
    -----
    * Sides are never mixed: each reporter (and ``XXX`` for published figures whose side is
      not stated) keeps its own rows. ``total`` is a ``T`` row, or the sum of the same
      reporter's exports and imports in the same source; for ``XXX`` only ``T`` rows count,
      because two unattributed one-way figures may come from different sides.
    * Among several figures for the same year the rule of
      :func:`tradecheck.analysis._common.pick` applies: bound ``eq`` first; for published
      figures then the most precise one (most significant digits); then the latest vintage;
      then file order. ``n_candidates`` and ``disagree`` show when there was a choice. A
      ``T`` row that is only approximate gives way to an exact ``X+M``.
    * A year without an annual row is built from 12 monthly (or year-to-date) figures when all
      are present; otherwise it is absent.

    Raises
    ------
    InsufficientDataError
        When no row of ``df`` describes the pair's trade.

    Examples
    --------
    >>> from tradecheck.schema import make_frame
    >>> base = dict(period_start="2020-01", period_end="2020-12", source="imf_dots",
    ...             source_file="f.xlsx", vintage="2022-03-01")
    >>> df = make_frame([dict(base, reporter="BLR", partner="CHN", flow="X", value=5.0,
    ...                       source_ref="r1"),
    ...                  dict(base, reporter="BLR", partner="CHN", flow="M", value=7.0,
    ...                       source_ref="r2")])
    >>> annual_levels(df)[["year", "reporter", "direction", "value"]].values.tolist()
    [[2020, 'BLR', 'A->B', 5.0], [2020, 'BLR', 'B->A', 7.0], [2020, 'BLR', 'total', 12.0]]
    """
    check_frame(df, "annual_levels")
    a, b = check_pair(pair)
    rows = pair_rows(df, (a, b), sources=sources, scope=scope, currency=currency)
    if rows.empty:
        raise InsufficientDataError(
            f"annual_levels: no {scope} rows in {currency} about trade between {a} and {b}"
            + (f" in source(s) {sorted(set(sources))}" if sources is not None else "")
        )
    ends = {A_TO_B: (a, b), B_TO_A: (b, a), TOTAL: (a, b)}
    out: list[dict[str, object]] = []
    for (reporter, source), g in rows.groupby(["reporter", "source"], sort=True):
        ixd = W.index_directions(g)
        for year in sorted(set(g["year"])):
            w0, w1 = year * 12, year * 12 + 11
            got = W.by_direction(ixd, str(reporter), w0, w1)
            for direction in DIRECTIONS:
                if direction in got:
                    out.append(
                        _record(
                            int(year),
                            str(reporter),
                            str(source),
                            direction,
                            ends[direction],
                            got[direction],
                        )
                    )
    if not out:
        raise InsufficientDataError(
            f"annual_levels: rows about {a}-{b} exist but none gives a full calendar year "
            "(no annual row and no complete set of 12 months)"
        )
    res = pd.DataFrame(out, columns=list(LEVEL_COLUMNS))
    res["direction"] = pd.Categorical(res["direction"], categories=list(DIRECTIONS))
    res = res.sort_values(["source", "reporter", "direction", "year"], kind="stable")
    res["direction"] = res["direction"].astype(str).astype(object)
    return res.reset_index(drop=True)


def _levels_frame(levels: pd.DataFrame | pd.Series, func: str) -> pd.DataFrame:
    if isinstance(levels, pd.Series):
        levels = pd.DataFrame({"year": levels.index.astype(int), "value": levels.to_numpy()})
    if not isinstance(levels, pd.DataFrame) or not {"year", "value"} <= set(levels.columns):
        raise TradecheckError(
            f"{func}: expected levels with columns 'year' and 'value' (from annual_levels) "
            "or a Series indexed by year"
        )
    if levels.empty:
        raise InsufficientDataError(f"{func}: the levels table is empty")
    return levels


def yoy(levels: pd.DataFrame | pd.Series) -> pd.DataFrame:
    """Year-on-year change of annual levels, per reporter x source x direction.

    Parameters
    ----------
    levels
        Output of :func:`annual_levels` (or any frame with ``year``, ``value`` and optional
        group columns ``reporter``/``source``/``direction``), or a Series indexed by year.

    Returns
    -------
    pandas.DataFrame
        ``levels`` sorted, with ``prev_value`` (the value of exactly the previous year, NaN
        when that year is missing), ``yoy_abs`` = value - prev_value and ``yoy_pct`` =
        100 * (value / prev_value - 1).

    Raises
    ------
    InsufficientDataError
        When no group has two consecutive years.

    Examples
    --------
    >>> s = pd.Series([100.0, 125.0, 100.0], index=[2018, 2019, 2020])
    >>> yoy(s)["yoy_pct"].tolist()
    [nan, 25.0, -20.0]
    """
    lv = _levels_frame(levels, "yoy")
    keys = [k for k in _KEYS if k in lv.columns]
    lv = lv.sort_values([*keys, "year"], kind="stable").reset_index(drop=True)
    prev_year = lv.groupby(keys, sort=False)["year"].shift(1) if keys else lv["year"].shift(1)
    prev_val = lv.groupby(keys, sort=False)["value"].shift(1) if keys else lv["value"].shift(1)
    consecutive = prev_year == lv["year"] - 1
    lv["prev_value"] = prev_val.where(consecutive)
    if "bound" in lv.columns:
        pb = lv.groupby(keys, sort=False)["bound"].shift(1) if keys else lv["bound"].shift(1)
        lv["prev_bound"] = pb.where(consecutive)
    lv["yoy_abs"] = lv["value"] - lv["prev_value"]
    with np.errstate(divide="ignore", invalid="ignore"):
        lv["yoy_pct"] = 100.0 * (lv["value"] - lv["prev_value"]) / lv["prev_value"]
    lv.loc[lv["prev_value"] == 0, "yoy_pct"] = np.nan
    if lv["prev_value"].isna().all():
        raise InsufficientDataError("yoy: no series has two consecutive years")
    return lv


def cagr(levels: pd.DataFrame | pd.Series, start_year: int, end_year: int) -> pd.DataFrame | float:
    """Compound annual growth rate between two years, in percent.

    ``cagr_pct = 100 * ((end_value / start_value) ** (1 / (end_year - start_year)) - 1)``.

    Parameters
    ----------
    levels
        Output of :func:`annual_levels` (grouped by reporter x source x direction) or a Series
        indexed by year.
    start_year, end_year
        The two years (``end_year > start_year``).

    Returns
    -------
    pandas.DataFrame or float
        For a frame: one row per group that has at least one of the two years, with
        ``start_value``, ``end_value``, ``years``, ``cagr_pct`` and ``reason`` (why
        ``cagr_pct`` is NaN, else empty). For a Series: the rate as a float.

    Raises
    ------
    InsufficientDataError
        When no group has both years with positive values.

    Examples
    --------
    >>> cagr(pd.Series([100.0, 121.0], index=[2010, 2012]), 2010, 2012)
    10.0
    """
    if int(end_year) <= int(start_year):
        raise TradecheckError(
            f"cagr: end_year ({end_year}) must be after start_year ({start_year})"
        )
    series_in = isinstance(levels, pd.Series)
    lv = _levels_frame(levels, "cagr")
    keys = [k for k in _KEYS if k in lv.columns]
    out = []
    groups = lv.groupby(keys, sort=True) if keys else [((), lv)]
    for key, g in groups:
        key = key if isinstance(key, tuple) else (key,)
        rec = _cagr_record(g, start_year, end_year)
        if rec is not None:
            out.append({**dict(zip(keys, key, strict=True)), **rec})
    res = pd.DataFrame(out, columns=[*keys, *_CAGR_COLUMNS])
    if res.empty or res["cagr_pct"].isna().all():
        detail = "; ".join(sorted(set(res["reason"]))) if not res.empty else "neither year found"
        raise InsufficientDataError(
            f"cagr: no series has usable values for both {start_year} and {end_year} ({detail})"
        )
    if series_in:
        return round(float(res["cagr_pct"].iloc[0]), 12)
    return res.reset_index(drop=True)


_CAGR_COLUMNS = (
    "start_year",
    "end_year",
    "start_value",
    "end_value",
    "years",
    "cagr_pct",
    "reason",
)


def _cagr_record(g: pd.DataFrame, start_year: int, end_year: int) -> dict[str, object] | None:
    """Growth rate of one series between two years, with the reason when it is undefined.

    Parameters
    ----------
    g
        Rows of one series (columns ``year``, ``value``).
    start_year, end_year
        The two years (``end_year > start_year``).

    Returns
    -------
    dict or None
        The :data:`_CAGR_COLUMNS` of one row; ``None`` when neither year is present.
    """
    n = int(end_year) - int(start_year)
    v0 = g.loc[g["year"] == start_year, "value"]
    v1 = g.loc[g["year"] == end_year, "value"]
    if v0.empty and v1.empty:
        return None
    s = float(v0.iloc[0]) if not v0.empty else np.nan
    e = float(v1.iloc[0]) if not v1.empty else np.nan
    reason = ""
    if v0.empty:
        reason = f"no value for {start_year}"
    elif v1.empty:
        reason = f"no value for {end_year}"
    elif s <= 0 or e <= 0:
        reason = "growth rate undefined for non-positive values"
    rate = np.nan if reason else 100.0 * ((e / s) ** (1.0 / n) - 1.0)
    return {
        "start_year": int(start_year),
        "end_year": int(end_year),
        "start_value": s,
        "end_value": e,
        "years": n,
        "cagr_pct": rate,
        "reason": reason,
    }


def balance(levels: pd.DataFrame, pair: Sequence[str] = DEFAULT_PAIR) -> pd.DataFrame:
    """Each reporter's trade balance with the other: its exports minus its imports.

    Parameters
    ----------
    levels
        Output of :func:`annual_levels`.
    pair
        The pair used for ``levels``; for published figures whose side is not stated
        (reporter ``XXX``) the balance is that of ``pair[0]``.

    Returns
    -------
    pandas.DataFrame
        Columns ``year``, ``reporter``, ``source``, ``of`` (whose balance), ``exports``,
        ``imports``, ``balance`` (NaN where one side is missing), ``source_file``,
        ``source_ref``.

    Raises
    ------
    InsufficientDataError
        When ``levels`` has no one-way figures.

    Examples
    --------
    >>> lv = pd.DataFrame({"year": [2020, 2020], "reporter": ["BLR", "BLR"],
    ...     "source": ["s", "s"], "direction": ["A->B", "B->A"], "value": [5.0, 7.0],
    ...     "source_file": ["f", "f"], "source_ref": ["r1", "r2"]})
    >>> balance(lv)[["of", "exports", "imports", "balance"]].values.tolist()
    [['BLR', 5.0, 7.0, -2.0]]
    """
    a, b = check_pair(pair)
    lv = _levels_frame(levels, "balance")
    need = {"reporter", "source", "direction"}
    if not need <= set(lv.columns):
        raise TradecheckError("balance: levels need columns reporter, source, direction")
    one = lv[lv["direction"].isin([A_TO_B, B_TO_A])]
    if one.empty:
        raise InsufficientDataError("balance: no one-way (export or import) figures in levels")
    out = []
    groups = cast(
        "Iterable[tuple[tuple[int, str, str], pd.DataFrame]]",
        one.groupby(["year", "reporter", "source"], sort=True),
    )
    for (year, reporter, source), g in groups:
        of = reporter if reporter in (a, b) else a
        exp_dir, imp_dir = (A_TO_B, B_TO_A) if of == a else (B_TO_A, A_TO_B)
        ex = g[g["direction"] == exp_dir]
        im = g[g["direction"] == imp_dir]
        x = float(ex["value"].iloc[0]) if not ex.empty else np.nan
        m = float(im["value"].iloc[0]) if not im.empty else np.nan
        files = pd.concat([ex, im])
        out.append(
            {
                "year": int(year),
                "reporter": reporter,
                "source": source,
                "of": of,
                "exports": x,
                "imports": m,
                "balance": x - m,
                "source_file": "; ".join(dict.fromkeys(files.get("source_file", []))),
                "source_ref": "; ".join(dict.fromkeys(files.get("source_ref", []))),
            }
        )
    return (
        pd.DataFrame(out)
        .sort_values(["source", "reporter", "year"], kind="stable")
        .reset_index(drop=True)
    )


def common_span(
    levels: pd.DataFrame, pair: Sequence[str] = DEFAULT_PAIR, *, direction: str = TOTAL
) -> tuple[str, int, int]:
    """The longest stretch of years both sides of the pair report, within one source.

    Growth over a span is comparable between the two sides only when both report its first
    and its last year in the same source; published figures (scattered years) are left out.

    Parameters
    ----------
    levels
        Output of :func:`annual_levels`.
    pair
        The two reporters.
    direction
        Which figure both must report (default the total).

    Returns
    -------
    (source, first_year, last_year)
        The source with the longest such span (ties: the later span, then the source name).

    Raises
    ------
    InsufficientDataError
        When no statistical source has two years that both sides report.

    Examples
    --------
    >>> lv = pd.DataFrame({"year": [2018, 2019, 2020, 2019, 2020, 2021],
    ...     "reporter": ["BLR"] * 3 + ["CHN"] * 3, "source": "imf_dots",
    ...     "direction": "total", "value": 1.0})
    >>> common_span(lv)
    ('imf_dots', 2019, 2020)
    """
    a, b = check_pair(pair)
    lv = _levels_frame(levels, "common_span")
    lv = lv[(lv["direction"] == direction) & (lv["source"] != "published")]
    lv = lv[np.isfinite(lv["value"].to_numpy(dtype=float)) & (lv["value"] > 0)]
    best: tuple[int, int, str, int, int] | None = None
    for source, g in lv.groupby("source", sort=True):
        years = set(g.loc[g["reporter"] == a, "year"]) & set(g.loc[g["reporter"] == b, "year"])
        if len(years) < 2:
            continue
        lo, hi = int(min(years)), int(max(years))
        key = (hi - lo, hi, str(source), lo, hi)
        if best is None or key[:2] > best[:2]:
            best = key
    if best is None:
        raise InsufficientDataError(
            f"common_span: no source has two years of {direction} trade reported by both "
            f"{a} and {b}"
        )
    return best[2], best[3], best[4]


def recent_start(
    levels: pd.DataFrame,
    pair: Sequence[str] = DEFAULT_PAIR,
    *,
    years: int = 15,
    direction: str = TOTAL,
) -> int:
    """First year of a recent window for year-on-year views.

    The window ends in the latest year any series reports and spans ``years`` years, but
    starts no earlier than the first year both sides report (see :func:`common_span`). Early
    years of small values (1990s base effects: a few million dollars more is +300 %) would
    otherwise dominate the scale.

    Examples
    --------
    >>> lv = pd.DataFrame({"year": list(range(1992, 2021)) * 2,
    ...     "reporter": ["BLR"] * 29 + ["CHN"] * 29, "source": "imf_dots",
    ...     "direction": "total", "value": 1.0})
    >>> recent_start(lv)
    2006
    """
    _, first, _ = common_span(levels, pair, direction=direction)
    last = int(_levels_frame(levels, "recent_start")["year"].max())
    return max(first, last - years + 1)
