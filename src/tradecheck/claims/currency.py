"""Like with like: a claim's money is judged only against data in the same currency.

A claim keeps the currency it is written in (``Claim.currency``: EUR, RUB, CNY, …); the
statistical readings measure only rows in that currency (``ReadingSpec.currency``) and the
published figures only rows in it (:func:`~tradecheck.claims.readings.published_matches`).
When a reading's source has rows for the pair only in other currencies, the reading says so
instead of "no data covering the window": ``data in USD ($), claim in EUR (€); no conversion``,
and a claim with no other reading is ``not_verifiable`` with that reason.

One exception, never silent: a ``level`` or ``balance`` claim for one whole calendar year
whose source holds US$ is converted when ``tradecheck/data/fx_annual.csv`` has that year's
annual average rate of the claim's currency (Federal Reserve Board G.5A, every row with its
URL: EUR, CNY, GBP, JPY, 2012-2015 and 2017-2023); the reading's reason names the rate and
its source. Rouble, Belarusian rouble and tenge have no cited rate: never converted.

Examples
--------
>>> from tradecheck import schema
>>> from tradecheck.claims.model import Claim, Period
>>> from tradecheck.claims.readings import ReadingSpec
>>> df = schema.make_frame([dict(reporter="CHN", partner="BLR", flow="X",
...     period_start="2021-01", period_end="2021-12", value=2.7e9, source="comtrade",
...     source_file="c.csv", source_ref="line 9", vintage="2024-01-01")])
>>> c = Claim("…", "level", 2.3e9, "EUR", "eq", "CHN->BLR", None,
...     Period("2021-01", "2021-12"), None)
>>> spec = ReadingSpec("comtrade", "CHN", "one_way", "CHN", "BLR", "goods", None, "EUR")
>>> str(other_currency(df, c, spec))
'data in USD ($), claim in EUR (€); no conversion'
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

import pandas as pd

from tradecheck.claims import explain
from tradecheck.claims.model import Claim, Period
from tradecheck.claims.readings import Measurement, NoData, ReadingSpec, measure
from tradecheck.fmt import MONEY_QUANTITIES

__all__ = [
    "MONEY_QUANTITIES", "Rate", "annual_rate", "like_with_like", "other_currency", "rates",
    "source_currencies",
]  # fmt: skip

#: quantities converted with an annual rate (a change spans two years: never converted)
CONVERTIBLE: tuple[str, ...] = ("level", "balance")


def source_currencies(df: pd.DataFrame, spec: ReadingSpec) -> set[str]:
    """The currencies of one reading's source rows for the pair (any period, any flow).

    Parameters
    ----------
    df : pandas.DataFrame
        A canonical table (:mod:`tradecheck.schema`).
    spec : ReadingSpec
        The reading: its ``source``, ``reporter`` and the pair (``exporter``, ``importer``).
    """
    pair = {spec.exporter, spec.importer}
    rows = df[
        (df["source"] == spec.source)
        & (df["reporter"] == spec.reporter)
        & df["exporter"].isin(pair)
        & df["importer"].isin(pair)
    ]
    return set(rows["currency"].astype(str))


def other_currency(df: pd.DataFrame, claim: Claim, spec: ReadingSpec) -> NoData | None:
    """Why a money reading has no value when its source holds the pair only in other
    currencies (code ``other_currency``), else None (the reading's own reason stands).

    Parameters
    ----------
    df : pandas.DataFrame
        The canonical table the reading was measured on.
    claim : Claim
        The claim; only money quantities (:data:`MONEY_QUANTITIES`) are concerned.
    spec : ReadingSpec
        The reading; ``spec.currency`` is the currency measured (the claim's, else USD).
    """
    if claim.quantity not in MONEY_QUANTITIES:
        return None
    have = source_currencies(df, spec)
    if not have or spec.currency in have:
        return None
    return NoData("other_currency", explain.currency_note(sorted(have), spec.currency))


@dataclass(frozen=True)
class Rate:
    """One published annual average exchange rate (a row of ``data/fx_annual.csv``).

    ``rate`` and ``quote`` are as published ("1.0817", "USD per EUR"; "7.0809", "CNY per
    USD"); :attr:`usd_per_unit` is derived from them.
    """

    year: int
    currency: str
    rate: float
    quote: str
    source: str
    source_url: str
    written: str = ""  # the rate as published ("1.1830"), for display

    @property
    def usd_per_unit(self) -> float:
        """US$ for one unit of :attr:`currency`."""
        return self.rate if self.quote == f"USD per {self.currency}" else 1.0 / self.rate

    def describe(self) -> str:
        """E.g. ``1 EUR = 1.0817 USD``, ``1 USD = 7.0809 CNY`` (as published)."""
        if self.quote == f"USD per {self.currency}":
            return f"1 {self.currency} = {self.written or self.rate} USD"
        return f"1 USD = {self.written or self.rate} {self.currency}"


@cache
def rates() -> dict[tuple[int, str], Rate]:
    """The shipped annual average rates, by (year, currency).

    Examples
    --------
    >>> r = rates()[(2023, "EUR")]
    >>> r.describe(), r.source_url
    ('1 EUR = 1.0817 USD', 'https://federalreserve.gov/releases/g5a/20240201')
    """
    text = resources.files("tradecheck").joinpath("data/fx_annual.csv").read_text("utf-8")
    out: dict[tuple[int, str], Rate] = {}
    for row in csv.DictReader(io.StringIO(text)):
        r = Rate(int(row["year"]), row["currency"], float(row["rate"]), row["quote"],
                 row["source"], row["source_url"], row["rate"])  # fmt: skip
        if r.quote not in (f"USD per {r.currency}", f"{r.currency} per USD"):
            raise ValueError(f"data/fx_annual.csv, year {r.year}: quote {r.quote!r}")
        out[(r.year, r.currency)] = r
    return out


def annual_rate(currency: str, period: Period | None) -> Rate | None:
    """The shipped rate for a period of one whole calendar year, else None.

    Examples
    --------
    >>> annual_rate("CNY", Period("2021-01", "2021-12")).describe()
    '1 USD = 6.4508 CNY'
    >>> annual_rate("EUR", Period("2021-01", "2021-09")) is None
    True
    >>> annual_rate("RUB", Period("2021-01", "2021-12")) is None
    True
    """
    if period is None or period.start[:4] != period.end[:4]:
        return None
    if period.start[5:] != "01" or period.end[5:] != "12":
        return None
    return rates().get((int(period.start[:4]), currency))


def like_with_like(
    df: pd.DataFrame, claim: Claim, spec: ReadingSpec, m: Measurement | NoData, cache: dict | None
) -> Measurement | NoData:
    """A reading's measurement under the like-with-like rule: ``m`` itself, or why the data
    are in another currency, or the US$ measurement converted at a cited annual rate (with a
    note naming the rate and its source)."""
    if not isinstance(m, NoData):
        return m
    why = other_currency(df, claim, spec)
    if why is None:
        return m
    rate = annual_rate(spec.currency, claim.period)
    if (
        rate is None
        or claim.quantity not in CONVERTIBLE
        or "USD" not in source_currencies(df, spec)
    ):
        return why
    usd = measure(df, replace(spec, currency="USD"), claim.quantity, claim.period,
                  claim.base_period, cache=cache)  # fmt: skip
    if isinstance(usd, NoData):
        return why
    note = explain.converted_note(rate.describe(), rate.year, rate.source, rate.source_url)
    return replace(usd, actual=usd.actual / rate.usd_per_unit, notes=[*usd.notes, note])
