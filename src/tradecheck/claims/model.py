"""Data classes of the claim engine: a parsed :class:`Claim`, one :class:`Reading` of it
against the data, and the :class:`CheckResult` that carries the verdict.

The JSON forms (:meth:`Claim.to_json`, :meth:`CheckResult.to_json`) are the public contract of
``tradecheck parse --json`` and ``tradecheck check --json`` (see docs/claim_schema.md
and the README); keep field names stable.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from tradecheck.countries import DEFAULT_PAIR

Quantity = Literal["level", "ratio", "pct_change", "abs_change", "share", "balance"]
Bound = Literal["eq", "approx", "gt", "lt"]
Verdict = Literal["supported", "not_supported", "mixed", "not_verifiable"]

QUANTITIES: tuple[str, ...] = ("level", "ratio", "pct_change", "abs_change", "share", "balance")
BOUNDS: tuple[str, ...] = ("eq", "approx", "gt", "lt")
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


@dataclass
class Claim:
    """One quantitative trade claim found in a text.

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
        ``eq`` | ``approx`` | ``gt`` | ``lt``.
    direction
        ``both`` (total trade) or ``"AAA->BBB"`` (goods from AAA to BBB) with the pair's ISO3.
    reporter
        Whose statistics the text names (``"BLR"``, ``"CHN"``) or None.
    period, base_period
        Months compared; ``base_period`` is None for levels, shares and balances.
    scope
        ``goods`` | ``goods_and_services`` | ``services`` | ``industrial`` | ``product:<name>``
        | ``region:<name>``.
    lang
        Detected language of the text (``en``, ``de``, ``ru``, ``zh``).
    decimals
        Digits after the decimal point as written (drives the rounding tolerance); None when
        the number was a word ("doubled").
    """

    span: str
    quantity: Quantity
    value: float
    currency: str | None
    bound: Bound
    direction: str
    reporter: str | None
    period: Period | None
    base_period: Period | None
    scope: str = "goods"
    lang: str = "en"
    decimals: int | None = None
    pair: tuple[str, str] = DEFAULT_PAIR
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The contract form (``tradecheck parse --json``)."""
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
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Claim:
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


@dataclass
class Reading:
    """The claim under one interpretation (whose statistics, which flow, which scope)."""

    label: str
    reporter: str
    source: str
    flows: list[str]
    scope: str
    claimed: float
    interval: tuple[float | None, float | None, bool, bool]  # lo, hi, lo_closed, hi_closed
    actual: float | None
    holds: bool | None  # None = no data under this reading
    reason: str = ""
    arithmetic: str = ""
    evidence: list[Evidence] = field(default_factory=list)

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
        }


@dataclass
class CheckResult:
    """The verdict on one claim, with every reading and the robustness view."""

    claim: Claim
    verdict: Verdict
    readings: list[Reading]
    reason: str = ""
    robustness: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "claim": self.claim.to_json(),
            "verdict": self.verdict,
            "reason": self.reason,
            "readings": [r.to_json() for r in self.readings],
            "robustness": self.robustness,
        }
