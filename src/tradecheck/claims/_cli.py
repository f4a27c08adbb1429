"""``tradecheck parse`` and ``tradecheck check``: claims from text, and verdicts on them."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tradecheck import fmt
from tradecheck.claims._lang import LANGS
from tradecheck.claims.model import CONTRACT_FIELDS
from tradecheck.countries import DEFAULT_PAIR
from tradecheck.errors import TradecheckError

_LANGS = ("auto", *LANGS)


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
        "--data-as-of",
        metavar="YYYY-MM-DD",
        help="judge with the data public by this date: published figures by publication date, "
        "other sources by vintage (default: all data)",
    )
    c.add_argument(
        "--no-robustness", action="store_true", help="skip the neighbouring-window robustness view"
    )
    c.set_defaults(func=run_check, usage=c.format_usage)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "text", nargs="*", metavar="TEXT", help="the text (words are joined with spaces)"
    )
    p.add_argument("--file", metavar="F", help="read the text from file F ('-' = standard input)")
    p.add_argument(
        "--as-of",
        metavar="YYYY-MM-DD",
        help="the text's publication date (resolves 'last year' etc.)",
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
    from tradecheck.claims.check import pair_arg

    try:
        return pair_arg(value)
    except TradecheckError as exc:
        raise CliInputError(f"--{exc}") from None


def _fmt_period(p: dict[str, str] | None) -> str:
    if not p:
        return "?"
    return p["start"] if p["start"] == p["end"] else f"{p['start']}..{p['end']}"


def _fmt_value(c: dict[str, Any]) -> str:
    """The claimed value with its unit (:func:`tradecheck.fmt.quantity`)."""
    return fmt.quantity(c["value"], c["quantity"], c.get("currency") or "USD")


_BOUND = {"eq": "", "approx": "~", "gt": ">", "lt": "<"}


def summary(c: dict[str, Any]) -> str:
    """One line describing a claim (JSON form).

    Examples
    --------
    >>> summary({"quantity": "level", "value": 5.8e9, "currency": "USD", "bound": "approx",
    ...          "direction": "both", "reporter": None,
    ...          "period": {"start": "2022-01", "end": "2022-12"},
    ...          "base_period": None, "scope": "goods"})
    'level ~$5.8B both 2022-01..2022-12 goods'
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
    from rich.table import Table

    t = Table(box=None, pad_edge=False)
    for name in ("#", "claim", "span"):
        t.add_column(name, overflow="fold")
    for i, d in enumerate(js):
        t.add_row(str(i + 1), summary(d), d["span"])
    _console().print(t)
    return 0


def run_check(args: argparse.Namespace) -> int:
    from tradecheck.claims.check import check, date_arg
    from tradecheck.claims.parse import parse

    text = _read_text(args)
    if not text.strip() and not args.file:
        sys.stderr.write(args.usage())
        sys.stderr.write("tradecheck check: error: give the text to check (or --file F)\n")
        return 2
    pair = _pair(args.pair)
    data_as_of = date_arg(args.data_as_of, "--data-as-of")
    claims = parse(text, as_of=args.as_of, pair=pair)
    if not claims:
        print("[]" if args.json else "no trade claim found")
        return 0
    kwargs: dict[str, Any] = {"data": _data_arg(args.data), "as_of": args.as_of, "pair": pair}
    kwargs["robustness"] = not args.no_robustness
    if data_as_of is not None:
        kwargs["data_as_of"] = data_as_of
    results = check(claims, **kwargs)
    if args.json:
        out = [r.to_json() for r in results]
        for d in out:
            if args.no_robustness:
                d.pop("robustness", None)
        print(json.dumps(out, ensure_ascii=False, indent=1, default=str))
        return 0
    print_results(results)
    return 0


def _data_arg(paths: list[str] | None) -> Any:
    """``--data`` paths (each must exist); one path alone, or None for the default data."""
    if not paths:
        return None
    data = [Path(p) for p in paths]
    for p in data:
        if not p.exists():
            raise CliInputError(f"--data: {p}: no such file or folder")
    return data[0] if len(data) == 1 else data


#: verdict colours in the terminal (rich styles)
_STYLES = {
    "supported": "bold green",
    "mixed": "bold yellow",
    "ambiguous": "bold magenta",
    "not_supported": "bold red",
    "not_verifiable": "bold",
}


def _console() -> Any:
    """A rich console on standard output, as wide as the terminal (80 when not a terminal)."""
    from rich.console import Console

    return Console(highlight=False, emoji=False, markup=False)


def _readings_table(res: Any) -> Any:
    """The readings of one result as a rich table that folds to the console width."""
    from rich.table import Table

    from tradecheck.claims import explain

    c = res.claim
    t = Table(show_lines=False, expand=False, pad_edge=False, box=None)
    t.add_column("reading", overflow="fold")
    t.add_column("claimed interval", overflow="fold")
    t.add_column("actual", overflow="fold")
    t.add_column("holds")
    t.add_column("how far off / why", overflow="fold")
    for r in res.readings:
        if r.holds is None:
            continue  # listed below the table, grouped by reason
        style = None if r.counted else "dim"
        note = explain.reading_note(r, c, short=True)
        t.add_row(
            explain.short_name(r),
            explain.reading_interval(r, c),
            explain.reading_figure(r, c),
            explain.holds_word(r),
            note,
            style=style,
        )
    return t


def print_results(results: Sequence[Any], console: Any = None) -> None:
    """Print verdicts for a terminal: the verdict in words (coloured), the claim as read,
    each reading, the robustness line; wrapped to the terminal width."""
    from rich.padding import Padding
    from rich.text import Text

    from tradecheck.claims import explain

    console = console or _console()

    def indent(x: Any) -> Any:
        return Padding(x, (0, 0, 0, 2), expand=False)

    for i, res in enumerate(results):
        if i:
            console.print()
        head = Text(res.verdict.upper().replace("_", " "), style=_STYLES.get(res.verdict, ""))
        head.append(f"  {res.label}")
        console.print(head)
        console.print(indent(Text(f"claim: {res.claim.span}")))
        console.print(indent(Text(f"read as: {explain.claim_line(res.claim)}")))
        if res.data_as_of:
            console.print(indent(Text(f"data as of: {res.data_as_of}")))
        for line in explain.unsure_lines(res):
            console.print(indent(Text(line)))
        if any(r.holds is not None for r in res.readings):
            console.print(indent(_readings_table(res)))
        if res.verdict == "not_verifiable":
            console.print(indent(Text(f"reason: {res.reason}")))
        else:
            for line in explain.no_data_lines(res.readings):
                console.print(indent(Text(line, style="dim")))
        for item in res.robustness or []:
            if item.get("kind") == "summary" and item.get("text"):
                console.print(indent(Text(f"robustness: {item['text']}")))
