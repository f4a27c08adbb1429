"""One claim against the data on a real value axis: :func:`plot_claim`.

The claimed interval is a shaded band; each reading with data is a point on its own row
(filled when it holds, hollow when it does not, grey when it is context only). The axis is
in the claim's real units (US$, percent, multiples) with tick labels from
:mod:`tradecheck.fmt`, so ``ax.axvline(4.5e9)`` lands at US$4.5 bn.
"""

from __future__ import annotations

from typing import Any

from tradecheck.claims import explain
from tradecheck.claims.model import CheckResult

__all__ = ["plot_claim"]

_HOLDS, _FAILS, _CONTEXT, _BAND = "#1a7f37", "#cf222e", "#8c959f", "#0969da"


def plot_claim(result: CheckResult, ax: Any = None) -> Any:
    """Draw a claim's interval and each reading's figure.

    Parameters
    ----------
    result : CheckResult
        One result of :func:`tradecheck.check`.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when None.

    Returns
    -------
    matplotlib.axes.Axes
    """
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter

    c = result.claim
    rows = [r for r in result.readings if r.actual is not None]
    if ax is None:
        _, ax = plt.subplots(figsize=(7.0, 1.4 + 0.35 * max(1, len(rows))), layout="constrained")
    lo, hi, _, _ = result.readings[0].interval if result.readings else (None, None, 0, 0)
    values = [float(r.actual) for r in rows if r.actual is not None] + [float(c.value)]
    values += [float(v) for v in (lo, hi) if v is not None]
    pad = 0.08 * ((max(values) - min(values)) or abs(c.value) or 1.0)
    left, right = min(values) - pad, max(values) + pad
    ax.axvspan(left if lo is None else lo, right if hi is None else hi, color=_BAND, alpha=0.15,
               label="claimed interval")  # fmt: skip
    ax.axvline(c.value, color=_BAND, linewidth=1, label="claimed value")
    for i, r in enumerate(rows):
        colour = _CONTEXT if not r.counted else (_HOLDS if r.holds else _FAILS)
        ax.plot([r.actual], [i], "o", color=colour, mfc=colour if r.holds else "white", ms=7)
    ax.set_yticks(range(len(rows)), [explain.short_name(r) for r in rows])
    ax.set_ylim(-0.8, max(len(rows), 1) - 0.2)
    ax.set_xlim(left, right)
    ax.xaxis.set_major_formatter(
        FuncFormatter(lambda v, _p: explain.show(v, c.quantity, c.currency))
    )
    ax.set_title(explain.verdict_label(result), fontsize=10, loc="left")
    ax.legend(loc="lower right", fontsize=8, frameon=False)
    return ax
