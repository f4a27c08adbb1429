"""One builder for a country's name pattern (``reporters._names_of``), whole or as its core.

The builder replaced two near-identical ones; these tests keep the two forms it gives equal
to what those gave, for every country a built cue can name.
"""

from __future__ import annotations

import re

from tradecheck.claims import lexicon as L
from tradecheck.claims import reporters as R

#: cues of our own wording, with names that open other names ("Niger"/"Nigeria")
_CUES = [
    "Nigerian customs",
    "Niger's customs office",
    "nach Angaben des indischen Handelsministeriums",
    "по данным таможни Монголии",
    "据乌兹别克斯坦统计",
    "Austrian and Australian statistics",
]


def _old_names(key: str) -> re.Pattern[str]:
    names = [x for lg in L.languages() if (x := L.country_names_source(lg, key))]
    return re.compile("|".join(names) or r"(?!x)x", re.IGNORECASE)


def _old_cores(key: str) -> re.Pattern[str]:
    names = [re.sub(r"\\w[*+]$", "", x) for lg in L.languages() for x in L.country_names(lg, key)]
    return re.compile("|".join(names) or r"(?!x)x", re.IGNORECASE)


def test_whole_and_core_patterns_match_as_the_two_old_builders() -> None:
    for key in R._built_keys():
        for cue in _CUES:
            old, new = _old_names(key), R._names_of(key)
            assert [m.span() for m in old.finditer(cue)] == [m.span() for m in new.finditer(cue)]
            old, new = _old_cores(key), R._names_of(key, core=True)
            assert [m.span() for m in old.finditer(cue)] == [m.span() for m in new.finditer(cue)]


def test_core_drops_only_the_open_ending() -> None:
    whole, core = R._names_of("NER"), R._names_of("NER", core=True)
    assert whole.search("Nigerian").group() == "Nigerian"
    assert core.search("Nigerian").group() == "Niger"
    assert R._name_span("NGA", "Nigerian customs") > R._name_span("NER", "Nigerian customs")


def test_a_key_without_names_matches_nothing() -> None:
    assert R._names_of("XXX").search("anything at all") is None
    assert R._names_of("XXX", core=True).search("anything at all") is None
