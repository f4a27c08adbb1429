"""The report notebooks: committed without outputs, parameterised, and runnable against the
shipped data and against the constructed fixture dataset (tests/fixtures/notebooks)."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

from tradecheck import paths
from tradecheck.report import notebook as rnb
from tradecheck.report.build import NOTEBOOKS, ensure_kernel, execute_notebook

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "notebooks"
FIXTURE_DATA = FIXTURES / "canonical_constructed.csv"
FIXTURE_CLAIMS = FIXTURES / "claims_constructed.txt"
NB_DIR = paths.NOTEBOOKS


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_committed_notebook_has_no_outputs(name: str) -> None:
    # Outputs stay out of git (the PDF is the artefact); `nbstripout` cleans a notebook.
    nb = nbformat.read(NB_DIR / name, as_version=4)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        assert cell.outputs == [], f"{name} cell {i} has outputs: run nbstripout {name}"
        assert cell.execution_count is None, f"{name} cell {i} has an execution count"
        assert "execution" not in cell.metadata, f"{name} cell {i} has timing metadata"


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_has_one_parameters_cell(name: str) -> None:
    nb = nbformat.read(NB_DIR / name, as_version=4)
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    src = tagged[0].source
    for param in ("data_paths", "claims_file", "as_of", "reporter", "partner", "results_out"):
        assert f"{param} = " in src
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")


def test_every_ipynb_in_notebooks_is_clean() -> None:
    # also catches notebooks added later that are not part of the report
    for f in sorted(NB_DIR.rglob("*.ipynb")):
        if ".ipynb_checkpoints" in f.parts:
            continue
        nb = json.loads(f.read_text(encoding="utf-8"))
        dirty = [c for c in nb["cells"] if c.get("outputs") or c.get("execution_count")]
        assert not dirty, f"{f.name} has outputs or execution counts"


def test_default_claims_file_reads_and_covers_the_languages() -> None:
    statements = rnb.read_claims_file(NB_DIR / "inputs" / "default_claims.txt")
    text = "\n".join(statements)
    assert len(statements) >= 7
    assert any("2.2" in s and "2025" in s for s in statements)  # the English original
    assert any("2,2" in s and "Industriegüter" in s for s in statements)  # the German one
    assert any("\u0400" <= ch <= "\u04ff" for ch in text)  # Cyrillic
    assert any("\u4e00" <= ch <= "\u9fff" for ch in text)  # CJK
    assert not any(s.startswith("#") for s in statements)


def test_fixture_dataset_is_canonical() -> None:
    df = rnb.load_data([FIXTURE_DATA])
    assert len(df) == 102
    assert set(df["source"]) == {"imf_dots", "gacc"}


def _run(
    name: str, tmp_path: Path, data_paths: list[str] | None, claims: Path
) -> nbformat.NotebookNode:
    out = tmp_path / name
    params = {
        "data_paths": data_paths,
        "claims_file": str(claims),
        "as_of": "2025-11-29",
        "reporter": "BLR",
        "partner": "CHN",
        "results_out": str(tmp_path / "results.json"),
    }
    return execute_notebook(NB_DIR / name, out, params, kernel_name=ensure_kernel(), cwd=NB_DIR)


def _outputs_text(nb: nbformat.NotebookNode) -> str:
    parts: list[str] = []
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            assert o.output_type != "error", f"error output: {o.get('ename')}: {o.get('evalue')}"
            if o.output_type == "stream" and o.name == "stdout":
                parts.append(o.text)
            for mime in ("text/markdown", "text/html", "text/plain"):
                if mime in o.get("data", {}):
                    parts.append(str(o["data"][mime]))
    return "\n".join(parts)


@pytest.mark.slow
@pytest.mark.notebooks
@pytest.mark.xdist_group("report")
@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_on_fixture_data(name: str, tmp_path: Path) -> None:
    nb = _run(name, tmp_path, [str(FIXTURE_DATA)], FIXTURE_CLAIMS)
    text = _outputs_text(nb)
    # no run-specific metadata survives execution
    assert all("papermill" not in c.metadata and "execution" not in c.metadata for c in nb.cells)
    if name.startswith("01"):
        assert "**102** canonical rows" in text
    if name.startswith("02"):
        assert "2016" in text and "2024" in text
    if name.startswith("03"):
        assert "658,8" in text  # the Russian statement is listed
        assert (tmp_path / "results.json").exists()
    if name.startswith("04"):
        assert "1.06" in text  # the constructed CIF margin of China's exports shows up


@pytest.mark.slow
@pytest.mark.notebooks
@pytest.mark.xdist_group("report")
@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_on_shipped_data(name: str, tmp_path: Path) -> None:
    nb = _run(name, tmp_path, None, NB_DIR / "inputs" / "default_claims.txt")
    text = _outputs_text(nb)
    if name.startswith("01"):
        assert "canonical rows were loaded" in text
    if name.startswith("02"):
        assert "1992" in text


def test_nbstripout_has_nothing_to_strip() -> None:
    # the committed form is exactly what nbstripout produces (ids, metadata, no outputs)
    import subprocess
    import sys

    pytest.importorskip("nbstripout")
    files = [str(f) for f in sorted(NB_DIR.glob("*.ipynb"))]
    res = subprocess.run(
        [sys.executable, "-m", "nbstripout", "--dry-run", *files],
        capture_output=True,
        text=True,
        check=True,
    )
    assert res.stdout.strip() == "", res.stdout


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_prose_names_no_country(name: str) -> None:
    # a report for --pair BLR-RUS must not talk about China: the pair's names come from the
    # parameters (nb.pair_names), never from the notebook's own text
    nb = nbformat.read(NB_DIR / name, as_version=4)
    for i, cell in enumerate(nb.cells):
        if "parameters" in cell.metadata.get("tags", []):
            continue
        for word in ("Belarus", "China", "Belarusian", "Chinese", '"BLR"', '"CHN"'):
            assert word not in cell.source, f"{name} cell {i} names {word}"
