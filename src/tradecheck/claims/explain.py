"""All the words of the checker: labels, reasons, verdict labels, summaries, notebook tables.

The checker (:mod:`tradecheck.claims.check`) decides on typed values -- a reading's
``holds``, its :class:`~tradecheck.claims.readings.NoData` code, its
:class:`~tradecheck.claims.tolerance.Miss` -- and never on text; this module turns those
values into text for a person (terminal, notebook, PDF). Every number goes through
:mod:`tradecheck.fmt` and carries its unit.

Examples
--------
>>> show(5.105e9, "level", step=5e6)
'$5.105B'
>>> show(58.5, "pct_change"), show(2.2, "ratio"), show(0.695, "share", step=0.005)
('+58.5 %', '×2.20', '0.695 %')
>>> off_text(-0.7, "pct_change", 0.1)
'−0.7 percentage points'
"""

from __future__ import annotations

import html
import math
from typing import TYPE_CHECKING

import pandas as pd

from tradecheck import fmt, sources
from tradecheck.schema import UNKNOWN_SIDE, WORLD

if TYPE_CHECKING:
    from tradecheck.claims.model import CheckResult, Claim, Reading
    from tradecheck.claims.readings import PublishedFigure, ReadingSpec
    from tradecheck.claims.tolerance import Interval, Miss

__all__ = [
    "SOURCE_NAMES",
    "VERDICT_WORDS",
    "country",
    "off_text",
    "readings_frame",
    "result_html",
    "results_frame",
    "show",
    "spec_label",
    "summary",
    "verdict_label",
]

SOURCE_NAMES: dict[str, str] = sources.names()  # the one registry: tradecheck/data/sources.csv
#: source names inside a short reading name ("China (GACC)")
_SHORT_SOURCES: dict[str, str] = sources.short_names()
_SHORT = {"BLR": "Belarus", "CHN": "China", WORLD: "the world", UNKNOWN_SIDE: "side not stated"}
MONEY_QUANTITIES = ("level", "abs_change", "balance")
#: the verdict codes in words (the label adds basis, sides and near misses)
VERDICT_WORDS = {
    "supported": "supported",
    "not_supported": "not supported",
    "mixed": "mixed",
    "ambiguous": "ambiguous",
    "not_verifiable": "not verifiable",
}
#: colours of the verdicts in the notebook table (text colour on white)
_COLOURS = {
    "supported": "#1a7f37",
    "published": "#6e7781",
    "mixed": "#9a6700",
    "ambiguous": "#8250df",
    "not_supported": "#cf222e",
    "not_verifiable": "#57606a",
}


# ---------------------------------------------------------------------------------------------
# names and labels


def country(iso3: str) -> str:
    """Short English name of a country code (falls back to the code).

    Examples
    --------
    >>> country("CHN"), country("XXX")
    ('China', 'side not stated')
    """
    if iso3 in _SHORT:
        return _SHORT[iso3]
    from tradecheck.errors import TradecheckError

    try:
        from tradecheck import countries

        return str(countries.name(iso3))
    except (ImportError, TradecheckError):  # no countries module, or code unknown: the code
        return iso3


def _poss(iso3: str) -> str:
    return f"{country(iso3)}'s"


def spec_what(spec: ReadingSpec) -> str:
    """The flow of a reading in words, from its reporter's point of view."""
    r, a, b = spec.reporter, spec.exporter, spec.importer
    if spec.flow_kind == "one_way":
        if r == a:
            return f"{_poss(a)} exports to {country(b)}"
        if r == b:
            return f"{_poss(b)} imports from {country(a)}"
        return f"goods from {country(a)} to {country(b)}"
    if spec.flow_kind == "total":
        if r in (a, b):
            other = b if r == a else a
            return f"{_poss(r)} total trade with {country(other)} (exports + imports)"
        return f"total trade {country(a)}-{country(b)}"
    return f"{_poss(a)} trade balance with {country(b)} (exports - imports)"


def spec_label(spec: ReadingSpec) -> str:
    """E.g. ``"China's statistics (IMF DOTS): China's imports from Belarus"``."""
    from tradecheck.claims import scope as scope_mod

    if spec.source == "published":
        head = (
            "published figure, side not stated"
            if spec.reporter == UNKNOWN_SIDE
            else f"published figure from {_poss(spec.reporter)} side"
        )
    else:
        head = f"{_poss(spec.reporter)} statistics ({SOURCE_NAMES.get(spec.source, spec.source)})"
    text = f"{head}: {spec_what(spec)}"
    if spec.scope == "industrial" and spec.definition:
        d = scope_mod.DEFINITIONS[spec.definition]
        text += f", industrial goods {d.id} = {d.label}"
    elif spec.scope != "goods":
        text += f", scope {spec.scope}"
    return text


def short_name(r: Reading) -> str:
    """A reading named by side and source, e.g. ``Belarus (Belstat)``; context readings
    are marked."""
    src = _SHORT_SOURCES.get(r.source) or SOURCE_NAMES.get(r.source, r.source)
    if r.spec is not None and r.spec.definition:
        src += f", {r.spec.definition}"
    text = f"{country(r.reporter)} ({src})"
    if r.assumed is not None:
        text += f" as {direction_short(r.assumed)}"
    if r.context == "doubtful":
        return text + " [context: flagged doubtful]"
    return text + (" [context]" if not r.counted else "")


def direction_words(direction: str, quantity: str = "level") -> str:
    """A direction assumed for a claim that left it open, in words.

    Examples
    --------
    >>> direction_words("both"), direction_words("BLR->CHN")
    ('total trade', "Belarus's exports to China")
    >>> direction_words("CHN->BLR", "balance")
    "China's trade balance with Belarus"
    """
    if "->" not in direction:
        return "total trade"
    a, b = (p.strip() for p in direction.split("->", 1))
    if quantity == "balance":
        return f"{_poss(a)} trade balance with {country(b)}"
    return f"{_poss(a)} exports to {country(b)}"


def direction_short(direction: str) -> str:
    """The short form for tables: ``total trade`` or ``Belarus→China``."""
    if "->" not in direction:
        return "total trade"
    a, b = (p.strip() for p in direction.split("->", 1))
    return f"{country(a)}\u2192{country(b)}"


def mark_assumed(readings: list[Reading], direction: str, quantity: str) -> None:
    """Label the readings of one alternative with the direction assumed (after a leading
    ``[context]``, which stays first)."""
    tag = f"[if read as {direction_words(direction, quantity)}] "
    ctx = "[context] "
    for r in readings:
        r.assumed = direction
        head = ctx if r.label.startswith(ctx) else ""
        r.label = head + tag + r.label[len(head) :]


# ---------------------------------------------------------------------------------------------
# numbers with their units


def _money_digits(v: float, step: float | None) -> int:
    """Fraction digits of a compact money figure so that ``step`` stays visible."""
    a = abs(v)
    scale = 10.0 ** (3 * math.floor(math.log10(a) / 3)) if a >= 1000 else 1.0
    if not step or step <= 0:
        return 2
    return max(1, min(4, -math.floor(math.log10(step / scale) + 1e-9)))


def _plain_digits(step: float | None, default: int) -> int:
    if not step or step <= 0:
        return default
    return max(0, min(4, -math.floor(math.log10(step) + 1e-9)))


def currency_note(data_currencies: list[str], claim_currency: str) -> str:
    """A reading whose source holds the pair only in other currencies (never converted).

    Examples
    --------
    >>> currency_note(["USD"], "EUR")
    'data in USD ($), claim in EUR (€); no conversion'
    >>> currency_note(["CNY", "USD"], "RUB")
    'data in CNY (CN¥), USD ($), claim in RUB (₽); no conversion'
    """

    def named(code: str) -> str:
        return f"{code} ({fmt.currency_sign(code)})"

    have = ", ".join(named(c) for c in data_currencies)
    return f"data in {have}, claim in {named(claim_currency)}; no conversion"


def converted_note(rate: str, year: int, source: str, url: str) -> str:
    """How a reading's US$ value was converted into the claim's currency.

    Examples
    --------
    >>> converted_note("1 EUR = 1.0817 USD", 2023, "Fed G.5A", "https://x")
    'converted at the 2023 annual average 1 EUR = 1.0817 USD (Fed G.5A, https://x)'
    """
    return f"converted at the {year} annual average {rate} ({source}, {url})"


def show(
    v: float | None, quantity: str, currency: str | None = "USD", *, step: float | None = None
) -> str:
    """A value in the claim's own unit; ``step`` is the smallest difference to keep visible.

    Examples
    --------
    >>> show(2.7294e9, "level"), show(-1.4e9, "balance"), show(None, "level")
    ('$2.73B', '−$1.4B', 'n/a')
    """
    if v is None or not math.isfinite(v):
        return fmt.MISSING
    if quantity in MONEY_QUANTITIES:
        text = fmt.money(v, currency or "USD", digits=_money_digits(v, step))
        return "+" + text if quantity == "abs_change" and v >= 0 else text
    if quantity == "ratio":
        return fmt.ratio(v, digits=_plain_digits(step, 2))
    digits = _plain_digits(step, 1)
    return fmt.percent(v, signed=quantity == "pct_change", digits=max(1, digits))


def interval_text(iv: Interval, quantity: str, currency: str | None, unit: float | None) -> str:
    """The claimed interval with units, e.g. ``[$5.095B, $5.105B)``."""
    step = unit / 2 if unit else None
    return iv.describe(lambda x: show(x, quantity, currency, step=step))


def off_text(off: float, quantity: str, unit: float | None, currency: str | None = "USD") -> str:
    """A signed difference in the claim's unit (percentage points for percentages)."""
    if quantity in MONEY_QUANTITIES:
        text = fmt.money(abs(off), currency or "USD", digits=_money_digits(off or 1, unit))
        return ("+" if off >= 0 else "\u2212") + text
    if quantity == "ratio":
        return ("+" if off >= 0 else "\u2212") + fmt.number(abs(off), digits=3) + " (as a multiple)"
    digits = max(1, _plain_digits(unit, 1))
    text = fmt.number(abs(off), digits=digits)
    return ("+" if off >= 0 else "\u2212") + text + " percentage points"


def miss_text(m: Miss, quantity: str, currency: str | None) -> str:
    """E.g. ``off by −0.7 percentage points (7.0 × its rounding unit 0.1 %); near miss:
    within the 0.9 percentage points by which this side's sources differ``."""
    text = f"off by {off_text(m.off, quantity, m.unit, currency)}"
    if m.rounding_units is not None and m.unit:
        unit = show(m.unit, "share" if quantity == "pct_change" else quantity, currency)
        if quantity == "ratio":
            unit = fmt.number(m.unit, digits=_plain_digits(m.unit, 2))
        text += f" ({fmt.number(m.rounding_units, digits=1)} × its rounding unit {unit})"
    if m.spread is not None:
        width = m.spread[1] - m.spread[0]
        spread = off_text(width, quantity, m.unit, currency).lstrip("+")
        if m.near:
            text += f"; near miss: within the {spread} by which this side's sources differ"
        else:
            text += f"; beyond the {spread} by which this side's sources differ"
    return text


def miss_short(m: Miss, quantity: str, currency: str | None) -> str:
    """The table form: ``−0.7 percentage points (7.0 × rounding); near miss``."""
    text = off_text(m.off, quantity, m.unit, currency)
    if m.rounding_units is not None:
        text += f" ({fmt.number(m.rounding_units, digits=1)} × rounding)"
    return text + ("; near miss" if m.near else "")


# ---------------------------------------------------------------------------------------------
# reasons of readings


def stat_reason(actual: float, holds: bool, target: str, quantity: str, currency: str | None,
                step: float | None, notes: list[str]) -> str:  # fmt: skip
    """Reason of a statistical reading with data."""
    verb = "is" if holds else "is not"
    text = f"{show(actual, quantity, currency, step=step)} {verb} within {target}"
    return text + ("; " + "; ".join(notes) if notes else "")


def no_detail_reason(source: str, reporter: str, total: object | None) -> str:
    """Reason of an industrial-goods reading on data without commodity detail."""
    text = (
        f"no commodity detail (SITC or HS rows) in {source} for {reporter}: "
        "industrial goods cannot be computed"
    )
    return text + (f"; not even the goods total is available ({total})" if total else "")


def figure_text(f: PublishedFigure, quantity: str, currency: str | None) -> str:
    """One published figure in words, e.g. ``$2.8B (eq)`` or ``+12.0 % from $5.8B (eq) and
    $5.1B (approx)``."""
    if len(f.inputs) == 1:
        text = f"{show(f.value, quantity, currency)} ({f.bounds[0]})"
    else:
        parts = " and ".join(
            f"{show(v, 'level', currency)} ({b})" for v, b in zip(f.inputs, f.bounds, strict=True)
        )
        text = f"{show(f.value, quantity, currency)} from {parts}"
    return text + (" [flagged doubtful in the source list]" if f.doubtful else "")


def published_reason(
    figs: list[PublishedFigure],
    deciding: list[PublishedFigure],
    target: str,
    q: str,
    cur: str | None,
) -> str:
    """Reason of a published-figures reading: which figures agree, which do not."""
    good = [f for f in deciding if f.holds]
    bad = [f for f in deciding if not f.holds]
    if len(figs) == 1:
        verb = "agrees" if good else "does not agree"
        return f"one published figure: {figure_text(figs[0], q, cur)}; {verb} with {target}"
    partial = len(deciding) < len(figs)
    kind = "exact " if partial else ""
    text = (
        f"{len(good)} of {len(deciding)} {kind}published figures for this window "
        f"agree with {target}"
    )
    if good:
        text += "; agreeing: " + ", ".join(figure_text(f, q, cur) for f in good)
    if bad:
        text += "; disagreeing: " + ", ".join(figure_text(f, q, cur) for f in bad)
    if partial:
        rest = [f for f in figs if f not in deciding]
        text += "; not deciding (stated with a bound, an exact figure exists): " + ", ".join(
            figure_text(f, q, cur) for f in rest
        )
    if good and bad:
        text += (
            " (the publications disagree; rule: the reading holds when at least one deciding "
            "figure agrees)"
        )
    return text


def context_label(label: str, why: str) -> str:
    """The label of a reading that never decides the verdict."""
    tail = " — flagged doubtful in the source list" if why == "doubtful" else ""
    return f"[context] {label}{tail}"


# ---------------------------------------------------------------------------------------------
# the verdict


def _sides(readings: list[Reading]) -> str:
    names = list(dict.fromkeys(short_name(r) for r in readings))
    return ", ".join(names)


def verdict_label(res: CheckResult) -> str:
    """The verdict in words (see :func:`_verdict_words`); when the text names no partner,
    the label says that the claim was judged as one about its pair.

    Examples
    --------
    ``consistent with published figures, if about Belarus-China (the text names no partner)``
    """
    text = _verdict_words(res)
    if "partner" in res.unsure and res.verdict != "not_verifiable":
        a, b = res.claim.pair_codes
        text += f", if about {country(a)}-{country(b)} (the text names no partner)"
    return text


def _verdict_words(res: CheckResult) -> str:
    """The verdict in words: what it rests on, which side holds, how near a miss is.

    Examples
    --------
    ``supported by statistics``; ``consistent with published figures`` (no statistics cover
    the window); ``mixed: holds for Belarus (Belstat); fails for China (GACC)``;
    ``not supported (near miss)``; ``not verifiable``.
    """
    v = res.verdict
    if res.alternatives:
        return _alternatives_label(res)
    counted = [r for r in res.readings if r.counted and r.holds is not None]
    if v == "supported":
        return (
            "consistent with published figures"
            if res.basis == "published"
            else "supported by statistics"
        )
    if v == "mixed":
        good = [r for r in counted if r.holds]
        bad = [r for r in counted if not r.holds]
        return f"mixed: holds for {_sides(good)}; fails for {_sides(bad)}"
    if v == "not_supported":
        text = "not supported"
        if res.basis == "published":
            text = "not consistent with published figures"
        return text + (" (near miss)" if res.near_miss else "")
    return VERDICT_WORDS.get(v, v)


def _alternatives_label(res: CheckResult) -> str:
    """The verdict in words for a claim evaluated under several directions, e.g.
    ``ambiguous: holds if read as Belarus's exports to China, not as total trade``."""
    q = res.claim.quantity
    by: dict[str, list[str]] = {}
    for o in res.alternatives:
        by.setdefault(o["verdict"], []).append(direction_words(o["assumed"], q))
    if res.verdict == "supported":
        base = "consistent with published figures" if res.basis == "published" else "supported"
        return f"{base} under every direction it may mean"
    if res.verdict == "not_supported":
        near = " (near miss)" if res.near_miss else ""
        return f"not supported under any direction it may mean{near}"
    if res.verdict == "not_verifiable":
        return VERDICT_WORDS["not_verifiable"]
    parts = []
    if "supported" in by:
        parts.append("holds if read as " + " or as ".join(by["supported"]))
    if "mixed" in by:
        parts.append("holds in part (some sources) if read as " + " or as ".join(by["mixed"]))
    if "not_supported" in by:
        parts.append("not as " + " or as ".join(by["not_supported"]))
    if "not_verifiable" in by:
        parts.append("no data if read as " + " or as ".join(by["not_verifiable"]))
    return f"{VERDICT_WORDS['ambiguous']}: " + ", ".join(parts)


def alternatives_reason(res: CheckResult) -> str:
    """Each alternative direction with its outcome, e.g. ``read as total trade: not supported
    (0 of 2 readings with data hold)``."""
    q = res.claim.quantity
    items = [
        f"read as {direction_words(o['assumed'], q)}: {VERDICT_WORDS[o['verdict']]} "
        f"({o['readings_holding']} of {o['readings_with_data']} readings with data hold)"
        for o in res.alternatives
    ]
    return "the claim does not say which direction; evaluated under each: " + "; ".join(items)


def verdict_reason(res: CheckResult, counted: list[Reading]) -> str:
    """The verdict's reason: the readings under which the claim holds and fails, with how
    far each failing one is off."""
    good = [r for r in counted if r.holds]
    bad = [r for r in counted if not r.holds]
    n = len(counted)
    fails = "; ".join(f"{r.label} ({r.reason})" for r in bad)
    if not bad:
        text = f"holds under all {n} reading(s) with data: " + "; ".join(r.label for r in good)
    elif not good:
        text = f"fails under all {n} reading(s) with data: {fails}"
    else:
        holds = "; ".join(r.label for r in good)
        text = f"holds under {len(good)} of {n} readings with data; holds: {holds}; fails: {fails}"
    if res.basis == "published":
        text += (
            " (only published figures cover this window, no statistical source: the claim is "
            "compared with what officials published)"
        )
    if res.alternatives:
        text = f"{alternatives_reason(res)}. Readings: {text}"
    return text


def unsure_lines(res: CheckResult) -> list[str]:
    """What the claim left open and what the checker considered for it, one line each
    (empty for a claim that pinned everything down)."""
    lines = []
    for what in res.unsure:
        if what == "direction" and res.alternatives:
            alts = ", ".join(
                f"{direction_words(o['assumed'], res.claim.quantity)} "
                f"({VERDICT_WORDS[o['verdict']]})"
                for o in res.alternatives
            )
            lines.append(f"unsure: direction — evaluated as {alts}")
        elif what == "period":
            lines.append("unsure: period — the claim states no period, so no window to check")
        elif what == "reporter":
            sides = sorted({country(r.reporter) for r in res.readings})
            seen = ", ".join(sides) if sides else "none with rows for this pair"
            lines.append(f"unsure: reporter — readings of every side considered: {seen}")
        elif what == "partner":
            lines.append(
                f"unsure: partner — judged only for the pair it was read for, {res.claim.pair}"
            )
        else:
            lines.append(f"unsure: {what}")
    return lines


def unverifiable_reason(claim: Claim, readings: list[Reading], has_pair_data: bool) -> str:
    """Why no counted reading has data."""
    if claim.period is None:
        return "the claim states no period"
    if not readings:
        return (
            "no data for this pair, period, flow and scope in the dataset"
            if has_pair_data
            else "the dataset has no rows for this pair"
        )
    counted = [r for r in readings if r.counted]
    reasons = "; ".join(sorted({r.reason for r in counted if r.reason}))
    if claim.reporter is not None:
        ctx = [r for r in readings if not r.counted and r.holds is not None]
        head = f"the claim names {claim.reporter}'s statistics and they have no data here"
        if not counted:
            head += f" ({claim.reporter} has no rows for this pair)"
        if ctx:
            head += f"; {len(ctx)} other reading(s) shown as context only"
        return head + (": " + reasons if reasons else "")
    if not counted:
        return "only figures flagged doubtful cover this window (shown as context only)"
    return "no reading has data: " + reasons


def as_of_note(day: str) -> str:
    """Appended to a not-verifiable reason when the data were restricted to a date."""
    return f" (only data published or released by {day} were used)"


# ---------------------------------------------------------------------------------------------
# summaries, frames and the notebook display


def claim_line(c: Claim) -> str:
    from tradecheck.claims.tolerance import claim_unit

    period = "?" if c.period is None else _period(c.period.start, c.period.end)
    text = f"{show(c.value, c.quantity, c.currency, step=claim_unit(c))} ({c.quantity}, {c.bound})"
    text += f", {c.direction or 'direction not stated'}, {period}"
    if c.base_period is not None:
        text += f" vs {_period(c.base_period.start, c.base_period.end)}"
    text += f", {c.scope}"
    return text + (f", per {c.reporter}" if c.reporter else "")


def _period(start: str, end: str) -> str:
    return start if start == end else f"{start}..{end}"


def holds_word(r: Reading) -> str:
    """``yes`` / ``no`` / ``no data``."""
    return {True: "yes", False: "no", None: "no data"}[r.holds]


def reading_figure(r: Reading, c: Claim) -> str:
    """The actual figure of a reading in the claim's unit, or why there is none."""
    from tradecheck.claims.tolerance import claim_unit

    if r.actual is None:
        return "no data"
    unit = claim_unit(c)
    finer = 100 if c.quantity in MONEY_QUANTITIES else 10  # compact money drops zeros
    return show(r.actual, c.quantity, c.currency, step=unit / finer if unit else None)


def reading_interval(r: Reading, c: Claim) -> str:
    """The claimed interval of a reading with units."""
    from tradecheck.claims.tolerance import claim_unit

    return interval_text(r.interval, c.quantity, c.currency, claim_unit(c))


def reading_note(r: Reading, c: Claim, *, short: bool = False) -> str:
    """How far off a failing reading is, or why one has no data."""
    if r.miss is not None:
        if short:
            return miss_short(r.miss, c.quantity, c.currency)
        return miss_text(r.miss, c.quantity, c.currency)
    if r.no_data is not None:
        return r.no_data.detail
    return ""


def no_data_lines(readings: list[Reading]) -> list[str]:
    """The readings without data, one line per reason: ``no data: Belarus (UN Comtrade),
    China (UN Comtrade) -- no UN Comtrade data covering 2020-01..2020-12``."""
    groups: dict[str, list[str]] = {}
    for r in readings:
        if r.holds is None:
            groups.setdefault(r.reason, []).append(short_name(r))
    return [f"no data: {', '.join(names)} — {why}" for why, names in groups.items()]


def summary(res: CheckResult) -> str:
    """A few lines: the claim, the verdict in words, each reading with its figure."""
    c = res.claim
    lines = [f"{c.span}", f"  read as: {claim_line(c)}", f"  verdict: {res.label}"]
    if res.data_as_of:
        lines.append(f"  data as of: {res.data_as_of}")
    lines += [f"  {line}" for line in unsure_lines(res)]
    for r in res.readings:
        lines.append(f"  - {r.label}: {reading_figure(r, c)} -> {holds_word(r)}")
        note = reading_note(r, c)
        if note and r.holds is False:
            lines.append(f"      {note}")
    return "\n".join(lines)


def result_repr(res: CheckResult) -> str:
    """The one-line repr of a result."""
    return (
        f"<CheckResult {res.verdict}: {res.label!r}; {len(res.readings)} reading(s); "
        f"{res.claim.span[:60]!r}>"
    )


def reading_repr(r: Reading) -> str:
    """The one-line repr of a reading."""
    return f"<Reading {r.source}/{r.reporter} holds={r.holds} actual={r.actual!r}>"


def readings_frame(res: CheckResult) -> pd.DataFrame:
    """The readings of a result as a tidy frame (one row per reading)."""
    rows = []
    for r in res.readings:
        lo, hi, lo_c, hi_c = r.interval
        m = r.miss
        rows.append(
            {
                "reading": r.label,
                "side": r.reporter,
                "source": r.source,
                "scope": r.scope,
                "definition": None if r.spec is None else r.spec.definition,
                "counted": r.counted,
                "context": r.context,
                "claimed": r.claimed,
                "low": lo,
                "high": hi,
                "low_closed": lo_c,
                "high_closed": hi_c,
                "actual": r.actual,
                "holds": r.holds,
                "off": None if m is None else m.off,
                "rounding_units": None if m is None else m.rounding_units,
                "near_miss": None if m is None else m.near,
                "no_data": None if r.no_data is None else r.no_data.code,
                "reason": r.reason,
            }
        )
    return pd.DataFrame(rows)


#: the columns of :func:`results_frame`
RESULT_COLUMNS = (
    "claim", "quantity", "value", "currency", "bound", "direction", "period", "base_period",
    "scope", "reporter", "verdict", "verdict_label", "basis", "near_miss", "ambiguous", "unsure",
    "readings_with_data", "readings_holding", "reason",
)  # fmt: skip


def results_frame(results: list[CheckResult]) -> pd.DataFrame:
    """One row per claim: the claim as read, the verdict code and words, counts."""
    rows = []
    for res in results:
        c = res.claim
        with_data = [r for r in res.readings if r.counted and r.holds is not None]
        rows.append(
            {
                "claim": c.span,
                "quantity": c.quantity,
                "value": c.value,
                "currency": c.currency,
                "bound": c.bound,
                "direction": c.direction,
                "period": None if c.period is None else _period(c.period.start, c.period.end),
                "base_period": None
                if c.base_period is None
                else _period(c.base_period.start, c.base_period.end),
                "scope": c.scope,
                "reporter": c.reporter,
                "verdict": res.verdict,
                "verdict_label": res.label,
                "basis": res.basis,
                "near_miss": res.near_miss,
                "ambiguous": res.ambiguous,
                "unsure": ", ".join(res.unsure),
                "readings_with_data": len(with_data),
                "readings_holding": sum(1 for r in with_data if r.holds),
                "reason": res.reason,
            }
        )
    return pd.DataFrame(rows, columns=RESULT_COLUMNS)


def _colour(res: CheckResult) -> str:
    if res.verdict == "supported" and res.basis == "published":
        return _COLOURS["published"]
    return _COLOURS.get(res.verdict, "#000000")


def readings_html(readings: list[Reading], claim: Claim | None = None) -> str:
    """A compact HTML table of readings (every piece of text escaped)."""
    e = html.escape
    head = "<tr><th>reading</th><th>claimed</th><th>actual</th><th>holds</th><th>note</th></tr>"
    body = []
    for r in readings:
        if claim is not None:
            iv, act, note = (
                reading_interval(r, claim),
                reading_figure(r, claim),
                reading_note(r, claim),
            )
        else:
            iv, act, note = r.interval.describe(), str(r.actual), r.reason
        style = "" if r.counted else ' style="color:#6e7781"'
        body.append(
            f"<tr{style}><td>{e(r.label)}</td><td>{e(iv)}</td><td>{e(act)}</td>"
            f"<td>{e(holds_word(r))}</td><td>{e(note)}</td></tr>"
        )
    return f"<table>{head}{''.join(body)}</table>"


def result_html(res: CheckResult) -> str:
    """The notebook display of a result: the claim, the verdict coloured, the readings."""
    e = html.escape
    c = res.claim
    asof = f"<br><small>data as of {e(res.data_as_of)}</small>" if res.data_as_of else ""
    asof += "".join(f"<br><small>{e(line)}</small>" for line in unsure_lines(res))
    return (
        f'<div><p><b style="color:{_colour(res)}">{e(res.label)}</b> — {e(c.span)}<br>'
        f"<small>read as: {e(claim_line(c))}</small>{asof}</p>"
        f"{readings_html(res.readings, c)}</div>"
    )


def results_html(results: list[CheckResult]) -> str:
    """The notebook display of several results."""
    return "".join(result_html(r) for r in results) or "<p>no trade claim found</p>"
