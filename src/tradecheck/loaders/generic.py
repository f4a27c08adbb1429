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

Reading: pandas ``read_csv`` (``dtype=str``, so nothing is guessed) and ``read_excel``
(openpyxl), then every cell is checked here so that errors name the line and the column.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Hashable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from tradecheck import schema
from tradecheck.countries import to_iso3
from tradecheck.errors import LoadError, UnknownCountryError
from tradecheck.loaders.base import decode_text, display_path, file_vintage, register, to_float

__all__ = ["MAPPING_KEYS", "UNITS", "load_generic", "parse_period", "read_mapping", "scale_of"]

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
_SPEC_KEYS = {
    "columns",
    "constants",
    "unit",
    "scale",
    "flows",
    "country_scheme",
    "sheet",
    "skip_rows",
}


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


def read_mapping(path: str | Path) -> dict[str, Any] | None:
    """The ``<file>.mapping.json`` sidecar of a data file, or None when there is none.

    Raises
    ------
    LoadError
        If the sidecar is not valid JSON or not an object.
    """
    side = Path(path).with_name(Path(path).name + ".mapping.json")
    if not side.exists():
        return None
    try:
        doc = json.loads(side.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise LoadError(side, f"the mapping sidecar is not valid JSON ({exc})") from None
    if not isinstance(doc, dict):
        raise LoadError(side, "expected a JSON object (a column mapping)")
    return doc


def _normalise_mapping(path: Path, mapping: Mapping[str, Any] | None) -> dict[str, Any]:
    spec: dict[str, Any] = {"columns": {}, "constants": {}, "flows": {}}
    if not mapping:
        return spec
    if set(mapping) & _SPEC_KEYS:
        spec.update({k: v for k, v in mapping.items()})
        spec.setdefault("columns", {})
        spec.setdefault("constants", {})
        spec.setdefault("flows", {})
    else:
        spec["columns"] = dict(mapping)
    bad = [k for k in list(spec["columns"]) + list(spec["constants"]) if k not in MAPPING_KEYS]
    if bad:
        raise LoadError(
            path,
            f"unknown canonical name(s) in the mapping: {', '.join(bad)}; expected some of "
            f"{', '.join(MAPPING_KEYS)}",
        )
    return spec


def _sniff(path: Path, head: bytes) -> float:
    if path.with_name(path.name + ".mapping.json").exists():
        return 0.9
    if path.suffix.lower() in _EXCEL or head[:2] in (b"PK", b"\xd0\xcf"):
        return 0.0
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError:
        return 0.0
    first = text.split("\n", 1)[0].strip("\r")
    names = {h.strip().strip('"').casefold() for h in re.split(r"[,;\t]", first)}
    core = {"reporter", "partner", "value"}
    if core <= names and ("period" in names or {"period_start", "period_end"} <= names):
        return 0.5
    return 0.0


def _read(path: Path, sheet: Any, skip_rows: int) -> tuple[pd.DataFrame, str]:
    if not path.exists():
        raise LoadError(path, "no such file")
    if path.stat().st_size == 0:
        raise LoadError(path, "the file is empty: expected a header line and rows")
    if path.suffix.lower() in _EXCEL:
        try:
            df = pd.read_excel(
                path, sheet_name=sheet if sheet is not None else 0, header=skip_rows, dtype=object
            )
        except ValueError as exc:  # e.g. missing sheet
            raise LoadError(path, f"cannot read the workbook: {exc}") from None
        except Exception as exc:  # noqa: BLE001  (zip/openpyxl errors on a damaged workbook)
            raise LoadError(
                path,
                f"not a readable Excel workbook ({exc.__class__.__name__}: {exc}); expected .xlsx",
            ) from None
        name = sheet if sheet is not None else "1"
        return df, f"sheet {name} row"
    text, _enc = decode_text(path, path.read_bytes())
    lines = text.splitlines()
    first = lines[skip_rows] if len(lines) > skip_rows else ""
    try:
        sep = csv.Sniffer().sniff(first, delimiters=",;\t").delimiter
    except csv.Error:
        sep = ","
    try:
        df = pd.read_csv(
            io.StringIO(text), sep=sep, dtype=str, keep_default_na=False, skiprows=skip_rows
        )
    except pd.errors.EmptyDataError:
        raise LoadError(path, "the file is empty: expected a header line and rows") from None
    except pd.errors.ParserError as exc:
        found = re.search(r"line (\d+)", str(exc))
        raise LoadError(
            path,
            f"malformed table ({exc}); expected the same number of fields on every line",
            row=int(found.group(1)) if found else None,
        ) from None
    return df, "line"


@register(
    "generic",
    source="generic",
    sniff=_sniff,
    description="Tidy CSV/Excel, one figure per row, with a column mapping "
    "(<file>.mapping.json or mapping=)",
    extensions=(".csv", ".xlsx", ".tsv"),
)
def load_generic(  # noqa: C901  one branch per layout quirk; to be split into steps
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
        Unknown header or mapping name, unknown unit, unknown country, a value that is not a
        number, or a bad period, naming the line and column.

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
    spec = _normalise_mapping(path, mapping if mapping is not None else read_mapping(path))
    skip_rows = int(spec.get("skip_rows", 0) or 0)
    df, ref_word = _read(path, sheet if sheet is not None else spec.get("sheet"), skip_rows)
    df.columns = [str(c).strip() for c in df.columns]
    cols: dict[str, str] = dict(spec["columns"])
    consts: dict[str, Any] = dict(spec["constants"])
    if flow is not None:
        consts["flow"] = flow
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
            row=skip_rows + 1,
            column=v,
        )
    have = set(cols) | set(consts)
    needed = ["reporter", "partner", "flow", "value"]
    missing = [k for k in needed if k not in have]
    if "period" not in have and not {"period_start", "period_end"} <= have:
        missing.append("period (or period_start and period_end)")
    if missing:
        raise LoadError(
            path,
            f"unknown header: cannot find {', '.join(missing)}; columns found: "
            f"{', '.join(df.columns)}. Expected canonical column names or a mapping "
            f"(mapping= or {path.name}.mapping.json)",
            row=skip_rows + 1,
        )
    global_unit = (
        unit
        if unit is not None
        else scale
        if scale is not None
        else spec.get("unit", spec.get("scale"))
    )
    global_scale = scale_of(global_unit, path=path, column="unit")
    flows = {str(k).strip().casefold(): v for k, v in (spec.get("flows") or {}).items()}
    scheme = spec.get("country_scheme")
    shown = display_path(path)
    vint = vintage or file_vintage(path)
    first_line = skip_rows + 2

    def cell(rec: Mapping[Hashable, Any], key: str) -> Any:
        if key in cols:
            v = rec[cols[key]]
            if isinstance(v, float) and pd.isna(v):
                return None
            return v
        return consts.get(key)

    countries: dict[tuple[str, Any], str] = {}
    records: list[dict[str, Any]] = []
    for i, rec in enumerate(df.to_dict("records")):
        line = first_line + i
        row_for_err = line  # Excel: the sheet row number (header on row skip_rows + 1)
        if all(
            (v is None or (isinstance(v, float) and pd.isna(v)) or str(v).strip() == "")
            for v in rec.values()
        ):
            continue

        def err(key: str, msg: str, row: int = row_for_err) -> LoadError:
            return LoadError(path, msg, row=row, column=cols.get(key, key))

        out: dict[str, Any] = {}
        for side in ("reporter", "partner"):
            raw = cell(rec, side)
            if raw is None or str(raw).strip() == "":
                raise err(side, f"empty {side}: expected a country name or code")
            ckey = (side, raw)
            if ckey not in countries:
                try:
                    countries[ckey] = to_iso3(str(raw).strip(), scheme=scheme)
                except UnknownCountryError as exc:
                    raise err(
                        side,
                        f"unknown country {raw!r} ({exc}); expected an ISO code or "
                        "a country name tradecheck.countries knows",
                    ) from None
            out[side] = countries[ckey]
        raw_flow = cell(rec, "flow")
        f = str(raw_flow or "").strip()
        code = flows.get(f.casefold()) or _FLOW_WORDS.get(f.casefold())
        if code not in schema.FLOWS:
            raise err(
                "flow",
                f"unknown flow {raw_flow!r}: expected X, M, RX, RM, T, B or "
                "export/import/total/balance (or map it under 'flows')",
            )
        out["flow"] = code
        try:
            if "period" in have:
                out["period_start"], out["period_end"] = parse_period(cell(rec, "period"))
            else:
                out["period_start"] = parse_period(cell(rec, "period_start"))[0]
                out["period_end"] = parse_period(cell(rec, "period_end"))[1]
        except ValueError as exc:
            raise err("period" if "period" in have else "period_start", str(exc)) from None
        value = to_float(
            path, cell(rec, "value"), row=row_for_err, column=cols.get("value", "value")
        )
        row_scale = global_scale
        if "unit" in cols:
            row_scale = scale_of(cell(rec, "unit"), path=path, row=row_for_err, column=cols["unit"])
        out["value"] = value * row_scale
        if out["value"] < 0 and code != "B":
            raise err("value", f"expected a non-negative value, got {cell(rec, 'value')!r}")
        for key, default in (
            ("commodity", "TOTAL"),
            ("currency", "USD"),
            ("valuation", "unknown"),
            ("scope", "goods"),
            ("bound", "eq"),
            ("classification", None),
            ("note", ""),
        ):
            v = cell(rec, key)
            out[key] = default if v is None or str(v).strip() == "" else str(v).strip()
        if out["classification"] is None:
            out["classification"] = "TOTAL" if out["commodity"] == "TOTAL" else "HS"
        for key, allowed in (("valuation", schema.VALUATIONS), ("bound", schema.BOUNDS)):
            if out[key] not in allowed:
                raise err(key, f"expected one of {', '.join(allowed)}, got {out[key]!r}")
        if not re.fullmatch(r"[A-Z]{3}", out["currency"]):
            raise err("currency", f"expected an ISO 4217 code (USD), got {out['currency']!r}")
        ref = f"{ref_word} {line}"
        out.update(source="generic", source_file=shown, source_ref=ref, vintage=vint)
        records.append(out)
    if not records:
        return schema.empty_frame()
    return schema.make_frame(records)
