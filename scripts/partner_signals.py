"""Counts of structural signals around parsed claims: right claims against spurious numbers.

A spurious number is a parsed claim whose quantity class and value no labelled claim (nor an
``undeterminable`` mention) of its record has (``eval._is_labelled_number``); a right claim is
one the scoring counts as exact. A signal is worth a drop rule only when, on sets the rule was
not written from, it marks clearly more spurious numbers than right claims.

Usage::

    python scripts/partner_signals.py [--combine N] DIR [DIR ...]

Every ``articles_*.jsonl`` of each folder is read; blind records (``eval.is_blind``) are skipped
without being parsed. Prints one line per signal and value, ``right N  spurious M``; no text.
``--combine N`` (2 or 3) prints instead every conjunction of up to N signal values that marks
more spurious numbers than right claims, the largest margin first. Exit status 0; 2 when a
folder is missing or unreadable.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import combinations
from pathlib import Path
from typing import Any

from tradecheck import eval as ev
from tradecheck.claims import partners as P
from tradecheck.claims.context import Context, Doc, contexts
from tradecheck.claims.model import Claim
from tradecheck.claims.parse import build_claim, claims_of

#: sentences between a claim and the nearest sentence naming both countries, capped here
FAR = 3


def read_doc(d: dict[str, Any]) -> Doc:
    """The reader's :class:`Doc` of record ``d``, read as :func:`parse.parse` reads it."""
    return ev.record_doc(d)  # type: ignore[no-any-return]


def claims_in_context(doc: Doc) -> list[tuple[Claim, Context]]:
    """The claims :func:`parse.claims_of` keeps, each with the context it was built from."""
    ctxs = contexts(doc)
    built = []
    for ctx in ctxs:
        try:
            built.append((build_claim(ctx), ctx))
        except (ValueError, ArithmeticError, IndexError):
            continue
    kept = claims_of(ctxs)
    return [(c, next(x for b, x in built if b == c)) for c in kept]


def category(d: dict[str, Any], got: dict[str, Any]) -> str:
    """``right`` (exact), ``spurious`` (no labelled number) or ``misread`` (a labelled number
    with a wrong field) for parsed claim ``got`` (JSON form) of record ``d``."""
    expected = [e for e in (d["expected"] or []) if e]
    undet = d.get("undeterminable") or []
    if any(ev._exact(ev.field_matches(e, got)) for e in expected):
        return "right"
    if ev._matches_undeterminable(got, undet):
        return "right"
    return "misread" if ev._is_labelled_number(got, d) else "spurious"


def _pair_in(doc: Doc, start: int, end: int) -> str:
    """``both``, ``one`` or ``none``: how many pair countries ``[start, end)`` names."""
    named = {h.iso for h in doc.countries_in(start, end)} & set(doc.pair)
    return {2: "both", 1: "one"}.get(len(named), "none")


def _sentences_to_both(doc: Doc, ctx: Context) -> str:
    """Sentences between the claim's sentence and the nearest one naming both countries."""
    if ctx.sentence not in doc.sents:
        return "never"
    j = doc.sents.index(ctx.sentence)
    gaps = [abs(k - j) for k, s in enumerate(doc.sents) if _pair_in(doc, *s) == "both"]
    return "never" if not gaps else str(min(min(gaps), FAR)) + ("+" if min(gaps) >= FAR else "")


def _actor_only(doc: Doc, ctx: Context) -> bool:
    """Whether the sentence names one pair country and no other country or group, never as a
    partner ("US imports fell ...")."""
    ms = doc.partners_in(ctx.sentence)
    keys = {m.key for m in ms}
    return len(keys) == 1 and keys <= set(doc.pair) and not any(m.marked for m in ms)


def _period_age(doc: Doc, claim: Claim) -> str:
    """How many years the claim's period ends before the text's date (``<3``, ``>=3``)."""
    period = claim.to_json().get("period") or {}
    if doc.as_of is None or not period.get("end"):
        return "unknown"
    return ">=3" if doc.as_of.year - int(period["end"][:4]) >= FAR else "<3"


def signals(claim: Claim, ctx: Context) -> dict[str, str]:
    """The structural signals of one claim, each as a short value.

    Examples
    --------
    >>> t = "Belarus's exports to China rose 5% in 2024."
    >>> doc = Doc.read(t, t, "en", None, ("BLR", "CHN"))
    >>> [(c, x)] = claims_in_context(doc)
    >>> s = signals(c, x)
    >>> s["pair in clause"], s["sentences to both countries"], s["flow word in clause"]
    ('both', '0', 'yes')
    """
    doc, (cs, ce), (ss, se) = ctx.doc, ctx.clause, ctx.sentence
    yes = {True: "yes", False: "no"}
    partners = doc.partners_in(ctx.sentence)
    return {
        "pair in clause": _pair_in(doc, cs, ce),
        "pair in sentence": _pair_in(doc, ss, se),
        "sentences to both countries": _sentences_to_both(doc, ctx),
        "flow word in clause": yes[bool(doc.mentions.keywords.between(cs, ce))],
        "one pair country, as actor only, in sentence": yes[_actor_only(doc, ctx)],
        "pair country marked as partner in clause": yes[
            any(m.key in doc.pair and m.marked for m in doc.partners_in(ctx.clause))
        ],
        "world word in sentence": yes[any(m.key in P.WORLDS for m in partners)],
        "product word in clause": yes[bool(doc.cues_in("product", cs, ce))],
        "period end before text date": _period_age(doc, claim),
        "quantity": claim.quantity,
    }


def rows(folder: Path) -> Iterator[tuple[str, dict[str, str]]]:
    """``(category, signals)`` per parsed claim of the studied records of ``folder``."""
    for path in sorted(folder.glob("articles_*.jsonl")):
        for d in ev.read_records(path):
            if ev.is_blind(str(d["id"])):
                continue
            for claim, ctx in claims_in_context(read_doc(d)):
                yield category(d, claim.to_json()), signals(claim, ctx)


def table(counts: Counter[tuple[str, str, str]]) -> list[str]:
    """One line per signal and value: ``signal = value: right N  spurious M``."""
    keys = sorted({(s, v) for s, v, _ in counts})
    return [
        f"{s} = {v}: right {counts[(s, v, 'right')]}  spurious {counts[(s, v, 'spurious')]}"
        for s, v in keys
    ]


def conjunctions(found: list[tuple[str, dict[str, str]]], most: int) -> list[str]:
    """The conjunctions of up to ``most`` signal values (of different signals) under which
    spurious numbers outnumber right claims: ``a=x & b=y: right N  spurious M``.

    Examples
    --------
    >>> found = [("spurious", {"s": "1", "t": "a"}), ("right", {"s": "1", "t": "b"})]
    >>> conjunctions(found, 2)
    ['t=a: right 0  spurious 1', 's=1 & t=a: right 0  spurious 1']
    """
    by_cat: dict[tuple[tuple[str, str], ...], Counter[str]] = {}
    for cat, sig in found:
        items = sorted(sig.items())
        for n in range(1, most + 1):
            for combo in combinations(items, n):
                by_cat.setdefault(combo, Counter())[cat] += 1
    rows = [
        (c["spurious"] - c["right"], combo, c)
        for combo, c in by_cat.items()
        if c["spurious"] > c["right"]
    ]
    rows.sort(key=lambda r: (-r[0], len(r[1]), r[1]))
    return [
        " & ".join(f"{k}={v}" for k, v in combo) + f": right {c['right']}  spurious {c['spurious']}"
        for _, combo, c in rows
    ]


def main(argv: Sequence[str] | None = None) -> int:
    """Print the signal table of the given folders (studied parts only)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="+", type=Path)
    ap.add_argument("--combine", type=int, choices=(2, 3), default=None)
    args = ap.parse_args(argv)
    counts: Counter[tuple[str, str, str]] = Counter()
    found: list[tuple[str, dict[str, str]]] = []
    for folder in args.dirs:
        if not folder.is_dir():
            print(f"{folder}: expected a folder of articles_*.jsonl files", file=sys.stderr)
            return 2
        try:
            for cat, sig in rows(folder):
                counts.update((name, value, cat) for name, value in sig.items())
                found.append((cat, sig))
        except ev.EvalFileError as exc:
            print(exc, file=sys.stderr)
            return 2
    lines = table(counts) if args.combine is None else conjunctions(found, args.combine)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
