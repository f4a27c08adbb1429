"""The provenance appendix of the report: which files, which software, which figures.

Written as Markdown and converted to typst by pandoc (so escaping is pandoc's job, not ours).
Every input file is listed with the sha256 of its bytes *as read now*, compared with the
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

from tradecheck import paths
from tradecheck.countries import DEFAULT_PAIR
from tradecheck.loaders import iter_files
from tradecheck.loaders.base import display_path
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
        lines.append(f"- `{display_path(paths.CANONICAL_PARQUET)}`: sha256 `{sha}`{check}")
    if not manifest:
        return lines
    out = manifest.get("output") or {}
    if out.get("rows") is not None:
        lines.append(f"- {int(out['rows']):,} canonical rows")
    for key, label in (("built_at", "built at"), ("code_sha256", "code sha256")):
        if manifest.get(key):
            lines.append(f"- {label}: `{manifest[key]}`")
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


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|$~^@])")


def _esc(text: str) -> str:
    """Escape Markdown punctuation so a claim or a file name is printed literally."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _num(value: Any) -> str:
    try:
        v = float(value)
    except (TypeError, ValueError):
        return str(value)
    if abs(v) >= 1e6:
        return f"{v / 1e6:,.1f} mn"
    return f"{v:,.4g}"


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
                    "figures": figures,
                }
            )
    return out


def appendix_markdown(
    *,
    data: Sequence[str | os.PathLike[str]] | None,
    as_of: str,
    pair: tuple[str, str] = DEFAULT_PAIR,
    results: dict[str, Any] | None = None,
    claims_file: str | os.PathLike[str] | None = None,
) -> str:
    """Write the provenance appendix as Markdown.

    Parameters
    ----------
    data : list of paths or None
        What the report read (None = the default dataset built from ``data/raw``).
    as_of : str
        The as-of date used.
    pair : (str, str)
        Reporter and partner.
    results : dict, optional
        The claims notebook's results (see :func:`verdict_figures`).
    claims_file : path, optional
        The claims file checked.
    """
    lines = ["# Provenance appendix", ""]
    lines.append(
        f"As-of date **{as_of}**; "
        f"pair {_esc(country_label(pair[0]))} – {_esc(country_label(pair[1]))}. "
        "Every number in this report was computed from the files below by the software listed; "
        "rebuilding with the same files and versions gives the same PDF, byte for byte."
    )
    lines.append("")
    if claims_file is not None:
        cf = Path(claims_file)
        lines.append(f"Claims file: `{display_path(cf)}`  ")
        lines.append(f"sha256 `{sha256_file(cf)}`")
        lines.append("")

    lines += ["## Input files", ""]
    files = input_files(data)
    if not files:
        lines.append("No input files.")
    for f in files:
        vintage = _esc(f.vintage) if f.vintage else "not recorded"
        head = f"- `{f.path}` — vintage {vintage}; {f.size:,} bytes"
        if f.title:
            head += f"; {_esc(f.title)}"
        lines.append(head + "\\")  # hard line break before the checksum
        lines.append(f"  sha256 `{f.sha256}` ({f.checksum_note})")
    lines.append("")
    if data is None:
        proc = processed_summary()
        if proc:
            lines += ["## Processed dataset", "", *proc, ""]

    lines += ["## Software", "", "| package | version |", "|---|---|"]
    for name, ver in package_versions().items():
        lines.append(f"| {_esc(name)} | {_esc(ver)} |")
    lines.append("")

    lines += ["## Figures behind each verdict", ""]
    entries = verdict_figures(results)
    if results is None:
        lines.append("The claims notebook wrote no results, so no verdicts are listed.")
    elif not entries:
        lines.append("No claims were checked.")
    for i, e in enumerate(entries, 1):
        lines.append(
            f"**{i}. {_esc(e['verdict'])}** (statement {e['statement']}): {_esc(e['span'])}"
        )
        lines.append("")
        if not e["figures"]:
            lines.append("- no figures: nothing in the data matched this claim")
        for ev in e["figures"]:
            period = ev.get("period_start", "")
            if ev.get("period_end") and ev.get("period_end") != period:
                period = f"{period}..{ev.get('period_end')}"
            lines.append(
                f"- {_esc(_num(ev.get('value')))} ({_esc(period)}, "
                f"reporter {_esc(ev.get('reporter', ''))}, "
                f"flow {_esc(ev.get('flow', ''))}, {_esc(ev.get('source', ''))}); "
                f"`{ev.get('source_file', '')}`, {_esc(ev.get('source_ref', ''))}, "
                f"vintage {_esc(ev.get('vintage', ''))}"
            )
        lines.append("")
    return "\n".join(lines) + "\n"
