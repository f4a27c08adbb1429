"""Officially published trade figures (``data/raw/published/published_figures.csv``).

Each row is one figure as a publication stated it, with its citation. The loader keeps every
row and never alters a value; it only places the figure in the canonical table:

=================  ===============================================================================
reporter/partner   ``reporter_side`` (``BLR``/``CHN``) and the other country of the pair; side
                   ``unknown`` -> ``XXX``/``XXX`` with the pair in exporter/importer.
``both``           flow ``T`` (turnover), exporter/importer = the pair in order (BLR, CHN).
``A->B``           flow ``X`` for reporter A, ``M`` for reporter B; for side ``unknown`` flow ``X``
                   with exporter A and importer B.
``balance_BLR``    flow ``B`` (Belarus's exports minus imports) for the stated side. When the side
                   is CHN the value is still Belarus's balance as published (not negated into
                   China's), and exporter/importer are BLR/CHN so the row says whose balance it is.
=================  ===============================================================================

``source_ref`` is ``"<id> <source_url>"``, ``vintage`` the publication date (or the file's
vintage when the date is empty), ``bound`` and ``scope`` as given, and ``note`` joins the notes,
the quality flag and whether the side was inferred.

The file is small and strictly columnar, so the standard :mod:`csv` module reads it (every cell
stays a string until checked); pandas would add nothing here.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from tradecheck import schema
from tradecheck.countries import DEFAULT_PAIR
from tradecheck.errors import LoadError
from tradecheck.loaders.base import decode_text, display_path, file_vintage, register, to_float

COLUMNS: tuple[str, ...] = (
    "id", "reporter_side", "side_inferred", "scope", "direction", "period_start", "period_end",
    "value_usd", "bound", "published", "source_url", "quality", "notes",
)  # fmt: skip
SIDES = ("BLR", "CHN", "unknown")
_PERIOD = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DIRECTION = re.compile(r"^([A-Z]{3})->([A-Z]{3})$")


def _sniff(path: Path, head: bytes) -> float:
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError:
        return 0.0
    first = text.split("\n", 1)[0].strip("\r")
    names = [h.strip() for h in first.split(",")]
    if names == list(COLUMNS):
        return 0.99
    if {"reporter_side", "direction", "value_usd", "bound"} <= set(names):
        return 0.7
    return 0.0


def _open_table(path: Path) -> tuple[list[str], Iterator[list[str]]]:
    """The stripped header and a reader positioned on the first data line; a missing or empty
    file, or a missing column of :data:`COLUMNS`, is a :class:`LoadError`."""
    if not path.exists():
        raise LoadError(path, "no such file")
    text, _enc = decode_text(path, path.read_bytes(), ("utf-8-sig",))
    if not text.strip():
        raise LoadError(path, "the file is empty: expected the published-figures header and rows")
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [h.strip() for h in next(reader)]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise LoadError(
            path,
            f"missing column(s) {', '.join(missing)}; expected the header {','.join(COLUMNS)}",
            row=1,
            column=missing[0],
        )
    return header, reader


def _lines(
    path: Path, header: list[str], reader: Iterator[list[str]]
) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, stripped cells by column) of each non-blank data line; a line with another
    number of fields than the header is a :class:`LoadError`."""
    for lineno, cells in enumerate(reader, start=2):
        if not any(x.strip() for x in cells):
            continue
        if len(cells) != len(header):
            raise LoadError(
                path,
                f"expected {len(header)} fields, got {len(cells)} (truncated or unquoted comma?)",
                row=lineno,
            )
        yield lineno, {h: v.strip() for h, v in zip(header, cells, strict=True)}


def _bad(path: Path, r: dict[str, str], n: int, column: str, expected: str) -> LoadError:
    """The :class:`LoadError` for cell ``column`` of line ``n``: what was expected, what was got."""
    return LoadError(path, f"expected {expected}, got {r[column]!r}", row=n, column=column)


def _check_cells(path: Path, r: dict[str, str], n: int) -> None:
    """Check the side, the months, the bound, the publication date and the scope of line ``n``."""
    if r["reporter_side"] not in SIDES:
        raise _bad(path, r, n, "reporter_side", "BLR, CHN or unknown")
    for col in ("period_start", "period_end"):
        if not _PERIOD.match(r[col]):
            raise _bad(path, r, n, col, "a month YYYY-MM")
    if r["period_start"] > r["period_end"]:
        raise _bad(path, r, n, "period_end", "period_end >= period_start")
    if r["bound"] not in schema.BOUNDS:
        raise _bad(path, r, n, "bound", f"one of {', '.join(schema.BOUNDS)}")
    if r["published"] and not _DATE.match(r["published"]):
        raise _bad(path, r, n, "published", "a date YYYY-MM-DD or an empty cell")
    if not re.match(schema._SCOPE.pattern, r["scope"]):
        raise _bad(
            path,
            r,
            n,
            "scope",
            "goods, services, goods_and_services, product:<name> or region:<name>",
        )


def _reporter_partner(
    path: Path, r: dict[str, str], n: int, pair: tuple[str, str]
) -> tuple[str, str]:
    """Reporter and partner of line ``n``: the reporting side and the other country of ``pair``
    (:data:`~tradecheck.schema.UNKNOWN_SIDE` for both when the side is unknown)."""
    side = r["reporter_side"]
    if side == "unknown":
        return schema.UNKNOWN_SIDE, schema.UNKNOWN_SIDE
    a, b = pair
    if side not in pair:
        raise _bad(path, r, n, "reporter_side", f"one of the pair {a}, {b}")
    return side, (b if side == a else a)


def _flow_direction(
    path: Path, r: dict[str, str], n: int, pair: tuple[str, str], reporter: str
) -> tuple[str, str, str]:
    """(flow, exporter, importer) of line ``n``: ``T`` for trade both ways, ``B`` for the
    balance of the pair's first country, else ``X``/``M`` as seen from the reporter (``X``
    when the side is unknown)."""
    a, b = pair
    direction = r["direction"]
    if direction == "both":
        return "T", a, b
    if direction == f"balance_{a}":
        return "B", a, b
    m = _DIRECTION.match(direction)
    if not m or set(m.groups()) != {a, b}:
        raise _bad(path, r, n, "direction", f"both, {a}->{b}, {b}->{a} or balance_{a}")
    exporter, importer = m.groups()
    if r["reporter_side"] == "unknown":
        return "X", exporter, importer
    return ("X" if reporter == exporter else "M"), exporter, importer


def _note(r: dict[str, str]) -> str:
    """The row's ``notes`` with its quality flag and ``side_inferred``, joined by ``; ``."""
    parts = (
        r["notes"],
        f"quality={r['quality']}" if r["quality"] else "",
        f"side_inferred={r['side_inferred']}" if r["side_inferred"] else "",
    )
    return "; ".join(x for x in parts if x)


@dataclass(frozen=True)
class _Table:
    """What every line of one published-figures table shares."""

    path: Path
    pair: tuple[str, str]
    shown: str
    vintage: str


def _record(t: _Table, r: dict[str, str], n: int) -> dict[str, Any]:
    """The canonical row of line ``n``, after checking its cells; the publication date is its
    vintage (the file's when empty)."""
    _check_cells(t.path, r, n)
    value = to_float(t.path, r["value_usd"], row=n, column="value_usd")
    reporter, partner = _reporter_partner(t.path, r, n, t.pair)
    flow, exporter, importer = _flow_direction(t.path, r, n, t.pair, reporter)
    if value < 0 and flow != "B":
        raise _bad(
            t.path, r, n, "value_usd", "a non-negative value (only balances may be negative)"
        )
    return {
        "reporter": reporter,
        "partner": partner,
        "flow": flow,
        "period_start": r["period_start"],
        "period_end": r["period_end"],
        "commodity": "TOTAL" if r["scope"] == "goods" else r["scope"],
        "value": value,
        "currency": "USD",
        "valuation": "unknown",
        "source": "published",
        "source_file": t.shown,
        "source_ref": f"{r['id']} {r['source_url']}".strip(),
        "vintage": r["published"] or t.vintage,
        "exporter": exporter,
        "importer": importer,
        "classification": "published",
        "scope": r["scope"],
        "bound": r["bound"],
        "estimate": False,
        "note": _note(r),
    }


@register(
    "published",
    source="published",
    sniff=_sniff,
    description="Published figures table (id, reporter_side, ..., value_usd, bound, source_url)",
    extensions=(".csv",),
)
def load_published(
    path: str | Path, *, pair: tuple[str, str] = DEFAULT_PAIR, **_: Any
) -> pd.DataFrame:
    """Load the published-figures table; one canonical row per input row.

    Parameters
    ----------
    path
        The CSV (columns :data:`COLUMNS`, UTF-8).
    pair
        The two countries the table is about, in exporter/importer order for ``T``/``B`` rows.

    Returns
    -------
    pandas.DataFrame
        Canonical rows with ``source == "published"`` (not yet validated).

    Raises
    ------
    LoadError
        For a missing column, an unknown side/direction/bound/scope, a bad period or date, or a
        value that is not a number, naming the line and column.

    Examples
    --------
    >>> from tradecheck import paths
    >>> df = load_published(paths.RAW / "published" / "published_figures.csv")
    >>> len(df) > 100 and set(df["source"]) == {"published"}
    True
    """
    path = Path(path)
    header, reader = _open_table(path)
    a, b = pair
    t = _Table(path, (a, b), display_path(path), file_vintage(path))
    records = [_record(t, r, n) for n, r in _lines(path, header, reader)]
    if not records:
        return schema.empty_frame()
    return schema.make_frame(records)


_QUALITY = re.compile(r"(?:^|;\s*)quality=([\w-]+)")


def quality_of(note: object) -> str:
    """The quality flag of a published row, from the ``note`` this loader writes
    (``quality=<flag>``); ``ok`` when the row carries none.

    Examples
    --------
    >>> quality_of("likely false; quality=dubious"), quality_of("")
    ('dubious', 'ok')
    """
    m = _QUALITY.search(str(note or ""))
    return m.group(1) if m else "ok"
