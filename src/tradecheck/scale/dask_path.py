"""The distributed path: the store's aggregations on a Dask DataFrame.

The same functions run on a pandas DataFrame (the notebook face) and on a Dask DataFrame
over the partitioned store (:mod:`tradecheck.store.partitioned`); they use only operations
both libraries share (boolean filters, ``groupby().agg``, ``merge``), so the distributed
result is the pandas result computed elsewhere, and the tests compare the two on a local
cluster.

Functions
---------
:func:`read_store`
    ``dask.dataframe.read_parquet`` over the store, ``source``/``reporter`` restored from the
    directory names, optional partition filters (only matching directories are read).
:func:`filter_rows`
    Rows of given reporters, sources, directions, flows, commodity and months.
:func:`one_way`
    Goods ``exporter -> importer`` in each reporter's own flow (X when it is the exporter,
    M when it is the importer), all goods (``TOTAL``), latest vintage per period.
:func:`annual_totals`
    Per source, reporter, direction and calendar year: the annual row, else the sum of all
    twelve monthly rows; a year without either is absent (never a partial sum).
:func:`window_sums`
    Per source, reporter and direction, the value of each window ``(start, end)``: an exact
    row, else every month from monthly rows, else (whole years) the annual totals of each
    year; windows not fully covered are absent.

These follow :func:`tradecheck.derive.window_value` for monthly and annual rows; the
year-to-date differences and quarter tilings that ``window_value`` also knows are not done
here (they matter for a handful of published series, not for bulk data). Rows of one series
and period with the same latest vintage are kept once (``window_value`` keeps the first in
table order; a Dask frame has no global order, so such ties should not exist in a store --
:func:`tradecheck.store.build.build` keeps one row per release).

Running on a real cluster
-------------------------
Start a scheduler and workers (``dask scheduler``; ``dask worker tcp://scheduler:8786`` on
each node), put the store where every worker can read it (shared disk, S3, GCS, ...), then::

    from distributed import Client
    from tradecheck.scale import dask_path as dp

    client = Client("tcp://scheduler:8786")          # every .compute() now runs there
    ddf = dp.read_store("s3://bucket/tradecheck/store",
                        storage_options={"key": ..., "secret": ...},  # fsspec options
                        reporter=["BLR", "CHN"])
    totals = dp.annual_totals(ddf).compute()

``storage_options`` are passed to fsspec (``s3fs``/``gcsfs`` must be installed on the client
and the workers); a local path needs none. Without a ``Client`` Dask uses its local
threaded scheduler. :func:`local_client` starts a small in-process cluster for tests and
laptops.

Examples
--------
>>> import pandas as pd
>>> from tradecheck import schema
>>> df = schema.make_frame([dict(reporter="BLR", partner="CHN", flow="X",
...     period_start=f"2024-{m:02d}", period_end=f"2024-{m:02d}", value=1.0,
...     source="belstat", source_file="b.csv", source_ref=f"line {m}", vintage="2025-01-01")
...     for m in range(1, 13)])
>>> annual_totals(df)[["year", "value", "how"]].values.tolist()
[['2024', 12.0, 'sum of 12 monthly rows']]
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

from tradecheck import schema
from tradecheck.dates import month_count

__all__ = [
    "SERIES_KEYS",
    "annual_totals",
    "filter_rows",
    "local_client",
    "one_way",
    "read_store",
    "window_sums",
]

#: What identifies one series in the aggregations.
SERIES_KEYS: list[str] = ["source", "reporter", "exporter", "importer", "flow"]

Frame = Any  # pandas.DataFrame or dask.dataframe.DataFrame


def read_store(
    root: str | os.PathLike[str],
    *,
    source: str | Sequence[str] | None = None,
    reporter: str | Sequence[str] | None = None,
    years: Iterable[int] | None = None,
    storage_options: dict[str, Any] | None = None,
) -> Any:
    """The partitioned store as a Dask DataFrame with the canonical columns.

    Parameters
    ----------
    root
        Store directory or URL (``s3://...``; see ``storage_options``).
    source, reporter, years
        Partition filters, applied to directory names before any file is read.
    storage_options
        fsspec options for remote storage (credentials, endpoint).

    Returns
    -------
    dask.dataframe.DataFrame
        Canonical columns (plus nothing else), one partition per store file.
    """
    import dask.dataframe as dd

    filters: list[tuple[str, str, Any]] = []

    def as_list(v: str | Sequence[str]) -> list[str]:
        return [v] if isinstance(v, str) else [str(x) for x in v]

    if source is not None:
        filters.append(("source", "in", as_list(source)))
    if reporter is not None:
        filters.append(("reporter", "in", as_list(reporter)))
    if years is not None:
        filters.append(("year", "in", [f"{int(y):04d}" for y in years]))
    ddf = dd.read_parquet(
        str(root),
        filters=filters or None,
        storage_options=storage_options,
        dataset={"partitioning": {"flavor": "hive", "schema": _partition_schema()}},
    )
    for col in ("source", "reporter"):
        ddf[col] = ddf[col].astype(str)
    return ddf[list(schema.CANONICAL_COLUMNS)]


def _partition_schema() -> Any:
    import pyarrow as pa

    return pa.schema([("source", pa.string()), ("reporter", pa.string()), ("year", pa.string())])


def filter_rows(
    df: Frame,
    *,
    reporter: str | Sequence[str] | None = None,
    source: str | Sequence[str] | None = None,
    exporter: str | None = None,
    importer: str | None = None,
    flows: Sequence[str] | None = None,
    commodity: str | None = None,
    start: str | None = None,
    end: str | None = None,
) -> Frame:
    """Rows matching every filter given (months: rows lying inside ``start..end``)."""
    mask = None

    def add(m: Any) -> None:
        nonlocal mask
        mask = m if mask is None else mask & m

    def as_list(v: str | Sequence[str]) -> list[str]:
        return [v] if isinstance(v, str) else list(v)

    if reporter is not None:
        add(df["reporter"].isin(as_list(reporter)))
    if source is not None:
        add(df["source"].isin(as_list(source)))
    if exporter is not None:
        add(df["exporter"] == exporter)
    if importer is not None:
        add(df["importer"] == importer)
    if flows is not None:
        add(df["flow"].isin(list(flows)))
    if commodity is not None:
        add(df["commodity"] == commodity)
    if start is not None:
        add(df["period_start"] >= start)
    if end is not None:
        add(df["period_end"] <= end)
    return df if mask is None else df[mask]


def _apply(df: Frame, func: Any, meta: pd.DataFrame) -> Frame:
    """``func`` on a pandas frame, or on every partition of a Dask frame."""
    if _is_dask(df):
        return df.map_partitions(func, meta=meta)
    return func(df)


def _one_way_pd(df: pd.DataFrame, commodity: str, currency: str) -> pd.DataFrame:
    own = ((df["flow"] == "X") & (df["reporter"] == df["exporter"])) | (
        (df["flow"] == "M") & (df["reporter"] == df["importer"])
    )
    base = df[
        own
        & (df["scope"] == "goods")
        & (df["commodity"] == commodity)
        & (df["currency"] == currency)
    ]
    base = base[SERIES_KEYS + ["period_start", "period_end", "vintage", "value"]]
    key = SERIES_KEYS + ["period_start", "period_end"]
    # latest vintage first, stable, then one row per series and period
    base = base.sort_values("vintage", ascending=False, kind="mergesort")
    base = base.drop_duplicates(subset=key, keep="first")
    return base.sort_index(kind="mergesort")


def one_way(df: Frame, *, commodity: str = "TOTAL", currency: str = "USD") -> Frame:
    """Goods rows in each reporter's own flow, one row per series and period.

    Keeps scope ``goods``, ``commodity``, ``currency``; flow ``X`` where the reporter is the
    exporter and ``M`` where it is the importer; among rows of one series and period the
    latest ``vintage`` (ties: the first in order).

    On a Dask frame this runs partition by partition, which is exact because a store
    partition holds every row of its source, reporter and year (:func:`read_store`).
    """
    meta = pd.DataFrame(
        {
            c: pd.Series(dtype=object)
            for c in SERIES_KEYS + ["period_start", "period_end", "vintage"]
        }
    )
    meta["value"] = pd.Series(dtype="float64")
    return _apply(df, lambda p: _one_way_pd(p, commodity, currency), meta)


def _annual_pd(rows: pd.DataFrame) -> pd.DataFrame:
    """Annual totals from one_way rows (all rows of a year must be in ``rows``)."""
    rows = rows.assign(year=rows["period_start"].str[:4])
    ann = rows[
        (rows["period_start"].str[5:] == "01")
        & (rows["period_end"].str[5:] == "12")
        & (rows["period_start"].str[:4] == rows["period_end"].str[:4])
    ]
    ann = ann.groupby(SERIES_KEYS + ["year"], sort=True).agg(value=("value", "sum"))
    mon = rows[rows["period_start"] == rows["period_end"]]
    mon = mon.groupby(SERIES_KEYS + ["year"], sort=True).agg(
        value=("value", "sum"), n=("value", "size")
    )
    mon = mon[mon["n"] == 12][["value"]]
    mon = mon[~mon.index.isin(ann.index)]
    out = pd.concat([ann.assign(how="annual row"), mon.assign(how="sum of 12 monthly rows")])
    out = out.reset_index()
    out["value"] = out["value"].astype("float64")
    return _sorted(out[SERIES_KEYS + ["year", "value", "how"]], SERIES_KEYS + ["year"])


def _annual_meta() -> pd.DataFrame:
    meta = pd.DataFrame({c: pd.Series(dtype=object) for c in SERIES_KEYS + ["year"]})
    meta["value"] = pd.Series(dtype="float64")
    meta["how"] = pd.Series(dtype=object)
    return meta


def annual_totals(df: Frame, *, commodity: str = "TOTAL") -> Frame:
    """Calendar-year values per series: the annual row, else all twelve monthly rows.

    Returns
    -------
    DataFrame (pandas or Dask, as the input)
        Columns :data:`SERIES_KEYS` + ``year``, ``value``, ``how``; a year with neither an
        annual row nor twelve monthly rows is absent.
    """
    rows = one_way(df, commodity=commodity)
    return _apply(rows, _annual_pd, _annual_meta())


_KIND_RANK = {"exact": 0, "monthly": 1, "years": 2}


def _window_partials(rows: pd.DataFrame, windows: list[tuple[str, str]]) -> pd.DataFrame:
    """Map step: per series and window, the sum and count of each kind of piece (one
    groupby per partition; partitions outside every window return at once)."""
    years = {f"{y:04d}" for s, e in windows for y in range(int(s[:4]), int(e[:4]) + 1)}
    rows = rows[rows["period_start"].str[:4].isin(years)]
    if rows.empty:
        return _partials_meta()
    ps, pe = rows["period_start"], rows["period_end"]
    monthly = ps == pe
    ann = None
    pieces = []
    keep = SERIES_KEYS + ["value"]
    for start, end in windows:
        n = month_count(start, end)
        ex = rows[(ps == start) & (pe == end)]
        mo = rows[monthly & (ps >= start) & (pe <= end)]
        found = [(ex, "exact", 1), (mo, "monthly", n)]
        if start[5:] == "01" and end[5:] == "12" and start[:4] != end[:4]:
            if ann is None:
                ann = _annual_pd(rows)
            yrs = [f"{y:04d}" for y in range(int(start[:4]), int(end[:4]) + 1)]
            found.append((ann[ann["year"].isin(yrs)], "years", len(yrs)))
        for sub, kind, need in found:
            if len(sub):
                pieces.append(sub[keep].assign(start=start, end=end, kind=kind, need=need))
    if not pieces:
        return _partials_meta()
    long = pd.concat(pieces, ignore_index=True)
    res = (
        long.groupby(SERIES_KEYS + ["start", "end", "kind", "need"], sort=True)
        .agg(value=("value", "sum"), k=("value", "size"))
        .reset_index()
    )
    res["k"] = res["k"].astype("int64")
    res["need"] = res["need"].astype("int64")
    res["value"] = res["value"].astype("float64")
    return res[list(_partials_meta().columns)]


def _partials_meta() -> pd.DataFrame:
    meta = pd.DataFrame(
        {c: pd.Series(dtype=object) for c in SERIES_KEYS + ["start", "end", "kind"]}
    )
    meta["need"] = pd.Series(dtype="int64")
    meta["value"] = pd.Series(dtype="float64")
    meta["k"] = pd.Series(dtype="int64")
    return meta


def _window_pick(agg: pd.DataFrame) -> pd.DataFrame:
    """Reduce step: keep fully covered windows and the preferred kind of piece."""
    cols = SERIES_KEYS + ["start", "end", "value", "how"]
    full = agg[agg["k"] == agg["need"]].copy()
    if full.empty:
        return pd.DataFrame(
            {c: pd.Series(dtype="float64" if c == "value" else object) for c in cols}
        )
    full["rank"] = full["kind"].map(_KIND_RANK)
    full = full.sort_values(SERIES_KEYS + ["start", "end", "rank"], kind="mergesort")
    full = full.drop_duplicates(subset=SERIES_KEYS + ["start", "end"], keep="first")
    full["how"] = [
        "exact row"
        if kind == "exact"
        else f"sum of {need} monthly rows"
        if kind == "monthly"
        else f"sum of {need} calendar years"
        for kind, need in zip(full["kind"], full["need"], strict=True)
    ]
    full["value"] = full["value"].astype("float64")
    return full[cols].reset_index(drop=True)


def window_sums(
    df: Frame,
    windows: Iterable[tuple[str, str]],
    *,
    commodity: str = "TOTAL",
) -> Frame:
    """Values of windows of months per series, only where fully covered.

    A map step counts, per partition, the pieces of each window (exact rows, monthly rows,
    calendar years); a reduce step adds them over partitions (a Dask tree reduction) and
    keeps a window only when its pieces cover it: the exact row first, then every month,
    then every year.

    Parameters
    ----------
    df
        Canonical rows (pandas or Dask).
    windows
        ``(start, end)`` inclusive months.
    commodity
        Commodity code (``"TOTAL"``).

    Returns
    -------
    DataFrame (pandas or Dask, as the input)
        Columns :data:`SERIES_KEYS` + ``start``, ``end``, ``value``, ``how``.
    """
    wins = [(str(s), str(e)) for s, e in windows]
    rows = one_way(df, commodity=commodity)
    parts = _apply(rows, lambda p: _window_partials(p, wins), _partials_meta())
    keys = SERIES_KEYS + ["start", "end", "kind", "need"]
    agg = parts.groupby(keys).agg({"value": "sum", "k": "sum"}, **_split_one(parts)).reset_index()
    if _is_dask(agg):
        meta = _window_pick(_partials_meta())
        return agg.repartition(npartitions=1).map_partitions(_window_pick, meta=meta)
    return _window_pick(agg)


def _split_one(df: Frame) -> dict[str, Any]:
    """A Dask groupby reduces to one output partition (the aggregates are small)."""
    return {"split_out": 1} if _is_dask(df) else {}


def _is_dask(obj: Any) -> bool:
    return type(obj).__module__.startswith("dask")


def _sorted(df: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    return df.sort_values(by, kind="mergesort").reset_index(drop=True)


def local_client(n_workers: int = 2, *, processes: bool = False) -> Any:
    """A :class:`distributed.Client` on a small local cluster (dashboard on a free port).

    ``processes=False`` keeps the workers as threads of this process (quick to start, what
    the tests use); ``True`` gives real worker processes. Close it with ``client.close()``
    and ``client.cluster.close()`` (or use it as a context manager).
    """
    from distributed import Client, LocalCluster

    cluster = LocalCluster(
        n_workers=n_workers, threads_per_worker=1, processes=processes, dashboard_address=":0"
    )  # any free port: no clash, no warning
    return Client(cluster)
