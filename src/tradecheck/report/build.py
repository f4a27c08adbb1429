"""One command from data to a reproducible PDF: execute the notebooks, convert, compile.

The route (measured on this kind of machine before it was chosen): notebooks are executed with
**papermill** (parameters injected into the cell tagged ``parameters``), converted with
**pandoc**'s ipynb reader to typst (the pandoc binary bundled in the ``pypandoc-binary`` wheel,
with the Lua filter ``cells.lua``), and compiled into one PDF with the **typst** Python binding.
Chosen because everything is a PyPI wheel (plus the Debian CJK font), it is fast, and typst
writes identical bytes for identical inputs when given a fixed timestamp and a fixed font set.

Speed
-----
The notebooks are independent, so they run in parallel threads, each with its own kernel
(:func:`report_jobs`); pandoc then converts them in order. About 15 s for the default report on
two cores, most of it kernel start-up and imports.

Determinism
-----------
- The PDF's creation date is ``SOURCE_DATE_EPOCH`` (default :data:`DEFAULT_EPOCH`), never the
  wall clock; the default as-of date is that day too.
- Fonts are pinned: ``ignore_system_fonts=True`` with matplotlib's bundled DejaVu fonts and the
  Noto CJK folder; a typst warning about an unknown font fails the build (no silent tofu).
- Executed notebooks are scrubbed of timings (papermill/nbclient timestamps) and random cell
  ids before conversion; media files are named by content hash (pandoc ``--extract-media``).

Examples
--------
>>> from tradecheck.report.build import default_as_of
>>> default_as_of(epoch=1764374400)
'2025-11-29'
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import nbformat

from tradecheck import __version__, paths
from tradecheck.countries import DEFAULT_PAIR, parse_pair
from tradecheck.dates import parse_date
from tradecheck.errors import TradecheckError

#: Fixed creation time when ``SOURCE_DATE_EPOCH`` is unset (2025-11-29 00:00 UTC, as the Makefile).
DEFAULT_EPOCH = 1764374400

#: The report's notebooks, in order (file names under ``notebooks/``).
NOTEBOOKS: tuple[str, ...] = (
    "01_load_and_validate.ipynb",
    "02_trend.ipynb",
    "03_claims.ipynb",
    "04_mirror_statistics.ipynb",
)

#: Where fonts-noto-cjk puts the CJK fonts (Debian/Ubuntu).
CJK_FONT_DIRS: tuple[Path, ...] = (
    Path("/usr/share/fonts/opentype/noto"),
    Path("/usr/share/fonts/truetype/noto"),
)

#: The notebook that checks the claims writes its results (JSON) for the provenance appendix.
CLAIMS_NOTEBOOK = "03_claims.ipynb"

_PANDOC_ARGS = ("-f", "ipynb", "-t", "typst", "--ipynb-output=all", "--wrap=preserve")


class ReportError(TradecheckError):
    """The report could not be built (missing font, failing notebook, typst error)."""


# ---------------------------------------------------------------------------------------------
# small pieces


def source_date_epoch() -> int:
    """Return ``SOURCE_DATE_EPOCH`` as an int, or :data:`DEFAULT_EPOCH` when unset.

    Raises
    ------
    ReportError
        If the variable is set but not an integer.
    """
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return DEFAULT_EPOCH
    try:
        return int(raw)
    except ValueError:
        raise ReportError(
            f"SOURCE_DATE_EPOCH must be seconds since 1970 (an integer), got {raw!r}"
        ) from None


def default_as_of(epoch: int | None = None) -> str:
    """Return the default as-of date: the UTC day of ``SOURCE_DATE_EPOCH``.

    Parameters
    ----------
    epoch : int, optional
        Seconds since 1970; default :func:`source_date_epoch`.

    Examples
    --------
    >>> default_as_of(epoch=0)
    '1970-01-01'
    """
    e = source_date_epoch() if epoch is None else epoch
    return dt.datetime.fromtimestamp(e, tz=dt.UTC).date().isoformat()


def normalise_as_of(as_of: str | dt.date | None) -> str:
    """Return ``as_of`` as ``YYYY-MM-DD`` (default :func:`default_as_of`).

    Raises
    ------
    ReportError
        If the date cannot be read.

    Examples
    --------
    >>> normalise_as_of("2025-11-05")
    '2025-11-05'
    """
    day = parse_date(as_of, error=ReportError, what="as-of date")
    return default_as_of() if day is None else day.isoformat()


def normalise_pair(pair: str | Sequence[str]) -> tuple[str, str]:
    """Return the reporter/partner pair as two upper-case ISO3 codes.

    Accepts ``("BLR", "CHN")`` or ``"BLR-CHN"``.

    Raises
    ------
    ReportError
        If it is not two three-letter codes.

    Examples
    --------
    >>> normalise_pair("blr-chn")
    ('BLR', 'CHN')
    """
    return parse_pair(pair, error=ReportError)


def font_dirs() -> list[Path]:
    """Return the font folders the PDF may use: matplotlib's DejaVu fonts + Noto CJK.

    Raises
    ------
    ReportError
        If no Noto CJK font is installed (``make fonts`` installs Debian's fonts-noto-cjk).
    """
    import matplotlib

    mpl_fonts = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    for d in CJK_FONT_DIRS:
        if any(d.glob("NotoSansCJK*")) and any(d.glob("NotoSerifCJK*")):
            return [mpl_fonts, d]
    raise ReportError(
        "the Noto CJK fonts are missing (needed for Chinese text in the PDF): run `make fonts` "
        "or `apt-get install fonts-noto-cjk` (looked in "
        + ", ".join(str(d) for d in CJK_FONT_DIRS)
        + ")"
    )


def ensure_kernel() -> str:
    """Return a Jupyter kernel name that runs the current interpreter.

    ``python3`` is used when it resolves to this interpreter (the usual case in the project
    venv, whose ipykernel spec says ``python`` = the running interpreter). Otherwise (e.g. a
    user-wide ``python3`` spec pointing at another Python shadows it) a ``tradecheck`` spec
    pointing at ``sys.executable`` is installed into ``sys.prefix`` and used.
    """
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    ksm = KernelSpecManager()
    try:
        spec = ksm.get_kernel_spec("python3")
        exe = spec.argv[0] if spec.argv else ""
        if _is_this_python(exe):
            return "python3"
    except NoSuchKernel:
        pass
    name = "tradecheck"
    try:
        spec = ksm.get_kernel_spec(name)
        if spec.argv and _is_this_python(spec.argv[0]):
            return name
    except NoSuchKernel:
        pass
    from ipykernel.kernelspec import install

    install(kernel_name=name, display_name="Python (tradecheck)", prefix=sys.prefix)
    return name


def _is_this_python(exe: str) -> bool:
    # jupyter_client substitutes sys.executable for a bare "python"/"python3"/"python3.X".
    major, minor = sys.version_info[:2]
    if exe in ("python", f"python{major}", f"python{major}.{minor}"):
        return True
    # same bin folder = same venv (don't resolve symlinks: a venv's python links to the base one)
    return (
        bool(exe)
        and Path(os.path.abspath(exe)).parent == Path(os.path.abspath(sys.executable)).parent
    )


def scrub_notebook(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Remove run-specific metadata (timings, random cell ids) from an executed notebook.

    papermill and nbclient record start/end times per cell and per run; nbformat gives new
    cells (papermill's injected-parameters cell) random ids. None of it belongs in a
    reproducible artefact.
    """
    pm = nb.metadata.get("papermill")
    if isinstance(pm, dict):
        for key in (
            "start_time",
            "end_time",
            "duration",
            "input_path",
            "output_path",
            "environment_variables",
        ):
            pm.pop(key, None)
    for i, cell in enumerate(nb.cells):
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        if "id" in cell:
            cell["id"] = f"cell-{i:03d}"
    return nb


# ---------------------------------------------------------------------------------------------
# the three stages


def execute_notebook(
    src: Path,
    dst: Path,
    parameters: dict[str, Any],
    *,
    kernel_name: str,
    cwd: Path,
    failed_copy: Path | None = None,
) -> nbformat.NotebookNode:
    """Execute ``src`` with papermill into ``dst`` (scrubbed) and return the notebook.

    Raises
    ------
    ReportError
        When a cell fails; the message names the notebook, the cell and the error, and the
        executed notebook (with the traceback) is kept at ``failed_copy`` if given.
    """
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    try:
        pm.execute_notebook(
            str(Path(src).resolve()),
            str(Path(dst).resolve()),
            parameters=parameters,
            kernel_name=kernel_name,
            progress_bar=False,
            log_output=False,
            # the kernel starts in ``cwd`` (nbclient's resources path); papermill's own
            # ``cwd=`` would chdir the whole process, and notebooks run in parallel threads
            # restore each other's directory out of order, leaving the caller elsewhere
            resources={"metadata": {"path": str(cwd)}},
            record_timing=False,
            # kernel log lines ("running over TCP without encryption", "KeyboardInterrupt caught"
            # at shutdown) are noise here; cell errors reach us through papermill
            extra_arguments=["--IPKernelApp.log_level=CRITICAL"],
        )
    except PapermillExecutionError as exc:
        where = ""
        if failed_copy is not None and dst.exists():
            failed_copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(dst, failed_copy)
            where = f" (executed notebook kept at {failed_copy})"
        raise ReportError(
            f"notebook {src.name} failed in cell {exc.exec_count}: {exc.ename}: {exc.evalue}{where}"
        ) from None
    nb = nbformat.read(dst, as_version=4)
    scrub_notebook(nb)
    nbformat.write(nb, dst)
    return nb


def notebook_to_typst(nb_path: Path, out_typ: Path, *, workdir: Path) -> Path:
    """Convert an executed notebook to typst with pandoc (``-f ipynb -t typst``).

    Media go to ``workdir/media`` named by content hash; the paths in the ``.typ`` file are
    relative to ``workdir`` (typst resolves absolute paths against its project root).
    """
    import pypandoc

    lua = workdir / "cells.lua"
    if not lua.exists():
        lua.write_bytes(resources.files("tradecheck.report").joinpath("cells.lua").read_bytes())
    cmd = [
        pypandoc.get_pandoc_path(),
        os.path.relpath(nb_path, workdir),
        *_PANDOC_ARGS,
        "--lua-filter",
        "cells.lua",
        "--extract-media",
        "media",
        "-o",
        os.path.relpath(out_typ, workdir),
    ]
    proc = subprocess.run(cmd, cwd=workdir, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise ReportError(f"pandoc could not convert {nb_path.name}: {proc.stderr.strip()}")
    return out_typ


def markdown_to_typst(markdown: str, out_typ: Path) -> Path:
    """Convert a Markdown string (the provenance appendix) to a typst file with pandoc."""
    import pypandoc

    proc = subprocess.run(
        [
            pypandoc.get_pandoc_path(),
            "-f",
            "markdown",
            "-t",
            "typst",
            "--wrap=preserve",
            "-o",
            str(out_typ),
        ],
        input=markdown,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise ReportError(f"pandoc could not convert the appendix: {proc.stderr.strip()}")
    return out_typ


def compile_pdf(
    main: Path,
    *,
    root: Path,
    sys_inputs: dict[str, str],
    timestamp: int,
    fonts: Iterable[Path] | None = None,
) -> bytes:
    """Compile ``main`` with typst and return the PDF bytes.

    Raises
    ------
    ReportError
        On a typst error, or a warning that a font family is unknown (glyphs would be
        missing or substituted).
    """
    import typst

    font_paths = [str(p) for p in (font_dirs() if fonts is None else fonts)]
    try:
        pdf, warnings = typst.compile_with_warnings(
            str(main),
            root=str(root),
            font_paths=font_paths,
            ignore_system_fonts=True,
            sys_inputs=sys_inputs,
            timestamp=timestamp,
        )
    except typst.TypstError as exc:
        raise ReportError(
            f"typst could not compile the report: {exc.message} {exc.diagnostic}"
        ) from None
    bad = [w for w in warnings if "font" in str(getattr(w, "message", w)).lower()]
    if bad:
        msgs = "; ".join(str(getattr(w, "message", w)) for w in bad)
        raise ReportError(f"typst font problem (the PDF would show missing glyphs): {msgs}")
    if not isinstance(pdf, bytes):  # pragma: no cover - typst returns bytes when output=None
        raise ReportError("typst returned no PDF")
    return pdf


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder + rename
    (the store's helper; the folder is created first)."""
    from tradecheck.store.manifest import atomic_write_bytes

    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, data)


# ---------------------------------------------------------------------------------------------
# the pipeline


def default_output(pair: tuple[str, str]) -> Path:
    """Return ``reports/tradecheck_report_<A>-<B>.pdf``."""
    return paths.REPORTS / f"tradecheck_report_{pair[0]}-{pair[1]}.pdf"


@contextlib.contextmanager
def _workdir() -> Iterator[Path]:
    """A temporary build folder, or ``$TRADECHECK_REPORT_BUILD_DIR`` (kept, for inspection:
    executed notebooks, the .typ files, media)."""
    keep = os.environ.get("TRADECHECK_REPORT_BUILD_DIR", "").strip()
    if keep:
        work = Path(keep)
        work.mkdir(parents=True, exist_ok=True)  # never emptied: it may be a user's folder
        yield work
        return
    with tempfile.TemporaryDirectory(prefix="tradecheck-report-") as tmp:
        yield Path(tmp)


@contextlib.contextmanager
def _source_date_epoch(epoch: int) -> Iterator[None]:
    """Export ``SOURCE_DATE_EPOCH`` while building, so the store's manifest and anything the
    notebook kernels (which inherit the environment) stamp carries the fixed date."""
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old


def _ensure_processed(progress: bool) -> None:
    """Build data/processed from data/raw when the store stage exists (it skips when fresh)."""
    try:
        from tradecheck.store import build as store_build
    except ImportError:
        return
    fn = getattr(store_build, "build", None)
    if callable(fn):
        fn(progress=progress)


def report_jobs() -> int:
    """How many notebooks run at once: ``$TRADECHECK_REPORT_JOBS``, else one per CPU (max 4).

    The notebooks are independent, and each waits mostly on its own kernel, so two at a time
    on two cores nearly halves the build; the output does not depend on the order.
    """
    raw = os.environ.get("TRADECHECK_REPORT_JOBS", "").strip()
    if raw:
        try:
            return max(1, int(raw))
        except ValueError:
            raise ReportError(
                f"TRADECHECK_REPORT_JOBS must be a whole number, got {raw!r}"
            ) from None
    return max(1, min(4, os.cpu_count() or 1))


def _execute_all(
    sources: Sequence[Path],
    params: dict[str, Any],
    *,
    work: Path,
    kernel: str,
    nb_dir: Path,
    results_json: Path,
    failed_dir: Path,
    bar: Any,
) -> list[Path]:
    """Execute the notebooks (in parallel threads, each with its own kernel); return the
    executed copies in the given order. The first failure in that order is raised."""
    from concurrent.futures import ThreadPoolExecutor, as_completed

    def one(src: Path) -> Path:
        nb_params = dict(params)
        if src.name == CLAIMS_NOTEBOOK:
            nb_params["results_out"] = str(results_json)
        dst = work / src.name
        execute_notebook(
            src,
            dst,
            nb_params,
            kernel_name=kernel,
            cwd=nb_dir,
            failed_copy=failed_dir / f"{src.stem}.failed.ipynb",
        )
        return dst

    jobs = min(report_jobs(), len(sources))
    with ThreadPoolExecutor(max_workers=jobs, thread_name_prefix="tradecheck-nb") as pool:
        futures = {pool.submit(one, src): src for src in sources}
        for fut in as_completed(futures):
            if fut.cancelled():
                continue
            if fut.exception() is None:
                bar.set_postfix_str(futures[fut].stem)
                bar.update(1)
            else:  # don't start the rest; the running ones finish
                for other in futures:
                    other.cancel()
        errors = [f.exception() for f in futures if not f.cancelled() and f.exception() is not None]
    if errors:
        raise errors[0]  # type: ignore[misc]
    return [work / src.name for src in sources]


def data_dates(
    data: Sequence[Path] | None, pair: tuple[str, str], data_as_of: str | None
) -> tuple[str, str | None]:
    """The cover's "data as of" sentence, and the latest publication date of the data used.

    Derived from the data, never from the clock: the latest ``vintage`` (publication or
    release date) among the pair's rows, after restricting them to ``data_as_of`` if given.
    """
    from tradecheck.report import notebook as rnb

    df = rnb.restrict_to(rnb.load_data(data), data_as_of)
    latest = rnb.latest_vintage(df, pair)
    seen = f"the latest publication or release date among the figures used: {latest or 'none'}"
    if data_as_of:
        return f"{data_as_of}: only figures published or released by then ({seen})", latest
    return f"{latest or 'no dated figures'}: all data ({seen})", latest


@dataclass(frozen=True)
class _Plan:
    """Per-call context of :func:`build_report`: its inputs, checked and resolved.

    Attributes
    ----------
    pair, as_of, data_as_of, epoch
        The pair (ISO3), the claims' date, the data cut-off (or None) and the PDF's timestamp.
    nb_dir, claims, data, sources, out
        The notebooks folder, the claims file, the data paths (None = processed dataset), the
        notebooks to run in order, and the PDF to write.
    """

    pair: tuple[str, str]
    as_of: str
    data_as_of: str | None
    epoch: int
    nb_dir: Path
    claims: Path
    data: list[Path] | None
    sources: list[Path]
    out: Path


def _data_paths(
    data: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None,
) -> list[Path] | None:
    """The ``data`` argument as a list of existing paths (None stays None: the default data).

    Raises
    ------
    ReportError
        A path does not exist.
    """
    if data is None:
        return None
    paths_ = [Path(data)] if isinstance(data, (str, os.PathLike)) else [Path(p) for p in data]
    for p in paths_:
        if not p.exists():
            raise ReportError(f"data path not found: {p}")
    return paths_


def _notebook_sources(nb_dir: Path) -> list[Path]:
    """The report's notebooks under ``nb_dir``, in order; ReportError names any missing."""
    sources = [nb_dir / name for name in NOTEBOOKS]
    missing = [str(p) for p in sources if not p.is_file()]
    if missing:
        raise ReportError(f"notebook(s) missing: {', '.join(missing)}")
    return sources


def _plan(
    claims: str | os.PathLike[str] | None,
    as_of: str | dt.date | None,
    data_as_of: str | dt.date | None,
    pair: str | Sequence[str],
    data: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None,
    out: str | os.PathLike[str] | None,
    notebooks: str | os.PathLike[str] | None,
) -> _Plan:
    """Check and resolve :func:`build_report`'s arguments (defaults filled in), in the order
    the errors are reported: pair, dates, claims file, data paths, notebooks."""
    pair_t = normalise_pair(pair)
    as_of_s = normalise_as_of(as_of)
    data_as_of_s = None if data_as_of is None else normalise_as_of(data_as_of)
    epoch = source_date_epoch()
    nb_dir = Path(notebooks) if notebooks is not None else paths.NOTEBOOKS
    claims_path = Path(claims) if claims is not None else nb_dir / "inputs" / "default_claims.txt"
    if not claims_path.is_file():
        raise ReportError(f"claims file not found: {claims_path}")
    data_list = _data_paths(data)
    sources = _notebook_sources(nb_dir)
    out_path = Path(out) if out is not None else default_output(pair_t)
    return _Plan(
        pair_t, as_of_s, data_as_of_s, epoch, nb_dir, claims_path, data_list, sources, out_path
    )


def _notebook_params(plan: _Plan) -> dict[str, Any]:
    """The papermill parameters every notebook gets (the claims notebook adds
    ``results_out``)."""
    return {
        "data_paths": None if plan.data is None else [str(p.resolve()) for p in plan.data],
        "claims_file": str(plan.claims.resolve()),
        "as_of": plan.as_of,
        "data_as_of": plan.data_as_of,
        "reporter": plan.pair[0],
        "partner": plan.pair[1],
        "results_out": None,
    }


def _bodies(executed: Sequence[Path], work: Path) -> list[str]:
    """Convert the executed notebooks to typst, in order, one at a time (they share the media
    folder); return the .typ file names."""
    bodies: list[str] = []
    for nb_path in executed:
        typ = work / f"{nb_path.stem}.typ"
        notebook_to_typst(nb_path, typ, workdir=work)
        bodies.append(typ.name)
    return bodies


def _write_front_and_back(plan: _Plan, work: Path) -> tuple[str, str]:
    """Write ``summary.json`` and ``appendix.typ`` into ``work`` from the claims notebook's
    results; return the cover's claims and data sentences."""
    from tradecheck.report import provenance, summary

    results_json = work / "claims_results.json"
    results = (
        json.loads(results_json.read_text(encoding="utf-8")) if results_json.exists() else None
    )
    data_sentence, _latest = data_dates(plan.data, plan.pair, plan.data_as_of)
    claims_sentence = f"{plan.as_of}: relative dates in the claims are read from this day"
    summary.write_summary(results, plan.pair, work / "summary.json")
    appendix_md = provenance.appendix_markdown(
        data=plan.data,
        as_of=claims_sentence,
        data_as_of=data_sentence,
        pair=plan.pair,
        results=results,
        claims_file=plan.claims,
    )
    markdown_to_typst(appendix_md, work / "appendix.typ")
    return claims_sentence, data_sentence


def _typst_inputs(plan: _Plan, sentences: tuple[str, str], bodies: list[str]) -> dict[str, str]:
    """The template's ``sys.inputs``: title, subtitle, the two as-of sentences, the version and
    the files to include."""
    from tradecheck.report import provenance

    claims_sentence, data_sentence = sentences
    return {
        "title": "tradecheck report",
        "subtitle": (
            f"{provenance.country_label(plan.pair[0])} – "
            f"{provenance.country_label(plan.pair[1])} trade"
        ),
        "claims_as_of": claims_sentence,
        "data_as_of": data_sentence,
        "version": __version__,
        "summary": "summary.json",
        "bodies": ",".join(bodies),
        "appendix": "appendix.typ",
    }


def _pdf_bytes(plan: _Plan, *, kernel: str, fonts: list[Path], bar: Any) -> bytes:
    """Execute the notebooks, convert them and compile the PDF in a work folder."""
    with _workdir() as work:
        executed = _execute_all(
            plan.sources,
            _notebook_params(plan),
            work=work,
            kernel=kernel,
            nb_dir=plan.nb_dir,
            results_json=work / "claims_results.json",
            failed_dir=plan.out.parent,
            bar=bar,
        )
        bodies = _bodies(executed, work)
        bar.set_postfix_str("pdf")
        sentences = _write_front_and_back(plan, work)
        main = work / "main.typ"
        main.write_bytes(resources.files("tradecheck.report").joinpath("template.typ").read_bytes())
        inputs = _typst_inputs(plan, sentences, bodies)
        return compile_pdf(main, root=work, sys_inputs=inputs, timestamp=plan.epoch, fonts=fonts)


def build_report(
    *,
    claims: str | os.PathLike[str] | None = None,
    as_of: str | dt.date | None = None,
    data_as_of: str | dt.date | None = None,
    pair: str | Sequence[str] = DEFAULT_PAIR,
    data: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None = None,
    out: str | os.PathLike[str] | None = None,
    notebooks: str | os.PathLike[str] | None = None,
    progress: bool = True,
) -> Path:
    """Build the PDF report: execute the notebooks, convert them, compile one PDF.

    Parameters
    ----------
    claims : path, optional
        Claims file (one statement per line, ``#`` comments); default
        ``notebooks/inputs/default_claims.txt``.
    as_of : str or date, optional
        The claims' date (their publication date): resolves relative periods such as "last
        year"; default the day of ``SOURCE_DATE_EPOCH`` (fixed, so builds stay reproducible).
    data_as_of : str or date, optional
        Use only figures published or released by this date ("was it true when it was
        said?"); default all data. Passed to the checker when it accepts ``data_as_of``; the
        views use the same rows.
    pair : (str, str) or str, default DEFAULT_PAIR (Belarus, China)
        Reporter and partner, ISO3 (``"BLR-CHN"`` also accepted).
    data : path or list of paths, optional
        Raw or canonical data files/folders. Default: the processed dataset
        (``data/processed``), built from ``data/raw`` first when needed.
    out : path, optional
        The PDF; default ``reports/tradecheck_report_<A>-<B>.pdf``. Written atomically.
    notebooks : path, optional
        Folder holding the numbered notebooks; default ``notebooks/``.
    progress : bool, default True
        Show a progress bar (tqdm) over the notebooks.

    Returns
    -------
    Path
        The PDF written.

    Raises
    ------
    ReportError
        A notebook failed, a font is missing, or typst/pandoc failed.

    Examples
    --------
    >>> from tradecheck.report.build import build_report
    >>> build_report(pair="BLR-CHN")  # doctest: +SKIP
    PosixPath('.../reports/tradecheck_report_BLR-CHN.pdf')
    """
    from tqdm.auto import tqdm

    plan = _plan(claims, as_of, data_as_of, pair, data, out, notebooks)
    fonts = font_dirs()  # fail early, before minutes of work
    kernel = ensure_kernel()
    steps = ["data", *NOTEBOOKS, "pdf"]
    bar = tqdm(total=len(steps), desc="report", unit="step", disable=not progress, leave=True)
    stack = contextlib.ExitStack()
    try:
        stack.enter_context(_source_date_epoch(plan.epoch))
        stack.enter_context(paths.pinned_home())  # kernels run in the notebooks folder
        bar.set_postfix_str("data")
        if plan.data is None:
            _ensure_processed(progress=False)
        bar.update(1)
        pdf = _pdf_bytes(plan, kernel=kernel, fonts=fonts, bar=bar)
        atomic_write(plan.out, pdf)
        bar.update(1)
    finally:
        stack.close()
        bar.close()
    return plan.out
