"""The built wheel works anywhere: offline build, fresh virtual environment, empty folder.

The wheel is built without network (``pip wheel --no-deps --no-build-isolation --no-index``)
from a copy of the files a build reads, so the checkout gets no build/ or egg-info folders.
It is installed with ``--no-deps --no-index`` into a new venv whose only link to this one is a
``.pth`` line naming this venv's site-packages (for the dependencies). A plain ``.pth`` line
adds that folder to ``sys.path`` without running the ``.pth`` files inside it, so this
checkout's editable install (``__editable__.tradecheck-*.pth``) stays invisible; the test
checks it. Then ``tradecheck check`` and ``tradecheck report`` run from an empty folder.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from tradecheck import __version__, paths

REPO = Path(__file__).resolve().parents[2]
BUILD_INPUTS = ("pyproject.toml", "setup.py", "README.md", "src", *paths.SHIPPED.values())
# A claim the shipped UN Comtrade extract decides: China reports 2,729,411,952 US$ of exports
# to Belarus in 2021 (data/raw/comtrade, Comtrade's primaryValue).
CLAIM = "In 2021 China's exports of goods to Belarus came to 2.73 billion US dollars."

pytestmark = [pytest.mark.slow, pytest.mark.report, pytest.mark.xdist_group("report")]


def _run(cmd: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, f"{cmd}: exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
    return proc


def _build_wheel(tmp: Path) -> Path:
    src = tmp / "source"
    for name in BUILD_INPUTS:
        origin = REPO / name
        if origin.is_dir():
            ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", ".ipynb_checkpoints")
            shutil.copytree(origin, src / name, ignore=ignore)
        else:
            src.mkdir(parents=True, exist_ok=True)
            shutil.copy2(origin, src / name)
    dist = tmp / "dist"
    cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation"]
    _run([*cmd, "--no-index", "-w", str(dist), str(src)], tmp, dict(os.environ))
    (wheel,) = dist.glob(f"tradecheck-{__version__}-*.whl")
    return wheel


def _fresh_env(tmp: Path, wheel: Path) -> Path:
    env_dir = tmp / "env"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    py = env_dir / "bin" / "python"
    _run([str(py), "-m", "pip", "install", "--no-deps", "--no-index", str(wheel)], tmp, {})
    site = Path(
        subprocess.check_output(
            [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            text=True,
        ).strip()
    )
    # after the install, so that pip does not see this venv's editable tradecheck
    (site / "zz_tradecheck_test_deps.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8"
    )
    return env_dir


def _user_env(tmp: Path, env_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TRADECHECK", "PYTHON"))}
    env.pop("VIRTUAL_ENV", None)
    env["PATH"] = f"{env_dir / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env["XDG_CACHE_HOME"] = str(tmp / "cache")
    env["TRADECHECK_REPORT_JOBS"] = "1"
    return env


def _listing(folder: Path) -> list[str]:
    return sorted(
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file()
        and not any(x.startswith(".") for x in p.relative_to(folder).parts)
        and "__pycache__" not in p.parts
    )


def test_wheel_installs_into_a_fresh_env_and_works_from_an_empty_folder(tmp_path):
    wheel = _build_wheel(tmp_path)
    names = zipfile.ZipFile(wheel).namelist()
    for key, folder in paths.SHIPPED.items():  # every file of data/raw and notebooks/ ships
        prefix = f"tradecheck/_shipped/{key}/"
        shipped = sorted(n[len(prefix) :] for n in names if n.startswith(prefix))
        assert shipped == _listing(REPO / folder), key
    env_dir = _fresh_env(tmp_path, wheel)
    env = _user_env(tmp_path, env_dir)
    work = tmp_path / "empty"
    work.mkdir()

    probe = "import sys, tradecheck; print(tradecheck.__file__); print(sys.path)"
    out = _run([str(env_dir / "bin" / "python"), "-c", probe], work, env).stdout.splitlines()
    assert Path(out[0]).is_relative_to(env_dir)
    assert str(REPO / "src") not in out[1]  # the checkout's editable install stays out

    tc = str(env_dir / "bin" / "tradecheck")
    checked = _run([tc, "check", CLAIM], work, env).stdout
    assert checked.startswith("SUPPORTED"), checked
    # judged against China's 2021 figure in UN Comtrade ($2.7294B), which holds
    assert "2021-01..2021-12" in checked, checked
    assert re.search(r"China \(UN Comtrade\) .*\$2\.7294B +yes\b", checked), checked
    store = tmp_path / "cache" / "tradecheck" / "data" / "processed" / "canonical.parquet"
    assert store.is_file()  # the store went to the user cache ...
    assert list(work.iterdir()) == []  # ... not into the folder the user is in
    assert not list(env_dir.rglob("canonical.parquet"))  # ... nor into site-packages

    _run([tc, "report", "--no-progress"], work, env)
    pdf = work / "tradecheck_report_BLR-CHN.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-"
    assert not list(env_dir.rglob("canonical.parquet"))

    if shutil.which("make"):  # a project laid out by `tradecheck init` builds its own report
        _run([tc, "init", "proj"], work, env)
        _run(["make", "report"], work / "proj", env)
        assert (work / "proj" / "data" / "processed" / "canonical.parquet").is_file()
        made = work / "proj" / "reports" / "tradecheck_report_BLR-CHN.pdf"
        assert made.read_bytes()[:5] == b"%PDF-"
