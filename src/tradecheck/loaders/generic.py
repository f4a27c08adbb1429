"""Generic tidy tables (CSV or Excel): one row per figure, columns named by a mapping.

Use this for any source without its own loader (a statistics office's download, a table typed
from a bulletin). The file needs one row per value with columns for reporter, partner, flow,
period and value; a **mapping** says which column is which. Without a mapping the canonical
names themselves are looked for (case-insensitive).

Mapping
-------
Pass ``mapping=`` to :func:`load_generic`, or put a JSON sidecar ``<file>.mapping.json`` next
to the file (the sidecar also makes the file auto-detected). Either a flat dict
``{canonical_column: file_column}`` or the full form::

    {
      "columns":   {"reporter": "Country", "partner": "Partner", "flow": "Flow",
                    "period": "Year", "value": "Value"},
      "constants": {"currency": "USD", "valuation": "FOB"},
      "unit":      "thousand",
      "flows":     {"Exports to": "X", "Imports from": "M"},
      "country_scheme": "name",
      "sheet":     "Table 1",
      "skip_rows": 2
    }

* The full form is recognised by any of its keys (``columns``, ``constants``, ``unit``,
  ``scale``, ``flows``, ``country_scheme``, ``sheet``, ``skip_rows``); otherwise the dict is
  read as the flat column mapping.
* ``columns``: canonical name -> column in the file. Canonical names: ``reporter``, ``partner``,
  ``flow``, ``period`` (or ``period_start`` + ``period_end``), ``value``, and optionally
  ``commodity``, ``currency``, ``valuation``, ``unit``, ``scope``, ``bound``,
  ``classification``, ``note``.
* ``constants``: the same names with one value for every row (e.g. ``"flow": "X"``).
* ``unit`` / ``scale``: ``"one"`` (default), ``"thousand"``, ``"million"`` or ``"billion"``;
  values are multiplied so that the table holds whole currency units. A ``unit`` column may
  give it per row. Any other unit is rejected.
* ``flows``: extra labels -> ``X``/``M``/``RX``/``RM``/``T``/``B`` (the codes themselves and the
  English words export(s)/import(s)/re-export(s)/re-import(s)/total/turnover/balance are known).
* ``country_scheme``: passed to :func:`tradecheck.countries.to_iso3` (default: auto, which
  accepts ISO codes and English/Russian/Chinese names).

Periods: ``2021`` (the year), ``2021-03`` / ``202103`` / ``2021M03`` / an Excel date (the month),
``2021Q1`` (the quarter), or ``2021-01..2021-06`` (a range).

Reading: :func:`~tradecheck.loaders.base.read_delimited` (pandas ``read_csv`` with
``dtype=str``, so nothing is guessed; UTF-8 or Windows-1252) and
:func:`~tradecheck.loaders.base.read_xlsx_sheet` (openpyxl read-only, memory bounded by the
cells present), then every cell is checked here so that errors name the line and the column.
Mapping values are checked for type and range (``skip_rows`` at most 1000) before any reading.

Steps: :func:`read_mapping` -> :func:`_normalise_mapping` (checked) -> :func:`_read` ->
:func:`_layout` (columns resolved) -> :func:`_record` per row (:func:`_country`, :func:`_flow`,
:func:`_period`, :func:`_value`, :func:`_optional`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import pandas as pd

from tradecheck import schema
from tradecheck.countries import to_iso3
from tradecheck.errors import LoadError, UnknownCountryError
from tradecheck.loaders.base import (
    decode_head,
    decode_text,
    display_path,
    file_vintage,
    int_option,
    read_delimited,
    read_json_file,
    read_xlsx_sheet,
    register,
    to_float,
)

__all__ = [
    "MAPPING_KEYS",
    "UNITS",
    "load_generic",
    "mapping_path",
    "parse_period",
    "read_mapping",
    "scale_of",
]

#: Accepted units and their multipliers.
UNITS: dict[str, float] = {
    "": 1.0, "1": 1.0, "one": 1.0, "ones": 1.0, "unit": 1.0, "units": 1.0,
    "thousand": 1e3, "thousands": 1e3, "k": 1e3, "000": 1e3, "1000": 1e3, "1e3": 1e3,
    "тыс": 1e3, "千": 1e3,
    "million": 1e6, "millions": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6, "1e6": 1e6,
    "1000000": 1e6, "млн": 1e6, "百万": 1e6,
    "billion": 1e9, "billions": 1e9, "bn": 1e9, "1e9": 1e9, "млрд": 1e9,
}  # fmt: skip
MAPPING_KEYS = (
    "reporter", "partner", "flow", "period", "period_start", "period_end", "value", "commodity",
    "currency", "valuation", "unit", "scope", "bound", "classification", "note",
)  # fmt: skip
_FLOW_WORDS = {
    "x": "X", "m": "M", "rx": "RX", "rm": "RM", "t": "T", "b": "B",
    "export": "X", "exports": "X", "import": "M", "imports": "M",
    "re-export": "RX", "re-exports": "RX", "reexport": "RX", "re-import": "RM",
    "re-imports": "RM", "reimport": "RM", "total": "T", "turnover": "T",
    "total trade": "T", "trade": "T", "balance": "B", "trade balance": "B",
}  # fmt: skip
_EXCEL = (".xlsx", ".xlsm", ".xls")
#: Keys of the full mapping form and the types their values must have.
_SPEC_TYPES: dict[str, tuple[type, ...]] = {
    "columns": (dict,),
    "constants": (dict,),
    "flows": (dict,),
    "unit": (str, int, float),
    "scale": (str, int, float),
    "country_scheme": (str,),
    "sheet": (str, int),
    "skip_rows": (int,),
}
_SPEC_KEYS = set(_SPEC_TYPES)
#: Most lines above the header a mapping may skip (a title block, not a file's worth).
MAX_SKIP_ROWS = 1000


def scale_of(
    unit: object,
    *,
    path: str | Path = "(mapping)",
    row: int | None = None,
    column: str | None = None,
) -> float:
    """Multiplier for a unit label (``"thousand"`` -> 1000).

    Currency words and symbols around the unit are ignored (``"US$ million"`` -> 1e6).

    Raises
    ------
    LoadError
        For a unit that is not in :data:`UNITS`.

    Examples
    --------
    >>> scale_of("thousand"), scale_of("USD million"), scale_of(None)
    (1000.0, 1000000.0, 1.0)
    """
    if unit is None or (isinstance(unit, float) and pd.isna(unit)):
        return 1.0
    if isinstance(unit, (int, float)) and not isinstance(unit, bool):
        key = str(int(unit)) if float(unit).is_integer() else str(unit)
    else:
        key = str(unit).strip().casefold()
        key = re.sub(r"\b(usd|us\$|us|dollars?|долл\w*|сша|美元|cny|rmb|yuan|byn|rub)\b", " ", key)
        key = re.sub(r"[$.()\s]+", " ", key).strip()
        key = key.replace(" ", "")
    if key not in UNITS:
        raise LoadError(
            path,
            f"unknown unit {unit!r}; expected one of one, thousand, million, billion",
            row=row,
            column=column,
        )
    return UNITS[key]


def parse_period(value: object) -> tuple[str, str]:
    """``(period_start, period_end)`` for a period cell.

    Raises
    ------
    ValueError
        If the cell is not one of the accepted forms.

    Examples
    --------
    >>> parse_period("2021"), parse_period("2021M3"), parse_period("2024Q4")
    (('2021-01', '2021-12'), ('2021-03', '2021-03'), ('2024-10', '2024-12'))
    >>> parse_period("2025-01..2025-06")
    ('2025-01', '2025-06')
    """
    if isinstance(value, (dt.date, dt.datetime, pd.Timestamp)):
        m = f"{value.year:04d}-{value.month:02d}"
        return m, m
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    s = str(value).strip()
    if re.fullmatch(r"\d{4}", s):
        return f"{s}-01", f"{s}-12"
    rng = re.fullmatch(r"(\S+?)\s*(?:\.\.|/|–|—| to )\s*(\S+)", s)
    if rng and not re.fullmatch(r"\d{4}/\d{1,2}", s):
        a, _ = parse_period(rng.group(1))
        _, b = parse_period(rng.group(2))
        if a > b:
            raise ValueError(f"period range {s!r} ends before it starts")
        return a, b
    mm = re.fullmatch(r"(\d{4})(?:-|/|M|m|\.)?(\d{1,2})(?:-\d{1,2}(?:[ T].*)?)?", s)
    if mm and 1 <= int(mm.group(2)) <= 12:
        m = f"{mm.group(1)}-{int(mm.group(2)):02d}"
        return m, m
    q = re.fullmatch(r"(\d{4})\s*-?\s*Q([1-4])", s, flags=re.IGNORECASE)
    if q:
        y, k = q.group(1), int(q.group(2))
        return f"{y}-{3 * k - 2:02d}", f"{y}-{3 * k:02d}"
    raise ValueError(
        f"expected a period (2021, 2021-03, 202103, 2021M03, 2021Q1 or "
        f"2021-01..2021-06), got {value!r}"
    )


def mapping_path(path: Path) -> Path:
    """The mapping sidecar of a data file: ``<name>.mapping.json`` beside it."""
    return path.with_name(path.name + ".mapping.json")


def read_mapping(path: str | Path) -> dict[str, Any] | None:
    """The ``<file>.mapping.json`` sidecar of a data file, or None when there is none.

    Raises
    ------
    LoadError
        If the sidecar is not valid JSON (or nested too deeply) or not an object.
    """
    side = mapping_path(Path(path))
    if not side.exists():
        return None
    doc = read_json_file(side, "a column mapping (a JSON object)")
    if not isinstance(doc, dict):
        raise LoadError(side, "expected a JSON object (a column mapping)")
    return doc


def _normalise_mapping(path: Path, mapping: Mapping[str, Any] | None) -> dict[str, Any]:
    """The full mapping form of ``mapping`` (flat or full), with every value checked."""
    spec: dict[str, Any] = {"columns": {}, "constants": {}, "flows": {}}
    if not mapping:
        return spec
    if not isinstance(mapping, Mapping):
        raise LoadError(path, f"mapping: expected a JSON object (a dict), got {mapping!r}")
    if set(mapping) & _SPEC_KEYS:
        spec.update({k: v for k, v in mapping.items() if v is not None})
    else:
        spec["columns"] = dict(mapping)
    _check_spec(path, spec)
    bad = [k for k in list(spec["columns"]) + list(spec["constants"]) if k not in MAPPING_KEYS]
    if bad:
        raise LoadError(
            path,
            f"unknown canonical name(s) in the mapping: {', '.join(bad)}; expected some of "
            f"{', '.join(MAPPING_KEYS)}",
        )
    return spec


def _check_spec(path: Path, spec: dict[str, Any]) -> None:
    """Type and range of every mapping value: a wrong one is a one-line LoadError."""
    for key, types in _SPEC_TYPES.items():
        if key not in spec:
            continue
        v = spec[key]
        if isinstance(v, bool) or not isinstance(v, types):
            names = " or ".join("object" if t is dict else t.__name__ for t in types)
            raise LoadError(path, f"mapping {key!r}: expected {names}, got {v!r}")
    for key in ("columns", "flows"):
        for k, v in spec[key].items():
            if not isinstance(v, str):
                raise LoadError(path, f"mapping {key}.{k}: expected a text, got {v!r}")
    for k, v in spec["constants"].items():
        if isinstance(v, (dict, list)):
            raise LoadError(path, f"mapping constants.{k}: expected a text or number, got {v!r}")
    if "skip_rows" in spec:
        spec["skip_rows"] = int_option(path, "skip_rows", spec["skip_rows"], lo=0, hi=MAX_SKIP_ROWS)
    if isinstance(spec.get("sheet"), int):
        spec["sheet"] = int_option(path, "sheet", spec["sheet"], lo=0, hi=255)


def _sniff(path: Path, head: bytes) -> float:
    if mapping_path(path).exists():
        return 0.9
    if path.suffix.lower() in _EXCEL or head[:2] in (b"PK", b"\xd0\xcf"):
        return 0.0
    first = decode_head(head).split("\n", 1)[0].strip("\r")
    names = {h.strip().strip('"').casefold() for h in re.split(r"[,;\t]", first)}
    core = {"reporter", "partner", "value"}
    if core <= names and ("period" in names or {"period_start", "period_end"} <= names):
        return 0.5
    return 0.0


def _read(path: Path, sheet: Any, skip_rows: int) -> tuple[pd.DataFrame, str]:
    """The table as strings (CSV) or cell values (Excel), and the word for its row refs."""
    if not path.exists():
        raise LoadError(path, "no such file")
    if path.stat().st_size == 0:
        raise LoadError(path, "the file is empty: expected a header line and rows")
    if path.suffix.lower() in _EXCEL:
        grid, title = read_xlsx_sheet(path, sheet)
        return _grid_frame(path, grid, skip_rows), f"sheet {title if sheet is not None else 1} row"
    text, _enc = decode_text(path, path.read_bytes())
    return read_delimited(path, text, skip_rows=skip_rows), "line"


def _grid_frame(path: Path, grid: list[list[Any]], skip_rows: int) -> pd.DataFrame:
    """A sheet's grid as a frame: row ``skip_rows`` is the header, the rows below are data."""
    if len(grid) <= skip_rows:
        raise LoadError(path, "the sheet is empty: expected a header row", row=skip_rows + 1)
    header = grid[skip_rows]
    body = grid[skip_rows + 1 :]
    width = max([len(header), *(len(r) for r in body)])
    names = [
        str(header[j]).strip() if j < len(header) and header[j] is not None else f"Unnamed: {j}"
        for j in range(width)
    ]
    return pd.DataFrame([list(r) + [None] * (width - len(r)) for r in body], columns=names)


@dataclass
class _Layout:
    """How the file's columns map to the canonical ones, and the per-file settings."""

    path: Path
    cols: dict[str, str]
    consts: dict[str, Any]
    scale: float
    flows: dict[str, str]
    scheme: str | None
    countries: dict[tuple[str, Any], str] = field(default_factory=dict)

    @property
    def have(self) -> set[str]:
        return set(self.cols) | set(self.consts)

    def cell(self, rec: Mapping[str, Any], key: str) -> Any:
        if key in self.cols:
            v = rec[self.cols[key]]
            return None if isinstance(v, float) and pd.isna(v) else v
        return self.consts.get(key)

    def error(self, key: str, msg: str, row: int) -> LoadError:
        return LoadError(self.path, msg, row=row, column=self.cols.get(key, key))


def _layout(
    path: Path, df: pd.DataFrame, spec: dict[str, Any], header_row: int, options: dict[str, Any]
) -> _Layout:
    """Resolve the mapping against the file's header; fail on a missing column."""
    cols: dict[str, str] = dict(spec["columns"])
    consts: dict[str, Any] = dict(spec["constants"])
    if options.get("flow") is not None:
        consts["flow"] = options["flow"]
    if not cols:  # no mapping: canonical names, case-insensitive
        lower = {c.casefold(): c for c in df.columns}
        cols = {k: lower[k] for k in MAPPING_KEYS if k in lower}
    absent = {k: v for k, v in cols.items() if v not in df.columns}
    if absent:
        k, v = next(iter(absent.items()))
        raise LoadError(
            path,
            f"unknown header: no column {v!r} (mapped to {k}); columns found: "
            f"{', '.join(df.columns)}",
            row=header_row,
            column=v,
        )
    have = set(cols) | set(consts)
    missing = [k for k in ("reporter", "partner", "flow", "value") if k not in have]
    if "period" not in have and not {"period_start", "period_end"} <= have:
        missing.append("period (or period_start and period_end)")
    if missing:
        raise LoadError(
            path,
            f"unknown header: cannot find {', '.join(missing)}; columns found: "
            f"{', '.join(df.columns)}. Expected canonical column names or a mapping "
            f"(mapping= or {path.name}.mapping.json)",
            row=header_row,
        )
    unit = next(
        (u for u in (options.get("unit"), options.get("scale"), spec.get("unit")) if u is not None),
        spec.get("scale"),
    )
    flows = {str(k).strip().casefold(): v for k, v in spec["flows"].items()}
    return _Layout(
        path, cols, consts, scale_of(unit, path=path, column="unit"), flows,
        spec.get("country_scheme"),
    )  # fmt: skip


def _country(lay: _Layout, rec: Mapping[str, Any], side: str, row: int) -> str:
    raw = lay.cell(rec, side)
    if raw is None or str(raw).strip() == "":
        raise lay.error(side, f"empty {side}: expected a country name or code", row)
    key = (side, raw)
    if key not in lay.countries:
        try:
            lay.countries[key] = to_iso3(str(raw).strip(), scheme=lay.scheme)
        except UnknownCountryError as exc:
            raise lay.error(
                side,
                f"unknown country {raw!r} ({exc}); expected an ISO code or a country name "
                "tradecheck.countries knows",
                row,
            ) from None
    return lay.countries[key]


def _flow(lay: _Layout, rec: Mapping[str, Any], row: int) -> str:
    raw = lay.cell(rec, "flow")
    f = str(raw or "").strip().casefold()
    code = lay.flows.get(f) or _FLOW_WORDS.get(f)
    if code not in schema.FLOWS:
        raise lay.error(
            "flow",
            f"unknown flow {raw!r}: expected X, M, RX, RM, T, B or "
            "export/import/total/balance (or map it under 'flows')",
            row,
        )
    return code


def _period(lay: _Layout, rec: Mapping[str, Any], row: int) -> tuple[str, str]:
    key = "period" if "period" in lay.have else "period_start"
    try:
        if key == "period":
            return parse_period(lay.cell(rec, "period"))
        return (
            parse_period(lay.cell(rec, "period_start"))[0],
            parse_period(lay.cell(rec, "period_end"))[1],
        )
    except ValueError as exc:
        raise lay.error(key, str(exc), row) from None


def _value(lay: _Layout, rec: Mapping[str, Any], flow: str, row: int) -> float:
    raw = lay.cell(rec, "value")
    value = to_float(lay.path, raw, row=row, column=lay.cols.get("value", "value"))
    scale = lay.scale
    if "unit" in lay.cols:
        scale = scale_of(lay.cell(rec, "unit"), path=lay.path, row=row, column=lay.cols["unit"])
    if value < 0 and flow != "B":
        raise lay.error("value", f"expected a non-negative value, got {raw!r}", row)
    return value * scale


_OPTIONAL = (
    ("commodity", "TOTAL"),
    ("currency", "USD"),
    ("valuation", "unknown"),
    ("scope", "goods"),
    ("bound", "eq"),
    ("classification", None),
    ("note", ""),
)


def _optional(lay: _Layout, rec: Mapping[str, Any], row: int) -> dict[str, Any]:
    """Commodity, currency, valuation, scope, bound, classification and note (defaults)."""
    out: dict[str, Any] = {}
    for key, default in _OPTIONAL:
        v = lay.cell(rec, key)
        out[key] = default if v is None or str(v).strip() == "" else str(v).strip()
    if out["classification"] is None:
        out["classification"] = "TOTAL" if out["commodity"] == "TOTAL" else "HS"
    for key, allowed in (("valuation", schema.VALUATIONS), ("bound", schema.BOUNDS)):
        if out[key] not in allowed:
            raise lay.error(key, f"expected one of {', '.join(allowed)}, got {out[key]!r}", row)
    if not re.fullmatch(r"[A-Z]{3}", out["currency"]):
        raise lay.error(
            "currency", f"expected an ISO 4217 code (USD), got {out['currency']!r}", row
        )
    return out


def _record(lay: _Layout, rec: Mapping[str, Any], row: int) -> dict[str, Any]:
    """One canonical row from one row of the file (``row`` as an editor or Excel shows it)."""
    reporter = _country(lay, rec, "reporter", row)
    partner = _country(lay, rec, "partner", row)
    flow = _flow(lay, rec, row)
    start, end = _period(lay, rec, row)
    return {
        "reporter": reporter,
        "partner": partner,
        "flow": flow,
        "period_start": start,
        "period_end": end,
        "value": _value(lay, rec, flow, row),
        **_optional(lay, rec, row),
    }


def _blank(rec: Mapping[str, Any]) -> bool:
    return all(
        v is None or (isinstance(v, float) and pd.isna(v)) or str(v).strip() == ""
        for v in rec.values()
    )


@register(
    "generic",
    source="generic",
    sniff=_sniff,
    description="Tidy CSV/Excel, one figure per row, with a column mapping "
    "(<file>.mapping.json or mapping=)",
    extensions=(".csv", ".xlsx", ".tsv"),
)
def load_generic(
    path: str | Path,
    *,
    mapping: Mapping[str, Any] | None = None,
    unit: str | None = None,
    scale: str | None = None,
    sheet: str | int | None = None,
    flow: str | None = None,
    vintage: str | None = None,
    **_: Any,
) -> pd.DataFrame:
    """Load a tidy table through a column mapping.

    Parameters
    ----------
    path
        CSV (any of ``,``/``;``/tab, UTF-8 or cp1252) or Excel workbook.
    mapping
        Column mapping (see the module docstring); default: the ``<file>.mapping.json``
        sidecar, else the canonical column names.
    unit, scale
        Unit of the values (``"thousand"``, ``"million"``...); overrides the mapping's.
    sheet
        Excel sheet name or 0-based index.
    flow
        One flow for every row (``X``, ``M``...) when the file has no flow column.
    vintage
        Release date; default: the file's sidecar or modification date.

    Returns
    -------
    pandas.DataFrame
        Canonical rows with ``source == "generic"`` (not yet validated).

    Raises
    ------
    LoadError
        Unknown header or mapping name, a mapping value of the wrong type or range, unknown
        unit, unknown country, a value that is not a number, or a bad period, naming the
        line and column.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "t.csv").write_text("Country,Partner,Year,Exports\\nBelarus,China,2021,556.1\\n")
    >>> m = {"columns": {"reporter": "Country", "partner": "Partner", "period": "Year",
    ...                  "value": "Exports"}, "constants": {"flow": "X"}, "unit": "million"}
    >>> df = load_generic(d / "t.csv", mapping=m, vintage="2026-01-01")
    >>> df.loc[0, ["reporter", "partner", "flow", "period_start"]].tolist()
    ['BLR', 'CHN', 'X', '2021-01']
    >>> float(df.loc[0, "value"])
    556100000.0
    """
    path = Path(path)
    if mapping is None:  # errors in the mapping name the sidecar
        spec = _normalise_mapping(mapping_path(path), read_mapping(path))
    else:
        spec = _normalise_mapping(path, mapping)
    skip_rows = spec.get("skip_rows", 0)
    df, ref_word = _read(path, sheet if sheet is not None else spec.get("sheet"), skip_rows)
    df.columns = [str(c).strip() for c in df.columns]
    options = {"flow": flow, "unit": unit, "scale": scale}
    lay = _layout(path, df, spec, skip_rows + 1, options)
    provenance = {
        "source": "generic",
        "source_file": display_path(path),
        "vintage": vintage or file_vintage(path),
    }
    records: list[dict[str, Any]] = []
    # the column names are str (stripped above), so the records are keyed by str
    rows = cast("list[dict[str, Any]]", df.to_dict("records"))
    for i, rec in enumerate(rows):
        row = skip_rows + 2 + i  # the header is on line skip_rows + 1
        if not _blank(rec):
            out = _record(lay, rec, row)
            records.append({**out, **provenance, "source_ref": f"{ref_word} {row}"})
    return schema.make_frame(records) if records else schema.empty_frame()
