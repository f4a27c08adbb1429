"""scripts/miss_stages.py on constructed records (our own sentences, constructed figures)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from tradecheck import eval as ev
from tradecheck.claims.context import Doc, contexts
from tradecheck.claims.parse import build_claim

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "miss_stages.py"

#: constructed texts, each with amounts the reader keeps and amounts it drops
TEXTS = [
    ("en", ("BLR", "CHN"), "In 2023 trade between Belarus and China grew 7% to $4.2 billion."),
    ("en", ("BLR", "CHN"), "The sides aim to bring trade to $10 billion by 2030."),
    (
        "en",
        ("PER", "CHN"),
        "Peru's deficit with China narrowed by $2 billion (12 percent) in 2021.",
    ),
    ("en", ("BLR", "CHN"), "Trade reached 5 billion in 2023; exports rose 3% and imports fell 2%."),
    ("de", ("DEU", "CHN"), "2022 stieg der Handel mit China um 9 Prozent auf 300 Mrd. Euro."),
    ("ru", ("BLR", "CHN"), "Товарооборот Беларуси и Китая в 2021 году вырос в 1,3 раза."),
]


@pytest.fixture(scope="module")
def ms():
    spec = importlib.util.spec_from_file_location("miss_stages", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules[spec.name] = mod  # its dataclass looks its module up while it is built
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize(("lang", "pair", "text"), TEXTS)
def test_the_trace_agrees_with_build_claim(ms, lang, pair, text):
    ctxs = contexts(Doc.read(text, text, lang, None, pair))
    assert ctxs
    for ctx in ctxs:
        assert (ms.step_of(ctx) == "built") == (build_claim(ctx) is not None), ctx.amount


def _studied_ids(n: int) -> list[str]:
    ids = [f"T{i}" for i in range(1, 40) if not ev.is_blind(f"T{i}")]
    return ids[:n]


def _record(rid: str, text: str, expected: list[dict]) -> dict:
    return {"id": rid, "lang": "en", "pair": "BLR-CHN", "text": text, "expected": expected}


def _level(value: float, span: str, currency: str = "USD") -> dict:
    return {"quantity": "level", "value": value, "currency": currency, "span": span,
            "direction": "both", "period": {"start": "2023-01", "end": "2023-12"},
            "base_period": None, "reporter": None}  # fmt: skip


def _write(folder: Path, records: list[dict]) -> Path:
    folder.mkdir()
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    (folder / "articles_constructed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_each_stage_on_constructed_records(ms, tmp_path):
    a, b, c, d = _studied_ids(4)
    records = [
        # found: no miss
        _record(a, "In 2023 trade between Belarus and China reached $4.2 billion.",
                [_level(4.2e9, "$4.2 billion")]),
        # a target: read, then dropped by the relevance step
        _record(b, "The sides aim to bring trade between Belarus and China to $10 billion by "
                "2030.", [_level(1e10, "$10 billion")]),
        # a scaled number and no currency anywhere: read without the currency it needs
        _record(c, "In 2023 trade between Belarus and China reached 5 billion.",
                [_level(5e9, "5 billion")]),
        # a value the text does not hold in any form the mentions read
        _record(d, "In 2023 trade between Belarus and China reached a record.",
                [_level(7e9, "a record")]),
    ]  # fmt: skip
    found = ms.studied_misses([_write(tmp_path / "set", records)])
    got = {m.record: (m.stage, m.step) for m in found}
    assert got == {
        b: ("2 dropped", "relevance"),
        c: ("1 not read", "currency not read"),
        d: ("1 not read", "not extracted"),
    }


def test_blind_records_are_skipped(ms, tmp_path):
    blind = next(f"T{i}" for i in range(1, 40) if ev.is_blind(f"T{i}"))
    rec = _record(blind, "In 2023 trade between Belarus and China reached a record.",
                  [_level(7e9, "a record")])  # fmt: skip
    assert ms.studied_misses([_write(tmp_path / "set", [rec])]) == []


def test_main_prints_counts_and_no_text(ms, tmp_path, capsys):
    (rid,) = _studied_ids(1)
    text = "In 2023 trade between Belarus and China reached a record."
    folder = _write(tmp_path / "set", [_record(rid, text, [_level(7e9, "a record")])])
    assert ms.main([str(folder), "--ids"]) == 0
    out = capsys.readouterr().out
    assert "not extracted" in out and "1 claims" in out and rid in out
    assert "record." not in out and "Belarus" not in out


def test_main_a_missing_folder_is_one_line_and_exit_2(ms, tmp_path, capsys):
    assert ms.main([str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "nowhere" in err[0] and "expected a folder" in err[0]
