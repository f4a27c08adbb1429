"""Why labelled claims are missed: each studied labelled claim that no parsed claim carries
(same quantity class and value, the scoring rule of ``tradecheck.eval``), by the stage where
the reader loses it.

Stages
------
1 not read
    No amount of the text can stand for the labelled value (``not extracted``: a number,
    scale or word form the mentions do not read), or the amount is read without the currency
    it needs (``currency not read``).
2 dropped
    An amount that stands for the value is read, and a step of
    :func:`tradecheck.claims.parse.build_claim` gives no claim (``relevance``, ``flow``,
    ``quantity``, ``balance/share``, ``direction``, ``pair later``), or the claim is built and
    a later filter of :func:`~tradecheck.claims.parse.claims_of` drops it (``after build``).
3 other value
    The amount is read as another quantity, sign, scale or currency (``built <quantity>``).

Counts only: the script prints ids at most, never a record's text (the real-text sets are
measurement, not material to copy), and it skips the blind records
(:func:`tradecheck.eval.is_blind`).

Usage::

    python scripts/miss_stages.py DIR [DIR ...] [--ids]

Each ``DIR`` holds ``articles_*.jsonl`` files in the layout of ``tradecheck.eval``.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tradecheck import eval as ev
from tradecheck.claims import parse as P
from tradecheck.claims.context import Context, Doc, contexts
from tradecheck.claims.mentions import Amount
from tradecheck.claims.resolve.balance import is_balance
from tradecheck.claims.resolve.direction import flow, unanchored
from tradecheck.claims.resolve.partner import before_the_pair
from tradecheck.claims.resolve.period import period
from tradecheck.claims.resolve.quantity import quantity
from tradecheck.claims.resolve.relevance import is_trade_value

#: a labelled value as the scoring compares it: (class, number) with class money | change |
#: share; a change as the implied ratio new/base
Value = tuple[str, float]
_MONEY_KINDS = ("money", "money_gt", "bare")


@dataclass(frozen=True)
class Miss:
    """One studied labelled claim no parse carries: where it was lost."""

    folder: str
    record: str
    lang: str
    stage: str
    step: str


def step_of(found: Context) -> str:
    """The first step of :func:`~tradecheck.claims.parse.build_claim` that gives no claim for
    ``found``'s amount, or ``built``.

    This repeats the order of ``build_claim``'s steps (a trace needs each step's answer,
    which ``build_claim`` does not return); ``tests/test_miss_stages.py`` checks on
    constructed texts that the two agree on which amounts make a claim.
    """
    ctx = P._claim_amount(found)
    if ctx is None:
        return "currency not read"
    if not is_trade_value(ctx):
        return "relevance"
    fl = flow(ctx, ctx.amount.kind in ("money", "money_gt") and is_balance(ctx))
    if fl is None:
        return "flow"
    q = quantity(ctx)
    if q is None:
        return "quantity"
    what = P._what(ctx, q, fl)
    if what is None:
        return "balance/share"
    fl = unanchored(ctx, fl, period(ctx) is not None)
    direction = what[2] if fl.direction is not None else None
    if direction is None and not fl.unsure:
        return "direction"
    if direction is None and before_the_pair(ctx):
        return "pair later"
    return "built" if math.isfinite(what[1]) else "direction"


def _safe_step(ctx: Context) -> str:
    """:func:`step_of`, ``error`` where a rule fails on odd text (as ``parse._safe_build``)."""
    try:
        return step_of(ctx)
    except (ValueError, ArithmeticError, IndexError):
        return "error"


def readings(a: Amount) -> list[Value]:
    """What an amount can stand for whatever the words around it say: money (any sign), a
    percent as a change either way, an index or a share, a multiple either way or as
    "increased by N times"."""
    if a.kind in _MONEY_KINDS:
        return [("money", abs(a.value))]
    if a.kind == "percent":
        v = a.value
        return [("change", 1 + v / 100), ("change", 1 - v / 100), ("change", v / 100), ("share", v)]
    if a.kind in ("ratio", "ratio_word") and a.value:
        return [("change", a.value), ("change", 1 / a.value), ("change", a.value + 1)]
    return []


def labelled_value(e: dict[str, Any]) -> Value:
    """The labelled claim's value as :func:`readings` gives it."""
    q, v = ev.quantity_class(e["quantity"]), float(e["value"])
    if q == "change":
        return "change", ev.implied_ratio(e["quantity"], v)
    return ("share", v) if q == "share" else ("money", abs(v))


def same(x: Value, y: Value) -> bool:
    """Equal under the scoring rule: money within 0.5%, the rest within 1e-6."""
    if x[0] != y[0]:
        return False
    tol = 0.005 * abs(y[1]) if x[0] == "money" else 1e-6
    return abs(x[1] - y[1]) <= tol


def _in_spans(a: Amount, spans: list[tuple[int, int]]) -> bool:
    return any(s <= a.start < e or a.start <= s < a.end for s, e in spans)


def stage_of(e: dict[str, Any], text: str, ctxs: list[Context]) -> tuple[str, str]:
    """(stage, step) of a labelled claim ``e`` that no parse carries (see the module doc).

    The amount is looked for in the labelled span first, then anywhere in the text.
    """
    words = [w for w in [e.get("span"), *(e.get("also_spans") or [])] if w and w in text]
    spans = [(text.index(w), text.index(w) + len(w)) for w in words]
    want = labelled_value(e)
    near = [c for c in ctxs if _in_spans(c.amount, spans)]
    hits = [c for c in near if any(same(r, want) for r in readings(c.amount))]
    hits = hits or [c for c in ctxs if any(same(r, want) for r in readings(c.amount))]
    if not hits:
        return (
            ("3 other value", "other number in span") if near else ("1 not read", "not extracted")
        )
    steps = [_safe_step(c) for c in hits]
    if "built" not in steps:
        stage = "1 not read" if steps[0] == "currency not read" else "2 dropped"
        return stage, steps[0]
    claim = P.build_claim(hits[steps.index("built")])
    got = claim.to_json() if claim is not None else {}
    if (
        claim is not None
        and ev._value_matches(e, got)
        and (ev.quantity_class(got["quantity"]) == ev.quantity_class(e["quantity"]))
    ):
        return "2 dropped", "after build"
    return "3 other value", f"built {got.get('quantity')}"


def _doc(d: dict[str, Any]) -> tuple[str, Doc]:
    """The text and the reader's :class:`Doc` of a record, as :func:`parse` builds them."""
    doc = ev.record_doc(d)
    return doc.text, doc


def misses(d: dict[str, Any], folder: str) -> Iterator[Miss]:
    """The studied labelled claims of record ``d`` that no parsed claim carries."""
    got = ev.parsed(d)
    todo = [
        e
        for e in (d.get("expected") or [])
        if e and e.get("value") is not None
        and not any(
            ev.quantity_class(e["quantity"]) == ev.quantity_class(g.get("quantity"))
            and ev._value_matches(e, g)
            for g in got
        )
    ]  # fmt: skip
    if not todo:
        return
    text, doc = _doc(d)
    ctxs = contexts(doc)
    for e in todo:
        stage, step = stage_of(e, text, ctxs)
        yield Miss(folder, str(d["id"]), str(d.get("lang") or "?"), stage, step)


def studied_misses(folders: list[Path]) -> list[Miss]:
    """Every miss of the studied records of the ``articles_*.jsonl`` files in ``folders``."""
    out: list[Miss] = []
    for folder in folders:
        for path in sorted(folder.glob("articles_*.jsonl")):
            for d in ev.read_records(path):
                if not ev.is_blind(str(d["id"])):
                    out.extend(misses(d, folder.name))
    return out


def table(found: list[Miss]) -> list[str]:
    """One line per (stage, step): claims, different records, and claims per folder."""
    groups: dict[tuple[str, str], list[Miss]] = defaultdict(list)
    for m in found:
        groups[(m.stage, m.step)].append(m)
    lines = []
    for (stage, step), ms in sorted(groups.items(), key=lambda kv: (kv[0][0], -len(kv[1]))):
        per = Counter(m.folder for m in ms)
        where = ", ".join(f"{k} {v}" for k, v in sorted(per.items()))
        records = len({(m.folder, m.record) for m in ms})
        lines.append(f"{stage:14} {step:22} {len(ms):4d} claims {records:3d} records  ({where})")
    lines.append(f"{'all':37} {len(found):4d} claims")
    return lines


def main(argv: list[str] | None = None) -> int:
    """Print the table (and with ``--ids`` one ``folder id lang stage step`` line per miss)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="+", type=Path)
    ap.add_argument("--ids", action="store_true", help="one line per miss (ids, no text)")
    args = ap.parse_args(argv)
    for d in args.dirs:
        if not d.is_dir():
            print(f"{d}: not a folder (expected a folder of articles_*.jsonl)", file=sys.stderr)
            return 2
    try:
        found = studied_misses(args.dirs)
    except ev.EvalFileError as exc:
        print(exc, file=sys.stderr)
        return 2
    if args.ids:
        for m in found:
            print(f"{m.folder} {m.record} {m.lang} | {m.stage} | {m.step}")
    print("\n".join(table(found)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
