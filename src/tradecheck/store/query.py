"""Window values straight from the partitioned store, with DuckDB as the embedded engine.

DuckDB reads only the partition files that can matter (directory pruning by source,
reporter and year, see :func:`tradecheck.store.partitioned.partition_files`) and filters the
rows inside them (reporter, pair, flows, years) with Parquet statistics; the few candidate
rows then go through :func:`tradecheck.derive.window_value`, so a store query has **exactly**
the semantics of the in-memory check: an exact row, else every month of the window once
(monthly rows, YTD differences, quarters, annual rows), else ``None`` -- never a partial sum.
Writing the tiling rules a second time in SQL would let the two paths drift apart; the SQL
part is the part that scales (scanning), the Python part sees a handful of rows.

DuckDB was chosen over scanning with pyarrow datasets or pandas because one SQL statement
gives file pruning, predicate pushdown into Parquet and a pandas result, and the connection
(kept open per store) answers in a few milliseconds.

Examples
--------
>>> import tempfile, pathlib
>>> from tradecheck import schema
>>> from tradecheck.store.partitioned import write_partitioned
>>> df = schema.make_frame([dict(reporter="BLR", partner="CHN", flow="X",
...     period_start=f"2024-{m:02d}", period_end=f"2024-{m:02d}", value=10.0 * m,
...     source="belstat", source_file="b.csv", source_ref=f"line {m}", vintage="2025-01-01")
...     for m in (1, 2, 3)])
>>> root = write_partitioned(df, pathlib.Path(tempfile.mkdtemp()) / "store")
>>> window_sum(root, reporter="BLR", exporter="BLR", importer="CHN",
...            start="2024-01", end="2024-03")
60.0
>>> window_sum(root, reporter="BLR", exporter="BLR", importer="CHN",
...            start="2024-01", end="2024-04") is None
True
"""

from __future__ import annotations

import itertools
import os
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from tradecheck import schema
from tradecheck.countries import DEFAULT_PAIR
from tradecheck.store.partitioned import default_root, partition_files

__all__ = ["StoreQuery", "claim_windows", "open_store", "window_sum", "window_value"]


class StoreQuery:
    """An open partitioned store: one DuckDB connection, reused for every query.

    Parameters
    ----------
    root
        The store directory written by :func:`~tradecheck.store.partitioned.write_partitioned`.
    """

    def __init__(self, root: str | os.PathLike[str] | None = None) -> None:
        import duckdb

        self.root = Path(root) if root is not None else default_root()
        # the file index is read once: a store is immutable until rewritten as a whole
        # (open_store gives a new StoreQuery then)
        self._files = [
            (f.parent.parent.parent.name[7:], f.parent.parent.name[9:], f.parent.name[5:], f)
            for f in partition_files(self.root)  # raises a clear error when there is no store
        ]
        self._con = duckdb.connect(database=":memory:")
        self._con.execute("SET threads TO 2")
        self._lock = threading.Lock()

    def close(self) -> None:
        """Close the DuckDB connection."""
        self._con.close()

    def rows(
        self,
        *,
        reporter: str | Iterable[str] | None = None,
        source: str | Iterable[str] | None = None,
        years: Iterable[int] | None = None,
        pairs: Iterable[tuple[str, str]] | None = None,
        flows: Sequence[str] | None = None,
        commodity: str | None = None,
    ) -> pd.DataFrame:
        """Canonical rows matching the filters (all of them ANDed; None = no filter).

        Parameters
        ----------
        reporter, source, years
            Partition filters (directories not matching are never opened).
        pairs
            ``(exporter, importer)`` tuples; a row matches any of them.
        flows
            Canonical flow codes.
        commodity
            Exact commodity code (``"TOTAL"``).
        """
        files = self._partition_files(source, reporter, years)
        if not files:
            return schema.empty_frame()
        where, params = _where_clause(pairs, flows, commodity)
        cols = ", ".join(f'"{c}"' for c in schema.CANONICAL_COLUMNS)
        sql = (
            f"SELECT {cols} FROM read_parquet(?, hive_partitioning = true, "
            "hive_types = {'source': VARCHAR, 'reporter': VARCHAR, 'year': VARCHAR})"
        )
        if where:
            sql += " WHERE " + " AND ".join(where)
        with self._lock:
            df = self._con.execute(sql, [[str(f) for f in files], *params]).df()
        if df.empty:
            return schema.empty_frame()
        # DuckDB already returns the canonical types (strings, float64 value, bool estimate);
        # schema.make_frame's per-cell conversion would double the query time
        return df

    def _partition_files(
        self,
        source: str | Iterable[str] | None,
        reporter: str | Iterable[str] | None,
        years: Iterable[int] | None,
    ) -> list[Path]:
        """Partition files matching the source, reporter and year filters (None = any).

        Parameters
        ----------
        source, reporter, years
            As in :meth:`rows`.

        Returns
        -------
        list of pathlib.Path
            In the order of the file index.
        """
        srcs, reps = _as_set(source), _as_set(reporter)
        yrs = None if years is None else {f"{int(y):04d}" for y in years}
        return [
            f
            for s, r, y, f in self._files
            if (srcs is None or s in srcs)
            and (reps is None or r in reps)
            and (yrs is None or y in yrs)
        ]

    def window_value(
        self,
        *,
        reporter: str,
        exporter: str,
        importer: str,
        start: str,
        end: str,
        source: str | None = None,
        commodity: str = "TOTAL",
        scope: str = "goods",
        flow_kind: str = "one_way",
        currency: str = "USD",
    ) -> Any:
        """:func:`tradecheck.derive.window_value` on the candidate rows of the store.

        Returns
        -------
        tradecheck.derive.WindowValue or None
        """
        from tradecheck.derive import window_value as _wv

        years = range(int(start[:4]), int(end[:4]) + 1)
        if flow_kind == "one_way":
            pairs = [(exporter, importer)]
            flows = ["X", "M"]
        else:
            pairs = [(exporter, importer), (importer, exporter)]
            flows = ["X", "M", "T", "B"]
        cand = self.rows(
            reporter=reporter,
            source=source,
            years=years,
            pairs=pairs,
            flows=flows,
            commodity=commodity if scope == "goods" else None,
        )
        if cand.empty:
            return None
        return _wv(
            cand,
            reporter=reporter,
            exporter=exporter,
            importer=importer,
            start=start,
            end=end,
            source=source,
            scope=scope,
            flow_kind=flow_kind,  # type: ignore[arg-type]
            commodity=commodity,
            currency=currency,
        )

    def window_sum(self, **kw: Any) -> float | None:
        """Like :meth:`window_value` but only the number (None without full coverage)."""
        got = self.window_value(**kw)
        return None if got is None else float(got.value)


_OPEN: dict[tuple[str, int, int], StoreQuery] = {}
_OPEN_LOCK = threading.Lock()


def open_store(root: str | os.PathLike[str] | None = None) -> StoreQuery:
    """A cached :class:`StoreQuery` for ``root`` (a rewritten store gets a new one)."""
    r = (Path(root) if root is not None else default_root()).resolve()
    st = r.stat() if r.exists() else None
    key = (str(r), st.st_ino if st else 0, st.st_mtime_ns if st else 0)
    with _OPEN_LOCK:
        q = _OPEN.get(key)
        if q is None:
            q = StoreQuery(r)
            for k in [k for k in _OPEN if k[0] == key[0]]:
                _OPEN.pop(k).close()
            _OPEN[key] = q
    return q


def window_value(
    root: str | os.PathLike[str] | None = None,
    *,
    reporter: str,
    exporter: str,
    importer: str,
    start: str,
    end: str,
    source: str | None = None,
    commodity: str = "TOTAL",
    scope: str = "goods",
    flow_kind: str = "one_way",
) -> Any:
    """The :class:`~tradecheck.derive.WindowValue` of a window, read from the store."""
    return open_store(root).window_value(
        reporter=reporter,
        exporter=exporter,
        importer=importer,
        start=start,
        end=end,
        source=source,
        commodity=commodity,
        scope=scope,
        flow_kind=flow_kind,
    )


def window_sum(
    root: str | os.PathLike[str] | None = None,
    *,
    reporter: str,
    exporter: str,
    importer: str,
    start: str,
    end: str,
    source: str | None = None,
    commodity: str = "TOTAL",
) -> float | None:
    """Value of goods ``exporter -> importer`` over ``start..end`` as ``reporter`` reports it.

    Same semantics as :func:`tradecheck.derive.window_value` (``flow_kind="one_way"``): the
    reporter's X rows when it is the exporter, M rows when it is the importer; full
    coverage of the window or ``None``.

    Parameters
    ----------
    root
        Store directory (default ``data/processed/store``).
    reporter, exporter, importer
        ISO3 codes.
    start, end
        Inclusive months ``"YYYY-MM"``.
    source
        One source, or None: the first source (alphabetically) that covers the window.
    commodity
        ``"TOTAL"`` or a commodity code.

    Returns
    -------
    float or None
    """
    got = window_value(
        root,
        reporter=reporter,
        exporter=exporter,
        importer=importer,
        start=start,
        end=end,
        source=source,
        commodity=commodity,
    )
    return None if got is None else float(got.value)


def _claim_dict(c: Any) -> dict[str, Any]:
    return c.to_json() if hasattr(c, "to_json") else dict(c)


#: The columns of :func:`claim_windows`, in order.
_WINDOW_COLUMNS = (
    "claim",
    "span",
    "reporter",
    "role",
    "start",
    "end",
    "flow_kind",
    "exporter",
    "importer",
    "value",
    "how",
    "sources",
    "refs",
)


@dataclass(frozen=True)
class _ClaimRead:
    """What :func:`claim_windows` needs of one claim: the flow, the kind of window, the
    reporters it may mean, the scope and the ``(role, period)`` pairs it names."""

    exporter: str
    importer: str
    kind: str
    reporters: list[str]
    scope: str
    periods: list[tuple[str, dict[str, str]]]

    def years(self) -> list[int]:
        """Every calendar year any of the periods touches, sorted."""
        spans = (range(int(p["start"][:4]), int(p["end"][:4]) + 1) for _, p in self.periods)
        return sorted({y for span in spans for y in span})


def _claim_read(c: dict[str, Any], pair: tuple[str, str]) -> _ClaimRead:
    """Read a claim's JSON for the store: ``"A->B"`` is goods from A to B, anything else
    total trade of ``pair``; quantity ``balance`` is the first country's balance; no named
    reporter means both countries and ``XXX`` (published figures of unstated side).

    Examples
    --------
    >>> r = _claim_read({"direction": "CHN -> BLR", "period": {"start": "2022-01",
    ...                  "end": "2023-03"}}, ("BLR", "CHN"))
    >>> r.exporter, r.importer, r.kind, r.reporters, r.scope, r.years()
    ('CHN', 'BLR', 'one_way', ['CHN', 'BLR', 'XXX'], 'goods', [2022, 2023])
    >>> _claim_read({"quantity": "balance", "reporter": "BLR"}, ("BLR", "CHN")).kind
    'balance'
    """
    direction = str(c.get("direction") or "both")
    one_way = "->" in direction
    a, b = (x.strip() for x in direction.split("->", 1)) if one_way else pair
    kind = "balance" if c.get("quantity") == "balance" else "one_way" if one_way else "total"
    return _ClaimRead(
        exporter=a,
        importer=b,
        kind=kind,
        reporters=[c["reporter"]] if c.get("reporter") else [a, b, schema.UNKNOWN_SIDE],
        scope=str(c.get("scope") or "goods"),
        periods=[(role, c[role]) for role in ("period", "base_period") if c.get(role)],
    )


def _candidates(q: StoreQuery, r: _ClaimRead) -> pd.DataFrame:
    """The rows a claim can use, in one DuckDB query: every reporter, both directions, every
    year needed, TOTAL commodity only for goods."""
    return q.rows(
        reporter=r.reporters,
        years=r.years(),
        pairs=[(r.exporter, r.importer), (r.importer, r.exporter)],
        flows=["X", "M", "T", "B"],
        commodity="TOTAL" if r.scope == "goods" else None,
    )


def _window(cand: pd.DataFrame, r: _ClaimRead, rep: str, per: dict[str, str]) -> Any:
    """The window value of one reporter and period (None when the rows do not cover it)."""
    from tradecheck.derive import window_value as _wv

    if cand.empty:
        return None
    return _wv(
        cand,
        reporter=rep,
        exporter=r.exporter,
        importer=r.importer,
        start=per["start"],
        end=per["end"],
        scope=r.scope,
        flow_kind=r.kind,  # type: ignore[arg-type]
    )


def _found_cells(got: Any) -> dict[str, Any]:
    """``value``, ``how``, ``sources`` and ``refs`` of a window (NaN and blanks for None)."""
    if got is None:
        return {"value": float("nan"), "how": "", "sources": "", "refs": ""}
    pairs = zip(got.rows["source_file"], got.rows["source_ref"], strict=True)
    return {
        "value": float(got.value),
        "how": got.how,
        "sources": ",".join(sorted(set(got.rows["source"]))),
        "refs": "; ".join(f"{f}:{ref}" for f, ref in pairs),
    }


def claim_windows(
    claims: Iterable[Any],
    root: str | os.PathLike[str] | None = None,
    *,
    pair: tuple[str, str] = DEFAULT_PAIR,
) -> pd.DataFrame:
    """The store's window values behind each claim's period (and base period).

    For every claim, every reporter it may mean (the one it names, else both countries of
    the pair and ``XXX`` = published figures of unstated side) and every period it names,
    the window is evaluated with :meth:`StoreQuery.window_value`: ``direction == "both"``
    is total trade, ``"A->B"`` goods from A to B, quantity ``balance`` the balance of the
    first country. The verdict is left to :func:`tradecheck.claims.check.check`; this is
    the data side of it, at store scale.

    Parameters
    ----------
    claims
        :class:`~tradecheck.claims.model.Claim` objects or their JSON dicts.
    root
        Store directory.
    pair
        The country pair for ``direction == "both"``.

    Returns
    -------
    pandas.DataFrame
        One row per (claim, reporter, role): ``claim`` (position), ``span``, ``reporter``,
        ``role`` (``period`` / ``base_period``), ``start``, ``end``, ``flow_kind``,
        ``exporter``, ``importer``, ``value`` (NaN when not covered), ``how``, ``sources``,
        ``refs`` (``source_file:source_ref`` of the rows used).
    """
    q = open_store(root)
    out: list[dict[str, Any]] = []
    for i, claim in enumerate(claims):
        c = _claim_dict(claim)
        r = _claim_read(c, pair)
        if not r.periods:
            continue
        cand = _candidates(q, r)
        for rep, (role, per) in itertools.product(r.reporters, r.periods):
            where = {"claim": i, "span": c.get("span", ""), "reporter": rep, "role": role}
            flow = {"flow_kind": r.kind, "exporter": r.exporter, "importer": r.importer}
            window = {"start": per["start"], "end": per["end"]}
            out.append({**where, **window, **flow, **_found_cells(_window(cand, r, rep, per))})
    return pd.DataFrame(out, columns=list(_WINDOW_COLUMNS))


def _as_set(v: str | Iterable[str] | None) -> set[str] | None:
    """One string or several as a set of strings; ``None`` (no filter) stays ``None``."""
    if v is None:
        return None
    return {v} if isinstance(v, str) else {str(x) for x in v}


def _where_clause(
    pairs: Iterable[tuple[str, str]] | None,
    flows: Sequence[str] | None,
    commodity: str | None,
) -> tuple[list[str], list[Any]]:
    """SQL conditions (ANDed by the caller) and their parameters for the row filters.

    Parameters
    ----------
    pairs, flows, commodity
        As in :meth:`StoreQuery.rows`.

    Returns
    -------
    tuple
        ``(conditions, params)`` with ``?`` placeholders in the conditions.
    """
    where: list[str] = []
    params: list[Any] = []
    if pairs is not None:
        pairs = list(pairs)
        where.append("(" + " OR ".join("(exporter = ? AND importer = ?)" for _ in pairs) + ")")
        for a, b in pairs:
            params += [a, b]
    if flows is not None:
        where.append("flow IN (" + ", ".join("?" for _ in flows) + ")")
        params += list(flows)
    if commodity is not None:
        where.append("commodity = ?")
        params.append(commodity)
    return where, params
