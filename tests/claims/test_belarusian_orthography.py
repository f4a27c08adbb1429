"""Belarusian in both orthographies: the official one and the classical one (тарашкевіца).

All sentences here are constructed paraphrases (no real text): each classical sentence says
what an official one says, written with the classical spellings (soft sign "зьнізіўся",
"сьнежні", "паўгодзьдзе", "у параўнаньні"; э and л in loanwords: "пэрыяд", "плян").
"""

from __future__ import annotations

import re

import pytest
from babel import Locale

from tradecheck.claims import lexicon as L
from tradecheck.claims._lang import detect
from tradecheck.claims.parse import parse


def _read(text: str) -> list[tuple[object, ...]]:
    """What the scoring compares, per claim."""
    return [
        (c.quantity, c.value, c.direction, c.period, c.base_period)
        for c in parse(text, as_of="2024-03-01", lang="be")
    ]


#: (official, classical): the same constructed sentence in the two orthographies
SAME_SENTENCE = [
    (
        "Экспарт з Беларусі ў Кітай у снежні 2023 года знізіўся на 8%.",
        "Экспарт зь Беларусі ў Кітай у сьнежні 2023 году зьнізіўся на 8%.",
    ),
    (
        "Тавараабарот Беларусі з Кітаем за першае паўгоддзе 2023 года склаў 4,1 млрд долараў.",
        "Тавараабарот Беларусі з Кітаем за першае паўгодзьдзе 2023 году склаў 4,1 млрд даляраў.",
    ),
    (
        "Імпарт з Кітая ў Беларусь у 2023 годзе павялічыўся на 30% у параўнанні з 2021 годам.",
        "Імпарт з Кітаю ў Беларусь у 2023 годзе павялічыўся на 30% у параўнаньні з 2021 годам.",
    ),
    (
        "Экспарт з Беларусі ў Кітай у 2023 годзе зменшыўся на 12%.",
        "Экспарт зь Беларусі ў Кітай у 2023 годзе зьменшыўся на 12%.",
    ),
]


@pytest.mark.parametrize(("official", "classical"), SAME_SENTENCE)
def test_classical_spelling_reads_as_the_official_one(official: str, classical: str) -> None:
    got = _read(classical)
    assert got, classical
    assert got == _read(official)


@pytest.mark.parametrize(
    ("concept", "word"),
    [
        ("decrease", "зьнізіўся"),
        ("decrease", "зьніжэньне"),
        ("increase", "павелічэньне"),
        ("base_marker", "у параўнаньні з"),
        ("not_trade_weak", "пагадненьне"),
        ("not_trade_weak", "інвэстыцыі"),
        ("not_trade_strong", "пляны"),
        ("period_anaphora", "за справаздачны пэрыяд"),
        ("same_period_last_year", "аналягічны пэрыяд"),
        ("prior_rate", "пасьля"),
    ],
)
def test_classical_forms_of_concepts(concept: str, word: str) -> None:
    rx = re.compile(L.language_source(concept, "be"), re.IGNORECASE)
    assert rx.fullmatch(word), (concept, word)


def test_soft_sign_rule_leaves_lookbehinds_and_classes_alone() -> None:
    """Every respelt fragment still compiles (a lookbehind must keep its fixed width)."""
    for frag in L._fragments_of(L.load("be")["words"]):
        re.compile(frag)
    at = L.soft_sign_point({"first": "с", "second": "н", "sign": "ь"})
    assert L.respelt("(?<!сн)сн[сн]", at, "ь") == "(?<!сн)сь?н[сн]"


def _cldr_months(width: str) -> list[tuple[int, str]]:
    """Belarusian month names of CLDR (babel): format (genitive) and stand-alone forms."""
    months = Locale("be").months
    return [(i, months[ctx][width][i]) for ctx in ("format", "stand-alone") for i in range(1, 13)]


@pytest.mark.parametrize(("number", "name"), _cldr_months("wide"))
def test_cldr_month_names(number: int, name: str) -> None:
    assert L.month_number(name) == number


@pytest.mark.parametrize(
    ("number", "name"),
    [(12, "сьнежня"), (12, "сьнежань"), (12, "сьнежні"), (8, "жніўні"), (5, "траўні")],
)
def test_month_names_in_other_cases_and_classical_spelling(number: int, name: str) -> None:
    assert L.month_number(name) == number


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Экспарт з Беларусі ў Кітай у 2023 годзе павялічыўся на 10%.", "be"),
        ("Экспарт зь Беларусі ў Кітай за пэрыяд студзень–жнівень вырас на 10%.", "be"),
        ("Летась тавараабарот Беларусі зь Кітаем вырас", "be"),
        ("Сальда гандлю Беларусі з Кітаем адмоўнае — мінус 2 млрд даляраў.", "be"),
        ("Експорт з Білорусі до Китаю у 2023 році зріс на 10%.", "uk"),
        ("Торгівля України з Китаєм минулого року скоротилася.", "uk"),
        ("Экспорт из Беларуси в Китай в 2023 году вырос на 10%.", "ru"),
        ("Сальдо торговли Беларуси с Китаем отрицательное — минус 2 млрд долларов.", "ru"),
    ],
)
def test_detection_tells_be_uk_ru_apart(text: str, lang: str) -> None:
    assert detect(text) == lang
