"""Roles of countries around a flow word (claims/roles.py) and the direction they give.

A country written as a trade word's partner before a flow word ("trade gap with China grew as
exports slipped") is the flow's partner, not its holder (``with_role``; constructed
sentences)."""

from __future__ import annotations

import re
from types import SimpleNamespace as Hit

import pytest

from tradecheck.claims.parse import parse
from tradecheck.claims.resolve.direction import settle_location
from tradecheck.claims.roles import explicit_only, list_end, settle_implicit, with_role


def test_implicit_origin_is_the_origin_without_an_explicit_one():
    assert settle_implicit([("orig?", "CHN"), ("dest", "BLR")]) == [
        ("orig", "CHN"),
        ("dest", "BLR"),
    ]


def test_implicit_origin_is_the_actor_when_another_origin_is_named():
    assert settle_implicit([("orig?", "BLR"), ("orig", "CHN")]) == [
        ("actor", "BLR"),
        ("orig", "CHN"),
    ]


def test_list_end_stops_at_the_nearest_amount_flow_word_or_sentence_end():
    assert list_end(0, [30, 80], 500) == 30
    assert list_end(100, [30], 500) == 100 + 160
    assert list_end(0, [], 50) == 50


def test_explicit_only_keeps_countries_after_a_preposition():
    text = "Imports of Chinese machinery, parts and tools from China"
    hits = [Hit(start=text.index("Chinese")), Hit(start=text.rindex("China"))]
    kept = explicit_only(text, hits, re.compile(r"from\s*$"))
    assert [h.start for h in kept] == [text.rindex("China")]


# constructed paraphrases (issue 8 leftover): Belarus is implicit, goods listed with commas
@pytest.mark.parametrize(
    "text",
    [
        "Импорт легковых автомобилей, грузовиков и комплектующих из Китая вырос на 30%.",
        "Imports of machinery, equipment and spare parts from China rose 30% in 2023.",
        "Импорт Беларусью товаров из Китая вырос на 30%.",
        "Импорт белорусскими предприятиями комплектующих из Китая вырос на 30%.",
    ],
)
def test_imports_from_china_are_china_to_belarus(text):
    (claim,) = parse(text, as_of="2024-03-01")
    assert claim.direction == "CHN->BLR"


def test_a_later_flow_word_bounds_the_list():
    text = "Imports of machinery, parts rose 10%, while exports to China fell 5% in 2023."
    got = {c.value: c.direction for c in parse(text, as_of="2024-03-01")}
    assert got[-5.0] == "BLR->CHN"


def test_settle_location_reads_a_holder_and_a_place_as_origin_and_destination():
    """settle_location: "die russischen Importe in China" = Russian goods into China; a place
    alone stays an implicit origin, as any country after a flow word. Constructed."""
    assert settle_location([("actor", "RUS"), ("loc", "CHN")]) == [
        ("orig", "RUS"),
        ("dest", "CHN"),
    ]
    assert settle_location([("loc", "CHN")]) == [("orig?", "CHN")]
    assert settle_location([("actor", "RUS"), ("actor", "BLR"), ("loc", "CHN")])[2] == (
        "orig?",
        "CHN",
    )
    assert settle_location([("dest", "CHN")]) == [("dest", "CHN")]


@pytest.mark.parametrize(
    ("text", "pair", "want"),
    [
        ("Imports from and exports to China fell 4% in 2023.", ("DEU", "CHN"), "both"),
        ("Экспорт и импорт Беларуси с Китаем в 2023 году вырос на 5%.", ("BLR", "CHN"), "both"),
        ("2023年中国与越南的进口和出口增长5%。", ("VNM", "CHN"), "both"),
        ("Exports to China rose 5% in 2023.", ("BLR", "CHN"), "BLR->CHN"),
    ],
)
def test_joined_flows_are_the_pairs_trade(text, pair, want):
    """joined_flows: an export and an import word joined by "and" are both flows together.
    Constructed."""
    assert [c.direction for c in parse(text, pair=pair)] == [want]


def test_listed_or_each_flows_are_not_summed():
    """Two figures for two joined flows ("grew 5% and 3%") or "each" are not "both".
    Constructed."""
    got = parse("Exports and imports grew 5% and 3% in 2023.", pair=("BLR", "CHN"))
    assert "both" not in [c.direction for c in got]
    got = parse("Imports and exports each rose 9% in 2023.", pair=("BRA", "CHN"))
    assert "both" not in [c.direction for c in got]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("In 2023 trade with China grew 50% and goods for $0.4 billion were exported.", "BLR->CHN"),
        ("In 2023 trade with China rose 5% and reached $3 billion with exports up 2%.", "both"),
    ],
)
def test_a_flow_word_closing_the_amounts_part_of_the_clause(text, want):
    """_closing_flow: the figure of "…and shipped goods worth $X to China" is the shipment's,
    not the trade word's of the part before "and"; a flow word with a figure of its own
    after it does not close the part. Constructed."""
    got = {c.value: c.direction for c in parse(text, pair=("BLR", "CHN"))}
    money = [v for v in got if v >= 1e8]
    assert [got[v] for v in money] == [want]


@pytest.mark.parametrize(
    ("text", "pair", "want"),
    [
        (
            "Der Handel mit China belief sich trotz weniger Exporte nach China 2022 auf 8 Mrd. $.",
            ("DEU", "CHN"),
            "both",
        ),
        (
            "In 2022 trade with China rose despite exports to China falling 4%.",
            ("DEU", "CHN"),
            ("DEU->CHN"),
        ),
    ],
)
def test_a_concessive_phrases_flow_word(text, pair, want):
    """_outside_concession: "trotz eines Rückgangs der Exporte … auf X" is the trade's figure;
    with a change word of its own ("exports … falling 4%") it is the phrase's; a country
    named as the destination is not also the flow's holder. Constructed."""
    assert [c.direction for c in parse(text, pair=pair)] == [want]


def test_compound_role_reads_a_hyphenated_country_as_the_partner() -> None:
    """A country joined to the flow word by a hyphen is where exports go / imports come
    from (German compounds: "Russland-Exporte", "China-Importe")."""
    from tradecheck.claims.roles import compound_role

    assert compound_role("-", "export") == "dest"
    assert compound_role("\u2011", "import") == "orig"
    assert compound_role("-", "trade") is None
    assert compound_role(" ", "export") is None
    assert compound_role("s ", "import") is None


def test_restated_in_brackets_needs_a_bare_bracket_between_two_percents() -> None:
    """ "um ein Drittel (32,6 Prozent)": the bracketed percent restates the one before."""
    from tradecheck.claims.mentions import Amount
    from tradecheck.claims.resolve.quantity import restated_in_brackets

    t = "um ein Drittel (32,6 Prozent) zu, um 5 Prozent (Vorjahr: 3 Prozent)"
    third = Amount("percent", t.index("ein"), t.index(" ("), 33.3, 0)
    exact = Amount("percent", t.index("32,6"), t.index(")"), 32.6, 1)
    five = Amount("percent", t.index("5 P"), t.index("5 P") + 9, 5.0, 0)
    three = Amount("percent", t.index("3 P"), t.index("3 P") + 9, 3.0, 0)
    assert restated_in_brackets(t, third, exact)
    assert not restated_in_brackets(t, exact, third)
    assert not restated_in_brackets(t, five, three)  # "Vorjahr:" stands between
    assert not restated_in_brackets(t, None, exact)


def test_export_turnover_is_an_export_word_and_import_export_turnover_trade():
    from tradecheck.claims.mentions import flow_keywords

    def kinds(t):
        return [(k.kind, t[k.start : k.end]) for k in flow_keywords(t)]

    assert kinds("export turnover rose") == [("export", "export")]
    assert kinds("import turnover fell") == [("import", "import")]
    assert kinds("the import-export turnover grew") == [("trade", "import-export turnover")]
    assert kinds("trade turnover grew") == [("trade", "trade turnover")]


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
