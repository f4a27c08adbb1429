"""scripts/partner_signals.py on constructed records (the signals of the pair-relevance study)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "partner_signals.py"


@pytest.fixture(scope="module")
def ps():
    spec = importlib.util.spec_from_file_location("partner_signals", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


def _record(rid: str, text: str, expected: list[dict]) -> dict:
    return {"id": rid, "pair": "BLR-CHN", "lang": "en", "text": text, "expected": expected}


def test_signals_of_a_pair_claim_and_of_a_continuation(ps):
    # constructed: a pair figure, then a bare figure one sentence later
    t = "Trade between Belarus and China rose 5% in 2024. Exports were up 7%."
    doc = ps.Doc.read(t, t, "en", None, ("BLR", "CHN"))
    sig = {c.value: ps.signals(c, x) for c, x in ps.claims_in_context(doc)}
    assert sig[5.0]["pair in clause"] == "both"
    assert sig[5.0]["sentences to both countries"] == "0"
    assert sig[7.0]["pair in sentence"] == "none"
    assert sig[7.0]["sentences to both countries"] == "1"
    assert sig[7.0]["flow word in clause"] == "yes"


def test_actor_only_and_distance_on_contexts(ps):
    # constructed: one country's own flow, two sentences after the pair is named
    t = "Belarus and China signed a deal. Talks went on. Belarus's imports fell 3% in 2024."
    doc = ps.Doc.read(t, t, "en", None, ("BLR", "CHN"))
    [ctx] = ps.contexts(doc)
    assert ps._actor_only(doc, ctx)
    assert ps._sentences_to_both(doc, ctx) == "2"
    t2 = "Belarus's exports to China fell 3% in 2024."
    doc2 = ps.Doc.read(t2, t2, "en", None, ("BLR", "CHN"))
    [ctx2] = ps.contexts(doc2)
    assert not ps._actor_only(doc2, ctx2)
    assert ps._pair_in(doc2, *ctx2.clause) == "both"


def test_category_right_spurious_misread(ps):
    d = _record(
        "X1",
        "constructed",
        [
            {
                "quantity": "pct_change",
                "value": 5.0,
                "direction": "BLR->CHN",
                "period": {"start": "2024-01", "end": "2024-12"},
                "base_period": {"start": "2023-01", "end": "2023-12"},
            }
        ],
    )
    right = dict(d["expected"][0])
    assert ps.category(d, right) == "right"
    assert ps.category(d, {**right, "direction": "CHN->BLR"}) == "misread"
    assert ps.category(d, {**right, "value": 7.0}) == "spurious"


def test_main_counts_studied_records_and_rejects_a_missing_folder(ps, tmp_path, capsys):
    from tradecheck import eval as ev

    ids = [f"C{i:03d}" for i in range(30)]
    studied = next(i for i in ids if not ev.is_blind(i))
    text = "Constructed: in 2024 trade between Belarus and China reached $8 billion."
    exp = {
        "quantity": "level",
        "value": 8e9,
        "currency": "USD",
        "direction": "both",
        "period": {"start": "2024-01", "end": "2024-12"},
        "base_period": None,
    }
    (tmp_path / "articles_x.jsonl").write_text(
        json.dumps(_record(studied, text, [exp])) + "\n", encoding="utf-8"
    )
    assert ps.main([str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "pair in clause = both: right 1  spurious 0" in out
    assert ps.main([str(tmp_path / "missing")]) == 2
    assert "expected a folder" in capsys.readouterr().err


def test_conjunctions_keep_only_where_spurious_outnumber_right(ps):
    found = [
        ("spurious", {"a": "x", "b": "y"}),
        ("spurious", {"a": "x", "b": "z"}),
        ("right", {"a": "x", "b": "y"}),
        ("right", {"a": "w", "b": "y"}),
        ("misread", {"a": "x", "b": "z"}),
    ]
    assert ps.conjunctions(found, 2) == [
        "a=x: right 1  spurious 2",
        "b=z: right 0  spurious 1",
        "a=x & b=z: right 0  spurious 1",
    ]
    assert ps.conjunctions(found, 1) == ["a=x: right 1  spurious 2", "b=z: right 0  spurious 1"]
