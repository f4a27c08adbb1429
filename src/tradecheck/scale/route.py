"""Which files ``tradecheck load`` / :func:`tradecheck.load` stream, and how.

A UN Comtrade bulk file (or website CSV) larger than :data:`STREAM_BYTES` on disk does not go
through the small loader, which holds the whole text and a frame of strings in memory (a
3-million-row bulk file took 9 GB that way), but through the streaming reader
:mod:`tradecheck.scale.bulk`: blocks of text, canonical rows by the vectorised rules of
:mod:`tradecheck.scale.canon`, the same table (tests/scale/test_scale_route.py compares the two
paths on one input).

What :func:`tradecheck.load` returns for such a file: the canonical pandas DataFrame, as for
every other file, as long as it has at most :data:`LOAD_MAX_ROWS` rows; beyond that it stops
with a :class:`~tradecheck.errors.LoadError` (before memory runs out) that names the two
bounded-memory ways: ``tradecheck load FILE --out rows.parquet`` (or
``tradecheck.scale.bulk.ingest(FILE, out=...)``), and filtering while reading with ``ingest``.
Why not a lazy Arrow/DuckDB relation: every analysis function takes the canonical DataFrame,
and a return type that changed with the size of the input would surprise an analyst more than
a clear message with the way out. ``tradecheck load`` itself never holds the rows: it writes
them block by block and prints the summary from running counts.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from tradecheck.errors import LoadError

__all__ = ["LOAD_MAX_ROWS", "STREAM_BYTES", "STREAM_FORMATS", "load_streamed", "streams"]

#: Files larger than this (bytes on disk) take the streaming path: 8 MiB of gzip is ~230,000
#: bulk rows, which the small loader read with a peak of 813 MB (measured; it grows with
#: the file, 9 GB for 3 million rows).
STREAM_BYTES = 8 << 20
#: Formats the streaming reader covers (the rules are those of their small loaders).
STREAM_FORMATS = ("comtrade_bulk", "comtrade_csv")
#: Most canonical rows :func:`tradecheck.load` returns as a DataFrame from one streamed file
#: (measured: 800,000 rows took 644 MB peak through tc.load, ~550 bytes per row with the
#: Arrow rows held while converting; 1.5 million rows stay near 1 GB).
LOAD_MAX_ROWS = 1_500_000


def streams(format_name: str, path: Path) -> bool:
    """Whether ``path`` (detected as ``format_name``) takes the streaming path: a format it
    covers, larger than :data:`STREAM_BYTES`, with a layout the streaming reader reads (a
    tab- or comma-separated header; other CSV dialects stay with the small loader)."""
    from tradecheck.scale.bulk import _sniff_layout

    if format_name not in STREAM_FORMATS or not path.is_file():
        return False
    if path.stat().st_size <= STREAM_BYTES:
        return False
    try:
        _sniff_layout(path)
    except LoadError:
        return False
    return True


def load_streamed(path: Path, *, vintage: str | None = None, **_: Any) -> pd.DataFrame:
    """The canonical DataFrame of a streamed file, or :class:`LoadError` past
    :data:`LOAD_MAX_ROWS` rows (see the module docstring)."""
    from tradecheck.scale.bulk import ingest

    df = ingest(path, progress=False, vintage=vintage, max_rows=LOAD_MAX_ROWS)
    assert isinstance(df, pd.DataFrame)
    return df


def file_tables(
    files: list[Path], format_name: str | None, options: dict[str, Any], progress: bool
) -> Iterator[pa.Table]:
    """Canonical Arrow tables of every file in order: streamed files block by block, the
    others whole through :func:`tradecheck.loaders.load`."""
    from tradecheck import schema
    from tradecheck.loaders import detect, load, loaders
    from tradecheck.scale import bulk, canon

    for f in files:
        ld = loaders()[format_name] if format_name else detect(f)
        if streams(ld.name, f):
            yield from bulk.tables(f, progress=progress, vintage=options.get("vintage"))
            continue
        df = load([f], format=format_name, **options)
        if len(df):
            yield (
                pa.Table.from_pandas(
                    schema.make_frame(df), schema=canon.arrow_schema(), preserve_index=False
                )
                .replace_schema_metadata(None)
                .cast(canon.dict_schema())
            )


class Counts:
    """Running group counts for the summary of ``tradecheck load``: rows, first and last
    month per source/reporter/flow, and the files seen."""

    def __init__(self) -> None:
        self.seen: dict[tuple[str, str, str], list[Any]] = {}
        self.files: set[str] = set()

    def add(self, table: pa.Table) -> None:
        """Count one table's rows.

        Grouped in numpy on the dictionary codes of the key columns and the ranks of the
        months, so no cell becomes a string (casting the five columns to strings and
        grouping them took a sixth of the time of ``tradecheck load --out``); see
        :func:`_group_ranges`."""
        if not table.num_rows:
            return
        codes, words = zip(
            *(_codes(table.column(k)) for k in ("source", "reporter", "flow")), strict=True
        )
        sizes = tuple(len(w) for w in words)
        key = np.asarray(np.ravel_multi_index(codes, sizes), dtype=np.int64)
        first, first_words = _month_ranks(table.column("period_start"))
        last, last_words = _month_ranks(table.column("period_end"))
        uniq, rows, lo, hi = _group_ranges(
            key, int(np.prod(sizes)), (first, len(first_words)), (last, len(last_words))
        )
        parts = np.unravel_index(uniq, sizes)
        for j in range(len(uniq)):
            name = tuple(str(w[p[j]]) for w, p in zip(words, parts, strict=True))
            self._fold(name, int(rows[j]), str(first_words[lo[j]]), str(last_words[hi[j]]))  # type: ignore[arg-type]
        self.files.update(table.column("source_file").unique().to_pylist())

    def _fold(self, name: tuple[str, str, str], rows: int, first: str, last: str) -> None:
        got = self.seen.get(name)
        if got is None:
            self.seen[name] = [rows, first, last]
        else:
            got[0], got[1], got[2] = got[0] + rows, min(got[1], first), max(got[2], last)

    def groups(self) -> pd.DataFrame:
        """One row per source/reporter/flow (sorted): rows, first, last."""
        cols = ["source", "reporter", "flow", "rows", "first", "last"]
        return pd.DataFrame([[*name, *self.seen[name]] for name in sorted(self.seen)], columns=cols)


def _codes(col: pa.ChunkedArray) -> tuple[np.ndarray, np.ndarray]:
    """A string column as dictionary codes per row and the dictionary's words."""
    arr = col.combine_chunks()
    enc = arr if pa.types.is_dictionary(arr.type) else arr.dictionary_encode()
    return enc.indices.to_numpy(), np.array(enc.dictionary.to_pylist(), dtype=object)


#: Largest key x month table :func:`_group_ranges` counts densely (8 bytes a cell).
_DENSE_CELLS = 1 << 22


def _group_ranges(
    key: np.ndarray, n_keys: int, first: tuple[np.ndarray, int], last: tuple[np.ndarray, int]
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Per distinct key (``0 <= key < n_keys``): the key, its row count, the lowest rank of
    ``first`` and the highest rank of ``last`` among its rows (ranks below the counts given).

    Counted with ``bincount`` over key x rank tables when they are small (a block has a few
    hundred keys and months), O(n): ``np.unique`` (a sort) took 37 ms per 250,000 rows,
    a tenth of the CPU time of ``tradecheck load --out``; larger key spaces sort.
    """
    (f, n_f), (la, n_la) = first, last
    if n_keys * max(n_f, n_la) > _DENSE_CELLS:
        uniq, inverse = np.unique(key, return_inverse=True)
        lo = np.full(len(uniq), n_f, dtype=np.int64)
        hi = np.full(len(uniq), -1, dtype=np.int64)
        np.minimum.at(lo, inverse, f)
        np.maximum.at(hi, inverse, la)
        return uniq, np.bincount(inverse, minlength=len(uniq)), lo, hi
    rows = np.bincount(key, minlength=n_keys)
    uniq = np.flatnonzero(rows)
    seen_f = np.bincount(key * n_f + f, minlength=n_keys * n_f).reshape(n_keys, n_f)[uniq]
    seen_la = np.bincount(key * n_la + la, minlength=n_keys * n_la).reshape(n_keys, n_la)[uniq]
    lo = (seen_f > 0).argmax(axis=1)
    hi = n_la - 1 - (seen_la[:, ::-1] > 0).argmax(axis=1)
    return uniq, rows[uniq], lo, hi


def _month_ranks(col: pa.ChunkedArray) -> tuple[np.ndarray, np.ndarray]:
    """Per row, the rank of its ``"YYYY-MM"`` among the column's distinct months, and those
    months in order (so a min/max of ranks is the min/max month)."""
    codes, words = _codes(col)
    order = np.argsort(words, kind="stable")
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    return rank[codes], words[order]


def write_tables(tables: Iterable[pa.Table], out: str | os.PathLike[str]) -> Path:
    """Write canonical tables to ``.parquet`` (block by block) or ``.csv`` (appended block
    by block, formatted as ``tradecheck load`` writes a small table), atomically."""
    from tradecheck.errors import TradecheckError
    from tradecheck.scale.bulk import to_frame, write_parquet

    target = Path(out)
    suffix = target.suffix.lower()
    if suffix == ".parquet":
        return write_parquet(tables, target)
    if suffix != ".csv":
        raise TradecheckError(f"--out {out}: expected a file name ending in .parquet or .csv")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    try:
        header = True
        for t in tables:
            to_frame([t]).to_csv(tmp, mode="w" if header else "a", header=header, index=False)
            header = False
        if header:  # no rows: the header alone
            from tradecheck import schema

            schema.empty_frame().to_csv(tmp, index=False)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return target


def any_streamed(paths: Iterable[str | os.PathLike[str]], format_name: str | None) -> bool:
    """Whether any of the files below ``paths`` takes the streaming path (files that cannot
    be detected are left to the small path, which reports them)."""
    from tradecheck.errors import TradecheckError
    from tradecheck.loaders import detect, iter_files, loaders

    for f in iter_files(paths):
        try:
            ld = loaders()[format_name] if format_name else detect(f)
        except (TradecheckError, KeyError, OSError):
            continue
        if streams(ld.name, f):
            return True
    return False


def run_load(
    paths: Iterable[str | os.PathLike[str]],
    format_name: str | None,
    options: dict[str, Any],
    out: str | None,
) -> int:
    """``tradecheck load`` when a file streams: rows written block by block to ``out`` (if
    given), never held; notes, then the summary from running counts, as for small files."""
    import sys
    import warnings

    from tradecheck.loaders import iter_files
    from tradecheck.loaders._cli import summary_of_groups

    files = iter_files(paths)
    counts = Counts()

    def counted() -> Iterator[pa.Table]:
        for t in file_tables(files, format_name, options, progress=True):
            counts.add(t)
            yield t

    written = None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if out:
            written = write_tables(counted(), out)
        else:
            for _ in counted():
                pass
    for w in caught:
        print(f"note: {w.message}", file=sys.stderr)
    groups = counts.groups()
    print(summary_of_groups(groups, len(counts.files)))
    if written is not None:
        print(f"wrote {int(groups['rows'].sum())} rows to {written}")
    return 0
