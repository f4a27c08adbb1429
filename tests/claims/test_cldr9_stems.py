"""Stems of CLDR country names in -ия/-ія/-ыя/-ia (ru, uk, be, pl) that would be too short
for the ordinary stem rule (:data:`tradecheck.countries._SOFT`): the stem keeps its -и-
and takes a case ending. Every sentence here is constructed."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tradecheck import countries as C
from tradecheck.claims import reporters as R
from tradecheck.claims._lang import normalise

SLAVIC = ("ru", "uk", "be", "pl")


@pytest.mark.parametrize(
    ("name", "lang", "cases", "not_names"),
    [
        ("Кения", "ru", ["Кения", "Кении", "Кению", "Кенией"], ["Кени", "Кенийский"]),
        ("Кенія", "uk", ["Кенія", "Кенії", "Кенію", "Кенією"], ["Кені"]),
        ("Данія", "uk", ["Данія", "Данії", "Данією"], ["Дані"]),  # uk "Дані" = data
        ("Кенія", "be", ["Кенія", "Кеніі", "Кенію", "Кеніяй"], ["Кені"]),
        ("Kenia", "pl", ["Kenia", "Kenii", "Kenią", "Kenię"], ["Keni"]),
        ("Dania", "pl", ["Dania", "Danii", "Danią"], ["Dani"]),  # pl "Dani" = Danes
    ],
)
def test_a_short_name_in_ia_matches_its_cases_not_its_bare_stem(name, lang, cases, not_names):
    rx = re.compile(C.name_source(name, lang), re.IGNORECASE)
    assert [bool(rx.fullmatch(x)) for x in cases] == [True] * len(cases)
    assert not any(rx.fullmatch(x) for x in not_names)


def _soft_names() -> list[tuple[str, str, str]]:
    """(language, ISO3, CLDR name) of every name the -ия rule stems."""
    out = []
    for lang in SLAVIC:
        for iso, name in C.cldr_names(lang).items():
            name = normalise(name)
            if C.name_source(name, lang) and C.stem(name, lang) == name:
                if C._soft_stem(name, lang):
                    out.append((lang, iso, name))
    return out


def test_the_ia_rule_covers_every_slavic_language_and_keeps_four_letters():
    names = _soft_names()
    assert {lang for lang, *_ in names} == set(SLAVIC)
    assert all(len(C._soft_stem(name, lang)) >= 4 for lang, _, name in names)


def test_no_ia_stem_matches_an_ordinary_word_of_the_corpus():
    """No such name, its capital aside, matches a word the own corpus writes in lower case:
    an ordinary word, which a sentence start would capitalise (a bare uk stem "Дані" would
    match "дані" = data; "Кени[яиюе]" matches no word)."""
    corpus = Path(__file__).with_name("corpus.jsonl").read_text(encoding="utf-8")
    texts = [normalise(json.loads(line)["text"]) for line in corpus.splitlines() if line]
    lower = {w for t in texts for w in re.findall(r"\w+", t) if w[:1].islower()}
    assert "дані" in lower, "the check needs ordinary words of every language"
    for lang, iso, name in _soft_names():
        rx = re.compile(C.name_source(name, lang).replace("(?-i:", "(?:"), re.IGNORECASE)
        assert not [w for w in lower if rx.fullmatch(w)], (lang, iso)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("по данным таможни Кении", "KEN"),
        ("по данным таможни Ливии", "LBY"),
        ("за даними митниці Кенії", "KEN"),
        ("według danych Kenii", "KEN"),
    ],
)
def test_a_customs_cue_names_an_unlisted_country_in_a_case_form(text, key):
    assert [k for *_, k in R._built_hits(text)] == [key]
