"""Vectorised canonicalisation of UN Comtrade bulk rows: Arrow table in, canonical Arrow out.

The rules are exactly those of :func:`tradecheck.loaders.comtrade.normalise_records` (the
small loader's), applied through dictionaries instead of per row:

* every low-cardinality column (codes, flows, periods, flags) is parsed dictionary-encoded by
  pyarrow's CSV reader, so each rule runs once per *distinct* value of a block -- with the
  small loader's own helpers (``comtrade_code_to_iso3``, ``_period_of``, its flow tables), so
  one text gives one answer on both paths;
* rows only gather the answers by index (numpy ``take``); a rule that depends on several
  columns (period, classification, note) runs once per distinct combination of their
  dictionary indices;
* the three value columns are parsed as float64 by pyarrow.

Anything the small loader would reject or treat specially -- an unknown country code or flow,
a bad period, an unparseable, negative or non-finite value, an empty commodity -- raises
:class:`Fallback`; the caller then runs ``normalise_records`` on that block, which raises the
same error, with the same line and column, as ``tradecheck load``. A layout the fast path does
not cover (ISO or ``flowDesc`` columns, as in website CSVs) uses ``normalise_records``
throughout (:func:`fast_columns` returns None).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from tradecheck import schema
from tradecheck.errors import UnknownCountryError
from tradecheck.loaders import comtrade as ct

__all__ = ["DICT_COLUMNS", "VALUE_COLUMNS", "Fallback", "FileConst", "arrow_schema", "canonical"]

#: Columns parsed dictionary-encoded (lower-case names; the file's spelling is kept).
DICT_COLUMNS = (
    "freqcode", "period", "refmonth", "refperiodid", "refyear", "reportercode", "partnercode",
    "flowcode", "partner2code", "customscode", "motcode", "cmdcode", "classificationcode",
    "classificationsearchcode", "typecode", "isreported", "legacyestimationflag",
)  # fmt: skip
#: Columns parsed as float64 (empty cell -> null).
VALUE_COLUMNS = ("primaryvalue", "cifvalue", "fobvalue")
_REQUIRED = ("reportercode", "partnercode", "flowcode", "period", "cmdcode", "primaryvalue")
#: Columns whose presence changes the small loader's precedence rules (website CSV layout).
_NOT_COVERED = ("reporteriso", "partneriso", "flowdesc")

#: The breakdown rules of ``normalise_records``, in its order: column, kept values, reason.
_BREAKDOWNS = (
    ("customscode", ("C00",), "customs-procedure breakdown (customsCode other than C00)"),
    ("motcode", ("0",), "mode-of-transport breakdown (motCode other than 0)"),
    ("partner2code", ("0",), "second-partner breakdown (partner2Code other than 0)"),
)
_DENSE_KEYS = 1 << 22  # combination keys below this use a dense lookup table (O(n))


class Fallback(Exception):
    """The block needs the small loader's exact handling (an error to name, or a case the
    fast path does not cover)."""


@dataclass(frozen=True)
class FileConst:
    """What every row of one file shares: ``source_file`` as displayed and ``vintage``."""

    source_file: str
    vintage: str


def arrow_schema() -> pa.Schema:
    """The canonical table as an Arrow schema (strings, ``value`` float64, ``estimate``
    bool), in :data:`tradecheck.schema.CANONICAL_COLUMNS` order."""
    fields = []
    for c in schema.CANONICAL_COLUMNS:
        t = pa.float64() if c == "value" else pa.bool_() if c == "estimate" else pa.string()
        fields.append(pa.field(c, t))
    return pa.schema(fields)


def fast_columns(names: Sequence[str]) -> dict[str, pa.DataType] | None:
    """Column types for the fast parse of a file with header ``names``, or None when the
    layout needs ``normalise_records`` (see the module docstring)."""
    lower = [n.lower() for n in names]
    if len(set(lower)) != len(lower) or any(c in lower for c in _NOT_COVERED):
        return None
    if not all(c in lower for c in _REQUIRED):
        return None
    types: dict[str, pa.DataType] = {}
    for name, low in zip(names, lower, strict=True):
        if low in DICT_COLUMNS:
            types[name] = pa.dictionary(pa.int32(), pa.string())
        elif low in VALUE_COLUMNS:
            types[name] = pa.float64()
    return types


class _Block:
    """Dictionary-encoded columns of one parsed block, by lower-case name, as
    ``(indices, texts)``: numpy row indices into the column's distinct values, and those
    values as the small loader sees them (stripped; ``nan``/``none``/``null`` -> "")."""

    def __init__(self, table: pa.Table) -> None:
        table = table.unify_dictionaries().combine_chunks()
        self.n = table.num_rows
        self.cols = {name.lower(): table.column(name) for name in table.column_names}
        self._cache: dict[str, tuple[np.ndarray, list[str]]] = {}

    def dict_col(self, name: str) -> tuple[np.ndarray, list[str]]:
        """``(indices, texts)`` of a dictionary column; an absent column is all ""."""
        if name not in self._cache:
            col = self.cols.get(name)
            if col is None:
                self._cache[name] = (np.zeros(self.n, dtype=np.int32), [""])
            else:
                arr = col.chunk(0) if col.num_chunks else pa.array([], col.type)
                idx = arr.indices.to_numpy(zero_copy_only=False).astype(np.int32, copy=False)
                texts = ct._as_text(pd.Series(arr.dictionary.to_pylist(), dtype=object))
                self._cache[name] = (idx, texts.tolist())
        return self._cache[name]

    def values(self, name: str) -> np.ndarray:
        """A value column as float64 (NaN for an empty cell or an absent column)."""
        col = self.cols.get(name)
        if col is None:
            return np.full(self.n, np.nan)
        return col.to_numpy().astype(np.float64, copy=False)


def _lut(texts: list[str], fn: Callable[[str], object], dtype: object = object) -> np.ndarray:
    """``fn`` applied once per distinct value, as an array to index with row indices."""
    return np.array([fn(t) for t in texts], dtype=dtype)


def _combos(
    parts: list[tuple[np.ndarray, int]], fn: Callable[..., object]
) -> tuple[list[object], np.ndarray]:
    """``fn(*indices)`` once per distinct combination of several index arrays.

    Returns the results and, per row, the position of its result. The combination key is
    ``((i0 * n1) + i1) * n2 + ...``; keys below ``_DENSE_KEYS`` are found with a dense table
    (linear time), larger ones with ``np.unique``.
    """
    space = 1
    key = np.zeros(len(parts[0][0]), dtype=np.int64)
    for idx, size in parts:
        key = key * size + idx
        space *= size
    if space <= _DENSE_KEYS:
        seen = np.zeros(space, dtype=bool)
        seen[key] = True
        uniq = np.flatnonzero(seen)
        pos = np.empty(space, dtype=np.int32)
        pos[uniq] = np.arange(len(uniq), dtype=np.int32)
        inverse = pos[key]
    else:
        uniq, inverse = np.unique(key, return_inverse=True)
    results = []
    for k in uniq.tolist():
        idxs = []
        for _, size in reversed(parts):
            k, r = divmod(k, size)
            idxs.append(r)
        results.append(fn(*reversed(idxs)))
    return results, inverse


def _breakdown_keep(b: _Block, dropped: Counter[str]) -> np.ndarray:
    """Rows that are totals over customs procedure, transport mode and second partner
    (``normalise_records``' double-count rules, counted in its order)."""
    keep = np.ones(b.n, dtype=bool)
    for name, ok, what in _BREAKDOWNS:
        if name not in b.cols:
            continue
        idx, texts = b.dict_col(name)
        good = _lut(texts, lambda t, ok=ok: t.upper() in ok or t == "", bool)
        bad = keep & ~good[idx]
        if bad.any():
            dropped[what] += int(bad.sum())
            keep &= ~bad
    return keep


def _flow_codes(b: _Block, keep: np.ndarray, dropped: Counter[str]) -> np.ndarray:
    """Canonical flow per row (object array); rows of component flows are dropped from
    ``keep`` and counted; an unknown flow in a kept row raises :class:`Fallback`."""
    idx, texts = b.dict_col("flowcode")
    codes = _lut(texts, lambda t: ct.LEGACY_FLOW.get(t.upper(), t.upper()))
    kind = _lut(texts, lambda t: 0, np.int8)
    for j, code in enumerate(codes):
        kind[j] = 0 if code in ct.FLOWS_KEPT else 1 if code in ct.FLOWS_DROPPED else 2
    row_kind = kind[idx]
    other = keep & (row_kind == 1)
    if other.any():  # counted in order of first appearance, as Counter does
        first, counts = np.unique(idx[other], return_counts=True)
        order = np.argsort([np.argmax(idx[other] == f) for f in first])
        for j in order:
            dropped[f"flow {codes[first[j]]} (a part of X/M, not an equivalent)"] += int(counts[j])
    keep &= ~other
    if (keep & (row_kind == 2)).any():
        raise Fallback("unknown flow")
    return idx


def _take_strings(results: Sequence[object], inverse: np.ndarray) -> pa.Array:
    return pa.array(list(results), pa.string()).take(pa.array(inverse))


def _periods(b: _Block, rows: np.ndarray) -> tuple[pa.Array, pa.Array]:
    """``period_start`` and ``period_end`` through ``_period_of`` per distinct combination of
    period, freqCode, refMonth, refPeriodId and refYear."""
    names = ("period", "freqcode", "refmonth", "refperiodid", "refyear")
    cols = [b.dict_col(n) for n in names]

    def one(*ids: int) -> tuple[str, str]:
        try:
            return ct._period_of(*(texts[i] for (_, texts), i in zip(cols, ids, strict=True)))
        except ValueError:
            raise Fallback("period") from None

    results, inverse = _combos([(idx[rows], len(texts)) for idx, texts in cols], one)
    return (
        _take_strings([r[0] for r in results], inverse),  # type: ignore[index]
        _take_strings([r[1] for r in results], inverse),  # type: ignore[index]
    )


def _country_index(b: _Block, rows: np.ndarray, vocab: dict[str, int]) -> tuple[np.ndarray, ...]:
    """Reporter and partner as indices into ``vocab`` (ISO3 -> position), from the numeric
    codes through :func:`~tradecheck.loaders.comtrade.comtrade_code_to_iso3`."""

    def iso(text: str) -> int:
        if not text:
            raise Fallback("empty country code")
        try:
            code = ct.comtrade_code_to_iso3(text)
        except UnknownCountryError:
            raise Fallback("unknown country") from None
        return vocab.setdefault(code, len(vocab))

    out = []
    for side in ("reportercode", "partnercode"):
        idx, texts = b.dict_col(side)
        used = np.zeros(len(texts), dtype=bool)
        used[idx[rows]] = True  # only the codes of kept rows are resolved, as the loader does
        lut = np.array([iso(t) if u else -1 for t, u in zip(texts, used, strict=True)])
        out.append(lut[idx[rows]].astype(np.int32))
    return tuple(out)


def _value(b: _Block, rows: np.ndarray, is_imp: np.ndarray) -> np.ndarray:
    """``primaryValue``, else CIF for imports and FOB for exports; Fallback for a missing,
    negative or non-finite value."""
    val = b.values("primaryvalue")[rows]
    missing = np.isnan(val)
    if missing.any():
        cif, fob = b.values("cifvalue")[rows], b.values("fobvalue")[rows]
        val = np.where(missing, np.where(is_imp, cif, fob), val)
    if not np.isfinite(val).all() or (val < 0).any():
        raise Fallback("value")
    return val


def _commodity(b: _Block, rows: np.ndarray) -> tuple[pa.Array, np.ndarray]:
    """``cmdCode`` as the loader writes it (``TOTAL`` in capitals) and which rows are
    ``TOTAL``; an empty code raises :class:`Fallback`."""
    idx, texts = b.dict_col("cmdcode")
    clean = ["TOTAL" if t.upper() == "TOTAL" else t for t in texts]
    sub = idx[rows]
    empty = np.array([t == "" for t in clean], dtype=bool)
    if empty[sub].any():
        raise Fallback("empty commodity")
    total = np.array([t == "TOTAL" for t in clean], dtype=bool)[sub]
    return pa.array(clean, pa.string()).take(pa.array(sub)), total


def _classification(b: _Block, rows: np.ndarray, total: np.ndarray) -> pa.Array:
    """``classificationCode``, else ``classificationSearchCode``, else TOTAL/HS."""
    (ci, ct_), (si, st) = b.dict_col("classificationcode"), b.dict_col("classificationsearchcode")

    def one(i: int, j: int, t: int) -> str:
        return ct_[i] or st[j] or ("TOTAL" if t else "HS")

    results, inverse = _combos([(ci[rows], len(ct_)), (si[rows], len(st)), (total, 2)], one)
    return _take_strings(results, inverse)


def _note(b: _Block, rows: np.ndarray) -> pa.Array:
    """``isReported=false`` and ``legacyEstimationFlag=X`` notes, joined with ``; ``."""
    (ri, rt), (ei, et) = b.dict_col("isreported"), b.dict_col("legacyestimationflag")

    def one(i: int, j: int) -> str:
        parts = ["isReported=false" if rt[i].lower() in ("false", "0") else ""]
        parts.append("" if et[j] in ("", "0") else f"legacyEstimationFlag={et[j]}")
        return "; ".join(p for p in parts if p)

    results, inverse = _combos([(ri[rows], len(rt)), (ei[rows], len(et))], one)
    return _take_strings(results, inverse)


def dropped_note(source_file: str, dropped: Counter[str]) -> str:
    """The loader's wording of the rows it dropped (one block)."""
    detail = "; ".join(f"{cnt} row(s) of {what}" for what, cnt in dropped.items())
    return f"{source_file}: dropped {detail}"


def canonical(table: pa.Table, lines: np.ndarray, const: FileConst, notes: list[str]) -> pa.Table:
    """Canonical rows of one block parsed with :func:`fast_columns`' types.

    Parameters
    ----------
    table
        The block's rows (dictionary and float64 columns).
    lines
        File line number of each row (for ``source_ref``).
    const
        ``source_file`` and ``vintage`` of the file.
    notes
        The loader's note on dropped breakdown rows / component flows is appended here.

    Returns
    -------
    pyarrow.Table
        Rows in :func:`arrow_schema`, in input order minus the dropped rows.

    Raises
    ------
    Fallback
        When the block needs ``normalise_records`` (nothing is appended to ``notes`` then).
    """
    b = _Block(table)
    dropped: Counter[str] = Counter()
    keep = _breakdown_keep(b, dropped)
    flow_idx = _flow_codes(b, keep, dropped)
    rows = np.flatnonzero(keep)
    start, end = _periods(b, rows)
    vocab: dict[str, int] = {}
    rep, par = _country_index(b, rows, vocab)
    flows = _lut(b.dict_col("flowcode")[1], lambda t: ct.LEGACY_FLOW.get(t.upper(), t.upper()))
    row_flow = flow_idx[rows]
    is_imp = np.isin(flows, ["M", "RM"])[row_flow]
    value = _value(b, rows, is_imp)
    commodity, total = _commodity(b, rows)
    classification = _classification(b, rows, total)
    note = _note(b, rows)
    scope_lut = _lut(b.dict_col("typecode")[1], lambda t: t.upper() == "S", bool)
    if dropped:
        notes.append(dropped_note(const.source_file, dropped))
    iso = pa.array(list(vocab), pa.string())
    m = len(rows)
    cols = {
        "reporter": iso.take(pa.array(rep)),
        "partner": iso.take(pa.array(par)),
        "flow": pa.array(flows.tolist(), pa.string()).take(pa.array(row_flow)),
        "period_start": start,
        "period_end": end,
        "commodity": commodity,
        "value": pa.array(value, pa.float64()),
        "currency": pa.repeat("USD", m),
        "valuation": pc.if_else(pa.array(is_imp), "CIF", "FOB"),
        "source": pa.repeat("comtrade", m),
        "source_file": pa.repeat(const.source_file, m),
        "source_ref": pc.binary_join_element_wise(
            "line", pc.cast(pa.array(lines[rows]), pa.string()), " "
        ),
        "vintage": pa.repeat(const.vintage, m),
        "exporter": iso.take(pa.array(np.where(is_imp, par, rep))),
        "importer": iso.take(pa.array(np.where(is_imp, rep, par))),
        "classification": classification,
        "scope": pc.if_else(
            pa.array(scope_lut[b.dict_col("typecode")[0][rows]]), "services", "goods"
        ),
        "bound": pa.repeat("eq", m),
        "estimate": pa.repeat(False, m),
        "note": note,
    }
    return pa.table(cols, schema=arrow_schema())
