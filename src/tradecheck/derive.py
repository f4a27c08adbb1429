"""Period arithmetic on the canonical table: the value of any window of months.

A claim names a window ("January–September 2025", "2022", "the first half of 2023"); the
sources publish monthly, year-to-date (YTD), quarterly or annual rows. :func:`window_value`
finds the rows that cover the window exactly, in this order of preference:

1. an **exact row** (its period is the window; an annual row for Jan..Dec is one);
2. the **sum of monthly rows**, one for every month, no gaps;
3. **year-to-date differencing**: YTD Jan..e minus YTD Jan..s-1 (same year, same source,
   reporter, flow, commodity); an annual row counts as YTD Jan..Dec;
4. the **sum of quarterly rows** (a quarter-aligned window);
5. any other **exact tiling** of the months by rows and YTD differences (e.g. a half-year
   row plus three monthly rows, or YTD Aug minus YTD Jun plus a September row), fewest
   pieces first.

A window across years is split into calendar-year segments when no single row covers it, and
each segment is resolved as above. A partial coverage is **never** returned: either every
month of the window is accounted for exactly once, or the result is ``None``.

Several rows of one series for the same months (revisions) are resolved by the latest
``vintage`` (ties: the first row in table order); the choice is named in ``how``.

Design note: written with pandas alone. The problem (choose rows whose month intervals tile a
window, with signed YTD differences) is a small interval cover; no period library (pandas
``Period``, ``dateutil``) makes that simpler, so the months are plain ``"YYYY-MM"`` strings
as in :mod:`tradecheck.schema`.

Examples
--------
>>> import pandas as pd
>>> from tradecheck import schema
>>> rows = [dict(reporter="CHN", partner="BLR", flow="M", period_start="2023-01",
...              period_end=f"2023-{m:02d}", value=100.0 * m, source="gacc",
...              source_file="f.csv", source_ref=f"line {m + 1}", vintage="2024-01-01")
...         for m in (6, 9)]
>>> df = schema.make_frame(rows)
>>> wv = window_value(df, reporter="CHN", exporter="BLR", importer="CHN",
...                   start="2023-07", end="2023-09")
>>> wv.value, wv.how
(300.0, 'YTD 2023-01..2023-09 minus YTD 2023-01..2023-06')
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from typing import Literal

import pandas as pd

from tradecheck import schema
from tradecheck.schema import UNKNOWN_SIDE, month_range

FlowKind = Literal["one_way", "total", "balance"]

__all__ = [
    "WindowValue",
    "mirror",
    "shift_month",
    "sum_window",
    "window_value",
    "ytd_to_monthly",
]


@dataclass
class WindowValue:
    """The value of one window and the rows behind it.

    Attributes
    ----------
    value
        The derived value (units of the rows' currency).
    rows
        The canonical rows used (one per piece, in piece order).
    how
        How they were combined, e.g. ``"sum of 9 monthly rows"`` or
        ``"YTD 2025-01..2025-09 minus YTD 2025-01..2025-06"``.
    signs
        +1/-1 for each row of :attr:`rows` (YTD differencing and balances subtract).
    parts
        A short description of each row's role (parallel to :attr:`rows`).
    """

    value: float
    rows: pd.DataFrame
    how: str
    signs: list[int] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)


def shift_month(month: str, k: int) -> str:
    """``"YYYY-MM"`` moved by ``k`` months.

    Examples
    --------
    >>> shift_month("2025-01", -1)
    '2024-12'
    """
    y, m = int(month[:4]), int(month[5:7])
    n = y * 12 + (m - 1) + k
    return f"{n // 12:04d}-{n % 12 + 1:02d}"


# ---------------------------------------------------------------------------------------------
# one series


@dataclass
class _Piece:
    sign: int
    idx: object  # index label in the series frame
    label: str


def _index_periods(rows: pd.DataFrame) -> tuple[dict[tuple[str, str], object], list[str]]:
    """Map (start, end) -> index of the chosen row; note duplicate periods."""
    out: dict[tuple[str, str], object] = {}
    notes: list[str] = []
    if rows.empty:
        return out, notes
    vint = rows["vintage"].astype(str)
    # latest vintage first; among equal vintages the first row in table order
    order = sorted(range(len(rows)), key=lambda i: (vint.iloc[i], -i), reverse=True)
    seen: dict[tuple[str, str], int] = {}
    for i in order:
        key = (str(rows["period_start"].iloc[i]), str(rows["period_end"].iloc[i]))
        if key in out:
            seen[key] = seen.get(key, 1) + 1
            continue
        out[key] = rows.index[i]
    for (s, e), n in seen.items():
        notes.append(f"{n} rows for {s}..{e}: latest vintage used")
    return out, notes


def _resolve_segment(
    periods: dict[tuple[str, str], object], s: str, e: str
) -> tuple[list[_Piece], str] | None:
    """Pieces covering s..e (within one series), preferred strategies first."""
    if (s, e) in periods:
        label = "annual row" if s[5:] == "01" and e[5:] == "12" and s[:4] == e[:4] else (
            "monthly row" if s == e else f"row {s}..{e}"
        )
        return [_Piece(1, periods[(s, e)], label)], label
    months = month_range(s, e)
    if all((m, m) in periods for m in months):
        pieces = [_Piece(1, periods[(m, m)], f"month {m}") for m in months]
        return pieces, f"sum of {len(months)} monthly rows"
    if s[:4] == e[:4]:
        jan = f"{s[:4]}-01"
        if s != jan and (jan, e) in periods and (jan, shift_month(s, -1)) in periods:
            prev = shift_month(s, -1)
            pieces = [
                _Piece(1, periods[(jan, e)], f"YTD {jan}..{e}"),
                _Piece(-1, periods[(jan, prev)], f"YTD {jan}..{prev}"),
            ]
            return pieces, f"YTD {jan}..{e} minus YTD {jan}..{prev}"
        if int(s[5:]) % 3 == 1 and int(e[5:]) % 3 == 0:
            qs = [(m, shift_month(m, 2)) for m in months[::3]]
            if all(q in periods for q in qs):
                pieces = [_Piece(1, periods[q], f"quarter {q[0]}..{q[1]}") for q in qs]
                return pieces, f"sum of {len(qs)} quarterly rows"
    return _tile(periods, s, e)


def _tile(
    periods: dict[tuple[str, str], object], s: str, e: str
) -> tuple[list[_Piece], str] | None:
    """Fewest-pieces exact tiling of s..e by rows lying inside it (a shortest path)."""
    months = month_range(s, e)
    pos = {m: i for i, m in enumerate(months)}
    edges: dict[int, list[tuple[int, list[_Piece]]]] = {}
    for (ps, pe), idx in periods.items():
        if ps in pos and pe in pos and ps <= pe:
            edges.setdefault(pos[ps], []).append(
                (pos[pe] + 1, [_Piece(1, idx, f"row {ps}..{pe}")])
            )
    # year-to-date differences inside the window: YTD Jan..b minus YTD Jan..a covers a+1..b
    ytd = [(ps, pe, idx) for (ps, pe), idx in periods.items() if ps[5:] == "01" and ps[:4] == pe[:4]]
    for ps, pe, idx in ytd:
        for ps0, pe0, idx0 in ytd:
            first = shift_month(pe0, 1)
            if ps0 == ps and pe0 < pe and first in pos and pe in pos:
                edges.setdefault(pos[first], []).append(
                    (pos[pe] + 1, [_Piece(1, idx, f"YTD {ps}..{pe}"),
                                   _Piece(-1, idx0, f"YTD {ps0}..{pe0}")])
                )
    n = len(months)
    best: list[list[list[_Piece]] | None] = [None] * (n + 1)
    best[0] = []
    for i in range(n):
        cur = best[i]
        if cur is None:
            continue
        for j, group in edges.get(i, []):
            if best[j] is None or len(cur) + 1 < len(best[j] or []):
                best[j] = cur + [group]
    if not best[n]:
        return None
    groups = best[n] or []
    pieces = [p for g in groups for p in g]
    text = " + ".join(
        g[0].label.removeprefix("row ") if len(g) == 1 else f"({g[0].label} minus {g[1].label})"
        for g in groups
    )
    return pieces, "sum of " + text


def _resolve(
    periods: dict[tuple[str, str], object], start: str, end: str
) -> tuple[list[_Piece], str] | None:
    if start[:4] == end[:4]:
        return _resolve_segment(periods, start, end)
    if (start, end) in periods:
        return [_Piece(1, periods[(start, end)], f"row {start}..{end}")], f"row {start}..{end}"
    months = month_range(start, end)
    if all((m, m) in periods for m in months):
        pieces_m = [_Piece(1, periods[(m, m)], f"month {m}") for m in months]
        return pieces_m, f"sum of {len(months)} monthly rows"
    split = _split_years(periods, start, end)
    return split if split is not None else _tile(periods, start, end)


def _split_years(
    periods: dict[tuple[str, str], object], start: str, end: str
) -> tuple[list[_Piece], str] | None:
    pieces: list[_Piece] = []
    hows: list[str] = []
    for year in range(int(start[:4]), int(end[:4]) + 1):
        s = max(start, f"{year:04d}-01")
        e = min(end, f"{year:04d}-12")
        seg = _resolve_segment(periods, s, e)
        if seg is None:
            return None
        pieces += seg[0]
        hows.append(f"{s[:4]}: {seg[1]}")
    return pieces, "; ".join(hows)


def sum_window(series: pd.DataFrame, start: str, end: str) -> WindowValue | None:
    """Value of ``start..end`` from the rows of **one** series.

    Parameters
    ----------
    series
        Canonical rows of a single series (same source, reporter, partner, flow, commodity,
        scope, currency); it is the caller's job to filter (see :func:`window_value`).
    start, end
        Inclusive months ``"YYYY-MM"``.

    Returns
    -------
    WindowValue or None
        None when the rows do not cover every month of the window exactly.

    Examples
    --------
    >>> from tradecheck import schema
    >>> df = schema.make_frame([dict(reporter="BLR", partner="CHN", flow="X",
    ...     period_start=f"2024-{m:02d}", period_end=f"2024-{m:02d}", value=10.0,
    ...     source="belstat", source_file="b.csv", source_ref=f"line {m}", vintage="2025")
    ...     for m in (1, 2, 3)])
    >>> sum_window(df, "2024-01", "2024-03").how
    'sum of 3 monthly rows'
    >>> sum_window(df, "2024-01", "2024-04") is None
    True
    """
    if start > end or series.empty:
        return None
    series = series.reset_index(drop=True)  # piece lookup needs unique labels
    periods, notes = _index_periods(series)
    got = _resolve(periods, start, end)
    if got is None:
        return None
    pieces, how = got
    if notes:
        how += " (" + "; ".join(notes) + ")"
    rows = series.loc[[p.idx for p in pieces]].reset_index(drop=True)
    signs = [p.sign for p in pieces]
    value = float(sum(sg * float(v) for sg, v in zip(signs, rows["value"], strict=True)))
    return WindowValue(value, rows, how, signs, [p.label for p in pieces])


# ---------------------------------------------------------------------------------------------
# series selection


def _scope_mask(
    df: pd.DataFrame, scope: str, commodity: str, classification: str | None
) -> pd.Series:
    mask = df["scope"] == scope
    if scope == "goods":
        mask &= df["commodity"].astype(str) == commodity
        if commodity != "TOTAL" and classification is not None:
            mask &= df["classification"] == classification
    return mask


def _one_way(
    df: pd.DataFrame,
    reporter: str,
    exporter: str,
    importer: str,
    start: str,
    end: str,
) -> WindowValue | None:
    """Goods exporter -> importer in the reporter's own flow (X for the exporter, M for the
    importer; published figures of an unstated side match on direction alone)."""
    if reporter == exporter:
        flows = ["X"]
    elif reporter == importer:
        flows = ["M"]
    elif reporter == UNKNOWN_SIDE:
        flows = ["X", "M"]
    else:
        return None
    sel = df[
        (df["reporter"] == reporter)
        & df["flow"].isin(flows)
        & (df["exporter"] == exporter)
        & (df["importer"] == importer)
    ]
    if sel.empty:
        return None
    if len(flows) > 1 and sel["flow"].nunique() > 1:
        # an unstated side with both an X and an M row for the same direction: try each
        for f in flows:
            got = sum_window(sel[sel["flow"] == f], start, end)
            if got is not None:
                return got
        return None
    return sum_window(sel, start, end)


def _combine(items: list[tuple[int, WindowValue]], how: str) -> WindowValue:
    rows = pd.concat([wv.rows for _, wv in items], ignore_index=True)
    signs = [sg * s for sg, wv in items for s in wv.signs]
    parts = [p for _, wv in items for p in wv.parts]
    value = float(sum(sg * wv.value for sg, wv in items))
    return WindowValue(value, rows, how, signs, parts)


def window_value(
    df: pd.DataFrame,
    *,
    reporter: str,
    exporter: str,
    importer: str,
    start: str,
    end: str,
    source: str | None = None,
    scope: str = "goods",
    flow_kind: FlowKind = "one_way",
    commodity: str = "TOTAL",
    classification: str | None = None,
    currency: str = "USD",
) -> WindowValue | None:
    """The value of a window of months as one reporter reports it.

    Parameters
    ----------
    df
        Canonical table.
    reporter
        Whose statistics (ISO3, or ``"XXX"`` for published figures of unstated side).
    exporter, importer
        Direction of the goods for ``one_way``; the pair (in this order) for ``total``; for
        ``balance`` the balance is **exporter's** exports to importer minus its imports from it.
    start, end
        Inclusive months ``"YYYY-MM"``.
    source
        Only rows of this source. None: every source is tried in alphabetical order and the
        first that covers the window is used (a window is never pieced from two sources).
    scope
        Only rows of exactly this scope. For ``"goods"`` only rows with ``commodity`` (default
        ``"TOTAL"``) count, so chapter or breakdown rows are never added to a total.
    flow_kind
        ``"one_way"``: exporter -> importer (reporter's X or M); ``"total"``: X + M of the
        reporter (both required), else a ``T`` row; ``"balance"``: X - M, else a ``B`` row.
    commodity, classification
        A commodity code (with its classification, e.g. ``"5"`` and ``"S3"``) for scope goods.
    currency
        Only rows in this currency.

    Returns
    -------
    WindowValue or None
        None when the data do not cover the window exactly.

    Examples
    --------
    >>> from tradecheck import schema
    >>> df = schema.make_frame([
    ...     dict(reporter="BLR", partner="CHN", flow=f, period_start="2022-01",
    ...          period_end="2022-12", value=v, source="belstat", source_file="b.csv",
    ...          source_ref="line 2", vintage="2023") for f, v in (("X", 1.5), ("M", 4.25))])
    >>> window_value(df, reporter="BLR", exporter="BLR", importer="CHN", start="2022-01",
    ...              end="2022-12", flow_kind="total").value
    5.75
    >>> window_value(df, reporter="BLR", exporter="BLR", importer="CHN",
    ...       start="2022-01", end="2022-12", flow_kind="balance").value
    -2.75
    """
    if df is None or df.empty:
        return None
    base = df[_scope_mask(df, scope, commodity, classification) & (df["currency"] == currency)]
    if source is not None:
        return _window_one_source(
            base[base["source"] == source], reporter, exporter, importer, start, end, flow_kind
        )
    for src in sorted(base["source"].unique()):
        got = _window_one_source(
            base[base["source"] == src], reporter, exporter, importer, start, end, flow_kind
        )
        if got is not None:
            return got
    return None


def _window_one_source(
    df: pd.DataFrame,
    reporter: str,
    exporter: str,
    importer: str,
    start: str,
    end: str,
    flow_kind: str,
) -> WindowValue | None:
    if df.empty:
        return None
    a, b = exporter, importer
    if flow_kind == "one_way":
        return _one_way(df, reporter, a, b, start, end)
    if flow_kind not in ("total", "balance"):
        raise ValueError(f"flow_kind must be one_way, total or balance, got {flow_kind!r}")
    out_ = _one_way(df, reporter, a, b, start, end)
    in_ = _one_way(df, reporter, b, a, start, end)
    if out_ is not None and in_ is not None:
        if flow_kind == "total":
            return _combine([(1, out_), (1, in_)], f"{a}->{b} ({out_.how}) + {b}->{a} ({in_.how})")
        return _combine([(1, out_), (-1, in_)], f"{a}->{b} ({out_.how}) - {b}->{a} ({in_.how})")
    code = "T" if flow_kind == "total" else "B"
    agg = df[
        (df["reporter"] == reporter)
        & (df["flow"] == code)
        & (
            ((df["exporter"] == a) & (df["importer"] == b))
            | ((df["exporter"] == b) & (df["importer"] == a))
        )
    ]
    if agg.empty:
        return None
    if code == "T":
        got = sum_window(agg, start, end)
        if got is not None:
            got.how = f"total-trade (T) row(s): {got.how}"
        return got
    # balance rows are the perspective country's exports minus imports; the perspective is
    # the reporter, or for an unstated side the first country of the pair (exporter column)
    persp = agg["reporter"].where(agg["reporter"] != UNKNOWN_SIDE, agg["exporter"])
    for sign, sub in ((1, agg[persp == a]), (-1, agg[persp == b])):
        got = sum_window(sub, start, end)
        if got is not None:
            flipped = " (sign flipped: published from the other side)" if sign < 0 else ""
            return WindowValue(
                sign * got.value,
                got.rows,
                f"balance (B) row(s): {got.how}{flipped}",
                [sign * s for s in got.signs],
                got.parts,
            )
    return None


# ---------------------------------------------------------------------------------------------
# YTD -> monthly, mirror view

_SERIES_KEY = [
    "source",
    "reporter",
    "partner",
    "flow",
    "commodity",
    "scope",
    "currency",
    "classification",
    "exporter",
    "importer",
    "valuation",
]


def ytd_to_monthly(df: pd.DataFrame) -> pd.DataFrame:
    """Monthly rows derived from year-to-date series.

    For every series (same source, reporter, partner, flow, commodity, scope, currency) with
    YTD rows ``Jan..m``: January = YTD Jan; month ``m`` = YTD ``Jan..m`` minus YTD
    ``Jan..m-1`` when both exist. Months that already have a real monthly row are not
    derived. A difference below zero (a revision between releases, or a reporting change) is
    **not** returned: it is skipped with a :class:`UserWarning` naming the rows, so no
    negative month is ever created silently.

    Parameters
    ----------
    df
        Canonical table (any mix of rows; only YTD rows ``YYYY-01..YYYY-mm``, m >= 2, and
        January rows are used).

    Returns
    -------
    pandas.DataFrame
        Only the derived monthly rows (canonical columns). ``note`` says how each was derived,
        ``source_ref`` names both rows, ``estimate`` is kept when either input was one.

    Examples
    --------
    >>> from tradecheck import schema
    >>> df = schema.make_frame([dict(reporter="CHN", partner="BLR", flow="M",
    ...     period_start="2023-01", period_end=f"2023-{m:02d}", value=v, source="gacc",
    ...     source_file="g.csv", source_ref=f"line {m + 1}", vintage="2023-10-20")
    ...     for m, v in ((1, 5.0), (2, 12.0), (3, 20.0))])
    >>> ytd_to_monthly(df)[["period_start", "value"]].values.tolist()
    [['2023-02', 7.0], ['2023-03', 8.0]]
    """
    if df.empty:
        return schema.empty_frame()
    ytd = df[(df["period_start"].str[5:] == "01") & (df["period_start"].str[:4] == df["period_end"].str[:4])]
    out: list[dict[str, object]] = []
    for _, grp in ytd.groupby(_SERIES_KEY, dropna=False, sort=False):
        same = _same_series(df, grp.iloc[0])
        real_months = set(df.loc[same & (df["period_start"] == df["period_end"]), "period_start"])
        real_months.discard(f"{grp['period_start'].iloc[0][:4]}-01")
        periods, _ = _index_periods(grp)
        for (s, e), idx in sorted(periods.items(), key=lambda kv: kv[0][1]):
            if s == e or e in real_months:
                continue
            prev = shift_month(e, -1)
            if (s, prev) not in periods:
                continue
            cur, before = grp.loc[idx], grp.loc[periods[(s, prev)]]
            value = float(cur["value"]) - float(before["value"])
            if value < 0:
                warnings.warn(
                    f"{cur['source_file']}: YTD {s}..{e} ({cur['source_ref']}) is smaller than "
                    f"YTD {s}..{prev} ({before['source_ref']}); month {e} would be negative "
                    f"({value:,.1f}) and is not derived",
                    UserWarning,
                    stacklevel=2,
                )
                continue
            row = cur.to_dict()
            row.update(
                period_start=e,
                period_end=e,
                value=value,
                source_ref=f"{cur['source_ref']} minus {before['source_ref']}",
                estimate=bool(cur["estimate"]) or bool(before["estimate"]),
                note=(f"derived: YTD {s}..{e} minus YTD {s}..{prev}; " + str(cur["note"] or ""))
                .rstrip("; "),
            )
            out.append(row)
    if not out:
        return schema.empty_frame()
    return schema.make_frame(out)


def _same_series(df: pd.DataFrame, row: pd.Series) -> pd.Series:
    mask = pd.Series(True, index=df.index)
    for col in _SERIES_KEY:
        mask &= df[col] == row[col]
    return mask


def mirror(
    df: pd.DataFrame,
    *,
    exporter: str,
    importer: str,
    start: str,
    end: str,
    source: str | None = None,
    currency: str = "USD",
) -> dict[str, WindowValue | None]:
    """Both sides' figures for the same goods: the exporter's exports and the importer's
    imports over one window (goods totals).

    Returns
    -------
    dict
        ``{"exporter_reports": WindowValue|None, "importer_reports": WindowValue|None}``.
    """
    kw = {"start": start, "end": end, "source": source, "currency": currency}
    return {
        "exporter_reports": window_value(
            df, reporter=exporter, exporter=exporter, importer=importer, **kw  # type: ignore[arg-type]
        ),
        "importer_reports": window_value(
            df, reporter=importer, exporter=exporter, importer=importer, **kw  # type: ignore[arg-type]
        ),
    }
