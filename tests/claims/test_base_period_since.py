"""A change over several years written with "since" and a year ("has grown fourfold since
2004", "seit Anfang 2018", "自2010年以来") is measured against that year's same months
(resolve/base_period.py ``since_base``); "since" after a comma ("the steepest fall since
2009") or beyond another figure is a point of reference, not the base. Constructed sentences."""

from __future__ import annotations

import pytest

from tradecheck.claims.parse import parse


@pytest.mark.parametrize(
    ("text", "pair", "base"),
    [
        (
            (
                "Poland's imports from China reached $15 billion in 2013; their value has grown "
                "more than fourfold since 2004."
            ),
            ("POL", "CHN"),
            ("2004-01", "2004-12"),
        ),
        (
            "Since 2004, Polish exports to China have risen by over 200% to $2 billion in 2013.",
            ("POL", "CHN"),
            ("2004-01", "2004-12"),
        ),
        (
            (
                "Seit Anfang 2018 haben die Einfuhren aus China bis zum ersten Quartal 2021 "
                "um 40 Prozent zugenommen."
            ),
            ("GBR", "CHN"),
            ("2018-01", "2018-03"),
        ),
        (
            (
                "С начала 2010 года экспорт России в Китай вырос в 3 раза и в 2020 году "
                "составил 49 млрд долларов."
            ),
            ("RUS", "CHN"),
            ("2010-01", "2010-12"),
        ),
        (
            "自2010年以来,中国对俄出口增长了两倍,2020年达到500亿美元。",
            ("RUS", "CHN"),
            ("2010-01", "2010-12"),
        ),
    ],
)
def test_since_year_is_the_base(text: str, pair: tuple[str, str], base: tuple[str, str]):
    change = next(c for c in parse(text, pair=pair) if c.quantity in ("pct_change", "ratio"))
    assert change.base_period is not None
    assert (change.base_period.start, change.base_period.end) == base


@pytest.mark.parametrize(
    ("text", "base"),
    [
        # a superlative after a comma: the year-on-year change stays
        ("Exports to China fell 12% in 2013, the steepest fall since 2009.", "2012-01"),
        # another figure between the change and "since"
        ("Exports to China fell 12% in 2013 to $5 billion, the lowest since 2009.", "2012-01"),
        # a written comparison base wins
        ("Since 2015, exports to China rose 30% in 2023 compared with 2022.", "2022-01"),
    ],
)
def test_since_as_reference_is_not_the_base(text: str, base: str):
    change = next(c for c in parse(text, pair=("POL", "CHN")) if c.quantity == "pct_change")
    assert change.base_period is not None and change.base_period.start == base
