"""tradecheck.eval_periods: default period rules scored on labelled articles.

The records here are constructed (our own sentences in the layout of the shared
articles_real_a.jsonl), so these tests run always and never read ../shared.
"""

from __future__ import annotations

import json
from pathlib import Path

from tradecheck import eval_periods as ep


def _claim(span: str, value: float, period: tuple[str, str]) -> dict:
    return {
        "cid": span[:8],
        "span": span,
        "quantity": "level",
        "value": value,
        "currency": "USD",
        "bound": "eq",
        "direction": "DEU->CHN",
        "reporter": None,
        "period": {"start": period[0], "end": period[1]},
        "base_period": None,
        "scope": "goods",
    }


#: constructed records: a dated text whose second sentence names no period (P8-01), an undated
#: one with no period anywhere (P8-02), and a blind one (P8-05) that must not be counted
RECORDS = [
    {
        "id": "P8-01",
        "lang": "en",
        "pair": "DEU-CHN",
        "pub_date": "2024-07-01",
        "text": "Trade between Germany and China grew in January-May 2024. "
        "Exports to China were $5 billion.",
        "expected": [_claim("Exports to China were $5 billion", 5e9, ("2024-01", "2024-05"))],
    },
    {
        "id": "P8-02",
        "lang": "en",
        "pair": "DEU-CHN",
        "pub_date": None,
        "text": "Germany said exports to China were $3 billion.",
        "expected": [_claim("exports to China were $3 billion", 3e9, ("2023-01", "2023-12"))],
    },
    {
        "id": "P8-05",
        "lang": "en",
        "pair": "DEU-CHN",
        "pub_date": "2020-03-01",
        "text": "Exports to China were $4 billion.",
        "expected": [_claim("Exports to China were $4 billion", 4e9, ("2019-01", "2019-12"))],
    },
]


def _records() -> list[dict]:
    return [dict(r, _text=r["text"]) for r in RECORDS]


def test_tally_scores_each_rule_on_studied_records_only():
    t = ep.tally(_records())
    assert t[("reader", "all")] == {"right": 1, "null": 1}
    assert t[("last_earlier", "all")] == {"right": 1, "null": 1}
    assert t[("first_in_text", "all")] == {"right": 1, "null": 1}
    assert t[("publication_year", "all")] == {"wrong": 1, "null": 1}
    assert t[("year_before", "all")] == {"wrong": 1, "null": 1}
    assert t[("null", "en")] == {"null": 2}


def test_a_sentence_with_its_own_period_is_not_counted():
    r = dict(RECORDS[0], text="Exports to China were $5 billion in January-May 2024.")
    r["expected"] = [_claim("Exports to China were $5 billion", 5e9, ("2024-01", "2024-05"))]
    assert ep.tally([dict(r, _text=r["text"])]) == {}


def test_main_prints_counts_and_rejects_a_bad_date(tmp_path: Path, capsys):
    good = tmp_path / "good"
    good.mkdir()
    lines = "\n".join(json.dumps(r) for r in RECORDS)
    (good / "articles_x.jsonl").write_text(lines + "\n", encoding="utf-8")
    assert ep.main(["--dir", str(good)]) == 0
    out = capsys.readouterr().out
    assert ["reader", "all", "1", "0", "1"] in [ln.split() for ln in out.splitlines()]
    assert "Exports" not in out  # counts only, no record text
    bad = tmp_path / "bad"
    bad.mkdir()
    rec = dict(RECORDS[0], pub_date="2024-13-45")
    (bad / "articles_x.jsonl").write_text(json.dumps(rec) + "\n", encoding="utf-8")
    assert ep.main(["--dir", str(bad)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "P8-01" in err[0] and "pub_date" in err[0]
