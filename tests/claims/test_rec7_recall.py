"""Recall of the claim reader (rec7): constructions read in general; constructed texts."""

from __future__ import annotations

import pytest

from tradecheck.claims.mentions import find_amounts
from tradecheck.claims.parse import parse


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


def _shares(text: str, pair: tuple[str, str], lang: str = "en") -> list[tuple[float, str | None]]:
    return [
        (c.value, c.direction) for c in parse(text, lang=lang, pair=pair) if c.quantity == "share"
    ]


def test_percent_of_a_named_countrys_flow_is_a_share_of_it() -> None:
    text = "In 2019, 35 percent of Peru's copper exports were shipped to China."
    assert _shares(text, ("PER", "CHN")) == [(35.0, "PER->CHN")]


def test_percent_of_a_country_without_its_flow_is_no_share_of_a_flow() -> None:
    from tradecheck.claims.context import Doc, contexts
    from tradecheck.claims.resolve.share import share_of_countrys_flow

    text = "In 2019 trade with China grew by 35 percent of Peru in the ranking."
    doc = Doc.read(text, text, "en", None, ("PER", "CHN"))
    assert [share_of_countrys_flow(c) for c in contexts(doc)] == [False]


def test_share_word_right_after_the_percent() -> None:
    text = "In 2019 trade with Peru gave China a 6.5% share of Peru's total trade."
    assert _shares(text, ("PER", "CHN")) == [(6.5, "both")]


def test_share_word_after_a_percent_as_a_verb_of_composition_is_no_share() -> None:
    from tradecheck.claims.context import Doc, contexts
    from tradecheck.claims.resolve.share import share_word_after

    text = "У 2023 році 30% припадає на зерно."
    doc = Doc.read(text, text, "uk", None, ("UKR", "CHN"))
    assert [share_word_after(c) for c in contexts(doc)] == [False]


def test_share_word_earlier_in_the_sentence_outside_the_clause() -> None:
    text = (
        "The share of Peru's exports to China in all its exports, at 17.3%, was a record in 2019."
    )
    assert _shares(text, ("PER", "CHN")) == [(17.3, "PER->CHN")]


def test_a_threshold_after_a_share_is_no_share() -> None:
    text = "2019年秘鲁在中国进口中所占比重上升到3.4%，首次突破3%。"
    assert [v for v, _ in _shares(text, ("PER", "CHN"), "zh")] == [3.4]


def test_share_of_a_country_named_after_the_share_word_is_no_claim() -> None:
    text = (
        "В 2024 году доля Китая во внешней торговле Армении достигла 19,5%, "
        "обогнав долю Ирана, составившую 18,1%."
    )
    assert [v for v, _ in _shares(text, ("ARM", "CHN"), "ru")] == [19.5]


def test_an_approximate_percent_rounding_the_one_before_is_no_share_of_its_own() -> None:
    text = (
        "Fast growth raised the share of Chinese goods in Peru's total imports from 21.2% in "
        "2019 to 29.8% in 2020, or nearly a third of the country's total imports."
    )
    assert _shares(text, ("PER", "CHN")) == [(21.2, "CHN->PER"), (29.8, "CHN->PER")]


def test_a_list_whose_items_carry_their_own_periods_shares_the_change_word() -> None:
    text = (
        "Imports from Japan fell as well, dropping 4.9 percent in 2016, 3.8 percent in 2017 "
        "and 10.2 percent in January-June of 2018."
    )
    got = [(c.quantity, c.value) for c in parse(text, pair=("KOR", "JPN"))]
    assert got == [("pct_change", -4.9), ("pct_change", -3.8), ("pct_change", -10.2)]


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


@pytest.mark.parametrize(
    ("text", "lang", "pair", "value"),
    [
        (
            "In 2021 Peru's exports to China exceeded its imports from China by $12 billion.",
            "en",
            "PER-CHN",
            12e9,
        ),
        (
            "In 2021 Peru's imports from China exceeded its exports to China by $2 billion.",
            "en",
            "PER-CHN",
            -2e9,
        ),
        (
            (
                "Kasachstans Ausfuhren nach China übertrafen 2019 die Einfuhren um "
                "2,1 Milliarden US-Dollar."
            ),
            "de",
            "KAZ-CHN",
            2.1e9,
        ),
        (
            (
                "У 2019 році експорт з Польщі в Україну перевищив український експорт до "
                "Польщі на 900 мільйонів доларів."
            ),
            "uk",
            "UKR-POL",
            -0.9e9,
        ),
    ],
)
def test_one_flow_exceeding_the_other_by_an_amount_is_a_balance(
    text: str, lang: str, pair: str, value: float
) -> None:
    [c] = parse(text, lang=lang, pair=tuple(pair.split("-")))  # type: ignore[arg-type]
    assert (c.quantity, c.value, c.direction, c.bound) == ("balance", value, "both", "eq")


def test_exceeding_a_threshold_is_no_balance() -> None:
    text = "In 2021 Peru's exports to China exceeded $12 billion, more than its imports."
    [c] = parse(text, pair=("PER", "CHN"))
    assert (c.quantity, c.bound) == ("level", "gt")


@pytest.mark.parametrize(
    ("unit", "codes"),
    [("兰特", {"ZAR"}), ("比索", {"MXN", "ARS", "CLP"}), ("卢比", {"INR", "PKR"}), ("元", None)],
)
def test_chinese_unit_nouns_follow_the_country_name_in_cldr(
    unit: str, codes: set[str] | None
) -> None:
    from tradecheck.claims.cldr_currencies import _units

    found = _units().get(unit)
    assert found is None if codes is None else codes <= found


@pytest.mark.parametrize(
    ("text", "pair", "currency"),
    [
        ("2010年南非对华出口总额达到312亿兰特。", "ZAF-CHN", "ZAR"),
        ("2020年墨西哥对华出口额为1500亿比索。", "MEX-CHN", "MXN"),
        ("2022年印度自华进口额达到1.2万亿卢比。", "IND-CHN", "INR"),
    ],
)
def test_chinese_unit_noun_alone_is_the_pairs_currency(text: str, pair: str, currency: str) -> None:
    [c] = parse(text, lang="zh", pair=tuple(pair.split("-")))  # type: ignore[arg-type]
    assert (c.quantity, c.currency) == ("level", currency)


def test_chinese_unit_noun_of_no_pair_country_gives_no_currency() -> None:
    from tradecheck.claims.cldr_currencies import name_code, unit_code

    assert unit_code(name_code("比索"), ("MEX", "CHN")) == "MXN"
    assert unit_code(name_code("比索"), ("DEU", "CHN")) is None
