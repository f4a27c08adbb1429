"""tradecheck.loaders.load: folders, several files, forced formats, validation, errors."""

from __future__ import annotations

import pytest

from tradecheck import schema
from tradecheck.errors import LoadError, TradecheckError
from tradecheck.loaders import base, iter_files, load, load_report, loaders
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


# ---------------------------------------------------------------- the load report


def _breakdown_only(tmp_path):
    """Constructed: two Comtrade rows that are both customs-procedure breakdowns."""
    f = tmp_path / "breakdowns.csv"
    f.write_text(
        "freqCode,period,reporterISO,partnerISO,flowCode,cmdCode,customsCode,primaryValue\n"
        "A,2021,BLR,CHN,X,TOTAL,C01,10\n"
        "A,2021,BLR,CHN,X,TOTAL,C02,20\n",
        encoding="utf-8",
    )
    return f


def test_zero_rows_because_rows_were_dropped_is_an_error(tmp_path):
    f = _breakdown_only(tmp_path)
    with pytest.raises(LoadError) as exc:
        load(f)
    msg = str(exc.value)
    assert "no rows loaded: 2 row(s) were dropped" in msg
    assert "customs-procedure breakdown" in msg and "allow_empty=True" in msg
    assert "\n" not in msg


def test_allow_empty_returns_the_empty_table_with_its_report(tmp_path):
    f = _breakdown_only(tmp_path)
    df = load(f, allow_empty=True)
    assert df.empty and list(df.columns) == list(schema.CANONICAL_COLUMNS)
    rep = load_report(df)
    assert rep.dropped == {"customs-procedure breakdown (customsCode other than C00)": 2}
    reason = "customs-procedure breakdown (customsCode other than C00)"
    assert rep.lines() == [f"{f.as_posix()}: dropped 2 row(s) of {reason}"]


def test_a_genuinely_empty_download_is_not_an_error(fixtures_dir):
    df = load(fixtures_dir / "comtrade" / "api_response_real_empty.json")
    assert df.empty and load_report(df).n_dropped == 0


def test_report_counts_by_reason_over_several_files(tmp_path, fixtures_dir):
    a = _breakdown_only(tmp_path)
    b = fixtures_dir / "imf" / "imts_sdmx20_annual_constructed.csv"
    df = load([a, b])
    rep = load_report(df)
    assert rep.dropped["customs-procedure breakdown (customsCode other than C00)"] == 2
    assert rep.dropped["NaN observation"] == 1 and rep.dropped["aggregate country"] == 1
    assert rep.n_dropped == sum(rep.dropped.values()) == 5  # + indicator 'TBG_USD'
    assert len(rep.files) == 2


def test_load_report_of_a_table_not_from_load():
    with pytest.raises(TradecheckError, match="no load report"):
        load_report(schema.empty_frame())
