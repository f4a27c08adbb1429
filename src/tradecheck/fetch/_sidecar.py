"""Saving downloaded responses under data/raw with a provenance sidecar.

Rules shared by every fetcher:

- the body is saved **unchanged** (the bytes the server sent are the source of record);
- the file name ends in the first 12 hex digits of the body's SHA-256, so a different answer
  to the same query (a revision) gets a new name, and the same answer the same name;
- an existing file is **never overwritten**: files are created exclusively (hard link from a
  temporary file in the same folder, or ``open(..., "xb")``); when the very same bytes are
  already saved, that file is returned and nothing is written;
- the sidecar ``<file>.meta.json`` holds the URL and parameters (never a key), the retrieval
  time in UTC, the SHA-256, the size, the HTTP status, the record count and the periods with
  no data; :func:`tradecheck.loaders.base.file_vintage` reads its ``vintage``.

Examples
--------
>>> redact("token=abc123 and abc123", ["abc123"])
'token=*** and ***'
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import tempfile
import warnings
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from tradecheck.errors import FetchError

HASH_CHARS = 12


def redact(text: str, secrets: Iterable[str | None]) -> str:
    """Replace every occurrence of each non-empty secret in ``text`` by ``***``."""
    for s in secrets:
        if s:
            text = text.replace(s, "***")
    return text


def utc_now() -> dt.datetime:
    """The current time in UTC, to the second."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def safe_token(value: str) -> str:
    """A file-name-safe form of a query value (letters, digits, ``+``, ``-`` and ``.``)."""
    return re.sub(r"[^A-Za-z0-9+.\-]", "-", value)


def _exclusive_write(path: Path, data: bytes) -> bool:
    """Create ``path`` with ``data`` atomically, never replacing an existing file.

    Returns False (and writes nothing) when ``path`` already exists.
    """
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)  # mkstemp creates 0o600; saved data should be readable
        try:
            os.link(tmp, path)  # fails with FileExistsError instead of replacing
        except FileExistsError:
            return False
        except OSError:  # file system without hard links
            try:
                with open(path, "xb") as fh:
                    fh.write(data)
            except FileExistsError:
                return False
        return True
    finally:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass


def save_response(
    out_dir: Path,
    stem: str,
    suffix: str,
    body: bytes,
    meta: Mapping[str, Any],
    *,
    secrets: Iterable[str | None] = (),
) -> tuple[Path, bool]:
    """Save ``body`` as ``<out_dir>/<stem>_<sha12><suffix>`` plus its sidecar.

    Parameters
    ----------
    out_dir
        Folder (created if needed).
    stem
        File name before the hash, e.g. ``comtrade_CHN_BLR_A_2023+2024``.
    suffix
        ``.json`` or ``.csv``.
    body
        The response bytes, saved unchanged.
    meta
        Sidecar fields; ``file``, ``sha256`` and ``bytes`` are added here.
    secrets
        Strings that must never reach the disk (subscription keys): if one occurs in the
        sidecar, saving is refused.

    Returns
    -------
    (Path, bool)
        The data file, and whether it was newly written (False: identical bytes were already
        saved under that name, nothing was touched).

    Raises
    ------
    FetchError
        If a different file already has the name (never overwritten), or a secret would be
        written.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    sha = hashlib.sha256(body).hexdigest()
    path = out_dir / f"{stem}_{sha[:HASH_CHARS]}{suffix}"
    side = path.with_name(path.name + ".meta.json")
    full = {"file": path.name, **meta, "sha256": sha, "bytes": len(body)}
    side_text = json.dumps(full, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
    for s in secrets:
        if s and (s in side_text or s in path.name):
            raise FetchError("refusing to save: a subscription key would be written to disk")
    if path.exists():
        if hashlib.sha256(path.read_bytes()).hexdigest() == sha:
            return path, False
        raise FetchError(f"{path} exists with different content; refusing to overwrite it")
    if not _exclusive_write(path, body):
        raise FetchError(f"{path} appeared while saving; refusing to overwrite it")
    if not _exclusive_write(side, side_text.encode("utf-8")):
        raise FetchError(f"sidecar {side} already exists; refusing to overwrite it")
    return path, True


def earlier_downloads(out_dir: Path, stem: str, suffix: str, keep: Path) -> list[Path]:
    """Other saved files of the same query (same ``stem``, another content hash)."""
    pattern = re.compile(f"{re.escape(stem)}_[0-9a-f]{{{HASH_CHARS}}}{re.escape(suffix)}$")
    if not Path(out_dir).is_dir():
        return []
    return sorted(
        p for p in Path(out_dir).iterdir() if pattern.match(p.name) and p.name != keep.name
    )


def warn_on_resave(
    out_dir: Path,
    stem: str,
    suffix: str,
    path: Path,
    new: bool,
    *,
    category: type[Warning],
    stacklevel: int = 3,
) -> None:
    """Warn about what :func:`save_response` found on disk for this query.

    Parameters
    ----------
    out_dir, stem, suffix
        As given to :func:`save_response`.
    path, new
        What :func:`save_response` returned.
    category
        Warning class to emit (the fetchers' ``FetchWarning``).
    stacklevel
        Passed to :func:`warnings.warn`; the default 3 points at the caller of the
        fetch function that calls this helper.

    Notes
    -----
    Two warnings, in this order: the identical answer was already saved (nothing written),
    and -- only when something new was written -- earlier downloads of the same query with
    other contents exist, which the build would count twice.
    """
    if not new:
        warnings.warn(
            f"identical answer already saved as {path.name}; nothing written",
            category,
            stacklevel=stacklevel,
        )
    older = earlier_downloads(out_dir, stem, suffix, path)
    if older and new:
        warnings.warn(
            f"{path.name}: earlier download(s) of the same query exist "
            f"({', '.join(p.name for p in older)}); keep one vintage in data/raw or the build "
            "will count the data twice",
            category,
            stacklevel=stacklevel,
        )
