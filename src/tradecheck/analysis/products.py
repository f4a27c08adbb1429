"""Shares of products in a flow, where the data carry commodity detail.

Two kinds of detail exist in the canonical table: statistics with commodity codes (HS
chapters, headings, ...) beside their ``TOTAL`` row, and published figures for one product
(``scope = "product:<name>"``) beside a published all-goods figure for the same side,
direction and months. Plain pandas.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from tradecheck.analysis._common import (
    InsufficientDataError,
    check_frame,
    check_pair,
    pair_rows,
    pick,
)
from tradecheck.countries import DEFAULT_PAIR

SHARE_COLUMNS: tuple[str, ...] = (
    "reporter",
    "source",
    "direction",
    "period_start",
    "period_end",
    "year",
    "commodity",
    "value",
    "total",
    "share_pct",
    "total_how",
    "bound",
    "total_bound",
    "source_file",
    "source_ref",
    "total_source_file",
    "total_source_ref",
)


_KEYS = ["reporter", "source", "direction", "period_start", "period_end"]


def product_shares(
    df: pd.DataFrame,
    pair: Sequence[str] = DEFAULT_PAIR,
    *,
    reporter: str | None = None,
    direction: str | None = None,
    sources: Iterable[str] | None = None,
    year: int | None = None,
    digits: int | None = None,
    currency: str = "USD",
) -> pd.DataFrame:
    """Share of each product in the flow it belongs to, in percent.

    Parameters
    ----------
    df
        Canonical table.
    pair
        ``(A, B)``; directions ``"A->B"`` / ``"B->A"``.
    reporter, direction, sources, year
        Optional filters.
    digits
        For coded statistics, keep only codes of this length (2 = HS chapters). Default: all.
    currency
        Currency of the figures.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`SHARE_COLUMNS`. For coded statistics the total is the ``TOTAL`` row of
        the same reporter, source, direction and months, else the sum of the codes of the same
        length (``total_how`` says which). For published product figures the total is the
        published all-goods figure of the same side, direction and months (best bound first).
        Products without a total keep ``share_pct`` NaN and say so in ``total_how``.

    Raises
    ------
    InsufficientDataError
        When the data have no commodity detail for the pair (no share can be formed).

    Examples
    --------
    >>> from tradecheck.schema import make_frame
    >>> base = dict(reporter="BLR", partner="CHN", flow="X", period_start="2020-01",
    ...             period_end="2020-12", source="comtrade", source_file="f", vintage="v",
    ...             classification="H5")
    >>> df = make_frame([dict(base, commodity="TOTAL", value=200.0, source_ref="1"),
    ...                  dict(base, commodity="31", value=50.0, source_ref="2")])
    >>> product_shares(df)[["commodity", "share_pct"]].values.tolist()
    [['31', 25.0]]
    """
    check_frame(df, "product_shares")
    a, b = check_pair(pair)
    rows = _filtered_rows(df, (a, b), reporter, direction, sources, year, currency)
    pub = rows["source"] == "published"
    out = _coded_shares(rows[~pub & (rows["scope"] == "goods")], digits)
    out += _published_shares(
        rows[pub & rows["scope"].astype(str).str.startswith("product:")],
        rows[pub & (rows["scope"] == "goods")],
    )
    res = pd.DataFrame(out, columns=list(SHARE_COLUMNS))
    if res.empty or res["share_pct"].isna().all():
        raise InsufficientDataError(_no_share_message((a, b), reporter, direction, year, len(res)))
    return res.sort_values(
        ["source", "reporter", "direction", "period_end", "commodity"], kind="stable"
    ).reset_index(drop=True)


def _filtered_rows(
    df: pd.DataFrame,
    pair: tuple[str, str],
    reporter: str | None,
    direction: str | None,
    sources: Iterable[str] | None,
    year: int | None,
    currency: str,
) -> pd.DataFrame:
    """Directional rows of the pair with commodity detail, after the optional filters.

    Parameters
    ----------
    df
        Canonical table.
    pair
        ``(A, B)``, already checked.
    reporter, direction, sources, year, currency
        The filters of :func:`product_shares`.

    Returns
    -------
    pandas.DataFrame
        Rows of :func:`~tradecheck.analysis._common.pair_rows` (any scope and commodity)
        without ``total`` direction rows.
    """
    rows = pair_rows(df, pair, sources=sources, scope=None, currency=currency, commodity=None)
    rows = rows[rows["direction"] != "total"]
    if reporter is not None:
        rows = rows[rows["reporter"] == reporter]
    if direction is not None:
        rows = rows[rows["direction"] == direction]
    if year is not None:
        rows = rows[rows["year"] == int(year)]
    return rows


def _coded_shares(stats: pd.DataFrame, digits: int | None) -> list[dict[str, object]]:
    """Share records of coded statistics against their ``TOTAL`` row or the sum of codes.

    Parameters
    ----------
    stats
        Statistics rows (not published figures) of scope ``goods``.
    digits
        Keep only codes of this length; ``None`` keeps all.

    Returns
    -------
    list of dict
        One record per code, grouped by reporter, source, direction and months.
    """
    out: list[dict[str, object]] = []
    for key, g in stats.groupby(_KEYS, sort=True):
        tot = g[g["commodity"] == "TOTAL"]
        detail = g[g["commodity"] != "TOTAL"]
        if digits is not None:
            detail = detail[detail["commodity"].str.len() == int(digits)]
        if detail.empty:
            continue
        trow = pick(tot)[0] if not tot.empty else None
        for length, dg in detail.groupby(detail["commodity"].str.len(), sort=True):
            if trow is not None:
                total, how = float(trow["value"]), "TOTAL row"
                tb, tf, tr = str(trow["bound"]), str(trow["source_file"]), str(trow["source_ref"])
            else:
                total, how = float(dg["value"].sum()), f"sum of {len(dg)} {length}-digit codes"
                tb, tf, tr = "eq", "", ""
            for r in dg.itertuples():
                out.append(_rec(key, r, total, how, tb, tf, tr))
    return out


def _published_shares(prod: pd.DataFrame, goods: pd.DataFrame) -> list[dict[str, object]]:
    """Share records of published product figures against a published all-goods figure.

    Parameters
    ----------
    prod
        Published rows of scope ``product:<name>``.
    goods
        Published rows of scope ``goods`` (the candidate totals).

    Returns
    -------
    list of dict
        One record per product figure; NaN share when no total of the same side, direction
        and months exists.
    """
    out: list[dict[str, object]] = []
    for r in prod.itertuples():
        key = (r.reporter, r.source, r.direction, r.period_start, r.period_end)
        cand = goods[
            (goods["reporter"] == r.reporter)
            & (goods["direction"] == r.direction)
            & (goods["period_start"] == r.period_start)
            & (goods["period_end"] == r.period_end)
        ]
        if cand.empty:
            how = "no published all-goods figure for the same side, direction and months"
            out.append(_rec(key, r, np.nan, how, "", "", "", commodity=str(r.scope)))
            continue
        t, n, _ = pick(cand)
        how = f"published goods figure ({n} candidate(s))"
        tb, tf, tr = str(t["bound"]), str(t["source_file"]), str(t["source_ref"])
        out.append(_rec(key, r, float(t["value"]), how, tb, tf, tr, commodity=str(r.scope)))
    return out


def _no_share_message(
    pair: tuple[str, str],
    reporter: str | None,
    direction: str | None,
    year: int | None,
    n_lacking: int,
) -> str:
    """The :class:`InsufficientDataError` text when no share could be formed.

    Parameters
    ----------
    pair
        ``(A, B)``.
    reporter, direction, year
        The filters given (named in the message when any is set).
    n_lacking
        Number of product figures found without a total.

    Returns
    -------
    str
    """
    a, b = pair
    msg = f"product_shares: no commodity detail with a matching total for {a}-{b}"
    if any(v is not None for v in (reporter, direction, year)):
        msg += f" (filters: reporter={reporter}, direction={direction}, year={year})"
    if n_lacking:
        msg += f"; {n_lacking} product figure(s) lack a total"
    return msg


def _rec(
    key: tuple,
    r: Any,  # a row of DataFrame.itertuples()
    total: float,
    how: str,
    tb: str,
    tf: str,
    tr: str,
    commodity: str | None = None,
) -> dict[str, object]:
    rep, src, direction, p0, p1 = key
    value = float(r.value)
    return {
        "reporter": rep,
        "source": src,
        "direction": direction,
        "period_start": p0,
        "period_end": p1,
        "year": int(str(p1)[:4]),
        "commodity": commodity if commodity is not None else str(r.commodity),
        "value": value,
        "total": total,
        "share_pct": 100.0 * value / total if total and not np.isnan(total) else np.nan,
        "total_how": how,
        "bound": str(r.bound),
        "total_bound": tb,
        "source_file": str(r.source_file),
        "source_ref": str(r.source_ref),
        "total_source_file": tf,
        "total_source_ref": tr,
    }
