"""Benchmark: claim-parse time against text length (is it linear?).

Each input is parsed at 1x and at 10x its length; for time linear in the text the ratio is
about 10, for quadratic time about 100. Inputs (issue 8, item 5): "1%" repeated, "в 2,2 раза "
repeated, and a short article of our own wording (four sentences, en) repeated. Then 20 kB of
each adversarial unit below against the issue's target of 1 s, with its ratio to the article's
20 kB in the same run (a load-independent figure). Warm (one untimed run first); the fastest of
``--repeat`` runs is kept.

Usage::

    python benchmarks/bench_parse.py [--repeat 3] [--scale 1.0]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

#: our own wording, written for this benchmark (not a quote)
ARTICLE = (
    "In 2022 trade between Belarus and China reached $5.08 billion, up 33% year-on-year. "
    "Belarusian exports to China rose 2.2-fold in January-September 2025, according to "
    "Chinese customs. Imports from China fell by 4.5% to $3.1 billion in the first half of "
    "2024. China's share in Belarus's foreign trade was about 15% last year.\n"
)
#: (label, unit, copies at 1x): the 10x run repeats the unit ten times as often
INPUTS = (
    ("'1%' x 200 / x 2000", "1%", 200),
    ("'в 2,2 раза ' x 300 / x 3000", "в 2,2 раза ", 300),
    ("article x 30 / x 300", ARTICLE, 30),
)

#: adversarial units, each repeated to 20 kB (moved here from a timed test)
UNITS_20KB = (
    "1%",
    "1% ",
    "в 2,2 раза ",
    "$1 billion ",
    "2025 ",
    "January 2025, ",
    "exports to China ",
    "1",
    "增长1.2倍",
    "Trade between Belarus and China rose by 5% to $2 billion in 2024. ",
    "Der Handel stieg um 3 Prozent; ",
)
SIZE = 20_000


def best_time(text: str, repeat: int) -> float:
    """Fastest of ``repeat`` warm runs of ``parse(text, as_of=...)``, in seconds."""
    from tradecheck.claims.parse import parse

    parse(text, as_of="2025-11-20")
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        parse(text, as_of="2025-11-20")
        times.append(time.perf_counter() - t0)
    return min(times)


def text_20kb(unit: str) -> str:
    """``unit`` repeated to :data:`SIZE` characters."""
    return (unit * (SIZE // len(unit) + 1))[:SIZE]


def worker() -> None:
    """Answer timing requests on stdin (one JSON line each: the input's index in
    ``(ARTICLE, *UNITS_20KB)``), one JSON line per answer: wall and CPU seconds of one parse.
    The first line written is the start-up: import and the first parse of a short text."""
    t0, c0 = time.perf_counter(), time.process_time()
    from tradecheck.claims.parse import parse

    parse("Trade rose 5% to $2 billion in 2024.", as_of="2025-11-20")
    print(json.dumps([time.perf_counter() - t0, time.process_time() - c0]), flush=True)
    texts = [text_20kb(u) for u in (ARTICLE, *UNITS_20KB)]
    for line in sys.stdin:
        text = texts[json.loads(line)]
        t0, c0 = time.perf_counter(), time.process_time()
        parse(text, as_of="2025-11-20")
        print(json.dumps([time.perf_counter() - t0, time.process_time() - c0]), flush=True)


class Worker:
    """A worker process (:func:`worker`) on the code of one ``src`` folder."""

    def __init__(self, src: Path) -> None:
        env = {**os.environ, "PYTHONPATH": str(src)}
        cmd = [sys.executable, __file__, "--worker"]
        self.proc = subprocess.Popen(
            cmd, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        self.startup = self._read()

    def _read(self) -> list[float]:
        assert self.proc.stdout is not None
        return json.loads(self.proc.stdout.readline())

    def time(self, index: int) -> list[float]:
        """Wall and CPU seconds of one parse of input ``index``."""
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"{index}\n")
        self.proc.stdin.flush()
        return self._read()

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait()


def compare(baseline: Path, repeat: int) -> None:
    """Time every 20 kB input with this checkout's code and the baseline's, taking turns."""
    load = os.getloadavg()[0]
    new, old = Worker(Path(__file__).resolve().parents[1] / "src"), Worker(baseline)
    print(
        f"start-up (import + first parse), wall / CPU s: new {new.startup[0]:.2f} / "
        f"{new.startup[1]:.2f}, baseline {old.startup[0]:.2f} / {old.startup[1]:.2f}"
    )
    print(
        f"{'20 kB input':<34} {'base s':>7} {'new s':>7} {'ratio':>6} "
        f"{'base cpu':>8} {'new cpu':>8} {'ratio':>6}"
    )
    for i, unit in enumerate((ARTICLE, *UNITS_20KB)):
        old.time(i), new.time(i)  # warm
        runs = [(old.time(i), new.time(i)) for _ in range(repeat)]
        (ow, oc), (nw, nc) = [[min(r[k][j] for r in runs) for j in (0, 1)] for k in (0, 1)]
        label = "article (our wording)" if i == 0 else repr(unit[:30])
        print(
            f"{label:<34} {ow:>7.3f} {nw:>7.3f} {nw / ow:>6.2f} "
            f"{oc:>8.3f} {nc:>8.3f} {nc / oc:>6.2f}"
        )
    new.close(), old.close()
    print(f"load average {load:.1f} before, {os.getloadavg()[0]:.1f} after")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--scale", type=float, default=1.0, help="multiply the copy counts")
    ap.add_argument("--baseline-src", type=Path, help="compare with the code of this src folder")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        return worker()
    if args.baseline_src:
        return compare(args.baseline_src, args.repeat)
    print(f"{'input':<32} {'chars 1x':>9} {'1x s':>8} {'10x s':>8} {'ratio':>6}")
    for label, unit, copies in INPUTS:
        n = max(1, round(copies * args.scale))
        small, large = unit * n, unit * (10 * n)
        t1, t10 = best_time(small, args.repeat), best_time(large, args.repeat)
        print(f"{label:<32} {len(small):>9} {t1:>8.3f} {t10:>8.3f} {t10 / t1:>6.1f}")
    base = best_time(text_20kb(ARTICLE), args.repeat)
    print(f"\n20 kB inputs (target <= 1 s); ratio to the article's 20 kB ({base:.3f} s)")
    for unit in UNITS_20KB:
        t = best_time(text_20kb(unit), args.repeat)
        print(f"{unit[:30]!r:<34} {t:>8.3f} s {t / base:>6.1f}")


if __name__ == "__main__":
    main()
