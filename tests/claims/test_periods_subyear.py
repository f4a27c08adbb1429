"""The readers of sub-year period matches (``_periods._SUBYEAR_READERS``), one per kind."""

from __future__ import annotations

import re

import pytest

from tradecheck.claims import _periods as P


def _m(pattern: str, text: str) -> re.Match[str]:
    m = re.fullmatch(pattern, text, re.IGNORECASE)
    assert m is not None
    return m


def _months(pm: P.PeriodMention | None) -> tuple[int, int] | None:
    return None if pm is None else (pm.m1, pm.m2)


def test_every_kind_of_the_subyear_table_has_a_reader() -> None:
    assert {kind for _, kind in P._SUBYEAR} == set(P._SUBYEAR_READERS)


@pytest.mark.parametrize(
    ("pattern", "text", "kind", "months"),
    [
        (r"(?P<a>\w+)-(?P<b>\w+)", "March-May", "mrange", (3, 5)),
        (r"(?P<a>\w+)-(?P<b>\w+)", "November-January", "mrange", (11, 13)),
        (r"(?P<a>\d+)-(?P<b>\d+)", "4-2", "zrange", None),
        (r"(?P<a>\d+)-(?P<b>\d+)", "2-13", "zrange", None),
        (r"first (?P<n>\w+) months", "first seven months", "firstn", (1, 7)),
        (r"past (?P<n>\w+) months", "past 13 months", "pastn", None),
        (r"Q(?P<q>\d)", "Q3", "q", (7, 9)),
        (r"(?P<h>\d)H", "2H", "h", (7, 12)),
        (r"(?P<h>\d)H", "1H", "h", (1, 6)),
        (r"in (?P<a>\w+)", "in October", "month", (10, 10)),
        (r"(?P<a>\d+)月", "13月", "zmonth", None),
        (r"nine months", "nine months", "9m", (1, 9)),
        (r"first month", "first month", "first1", (1, 1)),
        (r"through (?P<b>\w+)", "through August", "ytd", (1, 8)),
    ],
)
def test_reader_gives_the_months_or_none(pattern, text, kind, months) -> None:
    assert _months(P._subyear(_m(pattern, text), kind)) == months


def test_pastn_trails_and_bmonth_starts_at_the_name() -> None:
    pm = P._subyear(_m(r"past (?P<n>\w+) months", "past four months"), "pastn")
    assert pm is not None and pm.trailing and pm.counted
    pm = P._subyear(_m(r"since (?P<a>\w+)", "since June"), "bmonth")
    assert pm is not None and (pm.start, pm.m1) == (6, 6)


def test_an_unknown_kind_gives_none() -> None:
    assert P._subyear(_m(r"x", "x"), "decade") is None


def test_halves_and_quarters_through_the_reader() -> None:
    (pm,), _ = P.find_periods("in the second half of 2019")
    assert (pm.m1, pm.m2, pm.year) == (7, 12, 2019)
    (pm,), _ = P.find_periods("in the third quarter of 2018")
    assert (pm.m1, pm.m2, pm.year) == (7, 9, 2018)


def test_take_marks_only_a_stretch_still_unread() -> None:
    mask = [False] * 8
    assert P._take(mask, 2, 5)
    assert not P._take(mask, 4, 6)
    assert mask == [False, False, True, True, True, False, False, False]


def test_a_masked_cue_is_read_once() -> None:
    # "year-on-year" read as a cue is not read again as a relative year or anything else
    ps, cues = P.find_periods("exports grew 8% year-on-year in the first quarter of 2021")
    assert len(cues) == 1 and [(p.m1, p.m2, p.year) for p in ps] == [(1, 3, 2021)]
