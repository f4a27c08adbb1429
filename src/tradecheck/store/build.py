"""Raw files -> data/processed: one validated canonical table in Parquet, plus a manifest.

``build()`` loads every data file under ``data/raw`` with :func:`tradecheck.loaders.load`
(format detected by content), validates the combined table against
:mod:`tradecheck.schema`, sorts it deterministically and writes

- ``data/processed/canonical.parquet``: pyarrow, a fixed column schema, no pandas index or
  pandas metadata, zstd compression; the same inputs give the same bytes;
- ``data/processed/manifest.json``: inputs with SHA-256, size, vintage and rows, row counts per
  file/source/reporter, the output's SHA-256, the versions used
  (see :mod:`tradecheck.store.manifest`) and ``load_report``: what the loaders dropped on
  purpose, one line per file (also :attr:`BuildResult.load_notes`; never raised as warnings,
  so an implicit build inside ``tradecheck.check`` stays quiet).

The build is skipped when the manifest already describes the same inputs (file and sidecar
hashes) built by the same loader code and the Parquet file on disk is the one it wrote;
``force=True`` rebuilds anyway. Every write is atomic (temp file in the same folder +
``os.replace``); any bad raw file stops the build with one :class:`~tradecheck.errors.LoadError`
naming it **before** anything is written. Raw files are only ever read.

Parquet via pyarrow (rather than ``DataFrame.to_parquet``) so the file carries an explicit,
stable Arrow schema and no pandas-version-specific metadata.

Examples
--------
>>> from tradecheck.store.build import build, read_processed
>>> build()  # doctest: +SKIP
PosixPath('.../data/processed/canonical.parquet')
>>> read_processed().shape  # doctest: +SKIP
(12345, 20)
"""

from __future__ import annotations

import os
import tempfile
import time
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from tradecheck import paths, schema
from tradecheck.errors import LoadError, TradecheckError, one_line
from tradecheck.store import manifest as mf

PARQUET_NAME = "canonical.parquet"
MANIFEST_NAME = "manifest.json"

_FLOAT_COLS = ("value",)
_BOOL_COLS = ("estimate",)
_STR_COLS = tuple(c for c in schema.CANONICAL_COLUMNS if c not in _FLOAT_COLS + _BOOL_COLS)

#: The Arrow schema of canonical.parquet (column order = schema.CANONICAL_COLUMNS).
ARROW_SCHEMA = pa.schema(
    [
        pa.field(
            c,
            pa.float64() if c in _FLOAT_COLS else pa.bool_() if c in _BOOL_COLS else pa.string(),
            nullable=(c == "note"),
        )
        for c in schema.CANONICAL_COLUMNS
    ],
    metadata={b"tradecheck.table": b"canonical", b"tradecheck.schema_version": b"1"},
)

#: Row order of the processed table: by source and file, then the observation's identity,
#: then the row's position in its file (numeric part of source_ref), then everything else.
SORT_ORDER: tuple[str, ...] = (
    "source",
    "source_file",
    "reporter",
    "partner",
    "flow",
    "commodity",
    "scope",
    "period_start",
    "period_end",
    "_ref_num",
    "source_ref",
) + tuple(
    c
    for c in schema.CANONICAL_COLUMNS
    if c
    not in {
        "source",
        "source_file",
        "reporter",
        "partner",
        "flow",
        "commodity",
        "scope",
        "period_start",
        "period_end",
        "source_ref",
    }
)


@dataclass(frozen=True)
class BuildResult:
    """What :func:`run_build` did.

    Attributes
    ----------
    parquet, manifest
        The output files.
    skipped
        True when the existing output was up to date and nothing was written.
    rows, files
        Rows in the table and raw files read (or recorded, when skipped).
    seconds
        Wall time of the call.
    overlaps
        Observations found in more than one raw file of the same source (see
        :func:`overlaps`); usually two vintages of one download, counted twice.
    notes
        One-line warnings (e.g. an unreadable old manifest that was replaced).
    load_notes
        What the loaders dropped or noticed on purpose, one line per file (their
        :class:`~tradecheck.loaders.report.LoadReport`); expected and reported, not problems.
        Also in the manifest (``load_report``). Empty when the build was skipped.
    """

    parquet: Path
    manifest: Path
    skipped: bool
    rows: int
    files: int
    seconds: float
    overlaps: int = 0
    notes: tuple[str, ...] = ()
    load_notes: tuple[str, ...] = ()


def sort_canonical(df: pd.DataFrame) -> pd.DataFrame:
    """Deterministic row order of a canonical frame (see :data:`SORT_ORDER`), fresh index."""
    if df.empty:
        return df.reset_index(drop=True)
    key = df.assign(
        _ref_num=pd.to_numeric(
            df["source_ref"].astype(str).str.extract(r"(\d+)", expand=False), errors="coerce"
        ).fillna(-1),
        note=df["note"].fillna(""),
    )
    order = key.sort_values(list(SORT_ORDER), kind="stable").index
    return df.loc[order].reset_index(drop=True)


def to_arrow(df: pd.DataFrame) -> pa.Table:
    """The canonical frame as an Arrow table with :data:`ARROW_SCHEMA` (no index, no pandas
    metadata)."""
    arrays = []
    for field in ARROW_SCHEMA:
        col = df[field.name]
        if field.name in _STR_COLS:
            try:
                arr = pa.array(col.astype(object), type=pa.string(), from_pandas=True)
            except (pa.ArrowTypeError, pa.ArrowInvalid):  # non-str objects: stringify
                arr = pa.array([None if pd.isna(v) else str(v) for v in col], type=pa.string())
            arrays.append(arr)
        else:
            arrays.append(pa.array(col.to_numpy(), type=field.type))
    return pa.Table.from_arrays(arrays, schema=ARROW_SCHEMA)


def from_arrow(table: pa.Table) -> pd.DataFrame:
    """A canonical frame (same dtypes as :func:`tradecheck.schema.make_frame`) from Arrow."""
    data: dict[str, Any] = {}
    for name in schema.CANONICAL_COLUMNS:
        col = table.column(name)
        if name in _STR_COLS:
            data[name] = pd.Series(col.to_pylist(), dtype=object)
        elif name in _BOOL_COLS:
            data[name] = pd.Series(col.to_numpy(zero_copy_only=False), dtype=bool)
        else:
            data[name] = pd.Series(col.to_numpy(zero_copy_only=False), dtype="float64")
    if table.num_rows == 0:
        return schema.empty_frame()
    return pd.DataFrame(data)


def _load_one(path: Path) -> tuple[pd.DataFrame, str, list[str]]:
    """Load and validate one raw file: ``(table, format, load report lines)``; every failure
    becomes a LoadError naming it. The loaders' drop notices go into the report lines, not
    out as warnings; any other warning passes on."""
    from tradecheck.loaders import base, load, load_report
    from tradecheck.loaders.report import ReportedWarning

    shown = base.display_path(path)
    try:
        ld = base.detect(path)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            df = load(path, format=ld.name)
    except LoadError:
        raise
    except TradecheckError as exc:
        raise LoadError(shown, str(exc)) from exc
    except Exception as exc:  # anything in data/ must end as one line, never a traceback
        if os.environ.get("TRADECHECK_DEBUG"):
            raise
        raise LoadError(
            shown, f"could not be read into the canonical table ({type(exc).__name__}: {exc})"
        ) from exc
    for w in caught:
        if not isinstance(w.message, ReportedWarning):
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    return df, ld.name, load_report(df).lines()


def _counts(df: pd.DataFrame, col: str) -> dict[str, int]:
    if df.empty:
        return {}
    vc = df[col].astype(str).value_counts()
    return {str(k): int(vc[k]) for k in sorted(vc.index)}


#: Columns that identify one observation of one source; the same key in two different files
#: usually means two downloads (vintages) of the same data that would be counted twice.
OVERLAP_KEY = (
    "source",
    "reporter",
    "partner",
    "flow",
    "period_start",
    "period_end",
    "commodity",
    "scope",
    "currency",
)


def overlaps(df: pd.DataFrame, *, examples: int = 5) -> dict[str, Any]:
    """Observations present in more than one raw file of the same source.

    Returns
    -------
    dict
        ``observations`` (how many keys of :data:`OVERLAP_KEY` occur in several files),
        ``files`` (the files involved) and a few ``examples``.
    """
    if df.empty:
        return {"observations": 0, "files": [], "examples": []}
    n_files = df.groupby(list(OVERLAP_KEY), sort=True, dropna=False)["source_file"].nunique()
    dup = n_files[n_files > 1]
    if dup.empty:
        return {"observations": 0, "files": [], "examples": []}
    keys = set(dup.index)
    idx = pd.MultiIndex.from_frame(df[list(OVERLAP_KEY)])
    files = sorted(df.loc[idx.isin(keys), "source_file"].astype(str).unique().tolist())
    return {
        "observations": len(dup),
        "files": files,
        "examples": ["/".join(map(str, k)) for k in list(dup.index)[:examples]],
    }


def _tmp_in(folder: Path, name: str) -> Path:
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
    os.close(fd)
    os.chmod(tmp, mf.file_mode())
    return Path(tmp)


def run_build(
    raw: str | os.PathLike[str] | None = None,
    out: str | os.PathLike[str] | None = None,
    *,
    force: bool = False,
    progress: bool = True,
) -> BuildResult:
    """Build the processed table and report what happened (see :func:`build`).

    Steps: list the inputs and compare them with the old manifest (:func:`_skip_result`),
    load every file (:func:`_load_all`), validate and sort, describe the output
    (:func:`_manifest_doc`), then publish Parquet and manifest (:func:`_publish`).

    Returns
    -------
    BuildResult
        Output paths, whether the build was skipped, rows, files and seconds.
    """
    t0 = time.perf_counter()
    from tradecheck.loaders import iter_files

    raw = Path(raw) if raw is not None else paths.raw_dir()
    out = Path(out) if out is not None else paths.processed_dir()
    if not raw.is_dir():
        raise LoadError(raw, "raw data folder not found")
    files = iter_files([raw])
    if not files:
        raise LoadError(raw, "no data files below this folder")
    entries = [mf.input_entry(f, raw) for f in files]
    code_sha = mf.code_fingerprint(extra=[Path(__file__)])
    old, problem = mf.load_manifest(out / MANIFEST_NAME)
    notes = (f"{problem}; rebuilding",) if problem else ()
    if not force and mf.is_current(old, entries, code_sha, out / PARQUET_NAME):
        assert old is not None
        return _skip_result(out, old, len(entries), time.perf_counter() - t0)

    table, load_notes = _load_all(files, entries, progress)
    schema.validate(table)
    table = sort_canonical(table)
    arrow = to_arrow(table)
    manifest = _manifest_doc(raw, code_sha, entries, table, arrow)
    manifest["load_report"] = load_notes
    _publish(out, arrow, manifest)
    return BuildResult(
        out / PARQUET_NAME,
        out / MANIFEST_NAME,
        False,
        int(arrow.num_rows),
        len(entries),
        time.perf_counter() - t0,
        int(manifest["overlaps"]["observations"]),
        notes,
        tuple(load_notes),
    )


def _skip_result(out: Path, old: dict[str, Any], files: int, seconds: float) -> BuildResult:
    """The result of a build skipped because ``old`` describes the same inputs and code."""
    rows = int(old["output"]["rows"])
    return BuildResult(
        out / PARQUET_NAME, out / MANIFEST_NAME, True, rows, files, seconds, _overlap_count(old)
    )


def _load_all(
    files: list[Path], entries: list[dict[str, Any]], progress: bool
) -> tuple[pd.DataFrame, list[str]]:
    """Load every raw file (progress bar on stderr); record format, rows and sources of each
    in its manifest entry. Returns the table and the loaders' report lines, file by file."""
    frames: list[pd.DataFrame] = []
    notes: list[str] = []
    bar: Any = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(files), desc="build", unit="file", leave=False)
    try:
        for f, entry in zip(files, entries, strict=True):
            if bar is not None:
                bar.set_postfix_str(one_line(f.name[-40:]))
            df, fmt, lines = _load_one(f)
            notes += lines
            entry["format"] = fmt
            entry["rows"] = len(df)
            entry["sources"] = sorted(df["source"].astype(str).unique().tolist())
            frames.append(df)
            if bar is not None:
                bar.update(1)
    finally:
        if bar is not None:
            bar.close()
    table = pd.concat(frames, ignore_index=True) if frames else schema.empty_frame()
    return table, notes


def _manifest_doc(
    raw: Path,
    code_sha: str,
    entries: list[dict[str, Any]],
    table: pd.DataFrame,
    arrow: pa.Table,
) -> dict[str, Any]:
    """The manifest of this build, without the output's SHA-256 and size (see _publish)."""
    return {
        "manifest_format": mf.MANIFEST_FORMAT,
        "built_at": mf.build_time(),
        "raw_root": _shown(raw),
        "code_sha256": code_sha,
        "environment": mf.environment(),
        "inputs": entries,
        "output": {
            "file": PARQUET_NAME,
            "rows": int(arrow.num_rows),
            "columns": {f.name: str(f.type) for f in ARROW_SCHEMA},
            "sort_order": [c for c in SORT_ORDER if c != "_ref_num"],
        },
        "rows": {
            "total": int(arrow.num_rows),
            "by_file": {e["path"]: e["rows"] for e in entries},
            "by_source": _counts(table, "source"),
            "by_reporter": _counts(table, "reporter"),
        },
        "overlaps": overlaps(table),
    }


def _publish(out: Path, arrow: pa.Table, manifest: dict[str, Any]) -> None:
    """Write the Parquet file, then the manifest naming its SHA-256, each atomically.

    The manifest goes last. A kill between the two replaces leaves a pair that does not
    match: the next build redoes the work and :func:`read_processed` refuses (or rebuilds)
    instead of trusting it.
    """
    out.mkdir(parents=True, exist_ok=True)
    tmp_parquet = _tmp_in(out, PARQUET_NAME)
    try:
        pq.write_table(
            arrow,
            tmp_parquet,
            compression="zstd",
            use_dictionary=True,
            write_statistics=True,
        )
        with open(tmp_parquet, "rb+") as fh:
            os.fsync(fh.fileno())
        manifest["output"]["sha256"] = mf.sha256_file(tmp_parquet)
        manifest["output"]["bytes"] = tmp_parquet.stat().st_size
        text = mf.dumps(manifest).encode("utf-8")
        os.replace(tmp_parquet, out / PARQUET_NAME)
    except BaseException:
        tmp_parquet.unlink(missing_ok=True)
        raise
    mf.atomic_write_bytes(out / MANIFEST_NAME, text)


def _overlap_count(manifest: dict[str, Any]) -> int:
    ov = manifest.get("overlaps")
    n = ov.get("observations", 0) if isinstance(ov, dict) else 0
    return n if isinstance(n, int) else 0


def _shown(p: Path) -> str:
    try:
        return p.resolve().relative_to(paths.ROOT).as_posix()
    except ValueError:
        return p.resolve().as_posix()


def build(
    raw: str | os.PathLike[str] | None = None,
    out: str | os.PathLike[str] | None = None,
    *,
    force: bool = False,
    progress: bool = True,
) -> Path:
    """Load every raw file, validate, and write ``canonical.parquet`` + ``manifest.json``.

    Parameters
    ----------
    raw
        Folder of raw files (default :func:`tradecheck.paths.raw_dir`); never modified.
    out
        Output folder (default :func:`tradecheck.paths.processed_dir`), created if needed.
    force
        Rebuild even when the manifest shows the inputs and loader code unchanged.
    progress
        Show a progress bar over the files (stderr).

    Returns
    -------
    Path
        The Parquet file.

    Raises
    ------
    LoadError
        If the folder has no data files or any file cannot be loaded or fails the schema; the
        message names the file. Nothing in ``out`` is written or changed in that case.
    SchemaError
        If the combined table fails the canonical schema.

    Examples
    --------
    >>> path = build(progress=False)  # doctest: +SKIP
    >>> path.name  # doctest: +SKIP
    'canonical.parquet'
    """
    return run_build(raw, out, force=force, progress=progress).parquet


def unpublished(parquet: Path) -> str | None:
    """Why ``parquet`` may not be read as a build's output, or None when it may.

    Only a file named ``canonical.parquet`` is checked: it must exist and match the
    SHA-256 that ``manifest.json`` beside it names. Any other Parquet file is read as given.

    Examples
    --------
    >>> unpublished(Path("/nonexistent/canonical.parquet"))
    'no processed table here'
    """
    if not parquet.exists():
        return "no processed table here"
    if parquet.name != PARQUET_NAME:
        return None
    manifest, problem = mf.load_manifest(parquet.with_name(MANIFEST_NAME))
    if manifest is None:
        return problem or f"no {MANIFEST_NAME} beside it (an interrupted build?)"
    mismatch = mf.output_mismatch(manifest, parquet)
    return f"{mismatch} (an interrupted build?)" if mismatch else None


def read_processed(
    path: str | os.PathLike[str] | None = None, *, build_if_missing: bool = True
) -> pd.DataFrame:
    """The validated canonical table from ``canonical.parquet``.

    Parameters
    ----------
    path
        The Parquet file or the folder holding it (default ``data/processed``).
    build_if_missing
        When the file does not exist, build it first from ``data/raw`` (default folder) or
        from the ``raw`` folder next to the given processed folder (``<root>/raw`` for
        ``<root>/processed``). It is not rebuilt when it exists: run ``tradecheck build``
        after changing data/raw.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`tradecheck.schema.CANONICAL_COLUMNS` with the dtypes of
        :func:`tradecheck.schema.make_frame` (object strings, float64 value, bool estimate).

    A ``canonical.parquet`` is read only together with the ``manifest.json`` that names its
    SHA-256 (the two are published by one build); a pair that does not match (a build
    killed between its two renames, a hand-copied file) is rebuilt, or refused when
    ``build_if_missing`` is False.

    Raises
    ------
    LoadError
        If the file is missing or does not match its manifest (and may not be built) or is
        not a canonical table.

    Examples
    --------
    >>> df = read_processed()  # doctest: +SKIP
    >>> sorted(df["source"].unique())  # doctest: +SKIP
    ['comtrade', 'imf_dots', 'published']
    """
    p = Path(path) if path is not None else paths.CANONICAL_PARQUET
    if p.is_dir() or (path is not None and p.suffix != ".parquet" and not p.exists()):
        p = p / PARQUET_NAME
    stale = unpublished(p)
    if stale:
        if not build_if_missing:
            raise LoadError(p, f"{stale}; run `tradecheck build`")
        raw = paths.RAW if path is None else p.parent.parent / "raw"
        build(raw, p.parent, force=p.exists(), progress=False)
    try:
        table = pq.read_table(p)
    except (OSError, pa.ArrowException) as exc:
        raise LoadError(p, f"not a readable Parquet file ({exc})") from exc
    missing = [c for c in schema.CANONICAL_COLUMNS if c not in table.column_names]
    if missing:
        raise LoadError(p, f"not a canonical table: missing column(s) {', '.join(missing)}")
    return schema.validate(from_arrow(table))
