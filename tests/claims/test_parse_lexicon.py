"""Language data apart from grammar: claims/lang/*.toml and claims/lexicon.py (issue 8)."""

from __future__ import annotations

import re
import tomllib
from importlib import resources

import pytest

from tradecheck.claims import lexicon as L
from tradecheck.claims._lang import LANGS, detect
from tradecheck.claims.parse import parse

_FILES = sorted(
    p
    for p in resources.files("tradecheck.claims").joinpath("lang").iterdir()
    if p.name.endswith(".toml")
)


def test_the_seven_languages_have_a_file_and_detection_knows_them():
    assert set(L.languages()) == {"en", "de", "ru", "zh", "uk", "be", "pl"} == set(LANGS)


@pytest.mark.parametrize("path", _FILES, ids=lambda p: p.name)
def test_every_language_file_defines_every_concept(path):
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["meta"]["lang"] == path.name.removesuffix(".toml")
    assert set(data["words"]) >= set(L.CONCEPTS), set(L.CONCEPTS) - set(data["words"])
    assert L.problems(data) == []


def test_problems_name_what_is_missing_or_broken():
    data = tomllib.loads(_FILES[0].read_text(encoding="utf-8"))
    del data["words"]["export"]
    data["words"]["trade"] = ["(unclosed"]
    data["words"]["months"] = data["words"]["months"][:11]
    data["words"]["times"] = ["fold"]
    found = L.problems(data)
    assert "concept export: missing" in found
    assert any(
        p.startswith("concept trade: '(unclosed' is not a regular expression") for p in found
    )
    assert "concept months: expected twelve non-empty lists" in found
    assert any(p.startswith("concept times: expected") for p in found)


def test_a_broken_file_is_one_line_naming_file_and_concept(tmp_path, monkeypatch):
    bad = tmp_path / "lang"
    bad.mkdir()
    (bad / "xx.toml").write_text('[meta]\nlang = "xx"\nword_boundaries = true\n[words]\n', "utf-8")

    class _Pkg:
        def joinpath(self, *parts):
            return tmp_path.joinpath(*parts)

    monkeypatch.setattr(L.resources, "files", lambda _name: _Pkg())
    L.load.cache_clear()
    try:
        with pytest.raises(L.LexiconError, match=r"claims/lang/xx.toml: concept trade: missing"):
            L.load("xx")
    finally:
        L.load.cache_clear()


@pytest.mark.parametrize("concept", L.LIST_CONCEPTS)
def test_every_list_concept_compiles_and_matches_its_own_words(concept):
    rx = L.pattern(concept)
    # each language's first plain word (no regex syntax) is found by the compiled pattern
    for lang in L.languages():
        plain = [f for f in L.load(lang)["words"][concept] if re.fullmatch(r"[^\W\d_]+", f)]
        for word in plain[:1]:
            assert rx.search(f" {word} "), (lang, word)


@pytest.mark.parametrize(
    ("word", "concept", "number"),
    [
        ("Mrd.", "scales", 1e9),
        ("мільярда", "scales", 1e9),
        ("亿", "scales", 1e8),
        ("трэцім", "ordinals", 3),
        ("dritten", "ordinals", 3),
        ("четвертому", "ordinals", 4),
    ],
)
def test_number_tables(word, concept, number):
    assert L.number_of(concept, word) == number


@pytest.mark.parametrize(
    ("word", "n"),
    [("верасня", 9), ("вересня", 9), ("Sept", 9), ("März", 3), ("студзеня", 1), ("листопада", 11)],
)
def test_months_of_every_language(word, n):
    assert L.month_number(word) == n


@pytest.mark.parametrize(
    ("token", "iso"),
    [("долларов", "USD"), ("доларів", "USD"), ("долараў", "USD"), ("юанів", "CNY"), ("美元", "USD"),
     ("белорусских рублей", "BYN"), ("Euro", "EUR"), ("российских рублей", "RUB")],
)  # fmt: skip
def test_currency_words(token, iso):
    assert L.currency_of(token) == iso


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Товарооборот Беларуси и Китая за девять месяцев вырос на 5%.", "ru"),
        ("Товарообіг Білорусі та Китаю за дев'ять місяців зріс на 5%.", "uk"),
        ("Тавараабарот Беларусі і Кітая за дзевяць месяцаў вырас на 5%.", "be"),
        ("Экспарт у Кітай склаў 100 млн долараў.", "be"),
        ("Експорт до Китаю склав 100 млн доларів.", "uk"),
        ("Der Handel stieg um 5 Prozent.", "de"),
        ("中白贸易额增长5%。", "zh"),
        ("Obroty handlowe Białorusi z Chinami wzrosły o 5%.", "pl"),
        ("Eksport do Chin wyniósł 100 mln dolarów.", "pl"),
        ("Trade with Poland rose 5% (Polska, Łódź).", "en"),
        ("Der Handel mit Polen (Gdańsk) stieg um 5 Prozent.", "de"),
    ],
)
def test_detection_tells_russian_ukrainian_and_belarusian_apart(text, lang):
    assert detect(text) == lang


def test_seed_statement_paraphrase_is_industrial():
    # our own wording of the statement the project started from (German compound)
    c = parse(
        "Der Industriehandel zwischen Belarus und China ist in den ersten neun Monaten "
        "des Jahres 2025 um das 2,2-Fache gewachsen.",
        as_of="2025-11-20",
    )
    assert [(x.quantity, x.value, x.scope) for x in c] == [("ratio", 2.2, "industrial")]
    assert (c[0].period.start, c[0].period.end) == ("2025-01", "2025-09")
    assert (c[0].base_period.start, c[0].base_period.end) == ("2024-01", "2024-09")


@pytest.mark.parametrize(
    ("text", "product"),
    [("Schnittholz", "timber"), ("калийные удобрения", "potash"), ("乳制品", "dairy")],
)
def test_product_names_come_from_the_language_files(text, product):
    from tradecheck.claims import _vocab as V

    found = [name for name, rx in V.PRODUCTS if rx.search(text)]
    assert found[:1] == [product]


def test_region_keys_name_their_country_and_multiples_keep_their_value():
    from tradecheck.claims import _vocab as V

    regions = {(c, n) for c, n, rx in V.REGION_RES if rx.search("Gebiet Brest, 山东")}
    assert regions == {("BLR", "Brest_oblast"), ("CHN", "Shandong")}
    values = [n for rx, n in V.RATIO_WORDS if rx.search("hat sich verdoppelt")]
    assert values == [2.0]
    assert V.CONTINUATION.search("По тем же данным, экспорт вырос")
    assert not V.CONTINUATION.search("Экспорт вырос")
