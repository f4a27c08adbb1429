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
    assert "supported" in md and "published\\_figures.csv" not in md  # paths stay in code spans
    assert "`data/raw/published/published_figures.csv`" in md
    assert "vintage 2026\\-11\\-29" in md


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


# ---------------------------------------------------------------- the whole report


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    out = tmp_path_factory.mktemp("report")
    pdfs = []
    old = os.environ.get("TRADECHECK_REPORT_BUILD_DIR")
    try:
        for name in ("a", "b"):
            # keep the intermediate files, so a mismatch can be explained
            os.environ["TRADECHECK_REPORT_BUILD_DIR"] = str(out / f"build_{name}")
            pdfs.append(
                build.build_report(
                    claims=FIXTURE_CLAIMS,
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
        if any(v in ln for v in ("not_supported", "supported", "mixed", "not_verifiable"))
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
    pdf = build.build_report(
        claims=FIXTURE_CLAIMS,
        data=[FIXTURE_DATA],
        pair="DEU-FRA",
        out=tmp_path / "r.pdf",
        progress=False,
    )
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
