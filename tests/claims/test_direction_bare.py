"""A clause naming a pair country without a preposition after a flow word of an earlier
clause ("China came third with €90 billion" after "the main buyers of German exports"): the
flow word's own countries decide (resolve/direction.py ``unmarked_at``, ``_bare_segment``).
Constructed sentences."""

from __future__ import annotations

import pytest

from tradecheck.claims.context import Doc
from tradecheck.claims.mentions import Keyword
from tradecheck.claims.parse import detect, normalise, parse
from tradecheck.claims.resolve.direction import unmarked_at

PAIR = ("DEU", "CHN")


def _doc(text: str) -> Doc:
    norm = normalise(text)
    return Doc.read(text, norm, detect(norm), None, PAIR)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("China came third with 90 billion euros", True), ("to China came 90 billion euros", False)],
)
def test_unmarked_at(text: str, expected: bool):
    assert unmarked_at(_doc(text), Keyword("export", 0, 0)) is expected


@pytest.mark.parametrize(
    ("text", "as_of", "directions"),
    [
        (
            (
                "The main buyers of German exports in 2019 were the USA with 110 billion euros; "
                "China came third with 90 billion euros."
            ),
            "2020-02-10",
            ["DEU->CHN"],
        ),
        (
            (
                "Wichtigster Abnehmer deutscher Exporte waren 2019 die USA mit 110 Milliarden "
                "Euro. China folgte auf Rang drei mit 90 Milliarden Euro."
            ),
            "2020-02-10",
            ["DEU->CHN"],
        ),
        (
            (
                "从德国的出口目的国来看，今年上半年美国位居第一，德国对美出口500亿欧元；"
                "中国则位列第三，达450亿欧元，增长4%。"
            ),
            "2019-08-21",
            ["DEU->CHN", "DEU->CHN"],
        ),
    ],
)
def test_a_ranked_destination_keeps_the_flow_words_exporter(
    text: str, as_of: str, directions: list[str]
):
    assert [c.direction for c in parse(text, as_of=as_of, pair=PAIR)] == directions


def test_a_bare_country_after_another_countrys_flow_is_still_read():
    got = parse(
        "In 2023 Belarus's exports to Russia grew 40%, and China 1.8-fold.",
        pair=("BLR", "CHN"),
        as_of="2024-02-10",
    )
    assert [c.direction for c in got] == ["BLR->CHN"]
