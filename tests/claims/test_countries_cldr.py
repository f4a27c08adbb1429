"""Country names of every ISO 3166 country in every reader language, from CLDR (babel): the
``{c}`` templates and the partner check for countries the language files do not list.
Every text here is a constructed sentence.

Stems of CLDR country names in -ия/-ія/-ыя/-ia (ru, uk, be, pl) that would be too short for
the ordinary stem rule (:data:`tradecheck.countries._SOFT`): the stem keeps its -и- and takes a
case ending."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pycountry
import pytest

from tradecheck import countries as C
from tradecheck.claims import lexicon as L
from tradecheck.claims import reporters as R
from tradecheck.claims._lang import normalise
from tradecheck.claims.parse import parse
from tradecheck.claims.partners import fallback_pattern, find_mentions

#: countries none of the language files listed when CLDR names were added (issue 13)
UNLISTED = ("HUN", "CZE", "ESP", "ARG", "CHL", "NGA", "PHL", "SGP")
BLR_CHN = ("BLR", "CHN")


def _keys(text: str, pair: tuple[str, str] = BLR_CHN) -> list[str]:
    return [m.key for m in find_mentions(text, pair)]


@pytest.mark.parametrize("lang", C.READER_LANGS)
def test_cldr_names_every_country_in_every_reader_language(lang):
    names = C.cldr_names(lang)
    assert len(names) >= 245 and set(names) <= {c.alpha_3 for c in pycountry.countries}
    assert all(names.get(iso) for iso in UNLISTED)


@pytest.mark.parametrize(
    ("name", "lang", "stem"),
    [
        ("Аргентина", "ru", "Аргентин"),
        ("Угорщина", "uk", "Угорщин"),
        ("Венгрыя", "be", "Венгры"),
        ("Argentyna", "pl", "Argentyn"),
        ("Данія", "uk", "Данія"),  # the stem "Дані" is a word ("data"): kept whole
        ("Dania", "pl", "Dania"),
        ("Argentinien", "de", "Argentinien"),  # German names take no case endings
        ("Нова Зеландія", "uk", "Нова Зеландія"),  # names of several words as written
    ],
)
def test_stem_takes_the_ending_off_inflected_names_only(name, lang, stem):
    assert C.stem(name, lang) == stem


@pytest.mark.parametrize("lang", ["en", "de", "ru", "uk", "be", "pl"])
def test_short_names_are_whole_words_unless_they_are_words(lang):
    short = [n for n in C.cldr_names(lang).values() if len(n) < C.MIN_LETTERS]
    assert short, "CLDR names some short countries in every language (Chad, Peru ...)"
    for n in short:
        source = C.name_source(n, lang)
        if n in C.SHORT_WORDS:
            assert source is None
        else:  # the name itself, never a longer word it begins ("Peru" in "Perugia")
            rx = re.compile(source, re.IGNORECASE)
            assert rx.fullmatch(n) and not rx.match(n + "gia" if n.isascii() else n + "ский")


@pytest.mark.parametrize("lang", C.READER_LANGS)
@pytest.mark.parametrize("iso", UNLISTED)
def test_every_country_has_a_c_in_every_language(lang, iso):
    name = C.cldr_names(lang)[iso].replace("（", "(").replace("）", ")")
    source = L.country_names_source(lang, iso)
    # a short name too ("Чили"): a whole word (countries.SHORT_WORDS lists none of these)
    assert source is not None and re.fullmatch(source, name)


@pytest.mark.parametrize(
    "text",
    [
        "Hungary's Central Statistical Office",
        "laut Statistikamt Ungarns",
        "по данным таможни Венгрии",
        "за даними митниці Угорщини",
        "па дадзеных мытні Венгрыі",
        "据匈牙利海关统计",
    ],
)
def test_statistics_template_names_an_unlisted_country(text):
    hun = re.compile(L.country_template_source("statistics_of", "HUN"), re.IGNORECASE)
    deu = re.compile(L.country_template_source("statistics_of", "DEU"), re.IGNORECASE)
    assert hun.search(text) and not deu.search(text)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Der Handel Chinas mit Ungarn wuchs 2021 um 5 Prozent."),
        ("pl", "Handel Chin z Argentyną wzrósł w 2021 roku o 5%."),
        ("uk", "Торгівля Китаю з Угорщиною зросла у 2021 році на 5%."),
        ("be", "Гандаль Кітая з Венгрыяй вырас у 2021 годзе на 5%."),
        ("zh", "2021年，中國與匈牙利雙邊貿易額約為100億美元。"),
    ],
)
def test_another_countrys_trade_is_no_claim_about_the_pair(lang, text):
    assert parse(text, lang=lang, pair=BLR_CHN) == []


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Handel mit Nigeria", "NGA"),  # "Niger" begins "Nigeria": the longer name first
        ("Exports to the Dominican Republic grew.", "DOM"),
        ("Торгівля з Нігерією", "NGA"),
        ("Eksport do Argentyny", "ARG"),
        ("Handel mit Tschechien", "CZE"),
        ("与菲律宾的贸易", "PHL"),
    ],
)
def test_unlisted_countries_are_found_in_every_language(text, key):
    assert key in _keys(text)


@pytest.mark.parametrize(
    "text",
    [
        "On the island, trade grew.",  # "Island" is Iceland in German: a capital is needed
        "der handel mit ungarn",  # a name is a proper noun, written with a capital
        "Дані митниці свідчать про зростання.",  # uk "дані" (data) is no Denmark
        "Daniel Kowalski powiedział, że eksport wzrósł.",  # pl "Dania" inside another word
        "Данные таможни говорят о росте.",
        "Дадзеныя мытні сведчаць пра рост.",
    ],
)
def test_common_words_create_no_country_mention(text):
    assert _keys(text) == []


def test_fallback_pattern_of_a_pair_outside_the_files_reads_every_language():
    rx = fallback_pattern("HUN")
    # pl "Węgry" keeps its whole name (its stem "Węgr" is short): "Węgier" is not read
    hits = ["Hungary", "Ungarns", "Венгрии", "Угорщини", "Венгрыі", "Węgry", "匈牙利"]
    assert all(rx.search(f"mit {h}") for h in hits)
    assert not rx.search("mit Węgier") and not rx.search("mit Rumänien")


def test_reader_languages_are_the_language_files():
    from tradecheck.claims import _lang

    assert set(C.READER_LANGS) == set(_lang.LANGS) == set(L.languages())


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
