"""The first-character guard (``claims/_guard.py``) is there for speed only: a guarded pattern
finds exactly what the bare one finds. Checked on every guarded pattern of the reader over the
paraphrase corpus and constructed texts, and on random texts (hypothesis)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tradecheck.claims import _guard as G

CORPUS = Path(__file__).with_name("corpus.jsonl")
#: constructed: digits, signs, cases and scripts next to each other
CONSTRUCTED = [
    "1% 1% 1% в 2,2 раза 增长1.2倍 $1 billion 2025 January 2025, exports to China",
    "ΣΑΣ σας ſ K Å İstanbul STRASSE Straße ǅ ǆ; 12 - 14 %, 15/16, (19) «21»",
    "Der Handel stieg um 3 Prozent; Товарооборот вырос на 5%; 进出口总额增长",
]


def _texts() -> list[str]:
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["text"] for line in lines if line.strip()] + CONSTRUCTED


def _spans(rx: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in rx.finditer(text)]


def _reader_patterns() -> list[re.Pattern[str]]:
    """The guarded patterns the reader scans texts with (compiled through ``L.compile``)."""
    from tradecheck.claims import _periods, _vocab, mentions, partners, reporters
    from tradecheck.claims import lexicon as L

    found = [L.pattern(c) for c in L.LIST_CONCEPTS]
    found += [rx for _, rx in reporters._patterns()] + [reporters._built()]
    found += [*_vocab.COUNTRY_RES.values(), *_vocab.CAPITAL_RES.values()]
    found += [*_vocab.GROUP_RES.values(), *(rx for _, rx in _vocab.PRODUCTS)]
    found += [rx for rx, _ in _periods._SUBYEAR] + list(_periods._YEARS_AGO)
    found += [mentions._MONEY, mentions._WORD_MONEY, mentions._WORD_PERCENT]
    found += [partners._table_names()[0]]
    return found


def _bare(rx: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern without the guard ``guard()`` put in front of it."""
    m = re.match(r"\(\?=\[(?:[^\]\\]|\\.)*\]\)\(\?:", rx.pattern)
    assert m and rx.pattern.endswith(")"), rx.pattern[:80]
    return re.compile(rx.pattern[m.end() : -1], rx.flags)


def test_reader_patterns_are_guarded() -> None:
    guarded = [rx for rx in _reader_patterns() if rx.pattern.startswith("(?=[")]
    assert len(guarded) > 200  # the guard is in use where the texts are scanned


def test_guard_changes_no_match_of_the_reader() -> None:
    texts = _texts()
    for rx in _reader_patterns():
        if not rx.pattern.startswith("(?=["):
            continue
        bare = _bare(rx)
        for text in texts:
            assert _spans(rx, text) == _spans(bare, text), (rx.pattern[:80], text)


@pytest.mark.parametrize(
    ("source", "flags", "expected"),
    [
        (r"(?<!\w)(?:million|billion)", 0, "[mb]"),
        (r"(?:ab)?c", 0, "[ac]"),
        (r"\d+%|(?:per ?cent)", 0, r"[\dp]"),
        (r"\s*(?:,\s*)?und", re.IGNORECASE, r"[\s,u]"),
        (r"[a-c]x|(?-i:П)y", re.IGNORECASE, "[a-cП]"),
    ],
)
def test_first_chars(source: str, flags: int, expected: str) -> None:
    got = G.first_chars(source, flags)
    assert got is not None
    probe = "abcmpuxyABCMPUXПп,;%5 \t"
    assert [c for c in probe if re.fullmatch(got, c, flags)] == [
        c for c in probe if re.fullmatch(expected, c, flags)
    ]


@pytest.mark.parametrize(
    ("source", "flags"),
    [
        (r"(?:x)?", 0),  # matches the empty string
        (r".+", 0),  # any character
        (r"\w+ years", 0),  # a broad class
        (r"[^\W\d_]+", 0),  # a negated class
        (r"(?i:abc)", 0),  # case-insensitive inside a case-sensitive pattern
        (r"(a)?(?(1)b|c)", 0),  # a conditional group
    ],
)
def test_no_guard(source: str, flags: int) -> None:
    assert G.first_chars(source, flags) is None
    assert G.guard(source, flags) == source


def test_no_guard_before_global_flags_or_in_verbose_mode() -> None:
    assert G.guard("(?i)abc") == "(?i)abc"
    assert G.guard("abc # a comment", re.VERBOSE) == "abc # a comment"


SOURCES = [
    r"(?<!\w)(?:rose|grew|fell)\w*(?!\w)",
    r"\d{1,3}(?:[.,]\d+)?\s*%",
    r"(?:в\s+)?\d+(?:,\d+)?\s+раза",
    r"增长|下降|[0-9]+亿",
    r"(?:Jan|Feb)\w*|Q[1-4]",
    r"\s*(?:[,;]\s*)?(?:and|und|и)\s+",
]


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(SOURCES),
    st.text(
        alphabet="aAbBdDeEfFgGjJnNoOqQrRsSwW 0123456789%,.;вВрРзЗаА增长下降亿иIuU", max_size=60
    ),
)
def test_guard_changes_no_match_on_random_text(source: str, text: str) -> None:
    for flags in (0, re.IGNORECASE):
        guarded = G.compile(source, flags)
        assert guarded.pattern != source
        assert _spans(guarded, text) == _spans(re.compile(source, flags), text)
