"""Numbers as written in en/de/ru/zh trade news: separators, scales, Chinese numerals.

Hand-written on purpose: libraries such as Babel parse one locale's separators but not the
mix found in news text (``$5,8 млрд``, ``17.2亿美元``, ``1.234 Mio.``), nor scale words
or Chinese ``万/亿``; the rules here are small and fully tested (tests/claims/test_numbers.py).
"""

from __future__ import annotations

import re

# A number as written: space-grouped thousands, dot/comma groups, or plain with decimals.
NUM = (
    r"(?<![\d.,])(?:\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:[.,]\d+)?"
    r"|\d{1,3}(?:[.,]\d{3}){2,}(?:[.,]\d+)?"
    r"|\d{1,3}(?:,\d{3})+\.\d+|\d{1,3}(?:\.\d{3})+,\d+"
    r"|\d+(?:[.,]\d+)?)"
)

#: scale word -> multiplier (lower-case keys; German "Billion" handled in :func:`scale_factor`)
SCALES: dict[str, float] = {
    "trillion": 1e12,
    "trillions": 1e12,
    "tn": 1e12,
    "trn": 1e12,
    "billion": 1e9,
    "billions": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "b": 1e9,
    "million": 1e6,
    "millions": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "thousand": 1e3,
    "thousands": 1e3,
    "k": 1e3,
    "mio": 1e6,
    "mio.": 1e6,
    "millionen": 1e6,
    "mrd": 1e9,
    "mrd.": 1e9,
    "milliarde": 1e9,
    "milliarden": 1e9,
    "bio": 1e12,
    "bio.": 1e12,
    "billionen": 1e12,
    "tsd": 1e3,
    "tsd.": 1e3,
    "tausend": 1e3,
    "тыс": 1e3,
    "тыс.": 1e3,
    "тысяч": 1e3,
    "тысячи": 1e3,
    "тысяча": 1e3,
    "млн": 1e6,
    "млн.": 1e6,
    "миллион": 1e6,
    "миллиона": 1e6,
    "миллионов": 1e6,
    "млрд": 1e9,
    "млрд.": 1e9,
    "миллиард": 1e9,
    "миллиарда": 1e9,
    "миллиардов": 1e9,
    "трлн": 1e12,
    "трлн.": 1e12,
    "триллион": 1e12,
    "триллиона": 1e12,
    "триллионов": 1e12,
    "万亿": 1e12,
    "亿": 1e8,
    "万": 1e4,
    "千": 1e3,
    "百万": 1e6,
    "千万": 1e7,
}

SCALE_RE = (
    r"(?:万亿|百万|千万|亿|万|千"
    r"|trillions?|billions?|millions?|thousands?|bn|bln|mln|mn|trn|tn|b|m|k"
    r"|mio\.?|millionen|mrd\.?|milliarden|milliarde|bio\.?|billionen|tsd\.?|tausend"
    r"|тыс\.?|тысяч[аи]?|млн\.?|миллион(?:ов|а)?|млрд\.?|миллиард(?:ов|а)?"
    r"|трлн\.?|триллион(?:ов|а)?)"
)

_ZH_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "俩": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}

WORD_NUMBERS: dict[str, float] = {
    # en
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    # de
    "ein": 1,
    "eins": 1,
    "einem": 1,
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "sechs": 6,
    "sieben": 7,
    "acht": 8,
    "neun": 9,
    "zehn": 10,
    "elf": 11,
    "zwölf": 12,
    # ru (nominative and genitive/prepositional forms)
    "один": 1,
    "одного": 1,
    "два": 2,
    "двух": 2,
    "три": 3,
    "трех": 3,
    "трёх": 3,
    "четыре": 4,
    "четырех": 4,
    "четырёх": 4,
    "пять": 5,
    "пяти": 5,
    "шесть": 6,
    "шести": 6,
    "семь": 7,
    "семи": 7,
    "восемь": 8,
    "восьми": 8,
    "девять": 9,
    "девяти": 9,
    "десять": 10,
    "десяти": 10,
    "одиннадцать": 11,
    "одиннадцати": 11,
    "двенадцать": 12,
    "двенадцати": 12,
    "полтора": 1.5,
    "полторы": 1.5,
}


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
    return SCALES.get(w, SCALES.get(w.rstrip("."), 1.0))
