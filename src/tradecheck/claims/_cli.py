"""``tradecheck parse`` and ``tradecheck check``: claims from text, and verdicts on them."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tradecheck.claims.model import CONTRACT_FIELDS
from tradecheck.countries import DEFAULT_PAIR, parse_pair
from tradecheck.errors import TradecheckError

_LANGS = ("auto", "en", "de", "ru", "zh")


class CliInputError(TradecheckError):
    """Bad command-line input to ``parse``/``check``."""


def register(subparsers: Any) -> None:
    """Add the ``parse`` and ``check`` subcommands."""
    p = subparsers.add_parser(
        "parse",
        help="find quantitative Belarus-China trade claims in text (en/de/ru/zh)",
        description="Find quantitative trade claims in text and print them (a table, or the "
        "JSON contract with --json).",
    )
    _common(p)
    p.add_argument(
        "--lang",
        default="auto",
        metavar="LANG",
        help="language of the text: auto (default), en, de, ru, zh",
    )
    p.set_defaults(func=run_parse)

    c = subparsers.add_parser(
        "check",
        help="check trade claims in text against the data",
        description="Parse the claims of a text and judge each against the data under every "
        "reading (whose statistics, which flow); prints a verdict table or JSON.",
    )
    _common(c)
    c.add_argument(
        "--data",
        action="append",
        metavar="PATH",
        help="a raw or canonical file/folder to check against; repeat for several "
        "(default: the processed dataset)",
    )
    c.add_argument(
        "--no-robustness", action="store_true", help="skip the neighbouring-window robustness view"
    )
    c.set_defaults(func=run_check)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "text", nargs="*", metavar="TEXT", help="the text (words are joined with spaces)"
    )
    p.add_argument("--file", metavar="F", help="read the text from file F ('-' = standard input)")
    p.add_argument(
        "--as-of", metavar="YYYY-MM-DD", help="publication date (resolves 'last year' etc.)"
    )
    p.add_argument(
        "--pair",
        default="-".join(DEFAULT_PAIR),
        metavar="AAA-BBB",
        help="the two countries (ISO3), default %(default)s",
    )
    p.add_argument("--json", action="store_true", help="print JSON")


def _read_text(args: argparse.Namespace) -> str:
    if args.file and args.text:
        raise CliInputError("give the text either as arguments or with --file, not both")
    if args.file:
        if args.file == "-":
            return sys.stdin.read()
        path = Path(args.file)
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise CliInputError(f"{path}: cannot read the file ({exc.strerror or exc})") from exc
        for enc in ("utf-8-sig", "utf-16"):
            try:
                return raw.decode(enc)
            except UnicodeDecodeError:
                continue
        raise CliInputError(f"{path}: expected UTF-8 text")
    return " ".join(args.text or [])


def _pair(value: str) -> tuple[str, str]:
    return parse_pair(value or "", error=CliInputError, what="--pair")


def _fmt_period(p: dict[str, str] | None) -> str:
    if not p:
        return "?"
    return p["start"] if p["start"] == p["end"] else f"{p['start']}..{p['end']}"


def _fmt_value(c: dict[str, Any]) -> str:
    q, v = c["quantity"], c["value"]
    if q == "ratio":
        return f"x{v:g}"
    if q == "pct_change":
        return f"{v:+g}%"
    if q == "share":
        return f"{v:g}%"
    cur = c.get("currency") or ""
    a = abs(v)
    sign = "-" if v < 0 else ("+" if q == "abs_change" else "")
    for div, suf in ((1e9, " bn"), (1e6, " mn"), (1e3, " k")):
        if a >= div:
            return f"{sign}{a / div:,.6g}{suf} {cur}".strip()
    return f"{sign}{a:,.6g} {cur}".strip()


_BOUND = {"eq": "", "approx": "~", "gt": ">", "lt": "<"}


def summary(c: dict[str, Any]) -> str:
    """One line describing a claim (JSON form).

    Examples
    --------
    >>> summary({"quantity": "level", "value": 5.8e9, "currency": "USD", "bound": "approx",
    ...          "direction": "both", "reporter": None,
    ...          "period": {"start": "2022-01", "end": "2022-12"},
    ...          "base_period": None, "scope": "goods"})
    'level ~5.8 bn USD both 2022-01..2022-12 goods'
    """
    bound = _BOUND.get(c["bound"], "")
    s = f"{c['quantity']} {bound}{_fmt_value(c)} {c['direction']} {_fmt_period(c['period'])}"
    if c.get("base_period"):
        s += f" vs {_fmt_period(c['base_period'])}"
    s += f" {c['scope']}"
    if c.get("reporter"):
        s += f" (per {c['reporter']})"
    return s


def run_parse(args: argparse.Namespace) -> int:
    from tradecheck.claims.parse import parse

    if args.lang not in _LANGS:
        raise CliInputError(f"--lang: expected one of {', '.join(_LANGS)}, got {args.lang!r}")
    text = _read_text(args)
    claims = parse(text, as_of=args.as_of, lang=args.lang, pair=_pair(args.pair))
    js = [c.to_json() for c in claims]
    if args.json:
        # exactly the schema fields (no lang) -- see docs/claim_schema.md
        keys = CONTRACT_FIELDS
        print(json.dumps([{k: d[k] for k in keys} for d in js], ensure_ascii=False, indent=1))
        return 0
    if not js:
        print("no trade claim found")
        return 0
    rows = [(str(i + 1), summary(d), d["span"]) for i, d in enumerate(js)]
    print(_table(("#", "claim", "span"), rows))
    return 0


def run_check(args: argparse.Namespace) -> int:  # noqa: C901  a flat list of cases
    from tradecheck.claims.parse import parse

    text = _read_text(args)
    pair = _pair(args.pair)
    claims = parse(text, as_of=args.as_of, pair=pair)
    if not claims:
        print("[]" if args.json else "no trade claim found")
        return 0
    from tradecheck.claims.check import check

    data: Any = None
    if args.data:
        data = [Path(p) for p in args.data]
        for p in data:
            if not p.exists():
                raise CliInputError(f"--data: {p}: no such file or folder")
        if len(data) == 1:
            data = data[0]
    results = check(
        claims, data=data, as_of=args.as_of, pair=pair, robustness=not args.no_robustness
    )
    if args.json:
        out = []
        for r in results:
            d = r.to_json()
            if args.no_robustness:
                d.pop("robustness", None)
            out.append(d)
        print(json.dumps(out, ensure_ascii=False, indent=1, default=str))
        return 0
    blocks = []
    for r in results:
        d = r.to_json()
        head = f"{d['verdict'].upper():<14} {summary(d['claim'])}"
        lines = [head, f"  claim: {d['claim']['span']}"]
        if d.get("reason"):
            lines.append(f"  reason: {d['reason']}")
        rows = []
        for rd in d["readings"]:
            iv = rd["interval"]
            lo = "-inf" if iv["low"] is None else _human(iv["low"])
            hi = "inf" if iv["high"] is None else _human(iv["high"])
            ivs = f"{'[' if iv['low_closed'] else '('}{lo}, {hi}{']' if iv['high_closed'] else ')'}"
            actual = "-" if rd["actual"] is None else _human(rd["actual"])
            holds = {True: "yes", False: "no", None: "no data"}[rd["holds"]]
            src = rd["source"]
            if rd["evidence"]:
                ev = rd["evidence"][0]
                src = f"{src}: {ev['source_file']} {ev['source_ref']}".strip()
            rows.append((rd["label"], ivs, actual, holds, src))
        if rows:
            lines.append(
                _indent(_table(("reading", "claimed interval", "actual", "holds", "source"), rows))
            )
        for item in d.get("robustness") or []:
            if item.get("kind") == "summary" and item.get("text"):
                lines.append(f"  robustness: {item['text']}")
        blocks.append("\n".join(lines))
    print("\n\n".join(blocks))
    return 0


def _human(x: float) -> str:
    """Readable number: money-sized values in m/bn, small ones with 4 significant digits.

    Examples
    --------
    >>> _human(2729411952.0), _human(556100100.0), _human(2.2), _human(-15.0)
    ('2.7294 bn', '556.1 m', '2.2', '-15')
    """
    a = abs(x)
    if a >= 1e9:
        return f"{x / 1e9:,.5g} bn"
    if a >= 1e6:
        return f"{x / 1e6:,.5g} m"
    return f"{x:,.4g}"


def _indent(s: str) -> str:
    return "\n".join("  " + ln for ln in s.splitlines())


def _table(header: tuple[str, ...], rows: Sequence[tuple[Any, ...]]) -> str:
    widths = [min(70, max(len(str(x)) for x in col)) for col in zip(header, *rows, strict=False)]

    def fmt(r: tuple[Any, ...]) -> str:
        cells = []
        for x, w in zip(r, widths, strict=False):
            s = str(x)
            if len(s) > w:
                s = s[: w - 1] + "…"
            cells.append(s.ljust(w))
        return "  ".join(cells).rstrip()

    return "\n".join([fmt(header), fmt(tuple("-" * w for w in widths))] + [fmt(r) for r in rows])
