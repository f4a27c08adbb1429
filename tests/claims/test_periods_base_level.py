"""The period of a starting or comparison level ("from $21 billion in February", "compared
with $1.14 billion in 2022") is a base's period: not carried to the sentences after it, not
the period of another figure of its sentence. "The year before last" is a relative year, not
the base cue "the year before". Constructed sentences (numbers illustrative)."""

from __future__ import annotations

import pytest

from tradecheck.claims._periods import find_periods
from tradecheck.claims.context import Doc
from tradecheck.claims.parse import parse
from tradecheck.claims.resolve.period import of_base_level


def _doc(text: str, lang: str = "en") -> Doc:
    return Doc.read(text, text, lang, None, ("BLR", "CHN"))


def _period_at(doc: Doc, word: str):
    pos = doc.norm.index(word)
    return next(p for p in doc.mentions.periods.items if p.start <= pos < p.end)


@pytest.mark.parametrize(
    ("text", "word", "lang", "expected"),
    [
        ("Exports fell to $20 million in March from $21 million in February.", "February",
         "en", True),
        ("Exports rose 5% compared with $1.14 billion in 2022.", "2022", "en", True),
        ("Экспорт снизился до 200 млн долларов в марте с 210 млн долларов в феврале.",
         "феврале", "ru", True),
        # the new level's own period, a bound, a level with no figure before it: no base
        ("Exports fell to $20 million in March from $21 million in February.", "March",
         "en", False),
        ("Exports rose 5% to over $5 billion in 2023.", "2023", "en", False),
        ("Exports rose from $1 billion in 2010 to $2 billion in 2020.", "2010", "en", False),
    ],
)  # fmt: skip
def test_of_base_level(text, word, lang, expected):
    doc = _doc(text, lang)
    assert of_base_level(doc, _period_at(doc, word)) is expected


def test_base_level_period_is_not_carried():
    t = (
        "Exports from Belarus to China fell to $200 million in March from $210 million in "
        "February. Imports from China fell 3%."
    )
    last = parse(t, as_of="2024-05-02")[-1]
    assert (last.period.start, last.period.end) == ("2024-03", "2024-03")


def test_base_level_period_is_not_the_change_period():
    t = "In 2023 exports from Belarus to China rose 5% compared with $1.14 billion in 2022."
    c = next(c for c in parse(t) if c.quantity == "pct_change")
    assert (c.period.start, c.base_period.start) == ("2023-01", "2022-01")


@pytest.mark.parametrize(
    "text", ["the rise recorded the year before last", "im vorletzten Jahr", "в позапрошлом году"]
)
def test_year_before_last_is_a_relative_year(text):
    ps, cues = find_periods(text)
    assert [(p.rel, p.is_base) for p in ps] == [(-2, False)] and not cues


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("6% below the level of 2022", "en"),
        ("exceeding the figure of 2021 by $2 billion", "en"),
        ("um 6 Prozent unter dem Niveau von 2022", "de"),
        ("на 6% ниже уровня 2022 года", "ru"),
    ],
)
def test_level_compared_is_a_base(text, lang):
    ps, _ = find_periods(text)
    assert [(p.year, p.is_base) for p in ps] == [(2022 if "2022" in text else 2021, True)]


def test_bound_without_level_noun_is_no_base():
    ps, _ = find_periods("exports above 2023 levels")
    assert [p.is_base for p in ps] == [False]


_BACK = {
    "en": "In 2024 imports grew 3%. Exports rose 9% over that period, after 15% in 2023.",
    "de": "Im Jahr 2024 stiegen die Importe. Die Exporte wuchsen im Berichtszeitraum um 9 Prozent, "
    "nach 15 Prozent im Jahr 2023.",
    "ru": "В 2024 году импорт вырос. Экспорт за отчетный период вырос на 9%, а в 2023 году на 15%.",
}


@pytest.mark.parametrize(("lang", "text"), sorted(_BACK.items()))
def test_period_referred_back_is_not_a_later_one(lang, text):
    from tradecheck.claims.context import Context
    from tradecheck.claims.resolve.period import refers_back

    doc = Doc.read(text, text, lang, None, ("BLR", "CHN"))
    nine = next(a for a in doc.mentions.amounts.items if doc.norm[a.start] == "9")
    ctx = Context.of(doc, nine)
    ss, se = ctx.sentence
    assert refers_back(ctx, doc.mentions.periods.between(ss, se))


def test_no_reference_back_without_its_words():
    from tradecheck.claims.context import Context
    from tradecheck.claims.resolve.period import refers_back

    text = "In 2024 imports grew. Exports rose 9%, after 15% in 2023."
    doc = _doc(text)
    nine = next(a for a in doc.mentions.amounts.items if doc.norm[a.start] == "9")
    assert not refers_back(Context.of(doc, nine), doc.mentions.periods.between(0, len(text)))
