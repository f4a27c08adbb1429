"""Belstat (National Statistical Committee of Belarus) foreign trade by country.

**The layout is unverified**: no real Belstat file was retrieved for the spec
(the project's source-format spec, §5). The reader follows the best description
available and is deliberately tolerant:

- a title row (naming the period, e.g. «январь-декабрь 2020 г.») and a unit row
  («тыс. долларов США» or «млн. долларов США»);
- a 2–3-row merged header: period, «экспорт», «импорт», «сальдо» (and «оборот»), and
  «в % к ...» columns (percentages, ignored);
- one row per country, in Russian («Китай», «Россия»), interleaved with group rows
  («СНГ», «ЕАЭС», «страны вне СНГ», «в том числе:»), which are skipped and counted;
  «Всего» becomes partner ``W00``.

Formats: ``belstat_xlsx`` (openpyxl; merged cells read as blanks and forward-filled) and
``belstat_text`` (CSV or HTML export, Windows-1251 unless UTF-8, decimal commas,
non-breaking-space thousands separators; HTML tables parsed with the standard
:mod:`html.parser` since lxml is not a dependency).

Rows: reporter ``BLR``, source ``belstat``, exports ``X``, imports ``M``, balance ``B``,
turnover ``T``; valuation ``unknown`` (not stated in the files described). Belstat stopped
publishing the country breakdown in 2022 (spec §5), so files cover up to 2021.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pandas as pd

from tradecheck import countries
from tradecheck.errors import LoadError, UnknownCountryError
from tradecheck.loaders.base import (
    display_path,
    file_vintage,
    finish_frame,
    float_option,
    month_range_option,
    parse_number,
    read_xlsx_sheet,
    register,
    sniff_delimiter,
    xlsx_text,
)

_UNITS = (
    (re.compile(r"млрд\.?\s*долл", re.IGNORECASE), 1e9),
    (re.compile(r"млн\.?\s*долл", re.IGNORECASE), 1e6),
    (re.compile(r"тыс\.?\s*долл", re.IGNORECASE), 1e3),
    (re.compile(r"(?<![а-я.])долл\w*\.?\s*США", re.IGNORECASE), 1.0),
)
_GROUP_RE = re.compile(
    r"^(снг|страны снг|еаэс|страны еаэс|страны вне снг|другие страны|прочие страны|вне снг|"
    r"в том числе|из них|из него|европа|азия|африка|америка|австралия и океания|океания|"
    r"ес|европейский союз|страны ес|страны дальнего зарубежья|дальнее зарубежье)\b",
    re.IGNORECASE,
)
_TOTAL_RE = re.compile(r"^(всего|итого|все страны)\b", re.IGNORECASE)
_MONTHS = {
    "янв": 1,
    "фев": 2,
    "мар": 3,
    "апр": 4,
    "мая": 5,
    "май": 5,
    "мае": 5,
    "июн": 6,
    "июл": 7,
    "авг": 8,
    "сен": 9,
    "окт": 10,
    "ноя": 11,
    "дек": 12,
}
_KIND = (("экспорт", "X"), ("импорт", "M"), ("сальдо", "B"), ("оборот", "T"))


def _month(word: str) -> int | None:
    w = word.casefold()
    for stem, m in _MONTHS.items():
        if w.startswith(stem):
            return m
    return None


def parse_period_ru(text: str) -> tuple[str, str] | None:
    """Months covered by a Russian period label, or ``None``.

    Examples
    --------
    >>> parse_period_ru("январь-август 2021 г.")
    ('2021-01', '2021-08')
    >>> parse_period_ru("в январе-декабре 2020 года")
    ('2020-01', '2020-12')
    >>> parse_period_ru("2019 г.")
    ('2019-01', '2019-12')
    >>> parse_period_ru("март 2021 г.")
    ('2021-03', '2021-03')
    """
    t = str(text).replace("\u00a0", " ")
    if m := re.search(r"([а-яё]+)\s*[-–—]\s*([а-яё]+)\s+(\d{4})", t, re.IGNORECASE):
        a, b = _month(m[1]), _month(m[2])
        if a and b:
            return f"{m[3]}-{a:02d}", f"{m[3]}-{b:02d}"
    if m := re.search(r"([а-яё]+)\s+(\d{4})", t, re.IGNORECASE):
        a = _month(m[1])
        if a:
            return f"{m[2]}-{a:02d}", f"{m[2]}-{a:02d}"
    if m := re.search(r"(?<!\d)(\d{4})\s*(г\.|год)", t, re.IGNORECASE):
        return f"{m[1]}-01", f"{m[1]}-12"
    return None


def parse_number_ru(path: Path, raw: Any, *, row: int, column: str) -> float | None:
    """Parse ``"1 234,5"`` (NBSP or space thousands, decimal comma); ``None`` for "no data"
    marks (``…``, ``x``) and empty cells; ``0.0`` for ``-`` (nil). The shared parser
    :func:`~tradecheck.loaders.base.parse_number` with Belstat's marks.

    Examples
    --------
    >>> parse_number_ru(Path("t.csv"), "1 234,5", row=5, column="экспорт")
    1234.5
    """
    return parse_number(
        path, raw, row=row, column=column, decimal_comma=True, missing=_MISSING, nil=_NIL
    )


_MISSING = ("", "…", "...", "x", "х", "X", "Х")
_NIL = ("-", "–", "—")


def _txt(v: Any) -> str:
    return "" if v is None else re.sub(r"\s+", " ", str(v).replace("\u00a0", " ")).strip()


def _find_header(path: Path, grid: list[list[Any]]) -> int:
    """Index of the first row naming «экспорт» and «импорт» in separate cells."""
    for i, r in enumerate(grid[:40]):
        cells = [_txt(v).casefold() for v in r]
        ex = {j for j, c in enumerate(cells) if "экспорт" in c}
        im = {j for j, c in enumerate(cells) if "импорт" in c}
        if ex and im and ex != im:  # in separate cells (a title may name both words)
            return i
    raise LoadError(
        path,
        "header not found: expected a row with «экспорт» and «импорт» (Belstat by-country table)",
    )


def _header_block(grid: list[list[Any]], hdr: int) -> tuple[int, int]:
    """First and last row of the header: upward to the unit/title lines, and one row below
    when it holds labels but no country."""
    first = hdr
    while first > 0:
        filled = [_txt(v) for v in grid[first - 1] if _txt(v)]
        title = len(filled) == 1 and _txt(grid[first - 1][0])
        if not filled or any(u.search(" ".join(filled)) for u, _ in _UNITS) or title:
            break
        first -= 1
    last = hdr
    below = grid[hdr + 1] if hdr + 1 < len(grid) else []
    if below and not _txt(below[0]):
        nxt = [_txt(v) for v in below]
        if any(nxt) and not any(re.fullmatch(r"-?[\d\s.,]+", x) for x in nxt if x):
            last = hdr + 1
    return first, last


def _labels(grid: list[list[Any]], first: int, last: int, hdr: int) -> list[str]:
    """One label per column, the header rows joined with `` | `` (merged cells carried right
    in the rows above ``hdr``)."""
    width = max(len(r) for r in grid[first : last + 1])
    labels = [""] * width
    for i in range(first, last + 1):
        carry = ""
        for j in range(width):
            v = _txt(grid[i][j]) if j < len(grid[i]) else ""
            if v:
                carry = v
            elif i < hdr:
                v = carry
            if v:
                labels[j] = (labels[j] + " | " + v).strip(" |")
    return labels


def _multiplier(path: Path, options: dict[str, Any], text: str, row: int) -> float:
    """US$ per unit of the values: the ``unit`` option, else the unit row above the header."""
    if options.get("unit") is not None:
        return float_option(path, "unit", options["unit"], lo=0, hi=1e12)
    for rx, factor in _UNITS:
        if rx.search(text):
            return factor
    raise LoadError(
        path,
        "unit row not found: expected «тыс. долларов США» or «млн. долларов США» "
        "above the header; pass unit=1000 if you know it",
        row=row,
    )


def _title_period(path: Path, options: dict[str, Any], above: str) -> tuple[str, str] | None:
    """Months of the whole table: the ``period`` option, else the title above the header."""
    opt = options.get("period")
    return month_range_option(path, "period", opt) if opt else parse_period_ru(above)


def _value_columns(
    path: Path, labels: list[str], period: tuple[str, str] | None, hdr: int
) -> dict[int, tuple[str, tuple[str, str]]]:
    """Column -> (flow, months) for the value columns; percentage columns are left out."""
    cols: dict[int, tuple[str, tuple[str, str]]] = {}
    for j, lab in enumerate(labels):
        low = lab.casefold()
        if "%" in low or "в процентах" in low or "темп" in low:
            continue
        kind = next((f for w, f in _KIND if w in low), None)
        if kind is None:
            continue
        per = parse_period_ru(lab) or period
        if per is None:
            raise LoadError(
                path,
                f"no period for column {lab!r}: not in the header nor the title; "
                "pass period='2021-01..2021-08'",
                row=hdr + 1,
            )
        cols[j] = (kind, per)
    if not any(k in ("X", "M") for k, _ in cols.values()):
        raise LoadError(
            path, "no «экспорт»/«импорт» value columns (only percentages?)", row=hdr + 1
        )
    return cols


def _partner(
    path: Path, r: list[Any], label: str, n: int, options: dict[str, Any], dropped: Counter[str]
) -> str | None:
    """ISO3 of a row's country, ``W00`` for the total, ``None`` for a row skipped (counted)."""
    if _TOTAL_RE.match(label):
        return "W00"
    if _GROUP_RE.match(label):
        dropped["group row"] += 1
        return None
    try:
        return countries.to_iso3(label)
    except UnknownCountryError as exc:
        if not any(_txt(v) for v in r[1:]):
            dropped["text row without values"] += 1
            return None
        if options.get("unknown") == "skip":
            dropped["unknown country row"] += 1
            return None
        raise LoadError(
            path, f"{exc} (a group row? pass unknown='skip')", row=n, column="A"
        ) from None


def _table(
    path: Path,
    grid: list[list[Any]],
    options: dict[str, Any],
    sheet: str | None,
    *,
    html: bool = False,
) -> pd.DataFrame:
    """Canonical rows of one by-country table (steps: header, labels, unit, period, value
    columns, then one row per country and value column)."""
    hdr = _find_header(path, grid)
    first, last = _header_block(grid, hdr)
    labels = _labels(grid, first, last, hdr)
    above = " ".join(_txt(v) for r in grid[:first] for v in r if _txt(v))
    mult = _multiplier(path, options, above + " " + " ".join(labels), first + 1)
    cols = _value_columns(path, labels, _title_period(path, options, above), hdr)
    base = {
        "reporter": "BLR",
        "commodity": "TOTAL",
        "currency": "USD",
        "valuation": "unknown",
        "source": "belstat",
        "source_file": display_path(path),
        "vintage": options.get("vintage") or file_vintage(path),
        "classification": "TOTAL",
        "estimate": False,
    }
    dropped: Counter[str] = Counter()
    out = []
    for i in range(last + 1, len(grid)):
        r = grid[i]
        label = re.sub(r"^[\d.\s]+", "", _txt(r[0]) if r else "").rstrip(":").strip()
        partner = _partner(path, r, label, i + 1, options, dropped) if label else None
        if partner is None:
            continue
        for j, (flow, (start, end)) in cols.items():
            num = _cell_value(path, r, j, labels[j], flow, i + 1)
            if num is None:
                continue
            ref = _ref(sheet, html, i + 1, j)
            note = f"Belstat by country; column {labels[j]!r}; x{mult:g}"
            out.append(
                {**base, "partner": partner, "flow": flow, "period_start": start,
                 "period_end": end, "value": num * mult, "source_ref": ref, "note": note}
            )  # fmt: skip
    if not out:
        raise LoadError(path, "no country rows with values under the header")
    return finish_frame(out, dropped, path)


def _cell_value(path: Path, r: list[Any], j: int, col: str, flow: str, n: int) -> float | None:
    raw = r[j] if j < len(r) else None
    num = parse_number_ru(path, raw, row=n, column=col)
    if num is not None and num < 0 and flow != "B":
        raise LoadError(path, f"negative {flow} value {raw!r}", row=n, column=col)
    return num


def _ref(sheet: str | None, html: bool, n: int, j: int) -> str:
    if sheet:
        return f"sheet {sheet} row {n} col {j + 1}"
    return f"html table row {n} col {j + 1}" if html else f"line {n}"


# --------------------------------------------------------------------------- xlsx


def sniff_xlsx(path: Path, head: bytes) -> float:
    if not head.startswith(b"PK"):
        return 0.0
    t = xlsx_text(path)
    if "долларов США" in t and ("кспорт" in t and "мпорт" in t):
        return 0.9
    return 0.0


@register(
    "belstat_xlsx",
    source="belstat",
    sniff=sniff_xlsx,
    description="Belstat foreign trade by country, xlsx (layout unverified; Russian names)",
    extensions=(".xlsx",),
)
def load_xlsx(path: str | Path, **options: Any) -> pd.DataFrame:
    """Read a Belstat by-country workbook (source ``belstat``, reporter ``BLR``).

    Parameters
    ----------
    path
        The ``.xlsx`` file (first sheet unless ``sheet=``).
    **options
        ``unit`` (multiplier) when no unit row; ``period="2021-01..2021-08"`` when neither
        title nor header names it; ``unknown="skip"``; ``vintage``.

    Raises
    ------
    LoadError
        Header or unit not found, non-numeric cell, unknown country.

    Examples
    --------
    >>> path = "tests/fixtures/belstat/belstat_by_country_2020_constructed.xlsx"
    >>> df = load_xlsx(path)  # doctest: +SKIP
    """
    p = Path(path)
    grid, title = read_xlsx_sheet(p, options.get("sheet"))
    return _table(p, grid, options, title)


# --------------------------------------------------------------------------- CSV / HTML


class _HTMLTable(HTMLParser):
    """Collect the cells of the first <table> (colspan/rowspan expanded as blanks)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str | None]] = []
        self._row: list[str | None] | None = None
        self._cell: list[str] | None = None
        self._span = (1, 1)
        self._pending: dict[int, int] = {}  # column -> rows still covered by a rowspan
        self._active: dict[int, int] = {}
        self._depth = 0
        self._done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._done:
            return
        a = dict(attrs)
        if tag == "table":
            self._depth += 1
        elif tag == "tr" and self._depth:
            self._row = []
            self._active = self._pending  # spans from rows above that cover this row
            self._pending = {}
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
            try:
                self._span = (int(a.get("colspan") or 1), int(a.get("rowspan") or 1))
            except ValueError:
                self._span = (1, 1)
        elif tag == "br" and self._cell is not None:
            self._cell.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if self._done:
            return
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            while len(self._row) in self._active:
                self._row.append(None)
            col = len(self._row)
            self._row.append("".join(self._cell).strip())
            cs, rs = self._span
            self._row.extend([None] * (cs - 1))
            if rs > 1:
                for k in range(col, col + cs):
                    self._pending[k] = rs - 1
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None
            for k, v in self._active.items():
                if v > 1:
                    self._pending.setdefault(k, v - 1)
            self._active = {}
        elif tag == "table" and self._depth:
            self._depth -= 1
            if self._depth == 0:
                self._done = True

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _decode_ru(path: Path, data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "strict")
    try:
        text, enc = data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        text, enc = data.decode("cp1251"), "Windows-1251"
    if re.search(r"[А-Яа-яЁё]", text[:20000]) and not re.search(
        r"экспорт|импорт|долл|стран", text[:20000], re.IGNORECASE
    ):
        raise LoadError(
            path,
            f"decoded as {enc} but no Russian words (экспорт, импорт, долларов США) "
            "appear: wrong encoding? expected a Belstat export in Windows-1251 or UTF-8",
        )
    if not re.search(r"[А-Яа-яЁё]", text[:20000]):
        raise LoadError(
            path, "no Cyrillic text found: expected a Belstat export in Windows-1251 or UTF-8"
        )
    if "Ð" in text[:20000] and re.search(r"Ð[\u00a0-\u00bf]", text[:20000]):
        raise LoadError(
            path,
            "looks like UTF-8 text re-encoded as Windows-1251 (mojibake such as 'Ð'); "
            "re-export the file",
        )
    return text


def sniff_text(path: Path, head: bytes) -> float:
    if head.startswith(b"PK"):
        return 0.0
    for enc in ("utf-8", "cp1251"):
        try:
            t = head.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover
        return 0.0
    low = t.casefold()
    if "долларов сша" in low and "экспорт" in low and "импорт" in low:
        return 0.85
    return 0.0


@register(
    "belstat_text",
    source="belstat",
    sniff=sniff_text,
    description="Belstat foreign trade by country, CSV/HTML export (Windows-1251, decimal commas)",
    extensions=(".csv", ".htm", ".html"),
)
def load_text(path: str | Path, **options: Any) -> pd.DataFrame:
    """Read a Belstat by-country CSV or HTML export (same layout and options as
    :func:`load_xlsx`). Encoding: UTF-8 (with or without BOM) if valid, else Windows-1251.
    Numbers: ``1 234,5`` with NBSP or space thousands separators and a decimal comma."""
    p = Path(path)
    text = _decode_ru(p, p.read_bytes())
    if re.search(r"<table", text[:200000], re.IGNORECASE):
        parser = _HTMLTable()
        parser.feed(text)
        grid: list[list[Any]] = [list(r) for r in parser.rows]
        pre = re.sub(r"<[^>]+>", " ", text[: text.lower().find("<table")])
        pre_lines = [[ln.strip()] for ln in pre.splitlines() if ln.strip()]
        grid = pre_lines + grid
        return _table(p, grid, options, None, html=True)
    else:
        delim = sniff_delimiter(text)
        grid = [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delim)]
    return _table(p, grid, options, None)
