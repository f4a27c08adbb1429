"""Shares (claims/resolve/share.py): shares in a list of partners, 'of all' in Slavic
inflections, a percent of a named country's flow, share words after the percent or earlier in
the sentence, thresholds and approximate percents after a share (constructed examples)."""

from __future__ import annotations

import pytest

from tradecheck.claims.context import Doc, contexts
from tradecheck.claims.parse import parse
from tradecheck.claims.resolve.share import SHARE_OF_TOTAL, listed_share


def _listed(text: str, lang: str) -> list[bool]:
    doc = Doc.read(text, text, lang, None, ("BLR", "CHN"))
    return [listed_share(c) for c in contexts(doc)]


@pytest.mark.parametrize(
    ("text", "lang", "flags"),
    [
        ("Partners: Russia (50% of the total trade), Ukraine (7%), China (5%).", "en", [0, 0, 1]),
        ("Partnerzy: Rosja (50 proc. całej wymiany), Chiny (5 proc.).", "pl", [0, 1]),
        # no item names the total: nothing says what the figures are shares of
        ("Partners: Russia (50%), Ukraine (7%), China (5%).", "en", [0, 0, 0]),
        # not in a bracket right after the country
        ("Partners: Russia (50% of the total trade), and China grew 5%.", "en", [0, 0]),
    ],
)
def test_listed_share(text: str, lang: str, flags: list[int]) -> None:
    assert _listed(text, lang) == [bool(f) for f in flags]


@pytest.mark.parametrize(
    ("words", "lang"),
    [(" от всей торговли", "ru"), (" от всего оборота", "ru"), (" від усіх", "uk")]
    + [(" całej wymiany", "pl"), (" ад усяго", "be"), (" від всього обігу", "uk")],
)
def test_of_all_in_every_inflection(words: str, lang: str) -> None:
    assert SHARE_OF_TOTAL.match(words) is not None, lang


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
