"""The house style of tradecheck charts: colours per reporter, markers for published figures,
the font fallback for Cyrillic and Chinese, the source line under every chart, and
deterministic output (fixed size and dpi, no timestamps, fixed SVG hash salt).

matplotlib only (the project's plotting library); seaborn or plotnine would add a dependency
for nothing the charts need.
"""

from __future__ import annotations

import os
import textwrap
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import matplotlib as mpl
import numpy as np
import pandas as pd
from cycler import cycler
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.ticker import FuncFormatter

from tradecheck import fmt, sources

#: Font fallback: DejaVu Sans for Latin and Cyrillic, Noto Sans CJK for Chinese.
FONT_FALLBACK: list[str] = ["DejaVu Sans", "Noto Sans CJK SC", "Noto Sans CJK JP"]
#: Figure size (inches) and resolution of every chart.
FIGSIZE: tuple[float, float] = (8.0, 4.5)
DPI: int = 150
#: Fixed salt so SVG element ids are the same on every run.
SVG_HASHSALT = "tradecheck"

#: One colour per reporter, the same in every chart.
REPORTER_COLORS: dict[str, str] = {
    "CHN": "#c8102e",  # China: red
    "BLR": "#00795c",  # Belarus: green
    "XXX": "#6b6b6b",  # published, side not stated: grey
}
_FALLBACK_COLORS = ["#1f5fa8", "#b35c00", "#6a3d9a", "#8c6d1f", "#2f8f9d"]

#: Line style per statistical source (published figures are drawn as markers, not lines).
SOURCE_LINESTYLES: dict[str, Any] = sources.linestyles()  # tradecheck/data/sources.csv
#: Marker per bound of a published figure: a stated figure, approximate, more than, less than.
BOUND_MARKERS: dict[str, str] = {"eq": "o", "approx": "D", "gt": "^", "lt": "v", "mixed": "s"}

#: How the source line names each source.
SOURCE_NAMES: dict[str, str] = sources.citations()
SOURCE_SHORT: dict[str, str] = sources.short_names()

#: Reporter names in the chart languages.
REPORTER_NAMES: dict[str, dict[str, str]] = {
    "en": {"BLR": "Belarus", "CHN": "China", "XXX": "side not stated", "W00": "World"},
    "de": {"BLR": "Belarus", "CHN": "China", "XXX": "Seite nicht genannt", "W00": "Welt"},
    "ru": {"BLR": "Беларусь", "CHN": "Китай", "XXX": "сторона не указана", "W00": "Мир"},
    "zh": {"BLR": "白俄罗斯", "CHN": "中国", "XXX": "未注明报告方", "W00": "世界"},
}

SOURCE_LINE_GID = "tradecheck-source-line"


def apply_style() -> None:
    """Set the house style in matplotlib's rcParams (idempotent).

    Every chart function calls it, so calling it yourself is only needed for your own
    figures. Sets the font fallback list, a clean look (no top/right spines, light grid),
    the fixed size and dpi, the fixed SVG hash salt and no SVG/PDF dates.

    Examples
    --------
    >>> apply_style()
    >>> import matplotlib as mpl
    >>> mpl.rcParams["font.family"][:2]
    ['DejaVu Sans', 'Noto Sans CJK SC']
    """
    mpl.rcParams.update(
        {
            "font.family": list(FONT_FALLBACK),
            "font.size": 9.0,
            "axes.titlesize": 11.0,
            "axes.titleweight": "bold",
            "axes.titlelocation": "left",
            "axes.labelsize": 9.0,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.grid": True,
            "axes.grid.axis": "y",
            "grid.color": "#dddddd",
            "grid.linewidth": 0.6,
            "axes.edgecolor": "#555555",
            "axes.prop_cycle": cycler(color=_FALLBACK_COLORS),
            "legend.frameon": False,
            "legend.fontsize": 8.0,
            "lines.linewidth": 1.8,
            "figure.figsize": FIGSIZE,
            "figure.dpi": DPI,
            "savefig.dpi": DPI,
            "figure.facecolor": "white",
            "savefig.facecolor": "white",
            "svg.hashsalt": SVG_HASHSALT,
            "svg.fonttype": "path",
            "pdf.compression": 6,
            "axes.unicode_minus": True,
        }
    )


def reporter_color(reporter: str) -> str:
    """The colour of a reporter (China red, Belarus green, unknown side grey; others from a
    fixed palette by code, so the same code always gets the same colour)."""
    if reporter in REPORTER_COLORS:
        return REPORTER_COLORS[reporter]
    h = sum((i + 1) * ord(c) for i, c in enumerate(str(reporter)))
    return _FALLBACK_COLORS[h % len(_FALLBACK_COLORS)]


def reporter_name(reporter: str, lang: str = "en") -> str:
    """Display name of a reporter in ``lang`` (en, de, ru, zh); falls back to
    :func:`tradecheck.countries.name`, then to the code."""
    names = REPORTER_NAMES.get(lang, REPORTER_NAMES["en"])
    if reporter in names:
        return names[reporter]
    try:
        from tradecheck.countries import name

        return str(name(reporter, lang))
    except Exception:  # noqa: BLE001 - a display name must never break a chart
        return str(reporter)


def source_linestyle(source: str) -> Any:
    """Line style of a statistical source."""
    return SOURCE_LINESTYLES.get(source, "-")


def usd_axis(ax: Axes, *, axis: str = "y", log: bool = False) -> None:
    """Label a value axis plotted in real US$ with compact money ticks (``$4.5B``).

    The data stay in US$ (so ``ax.axhline(4.5e9)`` is $4.5 billion); only the tick labels are
    formatted, by :func:`tradecheck.fmt.money`.
    """
    target = ax.yaxis if axis == "y" else ax.xaxis
    target.set_major_formatter(FuncFormatter(lambda v, _p: fmt.money(v, digits=1)))
    label = "US$" + (" (log scale)" if log else "")
    (ax.set_ylabel if axis == "y" else ax.set_xlabel)(label)


def percent_axis(ax: Axes, *, axis: str = "y", signed: bool = True) -> None:
    """Percent ticks (values already in percent) by :func:`tradecheck.fmt.percent`."""
    target = ax.yaxis if axis == "y" else ax.xaxis
    target.set_major_formatter(
        FuncFormatter(lambda v, _p: fmt.percent(v, signed=signed and v != 0, digits=0))
    )


def plain(text: str) -> str:
    """Escape ``$`` so matplotlib never reads two dollar amounts as a formula.

    Examples
    --------
    >>> print(plain("$4.46 bn vs $4.50 bn"))
    \\$4.46 bn vs \\$4.50 bn
    """
    return str(text).replace("\\$", "$").replace("$", "\\$")


def _files_of(values: Iterable[object]) -> list[str]:
    out: list[str] = []
    for v in values:
        for part in str(v).split("; "):
            part = part.strip()
            if part and part != "nan":
                name = os.path.basename(part) if "://" not in part else part
                if name not in out:
                    out.append(name)
    return sorted(out)


def source_text(
    data: pd.DataFrame | Iterable[tuple[str, str]] | None, extra: str | None = None
) -> str:
    """The text of the source line: each source named, with the files it came from.

    Parameters
    ----------
    data
        A frame with ``source`` and ``source_file`` columns (any analysis output or the
        canonical table), or ``(source, file)`` pairs.
    extra
        A note appended (e.g. the reading rule).

    Examples
    --------
    >>> df = pd.DataFrame({"source": ["imf_dots", "published"],
    ...     "source_file": ["data/raw/imf_dots/a.xlsx", "data/raw/published/p.csv"]})
    >>> print(source_text(df))  # doctest: +NORMALIZE_WHITESPACE
    Sources: IMF, Direction of Trade Statistics (a.xlsx); published official figures
    (citation per figure) (p.csv).
    """
    pairs: list[tuple[str, str]] = []
    if isinstance(data, pd.DataFrame):
        if "source" in data.columns:
            files = data["source_file"] if "source_file" in data.columns else [""] * len(data)
            pairs = list(zip(data["source"].astype(str), map(str, files), strict=True))
    elif data is not None:
        pairs = [(str(s), str(f)) for s, f in data]
    by_source: dict[str, list[str]] = {}
    for s, f in pairs:
        by_source.setdefault(s, [])
        for name in _files_of([f]):
            if name not in by_source[s]:
                by_source[s].append(name)
    parts = []
    for s in sorted(by_source):
        files = sorted(by_source[s])
        label = SOURCE_NAMES.get(s, s)
        parts.append(f"{label} ({', '.join(files)})" if files else label)
    text = ("Sources: " if len(parts) != 1 else "Source: ") + ("; ".join(parts) or "not stated")
    text += "."
    if extra:
        text += " " + extra.strip()
    return text


def new_figure(
    figsize: tuple[float, float] = FIGSIZE,
    *,
    nrows: int = 1,
    ncols: int = 1,
    sharex: Any = False,
    sharey: Any = False,
    height_ratios: list[float] | None = None,
) -> tuple[Figure, np.ndarray]:
    """A styled figure (not registered with pyplot, so nothing leaks) and its axes array."""
    apply_style()
    fig = Figure(figsize=figsize, dpi=DPI, layout="constrained")
    axes = fig.subplots(
        nrows,
        ncols,
        sharex=sharex,
        sharey=sharey,
        squeeze=False,
        gridspec_kw={"height_ratios": height_ratios} if height_ratios else None,
    )
    return fig, axes


def add_source_line(fig: Figure, text: str, *, width: int | None = None) -> None:
    """Write the source line under the chart (wrapped) and keep the axes clear of it."""
    w_in = fig.get_figwidth()
    width = width or max(60, int(w_in * 17))
    lines = textwrap.wrap(text, width=width) or [text]
    fontsize = 6.5
    line_h = fontsize * 1.35 / 72.0  # inches
    bottom = (len(lines) * line_h + 0.08) / fig.get_figheight()
    engine = fig.get_layout_engine()
    if isinstance(engine, ConstrainedLayoutEngine):
        engine.set(rect=(0.0, bottom, 1.0, 1.0 - bottom))
    else:  # pragma: no cover - figures made elsewhere
        fig.subplots_adjust(bottom=bottom + 0.08)
    t = fig.text(
        0.01,
        0.04 / fig.get_figheight(),
        plain("\n".join(lines)),
        ha="left",
        va="bottom",
        fontsize=fontsize,
        color="#555555",
    )
    t.set_gid(SOURCE_LINE_GID)


def finalize(fig: Figure) -> Figure:
    """Run the constrained layout once and freeze it.

    Re-running the layout at every save starts from the previous positions and can move the
    axes by a rounding error, which changes antialiased pixels; a frozen layout makes every
    save of the figure (and every rebuild of it) byte-identical.
    """
    fig.draw_without_rendering()
    fig.set_layout_engine("none")
    return fig


def source_line_of(fig: Figure) -> str | None:
    """The source line of a tradecheck figure (None if it has none)."""
    for t in fig.texts:
        if t.get_gid() == SOURCE_LINE_GID:
            return t.get_text().replace("\n", " ").replace("\\$", "$")
    return None


def annotate_last(ax: Axes, x: float, y: float, label: str, color: str, *, dy: float = 0.0) -> None:
    """Queue ``label`` for the last point of a series (written by :func:`place_labels`)."""
    queue = ax.__dict__.setdefault("_tradecheck_labels", [])
    queue.append((float(x), float(y), label, color, float(dy)))


def place_labels(ax: Axes, *, min_gap_pt: float = 10.0) -> None:
    """Write the queued latest-value labels of ``ax`` beside their points, moved apart
    vertically where they would overlap. Call once the axis limits are final."""
    queue = ax.__dict__.pop("_tradecheck_labels", [])
    if not queue:
        return
    ax.get_xlim()  # bring the view limits up to date (autoscaling is lazy)
    ax.get_ylim()
    to_axes = ax.transScale + ax.transLimits
    fig = ax.get_figure()
    height_pt = max(ax.get_position().height * fig.get_figheight() * 72.0, 1.0)  # type: ignore[union-attr]
    ys = [float(to_axes.transform((x, y))[1]) * height_pt for x, y, *_ in queue]
    order = sorted(range(len(queue)), key=lambda i: ys[i])
    placed = {}
    last = -1e9
    for i in order:
        placed[i] = max(ys[i], last + min_gap_pt)
        last = placed[i]
    excess = placed[order[-1]] - (height_pt + min_gap_pt)
    if excess > 0:  # pushed off the top: slide down from the top, keeping the gaps
        top = height_pt + min_gap_pt
        for i in reversed(order):
            placed[i] = min(placed[i], top)
            top = placed[i] - min_gap_pt
    for i, (x, y, label, color, dy) in enumerate(queue):
        ax.annotate(
            plain(label),
            xy=(x, y),
            xytext=(4, placed[i] - ys[i] + dy),
            textcoords="offset points",
            ha="left",
            va="center",
            fontsize=7.5,
            color=color,
            fontweight="bold",
            annotation_clip=False,
        )


def save_figure(fig: Figure, path: str | os.PathLike[str], **kwargs: Any) -> Path:
    """Save a figure with no timestamps or software stamps, so the bytes are reproducible.

    The format follows the suffix (``.png``, ``.svg``, ``.pdf``).

    Examples
    --------
    >>> fig, _ = new_figure()
    >>> p = save_figure(fig, __import__("tempfile").mkdtemp() + "/x.png")
    >>> p.suffix
    '.png'
    """
    path = Path(path)
    fmt = path.suffix.lstrip(".").lower()
    meta: dict[str, Any]
    if fmt == "png":
        meta = {"Software": None}
    elif fmt == "svg":
        meta = {"Date": None, "Creator": None}
    elif fmt == "pdf":
        meta = {"CreationDate": None, "ModDate": None, "Producer": None, "Creator": None}
    else:
        meta = {}
    apply_style()
    fig.savefig(path, dpi=DPI, metadata=meta or None, **kwargs)
    return path
