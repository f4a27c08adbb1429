"""Which period a figure gets when its sentence names none: default rules scored on labelled text.

For every labelled claim of the studied (never the blind) records of whole articles whose value the
reader finds and whose sentence names no period of its own, each default rule proposes a period
and is scored against the label: ``right``, ``wrong`` or ``null`` (no proposal). The rules are the
reader's own answer, the last period written before the sentence, the first period of the text
(the headline's or the lead's), the year of publication, the year before it, and null. Counts
only: no record text is printed.

Usage: ``python -m tradecheck.eval_periods [--dir DIR ...]`` (default: the shared real-text folder).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from tradecheck import eval as ev
from tradecheck.claims._lang import normalise
from tradecheck.claims.context import Doc
from tradecheck.claims.model import Period
from tradecheck.claims.resolve.period import resolve_mention
from tradecheck.errors import TradecheckError

__all__ = ["RULES", "candidates", "main", "outcome", "read_doc", "tally", "unstated"]

#: the default rules compared, in the order printed
RULES = ("reader", "last_earlier", "first_in_text", "publication_year", "year_before", "null")


def read_doc(d: dict[str, Any]) -> Doc:
    """The reader's :class:`~tradecheck.claims.context.Doc` of record ``d`` (text, date, pair),
    built as :func:`tradecheck.claims.parse.parse` builds it (:func:`.eval.record_doc`)."""
    return ev.record_doc(d)


def unstated(doc: Doc, pos: int) -> bool:
    """Whether the sentence holding ``pos`` names no period of its own (a comparison base
    does not count).

    Examples
    --------
    >>> t = "Trade grew in 2023. Exports were $5 billion."
    >>> d = read_doc({"_text": t, "lang": "en", "pair": "DEU-CHN"})
    >>> unstated(d, t.index("$5")), unstated(d, t.index("grew"))
    (True, False)
    """
    s = doc.sentence_of(pos)
    return not any(not p.is_base for p in doc.mentions.periods.between(s.start, s.end))


def _whole_year(year: int) -> Period:
    return Period(f"{year:04d}-01", f"{year:04d}-12")


def candidates(doc: Doc, pos: int) -> dict[str, Period | None]:
    """The period each default rule except ``reader`` proposes for a figure at ``pos``.

    Examples
    --------
    >>> t = "In January-May 2024 trade rose. Exports were $5 billion."
    >>> d = read_doc({"_text": t, "lang": "en", "pub_date": "2024-07-01", "pair": "DEU-CHN"})
    >>> c = candidates(d, t.index("$5"))
    >>> c["last_earlier"], c["publication_year"].start, c["year_before"].end, c["null"]
    (Period(start='2024-01', end='2024-05'), '2024-01', '2023-12', None)
    """
    ss = doc.sentence_of(pos).start
    own = [p for p in doc.mentions.periods if not p.is_base]
    earlier = (resolve_mention(doc, p) for p in reversed(own) if p.end <= ss)
    first = (resolve_mention(doc, p) for p in own)
    y = doc.as_of.year if doc.as_of is not None else None
    return {
        "last_earlier": next((r for r in earlier if r is not None), None),
        "first_in_text": next((r for r in first if r is not None), None),
        "publication_year": None if y is None else _whole_year(y),
        "year_before": None if y is None else _whole_year(y - 1),
        "null": None,
    }


def outcome(proposed: Period | dict[str, str] | None, expected: dict[str, str]) -> str:
    """``"right"``, ``"wrong"`` or ``"null"`` for a proposed period against a label's.

    Examples
    --------
    >>> lab = {"start": "2023-01", "end": "2023-12"}
    >>> outcome(Period("2023-01", "2023-12"), lab), outcome(None, lab), outcome(lab, lab)
    ('right', 'null', 'right')
    """
    if proposed is None:
        return "null"
    got = proposed if isinstance(proposed, dict) else proposed.to_json()
    return (
        "right" if (got["start"], got["end"]) == (expected["start"], expected["end"]) else "wrong"
    )


def _reader_claim(e: dict[str, Any], got: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The parsed claim with ``e``'s quantity class and value (the one with ``e``'s period
    first, as the scorer pairs them); None when the reader does not find the value."""
    same = [g for g in got if (m := ev.field_matches(e, g))["quantity"] and m["value"]]
    return next((g for g in same if g.get("period") == e["period"]), same[0] if same else None)


def _record_rows(d: dict[str, Any]) -> Iterable[tuple[str, str, str]]:
    """(rule, language, outcome) for each labelled claim of ``d`` that :func:`tally` counts."""
    doc, got = read_doc(d), ev.parsed(d)
    for e in (x for x in d.get("expected") or [] if x and x.get("period") and x.get("span")):
        pos = doc.norm.find(normalise(e["span"]))
        claim = _reader_claim(e, got)
        if pos < 0 or claim is None or not unstated(doc, pos):
            continue
        proposals = {"reader": claim.get("period"), **candidates(doc, pos)}
        for rule in RULES:
            yield rule, str(d.get("lang")), outcome(proposals[rule], e["period"])


def tally(records: Iterable[dict[str, Any]]) -> dict[tuple[str, str], Counter[str]]:
    """Outcome counts per (rule, language) over the studied whole-article ``records``; the
    language ``"all"`` sums them."""
    out: dict[tuple[str, str], Counter[str]] = {}
    for d in records:
        if ev.is_blind(str(d["id"])):
            continue
        for rule, lang, res in _record_rows(d):
            for key in ((rule, lang), (rule, "all")):
                out.setdefault(key, Counter())[res] += 1
    return out


def _articles(folders: Sequence[str]) -> Iterable[dict[str, Any]]:
    for folder in folders:
        for path in sorted(Path(folder).glob("articles_*.jsonl")):
            yield from ev.read_records(path)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m tradecheck.eval_periods", description=__doc__.splitlines()[0]
    )
    ap.add_argument("--dir", action="append", help="folder of labelled articles (repeatable)")
    args = ap.parse_args(argv)
    try:
        counts = tally(_articles(args.dir or [str(ev.default_dir())]))
    except TradecheckError as exc:
        print(f"tradecheck.eval_periods: error: {exc}", file=sys.stderr)
        return 2
    print("rule              language  right  wrong  null")
    for rule, lang in sorted(counts, key=lambda k: (RULES.index(k[0]), k[1] != "all", k[1])):
        c = counts[(rule, lang)]
        print(f"{rule:17s} {lang:8s} {c['right']:6d} {c['wrong']:6d} {c['null']:5d}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
