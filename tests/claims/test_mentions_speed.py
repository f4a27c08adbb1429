"""The currency guard of the money patterns (``mentions.CURRENCY_FIRST``) changes no match; it
is there only for speed (a number followed by no currency, "1%" repeated, was checked against
every CLDR currency name)."""

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
