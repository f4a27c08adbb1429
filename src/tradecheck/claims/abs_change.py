"""Whether an amount of money is a change ("increased by $1 billion", "um 1 Milliarde
zugelegt", "плюс 3,5 млрд", "增加了10亿美元") rather than a level, and its sign.

The words are data: concept ``abs_change`` (a word right before the amount that always makes
it a change: "by", "plus", "минус", "增加了") and ``abs_change_weak`` (one that does so only
with a change word in the clause, before or after the amount: Russian "на", German "um" --
"вырос на $1 млрд" is a change, "поставили продукции на $1 млрд" a level). A bound word may
stand between ("by about $1 billion", "на почти 1 млрд").
"""

from __future__ import annotations

import re
from functools import cache

from tradecheck.claims import lexicon as L

_I = re.IGNORECASE


@cache
def _markers(concept: str) -> re.Pattern[str] | None:
    """A marker of ``concept`` at the end of a text, a bound word allowed after it."""
    if not L.fragments(concept):
        return None
    bounds = "|".join(L.source(c) for c in ("approx", "more_than", "less_than"))
    return re.compile(rf"(?:{L.source(concept)})\s*(?:(?:{bounds})\s*)?$", _I)


@cache
def _change_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    return L.pattern("increase"), L.pattern("decrease")


def _sign(marker: str, before: str, after: str) -> float:
    """-1 for a decrease: the marker itself ("minus", "减少了", "Rückgang von"), else the
    change word nearest before the amount, else the first after it; +1 otherwise."""
    inc, dec = _change_words()
    if dec.search(marker) and not inc.search(marker):
        return -1.0
    if inc.search(marker):
        return 1.0
    near = before[-40:]
    last = max(
        ((m.end(), s) for rx, s in ((inc, 1.0), (dec, -1.0)) for m in rx.finditer(near)),
        default=None,
    )
    if last is not None:
        return last[1]
    first = min(
        ((m.start(), s) for rx, s in ((inc, 1.0), (dec, -1.0)) for m in rx.finditer(after)),
        default=None,
    )
    return first[1] if first is not None else 1.0


@cache
def _comparative_than() -> re.Pattern[str]:
    """A comparative and "than" right after an amount ("$320 million less than in 2024",
    "US$2 billion higher than the figure", "5 Mrd. Euro mehr als im Vorjahr")."""
    return re.compile(
        rf"\s*(?P<w>{L.source('comparative_after')})[\s,]+(?:{L.source('than')})(?P<rest>.*)",
        _I | re.DOTALL,
    )


@cache
def _flow_words() -> re.Pattern[str]:
    return re.compile("|".join(L.source(c) for c in ("export", "import", "trade")), _I)


#: how far after "than" a flow word makes the comparison one of two flows (a balance)
_THAN_REACH = 25


def comparative_sign(after: str) -> float | None:
    """+1 or -1 when a comparative and "than" follow the amount right away and compare it with
    another period ("$320 million less than in the same period of 2024"): an absolute change;
    None otherwise, also when "than" is followed by a flow ("$5 billion more than imports"
    compares two flows).

    Examples
    --------
    >>> comparative_sign(" less than in the same period of 2024")
    -1.0
    >>> comparative_sign(" mehr als im Vorjahr"), comparative_sign(" more than imports") is None
    (1.0, True)
    >>> comparative_sign(", more than in 2023") is None
    True
    """
    m = _comparative_than().match(after)
    if m is None or after[: m.start("w")].strip() or _flow_words().search(m["rest"][:_THAN_REACH]):
        return None
    inc, dec = _change_words()
    if dec.fullmatch(m["w"]):
        return -1.0
    return 1.0 if inc.fullmatch(m["w"]) else None


@cache
def _by_before() -> re.Pattern[str]:
    return re.compile(rf"(?:{L.source('change_by')})\s*$", _I)


def by_before(before: str) -> bool:
    """Whether ``before`` (the words before an amount) ends with "by" ("exceeded imports by ",
    "um ", "на "): the amount is a difference, not a level or a threshold.

    Examples
    --------
    >>> by_before("exceeded its imports by "), by_before("übertrafen die Einfuhren um ")
    (True, True)
    >>> by_before("exceeded ")
    False
    """
    return _by_before().search(before) is not None


def abs_change_sign(before: str, after: str) -> float | None:
    """+1 or -1 when the amount between ``before`` and ``after`` (the clause's text on either
    side) is an absolute change, None when it is a level.

    Examples
    --------
    >>> abs_change_sign("Trade increased by ", " in 2023")
    1.0
    >>> abs_change_sign("Der Handel hat um ", " Euro zugelegt")
    1.0
    >>> abs_change_sign("Товарооборот – минус ", "")
    -1.0
    >>> abs_change_sign("поставили продукции на ", " в 2023 году") is None
    True
    >>> abs_change_sign("exports reached ", "") is None
    True
    """
    comparative = comparative_sign(after)
    if comparative is not None:
        return comparative
    strong = _markers("abs_change")
    m = strong.search(before) if strong is not None else None
    if m is None:
        weak = _markers("abs_change_weak")
        m = weak.search(before) if weak is not None else None
        inc, dec = _change_words()
        if m is None or not any(rx.search(t) for rx in (inc, dec) for t in (before, after)):
            return None
    sign = _sign(m.group(0), before, after)
    if re.search(rf"(?:{L.source('down_word')})\s", before[-12:], _I):
        sign = -1.0
    return sign
