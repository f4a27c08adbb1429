"""The speed guards of whole-text patterns change no match: ``mentions.CURRENCY_FIRST``,
``lexicon.LETTER_FIRST`` on country and product names, ``_periods.WORD_FIRST``. They are there
only for speed (in "1%" repeated, every number was checked against every CLDR currency name)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tradecheck.claims import mentions as M

CORPUS = Path(__file__).with_name("corpus.jsonl")
#: constructed: signs and names right after numbers, and numbers followed by other symbols
CONSTRUCTED = [
    "1% 2‰ 3° 4€ 5 $ 6₽ 7 ₴ 8¥ 9 £ 10₸ 11 ₹ 12 ₩",
    "3,5 Mrd. Euro; 7 млрд рублей; 40亿美元; 2 billion won; 5 Franken; 8 AUD$",
    "12 - 14 %, 15/16, 17+18, (19) [20] «21»",
]


def _texts() -> list[str]:
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["text"] for line in lines if line.strip()] + CONSTRUCTED


def test_currency_guard_changes_no_match() -> None:
    assert M.CURRENCY_FIRST in M._CUR_POST
    for rx in (M._MONEY, M._WORD_MONEY, M._MONEY_MORE_ZH):
        bare = re.compile(rx.pattern.replace(M.CURRENCY_FIRST, ""), rx.flags)
        for text in _texts():
            got = [(m.span(), m.group("post")) for m in rx.finditer(text)]
            assert got == [(m.span(), m.group("post")) for m in bare.finditer(text)], text


def _same_spans(guarded: re.Pattern[str], guard: str) -> None:
    bare = re.compile(guarded.pattern.replace(guard, "", 1), guarded.flags)
    for text in _texts():
        assert [m.span() for m in guarded.finditer(text)] == [
            m.span() for m in bare.finditer(text)
        ], text


def test_country_and_product_letter_guard_changes_no_match() -> None:
    from tradecheck.claims import _vocab as V
    from tradecheck.claims import lexicon as L

    for rx in [*V.COUNTRY_RES.values(), *(rx for _, rx in V.PRODUCTS)]:
        assert L.LETTER_FIRST in rx.pattern
        _same_spans(rx, L.LETTER_FIRST)


def test_years_ago_word_guard_changes_no_match() -> None:
    from tradecheck.claims import _periods as P

    for rx in P._YEARS_AGO:
        assert P.WORD_FIRST in rx.pattern
        _same_spans(rx, P.WORD_FIRST)
