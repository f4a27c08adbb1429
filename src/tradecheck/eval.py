"""Score the claim parser on labelled real text (``python -m tradecheck.eval [FILE] [--dir DIR]``).

Without FILE, every file of a real-text folder is scored (default: ``shared/data/real_text``
beside the repository root), by the kind its name tells:

- quote files (``claims_*.jsonl``, and any other file): one expected claim per line
  (``expected``, the fields of the claim schema) for ``quote``/``text``. Each expected claim is
  scored against the parsed claim that matches it in most fields; exact = every scored field
  matches. Parsed claims no line asked for are counted as "extra".
- article files (``articles_*.jsonl``): ``expected`` is the list of every claim of a whole text.
  recall = labelled claims found exactly; precision = parsed claims that match a labelled claim
  exactly (the first time, or again: a repeat such as an ``also_spans`` wording) or an
  ``undeterminable`` mention (quantity class and value), over all parsed claims. Both are
  also given per language and per pair (the record's ``pair``, "RUS-CHN"; BLR-CHN without one).
  Beside precision, "a labelled number" counts the parsed claims whose quantity class and
  value are a labelled claim's or mention's whatever their other fields (the shared README's
  looser precision): the rest are spurious numbers, the difference right numbers misread.
- ``undeterminable*.jsonl``: quotes whose number cannot become a checkable claim (``reason``).
  A record is *clean* when the parser returns no claim, or every claim it returns lists what it
  could not pin down in ``unsure`` and leaves the fields the reason names (period; direction /
  partner) null. The figure is the share of records where the parser guessed.

Scoring (the claim schema's rules): quantity class (level | change | abs_change | share |
balance; ratio and pct_change are both "change"), value (changes as implied ratio new/base
within 1e-6, money within 0.5 %, percent within 1e-6), direction, period, base_period (changes
only), reporter (only where the label gives one). Bound and scope are scored per field too and
counted in the "strict" rate.

Every set is split by :func:`is_blind` (fixed before the sets were studied): figures are printed
for the blind part first, then the studied part, each with per-language exact rates and
per-field scores overall and per language. Details of single records are shown only for
studied records.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from tradecheck import paths
from tradecheck.countries import DEFAULT_PAIR
from tradecheck.dates import parse_date
from tradecheck.errors import TradecheckError

FIELDS = ("quantity", "value", "bound", "direction", "reporter", "period", "base_period", "scope")
#: the fields the claim schema scores (bound and scope are reported, and counted in ``strict``)
SCORED = ("quantity", "value", "direction", "reporter", "period", "base_period")
#: the two parts of every set, in the order they are reported
PARTS = ("blind", "studied")

#: the form of a record's ``pair``: two ISO3 codes, the pair's first country first
_PAIR_RX = re.compile(r"^[A-Z]{3}-[A-Z]{3}$")

#: share of every real-text set that stays blind (fixed before the sets were studied, 2026-12-06)
BLIND_MODULUS = 3

#: words of an undeterminable record's ``reason`` naming the field a parser must not guess
_REASON_FIELDS = {
    "period": re.compile(
        r"period|year|month|anchor|relative|pub_date|'now|not stated\b", re.IGNORECASE
    ),
    "direction": re.compile(
        r"export|import|destination|buyer|seller|origin|whose|partner|with whom|subject",
        re.IGNORECASE,
    ),
}


def default_dir() -> Path:
    """The real-text folder: ``shared/data/real_text`` beside the repository root."""
    return paths.ROOT.parent.joinpath("shared", "data", "real_text")


def split_key(record_id: str) -> str:
    """The group an id belongs to: records that share a quote (``C024a``, ``C024b``) share a key.

    Examples
    --------
    >>> split_key("C024a"), split_key("A07"), split_key("U113")
    ('C024', 'A07', 'U113')
    """
    return re.sub(r"[a-z]+$", "", record_id.strip())


def is_blind(record_id: str) -> bool:
    """True when a record belongs to the blind part of a real-text set.

    The split is decided by a hash of the id's group key alone, so it was fixed before any
    record was read and never changes: about one record group in three is blind. Study only
    records for which this is False; report the blind figure first.

    Examples
    --------
    >>> is_blind("C024a") == is_blind("C024b")
    True
    """
    digest = hashlib.sha256(split_key(record_id).encode("utf-8")).hexdigest()
    return int(digest, 16) % BLIND_MODULUS == 0


def part_of(record_id: str) -> str:
    """``"blind"`` or ``"studied"``."""
    return "blind" if is_blind(record_id) else "studied"


class EvalFileError(TradecheckError):
    """The evaluation file is malformed."""


def quantity_class(q: str | None) -> str | None:
    """``ratio`` and ``pct_change`` are one class, ``change``."""
    return "change" if q in ("ratio", "pct_change") else q


def implied_ratio(quantity: str, value: float) -> float:
    """new/base implied by a change: ratio as is, percent change as 1 + v/100."""
    return value if quantity == "ratio" else 1.0 + value / 100.0


def _value_matches(exp: dict[str, Any], got: dict[str, Any]) -> bool:
    """The value rule of the schema for the expected claim's quantity class."""
    eq, gq = quantity_class(exp.get("quantity")), quantity_class(got.get("quantity"))
    ev, gv = exp.get("value"), got.get("value")
    if ev is None or gv is None:
        return False
    if eq == "change":
        return (
            gq == "change"
            and abs(
                implied_ratio(exp["quantity"], float(ev))
                - implied_ratio(got["quantity"], float(gv))
            )
            <= 1e-6
        )
    if eq == "share":
        return abs(float(ev) - float(gv)) <= 1e-6
    ok = float(ev) == float(gv) or abs(float(gv) - float(ev)) <= 0.005 * abs(float(ev))
    return ok and not (exp.get("currency") and got.get("currency") != exp.get("currency"))


def field_matches(exp: dict[str, Any], got: dict[str, Any]) -> dict[str, bool | None]:
    """Per-field comparison; None where the field is not scored for this claim.

    Examples
    --------
    >>> e = {"quantity": "pct_change", "value": 100, "direction": "both", "period": None,
    ...      "base_period": None, "reporter": None, "bound": "eq", "scope": "goods"}
    >>> g = dict(e, quantity="ratio", value=2.0)
    >>> field_matches(e, g)["value"]
    True
    """
    eq = quantity_class(exp.get("quantity"))
    out: dict[str, bool | None] = {"quantity": eq == quantity_class(got.get("quantity"))}
    out["value"] = _value_matches(exp, got)
    out["bound"] = exp.get("bound", "eq") == got.get("bound", "eq")
    out["direction"] = exp.get("direction") == got.get("direction")
    out["reporter"] = (exp.get("reporter") == got.get("reporter")) if exp.get("reporter") else None
    out["period"] = exp.get("period") == got.get("period")
    out["base_period"] = (
        (exp.get("base_period") == got.get("base_period"))
        if eq == "change" or exp.get("quantity") == "abs_change"
        else None
    )
    out["scope"] = exp.get("scope", "goods") == got.get("scope", "goods")
    return out


def _score(m: dict[str, bool | None]) -> int:
    return sum(1 for v in m.values() if v)


def _exact(m: dict[str, bool | None], fields: tuple[str, ...] = SCORED) -> bool:
    return all(m.get(f) is not False for f in fields)


def _no_match() -> dict[str, bool | None]:
    return {f: (None if f in ("reporter", "base_period") else False) for f in FIELDS}


def _best(exp: dict[str, Any], got: list[dict[str, Any]]) -> tuple[int | None, dict]:
    """Index of the parsed claim matching ``exp`` best (exact first, then most fields)."""
    best_i, best_m = None, None
    for j, g in enumerate(got):
        m = field_matches(exp, g)
        if best_m is None or (_exact(m), _score(m)) > (_exact(best_m), _score(best_m)):
            best_i, best_m = j, m
    if best_m is None:
        best_m = _no_match()
        if exp.get("reporter"):
            best_m["reporter"] = False
    return best_i, best_m


# ------------------------------------------------------------------------------------------
# reading files and running the parser
# ------------------------------------------------------------------------------------------
def read_records(path: Path, *, need_expected: bool = True) -> list[dict[str, Any]]:
    """The records of a JSONL file, each with ``_text`` (quote or text) and ``_line``.

    Raises
    ------
    EvalFileError
        One line naming the file and line when the file cannot be read or a record is malformed.
    """
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise EvalFileError(f"{path}: cannot read ({exc})") from exc
    rows: list[dict[str, Any]] = []
    for i, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalFileError(f"{path}, line {i}: not JSON ({exc.msg})") from exc
        text = d.get("quote", d.get("text")) if isinstance(d, dict) else None
        if not isinstance(text, str):
            raise EvalFileError(f"{path}, line {i}: expected a 'quote' or 'text' string")
        if need_expected and "expected" not in d:
            raise EvalFileError(f"{path}, line {i}: expected an 'expected' object")
        if not _PAIR_RX.match(str(d.get("pair") or "-".join(DEFAULT_PAIR))):
            raise EvalFileError(
                f"{path}, line {i}, field 'pair': expected two ISO3 codes like 'RUS-CHN', "
                f"got {d['pair']!r}"
            )
        d["_line"], d["_text"] = i, text
        d.setdefault("id", f"line {i}")
        rows.append(d)
    return rows


@lru_cache(maxsize=4096)
def _parse_cached(
    text: str, as_of: str | None, lang: str, pair: str = "-".join(DEFAULT_PAIR)
) -> tuple[str, ...]:
    from tradecheck.claims._lang import LANGS
    from tradecheck.claims.parse import parse

    reporter, partner = pair.split("-")
    claims = parse(
        text, as_of=as_of, lang=lang if lang in LANGS else "auto", pair=(reporter, partner)
    )
    return tuple(json.dumps(c.to_json(), ensure_ascii=False) for c in claims)


def pair_of(d: dict[str, Any]) -> str:
    """The pair a record is about: its ``pair`` ("RUS-CHN"), else the default pair.

    Examples
    --------
    >>> pair_of({"pair": "RUS-CHN"}), pair_of({})
    ('RUS-CHN', 'BLR-CHN')
    """
    return str(d.get("pair") or "-".join(DEFAULT_PAIR))


def parsed(d: dict[str, Any]) -> list[dict[str, Any]]:
    """The parser's claims (JSON form) for one record, cached by (text, date, language, pair)."""
    as_of = d.get("pub_date") or d.get("as_of")
    pair = pair_of(d)
    return [json.loads(s) for s in _parse_cached(d["_text"], as_of, d.get("lang") or "auto", pair)]


def record_doc(d: dict[str, Any]) -> Any:
    """The reader's :class:`~tradecheck.claims.context.Doc` of record ``d``, read with the
    date, language and pair :func:`parsed` gives the parser (for counting tools that look at
    what the reader sees); TradecheckError naming the record for a malformed date, ValueError
    for a blank text."""
    from tradecheck.claims._lang import LANGS
    from tradecheck.claims.parse import read_doc

    lang, when = d.get("lang"), d.get("pub_date") or d.get("as_of")
    what = f"record {d.get('id')}, pub_date"
    doc = read_doc(
        d["_text"],
        as_of=parse_date(when, error=TradecheckError, what=what) if when else None,
        lang=lang if lang in LANGS else "auto",
        pair=tuple(pair_of(d).split("-")),  # type: ignore[arg-type]
    )
    if doc is None:
        raise ValueError(f"record {d.get('id')}: blank text")
    return doc


def _ratio(ok: int, n: int) -> float:
    return ok / n if n else 0.0


# ------------------------------------------------------------------------------------------
# quote files
# ------------------------------------------------------------------------------------------
def _line(
    d: dict[str, Any],
    line_id: str,
    e: dict[str, Any],
    m: dict[str, bool | None],
    got: dict[str, Any] | None,
) -> dict[str, Any]:
    """One scored line: labelled claim ``e`` of record ``d`` against its best parse ``got``."""
    ok = got is not None and _exact(m)
    return {
        "id": line_id,
        "lang": d.get("lang") or "?",
        "pair": pair_of(d),
        "part": part_of(str(d["id"])),
        "exact": ok,
        "strict": ok and _exact(m, FIELDS),
        "match": m,
        "wrong": [f for f, v in m.items() if v is False],
        "got": got,
        "expected": e,
    }


def _quote_lines(rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """Score every expected claim; also return the unmatched parsed claims per part."""
    lines: list[dict[str, Any]] = []
    used: dict[str, set[int]] = defaultdict(set)
    got_by_text: dict[str, tuple[str, list[dict[str, Any]]]] = {}
    for d in rows:
        when = d.get("pub_date") or d.get("as_of")
        key = json.dumps([d["_text"], when, d.get("lang"), d.get("pair")])  # one text, two pairs
        got = parsed(d)
        got_by_text.setdefault(key, (part_of(str(d["id"])), got))
        exp = d["expected"]
        for e in exp if isinstance(exp, list) else [exp]:
            if e is None:
                continue
            i, m = _best(e, got)
            if i is not None:
                used[key].add(i)
            lines.append(_line(d, d["id"], e, m, got[i] if i is not None else None))
    extra = {p: 0 for p in PARTS}
    parsed_n = {p: 0 for p in PARTS}
    for key, (part, got) in got_by_text.items():
        extra[part] += len(got) - len(used[key])
        parsed_n[part] += len(got)
    return lines, {
        **{f"extra_{p}": extra[p] for p in PARTS},
        **{f"parsed_{p}": parsed_n[p] for p in PARTS},
    }


def _fields(lines: list[dict[str, Any]]) -> dict[str, list[int]]:
    """field -> [matched, scored] over the lines."""
    fields: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for ln in lines:
        for f, v in ln["match"].items():
            if v is not None:
                fields[f][1] += 1
                fields[f][0] += int(bool(v))
    return {f: fields[f] for f in FIELDS if fields[f][1]}


def _fields_by_lang(lines: list[dict[str, Any]]) -> dict[str, dict[str, list[int]]]:
    """language -> field -> [matched, scored] (:func:`_fields` per language)."""
    langs = sorted({ln["lang"] for ln in lines})
    return {lg: _fields([ln for ln in lines if ln["lang"] == lg]) for lg in langs}


def _by_group(
    lines: list[dict[str, Any]], group: str = "lang", key: str = "exact"
) -> dict[str, list[int]]:
    """``group`` value (a language, a pair) -> [count of lines where ``key`` holds, lines].

    Examples
    --------
    >>> _by_group([{"pair": "RUS-CHN", "ok": True}, {"pair": "RUS-CHN", "ok": False},
    ...            {"pair": "BLR-CHN", "ok": True}], "pair", "ok")
    {'BLR-CHN': [1, 1], 'RUS-CHN': [1, 2]}
    """
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for ln in lines:
        out[ln[group]][0] += int(bool(ln[key]))
        out[ln[group]][1] += 1
    return dict(sorted(out.items()))


def _by_lang(lines: list[dict[str, Any]], key: str = "exact") -> dict[str, list[int]]:
    """language -> [count of lines where ``key`` holds, lines]."""
    return _by_group(lines, "lang", key)


def _quote_summary(lines: list[dict[str, Any]], extra: int, n_parsed: int) -> dict[str, Any]:
    n = len(lines)
    exact = sum(ln["exact"] for ln in lines)
    return {
        "n": n,
        "exact": exact,
        "strict": sum(ln["strict"] for ln in lines),
        "exact_rate": _ratio(exact, n),
        "fields": _fields(lines),
        "fields_by_lang": _fields_by_lang(lines),
        "by_lang": _by_lang(lines),
        "extra": extra,
        "parsed": n_parsed,
    }


def evaluate(path: str | Path) -> dict[str, Any]:
    """Run the parser on every line of a quote file and score it.

    Returns
    -------
    dict
        Whole-file figures (``n``, ``exact``, ``strict``, ``exact_rate``, ``fields`` (field ->
        [matched, scored]), ``by_lang``, ``extra``, ``parsed``), the same for each part under
        ``blind`` and ``studied``, and ``lines`` (per-line details, both parts: callers show
        only studied ones).
    """
    p = Path(path)
    lines, counts = _quote_lines(read_records(p))
    whole = _quote_summary(
        lines,
        sum(counts[f"extra_{q}"] for q in PARTS),
        sum(counts[f"parsed_{q}"] for q in PARTS),
    )
    parts = {
        q: _quote_summary(
            [ln for ln in lines if ln["part"] == q], counts[f"extra_{q}"], counts[f"parsed_{q}"]
        )
        for q in PARTS
    }
    return {"file": str(p), "kind": "quotes", **whole, **parts, "lines": lines}


# ------------------------------------------------------------------------------------------
# article files
# ------------------------------------------------------------------------------------------
def _matches_undeterminable(got: dict[str, Any], mentions: list[dict[str, Any]]) -> bool:
    """A parsed claim that reports a mention labelled undeterminable (class and value)."""
    for u in mentions:
        if u.get("value") is None or u.get("quantity") is None:
            continue
        if quantity_class(u["quantity"]) == quantity_class(got.get("quantity")) and (
            _value_matches(u, got)
        ):
            return True
    return False


def _guesses_undeterminable(got: dict[str, Any], mentions: list[dict[str, Any]]) -> bool:
    """A parsed claim that reports an ``undeterminable`` mention (class and value) and sets a
    field the mention's ``reason`` says the text leaves open, without listing it as unsure.

    The shared README counts such a claim as right for precision (it "matches an undeterminable
    mention"); this flag lets the evaluation say how many of those right claims are guesses,
    by the rule the undeterminable quote set is scored with (:func:`guessed_fields`).

    Examples
    --------
    >>> u = [{"quantity": "level", "value": 5.0, "reason": "no year in the text"}]
    >>> _guesses_undeterminable({"quantity": "level", "value": 5.0, "period": "2024",
    ...                          "unsure": []}, u)
    True
    >>> _guesses_undeterminable({"quantity": "level", "value": 5.0, "period": None,
    ...                          "unsure": ["period"]}, u)
    False
    """
    return any(
        u.get("value") is not None
        and u.get("quantity") is not None
        and quantity_class(u["quantity"]) == quantity_class(got.get("quantity"))
        and _value_matches(u, got)
        and bool(guessed_fields(str(u.get("reason") or ""), [got]))
        for u in mentions
    )


def _is_labelled_number(g: dict[str, Any], d: dict[str, Any]) -> bool:
    """A parsed claim whose quantity class and value are those of a labelled claim or of an
    ``undeterminable`` mention of the record, whatever its other fields: not a spurious number.

    The shared README's precision counts these; ours counts only exact claims, so the two
    figures are printed side by side.
    """
    labelled = [e for e in (d["expected"] or []) if e] + list(d.get("undeterminable") or [])
    return any(
        e.get("quantity") is not None
        and quantity_class(e["quantity"]) == quantity_class(g.get("quantity"))
        and _value_matches(e, g)
        for e in labelled
    )


def _article_record(
    d: dict[str, Any], got: list[dict[str, Any]] | None = None
) -> tuple[list[dict[str, Any]], list[bool]]:
    """Lines for the labelled claims of one article, and one flag per parsed claim (correct?);
    ``got`` scores other claims than the parser's (a filtered subset) by the same rules."""
    got = parsed(d) if got is None else got
    expected = [e for e in (d["expected"] or []) if e]
    taken: set[int] = set()
    lines = []
    for e in expected:
        free = [j for j in range(len(got)) if j not in taken]
        i, m = _best(e, [got[j] for j in free])
        ok = i is not None and _exact(m)
        if ok:
            taken.add(free[i])  # type: ignore[index]
        lines.append(_line(d, e.get("cid", d["id"]), e, m, got[free[i]] if i is not None else None))
    undet = d.get("undeterminable") or []
    correct = [
        any(_exact(field_matches(e, g)) for e in expected) or _matches_undeterminable(g, undet)
        for g in got
    ]
    return lines, correct


def _article_summary(lines: list[dict[str, Any]], flags: list[dict[str, Any]]) -> dict:
    """Recall over the labelled ``lines`` and precision over the parsed claims' ``flags``
    (``{"lang", "pair", "ok"}`` each), in all and per language and pair."""
    found = sum(ln["exact"] for ln in lines)
    right = sum(f["ok"] for f in flags)
    return {
        "numbers": sum(f["number"] for f in flags),
        "undet_guessed": sum(f.get("undet_guess", False) for f in flags),
        "n": len(lines),
        "found": found,
        "recall": _ratio(found, len(lines)),
        "parsed": len(flags),
        "correct": right,
        "precision": _ratio(right, len(flags)),
        "fields": _fields(lines),
        "fields_by_lang": _fields_by_lang(lines),
        "by_lang": _by_lang(lines),
        "by_lang_precision": _by_group(flags, "lang", "ok"),
        "by_pair": _by_group(lines, "pair"),
        "by_pair_precision": _by_group(flags, "pair", "ok"),
    }


def evaluate_articles(path: str | Path) -> dict[str, Any]:
    """Recall and precision on whole texts with every claim labelled (``articles_*.jsonl``)."""
    p = Path(path)
    lines: list[dict[str, Any]] = []
    flags: dict[str, list[dict[str, Any]]] = {q: [] for q in PARTS}
    wrong_parsed: list[dict[str, Any]] = []
    for d in read_records(p):
        ls, correct = _article_record(d)
        lines += ls
        part = part_of(str(d["id"]))
        lang, pair = d.get("lang") or "?", pair_of(d)
        flags[part] += [
            {
                "lang": lang,
                "pair": pair,
                "ok": ok,
                "number": _is_labelled_number(g, d),
                "undet_guess": ok
                and not any(_exact(field_matches(e, g)) for e in d["expected"] or [] if e)
                and _guesses_undeterminable(g, d.get("undeterminable") or []),
            }
            for g, ok in zip(parsed(d), correct, strict=True)
        ]
        wrong_parsed += [
            {"id": d["id"], "part": part, "got": g}
            for g, ok in zip(parsed(d), correct, strict=True)
            if not ok
        ]
    parts = {q: _article_summary([ln for ln in lines if ln["part"] == q], flags[q]) for q in PARTS}
    whole = _article_summary(lines, flags["blind"] + flags["studied"])
    return {
        "file": str(p),
        "kind": "articles",
        **whole,
        **parts,
        "lines": lines,
        "spurious": wrong_parsed,
    }


# ------------------------------------------------------------------------------------------
# undeterminable quotes
# ------------------------------------------------------------------------------------------
def guessed_fields(reason: str, claims: list[dict[str, Any]]) -> list[str]:
    """What the parser guessed in a record a careful reader could not pin down.

    A claim that lists nothing in ``unsure`` is a guess (``"claim"``); a claim that sets a field
    the reason names (period; direction/partner) without listing it as unsure guesses that field.

    Examples
    --------
    >>> guessed_fields("period not stated", [{"period": None, "direction": "both",
    ...                 "unsure": ["period"]}])
    []
    >>> guessed_fields("period not stated", [{"period": {"start": "2020-01", "end": "2020-12"},
    ...                 "direction": "both", "unsure": []}])
    ['claim', 'period']
    """
    out: list[str] = []
    for c in claims:
        unsure = set(c.get("unsure") or [])
        if not unsure and "claim" not in out:
            out.append("claim")
        for f, rx in _REASON_FIELDS.items():
            if rx.search(reason) and c.get(f) and f not in unsure and f not in out:
                out.append(f)
    return out


def labelled_quotes(folder: Path) -> dict[str, list[dict[str, Any]]]:
    """Quote text -> the claims labelled for it in the folder's quote files (``claims_*``)."""
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for f in sorted(folder.glob("claims_*.jsonl")):
        for d in read_records(f):
            exp = d["expected"]
            out[d["_text"]] += [e for e in (exp if isinstance(exp, list) else [exp]) if e]
    return out


def evaluate_undeterminable(path: str | Path) -> dict[str, Any]:
    """Share of records where the parser guessed what the label says cannot be determined.

    A quote may hold a determinable claim beside the undeterminable mention (the same quote
    is then labelled in a ``claims_*.jsonl`` file of the same folder): a parsed claim that
    matches such a label exactly is not a guess.
    """
    p = Path(path)
    known = labelled_quotes(p.parent)
    lines = []
    for d in read_records(p, need_expected=False):
        got = [
            g
            for g in parsed(d)
            if not any(_exact(field_matches(e, g)) for e in known.get(d["_text"], []))
        ]
        guessed = guessed_fields(str(d.get("reason") or ""), got)
        lines.append(
            {
                "id": d["id"],
                "lang": d.get("lang") or "?",
                "part": part_of(str(d["id"])),
                "clean": not guessed,
                "guessed": guessed,
                "reason": d.get("reason"),
                "got": parsed(d),
            }
        )

    def summary(ls: list[dict[str, Any]]) -> dict[str, Any]:
        clean = sum(ln["clean"] for ln in ls)
        per_field = {f: sum(f in ln["guessed"] for ln in ls) for f in ("claim", *_REASON_FIELDS)}
        return {
            "n": len(ls),
            "clean": clean,
            "guessed": len(ls) - clean,
            "guessed_rate": _ratio(len(ls) - clean, len(ls)),
            "guessed_fields": per_field,
            "by_lang": _by_lang(ls, "clean"),
        }

    parts = {q: summary([ln for ln in lines if ln["part"] == q]) for q in PARTS}
    return {"file": str(p), "kind": "undeterminable", **summary(lines), **parts, "lines": lines}


# ------------------------------------------------------------------------------------------
# a folder, and the command line
# ------------------------------------------------------------------------------------------
def evaluator_for(path: Path) -> Callable[[Path], dict[str, Any]]:
    """The scoring a file's name asks for."""
    if path.name.startswith("articles_"):
        return evaluate_articles
    if path.name.startswith("undeterminable"):
        return evaluate_undeterminable
    return evaluate


def evaluate_dir(folder: str | Path) -> list[dict[str, Any]]:
    """Score every ``*.jsonl`` file of a real-text folder, in name order."""
    d = Path(folder)
    if not d.is_dir():
        raise EvalFileError(f"{d}: not a folder of labelled real text (expected *.jsonl files)")
    files = sorted(d.glob("*.jsonl"))
    if not files:
        raise EvalFileError(f"{d}: no *.jsonl file")
    return [evaluator_for(f)(f) for f in files]


def _pct(ok: int, n: int) -> str:
    return f"{ok}/{n} = {100 * _ratio(ok, n):.1f}%"


def _langs(by_lang: dict[str, list[int]]) -> str:
    return ", ".join(f"{k} {a}/{b}" for k, (a, b) in by_lang.items())


def _fields_line(fields: dict[str, list[int]]) -> str:
    return ", ".join(f"{f} {a}/{b}" for f, (a, b) in fields.items())


def format_part(r: dict[str, Any], part: str) -> list[str]:
    """The lines that print one part (blind or studied) of one file's result."""
    s = r[part]
    if r["kind"] == "undeterminable":
        return [
            f"  {part:<8} guessed {_pct(s['guessed'], s['n'])} (clean {s['clean']}); "
            f"by field: " + ", ".join(f"{k} {v}" for k, v in s["guessed_fields"].items()),
            f"           clean by language: {_langs(s['by_lang'])}",
        ]
    if r["kind"] == "articles":
        return _article_part_lines(part, s)
    head = (
        f"  {part:<8} exact {_pct(s['exact'], s['n'])}, strict (bound, scope) "
        f"{s['strict']}/{s['n']}, extra parsed claims {s['extra']}/{s['parsed']}"
    )
    return [
        head,
        f"           by language: {_langs(s['by_lang'])}",
        f"           fields: {_fields_line(s['fields'])}",
    ] + [f"             {lg}: {_fields_line(f)}" for lg, f in s["fields_by_lang"].items()]


def _article_part_lines(part: str, s: dict[str, Any]) -> list[str]:
    """Recall and precision of one part of an article file: in all, per language, per pair."""
    lang = f"recall {_langs(s['by_lang'])}; precision {_langs(s['by_lang_precision'])}"
    pair = f"recall {_langs(s['by_pair'])}; precision {_langs(s['by_pair_precision'])}"
    head = (
        f"recall {_pct(s['found'], s['n'])}, precision {_pct(s['correct'], s['parsed'])}; "
        f"with a labelled number, other fields aside {s['numbers']}/{s['parsed']}"
    )
    guesses = (
        f"           right only as an undeterminable mention, guessing what it leaves open: "
        f"{s['undet_guessed']}/{s['correct']}"
    )
    return (
        [
            f"  {part:<8} {head}",
            f"           by language: {lang}",
            f"           by pair: {pair}",
            f"           fields: {_fields_line(s['fields'])}",
        ]
        + [f"             {lg}: {_fields_line(f)}" for lg, f in s["fields_by_lang"].items()]
        + [guesses]
    )


def format_result(r: dict[str, Any], verbose: bool = False) -> list[str]:
    """Blind part first, then studied; with ``verbose``, the studied misses."""
    out = [f"{Path(r['file']).name} ({r['kind']})"]
    for part in PARTS:
        out += format_part(r, part)
    if verbose:
        for ln in r["lines"]:
            if ln["part"] != "studied" or ln.get("exact", ln.get("clean")):
                continue
            why = ln.get("wrong") or ln.get("guessed")
            out.append(
                f"    MISS {ln['id']}: {why}; got {json.dumps(ln['got'], ensure_ascii=False)}"
            )
        for sp in r.get("spurious", []):
            if sp["part"] == "studied":
                out.append(f"    SPURIOUS {sp['id']}: {json.dumps(sp['got'], ensure_ascii=False)}")
    return out


def public(r: dict[str, Any]) -> dict[str, Any]:
    """A result without the details of blind records (for ``--json``)."""
    out = dict(r)
    out["lines"] = [ln for ln in r["lines"] if ln["part"] == "studied"]
    if "spurious" in r:
        out["spurious"] = [s for s in r["spurious"] if s["part"] == "studied"]
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m tradecheck.eval", description=__doc__.splitlines()[0]
    )
    ap.add_argument(
        "file", nargs="?", help="one labelled JSONL file (default: every file of --dir)"
    )
    ap.add_argument("--dir", help=f"folder of labelled real text (default: {default_dir()})")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    ap.add_argument(
        "-v", "--verbose", action="store_true", help="list the studied records that are wrong"
    )
    args = ap.parse_args(argv)
    try:
        if args.file:
            path = Path(args.file)
            results = [evaluator_for(path)(path)]
        else:
            results = evaluate_dir(args.dir or default_dir())
    except TradecheckError as exc:
        print(f"tradecheck.eval: error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps([public(r) for r in results], ensure_ascii=False, indent=1))
        return 0
    for r in results:
        print("\n".join(format_result(r, args.verbose)))
    return 0


if __name__ == "__main__":  # pragma: no cover
    try:
        sys.exit(main())
    except BrokenPipeError:  # output piped into `head`
        sys.exit(0)
