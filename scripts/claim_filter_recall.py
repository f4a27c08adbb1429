"""The recall side of the learned claim filter, counts only: what the scorer would gain and lose
if it revived amounts the reader drops (no behaviour change).

An amount whose :func:`~tradecheck.claims.parse.build_claim` stops at the relevance step
(``miss_stages.step_of``: "relevance") or at the "pair later" step can still be made into a
claim by skipping that one step; amounts stopped at the flow or quantity step cannot (a
direction or quantity would have to be invented) and are only counted. Each revived claim is
scored by eval's own matching, added alone to the record's parsed claims: a *gain* when recall
rises, a *repeat* when it is right but finds nothing new, *spurious* otherwise.

Leave one set out: a scorer fitted on the other sets' parsed claims (``train_claim_filter``,
the same lambda rule) scores the held-out set's revived claims; per cut, the gains and spurious
claims a revival at ``p >= cut`` would bring are printed per set and summed. Only studied
records are read; no record text is printed.

Usage: ``python scripts/claim_filter_recall.py FOLDER... [--table CACHE.pkl]``.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any
from unittest import mock

import numpy as np
from claim_filter_data import check_folders, set_name, studied_records
from claim_filter_features import features
from miss_stages import _safe_step
from train_claim_filter import fit, inner, load_table, predict

from tradecheck import eval as E
from tradecheck.claims import parse as P
from tradecheck.claims.context import Context, contexts
from tradecheck.claims.model import Claim

#: the steps a revival skips, and the reader's function it replaces for that one amount
_SKIPPED = {"relevance": "is_trade_value", "pair later": "before_the_pair"}
#: the revival answers of the replaced functions
_ANSWER = {"is_trade_value": True, "before_the_pair": False}
#: the cuts at which revivals are counted
CUTS = (0.5, 0.7, 0.8, 0.9)


def revived(ctx: Context, step: str) -> Claim | None:
    """The claim ``ctx``'s amount makes when the step that stopped it is skipped."""
    name = _SKIPPED[step]
    with mock.patch.object(P, name, lambda *_a: _ANSWER[name]):
        try:
            return P.build_claim(ctx)
        except (ValueError, ArithmeticError, IndexError):
            return None


def outcome(d: dict[str, Any], claim: Claim) -> str:
    """``gain``, ``repeat`` or ``spurious``: ``claim`` added alone to the record's parse."""
    got = E.parsed(d)
    before = sum(ln["exact"] for ln in E._article_record(d, got)[0])
    lines, correct = E._article_record(d, [*got, claim.to_json()])
    if sum(ln["exact"] for ln in lines) > before:
        return "gain"
    return "repeat" if correct[-1] else "spurious"


def candidates(folder: Path) -> tuple[list[list[float]], list[str], Counter[str]]:
    """Features and outcomes of the revivable amounts of a folder's studied records, and the
    count of dropped amounts per step."""
    xs, outs, steps = [], [], Counter()
    for d in studied_records(folder):
        for ctx in contexts(E.record_doc(d)):
            step = _safe_step(ctx)
            if step == "built":
                continue
            steps[step] += 1
            claim = revived(ctx, step) if step in _SKIPPED else None
            if claim is not None:
                xs.append(features(claim, ctx))
                outs.append(outcome(d, claim))
    return xs, outs, steps


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="+")
    ap.add_argument("--table", help="cache of the training table (train_claim_filter.py)")
    args = ap.parse_args(argv)
    folders = check_folders(args.folders)
    table = load_table(folders, args.table)
    x, y = np.asarray(table.x, dtype=float), np.asarray(table.y, dtype=float)
    sets = np.asarray(table.set_of_row)
    total = {c: Counter() for c in CUTS}
    for folder in folders:
        s = set_name(folder)
        xs, outs, steps = candidates(folder)
        lam, _t = inner(x[sets != s], y[sets != s], sets[sets != s])
        w = fit(x[sets != s], y[sets != s], lam)
        p = predict(w, np.asarray(xs, dtype=float)) if xs else np.zeros(0)
        print(
            f"set {s}: dropped amounts by step {dict(sorted(steps.items()))}; revivable "
            f"{len(outs)} ({dict(sorted(Counter(outs).items()))})"
        )
        for c in CUTS:
            got = Counter(o for o, q in zip(outs, p, strict=True) if q >= c)
            total[c].update(got)
            print(
                f"  revive at p >= {c}: gain {got['gain']}, repeat {got['repeat']}, "
                f"spurious {got['spurious']}"
            )
    for c in CUTS:
        t = total[c]
        print(
            f"summed, revive at p >= {c}: gain {t['gain']}, repeat {t['repeat']}, "
            f"spurious {t['spurious']}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
