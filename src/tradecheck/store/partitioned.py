"""A partitioned Parquet copy of the canonical table, for large data and for DuckDB / Dask.

Layout (Hive style, one file per partition)::

    <root>/source=comtrade/reporter=BLR/year=2023/part-0.parquet

``year`` is the calendar year of ``period_start``. ``source`` and ``reporter`` live only in
the directory names (as every Hive-partitioned dataset does), so DuckDB
(``hive_partitioning``), pyarrow datasets and Dask read them back as columns and can skip
whole directories when a query names a source, a reporter or years.

Writing is deterministic -- rows sorted by a fixed key, fixed file names, no timestamps, one
row group per file -- so the same table gives byte-identical files. It is atomic: the new
store is written beside ``root`` and swapped in with renames, so a reader never sees half a
store.

The store is written with pyarrow directly (``pyarrow.parquet.write_table`` per partition)
rather than ``pyarrow.dataset.write_dataset``: the latter names files by thread order and
could not promise the byte-identical output above.

Examples
--------
>>> import tempfile, pathlib
>>> from tradecheck import schema
>>> df = schema.make_frame([dict(reporter="BLR", partner="CHN", flow="X",
...     period_start="2023-01", period_end="2023-12", value=1.0, source="comtrade",
...     source_file="f", source_ref="line 2", vintage="2024-01-01")])
>>> root = write_partitioned(df, pathlib.Path(tempfile.mkdtemp()) / "store")
>>> [p.relative_to(root).as_posix() for p in sorted(root.rglob("*.parquet"))]
['source=comtrade/reporter=BLR/year=2023/part-0.parquet']
>>> read_partitioned(root).equals(df)
True
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterable
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from tradecheck import paths, schema
from tradecheck.errors import SchemaError, TradecheckError

__all__ = [
    "PARTITION_KEYS",
    "SORT_KEY",
    "arrow_schema",
    "partition_files",
    "read_partitioned",
    "write_partitioned",
]

PARTITION_KEYS: tuple[str, ...] = ("source", "reporter", "year")
#: Row order inside a partition file (then the original order as a tie-break).
SORT_KEY: tuple[str, ...] = (
    "source",
    "reporter",
    "partner",
    "flow",
    "commodity",
    "period_start",
    "period_end",
    "vintage",
    "source_file",
    "source_ref",
)
_FILE = "part-0.parquet"
_STORED = tuple(c for c in schema.CANONICAL_COLUMNS if c not in ("source", "reporter"))


def default_root() -> Path:
    """``data/processed/store`` of the project."""
    return paths.PROCESSED / "store"


def arrow_schema(columns: Iterable[str] = schema.CANONICAL_COLUMNS) -> pa.Schema:
    """The Arrow types of canonical columns (strings, ``value`` float64, ``estimate`` bool)."""
    out = []
    for c in columns:
        t = pa.float64() if c == "value" else pa.bool_() if c == "estimate" else pa.string()
        out.append(pa.field(c, t))
    return pa.schema(out)


def _safe(value: str, column: str) -> str:
    if not value or "/" in value or "\\" in value or value in (".", "..") or "=" in value:
        raise SchemaError(f"cannot partition on {column}={value!r}: not a safe directory name")
    return value


def write_partitioned(df: pd.DataFrame, root: str | os.PathLike[str] | None = None) -> Path:
    """Write a canonical table as a Parquet store partitioned by source / reporter / year.

    Parameters
    ----------
    df
        Canonical table (validated here with :func:`tradecheck.schema.validate`).
    root
        Store directory; default ``data/processed/store``. An existing store there is
        replaced as a whole (atomically).

    Returns
    -------
    pathlib.Path
        ``root``.

    Raises
    ------
    SchemaError
        If ``df`` is not a valid canonical table.
    """
    root = Path(root) if root is not None else default_root()
    df = schema.validate(schema.make_frame(df) if not df.empty else schema.empty_frame())
    work = df.reset_index(drop=True).copy()
    work["year"] = work["period_start"].str[:4]
    work["_order"] = range(len(work))
    work = work.sort_values(list(SORT_KEY) + ["_order"], kind="mergesort")
    root.parent.mkdir(parents=True, exist_ok=True)
    tmp = root.with_name(f".{root.name}.tmp-{uuid.uuid4().hex[:8]}")
    tmp.mkdir()
    try:
        sch = arrow_schema(_STORED)
        for (source, reporter, year), grp in work.groupby(list(PARTITION_KEYS), sort=True):
            d = (
                tmp
                / f"source={_safe(str(source), 'source')}"
                / f"reporter={_safe(str(reporter), 'reporter')}"
            )
            d = d / f"year={_safe(str(year), 'year')}"
            d.mkdir(parents=True)
            table = pa.Table.from_pandas(
                grp[list(_STORED)], schema=sch, preserve_index=False
            ).replace_schema_metadata(None)
            pq.write_table(
                table,
                d / _FILE,
                compression="zstd",
                row_group_size=len(grp) or 1,
                write_statistics=True,
            )
        (tmp / "_SCHEMA.txt").write_text(
            "canonical table partitioned by source/reporter/year (see "
            "tradecheck.store.partitioned)\n" + "\n".join(schema.CANONICAL_COLUMNS) + "\n",
            encoding="utf-8",
        )
        old = None
        if root.exists():
            old = root.with_name(f".{root.name}.old-{uuid.uuid4().hex[:8]}")
            os.replace(root, old)
        os.replace(tmp, root)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return root


def partition_files(
    root: str | os.PathLike[str],
    *,
    source: str | Iterable[str] | None = None,
    reporter: str | Iterable[str] | None = None,
    years: Iterable[int | str] | None = None,
) -> list[Path]:
    """The partition files that can hold rows of these sources, reporters and years.

    Pruning by directory name, before any file is opened (sorted, deterministic).
    """
    root = Path(root)
    if not root.is_dir():
        raise TradecheckError(
            f"{root}: no partitioned store here; write one with "
            "tradecheck.store.partitioned.write_partitioned(df, root)"
        )

    def norm(v: str | Iterable[str] | None) -> set[str] | None:
        if v is None:
            return None
        return {v} if isinstance(v, str) else {str(x) for x in v}

    srcs, reps = norm(source), norm(reporter)
    yrs = None if years is None else {f"{int(y):04d}" for y in years}
    out = []
    for f in sorted(root.glob(f"source=*/reporter=*/year=*/{_FILE}")):
        y, r, s = f.parent.name[5:], f.parent.parent.name[9:], f.parent.parent.parent.name[7:]
        if (
            (srcs is None or s in srcs)
            and (reps is None or r in reps)
            and (yrs is None or y in yrs)
        ):
            out.append(f)
    return out


def read_partitioned(
    root: str | os.PathLike[str] | None = None,
    *,
    source: str | Iterable[str] | None = None,
    reporter: str | Iterable[str] | None = None,
    years: Iterable[int | str] | None = None,
) -> pd.DataFrame:
    """Read (part of) a store back as a canonical frame -- the pandas face of the store.

    Rows come in store order (source, reporter, year, then :data:`SORT_KEY`).
    """
    root = Path(root) if root is not None else default_root()
    files = partition_files(root, source=source, reporter=reporter, years=years)
    if not files:
        return schema.empty_frame()
    frames = []
    for f in files:
        t = pq.read_table(f, schema=arrow_schema(_STORED))
        d = t.to_pandas()
        d["source"] = f.parent.parent.parent.name[7:]
        d["reporter"] = f.parent.parent.name[9:]
        frames.append(d)
    out = pd.concat(frames, ignore_index=True)
    return schema.make_frame(out)
