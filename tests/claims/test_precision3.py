"""Numbers that are no claim about the asked pair (constructed paraphrases, not data)."""

from __future__ import annotations

import pytest

from tradecheck.claims import partners as P
from tradecheck.claims.context import Doc, contexts
from tradecheck.claims.model import Claim, Period
from tradecheck.claims.parse import drop_undated_repeats, parse
from tradecheck.claims.resolve.partner import _both_unpaired, attached_other, before_the_pair
from tradecheck.claims.resolve.relevance import (
    changes_a_balance,
    in_physical_terms,
    qualifies_no_trade_value,
)


def _contexts(text: str, pair: tuple[str, str] = ("BLR", "CHN"), lang: str = "en"):
    return contexts(Doc.read(text, text, lang, None, pair))


def test_a_change_after_a_forecast_qualifies_it():
    ctxs = _contexts("Exports to China are projected at $3 billion in 2026, up 9 percent.")
    assert [qualifies_no_trade_value(c) for c in ctxs] == [False, True]


def test_a_change_after_an_outcome_is_read():
    ctxs = _contexts("In 2023 exports to China were $3 billion, up 9 percent.")
    assert [qualifies_no_trade_value(c) for c in ctxs] == [False, False]


def test_a_target_written_after_the_outcome_leaves_the_change_to_the_outcome():
    text = "In 2023 Belarus sold $13.5 million to China against a target of $5.6 million, up 20%."
    ctxs = _contexts(text)
    assert not qualifies_no_trade_value(ctxs[-1])


def test_a_clause_with_a_period_of_its_own_is_no_qualifier():
    text = (
        "In 2018 the region sold goods worth $13.5 million to China against a target of "
        "$5.6 million, in 2017 supplies were $3.9 million."
    )
    assert [c.value for c in parse(text)] == [13_500_000.0, 3_900_000.0]


@pytest.mark.parametrize(
    "text",
    [
        "In 2023 trade between Belarus and China grew sharply to reach $5 billion.",
        "In 2023 Belarus's exports to China reached $5 billion, higher than expected.",
    ],
)
def test_outcome_words_are_no_target(text):
    assert [c.value for c in parse(text)] == [5_000_000_000.0]


def test_a_world_window_then_one_country_alone_is_that_countrys_world_total():
    w = P.Mention(P.WORLD, 0, 9, group=True)
    assert P.decide([[w], [P.Mention("TUR", 20, 26)]], ("TUR", "CHN")) == P.OTHER
    # the pair, or nothing more, leaves it open
    pair = [P.Mention("TUR", 20, 26), P.Mention("CHN", 40, 45, marked=True)]
    assert P.decide([[w], pair], ("TUR", "CHN")) == P.UNKNOWN
    assert P.decide([[w], [w]], ("TUR", "CHN")) == P.UNKNOWN


def test_a_line_naming_both_without_a_partner_does_not_say_whose_figure_follows():
    text = (
        "China stays the biggest customer of Vietnamese firms.\nVietnam's exports were $60 billion."
    )
    ctx = _contexts(text, ("VNM", "CHN"))[0]
    before = ctx.doc.partners_in(ctx.doc.named_before(ctx.sentence.start))
    assert _both_unpaired(ctx, before)
    text = "Trade between Vietnam and China grew.\nVietnam's exports were $60 billion."
    ctx = _contexts(text, ("VNM", "CHN"))[0]
    before = ctx.doc.partners_in(ctx.doc.named_before(ctx.sentence.start))
    assert not _both_unpaired(ctx, before)


@pytest.mark.parametrize(
    ("text", "lang", "physical"),
    [
        ("exports rose 35 percent in value and 20 percent in volume", "en", [False, True]),
        (
            "stiegen im Geldausdruck um das 3-fache und im Naturalausdruck um das 5-fache",
            "de",
            [False, True],
        ),
        ("экспорт в физическом выражении вырос на 12%", "ru", [True]),
    ],
)
def test_physical_and_value_terms_pair_with_their_amounts(text, lang, physical):
    ctxs = _contexts(text, lang=lang)
    assert [in_physical_terms(c) for c in ctxs] == physical


@pytest.mark.parametrize(
    ("text", "lang", "pair"),
    [
        (
            "Für 2026 rechnen die Exporteure mit Lieferungen nach China für 4 Milliarden Dollar.",
            "de",
            ("TUR", "CHN"),
        ),
        ("2025年白俄罗斯对华出口额或超过20亿美元。", "zh", ("BLR", "CHN")),
        ("2025年白俄羅斯對華出口額或超過20億美元。", "zh", ("BLR", "CHN")),
    ],
)
def test_forecast_words_drop_the_figure(text, lang, pair):
    assert parse(text, lang=lang, pair=pair) == []


@pytest.mark.parametrize(
    ("text", "lang", "pair"),
    [
        ("Indien hat eine Bevölkerung von 1,4 Milliarden.", "de", ("IND", "CHN")),
        ("In 2023 Vietnam shipped goods worth $250 billion overseas.", "en", ("VNM", "CHN")),
        ("2023年越南水果海外销售额约25亿美元。", "zh", ("VNM", "CHN")),
    ],
)
def test_counts_and_world_totals_are_no_claim(text, lang, pair):
    assert parse(text, lang=lang, pair=pair) == []


def test_a_figure_after_another_country_and_with_is_that_countrys():
    text = "In 2018 Turkey imported $2 billion from China, followed by Russia with $1.9 billion."
    ctxs = _contexts(text, ("TUR", "CHN"))
    assert [attached_other(c) for c in ctxs] == [False, True]


@pytest.mark.parametrize(
    ("text", "changes"),
    [
        (
            "Russia's surplus with China was $20 billion. That is 40% more than in 2022.",
            [False, True],
        ),
        ("Russia's surplus with China was $20 billion. Exports to China rose 40%.", [False, False]),
        ("Russia's trade surplus with China rose 48%.", [True]),
        ("Russia's exports to China rose 48%.", [False]),
    ],
)
def test_a_change_of_a_balance_is_no_claim(text, changes):
    ctxs = _contexts(text, ("RUS", "CHN"))
    assert [changes_a_balance(c) for c in ctxs] == changes


def test_a_figure_before_the_text_names_the_pair_is_none_of_its():
    text = "Exports rose 10% in 2018. Supplies to China grew 30% in 2018."
    first, second = _contexts(text)
    assert before_the_pair(first) and not before_the_pair(second)
    # a text that never names the pair (a quote) is taken to be about it
    assert not before_the_pair(_contexts("Exports rose 10% in 2018.")[0])


def _ratio(direction: str, period: Period | None) -> Claim:
    return Claim("x", "ratio", 5.0, None, "eq", direction, None, period, None)


def test_an_undated_repeat_of_a_dated_claim_is_dropped():
    undated, other = _ratio("BLR->CHN", None), _ratio("CHN->BLR", None)
    dated = _ratio("BLR->CHN", Period("2017-01", "2017-12"))
    assert drop_undated_repeats([undated, dated, other]) == [dated, other]
