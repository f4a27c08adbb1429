"""Shares in a list of partners, and 'of all' in Slavic inflections (constructed examples)."""

from __future__ import annotations

import pytest

from tradecheck.claims.context import Doc, contexts
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
