"""Charts in one house style (matplotlib; every function returns a ``Figure``).

Public API
----------
apply_style()
    Set the house style (fonts with Cyrillic/CJK fallback, colours, fixed size/dpi,
    deterministic SVG ids).
trend_chart(levels, ...), yoy_chart(yoy_frame, ...), mirror_chart(gap, ...),
seasonal_chart(stl_result, ...), coverage_chart(coverage, ...), verdict_chart(results, ...)
    The charts; each has a source line under it naming sources and files.
save_figure(fig, path)
    Save with no timestamps, so the bytes are reproducible.

China is always red, Belarus green, published figures whose side is not stated grey;
published figures are markers (filled = stated, hollow = about / more than / less than),
statistics are lines (style by source).
"""

from tradecheck.charts.plots import (
    coverage_chart,
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
    format_usd,
    reporter_color,
    save_figure,
    source_line_of,
    source_text,
)
from tradecheck.charts.verdict import verdict_chart

__all__ = [
    "BOUND_MARKERS",
    "DPI",
    "FIGSIZE",
    "FONT_FALLBACK",
    "REPORTER_COLORS",
    "apply_style",
    "coverage_chart",
    "format_usd",
    "mirror_chart",
    "reporter_color",
    "save_figure",
    "seasonal_chart",
    "source_line_of",
    "source_text",
    "trend_chart",
    "verdict_chart",
    "yoy_chart",
]
