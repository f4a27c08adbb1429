"""Numbers that are no trade outcome of the pair (claims/resolve/relevance.py): targets and
forecasts, yearly average rates, and figures of the economy (constructed paraphrases, not data;
issue 8).

Kinds counted on the studied parts of sets L and M (spurious claims whose number no label
has): a target or forecast said with a verb the language files lacked (de, ru, zh, be; 4
records), and an average rate per year or a moving average (en, de, zh, uk; 7 records).

A change whose subject is a balance named further back in its sentence (``balance_subject``):
the claim schema has no change of a balance, so no claim."""

from __future__ import annotations

from datetime import date

import pytest

from tradecheck.claims.context import Doc, contexts
from tradecheck.claims.parse import parse
from tradecheck.claims.resolve.relevance import balance_subject, is_trade_value


def _values(text: str, lang: str, pair: str, as_of: str = "2023-04-01") -> list[float]:
    a, b = pair.split("-")
    claims = parse(text, as_of=as_of, lang=lang, pair=(a, b))
    return [c.value for c in claims]


NO_CLAIM = [
    # a target or forecast (concepts not_trade_strong, forecast)
    (
        "uk",
        "UKR-POL",
        ("Торгівля України з Польщею торік зросла. Можемо вийти на 12 млрд доларів, заявив посол."),
    ),
    (
        "de",
        "DEU-CHL",
        (
            "Dank des neuen Abkommens ist für 2024 ein Handelsvolumen von 8 Mrd. Euro zwischen "
            "Deutschland und Chile in Sicht."
        ),
    ),
    (
        "de",
        "DEU-CHL",
        (
            "Beide Regierungen hoffen, dass der deutsch-chilenische Handel den geplanten Umfang "
            "von 3 Milliarden Euro bald erreicht."
        ),
    ),
    (
        "de",
        "DEU-CHL",
        (
            "Besprochen wurden Wege, den Warenaustausch zwischen Deutschland und Chile auf ein "
            "Niveau von 6 Milliarden Euro zu bringen."
        ),
    ),
    ("zh", "VNM-CHN", "中越双方正在为2023年双边贸易额突破3000亿美元而努力。"),
    # an average rate per year, an average level, a moving average (concept not_trade_weak)
    ("en", "CHL-PER", "Since 2010 trade between Chile and Peru has grown by 14 percent per year."),
    ("en", "VNM-KOR", "Vietnam's exports to South Korea rose 8% annually over the past decade."),
    (
        "en",
        "BRA-ARG",
        ("The average monthly trade surplus of Brazil with Argentina was $310 million in 2022."),
    ),
    (
        "en",
        "IND-VNM",
        (
            "Between 2012 and 2020 India-Vietnam trade saw annual growth rates between 15 and 25 "
            "percent."
        ),
    ),
    ("de", "DEU-POL", "Die deutschen Ausfuhren nach Polen stiegen 2022 um 6 Prozent pro Jahr."),
    (
        "de",
        "DEU-POL",
        (
            "2022 legte der Handel zwischen Deutschland und Polen wie schon jedes Jahr um 6 "
            "Prozent zu."
        ),
    ),
    (
        "de",
        "DEU-JPN",
        (
            "Der gleitende Dreimonatsdurchschnitt der deutschen Ausfuhren nach Japan stieg im "
            "Februar auf 3,2%."
        ),
    ),
    ("ru", "RUS-MNG", "В 2022 году экспорт России в Монголию вырос на 7% в год."),
    ("uk", "UKR-LTU", "У 2022 році експорт України до Литви щороку зростав на 11%."),
    ("uk", "UKR-LTU", "Торгівля України з Литвою зараз становить близько 900 млн доларів на рік."),
    ("zh", "VNM-CHN", "近年来越南对华出口年增长率保持在20%以上。"),
    ("zh", "VNM-CHN", "2015年以来越南对华出口每年增长15%。"),
]


@pytest.mark.parametrize(("lang", "pair", "text"), NO_CLAIM)
def test_targets_and_yearly_averages_give_no_claim(lang: str, pair: str, text: str) -> None:
    assert _values(text, lang, pair) == []


OUTCOME_KEPT = [
    # "average" after a comparison word is a benchmark, not the figure's kind
    (
        "en",
        "BRA-ARG",
        ("In 2022 Brazil's exports to Argentina grew 21 percent, above the regional average."),
        [21.0],
    ),
    # "überdurchschnittlich" (above average) is a comparison, not an average
    (
        "de",
        "DEU-POL",
        "Die deutschen Ausfuhren nach Polen stiegen 2022 überdurchschnittlich um 9 Prozent.",
        [9.0],
    ),
    # 年 of a written year before 增长率 is that year's rate
    ("zh", "VNM-CHN", "2022年越南对华出口增长率为8%。", [8.0]),
    # the yearly rate of a later clause leaves the outcome's clause alone
    (
        "en",
        "CHL-PER",
        (
            "In 2023 Chile's exports to Peru rose 9% to $2.1 billion, after growing by 4 percent "
            "per year since 2010."
        ),
        [9.0, 2.1e9],
    ),
]


@pytest.mark.parametrize(("lang", "pair", "text", "values"), OUTCOME_KEPT)
def test_outcomes_beside_the_new_words_are_read(
    lang: str, pair: str, text: str, values: list[float]
) -> None:
    assert _values(text, lang, pair, "2024-04-01") == values


def test_is_trade_value_marks_each_amount_of_a_sentence() -> None:
    text = (
        "In 2022 Chile's exports to Peru rose 9 percent; since 2010 they grew 4 percent per year."
    )
    doc = Doc.read(text, text, "en", date(2023, 4, 1), ("CHL", "PER"))
    assert [is_trade_value(c) for c in contexts(doc)] == [True, False]


def test_economy_figures_are_no_trade_values() -> None:
    text = (
        "Die deutschen Einfuhren aus Chile stiegen 2022 um 5 Prozent. Die chilenische "
        "Wirtschaftsleistung wuchs 2022 um 2,4 Prozent, der private Konsum sank um 3,1 Prozent."
    )
    assert _values(text, "de", "DEU-CHL") == [5.0]


@pytest.mark.parametrize(
    "text",
    [
        "In 2020 New Zealand's exports to Chile reached 1.4 billion NZ dollars.",
        "In 2020 New Zealand's exports to Chile reached 1.4 billion NZ dollar.",
        "In 2020 New Zealand's exports to Chile reached NZD 1.4 billion.",
    ],
)
def test_nz_dollars_are_new_zealand_dollars(text: str) -> None:
    claims = parse(text, as_of="2021-04-01", lang="en", pair=("NZL", "CHL"))
    assert [(c.value, c.currency) for c in claims] == [(1.4e9, "NZD")]


LEAD = "In May 2024 Ghana's exports to Nigeria fell to $45 million. "


def _subjects(text: str) -> list[bool]:
    doc = Doc.read(text, text, "en", date(2024, 7, 1), ("GHA", "NGA"))
    out = []
    for c in contexts(doc):
        prev = doc.mentions.amounts.last_before(c.amount.start)
        out.append(balance_subject(c, prev.end if prev else 0))
    return out


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        # the balance is the subject, far before the change and across a clause
        (
            LEAD + "Ghana's trade deficit with Nigeria, from January to May of this "
            "year, narrowed by 8 per cent.",
            [False, True],
        ),
        # a flow word between the balance word and the change: the flow's change
        (LEAD + "The deficit narrowed as exports to Nigeria grew by 8 per cent.", [False, False]),
        # "the gap between imports and exports" is a balance (concept balance)
        ("Figures show the gap between imports and exports widened by 13 percent in 2022.", [True]),
    ],
)
def test_balance_subject(text: str, subjects: list[bool]) -> None:
    assert _subjects(text) == subjects


def test_the_balance_change_gives_no_claim_and_the_level_stays() -> None:
    text = (
        LEAD + "Ghana's trade deficit with Nigeria, from January to May of this "
        "year, narrowed by 8 per cent."
    )
    claims = parse(text, as_of="2024-07-01", lang="en", pair=("GHA", "NGA"))
    assert [(c.quantity, c.value) for c in claims] == [("level", 4.5e7)]
