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
Verdict
    ``supported``: holds under every counted reading that has data; ``mixed``: under some;
    ``not_supported``: under none; ``not_verifiable``: no counted reading has data (period
    absent, reporter silent, scope not in the data) — with the reason. Never "supported"
    without data.

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
from datetime import date
from typing import Any, TypeAlias

import pandas as pd

from tradecheck import schema
from tradecheck.claims import scope as scope_mod
from tradecheck.claims.model import CheckResult, Claim, Reading
from tradecheck.claims.readings import (
    MONEY_QUANTITIES,
    ReadingSpec,
    flow_setup,
    measure,
    money,
    published_evidence,
    published_matches,
    specs_for,
)
from tradecheck.claims.tolerance import Interval, change_interval, claim_interval, row_interval
from tradecheck.countries import DEFAULT_PAIR
from tradecheck.errors import TradecheckError

__all__ = ["check", "check_claim", "format_value", "resolve_data"]

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
    """A value in the claim's own unit: money in millions, ratios with 3 decimals, percent
    with 1 (shares 2).

    Examples
    --------
    >>> format_value(2.2e9, "level")
    'USD 2,200.0 m'
    >>> format_value(1.9703, "ratio")
    '1.970'
    """
    if v is None:
        return "n/a"
    if quantity in MONEY_QUANTITIES:
        return f"{currency or 'USD'} {money(v)} m"
    if quantity == "ratio":
        return f"{v:.3f}"
    if quantity == "share":
        return f"{v:.3f} %"
    return f"{v:.1f} %"


def _describe(iv: Interval, quantity: str, currency: str | None) -> str:
    if quantity in MONEY_QUANTITIES:
        return _describe_money(iv, currency)
    if quantity == "ratio":
        return iv.describe("{:.4g}")
    return iv.describe("{:.4g}") + " %"


def _describe_money(iv: Interval, currency: str | None) -> str:
    scaled = Interval(
        None if iv.lo is None else iv.lo / 1e6,
        None if iv.hi is None else iv.hi / 1e6,
        iv.lo_closed,
        iv.hi_closed,
    )
    return f"{scaled.describe('{:,.2f}')} {currency or 'USD'} m"


def _claimed_interval(claim: Claim) -> Interval:
    return claim_interval(
        claim.value,
        claim.bound,
        decimals=claim.decimals,
        quantity=claim.quantity,
        span=claim.span,
        lang=claim.lang,
    )


def _stat_reading(
    df: pd.DataFrame, claim: Claim, spec: ReadingSpec, iv: Interval, cache: dict | None
) -> Reading:
    m = measure(df, spec, claim.quantity, claim.period, claim.base_period, cache=cache)
    base = {
        "label": spec.label(),
        "reporter": spec.reporter,
        "source": spec.source,
        "flows": spec.flows(),
        "scope": spec.scope if not spec.definition else f"industrial:{spec.definition}",
        "claimed": float(claim.value),
        "interval": iv.as_tuple(),
    }
    if isinstance(m, str):
        reason = m
        if spec.scope not in ("goods", "industrial"):
            reason = f"no rows of scope {spec.scope} in {spec.source}: " + m
        return Reading(actual=None, holds=None, reason=reason, **base)  # type: ignore[arg-type]
    holds = iv.contains(m.actual)
    label = base["label"]
    if m.approximate:
        base["label"] = f"{label} (approximate: HS chapters mapped to SITC sections)"
    reason = (
        f"{format_value(m.actual, claim.quantity, claim.currency)} "
        f"{'is' if holds else 'is not'} within {_describe(iv, claim.quantity, claim.currency)}"
    )
    if m.notes:
        reason += "; " + "; ".join(m.notes)
    return Reading(
        actual=m.actual,
        holds=holds,
        reason=reason,
        arithmetic=m.arithmetic,
        evidence=m.evidence,
        **base,  # type: ignore[arg-type]
    )


def _published_readings(  # noqa: C901  claim reader, to be rebuilt as small resolvers
    df: pd.DataFrame, claim: Claim, pair: tuple[str, str], iv: Interval
) -> list[Reading]:
    if claim.period is None or claim.quantity == "share":
        return []
    kind, a, b = flow_setup(claim, pair)
    cur = published_matches(df, claim, pair, claim.period)
    if claim.quantity in ("level", "balance"):
        combos: dict[str, list[tuple[float, bool, list, str, bool]]] = {}
        for side, rows in cur.items():
            for row, sg in rows:
                v = sg * float(row["value"])
                riv = row_interval(v, str(row["bound"]))
                ok = iv.overlaps(riv)
                text = f"{format_value(v, claim.quantity, claim.currency)} ({row['bound']})"
                combos.setdefault(side, []).append(
                    (v, ok, [published_evidence(row, sg)], text, row["bound"] == "eq")
                )
    else:
        if claim.base_period is None:
            return []
        old = published_matches(df, claim, pair, claim.base_period)
        combos = {}
        for side in sorted(set(cur) & set(old)):
            for r1, s1 in cur[side]:
                for r0, s0 in old[side]:
                    v1, v0 = s1 * float(r1["value"]), s0 * float(r0["value"])
                    if claim.quantity == "abs_change":
                        x: float | None = v1 - v0
                    elif v0 == 0:
                        x = None
                    else:
                        x = v1 / v0 if claim.quantity == "ratio" else 100 * (v1 / v0 - 1)
                    if x is None:
                        continue
                    # both figures are rounded (and maybe hedged): the change may be anything
                    # their intervals allow
                    civ = change_interval(
                        row_interval(v1, str(r1["bound"])),
                        row_interval(v0, str(r0["bound"])),
                        claim.quantity,
                    )
                    ok = iv.overlaps(civ) if civ is not None else iv.contains(x)
                    text = (
                        f"{format_value(x, claim.quantity, claim.currency)} from "
                        f"{money(v1)} ({r1['bound']}) and {money(v0)} ({r0['bound']})"
                    )
                    if civ is not None:
                        text += f", possible {_describe(civ, claim.quantity, claim.currency)}"
                    exact = r1["bound"] == "eq" and r0["bound"] == "eq"
                    combos.setdefault(side, []).append(
                        (
                            x,
                            ok,
                            [published_evidence(r1, s1), published_evidence(r0, s0)],
                            text,
                            exact,
                        )
                    )
    out: list[Reading] = []
    for side in sorted(combos):
        items = combos[side][:25]
        spec = ReadingSpec(
            "published", side, kind, a, b, claim.scope, None, claim.currency or "USD"
        )
        # the most precise figures decide: exact ("eq") figures when there are any; figures
        # stated with a bound ("about", "more than") only when no exact figure exists
        exact = [t for t in items if t[4]]
        deciding = exact or items
        good = [t for t in deciding if t[1]]
        bad = [t for t in deciding if not t[1]]
        holds = bool(good)
        # the figure shown as 'actual': the agreeing figure closest to the claim (several may
        # agree through their own rounding), else the first deciding one
        actual = (
            min(good, key=lambda t: abs(t[0] - float(claim.value)))[0] if good else deciding[0][0]
        )
        evidence = [e for t in items for e in t[2]]
        target = _describe(iv, claim.quantity, claim.currency)
        if len(items) == 1:
            reason = (
                f"one published figure: {items[0][3]}; "
                + ("agrees" if holds else "does not agree")
                + f" with {target}"
            )
        else:
            kind_text = "exact " if exact and len(exact) < len(items) else ""
            reason = (
                f"{len(good)} of {len(deciding)} {kind_text}published figures for this window "
                f"agree with {target}"
            )
            if good:
                reason += "; agreeing: " + ", ".join(t[3] for t in good)
            if bad:
                reason += "; disagreeing: " + ", ".join(t[3] for t in bad)
            if exact and len(exact) < len(items):
                reason += "; not deciding (stated with a bound, an exact figure exists): " + (
                    ", ".join(t[3] for t in items if not t[4])
                )
            if good and bad:
                reason += (
                    " (the publications disagree; rule: the reading holds when at "
                    "least one deciding figure agrees)"
                )
        arithmetic = "published figure(s): " + ", ".join(t[3] for t in items)
        out.append(
            Reading(
                label=spec.label(),
                reporter=side,
                source="published",
                flows=spec.flows(),
                scope=claim.scope,
                claimed=float(claim.value),
                interval=iv.as_tuple(),
                actual=actual,
                holds=holds,
                reason=reason,
                arithmetic=arithmetic,
                evidence=evidence,
            )
        )
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


def _readings(
    df: pd.DataFrame, claim: Claim, pair: tuple[str, str], cache: dict | None
) -> list[Reading]:
    iv = _claimed_interval(claim)
    readings: list[Reading] = []
    specs = specs_for(df, claim, pair)
    seen_nodetail: set[tuple[str, str]] = set()
    for spec in specs:
        if spec.scope == "industrial":
            key = (spec.source, spec.reporter)
            if not _has_detail(df, spec.source, spec.reporter, cache):
                if key in seen_nodetail:
                    continue
                seen_nodetail.add(key)
                generic = ReadingSpec(
                    spec.source,
                    spec.reporter,
                    spec.flow_kind,
                    spec.exporter,
                    spec.importer,
                    "goods",
                    None,
                    spec.currency,
                )
                reason = (
                    f"no commodity detail (SITC or HS rows) in {spec.source} "
                    f"for {spec.reporter}: industrial goods cannot be computed"
                )
                # say also whether the goods total itself exists for the window
                total = measure(
                    df, generic, claim.quantity, claim.period, claim.base_period, cache=cache
                )
                if isinstance(total, str):
                    reason += f"; not even the goods total is available ({total})"
                readings.append(
                    Reading(
                        label=generic.label() + ", industrial goods (any definition)",
                        reporter=spec.reporter,
                        source=spec.source,
                        flows=spec.flows(),
                        scope="industrial",
                        claimed=float(claim.value),
                        interval=iv.as_tuple(),
                        actual=None,
                        holds=None,
                        reason=reason,
                    )
                )
                continue
        reading = _stat_reading(df, claim, spec, iv, cache)
        if (
            spec.scope == "industrial"
            and reading.holds is None
            and reading.reason.startswith("no commodity detail")
        ):
            key = (spec.source, spec.reporter)
            if key in seen_nodetail:
                continue
            seen_nodetail.add(key)
            reading.label = reading.label.split(", industrial goods")[0] + (
                ", industrial goods (any definition)"
            )
            reading.scope = "industrial"
        readings.append(reading)
    readings += _published_readings(df, claim, pair, iv)
    return readings


def _verdict(claim: Claim, readings: list[Reading], has_pair_data: bool) -> tuple[str, str]:
    counted = [r for r in readings if claim.reporter is None or r.reporter == claim.reporter]
    with_data = [r for r in counted if r.holds is not None]
    if not with_data:
        if claim.period is None:
            return "not_verifiable", "the claim states no period"
        if not readings:
            why = (
                "no data for this pair, period, flow and scope in the dataset"
                if has_pair_data
                else "the dataset has no rows for this pair"
            )
            return "not_verifiable", why
        reasons = sorted({r.reason for r in counted if r.reason})
        if claim.reporter is not None:
            ctx = [r for r in readings if r.reporter != claim.reporter and r.holds is not None]
            head = f"the claim names {claim.reporter}'s statistics and they have no data here"
            if not counted:
                head += f" ({claim.reporter} has no rows for this pair)"
            if ctx:
                head += f"; {len(ctx)} other reading(s) shown as context only"
            return "not_verifiable", head + (": " + "; ".join(reasons) if reasons else "")
        return "not_verifiable", "no reading has data: " + "; ".join(reasons)
    good = [r for r in with_data if r.holds]
    bad = [r for r in with_data if not r.holds]
    n = len(with_data)
    only_published = all(r.source == "published" for r in with_data)
    caveat = (
        " (only published figures cover this window, no statistical source: the claim is "
        "compared with what officials published)"
        if only_published
        else ""
    )
    if not bad:
        return "supported", f"holds under all {n} reading(s) with data: " + "; ".join(
            r.label for r in good
        ) + caveat
    if not good:
        return "not_supported", f"fails under all {n} reading(s) with data: " + "; ".join(
            f"{r.label} ({r.reason})" for r in bad
        ) + caveat
    return "mixed", (
        f"holds under {len(good)} of {n} readings with data; holds: "
        + "; ".join(r.label for r in good)
        + "; fails: "
        + "; ".join(f"{r.label} ({r.reason})" for r in bad)
        + caveat
    )


def check_claim(
    claim: Claim,
    df: pd.DataFrame,
    *,
    pair: tuple[str, str] = DEFAULT_PAIR,
    robustness: bool = True,
    _tables: _Tables | None = None,
) -> CheckResult:
    """Judge one claim against a canonical table (see the module docstring for the rules).

    ``_tables`` (internal) carries the filtered tables and caches of a :func:`check` call."""
    if not isinstance(claim.value, (int, float)) or not math.isfinite(claim.value):
        return CheckResult(
            claim,
            "not_verifiable",
            [],
            reason=f"the claimed value {claim.value!r} is not a finite number",
        )
    a, b = pair
    _kind, x, y = flow_setup(claim, pair)
    if _tables is None or _tables.df is not df:
        _tables = _Tables(df)
    # only rows of the pair (and the pair's trade with the world, for shares) can matter; the
    # cache goes with those rows (None when SHARE_CACHE is off)
    df, cache = _tables.for_countries({a, b, x, y})
    has_pair = not df.empty
    readings = _readings(df, claim, pair, cache) if not df.empty else []
    if claim.reporter is not None:
        for r in readings:
            if r.reporter != claim.reporter:
                r.label = "[context] " + r.label
    verdict, reason = _verdict(claim, readings, has_pair)
    rob: list[dict[str, Any]] = []
    if robustness and verdict != "not_verifiable":
        from tradecheck.claims.robustness import robustness as _robustness

        rob = _robustness(claim, df, readings, pair=pair, cache=cache)
    return CheckResult(
        claim=claim,
        verdict=verdict,  # type: ignore[arg-type]
        readings=readings,
        reason=reason,
        robustness=rob,
    )


def _as_claims(
    text_or_claims: str | Claim | dict | Iterable[Claim | dict],
    as_of: str | date | None,
    pair: tuple[str, str],
) -> list[Claim]:
    if isinstance(text_or_claims, str):
        from tradecheck.claims.parse import parse  # lazy: the parser is a separate stage

        try:
            return list(parse(text_or_claims, as_of=as_of, pair=pair))
        except TradecheckError:
            return []  # text without a checkable claim: nothing to judge
    if isinstance(text_or_claims, Claim):
        return [text_or_claims]
    if isinstance(text_or_claims, dict):
        return [Claim.from_json(text_or_claims)]
    return [c if isinstance(c, Claim) else Claim.from_json(c) for c in text_or_claims]


def check(
    text_or_claims: str | Claim | dict | Iterable[Claim | dict],
    *,
    data: DataArg = None,
    as_of: str | date | None = None,
    pair: tuple[str, str] = DEFAULT_PAIR,
    robustness: bool = True,
) -> list[CheckResult]:
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
        The two countries (ISO3) a claim is about by default.
    robustness
        Also compare over neighbouring windows and report fragility.

    Returns
    -------
    list of CheckResult
        One per claim, in claim order. Text without claims gives an empty list.

    Raises
    ------
    TradecheckError
        When the data cannot be loaded.
    """
    claims = _as_claims(text_or_claims, as_of, tuple(pair))  # type: ignore[arg-type]
    if not claims:
        return []
    df = resolve_data(data)  # read or loaded once for all claims
    tables = _Tables(df) if SHARE_CACHE else None
    out: list[CheckResult] = []
    for claim in claims:
        try:
            out.append(
                check_claim(
                    claim,
                    df,
                    pair=tuple(pair),  # type: ignore[arg-type]
                    robustness=robustness,
                    _tables=tables,
                )
            )
        except TradecheckError as exc:
            out.append(CheckResult(claim, "not_verifiable", [], reason=str(exc)))
        except (KeyError, ValueError, TypeError, ArithmeticError, IndexError) as exc:
            # a malformed claim (e.g. a period that is not "YYYY-MM") must not crash the run
            out.append(
                CheckResult(
                    claim,
                    "not_verifiable",
                    [],
                    reason=f"claim could not be checked: {type(exc).__name__}: {exc}",
                )
            )
    return out
