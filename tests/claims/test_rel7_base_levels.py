"""Starting levels of from-to changes that the relevance stage used to drop (rel7): a level
with its own written period right after it, and a level whose change is said year-on-year.
Sentences are constructed paraphrases, not quotes."""

from __future__ import annotations

from tradecheck.claims.parse import parse


def _levels(text: str, as_of: str = "2024-06-01") -> list[tuple[float, str | None, str | None]]:
    return [
        (c.value, c.period.start if c.period else None, c.period.end if c.period else None)
        for c in parse(text, pair=("BLR", "CHN"), as_of=as_of)
        if c.quantity == "level"
    ]


def test_starting_level_with_own_month_when_the_new_level_says_same_month() -> None:
    t = "Belarus's exports to China slipped from $41.6 million in April 2022 to $39.2 million "
    t += "in the same month of this year."
    assert _levels(t)[0] == (41.6e6, "2022-04", "2022-04")


def test_starting_level_of_a_year_on_year_change_takes_the_base_period() -> None:
    t = "In January-September 2021 Belarus's imports from China went up 18 percent from "
    t += "$2.2 billion to $2.6 billion year-on-year."
    assert _levels(t) == [(2.2e9, "2020-01", "2020-09"), (2.6e9, "2021-01", "2021-09")]


def test_year_on_year_without_a_change_leaves_the_starting_level_unread() -> None:
    t = "In 2021 Belarus's imports from China went from $2.2 billion to $2.6 billion "
    t += "year-on-year."
    assert [v for v, _, _ in _levels(t)] == [2.6e9]


def test_undated_starting_level_still_dropped() -> None:
    t = "Товарооборот Беларуси и Китая вырос с 3 млрд долларов до 4 млрд долларов."
    assert [v for v, _, _ in _levels(t)] == [4e9]


def test_starting_level_followed_by_a_base_period_is_not_its_own_period() -> None:
    t = "Exports from Belarus to China fell from $41.6 million in the same period of last year "
    t += "to $39.2 million in January-April 2024."
    got = _levels(t)
    assert (39.2e6, "2024-01", "2024-04") in got
    # the base period is no period of the level's own: read with it or not at all
    assert all(p == ("2023-01", "2023-04") for v, *p in got if v == 41.6e6)


def test_dated_base_of_a_target_is_an_outcome() -> None:
    t = "The two governments want trade between Belarus and China to reach $12 billion by "
    t += "2029 from $6.3 billion in 2022."
    assert _levels(t) == [(6.3e9, "2022-01", "2022-12")]


def test_dated_base_of_a_target_in_russian() -> None:
    t = "Стороны намерены довести товарооборот Беларуси и Китая до 12 млрд долларов против "
    t += "6,3 млрд долларов по итогам 2022 года."
    assert _levels(t) == [(6.3e9, "2022-01", "2022-12")]


def test_undated_base_of_a_target_stays_dropped() -> None:
    t = "The two governments want trade between Belarus and China to reach $12 billion by "
    t += "2029 from $6.3 billion."
    assert _levels(t) == []
