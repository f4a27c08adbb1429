"""Shared helpers of the benchmark scripts: contenders in subprocesses, peak memory, table."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
WORK = HERE / "_work"


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (MB; Linux reports KiB)."""
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb / 1024 if sys.platform != "darwin" else kb / 1024 / 1024


def cpu_seconds() -> float:
    """CPU time (user + system, every thread) this process has used so far."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def emit(result: dict[str, Any]) -> None:
    """Print a contender's result as the last stdout line (read by :func:`run_child`)."""
    result["peak_rss_mb"] = round(peak_rss_mb(), 1)
    print("RESULT " + json.dumps(result), flush=True)


def run_child(script: str, *args: str, timeout: float = 3600) -> dict[str, Any]:
    """Run ``benchmarks/<script>`` in a fresh interpreter (own memory high-water mark) and
    return the JSON it emitted."""
    env = dict(os.environ)
    env.setdefault("PYTHONHASHSEED", "0")
    proc = subprocess.run(
        [sys.executable, str(HERE / script), *args],
        check=False,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )
    for line in reversed(proc.stdout.splitlines()):
        if line.startswith("RESULT "):
            return json.loads(line[len("RESULT ") :])
    raise RuntimeError(
        f"{script} {' '.join(args)} failed (exit {proc.returncode}):\n"
        f"{proc.stdout[-2000:]}\n{proc.stderr[-4000:]}"
    )


def table(rows: list[dict[str, Any]]) -> str:
    """Plain-text table of metric rows (metric, value, baseline, ratio, target, result)."""
    cols = ["metric", "value", "baseline", "ratio", "target", "result"]
    cells = [[str(r.get(c, "")) for c in cols] for r in rows]
    widths = [
        max(len(c), *(len(x[i]) for x in cells)) if cells else len(c) for i, c in enumerate(cols)
    ]
    line = "  ".join(c.ljust(w) for c, w in zip(cols, widths, strict=True))
    out = [line, "  ".join("-" * w for w in widths)]
    for x in cells:
        out.append("  ".join(v.ljust(w) for v, w in zip(x, widths, strict=True)))
    return "\n".join(out)


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("pass" if ok else "FAIL")
