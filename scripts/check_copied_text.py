"""List lines of the repository that repeat a piece of a real press text.

The house rule: facts and figures may come from public material, sentences may not; examples in
tests, docstrings and docs are our own paraphrases. This script finds where that slipped: every
tracked text line holding a window of ``--window`` characters (12 for Chinese) with a digit in
it that also occurs in a labelled real-text set (JSONL records with ``text`` or ``quote``).

Usage::

    python scripts/check_copied_text.py [--sets DIR ...] [--window 30]

``--sets`` defaults to ``../shared/data/real_text``. It prints ``file:line  window  (set id)``
per hit and a count; it does not decide. A hit is either a generic phrase anybody would write
("compared with the same period of 2023") or a fragment to reword (other words, other numbers,
the same construction). Exit status 0 always; 2 when a set folder is missing.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

SUFFIXES = (".py", ".md", ".jsonl", ".toml", ".txt", ".ipynb", ".csv", ".json")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_CJK_WINDOW = 12  # a Chinese character carries a word; 12 of them are a phrase


def norm(text: str) -> str:
    """Lower case, runs of white space as one space.

    >>> norm("Trade  ROSE\\n5%")
    'trade rose 5%'
    """
    return re.sub(r"\s+", " ", text).lower()


def load_sets(dirs: list[Path]) -> list[tuple[str, str]]:
    """``(label, normalised text)`` of every record of every ``*.jsonl`` in ``dirs``."""
    out = []
    for d in dirs:
        for f in sorted(d.glob("*.jsonl")):
            for line in f.read_text(encoding="utf-8").splitlines():
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError:
                    continue
                text = rec.get("text") or rec.get("quote") or ""
                out.append((f"{d.name}/{rec.get('id')}", norm(text)))
    return out


def windows(line: str, width: int) -> Iterator[str]:
    """Windows of a normalised line worth checking: ``width`` characters (12 when Chinese),
    each holding a digit, every third start.

    >>> list(windows("rose to 5% in 2023", 12))[:2]
    ['rose to 5% i', 'e to 5% in 2']
    """
    for i in range(0, max(1, len(line) - _CJK_WINDOW + 1), 3):
        w = line[i : i + width]
        if _CJK.search(w):
            w = line[i : i + _CJK_WINDOW]
        elif len(w) < width:
            continue
        if len(w) >= _CJK_WINDOW and re.search(r"\d", w):
            yield w


def hits(
    repo: Path, sets: list[tuple[str, str]], width: int
) -> Iterator[tuple[str, int, str, str]]:
    """``(file, line number, window, set label)`` of every tracked line repeating a set text;
    one hit per line."""
    big = "\x00".join(t for _, t in sets)
    files = subprocess.run(
        ["git", "-C", str(repo), "ls-files"], capture_output=True, text=True, check=True
    ).stdout.split()
    for name in (f for f in files if f.endswith(SUFFIXES)):
        try:
            lines = (repo / name).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            continue
        for no, line in enumerate(lines, 1):
            found = next((w for w in windows(norm(line), width) if w in big), None)
            if found is not None:
                label = next(lab for lab, t in sets if found in t)
                yield name, no, found, label


def main(argv: list[str] | None = None) -> int:
    root = Path(__file__).resolve().parents[1]
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", nargs="+", type=Path, default=[root.parent / "shared/data/real_text"])
    ap.add_argument("--window", type=int, default=30)
    args = ap.parse_args(argv)
    missing = [d for d in args.sets if not d.is_dir()]
    if missing:
        print(
            f"{missing[0]}: no such folder; expected a folder of labelled *.jsonl", file=sys.stderr
        )
        return 2
    n = 0
    for name, no, window, label in hits(root, load_sets(args.sets), args.window):
        print(f"{name}:{no}  {window!r}  ({label})")
        n += 1
    print(f"{n} lines repeat a piece of a real text")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
