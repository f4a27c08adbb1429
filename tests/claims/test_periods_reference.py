"""Points of reference and the periods they give: a point after "since" is no period; event
dates; a figure referred to; the start of "the same period"; "at the level of" a year as a
base; the period of a from-level; Chinese "first N months"; the nearer year before a change
(claims/_periods.py, claims/resolve/period.py, claims/resolve/base_period.py).
Constructed sentences (numbers illustrative)."""

from __future__ import annotations

import pytest

from tradecheck.claims._periods import PeriodMention, find_periods, since_point
from tradecheck.claims.parse import parse


@pytest.mark.parametrize(
    ("text", "word", "year", "rel", "expected"),
    [
        ("the lowest since March 2009", "March", 2009, None, True),
        ("den niedrigsten Stand seit März 2011", "März", 2011, None, True),
        ("минимума начиная с августа 2012 года", "августа", 2012, None, True),
        ("the highest since June of last year", "June", None, -1, True),
        ("growth since January", "January", None, None, False),
        ("exports fell in September 2010", "September", 2010, None, False),
    ],
)
def test_since_point(text, word, year, rel, expected):
    at = text.index(word)
    p = PeriodMention(at, len(text), 1, 1, year=year, rel=rel)
    assert since_point(text, p) is expected


def test_find_periods_skips_a_since_month():
    ps, _ = find_periods("Exports were $3 billion in May 2014, the lowest since August 2012.")
    assert [(p.m1, p.year) for p in ps] == [(5, 2014)]


def test_since_month_is_not_the_period():
    t = (
        "Imports from Japan reached $12 billion in April. US exports to Japan fell to "
        "$4.8 billion, the lowest since March 2009."
    )
    periods = [c.period for c in parse(t, as_of="2014-05-30", pair=("USA", "JPN"))]
    assert [p.start for p in periods] == ["2014-04", "2014-04"]


@pytest.mark.parametrize(
    "text",
    [
        "the highest since June of last year",
        "am höchsten seit Juni letzten Jahres",
        "the lowest since last year",
    ],
)
def test_no_relative_year_after_since(text):
    assert find_periods(text)[0] == []


def _doc(text, as_of, lang="en"):
    from datetime import date

    from tradecheck.claims.context import Doc

    d = None if as_of is None else date.fromisoformat(as_of)
    return Doc.read(text, text, lang, d, ("JPN", "KOR"))


@pytest.mark.parametrize(
    ("as_of", "figure", "expected"),
    [
        ("2020-07-08", "", True),  # an event date of a dated text
        (None, "", False),  # an undated text keeps every anchor it has
        ("2020-07-08", " worth $2 billion", False),  # a sentence with a figure
    ],
)
def test_event_date(as_of, figure, expected):
    from tradecheck.claims.resolve.period import event_date

    t = f"In July last year the ministry changed its licensing rules{figure}. In May, exports fell."
    doc = _doc(t, as_of)
    p = next(p for p in doc.mentions.periods if p.start <= t.index("July") < p.end)
    assert event_date(doc, p) is expected


@pytest.mark.parametrize(
    ("second", "referred"),
    [
        ("Imports came to $9 billion over the cited period.", True),
        ("In that last year, imports came to $9 billion.", True),
        ("Imports came to $9 billion in 2018.", False),  # a period of its own
        ("Imports came to $9 billion.", False),  # no words refer back: carried as before
    ],
)
def test_referred_figure(second, referred):
    from tradecheck.claims.context import Context
    from tradecheck.claims.resolve.period import referred_figure

    t = "Exports reached $15 billion in 2019. " + second
    doc = _doc(t, None)
    last = doc.mentions.amounts.last_before(len(t))
    ctx = Context.of(doc, last)
    ps = [p for p in doc.mentions.periods if ctx.sentence.start <= p.start]
    got = referred_figure(ctx, [p for p in ps if "last year" not in t[p.start : p.end]])
    assert (got is not None and t[got.start : got.end].startswith("$15")) is referred


@pytest.mark.parametrize(
    ("text", "at", "expected"),
    [
        (
            "compared to $19 billion during the same period in 2012",
            "in 2012",
            "same period in 2012",
        ),
        ("compared to $21 billion in 2014", "in 2014", "in 2014"),
        ("gegenüber dem gleichen Zeitraum 2014", "2014", "dem gleichen Zeitraum 2014"),
        ("по сравнению с аналогичным периодом 2014 года", "2014", "аналогичным периодом 2014 года"),
    ],
)
def test_same_period_start(text, at, expected):
    from tradecheck.claims._periods import same_period_start

    assert text[same_period_start(text, text.index(at)) :] == expected


@pytest.mark.parametrize(
    "text",
    [
        "на уровне прошлого года",
        "на рівні минулого року",
        "at the level of the previous year",
        "auf dem Niveau des Vorjahres",
    ],
)
def test_at_the_level_of_a_year_is_a_base(text):
    ps, cues = find_periods("Trade stayed " + text + ".")
    assert all(p.is_base for p in ps) and (ps or cues)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The share fell from 24.1 percent in 2021 to 19.9 percent in 2023.", True),
        # no period after the new level: it keeps the one it has
        ("The share fell from 24.1 percent in 2021 to 19.9 percent.", False),
        # no from-to: a period before the amount without "to"
        ("The share was 24.1 percent in 2021 and 19.9 percent in 2023.", False),
    ],
)
def test_of_from_level(text, expected):
    from tradecheck.claims.context import Context
    from tradecheck.claims.resolve.period import of_from_level

    doc = _doc(text, None)
    a = next(x for x in doc.mentions.amounts if text[x.start :].startswith("19.9"))
    p = next(p for p in doc.mentions.periods if "2021" in text[p.start : p.end])
    assert of_from_level(Context.of(doc, a), p, list(doc.mentions.periods)) is expected


@pytest.mark.parametrize(("text", "m2"), [("2020年头11个月", 11), ("2023年头两个月", 2)])
def test_zh_first_n_months(text, m2):
    ps, _ = find_periods(text)
    assert [(p.m1, p.m2, p.year) for p in ps] == [(1, m2, int(text[:4]))]


@pytest.mark.parametrize(
    ("text", "change", "expected"),
    [
        ("Exports rose 40.5% on the previous year and 60% on 2021.", "40.5", True),
        ("Exports rose 40.5% on the previous year and 60% on 2021.", "60", False),
        ("Товарооборот вырос на 30% по сравнению с аналогичным периодом 2019 года.", "30", False),
    ],
)
def test_nearer_year_before(text, change, expected):
    from tradecheck.claims.context import Context
    from tradecheck.claims.resolve.base_period import nearer_year_before

    doc = _doc(text, None, "ru" if "вырос" in text else "en")
    a = next(x for x in doc.mentions.amounts if text[x.start :].startswith(change))
    own = [p for p in doc.mentions.periods if p.is_base]
    assert nearer_year_before(Context.of(doc, a), own) is expected
