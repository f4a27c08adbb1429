"""Periods and base periods on the thirteenth session's study sets L and M (issues 8 and 13).
Every sentence is a constructed paraphrase (other words, numbers and countries)."""

from __future__ import annotations

import pytest

from tradecheck.claims._periods import find_periods, same_period_of
from tradecheck.claims.parse import parse


@pytest.mark.parametrize(
    "text",
    [
        "von 4 Mrd. Euro im Vergleichszeitraum 2019",
        "Im Vergleichshalbjahr 2019 lag das Defizit bei 1 Mrd. Euro.",
        "gegenüber dem Vergleichsmonat 2019",
    ],
)
def test_comparison_period_compound_is_the_same_period_of_a_year(text: str) -> None:
    assert same_period_of(text, text.index("2019"))
    (p,) = [q for q in find_periods(text)[0] if q.year == 2019]
    assert p.is_base


def test_comparison_period_sets_no_period_for_the_sentences_after_it() -> None:
    t = (
        "Der Handel Portugals mit Korea ist in den ersten acht Monaten dieses Jahres stark "
        "geschrumpft. Im Vergleichszeitraum 2018 hatte das Defizit noch 2 Mrd. Euro betragen. "
        "Die Einfuhren aus Korea fielen um 14 Prozent auf 3,1 Mrd. Euro."
    )
    c = parse(t, as_of="2019-10-01", lang="de", pair=("PRT", "KOR"))[-1]
    assert c.value == 3.1e9
    assert c.period is not None and (c.period.start, c.period.end) == ("2019-01", "2019-08")


@pytest.mark.parametrize("text", ["Im vorigen Jahr wuchs der Handel.", "Voriges Jahr wuchs er."])
def test_german_vorig_is_last_year(text: str) -> None:
    (p,) = find_periods(text)[0]
    assert (p.rel, p.full_year, p.from_context) == (-1, True, False)
