"""Benchmark: a bulk gzip TSV converted whole, and filtered to one country pair.

Two cases on the same generated file (synthetic rows in the real 34-column bulk layout,
written once by ``gen_bulk.py`` into ``benchmarks/_work/``), each contender in its own
subprocess (own peak-memory high-water mark, from ``getrusage``):

``full`` -- all partners, all commodity levels, to Parquet:

* ``tradecheck`` -- what ``tradecheck load FILE --out F.parquet`` runs after parsing its
  arguments (:func:`tradecheck.scale.route.run_load`: summary and Parquet): every canonical
  column, provenance included, double-count rules applied. The CLI's own start-up (importing
  every subcommand) is not timed, as DuckDB's and pandas' imports are not;
* ``duckdb`` -- the minimal equivalent job: ``COPY (SELECT <8 columns> FROM read_csv(FILE)
  WHERE <breakdown and flow filter>) TO F.parquet``;
* ``pandas`` -- ``pandas.read_csv`` of the whole file, then the same breakdown filter.

``pair`` -- reporters and partners Belarus and China:

* ``tradecheck`` -- :func:`tradecheck.scale.bulk.ingest` (filters while reading, canonical
  rows as a DataFrame);
* ``duckdb`` -- ``read_csv ... WHERE reporterCode IN (...) AND partnerCode IN (...)`` to a
  DataFrame (raw rows; the double-count rules are applied afterwards only to compare counts);
* ``pandas`` -- ``read_csv`` of the whole file, then the same filter.

CPU time: each contender's user + system seconds over the timed part, every thread
counted (``getrusage``); steadier than wall time when the machine is shared.

Sums: per flow, the row count and the sum of the values in whole cents (integers, so the
order of addition does not matter) of tradecheck's Parquet and DuckDB's, both read by DuckDB.

Usage::

    python benchmarks/bench_ingest.py --rows 10000000          # all contenders, prints JSON
    python benchmarks/bench_ingest.py --case full --contender duckdb --file F
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import WORK, cpu_seconds, emit, run_child

PAIR_CODES = {"BLR": 112, "CHN": 156}
CONTENDERS = ("tradecheck", "duckdb", "pandas")
CASES = ("full", "pair")
#: The breakdown and flow filter of the minimal DuckDB job (the loader's double-count rules).
TOTALS_SQL = (
    "partner2Code = 0 AND motCode = 0 AND customsCode = 'C00' "
    "AND flowCode IN ('X', 'M', 'RX', 'RM')"
)
MINIMAL_COLUMNS = (
    "reporterCode, partnerCode, flowCode, freqCode, period, cmdCode, "
    "classificationCode, primaryValue"
)


def _full(name: str, path: str, out: str) -> dict[str, object]:
    import contextlib
    import io
    import warnings

    import duckdb
    import pandas as pd

    from tradecheck.scale import route

    t0, c0 = time.perf_counter(), cpu_seconds()  # imports above are not timed
    if name == "tradecheck":
        with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
            warnings.simplefilter("ignore")
            route.run_load([path], None, {}, out)
    elif name == "duckdb":
        duckdb.connect().execute(
            f"COPY (SELECT {MINIMAL_COLUMNS} FROM read_csv(?, delim = '\t', header = true, "
            f"types = {{'cmdCode': 'VARCHAR'}}) WHERE {TOTALS_SQL}) TO '{out}' (FORMAT parquet)",
            [path],
        )
    elif name == "pandas":
        d = pd.read_csv(path, sep="\t", dtype={"cmdCode": str})
        d = d[
            (d["partner2Code"] == 0)
            & (d["motCode"] == 0)
            & (d["customsCode"] == "C00")
            & d["flowCode"].isin(["X", "M", "RX", "RM"])
        ]
        return {
            "seconds": time.perf_counter() - t0,
            "cpu_seconds": cpu_seconds() - c0,
            "rows_out": len(d),
        }
    seconds, cpu = time.perf_counter() - t0, cpu_seconds() - c0
    value = "value" if name == "tradecheck" else "primaryValue"
    flow = "flow" if name == "tradecheck" else "flowCode"
    sums = (
        duckdb.connect()
        .execute(
            f"SELECT {flow}, count(*), sum(CAST(round({value} * 100) AS HUGEINT))::VARCHAR "
            f"FROM read_parquet(?) GROUP BY 1 ORDER BY 1",
            [out],
        )
        .fetchall()
    )
    Path(out).unlink()
    return {
        "seconds": seconds,
        "cpu_seconds": cpu,
        "rows_out": sum(int(r[1]) for r in sums),
        "sums_cents": {r[0]: [int(r[1]), r[2]] for r in sums},
    }


def _pair(name: str, path: str, pair: list[str]) -> dict[str, object]:
    import warnings

    import duckdb
    import pandas as pd

    from tradecheck.scale.bulk import ingest

    codes = [PAIR_CODES[c] for c in pair]
    extra: dict[str, object] = {}
    t0, c0 = time.perf_counter(), cpu_seconds()  # imports above are not timed
    if name == "tradecheck":
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # LoadWarning about dropped breakdown rows
            df = ingest(path, reporters=pair, partners=pair, progress=False)
        rows_out = len(df)
    elif name == "duckdb":
        codes_sql = ", ".join(str(c) for c in codes)
        df = (
            duckdb.connect()
            .execute(
                f"SELECT * FROM read_csv(?, delim = '\t', header = true, "
                f"types = {{'cmdCode': 'VARCHAR'}}) "
                f"WHERE reporterCode IN ({codes_sql}) AND partnerCode IN ({codes_sql})",
                [path],
            )
            .df()
        )
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
    return {
        "seconds": time.perf_counter() - t0,
        "cpu_seconds": cpu_seconds() - c0,
        "rows_out": rows_out,
        **extra,
    }


def contender(case: str, name: str, path: str, pair: list[str], out: str) -> None:
    res = _full(name, path, out) if case == "full" else _pair(name, path, pair)
    for k in ("seconds", "cpu_seconds"):
        res[k] = round(float(res[k]), 3)  # type: ignore[arg-type]
    emit({"case": case, "contender": name, **res})


def run(
    rows: int,
    *,
    pair: list[str],
    contenders: tuple[str, ...] = CONTENDERS,
    work: Path = WORK,
    repeat: int = 2,
    cases: tuple[str, ...] = CASES,
) -> dict[str, object]:
    """Generate (once) and time every contender of every case ``repeat`` times (pandas
    once; fresh subprocess each, contenders interleaved); keep each contender's fastest run,
    as the one least disturbed by other load on the machine. Returns the results keyed by case, then
    by contender."""
    import os

    from gen_bulk import generate

    t0 = time.perf_counter()
    path = generate(rows, work=work)
    gen_s = time.perf_counter() - t0
    out: dict[str, object] = {
        "rows": rows,
        "file": str(path),
        "file_mb": round(path.stat().st_size / 1e6, 1),
        "generate_seconds": round(gen_s, 2),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }
    for case in cases:
        runs: dict[str, list[dict[str, object]]] = {name: [] for name in contenders}
        for i in range(max(repeat, 1)):
            for name in contenders:
                if name == "pandas" and i:
                    continue  # slowest by far (minutes): one run
                parquet = work / f"bench-{case}-{name}.parquet"
                runs[name].append(
                    run_child(
                        "bench_ingest.py",
                        "--case",
                        case,
                        "--contender",
                        name,
                        "--file",
                        str(path),
                        "--pair",
                        ",".join(pair),
                        "--out",
                        str(parquet),
                    )
                )
        results: dict[str, object] = {}
        for name, rs in runs.items():
            best = dict(min(rs, key=lambda r: float(r["seconds"])))  # type: ignore[arg-type]
            secs = float(best["seconds"])  # type: ignore[arg-type]
            best["rows_per_s"] = rows / secs if secs > 0 else float("inf")
            best["all_seconds"] = [r["seconds"] for r in rs]
            best["min_cpu_seconds"] = min(float(r["cpu_seconds"]) for r in rs)  # type: ignore[arg-type]
            best["max_peak_rss_mb"] = max(float(r["peak_rss_mb"]) for r in rs)  # type: ignore[arg-type]
            results[name] = best
        out[case] = results
    out["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="bulk ingest benchmark")
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--pair", default="BLR,CHN")
    ap.add_argument("--case", choices=CASES)
    ap.add_argument("--contender", choices=CONTENDERS)
    ap.add_argument("--file")
    ap.add_argument("--out", default=str(WORK / "bench.parquet"))
    ap.add_argument("--work", type=Path, default=WORK)
    ap.add_argument("--repeat", type=int, default=2)
    a = ap.parse_args(argv)
    pair = a.pair.split(",")
    if a.contender:
        contender(a.case or "pair", a.contender, a.file, pair, a.out)
        return 0
    print(json.dumps(run(a.rows, pair=pair, work=a.work, repeat=a.repeat), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
