"""How close is close enough: the interval of actual values under which a claim holds.

A figure in a text is rounded, and often hedged ("about", "more than"). The checker turns
the claimed value, its written precision and its bound into an interval and asks whether
the actual value computed from the data lies inside it. The rules:

Rounding (bound ``eq``)
    A number written with ``d`` decimals stands for every value that rounds to it:
    ``[v - h, v + h)`` with the half-unit ``h = 0.5 * 10**-d`` *in the unit as written*.
    ``2.2`` (d=1) -> ``[2.15, 2.25)``: 2.149 fails, 2.15 holds, 2.25 fails. ``97%`` ->
    ``[96.5, 97.5)``.
Money
    ``Claim.value`` is in currency units (5.83 bn -> 5.83e9), so the written unit is
    recovered: the largest of trillion, billion, million, thousand, one in which the value
    shows no more than ``decimals`` digits after the point. ``$5.83 bn`` -> h = 0.005 bn;
    ``$3 bn`` -> h = 0.5 bn; ``$700 million`` -> h = 0.5 million. Chinese texts count in
    亿 (10^8) and 万 (10^4): for ``lang="zh"`` the units tried are 万亿, 亿, 万, one
    (``28亿美元`` -> h = 0.5 亿 = 5e7). When ``decimals`` is
    unknown (None) for money, the last significant digit of the value sets the half-unit
    (``5.8e9`` -> h = 0.05e9).
Word ratios
    A multiple written as a word ("doubled", "tripled"; ``decimals`` None with a whole
    value) gets a band of +/- 5 % of the value: "doubled" -> ``[1.9, 2.1]``. A ratio or
    percentage written with digits but whose decimals are unknown uses the digits of the
    value (``2.2`` -> d=1).
``gt`` ("exceeded", "more than", "over")
    The actual must exceed the *lower rounding edge*: ``(v - h, +inf)``. "exceeded $8.4 bn"
    holds for 8.36 bn (8.36 rounds to 8.4) but not for 8.35 bn. Rationale: a speaker who
    rounds 8.36 to 8.4 may say "more than 8.4".
``lt`` ("less than", "under")
    The mirror image: ``(-inf, v + h)``.
``approx`` ("about", "around", "some")
    A band of +/- 5 % of the value, never narrower than the rounding interval:
    ``[min(v - h, v - 0.05|v|), max(v + h, v + 0.05|v|)]``.
``approx`` worded "almost"/"nearly"/"почти"/"近"/"fast"
    The band lies below the value: ``[v - 0.10|v|, v]`` (for a negative value the band is
    mirrored, ``[v, v + 0.10|v|]``: "almost -3 bn" is a deficit a little under 3 bn).
    "almost doubled" -> ``[1.8, 2.0]``; "almost $3 bn" -> ``[2.7 bn, 3.0 bn]``.
Changes
    ``pct_change`` and ``ratio`` are the same quantity (+97 % <=> ratio 1.97); the checker
    computes the actual in the claim's own unit and compares there, so the interval is the
    written one. :func:`ratio_interval` converts an interval between the two units.
Published figures as evidence
    A published figure is itself rounded and hedged. :func:`row_interval` gives the interval
    of values a published row allows (its last significant digit sets h; its own ``approx``/
    ``gt``/``lt`` bound widens it the same way); the claim holds against that row when the
    two intervals overlap. A change computed from two published figures gets the interval of
    all changes the two row intervals allow (:func:`change_interval`), e.g. 5.79 bn / 5.1 bn
    -> ratio in [5.785/5.15, 5.795/5.05].

Design note: the interval arithmetic is a few comparisons, written here without a library
(``portion``/``intervals`` packages would add a dependency for four lines).

Examples
--------
>>> claim_interval(2.2, "eq", decimals=1, quantity="ratio").as_tuple()
(2.15, 2.25, True, False)
>>> claim_interval(5.83e9, "eq", decimals=2, quantity="level").as_tuple()
(5825000000.0, 5835000000.0, True, False)
>>> claim_interval(2.0, "approx", decimals=None, quantity="ratio", span="almost doubled").as_tuple()
(1.8, 2.0, True, True)
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

__all__ = [
    "ALMOST_BAND",
    "APPROX_BAND",
    "WORD_BAND",
    "Interval",
    "Miss",
    "change_interval",
    "claim_interval",
    "claim_unit",
    "half_unit",
    "interval_of",
    "is_almost",
    "miss_of",
    "ratio_interval",
    "row_interval",
]

APPROX_BAND = 0.05
"""Relative half-width of the "about" band."""
ALMOST_BAND = 0.10
"""Relative width of the "almost" band (below the value)."""
WORD_BAND = 0.05
"""Relative half-width for multiples written as words ("doubled")."""

_MONEY_SCALES = (1e12, 1e9, 1e6, 1e3, 1.0)
_MONEY_SCALES_ZH = (1e12, 1e8, 1e4, 1.0)
_ALMOST = re.compile(
    r"\b(almost|nearly|close to|just under|fast|beinahe|nahezu|knapp)\b|почти|около\s+почти|"
    r"без\s+малого|чуть\s+меньше|近|将近|接近|差不多",
    re.IGNORECASE,
)


class Interval(NamedTuple):
    """An interval of real numbers; ``None`` ends are infinite.

    A named 4-tuple ``(lo, hi, lo_closed, hi_closed)``, so it unpacks and compares like the
    plain tuple it replaces.

    Examples
    --------
    >>> iv = Interval(2.15, 2.25)
    >>> iv.contains(2.2), iv.contains(2.25), iv.describe()
    (True, False, '[2.15, 2.25)')
    >>> lo, hi, lo_closed, hi_closed = iv
    >>> iv.distance(2.35)
    0.1
    """

    lo: float | None
    hi: float | None
    lo_closed: bool = True
    hi_closed: bool = False

    def contains(self, x: float | None) -> bool:
        """Whether ``x`` lies in the interval (None and NaN never do)."""
        if x is None or (isinstance(x, float) and math.isnan(x)):
            return False
        x = _clean(x)
        if self.lo is not None:
            lo = _clean(self.lo)
            if x < lo or (x == lo and not self.lo_closed):
                return False
        if self.hi is not None:
            hi = _clean(self.hi)
            if x > hi or (x == hi and not self.hi_closed):
                return False
        return True

    def distance(self, x: float) -> float:
        """How far ``x`` lies outside the interval (0.0 inside or on an edge)."""
        if self.lo is not None and x < self.lo:
            return _clean(self.lo - x)
        if self.hi is not None and x > self.hi:
            return _clean(x - self.hi)
        return 0.0

    def overlaps(self, other: Interval) -> bool:
        """Whether two intervals share at least one point."""
        lo_a = -math.inf if self.lo is None else _clean(self.lo)
        hi_a = math.inf if self.hi is None else _clean(self.hi)
        lo_b = -math.inf if other.lo is None else _clean(other.lo)
        hi_b = math.inf if other.hi is None else _clean(other.hi)
        lo, lo_c = (lo_a, self.lo_closed) if lo_a > lo_b else (lo_b, other.lo_closed)
        if lo_a == lo_b:
            lo_c = self.lo_closed and other.lo_closed
        hi, hi_c = (hi_a, self.hi_closed) if hi_a < hi_b else (hi_b, other.hi_closed)
        if hi_a == hi_b:
            hi_c = self.hi_closed and other.hi_closed
        if lo < hi:
            return True
        return lo == hi and lo_c and hi_c

    def as_tuple(self) -> tuple[float | None, float | None, bool, bool]:
        """A plain 4-tuple with binary noise removed from the ends."""
        return tuple(self.cleaned())  # type: ignore[return-value]

    def cleaned(self) -> Interval:
        """The interval with binary noise removed from its ends."""
        return Interval(
            None if self.lo is None else _clean(self.lo),
            None if self.hi is None else _clean(self.hi),
            self.lo_closed,
            self.hi_closed,
        )

    def scaled(self, factor: float) -> Interval:
        """Both ends multiplied by a positive ``factor`` (e.g. US$ -> US$ million)."""
        return Interval(
            None if self.lo is None else self.lo * factor,
            None if self.hi is None else self.hi * factor,
            self.lo_closed,
            self.hi_closed,
        )

    def describe(self, fmt: str | Callable[[float], str] = "{:,.4g}") -> str:
        """Human form, e.g. ``[2.15, 2.25)``; ``fmt`` is a format string or a function."""
        show = fmt if callable(fmt) else fmt.format
        lo = "-inf" if self.lo is None else show(self.lo)
        hi = "+inf" if self.hi is None else show(self.hi)
        return f"{'[' if self.lo_closed and self.lo is not None else '('}{lo}, {hi}" + (
            "]" if self.hi_closed and self.hi is not None else ")"
        )


@dataclass(frozen=True)
class Miss:
    """How far a reading that fails lies from the claim.

    Attributes
    ----------
    off
        ``actual - claimed``, in the claim's own units (US$, percentage points, multiples).
    outside
        Distance from the actual to the nearest edge of the claimed interval.
    unit
        One unit of the claim's last written digit (None for a word such as "doubled").
    spread
        ``(lowest, highest)`` of the figures the reading's side gives for the same window
        (its sources and the vintages they publish), None with fewer than two.
    near
        A near miss: the actual lies no further outside the claimed interval than those
        figures lie apart from each other (``outside <= highest - lowest``).
    """

    off: float
    outside: float
    unit: float | None
    spread: tuple[float, float] | None
    near: bool

    @property
    def rounding_units(self) -> float | None:
        """``|off|`` in multiples of the claim's rounding unit."""
        return None if not self.unit else _clean(abs(self.off) / self.unit)

    def to_json(self) -> dict[str, Any]:
        return {
            "off": self.off,
            "outside": self.outside,
            "unit": self.unit,
            "rounding_units": self.rounding_units,
            "spread": None if self.spread is None else list(self.spread),
            "near": self.near,
        }


def miss_of(
    iv: Interval, claimed: float, actual: float, unit: float | None, values: list[float]
) -> Miss:
    """The :class:`Miss` of one failing reading; ``values`` are the figures of the same side
    for the window (the reading's own among them).

    Examples
    --------
    >>> m = miss_of(Interval(58.45, 58.55), 58.5, 57.8, 0.1, [56.9, 57.8])
    >>> round(m.off, 6), m.rounding_units, m.near
    (-0.7, 7.0, True)
    >>> miss_of(Interval(58.45, 58.55), 58.5, 56.9, 0.1, [56.9, 57.8]).near
    False
    """
    outside = iv.distance(actual)
    spread = (min(values), max(values)) if len(values) >= 2 else None
    near = spread is not None and outside <= _clean(spread[1] - spread[0])
    return Miss(_clean(actual - claimed), outside, unit, spread, near)


def _clean(x: float) -> float:
    """Remove binary noise (2.2 - 0.05 = 2.1500000000000004) before comparing edges."""
    if x == 0 or math.isinf(x):
        return float(x)
    return float(f"{x:.12g}")


def _digits_after_point(x: float) -> int:
    s = f"{abs(x):.10f}".rstrip("0")
    return len(s.split(".")[1]) if "." in s else 0


def _money_half_unit(value: float, decimals: int | None, lang: str = "en") -> float:
    v = abs(value)
    if not math.isfinite(v):
        return 0.0
    if v == 0:
        return 0.5
    if decimals is None:
        # last significant digit of the value
        exp = 0
        n = round(v)
        if n == v and n > 0:
            while n % 10 == 0:
                n //= 10
                exp += 1
            return 0.5 * 10.0**exp
        return 0.5 * 10.0 ** (-_digits_after_point(v))
    for scale in _MONEY_SCALES_ZH if lang == "zh" else _MONEY_SCALES:
        written = v / scale
        if written < 0.1 and scale > 1:
            continue
        if abs(round(written, decimals) - written) <= 1e-9 * max(1.0, written):
            return 0.5 * 10.0 ** (-decimals) * scale
    return 0.5 * 10.0 ** (-decimals)


def half_unit(value: float, decimals: int | None, quantity: str, lang: str = "en") -> float:
    """The rounding half-unit of a claimed value.

    Parameters
    ----------
    value
        The claimed value (money in currency units, ratios as multipliers, percent as numbers).
    decimals
        Digits after the point as written; None if unknown or written as a word.
    quantity
        ``level``, ``abs_change``, ``balance`` are money; the rest are plain numbers.
    lang
        Language of the text (``zh`` counts money in 亿 and 万).

    Returns
    -------
    float
        ``h``; 0.0 for a word multiple (its band is :data:`WORD_BAND` instead).

    Examples
    --------
    >>> half_unit(3e9, 0, "level")
    500000000.0
    >>> half_unit(97, 0, "pct_change")
    0.5
    >>> half_unit(2.8e9, 0, "level", lang="zh")
    50000000.0
    """
    if quantity in ("level", "abs_change", "balance"):
        return _money_half_unit(value, decimals, lang)
    if decimals is None:
        if float(value).is_integer() and quantity == "ratio":
            return 0.0
        decimals = _digits_after_point(float(value))
    return 0.5 * 10.0 ** (-decimals)


def is_almost(span: str | None) -> bool:
    """Whether an approximate claim is worded "almost/nearly" (band below the value)."""
    return bool(span) and bool(_ALMOST.search(span or ""))


def claim_interval(
    value: float,
    bound: str,
    *,
    decimals: int | None,
    quantity: str,
    span: str | None = None,
    lang: str = "en",
    precision: float | None = None,
) -> Interval:
    """The interval of actual values under which a claim holds (rules: module docstring).

    Parameters
    ----------
    value
        Claimed value.
    bound
        ``eq``, ``approx``, ``almost``, ``gt`` or ``lt``.
    decimals
        Digits after the point as written (None: unknown, or a word).
    quantity
        The claim's quantity (selects money vs. plain-number rounding).
    span
        The claim's words; used only to tell "almost" from "about" under ``approx``.
    lang
        Language of the text (money units, see :func:`half_unit`).
    precision
        The value of one unit of the last written digit, in the claim's units, when the
        reader kept it (``$5.10 billion`` -> 1e7); it then sets the rounding and
        ``decimals``/``lang`` are not consulted.

    Examples
    --------
    >>> claim_interval(8.4e9, "gt", decimals=1, quantity="level").as_tuple()
    (8350000000.0, None, False, False)
    >>> claim_interval(97, "eq", decimals=0, quantity="pct_change").describe()
    '[96.5, 97.5)'
    >>> claim_interval(5.1e9, "eq", decimals=None, quantity="level", precision=1e7).as_tuple()
    (5095000000.0, 5105000000.0, True, False)
    """
    v = float(value)
    if precision:
        h = 0.5 * float(precision)
    else:
        h = half_unit(v, decimals, quantity, lang)
    h_eff = WORD_BAND * abs(v) if h == 0.0 else h
    if bound == "gt":
        return Interval(v - h, None, False, False)
    if bound == "lt":
        return Interval(None, v + h, False, False)
    if bound == "almost" or (bound == "approx" and is_almost(span)):
        band = ALMOST_BAND * abs(v)
        return Interval(v - band, v, True, True) if v >= 0 else Interval(v, v + band, True, True)
    if bound == "approx":
        band = max(h_eff, APPROX_BAND * abs(v))
        return Interval(v - band, v + band, True, True)
    if h == 0.0:  # a multiple written as a word: a symmetric closed band
        return Interval(v - h_eff, v + h_eff, True, True)
    return Interval(v - h, v + h, True, False)


def _precision(claim: Any) -> float | None:
    """The claim's written precision when the reader kept it (absent on older claims)."""
    p = getattr(claim, "precision", None)
    return float(p) if p else None


def interval_of(claim: Any) -> Interval:
    """The interval of a :class:`~tradecheck.claims.model.Claim` (its written precision
    when known, else its decimals; its bound; its words for "almost")."""
    return claim_interval(
        claim.value,
        claim.bound,
        decimals=claim.decimals,
        quantity=claim.quantity,
        span=claim.span,
        lang=claim.lang,
        precision=_precision(claim),
    )


def claim_unit(claim: Any) -> float | None:
    """One unit of the claim's last written digit, in the claim's units (None for a word
    multiple such as "doubled").

    Examples
    --------
    >>> from tradecheck.claims.model import Claim
    >>> c = Claim("up 58.5 %", "pct_change", 58.5, None, "eq", "both", None, None, None)
    >>> claim_unit(c)
    0.1
    """
    p = _precision(claim)
    if p:
        return p
    h = half_unit(float(claim.value), claim.decimals, claim.quantity, claim.lang)
    return _clean(2 * h) if h else None


def row_interval(value: float, bound: str) -> Interval:
    """The values a published figure allows: its own rounding (last significant digit) and
    its own bound (same rules as :func:`claim_interval`).

    Examples
    --------
    >>> row_interval(5.8e9, "eq").as_tuple()
    (5750000000.0, 5850000000.0, True, False)
    """
    return claim_interval(
        value,
        bound if bound in ("eq", "approx", "gt", "lt") else "eq",
        decimals=None,
        quantity="level",
    )


def ratio_interval(iv: Interval, *, to: str) -> Interval:
    """Convert an interval between ``pct_change`` and ``ratio`` units
    (ratio = 1 + pct/100).

    Examples
    --------
    >>> ratio_interval(Interval(96.5, 97.5), to="ratio").as_tuple()
    (1.965, 1.975, True, False)
    """
    if to not in ("ratio", "pct_change"):
        raise ValueError(f"to must be 'ratio' or 'pct_change', got {to!r}")

    def f(x: float | None) -> float | None:
        if x is None:
            return None
        return 1 + x / 100.0 if to == "ratio" else 100.0 * (x - 1)

    return Interval(f(iv.lo), f(iv.hi), iv.lo_closed, iv.hi_closed)


def change_interval(new: Interval, old: Interval, quantity: str) -> Interval | None:
    """Interval of a change between two uncertain values (interval arithmetic).

    ``ratio`` and ``pct_change`` need positive values (None otherwise); ``abs_change`` is
    ``new - old``. The ends are taken as closed.

    Examples
    --------
    >>> change_interval(Interval(5.785, 5.795), Interval(5.05, 5.15), "ratio").describe()
    '[1.123, 1.148]'
    >>> change_interval(Interval(3.0, 4.0), Interval(3.8, None, False), "pct_change").hi
    5.263157894736836
    """
    if quantity == "abs_change":
        lo = None if new.lo is None or old.hi is None else new.lo - old.hi
        hi = None if new.hi is None or old.lo is None else new.hi - old.lo
        return Interval(lo, hi, True, True)
    if new.lo is None or old.lo is None or new.lo < 0 or old.lo <= 0:
        return None
    lo = 0.0 if old.hi is None else new.lo / old.hi
    hi = None if new.hi is None else new.hi / old.lo
    iv = Interval(lo, hi, True, True)
    return ratio_interval(iv, to="pct_change") if quantity == "pct_change" else iv
