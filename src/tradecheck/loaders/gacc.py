"""China customs (GACC) files: query-platform CSV and monthly bulletin table (2) by country.

Formats (docs/source_formats.md, "China customs"):

``gacc_query_csv``
    CSV downloaded from stats.customs.gov.cn (``queryData/downloadQueryData``). GB18030/GBK
    bytes (UTF-8 only when a BOM says so), Chinese headers (``数据年月, 商品编码, 商品名称,
    贸易伙伴编码, 贸易伙伴名称, ..., 美元`` or ``人民币``), numbers like ``"1,234"``, quoted
    fields with embedded newlines. The flow is not a column: it comes from the file name
    (``export``/``出口`` -> X, ``import``/``进口`` -> M) or ``flow=``. Without ``数据年月`` the
    period comes from ``period="2024-01..2024-06"``. Value unit: **whole US$ / yuan is
    unverified** (spec §4.1); ``unit=`` (multiplier, default 1) overrides it.
``gacc_bulletin_csv`` / ``gacc_bulletin_xlsx``
    Monthly bulletin table (2) 进出口商品国别(地区)总值表: two header rows (进出口 / 出口 / 进口
    × 当月 / 1至当月累计, then 累计比去年同期±%), unit 千美元 (×1000) or 万元 (×10^4 CNY).
    Emits exports (X) and imports (M) for the month (m..m) and year to date (Jan..m), and the
    进出口 columns as flow ``T`` (total trade = X + M, as published). YoY % columns are not
    values and are ignored. Year and month come from the title (``2024年6月``) or
    ``year=``/``month=``.

Library choice: :mod:`csv` (handles quoted newlines; keeps 商品编码 as text so leading zeros
survive) and :mod:`openpyxl` for the xlsx edition.

Valuation: China customs values exports FOB and imports CIF.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pandas as pd

from tradecheck import countries
from tradecheck.errors import LoadError, UnknownCountryError
from tradecheck.loaders import report
from tradecheck.loaders.base import (
    decode_text,
    display_path,
    file_vintage,
    float_option,
    int_option,
    month_range_option,
    read_xlsx_sheet,
    register,
    row_cell,
    to_float,
    xlsx_text,
)
from tradecheck.loaders.base import finish_frame as _finish

VALUE_COLUMNS = {"美元": "USD", "人民币": "CNY"}
KNOWN_COLUMNS = (
    "数据年月",
    "商品编码",
    "商品名称",
    "贸易伙伴编码",
    "贸易伙伴名称",
    "贸易方式编码",
    "贸易方式名称",
    "注册地编码",
    "注册地名称",
    "第一数量",
    "第一计量单位",
    "第二数量",
    "第二计量单位",
    "美元",
    "人民币",
)
#: GACC partner codes that are groups or residuals, not countries (spec §4.1).
GROUP_CODES = {"100", "200", "300", "400", "500", "600", "701", "702", "999"}
#: Group rows of the bulletin table (2) (continents, blocs); skipped and counted.
GROUP_NAMES = {
    "亚洲",
    "非洲",
    "欧洲",
    "拉丁美洲",
    "北美洲",
    "大洋洲",
    "东南亚国家联盟",
    "东盟",
    "欧洲联盟",
    "欧盟",
    "亚太经济合作组织",
    "金砖国家",
    "区域全面经济伙伴关系协定",
    "RCEP",
    "一带一路沿线国家",
    "中东欧国家",
    "上海合作组织",
    "独联体国家",
    "国(地)别不详",
    "国（地）别不详",
    "联合国及机构和国际组织",
    "中性包装原产国别",
}
_UNITS = {
    "千美元": ("USD", 1e3),
    "万美元": ("USD", 1e4),
    "百万美元": ("USD", 1e6),
    "亿美元": ("USD", 1e8),
    "万元": ("CNY", 1e4),
    "亿元": ("CNY", 1e8),
    "千元": ("CNY", 1e3),
}
_VALUATION = {"X": "FOB", "M": "CIF", "T": "unknown"}


def decode_gacc(path: Path, data: bytes) -> str:
    """Decode a China-customs download: UTF-8 if it starts with a BOM, else GB18030.

    Raises
    ------
    LoadError
        If the bytes are not valid GB18030 (e.g. a file re-saved in another code page).
    """
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise LoadError(
                path, f"starts with a UTF-8 BOM but is not UTF-8 (byte {exc.start})"
            ) from None
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise LoadError(
            path,
            "cannot decode as GB18030/GBK (the China-customs download encoding) "
            f"at byte {exc.start}; "
            "re-download the file or save it as UTF-8 with a BOM",
            row=line,
        ) from None


def _looks_gb(head: bytes) -> str:
    try:
        return (
            head.decode("utf-8-sig")
            if head.startswith(b"\xef\xbb\xbf")
            else head.decode("gb18030", "ignore")
        )
    except UnicodeDecodeError:  # pragma: no cover
        return ""


def sniff_query(path: Path, head: bytes) -> float:
    """Header with a 美元/人民币 value column and GACC dimension names."""
    first = _looks_gb(head[:8192]).split("\n", 1)[0]
    cols = [c.strip().strip('"') for c in first.split(",")]
    if not any(c in VALUE_COLUMNS for c in cols):
        return 0.0
    if any(c in cols for c in ("贸易伙伴编码", "贸易伙伴名称", "商品编码", "数据年月")):
        return 0.95
    return 0.0


def _flow_from(path: Path, options: dict[str, Any]) -> str:
    opt = options.get("flow")
    if opt:
        f = str(opt).strip()
        m = {
            "x": "X",
            "export": "X",
            "exports": "X",
            "出口": "X",
            "0": "X",
            "m": "M",
            "import": "M",
            "imports": "M",
            "进口": "M",
            "1": "M",
        }.get(f.lower(), None)
        if m is None:
            raise LoadError(
                path, f"flow={opt!r} not understood; use flow='X' (出口) or flow='M' (进口)"
            )
        return m
    name = path.name.lower()
    ex = bool(re.search(r"export|出口", name))
    im = bool(re.search(r"import|进口", name))
    if ex != im:
        return "X" if ex else "M"
    why = "both 'export' and 'import'" if ex else "neither 'export'/'出口' nor 'import'/'进口'"
    raise LoadError(
        path,
        f"the flow is not a column of a China-customs query CSV and the file name has {why}; "
        "rename the file (e.g. export-2024.csv) or pass flow='X' or flow='M' "
        "(CLI: tradecheck load FILE --flow M)",
    )


def _period_option(path: Path, options: dict[str, Any]) -> tuple[str, str] | None:
    opt = options.get("period")
    return month_range_option(path, "period", opt) if opt else None


def _query_header(p: Path, text: str) -> list[str]:
    """The header of a query CSV (first record, BOM and blanks stripped); trailing empty
    records are ignored, and a file with no record at all is a :class:`LoadError`."""
    rows_raw = list(csv.reader(io.StringIO(text, newline="")))
    while rows_raw and not any(c.strip() for c in rows_raw[-1]):
        rows_raw.pop()
    if not rows_raw:
        raise LoadError(p, "the file has no header row")
    return [h.strip().strip("\ufeff") for h in rows_raw[0]]


def _query_value_column(
    p: Path, header: list[str], idx: dict[str, int], options: dict[str, Any]
) -> str:
    """The value column read (美元 before 人民币, or the one ``currency=`` asks for)."""
    vcols = [c for c in VALUE_COLUMNS if c in idx]
    if not vcols:
        raise LoadError(
            p,
            "no value column: expected a column named 美元 (US$) or 人民币 (yuan); header was: "
            + ", ".join(header),
            row=1,
        )
    want = options.get("currency")
    if want:
        vcols = [c for c in vcols if VALUE_COLUMNS[c] == str(want).upper()]
        if not vcols:
            raise LoadError(
                p, f"currency={want!r} requested but the file has no such value column", row=1
            )
    return vcols[0]


def _query_fixed_period(
    p: Path, idx: dict[str, int], options: dict[str, Any]
) -> tuple[str, str] | None:
    """The months of every row when there is no 数据年月 column (``period=``, required then);
    None when each row says its month."""
    if "数据年月" in idx:
        return None
    fixed_period = _period_option(p, options)
    if fixed_period is None:
        raise LoadError(
            p,
            "no 数据年月 (YYYYMM) column, so the period must be given: pass "
            "period='2024-01..2024-06' (the months of the query)",
            row=1,
        )
    return fixed_period


@dataclass(frozen=True)
class _Query:
    """What every record of one query CSV shares: file, columns, flow, period, unit."""

    path: Path
    idx: dict[str, int]
    vcol: str
    flow: str
    fixed_period: tuple[str, str] | None
    unit: float
    vintage: str
    unknown_skip: bool

    def cell(self, rec: list[str], name: str) -> str:
        """The stripped cell of column ``name`` in ``rec`` ("" when absent or short)."""
        return row_cell(rec, self.idx, name)


def _records(text: str) -> Iterator[tuple[int, list[str]]]:
    """Data records of a CSV after its header, each with the physical line it starts on
    (a quoted field may span lines); blank records are skipped."""
    reader = csv.reader(io.StringIO(text, newline=""))
    next(reader)
    line = reader.line_num + 1
    for rec in reader:
        n = line
        line = reader.line_num + 1
        if any(c.strip() for c in rec):
            yield n, rec


def _query_months(q: _Query, rec: list[str], n: int) -> tuple[str, str]:
    """First and last month of a record: the fixed period, else its 数据年月 (YYYYMM)."""
    if q.fixed_period:
        return q.fixed_period
    ym = q.cell(rec, "数据年月")
    if not re.fullmatch(r"\d{6}", ym) or not 1 <= int(ym[4:]) <= 12:
        raise LoadError(q.path, f"数据年月 {ym!r} is not YYYYMM", row=n, column="数据年月")
    return f"{ym[:4]}-{ym[4:]}", f"{ym[:4]}-{ym[4:]}"


def _query_partner(q: _Query, rec: list[str], n: int, dropped: Counter[str]) -> str | None:
    """ISO3 of a record's partner (``W00`` when no partner column is filled): by 贸易伙伴编码,
    else by name. None for a group code/name, or an unknown partner with ``unknown="skip"``
    (both counted in ``dropped``)."""
    code, pname = q.cell(rec, "贸易伙伴编码"), q.cell(rec, "贸易伙伴名称")
    if not (code or pname):
        return "W00"
    if code in GROUP_CODES or pname in GROUP_NAMES:
        dropped["group/unspecified partner"] += 1
        return None
    try:
        return countries.to_iso3(code, "gacc") if code else countries.to_iso3(pname)
    except UnknownCountryError as exc:
        try:
            partner = countries.to_iso3(pname) if pname else ""
        except UnknownCountryError:
            partner = ""
        if partner:
            return partner
        if q.unknown_skip:
            dropped["unknown partner"] += 1
            return None
        raise LoadError(
            q.path, f"{exc} (贸易伙伴名称 {pname!r})", row=n, column="贸易伙伴编码"
        ) from None


def _query_commodity(q: _Query, rec: list[str], n: int) -> str:
    """A record's 商品编码 (``TOTAL`` when empty); anything but digits is a :class:`LoadError`."""
    commodity = q.cell(rec, "商品编码") or "TOTAL"
    if commodity != "TOTAL" and not commodity.isdigit():
        raise LoadError(
            q.path, f"商品编码 {commodity!r} is not a numeric HS/CN code", row=n, column="商品编码"
        )
    return commodity


def _query_value(q: _Query, rec: list[str], n: int) -> float | None:
    """A record's value times ``unit``; None for an empty or ``-`` cell; negative is an error."""
    raw = q.cell(rec, q.vcol)
    if raw in ("", "-"):
        return None
    v = to_float(q.path, raw, row=n, column=q.vcol) * q.unit
    if v < 0:
        raise LoadError(q.path, f"negative trade value {raw!r}", row=n, column=q.vcol)
    return v


def _query_row(q: _Query, key: tuple[str, str, str, str], v: float, n: int) -> dict[str, Any]:
    """The canonical row (with its ``_lines``) of the first record of ``key`` (start, end,
    partner, commodity)."""
    start, end, partner, commodity = key
    return {
        "reporter": "CHN",
        "partner": partner,
        "flow": q.flow,
        "period_start": start,
        "period_end": end,
        "commodity": commodity,
        "value": v,
        "currency": VALUE_COLUMNS[q.vcol],
        "valuation": _VALUATION[q.flow],
        "source": "gacc",
        "source_file": display_path(q.path),
        "source_ref": f"line {n}",
        "vintage": q.vintage,
        "classification": "HS" if commodity != "TOTAL" else "TOTAL",
        "estimate": False,
        "_lines": [n],
    }


def _query_noted(q: _Query, rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The summed rows with their ``note`` (value column, unit, and the lines summed)."""
    out = []
    for r in rows:
        lines = r.pop("_lines")
        r["note"] = f"GACC query; value column {q.vcol}; unit x{q.unit:g} (whole units unverified)"
        if len(lines) > 1:
            shown = ", ".join(map(str, lines[:10])) + ("..." if len(lines) > 10 else "")
            r["note"] += f"; sum of {len(lines)} lines ({shown})"
        out.append(r)
    return out


@register(
    "gacc_query_csv",
    source="gacc",
    sniff=sniff_query,
    description=(
        "China customs query-platform CSV (GB18030; 美元/人民币; flow from file name or flow=)"
    ),
    extensions=(".csv",),
)
def load_query_csv(path: str | Path, **options: Any) -> pd.DataFrame:
    """Read a stats.customs.gov.cn query download (source ``gacc``, reporter ``CHN``).

    Parameters
    ----------
    path
        The CSV as downloaded.
    **options
        ``flow``: ``"X"``/``"M"`` when the file name does not say it; ``period``:
        ``"2024-01..2024-06"`` when there is no 数据年月 column; ``currency``: ``"USD"`` or
        ``"CNY"`` when both value columns exist; ``unit``: value multiplier (default 1, whole
        units, **unverified**); ``unknown="skip"`` to skip unresolvable partners; ``vintage``.

    Returns
    -------
    pandas.DataFrame
        Canonical rows. Rows that differ only in dimensions the canonical table does not keep
        (贸易方式, 注册地) are summed; ``note`` says how many lines were summed.

    Raises
    ------
    LoadError
        Wrong encoding, no value column, no flow, no period, non-numeric value, unknown
        partner code.

    Examples
    --------
    >>> df = load_query_csv("tests/fixtures/gacc/export-2024-01_02_belarus.csv")  # doctest: +SKIP
    """
    p = Path(path)
    text = decode_gacc(p, p.read_bytes())
    header = _query_header(p, text)
    idx = {h: i for i, h in enumerate(header) if h in KNOWN_COLUMNS}
    vcol = _query_value_column(p, header, idx, options)
    flow = _flow_from(p, options)
    fixed_period = _query_fixed_period(p, idx, options)
    unit = float_option(p, "unit", options.get("unit", 1), lo=0, hi=1e12)
    vintage = options.get("vintage") or file_vintage(p)
    q = _Query(p, idx, vcol, flow, fixed_period, unit, vintage, options.get("unknown") == "skip")
    dropped: Counter[str] = Counter()
    extra = [h for h in header if h and h not in KNOWN_COLUMNS]
    if extra:
        dropped[f"unknown column(s) ignored: {', '.join(extra)}"] += 1
    agg: dict[tuple[str, str, str, str], dict[str, Any]] = {}
    for n, rec in _records(text):
        start, end = _query_months(q, rec, n)
        partner = _query_partner(q, rec, n, dropped)
        if partner is None:
            continue
        key = (start, end, partner, _query_commodity(q, rec, n))
        v = _query_value(q, rec, n)
        if v is None:
            dropped["empty value"] += 1
        elif key in agg:
            agg[key]["value"] += v
            agg[key]["_lines"].append(n)
        else:
            agg[key] = _query_row(q, key, v, n)
    out = _query_noted(q, agg.values())
    if not out and not dropped:
        raise LoadError(p, "no data rows")
    return _finish(out, dropped, p)


# --------------------------------------------------------------------------- bulletin

_TITLE_RE = re.compile(r"(\d{4})\s*年\s*(?:1\s*[-至~—]\s*)?(\d{1,2})\s*月")


def sniff_bulletin_csv(path: Path, head: bytes) -> float:
    t = _looks_gb(head[:8192])
    if "国别" in t and "当月" in t and "出口" in t and "进口" in t:
        return 0.9
    return 0.0


def sniff_bulletin_xlsx(path: Path, head: bytes) -> float:
    if not head.startswith(b"PK"):
        return 0.0
    t = xlsx_text(path)
    if "国别" in t and "当月" in t and "出口" in t and "进口" in t:
        return 0.9
    return 0.0


@register(
    "gacc_bulletin_csv",
    source="gacc",
    sniff=sniff_bulletin_csv,
    description="China customs monthly bulletin table (2) by country, CSV (千美元)",
    extensions=(".csv",),
)
def load_bulletin_csv(path: str | Path, **options: Any) -> pd.DataFrame:
    """Read bulletin table (2) saved as CSV (GB18030 or UTF-8 with BOM). See
    :func:`load_bulletin_xlsx` for the layout and options."""
    p = Path(path)
    text = decode_gacc(p, p.read_bytes())
    grid: list[list[Any]] = [list(r) for r in csv.reader(io.StringIO(text, newline=""))]
    return _bulletin(p, grid, options, sheet=None)


@register(
    "gacc_bulletin_xlsx",
    source="gacc",
    sniff=sniff_bulletin_xlsx,
    description="China customs monthly bulletin table (2) by country, xlsx (千美元)",
    extensions=(".xlsx",),
)
def load_bulletin_xlsx(path: str | Path, **options: Any) -> pd.DataFrame:
    """Read bulletin table (2) 进出口商品国别(地区)总值表 (source ``gacc``, reporter ``CHN``).

    Layout: a title with the year and month (``2024年6月``), a unit line (``单位：千美元``),
    two header rows (进出口/出口/进口/累计比去年同期±% over 当月/1至当月累计), then one row per
    country or group. ``总值`` becomes partner ``W00``; groups (亚洲, 欧盟, ...) are skipped
    and counted; ``-`` (nil) becomes 0.

    Parameters
    ----------
    path
        The workbook (first sheet read unless ``sheet=`` is given).
    **options
        ``year``, ``month`` when the title does not give them; ``unit`` (e.g. ``"千美元"``)
        when there is no unit line; ``unknown="skip"``; ``vintage``.

    Raises
    ------
    LoadError
        No title period, no unit, header not found, non-numeric cell, unknown country.
    """
    p = Path(path)
    grid, title = read_xlsx_sheet(p, options.get("sheet"))
    return _bulletin(p, grid, options, sheet=title)


def _s(v: Any) -> str:
    return "" if v is None else re.sub(r"\s+", "", str(v))


def _header_row(p: Path, grid: list[list[Any]]) -> int:
    """Index of the bulletin's first header row: a row (among the first 30) with 出口 and 进口,
    followed by a row with 当月; a :class:`LoadError` when there is none."""
    for i, r in enumerate(grid[:30]):
        cells = [_s(v) for v in r]
        if (
            "出口" in cells
            and "进口" in cells
            and i + 1 < len(grid)
            and any("当月" in _s(v) for v in grid[i + 1])
        ):
            return i
    raise LoadError(
        p,
        "header not found: expected a row with 进出口 / 出口 / 进口 and below it "
        "当月 / 1至当月累计 (bulletin table (2) layout)",
    )


def _year_month_options(p: Path, options: dict[str, Any]) -> tuple[int | None, int | None]:
    """The ``year=`` and ``month=`` options as whole numbers (None when not given); any other
    value is a :class:`LoadError` naming the option.

    Examples
    --------
    >>> _year_month_options(Path("t.csv"), {"year": "2024", "month": 6})
    (2024, 6)
    """
    year, month = options.get("year"), options.get("month")
    return (
        None if year is None else int_option(p, "year", year, lo=1900, hi=2100),
        None if month is None else int_option(p, "month", month, lo=1, hi=12),
    )


def _title_month(p: Path, above: str, options: dict[str, Any]) -> tuple[int, int]:
    """Year and month of the bulletin: ``year=``/``month=`` options, else the title
    (``2024年6月`` in the text ``above`` the header)."""
    year, month = _year_month_options(p, options)
    m = _TITLE_RE.search(above)
    if (year is None or month is None) and m:
        year, month = year or int(m[1]), month or int(m[2])
    if year is None or month is None:
        raise LoadError(
            p,
            "year and month not found in the title (e.g. 2024年6月); pass year= and month=",
            row=1,
        )
    if not 1 <= month <= 12:
        raise LoadError(p, f"month {month} out of range")
    return year, month


def _unit_label(p: Path, above: str, h1: int, options: dict[str, Any]) -> str:
    """The value unit (a key of :data:`_UNITS`): ``unit=``, else the unit line above the
    header (``单位：千美元``, ``(千美元)``); longest labels are tried first."""
    unit_label = options.get("unit")
    if unit_label is None:
        for u in sorted(_UNITS, key=len, reverse=True):
            if (
                re.search(rf"(单位|Unit)[:：]?\s*{u}", above)
                or f"({u})" in above
                or f"（{u}）" in above
            ):
                unit_label = u
                break
    if unit_label is None or unit_label not in _UNITS:
        raise LoadError(
            p,
            f"unit line not found or not understood (expected 单位：千美元 or 万元; got "
            f"{unit_label!r}); pass unit='千美元'",
            row=h1,
        )
    return str(unit_label)


def _value_columns(p: Path, top: list[str], sub: list[str], h1: int) -> dict[int, tuple[str, str]]:
    """Column index -> (flow, ``"month"`` or ``"ytd"``) from the two header rows ``top`` (进出口
    / 出口 / 进口, spanning to the right) and ``sub`` (当月 / 1至当月累计); YoY % groups are left
    out. Exports and imports of the month must be present."""
    group = ""
    colmap: dict[int, tuple[str, str]] = {}
    for j in range(max(len(top), len(sub))):
        t = top[j] if j < len(top) else ""
        if t:
            group = t
        s = sub[j] if j < len(sub) else ""
        flow = {"进出口": "T", "出口": "X", "进口": "M"}.get(group)
        if flow is None or "%" in group or "比" in group:
            continue
        if s == "当月":
            colmap[j] = (flow, "month")
        elif "累计" in s:
            colmap[j] = (flow, "ytd")
    if not {("X", "month"), ("M", "month")} <= set(colmap.values()):
        raise LoadError(p, "header lacks 出口 当月 / 进口 当月 columns", row=h1 + 1)
    return colmap


@dataclass(frozen=True)
class _Sheet:
    """What every row of one bulletin table shares: file, period, unit and value columns."""

    path: Path
    sheet: str | None
    year: int
    month: int
    unit_label: str
    colmap: dict[int, tuple[str, str]]
    vintage: str
    unknown_skip: bool

    @property
    def ym(self) -> str:
        """The bulletin's month, ``YYYY-MM``."""
        return f"{self.year:04d}-{self.month:02d}"


def _bulletin_partner(t: _Sheet, label: str, n: int, dropped: Counter[str]) -> str | None:
    """ISO3 of a row label (``总值`` -> ``W00``); None for a group row or, with
    ``unknown="skip"``, an unknown country (both counted in ``dropped``)."""
    if label in ("总值", "总计", "合计", "Total"):
        return "W00"
    if label in GROUP_NAMES:
        dropped["group row"] += 1
        return None
    try:
        return countries.to_iso3(label)
    except UnknownCountryError as exc:
        if t.unknown_skip:
            dropped["unknown country row"] += 1
            return None
        raise LoadError(
            t.path, f"{exc} (a group row? pass unknown='skip')", row=n, column="国别(地区)"
        ) from None


def _bulletin_cells(t: _Sheet, r: list[Any], n: int, partner: str) -> list[dict[str, Any]]:
    """Canonical rows of one country row ``r`` (line ``n``): one per non-empty value column;
    ``-`` (nil) is 0 and noted; the year-to-date columns of January are skipped (they repeat
    the month)."""
    currency, mult = _UNITS[t.unit_label]
    out = []
    for j, (flow, kind) in t.colmap.items():
        if kind == "ytd" and t.month == 1:
            continue  # Jan..Jan equals the month column; keep one row
        raw = r[j] if j < len(r) else None
        if raw is None or _s(raw) == "":
            continue
        nil = _s(raw) in ("-", "—")
        flow_zh = {"T": "进出口", "X": "出口", "M": "进口"}[flow]
        col = f"{flow_zh} {'当月' if kind == 'month' else '累计'}"
        v = 0.0 if nil else to_float(t.path, raw, row=n, column=col)
        out.append(
            {
                "reporter": "CHN",
                "partner": partner,
                "flow": flow,
                "period_start": t.ym if kind == "month" else f"{t.year:04d}-01",
                "period_end": t.ym,
                "commodity": "TOTAL",
                "value": v * mult,
                "currency": currency,
                "valuation": _VALUATION[flow],
                "source": "gacc",
                "source_file": display_path(t.path),
                "source_ref": f"sheet {t.sheet} row {n} col {j + 1}" if t.sheet else f"line {n}",
                "vintage": t.vintage,
                "classification": "TOTAL",
                "estimate": False,
                "note": (
                    "bulletin table (2); "
                    + ("'-' (nil) in source; " if nil else "")
                    + ("T = exports + imports as published; " if flow == "T" else "")
                    + f"unit {t.unit_label}"
                ),
            }
        )
    return out


def _bulletin(
    p: Path, grid: list[list[Any]], options: dict[str, Any], sheet: str | None
) -> pd.DataFrame:
    """Canonical rows of bulletin table (2) read as a ``grid`` of cells (CSV or one sheet).

    Steps: find the header → year and month from the title → unit → value columns → one
    partner per row below the header (groups skipped and counted) → its value cells.
    """
    h1 = _header_row(p, grid)
    above = " ".join(_s(v) for r in grid[:h1] for v in r if _s(v))
    year, month = _title_month(p, above, options)
    unit_label = _unit_label(p, above, h1, options)
    colmap = _value_columns(p, [_s(v) for v in grid[h1]], [_s(v) for v in grid[h1 + 1]], h1)
    vintage = options.get("vintage") or file_vintage(p)
    t = _Sheet(p, sheet, year, month, unit_label, colmap, vintage, options.get("unknown") == "skip")
    dropped: Counter[str] = Counter()
    out = []
    for i in range(h1 + 2, len(grid)):
        r = grid[i]
        label = re.sub(r"^[\d\s.、]+", "", _s(r[0]) if r else "")
        if not label or label.startswith(("注", "资料来源", "Note")):
            continue
        partner = _bulletin_partner(t, label, i + 1, dropped)
        if partner is not None:
            out.extend(_bulletin_cells(t, r, i + 1, partner))
    if not out:
        raise LoadError(p, "no data rows under the header")
    return _finish(out, dropped, p)


# --------------------------------------------------------------------------- English bulletin
# The English edition of bulletin table (2) (english.customs.gov.cn), as a web page or an
# Excel-97 .xls: a title ending ",<month>.<year>", "Unit:US$1,000", a header row
# Country (Region) / Total / Exports / Imports / Percentage Change and below it the month
# ("6") and "1to6" (January: one column per group, the month being the year to date), then
# year-on-year % for Total, Exports, Imports. Layout notes: docs/loaders.md.

_EN_TITLE_RE = re.compile(r"Origin/Destination\s*,\s*(\d{1,2})\.(\d{4})", re.IGNORECASE)
_EN_UNITS = {"US$1,000": ("USD", 1e3), "US$10,000": ("USD", 1e4)}
_EN_FLOWS = {"total": "T", "exports": "X", "imports": "M"}
#: Cells that stand for a missing value: "-" (nil / not shown) and "############" (the value
#: overflowed the cell of the spreadsheet the page was made from). Never read as zero.
EN_MISSING = re.compile(r"^(-|—|#+)$")
#: The load-report reason under which such cells are counted.
MISSING_CELLS = "missing values ('-' or '############', not zero)"
_EN_GROUPS = {"asia", "africa", "europe", "latin america", "north america", "oceania"}


class _TableGrid(HTMLParser):
    """Rows of the first ``<table>`` of a page as text cells, ``colspan``/``rowspan``
    expanded (a spanned cell's text is repeated in every column/row it covers)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self.outside: list[str] = []
        self._depth = 0
        self._done = False
        self._cell: list[str] | None = None
        self._span = (1, 1)
        self._pending: dict[tuple[int, int], str] = {}  # (row, col) filled by a rowspan

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._done:
            return
        if tag == "table":
            self._depth += 1
        elif tag == "tr" and self._depth == 1:
            self.rows.append([])
            self._fill_pending()
        elif tag in ("td", "th") and self._depth == 1 and self.rows:
            a = dict(attrs)
            self._span = (_span(a.get("rowspan")), _span(a.get("colspan")))
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            text = re.sub(r"\s+", " ", "".join(self._cell).replace("\xa0", " ")).strip()
            rowspan, colspan = self._span
            r = len(self.rows) - 1
            for _ in range(colspan):
                c = len(self.rows[-1])
                self.rows[-1].append(text)
                for k in range(1, rowspan):
                    self._pending[(r + k, c)] = text
                self._fill_pending()
            self._cell = None
        elif tag == "table" and self._depth:
            self._depth -= 1
            self._done = self._depth == 0

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        elif not self._depth:
            self.outside.append(data)

    def _fill_pending(self) -> None:
        r = len(self.rows) - 1
        while (r, len(self.rows[-1])) in self._pending:
            self.rows[-1].append(self._pending.pop((r, len(self.rows[-1]))))


def _span(v: str | None) -> int:
    """A ``rowspan``/``colspan`` value, bounded (1..50) so a hostile page cannot blow up."""
    return min(max(int(v), 1), 50) if v and v.strip().isdigit() else 1


def sniff_bulletin_html(path: Path, head: bytes) -> float:
    """An HTML page with the English bulletin table (2) title."""
    t = head[:65536].decode("utf-8", "replace")
    if "<table" in t.lower() and "Imports and Exports by Country" in t:
        return 0.9
    return 0.0


def _xls_grid(path: Path, sheet: str | None) -> tuple[list[list[Any]], str]:
    """First (or named) sheet of an Excel-97 workbook, merged cells expanded like spans."""
    import xlrd

    try:
        book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True)
    except Exception as exc:  # noqa: BLE001 - xlrd raises many kinds for broken files
        raise LoadError(
            path, f"cannot open as an Excel-97 .xls workbook ({type(exc).__name__}: {exc})"
        ) from None
    try:
        ws = book.sheet_by_name(sheet) if sheet else book.sheet_by_index(0)
        grid = [[ws.cell_value(r, c) for c in range(ws.ncols)] for r in range(ws.nrows)]
        for r0, r1, c0, c1 in ws.merged_cells:
            for r in range(r0, min(r1, len(grid))):
                for c in range(c0, min(c1, ws.ncols)):
                    grid[r][c] = grid[r0][c0]
        return grid, ws.name
    finally:
        book.release_resources()


def sniff_bulletin_xls(path: Path, head: bytes) -> float:
    """An Excel-97 (OLE2) workbook whose first rows hold a bulletin table (2) header."""
    if not head.startswith(b"\xd0\xcf\x11\xe0"):
        return 0.0
    try:
        grid, _ = _xls_grid(path, None)
    except LoadError:
        return 0.0
    text = " ".join(str(v) for r in grid[:12] for v in r)
    if ("Exports" in text and "Imports" in text and "Country" in text) or (
        "国别" in text and "出口" in text
    ):
        return 0.9
    return 0.0


@register(
    "gacc_bulletin_html",
    source="gacc",
    sniff=sniff_bulletin_html,
    description="China customs English monthly bulletin table (2) by country, web page",
    extensions=(".html", ".htm"),
)
def load_bulletin_html(path: str | Path, **options: Any) -> pd.DataFrame:
    """Read the English bulletin table (2) as published on english.customs.gov.cn.

    See :func:`bulletin_en` for the layout and what becomes a row; the page date
    (``2026/07/22``) is the vintage unless a sidecar gives one.
    """
    p = Path(path)
    parser = _TableGrid()
    text, _enc = decode_text(p, p.read_bytes(), ("utf-8-sig", "gb18030"))
    parser.feed(text)
    if not parser.rows:
        raise LoadError(p, "no <table> in the page: expected bulletin table (2)")
    found = re.search(r"(\d{4})/(\d{2})/(\d{2})", " ".join(parser.outside))
    default = "-".join(found.groups()) if found else None
    options = {**options, "vintage": options.get("vintage") or file_vintage(p, default)}
    return bulletin_en(p, parser.rows, options, ref="table row")


@register(
    "gacc_bulletin_xls",
    source="gacc",
    sniff=sniff_bulletin_xls,
    description="China customs monthly bulletin table (2) by country, Excel-97 .xls",
    extensions=(".xls",),
)
def load_bulletin_xls(path: str | Path, **options: Any) -> pd.DataFrame:
    """Read bulletin table (2) saved as Excel-97 ``.xls`` (English or Chinese edition)."""
    p = Path(path)
    grid, title = _xls_grid(p, options.get("sheet"))
    text = " ".join(str(v) for r in grid[:12] for v in r)
    if "Exports" in text and "Imports" in text:
        return bulletin_en(p, grid, options, ref=f"sheet {title} row")
    return _bulletin(p, grid, options, sheet=title)


def _en_header(p: Path, grid: list[list[str]]) -> int:
    """Index of the row ``Country (Region) | Total | Exports | Imports | ...``."""
    for i, r in enumerate(grid[:30]):
        cells = {c.casefold() for c in r}
        if {"total", "exports", "imports"} <= cells and i + 1 < len(grid):
            return i
    raise LoadError(
        p,
        "header not found: expected a row 'Country (Region) | Total | Exports | Imports | "
        "Percentage Change' (bulletin table (2), English edition)",
    )


def _en_columns(
    p: Path, top: list[str], sub: list[str], month: int, row: int
) -> tuple[dict[int, tuple[str, str]], dict[int, str]]:
    """Value columns ``{j: (flow, "month"|"ytd")}`` and YoY % columns ``{j: flow}``."""
    values: dict[int, tuple[str, str]] = {}
    yoy: dict[int, str] = {}
    for j in range(1, min(len(top), len(sub))):
        group, s = top[j].casefold(), re.sub(r"\s+", "", sub[j]).casefold()
        if group.startswith("percentage") and s in _EN_FLOWS:
            yoy[j] = _EN_FLOWS[s]
        elif group in _EN_FLOWS and s == str(month):
            values[j] = (_EN_FLOWS[group], "month")
        elif group in _EN_FLOWS and s == f"1to{month}":
            values[j] = (_EN_FLOWS[group], "ytd")
    kinds = {k for _, k in values.values()}
    if {f for f, _ in values.values()} != {"T", "X", "M"} or (
        month > 1 and kinds != {"month", "ytd"}
    ):
        raise LoadError(
            p,
            f"header does not match month {month}: expected Total/Exports/Imports over "
            f"'{month}'" + (f" and '1to{month}'" if month > 1 else "") + f", got {sub}",
            row=row,
        )
    return values, yoy


def bulletin_en(
    p: Path, grid: list[list[Any]], options: dict[str, Any], *, ref: str
) -> pd.DataFrame:
    """Canonical rows of the English bulletin table (2) (reporter ``CHN``, source ``gacc``).

    For each country row: exports (X), imports (M) and total (T = X + M, as published) for
    the month and for January..month (January: the month only, which is also the year to
    date). The year-on-year percentages are kept as published, in the ``note`` of the row
    they describe (January..month; January: the month) -- never turned into levels. ``-`` and
    ``############`` are missing values: no row, counted in the load report. ``TOTAL``
    becomes partner ``W00``; continent rows are skipped and counted.

    Raises
    ------
    LoadError
        No title period, unknown unit, header not matching the month, non-numeric cell,
        unknown country (``unknown="skip"`` skips it), exports + imports != total.
    """
    rows = [[_cell_text(v) for v in r] for r in grid]
    h = _en_header(p, rows)
    above = " ".join(c for r in rows[:h] for c in r)
    m = _EN_TITLE_RE.search(above)
    year_opt, month_opt = _year_month_options(p, options)
    month = month_opt or (int(m[1]) if m else 0)
    year = year_opt or (int(m[2]) if m else 0)
    if not (1 <= month <= 12 and year):
        raise LoadError(
            p, "no '<month>.<year>' after the title (e.g. ',6.2026'); pass year=, month="
        )
    unit = re.search(r"Unit\s*[:：]\s*(\S+)", above)
    if not unit or unit[1] not in _EN_UNITS:
        raise LoadError(
            p, f"unit {unit[1] if unit else None!r} not understood: expected Unit:US$1,000"
        )
    currency, mult = _EN_UNITS[unit[1]]
    values, yoy = _en_columns(p, rows[h], rows[h + 1], month, h + 2)
    ctx = _EnRow(p, year, month, currency, mult, unit[1], options, ref)
    out: list[dict[str, Any]] = []
    dropped: Counter[str] = Counter()
    for i in range(h + 2, len(rows)):
        out.extend(ctx.rows(rows[i], i + 1, values, yoy, dropped))
    if not out:
        raise LoadError(p, "no data rows under the header")
    return _finish(out, dropped, p)


def _cell_text(v: Any) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return re.sub(r"\s+", " ", str(v if v is not None else "")).strip()


class _EnRow:
    """Turns one country row of the English bulletin into canonical rows."""

    def __init__(
        self,
        p: Path,
        year: int,
        month: int,
        currency: str,
        mult: float,
        unit: str,
        options: dict[str, Any],
        ref: str,
    ) -> None:
        self.p, self.mult, self.currency, self.unit, self.ref = p, mult, currency, unit, ref
        self.ym = f"{year:04d}-{month:02d}"
        self.jan = f"{year:04d}-01"
        self.options = options
        self.src = display_path(p)
        self.vintage = options.get("vintage") or file_vintage(p)

    def partner(self, label: str, n: int, dropped: Counter[str]) -> str | None:
        if label.upper() == "TOTAL":
            return "W00"
        if label.casefold() in _EN_GROUPS:
            dropped["continent row"] += 1
            return None
        try:
            return countries.to_iso3(label)
        except UnknownCountryError as exc:
            if self.options.get("unknown") == "skip":
                dropped["unknown country row"] += 1
                return None
            raise LoadError(
                self.p, f"{exc} (a group row? pass unknown='skip')", row=n, column="Country"
            ) from None

    def rows(
        self,
        r: list[str],
        n: int,
        values: dict[int, tuple[str, str]],
        yoy: dict[int, str],
        dropped: Counter[str],
    ) -> list[dict[str, Any]]:
        label = r[0] if r else ""
        if not label or not any(r[1:]):
            return []
        partner = self.partner(label, n, dropped)
        if partner is None:
            return []
        pct = {f: r[j] for j, f in yoy.items() if j < len(r) and not EN_MISSING.match(r[j])}
        got: dict[tuple[str, str], float] = {}
        out = []
        for j, (flow, kind) in values.items():
            raw = r[j] if j < len(r) else ""
            if raw == "" or EN_MISSING.match(raw):
                dropped[MISSING_CELLS] += 1
                continue
            v = to_float(self.p, raw, row=n, column=f"{flow} {kind}")
            got[(flow, kind)] = v
            yoy_note = ""
            if flow in pct and kind == (
                "ytd" if len({k for _, k in values.values()}) > 1 else "month"
            ):
                yoy_note = f"; year-on-year {pct[flow]}% as published (January..month)"
            out.append(self.row(partner, flow, kind, v, n, j, yoy_note))
        basis = "ytd" if "ytd" in {k for _, k in values.values()} else "month"
        for flow, pc in pct.items():
            if (flow, basis) not in got:
                report.note(
                    self.p,
                    f"{self.ref} {n} ({r[0]}): year-on-year {pc}% for {flow} kept only "
                    "here, its level is missing in the table",
                )
        for kind in ("month", "ytd"):
            t, x, m = (got.get((f, kind)) for f in ("T", "X", "M"))
            if t is not None and x is not None and m is not None and abs(x + m - t) > 2:
                raise LoadError(
                    self.p,
                    f"exports {x:,.0f} + imports {m:,.0f} != total {t:,.0f} ({kind}): "
                    "columns misread?",
                    row=n,
                )
        return out

    def row(
        self, partner: str, flow: str, kind: str, v: float, n: int, j: int, extra: str
    ) -> dict[str, Any]:
        return {
            "reporter": "CHN",
            "partner": partner,
            "flow": flow,
            "period_start": self.ym if kind == "month" else self.jan,
            "period_end": self.ym,
            "commodity": "TOTAL",
            "value": v * self.mult,
            "currency": self.currency,
            "valuation": _VALUATION[flow],
            "source": "gacc",
            "source_file": self.src,
            "source_ref": f"{self.ref} {n} col {j + 1}",
            "vintage": self.vintage,
            "classification": "TOTAL",
            "estimate": False,
            "note": "bulletin table (2), English edition"
            + ("; T = exports + imports as published" if flow == "T" else "")
            + f"; unit {self.unit}{extra}",
        }
