"""Currency words (claims/cldr_currencies.py and the language files). Every text here is
constructed.

- Every current ISO 4217 currency from CLDR: codes in use, signs that name one currency, codes
  only in upper case as whole tokens.
- Currencies named in words from CLDR: names, unit nouns, "AUD$"; Chinese unit nouns follow
  the country name in CLDR, and alone are the pair's currency.
- A dollar named by the letters of its CLDR sign as a word ("NZ dollars", "HK dollars"), read
  as that currency; a one-letter sign ("A$") and a sign of another unit give no name.
- Local letter signs of currencies: glued to the number in English ("RM", "SR"), written after
  it in older German releases ("DM"); language data in ``claims/lang/*.toml``."""

from __future__ import annotations

import pytest

from tradecheck.claims import cldr_currencies as C
from tradecheck.claims import lexicon as L
from tradecheck.claims.cldr_currencies import name_code, sign_letter_names
from tradecheck.claims.mentions import currency_of, find, find_amounts
from tradecheck.claims.parse import parse


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Australian dollars", "AUD"),
        ("australische Dollar", "AUD"),
        ("australischen Dollar", "AUD"),  # an inflected adjective
        ("южнокорейских вон", "KRW"),
        ("швейцарських франків", "CHF"),
        ("瑞士法郎", "CHF"),
        ("Hongkong-Dollar", "HKD"),
    ],
)
def test_cldr_names(name: str, code: str) -> None:
    assert C.name_code(name) == code


@pytest.mark.parametrize("word", ["Handel", "mark2", "dollars of", ""])
def test_not_a_name(word: str) -> None:
    assert C.name_code(word) is None


def test_unit_noun_is_the_pairs_currency_or_none() -> None:
    assert C.name_code("Franken") == "unit:franken"
    assert C.unit_code("unit:franken", ("CHE", "CHN")) == "CHF"
    assert C.unit_code("unit:won", ("KOR", "CHN")) == "KRW"
    assert C.unit_code("unit:franken", ("DEU", "CHN")) is None  # nobody's franc in the pair
    assert C.unit_code("unit:nosuchunit", ("KOR", "CHN")) is None
    assert C.unit_code("USD", ("KOR", "CHN")) == "USD"


def test_a_sign_before_beats_a_unit_noun_after() -> None:
    assert currency_of("$", "mark") == "USD"
    assert currency_of(None, "Franken") == "unit:franken"


def test_code_glued_to_dollar_sign() -> None:
    assert C.code_of("AUD$") == "AUD"
    assert C.code_of("EUR$") is None
    assert [a.currency for a in find_amounts("AUD$98.2 billion", "en")] == ["AUD"]


@pytest.mark.parametrize(
    ("text", "lang", "pair", "currency"),
    [
        ("120 Milliarden australische Dollar", "de", ("AUS", "CHN"), "AUD"),
        ("7,3 Mrd. Franken", "de", ("CHE", "CHN"), "CHF"),
        ("7,3 Mrd. Franken", "de", ("DEU", "CHN"), None),
        ("5 billion dollars", "en", ("AUS", "CHN"), "USD"),  # the language files decide dollars
        ("5 млрд рублей", "ru", ("BLR", "CHN"), "BYN"),
    ],
)
def test_amount_currency_for_pair(
    text: str, lang: str, pair: tuple[str, str], currency: str
) -> None:
    assert [a.currency for a in find(text, lang, pair).amounts] == [currency]


def test_current_codes_are_iso_codes_in_use() -> None:
    codes = C.current_codes()
    assert {"USD", "EUR", "CNY", "PLN", "TRY", "INR", "VND", "KZT", "UZS", "BYN"} <= codes
    assert not {"DEM", "FRF", "BYR", "RUR"} & codes  # withdrawn currencies
    assert all(len(c) == 3 and c.isupper() for c in codes)


def test_signs_name_one_currency() -> None:
    s = C.signs()
    assert (s["₹"], s["₫"], s["R$"]) == ("INR", "VND", "BRL")
    assert "¥" not in s  # JPY in one locale, CNY in another
    assert not any(sign.isalpha() for sign in s)


@pytest.mark.parametrize(
    ("text", "lang", "currency"),
    [
        ("auf 58 Mrd. PLN", "de", "PLN"),
        ("TRY 12 billion", "en", "TRY"),
        ("₫500 billion", "en", "VND"),
        ("36 Mrd.Euro", "de", "EUR"),
        ("5 млрд долларов", "ru", "USD"),  # the language files still decide their words
        ("8 billion ¥", "en", "CNY"),
    ],
)
def test_currency_of_amount(text: str, lang: str, currency: str) -> None:
    assert [a.currency for a in find_amounts(text, lang)] == [currency]


@pytest.mark.parametrize("text", ["12 billion pln", "12 billion Pln", "the ALLIANCE of 5 billion"])
def test_codes_only_in_upper_case_as_whole_tokens(text: str) -> None:
    assert all(a.currency is None for a in find_amounts(text, "en"))


@pytest.mark.parametrize(
    ("code", "names"),
    [
        ("NZD", {"nz dollar", "nz dollars"}),
        ("HKD", {"hk dollar", "hk dollars"}),
        ("TWD", {"nt dollar", "nt dollars"}),
        ("AUD", set()),  # "A$": "a dollar" is English
        ("MXN", set()),  # "MX$" is a peso
        ("EUR", set()),
    ],
)
def test_sign_letter_names(code: str, names: set[str]) -> None:
    assert sign_letter_names(code) == names


def test_the_name_reads_as_its_code() -> None:
    assert name_code("NZ dollars") == "NZD"
    assert name_code("HK dollars") == "HKD"


def test_a_figure_in_sign_letter_dollars_is_a_claim() -> None:
    t = "In 2021 New Zealand's exports to Japan came to 4.1 billion NZ dollars."
    [c] = parse(t, pair=("NZL", "JPN"), as_of="2022-04-20")
    assert (c.value, c.currency, c.direction) == (4.1e9, "NZD", "NZL->JPN")
    assert parse(t, pair=("BLR", "CHN"), as_of="2022-04-20") == []


@pytest.mark.parametrize(
    ("token", "code"),
    [("RM", "MYR"), ("SR", "SAR"), ("DM", "DEM"), ("D-Mark", "DEM"), ("rm", None), ("Sr", None)],
)
def test_letter_sign_is_read_as_written(token: str, code: str | None) -> None:
    assert L.currency_of(token) == code


def test_glued_fragment_needs_no_word_boundary_after_it() -> None:
    assert L._edges("(?-i:RM)(?=\\d)", True) == (r"(?<!\w)", "")
    assert L._edges("RUB", True) == (r"(?<!\w)", r"(?!\w)")


@pytest.mark.parametrize(
    ("text", "lang", "currency"),
    [
        ("RM41.3 billion", "en", "MYR"),
        ("SR12.8 million", "en", "SAR"),
        ("14,2 Mrd. DM", "de", "DEM"),
        ("DM 3,1 Mrd.", "de", "DEM"),
        ("4 120 Mill. DM", "de", "DEM"),
    ],
)
def test_letter_sign_amount(text: str, lang: str, currency: str) -> None:
    assert [a.currency for a in find_amounts(text, lang)] == [currency]


@pytest.mark.parametrize(
    "text",
    [
        "The RM 41 unit and sr7 models were shown.",  # not glued, or not upper case
        "Room RMA12 was booked for 5 days.",  # letters run on
    ],
)
def test_letters_that_are_no_sign(text: str) -> None:
    assert all(a.currency not in ("MYR", "SAR") for a in find_amounts(text, "en"))


def test_mill_is_a_german_scale() -> None:
    [a] = find_amounts("Maschinen (4 120 Mill. DM)", "de")
    assert (a.value, a.currency) == (4_120_000_000.0, "DEM")


def test_claims_in_a_letter_sign() -> None:
    text = "Malaysia's exports to Japan reached RM41.3 billion in 2022."
    assert [(c.value, c.currency) for c in parse(text, pair=("MYS", "JPN"))] == [
        (41_300_000_000.0, "MYR")
    ]
    text = "Die deutschen Ausfuhren nach Norwegen stiegen 1998 auf 14,2 Mrd. DM."
    assert [(c.value, c.currency) for c in parse(text, pair=("DEU", "NOR"))] == [
        (14_200_000_000.0, "DEM")
    ]


@pytest.mark.parametrize(
    ("unit", "codes"),
    [("兰特", {"ZAR"}), ("比索", {"MXN", "ARS", "CLP"}), ("卢比", {"INR", "PKR"}), ("元", None)],
)
def test_chinese_unit_nouns_follow_the_country_name_in_cldr(
    unit: str, codes: set[str] | None
) -> None:
    from tradecheck.claims.cldr_currencies import _units

    found = _units().get(unit)
    assert found is None if codes is None else codes <= found


@pytest.mark.parametrize(
    ("text", "pair", "currency"),
    [
        ("2010年南非对华出口总额达到312亿兰特。", "ZAF-CHN", "ZAR"),
        ("2020年墨西哥对华出口额为1500亿比索。", "MEX-CHN", "MXN"),
        ("2022年印度自华进口额达到1.2万亿卢比。", "IND-CHN", "INR"),
    ],
)
def test_chinese_unit_noun_alone_is_the_pairs_currency(text: str, pair: str, currency: str) -> None:
    [c] = parse(text, lang="zh", pair=tuple(pair.split("-")))  # type: ignore[arg-type]
    assert (c.quantity, c.currency) == ("level", currency)


def test_chinese_unit_noun_of_no_pair_country_gives_no_currency() -> None:
    from tradecheck.claims.cldr_currencies import name_code, unit_code

    assert unit_code(name_code("比索"), ("MEX", "CHN")) == "MXN"
    assert unit_code(name_code("比索"), ("DEU", "CHN")) is None
