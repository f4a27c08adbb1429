"""Tests for tradecheck.countries (codes and names across the sources)."""

from __future__ import annotations

import gettext
import re

import pycountry
import pytest

from tradecheck import countries
from tradecheck.countries import extra_table, name, to_iso3
from tradecheck.errors import TradecheckError, UnknownCountryError


@pytest.mark.parametrize(
    ("value", "scheme", "expected"),
    [
        ("BLR", None, "BLR"),
        ("CHN", "iso3", "CHN"),
        ("BY", None, "BLR"),
        ("cn", "iso2", "CHN"),
        (112, None, "BLR"),
        ("156", None, "CHN"),
        ("156", "m49", "CHN"),
        (0, None, "W00"),
        ("0", "m49", "W00"),
        ("W00", None, "W00"),
        ("WLD", None, "W00"),
        ("G001", None, "W00"),
        (340, "gacc", "BLR"),
        ("142", "gacc", "CHN"),
        ("344", "gacc", "RUS"),
        ("304", "gacc", "DEU"),
        ("502", "gacc", "USA"),
        ("116", "gacc", "JPN"),
        ("133", "gacc", "KOR"),
        ("110", "gacc", "HKG"),
        ("121", "gacc", "MAC"),
        ("143", "gacc", "TWN"),
        ("347", "gacc", "UKR"),
        ("913", "imf", "BLR"),
        (924, "imf", "CHN"),
        ("China, P.R.: Mainland", None, "CHN"),
        ("Belarus, Rep. of", None, "BLR"),
        ("China, P.R.: Hong Kong", None, "HKG"),
        ("China, People's Republic of", "name", "CHN"),
        ("Belarus, Republic of", None, "BLR"),
        ("Estonia, Rep. of", None, "EST"),
        ("Congo, Rep. of", None, "COG"),
        ("Congo, Dem. Rep. of the", None, "COD"),
        ("Korea, Rep. of", None, "KOR"),
        ("Cote d'Ivoire", None, "CIV"),
        ("Китай", None, "CHN"),
        ("Беларусь", None, "BLR"),
        ("Россия", None, "RUS"),
        ("Германия", None, "DEU"),
        ("Соединённые Штаты Америки", None, "USA"),
        ("Соединенные Штаты Америки", None, "USA"),
        ("白俄罗斯", None, "BLR"),
        ("白俄羅斯", None, "BLR"),
        ("中国", None, "CHN"),
        ("俄罗斯联邦", None, "RUS"),
        ("台澎金马关税区", None, "TWN"),
        ("  china  ", None, "CHN"),
        ("USSR", None, "SUN"),
        ("Czechoslovakia", None, "CSK"),
    ],
)
def test_to_iso3(value, scheme, expected):
    assert to_iso3(value, scheme) == expected


def test_gacc_codes_are_not_m49():
    # 340 is Belarus for China customs but Honduras in M49: the scheme matters
    assert to_iso3("340", "gacc") == "BLR"
    assert to_iso3("340", "m49") == "HND"


@pytest.mark.parametrize(
    ("iso3", "lang", "expected"),
    [
        ("BLR", "en", "Belarus"),
        ("CHN", "ru", "Китай"),
        ("BLR", "ru", "Беларусь"),
        ("RUS", "ru", "Россия"),
        ("BLR", "zh", "白俄罗斯"),
        ("CHN", "zh", "中国"),
        ("BLR", "zh_TW", "白俄羅斯"),
        ("CHN", "zh_TW", "中國"),
        ("W00", "en", "World"),
        ("DEU", "ru", "Германия"),
    ],
)
def test_name(iso3, lang, expected):
    assert name(iso3, lang) == expected


def test_names_come_from_pycountry_translations():
    """The Russian and Chinese names are the iso-codes gettext catalogues shipped by pycountry."""
    ru = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    zh = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"])
    assert ru.gettext("Germany") == name("DEU", "ru")
    assert zh.gettext("Germany") == name("DEU", "zh")
    # every name round-trips through to_iso3 in each language
    for iso in ("BLR", "CHN", "RUS", "DEU", "USA", "KAZ", "POL"):
        for lang in ("en", "ru", "zh", "zh_TW"):
            assert to_iso3(name(iso, lang)) == iso, (iso, lang)


def test_unknown_name_suggests():
    with pytest.raises(UnknownCountryError) as exc:
        to_iso3("Belarussia")
    msg = str(exc.value)
    assert "Belarussia" in msg and "did you mean" in msg and "BLR" in msg
    assert isinstance(exc.value, TradecheckError)


@pytest.mark.parametrize(
    ("value", "scheme"),
    [
        ("Narnia", None),
        ("ZZZ", "iso3"),
        ("QQ", "iso2"),
        ("999", "m49"),
        ("888", "gacc"),
        ("BLR", "gacc"),
        ("", None),
        (None, None),
        ("BLR", "klingon"),
    ],
)
def test_unknown_raises(value, scheme):
    with pytest.raises(UnknownCountryError):
        to_iso3(value, scheme)


def test_name_unknown_code_and_language():
    with pytest.raises(UnknownCountryError):
        name("ZZZ")
    with pytest.raises(UnknownCountryError):
        name("BLR", "tlh")


def test_is_known():
    assert countries.is_known("Китай") and not countries.is_known("Atlantis")


def test_extra_table_rows_are_sourced_and_valid():
    rows = extra_table()
    assert len(rows) > 40
    for r in rows:
        assert r["scheme"] in countries.SCHEMES, r
        assert re.fullmatch(r"[A-Z][A-Z0-9]{2}", r["iso3"]), r
        assert r["status"] in ("verified", "unverified", "convention"), r
        assert r["source"].strip(), r
    status = {(r["scheme"], r["code"]): r["status"] for r in rows}
    assert status[("imf", "913")] == "unverified"
    assert status[("imf", "924")] == "unverified"
    assert status[("gacc", "340")] == "verified"


def test_every_extra_row_resolves_to_its_iso3():
    for r in extra_table():
        scheme = None if r["scheme"] == "name" else r["scheme"]
        assert to_iso3(r["code"], scheme) == r["iso3"], r


def test_docstring_examples():
    import doctest

    result = doctest.testmod(countries, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 5 and result.failed == 0


# ---------------------------------------------------------------- the one pair parser


@pytest.mark.parametrize(
    ("value", "want"),
    [
        ("BLR-CHN", ("BLR", "CHN")),
        ("chn,blr", ("CHN", "BLR")),
        ("BLR / W00", ("BLR", "W00")),
        (["deu", "CHN"], ("DEU", "CHN")),
        (countries.DEFAULT_PAIR, countries.DEFAULT_PAIR),
    ],
)
def test_parse_pair_accepts(value, want):
    assert countries.parse_pair(value) == want


@pytest.mark.parametrize("value", ["BLR", "BLR-BLR", "BY-CN", ("BLR", "CHN", "RUS"), 42, ""])
def test_parse_pair_rejects_with_the_callers_error(value):
    class Mine(Exception):
        pass

    with pytest.raises(Mine, match=r"^--pair: expected two different ISO3 codes"):
        countries.parse_pair(value, error=Mine, what="--pair")
