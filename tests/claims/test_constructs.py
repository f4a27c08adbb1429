"""Constructions of issue 13 (constructed paraphrases, never quotes): forecasts, absolute
changes, sub-year periods and Chinese multiples, lists and single months."""

from __future__ import annotations

import pytest

from tradecheck.claims import lexicon as L
from tradecheck.claims.parse import parse


def _one(text: str, pair: str = "BLR-CHN", as_of: str = "2024-03-01"):
    claims = parse(text, as_of=as_of, pair=tuple(pair.split("-")))
    assert len(claims) == 1, [c.to_json() for c in claims]
    return claims[0]


# ---------------------------------------------------------------- forecasts are not outcomes
@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Trade between Russia and China may grow to $45 billion.", "RUS-CHN"),
        ("Russia-China trade is expected to reach $250 billion in 2024.", "RUS-CHN"),
        ("Товарооборот России и Китая может превысить 60 млрд долларов.", "RUS-CHN"),
        ("В 2024 году товарооборот России и Китая составит 250 млрд долларов.", "RUS-CHN"),
        ("Der Handel mit China könnte 2024 auf 260 Milliarden Euro steigen.", "DEU-CHN"),
        ("中俄贸易额今年有望突破2500亿美元。", "RUS-CHN"),
        ("中俄贸易额今年可能超过2500亿美元。", "RUS-CHN"),
    ],
)
def test_forecast_is_no_claim(text, pair):
    assert parse(text, as_of="2024-03-01", pair=tuple(pair.split("-"))) == []


def test_the_same_sentence_as_an_outcome_is_a_claim():
    c = _one("Trade between Russia and China grew to $240 billion in 2023.", "RUS-CHN")
    assert (c.quantity, c.value, c.currency) == ("level", 240e9, "USD")


def test_every_language_file_names_forecast_words():
    for lg in L.languages():
        assert L.load(lg)["words"]["forecast"], lg


# ---------------------------------------------------------------- absolute changes
@pytest.mark.parametrize(
    ("text", "pair", "value", "currency"),
    [
        ("Der Handel mit China hat 2023 um 1 Milliarde Euro zugelegt.", "DEU-CHN", 1e9, "EUR"),
        ("Der Handel mit China legte 2023 um 1 Milliarde Euro zu.", "DEU-CHN", 1e9, "EUR"),
        ("Товарооборот с Китаем в 2023 году – плюс 3,5 млрд долларов.", "RUS-CHN", 3.5e9, "USD"),
        ("Товарооборот с Китаем в 2023 году – минус 3,5 млрд рублей.", "RUS-CHN", -3.5e9, "RUB"),
        ("Trade with China increased by $1 billion in 2023.", "RUS-CHN", 1e9, "USD"),
        ("Trade with China was down $1 billion in 2023.", "RUS-CHN", -1e9, "USD"),
        ("2023年中俄贸易额增加了10亿美元。", "RUS-CHN", 1e9, "USD"),
        ("2023年中俄贸易额减少了10亿美元。", "RUS-CHN", -1e9, "USD"),
    ],
)
def test_absolute_change_in_the_currency_written(text, pair, value, currency):
    c = _one(text, pair)
    assert (c.quantity, c.value, c.currency) == ("abs_change", value, currency)
    assert c.base_period is not None


@pytest.mark.parametrize(
    "text",
    [
        "В 2023 году предприятия поставили в Китай продукции на 1,2 млрд долларов.",
        "In 2023 exports to China reached $1.2 billion.",
        "Der Handel mit China erreichte 2023 rund 250 Milliarden Euro.",
    ],
)
def test_a_level_stays_a_level(text):
    assert _one(text, "BLR-CHN").quantity == "level"


def test_abs_change_words_are_data():
    from tradecheck.claims.abs_change import abs_change_sign

    assert abs_change_sign("выросли на ", "") == 1.0  # weak marker with a change word
    assert abs_change_sign("на ", "") is None  # weak marker alone: a level
    assert abs_change_sign("ein Rückgang von ", "") == -1.0
    assert abs_change_sign("rose by about ", "") == 1.0  # a bound word between


# ---------------------------------------------------------------- sub-year periods
@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("im ersten Monat dieses Jahres", 1, 1),
        ("in den vergangenen 7 Monaten 2022", 1, 7),
        ("the past five months of 2024", 1, 5),
        ("за последние пять месяцев 2024 года", 1, 5),
        ("в первом месяце 2024 года", 1, 1),
        ("2024年首月", 1, 1),
    ],
)
def test_sub_year_period_mentions(text, start, end):
    from tradecheck.claims._periods import find_periods

    (p,), _ = find_periods(text)
    assert (p.m1, p.m2) == (start, end)


def test_past_months_without_a_year_are_a_trailing_window_not_read():
    from tradecheck.claims._periods import find_periods

    assert find_periods("in den vergangenen 5 Monaten")[0] == []


def test_im_vorjahr_is_the_year_before_the_one_spoken_of():
    text = "Die Exporte nach China lagen 2023 bei 97 Milliarden Euro, im Vorjahr bei 107."
    got = parse(text, as_of="2025-01-10", pair=("DEU", "CHN"))
    assert got[0].period.start == "2023-01"
    lone = _one("Im Vorjahr stieg der Handel mit China um 5 Prozent.", "DEU-CHN", "2025-01-10")
    assert (lone.period.start, lone.period.end) == ("2024-01", "2024-12")


def test_als_im_vorjahr_is_the_base():
    c = _one("Der Handel mit China war 2023 um 5 Prozent niedriger als im Vorjahr.", "DEU-CHN")
    assert (c.period.start, c.base_period.start) == ("2023-01", "2022-01")


# ---------------------------------------------------------------- Chinese constructions
def test_fenbie_pairs_years_with_values_in_order():
    got = parse("2022年、2023年中俄贸易额增速分别达29.3%和26.3%。", pair=("RUS", "CHN"))
    assert sorted((c.period.start, c.value) for c in got) == [("2022-01", 29.3), ("2023-01", 26.3)]


def test_fenbie_pairs_flows_with_values_in_order():
    text = "2023年，中白贸易额中，白方出口和进口分别增长5%和10%。"
    got = {c.value: c.direction for c in parse(text)}
    assert got == {5.0: "BLR->CHN", 10.0: "CHN->BLR"}


def test_lists_of_different_length_pair_nothing():
    from tradecheck.claims.respective import respective

    t = "2021年、2022年、2023年分别增长5%和7%"
    years = [(0, 5), (6, 11), (12, 17)]
    amounts = [(t.index("5%"), t.index("5%") + 2), (t.index("7%"), t.index("7%") + 2)]
    assert respective(t, [(0, len(t))], amounts, years) == {}


@pytest.mark.parametrize(
    ("text", "value", "bound"),
    [
        ("2023年中白贸易额增长超2.6倍。", 3.6, "gt"),
        ("2023年中白贸易额增长2.6倍。", 3.6, "eq"),
        ("2023年中白贸易额上升了3596倍。", 3597.0, "eq"),
        ("2023年中白贸易额是2022年的2.6倍。", 2.6, "eq"),
    ],
)
def test_chinese_multiples(text, value, bound):
    c = _one(text)
    assert (c.quantity, c.value, c.bound) == ("ratio", value, bound)


def test_a_year_before_times_is_no_multiple():
    from tradecheck.claims.multiples import plausible_multiple

    assert not plausible_multiple(2023, "2023")
    assert plausible_multiple(3596, "3596")


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("2024年1-5月，中俄贸易额增长3%，当月增长5%。", "2024-05"),
        ("今年1-2月中俄贸易额增长5%，其中2月当月增长10%。", "2024-02"),
    ],
)
def test_dangyue_is_the_single_month(text, month):
    got = parse(text, as_of="2024-07-01", pair=("RUS", "CHN"))
    single = [c for c in got if c.period.start == c.period.end]
    assert [c.period.start for c in single] == [month]


def test_a_date_is_not_a_month_period():
    from tradecheck.claims._periods import find_periods

    assert find_periods("3月7日，海关总署发布数据")[0] == []


@pytest.mark.parametrize("text", ["in July, trade fell", "im Juli stieg", "в июле вырос"])
def test_a_month_without_a_year(text):
    from tradecheck.claims._periods import find_periods

    (p,), _ = find_periods(text)
    assert (p.m1, p.m2, p.year) == (7, 7, None)


def test_may_the_verb_is_no_month():
    from tradecheck.claims._periods import find_periods

    assert find_periods("trade may grow this way")[0] == []


@pytest.mark.parametrize("text", ["seit 2015 das Land", "since 2015, trade", "自2015年以来"])
def test_since_a_year_is_no_period(text):
    from tradecheck.claims._periods import find_periods

    assert find_periods(text)[0] == []


@pytest.mark.parametrize(
    ("text", "end"),
    [("By the end of June, exports", 6), ("as of November, the balance", 11), ("к концу июня", 6)],
)
def test_year_so_far_up_to_a_month(text, end):
    from tradecheck.claims._periods import find_periods

    (p,), _ = find_periods(text)
    assert (p.m1, p.m2) == (1, end)
