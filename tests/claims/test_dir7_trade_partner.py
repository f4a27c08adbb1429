"""A country written as a trade word's partner before a flow word ("trade gap with China
grew as exports slipped") is the flow's partner, not its holder (constructed sentences)."""

from __future__ import annotations

import pytest

from tradecheck.claims.parse import parse
from tradecheck.claims.roles import with_role


@pytest.mark.parametrize(
    ("after", "kind", "expected"),
    [
        (" narrows", "export", "dest"),
        (" narrows", "import", "orig"),
        ("'s exports", "export", None),
        ("\u2019s imports", "import", None),
        (" grows", "trade", None),
    ],
)
def test_with_role(after: str, kind: str, expected: str | None) -> None:
    assert with_role(after, kind) == expected


@pytest.mark.parametrize(
    ("text", "pair", "directions"),
    [
        # constructed: the headline's "trade gap with China" names China as the partner
        (
            (
                "Peru's trade gap with China narrows as exports slip and imports climb. Exports "
                "to the Asian country fell 8% in the first quarter of 2024, to US$5.2 billion."
            ),
            ("PER", "CHN"),
            ["PER->CHN", "PER->CHN"],
        ),
        (
            "Kazakhstan's trade with China grew in 2022, with imports up 18%.",
            ("KAZ", "CHN"),
            ["CHN->KAZ"],
        ),
    ],
)
def test_trade_partner_is_the_flows_counterpart(text, pair, directions) -> None:
    assert [c.direction for c in parse(text, lang="en", pair=pair)] == directions


@pytest.mark.parametrize(
    "text",
    [
        # constructed: "with" not after a trade word introduces the flow's own holder
        "In May the two sides traded more, with China having exported $9 billion to Russia.",
        "Russia's trade grew, with China's exports to Russia up 5% in 2023.",
    ],
)
def test_with_without_a_trade_word_keeps_the_holder(text: str) -> None:
    assert {c.direction for c in parse(text, lang="en", pair=("RUS", "CHN"))} <= {
        "CHN->RUS",
        "both",
    }
