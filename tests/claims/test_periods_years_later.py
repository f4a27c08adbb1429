""" "N years later": a count of years counts from the year spoken of and dates the figure;
without an earlier year it is unsure (claims/_periods.py). Forms the language files lacked
on study set M (issues 8 and 13). Every sentence is a constructed paraphrase (other words,
numbers and countries)."""

from __future__ import annotations

import pytest

from tradecheck.claims._periods import find_periods
from tradecheck.claims.parse import parse


@pytest.mark.parametrize(
    ("text", "rel"),
    [
        ("Imports were $4 billion in 2011; three years later they were $6 billion.", 3),
        ("A year later imports were $6 billion.", 1),
        ("Zwei Jahre später lagen die Einfuhren bei 6 Mrd. Euro.", 2),
        ("Спустя год импорт вырос до 6 млрд долларов.", 1),
        ("Через чотири роки імпорт становив 6 млрд доларів.", 4),
        ("三年后进口额为60亿美元。", 3),
        ("次年进口额为60亿美元。", 1),
    ],
)
def test_years_later_counts_from_the_year_spoken_of(text: str, rel: int) -> None:
    later = [p for p in find_periods(text)[0] if p.from_context]
    assert [(p.rel, p.full_year) for p in later] == [(rel, True)]


def test_a_year_glued_to_later_is_no_count_of_years() -> None:
    # "2030年后" is "after 2030", not "30 years later"
    assert not [p for p in find_periods("2030年后进口额将为60亿美元。")[0] if p.from_context]


@pytest.mark.parametrize(
    ("text", "lang", "start"),
    [
        ("Imports from Chile were $4 billion in 2011. Two years later they reached $5 billion.",
         "en", "2013-01"),
        ("Der Handel lag 2009 bei 3 Mrd. Euro. Ein Jahr später stieg er auf 4 Mrd. Euro.",
         "de", "2010-01"),
        (("В 2016 году товарооборот составил 90 млн долларов. Спустя год он вырос до "
          "120 млн долларов."), "ru", "2017-01"),
        (("Торгівля становила 700 млн євро у 2010 році, а через три роки зросла до "
          "900 млн євро."), "uk", "2013-01"),
    ],
)  # fmt: skip
def test_years_later_dates_the_figure(text: str, lang: str, start: str) -> None:
    c = parse(text, as_of="2020-05-01", lang=lang, pair=("PER", "CHL"))[-1]
    assert c.period is not None and c.period.start == start


def test_years_later_without_an_earlier_year_is_unsure() -> None:
    # no year to count from: no period, never the publication year plus n
    (c,) = parse("Two years later trade reached $5 billion.", as_of="2020-05-01")
    assert c.period is None
