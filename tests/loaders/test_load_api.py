"""tradecheck.loaders.load: folders, several files, forced formats, validation, errors."""

from __future__ import annotations

import pytest

from tradecheck import schema
from tradecheck.errors import LoadError
from tradecheck.loaders import base, iter_files, load, loaders
from tradecheck.loaders.base import LoadWarning

NAMES = (
    "comtrade_json",
    "comtrade_csv",
    "comtrade_bulk",
    "comtrade_legacy_csv",
    "comtrade_legacy_json",
    "published",
    "generic",
)


def test_formats_registered():
    known = loaders()
    for name in NAMES:
        assert name in known and known[name].description


def test_folder_loads_every_data_file_and_skips_sidecars(fixtures_dir, tmp_path):
    for name in ("website_subset_real_rows.csv", "api_response_real_empty.json"):
        (tmp_path / name).write_bytes((fixtures_dir / "comtrade" / name).read_bytes())
    (tmp_path / "website_subset_real_rows.csv.meta.json").write_text('{"vintage": "2024-05-06"}')
    (tmp_path / "README.md").write_text("notes")
    assert [p.name for p in iter_files([tmp_path])] == [
        "api_response_real_empty.json",
        "website_subset_real_rows.csv",
    ]
    df = load(tmp_path)
    assert len(df) == 10 and set(df["vintage"]) == {"2024-05-06"}


def test_several_files_concatenated_and_validated(fixtures_dir):
    files = [
        fixtures_dir / "comtrade" / "api_response_real_CHN_2010_A_TOTAL_partners_ARG_DEU.json",
        fixtures_dir / "published" / "published_constructed.csv",
        fixtures_dir / "generic" / "tidy_canonical.csv",
    ]
    df = load(files)
    assert list(df.columns) == list(schema.CANONICAL_COLUMNS)
    assert df.groupby("source").size().to_dict() == {"comtrade": 4, "generic": 4, "published": 8}
    assert schema.validate(df) is df


def test_all_empty_gives_empty_frame(fixtures_dir):
    df = load(fixtures_dir / "comtrade" / "api_response_real_empty.json")
    assert df.empty and list(df.columns) == list(schema.CANONICAL_COLUMNS)


def test_forced_format(fixtures_dir):
    f = fixtures_dir / "comtrade" / "website_subset_real_rows.csv"
    assert len(load(f, format="comtrade_csv")) == 10
    with pytest.raises(LoadError, match="unknown format 'nope'"):
        load(f, format="nope")
    with pytest.raises(LoadError, match="missing column"):
        load(f, format="published")


def test_missing_path_and_nothing_to_load(tmp_path):
    with pytest.raises(LoadError, match="no such file"):
        load(tmp_path / "absent.csv")
    empty_dir = tmp_path / "d"
    empty_dir.mkdir()
    with pytest.raises(LoadError, match="no data files"):
        load(empty_dir)


def test_unexpected_loader_failure_becomes_load_error(monkeypatch, fixtures_dir):
    f = fixtures_dir / "generic" / "tidy_canonical.csv"
    orig = loaders()["generic"]

    def boom(path, **kw):
        raise ValueError("something odd")

    monkeypatch.setitem(
        base._REGISTRY,
        "generic",
        orig.__class__(orig.name, orig.source, orig.sniff, boom, orig.description, orig.extensions),
    )
    monkeypatch.delenv("TRADECHECK_DEBUG", raising=False)
    with pytest.raises(LoadError) as exc:
        load(f)
    assert "tidy_canonical.csv" in str(exc.value) and "ValueError: something odd" in str(exc.value)


def test_warnings_are_load_warnings(fixtures_dir):
    with pytest.warns(LoadWarning):
        load(fixtures_dir / "comtrade" / "legacy_35cols_constructed.csv")


@pytest.mark.parametrize(
    "name",
    [
        "tradecheck.loaders.base",
        "tradecheck.loaders.comtrade",
        "tradecheck.loaders.generic",
        "tradecheck.loaders.published",
        "tradecheck.loaders._cli",
        "tradecheck.loaders",
    ],
)
def test_docstring_examples(name):
    import doctest
    import importlib

    mod = importlib.import_module(name)
    result = doctest.testmod(mod, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
