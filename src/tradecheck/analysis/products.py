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
    rows = pair_rows(df, (a, b), sources=sources, scope=None, currency=currency, commodity=None)
    rows = rows[rows["direction"] != "total"]
    if reporter is not None:
        rows = rows[rows["reporter"] == reporter]
    if direction is not None:
        rows = rows[rows["direction"] == direction]
    if year is not None:
        rows = rows[rows["year"] == int(year)]
    out: list[dict[str, object]] = []
    keys = ["reporter", "source", "direction", "period_start", "period_end"]
    pub = rows["source"] == "published"
    # coded statistics
    stats = rows[~pub & (rows["scope"] == "goods")]
    for key, g in stats.groupby(keys, sort=True):
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
    # published product figures
    prod = rows[pub & rows["scope"].astype(str).str.startswith("product:")]
    goods = rows[pub & (rows["scope"] == "goods")]
    for r in prod.itertuples():
        key = (r.reporter, r.source, r.direction, r.period_start, r.period_end)
        cand = goods[
            (goods["reporter"] == r.reporter)
            & (goods["direction"] == r.direction)
            & (goods["period_start"] == r.period_start)
            & (goods["period_end"] == r.period_end)
        ]
        if cand.empty:
            out.append(
                _rec(
                    key,
                    r,
                    np.nan,
                    "no published all-goods figure for the same side, direction and months",
                    "",
                    "",
                    "",
                    commodity=str(r.scope),
                )
            )
            continue
        t, n, _ = pick(cand)
        out.append(
            _rec(
                key,
                r,
                float(t["value"]),
                f"published goods figure ({n} candidate(s))",
                str(t["bound"]),
                str(t["source_file"]),
                str(t["source_ref"]),
                commodity=str(r.scope),
            )
        )
    res = pd.DataFrame(out, columns=list(SHARE_COLUMNS))
    if res.empty or res["share_pct"].isna().all():
        raise InsufficientDataError(
            f"product_shares: no commodity detail with a matching total for {a}-{b}"
            + (
                f" (filters: reporter={reporter}, direction={direction}, year={year})"
                if any(v is not None for v in (reporter, direction, year))
                else ""
            )
            + (f"; {len(res)} product figure(s) lack a total" if len(res) else "")
        )
    return res.sort_values(
        ["source", "reporter", "direction", "period_end", "commodity"], kind="stable"
    ).reset_index(drop=True)


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
