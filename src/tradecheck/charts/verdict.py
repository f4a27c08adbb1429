"""A compact picture of claim verdicts: for every reading of every claim, the interval the
claim allows beside the actual value found in the data.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter

from tradecheck import fmt
from tradecheck.charts.style import (
    add_source_line,
    finalize,
    new_figure,
    plain,
    reporter_color,
    reporter_name,
    source_text,
    usd_axis,
)
from tradecheck.errors import TradecheckError

VERDICT_COLORS: dict[str, str] = {
    "supported": "#1a7f37",
    "not_supported": "#b42318",
    "mixed": "#b76e00",
    "ambiguous": "#8250df",
    "not_verifiable": "#6b6b6b",
}
VERDICT_WORDS: dict[str, str] = {
    "supported": "SUPPORTED",
    "not_supported": "NOT SUPPORTED",
    "mixed": "MIXED",
    "ambiguous": "AMBIGUOUS",
    "not_verifiable": "NOT VERIFIABLE",
}


def verdict_word(result: Any) -> str:
    """The words a reader sees for a verdict: the one place that maps verdict codes to words.

    Parameters
    ----------
    result
        A :class:`~tradecheck.claims.model.CheckResult`, its ``to_json()`` dict, or a bare
        verdict code. When the result carries the checker's own wording (``CheckResult.label``,
        ``"verdict_label"`` in its JSON, e.g. "consistent with published figures"), that is
        used; otherwise the code's words.

    Examples
    --------
    >>> verdict_word("not_verifiable"), verdict_word({"verdict": "mixed"})
    ('NOT VERIFIABLE', 'MIXED')
    >>> verdict_word({"verdict": "supported", "verdict_label": "consistent with published figures"})
    'consistent with published figures'
    """
    if isinstance(result, str):
        code, label = result, None
    elif isinstance(result, dict):
        code, label = str(result.get("verdict", "")), result.get("verdict_label")
    else:
        code, label = str(getattr(result, "verdict", "")), getattr(result, "label", None)
    if isinstance(label, str) and label.strip():
        return label.strip()
    return VERDICT_WORDS.get(code, code.replace("_", " ").upper())


def bounds(reading: Any) -> tuple[float | None, float | None]:
    """The claimed interval of a reading as ``(low, high)`` (None = open end).

    Accepts the 4-tuple ``(lo, hi, lo_closed, hi_closed)``, an object with ``low``/``high``
    (or ``lo``/``hi``) attributes, or the JSON dict form ``{"low": .., "high": ..}``.
    """
    iv = reading.get("interval") if isinstance(reading, dict) else reading.interval
    if isinstance(iv, dict):
        lo, hi = iv.get("low"), iv.get("high")
    elif isinstance(iv, (tuple, list)):
        lo, hi = iv[0], iv[1]
    else:
        lo = getattr(iv, "low", getattr(iv, "lo", None))
        hi = getattr(iv, "high", getattr(iv, "hi", None))
    return _finite(lo), _finite(hi)


def _finite(v: Any) -> float | None:
    return float(v) if v is not None and math.isfinite(float(v)) else None


def _fmt(claim: Any, v: float | None) -> str:
    return fmt.quantity(
        v, str(getattr(claim, "quantity", "level")), getattr(claim, "currency", None)
    )


def _claimed(claim: Any) -> str:
    """The claim's own figure at the precision claims are written in (``$2.714B``)."""
    quantity = str(getattr(claim, "quantity", "level"))
    if quantity in fmt.MONEY_QUANTITIES:
        return fmt.money(float(claim.value), getattr(claim, "currency", None), digits=3)
    return _fmt(claim, float(claim.value))


@dataclass(frozen=True)
class _Canvas:
    """Per-call context of :func:`verdict_chart`: the axes and how labels are written."""

    ax: Axes
    lang: str
    label_chars: int


@dataclass(frozen=True)
class _Tick:
    """One y-axis label of the verdict chart: its row, words, colour and weight."""

    y: int
    text: str
    color: str
    weight: str = "normal"


@dataclass(frozen=True)
class _Scale:
    """A claim's own scale: a value maps into x 0.04-0.78 (0.41 when the span is empty)."""

    lo: float = 0.0
    hi: float = 1.0

    def x(self, v: float) -> float:
        """The x position of value ``v`` on this scale."""
        return 0.04 + 0.74 * (v - self.lo) / (self.hi - self.lo) if self.hi > self.lo else 0.41


def _verdict_rows(results: Sequence[Any]) -> list[tuple[str, Any, Any]]:
    """The chart's rows, top to bottom, as ``(kind, result, reading)``.

    Each result gives a ``"claim"`` row followed by one ``"reading"`` row per reading, or one
    ``"none"`` row when it has no reading.
    """
    rows: list[tuple[str, Any, Any]] = []
    for res in results:
        rows.append(("claim", res, None))
        readings = list(getattr(res, "readings", []) or [])
        if readings:
            rows.extend(("reading", res, rd) for rd in readings)
        else:
            rows.append(("none", res, None))
    return rows


def _claim_scale(res: Any) -> _Scale:
    """The scale of one claim: every finite bound, actual and claimed value, padded 15%.

    Examples
    --------
    >>> from types import SimpleNamespace as NS
    >>> rd = NS(interval=(90.0, 110.0), actual=120.0, claimed=100.0)
    >>> _claim_scale(NS(readings=[rd]))
    _Scale(lo=85.5, hi=124.5)
    >>> _claim_scale(NS(readings=[]))
    _Scale(lo=0.0, hi=1.0)
    """
    vals = [
        float(v)
        for r in getattr(res, "readings", []) or []
        for v in (*bounds(r), r.actual, r.claimed)
        if v is not None and math.isfinite(float(v))
    ]
    if not vals:
        return _Scale()
    vmin, vmax = min(vals), max(vals)
    pad = (vmax - vmin) * 0.15 or abs(vmax) * 0.15 or 1.0
    return _Scale(vmin - pad, vmax + pad)


def _draw_row(cv: _Canvas, y: int, kind: str, res: Any, rd: Any, scale: _Scale) -> _Tick:
    """Draw one row of the verdict chart (claim, reading or "no reading"); return its label."""
    if kind == "claim":
        return _claim_tick(res, y, cv.label_chars)
    if kind == "none":
        return _draw_no_reading(cv.ax, y, res)
    return _draw_reading(cv, y, res.claim, rd, scale)


def _claim_tick(res: Any, y: int, label_chars: int) -> _Tick:
    """A claim's row: its words (shortened) and verdict, bold, in the verdict's colour."""
    verdict = str(getattr(res, "verdict", "not_verifiable"))
    span = " ".join(str(getattr(res.claim, "span", "")).split())
    short = textwrap.shorten(span, width=label_chars, placeholder=" …") or "(claim)"
    color = VERDICT_COLORS.get(verdict, "#333333")
    return _Tick(y, plain(f"{short}  [{verdict_word(res)}]"), color, "bold")


def _draw_no_reading(ax: Axes, y: int, res: Any) -> _Tick:
    """A claim without readings: its reason in grey italics."""
    reason = str(getattr(res, "reason", "") or "no data under any reading")
    ax.text(
        0.02,
        y,
        plain(textwrap.shorten(reason, width=90, placeholder=" …")),
        va="center",
        fontsize=7,
        color="#6b6b6b",
        style="italic",
    )
    return _Tick(y, "    no reading", "#6b6b6b")


def _draw_reading(cv: _Canvas, y: int, claim: Any, rd: Any, scale: _Scale) -> _Tick:
    """One reading: interval bar, claimed tick and actual value in the reporter's colour."""
    rep = str(rd.reporter)
    rcol = reporter_color(rep)
    who = reporter_name(rep, cv.lang)
    text = str(rd.label) if who in str(rd.label) else f"{rd.label} · {who}"
    _draw_interval(cv.ax, y, bounds(rd), scale, rcol)
    if rd.claimed is not None and math.isfinite(float(rd.claimed)):
        cv.ax.plot(
            [scale.x(float(rd.claimed))], [y], marker="|", markersize=11, color="#222222", zorder=3
        )
    _draw_actual(cv.ax, y, claim, rd, scale, rcol)
    label = plain("    " + textwrap.shorten(text, width=cv.label_chars, placeholder=" …"))
    return _Tick(y, label, "#333333")


def _draw_interval(
    ax: Axes, y: int, lohi: tuple[float | None, float | None], scale: _Scale, color: str
) -> None:
    """The claimed interval as a pale bar; an open end runs to the edge with an arrow."""
    lo, hi = lohi
    x0 = scale.x(float(lo)) if lo is not None else 0.0
    x1 = scale.x(float(hi)) if hi is not None else 0.8
    ax.plot([x0, x1], [y, y], color=color, alpha=0.3, linewidth=7, solid_capstyle="butt", zorder=2)
    arrow = {"arrowstyle": "->", "color": color, "lw": 1}
    if lo is None:
        ax.annotate("", xy=(0.0, y), xytext=(0.03, y), arrowprops=arrow)
    if hi is None:
        ax.annotate("", xy=(0.8, y), xytext=(0.77, y), arrowprops=arrow)


def _draw_actual(ax: Axes, y: int, claim: Any, rd: Any, scale: _Scale, color: str) -> None:
    """The figure found: a dot (holds) or a cross (does not), clipped to the bar area, and
    its number beside the claimed one; "no data" when there is none."""
    if rd.actual is None or not math.isfinite(float(rd.actual)):
        ax.text(0.83, y, "no data", va="center", fontsize=7, color="#6b6b6b", style="italic")
        return
    xa = min(max(scale.x(float(rd.actual)), 0.0), 0.8)
    ax.plot(
        [xa],
        [y],
        marker="o" if rd.holds else "X",
        markersize=6.5,
        color=color,
        markeredgecolor="white",
        markeredgewidth=0.6,
        zorder=4,
        linestyle="none",
    )
    ax.text(
        0.83,
        y,
        plain(f"{_fmt(claim, float(rd.actual))} (claim {_fmt(claim, float(rd.claimed))})"),
        va="center",
        fontsize=7,
        color="#333333",
    )


def _style_verdict_axes(ax: Axes, ticks: list[_Tick], n: int, title: str | None) -> None:
    """Y labels in their colours and weights, no x ticks, no grid, the title."""
    ax.set_yticks([t.y for t in ticks], [t.text for t in ticks])
    for label, tick in zip(ax.get_yticklabels(), ticks, strict=True):
        label.set_color(tick.color)
        label.set_fontweight(tick.weight)
        label.set_fontsize(7.5)
    ax.tick_params(axis="y", length=0)
    ax.set_xticks([])
    ax.set_xlim(0.0, 1.9)
    ax.set_ylim(-0.7, n - 0.3)
    ax.grid(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    ax.set_title(title or "Claims against the data")


def _verdict_legend() -> list[Line2D]:
    """The legend's four keys: claimed interval, claimed value, actual holds / does not."""
    return [
        Line2D([], [], color="#888888", alpha=0.3, linewidth=7, label="claimed interval"),
        Line2D(
            [],
            [],
            color="#222222",
            marker="|",
            markersize=10,
            linestyle="none",
            label="claimed value",
        ),
        Line2D([], [], color="#888888", marker="o", linestyle="none", label="actual: holds"),
        Line2D(
            [], [], color="#888888", marker="X", linestyle="none", label="actual: does not hold"
        ),
    ]


def _verdict_evidence(rows: list[tuple[str, Any, Any]]) -> list[tuple[str, str]]:
    """``(source, source_file)`` of every reading's evidence, in row order."""
    return [
        (str(e.source), str(e.source_file))
        for kind, _res, rd in rows
        if kind == "reading"
        for e in getattr(rd, "evidence", []) or []
    ]


def verdict_chart(
    results: Sequence[Any],
    *,
    title: str | None = None,
    lang: str = "en",
    width: float = 9.0,
    label_chars: int = 60,
) -> Figure:
    """Claimed interval vs actual value for every reading of every claim.

    Parameters
    ----------
    results
        :class:`tradecheck.claims.model.CheckResult` objects (from
        :func:`tradecheck.claims.check.check`).
    title
        Default "Claims against the data".
    lang
        Language of reporter names in the reading labels.
    label_chars
        Claim and reading labels longer than this are shortened with "…".

    Returns
    -------
    matplotlib.figure.Figure
        One row per claim (its words and verdict, coloured by verdict) followed by one row per
        reading: a bar for the claimed interval (open ends run to the edge), a tick at the
        claimed value, and the actual value as a dot (holds) or a cross (does not hold) in the
        reporter's colour, with its number. Each claim is drawn on its own scale.
    """
    results = list(results)
    if not results:
        raise TradecheckError("verdict_chart: no check results to draw")
    rows = _verdict_rows(results)
    scales = {id(res): _claim_scale(res) for res in results}
    n = len(rows)
    fig, axes = new_figure((width, 1.5 + 0.26 * n))
    cv = _Canvas(axes[0, 0], lang, label_chars)
    ticks = [
        _draw_row(cv, n - 1 - i, kind, res, rd, scales[id(res)])
        for i, (kind, res, rd) in enumerate(rows)
    ]
    _style_verdict_axes(cv.ax, ticks, n, title)
    fig.legend(handles=_verdict_legend(), loc="outside upper right", ncols=4, fontsize=7)
    evidence = _verdict_evidence(rows)
    text = (
        source_text(evidence)
        if evidence
        else "Source: no data were used (no reading found figures)."
    )
    add_source_line(fig, text + " Each claim on its own scale; colour = reporting side.")
    return finalize(fig)


def _quantity_axis(ax: Any, quantity: str, currency: str | None) -> None:
    """Real-unit ticks on the x axis for a claim's quantity (money, percent or a multiple)."""
    if quantity in fmt.MONEY_QUANTITIES and (currency or "USD") == "USD":
        usd_axis(ax, axis="x")
        return
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: _tick(v, quantity, currency)))


def _tick(v: float, quantity: str, currency: str | None) -> str:
    if quantity == "ratio":
        return fmt.ratio(v, digits=2)
    if quantity in ("pct_change", "share"):
        return fmt.percent(v, signed=quantity == "pct_change" and v != 0, digits=0)
    return fmt.money(v, currency, digits=1)


def _claim_xlim(rows: Sequence[Any]) -> tuple[float, float]:
    """The x range of :func:`claim_chart`: every finite bound, actual and claimed value, 12%
    padding each side.

    Examples
    --------
    >>> from types import SimpleNamespace as NS
    >>> _claim_xlim([NS(interval=(90.0, None), actual=140.0, claimed=100.0)])
    (84.0, 146.0)
    """
    vals = [v for r in rows for v in (*bounds(r), _finite(r.actual), _finite(r.claimed))]
    finite = [v for v in vals if v is not None]
    lo_all, hi_all = min(finite), max(finite)
    pad = (hi_all - lo_all) * 0.12 or abs(hi_all) * 0.1 or 1.0
    return lo_all - pad, hi_all + pad


def _draw_claim_reading(ax: Axes, y: int, claim: Any, rd: Any, xlim: tuple[float, float]) -> None:
    """One reading of :func:`claim_chart`: interval bar (open ends to the edge), claimed tick,
    the figure found (dot = holds, cross = not) and its value above it."""
    color = reporter_color(str(rd.reporter))
    lo, hi = bounds(rd)
    ax.plot(
        [lo if lo is not None else xlim[0], hi if hi is not None else xlim[1]],
        [y, y],
        color=color,
        alpha=0.3,
        linewidth=8,
        solid_capstyle="butt",
    )
    ax.plot([float(rd.claimed)], [y], marker="|", markersize=12, color="#222222")
    ax.plot(
        [float(rd.actual)],
        [y],
        marker="o" if rd.holds else "X",
        markersize=7,
        color=color,
        markeredgecolor="white",
        linestyle="none",
        zorder=4,
    )
    ax.annotate(
        plain(_fmt(claim, float(rd.actual))),
        (float(rd.actual), y),
        xytext=(0, 7),
        textcoords="offset points",
        ha="center",
        fontsize=7,
        color=color,
    )


def _style_claim_axes(ax: Axes, result: Any, labels: list[str], xlim: tuple[float, float]) -> None:
    """Reading labels, x range and units, grid, and the verdict as the title."""
    claim = result.claim
    n = len(labels)
    ax.set_yticks(range(n - 1, -1, -1), labels, fontsize=7.5)
    ax.set_ylim(-0.7, n - 0.2)
    ax.set_xlim(*xlim)
    ax.grid(axis="x", color="#e5e5e5")
    ax.grid(axis="y", visible=False)
    ax.tick_params(axis="y", length=0)
    _quantity_axis(ax, str(getattr(claim, "quantity", "level")), getattr(claim, "currency", None))
    ax.set_xlabel("")
    span = textwrap.shorten(" ".join(str(claim.span).split()), width=70, placeholder=" …")
    verdict = str(getattr(result, "verdict", ""))
    ax.set_title(
        plain(f"{verdict_word(result)} — “{span}” (claim {_claimed(claim)})"),
        color=VERDICT_COLORS.get(verdict, "#333333"),
        fontsize=9.5,
    )


def _claim_source_line(fig: Figure, result: Any, rows: list[Any]) -> None:
    """The source line of a stand-alone claim chart: sources, key, readings not drawn."""
    evidence = [(str(e.source), str(e.source_file)) for r in rows for e in r.evidence]
    no_data = len(result.readings) - len(rows)
    extra = "Bar: what the claim allows (its rounding); | the claimed value; ● holds, ✖ not."
    if no_data:
        extra += f" {no_data} further reading(s) without data are not drawn."
    add_source_line(fig, source_text(evidence, extra))


def claim_chart(
    result: Any,
    *,
    ax: Axes | None = None,
    lang: str = "en",
    label_chars: int = 58,
    width: float = 8.0,
) -> Figure:
    """One claim against the data: every reading with data on a real value axis.

    Parameters
    ----------
    result
        A :class:`~tradecheck.claims.model.CheckResult`.
    ax
        Draw into this axes (its figure is returned); default a new figure.
    lang
        Language of reporter names.

    Returns
    -------
    matplotlib.figure.Figure
        One row per reading that found data (both sides, each source): the interval the claim
        allows as a bar in the reporter's colour (an arrow where it is open), the claimed
        value as a tick, the figure found as a dot (holds) or a cross (does not), with its
        value. The x axis is in the claim's own units (US$, %, ×).

    Raises
    ------
    TradecheckError
        When no reading found data (nothing to draw).
    """
    rows = [r for r in result.readings if _finite(r.actual) is not None]
    if not rows:
        raise TradecheckError("claim_chart: no reading found data for this claim")
    xlim = _claim_xlim(rows)
    own = ax is None
    if ax is None:
        fig, axes = new_figure((width, 1.25 + 0.34 * len(rows)))
        ax = axes[0, 0]
    else:
        fig = ax.get_figure(root=True)  # type: ignore[assignment]
    for i, rd in enumerate(rows):
        _draw_claim_reading(ax, len(rows) - 1 - i, result.claim, rd, xlim)
    labels = [
        plain(textwrap.shorten(str(rd.label), width=label_chars, placeholder=" …")) for rd in rows
    ]
    _style_claim_axes(ax, result, labels, xlim)
    if own:
        _claim_source_line(fig, result, rows)
        return finalize(fig)
    return fig
