"""The build manifest (data/processed/manifest.json) and atomic file writes.

The manifest records what a build read and wrote, so that a build can be skipped when nothing
changed and a result can be traced back to its inputs:

- ``inputs``: every raw data file (path relative to the raw folder, SHA-256, size, the loader
  that read it, its rows, and the vintage and SHA-256 of its ``.meta.json`` sidecar);
- ``code_sha256``: a fingerprint of the code that turns raw files into rows (loaders, schema,
  country tables), so that changed loader code also triggers a rebuild;
- ``output``: the Parquet file's SHA-256, size, rows and column types;
- ``rows``: row counts per file, per source and per reporter;
- ``environment``: tradecheck, Python, pandas, pyarrow and numpy versions.

Examples
--------
>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> p = atomic_write_bytes(d / "x.txt", b"hello")
>>> sha256_file(p)[:12]
'2cf24dba5fb0'
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import platform
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

MANIFEST_FORMAT = 1
_CHUNK = 1 << 20


def sha256_file(path: str | os.PathLike[str]) -> str:
    """SHA-256 of a file's bytes (hex), read in 1 MiB chunks."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(_CHUNK), b""):
            h.update(block)
    return h.hexdigest()


def file_mode() -> int:
    """Permission bits for new files: 0o666 minus the process umask (mkstemp would give 0o600)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically (temp file in the same folder, fsync, os.replace)."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, file_mode())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return path


def dumps(obj: Any) -> str:
    """The manifest's JSON text (UTF-8, 2-space indent, trailing newline)."""
    return json.dumps(obj, indent=2, ensure_ascii=False) + "\n"


def read_manifest(path: str | os.PathLike[str]) -> dict[str, Any] | None:
    """The manifest at ``path``, or None when missing or unreadable."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _sidecar(path: Path) -> Path:
    return path.with_name(path.name + ".meta.json")


def input_entry(path: Path, raw_root: Path) -> dict[str, Any]:
    """Manifest entry of one raw file (before loading: no format or rows yet).

    The vintage comes from the sidecar (``vintage``, else the date of ``retrieved_at``); it
    is None when there is no sidecar (the file's modification time is not used because it
    would make the manifest depend on how the files were copied).
    """
    try:
        rel = path.resolve().relative_to(raw_root.resolve()).as_posix()
    except ValueError:
        rel = path.as_posix()
    side = _sidecar(path)
    vintage = None
    side_sha = None
    if side.exists():
        side_sha = sha256_file(side)
        try:
            meta = json.loads(side.read_text(encoding="utf-8"))
            v = meta.get("vintage") or meta.get("retrieved_at")
            vintage = str(v)[:10] if v else None
        except (OSError, ValueError, AttributeError):
            vintage = None
    return {
        "path": rel,
        "sha256": sha256_file(path),
        "bytes": path.stat().st_size,
        "vintage": vintage,
        "sidecar": side.name if side.exists() else None,
        "sidecar_sha256": side_sha,
    }


def _package_root() -> Path:
    return Path(__file__).resolve().parents[1]


def code_fingerprint(extra: Iterable[Path] = ()) -> str:
    """SHA-256 over the source of the code that turns raw files into canonical rows.

    Covers ``tradecheck/loaders/``, ``schema.py``, ``countries`` (module or package) and the
    package's data tables (``tradecheck/data/``), plus ``extra`` files.
    """
    root = _package_root()
    files: list[Path] = []
    for sub in ("loaders", "countries", "data"):
        d = root / sub
        if d.is_dir():
            files += [f for f in d.rglob("*") if f.is_file() and "__pycache__" not in f.parts]
    for name in ("schema.py", "countries.py"):
        if (root / name).is_file():
            files.append(root / name)
    files += list(extra)
    h = hashlib.sha256()
    for f in sorted(set(files)):
        h.update(f.relative_to(root).as_posix().encode() if f.is_relative_to(root) else b"")
        h.update(b"\0")
        h.update(f.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


def environment() -> dict[str, str]:
    """Versions of tradecheck, Python and the libraries that shape the output."""
    import numpy
    import pandas
    import pyarrow

    from tradecheck import __version__

    return {
        "tradecheck": __version__,
        "python": platform.python_version(),
        "pandas": pandas.__version__,
        "pyarrow": pyarrow.__version__,
        "numpy": numpy.__version__,
    }


def build_time() -> str:
    """Build timestamp (UTC, ISO 8601): ``SOURCE_DATE_EPOCH`` when set (reproducible
    builds), else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        t = dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    else:
        t = dt.datetime.now(dt.UTC).replace(microsecond=0)
    return t.isoformat().replace("+00:00", "Z")


def _input_key(entries: Iterable[Mapping[str, Any]]) -> list[tuple[Any, ...]]:
    return sorted((e["path"], e["sha256"], e["bytes"], e.get("sidecar_sha256")) for e in entries)


def is_current(
    manifest: Mapping[str, Any] | None,
    entries: Iterable[Mapping[str, Any]],
    code_sha256: str,
    parquet: Path,
) -> bool:
    """True when ``manifest`` describes a build of exactly these inputs with this code and the
    Parquet file on disk is the one it wrote."""
    if not manifest or manifest.get("manifest_format") != MANIFEST_FORMAT:
        return False
    if manifest.get("code_sha256") != code_sha256:
        return False
    if _input_key(manifest.get("inputs", [])) != _input_key(entries):
        return False
    out = manifest.get("output", {})
    if not parquet.is_file() or parquet.stat().st_size != out.get("bytes"):
        return False
    return sha256_file(parquet) == out.get("sha256")
