"""Money in the currency written, and the checker comparing only like with like.

Sentences are our own constructed paraphrases; frames are constructed (labelled so) and the
truths are computed by hand in the comments.
"""

from __future__ import annotations

import re

import pytest

from tradecheck import fmt, schema
from tradecheck.claims import lexicon as L
from tradecheck.claims.check import check
from tradecheck.claims.model import Claim, Period
from tradecheck.claims.parse import parse

# --- the language files: every language names the main currencies --------------------------

#: (language, word as written after a number, ISO code) — one line per currency word
WORDS = [
    ("en", "euros", "EUR"), ("en", "yuan", "CNY"), ("en", "renminbi", "CNY"),
    ("en", "Russian roubles", "RUB"), ("en", "Belarusian rubles", "BYN"), ("en", "tenge", "KZT"),
    ("en", "€", "EUR"), ("en", "₽", "RUB"), ("en", "US$", "USD"),
    ("de", "Euro", "EUR"), ("de", "Yuan", "CNY"), ("de", "russischen Rubel", "RUB"),
    ("de", "belarussische Rubel", "BYN"), ("de", "Tenge", "KZT"),
    ("ru", "евро", "EUR"), ("ru", "юаней", "CNY"), ("ru", "российских рублей", "RUB"),
    ("ru", "белорусских рублях", "BYN"), ("ru", "тенге", "KZT"), ("ru", "долларов США", "USD"),
    ("zh", "欧元", "EUR"), ("zh", "元", "CNY"), ("zh", "人民币", "CNY"), ("zh", "美元", "USD"),
    ("zh", "俄罗斯卢布", "RUB"), ("zh", "白俄罗斯卢布", "BYN"), ("zh", "坚戈", "KZT"),
    ("uk", "євро", "EUR"), ("uk", "юанів", "CNY"), ("uk", "гривень", "UAH"),
    ("uk", "російських рублів", "RUB"), ("uk", "білоруських рублів", "BYN"),
    ("be", "еўра", "EUR"), ("be", "юаняў", "CNY"), ("be", "беларускіх рублёў", "BYN"),
    ("be", "расійскіх рублёў", "RUB"), ("be", "тэнге", "KZT"),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "word", "iso"), WORDS, ids=lambda x: str(x))
def test_currency_word(lang, word, iso):
    assert L.currency_of(word) == iso
    # and the word is in that language's own file (not only found through another language)
    frags = L.load(lang)["words"]["currencies"][iso]
    assert any(re.fullmatch(f, word, re.IGNORECASE) for f in frags)


@pytest.mark.parametrize("lang", ["en", "de", "ru", "zh", "uk", "be"])
def test_every_language_names_eur_cny_and_a_rouble(lang):
    table = L.load(lang)["words"]["currencies"]
    assert {"USD", "EUR", "CNY", "RUB", "BYN", "rouble"} <= set(table)


def test_a_rouble_of_unstated_country_is_the_pairs():
    text = "Trade reached 2.9 trillion rubles in 2023."
    assert [c.currency for c in parse(f"Russia and China: {text}", pair=("RUS", "CHN"))] == ["RUB"]
    assert [c.currency for c in parse(f"Belarus and China: {text}", pair=("BLR", "CHN"))] == ["BYN"]


@pytest.mark.parametrize(
    ("text", "pair", "value", "iso"),
    [
        ("In 2023 trade between Russia and China reached ₽21 trillion.", "RUS-CHN", 21e12, "RUB"),
        ("Trade between Germany and China was EUR 254 billion in 2023.", "DEU-CHN", 254e9, "EUR"),
        ("2023年中白贸易额为84亿元。", "BLR-CHN", 8.4e9, "CNY"),
        ("2023年中白贸易额为12亿美元。", "BLR-CHN", 1.2e9, "USD"),
        ("2023年中白贸易额40多亿欧元。", "BLR-CHN", 4e9, "EUR"),
        ("Товарооборот России и Германии в 2023 году составил €8,4 млрд.", "RUS-DEU", 8.4e9, "EUR"),
    ],
)
def test_money_keeps_the_currency_written(text, pair, value, iso):
    (c,) = parse(text, pair=tuple(pair.split("-")))
    assert (c.currency, c.value) == (iso, pytest.approx(value))


def test_a_bare_number_takes_the_sentences_currency_as_before():
    # "exports - €419.4 million, imports - 388.7 million": the bare amount is in euros
    text = "In 2023 Belarus's exports to China were €419.4 million, imports 388.7 million."
    got = {(c.direction, c.currency) for c in parse(text)}
    assert got == {("BLR->CHN", "EUR"), ("CHN->BLR", "EUR")}


# --- the checker: like with like ----------------------------------------------------------


def _frame(currency: str, value: float, end: str = "2021-12") -> object:
    """Constructed: one row of China's exports to Belarus in 2021 (the year, or Jan-``end``)."""
    return schema.make_frame([{"reporter": "CHN", "partner": "BLR", "flow": "X",
        "period_start": "2021-01", "period_end": end, "value": value, "currency": currency,
        "source": "comtrade", "source_file": "constructed.csv", "source_ref": "line 2",
        "vintage": "2024-01-01"}])  # fmt: skip


def _claim(value: float, currency: str | None, quantity: str = "level", end: str = "2021-12"):
    return Claim("constructed", quantity, value, currency, "eq", "CHN->BLR", None,
                 Period("2021-01", end), None, decimals=2)  # fmt: skip


def test_a_rouble_claim_is_never_judged_against_dollars():
    # data: $2.73 bn; claim: ₽2.73 bn. No cited rouble rate -> not verifiable, and it says why
    (r,) = check([_claim(2.73e9, "RUB")], data=_frame("USD", 2.73e9), robustness=False)
    assert r.verdict == "not_verifiable"
    assert [x.no_data.code for x in r.readings] == ["other_currency"]
    assert r.readings[0].reason == "data in USD ($), claim in RUB (₽); no conversion"
    assert "claim in RUB (₽); no conversion" in r.reason


@pytest.mark.parametrize("iso", ["BYN", "KZT", "UAH"])
def test_currencies_without_a_cited_rate_are_not_converted(iso):
    (r,) = check([_claim(2.73e9, iso)], data=_frame("USD", 2.73e9), robustness=False)
    assert r.verdict == "not_verifiable" and f"claim in {iso}" in r.reason


def test_a_euro_claim_is_converted_at_the_cited_annual_rate():
    # Fed G.5A 2021: 1 EUR = 1.1830 USD. $2.73 bn / 1.1830 = €2.3077 bn.
    # claim €2.31 bn (2 decimals) -> [2.305, 2.315) bn: holds; claim €2.73 bn: does not
    df = _frame("USD", 2.73e9)
    ok = check([_claim(2.31e9, "EUR")], data=df, robustness=False)[0]
    bad = check([_claim(2.73e9, "EUR")], data=df, robustness=False)[0]
    assert (ok.verdict, bad.verdict) == ("supported", "not_supported")
    assert ok.readings[0].actual == pytest.approx(2.73e9 / 1.1830)
    reason = ok.readings[0].reason
    assert "converted at the 2021 annual average 1 EUR = 1.1830 USD" in reason
    assert "https://federalreserve.gov/releases/g5a/" in reason
    assert "€2.308B" in reason  # shown in the claim's currency


def test_a_yuan_claim_is_converted_at_the_cited_annual_rate():
    # Fed G.5A 2021: 1 USD = 6.4508 CNY. $2.73 bn * 6.4508 = ¥17.6107 bn -> claim ¥17.61 bn holds
    (r,) = check([_claim(17.61e9, "CNY")], data=_frame("USD", 2.73e9), robustness=False)
    assert r.verdict == "supported"
    assert r.readings[0].actual == pytest.approx(2.73e9 * 6.4508)


def test_no_conversion_for_part_of_a_year_or_a_change():
    # an annual average does not fit Jan-Sep; a change spans two years: neither is converted
    part = check([_claim(2.31e9, "EUR", end="2021-09")], data=_frame("USD", 2.73e9, "2021-09"),
                 robustness=False)[0]  # fmt: skip
    assert part.verdict == "not_verifiable" and "claim in EUR (€); no conversion" in part.reason
    change = check([_claim(2.31e9, "EUR", "abs_change")], data=_frame("USD", 2.73e9),
                   robustness=False)[0]  # fmt: skip
    assert change.verdict == "not_verifiable"


def test_a_claim_is_judged_against_data_in_its_own_currency():
    # data: ¥17.62 bn (CNY); claim ¥17.62 bn, 2 decimals -> [17.615, 17.625) bn: holds;
    # claim ¥17.70 bn -> [17.695, 17.705) bn: does not hold
    df = _frame("CNY", 17.62e9)
    ok = check([_claim(17.62e9, "CNY")], data=df, robustness=False)[0]
    bad = check([_claim(17.70e9, "CNY")], data=df, robustness=False)[0]
    assert (ok.verdict, bad.verdict) == ("supported", "not_supported")
    assert "converted" not in ok.readings[0].reason
    # and a dollar claim with the same digits is not judged against yuan
    usd = check([_claim(17.6e9, "USD")], data=df, robustness=False)[0]
    assert usd.verdict == "not_verifiable" and "data in CNY" in usd.reason


def test_the_rate_table_cites_every_row():
    from tradecheck.claims.currency import rates

    table = rates()
    assert {c for _, c in table} == {"EUR", "CNY", "GBP", "JPY"}
    assert all(r.source_url.startswith("https://federalreserve.gov/releases/g5a/") for r in
               table.values())  # fmt: skip
    assert table[(2023, "EUR")].usd_per_unit == pytest.approx(1.0817)
    assert table[(2023, "CNY")].usd_per_unit == pytest.approx(1 / 7.0809)


def test_a_percent_change_has_no_currency_to_compare():
    # a change has no currency: the like-with-like rule does not apply (no other_currency)
    (r,) = check([_claim(5.0, None, "pct_change")], data=_frame("USD", 2.73e9), robustness=False)
    assert all(x.no_data is None or x.no_data.code != "other_currency" for x in r.readings)


@pytest.mark.parametrize(
    ("value", "iso", "text"),
    [(2.9e12, "RUB", "₽2.9T"), (8.4e9, "EUR", "€8.4B"), (4.1e12, "KZT", "₸4.1T"),
     (5.6e9, "BYN", "BYN5.6B"), (6.1e10, "CNY", "CN¥61B"), (4e11, "UAH", "₴400B")],
)  # fmt: skip
def test_money_is_shown_in_its_own_currency(value, iso, text):
    assert fmt.money(value, iso) == text
