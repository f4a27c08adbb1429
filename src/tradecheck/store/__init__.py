"""Processed store: raw files -> data/processed (canonical Parquet + manifest).

Public API, in :mod:`tradecheck.store.build`: ``build(raw, out, *, force, progress) -> Path``
and ``read_processed(path=None, *, build_if_missing=True) -> DataFrame`` (also re-exported as
``tradecheck.build`` / ``tradecheck.read_processed``). The manifest format is in
:mod:`tradecheck.store.manifest`; the partitioned store and DuckDB queries for large data are
in ``store.partitioned`` and ``store.query``.
"""
