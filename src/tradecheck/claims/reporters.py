"""Whose statistics a figure cites: the ``reporter`` cues of the language files, found in a
text and turned into the claim's ``reporter`` field.

The cues are data (``[words.reporter]`` of ``claims/lang/*.toml``, keyed by ISO3: Belstat,
Destatis, ФТС, 海关总署, Vietnam's General Department of Customs, ...). A key that is not one
country (``EU27``: Eurostat) is listed in :data:`GROUPS`: such a claim keeps ``reporter`` null
and says why in its notes. A country's statistics office reporting on another pair's trade is
still that country's statistics (German statistics on Belarus–China trade: ``DEU``).

Examples
--------
>>> [key for _, key in hits("Nach Angaben von Destatis ... laut Eurostat")]
['DEU', 'EU27']
>>> field("EU27")[0] is None, field("VNM")
(True, ('VNM', []))
"""

from __future__ import annotations

import re
from functools import cache

from tradecheck.claims import lexicon as L

#: reporter keys that are not one country -> the note a claim citing them carries
GROUPS: dict[str, str] = {
    "EU27": "reporter: Eurostat (EU27) speaks for 27 countries, not one; left null",
}


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """One compiled pattern per reporter key, every language."""
    return tuple(
        (key, re.compile(L.keyed_source("reporter", key), re.IGNORECASE))
        for key in L.keys("reporter")
    )


def hits(norm: str) -> list[tuple[int, str]]:
    """Every reporter cue in ``norm`` as ``(start, key)``, in text order.

    Overlapping cues are one mention: the cue that starts first wins, then the longer one
    ("俄罗斯海关统计" is Russia's customs, not the "海关统计" inside it; "白俄罗斯海关" is
    Belarus's, not the "俄罗斯海关" inside it).

    Examples
    --------
    >>> hits("据俄罗斯海关统计"), hits("白俄罗斯海关数据")
    ([(1, 'RUS')], [(0, 'BLR')])
    """
    found = sorted(
        ((m.start(), -m.end(), key) for key, rx in _patterns() for m in rx.finditer(norm)),
    )
    out: list[tuple[int, str]] = []
    reach = -1
    for start, neg_end, key in found:
        if start < reach:
            continue  # inside (or across) a cue already taken
        out.append((start, key))
        reach = -neg_end
    return out


def field(key: str | None) -> tuple[str | None, list[str]]:
    """The claim's ``reporter`` for a cue key and the notes it adds.

    Examples
    --------
    >>> field(None), field("CHN")
    ((None, []), ('CHN', []))
    """
    if key in GROUPS:
        return None, [GROUPS[key]]
    return key, []
