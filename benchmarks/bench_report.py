"""Benchmark: ``tradecheck report`` with a warm environment (venv installed, data built).

Runs ``tradecheck build`` first (not timed: that is the ``make data`` step, normally done
already), then times ``tradecheck report`` in a subprocess. Prints ``n/a`` when the command
does not exist.

Usage::

    python benchmarks/bench_report.py [--dry-run]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import emit


def _cli() -> list[str] | None:
    exe = Path(sys.executable).with_name("tradecheck")
    cmd = (
        [str(exe)]
        if exe.exists()
        else ([shutil.which("tradecheck")] if shutil.which("tradecheck") else None)
    )
    if cmd is None:
        return None
    probe = subprocess.run([*cmd, "report", "--help"], check=False, capture_output=True, text=True)
    return cmd if probe.returncode == 0 else None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="time `tradecheck report` (warm)")
    ap.add_argument("--dry-run", action="store_true", help="only say what would run")
    a = ap.parse_args(argv)
    cmd = _cli()
    if cmd is None:
        emit({"available": False, "seconds": None, "note": "n/a: no `tradecheck report`"})
        return 0
    if a.dry_run:
        emit({"available": True, "seconds": None, "note": "dry run: " + " ".join(cmd)})
        return 0
    subprocess.run([*cmd, "build"], check=False, capture_output=True, text=True)
    t0 = time.perf_counter()
    proc = subprocess.run([*cmd, "report"], check=False, capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    emit(
        {
            "available": True,
            "seconds": round(seconds, 2),
            "exit": proc.returncode,
            "note": "" if proc.returncode == 0 else (proc.stderr.strip().splitlines() or [""])[-1],
        }
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
