"""The training table of the learned claim filter: one row per parsed claim of every STUDIED
article record (``tradecheck.eval.is_blind`` false) of the given real-text folders.

Each folder is one set (named by the folder); its ``articles_*.jsonl`` files are read as
``python -m tradecheck.eval`` reads them, each studied record parsed as eval parses it
(``eval.record_doc`` and the reader's own steps), and every parsed claim labelled right or
wrong by eval's own matching (``eval._article_record``: right = counted towards precision).
Blind records are dropped by id before anything else is looked at, and never counted.

The table holds features (``claim_filter_features.features``), labels and, per record, what eval
needs to score a filtered subset again (labelled claims and the parsed claims' JSON), never
the record's text.

Usage: ``python scripts/claim_filter_data.py OUT.pkl FOLDER...`` (exit 2 naming a missing folder).
"""

from __future__ import annotations

import json
import pickle
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claim_filter_features import FEATURE_NAMES, features

from tradecheck import eval as E
from tradecheck.claims.context import contexts
from tradecheck.claims.parse import claims_in_context

#: the record fields eval needs to score claims again (no text)
_KEEP = ("id", "lang", "pair", "expected", "undeterminable")


@dataclass
class Table:
    """Rows (one per parsed claim) and records (one per studied article)."""

    names: tuple[str, ...] = FEATURE_NAMES
    x: list[list[float]] = field(default_factory=list)
    y: list[int] = field(default_factory=list)
    set_of_row: list[str] = field(default_factory=list)
    record_of_row: list[int] = field(default_factory=list)
    records: list[dict[str, Any]] = field(default_factory=list)


def set_name(folder: Path) -> str:
    """The set a folder holds: ``real_text_b`` -> ``B``; the shared folder -> ``A``."""
    name = folder.name
    return name.rsplit("_", 1)[-1].upper() if name.startswith("real_text_") else "A"


def check_folders(folders: list[str]) -> list[Path]:
    """The folders as paths; one line and exit 2 when one is absent or holds no article file."""
    out = []
    for f in folders:
        p = Path(f)
        if not p.is_dir() or not list(p.glob("articles_*.jsonl")):
            print(
                f"{f}: expected a folder of labelled real text with articles_*.jsonl files",
                file=sys.stderr,
            )
            sys.exit(2)
        out.append(p)
    return out


def studied_records(folder: Path) -> list[dict[str, Any]]:
    """The studied records of a folder's article files (blind ones dropped by id first)."""
    out = []
    for f in sorted(folder.glob("articles_*.jsonl")):
        out += [d for d in E.read_records(f) if not E.is_blind(str(d["id"]))]
    return out


def add_record(table: Table, set_name: str, d: dict[str, Any]) -> None:
    """Parse one studied record, label its claims with eval's matching, add its rows."""
    got = E.parsed(d)
    _lines, correct = E._article_record(d)
    pairs = claims_in_context(contexts(E.record_doc(d)))
    same = [json.dumps(c.to_json(), ensure_ascii=False, sort_keys=True) for c, _ in pairs]
    want = [json.dumps(g, ensure_ascii=False, sort_keys=True) for g in got]
    if same != want:
        raise SystemExit(f"record {d['id']}: the reader's claims differ from eval's parse")
    table.records.append({**{k: d.get(k) for k in _KEEP}, "_set": set_name, "_got": got})
    for (c, ctx), ok in zip(pairs, correct, strict=True):
        table.x.append(features(c, ctx))
        table.y.append(int(ok))
        table.set_of_row.append(set_name)
        table.record_of_row.append(len(table.records) - 1)


def build(folders: list[Path]) -> Table:
    """The table of every studied article record of ``folders``."""
    table = Table()
    for folder in folders:
        name = set_name(folder)
        for d in studied_records(folder):
            add_record(table, name, d)
        n = table.set_of_row.count(name)
        right = sum(y for y, s in zip(table.y, table.set_of_row, strict=True) if s == name)
        print(f"set {name}: {n} parsed claims on studied records, {right} right", file=sys.stderr)
    return table


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print("usage: claim_filter_data.py OUT.pkl FOLDER...", file=sys.stderr)
        return 2
    table = build(check_folders(argv[1:]))
    Path(argv[0]).write_bytes(pickle.dumps(table))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
