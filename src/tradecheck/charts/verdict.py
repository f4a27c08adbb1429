"""A compact picture of claim verdicts: for every reading of every claim, the interval the
claim allows beside the actual value found in the data.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from typing import Any

from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from tradecheck.charts.style import (
    add_source_line,
    finalize,
    format_pct,
    format_usd,
    new_figure,
    plain,
    reporter_color,
    reporter_name,
    source_text,
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


def _fmt(claim: Any, v: float | None) -> str:
    if v is None or not math.isfinite(v):
        return "n/a"
    q = getattr(claim, "quantity", "level")
    if q in ("pct_change", "share"):
        return format_pct(v) if q == "pct_change" else f"{v:.1f} %"
    if q == "ratio":
        return f"×{v:.2f}"
    cur = getattr(claim, "currency", None)
    if cur in (None, "USD"):
        return format_usd(v)
    return f"{v / 1e9:.2f} bn {cur}" if abs(v) >= 1e9 else f"{v:,.0f} {cur}"


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
            labels.append(plain(f"{short}  [{VERDICT_WORDS.get(verdict, verdict)}]"))
            colors.append(vcol)
            weights.append("bold")
            ticks.append(y)
            vals: list[float] = []
            for r in getattr(res, "readings", []) or []:
                lo, hi, _, _ = r.interval
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
        lo, hi, _lc, _hc = rd.interval
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
