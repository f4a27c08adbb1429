"""Numbers as written in en/de/ru/zh trade news: separators, scales, Chinese numerals.

Hand-written on purpose: libraries such as Babel parse one locale's separators but not the
mix found in news text (``$5,8 млрд``, ``17.2亿美元``, ``1.234 Mio.``), nor scale words
or Chinese ``万/亿``, nor decimals spelled out as a broadcast script writes them
(``31-point-six percent``); the rules here are small and fully tested
(tests/claims/test_numbers.py, tests/claims/test_recall_numbers.py).
"""

from __future__ import annotations

import re

from tradecheck.claims import lexicon as L

# A number as written: space-grouped thousands, dot/comma groups, or plain with decimals.
NUM = (
    r"(?<![\d.,])(?:\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:[.,]\d+)?"
    r"|\d{1,3}(?:[.,]\d{3}){2,}(?:[.,]\d+)?"
    r"|\d{1,3}(?:,\d{3})+\.\d+|\d{1,3}(?:\.\d{3})+,\d+"
    r"|\d+(?:[.,]\d+)?)"
)

#: scale words of every language (``claims/lang/*.toml``, concept ``scales``)
SCALE_RE = rf"(?:{L.table_source('scales', bounded=False)})"

_ZH_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "兩": 2,
    "俩": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}

#: a character before a Chinese multiple that makes it a vague count ("数十倍" dozens of
#: times, "几倍" a few times): no figure
ZH_VAGUE = "数几"

#: small numbers written as words, every language (concept ``number_words``)
WORD_NUMBERS: dict[str, float] = L.number_words()


def zh_small_number(s: str) -> int | None:
    """Value of a Chinese numeral up to 99 (``"九"`` -> 9, ``"十一"`` -> 11), else None.

    Examples
    --------
    >>> zh_small_number("十二"), zh_small_number("两"), zh_small_number("x")
    (12, 2, None)
    """
    if not s:
        return None
    if s.isdigit():
        return int(s)
    if s in _ZH_DIGITS:
        return _ZH_DIGITS[s]
    if "十" in s:
        a, _, b = s.partition("十")
        tens = 1 if a == "" else _ZH_DIGITS.get(a)
        ones = 0 if b == "" else _ZH_DIGITS.get(b)
        if tens is None or ones is None:
            return None
        return tens * 10 + ones
    return None


#: the characters of a Chinese numeral below 10 000 ("两百", "一千二百五十")
ZH_NUMERAL = "零〇一二两兩三四五六七八九十百千"
_ZH_PLACES = {"千": 1000, "百": 100}


def zh_number(s: str) -> int | None:
    """Value of a Chinese numeral below 10 000 (``"两百"`` -> 200, ``"一千零五十"`` -> 1050),
    else None; a place without a digit before it counts once (``"百"`` -> 100).

    Examples
    --------
    >>> zh_number("二百"), zh_number("一百六十"), zh_number("一千零五十"), zh_number("十二")
    (200, 160, 1050, 12)
    >>> zh_number("百"), zh_number("两千"), zh_number("百百"), zh_number("x")
    (100, 2000, None, None)
    """
    total, rest = 0, s
    for place, size in _ZH_PLACES.items():
        head, sep, tail = rest.partition(place)
        if not sep:
            continue
        digit = 1 if head == "" else _ZH_DIGITS.get(head)
        if digit is None or place in tail:
            return None
        total, rest = total + digit * size, tail.lstrip("零〇")
    if rest == "":
        return total if total else None
    small = zh_small_number(rest)
    return None if small is None else total + small


def word_number(s: str) -> float | None:
    """A small number written as a word in en/de/ru/zh, or digits; None if not a number.

    Examples
    --------
    >>> word_number("nine"), word_number("девяти"), word_number("九"), word_number("11")
    (9, 9, 9, 11)
    """
    s = s.strip().lower()
    if s in WORD_NUMBERS:
        return WORD_NUMBERS[s]
    z = zh_small_number(s)
    if z is not None:
        return z
    return None


def parse_number(s: str, lang: str = "en") -> tuple[float, int]:
    """Parse a number as written; return (value, digits after the decimal separator).

    Rules: with both ``,`` and ``.`` the last one is the decimal separator; repeated
    separators group thousands; a single comma followed by exactly three digits groups
    thousands in English and Chinese and is a decimal comma in German and Russian; a single
    dot followed by exactly three digits groups thousands in German.

    Examples
    --------
    >>> parse_number("5,83", "ru")
    (5.83, 2)
    >>> parse_number("1,234", "en")
    (1234.0, 0)
    >>> parse_number("1.234", "de")
    (1234.0, 0)
    >>> parse_number("1 234,5", "ru")
    (1234.5, 1)
    """
    t = re.sub(r"[ \u00a0\u202f\u2009]", "", s)
    if not t or not re.fullmatch(r"[\d.,]+", t) or not t[0].isdigit():
        raise ValueError(f"not a number: {s!r}")
    has_c, has_d = "," in t, "." in t
    dec_sep: str | None = None
    if has_c and has_d:
        dec_sep = "," if t.rfind(",") > t.rfind(".") else "."
    elif has_c:
        parts = t.split(",")
        if len(parts) > 2 or (len(parts[1]) == 3 and lang in ("en", "zh")):
            dec_sep = None
        else:
            dec_sep = ","
    elif has_d:
        parts = t.split(".")
        if len(parts) > 2 or (len(parts[1]) == 3 and lang == "de"):
            dec_sep = None
        else:
            dec_sep = "."
    if dec_sep is None:
        return float(re.sub(r"[.,]", "", t)), 0
    whole, _, frac = t.rpartition(dec_sep)
    whole = re.sub(r"[.,]", "", whole)
    return float(f"{whole}.{frac}"), len(frac)


def scale_factor(word: str | None, lang: str = "en") -> float:
    """Multiplier of a scale word (``"млрд"`` -> 1e9, ``"亿"`` -> 1e8); 1 for None.

    German *Billion* is 10**12 (English *billion* is 10**9).

    Examples
    --------
    >>> scale_factor("Mrd."), scale_factor("亿"), scale_factor("Billion", "de")
    (1000000000.0, 100000000.0, 1000000000000.0)
    """
    if not word:
        return 1.0
    w = word.lower()
    if lang == "de" and w in ("billion", "billionen"):
        return 1e12
    n = L.number_of("scales", w)
    return n if n is not None else 1.0


#: the digit words a spelled decimal's fraction is made of ("six" of "31-point-six")
_DIGIT_WORDS = sorted((w for w, v in WORD_NUMBERS.items() if v in range(1, 10)), key=len)[::-1]
#: the whole-number words its integer part may be ("seven" of "seven-point-four")
_INT_WORDS = sorted((w for w, v in WORD_NUMBERS.items() if v == int(v)), key=len)[::-1]
_DIGIT = "|".join(re.escape(w) for w in _DIGIT_WORDS)
_SPELLED = L.compile(
    rf"(?<![\w.,])(?P<int>\d+|{'|'.join(re.escape(w) for w in _INT_WORDS)})[\s-]"
    rf"(?:{L.source('decimal_word')})[\s-](?P<frac>(?:{_DIGIT})(?:[\s-](?:{_DIGIT}))*)(?!\w)",
    re.IGNORECASE,
)
#: languages writing a decimal comma (the others a decimal point)
_DECIMAL_COMMA = ("de", "ru", "uk", "be", "pl")


def _digits(words: str) -> str:
    """The digits of a spelled fraction ("three", "eight-seven" -> "3", "87")."""
    return "".join(str(int(WORD_NUMBERS[w.lower()])) for w in re.split(r"[\s-]+", words) if w)


def spelled_decimals(norm: str, lang: str = "en") -> str:
    """``norm`` with every decimal spelled out ("31-point-six", "seven-point-four", "drei
    Komma fünf") written in digits of the same length, zero-padded on the left, so that the
    amounts found in it keep their offsets in ``norm``.

    Examples
    --------
    >>> spelled_decimals("fell 31-point-six percent")
    'fell 0000000031.6 percent'
    >>> spelled_decimals("um drei Komma fünf Prozent", "de")
    'um 0000000000003,5 Prozent'
    >>> spelled_decimals("a point of view") == "a point of view"
    True
    """
    sep = "," if lang in _DECIMAL_COMMA else "."

    def digits(m: re.Match[str]) -> str:
        whole = m.group("int")
        n = whole if whole.isdigit() else str(int(WORD_NUMBERS[whole.lower()]))
        return f"{n}{sep}{_digits(m.group('frac'))}".rjust(m.end() - m.start(), "0")

    return _SPELLED.sub(digits, norm) if _SPELLED.search(norm) else norm
