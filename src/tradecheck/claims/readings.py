"""Readings of a claim: whose statistics, which flow, which product scope — and the measured
quantity under each.

A :class:`ReadingSpec` fixes one interpretation (source, reporter, flow kind, direction,
scope definition); :func:`measure` computes the claimed quantity (level, ratio, percent
change, absolute change, balance, share) from the canonical table under it, keeping the
rows used as :class:`~tradecheck.claims.model.Evidence`. :func:`specs_for` enumerates the
statistical readings a table offers for a claim; published figures are handled by
:func:`published_matches` (each published row is evidence in its own right).

Examples
--------
>>> ReadingSpec("imf_dots", "CHN", "one_way", "BLR", "CHN").label()
"China's statistics (IMF DOTS): China's imports from Belarus"
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from tradecheck import derive, fmt
from tradecheck.claims import explain
from tradecheck.claims import scope as scope_mod
from tradecheck.claims.explain import SOURCE_NAMES, country
from tradecheck.claims.model import Claim, Evidence, Period
from tradecheck.loaders.published import quality_of
from tradecheck.schema import UNKNOWN_SIDE, WORLD

__all__ = [
    "SOURCE_NAMES",
    "Measurement",
    "NoData",
    "PublishedFigure",
    "ReadingSpec",
    "country",
    "flow_setup",
    "measure",
    "money",
    "published_matches",
    "row_quality",
    "specs_for",
]

MONEY_QUANTITIES = ("level", "abs_change", "balance")
_ESTIMATE_NOTE = "includes figures the source flags as estimates"


def money(v: float | None) -> str:
    """Money in millions with one decimal, e.g. ``1,990.0`` (the arithmetic lines of readings)."""
    return fmt.number(None if v is None else v / 1e6, digits=1)


@dataclass(frozen=True)
class ReadingSpec:
    """One interpretation of a claim.

    Attributes
    ----------
    source, reporter
        Whose statistics (``reporter`` ``XXX`` = published figure of unstated side).
    flow_kind
        ``one_way`` (exporter -> importer), ``total`` (both directions) or ``balance``
        (exporter's exports minus imports).
    exporter, importer
        Direction, or the pair (perspective first for balances).
    scope
        ``goods``, ``industrial``, ``product:<name>``, ...
    definition
        For ``industrial``: ``D1``/``D2``/``D3``/``D5``.
    currency
        Currency of the rows used.
    """

    source: str
    reporter: str
    flow_kind: derive.FlowKind
    exporter: str
    importer: str
    scope: str = "goods"
    definition: str | None = None
    currency: str = "USD"

    def flows(self) -> list[str]:
        """The reporter's own flow codes this reading uses."""
        if self.flow_kind == "one_way":
            if self.reporter == self.exporter:
                return ["X"]
            if self.reporter == self.importer:
                return ["M"]
            return ["X", "M"]
        return ["X", "M", "T"] if self.flow_kind == "total" else ["X", "M", "B"]

    def what(self) -> str:
        """The flow in words from the reporter's point of view."""
        return explain.spec_what(self)

    def label(self) -> str:
        """E.g. ``"China's statistics (IMF DOTS): China's imports from Belarus"``."""
        return explain.spec_label(self)


@dataclass
class Measurement:
    """The claimed quantity under one reading, over one window (and base)."""

    actual: float
    arithmetic: str
    evidence: list[Evidence] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    approximate: bool = False


@dataclass(frozen=True)
class NoData:
    """Why a reading has no value: a stable ``code`` to branch on and a ``detail`` to show.

    Codes: ``no_period`` (the claim states none), ``no_window`` (the source does not cover
    the window), ``no_base_period``, ``zero_base``, ``no_world`` (a share needs the
    reporter's trade with the world), ``no_detail`` (no commodity rows for an industrial
    scope), ``detail_incomplete`` (commodity rows that cannot give the definition),
    ``unknown_quantity``.

    Examples
    --------
    >>> str(NoData("no_window", "no gacc data covering 2019-01..2019-12"))
    'no gacc data covering 2019-01..2019-12'
    """

    code: str
    detail: str

    def __str__(self) -> str:
        return self.detail

    def to_json(self) -> dict[str, str]:
        return {"code": self.code, "detail": self.detail}


def flow_setup(claim: Claim, pair: tuple[str, str]) -> tuple[derive.FlowKind, str, str]:
    """``(flow_kind, exporter, importer)`` of a claim.

    ``both`` -> total trade of the pair; ``"A->B"`` -> goods from A to B; a ``balance``
    claim is the balance of the first-named country (``A`` of ``"A->B"``, else ``pair[0]``).

    Examples
    --------
    >>> from tradecheck.claims.model import Claim
    >>> c = Claim("x", "level", 1.0, "USD", "eq", "CHN->BLR", None, None, None)
    >>> flow_setup(c, ("BLR", "CHN"))
    ('one_way', 'CHN', 'BLR')
    """
    direction = (claim.direction or "both").strip()
    a, b = pair
    if "->" in direction:
        x, y = (p.strip().upper() for p in direction.split("->", 1))
        if x and y:
            a, b = x, y
    if claim.quantity == "balance":
        return "balance", a, b
    if "->" not in direction:
        return "total", a, b
    return "one_way", a, b


def _pair_rows(df: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
    return df[
        ((df["exporter"] == a) & (df["importer"] == b))
        | ((df["exporter"] == b) & (df["importer"] == a))
    ]


def specs_for(df: pd.DataFrame, claim: Claim, pair: tuple[str, str]) -> list[ReadingSpec]:
    """Statistical (non-published) readings the table offers for a claim: one per
    (source, reporter) group with rows for the pair, times the industrial definitions when
    the claim's scope is ``industrial``."""
    kind, a, b = flow_setup(claim, pair)
    rows = _pair_rows(df, a, b)
    rows = rows[rows["source"] != "published"]
    groups = sorted(set(zip(rows["source"], rows["reporter"], strict=True)))
    currency = claim.currency or "USD"
    out: list[ReadingSpec] = []
    for src, rep in groups:
        if rep not in (a, b):
            continue
        if claim.scope == "industrial":
            for d in scope_mod.DEFINITIONS:
                out.append(ReadingSpec(src, rep, kind, a, b, "industrial", d, currency))
        else:
            out.append(ReadingSpec(src, rep, kind, a, b, claim.scope, None, currency))
    return out


def _evidence(wv: derive.WindowValue, prefix: str = "", sign: int = 1) -> list[Evidence]:
    ev = []
    for i, (_, r) in enumerate(wv.rows.iterrows()):
        s = sign * (wv.signs[i] if i < len(wv.signs) else 1)
        part = wv.parts[i] if i < len(wv.parts) else ""
        ev.append(
            Evidence(
                value=float(r["value"]),
                period_start=str(r["period_start"]),
                period_end=str(r["period_end"]),
                reporter=str(r["reporter"]),
                flow=str(r["flow"]),
                source=str(r["source"]),
                source_file=str(r["source_file"]),
                source_ref=str(r["source_ref"]),
                vintage=str(r["vintage"]),
                how=f"{prefix}{'minus ' if s < 0 else ''}{part}; {wv.how}".strip("; "),
            )
        )
    return ev


#: Key of the :class:`tradecheck.derive.WindowIndex` of the table in a measurement cache.
_INDEX_KEY = ("window_index",)


def _window_value(df: pd.DataFrame, cache: dict | None, **kw: Any) -> derive.WindowValue | None:
    """:func:`tradecheck.derive.window_value`; with a cache, through one
    :class:`~tradecheck.derive.WindowIndex` of the table kept in it (built on first use), so
    the many windows of a check (readings, robustness) share one pass over the table."""
    if cache is None:
        return derive.window_value(df, **kw)
    index = cache.get(_INDEX_KEY)
    if index is None or index.df is not df:  # a cache belongs to one table; never mix
        index = cache[_INDEX_KEY] = derive.WindowIndex(df)
    return index.window_value(**kw)


#: One window's (value, how, evidence, notes, approximate, arithmetic terms).
_WindowResult = tuple[float, str, list[Evidence], list[str], bool, str]


def _window(
    df: pd.DataFrame,
    spec: ReadingSpec,
    period: Period,
    *,
    world: bool = False,
    cache: dict | None = None,
) -> _WindowResult | NoData:
    """Value of one window: (value, how, evidence, notes, approximate, arithmetic terms), or
    the reason there is none."""
    sides = _world_sides(spec) if world else (spec.exporter, spec.importer)
    if isinstance(sides, NoData):
        return sides
    if spec.scope == "industrial":
        return _industrial_window(df, spec, period, sides, cache)
    return _stats_window(df, spec, period, sides, cache)


def _world_sides(spec: ReadingSpec) -> tuple[str, str] | NoData:
    """Exporter and importer of the same reporter's trade with the world.

    The exporter's exports to W00, the importer's imports from W00, or the reporter's total
    with W00.

    Parameters
    ----------
    spec
        The reading.

    Returns
    -------
    tuple of str or NoData
        ``(exporter, importer)``; no data for a one-way flow of a side not stated.
    """
    if spec.flow_kind != "one_way":
        return spec.reporter, WORLD
    if spec.reporter == spec.exporter:
        return spec.exporter, WORLD
    if spec.reporter == spec.importer:
        return WORLD, spec.importer
    return NoData("no_world", "no world total for a side not stated")


def _window_query(spec: ReadingSpec, period: Period, sides: tuple[str, str]) -> dict[str, Any]:
    """The keywords that pick one window's rows, as :func:`tradecheck.derive.window_value` and
    :func:`tradecheck.claims.scope.industrial_value` take them: whose figures (``reporter``,
    ``source``), which flow (``sides`` as exporter and importer, ``flow_kind``), which months
    and currency.

    Examples
    --------
    >>> spec = ReadingSpec("comtrade", "CHN", "one_way", "CHN", "KAZ")
    >>> _window_query(spec, Period("2021-01", "2021-06"), ("CHN", "KAZ"))["end"]
    '2021-06'
    """
    exporter, importer = sides
    return {
        "reporter": spec.reporter,
        "exporter": exporter,
        "importer": importer,
        "start": period.start,
        "end": period.end,
        "source": spec.source,
        "flow_kind": spec.flow_kind,
        "currency": spec.currency,
    }


def _industrial_window(
    df: pd.DataFrame,
    spec: ReadingSpec,
    period: Period,
    sides: tuple[str, str],
    cache: dict | None,
) -> _WindowResult | NoData:
    """Industrial-goods value of one window from commodity detail (see :mod:`.scope`).

    Parameters
    ----------
    df
        Canonical table.
    spec
        The reading (scope ``industrial``; ``definition`` defaults to ``D1``).
    period
        The window.
    sides
        ``(exporter, importer)``.
    cache
        As in :func:`measure`.

    Returns
    -------
    tuple or NoData
        As :func:`_window`.
    """
    sv, why = scope_mod.industrial_value(
        df, spec.definition or "D1", **_window_query(spec, period, sides), cache=cache
    )
    if sv is None:
        code = "no_detail" if isinstance(why, scope_mod.NoDetail) else "detail_incomplete"
        return NoData(code, str(why))
    ev: list[Evidence] = []
    for sign, code, piece in sv.pieces:
        ev += _evidence(piece, prefix=f"code {code}: ", sign=sign)
    terms = _terms([(sg, p.value) for sg, _, p in sv.pieces], sv.value)
    notes = list(sv.notes)
    if any(bool(p.rows["estimate"].any()) for _, _, p in sv.pieces):
        notes.append(_ESTIMATE_NOTE)
    return sv.value, sv.how, ev, notes, sv.approximate, terms


def _stats_window(
    df: pd.DataFrame,
    spec: ReadingSpec,
    period: Period,
    sides: tuple[str, str],
    cache: dict | None,
) -> _WindowResult | NoData:
    """Value of one window from the rows of the reading's source (goods, totals, balances).

    Parameters
    ----------
    df
        Canonical table.
    spec
        The reading.
    period
        The window.
    sides
        ``(exporter, importer)``.
    cache
        As in :func:`measure`.

    Returns
    -------
    tuple or NoData
        As :func:`_window`.
    """
    wv = _window_value(df, cache, **_window_query(spec, period, sides), scope=spec.scope)
    if wv is None:
        src = SOURCE_NAMES.get(spec.source, spec.source)
        return NoData("no_window", f"no {src} data covering {period.start}..{period.end}")
    terms = _terms(list(zip(wv.signs, wv.rows["value"].astype(float), strict=True)), wv.value)
    notes = [_ESTIMATE_NOTE] if bool(wv.rows["estimate"].any()) else []
    derived = [str(n) for n in wv.rows["note"] if str(n or "").startswith("derived:")]
    if derived:
        notes.append(f"{len(derived)} row(s) derived from year-to-date figures")
    return wv.value, wv.how, _evidence(wv), notes, False, terms


def _terms(items: list[tuple[int, float]], total: float) -> str:
    """``a + b - c = total`` (millions); long sums are abbreviated."""
    if len(items) <= 1:
        return money(total)
    if len(items) > 4:
        return f"sum of {len(items)} rows = {money(total)}"
    out = ""
    for i, (sg, v) in enumerate(items):
        op = (" - " if sg < 0 else " + ") if i else ("-" if sg < 0 else "")
        out += f"{op}{money(v)}"
    return f"{out} = {money(total)}"


def measure(
    df: pd.DataFrame,
    spec: ReadingSpec,
    quantity: str,
    period: Period | None,
    base: Period | None,
    *,
    cache: dict | None = None,
) -> Measurement | NoData:
    """The claimed quantity under one reading.

    Parameters
    ----------
    cache
        Optional dict shared by all measurements on the same table (the checker keeps one per
        table and :func:`~tradecheck.claims.check.check` call): it holds a
        :class:`~tradecheck.derive.WindowIndex` of the table and the industrial-goods detail
        (see :func:`tradecheck.claims.scope.industrial_value`). None: every window is
        measured from scratch with :func:`tradecheck.derive.window_value` (same results).

    Returns
    -------
    Measurement or str
        The measurement, or the reason there is none (no data for the window, no base
        period, zero base, no world total).
    """
    if period is None:
        return NoData("no_period", "the claim has no period")
    cur = _window(df, spec, period, cache=cache)
    if isinstance(cur, NoData):
        return cur
    v1, how1, ev1, notes, approx, terms1 = cur
    unit = f"{spec.currency} million"
    if quantity in ("level", "balance"):
        return Measurement(v1, f"{terms1} ({unit}; {how1})", ev1, notes, approx)
    if quantity == "share":
        return _share(df, spec, period, cur, cache)
    if base is None:
        return NoData("no_base_period", "the claim compares with no base period")
    old = _window(df, spec, base, cache=cache)
    if isinstance(old, NoData):
        return NoData(old.code, f"base period: {old.detail}")
    return _change(quantity, cur, old, unit)


def _share(
    df: pd.DataFrame, spec: ReadingSpec, period: Period, cur: _WindowResult, cache: dict | None
) -> Measurement | NoData:
    """Share of the reporter's trade with the world, in percent.

    Parameters
    ----------
    df
        Canonical table.
    spec, period
        The reading and the claimed window.
    cur
        The window's value (from :func:`_window`).
    cache
        As in :func:`measure`.

    Returns
    -------
    Measurement or NoData
    """
    v1, _, ev1, notes, approx, _ = cur
    w = _window(df, spec, period, world=True, cache=cache)
    if isinstance(w, NoData):
        return NoData("no_world", f"share needs the reporter's trade with the world: {w}")
    wv, _, evw, nw, ax, _ = w
    if wv == 0:
        return NoData("zero_base", "the world total is zero")
    s = 100.0 * v1 / wv
    return Measurement(
        s,
        f"100 x {money(v1)} / {money(wv)} = {s:.3f} %",
        ev1 + evw,
        notes + nw,
        approx or ax,
    )


def _change(
    quantity: str, cur: _WindowResult, old: _WindowResult, unit: str
) -> Measurement | NoData:
    """Absolute change, ratio or percent change of the claimed window against the base.

    Parameters
    ----------
    quantity
        ``abs_change``, ``ratio`` or ``pct_change`` (anything else: no data).
    cur, old
        The claimed and the base window (from :func:`_window`).
    unit
        Unit of money amounts in the arithmetic (``"USD million"``).

    Returns
    -------
    Measurement or NoData
        No data for a zero base (ratio, percent change) or an unknown quantity.
    """
    v1, _, ev1, notes, approx, _ = cur
    v0, _how0, ev0, notes0, approx0, _ = old
    ev = ev1 + ev0
    notes = notes + [n for n in notes0 if n not in notes]
    approx = approx or approx0
    if quantity == "abs_change":
        d = v1 - v0
        return Measurement(d, f"{money(v1)} - {money(v0)} = {money(d)} ({unit})", ev, notes, approx)
    if v0 == 0:
        return NoData("zero_base", "the base period value is zero")
    r = v1 / v0
    if quantity == "ratio":
        return Measurement(r, f"{money(v1)} / {money(v0)} = {r:.3f}", ev, notes, approx)
    if quantity == "pct_change":
        p = 100.0 * (r - 1.0)
        return Measurement(
            p, f"100 x ({money(v1)} / {money(v0)} - 1) = {p:.1f} %", ev, notes, approx
        )
    return NoData("unknown_quantity", f"unknown quantity {quantity!r}")


# ---------------------------------------------------------------------------------------------
# published figures


def published_matches(
    df: pd.DataFrame, claim: Claim, pair: tuple[str, str], period: Period
) -> dict[str, list[tuple[pd.Series, int]]]:
    """Published rows stating exactly the claimed figure's window, scope and flow, by side.

    Returns
    -------
    dict
        reporter side -> list of (row, sign); sign is -1 for a balance published from the
        other country's side. Only rows with the very same period and scope count.
    """
    kind, a, b = flow_setup(claim, pair)
    pub = df[(df["source"] == "published") & (df["scope"] == claim.scope)]
    pub = pub[(pub["period_start"] == period.start) & (pub["period_end"] == period.end)]
    if claim.currency:
        pub = pub[pub["currency"] == claim.currency]
    out: dict[str, list[tuple[pd.Series, int]]] = {}
    if pub.empty:
        return out
    if kind == "one_way":
        sel = pub[pub["flow"].isin(["X", "M"]) & (pub["exporter"] == a) & (pub["importer"] == b)]
        sel = sel[
            (sel["reporter"] == UNKNOWN_SIDE)
            | ((sel["reporter"] == a) & (sel["flow"] == "X"))
            | ((sel["reporter"] == b) & (sel["flow"] == "M"))
        ]
        signs = [1] * len(sel)
    else:
        code = "T" if kind == "total" else "B"
        sel = _pair_rows(pub, a, b)
        sel = sel[sel["flow"] == code]
        if code == "B":
            persp = sel["reporter"].where(sel["reporter"] != UNKNOWN_SIDE, sel["exporter"])
            signs = [1 if p == a else -1 for p in persp]
        else:
            signs = [1] * len(sel)
    for (_, row), sg in zip(sel.iterrows(), signs, strict=True):
        out.setdefault(str(row["reporter"]), []).append((row, sg))
    return out


def row_quality(row: pd.Series) -> str:
    """The quality flag a published row carries (the published-figures loader keeps it in
    the ``note`` column as ``quality=<flag>``); ``ok`` when none is given.

    Examples
    --------
    >>> row_quality(pd.Series({"note": "likely false; quality=dubious"}))
    'dubious'
    >>> row_quality(pd.Series({"note": ""}))
    'ok'
    """
    return quality_of(row.get("note"))


@dataclass(frozen=True)
class PublishedFigure:
    """The claimed quantity as one published row (or, for a change, two rows) states it.

    Attributes
    ----------
    value
        The quantity in the claim's unit (a level, or a change computed from two rows).
    allows
        The values the rows' own rounding and bounds allow (None when not computable).
    holds
        Whether the claim agrees with the figure (the two intervals overlap).
    inputs, bounds
        The published values used and how each was worded (``eq``, ``approx``, ...).
    evidence
        One :class:`Evidence` per row.
    doubtful
        A row's quality flag is not ``ok``: the figure is context, never deciding.
    """

    value: float
    allows: Any
    holds: bool
    inputs: tuple[float, ...]
    bounds: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    doubtful: bool = False

    @property
    def exact(self) -> bool:
        """Every row was stated exactly (bound ``eq``)."""
        return all(b == "eq" for b in self.bounds)


def published_evidence(row: pd.Series, sign: int = 1) -> Evidence:
    """Evidence for one published row."""
    flip = " (sign flipped: stated from the other side)" if sign < 0 else ""
    note = str(row.get("note") or "")
    return Evidence(
        value=sign * float(row["value"]),
        period_start=str(row["period_start"]),
        period_end=str(row["period_end"]),
        reporter=str(row["reporter"]),
        flow=str(row["flow"]),
        source="published",
        source_file=str(row["source_file"]),
        source_ref=str(row["source_ref"]),
        vintage=str(row["vintage"]),
        how=f"published figure, bound {row['bound']}{flip}" + (f"; {note}" if note else ""),
    )
