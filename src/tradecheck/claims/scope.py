"""Product scope of a claim: what "industrial goods" means, computed from commodity rows.

A claim about "industrial" (or "manufactured") trade has no single definition. The checker
computes it under each standard one (docs/source_formats.md, "Industrial goods") and reports
them side by side:

==== ======================================================= ==============================
id   definition                                              source of the definition
==== ======================================================= ==============================
D1   SITC sections 5-8                                       UN Monthly Bulletin of Statistics
D2   SITC 5-8 excluding division 68 (non-ferrous metals)     World Bank WDI manufactures
D3   SITC 5-8 excluding 68 and group 667 (pearls, stones)    UNCTAD manufactured goods
D5   SITC 5-9 (China customs 工业制品, industrial products)   GACC bulletin table (3)
==== ======================================================= ==============================

(D4, the WTO variant, rests on an unverified definition and is left out.)

From **SITC-coded rows** (classification ``S1``..``S4``) the definitions are computed
exactly: each section is taken from its own row, else from the sum of its divisions (else
groups); an excluded division/group is taken from its row, else from the sum of its finer
rows. A section with no row at all while other sections of the same breakdown are present
counts as zero (Comtrade omits empty cells) and the reason says so; an exclusion that cannot
be computed because the data stop at a coarser level makes that definition not verifiable.

From **HS-coded rows** (``HS``, ``H0``..``H6``) the package uses a chapter-level
correspondence HS chapter -> SITC section (``tradecheck/data/hs_sitc.csv``), written from the
HS chapter headings and the SITC section definitions. The full HS6 -> SITC table is UN data
not available offline, so this is an **approximation**: several chapters straddle sections
(44 wood: rough wood is SITC 2, wood manufactures SITC 6; 41 hides; 71 precious stones and
metals), and every such reading is labelled "approximate". Division 68 is approximated by HS
chapters 74-76 and 78-81, group 667 by HS chapter 71.

Data without any commodity detail give no industrial reading (not verifiable).

Examples
--------
>>> sorted(DEFINITIONS)
['D1', 'D2', 'D3', 'D5']
>>> hs_chapter_map()["87"]["sitc_section"]
'7'
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import pandas as pd

from tradecheck import derive

__all__ = [
    "DEFINITIONS",
    "Definition",
    "NoDetail",
    "ScopedValue",
    "has_commodity_detail",
    "hs_chapter_map",
    "industrial_value",
]


class NoDetail(str):
    """A reason meaning "no commodity detail at all" (not: detail that cannot give the
    definition); callers branch on the type, never on the words."""


@dataclass(frozen=True)
class Definition:
    """One definition of industrial goods in SITC terms."""

    id: str
    label: str
    sections: tuple[str, ...]
    exclude: tuple[str, ...] = ()


DEFINITIONS: dict[str, Definition] = {
    "D1": Definition("D1", "SITC 5-8 (UN manufactured goods)", ("5", "6", "7", "8")),
    "D2": Definition(
        "D2", "SITC 5-8 less 68 (World Bank manufactures)", ("5", "6", "7", "8"), ("68",)
    ),
    "D3": Definition(
        "D3",
        "SITC 5-8 less 667 and 68 (UNCTAD manufactured goods)",
        ("5", "6", "7", "8"),
        ("68", "667"),
    ),
    "D5": Definition(
        "D5", "SITC 5-9 (China customs industrial products)", ("5", "6", "7", "8", "9")
    ),
}

_HS_CLASSES = ("HS", "H0", "H1", "H2", "H3", "H4", "H5", "H6")
# chapters standing in for excluded SITC codes in the approximate HS path
_HS_EXCLUDE = {"68": ("74", "75", "76", "78", "79", "80", "81"), "667": ("71",)}


@lru_cache(maxsize=1)
def hs_chapter_map() -> dict[str, dict[str, str]]:
    """HS chapter (2 digits) -> row of ``data/hs_sitc.csv`` (sitc_section, sitc_division,
    mixed, description)."""
    text = resources.files("tradecheck").joinpath("data/hs_sitc.csv").read_text(encoding="utf-8")
    return {r["hs_chapter"]: r for r in csv.DictReader(text.splitlines())}


@dataclass
class ScopedValue:
    """An industrial-goods value with the pieces behind it."""

    value: float
    definition: Definition
    classification: str
    approximate: bool
    pieces: list[tuple[int, str, derive.WindowValue]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def how(self) -> str:
        codes = " ".join(f"{'+' if s > 0 else '-'}{c}" for s, c, _ in self.pieces)
        kind = "approximate HS chapter->SITC" if self.approximate else "SITC rows"
        return f"{self.definition.id} from {kind} ({self.classification}): {codes.lstrip('+')}"


def _detail_rows(df: pd.DataFrame) -> pd.DataFrame:
    return df[
        (df["scope"] == "goods")
        & (df["commodity"].astype(str) != "TOTAL")
        & df["classification"].astype(str).str.match(r"^(S[1-4]|HS|H[0-6])$")
    ]


def has_commodity_detail(df: pd.DataFrame) -> bool:
    """Whether a (filtered) table has SITC- or HS-coded commodity rows."""
    return not _detail_rows(df).empty


#: the columns that tell one HS row's figure from another's, but for its code and vintage:
#: rows equal in all of them (and in the code) are revisions of one figure, and rows of one
#: chapter equal in all of them are summed into one chapter row
_HS_KEYS = [
    "reporter",
    "partner",
    "flow",
    "period_start",
    "period_end",
    "currency",
    "valuation",
    "source",
    "source_file",
    "exporter",
    "importer",
    "classification",
    "scope",
    "bound",
]


def _collapse_hs(detail: pd.DataFrame) -> pd.DataFrame:
    """HS rows at their coarsest level present; finer than chapters -> summed to chapters.

    Only one level is ever used (never a chapter plus its headings). Rows repeating the same
    code and period (revisions) keep the latest vintage before summing. The summed rows name
    how many rows they stand for in ``source_ref``/``note``.
    """
    is_hs = detail["classification"].isin(_HS_CLASSES)
    if not is_hs.any():
        return detail
    parts = [detail[~is_hs]]
    for cls, rows in detail[is_hs].groupby("classification", sort=True):
        coarsest = _coarsest_level(rows)
        parts.append(coarsest if _code_depth(coarsest) <= 2 else _sum_to_chapters(coarsest, cls))
    return pd.concat(parts, ignore_index=True)


def _code_depth(rows: pd.DataFrame) -> int:
    """The number of digits of the shortest commodity code of ``rows``."""
    return int(rows["commodity"].astype(str).str.len().min())


def _coarsest_level(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows of one HS classification whose codes are the shortest present."""
    return rows[rows["commodity"].astype(str).str.len() == _code_depth(rows)]


def _sum_to_chapters(rows: pd.DataFrame, cls: object) -> pd.DataFrame:
    """Rows of one HS level finer than chapters (classification ``cls``) summed to chapters:
    the latest vintage of each revised figure, one row per chapter and :data:`_HS_KEYS`, its
    ``source_ref`` and ``note`` naming how many rows it stands for; the columns of ``rows``.
    """
    depth = _code_depth(rows)
    columns = list(rows.columns)
    rows = rows.sort_values("vintage").drop_duplicates(
        ["commodity", *[k for k in _HS_KEYS if k != "source_file"]], keep="last"
    )
    rows = rows.assign(chapter=rows["commodity"].astype(str).str[:2])
    agg = (
        rows.groupby(["chapter", *_HS_KEYS], dropna=False, sort=True)
        .agg(
            value=("value", "sum"),
            n=("value", "size"),
            vintage=("vintage", "max"),
            estimate=("estimate", "any"),
        )
        .reset_index()
    )
    agg["commodity"] = agg["chapter"]
    agg["source_ref"] = [
        f"sum of {n} HS {depth}-digit rows of chapter {c}"
        for n, c in zip(agg["n"], agg["chapter"], strict=True)
    ]
    agg["note"] = f"aggregated from HS {depth}-digit rows ({cls})"
    return agg[columns]


def industrial_value(
    df: pd.DataFrame,
    definition: str | Definition,
    *,
    reporter: str,
    exporter: str,
    importer: str,
    start: str,
    end: str,
    source: str | None,
    flow_kind: derive.FlowKind = "one_way",
    currency: str = "USD",
    cache: dict | None = None,
) -> tuple[ScopedValue | None, str]:
    """Industrial goods over a window under one definition.

    Parameters
    ----------
    cache
        Optional dict reused across calls on the **same** table (the checker passes one per
        claim): it keeps the prepared commodity detail and each code's window value, so the
        four definitions and the robustness windows do not redo the same work.

    Returns
    -------
    (ScopedValue or None, reason)
        None with the reason when the data cannot give it (no commodity detail, a needed
        level missing, window not covered).
    """
    d = DEFINITIONS[definition] if isinstance(definition, str) else definition
    cache = {} if cache is None else cache
    key0 = ("detail", source, reporter, exporter, importer, flow_kind, currency)
    if key0 not in cache:
        cache[key0] = _prepare_detail(df, source, reporter, exporter, importer, flow_kind)
    detail = cache[key0]
    if isinstance(detail, str):
        return None, detail
    # codes count only where they have rows overlapping the window: a code absent from the
    # window is an empty cell (zero); a code present but not covering it makes the
    # definition not verifiable (never a partial coverage)
    detail = detail[(detail["period_start"] <= end) & (detail["period_end"] >= start)]
    if detail.empty:
        return None, NoDetail(f"no commodity detail (SITC or HS rows) for {start}..{end}")
    kw = {
        "reporter": reporter,
        "exporter": exporter,
        "importer": importer,
        "start": start,
        "end": end,
        "source": source,
        "flow_kind": flow_kind,
        "currency": currency,
        "_cache": cache,
        "_key": key0,
    }
    return _classified_value(detail, d, kw)


def _classified_value(
    detail: pd.DataFrame, d: Definition, kw: dict
) -> tuple[ScopedValue | None, str]:
    """The definition from SITC detail (latest revision) first, else from HS detail.

    Parameters
    ----------
    detail
        Commodity rows overlapping the window.
    d
        The industrial-goods definition.
    kw
        Window arguments and cache of :func:`industrial_value`.

    Returns
    -------
    (ScopedValue or None, reason)
        As :func:`industrial_value`; the SITC reason when SITC fails and no HS rows exist.
    """
    classes = set(detail["classification"].astype(str))
    sitc = sorted(c for c in classes if c.startswith("S"))
    if sitc:
        got, why = _sitc_value(detail, d, sitc[-1], kw)
        if got is not None:
            return got, ""
        hs = sorted(c for c in classes if c in _HS_CLASSES)
        if not hs:
            return None, why
    hs = sorted(c for c in classes if c in _HS_CLASSES)
    if hs:
        return _hs_value(detail, d, hs[-1], kw)
    return None, NoDetail("no SITC or HS commodity rows")


def _prepare_detail(
    df: pd.DataFrame,
    source: str | None,
    reporter: str,
    exporter: str,
    importer: str,
    flow_kind: str,
) -> pd.DataFrame | str:
    """Commodity rows of one reporter and direction (HS collapsed to one level), or the
    reason there are none."""
    sub = df if source is None else df[df["source"] == source]
    detail = _detail_rows(sub[sub["reporter"] == reporter])
    if detail.empty:
        return NoDetail("no commodity detail (SITC or HS rows) in these data")
    if flow_kind == "one_way":
        directed = (detail["exporter"] == exporter) & (detail["importer"] == importer)
    else:
        directed = ((detail["exporter"] == exporter) & (detail["importer"] == importer)) | (
            (detail["exporter"] == importer) & (detail["importer"] == exporter)
        )
    detail = detail[directed]
    if detail.empty:
        return NoDetail("no commodity detail (SITC or HS rows) for this flow")
    return _collapse_hs(detail)


def _code_window(detail: pd.DataFrame, code: str, cls: str, kw: dict) -> derive.WindowValue | None:
    """Window value of one commodity code (rows of that code only, so the window search runs
    on a handful of rows even when the detail has thousands of codes); cached per claim."""
    args = {k: v for k, v in kw.items() if not k.startswith("_")}
    cache, key0 = kw.get("_cache"), kw.get("_key")
    key = ("win", key0, cls, code, args["start"], args["end"])
    if cache is not None and key in cache:
        return cache[key]
    sub = detail[(detail["commodity"] == code) & (detail["classification"] == cls)]
    got = derive.window_value(sub, commodity=code, classification=cls, **args)
    if cache is not None:
        cache[key] = got
    return got


def _code_value(
    detail: pd.DataFrame, cls: str, code: str, kw: dict
) -> tuple[list[tuple[int, str, derive.WindowValue]] | None, bool]:
    """Pieces for one SITC code: its own row, else the sum of its children (recursively).
    Returns (pieces or None, whether any finer rows exist under the code)."""
    codes = set(detail.loc[detail["classification"] == cls, "commodity"].astype(str))
    if code in codes:
        wv = _code_window(detail, code, cls, kw)
        return ([(1, code, wv)] if wv is not None else None), True
    children = sorted(c for c in codes if c.startswith(code) and len(c) > len(code))
    if not children:
        return None, False
    depth = min(len(c) for c in children)
    pieces: list[tuple[int, str, derive.WindowValue]] = []
    for c in (c for c in children if len(c) == depth):
        wv = _code_window(detail, c, cls, kw)
        if wv is None:
            return None, True
        pieces.append((1, c, wv))
    return pieces, True


def _sitc_value(
    detail: pd.DataFrame, d: Definition, cls: str, kw: dict
) -> tuple[ScopedValue | None, str]:
    pieces: list[tuple[int, str, derive.WindowValue]] = []
    notes: list[str] = []
    missing: list[str] = []
    for s in d.sections:
        got, exists = _code_value(detail, cls, s, kw)
        if got is None:
            if exists:
                return None, f"SITC {s} rows do not cover {kw['start']}..{kw['end']}"
            missing.append(s)
            continue
        pieces += got
    if len(missing) == len(d.sections):
        return None, f"no SITC section {'-'.join(d.sections)} rows for this window"
    if missing:
        notes.append(f"no row for SITC section(s) {', '.join(missing)}: counted as zero")
    for x in d.exclude:
        got, exists = _code_value(detail, cls, x, kw)
        if got is None:
            parent = x[:-1]
            finer = any(
                c.startswith(parent) and len(c) >= len(x)
                for c in set(detail.loc[detail["classification"] == cls, "commodity"].astype(str))
            )
            if exists or not finer:
                return None, (
                    f"SITC {x} cannot be separated: the data stop at a coarser level"
                    if not exists
                    else f"SITC {x} rows do not cover the window"
                )
            notes.append(f"no row for SITC {x}: counted as zero")
            continue
        pieces += [(-1, c, wv) for _, c, wv in got]
    value = float(sum(sg * wv.value for sg, _, wv in pieces))
    return ScopedValue(value, d, cls, False, pieces, notes), ""


def _hs_value(
    detail: pd.DataFrame, d: Definition, cls: str, kw: dict
) -> tuple[ScopedValue | None, str]:
    cmap = hs_chapter_map()
    rows = detail[detail["classification"] == cls]
    codes = sorted(set(rows["commodity"].astype(str)))
    depth = min(len(c) for c in codes)  # coarsest level present only: never double count
    level = [c for c in codes if len(c) == depth]
    excluded = {ch for x in d.exclude for ch in _HS_EXCLUDE.get(x, ())}
    pieces: list[tuple[int, str, derive.WindowValue]] = []
    mixed: list[str] = []
    unknown: list[str] = []
    for code in level:
        ch = code[:2]
        info = cmap.get(ch)
        if info is None:
            unknown.append(code)
            continue
        if info["sitc_section"] not in d.sections or ch in excluded:
            continue
        wv = _code_window(detail, code, cls, kw)
        if wv is None:
            return None, f"HS {code} rows do not cover {kw['start']}..{kw['end']}"
        pieces.append((1, code, wv))
        if info["mixed"] == "yes":
            mixed.append(ch)
    if not pieces:
        return None, "no HS rows of SITC sections " + "-".join(d.sections) + " for this window"
    notes = [
        "approximate: HS chapters mapped to SITC sections at chapter level",
    ]
    if mixed:
        notes.append("chapters straddling SITC sections: " + ", ".join(sorted(set(mixed))))
    if unknown:
        notes.append("codes not in the HS chapter table ignored: " + ", ".join(unknown))
    value = float(sum(wv.value for _, _, wv in pieces))
    return ScopedValue(value, d, cls, True, pieces, notes), ""
