"""Where the period of a wrongly dated claim is written: each studied labelled claim whose
number the reader carries (best parsed claim, same quantity class and value, the scoring rule
of ``tradecheck.eval``) with a wrong period, by where a period mention resolving to the
labelled period stands.

Places
------
own
    In the claim's own sentence (a choice within the sentence, not a carry).
earlier
    Only in an earlier sentence (the period carried between sentences, issues 8 and 13), with
    how the carry went: ``carry none`` (the reader gave no period), ``took one between``
    (another period stands between that sentence and the claim's), ``across paragraph``,
    ``anaphor`` (the claim's sentence refers back: concept ``period_anaphora``), else
    ``skipped``.
later
    Only after the claim's sentence: ``lead`` when the claim stands before every period of
    the text (a headline), else ``next``.
not written
    No mention resolves to the labelled period (a year or fiscal year the text leaves to the
    reader, a misread mention).

Counts only: the script prints ids at most, never a record's text (the real-text sets are
measurement, not material to copy), and it skips the blind records
(:func:`tradecheck.eval.is_blind`).

Usage::

    python scripts/period_source.py DIR [DIR ...] [--ids]

Each ``DIR`` holds ``articles_*.jsonl`` files in the layout of ``tradecheck.eval``.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tradecheck import eval as ev
from tradecheck.claims import lexicon as L
from tradecheck.claims.context import Doc
from tradecheck.claims.resolve.period import resolve_mention
from tradecheck.claims.sentences import Span

#: words that refer back to a period ("during the same period", "за этот период", "同期")
_ANAPHOR = L.pattern("period_anaphora")


def written_at(doc: Doc, want: tuple[str, str]) -> list[int]:
    """The starts of the period mentions of ``doc`` that resolve to ``want`` (start, end)."""
    out = []
    for p in doc.mentions.periods:
        r = resolve_mention(doc, p)
        if r is not None and (r.start, r.end) == want:
            out.append(p.start)
    return out


def carry_kind(doc: Doc, sent: Span, at: int, got: dict[str, Any] | None) -> str:
    """How the carry from the period written at ``at`` (before ``sent``) went wrong."""
    if got is None:
        return "earlier: carry none"
    if any(at < p.start < sent.start and not p.is_base for p in doc.mentions.periods):
        return "earlier: took one between"
    if "\n" in doc.norm[at : sent.start]:
        return "earlier: across paragraph"
    if _ANAPHOR.search(doc.norm, sent.start, sent.end):
        return "earlier: anaphor"
    return "earlier: skipped"


def place(doc: Doc, sent: Span, want: tuple[str, str], got: dict[str, Any] | None) -> str:
    """Where ``want``, the labelled period of a claim in ``sent``, is written (module doc).

    Examples
    --------
    >>> from tradecheck.claims.parse import read_doc
    >>> d = read_doc("In 2021 trade grew. Exports were $5 billion.", as_of=None, lang="en",
    ...              pair=("BLR", "CHN"))
    >>> place(d, d.sents[1], ("2021-01", "2021-12"), None)
    'earlier: carry none'
    """
    starts = written_at(doc, want)
    if any(sent.start <= s < sent.end for s in starts):
        return "own"
    before = [s for s in starts if s < sent.start]
    if before:
        return carry_kind(doc, sent, before[-1], got)
    if starts:
        first = next((p.start for p in doc.mentions.periods if not p.is_base), None)
        return "later: lead" if first is not None and first >= sent.end else "later: next"
    return "not written"


def misdated(d: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(claim id, place) for each labelled claim of record ``d`` carried with a wrong period."""
    got, doc = ev.parsed(d), None
    for e in (x for x in d.get("expected") or [] if x):
        i, m = ev._best(e, got)
        if i is None or not m.get("value") or m.get("period") is not False or not e.get("period"):
            continue
        doc = doc or ev.record_doc(d)
        g = got[i]
        pos = max(doc.norm.find(g["span"]), 0)
        want = (e["period"]["start"], e["period"]["end"])
        yield str(e.get("cid", d["id"])), place(doc, doc.sentence_of(pos), want, g["period"])


def count(dirs: list[Path]) -> dict[str, list[tuple[str, str, str]]]:
    """Per place, the (folder, record id, claim id) of the studied misdated claims."""
    out: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for folder in dirs:
        for path in sorted(folder.glob("articles*.jsonl")):
            for d in ev.read_records(path):
                if ev.is_blind(str(d["id"])):
                    continue
                for cid, where in misdated(d):
                    out[where].append((folder.name, str(d["id"]), cid))
    return out


def main(argv: list[str] | None = None) -> int:
    """Print, per place, the misdated claims, records and folders (ids with ``--ids``)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="+", type=Path)
    ap.add_argument("--ids", action="store_true", help="list the claim ids of each place")
    args = ap.parse_args(argv)
    missing = [d for d in args.dirs if not d.is_dir()]
    if missing:
        print(f"{missing[0]}: expected a folder of articles_*.jsonl files", file=sys.stderr)
        return 2
    rows = count(args.dirs)
    print(f"{'place':28} {'claims':>6} {'articles':>8} {'sets':>4}")
    for where, hits in sorted(rows.items(), key=lambda kv: -len(kv[1])):
        arts, sets = {(f, r) for f, r, _ in hits}, {f for f, _, _ in hits}
        print(f"{where:28} {len(hits):6d} {len(arts):8d} {len(sets):4d}")
        if args.ids:
            print("   ", " ".join(f"{f[-1]}:{c}" for f, _, c in hits))
    return 0


if __name__ == "__main__":
    sys.exit(main())
