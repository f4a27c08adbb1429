"""Loader registry, format detection by content, and shared reading helpers.

Each source module registers one or more :class:`Loader` objects with :func:`register`.
:func:`detect` reads the first bytes of a file and asks every loader's ``sniff`` how sure it
is that the file is its format (0 = not mine, 1 = certainly mine); the most confident wins.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from tradecheck import paths
from tradecheck.errors import LoadError

SniffFn = Callable[[Path, bytes], float]
LoadFn = Callable[..., pd.DataFrame]

HEAD_BYTES = 64 * 1024


class LoadWarning(UserWarning):
    """Something a loader skipped on purpose (e.g. Comtrade breakdown rows or flow codes
    outside X/M/RX/RM). ``tradecheck load`` prints these as ``note:`` lines."""


@dataclass(frozen=True)
class Loader:
    """A registered reader of one source format.

    Attributes
    ----------
    name
        Short format name used by ``tradecheck load --format NAME``.
    source
        The canonical ``source`` value its rows carry.
    sniff
        ``sniff(path, head) -> confidence in [0, 1]``; ``head`` is the first 64 KiB.
    load
        ``load(path, **options) -> canonical DataFrame`` (not yet validated).
    description
        One line for ``tradecheck load --list-formats``.
    """

    name: str
    source: str
    sniff: SniffFn
    load: LoadFn
    description: str = ""
    extensions: tuple[str, ...] = field(default_factory=tuple)


_REGISTRY: dict[str, Loader] = {}


def register(
    name: str,
    *,
    source: str,
    sniff: SniffFn,
    description: str = "",
    extensions: tuple[str, ...] = (),
) -> Callable[[LoadFn], LoadFn]:
    """Decorator: register ``fn`` as the loader of format ``name``."""

    def deco(fn: LoadFn) -> LoadFn:
        _REGISTRY[name] = Loader(name, source, sniff, fn, description, extensions)
        return fn

    return deco


def loaders() -> dict[str, Loader]:
    """All registered loaders by name."""
    return dict(_REGISTRY)


def read_head(path: Path, n: int = HEAD_BYTES) -> bytes:
    """First ``n`` bytes of a file, transparently gunzipped for ``.gz`` files."""
    import zlib

    with open(path, "rb") as fh:
        first = fh.read(n)
    if first[:2] == b"\x1f\x8b":
        # Decompress incrementally so that a truncated .gz still shows its header to the
        # sniffers (the loader then reports the truncation precisely).
        dec = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out = b""
        try:
            with open(path, "rb") as fh:
                while len(out) < n:
                    chunk = fh.read(64 * 1024)
                    if not chunk:
                        break
                    out += dec.decompress(chunk, n - len(out))
                    while dec.unconsumed_tail and len(out) < n:
                        out += dec.decompress(dec.unconsumed_tail, n - len(out))
        except zlib.error:
            pass
        return out[:n]
    return first


def detect(path: str | os.PathLike[str]) -> Loader:
    """Pick the loader for ``path`` by content.

    Raises
    ------
    LoadError
        If the file is missing, empty, or no loader recognises it (the message lists the
        formats tried).
    """
    p = Path(path)
    if not p.exists():
        raise LoadError(p, "no such file")
    if p.is_dir():
        raise LoadError(p, "is a directory; pass the files inside it")
    if p.stat().st_size == 0:
        raise LoadError(p, "the file is empty: expected a header line and data", row=1)
    head = read_head(p)
    if not head.strip():
        raise LoadError(
            p, "the file is empty (only blanks): expected a header line and data", row=1
        )
    scored: list[tuple[float, str]] = []
    for name, ld in _REGISTRY.items():
        try:
            score = float(ld.sniff(p, head))
        except Exception:  # noqa: BLE001  (a sniffer must never break detection)
            score = 0.0
        if score > 0:
            scored.append((score, name))
    if not scored:
        formats = ", ".join(sorted(_REGISTRY))
        binary = head[:2] in (b"PK", b"\xd0\xcf", b"\x1f\x8b")
        if b"\x00" in head and not binary:
            nul = head.index(b"\x00")
            raise LoadError(
                p,
                "not text in a supported encoding (NUL bytes: UTF-16 or a binary file?); "
                "expected UTF-8 or cp1252 text (re-save it as UTF-8)",
                row=head[:nul].count(b"\n") + 1,
            )
        first = head.split(b"\n", 1)[0].strip(b"\r")[:120].decode("utf-8", "replace")
        raise LoadError(
            p,
            f"unknown format: no loader recognised the header {first!r} "
            f"(tried: {formats}). Use --format NAME, or the generic tidy CSV mapping.",
            row=1,
        )
    scored.sort(reverse=True)
    return _REGISTRY[scored[0][1]]


def display_path(path: str | os.PathLike[str]) -> str:
    """Path as stored in ``source_file``: relative to the project root when inside it."""
    p = Path(path).resolve()
    try:
        return p.relative_to(paths.ROOT).as_posix()
    except ValueError:
        return p.as_posix()


ENCODINGS_DEFAULT = ("utf-8-sig", "cp1252", "latin-1")


def decode_text(
    path: Path, data: bytes, encodings: tuple[str, ...] = ENCODINGS_DEFAULT
) -> tuple[str, str]:
    """Decode bytes with the first encoding that works; return ``(text, encoding)``.

    A decoding that yields NUL characters is rejected too: that is what UTF-16 text (or a
    binary file) looks like through an 8-bit code page, and it is never a valid table.

    Raises
    ------
    LoadError
        If none of ``encodings`` decodes the bytes.

    Examples
    --------
    >>> decode_text(Path("x.csv"), "Côte".encode("cp1252"))
    ('Côte', 'cp1252')
    """
    first_bad: int | None = None
    for enc in encodings:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError as exc:
            first_bad = exc.start if first_bad is None else min(first_bad, exc.start)
            continue
        if "\x00" in text:
            continue
        return text, enc
    if b"\x00" in data:
        pos = data.index(b"\x00")
        hint = " (it contains NUL bytes: UTF-16 or a binary file?)"
    else:
        pos, hint = first_bad or 0, ""
    raise LoadError(
        path,
        f"cannot decode the file as text{hint}; expected one of {', '.join(encodings)}",
        row=data[:pos].count(b"\n") + 1,
    )


def file_vintage(path: Path, default: str | None = None) -> str:
    """Vintage of a raw file: the ``retrieved_at`` of its sidecar if any, else ``default``,
    else the file's modification date (``YYYY-MM-DD``)."""
    import datetime as dt
    import json

    side = sidecar_path(path)
    if side.exists():
        try:
            meta = json.loads(side.read_text(encoding="utf-8"))
            v = meta.get("vintage") or meta.get("retrieved_at")
            if v:
                return str(v)[:10]
        except (OSError, ValueError):
            pass
    if default:
        return default
    ts = dt.datetime.fromtimestamp(path.stat().st_mtime, tz=dt.UTC)
    return ts.strftime("%Y-%m-%d")


def sidecar_path(path: Path) -> Path:
    """The provenance sidecar of a raw file: ``<name>.meta.json`` beside it."""
    return path.with_name(path.name + ".meta.json")


def to_float(path: Path, raw: Any, *, row: int | None, column: str) -> float:
    """Parse a number that may carry thousands separators (``"1,234"``, ``"1 234"``,
    non-breaking spaces) or a decimal comma; raise a :class:`LoadError` naming the cell."""
    if raw is None:
        raise LoadError(path, "empty cell where a number was expected", row=row, column=column)
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return float(raw)
    s = str(raw).strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if s in ("", "-", "—", "…", "..."):
        raise LoadError(path, f"no number in {raw!r}", row=row, column=column)
    if "," in s and "." in s:
        s = s.replace(",", "")
    elif "," in s:
        parts = s.split(",")
        if len(parts) > 2 or (len(parts) == 2 and len(parts[1]) == 3):
            s = s.replace(",", "")
        else:
            s = s.replace(",", ".")
    try:
        return float(s)
    except ValueError:
        raise LoadError(path, f"expected a number, got {raw!r}", row=row, column=column) from None


def open_workbook(path: Path) -> Any:
    """Open an ``.xlsx`` file read-only with cached values (openpyxl), or raise a
    :class:`LoadError` naming the file; the caller closes the workbook.

    openpyxl is the reader (already a dependency; it reads cached formula values and streams
    large sheets in read-only mode).
    """
    import openpyxl

    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for broken files
        raise LoadError(
            path, f"cannot open as an .xlsx workbook ({type(exc).__name__}: {exc})"
        ) from None


def sheet_grid(ws: Any) -> list[list[Any]]:
    """All cell values of an openpyxl worksheet as a list of row lists."""
    return [list(r) for r in ws.iter_rows(values_only=True)]


def read_xlsx_sheet(path: Path, sheet: str | None = None) -> tuple[list[list[Any]], str]:
    """Read one worksheet of an ``.xlsx`` file as a grid of cell values.

    Parameters
    ----------
    path
        The workbook.
    sheet
        Sheet name; ``None`` reads the first sheet.

    Returns
    -------
    tuple
        ``(grid, title)``: the rows as lists of values (``None`` for empty cells) and the
        sheet's title.

    Raises
    ------
    LoadError
        The file cannot be opened as a workbook.
    KeyError
        No sheet called ``sheet``.

    Examples
    --------
    >>> grid, title = read_xlsx_sheet(Path("bulletin.xlsx"))  # doctest: +SKIP
    """
    wb = open_workbook(path)
    try:
        ws = wb[sheet] if sheet is not None else wb.worksheets[0]
        return sheet_grid(ws), ws.title
    finally:
        wb.close()
