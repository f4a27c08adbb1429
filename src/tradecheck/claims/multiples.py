"""Multiples written with a number: which are plausible, and what Chinese "增长N倍" means.

Chinese 倍 after an increase verb ("增长2.6倍", "上升了3596倍", "增长超2.6倍") is an increase
*by* N times, new/base = N + 1; "是…的2.2倍" / "为…的2.2倍" is the plain multiple. The verbs
are the Chinese ``increase`` words of ``claims/lang/zh.toml``; a bound word ("超", "近", "约")
may stand between verb and number.
"""

from __future__ import annotations

import re
from functools import cache

from tradecheck.claims import lexicon as L

#: the largest multiple read ("上升了3596倍" is real); larger numbers are not multiples
MAX_MULTIPLE = 100_000.0


def plausible_multiple(value: float, written: str) -> bool:
    """Whether a number before "times"/"-fold"/"倍"/"раза" can be a multiple: positive, at
    most :data:`MAX_MULTIPLE`, and not a year ("in 2023 times were hard").

    Examples
    --------
    >>> plausible_multiple(2.2, "2.2"), plausible_multiple(3596, "3596")
    (True, True)
    >>> plausible_multiple(2023, "2023"), plausible_multiple(0, "0")
    (False, False)
    """
    if not 0 < value <= MAX_MULTIPLE:
        return False
    return not re.fullmatch(r"(?:19|20)\d\d", written.strip())


@cache
def _increase_then_bound() -> re.Pattern[str]:
    """A Chinese increase verb (and 了), then any bound word, at the end of a text."""
    zh = L.load("zh")["words"]
    verbs = "|".join(sorted(zh["increase"], key=len, reverse=True))
    bounds = "|".join(f for c in ("approx", "more_than", "less_than") for f in zh[c])
    return re.compile(rf"(?:{verbs})(?:{L.source('perfective')})?\s*(?:{bounds})?\s*$")


def increase_by_times(before: str) -> bool:
    """Whether 倍 after ``before`` (the text right before the number) counts an increase *by*
    N times (new/base = N + 1).

    Examples
    --------
    >>> increase_by_times("贸易额增长"), increase_by_times("增长超"), increase_by_times("上升了")
    (True, True, True)
    >>> increase_by_times("是去年的")
    False
    """
    return bool(_increase_then_bound().search(before[-8:]))
