"""Charts in one house style (matplotlib; every function returns a ``Figure``).

Public API
----------
apply_style()
    Set the house style (fonts with Cyrillic/CJK fallback, colours, fixed size/dpi,
    deterministic SVG ids).
trend_chart(levels, ...), flows_chart(levels, ...), balance_chart(balance, ...),
yoy_chart(yoy_frame, ...), mirror_chart(gap, ...), seasonal_chart(stl_result, ...),
coverage_chart(coverage, ...), claim_chart(result, ...), verdict_chart(results, ...)
    The charts; each has a source line under it naming sources and files. Values are plotted
    in real units (US$, not billions): ``ax.axhline(4.5e9)`` is $4.5 billion; tick labels
    come from :mod:`tradecheck.fmt` (``usd_axis``, ``percent_axis``).
verdict_word(result)
    The words shown for a verdict (the checker's own label when it has one).
save_figure(fig, path)
    Save with no timestamps, so the bytes are reproducible.

China is always red, Belarus green, published figures whose side is not stated grey;
published figures are markers (filled = stated, hollow = about / more than / less than),
statistics are lines (style by source).
"""

from tradecheck.charts.plots import (
    balance_chart,
    coverage_chart,
    flows_chart,
    mirror_chart,
    seasonal_chart,
    trend_chart,
    yoy_chart,
)
from tradecheck.charts.style import (
    BOUND_MARKERS,
    DPI,
    FIGSIZE,
    FONT_FALLBACK,
    REPORTER_COLORS,
    apply_style,
    percent_axis,
    reporter_color,
    save_figure,
    source_line_of,
    source_text,
    usd_axis,
)
from tradecheck.charts.verdict import claim_chart, verdict_chart, verdict_word

__all__ = [
    "BOUND_MARKERS",
    "DPI",
    "FIGSIZE",
    "FONT_FALLBACK",
    "REPORTER_COLORS",
    "apply_style",
    "balance_chart",
    "claim_chart",
    "coverage_chart",
    "flows_chart",
    "mirror_chart",
    "percent_axis",
    "reporter_color",
    "save_figure",
    "seasonal_chart",
    "source_line_of",
    "source_text",
    "trend_chart",
    "usd_axis",
    "verdict_chart",
    "verdict_word",
    "yoy_chart",
]
