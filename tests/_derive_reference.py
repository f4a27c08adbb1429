"""Frozen copy of the mask-based window look-up of ``tradecheck.derive`` (commit 19023ea),
before :class:`tradecheck.derive.WindowIndex` replaced it.

Used only by ``tests/test_derive.py`` as the oracle: the indexed implementation must give
exactly the same results on random tables. Not part of the package; do not edit except to
fix the oracle itself.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from tradecheck.derive import FlowKind, WindowValue, shift_month
from tradecheck.schema import UNKNOWN_SIDE, month_range


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
        label = (
            "annual row"
            if s[5:] == "01" and e[5:] == "12" and s[:4] == e[:4]
            else ("monthly row" if s == e else f"row {s}..{e}")
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
            edges.setdefault(pos[ps], []).append((pos[pe] + 1, [_Piece(1, idx, f"row {ps}..{pe}")]))
    # year-to-date differences inside the window: YTD Jan..b minus YTD Jan..a covers a+1..b
    ytd = [
        (ps, pe, idx) for (ps, pe), idx in periods.items() if ps[5:] == "01" and ps[:4] == pe[:4]
    ]
    for ps, pe, idx in ytd:
        for ps0, pe0, idx0 in ytd:
            first = shift_month(pe0, 1)
            if ps0 == ps and pe0 < pe and first in pos and pe in pos:
                edges.setdefault(pos[first], []).append(
                    (
                        pos[pe] + 1,
                        [_Piece(1, idx, f"YTD {ps}..{pe}"), _Piece(-1, idx0, f"YTD {ps0}..{pe0}")],
                    )
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
