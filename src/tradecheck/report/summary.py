"""The report's first page: every claim in one line, answer first.

Built from the claims notebook's results (``CheckResult.to_json()`` per claim, written by
:func:`tradecheck.report.notebook.write_results`) and saved as JSON that the typst template
reads as data, so no claim text is ever read as markup.

One row per claim: the verdict in words (:func:`tradecheck.charts.verdict_word`), the claim as
it was read (what, period, base, direction, scope, whose figures), the claimed figure and each
side's figure (a statistical source first, else a published figure; ✓ holds, ✗ does not).

Examples
--------
>>> period_text({"start": "2025-01", "end": "2025-09"})
'Jan–Sep 2025'
>>> period_text({"start": "2022-01", "end": "2022-12"})
'2022'
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tradecheck import fmt
from tradecheck.charts.style import SOURCE_SHORT, reporter_name
from tradecheck.charts.verdict import VERDICT_COLORS, verdict_word

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
QUANTITY_WORDS = {
    "level": "value",
    "pct_change": "change",
    "ratio": "multiple",
    "share": "share",
    "abs_change": "change in value",
    "balance": "balance",
}
BOUND_WORDS = {"eq": "", "approx": "about ", "gt": "more than ", "lt": "less than "}
#: what a statement without any readable claim shows in the verdict column
NO_CLAIM = "NO CLAIM READ"


def period_text(period: dict[str, str] | None) -> str:
    """``{"start": "2025-01", "end": "2025-09"}`` → ``Jan–Sep 2025`` (a full year → ``2022``)."""
    if not period:
        return "period not stated"
    (y0, m0), (y1, m1) = ((int(p[:4]), int(p[5:7])) for p in (period["start"], period["end"]))
    if (m0, m1) == (1, 12):
        return str(y0) if y0 == y1 else f"{y0}–{y1}"
    if y0 == y1:
        return f"{MONTHS[m0 - 1]} {y0}" if m0 == m1 else f"{MONTHS[m0 - 1]}–{MONTHS[m1 - 1]} {y0}"
    return f"{MONTHS[m0 - 1]} {y0}–{MONTHS[m1 - 1]} {y1}"


def _direction_text(direction: str) -> str:
    if "->" in direction:
        ex, im = direction.split("->", 1)
        return f"{reporter_name(ex)} → {reporter_name(im)}"
    return "total trade"


def read_as(claim: dict[str, Any], pair: Sequence[str]) -> str:
    """How the claim was read, in words: what, period, base, direction, scope, whose figures.

    Examples
    --------
    >>> read_as({"quantity": "ratio", "period": {"start": "2025-01", "end": "2025-09"},
    ...   "base_period": {"start": "2024-01", "end": "2024-09"}, "direction": "both",
    ...   "scope": "industrial", "reporter": None}, ("BLR", "CHN"))
    'multiple · Jan–Sep 2025 vs Jan–Sep 2024 · total trade · industrial goods'
    """
    parts = [QUANTITY_WORDS.get(str(claim.get("quantity")), str(claim.get("quantity")))]
    when = period_text(claim.get("period"))
    if claim.get("base_period"):
        when += " vs " + period_text(claim["base_period"])
    parts.append(when)
    if claim.get("quantity") != "balance":  # a balance is of the pair's trade (direction "both")
        parts.append(_direction_text(str(claim.get("direction", "both"))))
    scope = str(claim.get("scope") or "goods")
    parts.append("goods" if scope == "goods" else f"{scope} goods")
    if claim.get("reporter"):
        parts.append(f"by {reporter_name(str(claim['reporter']))}'s figures")
    return " · ".join(parts)


def claimed_text(claim: dict[str, Any]) -> str:
    """The claimed figure with its bound: ``about $2.73B``, ``×2.20``, ``+33.0 %``."""
    return BOUND_WORDS.get(str(claim.get("bound")), "") + claimed_figure(
        claim.get("value"), str(claim.get("quantity")), claim.get("currency")
    )


def claimed_figure(value: float | None, quantity: str, currency: str | None) -> str:
    """A claimed figure with the precision claims are written in (``$2.714B``, ``+58.5 %``).

    Examples
    --------
    >>> claimed_figure(2.714e9, "level", "USD"), claimed_figure(5.08e9, "level", "USD")
    ('$2.714B', '$5.08B')
    """
    if quantity in fmt.MONEY_QUANTITIES:
        text = fmt.money(value, currency, digits=3)
        return "+" + text if quantity == "abs_change" and value and value > 0 else text
    return fmt.quantity(value, quantity, currency)


def _is_context(reading: dict[str, Any]) -> bool:
    return str(reading.get("label", "")).startswith("[context]")


def side_figure(result: dict[str, Any], side: str) -> str:
    """What one side's figures say: statistics first (deciding before context), then
    published figures; ``✓``/``✗`` whether the claim holds; ``no data`` when none."""
    claim = result.get("claim", {})
    found = [r for r in result.get("readings", []) if r.get("reporter") == side]
    found = [r for r in found if r.get("actual") is not None]
    if not found:
        return "no data"
    found.sort(key=lambda r: (r.get("source") == "published", _is_context(r)))
    out = []
    for r in found[:2]:
        value = fmt.quantity(r["actual"], str(claim.get("quantity")), claim.get("currency"))
        mark = {True: " ✓", False: " ✗"}.get(r.get("holds"), "")
        out.append(f"{value} {SOURCE_SHORT.get(str(r.get('source')), r.get('source'))}{mark}")
    return "\n".join(out)


def summary_rows(results: dict[str, Any] | None, pair: Sequence[str]) -> list[dict[str, str]]:
    """One row per claim (a statement without a claim gets one row saying so)."""
    rows: list[dict[str, str]] = []
    for st in (results or {}).get("statements", []):
        found = st.get("results", [])
        if not found:
            why = st.get("error") or "no checkable trade claim in this statement"
            rows.append(
                {
                    "n": str(st.get("index")),
                    "claim": " ".join(str(st.get("text", "")).split()),
                    "verdict": NO_CLAIM,
                    "color": VERDICT_COLORS["not_verifiable"],
                    "read_as": why,
                    "claimed": "",
                    "a": "",
                    "b": "",
                }
            )
        for k, res in enumerate(found):
            claim = res.get("claim", {})
            n = str(st.get("index")) + ("" if len(found) == 1 else "abcdefghij"[k % 10])
            rows.append(
                {
                    "n": n,
                    "claim": " ".join(str(claim.get("span", "")).split()),
                    "verdict": verdict_word(res),
                    "color": VERDICT_COLORS.get(str(res.get("verdict")), "#333333"),
                    "read_as": read_as(claim, pair),
                    "claimed": claimed_text(claim),
                    "a": side_figure(res, pair[0]),
                    "b": side_figure(res, pair[1]),
                }
            )
    return rows


def write_summary(
    results: dict[str, Any] | None, pair: Sequence[str], path: str | os.PathLike[str]
) -> Path:
    """Write the first page's data (header, rows) as JSON for the typst template."""
    payload = {
        "header": [
            "#",
            "claim",
            "verdict",
            "read as",
            "claimed",
            f"{reporter_name(pair[0])}'s figures",
            f"{reporter_name(pair[1])}'s figures",
        ],
        "rows": summary_rows(results, pair),
        "checked": results is not None,
    }
    p = Path(path)
    p.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
    return p
