"""Text structure for the claim reader: sentences, clause separators, coordinated segments,
and the one table of punctuation (:data:`PUNCT`) every clause and phrase pattern is built from.

Every offset is into the normalised text (``_lang.normalise``). Sentences are bounded to
:data:`MAX_SENTENCE` characters so that every rule reading a sentence or clause reads a
bounded window and parsing time grows linearly with the text.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from tradecheck.claims import lexicon as L

__all__ = [
    "CHANGE_REACH_END",
    "CLAUSE_CUT",
    "MAX_SENTENCE",
    "PHRASE_END",
    "PUNCT",
    "SENTENCE_END",
    "SINCE_REACH_END",
    "Span",
    "clause_cuts",
    "in_bracket",
    "marks",
    "sentences",
]

#: longest stretch read as one sentence; longer runs (no sentence end for pages) are cut
#: into pieces, so that every rule reading a sentence or clause reads a bounded window and
#: parsing time grows linearly with the text.
MAX_SENTENCE = 800


class Span(NamedTuple):
    """A half-open stretch ``[start, end)`` of the normalised text.

    Examples
    --------
    >>> Span(3, 9).start, Span(3, 9).end
    (3, 9)
    """

    start: int
    end: int


#: words written with a full stop that does not end the sentence (concept ``abbreviation``)
_ABBREV = re.compile(rf"(?:{L.source('abbreviation')})$", re.IGNORECASE)
#: a scale abbreviation ("Mrd.") whose full stop does not end the sentence before a currency
#: written with a capital ("8,4 Mrd. Dollar"; concepts ``scale_abbreviation``, ``currency_next``)
_SCALE_ABBREV = re.compile(rf"(?:{L.source('scale_abbreviation')})$", re.IGNORECASE)
_CURRENCY_NEXT = re.compile(rf"\s*(?:{L.source('currency_next')})")

#: Punctuation that ends a clause, a phrase or a sentence, by role: the one table the
#: reader's clause, phrase and sentence-end patterns are built from (:func:`marks`). It lists
#: the marks of the normalised text: :func:`tradecheck.claims._lang.normalise` has already
#: made the full-width forms ("，", "；", "：", "（", "！", "？") plain, so a pattern listing
#: those never meets them.
PUNCT: dict[str, str] = {
    "comma": ",",
    "full_stop": ".",
    "semicolon": ";",
    "colon": ":",
    "exclamation": "!",
    "question": "?",
    "ideographic_stop": "。",  # Chinese full stop (normalise keeps it)
    "enumeration_comma": "、",  # Chinese list comma (normalise keeps it)
    "open_paren": "(",
    "close_paren": ")",
    "square_brackets": "[]",
    "guillemets": "«»",
    "hyphen": "-",
    "en_dash": "–",
    "em_dash": "—",
}


def marks(*roles: str) -> str:
    r"""The marks of ``roles`` (keys of :data:`PUNCT`), escaped for use in a pattern.

    Examples
    --------
    >>> print(marks("comma", "semicolon"), marks("open_paren", "square_brackets"))
    ,; \(\[\]
    """
    return "".join(re.escape(PUNCT[role]) for role in roles)


#: marks that end a sentence wherever they stand (a full stop and a line break are decided
#: by :func:`full_stop_ends_sentence` and :func:`line_break_ends_sentence`)
SENTENCE_END = PUNCT["ideographic_stop"] + PUNCT["exclamation"] + PUNCT["question"]

_COMMA = marks("comma")
#: the clause separators of :func:`clause_cuts`, the widest clause pattern: a comma unless it
#: stands between digits (a decimal or thousands mark: "13,1", "1,200"), though before a
#: four-digit year it cuts ("5,2024"); semicolons, colons, the Chinese list comma, brackets and
#: guillemets; a dash between spaces; an em dash anywhere; an en dash not before a digit (not
#: a range: "2020–2024"). No full stop, "!", "?": clauses are read within one sentence.
CLAUSE_CUT = re.compile(
    rf"(?<!\d){_COMMA}|{_COMMA}(?!\d)|{_COMMA}(?=\d{{4}}\b)"
    rf"|[{marks('semicolon', 'colon', 'enumeration_comma', 'open_paren', 'close_paren')}"
    rf"{marks('square_brackets', 'guillemets')}]"
    rf"|\s[{marks('hyphen', 'en_dash', 'em_dash')}]\s|{marks('em_dash')}|{marks('en_dash')}(?!\d)"
)
#: what parts a change word from the result it reaches (``mentions.ends_a_change``): unlike
#: :data:`CLAUSE_CUT` it reads a window of characters that sentence ends do not bound, so a
#: full stop, "!", "?" and "。" end it too; a comma or full stop with a digit on either side is
#: a number's mark ("13,1%", "2.5 bn"), not a clause end; brackets, dashes and the list comma
#: do not part a change from its result ("rose — as forecast — to reach").
CHANGE_REACH_END = re.compile(
    rf"(?<!\d)[{marks('comma', 'full_stop')}](?!\d)"
    rf"|[{marks('semicolon', 'colon', 'exclamation', 'question', 'ideographic_stop')}]"
)
#: what puts a "since" year after an amount outside its change (``resolve.base_period``:
#: "fell 12%, the steepest since 2009"): any comma (the stretch between the two holds no
#: amount, so no decimal comma needs sparing), a semicolon, a colon, an opening bracket of an
#: aside ("(the most since 2009)"). Both stand in one sentence, so no sentence end is listed.
SINCE_REACH_END = re.compile(rf"[{marks('comma', 'semicolon', 'colon', 'open_paren')}]")
#: what ends the phrase of a trade word before a country (``resolve.direction``: "trade gap
#: with China", not "traded more, with China having exported"): any mark of a clause or a
#: sentence, even between digits (the gap is a few words); dashes and guillemets are not
#: listed, as when the rule was measured.
PHRASE_END = re.compile(
    rf"[{marks('comma', 'semicolon', 'colon', 'full_stop', 'exclamation', 'question')}"
    rf"{marks('open_paren', 'close_paren', 'square_brackets', 'enumeration_comma')}]"
)


def _starts_with_symbol(s: str) -> bool:
    """Whether ``s`` starts (after blanks) with a pictograph or other symbol ("🔹", "▪").

    Examples
    --------
    >>> _starts_with_symbol(" 🔹Text"), _starts_with_symbol("by 19%")
    (True, False)
    """
    t = s.lstrip()
    return bool(t) and unicodedata.category(t[0]) == "So"


def line_break_ends_sentence(norm: str, start: int, i: int) -> bool:
    """Whether the line break at ``i`` ends a sentence.

    Hard-wrapped press text breaks lines inside sentences; a break ends a sentence only at a
    blank line, after a short line (a headline or dateline), before a list item, or next to
    Chinese text.

    Parameters
    ----------
    norm
        The normalised text.
    start
        Where the current sentence starts.
    i
        The offset of the line break.
    """
    if re.match(r"[ \t\r]*\n", norm[i + 1 : i + 40]):
        return True
    line_start = norm.rfind("\n", max(start, i - 200), i) + 1
    line = norm[max(line_start, i - 200) : i].strip()
    if not line or len(line) < 40:
        return True
    if re.match(r"\s*(?:[-•*–—]\s|\d{1,2}[.)]\s)", norm[i + 1 : i + 6]):
        return True
    if _starts_with_symbol(norm[i + 1 : i + 6]):  # "🔹", "▪": a post's list item
        return True
    # Chinese text is not wrapped inside sentences
    return bool(
        re.search(r"[\u4e00-\u9fff]$", line) or re.match(r"\s*[\u4e00-\u9fff]", norm[i + 1 : i + 4])
    )


def full_stop_ends_sentence(norm: str, start: int, i: int) -> bool:
    """Whether the ``.`` at ``i`` ends a sentence.

    Not a decimal point, not after an abbreviation or a German ordinal ("1. Quartal",
    "II. Quartal"), and
    the next word starts a sentence ("Mrd. Dollar" continues; "млрд. В 2023 году" does not).
    """
    if not (i + 1 == len(norm) or norm[i + 1] in " \t\"»”'\n[" or glued_sentence(norm, i)):
        return False
    word = re.search(r"[\w.]*$", norm[max(start, i - 40) : i])
    nxt = re.match(r"[\s\"»”'\[]*(\S?)", norm[i + 1 : i + 40])
    nxt_ch = nxt.group(1) if nxt else ""
    cut = not (word and _ABBREV.search(word.group(0)))
    if word and re.fullmatch(r"\d{1,2}|I{1,3}|IV", word.group(0)):
        cut = False  # German ordinal: "1. Quartal", "3. März", "II. Quartal"
    elif nxt_ch and nxt_ch.isupper() and word:
        after = norm[i + 1 : i + 16]
        if not _SCALE_ABBREV.search(word.group(0)) or not _CURRENCY_NEXT.match(after):
            cut = True
    return cut and not (nxt_ch and nxt_ch.islower())


def glued_sentence(norm: str, i: int) -> bool:
    """Whether the ``.`` at ``i`` ends a lower-case word and the next sentence's first word,
    capitalised, follows with no space (text scraped from pages loses it: "last year.In a
    report", "gewesen.Die Ausfuhren"); a decimal point, "U.S." or "z.B." is no such stop.

    Examples
    --------
    >>> t = "rose 5% last year.In 2023 it fell. See U.S.A. and 2.5 bn.Exports"
    >>> [glued_sentence(t, i) for i, ch in enumerate(t) if ch == "."]
    [True, False, False, False, False, False, True]
    >>> glued_sentence("U.S.Exports", 3), glued_sentence("www.example.com", 3)
    (False, False)
    """
    before, after = norm[max(0, i - 2) : i], norm[i + 1 : i + 3]
    glued = len(before) == 2 and before.isalpha() and before.islower()
    return glued and len(after) == 2 and after[0].isupper() and after[1].islower()


def _ends_sentence(norm: str, start: int, i: int) -> bool:
    """Whether the character at ``i`` closes the sentence that began at ``start``."""
    ch = norm[i]
    if ch in SENTENCE_END:
        return True
    if ch == "\n":
        return line_break_ends_sentence(norm, start, i)
    return ch == "." and full_stop_ends_sentence(norm, start, i)


def sentences(norm: str) -> list[tuple[int, int]]:
    """The sentences of ``norm`` as ``(start, end)`` pairs, each at most :data:`MAX_SENTENCE`.

    Examples
    --------
    >>> sentences("Trade grew. Exports fell 2.5%.")
    [(0, 11), (11, 30)]
    """
    out: list[tuple[int, int]] = []
    start = 0
    for i in range(len(norm)):
        if _ends_sentence(norm, start, i):
            if norm[start : i + 1].strip():
                out.append((start, i + 1))
            start = i + 1
    if norm[start:].strip():
        out.append((start, len(norm)))
    return [piece for s, e in out for piece in bounded(norm, s, e)]


def bounded(norm: str, s: int, e: int) -> list[tuple[int, int]]:
    """``(s, e)`` cut into pieces of at most :data:`MAX_SENTENCE` characters, at spaces.

    Examples
    --------
    >>> [e - s for s, e in bounded("ab " * 500, 0, 1500)]
    [797, 703]
    """
    out = []
    while e - s > MAX_SENTENCE:
        cut = norm.rfind(" ", s + MAX_SENTENCE // 2, s + MAX_SENTENCE)
        cut = cut if cut > s else s + MAX_SENTENCE
        out.append((s, cut))
        s = cut
    out.append((s, e))
    return out


def clause_cuts(norm: str) -> list[int]:
    """Offsets of clause separators (commas between words, semicolons, dashes, brackets).

    Examples
    --------
    >>> clause_cuts("In 2024, trade grew; exports (BLR) fell")
    [7, 19, 29, 33]
    """
    return [m.start() for m in CLAUSE_CUT.finditer(norm)]


def in_bracket(norm: str, pos: int, lo: int) -> bool:
    """True when ``pos`` stands inside a bracket opened after ``lo`` and not closed before it.

    Examples
    --------
    >>> t = "up 9.4% ($5.3 billion in 2023). Exports (2024) rose"
    >>> in_bracket(t, t.index("2023"), 0), in_bracket(t, t.index("Exports"), 0)
    (True, False)
    """
    j = norm.rfind("(", lo, pos)
    return j >= 0 and norm.rfind(")", lo, pos) < j
