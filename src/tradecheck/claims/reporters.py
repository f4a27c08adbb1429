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
from bisect import bisect_right
from collections.abc import Collection
from functools import cache

from tradecheck.claims import lexicon as L

#: reporter keys that are not one country -> the note a claim citing them carries
GROUPS: dict[str, str] = {
    "EU27": "reporter: Eurostat (EU27) speaks for 27 countries, not one; left null",
}


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """One compiled pattern per reporter key, every language (agency names)."""
    return tuple(
        (key, re.compile(L.keyed_source("reporter", key), re.IGNORECASE))
        for key in L.keys("reporter")
    )


@cache
def _built() -> tuple[re.Pattern[str], tuple[tuple[str, re.Pattern[str]], ...]]:
    """The cues built from a country's names (``statistics_of``: "Turkish customs",
    "据乌兹别克斯坦统计数据"): one pattern for any country (one pass over a text), and one
    per country to tell which one a hit names."""
    keys = [k for k in L.keys("countries") if "|" not in k]
    one = re.compile(L.country_template_source("statistics_of"), re.IGNORECASE)
    each = tuple(
        (k, re.compile(L.country_template_source("statistics_of", k), re.IGNORECASE)) for k in keys
    )
    return one, each


def _built_hits(norm: str) -> list[tuple[int, int, str]]:
    """``(start, -end, key)`` of every cue built from a country's names in ``norm``."""
    one, each = _built()
    out = []
    for m in one.finditer(norm):
        key = next((k for k, rx in each if rx.fullmatch(m.group())), None)
        if key is not None:
            out.append((m.start(), -m.end(), key))
    return out


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
        [(m.start(), -m.end(), key) for key, rx in _patterns() for m in rx.finditer(norm)]
        + _built_hits(norm)
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


def carried(
    hits: list[tuple[int, str]],
    sentences: list[tuple[int, int]],
    amount_starts: list[int],
    years: list[set[int]],
    refers_back: Collection[int] = (),
    closing: Collection[int] = (),
) -> list[str | None]:
    """Per sentence, the source a sentence without a cue of its own takes from the rest of a
    text that cites **one** source only (a second source: the first carries only to the
    sentences before the second's, and the second from its own on, :func:`_up_to_second`).

    It is that source when a cue stands in an earlier sentence and the sentence names no year
    other than those of the cue's sentences, or of the first sentence after the cue that names
    one when the cue's do not (the text goes on reporting the same release, not
    the history before it: "In 2022 trade had grown 29%" after a 2024 release stays without a
    source), or when the next sentence is the cue alone, with no figure of its own ("Об этом
    сообщает ФТС.", "This was reported by Destatis."), or when the sentence holds figures and
    comes right before the first cue, whose sentence refers back to its figure (an index in
    ``refers_back``) and names no other year ("Trade reached $2.1 billion in 2024. According to
    the statistics agency, the figure is 50% higher ..."), or when the sentence holds
    figures and the next one (an index in ``closing``: same paragraph, its cue after its last
    figure) ends by naming the source and names no other year ("Trade reached $13 billion.
    Imports were $11 billion, the statistics committee said.").

    Parameters
    ----------
    hits
        ``(start, key)`` of every cue of the text (:func:`hits`), in text order.
    sentences
        ``(start, end)`` of every sentence, in text order.
    amount_starts
        Where the text's figures start, in text order.
    years
        The years each sentence names (explicit years of its own periods).
    refers_back
        The sentences that refer back to the figure of the sentence before ("this figure").
    closing
        The sentences whose cue closes them and that go on the paragraph of the sentence
        before (:func:`closing_cues`).

    Examples
    --------
    >>> sents = [(0, 10), (10, 20), (20, 30), (30, 40)]
    >>> carried([(12, "RUS")], sents, [2, 25, 35], [set(), {2024}, {2024}, {2022}])
    ['RUS', None, 'RUS', None]
    >>> carried([(12, "RUS"), (22, "CHN")], sents, [2, 25], [set()] * 4)
    ['RUS', None, None, 'CHN']
    >>> carried([(2, "RUS"), (32, "CHN")], sents, [5, 15, 25, 35], [set()] * 4)
    [None, 'RUS', 'RUS', None]
    >>> carried([(12, "UZB")], sents, [2, 15], [{2024}, set(), {2024}, {2022}], {1})
    ['UZB', None, 'UZB', None]
    >>> carried([(12, "UZB")], sents, [2, 15], [{2024}, set(), {2024}, {2022}])
    [None, None, 'UZB', None]
    >>> carried([(12, "UZB")], sents, [2, 15], [{2023}, {2024}, set(), set()], {1})
    [None, None, 'UZB', 'UZB']
    >>> carried([(18, "UZB")], sents, [2, 12], [set(), {2024}, set(), {2022}], closing={1})
    ['UZB', None, 'UZB', None]
    """
    out: list[str | None] = [None] * len(sentences)
    if not hits:
        return out
    key = hits[0][1]
    if any(k != key for _, k in hits):  # the text goes on to another source: up to it only
        return _up_to_second(hits, sentences, amount_starts, years, refers_back, closing)
    starts = [s for s, _ in sentences]
    with_cue = {bisect_right(starts, h) - 1 for h, _ in hits}
    with_amount = {bisect_right(starts, a) - 1 for a in amount_starts}
    cue_years = set().union(*(years[i] for i in with_cue if i >= 0))
    first = min(with_cue)
    if not cue_years:  # "Destatis published its figures. In 2023 ...": the first year after
        cue_years = next((y for y in years[first + 1 :] if y), set())
    for i in range(len(sentences)):
        if i in with_cue:
            continue
        follows = i > first and years[i] <= cue_years
        announced = i + 1 in with_cue and i + 1 not in with_amount
        lead = first in refers_back and i == first - 1 and i in with_amount
        lead = lead and years[first] <= years[i]
        closed = i + 1 in closing and i in with_amount and _same_years(years[i], years[i + 1])
        out[i] = key if follows or announced or lead or closed else None
    return out


def _up_to_second(
    hits: list[tuple[int, str]],
    sentences: list[tuple[int, int]],
    amount_starts: list[int],
    years: list[set[int]],
    refers_back: Collection[int],
    closing: Collection[int],
) -> list[str | None]:
    """:func:`carried` for a text citing a second source: the first source carries to the
    sentences before the second one's; from there on the text is read again as one citing
    the second source first ("Chinese estimates put trade at $3.8 bn. By Belarusian
    statistics it reached $5.1 bn. Exports rose 17.5%.": the last figure is Belarus's).

    Examples
    --------
    >>> sents = [(0, 10), (10, 20), (20, 30), (30, 40)]
    >>> _up_to_second([(2, "CHN"), (12, "BLR")], sents, [5, 15, 25], [set()] * 4, (), ())
    [None, None, 'BLR', 'BLR']
    """
    second = next(h for h, k in hits if k != hits[0][1])
    limit = bisect_right([s for s, _ in sentences], second) - 1
    if limit <= 0:  # both sources in the first sentence: neither carries
        return [None] * len(sentences)
    cut = sentences[limit][0]
    head = carried(
        [h for h in hits if h[0] < cut],
        sentences[:limit],
        [a for a in amount_starts if a < cut],
        years[:limit],
        [i for i in refers_back if i < limit],
        [i for i in closing if i < limit],
    )
    tail = carried(
        [h for h in hits if h[0] >= cut],
        sentences[limit:],
        [a for a in amount_starts if a >= cut],
        years[limit:],
        [i - limit for i in refers_back if i >= limit],
        [i - limit for i in closing if i >= limit],
    )
    return head + tail


def _same_years(own: set[int], cue: set[int]) -> bool:
    """Whether a sentence naming ``own`` years goes on reporting a cue sentence's release."""
    return not cue or own <= cue


def closing_cues(
    norm: str,
    hits: list[tuple[int, str]],
    sentences: list[tuple[int, int]],
    amount_starts: list[int],
) -> set[int]:
    """The sentences whose cues all stand after their last figure ("..., the statistics
    committee said.") and that follow the sentence before in the same paragraph (no line
    break between them): their source also speaks for that sentence (:func:`carried`).

    Examples
    --------
    >>> t = "Trade was $2 bn. Imports were $1 bn, Belstat said.\\nExports fell."
    >>> closing_cues(t, [(37, "BLR")], [(0, 16), (17, 51), (52, 65)], [10, 30])
    {1}
    >>> closing_cues(t, [(37, "BLR")], [(0, 16), (17, 51), (52, 65)], [10, 30, 45])
    set()
    """
    starts = [s for s, _ in sentences]
    out: set[int] = set()
    for j in {bisect_right(starts, h) - 1 for h, _ in hits}:
        if j <= 0:
            continue
        s, e = sentences[j]
        own = [h for h, _ in hits if s <= h < e]
        figures = [a for a in amount_starts if s <= a < e]
        if figures and min(own) > max(figures) and "\n" not in norm[sentences[j - 1][1] : s]:
            out.add(j)
    return out


def years_by_sentence(
    sentence_starts: list[int], years: list[tuple[int, int | None]]
) -> list[set[int]]:
    """The explicit years each sentence names, from ``(start, year)`` of its periods.

    Examples
    --------
    >>> years_by_sentence([0, 10], [(2, 2024), (12, None), (15, 2022)])
    [{2024}, {2022}]
    """
    out: list[set[int]] = [set() for _ in sentence_starts]
    for start, year in years:
        j = bisect_right(sentence_starts, start) - 1
        if year is not None and j >= 0:
            out[j].add(year)
    return out


def year_of(year: int | None, rel: int | None, this_year: int | None) -> int | None:
    """The year a period mention names for :func:`carried`: written, relative to publication
    ("last year"), or the publication year for months written without one ("in January-July").

    Examples
    --------
    >>> year_of(2022, None, 2024), year_of(None, -1, 2024), year_of(None, None, 2024)
    (2022, 2023, 2024)
    >>> year_of(None, None, None) is None
    True
    """
    if year is not None:
        return year
    if this_year is None:
        return None
    return this_year + (rel or 0)
