"""Shared helpers of the analysis functions: the error type, the pair filter that labels each
canonical row with a direction of goods, and the rule that picks one figure among candidates.

pandas does all the table work; nothing here needs another library.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from tradecheck import schema
from tradecheck.countries import parse_pair
from tradecheck.errors import TradecheckError
from tradecheck.loaders.published import quality_of

#: Direction labels used by every analysis output. ``A`` and ``B`` are ``pair[0]`` and
#: ``pair[1]``: with the default pair ("BLR", "CHN"), "A->B" is Belarus's exports to China.
A_TO_B = "A->B"
B_TO_A = "B->A"
TOTAL = "total"
DIRECTIONS: tuple[str, ...] = (A_TO_B, B_TO_A, TOTAL)

#: Preference of the ``bound`` column when several figures describe the same window:
#: a stated figure beats an approximate one, which beats a one-sided bound.
BOUND_RANK = {"eq": 0, "approx": 1, "gt": 2, "lt": 2}

#: Relative difference above which two candidate figures for the same window count as
#: disagreeing (the ``disagree`` flag of :func:`annual_levels`).
DISAGREE_RTOL = 0.005


class InsufficientDataError(TradecheckError):
    """The data are too sparse for the analysis asked for.

    The message says what was needed and what was found, e.g. "seasonal needs 24 consecutive
    months; the longest gap-free run is 2019-01..2020-03 (15 months)".

    Examples
    --------
    >>> str(InsufficientDataError("cagr needs both 2010 and 2020"))
    'cagr needs both 2010 and 2020'
    """


def ym(period: str) -> tuple[int, int]:
    """``"YYYY-MM"`` -> ``(year, month)``."""
    return int(period[:4]), int(period[5:7])


def month_index(period: str) -> int:
    """Months since year 0: consecutive months differ by exactly 1."""
    y, m = ym(period)
    return y * 12 + (m - 1)


def period_of_index(i: int) -> str:
    """Inverse of :func:`month_index`."""
    return f"{i // 12:04d}-{i % 12 + 1:02d}"


def direction_label(exporter: str, importer: str, pair: Sequence[str]) -> str | None:
    """``"A->B"`` / ``"B->A"`` for goods between the pair, else None."""
    a, b = pair[0], pair[1]
    if (exporter, importer) == (a, b):
        return A_TO_B
    if (exporter, importer) == (b, a):
        return B_TO_A
    return None


def check_pair(pair: Sequence[str]) -> tuple[str, str]:
    """Validate a pair of ISO3 codes (:func:`tradecheck.countries.parse_pair`)."""
    return parse_pair(pair)


def check_frame(df: pd.DataFrame, func: str) -> None:
    """Raise a clear error when ``df`` is not a canonical frame."""
    if not isinstance(df, pd.DataFrame):
        raise TradecheckError(f"{func}: expected a canonical pandas DataFrame, got {type(df)!r}")
    missing = [c for c in schema.CANONICAL_COLUMNS if c not in df.columns]
    if missing:
        raise TradecheckError(
            f"{func}: the table lacks canonical column(s) {', '.join(missing)}; build it with "
            "tradecheck.loaders.load or tradecheck.schema.make_frame"
        )


def pair_rows(
    df: pd.DataFrame,
    pair: Sequence[str],
    *,
    sources: Iterable[str] | None = None,
    scope: str | None = "goods",
    currency: str = "USD",
    commodity: str | None = "TOTAL",
) -> pd.DataFrame:
    """The rows of ``df`` about goods between the two countries of ``pair``, labelled.

    Keeps one-way flows ``X``/``M`` (direction from ``exporter``/``importer``) and ``T`` rows
    (direction ``"total"``) whose reporter is one of the pair or ``XXX`` (published, side not
    stated) and whose partner is the other one (or ``XXX``). Re-exports, re-imports, balances
    and trade with the world are left out.

    Adds the columns ``direction``, ``year``, ``m0`` (first month index), ``m1`` (last month
    index), ``nmonths``. ``scope=None`` keeps every scope. Published rows are kept whatever
    their ``commodity`` (they carry their scope label there); other sources must have
    ``commodity == commodity`` unless it is None. Published rows whose quality flag is not
    ``ok`` (e.g. a figure its source record notes as likely false) are left out: they may be
    shown as context beside a claim, never as the trend.
    """
    a, b = check_pair(pair)
    d = _pair_filter(df, (a, b), sources, scope, currency, commodity).copy()
    if d.empty:
        for col, dtype in (
            ("direction", object),
            ("year", "int64"),
            ("m0", "int64"),
            ("m1", "int64"),
            ("nmonths", "int64"),
        ):
            d[col] = pd.Series(dtype=dtype)
        return d
    d["direction"] = [
        TOTAL if f == "T" else direction_label(e, i, (a, b))
        for f, e, i in zip(d["flow"], d["exporter"], d["importer"], strict=True)
    ]
    d["m0"] = d["period_start"].map(month_index).astype("int64")
    d["m1"] = d["period_end"].map(month_index).astype("int64")
    d["year"] = (d["m1"] // 12).astype("int64")
    d["nmonths"] = d["m1"] - d["m0"] + 1
    return d[_own_flow(d)]


def _pair_filter(
    df: pd.DataFrame,
    pair: tuple[str, str],
    sources: Iterable[str] | None,
    scope: str | None,
    currency: str,
    commodity: str | None,
) -> pd.DataFrame:
    """The rows of :func:`pair_rows` before labelling (the selection rules listed there).

    Parameters
    ----------
    df
        Canonical table.
    pair
        ``(A, B)``, already checked.
    sources, scope, currency, commodity
        As in :func:`pair_rows`.

    Returns
    -------
    pandas.DataFrame
        A view of ``df``: one-way and total flows between the pair, reported by one of them or
        an unknown side, without doubtful published figures.
    """
    a, b = pair
    d = df
    if sources is not None:
        src = [sources] if isinstance(sources, str) else list(sources)
        d = d[d["source"].isin(src)]
    if scope is not None:
        d = d[d["scope"] == scope]
    d = d[d["currency"] == currency]
    d = d[d["flow"].isin(["X", "M", "T"])]
    side_ok = d["reporter"].isin([a, b, schema.UNKNOWN_SIDE])
    other = np.where(d["reporter"] == a, b, np.where(d["reporter"] == b, a, schema.UNKNOWN_SIDE))
    partner_ok = (d["partner"] == other) | (d["partner"] == schema.UNKNOWN_SIDE)
    pair_ok = ((d["exporter"] == a) & (d["importer"] == b)) | (
        (d["exporter"] == b) & (d["importer"] == a)
    )
    doubtful = (d["source"] == "published") & (d["note"].map(quality_of) != "ok")
    d = d[side_ok & partner_ok & pair_ok & ~doubtful]
    if commodity is not None:
        d = d[(d["commodity"] == commodity) | (d["source"] == "published")]
    return d


def _own_flow(d: pd.DataFrame) -> pd.Series:
    """Mask of rows that are the reporter's own flow.

    A one-way row must be the reporter's own flow: exports where it is the exporter, imports
    where it is the importer (total rows and published rows with an unknown side pass).

    Parameters
    ----------
    d
        Rows with ``flow``, ``reporter``, ``exporter`` and ``importer``.

    Returns
    -------
    pandas.Series of bool
    """
    return (
        (d["flow"] == "T")
        | (d["reporter"] == schema.UNKNOWN_SIDE)
        | ((d["flow"] == "X") & (d["reporter"] == d["exporter"]))
        | ((d["flow"] == "M") & (d["reporter"] == d["importer"]))
    )


def significant_digits(value: float) -> int:
    """Significant digits of a figure as written (``3_303_000_000 -> 4``, ``2.5e9 -> 2``).

    Examples
    --------
    >>> significant_digits(3_303_000_000.0), significant_digits(2.5e9), significant_digits(0.0)
    (4, 2, 0)
    """
    if not np.isfinite(value) or value == 0:
        return 0
    digits = f"{abs(float(value)):.15g}".replace(".", "").lstrip("0")
    digits = digits.split("e")[0].rstrip("0")
    return len(digits)


def pick(rows: pd.DataFrame) -> tuple[pd.Series, int, bool]:
    """Choose one figure among candidates describing the same window.

    Preference: bound ``eq`` > ``approx`` > ``gt``/``lt``; for published figures, then the
    most precise one (most significant digits: a statistics release such as 3.303 bn beats a
    rounded "2.5 bn" in a speech); then the latest ``vintage`` (a revision beats the first
    release); then the first row in file order. Returns the chosen row, the number of
    candidates and whether candidates of the chosen bound disagree by more than
    :data:`DISAGREE_RTOL`.
    """
    if len(rows) == 1:
        return rows.iloc[0], 1, False
    published = rows["source"] == "published"
    r = rows.assign(
        _rank=rows["bound"].map(BOUND_RANK).fillna(9),
        _prec=[
            -significant_digits(v) if p else 0
            for v, p in zip(rows["value"], published, strict=True)
        ],
        _vint=rows["vintage"].astype(str),
        _order=np.arange(len(rows)),
    )
    r = r.sort_values(
        ["_rank", "_prec", "_vint", "_order"], ascending=[True, True, False, True], kind="stable"
    )
    best = r.iloc[0]
    same = r[r["_rank"] == best["_rank"]]["value"].to_numpy(dtype=float)
    ref = abs(float(best["value"])) or 1.0
    disagree = bool(len(same) > 1 and np.max(np.abs(same - best["value"])) / ref > DISAGREE_RTOL)
    return best.drop(labels=["_rank", "_prec", "_vint", "_order"]), len(rows), disagree


def join_unique(values: Iterable[object], sep: str = "; ") -> str:
    """Unique non-empty strings in first-seen order, joined."""
    seen: list[str] = []
    for v in values:
        for part in str(v).split(sep) if v is not None else []:
            if part and part not in seen:
                seen.append(part)
    return sep.join(seen)


def format_years(years: Iterable[int]) -> str:
    """Compress years into ranges: ``[1995, 1996, 1997, 2001] -> "1995-1997, 2001"``.

    Examples
    --------
    >>> format_years([1995, 1996, 1997, 2001])
    '1995-1997, 2001'
    >>> format_years([])
    ''
    """
    ys = sorted({int(y) for y in years})
    out: list[str] = []
    i = 0
    while i < len(ys):
        j = i
        while j + 1 < len(ys) and ys[j + 1] == ys[j] + 1:
            j += 1
        out.append(str(ys[i]) if i == j else f"{ys[i]}-{ys[j]}")
        i = j + 1
    return ", ".join(out)


def parse_years(text: str) -> list[int]:
    """Inverse of :func:`format_years`.

    Examples
    --------
    >>> parse_years("1995-1997, 2001")
    [1995, 1996, 1997, 2001]
    """
    out: list[int] = []
    for part in str(text or "").split(","):
        part = part.strip()
        if not part:
            continue
        if "-" in part:
            lo, hi = part.split("-")
            out.extend(range(int(lo), int(hi) + 1))
        else:
            out.append(int(part))
    return out
