"""UN Comtrade in every shape users save it, normalised to the canonical table.

Formats (all recognised by content, see ``docs/loaders.md``):

=====================  ===========================================================================
``comtrade_json``      API response ``{"elapsedTime", "count", "data", "error"}`` (47 fields per
                       record). ``count == 0`` is an empty table, not an error; a non-empty
                       ``error`` or an HTTP 401/429 error body saved instead of the envelope is a
                       :class:`~tradecheck.errors.LoadError`.
``comtrade_csv``       Website download (comtradeplus) with the API's camelCase headers, or any
                       subset of them that still says who, to whom, which flow, when and how much.
``comtrade_bulk``      Bulk final file: gzip of tab-separated text, 34 columns, ``CIFValue`` /
                       ``FOBValue``, 0/1 booleans, M49 codes only (mapped to ISO3 here).
``comtrade_legacy_csv`` Retired API CSV, 22- or 35-column human headings ("Trade Flow Code" ...).
``comtrade_legacy_json`` Retired API JSON ``{"validation", "dataset"}``.
=====================  ===========================================================================

Every variant is renamed to the API's field names and passed through
:func:`normalise_records`, which applies the rules below.

Double counting
---------------
* Only totals over customs procedures, modes of transport and second partners are kept:
  ``customsCode`` ``C00``, ``motCode`` ``0``, ``partner2Code`` ``0`` (a column that is absent or
  an empty cell counts as "total"). Other rows are breakdowns of those totals and are dropped;
  the number dropped is reported in the load report (:mod:`tradecheck.loaders.report`).
* ``TOTAL`` and chapter/heading rows of one reporter/partner/flow/period are all kept. They
  differ in ``commodity`` (``"TOTAL"`` vs ``"27"``, ``"2709"``) and carry their
  ``classification`` (``H3``, ``S1`` ...), so a window sum must select one level:
  ``commodity == "TOTAL"`` for all goods, or codes of one length within one classification.
  Never sum across commodity levels.
* Flows ``X``, ``M``, ``RX``, ``RM`` are kept. The other Comtrade flow codes (``DX`` domestic
  export, ``FM`` foreign import, ``MIP``/``MOP``/``XIP``/``XOP`` processing trade) are parts of
  ``X``/``M`` rather than equivalents, so they are dropped with a warning, never relabelled.

Conventions
-----------
* Annual records (``freqCode`` ``A`` or ``refMonth`` 52) cover Jan..Dec; monthly ones the month of
  ``period`` (``YYYYMM``).
* ``value`` is ``primaryValue`` in whole US$ (falling back to ``fobvalue`` for exports and
  ``cifvalue`` for imports when ``primaryValue`` is empty); ``valuation`` is FOB for X/RX and CIF
  for M/RM goods, ``unknown`` for services (``typeCode`` ``S``, EBOPS codes).
* A website CSV whose data rows all end with one extra, empty field (comtradeplus writes a
  comma after the last value but not after the last header) is read by its header; a row
  that breaks the pattern is an error naming its line.
* Countries: ``reporterISO``/``partnerISO`` when present (legacy ``WLD`` becomes ``W00``), else the
  numeric code through :func:`comtrade_code_to_iso3`. Comtrade's own area codes that are not
  three letters are given user-assigned ISO codes (:data:`SPECIAL_ISO`), with the Comtrade code in
  ``note``.
* ``vintage``: the sidecar's (``<file>.meta.json``) vintage/retrieval date, else the file's
  modification date.

Reading uses pandas (``read_csv`` with ``dtype=str`` so codes keep leading zeros) and the standard
``json``/``gzip`` modules; no Comtrade client library is needed to read saved files.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
import warnings
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from tradecheck import schema
from tradecheck.countries import is_known, to_iso3
from tradecheck.errors import LoadError, UnknownCountryError
from tradecheck.loaders import report
from tradecheck.loaders.base import (
    decode_text,
    display_path,
    file_vintage,
    gunzip_bounded,
    register,
    sniff_delimiter,
)

__all__ = [
    "API_FIELDS",
    "BULK_FIELDS",
    "LEGACY_CSV_22",
    "LEGACY_CSV_35",
    "SPECIAL_ISO",
    "comtrade_code_to_iso3",
    "load_api_json",
    "load_bulk",
    "load_csv",
    "load_legacy_csv",
    "load_legacy_json",
    "normalise_records",
]

#: The 47 record fields of the API (``get``/``preview``), in response order.
API_FIELDS: tuple[str, ...] = (
    "typeCode", "freqCode", "refPeriodId", "refYear", "refMonth", "period", "reporterCode",
    "reporterISO", "reporterDesc", "flowCode", "flowDesc", "partnerCode", "partnerISO",
    "partnerDesc", "partner2Code", "partner2ISO", "partner2Desc", "classificationCode",
    "classificationSearchCode", "isOriginalClassification", "cmdCode", "cmdDesc", "aggrLevel",
    "isLeaf", "customsCode", "customsDesc", "mosCode", "motCode", "motDesc", "qtyUnitCode",
    "qtyUnitAbbr", "qty", "isQtyEstimated", "altQtyUnitCode", "altQtyUnitAbbr", "altQty",
    "isAltQtyEstimated", "netWgt", "isNetWgtEstimated", "grossWgt", "isGrossWgtEstimated",
    "cifvalue", "fobvalue", "primaryValue", "legacyEstimationFlag", "isReported", "isAggregate",
)  # fmt: skip

#: The 34 columns of a bulk final file.
BULK_FIELDS: tuple[str, ...] = (
    "datasetCode", "typeCode", "freqCode", "refPeriodId", "refYear", "refMonth", "period",
    "reporterCode", "flowCode", "partnerCode", "partner2Code", "classificationSearchCode",
    "classificationCode", "isOriginalClassification", "cmdCode", "customsCode", "mosCode",
    "motCode", "qtyUnitCode", "qty", "isQtyEstimated", "altQtyUnitCode", "altQty",
    "isAltQtyEstimated", "netWgt", "isNetWgtEstimated", "grossWgt", "isGrossWgtEstimated",
    "CIFValue", "FOBValue", "primaryValue", "legacyEstimationFlag", "isReported", "isAggregate",
)  # fmt: skip

#: Legacy API CSV headings, older 22-column variant.
LEGACY_CSV_22: tuple[str, ...] = (
    "Classification", "Year", "Period", "Period Desc.", "Aggregate Level", "Is Leaf Code",
    "Trade Flow Code", "Trade Flow", "Reporter Code", "Reporter", "Reporter ISO", "Partner Code",
    "Partner", "Partner ISO", "Commodity Code", "Commodity", "Qty Unit Code", "Qty Unit", "Qty",
    "Netweight (kg)", "Trade Value (US$)", "Flag",
)  # fmt: skip

#: Legacy API CSV headings, later 35-column variant.
LEGACY_CSV_35: tuple[str, ...] = (
    "Classification", "Year", "Period", "Period Desc.", "Aggregate Level", "Is Leaf Code",
    "Trade Flow Code", "Trade Flow", "Reporter Code", "Reporter", "Reporter ISO", "Partner Code",
    "Partner", "Partner ISO", "2nd Partner Code", "2nd Partner", "2nd Partner ISO",
    "Customs Proc. Code", "Customs", "Mode of Transport Code", "Mode of Transport",
    "Commodity Code", "Commodity", "Qty Unit Code", "Qty Unit", "Qty", "Alt Qty Unit Code",
    "Alt Qty Unit", "Alt Qty", "Netweight (kg)", "Gross weight (kg)", "Trade Value (US$)",
    "CIF Trade Value (US$)", "FOB Trade Value (US$)", "Flag",
)  # fmt: skip

_LEGACY_CSV_TO_API = {
    "Classification": "classificationCode", "Year": "refYear", "Period": "period",
    "Aggregate Level": "aggrLevel", "Is Leaf Code": "isLeaf", "Trade Flow Code": "flowCode",
    "Trade Flow": "flowDesc", "Reporter Code": "reporterCode", "Reporter": "reporterDesc",
    "Reporter ISO": "reporterISO", "Partner Code": "partnerCode", "Partner": "partnerDesc",
    "Partner ISO": "partnerISO", "2nd Partner Code": "partner2Code", "2nd Partner": "partner2Desc",
    "2nd Partner ISO": "partner2ISO", "Customs Proc. Code": "customsCode",
    "Customs": "customsDesc", "Mode of Transport Code": "motCode",
    "Mode of Transport": "motDesc", "Commodity Code": "cmdCode", "Commodity": "cmdDesc",
    "Trade Value (US$)": "primaryValue", "CIF Trade Value (US$)": "cifvalue",
    "FOB Trade Value (US$)": "fobvalue", "Flag": "legacyEstimationFlag",
}  # fmt: skip

_LEGACY_JSON_TO_API = {
    "pfCode": "classificationCode", "yr": "refYear", "period": "period", "aggrLevel": "aggrLevel",
    "IsLeaf": "isLeaf", "rgCode": "flowCode", "rgDesc": "flowDesc", "rtCode": "reporterCode",
    "rtTitle": "reporterDesc", "rt3ISO": "reporterISO", "ptCode": "partnerCode",
    "ptTitle": "partnerDesc", "pt3ISO": "partnerISO", "ptCode2": "partner2Code",
    "ptTitle2": "partner2Desc", "pt3ISO2": "partner2ISO", "cstCode": "customsCode",
    "cstDesc": "customsDesc", "motCode": "motCode", "motDesc": "motDesc", "cmdCode": "cmdCode",
    "cmdDescE": "cmdDesc", "TradeValue": "primaryValue", "CIFValue": "cifvalue",
    "FOBValue": "fobvalue", "estCode": "legacyEstimationFlag",
}  # fmt: skip

#: Legacy "Trade Flow Code" -> current flow code.
LEGACY_FLOW = {"1": "M", "2": "X", "3": "RX", "4": "RM"}

#: Comtrade area codes in ``reporterISO``/``partnerISO`` that are not three characters (seen in
#: the real 2021 extract) -> user-assigned ISO 3166 codes (range XAA-XZZ) so that the canonical
#: table stays ISO3-shaped. The original code is kept in ``note``.
SPECIAL_ISO = {"_X": "XNS", "X1": "XBK", "X2": "XFZ", "XX": "XSC", "WLD": "W00"}

#: Comtrade numeric codes whose ISO3 is not the ISO 3166 numeric one (Comtrade-specific codes,
#: areas "nes" and World), read from the real 2021 extract (code -> reporterISO/partnerISO).
COMTRADE_CODES = {
    0: "W00", 80: "ATB", 251: "FRA", 579: "NOR", 699: "IND", 757: "CHE", 842: "USA",
    473: "A79", 490: "S19", 527: "O19", 568: "E19", 577: "F19", 637: "A59",
    837: "XBK", 838: "XFZ", 839: "XSC", 899: "XNS",
}  # fmt: skip

FLOWS_KEPT = ("X", "M", "RX", "RM")
#: Comtrade flow codes that are components of X/M (dropped with a warning).
FLOWS_DROPPED = ("DX", "FM", "MIP", "MOP", "XIP", "XOP")
_FLOW_DESC = {
    "export": "X", "import": "M", "re-export": "RX", "re-import": "RM", "reexport": "RX",
    "reimport": "RM", "re-exports": "RX", "re-imports": "RM", "exports": "X", "imports": "M",
}  # fmt: skip
_ISO_RE = re.compile(r"^[A-Z][A-Z0-9]{2}$")


# --------------------------------------------------------------------------- countries


@functools.lru_cache(maxsize=4096)
def comtrade_code_to_iso3(code: int | str) -> str:
    """ISO3 (or Comtrade area code) for a Comtrade reporter/partner numeric code.

    Comtrade-specific codes (:data:`COMTRADE_CODES`, e.g. 842 USA, 0 World) first, then
    :func:`tradecheck.countries.to_iso3` with ``scheme="m49"``.

    Raises
    ------
    UnknownCountryError
        If the code is not a known country or area.

    Examples
    --------
    >>> comtrade_code_to_iso3(112), comtrade_code_to_iso3("156"), comtrade_code_to_iso3(0)
    ('BLR', 'CHN', 'W00')
    """
    text = str(code).strip()
    text = text.removesuffix(".0")
    if not text.isdigit():
        raise UnknownCountryError(f"not a numeric Comtrade country code: {code!r}")
    num = int(text)
    if num in COMTRADE_CODES:
        return COMTRADE_CODES[num]
    return str(to_iso3(num, scheme="m49"))


_KNOWN_AREAS = frozenset(COMTRADE_CODES.values())


def _iso_from_column(value: str) -> str | None:
    """ISO3 from a reporterISO/partnerISO cell, or None when empty or not a known code."""
    v = value.strip().upper()
    if not v:
        return None
    v = SPECIAL_ISO.get(v, v)
    if not _ISO_RE.match(v):
        return None
    if v in _KNOWN_AREAS or is_known(v, scheme="iso3"):
        return v
    return None


# --------------------------------------------------------------------------- helpers


def _as_text(s: pd.Series) -> pd.Series:
    """Cells as stripped strings; missing -> ""; integral floats without ``.0``."""

    def one(v: Any) -> str:
        if v is None or v is pd.NA:
            return ""
        if isinstance(v, float):
            if np.isnan(v):
                return ""
            return str(int(v)) if v.is_integer() else repr(v)
        if isinstance(v, bool):
            return "true" if v else "false"
        t = str(v).strip()
        return "" if t.lower() in ("nan", "none", "null") else t

    # Convert each distinct value once (bulk columns repeat a few codes over many rows).
    codes, uniques = pd.factorize(s, use_na_sentinel=True)
    table = np.array([one(v) for v in uniques] + [""], dtype=object)
    return pd.Series(table[codes], index=s.index, dtype=object)


def _per_distinct(keys: list[pd.Series], fn: Any, fail_at: Any) -> list[np.ndarray]:
    """Apply ``fn(*key)`` once per distinct key tuple (in order of first appearance) and
    spread the results back; on ``ValueError(column, msg)`` call ``fail_at(row, column, msg)``
    with the first row holding that key (which is also the first failing row)."""
    joined = keys[0].astype(str)
    for k in keys[1:]:
        joined = joined + "\x1f" + k.astype(str)
    codes, uniques = pd.factorize(joined)
    first_rows = pd.Series(np.arange(len(codes))).groupby(codes).min().to_numpy()
    results = []
    for j, u in enumerate(uniques):
        try:
            results.append(fn(*u.split("\x1f")))
        except ValueError as exc:
            column, msg = exc.args if len(exc.args) == 2 else ("period", str(exc))
            raise fail_at(int(first_rows[j]), column, msg) from None
    width = len(results[0]) if results and isinstance(results[0], tuple) else 1
    out = []
    for w in range(width):
        col = np.array([r[w] if width > 1 else r for r in results], dtype=object)
        out.append(col[codes])
    return out


def _join_notes(parts: list[np.ndarray], n: int) -> np.ndarray:
    """Per-row notes of ``n`` rows: the non-empty parts of each row joined by ``"; "``."""
    acc = np.full(n, "", dtype=object)
    for p in parts:
        both = (acc != "") & (p != "")
        acc = np.where(both, acc + "; " + p, acc + p)
    return acc


class _Cols:
    """Case-insensitive access to a frame's columns, as text."""

    def __init__(self, df: pd.DataFrame) -> None:
        self.df = df
        self.by_lower = {str(c).lower(): c for c in df.columns}
        self._cache: dict[str, pd.Series | None] = {}

    def has(self, name: str) -> bool:
        return name.lower() in self.by_lower

    def text(self, name: str) -> pd.Series | None:
        key = name.lower()
        if key not in self._cache:
            col = self.by_lower.get(key)
            self._cache[key] = None if col is None else _as_text(self.df[col])
        return self._cache[key]

    def text_or_blank(self, name: str) -> pd.Series:
        """Like :meth:`text`, with an absent column read as empty cells."""
        s = self.text(name)
        return pd.Series([""] * len(self.df), dtype=object) if s is None else s


def _first_bad(mask: np.ndarray | pd.Series) -> int:
    """Position of the first True in ``mask`` (the row an error names)."""
    return int(np.flatnonzero(np.asarray(mask))[0])


def _month_of_period(period: str, freq: str) -> tuple[str, str | None]:
    """Year and month (None for a year) of a ``period`` cell, ``YYYY`` or ``YYYYMM`` (dashes
    ignored), which must agree with ``freq`` (``A``/``M``, upper case)."""
    p = period.replace("-", "")
    if re.fullmatch(r"\d{4}", p):
        if freq == "M":
            raise ValueError("period", f"annual period {period!r} in a monthly (M) record")
        return p, None
    if re.fullmatch(r"\d{6}", p):
        if freq == "A":
            raise ValueError("period", f"monthly period {period!r} in an annual (A) record")
        return p[:4], p[4:]
    raise ValueError("period", f"expected YYYY or YYYYMM, got {period!r}")


def _month_of_ref(
    refid: str, year: str, month: str, annual: bool, monthly: bool
) -> tuple[str, str | None]:
    """Year and month (None for a year, ``"?"`` when the record does not say which) from
    ``refPeriodId`` (``YYYYMMDD``), else from ``refYear`` and ``refMonth``."""
    if refid:
        if not re.fullmatch(r"\d{6}(\d{2})?", refid):
            raise ValueError("refPeriodId", f"expected YYYYMMDD, got {refid!r}")
        return refid[:4], None if annual else refid[4:6] if monthly else "?"
    if not re.fullmatch(r"\d{4}", year):
        raise ValueError("refYear", f"expected a year YYYY, got {year!r}")
    if monthly and not annual and not (month.isdigit() and 1 <= int(month) <= 12):
        raise ValueError("refMonth", f"expected a month 1-12 in a monthly record, got {month!r}")
    return year, None if annual else f"{int(month):02d}" if monthly else "?"


def _period_of(period: str, freq: str, month: str, refid: str, year: str) -> tuple[str, str]:
    """First and last month (``YYYY-MM``) of one Comtrade record.

    From ``period``, else ``refPeriodId``, else ``refYear``; ``freqCode`` ``A`` or ``refMonth``
    52 mean a year, ``M`` or a ``refMonth`` 1-12 a month. Raises ``ValueError(column,
    message)`` for a contradiction, a malformed cell or a record that does not say which.
    """
    freq = freq.upper()
    annual = freq == "A" or month == "52"
    monthly = freq == "M" or (month.isdigit() and 1 <= int(month) <= 12)
    if annual and monthly:
        raise ValueError("refMonth", f"freqCode {freq!r} contradicts refMonth {month!r}")
    if period:
        y, m = _month_of_period(period, freq)
    elif refid or year:
        y, m = _month_of_ref(refid, year, month, annual, monthly)
    else:
        raise ValueError("period", "no period: expected period, refPeriodId or refYear")
    if m == "?":
        raise ValueError(
            "freqCode", "cannot tell annual from monthly: expected freqCode (A/M) or refMonth"
        )
    if m is None:
        return f"{y}-01", f"{y}-12"
    if not 1 <= int(m) <= 12:
        column = "period" if period else "refPeriodId"
        raise ValueError(column, f"month out of range in {period or refid!r}: expected 01-12")
    return f"{y}-{m}", f"{y}-{m}"


def _valuation(scope: np.ndarray, is_imp: np.ndarray) -> np.ndarray:
    """FOB for goods exports, CIF for goods imports; ``unknown`` for services (EBOPS rows:
    FOB/CIF are terms of goods valuation and say nothing about a service)."""
    goods = np.where(is_imp, "CIF", "FOB")
    return np.where(np.asarray(scope) == "services", "unknown", goods).astype(object)


# --------------------------------------------------------------------------- normalise: steps


@dataclass(frozen=True, eq=False)
class _Where:
    """Where the rows of one :func:`normalise_records` call came from, and how to fail.

    ``lines`` holds the line (or record) number of each row still in play; ``ref`` is the word
    used in ``source_ref`` and in messages (``"line"`` or ``"record"``).
    """

    path: Path
    lines: np.ndarray
    ref: str = "line"

    def fail(self, i: int, column: str, msg: str) -> LoadError:
        """The :class:`LoadError` for row ``i`` (0-based in the current rows), column ``column``."""
        if self.ref == "line":
            return LoadError(self.path, msg, row=int(self.lines[i]), column=column)
        return LoadError(self.path, f"{self.ref} {int(self.lines[i])}: {msg}", column=column)

    def rows(self, idx: np.ndarray) -> _Where:
        """The same context for the rows ``idx`` only (after dropped rows are removed)."""
        return replace(self, lines=self.lines[idx])


#: Each need of :func:`normalise_records`: any one of these columns (case-insensitive).
_NEEDED: tuple[tuple[str, ...], ...] = (
    ("flowCode", "flowDesc"),
    ("reporterISO", "reporterCode"),
    ("partnerISO", "partnerCode"),
    ("primaryValue", "cifvalue", "fobvalue"),
    ("period", "refPeriodId", "refYear"),
)

#: The double-count rules: column, values that mean "total", reason a breakdown row is dropped.
_BREAKDOWNS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("customsCode", ("C00",), "customs-procedure breakdown (customsCode other than C00)"),
    ("motCode", ("0",), "mode-of-transport breakdown (motCode other than 0)"),
    ("partner2Code", ("0",), "second-partner breakdown (partner2Code other than 0)"),
)


def _check_columns(cols: _Cols, path: Path, header_row: int | None) -> None:
    """Raise a :class:`LoadError` for the first need in :data:`_NEEDED` no column meets.

    The message lists the columns found; ``header_row`` is the row named in it (1 for a CSV
    read from its first line, None when the rows did not come with a header line).
    """
    for names in _NEEDED:
        if not any(cols.has(nm) for nm in names):
            found = ", ".join(map(str, cols.df.columns))
            raise LoadError(
                path,
                f"missing Comtrade column: expected {' or '.join(names)} (columns found: {found})",
                row=header_row,
                column=names[0],
            )


def _breakdown_rows(cols: _Cols) -> tuple[np.ndarray, Counter[str]]:
    """Rows to keep under the double-count rules (:data:`_BREAKDOWNS`), and drops by reason.

    A breakdown column that is absent, or an empty cell, counts as "total"; each dropped row is
    counted once, under the first rule that drops it.
    """
    keep = np.ones(len(cols.df), dtype=bool)
    dropped: Counter[str] = Counter()
    for name, ok, what in _BREAKDOWNS:
        s = cols.text(name)
        if s is None:
            continue
        bad = keep & ~(s.str.upper().isin(ok) | (s == "")).to_numpy()
        if bad.any():
            dropped[what] += int(bad.sum())
            keep &= ~bad
    return keep, dropped


def _flow_codes(cols: _Cols, keep: np.ndarray, where: _Where) -> tuple[pd.Series, str]:
    """Each row's flow code (``X``, ``M``, ``RX`` ...) and the column it was read from.

    ``flowCode`` wins (legacy ``1``-``4`` mapped by :data:`LEGACY_FLOW`; an empty cell falls back
    to ``flowDesc``). With ``flowDesc`` alone, a kept row whose description is not one of
    :data:`_FLOW_DESC` is a :class:`LoadError`; unchecked codes are checked by
    :func:`_drop_flows`.
    """
    if cols.has("flowCode"):
        flow = cols.text("flowCode").str.upper()  # type: ignore[union-attr]
        flow = flow.map(lambda f: LEGACY_FLOW.get(f, f))
        if cols.has("flowDesc"):
            desc = cols.text("flowDesc").str.lower().map(_FLOW_DESC)  # type: ignore[union-attr]
            flow = flow.where(flow != "", desc.fillna(""))
        return flow, "flowCode"
    raw = cols.text("flowDesc")
    assert raw is not None
    flow = raw.str.lower().map(_FLOW_DESC)
    unknown = flow.isna() & keep
    if unknown.any():
        i = _first_bad(unknown)
        raise where.fail(
            i,
            "flowDesc",
            f"unknown flow {raw.iloc[i]!r}: expected Export, Import, Re-export or Re-import",
        )
    return flow.fillna(""), "flowDesc"


def _drop_flows(
    flow: pd.Series, keep: np.ndarray, dropped: Counter[str], column: str, where: _Where
) -> np.ndarray:
    """``keep`` without the rows of component flows (:data:`FLOWS_DROPPED`), counted in
    ``dropped`` by code; a kept row whose flow is not in :data:`FLOWS_KEPT` either is a
    :class:`LoadError` naming ``column``."""
    other = keep & flow.isin(FLOWS_DROPPED).to_numpy()
    for code, cnt in Counter(flow[other]).items():
        dropped[f"flow {code} (a part of X/M, not an equivalent)"] += cnt
    keep = keep & ~other
    badflow = keep & ~flow.isin(FLOWS_KEPT).to_numpy()
    if badflow.any():
        i = _first_bad(badflow)
        raise where.fail(
            i,
            column,
            f"unknown flow {flow.iloc[i]!r}: expected one of "
            f"{', '.join(FLOWS_KEPT + FLOWS_DROPPED)}",
        )
    return keep


def _periods(cols: _Cols, where: _Where) -> tuple[np.ndarray, np.ndarray]:
    """First and last month (``YYYY-MM``) of each row, by :func:`_period_of` on the period
    columns (each distinct combination read once; the first bad row is the error's row)."""
    names = ("period", "freqCode", "refMonth", "refPeriodId", "refYear")
    starts, ends = _per_distinct([cols.text_or_blank(n) for n in names], _period_of, where.fail)
    return starts, ends


def _resolve_country(side: str, iso: str, code: str) -> str:
    """ISO3 for one ``{side}ISO``/``{side}Code`` pair: the ISO cell when it is a known code,
    else the numeric code; ``ValueError(column, message)`` when neither says a country."""
    got = _iso_from_column(iso)
    if got is None and code:
        try:
            got = comtrade_code_to_iso3(code)
        except UnknownCountryError as exc:
            raise ValueError(
                f"{side}Code", f"{exc}; expected a Comtrade/M49 country code"
            ) from None
    if got is None:
        raise ValueError(
            f"{side}ISO" if iso else f"{side}Code",
            f"unknown country {iso or code!r}; "
            "expected an ISO3 code or a Comtrade/M49 country code",
        )
    return got


def _countries(cols: _Cols, side: str, where: _Where) -> tuple[np.ndarray, np.ndarray | None]:
    """ISO3 of each row's ``side`` (``"reporter"`` or ``"partner"``), and a note per row where
    a Comtrade area code (:data:`SPECIAL_ISO`, except ``WLD``) was mapped (None if none was)."""
    iso, code = cols.text_or_blank(f"{side}ISO"), cols.text_or_blank(f"{side}Code")
    (got,) = _per_distinct([iso, code], functools.partial(_resolve_country, side), where.fail)
    special = np.isin(iso.str.upper().to_numpy(), [k for k in SPECIAL_ISO if k != "WLD"])
    if not special.any():
        return got, None
    note = "Comtrade " + side + " " + iso.to_numpy() + " mapped to " + got
    return got, np.where(special, note, "")


def _numbers(cols: _Cols, name: str, where: _Where) -> pd.Series:
    """Column ``name`` as numbers (NaN where empty or absent); a cell that is not a number is a
    :class:`LoadError`."""
    t = cols.text_or_blank(name)
    v = pd.to_numeric(t.where(t != "", None), errors="coerce")
    unreadable = (t != "") & v.isna()
    if unreadable.any():
        i = _first_bad(unreadable)
        raise where.fail(i, name, f"expected a number (US$), got {t.iloc[i]!r}")
    return v


def _values(cols: _Cols, is_imp: pd.Series, where: _Where) -> pd.Series:
    """Value in US$ of each row: ``primaryValue``, else ``cifvalue`` for imports and
    ``fobvalue`` for exports; an empty or negative value is a :class:`LoadError`."""
    pval, cval, fval = (_numbers(cols, n, where) for n in ("primaryValue", "cifvalue", "fobvalue"))
    value = pval.where(pval.notna(), cval.where(is_imp, fval))
    if value.isna().any():
        i = _first_bad(value.isna())
        fallback = "cifvalue" if is_imp.iloc[i] else "fobvalue"
        col = "primaryValue" if cols.has("primaryValue") else fallback
        raise where.fail(i, col, "empty cell where a value in US$ was expected")
    if (value < 0).any():
        i = _first_bad(value < 0)
        raise where.fail(i, "primaryValue", f"expected a non-negative value, got {value.iloc[i]!r}")
    return value


def _commodity(
    cols: _Cols, key: dict[str, Any], where: _Where
) -> tuple[pd.Series, np.ndarray | None]:
    """Commodity code of each row (``"TOTAL"`` or an HS/SITC code), and a note when assumed.

    From ``cmdCode`` (an empty code is an error); else ``cmdDesc``/``aggrLevel`` must say
    "All Commodities" on every row; with no commodity column at all every row is taken as TOTAL
    (noted), which is an error as soon as two rows share ``key`` (reporter, partner, flow,
    period) because they must then be different commodities.
    """
    m = len(cols.df)
    if cols.has("cmdCode"):
        commodity = cols.text_or_blank("cmdCode")
        commodity = commodity.where(commodity.str.upper() != "TOTAL", "TOTAL")
        if (commodity == "").any():
            i = _first_bad(commodity == "")
            raise where.fail(
                i, "cmdCode", "empty commodity code: expected TOTAL or an HS/SITC code"
            )
        return commodity, None
    total = pd.Series(["TOTAL"] * m, dtype=object)
    if cols.has("cmdDesc") or cols.has("aggrLevel"):
        desc, lvl = cols.text_or_blank("cmdDesc"), cols.text_or_blank("aggrLevel")
        is_total = (desc.str.lower() == "all commodities") | (lvl == "0")
        if not is_total.all():
            i = _first_bad(~is_total)
            raise where.fail(
                i,
                "cmdDesc",
                f"no cmdCode column, and {desc.iloc[i]!r} is not "
                "'All Commodities': expected a cmdCode column to tell commodities apart",
            )
        return total, None
    dup = pd.DataFrame(key).duplicated(keep=False)
    if dup.any():
        i = _first_bad(dup)
        raise where.fail(
            i,
            "cmdCode",
            "several rows for one reporter/partner/flow/period and no "
            "cmdCode or cmdDesc column: expected a commodity column",
        )
    return total, np.full(m, "no commodity column; assumed TOTAL", dtype=object)


def _classification(cols: _Cols, commodity: pd.Series) -> pd.Series:
    """``classificationCode``, else ``classificationSearchCode``, else ``TOTAL`` for the total
    and ``HS`` for a commodity code."""
    cl = cols.text_or_blank("classificationCode")
    cl = cl.where(cl != "", cols.text_or_blank("classificationSearchCode"))
    default = pd.Series(np.where(commodity == "TOTAL", "TOTAL", "HS"), dtype=object)
    return cl.where(cl != "", default)


def _flag_notes(cols: _Cols) -> list[np.ndarray]:
    """Per-row notes for ``isReported`` false and a non-zero ``legacyEstimationFlag``."""
    rep = cols.text_or_blank("isReported").str.lower()
    est = cols.text_or_blank("legacyEstimationFlag")
    return [
        np.where(rep.isin(["false", "0"]), "isReported=false", "").astype(object),
        np.where(~est.isin(["", "0"]), "legacyEstimationFlag=" + est, "").astype(object),
    ]


def _canonical(
    cols: _Cols, where: _Where, vintage: str | None, parts: dict[str, Any], notes: list[np.ndarray]
) -> pd.DataFrame:
    """The canonical frame from the resolved columns in ``parts`` (reporter, partner, flow,
    period_start, period_end, commodity, value, classification) and the per-row ``notes``;
    scope and valuation follow from ``typeCode`` and the flow."""
    scope = np.where(cols.text_or_blank("typeCode").str.upper() == "S", "services", "goods")
    is_imp = pd.Series(parts["flow"]).isin(["M", "RM"]).to_numpy()
    out = pd.DataFrame(
        {
            "reporter": parts["reporter"],
            "partner": parts["partner"],
            "flow": parts["flow"],
            "period_start": parts["period_start"],
            "period_end": parts["period_end"],
            "commodity": parts["commodity"],
            "value": parts["value"],
            "currency": "USD",
            "valuation": _valuation(scope, is_imp),
            "source": "comtrade",
            "source_file": display_path(where.path),
            "source_ref": np.char.add(f"{where.ref} ", where.lines.astype(str)).astype(object),
            "vintage": vintage or file_vintage(where.path),
            "classification": parts["classification"],
            "scope": scope,
            "bound": "eq",
            "estimate": False,
            "note": _join_notes(notes, len(cols.df)),
        }
    )
    return schema.make_frame(out)


# --------------------------------------------------------------------------- normalise


def normalise_records(
    df: pd.DataFrame,
    path: str | Path,
    *,
    vintage: str | None = None,
    start_line: int = 2,
    ref: str = "line",
    warn: bool = True,
) -> pd.DataFrame:
    """Turn Comtrade records (any variant, any sufficient column subset) into canonical rows.

    Parameters
    ----------
    df
        One row per Comtrade record, columns named as in the API (case-insensitive; the bulk
        names ``CIFValue``/``FOBValue`` are accepted). Needed: a period (``period``, or
        ``refPeriodId``/``refYear`` with ``freqCode`` or ``refMonth``), reporter and partner
        (``*ISO`` or ``*Code``), flow (``flowCode`` or ``flowDesc``) and a value
        (``primaryValue``, or ``cifvalue``/``fobvalue``).
    path
        The file the records came from (for ``source_file`` and error messages).
    vintage
        Release or retrieval date; default :func:`~tradecheck.loaders.base.file_vintage`.
    start_line
        Line (or record) number of ``df``'s first row in the file: 2 for a CSV with one header
        line; a streaming reader passes the line of each chunk's first row.
    ref
        Word used in ``source_ref`` (``"line"`` for text files, ``"record"`` for JSON).
    warn
        Also emit a :class:`~tradecheck.loaders.base.LoadWarning` for dropped breakdown rows
        and flows (they are recorded in the active load report either way).

    Returns
    -------
    pandas.DataFrame
        Canonical rows (not yet validated), in the input order minus the dropped rows.

    Raises
    ------
    LoadError
        Naming the file, the line and the column, for a missing column, an unparseable value,
        an unknown country code or flow, or a negative value.

    Examples
    --------
    >>> rec = {"freqCode": "A", "period": "2021", "reporterISO": "BLR", "partnerISO": "CHN",
    ...        "flowDesc": "Export", "cmdDesc": "All Commodities", "primaryValue": "556100100"}
    >>> out = normalise_records(pd.DataFrame([rec]), "x.csv", vintage="2026-11-29")
    >>> out.loc[0, ["reporter", "partner", "flow", "period_start", "period_end"]].tolist()
    ['BLR', 'CHN', 'X', '2021-01', '2021-12']
    >>> float(out.loc[0, "value"])
    556100100.0
    """
    path = Path(path)
    if df is None or len(df) == 0:
        return schema.empty_frame()
    df = df.reset_index(drop=True)
    cols = _Cols(df)
    _check_columns(cols, path, header_row=1 if ref == "line" and start_line == 2 else None)
    where = _Where(path, np.arange(start_line, start_line + len(df)), ref)
    keep, dropped = _breakdown_rows(cols)
    flow, flow_column = _flow_codes(cols, keep, where)
    keep = _drop_flows(flow, keep, dropped, flow_column, where)
    report.drop_counts(path, dropped, warn=warn)
    idx = np.flatnonzero(keep)
    if len(idx) == 0:
        return schema.empty_frame()
    cols, where = _Cols(df.iloc[idx].reset_index(drop=True)), where.rows(idx)
    flow = flow.iloc[idx].reset_index(drop=True)
    starts, ends = _periods(cols, where)
    reporters, reporter_note = _countries(cols, "reporter", where)
    partners, partner_note = _countries(cols, "partner", where)
    value = _values(cols, flow.isin(["M", "RM"]), where)
    key = {"r": reporters, "p": partners, "f": flow, "s": starts, "e": ends}
    commodity, commodity_note = _commodity(cols, key, where)
    parts = {
        "reporter": reporters,
        "partner": partners,
        "flow": flow.to_numpy(),
        "period_start": starts,
        "period_end": ends,
        "commodity": commodity.to_numpy(),
        "value": value.to_numpy(dtype="float64"),
        "classification": _classification(cols, commodity).to_numpy(),
    }
    notes = [reporter_note, partner_note, commodity_note, *_flag_notes(cols)]
    return _canonical(cols, where, vintage, parts, [n for n in notes if n is not None])


# --------------------------------------------------------------------------- readers


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise LoadError(path, "no such file")
    data = path.read_bytes()
    if not data.strip():
        raise LoadError(path, "the file is empty: expected Comtrade data")
    return data


def _read_json(path: Path, expected: str) -> Any:
    """Read and parse a JSON file; malformed JSON is a :class:`LoadError` at its line that
    says the file was ``expected`` to be e.g. ``"a complete Comtrade API response"``."""
    text, _enc = decode_text(path, _read_bytes(path))
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise LoadError(
            path,
            f"malformed or truncated JSON ({exc.msg}: line {exc.lineno}, char {exc.colno}); "
            f"expected {expected}",
            row=exc.lineno,
        ) from None


def trailing_delimiter(path: Path, text: str, sep: str) -> bool:
    """True when every data row has one field more than the header and that field is empty
    (a comtradeplus website download: each row ends with a delimiter, the header does not).

    Raises
    ------
    LoadError
        If only some rows have the extra field, or it is not empty: the columns cannot be
        told apart then.

    Examples
    --------
    >>> trailing_delimiter(Path("x.csv"), "a,b\\n1,2,\\n3,4,\\n", ",")
    True
    >>> trailing_delimiter(Path("x.csv"), "a,b\\n1,2\\n", ",")
    False
    """
    if sep == "\t":
        rows: Iterator[list[str]] = (ln.split("\t") for ln in text.splitlines())
    else:
        rows = csv.reader(io.StringIO(text), delimiter=sep)
    width = len(next(rows, []))
    extra: bool | None = None
    for line, cells in enumerate(rows, start=2):
        if not cells or cells == [""]:
            continue
        has = len(cells) == width + 1 and cells[-1].strip() == ""
        if extra is None:
            extra = has
        if has != extra and (extra or len(cells) > width):
            raise LoadError(
                path,
                f"{len(cells)} fields where the header has {width}"
                + (" (the rows above end with an extra delimiter)" if extra else "")
                + f"; expected {width + 1 if extra else width} fields on every line",
                row=line,
            )
    return bool(extra)


def _read_table(path: Path, text: str, sep: str | None = None) -> pd.DataFrame:
    if sep is None:
        sep = _separator(text.split("\n", 1)[0])
    trailing = trailing_delimiter(path, text, sep)
    try:
        with warnings.catch_warnings():
            # every row was checked to end with one empty extra field: pandas' warning that
            # index_col=False drops it is expected
            warnings.simplefilter("ignore", pd.errors.ParserWarning)
            df = pd.read_csv(
                io.StringIO(text),
                sep=sep,
                dtype=str,
                keep_default_na=False,
                na_filter=False,
                index_col=False if trailing else None,
            )
    except pd.errors.EmptyDataError:
        raise LoadError(path, "the file is empty: expected a header line and rows") from None
    except pd.errors.ParserError as exc:
        found = re.search(r"line (\d+)", str(exc))
        row = int(found.group(1)) if found else None
        raise LoadError(
            path,
            f"malformed table ({exc}); expected the same number of fields on every line",
            row=row,
        ) from None
    # A short last line (file cut mid-row) leaves NaN in the trailing columns.
    if len(df) and df.iloc[-1].isna().any():
        col = str(df.columns[df.iloc[-1].isna().to_numpy()][0])
        raise LoadError(
            path,
            "the last line has too few fields (file truncated?); expected "
            f"{len(df.columns)} fields",
            row=len(df) + 1,
            column=col,
        )
    return df


def _header_names(head: bytes) -> list[str]:
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = head.decode("latin-1")
    first = text.lstrip("\ufeff").split("\n", 1)[0].strip("\r")
    return [h.strip().strip('"') for h in first.split(_separator(first))]


def _separator(header: str) -> str:
    """Tab, semicolon (a CSV re-saved by a European-locale spreadsheet) or comma."""
    return sniff_delimiter(header, lines=1)


def _json_head(head: bytes) -> str:
    try:
        return head.decode("utf-8-sig").lstrip()
    except UnicodeDecodeError:
        return ""


def _sniff_api_json(path: Path, head: bytes) -> float:
    t = _json_head(head)
    if not t.startswith("{"):
        return 0.0
    if '"elapsedTime"' in t or ('"count"' in t and '"data"' in t and '"error"' in t):
        return 0.95
    if '"statusCode"' in t and ("subscription key" in t or "Rate limit" in t):
        return 0.8
    return 0.0


def _sniff_legacy_json(path: Path, head: bytes) -> float:
    t = _json_head(head)
    return 0.95 if t.startswith("{") and '"validation"' in t and '"dataset"' in t else 0.0


def _sniff_csv(path: Path, head: bytes) -> float:
    if head[:2] == b"\x1f\x8b":
        return 0.0
    names = {h.lower() for h in _header_names(head)}
    if "datasetcode" in names or ("cifvalue" in names and "CIFValue" in _header_names(head)):
        return 0.0  # bulk layout
    who = bool(names & {"reporteriso", "reportercode"})
    what = bool(names & {"primaryvalue", "cifvalue", "fobvalue"})
    how = bool(names & {"flowcode", "flowdesc"})
    if who and what and how:
        return 0.9
    if what and (who or how):
        return 0.5
    return 0.0


def _sniff_bulk(path: Path, head: bytes) -> float:
    names = _header_names(head)
    if "datasetCode" in names or ("CIFValue" in names and "FOBValue" in names):
        return 0.95
    return 0.0


def r_name(heading: str) -> str:
    """A heading as R's ``read.csv`` rewrites it (``make.names``): every character other than
    a letter, digit, ``.`` or ``_`` becomes ``.``, and a leading digit gets an ``X``.

    Examples
    --------
    >>> r_name("Trade Value (US$)"), r_name("2nd Partner Code")
    ('Trade.Value..US..', 'X2nd.Partner.Code')
    """
    out = re.sub(r"[^A-Za-z0-9._]", ".", heading)
    return "X" + out if out[:1].isdigit() else out


#: R-rewritten legacy headings -> the original ones (a legacy CSV read and re-saved by R).
_LEGACY_FROM_R = {r_name(h): h for h in LEGACY_CSV_35 + LEGACY_CSV_22}


def _sniff_legacy_csv(path: Path, head: bytes) -> float:
    names = _header_names(head)
    if names[:3] != ["Classification", "Year", "Period"]:
        return 0.0
    return 0.95 if "Trade Flow Code" in names or "Trade.Flow.Code" in names else 0.0


@register(
    "comtrade_json",
    source="comtrade",
    sniff=_sniff_api_json,
    description="UN Comtrade API response (JSON envelope elapsedTime/count/data/error)",
    extensions=(".json",),
)
def load_api_json(path: str | Path, *, vintage: str | None = None, **_: Any) -> pd.DataFrame:
    """Load a saved UN Comtrade API response.

    Parameters
    ----------
    path
        The ``.json`` file as the API returned it.
    vintage
        Override the vintage (default: sidecar or file date).

    Returns
    -------
    pandas.DataFrame
        Canonical rows; an empty frame for ``count == 0``.

    Raises
    ------
    LoadError
        Malformed or truncated JSON, a non-empty ``error``, or an HTTP error body (401 bad key,
        429 rate limit) saved instead of data.

    Examples
    --------
    >>> df = load_api_json("tests/fixtures/comtrade/api_response_real_empty.json")  # doctest: +SKIP
    """
    path = Path(path)
    doc = _read_json(path, "a complete Comtrade API response")
    if not isinstance(doc, dict):
        raise LoadError(path, "expected a JSON object with elapsedTime, count, data, error")
    if "statusCode" in doc and "data" not in doc:
        raise LoadError(
            path,
            f"this is an HTTP {doc.get('statusCode')} error body from the Comtrade API, not data "
            f"({doc.get('message', '')!s}); expected the envelope with count and data",
        )
    missing = [k for k in ("count", "data") if k not in doc]
    if missing:
        raise LoadError(
            path,
            f"not a Comtrade API envelope: missing key(s) {', '.join(missing)}",
            column=missing[0],
        )
    err = doc.get("error")
    if err:
        raise LoadError(path, f"the Comtrade API returned an error: {err}", column="error")
    data = doc["data"]
    if not isinstance(data, list):
        raise LoadError(path, "expected 'data' to be a list of records", column="data")
    if len(data) == 0:
        return schema.empty_frame()
    bad = next((i for i, r in enumerate(data) if not isinstance(r, dict)), None)
    if bad is not None:
        raise LoadError(path, f"record {bad + 1}: expected a JSON object", column="data")
    if isinstance(doc["count"], int) and doc["count"] > len(data):
        report.announced(path, announced=doc["count"], held=len(data))
    df = pd.DataFrame.from_records(data)
    return normalise_records(df, path, vintage=vintage, start_line=1, ref="record")


@register(
    "comtrade_csv",
    source="comtrade",
    sniff=_sniff_csv,
    description="UN Comtrade website/API CSV with camelCase headers (all 47 or any subset)",
    extensions=(".csv",),
)
def load_csv(path: str | Path, *, vintage: str | None = None, **_: Any) -> pd.DataFrame:
    """Load a Comtrade CSV saved from the website or the API (camelCase headers).

    Any subset of the 47 columns works as long as it has a period, reporter, partner, flow and
    value (see :func:`normalise_records`). Encoding: UTF-8 (with or without BOM), else cp1252,
    else latin-1.

    Examples
    --------
    >>> from tradecheck import paths
    >>> f = paths.RAW / "comtrade" / "comtrade_exports_2021A_all_pairs_subset_columns.csv"
    >>> df = load_csv(f)  # doctest: +SKIP
    """
    path = Path(path)
    text, _enc = decode_text(path, _read_bytes(path))
    df = _read_table(path, text)
    return normalise_records(df, path, vintage=vintage)


@register(
    "comtrade_bulk",
    source="comtrade",
    sniff=_sniff_bulk,
    description="UN Comtrade bulk final file (gzip TSV, 34 columns, M49 codes)",
    extensions=(".gz", ".txt", ".tsv"),
)
def load_bulk(path: str | Path, *, vintage: str | None = None, **_: Any) -> pd.DataFrame:
    """Load a Comtrade bulk file (``*.txt.gz`` or its decompressed ``.txt``).

    Countries come as numeric codes only and are mapped with :func:`comtrade_code_to_iso3`.
    The whole file is read into memory; for very large files use the streaming reader in
    :mod:`tradecheck.scale`, which calls :func:`normalise_records` per chunk.
    """
    path = Path(path)
    raw = _read_bytes(path)
    if raw[:2] == b"\x1f\x8b":
        raw = gunzip_bounded(path, raw)
    text, _enc = decode_text(path, raw)
    df = _read_table(path, text, sep="\t")
    return normalise_records(df, path, vintage=vintage)


@register(
    "comtrade_legacy_csv",
    source="comtrade",
    sniff=_sniff_legacy_csv,
    description="Legacy Comtrade API CSV (22- or 35-column 'Trade Flow Code' headings)",
    extensions=(".csv",),
)
def load_legacy_csv(path: str | Path, *, vintage: str | None = None, **_: Any) -> pd.DataFrame:
    """Load a legacy (comtrade.un.org/api/get) CSV, either heading variant.

    ``Trade Flow Code`` 1/2/3/4 becomes M/X/RX/RM and partner ``WLD`` becomes ``W00``. The
    same file read and re-written by R (``Trade.Flow.Code``, ``NA``) is read too.
    """
    path = Path(path)
    text, _enc = decode_text(path, _read_bytes(path))
    df = _read_table(path, text, sep=",")
    if "Trade.Flow.Code" in df.columns:  # re-saved by R: dotted headings, NA for empty
        df = df.rename(columns=_LEGACY_FROM_R).replace("NA", "")
        report.note(
            path, "legacy Comtrade CSV re-saved by R: dotted headings mapped back, NA read as empty"
        )
    cols = list(df.columns)
    if cols not in (list(LEGACY_CSV_22), list(LEGACY_CSV_35)):
        unknown = [h for h in cols if h not in _LEGACY_CSV_TO_API and h not in LEGACY_CSV_35]
        if unknown or "Trade Flow Code" not in cols:
            raise LoadError(
                path,
                f"unknown legacy Comtrade header {unknown or cols}; expected the 22- or "
                "35-column headings (Classification,Year,Period,...)",
                row=1,
                column=(unknown or ["Trade Flow Code"])[0],
            )
    df = df.rename(columns=_LEGACY_CSV_TO_API)
    return normalise_records(df, path, vintage=vintage)


@register(
    "comtrade_legacy_json",
    source="comtrade",
    sniff=_sniff_legacy_json,
    description="Legacy Comtrade API JSON (validation + dataset envelope)",
    extensions=(".json",),
)
def load_legacy_json(path: str | Path, *, vintage: str | None = None, **_: Any) -> pd.DataFrame:
    """Load a legacy Comtrade JSON response (``{"validation": ..., "dataset": [...]}``).

    A validation status other than ``Ok`` (e.g. "Result too large", meaning the data were cut)
    is a :class:`~tradecheck.errors.LoadError`.
    """
    path = Path(path)
    doc = _read_json(path, "a complete legacy Comtrade response")
    if not isinstance(doc, dict) or "dataset" not in doc:
        raise LoadError(path, "expected a JSON object with 'validation' and 'dataset'")
    status = (doc.get("validation") or {}).get("status") or {}
    if status and (status.get("value", 0) != 0 or status.get("name", "Ok") != "Ok"):
        raise LoadError(
            path,
            f"legacy Comtrade validation status {status.get('name')!r} "
            f"({status.get('description') or 'no description'}); expected 'Ok'",
            column="validation",
        )
    data = doc["dataset"] or []
    if not isinstance(data, list):
        raise LoadError(path, "expected 'dataset' to be a list of records", column="dataset")
    count = ((doc.get("validation") or {}).get("count") or {}).get("value")
    if isinstance(count, int) and count > len(data):
        report.announced(path, announced=count, held=len(data))
    if not data:
        return schema.empty_frame()
    df = pd.DataFrame.from_records(data).rename(columns=_LEGACY_JSON_TO_API)
    return normalise_records(df, path, vintage=vintage, start_line=1, ref="record")
