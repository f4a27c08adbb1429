"""Unsure is an answer: the resolvers leave a field null (listed in ``unsure``) where the text
does not pin it down, instead of guessing. Sentences are constructed paraphrases."""

from __future__ import annotations

from tradecheck.claims._periods import find_periods
from tradecheck.claims.parse import parse


def test_years_ago_is_a_period_without_anchor():
    ps, _ = find_periods("Trade was $2 billion ten years ago.")
    assert [p.anchored for p in ps] == [False]
    assert ps[0].year is None and ps[0].rel is None


def test_years_ago_gives_no_period_and_blocks_the_date():
    (c,) = parse("Ten years ago trade stood at $1.1 billion.", as_of="2025-06-01")
    assert c.period is None and "period" in c.unsure


def test_a_written_year_still_gives_the_period():
    (c,) = parse("In 2015 trade stood at $1.1 billion.", as_of="2025-06-01")
    assert c.period is not None and c.period.start == "2015-01"


def _doc(text: str):
    from tradecheck.claims.context import Doc

    return Doc.read(text, text, "en", None, ("BLR", "CHN"))


def test_counterpart_named_needs_the_other_country_in_the_text():
    from tradecheck.claims.context import contexts
    from tradecheck.claims.resolve.direction import counterpart_named, flow_keyword

    doc = _doc("China's exports rose 5% in 2023.")
    kw = flow_keyword(contexts(doc)[0])
    assert not counterpart_named(doc, kw, "CHN", None)
    assert counterpart_named(doc, kw, "CHN", "BLR")  # written beside the flow word
    doc2 = _doc("Belarus buys machinery. China's exports rose 5% in 2023.")
    kw2 = flow_keyword(contexts(doc2)[0])
    assert counterpart_named(doc2, kw2, "CHN", None)


def test_an_unnamed_actor_is_not_a_missing_counterpart():
    from tradecheck.claims.context import contexts
    from tradecheck.claims.resolve.direction import counterpart_named, flow_keyword

    doc = _doc("Exports to China rose 5% in 2023.")
    kw = flow_keyword(contexts(doc)[0])
    assert counterpart_named(doc, kw, None, "CHN")


def test_country_named_before_reads_the_first_mention_of_each_pair_country():
    doc = _doc("Trade with China grew. Belarus sold more.")
    assert doc.country_named_before("CHN", 20) and not doc.country_named_before("BLR", 20)
    assert doc.country_named_before("BLR", len(doc.norm))


def test_the_first_level_of_a_from_to_construction_is_no_claim():
    from tradecheck.claims.context import contexts
    from tradecheck.claims.resolve.relevance import is_trade_value

    text = "Товарооборот: было $1,2 млрд, стало $3,4 млрд за 2024 год."
    from tradecheck.claims.context import Doc

    doc = Doc.read(text, text, "ru", None, ("BLR", "CHN"))
    assert [is_trade_value(c) for c in contexts(doc)] == [False, True]


def _ctxs(text: str, lang: str = "en"):
    from tradecheck.claims.context import Doc, contexts

    return contexts(Doc.read(text, text, lang, None, ("BLR", "CHN")))


def test_bracketed_after_change_only_for_money_right_after_a_change():
    from tradecheck.claims.resolve.relevance import bracketed_after_change

    pct, money = _ctxs("Exports rose 4% (about $680 million) in 2024.")
    assert bracketed_after_change(money) and not bracketed_after_change(pct)
    _, to_level = _ctxs("Exports rose 4% (to $680 million) in 2024.")
    assert not bracketed_after_change(to_level)
    (level, _pct) = _ctxs("Exports were $680 million (up 4%) in 2024.")
    assert not bracketed_after_change(level)


def test_a_year_named_as_the_base_is_a_comparison_base():
    ps, _ = find_periods("якщо за базу брати 2023 рік")
    assert [p.is_base for p in ps] == [True]
    ps, _ = find_periods("если за базу взять 2022 год")
    assert [p.is_base for p in ps] == [True]


def test_running_total_only_for_a_whole_year_not_over():
    from tradecheck.claims.model import Period
    from tradecheck.claims.resolve.period import running_total

    (ctx,) = _ctxs("Trade in 2023 has already reached $5.8 billion.")
    assert running_total(ctx, Period("2023-01", "2023-12"))
    assert not running_total(ctx, Period("2023-01", "2023-06"))  # months stated
    (plain,) = _ctxs("Trade in 2023 reached $5.8 billion.")
    assert not running_total(plain, Period("2023-01", "2023-12"))


def test_balance_without_any_country_leaves_the_holder_open():
    from tradecheck.claims.resolve.balance import balance, first_country_balance
    from tradecheck.claims.resolve.direction import UNSURE

    (ctx,) = _ctxs("In 2024 the trade deficit was $2.1 billion.")
    assert balance(ctx) == (-2.1e9, UNSURE)
    assert first_country_balance(-2.1e9, UNSURE, ("BLR", "CHN")) == (-2.1e9, None)
    (named,) = _ctxs("In 2024 Belarus's trade deficit with China was $2.1 billion.")
    assert balance(named) == (-2.1e9, "BLR->CHN")


def test_named_as_pair_tells_sides_from_a_holder():
    from tradecheck.claims.resolve.direction import named_as_pair

    for text, expected in [
        ("Belarus-China trade grew.", True),
        ("Trade between Belarus and China grew.", True),
        ("Belarus's trade with China grew.", False),
        ("Exports from Belarus to China grew.", False),
        ("Belarus's trade grew.", False),
    ]:
        doc = _doc(text)
        named = [c for c in doc.mentions.countries if c.iso in doc.pair]
        assert named_as_pair(doc, named) is expected, text


def test_some_days_of_a_month_are_not_whole_months():
    (p,) = find_periods("the first 15 days of March 2024")[0]
    assert not p.anchored
    (whole,) = find_periods("in March 2024")[0]
    assert whole.anchored and (whole.m1, whole.m2, whole.year) == (3, 3, 2024)
    (zh,) = find_periods("2024年3月前15天")[0]
    assert not zh.anchored


def test_excluded_product_reads_the_word_before_the_product():
    from tradecheck.claims.resolve.relevance import excluded_product

    (non,) = _ctxs("In 2021 non-potash exports to China were $512 million.")
    assert excluded_product(non)
    (plain,) = _ctxs("In 2021 potash exports to China were $512 million.")
    assert not excluded_product(plain)
    (glued,) = _ctxs("В 2021 году некалийный экспорт в Китай составил 512 млн долларов.", "ru")
    assert excluded_product(glued)
    (word_end,) = _ctxs("В стране калийный экспорт в Китай составил 512 млн долларов.", "ru")
    assert not excluded_product(word_end)  # "стране" ends in "не" but is no prefix


def test_unanchored_opens_the_direction_only_without_period_and_countries():
    from tradecheck.claims.resolve.direction import flow, unanchored

    (ctx,) = _ctxs("Our trade reached a record $11 billion.")
    fl = flow(ctx, False)
    assert fl is not None and fl.direction == "both"
    assert unanchored(ctx, fl, has_period=False).direction is None
    assert unanchored(ctx, fl, has_period=False).unsure
    assert unanchored(ctx, fl, has_period=True) == fl
    (named,) = _ctxs("Belarus-China trade reached a record $11 billion.")
    fl2 = flow(named, False)
    assert fl2 is not None and unanchored(named, fl2, has_period=False) == fl2


def test_past_aside_skips_one_bracketed_remark_only():
    from tradecheck.claims._periods import _past_aside

    text = "Q1 (a remark) 2025"
    assert text[_past_aside(text, 2) :] == " 2025"
    assert _past_aside("Q1 2025", 2) == 2
    (p,) = [p for p in find_periods("1 квартал (примітка) 2025 року")[0]]
    assert (p.m1, p.m2, p.year) == (1, 3, 2025)


def test_year_or_same_months_needs_a_shorter_period_before_the_bracket():
    from tradecheck.claims.resolve.period import _nearest_in_sentence, year_or_same_months

    def check(text: str) -> bool:
        ctx = _ctxs(text)[-1]
        ps = [p for p in ctx.doc.mentions.periods if not p.is_base]
        return year_or_same_months(ctx, _nearest_in_sentence(ctx, ps), ps)

    assert check("In Q1 2025 exports were $239.5 million (2024: $237.5 million).")
    assert not check("In 2025 exports were $2.1 billion (2024: $1.9 billion).")
    assert not check("In Q1 2025 exports were $239.5 million, in 2024 $237.5 million.")


def test_same_period_cue_takes_its_year_as_the_base():
    ps, cues = find_periods("чем за аналогичный период 2024 г.")
    # the year is a comparison base (never a period later sentences inherit), and it is the
    # written year, not always the year before ("аналогичный период 2019 года" after 2021)
    assert [(p.year, p.is_base) for p in ps] == [(2024, True)] and len(cues) == 1
    (p,) = find_periods("За 10 місяців 2025 року")[0]
    assert (p.m1, p.m2, p.year) == (1, 10, 2025)
