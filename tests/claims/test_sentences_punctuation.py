"""Clause punctuation: one table (``sentences.PUNCT``), four named patterns built from it.

Each pattern is checked against the marks it must and must not match, and against the
hand-written pattern it replaced (kept here as the reference) on texts of our own wording, so
that a change to the table shows up as a changed match.
"""

from __future__ import annotations

import re

import pytest

from tradecheck.claims import _periods as PER
from tradecheck.claims import _vocab as V
from tradecheck.claims import gapping as G
from tradecheck.claims import partners as PA
from tradecheck.claims import respective as R
from tradecheck.claims import sentences as S
from tradecheck.claims._lang import normalise
from tradecheck.claims.resolve import base_level as B

#: the patterns as they were written before the table (full-width forms included, which
#: normalised text never holds)
_REFERENCE = {
    "CLAUSE_CUT": r"(?<!\d),|,(?!\d)|,(?=\d{4}\b)|[;:、()\[\]«»]|\s[-–—]\s|—|–(?!\d)",
    "CHANGE_REACH_END": r"(?<!\d)[,.](?!\d)|[;:!?，；。]",
    "SINCE_REACH_END": r"[,;:(（，；：]",
    "PHRASE_END": r"[,;:.!?()\[\]、，；]",
}

#: our own sentences, with every mark of the table and digits beside commas and dashes
_TEXTS = [
    "In 2021, exports rose 4,5% (to $1,200 million); imports: flat — again.",
    "Handel 2019–2023 stieg um 7,2 % - so das Amt «Destatis» [Angaben], oder?",
    "出口增长12.5%,进口下降、持平。去年(2022年)贸易额达到30亿美元!",
    "Trade, by May 5,2024 and 1,5 bn; a rise – then a fall. Why? Up 3.5.",
    "（据统计），一季度：增长；下降！是否？",
]


@pytest.mark.parametrize("name", sorted(_REFERENCE))
@pytest.mark.parametrize("text", _TEXTS)
def test_pattern_matches_as_the_reference_on_normalised_text(name: str, text: str) -> None:
    norm = normalise(text)
    got = [m.span() for m in getattr(S, name).finditer(norm)]
    want = [m.span() for m in re.finditer(_REFERENCE[name], norm)]
    assert got == want


def test_every_role_of_the_table_is_used_by_a_pattern() -> None:
    patterns = " ".join(
        p.pattern for p in (S.CLAUSE_CUT, S.CHANGE_REACH_END, S.SINCE_REACH_END, S.PHRASE_END)
    )
    for role, chars in S.PUNCT.items():
        if role in ("exclamation", "question", "ideographic_stop"):
            assert all(ch in S.SENTENCE_END for ch in chars), role
        assert all(re.escape(ch) in patterns for ch in chars), role


def test_marks_escape_for_a_character_class() -> None:
    cls = re.compile(f"[{S.marks('open_paren', 'close_paren', 'square_brackets', 'hyphen')}]")
    assert [cls.fullmatch(ch) is not None for ch in "()[]-a"] == [True] * 5 + [False]


def test_decimal_comma_is_no_clause_cut_but_a_year_after_a_comma_is() -> None:
    assert S.clause_cuts("rose 4,5 percent") == []
    assert S.clause_cuts("by May 5,2024") == [8]
    assert S.clause_cuts("in 2020–2024 it rose") == []


def test_change_reach_ends_at_a_sentence_end_but_not_at_a_bracket() -> None:
    assert S.CHANGE_REACH_END.search("rose. Then to reach") is not None
    assert S.CHANGE_REACH_END.search("rose (again) to reach") is None
    assert S.CHANGE_REACH_END.search("rose 2.5 to reach") is None


def test_since_reach_ends_at_any_comma_and_an_opening_bracket() -> None:
    assert S.SINCE_REACH_END.search(" (the most since") is not None
    assert S.SINCE_REACH_END.search(", the most since") is not None
    assert S.SINCE_REACH_END.search(" - the most since") is None


def test_phrase_end_takes_every_mark_but_dashes() -> None:
    assert [S.PHRASE_END.search(g) is not None for g in (" gap, with ", " 2.5 ", " – ")] == [
        True,
        True,
        False,
    ]


#: every mark of the table, the ones normalise maps, letters, digits, blanks
_ALPHABET = "".join(S.PUNCT.values()) + "，；：（）！？“”'\"/&%$€-—–… \n\tab中1٣"


def _accepts(cls: str) -> str:
    """The characters of :data:`_ALPHABET` (normalised) a one-character class accepts."""
    rx = re.compile(cls)
    return "".join(ch for ch in normalise(_ALPHABET) if rx.fullmatch(ch))


@pytest.mark.parametrize(
    ("built", "reference"),
    [
        (lambda: f"[^{R._NO_ITEM_END}\\d]", r"[^.。;；!?\d]"),
        (lambda: R._ITEM_COMMA, r"[,，、]"),
        (lambda: f"[{R._LIST_MARK}]", r"[,，、;；]"),
        (lambda: f"[^\\d{B._LEAD_GAP}{S.marks('comma')}]", r"[^\d;:!?(),]"),
        (lambda: f"[^{V._NO_CLAUSE_END}]", r"[^,.;]"),
        (lambda: f"[^\\d{PER._FISCAL_GAP_END}\\n]", r"[^\d.,;:!?\n]"),
        (lambda: f"[{re.escape(G._SUBJECT_END)}]", r"[,;.!?]"),
        (lambda: f"[{re.escape(''.join(PA.SENTENCE_ENDS))}]", r"[.。!?！？\n]"),
    ],
)
def test_gap_classes_accept_what_the_hand_written_ones_did(built, reference) -> None:
    assert _accepts(built()) == _accepts(reference)
