"""Numbers the reader used to miss: percents written as words, amounts in two units with the
currency before the larger one, shares of a flow and the level a share moved to, "more, than".

All sentences are constructed paraphrases (numbers illustrative, not data).
"""

from __future__ import annotations

import pytest

from tradecheck.claims.context import Doc, contexts
from tradecheck.claims.gapping import gapped_quantity, parallel_sign
from tradecheck.claims.mentions import find_amounts
from tradecheck.claims.resolve.bound import bound, exceeded_earlier, words_before
from tradecheck.claims.resolve.quantity import aside_start
from tradecheck.claims.resolve.share import share_level, share_of_flow, total_owner


def _ctx(text: str, lang: str, pair: tuple[str, str], i: int = 0):
    return contexts(Doc.read(text, text, lang, None, pair))[i]


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("um zwölf Prozent", "de", 12),
        ("eight percent lower", "en", 8),
        ("на пять процентов", "ru", 5),
        ("o pięć procent", "pl", 5),
    ],
)
def test_percent_written_as_a_word(text: str, lang: str, value: float) -> None:
    [a] = find_amounts(text, lang)
    assert (a.kind, a.value, a.decimals) == ("percent", value, 0)


def test_a_word_without_percent_is_no_amount() -> None:
    assert find_amounts("zwölf Monate", "de") == []


def test_two_units_with_the_currency_sign_first() -> None:
    [a] = find_amounts("$1 млрд. 402,8 млн.", "ru")
    assert (a.kind, a.value, a.currency, a.precision) == ("money", 1402800000.0, "USD", 100000.0)


def test_two_currencied_amounts_stay_apart() -> None:
    amounts = find_amounts("$1 млрд. и $400 млн.", "ru")
    assert [a.value for a in amounts] == [1e9, 4e8]


@pytest.mark.parametrize(
    ("text", "lang", "pair", "expected"),
    [
        ("2023 gingen 6,2 Prozent der deutschen Ausfuhren nach China.", "de", ("DEU", "CHN"), True),
        ("In 2021 it made up 20 percent of goods imported by Brazil.", "en", ("BRA", "CHN"), True),
        ("В 2021 году это 20% от экспорта России в Китай.", "ru", ("RUS", "CHN"), True),
        ("Im Jahr 2023 stiegen die Ausfuhren um 6 Prozent.", "de", ("DEU", "CHN"), False),
        ("In 2021 exports rose 20 percent of which most to China.", "en", ("BRA", "CHN"), False),
    ],
)
def test_share_of_flow(text: str, lang: str, pair: tuple[str, str], expected: bool) -> None:
    assert share_of_flow(_ctx(text, lang, pair)) is expected


def test_flow_owner_reads_a_destination_as_the_partner() -> None:
    ctx = _ctx("2022 gingen 5,7 Prozent der Ausfuhren in die Volksrepublik China.", "de",
               ("DEU", "CHN"))  # fmt: skip
    assert total_owner(ctx) == ("export", "DEU")
    ctx = _ctx("In 2021 it made up 20 percent of goods imported by Brazil.", "en", ("BRA", "CHN"))
    assert total_owner(ctx) == ("import", "BRA")


def test_share_level_needs_to_and_a_share_word() -> None:
    text = "Der Anteil Chinas lag 2020 bei 8 Prozent, ging aber 2022 auf 6,5 Prozent zurück."
    assert share_level(_ctx(text, "de", ("DEU", "CHN"), 1))
    text = "Der Handel lag 2020 bei 8 Mrd. Euro, ging aber 2022 auf 6,5 Prozent zurück."
    assert not share_level(_ctx(text, "de", ("DEU", "CHN"), 1))
    text = "Der Anteil Chinas lag 2020 bei 8 Prozent und stieg 2022 um 6,5 Prozent."
    assert not share_level(_ctx(text, "de", ("DEU", "CHN"), 1))


def test_more_before_a_comma_and_than() -> None:
    ctx = _ctx("В 2010 году товарооборот вырос более, чем в 10 раз.", "ru", ("KAZ", "CHN"))
    assert "более" in words_before(ctx)
    assert bound(ctx) == "gt"
    ctx = _ctx("В 2010 году товарооборот вырос, как и в 2009, в 10 раз.", "ru", ("KAZ", "CHN"))
    assert bound(ctx) == "eq"


def test_parallel_sign_takes_the_previous_percents_verb() -> None:
    text = "2019 sank der Handel um 3 Prozent auf 90 Mrd. Dollar, im Jahr 2020 um 5 Prozent."
    assert parallel_sign(_ctx(text, "de", ("RUS", "CHN"), 2)) == -1.0
    text = "2019 stieg der Handel um 3 Prozent. Die Importe um 5 Prozent auf 9 Mrd. Dollar."
    assert parallel_sign(_ctx(text, "de", ("RUS", "CHN"), 1)) == 1.0


def test_parallel_sign_needs_the_marker_and_an_earlier_change() -> None:
    text = "2019 sank der Handel um 3 Prozent, 2020 lag die Quote bei 5 Prozent."
    assert parallel_sign(_ctx(text, "de", ("RUS", "CHN"), 1)) is None
    text = "2019 lag die Quote bei 3 Prozent, 2020 um 5 Prozent."
    assert parallel_sign(_ctx(text, "de", ("RUS", "CHN"), 1)) is None


def test_a_range_of_numbers_is_no_gap() -> None:
    assert gapped_quantity("—", "出口量增长了60", False) is None
    assert gapped_quantity(" – ", "Прирост торговли услугами ", False) == ("pct_change", 1.0)


def test_parallel_sign_leaves_a_dash_to_gapping() -> None:
    text = "В 2023 году экспорт в Китай вырос на 10%, а поставки сыров – на 20%."
    assert parallel_sign(_ctx(text, "ru", ("BLR", "CHN"), 1)) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("出口增长(同比,下同)4%", 4), ("exports rose (year on year) 4%", 13), ("出口增长4%", None)],
)
def test_aside_start(text: str, expected: int | None) -> None:
    h = text.index("4%")
    assert aside_start(text, h, h) == expected


def test_aside_must_close_right_before_the_amount() -> None:
    text = "exports (of goods) rose 4%"
    assert aside_start(text, 0, text.index("4%")) is None


def test_hyphenated_compound_amount() -> None:
    [a] = find_amounts("die 70-Milliarden-Dollar-Marke", "de")
    assert (a.kind, a.value, a.currency) == ("money", 7e10, "USD")
    assert find_amounts("der 200- bis 500-Millionen-Mittelschicht", "de") == []


@pytest.mark.parametrize(
    ("text", "i", "expected"),
    [
        ("2017 überstieg der Handel von Januar bis April 4 Mrd. Dollar.", 0, True),
        ("2017 übertraf der Handel das Vorjahr um 6 Prozent.", 0, False),
        ("2017 überstieg der Export 2 Mrd. Dollar, der Import lag bei 3 Mrd. Dollar.", 1, False),
        ("2017 lag der Handel von Januar bis April bei 4 Mrd. Dollar.", 0, False),
    ],
)
def test_exceeded_earlier(text: str, i: int, expected: bool) -> None:
    assert exceeded_earlier(_ctx(text, "de", ("KAZ", "CHN"), i)) is expected
