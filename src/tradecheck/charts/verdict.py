"""A compact picture of claim verdicts: for every reading of every claim, the interval the
claim allows beside the actual value found in the data.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
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


def verdict_chart(  # noqa: C901  a flat list of cases
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
    rows: list[tuple[str, Any, Any]] = []  # kind, result, reading
    for res in results:
        rows.append(("claim", res, None))
        readings = list(getattr(res, "readings", []) or [])
        if readings:
            rows.extend(("reading", res, rd) for rd in readings)
        else:
            rows.append(("none", res, None))
    n = len(rows)
    fig, axes = new_figure((width, 1.5 + 0.26 * n))
    ax = axes[0, 0]
    ticks, labels, colors, weights = [], [], [], []
    evidence: list[tuple[str, str]] = []
    scale_cache: dict[int, tuple[float, float]] = {}
    for i, (kind, res, rd) in enumerate(rows):
        y = n - 1 - i
        claim = res.claim
        verdict = str(getattr(res, "verdict", "not_verifiable"))
        vcol = VERDICT_COLORS.get(verdict, "#333333")
        if kind == "claim":
            span = " ".join(str(getattr(claim, "span", "")).split())
            short = textwrap.shorten(span, width=label_chars, placeholder=" …") or "(claim)"
            labels.append(plain(f"{short}  [{verdict_word(res)}]"))
            colors.append(vcol)
            weights.append("bold")
            ticks.append(y)
            vals: list[float] = []
            for r in getattr(res, "readings", []) or []:
                lo, hi = bounds(r)
                for v in (lo, hi, r.actual, r.claimed):
                    if v is not None and math.isfinite(float(v)):
                        vals.append(float(v))
            if vals:
                vmin, vmax = min(vals), max(vals)
                pad = (vmax - vmin) * 0.15 or abs(vmax) * 0.15 or 1.0
                scale_cache[id(res)] = (vmin - pad, vmax + pad)
            continue
        if kind == "none":
            labels.append("    no reading")
            colors.append("#6b6b6b")
            weights.append("normal")
            ticks.append(y)
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
            continue
        lo0, hi0 = scale_cache.get(id(res), (0.0, 1.0))

        def sx(v: float, lo0: float = lo0, hi0: float = hi0) -> float:
            return 0.04 + 0.74 * (v - lo0) / (hi0 - lo0) if hi0 > lo0 else 0.41

        rep = str(rd.reporter)
        rcol = reporter_color(rep)
        who = reporter_name(rep, lang)
        text = str(rd.label) if who in str(rd.label) else f"{rd.label} · {who}"
        labels.append(plain("    " + textwrap.shorten(text, width=label_chars, placeholder=" …")))
        colors.append("#333333")
        weights.append("normal")
        ticks.append(y)
        lo, hi = bounds(rd)
        x0 = sx(float(lo)) if lo is not None else 0.0
        x1 = sx(float(hi)) if hi is not None else 0.8
        ax.plot(
            [x0, x1], [y, y], color=rcol, alpha=0.3, linewidth=7, solid_capstyle="butt", zorder=2
        )
        if lo is None:
            ax.annotate(
                "",
                xy=(0.0, y),
                xytext=(0.03, y),
                arrowprops={"arrowstyle": "->", "color": rcol, "lw": 1},
            )
        if hi is None:
            ax.annotate(
                "",
                xy=(0.8, y),
                xytext=(0.77, y),
                arrowprops={"arrowstyle": "->", "color": rcol, "lw": 1},
            )
        if rd.claimed is not None and math.isfinite(float(rd.claimed)):
            ax.plot(
                [sx(float(rd.claimed))], [y], marker="|", markersize=11, color="#222222", zorder=3
            )
        if rd.actual is None or not math.isfinite(float(rd.actual)):
            ax.text(0.83, y, "no data", va="center", fontsize=7, color="#6b6b6b", style="italic")
        else:
            xa = min(max(sx(float(rd.actual)), 0.0), 0.8)
            marker = "o" if rd.holds else "X"
            ax.plot(
                [xa],
                [y],
                marker=marker,
                markersize=6.5,
                color=rcol,
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
        for e in getattr(rd, "evidence", []) or []:
            evidence.append((str(e.source), str(e.source_file)))
    ax.set_yticks(ticks, labels)
    for t, c, w in zip(ax.get_yticklabels(), colors, weights, strict=True):
        t.set_color(c)
        t.set_fontweight(w)
        t.set_fontsize(7.5)
    ax.tick_params(axis="y", length=0)
    ax.set_xticks([])
    ax.set_xlim(0.0, 1.9)
    ax.set_ylim(-0.7, n - 0.3)
    ax.grid(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    ax.set_title(title or "Claims against the data")
    handles = [
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
    fig.legend(handles=handles, loc="outside upper right", ncols=4, fontsize=7)
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
    claim = result.claim
    rows = [r for r in result.readings if _finite(r.actual) is not None]
    if not rows:
        raise TradecheckError("claim_chart: no reading found data for this claim")
    quantity = str(getattr(claim, "quantity", "level"))
    vals = [v for r in rows for v in (*bounds(r), _finite(r.actual), _finite(r.claimed))]
    finite = [v for v in vals if v is not None]
    lo_all, hi_all = min(finite), max(finite)
    pad = (hi_all - lo_all) * 0.12 or abs(hi_all) * 0.1 or 1.0
    x_lo, x_hi = lo_all - pad, hi_all + pad
    own = ax is None
    if ax is None:
        fig, axes = new_figure((width, 1.25 + 0.34 * len(rows)))
        ax = axes[0, 0]
    else:
        fig = ax.get_figure(root=True)  # type: ignore[assignment]
    labels = []
    for i, rd in enumerate(rows):
        y = len(rows) - 1 - i
        color = reporter_color(str(rd.reporter))
        lo, hi = bounds(rd)
        ax.plot(
            [lo if lo is not None else x_lo, hi if hi is not None else x_hi],
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
        label = str(rd.label)
        labels.append(plain(textwrap.shorten(label, width=label_chars, placeholder=" …")))
    ax.set_yticks(range(len(rows) - 1, -1, -1), labels, fontsize=7.5)
    ax.set_ylim(-0.7, len(rows) - 0.2)
    ax.set_xlim(x_lo, x_hi)
    ax.grid(axis="x", color="#e5e5e5")
    ax.grid(axis="y", visible=False)
    ax.tick_params(axis="y", length=0)
    _quantity_axis(ax, quantity, getattr(claim, "currency", None))
    ax.set_xlabel("")
    span = textwrap.shorten(" ".join(str(claim.span).split()), width=70, placeholder=" …")
    verdict = str(getattr(result, "verdict", ""))
    ax.set_title(
        plain(f"{verdict_word(result)} — “{span}” (claim {_claimed(claim)})"),
        color=VERDICT_COLORS.get(verdict, "#333333"),
        fontsize=9.5,
    )
    if own:
        evidence = [(str(e.source), str(e.source_file)) for r in rows for e in r.evidence]
        no_data = len(result.readings) - len(rows)
        extra = "Bar: what the claim allows (its rounding); | the claimed value; ● holds, ✖ not."
        if no_data:
            extra += f" {no_data} further reading(s) without data are not drawn."
        add_source_line(fig, source_text(evidence, extra))
        return finalize(fig)
    return fig
