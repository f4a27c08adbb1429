"""Countries named as the ones ranked ahead of a figure's subject: no partners of the figure.

A ranking names the countries before the subject with a word of order: "China is second behind
Russia", "liegt hinter Frankreich und Italien", "на втором месте после России идет Китай",
"пасьля Расеі ідзе Кітай", "仅次于美国" (concept ``ranked_after`` of ``claims/lang/*.toml``).
Those countries hold no role in the figure (neither exporter, importer nor partner): read as
partners they make the figure look like another pair's. English "after" is no such word (it is
mostly of time: "after Russia lifted the ban"), and a list goes on only over a comma or "and"
with at most an English article ("hinter Frankreich, den Niederlanden": the Netherlands stay,
since a ranked name followed by its own figure, "hinter den USA (189 Mrd)", must keep it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Protocol

from tradecheck.claims import lexicon as L

__all__ = ["in_ranking", "ranked_ahead"]

#: how far before a name its word of order may stand (room for an article: "hinter den USA")
_REACH = 24


class _Named(Protocol):
    """A name found in the text (a partners.Mention)."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


@cache
def _ranked_before() -> re.Pattern[str]:
    """A word of order right before a name, an article between them allowed ("behind the US")."""
    art = L.source("article")
    return re.compile(rf"(?:{L.source('ranked_after')})\s*(?:(?:{art})\s+)?$", re.IGNORECASE)


@cache
def _list_gap() -> re.Pattern[str]:
    """What joins two names of one list: a comma or "and", an article after it allowed."""
    art = L.source("article")
    joint = rf"(?:,|、|(?:{L.source('and_word')}))"
    return re.compile(rf"\s*{joint}\s*(?:(?:{art})\s+)?(?:,\s*)?", re.IGNORECASE)


def ranked_ahead(norm: str, named: Sequence[_Named]) -> set[int]:
    """The starts of the names in ``named`` (in text order) that a ranking puts ahead of the
    subject: a name right after a word of order, and the names listed right after it.

    Examples
    --------
    >>> from types import SimpleNamespace as N
    >>> t = "China was fourth behind Germany, Belgium and the US; France was fifth."
    >>> names = [N(start=t.index(w), end=t.index(w) + len(w))
    ...          for w in ("China", "Germany", "Belgium", "US", "France")]
    >>> sorted(ranked_ahead(t, names)) == [t.index(w) for w in ("Germany", "Belgium", "US")]
    True
    """
    out: set[int] = set()
    prev: _Named | None = None
    for m in named:
        lo = max(0, m.start - _REACH)
        ahead = _ranked_before().search(norm, lo, m.start) is not None
        listed = prev is not None and prev.start in out and prev.end <= m.start
        if ahead or (listed and prev and _list_gap().fullmatch(norm, prev.end, m.start)):
            out.add(m.start)
        prev = m
    return out


def in_ranking(norm: str, lo: int, pos: int) -> bool:
    """Whether a word of order stands between ``lo`` and ``pos`` (a sentence's start and a
    name in it): the name is then a ranked partner of the text's subject ("на втором месте после
    России идет Китай — минус 2 млрд": Belarus's deficit with China), not the holder of a
    balance.

    Examples
    --------
    >>> t = "Second behind Russia comes China"
    >>> in_ranking(t, 0, t.index("China")), in_ranking(t, 0, t.index("Second"))
    (True, False)
    """
    return L.pattern("ranked_after").search(norm, lo, pos) is not None
