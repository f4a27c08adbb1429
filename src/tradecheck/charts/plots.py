"""The chart functions: trend, year-on-year, mirror gap, seasonal components, coverage.

Each returns a :class:`matplotlib.figure.Figure` in the house style of
:mod:`tradecheck.charts.style` with a source line under the chart.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, cast

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from tradecheck import fmt
from tradecheck.analysis._common import A_TO_B, B_TO_A, TOTAL, parse_years
from tradecheck.charts.style import (
    BOUND_MARKERS,
    FIGSIZE,
    SOURCE_SHORT,
    add_source_line,
    annotate_last,
    finalize,
    new_figure,
    percent_axis,
    place_labels,
    reporter_color,
    reporter_name,
    source_linestyle,
    source_text,
    usd_axis,
)
from tradecheck.errors import TradecheckError

_ARROW = "→"


def _money(value: float) -> str:
    return fmt.money(value)


def _signed_pct(value: float) -> str:
    return fmt.percent(value, signed=True)


def _direction_title(frame: pd.DataFrame, direction: str, lang: str) -> str:
    row = frame.iloc[0]
    ex = str(row.get("exporter", "A")) if "exporter" in frame.columns else "A"
    im = str(row.get("importer", "B")) if "importer" in frame.columns else "B"
    if direction == TOTAL:
        return f"{reporter_name(ex, lang)}–{reporter_name(im, lang)}: total trade in goods"
    return f"{reporter_name(ex, lang)} {_ARROW} {reporter_name(im, lang)}: goods"


def _years_axis(ax: Axes, years: Sequence[int]) -> None:
    if len(years):
        lo, hi = int(min(years)), int(max(years))
        ax.set_xlim(lo - 0.7, hi + 2.6)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=10))


def _select(
    frame: pd.DataFrame,
    *,
    direction: str | None,
    sources: Sequence[str] | None,
    reporters: Sequence[str] | None,
    func: str,
) -> pd.DataFrame:
    d = frame
    if direction is not None and "direction" in d.columns:
        d = d[d["direction"] == direction]
    if sources is not None:
        d = d[d["source"].isin(list(sources))]
    if reporters is not None:
        d = d[d["reporter"].isin(list(reporters))]
    if d.empty:
        raise TradecheckError(
            f"{func}: nothing to draw for direction={direction!r}, sources={sources}, "
            f"reporters={reporters}"
        )
    return d


def _legend_label(reporter: str, source: str, lang: str) -> str:
    return f"{reporter_name(reporter, lang)} · {SOURCE_SHORT.get(source, source)}"


def _draw_series(
    ax: Axes, d: pd.DataFrame, ycol: str, *, lang: str, fmt: Any, annotate: bool = True
) -> list[int]:
    """Statistics as lines (colour = reporter, style = source), published as markers
    (colour = reporter, shape = bound). Returns the years drawn."""
    years: list[int] = []
    keys = cast("Iterable[tuple[str, str]]", d.groupby(["source", "reporter"]).groups)
    order = sorted(keys, key=lambda k: (k[0] == "published", k[0], k[1]))
    for source, reporter in order:
        g = d[(d["source"] == source) & (d["reporter"] == reporter)].sort_values("year")
        g = g[np.isfinite(g[ycol].to_numpy(dtype=float))]
        if g.empty:
            continue
        color = reporter_color(reporter)
        x = g["year"].to_numpy(dtype=float)
        y = g[ycol].to_numpy(dtype=float)
        years.extend(int(v) for v in x)
        label = _legend_label(reporter, source, lang)
        if source == "published":
            _draw_published(ax, g, x, y, color, label)
        else:
            _draw_statistics(ax, x, y, color, source_linestyle(source), label)
        if annotate:
            annotate_last(ax, x[-1], y[-1], f"{fmt(y[-1])} ({int(x[-1])})", color)
    return years


def _draw_published(
    ax: Axes, g: pd.DataFrame, x: np.ndarray, y: np.ndarray, color: Any, label: str
) -> None:
    """Published figures of one reporter as markers, one shape per bound (filled = stated).

    Parameters
    ----------
    ax
        Axes to draw on.
    g
        The rows drawn (``bound`` read when present, else every figure is ``eq``).
    x, y
        Years and values of ``g``.
    color
        The reporter's colour.
    label
        Legend label (given to the first bound only).
    """
    bounds = (
        g["bound"].astype(str)
        if "bound" in g.columns
        else pd.Series(["eq"] * len(g), index=g.index)
    )
    first = True
    for b in sorted(set(bounds)):
        m = (bounds == b).to_numpy()
        ax.scatter(
            x[m],
            y[m],
            marker=BOUND_MARKERS.get(b, "o"),
            s=26,
            facecolors=color if b == "eq" else "white",
            edgecolors=color,
            linewidths=1.2,
            zorder=4,
            label=label if first else None,
        )
        first = False


def _draw_statistics(
    ax: Axes, x: np.ndarray, y: np.ndarray, color: Any, linestyle: Any, label: str
) -> None:
    """One statistics series as a line over consecutive years; missing years stay gaps.

    Parameters
    ----------
    ax
        Axes to draw on.
    x, y
        Years and values.
    color, linestyle
        The reporter's colour and the source's line style.
    label
        Legend label.
    """
    full = pd.Series(y, index=x.astype(int)).reindex(range(int(x.min()), int(x.max()) + 1))
    ax.plot(
        full.index.to_numpy(dtype=float),
        full.to_numpy(),
        color=color,
        linestyle=linestyle,
        marker=".",
        markersize=3.5,
        label=label,
        zorder=3,
    )


def _bound_legend(ax: Axes, d: pd.DataFrame) -> None:
    handles, labels = ax.get_legend_handles_labels()
    if "bound" in d.columns and (d["source"] == "published").any():
        bounds = sorted(set(d.loc[d["source"] == "published", "bound"].astype(str)))
        words = {
            "eq": "published: stated",
            "approx": "published: about",
            "gt": "published: more than",
            "lt": "published: less than",
            "mixed": "published: mixed bounds",
        }
        for b in bounds:
            handles.append(
                Line2D(
                    [],
                    [],
                    linestyle="none",
                    marker=BOUND_MARKERS.get(b, "o"),
                    markerfacecolor="#888888" if b == "eq" else "white",
                    markeredgecolor="#888888",
                )
            )
            labels.append(words.get(b, b))
    ax.legend(handles, labels, loc="upper left", ncols=2, fontsize=7.5)


def trend_chart(
    levels: pd.DataFrame,
    *,
    direction: str = TOTAL,
    log: bool = False,
    sources: Sequence[str] | None = None,
    reporters: Sequence[str] | None = None,
    title: str | None = None,
    lang: str = "en",
    figsize: tuple[float, float] = FIGSIZE,
) -> Figure:
    """Annual levels of both reporters over time.

    Parameters
    ----------
    levels
        Output of :func:`tradecheck.analysis.annual_levels`.
    direction
        ``"total"`` (default), ``"A->B"`` or ``"B->A"``.
    log
        Logarithmic value axis (useful from 1992, when trade was a few tens of millions).
    sources, reporters
        Optional filters.
    title
        Default: the pair and direction in ``lang``.
    lang
        Language of reporter names: ``en``, ``de``, ``ru``, ``zh``.

    Returns
    -------
    matplotlib.figure.Figure
        One axes; statistics as lines (China red, Belarus green; line style by source),
        published figures as markers (filled = stated, hollow = about / more / less than),
        the latest value of each series written beside it, the source line underneath.

    Examples
    --------
    >>> lv = pd.DataFrame({"year": [2019, 2020], "reporter": "BLR", "source": "imf_dots",
    ...     "direction": "total", "value": [4.0e9, 4.5e9], "source_file": "f.xlsx",
    ...     "exporter": "BLR", "importer": "CHN"})
    >>> fig = trend_chart(lv)
    >>> fig.axes[0].get_lines()[0].get_label()
    'Belarus · IMF DOTS'
    """
    d = _select(
        levels, direction=direction, sources=sources, reporters=reporters, func="trend_chart"
    )
    fig, axes = new_figure(figsize)
    ax = axes[0, 0]
    years = _draw_series(ax, d, "value", lang=lang, fmt=_money)
    if log:
        ax.set_yscale("log")
    usd_axis(ax, log=log)
    _years_axis(ax, years)
    ax.set_title(title or _direction_title(d, direction, lang))
    _bound_legend(ax, d)
    if not log:
        ax.set_ylim(bottom=0)
    place_labels(ax)
    add_source_line(fig, source_text(d, "Each reporter's own statistics; sides never mixed."))
    return finalize(fig)


def yoy_chart(
    yoy_frame: pd.DataFrame,
    *,
    direction: str = TOTAL,
    sources: Sequence[str] | None = None,
    reporters: Sequence[str] | None = None,
    title: str | None = None,
    lang: str = "en",
    figsize: tuple[float, float] = FIGSIZE,
) -> Figure:
    """Year-on-year change in percent, both reporters.

    Parameters
    ----------
    yoy_frame
        Output of :func:`tradecheck.analysis.yoy` (levels are accepted and converted).
    direction, sources, reporters, title, lang
        As in :func:`trend_chart`.

    Returns
    -------
    matplotlib.figure.Figure
    """
    if "yoy_pct" not in yoy_frame.columns:
        from tradecheck.analysis import yoy

        yoy_frame = yoy(yoy_frame)
    d = _select(
        yoy_frame, direction=direction, sources=sources, reporters=reporters, func="yoy_chart"
    )
    d = d[np.isfinite(d["yoy_pct"].to_numpy(dtype=float))]
    if "bound" in d.columns and "prev_bound" in d.columns:  # the weaker bound of the two years
        d = d.assign(bound=d["bound"].where(d["bound"] != "eq", d["prev_bound"]))
    if d.empty:
        raise TradecheckError("yoy_chart: no year-on-year change to draw (no consecutive years)")
    fig, axes = new_figure(figsize)
    ax = axes[0, 0]
    years = _draw_series(ax, d, "yoy_pct", lang=lang, fmt=_signed_pct)
    ax.axhline(0, color="#333333", linewidth=0.8, zorder=2)
    percent_axis(ax)
    ax.set_ylabel("change on previous year")
    _years_axis(ax, years)
    ax.set_title(title or _direction_title(d, direction, lang) + ": change on a year earlier")
    _bound_legend(ax, d)
    place_labels(ax)
    add_source_line(
        fig,
        source_text(d, "Change against exactly the previous year of the same reporter and source."),
    )
    return finalize(fig)


def _mirror_rows(gap: pd.DataFrame, source: str | None) -> tuple[str, pd.DataFrame]:
    """The source :func:`mirror_chart` draws (given, else the one with the most years with
    both sides) and its rows; TradecheckError when there is nothing to draw."""
    if gap.empty:
        raise TradecheckError("mirror_chart: the mirror table is empty")
    if source is None:
        complete = gap.dropna(subset=["gap"]).groupby("source").size()
        source = str(complete.idxmax()) if not complete.empty else str(gap["source"].iloc[0])
    d = gap[gap["source"] == source]
    if d.empty:
        raise TradecheckError(f"mirror_chart: no rows for source {source!r}")
    return source, d


def _valuation_tag(g: pd.DataFrame, col: str) -> str:
    """`` (FOB)``-style tag: the valuation of the last year a side reported, if known."""
    side = "exporter" if col.startswith("exporter") else "importer"
    val = g.loc[g[col].notna(), f"{side}_valuation"]
    return f" ({val.iloc[-1]})" if len(val) and str(val.iloc[-1]) not in ("", "unknown") else ""


def _draw_mirror_levels(top: Axes, g: pd.DataFrame, x: np.ndarray, lang: str) -> None:
    """Top panel of one direction: the exporter's exports (solid) and the importer's imports
    (dashed), each labelled at its last value, with the valuation in the legend."""
    ex, im = str(g["exporter"].iloc[0]), str(g["importer"].iloc[0])
    for col, who, style, what in (
        ("exporter_reports", ex, "-", "exports"),
        ("importer_reports", im, (0, (4, 2)), "imports"),
    ):
        y = g[col].to_numpy(dtype=float)
        ok = np.isfinite(y)
        if not ok.any():
            continue
        top.plot(
            x,
            y,
            color=reporter_color(who),
            linestyle=style,
            marker=".",
            markersize=3.5,
            label=f"{reporter_name(who, lang)} reports {what}{_valuation_tag(g, col)}",
        )
        annotate_last(top, x[ok][-1], y[ok][-1], _money(y[ok][-1]), reporter_color(who))
    usd_axis(top)
    top.set_ylim(bottom=0)
    top.set_title(f"{reporter_name(ex, lang)} {_ARROW} {reporter_name(im, lang)}")
    top.legend(loc="upper left", fontsize=7.5)


def _draw_mirror_gap(bot: Axes, g: pd.DataFrame, x: np.ndarray, years: list[int]) -> None:
    """Bottom panel of one direction: the gap in percent of the exporter's figure as bars
    (dark above zero, pale below), the last one labelled; ``years`` set the x ticks."""
    pct = g["gap_pct"].to_numpy(dtype=float)
    ok = np.isfinite(pct)
    colors = ["#555555" if v >= 0 else "#9a9a9a" for v in pct[ok]]
    bot.bar(x[ok], pct[ok], color=colors, width=0.7, zorder=3)
    bot.axhline(0, color="#333333", linewidth=0.8)
    if ok.any():
        annotate_last(bot, x[ok][-1], pct[ok][-1], _signed_pct(pct[ok][-1]), "#333333")
    bot.set_ylabel("gap, % of exporter's figure")
    percent_axis(bot, signed=False)
    _years_axis(bot, years)


def mirror_chart(
    gap: pd.DataFrame,
    *,
    source: str | None = None,
    title: str | None = None,
    lang: str = "en",
    figsize: tuple[float, float] = (10.0, 6.0),
) -> Figure:
    """The mirror gap over time: for each direction of goods, the exporter's exports beside
    the importer's imports (top) and the gap in percent of the exports (bottom).

    Parameters
    ----------
    gap
        Output of :func:`tradecheck.analysis.mirror_gap` (annual).
    source
        Which source to draw; default: the one with the most years with both sides.

    Returns
    -------
    matplotlib.figure.Figure
        2 rows x one column per direction.
    """
    source, d = _mirror_rows(gap, source)
    directions = [x for x in (A_TO_B, B_TO_A) if x in set(d["direction"])]
    fig, axes = new_figure(
        figsize, nrows=2, ncols=len(directions), sharex="col", height_ratios=[3, 2]
    )
    years_all: list[int] = []  # grows column by column: a later column's ticks see all years
    for j, direction in enumerate(directions):
        g = d[d["direction"] == direction].sort_values("year")
        x = g["year"].to_numpy(dtype=float)
        years_all.extend(int(v) for v in x)
        _draw_mirror_levels(axes[0, j], g, x, lang)
        _draw_mirror_gap(axes[1, j], g, x, years_all)
        place_labels(axes[0, j])
        place_labels(axes[1, j])
    fig.suptitle(
        title or "Mirror statistics: what each side reports for the same goods",
        x=0.01,
        ha="left",
        fontweight="bold",
        fontsize=11,
    )
    files = [(source, f) for f in list(d["exporter_file"]) + list(d["importer_file"]) if f]
    add_source_line(
        fig,
        source_text(
            files,
            "Gap = importer's imports − exporter's exports; "
            "imports are usually valued CIF, exports FOB.",
        ),
    )
    return finalize(fig)


def seasonal_chart(
    stl_result: Any,
    *,
    title: str | None = None,
    lang: str = "en",
    figsize: tuple[float, float] = (8.0, 6.5),
) -> Figure:
    """The STL components of a monthly series: observed, trend, seasonal, remainder.

    Parameters
    ----------
    stl_result
        A :class:`tradecheck.analysis.SeasonalResult` (from
        :func:`tradecheck.analysis.seasonal`) or a statsmodels ``DecomposeResult`` whose
        components are Series on a monthly index.

    Returns
    -------
    matplotlib.figure.Figure
        Four stacked axes sharing the time axis.
    """
    comps = _stl_components(stl_result)
    x = _time_axis(comps["observed"].index)
    reporter = getattr(stl_result, "reporter", None)
    color = reporter_color(reporter) if reporter else "#333333"
    fig, axes = new_figure(figsize, nrows=4, sharex=True, height_ratios=[3, 2, 2, 1.5])
    labels = {
        "observed": "observed",
        "trend": "trend",
        "seasonal": "seasonal",
        "resid": "remainder",
    }
    for ax, name in zip(axes[:, 0], comps, strict=True):
        _draw_component(ax, name, x, comps[name].to_numpy(dtype=float), color)
        ax.set_ylabel(f"{labels[name]}, US$")
    last = comps["trend"].to_numpy(dtype=float)[-1]
    xl = mdates.date2num(x[-1]) if not isinstance(x, np.ndarray) else float(x[-1])
    annotate_last(axes[1, 0], xl, last, _money(last), color)
    place_labels(axes[1, 0])
    label = getattr(stl_result, "label", "") or ""
    strength = getattr(stl_result, "strength", None)
    head = title or "Seasonal decomposition (STL)" + (f": {label}" if label else "")
    if strength is not None:
        head += f" — seasonal strength {fmt.number(strength, digits=2)}"
    axes[0, 0].set_title(head)
    add_source_line(fig, _stl_source_line(stl_result))
    return finalize(fig)


def _stl_components(stl_result: Any) -> dict[str, pd.Series]:
    """The four STL components of a result as Series, in drawing order.

    Parameters
    ----------
    stl_result
        As in :func:`seasonal_chart`.

    Returns
    -------
    dict
        ``observed``, ``trend``, ``seasonal``, ``resid`` (arrays wrapped in a Series).

    Raises
    ------
    TradecheckError
        When a component is missing.
    """
    comps = {}
    for name in ("observed", "trend", "seasonal", "resid"):
        comp = getattr(stl_result, name, None)
        if comp is None:
            raise TradecheckError(f"seasonal_chart: the result has no {name!r} component")
        comps[name] = comp if isinstance(comp, pd.Series) else pd.Series(np.asarray(comp))
    return comps


def _time_axis(idx: pd.Index) -> Any:
    """Timestamps for a monthly (Period or Datetime) index, else positions 0..n-1.

    Parameters
    ----------
    idx
        Index of the observed component.

    Returns
    -------
    pandas.DatetimeIndex or numpy.ndarray
    """
    if isinstance(idx, pd.PeriodIndex):
        return idx.to_timestamp()
    if isinstance(idx, pd.DatetimeIndex):
        return idx
    return np.arange(len(idx))


def _draw_component(ax: Axes, name: str, x: Any, y: np.ndarray, color: Any) -> None:
    """One STL component: bars for the remainder, else a line; zero line under the centred two.

    Parameters
    ----------
    ax
        Axes of the component.
    name
        ``observed``, ``trend``, ``seasonal`` or ``resid``.
    x, y
        Time axis (from :func:`_time_axis`) and values.
    color
        Series colour.
    """
    if name == "resid":
        ax.bar(x, y, width=20 if not isinstance(x, np.ndarray) else 0.8, color=color, alpha=0.7)
    else:
        ax.plot(x, y, color=color, linewidth=1.5)
    if name in ("seasonal", "resid"):
        ax.axhline(0, color="#999999", linewidth=0.6)
    usd_axis(ax)


def _stl_source_line(stl_result: Any) -> str:
    """Source line of :func:`seasonal_chart`: files and sources when recorded, STL period, span.

    Parameters
    ----------
    stl_result
        As in :func:`seasonal_chart` (``source_files``, ``sources``, ``start``, ``end``,
        ``period`` read when present).

    Returns
    -------
    str
    """
    files = getattr(stl_result, "source_files", []) or []
    srcs = getattr(stl_result, "sources", []) or []
    pairs = [(s, f) for s in srcs for f in files] if srcs else [("", f) for f in files]
    if pairs:
        text = source_text(pairs)
    else:
        text = "Source: not recorded with this series."
    span = f"{getattr(stl_result, 'start', '')}..{getattr(stl_result, 'end', '')}"
    return text + f" STL with period {getattr(stl_result, 'period', 12)} over {span}."


def coverage_chart(
    coverage: pd.DataFrame,
    *,
    title: str | None = None,
    lang: str = "en",
    width: float = 8.0,
) -> Figure:
    """Timeline of what each source x reporter x flow covers, with the missing years as gaps.

    Parameters
    ----------
    coverage
        Output of :func:`tradecheck.analysis.coverage`.

    Returns
    -------
    matplotlib.figure.Figure
        One bar per row of ``coverage`` (colour = reporter), the number of rows written at
        its right end.
    """
    if coverage.empty:
        raise TradecheckError("coverage_chart: the coverage table is empty")
    cov = coverage.reset_index(drop=True)
    n = len(cov)
    fig, axes = new_figure((width, min(1.6 + 0.28 * n, 1.1 * width)))  # fits an A4 page
    ax = axes[0, 0]
    labels = []
    rows: Iterable[Any] = cov.itertuples()
    for i, r in enumerate(rows):
        spans = [(y0 - 0.45, y1 - y0 + 0.9) for y0, y1 in _covered_runs(r)]
        color = reporter_color(str(r.reporter))
        ax.broken_barh(spans, (n - 1 - i - 0.35, 0.7), facecolors=color, alpha=0.85)
        ax.text(
            int(r.last_year) + 0.7,
            n - 1 - i,
            f"{int(r.rows)} row{'s' if int(r.rows) != 1 else ''}",
            va="center",
            fontsize=7,
            color="#444444",
        )
        labels.append(
            f"{SOURCE_SHORT.get(str(r.source), str(r.source))} · "
            f"{reporter_name(str(r.reporter), lang)} · {r.flow}"
        )
    ax.set_yticks(range(n - 1, -1, -1), labels)
    ax.set_ylim(-0.7, n - 0.3)
    ax.grid(axis="x", color="#e5e5e5")
    ax.grid(axis="y", visible=False)
    _years_axis(ax, list(cov["first_year"]) + list(cov["last_year"]))
    ax.set_xlim(int(cov["first_year"].min()) - 1, int(cov["last_year"].max()) + 3)
    ax.set_title(title or "What the data cover (years with at least one row)")
    files = []
    for r in cov.itertuples():
        for f in str(getattr(r, "files", "")).split("; "):
            files.append((str(r.source), f))
    add_source_line(fig, source_text(files))
    return finalize(fig)


def _covered_runs(r: Any) -> list[list[int]]:
    """Runs of consecutive covered years of one coverage row (one bar per run).

    Parameters
    ----------
    r
        A row of ``coverage.itertuples()`` (``first_year``, ``last_year``, ``missing_years``).

    Returns
    -------
    list of [first, last]
    """
    missing = set(parse_years(getattr(r, "missing_years", "")))
    years = [y for y in range(int(r.first_year), int(r.last_year) + 1) if y not in missing]
    runs: list[list[int]] = []
    for y in years:
        if runs and runs[-1][1] == y - 1:
            runs[-1][1] = y
        else:
            runs.append([y, y])
    return runs


def balance_chart(
    bal: pd.DataFrame,
    *,
    title: str | None = None,
    lang: str = "en",
    figsize: tuple[float, float] = FIGSIZE,
) -> Figure:
    """Each side's trade balance with the other, as that side reports it (exports − imports).

    Parameters
    ----------
    bal
        Output of :func:`tradecheck.analysis.balance`.

    Returns
    -------
    matplotlib.figure.Figure
        One line per reporter and source (published figures as markers), a zero line, the
        latest value of each series written beside it; the value axis in US$.

    Examples
    --------
    >>> b = pd.DataFrame({"year": [2019, 2020], "reporter": "BLR", "source": "imf_dots",
    ...     "of": "BLR", "balance": [-3.1e9, -2.96e9], "source_file": "f.xlsx"})
    >>> balance_chart(b).axes[0].get_lines()[0].get_label()
    'Belarus · IMF DOTS'
    """
    if bal.empty or not np.isfinite(bal["balance"].to_numpy(dtype=float)).any():
        raise TradecheckError("balance_chart: no year has both exports and imports of one side")
    d = bal[np.isfinite(bal["balance"].to_numpy(dtype=float))]
    fig, axes = new_figure(figsize)
    ax = axes[0, 0]
    years = _draw_series(ax, d, "balance", lang=lang, fmt=_money)
    ax.axhline(0, color="#333333", linewidth=0.8, zorder=2)
    usd_axis(ax)
    _years_axis(ax, years)
    ax.set_title(title or "Trade balance with the partner, as each side reports it")
    _bound_legend(ax, d)
    place_labels(ax)
    add_source_line(
        fig,
        source_text(d, "Balance = the reporter's exports to the partner − its imports from it."),
    )
    return finalize(fig)


def flows_chart(
    levels: pd.DataFrame,
    *,
    start_year: int | None = None,
    lang: str = "en",
    figsize: tuple[float, float] = (8.0, 6.6),
) -> Figure:
    """Both directions of goods, each as both sides report it: exports and imports.

    Parameters
    ----------
    levels
        Output of :func:`tradecheck.analysis.annual_levels`.
    start_year
        Leave out earlier years.

    Returns
    -------
    matplotlib.figure.Figure
        Two stacked axes (A → B, B → A), the value axis in US$: in each, the exporter's
        exports and the importer's imports of the same goods.
    """
    d = levels if start_year is None else levels[levels["year"] >= start_year]
    directions = [x for x in (A_TO_B, B_TO_A) if (d["direction"] == x).any()]
    if not directions:
        raise TradecheckError("flows_chart: no export or import figures to draw")
    fig, axes = new_figure(figsize, nrows=len(directions), sharex=True)
    for ax, direction in zip(axes[:, 0], directions, strict=True):
        g = d[d["direction"] == direction]
        years = _draw_series(ax, g, "value", lang=lang, fmt=_money)
        usd_axis(ax)
        ax.set_ylim(bottom=0)
        _years_axis(ax, years)
        ex, im = str(g["exporter"].iloc[0]), str(g["importer"].iloc[0])
        ax.set_title(
            f"{reporter_name(ex, lang)} {_ARROW} {reporter_name(im, lang)}: "
            f"{reporter_name(ex, lang)}'s exports, {reporter_name(im, lang)}'s imports"
        )
        _bound_legend(ax, g)
        place_labels(ax)
    add_source_line(
        fig, source_text(d, "Exports usually valued FOB, imports CIF; sides never mixed.")
    )
    return finalize(fig)
