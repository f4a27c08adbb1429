"""Data classes of the claim engine: a parsed :class:`Claim`, one :class:`Reading` of it
against the data, and the :class:`CheckResult` that carries the verdict.

The JSON forms (:meth:`Claim.to_json`, :meth:`CheckResult.to_json`) are the public contract of
``tradecheck parse --json`` and ``tradecheck check --json`` (see docs/claim_schema.md
and the README); keep field names stable.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from tradecheck.claims.tolerance import Interval

if TYPE_CHECKING:  # for annotations only: these modules import this one
    import pandas as pd

    from tradecheck.claims.readings import NoData, ReadingSpec
    from tradecheck.claims.tolerance import Miss

from tradecheck.countries import DEFAULT_PAIR

Quantity = Literal["level", "ratio", "pct_change", "abs_change", "share", "balance"]
Bound = Literal["eq", "approx", "gt", "lt"]
Verdict = Literal["supported", "not_supported", "mixed", "ambiguous", "not_verifiable"]

QUANTITIES: tuple[str, ...] = ("level", "ratio", "pct_change", "abs_change", "share", "balance")
BOUNDS: tuple[str, ...] = ("eq", "approx", "gt", "lt")
VERDICTS: tuple[str, ...] = ("supported", "not_supported", "mixed", "ambiguous", "not_verifiable")
#: The fields of the parse contract (``tradecheck parse --json``), in order.
CONTRACT_FIELDS: tuple[str, ...] = (
    "span", "quantity", "value", "currency", "bound", "direction", "reporter", "period",
    "base_period", "scope",
)  # fmt: skip


@dataclass(frozen=True)
class Period:
    """Inclusive calendar months ``start``..``end`` as ``"YYYY-MM"``."""

    start: str
    end: str

    def to_json(self) -> dict[str, str]:
        return {"start": self.start, "end": self.end}

    @classmethod
    def from_json(cls, d: dict[str, str] | None) -> Period | None:
        return None if d is None else cls(d["start"], d["end"])


#: what a claim may leave open (listed in :attr:`Claim.unsure`, the field then null)
UNSURE_FIELDS: tuple[str, ...] = ("period", "direction", "partner", "reporter")
#: fields of :meth:`Claim.to_json` beyond the contract, carried so the claim round-trips
EXTRA_FIELDS: tuple[str, ...] = (
    "lang", "decimals", "precision", "written", "pair", "almost", "unsure", "notes",
)  # fmt: skip


def pair_str(pair: str | tuple[str, str] | list[str]) -> str:
    """The pair as ``"AAA-BBB"`` from a string or a two-item sequence.

    Examples
    --------
    >>> pair_str(("BLR", "CHN")), pair_str("blr-chn")
    ('BLR-CHN', 'BLR-CHN')
    """
    if isinstance(pair, str):
        return pair.upper()
    a, b = pair
    return f"{a}-{b}".upper()


@dataclass
class Claim:
    """One quantitative trade claim found in a text, with everything the text said about it.

    Attributes
    ----------
    span
        The words of the claim as found in the text.
    quantity
        ``level`` | ``ratio`` | ``pct_change`` | ``abs_change`` | ``share`` | ``balance``.
    value
        Money in units of ``currency`` (5.83 bn -> 5.83e9); ratio as new/base (2.2);
        percent as a number (97 for +97 %; a growth index of 117 % -> 17).
    currency
        ``USD`` | ``CNY`` | ``BYN`` | None (for ratios and percentages).
    bound
        ``eq`` | ``approx`` | ``gt`` | ``lt`` (the contract's four values).
    direction
        ``both`` (total trade) or ``"AAA->BBB"`` (goods from AAA to BBB) with the pair's ISO3;
        None when the text does not say (then ``"direction"`` is in ``unsure``).
    reporter
        Whose statistics the text names (``"BLR"``, ``"CHN"``) or None.
    period, base_period
        Months compared; ``base_period`` is None for levels, shares and balances; ``period``
        is None when the text does not pin it down (then ``"period"`` is in ``unsure``).
    scope
        ``goods`` | ``goods_and_services`` | ``services`` | ``industrial`` | ``product:<name>``
        | ``region:<name>``.
    lang
        Language of the text (``en``, ``de``, ``ru``, ``zh``, ``uk``, ``be``).
    decimals
        Digits after the decimal point as written; None when the number was a word.
    precision
        The value of one unit of the last written digit, in the claim's units ("$5.10 billion"
        -> 1e7, "5.1 bn" -> 1e8, "2.2-fold" -> 0.1, "17%" -> 1.0); None for a number written as
        a word ("doubled", "вдвое").
    written
        The amount as written in the text ("$5.10 billion", "в 2,2 раза").
    pair
        The pair the claim was read for, ``"AAA-BBB"`` (a two-item tuple is accepted).
    almost
        True when the text approaches the figure from below ("almost", "nearly", "почти",
        "近", "knapp"): bound stays ``approx`` in the contract, this keeps the word's meaning.
    unsure
        What the text does not pin down (from :data:`UNSURE_FIELDS`); those fields are null.
    notes
        Free remarks of the reader.
    """

    span: str
    quantity: Quantity
    value: float
    currency: str | None
    bound: Bound
    direction: str | None
    reporter: str | None
    period: Period | None
    base_period: Period | None
    scope: str = "goods"
    lang: str = "en"
    decimals: int | None = None
    pair: str = "-".join(DEFAULT_PAIR)
    precision: float | None = None
    written: str = ""
    almost: bool = False
    unsure: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.pair = pair_str(self.pair)

    @property
    def pair_codes(self) -> tuple[str, str]:
        """The pair as two ISO3 codes."""
        a, b = self.pair.split("-")
        return a, b

    def to_json(self) -> dict[str, Any]:
        """The contract form (``tradecheck parse --json``) plus :data:`EXTRA_FIELDS`.

        :meth:`from_json` reads it back to an equal claim.
        """
        return {
            "span": self.span,
            "quantity": self.quantity,
            "value": self.value,
            "currency": self.currency,
            "bound": self.bound,
            "direction": self.direction,
            "reporter": self.reporter,
            "period": self.period.to_json() if self.period else None,
            "base_period": self.base_period.to_json() if self.base_period else None,
            "scope": self.scope,
            "lang": self.lang,
            "decimals": self.decimals,
            "precision": self.precision,
            "written": self.written,
            "pair": self.pair,
            "almost": self.almost,
            "unsure": list(self.unsure),
            "notes": list(self.notes),
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Claim:
        """A claim from its JSON form; fields beyond the contract are optional."""
        precision = d.get("precision")
        return cls(
            span=d.get("span", ""),
            quantity=d["quantity"],
            value=float(d["value"]),
            currency=d.get("currency"),
            bound=d.get("bound", "eq"),
            direction=d.get("direction", "both"),
            reporter=d.get("reporter"),
            period=Period.from_json(d.get("period")),
            base_period=Period.from_json(d.get("base_period")),
            scope=d.get("scope", "goods"),
            lang=d.get("lang", "en"),
            decimals=d.get("decimals"),
            pair=d.get("pair") or "-".join(DEFAULT_PAIR),
            precision=None if precision is None else float(precision),
            written=d.get("written", ""),
            almost=bool(d.get("almost", False)),
            unsure=list(d.get("unsure") or []),
            notes=list(d.get("notes") or []),
        )


@dataclass
class Evidence:
    """One figure a reading used, with its provenance."""

    value: float
    period_start: str
    period_end: str
    reporter: str
    flow: str
    source: str
    source_file: str
    source_ref: str
    vintage: str
    how: str = ""  # e.g. "annual row", "sum of 9 monthly rows", "YTD Sep - YTD Jun"

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(repr=False)
class Reading:
    """The claim under one interpretation (whose statistics, which flow, which scope).

    ``interval`` is a :class:`~tradecheck.claims.tolerance.Interval` (a named 4-tuple
    ``lo, hi, lo_closed, hi_closed``); ``spec`` the interpretation itself; ``no_data`` why
    there is no value (``holds`` is then None); ``counted`` False marks context that never
    decides the verdict (``context`` says why: ``other_reporter``, ``doubtful``); ``miss``
    how far a failing reading is off; ``assumed`` the direction assumed for a claim that left
    it open (``both``, ``"AAA->BBB"``; None when the claim states it). The wording lives in
    :mod:`tradecheck.claims.explain`.
    """

    label: str
    reporter: str
    source: str
    flows: list[str]
    scope: str
    claimed: float
    interval: Interval
    actual: float | None
    holds: bool | None  # None = no data under this reading
    reason: str = ""
    arithmetic: str = ""
    evidence: list[Evidence] = field(default_factory=list)
    spec: ReadingSpec | None = None
    no_data: NoData | None = None
    counted: bool = True
    context: str | None = None
    miss: Miss | None = None
    assumed: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.interval, Interval):
            self.interval = Interval(*self.interval)

    def to_json(self) -> dict[str, Any]:
        lo, hi, lo_c, hi_c = self.interval
        return {
            "label": self.label,
            "reporter": self.reporter,
            "source": self.source,
            "flows": self.flows,
            "scope": self.scope,
            "claimed": self.claimed,
            "interval": {"low": lo, "high": hi, "low_closed": lo_c, "high_closed": hi_c},
            "actual": self.actual,
            "holds": self.holds,
            "reason": self.reason,
            "arithmetic": self.arithmetic,
            "evidence": [e.to_json() for e in self.evidence],
            "counted": self.counted,
            "context": self.context,
            "no_data": None if self.no_data is None else self.no_data.to_json(),
            "miss": None if self.miss is None else self.miss.to_json(),
            "assumed": self.assumed,
        }

    def __repr__(self) -> str:
        from tradecheck.claims import explain

        return explain.reading_repr(self)

    def _repr_html_(self) -> str:
        from tradecheck.claims import explain

        return explain.readings_html([self])


@dataclass(repr=False)
class CheckResult:
    """The verdict on one claim, with every reading and the robustness view.

    ``basis`` says what the verdict rests on (``statistics``, ``published`` or None when
    not verifiable); ``near_miss`` that a not-supported claim lies within the spread
    between sources; ``alternatives`` one entry per alternative evaluated for a claim that
    left its direction open (``{"assumed", "verdict", "basis"}``), empty otherwise.
    :meth:`summary`, :meth:`to_frame` and the notebook display come from
    :mod:`tradecheck.claims.explain`.
    """

    claim: Claim
    verdict: Verdict
    readings: list[Reading]
    reason: str = ""
    robustness: list[dict[str, Any]] = field(default_factory=list)
    basis: str | None = None
    near_miss: bool = False
    data_as_of: str | None = None
    alternatives: list[dict[str, Any]] = field(default_factory=list)

    @property
    def unsure(self) -> list[str]:
        """What the claim left open (:attr:`Claim.unsure`, plus ``direction`` when it is
        null): the checker evaluated every plausible alternative of it."""
        out = list(self.claim.unsure)
        if self.claim.direction is None and "direction" not in out:
            out.append("direction")
        return out

    @property
    def ambiguous(self) -> bool:
        """True when the claim left something open (see :attr:`unsure`)."""
        return bool(self.unsure)

    @property
    def label(self) -> str:
        """The verdict in words, e.g. ``consistent with published figures``."""
        from tradecheck.claims import explain

        return explain.verdict_label(self)

    def summary(self) -> str:
        """A few lines: the claim, the verdict in words, each reading with its figure."""
        from tradecheck.claims import explain

        return explain.summary(self)

    def to_frame(self) -> pd.DataFrame:
        """The readings as a tidy DataFrame (one row per reading)."""
        from tradecheck.claims import explain

        return explain.readings_frame(self)

    def to_json(self) -> dict[str, Any]:
        return {
            "claim": self.claim.to_json(),
            "verdict": self.verdict,
            "verdict_label": self.label,
            "basis": self.basis,
            "near_miss": self.near_miss,
            "ambiguous": self.ambiguous,
            "unsure": self.unsure,
            "alternatives": [dict(a) for a in self.alternatives],
            "data_as_of": self.data_as_of,
            "reason": self.reason,
            "readings": [r.to_json() for r in self.readings],
            "robustness": self.robustness,
        }

    def __repr__(self) -> str:
        from tradecheck.claims import explain

        return explain.result_repr(self)

    def _repr_html_(self) -> str:
        from tradecheck.claims import explain

        return explain.result_html(self)
