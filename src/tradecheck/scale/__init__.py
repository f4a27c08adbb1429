"""Scale and speed: streaming bulk ingest, the Dask path, and the benchmarks' helpers.

Modules
-------
:mod:`tradecheck.scale.bulk`
    ``ingest(path, *, reporters=None, partners=None, cmd_level=None, out=None,
    progress=True, max_rows=None)`` and ``tables(path, ...)`` -- a UN Comtrade bulk gzip TSV
    or a large website CSV read block by block (pyarrow's CSV reader, chosen by measurement;
    see its docstring), filtered while reading, normalised by the small loader's rules,
    written atomically.
:mod:`tradecheck.scale.canon`
    The small loader's rules as vectorised Arrow/numpy operations on a block.
:mod:`tradecheck.scale.route`
    Which files ``tradecheck load`` / ``tradecheck.load`` stream (Comtrade files over 8 MiB)
    and what ``load`` returns for them.
:mod:`tradecheck.scale.dask_path`
    ``read_store``, ``filter_rows``, ``one_way``, ``annual_totals``, ``window_sums``,
    ``local_client`` -- the store's aggregations on a Dask DataFrame (same functions on
    pandas), and how to point them at a real cluster.

The partitioned store itself and its DuckDB queries are :mod:`tradecheck.store.partitioned`
and :mod:`tradecheck.store.query`; the benchmark scripts are in ``benchmarks/`` of the
repository (``make bench``).
"""
