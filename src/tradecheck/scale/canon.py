"""Vectorised canonicalisation of UN Comtrade bulk rows: Arrow table in, canonical Arrow out.

The rules are exactly those of :func:`tradecheck.loaders.comtrade.normalise_records` (the
small loader's), applied to whole columns instead of per row:

* the cells that make up nearly every row of a real bulk file (``C00``, ``0``, flows
  ``X``/``M``/``RX``/``RM``, ``freqCode`` ``M`` with a ``YYYYMM`` period, ``A`` with ``YYYY``
  and ``refMonth`` 52, ...) are recognised by vectorised comparisons; every other row gets the
  small loader's own helper (``_as_text``, ``_period_of``, its flow tables) once per *distinct*
  combination of its cells (dictionary-encoded), so one text gives one answer on both paths;
* country codes go through a lookup table (code -> ISO3, built with
  ``comtrade_code_to_iso3`` once per distinct code), a join done as a numpy ``take``;
* the three value columns are parsed as float64 by pyarrow;
* the output keeps few-valued columns dictionary-encoded (:func:`dict_schema`), which is what
  makes writing Parquet cheap.

Measured on 800,000 canonical rows (CPU seconds): dictionary-encoding every input column in
the CSV reader cost as much again as parsing plain text, and writing plain string columns to
Parquet 0.44 s against 0.14 s for dictionary columns without string statistics -- hence the
comparisons and dictionary output.

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
from functools import lru_cache

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from tradecheck import schema
from tradecheck.errors import UnknownCountryError
from tradecheck.loaders import comtrade as ct

__all__ = [
    "TEXT_COLUMNS",
    "VALUE_COLUMNS",
    "Fallback",
    "FileConst",
    "arrow_schema",
    "canonical",
    "dict_schema",
]

#: Columns parsed as text (lower-case names; the file's spelling is kept).
TEXT_COLUMNS = (
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


class NeedMore(Fallback):
    """A rule needs a column that was left out of the lean parse (:data:`LEAN_SKIPS`):
    parse the block again with every column of :func:`fast_columns`."""


#: Columns that only unusual rows need (an empty period, classification or primaryValue):
#: the first parse of a block leaves them out (a fifth less parsing); a block that needs
#: them is parsed again with them.
LEAN_SKIPS = ("refperiodid", "refyear", "classificationsearchcode", "cifvalue", "fobvalue")


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


#: Canonical columns written dictionary-encoded (few distinct values per block): Parquet then
#: stores the dictionary as it is instead of hashing every cell again.
DICT_OUTPUT = tuple(
    c for c in schema.CANONICAL_COLUMNS if c not in ("value", "estimate", "source_ref", "commodity")
)


def dict_schema() -> pa.Schema:
    """:func:`arrow_schema` with the :data:`DICT_OUTPUT` columns dictionary-encoded: the
    schema of the tables :func:`canonical` returns."""
    d = pa.dictionary(pa.int32(), pa.string())
    return pa.schema([pa.field(f.name, d) if f.name in DICT_OUTPUT else f for f in arrow_schema()])


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
        if low in TEXT_COLUMNS:
            types[name] = pa.string()
        elif low in VALUE_COLUMNS:
            types[name] = pa.float64()
    return types


_TRUE_REPORTED = ("1", "true", "True")


def _np(arr: pa.Array | pa.ChunkedArray) -> np.ndarray:
    return np.asarray(arr.to_numpy(zero_copy_only=False))


def _lengths(col: pa.Array) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """Start offset and byte length of every cell of a null-free ``string`` array, and its
    bytes; None for other arrays."""
    if col.null_count or col.type != pa.string():
        return None
    _, offsets, data = col.buffers()
    off = np.frombuffer(offsets, np.int32, count=len(col) + 1, offset=4 * col.offset)
    raw = np.frombuffer(data, np.uint8) if data is not None else np.zeros(1, np.uint8)
    return off[:-1], np.diff(off), raw if len(raw) else np.zeros(1, np.uint8)


def _eq(col: pa.Array, value: str) -> np.ndarray:
    """Cells equal to ``value``: byte lengths, then the bytes of the cells of the right
    length, read from the array's buffers (a tenth to a half of the time of ``pc.equal`` +
    ``to_numpy`` for a one- or two-letter code or a rare word; Arrow's kernel otherwise)."""
    parts = _lengths(col)
    if parts is None:
        return _np(pc.equal(col, value))
    starts, lengths, raw = parts
    want = value.encode()
    mask = lengths == len(want)
    if not want:
        return mask
    if np.count_nonzero(mask) * 4 < len(mask):  # few candidates: test only those
        cand = np.flatnonzero(mask)
        ok = np.ones(len(cand), dtype=bool)
        for j, byte in enumerate(want):
            ok &= raw.take(starts[cand] + j, mode="clip") == byte
        mask[cand] = ok
        return mask
    if len(want) > 2:  # many candidates of several bytes: no faster than Arrow's kernel
        return _np(pc.equal(col, value))
    for j, byte in enumerate(want):
        mask &= raw.take(starts + j, mode="clip") == byte
    return mask


class _Block:
    """One parsed block: its text columns by lower-case name (an absent column reads as all
    empty cells), and the rows kept so far."""

    def __init__(self, table: pa.Table, left_out: frozenset[str]) -> None:
        table = table.combine_chunks()
        self.n = table.num_rows
        self.cols = {name.lower(): table.column(name).chunk(0) for name in table.column_names}
        self.left_out = left_out

    def text(self, name: str) -> pa.Array:
        if name in self.left_out:
            raise NeedMore(name)
        col = self.cols.get(name)
        return col if col is not None else pa.repeat("", self.n)

    def values(self, name: str) -> np.ndarray:
        """A value column as float64 (NaN for an empty cell or an absent column)."""
        if name in self.left_out:
            raise NeedMore(name)
        col = self.cols.get(name)
        if col is None:
            return np.full(self.n, np.nan)
        return _np(col).astype(np.float64, copy=False)


def _rest_texts(cols: list[pa.Array], rest: np.ndarray) -> list[tuple[np.ndarray, list[str]]]:
    """The cells of the ``rest`` rows of each column as ``(indices, distinct texts)``, the
    texts as the small loader reads them (``_as_text``: stripped, nan/none/null -> "")."""
    mask = pa.array(rest)
    out = []
    for col in cols:
        enc = col.filter(mask).dictionary_encode()
        texts = [_as_text(cell) for cell in enc.dictionary.to_pylist()]
        out.append((_np(enc.indices).astype(np.int32), texts or [""]))
    return out


@lru_cache(maxsize=1 << 16)
def _as_text(cell: str | None) -> str:
    """One cell as the small loader reads it (its ``_as_text``), remembered per distinct
    cell: the same few codes come back in every block, and a pandas call per block cost
    half of the time of the breakdown rules."""
    return str(ct._as_text(pd.Series([cell], dtype=object)).iloc[0])


def _rest_rule(
    cols: list[pa.Array], rest: np.ndarray, fn: Callable[..., object]
) -> tuple[list[object], np.ndarray]:
    """``fn(*texts)`` once per distinct combination of the cells of the ``rest`` rows in
    ``cols``: the results and, per rest row, the index of its result."""
    parts = _rest_texts(cols, rest)

    def one(*ids: int) -> object:
        return fn(*(texts[i] for (_, texts), i in zip(parts, ids, strict=True)))

    got, inverse = _combos([(i, len(t)) for i, t in parts], one)
    return got, inverse.astype(np.int32)


def _by_rule(
    keep: np.ndarray,
    quick: list[tuple[np.ndarray, str]],
    cols: list[pa.Array],
    fn: Callable[..., str],
) -> tuple[list[str], np.ndarray]:
    """A text result per row, as ``(distinct results, row -> result index)``.

    Rows of a ``quick`` mask get its result (masks must not overlap); the other rows of
    ``keep`` get ``fn(*texts)`` once per distinct combination of their cells in ``cols``
    (rows outside both get an arbitrary index: the caller drops them).
    """
    idx = np.full(len(keep), -1, dtype=np.int32)
    results: list[str] = []
    for mask, value in quick:
        idx[mask] = len(results)
        results.append(value)
    rest = (idx < 0) & keep
    if rest.any():
        got, inverse = _rest_rule(cols, rest, fn)
        idx[rest] = inverse + len(results)
        results.extend(got)  # type: ignore[arg-type]
    return _remap(results, idx)


def _dict(results: Sequence[str], idx: np.ndarray) -> pa.DictionaryArray:
    return pa.DictionaryArray.from_arrays(pa.array(idx, pa.int32()), pa.array(results, pa.string()))


def _const(value: str, m: int) -> pa.DictionaryArray:
    return _dict([value], np.zeros(m, dtype=np.int32))


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
        inverse: np.ndarray = pos[key]
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
        col = b.cols[name]
        total = _eq(col, ok[0]) | _eq(col, "")
        if not total.all():  # the loader's own test on the distinct other cells
            ((idx, texts),) = _rest_texts([col], ~total)
            good = np.array([t.upper() in ok or t == "" for t in texts], dtype=bool)
            total[~total] = good[idx]
        bad = keep & ~total
        if bad.any():
            dropped[what] += int(bad.sum())
            keep &= ~bad
    return keep


def _flow_of(text: str) -> str:
    code = text.upper()
    return ct.LEGACY_FLOW.get(code, code)


def _flows(b: _Block, keep: np.ndarray, dropped: Counter[str]) -> tuple[list[str], np.ndarray]:
    """Canonical flow per row; rows of component flows (DX, FM, ...) leave ``keep`` and are
    counted; an unknown flow in a kept row raises :class:`Fallback`."""
    col = b.text("flowcode")
    quick = [(_eq(col, f), f) for f in ct.FLOWS_KEPT]
    flows, idx = _by_rule(keep, quick, [col], _flow_of)
    kind = np.array(
        [0 if f in ct.FLOWS_KEPT else 1 if f in ct.FLOWS_DROPPED else 2 for f in flows]
    )[idx]
    other = keep & (kind == 1)
    if other.any():  # counted in order of first appearance, as Counter does
        codes = idx[other]
        first = np.unique(codes, return_index=True)
        for j in sorted(range(len(first[0])), key=lambda j: first[1][j]):
            code = first[0][j]
            what = f"flow {flows[code]} (a part of X/M, not an equivalent)"
            dropped[what] += int(np.count_nonzero(codes == code))
    keep &= ~other
    if (keep & (kind == 2)).any():
        raise Fallback("unknown flow")
    return flows, idx


def _periods(b: _Block, keep: np.ndarray) -> tuple[list[tuple[str, str]], np.ndarray]:
    """``(period_start, period_end)`` per row: monthly rows (``M``, ``YYYYMM``) and annual
    rows (``A``, ``YYYY``, ``refMonth`` 52) by comparisons and a lookup table of the period
    numbers; the other kept rows through ``_period_of`` once per distinct combination of
    period, freqCode, refMonth, refPeriodId and refYear."""
    period, freq, month = (b.text(n) for n in ("period", "freqcode", "refmonth"))
    parts = _lengths(period)
    length = parts[1] if parts is not None else _np(pc.utf8_length(period))
    digits = _np(pc.ascii_is_decimal(period))
    is52 = _eq(month, "52")
    plain_month = (_np(pc.ascii_is_decimal(month)) | _eq(month, "")) & ~is52
    monthly = digits & (length == 6) & _eq(freq, "M") & plain_month
    annual = digits & (length == 4) & _eq(freq, "A") & is52
    quick = monthly | annual
    safe = period if quick.all() else pc.if_else(pa.array(quick), period, "0")
    number = _np(pc.cast(safe, pa.int32()))
    y, m = np.where(annual, number, number // 100), np.where(annual, 0, number % 100)
    quick &= ~monthly | ((m >= 1) & (m <= 12))
    pairs: list[tuple[str, str]] = []
    idx = np.zeros(b.n, dtype=np.int32)
    if quick.any():
        got, inverse = _combos([((y * 13 + m)[quick], 10_000 * 13)], _period_label)
        pairs.extend(got)  # type: ignore[arg-type]
        idx[quick] = inverse
    rest = ~quick & keep
    if rest.any():

        def one(*texts: str) -> tuple[str, str]:
            try:
                return ct._period_of(*texts)
            except ValueError:
                raise Fallback("period") from None

        cols = [period, freq, month, b.text("refperiodid"), b.text("refyear")]
        got, inverse = _rest_rule(cols, rest, one)
        idx[rest] = inverse + len(pairs)
        pairs.extend(got)  # type: ignore[arg-type]
    return pairs, idx


@lru_cache(maxsize=1 << 14)
def _period_label(key: int) -> tuple[str, str]:
    """Start and end month of ``year * 13 + month`` (month 0: the whole year)."""
    y, m = divmod(key, 13)
    if m == 0:
        return f"{y:04d}-01", f"{y:04d}-12"
    return f"{y:04d}-{m:02d}", f"{y:04d}-{m:02d}"


def _remap(results: list[str], idx: np.ndarray) -> tuple[list[str], np.ndarray]:
    """Distinct results again, after a mapping made several equal."""
    pos: dict[str, int] = {}
    for r in results:
        pos.setdefault(r, len(pos))
    return list(pos), np.array([pos[r] for r in results], dtype=np.int32)[idx]


def _countries(b: _Block, keep: np.ndarray) -> tuple[list[str], np.ndarray, np.ndarray]:
    """ISO3 vocabulary and reporter, partner indices into it: each numeric code of a kept
    row through :func:`~tradecheck.loaders.comtrade.comtrade_code_to_iso3` once, then a
    lookup table (a join as a numpy ``take``)."""
    vocab: dict[str, int] = {}
    out = []
    for side in ("reportercode", "partnercode"):
        col = b.text(side)
        digits = _np(pc.ascii_is_decimal(col))
        if not digits[keep].all():
            raise Fallback("country code")  # empty, signed, spaced or not a number
        safe = col if digits.all() else pc.if_else(pa.array(digits), col, "0")
        codes = _np(pc.cast(safe, pa.int32()))
        if codes.max(initial=0) > 99_999:
            raise Fallback("country code")
        seen = np.zeros(int(codes.max(initial=0)) + 1, dtype=bool)
        seen[codes[keep]] = True
        lut = np.full(len(seen), -1, dtype=np.int32)
        for c in np.flatnonzero(seen).tolist():
            try:
                lut[c] = vocab.setdefault(ct.comtrade_code_to_iso3(c), len(vocab))
            except UnknownCountryError:
                raise Fallback("unknown country") from None
        out.append(lut[codes])
    return list(vocab), out[0], out[1]


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


def _commodity(b: _Block, keep: np.ndarray) -> tuple[pa.Array, np.ndarray]:
    """``cmdCode`` as the loader writes it (stripped, ``TOTAL`` in capitals) and which rows
    are ``TOTAL``; an empty code in a kept row raises :class:`Fallback`."""
    cmd = b.text("cmdcode")
    total = _eq(cmd, "TOTAL")
    other = ~(_np(pc.ascii_is_decimal(cmd)) | total) & keep  # HS codes are kept as they are
    if other.any():
        ((idx, texts),) = _rest_texts([cmd], other)
        clean = ["TOTAL" if t.upper() == "TOTAL" else t for t in texts]
        if "" in clean:
            raise Fallback("empty commodity")
        new = np.array(clean, dtype=object)[idx]
        total[other] = new == "TOTAL"
        cmd = pc.replace_with_mask(cmd, pa.array(other), pa.array(new.tolist(), pa.string()))
    return cmd, total


def _classification(b: _Block, keep: np.ndarray, total: np.ndarray) -> pa.Array:
    """``classificationCode``, else ``classificationSearchCode``, else TOTAL/HS."""
    code = b.text("classificationcode")
    quick = []
    if b.n:
        first = code[0].as_py()
        if first.isalnum() and first.lower() not in ("nan", "none", "null"):  # usually "H5"
            quick.append((_eq(code, first), first))

    def one(c: str, s: str, t: str) -> str:
        return c or s or ("TOTAL" if t == "true" else "HS")

    if quick and quick[0][0][keep].all():
        return _by_rule(keep, quick, [], one)
    search = b.text("classificationsearchcode")
    return _by_rule(keep, quick, [code, search, pa.array(total)], one)


def _note(b: _Block, keep: np.ndarray) -> tuple[list[str], np.ndarray]:
    """``isReported=false`` and ``legacyEstimationFlag=X`` notes, joined with ``; ``."""
    rep, est = b.text("isreported"), b.text("legacyestimationflag")
    reported = np.zeros(b.n, dtype=bool)
    for v in _TRUE_REPORTED:
        reported |= _eq(rep, v)
    quick = [(reported & (_eq(est, "0") | _eq(est, "")), "")]

    def one(r: str, e: str) -> str:
        parts = ["isReported=false" if r.lower() in ("false", "0") else ""]
        parts.append("" if e in ("", "0") else f"legacyEstimationFlag={e}")
        return "; ".join(p for p in parts if p)

    return _by_rule(keep, quick, [rep, est], one)


def _scope(b: _Block, keep: np.ndarray) -> tuple[list[str], np.ndarray]:
    col = b.text("typecode")
    return _by_rule(
        keep,
        [(_eq(col, "C"), "goods")],
        [col],
        lambda t: "services" if t.upper() == "S" else "goods",
    )


def dropped_note(source_file: str, dropped: Counter[str]) -> str:
    """The loader's wording of the rows it dropped (one block)."""
    detail = "; ".join(f"{cnt} row(s) of {what}" for what, cnt in dropped.items())
    return f"{source_file}: dropped {detail}"


def canonical(
    table: pa.Table,
    lines: np.ndarray,
    const: FileConst,
    notes: list[str],
    left_out: frozenset[str] = frozenset(),
) -> pa.Table:
    """Canonical rows of one block parsed with :func:`fast_columns`' types.

    Parameters
    ----------
    table
        The block's rows (text and float64 columns).
    lines
        File line number of each row (for ``source_ref``).
    const
        ``source_file`` and ``vintage`` of the file.
    notes
        The loader's note on dropped breakdown rows / component flows is appended here.
    left_out
        Columns of the file (lower-case) not parsed: a rule that needs one raises
        :class:`NeedMore`.

    Returns
    -------
    pyarrow.Table
        Rows in :func:`dict_schema`, in input order minus the dropped rows.

    Raises
    ------
    Fallback
        When the block needs ``normalise_records`` (nothing is appended to ``notes`` then).
    """
    if not table.num_rows:
        return dict_schema().empty_table()
    b = _Block(table, left_out)
    dropped: Counter[str] = Counter()
    keep = _breakdown_keep(b, dropped)
    flows, flow_idx = _flows(b, keep, dropped)
    periods, period_idx = _periods(b, keep)
    iso, rep, par = _countries(b, keep)
    commodity, total = _commodity(b, keep)
    classification = _classification(b, keep, total)
    note, scope = _note(b, keep), _scope(b, keep)
    rows = np.flatnonzero(keep)
    row_flow = flow_idx[rows]
    is_imp = np.isin(np.array(flows, dtype=object), ["M", "RM"])[row_flow]
    value = _value(b, rows, is_imp)
    if dropped:
        notes.append(dropped_note(const.source_file, dropped))
    m = len(rows)
    rep, par, period_idx = rep[rows], par[rows], period_idx[rows]
    cols = {
        "reporter": _dict(iso, rep),
        "partner": _dict(iso, par),
        "flow": _dict(flows, row_flow),
        "period_start": _dict(*_remap([p[0] for p in periods], period_idx)),
        "period_end": _dict(*_remap([p[1] for p in periods], period_idx)),
        "commodity": commodity if m == b.n else commodity.filter(pa.array(keep)),
        "value": pa.array(value, pa.float64()),
        "currency": _const("USD", m),
        "valuation": _dict(["FOB", "CIF"], is_imp.astype(np.int32)),
        "source": _const("comtrade", m),
        "source_file": _const(const.source_file, m),
        "source_ref": pc.binary_join_element_wise(
            "line", pc.cast(pa.array(lines[rows]), pa.string()), " "
        ),
        "vintage": _const(const.vintage, m),
        "exporter": _dict(iso, np.where(is_imp, par, rep)),
        "importer": _dict(iso, np.where(is_imp, rep, par)),
        "classification": _dict(classification[0], classification[1][rows]),
        "scope": _dict(scope[0], scope[1][rows]),
        "bound": _const("eq", m),
        "estimate": pa.array(np.zeros(m, dtype=bool)),
        "note": _dict(note[0], note[1][rows]),
    }
    return pa.table(cols, schema=dict_schema())
