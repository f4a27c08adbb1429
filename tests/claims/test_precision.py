"""Spurious claims: numbers that are no trade value of the asked pair are not reported.

Texts are constructed paraphrases (numbers illustrative, not data).
"""

from __future__ import annotations

import pytest

from tradecheck.claims import lexicon as L
from tradecheck.claims.context import Doc, contexts
from tradecheck.claims.mentions import find_amounts
from tradecheck.claims.model import Claim, Period
from tradecheck.claims.parse import restates
from tradecheck.claims.partners import anaphora, find_mentions
from tradecheck.claims.resolve.partner import attached_other
from tradecheck.claims.resolve.quantity import balance_clause_before
from tradecheck.claims.resolve.relevance import (
    carried_not_trade,
    converts_no_trade_value,
    in_physical_terms,
)


def _contexts(text: str, pair: tuple[str, str] = ("BLR", "CHN")):
    return contexts(Doc.read(text, text, "en", None, pair))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an investment cue governs the later clause: no flow word in the sentence before it
        ("Chinese investments in Belarus have risen fourfold, reaching $9 billion.", [True, True]),
        # a flow word after the cue: the trade figure stays
        ("Investment kept growing, and trade between Belarus and China reached $5 bn.", [False]),
        # an average per day in the clause before: the change of that average goes too
        ("Belarus's exports to China were $3 million per day, up 12% on 2020.", [False, True]),
    ],
)
def test_carried_not_trade(text: str, expected: list[bool]) -> None:
    assert [carried_not_trade(c) for c in _contexts(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a third country's own figure in brackets right after its name
        ("China led, ahead of the US (about $248 bn) and Japan ($200 bn).", [True, True]),
        # a pair country's figure in brackets stays
        ("Germany's trade grew most with China (€245 bn) in 2021.", [False]),
        # a bracket after a third country, but far from it: not attached
        ("Unlike Russia, Germany traded with China in 2021 (over €245 bn).", [False]),
    ],
)
def test_attached_other(text: str, expected: list[bool]) -> None:
    assert [attached_other(c) for c in _contexts(text, ("DEU", "CHN"))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the change after a clause about a deficit is the deficit's change
        ("In 2020 the deficit with China was $30 bn, up 4 percent.", [False, True]),
        # a flow word of its own: the change of that flow
        ("In 2020 the deficit with China was $30 bn, and exports rose 4 percent.", [False, False]),
        # no balance before: an ordinary change
        ("In 2020 trade with China was $30 bn, up 4 percent.", [False, False]),
    ],
)
def test_balance_clause_before(text: str, expected: list[bool]) -> None:
    got = [balance_clause_before(c) for c in _contexts(text, ("VNM", "CHN"))]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("38 млрд 607,6 млн долларов", "ru", [("money", 38_607_600_000.0)]),
        ("31亿5000万美元", "zh", [("money", 3_150_000_000.0)]),
        # the second is not below one unit of the first: two amounts
        ("3 billion 1500 million dollars", "en", [("bare", 3e9), ("money", 1.5e9)]),
        # something between them: two amounts
        ("2 billion, $300 million", "en", [("bare", 2e9), ("money", 3e8)]),
    ],
)
def test_joined_units(text: str, lang: str, expected: list[tuple[str, float]]) -> None:
    assert [(a.kind, a.value) for a in find_amounts(text, lang)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # value terms and physical terms, one per amount, written after them
        ("Exports to China rose 4 times in value terms and 5 times by volume.", [False, True]),
        # physical terms alone hold for every amount of the clause
        ("Exports to China rose 4% and imports 5% in physical terms.", [True, True]),
        # two terms for three amounts: the physical cue holds for all
        ("Exports to China rose 3% and 4% in value terms and 5% by volume.", [True, True, True]),
    ],
)
def test_in_physical_terms(text: str, expected: list[bool]) -> None:
    assert [in_physical_terms(c) for c in _contexts(text)] == expected


def _claim(value: float, precision: float, period: Period | None = None, bound: str = "eq"):
    return Claim(
        span="",
        quantity="pct_change",
        value=value,
        currency=None,
        bound=bound,  # type: ignore[arg-type]
        direction="both",
        reporter=None,
        period=period,
        base_period=None,
        precision=precision,
    )


_FEB = Period("2023-02", "2023-02")


@pytest.mark.parametrize(
    ("coarse", "fine", "expected"),
    [
        (_claim(18.0, 1.0), _claim(18.4, 0.1, _FEB), True),  # headline without a period
        (_claim(18.0, 1.0, _FEB), _claim(18.4, 0.1, _FEB), True),
        (_claim(19.0, 1.0), _claim(18.4, 0.1, _FEB), False),  # does not round to it
        (_claim(18.0, 1.0), _claim(18.43, 0.01, _FEB), False),  # two digits apart
        (_claim(18.0, 1.0, Period("2023-01", "2023-01")), _claim(18.4, 0.1, _FEB), False),
        (_claim(18.0, 1.0, bound="approx"), _claim(18.4, 0.1, _FEB), False),
    ],
)
def test_restates(coarse: Claim, fine: Claim, expected: bool) -> None:
    assert restates(coarse, fine) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the country of an earlier sentence, not the actor of its own
        ("Russia stayed first. Belarusian exports to this country grew.", [("RUS", True)]),
        # a partner named before it in the same sentence
        ("Imports from Russia rose, and exports to this country fell.", [("RUS", True)]),
        ("Экспорт в эту страну вырос. ", []),  # nothing named before: no mention
        ("Китай остался вторым. Белорусский экспорт в эту страну вырос.", [("CHN", True)]),
    ],
)
def test_anaphora(text: str, expected: list[tuple[str, bool]]) -> None:
    demonstrative = L.pattern("country_anaphora")
    ms = find_mentions(text, ("BLR", "CHN"))
    named = [m for m in ms if not demonstrative.fullmatch(text, m.start, m.end)]
    assert [(m.key, m.marked) for m in anaphora(text, named)] == expected


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("поставки в страны дальнего зарубежья", "FAR_ABROAD"),
        ("пастаўкі ў краіны далёкага замежжа", "FAR_ABROAD"),
        ("supplies to far-abroad countries", "FAR_ABROAD"),
        ("торговля со всеми странами", "WORLD"),
    ],
)
def test_far_abroad_is_a_group(text: str, key: str) -> None:
    ms = find_mentions(text, ("BLR", "CHN"))
    assert [(m.key, m.group) for m in ms] == [(key, True)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a conversion of a target: no trade value either
        ("The target is that exports reach $45 billion (about 320 billion yuan).", [False, True]),
        # a conversion of a trade figure: kept (the source may give both)
        (
            "In 2016 China's exports to Russia were 16.1 billion yuan ($2.5 billion).",
            [False, False],
        ),
        # the same currency in brackets: no conversion
        ("Exports were $45 billion ($40 billion in 2022).", [False, False]),
    ],
)
def test_converts_no_trade_value(text: str, expected: list[bool]) -> None:
    got = [converts_no_trade_value(c) for c in _contexts(text, ("RUS", "CHN"))]
    assert got == expected


def test_restatement_check_survives_numbers_near_the_float_limit() -> None:
    """A number whose value over its written precision overflows a float is still parsed, not
    raised on (constructed; found by the property test)."""
    from tradecheck.claims.parse import parse

    text = "Trade in 2022 reached $2" + "0" * 307 + ".0-fold"
    assert isinstance(parse(text, pair=("RUS", "CHN")), list)
