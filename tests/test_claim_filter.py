"""scripts/claim_filter_*.py and scripts/train_claim_filter.py on constructed records (our own
sentences, constructed figures): the features, the labels eval gives, the fit, the threshold
rule and the acceptance test of the learned claim filter."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from tradecheck import eval as ev
from tradecheck.claims.context import contexts
from tradecheck.claims.parse import claims_in_context, claims_of, read_doc

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"
sys.path.insert(0, str(SCRIPTS))

import claim_filter_data as D  # noqa: E402
import claim_filter_features as F  # noqa: E402
import train_claim_filter as T  # noqa: E402

#: constructed articles (ids L9-3 is blind by ``eval.is_blind``; it must never be read)
RECORDS = [
    {
        "id": "L9-1",
        "lang": "en",
        "pub_date": "2024-03-01",
        "text": "In 2023 Belarus's exports to China rose 7% to $1.2 billion. "
        "Minsk also plans to build 40 schools.",
        "expected": [
            {"quantity": "pct_change", "value": 7, "direction": "BLR->CHN",
             "period": {"start": "2023-01", "end": "2023-12"},
             "base_period": {"start": "2022-01", "end": "2022-12"}},
        ],
    },
    {
        "id": "L9-3",
        "lang": "en",
        "pub_date": "2024-03-01",
        "text": "In 2023 trade between Belarus and China reached $9.9 billion.",
        "expected": [],
    },
]  # fmt: skip


def _doc_pairs(text: str) -> list:
    doc = read_doc(text, as_of="2024-03-01", pair=("BLR", "CHN"))
    return claims_in_context(contexts(doc))


def test_claims_in_context_keeps_claims_of() -> None:
    text = "In 2023 Belarus's exports to China rose 7% to $1.2 billion; imports fell 2%."
    doc = read_doc(text, as_of="2024-03-01", pair=("BLR", "CHN"))
    pairs = claims_in_context(contexts(doc))
    assert [c for c, _ in pairs] == claims_of(contexts(doc))
    assert all(ctx.amount.start <= text.index(c.written) + 1 for c, ctx in pairs)


def test_features_of_a_constructed_paraphrase() -> None:
    (c, ctx), *_ = _doc_pairs("In 2023 Belarus's exports to China rose 7% to $1.2 billion.")
    x = dict(zip(F.FEATURE_NAMES, F.features(c, ctx), strict=True))
    assert x["quantity=pct_change"] == 1.0 and x["quantity=level"] == 0.0
    assert x["direction=first_to_second"] == 1.0
    assert x["pair_0_in_clause"] == x["pair_1_in_sentence"] == 1.0
    assert x["other_countries_in_sentence"] == 0.0
    assert x["export@clause"] == 1.0 and x["import@sentence"] == 0.0
    assert x["headline"] == 1.0


def test_features_count_other_countries_and_lead_position() -> None:
    text = "Trade news. Belarus and China met. Russia and Kazakhstan traded goods worth $3 billion."
    x = [dict(zip(F.FEATURE_NAMES, F.features(c, ctx), strict=True)) for c, ctx in _doc_pairs(text)]
    assert all(len(v) == len(F.FEATURE_NAMES) for v in x)
    for v in x:
        assert v["other_countries_in_sentence"] > 0 and v["lead"] == 1.0


def test_table_labels_studied_records_with_eval(tmp_path: Path) -> None:
    folder = tmp_path / "real_text_z"
    folder.mkdir()
    path = folder / "articles_z.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    assert ev.is_blind("L9-3") and not ev.is_blind("L9-1")
    table = D.build([folder])
    assert {r["id"] for r in table.records} == {"L9-1"}
    d = ev.read_records(path)[0]
    assert table.y == [int(ok) for ok in ev._article_record(d)[1]]
    assert 1 in table.y and len(table.x[0]) == len(F.FEATURE_NAMES)
    assert set(table.set_of_row) == {"Z"}
    assert T.recall(table, "Z", np.ones(len(table.y), bool)) == (1, 1)
    assert T.recall(table, "Z", np.zeros(len(table.y), bool)) == (0, 1)


def test_fit_learns_a_separable_signal() -> None:
    rng = np.random.default_rng(0)
    x = rng.integers(0, 2, size=(400, 3)).astype(float)
    y = x[:, 0]
    w = T.fit(x, y, lam=1.0)
    assert w[0] > 2 and abs(w[1]) < 1
    assert T.auc(T.predict(w, x), y) == 1.0


def test_threshold_drops_only_where_it_gains() -> None:
    p = np.array([0.1, 0.2, 0.3, 0.8, 0.9])
    y = np.array([0, 0, 1, 1, 1])
    assert T.threshold(p, y, cost=3.0) == pytest.approx(0.3)  # drops the two spurious ones
    assert T.threshold(np.array([0.1, 0.9]), np.array([1, 0]), cost=3.0) == 0.0  # drops nothing


def _held(right_dropped: int, spurious_dropped: int) -> dict[str, float]:
    return {
        "right_dropped": right_dropped,
        "spurious_dropped": spurious_dropped,
        "right": 80,
        "parsed": 100,
        "kept": 100 - right_dropped - spurious_dropped,
        "right_kept": 80 - right_dropped,
    }


def test_acceptance_test() -> None:
    good = {s: _held(0, 3) for s in "ABCDEFGHI"}
    assert T.accepted(good)[0]
    assert not T.accepted({s: _held(0, 0) for s in "ABCDEFGHI"})[0]  # nothing removed
    assert not T.accepted({**good, "A": _held(3, 12)})[0]  # one set loses three right claims
    assert not T.accepted({**good, **{s: _held(2, 1) for s in "ABCD"}})[0]  # 19 for 8: below 3


def test_missing_folder_is_one_line_and_exit_2(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, str(SCRIPTS / "train_claim_filter.py"), str(tmp_path / "absent")],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 2
    assert len(out.stderr.strip().splitlines()) == 1 and "absent" in out.stderr


def test_recall_side_revives_a_relevance_drop_and_scores_it() -> None:
    import claim_filter_recall as R

    text = "Belarus signed export contracts with China worth $1.2 billion in 2023."
    doc = read_doc(text, as_of="2024-03-01", pair=("BLR", "CHN"))
    (ctx,) = contexts(doc)
    assert R._safe_step(ctx) == "relevance"
    claim = R.revived(ctx, "relevance")
    assert claim is not None and claim.value == pytest.approx(1.2e9)
    assert claims_of(contexts(doc)) == []  # the revival changes nothing in the reader
    d = {"id": "L9-1", "lang": "en", "pub_date": "2024-03-01", "_text": text, "expected": []}
    assert R.outcome(d, claim) == "spurious"
    label = {
        "quantity": "level",
        "value": 1.2e9,
        "direction": "BLR->CHN",
        "period": claim.to_json()["period"],
    }
    assert R.outcome({**d, "expected": [label]}, claim) == "gain"
