"""IMF trade-by-partner files: IMTS SDMX-CSV, legacy DOTS CSV (wide and panel), DOTS Excel.

Formats (docs/source_formats.md, "IMF"):

``imf_imts_csv``
    SDMX-CSV 2.0 from the IMTS 3.0 API (``STRUCTURE,STRUCTURE_ID,ACTION,COUNTRY,INDICATOR,
    COUNTERPART_COUNTRY,FREQUENCY,TIME_PERIOD,OBS_VALUE,...``), the 2.1-style CSV
    (``DATAFLOW`` first), and the Data Explorer download with names instead of codes, long or
    wide (period columns ``2023``, ``2023-Q1``, ``2023-M01``). ``OBS_VALUE`` is read as whole
    US$: ``SCALE`` (``6``) is the IMF's display scale, not a multiplier (decision and evidence
    in ``docs/loaders.md``); the wide download's cells are multiplied by its ``SCALE``
    (unverified). Magnitudes are checked for every pair (:func:`check_magnitude`).
``imf_dots_csv``
    Legacy DOTS ``timeSeries`` (wide, ``Attribute`` Value/Status rows) and ``panel`` CSV;
    values in US$ millions.
``imf_dots_xlsx``
    DOTS "country table" workbook (sheets ``Exports, FOB`` / ``Imports, CIF``; reporter in a
    title row; ``US Dollars, Millions``; one row per partner; `` e`` suffix = IMF estimate).

Library choice: the CSVs are read with the standard :mod:`csv` module (it handles quoted
fields and is strict about structure; pandas' type guessing would strip leading zeros of IMF
numeric codes) and the workbooks with :mod:`openpyxl` in read-only mode (the project's Excel
reader; no xlrd/calamine dependency needed for .xlsx).

Counts of what was dropped (NaN observations, aggregate partners, duplicates, unknown
indicators) go to the load report (:mod:`tradecheck.loaders.report`).
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from tradecheck import countries, schema
from tradecheck.dates import month_count
from tradecheck.errors import LoadError, UnknownCountryError
from tradecheck.loaders import report
from tradecheck.loaders.base import (
    bool_option,
    decode_head,
    decode_text,
    display_path,
    file_vintage,
    float_option,
    int_option,
    open_workbook,
    register,
    row_cell,
    sheet_grid,
    sniff_delimiter,
    to_float,
    xlsx_text,
)
from tradecheck.loaders.base import finish_frame as _finish

#: IMTS indicator code -> (flow, valuation). Legacy DOT/IFS names are accepted too.
INDICATORS: dict[str, tuple[str, str]] = {
    "XG_FOB_USD": ("X", "FOB"),
    "MG_CIF_USD": ("M", "CIF"),
    "MG_FOB_USD": ("M", "FOB"),
    "TXG_FOB_USD": ("X", "FOB"),
    "TMG_CIF_USD": ("M", "CIF"),
    "TMG_FOB_USD": ("M", "FOB"),
}

SCALE_WORDS = {
    "units": 0,
    "unit": 0,
    "ones": 0,
    "thousands": 3,
    "thousand": 3,
    "millions": 6,
    "million": 6,
    "billions": 9,
    "billion": 9,
}

#: Plausible range (US$) of one Belarus–China annual flow; scaled by months covered.
PAIR_ANNUAL_RANGE = (1e6, 1e12)
_PAIR = {"BLR", "CHN"}

# Aggregates and residual rows of IMF partner lists (skipped and counted).
_AGGREGATE_RE = re.compile(
    r"(not specified|not included elsewhere|^emerging|export earnings|economies|hemisphere"
    r"|memorandum|special categories|^euro area$|^european union$|^africa$|^middle east"
    r"|^sub-saharan africa$|^cis$|^belgium-luxembourg$|^other countries)",
    re.IGNORECASE,
)


def is_aggregate_name(label: str) -> bool:
    """True for IMF group/residual rows such as ``Advanced Economies`` or ``Asia not specified``.

    ``Belgium-Luxembourg`` (a pre-1999 reporting union without an ISO code) is treated as an
    aggregate too.

    Examples
    --------
    >>> is_aggregate_name("Emerging and Developing Europe"), is_aggregate_name("Belarus, Rep. of")
    (True, False)
    """
    return bool(_AGGREGATE_RE.search(str(label).strip()))


# --------------------------------------------------------------------------- helpers


def parse_period(text: str) -> tuple[str, str]:
    """Turn an IMF period label into inclusive ``(start, end)`` months.

    Accepts ``2023``, ``2023-Q1``/``2023Q1``, ``2023-M01``/``2023M1`` and ``2023-01``.

    Examples
    --------
    >>> parse_period("2023-Q2"), parse_period("2023-M01"), parse_period("2019")
    (('2023-04', '2023-06'), ('2023-01', '2023-01'), ('2019-01', '2019-12'))
    """
    s = str(text).strip()
    if isinstance(text, float) and text.is_integer():
        s = str(int(text))
    if m := re.fullmatch(r"(\d{4})(?:\.0)?", s):
        return f"{m[1]}-01", f"{m[1]}-12"
    if m := re.fullmatch(r"(\d{4})-?Q([1-4])", s):
        q = int(m[2])
        return f"{m[1]}-{3 * q - 2:02d}", f"{m[1]}-{3 * q:02d}"
    if m := re.fullmatch(r"(\d{4})-?M(\d{1,2})|(\d{4})-(\d{2})", s):
        y, mo = (m[1], m[2]) if m[1] else (m[3], m[4])
        if 1 <= int(mo) <= 12:
            return f"{y}-{int(mo):02d}", f"{y}-{int(mo):02d}"
    raise ValueError(f"not an IMF period: {text!r}")


_PERIOD_COL = re.compile(r"^\d{4}(-?Q[1-4]|-?M\d{1,2}|-\d{2})?$")


#: Ceiling for any one value, US$ per 12 months (pro rata for shorter periods): an order of
#: magnitude, not a statistic -- several times world merchandise exports of any year so far,
#: so only a unit or scale error (values 10^3 or 10^6 too large) can exceed it.
WORLD_TRADE_CEILING = 1e14


def check_magnitude(
    path: Path,
    rows: list[dict[str, Any]],
    *,
    hint: str,
    rng: tuple[float, float] = PAIR_ANNUAL_RANGE,
) -> None:
    """Raise :class:`LoadError` for a value that cannot be right after scaling, for any pair.

    Three checks, each naming the row: a value above :data:`WORLD_TRADE_CEILING` (pro rata);
    a bilateral value above the same reporter's world total (partner ``W00``, same flow and
    period) in the same file; and, for Belarus–China, a value outside ``rng`` for 12 months
    (pro rata), which also catches values too small by a factor of 10^3 or 10^6.
    """
    world = {
        (r["reporter"], r["flow"], r["period_start"], r["period_end"]): r["value"]
        for r in rows
        if r["partner"] == schema.WORLD
    }
    for r in rows:
        frac = month_count(r["period_start"], r["period_end"]) / 12
        total = world.get((r["reporter"], r["flow"], r["period_start"], r["period_end"]))
        if r["value"] > WORLD_TRADE_CEILING * frac:
            problem = f"above any year's world trade (ceiling {WORLD_TRADE_CEILING * frac:,.0f})"
        elif r["partner"] != schema.WORLD and total is not None and r["value"] > total * 1.0001:
            problem = f"above {r['reporter']}'s own world total {total:,.0f} US$"
        else:
            _check_pair(path, r, rng, hint, frac)
            continue
        raise LoadError(
            path,
            f"implausible value {r['value']:,.0f} US$ for {_what(r)}: {problem}; the unit or "
            f"scale is probably wrong. {hint}",
            row=_row_of(r),
        )


def _what(r: dict[str, Any]) -> str:
    return f"{r['reporter']}->{r['partner']} {r['flow']} {r['period_start']}..{r['period_end']}"


def _row_of(r: dict[str, Any]) -> int | None:
    ref = str(r["source_ref"])
    return int(ref.split()[-1]) if ref.startswith("line ") else None


def _check_pair(
    path: Path, r: dict[str, Any], rng: tuple[float, float], hint: str, frac: float
) -> None:
    """The Belarus–China range check of :func:`check_magnitude` for one row."""
    lo, hi = rng
    v = r["value"]
    if {r["reporter"], r["partner"]} != _PAIR or r["flow"] not in ("X", "M") or v == 0:
        return
    if lo * frac <= v <= hi * frac:
        return
    if v < lo * frac:
        guess = "the values look too small: the unit is probably larger (e.g. millions)"
    else:
        guess = "the values look too large: the unit is probably smaller (e.g. units)"
    raise LoadError(
        path,
        f"implausible Belarus–China value {v:,.0f} US$ for {_what(r)} after scaling: {guess}. "
        f"Expected roughly {lo * frac:,.0f}..{hi * frac:,.0f} US$. {hint}",
        row=_row_of(r),
    )


def _scale_exponent(path: Path, raw: Any, row: int | None, column: str = "SCALE") -> int:
    if raw is None or (isinstance(raw, float) and math.isnan(raw)):
        return 0
    s = str(raw).strip()
    if s == "":
        return 0
    if re.fullmatch(r"-?\d+", s):
        return int(s)
    w = s.casefold().split(":")[-1].strip()
    if w in SCALE_WORDS:
        return SCALE_WORDS[w]
    raise LoadError(
        path,
        f"unknown SCALE {raw!r}: expected a power of ten (0, 3, 6, 9) "
        "or Units/Thousands/Millions/Billions",
        row=row,
        column=column,
    )


def _code(label: Any) -> str:
    """``"XG_FOB_USD: Exports..."`` -> ``"XG_FOB_USD"`` (SDMX ``labels=both``)."""
    s = str(label or "").strip()
    return s.split(":", 1)[0].strip() if ":" in s else s


def _indicator(label: Any) -> tuple[str, str] | None:
    code = _code(label).upper()
    if code in INDICATORS:
        return INDICATORS[code]
    m = re.search(r"\(([A-Z_]+)\)\s*$", str(label))
    if m and m[1] in INDICATORS:
        return INDICATORS[m[1]]
    low = str(label).casefold()
    if "export" in low and "fob" in low:
        return ("X", "FOB")
    if "import" in low and "cif" in low:
        return ("M", "CIF")
    if "import" in low and "fob" in low:
        return ("M", "FOB")
    return None


def _country(path: Path, value: Any, *, row: int | None, column: str) -> str | None:
    """ISO3 for an IMF country cell (code or name); ``None`` for aggregates."""
    s = str(value or "").strip()
    if not s:
        raise LoadError(path, "empty country cell", row=row, column=column)
    if re.fullmatch(r"G\d{3}", s) and s != "G001":
        return None  # IMF group code (G001 World is kept as W00)
    if re.fullmatch(r"[A-Z][A-Z0-9]{2}", s):
        try:
            return countries.to_iso3(s, "iso3")
        except UnknownCountryError:
            pass
    s_name = _code(s) if ":" in s and re.fullmatch(r"[A-Z0-9]{3,4}", _code(s)) else s
    if s_name != s:
        try:
            return countries.to_iso3(s_name)
        except UnknownCountryError:
            pass
    try:
        return countries.to_iso3(s)
    except UnknownCountryError as exc:
        if is_aggregate_name(s):
            return None
        raise LoadError(path, str(exc), row=row, column=column) from None


def _read_csv(
    path: Path, encodings: tuple[str, ...] = ("utf-8-sig", "cp1252")
) -> tuple[list[str], list[list[str]]]:
    text, _ = decode_text(path, path.read_bytes(), encodings)
    first = text.split("\n", 1)[0]
    delim = sniff_delimiter(first, ",;", lines=1)
    rows = list(csv.reader(io.StringIO(text), delimiter=delim))
    while rows and not any(c.strip() for c in rows[-1]):
        rows.pop()
    if not rows:
        raise LoadError(path, "the file has no header row")
    header = [h.strip() for h in rows[0]]
    if header and header[0].startswith("STRUCTURE["):
        header[0] = "STRUCTURE"
    return header, rows[1:]


# --------------------------------------------------------------------------- IMTS


def sniff_imts(path: Path, head: bytes) -> float:
    """Header with OBS_VALUE/TIME_PERIOD and the IMTS dimensions (or a wide IMTS download)."""
    first = decode_head(head[:4096]).split("\n", 1)[0].upper()
    if "COUNTERPART_COUNTRY" not in first or "COUNTRY" not in first:
        return 0.0
    if "OBS_VALUE" in first and "TIME_PERIOD" in first:
        return 0.95
    if "INDICATOR" in first and re.search(r"[,;]\"?\d{4}(-?[MQ]\d{1,2})?\"?", first):
        return 0.8
    return 0.0


@dataclass(frozen=True)
class _Imts:
    """What every line of one IMTS CSV shares: file, header, layout and defaults."""

    path: Path
    header: list[str]
    cols: dict[str, int]
    wide_cols: list[int]
    long: bool
    default_scale: int
    vintage: str

    def cell(self, r: list[str], name: str) -> str:
        """The stripped cell of column ``name`` (upper case) in ``r`` ("" when absent)."""
        return row_cell(r, self.cols, name)


def _imts_layout(p: Path, header: list[str]) -> tuple[dict[str, int], list[int], bool]:
    """Column positions by upper-case name, the period columns of a wide download, and
    whether the file is long (``TIME_PERIOD``/``OBS_VALUE``); missing columns are an error."""
    cols = {h.upper(): i for i, h in enumerate(header)}
    for need in ("COUNTRY", "COUNTERPART_COUNTRY", "INDICATOR"):
        if need not in cols:
            raise LoadError(
                p,
                f"missing column {need}; an IMTS CSV needs COUNTRY, INDICATOR, COUNTERPART_COUNTRY "
                f"and TIME_PERIOD/OBS_VALUE (or period columns); header was: {', '.join(header)}",
                row=1,
            )
    wide_cols = [i for i, h in enumerate(header) if _PERIOD_COL.match(h)]
    long = "OBS_VALUE" in cols and "TIME_PERIOD" in cols
    if not long and not wide_cols:
        raise LoadError(
            p, "no TIME_PERIOD/OBS_VALUE columns and no period columns (2023, 2023-M01)", row=1
        )
    return cols, wide_cols, long


def _imts_series(
    t: _Imts, r: list[str], n: int, dropped: Counter[str]
) -> tuple[str, str, str, str] | None:
    """(flow, valuation, reporter, partner) of line ``n``; None for a deleted line, an unknown
    indicator or an aggregate country (counted in ``dropped``). A unit other than US$ is an
    error."""
    if "ACTION" in t.cols and t.cell(r, "ACTION").upper() == "D":
        dropped["deleted (ACTION=D)"] += 1
        return None
    ind = _indicator(t.cell(r, "INDICATOR"))
    if ind is None:
        dropped[f"indicator {t.cell(r, 'INDICATOR')!r}"] += 1
        return None
    reporter = _country(t.path, t.cell(r, "COUNTRY"), row=n, column="COUNTRY")
    partner = _country(
        t.path, t.cell(r, "COUNTERPART_COUNTRY"), row=n, column="COUNTERPART_COUNTRY"
    )
    if reporter is None or partner is None:
        dropped["aggregate country"] += 1
        return None
    unit = t.cell(r, "UNIT")
    if unit and _code(unit).upper() not in ("USD", "US DOLLAR", "US DOLLARS"):
        raise LoadError(t.path, f"unit {unit!r} is not US dollars", row=n, column="UNIT")
    return ind[0], ind[1], reporter, partner


def _imts_exponent(t: _Imts, r: list[str], n: int) -> tuple[int, int | None]:
    """Power of ten to multiply line ``n``'s values by, and its ``SCALE`` cell (None if empty).

    SDMX ``OBS_VALUE`` is in US$ already and ``SCALE`` is only the display scale
    (docs/loaders.md), so a long file uses the ``scale=`` option; the wide Data Explorer table
    shows values at that scale (unverified layout).
    """
    shown_scale = (
        _scale_exponent(t.path, t.cell(r, "SCALE"), n)
        if "SCALE" in t.cols and t.cell(r, "SCALE") != ""
        else None
    )
    exp = t.default_scale if t.long or shown_scale is None else shown_scale
    return exp, shown_scale


def _imts_observations(t: _Imts, r: list[str]) -> list[tuple[str, str, str]]:
    """(period, raw value, column) of each observation on a line: one for a long file, one per
    period column for a wide one."""
    if t.long:
        return [(t.cell(r, "TIME_PERIOD"), t.cell(r, "OBS_VALUE"), "OBS_VALUE")]
    return [(t.header[i], r[i] if i < len(r) else "", t.header[i]) for i in t.wide_cols]


def _imts_rows(
    t: _Imts, r: list[str], n: int, series: tuple[str, str, str, str], dropped: Counter[str]
) -> list[dict[str, Any]]:
    """Canonical rows of line ``n`` (a blank wide cell is no row; a NaN one is counted)."""
    flow, valuation, reporter, partner = series
    exp, shown_scale = _imts_exponent(t, r, n)
    status = (t.cell(r, "STATUS") or t.cell(r, "OBS_STATUS")).strip().lower()
    note = (
        f"IMTS {_code(t.cell(r, 'INDICATOR'))}; "
        + (f"SCALE {shown_scale} (display only); " if t.long and shown_scale else "")
        + f"value x 10^{exp}"
    )
    rows = []
    for period, raw, col in _imts_observations(t, r):
        if raw.strip() == "" and not t.long:
            continue
        if raw.strip().lower() in ("nan", "", "na", "n/a"):
            dropped["NaN observation"] += 1
            continue
        try:
            start, end = parse_period(period)
        except ValueError:
            raise LoadError(
                t.path,
                f"bad period {period!r}: expected 2023, 2023-Q1 or 2023-M01",
                row=n,
                column="TIME_PERIOD" if t.long else col,
            ) from None
        value = to_float(t.path, raw, row=n, column=col) * 10.0**exp
        rows.append(
            {
                "reporter": reporter,
                "partner": partner,
                "flow": flow,
                "period_start": start,
                "period_end": end,
                "commodity": "TOTAL",
                "value": value,
                "currency": "USD",
                "valuation": valuation,
                "source": "imf_imts",
                "source_file": display_path(t.path),
                "source_ref": f"line {n}",
                "vintage": t.vintage,
                "classification": "TOTAL",
                "estimate": status == "e",
                "note": note,
            }
        )
    return rows


@register(
    "imf_imts_csv",
    source="imf_imts",
    sniff=sniff_imts,
    description="IMF IMTS SDMX-CSV (2.0 STRUCTURE/2.1 DATAFLOW) or Data Explorer CSV",
    extensions=(".csv",),
)
def load_imts(path: str | Path, **options: Any) -> pd.DataFrame:
    """Read an IMF IMTS CSV into canonical rows (source ``imf_imts``).

    Parameters
    ----------
    path
        SDMX-CSV 2.0 / 2.1-style CSV (one observation per row), or a wide Data Explorer
        download (one series per row, period columns).
    **options
        ``scale``: power of ten (0-12) to multiply ``OBS_VALUE`` by (default 0: values in US$), and
        for a wide download without a ``SCALE`` column; ``check_scale`` (default True):
        sanity-check magnitudes; ``vintage``.

    Returns
    -------
    pandas.DataFrame
        Canonical rows; NaN observations, group partners and unknown indicators are dropped
        and counted in ``df.attrs["dropped"]``. ``STATUS`` ``e`` sets ``estimate``.

    Raises
    ------
    LoadError
        Missing columns, bad periods, non-numeric values, unknown SCALE, implausible
        magnitudes, unknown countries.

    Examples
    --------
    >>> df = load_imts("tests/fixtures/imf/imts_sdmx_csv20.csv")  # doctest: +SKIP
    """
    p = Path(path)
    header, body = _read_csv(p)
    cols, wide_cols, long = _imts_layout(p, header)
    vintage = options.get("vintage") or file_vintage(p)
    scale = int_option(p, "scale", options.get("scale", 0), lo=0, hi=12)
    t = _Imts(p, header, cols, wide_cols, long, scale, vintage)
    dropped: Counter[str] = Counter()
    rows: list[dict[str, Any]] = []
    for n, r in enumerate(body, start=2):
        if not any(c.strip() for c in r):
            continue
        series = _imts_series(t, r, n, dropped)
        if series is not None:
            rows.extend(_imts_rows(t, r, n, series, dropped))
    if not rows and not dropped:
        raise LoadError(p, "no observations in the file")
    if bool_option(p, "check_scale", options.get("check_scale", True)):
        check_magnitude(
            p,
            rows,
            hint="OBS_VALUE of an IMTS SDMX-CSV is read as US$ (SCALE is only the display "
            "scale); pass scale=6 if this file's values are in millions, or check_scale=False.",
        )
    return _finish(rows, dropped, p)


# --------------------------------------------------------------------------- DOTS CSV

_DOTS_WIDE = (
    "Country Name",
    "Country Code",
    "Indicator Name",
    "Indicator Code",
    "Counterpart Country Name",
    "Counterpart Country Code",
    "Attribute",
)
_DOTS_PANEL = (
    "Country Name",
    "Country Code",
    "Counterpart Country Name",
    "Counterpart Country Code",
    "Time Period",
)


def sniff_dots_csv(path: Path, head: bytes) -> float:
    """Legacy DOTS timeSeries/panel header."""
    first = decode_head(head[:4096]).split("\n", 1)[0]
    if all(c in first for c in _DOTS_WIDE):
        return 0.95
    if all(c in first for c in _DOTS_PANEL):
        return 0.9
    return 0.0


def _dots_country(path: Path, name: str, code: str, *, row: int, column: str) -> str | None:
    """Resolve by name (verified spellings), then by the IMF numeric code (unverified)."""
    try:
        return countries.to_iso3(name)
    except UnknownCountryError:
        pass
    if code.strip().isdigit():
        try:
            return countries.to_iso3(code.strip(), "imf")
        except UnknownCountryError:
            pass
    if is_aggregate_name(name):
        return None
    try:
        countries.to_iso3(name)
    except UnknownCountryError as exc:
        raise LoadError(path, f"{exc} (IMF code {code!r})", row=row, column=column) from None
    return None  # pragma: no cover


@dataclass(frozen=True)
class _DotsCsv:
    """What every line of one DOTS CSV shares: file, header, unit and vintage."""

    path: Path
    header: list[str]
    idx: dict[str, int]
    unit: float
    vintage: str

    def cell(self, r: list[str], name: str) -> str:
        """The stripped cell of column ``name`` in ``r`` ("" when absent or short)."""
        return row_cell(r, self.idx, name)


def _dots_countries(d: _DotsCsv, r: list[str], n: int) -> tuple[str | None, str | None]:
    """Reporter and partner ISO3 of line ``n`` (``None`` for an aggregate)."""
    rep = _dots_country(
        d.path, d.cell(r, "Country Name"), d.cell(r, "Country Code"), row=n, column="Country Name"
    )
    par = _dots_country(
        d.path,
        d.cell(r, "Counterpart Country Name"),
        d.cell(r, "Counterpart Country Code"),
        row=n,
        column="Counterpart Country Name",
    )
    return rep, par


def _dots_cell(
    d: _DotsCsv,
    r: list[str],
    n: int,
    i: int,
    series: tuple[str, str, tuple[str, str]],
    period: str | tuple[str, str],
    label: str,
    status: str = "",
) -> dict[str, Any] | None:
    """The row of cell ``r[i]`` on line ``n`` (None for a blank or ``nan`` cell).

    ``series`` is (reporter, partner, (flow, valuation)); ``period`` is a period heading
    (parsed only for a non-blank cell) or ``(start, end)``; a trailing `` e`` on the value or
    ``status == "e"`` marks an estimate.
    """
    raw = r[i].strip() if i < len(r) else ""
    if raw == "" or raw.lower() == "nan":
        return None
    start, end = parse_period(period) if isinstance(period, str) else period
    est = raw.lower().endswith(" e") or status == "e"
    v = to_float(d.path, raw.removesuffix(" e").removesuffix(" E"), row=n, column=d.header[i])
    rep, par, ind = series
    return _dots_row(
        rep,
        par,
        ind,
        start,
        end,
        v * d.unit,
        display_path(d.path),
        f"line {n}",
        d.vintage,
        est,
        label,
    )


def _dots_status(
    d: _DotsCsv, body: list[list[str]], pcols: list[int]
) -> dict[tuple[str, ...], dict[int, str]]:
    """The ``Attribute == "Status"`` lines of a wide file: (country, indicator, counterpart)
    codes -> period column -> status (``e`` for an estimate)."""
    status: dict[tuple[str, ...], dict[int, str]] = {}
    for r in body:
        if d.cell(r, "Attribute").lower() == "status":
            key = (
                d.cell(r, "Country Code"),
                d.cell(r, "Indicator Code"),
                d.cell(r, "Counterpart Country Code"),
            )
            status[key] = {i: r[i].strip().lower() for i in pcols if i < len(r)}
    return status


def _dots_wide(d: _DotsCsv, body: list[list[str]], dropped: Counter[str]) -> list[dict[str, Any]]:
    """Rows of a ``timeSeries`` file: one line per series and attribute, one column per
    period; only ``Value`` lines carry values, ``Status`` lines mark estimates."""
    pcols = [i for i, h in enumerate(d.header) if _PERIOD_COL.match(h)]
    if not pcols:
        raise LoadError(
            d.path, "no period columns (1948..2023, 2023M1, 2023Q1) after 'Attribute'", row=1
        )
    status = _dots_status(d, body, pcols)
    rows = []
    for n, r in enumerate(body, start=2):
        if not any(c.strip() for c in r) or d.cell(r, "Attribute").lower() != "value":
            continue
        code = d.cell(r, "Indicator Code")
        ind = _indicator(code)
        if ind is None:
            dropped[f"indicator {code!r}"] += 1
            continue
        rep, par = _dots_countries(d, r, n)
        if rep is None or par is None:
            dropped["aggregate country"] += 1
            continue
        key = (d.cell(r, "Country Code"), code, d.cell(r, "Counterpart Country Code"))
        st = status.get(key, {})
        for i in pcols:
            row = _dots_cell(d, r, n, i, (rep, par, ind), d.header[i], code, st.get(i, ""))
            if row is not None:
                rows.append(row)
    return rows


def _dots_panel(d: _DotsCsv, body: list[list[str]], dropped: Counter[str]) -> list[dict[str, Any]]:
    """Rows of a ``panel`` file: one line per country pair and period, one column per
    indicator (``... (TXG_FOB_USD)``)."""
    icols: list[tuple[int, tuple[str, str]]] = []
    for i, h in enumerate(d.header):
        ind_h = _indicator(h) if h not in _DOTS_PANEL else None
        if ind_h is not None:
            icols.append((i, ind_h))
    if not icols:
        raise LoadError(
            d.path, "no indicator columns such as '... (TXG_FOB_USD)' or '... (TMG_CIF_USD)'", row=1
        )
    rows = []
    for n, r in enumerate(body, start=2):
        if not any(c.strip() for c in r):
            continue
        rep, par = _dots_countries(d, r, n)
        if rep is None or par is None:
            dropped["aggregate country"] += 1
            continue
        try:
            start, end = parse_period(d.cell(r, "Time Period"))
        except ValueError:
            raise LoadError(
                d.path, f"bad period {d.cell(r, 'Time Period')!r}", row=n, column="Time Period"
            ) from None
        for i, ind in icols:
            row = _dots_cell(d, r, n, i, (rep, par, ind), (start, end), d.header[i])
            if row is not None:
                rows.append(row)
    return rows


@register(
    "imf_dots_csv",
    source="imf_dots",
    sniff=sniff_dots_csv,
    description="IMF DOTS legacy CSV export (timeSeries wide or panel), US$ millions",
    extensions=(".csv",),
)
def load_dots_csv(path: str | Path, **options: Any) -> pd.DataFrame:
    """Read a legacy DOTS ``timeSeries`` or ``panel`` CSV (source ``imf_dots``).

    Values are US$ millions (spec §3.3; single source) unless ``unit=`` (multiplier) is given.
    In the wide file only ``Attribute == "Value"`` rows carry values; a ``Status`` row with
    ``e`` for a period marks that value as an estimate.

    Raises
    ------
    LoadError
        Missing columns, bad periods, non-numeric values, unknown countries.
    """
    p = Path(path)
    header, body = _read_csv(p)
    idx = {h: i for i, h in enumerate(header)}
    unit = float_option(p, "unit", options.get("unit", 1e6), lo=0, hi=1e12)
    d = _DotsCsv(p, header, idx, unit, options.get("vintage") or file_vintage(p))
    dropped: Counter[str] = Counter()
    if all(c in idx for c in _DOTS_WIDE):
        rows = _dots_wide(d, body, dropped)
    elif all(c in idx for c in _DOTS_PANEL):
        rows = _dots_panel(d, body, dropped)
    else:
        raise LoadError(
            p,
            "not a DOTS timeSeries or panel CSV: expected columns " + ", ".join(_DOTS_WIDE),
            row=1,
        )
    if bool_option(p, "check_scale", options.get("check_scale", True)):
        check_magnitude(p, rows, hint="DOTS files are in US$ millions; pass unit= to override.")
    return _finish(rows, dropped, p)


def _dots_row(
    rep: str,
    par: str,
    ind: tuple[str, str],
    start: str,
    end: str,
    value: float,
    src: str,
    ref: str,
    vintage: str,
    est: bool,
    label: str,
) -> dict[str, Any]:
    """One canonical ``imf_dots`` row; ``ind`` is ``(flow, valuation)``, note ``DOTS <label>``."""
    return {
        "reporter": rep,
        "partner": par,
        "flow": ind[0],
        "period_start": start,
        "period_end": end,
        "commodity": "TOTAL",
        "value": value,
        "currency": "USD",
        "valuation": ind[1],
        "source": "imf_dots",
        "source_file": src,
        "source_ref": ref,
        "vintage": vintage,
        "classification": "TOTAL",
        "estimate": est,
        "note": f"DOTS {label}",
    }


# --------------------------------------------------------------------------- DOTS Excel


def sniff_dots_xlsx(path: Path, head: bytes) -> float:
    """An xlsx whose strings include the DOTS country-table titles."""
    if not head.startswith(b"PK"):
        return 0.0
    t = xlsx_text(path)
    if "Partner Countries" in t and ("Exports, FOB" in t or "Imports, CIF" in t):
        return 0.95
    return 0.0


_UNITS_RE = re.compile(r"US Dollars?,\s*(Units|Thousands|Millions|Billions)", re.IGNORECASE)


def _period_cell(v: Any) -> tuple[str, str] | None:
    """``(start, end)`` of a DOTS period heading -- a year (``2020``, ``2020.0``), a quarter
    (``2000Q1``) or a month (``2000M1``, ``2000-01``) -- or ``None`` for anything else.

    Examples
    --------
    >>> _period_cell(2019), _period_cell("2000Q1"), _period_cell("Country")
    (('2019-01', '2019-12'), ('2000-01', '2000-03'), None)
    """
    if isinstance(v, bool) or v is None:
        return None
    if isinstance(v, float) and not v.is_integer():
        return None
    text = str(int(v)) if isinstance(v, (int, float)) else str(v).strip()
    if not re.fullmatch(r"\d{4}(-?Q[1-4]|-?M\d{1,2}|-\d{2})?", text):
        return None
    if not 1900 <= int(text[:4]) <= 2100:
        return None
    try:
        return parse_period(text)
    except ValueError:
        return None


#: Words a DOTS table may put in the label cell of its period-header row.
_HEADER_LABELS = frozenset({"country", "countries", "partner", "partner country", "area"})


def _header_row(grid: list[list[Any]]) -> int | None:
    """Index of the period-header row among the first 40: at least one period cell, and
    nothing else but blanks and at most one label such as ``Country`` before the periods."""
    for i, r in enumerate(grid[:40]):
        periods = [j for j, v in enumerate(r) if _period_cell(v) is not None]
        if not periods:
            continue
        others = [
            (j, str(v).strip())
            for j, v in enumerate(r)
            if j not in periods and v is not None and str(v).strip()
        ]
        if all(j < periods[0] and t.casefold() in _HEADER_LABELS for j, t in others):
            return i
    return None


def _sheet_flow(title: str) -> tuple[str, str] | None:
    low = title.casefold()
    val = "CIF" if "cif" in low else "FOB" if "fob" in low else "unknown"
    if "export" in low:
        return "X", val
    if "import" in low:
        return "M", val
    return None


@register(
    "imf_dots_xlsx",
    source="imf_dots",
    sniff=sniff_dots_xlsx,
    description="IMF DOTS country-table workbook (Exports, FOB / Imports, CIF by partner)",
    extensions=(".xlsx",),
)
def load_dots_xlsx(path: str | Path, **options: Any) -> pd.DataFrame:
    """Read a DOTS "country table" workbook (source ``imf_dots``).

    Each sheet (``Exports, FOB``, ``Imports, CIF``) has title rows, the reporter's IMF name
    in a title row, a units row (``US Dollars, Millions``), a header row of years (possibly
    non-contiguous) and one row per partner. Values are multiplied by the unit; a trailing
    `` e`` marks an IMF estimate; blank cells are "no data" and produce no row. Group rows
    ("Advanced Economies", ...) are skipped and counted; ``World`` becomes partner ``W00``.
    A partner row repeated with identical values (the real files repeat their first row) is
    kept once.

    Parameters
    ----------
    path
        The ``.xlsx`` file.
    **options
        ``reporter``: ISO3 or country name (wins over the title row; needed when it is
        missing); ``unit``: a power of ten, used when there is no units row; ``check_scale``;
        ``vintage``; ``unknown="skip"`` to skip unresolvable partner names instead of failing.

    Raises
    ------
    LoadError
        No units row, no year header, a year header starting in column A (no column left
        for partner names), unknown unit, non-numeric cell, unknown partner, conflicting
        duplicate rows, or an implausible Belarus–China magnitude.

    Examples
    --------
    >>> from tradecheck import paths
    >>> df = load_dots_xlsx(paths.RAW / "imf_dots" / "DOTS_Belarus_Rep._of.xlsx")  # doctest: +SKIP
    """
    p = Path(path)
    wb = open_workbook(p)
    vintage = options.get("vintage") or file_vintage(p)
    src = display_path(p)
    dropped: Counter[str] = Counter()
    rows: list[dict[str, Any]] = []
    seen: dict[tuple[str, str, str, str], tuple[float, str]] = {}
    titles = [ws.title for ws in wb.worksheets]
    try:
        for ws in wb.worksheets:
            rows.extend(
                _dots_sheet(p, ws.title, sheet_grid(ws), src, vintage, dropped, seen, options)
            )
    finally:
        wb.close()
    if not rows:
        raise LoadError(
            p,
            f"no DOTS table in sheet(s) {', '.join(repr(t) for t in titles)}: expected a "
            "sheet titled like 'Exports, FOB' with a header row of periods (2019, 2000Q1, "
            "2000M1; a 'Country' label before them is fine) and one row per partner below",
        )
    if bool_option(p, "check_scale", options.get("check_scale", True)):
        check_magnitude(p, rows, hint="Check the units row of the sheet.")
    return _finish(rows, dropped, p)


def _sheet_titles(grid: list[list[Any]], header_row: int | None) -> list[tuple[int, str]]:
    """(row index, text) of every text cell above the period header (all rows if none)."""
    return [
        (i, str(v).strip())
        for i, r in enumerate(grid[: header_row or 0])
        for v in r
        if isinstance(v, str) and v.strip()
    ]


def _sheet_unit_reporter(
    p: Path, title: str, texts: list[tuple[int, str]], header_row: int, options: dict[str, Any]
) -> tuple[int, str]:
    """Power of ten of the values (units row, else ``unit=``) and the reporter's ISO3
    (``reporter=``, else the title row naming a country). A ``unit=`` that is not a power of
    ten is an error even when the sheet has a units row."""
    unit_opt = None if options.get("unit") is None else _unit_exponent(p, options["unit"])
    unit_exp = None
    reporter = _reporter_option(p, options.get("reporter"))
    for _i, t in texts:
        m = _UNITS_RE.search(t)
        if m:
            unit_exp = SCALE_WORDS[m[1].casefold()]
        elif "partner countries" not in t.casefold() and reporter is None:
            try:
                reporter = countries.to_iso3(t)
            except UnknownCountryError:
                pass
    if unit_exp is None:
        if unit_opt is not None:
            unit_exp = unit_opt
        else:
            unit_lines = [t for _, t in texts if "dollar" in t.casefold()]
            raise LoadError(
                p,
                f"sheet {title!r}: no units row like 'US Dollars, Millions' above the year header"
                + (f" (found {unit_lines[0]!r})" if unit_lines else "")
                + "; pass unit=1e6 if you know it",
                row=header_row + 1,
            )
    if reporter is None:
        raise LoadError(
            p, f"sheet {title!r}: reporter name not found in the title rows; pass reporter='ISO3'"
        )
    return unit_exp, reporter


def _unit_exponent(p: Path, value: Any) -> int:
    """Power of ten of a DOTS sheet's ``unit=`` option (``1e6`` -> 6); anything but a power
    of ten from 1 to 1e12 is a :class:`LoadError` naming the option.

    Examples
    --------
    >>> _unit_exponent(Path("t.xlsx"), "1e6"), _unit_exponent(Path("t.xlsx"), 1000)
    (6, 3)
    """
    unit = float_option(p, "unit", value, lo=0, hi=1e12)
    exp = round(math.log10(unit))
    if exp < 0 or not math.isclose(unit, 10.0**exp, rel_tol=1e-9):
        raise LoadError(p, f"option unit={value!r}: expected a power of ten (1, 1000, 1e6 or 1e9)")
    return exp


def _reporter_option(p: Path, value: Any) -> str | None:
    """ISO3 of the ``reporter=`` option (a code or a name; None when not given); a value that
    names no country is a :class:`LoadError` naming the option.

    Examples
    --------
    >>> _reporter_option(Path("t.xlsx"), "China"), _reporter_option(Path("t.xlsx"), None)
    ('CHN', None)
    """
    if value is None:
        return None
    try:
        return countries.to_iso3(str(value).strip())
    except UnknownCountryError as exc:
        raise LoadError(
            p, f"option reporter={value!r}: expected an ISO3 code or a country name ({exc})"
        ) from None


@dataclass(frozen=True)
class _Table:
    """What every cell of one DOTS sheet shares: file, sheet, series and layout."""

    path: Path
    title: str
    reporter: str
    flow: tuple[str, str]
    unit_exp: int
    label_col: int
    src: str
    vintage: str
    unknown_skip: bool


def _table_partner(t: _Table, label: str, excel_row: int, dropped: Counter[str]) -> str | None:
    """ISO3 of a partner row's label; None for an aggregate row or, with ``unknown="skip"``,
    an unknown name (both counted in ``dropped``)."""
    try:
        return countries.to_iso3(label)
    except UnknownCountryError as exc:
        if is_aggregate_name(label):
            dropped["aggregate partner row"] += 1
            return None
        if t.unknown_skip:
            dropped["unknown partner"] += 1
            return None
        raise LoadError(
            t.path, f"sheet {t.title!r}: {exc}", row=excel_row, column=_col(t.label_col)
        ) from None


def _table_value(t: _Table, raw: Any, excel_row: int, j: int, year: str) -> tuple[float, bool]:
    """A value cell as a number and whether it is an IMF estimate (trailing `` e``)."""
    est = False
    if isinstance(raw, str):
        s = raw.strip()
        if re.search(r"\se$", s, re.IGNORECASE):
            est, s = True, s[:-1].strip()
        raw = s
    col = f"sheet {t.title!r} col {_col(j)} ({year})"
    return to_float(t.path, raw, row=excel_row, column=col), est


def _table_row_cells(
    t: _Table,
    r: list[Any],
    excel_row: int,
    label: str,
    partner: str,
    ycols: list[tuple[int, tuple[str, str]]],
    dropped: Counter[str],
    seen: dict[tuple[str, str, str, str], tuple[float, str]],
) -> list[dict[str, Any]]:
    """Canonical rows of one partner row: one per non-blank period cell. A cell already
    ``seen`` (same reporter, partner, flow, period) with the same value is counted and
    skipped; with another value it is a :class:`LoadError`."""
    out = []
    for j, (start, end) in ycols:
        year = start[:4] if end == f"{start[:4]}-12" and start.endswith("-01") else start
        raw = r[j] if j < len(r) else None
        if raw is None or (isinstance(raw, str) and raw.strip() in ("", "...", "-")):
            continue
        v, est = _table_value(t, raw, excel_row, j, year)
        ref = f"sheet {t.title} row {excel_row} col {_col(j)}"
        key = (t.reporter, partner, t.flow[0], f"{start}..{end}")
        if key in seen:
            if math.isclose(seen[key][0], v, rel_tol=1e-12, abs_tol=1e-12):
                dropped["duplicate partner cell (identical value)"] += 1
                continue
            raise LoadError(
                t.path,
                f"partner {label!r} appears twice with different values for {year} "
                f"({seen[key][1]} vs {ref})",
                row=excel_row,
            )
        seen[key] = (v, ref)
        value = v * 10.0**t.unit_exp
        note = f"country table, {t.title}"
        out.append(
            _dots_row(
                t.reporter, partner, t.flow, start, end, value, t.src, ref, t.vintage, est, note
            )
        )
    return out


def _label_column(p: Path, title: str, header_row: int, first_period: int) -> int:
    """Index of the partner-name column: the one just before the first period heading.

    A header whose first period is in column A leaves no column for the names, so the sheet
    is not a DOTS country table (the real ones have the names in B, periods from C): a
    :class:`LoadError` naming the header row and column A, never a guess.

    Examples
    --------
    >>> _label_column(Path("t.xlsx"), "Exports, FOB", 6, 2)
    1
    """
    if first_period < 1:
        raise LoadError(
            p,
            f"sheet {title!r}: the period header starts in column A, which leaves no column "
            "for the partner names: expected the names in the column just before the first "
            "period (e.g. names in B, periods from C)",
            row=header_row + 1,
            column=_col(first_period),
        )
    return first_period - 1


def _dots_sheet(
    p: Path,
    title: str,
    grid: list[list[Any]],
    src: str,
    vintage: str,
    dropped: Counter[str],
    seen: dict[tuple[str, str, str, str], tuple[float, str]],
    options: dict[str, Any],
) -> list[dict[str, Any]]:
    """Canonical rows of one sheet of a DOTS country table (``[]`` for a sheet that is not one,
    noted in the load report).

    Steps: period header row → flow from the sheet or table title → units and reporter from
    the title rows → one partner per row below the header → its period cells.
    """
    header_row = _header_row(grid)
    texts = _sheet_titles(grid, header_row)
    flow_info = _sheet_flow(title)
    for _, t in texts:
        if "partner countries" in t.casefold():
            flow_info = _sheet_flow(t) or flow_info
    if header_row is None or flow_info is None:
        report.note(p, f"sheet {title!r} skipped: no period header row or no flow title")
        return []
    unit_exp, reporter = _sheet_unit_reporter(p, title, texts, header_row, options)
    ycols = [
        (j, per) for j, v in enumerate(grid[header_row]) if (per := _period_cell(v)) is not None
    ]
    label_col = _label_column(p, title, header_row, ycols[0][0])
    skip = options.get("unknown") == "skip"
    table = _Table(p, title, reporter, flow_info, unit_exp, label_col, src, vintage, skip)
    out = []
    for i in range(header_row + 1, len(grid)):
        r = grid[i]
        label = r[label_col] if label_col < len(r) else None
        if label is None or not str(label).strip():
            continue
        label = str(label).strip()
        partner = _table_partner(table, label, i + 1, dropped)
        if partner is not None:
            out.extend(_table_row_cells(table, r, i + 1, label, partner, ycols, dropped, seen))
    return out


def _col(j: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(j + 1)
