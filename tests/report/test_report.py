"""The report pipeline: small pieces (fast) and the whole PDF built twice (slow)."""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import subprocess
from pathlib import Path

import nbformat
import pytest

from tradecheck.report import build, provenance
from tradecheck.report.build import ReportError

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "notebooks"
FIXTURE_DATA = FIXTURES / "canonical_constructed.csv"
FIXTURE_CLAIMS = FIXTURES / "claims_constructed.txt"


# ---------------------------------------------------------------- small pieces


def test_pair_and_dates_are_normalised(monkeypatch: pytest.MonkeyPatch) -> None:
    assert build.normalise_pair("blr-chn") == ("BLR", "CHN")
    assert build.normalise_pair(["CHN", "BLR"]) == ("CHN", "BLR")
    for bad in ("BLR", "BLR-BLR", "BY-CN", ("BLR", "CHN", "RUS")):
        with pytest.raises(ReportError, match="ISO3"):
            build.normalise_pair(bad)
    with pytest.raises(ReportError, match="YYYY-MM-DD"):
        build.normalise_as_of("29.11.2025")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert build.source_date_epoch() == build.DEFAULT_EPOCH
    assert build.normalise_as_of(None) == "2025-11-29"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert build.normalise_as_of(None) == "2023-11-14"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(ReportError, match="SOURCE_DATE_EPOCH"):
        build.source_date_epoch()


def test_scrub_removes_timings_and_random_ids() -> None:
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("1")
    cell.metadata["execution"] = {"iopub.status.busy": "2026-01-01T00:00:00Z"}
    cell.metadata["papermill"] = {"duration": 0.1}
    nb.cells = [cell]
    nb.metadata["papermill"] = {
        "start_time": "x",
        "end_time": "y",
        "duration": 1.0,
        "parameters": {"a": 1},
    }
    build.scrub_notebook(nb)
    assert nb.metadata["papermill"] == {"parameters": {"a": 1}}
    assert nb.cells[0].metadata == {}
    assert nb.cells[0].id == "cell-000"


def _executed_like_notebook(tmp_path: Path) -> Path:
    """A notebook as papermill leaves it (outputs written by hand, nothing executed)."""
    nb = nbformat.v4.new_notebook()
    code = nbformat.v4.new_code_cell("print('secret code')", execution_count=1)
    code.outputs = [
        nbformat.v4.new_output("stream", name="stdout", text="visible Беларусь 中国\n"),
        nbformat.v4.new_output("stream", name="stderr", text="noisy warning\n"),
        nbformat.v4.new_output(
            "display_data",
            data={
                "text/html": "<table><thead><tr><th>year</th><th>value</th></tr></thead>"
                "<tbody><tr><td>2022</td><td>5.08</td></tr></tbody></table>",
                "text/plain": "plain fallback",
            },
        ),
    ]
    nb.cells = [nbformat.v4.new_markdown_cell("# Title\n\nNarrative text."), code]
    path = tmp_path / "x.ipynb"
    nbformat.write(nb, path)
    return path


def test_conversion_hides_code_keeps_outputs_and_makes_tables(tmp_path: Path) -> None:
    src = _executed_like_notebook(tmp_path)
    typ = build.notebook_to_typst(src, tmp_path / "x.typ", workdir=tmp_path)
    text = typ.read_text(encoding="utf-8")
    assert "Narrative text." in text
    assert "visible Беларусь 中国" in text
    assert "secret code" not in text  # code input hidden
    assert "noisy warning" not in text  # stderr dropped
    assert "#table(" in text and "[5.08]" in text  # HTML table -> real table
    assert "plain fallback" not in text  # one representation per output


def test_compile_fails_on_unknown_font(tmp_path: Path) -> None:
    main = tmp_path / "main.typ"
    main.write_text('#set text(font: "No Such Font Family")\nHello', encoding="utf-8")
    with pytest.raises(ReportError, match="font"):
        build.compile_pdf(main, root=tmp_path, sys_inputs={}, timestamp=0)


def test_compile_is_deterministic_and_embeds_cjk(tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    main = tmp_path / "main.typ"
    main.write_text(
        '#set text(font: ("Libertinus Serif", "Noto Serif CJK SC"))\n'
        "Беларусь и Китай 中国 白俄罗斯\n",
        encoding="utf-8",
    )
    a = build.compile_pdf(main, root=tmp_path, sys_inputs={}, timestamp=1764374400)
    b = build.compile_pdf(main, root=tmp_path, sys_inputs={}, timestamp=1764374400)
    assert a == b
    text = pypdf.PdfReader(io.BytesIO(a)).pages[0].extract_text()
    assert "Беларусь" in text and "中国" in text


def test_atomic_write_replaces_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "r.pdf"
    build.atomic_write(target, b"one")
    build.atomic_write(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in target.parent.iterdir()] == ["r.pdf"]
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask  # as open() would create it


def test_appendix_lists_files_versions_and_verdict_figures() -> None:
    results = {
        "statements": [
            {
                "index": 1,
                "text": "t",
                "error": None,
                "results": [
                    {
                        "claim": {"span": "trade reached $5.08 bn in 2022"},
                        "verdict": "supported",
                        "readings": [
                            {
                                "label": "China's statistics",
                                "evidence": [
                                    {
                                        "value": 5.08e9,
                                        "period_start": "2022-01",
                                        "period_end": "2022-12",
                                        "reporter": "CHN",
                                        "flow": "T",
                                        "source": "published",
                                        "source_file": "data/raw/published/published_figures.csv",
                                        "source_ref": "https://example.org/x",
                                        "vintage": "2026-11-29",
                                        "how": "annual row",
                                    }
                                ],
                            }
                        ],
                    }
                ],
            }
        ]
    }
    md = provenance.appendix_markdown(
        data=[FIXTURE_DATA], as_of="2025-11-29", results=results, claims_file=FIXTURE_CLAIMS
    )
    assert (
        "tests/fixtures/notebooks/canonical\\_constructed.csv" in md
        or "canonical_constructed.csv" in md
    )
    assert hashlib.sha256(FIXTURE_DATA.read_bytes()).hexdigest() in md
    for pkg in ("pandas", "matplotlib", "statsmodels", "typst", "pandoc"):
        assert f"| {pkg} |" in md
    assert "**1. SUPPORTED**" in md  # words, not the code
    assert "vintage 2026\\-11\\-29" in md
    # the citation is listed once, and the figure points to it
    assert md.count("https://example.org/x") == 1
    assert "5,080,000,000 (2022\\-01..2022\\-12" in md.replace("\\.\\.", "..")
    assert "\\[1\\]" in md and "1. <https://example.org/x>" in md


def test_appendix_flags_a_changed_raw_file(tmp_path: Path) -> None:
    f = tmp_path / "x.csv"
    f.write_text("a\n", encoding="utf-8")
    (tmp_path / "x.csv.meta.json").write_text(
        '{"sha256": "00", "vintage": "2024-01-01"}', encoding="utf-8"
    )
    (info,) = provenance.input_files([tmp_path])
    assert info.vintage == "2024-01-01"
    assert "DIFFERS" in info.checksum_note


def test_cli_registers_report() -> None:
    from tradecheck.report import _cli

    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers()
    _cli.register(sub)
    args = parser.parse_args(
        [
            "report",
            "--pair",
            "BLR-CHN",
            "--as-of",
            "2025-11-05",
            "--data",
            "a.csv",
            "b.csv",
            "--out",
            "r.pdf",
        ]
    )
    assert args.func is _cli.run and args.data == ["a.csv", "b.csv"] and args.as_of == "2025-11-05"


def test_missing_claims_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="claims file not found"):
        build.build_report(claims=tmp_path / "nope.txt", out=tmp_path / "r.pdf", progress=False)


def test_plan_checks_paths_in_order_and_fills_defaults(tmp_path: Path) -> None:
    """build_report's first step: arguments checked (data paths, then notebooks) and
    resolved before any kernel starts; constructed folders only."""
    nb_dir = tmp_path / "nb"
    (nb_dir / "inputs").mkdir(parents=True)
    (nb_dir / "inputs" / "default_claims.txt").write_text("# none\n", encoding="utf-8")
    args = dict(claims=None, as_of="2025-01-02", data_as_of=None, pair="chn-blr", out=None)
    with pytest.raises(ReportError, match=r"data path not found: .*missing\.csv"):
        build._plan(**args, data=[FIXTURE_DATA, tmp_path / "missing.csv"], notebooks=nb_dir)
    with pytest.raises(ReportError, match=r"notebook\(s\) missing: .*01_load_and_validate"):
        build._plan(**args, data=FIXTURE_DATA, notebooks=nb_dir)
    for name in build.NOTEBOOKS:
        (nb_dir / name).write_text("{}", encoding="utf-8")
    plan = build._plan(**args, data=str(FIXTURE_DATA), notebooks=nb_dir)
    assert plan.pair == ("CHN", "BLR") and plan.data == [FIXTURE_DATA]
    assert plan.claims == nb_dir / "inputs" / "default_claims.txt"
    assert plan.out == build.default_output(("CHN", "BLR"))
    assert [p.name for p in plan.sources] == list(build.NOTEBOOKS)
    params = build._notebook_params(plan)
    assert params["data_paths"] == [str(FIXTURE_DATA.resolve())] and params["reporter"] == "CHN"
    assert params["results_out"] is None and params["as_of"] == "2025-01-02"


# ---------------------------------------------------------------- the whole report


#: Constructed statements that look like markup: they must print literally, never run.
HOSTILE_LINES = (
    "**Bold words** China's exports to Belarus in 2020 came to $1.89 billion.",
    '`#panic("typst ran a claim")`{=typst} and #emph[not markup] and $x^2$ and <b>tag</b>',
)


def hostile_claims(folder: Path) -> Path:
    """The fixture claims plus :data:`HOSTILE_LINES`, in a file whose name has markup too."""
    path = folder / "claims_*x*_[1]`y`.txt"
    text = FIXTURE_CLAIMS.read_text(encoding="utf-8") + "\n".join(HOSTILE_LINES) + "\n"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    out = tmp_path_factory.mktemp("report")
    claims = hostile_claims(out)
    pdfs = []
    old = os.environ.get("TRADECHECK_REPORT_BUILD_DIR")
    try:
        for name in ("a", "b"):
            # keep the intermediate files, so a mismatch can be explained
            os.environ["TRADECHECK_REPORT_BUILD_DIR"] = str(out / f"build_{name}")
            pdfs.append(
                build.build_report(
                    claims=claims,
                    data=[FIXTURE_DATA],
                    as_of="2025-11-29",
                    out=out / f"{name}.pdf",
                    progress=False,
                )
            )
    finally:
        if old is None:
            os.environ.pop("TRADECHECK_REPORT_BUILD_DIR", None)
        else:
            os.environ["TRADECHECK_REPORT_BUILD_DIR"] = old
    return pdfs[0], pdfs[1]


def _first_difference(a: Path, b: Path) -> str:
    for fa in sorted(a.rglob("*.typ")):
        fb = b / fa.relative_to(a)
        if not fb.exists() or fa.read_bytes() != fb.read_bytes():
            la = fa.read_text(encoding="utf-8").splitlines()
            lb = fb.read_text(encoding="utf-8").splitlines() if fb.exists() else []
            for i, (x, y) in enumerate(zip(la, lb, strict=False)):
                if x != y:
                    return f"{fa.name} line {i + 1}: {x!r} != {y!r}"
            return f"{fa.name}: lengths differ"
    media = sorted(p.name for p in (a / "media").glob("*")) if (a / "media").exists() else []
    return f"the .typ files are identical; media: {media}"


@pytest.mark.slow
@pytest.mark.report
@pytest.mark.xdist_group("report")
def test_report_is_byte_identical(two_builds: tuple[Path, Path]) -> None:
    a, b = two_builds
    ha = hashlib.sha256(a.read_bytes()).hexdigest()
    hb = hashlib.sha256(b.read_bytes()).hexdigest()
    assert ha == hb, _first_difference(a.parent / "build_a", b.parent / "build_b")


@pytest.mark.slow
@pytest.mark.report
@pytest.mark.xdist_group("report")
def test_report_text_has_verdicts_scripts_and_provenance(two_builds: tuple[Path, Path]) -> None:
    pypdf = pytest.importorskip("pypdf")
    reader = pypdf.PdfReader(str(two_builds[0]))
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "Беларуси" in text  # the Russian statement, as real glyphs
    assert "白俄罗斯" in text  # the Chinese statement
    verdicts = [
        ln
        for ln in text.splitlines()
        if any(v in ln for v in ("NOT SUPPORTED", "SUPPORTED", "MIXED", "NOT VERIFIABLE"))
    ]
    assert verdicts, "no verdict line in the PDF"
    assert "Provenance appendix" in text
    assert hashlib.sha256(FIXTURE_DATA.read_bytes()).hexdigest()[:16] in text.replace("\n", "")
    assert reader.metadata is not None


@pytest.mark.slow
@pytest.mark.report
@pytest.mark.xdist_group("report")
def test_report_charts_are_sharp(two_builds: tuple[Path, Path]) -> None:
    pypdf = pytest.importorskip("pypdf")
    reader = pypdf.PdfReader(str(two_builds[0]))
    widths = [img.image.width for page in reader.pages for img in page.images]
    assert widths, "no chart in the PDF"
    # 160 dpi PNGs printed at ~6.3 in -> ~1000 px wide; anything under 150 dpi would be < 950
    assert min(widths) >= 900


@pytest.mark.slow
@pytest.mark.report
@pytest.mark.xdist_group("report")
def test_failing_notebook_is_reported_by_name(tmp_path: Path) -> None:
    nbs = tmp_path / "notebooks"
    nbs.mkdir()
    for name in build.NOTEBOOKS:
        nb = nbformat.v4.new_notebook()
        params = nbformat.v4.new_code_cell("data_paths = None")
        params.metadata["tags"] = ["parameters"]
        body = "raise ValueError('broken on purpose')" if name.startswith("01") else "x = 1"
        nb.cells = [nbformat.v4.new_markdown_cell("# t"), params, nbformat.v4.new_code_cell(body)]
        nb.metadata["kernelspec"] = {
            "name": "python3",
            "display_name": "Python 3",
            "language": "python",
        }
        nbformat.write(nb, nbs / name)
    with pytest.raises(ReportError, match=r"01_load_and_validate.ipynb failed.*broken on purpose"):
        build.build_report(
            claims=FIXTURE_CLAIMS,
            data=[FIXTURE_DATA],
            notebooks=nbs,
            out=tmp_path / "r.pdf",
            progress=False,
        )
    assert (tmp_path / "01_load_and_validate.failed.ipynb").exists()
    assert not (tmp_path / "r.pdf").exists()


def test_pandoc_is_the_bundled_one() -> None:
    import pypandoc

    out = subprocess.run(
        [pypandoc.get_pandoc_path(), "--list-output-formats"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "typst" in out.split()


@pytest.mark.slow
@pytest.mark.report
@pytest.mark.xdist_group("report")
def test_pair_without_data_gives_a_report_that_says_so(tmp_path: Path) -> None:
    # the fixture only holds BLR-CHN rows: every section must explain, none may invent numbers
    pypdf = pytest.importorskip("pypdf")
    here = Path.cwd()
    pdf = build.build_report(
        claims=FIXTURE_CLAIMS,
        data=[FIXTURE_DATA],
        pair="DEU-FRA",
        out=tmp_path / "r.pdf",
        progress=False,
    )
    # notebooks run in parallel threads; the caller stays where it was (papermill's cwd=
    # used to chdir the process, and the threads restored each other's directory)
    assert Path.cwd() == here
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(str(pdf)).pages)
    assert "Germany (DEU)" in text and "France (FRA)" in text
    assert "not shown" in text
    assert "supported" not in text.split("Provenance appendix")[-1].replace("not_supported", "")


def test_report_jobs_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRADECHECK_REPORT_JOBS", "1")
    assert build.report_jobs() == 1
    monkeypatch.setenv("TRADECHECK_REPORT_JOBS", "many")
    with pytest.raises(ReportError, match="TRADECHECK_REPORT_JOBS"):
        build.report_jobs()
    monkeypatch.delenv("TRADECHECK_REPORT_JOBS")
    assert 1 <= build.report_jobs() <= 4


def test_kernel_is_this_interpreter() -> None:
    import sys

    from jupyter_client.kernelspec import KernelSpecManager

    name = build.ensure_kernel()
    spec = KernelSpecManager().get_kernel_spec(name)
    assert build._is_this_python(spec.argv[0])
    assert build._is_this_python(sys.executable)
    assert not build._is_this_python("/opt/elsewhere/bin/python3")


def _pdf_text(pdf: Path) -> list[str]:
    pypdf = pytest.importorskip("pypdf")
    return [p.extract_text() for p in pypdf.PdfReader(str(pdf)).pages]


@pytest.mark.slow
@pytest.mark.report
@pytest.mark.xdist_group("report")
def test_user_text_prints_literally(two_builds: tuple[Path, Path]) -> None:
    # the build did not fail on the typst snippet, and every hostile piece prints as written
    text = "\n".join(_pdf_text(two_builds[0]))
    flat = " ".join(text.split())
    assert "**Bold words**" in flat  # not bold, stars kept
    assert '`#panic("typst ran a claim")`{=typst}' in flat
    assert "#emph[not markup]" in flat and "$x^2$" in flat and "<b>tag</b>" in flat
    assert "claims_*x*_[1]`y`.txt" in flat  # the file name, in the notebook and the appendix


@pytest.mark.slow
@pytest.mark.report
@pytest.mark.xdist_group("report")
def test_first_page_after_the_title_answers(two_builds: tuple[Path, Path]) -> None:
    import json

    from tradecheck.report import summary

    pages = _pdf_text(two_builds[0])
    page = " ".join(pages[1].split())
    assert "The claims at a glance" in page
    assert "Belarus's figures" in page and "China's figures" in page
    # one row per claim, from the results the claims notebook wrote
    results = json.loads((two_builds[0].parent / "build_a" / "claims_results.json").read_text())
    rows = summary.summary_rows(results, ("BLR", "CHN"))
    assert len(rows) >= 6
    for row in rows:
        assert row["verdict"] in page and row["n"] in page
        assert " ".join(row["read_as"].split()) in page
    assert "not_verifiable" not in page  # words, not codes


@pytest.mark.slow
@pytest.mark.report
@pytest.mark.xdist_group("report")
def test_cover_states_both_dates_from_the_data(two_builds: tuple[Path, Path]) -> None:
    from tradecheck.report import notebook as rnb

    cover = " ".join(_pdf_text(two_builds[0])[0].split())
    latest = rnb.latest_vintage(rnb.load_data([FIXTURE_DATA]), ("BLR", "CHN"))
    assert "Claims as of 2025-11-29" in cover
    assert f"Data as of {latest}: all data" in cover


def _text_area(template: str) -> tuple[float, float, float]:
    """Margins (x, top, bottom) in pt, read from the template's page setup."""
    import re

    m = re.search(r"margin: \(x: ([\d.]+)cm, top: ([\d.]+)cm, bottom: ([\d.]+)cm\)", template)
    assert m, "page margins not found in template.typ"
    x, top, bottom = (float(v) * 72 / 2.54 for v in m.groups())
    return x, top, bottom


def figure_boxes(pdf: Path) -> list[tuple[int, tuple[float, float, float, float], tuple]]:
    """Every image drawn in ``pdf``: (page number, page size and margins, image box in pt)."""
    pypdf = pytest.importorskip("pypdf")
    from importlib import resources

    template = resources.files("tradecheck.report").joinpath("template.typ").read_text()
    mx, mtop, mbottom = _text_area(template)
    out = []
    for n, page in enumerate(pypdf.PdfReader(str(pdf)).pages, 1):
        w, h = float(page.mediabox.width), float(page.mediabox.height)
        xobjects = page["/Resources"].get("/XObject", {})
        sizes = (w, h, mx, mtop, mbottom)

        def visit(op: bytes, args: list, cm: list, tm: list, n=n, xo=xobjects, sz=sizes) -> None:
            if op == b"Do" and xo[args[0]].get_object().get("/Subtype") == "/Image":
                a, _b, _c, d, e, f = (float(v) for v in cm)
                out.append((n, sz, (e, f, e + a, f + d)))

        page.extract_text(visitor_operand_before=visit)
    return out


@pytest.mark.slow
@pytest.mark.report
@pytest.mark.xdist_group("report")
def test_every_figure_fits_inside_its_page(two_builds: tuple[Path, Path]) -> None:
    boxes = figure_boxes(two_builds[0])
    assert len(boxes) >= 5
    for page, (w, h, mx, mtop, mbottom), (x0, y0, x1, y1) in boxes:
        where = f"page {page}: image at x {x0:.0f}..{x1:.0f}, y {y0:.0f}..{y1:.0f} pt"
        assert mx - 1 <= x0 and x1 <= w - mx + 1, where
        assert mbottom - 1 <= y0 and y1 <= h - mtop + 1, where


@pytest.mark.slow
@pytest.mark.report
@pytest.mark.xdist_group("report")
def test_no_near_empty_page(two_builds: tuple[Path, Path]) -> None:
    # sections follow one another; a page holds a chart or at least a few lines of text
    pypdf = pytest.importorskip("pypdf")
    pages = pypdf.PdfReader(str(two_builds[0])).pages
    for n, page in enumerate(pages[1:-1], 2):  # the cover and the last page may be short
        chars = len(" ".join(page.extract_text().split()))
        assert chars >= 600 or len(page.images) > 0, f"page {n} is nearly empty ({chars} chars)"


def test_figure_box_check_catches_a_tall_figure(tmp_path: Path) -> None:
    # a constructed chart twice as tall as the page: the check above must see it overflow
    from matplotlib.figure import Figure

    fig = Figure(figsize=(4, 16))
    fig.add_subplot().plot([0, 1])
    fig.savefig(tmp_path / "tall.png", dpi=20)
    main = tmp_path / "main.typ"
    main.write_text(
        '#set page(paper: "a4", margin: (x: 2cm, top: 2.3cm, bottom: 2.2cm))\n'
        '#image("tall.png", width: 92%)\n',
        encoding="utf-8",
    )
    pdf = tmp_path / "t.pdf"
    pdf.write_bytes(build.compile_pdf(main, root=tmp_path, sys_inputs={}, timestamp=0))
    ((_, (_w, h, _mx, mtop, mbottom), (_x0, y0, _x1, y1)),) = figure_boxes(pdf)
    assert y1 - y0 > h - mtop - mbottom  # taller than the text area: would fail the test


def test_markup_in_user_text_is_literal_through_pandoc_and_typst(tmp_path: Path) -> None:
    from tradecheck.report import notebook as rnb

    hostile = "**x** `#panic()`{=typst} #strong[y] $z$ <i>w</i> [link](http://a.b) @cite 1. ~s~"
    typ = build.markdown_to_typst(f"Claim: {rnb.esc(hostile)}\n", tmp_path / "a.typ")
    main = tmp_path / "main.typ"
    main.write_text(f'#include "{typ.name}"\n', encoding="utf-8")
    pdf = build.compile_pdf(main, root=tmp_path, sys_inputs={}, timestamp=0)
    (page,) = _pdf_text_bytes(pdf)
    assert hostile in " ".join(page.split())


def _pdf_text_bytes(pdf: bytes) -> list[str]:
    pypdf = pytest.importorskip("pypdf")
    return [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def test_appendix_does_not_change_when_data_is_rebuilt_later(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # data/processed built twice from the same raw files at different times: the manifests
    # differ (build time), the appendix must not
    import json
    import shutil

    from tradecheck import paths
    from tradecheck.store.build import build as store_build

    raw = tmp_path / "raw" / "published"
    raw.mkdir(parents=True)
    for f in (paths.RAW / "published").glob("published_figures.csv*"):
        shutil.copy(f, raw / f.name)
    texts, stamps = [], []
    for epoch in ("1764374400", "1800000000"):
        out = tmp_path / "processed"  # the same folder, rebuilt
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
        store_build(tmp_path / "raw", out, force=True, progress=False)
        monkeypatch.setattr(paths, "MANIFEST", out / "manifest.json")
        monkeypatch.setattr(paths, "CANONICAL_PARQUET", out / "canonical.parquet")
        stamps.append(json.loads((out / "manifest.json").read_text())["built_at"])
        texts.append(provenance.appendix_markdown(data=None, as_of="2025-11-29"))
    assert stamps[0] != stamps[1]
    assert texts[0] == texts[1]
    assert "canonical.parquet" in texts[0] and "built at" not in texts[0]


def test_data_as_of_restricts_rows_and_names_the_latest_date(tmp_path: Path) -> None:
    import pandas as pd

    from tradecheck.report import notebook as rnb

    # the constructed fixture with its first 40 rows re-dated to an earlier release
    raw = pd.read_csv(FIXTURE_DATA, dtype=str, keep_default_na=False)
    raw.loc[:39, "vintage"] = "2021-06-30"
    data = tmp_path / "two_vintages.csv"
    raw.to_csv(data, index=False)
    df = rnb.load_data([data])
    kept = rnb.restrict_to(df, "2021-12-31")
    assert len(kept) == 40 and set(kept["vintage"]) == {"2021-06-30"}
    latest_all = str(raw["vintage"].max())
    sentence, latest = build.data_dates([data], ("BLR", "CHN"), None)
    assert latest == latest_all and sentence.startswith(f"{latest_all}: all data")
    sentence, latest = build.data_dates([data], ("BLR", "CHN"), "2021-12-31")
    assert latest == "2021-06-30" and sentence.startswith("2021-12-31: only figures published")
