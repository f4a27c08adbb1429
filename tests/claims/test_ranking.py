"""Countries ranked ahead of a figure's subject are no partners of the figure (claims/ranking.py).

Constructed paraphrases (no real text): "second after Russia comes China — X" in be (both
orthographies), ru and uk; names listed after "hinter" / "behind".
"""

from __future__ import annotations

import pytest

from tradecheck.claims.parse import parse
from tradecheck.claims.partners import find_mentions


def _read(text: str, pair: tuple[str, str]) -> list[tuple[object, ...]]:
    return [(c.quantity, c.value, c.direction) for c in parse(text, as_of="2024-03-01", pair=pair)]


@pytest.mark.parametrize(
    ("text", "pair", "claim"),
    [
        (
            (
                "Белстат падвёў вынікі знешняга гандлю Беларусі за 2023 год. Па адмоўным сальда "
                "пасля Расіі ідзе Кітай — мінус 2 млрд долараў."
            ),
            ("BLR", "CHN"),
            ("balance", -2e9, "both"),
        ),
        (
            (
                "Белстат падвёў вынікі вонкавага гандлю Беларусі за 2023 год. Па адмоўным сальда "
                "пасьля Расеі ідзе Кітай — мінус 2 млрд даляраў."
            ),
            ("BLR", "CHN"),
            ("balance", -2e9, "both"),
        ),
        (
            (
                "Белстат подвел итоги внешней торговли Беларуси за 2023 год. Вторым после России "
                "партнером идет Китай — товарооборот 8 млрд долларов."
            ),
            ("BLR", "CHN"),
            ("level", 8e9, "both"),
        ),
        (
            (
                "Держстат підбив підсумки зовнішньої торгівлі України за 2023 рік. Другим після "
                "Польщі став Китай: товарообіг 15 млрд доларів."
            ),
            ("UKR", "CHN"),
            ("level", 15e9, "both"),
        ),
    ],
)
def test_ranked_ahead_country_is_no_partner(text, pair, claim) -> None:
    assert _read(text, pair) == [claim]


@pytest.mark.parametrize(
    ("text", "ranked"),
    [
        ("China lag hinter Frankreich, Italien und Polen.", {"FRA", "ITA", "POL"}),
        ("China ranked behind Germany and Belgium among suppliers.", {"DEU", "BEL"}),
        ("中国是白俄罗斯仅次于俄罗斯的第二大贸易伙伴。", {"RUS"}),
    ],
)
def test_ranked_names_leave_the_partners(text: str, ranked: set[str]) -> None:
    keys = {m.key for m in find_mentions(text, ("BLR", "CHN"))}
    assert "CHN" in keys
    assert not keys & ranked


def test_a_name_after_a_ranked_list_stays() -> None:
    """Only names joined to the ranked one by a comma or "and" are ranked with it."""
    t = "China ranked behind Germany in 2023, while exports to Poland rose."
    assert {m.key for m in find_mentions(t, ("BLR", "CHN"))} >= {"CHN", "POL"}
