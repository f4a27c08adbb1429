"""scripts/check_copied_text.py on a constructed repository and a constructed real-text set."""

from __future__ import annotations

import importlib.util
import json
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "check_copied_text.py"


@pytest.fixture(scope="module")
def cct():
    spec = importlib.util.spec_from_file_location("check_copied_text", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


def test_finds_a_copied_fragment_and_not_an_own_sentence(cct, tmp_path):
    sets = tmp_path / "sets"
    sets.mkdir()
    text = (
        "Constructed: bilateral trade climbed by 7.5% to $3.1 billion over the first half of 2023."
    )
    (sets / "a.jsonl").write_text(json.dumps({"id": "X1", "text": text}) + "\n", encoding="utf-8")
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "t.py").write_text(
        '# "trade climbed by 7.5% to $3.1 billion over the first half"\n'
        '# "exports grew 4% to $2 billion in 2021"\n',
        encoding="utf-8",
    )
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run(["git", "-C", str(repo), "add", "t.py"], check=True)
    found = list(cct.hits(repo, cct.load_sets([sets]), 30))
    assert [(f, n, lab) for f, n, _, lab in found] == [("t.py", 1, "sets/X1")]


def test_chinese_uses_a_shorter_window(cct):
    ws = list(cct.windows(cct.norm("据统计,2023年双边贸易额增长了百分之五"), 30))
    assert ws and all(len(w) == 12 for w in ws)


def test_missing_set_folder_is_exit_2(cct, tmp_path, capsys):
    assert cct.main(["--sets", str(tmp_path / "nope")]) == 2
    assert "no such folder" in capsys.readouterr().err
