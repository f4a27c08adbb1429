"""Lists paired in order: "2022年、2023年增速分别达29.3%和26.3%", "grew 29.3% and 26.3% in 2022
and 2023 respectively", "出口和进口分别增长5%和10%".

A run of amounts joined only by a conjunction or a comma ("29.3%和26.3%") is a list; in a
sentence with a "respectively" cue (concept ``respectively``: 分别, respectively, соответственно,
beziehungsweise), the i-th amount of a list of n belongs to the i-th item of the one list of n
periods (or flow words) of that sentence. Conjunctions are the concept ``and_word``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from tradecheck.claims import lexicon as L
from tradecheck.claims import sentences as S

Span = tuple[int, int]


#: the marks between two items of one list, and those no list item runs across
#: (``sentences.PUNCT``)
_LIST_MARK = S.marks("comma", "enumeration_comma", "semicolon")
_ITEM_COMMA = f"[{S.marks('comma', 'enumeration_comma')}]"
_NO_ITEM_END = S.marks("full_stop", "ideographic_stop", "semicolon", "exclamation", "question")


@cache
def _joiner() -> re.Pattern[str]:
    """The text between two items of one list: a conjunction or a comma, nothing else (a
    comma, the Chinese list comma or a semicolon: ``sentences.PUNCT``)."""
    return L.compile(
        rf"\s*(?:[{_LIST_MARK}]\s*)?(?:(?:{L.source('and_word')})\s*)?"
        rf"(?:(?:{L.source('perfective')})\s*)?",
        re.I,
    )


@cache
def _loose_joiner() -> re.Pattern[str]:
    """Between two flow words of one list: their own complements, then a conjunction or a
    comma ("экспорт Беларуси в Китай и импорт из Китая"): up to 40 characters without a
    digit or a mark that ends a clause of a list (full stops, semicolons, "!", "?"), then a
    comma, the Chinese list comma or a conjunction."""
    return re.compile(
        rf"[^{_NO_ITEM_END}\d]{{0,40}}?(?:{_ITEM_COMMA}\s*|(?:{L.source('and_word')})\s*)", re.I
    )


def chains(norm: str, spans: list[Span], loose: bool = False) -> list[list[Span]]:
    """``spans`` (in text order) grouped into runs joined only by a conjunction or a comma
    (``loose``: by a few words and then a conjunction or comma -- items with complements).

    Examples
    --------
    >>> t = "增速分别达29.3%和26.3%"
    >>> [len(r) for r in chains(t, [(t.index("29"), t.index("和")), (t.index("26"), len(t))])]
    [2]
    >>> t = "rose 5% in May, while 7% in June"
    >>> [len(r) for r in chains(t, [(5, 7), (t.index("7%"), t.index("7%") + 2)])]
    [1, 1]
    """
    runs: list[list[Span]] = []
    for s in spans:
        joiner = _loose_joiner() if loose else _joiner()
        if runs and joiner.fullmatch(norm, runs[-1][-1][1], s[0]):
            runs[-1].append(s)
        else:
            runs.append([s])
    return runs


def _by_sentence(sentences: list[Span], runs: list[list[Span]]) -> dict[int, list[list[Span]]]:
    """Runs grouped by the index of the sentence their first item starts in."""
    starts = [st for st, _ in sentences]
    out: dict[int, list[list[Span]]] = {}
    for run in runs:
        j = bisect_right(starts, run[0][0]) - 1
        if j >= 0 and run[0][0] < sentences[j][1]:
            out.setdefault(j, []).append(run)
    return out


def respective(
    norm: str, sentences: list[Span], amounts: list[Span], items: list[Span], loose: bool = False
) -> dict[int, int]:
    """Amount start -> start of the item it belongs to, for every list of amounts paired with
    a list of as many ``items`` (periods, flow words) in a sentence that says "respectively"
    (``loose``: items may carry complements, see :func:`chains`).

    The pairing is made only when the sentence holds exactly one list of that length; anything
    else (no cue, lists of different lengths, two candidate lists) pairs nothing. Linear in the
    number of amounts and items.

    Examples
    --------
    >>> t = "2022年、2023年增速分别达29.3%和26.3%。"
    >>> years = [(0, 5), (6, 11)]
    >>> amounts = [(t.index("29"), t.index("和")), (t.index("26"), t.index("。"))]
    >>> respective(t, [(0, len(t))], amounts, years) == {amounts[0][0]: 0, amounts[1][0]: 6}
    True
    """
    cue = L.pattern("respectively")
    lists = _by_sentence(sentences, [r for r in chains(norm, items, loose) if len(r) >= 2])
    out: dict[int, int] = {}
    for j, runs in _by_sentence(
        sentences, [r for r in chains(norm, amounts) if len(r) >= 2]
    ).items():
        if j not in lists or not cue.search(norm, *sentences[j]):
            continue
        for run in runs:
            same = [r for r in lists[j] if len(r) == len(run)]
            if len(same) == 1:
                out.update({a[0]: it[0] for a, it in zip(run, same[0], strict=True)})
    return out


def chain_heads(norm: str, amounts: list[Span]) -> dict[int, int]:
    """Amount start -> start of the first amount of its list (itself when alone): "增长5%和10%"
    -- 10% shares the change word written before 5%.

    Examples
    --------
    >>> chain_heads("rose 5% and 10%", [(5, 7), (12, 15)])
    {5: 5, 12: 5}
    """
    return {a[0]: run[0][0] for run in chains(norm, amounts) for a in run}


@cache
def _complement_joiner() -> re.Pattern[str]:
    """What is left between two list items once their periods are blanked: a short word
    ("in", "в"), a comma or a conjunction, a short word -- nothing else."""
    short = r"(?:[^\W\d_]{1,3}\s+)?"
    return re.compile(
        rf"\s*{short}(?:[,，、;；]\s*)?(?:(?:{L.source('and_word')})\s*)?{short}\s*", re.I
    )


def complement_joined(norm: str, first: Span, second: Span, periods: list[Span]) -> bool:
    """Whether ``second`` continues a list after ``first`` in which each item carries its own
    period ("fell 4.2% in 2015, 3.1% in 2016 and 9.5% in 2017", "у 2022 році 55%, а в 2023
    році 16%"): between them one or two periods (``periods``: those lying between), a comma
    or a conjunction, and at most short words.

    Examples
    --------
    >>> t = "fell 4.2% in 2015, 3.1% in 2016"
    >>> complement_joined(t, (5, 9), (19, 23), [(13, 17)])
    True
    >>> complement_joined(t, (5, 9), (19, 23), [])
    False
    >>> t = "fell 4.2% in 2015 while imports rose 3.1%"
    >>> complement_joined(t, (5, 9), (37, 41), [(13, 17)])
    False
    """
    if not periods or len(periods) > 2:
        return False
    gap = list(norm[first[1] : second[0]])
    for s, e in periods:
        gap[s - first[1] : e - first[1]] = " " * (e - s)
    rest = "".join(gap)
    return (
        _list_mark().search(rest) is not None and _complement_joiner().fullmatch(rest) is not None
    )


@cache
def _list_mark() -> re.Pattern[str]:
    """A comma or a conjunction: what makes two items a list."""
    return re.compile(rf"[,，、;；]|(?:{L.source('and_word')})", re.I)
