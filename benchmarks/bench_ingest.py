"""Benchmark: ingest of a bulk gzip TSV filtered to one country pair.

Contenders, each in its own subprocess (so each has its own peak-memory high-water mark):

* ``tradecheck`` -- :func:`tradecheck.scale.bulk.ingest` (filters while reading, applies the
  Comtrade double-count rules, returns validated canonical rows);
* ``duckdb`` -- DuckDB ``read_csv`` over the same file with the filter in ``WHERE``
  (raw bulk rows of the pair, no normalisation);
* ``pandas`` -- plain ``pandas.read_csv`` of the whole file, then the same filter.

The input is a synthetic file in the real 34-column bulk layout, generated once by
``gen_bulk.py`` into ``benchmarks/_work/``. Throughput = input rows / wall seconds.

Usage::

    python benchmarks/bench_ingest.py --rows 10000000          # all contenders, prints JSON
    python benchmarks/bench_ingest.py --contender duckdb --file F --pair BLR,CHN
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import WORK, emit, run_child

PAIR_CODES = {"BLR": 112, "CHN": 156}
CONTENDERS = ("tradecheck", "duckdb", "pandas")


def contender(name: str, path: str, pair: list[str]) -> None:
    import warnings

    import duckdb
    import pandas as pd

    from tradecheck.scale.bulk import ingest

    codes = [PAIR_CODES[c] for c in pair]
    extra: dict[str, object] = {}
    t0 = time.perf_counter()  # imports above are not timed
    if name == "tradecheck":
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # LoadWarning about dropped breakdown rows
            df = ingest(path, reporters=pair, partners=pair, progress=False)
        rows_out = len(df)
    elif name == "duckdb":
        con = duckdb.connect()
        codes_sql = ", ".join(str(c) for c in codes)
        df = con.execute(
            f"SELECT * FROM read_csv(?, delim = '\t', header = true, "
            f"types = {{'cmdCode': 'VARCHAR'}}) "
            f"WHERE reporterCode IN ({codes_sql}) AND partnerCode IN ({codes_sql})",
            [path],
        ).df()
        rows_out = len(df)
        # the same double-count rules as tradecheck, to cross-check the row counts
        keep = (
            (df["partner2Code"].fillna(0) == 0)
            & (df["motCode"].fillna(0) == 0)
            & (df["customsCode"].fillna("C00") == "C00")
            & df["flowCode"].isin(["X", "M", "RX", "RM"])
        )
        extra["rows_after_rules"] = int(keep.sum())
    elif name == "pandas":
        d = pd.read_csv(path, sep="\t", dtype={"cmdCode": str})
        df = d[d["reporterCode"].isin(codes) & d["partnerCode"].isin(codes)]
        rows_out = len(df)
    else:
        raise SystemExit(f"unknown contender {name}")
    seconds = time.perf_counter() - t0
    emit({"contender": name, "seconds": round(seconds, 3), "rows_out": rows_out, **extra})


def run(
    rows: int,
    *,
    pair: list[str],
    contenders: tuple[str, ...] = CONTENDERS,
    work: Path = WORK,
    repeat: int = 2,
) -> dict[str, object]:
    """Generate (once) and time every contender ``repeat`` times (fresh subprocess each,
    contenders interleaved); keep each contender's fastest run, as the one least disturbed
    by other load on the machine. Returns the results keyed by name."""
    from gen_bulk import generate

    t0 = time.perf_counter()
    path = generate(rows, work=work)
    gen_s = time.perf_counter() - t0
    out: dict[str, object] = {
        "rows": rows,
        "file": str(path),
        "file_mb": round(path.stat().st_size / 1e6, 1),
        "generate_seconds": round(gen_s, 2),
    }
    runs: dict[str, list[dict[str, object]]] = {name: [] for name in contenders}
    for _ in range(max(repeat, 1)):
        for name in contenders:
            runs[name].append(
                run_child(
                    "bench_ingest.py",
                    "--contender",
                    name,
                    "--file",
                    str(path),
                    "--pair",
                    ",".join(pair),
                )
            )
    for name, rs in runs.items():
        best = dict(min(rs, key=lambda r: float(r["seconds"])))  # type: ignore[arg-type]
        secs = float(best["seconds"])  # type: ignore[arg-type]
        best["rows_per_s"] = rows / secs if secs > 0 else float("inf")
        best["all_seconds"] = [r["seconds"] for r in rs]
        best["max_peak_rss_mb"] = max(float(r["peak_rss_mb"]) for r in rs)  # type: ignore[arg-type]
        out[name] = best
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="bulk ingest benchmark")
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--pair", default="BLR,CHN")
    ap.add_argument("--contender", choices=CONTENDERS)
    ap.add_argument("--file")
    ap.add_argument("--work", type=Path, default=WORK)
    ap.add_argument("--repeat", type=int, default=2)
    a = ap.parse_args(argv)
    pair = a.pair.split(",")
    if a.contender:
        contender(a.contender, a.file, pair)
        return 0
    print(json.dumps(run(a.rows, pair=pair, work=a.work, repeat=a.repeat), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
