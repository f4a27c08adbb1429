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
    """The manifest at ``path``, or None when missing or unreadable (see :func:`load_manifest`
    for the reason)."""
    return load_manifest(path)[0]


def load_manifest(path: str | os.PathLike[str]) -> tuple[dict[str, Any] | None, str | None]:
    """The manifest at ``path`` and, when it cannot be used, why (one line).

    Returns
    -------
    tuple
        ``(manifest, None)``; ``(None, None)`` when there is no file; ``(None, reason)`` when
        the file is unreadable, not JSON, too deeply nested, or not a manifest of this format.
    """
    p = Path(path)
    if not p.exists():
        return None, None
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError) as exc:
        return None, f"{p.name} is unreadable or not JSON ({type(exc).__name__})"
    problem = _shape_problem(data)
    if problem:
        return None, f"{p.name} is not a tradecheck manifest ({problem})"
    return data, None


def _shape_problem(data: Any) -> str | None:
    """What is wrong with the parsed manifest's shape, or None (types of the keys used)."""
    if not isinstance(data, dict):
        return "not a JSON object"
    if data.get("manifest_format") != MANIFEST_FORMAT:
        return f"manifest_format {data.get('manifest_format')!r}, expected {MANIFEST_FORMAT}"
    out, inputs = data.get("output"), data.get("inputs")
    if not isinstance(out, dict) or not isinstance(out.get("sha256"), str):
        return "no output sha256"
    if not isinstance(out.get("rows"), int) or not isinstance(out.get("bytes"), int):
        return "no output rows and bytes"
    types = {"path": str, "sha256": str, "bytes": int}
    if not isinstance(inputs, list) or not all(
        isinstance(e, dict) and all(isinstance(e.get(k), t) for k, t in types.items())
        for e in inputs
    ):
        return "no list of inputs with path, sha256 and bytes"
    return None


def output_mismatch(manifest: Mapping[str, Any], parquet: Path) -> str | None:
    """Why ``parquet`` is not the file ``manifest`` names (size, then SHA-256), or None."""
    out = manifest["output"]
    if not parquet.is_file():
        return f"{parquet.name} is missing"
    if parquet.stat().st_size != out["bytes"] or sha256_file(parquet) != out["sha256"]:
        return f"{parquet.name} is not the file its manifest names (sha256 differs)"
    return None


def _sidecar(path: Path) -> Path:
    return path.with_name(path.name + ".meta.json")


def input_entry(path: Path, raw_root: Path) -> dict[str, Any]:
    """Manifest entry of one raw file (before loading: no format or rows yet).

    The vintage comes from the sidecar (``vintage``, else the date of ``retrieved_at``); it
    is None when there is no sidecar (the file's modification time is not used because it
    would make the manifest depend on how the files were copied).

    Raises
    ------
    LoadError
        The sidecar is not a readable JSON object (one line naming it).
    """
    from tradecheck.errors import LoadError
    from tradecheck.loaders.base import read_json_file

    try:
        rel = path.resolve().relative_to(raw_root.resolve()).as_posix()
    except ValueError:
        rel = path.as_posix()
    side = _sidecar(path)
    vintage = None
    side_sha = None
    if side.exists():
        side_sha = sha256_file(side)
        meta = read_json_file(side, "a provenance sidecar (a JSON object)")
        if not isinstance(meta, dict):
            raise LoadError(side, "expected a provenance sidecar (a JSON object)")
        v = meta.get("vintage") or meta.get("retrieved_at")
        vintage = str(v)[:10] if v else None
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
    keys = ("path", "sha256", "bytes", "sidecar_sha256")
    return sorted(tuple(str(e.get(k)) for k in keys) for e in entries)


def is_current(
    manifest: Mapping[str, Any] | None,
    entries: Iterable[Mapping[str, Any]],
    code_sha256: str,
    parquet: Path,
) -> bool:
    """True when ``manifest`` (as :func:`load_manifest` returns it) describes a build of
    exactly these inputs with this code and the Parquet file on disk is the one it wrote."""
    if not manifest or _shape_problem(manifest):
        return False
    if manifest.get("code_sha256") != code_sha256:
        return False
    if _input_key(manifest["inputs"]) != _input_key(entries):
        return False
    return output_mismatch(manifest, parquet) is None
