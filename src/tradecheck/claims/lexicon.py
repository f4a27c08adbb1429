"""The claim grammar's words, read from one data file per language (``claims/lang/*.toml``).

Each file holds a ``[meta]`` table (``lang``, ``name``, ``word_boundaries``) and a ``[words]``
table keyed by concept (:data:`CONCEPTS`). A concept is either

- a list of regular-expression fragments (``trade = ['turnover', 'trade\\w*']``),
- ``months``: twelve lists (January first),
- a table of fragment -> number (``ordinals``, ``scales``, ``number_words``,
  ``multiple_words``, ``fraction_words``), or
- a table of key -> fragments (``currencies``: ISO 4217; ``reporter``, ``countries``: ISO3,
  or two ISO3 joined by ``|`` for a Chinese one-character abbreviation shared by two countries;
  ``capitals``: ISO3, a capital used as a metonym; ``country_groups``: EU, ASEAN, CENTRAL_ASIA,
  ... and WORLD; see :mod:`.partners`; ``products``: product key; ``regions``: "ISO3:Name").
  Product and region names and ``percent`` words are matched as written (:data:`AS_WRITTEN`).

This module compiles them, one pattern per concept over every language (a text may mix
languages, and a quote is often cut from a page in another one). Words of languages written
with word boundaries are wrapped in ``(?<!\\w)…(?!\\w)``; Chinese is not, nor are the
:data:`AS_WRITTEN` concepts. The grammar (mentions.py, resolve/, _periods.py, _lang.py, ...)
reads every word through here; what stays in code is digits, punctuation, the codes Q1/H1 and
the Chinese numerals (``_numbers.py``). Adding a language is a data file plus test sentences
(docs/add_a_language.md).

Examples
--------
>>> bool(pattern("export").search("Belarusian exports to China"))
True
>>> month_number("сентября"), month_number("верасня"), month_number("Oktober")
(9, 9, 10)
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import cache
from importlib import resources
from typing import Any

#: the reader's ``re.compile`` for patterns scanned over a text: a first-character guard in
#: front, the same matches (:mod:`._guard`)
from tradecheck.claims._guard import compile

#: grammar words moved out of the Python code (prepositions, period phrases, units, ...; see
#: docs/add_a_language.md): list concepts a language without the construction leaves empty
GRAMMAR_WORDS: tuple[str, ...] = (
    "with_word", "with_or_and", "balance_with", "in_trade_with", "in_favour_of", "deficit_surplus",
    "between", "total_trade", "product_of", "share_of_total", "share_of_flow", "change_by",
    "share_total_before",
    "growth_rate", "comparative_after", "than", "more_or_less", "above", "below", "determiner",
    "separable_up", "separable_down", "separable_by", "amount_to", "share_in", "scale_abbreviation",
    "currency_next", "ordinal_suffix", "ordinal_prefix", "half_alone", "first_half_prefix",
    "second_half_prefix", "nine_months", "end_of", "until_end_of", "first_month", "past_n",
    "month_in", "year_before", "year_after", "year_of", "year_in", "this_year_after",
    "last_year_after", "the_year_after", "year_apposition", "year_to",
    "year_of_before", "genitive", "base_article", "base_unit",
    "base_after", "base_multiple_after", "change_unit", "from_word", "month_suffix",
    "number_range_to", "year_char", "count_measure", "day_suffix", "physical_unit", "over_word",
    "minus_word", "detection", "perfective", "down_word", "article", "index_of",
    "flow_after_amount", "exceed_verb", "prior_rate", "import_origin_adjective", "decimal_word",
    "bought_from", "pair_compound", "flow_abbreviation", "balance_pronoun", "minus_after",
)  # fmt: skip
#: concepts held as a list of fragments
LIST_CONCEPTS: tuple[str, ...] = (
    "trade", "export", "import", "balance", "negative_balance", "increase", "decrease", "index",
    "share", "approx", "almost", "more_than", "less_than", "base_marker", "same_period_of",
    "same_period_last_year", "previous_year", "destination", "origin", "level_from", "level_to",
    "partner_with", "pair_anaphora", "figure_anaphora", "location", "institution",
    *GRAMMAR_WORDS,
    "quarter", "half", "partial_month", "month_word",
    "this_year", "last_year", "so_far", "year_before_last", "year_before_period", "single_month",
    "this_fiscal_year", "last_fiscal_year", "last_month",
    "a_year_later",
    "pre_pandemic",
    "period_anaphora",
    "since_start",
    "over_decade",
    "since", "respectively", "and_word", "not_trade_strong", "not_trade_weak", "forecast",
    "abs_change", "abs_change_weak", "physical", "price", "industrial", "services",
    "goods_and_services", "excluding", "clause_conjunction", "continuation", "abbreviation",
    "percent", "range_from", "range_to", "first_n", "approx_after", "more_than_after",
    "exceeded_after", "not_exceeded", "percent_adjective",
    "not_below",
    "sequential", "per_day", "intent", "business", "value_terms", "country_anaphora",
    "opposite_direction", "each_flow", "concessive", "ranked_after",
    "trade_ministry_alone", "finance_ministry_alone",
    "item_count",
    "result_infinitive",
)  # fmt: skip
#: concepts held as a list of templates: ``{n}`` stands for a number ("{n}-fold")
TEMPLATE_CONCEPTS: tuple[str, ...] = (
    "times", "years_ago", "years_later", "over_years", "months_to",
)  # fmt: skip
#: concepts held as a list of templates: ``{c}`` stands for one country's names in the same
#: language ("{c} customs" -> "Turkish customs"; see :func:`country_template_source`)
COUNTRY_TEMPLATES: tuple[str, ...] = (
    "statistics_of", "share_of_country",
    # a body that publishes some countries' trade statistics (``claims/agencies.py``), named
    # with its country: "India's commerce ministry", "Минфин Японии", "日本财务省"
    "trade_ministry_of", "finance_ministry_of", "central_bank_of",
)  # fmt: skip
#: concepts held as a list of templates: ``{a}`` stands for any one-character country
#: abbreviation of a Chinese pair compound ("{a}方统计" -> "塞方统计"; the abbreviations are
#: those :func:`.partners.abbreviations` reads: no list of them here)
ABBREVIATION_TEMPLATES: tuple[str, ...] = ("side_statistics",)
#: concepts held as a table fragment -> number
NUMBER_TABLES: tuple[str, ...] = (
    "ordinals", "scales", "number_words", "multiple_words", "fraction_words", "rel_year_before",
    "times_words",
)  # fmt: skip
#: concepts held as a table key -> fragments
KEYED_TABLES: tuple[str, ...] = (
    "currencies", "reporter", "countries", "capitals", "country_groups", "products", "regions",
)  # fmt: skip
#: concepts whose fragments are matched as written (they carry their own boundaries, as
#: product and region names do: "Holz\\w*" inside "Schnittholz"); see :func:`written_source`
AS_WRITTEN: tuple[str, ...] = (
    "products", "regions", "percent", "scale_abbreviation", "currency_next", "ordinal_suffix",
    "year_after", "year_of", "year_in", "base_article", "base_unit", "change_unit",
    "physical_unit", "index_of", "percent_adjective",
)  # fmt: skip
#: concepts whose words language detection does not count: abbreviations ("г", "r") and
#: the small words of month ranges ("с", "по", "за"), of "with" ("з", "与"), month and year
#: prepositions, year words ("г.") and units ("т", "кг") are shared by neighbouring languages
NOT_TELLING: tuple[str, ...] = (
    "abbreviation", "range_from", "range_to", "first_n", "with_word", "with_or_and", "between",
    "month_in", "year_before", "year_after", "from_word", "year_char", "count_measure",
    "physical_unit", "trade_ministry_alone", "finance_ministry_alone",
)  # fmt: skip
#: concepts a language may leave empty (``[]`` or ``{}``): it has no such words (yet)
OPTIONAL: tuple[str, ...] = (
    "abs_change_weak", "year_before_period", "single_month", "since", "since_start", "continuation",
    "products", "regions", "multiple_words", "abbreviation", "percent", "range_from", "range_to",
    "first_n", "approx_after", "more_than_after", "exceeded_after", "not_exceeded",
    "same_period_of", "share_of_country", "percent_adjective",
    *GRAMMAR_WORDS, "years_ago", "years_later", "a_year_later", "months_to", "rel_year_before",
    "times_words",
    "trade_ministry_alone", "finance_ministry_alone",
    *ABBREVIATION_TEMPLATES,
)  # fmt: skip
#: every concept a language file must define
CONCEPTS: tuple[str, ...] = (
    *LIST_CONCEPTS, *TEMPLATE_CONCEPTS, *COUNTRY_TEMPLATES, *ABBREVIATION_TEMPLATES, "months",
    *NUMBER_TABLES, *KEYED_TABLES,
)  # fmt: skip


class LexiconError(ValueError):
    """A language file is incomplete or malformed (names the file and the concept)."""


@cache
def languages() -> tuple[str, ...]:
    """The languages with a data file, those written with word boundaries first.

    Examples
    --------
    >>> languages()
    ('be', 'de', 'en', 'pl', 'ru', 'uk', 'zh')
    """
    names = sorted(
        p.name[: -len(".toml")]
        for p in resources.files("tradecheck.claims").joinpath("lang").iterdir()
        if p.name.endswith(".toml")
    )
    return tuple(sorted(names, key=lambda n: not load(n)["meta"]["word_boundaries"]))


@cache
def load(lang: str) -> dict[str, Any]:
    """The parsed data file of one language, checked (:func:`problems` must be empty)."""
    path = resources.files("tradecheck.claims").joinpath("lang", f"{lang}.toml")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise LexiconError(f"claims/lang/{lang}.toml: cannot read ({exc})") from exc
    found = problems(data)
    if found:
        raise LexiconError(f"claims/lang/{lang}.toml: {found[0]}")
    rule = data["meta"].get("soft_sign")
    return data if rule is None else _with_soft_sign(data, rule)


#: concepts whose keys are words as written, not fragments (never respelt)
_LITERAL_KEYS: tuple[str, ...] = ("number_words",)


def _with_soft_sign(data: dict[str, Any], rule: dict[str, str]) -> dict[str, Any]:
    """``data`` with every fragment of its ``[words]`` also accepting a soft sign where the
    ``[meta] soft_sign`` rule of the file places one (:func:`soft_sign_point`)."""
    at = soft_sign_point(rule)
    words = {
        c: v if c in _LITERAL_KEYS else _respelt_value(v, at, rule["sign"])
        for c, v in data["words"].items()
    }
    return {**data, "words": words}


def soft_sign_point(rule: dict[str, str]) -> re.Pattern[str]:
    """The places a soft sign may stand in a word, from a ``[meta] soft_sign`` rule: after one
    of ``first`` before one of ``second`` (Belarusian classical orthography, тарашкевіца:
    "зьвесткі", "сьнег", "пасьля"), and inside a doubled letter of ``doubled`` ("насеньне",
    "вясельле").

    Examples
    --------
    >>> at = soft_sign_point({"first": "зсц", "second": "нлв", "doubled": "нл", "sign": "ь"})
    >>> at.sub("ь?", "пасля"), at.sub("ь?", "павелічэнн")
    ('пась?ля', 'павелічэнь?н')
    """
    doubled = "|".join(f"(?<={d})(?={d})" for d in rule.get("doubled", ""))
    return re.compile(
        f"(?<=[{rule['first']}])(?=[{rule['second']}])" + (f"|{doubled}" * bool(doubled))
    )


def _respelt_value(value: Any, at: re.Pattern[str], sign: str) -> Any:
    """A concept value of any shape with each fragment respelt (:func:`respelt`)."""
    if isinstance(value, str):
        return respelt(value, at, sign)
    if isinstance(value, list):
        return [_respelt_value(v, at, sign) for v in value]
    if isinstance(value, dict):
        return {respelt(k, at, sign): _respelt_value(v, at, sign) for k, v in value.items()}
    return value


def respelt(frag: str, at: re.Pattern[str], sign: str) -> str:
    """Fragment ``frag`` with an optional ``sign`` at each place ``at`` matches in its literal
    text; character classes and lookbehinds (which must keep a fixed width) are left as written.

    Examples
    --------
    >>> at = soft_sign_point({"first": "зс", "second": "нв", "sign": "ь"})
    >>> respelt("звестк.*", at, "ь"), respelt("[зс]н", at, "ь"), respelt("(?<!сн)ы", at, "ь")
    ('зь?вестк.*', '[зс]н', '(?<!сн)ы')
    """
    out: list[str] = []
    run: list[str] = []  # letters since the last class, group or escape
    groups: list[bool] = []  # open groups, True for a lookbehind
    i, in_class = 0, False
    while i < len(frag):
        ch = frag[i]
        step = frag[i : i + 2] if ch == "\\" else ch
        if not in_class and ch == "(":
            groups.append(frag.startswith(("(?<=", "(?<!"), i))
        elif not in_class and ch == ")" and groups:
            groups.pop()
        in_class = (in_class and ch != "]") or (not in_class and ch == "[")
        if in_class or any(groups) or len(step) > 1 or not ch.isalpha():
            out.append(at.sub(f"{sign}?", "".join(run)) + step)
            run = []
        else:
            run.append(ch)
        i += len(step)
    return "".join(out) + at.sub(f"{sign}?", "".join(run))


def _fragments_of(value: Any) -> list[str]:
    """Every fragment in a concept value of any shape."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [f for v in value for f in _fragments_of(v)]
    if isinstance(value, dict):
        return [*value.keys(), *(f for v in value.values() for f in _fragments_of(v))]
    return []


def problems(data: dict[str, Any]) -> list[str]:
    """What is missing or malformed in a language file's data (empty when it is complete).

    Examples
    --------
    >>> problems({"meta": {"lang": "xx", "word_boundaries": True}, "words": {"trade": ["("]}})[0]
    'concept export: missing'
    """
    out: list[str] = []
    meta, words = data.get("meta", {}), data.get("words", {})
    if not isinstance(meta.get("word_boundaries"), bool) or not meta.get("lang"):
        out.append("meta: expected lang and word_boundaries = true|false")
    for c in CONCEPTS:
        v = words.get(c)
        if v is None or ((v == [] or v == {}) and c not in OPTIONAL):
            out.append(f"concept {c}: missing")
        elif c in LIST_CONCEPTS and not all(isinstance(f, str) for f in v):
            out.append(f"concept {c}: expected a list of strings")
        elif c in TEMPLATE_CONCEPTS and not all(isinstance(f, str) and "{n}" in f for f in v):
            out.append(f"concept {c}: expected a list of strings with {{n}} for the number")
        elif c in COUNTRY_TEMPLATES and not all(isinstance(f, str) and "{c}" in f for f in v):
            out.append(f"concept {c}: expected a list of strings with {{c}} for the country")
        elif c in ABBREVIATION_TEMPLATES and not all(isinstance(f, str) and "{a}" in f for f in v):
            out.append(f"concept {c}: expected a list of strings with {{a}} for the abbreviation")
        elif c == "months" and (len(v) != 12 or not all(isinstance(m, list) and m for m in v)):
            out.append("concept months: expected twelve non-empty lists")
        elif c in NUMBER_TABLES and not all(isinstance(n, int | float) for n in v.values()):
            out.append(f"concept {c}: expected a table of numbers")
        elif c in KEYED_TABLES and not all(isinstance(f, list) for f in v.values()):
            out.append(f"concept {c}: expected a table of lists")
    for c in CONCEPTS:
        for frag in _fragments_of(words.get(c)):
            try:
                re.compile(frag)
            except re.error as exc:
                out.append(f"concept {c}: {frag!r} is not a regular expression ({exc})")
    return out


#: a lookahead for patterns scanned over a whole text whose every match starts with a letter
#: of any script (cue words, country names): the engine then leaves a position with one
#: character test instead of trying every alternative, which is what made a text with few
#: letters ("1%" repeated, a column of figures) slow. Each use has a test that it changes no
#: match (tests/claims/test_reporters.py, test_mentions_speed.py).
LETTER_FIRST = r"(?=[^\W\d_])"


def _is_sign(ch: str) -> bool:
    """Whether a character is a currency sign ("$", "€", "₽"): glued to numbers, no boundary."""
    return len(ch) == 1 and unicodedata.category(ch) == "Sc"


#: the end of a fragment that must touch a digit ("RM(?=\\d)"): it is its own right boundary
GLUED = r"(?=\d)"


def _edges(frag: str, bounded: bool) -> tuple[str, str]:
    """The boundaries a fragment gets: none in Chinese, none before "%" or after "\\s", none
    on the side of a currency sign ("€8.4 bn", "8,4 Mrd.€"), none after a fragment that
    ends by requiring a digit (a letter sign glued to its number: "RM12 billion")."""
    if not bounded:
        return "", ""
    first = frag[1:2] if frag.startswith("\\") else frag[:1]
    pre = "" if frag.startswith("%") or _is_sign(first) else r"(?<!\w)"
    post = "" if frag.endswith((r"\s", GLUED)) or _is_sign(frag[-1:]) else r"(?!\w)"
    return pre, post


def _union(pairs: list[tuple[str, str]]) -> str:
    """One alternation of fragments; those sharing boundaries share one group (faster to
    match, and equivalent: the engine backtracks into the group when a boundary fails)."""
    groups: dict[tuple[str, str], list[str]] = {}
    for lang, frag in pairs:
        edges = _edges(frag, load(lang)["meta"]["word_boundaries"])
        groups.setdefault(edges, [])
        if frag not in groups[edges]:
            groups[edges].append(frag)
    parts = [f"{pre}(?:{'|'.join(fr)}){post}" for (pre, post), fr in groups.items()]
    return "|".join(parts) or r"(?!x)x"


def fragments(concept: str) -> list[tuple[str, str]]:
    """(language, fragment) for a list concept, over every language."""
    return [(lg, f) for lg in languages() for f in load(lg)["words"][concept]]


@cache
def source(concept: str) -> str:
    """The regular expression (text) of a list concept: every language's words, as words
    (as written for an :data:`AS_WRITTEN` concept)."""
    if concept in AS_WRITTEN:
        return "|".join(dict.fromkeys(f for _, f in fragments(concept))) or r"(?!x)x"
    return _union(fragments(concept))


@cache
def pattern(concept: str) -> re.Pattern[str]:
    """The compiled, case-insensitive pattern of a list concept."""
    return compile(source(concept), re.IGNORECASE)


def templates(concept: str, number: str) -> list[re.Pattern[str]]:
    """One pattern per template of a template concept, ``{n}`` replaced by ``number`` (a
    regular expression, captured as group ``num``), as words where the language has them."""
    out = []
    for lg in languages():
        bounded = load(lg)["meta"]["word_boundaries"]
        for frag in load(lg)["words"][concept]:
            pre, post = _edges(frag, bounded)
            body = frag.replace("{n}", f"(?P<num>{number})")
            out.append(compile(f"{pre}(?:{body}){post}", re.IGNORECASE))
    return out


@cache
def own_words(lang: str) -> re.Pattern[str]:
    """Every list-concept word of one language (used to tell related languages apart), bar
    :data:`NOT_TELLING` concepts."""
    concepts = [c for c in LIST_CONCEPTS if c not in NOT_TELLING]
    pairs = [(lang, f) for c in concepts for f in load(lang)["words"][c]]
    return compile(_union(pairs), re.IGNORECASE)


@cache
def language_source(concept: str, lang: str) -> str:
    """The regular expression of one language's words of a list concept, as words.

    Examples
    --------
    >>> bool(re.search(language_source("detection", "de"), "Der Handel stieg"))
    True
    """
    return _union([(lang, f) for f in load(lang)["words"][concept]])


@cache
def keyed_source(concept: str, key: str) -> str:
    """The regular expression of one key of a keyed table (``countries``/``BLR``)."""
    return _union([(lg, f) for lg in languages() for f in load(lg)["words"][concept].get(key, [])])


@cache
def written_source(concept: str, key: str) -> str:
    """The regular expression of one key of an :data:`AS_WRITTEN` table, fragments as written
    (no boundaries added), every language.

    Examples
    --------
    >>> bool(re.search(written_source("products", "timber"), "Schnittholz", re.IGNORECASE))
    True
    """
    frags = [f for lg in languages() for f in load(lg)["words"][concept].get(key, [])]
    return "|".join(dict.fromkeys(frags)) or r"(?!x)x"


@cache
def country_names_source(lang: str, key: str) -> str | None:
    """One country's names in one language as one group (what ``{c}`` stands for): the
    language file's, else the country's CLDR name (:func:`tradecheck.countries.name_source`);
    None for a key that is no ISO 3166 country or whose only name is too short to match.

    Examples
    --------
    >>> country_names_source("en", "XXX") is None
    True
    >>> bool(re.fullmatch(country_names_source("de", "HUN"), "Ungarns", re.IGNORECASE))
    True
    """
    names = country_names(lang, key)
    return "(?:" + "|".join(names) + ")" if names else None


@cache
def country_names(lang: str, key: str) -> tuple[str, ...]:
    """One country's names in one language, each a regular expression: the language file's,
    else the country's CLDR name (:func:`country_names_source` joins them).

    Examples
    --------
    >>> [bool(re.fullmatch(x, "Кении")) for x in country_names("ru", "KEN")]
    [True]
    """
    return tuple(load(lang)["words"]["countries"].get(key, [])) or tuple(_cldr_names(lang, key))


def _cldr_names(lang: str, key: str) -> list[str]:
    """The CLDR name of country ``key`` in ``lang`` as the reader matches it, if any."""
    from tradecheck import countries  # countries imports nothing from the reader
    from tradecheck.claims._lang import normalise  # imports lexicon lazily; keep it lazy

    found = countries.cldr_names(lang).get(key)
    source = countries.name_source(normalise(found), lang) if found else None
    return [source] if source else []


@cache
def unlisted_countries() -> tuple[str, ...]:
    """The ISO 3166 countries the language files do not list (``[words.countries]``): their
    names are CLDR's (:func:`country_names_source`).

    Examples
    --------
    >>> "KEN" in unlisted_countries(), "CHN" in unlisted_countries()
    (True, False)
    """
    import pycountry

    listed = {k for k in keys("countries") if "|" not in k}
    return tuple(c.alpha_3 for c in pycountry.countries if c.alpha_3 not in listed)


def country_template_source(concept: str, key: str | None = None, every: bool = False) -> str:
    """The regular expression of a :data:`COUNTRY_TEMPLATES` concept for one country: each
    language's templates with ``{c}`` replaced by that language's names of ``key`` (of any
    country the language files list but those sharing a Chinese abbreviation, ``"BRA|PAK"``,
    when ``key`` is None, and of every other ISO 3166 country too when ``every``: one
    pattern, one pass over a text).

    Examples
    --------
    >>> rx = re.compile(country_template_source("statistics_of", "TUR"), re.IGNORECASE)
    >>> bool(rx.search("according to Turkish statistics")), bool(rx.search("Turkish goods"))
    (True, False)
    """
    pairs = []
    for lg in languages():
        words = load(lg)["words"]
        table = words["countries"]
        if key:
            alt = country_names_source(lg, key)
        else:
            names = [f for k in table if "|" not in k for f in table[k]]
            if every:
                names += [x for k in unlisted_countries() if (x := country_names_source(lg, k))]
                # longest first: where one name opens another ("customs of Guinea-Bissau"),
                # the longer is tried first, as reporters._built_key prefers it
                names.sort(key=len, reverse=True)
            alt = "(?:" + "|".join(names) + ")" if names else None
        if alt:
            pairs += [(lg, t.replace("{c}", alt)) for t in words[concept]]
    return _union(pairs)


def keys(concept: str) -> tuple[str, ...]:
    """The keys of a keyed table over every language, in first-seen order."""
    return tuple(dict.fromkeys(k for lg in languages() for k in load(lg)["words"][concept]))


@cache
def number_table(concept: str) -> tuple[tuple[re.Pattern[str], float], ...]:
    """(fragment pattern, number) of a number table over every language."""
    return tuple(
        (re.compile(f, re.IGNORECASE), float(n))
        for lg in languages()
        for f, n in load(lg)["words"][concept].items()
    )


@cache
def table_source(concept: str, bounded: bool = True) -> str:
    """The regular expression of any word of a number table (``ordinals``, ``scales``).

    ``bounded=False`` for words glued to a number ("5.8bn", "17亿"): the grammar puts its own
    boundary after them.
    """
    if not bounded:
        frags = [f for lg in languages() for f in load(lg)["words"][concept]]
        return "|".join(dict.fromkeys(frags))
    return _union([(lg, f) for lg in languages() for f in load(lg)["words"][concept]])


@cache
def number_groups(concept: str) -> tuple[tuple[re.Pattern[str], float], ...]:
    """One pattern per number of a number table (its words in every language, as words), in
    first-seen order.

    Examples
    --------
    >>> [n for _, n in number_groups("multiple_words")]
    [2.0, 3.0, 4.0, 0.5, 10.0, 6.0, 5.0, 7.0, 8.0, 1.0]
    """
    by_value: dict[float, list[tuple[str, str]]] = {}
    for lg in languages():
        for f, n in load(lg)["words"][concept].items():
            by_value.setdefault(float(n), []).append((lg, f))
    return tuple((compile(_union(p), re.IGNORECASE), n) for n, p in by_value.items())


def number_of(concept: str, word: str) -> float | None:
    """The number a word stands for in a number table (whole-word match), else None.

    Examples
    --------
    >>> number_of("scales", "Mrd."), number_of("ordinals", "третьем"), number_of("scales", "x")
    (1000000000.0, 3.0, None)
    """
    w = word.strip()
    for rx, n in number_table(concept):
        if rx.fullmatch(w):
            return n
    return None


@cache
def number_words() -> dict[str, float]:
    """Small numbers written as words, every language (``"nine"`` -> 9, ``"дзевяць"`` -> 9)."""
    out: dict[str, float] = {}
    for lg in languages():
        for w, n in load(lg)["words"]["number_words"].items():
            out[w.lower()] = n
    return out


@cache
def months_source() -> str:
    """The regular expression of any month name (every language)."""
    return _union([(lg, f) for lg in languages() for m in load(lg)["words"]["months"] for f in m])


@cache
def _month_patterns() -> tuple[tuple[re.Pattern[str], int], ...]:
    return tuple(
        (re.compile(f, re.IGNORECASE), i + 1)
        for lg in languages()
        for i, forms in enumerate(load(lg)["words"]["months"])
        for f in forms
    )


def month_number(word: str) -> int:
    """1..12 for a month name in any language (whole-word match), 0 if it is not one."""
    w = word.strip().rstrip(".")
    for rx, n in _month_patterns():
        if rx.fullmatch(w):
            return n
    return 0


def currency_of(token: str) -> str | None:
    """The code of a currency word as written (``"долларов"`` -> USD, ``"€"`` -> EUR), else
    None; ``"rouble"`` for a rouble whose country the word does not say (:func:`resolve_currency`).

    Examples
    --------
    >>> currency_of("евро"), currency_of("€"), currency_of("亿元"[1:]), currency_of("рублей")
    ('EUR', 'EUR', 'CNY', 'rouble')
    >>> currency_of("RM"), currency_of("DM")
    ('MYR', 'DEM')
    """
    for iso in keys("currencies"):
        # a sign glued to its number ("RM" of "RM12 billion") is read here without the number
        written = keyed_source("currencies", iso).replace(GLUED, "")
        if re.fullmatch(written, token.strip(), re.IGNORECASE):
            return iso
    return None


#: the rouble of a country: a rouble of unstated country is that of the pair's rouble country
#: (Russia's when Russia is in the pair, else Belarus's when Belarus is, else Russia's)
ROUBLE_OF: dict[str, str] = {"RUS": "RUB", "BLR": "BYN"}


def resolve_currency(code: str | None, pair: tuple[str, str]) -> str | None:
    """The ISO 4217 code of a :func:`currency_of` answer for a pair (``"rouble"`` resolved).

    Examples
    --------
    >>> resolve_currency("rouble", ("BLR", "CHN")), resolve_currency("rouble", ("RUS", "BLR"))
    ('BYN', 'RUB')
    >>> resolve_currency("rouble", ("KAZ", "CHN")), resolve_currency("EUR", ("BLR", "CHN"))
    ('RUB', 'EUR')
    """
    if code != "rouble":
        return code
    own = [ROUBLE_OF[c] for c in ROUBLE_OF if c in pair]
    return own[0] if own else "RUB"


@cache
def currency_prefix_source() -> str:
    """The regular expression of the currency signs and codes written before a number
    ("$5 bn", "€8,4 млрд", "USD 2.1 bn"): the fragments of ``currencies`` without a lower-case
    letter (an upper-case-only group "(?-i:DM)" counts as none), a word ("euros") never
    precedes its number.

    Examples
    --------
    >>> rx = re.compile(currency_prefix_source(), re.IGNORECASE)
    >>> [m.group(0) for m in rx.finditer("€8,4 млрд, US$ 5 bn, RUB 3 tn, ₸2 tn, euros 5")]
    ['€', 'US$', 'RUB', '₸']
    """
    pairs = [
        (lg, f)
        for lg in languages()
        for frags in load(lg)["words"]["currencies"].values()
        for f in frags
        if not re.search(r"[a-zа-яё\u4e00-\u9fff]", re.sub(r"\\.|\(\?-i:", "", f))
    ]
    return _union(pairs)
