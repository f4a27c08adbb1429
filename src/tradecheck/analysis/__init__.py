"""Analysis functions on the canonical table (pure: they never modify their input).

Public API
----------
annual_levels(df, pair=DEFAULT_PAIR, sources=None)
    The annual figure per year x reporter x source x direction ("A->B", "B->A", "total").
yoy(levels), cagr(levels, start_year, end_year), balance(levels)
    Growth and balances from annual levels.
common_span(levels, pair), recent_start(levels, pair)
    The longest stretch both sides report; the start of a recent window for YoY views.
monthly_levels(df, pair, sources)
    Monthly values from monthly or year-to-date rows.
ytd_vs_last_year(df, year, end_month, pair=...)
    January..end_month against the same months a year earlier.
trailing_12m(monthly), seasonal(monthly, period=12)
    Rolling 12-month sums; STL decomposition (statsmodels).
mirror_gap(df, pair=..., freq="A")
    Exporter's exports vs importer's imports of the same goods, gap and CIF/FOB ratio.
product_shares(df, ...)
    Shares of products where commodity detail exists.
coverage(df)
    Rows by source x reporter x flow, first/last period and gaps.

When the data are too sparse, the functions raise :class:`InsufficientDataError` (a
:class:`~tradecheck.errors.TradecheckError`) saying what was needed and what was found, or
return rows flagged explicitly (NaN values with a ``status``/``reason`` column).
"""

from tradecheck.analysis._common import (
    A_TO_B,
    B_TO_A,
    DIRECTIONS,
    TOTAL,
    InsufficientDataError,
    format_years,
    parse_years,
)
from tradecheck.analysis.coverage import coverage
from tradecheck.analysis.levels import (
    annual_levels,
    balance,
    cagr,
    common_span,
    recent_start,
    yoy,
)
from tradecheck.analysis.mirror import mirror_gap
from tradecheck.analysis.monthly import (
    SeasonalResult,
    as_monthly_series,
    monthly_levels,
    seasonal,
    trailing_12m,
    ytd_vs_last_year,
)
from tradecheck.analysis.products import product_shares

__all__ = [
    "A_TO_B",
    "B_TO_A",
    "DIRECTIONS",
    "TOTAL",
    "InsufficientDataError",
    "SeasonalResult",
    "annual_levels",
    "as_monthly_series",
    "balance",
    "cagr",
    "common_span",
    "coverage",
    "format_years",
    "mirror_gap",
    "monthly_levels",
    "parse_years",
    "product_shares",
    "recent_start",
    "seasonal",
    "trailing_12m",
    "yoy",
    "ytd_vs_last_year",
]
