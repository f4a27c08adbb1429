"""Benchmark: claim-check latency on the partitioned store.

The article is built from real figures: 20 whole-year goods figures of
``data/raw/published/published_figures.csv`` (total trade, Belarus -> China, China -> Belarus),
each written into a plain sentence of our own ("In 2019, trade between Belarus and China
amounted to $2.71 billion."). The data are the processed default dataset, written to a
partitioned store (``tradecheck.store.partitioned``) under ``benchmarks/_work/``.

Two paths are timed, warm (one untimed run first), each repeated and the median kept:

* ``check``: :func:`tradecheck.claims.check.check` on the text with ``data`` = the store read
  back with :func:`~tradecheck.store.partitioned.read_partitioned` (parse + every reading +
  robustness) -- used when the checker exists;
* ``store``: :func:`tradecheck.store.query.claim_windows` -- the DuckDB window values behind
  each parsed claim (no verdict), the fallback when the checker is absent.

Usage::

    python benchmarks/bench_claims.py [--claims 20] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import WORK, emit

_NAMES = {"BLR": "Belarus", "CHN": "China"}


def article(n: int) -> tuple[str, int]:
    """``n`` sentences from real whole-year published figures; returns (text, sentences)."""
    import pandas as pd

    from tradecheck import paths

    pub = pd.read_csv(paths.RAW / "published" / "published_figures.csv", dtype=str)
    full_year = (
        (pub["period_start"].str[5:] == "01")
        & (pub["period_end"].str[5:] == "12")
        & (pub["period_start"].str[:4] == pub["period_end"].str[:4])
    )
    pub = pub[full_year & (pub["scope"] == "goods") & (pub["bound"] == "eq")]
    sentences = []
    for r in pub.itertuples():
        year = r.period_start[:4]
        bn = float(r.value_usd) / 1e9
        if r.direction == "both":
            s = f"In {year}, trade between Belarus and China amounted to ${bn:.2f} billion."
        elif r.direction in ("BLR->CHN", "CHN->BLR"):
            a, b = r.direction.split("->")
            s = f"In {year}, exports from {_NAMES[a]} to {_NAMES[b]} reached ${bn:.2f} billion."
        else:
            continue
        sentences.append(s)
        if len(sentences) == n:
            break
    return " ".join(sentences), len(sentences)


def store_root(work: Path) -> Path:
    from tradecheck.store.build import read_processed
    from tradecheck.store.partitioned import write_partitioned

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        df = read_processed()
    return write_partitioned(df, work / "store")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="claim-check latency on the store")
    ap.add_argument("--claims", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--work", type=Path, default=WORK)
    a = ap.parse_args(argv)
    a.work.mkdir(parents=True, exist_ok=True)
    text, n_sent = article(a.claims)
    root = store_root(a.work)
    warnings.simplefilter("ignore")

    from tradecheck.claims.parse import parse
    from tradecheck.store.partitioned import read_partitioned
    from tradecheck.store.query import claim_windows

    result: dict[str, object] = {"sentences": n_sent, "store": str(root)}
    claims = parse(text)
    result["claims_parsed"] = len(claims)

    # store path: DuckDB window values behind each claim
    claim_windows(claims, root)  # warm
    times = []
    for _ in range(a.repeat):
        t0 = time.perf_counter()
        cw = claim_windows(claims, root)
        times.append(time.perf_counter() - t0)
    result["store_seconds"] = statistics.median(times)
    result["store_windows"] = len(cw)
    result["store_windows_covered"] = int(cw["value"].notna().sum())

    try:
        from tradecheck.claims.check import check
    except ImportError:
        result["path"] = "store window_sum (tradecheck.claims.check not available)"
        result["article_seconds"] = result["store_seconds"]
    else:
        data = read_partitioned(root)
        got = check(text, data=data)  # warm
        times = []
        for _ in range(a.repeat):
            t0 = time.perf_counter()
            got = check(text, data=data)
            times.append(time.perf_counter() - t0)
        result["article_seconds"] = statistics.median(times)
        times_nr = []
        for _ in range(a.repeat):
            t0 = time.perf_counter()
            check(text, data=data, robustness=False)
            times_nr.append(time.perf_counter() - t0)
        result["article_seconds_no_robustness"] = statistics.median(times_nr)
        result["path"] = "tradecheck.claims.check (parse + check + robustness) on the store"
        result["claims_checked"] = len(got)
        verdicts: dict[str, int] = {}
        for r in got:
            verdicts[r.verdict] = verdicts.get(r.verdict, 0) + 1
        result["verdicts"] = verdicts
    n = max(int(result.get("claims_checked", len(claims))), 1)
    result["per_claim_ms"] = 1000 * float(result["article_seconds"]) / n  # type: ignore[arg-type]
    emit(result)
    print(json.dumps(result, indent=2), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
