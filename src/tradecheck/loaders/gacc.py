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
from pathlib import Path
from typing import Any

import pandas as pd

from tradecheck import countries
from tradecheck.errors import LoadError, UnknownCountryError
from tradecheck.loaders.base import display_path, file_vintage, read_xlsx_sheet, register, to_float
from tradecheck.loaders.imf import _finish, xlsx_text

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
    if not opt:
        return None
    m = re.fullmatch(r"\s*(\d{4})-?(\d{2})\s*(?:\.\.|/|to)\s*(\d{4})-?(\d{2})\s*", str(opt))
    m1 = re.fullmatch(r"\s*(\d{4})-?(\d{2})\s*", str(opt))
    if m:
        a, b = f"{m[1]}-{m[2]}", f"{m[3]}-{m[4]}"
    elif m1:
        a = b = f"{m1[1]}-{m1[2]}"
    else:
        raise LoadError(path, f"period={opt!r} not understood; expected 'YYYY-MM..YYYY-MM'")
    if not (1 <= int(a[5:]) <= 12 and 1 <= int(b[5:]) <= 12) or a > b:
        raise LoadError(path, f"period={opt!r} is not a valid month range")
    return a, b


@register(
    "gacc_query_csv",
    source="gacc",
    sniff=sniff_query,
    description=(
        "China customs query-platform CSV (GB18030; 美元/人民币; flow from file name or flow=)"
    ),
    extensions=(".csv",),
)
def load_query_csv(path: str | Path, **options: Any) -> pd.DataFrame:  # noqa: C901  one branch per layout quirk; to be split into steps
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
    rows_raw = list(csv.reader(io.StringIO(text, newline="")))
    while rows_raw and not any(c.strip() for c in rows_raw[-1]):
        rows_raw.pop()
    if not rows_raw:
        raise LoadError(p, "the file has no header row")
    header = [h.strip().strip("\ufeff") for h in rows_raw[0]]
    idx = {h: i for i, h in enumerate(header) if h in KNOWN_COLUMNS}
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
    vcol = vcols[0]
    currency = VALUE_COLUMNS[vcol]
    flow = _flow_from(p, options)
    fixed_period = None
    if "数据年月" not in idx:
        fixed_period = _period_option(p, options)
        if fixed_period is None:
            raise LoadError(
                p,
                "no 数据年月 (YYYYMM) column, so the period must be given: pass "
                "period='2024-01..2024-06' (the months of the query)",
                row=1,
            )
    unit = float(options.get("unit", 1))
    vintage = options.get("vintage") or file_vintage(p)
    src = display_path(p)
    dropped: Counter[str] = Counter()
    extra = [h for h in header if h and h not in KNOWN_COLUMNS]
    if extra:
        dropped[f"unknown column(s) ignored: {', '.join(extra)}"] += 1
    agg: dict[tuple[str, str, str, str], dict[str, Any]] = {}
    # csv gives records, not lines: track the physical line of each record for messages
    reader = csv.reader(io.StringIO(text, newline=""))
    next(reader)
    line = reader.line_num + 1
    for rec in reader:
        n = line
        line = reader.line_num + 1
        if not any(c.strip() for c in rec):
            continue

        def cell(name: str, rec: list[str] = rec) -> str:
            i = idx.get(name)
            return rec[i].strip() if i is not None and i < len(rec) else ""

        if fixed_period:
            start, end = fixed_period
        else:
            ym = cell("数据年月")
            if not re.fullmatch(r"\d{6}", ym) or not 1 <= int(ym[4:]) <= 12:
                raise LoadError(p, f"数据年月 {ym!r} is not YYYYMM", row=n, column="数据年月")
            start = end = f"{ym[:4]}-{ym[4:]}"
        partner = "W00"
        code, pname = cell("贸易伙伴编码"), cell("贸易伙伴名称")
        if code or pname:
            if code in GROUP_CODES or pname in GROUP_NAMES:
                dropped["group/unspecified partner"] += 1
                continue
            try:
                partner = countries.to_iso3(code, "gacc") if code else countries.to_iso3(pname)
            except UnknownCountryError as exc:
                try:
                    partner = countries.to_iso3(pname) if pname else ""
                except UnknownCountryError:
                    partner = ""
                if not partner:
                    if options.get("unknown") == "skip":
                        dropped["unknown partner"] += 1
                        continue
                    raise LoadError(
                        p, f"{exc} (贸易伙伴名称 {pname!r})", row=n, column="贸易伙伴编码"
                    ) from None
        commodity = cell("商品编码") or "TOTAL"
        if commodity != "TOTAL" and not commodity.isdigit():
            raise LoadError(
                p, f"商品编码 {commodity!r} is not a numeric HS/CN code", row=n, column="商品编码"
            )
        raw = cell(vcol)
        if raw in ("", "-"):
            dropped["empty value"] += 1
            continue
        v = to_float(p, raw, row=n, column=vcol) * unit
        if v < 0:
            raise LoadError(p, f"negative trade value {raw!r}", row=n, column=vcol)
        key = (start, end, partner, commodity)
        if key in agg:
            agg[key]["value"] += v
            agg[key]["_lines"].append(n)
        else:
            agg[key] = {
                "reporter": "CHN",
                "partner": partner,
                "flow": flow,
                "period_start": start,
                "period_end": end,
                "commodity": commodity,
                "value": v,
                "currency": currency,
                "valuation": _VALUATION[flow],
                "source": "gacc",
                "source_file": src,
                "source_ref": f"line {n}",
                "vintage": vintage,
                "classification": "HS" if commodity != "TOTAL" else "TOTAL",
                "estimate": False,
                "_lines": [n],
            }
    out = []
    for r in agg.values():
        lines = r.pop("_lines")
        r["note"] = f"GACC query; value column {vcol}; unit x{unit:g} (whole units unverified)"
        if len(lines) > 1:
            shown = ", ".join(map(str, lines[:10])) + ("..." if len(lines) > 10 else "")
            r["note"] += f"; sum of {len(lines)} lines ({shown})"
        out.append(r)
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


def _bulletin(  # noqa: C901  one branch per layout quirk; to be split into steps
    p: Path, grid: list[list[Any]], options: dict[str, Any], sheet: str | None
) -> pd.DataFrame:
    # header: a row with 出口 and 进口, followed by a row with 当月
    h1 = None
    for i, r in enumerate(grid[:30]):
        cells = [_s(v) for v in r]
        if (
            "出口" in cells
            and "进口" in cells
            and i + 1 < len(grid)
            and any("当月" in _s(v) for v in grid[i + 1])
        ):
            h1 = i
            break
    if h1 is None:
        raise LoadError(
            p,
            "header not found: expected a row with 进出口 / 出口 / 进口 and below it "
            "当月 / 1至当月累计 (bulletin table (2) layout)",
        )
    above = " ".join(_s(v) for r in grid[:h1] for v in r if _s(v))
    year, month = options.get("year"), options.get("month")
    m = _TITLE_RE.search(above)
    if (year is None or month is None) and m:
        year, month = year or int(m[1]), month or int(m[2])
    if year is None or month is None:
        raise LoadError(
            p,
            "year and month not found in the title (e.g. 2024年6月); pass year= and month=",
            row=1,
        )
    year, month = int(year), int(month)
    if not 1 <= month <= 12:
        raise LoadError(p, f"month {month} out of range")
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
    currency, mult = _UNITS[unit_label]
    top = [_s(v) for v in grid[h1]]
    sub = [_s(v) for v in grid[h1 + 1]]
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
    need = {("X", "month"), ("M", "month")}
    if not need <= set(colmap.values()):
        raise LoadError(p, "header lacks 出口 当月 / 进口 当月 columns", row=h1 + 1)
    vintage = options.get("vintage") or file_vintage(p)
    src = display_path(p)
    dropped: Counter[str] = Counter()
    out = []
    ym = f"{year:04d}-{month:02d}"
    for i in range(h1 + 2, len(grid)):
        r = grid[i]
        label = _s(r[0]) if r else ""
        label = re.sub(r"^[\d\s.、]+", "", label)
        if not label or label.startswith(("注", "资料来源", "Note")):
            continue
        n = i + 1
        if label in ("总值", "总计", "合计", "Total"):
            partner = "W00"
        elif label in GROUP_NAMES:
            dropped["group row"] += 1
            continue
        else:
            try:
                partner = countries.to_iso3(label)
            except UnknownCountryError as exc:
                if options.get("unknown") == "skip":
                    dropped["unknown country row"] += 1
                    continue
                raise LoadError(
                    p, f"{exc} (a group row? pass unknown='skip')", row=n, column="国别(地区)"
                ) from None
        for j, (flow, kind) in colmap.items():
            if kind == "ytd" and month == 1:
                continue  # Jan..Jan equals the month column; keep one row
            raw = r[j] if j < len(r) else None
            if raw is None or _s(raw) == "":
                continue
            nil = _s(raw) in ("-", "—")
            flow_zh = {"T": "进出口", "X": "出口", "M": "进口"}[flow]
            col = f"{flow_zh} {'当月' if kind == 'month' else '累计'}"
            v = 0.0 if nil else to_float(p, raw, row=n, column=col)
            start = ym if kind == "month" else f"{year:04d}-01"
            ref = f"sheet {sheet} row {n} col {j + 1}" if sheet else f"line {n}"
            out.append(
                {
                    "reporter": "CHN",
                    "partner": partner,
                    "flow": flow,
                    "period_start": start,
                    "period_end": ym,
                    "commodity": "TOTAL",
                    "value": v * mult,
                    "currency": currency,
                    "valuation": _VALUATION[flow],
                    "source": "gacc",
                    "source_file": src,
                    "source_ref": ref,
                    "vintage": vintage,
                    "classification": "TOTAL",
                    "estimate": False,
                    "note": (
                        "bulletin table (2); "
                        + ("'-' (nil) in source; " if nil else "")
                        + ("T = exports + imports as published; " if flow == "T" else "")
                        + f"unit {unit_label}"
                    ),
                }
            )
    if not out:
        raise LoadError(p, "no data rows under the header")
    return _finish(out, dropped, p)
