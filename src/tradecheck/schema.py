"""The canonical long table that every loader produces and every analysis consumes.

One row is one trade value: what ``reporter`` reported for its trade with ``partner``, in one
``flow``, over the inclusive calendar months ``period_start``..``period_end``, for one
``commodity``, in units of ``currency`` (never thousands or millions).

Columns
-------
Required by the design (exact names):

============== ==============================================================================
reporter       ISO 3166 alpha-3 of the side whose statistics these are. ``XXX`` (a
               user-assigned ISO code) only for published figures whose side is not stated.
partner        ISO 3166 alpha-3 of the counterpart (``XXX`` with ``reporter == "XXX"``;
               ``W00`` for the world).
flow           As the reporter reports it: ``X`` export, ``M`` import, ``RX`` re-export,
               ``RM`` re-import; and two codes for published aggregates: ``T`` total trade
               (exports + imports, "turnover") and ``B`` balance (reporter's exports minus
               imports).
period_start   First month, ``"YYYY-MM"``.
period_end     Last month, inclusive. Monthly: start == end; year-to-date: Jan..m;
               annual: Jan..Dec.
commodity      Classification code as a string (``"TOTAL"`` for all goods; ``"27"``, ``"3104"``
               keep leading zeros); published product figures use their scope label.
value          float, in units of ``currency``.
currency       ISO 4217 (``USD``, ``CNY``, ``BYN``).
valuation      ``FOB``, ``CIF`` or ``unknown``.
source         ``comtrade``, ``imf_imts``, ``imf_dots``, ``gacc``, ``belstat``, ``published``,
               ``generic``.
source_file    Path of the raw file (relative to the project root when inside it).
source_ref     Row/record number in the file, or URL of the publication.
vintage        Release or retrieval date (``YYYY-MM-DD`` where known).
============== ==============================================================================

Added by tradecheck:

============== ==============================================================================
exporter       Country the goods leave (ISO3). For ``T``/``B`` rows: the first country of
               the pair as reported.
importer       Country the goods reach (ISO3). For ``T``/``B`` rows: the second country.
classification ``HS``, ``H0``..``H6``, ``S1``..``S4``, ``TOTAL`` or ``published``.
scope          ``goods``, ``services``, ``goods_and_services``, ``product:<name>``,
               ``region:<name>``.
bound          ``eq`` for statistics; published figures keep their wording: ``approx``,
               ``gt``, ``lt``.
estimate       True where the source flags the figure as an estimate.
note           Free text carried over from the source (may be empty).
============== ==============================================================================

Examples
--------
>>> import pandas as pd
>>> df = make_frame([dict(reporter="CHN", partner="BLR", flow="X", period_start="2021-01",
...     period_end="2021-12", commodity="TOTAL", value=2.7e9, currency="USD", valuation="FOB",
...     source="comtrade", source_file="x.csv", source_ref="row 2", vintage="2024-01-01")])
>>> df.loc[0, ["exporter", "importer"]].tolist()
['CHN', 'BLR']
>>> validate(df).shape[0]
1
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from tradecheck import sources
from tradecheck.errors import SchemaError

REQUIRED_COLUMNS: tuple[str, ...] = (
    "reporter",
    "partner",
    "flow",
    "period_start",
    "period_end",
    "commodity",
    "value",
    "currency",
    "valuation",
    "source",
    "source_file",
    "source_ref",
    "vintage",
)
EXTRA_COLUMNS: tuple[str, ...] = (
    "exporter",
    "importer",
    "classification",
    "scope",
    "bound",
    "estimate",
    "note",
)
CANONICAL_COLUMNS: tuple[str, ...] = REQUIRED_COLUMNS + EXTRA_COLUMNS

FLOWS = ("X", "M", "RX", "RM", "T", "B")
VALUATIONS = ("FOB", "CIF", "unknown")
BOUNDS = ("eq", "approx", "gt", "lt")
SOURCES = sources.ids()  # the registry in tradecheck/data/sources.csv
UNKNOWN_SIDE = "XXX"
WORLD = "W00"

_DEFAULTS: dict[str, Any] = {
    "classification": "TOTAL",
    "scope": "goods",
    "bound": "eq",
    "estimate": False,
    "note": "",
    "valuation": "unknown",
    "currency": "USD",
    "commodity": "TOTAL",
}
_PERIOD = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_ISO3 = re.compile(r"^[A-Z][A-Z0-9]{2}$")
_SCOPE = re.compile(r"^(goods|services|goods_and_services|industrial|(product|region):\S+)$")


def direction_of(reporter: str, partner: str, flow: str) -> tuple[str, str]:
    """Return ``(exporter, importer)`` of the goods a row describes.

    Parameters
    ----------
    reporter, partner
        ISO3 codes.
    flow
        Canonical flow code.

    Returns
    -------
    tuple of str
        For exports (``X``, ``RX``) the goods go reporter -> partner; for imports (``M``,
        ``RM``) partner -> reporter; ``T`` and ``B`` keep the pair in reporter, partner order.

    Examples
    --------
    >>> direction_of("CHN", "BLR", "M")
    ('BLR', 'CHN')
    """
    if flow in ("M", "RM"):
        return partner, reporter
    return reporter, partner


def make_frame(records: Iterable[Mapping[str, Any]] | pd.DataFrame) -> pd.DataFrame:
    """Build a canonical frame from records, filling defaults and derived columns.

    Missing extra columns get their defaults (scope ``goods``, bound ``eq``, ...);
    ``exporter``/``importer`` are derived from reporter, partner and flow where absent.
    The result has exactly :data:`CANONICAL_COLUMNS` in that order. It is not validated:
    call :func:`validate`.
    """
    df = records.copy() if isinstance(records, pd.DataFrame) else pd.DataFrame(list(records))
    if df.empty:
        return empty_frame()
    for col, default in _DEFAULTS.items():
        if col not in df.columns:
            df[col] = default
        else:
            df[col] = df[col].where(df[col].notna(), default)
    for col in REQUIRED_COLUMNS:
        if col not in df.columns:
            df[col] = pd.NA
    if (
        "exporter" not in df.columns
        or "importer" not in df.columns
        or (df[["exporter", "importer"]].isna().any().any())
    ):
        import numpy as np

        is_import = df["flow"].astype(object).isin(["M", "RM"]).to_numpy()
        rep = df["reporter"].astype(object).to_numpy()
        par = df["partner"].astype(object).to_numpy()
        derived = {
            "exporter": pd.Series(np.where(is_import, par, rep), index=df.index, dtype=object),
            "importer": pd.Series(np.where(is_import, rep, par), index=df.index, dtype=object),
        }
        for col in ("exporter", "importer"):
            if col in df.columns:
                df[col] = df[col].astype(object).where(df[col].notna(), derived[col])
            else:
                df[col] = derived[col]
    df = df[list(CANONICAL_COLUMNS)].copy()
    str_cols = [c for c in CANONICAL_COLUMNS if c not in ("value", "estimate")]
    for col in str_cols:
        col_s = df[col]
        missing = col_s.isna().to_numpy()
        conv = col_s.astype(object).astype(str).astype(object)
        if missing.any():
            conv[missing] = None
        df[col] = conv
    df["value"] = pd.to_numeric(df["value"], errors="coerce").astype("float64")
    df["estimate"] = df["estimate"].fillna(False).astype(bool)
    return df.reset_index(drop=True)


def empty_frame() -> pd.DataFrame:
    """An empty canonical frame with the right columns and dtypes."""
    df = pd.DataFrame({c: pd.Series(dtype=object) for c in CANONICAL_COLUMNS})
    df["value"] = df["value"].astype("float64")
    df["estimate"] = df["estimate"].astype(bool)
    return df


def _fail(df: pd.DataFrame, mask: pd.Series, column: str, expected: str) -> None:
    bad = df.loc[mask]
    if bad.empty:
        return
    first = bad.iloc[0]
    where = f"{first.get('source_file')} {first.get('source_ref')}".strip()
    raise SchemaError(
        f"{len(bad)} row(s) fail the canonical schema in column {column!r}: expected {expected}, "
        f"got {first[column]!r} (first at {where})"
    )


def validate(df: pd.DataFrame) -> pd.DataFrame:
    """Check a frame against the canonical schema and return it unchanged.

    The checks are written out (rather than only declared) so that every failure names the
    column, what was expected, the offending value and where it came from
    (``source_file``/``source_ref``). When pandera is installed the same rules are also
    available declaratively as :func:`pandera_schema` for users who want them.

    Raises
    ------
    SchemaError
        On the first failing rule.
    """
    missing = [c for c in CANONICAL_COLUMNS if c not in df.columns]
    if missing:
        raise SchemaError(f"missing canonical column(s): {', '.join(missing)}")
    if df.empty:
        return df
    for col in CANONICAL_COLUMNS:
        if col == "note":
            continue
        _fail(df, df[col].isna(), col, "a value (no missing cells)")
    iso_ok = df["reporter"].astype(str).str.match(_ISO3.pattern)
    _fail(df, ~iso_ok, "reporter", "an ISO 3166 alpha-3 code")
    _fail(df, ~df["partner"].astype(str).str.match(_ISO3.pattern), "partner", "an ISO3 code")
    _fail(df, ~df["flow"].isin(FLOWS), "flow", f"one of {FLOWS}")
    for col in ("period_start", "period_end"):
        _fail(df, ~df[col].astype(str).str.match(_PERIOD.pattern), col, "'YYYY-MM'")
    _fail(df, df["period_start"] > df["period_end"], "period_end", "period_end >= period_start")
    values = pd.to_numeric(df["value"], errors="coerce")
    finite = values.map(lambda v: v is not None and not math.isnan(v) and math.isfinite(v))
    _fail(df, ~finite, "value", "a finite number")
    _fail(df, ~df["currency"].astype(str).str.match(r"^[A-Z]{3}$"), "currency", "ISO 4217")
    _fail(df, ~df["valuation"].isin(VALUATIONS), "valuation", f"one of {VALUATIONS}")
    _fail(df, ~df["source"].isin(SOURCES), "source", f"one of {SOURCES}")
    _fail(df, ~df["bound"].isin(BOUNDS), "bound", f"one of {BOUNDS}")
    _fail(df, ~df["scope"].astype(str).str.match(_SCOPE.pattern), "scope", "a scope label")
    unknown = (df["reporter"] == UNKNOWN_SIDE) & (df["source"] != "published")
    _fail(df, unknown, "reporter", "'XXX' (side not stated) only for published figures")
    neg = (values < 0) & ~df["flow"].isin(["B"])
    _fail(df, neg, "value", "a non-negative value (only balances may be negative)")
    return df


def pandera_schema() -> Any:
    """The canonical schema as a :class:`pandera.DataFrameSchema` (declarative twin of
    :func:`validate`). Requires pandera."""
    try:
        import pandera.pandas as pa  # pandera >= 0.24
    except ImportError:  # pragma: no cover - older pandera
        import pandera as pa  # type: ignore[no-redef]

    s = pa.Column(str)
    return pa.DataFrameSchema(
        {
            "reporter": pa.Column(str, pa.Check.str_matches(_ISO3.pattern)),
            "partner": pa.Column(str, pa.Check.str_matches(_ISO3.pattern)),
            "flow": pa.Column(str, pa.Check.isin(FLOWS)),
            "period_start": pa.Column(str, pa.Check.str_matches(_PERIOD.pattern)),
            "period_end": pa.Column(str, pa.Check.str_matches(_PERIOD.pattern)),
            "commodity": s,
            "value": pa.Column(float, pa.Check(lambda v: v.map(math.isfinite))),
            "currency": pa.Column(str, pa.Check.str_matches(r"^[A-Z]{3}$")),
            "valuation": pa.Column(str, pa.Check.isin(VALUATIONS)),
            "source": pa.Column(str, pa.Check.isin(SOURCES)),
            "source_file": s,
            "source_ref": s,
            "vintage": s,
            "exporter": s,
            "importer": s,
            "classification": s,
            "scope": pa.Column(str, pa.Check.str_matches(_SCOPE.pattern)),
            "bound": pa.Column(str, pa.Check.isin(BOUNDS)),
            "estimate": pa.Column(bool),
            "note": pa.Column(str, nullable=True),
        },
        strict=True,
        checks=[pa.Check(lambda d: d["period_start"] <= d["period_end"])],
    )


def month_range(start: str, end: str) -> list[str]:
    """All months ``start``..``end`` inclusive as ``"YYYY-MM"`` strings.

    Examples
    --------
    >>> month_range("2024-11", "2025-02")
    ['2024-11', '2024-12', '2025-01', '2025-02']
    """
    y0, m0 = int(start[:4]), int(start[5:7])
    y1, m1 = int(end[:4]), int(end[5:7])
    out = []
    y, m = y0, m0
    while (y, m) <= (y1, m1):
        out.append(f"{y:04d}-{m:02d}")
        m += 1
        if m == 13:
            y, m = y + 1, 1
    return out
