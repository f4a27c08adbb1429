"""Whose trade a figure is (claims/resolve/partner.py). Every text here is a constructed
paraphrase written for these tests (no quote from an article).

- ``in_source``: a statistics-source cue names one country, and a country named after it is a
  party to the trade; German totals named as such ("Gesamtausfuhren", "der gesamte
  Handelsüberschuss") are world totals.
- ``pair_by_anaphora``: a window that speaks of the pair without names ("bilateral", "mutual
  trade", "the two countries") is the pair's, whatever group or world word it also holds;
  concept ``pair_anaphora``.
- One pair country standing alone near a figure, after a sentence calling the two a pair."""

from __future__ import annotations

import pytest

from tradecheck.claims import partners as P
from tradecheck.claims.context import Doc, contexts
from tradecheck.claims.parse import parse
from tradecheck.claims.resolve.partner import (
    SOURCE_REACH,
    _both_unpaired,
    in_source,
    pair_by_anaphora,
)

JPN_CHN = ("JPN", "CHN")


def _doc(text: str, lang: str, pair: tuple[str, str] = JPN_CHN) -> Doc:
    return Doc.read(text, text, lang, None, pair)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # the cue's own country, then the same country again as the trade's actor
        ("据日本海关统计,2023年日本进出口额下降10%。", "zh", [True, False]),
        # the cue's country, then the partner
        ("据日本海关统计,2023年日本对华出口下降10%。", "zh", [True, False, False]),
        ("According to Japanese customs, Japan's exports fell 3% in 2023.", "en", [True, False]),
    ],
)
def test_a_source_cue_names_one_country(text: str, lang: str, expected: list[bool]) -> None:
    doc = _doc(text, lang)
    assert [in_source(doc, m) for m in doc.mentions.partners.items] == expected


def test_a_country_far_after_the_cue_is_no_source() -> None:
    text = "According to Japanese customs," + " " * SOURCE_REACH + "China's imports rose 3%."
    doc = _doc(text, "en")
    assert [in_source(doc, m) for m in doc.mentions.partners.items] == [True, False]


def test_world_totals_after_a_source_are_no_claim() -> None:
    text = "据日本海关统计,2023年1-6月,日本货物进出口额为6000亿美元。中国仍是日本最大的贸易伙伴。"
    assert parse(text, lang="zh", pair=JPN_CHN) == []


def test_the_pair_flow_after_a_source_keeps_its_reporter() -> None:
    (c,) = parse("据日本海关统计,2023年1-6月,日本对华出口为700亿美元。", lang="zh", pair=JPN_CHN)
    assert (c.direction, c.reporter, c.value) == ("JPN->CHN", "JPN", 70e9)


@pytest.mark.parametrize(
    "text",
    [
        (
            "Die Gesamteinfuhren Australiens beliefen sich 2017 auf 220 Milliarden Dollar, "
            "und die Importe aus China stiegen weiter."
        ),
        (
            "Im Jahr 2017 erreichten die Gesamtausfuhren Australiens einen Höchststand von "
            "380 Milliarden Dollar, vor allem dank der Lieferungen nach China."
        ),
    ],
)
def test_german_totals_named_as_such_are_no_claim(text: str) -> None:
    assert parse(text, lang="de", pair=("AUS", "CHN")) == []


def test_the_whole_surplus_is_not_the_pairs() -> None:
    text = (
        "Gegenüber China verbuchte Südkorea 2012 einen Handelsüberschuss von 50 Milliarden "
        "Dollar. Sein gesamter Handelsüberschuss lag bei nur 30 Milliarden "
        "Dollar."
    )
    assert [c.value for c in parse(text, lang="de", pair=("KOR", "CHN"))] == [50e9]


def test_a_glued_full_stop_ends_the_sentence() -> None:
    from tradecheck.claims.sentences import sentences

    text = "Trade rose 5 percent last year.In 2019 the whole country's trade fell."
    assert [text[s:e] for s, e in sentences(text)] == [
        "Trade rose 5 percent last year.",
        "In 2019 the whole country's trade fell.",
    ]
    assert len(sentences("Exports reached $2.5 bn in 2023.")) == 1
    assert len(sentences("Der Handel stieg im 1.Quartal deutlich.")) == 1


def test_the_whole_country_after_a_glued_stop_is_no_claim() -> None:
    text = (
        "Trade between Vietnam and China reached 110 billion USD in 2019, up 5 percent from "
        "the year before.In 2019 the whole country's trade with all partners came to "
        "500 billion USD."
    )
    assert [c.value for c in parse(text, lang="en", pair=("VNM", "CHN"))] == [110e9, 5.0]


def test_names_actor_lifts_the_opening_side_rule() -> None:
    from tradecheck.claims.context import contexts
    from tradecheck.claims.resolve.partner import names_actor

    text = "Vietnam's trade with China rose. In 2023 Vietnam's exports were $350 bn. Exports to "
    text += "China were $60 bn."
    doc = _doc(text, "en", ("VNM", "CHN"))
    ctxs = contexts(doc)
    assert [names_actor(c, "VNM") for c in ctxs] == [True, False]
    opening = "Vietnam's trade with China reached $150 bn in 2023. Exports were $60 bn.\n"
    world = "Vietnam stayed an export hub. In 2023 Vietnam's exports totalled $350 bn."
    assert [c.value for c in parse(opening + world, pair=("VNM", "CHN"))] == [150e9, 60e9]


def test_a_third_country_before_a_world_share_takes_it() -> None:
    from tradecheck.claims import partners as P

    japan = [P.Mention("JPN", 0, 5), P.Mention("AUS", 10, 19)]
    world = [P.Mention(P.WORLD, 40, 51, group=True)]
    assert P.decide([world, japan], ("AUS", "CHN"), at=30) == P.OTHER
    assert P.decide([world, japan], ("AUS", "CHN"), at=3) == P.UNKNOWN
    assert P.decide([world, japan], ("AUS", "CHN")) == P.UNKNOWN
    text = (
        "In 2010 China was Australia's largest trading partner, with two-way trade of $90 "
        "billion. Japan came second, accounting for 12 percent of total trade, worth $60 billion."
    )
    assert [c.value for c in parse(text, pair=("AUS", "CHN"))] == [90e9]


def test_later_flows_only_of_the_same_kind() -> None:
    from tradecheck.claims.context import contexts
    from tradecheck.claims.resolve.direction import flow_keyword
    from tradecheck.claims.resolve.partner import later_flows

    text = "In 2023 Japan's exports fell 4%, held back by lower exports to China."
    (ctx,) = contexts(_doc(text, "en"))
    china = [m for m in ctx.doc.mentions.partners.items if m.key == "CHN"]
    assert [later_flows(ctx, flow_keyword(ctx), m) for m in china] == [True]
    text = "In 2023 Japan's exports were $300 bn, imports from China $180 bn."
    first = contexts(_doc(text, "en"))[0]
    china = [m for m in first.doc.mentions.partners.items if m.key == "CHN"]
    assert [later_flows(first, flow_keyword(first), m) for m in china] == [False]


@pytest.mark.parametrize(
    ("lang", "pair", "text", "total"),
    [
        (
            "en",
            ("VNM", "CHN"),
            (
                "In 2023 Vietnam's exports to China reached $60 billion; 15 groups of goods "
                "brought in more than $1 billion each."
            ),
            60e9,
        ),
        (
            "ru",
            ("KAZ", "CHN"),
            (
                "В 2023 году экспорт Казахстана в Китай составил 15 млрд долларов, при этом "
                "7 товарных групп превысили 500 млн долларов."
            ),
            15e9,
        ),
        (
            "zh",
            ("VNM", "CHN"),
            "2023年越南对华出口600亿美元,其中12类商品出口额超过10亿美元。",
            60e9,
        ),
    ],
)
def test_a_count_of_goods_groups_marks_a_threshold(
    lang: str, pair: tuple[str, str], text: str, total: float
) -> None:
    assert [c.value for c in parse(text, lang=lang, pair=pair)] == [total]


def test_item_count_words() -> None:
    from tradecheck.claims import lexicon as L

    rx = L.pattern("item_count")
    assert rx.search("there were 11 groups of goods")
    assert not rx.search("the groups of goods")


def test_item_count_stays_linear_on_long_digit_runs() -> None:
    import time

    start = time.perf_counter()
    parse("1" * 20000)
    assert time.perf_counter() - start < 3.0


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


def test_a_sentence_calling_the_two_a_pair_says_whose_figure_follows():
    text = (
        "Kenya-China bilateral trade rose 6% to $9 billion in 2019.\n"
        "China's shipments were worth $8 billion in 2019, 5% more than in 2018."
    )
    ctx = contexts(_doc(text, "en", ("KEN", "CHN")))[2]
    before = ctx.doc.partners_in(ctx.doc.named_before(ctx.sentence.start))
    assert not _both_unpaired(ctx, before)
    got = [(c.value, c.direction) for c in parse(text, pair=("KEN", "CHN"))]
    assert got[2:] == [(8e9, "CHN->KEN"), (5.0, "CHN->KEN")]
    # both named, but not as a pair: the figure after it stays unattributed
    text = "China stays the top customer of Kenyan firms.\nChina's shipments were worth $8 billion."
    assert parse(text, pair=("KEN", "CHN")) == []
