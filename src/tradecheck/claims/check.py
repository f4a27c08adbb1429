"""Judge trade claims against the data under every plausible reading.

:func:`check` takes text (parsed with :func:`tradecheck.claims.parse.parse`) or
:class:`~tradecheck.claims.model.Claim` objects and returns one
:class:`~tradecheck.claims.model.CheckResult` per claim, in claim order.

Readings
    One per plausible interpretation:

    * **whose statistics**: every (source, reporter) group of the data with rows for the
      pair (e.g. IMF DOTS as reported by China, IMF DOTS as reported by Belarus, UN Comtrade
      as reported by China); the direction is mapped to each reporter's own flow (goods
      Belarus -> China are Belarus's exports *and* China's imports);
    * **published figures** of each side (Belarus, China, side not stated) that state the
      very same window, scope and flow (never a different period or scope);
    * **product scope**: ``industrial`` is computed under definitions D1, D2, D3, D5 (see
      :mod:`tradecheck.claims.scope`); ``product:``/``region:`` scopes match only rows of
      exactly that scope.

    When the claim names a reporter, only that reporter's readings count for the verdict;
    the others are still shown, labelled ``[context]``.
Unsure is an answer
    A claim that leaves its direction open (``direction`` None, listed in ``Claim.unsure``)
    is evaluated under every plausible direction -- total trade and each way (a balance:
    each country's balance) -- each alternative with all its readings, labelled with the
    direction assumed (``Reading.assumed``). It is ``supported`` only when every alternative
    is; ``ambiguous`` when it holds under some and not under others (the label names which:
    "ambiguous: holds if read as Belarus's exports to China, not as total trade");
    ``not_supported`` when it holds under none with data. A claim without a period is not
    verifiable ("the claim states no period"); one without a reporter is read with every
    side's statistics. ``CheckResult.ambiguous``/``unsure`` say what was left open.
Holding
    A reading holds when the actual value lies in the claim's interval
    (:mod:`tradecheck.claims.tolerance`). For published figures the published row's own
    rounding and bound give an interval and the claim holds when the two overlap.
    **Several published figures for one window** (they often disagree): all are shown as
    evidence, grouped by the side that published them (one reading per side). The most
    precise figures decide: the exact ("eq") figures when there are any, the hedged ones
    ("about", "more than") only when no exact figure exists. The reading holds when at least
    one deciding figure agrees with the claim (the claim may restate that publication); the
    reason names the agreeing, the disagreeing and the non-deciding figures, so the
    disagreement is visible. The statistical readings remain separate readings and decide
    "mixed" vs "supported".
Context only
    Readings that never decide: another side's statistics when the claim names whose
    statistics it uses, and published rows whose quality flag in the source list is not
    ``ok`` (their own reading, labelled "flagged doubtful"). Both are shown, marked
    ``[context]``, with ``Reading.counted`` False.
Verdict
    ``supported``: holds under every counted reading that has data; ``mixed``: under some;
    ``not_supported``: under none; ``not_verifiable``: no counted reading has data (period
    absent, reporter silent, scope not in the data) — with the reason. Never "supported"
    without data. ``CheckResult.basis`` says what the verdict rests on: ``statistics`` or,
    when no statistical source covers the window, ``published`` — the verdict label then
    reads "consistent with published figures" instead of "supported by statistics".
Near misses
    Every failing reading carries a :class:`~tradecheck.claims.tolerance.Miss`: how far off
    it is in the claim's units and in multiples of the claim's rounding unit, and whether it
    lies outside the claimed interval by no more than the same side's figures for the window
    differ from each other (sources, vintages): a *near miss*. A not-supported claim with a
    near-missing reading is labelled "not supported (near miss)".
Pair and dates
    A claim is judged for its own pair (``Claim.pair``); ``data_as_of`` keeps only the rows
    published (published figures) or released (other sources, by vintage) by that date.

All wording lives in :mod:`tradecheck.claims.explain`; the rules here decide on typed values
(``holds``, :class:`~tradecheck.claims.readings.NoData` codes, ``counted``), never on text.

Examples
--------
>>> from tradecheck import schema
>>> from tradecheck.claims.model import Claim, Period
>>> df = schema.make_frame([dict(reporter="CHN", partner="BLR", flow="X",
...     period_start="2021-01", period_end="2021-12", value=2_729_411_952.0,
...     source="comtrade", source_file="c.csv", source_ref="line 9", vintage="2024-01-01")])
>>> c = Claim("China exported $2.73 bn to Belarus in 2021", "level", 2.73e9, "USD", "eq",
...           "CHN->BLR", None, Period("2021-01", "2021-12"), None, decimals=2)
>>> r = check([c], data=df, robustness=False)[0]
>>> r.verdict, r.readings[0].holds
('supported', True)
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TypeAlias

import pandas as pd

from tradecheck import countries, derive, schema
from tradecheck.claims import currency as currency_mod
from tradecheck.claims import explain
from tradecheck.claims import scope as scope_mod
from tradecheck.claims.model import CheckResult, Claim, Reading
from tradecheck.claims.readings import (
    NoData,
    PublishedFigure,
    ReadingSpec,
    flow_setup,
    measure,
    published_evidence,
    published_matches,
    row_quality,
    specs_for,
)
from tradecheck.claims.tolerance import (
    Interval,
    change_interval,
    claim_unit,
    interval_of,
    miss_of,
    row_interval,
)
from tradecheck.countries import DEFAULT_PAIR, parse_pair
from tradecheck.dates import parse_date
from tradecheck.errors import TradecheckError, UnknownCountryError

__all__ = [
    "DEFAULT_PAIR",
    "CheckResults",
    "check",
    "check_claim",
    "check_frame",
    "date_arg",
    "format_value",
    "pair_arg",
    "resolve_data",
    "restrict_to",
]


DataArg: TypeAlias = pd.DataFrame | str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None


#: Share measurement work: one cache per table (a :class:`~tradecheck.derive.WindowIndex`
#: with memoised window values, the industrial-goods detail) used by every reading and
#: robustness window of a claim, and by every claim of a :func:`check` call about the same
#: countries. False measures every window from scratch with
#: :func:`tradecheck.derive.window_value`: the same results, several times slower; kept so
#: tests can prove the results equal, and for debugging.
SHARE_CACHE = True


class _Tables:
    """The tables of one :func:`check` call: for each set of countries, the rows that can
    matter (the pair's rows and the pair's trade with the world) with the measurement cache
    that belongs to them -- filtered and built once, shared by every claim about the same
    countries."""

    def __init__(self, df: pd.DataFrame) -> None:
        self.df = df
        self._by_countries: dict[frozenset[str], tuple[pd.DataFrame, dict | None]] = {}

    def for_countries(self, ends: set[str]) -> tuple[pd.DataFrame, dict | None]:
        key = frozenset(ends)
        if key not in self._by_countries:
            df = self.df
            if not df.empty:
                mask = (df["exporter"].isin(ends) & df["importer"].isin(ends)) | (
                    df["reporter"].isin(ends) & (df["partner"] == schema.WORLD)
                )
                df = df[mask]
            self._by_countries[key] = (df, {} if SHARE_CACHE else None)
        return self._by_countries[key]


def resolve_data(data: DataArg) -> pd.DataFrame:
    """The canonical table for ``data``: a frame (validated), a path or list of paths
    (:func:`tradecheck.loaders.load`), or None (the processed default dataset)."""
    if data is None:
        try:
            from tradecheck.store.build import read_processed
        except ImportError as exc:
            raise TradecheckError(
                "no data given and the processed dataset is not available "
                f"(tradecheck.store.build: {exc}); pass data= a canonical frame or raw files"
            ) from None
        return read_processed()
    if isinstance(data, pd.DataFrame):
        return schema.validate(data)
    from tradecheck.loaders import load

    if isinstance(data, (str, os.PathLike)):
        return load(data)
    return load(list(data))


def format_value(v: float | None, quantity: str, currency: str | None = "USD") -> str:
    """A value in the claim's own unit, with its unit (see :func:`tradecheck.claims.explain.show`).

    Examples
    --------
    >>> format_value(2.2e9, "level")
    '$2.2B'
    >>> format_value(1.9703, "ratio")
    '×1.97'
    """
    return explain.show(v, quantity, currency)


def _stat_reading(
    df: pd.DataFrame, claim: Claim, spec: ReadingSpec, frame: _Frame, cache: dict | None
) -> Reading:
    m = measure(df, spec, claim.quantity, claim.period, claim.base_period, cache=cache)
    m = currency_mod.like_with_like(df, claim, spec, m, cache)  # other currencies: say, convert
    r = Reading(
        label=spec.label(),
        reporter=spec.reporter,
        source=spec.source,
        flows=spec.flows(),
        scope=spec.scope if not spec.definition else f"industrial:{spec.definition}",
        claimed=float(claim.value),
        interval=frame.interval,
        actual=None,
        holds=None,
        spec=spec,
    )
    if isinstance(m, NoData):
        r.no_data, r.reason = m, m.detail
        if spec.scope not in ("goods", "industrial"):
            r.reason = f"no rows of scope {spec.scope} in {spec.source}: {m.detail}"
        return r
    r.actual, r.holds = m.actual, frame.interval.contains(m.actual)
    r.arithmetic, r.evidence = m.arithmetic, m.evidence
    if m.approximate:
        r.label += " (approximate: HS chapters mapped to SITC sections)"
    step = frame.unit / 10 if frame.unit else None
    r.reason = explain.stat_reason(
        m.actual, r.holds, frame.target, claim.quantity, claim.currency, step, m.notes
    )
    return r


@dataclass(frozen=True)
class _Frame:
    """What every reading of one claim shares, computed once: the flow, the claimed
    interval, the claim's rounding unit and the interval in words."""

    kind: derive.FlowKind
    exporter: str
    importer: str
    interval: Interval
    unit: float | None
    target: str

    @classmethod
    def of(cls, claim: Claim, pair: tuple[str, str]) -> _Frame:
        kind, a, b = flow_setup(claim, pair)
        iv = interval_of(claim)
        unit = claim_unit(claim)
        target = explain.interval_text(iv, claim.quantity, claim.currency, unit)
        return cls(kind, a, b, iv, unit, target)


def _level_figures(
    cur: dict[str, list[tuple[pd.Series, int]]], iv: Interval
) -> dict[str, list[PublishedFigure]]:
    out: dict[str, list[PublishedFigure]] = {}
    for side, rows in cur.items():
        for row, sg in rows:
            v = sg * float(row["value"])
            ok = iv.overlaps(row_interval(v, str(row["bound"])))
            fig = PublishedFigure(
                v, row_interval(v, str(row["bound"])), ok, (v,), (str(row["bound"]),),
                (published_evidence(row, sg),), row_quality(row) != "ok",
            )  # fmt: skip
            out.setdefault(side, []).append(fig)
    return out


def _change_figure(
    r1: pd.Series, s1: int, r0: pd.Series, s0: int, quantity: str, iv: Interval
) -> PublishedFigure | None:
    """A change computed from two published rows (None for a zero base)."""
    v1, v0 = s1 * float(r1["value"]), s0 * float(r0["value"])
    if quantity == "abs_change":
        x = v1 - v0
    elif v0 == 0:
        return None
    else:
        x = v1 / v0 if quantity == "ratio" else 100 * (v1 / v0 - 1)
    # both figures are rounded (and maybe hedged): the change may be anything their
    # intervals allow
    civ = change_interval(
        row_interval(v1, str(r1["bound"])), row_interval(v0, str(r0["bound"])), quantity
    )
    ok = iv.overlaps(civ) if civ is not None else iv.contains(x)
    doubtful = row_quality(r1) != "ok" or row_quality(r0) != "ok"
    ev = (published_evidence(r1, s1), published_evidence(r0, s0))
    return PublishedFigure(x, civ, ok, (v1, v0), (str(r1["bound"]), str(r0["bound"])), ev, doubtful)


def _published_figures(
    df: pd.DataFrame, claim: Claim, pair: tuple[str, str], iv: Interval
) -> dict[str, list[PublishedFigure]]:
    """Published figures for the claim's window, by side (levels, or changes from two)."""
    if claim.period is None or claim.quantity == "share":
        return {}
    cur = published_matches(df, claim, pair, claim.period)
    if claim.quantity in ("level", "balance"):
        return _level_figures(cur, iv)
    if claim.base_period is None:
        return {}
    old = published_matches(df, claim, pair, claim.base_period)
    out: dict[str, list[PublishedFigure]] = {}
    for side in sorted(set(cur) & set(old)):
        for r1, s1 in cur[side]:
            for r0, s0 in old[side]:
                fig = _change_figure(r1, s1, r0, s0, claim.quantity, iv)
                if fig is not None:
                    out.setdefault(side, []).append(fig)
    return out


def _published_reading(
    claim: Claim, spec: ReadingSpec, figs: list[PublishedFigure], frame: _Frame, doubtful: bool
) -> Reading:
    """One reading per side: the most precise figures decide -- exact ("eq") figures when
    there are any, hedged ones ("about", "more than") only when no exact figure exists; it
    holds when at least one deciding figure agrees. Figures flagged doubtful form their own
    reading, context only."""
    figs = figs[:25]
    deciding = [f for f in figs if f.exact] or figs
    good = [f for f in deciding if f.holds]
    # the figure shown as 'actual': the agreeing one closest to the claim, else the first
    actual = (
        min(good, key=lambda f: abs(f.value - claim.value)).value if good else deciding[0].value
    )
    q, cur = claim.quantity, claim.currency
    label = spec.label()
    return Reading(
        label=explain.context_label(label, "doubtful") if doubtful else label,
        reporter=spec.reporter,
        source="published",
        flows=spec.flows(),
        scope=claim.scope,
        claimed=float(claim.value),
        interval=frame.interval,
        actual=actual,
        holds=bool(good),
        reason=explain.published_reason(figs, deciding, frame.target, q, cur),
        arithmetic="published figure(s): "
        + ", ".join(explain.figure_text(f, q, cur) for f in figs),
        evidence=[e for f in figs for e in f.evidence],
        spec=spec,
        counted=not doubtful,
        context="doubtful" if doubtful else None,
    )


def _published_readings(
    df: pd.DataFrame, claim: Claim, pair: tuple[str, str], frame: _Frame
) -> list[Reading]:
    out: list[Reading] = []
    figures = _published_figures(df, claim, pair, frame.interval)
    for side in sorted(figures):
        spec = ReadingSpec(
            "published", side, frame.kind, frame.exporter, frame.importer, claim.scope, None,
            claim.currency or "USD",
        )  # fmt: skip
        for doubtful in (False, True):
            figs = [f for f in figures[side] if f.doubtful is doubtful]
            if figs:
                out.append(_published_reading(claim, spec, figs, frame, doubtful))
    return out


def _has_detail(df: pd.DataFrame, source: str, reporter: str, cache: dict | None) -> bool:
    """Whether one (source, reporter) group has commodity detail (memoised in the cache)."""
    key = ("has_commodity_detail", source, reporter)
    if cache is not None and key in cache:
        return bool(cache[key])
    got = scope_mod.has_commodity_detail(
        df[(df["source"] == source) & (df["reporter"] == reporter)]
    )
    if cache is not None:
        cache[key] = got
    return got


def _no_detail_reading(
    df: pd.DataFrame, claim: Claim, spec: ReadingSpec, frame: _Frame, cache: dict | None
) -> Reading:
    """One reading for all industrial definitions of a (source, reporter) without
    commodity detail, saying whether even the goods total exists."""
    generic = replace(spec, scope="goods", definition=None)
    total = measure(df, generic, claim.quantity, claim.period, claim.base_period, cache=cache)
    return Reading(
        label=_any_definition_label(spec),
        reporter=spec.reporter,
        source=spec.source,
        flows=spec.flows(),
        scope="industrial",
        claimed=float(claim.value),
        interval=frame.interval,
        actual=None,
        holds=None,
        reason=explain.no_detail_reason(
            spec.source, spec.reporter, total if isinstance(total, NoData) else None
        ),
        spec=replace(spec, definition=None),
        no_data=NoData("no_detail", "no commodity detail (SITC or HS rows)"),
    )


def _stat_readings(
    df: pd.DataFrame, claim: Claim, pair: tuple[str, str], frame: _Frame, cache: dict | None
) -> list[Reading]:
    """The statistical readings; the industrial definitions of a (source, reporter) without
    commodity detail collapse into one reading."""
    readings: list[Reading] = []
    seen_nodetail: set[tuple[str, str]] = set()
    for spec in specs_for(df, claim, pair):
        key = (spec.source, spec.reporter)
        if spec.scope == "industrial" and not _has_detail(df, spec.source, spec.reporter, cache):
            if key not in seen_nodetail:
                seen_nodetail.add(key)
                readings.append(_no_detail_reading(df, claim, spec, frame, cache))
            continue
        reading = _stat_reading(df, claim, spec, frame, cache)
        if reading.no_data is not None and reading.no_data.code == "no_detail":
            if key in seen_nodetail:
                continue
            seen_nodetail.add(key)
            reading.label = _any_definition_label(spec)
            reading.scope = "industrial"
            reading.spec = replace(spec, definition=None)
        readings.append(reading)
    return readings


def _any_definition_label(spec: ReadingSpec) -> str:
    """The label of a reading that stands for every industrial definition."""
    return replace(spec, scope="goods", definition=None).label() + (
        ", industrial goods (any definition)"
    )


def _add_misses(claim: Claim, readings: list[Reading], frame: _Frame) -> None:
    """Attach to every failing reading how far it is off and whether that lies within the
    spread of the same side's figures for the window -- its sources and the vintages they
    publish, e.g. China's customs via the IMF and as published (a near miss). Mirror
    statistics of the other side are not a revision of these figures and do not count."""
    for r in readings:
        if r.holds is False and r.actual is not None:
            values = [
                x.actual
                for x in readings
                if x.reporter == r.reporter and x.actual is not None and x.context != "doubtful"
            ]
            r.miss = miss_of(frame.interval, float(claim.value), r.actual, frame.unit, values)
            r.reason += "; " + explain.miss_text(r.miss, claim.quantity, claim.currency)


def _mark_context(claim: Claim, readings: list[Reading]) -> None:
    """Readings of another reporter than the one the claim names are context only."""
    if claim.reporter is None:
        return
    for r in readings:
        if r.reporter != claim.reporter and r.counted:
            r.counted, r.context = False, "other_reporter"
            r.label = explain.context_label(r.label, "other_reporter")


def _readings(
    df: pd.DataFrame, claim: Claim, pair: tuple[str, str], cache: dict | None
) -> list[Reading]:
    frame = _Frame.of(claim, pair)
    readings = _stat_readings(df, claim, pair, frame, cache)
    readings += _published_readings(df, claim, pair, frame)
    _mark_context(claim, readings)
    _add_misses(claim, readings, frame)
    return readings


def _verdict(counted: list[Reading]) -> tuple[str, str | None, bool]:
    """``(verdict, basis, near_miss)`` from the counted readings that have data."""
    if not counted:
        return "not_verifiable", None, False
    only_published = all(r.source == "published" for r in counted)
    basis = "published" if only_published else "statistics"
    good = [r for r in counted if r.holds]
    if len(good) == len(counted):
        return "supported", basis, False
    if good:
        return "mixed", basis, False
    near = any(r.miss is not None and r.miss.near for r in counted)
    return "not_supported", basis, near


def check_claim(
    claim: Claim,
    df: pd.DataFrame,
    *,
    pair: tuple[str, str] | None = None,
    robustness: bool = True,
    _tables: _Tables | None = None,
) -> CheckResult:
    """Judge one claim against a canonical table (see the module docstring for the rules).

    ``pair`` defaults to the claim's own pair; a different one is an error.
    ``_tables`` (internal) carries the filtered tables and caches of a :func:`check` call."""
    pair = _own_pair(claim, pair)
    if not isinstance(claim.value, (int, float)) or not math.isfinite(claim.value):
        return CheckResult(
            claim,
            "not_verifiable",
            [],
            reason=f"the claimed value {claim.value!r} is not a finite number",
        )
    if _tables is None or _tables.df is not df:
        _tables = _Tables(df)
    alts = _alternatives(claim, pair)
    # only rows of the pair (and the pair's trade with the world, for shares) can matter; the
    # cache goes with those rows (None when SHARE_CACHE is off)
    df, cache = _tables.for_countries(_countries_read(claim, pair, alts))
    readings, outcomes, own = _judge_alternatives(df, claim, pair, alts, cache)
    verdict, basis, near = _combine(outcomes) if outcomes else own
    counted = [r for r in readings if r.counted and r.holds is not None]
    res = CheckResult(claim, verdict, readings, basis=basis, near_miss=near)  # type: ignore[arg-type]
    res.alternatives = outcomes
    if verdict == "not_verifiable":
        res.reason = explain.unverifiable_reason(claim, readings, not df.empty)
        return res
    res.reason = explain.verdict_reason(res, counted)
    if robustness:
        from tradecheck.claims.robustness import robustness as _robustness

        res.robustness = _robustness(claim, df, readings, pair=pair, cache=cache)
    return res


def _countries_read(claim: Claim, pair: tuple[str, str], alts: list[str | None]) -> set[str]:
    """The countries whose rows a claim's readings can use: the pair's, and the exporter and
    importer of the claim's flow under every alternative direction (:func:`flow_setup`).

    Examples
    --------
    >>> c = Claim("x", "level", 1.0, "USD", "eq", "KAZ->CHN", None, None, None)
    >>> sorted(_countries_read(c, ("CHN", "RUS"), [None]))
    ['CHN', 'KAZ', 'RUS']
    """
    ends = set(pair)
    for d in alts:
        ends |= set(flow_setup(_assume(claim, d), pair)[1:])
    return ends


def _judge_alternatives(
    df: pd.DataFrame,
    claim: Claim,
    pair: tuple[str, str],
    alts: list[str | None],
    cache: dict | None,
) -> tuple[list[Reading], list[dict], tuple[str, str | None, bool]]:
    """Read the claim under each alternative direction (:func:`_alternatives`).

    Returns
    -------
    tuple
        Every reading (those of an assumed direction marked so), one outcome per assumed
        direction (:func:`_outcome`), and ``(verdict, basis, near_miss)`` of the last
        alternative: the claim's own when it states its direction (then there are no outcomes).
    """
    readings: list[Reading] = []
    outcomes: list[dict] = []
    for d in alts:
        rs = _readings(df, _assume(claim, d), pair, cache) if not df.empty else []
        counted = [r for r in rs if r.counted and r.holds is not None]
        v, basis, near = _verdict(counted)
        if d is not None:
            explain.mark_assumed(rs, d, claim.quantity)
            outcomes.append(_outcome(d, v, basis, near, counted))
        readings += rs
    return readings, outcomes, (v, basis, near)


def _alternatives(claim: Claim, pair: tuple[str, str]) -> list[str | None]:
    """The directions a claim is evaluated under: ``[None]`` (its own) when it states one;
    when it left the direction open, every plausible one -- total trade and each way (a
    balance: each country's balance)."""
    if claim.direction is not None:
        return [None]
    a, b = pair
    ways: list[str | None] = [f"{a}->{b}", f"{b}->{a}"]
    return ways if claim.quantity == "balance" else ["both", *ways]


def _assume(claim: Claim, direction: str | None) -> Claim:
    """The claim with an assumed direction (itself for None)."""
    return claim if direction is None else replace(claim, direction=direction)


def _outcome(
    direction: str, verdict: str, basis: str | None, near: bool, counted: list[Reading]
) -> dict:
    """One alternative's outcome, as :attr:`CheckResult.alternatives` lists it."""
    return {
        "assumed": direction,
        "verdict": verdict,
        "basis": basis,
        "near_miss": near,
        "readings_with_data": len(counted),
        "readings_holding": sum(1 for r in counted if r.holds),
    }


def _combine(outcomes: list[dict]) -> tuple[str, str | None, bool]:
    """``(verdict, basis, near_miss)`` of a claim evaluated under several alternatives.

    ``supported`` only when every alternative is supported (whatever the text meant, it
    holds); ``ambiguous`` when it holds (fully or in part) under some alternatives and not
    under others (including alternatives without data); ``not_supported`` when it holds
    under none that has data; ``not_verifiable`` when none has data.
    """
    with_data = [o for o in outcomes if o["verdict"] != "not_verifiable"]
    if not with_data:
        return "not_verifiable", None, False
    basis = "published" if all(o["basis"] == "published" for o in with_data) else "statistics"
    verdicts = [o["verdict"] for o in outcomes]
    if all(v == "supported" for v in verdicts):
        return "supported", basis, False
    if any(v in ("supported", "mixed") for v in verdicts):
        return "ambiguous", basis, False
    return "not_supported", basis, any(o["near_miss"] for o in with_data)


def _own_pair(claim: Claim, pair: Sequence[str] | str | None) -> tuple[str, str]:
    """The pair a claim is judged for: its own (``Claim.pair``); ``pair`` must agree."""
    own = getattr(claim, "pair", None)
    given = None if pair is None else pair_arg(pair)
    if own is None:
        return given or DEFAULT_PAIR
    own = pair_arg(own)  # "AAA-BBB" (Claim.pair) or a two-item sequence
    if given is not None and given != own:
        raise TradecheckError(
            f"pair: the claim {claim.span[:60]!r} was read for {'-'.join(own)}, but "
            f"pair={'-'.join(given)} was given; check it for its own pair or parse the text "
            "again for the other pair"
        )
    return own


def pair_arg(pair: Sequence[str] | str) -> tuple[str, str]:
    """Validate a pair of countries: ``"BLR-CHN"`` or ``("BLR", "CHN")``, two different
    known ISO3 codes.

    Raises
    ------
    TradecheckError
        For a malformed pair (``UnknownCountryError`` for a code that names no country).

    Examples
    --------
    >>> pair_arg("blr-chn")
    ('BLR', 'CHN')
    """
    a, b = parse_pair(pair)  # the one pair parser (syntax); here also: known countries
    for code in (a, b):
        if not countries.is_known(code, "iso3"):
            raise UnknownCountryError(f"pair: {code!r} is not an ISO 3166 alpha-3 country code")
    return a, b


def date_arg(value: str | date | None, name: str) -> date | None:
    """A date argument: a :class:`datetime.date` or ``YYYY-MM-DD`` (``YYYY-MM``, ``YYYY``:
    the first day), read by :func:`tradecheck.dates.parse_date`.

    Examples
    --------
    >>> date_arg("2025-11-05", "data_as_of")
    datetime.date(2025, 11, 5)
    """
    return parse_date(value, what=name)


def restrict_to(df: pd.DataFrame, as_of: date) -> pd.DataFrame:
    """The rows published or released by ``as_of``: a published figure by its publication
    date, every other row by its vintage. Rows whose date is unknown are left out (nobody
    can say they were public by then). A vintage of only a year or month counts when that
    year or month had begun.

    Examples
    --------
    >>> df = pd.DataFrame({"vintage": ["2025-11-29", "2026-01-03", "2025", ""]})
    >>> restrict_to(df, date(2025, 12, 31))["vintage"].tolist()
    ['2025-11-29', '2025']
    """
    day = as_of.isoformat()
    vint = df["vintage"].astype(str).str.strip()
    known = vint.str.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?")
    cut = vint.str.len().map(lambda n: day[:n])
    return df[known & (vint <= cut)]


class CheckResults(list):
    """The results of :func:`check`: a list, with a notebook display and :meth:`to_frame`."""

    def to_frame(self) -> pd.DataFrame:
        """One row per claim (see :func:`tradecheck.claims.explain.results_frame`)."""
        return explain.results_frame(list(self))

    def _repr_html_(self) -> str:
        return explain.results_html(list(self))


def _as_claims(
    text_or_claims: str | Claim | dict | Iterable[Claim | dict],
    as_of: str | date | None,
    pair: tuple[str, str] | None,
) -> list[Claim]:
    if isinstance(text_or_claims, str):
        from tradecheck.claims.parse import parse  # lazy: the parser is a separate stage

        return list(parse(text_or_claims, as_of=as_of, pair=pair or DEFAULT_PAIR))
    if isinstance(text_or_claims, (Claim, dict)):
        text_or_claims = [text_or_claims]
    out = []
    for c in text_or_claims:
        if isinstance(c, dict):
            d = c
            c = Claim.from_json(d)
            # the claim's own pair when the JSON states it; an older JSON claim without one is
            # about the pair asked for
            c.pair = "-".join(pair_arg(d.get("pair") or pair or DEFAULT_PAIR))
        out.append(c)
    return out


def check(
    text_or_claims: str | Claim | dict | Iterable[Claim | dict],
    *,
    data: DataArg = None,
    as_of: str | date | None = None,
    pair: Sequence[str] | str | None = None,
    robustness: bool = True,
    data_as_of: str | date | None = None,
) -> CheckResults:
    """Check the claims of a text (or given claims) against the data.

    Parameters
    ----------
    text_or_claims
        Text (parsed with :func:`tradecheck.claims.parse.parse`), a :class:`Claim`, a claim
        JSON dict, or a list of them.
    data
        Canonical DataFrame, a raw file/folder path or a list of them, or None for the
        processed default dataset.
    as_of
        Publication date of the text (resolves "last year" etc. when parsing).
    pair
        The two countries (ISO3, ``("BLR", "CHN")`` or ``"BLR-CHN"``) a text is read for;
        default BLR-CHN. A :class:`Claim` is judged for its own pair: a different ``pair``
        is an error.
    robustness
        Also compare over neighbouring windows and report fragility.
    data_as_of
        Judge with the data public by this date (``YYYY-MM-DD``): published figures by their
        publication date, other sources by their vintage ("was it true when it was said?").
        Default: all data.

    Returns
    -------
    CheckResults
        A list of :class:`CheckResult`, one per claim in claim order; empty only for a text
        without a claim.

    Raises
    ------
    TradecheckError
        For a malformed ``as_of``/``data_as_of`` or ``pair``, an unknown country, a claim
        read for another pair, or data that cannot be loaded.
    """
    given = None if pair is None else pair_arg(pair)
    cutoff = date_arg(data_as_of, "data_as_of")
    claims = _as_claims(text_or_claims, as_of, given)
    if not claims:
        return CheckResults()
    for c in claims:
        _own_pair(c, given)  # a mismatch is an error before any work is done
    df = resolve_data(data)  # read or loaded once for all claims
    if cutoff is not None:
        df = restrict_to(df, cutoff)
    tables = _Tables(df) if SHARE_CACHE else None
    out = CheckResults()
    for claim in claims:
        res = _check_one(claim, df, given, robustness, tables)
        if cutoff is not None:
            res.data_as_of = cutoff.isoformat()
            if res.verdict == "not_verifiable":
                res.reason += explain.as_of_note(res.data_as_of)
        out.append(res)
    return out


def _check_one(
    claim: Claim,
    df: pd.DataFrame,
    pair: tuple[str, str] | None,
    robustness: bool,
    tables: _Tables | None,
) -> CheckResult:
    try:
        return check_claim(claim, df, pair=pair, robustness=robustness, _tables=tables)
    except UnknownCountryError:
        raise
    except TradecheckError as exc:
        return CheckResult(claim, "not_verifiable", [], reason=str(exc))
    except (KeyError, ValueError, TypeError, ArithmeticError, IndexError) as exc:
        # a malformed claim (e.g. a period that is not "YYYY-MM") must not crash the run
        reason = f"claim could not be checked: {type(exc).__name__}: {exc}"
        return CheckResult(claim, "not_verifiable", [], reason=reason)


def check_frame(
    texts_or_file: str | os.PathLike[str] | Iterable[str],
    **kwargs: object,
) -> pd.DataFrame:
    """Check several statements and tabulate the verdicts: one row per claim.

    Parameters
    ----------
    texts_or_file
        A list of texts, one text, or the path of a UTF-8 file with one statement per line
        (blank lines and lines starting with ``#`` are skipped).
    **kwargs
        Passed to :func:`check` (``data``, ``as_of``, ``pair``, ``data_as_of``, ...);
        robustness is off unless asked for.

    Returns
    -------
    pandas.DataFrame
        ``text`` (the statement's number, from 1), then the columns of
        :func:`tradecheck.claims.explain.results_frame` (claim as read, ``verdict``,
        ``verdict_label``, ``basis``, ``near_miss``, ...). A statement without a claim gives
        no row.
    """
    texts = _texts(texts_or_file)
    kwargs.setdefault("robustness", False)
    frames = []
    for i, text in enumerate(texts, start=1):
        frame = check(text, **kwargs).to_frame()  # type: ignore[arg-type]
        frame.insert(0, "text", i)
        frames.append(frame)
    if not frames:
        return explain.results_frame([]).assign(text=pd.Series(dtype=int))
    return pd.concat(frames, ignore_index=True)


def _texts(texts_or_file: str | os.PathLike[str] | Iterable[str]) -> list[str]:
    """The statements of :func:`check_frame`'s argument."""
    from tradecheck.report.notebook import read_claims_file

    if isinstance(texts_or_file, os.PathLike):
        return read_claims_file(texts_or_file)
    if isinstance(texts_or_file, str):
        is_file = "\n" not in texts_or_file and os.path.isfile(texts_or_file)
        return read_claims_file(texts_or_file) if is_file else [texts_or_file]
    return [str(t) for t in texts_or_file]
