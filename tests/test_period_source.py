"""scripts/period_source.py on constructed texts (our own sentences, constructed figures)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from tradecheck.claims.parse import read_doc

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "period_source.py"


@pytest.fixture(scope="module")
def ps():
    spec = importlib.util.spec_from_file_location("period_source", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


def _doc(text: str):
    return read_doc(text, as_of=None, lang="en", pair=("BLR", "CHN"))


Y21 = ("2021-01", "2021-12")


def test_own_sentence(ps):
    d = _doc("Exports from Belarus to China were $5 billion in 2021.")
    assert ps.place(d, d.sents[0], Y21, {"start": "2022-01", "end": "2022-12"}) == "own"


def test_earlier_with_another_period_between(ps):
    d = _doc("In 2021 trade grew. In 2019 it fell. Exports were $5 billion.")
    assert ps.place(d, d.sents[2], Y21, {"start": "2019-01", "end": "2019-12"}) == (
        "earlier: took one between"
    )


def test_earlier_across_a_paragraph_and_by_an_anaphor(ps):
    d = _doc("In 2021 trade grew.\nExports were $5 billion.")
    assert ps.place(d, d.sents[1], Y21, {"start": "2022-01", "end": "2022-12"}) == (
        "earlier: across paragraph"
    )
    d = _doc("In 2021 trade grew. Exports were $5 billion in the same period.")
    assert ps.place(d, d.sents[1], Y21, {"start": "2022-01", "end": "2022-12"}) == (
        "earlier: anaphor"
    )


def test_later_lead_next_and_not_written(ps):
    d = _doc("Exports top $5 billion. In 2021 exports grew.")
    assert ps.place(d, d.sents[0], Y21, None) == "later: lead"
    d = _doc("In 2020 trade fell. Exports were $5 billion. In 2021 exports grew.")
    assert ps.place(d, d.sents[1], Y21, None) == "later: next"
    assert ps.place(d, d.sents[1], ("2018-01", "2018-12"), None) == "not written"


@pytest.mark.parametrize(("rid", "listed"), [("X1", True), ("carry10-ps-1", False)])
def test_main_counts_studied_records_only(ps, tmp_path, capsys, rid, listed):
    # constructed record labelled 2021; the reader carries 2019, written between; the id
    # "carry10-ps-1" falls in the blind part (tradecheck.eval.is_blind) and is skipped
    rec = {
        "id": rid,
        "lang": "en",
        "pair": "BLR-CHN",
        "text": "In 2021 trade grew. In 2019 it fell. Exports from Belarus to China were "
        "$5 billion.",
        "expected": [
            {"cid": "c1", "quantity": "level", "value": 5e9, "currency": "USD", "bound": "eq",
             "direction": "BLR->CHN", "reporter": None, "period": {"start": "2021-01",
             "end": "2021-12"}, "base_period": None, "scope": "goods"}
        ],
    }  # fmt: skip
    (tmp_path / "articles_x.jsonl").write_text(json.dumps(rec) + "\n", encoding="utf-8")
    assert ps.main([str(tmp_path), "--ids"]) == 0
    out = capsys.readouterr().out
    assert ("earlier: took one between" in out) is listed
    assert ("c1" in out) is listed


def test_main_rejects_a_missing_folder(ps, tmp_path, capsys):
    assert ps.main([str(tmp_path / "nope")]) == 2
    assert "expected a folder" in capsys.readouterr().err
