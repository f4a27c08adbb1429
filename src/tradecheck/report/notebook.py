"""Helpers the report notebooks call, so the notebooks stay thin.

- :func:`setup` — matplotlib inline + house chart style, pandas display options;
- :func:`load_data` — the canonical table from the processed store or from given files;
- :func:`read_claims_file` — the claims file format (one statement per line, ``#`` comments);
- :func:`show` — display a Figure as a PNG at a fixed dpi (sharp in the PDF, deterministic);
- :func:`table` — a DataFrame as a plain table (no index, NaN as "–");
- :func:`attempt` — run one view; when the data cannot support it, say why instead;
- :func:`note` — a Markdown paragraph in the output (used e.g. to say a function is missing);
- :func:`figure` — a figure as the claim speaks of it (``$5.08B``, ``+33.7 %``, ``×2.20``);
- :func:`esc` — user text for :func:`note`, printed literally;
- :func:`pair_names`, :func:`restrict_to`, :func:`latest_vintage` — the pair's names, the
  data as of a date, the latest publication date in the data;
- :func:`write_results` — the claim results JSON the provenance appendix reads.

Examples
--------
>>> read_claims_file.__name__
'read_claims_file'
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from tradecheck import fmt, schema
from tradecheck.errors import LoadError, TradecheckError
from tradecheck.report.text import md as text_md

#: Pixels per inch of charts in the report (the PDF prints them at ~90 % of the text width).
CHART_DPI = 160


def setup() -> None:
    """Prepare a notebook: inline charts, house style, pandas display options.

    Safe outside IPython (then only the style and pandas options are set).
    """
    try:
        from IPython import get_ipython

        ip = get_ipython()
        if ip is not None:
            ip.run_line_magic("matplotlib", "inline")
    except ImportError:  # pragma: no cover - IPython always present with ipykernel
        pass
    try:
        from tradecheck import charts

        style = getattr(charts, "apply_style", None)
        if callable(style):
            style()
    except ImportError:
        pass
    import matplotlib

    families = list(matplotlib.rcParams.get("font.family", []))
    for fam in ("DejaVu Sans", "Noto Sans CJK SC", "Noto Sans CJK JP"):
        if fam not in families:
            families.append(fam)
    matplotlib.rcParams["font.family"] = families
    pd.set_option("display.precision", 3)
    pd.set_option("display.max_rows", 120)
    pd.set_option("display.max_columns", 30)
    pd.set_option("display.width", 140)


def _is_canonical_file(path: Path) -> bool:
    if path.suffix.lower() == ".parquet":
        return True
    if path.suffix.lower() != ".csv":
        return False
    with open(path, encoding="utf-8-sig", errors="replace") as fh:
        header = fh.readline().strip().split(",")
    return set(schema.REQUIRED_COLUMNS) <= {h.strip() for h in header}


def read_canonical(path: str | os.PathLike[str]) -> pd.DataFrame:
    """Read a canonical table saved as CSV (header = canonical column names) or Parquet.

    Raises
    ------
    LoadError
        If the file is not a canonical table.
    """
    p = Path(path)
    if p.suffix.lower() == ".parquet":
        df = pd.read_parquet(p)
    else:
        df = pd.read_csv(p, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        missing = [c for c in schema.REQUIRED_COLUMNS if c not in df.columns]
        if missing:
            raise LoadError(p, f"not a canonical CSV: missing column(s) {', '.join(missing)}")
        df["value"] = pd.to_numeric(df["value"], errors="coerce")
        if "estimate" in df.columns:
            df["estimate"] = df["estimate"].str.lower().isin(["true", "1", "yes"])
        for col in schema.EXTRA_COLUMNS:
            if col in df.columns and col not in ("estimate", "note"):
                df[col] = df[col].replace("", None)
    frame = schema.make_frame(df)
    try:
        return schema.validate(frame)
    except schema.SchemaError as exc:
        raise LoadError(p, str(exc)) from None


def load_data(data_paths: Sequence[str | os.PathLike[str]] | None = None) -> pd.DataFrame:
    """Return the canonical table the report works on.

    Parameters
    ----------
    data_paths : list of paths, optional
        Files or folders. Canonical tables (CSV with the canonical header, Parquet) are read
        directly; anything else goes through :func:`tradecheck.loaders.load`. Default: the
        processed dataset (``tradecheck.store.build.read_processed``), or the raw folder when
        the store stage is not available.
    """
    from tradecheck import paths

    if data_paths is None:
        try:
            from tradecheck.store.build import read_processed
        except ImportError:
            from tradecheck.loaders import load

            return load(paths.RAW)
        return read_processed()
    from tradecheck.loaders import iter_files

    files = iter_files(data_paths)
    canonical = [f for f in files if _is_canonical_file(f)]
    others = [f for f in files if f not in canonical]
    frames = [read_canonical(f) for f in canonical]
    if others:
        from tradecheck.loaders import load

        frames.append(load(others))
    if not frames:
        raise TradecheckError(f"no data files in {', '.join(map(str, data_paths))}")
    frames = [f for f in frames if not f.empty] or frames[:1]
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]


def read_claims_file(path: str | os.PathLike[str]) -> list[str]:
    """Read a claims file: one statement per line; blank lines and ``#`` lines are skipped.

    A statement may be a single claim or a short paragraph, as long as it is on one line.

    Raises
    ------
    TradecheckError
        If the file is missing, not UTF-8, or holds no statement.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "c.txt"
    >>> _ = p.write_text("# comment\\nTrade grew 2.2-fold.\\n\\n", encoding="utf-8")
    >>> read_claims_file(p)
    ['Trade grew 2.2-fold.']
    """
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise TradecheckError(f"claims file not found: {p}") from None
    except UnicodeDecodeError as exc:
        raise TradecheckError(f"claims file {p} is not UTF-8 text (byte {exc.start})") from None
    out = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    if not out:
        raise TradecheckError(f"claims file {p} holds no statement (one per line expected)")
    return out


def show(fig: Any, *, dpi: int = CHART_DPI) -> None:
    """Display a matplotlib Figure as a PNG at ``dpi`` and close it.

    Rendering explicitly (instead of relying on the inline backend) fixes the resolution and
    keeps the PNG bytes free of run-specific metadata, so the PDF is reproducible.
    """
    import matplotlib.pyplot as plt
    from IPython.display import Image, display

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)
    display(Image(data=buf.getvalue(), format="png"))


def table(frame: pd.DataFrame, *, index: bool = False, digits: int = 3) -> None:
    """Display a DataFrame as a plain table (no index by default, NaN as "–").

    The HTML becomes a real table in the PDF (see ``cells.lua``); the plain text is what a
    terminal shows.
    """
    from IPython.display import display

    if frame.shape[0] == 0 or frame.shape[1] == 0:
        note("*(no rows)*")
        return

    def number(v: float) -> str:
        return fmt.number(v, digits=digits)

    html = frame.to_html(index=index, na_rep="–", float_format=number, border=0, escape=True)
    text = frame.to_string(index=index, na_rep="–", float_format=number)
    display({"text/html": html, "text/plain": text}, raw=True)


def note(text: str) -> None:
    """Display ``text`` as Markdown (kept in the PDF as narrative)."""
    from IPython.display import Markdown, display

    display(Markdown(text))


def attempt(label: str, fn: Any, *args: Any, **kwargs: Any) -> Any:
    """Call ``fn(*args, **kwargs)``; on a :class:`TradecheckError` (e.g. too little data for
    this pair) say so in the output and return None, so one empty view does not stop the
    report. Other exceptions (bugs) propagate and fail the build.
    """
    try:
        return fn(*args, **kwargs)
    except TradecheckError as exc:
        note(f"**{esc(label)}:** not shown — {esc(exc)}")
        return None


def missing(what: str, why: str = "") -> None:
    """Say in the output that ``what`` is not available yet, instead of faking a result."""
    msg = f"**Not yet available:** {esc(what)}"
    note(msg + (f" — {esc(why)}." if why else ".") + " This section shows only what exists.")


def has(module: str, *names: str) -> bool:
    """Return True when ``module`` imports and has every attribute in ``names``."""
    import importlib

    try:
        mod = importlib.import_module(module)
    except ImportError:
        return False
    return all(callable(getattr(mod, n, None)) or hasattr(mod, n) for n in names)


def figure(value: float | None, quantity: str, currency: str | None = None) -> str:
    """A claimed or measured figure the way the claim speaks of it.

    Formatted by :func:`tradecheck.fmt.quantity`.

    Examples
    --------
    >>> figure(5.083e9, "level", "USD"), figure(33.68, "pct_change"), figure(2.2, "ratio")
    ('$5.08B', '+33.7 %', '×2.20')
    """
    return fmt.quantity(value, quantity, currency)


def esc(text: object) -> str:
    """User text (a claim, a file name) for :func:`note`: prints literally, never as markup."""
    return text_md(text)


def pair_names(pair: Sequence[str]) -> tuple[str, str]:
    """The pair's country names for prose (``("Belarus", "China")``), from the country table."""
    from tradecheck.charts.style import reporter_name

    return reporter_name(pair[0]), reporter_name(pair[1])


def restrict_to(df: pd.DataFrame, data_as_of: str | None) -> pd.DataFrame:
    """The rows published or released by ``data_as_of`` (``YYYY-MM-DD``; None = all rows).

    A row's ``vintage`` is its publication or release date; rows without one are kept (their
    date is unknown, not later).
    """
    if not data_as_of:
        return df
    vint = df["vintage"].astype("string").fillna("").str[:10]
    return df[(vint == "") | (vint <= data_as_of)]


def latest_vintage(df: pd.DataFrame, pair: Sequence[str]) -> str | None:
    """The latest publication or release date among the pair's rows (None when none has one)."""
    rows = df[df["exporter"].isin(pair) & df["importer"].isin(pair)]
    vint = rows["vintage"].astype("string").dropna().str[:10]
    vint = vint[vint != ""]
    return None if vint.empty else str(vint.max())


def write_results(
    path: str | os.PathLike[str] | None, statements: Iterable[dict[str, Any]]
) -> None:
    """Write the claims notebook's results as JSON for the provenance appendix.

    Parameters
    ----------
    path : path or None
        Where; nothing is written when None (interactive use).
    statements : iterable of dict
        ``{"index": int, "text": str, "results": [CheckResult.to_json()], "error": str|None}``.
    """
    if path is None:
        return
    payload = {"statements": list(statements)}
    Path(path).write_text(
        json.dumps(payload, ensure_ascii=False, indent=1, default=str), encoding="utf-8"
    )
