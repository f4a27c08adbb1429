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
    assert "studied  exact 1/1 = 100.0%" in out.stdout
    assert "direction 1/1" in out.stdout
    js = subprocess.run(
        [sys.executable, "-m", "tradecheck.eval", str(p), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(js.stdout)[0]["exact"] == 1
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


# --- constructed fixtures for a whole real-text folder (ids chosen for both parts of the split)
_BLIND_ID, _STUDIED_ID = "x1", "x3"
_ART_TEXT = (
    "In 2022 trade between Belarus and China reached $5.08 billion, up 33% year-on-year. "
    "The sides aim to bring trade to $10 billion by 2030."
)


def _folder(tmp_path: Path) -> Path:
    d = tmp_path / "real_text"
    d.mkdir()
    quotes = [
        {"id": _BLIND_ID, "lang": "en", "quote": _TEXT, "expected": _EXP_LEVEL},
        {"id": _STUDIED_ID, "lang": "en", "quote": _TEXT, "expected": _EXP_PCT},
        {
            "id": "x4",
            "lang": "en",
            "quote": _TEXT,
            "expected": dict(_EXP_LEVEL, direction="BLR->CHN"),
        },
    ]
    (d / "claims_x.jsonl").write_text(
        "\n".join(json.dumps(r) for r in quotes) + "\n", encoding="utf-8"
    )
    arts = [
        {"id": "T1", "lang": "en", "text": _ART_TEXT, "expected": [_EXP_LEVEL, _EXP_PCT]},
        {
            "id": "T2",
            "lang": "en",
            "text": _ART_TEXT,
            "expected": [_EXP_LEVEL],
            "undeterminable": [{"quantity": "pct_change", "value": 33}],
        },
        {"id": "T3", "lang": "en", "text": _ART_TEXT, "expected": [dict(_EXP_LEVEL, value=1e9)]},
    ]
    (d / "articles_x.jsonl").write_text(
        "\n".join(json.dumps(r) for r in arts) + "\n", encoding="utf-8"
    )
    und = [
        {
            "id": "T4",
            "lang": "en",
            "quote": "Trade grew by 12% last year.",
            "reason": "no pub_date",
        },
        {
            "id": "T5",
            "lang": "en",
            "quote": "Trade between Belarus and China reached $3 billion in 2021.",
            "reason": "period not stated",
        },
        {"id": "T6", "lang": "en", "quote": _TEXT, "reason": "period not stated"},
        {"id": _BLIND_ID, "lang": "en", "quote": "Nothing here.", "reason": "no figure"},
    ]
    (d / "undeterminable_x.jsonl").write_text(
        "\n".join(json.dumps(r) for r in und) + "\n", encoding="utf-8"
    )
    return d


def test_split_is_fixed_by_the_id_group():
    assert ev.is_blind(_BLIND_ID) and not ev.is_blind(_STUDIED_ID)
    assert ev.is_blind("x1a") == ev.is_blind("x1b") == ev.is_blind("x1")


def test_quote_file_reports_each_part(tmp_path):
    r = ev.evaluate(_folder(tmp_path) / "claims_x.jsonl")
    assert (r["blind"]["n"], r["blind"]["exact"]) == (1, 1)
    assert (r["studied"]["n"], r["studied"]["exact"]) == (2, 1)
    assert r["studied"]["by_lang"] == {"en": [1, 2]}
    assert r["studied"]["fields"]["direction"] == [1, 2]


def test_fields_are_scored_per_language(tmp_path):
    de_text = "Im Jahr 2022 erreichte der Handel zwischen Belarus und China 5,08 Mrd. US-Dollar."
    rows = [
        {"id": "q3", "lang": "en", "quote": _TEXT, "expected": _EXP_LEVEL},
        {"id": "q4", "lang": "de", "quote": de_text, "expected": dict(_EXP_LEVEL, value=1e9)},
    ]
    r = ev.evaluate(_write(tmp_path, rows))
    by_lang = r["studied"]["fields_by_lang"]
    assert by_lang["en"]["value"] == [1, 1] and by_lang["de"]["value"] == [0, 1]
    assert by_lang["de"]["direction"] == [1, 1]
    printed = "\n".join(ev.format_part(r, "studied"))
    assert "de: quantity 1/1, value 0/1" in printed and "en: quantity 1/1, value 1/1" in printed


def test_articles_recall_and_precision(tmp_path):
    r = ev.evaluate_articles(_folder(tmp_path) / "articles_x.jsonl")
    # T1 (blind): both labelled claims found, both parsed claims right
    assert (r["blind"]["found"], r["blind"]["n"]) == (2, 2)
    assert (r["blind"]["correct"], r["blind"]["parsed"]) == (2, 2)
    # T2: the percentage matches an undeterminable mention; T3: the level is wrong
    assert (r["studied"]["found"], r["studied"]["n"]) == (1, 2)
    assert (r["studied"]["correct"], r["studied"]["parsed"]) == (2, 4)
    assert r["studied"]["by_lang_precision"] == {"en": [2, 4]}
    assert [s["id"] for s in r["spurious"]] == ["T3", "T3"]
    assert (r["blind"]["numbers"], r["studied"]["numbers"]) == (2, 2)


def test_a_right_number_with_a_wrong_field_counts_as_a_labelled_number(tmp_path):
    # constructed: the text's level is labelled with another direction, its change is unlabelled
    art = {"id": "T3", "lang": "en", "text": _ART_TEXT}
    art["expected"] = [dict(_EXP_LEVEL, direction="BLR->CHN")]
    p = tmp_path / "articles_dir.jsonl"
    p.write_text(json.dumps(art) + "\n", encoding="utf-8")
    s = ev.evaluate_articles(p)["studied"]
    assert (s["correct"], s["numbers"], s["parsed"]) == (0, 1, 2)


def test_a_right_claim_that_guesses_an_undeterminable_field_is_counted(tmp_path):
    # constructed: the 33% change is labelled undeterminable because its period is open; the
    # reader sets the period (2022) without listing it as unsure, so the match is a guess
    art = {"id": "T3", "lang": "en", "text": _ART_TEXT, "expected": [_EXP_LEVEL]}
    art["undeterminable"] = [{"quantity": "pct_change", "value": 33, "reason": "period open"}]
    p = tmp_path / "articles_guess.jsonl"
    p.write_text(json.dumps(art) + "\n", encoding="utf-8")
    s = ev.evaluate_articles(p)["studied"]
    assert (s["correct"], s["parsed"], s["undet_guessed"]) == (2, 2, 1)
    # the same mention with a reason that names no field the claim sets is no guess
    art["undeterminable"][0]["reason"] = "a target"
    p.write_text(json.dumps(art) + "\n", encoding="utf-8")
    assert ev.evaluate_articles(p)["studied"]["undet_guessed"] == 1  # nothing unsure: "claim"


def test_undeterminable_counts_guesses(tmp_path):
    r = ev.evaluate_undeterminable(_folder(tmp_path) / "undeterminable_x.jsonl")
    assert r["blind"]["n"] == 1 and r["blind"]["guessed"] == 0
    s = r["studied"]
    # T4: no publication date, so no period can be resolved; the parser must not guess one
    lines = {ln["id"]: ln for ln in r["lines"]}
    assert "period" not in lines["T4"]["guessed"]
    # T5: a fully determined claim where the label says the period is unknown is a guess
    assert lines["T5"]["guessed"][:2] == ["claim", "period"]
    assert s["guessed_fields"]["period"] >= 1
    # T6: its claims are labelled for the same quote in claims_x.jsonl, so they are no guesses
    assert lines["T6"]["clean"]


def test_guessed_fields_respects_unsure():
    c = {"period": None, "direction": None, "unsure": ["period", "direction"]}
    assert ev.guessed_fields("exporter and period not stated", [c]) == []
    c2 = dict(c, direction="BLR->CHN", unsure=["period"])
    assert ev.guessed_fields("exporter not stated", [c2]) == ["direction"]


def test_folder_run_prints_blind_first_and_hides_blind_records(tmp_path):
    d = _folder(tmp_path)
    out = subprocess.run(
        [sys.executable, "-m", "tradecheck.eval", "--dir", str(d), "-v"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    names = [ln.split()[0] for ln in out.splitlines() if ln.endswith(")")]
    assert names == ["articles_x.jsonl", "claims_x.jsonl", "undeterminable_x.jsonl"]
    for block in out.split(".jsonl (")[1:]:
        assert block.index("blind") < block.index("studied")
    assert "MISS x4" in out and "x1" not in out and "SPURIOUS T3" in out
    js = json.loads(
        subprocess.run(
            [sys.executable, "-m", "tradecheck.eval", "--dir", str(d), "--json"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    assert [r["kind"] for r in js] == ["articles", "quotes", "undeterminable"]
    assert all(ln["part"] == "studied" for r in js for ln in r["lines"])


def test_missing_folder_is_one_line(tmp_path):
    bad = subprocess.run(
        [sys.executable, "-m", "tradecheck.eval", "--dir", str(tmp_path / "none")],
        check=False,
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 2 and "not a folder" in bad.stderr and "Traceback" not in bad.stderr


def test_default_folder_is_beside_the_repository():
    assert ev.default_dir().parts[-3:] == ("shared", "data", "real_text")
    assert ev.default_dir().parent.parent.parent == ev.paths.ROOT.parent


# --- per-pair figures for article files (constructed records; P1 and P3 are studied ids)
_RUS_TEXT = "In 2022 trade between Russia and China reached $190 billion, up 29% year-on-year."
_RUS_LEVEL = dict(_EXP_LEVEL, value=190e9)
_RUS_PCT = dict(_EXP_PCT, value=29)


def _pair_articles(tmp_path: Path) -> Path:
    arts = [
        {
            "id": "T2",
            "lang": "en",
            "text": _ART_TEXT,
            "expected": [_EXP_LEVEL],
            "undeterminable": [{"quantity": "pct_change", "value": 33}],
        },
        {
            "id": "P1",
            "lang": "en",
            "pair": "RUS-CHN",
            "text": _RUS_TEXT,
            "expected": [_RUS_LEVEL, _RUS_PCT],
        },
        {
            "id": "P3",
            "lang": "de",
            "pair": "RUS-CHN",
            "text": _RUS_TEXT,
            "expected": [dict(_RUS_LEVEL, value=100e9)],
        },
    ]
    p = tmp_path / "articles_pairs.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in arts) + "\n", encoding="utf-8")
    return p


def test_articles_are_scored_per_pair(tmp_path):
    assert not any(ev.is_blind(i) for i in ("T2", "P1", "P3"))
    s = ev.evaluate_articles(_pair_articles(tmp_path))["studied"]
    # P1: both claims found and right; P3: the labelled level is not in the text (0/1, 0/2)
    assert s["by_pair"] == {"BLR-CHN": [1, 1], "RUS-CHN": [2, 3]}
    assert s["by_pair_precision"] == {"BLR-CHN": [2, 2], "RUS-CHN": [2, 4]}
    assert s["by_lang"] == {"de": [0, 1], "en": [3, 3]}
    assert (s["found"], s["n"], s["correct"], s["parsed"]) == (3, 4, 4, 6)


def test_article_output_has_a_pair_line_after_the_language_line(tmp_path):
    lines = ev.format_result(ev.evaluate_articles(_pair_articles(tmp_path)))
    i = lines.index(
        "  studied  recall 3/4 = 75.0%, precision 4/6 = 66.7%; "
        "with a labelled number, other fields aside 4/6"
    )
    assert lines[i + 1].startswith("           by language: recall de 0/1, en 3/3;")
    assert lines[i + 2] == (
        "           by pair: recall BLR-CHN 1/1, RUS-CHN 2/3; precision BLR-CHN 2/2, RUS-CHN 2/4"
    )
    assert lines[i + 3].startswith("           fields: ")


def test_quote_files_print_no_pair_line(tmp_path):
    p = _write(tmp_path, [{"id": "a", "lang": "en", "quote": _TEXT, "expected": _EXP_LEVEL}])
    assert not any("by pair" in ln for ln in ev.format_result(ev.evaluate(p)))


def test_malformed_pair_is_one_line(tmp_path):
    p = tmp_path / "articles_bad.jsonl"
    row = {"id": "a", "lang": "en", "pair": "Russia-China", "text": _TEXT, "expected": []}
    p.write_text(json.dumps(row) + "\n", encoding="utf-8")
    with pytest.raises(ev.EvalFileError, match=r"line 1, field 'pair': expected two ISO3"):
        ev.evaluate_articles(p)
    bad = subprocess.run(
        [sys.executable, "-m", "tradecheck.eval", str(p)],
        check=False,
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 2 and "field 'pair'" in bad.stderr and "Traceback" not in bad.stderr
