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


@register(
    "published",
    source="published",
    sniff=_sniff,
    description="Published figures table (id, reporter_side, ..., value_usd, bound, source_url)",
    extensions=(".csv",),
)
def load_published(  # noqa: C901  one branch per layout quirk; to be split into steps
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
    a, b = pair
    file_vint = file_vintage(path)
    shown = display_path(path)
    records: list[dict[str, Any]] = []
    for lineno, cells in enumerate(reader, start=2):
        if not any(x.strip() for x in cells):
            continue
        if len(cells) != len(header):
            raise LoadError(
                path,
                f"expected {len(header)} fields, got {len(cells)} (truncated or unquoted comma?)",
                row=lineno,
            )
        r = {h: v.strip() for h, v in zip(header, cells, strict=True)}

        def bad(column: str, expected: str, r: dict[str, str] = r, n: int = lineno) -> LoadError:
            return LoadError(path, f"expected {expected}, got {r[column]!r}", row=n, column=column)

        side = r["reporter_side"]
        if side not in SIDES:
            raise bad("reporter_side", "BLR, CHN or unknown")
        for col in ("period_start", "period_end"):
            if not _PERIOD.match(r[col]):
                raise bad(col, "a month YYYY-MM")
        if r["period_start"] > r["period_end"]:
            raise bad("period_end", "period_end >= period_start")
        if r["bound"] not in schema.BOUNDS:
            raise bad("bound", f"one of {', '.join(schema.BOUNDS)}")
        if r["published"] and not _DATE.match(r["published"]):
            raise bad("published", "a date YYYY-MM-DD or an empty cell")
        if not re.match(schema._SCOPE.pattern, r["scope"]):
            raise bad(
                "scope", "goods, services, goods_and_services, product:<name> or region:<name>"
            )
        value = to_float(path, r["value_usd"], row=lineno, column="value_usd")
        direction = r["direction"]
        if side == "unknown":
            reporter = partner = schema.UNKNOWN_SIDE
        else:
            if side not in pair:
                raise bad("reporter_side", f"one of the pair {a}, {b}")
            reporter, partner = side, (b if side == a else a)
        if direction == "both":
            flow, exporter, importer = "T", a, b
        elif direction == f"balance_{a}":
            flow, exporter, importer = "B", a, b
        else:
            m = _DIRECTION.match(direction)
            if not m or set(m.groups()) != {a, b}:
                raise bad("direction", f"both, {a}->{b}, {b}->{a} or balance_{a}")
            exporter, importer = m.groups()
            if side == "unknown":
                flow = "X"
            else:
                flow = "X" if reporter == exporter else "M"
        if value < 0 and flow != "B":
            raise bad("value_usd", "a non-negative value (only balances may be negative)")
        note = "; ".join(
            x
            for x in (
                r["notes"],
                f"quality={r['quality']}" if r["quality"] else "",
                f"side_inferred={r['side_inferred']}" if r["side_inferred"] else "",
            )
            if x
        )
        records.append(
            {
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
                "source_file": shown,
                "source_ref": f"{r['id']} {r['source_url']}".strip(),
                "vintage": r["published"] or file_vint,
                "exporter": exporter,
                "importer": importer,
                "classification": "published",
                "scope": r["scope"],
                "bound": r["bound"],
                "estimate": False,
                "note": note,
            }
        )
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
