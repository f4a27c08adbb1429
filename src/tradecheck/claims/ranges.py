"""A range of two figures ("13-14%", "$200–220 billion", "13%–14%"): neither end is a figure a
reader can check (labelled undeterminable in the real-text sets), so it is no claim.

Only dashes and a tilde join the two ends here, never a word: "rose 5% to $10 billion" and
"增长5%至1000亿美元" are a change and a new level, not a range. A year is never the first end
("2023 -5%" in a table is a year and a change): the first end has at most three digits before
its decimals.
"""

from __future__ import annotations

import re

_DASHES = "-–—~"
_SIGN = r"[$€£¥]?"
#: the first end and the dash, right before the second end
_FIRST_BEFORE = re.compile(rf"(?<![\d.,])\d{{1,3}}(?:[.,]\d+)?\s*%?\s*[{_DASHES}]\s*{_SIGN}\s*$")
#: the dash and the second end, right after the first end
_SECOND_AFTER = re.compile(rf"\s*[{_DASHES}]\s*{_SIGN}\s*\d{{1,3}}(?:[.,]\d+)?(?!\d)")
#: how far before or after an amount the other end of its range may stand
_REACH = 24


def in_range(norm: str, start: int, end: int) -> bool:
    """Whether the amount written at ``norm[start:end]`` is one end of a range.

    An amount whose match begins with the dash ("-14%" of "13%-14%") is read without it.

    Examples
    --------
    >>> t = "grew 13-14% and 13%-14%, to $200–220 billion; 2023 -5%; rose 5% to $10 billion"
    >>> def at(w): return in_range(t, t.index(w), t.index(w) + len(w))
    >>> [at(w) for w in ("14%", "13%", "-14%", "220 billion")]
    [True, True, True, True]
    >>> [at(w) for w in ("-5%", "5%", "$10 billion")]
    [False, False, False]
    """
    s = start + 1 if norm[start : start + 1] in _DASHES else start
    if _FIRST_BEFORE.search(norm, max(0, s - _REACH), s):
        return True
    return bool(_SECOND_AFTER.match(norm, end, end + _REACH))
