"""Window values inside one (reporter, source, direction) group of labelled pair rows.

A window is an inclusive range of month indices. Its value comes, in this order, from a row
covering exactly that window, or from the sum of the window's months, each month taken from a
monthly row or from the difference of two year-to-date rows (Jan..m minus Jan..m-1). The
period arithmetic of a month is :func:`tradecheck.derive.cover`'s; this module adds the choice
among rows for the same window (:func:`~tradecheck.analysis._common.pick`) and the provenance.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import cast

import pandas as pd

from tradecheck import derive
from tradecheck.analysis._common import join_unique, period_of_index, pick


@dataclass
class Window:
    """A value for a window, with its provenance."""

    value: float
    how: str
    source_file: str
    source_ref: str
    bound: str = "eq"
    estimate: bool = False
    vintage: str = ""
    valuation: str = ""
    flow: str = ""
    n_candidates: int = 1
    disagree: bool = False
    refs: list[tuple[str, str]] = field(default_factory=list)


def _from_row(row: pd.Series, n: int, disagree: bool, how: str) -> Window:
    return Window(
        value=float(row["value"]),
        how=how,
        source_file=str(row["source_file"]),
        source_ref=str(row["source_ref"]),
        bound=str(row["bound"]),
        estimate=bool(row["estimate"]),
        vintage=str(row["vintage"]),
        valuation=str(row["valuation"]),
        flow=str(row["flow"]),
        n_candidates=n,
        disagree=disagree,
        refs=[(str(row["source_file"]), str(row["source_ref"]))],
    )


def combine(parts: list[Window], how: str, *, sign: list[int] | None = None) -> Window:
    """Add (or subtract, with ``sign``) windows, merging their provenance."""
    sign = sign or [1] * len(parts)
    refs = [r for p in parts for r in p.refs]
    bounds = {p.bound for p in parts}
    bound = "eq" if bounds == {"eq"} else ("approx" if bounds <= {"eq", "approx"} else "mixed")
    return Window(
        value=float(sum(s * p.value for s, p in zip(sign, parts, strict=True))),
        how=how,
        source_file=join_unique(f for f, _ in refs),
        source_ref=join_unique(r for _, r in refs),
        bound=bound,
        estimate=any(p.estimate for p in parts),
        vintage=join_unique(p.vintage for p in parts),
        valuation=join_unique(p.valuation for p in parts),
        flow="+".join(dict.fromkeys(p.flow for p in parts)),
        n_candidates=max(p.n_candidates for p in parts),
        disagree=any(p.disagree for p in parts),
        refs=refs,
    )


class Indexed:
    """Labelled rows of one group, indexed by their window ``(m0, m1)`` for fast look-up."""

    def __init__(self, rows: pd.DataFrame) -> None:
        self.rows = rows
        self.by_window: dict[tuple[int, int], pd.DataFrame] = (
            {
                (int(m0), int(m1)): v
                for (m0, m1), v in cast(
                    "Iterable[tuple[tuple[int, int], pd.DataFrame]]",
                    rows.groupby(["m0", "m1"], sort=False),
                )
            }
            if not rows.empty
            else {}
        )
        # the same windows as "YYYY-MM" periods, for tradecheck.derive.cover
        self.periods = {(period_of_index(a), period_of_index(b)): (a, b) for a, b in self.by_window}

    @property
    def empty(self) -> bool:
        return self.rows.empty


def _ix(rows: pd.DataFrame | Indexed) -> Indexed:
    return rows if isinstance(rows, Indexed) else Indexed(rows)


def exact(rows: pd.DataFrame | Indexed, w0: int, w1: int) -> Window | None:
    """The figure of a row covering exactly months ``w0..w1`` (best candidate)."""
    rows = _ix(rows)
    return _best(rows, (int(w0), int(w1))) if (int(w0), int(w1)) in rows.by_window else None


def _best(rows: Indexed, key: tuple[int, int]) -> Window:
    row, n, dis = pick(rows.by_window[key])
    w0, w1 = key
    kind = (
        "annual row"
        if (w1 - w0 == 11 and w0 % 12 == 0)
        else (
            "monthly row"
            if w0 == w1
            else ("year-to-date row" if w0 % 12 == 0 else "row for the window")
        )
    )
    return _from_row(row, n, dis, kind)


def month(rows: pd.DataFrame | Indexed, i: int) -> Window | None:
    """The value of the single month ``i``: a monthly row, or YTD(m) - YTD(m-1)."""
    rows = _ix(rows)
    got = derive.cover(rows.periods, period_of_index(i), period_of_index(i))
    if got is None:
        return None
    parts = [_best(rows, key) for _, key in got[0]]
    if len(parts) == 1:
        return parts[0]
    return combine(
        parts,
        f"YTD {period_of_index(i)} - YTD {period_of_index(i - 1)}",
        sign=[sg for sg, _ in got[0]],
    )


def window(rows: pd.DataFrame | Indexed, w0: int, w1: int) -> Window | None:
    """The value of months ``w0..w1``: an exact row, else the sum of every month's value."""
    rows = _ix(rows)
    w = exact(rows, w0, w1)
    if w is not None:
        return w
    if w0 == w1:
        return month(rows, w0)
    parts = []
    for i in range(w0, w1 + 1):
        m = month(rows, i)
        if m is None:
            return None
        parts.append(m)
    return combine(parts, f"sum of {len(parts)} months")


def monthly_points(rows: pd.DataFrame | Indexed) -> dict[int, Window]:
    """Every month for which ``rows`` give a value (monthly rows or YTD differences)."""
    rows = _ix(rows)
    if rows.empty:
        return {}
    candidates: set[int] = set()
    for m0, m1 in rows.by_window:
        if m0 == m1:
            candidates.add(int(m0))
        elif m0 % 12 == 0:  # year-to-date Jan..m1 gives month m1 with the previous YTD
            candidates.add(int(m1))
    out = {}
    for i in sorted(candidates):
        m = month(rows, i)
        if m is not None:
            out[i] = m
    return out


def index_directions(g: pd.DataFrame) -> dict[str, Indexed]:
    """One :class:`Indexed` per direction of a reporter x source group."""
    return {str(d): Indexed(gd) for d, gd in g.groupby("direction", sort=False)}


def by_direction(
    g: pd.DataFrame | dict[str, Indexed], reporter: str, w0: int, w1: int
) -> dict[str, Window]:
    """Values of months ``w0..w1`` per direction for one reporter x source group.

    ``"total"`` is a ``T`` figure, or the sum of the reporter's exports and imports when both
    exist (and never for the unknown side ``XXX``); an exact ``X+M`` replaces a ``T`` figure
    that is only approximate or a bound.
    """
    from tradecheck.analysis._common import A_TO_B, B_TO_A, TOTAL
    from tradecheck.schema import UNKNOWN_SIDE

    ixd = g if isinstance(g, dict) else index_directions(g)
    got: dict[str, Window] = {}
    for direction in (A_TO_B, B_TO_A, TOTAL):
        gd = ixd.get(direction)
        w = window(gd, w0, w1) if gd is not None and not gd.empty else None
        if w is not None:
            got[direction] = w
    if A_TO_B in got and B_TO_A in got and reporter != UNKNOWN_SIDE:
        xm = combine([got[A_TO_B], got[B_TO_A]], "X+M")
        xm.flow = "X+M"
        t = got.get(TOTAL)
        if t is None or (t.bound != "eq" and xm.bound == "eq"):
            got[TOTAL] = xm
    return got
