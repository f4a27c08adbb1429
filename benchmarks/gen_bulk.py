"""Generate a synthetic UN Comtrade *final bulk* file (gzip TSV, the 34 columns of
``docs/source_formats.md``, "Bulk files") for the benchmarks.

The rows are **synthetic** (random values in the real layout): they exist only to time the
readers and are written under ``benchmarks/_work/`` (git-ignored), never shipped as data.

Generation is vectorised (numpy -> pyarrow table -> ``pyarrow.csv.write_csv`` through a gzip
stream, level 1) and done in slabs of one million rows, so 10 million rows take seconds and
bounded memory. The file is written once and reused (its name carries rows and seed).

Usage::

    python benchmarks/gen_bulk.py --rows 10000000          # prints the path
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

from tradecheck.loaders.comtrade import BULK_FIELDS as BULK_COLUMNS  # the 34 real columns

WORK = Path(__file__).resolve().parent / "_work"

# Belarus and China (M49) plus other M49 country codes as reporters/partners, and
# Comtrade's own codes of the same countries where they differ (251, 579, 699, 757, 842);
# every code maps to ISO3 through tradecheck.loaders.comtrade.comtrade_code_to_iso3.
PAIR = (112, 156)
_OTHERS = np.array(
    [
        4,
        8,
        12,
        24,
        32,
        36,
        40,
        50,
        56,
        76,
        100,
        124,
        152,
        170,
        191,
        203,
        208,
        231,
        233,
        246,
        251,
        276,
        300,
        344,
        348,
        360,
        364,
        368,
        372,
        376,
        380,
        392,
        398,
        404,
        410,
        414,
        417,
        428,
        440,
        458,
        484,
        496,
        498,
        504,
        528,
        554,
        566,
        579,
        586,
        604,
        608,
        616,
        620,
        642,
        643,
        682,
        688,
        699,
        702,
        703,
        704,
        705,
        710,
        724,
        752,
        757,
        764,
        784,
        792,
        795,
        804,
        818,
        826,
        842,
        858,
        860,
        862,
    ],
    dtype=np.int64,
)
COUNTRIES = np.concatenate([np.array(PAIR, dtype=np.int64), _OTHERS])


def _code_pool() -> pa.Array:
    codes = ["TOTAL"]
    codes += [f"{c:02d}" for c in range(1, 98) if c != 77]
    codes += [f"{c:04d}" for c in range(101, 9800, 7)]
    codes += [f"{c:06d}" for c in range(10110, 980000, 193)]
    return pa.array(codes, type=pa.string())


def _slab(rng: np.random.Generator, n: int, start: int, pool: pa.Array) -> pa.Table:
    rep = COUNTRIES[rng.integers(0, len(COUNTRIES), n)]
    par = COUNTRIES[rng.integers(0, len(COUNTRIES), n)]
    par = np.where(par == rep, 0, par)  # a country does not trade with itself: use World
    year = rng.integers(2015, 2025, n)
    monthly = rng.random(n) < 0.5
    month = np.where(monthly, rng.integers(1, 13, n), 52)
    ref_period = year * 10000 + np.where(monthly, month, 1) * 100 + 1
    period = np.where(monthly, year * 100 + month, year)
    flows = np.array(["M", "X", "RM", "RX"])
    flow = flows[rng.choice(4, n, p=[0.47, 0.47, 0.03, 0.03])]
    breakdown = rng.random(n)
    partner2 = np.where(breakdown < 0.08, COUNTRIES[rng.integers(0, len(COUNTRIES), n)], 0)
    customs = np.where((breakdown >= 0.08) & (breakdown < 0.12), "C01", "C00")
    mot = np.where((breakdown >= 0.12) & (breakdown < 0.20), 2100, 0)
    value = np.round(np.exp(rng.normal(12.0, 3.0, n)), 2)
    is_import = (flow == "M") | (flow == "RM")
    idx = rng.integers(0, len(pool), n)
    idx[rng.random(n) < 0.02] = 0  # some TOTAL rows
    cmd = pool.take(pa.array(idx))
    net = np.round(value / rng.uniform(1, 50, n), 1)
    has_qty = rng.random(n) < 0.6
    ones = np.ones(n, dtype=np.int64)
    zeros = np.zeros(n, dtype=np.int64)
    cols = {
        "datasetCode": 20000000000000000 + start + np.arange(n, dtype=np.int64),
        "typeCode": pa.array(np.full(n, "C")),
        "freqCode": pa.array(np.where(monthly, "M", "A")),
        "refPeriodId": ref_period,
        "refYear": year,
        "refMonth": month,
        "period": period,
        "reporterCode": rep,
        "flowCode": pa.array(flow),
        "partnerCode": par,
        "partner2Code": partner2,
        "classificationSearchCode": pa.array(np.full(n, "HS")),
        "classificationCode": pa.array(np.full(n, "H5")),
        "isOriginalClassification": ones,
        "cmdCode": cmd,
        "customsCode": pa.array(customs),
        "mosCode": zeros,
        "motCode": mot,
        "qtyUnitCode": np.where(has_qty, 8, -1),
        "qty": pa.array(net, mask=~has_qty),
        "isQtyEstimated": zeros,
        "altQtyUnitCode": np.full(n, -1),
        "altQty": pa.nulls(n, pa.float64()),
        "isAltQtyEstimated": zeros,
        "netWgt": pa.array(net, mask=~has_qty),
        "isNetWgtEstimated": zeros,
        "grossWgt": pa.nulls(n, pa.float64()),
        "isGrossWgtEstimated": zeros,
        "CIFValue": pa.array(value, mask=~is_import),
        "FOBValue": pa.array(value, mask=is_import),
        "primaryValue": value,
        "legacyEstimationFlag": zeros,
        "isReported": ones,
        "isAggregate": zeros,
    }
    return pa.table({k: cols[k] for k in BULK_COLUMNS})


def bulk_path(rows: int, seed: int = 0, work: Path = WORK) -> Path:
    """Where the file for ``rows``/``seed`` lives."""
    return work / f"COMTRADE-FINAL-SYNTH-{rows}-s{seed}.txt.gz"


def generate(rows: int, seed: int = 0, *, work: Path = WORK, force: bool = False) -> Path:
    """Write (once) a synthetic bulk gzip TSV with ``rows`` data rows; return its path."""
    path = bulk_path(rows, seed, work)
    if path.exists() and not force:
        return path
    work.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    pool = _code_pool()
    tmp = path.with_name(path.name + f".tmp{os.getpid()}")
    try:
        with open(tmp, "wb") as fh:
            # the system gzip at level 1 compresses in a second process, in parallel with
            # the generation; pyarrow's own gzip stream is the fallback (default level)
            gz = shutil.which("gzip")
            proc = (
                subprocess.Popen([gz, "-1", "-c"], stdin=subprocess.PIPE, stdout=fh) if gz else None
            )
            sink = (
                proc.stdin if proc else pa.CompressedOutputStream(pa.OSFile(str(tmp), "wb"), "gzip")
            )
            sink.write(("\t".join(BULK_COLUMNS) + "\n").encode())
            done, slab = 0, 1_000_000
            while done < rows:
                n = min(slab, rows - done)
                table = _slab(rng, n, done, pool)
                opts = pacsv.WriteOptions(
                    include_header=False, delimiter="\t", quoting_style="none"
                )
                pacsv.write_csv(table, sink, opts)
                done += n
            sink.close()
            if proc is not None and proc.wait() != 0:
                raise RuntimeError("gzip failed")
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--force", action="store_true")
    a = ap.parse_args(argv)
    print(generate(a.rows, a.seed, force=a.force))
    return 0


if __name__ == "__main__":
    sys.exit(main())
