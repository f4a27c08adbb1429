"""Mirror statistics: for each direction of goods, the exporter's reported exports (usually
FOB) beside the importer's reported imports (usually CIF) of the same goods.

The gap mixes freight and insurance (CIF > FOB), timing, partner attribution (goods routed
through third countries) and errors; the ratio importer/exporter is the usual first look.
Plain pandas (an outer join per direction).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from tradecheck.analysis._common import (
    A_TO_B,
    B_TO_A,
    InsufficientDataError,
    check_frame,
    check_pair,
)
from tradecheck.analysis.levels import annual_levels
from tradecheck.analysis.monthly import monthly_levels
from tradecheck.countries import DEFAULT_PAIR
from tradecheck.errors import TradecheckError

MIRROR_COLUMNS: tuple[str, ...] = (
    "year",
    "direction",
    "exporter_reports",
    "importer_reports",
    "gap",
    "gap_pct",
    "cif_fob_ratio",
    "exporter",
    "importer",
    "source",
    "exporter_valuation",
    "importer_valuation",
    "exporter_file",
    "exporter_ref",
    "importer_file",
    "importer_ref",
)


def mirror_gap(
    df: pd.DataFrame,
    pair: Sequence[str] = DEFAULT_PAIR,
    freq: str = "A",
    sources: Iterable[str] | None = None,
    *,
    scope: str = "goods",
    currency: str = "USD",
) -> pd.DataFrame:
    """Both reporters side by side for each direction of goods between the pair.

    Parameters
    ----------
    df
        Canonical table.
    pair
        ``(A, B)``; the directions are ``"A->B"`` and ``"B->A"``.
    freq
        ``"A"`` (annual, column ``year``) or ``"M"`` (monthly, columns ``period`` and
        ``year``).
    sources
        Sources to compare within (each source separately). Default: every source except
        ``published`` (official statements are compared with the statistics by the claim
        checker, not here).
    scope, currency
        Which rows count.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`MIRROR_COLUMNS` (``period`` added for monthly): per source, direction
        and year, ``exporter_reports`` (the exporter's exports), ``importer_reports`` (the
        importer's imports), ``gap`` = importer_reports - exporter_reports, ``gap_pct`` =
        100 * gap / exporter_reports, ``cif_fob_ratio`` = importer_reports /
        exporter_reports, the valuations and provenance of both sides. Years where one side
        is missing are kept with NaN.

    Raises
    ------
    InsufficientDataError
        When no year (month) has both sides in any source.

    Examples
    --------
    >>> from tradecheck.schema import make_frame
    >>> base = dict(period_start="2020-01", period_end="2020-12", source="imf_dots",
    ...             source_file="f.xlsx", source_ref="r", vintage="2022-03-01")
    >>> df = make_frame([
    ...     dict(base, reporter="BLR", partner="CHN", flow="X", value=100.0, valuation="FOB"),
    ...     dict(base, reporter="CHN", partner="BLR", flow="M", value=110.0, valuation="CIF")])
    >>> r = mirror_gap(df)
    >>> r[["direction", "exporter_reports", "importer_reports", "gap", "cif_fob_ratio"]
    ...   ].round(6).values.tolist()
    [['A->B', 100.0, 110.0, 10.0, 1.1]]
    """
    check_frame(df, "mirror_gap")
    a, b = check_pair(pair)
    freq = str(freq).upper()
    if freq not in ("A", "M"):
        raise TradecheckError(f"mirror_gap: freq must be 'A' or 'M', got {freq!r}")
    if sources is None:
        srcs = sorted(set(df["source"]) - {"published"})
    else:
        srcs = [sources] if isinstance(sources, str) else list(sources)
    time = "year" if freq == "A" else "period"
    lv = _reporter_levels(df, (a, b), srcs, freq, scope, currency)
    out = []
    for (source, direction), g in lv.groupby(["source", "direction"], sort=True):
        exporter, importer = (a, b) if direction == A_TO_B else (b, a)
        ex = g[g["reporter"] == exporter].set_index(time)
        im = g[g["reporter"] == importer].set_index(time)
        for t in sorted(set(ex.index) | set(im.index)):
            e = ex.loc[t] if t in ex.index else None
            i = im.loc[t] if t in im.index else None
            rec = _mirror_record(e, i, year=int(t) if freq == "A" else int(str(t)[:4]))
            rec.update(direction=direction, exporter=exporter, importer=importer, source=source)
            if freq == "M":
                rec["period"] = str(t)
            out.append(rec)
    cols = list(MIRROR_COLUMNS) if freq == "A" else ["period", *MIRROR_COLUMNS]
    res = pd.DataFrame(out, columns=cols)
    if res.empty or res["gap"].isna().all():
        raise InsufficientDataError(_no_pair_message(lv, srcs, freq))
    return res.sort_values(["source", "direction", time], kind="stable").reset_index(drop=True)


def _reporter_levels(
    df: pd.DataFrame,
    pair: tuple[str, str],
    srcs: list[str],
    freq: str,
    scope: str,
    currency: str,
) -> pd.DataFrame:
    """Directional levels of the pair reported by either member, with a ``valuation`` column.

    Parameters
    ----------
    df
        Canonical table.
    pair
        ``(A, B)``, already checked.
    srcs
        Sources to keep.
    freq
        ``"A"`` (:func:`annual_levels`) or ``"M"`` (:func:`monthly_levels`).
    scope, currency
        Which rows count.

    Returns
    -------
    pandas.DataFrame
        Rows of direction ``A->B`` or ``B->A`` reported by ``A`` or ``B``.

    Raises
    ------
    InsufficientDataError
        From the level function, prefixed with ``mirror_gap:``.
    """
    a, b = pair
    try:
        lv = (annual_levels if freq == "A" else monthly_levels)(
            df, (a, b), srcs, scope=scope, currency=currency
        )
    except InsufficientDataError as exc:
        raise InsufficientDataError(f"mirror_gap: {exc}") from exc
    lv = lv[lv["direction"].isin([A_TO_B, B_TO_A]) & lv["reporter"].isin([a, b])]
    if "valuation" not in lv.columns:
        lv = lv.assign(valuation="")
    return lv


def _mirror_record(e: pd.Series | None, i: pd.Series | None, year: int) -> dict[str, object]:
    """Values, gap, ratio and provenance of one period's exporter and importer rows.

    Parameters
    ----------
    e, i
        The exporter's and the importer's level row, or ``None`` when that side is missing.
    year
        Calendar year of the period.

    Returns
    -------
    dict
        The measured columns of :data:`MIRROR_COLUMNS` (NaN where a side is missing); the
        caller adds direction, exporter, importer and source.
    """
    ev = float(e["value"]) if e is not None else np.nan
    iv = float(i["value"]) if i is not None else np.nan
    return {
        "year": year,
        "exporter_reports": ev,
        "importer_reports": iv,
        "gap": iv - ev,
        "gap_pct": 100.0 * (iv - ev) / ev if ev else np.nan,
        "cif_fob_ratio": iv / ev if ev else np.nan,
        "exporter_valuation": str(e["valuation"]) if e is not None else "",
        "importer_valuation": str(i["valuation"]) if i is not None else "",
        "exporter_file": str(e["source_file"]) if e is not None else "",
        "exporter_ref": str(e["source_ref"]) if e is not None else "",
        "importer_file": str(i["source_file"]) if i is not None else "",
        "importer_ref": str(i["source_ref"]) if i is not None else "",
    }


def _no_pair_message(lv: pd.DataFrame, srcs: list[str], freq: str) -> str:
    """The :class:`InsufficientDataError` text when no period has both sides.

    Parameters
    ----------
    lv
        The levels searched (source and reporter of each row are named).
    srcs
        Sources asked for.
    freq
        ``"A"`` or ``"M"``.

    Returns
    -------
    str
    """
    have = (
        ", ".join(
            f"{s}: {r}" for s, r in sorted(set(zip(lv["source"], lv["reporter"], strict=True)))
        )
        or "nothing"
    )
    return (
        f"mirror_gap: no {'year' if freq == 'A' else 'month'} has both the exporter's and "
        f"the importer's figure in the same source (sources {srcs}; found {have})"
    )
