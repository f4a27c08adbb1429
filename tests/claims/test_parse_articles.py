"""The parser on short multi-sentence press articles (not single sentences).

Three things go wrong in articles that single sentences never show:

1. reporter cues ("according to China's customs") must stay in their own sentence (and in a
   sentence that plainly continues it, "It also said ...", and in a text citing one source
   the rest of their paragraph and the later sentences of their release), never reach back to earlier
   sentences or to earlier coordinated clauses ("Officials recalled X, and China's customs
   put Y");
2. the scope named at the start of a sentence (industrial goods, a product) holds for every
   figure of that sentence, also across a hard line break of wrapped press text;
3. "this year" / "des Jahres" / "этого года" / "今年" resolve against the publication date, and a
   sentence that states the months never yields a whole-year period for a year not over yet.

The two demo articles (notebooks/inputs/demo_article_{en,de}.txt, our own words) are checked
claim by claim here; a dozen more articles in en/de/ru/zh are lines of corpus.jsonl whose note
starts with "article:" (they were written before the parser was run on them; see README.md).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tradecheck.claims.model import Period
from tradecheck.claims.parse import parse
from tradecheck.claims.sentences import sentences as _sentences

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "notebooks" / "inputs"
CORPUS = Path(__file__).with_name("corpus.jsonl")
AS_OF = "2025-11-05"

NINE_MONTHS = (Period("2025-01", "2025-09"), Period("2024-01", "2024-09"))
Y2022 = Period("2022-01", "2022-12")
Y2021 = Period("2021-01", "2021-12")


def _key(c):
    return (
        c.quantity,
        round(c.value, 6),
        c.bound,
        c.direction,
        c.reporter,
        c.period,
        c.base_period,
        c.scope,
    )


EXPECTED_EN = [
    ("ratio", 2.2, "eq", "both", None, *NINE_MONTHS, "industrial"),
    ("level", 5.79e9, "eq", "both", None, Y2022, None, "goods"),
    ("level", 5.08e9, "eq", "both", "CHN", Y2022, None, "goods"),
    ("pct_change", 33.0, "eq", "both", "CHN", Y2022, Y2021, "goods"),
]
EXPECTED_DE = [
    ("ratio", 2.2, "eq", "both", None, *NINE_MONTHS, "industrial"),
    ("level", 5.08e9, "eq", "both", "CHN", Y2022, None, "goods"),
    ("pct_change", 33.0, "eq", "both", "CHN", Y2022, Y2021, "goods"),
]


@pytest.mark.parametrize(
    ("name", "lang", "expected"),
    [("demo_article_en.txt", "en", EXPECTED_EN), ("demo_article_de.txt", "de", EXPECTED_DE)],
)
def test_demo_article(name, lang, expected):
    text = (DEMO / name).read_text(encoding="utf-8")
    got = parse(text, as_of=AS_OF)
    assert all(c.lang == lang for c in got)
    assert [_key(c) for c in got] == [
        (q, round(v, 6), b, d, r, p, bp, s) for q, v, b, d, r, p, bp, s in expected
    ]
    # the target "by 2030" (logistics centres) gives nothing
    assert not any("2030" in c.span for c in got)


def _articles() -> list[dict]:
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    return [
        d
        for d in (json.loads(ln) for ln in lines if ln.strip())
        if str(d.get("note", "")).startswith("article:")
    ]


def test_article_corpus_covers_all_languages_and_problems():
    arts = _articles()
    assert len(arts) >= 8
    assert {d["lang"] for d in arts} == {"en", "de", "ru", "zh"}
    # every article mixes claims of different sources (a leaking cue would make them equal)
    for d in arts:
        reps = {e["reporter"] for e in d["expected"]}
        assert len(d["expected"]) >= 2, d["id"]
        assert len(reps) >= 2, d["id"]


@pytest.mark.parametrize("entry", _articles(), ids=lambda d: d["id"])
def test_article_reporters_periods(entry):
    """Checked field by field in test_parse_corpus too; here the three article fields."""
    got = parse(entry["text"], as_of=entry["as_of"], lang=entry["lang"])

    def key(x):
        return (x["quantity"], round(float(x["value"]), 3))

    want = sorted(
        (key(e), e["reporter"], json.dumps(e["period"]), e["scope"]) for e in entry["expected"]
    )
    have = sorted(
        (key(c.to_json()), c.reporter, json.dumps(c.to_json()["period"]), c.scope) for c in got
    )
    assert have == want


# ---------------------------------------------------------------- reporter scope
def test_cue_in_later_sentence_does_not_reach_back():
    text = (
        "Trade between Belarus and China reached $8.4 billion in 2023. "
        "According to China's customs, it grew 20% in the first quarter of 2024."
    )
    a, b = parse(text, as_of="2024-05-01")
    assert (a.reporter, b.reporter) == (None, "CHN")


def test_cue_in_later_clause_does_not_reach_back_but_closing_cue_does():
    mid = (
        "Officials said trade between Belarus and China hit $8.4 billion in 2023, "
        "and Belstat put exports to China at $2.1 billion."
    )
    a, b = parse(mid)
    assert (a.reporter, b.reporter) == (None, "BLR")
    closing = (
        "Trade between Belarus and China hit $8.4 billion in 2023 and grew 65%, "
        "according to China's customs."
    )
    assert {c.reporter for c in parse(closing)} == {"CHN"}


@pytest.mark.parametrize(
    ("gap", "year", "later"),
    [(" ", "2024", "CHN"), ("\n\n", "2024", "CHN"), (" ", "2019", "CHN"), ("\n\n", "2019", None)],
)
def test_a_later_sentence_inherits_in_the_cues_paragraph_or_for_a_newer_period(gap, year, later):
    """A sentence of another year goes on with the cue's report in its paragraph (the claim
    schema: "when the text clearly continues the same report"); a new paragraph goes on with
    it for a newer period (the release's newer figures: on sets L+M studied the labels give
    the carried source 17 times and keep null 2 times), not for an older year (history)."""
    text = (
        "According to China's customs, trade between Belarus and China reached $8.4 billion in 2023."
        + gap
        + f"Belarus's exports to China rose 11% in the first quarter of {year}."
    )
    a, b = parse(text)
    assert (a.reporter, b.reporter) == ("CHN", later)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            (
                "According to China's customs, Belarus-China trade reached $8.4 billion in 2023. "
                "It also said imports from China came to $6.3 billion."
            ),
            "en",
        ),
        (
            (
                "Laut chinesischer Zollstatistik erreichte der Handel zwischen Belarus und China 2023 "
                "8,4 Milliarden US-Dollar. Demnach beliefen sich die Importe aus China auf 6,3 Milliarden US-Dollar."
            ),
            "de",
        ),
        (
            (
                "По данным ГТУ КНР, товарооборот Беларуси и Китая в 2023 году составил 8,4 млрд долларов. "
                "Там же указано, что импорт из Китая достиг 6,3 млрд долларов."
            ),
            "ru",
        ),
        ("据中国海关统计，2023年中白贸易额为84亿美元。海关还表示，自白进口额为21亿美元。", "zh"),
    ],
)
def test_continuing_sentence_inherits_the_cue(text, lang):
    got = parse(text, lang=lang)
    assert len(got) == 2
    assert [c.reporter for c in got] == ["CHN", "CHN"]


def test_continuation_of_a_sentence_without_cue_inherits_nothing():
    text = (
        "Officials said trade between Belarus and China reached $8.4 billion in 2023. "
        "They also said imports from China came to $6.3 billion."
    )
    assert [c.reporter for c in parse(text)] == [None, None]


# ---------------------------------------------------------------- sentences and scope
def test_hard_wrapped_lines_stay_one_sentence():
    text = (
        "Minsk, May 2025.\n"
        "Exports of Belarusian industrial goods to China rose 14% in the first quarter of 2025\n"
        "compared with the same period of 2024, and they reached $600 million.\n\n"
        "Another paragraph starts here."
    )
    sents = [text[s:e].strip() for s, e in _sentences(text)]
    assert sents[0] == "Minsk, May 2025."
    assert sents[1].startswith("Exports") and sents[1].endswith("$600 million.")
    assert sents[2] == "Another paragraph starts here."
    got = parse(text)
    assert [c.scope for c in got] == ["industrial", "industrial"]
    assert all(c.period == Period("2025-01", "2025-03") for c in got)


def test_short_headline_line_is_its_own_sentence():
    text = "Trade of Belarus and China\nThe total came to $7.9 billion in 2022, according to Chinese customs."
    assert len(_sentences(text)) == 2


# ---------------------------------------------------------------- "this year", "des Jahres"
def test_des_jahres_is_the_publication_year_not_an_earlier_sentence_year():
    text = (
        "Der Warenhandel lag 2022 bei 5,08 Milliarden US-Dollar. Der Handel zwischen Belarus und "
        "China wuchs in den ersten neun Monaten des Jahres gegenüber dem Vorjahreszeitraum um 12 Prozent."
    )
    got = parse(text, as_of=AS_OF)
    assert (got[-1].period, got[-1].base_period) == NINE_MONTHS


def test_des_jahres_months_not_over_yet_mean_the_previous_year():
    text = "Der Handel zwischen Belarus und China wuchs in den ersten neun Monaten des Jahres um 12 Prozent."
    (c,) = parse(text, as_of="2025-08-01")
    assert c.period == Period("2024-01", "2024-09")


def test_des_jahres_after_a_year_in_the_same_sentence():
    text = "Im Jahr 2023 wuchs der Handel zwischen Belarus und China im ersten Halbjahr des Jahres um 8 Prozent."
    (c,) = parse(text, as_of=AS_OF)
    assert c.period == Period("2023-01", "2023-06")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Trade between Belarus and China grew 20% this year: in January-September 2025 it reached $6 billion.",
            "en",
        ),
        (
            "Der Handel zwischen Belarus und China wuchs in diesem Jahr um 20 Prozent: von Januar bis September 2025 erreichte er 6 Milliarden US-Dollar.",
            "de",
        ),
    ],
)
def test_this_year_with_stated_months_is_never_the_whole_year(text, lang):
    got = parse(text, as_of=AS_OF, lang=lang)
    assert got
    assert all(c.period == NINE_MONTHS[0] for c in got)


def test_loose_and_exact_ratio_of_one_sentence_give_one_claim():
    text = (
        "Belarus-China trade more than doubled this year: in January-September 2025 it was "
        "2.2 times as large as a year earlier."
    )
    (c,) = parse(text, as_of=AS_OF)
    assert (c.value, c.bound, c.period) == (2.2, "eq", NINE_MONTHS[0])


def test_loose_figure_kept_when_the_exact_one_contradicts_it():
    # "more than tripled" and "2.2 times" cannot be the same statement: both stay
    text = (
        "Belarus-China trade more than tripled this year: in January-September 2025 it was "
        "2.2 times as large as a year earlier."
    )
    got = parse(text, as_of=AS_OF)
    assert sorted(c.value for c in got) == [2.2, 3.0]


@pytest.mark.parametrize(
    ("text", "lang", "scopes"),
    [
        (
            (
                "Trade in industrial goods between Belarus and China grew 20% in 2024, "
                "while overall trade reached $8.2 billion."
            ),
            "en",
            ["industrial", "goods"],
        ),
        (
            (
                "Экспорт промышленной продукции Беларуси в Китай в 2024 году вырос на 20%, "
                "а весь товарооборот составил 8,2 млрд долларов."
            ),
            "ru",
            ["industrial", "goods"],
        ),
        (
            (
                "Trade in goods between Belarus and China reached $8 billion in 2024, "
                "and trade in services grew 15%."
            ),
            "en",
            ["goods", "services"],
        ),
    ],
)
def test_scope_stops_at_a_clause_with_its_own_subject(text, lang, scopes):
    assert [c.scope for c in parse(text, lang=lang)] == scopes


def test_chinese_coordinated_clause_keeps_its_cue():
    text = "2023年中白贸易额为84亿美元，而据中国海关统计，白俄罗斯对华出口额为21亿美元。"
    assert [c.reporter for c in parse(text)] == [None, "CHN"]
