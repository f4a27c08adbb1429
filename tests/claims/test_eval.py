"""The parser evaluation (python -m tradecheck.eval)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tradecheck import eval as ev

_EXP_LEVEL = {
    "quantity": "level",
    "value": 5080000000,
    "currency": "USD",
    "bound": "eq",
    "direction": "both",
    "reporter": None,
    "period": {"start": "2022-01", "end": "2022-12"},
    "base_period": None,
    "scope": "goods",
}
_EXP_PCT = dict(
    _EXP_LEVEL,
    quantity="pct_change",
    value=33,
    currency=None,
    base_period={"start": "2021-01", "end": "2021-12"},
)
_TEXT = "In 2022 trade between Belarus and China reached $5.08 billion, up 33% year-on-year."


def _write(tmp_path: Path, rows: list[dict]) -> Path:
    p = tmp_path / "dev.jsonl"
    p.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8"
    )
    return p


def test_field_matches_change_classes_compare_implied_ratio():
    got = dict(_EXP_PCT, quantity="ratio", value=1.33)
    m = ev.field_matches(_EXP_PCT, got)
    assert m["quantity"] and m["value"]
    m = ev.field_matches(_EXP_PCT, dict(got, value=1.34))
    assert not m["value"]


def test_field_matches_money_tolerance_and_reporter_only_when_labelled():
    m = ev.field_matches(_EXP_LEVEL, dict(_EXP_LEVEL, value=5.1e9, reporter="CHN"))
    assert m["value"] and m["reporter"] is None and m["base_period"] is None
    assert not ev.field_matches(_EXP_LEVEL, dict(_EXP_LEVEL, value=5.2e9))["value"]
    m = ev.field_matches(dict(_EXP_LEVEL, reporter="BLR"), dict(_EXP_LEVEL, reporter="CHN"))
    assert m["reporter"] is False


def test_evaluate_scores_best_match_and_counts_extra(tmp_path):
    rows = [
        {"id": "a", "lang": "en", "quote": _TEXT, "expected": _EXP_LEVEL},
        {"id": "b", "lang": "en", "quote": _TEXT, "expected": _EXP_PCT},
        {
            "id": "c",
            "lang": "en",
            "quote": _TEXT,
            "expected": dict(_EXP_LEVEL, direction="BLR->CHN"),
        },
    ]
    r = ev.evaluate(_write(tmp_path, rows))
    assert r["n"] == 3 and r["exact"] == 2
    assert r["fields"]["direction"] == [2, 3]
    assert r["extra"] == 0 and r["parsed"] == 2
    assert [ln["exact"] for ln in r["lines"]] == [True, True, False]


def test_evaluate_uses_pub_date(tmp_path):
    rows = [
        {
            "id": "a",
            "lang": "en",
            "pub_date": "2023-03-01",
            "quote": "Last year trade reached $5.08 billion.",
            "expected": _EXP_LEVEL,
        }
    ]
    assert ev.evaluate(_write(tmp_path, rows))["exact"] == 1


def test_missing_parse_is_a_miss(tmp_path):
    rows = [{"id": "a", "lang": "en", "quote": "Nothing here.", "expected": _EXP_LEVEL}]
    r = ev.evaluate(_write(tmp_path, rows))
    assert r["exact"] == 0 and r["fields"]["quantity"] == [0, 1]


@pytest.mark.parametrize(
    ("content", "msg"),
    [
        ("{not json", "line 1: not JSON"),
        ('{"quote": "x"}', "expected"),
        ('{"expected": {}}', "quote"),
    ],
)
def test_malformed_file(tmp_path, content, msg):
    p = tmp_path / "bad.jsonl"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(ev.EvalFileError, match=msg):
        ev.evaluate(p)


def test_command_line(tmp_path):
    p = _write(tmp_path, [{"id": "a", "lang": "en", "quote": _TEXT, "expected": _EXP_LEVEL}])
    out = subprocess.run(
        [sys.executable, "-m", "tradecheck.eval", str(p)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "exact match 1/1 = 100.0%" in out.stdout
    assert "direction" in out.stdout
    js = subprocess.run(
        [sys.executable, "-m", "tradecheck.eval", str(p), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(js.stdout)["exact"] == 1
    bad = subprocess.run(
        [sys.executable, "-m", "tradecheck.eval", str(tmp_path / "nope.jsonl")],
        check=False,
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 2 and "cannot read" in bad.stderr and "Traceback" not in bad.stderr


def test_own_corpus_scores_fully():
    r = ev.evaluate(Path(__file__).with_name("corpus.jsonl"))
    assert r["n"] >= 130 and r["exact"] == r["n"] and r["extra"] == 0


def test_bound_counts_only_in_strict(tmp_path):
    rows = [{"id": "a", "lang": "en", "quote": _TEXT, "expected": dict(_EXP_LEVEL, bound="approx")}]
    r = ev.evaluate(_write(tmp_path, rows))
    assert r["exact"] == 1 and r["strict"] == 0 and r["fields"]["bound"] == [0, 1]
