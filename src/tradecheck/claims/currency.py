"""Like with like: a claim's money is judged only against data in the same currency.

A claim keeps the currency it is written in (``Claim.currency``: EUR, RUB, CNY, …); the
statistical readings measure only rows in that currency (``ReadingSpec.currency``) and the
published figures only rows in it (:func:`~tradecheck.claims.readings.published_matches`).
When a reading's source has rows for the pair only in other currencies, the reading says so
instead of "no data covering the window": ``data in USD ($), claim in EUR (€); no conversion``.
No exchange-rate table is shipped (no official annual average rates with a citable source
were at hand), so nothing is ever converted; such a claim is ``not_verifiable`` with that
reason.

Examples
--------
>>> from tradecheck import schema
>>> from tradecheck.claims.model import Claim, Period
>>> from tradecheck.claims.readings import ReadingSpec
>>> df = schema.make_frame([dict(reporter="CHN", partner="BLR", flow="X",
...     period_start="2021-01", period_end="2021-12", value=2.7e9, source="comtrade",
...     source_file="c.csv", source_ref="line 9", vintage="2024-01-01")])
>>> c = Claim("…", "level", 2.3e9, "EUR", "eq", "CHN->BLR", None, Period("2021-01", "2021-12"), None)
>>> spec = ReadingSpec("comtrade", "CHN", "one_way", "CHN", "BLR", "goods", None, "EUR")
>>> str(other_currency(df, c, spec))
'data in USD ($), claim in EUR (€); no conversion'
"""

from __future__ import annotations

import pandas as pd

from tradecheck.claims import explain
from tradecheck.claims.model import Claim
from tradecheck.claims.readings import NoData, ReadingSpec
from tradecheck.fmt import MONEY_QUANTITIES

__all__ = ["MONEY_QUANTITIES", "other_currency", "source_currencies"]


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
