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
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal, NamedTuple, TypeVar, cast

import pandas as pd

from tradecheck import fmt, schema
from tradecheck.schema import UNKNOWN_SIDE, month_range

FlowKind = Literal["one_way", "total", "balance"]

__all__ = [
    "WindowIndex",
    "WindowValue",
    "cover",
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
    if rows.empty:
        return {}, []
    return _period_map(
        [str(v) for v in rows["period_start"].tolist()],
        [str(v) for v in rows["period_end"].tolist()],
        rows["vintage"].astype(str).tolist(),
        list(rows.index),
    )


def _period_map(
    starts: list[str], ends: list[str], vintages: list[str], labels: list[object]
) -> tuple[dict[tuple[str, str], object], list[str]]:
    """The core of :func:`_index_periods` on plain lists (one entry per row, table order):
    (start, end) -> label of the chosen row, and a note for each duplicated period."""
    out: dict[tuple[str, str], object] = {}
    notes: list[str] = []
    # latest vintage first; among equal vintages the first row in table order
    order = sorted(range(len(starts)), key=lambda i: (vintages[i], -i), reverse=True)
    seen: dict[tuple[str, str], int] = {}
    for i in order:
        key = (starts[i], ends[i])
        if key in out:
            seen[key] = seen.get(key, 1) + 1
            continue
        out[key] = labels[i]
    for (s, e), n in seen.items():
        notes.append(f"{n} rows for {s}..{e}: latest vintage used")
    return out, notes


def _resolve_segment(
    periods: Mapping[tuple[str, str], object], s: str, e: str
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
    periods: Mapping[tuple[str, str], object], s: str, e: str
) -> tuple[list[_Piece], str] | None:
    """Fewest-pieces exact tiling of s..e by rows lying inside it (a shortest path)."""
    months = month_range(s, e)
    pos = {m: i for i, m in enumerate(months)}
    edges: dict[int, list[tuple[int, list[_Piece]]]] = {}
    for (ps, pe), idx in periods.items():
        if ps in pos and pe in pos and ps <= pe:
            edges.setdefault(pos[ps], []).append((pos[pe] + 1, [_Piece(1, idx, f"row {ps}..{pe}")]))
    _add_ytd_edges(edges, periods, pos, s, e)
    groups = _fewest_groups(edges, len(months))
    if not groups:
        return None
    pieces = [p for g in groups for p in g]
    text = " + ".join(
        g[0].label.removeprefix("row ") if len(g) == 1 else f"({g[0].label} minus {g[1].label})"
        for g in groups
    )
    return pieces, "sum of " + text


def _add_ytd_edges(
    edges: dict[int, list[tuple[int, list[_Piece]]]],
    periods: Mapping[tuple[str, str], object],
    pos: Mapping[str, int],
    s: str,
    e: str,
) -> None:
    """Append to ``edges`` the year-to-date differences lying inside the window s..e.

    YTD Jan..b minus YTD Jan..a covers a+1..b. Only YTD rows ending in s-1..e can take part
    (b in the window, a+1 in the window), so the pairs are formed among those alone, in the
    order of ``periods``.

    Parameters
    ----------
    edges
        Month position -> list of (position after the last month, pieces); changed in place.
    periods
        ``(start, end)`` -> row index of the candidate rows.
    pos
        Month -> position in the window.
    s, e
        First and last month of the window.
    """
    before = shift_month(s, -1)
    ytd = [
        (ps, pe, idx)
        for (ps, pe), idx in periods.items()
        if ps[5:] == "01" and ps[:4] == pe[:4] and before <= pe <= e
    ]
    for ps, pe, idx in ytd:
        if pe not in pos:
            continue
        for ps0, pe0, idx0 in ytd:
            if ps0 == ps and pe0 < pe:
                first = shift_month(pe0, 1)
                if first in pos:
                    edges.setdefault(pos[first], []).append(
                        (
                            pos[pe] + 1,
                            [
                                _Piece(1, idx, f"YTD {ps}..{pe}"),
                                _Piece(-1, idx0, f"YTD {ps0}..{pe0}"),
                            ],
                        )
                    )


def _fewest_groups(
    edges: Mapping[int, list[tuple[int, list[_Piece]]]], n: int
) -> list[list[_Piece]] | None:
    """Shortest path from month position 0 to ``n`` over ``edges`` (first found among equals).

    Parameters
    ----------
    edges
        Month position -> list of (position after the last month, pieces).
    n
        Number of months in the window.

    Returns
    -------
    list of list of _Piece or None
        The piece groups of the path; ``None`` (or empty) when no tiling exists.
    """
    best: list[list[list[_Piece]] | None] = [None] * (n + 1)
    best[0] = []
    for i in range(n):
        cur = best[i]
        if cur is None:
            continue
        for j, group in edges.get(i, []):
            if best[j] is None or len(cur) + 1 < len(best[j] or []):
                best[j] = cur + [group]
    return best[n]


def _resolve(
    periods: Mapping[tuple[str, str], object], start: str, end: str
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
    periods: Mapping[tuple[str, str], object], start: str, end: str
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


_T = TypeVar("_T")


def cover(
    periods: Mapping[tuple[str, str], _T], start: str, end: str
) -> tuple[list[tuple[int, _T]], str] | None:
    """The periods of **one** series that cover ``start..end`` exactly, with their signs.

    The period arithmetic of :func:`sum_window` (exact row, monthly rows, YTD difference,
    quarters, tiling) without the choice among duplicate rows: for callers with their own
    selection policy, ``periods`` maps each period ``(period_start, period_end)`` present in
    the series to whatever stands for it (a row label, a key, a frame of candidates).

    Returns
    -------
    tuple or None
        ``([(sign, periods[p]), ...], how)`` in piece order, or None when the periods do not
        cover every month of the window exactly once.

    Examples
    --------
    >>> cover({("2023-01", "2023-09"): "a", ("2023-01", "2023-06"): "b"},
    ...       "2023-07", "2023-09")
    ([(1, 'a'), (-1, 'b')], 'YTD 2023-01..2023-09 minus YTD 2023-01..2023-06')
    >>> cover({("2023-01", "2023-06"): "b"}, "2023-07", "2023-09") is None
    True
    """
    if start > end or not periods:
        return None
    got = _resolve(periods, start, end)
    if got is None:
        return None
    return [(p.sign, cast(_T, p.idx)) for p in got[0]], got[1]


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

_FLOW_KINDS = ("one_way", "total", "balance")


class _Key(NamedTuple):
    """The columns that select the rows of a window look-up (one group of the index)."""

    scope: str | None
    commodity: str  # compared as text, as ``df["commodity"].astype(str)``
    classification: str | None
    currency: str | None
    source: str | None
    reporter: str | None
    flow: str | None
    exporter: str | None
    importer: str | None


def _text(values: list[object]) -> list[str | None]:
    """Column values for exact matching: strings as they are, anything else (missing values,
    numbers) as None, which equals no string -- as a pandas ``==`` mask treats them."""
    return [v if isinstance(v, str) else None for v in values]


def _combine(items: list[tuple[int, WindowValue]], how: str) -> WindowValue:
    rows = pd.concat([wv.rows for _, wv in items], ignore_index=True)
    signs = [sg * s for sg, wv in items for s in wv.signs]
    parts = [p for _, wv in items for p in wv.parts]
    value = float(sum(sg * wv.value for sg, wv in items))
    return WindowValue(value, rows, how, signs, parts)


def _copy(wv: WindowValue | None) -> WindowValue | None:
    """An independent copy of a memoised result (callers may change ``how`` or the rows)."""
    if wv is None:
        return None
    # a shallow copy is enough: with pandas copy-on-write a change to one frame never shows
    # in the other
    return WindowValue(wv.value, wv.rows.copy(deep=False), wv.how, list(wv.signs), list(wv.parts))


class WindowIndex:
    """A canonical table indexed once, for many :func:`window_value` look-ups.

    Selecting a series with boolean masks costs a pass over the whole table; a claim check
    asks for many windows of the same few series (every reading, and some twenty neighbouring
    windows per reading for the robustness view), so the index

    * groups the row positions once by the selecting columns (scope, commodity,
      classification, currency, source, reporter, flow, exporter, importer), in table order;
    * keeps the period, vintage and value columns as plain Python lists, so a series' period
      map is built from its handful of rows without pandas, once (memoised);
    * memoises every window's result (a copy is returned each time).

    :func:`window_value` itself runs on an index of the reporter's rows, so both give the
    same result by construction; ``tests/test_derive.py`` also compares them with the former
    mask-based implementation on random tables. Design note: a plain dict of positions
    rather than ``DataFrame.groupby``: building it is one pass in Python, and each look-up
    touches only its own rows. The table must not be changed while an index on it is used.

    Parameters
    ----------
    df
        Canonical table.

    Examples
    --------
    >>> from tradecheck import schema
    >>> df = schema.make_frame([dict(reporter="BLR", partner="CHN", flow="X",
    ...     period_start=f"2024-{m:02d}", period_end=f"2024-{m:02d}", value=10.0 * m,
    ...     source="belstat", source_file="b.csv", source_ref=f"line {m}", vintage="2025")
    ...     for m in range(1, 13)])
    >>> index = WindowIndex(df)
    >>> for end in ("2024-03", "2024-06", "2024-03"):  # the third look-up is a memo hit
    ...     print(index.window_value(reporter="BLR", exporter="BLR", importer="CHN",
    ...                              start="2024-01", end=end).value)
    60.0
    210.0
    60.0
    """

    def __init__(self, df: pd.DataFrame) -> None:
        self.df = df
        cols = [
            df["commodity"].astype(str).tolist() if c == "commodity" else _text(df[c].tolist())
            for c in _Key._fields
        ]
        self._groups: dict[_Key, list[int]] = {}
        for i, key in enumerate(zip(*cols, strict=True)):
            self._groups.setdefault(_Key(*key), []).append(i)
        self._start = [str(v) for v in df["period_start"].tolist()]
        self._end = [str(v) for v in df["period_end"].tolist()]
        self._vintage = df["vintage"].astype(str).tolist()
        self._value = df["value"].tolist()
        self._bases: dict[tuple[str, str, str | None, str], dict[str, list[_Key]]] = {}
        self._periods: dict[tuple[int, ...], tuple[dict[tuple[str, str], object], list[str]]] = {}
        self._memo: dict[tuple[object, ...], WindowValue | None] = {}

    def window_value(
        self,
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
        """:func:`window_value` on the indexed table (same parameters, same result)."""
        if flow_kind not in _FLOW_KINDS:
            raise ValueError(f"flow_kind must be one_way, total or balance, got {flow_kind!r}")
        key = (
            reporter,
            exporter,
            importer,
            start,
            end,
            source,
            scope,
            flow_kind,
            commodity,
            classification,
            currency,
        )
        if key not in self._memo:
            by_source = self._base(scope, commodity, classification, currency)
            got = None
            # without a source every source is tried in alphabetical order; the first that
            # covers the window is used (a window is never pieced from two sources)
            for src in [source] if source is not None else sorted(by_source):
                got = self._one_source(
                    by_source.get(src, []), reporter, exporter, importer, start, end, flow_kind
                )
                if got is not None:
                    break
            self._memo[key] = got
        return _copy(self._memo[key])

    # -- selection ------------------------------------------------------------------------

    def _base(
        self, scope: str, commodity: str, classification: str | None, currency: str
    ) -> dict[str, list[_Key]]:
        """Groups of one scope (for goods: one commodity code) and currency, by source."""
        bkey = (scope, commodity, classification, currency)
        if bkey not in self._bases:
            match_cls = scope == "goods" and commodity != "TOTAL" and classification is not None
            out: dict[str, list[_Key]] = {}
            for k in self._groups:
                if k.scope != scope or k.currency != currency or k.source is None:
                    continue
                if scope == "goods" and (
                    k.commodity != commodity or (match_cls and k.classification != classification)
                ):
                    continue
                out.setdefault(k.source, []).append(k)
            self._bases[bkey] = out
        return self._bases[bkey]

    def _rows(self, keys: list[_Key]) -> tuple[int, ...]:
        """Row positions of some groups, in table order."""
        if len(keys) == 1:
            return tuple(self._groups[keys[0]])
        return tuple(sorted(i for k in keys for i in self._groups[k]))

    def _one_source(
        self,
        keys: list[_Key],
        reporter: str,
        exporter: str,
        importer: str,
        start: str,
        end: str,
        flow_kind: str,
    ) -> WindowValue | None:
        if not keys:
            return None
        a, b = exporter, importer
        if flow_kind == "one_way":
            return self._one_way(keys, reporter, a, b, start, end)
        out_ = self._one_way(keys, reporter, a, b, start, end)
        in_ = self._one_way(keys, reporter, b, a, start, end)
        if out_ is not None and in_ is not None:
            if flow_kind == "total":
                return _combine(
                    [(1, out_), (1, in_)], f"{a}->{b} ({out_.how}) + {b}->{a} ({in_.how})"
                )
            return _combine([(1, out_), (-1, in_)], f"{a}->{b} ({out_.how}) - {b}->{a} ({in_.how})")
        return self._aggregate(keys, reporter, a, b, start, end, flow_kind)

    def _aggregate(
        self,
        keys: list[_Key],
        reporter: str,
        a: str,
        b: str,
        start: str,
        end: str,
        flow_kind: str,
    ) -> WindowValue | None:
        """Total or balance of the pair from the reporter's own T or B rows.

        Parameters
        ----------
        keys
            Groups of one source.
        reporter
            Whose rows.
        a, b
            The pair (``a`` first: the perspective of a balance).
        start, end
            The window.
        flow_kind
            ``"total"`` (T rows) or ``"balance"`` (B rows).

        Returns
        -------
        WindowValue or None
        """
        code = "T" if flow_kind == "total" else "B"
        agg = [
            k
            for k in keys
            if k.reporter == reporter
            and k.flow == code
            and ((k.exporter, k.importer) in ((a, b), (b, a)))
        ]
        if not agg:
            return None
        if code == "T":
            got = self._sum(self._rows(agg), start, end)
            if got is not None:
                got.how = f"total-trade (T) row(s): {got.how}"
            return got
        return self._balance(agg, a, b, start, end)

    def _balance(self, agg: list[_Key], a: str, b: str, start: str, end: str) -> WindowValue | None:
        """Balance of ``a`` with ``b`` from B rows, taken from the other side with the sign flipped.

        Balance rows are the perspective country's exports minus imports; the perspective is
        the reporter, or for an unstated side the first country of the pair (exporter).

        Parameters
        ----------
        agg
            B groups of the reporter about the pair.
        a, b
            The pair; the result is ``a``'s balance.
        start, end
            The window.

        Returns
        -------
        WindowValue or None
        """

        def persp(k: _Key) -> str | None:
            return k.reporter if k.reporter != UNKNOWN_SIDE else k.exporter

        for sign, side in ((1, a), (-1, b)):
            got = self._sum(self._rows([k for k in agg if persp(k) == side]), start, end)
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

    def _one_way(
        self, keys: list[_Key], reporter: str, exporter: str, importer: str, start: str, end: str
    ) -> WindowValue | None:
        """Goods exporter -> importer in the reporter's own flow (X for the exporter, M for
        the importer; published figures of an unstated side match on direction alone)."""
        if reporter == exporter:
            flows = ["X"]
        elif reporter == importer:
            flows = ["M"]
        elif reporter == UNKNOWN_SIDE:
            flows = ["X", "M"]
        else:
            return None
        sel = [
            k
            for k in keys
            if k.reporter == reporter
            and k.flow in flows
            and k.exporter == exporter
            and k.importer == importer
        ]
        if not sel:
            return None
        if len(flows) > 1 and len({k.flow for k in sel}) > 1:
            # an unstated side with both an X and an M row for the same direction: try each
            for f in flows:
                got = self._sum(self._rows([k for k in sel if k.flow == f]), start, end)
                if got is not None:
                    return got
            return None
        return self._sum(self._rows(sel), start, end)

    # -- one series -------------------------------------------------------------------------

    def _sum(self, pos: tuple[int, ...], start: str, end: str) -> WindowValue | None:
        """:func:`sum_window` on the rows at positions ``pos`` (one series, table order)."""
        if start > end or not pos:
            return None
        if pos not in self._periods:
            self._periods[pos] = _period_map(
                [self._start[i] for i in pos],
                [self._end[i] for i in pos],
                [self._vintage[i] for i in pos],
                list(pos),
            )
        periods, notes = self._periods[pos]
        got = _resolve(periods, start, end)
        if got is None:
            return None
        pieces, how = got
        if notes:
            how += " (" + "; ".join(notes) + ")"
        take = [int(p.idx) for p in pieces]  # type: ignore[call-overload]
        rows = self.df.iloc[take].reset_index(drop=True)
        signs = [p.sign for p in pieces]
        value = float(sum(sg * float(self._value[i]) for sg, i in zip(signs, take, strict=True)))
        return WindowValue(value, rows, how, signs, [p.label for p in pieces])


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

    For many look-ups on one table build a :class:`WindowIndex` once and use its
    ``window_value`` method (same parameters without ``df``, same result).

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

    Raises
    ------
    ValueError
        For a ``flow_kind`` other than the three above (on a non-empty table).

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
    if flow_kind not in _FLOW_KINDS:
        raise ValueError(f"flow_kind must be one_way, total or balance, got {flow_kind!r}")
    # every row a look-up can use has this reporter, scope and currency: index only those
    mask = (df["reporter"] == reporter) & (df["scope"] == scope) & (df["currency"] == currency)
    if source is not None:
        mask &= df["source"] == source
    return WindowIndex(df[mask]).window_value(
        reporter=reporter,
        exporter=exporter,
        importer=importer,
        start=start,
        end=end,
        source=source,
        scope=scope,
        flow_kind=flow_kind,
        commodity=commodity,
        classification=classification,
        currency=currency,
    )


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
    ytd = df[
        (df["period_start"].str[5:] == "01")
        & (df["period_start"].str[:4] == df["period_end"].str[:4])
    ]
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
            # one row label each -> one row each
            cur, before = (
                cast(pd.Series, grp.loc[cast(str, i)]) for i in (idx, periods[(s, prev)])
            )
            value = float(cur["value"]) - float(before["value"])
            if value < 0:
                warnings.warn(
                    f"{cur['source_file']}: YTD {s}..{e} ({cur['source_ref']}) is smaller than "
                    f"YTD {s}..{prev} ({before['source_ref']}); month {e} would be negative "
                    f"({fmt.money(value)}) and is not derived",
                    UserWarning,
                    stacklevel=2,
                )
                continue
            row = {str(k): v for k, v in cur.to_dict().items()}
            row.update(
                period_start=e,
                period_end=e,
                value=value,
                source_ref=f"{cur['source_ref']} minus {before['source_ref']}",
                estimate=bool(cur["estimate"]) or bool(before["estimate"]),
                note=(
                    f"derived: YTD {s}..{e} minus YTD {s}..{prev}; " + str(cur["note"] or "")
                ).rstrip("; "),
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
            df,
            reporter=exporter,
            exporter=exporter,
            importer=importer,
            **kw,  # type: ignore[arg-type]
        ),
        "importer_reports": window_value(
            df,
            reporter=importer,
            exporter=exporter,
            importer=importer,
            **kw,  # type: ignore[arg-type]
        ),
    }
