"""Numbers the reader used to miss: percents written as words, amounts in two units with the
currency before the larger one, shares of a flow and the level a share moved to, "more, than";
spelled decimals (``_numbers.spelled_decimals``), a balance "between A and B", a bracket of
other figures, "and by" sharing the verb before; a percent adjective after a hyphen, clauses
joined by a complement (``respective.complement_joined``) and comparative signs
(``abs_change.comparative_sign``).

All sentences are constructed paraphrases (numbers illustrative, not data)."""

from __future__ import annotations

import pytest

from tradecheck.claims._numbers import spelled_decimals
from tradecheck.claims.context import Doc, contexts
from tradecheck.claims.gapping import gapped_quantity, parallel_sign
from tradecheck.claims.mentions import find_amounts
from tradecheck.claims.parse import parse
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


@pytest.mark.parametrize(
    ("text", "pair", "value"),
    [
        ("The trade deficit between Tanzania and China was $4 billion in 2020.", "TZA-CHN", -4e9),
        ("The trade deficit between China and Tanzania was $4 billion in 2020.", "TZA-CHN", 4e9),
        ("In 2020 the surplus between China and Tanzania was $4 billion.", "TZA-CHN", -4e9),
        ("Der Überschuss zwischen Deutschland und China lag 2020 bei 4 Mrd. Euro.", "DEU-CHN", 4e9),
    ],
)
def test_balance_between_a_and_b_is_as(text: str, pair: str, value: float) -> None:
    claims = parse(text, pair=tuple(pair.split("-")))  # type: ignore[arg-type]
    assert [(c.quantity, c.value, c.direction) for c in claims] == [("balance", value, "both")]


@pytest.mark.parametrize(
    ("text", "lang", "written"),
    [
        ("fell 31-point-six percent", "en", "fell 0000000031.6 percent"),
        ("seven-point-four billion", "en", "00000000000007.4 billion"),
        ("one-point-eight-five times", "en", "00000000000000001.85 times"),
        ("um drei Komma fünf Prozent", "de", "um 0000000000003,5 Prozent"),
    ],
)
def test_spelled_decimals_keep_offsets(text: str, lang: str, written: str) -> None:
    out = spelled_decimals(text, lang)
    assert out == written and len(out) == len(text)


@pytest.mark.parametrize(
    "text", ["a point of view", "the 5-point plan", "point-three", "Komma, Punkt", "two points"]
)
def test_not_a_spelled_decimal(text: str) -> None:
    assert spelled_decimals(text) == text


def test_spelled_decimal_is_an_amount_written_as_in_the_text() -> None:
    [a] = find_amounts("exports came to 52-point-one billion dollars", "en")
    assert (a.value, a.currency, a.decimals) == (52.1e9, "USD", 1)


def test_a_bracket_of_other_figures_restates_nothing() -> None:
    text = "2019 wuchs der Handel zwischen Kasachstan und China um 12 Prozent (+20% bei Exporten)."
    found = [(c.quantity, c.value, c.direction) for c in parse(text, pair=("KAZ", "CHN"))]
    assert ("pct_change", 12.0, "both") in found


_UK_AND_BY = "У 2022 році експорт Казахстану до Китаю зріс на 31% у порівнянні з 2021 і на 45%."


_DE_AND_UM = "2022 sank der Export Kasachstans nach China um 3 % gegenüber 2021 und um 4 %."


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (_UK_AND_BY, [31.0, 45.0]),
        (_DE_AND_UM, [-3.0, -4.0]),
        ("In 2022 exports to China were 3% up on 2021, and 4% on 2020.", [3.0]),
    ],
)
def test_and_by_shares_the_verb_before(text: str, values: list[float]) -> None:
    claims = parse(text, pair=("KAZ", "CHN"))
    assert [c.value for c in claims if c.quantity == "pct_change"] == values


@pytest.mark.parametrize(
    ("text", "lang", "written"),
    [
        ("a 7.5-percent rise", "en", "7.5-percent"),
        ("a 4-per-cent fall", "en", "4-per-cent"),
        ("eine 15-prozentige Steigerung", "de", "15-prozentige"),
        ("показал 15-процентный рост", "ru", "15-процентный"),
        ("15-відсотковий ріст", "uk", "15-відсотковий"),
        ("15-procentowy wzrost", "pl", "15-procentowy"),
    ],
)
def test_percent_adjective_after_a_hyphen_is_a_percent(text: str, lang: str, written: str) -> None:
    [a] = find_amounts(text, lang)
    assert (a.kind, text[a.start : a.end]) == ("percent", written)


@pytest.mark.parametrize("text", ["the 2020-2024 plan", "a 5-point plan", "15-летний юбилей"])
def test_a_hyphen_without_the_percent_word_is_no_percent(text: str) -> None:
    assert all(a.kind != "percent" for a in find_amounts(text, "en"))


def test_hyphenated_percent_is_read_as_the_change_it_qualifies() -> None:
    text = "In 2022 Peru's exports to China posted a 12.5-percent decline."
    [c] = parse(text, pair=("PER", "CHN"))
    assert (c.quantity, c.value, c.direction) == ("pct_change", -12.5, "PER->CHN")


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("fell 4.2% in 2015, 3.1% in 2016", True),
        ("fell 4.2% in 2015 and 3.1% in 2016", True),
        ("fell 4.2% in 2015 while imports rose 3.1%", False),
        ("fell 4.2% in 2015, exports 3.1%", False),
    ],
)
def test_complement_joined(text: str, joined: bool) -> None:
    from tradecheck.claims.respective import complement_joined

    first = (text.index("4.2"), text.index("4.2") + 4)
    second = (text.index("3.1"), text.index("3.1") + 4)
    year = (text.index("2015"), text.index("2015") + 4)
    assert complement_joined(text, first, second, [year]) is joined


@pytest.mark.parametrize(
    ("after", "sign"),
    [
        (" less than in the same period of 2024", -1.0),
        (" higher than the figure a year earlier", 1.0),
        (" weniger als im Vorjahr", -1.0),
        (" больше, чем годом ранее", 1.0),
        (" more than imports from China", None),
        (", less than in 2023", None),
        (" in 2024", None),
    ],
)
def test_comparative_sign(after: str, sign: float | None) -> None:
    from tradecheck.claims.abs_change import comparative_sign

    assert comparative_sign(after) == sign


def test_money_less_than_in_an_earlier_period_is_an_absolute_change() -> None:
    text = (
        "Peru's exports to China fell 12% in January-June 2025 to $9.1 billion. "
        "The drop amounts to $1.2 billion less than in the same period of 2024."
    )
    got = [(c.quantity, c.value) for c in parse(text, pair=("PER", "CHN"))]
    assert got[-1] == ("abs_change", -1.2e9)
