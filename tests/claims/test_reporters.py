"""Reporter cues for any country's statistics office (claims/reporters.py, [words.reporter]).

Chinese side cues ("据X方统计" / "X方数据"): a country's side named by the one-character
abbreviation of a pair compound is one template (concept ``side_statistics``, ``{a}``) over
every abbreviation (:func:`tradecheck.claims.partners.abbreviations`), not one data line per
country. Sentences are constructed; the figures are illustrative, not data."""

from __future__ import annotations

import json
import re

import pytest

from tradecheck.claims import lexicon as L
from tradecheck.claims import reporters as R
from tradecheck.claims.parse import parse
from tradecheck.claims.partners import abbreviations


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Nach Angaben des Statistischen Bundesamtes", "DEU"),
        ("data from Destatis", "DEU"),
        ("Vietnam's General Department of Customs", "VNM"),
        ("the Bureau of National Statistics", "KAZ"),
        ("Uzbekistan's statistics agency", "UZB"),
        ("по данным ФТС России", "RUS"),
        ("Федеральной таможенной службы", "RUS"),
        ("по данным Росстата", "RUS"),
        ("по данным Белстата", "BLR"),
        ("据海关总署统计", "CHN"),
        ("中国海关", "CHN"),
        ("the US Census Bureau", "USA"),
        ("laut Eurostat", "EU27"),
        ("the National Statistical Committee of Uzbekistan", "UZB"),
        # Belarus's, Kyrgyzstan's and Uzbekistan's committee share the name: the pair decides
        ("the National Statistical Committee", "BLR|KGZ|UZB"),
        ("Brazil’s Development, Industry and Foreign Trade Ministry", "BRA"),
        ("in Peking veröffentlichten Zolldaten", "CHN"),
        ("据越南海关总局统计", "VNM"),
        ("за даними Держстату", "UKR"),
    ],
)
def test_cue_key(text, key):
    assert [k for _, k in R.hits(text)] == [key]


def test_overlapping_cues_are_one_mention_the_first_wins():
    # "海关统计" (China's cue) lies inside "俄罗斯海关统计"; "俄罗斯海关" inside "白俄罗斯海关"
    assert R.hits("据俄罗斯海关统计") == [(1, "RUS")]
    assert R.hits("白俄罗斯海关数据显示") == [(0, "BLR")]
    assert R.hits("据海关统计") == [(0, "CHN")]


def test_belarus_and_china_cues_live_in_the_same_table():
    # migrated, not duplicated: every key comes from the language files' [words.reporter]
    assert {"BLR", "CHN", "RUS", "DEU", "VNM", "KAZ", "UZB", "USA", "EU27"} <= set(
        L.keys("reporter")
    )


def test_group_reporter_is_null_with_a_note():
    reporter, notes = R.field("EU27")
    assert reporter is None and "27" in notes[0]
    (claim,) = parse(
        "According to Eurostat, trade between Germany and China fell 13% in 2023.",
        pair=("DEU", "CHN"),
    )
    assert claim.reporter is None
    assert any("Eurostat" in n for n in claim.notes)


def test_a_third_countrys_office_is_that_country():
    # constructed: Russia's customs reporting on Belarus-China trade
    (claim,) = parse("Russian customs data show that Belarus-China trade grew 20% in 2023.")
    assert claim.reporter == "RUS"


def test_no_cue_no_reporter():
    (claim,) = parse("Trade between Belarus and China grew 20% in 2023.")
    assert claim.reporter is None and claim.notes == []


# constructed paraphrases: a text that cites one source
def test_one_source_carries_to_the_same_release():
    text = (
        "Das Statistische Bundesamt hat seine Zahlen für 2023 vorgelegt. Die Exporte nach China "
        "sanken um 9 Prozent. Die Importe aus China gingen um 20 Prozent zurück."
    )
    got = parse(text, as_of="2024-02-20", pair=("DEU", "CHN"))
    assert [c.reporter for c in got] == ["DEU", "DEU"]


@pytest.mark.parametrize(("gap", "older"), [(" ", "CHN"), ("\n\n", None)])
def test_another_year_keeps_the_source_in_its_paragraph_only(gap, older):
    """The cue's own paragraph goes on with its report whatever year a sentence names; a new
    paragraph about an older year takes no source. Constructed."""
    text = (
        "According to China's customs, trade between Russia and China rose 2% in 2024."
        + gap
        + "In 2021 it had grown 36%."
    )
    got = {c.value: c.reporter for c in parse(text, as_of="2025-01-20", pair=("RUS", "CHN"))}
    assert got == {2.0: "CHN", 36.0: older}


def test_a_cue_sentence_without_figures_names_the_source_of_the_one_before():
    text = (
        "В январе–марте 2024 года товарооборот России и Казахстана вырос на 7%. "
        "Такие данные приводит ФТС."
    )
    (c,) = parse(text, as_of="2024-05-20", pair=("RUS", "KAZ"))
    assert c.reporter == "RUS"


def test_two_sources_carry_nothing():
    text = (
        "Trade between Russia and China rose 2% in 2024, according to China's customs, while "
        "Russia's customs put the growth at 3%. Exports to China reached $130 billion."
    )
    got = parse(text, as_of="2025-01-20", pair=("RUS", "CHN"))
    assert [c.reporter for c in got] == ["CHN", "RUS", None]


def test_carried_table():
    sents = [(0, 10), (10, 20), (20, 30)]
    assert R.carried([], sents, [], [set()] * 3) == [None, None, None]
    # sentence 0 is announced by the cue-only sentence 1; sentence 2 goes on with the release
    got = R.carried([(15, "VNM")], sents, [5, 25], [set(), set(), {2024}])
    assert got == ["VNM", None, "VNM"]
    assert R.carried([(15, "VNM")], sents, [5, 12], [set(), set(), {2024}])[0] is None


def test_a_lead_takes_the_source_of_the_sentence_referring_back():
    """A cue sentence that refers back to the lead's figure ("this figure") names its source;
    one that does not (en68 of the corpus) does not. Constructed."""
    sents = [(0, 10), (10, 20), (20, 30)]
    assert R.carried([(12, "UZB")], sents, [2, 15], [{2024}, set(), set()], {1})[0] == "UZB"
    assert R.carried([(12, "UZB")], sents, [2, 15], [{2024}, set(), set()])[0] is None
    assert R.carried([(12, "UZB")], sents, [2, 15], [{2024}, {2022}, set()], {1})[0] is None
    lead = "Trade with China reached $3.0 billion in January-March 2024. "
    back = "According to Uzbekistan's Statistics Agency, this figure is 20% higher year-on-year."
    other = "According to Uzbekistan's Statistics Agency, exports rose 20% year-on-year."
    pair = ("UZB", "CHN")
    assert parse(lead + back, as_of="2024-05-01", pair=pair)[0].reporter == "UZB"
    assert parse(lead + other, as_of="2024-05-01", pair=pair)[0].reporter is None


def test_a_source_closing_the_next_sentence_speaks_for_the_lead():
    """ "..., the statistics agency said." at the end of the next sentence of the same paragraph
    names the lead's source too; across a paragraph break, or with a figure after the cue, it
    does not. Constructed."""
    lead = "Trade between Uzbekistan and China came to $9.5 billion in 2023. "
    close = "Imports from China were $7.9 billion, Uzbekistan's statistics agency reported."
    opens = "Uzbekistan's statistics agency reported imports from China of $7.9 billion."
    pair = ("UZB", "CHN")
    got = parse(lead + close, as_of="2024-02-01", pair=pair)
    assert [c.reporter for c in got] == ["UZB", "UZB"]
    assert parse(lead + "\n\n" + close, as_of="2024-02-01", pair=pair)[0].reporter is None
    assert parse(lead + opens, as_of="2024-02-01", pair=pair)[0].reporter is None


def test_closing_cues_table():
    sents = [(0, 10), (10, 20), (20, 30)]
    norm = "x" * 30
    assert R.closing_cues(norm, [(18, "UZB")], sents, [2, 12]) == {1}
    assert R.closing_cues(norm, [(18, "UZB")], sents, [2, 12, 19]) == set()  # a figure after it
    assert R.closing_cues(norm, [(18, "UZB")], sents, [2]) == set()  # no figure of its own
    gap = [(0, 9), (10, 20), (20, 30)]  # a line break between sentences 0 and 1
    assert R.closing_cues(norm[:9] + "\n" + norm[10:], [(18, "UZB")], gap, [2, 12]) == set()
    assert R.closing_cues(norm, [(5, "UZB")], sents, [2]) == set()  # the first sentence


@pytest.mark.parametrize(("gap", "last"), [(" ", "CHN"), ("\n\n", None)])
def test_a_first_source_carries_up_to_a_second_one(gap, last):
    """Sentences after one source's release and before another source is cited keep the
    first source; after the second, the second carries by the same rule (the text goes on
    with its release): to a sentence about another year in its paragraph, not in a new one.
    Constructed."""
    text = (
        "Vietnam's General Department of Customs said trade with China reached $150 billion "
        "in 2023. Imports from China were $100 billion in 2023. "
        "China's customs put exports to Vietnam at $120 billion in 2023. Exports to China rose 5%."
        + gap
        + "In 2019 exports to China were $40 billion."
    )
    got = parse(text, as_of="2024-01-20", pair=("VNM", "CHN"))
    assert [c.reporter for c in got] == ["VNM", "VNM", "CHN", "CHN", last]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("according to Turkish statistics", "TUR"),
        ("India's customs data", "IND"),
        ("nach mongolischen Angaben", "MNG"),
        ("Laut den Statistiken der zuständigen indischen Behörden", "IND"),
        ("по данным таможни Монголии", "MNG"),
        ("за даними митниці Туреччини", "TUR"),
        ("паводле дадзеных мытні Турцыі", "TUR"),
        ("według danych Turcji", "TUR"),
        ("据吉尔吉斯斯坦统计数据", "KGZ"),
    ],
)
def test_any_countrys_statistics_from_its_names(text, key):
    """statistics_of: a country's names + a statistics word is that country's statistics,
    for countries with no agency named in [words.reporter]. Constructed."""
    assert [k for _, k in R.hits(text)] == [key]


@pytest.mark.parametrize(
    "text",
    ["Turkish goods exports", "data on exports to China", "China laut Angaben", "数据显示"],
)
def test_a_country_name_alone_is_no_statistics_source(text):
    """A country's name beside trade words is not a source cue. Constructed."""
    assert R.hits(text) == []


def test_country_template_source_fills_each_languages_names():
    """country_template_source: each language's templates take that language's names."""
    rx = re.compile(L.country_template_source("statistics_of", "DEU"), re.IGNORECASE)
    assert rx.search("according to German statistics")
    assert rx.search("по данным статистики Германии")
    assert not rx.search("German statistics"[:6])


def test_a_two_country_cue_is_read_as_the_pairs_country():
    """of_pair: "乌方统计" (Uzbek or Ukrainian side) is the pair's country, else null."""
    from tradecheck.claims.resolve.reporter import of_pair

    assert [k for _, k in R.hits("按照乌方统计")] == ["UZB|UKR"]  # the countries table's key
    assert of_pair("UKR|UZB", ("UZB", "CHN")) == "UZB"
    assert of_pair("UKR|UZB", ("UKR", "CHN")) == "UKR"
    assert of_pair("UKR|UZB", ("BLR", "CHN")) is None


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("die Hauptzollabteilung Chinas", "CHN"),
        ("das Statistikamt der Mongolei", "MNG"),
        ("the customs service of Turkey", "TUR"),
        ("the statistical office of India", "IND"),
    ],
)
def test_an_agency_noun_with_the_countrys_genitive(text, key):
    """statistics_of: "Zollverwaltung Kasachstans", "customs service of Turkey". Constructed."""
    assert [k for _, k in R.hits(text)] == [key]


# ---------------------------------------------------------------- one release (rep4)
def test_a_year_in_a_cue_sentence_without_figures_is_an_aside():
    # the cue sentence names 2022 ("the first fall since March 2022"); the release is 2023's
    assert R._release_years({0}, {1, 2}, [{2022}, {2023}, {2023}]) == {2023}
    # a cue sentence with figures keeps its own years
    assert R._release_years({0}, {0, 1}, [{2022}, {2023}]) == {2022}


def test_a_lone_cue_speaks_for_the_run_of_figures_before_it():
    assert R._announced({3}, {0, 1, 2}) == {0, 1, 2}
    assert R._announced({3}, {0, 2}) == {2}  # a sentence without figures ends the run
    assert R._announced({2}, {0, 1, 2}) == set()  # a cue with figures of its own announces none


def test_the_cues_paragraph_carries_whatever_year():
    sents = [(0, 10), (10, 20), (20, 30), (30, 40)]
    ys = [{2024}, {2019}, {2025}, {2019}]
    # sentences 1 and 2 name other years than the release's, in the cue's paragraph: carried;
    # sentence 3 names an older year in a new paragraph: not
    got = R.carried([(2, "CHN")], sents, [5, 15, 25, 35], ys, paragraphs=[0, 0, 0, 1])
    assert got == [None, "CHN", "CHN", None]
    # a sentence before the cue in its paragraph takes nothing from it
    got = R.carried(
        [(12, "CHN")], sents, [5, 15, 25], [{2019}, {2024}, {2020}, set()], (), (), [0] * 4
    )
    assert got == [None, None, "CHN", "CHN"]


def test_paragraphs_are_counted_by_line_breaks():
    norm = "Trade rose. Exports fell.\nImports grew."
    assert R.paragraph_of(norm, [(0, 11), (11, 25), (25, 39)]) == [0, 0, 1]


def test_headline_lines_joined_to_a_sentence_are_not_its_paragraph():
    # headline lines without a full stop are joined to the body's first sentence
    norm = "Trade up\nA record\nTrade rose. Exports fell."
    assert R.paragraph_of(norm, [(0, 29), (29, 43)]) == [2, 2]
    # a hard-wrapped sentence (its line ends in a comma) keeps the paragraph it starts in
    norm = "Trade rose,\nthe office said. Exports fell."
    assert R.paragraph_of(norm, [(0, 28), (28, 42)]) == [0, 1]


def test_a_headline_joined_to_the_cue_sentence_keeps_the_cue_paragraph():
    text = (
        "Mehr Ausfuhren nach Ungarn\nUngarn holt auf\nIm ersten Halbjahr 2015 lieferte "
        "Deutschland laut Destatis Waren für 9,1 Milliarden Euro nach Ungarn. Die Einfuhren "
        "aus Ungarn lagen bei 7,5 Milliarden Euro. Im Jahr 2013 waren die deutschen Exporte "
        "nach Ungarn um 3,2 % gesunken."
    )
    got = parse(text, pair=("DEU", "HUN"))
    assert [c.reporter for c in got] == ["DEU", "DEU", "DEU"]


def test_the_base_year_in_the_cue_paragraph_keeps_the_source():
    text = (
        "Laut Destatis sank der Handel mit Japan im zweiten Quartal 2021 um 6 Prozent auf "
        "11 Milliarden Euro. Im zweiten Quartal 2020 hatte er 12 Milliarden Euro erreicht."
    )
    got = parse(text, pair=("DEU", "JPN"))
    assert [c.reporter for c in got] == ["DEU", "DEU", "DEU"]


def test_a_later_paragraph_of_older_history_keeps_no_source():
    text = (
        "Laut Destatis sank der Handel mit Japan im zweiten Quartal 2021 um 6 Prozent.\n"
        "Im Jahr 2017 war er um 3 Prozent gestiegen."
    )
    got = parse(text, pair=("DEU", "JPN"))
    assert [c.reporter for c in got] == ["DEU", None]


def test_a_year_after_since_does_not_stop_the_source():
    assert R.is_reference_point("the smallest since June 2014", 19)
    assert not R.is_reference_point("in March 2016", 3)
    text = (
        "The Commerce Department said U.S. exports to China reached $10 billion in May. "
        "In May imports from China fell to $38 billion, their smallest since June 2014."
    )
    got = parse(text, as_of="2019-03-28", pair=("USA", "CHN"))
    assert [c.reporter for c in got] == ["USA", "USA"]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("meldete Chinas Hauptzollamt", "CHN"),
        ("the Korean Customs Service said", "KOR"),
        ("Таможенная служба Республики Корея", "KOR"),
        ("по данным статистического управления Монголии", "MNG"),
        ("India's Central Statistics Office", "IND"),
        ("official Kazakh figures show", "KAZ"),
        ("nach offiziellen kasachischen Zahlen", "KAZ"),
        # the body's kind, "(of) statistics" and the country, in the East Slavic languages;
        # Belarusian writes a word-initial у after a vowel as ў ("служба Ўкраіны")
        ("департамент статистики Эстонии сообщил", "EST"),
        ("повідомила Державна статистична служба Молдови", "MDA"),
        ("управління статистики Грузії", "GEO"),
        ("дэпартамент статыстыкі Латвіі паведаміў", "LVA"),
        ("паводле Нацыянальнага статыстычнага камітэта Кыргызстана", "KGZ"),
        ("як паведаміла Дзяржаўная мытная служба Ўкраіны", "UKR"),
        # Ukraine's State Fiscal Service (customs until 2019) by its acronym
        ("за оцінкою ДФС", "UKR"),
    ],
)
def test_a_body_named_by_its_kind_and_country(text, key):
    assert [k for _, k in R.hits(text)] == [key]


def _texts() -> list[str]:
    """Every text of the own paraphrase corpus, the registry's agency names, and a few
    constructed ones with few letters (the case the letter-first guard is there for)."""
    from pathlib import Path

    from tradecheck.claims import agencies as A

    corpus = Path(__file__).with_name("corpus.jsonl").read_text(encoding="utf-8")
    texts = [json.loads(line)["text"] for line in corpus.splitlines() if line.strip()]
    names = [row.name for row in A.rows() if "{c}" not in row.name]
    return texts + names + ["1% " * 50, "(据海关总署) 12,3; «Белстат» 4", "$5 — «Destatis»"]


def test_letter_first_guard_changes_no_match():
    """Every reporter pattern finds the same spans with and without ``LETTER_FIRST``: the
    guard only skips positions where no cue can start."""
    one = R._built()
    bodies = [rx for _, _, named, alone in R._bodies() for rx in (named, alone)]
    guarded = [rx for _, rx in R._patterns()] + [one, *bodies]
    assert all(R.LETTER_FIRST in rx.pattern for rx in guarded)
    bare = [re.compile(rx.pattern.replace(R.LETTER_FIRST, "", 1), rx.flags) for rx in guarded]
    for text in _texts():
        for g, b in zip(guarded, bare, strict=True):
            assert [m.span() for m in g.finditer(text)] == [m.span() for m in b.finditer(text)]


@pytest.mark.parametrize(
    "text",
    [
        "according to data from the Korea International Trade Association",
        "figures from the China Chamber of Commerce",
    ],
)
def test_country_name_beginning_another_bodys_name_is_no_cue(text):
    # a trade association or chamber named after its country publishes no official statistics
    assert R.hits(text) == []


@pytest.mark.parametrize(
    ("cue", "key"),
    [
        ("according to Kenyan customs data", "KEN"),
        ("das Statistikamt Kenias", "KEN"),
        ("据秘鲁海关统计", "PER"),
        ("据挪威统计", "NOR"),
        ("według danych Chile", "CHL"),
        ("по данным таможни Монголии", "MNG"),
        ("паводле дадзеных мытні Турцыі", "TUR"),
        ("据乌兹别克斯坦统计数据", "UZB"),
    ],
)
def test_a_built_cue_is_keyed_by_the_country_it_names(cue, key):
    """statistics_of cues of listed countries and of CLDR-named ones (KEN, PER, NOR, CHL are
    in no language file), in several languages, each keyed by its country. Constructed."""
    assert [k for _, k in R.hits(cue)] == [key]
    assert [k for *_, k in R._built_hits(cue)] == [key]


def test_built_key_skipping_countries_whose_names_are_absent_changes_no_answer():
    """_built_key skips the countries none of whose names occur in a cue; that changes no
    answer: of every country whose own cue pattern matches the whole cue, it is the one
    whose name spans the most of it, for every built cue of the corpus and of constructed
    texts (one whose text two countries' names match: "Nigerian" opens with CLDR's "Niger")."""
    texts = _texts() + ["Nigerian customs", "Nigeria's customs data", "据肯尼亚统计", "x"]
    cues = {m.group() for text in texts for m in R._built().finditer(text)}
    assert len(cues) > 20
    every = [(k, R._built_of(k)) for k in R._built_keys()]
    for cue in cues:
        whole = [k for k, rx in every if rx.fullmatch(cue)]
        want = max(whole, key=lambda k: R._name_span(k, cue), default=None)
        assert R._built_key(cue) == want


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # constructed: a country name that opens another's (CLDR, checked over all seven
        # languages) yields to the longer name; the shorter still names its own country
        ("Nigerian customs reported a rise", "NGA"),
        ("according to Nigeria's customs", "NGA"),
        ("Niger's customs reported a rise", "NER"),
        ("по данным таможни Нигерии", "NGA"),
        ("по данным таможни Нигера", "NER"),
        ("według danych Nigerii", "NGA"),
        ("data from the Dominican Republic", "DOM"),
        ("Dominica's statistics office", "DMA"),
        ("customs of Guinea-Bissau", "GNB"),
        ("Guinea's customs", "GIN"),
        ("Equatorial Guinea customs", "GNQ"),
        ("South Sudan's customs", "SSD"),
        ("Sudan's customs", "SDN"),
    ],
)
def test_a_name_that_opens_another_countrys_name_yields_to_it(text, key):
    assert [k for *_, k in R._built_hits(text)] == [key]


@pytest.mark.parametrize(
    ("text", "refers"),
    [
        ("希腊统计局给出的此份数据不包括船舶", True),
        ("这组数据不包括燃料", True),
        ("上述数据来自海关", True),
        ("这一数字高于去年", True),
        ("据数据显示,出口增长", False),
    ],
)
def test_zh_demonstrative_with_a_measure_word_refers_back_to_the_figure(text, refers):
    """此份数据, 这组数据 (this [measure word] data) point back as 这一数据 does (constructed)."""
    from tradecheck.claims import _vocab as V

    assert bool(V.FIGURE_ANAPHORA.search(text)) is refers


def test_a_zh_cue_referring_back_names_the_figure_before_it():
    """The office that 'gave this data' in the next sentence is the figure's source, though
    that sentence holds a figure of its own (constructed text)."""
    text = (
        "今年头5个月,中国对希腊出口增长20%,自希腊进口增长4%。"
        "希腊统计局给出的这组数据不包括船舶,而船舶贸易额同期下降了7%。"
    )
    got = parse(text, pair=("GRC", "CHN"), as_of="2023-07-01")
    assert [c.reporter for c in got if c.value in (20.0, 4.0)] == ["GRC", "GRC"]


def test_listed_abbreviations_keep_the_language_files_reading():
    """A character the zh country table reads in a compound keeps that key; 中 is China."""
    table = abbreviations()
    assert (table["俄"], table["白"], table["中"], table["越"]) == ("RUS", "BLR", "CHN", "VNM")
    assert (table["巴"], table["土"], table["伊"]) == ("BRA|PAK", "TUR|TKM", "IRN|IRQ")


def test_unlisted_abbreviations_come_from_cldr_first_characters():
    """Other characters name the countries whose CLDR name begins with them."""
    table = abbreviations()
    assert table["智"] == "CHL" and table["秘"] == "PER"
    assert {"SRB", "CYP"} <= set(table["塞"].split("|"))


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("按照俄方统计", "RUS"),
        ("据白方数据", "BLR"),
        ("中方数据表明", "CHN"),
        ("据英方统计", "GBR"),
        ("据秘方数据", "PER"),
    ],
)
def test_a_side_cue_names_the_abbreviations_country(text, key):
    assert [k for _, k in R.hits(text)] == [key]


@pytest.mark.parametrize(
    "text", ["据多方统计", "西方数据显示", "卡方统计量", "南方统计", "双方统计"]
)
def test_common_words_with_fang_are_no_side(text):
    """多方 (several parties), 西方 (the West), 卡方 (chi-square): words, not a country's side."""
    assert R.hits(text) == []


def test_the_template_holds_the_abbreviation_placeholder():
    assert L.problems({"meta": {}, "words": {"side_statistics": ["据方统计"]}})
    assert all("{a}" in f for f in L.load("zh")["words"]["side_statistics"])


@pytest.mark.parametrize(
    ("text", "pair", "reporter"),
    [
        ("据塞方统计，2021年塞尔维亚自华进口额为31亿美元。", ("SRB", "CHN"), "SRB"),
        ("中方数据显示，2022年秘鲁对华出口额达240亿美元。", ("PER", "CHN"), "CHN"),
        ("据秘方数据，2022年秘鲁对华出口额达230亿美元。", ("PER", "CHN"), "PER"),
    ],
)
def test_a_side_cue_is_the_claims_reporter(text, pair, reporter):
    claims = parse(text, pair=pair)
    assert [c.reporter for c in claims] == [reporter]


def test_a_side_of_another_country_gives_no_reporter():
    """ "塞方" in a text about Peru and China is no one of the pair: null."""
    claims = parse("据塞方统计，2022年秘鲁对华出口额达230亿美元。", pair=("PER", "CHN"))
    assert [c.reporter for c in claims] == [None]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # a country released a report or data, its date between ("…5日发布的贸易报告")
        ("泰国5日发布的贸易报告指出", "THA"),
        # a body named after the country released it
        ("智利农业部门近日公布的报告称", "CHL"),
        # statistics of a body named after the country ("据某国出口促进署的统计数据")
        ("据葡萄牙投资贸易促进局的统计数据", "PRT"),
        # the country named last before the body is its owner, not one joined by 与
        ("中国与泰国海关发布的数据", "THA"),
    ],
)
def test_data_a_country_or_its_body_released(text, key):
    assert [k for _, k in R.hits(text)] == [key]


@pytest.mark.parametrize("text", ["据中国商务部发布的数据", "中国商务部3日公布的数据显示"])
def test_a_trade_ministry_releasing_data_is_no_source_of_its_own(text):
    """A trade ministry is a country's source only as ``trade_ministry_of`` and the registry
    say (README "Claims"): China's commerce ministry releasing data names no reporter."""
    assert [k for _, k in R.hits(text)] == []
