"""The provenance appendix of the report: which files, which software, which figures.

Written as Markdown and converted to typst by pandoc (so escaping is pandoc's job, not ours).
No clock time is printed (not even data/processed's build time): the same inputs give the
same bytes. Every input file is listed with the sha256 of its bytes *as read now*, compared with the
sha256 its sidecar (``<file>.meta.json``) recorded when it was downloaded, and its vintage.
For each verdict the appendix lists the canonical rows the checker used (``source_file``,
``source_ref``, ``vintage``), taken from the results the claims notebook wrote.

Examples
--------
>>> md = appendix_markdown(data=[], as_of="2025-11-29", results=None)
>>> md.splitlines()[0]
'# Provenance appendix'
"""

from __future__ import annotations

import json
import os
import platform
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from tradecheck import fmt, paths
from tradecheck.charts.verdict import verdict_word
from tradecheck.countries import DEFAULT_PAIR
from tradecheck.loaders import iter_files
from tradecheck.loaders.base import display_path
from tradecheck.report.text import md
from tradecheck.store.manifest import sha256_file

#: Packages whose versions shape the numbers or the bytes of the PDF.
KEY_PACKAGES: tuple[str, ...] = (
    "tradecheck",
    "pandas",
    "numpy",
    "matplotlib",
    "statsmodels",
    "pyarrow",
    "papermill",
    "nbclient",
    "ipykernel",
    "typst",
    "pypandoc-binary",
)


@dataclass(frozen=True)
class InputFile:
    """One input file and what is known about where it came from."""

    path: str  # as displayed: relative to the project root when inside it
    sha256: str
    size: int
    vintage: str | None
    title: str | None
    recorded_sha256: str | None  # what the sidecar says, if any

    @property
    def checksum_note(self) -> str:
        if self.recorded_sha256 is None:
            return "no checksum recorded"
        if self.recorded_sha256.lower() == self.sha256:
            return "matches the sidecar"
        return "DIFFERS from the sidecar's " + self.recorded_sha256[:12] + "…"


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        obj = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return obj if isinstance(obj, dict) else None


def _expand(items: Iterable[Path]) -> list[Path]:
    files = [f for f in iter_files(items) if f.is_file()]
    return sorted(set(files), key=display_path)


def describe_file(path: Path) -> InputFile:
    """Hash a file and read its sidecar (``<name>.meta.json``) if there is one."""
    meta = _read_json(path.with_name(path.name + ".meta.json")) or {}
    vintage = meta.get("vintage") or meta.get("retrieved_at")
    return InputFile(
        path=display_path(path),
        sha256=sha256_file(path),
        size=path.stat().st_size,
        vintage=str(vintage) if vintage else None,
        title=str(meta["title"]) if meta.get("title") else None,
        recorded_sha256=str(meta["sha256"]) if meta.get("sha256") else None,
    )


def input_files(data: Sequence[str | os.PathLike[str]] | None = None) -> list[InputFile]:
    """Describe the input files of a report.

    Parameters
    ----------
    data : list of paths, optional
        The files/folders the report read; default the raw files under ``data/raw``
        (from which ``data/processed`` is built).
    """
    roots = [paths.RAW] if data is None else [Path(p) for p in data]
    return [describe_file(f) for f in _expand(roots)]


def processed_summary() -> list[str]:
    """Markdown lines about ``data/processed`` (from its manifest), or an empty list.

    Lists the Parquet file's sha256 (recomputed and compared with the manifest), when and by
    which code it was built, and whether each raw file's checksum matches what the manifest
    recorded at build time.
    """
    lines: list[str] = []
    manifest = _read_json(paths.MANIFEST) if paths.MANIFEST.is_file() else None
    if paths.CANONICAL_PARQUET.is_file():
        sha = sha256_file(paths.CANONICAL_PARQUET)
        recorded = ((manifest or {}).get("output") or {}).get("sha256")
        check = (
            ""
            if not recorded
            else (" (matches the manifest)" if recorded == sha else " (DIFFERS from the manifest)")
        )
        lines.append(f"- {_code(display_path(paths.CANONICAL_PARQUET))}: sha256 `{sha}`{check}")
    if not manifest:
        return lines
    out = manifest.get("output") or {}
    if out.get("rows") is not None:
        lines.append(f"- {fmt.number(int(out['rows']), digits=0)} canonical rows")
    # the build time is left out on purpose: rebuilding data/processed later must not change
    # the PDF (the Parquet's sha256 above already identifies the data)
    if manifest.get("code_sha256"):
        lines.append(f"- code sha256: `{manifest['code_sha256']}`")
    raw_root = paths.ROOT / str(manifest.get("raw_root", "data/raw"))
    stale = []
    for entry in manifest.get("inputs") or []:
        f = raw_root / str(entry.get("path", ""))
        if not f.is_file() or sha256_file(f) != entry.get("sha256"):
            stale.append(display_path(f))
    n = len(manifest.get("inputs") or [])
    if stale:
        lines.append(f"- raw files changed since the build: {', '.join(_esc(x) for x in stale)}")
    elif n:
        lines.append(f"- built from {n} raw file(s); every one still matches its recorded sha256")
    return lines


def package_versions(names: Iterable[str] = KEY_PACKAGES) -> dict[str, str]:
    """Return the installed versions of ``names`` (plus Python and pandoc).

    Examples
    --------
    >>> "pandas" in package_versions()
    True
    """
    out: dict[str, str] = {"python": platform.python_version()}
    for n in names:
        try:
            out[n] = metadata.version(n)
        except metadata.PackageNotFoundError:
            out[n] = "not installed"
    try:
        import pypandoc

        out["pandoc"] = str(pypandoc.get_pandoc_version())
    except (ImportError, OSError, RuntimeError):
        out["pandoc"] = "not found"
    out["fonts-noto-cjk (Debian)"] = _deb_version("fonts-noto-cjk")
    return out


def _deb_version(package: str) -> str:
    """Version of an installed Debian package (the CJK fonts shape the PDF's bytes)."""
    import shutil
    import subprocess

    exe = shutil.which("dpkg-query")
    if not exe:
        return "unknown (no dpkg)"
    res = subprocess.run(
        [exe, "-W", "-f", "${Version}", package], capture_output=True, text=True, check=False
    )
    return res.stdout.strip() if res.returncode == 0 and res.stdout.strip() else "not installed"


def country_label(iso3: str) -> str:
    """Return ``"Belarus (BLR)"`` style labels (falls back to the bare code)."""
    label: str | None = None
    try:
        from tradecheck import countries  # engineer "imf-gacc"

        label = countries.name(iso3, "en")
    except Exception:  # noqa: BLE001 - module may be absent or partial; the code is enough
        label = None
    if not label:
        try:
            import pycountry

            c = pycountry.countries.get(alpha_3=iso3)
            label = getattr(c, "common_name", None) or getattr(c, "name", None) if c else None
        except (ImportError, KeyError, LookupError):
            label = None
    return f"{label} ({iso3})" if label else iso3


def _esc(text: Any) -> str:
    return md(text)


def _code(text: Any) -> str:
    """``text`` as a Markdown code span whose fence is longer than any backtick run in it, so
    a file name can never close the span early (or open a raw typst block)."""
    t = " ".join(str(text).split())
    run = max((len(m) for m in re.findall(r"`+", t)), default=0)
    fence = "`" * (run + 1)
    return f"{fence} {t} {fence}" if run else f"{fence}{t}{fence}"


def citation(ev: dict[str, Any]) -> str:
    """Where a figure comes from, as cited once in the appendix: the URL of a published
    figure, else ``file, place in the file``."""
    ref = str(ev.get("source_ref", ""))
    urls = [w for w in ref.split() if "://" in w]
    if urls:
        return urls[0]
    return f"{ev.get('source_file', '')}, {ref}".strip(", ")


def verdict_figures(results: dict[str, Any] | None) -> list[dict[str, Any]]:
    """Flatten the claims notebook's results into one entry per verdict with its figures.

    Parameters
    ----------
    results : dict, optional
        ``{"statements": [{"index", "text", "results": [CheckResult.to_json()], "error"}]}``
        as written by :func:`tradecheck.report.notebook.write_results`.

    Returns
    -------
    list of dict
        ``{"statement", "span", "verdict", "figures": [evidence dicts, de-duplicated]}``.
    """
    out: list[dict[str, Any]] = []
    if not results:
        return out
    for st in results.get("statements", []):
        for res in st.get("results", []):
            seen: set[tuple[Any, ...]] = set()
            figures: list[dict[str, Any]] = []
            for reading in res.get("readings", []):
                for ev in reading.get("evidence", []):
                    key = (
                        ev.get("source_file"),
                        ev.get("source_ref"),
                        ev.get("period_start"),
                        ev.get("period_end"),
                        ev.get("reporter"),
                        ev.get("flow"),
                    )
                    if key in seen:
                        continue
                    seen.add(key)
                    figures.append({**ev, "reading": reading.get("label", "")})
            out.append(
                {
                    "statement": st.get("index"),
                    "span": res.get("claim", {}).get("span", ""),
                    "verdict": res.get("verdict", ""),
                    "label": res.get("label"),
                    "figures": figures,
                }
            )
    return out


def _intro(as_of: str, data_as_of: str | None, pair: tuple[str, str]) -> list[str]:
    return [
        "# Provenance appendix",
        "",
        f"Pair {_esc(country_label(pair[0]))} – {_esc(country_label(pair[1]))}.  ",
        f"Claims as of {_esc(as_of)}.  ",
        f"Data as of {_esc(data_as_of or 'all data')}.",
        "",
        (
            "Every number in this report was computed from the files below by the software "
            "listed; rebuilding with the same files and versions gives the same PDF, byte for byte."
        ),
        "",
    ]


def _file_lines(data: Sequence[str | os.PathLike[str]] | None) -> list[str]:
    lines = ["## Input files", ""]
    files = input_files(data)
    if not files:
        lines.append("No input files.")
    for f in files:
        vintage = _esc(f.vintage) if f.vintage else "not recorded"
        head = f"- {_code(f.path)} — vintage {vintage}; {fmt.number(f.size, digits=0)} bytes"
        if f.title:
            head += f"; {_esc(f.title)}"
        lines.append(head + "\\")  # hard line break before the checksum
        lines.append(f"  sha256 `{f.sha256}` ({f.checksum_note})")
    return [*lines, ""]


def _figure_line(ev: dict[str, Any], ref: int) -> str:
    period = str(ev.get("period_start", ""))
    if ev.get("period_end") and ev.get("period_end") != period:
        period = f"{period}..{ev.get('period_end')}"
    return (
        f"- {fmt.number(ev.get('value'), digits=0)} ({_esc(period)}, reporter "
        f"{_esc(ev.get('reporter', ''))}, flow {_esc(ev.get('flow', ''))}, "
        f"{_esc(ev.get('source', ''))}, vintage {_esc(ev.get('vintage', ''))}) \\[{ref}\\]"
    )


def _verdict_lines(results: dict[str, Any] | None) -> list[str]:
    """The figures behind each verdict, each pointing to a numbered citation listed once."""
    lines = ["## Figures behind each verdict", ""]
    entries = verdict_figures(results)
    if results is None:
        return [*lines, "The claims notebook wrote no results, so no verdicts are listed.", ""]
    if not entries:
        return [*lines, "No claims were checked.", ""]
    cites: dict[str, int] = {}
    for i, e in enumerate(entries, 1):
        word = verdict_word({"verdict": e["verdict"], "label": e.get("label")})
        lines += [f"**{i}. {_esc(word)}** (statement {e['statement']}): {_esc(e['span'])}", ""]
        if not e["figures"]:
            lines.append("- no figures: nothing in the data matched this claim")
        for ev in e["figures"]:
            ref = cites.setdefault(citation(ev), len(cites) + 1)
            lines.append(_figure_line(ev, ref))
        lines.append("")
    lines += [
        "## Sources cited",
        "",
        "Each source once; the numbers in brackets above point here.",
        "",
    ]
    for text, n in cites.items():
        shown = (
            f"<{text}>" if "://" in text and " " not in text and ">" not in text else _code(text)
        )
        lines.append(f"{n}. {shown}")
    return [*lines, ""]


def appendix_markdown(
    *,
    data: Sequence[str | os.PathLike[str]] | None,
    as_of: str,
    pair: tuple[str, str] = DEFAULT_PAIR,
    results: dict[str, Any] | None = None,
    claims_file: str | os.PathLike[str] | None = None,
    data_as_of: str | None = None,
) -> str:
    """Write the provenance appendix as Markdown.

    Parameters
    ----------
    data : list of paths or None
        What the report read (None = the default dataset built from ``data/raw``).
    as_of : str
        The claims' as-of date (a date or a sentence about it).
    pair : (str, str)
        Reporter and partner.
    results : dict, optional
        The claims notebook's results (see :func:`verdict_figures`).
    claims_file : path, optional
        The claims file checked.
    data_as_of : str, optional
        The data's as-of date (a sentence); default "all data".
    """
    lines = _intro(as_of, data_as_of, pair)
    if claims_file is not None:
        cf = Path(claims_file)
        lines += [f"Claims file: {_code(display_path(cf))}  ", f"sha256 `{sha256_file(cf)}`", ""]
    lines += _file_lines(data)
    if data is None:
        proc = processed_summary()
        if proc:
            lines += ["## Processed dataset", "", *proc, ""]
    lines += ["## Software", "", "| package | version |", "|---|---|"]
    for name, ver in package_versions().items():
        lines.append(f"| {_esc(name)} | {_esc(ver)} |")
    lines.append("")
    lines += _verdict_lines(results)
    return "\n".join(lines) + "\n"
