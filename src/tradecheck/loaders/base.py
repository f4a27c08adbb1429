"""Loader registry, format detection by content, and shared reading helpers.

Each source module registers one or more :class:`Loader` objects with :func:`register`.
:func:`detect` reads the first bytes of a file and asks every loader's ``sniff`` how sure it
is that the file is its format (0 = not mine, 1 = certainly mine); the most confident wins.
"""

from __future__ import annotations

import logging
import math
import os
import re
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from tradecheck import paths
from tradecheck.errors import LoadError

SniffFn = Callable[[Path, bytes], float]
LoadFn = Callable[..., pd.DataFrame]

HEAD_BYTES = 64 * 1024

log = logging.getLogger("tradecheck.loaders")


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
    """Decorator: register ``fn`` as the loader of format ``name``.

    Raises
    ------
    ValueError
        ``source`` is not a row of the source registry (``tradecheck/data/sources.csv``).
    """
    from tradecheck import sources

    if source not in sources.ids():
        raise ValueError(f"loader {name!r}: source {source!r} is not in data/sources.csv")

    def deco(fn: LoadFn) -> LoadFn:
        _REGISTRY[name] = Loader(name, source, sniff, fn, description, extensions)
        return fn

    return deco


def loaders() -> dict[str, Loader]:
    """All registered loaders by name."""
    return dict(_REGISTRY)


def read_head(path: Path, n: int = HEAD_BYTES) -> bytes:
    """First ``n`` bytes of a file, transparently gunzipped for ``.gz`` files."""
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
        If the file is missing, empty, or no loader recognises it (the message describes
        what the file is and lists the formats tried).
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
        raise _unrecognised(p, head)
    scored.sort(reverse=True)
    return _REGISTRY[scored[0][1]]


def _unrecognised(p: Path, head: bytes) -> LoadError:
    """The error for a file no loader recognised: what the file is, and what was tried."""
    binary = head[:2] == b"PK" or head[:4] == b"\xd0\xcf\x11\xe0"
    if b"\x00" in head and not binary:
        return LoadError(
            p,
            "not text in a supported encoding (NUL bytes: UTF-16 or a binary file?); "
            "expected UTF-8 or cp1252 text (re-save it as UTF-8)",
            row=head[: head.index(b"\x00")].count(b"\n") + 1,
        )
    tried = f"(tried: {', '.join(sorted(_REGISTRY))}). Use --format NAME, or the generic "
    tried += "tidy CSV mapping."
    what, row = describe_file(p, head)
    return LoadError(p, f"unknown format: no loader recognised {what} {tried}", row=row)


def describe_file(path: Path, head: bytes) -> tuple[str, int | None]:
    """A short description of a file for messages, and the line it refers to (or None).

    A workbook is described by its sheet names, never by its zip bytes; text by its first
    line.

    Examples
    --------
    >>> describe_file(Path("x.csv"), b"land,jahr\\n1,2\\n")
    ("the header 'land,jahr'", 1)
    """
    if head[:2] == b"PK":
        sheets = workbook_sheets(path)
        if sheets is None:
            return "a zip archive that is not an .xlsx workbook", None
        names = ", ".join(repr(s) for s in sheets[:10]) or "none"
        return f"an .xlsx workbook (sheets: {names})", None
    if head[:4] == b"\xd0\xcf\x11\xe0":
        return "an Excel 97-2003 workbook (.xls) or another OLE2 file", None
    first = head.split(b"\n", 1)[0].strip(b"\r")[:120]
    return f"the header {decode_head(first)!r}", 1


def decode_head(head: bytes) -> str:
    """Decode the first bytes of a file for sniffing: UTF-8 (BOM dropped), else cp1252, else
    latin-1 (which never fails).

    Examples
    --------
    >>> decode_head("Réexport".encode("cp1252"))
    'Réexport'
    """
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return head.decode(enc)
        except UnicodeDecodeError:
            continue
    return head.decode("latin-1")


def sniff_delimiter(sample: str, candidates: str = "\t;,", lines: int = 50) -> str:
    """The field delimiter of delimited text: the candidate seen most often in the first
    ``lines`` lines (ties go to the earlier candidate: tab, then semicolon); comma when none.

    Examples
    --------
    >>> sniff_delimiter("a;b;c\\n1,5;2;3\\n"), sniff_delimiter("a,b\\n"), sniff_delimiter("x")
    (';', ',', ',')
    """
    part = "\n".join(sample.split("\n", lines)[:lines])
    counts = {sep: part.count(sep) for sep in candidates}
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] > 0 else ","


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


def read_json_file(path: Path, what: str) -> Any:
    """Parse a small JSON file (a sidecar, a mapping); every failure is one :class:`LoadError`.

    Parameters
    ----------
    path
        The JSON file.
    what
        What it should be, for the message (e.g. ``"a provenance sidecar"``).

    Raises
    ------
    LoadError
        Unreadable, not UTF-8, not JSON, or nested too deeply to parse.
    """
    import json

    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise LoadError(path, f"not UTF-8 text ({exc.reason}); expected {what} in JSON") from None
    except RecursionError:
        raise LoadError(path, f"JSON nested too deeply to read; expected {what}") from None
    except ValueError as exc:
        raise LoadError(path, f"not valid JSON ({exc}); expected {what}") from None


def file_vintage(path: Path, default: str | None = None) -> str:
    """Vintage of a raw file: the ``vintage`` or ``retrieved_at`` of its sidecar if any, else
    ``default``, else the file's modification date (``YYYY-MM-DD``).

    Raises
    ------
    LoadError
        The sidecar exists but is not a JSON object.
    """
    import datetime as dt

    side = sidecar_path(path)
    if side.exists():
        meta = read_json_file(side, "a provenance sidecar (a JSON object)")
        if not isinstance(meta, dict):
            raise LoadError(side, "expected a provenance sidecar (a JSON object)")
        v = meta.get("vintage") or meta.get("retrieved_at")
        if v:
            return str(v)[:10]
    if default:
        return default
    ts = dt.datetime.fromtimestamp(path.stat().st_mtime, tz=dt.UTC)
    return ts.strftime("%Y-%m-%d")


def sidecar_path(path: Path) -> Path:
    """The provenance sidecar of a raw file: ``<name>.meta.json`` beside it."""
    return path.with_name(path.name + ".meta.json")


def read_delimited(path: Path, text: str, *, sep: str | None = None, skip_rows: int = 0) -> Any:
    """Parse delimited text into a frame of strings (nothing guessed), header first.

    Parameters
    ----------
    path
        The file, for messages.
    text
        The decoded text.
    sep
        The delimiter; default: :func:`sniff_delimiter` on the header and the lines after it.
    skip_rows
        Lines above the header (already validated, e.g. with :func:`int_option`).

    Raises
    ------
    LoadError
        An empty table, or a line with more fields than the header (one line naming it).

    Examples
    --------
    >>> read_delimited(Path("t.csv"), "a;b\\n1;2\\n").to_dict("records")
    [{'a': '1', 'b': '2'}]
    """
    import io

    if sep is None:
        sep = sniff_delimiter(text.split("\n", skip_rows)[-1])
    try:
        return pd.read_csv(
            io.StringIO(text), sep=sep, dtype=str, keep_default_na=False, skiprows=skip_rows
        )
    except pd.errors.EmptyDataError:
        raise LoadError(path, "the file is empty: expected a header line and rows") from None
    except pd.errors.ParserError as exc:
        found = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", str(exc))
        if not found:
            raise LoadError(path, f"malformed table ({exc}); expected a delimited table") from None
        want, line, got = found.groups()
        raise LoadError(
            path,
            f"{got} fields where the header has {want}; expected the same number of "
            f"{_SEP_NAMES.get(sep, repr(sep))}-separated fields on every line",
            row=int(line),
        ) from None


_SEP_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}


# --------------------------------------------------------------------------- numbers


_BLANKS = str.maketrans("", "", "\u00a0\u202f ")
_NO_NUMBER = ("", "-", "—", "…", "...")


def parse_number(
    path: Path,
    raw: Any,
    *,
    row: int | None,
    column: str,
    decimal_comma: bool = False,
    missing: tuple[str, ...] = (),
    nil: tuple[str, ...] = (),
) -> float | None:
    """Parse one cell as a number: the one number parser of every loader.

    Spaces, non-breaking and narrow spaces are thousands separators. With ``decimal_comma``
    a comma is always the decimal mark (``"1 234,5"``); otherwise ``"1,234"`` and
    ``"1,234.5"`` use it as a thousands separator and ``"12,5"`` as a decimal comma.

    Parameters
    ----------
    path, row, column
        Where the cell is, for the error.
    raw
        The cell (numbers pass through).
    decimal_comma
        The source always writes a decimal comma (Russian-language tables).
    missing
        Marks meaning "no data" (``"…"``, ``"x"``): return ``None``. Include ``""`` to accept
        empty cells.
    nil
        Marks meaning zero (``"-"`` in Belstat tables): return ``0.0``.

    Raises
    ------
    LoadError
        An empty cell or a text that is not a number, naming the cell.

    Examples
    --------
    >>> p = Path("t.csv")
    >>> parse_number(p, "1 234,5", row=2, column="v", decimal_comma=True)
    1234.5
    >>> parse_number(p, "1,234", row=2, column="v"), parse_number(p, "x", row=2, column="v",
    ...                                                           missing=("x",))
    (1234.0, None)
    """
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return float(raw)
    s = "" if raw is None else str(raw).strip().translate(_BLANKS)
    if s in missing:
        return None
    if s in nil:
        return 0.0
    if raw is None:
        raise LoadError(path, "empty cell where a number was expected", row=row, column=column)
    if s in _NO_NUMBER:
        raise LoadError(path, f"no number in {raw!r}", row=row, column=column)
    if decimal_comma:
        s = s.replace(",", ".")
    elif "," in s and "." in s:
        s = s.replace(",", "")
    elif "," in s:
        parts = s.split(",")
        thousands = len(parts) > 2 or (len(parts) == 2 and len(parts[1]) == 3)
        s = s.replace(",", "") if thousands else s.replace(",", ".")
    try:
        value = float(s)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or not re.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?", s):
        hint = "like 1 234,5" if decimal_comma else ""
        raise LoadError(
            path,
            f"expected a number{' ' + hint if hint else ''}, got {raw!r}",
            row=row,
            column=column,
        )
    return value


def to_float(path: Path, raw: Any, *, row: int | None, column: str) -> float:
    """:func:`parse_number` for a cell that must hold a number (never ``None``).

    Examples
    --------
    >>> to_float(Path("t.csv"), "1 234", row=2, column="v")
    1234.0
    """
    value = parse_number(path, raw, row=row, column=column)
    assert value is not None  # no missing marks were allowed
    return value


# --------------------------------------------------------------------------- options


def int_option(path: Path, name: str, value: Any, *, lo: int, hi: int) -> int:
    """A loader option that must be a whole number in ``[lo, hi]`` (e.g. ``skip_rows``).

    Accepts an int or a text of digits (from ``--opt``); a float, a bool or a value out of
    range is a one-line :class:`LoadError`, so no option can make a loader allocate memory in
    proportion to its value.

    Examples
    --------
    >>> int_option(Path("m.json"), "skip_rows", "2", lo=0, hi=1000)
    2
    """
    n: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        n = value
    elif isinstance(value, str) and re.fullmatch(r"\s*\d{1,9}\s*", value):
        n = int(value)
    if n is None or not lo <= n <= hi:
        raise LoadError(path, f"option {name}={value!r}: expected a whole number from {lo} to {hi}")
    return n


def float_option(path: Path, name: str, value: Any, *, lo: float, hi: float) -> float:
    """A loader option that must be a finite number in ``(lo, hi]`` (e.g. a unit multiplier).

    Examples
    --------
    >>> float_option(Path("t.csv"), "unit", "1000", lo=0, hi=1e12)
    1000.0
    """
    try:
        x = float(value) if not isinstance(value, bool) else math.nan
    except (TypeError, ValueError):
        x = math.nan
    if not (math.isfinite(x) and lo < x <= hi):
        raise LoadError(
            path, f"option {name}={value!r}: expected a number above {lo:g} up to {hi:g}"
        )
    return x


def month_range_option(path: Path, name: str, value: Any) -> tuple[str, str]:
    """A loader option naming months: ``YYYY-MM..YYYY-MM`` (also ``/`` or ``to`` between, or
    ``YYYYMM``), or one month ``YYYY-MM``; a month outside 1-12 or a range that ends before it
    starts is a :class:`LoadError` naming the option.

    Examples
    --------
    >>> month_range_option(Path("t.csv"), "period", "2024-01..2024-06")
    ('2024-01', '2024-06')
    >>> month_range_option(Path("t.csv"), "period", "202403")
    ('2024-03', '2024-03')
    """
    text = str(value)
    m = re.fullmatch(r"\s*(\d{4})-?(\d{2})\s*(?:\.\.|/|to)\s*(\d{4})-?(\d{2})\s*", text)
    m1 = re.fullmatch(r"\s*(\d{4})-?(\d{2})\s*", text)
    if m:
        a, b = f"{m[1]}-{m[2]}", f"{m[3]}-{m[4]}"
    elif m1:
        a = b = f"{m1[1]}-{m1[2]}"
    else:
        raise LoadError(
            path, f"option {name}={value!r}: expected 'YYYY-MM..YYYY-MM' or one month 'YYYY-MM'"
        )
    if not (1 <= int(a[5:]) <= 12 and 1 <= int(b[5:]) <= 12) or a > b:
        raise LoadError(
            path,
            f"option {name}={value!r}: expected months 01-12, the first not after the last",
        )
    return a, b


#: Texts a yes/no loader option may take (``--opt check_scale=false`` gives a text).
_BOOL_WORDS = {"true": True, "yes": True, "1": True, "false": False, "no": False, "0": False}


def bool_option(path: Path, name: str, value: Any) -> bool:
    """A yes/no loader option (e.g. ``check_scale``): a bool, or true/false, yes/no, 1/0 in
    any case (the CLI passes text, and the text ``"False"`` must not count as true).

    Examples
    --------
    >>> bool_option(Path("t.csv"), "check_scale", "False"), bool_option(Path("t.csv"), "x", True)
    (False, True)
    """
    if isinstance(value, bool):
        return value
    word = _BOOL_WORDS.get(str(value).strip().casefold()) if isinstance(value, (str, int)) else None
    if word is None:
        raise LoadError(path, f"option {name}={value!r}: expected true or false")
    return word


def row_cell(row: Sequence[str], columns: Mapping[str, int], name: str) -> str:
    """The stripped cell of column ``name`` in a CSV record ("" when the file has no such column
    or the record is short).

    Examples
    --------
    >>> row_cell([" CHN ", "5"], {"COUNTRY": 0, "VALUE": 1, "UNIT": 2}, "COUNTRY")
    'CHN'
    >>> row_cell(["CHN"], {"COUNTRY": 0, "VALUE": 1}, "VALUE"), row_cell(["CHN"], {}, "X")
    ('', '')
    """
    i = columns.get(name)
    return row[i].strip() if i is not None and i < len(row) else ""


def finish_frame(rows: list[dict[str, Any]], dropped: Counter[str], path: Path) -> pd.DataFrame:
    """The canonical frame of a loader's ``rows``; counts of rows skipped on purpose go to
    ``df.attrs["dropped"]`` (by reason) and to the load report (:mod:`tradecheck.loaders.report`).

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     finish_frame([], Counter({"group row": 2}), Path("t.csv")).attrs["dropped"]
    {'group row': 2}
    """
    from tradecheck import schema
    from tradecheck.loaders import report  # report imports this module: import at call time

    df = schema.make_frame(rows) if rows else schema.empty_frame()
    df.attrs["dropped"] = dict(dropped)
    report.drop_counts(path, dropped)
    return df


# --------------------------------------------------------------------------- compressed text

#: Compression ratio above which a .gz is taken for a decompression bomb, not trade data
#: (real Comtrade bulk TSV compresses about 10:1).
GZIP_MAX_RATIO = 100
#: Largest decompressed size read into memory at once; bigger files go through `tradecheck
#: ingest`, which streams.
GZIP_MAX_BYTES = 512 * 1024 * 1024


def gunzip_bounded(path: Path, data: bytes) -> bytes:
    """Decompress a gzip file's bytes in steps, never past a bound set by its size.

    The output may reach ``GZIP_MAX_RATIO`` times the compressed size (at least 1 MiB) and
    at most ``GZIP_MAX_BYTES``: a small file of compressed blanks cannot take gigabytes.

    Raises
    ------
    LoadError
        Over the bound (names it), or a truncated or corrupt stream (names the last whole
        line decompressed).
    """
    limit = min(max(len(data) * GZIP_MAX_RATIO, 1 << 20), GZIP_MAX_BYTES)
    out = bytearray()
    rest = data
    while rest:  # one pass per gzip member (concatenated .gz files have several)
        dec = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            out += dec.decompress(rest, limit + 1 - len(out))
        except zlib.error as exc:
            raise _gzip_broken(path, bytes(out), exc) from None
        if len(out) > limit:
            raise LoadError(
                path,
                f"decompresses to more than {limit:,} bytes ({GZIP_MAX_RATIO}x its size, at "
                f"most {GZIP_MAX_BYTES >> 20} MiB): expected trade data, not a decompression "
                "bomb; stream large bulk files with `tradecheck ingest`",
            )
        if not dec.eof:
            raise _gzip_broken(path, bytes(out), "incomplete stream")
        rest = dec.unused_data.lstrip(b"\x00")
    return bytes(out)


def _gzip_broken(path: Path, partial: bytes, exc: object) -> LoadError:
    lines = partial.count(b"\n")
    return LoadError(
        path,
        f"the gzip stream is truncated or corrupt after line {lines} of the decompressed "
        f"text ({exc}); expected a complete .gz file (download it again)",
        row=lines + 1,
    )


# --------------------------------------------------------------------------- workbooks

#: Most cells a worksheet may hold once padded to a grid (rows x their widths, plus one per
#: blank row); a trade table has far fewer. Bounds memory whatever size a sheet declares.
MAX_SHEET_CELLS = 5_000_000


def workbook_sheets(path: Path) -> list[str] | None:
    """Sheet names of an .xlsx file read from ``xl/workbook.xml`` (bounded), or ``None`` when
    the file is not an .xlsx zip."""
    try:
        with zipfile.ZipFile(path) as z, z.open("xl/workbook.xml") as fh:
            text = fh.read(1 << 20).decode("utf-8", "replace")
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, ValueError):
        return None
    import html

    return [
        html.unescape(m) for m in re.findall(r"<(?:\w+:)?sheet\b[^>]*\bname=\"([^\"]*)\"", text)
    ]


def xlsx_text(path: Path, max_bytes: int = 400_000) -> str:
    """Workbook sheet names and shared strings as one text blob (for sniffing); ``""`` if
    the file is not a readable xlsx. Reads at most ``max_bytes`` of each part."""
    try:
        with zipfile.ZipFile(path) as z:
            parts = []
            names = z.namelist()
            # strings may be shared or inline (openpyxl writes inline strings): read both
            sheets = sorted(n for n in names if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n))[:3]
            for name in ("xl/workbook.xml", "xl/sharedStrings.xml", *sheets):
                if name in names:
                    with z.open(name) as fh:
                        parts.append(fh.read(max_bytes).decode("utf-8", "replace"))
            return "\n".join(parts)
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, ValueError):
        return ""


def open_workbook(path: Path) -> Any:
    """Open an ``.xlsx`` file read-only with cached values (openpyxl), or raise a
    :class:`LoadError` naming the file; the caller closes the workbook.

    Read-only mode streams the sheet XML; :func:`sheet_grid` ignores the size a sheet
    declares, so memory follows the cells actually present.
    """
    import openpyxl

    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for broken files
        raise LoadError(
            path, f"cannot open as an .xlsx workbook ({type(exc).__name__}: {exc})"
        ) from None


def sheet_grid(ws: Any, path: Path | str = "(workbook)") -> list[list[Any]]:
    """Cell values of an openpyxl worksheet as row lists, bounded by the cells present.

    The declared dimension (``A1:XFD1048576`` in a hostile file) is ignored; each row ends
    at its last non-empty cell and trailing blank rows are dropped.

    Raises
    ------
    LoadError
        More than :data:`MAX_SHEET_CELLS` cells.
    """
    if hasattr(ws, "reset_dimensions"):
        ws.reset_dimensions()  # read-only sheets: forget the declared size
    grid: list[list[Any]] = []
    cells = 0
    last = 0
    for raw in ws.iter_rows(values_only=True):
        row = list(raw)
        while row and (row[-1] is None or row[-1] == ""):
            row.pop()
        cells += max(len(row), 1)
        if cells > MAX_SHEET_CELLS:
            raise LoadError(
                path,
                f"sheet {ws.title!r} holds more than {MAX_SHEET_CELLS:,} cells by row "
                f"{len(grid) + 1}: expected a table of trade figures (save a big table as CSV)",
            )
        grid.append(row)
        if row:
            last = len(grid)
    del grid[last:]
    return grid


def read_xlsx_sheet(path: Path, sheet: str | int | None = None) -> tuple[list[list[Any]], str]:
    """Read one worksheet of an ``.xlsx`` file as a grid of cell values.

    Parameters
    ----------
    path
        The workbook.
    sheet
        Sheet name or 0-based index; ``None`` reads the first sheet.

    Returns
    -------
    tuple
        ``(grid, title)``: the rows as lists of values (``None`` for empty cells, each row
        ending at its last value) and the sheet's title.

    Raises
    ------
    LoadError
        The file cannot be opened as a workbook, has no such sheet, or is too large.

    Examples
    --------
    >>> grid, title = read_xlsx_sheet(Path("bulletin.xlsx"))  # doctest: +SKIP
    """
    wb = open_workbook(path)
    try:
        names = wb.sheetnames
        if isinstance(sheet, int) and not isinstance(sheet, bool):
            if not 0 <= sheet < len(names):
                raise LoadError(path, f"no sheet number {sheet}; the sheets are {names}")
            ws = wb.worksheets[sheet]
        elif sheet is not None:
            if str(sheet) not in names:
                raise LoadError(path, f"no sheet {str(sheet)!r}; the sheets are {names}")
            ws = wb[str(sheet)]
        elif names:
            ws = wb.worksheets[0]
        else:
            raise LoadError(path, "the workbook has no sheets")
        return sheet_grid(ws, path), ws.title
    finally:
        wb.close()
