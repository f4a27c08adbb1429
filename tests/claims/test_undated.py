"""The year an undated text speaks from (claims/resolve/undated.py), on constructed text."""

from __future__ import annotations

from tradecheck.claims._lang import normalise
from tradecheck.claims.context import Doc
from tradecheck.claims.parse import parse
from tradecheck.claims.resolve.undated import speaking_year


def _doc(text: str, as_of=None) -> Doc:
    return Doc.read(text, normalise(text), "en", as_of, ("DEU", "CHN"))


def test_latest_year_written_with_months_is_the_current_year():
    t = "In 2021 exports were $1 billion. In January-May 2023 imports were $2 billion."
    assert speaking_year(_doc(t)) == 2023


def test_latest_year_written_only_whole_leaves_it_open():
    t = "In January-May 2021 exports were $1 billion. In 2023 imports were $2 billion."
    assert speaking_year(_doc(t)) is None


def test_a_comparison_base_is_not_the_text_s_year():
    t = "In April 2022 exports rose 5% compared with the same month of 2023."
    assert speaking_year(_doc(t)) == 2022


def test_a_dated_text_keeps_its_date():
    from datetime import date

    t = "In April 2022 exports were $1 billion."
    assert speaking_year(_doc(t, date(2024, 1, 5))) is None


def test_this_year_and_a_bare_month_take_that_year():
    t = (
        "In March exports to China were $1 billion. In April 2024 they were $2 billion. "
        "Last year imports from China were $3 billion."
    )
    got = [(c.value, c.period.start, c.period.end) for c in parse(t, pair=("DEU", "CHN"))]
    assert got == [
        (1e9, "2024-03", "2024-03"),
        (2e9, "2024-04", "2024-04"),
        (3e9, "2023-01", "2023-12"),
    ]


def test_no_year_anywhere_stays_null():
    t = "This year exports to China were $2 billion."
    c = parse(t, pair=("DEU", "CHN"))[0]
    assert c.period is None and "period" in c.unsure
