"""A window that speaks of the pair without names ("bilateral", "mutual trade", "the two
countries") is the pair's, whatever group or world word it also holds
(``resolve.partner.pair_by_anaphora``); concept ``pair_anaphora``.

Every text here is constructed.
"""

from __future__ import annotations

import pytest

from tradecheck.claims import partners as P
from tradecheck.claims.context import Doc, contexts
from tradecheck.claims.parse import parse
from tradecheck.claims.resolve.partner import pair_by_anaphora


def _ctx(text: str, lang: str, pair: tuple[str, str]):
    return contexts(Doc.read(text, text, lang, None, pair))[0]


def test_groups_and_world_words_give_way_to_the_pair() -> None:
    ctx = _ctx("The bilateral foreign trade rose 5%.", "en", ("BLR", "CHN"))
    ms = [P.Mention(P.WORLD, 14, 27, group=True), P.Mention("EAEU", 0, 3, group=True)]
    assert [m.key for m in pair_by_anaphora(ctx, ctx.sentence, ms)] == ["BLR", "CHN"]


def test_a_marked_group_stays() -> None:
    ctx = _ctx("The bilateral foreign trade rose 5%.", "en", ("BLR", "CHN"))
    eu = P.Mention("EU", 0, 3, group=True, marked=True)
    assert [m.key for m in pair_by_anaphora(ctx, ctx.sentence, [eu])] == ["EU", "BLR", "CHN"]


@pytest.mark.parametrize(
    "ms",
    [
        [P.Mention("RUS", 0, 6)],  # another country: another pair's "bilateral" trade
        [P.Mention(P.WORLD_TOTAL, 0, 6, group=True)],  # a total stated as such
    ],
)
def test_left_alone(ms: list[P.Mention]) -> None:
    ctx = _ctx("The bilateral foreign trade rose 5%.", "en", ("BLR", "CHN"))
    assert pair_by_anaphora(ctx, ctx.sentence, ms) == ms


def test_no_anaphora_no_change() -> None:
    ctx = _ctx("The foreign trade rose 5%.", "en", ("BLR", "CHN"))
    ms = [P.Mention(P.WORLD, 4, 17, group=True)]
    assert pair_by_anaphora(ctx, ctx.sentence, ms) == ms


@pytest.mark.parametrize(
    ("text", "lang", "pair", "value"),
    [
        (
            (
                "Das sagte ein Vertreter der Gruppe der EU-Staaten. Im Vorjahr ist der bilaterale "
                "Warenverkehr um 3 Mrd. Euro geschrumpft."
            ),
            "de",
            ("AUT", "ITA"),
            -3e9,
        ),
        (
            (
                "Так заявили в отделе по делам СНГ российского МИД. В прошлом году взаимный "
                "товарооборот вырос до $4 млрд."
            ),
            "ru",
            ("RUS", "ARM"),
            4e9,
        ),
        (
            (
                "Супрацоўніцтва ідзе ў двухбаковым фармаце і ў рамках ЕАЭС. Летась "
                "тавараабарот склаў 51 мільён долараў."
            ),
            "be",
            ("BLR", "ARM"),
            51e6,
        ),
    ],
)
def test_claims_of_the_pair(text: str, lang: str, pair: tuple[str, str], value: float) -> None:
    got = [(c.value, c.direction) for c in parse(text, lang=lang, pair=pair, as_of="2023-05-02")]
    assert got == [(value, "both")]


def test_another_pairs_bilateral_trade_stays_out() -> None:
    text = "Bilateral trade between Russia and China reached $240 billion."
    assert parse(text, pair=("BLR", "CHN")) == []
