"""Whose statistics a figure cites: the reporter cues, found in a
text and turned into the claim's ``reporter`` field.

The cues are data: the agency names of the cited registry ``data/statistics_agencies.csv``
(:mod:`.agencies`: Belstat, Destatis, ФТС, 海关总署, TurkStat, ... of about fifty countries),
the phrasings of ``[words.reporter]`` of ``claims/lang/*.toml`` ("Chinese customs", "据中方统计")
and the ``statistics_of`` templates built from any country's names, all keyed by ISO3. A key
that is not one country (``EU27``: Eurostat) is listed in :data:`GROUPS`: such a claim keeps
``reporter`` null and says why in its notes; a name two countries share is keyed by both
("BLR|KGZ") and read as the one of the pair (``resolve/reporter.of_pair``). A country's
statistics office reporting on another pair's trade is still that country's statistics
(German statistics on Belarus–China trade: ``DEU``).

Examples
--------
>>> [key for _, key in hits("Nach Angaben von Destatis ... laut Eurostat")]
['DEU', 'EU27']
>>> field("EU27")[0] is None, field("VNM")
(True, ('VNM', []))
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection, Sequence
from functools import cache

from tradecheck.claims import agencies as A
from tradecheck.claims import lexicon as L
from tradecheck.claims._periods import after_since
from tradecheck.claims.partners import abbreviations

#: reporter keys that are not one country -> the note a claim citing them carries
GROUPS: dict[str, str] = {
    "EU27": "reporter: Eurostat (EU27) speaks for 27 countries, not one; left null",
}


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """One compiled pattern per reporter key, every language: the cues of the language files
    and the agency names of the registry (:func:`agencies.cue_sources`)."""
    registry = A.cue_sources()
    words = L.keys("reporter")
    out = []
    for key in dict.fromkeys([*words, *registry]):
        parts = [L.keyed_source("reporter", key)] if key in words else []
        parts += [registry[key]] if key in registry else []
        out.append((key, L.compile(LETTER_FIRST + "(?:" + "|".join(parts) + ")", re.IGNORECASE)))
    return tuple(out)


#: every cue starts with a letter (of any script): see :data:`lexicon.LETTER_FIRST`
LETTER_FIRST = L.LETTER_FIRST


@cache
def _built() -> re.Pattern[str]:
    """The cues built from a country's names (``statistics_of``: "Turkish customs",
    "据乌兹别克斯坦统计数据", "菲律宾统计局", of every ISO 3166 country: CLDR's names where the
    language files list none) as one pattern for any country: one pass over a text."""
    return L.compile(
        LETTER_FIRST + L.country_template_source("statistics_of", every=True), re.IGNORECASE
    )


@cache
def _built_keys() -> tuple[str, ...]:
    """The countries a built cue can name, in the order :func:`_built_key` tries them."""
    return tuple([k for k in L.keys("countries") if "|" not in k] + list(L.unlisted_countries()))


#: the open ending of a name pattern ("Niger\\w*"), left out of a name's core
_OPEN_END = re.compile(r"\\w[*+]$")


@cache
def _names_of(key: str, *, core: bool = False) -> re.Pattern[str]:
    """Every name of country ``key``, every language, as one pattern (what ``{c}`` stands
    for in its cues); with ``core``, each name without its open ending (a final ``\\w*`` or
    ``\\w+``): the stretch of a cue the name itself spans ("Niger" of "Niger\\w*").

    Examples
    --------
    >>> cue = "Nigerian customs"
    >>> _names_of("NER").search(cue).group(), _names_of("NER", core=True).search(cue).group()
    ('Nigerian', 'Niger')
    """
    names = [x for lg in L.languages() for x in L.country_names(lg, key)]
    if core:
        names = [_OPEN_END.sub("", x) for x in names]
    return re.compile("|".join(names) or r"(?!x)x", re.IGNORECASE)


@cache
def _built_of(key: str) -> re.Pattern[str]:
    """The cues built from the names of country ``key`` alone."""
    return re.compile(L.country_template_source("statistics_of", key), re.IGNORECASE)


def _name_span(key: str, cue: str) -> int:
    """How many letters of ``cue`` the longest name of country ``key`` spans, ending aside."""
    return max((len(m.group()) for m in _names_of(key, core=True).finditer(cue)), default=0)


def _built_key(cue: str) -> str | None:
    """The country a built cue names: of the countries whose own cues match all of it, the
    one whose name spans the most of it without its ending ("Nigerian customs": Nigeria's
    "Nigeria" over Niger's "Niger", a name that opens another country's name), the first
    of :func:`_built_keys` on a tie.

    Only a country one of whose names occurs in the cue can match it (every template holds
    ``{c}``, and a name matches the same text inside the cue as alone), so the others are
    passed over without compiling their cues: compiling ~250 of them, each a union of every
    language's templates, was most of a process's first parse (issue 8, item 5).

    Examples
    --------
    >>> _built_key("Turkish customs"), _built_key("乌兹别克斯坦统计"), _built_key("trade")
    ('TUR', 'UZB', None)
    >>> _built_key("Nigerian customs"), _built_key("Niger's customs")
    ('NGA', 'NER')
    """
    keys = [k for k in _built_keys() if _names_of(k).search(cue) and _built_of(k).fullmatch(cue)]
    return max(keys, key=lambda k: _name_span(k, cue), default=None)


def _built_hits(norm: str) -> list[tuple[int, int, str]]:
    """``(start, -end, key)`` of every cue built from a country's names in ``norm``."""
    out = []
    for m in _built().finditer(norm):
        key = _built_key(m.group())
        if key is not None:
            out.append((m.start(), -m.end(), key))
    return out


@cache
def _side() -> re.Pattern[str]:
    """The cues of concept ``side_statistics`` ("据塞方统计", "中方数据") with ``{a}`` for any
    Chinese pair-compound abbreviation (:func:`.partners.abbreviations`), one pattern: the
    abbreviation is its group ``a``."""
    chars = "".join(sorted(abbreviations()))
    frags = [
        f.replace("{a}", f"(?P<a>[{chars}])")
        for lg in L.languages()
        for f in L.load(lg)["words"]["side_statistics"]
    ]
    return L.compile("|".join(frags) or r"(?!x)x", 0)


def _side_hits(norm: str) -> list[tuple[int, int, str]]:
    """``(start, -end, key)`` of every cue naming a country's side by its abbreviation
    ("据塞方统计": ``"CYP|SEN|SLE|SRB|SYC"``, read as the pair's by ``resolve/reporter.of_pair``).

    Examples
    --------
    >>> _side_hits("据塞方统计，中方数据显示")
    [(0, -5, 'CYP|SEN|SLE|SRB|SYC'), (6, -10, 'CHN')]
    """
    table = abbreviations()
    return [(m.start(), -m.end(), table[m.group("a")]) for m in _side().finditer(norm)]


@cache
def _bodies() -> tuple[tuple[str, str, re.Pattern[str], re.Pattern[str]], ...]:
    """``(body, language, its names with any country, its names alone)`` of every body a
    language file names alone (:data:`agencies.NAMED_BODIES`)."""
    out = []
    for body in A.NAMED_BODIES:
        named = re.compile(LETTER_FIRST + f"(?:{A.owned_source(body)})", re.IGNORECASE)
        for lang in L.languages():
            alone = A.alone_source(body, lang)
            if alone is not None:
                out.append(
                    (body, lang, named, re.compile(LETTER_FIRST + f"(?:{alone})", re.IGNORECASE))
                )
    return tuple(out)


def bare_hits(norm: str, pair: Sequence[str]) -> list[tuple[int, int, str]]:
    """``(start, -end, key)`` of the bodies named without their country ("according to trade
    ministry data", "teilte das Finanzministerium mit") in a text about ``pair``: the country
    of the pair whose body the registry names so (:func:`agencies.alone_owners`). None when
    both or neither of the pair has one, and none where the name is part of one naming a
    country ("China's Ministry of Commerce": a body that publishes no trade statistics).

    Examples
    --------
    >>> bare_hits("according to trade ministry data", ("KOR", "CHN"))
    [(13, -27, 'KOR')]
    >>> bare_hits("according to trade ministry data", ("RUS", "CHN"))
    []
    >>> bare_hits("China's commerce ministry said", ("IND", "CHN"))
    []
    """
    out = []
    for body, lang, named, alone in _bodies():
        own = [iso for iso in pair if iso in A.alone_owners(body, lang)]
        if len(own) != 1:
            continue
        spans = [(m.start(), m.end()) for m in named.finditer(norm)]
        starts = [s for s, _ in spans]
        for m in alone.finditer(norm):
            i = bisect_right(starts, m.start()) - 1
            if i < 0 or spans[i][1] <= m.start():  # not inside a name with a country
                out.append((m.start(), -m.end(), own[0]))
    return out


def hits(norm: str, pair: Sequence[str] = ()) -> list[tuple[int, str]]:
    """Every reporter cue in ``norm`` as ``(start, key)``, in text order; with the ``pair``
    of the text, also the bodies it names without their country (:func:`bare_hits`).

    Overlapping cues are one mention: the cue that starts first wins, then the longer one
    ("俄罗斯海关统计" is Russia's customs, not the "海关统计" inside it; "白俄罗斯海关" is
    Belarus's, not the "俄罗斯海关" inside it).

    Examples
    --------
    >>> hits("据俄罗斯海关统计"), hits("白俄罗斯海关数据")
    ([(1, 'RUS')], [(0, 'BLR')])
    >>> hits("the Ministry of Finance said", ("JPN", "CHN"))
    [(4, 'JPN')]
    """
    found = sorted(
        [(m.start(), -m.end(), key) for key, rx in _patterns() for m in rx.finditer(norm)]
        + _built_hits(norm)
        + _side_hits(norm)
        + bare_hits(norm, pair)
    )
    out: list[tuple[int, str]] = []
    reach = -1
    for start, neg_end, key in found:
        if start < reach:
            continue  # inside (or across) a cue already taken
        out.append((start, key))
        reach = -neg_end
    return out


def field(key: str | None) -> tuple[str | None, list[str]]:
    """The claim's ``reporter`` for a cue key and the notes it adds.

    Examples
    --------
    >>> field(None), field("CHN")
    ((None, []), ('CHN', []))
    """
    if key in GROUPS:
        return None, [GROUPS[key]]
    return key, []


def carried(
    hits: list[tuple[int, str]],
    sentences: list[tuple[int, int]],
    amount_starts: list[int],
    years: list[set[int]],
    refers_back: Collection[int] = (),
    closing: Collection[int] = (),
    paragraphs: Sequence[int] = (),
    part_year: Collection[int] = (),
) -> list[str | None]:
    """Per sentence, the source a sentence without a cue of its own takes from the rest of a
    text that cites **one** source only (a second source: the first carries only to the
    sentences before the second's, and the second from its own on, :func:`_up_to_second`).

    It is that source when a cue stands in an earlier sentence of the same paragraph, whatever
    year the sentence names (:func:`_in_cue_paragraph`);
    or in an earlier sentence and the sentence names no year before those of the release and
    the year it compares with (:func:`_release_years`, :func:`_with_base_year`,
    :func:`_reports_on`: the text goes on reporting the same release or its newer figures, not
    the history before it: "In 2022 trade had grown 29%" in a new paragraph after a 2024
    release stays without a source); or
    when the sentence is one of the figure sentences right before a cue that stands alone,
    with no figure of its own ("Об этом сообщает ФТС.", "Source: China customs",
    :func:`_announced`); or when the sentence holds figures and comes right before the first
    cue, whose sentence refers back to its figure (an index in ``refers_back``) and names no
    other year ("Trade reached $2.1 billion in 2024. According to the statistics agency,
    the figure is 50% higher ..."); or when the sentence holds figures and the next one (an
    index in ``closing``: same paragraph, its cue after its last figure) ends by naming the
    source and names no other year ("Trade reached $13 billion. Imports were $11 billion, the
    statistics committee said.").

    Parameters
    ----------
    hits
        ``(start, key)`` of every cue of the text (:func:`hits`), in text order.
    sentences
        ``(start, end)`` of every sentence, in text order.
    amount_starts
        Where the text's figures start, in text order.
    years
        The years each sentence names (explicit years of its own periods).
    refers_back
        The sentences that refer back to the figure of the sentence before ("this figure").
    closing
        The sentences whose cue closes them and that go on the paragraph of the sentence
        before (:func:`closing_cues`).
    paragraphs
        The paragraph of each sentence (:func:`paragraph_of`); none given: one per sentence.
    part_year
        The sentences that name a period shorter than a year (:func:`_with_base_year`).

    Examples
    --------
    >>> sents = [(0, 10), (10, 20), (20, 30), (30, 40)]
    >>> carried([(12, "RUS")], sents, [2, 25, 35], [set(), {2024}, {2024}, {2022}])
    ['RUS', None, 'RUS', None]
    >>> carried([(12, "RUS"), (22, "CHN")], sents, [2, 25], [set()] * 4)
    ['RUS', None, None, 'CHN']
    >>> carried([(2, "RUS"), (32, "CHN")], sents, [5, 15, 25, 35], [set()] * 4)
    [None, 'RUS', 'RUS', None]
    >>> carried([(12, "UZB")], sents, [2, 15], [{2024}, set(), {2024}, {2022}], {1})
    ['UZB', None, 'UZB', None]
    >>> carried([(12, "UZB")], sents, [2, 15], [{2024}, set(), {2024}, {2022}])
    [None, None, 'UZB', None]
    >>> carried([(12, "UZB")], sents, [2, 15], [{2023}, {2024}, set(), set()], {1})
    [None, None, 'UZB', 'UZB']
    >>> carried([(18, "UZB")], sents, [2, 12], [set(), {2024}, set(), {2022}], closing={1})
    ['UZB', None, 'UZB', None]
    >>> carried([(22, "DEU")], sents, [2, 12], [set()] * 4)
    ['DEU', 'DEU', None, 'DEU']
    >>> ys = [{2024}, {2021}, set(), {2022}]
    >>> carried([(2, "CHN")], sents, [5, 15, 35], ys, paragraphs=[0, 0, 0, 1])
    [None, 'CHN', 'CHN', None]
    """
    out: list[str | None] = [None] * len(sentences)
    if not hits:
        return out
    key = hits[0][1]
    para = list(paragraphs) or list(range(len(sentences)))
    if any(k != key for _, k in hits):  # the text goes on to another source: up to it only
        return _up_to_second(hits, sentences, amount_starts, years, refers_back, closing, para)
    starts = [s for s, _ in sentences]
    with_cue = {bisect_right(starts, h) - 1 for h, _ in hits} - {-1}
    with_amount = {bisect_right(starts, a) - 1 for a in amount_starts}
    first = min(with_cue)
    cue_years = _release_years(with_cue, with_amount, years)
    announced = _announced(with_cue, with_amount)
    cue_paras = {para[j]: j for j in sorted(with_cue, reverse=True)}  # paragraph -> first cue
    for i in range(len(sentences)):
        if i in with_cue:
            continue
        reported = _with_base_year(cue_years, bool(with_cue & set(part_year)), i in part_year)
        follows = i > first and _reports_on(years[i], reported)
        follows = follows or _in_cue_paragraph(i, para, cue_paras)
        lead = first in refers_back and i == first - 1 and i in with_amount
        lead = lead and years[first] <= years[i]
        closed = i + 1 in closing and i in with_amount and _same_years(years[i], years[i + 1])
        out[i] = key if follows or i in announced or lead or closed else None
    return out


def _with_base_year(
    release: set[int], part_release: bool = False, part_own: bool = False
) -> set[int]:
    """The years a release reports: its own and the year before its first, the one it compares
    with ("up from $67 million in 2009" after a 2010 release; not "in 2022" after a 2024 one).
    A release of part of a year (``part_release``) compares with that part of the year before:
    a sentence naming whole years only (not ``part_own``) gets no year before ("January-June
    2025 ..., Belstat said. Trade was $4.2 billion in 2024": background, not the release).

    Examples
    --------
    >>> sorted(_with_base_year({2010})), sorted(_with_base_year({2023, 2024}))
    ([2009, 2010], [2022, 2023, 2024])
    >>> _with_base_year({2025}, part_release=True), sorted(_with_base_year({2025}, True, True))
    ({2025}, [2024, 2025])
    """
    if not release or (part_release and not part_own):
        return release
    return release | {min(release) - 1}


def _reports_on(own: set[int], reported: set[int]) -> bool:
    """Whether a sentence naming ``own`` years goes on with a release that reports
    ``reported`` (:func:`_with_base_year`): it names no year before the release's (history
    before it: "In 2019 trade had been $2 bn" after a 2024 release keeps null). The
    release's own years and later ones go on with it: a text that turns to a newer period
    without naming another source gives the same source's newer figures ("Customs put 2024
    trade at $9 bn. ... In January-May this year exports rose 9%.").

    Examples
    --------
    >>> _reports_on({2024}, {2023, 2024}), _reports_on({2025}, {2023, 2024})
    (True, True)
    >>> _reports_on({2019}, {2023, 2024}), _reports_on({2019, 2025}, {2024})
    (False, False)
    >>> _reports_on(set(), set()), _reports_on({2024}, set())
    (True, False)
    """
    if not reported:
        return not own
    return all(y in reported or y > max(reported) for y in own)


def _release_years(with_cue: set[int], with_amount: set[int], years: list[set[int]]) -> set[int]:
    """The years of the release a text's cue speaks for: those of the cue sentences that hold
    figures or announce the figures before them (:func:`_announced`), and of those figures;
    when these name none, those of the first figure sentence after
    the first cue that names one (a year in a cue sentence without figures that announces none
    is an aside: "purchases slipped in May, the first fall since October 2020, customs data
    showed"), else of the first sentence after it that names one.

    Examples
    --------
    >>> _release_years({0}, {1, 2}, [{2022}, {2023}, {2021}])
    {2023}
    >>> _release_years({1}, {0, 2}, [{2024}, set(), {2022}])
    {2024}
    >>> _release_years({0}, {0}, [set(), {2023}, set()])
    {2023}
    """
    announced = _announced(with_cue, with_amount)
    announcing = {j for j in with_cue if j - 1 in announced}
    own = (with_cue & with_amount) | announced | announcing
    found = set().union(*(years[i] for i in own))
    if found:
        return found
    first = min(with_cue)
    after = range(first + 1, len(years))
    figures = (years[i] for i in after if years[i] and i in with_amount)
    return next(figures, None) or next((years[i] for i in after if years[i]), set())


def _announced(with_cue: set[int], with_amount: set[int]) -> set[int]:
    """The figure sentences a cue standing alone speaks for: the run of figure sentences
    without a cue right before it ("Exports rose 12%. They came to EUR 2.1 bn. This is what
    Destatis data show."; "来源：海关总署" under a block of figures).

    Examples
    --------
    >>> sorted(_announced({3}, {0, 1, 2})), sorted(_announced({3}, {0, 2})), _announced({1}, {0, 1})
    ([0, 1, 2], [2], set())
    """
    out: set[int] = set()
    for j in with_cue - with_amount:
        i = j - 1
        while i >= 0 and i in with_amount and i not in with_cue:
            out.add(i)
            i -= 1
    return out


def _up_to_second(
    hits: list[tuple[int, str]],
    sentences: list[tuple[int, int]],
    amount_starts: list[int],
    years: list[set[int]],
    refers_back: Collection[int],
    closing: Collection[int],
    paragraphs: Sequence[int],
) -> list[str | None]:
    """:func:`carried` for a text citing a second source: the first source carries to the
    sentences before the second one's; from there on the text is read again as one citing
    the second source first ("Chinese estimates put trade at $3.8 bn. By Belarusian
    statistics it reached $5.1 bn. Exports rose 17.5%.": the last figure is Belarus's).

    Examples
    --------
    >>> sents = [(0, 10), (10, 20), (20, 30), (30, 40)]
    >>> _up_to_second([(2, "CHN"), (12, "BLR")], sents, [5, 15, 25], [set()] * 4, (), (), ())
    [None, None, 'BLR', 'BLR']
    """
    second = next(h for h, k in hits if k != hits[0][1])
    limit = bisect_right([s for s, _ in sentences], second) - 1
    if limit <= 0:  # both sources in the first sentence: neither carries
        return [None] * len(sentences)
    cut = sentences[limit][0]
    head = carried(
        [h for h in hits if h[0] < cut],
        sentences[:limit],
        [a for a in amount_starts if a < cut],
        years[:limit],
        [i for i in refers_back if i < limit],
        [i for i in closing if i < limit],
        paragraphs[:limit],
    )
    tail = carried(
        [h for h in hits if h[0] >= cut],
        sentences[limit:],
        [a for a in amount_starts if a >= cut],
        years[limit:],
        [i - limit for i in refers_back if i >= limit],
        [i - limit for i in closing if i >= limit],
        paragraphs[limit:],
    )
    return head + tail


def _in_cue_paragraph(i: int, paragraphs: Sequence[int], cue_paras: dict[int, int]) -> bool:
    """Whether sentence ``i`` stands after a cue of the text's source in the cue's own
    paragraph: the paragraph goes on with that report whatever year the sentence names (a
    base year, a fiscal year, the year a rise counts from: "Exports rose 9% to $2 bn. In 2019
    they had been $1.4 bn."). A new paragraph is read with the year rule of :func:`carried`.

    Examples
    --------
    >>> _in_cue_paragraph(2, [0, 0, 0, 1], {0: 1}), _in_cue_paragraph(3, [0, 0, 0, 1], {0: 1})
    (True, False)
    >>> _in_cue_paragraph(0, [0, 0, 0, 1], {0: 1})
    False
    """
    return cue_paras.get(paragraphs[i], i) < i


def _same_years(own: set[int], cue: set[int]) -> bool:
    """Whether a sentence naming ``own`` years goes on reporting a cue sentence's release."""
    return not cue or own <= cue


def closing_cues(
    norm: str,
    hits: list[tuple[int, str]],
    sentences: list[tuple[int, int]],
    amount_starts: list[int],
) -> set[int]:
    """The sentences whose cues all stand after their last figure ("..., the statistics
    committee said.") and that follow the sentence before in the same paragraph (no line
    break between them): their source also speaks for that sentence (:func:`carried`).

    Examples
    --------
    >>> t = "Trade was $2 bn. Imports were $1 bn, Belstat said.\\nExports fell."
    >>> closing_cues(t, [(37, "BLR")], [(0, 16), (17, 51), (52, 65)], [10, 30])
    {1}
    >>> closing_cues(t, [(37, "BLR")], [(0, 16), (17, 51), (52, 65)], [10, 30, 45])
    set()
    """
    starts = [s for s, _ in sentences]
    out: set[int] = set()
    for j in {bisect_right(starts, h) - 1 for h, _ in hits}:
        if j <= 0:
            continue
        s, e = sentences[j]
        own = [h for h, _ in hits if s <= h < e]
        figures = [a for a in amount_starts if s <= a < e]
        if figures and min(own) > max(figures) and "\n" not in norm[sentences[j - 1][1] : s]:
            out.add(j)
    return out


def paragraph_of(norm: str, sentences: list[tuple[int, int]]) -> list[int]:
    """The paragraph of each sentence: how many line breaks stand before its own first letter
    (:func:`body_start`: after headline lines the splitter joined to it).

    Examples
    --------
    >>> paragraph_of("A b. C d.\\nE f.", [(0, 4), (4, 9), (9, 14)])
    [0, 0, 1]
    >>> paragraph_of("Trade up\\nA record\\nTrade rose. Exports fell.", [(0, 29), (29, 43)])
    [2, 2]
    """
    breaks = [i for i, ch in enumerate(norm) if ch == "\n"]
    return [bisect_right(breaks, body_start(norm, start, end)) for start, end in sentences]


def body_start(norm: str, start: int, end: int) -> int:
    """Where the sentence ``norm[start:end]`` starts its own text: its first letter, after
    any lines ending in a letter or digit, without a stop or a comma -- headlines and
    sub-headlines the splitter joins to the body's first sentence ("Exports to Poland
    double / Poland gains weight / In the first quarter, Destatis says, ..."). A line ending
    in punctuation (a hard-wrapped sentence: "... worth $610 million,") is the sentence's own.

    Examples
    --------
    >>> t = "Trade up\\nA record\\nTrade rose."
    >>> t[body_start(t, 0, len(t)):]
    'Trade rose.'
    >>> t = "It rose,\\nBelstat said."
    >>> body_start(t, 0, len(t))
    0
    """
    pos = start + len(norm[start:end]) - len(norm[start:end].lstrip())
    while (nl := norm.find("\n", pos, end)) >= 0:
        line = norm[pos:nl].rstrip()
        rest = norm[nl:end]
        if not line or not line[-1].isalnum() or not rest.strip():
            break
        pos = nl + len(rest) - len(rest.lstrip())
    return pos


def is_reference_point(norm: str, start: int) -> bool:
    """Whether a period mention at ``start`` follows "since" ("the lowest since September
    2010", "seit März 2022"): a point of reference, not a period the sentence reports on.

    Examples
    --------
    >>> t = "imports fell to $38 billion, the smallest since June 2014"
    >>> is_reference_point(t, t.index("June")), is_reference_point(t, 0)
    (True, False)
    """
    return after_since(norm, start)  # the same fact as a bare year after "seit"


def years_by_sentence(
    sentence_starts: list[int], years: list[tuple[int, int | None]]
) -> list[set[int]]:
    """The explicit years each sentence names, from ``(start, year)`` of its periods.

    Examples
    --------
    >>> years_by_sentence([0, 10], [(2, 2024), (12, None), (15, 2022)])
    [{2024}, {2022}]
    """
    out: list[set[int]] = [set() for _ in sentence_starts]
    for start, year in years:
        j = bisect_right(sentence_starts, start) - 1
        if year is not None and j >= 0:
            out[j].add(year)
    return out


def year_of(year: int | None, rel: int | None, this_year: int | None) -> int | None:
    """The year a period mention names for :func:`carried`: written, relative to publication
    ("last year"), or the publication year for months written without one ("in January-July").

    Examples
    --------
    >>> year_of(2022, None, 2024), year_of(None, -1, 2024), year_of(None, None, 2024)
    (2022, 2023, 2024)
    >>> year_of(None, None, None) is None
    True
    """
    if year is not None:
        return year
    if this_year is None:
        return None
    return this_year + (rel or 0)
