"""How fragile is a verdict? The same comparison over neighbouring windows.

For each statistical reading that has data, the claim is re-measured with

* the end month moved by -3..+3 (start unchanged; the base period's end moves with it, so a
  "Jan-Sep vs Jan-Sep" claim becomes "Jan-Aug vs Jan-Aug"),
* the full calendar year of the claimed end month (base: the base period's year),
* the trailing 12 months ending at the claimed end month (base: the 12 months ending at the
  base period's end),
* the same months one year earlier and one year later (base shifted alike) — where only
  annual data exist these are the only neighbours,

and the result is summarised in one line, e.g. ``"holds only for 2025-01..2025-09 under
China's statistics (...); 2025-01..2025-08 gives 1.600"``. The other sources/reporters are
the other readings of the claim; the summary counts them and names the failing ones with
their values.

Each entry of the returned list is a dict. The first has ``kind == "summary"`` and ``text``;
the others ``kind == "window"`` with ``reading`` (label), ``source``, ``reporter``,
``window`` (e.g. ``"end -1"``, ``"full year"``, ``"trailing 12 months"``), ``period``,
``base_period``, ``actual`` and ``holds``.

Examples
--------
>>> window_variants(Period("2025-01", "2025-09"), Period("2024-01", "2024-09"))[0]
('end -3', Period(start='2025-01', end='2025-06'), Period(start='2024-01', end='2024-06'))
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from tradecheck.claims import explain
from tradecheck.claims.model import Claim, Period, Reading
from tradecheck.claims.readings import NoData, measure
from tradecheck.claims.tolerance import interval_of
from tradecheck.countries import DEFAULT_PAIR
from tradecheck.derive import shift_month

__all__ = ["robustness", "window_variants"]


def _fmt(v: float | None, claim: Claim) -> str:
    return explain.show(v, claim.quantity, claim.currency)


def window_variants(period: Period, base: Period | None) -> list[tuple[str, Period, Period | None]]:
    """Neighbouring windows of a claim: end -3..+3, full year, trailing 12 months, year -1/+1."""
    out: list[tuple[str, Period, Period | None]] = []
    for k in (-3, -2, -1, 1, 2, 3):
        end = shift_month(period.end, k)
        if end < period.start:
            continue
        b = None
        if base is not None:
            bend = shift_month(base.end, k)
            if bend < base.start:
                continue
            b = Period(base.start, bend)
        out.append((f"end {k:+d}", Period(period.start, end), b))
    y = period.end[:4]
    full = Period(f"{y}-01", f"{y}-12")
    if full != period:
        fb = Period(f"{base.end[:4]}-01", f"{base.end[:4]}-12") if base is not None else None
        out.append(("full year", full, fb))
    t12 = Period(shift_month(period.end, -11), period.end)
    if t12 != period:
        tb = Period(shift_month(base.end, -11), base.end) if base is not None else None
        out.append(("trailing 12 months", t12, tb))
    for k in (-1, 1):
        # the same months a year earlier / later (useful where only annual data exist)
        p = Period(shift_month(period.start, 12 * k), shift_month(period.end, 12 * k))
        b = (
            Period(shift_month(base.start, 12 * k), shift_month(base.end, 12 * k))
            if base is not None
            else None
        )
        out.append((f"year {k:+d}", p, b))
    return out


def robustness(
    claim: Claim,
    df: pd.DataFrame,
    readings: list[Reading],
    *,
    pair: tuple[str, str] = DEFAULT_PAIR,
    cache: dict | None = None,
) -> list[dict[str, Any]]:
    """Re-measure a claim over neighbouring windows under each statistical reading with data.

    Returns
    -------
    list of dict
        A summary entry first, then one entry per (reading, window) that has data.
    """
    if claim.period is None:
        return []
    iv = interval_of(claim)
    entries: list[dict[str, Any]] = []
    lines: list[str] = []
    main_done = False
    stat = [r for r in readings if r.source != "published" and r.holds is not None]
    stat.sort(key=lambda r: not r.counted)  # the summary speaks of a deciding reading first
    for r in stat:
        spec = r.spec
        if spec is None:  # every statistical reading keeps its spec; never skipped in practice
            continue
        variants = []
        for name, p, bp in window_variants(claim.period, claim.base_period):
            m = measure(df, spec, claim.quantity, p, bp, cache=cache)
            if isinstance(m, NoData):
                continue
            ok = iv.contains(m.actual)
            variants.append((name, p, ok, m.actual))
            entries.append(_window_entry(r, name, p, bp, m.actual, ok))
        if main_done:
            continue
        main_done = True
        lines.append(_window_line(claim, r, variants))
    others = [r for r in readings if r.holds is not None]
    if others:
        lines.append(_across_line(claim, others))
    return [{"kind": "summary", "text": "; ".join(lines)}] + entries


def _window_entry(
    r: Reading, name: str, p: Period, bp: Period | None, actual: float, ok: bool
) -> dict[str, Any]:
    """The ``kind == "window"`` entry of one reading over one neighbouring window.

    Parameters
    ----------
    r
        The reading re-measured.
    name, p, bp
        Window name, period and base period (from :func:`window_variants`).
    actual, ok
        The measured value and whether the claim holds for it.

    Returns
    -------
    dict
    """
    return {
        "kind": "window",
        "reading": r.label,
        "source": r.source,
        "reporter": r.reporter,
        "window": name,
        "period": p.to_json(),
        "base_period": bp.to_json() if bp else None,
        "actual": actual,
        "holds": ok,
    }


def _window_line(claim: Claim, r: Reading, variants: list[tuple[str, Period, bool, float]]) -> str:
    """Summary clause for the first (deciding) reading: robust, fragile or would hold elsewhere.

    Parameters
    ----------
    claim
        The claim (its period is set).
    r
        The reading.
    variants
        ``(window name, period, holds, actual)`` of each neighbouring window with data.

    Returns
    -------
    str
    """
    assert claim.period is not None  # robustness returns early without a period
    claimed = f"{claim.period.start}..{claim.period.end}"
    if not variants:
        return f"no neighbouring window has data under {r.label}"
    flipped = [v for v in variants if v[2] != r.holds]
    if not flipped:
        state = "holds" if r.holds else "fails"
        return (
            f"robust under {r.label}: {state} for {claimed} and all "
            f"{len(variants)} neighbouring window(s) with data"
        )
    if r.holds:
        only = "only " if len(flipped) == len(variants) else ""
        return f"fragile under {r.label}: holds {only}for {claimed}; " + ", ".join(
            f"{v[1].start}..{v[1].end} gives {_fmt(v[3], claim)}" for v in flipped
        )
    return (
        f"under {r.label} it fails for {claimed} ({_fmt(r.actual, claim)}) "
        "but would hold for "
        + ", ".join(f"{v[1].start}..{v[1].end} ({_fmt(v[3], claim)})" for v in flipped)
    )


def _across_line(claim: Claim, others: list[Reading]) -> str:
    """Summary clause over every reading with a result: how many hold, the first failing ones.

    Parameters
    ----------
    claim
        The claim (for formatting values).
    others
        Readings whose ``holds`` is known (at least one).

    Returns
    -------
    str
    """
    held = sum(1 for r in others if r.holds)
    line = f"across sources/reporters: holds under {held} of {len(others)} readings"
    if 0 < held < len(others):
        failing = [r for r in others if not r.holds]
        line += "; fails under " + ", ".join(
            f"{r.source}/{r.reporter} ({_fmt(r.actual, claim)})" for r in failing[:4]
        )
    return line
