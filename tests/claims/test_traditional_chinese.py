"""Traditional Chinese read as simplified: OpenCC's character table in the reader's
normalisation (``claims/_lang.py``). Texts are constructed paraphrases."""

from __future__ import annotations

import pytest

from tradecheck.claims import _lang
from tradecheck.claims import lexicon as L
from tradecheck.claims.parse import parse
from tradecheck.claims.partners import find_mentions


def _strings(value: object) -> list[str]:
    """Every string of a language file's words table, however nested."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def test_table_is_one_character_to_one_and_large():
    table = _lang._t2s()
    assert len(table) > 3000  # OpenCC's TSCharacters, not a hand-made list
    assert all(len(v) == 1 and chr(k) != v for k, v in table.items())


def test_normalise_keeps_length_of_every_traditional_character():
    every = "".join(map(chr, _lang._t2s()))
    assert len(_lang.normalise(every)) == len(every)
    assert _lang.normalise("韓協貿易進口") == "韩协贸易进口"


@pytest.mark.parametrize("lang", L.languages())
def test_no_word_of_a_language_file_is_changed(lang):
    """A simplified word the map would change could never match a normalised text."""
    changed = [w for w in _strings(L.load(lang)["words"]) if _lang.normalise(w) != w]
    assert changed == []


def test_mentions_keep_their_positions_in_traditional_text():
    trad = "2021年，中韓雙邊貿易額約為3623億美元。"
    simp = "2021年，中韩双边贸易额约为3623亿美元。"
    pair = ("KOR", "CHN")
    spans = [(m.key, m.start, m.end) for m in find_mentions(_lang.normalise(trad), pair)]
    assert spans == [(m.key, m.start, m.end) for m in find_mentions(simp, pair)]
    assert ("KOR", 7, 8) in spans and trad[7] == "韓"


def test_traditional_text_parses_like_its_simplified_form():
    trad = "據韓國海關統計，2023年韓國對華出口額為1248億美元，同比減少19.9%。"
    simp = "据韩国海关统计，2023年韩国对华出口额为1248亿美元，同比减少19.9%。"
    got_t = [c.to_json() for c in parse(trad, lang="zh", pair=("KOR", "CHN"))]
    got_s = [c.to_json() for c in parse(simp, lang="zh", pair=("KOR", "CHN"))]
    assert [c["reporter"] for c in got_t] == ["KOR", "KOR"]
    keys = ("quantity", "value", "direction", "reporter", "period", "base_period", "bound")
    assert [{k: c[k] for k in keys} for c in got_t] == [{k: c[k] for k in keys} for c in got_s]
    assert all(c["span"] in trad for c in got_t)  # spans are cut from the original text
